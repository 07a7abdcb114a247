"""Tests for gotmpl.gostd.fmt against answers recorded from Go 1.27's fmt package.

Every expected output comes from tests/data/gofmt_cases.json, written by
tests/data/gofmt_gen/main.go (regenerate from that folder with
``GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go run . -o ../gofmt_cases.json``;
Go is not needed to run these tests). The classes below mirror the Go types
declared in the generator.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import json
import math
import pathlib
import re
import struct
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gotmpl import gotypes
from gotmpl.gostd import fmt as gofmt
from gotmpl.gostd import time as gotime
from gotmpl.gostd.fmt import format_float, format_value, sprint, sprintf, sprintln

DATA = json.loads(
    (pathlib.Path(__file__).parents[1] / "data" / "gofmt_cases.json").read_text(encoding="utf-8")
)
CASES: list[dict[str, Any]] = DATA["cases"]


# -- mirrors of the generator's Go types -------------------------------------------


@dataclasses.dataclass
class T:
    __go_type__ = "main.T"
    A: int
    B: str


class PT:
    """*main.T: a pointer to a T."""

    __go_type__ = "*main.T"
    __go_fields__ = ("A", "B")

    def __init__(self, A: int, B: str) -> None:
        self.A = A
        self.B = B


class S(int):
    __go_type__ = "main.S"

    def String(self) -> str:
        return f"S({int(self)})"


@dataclasses.dataclass
class E:
    __go_type__ = "main.E"
    Msg: str

    def Error(self) -> str:
        return "E:" + self.Msg


class U(int):
    __go_type__ = "main.U"
    __go_kind__ = "uint8"


@dataclasses.dataclass
class G:
    __go_type__ = "main.G"
    A: int

    def GoString(self) -> str:
        return "G{gostring}"


class SE(int):
    __go_type__ = "main.SE"

    def String(self) -> str:
        return "string"

    def Error(self) -> str:
        return "error"


class Pan(int):
    __go_type__ = "main.Pan"

    def String(self) -> str:
        raise RuntimeError("boom")


class Str(str):
    __go_type__ = "main.Str"


@dataclasses.dataclass
class N:
    __go_type__ = "main.N"
    M: Any
    L: Any
    S: Any
    T: Any
    I: Any  # noqa: E741 - the Go field's name
    F: Any
    B: Any


class StrList(list):
    __go_type__ = "[]string"


class IntList(list):
    __go_type__ = "[]int"


def _sized(go_kind: str, base: type) -> type:
    return type(go_kind.capitalize(), (base,), {"__go_kind__": go_kind, "__go_type__": go_kind})


SIZED = {
    name: _sized(name, int)
    for name in ("int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64")
}
SIZED["uintptr"] = _sized("uintptr", int)
F32 = _sized("float32", float)
C64 = _sized("complex64", complex)


def func() -> None:  # the generator's func() operand
    pass


def f64(bits: str) -> float:
    return struct.unpack("<d", struct.pack("<Q", int(bits, 16)))[0]


def f32(bits: str) -> float:
    return struct.unpack("<f", struct.pack("<I", int(bits, 16)))[0]


def gostr(d: dict[str, Any]) -> str:
    """A Go string: bytes that are not UTF-8 travel as lone surrogates."""
    if "b64" in d:
        return base64.b64decode(d["b64"]).decode("utf-8", "surrogateescape")
    return d["v"]


def plain(v: Any) -> Any:
    """The plain Python number (or str) behind a sized Go number."""
    for base in (bool, int, float, complex, str):
        if isinstance(v, base):
            return base(v)
    return v


def build(d: dict[str, Any]) -> Any:
    """Rebuild the Python value standing for one encoded Go operand."""
    t = d["t"]
    if t == "nil":
        return None
    if t in ("bool", "int"):
        return d["v"]
    if t in SIZED:
        return SIZED[t](d["v"])
    if t == "float64":
        return f64(d["bits"])
    if t == "float32":
        return F32(f32(d["bits"]))
    if t == "complex128":
        return complex(f64(d["re"]), f64(d["im"]))
    if t == "complex64":
        return C64(complex(f32(d["re"]), f32(d["im"])))
    if t == "string":
        return gostr(d)
    if t == "Str":
        return Str(gostr(d))
    if t == "bytes":
        return base64.b64decode(d["b64"])
    if t == "T":
        return T(d["A"], build(d["B"]))
    if t == "*T":
        return PT(d["A"], build(d["B"]))
    if t == "E":
        return E(build(d["Msg"]))
    if t == "G":
        return G(d["A"])
    simple = {"S": S, "U": U, "SE": SE, "Pan": Pan}
    if t in simple:
        return simple[t](d["v"])
    if t == "list":
        return [build(x) for x in d["v"]]
    if t == "strlist":
        return StrList(build(x) for x in d["v"])
    if t == "intlist":
        return IntList(build(x) for x in d["v"])
    if t in ("map", "imap"):
        return {build(k): build(v) for k, v in d["v"] or []}
    if t == "N":
        return N(*(build(d[f]) for f in ("M", "L", "S", "T", "I", "F", "B")))
    if t == "func":
        return func
    if t == "typed":  # a slice with a Go element type, holding plain Python numbers
        elem = d["type"].removeprefix("[]")
        return gotypes.typed_slice(elem)(plain(build(x)) for x in d["v"])
    if t == "typedmap":
        key, _, elem = d["type"].removeprefix("map[").partition("]")
        return gotypes.typed_map(key, elem)({plain(build(k)): plain(build(v)) for k, v in d["v"]})
    if t == "Duration":
        return gotime.Duration(d["v"])
    raise AssertionError(f"unknown operand type {t}")


def case_format(c: dict[str, Any]) -> str:
    if "format_b64" in c:
        return base64.b64decode(c["format_b64"]).decode("utf-8", "surrogateescape")
    return c.get("format", "")


def case_out(c: dict[str, Any]) -> str:
    if "out_b64" in c:
        return base64.b64decode(c["out_b64"]).decode("utf-8", "surrogateescape")
    return c["out"]


_ADDR = re.compile(r" *(0[xX])?[0-9a-fA-F]{5,} *")


def mask_addresses(s: str) -> str:
    """Memory addresses differ between Go and Python (and between runs)."""
    return _ADDR.sub("ADDR", s)


# -- the recorded table ------------------------------------------------------------

# One test per function and format string (about 1,200), each checking every
# operand Go recorded for it: per-case tests would spend far more time in
# pytest than in the code under test.
GROUPS: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
for _n, _case in enumerate(CASES):
    GROUPS.setdefault((_case["func"], case_format(_case)), []).append((_n, _case))


def group_id(key: tuple[str, str]) -> str:
    func, fmt = key
    return func if func != "sprintf" else f"sprintf:{ascii(fmt)[1:-1]}"


def run_case(case: dict[str, Any]) -> tuple[str, str]:
    """What gofmt prints for a recorded case, and what Go printed."""
    args = [build(a) for a in case["args"]]
    if case["func"] == "sprintf":
        got = sprintf(case_format(case), *args)
    elif case["func"] == "sprint":
        got = sprint(*args)
    else:
        got = sprintln(*args)
    want = case_out(case)
    if any(a["t"] == "func" for a in case["args"]):
        # A Python function stands for a Go func of this type, not func().
        want = want.replace("func()", gofmt.type_name(func))
    if case.get("addr"):
        got, want = mask_addresses(got), mask_addresses(want)
    return got, want


@pytest.mark.parametrize("key", list(GROUPS), ids=[group_id(k) for k in GROUPS])
def test_go_recorded(key: tuple[str, str]) -> None:
    failures = []
    for n, case in GROUPS[key]:
        got, want = run_case(case)
        if got != want:
            failures.append(
                f"case {n} {json.dumps(case['args'])}:\n  got  {got!r}\n  want {want!r}"
            )
    assert not failures, f"{len(failures)} of {len(GROUPS[key])} cases differ\n" + "\n".join(
        failures
    )


def test_table_size() -> None:
    assert len(CASES) >= 1500


# -- behaviour the table cannot carry ----------------------------------------------


def test_large_width_and_precision() -> None:
    # Go pads up to a literal width of 10,000,009 without complaint; above that
    # the number is abandoned and the rest of the format with it.
    assert sprintf("%1000001d", 1) == " " * 1000000 + "1"
    assert len(sprintf("%.1000001d", 1)) == 1000001
    assert sprintf("%100000000d", 1) == "%!(NOVERB)%!(EXTRA int=1)"
    assert sprintf("%*d", 1000000, 1) == " " * 999999 + "1"
    assert sprintf("%*d", 1000001, 1) == "%!(BADWIDTH)1"


def test_addresses_are_object_ids() -> None:
    xs = [1]
    assert sprintf("%p", xs) == hex(id(xs))
    assert sprintf("%v", [PT(1, "x")]).startswith("[0x")
    assert sprintf("%p %p", xs, xs) == f"{hex(id(xs))} {hex(id(xs))}"


def test_format_value_fast_paths_match_sprint() -> None:
    for v in ["", "x", 0, -5, 1 << 70, True, False, 0.0, -0.0, 1e6, 1e21, 123456.0, 1234567.5]:
        assert format_value(v) == sprintf("%v", v)


def test_timedelta_prints_as_duration() -> None:
    td = datetime.timedelta(seconds=90, milliseconds=5)
    d = gotime.Duration(90_005_000_000)
    for f in ("%v", "%d", "%s", "%x", "%T", "%#v", "%8v|"):
        assert sprintf(f, td) == sprintf(f, d)
    assert sprint([td]) == "[1m30.005s]"
    assert sprintf("%*d|", td, 1) == sprintf("%*d|", d, 1)


def test_python_only_values() -> None:
    assert sprint(1 << 70) == str(1 << 70)
    assert sprintf("%x", 1 << 70) == format(1 << 70, "x")
    assert sprint((1, "a")) == "[1 a]"
    assert sprintf("%T", (1, "a")) == "[]interface {}"


# -- properties --------------------------------------------------------------------

INT64 = st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1)
FINITE = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=300)
@given(
    st.one_of(
        INT64,
        st.floats(),
        st.booleans(),
        st.complex_numbers(),
        st.lists(st.one_of(INT64, st.floats(), st.text(max_size=5)), max_size=4),
        st.dictionaries(st.text(max_size=4), INT64, max_size=4),
    )
)
def test_percent_v_is_sprint(x: Any) -> None:
    assert sprintf("%v", x) == sprint(x) == format_value(x)
    assert sprintln(x) == sprint(x) + "\n"


@settings(max_examples=500)
@given(st.floats())
def test_shortest_float_round_trips(f: float) -> None:
    s = format_float(f, "g", -1)
    if math.isnan(f):
        assert s == "NaN"
        return
    back = float(s.replace("Inf", "inf"))
    assert back == f
    assert math.copysign(1, back) == math.copysign(1, f)


@given(INT64)
def test_decimal_is_str(n: int) -> None:
    assert sprintf("%d", n) == str(n)
    assert sprintf("%x", n) == format(n, "x")
    assert sprintf("%08b", n) == format(n, "08b")


@given(FINITE, st.integers(min_value=0, max_value=30))
def test_e_and_f_agree_with_python(f: float, prec: int) -> None:
    # Go and Python both round exactly, halves to even.
    py_e = f"{f:.{prec}e}"
    mant, _, exp = py_e.partition("e")
    sign, digits = exp[0], exp[1:].lstrip("0").rjust(2, "0")
    assert sprintf(f"%.{prec}e", f) == f"{mant}e{sign}{digits}"
    assert sprintf(f"%.{prec}f", f) == f"{f:.{prec}f}"


@given(st.text(max_size=20), st.integers(min_value=0, max_value=30))
def test_string_width_counts_runes(s: str, width: int) -> None:
    out = sprintf(f"%{width}s", s)
    assert len(out) == max(width, len(s))
    assert out.endswith(s)
    assert sprintf(f"%-{width}s|", s) == s + " " * max(0, width - len(s)) + "|"


def test_module_exports() -> None:
    assert {"format_float", "format_value", "sprint", "sprintf", "sprintln"} <= set(gofmt.__all__)
    assert all(hasattr(gofmt, name) for name in gofmt.__all__)
