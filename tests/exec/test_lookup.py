"""Field chains (``.A.B``) read through their getters' plain accessors
(gotmpl.exec.lookup.chain) give what the getters give applied one by one: the
same text or the same error, whatever the classes met and in whatever order
(an accessor or a method found for a class must still fail over to the full
rules); and what one template found a name to mean on a class, which serves
the templates compiled after it (lookup._FOUND), changes nothing they give."""

from __future__ import annotations

import dataclasses
from typing import Any
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st
from outcomes import outcomes

from gotmpl import alertmanager
from gotmpl.exec import lookup


@dataclasses.dataclass
class Struct:
    __go_type__ = "main.Struct"
    B: Any = "b"

    def M(self) -> Any:
        """A method without arguments, which fails for some values."""
        if self.B == 7:
            raise ValueError("seven")
        return self.B


@dataclasses.dataclass
class Plain:
    """A class of the program's own that does not declare its Go type: its method
    may be called, except under the strict sandbox."""

    B: Any = "b"

    def M(self) -> Any:
        return self.B


class Dynamic:
    """Attributes computed by __getattr__: no plain accessor."""

    __go_type__ = "main.Dynamic"

    def __getattr__(self, name: str) -> Any:
        if name == "B":
            return "dynamic"
        raise AttributeError(name)


_B = st.sampled_from(["x", "", None, 7, ["l"]])
_INNER = st.one_of(
    st.none(),
    _B,
    st.dictionaries(st.sampled_from(["B", "C"]), _B, max_size=2),
    st.dictionaries(st.sampled_from(["B", "C"]), st.sampled_from(["v", ""]), max_size=2).map(
        alertmanager.KV
    ),
    _B.map(Struct),
    _B.map(Plain),
    st.just(Dynamic()),
    st.builds(alertmanager.Alert, Status=st.sampled_from(["firing", ""])),
)
_DATA = st.one_of(
    st.dictionaries(st.sampled_from(["A", "Z"]), _INNER, max_size=2),
    _INNER.map(Struct),
    st.none(),
)
_TEMPLATES = [
    "{{ .A.B }}",
    "{{ print .A.B }}",
    "{{ if .A.B }}y{{ end }}",
    "{{ .B.Status }}",
    "{{ .A.M }}",
    "{{ .A.SortedPairs }}",
]


def _one_by_one(getters: Any) -> Any:
    def get(st: Any, receiver: Any, container: Any) -> Any:
        for g in getters:
            receiver, container = g(st, receiver, container), receiver
        return receiver

    return getters[0] if len(getters) == 1 else get


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_TEMPLATES),
    st.sampled_from(["missingkey=default", "missingkey=zero", "missingkey=error"]),
    st.lists(_DATA, min_size=1, max_size=6),
)
# A method found for the class, then failing.
@example("{{ .A.M }}", "missingkey=default", [{"A": Struct("x")}, {"A": Struct(7)}])
def test_chain_is_its_getters_in_turn(text: str, option: str, data: list[Any]) -> None:
    fast = outcomes(text, option, data)
    with mock.patch.object(lookup, "chain", _one_by_one):
        assert outcomes(text, option, data) == fast


_RUNS = st.lists(
    st.tuples(
        st.sampled_from(_TEMPLATES),
        st.sampled_from(["missingkey=default", "missingkey=error", "sandbox=strict"]),
        st.lists(_DATA, max_size=2),
    ),
    max_size=5,
)


@settings(max_examples=200, deadline=None)
@given(_RUNS)
# A method found for a class by a template, then read under the strict sandbox.
@example(
    [
        ("{{ .A.M }}", "missingkey=default", [{"A": Plain("x")}]),
        ("{{ .A.M }}", "sandbox=strict", [{"A": Plain("x")}]),
    ]
)
def test_what_one_template_found_serves_the_next(runs: list[Any]) -> None:
    """Templates compiled one after another share what a name was found to mean on
    a class (lookup._FOUND): each gives what it would with tables of its own."""

    def run_all() -> list[list[str]]:
        return [outcomes(text, option, data) for text, option, data in runs]

    shared = run_all()
    with mock.patch.object(lookup, "_found", lambda name, strict: ({}, {}, {})):
        assert run_all() == shared


def test_the_shared_tables_are_bounded() -> None:
    classes = [
        dataclasses.make_dataclass(f"C{i}", [("A", str)], namespace={"__go_type__": f"main.C{i}"})
        for i in range(5)
    ]
    with (
        mock.patch.object(lookup, "_FOUND", {}),
        mock.patch.object(lookup, "_FOUND_NAMES", 3),
        mock.patch.object(lookup, "_FOUND_CLASSES", 2),
    ):
        for name in "BCDEF":
            assert outcomes("{{." + name + "}}", "missingkey=zero", [{name: "v"}]) == ["ok: v"]
            assert len(lookup._FOUND) <= 3
        for _ in range(2):
            got = outcomes(
                "{{.A}}", "missingkey=zero", [c(A=str(i)) for i, c in enumerate(classes)]
            )
            assert got == [f"ok: {i}" for i in range(5)]
            assert all(len(table) <= 2 for tables in lookup._FOUND.values() for table in tables)
