"""Go's ``regexp`` package (RE2 syntax, leftmost-first matching) on top of ``regex``.

Patterns are parsed the way Go's ``regexp/syntax`` parses them (same accepted
syntax, same error text) and translated into an equivalent ``regex`` pattern
that spells out every character class explicitly, so that Go's ASCII-only
``\\d \\s \\w \\b``, its simple case folding and its Unicode tables apply rather
than the ``regex`` module's own notions.  Every matching call runs under a time
limit, because ``regex`` backtracks where Go's engine is linear-time.

Strings are Python ``str``.  Go works on UTF-8 bytes; a byte that is not valid
UTF-8 travels here as a lone surrogate U+DC80..U+DCFF (``errors="surrogateescape"``)
and behaves as Go treats such a byte: one character that decodes to U+FFFD
(``.``, ``[^a]``, ``\\x{FFFD}`` and ``\\p{So}`` match it).  Any other lone surrogate
in an input is treated the same way; in a pattern, any surrogate is Go's
"invalid UTF-8" error.  Offsets (``find_string_index``) count characters, not bytes.

Matching calls take ``timeout`` (seconds; ``None`` for no limit) and raise
:class:`RegexpTimeout` when it runs out; ``regex`` measures it in CPU time of
the matching thread, so wall-clock time can be longer on a busy machine.

A pattern nested too deeply for ``regex``'s recursive compiler on one thread's
stack (Go allows 1000 levels) is matched by the linear-time automaton alone.
"""

from __future__ import annotations

import bisect
import functools
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar

import regex as _rx

from ..exec import stack

__all__ = [
    "Regexp",
    "RegexpError",
    "RegexpTimeout",
    "compile",
    "match_string",
    "quote_meta",
]

_CACHE_SIZE = 512

_T = TypeVar("_T")

# How long MatchString lets the backtracking engine try (at most a quarter of
# the call's limit) before the linear-time automaton takes over.
_BACKTRACK_SHARE = 0.05


class RegexpError(ValueError):
    """A pattern Go's ``regexp.Compile`` rejects; ``str()`` is Go's error text."""

    def __init__(self, code: str, expr: str) -> None:
        super().__init__(code, expr)
        self.code = code
        self.expr = expr

    def __str__(self) -> str:
        return f"error parsing regexp: {self.code}: `{self.expr}`"


class RegexpTimeout(RuntimeError):
    """A matching call ran past its time limit (Go would have answered; we gave up)."""


# Go's syntax.ErrorCode texts.
_ERR_INVALID_CHAR_RANGE = "invalid character class range"
_ERR_INVALID_ESCAPE = "invalid escape sequence"
_ERR_INVALID_NAMED_CAPTURE = "invalid named capture"
_ERR_INVALID_PERL_OP = "invalid or unsupported Perl syntax"
_ERR_INVALID_REPEAT_OP = "invalid nested repetition operator"
_ERR_INVALID_REPEAT_SIZE = "invalid repeat count"
_ERR_INVALID_UTF8 = "invalid UTF-8"
_ERR_MISSING_BRACKET = "missing closing ]"
_ERR_MISSING_PAREN = "missing closing )"
_ERR_MISSING_REPEAT_ARGUMENT = "missing argument to repetition operator"
_ERR_TRAILING_BACKSLASH = "trailing backslash at end of expression"
_ERR_UNEXPECTED_PAREN = "unexpected )"
_ERR_NESTING_DEPTH = "expression nests too deeply"
_ERR_LARGE = "expression too large"

_MAX_RUNE = 0x10FFFF
_MAX_HEIGHT = 1000  # Go's limit on parse-tree height
_MAX_SIZE = (128 << 20) // 40  # Go's limit on compiled program size, in instructions
_MAX_REPEAT = 1000

# ---------------------------------------------------------------------------
# Unicode data as Go 1.27 sees it (Unicode 17.0.0).  tests/test_re2.py checks
# these tables against the ones the Go generator recorded.

_CATEGORY_NAMES = """
C Cc Cf Cn Co Cs L LC Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So
Z Zl Zp Zs
"""

_SCRIPT_NAMES = """
Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak
Bengali Beria_Erfe Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal
Carian Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot
Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs
Elbasan Elymaic Ethiopic Garay Georgian Glagolitic Gothic Grantha Greek Gujarati
Gunjala_Gondi Gurmukhi Gurung_Khema Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew
Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian Javanese
Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi
Kirat_Rai Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar
Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui
Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean
Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki
Ol_Onal Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian
Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya Pahawh_Hmong Palmyrene
Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada
Shavian Siddham Sidetic SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Sunuwar
Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Tai_Yo Takri Tamil Tangsa
Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Todhri Tolong_Siki Toto Tulu_Tigalari
Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square
"""

_GO_CATEGORIES = frozenset(_CATEGORY_NAMES.split())
_GO_SCRIPTS = frozenset(_SCRIPT_NAMES.split())

# Go's unicode.CategoryAliases.
_GO_CATEGORY_ALIASES = {
    "Cased_Letter": "LC",
    "Close_Punctuation": "Pe",
    "Combining_Mark": "M",
    "Connector_Punctuation": "Pc",
    "Control": "Cc",
    "Currency_Symbol": "Sc",
    "Dash_Punctuation": "Pd",
    "Decimal_Number": "Nd",
    "Enclosing_Mark": "Me",
    "Final_Punctuation": "Pf",
    "Format": "Cf",
    "Initial_Punctuation": "Pi",
    "Letter": "L",
    "Letter_Number": "Nl",
    "Line_Separator": "Zl",
    "Lowercase_Letter": "Ll",
    "Mark": "M",
    "Math_Symbol": "Sm",
    "Modifier_Letter": "Lm",
    "Modifier_Symbol": "Sk",
    "Nonspacing_Mark": "Mn",
    "Number": "N",
    "Open_Punctuation": "Ps",
    "Other": "C",
    "Other_Letter": "Lo",
    "Other_Number": "No",
    "Other_Punctuation": "Po",
    "Other_Symbol": "So",
    "Paragraph_Separator": "Zp",
    "Private_Use": "Co",
    "Punctuation": "P",
    "Separator": "Z",
    "Space_Separator": "Zs",
    "Spacing_Mark": "Mc",
    "Surrogate": "Cs",
    "Symbol": "S",
    "Titlecase_Letter": "Lt",
    "Unassigned": "Cn",
    "Uppercase_Letter": "Lu",
    "cntrl": "Cc",
    "digit": "Nd",
    "punct": "P",
}

# Simple case-folding orbits (what Go's unicode.SimpleFold cycles through).
# Two-member orbits as runs "start*count/stride+delta" (hex start and delta,
# decimal count and stride, both default 1): for k < count, the orbit
# {start + k*stride, start + k*stride + delta}.
_FOLD_PAIRS = """
41*10+20 4c*7+20 54*7+20 c0*5+20 c6*17+20 d8*7+20 df+1dbf ff+79 100*24/2+1 132*3/2+1
139*8/2+1 14a*23/2+1 179*3/2+1 180+c3 181+d2 182*2/2+1 186+ce 187+1 189*2+cd 18b+1 18e+4f
18f+ca 190+cb 191+1 193+cd 194+cf 195+61 196+d3 197+d1 198+1 19a+a3 19b+a641 19c+d3 19d+d5
19e+82 19f+d6 1a0*3/2+1 1a6+da 1a7+1 1a9+da 1ac+1 1ae+da 1af+1 1b1*2+d9 1b3*2/2+1 1b7+db
1b8+1 1bc+1 1bf+38 1cd*8/2+1 1de*9/2+1 1f4+1 1f8*20/2+1 222*9/2+1 23a+2a2b 23b+1 23e+2a28
23f*2+2a3f 241+1 244+45 245+47 246*5/2+1 250+2a1f 251+2a1c 252+2a1e 25c+a54f 261+a54b
264+a567 265+a528 266+a544 26a+a544 26b+29f7 26c+a541 271+29fd 27d+29e7 282+a543 287+a52a
29d+a515 29e+a512 370*2/2+1 376+1 37b*3+82 37f+74 386+26 388*3+25 38c+40 38e*2+3f 390+1c43
391*2/2+20 394*2/2+20 397+20 39b*2/2+20 39e*2+20 3a4*2+20 3a7*2+20 3aa*2+20 3b0+1c33 3cf+8
3d8*12/2+1 3f2+7 3f7+1 3fa+1 400*16+50 410*2+20 413*2/2+20 416*8+20 41f*2+20 423*7+20
42b*5+20 460+1 464*15/2+1 48a*27/2+1 4c0+f 4c1*7/2+1 4d0*48/2+1 531*38+30 10a0*38+1c60
10c7+1c60 10cd+1c60 10d0*43+bc0 10fd*3+bc0 13a0*80+97d0 13f0*6+8 1c89+1 1d79+8a04 1d7d+ee6
1d8e+8a38 1e00*48/2+1 1e62*26/2+1 1ea0*48/2+1 1f00*8+8 1f10*6+8 1f20*8+8 1f30*8+8 1f40*6+8
1f51*4/2+8 1f60*8+8 1f70*2+4a 1f72*4+56 1f76*2+64 1f78*2+80 1f7a*2+70 1f7c*2+7e 1f80*8+8
1f90*8+8 1fa0*8+8 1fb0*2+8 1fb3+9 1fc3+9 1fd0*2+8 1fe0*2+8 1fe5+7 1ff3+9 2132+1c 2160*16+10
2183+1 24b6*26+1a 2c00*48+30 2c60+1 2c67*3/2+1 2c72+1 2c75+1 2c80*50/2+1 2ceb*2/2+1 2cf2+1
a640*5/2+1 a64c*17/2+1 a680*14/2+1 a722*7/2+1 a732*31/2+1 a779*2/2+1 a77e*5/2+1 a78b+1
a790*2/2+1 a794+30 a796*10/2+1 a7b3+3a0 a7b4*8/2+1 a7c7*2/2+1 a7cc*8/2+1 a7f5+1 fb05+1
ff21*26+20 10400*40+28 104b0*36+28 10570*11+27 1057c*15+27 1058c*7+27 10594*2+27 10c80*51+40
10d50*22+20 118a0*32+20 16e40*32+20 16ea0*25+1b 1e900*34+22
"""

# Orbits with three or more members, colon-separated hex.
_FOLD_ORBITS = """
4b:6b:212a 53:73:17f b5:39c:3bc c5:e5:212b 1c4:1c5:1c6 1c7:1c8:1c9 1ca:1cb:1cc 1f1:1f2:1f3
345:399:3b9:1fbe 392:3b2:3d0 395:3b5:3f5 398:3b8:3d1:3f4 39a:3ba:3f0 3a0:3c0:3d6 3a1:3c1:3f1
3a3:3c2:3c3 3a6:3c6:3d5 3a9:3c9:2126 412:432:1c80 414:434:1c81 41e:43e:1c82 421:441:1c83
422:442:1c84:1c85 42a:44a:1c86 462:463:1c87 1c88:a64a:a64b 1e60:1e61:1e9b
"""

# Code points that are unassigned in Go's Unicode 17 tables but that the
# installed ``regex`` (Unicode 18) already classifies.  Go puts them in Cn
# and in no script; classes that name a property are corrected for them.
_NEWER_UNICODE = """
558 58b-58c 5c8-5c9 b53-b54 1ade-1adf 1aec-1af0 208f 209d-209f 20c2-20c4 2e60-2e63 a7dd a7e2
ab6c-ab6d 107bb-107bf 10ec9-10ecf 10ed9-10eee 10ef0-10ef9 11b0a 11df0-11df1 1246f
12475-1247f 12550-12686 18cd6-18cda 18d1f-18d20 18e00-19191 191a0-191d2 1b123-1b128 1b168
1ced2-1ced4 1cedd-1cedf 1cef1-1cefd 1d127-1d128 1d1eb-1d1ff 1d250-1d281 1d6a6 1db00-1db1c
1df1f-1df24 1df2b-1df81 1df90-1df96 1dfcd-1dfff 1f1ae 1f6d9 1f7da-1f7db 1f7f1-1f7ff
1fa8b-1fa8d 1facc 1fadd 1faeb 1faf9-1fafa 2b81e 3d000-3fc3f
"""


def _parse_fold_tables() -> dict[int, tuple[int, ...]]:
    orbits: list[tuple[int, ...]] = []
    for tok in _FOLD_PAIRS.split():
        head, delta = tok.split("+")
        count, stride = 1, 1
        if "*" in head:
            head, rest = head.split("*")
            if "/" in rest:
                rest, st = rest.split("/")
                stride = int(st)
            count = int(rest)
        start, d = int(head, 16), int(delta, 16)
        for k in range(count):
            lo = start + k * stride
            orbits.append((lo, lo + d))
    orbits.extend(tuple(int(x, 16) for x in tok.split(":")) for tok in _FOLD_ORBITS.split())
    table: dict[int, tuple[int, ...]] = {}
    for orbit in orbits:
        for c in orbit:
            table[c] = orbit
    return table


def _parse_ranges(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for tok in text.split():
        lo, _, hi = tok.partition("-")
        out.append((int(lo, 16), int(hi or lo, 16)))
    return tuple(out)


_FOLD: dict[int, tuple[int, ...]] = _parse_fold_tables()
_FOLD_KEYS: list[int] = sorted(_FOLD)
_NEWER: tuple[tuple[int, int], ...] = _parse_ranges(_NEWER_UNICODE)


def _fold_orbit(c: int) -> tuple[int, ...]:
    """The code points Go's case folding treats as equal to ``c`` (sorted, incl. ``c``)."""
    orbit = _FOLD.get(c)
    return tuple(sorted(orbit)) if orbit else (c,)


# ---------------------------------------------------------------------------
# Range-set helpers.  A range set is a sorted list of disjoint, non-adjacent
# (lo, hi) pairs.

Ranges = list[tuple[int, int]]


def _normalize(rs: Ranges) -> Ranges:
    out: Ranges = []
    for lo, hi in sorted(rs):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _complement(rs: Ranges) -> Ranges:
    out: Ranges = []
    nxt = 0
    for lo, hi in _normalize(rs):
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = hi + 1
    if nxt <= _MAX_RUNE:
        out.append((nxt, _MAX_RUNE))
    return out


def _intersect(a: Ranges, b: Ranges) -> Ranges:
    out: Ranges = []
    for lo1, hi1 in a:
        for lo2, hi2 in b:
            lo, hi = max(lo1, lo2), min(hi1, hi2)
            if lo <= hi:
                out.append((lo, hi))
    return _normalize(out)


def _contains(rs: Ranges, c: int) -> bool:
    return any(lo <= c <= hi for lo, hi in rs)


def _fold_closure(rs: Ranges) -> Ranges:
    """Add every case-fold equivalent of every code point in ``rs`` (Go's appendFoldedRange)."""
    extra: Ranges = []
    for lo, hi in rs:
        i = bisect.bisect_left(_FOLD_KEYS, lo)
        j = bisect.bisect_right(_FOLD_KEYS, hi)
        for c in _FOLD_KEYS[i:j]:
            extra.extend((f, f) for f in _FOLD[c])
    return _normalize(list(rs) + extra)


# ASCII classes: Perl (\d \s \w) and POSIX ([:alpha:] ...), as Go defines them.
_PERL_GROUPS: dict[str, Ranges] = {
    "d": [(0x30, 0x39)],
    "s": [(0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20)],
    "w": [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
}

_POSIX_GROUPS: dict[str, Ranges] = {
    "alnum": [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)],
    "alpha": [(0x41, 0x5A), (0x61, 0x7A)],
    "ascii": [(0x00, 0x7F)],
    "blank": [(0x09, 0x09), (0x20, 0x20)],
    "cntrl": [(0x00, 0x1F), (0x7F, 0x7F)],
    "digit": [(0x30, 0x39)],
    "graph": [(0x21, 0x7E)],
    "lower": [(0x61, 0x7A)],
    "print": [(0x20, 0x7E)],
    "punct": [(0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)],
    "space": [(0x09, 0x0D), (0x20, 0x20)],
    "upper": [(0x41, 0x5A)],
    "word": [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
    "xdigit": [(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)],
}

# ---------------------------------------------------------------------------
# Unicode property lookup, following Go's name canonicalisation: underscores,
# hyphens and spaces are ignored, the first letter is upper case, the rest lower.


def _canonical_name(name: str) -> str:
    out = []
    first = True
    for ch in name:
        if ch in "_- ":
            continue
        if first:
            out.append(ch.upper() if "a" <= ch <= "z" else ch)
            first = False
        else:
            out.append(ch.lower() if "A" <= ch <= "Z" else ch)
    return "".join(out)


_SCRIPT_BY_CANON = {_canonical_name(s): s for s in _GO_SCRIPTS}
_ALIAS_BY_CANON = {_canonical_name(k): v for k, v in _GO_CATEGORY_ALIASES.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class _Table:
    """A Go Unicode table: explicit ranges, or a ``regex`` property (``gc=..``/``sc=..``)."""

    ranges: Ranges | None = None
    prop: str | None = None
    sign: int = 1
    # Whether Go's table holds the code points it considers unassigned.
    has_unassigned: bool = False
    # Whether (?i) adds case variants (Go has no fold table for LC).
    folds: bool = True


def _unicode_table(name: str) -> _Table | None:
    name = _canonical_name(name)
    if name == "Any":
        return _Table(ranges=[(0, _MAX_RUNE)])
    if name == "Assigned":
        return _Table(prop="gc=Cn", sign=-1, has_unassigned=True)
    if name == "Ascii":
        return _Table(ranges=[(0, 0x7F)])
    if name == "Lc":
        return _Table(prop="gc=LC", folds=False)
    if name in _GO_CATEGORIES:
        return _Table(prop="gc=" + name, has_unassigned=name in ("C", "Cn"))
    if name in _GO_SCRIPTS:
        return _Table(prop="sc=" + name)
    cat = _ALIAS_BY_CANON.get(name)
    if cat is not None:
        return _Table(prop="gc=" + cat, has_unassigned=cat in ("C", "Cn"), folds=cat != "LC")
    script = _SCRIPT_BY_CANON.get(name)
    if script is not None:
        return _Table(prop="sc=" + script)
    return None


@functools.cache
def _prop_matcher(prop: str) -> Callable[[str], object]:
    return _rx.compile(rf"\p{{{prop}}}").match


def _prop_has(prop: str, ch: str) -> bool:
    return _prop_matcher(prop)(ch) is not None


@functools.cache
def _prop_fold_extras(prop: str) -> tuple[tuple[int, int], ...]:
    """Code points outside ``prop`` that fold to one inside it (Go's FoldCategory/FoldScript)."""
    has = _prop_matcher(prop)
    extra: Ranges = []
    for c in _FOLD_KEYS:
        if has(chr(c)) is None and any(has(chr(f)) is not None for f in _FOLD[c]):
            extra.append((c, c))
    return tuple(_normalize(extra))


# ---------------------------------------------------------------------------
# Character classes.


class _Prop:
    __slots__ = ("extras", "has_unassigned", "negated", "prop")

    def __init__(self, prop: str, negated: bool, extras: Ranges, has_unassigned: bool) -> None:
        self.prop = prop
        self.negated = negated
        self.extras = extras
        self.has_unassigned = has_unassigned


class _Class:
    """A Go character class: the union of explicit ranges and property items, maybe negated."""

    __slots__ = ("negated", "props", "ranges")

    def __init__(self) -> None:
        self.ranges: Ranges = []
        self.props: list[_Prop] = []
        self.negated = False

    def add_range(self, lo: int, hi: int, fold: bool) -> None:
        self.ranges.extend(_fold_closure([(lo, hi)]) if fold else [(lo, hi)])

    def add_group(self, rs: Ranges, negated: bool, fold: bool) -> None:
        if fold:
            rs = _fold_closure(rs)
        self.ranges.extend(_complement(rs) if negated else rs)

    def add_table(self, table: _Table, negated: bool, fold: bool) -> None:
        if table.sign < 0:
            negated = not negated
        if table.ranges is not None:
            self.add_group(table.ranges, negated, fold)
            return
        assert table.prop is not None
        extras = list(_prop_fold_extras(table.prop)) if fold and table.folds else []
        self.props.append(_Prop(table.prop, negated, extras, table.has_unassigned))

    def go_contains_fffd(self) -> bool:
        hit = _contains(self.ranges, 0xFFFD) or any(
            (_prop_has(p.prop, "\ufffd") or _contains(p.extras, 0xFFFD)) != p.negated
            for p in self.props
        )
        return hit != self.negated

    def regex_matches_surrogates(self) -> bool:
        # Emitted ranges never include surrogates; properties treat them all alike (Cs).
        hit = any(_prop_has(p.prop, "\udc80") != p.negated for p in self.props)
        return hit != self.negated

    def go_newer(self) -> Ranges:
        """The part of _NEWER that Go's class contains (Go sees those code points as Cn)."""
        newer = list(_NEWER)
        if any(p.has_unassigned != p.negated for p in self.props):
            inside = newer
        else:
            inside = _intersect(newer, self.ranges)
        if self.negated:
            inside = _intersect(newer, _complement(inside))
        return inside


_SURROGATES = r"\ud800-\udfff"
# Not "[^\s\S]" / "[\s\S]": regex treats a negated set holding a property and
# its complement as matching everything.
_NO_MATCH = "(?:(?!))"
_ANY = "(?s:.)"


def _esc(c: int) -> str:
    if c < 0x80 and (chr(c).isalnum() or c == 0x5F):
        return chr(c)
    if c <= 0xFF:
        return f"\\x{c:02x}"
    if c <= 0xFFFF:
        return f"\\u{c:04x}"
    return f"\\U{c:08x}"


def _fmt_ranges(rs: Ranges) -> str:
    parts = []
    for lo, hi in rs:
        # Go never decodes a surrogate, so they never match as themselves.
        if lo <= 0xDFFF and hi >= 0xD800:
            if lo < 0xD800:
                parts.append((lo, 0xD7FF))
            if hi > 0xDFFF:
                parts.append((0xE000, hi))
        else:
            parts.append((lo, hi))
    out = []
    for lo, hi in parts:
        if lo == hi:
            out.append(_esc(lo))
        elif hi == lo + 1:
            out.append(_esc(lo) + _esc(hi))
        else:
            out.append(_esc(lo) + "-" + _esc(hi))
    return "".join(out)


def _plain_set(ranges: Ranges) -> str:
    """A positive regex set for explicit ranges, matching invalid bytes iff it holds U+FFFD."""
    text = _fmt_ranges(ranges)
    if _contains(ranges, 0xFFFD):
        text += _SURROGATES
    return "[" + text + "]" if text else _NO_MATCH


_ANY_NOT_NL_SET = _plain_set([(0, 9), (11, _MAX_RUNE)])


def _emit_class(cls: _Class) -> str:
    signs: dict[str, set[bool]] = {}
    for p in cls.props:
        signs.setdefault(p.prop, set()).add(p.negated)
    if any(len(v) == 2 for v in signs.values()):
        # \pX together with \PX: the union is everything.  Spelled out, because
        # regex mishandles such a set when it is negated ([^\pL\PL] matches all).
        cls.props = []
        cls.ranges = [(0, _MAX_RUNE)]
    ranges = _normalize(cls.ranges)
    cls.ranges = ranges
    if not cls.props:
        # Only explicit code points: emit one positive set.  (Never a negated
        # one: regex merges alternatives like (?:[^a]|[^b]) into a wrong set.)
        if cls.negated:
            ranges = _complement(ranges)
        return _plain_set(ranges)
    members = [_fmt_ranges(ranges)]
    complements = []  # items that are the complement of a union
    for p in cls.props:
        body = rf"\p{{{p.prop}}}"
        if not p.extras:
            members.append(body if not p.negated else rf"\P{{{p.prop}}}")
        elif not p.negated:
            members.append(body + _fmt_ranges(p.extras))
        else:
            complements.append("[^" + body + _fmt_ranges(p.extras) + "]")
    inner = "".join(members)
    alts = (["[" + inner + "]"] if inner else []) + complements
    if not cls.negated:
        if not alts:
            core = _NO_MATCH
        elif len(alts) == 1:
            core = alts[0]
        else:
            core = "(?:" + "|".join(alts) + ")"
    elif not complements:
        core = "[^" + inner + "]" if inner else _ANY
    else:
        core = "(?:(?!" + "|".join(alts) + ")" + _ANY + ")"

    # Code points on which regex and Go disagree get excluded up front and,
    # where Go's class contains them, added back explicitly.
    exclude, add = [], []
    go_fffd = cls.go_contains_fffd()
    if go_fffd != cls.regex_matches_surrogates():
        exclude.append(_SURROGATES)
        if go_fffd:
            add.append(_SURROGATES)
    if cls.props and _NEWER:
        exclude.append(_fmt_ranges(list(_NEWER)))
        inside = cls.go_newer()
        if inside:
            add.append(_fmt_ranges(inside))
    if not exclude:
        return core
    out = "(?:(?![" + "".join(exclude) + "])" + core
    if add:
        out += "|[" + "".join(add) + "]"
    return out + ")"


# ---------------------------------------------------------------------------
# Parser: Go's regexp/syntax algorithm (a stack of partial results with
# pseudo-entries for "(" and "|"), producing a small tree.

_FOLD_CASE = 1
_DOT_NL = 2
_ONE_LINE = 4
_NON_GREEDY = 8

(
    _LIT,
    _CLASS,
    _ANY_NOT_NL,
    _ANY_CHAR,
    _BEGIN_LINE,
    _END_LINE,
    _BEGIN_TEXT,
    _END_TEXT,
    _WORD_B,
    _NO_WORD_B,
    _CAPTURE,
    _STAR,
    _PLUS,
    _QUEST,
    _REPEAT,
    _CONCAT,
    _ALTERNATE,
    _EMPTY,
) = range(18)
_PSEUDO = 100
_LEFT_PAREN = 100
_VERTICAL_BAR = 101


class _Node:
    __slots__ = (
        "cap",
        "cls",
        "flags",
        "height",
        "max",
        "min",
        "name",
        "op",
        "runes",
        "size",
        "subs",
    )

    def __init__(self, op: int, flags: int = 0, subs: list[_Node] | None = None) -> None:
        self.op = op
        self.flags = flags
        self.subs: list[_Node] = subs or []
        self.runes: list[int] = []
        self.cls: _Class | None = None
        self.min = 0
        self.max = 0
        self.cap = 0
        self.name = ""
        self.height: int = 1 + max((s.height for s in self.subs), default=0)
        self.size = 1

    def calc_size(self) -> int:
        # Go's estimate of the compiled program size (calcSize in parse.go).
        op = self.op
        if op == _LIT:
            size = len(self.runes)
        elif op in (_CAPTURE, _STAR):
            size = 2 + _size(self.subs[0])
        elif op in (_PLUS, _QUEST):
            size = 1 + _size(self.subs[0])
        elif op == _CONCAT:
            size = sum(_size(s) for s in self.subs)
        elif op == _ALTERNATE:
            size = sum(_size(s) for s in self.subs) + len(self.subs) - 1
        elif op == _REPEAT:
            sub = _size(self.subs[0])
            if self.max == -1:
                size = 2 + sub if self.min == 0 else 1 + self.min * sub
            else:
                size = self.max * sub + (self.max - self.min)
        else:
            size = 1
        return max(1, size)


def _size(node: _Node) -> int:
    # Literal nodes grow after they are pushed (adjacent literals are merged).
    return len(node.runes) if node.op == _LIT else node.size


def _is_alnum(c: str) -> bool:
    return "0" <= c <= "9" or "A" <= c <= "Z" or "a" <= c <= "z"


def _unhex(c: str) -> int:
    if "0" <= c <= "9":
        return ord(c) - 48
    if "a" <= c <= "f":
        return ord(c) - 87
    if "A" <= c <= "F":
        return ord(c) - 55
    return -1


def _is_bad(c: str) -> bool:
    # An invalid UTF-8 byte (surrogateescape) or any other lone surrogate.
    return "\ud800" <= c <= "\udfff"


class _Parser:
    def __init__(self, whole: str) -> None:
        self.whole = whole
        self.flags = _ONE_LINE
        self.stack: list[_Node] = []
        self.ncap = 0
        self.names: list[str] = [""]

    # -- errors and input --------------------------------------------------

    def next_rune(self, t: int) -> tuple[str, int]:
        """Go's nextRune: the character at t; an invalid byte is an error."""
        s = self.whole
        if t >= len(s):
            return "\ufffd", t  # like utf8.DecodeRuneInString("")
        c = s[t]
        if _is_bad(c):
            raise RegexpError(_ERR_INVALID_UTF8, s[t:])
        return c, t + 1

    def check_utf8(self, start: int, end: int) -> None:
        for i in range(start, end):
            if _is_bad(self.whole[i]):
                raise RegexpError(_ERR_INVALID_UTF8, self.whole[i:end])

    # -- stack ---------------------------------------------------------------

    def check_limits(self, node: _Node) -> None:
        node.size = node.calc_size()
        if node.size > _MAX_SIZE:
            raise RegexpError(_ERR_LARGE, self.whole)
        if node.height > _MAX_HEIGHT:
            raise RegexpError(_ERR_NESTING_DEPTH, self.whole)

    def maybe_concat(self) -> None:
        # Merge the top two literals (same case sensitivity) into one node.
        st = self.stack
        if len(st) >= 2:
            a, b = st[-2], st[-1]
            if a.op == _LIT and b.op == _LIT and a.flags & _FOLD_CASE == b.flags & _FOLD_CASE:
                a.runes.extend(b.runes)
                st.pop()

    def push(self, node: _Node) -> _Node:
        self.maybe_concat()
        self.stack.append(node)
        self.check_limits(node)
        return node

    def op(self, op: int) -> _Node:
        return self.push(_Node(op, self.flags))

    def literal(self, c: str) -> None:
        node = _Node(_LIT, self.flags & _FOLD_CASE)
        node.runes = [ord(c)]
        self.push(node)

    def push_class(self, cls: _Class) -> None:
        node = _Node(_CLASS, self.flags)
        node.cls = cls
        self.push(node)

    def pop_operands(self) -> list[_Node]:
        """The nodes above the topmost "(" or "|" marker, taken off the stack."""
        st = self.stack
        i = len(st)
        while i > 0 and st[i - 1].op < _PSEUDO:
            i -= 1
        subs = st[i:]
        del st[i:]
        return subs

    def concat(self) -> None:
        self.maybe_concat()
        subs = self.pop_operands()
        if not subs:
            self.push(_Node(_EMPTY))
        else:
            self.push(self.collapse(subs, _CONCAT))

    def alternate(self) -> None:
        self.push(self.collapse(self.pop_operands(), _ALTERNATE))

    def collapse(self, subs: list[_Node], op: int) -> _Node:
        if len(subs) == 1:
            return subs[0]
        flat: list[_Node] = []
        for s in subs:
            if s.op == op:
                flat.extend(s.subs)
            else:
                flat.append(s)
        return _Node(op, 0, flat)

    def swap_vertical_bar(self) -> bool:
        st = self.stack
        if len(st) >= 2 and st[-2].op == _VERTICAL_BAR:
            st[-1], st[-2] = st[-2], st[-1]
            return True
        return False

    def parse_vertical_bar(self) -> None:
        self.concat()
        if not self.swap_vertical_bar():
            self.op(_VERTICAL_BAR)

    def parse_right_paren(self) -> None:
        self.concat()
        if self.swap_vertical_bar():
            self.stack.pop()
        self.alternate()
        st = self.stack
        if len(st) < 2:
            raise RegexpError(_ERR_UNEXPECTED_PAREN, self.whole)
        re1 = st.pop()
        re2 = st.pop()
        if re2.op != _LEFT_PAREN:
            raise RegexpError(_ERR_UNEXPECTED_PAREN, self.whole)
        self.flags = re2.flags
        if re2.cap == 0:
            self.push(re1)
        else:
            node = _Node(_CAPTURE, re2.flags, [re1])
            node.cap = re2.cap
            node.name = re2.name
            self.push(node)

    # -- repetition ----------------------------------------------------------

    def repeat(self, op: int, lo: int, hi: int, before: int, after: int, last_repeat: int) -> int:
        """Apply a repetition operator spanning before..after; returns the new position."""
        s = self.whole
        flags = self.flags
        if after < len(s) and s[after] == "?":
            after += 1
            flags ^= _NON_GREEDY
        if last_repeat >= 0:
            # Stacked operators (a**, a*+, a{2}{3}) are errors, as in Perl.
            raise RegexpError(_ERR_INVALID_REPEAT_OP, s[last_repeat:after])
        st = self.stack
        if not st or st[-1].op >= _PSEUDO:
            raise RegexpError(_ERR_MISSING_REPEAT_ARGUMENT, s[before:after])
        node = _Node(op, flags, [st[-1]])
        node.min, node.max = lo, hi
        st[-1] = node
        self.check_limits(node)
        if op == _REPEAT and (lo >= 2 or hi >= 2) and not _repeat_is_valid(node, _MAX_REPEAT):
            raise RegexpError(_ERR_INVALID_REPEAT_SIZE, s[before:after])
        return after

    def parse_int(self, t: int) -> tuple[int, int] | None:
        """Go's parseInt: (value or -1 if too big, new position), or None."""
        s = self.whole
        if t >= len(s) or not "0" <= s[t] <= "9":
            return None
        if t + 1 < len(s) and s[t] == "0" and "0" <= s[t + 1] <= "9":
            return None  # leading zeros are not allowed
        start = t
        while t < len(s) and "0" <= s[t] <= "9":
            t += 1
        digits = s[start:t]
        # Go gives up (value -1) once the running value reaches 1e8.
        n = 0
        for d in digits:
            if n >= 100_000_000:
                n = -1
                break
            n = n * 10 + ord(d) - 48
        return n, t

    def parse_repeat(self, t: int) -> tuple[int, int, int] | None:
        """Parse {n}, {n,} or {n,m} at t: (min, max, end) with max -1 for "no max"."""
        s = self.whole
        t += 1
        r = self.parse_int(t)
        if r is None:
            return None
        lo, t = r
        if t >= len(s):
            return None
        if s[t] != ",":
            hi = lo
        else:
            t += 1
            if t >= len(s):
                return None
            if s[t] == "}":
                hi = -1
            else:
                r = self.parse_int(t)
                if r is None:
                    return None
                hi, t = r
                if hi < 0:
                    lo = -1
        if t >= len(s) or s[t] != "}":
            return None
        return lo, hi, t + 1

    # -- groups and flags ------------------------------------------------------

    def parse_perl_flags(self, t: int) -> int:
        s = self.whole
        start = t
        starts_with_p = len(s) - t > 4 and s[t + 2] == "P" and s[t + 3] == "<"
        starts_with_name = len(s) - t > 3 and s[t + 2] == "<"
        if starts_with_p or starts_with_name:
            expr_start = t + (4 if starts_with_p else 3)
            end = s.find(">", t)
            if end < 0:
                self.check_utf8(t, len(s))
                raise RegexpError(_ERR_INVALID_NAMED_CAPTURE, s[t:])
            name = s[expr_start:end]
            self.check_utf8(expr_start, end)
            if not name or not all(_is_alnum(c) or c == "_" for c in name):
                raise RegexpError(_ERR_INVALID_NAMED_CAPTURE, s[t : end + 1])
            self.ncap += 1
            node = self.op(_LEFT_PAREN)
            node.cap = self.ncap
            node.name = name
            self.names.append(name)
            return end + 1

        t += 2
        flags = self.flags
        sign = 1
        saw_flag = False
        while t < len(s):
            c, t = self.next_rune(t)
            if c == "i":
                flags |= _FOLD_CASE
                saw_flag = True
            elif c == "m":
                flags &= ~_ONE_LINE
                saw_flag = True
            elif c == "s":
                flags |= _DOT_NL
                saw_flag = True
            elif c == "U":
                flags |= _NON_GREEDY
                saw_flag = True
            elif c == "-":
                if sign < 0:
                    break
                sign = -1
                # Work on the complement so that "set" above means "clear".
                flags = ~flags
                saw_flag = False
            elif c in ":)":
                if sign < 0:
                    if not saw_flag:
                        break
                    flags = ~flags
                if c == ":":
                    self.op(_LEFT_PAREN)
                self.flags = flags
                return t
            else:
                break
        raise RegexpError(_ERR_INVALID_PERL_OP, s[start:t])

    # -- escapes and classes ---------------------------------------------------

    def parse_escape(self, t: int) -> tuple[str, int]:
        """Parse a single-character escape at t (which holds the backslash)."""
        s = self.whole
        start = t
        t += 1
        if t >= len(s):
            raise RegexpError(_ERR_TRAILING_BACKSLASH, "")
        c, t = self.next_rune(t)
        if c in "1234567":
            # A lone non-zero digit would be a backreference: not supported.
            if t < len(s) and "0" <= s[t] <= "7":
                return self._octal(c, t)
        elif c == "0":
            return self._octal(c, t)
        elif c == "x":
            if t < len(s):
                c, t = self.next_rune(t)
                if c == "{":
                    nhex = 0
                    r = 0
                    while True:
                        if t >= len(s):
                            break
                        c, t = self.next_rune(t)
                        if c == "}":
                            if nhex:
                                return chr(r), t
                            break
                        v = _unhex(c)
                        if v < 0:
                            break
                        r = r * 16 + v
                        if r > _MAX_RUNE:
                            break
                        nhex += 1
                else:
                    x = _unhex(c)
                    c, t = self.next_rune(t)
                    y = _unhex(c)
                    if x >= 0 and y >= 0:
                        return chr(x * 16 + y), t
        elif c in "afnrtv":
            return "\a\f\n\r\t\v"["afnrtv".index(c)], t
        elif c < "\x80" and not _is_alnum(c):
            return c, t
        raise RegexpError(_ERR_INVALID_ESCAPE, s[start:t])

    def _octal(self, c: str, t: int) -> tuple[str, int]:
        s = self.whole
        r = ord(c) - 48
        for _ in range(2):
            if t >= len(s) or not "0" <= s[t] <= "7":
                break
            r = r * 8 + ord(s[t]) - 48
            t += 1
        return chr(r), t

    def parse_perl_class_escape(self, t: int, cls: _Class) -> int:
        s = self.whole
        if t + 1 < len(s) and s[t] == "\\" and s[t + 1] in "dDsSwW":
            letter = s[t + 1]
            cls.add_group(
                _PERL_GROUPS[letter.lower()], letter.isupper(), bool(self.flags & _FOLD_CASE)
            )
            return t + 2
        return -1

    def parse_named_class(self, t: int, cls: _Class) -> int:
        s = self.whole
        end = s.find(":]", t + 2)
        if end < 0:
            return -1
        name = s[t : end + 2]
        inner = name[2:-2]
        negated = inner.startswith("^")
        group = _POSIX_GROUPS.get(inner[1:] if negated else inner)
        if group is None:
            raise RegexpError(_ERR_INVALID_CHAR_RANGE, name)
        cls.add_group(group, negated, bool(self.flags & _FOLD_CASE))
        return end + 2

    def parse_unicode_class(self, t: int, cls: _Class) -> int:
        """Parse \\pX, \\p{Name}, \\PX, \\P{^Name} at t; returns the new position or -1."""
        s = self.whole
        if not (t + 1 < len(s) and s[t] == "\\" and s[t + 1] in "pP"):
            return -1
        negated = s[t + 1] == "P"
        c, after = self.next_rune(t + 2)
        if c != "{":
            seq_end = after
            name = s[t + 2 : after]
        else:
            end = s.find("}", t)
            if end < 0:
                self.check_utf8(t, len(s))
                raise RegexpError(_ERR_INVALID_CHAR_RANGE, s[t:])
            seq_end = end + 1
            name = s[t + 3 : end]
            self.check_utf8(t + 3, end)
        if name.startswith("^"):
            negated = not negated
            name = name[1:]
        table = _unicode_table(name)
        if table is None:
            raise RegexpError(_ERR_INVALID_CHAR_RANGE, s[t:seq_end])
        cls.add_table(table, negated, bool(self.flags & _FOLD_CASE))
        return seq_end

    def parse_class_char(self, t: int, whole_start: int) -> tuple[str, int]:
        s = self.whole
        if t >= len(s):
            raise RegexpError(_ERR_MISSING_BRACKET, s[whole_start:])
        if s[t] == "\\":
            return self.parse_escape(t)
        return self.next_rune(t)

    def parse_class(self, t: int) -> int:
        s = self.whole
        start = t
        t += 1
        cls = _Class()
        fold = bool(self.flags & _FOLD_CASE)
        if t < len(s) and s[t] == "^":
            cls.negated = True
            t += 1
        first = True
        while t >= len(s) or s[t] != "]" or first:
            first = False
            if len(s) - t > 2 and s[t] == "[" and s[t + 1] == ":":
                nt = self.parse_named_class(t, cls)
                if nt >= 0:
                    t = nt
                    continue
            nt = self.parse_unicode_class(t, cls)
            if nt >= 0:
                t = nt
                continue
            nt = self.parse_perl_class_escape(t, cls)
            if nt >= 0:
                t = nt
                continue
            rng = t
            lo, t = self.parse_class_char(t, start)
            hi = lo
            if len(s) - t >= 2 and s[t] == "-" and s[t + 1] != "]":
                hi, t = self.parse_class_char(t + 1, start)
                if hi < lo:
                    raise RegexpError(_ERR_INVALID_CHAR_RANGE, s[rng:t])
            cls.add_range(ord(lo), ord(hi), fold)
        self.push_class(cls)
        return t + 1

    # -- main loop -------------------------------------------------------------

    def parse(self) -> _Node:
        s = self.whole
        t = 0
        last_repeat = -1
        while t < len(s):
            repeat = -1
            c = s[t]
            if c == "(":
                if t + 1 < len(s) and s[t + 1] == "?":
                    t = self.parse_perl_flags(t)
                else:
                    self.ncap += 1
                    self.op(_LEFT_PAREN).cap = self.ncap
                    self.names.append("")
                    t += 1
            elif c == "|":
                self.parse_vertical_bar()
                t += 1
            elif c == ")":
                self.parse_right_paren()
                t += 1
            elif c == "^":
                self.op(_BEGIN_TEXT if self.flags & _ONE_LINE else _BEGIN_LINE)
                t += 1
            elif c == "$":
                self.op(_END_TEXT if self.flags & _ONE_LINE else _END_LINE)
                t += 1
            elif c == ".":
                self.op(_ANY_CHAR if self.flags & _DOT_NL else _ANY_NOT_NL)
                t += 1
            elif c == "[":
                t = self.parse_class(t)
            elif c in "*+?":
                op = {"*": _STAR, "+": _PLUS, "?": _QUEST}[c]
                repeat = t
                t = self.repeat(op, 0, 0, t, t + 1, last_repeat)
            elif c == "{":
                rep = self.parse_repeat(t)
                if rep is None:
                    # Not a well-formed repetition: "{" is a literal.
                    self.literal("{")
                    t += 1
                else:
                    lo, hi, after = rep
                    if lo < 0 or lo > _MAX_REPEAT or hi > _MAX_REPEAT or (hi >= 0 and lo > hi):
                        raise RegexpError(_ERR_INVALID_REPEAT_SIZE, s[t:after])
                    repeat = t
                    t = self.repeat(_REPEAT, lo, hi, t, after, last_repeat)
            elif c == "\\":
                t = self.parse_backslash(t)
            else:
                ch, t = self.next_rune(t)
                self.literal(ch)
            last_repeat = repeat

        self.concat()
        if self.swap_vertical_bar():
            self.stack.pop()
        self.alternate()
        if len(self.stack) != 1:
            raise RegexpError(_ERR_MISSING_PAREN, s)
        return self.stack[0]

    def parse_backslash(self, t: int) -> int:
        s = self.whole
        if t + 1 < len(s):
            c = s[t + 1]
            simple = {
                "A": _BEGIN_TEXT,
                "b": _WORD_B,
                "B": _NO_WORD_B,
                "z": _END_TEXT,
            }.get(c)
            if simple is not None:
                self.op(simple)
                return t + 2
            if c == "C":
                # Go does not support "any byte".
                raise RegexpError(_ERR_INVALID_ESCAPE, s[t : t + 2])
            if c == "Q":
                end = s.find("\\E", t + 2)
                lit_end = len(s) if end < 0 else end
                i = t + 2
                while i < lit_end:
                    if _is_bad(s[i]):
                        raise RegexpError(_ERR_INVALID_UTF8, s[i:lit_end])
                    self.literal(s[i])
                    i += 1
                return len(s) if end < 0 else end + 2
        cls = _Class()
        if t + 1 < len(s) and s[t + 1] in "pP":
            nt = self.parse_unicode_class(t, cls)
            self.push_class(cls)
            return nt
        nt = self.parse_perl_class_escape(t, cls)
        if nt >= 0:
            self.push_class(cls)
            return nt
        ch, nt = self.parse_escape(t)
        self.literal(ch)
        return nt


def _repeat_is_valid(root: _Node, n: int) -> bool:
    # Nested counted repetitions may not multiply to more than n copies.
    todo = [(root, n)]
    while todo:
        node, budget = todo.pop()
        if node.op == _REPEAT:
            m = node.max
            if m == 0:
                continue
            if m < 0:
                m = node.min
            if m > budget:
                return False
            if m > 0:
                budget //= m
        todo.extend((sub, budget) for sub in node.subs)
    return True


# ---------------------------------------------------------------------------
# Translation of the tree into a ``regex`` pattern.

_WORD = "[0-9A-Za-z_]"
_EMPTY_WIDTH = {
    _BEGIN_LINE: r"(?<![^\n])",
    _END_LINE: r"(?![^\n])",
    _BEGIN_TEXT: r"\A",
    _END_TEXT: r"\Z",  # in Python, \Z is the very end (Go's \z)
    _WORD_B: f"(?:(?<={_WORD})(?!{_WORD})|(?<!{_WORD})(?={_WORD}))",
    _NO_WORD_B: f"(?:(?<={_WORD})(?={_WORD})|(?<!{_WORD})(?!{_WORD}))",
}


def _emit_rune(r: int, fold: bool) -> str:
    if 0xD800 <= r <= 0xDFFF:
        return _NO_MATCH  # Go never decodes a surrogate code point
    if r == 0xFFFD:
        return "[\\ufffd" + _SURROGATES + "]"  # invalid bytes decode to U+FFFD
    if fold and r in _FOLD:
        return "[" + "".join(_esc(c) for c in sorted(_FOLD[r])) + "]"
    return _esc(r)


class _Frag:
    """Translated text of a subtree plus what the loop translation needs to know."""

    __slots__ = ("atom", "has_cap", "nullable", "plain_empty", "text")

    def __init__(
        self,
        text: str,
        *,
        atom: bool = False,
        nullable: bool = False,
        has_cap: bool = False,
        plain_empty: bool = True,
    ) -> None:
        self.text = text
        self.atom = atom  # can take a quantifier as is
        self.nullable = nullable  # can match the empty string
        self.has_cap = has_cap  # contains a capturing group
        # Every way of matching empty is tried after every way of matching
        # something (vacuously true when not nullable).
        self.plain_empty = plain_empty

    def group(self) -> str:
        return self.text if self.atom else "(?:" + self.text + ")"


def _concat(frags: list[_Frag]) -> _Frag:
    nullable = all(f.nullable for f in frags)
    return _Frag(
        "".join(f.text for f in frags),
        atom=len(frags) == 1 and frags[0].atom,
        nullable=nullable,
        has_cap=any(f.has_cap for f in frags),
        plain_empty=not nullable or all(f.plain_empty for f in frags),
    )


# A choice point that prefers not to consume (a lazy quantifier, or an
# alternative that can match empty ahead of others) is marked "\0<n>\0" while
# translating; inside a loop whose body can match empty the mark becomes a
# check that the choice point is not visited twice at the same position.
_MARK = _rx.compile("\x00([0-9]+)\x00|\\(\\?P([<=])m([0-9]+)")


class _Emitter:
    """Translates the parse tree into a regex pattern with Go's matching semantics.

    Go runs the compiled program as an automaton that drops any path reaching
    an instruction it already visited at the same input position.  This only
    matters in loops whose body can match empty: an iteration after the first
    must consume input, and a choice point at which the previous iteration
    ended may not be passed again at that position (so its remaining
    alternatives are tried as part of the previous iteration).  regex (like
    Perl) instead accepts one empty iteration and leaves the loop.  Such loops
    get an explicit progress check (the text from a position to the end
    identifies the position) and marked choice points inside them get a
    revisit check.  Counted repetitions of such bodies are expanded as Go
    expands them.

    The checks defeat regex's own guards against repeated work, so a pattern
    is translated twice: without the checks that only affect what groups
    capture (used to find matches), and with all of them (used to read groups).
    """

    def __init__(self, exact_captures: bool) -> None:
        self.ids = 0
        # When false, loops whose body has captures but otherwise behaves the
        # same in Go and regex are left unchecked: the match positions are the
        # same, only what the groups hold may differ.
        self.exact_captures = exact_captures

    def fresh(self) -> int:
        self.ids += 1
        return self.ids

    def mark(self, n: int | None = None) -> str:
        return f"\x00{self.fresh() if n is None else n}\x00"

    def emit(self, root: _Node) -> str:
        # Iterative post-order walk: trees may be up to 1000 levels deep.
        done: dict[int, _Frag] = {}
        todo: list[tuple[_Node, bool]] = [(root, False)]
        while todo:
            node, expanded = todo.pop()
            if node.subs and not expanded:
                todo.append((node, True))
                todo.extend((sub, False) for sub in node.subs)
                continue
            done[id(node)] = self.node(node, [done.pop(id(sub)) for sub in node.subs])
        text = done[id(root)].text
        return _MARK.sub(lambda m: "" if m.group(1) else m.group(0), text)

    def node(self, node: _Node, subs: list[_Frag]) -> _Frag:
        op = node.op
        if op == _LIT:
            fold = bool(node.flags & _FOLD_CASE)
            text = "".join(_emit_rune(r, fold) for r in node.runes)
            return _Frag(text, atom=len(node.runes) == 1)
        if op == _CLASS:
            assert node.cls is not None
            return _Frag(_emit_class(node.cls), atom=True)
        if op == _ANY_NOT_NL:
            return _Frag(_ANY_NOT_NL_SET, atom=True)
        if op == _ANY_CHAR:
            return _Frag(_ANY, atom=True)
        if op in _EMPTY_WIDTH:
            return _Frag(_EMPTY_WIDTH[op], nullable=True)
        if op == _EMPTY:
            return _Frag("", nullable=True)
        if op == _CAPTURE:
            sub = subs[0]
            return _Frag(
                f"(?P<g{node.cap}>{sub.text})",
                atom=True,
                nullable=sub.nullable,
                has_cap=True,
                plain_empty=sub.plain_empty,
            )
        if op == _CONCAT:
            return _concat(subs)
        if op == _ALTERNATE:
            return self.alternate(subs)
        greedy = not node.flags & _NON_GREEDY
        sub = subs[0]
        if op == _QUEST:
            return self.quest(sub, greedy)
        if op == _STAR:
            return self.loop(sub, "*", greedy)
        if op == _PLUS:
            return self.loop(sub, "+", greedy)
        if op == _REPEAT:
            return self.repeat(sub, node.min, node.max, greedy)
        raise AssertionError(op)

    def alternate(self, subs: list[_Frag]) -> _Frag:
        nullable = any(f.nullable for f in subs)
        early_empty = any(f.nullable for f in subs[:-1])
        if not early_empty:
            text = "(?:" + "|".join(f.text for f in subs) + ")"
        else:
            # Go tries a|b|c as a chain of two-way choices; the choice after an
            # alternative that can match empty is a marked choice point.
            text = subs[-1].text
            for i in range(len(subs) - 2, -1, -1):
                text = subs[i].text + "|" + text
                if subs[i].nullable:
                    text = self.mark() + "(?:" + text + ")"
            text = "(?:" + text + ")"
        return _Frag(
            text,
            atom=not early_empty,
            nullable=nullable,
            has_cap=any(f.has_cap for f in subs),
            plain_empty=not nullable or (not early_empty and subs[-1].plain_empty),
        )

    def quest(self, sub: _Frag, greedy: bool) -> _Frag:
        text = sub.group() + "?" if greedy else self.mark() + sub.group() + "??"
        return _Frag(
            text, nullable=True, has_cap=sub.has_cap, plain_empty=greedy and sub.plain_empty
        )

    def loop(self, sub: _Frag, q: str, greedy: bool) -> _Frag:
        nullable = q == "*" or sub.nullable
        plain_empty = not nullable or (greedy and sub.plain_empty)
        # Marks for the lazy loop's own choice points: on entry (x*? only)
        # and after each iteration.
        entry = after = ""
        if not greedy:
            head = self.fresh()
            after = self.mark(head)
            if q == "*":
                entry = self.mark(head if not sub.nullable else None)
            q += "?"
        if not sub.nullable or (sub.plain_empty and not (sub.has_cap and self.exact_captures)):
            body = sub.text + after
            text = entry + ("(?:" + body + ")" if after or not sub.atom else body) + q
        else:
            # Record where the loop starts (e) and where each iteration starts
            # (r) as the text from there to the end: an iteration must end
            # elsewhere, unless it is the first one and matched empty.
            n = self.fresh()
            e, r = f"e{n}", f"r{n}"
            body = _activate(sub.text)
            text = (
                f"{entry}(?:(?=(?P<{e}>(?s:.)*))(?:(?=(?P<{r}>(?s:.)*)){body}"
                f"(?:(?!(?P={r})\\Z)|(?=(?P={e})\\Z)){after}){q})"
            )
        return _Frag(text, nullable=nullable, has_cap=sub.has_cap, plain_empty=plain_empty)

    def repeat(self, sub: _Frag, lo: int, hi: int, greedy: bool) -> _Frag:
        if hi == -1 and lo <= 1:
            return self.loop(sub, "*" if lo == 0 else "+", greedy)
        if not sub.nullable or lo == hi == 0:
            if hi == -1:
                q = f"{{{lo},}}"
            elif hi == lo:
                q = f"{{{lo}}}"
            else:
                q = f"{{{lo},{hi}}}"
            entry = ""
            if not greedy and hi != lo:
                q += "?"
                if lo == 0:
                    entry = self.mark()
            nullable = lo == 0
            return _Frag(
                entry + sub.group() + q,
                nullable=nullable,
                has_cap=sub.has_cap,
                plain_empty=not nullable or (greedy and sub.plain_empty),
            )
        # Go's expansion: x{3,} is xx(x+); x{2,4} is xx(x(x)?)?.  Each copy is
        # a separate set of instructions, so marks are renumbered per copy.
        copies = [self.copy(sub) for _ in range(max(lo, 1))]
        if hi == -1:
            return _concat([*copies[: lo - 1], self.loop(self.copy(sub), "+", greedy)])
        parts = copies[:lo]
        if hi > lo:
            suffix = self.quest(self.copy(sub), greedy)
            for _ in range(lo + 1, hi):
                suffix = self.quest(_concat([self.copy(sub), suffix]), greedy)
            parts.append(suffix)
        return _concat(parts)

    def copy(self, frag: _Frag) -> _Frag:
        if "\x00" not in frag.text and "(?P<m" not in frag.text:
            return frag
        fresh: dict[str, int] = {}

        def renumber(m: _rx.Match[str]) -> str:
            old = m.group(1) or m.group(3)
            n = fresh.setdefault(old, self.fresh())
            if m.group(1):
                return f"\x00{n}\x00"
            return f"(?P{m.group(2)}m{n}"

        text = _MARK.sub(renumber, frag.text)
        return _Frag(
            text,
            atom=frag.atom,
            nullable=frag.nullable,
            has_cap=frag.has_cap,
            plain_empty=frag.plain_empty,
        )


def _activate(text: str) -> str:
    """Turn the marks in a loop body into checks against a second visit at one position."""

    if "\x00" not in text:
        return text

    def check(m: _rx.Match[str]) -> str:
        if not m.group(1):
            return m.group(0)
        name = "m" + m.group(1)
        return f"(?!(?P={name})\\Z)(?=(?P<{name}>(?s:.)*))"

    return _MARK.sub(check, text)


def _nesting_depth(text: str) -> int:
    # Literal parentheses are always emitted as hex escapes, so raw ones are groups.
    depth = best = 0
    for ch in text:
        if ch == "(":
            depth += 1
            best = max(best, depth)
        elif ch == ")":
            depth -= 1
    return best


# regex's compiler recurses up to five frames per level of parentheses (measured).
_REGEX_LEVEL_FRAMES = 6


def _compile_regex(text: str) -> _rx.Pattern[str] | None:
    """``text`` compiled by regex, or None when its nesting needs more stack than a
    thread has: the automaton then does all the matching."""
    frames = _REGEX_LEVEL_FRAMES * _nesting_depth(text) + 30
    try:
        return stack.with_room(frames, _rx.compile, text)
    except RecursionError:
        return None


# ---------------------------------------------------------------------------
# A linear-time matcher, used when the backtracking engine runs out of its
# share of a call's time: the parse tree compiled the way Go compiles it (after
# Go's Simplify: counted repetitions expanded, x* of an x that can match empty
# compiled as (x+)?) and run as Go's Pike VM runs it, one input character at a
# time over the threads alive in priority order, so it finds Go's leftmost-first
# match and groups. Characters are tested with the same per-character regex
# fragments the translation uses, so both engines agree on every class.

_CHAR, _SPLIT, _JMP, _ASSERT, _SAVE, _MATCH = range(6)
_WORD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")


def _char_test(fragment: str) -> Callable[[str], bool]:
    """Whether one character matches ``fragment`` (a one-character regex), memoized."""
    prog = _rx.compile(fragment)
    seen: dict[str, bool] = {}

    def test(ch: str) -> bool:
        hit = seen.get(ch)
        if hit is None:
            hit = prog.fullmatch(ch) is not None
            if len(seen) < 4096:  # bounded: the input chooses the characters
                seen[ch] = hit
        return hit

    return test


def _holds(op: int, s: str, pos: int) -> bool:
    """Whether the empty-width assertion ``op`` holds between s[pos-1] and s[pos]."""
    if op == _BEGIN_TEXT:
        return pos == 0
    if op == _END_TEXT:
        return pos == len(s)
    if op == _BEGIN_LINE:
        return pos == 0 or s[pos - 1] == "\n"
    if op == _END_LINE:
        return pos == len(s) or s[pos] == "\n"
    before = pos > 0 and s[pos - 1] in _WORD_CHARS
    after = pos < len(s) and s[pos] in _WORD_CHARS
    return (before != after) == (op == _WORD_B)


# _Program.matches: the threads a search starts at each position, what stands for a
# match among threads, and how many sets of threads it remembers at most.
_START = frozenset({0})
_MATCH_PC = -1
_DFA_STATES = 10_000


def _context(s: str, pos: int) -> tuple[bool, ...]:
    """What empty-width assertions look at around ``pos``: text and line edges, and
    whether the characters on either side are word characters."""
    before = s[pos - 1] if pos else ""
    after = s[pos] if pos < len(s) else ""
    return (
        not before,
        not after,
        before == "\n",
        after == "\n",
        before in _WORD_CHARS if before else False,
        after in _WORD_CHARS if after else False,
    )


def _nullable(root: _Node) -> bool:
    """Whether ``root`` can match the empty string (trees are up to 1000 levels deep,
    so the walk keeps its own stack)."""
    known: dict[int, bool] = {}
    todo: list[tuple[_Node, bool]] = [(root, False)]
    while todo:
        node, expanded = todo.pop()
        op = node.op
        if op in (_CAPTURE, _PLUS, _REPEAT, _CONCAT, _ALTERNATE) and not expanded:
            todo.append((node, True))
            todo.extend((sub, False) for sub in node.subs)
            continue
        if op == _LIT:
            nullable = not node.runes
        elif op in (_CLASS, _ANY_CHAR, _ANY_NOT_NL):
            nullable = False
        elif op in (_CAPTURE, _PLUS):
            nullable = known[id(node.subs[0])]
        elif op == _REPEAT:
            nullable = node.min == 0 or known[id(node.subs[0])]
        elif op == _CONCAT:
            nullable = all(known[id(sub)] for sub in node.subs)
        elif op == _ALTERNATE:
            nullable = any(known[id(sub)] for sub in node.subs)
        else:  # empty-width assertions, empty, star, quest
            nullable = True
        known[id(node)] = nullable
    return known[id(root)]


# _Program.emit looks at the stack every _EMIT_LEVELS levels of the tree, each
# taking at most _EMIT_LEVEL_FRAMES frames (emit, emit_node, star, quest, plus).
_EMIT_LEVELS = 16
_EMIT_LEVEL_FRAMES = 8


class _Program:
    """A parse tree as Go's instruction program: [kind, argument, argument] each."""

    def __init__(self, root: _Node, ncap: int) -> None:
        self.slots = 2 * (ncap + 1)
        self.code: list[list] = []
        self.level = 0  # of the tree, while emitting
        self.add(_SAVE, 0)
        self.emit(root)
        self.add(_SAVE, 1)
        self.add(_MATCH)
        # For matches(): the sets of threads met so far, after each position's
        # assertions and after each character (a DFA built as the input needs it).
        self.has_asserts = any(inst[0] == _ASSERT for inst in self.code)
        self.closed: dict[tuple[frozenset[int], object], frozenset[int]] = {}
        self.stepped: dict[tuple[frozenset[int], str], frozenset[int]] = {}

    def add(self, kind: int, a: object = 0, b: object = 0) -> int:
        self.code.append([kind, a, b])
        return len(self.code) - 1

    def emit(self, node: _Node) -> None:
        # Trees are up to 1000 levels deep, a few frames each: every so many
        # levels, the rest is emitted where the stack has room (exec.stack).
        self.level += 1
        try:
            if self.level % _EMIT_LEVELS:
                self.emit_node(node)
            else:
                stack.with_room(_EMIT_LEVELS * _EMIT_LEVEL_FRAMES, self.emit_node, node)
        finally:
            self.level -= 1

    def emit_node(self, node: _Node) -> None:
        op = node.op
        if op == _LIT:
            fold = bool(node.flags & _FOLD_CASE)
            for r in node.runes:
                self.add(_CHAR, _char_test(_emit_rune(r, fold)))
        elif op == _CLASS:
            assert node.cls is not None
            self.add(_CHAR, _char_test(_emit_class(node.cls)))
        elif op == _ANY_NOT_NL:
            self.add(_CHAR, _char_test(_ANY_NOT_NL_SET))
        elif op == _ANY_CHAR:
            self.add(_CHAR, _char_test(_ANY))
        elif op in _EMPTY_WIDTH:
            self.add(_ASSERT, op)
        elif op == _EMPTY:
            pass
        elif op == _CAPTURE:
            self.add(_SAVE, 2 * node.cap)
            self.emit(node.subs[0])
            self.add(_SAVE, 2 * node.cap + 1)
        elif op == _CONCAT:
            for sub in node.subs:
                self.emit(sub)
        elif op == _ALTERNATE:
            jumps = []
            for sub in node.subs[:-1]:
                split = self.add(_SPLIT, len(self.code) + 1, 0)
                self.emit(sub)
                jumps.append(self.add(_JMP))
                self.code[split][2] = len(self.code)
            self.emit(node.subs[-1])
            for j in jumps:
                self.code[j][1] = len(self.code)
        elif op in (_STAR, _PLUS, _QUEST):
            sub = node.subs[0]
            greedy = not node.flags & _NON_GREEDY
            # Go's Simplify: x** is x*, and so on, when greediness agrees.
            if sub.op == op and (sub.flags & _NON_GREEDY) == (node.flags & _NON_GREEDY):
                self.emit(sub)
            elif op == _STAR:
                self.star(sub, greedy)
            elif op == _PLUS:
                self.plus(sub, greedy)
            else:
                self.quest(lambda: self.emit(sub), greedy)
        elif op == _REPEAT:
            self.repeat(node.subs[0], node.min, node.max, not node.flags & _NON_GREEDY)
        else:
            raise AssertionError(op)

    def split(self, at: int, body: int, out: int, greedy: bool) -> None:
        self.code[at][1:] = [body, out] if greedy else [out, body]

    def quest(self, body: Callable[[], None], greedy: bool) -> None:
        at = self.add(_SPLIT)
        body()
        self.split(at, at + 1, len(self.code), greedy)

    def plus(self, sub: _Node, greedy: bool) -> None:
        start = len(self.code)
        self.emit(sub)
        at = self.add(_SPLIT)
        self.split(at, start, at + 1, greedy)

    def star(self, sub: _Node, greedy: bool) -> None:
        if _nullable(sub):  # as Go compiles it, for the right priorities: (x+)?
            self.quest(lambda: self.plus(sub, greedy), greedy)
            return
        at = self.add(_SPLIT)
        self.emit(sub)
        self.add(_JMP, at)
        self.split(at, at + 1, len(self.code), greedy)

    def repeat(self, sub: _Node, lo: int, hi: int, greedy: bool) -> None:
        # Go's Simplify: x{n,} is n-1 copies then x+ (x* for n = 0); x{n,m} is
        # n copies then (x(x(x)?)?)? nested m-n deep.
        if hi == -1:
            if lo == 0:
                self.star(sub, greedy)
                return
            for _ in range(lo - 1):
                self.emit(sub)
            self.plus(sub, greedy)
            return
        for _ in range(lo):
            self.emit(sub)
        # The optional copies nest, and all of them are left at the same place.
        splits = []
        for _ in range(hi - lo):
            splits.append(self.add(_SPLIT))
            self.emit(sub)
        for at in splits:
            self.split(at, at + 1, len(self.code), greedy)

    def find(self, s: str, start: int, deadline: _Deadline) -> list[int] | None:
        """Go's leftmost-first match at or after ``start``: its group boundaries
        (-1 where a group did not take part), or None. Checks ``deadline``."""
        code = self.code
        end = len(s)
        matched: list[int] | None = None
        live: list[tuple[int, list[int]]] = []  # threads at CHAR or MATCH, by priority
        seen: set[int] = set()
        blank = [-1] * self.slots
        for pos in range(start, end + 1):
            if pos & 255 == 0:
                left = deadline.remaining()
                if left is not None and left <= 0:
                    raise TimeoutError
            if matched is None:  # a new thread, of the lowest priority, starts here
                self.follow(live, seen, 0, pos, blank, s)
            if not live:
                if matched is not None:
                    break
                seen = set()
                continue
            step: list[tuple[int, list[int]]] = []
            step_seen: set[int] = set()
            ch = s[pos] if pos < end else ""
            for pc, caps in live:
                inst = code[pc]
                if inst[0] == _MATCH:
                    matched = caps  # threads of lower priority are cut
                    break
                if ch and inst[1](ch):
                    self.follow(step, step_seen, pc + 1, pos + 1, caps, s)
            live, seen = step, step_seen
        return matched

    def matches(self, s: str, deadline: _Deadline) -> bool:
        """Whether ``s`` holds a match (Go's MatchString): the threads alive at each
        position as one set, without priorities or groups, so that a set met before
        is looked up, not recomputed, and a long alternation costs a lookup per
        character. Checks ``deadline``."""
        closed, stepped = self.closed, self.stepped
        if len(closed) + len(stepped) > _DFA_STATES:  # the input chooses the sets
            closed.clear()
            stepped.clear()
        code = self.code
        end = len(s)
        pending = _START
        for pos in range(end + 1):
            if pos & 255 == 0:
                left = deadline.remaining()
                if left is not None and left <= 0:
                    raise TimeoutError
            # Assertions hold or not by the characters around the position.
            context = _context(s, pos) if self.has_asserts else None
            threads = closed.get((pending, context))
            if threads is None:
                threads = closed[pending, context] = self.closure(pending, s, pos)
            if _MATCH_PC in threads:
                return True
            if pos == end:
                return False
            ch = s[pos]
            nxt = stepped.get((threads, ch))
            if nxt is None:
                nxt = _START | {
                    pc + 1 for pc in threads if code[pc][0] == _CHAR and code[pc][1](ch)
                }
                stepped[threads, ch] = nxt
            pending = nxt
        return False  # pragma: no cover - the loop returns at the end

    def closure(self, pending: frozenset[int], s: str, pos: int) -> frozenset[int]:
        """The character tests (and a match, as _MATCH_PC) reachable from ``pending``
        without input at ``pos``."""
        code = self.code
        out: set[int] = set()
        seen: set[int] = set()
        todo = list(pending)
        while todo:
            pc = todo.pop()
            if pc in seen:
                continue
            seen.add(pc)
            kind, a, b = code[pc]
            if kind == _SPLIT:
                todo += (a, b)
            elif kind == _JMP:
                todo.append(a)
            elif kind == _SAVE:
                todo.append(pc + 1)
            elif kind == _ASSERT:
                if _holds(a, s, pos):
                    todo.append(pc + 1)
            else:
                out.add(_MATCH_PC if kind == _MATCH else pc)
        return frozenset(out)

    def follow(
        self,
        out: list[tuple[int, list[int]]],
        seen: set[int],
        pc: int,
        pos: int,
        caps: list[int],
        s: str,
    ) -> None:
        """Adds the threads reachable from ``pc`` without input, in priority order."""
        code = self.code
        stack = [(pc, caps)]
        while stack:
            pc, caps = stack.pop()
            if pc in seen:
                continue
            seen.add(pc)
            kind, a, b = code[pc]
            if kind == _SPLIT:
                stack.append((b, caps))
                stack.append((a, caps))
            elif kind == _JMP:
                stack.append((a, caps))
            elif kind == _SAVE:
                caps = caps.copy()
                caps[a] = pos
                stack.append((pc + 1, caps))
            elif kind == _ASSERT:
                if _holds(a, s, pos):
                    stack.append((pc + 1, caps))
            else:
                out.append((pc, caps))


class _Found:
    """A match found by the automaton, with the methods of regex's matches in use."""

    __slots__ = ("caps", "string")

    def __init__(self, string: str, caps: list[int]) -> None:
        self.string = string
        self.caps = caps

    def span(self) -> tuple[int, int]:
        return self.caps[0], self.caps[1]

    def start(self) -> int:
        return self.caps[0]

    def end(self) -> int:
        return self.caps[1]

    def group(self) -> str:
        return self.string[self.caps[0] : self.caps[1]]

    def groups(self) -> list[str | None]:
        c = self.caps
        return [None if c[i] < 0 else self.string[c[i] : c[i + 1]] for i in range(0, len(c), 2)]


# ---------------------------------------------------------------------------
# Public API.


class _Deadline:
    __slots__ = ("end", "limit")

    def __init__(self, timeout: float | None) -> None:
        if timeout is None or math.isinf(timeout):
            self.limit = None
            self.end = math.inf
        else:
            self.limit = float(timeout)
            self.end = time.monotonic() + self.limit

    def remaining(self) -> float | None:
        if self.limit is None:
            return None
        return self.end - time.monotonic()


class Regexp:
    """A compiled Go regular expression.  Create with :func:`compile`."""

    __slots__ = (
        "_find",
        "_group_keys",
        "_groups_prog",
        "_names",
        "_program",
        "_tree",
        "pattern",
        "translated",
    )

    def __init__(
        self,
        pattern: str,
        translated: str,
        names: list[str],
        find: _rx.Pattern[str] | None,
        groups: _rx.Pattern[str] | None,
        tree: _Node,
    ) -> None:
        #: The source text (Go's ``String()``).
        self.pattern = pattern
        #: The ``regex`` pattern that reproduces Go's matches and groups.
        self.translated = translated
        self._names = names
        self._group_keys = [f"g{i}" for i in range(1, len(names))]
        # Finds matches, but may disagree with Go on group contents; and the exact
        # groups (the same object when possible). Both None when the pattern
        # nests too deeply for regex: the automaton does all the matching.
        self._find = find
        self._groups_prog = groups
        self._tree = tree
        self._program: _Program | None = None  # built on first need

    def __repr__(self) -> str:
        return f"re2.compile({self.pattern!r})"

    def __str__(self) -> str:
        return self.pattern

    # -- introspection -------------------------------------------------------

    def num_subexp(self) -> int:
        """Number of parenthesized subexpressions (Go's NumSubexp)."""
        return len(self._names) - 1

    def subexp_names(self) -> list[str]:
        """Names of the subexpressions; index 0 and unnamed groups are "" (Go's SubexpNames)."""
        return list(self._names)

    def subexp_index(self, name: str) -> int:
        """Index of the first group called ``name``, or -1 (Go's SubexpIndex)."""
        if name:
            for i, n in enumerate(self._names):
                if n == name:
                    return i
        return -1

    # -- matching core ---------------------------------------------------------

    def _run(
        self, prog: _rx.Pattern[str], s: str, pos: int, deadline: _Deadline, anchored: bool
    ) -> _rx.Match[str] | None:
        remaining = deadline.remaining()
        if remaining is not None and remaining <= 0:
            self._timed_out(s, deadline)
        try:
            if anchored:
                return prog.match(s, pos, timeout=remaining)
            return prog.search(s, pos, timeout=remaining)
        except TimeoutError:
            self._timed_out(s, deadline)

    def _search(self, s: str, pos: int, deadline: _Deadline) -> _rx.Match[str] | _Found | None:
        if self._find is None:
            try:
                return self._finder(deadline)(s, pos)
            except TimeoutError:
                self._timed_out(s, deadline)
        return self._run(self._find, s, pos, deadline, anchored=False)

    def _timed_out(self, s: str, deadline: _Deadline) -> NoReturn:
        raise RegexpTimeout(
            f"regexp: matching `{self.pattern}` against a {len(s)}-character input "
            f"took longer than the {deadline.limit:g}s time limit"
        ) from None

    def _groups(self, m: _rx.Match[str] | _Found, deadline: _Deadline) -> list[str | None]:
        """The match and Go's groups (None where a group did not take part)."""
        if isinstance(m, _Found):
            return m.groups()
        if not self._group_keys:
            return [m.group()]
        if self._groups_prog is not self._find:
            assert self._groups_prog is not None
            # Same start and end by construction; only the groups can differ.
            exact = self._run(self._groups_prog, m.string, m.start(), deadline, anchored=True)
            if exact is not None:
                m = exact
        return list(m.group(0, *self._group_keys))

    def _matches(self, s: str, n: int, deadline: _Deadline) -> list[_rx.Match[str] | _Found]:
        """Go's successive-match loop (FindAll*): no empty match right after a match."""
        out: list[_rx.Match[str] | _Found] = []
        if n == 0:
            return out
        pos, prev_end, end = 0, -1, len(s)
        while pos <= end:
            m = self._search(s, pos, deadline)
            if m is None:
                break
            accept = True
            if m.end() == pos:
                if m.start() == prev_end:
                    accept = False
                pos += 1  # one character: a rune or one invalid byte
            else:
                pos = m.end()
            prev_end = m.end()
            if accept:
                out.append(m)
                if n > 0 and len(out) == n:
                    break
        return out

    # -- Go's methods ------------------------------------------------------------

    def match_string(self, s: str, *, timeout: float | None) -> bool:
        """Whether ``s`` contains a match (Go's MatchString)."""
        return self._answer(
            timeout,
            lambda d: self._search(s, 0, d) is not None,
            lambda d: self._automaton().matches(s, d),
            s,
        )

    def _answer(
        self,
        timeout: float | None,
        backtracking: Callable[[_Deadline], _T],
        automaton: Callable[[_Deadline], _T],
        s: str,
    ) -> _T:
        """The backtracking engine's answer if it comes within its share of the
        time limit (a quarter, at most _BACKTRACK_SHARE), else the linear-time
        automaton's within the rest; RegexpTimeout if the whole limit runs out."""
        deadline = _Deadline(timeout)
        share = _BACKTRACK_SHARE if deadline.limit is None else deadline.limit * 0.25
        if self._find is not None:
            try:
                return backtracking(_Deadline(min(share, _BACKTRACK_SHARE)))
            except RegexpTimeout:
                pass
        try:
            return automaton(deadline)
        except TimeoutError:
            self._timed_out(s, deadline)

    def _automaton(self) -> _Program:
        if self._program is None:
            self._program = _Program(self._tree, len(self._names) - 1)
        return self._program

    def find_string(self, s: str, *, timeout: float | None) -> str:
        """Text of the leftmost match, or "" (Go's FindString)."""
        m = self._search(s, 0, _Deadline(timeout))
        return m.group() if m else ""

    def find_string_index(self, s: str, *, timeout: float | None) -> list[int] | None:
        """[start, end] of the leftmost match in *character* offsets, or None."""
        m = self._search(s, 0, _Deadline(timeout))
        return list(m.span()) if m else None

    def find_string_submatch(self, s: str, *, timeout: float | None) -> list[str] | None:
        """The match and its groups ("" for groups that did not take part), or None."""
        deadline = _Deadline(timeout)
        m = self._search(s, 0, deadline)
        return None if m is None else [g or "" for g in self._groups(m, deadline)]

    def find_all_string(self, s: str, n: int = -1, *, timeout: float | None) -> list[str]:
        """Up to ``n`` (all if n < 0) successive matches (Go's FindAllString; [] for nil)."""
        return [m.group() for m in self._matches(s, n, _Deadline(timeout))]

    def find_all_string_submatch(
        self, s: str, n: int = -1, *, timeout: float | None
    ) -> list[list[str]]:
        """Go's FindAllStringSubmatch ([] for nil)."""
        deadline = _Deadline(timeout)
        return [[g or "" for g in self._groups(m, deadline)] for m in self._matches(s, n, deadline)]

    def split(self, s: str, n: int = -1, *, timeout: float | None) -> list[str]:
        """Go's Split: substrings between matches, at most ``n`` of them if n > 0."""
        if n == 0:
            return []
        if self.pattern and not s:
            return [""]
        out: list[str] = []
        beg = end = 0
        for m in self._matches(s, n, _Deadline(timeout)):
            if n > 0 and len(out) >= n - 1:
                break
            end = m.start()
            if m.end() != 0:
                out.append(s[beg:end])
            beg = m.end()
        if end != len(s):
            out.append(s[beg:])
        return out

    def replace_all_string(self, src: str, repl: str, *, timeout: float | None) -> str:
        """Go's ReplaceAllString: ``$1``, ``${1}``, ``$name``, ``${name}``, ``$$`` in repl."""
        if "$" not in repl:
            return self.replace_all_literal_string(src, repl, timeout=timeout)
        return self._answer(
            timeout,
            lambda d: self._replace_all(
                src, lambda m: self._expand(repl, self._groups(m, d)), self._searcher(d)
            ),
            lambda d: self._replace_all(
                src, lambda m: self._expand(repl, m.groups()), self._finder(d)
            ),
            src,
        )

    def replace_all_literal_string(self, src: str, repl: str, *, timeout: float | None) -> str:
        """Go's ReplaceAllLiteralString: repl is inserted as is."""
        return self._answer(
            timeout,
            lambda d: self._replace_all(src, lambda m: repl, self._searcher(d)),
            lambda d: self._replace_all(src, lambda m: repl, self._finder(d)),
            src,
        )

    def replace_all_string_func(
        self, src: str, repl: Callable[[str], str], *, timeout: float | None
    ) -> str:
        """Go's ReplaceAllStringFunc (time spent in ``repl`` counts against the limit;
        when the automaton takes over, ``repl`` is called again from the start)."""
        return self._answer(
            timeout,
            lambda d: self._replace_all(src, lambda m: repl(m.group()), self._searcher(d)),
            lambda d: self._replace_all(src, lambda m: repl(m.group()), self._finder(d)),
            src,
        )

    def _searcher(
        self, deadline: _Deadline
    ) -> Callable[[str, int], _rx.Match[str] | _Found | None]:
        return lambda s, pos: self._search(s, pos, deadline)

    def _finder(self, deadline: _Deadline) -> Callable[[str, int], _Found | None]:
        program = self._automaton()

        def find(s: str, pos: int) -> _Found | None:
            caps = program.find(s, pos, deadline)
            return None if caps is None else _Found(s, caps)

        return find

    def _replace_all(
        self, src: str, repl: Callable[[Any], str], search: Callable[[str, int], Any]
    ) -> str:
        out: list[str] = []
        last_end = 0
        pos = 0
        end = len(src)
        while pos <= end:
            m = search(src, pos)
            if m is None:
                break
            a0, a1 = m.span()
            out.append(src[last_end:a0])
            # An empty match right after the previous match is not replaced.
            if a1 > last_end or a0 == 0:
                out.append(repl(m))
            last_end = a1
            # Always advance at least one character (a rune or an invalid byte).
            pos = pos + 1 if pos + 1 > a1 else a1
        out.append(src[last_end:])
        return "".join(out)

    def _expand(self, template: str, groups: list[str | None]) -> str:
        """Go's Expand: substitute $ references in template."""
        out: list[str] = []
        while template:
            before, dollar, after = template.partition("$")
            if not dollar:
                break
            out.append(before)
            template = after
            if template.startswith("$"):
                out.append("$")
                template = template[1:]
                continue
            ext = _extract(template)
            if ext is None:
                out.append("$")  # malformed reference: the $ is literal
                continue
            name, num, template = ext
            if num >= 0:
                value = groups[num] if num < len(groups) else None
                if value is not None:
                    out.append(value)
            else:
                # The first group of that name that took part in the match.
                for i, gname in enumerate(self._names):
                    value = groups[i]
                    if gname == name and value is not None:
                        out.append(value)
                        break
        out.append(template)
        return "".join(out)


@functools.lru_cache(maxsize=1)
def _name_char_matcher() -> Callable[[str], object]:
    # Go's unicode.IsLetter / IsDigit, with Go's Unicode tables.
    find = compile(r"[\pL\p{Nd}_]")._find
    assert find is not None  # a shallow pattern
    return find.match


def _is_name_char(c: str) -> bool:
    if c < "\x80":
        return _is_alnum(c) or c == "_"
    return _name_char_matcher()(c) is not None


def _extract(s: str) -> tuple[str, int, str] | None:
    """Go's extract: a leading name or {name} after "$" -> (name, number or -1, rest)."""
    if not s:
        return None
    brace = s[0] == "{"
    if brace:
        s = s[1:]
    i = 0
    while i < len(s) and _is_name_char(s[i]):
        i += 1
    if i == 0:
        return None
    name = s[:i]
    if brace:
        if i >= len(s) or s[i] != "}":
            return None
        i += 1
    num = 0
    for d in name:
        if not "0" <= d <= "9" or num >= 100_000_000:
            num = -1
            break
        num = num * 10 + ord(d) - 48
    if name[0] == "0" and len(name) > 1:
        num = -1
    return name, num, s[i:]


def _compile_uncached(pattern: str) -> Regexp:
    parser = _Parser(pattern)
    root = parser.parse()
    fast = _Emitter(exact_captures=False).emit(root)
    exact = _Emitter(exact_captures=True).emit(root)
    prog = _compile_regex(fast)
    prog_exact = prog if exact == fast or prog is None else _compile_regex(exact)
    if prog_exact is None:
        prog = None
    return Regexp(pattern, exact, parser.names, prog, prog_exact, root)


_compile_cached = functools.lru_cache(maxsize=_CACHE_SIZE)(_compile_uncached)


def compile(pattern: str) -> Regexp:
    """Parse ``pattern`` as Go's ``regexp.Compile`` does (compiled patterns are cached).

    Raises :class:`RegexpError` carrying Go's error text for patterns Go rejects.
    """
    return _compile_cached(pattern)


def match_string(pattern: str, s: str, *, timeout: float | None) -> bool:
    """Go's ``regexp.MatchString(pattern, s)``."""
    return compile(pattern).match_string(s, timeout=timeout)


_META = frozenset("\\.+*?()|[]{}^$")


def quote_meta(s: str) -> str:
    """Go's ``regexp.QuoteMeta``: a pattern matching ``s`` literally."""
    return "".join("\\" + c if c in _META else c for c in s)
