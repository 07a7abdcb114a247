"""Escaping deep templates: no RecursionError, and Limits bound the escaper's work.

Go escapes thousands of nested actions, and escapes a range body twice per
level (so nested ranges cost twice as much per level, with no bound); gotmpl
escapes the former on a shallow stack and, given Limits, stops the latter with
LimitExceeded.
"""

from __future__ import annotations

import pytest

import gotmpl
from gotmpl import html

DEPTH = 3000


@pytest.mark.parametrize(
    "source",
    [
        "{{if .}}" * DEPTH + "<b>{{.}}</b>" + "{{end}}" * DEPTH,
        '{{define "a"}}{{.}}{{end}}'
        + "{{with .}}" * DEPTH
        + '<a href="{{template "a" .}}">'
        + "{{end}}" * DEPTH,
        '{{define "a"}}'
        + "{{if .}}" * DEPTH
        + "{{.}}"
        + "{{end}}" * DEPTH
        + "{{end}}"
        + '<a title="{{template "a" .}}">',
    ],
    ids=["nested ifs", "deep call", "deep copy"],
)
def test_deep_templates_escape(source: str) -> None:
    """On a value without specials, escaping changes nothing the text render writes."""
    expected = gotmpl.Template("t").parse(source).execute("plain")
    assert html.Template("t").parse(source).execute("plain") == expected


NESTED_RANGES = "{{range .}}" * 400 + "<i>{{.}}" + "{{end}}" * 400


@pytest.mark.parametrize(
    ("limits", "reason"),
    [
        (gotmpl.Limits(steps=10_000), "escaping: step limit exceeded (10000)"),
        (gotmpl.Limits(seconds=0.2), "escaping: time limit exceeded (0.2s)"),
    ],
)
def test_limits_bound_escaping(limits: gotmpl.Limits, reason: str) -> None:
    t = html.Template("t").parse('{{define "b"}}<b>{{.}}</b>{{end}}' + NESTED_RANGES)
    for _ in range(2):  # the set is left as it was: the same again
        with pytest.raises(gotmpl.LimitExceeded) as e:
            t.execute([], limits=limits)
        assert str(e.value) == "html/template:t: " + reason
        assert e.value.reason == reason
    # What was escaped before stays usable: another template of the set runs.
    assert t.execute_template("b", "<x>", limits=limits) == "<b>&lt;x&gt;</b>"
