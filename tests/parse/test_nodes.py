"""Node classes: what node_class makes of them (fields, defaults, immutability)."""

from __future__ import annotations

import pytest

from gotmpl.parse import nodes
from gotmpl.parse.parser import parse

SRC = nodes.Source("t", "{{1}}", "{{", "}}")


def test_fields_in_order_bases_first_with_defaults() -> None:
    assert nodes.NumberNode._fields == (
        "pos",
        "src",
        "text",
        "int_value",
        "uint_value",
        "float_value",
        "complex_value",
    )
    n = nodes.NumberNode(2, SRC, "1", int_value=1)
    assert (n.pos, n.src, n.text, n.int_value, n.uint_value) == (2, SRC, "1", 1, None)
    assert nodes.ActionNode(0, SRC, None).extent == (0, 0)  # type: ignore[arg-type]
    assert nodes.IfNode._fields == ("pos", "src", "pipe", "list", "else_list")
    with pytest.raises(TypeError):
        nodes.TextNode(0, SRC)  # type: ignore[call-arg]


def test_nodes_are_immutable_and_without_a_dict() -> None:
    n = nodes.TextNode(0, SRC, "x")
    with pytest.raises(AttributeError, match="immutable"):
        n.text = "y"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        del n.pos  # type: ignore[misc]
    assert not hasattr(n, "__dict__")
    assert n != nodes.TextNode(0, SRC, "x") and n == n  # identity, as eq=False


def test_replace_copies_with_changes() -> None:
    n = nodes.NumberNode(0, SRC, "1", int_value=1)
    m = nodes.replace(n, pos=5)
    assert type(m) is nodes.NumberNode and (m.pos, m.text, m.int_value) == (5, "1", 1)
    assert n.pos == 0
    with pytest.raises(TypeError, match="no field 'nope'"):
        nodes.replace(n, nope=1)


def test_repr_names_the_fields_but_not_the_source() -> None:
    assert repr(nodes.TextNode(3, SRC, "x")) == "TextNode(pos=3, text='x')"


def test_parsed_trees_print_as_written() -> None:
    text = '{{if .a}}{{range $i, $e := .b}}{{printf "%d" $i | print}}{{end}}{{else}}x{{end}}'
    assert str(parse("t", text, "{{", "}}", {"printf", "print"})["t"]) == text
