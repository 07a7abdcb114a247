"""Escaping deep templates: no RecursionError, and Limits bound the escaper's work.

Go escapes thousands of nested actions, and escapes a range body twice per
level (so nested ranges cost twice as much per level, with no bound); gotmpl
escapes the former on a shallow stack and, given Limits, stops the latter with
LimitExceeded.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gotmpl
from gotmpl import html
from gotmpl.exec import builtins
from gotmpl.html.transition import decode_css

DEPTH = 3000


@pytest.mark.parametrize(
    "source",
    [
        "{{if .}}" * DEPTH + "<b>{{.}}</b>" + "{{end}}" * DEPTH,
        '{{define "a"}}{{.}}{{end}}'
        + "{{with .}}" * DEPTH
        + '<a href="{{template "a" .}}">'
        + "{{end}}" * DEPTH,
        '{{define "a"}}'
        + "{{if .}}" * DEPTH
        + "{{.}}"
        + "{{end}}" * DEPTH
        + "{{end}}"
        + '<a title="{{template "a" .}}">',
    ],
    ids=["nested ifs", "deep call", "deep copy"],
)
def test_deep_templates_escape(source: str) -> None:
    """On a value without specials, escaping changes nothing the text render writes."""
    expected = gotmpl.Template("t").parse(source).execute("plain")
    assert html.Template("t").parse(source).execute("plain") == expected


NESTED_RANGES = "{{range .}}" * 400 + "<i>{{.}}" + "{{end}}" * 400


@pytest.mark.parametrize(
    ("limits", "reason"),
    [
        (gotmpl.Limits(steps=10_000), "escaping: step limit exceeded (10000)"),
        (gotmpl.Limits(seconds=0.2), "escaping: time limit exceeded (0.2s)"),
    ],
)
def test_limits_bound_escaping(limits: gotmpl.Limits, reason: str) -> None:
    t = html.Template("t").parse('{{define "b"}}<b>{{.}}</b>{{end}}' + NESTED_RANGES)
    for _ in range(2):  # the set is left as it was: the same again
        with pytest.raises(gotmpl.LimitExceeded) as e:
            t.execute([], limits=limits)
        assert str(e.value) == "html/template:t: " + reason
        assert e.value.reason == reason
    # What was escaped before stays usable: another template of the set runs.
    assert t.execute_template("b", "<x>", limits=limits) == "<b>&lt;x&gt;</b>"


def _decode_css_by_slices(s: str) -> str:
    """CSS unescaping as gotmpl first wrote it, slicing what is left after each
    escape (quadratic in the escapes): the reference for the linear decode_css."""
    out: list[str] = []
    while s:
        i = s.find("\\")
        if i < 0:
            i = len(s)
        out.append(s[:i])
        s = s[i:]
        if len(s) < 2:
            break
        if s[1] in "0123456789abcdefABCDEF":
            j = 2
            while j < len(s) and j < 7 and s[j] in "0123456789abcdefABCDEF":
                j += 1
            r = int(s[1:j], 16)
            if r > 0x10FFFF:
                r, j = r // 16, j - 1
            out.append("\ufffd" if 0xD800 <= r <= 0xDFFF else chr(r))
            s = s[j:]
            if s[:2] == "\r\n":
                s = s[2:]
            elif s[:1] and s[0] in "\t\n\f\r ":
                s = s[1:]
        else:
            out.append(s[1])
            s = s[2:]
    return "".join(out)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("\\0aF9fG \t\r\n\f'\"(x\u00e9"), max_size=40))
def test_decode_css_is_the_slicing_decoder(s: str) -> None:
    assert decode_css(s) == _decode_css_by_slices(s)


class _Clock:
    """A meter that counts how often the clock is looked at."""

    def __init__(self) -> None:
        self.looks = 0

    def check_clock(self) -> None:
        self.looks += 1


def test_css_loops_look_at_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Decoding a style value and escaping a CSS string are loops in Python: under
    Limits they look at the execution's clock as they go (a 1.6 MB value of
    escapes took 15 s under Limits(seconds=0.5) before), and decoding is linear."""
    from gotmpl.html import escapers, transition

    clock = _Clock()
    monkeypatch.setattr(transition, "current_meter", lambda: clock)
    monkeypatch.setattr(escapers, "current_meter", lambda: clock)
    assert decode_css("\\41 " * 200_000) == "A" * 200_000
    decoding = clock.looks
    assert decoding >= 3
    escapers.ESCAPERS["_html_template_cssescaper"]("(a" + "(" * 200_000)  # an odd count of pieces
    assert clock.looks - decoding >= 3


def test_the_characters_a_name_may_hold_are_those_go_lowers_into_names() -> None:
    """The attribute-name filter fails a name at once for a character no lowering
    turns into [0-9a-z]; these are all the others (Go's case tables)."""
    from gotmpl.gostd.strings import to_lower
    from gotmpl.html.escapers import _LOWERS_TO_NAME

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    lowered = [to_lower(ch) for ch in every]
    names = {ch for ch, low in zip(every, lowered, strict=True) if low.isascii() and low.isalnum()}
    assert names == {ch for ch in every if _LOWERS_TO_NAME.fullmatch(ch)}


_EVERY_CONTEXT = (
    "<p>{{.}}</p><p title='{{.}}' class={{.}}><textarea>{{.}}</textarea>"
    "<script>var a = {{.}}, b = '{{.}}', c = `{{.}}`, d = /{{.}}/;</script>"
    "<style>p { color: {{.}}; content: '{{.}}' }</style>"
    "<a href='{{.}}' data-x='/q?x={{.}}'><img srcset='{{.}}'><p {{.}}=x><!-- {{.}} -->"
)


# Pieces of text whose escaping depends on what follows them ("%" and hex
# digits in a URL, a CSS escape and the space after it) or that change length.
_TOKENS = [
    "%",
    "%4",
    "%41",
    "%zz",
    "4",
    "a",
    "F",
    " ",
    "\\41 ",
    "\u00e9",
    "\u2028",
    "<",
    "'",
    ",",
    "-",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=12).map("".join), st.integers(3, 6))
def test_escaping_a_piece_at_a_time_writes_what_escaping_at_once_does(s: str, piece: int) -> None:
    """Under Limits long texts are escaped in pieces (exec.builtins.escaped); with
    pieces of a few characters, every context writes what it writes without Limits."""
    t = html.Template("t").parse(_EVERY_CONTEXT)
    whole = t.execute(s)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builtins, "_PIECE", piece)
        assert t.execute(s, limits=gotmpl.Limits(seconds=60)) == whole
