"""Per-execution state, execution limits, and Go's execution error text.

A compiled template is immutable and shared; everything one ``execute()`` call
changes lives in its ``State``, so one template can run in many threads at once.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import ExecError, LimitExceeded
from ..gostd import fmt as gofmt
from ..gostd.strconv import go_bytes, quote
from ..parse.nodes import Node

__all__ = [
    "MAX_EXEC_DEPTH",
    "MAX_NESTED_EXECUTIONS",
    "Limits",
    "State",
    "deep_recursion",
    "exec_error",
    "nested_executions",
    "quiet_gc",
]

MAX_EXEC_DEPTH = 100000  # Go's maxExecDepth: nested {{template}} calls

# A function called from a template may itself execute templates (an "include");
# each such nesting costs C stack, which the raised recursion limit below does not
# guard. Go has no bound here (it dies when its stack runs out); gotmpl stops with
# LimitExceeded at this many nested executions in one thread.
MAX_NESTED_EXECUTIONS = 1000

# Templates nest as deep as Go allows (100000 template calls, thousands of nested
# ifs); each level costs a few Python frames. From Python 3.11 on, Python-to-
# Python calls do not consume the C stack, so a high recursion limit is safe.
_DEEP_LIMIT = 1_000_000 if sys.version_info >= (3, 11) else 20_000
_deep_lock = threading.Lock()
_deep_users = 0
_saved_limit = 0


class _DeepRecursion:
    """Raises Python's recursion limit while any thread parses or executes a template."""

    __slots__ = ()

    def __enter__(self) -> None:
        global _deep_users, _saved_limit
        with _deep_lock:
            if _deep_users == 0:
                _saved_limit = sys.getrecursionlimit()
                if _saved_limit < _DEEP_LIMIT:
                    sys.setrecursionlimit(_DEEP_LIMIT)
            _deep_users += 1

    def __exit__(self, *exc: object) -> None:
        global _deep_users
        with _deep_lock:
            _deep_users -= 1
            if _deep_users == 0 and sys.getrecursionlimit() == _DEEP_LIMIT:
                sys.setrecursionlimit(_saved_limit)


deep_recursion = _DeepRecursion()


class NestedExecutions(threading.local):
    """How many executions are running in this thread, one inside another."""

    count = 0

    def enter(self, name: str) -> None:
        if self.count >= MAX_NESTED_EXECUTIONS:
            reason = f"exceeded maximum nesting of executions ({MAX_NESTED_EXECUTIONS})"
            raise LimitExceeded(f"template: {name}: {reason}", name=name, reason=reason)
        self.count += 1

    def leave(self) -> None:
        self.count -= 1


nested_executions = NestedExecutions()


@dataclass(frozen=True)
class Limits:
    """Bounds for running untrusted templates; ``None`` means unbounded (Go's default).

    ``output_bytes`` caps the UTF-8 size of the output; ``steps`` the number of
    range iterations and template calls (without them a template's work is
    bounded by its size); ``seconds`` the wall-clock time, checked at each step.
    Exceeding one raises ``LimitExceeded``, a kind of ``ExecError``.
    """

    output_bytes: int | None = None
    steps: int | None = None
    seconds: float | None = None


_gc_lock = threading.Lock()
_gc_users = 0
_gc_was_enabled = False


@contextlib.contextmanager
def quiet_gc() -> Iterator[None]:
    """Pauses Python's cyclic garbage collector while templates are parsed and compiled.

    Building a template allocates thousands of nodes and closures and no garbage
    cycles; the collector's passes over them would double the time it takes.
    """
    global _gc_users, _gc_was_enabled
    with _gc_lock:
        if _gc_users == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0 and _gc_was_enabled:
                gc.enable()


def exec_error(
    template: str, node: Node | None, format: str, *args: Any, cls: type = ExecError
) -> ExecError:
    """Go's ExecError for ``state.errorf(format, args...)`` while executing ``node``.

    Like Go, the location goes into the format string unescaped, so a name with
    ``%`` in it is formatted too (with Go's ``%!`` complaints).
    """
    reason = gofmt.errorf(format, *args)
    if node is None:
        text = gofmt.errorf(f"template: {_double_percent(template)}: {format}", *args)
        return cls(text, name=template, reason=reason)
    line, col = node.location()
    context = str(node)
    text = gofmt.errorf(
        f"template: {node.src.parse_name}:{line}:{col}: executing "
        f"{quote(_double_percent(template))} at <{_double_percent(context)}>: {format}",
        *args,
    )
    return cls(text, name=template, line=line, col=col, node=context, reason=reason)


def _double_percent(s: str) -> str:
    return s.replace("%", "%%")


class State:
    """What one execution changes: output, template depth, limits."""

    __slots__ = (
        "budget",
        "deadline",
        "depth",
        "limits",
        "out",
        "range_collection",
        "size",
        "spans",
        "templates",
        "tick",
        "w",
    )

    def __init__(self, templates: Any, limits: Limits | None) -> None:
        self.out: list[str] = []
        self.w: Callable[[str], Any] = self.out.append
        self.depth = 0
        self.range_collection: Any = None  # what the innermost running range visits
        self.spans: list[tuple[int, int, Node]] = []  # (start, end, node) when tracing
        self.size = 0
        self.templates = templates  # the template set, for {{template}}
        self.limits = limits
        self.tick: Callable[[Node, str], None] | None = None
        self.budget = 0
        self.deadline = 0.0
        if limits is not None and (limits.steps is not None or limits.seconds is not None):
            self.budget = limits.steps if limits.steps is not None else -1
            self.deadline = time.monotonic() + limits.seconds if limits.seconds is not None else 0.0
            self.tick = self._tick
        if limits is not None and limits.output_bytes is not None:
            self.w = _BoundedWriter(self.out, limits.output_bytes)

    def write_at(self, node: Node, s: str) -> None:
        """Writes ``s`` and records that ``node`` wrote it (source-map execution)."""
        self.w(s)
        if s:
            self.spans.append((self.size, self.size + len(s), node))
            self.size += len(s)

    def _tick(self, node: Node, template: str) -> None:
        if self.budget >= 0:
            if self.budget == 0:
                raise exec_error(
                    template,
                    node,
                    "step limit exceeded (%d)",
                    self.limits.steps,  # type: ignore[union-attr]
                    cls=LimitExceeded,
                )
            self.budget -= 1
        if self.deadline and time.monotonic() > self.deadline:
            raise exec_error(
                template,
                node,
                "time limit exceeded (%vs)",
                self.limits.seconds,  # type: ignore[union-attr]
                cls=LimitExceeded,
            )


class _BoundedWriter:
    """An output buffer that refuses to grow past a byte limit."""

    __slots__ = ("left", "limit", "out")

    def __init__(self, out: list[str], limit: int) -> None:
        self.out = out
        self.limit = limit
        self.left = limit

    def __call__(self, s: str) -> None:
        n = len(s) if s.isascii() else len(go_bytes(s))
        if n > self.left:
            raise _OutputLimit(self.limit)
        self.left -= n
        self.out.append(s)


class _OutputLimit(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit
