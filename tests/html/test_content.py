"""html/template's typed content in text/template: printed, compared and passed as Go does.

Expected outputs are Go's, recorded by tests/data/record_html_content.py into
tests/data/html_content_cases.json; the test marked ``oracle`` checks that the
recording is current.
"""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path
from typing import Any

import pytest

import gotmpl
from gotmpl import html

DATA = Path(__file__).resolve().parents[1] / "data"
TABLE = json.loads((DATA / "html_content_cases.json").read_text("utf-8"))
CASES: list[dict[str, Any]] = TABLE["cases"]


def _load_recorder() -> Any:
    spec = importlib.util.spec_from_file_location(
        "record_html_content", DATA / "record_html_content.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RECORDER = _load_recorder()


def run(template: str) -> dict[str, Any]:
    """Renders like the oracle: the same value under each type's name."""
    data = {name: getattr(html, name)(TABLE["value"]) for name in RECORDER.TYPES}
    out = io.StringIO()
    try:
        gotmpl.Template("t").parse(template).execute(data, out)
    except gotmpl.ExecError as e:
        return {"output": out.getvalue(), "error": str(e), "phase": "exec"}
    return {"output": out.getvalue(), "error": None, "phase": None}


@pytest.mark.parametrize("case", CASES, ids=[c["template"] for c in CASES])
def test_recorded_case(case: dict[str, Any]) -> None:
    assert run(case["template"]) == {k: case[k] for k in ("output", "error", "phase")}


def test_every_content_type_is_exported() -> None:
    content_types = [n for n in html.content.__all__ if n != "ContentType"]
    assert sorted(content_types) == sorted(RECORDER.TYPES)
    for name in RECORDER.TYPES:
        assert name in html.__all__
        cls = getattr(html, name)
        assert issubclass(cls, str) and cls.__go_type__ == f"template.{name}"


@pytest.mark.oracle
def test_recording_is_current(oracle: Any) -> None:
    """Go, run now, gives every recorded answer."""
    results = oracle.run_many(RECORDER.requests())
    got = [
        {"template": c["template"], **{k: r[k] for k in ("output", "error", "phase")}}
        for c, r in zip(RECORDER.requests(), results, strict=True)
    ]
    assert got == CASES
