"""Live differential test: random html templates and data, rendered by gotmpl.html and Go.

Marked ``oracle``. GOTMPL_FUZZ_EXAMPLES sets the number of examples (default
500); GOTMPL_FUZZ_RANDOM=1 draws new ones on each run.
"""

from __future__ import annotations

import json
import os
from typing import Any

import harness
import html_strategies
import pytest
from hypothesis import HealthCheck, given, reject, settings

EXAMPLES = int(os.environ.get("GOTMPL_FUZZ_EXAMPLES", "500"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("GOTMPL_FUZZ_RANDOM") != "1",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

pytestmark = pytest.mark.oracle


@FUZZ
@given(template=html_strategies.templates(), data=html_strategies.data())
def test_random_html_templates_render_like_go(
    oracle: Any, template: dict[str, Any], data: dict[str, Any]
) -> None:
    case = {**template, "data": data, "funcs": "test"}
    go = oracle.run(harness.request(case))
    if go["phase"] in ("timeout", "limit"):
        reject()  # Go did not finish, or wrote more than the oracle keeps: see test_differential
    expected = {k: go[k] for k in ("output", "error", "phase")}
    assert harness.run(case) == expected, json.dumps(case, ensure_ascii=False)
