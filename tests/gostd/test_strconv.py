"""Properties of strconv's quoting shortcuts: they must agree with the general
path, whose output the fmt tables (test_gofmt.py) pin to Go's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gotmpl.gostd import fmt as gofmt
from gotmpl.gostd import strconv

# Printable ASCII, quotes, backslashes, controls, DEL and beyond ASCII alike.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x7F),
        st.sampled_from('"\\\x7f\u00a0\u2028\u200b\U0001f600\ufffd'),
        st.characters(),
    )
)


def _escaped(s: str) -> str:
    return '"' + strconv._NEEDS_ESCAPE.sub(strconv._quote_match, s) + '"'


@given(TEXT)
def test_quote_shortcut_agrees_with_escaping(s: str) -> None:
    assert strconv.quote(s) == _escaped(s)


@given(
    TEXT,
    TEXT,
    st.sampled_from(["%q: %q", "[%q]%q", "%q%q\n", "%s=%q", "%q %v", "%v-%s", "x%%%q %s"]),
)
def test_pair_format_is_sprintf(a: str, b: str, fmt: str) -> None:
    pair = gofmt.compile_string_pair_format(fmt)
    assert pair is not None
    assert pair(a, b) == gofmt.sprintf(fmt, a, b)


def test_other_formats_have_no_pair_shortcut() -> None:
    for fmt in ["%q", "%q %q %q", "%5q: %q", "%d: %q", "%x%q", "%q: %"]:
        assert gofmt.compile_string_pair_format(fmt) is None
