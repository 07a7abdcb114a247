"""gotmpl against Go's text/template: the recorded conformance tables.

Each case in tests/conformance/<area>.json was rendered by real Go 1.27
(tests/conformance/record.py; the inputs are defined in
tests/conformance/cases.py). ``test_case`` renders it with gotmpl and wants the
same output, error text and phase (parse errors as ParseError, execution
errors as ExecError after the partial output, bad options as ValueError); no
Go is needed. ``test_tables_match_cases`` checks that the tables hold exactly
the cases cases.py defines, and ``test_recording_current`` (marked ``oracle``)
re-renders every case with live Go to catch drift between the tables and Go.

    PYTHONPATH=src pytest tests/test_conformance.py -m "not oracle"
    pytest tests/test_conformance.py -k "printf/"          # one area
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from testfuncs import funcs_with_include

import gotmpl
from gotmpl.exec import codegen

CONFORMANCE = Path(__file__).resolve().parent / "conformance"
_INT64 = range(-(1 << 63), 1 << 63)


def _go_int(text: str) -> int | float:
    """The oracle's number rule: an integer that fits int64 is an int, else a float64."""
    n = int(text)
    return n if n in _INT64 else float(text)


def load_area(path: Path) -> list[dict[str, Any]]:
    """The recorded cases of one area."""
    return json.loads(path.read_text(encoding="utf-8"), parse_int=_go_int)


AREAS = sorted(p.stem for p in CONFORMANCE.glob("*.json"))
CASES = [
    pytest.param(case, id=f"{area}/{case['id']}")
    for area in AREAS
    for case in load_area(CONFORMANCE / f"{area}.json")
]


def render(case: dict[str, Any]) -> dict[str, Any]:
    """Render a case with gotmpl the way the oracle does with Go; return its result."""
    name = case.get("name")
    files = case.get("files")
    if name is None:
        name = files[0][0] if files else ""
    t = gotmpl.Template(name)
    if case.get("delims") is not None:
        t.delims(*case["delims"])
    try:
        if case.get("options"):
            t.option(*case["options"])
    except ValueError as e:
        return {"output": "", "error": str(e), "phase": "option"}
    if case.get("funcs") == "test":
        t.funcs(funcs_with_include(t))
    try:
        if files is None:
            t.parse(case["template"])
        else:
            for file_name, text in files:
                (t if file_name == t.name else t.new(file_name)).parse(text)
    except gotmpl.ParseError as e:
        return {"output": "", "error": str(e), "phase": "parse"}
    out = io.StringIO()
    data = case.get("data")
    try:
        if case.get("exec") is not None:
            t.execute_template(case["exec"], data, out=out)
        else:
            t.execute(data, out=out)
    except gotmpl.ExecError as e:
        return {"output": out.getvalue(), "error": str(e), "phase": "exec"}
    return {"output": out.getvalue(), "error": None, "phase": None}


def expected(case: dict[str, Any]) -> dict[str, Any]:
    return {"output": case["output"], "error": case.get("error"), "phase": case.get("phase")}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("tier_up", [codegen.TIER_UP, 0], ids=["tiered", "straight"])
def test_case(case: dict[str, Any], tier_up: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """gotmpl's output, error text and phase equal Go's: as a template first runs
    (its lists and loops at tier 0, most tests see only that) and compiled
    straight-line at once (tier 1, what a template rendered again runs)."""
    monkeypatch.setattr(codegen, "TIER_UP", tier_up)
    got, want = render(case), expected(case)
    inputs = {k: v for k, v in case.items() if k not in ("id", "output", "error", "phase")}
    assert got == want, f"inputs: {inputs!r}\n  Go:     {want!r}\n  gotmpl: {got!r}"


def _request(case: dict[str, Any]) -> dict[str, Any]:
    keys = ("template", "files", "name", "delims", "options", "funcs", "data", "exec")
    req = {k: case[k] for k in keys if k in case}
    req.setdefault("funcs", "none")
    return req


def test_tables_match_cases() -> None:
    """Every case defined in cases.py is recorded (or excluded), and nothing else is."""
    from conformance import cases as case_defs

    excluded_path = CONFORMANCE / "excluded.txt"
    excluded = set()
    if excluded_path.exists():
        excluded = {line.split(":", 1)[0] for line in excluded_path.read_text().splitlines()}
    recorded = {case["id"] for area in AREAS for case in load_area(CONFORMANCE / f"{area}.json")}
    defined = {
        case_defs.case_id(area, case)
        for area, cases in case_defs.all_cases().items()
        for case in cases
    }
    assert sorted(defined - recorded - excluded) == [], "unrecorded cases; run record.py"
    assert sorted(recorded - defined) == [], "recorded cases not in cases.py; run record.py"


@pytest.mark.oracle
@pytest.mark.parametrize("area", AREAS)
def test_recording_current(area: str, oracle: Any) -> None:
    """The recorded results are still what Go gives (else run record.py)."""
    cases = load_area(CONFORMANCE / f"{area}.json")
    results = oracle.run_many(_request(case) for case in cases)
    stale = [
        f"{case['id']}: recorded {expected(case)!r}, Go now gives "
        f"{ {k: r.get(k) for k in ('output', 'error', 'phase')}!r}"
        for case, r in zip(cases, results, strict=True)
        if expected(case) != {k: r.get(k) for k in ("output", "error", "phase")}
    ]
    assert not stale, "stale recording; run tests/conformance/record.py:\n" + "\n".join(stale)
