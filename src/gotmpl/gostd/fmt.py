"""Go's fmt.Sprint, fmt.Sprintf and fmt.Sprintln over Python values that stand for Go values.

The output is byte-for-byte what Go 1.27 prints for the Go value each Python
value stands for (see :mod:`gotmpl.values` for the mapping). The printer follows
the structure of Go's fmt package: a set of flags and a width/precision per
verb, a value printer that walks containers element by element, and Go's
``%!verb(type=value)`` error forms.

Pointers, maps, slices and functions printed as addresses (``%p``, or a pointer
below the top level) show ``id()`` of the Python object: like a Go address it is
stable for one object and differs between live objects, and like a Go address
it differs from run to run.

Where Python cannot say what Go would know, the printer assumes: ``None`` is a
nil interface (``<nil>``, or ``interface {}(nil)`` under %#v); every field of an
object is exported, so its String/Error methods are used; a method serves both
a value and a pointer to it; and there is no Go ``Formatter`` (Format method).
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import math
import operator
import struct
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .. import pycode
from ..exec.meter import walking
from ..values import (
    BASIC_KINDS,
    BOOL,
    COMPLEX,
    FLOAT,
    FUNC,
    INT,
    INVALID,
    MAP,
    MISSING,
    NIL,
    POINTER,
    SLICE,
    STRING,
    STRUCT,
    UINT,
    as_go,
    find_method,
    kind,
    slice_elements,
    sorted_items,
    struct_fields,
    type_name,
)
from . import strconv as _sc
from .strconv import QUOTE_NAMES, quote, quote_expression, quotes_plainly

if TYPE_CHECKING:
    from fractions import Fraction

__all__ = [
    "CyclicValue",
    "GoErr",
    "compile_format",
    "errorf",
    "format_float",
    "format_pointee",
    "format_value",
    "sprint",
    "sprintf",
    "sprintln",
]

# A container's elements to print, each with its nesting depth (see _Printer._print_all).
_Elements = Iterator[tuple[Any, int]]

_MASK64 = (1 << 64) - 1
_MAX_RUNE = 0x10FFFF
_TOO_LARGE = 1_000_000  # Go refuses widths and precisions beyond this magnitude.

# Bits kept by an unsigned Go integer of each declared kind; a negative Python
# int wraps the way a Go conversion would.
_UINT_MASK = {"uint8": 0xFF, "uint16": 0xFFFF, "uint32": 0xFFFFFFFF}

# Types whose values never have Go methods; checking them first keeps method
# lookup off the common path.
_PLAIN = frozenset(
    {str, int, float, bool, complex, type(None), list, tuple, dict, bytes, bytearray}
)


# Go's sized numeric types. A typed container (``__go_type__`` such as
# ``[]uint64`` or ``map[string]float32``) holding plain Python numbers prints
# them as values of its element type: unsigned in hex under %#v, float32 with
# float32's shortest digits.
_SIZED = {
    name: {INT: int, UINT: int, FLOAT: float, COMPLEX: complex}[k]
    for name, k in BASIC_KINDS.items()
    if k in (INT, UINT, FLOAT, COMPLEX) and name not in ("int", "float64", "complex128")
}
_ALIASES = {"byte": "uint8", "rune": "int32"}


@functools.lru_cache(maxsize=64)
def _sized_class(go_type: str) -> type | None:
    """A number class of the Go type ``go_type``, or None if plain Python numbers do."""
    go_type = _ALIASES.get(go_type, go_type)
    base = _SIZED.get(go_type)
    if base is None:
        return None
    return type(go_type, (base,), {"__slots__": (), "__go_kind__": go_type, "__go_type__": go_type})


def _split_map_type(name: str) -> tuple[str, str]:
    """Key and element type of ``map[K]V``, brackets inside K included."""
    depth = 0
    for i in range(3, len(name)):
        if name[i] == "[":
            depth += 1
        elif name[i] == "]":
            depth -= 1
            if depth == 0:
                return name[4:i], name[i + 1 :]
    return "", ""


@functools.lru_cache(maxsize=256)
def _elem_type(container_type: str) -> str:
    """Element type of a slice or array type name (``[]T``, ``[N]T``), else ""."""
    if not container_type.startswith("["):
        return ""
    close = container_type.find("]")
    if not container_type[1:close].isdigit() and close != 1:
        return ""
    return _ALIASES.get(container_type[close + 1 :], container_type[close + 1 :])


@functools.lru_cache(maxsize=256)
def _map_classes(map_type: str) -> tuple[type | None, type | None]:
    if not map_type.startswith("map["):
        return None, None
    key, elem = _split_map_type(map_type)
    return _sized_class(key), _sized_class(elem)


def _typed(cls: type | None, v: Any) -> Any:
    if cls is not None and type(v) is cls.__mro__[1]:
        return cls(v)
    return v


# -- strconv.FormatFloat -----------------------------------------------------------


def _trim(digits: str, dp: int) -> tuple[str, int]:
    """Drop leading and trailing zeros of a digit string whose point is after ``dp`` digits."""
    stripped = digits.lstrip("0")
    dp -= len(digits) - len(stripped)
    stripped = stripped.rstrip("0")
    if not stripped:
        return "", 0
    return stripped, dp


def _shortest64(a: float) -> tuple[str, int]:
    """Shortest round-tripping decimal digits of a positive float64 and its point position.

    Python's repr and Go both give the shortest digit string that reads back as
    the same float, choosing the closest one when several are that short.
    """
    mant, _, exp = repr(a).partition("e")
    ip, _, fp = mant.partition(".")
    return _trim(ip + fp, len(ip) + (int(exp) if exp else 0))


def _f32(x: float) -> float:
    """Go's float32(x): round to the nearest float32, overflowing to an infinity."""
    try:
        return struct.unpack("<f", struct.pack("<f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def _f32_bits(x: float) -> int:
    return struct.unpack("<I", struct.pack("<f", x))[0]


def _f32_from_bits(b: int) -> float:
    return struct.unpack("<f", struct.pack("<I", b))[0]


def _shortest32(a: float) -> tuple[str, int]:
    """Shortest decimal digits that read back (as float32) to the positive float32 ``a``."""
    from fractions import Fraction  # float32 formatting alone: not at start-up

    bits = _f32_bits(a)
    x = Fraction(a)
    below = Fraction(_f32_from_bits(bits - 1))  # zero below the smallest subnormal
    # The largest float32 has no finite neighbour above; its gap is the one below.
    above = Fraction(_f32_from_bits(bits + 1)) if bits < 0x7F7FFFFF else 2 * x - below
    lo, hi = (x + below) / 2, (x + above) / 2
    inclusive = bits % 2 == 0  # ties read back to the even mantissa

    def inside(c: Fraction) -> bool:
        return lo <= c <= hi if inclusive else lo < c < hi

    for n in range(1, 18):
        text = f"{a:.{n - 1}e}"
        mant, _, exp = text.partition("e")
        e = int(exp) - (n - 1)
        d = int(mant.replace(".", ""))
        best: int | None = None
        for cand in (d, d - 1, d + 1):  # the nearest, then its neighbours
            if cand > 0 and inside(Fraction(cand) * Fraction(10) ** e):
                best = cand
                break
        if best is not None:
            digits = str(best)
            return _trim(digits, len(digits) + e)
    raise AssertionError("unreachable: 17 digits always round-trip")  # pragma: no cover


def _significant_digits(a: float, n: int) -> tuple[str, int]:
    """The positive float ``a`` rounded exactly (halves to even) to ``n`` significant digits."""
    mant, _, exp = f"{a:.{n - 1}e}".partition("e")
    return _trim(mant.replace(".", ""), int(exp) + 1)


def _exp_digits(exp: int, minimum: int) -> str:
    return str(exp).zfill(minimum)


def _fmt_efg(neg: bool, s: str, dp: int, prec: int, fmt: str, shortest: bool) -> str:
    nd = len(s)
    if fmt in "gG":
        eprec = prec
        if eprec > nd and nd >= dp:
            eprec = nd
        if shortest:
            eprec = 6  # %v and %g keep plain notation for exponents below 6
        exp = dp - 1
        if exp < -4 or exp >= eprec:
            prec = min(prec, nd) - 1
            fmt = "e" if fmt == "g" else "E"
        else:
            if prec > dp:
                prec = nd
            prec = max(prec - dp, 0)
            fmt = "f"
    sign = "-" if neg else ""
    if fmt in "eE":
        first = s[0] if nd else "0"
        frac = ""
        if prec > 0:
            frac = "." + s[1 : prec + 1] + "0" * (prec + 1 - max(min(nd, prec + 1), 1))
        exp = dp - 1 if nd else 0
        esign = "-" if exp < 0 else "+"
        return f"{sign}{first}{frac}{fmt}{esign}{_exp_digits(abs(exp), 2)}"
    if fmt == "f":
        ipart = s[:dp] + "0" * (dp - min(nd, dp)) if dp > 0 else "0"
        if prec > 0:
            lz = min(prec, max(0, -dp))
            off = dp + lz
            m = min(prec - lz, max(0, nd - off))
            tz = max(0, prec - lz - m)
            return f"{sign}{ipart}.{'0' * lz}{s[off : off + m]}{'0' * tz}"
        return sign + ipart
    return "%" + fmt


def _float_parts(v: float, size: int) -> tuple[bool, int, int]:
    """Sign, biased exponent field and mantissa field of a float64 or float32."""
    if size == 32:
        b = _f32_bits(v)
        return bool(b >> 31), (b >> 23) & 0xFF, b & ((1 << 23) - 1)
    b = struct.unpack("<Q", struct.pack("<d", v))[0]
    return bool(b >> 63), (b >> 52) & 0x7FF, b & ((1 << 52) - 1)


def _fmt_b(neg: bool, mant: int, exp: int) -> str:
    return f"{'-' if neg else ''}{mant}p{'+' if exp >= 0 else ''}{exp}"


def _fmt_x(prec: int, fmt: str, neg: bool, mant: int, exp: int, mant_bits: int) -> str:
    if mant == 0:
        exp = 0
    # Normalise so that the leading 1 (if any) sits at bit 60.
    mant <<= 60 - mant_bits
    while mant != 0 and mant & (1 << 60) == 0:
        mant <<= 1
        exp -= 1
    if 0 <= prec < 15:
        shift = prec * 4
        extra = (mant << shift) & ((1 << 60) - 1)
        mant >>= 60 - shift
        if extra | (mant & 1) > 1 << 59:  # round half to even
            mant += 1
        mant <<= 60 - shift
        if mant & (1 << 61):
            mant >>= 1
            exp += 1
    digits = "0123456789ABCDEF" if fmt == "X" else "0123456789abcdef"
    out = ["-" if neg else "", "0", fmt, "1" if mant >> 60 & 1 else "0"]
    mant = (mant << 4) & _MASK64
    if prec < 0 and mant != 0:
        out.append(".")
        while mant != 0:
            out.append(digits[mant >> 60 & 15])
            mant = (mant << 4) & _MASK64
    elif prec > 0:
        out.append(".")
        for _ in range(prec):
            out.append(digits[mant >> 60 & 15])
            mant = (mant << 4) & _MASK64
    out.append("P" if fmt == "X" else "p")
    out.append("-" if exp < 0 else "+")
    out.append(_exp_digits(abs(exp), 2))
    return "".join(out)


def _ftoa(v: float, fmt: str, prec: int, size: int) -> str:
    """strconv.FormatFloat(v, fmt, prec, size)."""
    if len(fmt) != 1:
        return "%" + fmt
    if v != v:
        return "NaN"
    if size == 32:
        v = _f32(v)
    if v in (math.inf, -math.inf):
        return "+Inf" if v > 0 else "-Inf"
    if fmt in "bxX":
        neg, exp, mant = _float_parts(v, size)
        mant_bits, bias = (23, -127) if size == 32 else (52, -1023)
        if exp == 0:
            exp = 1
        else:
            mant |= 1 << mant_bits
        exp += bias
        if fmt == "b":
            return _fmt_b(neg, mant, exp - mant_bits)
        return _fmt_x(prec, fmt, neg, mant, exp, mant_bits)
    neg = math.copysign(1.0, v) < 0
    a = -v if neg else v
    if a == 0:
        return _fmt_efg(neg, "", 0, prec, fmt, prec < 0)
    if prec < 0:
        s, dp = _shortest32(a) if size == 32 else _shortest64(a)
        nd = len(s)
        if fmt in "eE":
            prec = max(nd - 1, 0)
        elif fmt == "f":
            prec = max(nd - dp, 0)
        elif fmt in "gG":
            prec = nd
        return _fmt_efg(neg, s, dp, prec, fmt, True)
    if fmt in "eEf":
        # Python rounds exactly (halves to even) and writes these forms as Go does.
        return format(v, f".{prec}{fmt}")
    if fmt in "gG":
        prec = max(prec, 1)
        s, dp = _significant_digits(a, prec)
        return _fmt_efg(neg, s, dp, prec, fmt, False)
    return "%" + fmt  # not a float format


def format_float(f: float, fmt: str = "g", prec: int = -1) -> str:
    """Go's ``strconv.FormatFloat(f, fmt, prec, 64)``."""
    return _ftoa(float(f), fmt, prec, 64)


def _go_float_v(f: float) -> str:
    """%v of a float64 (shortest %g with Go's exponent thresholds), quickly."""
    if -1e6 < f < 1e6:
        # Below 1e6 Go's form is Python's repr (plain from 1e-4, exponent
        # below), less the ".0" that repr adds to whole numbers.
        r = repr(f)
        return r[:-2] if r.endswith(".0") else r
    return _ftoa(f, "g", -1, 64)


# -- the printer -------------------------------------------------------------------


def _rune_text(r: int) -> str:
    """utf8.AppendRune: invalid code points become U+FFFD."""
    if r > _MAX_RUNE or 0xD800 <= r <= 0xDFFF:
        return "\ufffd"
    return chr(r)


def _is_uint8_slice(v: Any) -> bool:
    return isinstance(v, (bytes, bytearray)) or _elem_type(type_name(v)) == "uint8"


def _elements(v: Any, tname: str) -> list[Any]:
    cls = _sized_class(_elem_type(tname))
    if cls is None:
        return list(slice_elements(v))
    return [_typed(cls, x) for x in slice_elements(v)]


def _is_nil(v: Any) -> bool:
    """Whether ``v`` stands for a nil pointer, map or slice of a Go type."""
    return getattr(type(v), "__go_nil__", False) is True


def _type_of(v: Any) -> str:
    """What %T prints; MISSING stands for Go's zero reflect.Value."""
    return "reflect.Value" if v is MISSING else type_name(v)


def _float_size(v: Any) -> int:
    return 32 if getattr(type(v), "__go_kind__", None) in ("float32", "complex64") else 64


# The flags Go's catchPanic saves and restores around a panicking method.
_FLAG_NAMES = (
    "wid_present",
    "prec_present",
    "minus",
    "plus",
    "sharp",
    "space",
    "zero",
    "plus_v",
    "sharp_v",
)
_SAVED_FLAGS = operator.attrgetter(*_FLAG_NAMES)


class _Printer:
    """Go's pp and fmt structs: an output buffer and the flags of the current verb."""

    __slots__ = (
        "buf",
        "erroring",
        "good_arg_num",
        "minus",
        "plus",
        "plus_v",
        "prec",
        "prec_present",
        "reordered",
        "sharp",
        "sharp_v",
        "space",
        "visiting",
        "wid",
        "wid_present",
        "wrap_errs",
        "zero",
    )

    def __init__(self) -> None:
        self.buf: list[str] = []
        self.visiting: set[int] = set()  # containers being printed, to catch cycles
        self.wrap_errs = False  # Errorf: %w formats an error as %v
        self.erroring = False
        self.reordered = False
        self.good_arg_num = True
        self.clear_flags()

    def clear_flags(self) -> None:
        self.wid_present = self.prec_present = False
        self.minus = self.plus = self.sharp = self.space = self.zero = False
        self.plus_v = self.sharp_v = False
        self.wid = self.prec = 0

    def _flags(self) -> tuple[Any, ...]:
        return _SAVED_FLAGS(self)

    def _set_flags(self, saved: tuple[Any, ...]) -> None:
        for name, value in zip(_FLAG_NAMES, saved, strict=True):
            setattr(self, name, value)

    # -- fmt: padding and basic items --

    def write_padding(self, n: int) -> None:
        if n > 0:
            self.buf.append(("0" if self.zero and not self.minus else " ") * n)

    def pad(self, s: str) -> None:
        """Append ``s`` padded to the width, counted in runes (one per Python character)."""
        if not self.wid_present or self.wid == 0:
            self.buf.append(s)
            return
        width = self.wid - len(s)
        if self.minus:
            self.buf.append(s)
            self.write_padding(width)
        else:
            self.write_padding(width)
            self.buf.append(s)

    def pad_no_zero(self, s: str) -> None:
        old = self.zero
        self.zero = False
        self.pad(s)
        self.zero = old

    def fmt_boolean(self, v: bool) -> None:
        self.pad("true" if v else "false")

    def fmt_unicode(self, u: int) -> None:
        prec = self.prec if self.prec_present and self.prec > 4 else 4
        text = "U+" + format(u, "X").rjust(prec, "0")
        if self.sharp and u <= _MAX_RUNE and not 0xD800 <= u <= 0xDFFF and _sc.is_print(chr(u)):
            text += f" '{chr(u)}'"
        self.pad_no_zero(text)

    def fmt_integer(self, v: int, base: int, verb: str, upper: bool) -> None:
        """Format a signed Python int (unsigned values arrive non-negative)."""
        negative = v < 0
        u = -v if negative else v
        prec = 0
        if self.prec_present:
            prec = self.prec
            if prec == 0 and u == 0:  # %.0d of 0 prints nothing but padding
                old = self.zero
                self.zero = False
                self.write_padding(self.wid)
                self.zero = old
                return
        elif self.zero and not self.minus and self.wid_present:
            # Zero padding to the width is done as a precision, after the sign.
            prec = self.wid
            if negative or self.plus or self.space:
                prec -= 1
        if base == 10:
            digits = _sc.itoa(u)
        elif base == 16:
            digits = format(u, "X" if upper else "x")
        elif base == 8:
            digits = format(u, "o")
        else:
            digits = format(u, "b")
        if len(digits) < prec:
            digits = "0" * (prec - len(digits)) + digits
        if self.sharp:
            if base == 2:
                digits = "0b" + digits
            elif base == 8:
                if digits[0] != "0":
                    digits = "0" + digits
            elif base == 16:
                digits = ("0X" if upper else "0x") + digits
        if verb == "O":
            digits = "0o" + digits
        if negative:
            digits = "-" + digits
        elif self.plus:
            digits = "+" + digits
        elif self.space:
            digits = " " + digits
        self.pad_no_zero(digits)

    def fmt_0x64(self, u: int, leading0x: bool) -> None:
        sharp = self.sharp
        self.sharp = leading0x
        self.fmt_integer(u, 16, "v", False)
        self.sharp = sharp

    def truncate(self, s: str) -> str:
        if self.prec_present and self.prec < len(s):
            return s[: self.prec]
        return s

    def fmt_s(self, s: str) -> None:
        self.pad(self.truncate(s))

    def fmt_sbx(self, b: bytes, upper: bool) -> None:
        length = len(b)
        if self.prec_present and self.prec < length:
            length = self.prec
        width = 2 * length
        if width > 0:
            if self.space:
                if self.sharp:
                    width *= 2
                width += length - 1
            elif self.sharp:
                width += 2
        else:  # nothing to encode: only the padding
            if self.wid_present:
                self.write_padding(self.wid)
            return
        if self.wid_present and self.wid > width and not self.minus:
            self.write_padding(self.wid - width)
        hx = b[:length].hex()
        if upper:
            hx = hx.upper()
        prefix = "0X" if upper else "0x"
        if self.space:
            sep = " " + prefix if self.sharp else " "
            text = sep.join(hx[i : i + 2] for i in range(0, len(hx), 2))
            if self.sharp:
                text = prefix + text
        else:
            text = prefix + hx if self.sharp else hx
        self.buf.append(text)
        if self.wid_present and self.wid > width and self.minus:
            self.write_padding(self.wid - width)

    def fmt_q(self, s: str) -> None:
        s = self.truncate(s)
        if self.sharp and _sc.can_backquote(s):
            self.pad("`" + s + "`")
        elif self.plus:
            self.pad(_sc.quote_ascii(s))
        else:
            self.pad(quote(s))

    def fmt_c(self, c: int) -> None:
        self.pad(_rune_text(c if c <= _MAX_RUNE else 0xFFFD))

    def fmt_qc(self, c: int) -> None:
        r = c if c <= _MAX_RUNE else 0xFFFD
        self.pad(_sc.quote_rune_ascii(r) if self.plus else _sc.quote_rune(r))

    def fmt_float(self, v: float, size: int, verb: str, prec: int) -> None:
        if self.prec_present:
            prec = self.prec
        num = _ftoa(v, verb, prec, size)
        if num[0] not in "+-":
            num = "+" + num
        if self.space and num[0] == "+" and not self.plus:
            num = " " + num[1:]
        if num[1] in "IN":  # infinities and NaN are never zero padded
            if num[1] == "N" and not self.space and not self.plus:
                num = num[1:]
            self.pad_no_zero(num)
            return
        if self.sharp and verb != "b":
            num = self._sharp_float(num, verb, prec)
        if self.plus or num[0] != "+":
            if self.zero and not self.minus and self.wid_present and self.wid > len(num):
                # The sign goes before the zeros of the padding.
                self.buf.append(num[0])
                self.write_padding(self.wid - len(num))
                self.buf.append(num[1:])
                return
            self.pad(num)
            return
        self.pad(num[1:])

    @staticmethod
    def _sharp_float(num: str, verb: str, prec: int) -> str:
        """The # flag: always a decimal point, and %g keeps its trailing zeros."""
        digits = 0
        if verb in "vgGx":
            digits = 6 if prec == -1 else prec
        tail = ""
        body = num
        has_point = False
        seen_nonzero = False
        i = 1
        while i < len(body):
            c = body[i]
            if c == ".":
                has_point = True
            elif c in "pP" or (c in "eE" and verb not in "xX"):
                tail = body[i:]
                body = body[:i]
                break
            else:
                if c != "0":
                    seen_nonzero = True
                if seen_nonzero:
                    digits -= 1
            i += 1
        if not has_point:
            if len(body) == 2 and body[1] == "0":
                digits -= 1  # a lone 0 counts as one significant digit
            body += "."
        if digits > 0:
            body += "0" * digits
        return body + tail

    # -- pp: verbs by kind --

    def bad_verb(self, v: Any, verb: str) -> None:
        self.erroring = True
        self.buf.append("%!" + verb + "(")
        if v is None:
            self.buf.append("<nil>")
        else:
            self.buf.append(_type_of(v) + "=")
            self.print_arg(v, "v")
        self.buf.append(")")
        self.erroring = False

    def fmt_bool(self, orig: Any, v: bool, verb: str) -> None:
        if verb in "tv":
            self.fmt_boolean(v)
        else:
            self.bad_verb(orig, verb)

    def fmt_int(self, orig: Any, v: int, signed: bool, verb: str) -> None:
        if verb == "v":
            if self.sharp_v and not signed:
                self.fmt_0x64(v, True)
            else:
                self.fmt_integer(v, 10, verb, False)
        elif verb == "d":
            self.fmt_integer(v, 10, verb, False)
        elif verb == "x":
            self.fmt_integer(v, 16, verb, False)
        elif verb == "X":
            self.fmt_integer(v, 16, verb, True)
        elif verb in "oO":
            self.fmt_integer(v, 8, verb, False)
        elif verb == "b":
            self.fmt_integer(v, 2, verb, False)
        elif verb in "cqU":
            u = v & _MASK64 if v < 0 else v  # Go's uint64(v)
            if verb == "c":
                self.fmt_c(u)
            elif verb == "q":
                self.fmt_qc(u)
            else:
                self.fmt_unicode(u)
        else:
            self.bad_verb(orig, verb)

    def fmt_float_verb(self, orig: Any, v: float, size: int, verb: str) -> None:
        if verb == "v":
            self.fmt_float(v, size, "g", -1)
        elif verb in "bgGxX":
            self.fmt_float(v, size, verb, -1)
        elif verb in "feE":
            self.fmt_float(v, size, verb, 6)
        elif verb == "F":
            self.fmt_float(v, size, "f", 6)
        else:
            self.bad_verb(orig, verb)

    def fmt_complex(self, orig: Any, v: complex, size: int, verb: str) -> None:
        if verb in "vbgGxXfFeE":
            old_plus = self.plus
            self.buf.append("(")
            self.fmt_float_verb(orig, v.real, size // 2, verb)
            self.plus = True  # the imaginary part always has a sign
            self.fmt_float_verb(orig, v.imag, size // 2, verb)
            self.buf.append("i)")
            self.plus = old_plus
        else:
            self.bad_verb(orig, verb)

    def fmt_string(self, orig: Any, s: str, verb: str) -> None:
        if verb == "v":
            if self.sharp_v:
                self.fmt_q(s)
            else:
                self.fmt_s(s)
        elif verb == "s":
            self.fmt_s(s)
        elif verb == "x":
            self.fmt_sbx(_sc.go_bytes(s), False)
        elif verb == "X":
            self.fmt_sbx(_sc.go_bytes(s), True)
        elif verb == "q":
            self.fmt_q(s)
        else:
            self.bad_verb(orig, verb)

    def fmt_bytes(self, v: Any, verb: str, type_string: str) -> None:
        b = v if isinstance(v, (bytes, bytearray)) else bytes(int(c) & 0xFF for c in v)
        if verb in "vd":
            if self.sharp_v:
                self.buf.append(type_string + "{")
                for i, c in enumerate(b):
                    if i:
                        self.buf.append(", ")
                    self.fmt_0x64(c, True)
                self.buf.append("}")
            else:
                self.buf.append("[")
                for i, c in enumerate(b):
                    if i:
                        self.buf.append(" ")
                    self.fmt_integer(c, 10, verb, False)
                self.buf.append("]")
        elif verb == "s":
            self.fmt_s(_sc.go_string(bytes(b)))
        elif verb == "x":
            self.fmt_sbx(bytes(b), False)
        elif verb == "X":
            self.fmt_sbx(bytes(b), True)
        elif verb == "q":
            self.fmt_q(_sc.go_string(bytes(b)))
        else:
            self._print_all(self._list_elements(v, 0, type_string), verb)

    def fmt_pointer(self, v: Any, verb: str) -> None:
        if kind(v) not in (FUNC, MAP, POINTER, SLICE):
            self.bad_verb(v, verb)
            return
        u = 0 if _is_nil(v) else id(v)
        if verb == "v":
            if self.sharp_v:
                self.buf.append("(" + type_name(v) + ")(")
                if u:
                    self.fmt_0x64(u, True)
                else:
                    self.buf.append("nil")
                self.buf.append(")")
            elif u:
                self.fmt_0x64(u, not self.sharp)
            else:
                self.pad("<nil>")
        elif verb == "p":
            self.fmt_0x64(u, not self.sharp)
        elif verb in "bodxX":
            self.fmt_int(v, u, False, verb)
        else:
            self.bad_verb(v, verb)

    # -- methods --

    def catch_panic(self, verb: str, method: str, exc: Exception) -> None:
        """Go's catchPanic: report a method that panicked (raised) in place of its result."""
        message = str(exc)
        error = find_method(exc, "Error")
        if error is not None:  # a Go error value (gotime.GoError ...) prints its Error()
            with contextlib.suppress(Exception):
                message = str(error())
        old = self._flags()
        # Go saves and restores the flags but not the width and precision, so
        # what follows a panic in the same verb prints with both at zero.
        self.clear_flags()
        # The message is a string, whose printing cannot panic again.
        self.buf.append(f"%!{verb}(PANIC={method} method: {message})")
        self._set_flags(old)

    def _call(self, verb: str, name: str, method: Callable[[], Any]) -> str | None:
        try:
            result = method()
        except Exception as exc:
            self.catch_panic(verb, name, exc)
            return None
        return result if isinstance(result, str) else str(result)

    def handle_methods(self, v: Any, verb: str) -> bool:
        if self.erroring:
            return False
        if verb == "w":  # %w belongs to Errorf, and takes an error
            if not self.wrap_errs or find_method(v, "Error") is None:
                self.bad_verb(v, verb)
                return True
            verb = "v"
        if self.sharp_v:
            go_string = find_method(v, "GoString")
            if go_string is not None:
                s = self._call(verb, "GoString", go_string)
                if s is not None:
                    self.fmt_s(s)
                return True
            return False
        if verb in "vsxXq":
            for name in ("Error", "String"):
                method = find_method(v, name)
                if method is not None:
                    s = self._call(verb, name, method)
                    if s is not None:
                        self.fmt_string(v, s, verb)
                    return True
        return False

    # -- values --

    def print_arg(self, v: Any, verb: str) -> None:
        if v is None:
            if verb in "Tv":
                self.pad("<nil>")
            else:
                self.bad_verb(None, verb)
            return
        if verb == "T":
            self.fmt_s(_type_of(v))
            return
        if verb == "p":
            self.fmt_pointer(v, verb)
            return
        t = type(v)
        if t is str:
            self.fmt_string(v, v, verb)
        elif t is int:
            self.fmt_int(v, v, True, verb)
        elif t is float:
            self.fmt_float_verb(v, v, 64, verb)
        elif t is bool:
            self.fmt_bool(v, v, verb)
        elif t is complex:
            self.fmt_complex(v, v, 128, verb)
        elif t is bytes or t is bytearray:
            self.fmt_bytes(v, verb, "[]byte")
        elif v is MISSING:
            self.print_value(v, verb, 0)
        else:
            v = as_go(v)
            if not self.handle_methods(v, verb):
                self.print_value(v, verb, 0)

    def print_value(self, v: Any, verb: str, depth: int) -> None:
        """Go's printValue: ``v`` at nesting ``depth``."""
        self._print_all(self._print_one(v, verb, depth), verb)

    def _print_all(self, elements: _Elements | None, verb: str) -> None:
        """Prints a container's ``elements``, and theirs in turn.

        A stack of element generators stands in for recursion, so data nests as
        deep as memory allows (as Go's growing stack does) whatever Python's
        recursion limit. Under Limits every element is a unit of work, and the
        text printed is charged as it grows (exec.meter).
        """
        if elements is None:
            return
        metered = walking(self.buf)
        walk = [elements]
        while walk:
            for item, depth in walk[-1]:
                if metered is not None:
                    metered.step()
                elements = self._print_one(item, verb, depth)
                if elements is not None:
                    walk.append(elements)
                    break
            else:
                walk.pop()

    def _print_one(self, v: Any, verb: str, depth: int) -> _Elements | None:
        """Prints ``v`` unless it is a container: then the generator that prints its
        punctuation and yields its elements with their depth, to be printed in turn."""
        if depth > 0 and type(v) not in _PLAIN and v is not MISSING:
            v = as_go(v)
            if self.handle_methods(v, verb):
                return None
        t = type(v)
        k = kind(v)
        if k == STRING:
            # str.__str__ gives the characters even when a subclass overrides __str__.
            self.fmt_string(v, v if t is str else str.__str__(v), verb)
        elif k == INT:
            self.fmt_int(v, int(v), True, verb)
        elif k == UINT:
            n = int(v)
            if n < 0:
                n &= _UINT_MASK.get(getattr(t, "__go_kind__", ""), _MASK64)
            self.fmt_int(v, n, False, verb)
        elif k == FLOAT:
            self.fmt_float_verb(v, float(v), _float_size(v), verb)
        elif k == BOOL:
            self.fmt_bool(v, bool(v), verb)
        elif k == NIL:  # a nil interface inside a container or struct
            self.buf.append("interface {}(nil)" if self.sharp_v else "<nil>")
        elif k == SLICE:
            if verb in "sqxX" and _is_uint8_slice(v):
                self.fmt_bytes(v, verb, type_name(v))
            else:
                return self._list_elements(v, depth, type_name(v))
        elif k == MAP:
            return self._map_elements(v, depth)
        elif k == STRUCT:
            return self._struct_elements(v, depth, type_name(v))
        elif k == POINTER:
            if depth == 0 and not _is_nil(v):  # a struct pointed to shows at the top only
                self.buf.append("&")
                return self._struct_elements(v, depth + 1, type_name(v).removeprefix("*"))
            self.fmt_pointer(v, verb)
        elif k == COMPLEX:
            self.fmt_complex(v, complex(v), 2 * _float_size(v), verb)
        elif k == FUNC:
            self.fmt_pointer(v, verb)
        elif k == INVALID:
            if depth == 0:
                self.buf.append("<invalid reflect.Value>")
            elif verb == "v":
                self.buf.append("<nil>")
            else:
                self.bad_verb(None, verb)  # nothing to show: "%!d(<nil>)"
        else:  # pragma: no cover - every kind is handled above
            self.buf.append("?" + type_name(v) + "?")
        return None

    def _enter(self, v: Any) -> None:
        # Go's fmt would recurse until the stack is exhausted; stop instead.
        if id(v) in self.visiting:
            raise CyclicValue(f"cyclic value: {type_name(v)} contains itself")
        self.visiting.add(id(v))

    def _list_elements(self, v: Any, depth: int, tname: str) -> _Elements:
        if self.sharp_v and getattr(type(v), "__go_nil__", False):
            self.buf.append(tname + "(nil)")  # a nil slice, as opposed to an empty one
            return
        items = _elements(v, tname)
        self._enter(v)
        if self.sharp_v:
            self.buf.append(tname + "{")
            sep = ", "
        else:
            self.buf.append("[")
            sep = " "
        for i, item in enumerate(items):
            if i:
                self.buf.append(sep)
            yield item, depth + 1
        self.buf.append("}" if self.sharp_v else "]")
        self.visiting.discard(id(v))

    def _map_elements(self, v: Any, depth: int) -> _Elements:
        tname = type_name(v)
        if self.sharp_v and getattr(type(v), "__go_nil__", False):
            self.buf.append(tname + "(nil)")  # a nil map, as opposed to an empty one
            return
        if self.sharp_v:
            self.buf.append(tname + "{")
            sep = ", "
        else:
            self.buf.append("map[")
            sep = " "
        key_cls, elem_cls = _map_classes(tname)
        self._enter(v)
        for i, (key, value) in enumerate(sorted_items(v)):
            if i:
                self.buf.append(sep)
            yield _typed(key_cls, key), depth + 1
            self.buf.append(":")
            yield _typed(elem_cls, value), depth + 1
        self.buf.append("}" if self.sharp_v else "]")
        self.visiting.discard(id(v))

    def _struct_elements(self, v: Any, depth: int, tname: str) -> _Elements:
        if self.sharp_v:
            self.buf.append(tname)
        self.buf.append("{")
        names = self.plus_v or self.sharp_v
        sep = ", " if self.sharp_v else " "
        self._enter(v)
        for i, (name, value) in enumerate(struct_fields(v)):
            if i:
                self.buf.append(sep)
            if names:
                self.buf.append(name + ":")
            yield value, depth + 1
        self.buf.append("}")
        self.visiting.discard(id(v))

    # -- Printf --

    def arg_number(self, arg_num: int, fmt: str, i: int, num_args: int) -> tuple[int, int, bool]:
        if i >= len(fmt) or fmt[i] != "[":
            return arg_num, i, False
        self.reordered = True
        index, wid, ok = _parse_arg_number(fmt, i)
        if ok and 0 <= index < num_args:
            return index, i + wid, True
        self.good_arg_num = False
        return arg_num, i + wid, ok

    def do_printf(self, fmt: str, a: tuple[Any, ...]) -> None:
        end = len(fmt)
        nargs = len(a)
        arg_num = 0
        after_index = False
        self.reordered = False
        buf = self.buf
        i = 0
        while i < end:
            self.good_arg_num = True
            j = fmt.find("%", i)
            if j < 0:
                buf.append(fmt[i:])
                break
            if j > i:
                buf.append(fmt[i:j])
            i = j + 1

            self.clear_flags()
            simple = False
            while i < end:
                c = fmt[i]
                if c == "#":
                    self.sharp = True
                elif c == "0":
                    self.zero = True
                elif c == "+":
                    self.plus = True
                elif c == "-":
                    self.minus = True
                elif c == " ":
                    self.space = True
                else:
                    if "a" <= c <= "z" and arg_num < nargs:
                        # The common case: flags and a lower-case verb, nothing more.
                        if c in "vw":
                            self.sharp_v, self.sharp = self.sharp, False
                            self.plus_v, self.plus = self.plus, False
                        self.print_arg(a[arg_num], c)
                        arg_num += 1
                        i += 1
                        simple = True
                    break
                i += 1
            if simple:
                continue

            arg_num, i, after_index = self.arg_number(arg_num, fmt, i, nargs)

            if i < end and fmt[i] == "*":
                i += 1
                self.wid, self.wid_present, arg_num = _int_from_arg(a, arg_num)
                if not self.wid_present:
                    buf.append("%!(BADWIDTH)")
                if self.wid < 0:  # a negative width means left-justify
                    self.wid = -self.wid
                    self.minus = True
                    self.zero = False
                after_index = False
            else:
                self.wid, self.wid_present, i = _parse_num(fmt, i, end)
                if after_index and self.wid_present:  # "%[3]2d"
                    self.good_arg_num = False

            if i + 1 < end and fmt[i] == ".":
                i += 1
                if after_index:  # "%[3].2d"
                    self.good_arg_num = False
                arg_num, i, after_index = self.arg_number(arg_num, fmt, i, nargs)
                if i < end and fmt[i] == "*":
                    i += 1
                    self.prec, self.prec_present, arg_num = _int_from_arg(a, arg_num)
                    if self.prec < 0:
                        self.prec = 0
                        self.prec_present = False
                    if not self.prec_present:
                        buf.append("%!(BADPREC)")
                    after_index = False
                else:
                    self.prec, self.prec_present, i = _parse_num(fmt, i, end)
                    if not self.prec_present:
                        self.prec = 0
                        self.prec_present = True

            if not after_index:
                arg_num, i, after_index = self.arg_number(arg_num, fmt, i, nargs)

            if i >= end:
                buf.append("%!(NOVERB)")
                break

            verb = fmt[i]
            i += 1
            if "\ud800" <= verb <= "\udfff":  # an invalid byte decodes as U+FFFD
                verb = "\ufffd"

            if verb == "%":  # a literal percent takes no operand and ignores flags
                buf.append("%")
            elif not self.good_arg_num:
                buf.append("%!" + verb + "(BADINDEX)")
            elif arg_num >= nargs:
                buf.append("%!" + verb + "(MISSING)")
            else:
                if verb in "vw":
                    self.sharp_v, self.sharp = self.sharp, False
                    self.plus_v, self.plus = self.plus, False
                self.print_arg(a[arg_num], verb)
                arg_num += 1

        # Unused operands are reported unless the format chose its operands by index.
        if not self.reordered and arg_num < nargs:
            self.clear_flags()
            buf.append("%!(EXTRA ")
            for n, arg in enumerate(a[arg_num:]):
                if n:
                    buf.append(", ")
                if arg is None:
                    buf.append("<nil>")
                else:
                    buf.append(_type_of(arg) + "=")
                    self.print_arg(arg, "v")
            buf.append(")")


def _parse_num(s: str, start: int, end: int) -> tuple[int, bool, int]:
    """Go's parsenum: a decimal number at s[start:end], giving up (to the end) on overflow."""
    if start >= end:
        return 0, False, end
    num = 0
    isnum = False
    i = start
    while i < end and "0" <= s[i] <= "9":
        if num > _TOO_LARGE:
            return 0, False, end
        num = num * 10 + ord(s[i]) - 48
        isnum = True
        i += 1
    return num, isnum, i


def _parse_arg_number(fmt: str, start: int) -> tuple[int, int, bool]:
    """Go's parseArgNumber on fmt[start:] (which begins with '['): index, bytes used, ok."""
    if len(fmt) - start < 3:
        return 0, 1, False
    close = fmt.find("]", start + 1)
    if close < 0:
        return 0, 1, False
    width, ok, newi = _parse_num(fmt, start + 1, close)
    if not ok or newi != close:
        return 0, close - start + 1, False
    return width - 1, close - start + 1, True


def _int_from_arg(a: tuple[Any, ...], arg_num: int) -> tuple[int, bool, int]:
    """Go's intFromArg: a * width or precision taken from the operands."""
    if arg_num >= len(a):
        return 0, False, arg_num
    v = a[arg_num]
    num, is_int = 0, False
    if isinstance(v, datetime.timedelta):
        v = as_go(v)
    k = kind(v)
    if k == INT:
        n = int(v)
        if -(1 << 63) <= n < 1 << 63:
            num, is_int = n, True
    elif k == UINT:
        n = int(v)
        if 0 <= n < 1 << 63:
            num, is_int = n, True
    if num > _TOO_LARGE or num < -_TOO_LARGE:
        num, is_int = 0, False
    return num, is_int, arg_num + 1


# -- public API --------------------------------------------------------------------


def sprintf(fmt: str, *args: Any) -> str:
    """Go's ``fmt.Sprintf``."""
    if not args and "%" not in fmt:
        return fmt
    p = _Printer()
    p.do_printf(fmt, args)
    return "".join(p.buf)


class GoErr:
    """An error value for ``errorf``'s ``%w``: prints as its message."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def Error(self) -> str:
        return self.message


def errorf(fmt: str, *args: Any) -> str:
    """The text of Go's ``fmt.Errorf(fmt, args...)``: Sprintf where ``%w`` takes an error."""
    p = _Printer()
    p.wrap_errs = True
    p.do_printf(fmt, args)
    return "".join(p.buf)


def sprint(*args: Any) -> str:
    """Go's ``fmt.Sprint``: operands in their default format, spaced when neither is a string."""
    if len(args) == 1:
        return format_value(args[0])
    p = _Printer()
    prev_string = False
    for n, arg in enumerate(args):
        is_string = arg is not None and kind(arg) == STRING
        if n > 0 and not is_string and not prev_string:
            p.buf.append(" ")
        p.print_arg(arg, "v")
        prev_string = is_string
    return "".join(p.buf)


def sprintln(*args: Any) -> str:
    """Go's ``fmt.Sprintln``: operands in their default format, always spaced, and a newline."""
    p = _Printer()
    for n, arg in enumerate(args):
        if n > 0:
            p.buf.append(" ")
        p.print_arg(arg, "v")
    p.buf.append("\n")
    return "".join(p.buf)


class CyclicValue(ValueError):
    """A value that contains itself, which Go's fmt cannot print (it never returns)."""


def format_pointee(v: Any) -> str:
    """``sprint(*p)`` for a pointer to struct ``v``: the struct, without ``&``."""
    p = _Printer()
    v = as_go(v)
    if not p.handle_methods(v, "v"):
        p._print_all(p._struct_elements(v, 1, type_name(v).removeprefix("*")), "v")
    return "".join(p.buf)


def format_value(v: Any) -> str:
    """``sprint(v)`` for one value, with fast paths for the common scalar types."""
    t = type(v)
    if t is str:
        return v
    if t is int:
        return _sc.itoa(v)
    if t is bool:
        return "true" if v else "false"
    if t is float:
        return _go_float_v(v)
    p = _Printer()
    p.print_arg(v, "v")
    return "".join(p.buf)


# -- formats known in advance --------------------------------------------------------


def _quick_arg(verb: str, v: Any) -> str | None:
    """The text of one plain verb (no flags) for the commonest operand types, or None."""
    t = type(v)
    if t is str:
        if verb in "sv":
            return v
        if verb == "q":
            return quote(v)
        return None
    if t is int:
        return _sc.itoa(v) if verb in "dv" else None
    if t is bool:
        return ("true" if v else "false") if verb in "tv" else None
    if t is bytes:  # []byte: text for %s and %q (%v would print the numbers)
        if verb == "s":
            return _sc.go_string(v)
        return quote(_sc.go_string(v)) if verb == "q" else None
    return None


def _plain_verbs(fmt: str) -> tuple[list[str], list[str], str] | None:
    """A format of literal text and plain ``%s %v %q %d %t`` verbs as (the text before
    each verb, the verbs, the text after the last), or None for any other format."""
    texts: list[str] = []
    verbs: list[str] = []
    run = ""
    i = 0
    while True:
        j = fmt.find("%", i)
        if j < 0:
            return texts, verbs, run + fmt[i:]
        if j + 1 >= len(fmt) or fmt[j + 1] not in "svqdt%":
            return None
        run += fmt[i:j]
        if fmt[j + 1] == "%":
            run += "%"
        else:
            texts.append(run)
            verbs.append(fmt[j + 1])
            run = ""
        i = j + 2


@functools.lru_cache(maxsize=512)
def compile_format(fmt: str, count: int) -> Callable[..., str]:
    """``sprintf(fmt, *args)`` as a function of ``count`` operands, for a format fixed in
    advance (a pure function: templates that repeat a format share it).

    A format made only of literal text and plain ``%s %v %q %d %t`` verbs, given
    as many operands as it has verbs, is one generated f-string that formats its
    common operands (strings, ints, bools, bytes) in place; any other operand,
    format or count goes through the general printer.
    """
    plain = _plain_verbs(fmt)
    if plain is None or len(plain[1]) != count:
        return lambda *args: sprintf(fmt, *args)
    texts, verbs, tail = plain
    names = [f"a{i}" for i in range(count)]
    operands = ", ".join(names)
    lines = [f"def format_plain({operands}):"]

    def joined(values: list[str]) -> str:
        # Adjacent literals and f-strings make one string, built in one step.
        pieces = [piece for text, v in zip(texts, values, strict=True) for piece in (repr(text), v)]
        return " ".join([*pieces, repr(tail)])

    quoted = [a for a, verb in zip(names, verbs, strict=True) if verb == "q"]
    if quoted and all(verb in "qsv" for verb in verbs):
        # All strings, and nothing under %q to escape (one test of the %q operands
        # together, the commonest case by far): the whole text at once.
        results = [
            f"f'\"{{{a}}}\"'" if v == "q" else f"f'{{{a}}}'"
            for a, v in zip(names, verbs, strict=True)
        ]
        lines += [
            "    if " + " and ".join(f"{a}.__class__ is str" for a in names) + ":",
            f"        t = {' + '.join(quoted)}",
            f"        if {quotes_plainly('t')}:",
            f"            return {joined(results)}",
        ]
    for i, verb in enumerate(verbs):
        # A string under %q, %s or %v, the commonest case (printf "%q: %q" (.Name)
        # (.Value) on every label), is written in place; other operands ask _quick_arg.
        a = f"a{i}"
        text = quote_expression(a) if verb == "q" else a
        quick = f"quick({verb!r}, {a})"
        lines.append(
            f"    s{i} = ({text} if {a}.__class__ is str else {quick})"
            if verb in "qsv"
            else f"    s{i} = {quick}"
        )
        lines.append(f"    if s{i} is None: return sprintf(fmt, {operands})")
    results = [f"f'{{s{i}}}'" for i in range(count)]
    lines.append(f"    return {joined(results)}")
    namespace = {"quick": _quick_arg, "sprintf": sprintf, "fmt": fmt, **QUOTE_NAMES}
    return pycode.function("format_plain", lines, namespace)


# -- scanning ------------------------------------------------------------------------


class ScanError(ValueError):
    """fmt.Sscan failed; the text is Go's error."""


def sscan_complex(text: str) -> complex:
    """Go's ``fmt.Sscan(text, &c)`` into a complex128 (what the template parser does
    with a ``1+2i`` literal), or ScanError with Go's message."""
    scan = _ComplexScan(text)
    real_text, imag_text = scan.tokens()
    return complex(_scan_float(real_text), _scan_float(imag_text))


class _ComplexScan:
    """fmt's scanner state over one text, as far as complex numbers need it: each
    accepted character goes into the token being built."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.token: list[str] = []

    def accept(self, ok: str) -> bool:
        if self.pos < len(self.text) and self.text[self.pos] in ok:
            self.token.append(self.text[self.pos])
            self.pos += 1
            return True
        return False

    def float_token(self) -> str:
        """fmt's floatToken: what may be a float; a partial NaN or Inf stays consumed."""
        self.token = []
        if self.accept("nN") and self.accept("aA") and self.accept("nN"):
            return "".join(self.token)
        self.accept("+-")
        if self.accept("iI") and self.accept("nN") and self.accept("fF"):
            return "".join(self.token)
        digits, exponent = "0123456789_", "eEpP"
        if self.accept("0") and self.accept("xX"):
            digits, exponent = "0123456789aAbBcCdDeEfF_", "pP"
        while self.accept(digits):
            pass
        if self.accept("."):
            while self.accept(digits):
                pass
        if self.accept(exponent):
            self.accept("+-")
            while self.accept("0123456789_"):
                pass
        return "".join(self.token)

    def tokens(self) -> tuple[str, str]:
        """fmt's complexTokens: the real part, and the imaginary part with its sign."""
        parens = self.accept("(")
        real_text = self.float_token()
        self.token = []
        if not self.accept("+-"):
            raise ScanError("syntax error scanning complex number")
        sign = "".join(self.token)
        imag_text = self.float_token()
        if not self.accept("i") or (parens and not self.accept(")")):
            raise ScanError("syntax error scanning complex number")
        return real_text, sign + imag_text


def _scan_float(text: str) -> float:
    """fmt's convertFloat: strconv.ParseFloat, plus a decimal mantissa with a binary
    exponent (``1.5p3``)."""
    p = text.find("p")
    if p >= 0 and "x" not in text and "X" not in text:
        mantissa = _parse_float_or_fail(text[:p], text)
        try:
            exp = _sc.parse_int(text[p + 1 :])
        except _sc.SyntaxErr as e:
            raise ScanError(str(_sc.NumError("Atoi", text, e))) from None
        try:
            return math.ldexp(mantissa, exp)
        except OverflowError:
            return math.copysign(math.inf, mantissa)
    return _parse_float_or_fail(text, text)


def _parse_float_or_fail(text: str, shown: str) -> float:
    try:
        return _sc.parse_float(text)
    except _sc.SyntaxErr as e:
        raise ScanError(str(_sc.NumError("ParseFloat", shown, e))) from None
