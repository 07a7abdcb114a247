"""The parser against Go's: acceptance, error text and the reprint of every tree.

tests/data/parse_cases.json holds ~1,500 templates (seeds and mutations of them)
with Go 1.27's verdict, recorded by tests/data/record_parse_cases.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gotmpl
from gotmpl.exec.builtins import BUILTINS
from gotmpl.parse.parser import parse

CASES = json.loads((Path(__file__).parents[1] / "data" / "parse_cases.json").read_text("utf-8"))
FUNCS = frozenset(BUILTINS)


@pytest.mark.parametrize("case", CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_parse_like_go(case: dict) -> None:
    text = case["template"]
    if "error" in case:
        with pytest.raises(gotmpl.ParseError) as info:
            parse("t", text, "{{", "}}", FUNCS)
        assert str(info.value) == case["error"]
    else:
        trees = parse("t", text, "{{", "}}", FUNCS)
        assert {name: str(tree) for name, tree in trees.items()} == case["trees"]


def test_every_case_through_the_public_api() -> None:
    """Template.parse agrees with parse() on every case (it adds caching and the set)."""
    for case in CASES:
        t = gotmpl.Template("t")
        if "error" in case:
            with pytest.raises(gotmpl.ParseError):
                t.parse(case["template"])
        else:
            t.parse(case["template"])


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("{{.x", 1, 4),
        ("a\n{{if}}", 2, 4),
        ("a\nb {{ foo }}", 2, 5),
    ],
)
def test_parse_error_position(text: str, line: int, col: int) -> None:
    with pytest.raises(gotmpl.ParseError) as info:
        gotmpl.Template("t").parse(text)
    err = info.value
    assert (err.name, err.line, err.col) == ("t", line, col)


def test_functions_registered_before_parse_are_known() -> None:
    with pytest.raises(gotmpl.ParseError, match='function "shout" not defined'):
        gotmpl.Template("t").parse("{{shout .}}")
    t = gotmpl.Template("t").funcs({"shout": str.upper}).parse("{{shout .}}")
    assert t.execute("hi") == "HI"


def test_break_is_a_function_when_one_is_defined() -> None:
    # Go's lexer treats break/continue as identifiers when a function has the name.
    t = gotmpl.Template("t").funcs({"break": lambda: "B"}).parse("{{break}}")
    assert t.execute() == "B"


def test_deep_nesting_parses() -> None:
    depth = 5000
    text = "{{if 1}}" * depth + "x" + "{{end}}" * depth
    assert gotmpl.Template("t").parse(text).execute() == "x"
    parens = "(" * 3000 + "1" + ")" * 3000
    assert gotmpl.Template("t").parse("{{" + parens + "}}").execute() == "1"


def test_too_deep_parentheses() -> None:
    with pytest.raises(gotmpl.ParseError, match="max expression depth exceeded"):
        gotmpl.Template("t").parse("{{" + "(" * 10001 + "1" + ")" * 10001 + "}}")
