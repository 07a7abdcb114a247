"""Tests for gotmpl.gostd.regexp against answers recorded from Go's regexp package.

Every expected value comes from tests/data/re2_cases.json, written by
tests/data/re2_gen/main.go (run it to regenerate; Go is not needed to run these
tests).  Strings that are not valid UTF-8 are stored as {"b64": ...} and used
here in their surrogateescape form, which is how re2 represents raw bytes.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import pathlib
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gotmpl.gostd import regexp as re2

DATA = json.loads(
    (pathlib.Path(__file__).parents[1] / "data" / "re2_cases.json").read_text(encoding="utf-8")
)

LIMIT = 1.0  # seconds per matching call, as templates have by default


def bstr(v: str | dict | None) -> str | None:
    """Decode the generator's byte-safe strings."""
    if isinstance(v, dict):
        return base64.b64decode(v["b64"]).decode("utf-8", "surrogateescape")
    return v


def blist(v: list | None) -> list | None:
    if v is None:
        return None
    return [blist(x) if isinstance(x, list) else bstr(x) for x in v]


def short(s: str, n: int = 40) -> str:
    r = ascii(s)[1:-1]
    return r if len(r) <= n else f"{r[: n - 12]}...[{len(s)}]"


def ids(cases: list[dict], *keys: str) -> list[str]:
    return [f"{i}:" + "|".join(short(bstr(c[k]) or "") for k in keys) for i, c in enumerate(cases)]


def test_case_counts() -> None:
    errors = [c for c in DATA["compile"] if c["error"] is not None]
    assert len(errors) >= 120
    assert len(DATA["match"]) >= 250
    assert len(DATA["replace"]) >= 200


# ---------------------------------------------------------------------------
# Compile errors


@pytest.mark.parametrize("case", DATA["compile"], ids=ids(DATA["compile"], "pattern"))
def test_compile(case: dict) -> None:
    pattern = bstr(case["pattern"])
    want = bstr(case["error"])
    if want is None:
        assert isinstance(re2.compile(pattern), re2.Regexp)
    else:
        with pytest.raises(re2.RegexpError) as exc:
            re2.compile(pattern)
        assert str(exc.value) == want


def test_error_type() -> None:
    with pytest.raises(ValueError, match=r"^error parsing regexp: missing closing \): `\(a`$"):
        re2.compile("(a")
    with pytest.raises(re2.RegexpError):
        re2.match_string("a**", "a", timeout=LIMIT)


# ---------------------------------------------------------------------------
# MatchString


@pytest.mark.parametrize("case", DATA["match"], ids=ids(DATA["match"], "pattern", "input"))
def test_match_string(case: dict) -> None:
    pattern, s = bstr(case["pattern"]), bstr(case["input"])
    assert re2.compile(pattern).match_string(s, timeout=LIMIT) is case["matched"]
    assert re2.match_string(pattern, s, timeout=LIMIT) is case["matched"]


_MATCH_CASES = DATA["match"] + DATA["catastrophic"]


# The linear-time automaton the backtracker falls back on, alone: Go's answers,
# matches and groups on every recorded case.


@pytest.mark.parametrize("case", _MATCH_CASES, ids=ids(_MATCH_CASES, "pattern", "input"))
def test_automaton_matches_as_go(case: dict) -> None:
    program = re2.compile(bstr(case["pattern"]))._automaton()
    found = program.find(bstr(case["input"]), 0, re2._Deadline(None))
    assert (found is not None) is case["matched"]
    # And the sets of threads, without priorities or groups, that answer MatchString.
    assert program.matches(bstr(case["input"]), re2._Deadline(None)) is case["matched"]


@pytest.mark.parametrize(
    "case", DATA["replace"], ids=ids(DATA["replace"], "pattern", "src", "repl")
)
def test_automaton_replaces_as_go(case: dict) -> None:
    r = re2.compile(bstr(case["pattern"]))
    src, repl = bstr(case["src"]), bstr(case["repl"])
    finder = r._finder(re2._Deadline(None))
    assert r._replace_all(src, lambda m: r._expand(repl, m.groups()), finder) == bstr(
        case["result"]
    )
    assert r._replace_all(src, lambda m: repl, finder) == bstr(case["literal"])


@pytest.mark.parametrize("case", DATA["find"], ids=ids(DATA["find"], "pattern", "input"))
def test_automaton_finds_groups_as_go(case: dict) -> None:
    r = re2.compile(bstr(case["pattern"]))
    found = r._finder(re2._Deadline(None))(bstr(case["input"]), 0)
    groups = None if found is None else ["" if g is None else g for g in found.groups()]
    assert groups == (blist(case["submatch"]) or None)  # Go: "" for a group not taking part


# ---------------------------------------------------------------------------
# ReplaceAllString / ReplaceAllLiteralString


@pytest.mark.parametrize(
    "case", DATA["replace"], ids=ids(DATA["replace"], "pattern", "src", "repl")
)
def test_replace_all_string(case: dict) -> None:
    r = re2.compile(bstr(case["pattern"]))
    src, repl = bstr(case["src"]), bstr(case["repl"])
    assert r.replace_all_string(src, repl, timeout=LIMIT) == bstr(case["result"])
    assert r.replace_all_literal_string(src, repl, timeout=LIMIT) == bstr(case["literal"])


# ---------------------------------------------------------------------------
# Find, FindAll, submatches, Split


@pytest.mark.parametrize("case", DATA["find"], ids=ids(DATA["find"], "pattern", "input"))
def test_find(case: dict) -> None:
    r = re2.compile(bstr(case["pattern"]))
    s = bstr(case["input"])
    assert r.find_string(s, timeout=LIMIT) == bstr(case["find"])
    assert r.find_string_submatch(s, timeout=LIMIT) == blist(case["submatch"])
    # Go returns nil slices where Python returns [].
    assert r.find_all_string(s, timeout=LIMIT) == (blist(case["all"]) or [])
    assert r.find_all_string(s, 2, timeout=LIMIT) == (blist(case["all2"]) or [])
    assert r.find_all_string_submatch(s, timeout=LIMIT) == (blist(case["all_submatch"]) or [])
    assert r.split(s, timeout=LIMIT) == (blist(case["split"]) or [])
    assert r.split(s, 2, timeout=LIMIT) == (blist(case["split2"]) or [])
    assert r.split(s, 1, timeout=LIMIT) == (blist(case["split1"]) or [])
    assert r.split(s, 0, timeout=LIMIT) == []
    assert r.num_subexp() == case["num_subexp"]
    assert r.subexp_names() == case["names"]
    for name, index in case["subexp_index"].items():
        assert r.subexp_index(name) == index


@pytest.mark.parametrize("case", DATA["quote_meta"], ids=ids(DATA["quote_meta"], "input"))
def test_quote_meta(case: dict) -> None:
    s = bstr(case["input"])
    quoted = re2.quote_meta(s)
    assert quoted == bstr(case["quoted"])
    if case["error"] is not None:
        with pytest.raises(re2.RegexpError) as exc:
            re2.compile("^" + quoted + "$")
        assert str(exc.value) == bstr(case["error"])
    else:
        assert (
            re2.compile("^" + quoted + "$").match_string(s, timeout=LIMIT) is case["matches_itself"]
        )


# ---------------------------------------------------------------------------
# Character classes, checked on every code point.


def dense(c: int) -> bool:
    # Planes 0-3 and 14 hold every assigned character: all of them are checked.
    return c < 0x40000 or 0xE0000 <= c < 0xF0000


@functools.cache
def code_points() -> tuple[str, str]:
    """(all dense non-surrogate code points, the sampled ones elsewhere), as in main.go."""
    dense_cps = [c for c in range(0x110000) if dense(c) and not 0xD800 <= c <= 0xDFFF]
    sampled = [
        c
        for c in range(0x40000, 0x110000)
        if not dense(c) and (c % 1009 == 0 or c & 0xFFFF >= 0xFFFD)
    ]
    return "".join(map(chr, dense_cps)), "".join(map(chr, sampled))


@pytest.mark.parametrize("case", DATA["classes"], ids=ids(DATA["classes"], "pattern"))
def test_class_members(case: dict) -> None:
    r = re2.compile(case["pattern"])
    # The translation of a one-character pattern, repeated to cut per-match overhead.
    prog = re2._rx.compile("(?:" + r.translated + ")+")
    dense_cps, sampled = code_points()
    members = "".join(prog.findall(dense_cps))
    assert len(members) == case["count"]
    assert hashlib.sha256(members.encode("utf-32-le")).hexdigest() == case["sha256"]
    single = re2._rx.compile(r.translated)
    assert "".join("1" if single.fullmatch(c) else "0" for c in sampled) == case["sample"]
    assert r.match_string("\udcff", timeout=LIMIT) is case["invalid_byte"]


# ---------------------------------------------------------------------------
# The Unicode tables re2 carries must be Go's.


def test_unicode_names() -> None:
    uni = DATA["unicode"]
    assert sorted(re2._GO_CATEGORIES) == uni["categories"]
    assert sorted(re2._GO_SCRIPTS) == uni["scripts"]
    assert uni["aliases"] == re2._GO_CATEGORY_ALIASES


def test_fold_orbits() -> None:
    want = {c: tuple(o) for o in DATA["unicode"]["orbits"] for c in o}
    assert {c: re2._fold_orbit(c) for c in re2._FOLD} == want


def test_newer_unicode_table() -> None:
    # _NEWER must be exactly the code points Go leaves unassigned but regex assigns.
    unassigned = [(lo, hi) for lo, hi in DATA["unicode"]["unassigned"]]
    go_cn = "".join(chr(c) for lo, hi in unassigned for c in range(lo, hi + 1))
    newer = "".join(re2._rx.findall(r"\P{gc=Cn}", go_cn))
    assert newer == "".join(chr(c) for lo, hi in re2._NEWER for c in range(lo, hi + 1))


# ---------------------------------------------------------------------------
# Bounded running time


@pytest.mark.parametrize(
    "case", DATA["catastrophic"], ids=ids(DATA["catastrophic"], "pattern", "input")
)
def test_catastrophic_patterns_finish(case: dict) -> None:
    r = re2.compile(bstr(case["pattern"]))
    s = bstr(case["input"])
    start = time.monotonic()
    # Both answer (the automaton takes over from the backtracker).
    assert r.match_string(s, timeout=0.5) is case["matched"]
    assert r.replace_all_string(s, "<$0>", timeout=0.5) == bstr(case["replaced"])
    # Generous: the limit is 0.5s per call; this only catches a call that ignores it.
    assert time.monotonic() - start < 5


def test_timeout_raises() -> None:
    # Exponential for a backtracker even with regex's safeguards (Go: linear, false).
    r = re2.compile(r"(a|aa)+$")
    s = "a" * 40 + "!"
    start = time.monotonic()
    # MatchString: the automaton answers as Go does once the backtracker gives up.
    assert r.match_string(s, timeout=0.2) is False
    assert re2.match_string(r"(a|aa)+$", "a" * 50 + "!", timeout=0.2) is False
    assert re2.match_string(r"(a|aa)+$", "a" * 60, timeout=0.2) is True
    # So does ReplaceAllString, groups included (both answers recorded from Go).
    assert r.replace_all_string(s, "<$1>", timeout=0.2) == s
    assert re2.compile(r"(a|aa)+!").replace_all_string(s, "<$1>", timeout=0.2) == "<a>"
    # Out of time altogether: the timeout error.
    with pytest.raises(re2.RegexpTimeout, match=r"time limit"):
        r.match_string(s, timeout=0.0)
    with pytest.raises(re2.RegexpTimeout):
        r.replace_all_string(s, "x", timeout=0.0)
    assert time.monotonic() - start < 5
    assert isinstance(re2.RegexpTimeout("x"), RuntimeError)


def test_the_time_limit_is_the_callers() -> None:
    # Each call names its own limit; None is none at all.
    with pytest.raises(re2.RegexpTimeout):
        re2.compile("a").match_string("a", timeout=0.0)
    assert re2.compile("a").match_string("a", timeout=None)


def test_compile_cache() -> None:
    assert re2.compile("cache-me") is re2.compile("cache-me")


def test_regexp_object() -> None:
    r = re2.compile(r"(?P<word>\w+)")
    assert str(r) == r.pattern == r"(?P<word>\w+)"
    assert repr(r) == "re2.compile('(?P<word>\\\\w+)')"
    # Offsets count characters (Go's FindStringIndex counts bytes).
    assert r.find_string_index("日本 ok", timeout=LIMIT) == [3, 5]
    assert r.find_string_index("日本", timeout=LIMIT) is None
    assert r.replace_all_string_func("ab cd", str.upper, timeout=LIMIT) == "AB CD"


# ---------------------------------------------------------------------------
# Properties

text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("\n\\.+*?()|[]{}^$-_kKsS\u212a\u017f"),
        st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),  # raw bytes
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(text)
def test_quote_meta_matches_itself(s: str) -> None:
    if any("\ud800" <= c <= "\udfff" for c in s):
        with pytest.raises(re2.RegexpError, match="invalid UTF-8"):
            re2.compile(re2.quote_meta(s))
        return
    r = re2.compile("^" + re2.quote_meta(s) + "$")
    assert r.match_string(s, timeout=LIMIT)
    assert r.find_string(s, timeout=LIMIT) == s
    assert re2.compile(re2.quote_meta(s)).replace_all_string(s, "", timeout=LIMIT) == "" or not s


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([r"\w+", r"a*", r"(?i)k|s", r"\b", r".", r"[^a-z]+", r"(x)|y", ""]), text)
def test_replace_with_whole_match_is_identity(pattern: str, s: str) -> None:
    r = re2.compile(pattern)
    assert r.replace_all_string(s, "$0", timeout=LIMIT) == s
    assert r.replace_all_string(s, "${0}", timeout=LIMIT) == s
    assert r.replace_all_string_func(s, lambda m: m, timeout=LIMIT) == s


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([r",", r"\s+", r"x*", r"\b", r"[aeiou]"]), text)
def test_split_and_join(pattern: str, s: str) -> None:
    r = re2.compile(pattern)
    parts = r.split(s, timeout=LIMIT)
    matches = r.find_all_string(s, timeout=LIMIT)
    if s and all(matches):  # non-empty separators: split/join round-trips
        rebuilt = parts[0] if parts else ""
        for sep, part in zip(matches, parts[1:], strict=True):
            rebuilt += sep + part
        assert rebuilt == s
