"""Go's strings.ToUpper, ToLower and TrimSpace, and x/text's title caser, on Go's Unicode tables.

Case mapping follows Go's tables (src/gotmpl/gostd/_casetables.py), not the
Unicode version of the Python running gotmpl. Invalid UTF-8 bytes (lone
surrogates, see gotmpl.gostd.strconv) map to U+FFFD as Go's strings.Map does.
"""

from __future__ import annotations

import bisect
import threading

from . import _casetables

__all__ = ["GO_SPACE", "title", "to_lower", "to_upper", "trim_space"]

_CaseRange = tuple[int, int, "int | None", "int | None", "int | None"]


# Go's tables, read on first use: the parser imports this module for TrimSpace,
# and importing gotmpl should not pay for case mapping.
_CASE_LOS: list[int] = []
_CASE_RANGES: list[_CaseRange] = []
_RUN_STARTS: list[int] = []
_RUN_FLAGS = bytearray()
# Unconditional SpecialCasing titlecase mappings that differ from the simple
# one-rune mapping (ligatures, Greek with ypogegrammeni, ...).
_TITLE_SPECIAL: dict[int, str] = {}
_LOADING = threading.Lock()


def _load_tables() -> None:
    with _LOADING:
        if _RUN_FLAGS:
            return
        for item in _casetables.CASE_RANGES.split():
            span, _, deltas = item.partition(":")
            lo, _, hi = span.partition("-")
            du, dl, dt = (None if d == "*" else int(d) for d in deltas.split(","))
            _CASE_LOS.append(int(lo, 16))
            _CASE_RANGES.append((int(lo, 16), int(hi, 16), du, dl, dt))
        starts, flags = [], bytearray()
        for item in _casetables.TITLE_RUNS.split():
            start, _, f = item.partition(":")
            starts.append(int(start, 16))
            flags.append(int(f))
        for item in _casetables.TITLE_SPECIAL.split():
            rune, _, runes = item.partition(":")
            _TITLE_SPECIAL[int(rune, 16)] = "".join(chr(int(r, 16)) for r in runes.split("."))
        _RUN_STARTS.extend(starts)
        _RUN_FLAGS.extend(flags)  # last: a filled _RUN_FLAGS says the tables are read


_UPPER, _LOWER, _TITLE = 0, 1, 2


def _to_case(case: int, r: int) -> int:
    """Go's unicode.To: ``r`` mapped to upper, lower or title case."""
    i = bisect.bisect_right(_CASE_LOS, r) - 1
    if i < 0:
        return r
    lo, hi, *deltas = _CASE_RANGES[i]
    if r > hi:
        return r
    delta = deltas[case]
    if delta is None:
        # Alternating pairs: upper case at even offsets from lo, lower at odd.
        return lo + (((r - lo) & ~1) | (case & 1))
    return r + delta


def _flags(r: int) -> int:
    return _RUN_FLAGS[bisect.bisect_right(_RUN_STARTS, r) - 1]


def _is_invalid(ch: str) -> bool:
    # A lone surrogate stands for a byte that is not valid UTF-8.
    return "\ud800" <= ch <= "\udfff"


def _map_runes(case: int, s: str) -> str:
    """Go's strings.Map with unicode.To: invalid bytes become U+FFFD."""
    if not _RUN_FLAGS:
        _load_tables()
    return "".join("\ufffd" if _is_invalid(c) else chr(_to_case(case, ord(c))) for c in s)


def to_upper(s: str) -> str:
    """strings.ToUpper."""
    return s.upper() if s.isascii() else _map_runes(_UPPER, s)


def to_lower(s: str) -> str:
    """strings.ToLower."""
    return s.lower() if s.isascii() else _map_runes(_LOWER, s)


# Go's unicode.IsSpace: the Unicode White_Space property (str.strip() also
# strips U+001C..U+001F, which Go keeps).
GO_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def trim_space(s: str) -> str:
    """strings.TrimSpace: Unicode White_Space at both ends."""
    return s.strip(GO_SPACE)


# Word-break classes MidLetter, MidNumLet and Single_Quote: they continue a word
# unless two of them meet.
_MID = frozenset(
    "':.\u00b7\u0387\u055f\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a"
)
_CASED, _IGNORABLE, _BREAK = (
    _casetables.FLAG_CASED,
    _casetables.FLAG_IGNORABLE,
    _casetables.FLAG_BREAK,
)
_MAX_IGNORABLE = 30  # how far the final-sigma rule looks past case-ignorable runes
_CAPITAL_SIGMA = "\u03a3"


def _title_rune(r: int) -> str:
    special = _TITLE_SPECIAL.get(r)
    return special if special is not None else chr(_to_case(_TITLE, r))


def _lower_rune(r: int) -> str:
    # U+0130 is the one rune whose full lower-case mapping is two runes.
    return "i\u0307" if r == 0x130 else chr(_to_case(_LOWER, r))


def title(text: str) -> str:
    """x/text's title caser for American English, as the Go oracle re-creates it.

    Each word's first cased rune is title-cased and the rest lower-cased (with
    the full Unicode mappings, and final sigma), digits do not start a word,
    and word breaks approximate UAX #29.
    """
    if not _RUN_FLAGS:
        _load_tables()
    out: list[str] = []
    mid_word = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if _is_invalid(ch):
            out.append(ch)
            mid_word = False
            i += 1
            continue
        r = ord(ch)
        nxt = i + 1
        f = _flags(r)
        if f & _CASED and not mid_word:
            out.append(_title_rune(r))
            mid_word = True
        elif ch == _CAPITAL_SIGMA:
            nxt, mid_word = _lower_sigma(out, text, nxt)
        elif f & _CASED:
            out.append(_lower_rune(r))
        else:
            out.append(ch)
            if f & _BREAK:
                mid_word = False
        if ch in _MID and nxt < n and text[nxt] in _MID:
            mid_word = False
        i = nxt
    return "".join(out)


def _lower_sigma(out: list[str], text: str, pos: int) -> tuple[int, bool]:
    """Lower-cases a capital sigma inside a word: final unless a cased rune follows.

    Case-ignorable runes after it are copied; returns where to resume and
    whether the word is still open.
    """
    mid_word = True
    copied_from = pos
    prev_mid = False
    sigma = "\u03c2"
    for _ in range(_MAX_IGNORABLE + 1):
        if pos >= len(text):
            break
        ch = text[pos]
        f = 0 if _is_invalid(ch) else _flags(ord(ch))
        if not f & _IGNORABLE:
            if f & _CASED:
                sigma = "\u03c3"
            break
        mid = ch in _MID
        if (prev_mid and mid) or f & _BREAK:
            mid_word = False
        prev_mid = mid
        pos += 1
    out.append(sigma)
    out.append(text[copied_from:pos])
    return pos, mid_word
