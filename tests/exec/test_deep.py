"""Deep templates and data without touching process-wide state (see gotmpl.exec.stack).

Templates nest as deep as Go lets them while Python's recursion limit, the
garbage collector and every other process-wide setting stay as the program set
them; what recurses in C over deep data fails with a TemplateError, not a crash.
"""

from __future__ import annotations

import contextvars
import dataclasses
import gc
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from typing import Any

import pytest

import gotmpl
from gotmpl import alertmanager
from gotmpl.exec.state import REGEX_SECONDS, regex_time_limit

RECURSE = '{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}'
COUNTDOWN = (
    '{{define "down"}}{{if .}}.{{template "down" (slice . 1)}}{{end}}{{end}}{{template "down" .}}'
)
TREE = '{{define "d"}}.{{range .}}{{template "d" .}}{{end}}{{end}}{{template "d" .}}'


def _nested_list(depth: int) -> list:
    v: list = []
    for _ in range(depth):
        v = [v]
    return v


def _watching(observe: Callable[[], Any], work: Callable[[], Any]) -> set[Any]:
    """What ``observe()`` returned, called over and over from another thread while
    ``work()`` ran."""
    seen: set[Any] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.add(observe())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        work()
    finally:
        done.set()
        watcher.join()
    return seen


def test_recursion_that_ends_before_the_limit_renders() -> None:
    t = gotmpl.Template("t").parse(COUNTDOWN)
    assert t.execute("x" * 50_000) == "." * 50_000
    assert gotmpl.Template("t").parse(TREE).execute(_nested_list(60_000)) == "." * 60_001


def test_the_recursion_limit_is_never_changed() -> None:
    limit = sys.getrecursionlimit()
    seen_inside: set[int] = set()

    def limit_now() -> int:
        seen_inside.add(sys.getrecursionlimit())
        return 0

    t = gotmpl.Template("t").funcs({"limit": limit_now})
    t.parse('{{define "down"}}{{if .}}{{limit}}{{template "down" (slice . 1)}}{{end}}{{end}}')

    def render() -> None:
        t.execute_template("down", "x" * 20_000)
        with pytest.raises(gotmpl.ExecError):
            gotmpl.Template("t").parse(RECURSE).execute(1)

    seen = _watching(sys.getrecursionlimit, render)
    assert seen == seen_inside == {limit}
    assert sys.getrecursionlimit() == limit


def test_the_collector_stays_enabled() -> None:
    enabled_inside: set[bool] = set()

    def collecting() -> str:
        enabled_inside.add(gc.isenabled())
        return ""

    text = "{{if 1}}{{collecting}}" * 3000 + "x" + "{{end}}" * 3000
    text += "{{range .}}{{printf `%v-%d` . 1}}{{.}}{{end}}" * 300

    def parse_compile_run() -> None:
        t = gotmpl.Template("t").funcs({"collecting": collecting}).parse(text)
        assert t.execute([1, 2]) == "x" + "1-112-12" * 300

    assert _watching(gc.isenabled, parse_compile_run) == enabled_inside == {True}


def test_deep_nesting_in_a_deep_caller() -> None:
    # The caller's own frames count too: an execution finds out how deep it starts.
    ifs = "{{if 1}}" * 5000 + "{{.}}" + "{{end}}" * 5000
    parens = "{{" + "(" * 3000 + "." + ")" * 3000 + "}}"

    def at_depth(n: int) -> tuple[str, str, str | None]:
        if n:
            return at_depth(n - 1)
        return (
            gotmpl.render(ifs, "v"),
            gotmpl.render(parens, "p"),
            gotmpl.Template("t").parse(COUNTDOWN).execute("x" * 5000),
        )

    room = sys.getrecursionlimit() - len(_stack()) - 300
    assert at_depth(room) == ("v", "p", "." * 5000)


def _stack() -> list[Any]:
    frames = []
    f = sys._getframe()
    while f is not None:
        frames.append(f)
        f = f.f_back  # type: ignore[assignment]
    return frames


def test_printing_deep_data() -> None:
    deep_dict: dict = {}
    for _ in range(100_000):
        deep_dict = {"a": deep_dict}
    assert gotmpl.render("{{.}}", _nested_list(100_000)) == "[" * 100_001 + "]" * 100_001
    assert gotmpl.render("{{.}}", deep_dict) == "map[a:" * 100_000 + "map[]" + "]" * 100_000
    out = gotmpl.render('{{printf "%#v" .}}', _nested_list(3))
    assert out == "[]interface {}{[]interface {}{[]interface {}{[]interface {}{}}}}"


def test_deep_errors_name_their_node() -> None:
    text = '{{template "x" ' + "(" * 3000 + "1" + ")" * 3000 + "}}"
    with pytest.raises(gotmpl.ExecError) as info:
        gotmpl.render(text)
    assert str(info.value) == (
        f'template: :1:11: executing "" at <{text}>: template "x" not defined'
    )


def test_deep_work_sees_the_callers_context() -> None:
    var: contextvars.ContextVar[str] = contextvars.ContextVar("var", default="unset")
    t = gotmpl.Template("t").funcs({"var": var.get})
    t.parse('{{define "down"}}{{if .}}{{template "down" (slice . 1)}}{{else}}{{var}}{{end}}{{end}}')
    token = var.set("set")
    try:
        assert t.execute_template("down", "x" * 20_000) == "set"
    finally:
        var.reset(token)


def test_deep_templates_in_many_threads() -> None:
    t = gotmpl.Template("t").parse(COUNTDOWN)
    results: dict[int, str] = {}

    def render(n: int) -> None:
        results[n] = t.execute("x" * n)  # type: ignore[assignment]

    threads = [threading.Thread(target=render, args=(n,)) for n in (3000, 7000, 11000, 15000)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: "." * n for n in (3000, 7000, 11000, 15000)}


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter: a crash there is an exit code, not a lost run."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_interrupting_a_deep_render() -> None:
    # Only the main thread receives signals; the helper threads of a deep render
    # stop at their next check and are gone when KeyboardInterrupt arrives.
    done = _run_python(
        f"""
        import signal, sys, threading
        import gotmpl

        def interrupt(signum, frame):
            raise KeyboardInterrupt

        signal.signal(signal.SIGALRM, interrupt)
        limit = sys.getrecursionlimit()
        t = gotmpl.Template("t").parse({RECURSE!r})
        for delay in (0.02, 0.05, 0.1, 0.2):
            signal.setitimer(signal.ITIMER_REAL, delay)
            try:
                t.execute(1)
                print("finished before the alarm")
            except KeyboardInterrupt:
                print("interrupted")
            signal.setitimer(signal.ITIMER_REAL, 0)
            assert sys.getrecursionlimit() == limit
            assert threading.enumerate() == [threading.main_thread()]
        print(gotmpl.Template("t").parse({COUNTDOWN!r}).execute("x" * 3000) == "." * 3000)
        """
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split()
    assert lines[-1] == "True"
    assert lines.count("interrupted") >= 3


def test_c_recursion_over_deep_data_is_a_template_error() -> None:
    # == and sorting recurse in C; Python stops them at its recursion limit (an
    # object compared with itself needs no recursion).
    done = _run_python(
        """
        import dataclasses
        import gotmpl

        @dataclasses.dataclass
        class D:
            x: object

        def nest(make, n, v):
            for _ in range(n):
                v = make(v)
            return v

        one, other = nest(D, 100_000, None), nest(D, 100_000, None)
        key, other_key = nest(lambda v: (v,), 100_000, ()), nest(lambda v: (v,), 99_999, ())
        for text, data in [
            ("{{eq . .}}", one),
            ("{{eq .a .b}}", {"a": one, "b": other}),
            ("{{.}}", {key: 1, other_key: 2}),
            ("{{range $k, $v := .}}{{$v}}{{end}}", {key: 1, other_key: 2}),
        ]:
            try:
                print(repr(gotmpl.render(text, data)[:20]))
            except gotmpl.TemplateError as e:
                print(type(e).__name__, e)
        """
    )
    assert done.returncode == 0, done.stderr
    expected = [
        "'true'",  # Go's answer: the walk that finds the type comparable is a loop
        'ExecError template: :1:2: executing "" at <eq .a .b>: '
        "error calling eq: maximum recursion depth exceeded",
        "ExecError template: : maximum recursion depth exceeded",
        "ExecError template: : maximum recursion depth exceeded",
    ]
    lines = done.stdout.splitlines()
    assert len(lines) == len(expected)
    # Python words RecursionError by where it stopped ("... while calling a Python object").
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start), line


@dataclasses.dataclass
class _Answer:
    output: str | None = None
    error: str | None = None


def _regex_answer(text: str, data: Any, limits: gotmpl.Limits | None = None) -> _Answer:
    try:
        return _Answer(output=alertmanager.template("").parse(text).execute(data, limits=limits))
    except gotmpl.TemplateError as e:
        return _Answer(error=str(e))


CATASTROPHIC = {"p": "(a|aa)+$", "s": "a" * 60 + "!"}


def test_regex_time_limit_is_per_execution() -> None:
    text = "{{ match .p .s }}"
    assert _regex_answer(text, CATASTROPHIC) == _Answer(output="false")
    tight = _regex_answer(text, CATASTROPHIC, gotmpl.Limits(regex_seconds=0.0))
    assert tight.error == (
        'template: :1:3: executing "" at <match .p .s>: error calling match: regexp: matching '
        "`(a|aa)+$` against a 61-character input took longer than the 0s time limit"
    )
    none = _regex_answer(text, CATASTROPHIC, gotmpl.Limits(regex_seconds=None))
    assert none == _Answer(output="false")


def test_regex_time_limit_seen_by_functions() -> None:
    seen: list[float | None] = []

    def limit() -> str:
        seen.append(regex_time_limit())
        return ""

    t = gotmpl.Template("t").funcs({"limit": limit}).parse("{{limit}}")
    t.execute()
    t.execute(limits=gotmpl.Limits(regex_seconds=0.25))
    t.execute(limits=gotmpl.Limits(regex_seconds=None))
    t.execute(limits=gotmpl.Limits(seconds=0.5, regex_seconds=10))  # what is left of 0.5 s
    assert seen[:3] == [REGEX_SECONDS, 0.25, None]
    assert 0 < seen[3] <= 0.5  # type: ignore[operator]
    assert regex_time_limit() == REGEX_SECONDS  # outside any execution


def test_regex_time_limits_of_threads_are_their_own() -> None:
    answers: dict[str, set[str]] = {"tight": set(), "default": set()}

    def run(name: str, limits: gotmpl.Limits | None) -> None:
        for _ in range(20):
            a = _regex_answer("{{ match .p .s }}", CATASTROPHIC, limits)
            answers[name].add("timeout" if a.error else str(a.output))

    threads = [
        threading.Thread(target=run, args=("tight", gotmpl.Limits(regex_seconds=0.0))),
        threading.Thread(target=run, args=("default", None)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == {"tight": {"timeout"}, "default": {"false"}}


DEEP_PATTERNS = [
    ("{{match .p .s}}", {"p": "(" * 999 + "a" + ")" * 999, "s": "xa"}),
    (
        "{{reReplaceAll .p .r .s}}",
        {"p": "(" * 999 + "a" + ")" * 999, "r": "<$1|$999>", "s": "xaya"},
    ),
    (
        "{{reReplaceAll .p .r .s}}",
        {"p": "(?:" * 300 + "(a|b)" + ")*" * 300, "r": "<$1>", "s": "xabz"},
    ),
    ("{{match .p .s}}", {"p": "(" * 400 + "a*" + ")*" * 400, "s": "b"}),
    ("{{reReplaceAll .p .r .s}}", {"p": "(x(" * 300 + "a" + "))" * 300, "r": "[$2]", "s": "xa"}),
]


@pytest.mark.oracle
@pytest.mark.parametrize(("text", "data"), DEEP_PATTERNS, ids=range(len(DEEP_PATTERNS)))
def test_deeply_nested_patterns_answer_like_go(oracle: Any, text: str, data: Any) -> None:
    # Too deep for regex's recursive compiler on one stack: the automaton answers.
    go = oracle.run({"template": text, "funcs": "alertmanager", "data": data})
    assert _regex_answer(text, data) == _Answer(output=go["output"], error=go["error"])
