"""The gotmpl command against Go: output bytes, error text and exit status.

Expected outputs and errors are Go's, recorded by tests/data/alertmanager_record.py
(the "cli" table of tests/data/alertmanager_cases.json and tests/golden). The
table runs in-process through ``main()``; the scenarios a user meets first run
``python -m gotmpl`` in a subprocess.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import gotmpl
from gotmpl.cli import main

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "pagerduty"
EXAMPLES = HERE.parent / "examples"
CLI_CASES: list[dict[str, Any]] = json.loads(
    (HERE / "data" / "alertmanager_cases.json").read_text("utf-8")
)["cli"]
EXEC_ERROR = next(c for c in CLI_CASES if c["want"].get("phase") == "exec" and c["want"]["output"])
PARSE_ERROR = next(c for c in CLI_CASES if c["want"].get("phase") == "parse")


@pytest.fixture(autouse=True)
def go_local_is_utc(monkeypatch: pytest.MonkeyPatch):
    """The oracle runs with Go's Local set to UTC; TZ="" gives gotmpl the same."""
    from gotmpl import gotime

    monkeypatch.setenv("TZ", "")
    gotime._reset_local()
    yield
    gotime._reset_local()


def write_case(case: dict[str, Any], where: Path) -> list[str]:
    """Writes a case's files and data under ``where``; returns the render arguments."""
    args = []
    for name, text in case["files"]:
        path = where / name
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        args.append(str(path))
    if case.get("data") is not None:
        data = where / "data.json"
        data.write_text(json.dumps(case["data"]), "ascii")
        args += ["--data", str(data)]
    if case.get("alertmanager"):
        args.append("--alertmanager")
    for option in case.get("options", []):
        args += ["--option", option]
    if "name" in case:
        args += ["--name", case["name"]]
    if "delims" in case:
        args += ["--delims", *case["delims"]]
    return args


class _Captured:
    """sys.stdout/stderr stand-ins with the ``buffer`` the command writes bytes to."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def write(self, s: str) -> int:
        return self.buffer.write(s.encode())

    def flush(self) -> None:
        pass


def run_main(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, bytes, bytes]:
    out, err = _Captured(), _Captured()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main(args)
    return code, out.buffer.getvalue(), err.buffer.getvalue()


def run_cli(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gotmpl", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=60,
    )


def expected(case: dict[str, Any]) -> tuple[int, bytes, bytes]:
    want = case["want"]
    if "phase" in want:
        return 1, b"", (want["error"] + "\n").encode("utf-8", "surrogateescape")
    return 0, want["output"].encode("utf-8", "surrogateescape"), b""


@pytest.mark.parametrize("case", CLI_CASES, ids=[c["id"] for c in CLI_CASES])
def test_render_like_go(case: dict[str, Any], tmp_path: Path, monkeypatch) -> None:
    args = ["render", *write_case(case, tmp_path)]
    assert run_main(args, monkeypatch) == expected(case)


@pytest.mark.parametrize("case", CLI_CASES, ids=[c["id"] for c in CLI_CASES])
def test_check_like_go(case: dict[str, Any], tmp_path: Path, monkeypatch) -> None:
    paths = write_case(case, tmp_path)[: len(case["files"])]
    args = ["check", *paths, *(["--alertmanager"] if case.get("alertmanager") else [])]
    args += ["--delims", *case["delims"]] if "delims" in case else []
    code, out, err = run_main(args, monkeypatch)
    if case["want"].get("phase") == "parse":
        assert (code, out, err) == expected(case)
    else:
        assert (code, out, err) == (0, b"", b"")


# -- the command as a user runs it ---------------------------------------------------------


@pytest.mark.parametrize("name", ["firing", "resolved", "mixed"])
def test_pagerduty_render_is_byte_exact(name: str) -> None:
    done = run_cli(
        "render",
        str(GOLDEN / "pagerduty.tmpl"),
        "--alertmanager",
        "--data",
        str(GOLDEN / f"{name}.json"),
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == (GOLDEN / f"{name}.out").read_bytes()


def test_readme_example(tmp_path: Path) -> None:
    """The README's first command, run from the repository root."""
    done = run_cli(
        "render",
        "examples/pagerduty.tmpl",
        "--alertmanager",
        "--data",
        "examples/alerts.json",
        cwd=HERE.parent,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == (GOLDEN / "example.out").read_bytes()


def test_stdin_data() -> None:
    done = run_cli(
        "render",
        str(GOLDEN / "pagerduty.tmpl"),
        "--alertmanager",
        "--data",
        "-",
        stdin=(GOLDEN / "mixed.json").read_bytes(),
    )
    assert (done.returncode, done.stdout) == (0, (GOLDEN / "mixed.out").read_bytes())


def test_out_file(tmp_path: Path) -> None:
    target = tmp_path / "body.json"
    done = run_cli(
        "render",
        str(GOLDEN / "pagerduty.tmpl"),
        "--alertmanager",
        "--data",
        str(GOLDEN / "firing.json"),
        "--out",
        str(target),
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
    assert target.read_bytes() == (GOLDEN / "firing.out").read_bytes()


def test_exec_error_prints_nothing_on_stdout(tmp_path: Path) -> None:
    """Go's partial output is dropped; Go's message goes to stderr; --out is not written."""
    target = tmp_path / "out.txt"
    args = write_case(EXEC_ERROR, tmp_path)
    done = run_cli("render", *args, "--out", str(target))
    assert (done.returncode, done.stdout, done.stderr) == expected(EXEC_ERROR)
    assert not target.exists()


def test_parse_error(tmp_path: Path) -> None:
    paths = write_case(PARSE_ERROR, tmp_path)[: len(PARSE_ERROR["files"])]
    for command in ("render", "check"):
        done = run_cli(command, *paths)
        assert (done.returncode, done.stdout, done.stderr) == expected(PARSE_ERROR)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["render"],
        ["frobnicate"],
        ["render", "x.tmpl", "--bogus"],
        ["render", "x.tmpl", "--delims", "[["],
        ["render", "x.tmpl", "--option", "nonsense"],
    ],
)
def test_usage_errors(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "x.tmpl").write_text("x")
    done = run_cli(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == b"" and done.stderr


def test_version_and_help() -> None:
    done = run_cli("--version")
    assert (done.returncode, done.stdout) == (0, f"gotmpl {gotmpl.__version__}\n".encode())
    done = run_cli("--help")
    assert done.returncode == 0 and b"render" in done.stdout and b"check" in done.stdout


def test_missing_template_file(tmp_path: Path) -> None:
    done = run_cli("render", str(tmp_path / "nope.tmpl"))
    assert done.returncode == 1 and done.stdout == b""
    assert b"nope.tmpl" in done.stderr


@pytest.mark.parametrize(
    ("data", "alertmanager", "needle"),
    [
        (b"{not json", False, b"invalid JSON"),
        (b"NaN", False, b"invalid JSON"),
        (b'{"alerts": [{"startsAt": "yesterday"}]}', True, b"alerts[0].startsAt: parsing time"),
        (b'{"receiver": 5}', True, b"receiver:"),
    ],
)
def test_bad_data(data: bytes, alertmanager: bool, needle: bytes, tmp_path: Path) -> None:
    (tmp_path / "t.tmpl").write_text("{{ . }}")
    extra = ["--alertmanager"] if alertmanager else []
    done = run_cli("render", str(tmp_path / "t.tmpl"), "--data", "-", *extra, stdin=data)
    assert done.returncode == 1 and done.stdout == b""
    assert needle in done.stderr
