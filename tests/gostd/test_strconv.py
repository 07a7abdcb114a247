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
    return '"' + strconv._needs_escape().sub(strconv._quote_match, s) + '"'


# ASCII alone, which is escaped through a class of its own.
ASCII = st.text(alphabet=st.characters(max_codepoint=0x7F))


@given(TEXT | ASCII)
def test_quote_shortcut_agrees_with_escaping(s: str) -> None:
    assert strconv.quote(s) == _escaped(s)


@given(TEXT)
def test_quote_by_character_agrees_with_escaping(s: str) -> None:
    """Before the class is compiled, text is escaped character by character."""
    assert strconv._quote_by_character(s) == _escaped(s)


FORMATS = [
    "%q: %q",
    "[%q]%q",
    "%q%s%q",
    "%q%q\n",
    "%s=%q",
    "%q %v",
    "%v-%s",
    "x%%%q %s",
    "%q",
    "%s",
    "%d %q",
]
OPERAND = st.one_of(TEXT, st.integers(), st.booleans(), st.binary(), st.none())


@given(st.sampled_from(FORMATS), st.lists(OPERAND, max_size=3))
def test_compiled_format_is_sprintf(fmt: str, operands: list[object]) -> None:
    """compile_format's shortcuts (string operands, plain verbs) agree with sprintf."""
    assert gofmt.compile_format(fmt, len(operands))(*operands) == gofmt.sprintf(fmt, *operands)


@given(st.sampled_from(FORMATS), TEXT, TEXT)
def test_compiled_format_on_strings_is_sprintf(fmt: str, a: str, b: str) -> None:
    operands = (a, b)[: fmt.count("%") - 2 * fmt.count("%%")]
    assert gofmt.compile_format(fmt, len(operands))(*operands) == gofmt.sprintf(fmt, *operands)
