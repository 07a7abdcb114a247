"""Payload fuzzing: fuzz_payload finds the data that breaks a template, and shrinks it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import gotmpl
from gotmpl import alertmanager, cubeapm
from gotmpl.tools.fuzz import FuzzProgress, FuzzReport, _webhook, fuzz_payload
from gotmpl.tools.jsoncheck import JsonProblem, check_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SAMPLE: dict[str, Any] = json.loads((EXAMPLES / "alerts.json").read_text("utf-8"))


def example(name: str) -> gotmpl.Template:
    """An example template, as CubeAPM runs it (the seed's has CubeAPM's fields)."""
    return cubeapm.template(name).parse((EXAMPLES / name).read_text("utf-8"))


def reproduce(template: gotmpl.Template, report: FuzzReport) -> JsonProblem | None:
    assert report.data is not None
    source_map = template.execute_with_source_map(cubeapm.Data.from_dict(report.data))
    assert source_map.text == report.output
    return check_json(source_map)


def test_breaks_the_seed_template_within_300_examples() -> None:
    seed_template = example("pagerduty.tmpl")
    report = fuzz_payload(seed_template, SAMPLE, examples=300, profile="cubeapm")
    assert not report.ok
    assert 1 < report.examples <= 300  # the sample itself is JSON
    assert isinstance(report.problem, JsonProblem)
    assert report.message == report.problem.message
    assert report.message.startswith("pagerduty.tmpl:")
    assert " wrote " in report.message
    # The report is what rendering the minimal data again gives.
    assert reproduce(seed_template, report) == report.problem
    # Shrunk: one alert, and what Alertmanager derives from it.
    assert report.data is not None and len(report.data["alerts"]) == 1
    alert = report.data["alerts"][0]
    assert report.data["commonLabels"] == alert["labels"]
    assert report.data["commonAnnotations"] == alert["annotations"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_breaks_the_seed_template_from_other_seeds(seed: int) -> None:
    report = fuzz_payload(
        example("pagerduty.tmpl"), SAMPLE, examples=300, seed=seed, profile="cubeapm"
    )
    assert not report.ok and report.examples <= 300
    assert report.seed == seed
    assert isinstance(report.problem, JsonProblem)


def test_the_same_seed_finds_the_same_data() -> None:
    t = example("pagerduty.tmpl")
    assert fuzz_payload(t, SAMPLE, seed=7, profile="cubeapm") == fuzz_payload(
        t, SAMPLE, seed=7, profile="cubeapm"
    )
    assert fuzz_payload(t, SAMPLE, profile="cubeapm") == fuzz_payload(
        t, SAMPLE, profile="cubeapm"
    )  # derandomized


def test_passes_the_json_safe_template() -> None:
    report = fuzz_payload(example("pagerduty-safe.tmpl"), SAMPLE, examples=300, profile="cubeapm")
    assert report == FuzzReport(ok=True, examples=300)
    assert report.message == ""


def test_without_check_json_only_execution_errors_count() -> None:
    report = fuzz_payload(
        example("pagerduty.tmpl"), SAMPLE, check_json=False, examples=40, profile="cubeapm"
    )
    assert report.ok and report.examples == 40


def test_finds_an_execution_error() -> None:
    """The sample has two alerts; a group of one makes index fail."""
    t = alertmanager.template("second.tmpl").parse("{{ (index .Alerts 1).Status }}")
    report = fuzz_payload(t, SAMPLE, check_json=False, examples=100)
    assert not report.ok
    assert isinstance(report.problem, str)
    assert report.problem.startswith(
        'template: second.tmpl:1:4: executing "second.tmpl" at <index .Alerts 1>: error calling index:'
    )
    assert report.data is not None and len(report.data["alerts"]) == 1
    assert report.output == ""


def test_a_broken_sample_is_reported_as_the_first_example() -> None:
    t = alertmanager.template("t").parse('{"env": "{{ .CommonLabels.env }}"}')
    sample = json.loads(json.dumps(SAMPLE))
    sample["commonLabels"]["env"] = 'a"b'
    report = fuzz_payload(t, sample)
    assert (report.ok, report.examples, report.data) == (False, 1, sample)
    assert report.message == "t:1:10: {{ .CommonLabels.env }} wrote '\"' inside a JSON string"


def test_one_example_is_the_sample_alone() -> None:
    assert fuzz_payload(
        example("pagerduty.tmpl"), SAMPLE, examples=1, profile="cubeapm"
    ) == FuzzReport(True, 1)
    with pytest.raises(ValueError, match="at least 1"):
        fuzz_payload(example("pagerduty.tmpl"), SAMPLE, examples=0, profile="cubeapm")


def test_a_sample_that_is_not_a_webhook_payload() -> None:
    with pytest.raises(ValueError, match="receiver"):
        fuzz_payload(example("pagerduty.tmpl"), {"receiver": 5}, profile="cubeapm")


def test_plain_json_data() -> None:
    """With the text profile, the sample is any JSON: strings vary, keys go, lists resize."""
    t = gotmpl.Template("user.tmpl").parse('{"name": "{{ .user.name }}"}')
    sample = {"user": {"name": "ada", "id": 7}, "tags": ["a", "b"]}
    report = fuzz_payload(t, sample, profile="text", seed=1)
    assert not report.ok and isinstance(report.problem, JsonProblem)
    assert report.message.startswith("user.tmpl:1:11: {{ .user.name }} wrote ")
    # Shrunk to one edit of the sample.
    assert report.data is not None and report.data["tags"] == ["a", "b"]
    assert report.data["user"]["id"] == 7

    t = gotmpl.Template("third.tmpl").parse("{{ index .tags 2 }}")
    report = fuzz_payload(t, {"tags": [1, 2, 3]}, profile="text", check_json=False)
    assert not report.ok
    assert str(report.problem).startswith(
        'template: third.tmpl:1:3: executing "third.tmpl" at <index .tags 2>: error calling index:'
    )
    assert report.data is not None and len(report.data.get("tags", [])) < 3


def test_hypothesis_is_imported_only_to_fuzz() -> None:
    code = "import sys, gotmpl.cli, gotmpl.tools.fuzz; print('hypothesis' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, b"False\n")


def test_missing_hypothesis_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    with pytest.raises(ImportError, match=r"pip install .gotmpl\[fuzz\]."):
        fuzz_payload(example("pagerduty.tmpl"), SAMPLE, profile="cubeapm")


# -- the data it draws --------------------------------------------------------------------

WEBHOOKS = _webhook(st, SAMPLE)


@settings(max_examples=60, database=None, deadline=None)
@given(WEBHOOKS)
def test_drawn_payloads_are_consistent_like_alertmanagers(payload: dict[str, Any]) -> None:
    alerts = payload["alerts"]
    assert 1 <= len(alerts) <= 12
    for name, value in payload["commonLabels"].items():
        assert all(a["labels"].get(name) == value for a in alerts)
    assert payload["groupLabels"].items() <= payload["commonLabels"].items()
    firing = any(a["status"] == "firing" for a in alerts)
    assert payload["status"] == ("firing" if firing else "resolved")
    for a in alerts:
        assert (a["endsAt"] == "0001-01-01T00:00:00Z") == (a["status"] == "firing")
    alertmanager.Data.from_dict(payload)


def values(payload: dict[str, Any]) -> list[str]:
    return [v for a in payload["alerts"] for f in ("labels", "annotations") for v in a[f].values()]


@pytest.mark.parametrize(
    "wanted",
    [
        lambda p: len(p["alerts"]) >= 8,
        lambda p: {a["status"] for a in p["alerts"]} == {"firing", "resolved"},
        lambda p: not p["commonLabels"],
        lambda p: "env" not in p["alerts"][0]["labels"],
        lambda p: any('"' in v for v in p["commonLabels"].values()),
        lambda p: any("\\" in v for v in values(p)),
        lambda p: any("\x00" in v for v in values(p)),
        lambda p: any("\x07" in v for v in values(p)),
        lambda p: any("\x1b" in v for v in values(p)),
        lambda p: any("\n" in v for v in values(p)),
        lambda p: any("\u2028" in v for v in values(p)),
        lambda p: any("\U0001f525" in v for v in values(p)),
        lambda p: any("\u202e" in v for v in values(p)),
        lambda p: "" in values(p),
        lambda p: any(not k.isascii() for a in p["alerts"] for k in a["labels"]),
    ],
    ids=[
        "many alerts",
        "firing and resolved",
        "no common labels",
        "a dropped label",
        "a quote in a common label",
        "backslash",
        "NUL",
        "BEL",
        "ESC",
        "newline",
        "U+2028",
        "emoji",
        "right-to-left override",
        "empty value",
        "unusual label name",
    ],
)
def test_drawn_payloads_cover(wanted: Any) -> None:
    class Reached(Exception):
        pass

    @settings(max_examples=1000, database=None, deadline=None, phases=[Phase.generate])
    @given(WEBHOOKS)
    def search(payload: dict[str, Any]) -> None:
        if wanted(payload):
            raise Reached

    with pytest.raises(Reached):
        search()


# -- real Go agrees -----------------------------------------------------------------------


@pytest.mark.oracle
def test_what_the_fuzzer_finds_breaks_real_go_too(oracle: Any) -> None:
    """Go writes the same bytes for the minimal data, so the payload breaks in
    Alertmanager too; Go's output of the safe template for it is JSON."""
    report = fuzz_payload(example("pagerduty.tmpl"), SAMPLE, profile="cubeapm")
    assert report.data is not None

    def go(name: str) -> dict[str, Any]:
        return oracle.run(
            {
                "files": [[name, (EXAMPLES / name).read_text("utf-8")]],
                "funcs": "cubeapm",
                "options": ["missingkey=zero"],
                "data": report.data,
                "data_kind": "cubeapm",
            }
        )

    seed = go("pagerduty.tmpl")
    assert (seed["phase"], seed["output"]) == (None, report.output)
    with pytest.raises(ValueError):
        json.loads(seed["output"])
    safe = go("pagerduty-safe.tmpl")
    assert safe["phase"] is None
    json.loads(safe["output"])


def test_progress_callback() -> None:
    """progress sees every render: the examples passing, then the shrinking."""
    seen: list[FuzzProgress] = []
    t = alertmanager.template("t").parse("{{ (index .Alerts 1).Status }}")
    report = fuzz_payload(t, SAMPLE, check_json=False, examples=40, progress=seen.append)
    assert not report.ok
    assert seen[0] == FuzzProgress(1, 40, None, 0)
    passing = [p for p in seen if p.broke_at is None]
    assert [p.tried for p in passing] == list(range(1, len(passing) + 1))
    shrinking = seen[len(passing) :]
    assert shrinking and {p.broke_at for p in shrinking} == {report.examples}
    assert [p.shrink_steps for p in shrinking] == list(range(len(shrinking)))
    seen.clear()
    safe = example("pagerduty-safe.tmpl")
    ok = fuzz_payload(safe, SAMPLE, profile="cubeapm", examples=5, progress=seen.append)
    assert ok.ok and [p.tried for p in seen] == [1, 2, 3, 4, 5]
