"""What walks over user data charge to the running execution's Limits.

A template controls the shape of what it prints, encodes, sorts and compares: a
list holding another twice, forty times over, has 2**40 leaves in a few hundred
bytes. So every walk over data (gostd.fmt's printer, gostd.json's encoder,
values.sorted_items, eq's comparison, the escaping builtins, and html/template's
escapers) asks :func:`current` once for the running execution's meter, and when
there is one (the execution has Limits) reports its work as it goes:
:meth:`Meter.walked` for each element visited, :meth:`Meter.built` for the text
made; a walk that appends text to a list has both done by :func:`walking`.
Either raises LimitExceeded once a limit is passed. Without Limits
:func:`current` is None and a walk pays one look at a context variable.

The meter is the execution's (see exec.state): range iterations and template
calls charge it too, and the compiled code of an execution with Limits looks at
the clock between actions and charges the strings calls return.
"""

from __future__ import annotations

import contextvars
import sys
import time
from typing import Any

from ..errors import LimitExceeded
from ..gostd.strconv import byte_len

__all__ = ["Meter", "Walk", "current", "running", "walking"]

# The State of the execution running in this context (thread or task; the
# innermost when a function of one starts another). A context, not a thread:
# deep executions continue on helper threads that run in a copy of it (exec.stack).
running: contextvars.ContextVar[Any] = contextvars.ContextVar("gotmpl_running", default=None)

# Units of walk work between two looks at the clock.
_CLOCK_EVERY = 256

# Pieces of text a walk appends between two charges of them (see Walk).
_CHARGE_EVERY = 256


def current() -> Meter | None:
    """The running execution's meter; None outside executions and without Limits."""
    st = running.get()
    return None if st is None else st.meter


def walking(out: list[str]) -> Walk | None:
    """What a walk that appends its text to ``out`` reports to: None without Limits."""
    meter = current()
    return None if meter is None else Walk(meter, out)


class Walk:
    """One walk over data under Limits: each ``step()`` is an element visited, and
    the text appended to ``out`` is charged every _CHARGE_EVERY pieces."""

    __slots__ = ("charged", "meter", "out")

    def __init__(self, meter: Meter, out: list[str]) -> None:
        self.meter = meter
        self.out = out
        self.charged = len(out)  # the pieces of out charged so far

    def step(self) -> None:
        self.meter.walked()
        out = self.out
        if len(out) - self.charged >= _CHARGE_EVERY:
            self.meter.built("".join(out[self.charged :]))
            self.charged = len(out)


class Meter:
    """An execution's Limits as they run down: steps, time and the bytes of strings built.

    ``steps`` counts range iterations, template calls and the units of walk work;
    the deadline is looked at every step, between actions, and every
    _CLOCK_EVERY units of walk work; ``string_bytes`` counts the UTF-8 bytes of
    strings calls return and walks make.
    """

    __slots__ = ("bytes_left", "deadline", "limits", "name", "steps_left", "until_clock")

    def __init__(self, limits: Any, name: str) -> None:
        self.limits = limits
        self.name = name  # the template executed, named in errors without a node
        self.steps_left = sys.maxsize if limits.steps is None else limits.steps
        self.deadline = 0.0 if limits.seconds is None else time.monotonic() + limits.seconds
        self.bytes_left = sys.maxsize if limits.string_bytes is None else limits.string_bytes
        self.until_clock = _CLOCK_EVERY

    def step(self) -> tuple[str, Any] | None:
        """One step; what was exceeded (Go's format and argument), if anything."""
        if self.steps_left <= 0:
            return "step limit exceeded (%d)", self.limits.steps
        self.steps_left -= 1
        return self.late()

    def late(self) -> tuple[str, Any] | None:
        """Whether the deadline has passed, as step() says."""
        if self.deadline and time.monotonic() > self.deadline:
            return "time limit exceeded (%vs)", self.limits.seconds
        return None

    def walked(self, units: int = 1) -> None:
        """``units`` of work over data done: steps, and now and then the clock."""
        self.steps_left -= units
        if self.steps_left < 0:
            self.fail(("step limit exceeded (%d)", self.limits.steps))
        self.until_clock -= units
        if self.until_clock <= 0:
            self.until_clock = _CLOCK_EVERY
            self.fail(self.late())

    def built(self, s: str) -> None:
        """The string ``s`` was made: its bytes count, and the clock is looked at."""
        self.bytes_left -= byte_len(s)
        if self.bytes_left < 0:
            self.fail(("string limit exceeded (%d bytes)", self.limits.string_bytes))
        self.fail(self.late())

    def check_clock(self) -> None:
        """Raises LimitExceeded once the deadline has passed (for parsing and compiling)."""
        self.fail(self.late())

    def fail(self, exceeded: tuple[str, Any] | None) -> None:
        """Raises LimitExceeded for what ``step`` or ``late`` found, if anything."""
        if exceeded is None:
            return
        from ..gostd import fmt  # imports this module: meter is fmt's hook

        reason = fmt.errorf(*exceeded)
        raise LimitExceeded(f"template: {self.name}: {reason}", name=self.name, reason=reason)
