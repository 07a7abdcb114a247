"""A range over ``.M.SortedPairs`` whose body reads only ``.Name`` and ``.Value``
visits the plain tuples a KV's pairs are made from (gotmpl.exec.compiler
tuple_range): the same text or the same error as visiting the pairs, whatever
``.M`` is, on one template run over data in sequence (what it found for a class
persists), and plain tuples met any other way stay Go slices."""

from __future__ import annotations

import dataclasses
from typing import Any
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from outcomes import outcomes

import gotmpl
from gotmpl import alertmanager
from gotmpl.exec import compiler
from gotmpl.parse.nodes import RangeNode
from gotmpl.profiles import amdata


class TupleMaker:
    """A SortedPairs of its own that returns plain tuples (Go slices)."""

    __go_type__ = "main.TupleMaker"

    def __init__(self, items: list[tuple[str, str]]) -> None:
        self.items = items

    def SortedPairs(self) -> list[tuple[str, str]]:
        return list(self.items)


class OtherKV(alertmanager.KV):
    """A KV whose SortedPairs is its own: not the tuples of KV's."""

    __go_type__ = "main.OtherKV"

    def SortedPairs(self) -> amdata.Pairs:
        return amdata.Pairs(reversed(super().SortedPairs()))


class InheritedKV(alertmanager.KV):
    """A KV subclass keeping KV's SortedPairs, and so its tuples."""

    __go_type__ = "main.InheritedKV"


@dataclasses.dataclass
class Struct:
    __go_type__ = "main.Struct"
    SortedPairs: Any = "field"


_NAMES = st.sampled_from(["alertname", "a", "b", "Z", "é", "\udcff", "job", ""])
_VALUES = st.sampled_from(["b", "", "x y", '"q"', "ü"])
_LABELS = st.dictionaries(_NAMES, _VALUES, max_size=4)
_M = st.one_of(
    _LABELS.map(alertmanager.KV),
    _LABELS.map(InheritedKV),
    _LABELS.map(OtherKV),
    _LABELS,
    st.lists(st.tuples(_NAMES, _VALUES), max_size=3).map(TupleMaker),
    st.builds(Struct, st.sampled_from(["field", None, 3])),
    st.none(),
    st.just(3),
)
_DATA = st.one_of(
    st.fixed_dictionaries({}, optional={"M": _M, "T": st.tuples(_NAMES, _VALUES)}), st.none()
)
_TEMPLATES = [
    "{{range .M.SortedPairs}}{{.Name}}={{.Value}};{{end}}",
    '{{range .M.SortedPairs}}{{printf "%q: %q" (.Name) (.Value)}}{{else}}none{{end}}',
    '{{$c := ""}}{{range .M.SortedPairs}}{{$c}}{{.Name}}{{$c = ","}}'
    '{{if eq .Value "b"}}{{break}}{{end}}{{end}}',
    "{{range .M.SortedPairs}}{{if not .Value}}{{continue}}{{end}}{{.Value | len}}{{end}}",
    '{{range .M.SortedPairs}}{{if $n := .Name}}{{$n}}{{end}}{{or .Value "-"}}{{end}}',
    # A plain tuple read other than as dot: a Go slice, whose fields are errors.
    "{{$t := .T}}{{range .M.SortedPairs}}{{.Name}}{{$t.Name}}{{end}}",
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_TEMPLATES),
    st.sampled_from(
        ["missingkey=default", "missingkey=zero", "missingkey=error", "sandbox=strict"]
    ),
    st.lists(_DATA, min_size=1, max_size=6),
)
# Plain tuples from another SortedPairs after KV's tuples, and before them.
@example(
    _TEMPLATES[0],
    "missingkey=default",
    [{"M": alertmanager.KV(a="b")}, {"M": TupleMaker([("n", "v")])}, {"M": alertmanager.KV()}],
)
def test_a_tuple_range_is_the_range_over_the_pairs(text: str, option: str, data: list[Any]) -> None:
    fast = outcomes(text, option, data)
    with mock.patch.object(compiler, "_TUPLE_RANGES", {}):
        assert outcomes(text, option, data) == fast


def test_kv_labels_are_visited_without_making_pairs() -> None:
    labels = alertmanager.KV(job="api", alertname="Down", a='"x"')
    text = '{{range .M.SortedPairs}}{{printf "%q=%q " (.Name) (.Value)}}{{end}}'
    with mock.patch.object(amdata, "Pair", side_effect=AssertionError("a Pair was made")):
        out = gotmpl.Template("t").parse(text).execute({"M": labels})
        assert out == '"alertname"="Down" "a"="\\"x\\"" "job"="api" '
        with mock.patch.object(compiler, "_TUPLE_RANGES", {}), pytest.raises(gotmpl.ExecError):
            gotmpl.Template("t").parse(text).execute({"M": labels})


@pytest.mark.parametrize(
    "body",
    [
        "{{.}}",  # dot itself
        "{{.Name.X}}",  # a field of a field
        "{{.Other}}",  # another field
        '{{.Name "x"}}',  # a field given an argument
        '{{"x" | .Name}}',  # or a piped value
        "{{with .Name}}{{.}}{{end}}",  # dot set again
        "{{range .Name}}{{end}}",
        '{{template "u" .Name}}',
        "{{(.).Name}}",
    ],
)
def test_a_body_that_lets_dot_out_visits_the_pairs(body: str) -> None:
    text = '{{define "u"}}{{end}}{{range .M.SortedPairs}}' + body + "{{end}}"
    tree = gotmpl.Template("t").parse(text).tree
    assert tree is not None and isinstance(tree.nodes[-1], RangeNode)
    assert compiler._reads_only(tree.nodes[-1].list, {"Name": 0, "Value": 1}) is False
    assert compiler._reads_only(tree.nodes[-1].list, {"Name": 0, "Value": 1, "Other": 2}) is (
        body == "{{.Other}}"
    )


@pytest.mark.parametrize(
    "declared",
    [None, "x", (), (1, 2), (amdata._sorted_items,), (amdata._sorted_items, ["Name", "Value"])],
)
def test_a_malformed_tuple_declaration_ranges_over_the_method(declared: Any) -> None:
    class Odd(alertmanager.KV):
        __go_type__ = "main.Odd"

        def SortedPairs(self) -> amdata.Pairs:
            return amdata.Pairs(reversed(super().SortedPairs()))

    Odd.SortedPairs.__go_range_tuples__ = declared  # type: ignore[attr-defined]
    text = "{{range .M.SortedPairs}}{{.Name}}={{.Value}};{{end}}"
    out = gotmpl.Template("t").parse(text).execute({"M": Odd(a="1", b="2")})
    assert out == "b=2;a=1;"
