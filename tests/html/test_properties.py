"""Properties of escaped output that hold for any data, checked with hypothesis.

For every context of the recorded table: whatever string a value holds, the
output has as many "<" as with a harmless value (data opens no tag, script or
comment), the text after the value is read in the same context (data cannot
end a string, an attribute or a script early), and a URL attribute never
starts with a scheme other than http, https or mailto.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gotmpl import ExecError, html
from gotmpl.html import escapers
from gotmpl.html.context import Context, State
from gotmpl.html.escapers import ESCAPERS, UNCHANGED
from gotmpl.html.transition import context_after_text

DATA = Path(__file__).resolve().parents[1] / "data"
MARK = "Zq9"  # text of the template after the value; data never holds a Z
HOSTILE = st.text(
    alphabet=st.sampled_from(list("ab <>/&'\"`=\\${}()[];:#?!-*\n\t\u2028é\x00")) | st.characters(),
    max_size=24,
).filter(lambda s: "Z" not in s)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _contexts() -> list[str]:
    spec = importlib.util.spec_from_file_location(
        "record_html_cases", DATA / "record_html_cases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [t for t in module.CONTEXTS if t.count("{{.}}") == 1]


CONTEXTS = _contexts()


def render(template: str, value: Any) -> str | None:
    """The output, or None when the template does not escape."""
    try:
        return html.Template("t").parse(template).execute(value)
    except ExecError:
        return None


def context_before_mark(output: str) -> tuple[Any, ...]:
    """Where the output's last MARK is read: the state, the attribute delimiter,
    the attribute and the element. A value may move within a URL or between
    regexp and division, and (as in Go, whose filter lets ";" through) out of
    the URL of a meta refresh into the rest of its content; not elsewhere."""
    end = output.rindex(MARK)
    c = Context()
    i = 0
    while i < end:
        c, n = context_after_text(c, output[i:end])
        i += n
    state = State.META_CONTENT if c.state == State.META_CONTENT_URL else c.state
    return (state, c.delim, c.attr, c.element)


@pytest.mark.parametrize("template", CONTEXTS)
@PROPERTY
@given(value=HOSTILE)
def test_data_cannot_change_the_context(template: str, value: str) -> None:
    marked = template.replace("{{.}}", "{{.}}" + MARK)
    harmless = render(marked, "x")
    if harmless is None or MARK not in harmless:
        return  # no escaping, or the value is in a comment (left out)
    out = render(marked, value)
    assert out is not None
    assert out.count("<") == harmless.count("<")
    assert context_before_mark(out) == context_before_mark(harmless)


_URL_ATTR = re.compile(r"""(?:href|src|action|data-url)=["']?\s*([^"'\s>]*)""")


@pytest.mark.parametrize(
    "template", [t for t in CONTEXTS if re.search(r"(href|src|action)=[\"']?\{\{", t)]
)
@PROPERTY
@given(value=HOSTILE | st.sampled_from(["javascript:x", " JAVASCRIPT:x", "data:x", "vbscript:x"]))
def test_urls_keep_safe_schemes(template: str, value: str) -> None:
    out = render(template, value)
    assert out is not None
    for url in _URL_ATTR.findall(out):
        scheme, colon, _ = url.partition(":")
        if colon and "/" not in scheme:
            assert scheme.lower() in ("http", "https", "mailto"), out


@pytest.mark.parametrize("name", sorted(UNCHANGED))
@PROPERTY
@given(value=HOSTILE | st.sampled_from(["", "a", "https://x/y?z", "HTTP:x", "a b"]))
def test_unchanged_strings_are_what_escapers_leave_alone(name: str, value: str) -> None:
    """The compiler skips an escaper for the strings UNCHANGED says it leaves as
    they are: it must leave them so."""
    unchanged = UNCHANGED[name]
    if isinstance(unchanged, str):
        kept = value.isalnum() or not any(ch in value for ch in unchanged)
    else:
        kept = unchanged(value) is None
    if kept:
        assert ESCAPERS[name](value) == value


_URLISH = st.text(alphabet=st.sampled_from(list('%%%aF09zG/?:= é\x7f"<')), max_size=12)


_SCHEMEISH = st.tuples(
    st.sampled_from(["", "http", "https", "HTTPS", "hTtp", "mailto", "javascript", "ftp", "/x"]),
    st.text(alphabet=st.sampled_from(list("hHtTpPsS:/ax")), max_size=8),
).map("".join)


@PROPERTY
@given(_SCHEMEISH)
def test_url_scheme_check_finds_what_its_pattern_finds(text: str) -> None:
    """The URL filter's check, decided at once for an http or https start, finds
    an unsafe scheme exactly where its pattern does."""
    found = UNCHANGED["_html_template_urlfilter"](text)  # type: ignore[operator]
    assert (found is None) == (escapers._UNSAFE_SCHEME.search(text) is None)


@PROPERTY
@given(_URLISH)
def test_url_normalizing_finds_what_its_exact_pattern_finds(text: str) -> None:
    """The search begun at the first byte outside the kept ones finds the same first
    match as the exact pattern searched from the start (bytes and str)."""

    def span(m: Any) -> Any:
        return None if m is None else m.span()

    b = text.encode()
    assert span(escapers._url_normalize_search(b)) == span(escapers._URL_NORMALIZE.search(b))
    exact = re.compile(escapers._URL_NORMALIZE.pattern.decode())
    assert span(UNCHANGED["_html_template_urlnormalizer"](text)) == span(exact.search(text))  # type: ignore[operator]
