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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import gotmpl
from gotmpl import profiles
from gotmpl.cli import main

HERE = Path(__file__).resolve().parents[1]
GOLDEN = HERE / "golden" / "pagerduty"
EXAMPLES = HERE.parent / "examples"
CLI_CASES: list[dict[str, Any]] = json.loads(
    (HERE / "data" / "alertmanager_cases.json").read_text("utf-8")
)["cli"]
EXEC_ERROR = next(c for c in CLI_CASES if c["want"].get("phase") == "exec" and c["want"]["output"])
PARSE_ERROR = next(c for c in CLI_CASES if c["want"].get("phase") == "parse")


@pytest.fixture(autouse=True)
def go_local_is_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The oracle runs with Go's Local set to UTC; TZ="" gives gotmpl the same."""
    from gotmpl.gostd import time as gotime

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
    if case.get("profile"):
        args += ["--profile", case["profile"]]
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

    def isatty(self) -> bool:
        return False


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


def go_part(result: tuple[int, bytes, bytes], case: dict[str, Any]) -> tuple[int, bytes, bytes]:
    """The result with stderr cut after Go's message: the lines gotmpl prints below it
    (source excerpt, notes) are tested in tests/tools/test_diagnostics.py."""
    code, out, err = result
    go = expected(case)[2]
    if go and err.startswith(go):
        err = go
    return code, out, err


@pytest.mark.parametrize("case", CLI_CASES, ids=[c["id"] for c in CLI_CASES])
def test_render_like_go(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["render", *write_case(case, tmp_path)]
    assert go_part(run_main(args, monkeypatch), case) == expected(case)


@pytest.mark.parametrize("case", CLI_CASES, ids=[c["id"] for c in CLI_CASES])
def test_check_like_go(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_case(case, tmp_path)[: len(case["files"])]
    args = ["check", *paths, *(["--profile", case["profile"]] if case.get("profile") else [])]
    args += ["--delims", *case["delims"]] if "delims" in case else []
    code, out, err = go_part(run_main(args, monkeypatch), case)
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
        "--profile",
        "cubeapm",
        "--data",
        str(GOLDEN / f"{name}.json"),
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == (GOLDEN / f"{name}.out").read_bytes()


def test_readme_example(tmp_path: Path) -> None:
    """The README's first command, run from the repository root."""
    readme = (HERE.parent / "README.md").read_text("utf-8")
    command = "gotmpl render --profile cubeapm examples/pagerduty.tmpl --data examples/alerts.json"
    assert readme.split("```sh\n")[1].split("\n")[0].endswith(command)
    done = run_cli(
        "render",
        "examples/pagerduty.tmpl",
        "--profile",
        "cubeapm",
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
        "--profile",
        "cubeapm",
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
        "--profile",
        "cubeapm",
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
    result = (done.returncode, done.stdout, done.stderr)
    assert go_part(result, EXEC_ERROR) == expected(EXEC_ERROR)
    assert not target.exists()


def test_parse_error(tmp_path: Path) -> None:
    paths = write_case(PARSE_ERROR, tmp_path)[: len(PARSE_ERROR["files"])]
    for command in ("render", "check"):
        done = run_cli(command, *paths)
        result = (done.returncode, done.stdout, done.stderr)
        assert go_part(result, PARSE_ERROR) == expected(PARSE_ERROR)


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


@pytest.mark.parametrize("command", ["render", "check", "fuzz"])
def test_help_lists_the_profiles(command: str) -> None:
    done = run_cli(command, "--help")
    text = b" ".join(done.stdout.split())  # argparse wraps lines
    assert done.returncode == 0
    assert b"--profile NAME" in text and b"(default: text)" in text
    for name in profiles.names():
        assert f"; {name}: {profiles.get(name).description}".encode() in text
    assert b"--alertmanager deprecated: the same as --profile alertmanager" in text


def test_alertmanager_flag_is_the_alertmanager_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deprecated --alertmanager still works, as --profile alertmanager."""
    (tmp_path / "t.tmpl").write_text('{{ printf "%T" . }} {{ .CommonLabels | toJson }}')
    args = ["render", str(tmp_path / "t.tmpl"), "--data", str(GOLDEN / "mixed.json")]
    want = (0, b"*template.Data {}", b"")
    assert run_main([*args, "--alertmanager"], monkeypatch) == want
    assert run_main([*args, "--profile", "alertmanager"], monkeypatch) == want
    # The last of the two wins, as with any repeated option.
    assert run_main([*args, "--alertmanager", "--profile", "text"], monkeypatch)[0] == 1


def test_unknown_profile_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_main(
        ["check", str(GOLDEN / "pagerduty.tmpl"), "--profile", "nope"], monkeypatch
    )
    assert (code, out) == (2, b"")
    assert b"argument --profile: invalid choice: 'nope'" in err


def test_missing_template_file(tmp_path: Path) -> None:
    done = run_cli("render", str(tmp_path / "nope.tmpl"))
    assert done.returncode == 1 and done.stdout == b""
    assert b"nope.tmpl" in done.stderr


@pytest.mark.parametrize(
    ("data", "alertmanager", "needle"),
    [
        (b"{not json", False, b"invalid JSON"),
        (b"NaN", False, b"invalid JSON"),
        (b'{"alerts": [{"startsAt": "yesterday"}]}', True, b': parsing time "yesterday"'),
        (b'{"receiver": 5}', True, b"Go struct field Data.receiver of type string"),
    ],
)
def test_bad_data(data: bytes, alertmanager: bool, needle: bytes, tmp_path: Path) -> None:
    (tmp_path / "t.tmpl").write_text("{{ . }}")
    extra = ["--profile", "alertmanager"] if alertmanager else []
    done = run_cli("render", str(tmp_path / "t.tmpl"), "--data", "-", *extra, stdin=data)
    assert done.returncode == 1 and done.stdout == b""
    assert needle in done.stderr


# -- render --check-json and fuzz ------------------------------------------------------------

SEED_ENV_BLAME = "pagerduty.tmpl:4:227: {{ .CommonLabels.env }} wrote '\"' inside a JSON string"
# The line and caret below it: line 4 is long, so a window of it around the action.
SEED_ENV_EXCERPT = [
    '4 | ...e .CommonLabels.env "UNSET" }}{{ .CommonLabels.env }}{{ end }} '
    "{{ or .CommonAnnotations.alertname .C...",
    "  |                                  ^^^^^^^^^^^^^^^^^^^^^^^",
]


def alerts_with_env(env: str, where: Path) -> str:
    data = json.loads((EXAMPLES / "alerts.json").read_text("utf-8"))
    data["commonLabels"]["env"] = env
    path = where / "alerts.json"
    path.write_text(json.dumps(data), "utf-8")
    return str(path)


def test_check_json_passes_json_through(monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["render", str(EXAMPLES / "pagerduty.tmpl"), "--profile", "cubeapm", "--check-json"]
    args += ["--data", str(EXAMPLES / "alerts.json")]
    assert run_main(args, monkeypatch) == (0, (GOLDEN / "example.out").read_bytes(), b"")


def test_check_json_blames_the_template_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's case: an env label holding a quote breaks the seed's summary line."""
    target = tmp_path / "body.json"
    args = ["render", str(EXAMPLES / "pagerduty.tmpl"), "--profile", "cubeapm", "--check-json"]
    args += ["--data", alerts_with_env('prod"x', tmp_path), "--out", str(target)]
    code, out, err = run_main(args, monkeypatch)
    assert (code, out) == (1, b"")
    assert err.decode() == (
        "gotmpl: invalid JSON output: Expecting ',' delimiter: line 4 column 46 (char 63)\n"
        f"{SEED_ENV_BLAME}\n" + "".join(line + "\n" for line in SEED_ENV_EXCERPT)
    )
    assert not target.exists()
    # Without the check, the same output is written as it is.
    args.remove("--check-json")
    assert run_main(args, monkeypatch)[0] == 0
    assert b'prod"x' in target.read_bytes()


def test_check_json_with_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t.tmpl").write_text('{{ define "body" }}{"a": "{{ .x }}"}{{ end }}')
    (tmp_path / "d.json").write_text(json.dumps({"x": "tab\there"}))
    args = ["render", str(tmp_path / "t.tmpl"), "--data", str(tmp_path / "d.json")]
    code, out, err = run_main([*args, "--check-json", "--name", "body"], monkeypatch)
    assert (code, out) == (1, b"")
    assert err.decode().splitlines()[1:] == [
        "t.tmpl:1:27: {{ .x }} wrote '\\t' inside a JSON string",
        '1 | {{ define "body" }}{"a": "{{ .x }}"}{{ end }}',
        "  | " + " " * 26 + "^" * len("{{ .x }}"),
    ]
    code, out, err = run_main([*args, "--check-json", "--name", "nope"], monkeypatch)
    assert (code, out) == (1, b"")
    assert err.decode().splitlines() == [
        'template: no template "nope" associated with template "t.tmpl"',
        'gotmpl: defined templates: "body", "t.tmpl"',
    ]
    code, out, err = run_main([*args, "--check-json", "--name", "bdy"], monkeypatch)
    assert err.decode().splitlines()[-1] == 'gotmpl: did you mean --name "body"?'


def test_check_json_from_the_shell(tmp_path: Path) -> None:
    done = run_cli(
        "render",
        "examples/pagerduty.tmpl",
        "--profile",
        "cubeapm",
        "--check-json",
        "--data",
        alerts_with_env('prod"x', tmp_path),
        cwd=HERE.parent,
    )
    assert (done.returncode, done.stdout) == (1, b"")
    assert done.stderr.decode().splitlines()[1:] == [SEED_ENV_BLAME, *SEED_ENV_EXCERPT]


def fuzz_args(template: str, *extra: str) -> list[str]:
    return [
        "fuzz",
        str(EXAMPLES / template),
        "--data",
        str(EXAMPLES / "alerts.json"),
        "--profile",
        "cubeapm",
        "--check-json",
        *extra,
    ]


def test_fuzz_breaks_the_seed_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Within the default 300 examples; the data on stdout reproduces the failure."""
    code, out, err = run_main(fuzz_args("pagerduty.tmpl"), monkeypatch)
    assert code == 1
    lines = err.decode().splitlines()
    assert len(lines) == 5  # and the blamed line with a caret under the action
    assert lines[0].startswith("gotmpl: fuzz: example ")
    assert lines[0].endswith(
        " of 300 broke the template; the smallest data that breaks it is on stdout"
    )
    assert lines[1].startswith("gotmpl: invalid JSON output: ")
    assert lines[2].startswith("pagerduty.tmpl:") and " wrote " in lines[2]
    assert lines[4].lstrip(" |").startswith("^")
    found = json.loads(out)
    assert len(found["alerts"]) == 1
    (tmp_path / "found.json").write_bytes(out)
    args = ["render", str(EXAMPLES / "pagerduty.tmpl"), "--profile", "cubeapm", "--check-json"]
    assert run_main([*args, "--data", str(tmp_path / "found.json")], monkeypatch) == (
        1,
        b"",
        ("\n".join(lines[1:]) + "\n").encode(),
    )


def test_fuzz_passes_the_safe_template(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_main(fuzz_args("pagerduty-safe.tmpl", "--examples", "25"), monkeypatch)
    assert (code, out, err) == (0, b"", b"gotmpl: fuzz: 25 examples passed\n")


def test_fuzz_seed_and_execution_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "second.tmpl").write_text("{{ (index .Alerts 1).Status }}")
    args = ["fuzz", str(tmp_path / "second.tmpl"), "--profile", "alertmanager", "--seed", "3"]
    args += ["--data", str(EXAMPLES / "alerts.json"), "--examples", "50"]
    code, out, err = run_main(args, monkeypatch)
    assert code == 1 and len(json.loads(out)["alerts"]) == 1
    lines = err.decode().splitlines()
    assert lines[0].startswith("gotmpl: fuzz: example ") and " of 50 " in lines[0]
    assert lines[1].startswith(
        'template: second.tmpl:1:4: executing "second.tmpl" at <index .Alerts 1>'
    )


def test_fuzz_plain_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t.tmpl").write_text('{"n": {{ .n }}, "s": {{ printf "%q" .s }}}')
    (tmp_path / "d.json").write_text('{"n": 1, "s": "x"}')
    args = ["fuzz", str(tmp_path / "t.tmpl"), "--data", str(tmp_path / "d.json"), "--check-json"]
    code, out, err = run_main(args, monkeypatch)
    assert code == 1
    blamed = ("t.tmpl:1:7: {{ .n }} wrote ", 't.tmpl:1:22: {{ printf "%q" .s }} wrote ')
    assert err.decode().splitlines()[2].startswith(blamed)
    assert isinstance(json.loads(out), dict)


@pytest.mark.parametrize(
    "extra",
    [["--examples", "0"], ["--examples", "many"], ["--seed", "x"]],
)
def test_fuzz_usage_errors(extra: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_main(fuzz_args("pagerduty.tmpl", *extra), monkeypatch)
    assert (code, out) == (2, b"") and b"gotmpl fuzz: error: argument" in err
    code, out, err = run_main(["fuzz", str(EXAMPLES / "pagerduty.tmpl")], monkeypatch)
    assert (code, out) == (2, b"") and b"--data" in err


def test_fuzz_without_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    code, out, err = run_main(fuzz_args("pagerduty.tmpl"), monkeypatch)
    assert (code, out) == (1, b"")
    assert (
        err
        == b"gotmpl: fuzzing needs hypothesis, which is not installed: pip install 'gotmpl[fuzz]'\n"
    )


def test_fuzz_bad_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.json").write_text('{"receiver": 5}')
    args = ["fuzz", str(EXAMPLES / "pagerduty.tmpl"), "--profile", "alertmanager"]
    code, out, err = run_main([*args, "--data", str(tmp_path / "bad.json")], monkeypatch)
    assert (code, out) == (1, b"")
    assert err.decode().startswith(f"gotmpl: {tmp_path / 'bad.json'}: json: cannot unmarshal")


def test_readme_json_payloads(tmp_path: Path) -> None:
    """The README's JSON payloads examples print what the README shows."""
    readme = (HERE.parent / "README.md").read_text("utf-8")
    section = readme.split("\n## JSON payloads\n")[1].split("\n## ")[0]
    blocks = [b.split("\n```")[0].strip().splitlines() for b in section.split("```sh\n")[1:]]
    assert len(blocks) == 2
    alerts_with_env('prod"x', tmp_path)
    (tmp_path / "alerts.json").rename(tmp_path / "env-quote.json")
    for command, *want in blocks:
        args = command.removeprefix("$ gotmpl ").split("  #")[0].split(" > ")[0].split()
        args = [str(tmp_path / a) if a == "env-quote.json" else a for a in args]
        done = run_cli(*args, cwd=HERE.parent)
        assert done.returncode == 1
        assert done.stderr.decode().splitlines() == want


# -- profiles ------------------------------------------------------------------------------

SAMPLE = json.loads((EXAMPLES / "alerts.json").read_text("utf-8"))


@pytest.mark.parametrize("name", ["text", "alertmanager", "cubeapm"])
def test_render_is_the_profile_at_work(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """render --profile NAME renders what profile.template and profile.decode give."""
    source = '{{ printf "%T|%v" . . }}'
    (tmp_path / "t.tmpl").write_text(source)
    profile = profiles.get(name)
    t = profile.template("t.tmpl").parse(source)
    args = ["render", str(tmp_path / "t.tmpl"), "--profile", name]
    data = ["--data", str(EXAMPLES / "alerts.json")]
    for extra, want in (
        (data, t.execute(profile.decode(SAMPLE))),
        ([], t.execute(profile.empty())),
    ):
        # Without --data, the data is the profile's empty data.
        assert want is not None
        assert run_main([*args, *extra], monkeypatch) == (0, want.encode(), b"")


def test_default_profile_is_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t.tmpl").write_text("{{ toUpper . }}")
    code, out, err = run_main(["check", str(tmp_path / "t.tmpl")], monkeypatch)
    assert (code, out) == (1, b"") and b'function "toUpper" not defined' in err
    args = ["check", str(tmp_path / "t.tmpl"), "--profile", "alertmanager"]
    assert run_main(args, monkeypatch) == (0, b"", b"")


def test_json_numbers_follow_the_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """text reads an integer beyond int64 as float64, as the Go side of the tests does;
    alertmanager leaves numbers to Data.from_dict, which ignores unknown keys."""
    (tmp_path / "d.json").write_text('{"truncatedAlerts": 18446744073709551615}')
    (tmp_path / "t.tmpl").write_text('{{ printf "%T" .truncatedAlerts }}')
    args = ["render", str(tmp_path / "t.tmpl"), "--data", str(tmp_path / "d.json")]
    assert run_main(args, monkeypatch) == (0, b"float64", b"")
    (tmp_path / "t.tmpl").write_text("{{ .Receiver }}")
    assert run_main([*args, "--profile", "alertmanager"], monkeypatch) == (0, b"", b"")


def test_fuzz_command_with_a_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t.tmpl").write_text('{"r": "{{ .receiver }}"}')
    args = ["fuzz", str(tmp_path / "t.tmpl"), "--data", str(EXAMPLES / "alerts.json")]
    code, _, err = run_main([*args, "--check-json", "--profile", "text"], monkeypatch)
    assert code == 1 and err.decode().splitlines()[2].startswith("t.tmpl:1:8: {{ .receiver }} ")
    # Under alertmanager, .receiver is no field of Data: every example fails the same way.
    code, _, err = run_main([*args, "--profile", "alertmanager", "--examples", "5"], monkeypatch)
    assert code == 1 and b"can't evaluate field receiver" in err


# -- hostile input ---------------------------------------------------------------------------


def test_json_nests_as_deep_as_gos_decoder_allows(tmp_path: Path) -> None:
    # Python's parser recurses (about 1,000 levels); Go's decoder allows 10,000.
    (tmp_path / "t.tmpl").write_text("{{len .l}} {{.l}} {{.s}} {{.m}}")
    depth = 9_999
    text = '{"l": ' + "[" * depth + "]" * depth + ', "s": "a\\ud800", "m": {"\\udc00": 1}}'
    done = run_cli("render", str(tmp_path / "t.tmpl"), "--data", "-", stdin=text.encode())
    assert (done.returncode, done.stderr) == (0, b"")
    nested: list = []
    for _ in range(depth - 1):
        nested = [nested]
    want = gotmpl.render(
        "{{len .l}} {{.l}} {{.s}} {{.m}}", {"l": nested, "s": "a\ufffd", "m": {"\ufffd": 1}}
    )
    assert done.stdout == want.encode()
    too_deep = "[" * 10_001 + "]" * 10_001
    done = run_cli("render", str(tmp_path / "t.tmpl"), "--data", "-", stdin=too_deep.encode())
    assert done.returncode == 1 and done.stdout == b""
    assert done.stderr == b"gotmpl: stdin: invalid JSON: exceeded max depth at char 10000\n"


@pytest.mark.parametrize("where", ["template", "data", "stdin"])
def test_reads_are_bounded(where: str, tmp_path: Path) -> None:
    (tmp_path / "t.tmpl").write_text("{{.}}")
    args = {
        "template": ["render", "/dev/zero"],
        "data": ["render", str(tmp_path / "t.tmpl"), "--data", "/dev/zero"],
        "stdin": ["render", str(tmp_path / "t.tmpl"), "--data", "-"],
    }[where]
    source = {"template": "/dev/zero", "data": "/dev/zero", "stdin": "stdin"}[where]
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [sys.executable, "-m", "gotmpl", *args, "--max-input", "1000"],
            stdin=zero,
            capture_output=True,
            timeout=60,
        )
    assert (done.returncode, done.stdout) == (1, b"")
    assert done.stderr == f"gotmpl: {source}: more than 1000 bytes (see --max-input)\n".encode()
    # Up to the bound, input is read as usual.
    small = run_cli(
        "render", str(tmp_path / "t.tmpl"), "--data", "-", "--max-input", "5", stdin=b"12345"
    )
    assert (small.returncode, small.stdout) == (0, b"12345")


# -- check: every file, undefined templates; render: excerpts and --name ----------------------


def test_check_reports_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.tmpl").write_text("{{ .a \n")
    (tmp_path / "b.tmpl").write_text('{{ define "b" }}\n{{ if .x }}\n')
    (tmp_path / "c.tmpl").write_text("fine")
    paths = [str(tmp_path / n) for n in ("a.tmpl", "b.tmpl", "c.tmpl")]
    code, out, err = run_main(["check", *paths], monkeypatch)
    assert (code, out) == (1, b"")
    assert err.decode().splitlines() == [
        "template: a.tmpl:2: unclosed action started at a.tmpl:1",
        "template: b.tmpl:3: unexpected EOF",
        "{{if}} opened at b.tmpl:2",
        "2 | {{ if .x }}",
        "  | ^^^^^^^^^^^",
        "gotmpl: check: 2 of 3 files failed to parse, 0 undefined templates called",
    ]


def test_check_flags_undefined_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An undefined {{template}} is an error: Go fails as soon as the call runs."""
    (tmp_path / "slack.tmpl").write_text('{{ define "slack.footer" }}by {{ .Receiver }}{{ end }}')
    (tmp_path / "msg.tmpl").write_text('{{ template "slack.footr" . }}')
    paths = [str(tmp_path / "msg.tmpl"), str(tmp_path / "slack.tmpl")]
    code, out, err = run_main(["check", *paths], monkeypatch)
    assert (code, out) == (1, b"")
    assert err.decode().splitlines() == [
        'template: msg.tmpl:1:12: template "slack.footr" not defined'
        ' (did you mean "slack.footer"?)',
        '1 | {{ template "slack.footr" . }}',
        "  | " + "^" * len('{{ template "slack.footr" . }}'),
        "gotmpl: check: 0 of 2 files failed to parse, 1 undefined template called",
    ]
    # Go's own verdict on the same call, at execution.
    code, _, err = run_main(["render", *paths], monkeypatch)
    assert code == 1 and b'template "slack.footr" not defined' in err


def test_check_warns_about_alertmanager_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alertmanager loads its default.tmpl first: a call of one of its templates is a
    warning under an Alertmanager profile, and the check passes."""
    (tmp_path / "t.tmpl").write_text('{{ template "slack.default.title" . }}')
    args = ["check", str(tmp_path / "t.tmpl")]
    code, out, err = run_main([*args, "--profile", "alertmanager"], monkeypatch)
    assert (code, out) == (0, b"")
    lines = err.decode().splitlines()
    assert lines[0].startswith('gotmpl: warning: template: t.tmpl:1:12: template "slack.default')
    assert lines[-1] == "(it may be defined in Alertmanager's default.tmpl)"
    assert run_main(args, monkeypatch)[0] == 1  # Go's text/template has no such defaults


def test_render_prints_the_excerpt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t.tmpl").write_text("Labels:\n\t{{ .Labels.severity.x }}\n")
    (tmp_path / "d.json").write_text('{"Labels": {"severity": "page"}}')
    args = ["render", str(tmp_path / "t.tmpl"), "--data", str(tmp_path / "d.json")]
    code, out, err = run_main(args, monkeypatch)
    assert (code, out) == (1, b"")
    assert err.decode().splitlines()[1:] == [
        "2 | \t{{ .Labels.severity.x }}",
        "  | \t   ^^^^^^^^^^^^^^^^^^",
    ]


def test_fuzz_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    """--progress reports on stderr when it is no terminal: a line per tenth."""
    args = fuzz_args("pagerduty-safe.tmpl", "--examples", "20", "--progress")
    code, out, err = run_main(args, monkeypatch)
    assert (code, out) == (0, b"")
    lines = err.decode().splitlines()
    assert lines[0] == "gotmpl: fuzz: 1 of 20 examples passed"
    assert lines[-2] == "gotmpl: fuzz: 20 of 20 examples passed"
    assert lines[-1] == "gotmpl: fuzz: 20 examples passed"
    assert len(lines) == 12
    # Without the flag and without a terminal, nothing but the verdict.
    code, out, err = run_main(args[:-1], monkeypatch)
    assert err == b"gotmpl: fuzz: 20 examples passed\n"


def test_fuzz_progress_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal, one line redrawn in place, erased before the verdict."""
    monkeypatch.setattr(_Captured, "isatty", lambda self: True)
    code, _, err = run_main(fuzz_args("pagerduty-safe.tmpl", "--examples", "5"), monkeypatch)
    text = err.decode()
    assert code == 0 and text.startswith("\r\x1b[Kgotmpl: fuzz: 1 of 5 examples passed")
    assert text.endswith("5 of 5 examples passed\r\x1b[Kgotmpl: fuzz: 5 examples passed\n")
