"""JSON blame: check_json names the template node that wrote the byte breaking a payload."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gotmpl
from gotmpl import cubeapm
from gotmpl.tools.jsoncheck import JsonProblem, _json_error, check_json
from gotmpl.tools.sourcemap import SourceMap

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED = (EXAMPLES / "pagerduty.tmpl").read_text("utf-8")
SAFE = (EXAMPLES / "pagerduty-safe.tmpl").read_text("utf-8")
SAMPLE: dict[str, Any] = json.loads((EXAMPLES / "alerts.json").read_text("utf-8"))

PRINTF_LABEL = '{{ printf "%q: %q" (.Name) (.Value) }}'


def problem_of(source: str, data: Any = None, name: str = "t.tmpl") -> JsonProblem | None:
    t = gotmpl.Template(name).parse(source)
    return check_json(t.execute_with_source_map(data))


def seed_problem(sample: dict[str, Any], source: str = SEED) -> JsonProblem | None:
    t = cubeapm.template("pagerduty.tmpl").parse(source)
    return check_json(t.execute_with_source_map(cubeapm.Data.from_dict(sample)))


def with_label(field: str, name: str, value: str, alert: int | None = None) -> dict[str, Any]:
    sample = json.loads(json.dumps(SAMPLE))
    target = sample[field] if alert is None else sample["alerts"][alert][field]
    target[name] = value
    return sample


# (template, data, expected blame line)
CASES: list[tuple[str, Any, str]] = [
    # An action ends a string the template text opened.
    ('{"a": "{{ .x }}"}', {"x": 'say "hi"'}, "t.tmpl:1:8: {{ .x }} wrote '\"' inside a JSON string"),
    # A trailing backslash escapes the template's closing quote.
    ('{"a": "{{ .x }}", "b": 1}', {"x": "C:\\"}, "t.tmpl:1:8: {{ .x }} wrote '\\\\' inside a JSON string"),
    # Raw control characters in a string.
    ('{"a": "{{ .x }}"}', {"x": "bell\x07"}, "t.tmpl:1:8: {{ .x }} wrote '\\x07' inside a JSON string"),
    ('{"a": "{{ .x }}"}', {"x": "two\nlines"}, "t.tmpl:1:8: {{ .x }} wrote '\\n' inside a JSON string"),
    ('{"a": "{{ .x }}"}', {"x": "\x00"}, "t.tmpl:1:8: {{ .x }} wrote '\\x00' inside a JSON string"),
    # Go's %q writes escapes JSON does not have.
    ('{"a": {{ printf "%q" .x }}}', {"x": "\x07"}, "t.tmpl:1:7: {{ printf \"%q\" .x }} wrote '\\\\a' inside a JSON string"),
    ('{"a": {{ printf "%q" .x }}}', {"x": "\x00"}, "t.tmpl:1:7: {{ printf \"%q\" .x }} wrote '\\\\x' inside a JSON string"),
    ('{"a": {{ printf "%q" .x }}}', {"x": "\x0b"}, "t.tmpl:1:7: {{ printf \"%q\" .x }} wrote '\\\\v' inside a JSON string"),
    ('{"a": {{ printf "%q" .x }}}', {"x": "\U000e0001"}, "t.tmpl:1:7: {{ printf \"%q\" .x }} wrote '\\\\U' inside a JSON string"),
    # An action opens a string and leaves it open.
    ('{"a": {{ .x }}, "b": 1}', {"x": '"hi'}, "t.tmpl:1:7: {{ .x }} wrote '\"' opening a JSON string that it does not close"),
    ('{"a": {{ .x }}}', {"x": '"hi'}, "t.tmpl:1:7: {{ .x }} wrote '\"' opening a JSON string that it does not close"),
    # Values that are not JSON.
    ('{"a": {{ .x }}}', {"x": "hello"}, "t.tmpl:1:7: {{ .x }} wrote 'h' where a JSON value was expected"),
    ('{"a": {{ .x }}}', {"x": float("nan")}, "t.tmpl:1:7: {{ .x }} wrote 'NaN' where a JSON value was expected"),
    ('{"a": {{ .x }}}', {"x": float("-inf")}, "t.tmpl:1:7: {{ .x }} wrote '-Inf' where a JSON value was expected"),
    ('{"a": {{ .x }}}', {"x": float("inf")}, "t.tmpl:1:7: {{ .x }} wrote '+Inf' where a JSON value was expected"),
    ('{"a": -Infinity}', None, "t.tmpl:1:7: template text wrote '-Infinity' where a JSON value was expected"),
    ('{"a": {{ .x }}', {"x": 1.0}, "t.tmpl:1:7: {{ .x }} wrote '1', then the output ended inside a JSON object"),
    # An empty value: nothing to blame but the next character.
    ('{"a": {{ .x }}}', {"x": ""}, "t.tmpl:1:15: template text wrote '}' where a JSON value was expected"),
    # Template text mistakes: the column is the character's own.
    ('[{{ range . }}{{ . }},{{ end }}]', [1, 2], "t.tmpl:1:22: template text wrote ',' at the end of a JSON array"),
    ('{\n  "a": 1,\n}', None, "t.tmpl:2:9: template text wrote ',' at the end of a JSON object"),
    ('{\n  "a": 1\n  "b": 2\n}', None, "t.tmpl:3:3: template text wrote '\"' where ',' or '}' was expected"),
    ('{"a" 1}', None, "t.tmpl:1:6: template text wrote '1' where ':' was expected"),
    ("{a: 1}", None, "t.tmpl:1:2: template text wrote 'a' where a JSON object key was expected"),
    ("[1 2]", None, "t.tmpl:1:4: template text wrote '2' where ',' or ']' was expected"),
    ('{"a": 1}\n{{ .x }}', {"x": "more"}, "t.tmpl:2:1: {{ .x }} wrote 'm' outside any JSON value"),
    ('{"a": "b\\q"}', None, "t.tmpl:1:9: template text wrote '\\\\q' inside a JSON string"),
    ('{"a": "\\u12x4"}', None, "t.tmpl:1:8: template text wrote '\\\\u12x' inside a JSON string"),
    ('{"a": "b}', None, "t.tmpl:1:7: template text wrote '\"' opening a JSON string that is never closed"),
    ('{"a": [1,\n  2\n', None, "t.tmpl:2:3: template text wrote '2', then the output ended inside a JSON array"),
    (" \n", None, "t.tmpl:1:2: template text wrote '\\n', then the output ended before any JSON value"),
    ("", None, "the template wrote nothing, where a JSON value was expected"),
    # A byte that is not UTF-8 (Go strings are bytes; slicing one can split a character).
    ('{"a": "{{ slice .x 0 1 }}"}', {"x": "é"}, "t.tmpl:1:8: {{ slice .x 0 1 }} wrote b'\\xc3', a byte that is not UTF-8"),
    # A multi-line action is shown on one line.
    ('{"a": "{{ .x\n }}"}', {"x": '"'}, "t.tmpl:1:8: {{ .x }} wrote '\"' inside a JSON string"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "data", "want"), CASES, ids=[c[2] for c in CASES])
def test_blame_lines(source: str, data: Any, want: str) -> None:
    problem = problem_of(source, data)
    assert problem is not None
    assert problem.message == want
    assert str(problem) == want


@pytest.mark.parametrize(
    "source",
    [
        '{"a": "{{ .x }}", "n": {{ .n }}, "l": [{{ range $i, $e := .l }}{{ if $i }},{{ end }}{{ $e }}{{ end }}]}',
        '{{ .x | printf "%q" }}',
        '  {"a": "\\u00e9\\n\\"", "b": [true, false, null, -1.5e3, {}]}  \n',
    ],
)
def test_valid_json_is_none(source: str) -> None:
    assert problem_of(source, {"x": "ok ☃ \u2028", "n": 3, "l": [1, 2, 3]}) is None


def test_seed_template_on_the_sample_is_json() -> None:
    assert seed_problem(SAMPLE) is None
    assert seed_problem(SAMPLE, SAFE) is None


def test_seed_template_with_a_quote_in_env() -> None:
    """The issue's case: the summary line interpolates .CommonLabels.env unescaped."""
    problem = seed_problem(with_label("commonLabels", "env", 'prod"x'))
    assert problem is not None
    assert problem.message.startswith("pagerduty.tmpl:4:")
    assert ".CommonLabels.env" in problem.message
    assert problem.message == (
        "pagerduty.tmpl:4:227: {{ .CommonLabels.env }} wrote '\"' inside a JSON string"
    )
    # Python's parser notices at the x after the quote; the blame is the quote itself.
    assert problem.error == "Expecting ',' delimiter: line 4 column 46 (char 63)"
    assert problem.offset == 62 and problem.chars == '"'
    assert problem.span is not None and problem.span.source == "{{ .CommonLabels.env }}"
    assert problem.location == problem.span.location == "pagerduty.tmpl:4:227"


@pytest.mark.parametrize(
    ("value", "chars"),
    [("\x07", "'\\\\a'"), ("\x00", "'\\\\x'"), ("\x1b", "'\\\\x'"), ("\x7f", "'\\\\x'")],
)
def test_seed_template_percent_q_escapes(value: str, chars: str) -> None:
    """Go's %q writes \\a, \\x00, \\x1b, \\x7f for these; JSON has no such escapes."""
    problem = seed_problem(with_label("labels", "team", f"a{value}b", alert=0))
    assert problem is not None
    assert (
        problem.message == f"pagerduty.tmpl:18:9: {PRINTF_LABEL} wrote {chars} inside a JSON string"
    )
    assert problem.error.startswith("Invalid \\escape: line 19 ")


@pytest.mark.parametrize(
    "value", ['"', "\\", "\x00", "\x07", "\x1b", "\n", "\u2028", "🔥", "\u202e"]
)
def test_safe_template_survives_what_breaks_the_seed(value: str) -> None:
    for field, alert in (("commonLabels", None), ("labels", 0), ("annotations", 1)):
        sample = with_label(field, "env", f"x{value}y", alert=alert)
        assert seed_problem(sample, SAFE) is None


def test_safe_template_writes_the_same_json_as_the_seed() -> None:
    data = cubeapm.Data.from_dict(SAMPLE)
    seed = cubeapm.template("a").parse(SEED).execute(data)
    safe = cubeapm.template("b").parse(SAFE).execute(data)
    assert json.loads(safe) == json.loads(seed)


def test_blame_in_another_file_names_that_file(tmp_path: Path) -> None:
    (tmp_path / "body.tmpl").write_text('{"summary": "{{ template "summary" . }}"}')
    (tmp_path / "parts.tmpl").write_text('{{ define "summary" -}}\n[{{ .x }}]{{ end }}')
    t = gotmpl.parse_files(tmp_path / "body.tmpl", tmp_path / "parts.tmpl")
    problem = check_json(t.execute_with_source_map({"x": "a\tb"}))
    assert problem is not None
    assert problem.message == "parts.tmpl:2:2: {{ .x }} wrote '\\t' inside a JSON string"


def test_first_broken_string_is_blamed_not_later_ones() -> None:
    problem = problem_of('{"a": "{{ .x }}", "b": "{{ .y }}"}', {"x": 'q"', "y": 'r"'})
    assert problem is not None
    assert problem.message == "t.tmpl:1:8: {{ .x }} wrote '\"' inside a JSON string"


def test_a_source_map_without_spans() -> None:
    problem = check_json(SourceMap('{"a": x}', ()))
    assert problem is not None
    assert problem.span is None
    assert problem.message == "output character 6 is 'x', where a JSON value was expected"


# -- the scanner against Python's parser -------------------------------------------------

TOKENS = [
    *'{}[],:" \n\t\\',
    "true", "false", "null", "nul", "0", "01", "-", "-1", "1.5", "1.", "1e", "2E+3",
    '"a"', "\\u00e9", "\\u12", "\\n", '\\"', "\x07", "é", "a", "NaN", "Infinity",
]  # fmt: skip


@settings(max_examples=1000, database=None, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=14).map("".join))
def test_scanner_agrees_with_python(text: str) -> None:
    """Strict JSON is what Python's json accepts, minus NaN and Infinity."""
    try:
        json.loads(text, parse_constant=lambda name: 1 / 0)
        valid = True
    except (ValueError, ZeroDivisionError):
        valid = False
    assert (_json_error(text) is None) == valid
    assert (check_json(SourceMap(text, ())) is None) == valid


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
).filter(lambda v: "Infinity" not in json.dumps(v))


@settings(max_examples=150, database=None, deadline=None)
@given(JSON_VALUES, st.booleans(), st.sampled_from([None, 0, 2]))
def test_scanner_accepts_what_json_dumps_writes(value: Any, ascii_only: bool, indent: Any) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    assert check_json(SourceMap(text, ())) is None


def test_deep_nesting_is_decided_without_recursion() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    assert _json_error(deep) is None
    error = _json_error(deep[:-1])
    assert error is not None and error[1] == len(deep) - 1
