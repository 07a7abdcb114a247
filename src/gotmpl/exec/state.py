"""Per-execution state, execution limits, and Go's execution error text.

A compiled template is shared by every execution. Renders change it only by
filling per-class caches (how a name reads on a class), whose answers never
change once found and which any thread may fill; everything else one
``execute()`` changes lives in its ``State``, so one template can run in many
threads at once.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import ExecError, LimitExceeded
from ..gostd import fmt as gofmt
from ..gostd.strconv import byte_len, quote
from ..parse.nodes import Node, node_class
from .meter import Meter, running
from .stack import FIRST_LOOK

__all__ = [
    "MAX_EXEC_DEPTH",
    "MAX_NESTED_EXECUTIONS",
    "REGEX_SECONDS",
    "STRING_BYTES",
    "Decided",
    "Limits",
    "State",
    "begin",
    "end",
    "exec_error",
    "regex_time_limit",
]

MAX_EXEC_DEPTH = 100000  # Go's maxExecDepth: nested {{template}} calls

# A function called from a template may itself execute templates (an "include").
# Go has no bound here (it dies when its stack runs out); gotmpl stops with
# LimitExceeded at this many executions nested one inside another.
MAX_NESTED_EXECUTIONS = 1000

#: The time limit of one regular-expression call when no Limits say otherwise.
REGEX_SECONDS = 1.0

#: The bytes of strings an execution with Limits may build unless they say otherwise:
#: a string doubled in a variable (or a template printing its own data again and
#: again into a variable) exhausts memory faster than steps or the output run out.
STRING_BYTES = 1 << 28


@dataclass(frozen=True)
class Limits:
    """Bounds for running untrusted templates; ``None`` means unbounded (Go's default).

    ``output_bytes`` caps the UTF-8 size of the output. ``steps`` caps the work:
    range iterations, template calls and the elements that printing, ``toJson``,
    sorting map keys and comparing visit. ``seconds`` caps the wall-clock time of
    compiling and running, looked at every step, between actions and inside walks
    over data. ``string_bytes`` caps the UTF-8 bytes of the strings the template
    builds (what functions and methods return, what printing and ``toJson`` make),
    256 MiB unless given, so that a string doubled in a variable stops without
    ``seconds``; with ``output_bytes`` it bounds the memory text takes. Exceeding one raises
    ``LimitExceeded``, a kind of ``ExecError``. ``regex_seconds`` bounds each call
    of ``match`` or ``reReplaceAll`` (never more than what is left of
    ``seconds``); running out fails that call.
    """

    output_bytes: int | None = None
    steps: int | None = None
    seconds: float | None = None
    regex_seconds: float | None = REGEX_SECONDS
    string_bytes: int | None = STRING_BYTES

    def metered(self) -> bool:
        """Whether any bound but the output's and the regular expressions' is set:
        then the execution runs code that counts (see exec.meter)."""
        return self.steps is not None or self.seconds is not None or self.string_bytes is not None


def begin(st: State, name: str) -> contextvars.Token[Any]:
    """Makes ``st`` the running execution; ``end`` with the token when it is over.

    Raises LimitExceeded when executions already nest MAX_NESTED_EXECUTIONS deep.
    """
    outer = running.get()
    if outer is not None:
        if outer.nesting >= MAX_NESTED_EXECUTIONS:
            reason = f"exceeded maximum nesting of executions ({MAX_NESTED_EXECUTIONS})"
            raise LimitExceeded(f"template: {name}: {reason}", name=name, reason=reason)
        st.nesting = outer.nesting + 1
    return running.set(st)


def end(token: contextvars.Token[Any]) -> None:
    """Ends the execution ``begin`` started."""
    running.reset(token)


def regex_time_limit() -> float | None:
    """Seconds one regular-expression call may take in the running execution
    (``None``: no limit); REGEX_SECONDS outside any execution."""
    st = running.get()
    if st is None or st.limits is None:
        return REGEX_SECONDS
    seconds = st.limits.regex_seconds
    if st.meter is not None and st.meter.deadline:
        left = max(0.0, st.meter.deadline - time.monotonic())
        seconds = left if seconds is None else min(seconds, left)
    return seconds


@node_class
class Decided(Node):
    """The node Go's state points at once an ``and`` or ``or`` ran: the argument it
    evaluated last, known only at run time (``State.decided``); ``static`` is the
    node it would be had every argument been evaluated."""

    static: Node

    @classmethod
    def of(cls, static: Node) -> Decided:
        return cls(static.pos, static.src, static)


def exec_error(
    template: str, node: Node | None, format: str, *args: Any, cls: type = ExecError
) -> ExecError:
    """Go's ExecError for ``state.errorf(format, args...)`` while executing ``node``.

    Like Go, the location goes into the format string unescaped, so a name with
    ``%`` in it is formatted too (with Go's ``%!`` complaints).
    """
    if isinstance(node, Decided):
        st = running.get()
        node = node.static if st is None or st.decided is None else st.decided
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
    return cls(text, name=template, line=line, col=col, node=context, reason=reason, at=node)


def _double_percent(s: str) -> str:
    return s.replace("%", "%%")


class State:
    """What one execution changes: output, template depth, stack estimate, limits."""

    __slots__ = (
        "chain",
        "decided",
        "depth",
        "frames",
        "frames_max",
        "limits",
        "meter",
        "nesting",
        "out",
        "range_collection",
        "size",
        "spans",
        "templates",
        "tick",
        "w",
    )

    def __init__(self, templates: Any, name: str, limits: Limits | None) -> None:
        self.out: list[str] = []
        self.w: Callable[[str], Any] = self.out.append
        self.depth = 0
        # Frames stacked on this thread, as estimated, and how far the estimate may
        # grow before the stack is looked at; the helper threads' stop flag, once
        # the run went on on a fresh thread (see exec.stack).
        self.frames = 0
        self.frames_max = FIRST_LOOK
        self.chain: Any = None
        self.nesting = 1  # executions running one inside another, this one included
        self.range_collection: Any = None  # what the innermost running range visits
        self.decided: Node | None = None  # what the latest and/or evaluated last (Decided)
        self.spans: list[tuple[int, int, Node]] = []  # (start, end, node) when tracing
        self.size = 0
        self.templates = templates  # the template set, for {{template}}
        self.limits = limits
        # A range iteration or template call: tick(node, template), when one counts.
        self.tick: Callable[[Node, str], None] | None = None
        self.meter: Meter | None = None
        if limits is not None and limits.metered():
            self.meter = Meter(limits, name)
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
        assert self.meter is not None  # ticking is on only with a meter
        exceeded = self.meter.step()
        if exceeded is not None:
            raise exec_error(template, node, *exceeded, cls=LimitExceeded)

    def clock(self, node: Node, template: str) -> None:
        """Between two actions of a metered execution: raises once it is too late."""
        assert self.meter is not None  # metered code calls this only with a meter
        exceeded = self.meter.late()
        if exceeded is not None:
            raise exec_error(template, node, *exceeded, cls=LimitExceeded)


class _BoundedWriter:
    """An output buffer that refuses to grow past a byte limit."""

    __slots__ = ("left", "limit", "out")

    def __init__(self, out: list[str], limit: int) -> None:
        self.out = out
        self.limit = limit
        self.left = limit

    def __call__(self, s: str) -> None:
        n = byte_len(s)
        if n > self.left:
            raise _OutputLimit(self.limit)
        self.left -= n
        self.out.append(s)


class _OutputLimit(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit
