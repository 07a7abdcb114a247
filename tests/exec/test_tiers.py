"""Tier 0 (items run one by one) and tier 1 (straight-line code) of lists and loops
(gotmpl.exec.codegen.TIER_UP): the same output and the same errors, in every mode,
and a switch from one to the other that running calls and other threads survive.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import corners, data, templates

import gotmpl
from gotmpl import alertmanager
from gotmpl.exec import codegen
from gotmpl.exec.state import Limits

NEVER = 10**9  # runs before tier 1: never, in a test

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    # The fixture restores TIER_UP after the test; each example sets every value it uses.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)


@pytest.fixture
def tier_up() -> Iterator[Callable[[int], None]]:
    """Sets codegen.TIER_UP for the templates compiled from then on."""
    saved = codegen.TIER_UP

    def set_tier_up(runs: int) -> None:
        codegen.TIER_UP = runs

    yield set_tier_up
    codegen.TIER_UP = saved


def _results(
    new: Callable[[str], Any], source: str, value: Any, runs: int, how: str
) -> list[tuple[str, str | None]]:
    """(output, error) of ``runs`` executions of one template parsed from ``source``."""
    t = new("t")
    try:
        t.parse(source)
    except gotmpl.ParseError as e:
        return [("", str(e))]
    results: list[tuple[str, str | None]] = []
    for _ in range(runs):
        try:
            if how == "trace":
                sm = t.execute_with_source_map(value)
                results.append((sm.text, repr(sm.spans)))
            elif how == "metered":
                results.append((t.execute(value, limits=Limits(steps=10**6)), None))
            else:
                results.append((t.execute(value), None))
        except gotmpl.LimitExceeded:
            # Only metered runs have limits: the others of this template could run
            # for ever (a range over a huge number), so none is run.
            raise _Unbounded from None
        except gotmpl.ExecError as e:
            results.append(("", str(e)))
    return results


class _Unbounded(Exception):
    """A metered run hit its step limit."""


def _alike_in_every_tier(
    tier_up: Callable[[int], None], new: Callable[[str], Any], source: str, value: Any
) -> None:
    for how in ("metered", "plain", "trace"):  # metered first: it bounds the others
        tier_up(0)
        try:
            straight = _results(new, source, value, 1, how)
        except _Unbounded:
            return
        tier_up(NEVER)
        item_by_item = _results(new, source, value, 1, how)
        # Lists and loops that go to tier 1 after one run: the switch happens in the
        # middle of the first execution (a loop's body lists) and of the later ones.
        tier_up(1)
        switching = _results(new, source, value, 3, how)
        assert item_by_item == straight, (how, source)
        assert switching == straight * len(switching), (how, source)


@SETTINGS
@given(source=templates(), value=data())
def test_random_templates_run_alike_in_both_tiers(
    tier_up: Callable[[int], None], source: str, value: Any
) -> None:
    _alike_in_every_tier(tier_up, gotmpl.Template, source, value)


@SETTINGS
@given(source=corners(), value=data())
def test_corners_run_alike_in_both_tiers(
    tier_up: Callable[[int], None], source: str, value: Any
) -> None:
    _alike_in_every_tier(tier_up, gotmpl.Template, source, value)


@SETTINGS
@given(source=templates("alertmanager"), value=data())
def test_alertmanager_templates_run_alike_in_both_tiers(
    tier_up: Callable[[int], None], source: str, value: Any
) -> None:
    _alike_in_every_tier(tier_up, alertmanager.template, source, value)


def _runner_code_names(t: gotmpl.Template) -> tuple[str, ...]:
    return t._common.compiled(t._def).run.__code__.co_names  # type: ignore[attr-defined]


LOOP = '{{range .}}{{.}},{{if .}}[{{.}}]{{end}}{{end}}{{"end"}}'


def test_a_list_goes_to_tier_1_after_tier_up_runs(tier_up: Callable[[int], None]) -> None:
    tier_up(3)
    t = gotmpl.Template("t").parse(LOOP)
    for _ in range(3):
        assert "t0_tier" in _runner_code_names(t)
        assert t.execute([1, 0]) == "1,[1]0,end"
    assert "t0_tier" not in _runner_code_names(t)
    assert t.execute([1, 0]) == "1,[1]0,end"


def test_tier_0_at_0_never_runs(tier_up: Callable[[int], None]) -> None:
    tier_up(0)
    t = gotmpl.Template("t").parse(LOOP)
    assert "t0_tier" not in _runner_code_names(t)
    assert t.execute([1, 0]) == "1,[1]0,end"


def test_a_dropped_template_is_freed_at_once(tier_up: Callable[[int], None]) -> None:
    # The tier-up holds its function weakly: no cycle keeps a template for the collector.
    tier_up(2)
    gc.disable()
    try:
        t = gotmpl.Template("t").parse(LOOP)
        t.execute([1])
        run = weakref.ref(t._common.compiled(t._def).run)  # type: ignore[attr-defined]
        del t
        assert run() is None
    finally:
        gc.enable()


def test_the_switch_under_a_running_execution_on_another_thread(
    tier_up: Callable[[int], None],
) -> None:
    """One thread waits inside the tier-0 loop while another runs the template until
    it is at tier 1; the first then finishes on its own code, and both render alike."""
    tier_up(2)
    inside = threading.Event()
    go_on = threading.Event()

    def pause(v: Any) -> str:
        if v == "wait":
            inside.set()
            assert go_on.wait(10)
        return str(v)

    t = gotmpl.Template("t").funcs({"pause": pause})
    t.parse('{{range .}}<{{pause .}}>{{if .}}{{.}}{{end}}{{end}}{{"!"}}')
    waiting: list[str] = []
    thread = threading.Thread(target=lambda: waiting.append(t.execute(["a", "wait", "b"])))
    thread.start()
    try:
        assert inside.wait(10)
        for _ in range(4):
            assert t.execute(["x", "y"]) == "<x>x<y>y!"
        assert "t0_tier" not in _runner_code_names(t)
    finally:
        go_on.set()
        thread.join()
    assert waiting == ["<a>a<wait>wait<b>b!"]


def test_threads_switching_together_render_alike(tier_up: Callable[[int], None]) -> None:
    source = "{{range $i, $e := .}}{{if $i}},{{end}}{{$e.n}}{{range $e.items}}-{{.}}{{end}}{{end}}"
    value = [{"n": i, "items": list(range(i % 4))} for i in range(30)]
    tier_up(0)
    want = gotmpl.Template("t").parse(source).execute(value)
    tier_up(5)
    t = gotmpl.Template("t").parse(source)
    outputs: list[str] = []
    lock = threading.Lock()

    def render() -> None:
        for _ in range(20):
            out = t.execute(value)
            with lock:
                outputs.append(out)

    threads = [threading.Thread(target=render) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert outputs == [want] * 80
