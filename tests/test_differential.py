"""Live differential tests: random templates and data, rendered by gotmpl and by Go.

Marked ``oracle``: they build and run the Go oracle. A failure shrinks to a small
template and data and shows both results. GOTMPL_FUZZ_EXAMPLES sets the number of
examples (default 500 per test); GOTMPL_FUZZ_RANDOM=1 draws new examples on each
run instead of the same derandomized ones.
"""

from __future__ import annotations

import io
import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, reject, settings
from strategies import corners, data, mangled, templates

import gotmpl
from gotmpl import alertmanager

EXAMPLES = int(os.environ.get("GOTMPL_FUZZ_EXAMPLES", "500"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("GOTMPL_FUZZ_RANDOM") != "1",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

pytestmark = pytest.mark.oracle


def gotmpl_result(
    template: str, value: Any, funcs: str = "none"
) -> tuple[str, str | None, str | None]:
    """(output, error, phase) as the oracle reports them; ``funcs`` as the oracle's."""
    t = alertmanager.template("t") if funcs == "alertmanager" else gotmpl.Template("t")
    try:
        t.parse(template)
    except gotmpl.ParseError as e:
        return "", str(e), "parse"
    out = io.StringIO()
    try:
        t.execute(value, out=out)
    except gotmpl.ExecError as e:
        return out.getvalue(), str(e), "exec"
    return out.getvalue(), None, None


def check_like_go(oracle: Any, template: str, value: Any, funcs: str = "none") -> None:
    go = oracle.run({"template": template, "name": "t", "data": value, "funcs": funcs})
    if go["phase"] in ("timeout", "limit"):
        # Go did not finish (a range over a huge integer) or wrote more than the
        # oracle keeps (64 MiB, nested ranges): gotmpl, without limits here, would
        # not finish either, or fill the memory; nothing to compare.
        reject()
    expected = (go["output"], go["error"], go["phase"])
    actual = gotmpl_result(template, value, funcs)
    assert actual == expected, (
        f"\ntemplate: {template!r}\ndata:     {json.dumps(value, ensure_ascii=False)}"
        f"\nGo:       {expected!r}\ngotmpl:   {actual!r}"
    )


@FUZZ
@given(template=templates(), value=data())
def test_random_templates_render_like_go(oracle: Any, template: str, value: Any) -> None:
    check_like_go(oracle, template, value)


@FUZZ
@given(template=mangled(), value=data())
def test_damaged_templates_fail_like_go(oracle: Any, template: str, value: Any) -> None:
    check_like_go(oracle, template, value)


@FUZZ
@given(template=templates("alertmanager"), value=data())
def test_random_alertmanager_templates_render_like_go(
    oracle: Any, template: str, value: Any
) -> None:
    # Alertmanager's functions: time values (toDate) under every printf verb.
    check_like_go(oracle, template, value, "alertmanager")


@FUZZ
@given(template=corners(), value=data())
def test_corners_render_like_go(oracle: Any, template: str, value: Any) -> None:
    check_like_go(oracle, template, value)


@FUZZ
@given(template=corners("alertmanager"), value=data())
def test_alertmanager_corners_render_like_go(oracle: Any, template: str, value: Any) -> None:
    check_like_go(oracle, template, value, "alertmanager")
