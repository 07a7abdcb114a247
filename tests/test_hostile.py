"""Hostile templates and data: nothing hangs, crashes or escapes as a non-TemplateError.

Where Go has an answer (depth limit, fmt bounds) the answer is Go's; where Go has
none (cyclic data makes Go's fmt recurse forever) gotmpl raises a TemplateError.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import data, mangled, templates

import gotmpl
from gotmpl import alertmanager
from gotmpl.exec.state import MAX_NESTED_EXECUTIONS


def test_unbounded_recursion_stops_at_gos_depth_limit() -> None:
    t = gotmpl.Template("t").parse('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}')
    with pytest.raises(gotmpl.ExecError) as info:
        t.execute(1)
    assert str(info.value) == (
        'template: t:1:25: executing "r" at <{{template "r" .}}>: '
        "exceeded maximum template depth (100000)"
    )


def test_deep_but_finite_recursion_renders() -> None:
    t = gotmpl.Template("t").parse(
        '{{define "down"}}{{if .}}.{{template "down" (slice . 1)}}{{end}}{{end}}'
        '{{template "down" .}}'
    )
    assert t.execute("x" * 3000) == "." * 3000


def _self_including(t: gotmpl.Template) -> gotmpl.Template:
    """A set whose template "r" calls a function that executes "r" again, forever."""

    def include(name: str, data: Any) -> str:
        return t.execute_template(name, data)  # type: ignore[return-value]

    return t.funcs({"include": include}).parse('{{define "r"}}{{include "r" .}}{{end}}')


def test_executions_nested_through_a_function_stop_cleanly() -> None:
    # Go itself dies of stack exhaustion here: a clean LimitExceeded instead.
    t = _self_including(gotmpl.Template("t"))
    with pytest.raises(gotmpl.LimitExceeded) as info:
        t.execute_template("r", 1)
    assert str(info.value) == (
        f"template: r: exceeded maximum nesting of executions ({MAX_NESTED_EXECUTIONS})"
    )
    # The count is the running execution's (its context's) and unwinds: the
    # template still runs afterwards.
    assert gotmpl.render("{{.}}", 1) == "1"


def test_nested_executions_fit_a_small_thread_stack() -> None:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            _self_including(gotmpl.Template("t")).execute_template("r", 1)
        except BaseException as e:  # recorded for the main thread to check
            errors.append(e)

    old = threading.stack_size(1 << 20)
    try:
        thread = threading.Thread(target=run)
        thread.start()
    finally:
        threading.stack_size(old)
    thread.join()
    assert [type(e) for e in errors] == [gotmpl.LimitExceeded]


def test_deeply_nested_source() -> None:
    text = "{{with .}}" * 5000 + "{{.}}" + "{{end}}" * 5000
    assert gotmpl.render(text, "v") == "v"


HOSTILE = json.loads((Path(__file__).parent / "data" / "hostile_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", HOSTILE, ids=[c["template"][:40] for c in HOSTILE])
def test_hostile_templates_answer_like_go(case: dict[str, Any]) -> None:
    """fmt bounds, depth limits, huge ranges: Go's answers, recorded by
    tests/data/record_hostile_cases.py."""
    out = io.StringIO()
    error = phase = None
    try:
        gotmpl.Template("t").parse(case["template"]).execute(None, out=out)
    except gotmpl.ParseError as e:
        error, phase = str(e), "parse"
    except gotmpl.ExecError as e:
        error, phase = str(e), "exec"
    assert (out.getvalue(), error, phase) == (case["output"], case["error"], case["phase"])


def test_cyclic_data_is_an_error_not_a_recursion_error() -> None:
    cyclic: dict[str, Any] = {"a": 1}
    cyclic["self"] = cyclic
    with pytest.raises(gotmpl.ExecError, match="cyclic value"):
        gotmpl.render("{{.}}", cyclic)
    with pytest.raises(gotmpl.ExecError, match="error calling printf: cyclic value"):
        gotmpl.render('{{printf "%v" .self}}', cyclic)
    assert gotmpl.render("{{.self.self.self.a}}", cyclic) == "1"


LONE = chr(0xD800)  # a surrogate that stands for no byte
BYTE_FF = chr(0xDCFF)  # the invalid UTF-8 byte 0xFF, escaped
SURROGATE_KEYS = {LONE: 1, BYTE_FF: 2, "a": 3, "\uffff": 4}
LONE_SURROGATE_TEMPLATES = [
    "{{.s}}{{.m}}",
    "{{len .s}} {{slice .s 0 2}} {{index .s 1}} {{lt .s .t}} {{eq .s .t}}",
    '{{printf "%q %x %X %+q %#v" .s .s .s .s .m}}',
    "{{html .s}}{{js .s}}{{urlquery .s}}{{print .m}}",
    "{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}",
]


@pytest.mark.parametrize("template", LONE_SURROGATE_TEMPLATES)
def test_lone_surrogates_in_python_data_are_go_strings(template: str) -> None:
    # A Python str may hold a surrogate that stands for no byte (json.loads keeps
    # "\ud800"); where Go would look at bytes it counts as U+FFFD, as Go's decoders
    # make it. Escaped bytes (U+DC80..U+DCFF) stay single bytes.
    data = {"s": f"a{LONE}b", "t": f"a{BYTE_FF}b", "m": SURROGATE_KEYS}
    out = gotmpl.render(template, data)
    assert out  # rendered, no UnicodeEncodeError


def test_lone_surrogates_sort_and_measure_as_u_fffd() -> None:
    data = {"s": f"a{LONE}b", "m": SURROGATE_KEYS}
    # U+FFFD is EF BF BD, before U+FFFF (EF BF BF), before the byte FF.
    assert gotmpl.render("{{range $k, $v := .m}}{{$v}}{{end}}", data) == "3142"
    assert gotmpl.render('{{len .s}} {{printf "%x" .s}}', data) == "5 61efbfbd62"


@pytest.mark.parametrize(
    ("pattern", "text", "want"),
    [
        ("(a+)+$", "a" * 40 + "!", "false"),
        ("(a|aa)+$", "a" * 60 + "!", "false"),  # beyond regex's own safeguards
        ("(a|aa)+$", "a" * 60, "true"),
        ("^(\\w+\\s?)*$", "a " * 30 + "!", "false"),
    ],
)
def test_catastrophic_match_answers_like_go(pattern: str, text: str, want: str) -> None:
    """Answers recorded from Go through the oracle (Alertmanager's match)."""
    t = alertmanager.template("t").parse("{{ match .p .s }}")
    assert t.execute({"p": pattern, "s": text}) == want


@pytest.mark.parametrize(
    ("pattern", "want"),
    [("(a|aa)+$", "a" * 40 + "!"), ("(a|aa)+!", "<a>")],
)
def test_catastrophic_replace_answers_like_go(pattern: str, want: str) -> None:
    """Answers recorded from Go through the oracle (Alertmanager's reReplaceAll)."""
    t = alertmanager.template("t").parse("{{ reReplaceAll .p .r .s }}")
    assert t.execute({"p": pattern, "r": "<$1>", "s": "a" * 40 + "!"}) == want


def test_mixed_key_types_sort_without_type_error() -> None:
    mixed = {1: "int", "b": "str", 2.5: "float", (1, 2): "tuple", None: "nil", 3j: "complex"}
    out = gotmpl.render("{{range $k, $v := .}}{{$v}} {{end}}", mixed)
    assert sorted(out.split()) == sorted(mixed.values())
    assert gotmpl.render("{{len .}}", mixed) == "6"


def test_raising_functions_become_go_errors() -> None:
    def broken(x: Any) -> str:
        raise RuntimeError("boom")

    t = gotmpl.Template("t").funcs({"broken": broken}).parse("a{{broken .}}b")
    with pytest.raises(gotmpl.ExecError) as info:
        t.execute(1)
    assert (
        str(info.value)
        == 'template: t:1:3: executing "t" at <broken .>: error calling broken: boom'
    )
    assert isinstance(info.value.__cause__, RuntimeError)


@pytest.mark.parametrize("exc", [KeyboardInterrupt, SystemExit])
def test_interrupts_pass_through(exc: type[BaseException]) -> None:
    def interrupt() -> str:
        raise exc()

    t = gotmpl.Template("t").funcs({"interrupt": interrupt}).parse("{{interrupt}}")
    with pytest.raises(exc):
        t.execute()


def test_output_limit() -> None:
    t = gotmpl.Template("t").parse("{{range .}}0123456789{{end}}")
    limits = gotmpl.Limits(output_bytes=1000)
    assert len(t.execute(list(range(100)), limits=limits)) == 1000
    with pytest.raises(gotmpl.LimitExceeded, match=r"output limit exceeded \(1000 bytes\)"):
        t.execute(list(range(101)), limits=limits)


def test_step_limit_stops_a_huge_range() -> None:
    t = gotmpl.Template("t").parse("{{range .}}{{range .}}x{{end}}{{end}}")
    with pytest.raises(gotmpl.LimitExceeded, match=r"step limit exceeded \(10000\)"):
        t.execute([10**9] * 10, limits=gotmpl.Limits(steps=10_000))


def test_time_limit_stops_promptly() -> None:
    t = gotmpl.Template("t").parse("{{range .}}{{range .}}{{len $}}{{end}}{{end}}")
    start = time.monotonic()
    with pytest.raises(gotmpl.LimitExceeded, match="time limit exceeded"):
        t.execute([10**9] * 10, limits=gotmpl.Limits(seconds=0.2))
    assert time.monotonic() - start < 30  # "promptly": far below the billions of steps


def test_limits_keep_partial_output_in_the_stream() -> None:
    out = io.StringIO()
    t = gotmpl.Template("t").parse("{{range .}}ab{{end}}")
    with pytest.raises(gotmpl.LimitExceeded):
        t.execute(list(range(10)), out=out, limits=gotmpl.Limits(output_bytes=5))
    assert out.getvalue() == "abab"


def test_the_callers_data_is_not_modified() -> None:
    value = {"a": [3, 1, 2], "m": {"z": 1, "a": 2}, "s": "x", "n": None, "d": {"k": [1, {"q": 2}]}}
    before = copy.deepcopy(value)
    for text in [
        "{{range .a}}{{.}}{{end}}",
        "{{range $k, $v := .m}}{{$k}}{{end}}",
        "{{slice .a 1}}{{index .d.k 1}}",
        "{{$x := .a}}{{$x = 5}}{{.}}",
        "{{with .m}}{{.z}}{{end}}{{printf `%v` .}}",
    ]:
        gotmpl.render(text, value)
    assert value == before


def test_one_template_many_threads() -> None:
    t = gotmpl.Template("t").parse(
        '{{define "item"}}<{{.}}>{{end}}{{range $i, $e := .}}{{$i}}{{template "item" $e}}{{end}}'
    )
    results: dict[int, str] = {}
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for _ in range(50):
                out = t.execute([f"t{n}-{i}" for i in range(n)])
                expected = "".join(f"{i}<t{n}-{i}>" for i in range(n))
                assert out == expected
            results[n] = "ok"
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 9)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert len(results) == 8


def _only_template_errors(text: str, value: Any) -> None:
    with contextlib.suppress(gotmpl.TemplateError):
        gotmpl.Template("t").parse(text).execute(value, limits=gotmpl.Limits(steps=100_000))


FUZZ = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(text=mangled(), value=data())
def test_damaged_templates_raise_only_template_errors(text: str, value: Any) -> None:
    _only_template_errors(text, value)


@FUZZ
@given(text=templates(), value=data())
def test_random_templates_raise_only_template_errors(text: str, value: Any) -> None:
    _only_template_errors(text, value)


@FUZZ
@given(text=st.text(max_size=60))
def test_arbitrary_text_parses_or_fails_cleanly(text: str) -> None:
    _only_template_errors(text, None)
