"""gotmpl.html against Go's html/template on the recorded table (tests/data/html_cases.json).

The table is recorded from Go by tests/data/record_html_cases.py: every escaping
context with ordinary, hostile and typed values, JS's regexp-or-division rules,
JSON-like values, branches, range loops, templates called in other contexts,
every ErrorCode, missingkey options, predefined escapers, execution errors,
Alertmanager-style mail, and the API around escaping (a set is escaped on first
execution, then closed to parsing and cloning). The test marked ``oracle`` checks that the recording is
current.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import harness
import pytest

from gotmpl import ExecError, html
from gotmpl.exec import codegen

DATA = Path(__file__).resolve().parents[1] / "data"
CASES: list[dict[str, Any]] = json.loads((DATA / "html_cases.json").read_text("utf-8"))
RESULT = ("output", "error", "phase")


def _load_recorder() -> Any:
    spec = importlib.util.spec_from_file_location(
        "record_html_cases", DATA / "record_html_cases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
@pytest.mark.parametrize("tier_up", [codegen.TIER_UP, 0], ids=["tiered", "straight"])
def test_recorded_case(case: dict[str, Any], tier_up: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # As a template first runs (tier 0) and compiled straight-line at once (tier 1).
    monkeypatch.setattr(codegen, "TIER_UP", tier_up)
    expected = {k: case[k] for k in RESULT}
    if "after" in case:
        expected["then"] = case["after"]
    assert harness.run(case) == expected


def test_table_covers_the_issue() -> None:
    """At least 1,500 cases, in every area, with escaping errors of every code Go
    returns. Go never returns ErrJSTemplate (deprecated) nor ErrRangeLoopReentry
    (a loop that cannot re-enter is a branch-end error "on range loop re-entry")."""
    assert len(CASES) >= 1500
    areas = {c["area"] for c in CASES}
    assert set(_load_recorder().AREAS) == areas
    codes = set()
    for case in CASES:
        if case["error"] and case["error"].startswith("html/template:"):
            try:
                harness.run_raising(case)
            except html.EscapeError as e:
                codes.add(e.code)
            except ExecError:
                pass  # html/template's other errors: "x" is undefined ...
    unused = {html.ErrorCode.OK, html.ErrorCode.JS_TEMPLATE, html.ErrorCode.RANGE_LOOP_REENTRY}
    expected = set(html.ErrorCode) - unused
    assert codes == expected


def test_hostile_values_are_neutralised() -> None:
    """No recorded rendering of a hostile value runs it: scripts and javascript:
    URLs the data brought never appear as markup."""
    for case in CASES:
        if case["phase"] is None and isinstance(case.get("data"), str):
            data = case["data"]
            if "<script>" in data:
                assert data not in case["output"], case["id"]


@pytest.mark.oracle
def test_recording_is_current(oracle: Any) -> None:
    entries, _ = _load_recorder().record(oracle)
    assert entries == CASES
