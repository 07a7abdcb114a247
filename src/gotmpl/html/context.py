"""Where in an HTML document a template is: html/template's escaping context.

A :class:`Context` says what an HTML parser (and the JS and CSS parsers inside
it) would be doing at a point of the output: in text, in a tag, in a quoted
attribute value that is a URL, in a JS regexp, in a CSS string ... Its parts
print with Go's names (``stateURL``, ``delimDoubleQuote`` ...), which appear in
error messages and in the names of templates cloned for another context.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from ..parse.nodes import Node
from .errors import ErrorCode, problem

__all__ = [
    "ATTR_START_STATES",
    "Attr",
    "BraceDepths",
    "Context",
    "Delim",
    "Element",
    "JSCtx",
    "State",
    "URLPart",
    "error_context",
    "go_name",
    "is_comment",
    "is_in_script_literal",
    "is_in_tag",
    "join",
    "nudge",
    "replace",
]


State = enum.IntEnum(
    "State",
    "TEXT TAG ATTR_NAME AFTER_NAME BEFORE_VALUE HTML_CMT RCDATA ATTR URL SRCSET JS JS_DQ_STR"
    " JS_SQ_STR JS_TMPL_LIT JS_REGEXP JS_BLOCK_CMT JS_LINE_CMT JS_HTML_OPEN_CMT"
    " JS_HTML_CLOSE_CMT CSS CSS_DQ_STR CSS_SQ_STR CSS_DQ_URL CSS_SQ_URL CSS_URL CSS_BLOCK_CMT"
    " CSS_LINE_CMT ERROR META_CONTENT META_CONTENT_URL DEAD",
    start=0,
)
State.__doc__ = "The high-level parser state (Go's ``state``)."

Delim = enum.IntEnum("Delim", "NONE DOUBLE_QUOTE SINGLE_QUOTE SPACE_OR_TAG_END", start=0)
Delim.__doc__ = "What ends the attribute value being written (Go's ``delim``)."

URLPart = enum.IntEnum("URLPart", "NONE PRE_QUERY QUERY_OR_FRAG UNKNOWN", start=0)
URLPart.__doc__ = "Which part of a URL is being written (Go's ``urlPart``)."

JSCtx = enum.IntEnum("JSCtx", "REGEXP DIV_OP UNKNOWN", start=0)
JSCtx.__doc__ = "Whether a ``/`` would start a regexp or a division (Go's ``jsCtx``)."

Attr = enum.IntEnum("Attr", "NONE SCRIPT SCRIPT_TYPE STYLE URL SRCSET META_CONTENT", start=0)
Attr.__doc__ = "The kind of attribute being written (Go's ``attr``)."

Element = enum.IntEnum("Element", "NONE SCRIPT STYLE TEXTAREA TITLE META", start=0)
Element.__doc__ = "The special element whose tag or body is being written (Go's ``element``)."

# Go's names of the members, as its stringer prints them (in errors, mangled names).
_GO_NAMES: dict[type, tuple[str, ...]] = {
    State: tuple(
        "state" + name
        for name in [
            "Text",
            "Tag",
            "AttrName",
            "AfterName",
            "BeforeValue",
            "HTMLCmt",
            "RCDATA",
            "Attr",
            "URL",
            "Srcset",
            "JS",
            "JSDqStr",
            "JSSqStr",
            "JSTmplLit",
            "JSRegexp",
            "JSBlockCmt",
            "JSLineCmt",
            "JSHTMLOpenCmt",
            "JSHTMLCloseCmt",
            "CSS",
            "CSSDqStr",
            "CSSSqStr",
            "CSSDqURL",
            "CSSSqURL",
            "CSSURL",
            "CSSBlockCmt",
            "CSSLineCmt",
            "Error",
            "MetaContent",
            "MetaContentURL",
            "Dead",
        ]
    ),
    Delim: ("delimNone", "delimDoubleQuote", "delimSingleQuote", "delimSpaceOrTagEnd"),
    URLPart: ("urlPartNone", "urlPartPreQuery", "urlPartQueryOrFrag", "urlPartUnknown"),
    JSCtx: ("jsCtxRegexp", "jsCtxDivOp", "jsCtxUnknown"),
    Attr: tuple(
        "attr" + name
        for name in ("None", "Script", "ScriptType", "Style", "URL", "Srcset", "MetaContent")
    ),
    Element: tuple(
        "element" + name for name in ("None", "Script", "Style", "Textarea", "Title", "Meta")
    ),
}


def go_name(member: enum.IntEnum) -> str:
    """A context part's name in Go (``stateJSDqStr``, ``delimNone`` ...)."""
    return _GO_NAMES[type(member)][member]


_COMMENTS = frozenset(
    {
        State.HTML_CMT,
        State.JS_BLOCK_CMT,
        State.JS_LINE_CMT,
        State.JS_HTML_OPEN_CMT,
        State.JS_HTML_CLOSE_CMT,
        State.CSS_BLOCK_CMT,
        State.CSS_LINE_CMT,
    }
)
_IN_TAG = frozenset({State.TAG, State.ATTR_NAME, State.AFTER_NAME, State.BEFORE_VALUE, State.ATTR})
_SCRIPT_LITERALS = frozenset({State.JS_DQ_STR, State.JS_SQ_STR, State.JS_TMPL_LIT, State.JS_REGEXP})


def is_comment(s: State) -> bool:
    """Whether ``s`` is inside a comment, whose text the output leaves out."""
    return s in _COMMENTS


def is_in_tag(s: State) -> bool:
    """Whether ``s`` is inside a start tag."""
    return s in _IN_TAG


def is_in_script_literal(s: State) -> bool:
    """Whether ``s`` is inside a JS string, template literal or regexp, where
    ``<!--``, ``<script`` and ``</script`` must be neutralised."""
    return s in _SCRIPT_LITERALS


def _grown_capacity(old_cap: int, needed: int) -> int:
    """The capacity Go's append gives a []int that must hold ``needed`` elements."""
    cap = 2 * old_cap if needed <= 2 * old_cap else needed
    if needed <= 2 * old_cap and old_cap >= 256:
        cap = old_cap
        while cap < needed:
            cap += (cap + 3 * 256) >> 2
    size = cap * 8
    for size_class in _SIZE_CLASSES:
        if size <= size_class:
            return size_class // 8
    return -(-size // 8192) * 1024  # large allocations come in whole pages


# The malloc size classes of Go's runtime up to 2 KiB, which append rounds up to.
_SIZE_CLASSES: tuple[int, ...] = (
    *(8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240),
    *(256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024),
    *(1152, 1280, 1408, 1536, 1792, 2048),
)


class BraceDepths:
    """The brace depth of each open JS template-literal ``${`` substitution.

    It behaves as the Go slice it stands for: contexts copied from one another
    share its array, so raising the innermost depth in one context raises it in
    all of them, as in Go, where html/template copies contexts by value. The
    escaper's results depend on that sharing in templates and range loops that
    open braces inside a substitution.
    """

    __slots__ = ("array", "length")

    def __init__(self, array: list[int], length: int) -> None:
        self.array = array  # its len() is the Go capacity
        self.length = length

    def values(self) -> list[int]:
        return self.array[: self.length]

    def __str__(self) -> str:
        return "[" + " ".join(str(d) for d in self.values()) + "]"

    def appended(self, depth: int) -> BraceDepths:
        """``append(s, depth)``."""
        if self.length < len(self.array):
            self.array[self.length] = depth
            return BraceDepths(self.array, self.length + 1)
        cap = _grown_capacity(len(self.array), self.length + 1)
        array = self.values() + [depth] + [0] * (cap - self.length - 1)
        return BraceDepths(array, self.length + 1)

    def popped(self) -> BraceDepths:
        """``s[:len(s)-1]``."""
        return BraceDepths(self.array, self.length - 1)

    def add_to_last(self, delta: int) -> int:
        """``s[len(s)-1] += delta``, in the shared array; returns the new depth."""
        self.array[self.length - 1] += delta
        return self.array[self.length - 1]

    def cloned(self) -> BraceDepths:
        """``slices.Clone(s)``: the same depths in an array of its own."""
        if not self.length:
            return BraceDepths([], 0)
        return BraceDepths(
            self.values() + [0] * (_grown_capacity(0, self.length) - self.length), self.length
        )


def _append_depth(depths: BraceDepths | None, depth: int) -> BraceDepths:
    return BraceDepths([depth], 1) if depths is None else depths.appended(depth)


@dataclass(frozen=True, slots=True, eq=False)
class Context:
    """The state of the HTML, JS and CSS parsers at a point of the output.

    ``error`` holds what went wrong in an ``ERROR`` context; ``node`` the break
    or continue a context was seen at (for range loops).
    """

    state: State = State.TEXT
    delim: Delim = Delim.NONE
    url_part: URLPart = URLPart.NONE
    js_ctx: JSCtx = JSCtx.REGEXP
    brace_depths: BraceDepths | None = None
    attr: Attr = Attr.NONE
    element: Element = Element.NONE
    error: Any = field(default=None)  # an EscapeProblem (gotmpl.html.errors)
    node: Any = field(default=None)

    def eq(self, other: Context) -> bool:
        """Go's context.eq: every part but ``node`` the same (depths by value)."""
        return (
            self.state == other.state
            and self.delim == other.delim
            and self.url_part == other.url_part
            and self.js_ctx == other.js_ctx
            and _depth_values(self.brace_depths) == _depth_values(other.brace_depths)
            and self.attr == other.attr
            and self.element == other.element
            and self.error is other.error
        )

    def __str__(self) -> str:
        depths = "[]" if self.brace_depths is None else str(self.brace_depths)
        error = "<nil>" if self.error is None else str(self.error)
        first = (self.state, self.delim, self.url_part, self.js_ctx)
        parts = [*map(go_name, first), depths, go_name(self.attr), go_name(self.element), error]
        return "{" + " ".join(parts) + "}"

    def mangle(self, name: str) -> str:
        """The name of template ``name`` cloned to start in this context: the parts
        not at their zero value, named as in Go."""
        if self.state == State.TEXT:
            return name
        parts = [f"{name}$htmltemplate_{go_name(self.state)}"]
        parts += [go_name(p) for p in (self.delim, self.url_part, self.js_ctx) if p]
        if self.brace_depths is not None:
            parts.append(f"jsBraceDepth({self.brace_depths})")
        parts += [go_name(p) for p in (self.attr, self.element) if p]
        return "_".join(parts)

    def cloned(self) -> Context:
        """A copy with brace depths of its own (Go's context.clone)."""
        if self.brace_depths is None:
            return self
        return replace(self, brace_depths=self.brace_depths.cloned())

    def with_depth_pushed(self, depth: int) -> Context:
        """This context in a new ``${`` substitution of brace depth ``depth``."""
        return replace(self, brace_depths=_append_depth(self.brace_depths, depth))


def _depth_values(depths: BraceDepths | None) -> list[int]:
    return [] if depths is None else depths.values()


def replace(c: Context, **changes: Any) -> Context:
    """``c`` with some parts changed, sharing the rest (brace depths included)."""
    fields = {
        "state": c.state,
        "delim": c.delim,
        "url_part": c.url_part,
        "js_ctx": c.js_ctx,
        "brace_depths": c.brace_depths,
        "attr": c.attr,
        "element": c.element,
        "error": c.error,
        "node": c.node,
    }
    fields.update(changes)
    return Context(**fields)


# The state an attribute's value starts in.
ATTR_START_STATES = {
    Attr.NONE: State.ATTR,
    Attr.SCRIPT: State.JS,
    Attr.SCRIPT_TYPE: State.ATTR,
    Attr.STYLE: State.CSS,
    Attr.URL: State.URL,
    Attr.SRCSET: State.SRCSET,
    Attr.META_CONTENT: State.META_CONTENT,
}


def nudge(c: Context) -> Context:
    """The context an action finds where the text before it left ``c`` at a boundary:
    ``<a `` expects an attribute name, ``<a href=`` an unquoted value ..."""
    if c.state == State.TAG:
        return replace(c, state=State.ATTR_NAME)
    if c.state == State.BEFORE_VALUE:
        return replace(
            c, state=ATTR_START_STATES[c.attr], delim=Delim.SPACE_OR_TAG_END, attr=Attr.NONE
        )
    if c.state == State.AFTER_NAME:
        return replace(c, state=State.ATTR_NAME, attr=Attr.NONE)
    return c


def join(a: Context, b: Context, node: Node, kind: str) -> Context:
    """The context after a branch whose two ways end in ``a`` and ``b``: an error
    when they differ beyond what can be reconciled."""
    if a.state == State.ERROR:
        return a
    if b.state == State.ERROR:
        return b
    if a.state == State.DEAD:
        return b
    if b.state == State.DEAD:
        return a
    if a.eq(b):
        return a
    c = replace(a, url_part=b.url_part)
    if c.eq(b):  # only the URL part differs
        return replace(c, url_part=URLPart.UNKNOWN)
    c = replace(a, js_ctx=b.js_ctx)
    if c.eq(b):  # only regexp-or-division differs
        return replace(c, js_ctx=JSCtx.UNKNOWN)
    # A branch that ended before an attribute value joins one that wrote it:
    # <p title={{if .C}}{{.}}{{end}}
    na, nb = nudge(a), nudge(b)
    if not (na.eq(a) and nb.eq(b)):
        e = join(na, nb, node, kind)
        if e.state != State.ERROR:
            return e
    return error_context(
        ErrorCode.BRANCH_END,
        node,
        0,
        "{{%s}} branches end in different contexts: %s, %s",
        kind,
        str(a),
        str(b),
    )


def error_context(
    code: ErrorCode, node: Node | None, line: int, format: str, *args: object
) -> Context:
    """An error context: the escaping problem ``format`` describes (Go's errorf)."""
    return Context(state=State.ERROR, error=problem(code, node, line, format, *args))
