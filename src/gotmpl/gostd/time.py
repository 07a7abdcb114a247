"""Go's ``time`` package values (Time, Duration, Month, Weekday, Location) for gotmpl.

Templates reach these objects through their Go method names (``.T.Format "2006"``,
``.D.Hours``), so every class exposes Go's capitalised methods and a ``__go_type__``
attribute, and output is byte-for-byte what Go 1.27 prints.  A Go method that
returns ``(value, error)`` raises :class:`GoError` with Go's message instead.

Design notes and known differences from Go:

* Arithmetic mirrors Go's fixed-width integers (int64/uint64 wrap-around and
  saturation) so that even absurd inputs format the way Go formats them.
* Time zones are read from the same TZif files Go reads ($ZONEINFO, then the
  system zoneinfo directories) and, as a last resort, from the ``tzdata``
  package.  The files are evaluated with Go's rules rather than through
  ``zoneinfo.ZoneInfo``, because ZoneInfo cannot answer for years outside
  1..9999 and differs from Go for instants before a zone's first transition.
* A :class:`Time` never carries a monotonic clock reading, so ``now()`` prints
  without Go's `` m=+0.000000001`` suffix.
* Naive ``datetime`` values are taken to be UTC.
* Local follows Go on Unix ($TZ, else /etc/localtime, else UTC); where neither
  exists (Windows) Local is UTC, whereas Go would ask the Windows registry.
* Python ``==`` on Time means "same instant and same location name" (Go's ``==``
  compares Location pointers); use ``Equal`` for Go's instant comparison.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import datetime as _dt
import errno as _errno
import functools
import os
import re
import threading
import time as _time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from typing_extensions import Self

from .arith import quo, rem
from .strconv import go_bytes, go_string

__all__ = [
    "ANSIC",
    "DATE_ONLY",
    "DATE_TIME",
    "HOUR",
    "KITCHEN",
    "LAYOUT",
    "LOCAL",
    "MAX_DURATION",
    "MICROSECOND",
    "MILLISECOND",
    "MINUTE",
    "MIN_DURATION",
    "NANOSECOND",
    "RFC822",
    "RFC822Z",
    "RFC850",
    "RFC1123",
    "RFC1123Z",
    "RFC3339",
    "RFC3339_NANO",
    "RUBY_DATE",
    "SECOND",
    "STAMP",
    "STAMP_MICRO",
    "STAMP_MILLI",
    "STAMP_NANO",
    "TIME_ONLY",
    "UNIX_DATE",
    "UTC",
    "Duration",
    "GoError",
    "Location",
    "Month",
    "ParseError",
    "Time",
    "Weekday",
    "date",
    "fixed_zone",
    "load_location",
    "now",
    "parse",
    "parse_duration",
    "parse_in_location",
    "parse_rfc3339",
    "since",
    "unix",
    "until",
    "use_clock",
]


class GoError(Exception):
    """An error (or panic) Go would report; ``str(e)`` is Go's exact message."""


class ParseError(GoError):
    """Go's ``*time.ParseError``; the fields keep Go's names."""

    def __init__(
        self, layout: str, value: str, layout_elem: str, value_elem: str, message: str
    ) -> None:
        self.Layout = layout
        self.Value = value
        self.LayoutElem = layout_elem
        self.ValueElem = value_elem
        self.Message = message
        super().__init__(self.Error())

    def Error(self) -> str:
        if self.Message == "":
            return (
                "parsing time "
                + _quote(self.Value)
                + " as "
                + _quote(self.Layout)
                + ": cannot parse "
                + _quote(self.ValueElem)
                + " as "
                + _quote(self.LayoutElem)
            )
        return "parsing time " + _quote(self.Value) + self.Message


# ---------------------------------------------------------------------------
# Fixed-width integer helpers.  Go's int is int64 on the platforms we mirror.

_M64 = (1 << 64) - 1
_I64_MAX = (1 << 63) - 1
_I64_MIN = -(1 << 63)


def _i64(x: int) -> int:
    x &= _M64
    return x - (1 << 64) if x >> 63 else x


def _u64(x: int) -> int:
    return x & _M64


# Strings are processed by Go as bytes.  A "byte view" is a str holding one
# character per byte of the Go string (latin-1), so byte lengths and offsets
# match Go's.


def _to_bv(s: str | bytes) -> str:
    if isinstance(s, (bytes, bytearray)):
        return bytes(s).decode("latin-1")
    return go_bytes(s).decode("latin-1")


def _from_bv(s: str) -> str:
    return go_string(s.encode("latin-1"))


def _quote_bv(s: str) -> str:
    # Go's time package quotes with \x escapes for every non-ASCII or control
    # byte (it does not reuse strconv.Quote), so the result is always ASCII.
    out = ['"']
    for ch in s:
        b = ord(ch)
        if b >= 0x80 or b < 0x20:
            out.append(f"\\x{b:02x}")
        elif ch in '"\\':
            out.append("\\" + ch)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _quote(s: str) -> str:
    return _quote_bv(_to_bv(s))


def _is_digit(s: str, i: int) -> bool:
    return i < len(s) and "0" <= s[i] <= "9"


# ---------------------------------------------------------------------------
# Duration


class Duration(int):
    """Go's ``time.Duration``: an int64 count of nanoseconds.

    Construction wraps to int64 the way a Go conversion does.  Arithmetic on
    Duration values uses Python ints (results may be plain ints).
    """

    __go_type__ = "time.Duration"
    __slots__ = ()

    def __new__(cls, value: int = 0) -> Duration:
        return super().__new__(cls, _i64(int(value)))

    @classmethod
    def from_timedelta(cls, td: _dt.timedelta) -> Duration:
        """The Duration of ``td``; beyond Go's range (about 292 years either way), the
        nearest Duration there is, as Go's own conversions saturate (``time.Since``)."""
        ns = ((td.days * 86400 + td.seconds) * 1_000_000 + td.microseconds) * 1000
        return cls(min(max(ns, _I64_MIN), _I64_MAX))

    def __repr__(self) -> str:
        return f"Duration({int(self)})"

    def __str__(self) -> str:
        return self.String()

    def String(self) -> str:
        d = int(self)
        u = -d if d < 0 else d  # magnitude; exact even for the minimum int64
        if u < 1_000_000_000:
            if u == 0:
                return "0s"
            # Below one second the unit shrinks so that the leading digit is non-zero.
            if u < 1000:
                prec, unit = 0, "ns"
            elif u < 1_000_000:
                prec, unit = 3, "µs"
            else:
                prec, unit = 6, "ms"
            frac, u = _frac_digits(u, prec)
            text = str(u) + frac + unit
        else:
            frac, u = _frac_digits(u, 9)
            text = str(u % 60) + frac + "s"
            u //= 60
            if u > 0:
                text = str(u % 60) + "m" + text
                u //= 60
                # Hours are the largest unit: days vary in length.
                if u > 0:
                    text = str(u) + "h" + text
        return "-" + text if d < 0 else text

    def Nanoseconds(self) -> int:
        return int(self)

    def Microseconds(self) -> int:
        return quo(int(self), 1000)

    def Milliseconds(self) -> int:
        return quo(int(self), 1_000_000)

    # Splitting into whole units and a remainder before converting mirrors Go,
    # whose float64 results can differ from a single division.
    def Seconds(self) -> float:
        d = int(self)
        return float(quo(d, 1_000_000_000)) + float(rem(d, 1_000_000_000)) / 1e9

    def Minutes(self) -> float:
        d = int(self)
        return float(quo(d, 60_000_000_000)) + float(rem(d, 60_000_000_000)) / (60 * 1e9)

    def Hours(self) -> float:
        d = int(self)
        return float(quo(d, 3_600_000_000_000)) + float(rem(d, 3_600_000_000_000)) / (60 * 60 * 1e9)

    def Truncate(self, m: int) -> Duration:
        d, m = int(self), int(m)
        if m <= 0:
            return self
        return Duration(d - rem(d, m))

    def Round(self, m: int) -> Duration:
        d, m = int(self), int(m)
        if m <= 0:
            return self
        r = rem(d, m)
        if d < 0:
            r = -r
            if r + r < m:
                return Duration(d + r)
            d1 = _i64(d - m + r)
            return Duration(d1 if d1 < d else _I64_MIN)  # saturate on overflow
        if r + r < m:
            return Duration(d - r)
        d1 = _i64(d + m - r)
        return Duration(d1 if d1 > d else _I64_MAX)

    def Abs(self) -> Duration:
        d = int(self)
        if d >= 0:
            return self
        # -MinInt64 does not exist; Go answers MaxInt64.
        return Duration(_I64_MAX if d == _I64_MIN else -d)


def _frac_digits(v: int, prec: int) -> tuple[str, int]:
    """Return (".ddd" without trailing zeros or "", v // 10**prec)."""
    if prec == 0:
        return "", v
    scale = 10**prec
    digits = f"{v % scale:0{prec}d}".rstrip("0")
    return ("." + digits if digits else ""), v // scale


NANOSECOND = Duration(1)
MICROSECOND = Duration(1000)
MILLISECOND = Duration(1_000_000)
SECOND = Duration(1_000_000_000)
MINUTE = Duration(60 * 1_000_000_000)
HOUR = Duration(3600 * 1_000_000_000)
MIN_DURATION = Duration(_I64_MIN)
MAX_DURATION = Duration(_I64_MAX)

_UNITS = {
    "ns": 1,
    "us": 1000,
    _to_bv("µs"): 1000,  # U+00B5 micro sign
    _to_bv("μs"): 1000,  # U+03BC Greek mu
    "ms": 1_000_000,
    "s": 1_000_000_000,
    "m": 60 * 1_000_000_000,
    "h": 3600 * 1_000_000_000,
}


def _leading_int(s: str) -> tuple[int, str, bool]:
    x = 0
    i = 0
    while i < len(s) and "0" <= s[i] <= "9":
        if x > (1 << 63) // 10:
            return 0, "", False
        x = x * 10 + ord(s[i]) - 48
        if x > 1 << 63:
            return 0, "", False
        i += 1
    return x, s[i:], True


def _leading_fraction(s: str) -> tuple[int, float, str]:
    # Digits beyond int64 precision are consumed but no longer accumulated.
    x = 0
    scale = 1.0
    overflow = False
    i = 0
    while i < len(s) and "0" <= s[i] <= "9":
        if not overflow:
            if x > _I64_MAX // 10:
                overflow = True
            else:
                y = x * 10 + ord(s[i]) - 48
                if y > 1 << 63:
                    overflow = True
                else:
                    x = y
                    scale *= 10
        i += 1
    return x, scale, s[i:]


def parse_duration(s: str) -> Duration:
    """Go's ``time.ParseDuration``; raises GoError with Go's message."""
    orig = s
    s = _to_bv(s)

    def fail(message: str) -> NoReturn:
        raise GoError("time: " + message + " " + _quote(orig))

    total = 0
    neg = False
    if s and s[0] in "+-":
        neg = s[0] == "-"
        s = s[1:]
    if s == "0":
        return Duration(0)
    if s == "":
        fail("invalid duration")
    while s:
        if not (s[0] == "." or "0" <= s[0] <= "9"):
            fail("invalid duration")
        before = len(s)
        v, s, ok = _leading_int(s)
        if not ok:
            fail("invalid duration")
        pre = before != len(s)
        f, scale, post = 0, 1.0, False
        if s and s[0] == ".":
            s = s[1:]
            before = len(s)
            f, scale, s = _leading_fraction(s)
            post = before != len(s)
        if not pre and not post:
            fail("invalid duration")
        i = 0
        while i < len(s) and not (s[i] == "." or "0" <= s[i] <= "9"):
            i += 1
        if i == 0:
            fail("missing unit in duration")
        u, s = s[:i], s[i:]
        unit = _UNITS.get(u)
        if unit is None:
            raise GoError("time: unknown unit " + _quote_bv(u) + " in duration " + _quote(orig))
        if v > (1 << 63) // unit:
            fail("invalid duration")
        v *= unit
        if f > 0:
            # float64 keeps fractions of an hour nanosecond-accurate, as in Go.
            v += int(float(f) * (float(unit) / scale))
            if v > 1 << 63:
                fail("invalid duration")
        total = _u64(total + v)  # Go's uint64 accumulator can wrap
        if total > 1 << 63:
            fail("invalid duration")
    if neg:
        return Duration(-total)
    if total > _I64_MAX:
        fail("invalid duration")
    return Duration(total)


# ---------------------------------------------------------------------------
# Month and Weekday

_LONG_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SHORT_MONTHS = tuple(m[:3] for m in _LONG_MONTHS)
_LONG_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_SHORT_DAYS = tuple(d[:3] for d in _LONG_DAYS)


class _Named(int):
    """A Go integer type whose String() names its values (Month, Weekday)."""

    __slots__ = ()
    _names: tuple[str, ...]
    _first: int  # the value of the first name

    def __new__(cls, value: int) -> Self:
        return super().__new__(cls, _i64(int(value)))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({int(self)})"

    def __str__(self) -> str:
        return self.String()

    def String(self) -> str:
        i = self - self._first
        if 0 <= i < len(self._names):
            return self._names[i]
        # Go prints the value reinterpreted as uint64.
        return f"%!{type(self).__name__}({int(self) & _M64})"


class Month(_Named):
    """Go's ``time.Month`` (January == 1)."""

    __go_type__ = "time.Month"
    __slots__ = ()
    _names = _LONG_MONTHS
    _first = 1


class Weekday(_Named):
    """Go's ``time.Weekday`` (Sunday == 0)."""

    __go_type__ = "time.Weekday"
    __slots__ = ()
    _names = _LONG_DAYS
    _first = 0


# ---------------------------------------------------------------------------
# Calendar arithmetic.  Like Go, dates are computed from "absolute" seconds
# counted from March 1 of a year far in the past, as uint64, so that every
# division rounds down and the leap day falls at the end of the year.

_ABSOLUTE_YEARS = 292277022400
_MARCH_THRU_DECEMBER = 306
_DAY = 86400
_INTERNAL_TO_ABSOLUTE = (_ABSOLUTE_YEARS * 146097 // 400 + _MARCH_THRU_DECEMBER) * _DAY
_ABSOLUTE_TO_INTERNAL = -_INTERNAL_TO_ABSOLUTE
_UNIX_TO_INTERNAL = (1969 * 365 + 1969 // 4 - 1969 // 100 + 1969 // 400) * _DAY
_INTERNAL_TO_UNIX = -_UNIX_TO_INTERNAL
_UNIX_TO_ABSOLUTE = _UNIX_TO_INTERNAL + _INTERNAL_TO_ABSOLUTE
_ABSOLUTE_TO_UNIX = -_UNIX_TO_ABSOLUTE
_ALPHA = _I64_MIN
_OMEGA = _I64_MAX


def _split_days(days: int) -> tuple[int, int, int]:
    """Absolute days -> (century, year within century, day within March-based year)."""
    d = _u64(4 * days + 3)
    century = d // 146097
    # Neri-Schneider: one multiply-and-shift yields both the year and the day.
    prod = 2939745 * ((d % 146097) | 3)
    return century, prod >> 32, (prod & 0xFFFFFFFF) // 2939745 // 4


def _split_ayday(ayday: int) -> tuple[int, int]:
    """March-based day of year -> (March-based month 3..14, day of month)."""
    d = 2141 * ayday + 197913
    return d >> 16, 1 + (d & 0xFFFF) // 2141


def _century_year(century: int, cyear: int, jan_feb: int) -> int:
    return _i64(_i64(century * 100 - _ABSOLUTE_YEARS) + cyear + jan_feb)


def _abs_date(days: int) -> tuple[int, int, int]:
    century, cyear, ayday = _split_days(days)
    amonth, mday = _split_ayday(ayday)
    jan_feb = 1 if ayday >= _MARCH_THRU_DECEMBER else 0
    return _century_year(century, cyear, jan_feb), amonth - 12 * jan_feb, mday


def _abs_year_yday(days: int) -> tuple[int, int]:
    century, cyear, ayday = _split_days(days)
    jan_feb = 1 if ayday >= _MARCH_THRU_DECEMBER else 0
    leap = 1 if cyear % 4 == 0 and (cyear != 0 or century % 4 == 0) else 0
    yday = ayday + 1 + 31 + 28 + (leap & ~jan_feb) - 365 * jan_feb
    return _century_year(century, cyear, jan_feb), yday


def _abs_weekday(days: int) -> int:
    # The absolute epoch, a March 1 like March 1 2000, was a Wednesday.
    return _u64(days + 3) % 7


def _abs_clock(abs_sec: int) -> tuple[int, int, int]:
    s = abs_sec % _DAY
    return s // 3600, s % 3600 // 60, s % 60


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before(month: int) -> int:
    """Days in a non-leap year before the given month (1..13)."""
    return (214 * month - 211) // 7 - (2 if month >= 3 else 0)


def _days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 + ((month + (month >> 3)) & 1)


def _date_to_abs_days(year: int, month: int, day: int) -> int:
    amonth = month & 0xFFFFFFFF
    jan_feb = 1 if amonth < 3 else 0
    amonth = (amonth + 12 * jan_feb) & 0xFFFFFFFF
    y = _u64(year - jan_feb + _ABSOLUTE_YEARS)
    ayday = ((979 * amonth - 2919) & 0xFFFFFFFF) >> 5
    century, cyear = y // 100, y % 100
    cday = 1461 * cyear // 4
    century_days = _u64(146097 * century) // 4
    return _u64(century_days + _u64(_i64(cday + ayday + day - 1)))


def _norm(hi: int, lo: int, base: int) -> tuple[int, int]:
    if lo < 0:
        n = (-lo - 1) // base + 1
        hi = _i64(hi - n)
        lo = _i64(lo + n * base)
    if lo >= base:
        n = lo // base
        hi = _i64(hi + n)
        lo -= n * base
    return hi, lo


# ---------------------------------------------------------------------------
# Location


class Location:
    """Go's ``*time.Location``: a zone name plus the offsets in use over time."""

    __go_type__ = "*time.Location"
    __slots__ = ("_extend", "_name", "_ready", "_tx_index", "_tx_when", "_zones")

    def __init__(
        self,
        name: str,
        zones: list[tuple[str, int, bool]] | None = None,
        transitions: list[tuple[int, int]] | None = None,
        extend: str = "",
    ) -> None:
        self._name = name
        self._zones = zones or []
        tx = transitions or []
        self._tx_when = [w for w, _ in tx]
        self._tx_index = [i for _, i in tx]
        self._extend = extend
        self._ready = True

    def _get(self) -> Location:
        # Only LOCAL starts unready; it is filled in on first use, once.
        if not self._ready:
            with _LOCAL_LOCK:
                if not self._ready:
                    _init_local(self)
        return self

    def __reduce__(self) -> str | tuple:
        # The UTC and Local singletons keep their identity through pickling.
        if self is UTC:
            return "UTC"
        if self is LOCAL:
            return "LOCAL"
        tx = list(zip(self._tx_when, self._tx_index, strict=True))
        return (Location, (self._name, self._zones, tx, self._extend))

    @property
    def name(self) -> str:
        return self._get()._name

    def String(self) -> str:
        return self.name

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<gotime.Location {self.name!r}>"

    def _lookup(self, sec: int) -> tuple[str, int, int, int, bool]:
        """(abbreviation, offset, start, end, is_dst) for the Unix second ``sec``."""
        self._get()
        zones = self._zones
        if not zones:
            return "UTC", 0, _ALPHA, _OMEGA, False
        whens = self._tx_when
        if not whens or sec < whens[0]:
            name, offset, dst = zones[self._first_zone()]
            return name, offset, _ALPHA, (whens[0] if whens else _OMEGA), dst
        lo = bisect.bisect_right(whens, sec) - 1
        end = whens[lo + 1] if lo + 1 < len(whens) else _OMEGA
        name, offset, dst = zones[self._tx_index[lo]]
        start = whens[lo]
        if lo == len(whens) - 1 and self._extend:
            # Past the recorded transitions the POSIX TZ rule string takes over.
            ext = _tzset(self._extend, start, sec)
            if ext is not None:
                return ext
        return name, offset, start, end, dst

    def _first_zone(self) -> int:
        # The zone in effect before the first transition, chosen as tzcode does.
        zones = self._zones
        if 0 not in self._tx_index:
            return 0
        if self._tx_index and zones[self._tx_index[0]][2]:
            for zi in range(self._tx_index[0] - 1, -1, -1):
                if not zones[zi][2]:
                    return zi
        for zi, z in enumerate(zones):
            if not z[2]:
                return zi
        return 0

    def _lookup_name(self, name: str, unix_sec: int) -> tuple[int, bool]:
        """Offset of the zone abbreviated ``name`` around the given pseudo-Unix time."""
        self._get()
        # Prefer a zone with that name that was actually in effect then
        # (Sydney once used "EST" for both standard and summer time).
        for zname, zoffset, _ in self._zones:
            if zname == name:
                nam, offset, _, _, _ = self._lookup(_i64(unix_sec - zoffset))
                if nam == zname:
                    return offset, True
        for zname, zoffset, _ in self._zones:
            if zname == name:
                return zoffset, True
        return 0, False


def _lookup(loc: Location | None, sec: int) -> tuple[str, int, int, int, bool]:
    # Go treats a nil *Location as UTC when looking up zones.
    return (loc or UTC)._lookup(sec)


UTC = Location("UTC")


def fixed_zone(name: str, offset: int) -> Location:
    """Go's ``time.FixedZone``: always ``name`` at ``offset`` seconds east of UTC."""
    offset = _i64(int(offset))
    return Location(name, [(name, offset, False)], [(_ALPHA, 0)])


# POSIX TZ strings ("EST5EDT,M3.2.0,M11.1.0") describe the rules after the
# last transition recorded in a TZif file.


def _tz_name(s: str) -> tuple[str, str] | None:
    if not s:
        return None
    if s[0] != "<":
        for i, ch in enumerate(s):
            if ch in "0123456789,-+":
                if i < 3:
                    return None
                return s[:i], s[i:]
        if len(s) < 3:
            return None
        return s, ""
    end = s.find(">")
    if end < 0:
        return None
    return s[1:end], s[end + 1 :]


def _tz_num(s: str, lo: int, hi: int) -> tuple[int, str] | None:
    if not s:
        return None
    num = 0
    for i, ch in enumerate(s):
        if not "0" <= ch <= "9":
            if i == 0 or num < lo:
                return None
            return num, s[i:]
        num = num * 10 + ord(ch) - 48
        if num > hi:
            return None
    if num < lo:
        return None
    return num, ""


def _tz_offset(s: str) -> tuple[int, str] | None:
    if not s:
        return None
    neg = False
    if s[0] in "+-":
        neg = s[0] == "-"
        s = s[1:]
    # tzcode accepts hours up to a week, beyond what POSIX allows.
    got = _tz_num(s, 0, 24 * 7)
    if got is None:
        return None
    hours, s = got
    off = hours * 3600
    for mult in (60, 1):
        if not s or s[0] != ":":
            break
        got = _tz_num(s[1:], 0, 59)
        if got is None:
            return None
        part, s = got
        off += part * mult
    return (-off if neg else off), s


# A rule is (kind, day, week, month, time-of-day seconds).
_RULE_JULIAN, _RULE_DOY, _RULE_MWD = 0, 1, 2


def _tz_rule(s: str) -> tuple[tuple[int, int, int, int, int], str] | None:
    if not s:
        return None
    week = mon = 0
    if s[0] == "J":
        got = _tz_num(s[1:], 1, 365)
        if got is None:
            return None
        day, s = got
        kind = _RULE_JULIAN
    elif s[0] == "M":
        got = _tz_num(s[1:], 1, 12)
        if got is None or not got[1] or got[1][0] != ".":
            return None
        mon, s = got
        got = _tz_num(s[1:], 1, 5)
        if got is None or not got[1] or got[1][0] != ".":
            return None
        week, s = got
        got = _tz_num(s[1:], 0, 6)
        if got is None:
            return None
        day, s = got
        kind = _RULE_MWD
    else:
        got = _tz_num(s, 0, 365)
        if got is None:
            return None
        day, s = got
        kind = _RULE_DOY
    if not s or s[0] != "/":
        return (kind, day, week, mon, 2 * 3600), s  # transitions default to 02:00
    got = _tz_offset(s[1:])
    if got is None:
        return None
    return (kind, day, week, mon, got[0]), got[1]


def _tz_rule_time(year: int, rule: tuple[int, int, int, int, int], off: int) -> int:
    """Seconds from the start of ``year`` (UTC) until the rule fires."""
    kind, day, week, mon, tod = rule
    if kind == _RULE_JULIAN:
        s = (day - 1) * _DAY
        if _is_leap(year) and day >= 60:
            s += _DAY
    elif kind == _RULE_DOY:
        s = day * _DAY
    else:
        # Zeller's congruence gives the weekday of the first of the month.
        m1 = (mon + 9) % 12 + 1
        yy0 = year - 1 if mon <= 2 else year
        yy1 = quo(yy0, 100)
        yy2 = rem(yy0, 100)
        dow = rem((26 * m1 - 2) // 10 + 1 + yy2 + quo(yy2, 4) + quo(yy1, 4) - 2 * yy1, 7)
        if dow < 0:
            dow += 7
        d = day - dow
        if d < 0:
            d += 7
        for _ in range(1, week):
            if d + 7 >= _days_in(mon, year):
                break
            d += 7
        d += _days_before(mon)
        if _is_leap(year) and mon > 2:
            d += 1
        s = d * _DAY
    return s + tod - off


@functools.lru_cache(maxsize=64)
def _parse_tz_string(s: str) -> tuple | None:
    name = _tz_name(s)
    if name is None:
        return None
    std_name, s = name
    offset = _tz_offset(s)
    if offset is None:
        return None
    std_off, s = offset
    std_off = -std_off  # POSIX offsets are west-positive; ours are east-positive
    if not s or s[0] == ",":
        return (std_name, std_off)
    name = _tz_name(s)
    if name is None:
        return None
    dst_name, s = name
    if not s or s[0] == ",":
        dst_off = std_off + 3600
    else:
        offset = _tz_offset(s)
        if offset is None:
            return None
        dst_off, s = -offset[0], offset[1]
    if not s:
        s = ",M3.2.0,M11.1.0"  # tzcode's default rules
    if s[0] not in ",;":
        return None
    rule = _tz_rule(s[1:])
    if rule is None or not rule[1] or rule[1][0] != ",":
        return None
    start_rule, s = rule
    rule = _tz_rule(s[1:])
    if rule is None or rule[1]:
        return None
    return (std_name, std_off, dst_name, dst_off, start_rule, rule[0])


def _tzset(s: str, last_tx: int, sec: int) -> tuple[str, int, int, int, bool] | None:
    spec = _parse_tz_string(s)
    if spec is None:
        return None
    if len(spec) == 2:
        return spec[0], spec[1], last_tx, _OMEGA, False
    std_name, std_off, dst_name, dst_off, start_rule, end_rule = spec
    year, yday = _abs_year_yday(_u64(sec + _UNIX_TO_ABSOLUTE) // _DAY)
    ysec = (yday - 1) * _DAY + rem(sec, _DAY)
    ystart = sec - ysec
    start = _tz_rule_time(year, start_rule, std_off)
    end = _tz_rule_time(year, end_rule, dst_off)
    dst_is_dst, std_is_dst = True, False
    if end < start:
        # Southern hemisphere: the "daylight" period wraps the new year.
        start, end = end, start
        std_name, dst_name = dst_name, std_name
        std_off, dst_off = dst_off, std_off
        std_is_dst, dst_is_dst = dst_is_dst, std_is_dst
    if ysec < start:
        return std_name, std_off, ystart, start + ystart, std_is_dst
    if ysec >= end:
        return std_name, std_off, end + ystart, ystart + 365 * _DAY, std_is_dst
    return dst_name, dst_off, start + ystart, end + ystart, dst_is_dst


class _BadData(Exception):
    pass


def _be(data: bytes, pos: int, size: int) -> int:
    return int.from_bytes(data[pos : pos + size], "big", signed=True)


def _load_tzif(name: str, data: bytes) -> Location:
    """Build a Location from TZif bytes with Go's validation rules."""
    if data[:4] != b"TZif" or len(data) < 20:
        raise _BadData
    version = {0: 1, ord("2"): 2, ord("3"): 3}.get(data[4])
    if version is None:
        raise _BadData
    pos = 20

    def counts(at: int) -> list[int]:
        if len(data) < at + 24:
            raise _BadData
        return [int.from_bytes(data[at + 4 * i : at + 4 * i + 4], "big") for i in range(6)]

    n_utclocal, n_stdwall, n_leap, n_time, n_zone, n_char = counts(pos)
    pos += 24
    size = 4
    if version > 1:
        # Skip the 32-bit block and its header; the 64-bit block follows.
        pos += n_time * 5 + n_zone * 6 + n_char + n_leap * 8 + n_stdwall + n_utclocal + 20
        n_utclocal, n_stdwall, n_leap, n_time, n_zone, n_char = counts(pos)
        pos += 24
        size = 8
    tx_pos = pos
    idx_pos = tx_pos + n_time * size
    zone_pos = idx_pos + n_time
    abbr_pos = zone_pos + n_zone * 6
    end = abbr_pos + n_char + n_leap * (size + 4) + n_stdwall + n_utclocal
    if len(data) < end:
        raise _BadData
    rest = data[end:]
    extend = ""
    if len(rest) > 2 and rest[:1] == b"\n" and rest[-1:] == b"\n":
        extend = go_string(rest[1:-1])
    if n_zone == 0:
        raise _BadData
    abbrev = data[abbr_pos : abbr_pos + n_char]
    zones: list[tuple[str, int, bool]] = []
    for i in range(n_zone):
        p = zone_pos + 6 * i
        ai = data[p + 5]
        if ai >= len(abbrev):
            raise _BadData
        raw = abbrev[ai:]
        nul = raw.find(b"\0")
        zname = go_string(raw if nul < 0 else raw[:nul])
        zones.append((zname, _be(data, p, 4), data[p + 4] != 0))
    tx: list[tuple[int, int]] = []
    for i in range(n_time):
        zi = data[idx_pos + i]
        if zi >= len(zones):
            raise _BadData
        tx.append((_be(data, tx_pos + i * size, size), zi))
    if not tx:
        tx.append((_ALPHA, 0))  # fixed zones such as Etc/GMT+5
    return Location(name, zones, tx, extend)


_PLATFORM_ZONE_SOURCES = (
    "/usr/share/zoneinfo/",
    "/usr/share/lib/zoneinfo/",
    "/usr/lib/locale/TZ/",
    "/etc/zoneinfo",
)
_MAX_FILE_SIZE = 10 << 20


class _NotFound(Exception):
    pass


def _os_error_text(exc: OSError) -> str:
    # Go reports the bare errno text, lower-cased as in its syscall tables.
    text = os.strerror(exc.errno) if exc.errno else str(exc)
    return text[:1].lower() + text[1:]


def _read_file(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(_MAX_FILE_SIZE + 4097)
    except ValueError as exc:  # embedded NUL: Go's syscall layer says EINVAL
        raise GoError("invalid argument") from exc
    except OSError as exc:
        if exc.errno == _errno.ENOENT:
            raise _NotFound from exc
        raise GoError(_os_error_text(exc)) from exc
    if len(data) > _MAX_FILE_SIZE:
        raise GoError(f"time: file {path} is too large")
    return data


def _read_zip(zip_path: str, name: str) -> bytes:
    import zipfile  # only for a ZONEINFO that names a zip: not at start-up

    try:
        with zipfile.ZipFile(zip_path) as zf:
            try:
                info = zf.getinfo(name)
            except KeyError as exc:
                raise _NotFound from exc
            if info.compress_type != zipfile.ZIP_STORED:
                raise GoError(f"unsupported compression for {name} in {zip_path}")
            return zf.read(info)
    except (OSError, zipfile.BadZipFile) as exc:
        raise GoError("corrupt zip file " + zip_path) from exc


def _read_source(source: str, name: str) -> bytes:
    if len(source) > 4 and source.endswith(".zip"):
        return _read_zip(source, name)
    return _read_file(source + "/" + name if source else name)


def _read_tzdata_package(name: str) -> bytes:
    """The ``tzdata`` package stands in for Go's bundled zoneinfo.zip."""
    parts = name.split("/")
    if not name or name[0] == "/" or any(p in ("", ".", "..") for p in parts):
        raise _NotFound
    try:
        from importlib import resources

        res = resources.files("tzdata").joinpath("zoneinfo", *parts)
        if not res.is_file():
            raise _NotFound
        return res.read_bytes()
    except (ImportError, OSError, ValueError) as exc:
        raise _NotFound from exc


def _load_from(name: str, sources: tuple[str, ...] | list[str]) -> Location:
    first_err: str | None = None
    for source in sources:
        try:
            return _load_tzif(name, _read_source(source, name))
        except _NotFound:
            pass
        except _BadData:
            first_err = first_err or "malformed time zone information"
        except GoError as exc:
            first_err = first_err or str(exc)
    try:
        return _load_tzif(name, _read_tzdata_package(name))
    except _NotFound:
        pass
    except _BadData:
        first_err = first_err or "malformed time zone information"
    raise GoError(first_err or "unknown time zone " + name)


def load_location(name: str) -> Location:
    """Go's ``time.LoadLocation``; raises GoError with Go's message."""
    if name in ("", "UTC"):
        return UTC
    if name == "Local":
        return LOCAL
    if ".." in name or name[0] in "/\\":
        raise GoError("time: invalid location name")
    first_err: str | None = None
    zoneinfo_env = os.environ.get("ZONEINFO", "")
    if zoneinfo_env:
        try:
            return _load_tzif(name, _read_source(zoneinfo_env, name))
        except _NotFound:
            pass
        except _BadData:
            first_err = "malformed time zone information"
        except GoError as exc:
            first_err = str(exc)
    try:
        return _load_from(name, _PLATFORM_ZONE_SOURCES)
    except GoError as exc:
        raise GoError(first_err or str(exc)) from None


def _init_local(loc: Location) -> None:
    """Fill in Go's Local from $TZ or /etc/localtime, falling back to UTC."""
    tz = os.environ.get("TZ")
    found: Location | None = None
    name = ""
    try:
        if tz is None:
            found, name = _load_from("localtime", ["/etc"]), "Local"
        elif tz:
            if tz[0] == ":":
                tz = tz[1:]
            if tz and tz[0] == "/":
                found = _load_from(tz, [""])
                name = "Local" if tz == "/etc/localtime" else tz
            elif tz and tz != "UTC":
                found, name = _load_from(tz, _PLATFORM_ZONE_SOURCES), tz
    except GoError:
        found = None
    if found is None:
        loc._name, loc._zones, loc._tx_when, loc._tx_index, loc._extend = "UTC", [], [], [], ""
    else:
        loc._name = name
        loc._zones = found._zones
        loc._tx_when = found._tx_when
        loc._tx_index = found._tx_index
        loc._extend = found._extend
    loc._ready = True


_LOCAL_LOCK = threading.Lock()
LOCAL = Location("Local")
LOCAL._ready = False


def _reset_local() -> None:
    """Forget Go's Local so the next use re-reads $TZ (for tests)."""
    LOCAL._ready = False


# ---------------------------------------------------------------------------
# Layouts

LAYOUT = "01/02 03:04:05PM '06 -0700"
ANSIC = "Mon Jan _2 15:04:05 2006"
UNIX_DATE = "Mon Jan _2 15:04:05 MST 2006"
RUBY_DATE = "Mon Jan 02 15:04:05 -0700 2006"
RFC822 = "02 Jan 06 15:04 MST"
RFC822Z = "02 Jan 06 15:04 -0700"
RFC850 = "Monday, 02-Jan-06 15:04:05 MST"
RFC1123 = "Mon, 02 Jan 2006 15:04:05 MST"
RFC1123Z = "Mon, 02 Jan 2006 15:04:05 -0700"
RFC3339 = "2006-01-02T15:04:05Z07:00"
RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00"
KITCHEN = "3:04PM"
STAMP = "Jan _2 15:04:05"
STAMP_MILLI = "Jan _2 15:04:05.000"
STAMP_MICRO = "Jan _2 15:04:05.000000"
STAMP_NANO = "Jan _2 15:04:05.000000000"
DATE_TIME = "2006-01-02 15:04:05"
DATE_ONLY = "2006-01-02"
TIME_ONLY = "15:04:05"

# Layout element kinds.
(
    _K_END,
    _K_LONG_MONTH,
    _K_MONTH,
    _K_NUM_MONTH,
    _K_ZERO_MONTH,
    _K_LONG_WEEKDAY,
    _K_WEEKDAY,
    _K_DAY,
    _K_UNDER_DAY,
    _K_ZERO_DAY,
    _K_UNDER_YDAY,
    _K_ZERO_YDAY,
    _K_HOUR,
    _K_HOUR12,
    _K_ZERO_HOUR12,
    _K_MINUTE,
    _K_ZERO_MINUTE,
    _K_SECOND,
    _K_ZERO_SECOND,
    _K_LONG_YEAR,
    _K_YEAR,
    _K_PM,
    _K_LOWER_PM,
    _K_TZ,
    _K_ISO_TZ,
    _K_ISO_SECONDS_TZ,
    _K_ISO_SHORT_TZ,
    _K_ISO_COLON_TZ,
    _K_ISO_COLON_SECONDS_TZ,
    _K_NUM_TZ,
    _K_NUM_SECONDS_TZ,
    _K_NUM_SHORT_TZ,
    _K_NUM_COLON_TZ,
    _K_NUM_COLON_SECONDS_TZ,
    _K_FRAC0,
    _K_FRAC9,
) = range(36)

_ZERO_X = {
    "1": _K_ZERO_MONTH,
    "2": _K_ZERO_DAY,
    "3": _K_ZERO_HOUR12,
    "4": _K_ZERO_MINUTE,
    "5": _K_ZERO_SECOND,
    "6": _K_YEAR,
}
_DASH_ZONES = (
    ("-070000", _K_NUM_SECONDS_TZ),
    ("-07:00:00", _K_NUM_COLON_SECONDS_TZ),
    ("-0700", _K_NUM_TZ),
    ("-07:00", _K_NUM_COLON_TZ),
    ("-07", _K_NUM_SHORT_TZ),
)
_Z_ZONES = (
    ("Z070000", _K_ISO_SECONDS_TZ),
    ("Z07:00:00", _K_ISO_COLON_SECONDS_TZ),
    ("Z0700", _K_ISO_TZ),
    ("Z07:00", _K_ISO_COLON_TZ),
    ("Z07", _K_ISO_SHORT_TZ),
)
_ISO_ZONES = frozenset(
    (_K_ISO_TZ, _K_ISO_SECONDS_TZ, _K_ISO_SHORT_TZ, _K_ISO_COLON_TZ, _K_ISO_COLON_SECONDS_TZ)
)
_NUM_ZONES = frozenset(
    (_K_NUM_TZ, _K_NUM_SECONDS_TZ, _K_NUM_SHORT_TZ, _K_NUM_COLON_TZ, _K_NUM_COLON_SECONDS_TZ)
)
_COLON_ZONES = frozenset(
    (_K_ISO_COLON_TZ, _K_NUM_COLON_TZ, _K_ISO_COLON_SECONDS_TZ, _K_NUM_COLON_SECONDS_TZ)
)
_SHORT_ZONES = frozenset((_K_ISO_SHORT_TZ, _K_NUM_SHORT_TZ))
_SECONDS_ZONES = frozenset(
    (_K_ISO_SECONDS_TZ, _K_NUM_SECONDS_TZ, _K_ISO_COLON_SECONDS_TZ, _K_NUM_COLON_SECONDS_TZ)
)
# Elements whose formatting needs the calendar date, and those that need the
# clock (the kinds of each are consecutive but for the year and the AM/PM ones).
_NEED_DATE = frozenset((*range(_K_LONG_MONTH, _K_ZERO_DAY + 1), _K_LONG_YEAR, _K_YEAR))
_NEED_CLOCK = frozenset((*range(_K_HOUR, _K_ZERO_SECOND + 1), _K_PM, _K_LOWER_PM))


def _find_element(layout: str, start: int) -> tuple[int, int, int, int, str]:
    """Find the next layout element at or after ``start``.

    Returns (element start, kind, element end, fraction digits, fraction separator);
    kind is _K_END when no element remains.
    """
    n = len(layout)
    i = start
    while i < n:
        c = layout[i]
        if c == "J":
            if layout.startswith("Jan", i):
                if layout.startswith("January", i):
                    return i, _K_LONG_MONTH, i + 7, 0, ""
                # "Jan" followed by a lower-case letter is a word, not a month.
                if not (i + 3 < n and "a" <= layout[i + 3] <= "z"):
                    return i, _K_MONTH, i + 3, 0, ""
        elif c == "M":
            if layout.startswith("Mon", i):
                if layout.startswith("Monday", i):
                    return i, _K_LONG_WEEKDAY, i + 6, 0, ""
                if not (i + 3 < n and "a" <= layout[i + 3] <= "z"):
                    return i, _K_WEEKDAY, i + 3, 0, ""
            if layout.startswith("MST", i):
                return i, _K_TZ, i + 3, 0, ""
        elif c == "0":
            if i + 1 < n and "1" <= layout[i + 1] <= "6":
                return i, _ZERO_X[layout[i + 1]], i + 2, 0, ""
            if layout.startswith("002", i):
                return i, _K_ZERO_YDAY, i + 3, 0, ""
        elif c == "1":
            if layout.startswith("15", i):
                return i, _K_HOUR, i + 2, 0, ""
            return i, _K_NUM_MONTH, i + 1, 0, ""
        elif c == "2":
            if layout.startswith("2006", i):
                return i, _K_LONG_YEAR, i + 4, 0, ""
            return i, _K_DAY, i + 1, 0, ""
        elif c == "_":
            if layout.startswith("_2", i):
                # "_2006" is a literal underscore followed by the year.
                if layout.startswith("2006", i + 1):
                    return i + 1, _K_LONG_YEAR, i + 5, 0, ""
                return i, _K_UNDER_DAY, i + 2, 0, ""
            if layout.startswith("__2", i):
                return i, _K_UNDER_YDAY, i + 3, 0, ""
        elif c == "3":
            return i, _K_HOUR12, i + 1, 0, ""
        elif c == "4":
            return i, _K_MINUTE, i + 1, 0, ""
        elif c == "5":
            return i, _K_SECOND, i + 1, 0, ""
        elif c == "P":
            if layout.startswith("PM", i):
                return i, _K_PM, i + 2, 0, ""
        elif c == "p":
            if layout.startswith("pm", i):
                return i, _K_LOWER_PM, i + 2, 0, ""
        elif c == "-":
            for text, kind in _DASH_ZONES:
                if layout.startswith(text, i):
                    return i, kind, i + len(text), 0, ""
        elif c == "Z":
            for text, kind in _Z_ZONES:
                if layout.startswith(text, i):
                    return i, kind, i + len(text), 0, ""
        elif c in ".," and i + 1 < n and layout[i + 1] in "09":
            digit = layout[i + 1]
            j = i + 1
            while j < n and layout[j] == digit:
                j += 1
            # A run of 0s or 9s is a fraction only if no other digit follows.
            if not _is_digit(layout, j):
                kind = _K_FRAC0 if digit == "0" else _K_FRAC9
                return i, kind, j, (j - i - 1) & 0xFFF, c
        i += 1
    return n, _K_END, n, 0, ""


@functools.lru_cache(maxsize=512)
def _layout_chunks(layout: str) -> tuple[tuple[str, int, str, int, str], ...]:
    """Split a layout into (literal prefix, kind, element text, digits, separator)."""
    chunks = []
    pos = 0
    while True:
        i, kind, j, ndigits, sep = _find_element(layout, pos)
        chunks.append((layout[pos:i], kind, layout[i:j], ndigits, sep))
        if kind == _K_END:
            return tuple(chunks)
        pos = j


def _pad(x: int, width: int) -> str:
    if x < 0:
        return "-" + str(-x).rjust(width, "0")
    return str(x).rjust(width, "0")


def _format_fraction(nsec: int, ndigits: int, sep: str, trim: bool) -> str:
    if trim and (ndigits == 0 or nsec == 0):
        return ""
    text = sep + f"{nsec:09d}"
    if ndigits < 9:
        text = text[: 1 + ndigits]
    if trim:
        text = text.rstrip("0")
        if text == sep:
            return ""
    return text


# ---------------------------------------------------------------------------
# Time


# Location, for annotations inside Time, whose method Location hides the class.
_Loc = Location


class _Uint64(int):
    __go_type__ = "uint64"
    __go_kind__ = "uint64"
    __slots__ = ()


class _Int64(int):
    __go_type__ = "int64"
    __go_kind__ = "int64"
    __slots__ = ()


class _NilLocation:
    """A nil ``*time.Location``, what a UTC Time holds in Go."""

    __go_type__ = "*time.Location"
    __go_nil__ = True
    __slots__ = ()


_NIL_LOCATION = _NilLocation()


class Time:
    """Go's ``time.Time``: an instant with nanosecond precision and a Location.

    Internally it holds Go's own representation: seconds since January 1 of
    year 1 (an int64, including Go's wrap-around and saturation), nanoseconds
    0..999999999, and the Location.  There is no monotonic clock reading.
    """

    __go_type__ = "time.Time"
    # Go's unexported fields, which fmt prints for verbs that do not use String()
    # (``%d`` prints ``{0 63844761600 0}``): see the properties below.
    __go_fields__ = ("wall", "ext", "loc")
    __slots__ = ("_loc", "_marshal", "_nano", "_nsec", "_sec")

    _sec: int
    _nsec: int
    _loc: Location

    def __init__(self) -> None:
        """The zero Time, 0001-01-01 00:00:00 UTC, like Go's ``time.Time{}``."""
        object.__setattr__(self, "_sec", 0)
        object.__setattr__(self, "_nsec", 0)
        object.__setattr__(self, "_loc", UTC)

    if not TYPE_CHECKING:  # (for mypy, Time has only the attributes it declares)

        def __getattr__(self, name: str) -> Any:
            # Reached only for an unset slot. parse_rfc3339 keeps canonical UTC text
            # in _nano and leaves the instant to be worked out when first needed: a
            # webhook's times are mostly only marshalled again.
            if name == "_sec" or name == "_nsec":
                sec, nsec = _canonical_instant(_get_nano(self))
                _set_sec(self, sec)
                _set_nsec(self, nsec)
                return sec if name == "_sec" else nsec
            raise AttributeError(name)

    @classmethod
    def _new(cls, sec: int, nsec: int, loc: Location | None) -> Time:
        # Every Time a webhook's alerts carry is made here: the slots' own setters.
        t = object.__new__(cls)
        _set_sec(t, sec)
        _set_nsec(t, nsec)
        _set_loc(t, UTC if loc is None else loc)
        return t

    @property
    def wall(self) -> int:
        """Go's field ``wall``: without a monotonic clock reading, the nanoseconds."""
        return _Uint64(self._nsec)

    @property
    def ext(self) -> int:
        """Go's field ``ext``: without a monotonic clock reading, the seconds since
        January 1 of year 1."""
        return _Int64(self._sec)

    @property
    def loc(self) -> object:
        """Go's field ``loc``: the Location, nil for UTC."""
        return _NIL_LOCATION if self._loc is UTC else self._loc

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("gotime.Time is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("gotime.Time is immutable")

    def __reduce__(self) -> tuple:
        return (Time._new, (self._sec, self._nsec, self._loc))

    # -- constructors -------------------------------------------------------

    @classmethod
    def zero(cls) -> Time:
        return cls()

    @classmethod
    def unix(cls, sec: int, nsec: int = 0) -> Time:
        """Go's ``time.Unix``: the instant in the Local location."""
        return unix(sec, nsec)

    @classmethod
    def now(cls) -> Time:
        return now()

    @classmethod
    def from_datetime(cls, dt: _dt.datetime) -> Time:
        """Convert a datetime; naive values are taken as UTC.

        A ``zoneinfo.ZoneInfo`` becomes the Location of the same name, UTC stays
        UTC, and any other zone becomes a fixed zone (unnamed, so printed as
        "+0530", when it is an unnamed ``datetime.timezone``).
        """
        offset = dt.utcoffset()
        loc: Location = UTC
        off_us = 0
        if offset is not None:
            off_us = (offset.days * 86400 + offset.seconds) * 1_000_000 + offset.microseconds
            off_sec = quo(off_us, 1_000_000)
            tz = dt.tzinfo
            key = getattr(tz, "key", None)
            if isinstance(tz, _dt.timezone):
                name = tz.tzname(None)
                if off_us == 0 and name == "UTC":
                    loc = UTC
                else:
                    unnamed = _dt.timezone(offset).tzname(None)
                    loc = fixed_zone("" if name == unnamed else name, off_sec)
            elif isinstance(key, str) and key:
                try:
                    loc = load_location(key)
                except GoError:
                    loc = fixed_zone(dt.tzname() or "", off_sec)
            else:
                loc = fixed_zone(dt.tzname() or "", off_sec)
        local_us = (
            (dt.toordinal() - 719163) * 86400 + dt.hour * 3600 + dt.minute * 60 + dt.second
        ) * 1_000_000 + dt.microsecond
        sec, us = divmod(local_us - off_us, 1_000_000)
        return cls._new(sec + _UNIX_TO_INTERNAL, us * 1000, loc)

    def to_datetime(self) -> _dt.datetime:
        """An aware datetime (fixed offset of the zone in effect), microseconds truncated.

        Raises ValueError when the year or offset is outside what datetime holds.
        """
        name, offset, abs_sec = self._locabs()
        year, month, day = _abs_date(abs_sec // _DAY)
        hour, minute, second = _abs_clock(abs_sec)
        tz = (
            _dt.timezone.utc
            if self._loc is UTC
            else _dt.timezone(_dt.timedelta(seconds=offset), name)
        )
        return _dt.datetime(year, month, day, hour, minute, second, self._nsec // 1000, tz)

    # -- internals ----------------------------------------------------------

    def _unix_sec(self) -> int:
        return _i64(self._sec + _INTERNAL_TO_UNIX)

    def _locabs(self) -> tuple[str, int, int]:
        """(zone abbreviation, offset, absolute seconds of the wall clock)."""
        loc = self._loc
        sec = self._unix_sec()
        if loc is UTC:
            name, offset = "UTC", 0
        else:
            name, offset = loc._lookup(sec)[:2]
            sec = _i64(sec + offset)
        return name, offset, _u64(sec + _UNIX_TO_ABSOLUTE)

    def _abs(self) -> int:
        return self._locabs()[2]

    def _add_sec(self, d: int) -> Time:
        # Go saturates instead of wrapping when the seconds would overflow.
        total = _i64(self._sec + d)
        if (total > self._sec) != (d > 0):
            total = _I64_MAX if d > 0 else -_I64_MAX
        return Time._new(total, self._nsec, self._loc)

    def _with_loc(self, loc: Location) -> Time:
        return Time._new(self._sec, self._nsec, loc)

    # -- Python protocol ----------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Time):
            return NotImplemented
        return (
            self._sec == other._sec
            and self._nsec == other._nsec
            and self._loc.name == other._loc.name
        )

    def __hash__(self) -> int:
        return hash((self._sec, self._nsec, self._loc.name))

    # Ordering follows the instant, as Go's Before, After and Compare do.
    def _instant(self, other: object) -> tuple[tuple[int, int], tuple[int, int]] | None:
        if not isinstance(other, Time):
            return None
        return (self._sec, self._nsec), (other._sec, other._nsec)

    def __lt__(self, other: object) -> bool:
        pair = self._instant(other)
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: object) -> bool:
        pair = self._instant(other)
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: object) -> bool:
        pair = self._instant(other)
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: object) -> bool:
        pair = self._instant(other)
        return NotImplemented if pair is None else pair[0] >= pair[1]

    def __repr__(self) -> str:
        return f"<gotime.Time {self.String()}>"

    def __str__(self) -> str:
        return self.String()

    # -- formatting ---------------------------------------------------------

    def Format(self, layout: str) -> str:
        if layout in (RFC3339_NANO, RFC3339):
            fast = self._rfc3339(layout != RFC3339)
            if fast is not None:
                return fast
        return self._format(layout)

    def _format(self, layout: str) -> str:
        """Format through the general layout engine."""
        name, offset, abs_sec = self._locabs()
        days = abs_sec // _DAY
        year = month = day = yday = hour = minute = second = -1
        out: list[str] = []
        for prefix, kind, _text, ndigits, sep in _layout_chunks(layout):
            if prefix:
                out.append(prefix)
            if kind == _K_END:
                break
            if year == -1 and kind in _NEED_DATE:
                year, month, day = _abs_date(days)
            if yday == -1 and kind in (_K_UNDER_YDAY, _K_ZERO_YDAY):
                yday = _abs_year_yday(days)[1]
            if hour == -1 and kind in _NEED_CLOCK:
                hour, minute, second = _abs_clock(abs_sec)
            if kind == _K_YEAR:
                out.append(_pad(abs(year) % 100, 2))
            elif kind == _K_LONG_YEAR:
                out.append(_pad(year, 4))
            elif kind == _K_MONTH:
                out.append(_SHORT_MONTHS[month - 1])
            elif kind == _K_LONG_MONTH:
                out.append(_LONG_MONTHS[month - 1])
            elif kind == _K_NUM_MONTH:
                out.append(str(month))
            elif kind == _K_ZERO_MONTH:
                out.append(_pad(month, 2))
            elif kind == _K_WEEKDAY:
                out.append(_SHORT_DAYS[_abs_weekday(days)])
            elif kind == _K_LONG_WEEKDAY:
                out.append(_LONG_DAYS[_abs_weekday(days)])
            elif kind == _K_DAY:
                out.append(str(day))
            elif kind == _K_UNDER_DAY:
                out.append(f"{day:2d}")
            elif kind == _K_ZERO_DAY:
                out.append(_pad(day, 2))
            elif kind == _K_UNDER_YDAY:
                out.append(f"{yday:3d}")
            elif kind == _K_ZERO_YDAY:
                out.append(_pad(yday, 3))
            elif kind == _K_HOUR:
                out.append(_pad(hour, 2))
            elif kind in (_K_HOUR12, _K_ZERO_HOUR12):
                # Noon is 12PM and midnight 12AM.
                hr = hour % 12 or 12
                out.append(str(hr) if kind == _K_HOUR12 else _pad(hr, 2))
            elif kind == _K_MINUTE:
                out.append(str(minute))
            elif kind == _K_ZERO_MINUTE:
                out.append(_pad(minute, 2))
            elif kind == _K_SECOND:
                out.append(str(second))
            elif kind == _K_ZERO_SECOND:
                out.append(_pad(second, 2))
            elif kind == _K_PM:
                out.append("PM" if hour >= 12 else "AM")
            elif kind == _K_LOWER_PM:
                out.append("pm" if hour >= 12 else "am")
            elif kind in _ISO_ZONES or kind in _NUM_ZONES:
                out.append(_format_offset(kind, offset))
            elif kind == _K_TZ:
                if name:
                    out.append(name)
                else:
                    # No abbreviation known: print the offset as -0700.
                    zone = quo(offset, 60)
                    sign = "-" if zone < 0 else "+"
                    zone = abs(zone)
                    out.append(sign + _pad(zone // 60, 2) + _pad(zone % 60, 2))
            elif kind in (_K_FRAC0, _K_FRAC9):
                out.append(_format_fraction(self._nsec, ndigits, sep, kind == _K_FRAC9))
        return "".join(out)

    def String(self) -> str:
        return self.Format("2006-01-02 15:04:05.999999999 -0700 MST")

    def GoString(self) -> str:
        abs_sec = self._abs()
        year, month, day = _abs_date(abs_sec // _DAY)
        hour, minute, second = _abs_clock(abs_sec)
        loc = self._loc
        if loc is UTC:
            where = "time.UTC"
        elif loc is LOCAL:
            where = "time.Local"
        else:
            where = "time.Location(" + _quote(loc.name) + ")"
        return (
            f"time.Date({year}, time.{_LONG_MONTHS[month - 1]}, {day}, "
            f"{hour}, {minute}, {second}, {self._nsec}, {where})"
        )

    def _rfc3339(self, nano: bool) -> str | None:
        """RFC 3339 text for years 0..9999 without the general layout engine
        (alert payloads marshal every StartsAt/EndsAt); None for other years."""
        _name, offset, abs_sec = self._locabs()
        year, month, day = _abs_date(abs_sec // _DAY)
        if not 0 <= year <= 9999:
            return None
        hour, minute, second = _abs_clock(abs_sec)
        frac = ""
        if nano and self._nsec:
            frac = "." + f"{self._nsec:09d}".rstrip("0")
        if offset == 0:
            zone = "Z"
        else:
            zmin = int(offset / 60)  # Go's integer division truncates toward zero
            sign = "-" if zmin < 0 else "+"
            zmin = abs(zmin)
            zone = f"{sign}{zmin // 60:02d}:{zmin % 60:02d}"
        return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}{frac}{zone}"

    def _strict_rfc3339(self, prefix: str) -> str:
        # Alert payloads marshal the same StartsAt/EndsAt on every render; a Time
        # never changes, so its RFC 3339 text is kept.
        text = getattr(self, "_nano", None)
        if text is None:
            text = self.Format(RFC3339_NANO)
            object.__setattr__(self, "_nano", text)
        # Not every Go time is valid RFC 3339; Go rejects these two shapes.
        if text[4] != "-":
            raise GoError(prefix + "year outside of range [0,9999]")
        if text[-1] != "Z":
            c = text[-6]
            hh = (10 * (ord(text[-5]) - 48) + (ord(text[-4]) - 48)) & 0xFF
            if "0" <= c <= "9" or hh >= 24:
                raise GoError(prefix + "timezone hour outside of range [0,23]")
        return text

    def MarshalText(self) -> bytes:
        # Once per Time: alert payloads marshal StartsAt and EndsAt on every render.
        text = getattr(self, "_marshal", None)
        if text is None:
            text = self._strict_rfc3339("Time.MarshalText: ").encode()
            object.__setattr__(self, "_marshal", text)
        return text

    def AppendText(self, b: bytes = b"") -> bytes:
        return bytes(b) + self._strict_rfc3339("Time.AppendText: ").encode()

    def MarshalJSON(self) -> bytes:
        return b'"' + self._strict_rfc3339("Time.MarshalJSON: ").encode() + b'"'

    # -- fields -------------------------------------------------------------

    def Date(self) -> tuple[int, Month, int]:
        year, month, day = _abs_date(self._abs() // _DAY)
        return year, Month(month), day

    def Year(self) -> int:
        return _abs_date(self._abs() // _DAY)[0]

    def Month(self) -> Month:
        return Month(_abs_date(self._abs() // _DAY)[1])

    def Day(self) -> int:
        return _abs_date(self._abs() // _DAY)[2]

    def Weekday(self) -> Weekday:
        return Weekday(_abs_weekday(self._abs() // _DAY))

    def YearDay(self) -> int:
        return _abs_year_yday(self._abs() // _DAY)[1]

    def ISOWeek(self) -> tuple[int, int]:
        # The ISO week belongs to the year holding its Thursday.
        days = self._abs() // _DAY
        shift = 4 - (_abs_weekday(_u64(days - 1)) + 1)
        year, yday = _abs_year_yday(_u64(days + shift))
        return year, (yday - 1) // 7 + 1

    def Clock(self) -> tuple[int, int, int]:
        return _abs_clock(self._abs())

    def Hour(self) -> int:
        return _abs_clock(self._abs())[0]

    def Minute(self) -> int:
        return _abs_clock(self._abs())[1]

    def Second(self) -> int:
        return _abs_clock(self._abs())[2]

    def Nanosecond(self) -> int:
        return self._nsec

    def Unix(self) -> int:
        return self._unix_sec()

    def UnixMilli(self) -> int:
        return _i64(self._unix_sec() * 1000 + self._nsec // 1_000_000)

    def UnixMicro(self) -> int:
        return _i64(self._unix_sec() * 1_000_000 + self._nsec // 1000)

    def UnixNano(self) -> int:
        return _i64(self._unix_sec() * 1_000_000_000 + self._nsec)

    def IsZero(self) -> bool:
        return self._sec == 0 and self._nsec == 0

    # -- zones --------------------------------------------------------------

    def Location(self) -> Location:
        return self._loc

    def Zone(self) -> tuple[str, int]:
        name, offset, _, _, _ = self._loc._lookup(self._unix_sec())
        return name, offset

    def IsDST(self) -> bool:
        return self._loc._lookup(self._unix_sec())[4]

    def UTC(self) -> Time:
        return self._with_loc(UTC)

    def Local(self) -> Time:
        return self._with_loc(LOCAL)

    def In(self, loc: _Loc | None) -> Time:
        if loc is None:
            raise GoError("time: missing Location in call to Time.In")
        return self._with_loc(loc)

    # -- comparison ---------------------------------------------------------

    def After(self, u: Time) -> bool:
        return (self._sec, self._nsec) > (u._sec, u._nsec)

    def Before(self, u: Time) -> bool:
        return (self._sec, self._nsec) < (u._sec, u._nsec)

    def Equal(self, u: Time) -> bool:
        return self._sec == u._sec and self._nsec == u._nsec

    def Compare(self, u: Time) -> int:
        a, b = (self._sec, self._nsec), (u._sec, u._nsec)
        return -1 if a < b else (1 if a > b else 0)

    # -- arithmetic ---------------------------------------------------------

    def Add(self, d: int) -> Time:
        d = _i64(int(d))
        dsec = quo(d, 1_000_000_000)
        nsec = self._nsec + rem(d, 1_000_000_000)
        if nsec >= 1_000_000_000:
            dsec += 1
            nsec -= 1_000_000_000
        elif nsec < 0:
            dsec -= 1
            nsec += 1_000_000_000
        return Time._new(self._sec, nsec, self._loc)._add_sec(dsec)

    def Sub(self, u: Time) -> Duration:
        d = _i64(_i64(_i64(self._sec - u._sec) * 1_000_000_000) + self._nsec - u._nsec)
        if u.Add(d).Equal(self):
            return Duration(d)
        # The true difference does not fit: saturate like Go.
        return MIN_DURATION if self.Before(u) else MAX_DURATION

    def AddDate(self, years: int, months: int, days: int) -> Time:
        abs_sec = self._abs()
        year, month, day = _abs_date(abs_sec // _DAY)
        hour, minute, second = _abs_clock(abs_sec)
        return date(
            _i64(year + int(years)),
            _i64(month + int(months)),
            _i64(day + int(days)),
            hour,
            minute,
            second,
            self._nsec,
            self._loc,
        )

    def _remainder(self, d: int) -> int:
        # Go measures from the zero time, rounding toward negative infinity.
        return (self._sec * 1_000_000_000 + self._nsec) % d

    def Truncate(self, d: int) -> Time:
        d = int(d)
        if d <= 0:
            return self
        return self.Add(-self._remainder(d))

    def Round(self, d: int) -> Time:
        d = int(d)
        if d <= 0:
            return self
        r = self._remainder(d)
        if r + r < d:
            return self.Add(-r)
        return self.Add(d - r)


def _format_offset(kind: int, offset: int) -> str:
    # The Z forms print "Z" for a zero offset (ISO 8601).
    if offset == 0 and kind in _ISO_ZONES:
        return "Z"
    zone = quo(offset, 60)
    absoffset = offset
    if zone < 0:
        sign = "-"
        zone = -zone
        absoffset = -absoffset
    else:
        sign = "+"
    text = sign + _pad(zone // 60, 2)
    if kind in _COLON_ZONES:
        text += ":"
    if kind not in _SHORT_ZONES:
        text += _pad(zone % 60, 2)
    if kind in _SECONDS_ZONES:
        if kind in (_K_NUM_COLON_SECONDS_TZ, _K_ISO_COLON_SECONDS_TZ):
            text += ":"
        # Offsets under a minute keep their sign here, exactly as Go prints them.
        text += _pad(rem(absoffset, 60), 2)
    return text


def date(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    sec: int = 0,
    nsec: int = 0,
    loc: Location | None = UTC,
) -> Time:
    """Go's ``time.Date``: out-of-range fields are normalised (October 32 is November 1)."""
    if loc is None:
        raise GoError("time: missing Location in call to Date")
    year, m = _norm(_i64(int(year)), _i64(int(month)) - 1, 12)
    month = m + 1
    sec, nsec = _norm(_i64(int(sec)), _i64(int(nsec)), 1_000_000_000)
    minute, sec = _norm(_i64(int(minute)), sec, 60)
    hour, minute = _norm(_i64(int(hour)), minute, 60)
    day, hour = _norm(_i64(int(day)), hour, 24)
    days = _i64(_date_to_abs_days(year, month, day))
    wall = _i64(_i64(days * _DAY) + hour * 3600 + minute * 60 + sec + _ABSOLUTE_TO_UNIX)
    # Look up the offset for the wall time as if it were UTC, then correct it
    # if the resulting instant falls in a different zone period.
    _, offset, start, end, _ = loc._lookup(wall)
    if offset != 0:
        utc = wall - offset
        if utc < start or utc >= end:
            offset = loc._lookup(utc)[1]
        wall -= offset
    return Time._new(_i64(wall + _UNIX_TO_INTERNAL), nsec, loc)


def unix(sec: int, nsec: int = 0) -> Time:
    """Go's ``time.Unix`` (the result is in Local, as in Go)."""
    sec, nsec = _i64(int(sec)), _i64(int(nsec))
    if nsec < 0 or nsec >= 1_000_000_000:
        n = quo(nsec, 1_000_000_000)
        sec += n
        nsec -= n * 1_000_000_000
        if nsec < 0:
            nsec += 1_000_000_000
            sec -= 1
    return Time._new(_i64(sec + _UNIX_TO_INTERNAL), nsec, LOCAL)


# The clock now() reads in this context instead of the system's (``use_clock``).
_clock: contextvars.ContextVar[Callable[[], Time] | None] = contextvars.ContextVar(
    "gotmpl_clock", default=None
)


def now() -> Time:
    """Go's ``time.Now`` without the monotonic reading (or the clock ``use_clock`` set)."""
    clock = _clock.get()
    if clock is not None:
        return clock().Local()
    sec, nsec = divmod(_time.time_ns(), 1_000_000_000)
    return Time._new(sec + _UNIX_TO_INTERNAL, nsec, LOCAL)


@contextlib.contextmanager
def use_clock(clock: Callable[[], Time]) -> Iterator[None]:
    """Within the block, ``now()`` (and so the ``now`` and ``since`` functions and the
    Alertmanager data built from alerts) asks ``clock`` for the time, in Local.

    The clock belongs to the current context (a ``contextvars`` variable), not to
    the process: other threads and tasks keep the system's, while the helper
    threads a deep render continues on (which copy the caller's context) see it.
    """
    token = _clock.set(clock)
    try:
        yield
    finally:
        _clock.reset(token)


def since(t: Time) -> Duration:
    return now().Sub(t)


def until(t: Time) -> Duration:
    return t.Sub(now())


# ---------------------------------------------------------------------------
# Parsing.  Works on byte views so lengths and error fragments match Go.


def _perr(layout: str, value: str, layout_elem: str, value_elem: str, msg: str) -> ParseError:
    return ParseError(
        _from_bv(layout), _from_bv(value), _from_bv(layout_elem), _from_bv(value_elem), msg
    )


def _atoi(s: str) -> tuple[int, bool]:
    neg = False
    if s and s[0] in "+-":
        neg = s[0] == "-"
        s = s[1:]
    q, rem, ok = _leading_int(s)
    if not ok or rem:
        return 0, False
    x = _i64(q)
    return (_i64(-x) if neg else x), True


def _getnum(s: str, fixed: bool) -> tuple[int, str, bool]:
    if not _is_digit(s, 0):
        return 0, s, False
    if not _is_digit(s, 1):
        if fixed:
            return 0, s, False
        return ord(s[0]) - 48, s[1:], True
    return (ord(s[0]) - 48) * 10 + ord(s[1]) - 48, s[2:], True


def _getnum3(s: str, fixed: bool) -> tuple[int, str, bool]:
    n = i = 0
    while i < 3 and _is_digit(s, i):
        n = n * 10 + ord(s[i]) - 48
        i += 1
    if i == 0 or (fixed and i != 3):
        return 0, s, False
    return n, s[i:], True


def _match_fold(s1: str, s2: str) -> bool:
    for a, b in zip(s1, s2, strict=True):
        if a != b:
            ca, cb = ord(a) | 0x20, ord(b) | 0x20
            if ca != cb or not 97 <= ca <= 122:
                return False
    return True


def _lookup_name(table: tuple[str, ...], val: str) -> tuple[int, str, bool]:
    for i, v in enumerate(table):
        if len(val) >= len(v) and _match_fold(val[: len(v)], v):
            return i, val[len(v) :], True
    return -1, val, False


def _skip(value: str, prefix: str) -> tuple[str, bool]:
    # Any run of spaces in the layout matches any run of spaces in the value.
    while prefix:
        if prefix[0] == " ":
            if value and value[0] != " ":
                return value, False
            prefix = prefix.lstrip(" ")
            value = value.lstrip(" ")
            continue
        if not value or value[0] != prefix[0]:
            return value, False
        prefix = prefix[1:]
        value = value[1:]
    return value, True


def _parse_signed_offset(value: str) -> int:
    if value[0] not in "+-":
        return 0
    x, rem, ok = _leading_int(value[1:])
    if not ok or value[1:] == rem or x > 23:
        return 0
    return len(value) - len(rem)


def _parse_time_zone(value: str) -> tuple[int, bool]:
    # Zone abbreviations are guessed: three upper-case letters, four or five
    # ending in T, a few known exceptions, GMT with an hour, or a bare +hh.
    if len(value) < 3:
        return 0, False
    if value[:4] in ("ChST", "MeST"):
        return 4, True
    if value[:3] == "GMT":
        return (3 if len(value) == 3 else 3 + _parse_signed_offset(value[3:])), True
    if value[0] in "+-":
        n = _parse_signed_offset(value)
        return n, n > 0
    upper = 0
    while upper < 6 and upper < len(value) and "A" <= value[upper] <= "Z":
        upper += 1
    if upper == 5 and value[4] == "T":
        return 5, True
    if upper == 4 and (value[3] == "T" or value[:4] == "WITA"):
        return 4, True
    if upper == 3:
        return 3, True
    return 0, False


def _parse_nanoseconds(value: str, nbytes: int) -> tuple[int, str, bool]:
    if value[0] not in ".,":
        return 0, "", False
    if nbytes > 10:
        value, nbytes = value[:10], 10
    ns, ok = _atoi(value[1:nbytes])
    if not ok:
        return 0, "", False
    if ns < 0:
        return ns, "fractional second", True
    return ns * 10 ** (10 - nbytes), "", True


def _parse(layout: str, value: str, default_loc: Location | None, local: Location | None) -> Time:
    alayout, avalue = layout, value
    range_err = ""
    am_set = pm_set = False
    year = hour = minute = sec = nsec = 0
    month = day = yday = -1
    z: Location | None = None
    zone_offset = -1
    zone_name = ""

    chunks = _layout_chunks(layout)
    for idx, (prefix, kind, stdstr, ndigits, _sep) in enumerate(chunks):
        value, ok = _skip(value, prefix)
        if not ok:
            raise _perr(alayout, avalue, prefix, value, "")
        if kind == _K_END:
            if value:
                raise _perr(alayout, avalue, "", value, ": extra text: " + _quote_bv(value))
            break
        hold = value
        ok = True
        if kind == _K_YEAR:
            if len(value) < 2:
                ok = False
            else:
                p, value = value[:2], value[2:]
                year, ok = _atoi(p)
                if ok:
                    year += 1900 if year >= 69 else 2000
        elif kind == _K_LONG_YEAR:
            if len(value) < 4 or not _is_digit(value, 0):
                ok = False
            else:
                p, value = value[:4], value[4:]
                year, ok = _atoi(p)
        elif kind in (_K_MONTH, _K_LONG_MONTH):
            table = _SHORT_MONTHS if kind == _K_MONTH else _LONG_MONTHS
            month, value, ok = _lookup_name(table, value)
            month += 1
        elif kind in (_K_NUM_MONTH, _K_ZERO_MONTH):
            month, value, ok = _getnum(value, kind == _K_ZERO_MONTH)
            if ok and not 1 <= month <= 12:
                range_err = "month"
        elif kind in (_K_WEEKDAY, _K_LONG_WEEKDAY):
            # The weekday is checked for syntax only.
            table = _SHORT_DAYS if kind == _K_WEEKDAY else _LONG_DAYS
            _, value, ok = _lookup_name(table, value)
        elif kind in (_K_DAY, _K_UNDER_DAY, _K_ZERO_DAY):
            if kind == _K_UNDER_DAY and value[:1] == " ":
                value = value[1:]
            day, value, ok = _getnum(value, kind == _K_ZERO_DAY)
        elif kind in (_K_UNDER_YDAY, _K_ZERO_YDAY):
            for _ in range(2):
                if kind == _K_UNDER_YDAY and value[:1] == " ":
                    value = value[1:]
            yday, value, ok = _getnum3(value, kind == _K_ZERO_YDAY)
        elif kind == _K_HOUR:
            hour, value, ok = _getnum(value, False)
            if not 0 <= hour < 24:
                range_err = "hour"
        elif kind in (_K_HOUR12, _K_ZERO_HOUR12):
            hour, value, ok = _getnum(value, kind == _K_ZERO_HOUR12)
            if not 0 <= hour <= 12:
                range_err = "hour"
        elif kind in (_K_MINUTE, _K_ZERO_MINUTE):
            minute, value, ok = _getnum(value, kind == _K_ZERO_MINUTE)
            if not 0 <= minute < 60:
                range_err = "minute"
        elif kind in (_K_SECOND, _K_ZERO_SECOND):
            sec, value, ok = _getnum(value, kind == _K_ZERO_SECOND)
            if ok:
                if not 0 <= sec < 60:
                    range_err = "second"
                elif (
                    len(value) >= 2
                    and value[0] in ".,"
                    and _is_digit(value, 1)
                    and chunks[idx + 1][1] not in (_K_FRAC0, _K_FRAC9)
                ):
                    # A fraction may follow the seconds even when the layout has
                    # none; if the layout does have one, leave it to that element.
                    n = 2
                    while _is_digit(value, n):
                        n += 1
                    nsec, range_err, ok = _parse_nanoseconds(value, n)
                    value = value[n:]
        elif kind in (_K_PM, _K_LOWER_PM):
            if len(value) < 2:
                ok = False
            else:
                p, value = value[:2], value[2:]
                pm, am = ("PM", "AM") if kind == _K_PM else ("pm", "am")
                if p == pm:
                    pm_set = True
                elif p == am:
                    am_set = True
                else:
                    ok = False
        elif kind in _ISO_ZONES and value[:1] == "Z":
            value = value[1:]
            z = UTC
        elif kind in _ISO_ZONES or kind in _NUM_ZONES:
            parts = _split_offset(kind, value)
            if parts is None:
                ok = False
            else:
                sign, hh, mm, ss, value = parts
                hr, _, ok = _getnum(hh, True)
                mn = secs = 0
                if ok:
                    mn, _, ok = _getnum(mm, True)
                    if ok:
                        secs, _, ok = _getnum(ss, True)
                # ">" rather than ">=": people do write 24:00 or :60 offsets.
                if hr > 24:
                    range_err = "time zone offset hour"
                if mn > 60:
                    range_err = "time zone offset minute"
                if secs > 60:
                    range_err = "time zone offset second"
                zone_offset = (hr * 60 + mn) * 60 + secs
                if sign == "-":
                    zone_offset = -zone_offset
                elif sign != "+":
                    ok = False
        elif kind == _K_TZ:
            if value[:3] == "UTC":
                z = UTC
                value = value[3:]
            else:
                n, ok = _parse_time_zone(value)
                if ok:
                    zone_name, value = value[:n], value[n:]
        elif kind == _K_FRAC0:
            # A fixed-width fraction needs exactly the layout's digits.
            width = 1 + ndigits
            if len(value) < width:
                ok = False
            else:
                nsec, range_err, ok = _parse_nanoseconds(value, width)
                value = value[width:]
        elif kind == _K_FRAC9 and len(value) >= 2 and value[0] in ".," and _is_digit(value, 1):
            # An optional fraction: take every digit, even beyond the layout's,
            # as the seconds element would.
            i = 1
            while _is_digit(value, i + 1):
                i += 1
            nsec, range_err, ok = _parse_nanoseconds(value, 1 + i)
            value = value[1 + i :]
        if range_err:
            raise _perr(alayout, avalue, stdstr, value, ": " + range_err + " out of range")
        if not ok:
            raise _perr(alayout, avalue, stdstr, hold, "")

    if pm_set and hour < 12:
        hour += 12
    elif am_set and hour == 12:
        hour = 0

    if yday >= 0:
        m = d = 0
        if _is_leap(year):
            if yday == 31 + 29:
                m, d = 2, 29
            elif yday > 31 + 29:
                yday -= 1
        if yday < 1 or yday > 365:
            raise _perr(alayout, avalue, "", value, ": day-of-year out of range")
        if m == 0:
            m = (yday - 1) // 31 + 1
            if _days_before(m + 1) < yday:
                m += 1
            d = yday - _days_before(m)
        if month >= 0 and month != m:
            raise _perr(alayout, avalue, "", value, ": day-of-year does not match month")
        month = m
        if day >= 0 and day != d:
            raise _perr(alayout, avalue, "", value, ": day-of-year does not match day")
        day = d
    else:
        if month < 0:
            month = 1
        if day < 0:
            day = 1

    if day < 1 or day > _days_in(month, year):
        raise _perr(alayout, avalue, "", value, ": day out of range")

    if z is not None:
        return date(year, month, day, hour, minute, sec, nsec, z)

    if zone_offset != -1:
        t = date(year, month, day, hour, minute, sec, nsec, UTC)._add_sec(-zone_offset)
        # Use the local zone if it had this offset (and name) at that instant.
        name, offset, _, _, _ = _lookup(local, t._unix_sec())
        if offset == zone_offset and (zone_name == "" or name == zone_name):
            return t._with_loc(local or UTC)
        return t._with_loc(fixed_zone(_from_bv(zone_name), zone_offset))

    if zone_name != "":
        t = date(year, month, day, hour, minute, sec, nsec, UTC)
        offset, found = (local or UTC)._lookup_name(_from_bv(zone_name), t._unix_sec())
        if found:
            return t._add_sec(-offset)._with_loc(local or UTC)
        # Unknown abbreviation: keep the name, with offset zero (or GMT's hours).
        if len(zone_name) > 3 and zone_name[:3] == "GMT":
            offset = _atoi(zone_name[3:])[0] * 3600
        return t._with_loc(fixed_zone(_from_bv(zone_name), offset))

    return date(year, month, day, hour, minute, sec, nsec, default_loc)


def _split_offset(kind: int, value: str) -> tuple[str, str, str, str, str] | None:
    """Cut a numeric zone offset into sign, hours, minutes, seconds and the rest."""
    if kind in (_K_ISO_COLON_TZ, _K_NUM_COLON_TZ):
        if len(value) < 6 or value[3] != ":":
            return None
        return value[0], value[1:3], value[4:6], "00", value[6:]
    if kind in _SHORT_ZONES:
        if len(value) < 3:
            return None
        return value[0], value[1:3], "00", "00", value[3:]
    if kind in (_K_ISO_COLON_SECONDS_TZ, _K_NUM_COLON_SECONDS_TZ):
        if len(value) < 9 or value[3] != ":" or value[6] != ":":
            return None
        return value[0], value[1:3], value[4:6], value[7:9], value[9:]
    if kind in (_K_ISO_SECONDS_TZ, _K_NUM_SECONDS_TZ):
        if len(value) < 7:
            return None
        return value[0], value[1:3], value[3:5], value[5:7], value[7:]
    if len(value) < 5:
        return None
    return value[0], value[1:3], value[3:5], "00", value[5:]


def _parse_rfc3339_fast(s: str, local: Location | None) -> Time | None:
    """Go's strict RFC 3339 fast path; None means "use the general parser"."""
    if len(s) < 19:
        return None
    ok = True

    def num(text: str, lo: int, hi: int) -> int:
        nonlocal ok
        x = 0
        for ch in text:
            if not "0" <= ch <= "9":
                ok = False
                return lo
            x = x * 10 + ord(ch) - 48
        if not lo <= x <= hi:
            ok = False
            return lo
        return x

    year = num(s[0:4], 0, 9999)
    month = num(s[5:7], 1, 12)
    day = num(s[8:10], 1, _days_in(month, year))
    hour = num(s[11:13], 0, 23)
    minute = num(s[14:16], 0, 59)
    sec = num(s[17:19], 0, 59)
    if not ok or (s[4], s[7], s[10], s[13], s[16]) != ("-", "-", "T", ":", ":"):
        return None
    s = s[19:]
    nsec = 0
    if len(s) >= 2 and s[0] == "." and _is_digit(s, 1):
        n = 2
        while _is_digit(s, n):
            n += 1
        nsec = _parse_nanoseconds(s, n)[0]
        s = s[n:]
    t = date(year, month, day, hour, minute, sec, nsec, UTC)
    if s == "Z":
        return t
    if len(s) != 6:
        return None
    hr = num(s[1:3], 0, 23)
    mm = num(s[4:6], 0, 59)
    if not ok or s[0] not in "+-" or s[3] != ":":
        return None
    offset = (hr * 60 + mm) * 60
    if s[0] == "-":
        offset = -offset
    t = t._add_sec(-offset)
    if _lookup(local, t._unix_sec())[1] == offset:
        return t._with_loc(local or UTC)
    return t._with_loc(fixed_zone("", offset))


def parse(layout: str, value: str) -> Time:
    """Go's ``time.Parse``: no zone means UTC; offsets and names are matched against Local."""
    value_bv = _to_bv(value)
    if layout in (RFC3339, RFC3339_NANO):
        t = _parse_rfc3339_fast(value_bv, LOCAL)
        if t is not None:
            return t
    return _parse(_to_bv(layout), value_bv, UTC, LOCAL)


def parse_in_location(layout: str, value: str, loc: Location | None) -> Time:
    """Go's ``time.ParseInLocation``: ``loc`` is the default and the zone to match."""
    value_bv = _to_bv(value)
    if layout in (RFC3339, RFC3339_NANO):
        t = _parse_rfc3339_fast(value_bv, loc)
        if t is not None:
            return t
    return _parse(_to_bv(layout), value_bv, loc, loc)


# The form Go's MarshalText writes, and so Alertmanager's webhooks: UTC as "Z" and
# a fraction of at most nine digits without trailing zeros.
_CANONICAL_UTC = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{0,8}[1-9])?Z\Z"
)


# The setters of Time's slots (their member descriptors), which bypass its
# __setattr__ as object.__setattr__ does, at half the cost.
_set_sec = vars(Time)["_sec"].__set__
_set_nsec = vars(Time)["_nsec"].__set__
_set_loc = vars(Time)["_loc"].__set__
_set_marshal = vars(Time)["_marshal"].__set__
_set_nano = vars(Time)["_nano"].__set__
_get_nano = vars(Time)["_nano"].__get__
_new_time = object.__new__

_YEAR_ONE = _dt.datetime(1, 1, 1)
# Nanoseconds in a unit of the last digit of a fraction of 1 to 9 digits.
_FRACTION_UNIT = (0, *(10 ** (9 - n) for n in range(1, 10)))
_ZERO_TEXT = "0001-01-01T00:00:00Z"


def _canonical_instant(text: str) -> tuple[int, int]:
    """The seconds since year 1 and the nanoseconds of canonical UTC text (a valid date)."""
    since = _dt.datetime.fromisoformat(text[:19]) - _YEAR_ONE
    frac = text[20:-1]
    return since.days * _DAY + since.seconds, int(frac) * _FRACTION_UNIT[len(frac)] if frac else 0


_ZERO_UTC = Time._new(0, 0, UTC)
object.__setattr__(_ZERO_UTC, "_marshal", _ZERO_TEXT.encode())


def parse_rfc3339(s: str | bytes) -> Time:
    """Parse text the way Go's ``Time.UnmarshalText``/``UnmarshalJSON`` do (unquoted).

    Text in the canonical form (most of what a webhook carries) of a valid date
    makes a Time that keeps it (as its MarshalText and RFC 3339 text, which it
    already is) and works out its instant when first asked; anything else, an
    invalid date included, goes through Go's parser.
    """
    if s.__class__ is str and _CANONICAL_UTC.match(s) is not None:
        assert isinstance(s, str)
        if s == _ZERO_TEXT:  # every firing alert's EndsAt
            return _ZERO_UTC
        try:
            _dt.datetime.fromisoformat(s[:19])
        except ValueError:  # year 0, February 30 ...: the parser words the error
            pass
        else:
            t = _new_time(Time)
            _set_loc(t, UTC)
            _set_nano(t, s)
            _set_marshal(t, s.encode())
            return t
    return parse(RFC3339, _from_bv(_to_bv(s)))
