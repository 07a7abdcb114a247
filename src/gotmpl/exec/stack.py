"""Deep work on a shallow stack: templates nest deeper than one thread's recursion limit.

Go lets templates call each other 100000 deep and nest actions by the thousand;
every level costs gotmpl a few Python frames, and Python's recursion limit (1000
by default) is process-wide, so gotmpl never changes it. Python counts recursion
per thread, though: when a thread's stack runs low, the work continues on a
fresh thread (a *hop*) while the thread that started it waits for its result or
exception. Only deep work pays for this; shallow templates never look at the
stack.

An execution keeps an estimate of the frames it has stacked (``State.frames``):
the compiler gives each template call and each nesting guard (placed every
``GUARD_EVERY`` levels of lists and pipelines) an upper bound of the frames up
to the next one. Only when the estimate passes ``State.frames_max`` does the
execution look at the real stack: with room left it allows another stretch for
what runs inside that call or guard, without room it hops. Compiling and other
walks over nesting a user controls (regular expressions) look at the real stack
every so many levels instead (``with_room``).

Only the main thread receives signals: when a KeyboardInterrupt (or another
exception raised by a signal handler) interrupts a thread waiting for a hop, the
helper threads are told to stop, stop at their next check (a template call, a
range iteration or a guard), and are waited for before the exception goes on.
"""

from __future__ import annotations

import contextvars
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .state import State

__all__ = [
    "COMPILE_STRETCH",
    "FIRST_LOOK",
    "GUARD_EVERY",
    "Stopped",
    "call_frames",
    "descend",
    "guard",
    "on_fresh_thread",
    "run_nested",
    "with_room",
]

_T = TypeVar("_T")
_Run = Callable[["State", Any, list], Any]

# Levels of nesting (lists and pipelines, see _Compiler.nested) between two guards.
GUARD_EVERY = 16

# Python frames one level costs at run time, at most: a list (measured: up to 2.2,
# for range and with bodies) and a pipeline (up to 4.1, for parenthesized calls).
_LIST_FRAMES = 3
_PIPELINE_FRAMES = 6

# What a guard adds to the estimate: GUARD_EVERY levels, itself and descend().
_GUARD_FRAMES = GUARD_EVERY * _PIPELINE_FRAMES + 2

# How far the estimate may grow past the latest look at the stack before the next.
_STRETCH = 60

#: A new execution's ``frames_max``: how far it trusts its caller to have left room.
FIRST_LOOK = 64

# Frames kept free below everything an estimate covers: for the calls, printing,
# sorting and error messages that run at the end of a chain of nested actions.
_LEAF = 250

# Compiling costs at most this many frames a level (measured: up to nine) ...
_COMPILE_LEVEL_FRAMES = 12

#: ... so compiling GUARD_EVERY levels needs this many.
COMPILE_STRETCH = GUARD_EVERY * _COMPILE_LEVEL_FRAMES + 20

# The frames a fresh thread starts with (threading's bootstrap, the hop's own).
_THREAD_BASE = 12

# Before 3.11 every Python call also takes C stack; a thread of the platform's
# default size is only known to hold Python's default recursion limit.
_MAX_BUDGET = None if sys.version_info >= (3, 11) else 1000


def call_frames(nesting: int) -> int:
    """What a ``{{template}}`` call at ``nesting`` levels adds to the estimate: only
    lists enclose a template call, since the last guard, then the call itself."""
    return (nesting % GUARD_EVERY) * _LIST_FRAMES + 3


def _budget() -> int:
    limit = sys.getrecursionlimit()
    return limit if _MAX_BUDGET is None else min(limit, _MAX_BUDGET)


def _leaf(budget: int) -> int:
    return min(_LEAF, budget // 4)


def _has_room(frames: int) -> bool:
    """Whether this thread's stack can take ``frames`` more and keep the leaf reserve."""
    budget = _budget()
    free_from = budget - _leaf(budget) - frames
    if free_from <= 0:
        return False
    # sys._getframe(n) walks n frames in C; it fails when the stack is shallower.
    try:
        sys._getframe(free_from)
    except ValueError:
        return True
    return False


def _fresh_room() -> int:
    """The frames a fresh thread has for work an estimate covers."""
    budget = _budget()
    return budget - _leaf(budget) - _THREAD_BASE


class Stopped(BaseException):
    """Ends a helper thread whose waiting thread was interrupted.

    A BaseException, so that no ``except Exception`` on the way catches it.
    """


class _Chain:
    """What the helper threads of one waiting thread share: whether to stop."""

    __slots__ = ("stopped",)

    def __init__(self) -> None:
        self.stopped = False


# The chain a helper thread belongs to; unset outside helper threads.
_chain: contextvars.ContextVar[_Chain | None] = contextvars.ContextVar(
    "gotmpl_stack_chain", default=None
)


def _check_stopped() -> None:
    chain = _chain.get()
    if chain is not None and chain.stopped:
        raise Stopped


def on_fresh_thread(fn: Callable[..., _T], *args: Any) -> _T:
    """``fn(*args)`` run on a new thread with a copy of this thread's context
    (contextvars), waited for; its exception is raised here."""
    return _on_fresh_thread(_chain.get() or _Chain(), fn, *args)


def _on_fresh_thread(chain: _Chain, fn: Callable[..., _T], *args: Any) -> _T:
    """on_fresh_thread for a thread of ``chain``.

    The new thread's stack size is the process-wide ``threading.stack_size()``,
    which gotmpl leaves alone (setting it would change every thread another part
    of the program starts meanwhile): a thread of that size holds Python's
    recursion limit's worth of frames like any other (see ``_MAX_BUDGET``).
    """
    context = contextvars.copy_context()
    outcome: list[tuple[bool, Any]] = []
    done = threading.Lock()
    done.acquire()

    def helper() -> None:
        try:
            outcome.append((True, context.run(_continue, chain, fn, args)))
        except BaseException as e:  # handed to the waiting thread
            outcome.append((False, e))
        finally:
            done.release()

    thread = threading.Thread(target=helper, name="gotmpl-deep", daemon=True)
    try:
        thread.start()
        done.acquire()
    except BaseException:
        # Interrupted (only the main thread receives signals): the helper stops at
        # its next check; wait for it, unless it is done (the interruption may
        # come once ``done`` is acquired) or never began (it would stop at once).
        chain.stopped = True
        if not outcome and thread.is_alive():
            done.acquire()
        raise
    ok, value = outcome.pop()
    if ok:
        return value
    raise value


def _continue(chain: _Chain, fn: Callable[..., _T], args: tuple) -> _T:
    _chain.set(chain)
    if chain.stopped:  # interrupted before this thread began
        raise Stopped
    return fn(*args)


def with_room(frames: int, fn: Callable[..., _T], *args: Any) -> _T:
    """``fn(*args)``, on a fresh thread if this one has fewer than ``frames`` to spare."""
    _check_stopped()
    if _has_room(frames) or _fresh_room() < frames:
        return fn(*args)
    return on_fresh_thread(fn, *args)


# -- executions ----------------------------------------------------------------------


def guard(run: _Run) -> _Run:
    """``run`` behind a nesting guard, which counts GUARD_EVERY levels of frames."""
    cost = _GUARD_FRAMES

    def run_guarded(st: State, dot: Any, frame: list) -> Any:
        st.frames += cost
        try:
            if st.frames > st.frames_max:
                return descend(st, run, dot, frame, cost)
            return run(st, dot, frame)
        finally:
            st.frames -= cost

    return run_guarded


def descend(st: State, run: _Run, dot: Any, frame: list, cost: int) -> Any:
    """``run(st, dot, frame)`` once the estimate, ``cost`` for ``run`` included, passed
    ``st.frames_max``: with room on this thread for ``run`` and another stretch, the
    watermark is raised for what runs inside; otherwise it runs on a fresh thread."""
    if st.chain is not None and st.chain.stopped:
        raise Stopped
    need = cost + _STRETCH
    if not _has_room(need) and _fresh_room() >= need:
        return _hop(st, run, dot, frame, cost)
    saved = st.frames_max
    st.frames_max = st.frames + _STRETCH
    try:
        return run(st, dot, frame)
    finally:
        st.frames_max = saved


def run_nested(st: State, run: _Run, dot: Any, frame: list) -> Any:
    """Runs the root of an execution that a function of a running template started:
    the stack may be deep already, so it is looked at first."""
    # What runs before the root's first guard or call is not in the estimate; a
    # guard's worth of frames stands for it.
    need = _GUARD_FRAMES + _STRETCH
    if not _has_room(need) and _fresh_room() >= need:
        return _hop(st, run, dot, frame, _GUARD_FRAMES)
    st.frames_max = st.frames + _STRETCH
    return run(st, dot, frame)


def _hop(st: State, run: _Run, dot: Any, frame: list, cost: int) -> Any:
    """``run(st, dot, frame)`` on a fresh thread, whose room the estimate may use up."""
    chain = st.chain
    if chain is None:
        # The execution's first hop (its helpers may also start executions, which
        # join the chain they run in). Range loops and template calls from now on
        # check for Stopped.
        chain = st.chain = _chain.get() or _Chain()
        st.tick = _stopping(chain, st.tick)

    def continuation() -> Any:
        st.frames_max = st.frames - cost + _fresh_room()
        return run(st, dot, frame)

    saved = st.frames_max
    try:
        return _on_fresh_thread(chain, continuation)
    finally:
        st.frames_max = saved


def _stopping(chain: _Chain, tick: Callable[[Any, str], None] | None) -> Callable[[Any, str], None]:
    """``tick`` (the step and time limits, if any) that first checks for Stopped."""
    if tick is None:

        def tick_stop(node: Any, template: str) -> None:
            if chain.stopped:
                raise Stopped

        return tick_stop

    def tick_or_stop(node: Any, template: str) -> None:
        if chain.stopped:
            raise Stopped
        tick(node, template)

    return tick_or_stop
