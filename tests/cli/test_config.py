"""``gotmpl config render/check`` and gotmpl.amconfig against the Go oracle's model of
Alertmanager 0.34's notifiers (recorded by tests/data/amconfig_record.py)."""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gotmpl
from gotmpl import amconfig
from gotmpl.cli.main import main

TESTS = Path(__file__).resolve().parent.parent
CONFIG_DIR = TESTS / "data" / "amconfig"
DEFAULTS = CONFIG_DIR / "defaults"
RECORDED = json.loads((TESTS / "data" / "amconfig_cases.json").read_text("utf-8"))
CASES = RECORDED["cases"]


def _data_path(case: dict[str, Any]) -> Path:
    return TESTS / RECORDED["data"][case["data"]]


def _load(case: dict[str, Any]) -> amconfig.Config:
    return amconfig.load(
        CONFIG_DIR / case["config"],
        profile=case.get("profile", "alertmanager"),
        defaults=DEFAULTS if case["defaults"] else None,
    )


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["config", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def _fields(value: Any, path: str = "") -> dict[str, Any]:
    """Every leaf of a rendering by its path (``slack_configs[0].fields[1].title``)."""
    if isinstance(value, dict):
        items = ((f"{path}.{k}" if path else k, v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return {path: value}
    out: dict[str, Any] = {}
    for p, v in items:
        out.update(_fields(v, p) if v or not isinstance(v, (dict, list)) else {p: v})
    return out


def _encoded(want: dict[str, Any]) -> dict[str, str]:
    return {f"{e['integration']}[{e['index']}].{e['field']}": e["json"] for e in want["encoded"]}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_rendering_matches_go(case: dict[str, Any]) -> None:
    """Every field, every failure with Go's error, and every JSON body upstream encodes."""
    data = json.loads(_data_path(case).read_text("utf-8"))
    rendering = _load(case).rendering(case["receiver"], data)
    want = case["want"]
    assert _fields(json.loads(json.dumps(rendering.configs))) == _fields(want["configs"])
    got_errors = sorted((e.integration, e.index, e.field, str(e.error)) for e in rendering.errors)
    want_errors = sorted(
        (e["integration"], e["index"], e["field"], e["error"]) for e in want["errors"]
    )
    assert got_errors == want_errors
    assert all(e.receiver == case["receiver"] for e in rendering.errors)
    assert rendering.encoded == _encoded(want)


@pytest.mark.oracle
def test_recording_is_current(oracle: Any) -> None:
    """Go, run now, still gives every recorded rendering (catches stale data files:
    a changed config, template, data set or model)."""
    spec = importlib.util.spec_from_file_location(
        "amconfig_record", TESTS / "data" / "amconfig_record.py"
    )
    assert spec is not None and spec.loader is not None
    recorder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recorder)
    assert [c["id"] for c in recorder.all_cases()] == [c["id"] for c in CASES]
    results = oracle.run_many(recorder.oracle_request(c) for c in CASES)
    stale = [
        c["id"]
        for c, r in zip(CASES, results, strict=True)
        if r["phase"] is not None or json.loads(r["output"]) != c["want"]
    ]
    assert stale == []


RENDERABLE = [c for c in CASES if not c["want"]["errors"]]


@pytest.mark.parametrize("case", RENDERABLE, ids=[c["id"] for c in RENDERABLE])
def test_config_render_json_matches_go(
    case: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """``config render --format json``, field by field; encoded bodies byte for byte."""
    args = [CONFIG_DIR / case["config"], "--receiver", case["receiver"], "--data", _data_path(case)]
    args += ["--format", "json", "--profile", case.get("profile", "alertmanager")]
    if case["defaults"]:
        args += ["--defaults", DEFAULTS]
    code, out, err = _run(capsys, "render", *args)
    assert (code, err) == (0, "")
    assert _fields(json.loads(out)) == _fields(case["want"]["configs"])
    for body in _encoded(case["want"]).values():
        assert body.rstrip("\n") in out


def test_config_render_text_lists_each_field(capsys: pytest.CaptureFixture[str]) -> None:
    case = next(c for c in RENDERABLE if c["receiver"] == "chat" and c["data"] == "firing")
    code, out, _ = _run(
        capsys, "render", CONFIG_DIR / case["config"], "--receiver", "chat",
        "--data", _data_path(case), "--defaults", DEFAULTS,
    )  # fmt: skip
    assert code == 0
    title = case["want"]["configs"]["slack_configs"][0]["title"]
    assert f"slack_configs[0].title: {title}\n" in out
    text = case["want"]["configs"]["slack_configs"][0]["text"].rstrip("\n")
    assert "slack_configs[0].text:\n" + "".join(f"  {line}\n" for line in text.split("\n")) in out


def test_config_check_lists_every_failure(capsys: pytest.CaptureFixture[str]) -> None:
    """Three broken fields in three receivers: all three, with Go's errors, exit 1."""
    broken = [c for c in CASES if c["config"] == "broken.yml"]
    code, out, err = _run(
        capsys, "check", CONFIG_DIR / "broken.yml", "--data", _data_path(broken[0]),
        "--defaults", DEFAULTS,
    )  # fmt: skip
    assert code == 1
    assert out == ""
    reported = [line for line in err.splitlines() if line.startswith(str(CONFIG_DIR))]
    want = [(c["receiver"], e) for c in broken for e in c["want"]["errors"]]
    assert len(want) == len(reported) == 3
    for receiver, e in want:
        path = f"{e['integration']}[{e['index']}].{e['field']}"
        assert any(
            re.fullmatch(rf"{re.escape(str(CONFIG_DIR / 'broken.yml'))}:\d+: receiver "
                         rf'"{receiver}" {re.escape(path)}: {re.escape(e["error"])}', line)
            for line in reported
        ), (receiver, path)  # fmt: skip
    assert "gotmpl: 3 fields failed" in err
    # The excerpt (gotmpl.tools.diagnostics): the line of the file or field text Go's
    # error names, with a caret under the node it failed on.
    assert "    2 | {{ index .Alerts 7 }}{{ end }}\n      |    ^^^^^^^^^^^^^^^\n" in err
    assert "    2 |   | toUpper }} {{ .Alerts.Firing.Nope }}\n" in err


def test_config_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(
        capsys, "check", CONFIG_DIR / "alertmanager.yml", "--defaults", DEFAULTS,
        "--data", TESTS / RECORDED["data"]["quirky"],
    )  # fmt: skip
    assert (code, out) == (0, "")
    assert "5 receivers checked" in err


def test_api_check_and_render() -> None:
    config = amconfig.load(CONFIG_DIR / "broken.yml", defaults=DEFAULTS)
    assert config.receivers == ["chat", "mail", "hooks", "fine"]
    failures = config.check()  # on the sample alert group
    assert [(f.receiver, f.path) for f in failures] == [
        ("chat", "slack_configs[0].title"),
        ("mail", "email_configs[0].html"),
        ("hooks", "webhook_configs[0].payload"),
    ]
    assert config.render("fine") == {"webhook_configs": [{"url": "https://hooks.example/fine"}]}
    with pytest.raises(amconfig.RenderError) as e:
        config.render("chat")
    assert [(f.path, str(f.error)) for f in e.value.failures] == [
        (failures[0].path, str(failures[0].error))
    ]
    assert str(e.value).startswith(
        'receiver "chat" slack_configs[0].title: template: broken.tmpl:2:3:'
    )
    with pytest.raises(amconfig.ConfigError, match='no receiver "nope"'):
        config.render("nope")


def _within(part: Any, whole: Any) -> bool:
    """Whether ``part`` is ``whole`` with some fields (keys of dicts) left out."""
    if isinstance(part, dict) and isinstance(whole, dict):
        return all(k in whole and _within(v, whole[k]) for k, v in part.items())
    if isinstance(part, list) and isinstance(whole, list):
        return len(part) == len(whole) and all(map(_within, part, whole))
    return bool(part == whole)


def test_without_defaults_the_default_templates_are_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Alertmanager's default.tmpl is not shipped: fields falling back on it cannot
    render without --defaults; the others print as they would with it, and the
    message says what to pass."""
    render = ("render", CONFIG_DIR / "alertmanager.yml", "--receiver", "defaults-only")
    render += ("--data", TESTS / RECORDED["data"]["firing"], "--format", "json")
    code, out, err = _run(capsys, *render)
    assert code == 0
    assert "slack.default.title" in err
    assert "pass --defaults DIR" in err
    code, whole, _ = _run(capsys, *render, "--defaults", DEFAULTS)
    assert code == 0
    without, complete = json.loads(out), json.loads(whole)
    assert without != complete and _within(without, complete)
    # check counts them apart: they say nothing about the config.
    code, _, err = _run(capsys, "check", CONFIG_DIR / "alertmanager.yml")
    assert code == 0
    assert "not rendered" in err and "pass --defaults DIR" in err


def _write(tmp_path: Path, text: str, name: str = "alertmanager.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_config_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Not YAML: the file and line, no traceback.
    bad = _write(tmp_path, "receivers:\n  - name: a\n    slack_configs: [\n")
    code, out, err = _run(capsys, "check", bad)
    assert (code, out) == (1, "")
    assert err.startswith(f"gotmpl: error: {bad}:4: ")
    assert "Traceback" not in err
    # Strict reading: an unknown key, a duplicate receiver, a list where a string belongs.
    for text, line, message in [
        ("receivers:\n  - name: a\n    slak_configs: []\n", 3, "field slak_configs not found"),
        ("receivers:\n  - name: a\n    slack_configs:\n      - titel: x\n", 4, "field titel"),
        ("route: {}\nrecievers: []\n", 2, "field recievers not found in the configuration"),
        ("receivers:\n  - name: a\n  - name: a\n", 3, 'name "a" is not unique'),
        ("receivers:\n  - name: a\n    name: b\n", 3, 'key "name" already set'),
        ("receivers:\n  - slack_configs: []\n", 2, "missing name in receiver"),
        ("receivers:\n  - name: a\n    webhook_configs:\n      - url: [x]\n", 4, "into string"),
    ]:
        path = _write(tmp_path, text)
        code, _, err = _run(capsys, "check", path)
        assert code == 1
        assert f"gotmpl: error: {path}:{line}: " in err and message in err, err
    # An unknown receiver is a usage error, listing the receivers there are.
    path = _write(tmp_path, "receivers:\n  - name: team-a\n  - name: team-b\n")
    code, _, err = _run(capsys, "render", path, "--receiver", "team-c")
    assert code == 2
    assert 'no receiver "team-c"' in err and '"team-a", "team-b"' in err
    # No such config file, no such data file.
    code, _, err = _run(capsys, "check", tmp_path / "missing.yml")
    assert code == 1 and "no such file or directory" in err
    code, _, err = _run(capsys, "check", path, "--data", tmp_path / "missing.json")
    assert code == 1 and "no such file or directory" in err
    # A profile without Alertmanager's bundle.
    code, _, err = _run(capsys, "check", path, "--profile", "text")
    assert code == 2


def test_template_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "bad.tmpl").write_text('{{ define "x" }}{{ if }}{{ end }}', "utf-8")
    config = _write(tmp_path, "templates: [t/*.tmpl]\nreceivers:\n  - name: a\n")
    code, _, err = _run(capsys, "check", config)
    assert code == 1
    assert err == "gotmpl: error: template: bad.tmpl:1: missing value for if\n"
    # A glob that matches nothing is no error to Alertmanager; gotmpl warns.
    config = _write(tmp_path, "templates: [missing/*.tmpl, t/none.tmpl]\nreceivers:\n  - name: a\n")
    code, _, err = _run(capsys, "check", config)
    assert code == 0
    assert f"templates: {tmp_path / 'missing' / '*.tmpl'} matches no file" in err
    assert f"templates: {tmp_path / 't' / 'none.tmpl'} matches no file" in err
    # --defaults naming a directory without the files.
    code, _, err = _run(capsys, "check", config, "--defaults", tmp_path)
    assert code == 1 and "no default.tmpl or email.tmpl" in err


def test_sample_data_is_addressed_to_the_receiver() -> None:
    config = amconfig.load(CONFIG_DIR / "alertmanager.yml", defaults=DEFAULTS)
    fields = config.render("mail")
    assert fields["email_configs"][1]["from"] == "alerts+mail@example.org"


def test_readme_examples(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's config render and check commands, run from the repository root,
    print what it shows (render's elided lines, ``...``, aside)."""
    root = TESTS.parent
    readme = (root / "README.md").read_text("utf-8")
    section = readme.split("\n## Checking a whole Alertmanager config\n")[1].split("\n## ")[0]
    blocks = [b.split("\n```")[0] for b in section.split("```sh\n")[1:]]
    assert len(blocks) == 2
    monkeypatch.chdir(root)
    for block, want_code in zip(blocks, (0, 1), strict=True):
        command, *lines = block.splitlines()
        code = main(shlex.split(command.removeprefix("$ gotmpl ")))
        out, err = capsys.readouterr()
        assert code == want_code
        printed = (out if code == 0 else err).splitlines()
        if "..." in lines:
            head, tail = lines[: lines.index("...")], lines[lines.index("...") + 1 :]
            assert printed[: len(head)] == head and printed[-len(tail) :] == tail
        else:
            assert printed == lines


def test_hostile_yaml_is_refused_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Aliases expanding a billion times and nesting beyond the parser's depth are
    config errors, not a hang or a RecursionError."""
    laughs = ["x0: &x0 [a, a, a, a, a, a, a, a, a, a]"]
    laughs += [f"x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 10)}]" for i in range(1, 9)]
    deep = "receivers:\n  - name: r\n    webhook_configs:\n      - url: u\n        payload: "
    deep += "[" * 5000 + "]" * 5000 + "\n"
    for text, message in [("\n".join(laughs), "excessive aliasing"), (deep, "nesting depth")]:
        path = _write(tmp_path, text)
        code, out, err = _run(capsys, "check", path)
        assert (code, out) == (1, "")
        assert err.startswith(f"gotmpl: error: {path}:") and message in err


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        # The problems libyaml's reader (and so yaml.v2's) reports, in its words.
        (b"\x80", "invalid leading UTF-8 octet"),
        (b"\xf8", "invalid leading UTF-8 octet"),
        (b"\xc3(", "invalid trailing UTF-8 octet"),
        (b"\xc0\x80", "invalid length of a UTF-8 sequence"),
        (b"\xed\xa0\x80", "invalid Unicode character"),
        (b"\xf5\x80\x80\x80", "invalid Unicode character"),
        (b"\xe2\x82", "incomplete UTF-8 octet sequence"),
    ],
)
def test_a_config_that_is_not_utf8_is_a_config_error(
    tmp_path: Path, raw: bytes, problem: str
) -> None:
    path = tmp_path / "alertmanager.yml"
    path.write_bytes(b"receivers:\n  - name: a" + raw)
    with pytest.raises(amconfig.ConfigError) as info:
        amconfig.load(path)
    assert str(info.value) == f"{path}: {problem}"


def test_a_config_in_utf16_is_read_after_its_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "alertmanager.yml"
    path.write_bytes("receivers:\n  - name: \u00e9quipe\n".encode("utf-16"))
    assert amconfig.load(path).receivers == ["\u00e9quipe"]


_CONFIG_LINES = st.sampled_from(
    [
        "receivers:",
        "  - name: a",
        "    slack_configs:",
        "      - title: '{{ .Status }}'",
        "    webhook_configs:",
        "      - url: u",
        "        payload:",
        "          a: '{{ len .Alerts }}'",
        "          b: [1, {c: '{{ .Receiver }}'}]",
        "    email_configs:",
        "      - headers: {Subject: '{{ .X }}'}",
        "        html: '<a href=\"{{ .ExternalURL }}\">'",
        "templates: ['*.tmpl']",
        "route: {receiver: a}",
        "&a",
        "*a",
        "<<: *a",
        "- ",
        ": ",
        "{",
        "'",
        "\t",
        "!!binary",
        "---",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_CONFIG_LINES | st.text(max_size=8), max_size=12), st.binary(max_size=4))
def test_any_config_loads_renders_or_fails_as_a_template_error(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], junk: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "alertmanager.yml"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass") + junk)
    try:
        config = amconfig.load(path)
        config.check(None)
    except gotmpl.TemplateError:
        pass
