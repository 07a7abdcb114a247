"""gotmpl.html.Template: Go's html/template API over a gotmpl.Template set.

As in Go, an html Template wraps a text template of one underlying set and
adds the escaping state: a template is escaped the first time it (or a
template calling it) is executed, its trees rewritten to call the escaping
functions of gotmpl.html.escapers; once any template of the set has run, the
set can no longer be parsed into.
"""

from __future__ import annotations

import os
import threading
import types
from collections.abc import Callable, Mapping
from typing import Any

from .. import template as _text
from ..errors import ExecError, LimitExceeded, TemplateError
from ..exec.builtins import BUILTINS, Builtin
from ..exec.calls import ANY, Signature
from ..exec.state import Limits
from ..gostd.strconv import quote
from ..parse.nodes import ListNode
from .errors import EscapeError
from .escape import Budget, Escaper, OverBudget
from .escapers import ESCAPERS, UNCHANGED

__all__ = ["Template", "parse_files", "parse_glob"]

# The set's builtins once it is escaped: text/template's and the escapers.
_ESCAPING_BUILTINS: Mapping[str, Builtin] = types.MappingProxyType(
    {
        **BUILTINS,
        **{
            name: Builtin(name, fn, Signature((), ANY), UNCHANGED.get(name))
            for name, fn in ESCAPERS.items()
        },
    }
)

# A template's escape state: None (not escaped yet), _ESCAPED, or its EscapeError.
_ESCAPED: Any = object()


class _NameSpace:
    """What the templates of one html set share: the set, its escaper, whether it ran."""

    __slots__ = ("common", "escaped", "escaper", "lock", "members")

    def __init__(self, common: _text._Common) -> None:
        self.common = common
        self.members: dict[str, Template] = {}
        self.escaped = False
        self.escaper = Escaper(self)
        self.lock = threading.RLock()

    def tree(self, name: str) -> ListNode | None:
        return self.common.tree(name)

    def has_member(self, name: str) -> bool:
        return name in self.members


class Template(_text.TemplateAPI):
    """An html/template template: ``gotmpl.Template``'s API, output escaped for HTML.

    Every action's output is escaped for the context it lands in: HTML text, an
    attribute, a URL, JavaScript, CSS ... Values of gotmpl.html's content types
    (``HTML``, ``URL`` ...) pass where their type says they are safe. A template
    is escaped when it (or one calling it) first executes; from then on its set
    can be neither parsed into nor cloned.
    """

    __slots__ = ("__weakref__", "_escape_state", "_ns", "_text")
    _package = "html/template"

    def __init__(self, name: str = "") -> None:
        self._text = _text.Template(name)
        self._ns = _NameSpace(self._text._common)
        self._escape_state: Any = None
        self._ns.members[name] = self

    @property
    def name(self) -> str:
        """The template's name."""
        return self._text.name

    @property
    def tree(self) -> ListNode | None:
        """The template's parse tree (see gotmpl.Template.tree); escaped once executed."""
        return self._text.tree

    # -- set-up --------------------------------------------------------------------------

    def funcs(self, funcs: Mapping[str, Callable[..., Any]]) -> Template:
        """Adds functions callable from templates (see gotmpl.Template.funcs)."""
        self._text.funcs(funcs)
        return self

    def option(self, *options: str) -> Template:
        """Sets options: ``missingkey=default|invalid|zero|error``."""
        self._text.option(*options)
        return self

    def delims(self, left: str = "", right: str = "") -> Template:
        """Sets the action delimiters for later parses; empty means ``{{`` / ``}}``."""
        self._text.delims(left, right)
        return self

    def new(self, name: str) -> Template:
        """A new, undefined template of this set (replacing any of that name)."""
        with self._ns.lock:
            return self._new(name)

    def _new(self, name: str) -> Template:
        t = _wrapping(self._ns, self._text.new(name))
        self._ns.members[name] = t
        return t

    # -- parsing ---------------------------------------------------------------------------

    def _check_can_parse(self) -> None:
        """Go refuses to parse into a set once any of its templates ran."""
        with self._ns.lock:
            if self._ns.escaped:
                raise TemplateError("html/template: cannot Parse after Execute")

    def parse(self, text: str, *, limits: Limits | None = None) -> Template:
        """Parses ``text`` as this template's body; ``{{define}}`` adds templates.

        With ``limits``, parsing stops with LimitExceeded past their ``seconds``."""
        self._check_can_parse()
        self._text.parse(text, limits=limits)
        ns = self._ns
        with ns.lock:
            for handle in self._text.templates():
                member = ns.members.get(handle.name)
                if member is None:
                    member = self._new(handle.name)
                member._text = handle
        return self

    # -- the set -----------------------------------------------------------------------------

    def lookup(self, name: str) -> Template | None:
        """The template ``name`` of this set (defined or not), or None."""
        with self._ns.lock:
            return self._ns.members.get(name)

    def templates(self) -> list[Template]:
        """Every template of the set, undefined ones included (as in Go)."""
        with self._ns.lock:
            return list(self._ns.members.values())

    def defined_templates(self) -> str:
        """Go's DefinedTemplates: ``; defined templates are: "a", "b"`` or ``""``."""
        return self._text.defined_templates()

    def clone(self) -> Template:
        """A copy of the set that later changes to either leave the other alone.

        Like Go's, it fails once this template, or any of the set, has been
        executed (escaped).
        """
        ns = self._ns
        refusal = f"html/template: cannot Clone {quote(self.name)} after it has executed"
        with ns.lock:
            if self._escape_state is not None:
                raise TemplateError(refusal)
            text = self._text.clone()
            copy = _NameSpace(text._common)
            top = _wrapping(copy, text)
            copy.members[top.name] = top
            for handle in text.templates():
                source = ns.members.get(handle.name)
                if source is None or source._escape_state is not None:
                    raise TemplateError(refusal)
                copy.members[handle.name] = _wrapping(copy, handle)
            return copy.members[top.name]

    # -- escaping ------------------------------------------------------------------------------

    def _tree(self) -> ListNode | None:
        return self._text._def.tree

    def _escape(self, limits: Limits | None) -> None:
        """Escapes this template for its first execution; raises what stops it."""
        ns = self._ns
        with ns.lock:
            ns.escaped = True
            state = self._escape_state
            if state is None:
                if self._tree() is None:
                    raise ExecError(
                        f"template: {quote(self.name)} is an incomplete or empty template",
                        name=self.name,
                    )
                self._escape_tree(limits)
            elif state is not _ESCAPED:
                raise state.with_traceback(None)

    def _escape_tree(self, limits: Limits | None) -> None:
        """Runs the escaper over this template (and what it calls), then gives the set
        the rewritten trees; a failure leaves the template unusable, as in Go.
        Limits with steps or seconds bound the escaping too (LimitExceeded, after
        which a later execution may try again)."""
        ns = self._ns
        name = self.name
        tree = self._tree()
        assert tree is not None
        budget = None
        if limits is not None and (limits.steps is not None or limits.seconds is not None):
            budget = Budget(limits.steps, limits.seconds)
        try:
            problem = ns.escaper.escape_template(name, tree, budget)
        except OverBudget as e:
            reason = f"escaping: {e}"
            raise LimitExceeded(
                f"html/template:{name}: {reason}", name=name, reason=reason
            ) from None
        member = ns.members.get(name)
        if problem is not None:
            error = problem.exception()
            if member is not None:
                member._escape_state = error
                ns.common.install({name: None})
            raise error
        ns.common.install(ns.escaper.commit(), _ESCAPING_BUILTINS)
        if member is not None:
            member._escape_state = _ESCAPED

    def _to_run(self, limits: Limits | None) -> _text.Template:
        self._escape(limits)
        return self._text

    def _member_to_run(self, name: str, limits: Limits | None) -> _text.Template:
        return self._escaped_member(name, limits)._text

    def _escaped_member(self, name: str, limits: Limits | None) -> Template:
        """The template ``name``, escaped (Go's lookupAndEscapeTemplate)."""
        ns = self._ns
        with ns.lock:
            ns.escaped = True
            t = ns.members.get(name)
            if t is None:
                raise ExecError(f"html/template: {quote(name)} is undefined", name=name)
            state = t._escape_state
            if isinstance(state, EscapeError):
                raise state.with_traceback(None)
            if t._tree() is None:
                raise ExecError(
                    f"html/template: {quote(name)} is an incomplete template", name=name
                )
            if state is None:
                t._escape_tree(limits)
            return t


def parse_files(*paths: str | os.PathLike[str]) -> Template:
    """An html template set from files; the first file names the returned template."""
    return _text.set_from_files(Template, Template._package, paths)


def parse_glob(pattern: str) -> Template:
    """An html template set from the files matching ``pattern``."""
    return parse_files(*_text._matching(Template._package, pattern))


def _wrapping(ns: _NameSpace, text: _text.Template) -> Template:
    """An html template of the set ``ns`` over the text template ``text``."""
    t = Template.__new__(Template)
    t._text, t._ns, t._escape_state = text, ns, None
    return t
