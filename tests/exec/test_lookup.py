"""Field chains (``.A.B``) read through their getters' plain accessors
(gotmpl.exec.lookup.chain) give what the getters give applied one by one: the
same text or the same error, whatever the classes met and in whatever order
(an accessor or a method found for a class must still fail over to the full
rules)."""

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
