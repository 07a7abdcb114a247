"""Go's strconv rules: quoting, unquoting and the syntax of numeric literals.

Go strings are bytes; gotmpl strings are Python ``str``. Bytes that are not valid
UTF-8 travel as lone surrogates U+DC80..U+DCFF (Python's ``surrogateescape``), so
``"\\xff"`` in a template is the one byte 0xFF in Go and ``"\\udcff"`` here.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import math
import re
from collections.abc import Callable

from .. import pycode
from ._printable import UNPRINTABLE_ASTRAL, UNPRINTABLE_BMP

__all__ = [
    "QUOTE_NAMES",
    "NumError",
    "SyntaxErr",
    "byte_len",
    "can_backquote",
    "format_rune_u",
    "go_bytes",
    "go_string",
    "is_print",
    "itoa",
    "parse_float",
    "parse_int",
    "parse_uint",
    "quote",
    "quote_ascii",
    "quote_expression",
    "quote_rune",
    "quote_rune_ascii",
    "quotes_plainly",
    "unquote",
    "unquote_char",
]


def _go_encoding_error(e: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(e, UnicodeEncodeError):
        raise e
    out = bytearray()
    for ch in e.object[e.start : e.end]:
        code = ord(ch)
        # An escaped byte is that byte; any other lone surrogate (Python data can
        # hold one, Go strings cannot) is U+FFFD, as Go's decoders would make it.
        out += bytes((code - 0xDC00,)) if 0xDC80 <= code <= 0xDCFF else b"\xef\xbf\xbd"
    return bytes(out), e.end


codecs.register_error("gotmpl.go_bytes", _go_encoding_error)


def go_bytes(s: str) -> bytes:
    """The bytes of ``s`` as a Go string."""
    return s.encode("utf-8", "gotmpl.go_bytes")


def byte_len(s: str) -> int:
    """``len(s)`` in Go: the number of bytes of ``s`` as a Go string."""
    return len(s) if s.isascii() else len(go_bytes(s))


def go_string(b: bytes) -> str:
    """The Go string of bytes ``b``: bytes that are not UTF-8 become lone surrogates."""
    return b.decode("utf-8", "surrogateescape")


class SyntaxErr(ValueError):
    """strconv.ErrSyntax / ErrRange: the literal is malformed or out of range."""


class NumError(ValueError):
    """strconv.NumError: what ParseFloat and friends return, ``strconv.FUNC: parsing "NUM": ERR``."""

    def __init__(self, func: str, num: str, err: SyntaxErr) -> None:
        super().__init__(f"strconv.{func}: parsing {quote(num)}: {err}")


_SIMPLE_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
}


# Go's strconv.IsPrint (letters, marks, numbers, punctuation, symbols and ASCII
# space) from Go's own Unicode tables, not Python's, which may be older or newer:
# the runs of unprintable code points above ASCII, as character classes.


@functools.cache
def _unprintable_runs() -> tuple[list[int], list[int]]:
    """The first and the last code points of the unprintable runs above ASCII, in order
    (the classes hold only such code points, so a "-" is always a range's)."""
    firsts: list[int] = []
    lasts: list[int] = []
    for runs in (UNPRINTABLE_BMP, UNPRINTABLE_ASTRAL):
        i = 0
        while i < len(runs):
            first = last = ord(runs[i])
            if runs[i + 1 : i + 2] == "-":
                last = ord(runs[i + 2])
                i += 3
            else:
                i += 1
            firsts.append(first)
            lasts.append(last)
    return firsts, lasts


def is_print(ch: str) -> bool:
    """Go's strconv.IsPrint for one character."""
    if ch < "\x80":
        return " " <= ch <= "~"
    firsts, lasts = _unprintable_runs()
    code = ord(ch)
    i = bisect.bisect_right(firsts, code) - 1
    return i < 0 or code > lasts[i]


# Quote, backslash, ASCII controls and DEL: all that ASCII text can need escaped.
_ASCII_ESCAPED = '"\\\\\x00-\x1f\x7f'


@functools.cache
def _needs_escape() -> re.Pattern[str]:
    # The ASCII ones and what is unprintable above ASCII. Above the BMP, the class
    # is only looked at for characters above the BMP: re tests such a class range
    # by range, the BMP one through a table.
    return re.compile(
        f"[{_ASCII_ESCAPED}{UNPRINTABLE_BMP}]|[\U00010000-\U0010ffff](?<=[{UNPRINTABLE_ASTRAL}])"
    )


@functools.cache
def _ascii_needs_escape() -> re.Pattern[str]:
    # For ASCII text, compiled in microseconds where the whole class takes ~2 ms.
    return re.compile(f"[{_ASCII_ESCAPED}]")


def _escape_char(ch: str, quote_char: str, ascii_only: bool) -> str:
    if ch == quote_char or ch == "\\":
        return "\\" + ch
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if ascii_only:
        if code < 0x80 and is_print(ch):
            return ch
    elif is_print(ch):
        return ch
    esc = _SIMPLE_ESCAPES.get(ch)
    if esc is not None:
        return esc
    if code < 0x20 or code == 0x7F:
        return f"\\x{code:02x}"
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return "\\ufffd"  # Go turns an invalid rune into U+FFFD before quoting
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _quote_match(m: re.Match[str]) -> str:
    return _escape_char(m.group(), '"', False)


# Characters of non-ASCII text escaped one by one before the whole class is compiled
# (~2 ms, then ~40 times faster a character): a process that quotes little, a
# command-line render, never pays for it.
_BY_CHARACTER = 4096
_by_character_left = [_BY_CHARACTER]


def _quote_escaping(s: str) -> str:
    if s.isascii():
        needs_escape = _ascii_needs_escape()
    elif _by_character_left[0] > 0:
        _by_character_left[0] -= len(s)  # racing threads may escape a little more so
        return _quote_by_character(s)
    else:
        needs_escape = _needs_escape()
    return '"' + needs_escape.sub(_quote_match, s) + '"'


def _quote_by_character(s: str) -> str:
    escape = _escape_char
    kept = [c if " " <= c <= "~" and c != '"' and c != "\\" else escape(c, '"', False) for c in s]
    return '"' + "".join(kept) + '"'


QUOTE_NAMES = {"_quote_escaping": _quote_escaping}


def quotes_plainly(operand: str) -> str:
    """Whether strconv.Quote of the str variable ``operand`` is its text between
    double quotes, as a Python expression for generated code.

    Printable ASCII without quote or backslash needs no escape. str's own tests
    say so several times faster than a regular expression, and written in place
    they save a call per operand, which matters for formats run on every label.
    """
    s = operand
    return f"{s}.isascii() and {s}.isprintable() and '\"' not in {s} and '\\\\' not in {s}"


def quote_expression(operand: str) -> str:
    """strconv.Quote of the str variable ``operand``, as a Python expression for
    generated code whose globals include ``QUOTE_NAMES``."""
    s = operand
    return f"(f'\"{{{s}}}\"' if {quotes_plainly(s)} else _quote_escaping({s}))"


quote: Callable[[str], str] = pycode.function(
    "quote", ["def quote(s):", f"    return {quote_expression('s')}"], dict(QUOTE_NAMES)
)
quote.__doc__ = "strconv.Quote: ``s`` as a Go double-quoted string literal."


def quote_ascii(s: str) -> str:
    """strconv.QuoteToASCII."""
    return '"' + "".join(_escape_char(c, '"', True) for c in s) + '"'


def _rune_char(r: int) -> str:
    if r < 0 or r > 0x10FFFF or 0xD800 <= r <= 0xDFFF:
        return "\ufffd"
    return chr(r)


def quote_rune(r: int) -> str:
    """strconv.QuoteRune."""
    return "'" + _escape_char(_rune_char(r), "'", False) + "'"


def quote_rune_ascii(r: int) -> str:
    """strconv.QuoteRuneToASCII."""
    return "'" + _escape_char(_rune_char(r), "'", True) + "'"


def format_rune_u(r: int, sharp: bool) -> str:
    """fmt's %U (and %#U, which appends the character when it is printable)."""
    out = f"U+{r:04X}" if r >= 0 else f"U+{r & 0xFFFFFFFFFFFFFFFF:04X}"
    if sharp and 0 <= r <= 0x10FFFF and not (0xD800 <= r <= 0xDFFF) and is_print(chr(r)):
        out += f" '{chr(r)}'"
    return out


# -- unquoting ---------------------------------------------------------------

_HEX = "0123456789abcdefABCDEF"


def unquote_char(s: str, i: int, quote_char: str) -> tuple[int, bool, int]:
    """strconv.UnquoteChar on ``s[i:]``: (value, is_rune, next index).

    ``is_rune`` is False for ``\\x`` and octal escapes inside a string, which stand
    for a single byte rather than a character.
    """
    if i >= len(s):
        raise SyntaxErr("invalid syntax")
    c = s[i]
    if c == quote_char and quote_char in "'\"":
        raise SyntaxErr("invalid syntax")
    if c != "\\":
        return ord(c), True, i + 1
    if i + 1 >= len(s):
        raise SyntaxErr("invalid syntax")
    c = s[i + 1]
    i += 2
    simple = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
    if c in simple:
        return simple[c], True, i
    if c in "xuU":
        n = {"x": 2, "u": 4, "U": 8}[c]
        digits = s[i : i + n]
        if len(digits) < n or any(d not in _HEX for d in digits):
            raise SyntaxErr("invalid syntax")
        v = int(digits, 16)
        if c == "x":
            return v, quote_char == "'", i + n
        if v > 0x10FFFF or 0xD800 <= v <= 0xDFFF:
            raise SyntaxErr("invalid syntax")
        return v, True, i + n
    if "0" <= c <= "7":
        digits = s[i - 1 : i + 2]
        if len(digits) < 3 or any(not ("0" <= d <= "7") for d in digits):
            raise SyntaxErr("invalid syntax")
        v = int(digits, 8)
        if v > 255:
            raise SyntaxErr("invalid syntax")
        return v, quote_char == "'", i + 2
    if c in "'\"":
        if c != quote_char:
            raise SyntaxErr("invalid syntax")
        return ord(c), True, i
    raise SyntaxErr("invalid syntax")


def unquote(s: str) -> str:
    """strconv.Unquote for a double-quoted or back-quoted string literal."""
    if len(s) < 2 or s[0] != s[-1]:
        raise SyntaxErr("invalid syntax")
    q = s[0]
    body = s[1:-1]
    if q == "`":
        if "`" in body:
            raise SyntaxErr("invalid syntax")
        return body.replace("\r", "")
    if q != '"':
        raise SyntaxErr("invalid syntax")
    if "\\" not in body:
        if '"' in body or "\n" in body:
            raise SyntaxErr("invalid syntax")
        return body
    out = bytearray()
    i = 0
    while i < len(body):
        # The plain characters up to the next escape, then the escape.
        escape = body.find("\\", i)
        run = body[i:] if escape < 0 else body[i:escape]
        if '"' in run or "\n" in run:
            raise SyntaxErr("invalid syntax")
        out += go_bytes(run)
        if escape < 0:
            break
        value, is_rune, i = unquote_char(body, escape, '"')
        if is_rune:
            out += go_bytes(chr(value))
        else:
            out.append(value)
    return go_string(bytes(out))


# -- numbers -----------------------------------------------------------------


def itoa(n: int) -> str:
    """The decimal digits of ``n``, however many: Python's ``str()`` refuses more than
    ``sys.get_int_max_str_digits()`` of them, which gotmpl leaves as the program set it."""
    try:
        return str(n)
    except ValueError:
        import decimal  # only for integers of thousands of digits

        return str(decimal.Decimal(n))


_INT_BODY = {
    2: re.compile(r"[01]+(?:_[01]+)*\Z"),
    8: re.compile(r"[0-7]+(?:_[0-7]+)*\Z"),
    10: re.compile(r"[0-9]+(?:_[0-9]+)*\Z"),
    16: re.compile(r"[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*\Z"),
}


def parse_uint(text: str) -> int:
    """strconv.ParseUint(text, 0, 64)."""
    s = text
    base = 10
    prefixed = False
    if s[:2] in ("0x", "0X"):
        base, s, prefixed = 16, s[2:], True
    elif s[:2] in ("0o", "0O"):
        base, s, prefixed = 8, s[2:], True
    elif s[:2] in ("0b", "0B"):
        base, s, prefixed = 2, s[2:], True
    elif len(s) > 1 and s[0] == "0":
        base, s = 8, s[1:]
    if prefixed and s.startswith("_"):
        s = s[1:]  # an underscore may follow the base prefix
    elif base == 8 and not prefixed and s.startswith("_"):
        s = s[1:]  # and the leading 0 of an old-style octal number
    if not s or not _INT_BODY[base].match(s):
        raise SyntaxErr("invalid syntax")
    if base == 10 and len(s) > 40:
        # Too long for 64 bits (and maybe for Python's int(), which refuses
        # thousands of decimal digits); a decimal number has no leading zero.
        raise SyntaxErr("value out of range")
    v = int(s.replace("_", ""), base)
    if v >= 1 << 64:
        raise SyntaxErr("value out of range")
    return v


def parse_int(text: str) -> int:
    """strconv.ParseInt(text, 0, 64)."""
    neg = text[:1] == "-"
    body = text[1:] if text[:1] in "+-" else text
    if not body:
        raise SyntaxErr("invalid syntax")
    v = parse_uint(body)
    if neg:
        if v > 1 << 63:
            raise SyntaxErr("value out of range")
        return -v
    if v >= 1 << 63:
        raise SyntaxErr("value out of range")
    return v


_DEC_FLOAT = re.compile(
    r"[+-]?(?:[0-9]+(?:_[0-9]+)*(?:\.(?:[0-9]+(?:_[0-9]+)*)?)?|\.[0-9]+(?:_[0-9]+)*)(?:[eE][+-]?[0-9]+(?:_[0-9]+)*)?\Z"
)
_HEX_FLOAT = re.compile(
    r"[+-]?0[xX]_?(?:[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*(?:\.(?:[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)?)?"
    r"|\.[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)[pP][+-]?[0-9]+(?:_[0-9]+)*\Z"
)


def parse_float(text: str) -> float:
    """strconv.ParseFloat(text, 64) for the literal forms the template lexer produces."""
    s = text
    if _DEC_FLOAT.match(s):
        # A leading-zero "octal" float such as 0123.5 is decimal in Go.
        v = float(s.replace("_", ""))
    elif _HEX_FLOAT.match(s):
        try:
            v = float.fromhex(s.replace("_", ""))
        except OverflowError:
            raise SyntaxErr("value out of range") from None
    else:
        lowered = s.lstrip("+-").lower()
        if lowered in ("inf", "infinity") and len(s) - len(lowered) <= 1:
            return -math.inf if s.startswith("-") else math.inf
        if s.lower() == "nan":  # Go takes no sign before NaN
            return math.nan
        raise SyntaxErr("invalid syntax")
    if math.isinf(v):
        raise SyntaxErr("value out of range")
    return v


def can_backquote(s: str) -> bool:
    """Go's CanBackquote: ``s`` fits in a raw string literal (lone surrogates are invalid bytes)."""
    for c in s:
        o = ord(c)
        if o >= 0x80:
            if c == "\ufeff" or 0xD800 <= o <= 0xDFFF:
                return False
        elif (o < 0x20 and c != "\t") or c == "`" or o == 0x7F:
            return False
    return True
