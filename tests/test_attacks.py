"""Attacks on the promises of README "Untrusted templates": huge, deep, wide and shared
templates and data.

Each attack asserts what gotmpl promises for any template and data: no crash, no
exception but a TemplateError, the caller's data unchanged, Limits holding within
twice their bound, and memory in proportion to the input. Cases that could take the
interpreter down run in a fresh one (see ``_fresh``).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import textwrap
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import gotmpl

HERE = Path(__file__).resolve().parent

# The address space an attack run gets, as the attack run of issue 16 had.
_ADDRESS_SPACE = 3 << 30


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_ADDRESS_SPACE, _ADDRESS_SPACE))


def _fresh(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter with 3 GB of address space running ``code`` or ``args``:
    a crash there is an exit code, not a lost test run."""
    command = [sys.executable, "-c", textwrap.dedent(code)] if code is not None else list(args)
    return subprocess.run(
        command, capture_output=True, text=True, timeout=600, preexec_fn=_limit_memory
    )


def _peak_bytes(work: Callable[[], Any]) -> int:
    """The peak of memory traced while ``work()`` ran, above what was traced before."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        work()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


# -- huge templates --------------------------------------------------------------------


def test_many_actions_cost_little_memory_each() -> None:
    # Go parses a million actions in about 275 bytes each; gotmpl stays below 2 KB
    # for parsing and compiling (a generated function is compiled per 64 actions).
    n = 10_000
    text = "{{.}}" * n
    peak = _peak_bytes(lambda: gotmpl.Template("t").parse(text).execute(1))
    assert peak < 2048 * n


def test_huge_string_literals_cost_little_memory() -> None:
    n = 300_000
    for text in [
        '{{"' + "a" * n + '"}}',
        '{{"' + "\\n" * (n // 2) + '"}}',
        "{{`" + "a" * n + "`}}",
    ]:
        gotmpl.Template("t").parse("{{1}}")  # warm-up: the grammar is loaded
        peak = _peak_bytes(lambda text=text: gotmpl.Template("t").parse(text).execute())
        assert peak < 16 * n, text[:8]


def test_escapes_in_strings_keep_lone_surrogates_go_strings() -> None:
    # A Python template may hold a lone surrogate, which counts as U+FFFD once
    # escapes make the literal a byte string; without escapes it stays as written.
    assert gotmpl.render('{{"\ud800\\n"}}') == "\ufffd\n"
    assert gotmpl.render('{{"a\\xc3\\xa9\\x80"}}') == "a\u00e9\udc80"
    assert gotmpl.render('{{"\ud800"}}') == "\ud800"


# -- values Python has and Go has not ------------------------------------------------


def test_integers_of_thousands_of_digits_print_exactly() -> None:
    # Python's str() refuses more than 4300 digits (a process-wide setting gotmpl
    # leaves alone); gotmpl documents that integers beyond 64 bits print exactly.
    big = 10**5000
    digits = "1" + "0" * 5000
    assert gotmpl.render("{{.}} {{printf `%d|%v` . .}}", big) == f"{digits} {digits}|{digits}"
    assert gotmpl.render("{{.}}", {"a": [big]}) == f"map[a:[{digits}]]"
    assert gotmpl.render('{{printf "%x" .}}', 16**5000) == "1" + "0" * 5000
    from gotmpl import alertmanager

    assert alertmanager.template("t").parse("{{toJson .}}").execute([-big]) == f"[-{digits}]"


def test_durations_beyond_gos_range_are_the_nearest_duration() -> None:
    import datetime

    from gotmpl.gostd import time as gotime

    for days, nearest in [(106752, gotime.MAX_DURATION), (-(10**8), gotime.MIN_DURATION)]:
        td = datetime.timedelta(days=days)
        assert gotmpl.render("{{.}} {{.Hours}}", td) == gotmpl.render("{{.}} {{.Hours}}", nearest)


# -- the sandbox: what templates reach -------------------------------------------------


class _Dynamic:
    """Answers every attribute name through ``__getattr__``."""

    def __getattr__(self, name: str) -> str:
        return "made up " + name


class _Account:
    """A plain class of the program's own, with a public method."""

    def __init__(self) -> None:
        self.balance = 1

    def Total(self) -> int:
        return self.balance


class _OptedIn(_Account):
    __go_methods__ = ("Total",)


def _logger() -> Any:
    import logging

    return logging.getLogger("gotmpl-test-sandbox")


def _sandbox_cases() -> list[tuple[str, Callable[[], Any], Callable[[Any], Any]]]:
    """(template, data, what of the data must not change): reproducers of issue 16."""
    import array
    import collections
    import io
    import os
    import sys

    def same(d: Any) -> Any:
        return repr(d)

    return [
        ("{{.d.zzz}}", lambda: {"d": collections.defaultdict(list, a=[1])}, same),
        ('{{index .d "zzz"}}', lambda: {"d": collections.defaultdict(list, a=[1])}, same),
        ("{{.c.zzz}}", lambda: {"c": collections.Counter("ab")}, same),
        ("{{.s.clear}}", lambda: {"s": {1, 2}}, same),
        ("{{.s.add 3}}", lambda: {"s": {1, 2}}, same),
        ("{{.q.pop}}", lambda: {"q": collections.deque([1, 2])}, same),
        ("{{.q.rotate 1}}", lambda: {"q": collections.deque([1, 2])}, same),
        ("{{.o.popitem}}", lambda: {"o": collections.OrderedDict(a=1, b=2)}, same),
        ("{{.o.clear}}", lambda: {"o": collections.OrderedDict(a=1)}, same),
        ('{{.o.move_to_end "a"}}', lambda: {"o": collections.OrderedDict(a=1, b=2)}, same),
        ("{{.u.clear}}", lambda: {"u": collections.UserDict(a=1)}, same),
        ("{{.u.pop}}", lambda: {"u": collections.UserList([1])}, same),
        ("{{.c.clear}}", lambda: {"c": collections.ChainMap({"a": 1})}, same),
        ("{{.a.pop}}", lambda: {"a": array.array("i", [1, 2])}, same),
        ("{{.f.read}}", lambda: {"f": io.StringIO("abc")}, lambda d: d["f"].tell()),
        ('{{.f.write "x"}}', lambda: {"f": io.StringIO("abc")}, lambda d: d["f"].getvalue()),
        ("{{.f.close}}", lambda: {"f": io.StringIO("abc")}, lambda d: d["f"].closed),
        ("{{.g.close}}", lambda: {"g": iter(x for x in "ab")}, lambda d: d["g"].gi_frame is None),
        ("{{.l.setLevel 50}}", lambda: {"l": _logger()}, lambda d: d["l"].level),
        ("{{call .l.setLevel 50}}", lambda: {"l": _logger()}, lambda d: d["l"].level),
        ("{{.os.environ.PATH}}", lambda: {"os": os}, same),
        ('{{(index .sys.modules "os").environ.HOME}}', lambda: {"sys": sys}, same),
        ('{{call .os.system "exit 3"}}', lambda: {"os": os}, same),
        ("{{.cls.mro}}", lambda: {"cls": _Account}, same),
        ("{{.cls.Total}}", lambda: {"cls": _Account}, same),
        ("{{.g.gi_frame.f_globals}}", lambda: {"g": iter(x for x in "ab")}, same),
        ("{{.x.anything}}", lambda: {"x": _Dynamic()}, same),
    ]


SANDBOX_CASES = _sandbox_cases()


@pytest.mark.parametrize(
    ("text", "make", "state"), SANDBOX_CASES, ids=[c[0] for c in SANDBOX_CASES]
)
def test_templates_neither_change_nor_reach_the_program(
    text: str, make: Callable[[], Any], state: Callable[[Any], Any]
) -> None:
    data = make()
    before = state(data)
    try:
        out = gotmpl.render(text, data)
    except gotmpl.ExecError as e:
        assert "can't evaluate field" in str(e)
    else:
        assert out == "<no value>"  # a missing map key, as in Go
    assert state(data) == before


def test_python_machinery_prints_as_an_empty_struct() -> None:
    import os

    assert gotmpl.render("{{.m}} {{.c}} {{.g}}", {"m": os, "c": _Account, "g": iter("")}) == (
        "{} {} {}"
    )


def test_sets_are_slices_in_gos_key_order() -> None:
    data = {"s": {"b", "a", "c"}, "f": frozenset({3, 1, 2})}
    text = "{{range .s}}{{.}}{{end}} {{.f}} {{len .s}} {{index .s 0}} {{slice .f 1}}"
    assert gotmpl.render(text, data) == "abc [1 2 3] 3 a [2 3]"


def test_strict_sandbox_calls_only_methods_classes_opt_in_to() -> None:
    def run(data: Any, *options: str) -> str:
        return gotmpl.Template("t").option(*options).parse("{{.Total}}").execute(data)

    assert run(_Account()) == run(_OptedIn()) == "1"
    assert run(_OptedIn(), "sandbox=strict") == "1"
    with pytest.raises(gotmpl.ExecError, match="can't evaluate field Total in type"):
        run(_Account(), "sandbox=strict")
    with pytest.raises(ValueError, match="unrecognized option: sandbox=lax"):
        gotmpl.Template("t").option("sandbox=lax")


# -- Limits that bound what they promise ---------------------------------------------

# A list holding another twice, forty times over: 2**40 leaves in a few hundred bytes.
DAG = "{{$l := list 1 2}}{{range 40}}{{$l = list $l $l}}{{end}}"
DOUBLING = '{{$s := "ab"}}{{range 60}}{{$s = printf "%s%s" $s $s}}{{end}}{{len $s}}'


def _limited(text: str, limits: gotmpl.Limits, data: Any = None) -> gotmpl.LimitExceeded:
    """The LimitExceeded that running ``text`` (with Alertmanager's functions) raises."""
    from gotmpl import alertmanager

    t = alertmanager.template("t").parse(text)
    with pytest.raises(gotmpl.LimitExceeded) as info:
        t.execute(data, limits=limits)
    return info.value


@pytest.mark.parametrize(
    "text",
    [
        DAG + "{{toJson $l | len}}",
        DAG + "{{print $l | len}}",
        DAG + "{{$l}}",
        DAG + '{{printf "%v" $l | len}}',
        '{{len (printf "%999999d" 1)}}' * 2000,  # no range: the clock between actions
        '{{match "(a|aa)+$" .s}}' * 30,  # each call bounded by what is left
    ],
    ids=["toJson", "print", "action", "printf", "actions", "match"],
)
def test_the_clock_is_looked_at_inside_every_walk(text: str) -> None:
    from gotmpl import alertmanager

    t = alertmanager.template("t").parse(text)
    with pytest.raises(gotmpl.ExecError) as info:
        t.execute({"s": "a" * 100_000 + "!"}, limits=gotmpl.Limits(seconds=0.05))
    e = str(info.value)
    # A regular expression takes what is left of the time, and fails its call.
    assert "time limit exceeded (0.05s)" in e or ("time limit" in e and "took longer" in e), e


def test_steps_count_the_elements_walks_visit() -> None:
    e = _limited(DAG + "{{toJson $l | len}}", gotmpl.Limits(steps=1000))
    assert str(e) == "template: t: step limit exceeded (1000)"
    e = _limited(DAG + "{{$l}}", gotmpl.Limits(steps=1000))
    assert str(e) == "template: t: step limit exceeded (1000)"


def test_compiling_is_inside_the_time_limit() -> None:
    t = gotmpl.Template("t").parse("{{.}}" * 20_000)
    with pytest.raises(gotmpl.LimitExceeded) as info:
        t.execute(1, limits=gotmpl.Limits(seconds=0.001))
    assert str(info.value) == "template: t: time limit exceeded (0.001s)"  # no node yet
    assert t.execute(1) == "1" * 20_000  # nothing half-compiled was kept


@pytest.mark.parametrize("bound", [100_000, 1_000_000])
def test_string_bytes_bound_a_string_doubled_in_a_variable(bound: int) -> None:
    def run() -> None:
        e = _limited(DOUBLING, gotmpl.Limits(steps=1000, string_bytes=bound))
        assert str(e) == f"template: t: string limit exceeded ({bound} bytes)"

    # What the template built is all that the bound lets it build, twice at most
    # (the string of the last step, and its halves).
    assert _peak_bytes(run) < 2 * bound + 200_000


def test_limits_bound_strings_by_default() -> None:
    e = _limited(DOUBLING, gotmpl.Limits(steps=1000, output_bytes=1000))
    assert str(e) == f"template: t: string limit exceeded ({gotmpl.Limits().string_bytes} bytes)"


def test_limits_leave_answers_alone() -> None:
    from gotmpl import alertmanager

    text = '{{$l := list 1 "a" (dict "k" 2.5)}}{{toJson $l}} {{$l}} {{eq 1 1}} {{printf "%q" "x"}}'
    t = alertmanager.template("t").parse(text)
    limits = gotmpl.Limits(steps=1000, seconds=10, string_bytes=10_000, output_bytes=1000)
    assert t.execute(None, limits=limits) == t.execute(None)


# -- deep and wide templates -------------------------------------------------------------


class _Echo:
    def Id(self, x: Any) -> Any:
        return x


@pytest.mark.parametrize("depth", [250, 5000])
def test_method_calls_nested_in_arguments(depth: int) -> None:
    for call in ("$.Id (", ".Id ("):
        text = "{{" + call * depth + "1" + ")" * depth + "}}"
        assert gotmpl.render(text, _Echo()) == "1"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("{{with 1}}{{$x := 2}}{{$.E.Id $x}}{{end}}", "2"),
        ("{{$x := 1}}{{with 2}}{{$x := 3}}{{end}}{{.E.Id $x}}", "1"),
        ("{{range $i, $e := .L}}{{$.E.Id $e}}{{end}}", "12"),
        ("{{.E.Id ($y := 5)}}{{$y}}", "55"),
    ],
)
def test_method_arguments_see_the_variables_where_they_stand(text: str, want: str) -> None:
    # The arguments of a method are compiled in their scope, not when the method is
    # first found (when the scope is long gone).
    assert gotmpl.render(text, {"L": [1, 2], "E": _Echo()}) == want


# -- regular expressions -----------------------------------------------------------------


@pytest.mark.oracle
@pytest.mark.parametrize("n", [200, 2000])
def test_a_long_alternation_answers_like_go(oracle: Any, n: int) -> None:
    # Too slow for the backtracker and, thread by thread, for the automaton: the
    # sets of threads, looked up once met, answer within the time limit.
    from gotmpl import alertmanager

    data = {"p": "(" + "|".join("a" * i for i in range(1, 60)) + ")+$", "s": "a" * n + "!"}
    text = "{{match .p .s}}"
    go = oracle.run({"template": text, "funcs": "alertmanager", "data": data})
    assert (go["output"], go["error"]) == ("false", None)
    assert alertmanager.template("").parse(text).execute(data) == go["output"]


def test_parsing_is_inside_the_time_limit_when_given_one() -> None:
    text = "{{.}}" * 20_000 + "{{"  # the error at the end is never reached
    with pytest.raises(gotmpl.LimitExceeded) as info:
        gotmpl.Template("t").parse(text, limits=gotmpl.Limits(seconds=0.001))
    assert str(info.value) == "template: t: time limit exceeded (0.001s)"
    with pytest.raises(gotmpl.ParseError, match="unclosed action"):
        gotmpl.Template("t").parse(text, limits=gotmpl.Limits(seconds=60))


# -- the attack table, in a fresh interpreter ---------------------------------------------


@pytest.fixture(scope="module")
def attack_results() -> dict[str, dict[str, Any]]:
    """tests/attacks.py's cases, run once in a fresh interpreter."""
    done = _fresh(sys.executable, str(HERE / "attacks.py"))
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    results = {row["case"]: row for row in rows}
    results["(process)"] = {"returncode": done.returncode, "stderr": done.stderr[-2000:]}
    return results


def _attack_ids() -> list[str]:
    sys.path.insert(0, str(HERE))
    import attacks

    return [f"{d} {t}" for d, t in attacks.cases()]


@pytest.mark.parametrize("case", _attack_ids())
def test_attack(case: str, attack_results: dict[str, dict[str, Any]]) -> None:
    """Deep, wide, shared, cyclic and huge data under every kind of template, with
    Limits: no crash, only TemplateErrors, the data unchanged, the output bounded."""
    process = attack_results["(process)"]
    assert case in attack_results, f"the interpreter died before this case: {process}"
    row = attack_results[case]
    assert row["ended"] in ("ok", "ExecError", "LimitExceeded"), row
    assert row["unchanged"], row
    assert row["output_bytes"] <= 1_000_000, row


def test_c_recursion_elsewhere_in_the_process_stays_protected() -> None:
    # gotmpl never raises the recursion limit: another thread's C recursion over deep
    # data still stops with RecursionError while templates render deep.
    done = _fresh(
        code="""
        import json, threading
        import gotmpl

        deep = []
        for _ in range(100_000):
            deep = [deep]
        results = []

        def dump():
            for _ in range(20):
                try:
                    json.dumps(deep)
                    results.append("dumped")
                except RecursionError:
                    results.append("RecursionError")

        t = gotmpl.Template("t").parse('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}')
        other = threading.Thread(target=dump)
        other.start()
        for _ in range(3):
            try:
                t.execute(1)
            except gotmpl.ExecError:
                pass
        other.join()
        print(sorted(set(results)))
        """
    )
    assert (done.returncode, done.stdout.strip()) == (0, "['RecursionError']"), done.stderr


def test_comparing_two_deep_structs_is_a_template_error() -> None:
    done = _fresh(
        code="""
        import dataclasses
        import gotmpl

        @dataclasses.dataclass
        class N:
            Next: object

        def chain():
            v = None
            for _ in range(100_000):
                v = N(v)
            return v

        for text, data in [("{{eq .a .b}}", {"a": chain(), "b": chain()}), ("{{eq . .}}", chain())]:
            try:
                print(gotmpl.render(text, data))
            except gotmpl.TemplateError as e:
                print(type(e).__name__)
        """
    )
    # Python's == recurses in C and stops at its limit; a value against itself is
    # Go's answer.
    assert (done.returncode, done.stdout.split()) == (0, ["ExecError", "true"]), done.stderr
