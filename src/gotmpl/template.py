"""The public API: Template (Go's *template.Template), render, parse_files, parse_glob."""

from __future__ import annotations

import abc
import glob as _glob
import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING, Any, ClassVar, TypeVar, overload

from .errors import ExecError, LimitExceeded, TemplateError
from .exec import stack
from .exec.builtins import BUILTINS, Builtin
from .exec.calls import signature_of
from .exec.codegen import UNSET
from .exec.compiler import CompiledTemplate, Options, compile_template
from .exec.lookup import MISSINGKEY_ERROR, MISSINGKEY_INVALID, MISSINGKEY_ZERO
from .exec.meter import Meter
from .exec.state import Limits, State, _OutputLimit, begin, end, exec_error
from .gostd import fmt as gofmt
from .gostd.strconv import go_string, quote
from .parse.nodes import ListNode
from .parse.parser import is_empty_tree, parse
from .values import MISSING

if TYPE_CHECKING:
    from .tools.sourcemap import SourceMap

__all__ = ["Template", "TemplateAPI", "parse_files", "parse_glob", "render"]


class _Definition:
    """One template of a set: its tree, delimiters and compiled code."""

    __slots__ = ("cache", "left", "name", "right", "tree")

    def __init__(self, name: str, left: str, right: str) -> None:
        self.name = name
        self.tree: ListNode | None = None
        self.left = left
        self.right = right
        # (trace, metered) -> (options version, tree, compiled): compiled lazily, per mode
        self.cache: dict[tuple[bool, bool], tuple[int, ListNode, CompiledTemplate]] = {}

    def copy(self) -> _Definition:
        d = _Definition(self.name, self.left, self.right)
        d.tree = self.tree
        return d


class _Common:
    """What associated templates share: the name space, functions and options.

    It holds definitions, not Template objects, and Templates hold it: so a
    template set has no reference cycle and is freed as soon as it is dropped,
    without waiting for the cyclic garbage collector.
    """

    def __init__(self) -> None:
        self.definitions: dict[str, _Definition] = {}  # what {{template "name"}} finds
        # One Template object per definition while somebody holds it (lookup's identity).
        self.handles: weakref.WeakValueDictionary[str, Template] = weakref.WeakValueDictionary()
        self.funcs: dict[str, Callable[..., Any]] = {}
        self.builtins: Mapping[str, Builtin] = BUILTINS
        self.missingkey = MISSINGKEY_INVALID
        self.sandbox = False  # strict (see values.class_method)
        self.version = 0  # bumped when functions or options change
        self.lock = threading.RLock()

    def copy(self) -> _Common:
        c = _Common()
        c.funcs = dict(self.funcs)
        c.builtins = self.builtins
        c.missingkey = self.missingkey
        c.sandbox = self.sandbox
        return c

    def tree(self, name: str) -> ListNode | None:
        """The tree of definition ``name``, or None."""
        d = self.definitions.get(name)
        return None if d is None else d.tree

    def install(
        self, trees: Mapping[str, ListNode | None], builtins: Mapping[str, Builtin] | None = None
    ) -> None:
        """Sets the trees of definitions by name (adding missing ones) and, if given,
        the builtins: how gotmpl.html hands over the trees its escaper rewrote and
        the escaping functions they call (Go's AddParseTree and Funcs)."""
        with self.lock:
            for name, tree in trees.items():
                d = self.definitions.get(name)
                if d is None:
                    d = self.definitions[name] = _Definition(name, "", "")
                d.tree = tree
                d.cache = {}
            if builtins is not None:
                self.builtins = builtins
                self.version += 1

    def compiled(
        self,
        d: _Definition,
        trace: bool = False,
        metered: bool = False,
        check: Callable[[], None] | None = None,
    ) -> CompiledTemplate:
        """``d`` compiled with the current functions and options (cached); ``metered``
        for executions with Limits, ``check`` to stop compiling (see compile_template)."""
        tree = d.tree
        assert tree is not None
        mode = (trace, metered)
        cached = d.cache.get(mode)
        if cached is not None and cached[0] == self.version and cached[1] is tree:
            return cached[2]
        with self.lock:
            version = self.version
            options = Options(
                dict(self.funcs), self.builtins, self.missingkey, trace, self.sandbox, metered
            )
        compiled = _compile_deep(d.name, tree, options, check)
        d.cache[mode] = (version, tree, compiled)
        return compiled


# Template.option's settings: (key, value) -> the value of that attribute of _Common.
_OPTIONS: dict[tuple[str, str], Any] = {
    ("missingkey", "invalid"): MISSINGKEY_INVALID,
    ("missingkey", "default"): MISSINGKEY_INVALID,
    ("missingkey", "zero"): MISSINGKEY_ZERO,
    ("missingkey", "error"): MISSINGKEY_ERROR,
    ("sandbox", "default"): False,
    ("sandbox", "strict"): True,
}


def _good_name(name: str) -> bool:
    """Go's goodName: a function name must be an identifier."""
    if name.isascii():  # [A-Za-z_][A-Za-z0-9_]*: Python's rule, in C
        return name.isidentifier()
    return _good_unicode_name(name)


def _good_unicode_name(name: str) -> bool:
    """goodName by Go's own rule, Unicode letters and digits included."""
    if not name:
        return False
    for i, ch in enumerate(name):
        if ch == "_":
            continue
        if i == 0 and not ch.isalpha():
            return False
        if not (ch.isalpha() or ch.isdecimal()):
            return False
    return True


_PARSE_CACHE: OrderedDict[tuple, dict[str, ListNode]] = OrderedDict()
_PARSE_CACHE_SIZE = 256
# The hashes of the keys parsed once and not kept (oldest first): trees are kept
# from a text's second parse on. A kept tree lives on in the cyclic collector's
# oldest generation, which every full collection walks, so trees of texts parsed
# only once (a linter's files, a service's many templates) made each collection
# slower for nothing: about 0.8 ms more a new template in a process with the
# cache full of them. A hash is an int the collector does not track; two texts
# sharing one at most keep a tree one parse early.
_PARSED_ONCE: dict[int, None] = {}
_PARSED_ONCE_SIZE = 4 * _PARSE_CACHE_SIZE
_FIRST_PARSE = object()  # a key's hash not in _PARSED_ONCE
_parse_cache_lock = threading.Lock()


def _parse_cached(
    name: str,
    text: str,
    left: str,
    right: str,
    funcs: frozenset[str],
    check: Callable[[], None] | None = None,
) -> dict[str, ListNode]:
    """parse(), remembering the last few hundred results of texts parsed more than
    once (trees are immutable)."""
    key = (name, text, left, right, funcs)
    with _parse_cache_lock:
        trees = _PARSE_CACHE.get(key)
        if trees is not None:
            _PARSE_CACHE.move_to_end(key)
            return trees
    trees = parse(name, text, left, right, funcs, check)
    digest = hash(key)
    with _parse_cache_lock:
        if _PARSED_ONCE.pop(digest, _FIRST_PARSE) is _FIRST_PARSE:
            _PARSED_ONCE[digest] = None
            if len(_PARSED_ONCE) > _PARSED_ONCE_SIZE:
                del _PARSED_ONCE[next(iter(_PARSED_ONCE))]
            return trees
        _PARSE_CACHE[key] = trees
        if len(_PARSE_CACHE) > _PARSE_CACHE_SIZE:
            _PARSE_CACHE.popitem(last=False)
    return trees


_T = TypeVar("_T", bound="TemplateAPI")


class TemplateAPI(abc.ABC):
    """What gotmpl.Template and gotmpl.html.Template share: parsing files and
    executing, over hooks that say which text template runs (``_to_run``,
    ``_member_to_run``: html/template escapes it first, within the execution's
    limits), whether parsing is
    still allowed (``_check_can_parse``) and how errors are prefixed
    (``_package``)."""

    __slots__ = ()
    _package: ClassVar[str] = "template"

    def __repr__(self) -> str:
        package = type(self).__module__.rpartition(".")[0]  # gotmpl, gotmpl.html
        return f"<{package}.{type(self).__name__} {self.name!r}>"

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The template's name."""

    @abc.abstractmethod
    def new(self: _T, name: str) -> _T:
        """A new template of this set."""

    @abc.abstractmethod
    def parse(self: _T, text: str, *, limits: Limits | None = None) -> _T:
        """Parses ``text`` as this template's body (stopping past ``limits.seconds``)."""

    @abc.abstractmethod
    def _to_run(self, limits: Limits | None) -> Template:
        """The text template ``execute`` runs."""

    @abc.abstractmethod
    def _member_to_run(self, name: str, limits: Limits | None) -> Template:
        """The text template ``execute_template(name)`` runs."""

    def _check_can_parse(self) -> None:  # noqa: B027 - parsing is allowed unless refused
        """Raises when the set may no longer be parsed into."""

    def parse_files(self: _T, *paths: str | os.PathLike[str]) -> _T:
        """Parses files; each defines the template named after its base name."""
        self._check_can_parse()
        if not paths:
            raise TemplateError(f"{self._package}: no files named in call to ParseFiles")
        for path in paths:
            name = os.path.basename(os.fspath(path))
            with open(path, "rb") as f:
                text = go_string(f.read())
            (self if name == self.name else self.new(name)).parse(text)
        return self

    def parse_glob(self: _T, pattern: str) -> _T:
        """Parses the files matching ``pattern`` (Go's ParseGlob)."""
        self._check_can_parse()
        return self.parse_files(*_matching(self._package, pattern))

    @overload
    def execute(
        self, data: Any = None, out: None = None, *, limits: Limits | None = None
    ) -> str: ...

    @overload
    def execute(self, data: Any, out: IO[str], *, limits: Limits | None = None) -> None: ...

    def execute(
        self, data: Any = None, out: IO[str] | None = None, *, limits: Limits | None = None
    ) -> str | None:
        """Applies the template to ``data``: returns the text, or writes it to ``out``."""
        return _execute(self._to_run(limits), data, out, limits)

    def execute_with_source_map(
        self, data: Any = None, *, limits: Limits | None = None
    ) -> SourceMap:
        """Executes the template recording which node wrote each part of the output."""
        st = _run(self._to_run(limits), data, None, limits, trace=True)
        from .tools import sourcemap  # tools of their own: not at start-up

        return sourcemap.build("".join(st.out), st.spans)

    @overload
    def execute_template(
        self, name: str, data: Any = None, out: None = None, *, limits: Limits | None = None
    ) -> str: ...

    @overload
    def execute_template(
        self, name: str, data: Any, out: IO[str], *, limits: Limits | None = None
    ) -> None: ...

    def execute_template(
        self,
        name: str,
        data: Any = None,
        out: IO[str] | None = None,
        *,
        limits: Limits | None = None,
    ) -> str | None:
        """Executes the associated template ``name`` (Go's ExecuteTemplate)."""
        return _execute(self._member_to_run(name, limits), data, out, limits)


def _matching(package: str, pattern: str) -> list[str]:
    """The files matching ``pattern``, sorted; Go's error when there are none."""
    paths = sorted(_glob.glob(pattern))
    if not paths:
        raise TemplateError(gofmt.sprintf(f"{package}: pattern matches no files: %#q", pattern))
    return paths


def set_from_files(
    new: Callable[[str], _T], package: str, paths: tuple[str | os.PathLike[str], ...]
) -> _T:
    """A set of templates ``new(name)`` makes from files (Go's package-level
    ParseFiles): the first file names the returned template."""
    if not paths:
        raise TemplateError(f"{package}: no files named in call to ParseFiles")
    return new(os.path.basename(os.fspath(paths[0]))).parse_files(*paths)


class Template(TemplateAPI):
    """A named template and the set of templates associated with it.

    Mirrors Go's ``*template.Template``: ``funcs``, ``option``, ``delims`` and
    ``parse`` return the template so calls chain; ``new`` makes an associated
    template that can be called with ``{{template "name"}}``.
    """

    __slots__ = ("__weakref__", "_common", "_def")

    def __init__(self, name: str = "") -> None:
        self._common = _Common()
        self._def = _Definition(name, "", "")

    @classmethod
    def _handle(cls, common: _Common, d: _Definition) -> Template:
        t = cls.__new__(cls)
        t._common = common
        t._def = d
        return t

    @property
    def name(self) -> str:
        """The template's name."""
        return self._def.name

    @property
    def _name(self) -> str:
        return self._def.name

    @property
    def tree(self) -> ListNode | None:
        """The template's parse tree (Go's ``t.Tree``, of gotmpl.parse.nodes), or None
        while it is not defined."""
        return self._def.tree

    # -- set-up ------------------------------------------------------------------------

    def funcs(self, funcs: Mapping[str, Callable[..., Any]]) -> Template:
        """Adds functions callable from templates; later calls replace same-named ones.

        A function's Go signature comes from its annotations (see gotmpl.exec.calls);
        an exception it raises stops execution with ``error calling NAME: ...``.
        """
        for name, fn in funcs.items():
            if not _good_name(name):
                raise ValueError(f"function name {quote(name)} is not a valid identifier")
            if not callable(fn):
                raise TypeError(f"value for {name} not a function")
            sig = signature_of(fn, name)
            if sig.results_error is not None:
                raise TypeError(sig.results_error)
        with self._common.lock:
            self._common.funcs.update(funcs)
            self._common.version += 1
        return self

    def option(self, *options: str) -> Template:
        """Sets options: ``missingkey=default|invalid|zero|error`` (Go's Option), and
        gotmpl's ``sandbox=default|strict`` (which methods templates may call; see
        README "Untrusted templates")."""
        for opt in options:
            if opt == "":
                raise ValueError("empty option string")
            key, sep, value = opt.partition("=")
            if not sep or (key, value) not in _OPTIONS:
                raise ValueError(f"unrecognized option: {opt}")
            with self._common.lock:
                setattr(self._common, key, _OPTIONS[key, value])
                self._common.version += 1
        return self

    def delims(self, left: str = "", right: str = "") -> Template:
        """Sets the action delimiters for later parses; empty means ``{{`` / ``}}``."""
        self._def.left = left
        self._def.right = right
        return self

    def new(self, name: str) -> Template:
        """A new, undefined template associated with this one, with the same delimiters."""
        return Template._handle(self._common, _Definition(name, self._def.left, self._def.right))

    # -- parsing -----------------------------------------------------------------------

    def parse(self, text: str, *, limits: Limits | None = None) -> Template:
        """Parses ``text`` as this template's body; ``{{define}}`` adds associated ones.

        With ``limits``, parsing stops with LimitExceeded past their ``seconds``."""
        common = self._common
        with common.lock:
            names = frozenset(common.funcs) | frozenset(common.builtins)
        own = self._def
        check = None
        if limits is not None and limits.seconds is not None:
            check = Meter(limits, own.name).check_clock
        trees = _parse_cached(own.name, text, own.left, own.right, names, check)
        with common.lock:
            for name, tree in trees.items():
                existing = common.definitions.get(name)
                if existing is not None and existing.tree is not None and is_empty_tree(tree):
                    # An empty body does not replace a definition, but a template
                    # without a body of its own still gets it (Go's AddParseTree).
                    if name == own.name and own.tree is None:
                        own.tree = tree
                        own.cache = {}
                    continue
                if name == own.name:
                    target = own
                    common.handles[name] = self
                else:  # {{define}}: the associated template of that name, or a new one
                    target = existing or _Definition(name, own.left, own.right)
                common.definitions[name] = target
                target.tree = tree
                target.cache = {}
        return self

    # -- the set ---------------------------------------------------------------------------

    def lookup(self, name: str) -> Template | None:
        """The associated template ``name``, or None."""
        common = self._common
        with common.lock:
            d = common.definitions.get(name)
            return None if d is None else self._handle_of(d)

    def _handle_of(self, d: _Definition) -> Template:
        """The Template object for a definition of this set: the same one while held."""
        common = self._common
        t = common.handles.get(d.name)
        if t is None or t._def is not d:
            t = common.handles[d.name] = Template._handle(common, d)
        return t

    def templates(self) -> list[Template]:
        """Every associated template, this one included if defined."""
        with self._common.lock:
            return [self._handle_of(d) for d in self._common.definitions.values()]

    def defined_templates(self) -> str:
        """Go's DefinedTemplates: ``; defined templates are: "a", "b"`` or ``""``."""
        defs = self._common.definitions
        names = [quote(n) for n, d in defs.items() if d.tree is not None]
        return "; defined templates are: " + ", ".join(names) if names else ""

    def clone(self) -> Template:
        """A copy whose later parses and function changes do not affect this one."""
        common = self._common
        with common.lock:
            c = common.copy()
            own = self._def.copy()
            for name, d in common.definitions.items():
                c.definitions[name] = own if d is self._def else d.copy()
            clone = Template._handle(c, own)
            if c.definitions.get(own.name) is own:
                c.handles[own.name] = clone
        return clone

    # -- execution ---------------------------------------------------------------------

    def _to_run(self, limits: Limits | None) -> Template:
        return self

    def _member_to_run(self, name: str, limits: Limits | None) -> Template:
        tmpl = self.lookup(name)
        if tmpl is None:
            raise ExecError(
                f"template: no template {quote(name)} associated with template {quote(self._name)}",
                name=self._name,
            )
        return tmpl


def _compile_deep(
    name: str, tree: ListNode, options: Options, check: Callable[[], None] | None
) -> CompiledTemplate:
    # Compiling may start deep in an execution (a template called for the first
    # time); the compiler looks at the stack again every GUARD_EVERY levels.
    return stack.with_room(stack.COMPILE_STRETCH, compile_template, name, tree, options, check)


def _execute(tmpl: Template, data: Any, out: IO[str] | None, limits: Limits | None) -> str | None:
    st = _run(tmpl, data, out, limits)
    if out is not None:
        _flush(st, out)
        return None
    try:
        return "".join(st.out)
    except MemoryError:
        st.out.clear()
        raise _out_of_memory(tmpl._name) from None


def _out_of_memory(name: str) -> ExecError:
    # Go dies here ("runtime: out of memory"); Python goes on once the text built
    # so far is let go, which makes the partial output too big to keep.
    reason = "out of memory"
    return ExecError(f"template: {name}: {reason}", name=name, reason=reason)


def _run(
    tmpl: Template, data: Any, out: IO[str] | None, limits: Limits | None, trace: bool = False
) -> State:
    """Executes ``tmpl``; on error, writes the partial output to ``out`` and raises."""
    name = tmpl._name
    if tmpl._def.tree is None:
        raise exec_error(name, None, "%q is an incomplete or empty template", name)
    st = State(tmpl._common, name, limits)
    token = begin(st, name)
    try:
        meter = st.meter
        check = meter.check_clock if meter is not None and meter.deadline else None
        compiled = tmpl._common.compiled(tmpl._def, trace, meter is not None, check)
        dot = MISSING if data is None else data
        frame = [UNSET] * compiled.frame_size
        frame[0] = dot
        if st.nesting == 1:
            compiled.run(st, dot, frame)
        else:  # started by a function of a running template, maybe deep in its stack
            stack.run_nested(st, compiled.run, dot, frame)
    except _OutputLimit as e:
        _flush(st, out)
        raise LimitExceeded(
            f"template: {name}: output limit exceeded ({e.limit} bytes)",
            name=name,
            reason=f"output limit exceeded ({e.limit} bytes)",
        ) from None
    except MemoryError:
        st.out.clear()
        raise _out_of_memory(name) from None
    except RecursionError:
        _flush(st, out)
        # Templates nest as deep as Go lets them (exec.stack); what still gets here
        # recursed through data or a function: Python's C code comparing or sorting
        # deeply nested values, say.
        reason = "maximum recursion depth exceeded"
        raise ExecError(f"template: {name}: {reason}", name=name, reason=reason) from None
    except TemplateError:
        _flush(st, out)
        raise
    finally:
        end(token)
    return st


def _flush(st: State, out: IO[str] | None) -> None:
    if out is not None and st.out:
        out.write("".join(st.out))
        st.out.clear()


def render(
    text: str,
    data: Any = None,
    *,
    funcs: Mapping[str, Callable[..., Any]] | None = None,
    options: tuple[str, ...] | list[str] = (),
    name: str = "",
) -> str:
    """Parses ``text`` and executes it on ``data`` in one call."""
    t = Template(name)
    if funcs:
        t.funcs(funcs)
    if options:
        t.option(*options)
    return t.parse(text).execute(data)


def parse_files(*paths: str | os.PathLike[str]) -> Template:
    """A template set from files; the first file names the returned template."""
    return set_from_files(Template, Template._package, paths)


def parse_glob(pattern: str) -> Template:
    """A template set from the files matching ``pattern``."""
    return parse_files(*_matching(Template._package, pattern))
