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
import weakref
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


# The text template class by another name: inside Template, _text is its property.
_TextTemplate = _text.Template


class _Member:
    """One template of an html set: its text template and its escape state."""

    __slots__ = ("escape_state", "text")

    def __init__(self, text: _text.Template) -> None:
        self.text = text
        self.escape_state: Any = None


class _Trees:
    """What the escaper asks of the set: trees and membership (and nothing that
    leads back to the set, so that a dropped set is freed without the cyclic
    collector)."""

    __slots__ = ("common", "members")

    def __init__(self, common: _text._Common, members: dict[str, _Member]) -> None:
        self.common = common
        self.members = members

    def tree(self, name: str) -> ListNode | None:
        return self.common.tree(name)

    def has_member(self, name: str) -> bool:
        return name in self.members


class _NameSpace:
    """What the templates of one html set share: the set, its escaper, whether it ran.

    The set holds its members' state; a Template is a view of one member, the same
    object for a name while someone holds it (the set holds views weakly).
    """

    __slots__ = ("common", "escaped", "escaper", "lock", "members", "views")

    def __init__(self, common: _text._Common) -> None:
        self.common = common
        self.members: dict[str, _Member] = {}
        self.views: weakref.WeakValueDictionary[str, Template] = weakref.WeakValueDictionary()
        self.escaped = False
        self.escaper = Escaper(_Trees(common, self.members))
        self.lock = threading.RLock()

    def add(self, text: _text.Template) -> Template:
        """A new member over ``text`` (replacing any of its name), and its view."""
        member = self.members[text.name] = _Member(text)
        return self._view(text.name, member)

    def view(self, name: str) -> Template | None:
        """The member ``name`` as a Template, or None."""
        view = self.views.get(name)
        if view is not None and view._member is self.members.get(name):
            return view
        member = self.members.get(name)
        return None if member is None else self._view(name, member)

    def _view(self, name: str, member: _Member) -> Template:
        view = Template.__new__(Template)
        view._ns, view._member = self, member
        self.views[name] = view
        return view


class Template(_text.TemplateAPI):
    """An html/template template: ``gotmpl.Template``'s API, output escaped for HTML.

    Every action's output is escaped for the context it lands in: HTML text, an
    attribute, a URL, JavaScript, CSS ... Values of gotmpl.html's content types
    (``HTML``, ``URL`` ...) pass where their type says they are safe. A template
    is escaped when it (or one calling it) first executes; from then on its set
    can be neither parsed into nor cloned.
    """

    __slots__ = ("__weakref__", "_member", "_ns")
    _package = "html/template"

    def __init__(self, name: str = "") -> None:
        text = _text.Template(name)
        self._ns = _NameSpace(text._common)
        self._member = self._ns.members[name] = _Member(text)
        self._ns.views[name] = self

    @property
    def _text(self) -> _TextTemplate:
        return self._member.text

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
            return self._ns.add(self._text.new(name))

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
                    ns.add(handle)
                else:
                    member.text = handle
        return self

    # -- the set -----------------------------------------------------------------------------

    def lookup(self, name: str) -> Template | None:
        """The template ``name`` of this set (defined or not), or None."""
        with self._ns.lock:
            return self._ns.view(name)

    def templates(self) -> list[Template]:
        """Every template of the set, undefined ones included (as in Go)."""
        ns = self._ns
        with ns.lock:
            return [view for name in list(ns.members) if (view := ns.view(name)) is not None]

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
            if self._member.escape_state is not None:
                raise TemplateError(refusal)
            text = self._text.clone()
            copy = _NameSpace(text._common)
            top = copy.add(text)
            for handle in text.templates():
                source = ns.members.get(handle.name)
                if source is None or source.escape_state is not None:
                    raise TemplateError(refusal)
                copy.add(handle)
            return top

    # -- escaping ------------------------------------------------------------------------------

    def _tree(self) -> ListNode | None:
        return self._text._def.tree

    def _escape(self, limits: Limits | None) -> None:
        """Escapes this template for its first execution; raises what stops it."""
        ns = self._ns
        with ns.lock:
            ns.escaped = True
            state = self._member.escape_state
            if state is None:
                tree = self._tree()
                if tree is None:
                    raise ExecError(
                        f"template: {quote(self.name)} is an incomplete or empty template",
                        name=self.name,
                    )
                _escape_tree(ns, self.name, tree, limits)
            elif state is not _ESCAPED:
                raise state.with_traceback(None)

    def _to_run(self, limits: Limits | None) -> _TextTemplate:
        self._escape(limits)
        return self._text

    def _member_to_run(self, name: str, limits: Limits | None) -> _TextTemplate:
        """The template ``name``, escaped (Go's lookupAndEscapeTemplate)."""
        ns = self._ns
        with ns.lock:
            ns.escaped = True
            member = ns.members.get(name)
            if member is None:
                raise ExecError(f"html/template: {quote(name)} is undefined", name=name)
            state = member.escape_state
            if isinstance(state, EscapeError):
                raise state.with_traceback(None)
            tree = member.text.tree
            if tree is None:
                raise ExecError(
                    f"html/template: {quote(name)} is an incomplete template", name=name
                )
            if state is None:
                _escape_tree(ns, name, tree, limits)
            return member.text


def _escape_tree(ns: _NameSpace, name: str, tree: ListNode, limits: Limits | None) -> None:
    """Runs the set's escaper over template ``name`` (and what it calls), then gives the
    set the rewritten trees; a failure leaves the template unusable, as in Go.
    Limits with steps or seconds bound the escaping too (LimitExceeded, after
    which a later execution may try again)."""
    budget = None
    if limits is not None and (limits.steps is not None or limits.seconds is not None):
        budget = Budget(limits.steps, limits.seconds)
    try:
        problem = ns.escaper.escape_template(name, tree, budget)
    except OverBudget as e:
        reason = f"escaping: {e}"
        raise LimitExceeded(f"html/template:{name}: {reason}", name=name, reason=reason) from None
    member = ns.members.get(name)
    if problem is not None:
        error = problem.exception()
        if member is not None:
            member.escape_state = error
            ns.common.install({name: None})
        raise error
    ns.common.install(ns.escaper.commit(), _ESCAPING_BUILTINS)
    if member is not None:
        member.escape_state = _ESCAPED


def parse_files(*paths: str | os.PathLike[str]) -> Template:
    """An html template set from files; the first file names the returned template."""
    return _text.set_from_files(Template, Template._package, paths)


def parse_glob(pattern: str) -> Template:
    """An html template set from the files matching ``pattern``."""
    return parse_files(*_text._matching(Template._package, pattern))
