"""pytest-benchmark: gotmpl beside Jinja2 and gotpl, with Go's time in ``extra_info``.

Groups: ``render pagerduty N alerts`` (N = 3, 30, 300), ``parse pagerduty``
(parse and compile, no cache), ``html email N alerts`` (N = 3, 30: the HTML
mail through html/template, beside its text render and gotpl's html mode) and
``micro SHAPE`` for each hot shape. Run with
``python -m benchmarks.run`` (interleaved table) or ``pytest benchmarks/
--benchmark-only``; see benchmarks/README.md.
"""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks import cases, data, templates
from benchmarks.conftest import GoTimings

PARSE_ITERATIONS = 12


def _need(engine: str) -> None:
    if engine == "gotpl" and not templates.have_gotpl():
        pytest.skip("gotpl is not installed")


def _record(benchmark: Any, engine: str, go_ns: float | None, **info: Any) -> None:
    benchmark.extra_info["engine"] = engine
    benchmark.extra_info.update(info)
    if go_ns is not None:
        benchmark.extra_info["go_ns_per_op"] = go_ns


@pytest.mark.parametrize("n", data.SIZES)
@pytest.mark.parametrize("engine", cases.ENGINES)
def test_render_pagerduty(benchmark: Any, engine: str, n: int, go_timings: GoTimings) -> None:
    """Render the PagerDuty payload for a group of ``n`` alerts."""
    _need(engine)
    benchmark.group = f"render pagerduty {n} alerts"
    fn = cases.render_case(engine, n)
    _record(benchmark, engine, go_timings.render(n), alerts=n)
    out = benchmark(fn)
    benchmark.extra_info["output_chars"] = len(out)


@pytest.mark.parametrize("engine", cases.ENGINES)
def test_parse_pagerduty(benchmark: Any, engine: str, go_timings: GoTimings) -> None:
    """Parse and compile the 2.3 KB PagerDuty template from source."""
    _need(engine)
    benchmark.group = "parse pagerduty"
    fn = cases.parse_case(engine)
    _record(benchmark, engine, go_timings.parse(), source_chars=len(templates.PAGERDUTY_GO))
    # Rounds of 12 parses: garbage a parse leaves for the cyclic collector is
    # collected every few parses, and a round's mean should include it.
    benchmark.pedantic(fn, rounds=10, iterations=PARSE_ITERATIONS, warmup_rounds=1)


@pytest.mark.parametrize("n", cases.HTML_SIZES)
@pytest.mark.parametrize("engine", cases.HTML_ENGINES)
def test_render_html_email(benchmark: Any, engine: str, n: int) -> None:
    """Render the HTML mail for ``n`` alerts: html/template, its text render, gotpl."""
    _need(engine)
    benchmark.group = f"html email {n} alerts"
    fn = cases.html_case(engine, n)
    _record(benchmark, engine, None, alerts=n)
    out = benchmark(fn)
    benchmark.extra_info["output_chars"] = len(out)


@pytest.mark.parametrize("m", templates.MICROS, ids=lambda m: m.name)
@pytest.mark.parametrize("engine", cases.ENGINES)
def test_micro(benchmark: Any, engine: str, m: templates.Micro, go_timings: GoTimings) -> None:
    """One hot shape, repeated or ranged so that it dominates the call overhead."""
    _need(engine)
    benchmark.group = f"micro {m.name}"
    fn = cases.micro_case(engine, m)
    _record(benchmark, engine, go_timings.micro(m), template=m.go)
    benchmark(fn)
