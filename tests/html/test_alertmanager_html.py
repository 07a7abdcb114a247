"""Alertmanager's HTML path: alertmanager.html_template, Profile.html_template and
``gotmpl render --html``, against Go's html/template (the "alertmanager" area of
tests/data/html_cases.json: the acme mail and templates using safeHtml and
safeUrl, on ordinary and hostile alert data)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gotmpl import ExecError, alertmanager, html, profiles
from gotmpl.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
ALL = json.loads((DATA / "html_cases.json").read_text("utf-8"))
CASES = [c for c in ALL if c["area"] == "alertmanager"]
MAIL = next(
    c
    for c in CASES
    if c.get("exec") == "acme.email.html" and "javascript:" in json.dumps(c["data"])
)


def _render(t: html.Template, case: dict[str, Any]) -> str:
    if "template" in case:
        t.parse(case["template"])
    else:
        for name, text in case["files"]:
            (t if name == t.name else t.new(name)).parse(text)
    data = alertmanager.Data.from_dict(case["data"])
    if "exec" in case:
        return t.execute_template(case["exec"], data)
    return t.execute(data)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_html_template_renders_like_go(case: dict[str, Any]) -> None:
    t = alertmanager.html_template("t")
    if case["phase"] is None:
        assert _render(t, case) == case["output"]
    else:
        with pytest.raises(ExecError) as e:
            _render(t, case)
        assert str(e.value) == case["error"]


def test_profile_html_template_is_set_up_as_alertmanager() -> None:
    """missingkey=zero and Alertmanager's functions, which win over custom ones."""
    t = profiles.get("alertmanager").html_template("t", {"toUpper": lambda s: "custom"})
    assert isinstance(t, html.Template)
    out = t.parse('{{ .missing }}|{{ "a<" | toUpper }}|{{ "<b>" | safeHtml }}').execute({})
    assert out == "|A&lt;|<b>"


def test_render_html_command(tmp_path: Path) -> None:
    """``render --html`` writes what Go's html/template writes for the hostile mail."""
    args = ["render", "--html", "--profile", "alertmanager", "--name", MAIL["exec"]]
    for name, text in MAIL["files"]:
        (tmp_path / name).write_text(text, "utf-8")
        args.append(str(tmp_path / name))
    (tmp_path / "data.json").write_text(json.dumps(MAIL["data"]), "utf-8")
    out = tmp_path / "out.html"
    assert main([*args, "--data", str(tmp_path / "data.json"), "--out", str(out)]) == 0
    assert out.read_text("utf-8") == MAIL["output"]
    assert "#ZgotmplZ" in MAIL["output"]


def test_render_html_reports_escaping_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An escaping error fails the command with Go's message (the file is named t,
    like the recorded case)."""
    case = next(c for c in ALL if c["area"] == "errors" and c["template"] == "<div title='")
    (tmp_path / "t").write_text(case["template"], "utf-8")
    assert main(["render", "--html", str(tmp_path / "t")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert case["error"] in captured.err
