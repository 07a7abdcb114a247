"""The pytest plugin of gotmpl.testing (entry point ``gotmpl`` in ``pytest11``).

Fixtures: ``gotmpl_golden`` (a :class:`gotmpl.testing.Goldens` rooted at the
test file's folder, rewriting the files under ``--gotmpl-update-goldens``) and
``gotmpl_clock`` (a :class:`gotmpl.testing.FrozenClock` the templates' ``now``
reads during the test; ``@pytest.mark.gotmpl_now("2024-05-01T12:00:00Z")``
sets where it starts, 2000-01-01T00:00:00Z by default). Loading the plugin
imports the ``gotmpl`` package (about 15 ms of a pytest start-up, measured
after pytest's own imports); the rest loads when a fixture is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from . import FrozenClock, Goldens

__all__ = ["gotmpl_clock", "gotmpl_golden", "pytest_addoption", "pytest_configure"]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("gotmpl")
    group.addoption(
        "--gotmpl-update-goldens",
        action="store_true",
        default=False,
        help="gotmpl: rewrite golden files with what the templates render now",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "gotmpl_now(when): the instant the gotmpl_clock fixture starts at"
    )


@pytest.fixture
def gotmpl_golden(request: pytest.FixtureRequest) -> Goldens:
    """Golden files relative to the test file's folder."""
    from . import Goldens

    update = bool(request.config.getoption("gotmpl_update_goldens"))
    return Goldens(request.path.parent, update=update)


@pytest.fixture
def gotmpl_clock(request: pytest.FixtureRequest) -> Iterator[FrozenClock]:
    """The templates' clock, frozen for this test (and only in its context)."""
    from . import freeze_clock

    marker = request.node.get_closest_marker("gotmpl_now")
    args = () if marker is None else marker.args[:1]
    with freeze_clock(*args) as clock:
        yield clock
