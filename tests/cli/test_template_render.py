"""``gotmpl template render`` (amtool's command) against Go: the bundle's recorded cases.

The cases of tests/data/ambundle_cases.json (recorded from the Go oracle's model
of Alertmanager 0.34, see tests/profiles/test_bundle.py) that a command line
can express run here through ``main()``: template files loaded by globs (and
the defaults file by ``--defaults``), the field's text, webhook JSON in a file.
stdout is Go's output; a failure is ``gotmpl: error: `` and Go's message on
stderr, exit status 1.
"""

from __future__ import annotations

import json
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ambundle import CASES as TABLE_CASES
from ambundle import DATA, FILES, write_files
from test_cli import run_cli, run_main

HERE = Path(__file__).resolve().parents[1]
ROOT = HERE.parent
DEFAULTS = FILES["defaults/base.tmpl"]
GOLDEN = HERE / "golden" / "pagerduty"


def command_line(case: dict[str, Any]) -> list[str] | None:
    """The arguments that run ``case``, or None when a command line cannot say it."""
    if "group" in case:
        return None
    args = ["template", "render", "--profile", case["profile"], f"--template.type={case['type']}"]
    for i, (kind, arg) in enumerate(case["load"]):
        if kind == "glob":
            args.append(f"--template.glob={arg}")
        elif i == 0 and arg == DEFAULTS:
            args += ["--defaults", "mydefaults"]
        else:
            return None
    if not any(kind == "glob" for kind, _ in case["load"]):
        args.append("--template.glob=no-such-dir/*.tmpl")  # required, as in amtool
    return [*args, "--template.text", case["text"], "--template.data", f"data/{case['data']}.json"]


CASES = [(c, args) for c in TABLE_CASES if (args := command_line(c)) is not None]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template-render")
    write_files(root)
    (root / "mydefaults").mkdir()
    (root / "mydefaults" / "default.tmpl").write_text(DEFAULTS, "utf-8")
    (root / "data").mkdir()
    for name, value in DATA.items():
        (root / "data" / f"{name}.json").write_text(json.dumps(value), "ascii")
    (root / "bad.json").write_text('{"receiver": 5}', "ascii")
    return root


@pytest.fixture(autouse=True)
def in_workdir(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from gotmpl.gostd import time as gotime

    monkeypatch.chdir(workdir)
    monkeypatch.setenv("TZ", "")
    gotime._reset_local()
    yield
    gotime._reset_local()


def expected(case: dict[str, Any]) -> tuple[int, bytes, bytes]:
    want = case["want"]
    if "phase" in want:
        return 1, b"", f"gotmpl: error: {want['error']}\n".encode("utf-8", "surrogateescape")
    return 0, want["output"].encode("utf-8", "surrogateescape"), b""


@pytest.mark.parametrize(("case", "args"), CASES, ids=[c["id"] for c, _ in CASES])
def test_like_go(case: dict[str, Any], args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_main(args, monkeypatch)
    want_code, want_out, want_err = expected(case)
    assert (code, out) == (want_code, want_out)
    # A missing default template adds a line saying what to do (see below).
    assert err.split(b"\n")[0] + b"\n" == want_err if want_err else err == b""


def test_most_cases_run_here() -> None:
    without_groups = [c for c in TABLE_CASES if "group" not in c]
    assert len(CASES) >= 0.95 * len(without_groups)


# -- as a user runs it ----------------------------------------------------------------------


def test_a_config_field_from_the_shell(workdir: Path) -> None:
    done = run_cli(
        "template",
        "render",
        "--template.glob",
        "templates/*.tmpl",
        "--template.glob=templates/extra/*.tmpl",
        "--template.text",
        '{{ template "nw.chat.title" . }} / {{ template "nw.extra.only" . }}',
        "--template.data=data/routes.json",
        cwd=workdir,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == b"[FIRING:1] DiskFull db for payments / only in extra: team-x"


def test_data_on_stdin(workdir: Path) -> None:
    args = ["template", "render", "--template.glob=x/*", "--template.text={{ .Receiver }}"]
    done = run_cli(*args, "--template.data", "-", cwd=workdir, stdin=b'{"receiver": "r"}')
    assert (done.returncode, done.stdout, done.stderr) == (0, b"r", b"")


def test_without_data_a_sample_renders(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["template", "render", "--template.glob=templates/*.tmpl"]
    code, out, err = run_main(
        [*args, "--template.text={{ len .Alerts }} {{ .Status }}"], monkeypatch
    )
    assert (code, out) == (0, b"2 firing")
    assert (
        err
        == b"gotmpl: no --template.data: rendering a sample alert group (receiver example-team, 2 alerts)\n"
    )
    code, out, _ = run_main(
        [*args, "--profile=cubeapm", '--template.text={{ printf "%T" . }}'], monkeypatch
    )
    assert (code, out) == (0, b"*template.Data")


def test_a_missing_default_template_says_to_pass_defaults(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [
        "template",
        "render",
        "--template.glob=templates/*.tmpl",
        "--template.data=data/routes.json",
    ]
    code, out, err = run_main(
        [*args, '--template.text={{ template "slack.default.title" . }}'], monkeypatch
    )
    assert (code, out) == (1, b"")
    assert err.decode().splitlines() == [
        'gotmpl: error: template: :1:12: executing "" at <{{template "slack.default.title" .}}>: '
        'template "slack.default.title" not defined',
        '1 | {{ template "slack.default.title" . }}',
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "gotmpl: slack.default.title looks like a template of Alertmanager's default.tmpl or "
        "email.tmpl, which gotmpl does not ship: pass --defaults DIR, the directory of your copy "
        "of them",
    ]
    # With --defaults the error is Go's alone (the user's copy lacks that template).
    code, out, err = run_main(
        [*args, "--defaults=mydefaults", '--template.text={{ template "slack.default.title" . }}'],
        monkeypatch,
    )
    assert (code, len(err.splitlines())) == (1, 3)  # Go's message and the excerpt
    code, out, err = run_main([*args, '--template.text={{ template "nope" . }}'], monkeypatch)
    assert (code, len(err.splitlines())) == (1, 3)


def test_the_seed_template_under_each_profile(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CubeAPM renders the seed's payload; upstream Alertmanager has no CubeAPM fields."""
    shutil.copy(ROOT / "examples" / "pagerduty.tmpl", workdir / "seed.tmpl")
    (workdir / "seed-field.tmpl").write_text(
        '{{ define "pd.payload" }}'
        + (ROOT / "examples" / "pagerduty.tmpl").read_text("utf-8")
        + "{{ end }}",
        "utf-8",
    )
    args = [
        "template",
        "render",
        "--template.glob=seed-field.tmpl",
        '--template.text={{ template "pd.payload" . }}',
    ]
    args += [f"--template.data={GOLDEN / 'mixed.json'}"]
    assert run_main([*args, "--profile=cubeapm"], monkeypatch) == (
        0,
        (GOLDEN / "mixed.out").read_bytes(),
        b"",
    )
    code, out, err = run_main(args, monkeypatch)
    assert (code, out) == (1, b"")
    assert err.startswith(
        b'gotmpl: error: template: seed-field.tmpl:34:26: executing "pd.payload" at <.CubeImageURL>: '
    )


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        ([], b"the following arguments are required: --template.glob, --template.text"),
        (
            ["--template.glob=x", "--template.text=x", "--template.type=pdf"],
            b"argument --template.type: invalid choice: 'pdf'",
        ),
        (["--template.glob=x", "--template.text=x", "--profile=text"], b"profile text has no"),
        (["--template.glob=x", "--template.text=x", "--profile=nope"], b"invalid choice: 'nope'"),
        (
            ["--template.glob", "a.tmpl", "b.tmpl", "--template.text=x"],
            b"unrecognized arguments: b.tmpl",
        ),
    ],
)
def test_usage_errors(extra: list[str], needle: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_main(["template", "render", *extra], monkeypatch)
    assert (code, out) == (2, b"")
    assert needle in err


def test_template_needs_a_command(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_main(["template"], monkeypatch)
    assert (code, out) == (2, b"") and err.endswith(b"gotmpl template: a command is required\n")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--template.data=data/nope.json"],
            "gotmpl: open data/nope.json: no such file or directory",
        ),
        (["--template.data=data"], "gotmpl: read data: is a directory"),
        (["--template.data=templates/chat.tmpl"], "gotmpl: templates/chat.tmpl: invalid JSON: "),
        # encoding/json's error, as amtool prints it (recorded in alertmanager_cases.json).
        (
            ["--template.data=bad.json"],
            "gotmpl: error: json: cannot unmarshal number into Go struct field Data.receiver "
            "of type string\n",
        ),
        (
            ["--template.data=data/routes.json", "--defaults=templates"],
            "gotmpl: error: no default.tmpl or email.tmpl in templates",
        ),
    ],
)
def test_bad_input(extra: list[str], message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["template", "render", "--template.glob=templates/*.tmpl", "--template.text=x", *extra]
    code, out, err = run_main(args, monkeypatch)
    assert (code, out) == (1, b"")
    assert err.decode().startswith(message)


# -- the README ----------------------------------------------------------------------------


def readme_commands() -> list[tuple[list[str], list[str]]]:
    """The README's template render examples: each command's arguments and output lines."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Checking your Alertmanager setup\n")[1].split("\n## ")[0]
    block = section.split("```sh\n")[1].split("\n```")[0]
    examples: list[tuple[list[str], list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ gotmpl "):
            examples.append((shlex.split(line.removeprefix("$ gotmpl ")), []))
        else:
            examples[-1][1].append(line)
    return examples


def test_readme_examples() -> None:
    """The README's commands, run from the repository root, print what it shows."""
    examples = readme_commands()
    assert len(examples) == 3
    for args, lines in examples:
        done = run_cli(*args, cwd=ROOT)
        if lines[0].startswith("gotmpl: error: "):
            assert (done.returncode, done.stdout) == (1, b"")
            assert done.stderr.decode().splitlines() == lines
        else:
            assert (done.returncode, done.stderr) == (0, b"")
            assert done.stdout.decode() == "\n".join(lines)


@pytest.mark.oracle
def test_readme_examples_are_gos(oracle: Any) -> None:
    """Go's model of Alertmanager gives what the README shows."""
    for args, lines in readme_commands():
        values = iter(args[2:])
        flags = {a: next(values, None) for a in values if a.startswith("--")}
        glob = flags["--template.glob"]
        assert glob is not None
        files = [[p.relative_to(ROOT).as_posix(), p.read_text("utf-8")] for p in ROOT.glob(glob)]
        data = json.loads((ROOT / str(flags["--template.data"])).read_text("utf-8"))
        reply = oracle.run(
            {
                "bundle": {
                    "profile": "alertmanager",
                    "files": files,
                    "load": [["glob", glob]],
                    "text": flags["--template.text"],
                },
                "data": data,
            }
        )
        if reply["phase"] is None:
            assert reply["output"] == "\n".join(lines)
        else:  # Go's message is the first line; the excerpt below it is ours
            assert f"gotmpl: error: {reply['error']}" == lines[0]
