"""The builtin template functions (and, or, not, len, index, slice, eq ... call).

Each is a Python function over gotmpl values that raises ``FuncError`` where the
Go function returns an error; the executor reports it as ``error calling NAME:``.
``and``, ``or`` and ``call`` need the evaluator's help (short circuit, the callee's
name) and are handled by the compiler; their entries here hold their signatures.

``BUILTINS`` is text/template's set. A template set holds its own mapping, so a
set can replace entries (html/template replaces ``html`` and ``urlquery``).
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote as _url_quote

from .. import values
from ..gostd import fmt as gofmt
from ..gostd.strconv import byte_len, go_bytes, go_string, is_print
from ..gotypes import Uint8
from ..values import (
    BOOL,
    COMPLEX,
    FLOAT,
    INT,
    INVALID,
    MAP,
    MISSING,
    SLICE,
    STRING,
    UINT,
    kind,
    type_name,
)
from .calls import ANY, VALUE, CallFailed, Signature, convert, signature_of
from .meter import current as current_meter

__all__ = [
    "AND_BUILTIN",
    "BUILTINS",
    "CALL_BUILTIN",
    "OR_BUILTIN",
    "PRINTF_BUILTIN",
    "SLICE_BUILTIN",
    "Boxed",
    "Builtin",
    "FuncError",
    "escaped",
    "printable",
    "text_of_args",
]


class FuncError(Exception):
    """An error a Go function returns; ``str()`` is its message."""


class Builtin:
    """A builtin: its implementation and Go signature.

    ``unchanged``, when given, knows strings the builtin returns as they are:
    called alone on a plain ``str`` s, the builtin returns s whenever
    ``unchanged(s)`` is None (a regular expression's ``search`` for the
    characters it would change, say), or, when ``unchanged`` is a string, when s
    holds none of its characters; the compiler then skips the call.
    """

    __slots__ = ("func", "name", "signature", "unchanged")

    def __init__(
        self,
        name: str,
        func: Callable[..., Any],
        signature: Signature,
        unchanged: str | Callable[[str], object] | None = None,
    ) -> None:
        self.name = name
        self.func = func
        self.signature = signature
        self.unchanged = unchanged


def _indirect_interface(v: Any) -> Any:
    """Go's indirectInterface: a nil interface is no value at all."""
    return MISSING if v is None else v


class Boxed:
    """A value with Go's static type ``interface {}`` (read out of an untyped map or
    slice): ``slice`` does not unwrap its indexes, so Go rejects these as indexes."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def _index_arg(index: Any, cap: int) -> int:
    if index.__class__ is Boxed:
        raise FuncError("cannot index slice/array with type interface {}")
    k = kind(index)
    if k in (INT, UINT):
        x = int(index)
    elif k == INVALID:
        raise FuncError("cannot index slice/array with nil")
    else:
        raise FuncError(f"cannot index slice/array with type {type_name(index)}")
    if x < 0 or x > cap:
        raise FuncError(f"index out of range: {x}")
    return x


def _prepare_key(index: Any, key_type: str) -> Any:
    """Go's prepareArg for a map key."""
    if index is MISSING:
        if key_type == ANY:
            return None
        raise FuncError(f"value is nil; should be of type {key_type}")
    if key_type == ANY or type_name(index) == key_type:
        return index
    if kind(index) in (INT, UINT) and key_type.startswith(("int", "uint")):
        return int(index)  # Go converts between integer types here
    raise FuncError(f"value has type {type_name(index)}; should be {key_type}")


def index(item: Any, *indexes: Any) -> Any:
    """index x 1 2: x[1][2]."""
    item = _indirect_interface(item)
    if item is MISSING:
        raise FuncError("index of untyped nil")
    for ix in indexes:
        ix = _indirect_interface(ix)
        if item is None:
            raise FuncError("index of nil pointer")
        k = kind(item)
        if k == STRING:
            data = go_bytes(item)
            x = _index_arg(ix, len(data))
            if x == len(data):
                raise FuncError("reflect: string index out of range")
            item = Uint8(data[x])
        elif k == SLICE:
            elements = values.slice_elements(item)
            x = _index_arg(ix, len(elements))
            if x == len(elements):
                raise FuncError("reflect: slice index out of range")
            item = Uint8(item[x]) if isinstance(item, (bytes, bytearray)) else elements[x]
        elif k == MAP:
            key = _prepare_key(ix, values.map_key_type(item))
            try:
                # Asked first, so that a lookup never writes (a defaultdict's __missing__).
                item = item[key] if key in item else values.zero_of_elem(item)
            except (KeyError, TypeError):
                item = values.zero_of_elem(item)
        else:
            raise FuncError(f"can't index item of type {type_name(item)}")
    return item


def slice_(item: Any, *indexes: Any) -> Any:
    """slice x 1 2: x[1:2]."""
    item = _indirect_interface(item)
    if item is MISSING:
        raise FuncError("slice of untyped nil")
    if item is None:
        raise FuncError("slice of nil pointer")
    if len(indexes) > 3:
        raise FuncError(f"too many slice indexes: {len(indexes)}")
    k = kind(item)
    data: Any = item
    if k == STRING:
        if len(indexes) == 3:
            raise FuncError("cannot 3-index slice a string")
        # An ASCII string's characters are its bytes: sliced without a copy to bytes.
        data = str.__str__(item) if item.isascii() else go_bytes(item)
    elif k != SLICE:
        raise FuncError(f"can't slice item of type {type_name(item)}")
    else:
        data = values.slice_elements(item)
    cap = len(data)
    idx = [0, len(data), 0]
    for i, ix in enumerate(indexes):
        idx[i] = _index_arg(_indirect_interface(ix), cap)
    if idx[0] > idx[1]:
        raise FuncError(f"invalid slice index: {idx[0]} > {idx[1]}")
    if len(indexes) == 3 and idx[1] > idx[2]:
        raise FuncError(f"invalid slice index: {idx[1]} > {idx[2]}")
    part = data[idx[0] : idx[1]]
    if k == STRING:
        return part if type(part) is str else go_string(part)
    if type(item) in (list, tuple, bytes, bytearray) or data is not item:
        return part
    try:
        return type(item)(part)
    except Exception:
        return part


def length(item: Any) -> int:
    """len x."""
    if item is None:
        raise FuncError("len of nil pointer")
    k = kind(item)
    if k == STRING:
        return byte_len(item)
    if k in (SLICE, MAP):
        return len(item)
    if k == INVALID:
        raise FuncError("reflect: call of reflect.Value.Type on zero Value")
    raise FuncError(f"len of type {type_name(item)}")


def not_(item: Any) -> bool:
    """not x."""
    return not values.truth(item)


# -- comparison ---------------------------------------------------------------------

_BASIC = {BOOL, INT, UINT, FLOAT, COMPLEX, STRING}


def _basic_kind(v: Any) -> int:
    k = kind(v)
    return k if k in _BASIC else INVALID


def _is_nil(v: Any) -> bool:
    return v is MISSING or v is None


def eq(arg1: Any, *args: Any) -> bool:
    """eq a b c: a == b || a == c."""
    arg1 = _indirect_interface(arg1)
    if not args:
        raise FuncError("missing argument for comparison")
    k1 = _basic_kind(arg1)
    for arg in args:
        arg = _indirect_interface(arg)
        k2 = _basic_kind(arg)
        if k1 != k2:
            if (k1 == INT and k2 == UINT) or (k1 == UINT and k2 == INT):
                truth = int(arg1) == int(arg)
            else:
                if arg1 is not MISSING and arg is not MISSING:
                    raise FuncError(
                        f"incompatible types for comparison: {type_name(arg1)} and {type_name(arg)}"
                    )
                truth = False
        elif k1 == INVALID:
            truth = _eq_composite(arg1, arg)
        elif k1 == BOOL:
            truth = bool(arg1) == bool(arg)
        else:
            truth = arg1 == arg
        if truth:
            return True
    return False


def _eq_composite(a: Any, b: Any) -> bool:
    """eq on values that are not basic: nil, structs, slices, maps, funcs."""
    ka, kb = kind(a), kind(b)
    if ka != kb and not (_is_nil(a) or _is_nil(b)):
        raise FuncError(
            gofmt.sprintf("non-comparable types %s: %v, %s: %v", a, type_name(a), type_name(b), b)
        )
    if _is_nil(a) or _is_nil(b):
        return _is_nil(a) == _is_nil(b)
    if not values.comparable(b):
        raise FuncError(gofmt.sprintf("non-comparable type %s: %v", b, type_name(b)))
    return a == b


def ne(arg1: Any, arg2: Any) -> bool:
    """ne a b: a != b."""
    return not eq(arg1, arg2)


def lt(arg1: Any, arg2: Any) -> bool:
    """lt a b: a < b."""
    arg1 = _indirect_interface(arg1)
    k1 = _basic_kind(arg1)
    if k1 == INVALID:
        raise FuncError("invalid type for comparison")
    arg2 = _indirect_interface(arg2)
    k2 = _basic_kind(arg2)
    if k2 == INVALID:
        raise FuncError("invalid type for comparison")
    if k1 != k2:
        if (k1 == INT and k2 == UINT) or (k1 == UINT and k2 == INT):
            return int(arg1) < int(arg2)
        raise FuncError(
            f"incompatible types for comparison: {type_name(arg1)} and {type_name(arg2)}"
        )
    if k1 in (BOOL, COMPLEX):
        raise FuncError("invalid type for comparison")
    if k1 == STRING:
        return go_bytes(arg1) < go_bytes(arg2)
    return arg1 < arg2


def le(arg1: Any, arg2: Any) -> bool:
    """le a b: a <= b."""
    return lt(arg1, arg2) or eq(arg1, arg2)


def gt(arg1: Any, arg2: Any) -> bool:
    """gt a b: a > b."""
    return not le(arg1, arg2)


def ge(arg1: Any, arg2: Any) -> bool:
    """ge a b: a >= b."""
    return not lt(arg1, arg2)


# -- printing and escaping ------------------------------------------------------------


def printable(v: Any) -> Any:
    """Go's printableValue for fmt: a missing value prints as ``<no value>``."""
    if v is MISSING or v is None:
        return "<no value>"
    return v


def text_of_args(args: tuple[Any, ...]) -> str:
    """Go's evalArgs: one string argument as is, else fmt.Sprint of the printable values."""
    if len(args) == 1 and type(args[0]) is str:
        return args[0]
    return gofmt.sprint(*(printable(a) for a in args))


_HTML_ESCAPES = {
    "\x00": "\ufffd",
    '"': "&#34;",
    "'": "&#39;",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
}
_HTML_SPECIAL = re.compile("[\x00\"'&<>]")


def html_escape(s: str) -> str:
    """Go's template.HTMLEscapeString."""
    return _HTML_SPECIAL.sub(lambda m: _HTML_ESCAPES[m.group()], s)


# Characters escaped at a time when an execution has Limits: a long text is charged
# to its meter (time, bytes) as it is escaped, not only once it is (exec.meter).
_PIECE = 1 << 16


def escaped(
    s: str, escape: Callable[[str], str], keep: Callable[[str, int], int] | None = None
) -> str:
    """``escape(s)`` for an escaper of one character at a time, a piece at a time
    under Limits. ``keep(s, end)``, if given, moves a piece's end back to where
    the escaper may be cut (before a character whose escaping depends on those
    after it)."""
    if len(s) <= _PIECE:
        return escape(s)
    meter = current_meter()
    if meter is None:
        return escape(s)
    pieces = []
    start = 0
    while start < len(s):
        end = min(start + _PIECE, len(s))
        if keep is not None and end < len(s):
            cut = keep(s, end)
            if cut > start:  # a cut at the piece's start would make no progress
                end = cut
        piece = escape(s[start:end])
        meter.built(piece)
        pieces.append(piece)
        start = end
    return "".join(pieces)


def html(*args: Any) -> str:
    """html x: x's text, HTML-escaped."""
    return escaped(text_of_args(args), html_escape)


_JS_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    '"': '\\"',
    "<": "\\u003C",
    ">": "\\u003E",
    "&": "\\u0026",
    "=": "\\u003D",
}


@functools.cache
def _js_special() -> re.Pattern[str]:
    # Compiling the class takes milliseconds: on first use, not at import.
    return re.compile("[\\\\'\"<>&=\x00-\x1f\x80-\U0010ffff]")


def _js_char(m: re.Match[str]) -> str:
    c = m.group()
    esc = _JS_ESCAPES.get(c)
    if esc is not None:
        return esc
    code = ord(c)
    if code < 0x20:
        return f"\\u00{code:02X}"
    if 0xD800 <= code <= 0xDFFF:
        # An invalid UTF-8 byte (or a lone surrogate from Python data) decodes as
        # U+FFFD, which is printable: Go copies it.
        return c
    if is_print(c):
        return c
    return f"\\u{code:04X}"


def js_escape(s: str) -> str:
    """Go's template.JSEscapeString."""
    return _js_special().sub(_js_char, s)


def js(*args: Any) -> str:
    """js x: x's text, escaped for JavaScript."""
    return escaped(text_of_args(args), js_escape)


def query_escape(s: str) -> str:
    """Go's url.QueryEscape."""
    return _url_quote(go_bytes(s), safe="-_.~").replace("%20", "+")


def urlquery(*args: Any) -> str:
    """urlquery x: x's text, escaped for a URL query."""
    return escaped(text_of_args(args), query_escape)


def print_(*args: Any) -> str:
    return gofmt.sprint(*args)


def printf(format: str, *args: Any) -> str:
    return gofmt.sprintf(format, *args)


def println(*args: Any) -> str:
    return gofmt.sprintln(*args)


def call(name: str, fn: Any, *args: Any) -> Any:
    """call f a b: f(a, b); ``name`` is the text of the node that produced f."""
    fn = _indirect_interface(fn)
    if fn is MISSING:
        raise FuncError("call of nil")
    if kind(fn) != values.FUNC and not callable(fn):
        raise FuncError(f"non-function {name} of type {type_name(fn)}")
    sig = signature_of(fn, name)
    if sig.results_error is not None:
        raise FuncError(sig.results_error)
    n = len(sig.params)
    if sig.variadic is not None:
        if len(args) < n:
            raise FuncError(f"wrong number of args for {name}: got {len(args)} want at least {n}")
    elif len(args) != n:
        raise FuncError(f"wrong number of args for {name}: got {len(args)} want {n}")
    argv = []
    for i, arg in enumerate(args):
        arg = _indirect_interface(arg)
        want = sig.param(i)
        try:
            argv.append(_prepare_arg(arg, want))
        except CallFailed as e:
            raise FuncError(f"arg {i}: {e}") from None
    return fn(*argv)


def _prepare_arg(value: Any, want: str) -> Any:
    """Go's prepareArg for call: nil where allowed, integers converted between types."""
    if value is MISSING:
        if want == ANY:
            return None
        try:
            return convert(MISSING, want)
        except CallFailed:
            raise CallFailed("value is nil; should be of type %s", want) from None
    try:
        return convert(value, want)
    except CallFailed:
        if kind(value) in (INT, UINT) and want.startswith(("int", "uint")):
            return value
        raise CallFailed("value has type %s; should be %s", type_name(value), want) from None


def _sig(params: tuple[str, ...], variadic: str | None = None) -> Signature:
    return Signature(params, variadic)


def _unreachable(*args: Any) -> Any:  # pragma: no cover - compiled specially
    raise AssertionError("and, or and call are evaluated by the compiler")


# The builtins the compiler treats specially (short circuit, the callee's name, a
# constant format, boxed indexes), known by identity so that a set can replace them.
AND_BUILTIN = Builtin("and", _unreachable, _sig((VALUE,), VALUE))
OR_BUILTIN = Builtin("or", _unreachable, _sig((VALUE,), VALUE))
CALL_BUILTIN = Builtin("call", _unreachable, _sig((VALUE,), VALUE))
PRINTF_BUILTIN = Builtin("printf", printf, _sig(("string",), ANY))
SLICE_BUILTIN = Builtin("slice", slice_, _sig((VALUE,), VALUE))

BUILTINS: Mapping[str, Builtin] = types.MappingProxyType(
    {
        b.name: b
        for b in (
            AND_BUILTIN,
            OR_BUILTIN,
            CALL_BUILTIN,
            Builtin("not", not_, _sig((VALUE,))),
            Builtin("len", length, _sig((VALUE,))),
            Builtin("index", index, _sig((VALUE,), VALUE)),
            SLICE_BUILTIN,
            Builtin("eq", eq, _sig((VALUE,), VALUE)),
            Builtin("ne", ne, _sig((VALUE, VALUE))),
            Builtin("lt", lt, _sig((VALUE, VALUE))),
            Builtin("le", le, _sig((VALUE, VALUE))),
            Builtin("gt", gt, _sig((VALUE, VALUE))),
            Builtin("ge", ge, _sig((VALUE, VALUE))),
            Builtin("print", print_, _sig((), ANY)),
            PRINTF_BUILTIN,
            Builtin("println", println, _sig((), ANY)),
            Builtin("html", html, _sig((), ANY)),
            Builtin("js", js, _sig((), ANY)),
            Builtin("urlquery", urlquery, _sig((), ANY)),
        )
    }
)
