"""Source maps: every character of the output is attributed to the node that wrote it."""

from __future__ import annotations

import json
from pathlib import Path

import gotmpl
from gotmpl import cubeapm

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_spans_cover_the_output_in_order() -> None:
    t = gotmpl.Template("t.tmpl").parse(
        'a{{.x}}\n{{- range .l}}<{{ . }}>{{end}}{{template "d" .x}}{{define "d"}}[{{.}}]{{end}}'
    )
    sm = t.execute_with_source_map({"x": "X", "l": [1, 2]})
    assert sm.text == t.execute({"x": "X", "l": [1, 2]}) == "aX<1><2>[X]"
    assert [(s.start, s.end, s.source) for s in sm.spans] == [
        (0, 1, "a"),
        (1, 2, "{{.x}}"),
        (2, 3, "<"),
        (3, 4, "{{ . }}"),
        (4, 5, ">"),
        (5, 6, "<"),
        (6, 7, "{{ . }}"),
        (7, 8, ">"),
        (8, 9, "["),
        (9, 10, "{{.}}"),
        (10, 11, "]"),
    ]
    span = sm.span_at(6)
    assert span is not None
    assert (span.template, span.line, span.column) == ("t.tmpl", 2, 16)
    assert span.location == "t.tmpl:2:16"
    assert sm.span_at(11) is None


def test_blames_the_action_that_broke_a_json_payload() -> None:
    data = json.loads((EXAMPLES / "alerts.json").read_text("utf-8"))
    data["commonLabels"]["env"] = 'prod"x'
    t = cubeapm.template("pagerduty.tmpl").parse((EXAMPLES / "pagerduty.tmpl").read_text("utf-8"))
    sm = t.execute_with_source_map(cubeapm.Data.from_dict(data))
    quote_at = sm.text.index('prod"x') + 4
    span = sm.span_at(quote_at)
    assert span is not None
    assert span.location == "pagerduty.tmpl:4:227"
    assert span.source == "{{ .CommonLabels.env }}"
