"""The scanner's token streams: the recorded reference, the fast path against the
general one, and properties of any stream.

tests/parse/scanner_cases.json holds ~5,300 inputs with the ``lex`` and ``refine``
streams recorded from the scanner before its fast path for plain actions existed
(by tests/parse/record_scanner_cases.py); the scanner must reproduce them token
for token. The properties below hold for every input hypothesis draws.
"""

from __future__ import annotations

import json
from pathlib import Path
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from gotmpl.parse import scanner
from gotmpl.parse.scanner import Tok, lex, refine

CASES = json.loads((Path(__file__).parent / "scanner_cases.json").read_text("utf-8"))


def stream(toks: list[Tok]) -> list[list[object]]:
    return [[t.type, t.value, t.pos, t.line] for t in toks]


def test_recorded_streams() -> None:
    wrong = []
    for text, left, right, break_ok, continue_ok, lexed, refined in CASES:
        toks = lex(text, left, right, break_ok, continue_ok)
        if stream(toks) != lexed or stream(refine(toks, "p")) != refined:
            wrong.append((text, left, right))
    assert not wrong, f"{len(wrong)} streams differ, the first: {wrong[0]!r}"


# -- generated templates ---------------------------------------------------------------

_ACTION_PIECES = [
    " ", "  ", "\t", "\n", "\r\n", ".", ".x", ".Name", ".a.b", ".é", ".日", "..", ".5", "$",
    "$x", "$.", "$x.y", "$日", "if", "else", "end", "range", "with", "define", "template",
    "block", "break", "continue", "nil", "true", "false", "printf", "x_1", "αβ",
    '"a"', '"a\\"b"', '"\\\\"', '"\\n"', '"}}"', '"', '"a\\', '"é"', "`a`", "`a\nb`", "`}}`",
    "`", "'a'", "'\\''", "'ab'", "'", "'\\", "0", "1", "-1", "+1", "1.5", ".5", "1e3",
    "1E-3", "0x1F", "0x1p-2", "0o17", "0b101", "017", "1_000", "1i", "2.5e-3i", "1+2i",
    "1-2i", "1+2", "0x", "1a", "1.2.3", "1e", "-", "+", "|", ":=", "=", ":", ",", "(", ")",
    "@", "\x00", "\x7f", "é", "\u200b", "\u00a0", "/* c */", "/*", "*/", "}}", "{{", "-}}",
    " -}}", "{{-", "}", "{", "-", " -", "]]", "[[", "%}", ">",
]  # fmt: skip
_DELIMS = [("{{", "}}"), ("[[", "]]"), ("{%", "%}"), ("<", ">"), ("((", "))"), ("@", "@")]


@st.composite
def templates(draw: st.DrawFn) -> tuple[str, str, str, bool, bool]:
    """(text, left, right, break_ok, continue_ok): text and actions made mostly of
    action syntax, under default or custom delimiters."""
    left, right = draw(st.sampled_from(_DELIMS)) if draw(st.booleans()) else ("{{", "}}")
    text_piece = st.text(st.sampled_from([*"a \n\t-{}日"]), max_size=4)
    action_piece = st.one_of(st.sampled_from(_ACTION_PIECES), st.text(max_size=2))
    parts = [draw(text_piece)]
    for _ in range(draw(st.integers(0, 4))):
        parts.append(left + draw(st.sampled_from(["", "", "- ", "-", "/* c */"])))
        parts.extend(draw(st.lists(action_piece, max_size=8)))
        if draw(st.integers(0, 9)):
            parts.append(draw(st.sampled_from(["", "", " -", "-"])) + right)
        parts.append(draw(text_piece))
    return "".join(parts), left, right, draw(st.booleans()), draw(st.booleans())


@settings(max_examples=400, deadline=None)
@given(templates())
def test_stream_properties(case: tuple[str, str, str, bool, bool]) -> None:
    """Every token but the last is a piece of the text, at its position, in order,
    without overlap; the last is ``$END`` at the end or an ``ERROR``; a token's
    line is one more than the newlines before it."""
    text, left, right, break_ok, continue_ok = case
    toks = lex(text, left, right, break_ok, continue_ok)
    *body, last = toks
    end = 0
    for tok in body:
        assert tok.type not in ("$END", "ERROR")
        assert tok.value and text.startswith(tok.value, tok.pos), tok
        assert tok.pos >= end, tok
        end = tok.pos + len(tok.value)
    assert last.type == "ERROR" or (last.type, last.pos) == ("$END", len(text))
    for tok in toks:
        assert tok.line == 1 + text.count("\n", 0, tok.pos), tok


@settings(max_examples=300, deadline=None)
@given(templates())
def test_refined_stream(case: tuple[str, str, str, bool, bool]) -> None:
    """refine turns spaces into SP or drops them and keeps the order; each token
    it passes on unchanged is one of lex's."""
    text, left, right, break_ok, continue_ok = case
    toks = lex(text, left, right, break_ok, continue_ok)
    refined = refine(toks, "p")
    assert all(t.type != "SPACE" for t in refined)
    positions = [t.pos for t in refined]
    assert positions == sorted(positions)
    lexed = {(t.type, t.value, t.pos) for t in toks}
    for tok in refined:
        if tok.type not in ("SP", "DECLVAR", "ERROR", "FAIL"):
            assert (tok.type, tok.value, tok.pos) in lexed, tok


# Plain actions (what the fast path takes) with a little of everything else.
_PLAIN_PIECES = [
    " ", " ", "  ", "\t", "\n", ".", ".x", ".Name", ".a.b", "$", "$x", "$x.y", "if", "else",
    "end", "range", "with", "define", "template", "block", "break", "continue", "nil",
    "true", "printf", "x_1", '"a"', '"a\\"b"', '"\\\\"', '"}}"', '"]]"', "`a`", "`a\nb`",
    "`}}`", "0", "17", "-1", "+2", "|", ":=", "=", ",", "(", ")", "(.x)", "-", "é", "'a'",
    "1.5", "@", '"', "x-", "0x1", "1a",
]  # fmt: skip


@st.composite
def plain_templates(draw: st.DrawFn) -> tuple[str, str, str, bool, bool]:
    left, right = draw(st.sampled_from(_DELIMS)) if draw(st.integers(0, 3)) == 0 else ("{{", "}}")
    parts = [draw(st.sampled_from(["", "a", " \n ", "x\ny "]))]
    for _ in range(draw(st.integers(1, 5))):
        parts.append(left + draw(st.sampled_from(["", "", "- ", "-\n", "-", "/* c */"])))
        parts.extend(draw(st.lists(st.sampled_from(_PLAIN_PIECES), max_size=7)))
        parts.append(draw(st.sampled_from(["", "", " -", "\n-", "-"])) + right)
        parts.append(draw(st.sampled_from(["", "a", " \n ", "\t"])))
    return "".join(parts), left, right, draw(st.booleans()), draw(st.booleans())


@settings(max_examples=1500, deadline=None)
@given(st.one_of(plain_templates(), templates()))
def test_fast_path_is_the_general_path(case: tuple[str, str, str, bool, bool]) -> None:
    """Plain actions lexed by the fast path give the stream the general path gives."""
    toks = lex(*case)
    with mock.patch.object(scanner, "_plain_recipe", return_value=None):
        general = lex(*case)
    assert stream(toks) == stream(general)
    assert stream(refine(toks, "p")) == stream(refine(general, "p"))
