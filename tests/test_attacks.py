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


# -- values Python has and Go has not ------------------------------------------------


def test_integers_of_thousands_of_digits_print_exactly() -> None:
    # Python's str() refuses more than 4300 digits (a process-wide setting gotmpl
    # leaves alone); gotmpl documents that integers beyond 64 bits print exactly.
    big = 10**5000
    digits = "1" + "0" * 5000
    assert gotmpl.render("{{.}} {{printf `%d|%v` . .}}", big) == f"{digits} {digits}|{digits}"
    assert gotmpl.render("{{.}}", {"a": [big]}) == f"map[a:[{digits}]]"
    assert gotmpl.render('{{printf "%x" .}}', 16**5000) == "1" + "0" * 5000
    from gotmpl import alertmanager

    assert alertmanager.template("t").parse("{{toJson .}}").execute([-big]) == f"[-{digits}]"


def test_durations_beyond_gos_range_are_the_nearest_duration() -> None:
    import datetime

    from gotmpl.gostd import time as gotime

    for days, nearest in [(106752, gotime.MAX_DURATION), (-(10**8), gotime.MIN_DURATION)]:
        td = datetime.timedelta(days=days)
        assert gotmpl.render("{{.}} {{.Hours}}", td) == gotmpl.render("{{.}} {{.Hours}}", nearest)
