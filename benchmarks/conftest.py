"""Fixtures for the benchmarks: Go's timings of the same templates, from the oracle.

Go is optional here: without a Go toolchain (or with ``GOTMPL_BENCH_GO=0``)
the Go column stays empty and everything else runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks import cases, data, templates

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from goracle import Oracle, OracleError, find_go


class GoTimings:
    """Go's ns/op for the benchmark cases, asked of the oracle once each and kept."""

    def __init__(self, oracle: Oracle | None, clock: str = "wall") -> None:
        self.oracle = oracle
        self.clock = clock
        self.results: dict[str, float] = {}
        self.errors: dict[str, str] = {}

    def _time(self, key: str, case: dict[str, Any], *, parse: bool = False) -> float | None:
        if key in self.results:
            return self.results[key]
        if self.oracle is None or key in self.errors:
            return None
        try:
            timing = self.oracle.timing(case, parse=parse, clock=self.clock)
        except OracleError as e:
            self.errors[key] = str(e)
            return None
        self.results[key] = timing["ns_per_op"]
        if parse:
            self.results["parse pagerduty"] = timing["parse_ns_per_op"]
        return self.results[key]

    def render(self, n: int) -> float | None:
        """ns per execution of the PagerDuty template on ``n`` alerts."""
        case = cases.go_render_request(n)
        return self._time(f"render pagerduty {n}", case, parse=n == data.SIZES[0])

    def parse(self) -> float | None:
        """ns per New+Option+Funcs+Parse of the PagerDuty template."""
        if "parse pagerduty" not in self.results:
            self.render(data.SIZES[0])
        return self.results.get("parse pagerduty")

    def micro(self, m: templates.Micro) -> float | None:
        """ns per execution of a micro shape on ``data.micro_data()``."""
        return self._time(f"micro {m.name}", cases.go_micro_request(m))


@pytest.fixture(scope="session")
def go_timings(pytestconfig: pytest.Config) -> Iterator[GoTimings]:
    """Go's timings, or an empty GoTimings when Go is not available.

    Go's clock follows pytest-benchmark's: CPU time under
    ``--benchmark-timer=time.process_time``, else wall time.
    """
    timer = str(pytestconfig.getoption("benchmark_timer", None) or "")
    clock = "cpu" if "process_time" in timer else "wall"
    if os.environ.get("GOTMPL_BENCH_GO", "1") == "0" or find_go() is None:
        yield GoTimings(None)
        return
    try:
        oracle = Oracle()
    except OracleError as e:
        print(f"\nGo oracle unavailable: {e}")
        yield GoTimings(None)
        return
    timings = GoTimings(oracle, clock)
    _SEEN.append(timings)
    try:
        yield timings
    finally:
        oracle.close()


_SEEN: list[GoTimings] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Prints Go's timings after the benchmark tables."""
    for timings in _SEEN:
        if timings.results:
            terminalreporter.section(
                f"Go text/template (oracle), median {timings.clock} time per op"
            )
            for key, ns in timings.results.items():
                terminalreporter.write_line(f"{key:<28} {ns / 1000:12.3f} us")
        for key, err in timings.errors.items():
            terminalreporter.write_line(f"{key}: Go failed: {err}")
