"""Error excerpts (gotmpl.tools.diagnostics): source line, caret range, open block.

Go's text stays Go's: the conformance tables (recorded from Go) run again here
and each error's message must still be the recorded one, while the lines below
it (ours) must quote the line Go names with a caret range on it that covers
Go's column. Then exact excerpts for the shapes users meet (field chains,
multi-byte and tabbed lines, EOF inside nested blocks, html/template and
Alertmanager bundle errors), and a property over random templates.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import data, mangled, templates
from testfuncs import funcs_with_include

import gotmpl
from gotmpl import alertmanager, html
from gotmpl.gostd.strconv import go_bytes, go_string
from gotmpl.tools.diagnostics import excerpt, node_span, undefined_templates

CONFORMANCE = Path(__file__).resolve().parents[1] / "conformance"


def _load(area: str) -> list[dict[str, Any]]:
    return json.loads((CONFORMANCE / f"{area}.json").read_text("utf-8"))


_ERRORS: dict[str, gotmpl.TemplateError | None] = {}


def _error_of(case: dict[str, Any]) -> gotmpl.TemplateError | None:
    """Runs a conformance case as tests/test_conformance.py does; the error it raises
    (kept, without its traceback, for the test that counts them)."""
    if case["id"] not in _ERRORS:
        err = _run_case(case)
        if err is not None:
            err.__traceback__ = None
        _ERRORS[case["id"]] = err
    return _ERRORS[case["id"]]


def _run_case(case: dict[str, Any]) -> gotmpl.TemplateError | None:
    files = case.get("files")
    name = case.get("name") or (files[0][0] if files else "")
    t = gotmpl.Template(name)
    if case.get("delims") is not None:
        t.delims(*case["delims"])
    try:
        if case.get("options"):
            t.option(*case["options"])
        if case.get("funcs") == "test":
            t.funcs(funcs_with_include(t))
        for file_name, text in files or [(name, case["template"])]:
            (t if file_name == t.name else t.new(file_name)).parse(text)
        if case.get("exec") is not None:
            t.execute_template(case["exec"], case.get("data"), out=io.StringIO())
        else:
            t.execute(case.get("data"), out=io.StringIO())
    except gotmpl.TemplateError as e:
        return e
    except ValueError:  # a bad option: no template error
        return None
    return None


ERROR_CASES = [
    pytest.param(case, id=f"{area}/{case['id']}")
    for area in sorted(p.stem for p in CONFORMANCE.glob("*.json"))
    for case in _load(area)
    if case.get("phase") in ("parse", "exec")
]


def _char_col(line: str, byte_col: int) -> int:
    """Go's byte column as a character offset into ``line``."""
    return len(go_string(go_bytes(line)[:byte_col]))


def assert_well_placed(err: gotmpl.TemplateError) -> None:
    """The caret range lies on the source line (or just past its end) and covers
    Go's column; the excerpt quotes that line with the caret under the range."""
    line = err.source_line
    assert line is not None and err.line is not None
    assert err.source is not None
    text_lines = err.source.text.split("\n")
    assert line == text_lines[err.line - 1].removesuffix("\r")
    assert err.col_range is not None
    start, end = err.col_range
    assert 0 <= start < end <= len(line) + 1
    assert end <= len(line) or start == len(line)  # past the end: a point
    if err.col is not None:
        col = _char_col(line, err.col)
        assert start <= col < end
    block = err.open_block
    if block is not None:
        start, end = block.col_range
        assert 0 <= start < end <= len(block.source_line)
    lines = excerpt(err)
    if not line:  # the empty line after a last newline: not quoted
        assert not lines or not lines[0].startswith(f"{err.line} | ")
        return
    assert lines[0].startswith(f"{err.line} | ")
    caret = lines[1].split(" | ", 1)[1]
    assert caret.strip(" \t").strip("^") == "" and "^" in caret


@pytest.mark.parametrize("case", ERROR_CASES)
def test_conformance_errors_are_placed(case: dict[str, Any]) -> None:
    err = _error_of(case)
    assert err is not None and str(err) == case["error"]  # Go's text, unchanged
    if err.source is None:  # Go names no position (a missing template, an empty one)
        assert excerpt(err) == [] and err.col_range is None
        return
    assert_well_placed(err)
    block = err.open_block
    assert (block is not None) == str(err).endswith("unexpected EOF")
    if block is not None:
        lines = excerpt(err)
        at = lines.index(str(block))
        assert lines[at + 1].endswith(" | " + block.source_line) and len(lines) == at + 3
    if isinstance(err, gotmpl.ExecError) and re.fullmatch(r"(\$\w*)?(\.\w+)+", err.node or ""):
        # A field chain: the whole chain is underlined, wherever Go's column is.
        start, end = err.col_range  # type: ignore[misc]
        assert err.source_line[start:end] == err.node  # type: ignore[index]


def test_the_tables_have_every_kind_of_error() -> None:
    """The table above covers parse and exec errors, chains and EOFs, and no
    error escapes it without a position but those Go gives none."""
    errors = [_error_of(c.values[0]) for c in ERROR_CASES]  # type: ignore[index]
    assert sum(isinstance(e, gotmpl.ParseError) for e in errors) > 300
    assert sum(isinstance(e, gotmpl.ExecError) for e in errors) > 300
    assert sum(e is not None and e.open_block is not None for e in errors) > 10
    positioned = [e for e in errors if e is not None and e.source is not None]
    assert len(positioned) / len(errors) > 0.95


def _excerpt_of(run: Any) -> tuple[str, list[str]]:
    with pytest.raises(gotmpl.TemplateError) as info:
        run()
    return str(info.value), excerpt(info.value)


def test_field_chain_underlined_whole() -> None:
    """Go's column points at .severity; the caret covers .Labels.severity."""
    t = gotmpl.Template("alert.tmpl").option("missingkey=error")
    t.parse("Alert:\n\t{{ .Labels.severity | print }}")
    message, lines = _excerpt_of(lambda: t.execute({"Labels": {}}))
    assert message.startswith('template: alert.tmpl:2:11: executing "alert.tmpl"')
    # The tab stays a tab, so the caret lines up in a terminal.
    assert lines == [
        "2 | \t{{ .Labels.severity | print }}",
        "  | \t   ^^^^^^^^^^^^^^^^",
    ]


def test_variable_and_parenthesized_chains() -> None:
    text = "{{ $x := . }}{{ $x.a.b }}"
    t = gotmpl.Template("t").parse(text)
    _, lines = _excerpt_of(lambda: t.execute({"a": 1}))
    assert lines[1] == "  | " + " " * text.index("$x.a.b") + "^" * len("$x.a.b")
    text = '{{ (index . "a").b.c }}'
    t = gotmpl.Template("t").parse(text)
    message, lines = _excerpt_of(lambda: t.execute({"a": {"b": 1}}))
    # Go names the last argument it evaluated, not the chain; the caret follows Go.
    assert message.startswith('template: t:1:12: executing "t" at <"a">')
    assert lines[1] == "  | " + " " * text.index('"a"') + "^^^"


def test_multibyte_and_wide_characters() -> None:
    """Go's column counts bytes; the range counts characters, the caret line cells."""
    t = gotmpl.Template("t").parse("héllo 世界 {{ .a.b }} ✓")
    message, lines = _excerpt_of(lambda: t.execute({"a": 5}))
    # "héllo 世界 " is 14 bytes, 9 characters, 11 terminal cells.
    # Go's column is the byte offset of .b (the field after the chain's term).
    assert message.startswith("template: t:1:19:")
    assert lines == ["1 | héllo 世界 {{ .a.b }} ✓", "  | " + " " * (11 + 3) + "^^^^"]
    with pytest.raises(gotmpl.ExecError) as info:
        t.execute({"a": 5})
    assert info.value.col == 19 and info.value.col_range == (12, 16)


def test_eof_inside_nested_blocks() -> None:
    text = '{{ define "mail" }}\n{{ range .Alerts }}\n  {{ if .Firing }}\n    fire\n'
    message, lines = _excerpt_of(lambda: gotmpl.Template("unclosed.tmpl").parse(text))
    assert message == "template: unclosed.tmpl:5: unexpected EOF"
    assert lines == [  # line 5 is empty: not quoted
        "{{if}} opened at unclosed.tmpl:3",
        "3 |   {{ if .Firing }}",
        "  |   ^^^^^^^^^^^^^^^^",
    ]


@pytest.mark.parametrize(
    ("text", "keyword", "line"),
    [
        ("{{if 1}}\n{{else if 2}}\n{{else}}", "if", 1),  # else-if continues the first if
        ("{{with 1}}{{else with 2}}", "with", 1),
        ("a\n{{range .}}{{if 1}}{{end}}", "range", 2),
        ('x{{block "b" .}}\n{{.}}', "block", 1),
        ('{{define "x"}}\n\n{{with .}}{{end}}', "define", 1),
        ("{{- if 1 -}}\r\nx", "if", 1),
    ],
)
def test_open_block(text: str, keyword: str, line: int) -> None:
    with pytest.raises(gotmpl.ParseError) as info:
        gotmpl.Template("t").parse(text)
    block = info.value.open_block
    assert block is not None
    assert (block.keyword, block.name, block.line) == (keyword, "t", line)
    start, end = block.col_range
    action = block.source_line[start:end]
    assert action.startswith("{{") and action.endswith("}}") and keyword in action


def test_no_open_block_without_eof() -> None:
    with pytest.raises(gotmpl.ParseError) as info:
        gotmpl.Template("t").parse("{{if 1}}{{end}}{{end}}")
    assert info.value.open_block is None


def test_long_lines_are_windowed() -> None:
    text = "x" * 150 + "{{ .a.b }}" + "y" * 150
    t = gotmpl.Template("t").parse(text)
    _, lines = _excerpt_of(lambda: t.execute({"a": 1}))
    shown, caret = lines[0].split(" | ", 1)[1], lines[1].split(" | ", 1)[1]
    assert shown.startswith("...") and shown.endswith("...") and len(shown) < 120
    assert shown[caret.index("^") :].startswith("{{ .a.b }}"[3:])


def test_html_escape_error() -> None:
    t = html.Template("page").parse('<p>\n{{if .Link}}<a href="{{end}}{{.Link}}">')
    message, lines = _excerpt_of(lambda: t.execute({"Link": "x"}))
    assert message.startswith("html/template:page:2:5: {{if}} branches end in different contexts")
    assert lines == ['2 | {{if .Link}}<a href="{{end}}{{.Link}}">', "  | ^^^^^^^^^^^^"]


def test_alertmanager_bundle_errors(tmp_path: Path) -> None:
    (tmp_path / "team.tmpl").write_text('{{ define "t" }}\n{{ if .Alerts }}x{{ end }')
    with pytest.raises(gotmpl.ParseError) as info:
        alertmanager.Templates().parse_glob(str(tmp_path / "*.tmpl"))
    assert excerpt(info.value)[0] == "2 | {{ if .Alerts }}x{{ end }"
    bundle = alertmanager.Templates()
    message, lines = _excerpt_of(
        lambda: bundle.execute_text("{{ .CommonLabels.x.y }}", alertmanager.Data.from_dict({}))
    )
    assert message.startswith("template: :1:")
    assert lines == ["1 | {{ .CommonLabels.x.y }}", "  |    ^^^^^^^^^^^^^^^^^"]


def test_node_span_of_a_pipeline_and_command() -> None:
    tree = gotmpl.Template("t").parse('{{ $v := printf "%d" (len .) | print }}').tree
    assert tree is not None
    action = tree.nodes[0]
    pipe = action.pipe  # type: ignore[attr-defined]
    text = action.src.text
    assert text[slice(*node_span(pipe))] == '$v := printf "%d" (len .) | print'
    assert text[slice(*node_span(pipe.cmds[0]))] == 'printf "%d" (len .)'
    assert text[slice(*node_span(pipe.cmds[1]))] == "print"


def test_undefined_templates_with_suggestions() -> None:
    t = gotmpl.Template("a.tmpl").parse(
        '{{ define "slack.footer" }}f{{ end }}{{ template "slack.footr" . }}\n'
        '{{ if 1 }}{{ template "nothing.like.it" }}{{ end }}{{ template "slack.footer" }}'
    )
    found = undefined_templates(t)
    assert [(u.name, u.suggestions) for u in found] == [
        ("slack.footr", ("slack.footer",)),
        ("nothing.like.it", ()),
    ]
    col = len('{{ define "slack.footer" }}f{{ end }}{{ template ')  # Go's: the name
    assert str(found[0].error) == (
        f'template: a.tmpl:1:{col}: template "slack.footr" not defined'
        ' (did you mean "slack.footer"?)'
    )
    assert excerpt(found[1].error)[1] == "  |           " + "^" * len(
        '{{ template "nothing.like.it" }}'
    )


# -- property ----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.one_of(mangled(), templates()), value=data())
def test_caret_always_on_the_line_and_over_gos_column(text: str, value: Any) -> None:
    try:
        gotmpl.Template("t").parse(text).execute(value, out=io.StringIO())
    except gotmpl.LimitExceeded:
        return
    except gotmpl.TemplateError as e:
        if e.source is not None:
            assert_well_placed(e)


def test_readme_excerpt_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's example of excerpt() prints what the README shows."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    section = readme.split("Where Go's message points into a template")[1]
    code = section.split("```python\n")[1].split("```")[0]
    shown = section.split("```python\n")[1].split("```\n", 2)[2].split("```")[0]
    exec(compile("import gotmpl\n" + code, "README", "exec"), {})
    printed = capsys.readouterr().out
    comment = code.split("print(err)  # ")[1].split("\n")[0]
    assert printed == comment + "\n" + shown


def test_readme_command_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's `render` and `check` examples print what the README shows."""
    from gotmpl.cli import main

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    section = readme.split("\n## The command\n")[1].split("\n## ")[0]
    blocks = [b.split("```")[0].splitlines() for b in section.split("```sh\n")[1:]]
    assert len(blocks) == 2
    (tmp_path / "sev.tmpl").write_text("Alert:\n\t{{ .CommonLabels.severity.level }}")
    (tmp_path / "team.tmpl").write_text(
        '{{ define "team.footer" }}by {{ .Receiver }}{{ end }}\n'
        '{{ define "team.text" }}{{ range .Alerts }}{{ .Annotations.summary }}{{ end }}\n'
        '{{ template "team.footr" . }}{{ end }}\n'
    )
    examples = Path(__file__).resolve().parents[2] / "examples"
    monkeypatch.chdir(tmp_path)
    for command, *want in blocks:
        args = command.removeprefix("$ gotmpl ").split()
        args = [str(examples / "alerts.json") if a == "examples/alerts.json" else a for a in args]
        err = io.StringIO()
        monkeypatch.setattr("sys.stderr", _Err(err))
        assert main(args) == 1
        assert err.getvalue().splitlines() == want


class _Err:
    """A stderr whose bytes (the command writes bytes) land in a StringIO."""

    def __init__(self, sink: io.StringIO) -> None:
        self.sink = sink
        self.buffer = self

    def write(self, data: bytes | str) -> int:
        return self.sink.write(data.decode() if isinstance(data, bytes) else data)

    def flush(self) -> None:
        pass
