"""Attacks on the promises of README "Untrusted templates": huge, deep, wide and shared
templates and data.

Each attack asserts what gotmpl promises for any template and data: no crash, no
exception but a TemplateError, the caller's data unchanged, Limits holding within
twice their bound, and memory in proportion to the input. Cases that could take the
interpreter down run in a fresh one (see ``_fresh``).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from typing import Any

import gotmpl


def _peak_bytes(work: Callable[[], Any]) -> int:
    """The peak of memory traced while ``work()`` ran, above what was traced before."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        work()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


# -- huge templates --------------------------------------------------------------------


def test_many_actions_cost_little_memory_each() -> None:
    # Go parses a million actions in about 275 bytes each; gotmpl stays below 2 KB
    # for parsing and compiling (a generated function is compiled per 64 actions).
    n = 10_000
    text = "{{.}}" * n
    peak = _peak_bytes(lambda: gotmpl.Template("t").parse(text).execute(1))
    assert peak < 2048 * n


def test_huge_string_literals_cost_little_memory() -> None:
    n = 300_000
    for text in [
        '{{"' + "a" * n + '"}}',
        '{{"' + "\\n" * (n // 2) + '"}}',
        "{{`" + "a" * n + "`}}",
    ]:
        gotmpl.Template("t").parse("{{1}}")  # warm-up: the grammar is loaded
        peak = _peak_bytes(lambda text=text: gotmpl.Template("t").parse(text).execute())
        assert peak < 16 * n, text[:8]


def test_escapes_in_strings_keep_lone_surrogates_go_strings() -> None:
    # A Python template may hold a lone surrogate, which counts as U+FFFD once
    # escapes make the literal a byte string; without escapes it stays as written.
    assert gotmpl.render('{{"\ud800\\n"}}') == "\ufffd\n"
    assert gotmpl.render('{{"a\\xc3\\xa9\\x80"}}') == "a\u00e9\udc80"
    assert gotmpl.render('{{"\ud800"}}') == "\ud800"
