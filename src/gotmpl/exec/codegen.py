"""Generated Python functions for the shapes that run most: lists, range loops, calls.

A closure per node costs a Python call per node at render time. For a list of
actions, a range body with its loop, and a function call with its arguments,
the compiler writes Python source instead (see gotmpl.pycode), with the simplest
items written in as statements (:class:`Inline`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from .. import pycode
from ..parse.nodes import Node, RangeNode
from ..values import MISSING
from .calls import NO_FINAL, raise_call_error

__all__ = [
    "UNSET",
    "Break",
    "Continue",
    "EachIteration",
    "Inline",
    "call_statements",
    "command",
    "iteration",
    "piped",
    "sequence",
]

UNSET: Any = object()  # a variable slot whose declaration has not run


class Break(Exception):
    """{{break}}: ends the innermost range."""


class Continue(Exception):
    """{{continue}}: ends this iteration of the innermost range."""


class Inline:
    """Statements written into a generated function in place of a call.

    ``lines`` are Python statements that may use ``st``, ``dot``, ``frame``, ``w``
    (the writer), ``final`` (in calls), ``UNSET``, ``MISSING`` and ``NO_FINAL``,
    ``{name}`` for the objects in ``names``, and ``{out}`` for the variable the
    statements assign their value to.

    An operand that reads a name of dot without side effects says so in
    ``reads``: the table of accessors (by dot's class) its getter has found. An
    operand that is a constant says so in ``constant``.
    """

    __slots__ = ("constant", "lines", "names", "reads")

    def __init__(
        self,
        lines: Sequence[str],
        names: dict[str, Any] | None = None,
        *,
        reads: dict[type, Any] | None = None,
        constant: bool = False,
    ) -> None:
        self.lines = tuple(lines)
        self.names = names or {}
        self.reads = reads
        self.constant = constant

    def then(self, out: str, lines: list[str], names: dict[str, Any]) -> Inline:
        """These statements, assigning to the variable ``out``, followed by ``lines``."""
        assert not names.keys() & self.names.keys(), "placeholder used twice"
        own = _substituted(self.lines, (("out", out),))
        return Inline(own + tuple(lines), {**self.names, **names})


Item = Any  # a list item: a text (str), an Inline, or a runner run(st, dot, frame)


# Items written into one generated function, at most. Python compiles a function in
# time and memory that grow faster than its length (a template of a million actions
# would need gigabytes), and chunks of the same shape share their code.
_CHUNK = 64


def sequence(items: list[Item]) -> Callable[..., None]:
    """A list's runner: texts written and items run in order, as straight-line
    functions instead of a loop that tests each item."""
    items = _chunked(items)
    if len(items) == 1 and callable(items[0]) and not isinstance(items[0], Inline):
        return items[0]
    return _straight(items)


def _straight(items: list[Item]) -> Callable[..., None]:
    namespace: dict[str, Any] = {}
    lines = ["def run_list(st, dot, frame):", "    w = st.w"]
    lines += _statements(items, namespace, "    ")
    return _generated(lines, namespace, "run_list")


def _chunked(items: list[Item]) -> list[Item]:
    """``items``, or runners of at most _CHUNK of them each (and so on up) when there
    are more."""
    while len(items) > _CHUNK:
        items = [_straight(items[i : i + _CHUNK]) for i in range(0, len(items), _CHUNK)]
    return items


class EachIteration(int):
    """An origin slot set again at each iteration (see iteration)."""


def iteration(
    items: list[Item],
    key_slot: int | None,
    elem_slot: int | None,
    origin_slot: int | None,
    node: RangeNode,
    name: str,
) -> Callable[..., None]:
    """A range body's loop, ``loop(st, frame, items, collection)``, with the body's
    statements written into it: one call per range, not per element. ``items``
    holds (key, element) pairs when there is a key variable; ``origin_slot`` gets
    the collection the element variable's elements come from (its static type),
    before the loop or, an EachIteration, at each iteration (the body assigns to
    the variable)."""
    items = _chunked(items)
    namespace: dict[str, Any] = {"node": node, "name": name}
    target = "key, dot" if key_slot is not None else "dot"
    lines = [
        "def loop(st, frame, items, collection):",
        "    outer = st.range_collection",
        "    st.range_collection = collection",
    ]
    if origin_slot is not None and not isinstance(origin_slot, EachIteration):
        lines.append(f"    frame[{origin_slot}] = collection")
    lines += [
        "    tick = st.tick",
        "    w = st.w",
        "    try:",
        f"        for {target} in items:",
        "            if tick is not None:",
        "                tick(node, name)",
    ]
    if key_slot is not None:
        lines.append(f"            frame[{key_slot}] = key")
    if elem_slot is not None:
        lines.append(f"            frame[{elem_slot}] = dot")
    if isinstance(origin_slot, EachIteration):
        lines.append(f"            frame[{origin_slot}] = collection")
    body = _statements(items, namespace, "                ") or ["                pass"]
    lines += [
        "            try:",
        *body,
        "            except Continue:",
        "                continue",
        "            except Break:",
        "                break",
        "    finally:",
        "        st.range_collection = outer",
    ]
    return _generated(lines, namespace, "loop")


def call_statements(
    func: Callable[..., Any],
    operands: Sequence[Inline],
    *,
    error: Callable[..., Any],
    node: Node,
    name: str,
    result: Callable[[Any], Any] | None = None,
    shortcut: tuple[str, str] | None = None,
    shortcut_names: dict[str, Any] | None = None,
    metered: bool = False,
) -> Inline:
    """Statements calling ``func`` and assigning what it returns to ``{out}``.

    Each operand assigns one argument, in order, before the call. ``shortcut`` is
    a condition on the arguments (``{a0}``, ``{a1}`` ...) and the value to take
    instead of calling when it holds; the objects it names are
    ``shortcut_names``. Whatever the call raises is reported as Go reports a
    failed call (calls.raise_call_error); ``result`` converts what it returns.
    ``metered``: a string returned is charged to the execution's meter.
    """
    names: dict[str, Any] = {
        "func": func,
        "error": error,
        "node": node,
        "name": name,
        "raise_call_error": raise_call_error,
        "result": result,
        **(shortcut_names or {}),
    }
    for i, operand in enumerate(operands):
        names.update({f"o{i}_{k}": v for k, v in operand.names.items()})
    kinds = tuple(
        _READ if o.reads is not None else _CONSTANT if o.constant else "" for o in operands
    )
    read_once = _READ in kinds and "" not in kinds
    if read_once:
        names.update(_read_once_names([o.reads for o in operands if o.reads is not None]))
    shape = tuple((o.lines, tuple(o.names)) for o in operands)
    lines = _call_lines(shape, kinds if read_once else None, result is not None, shortcut, metered)
    return Inline(lines, names)


_READ, _CONSTANT = "read", "constant"


@functools.lru_cache(maxsize=1024)
def _call_lines(
    operands: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...],
    read_once: tuple[str, ...] | None,
    converts: bool,
    shortcut: tuple[str, str] | None,
    metered: bool,
) -> tuple[str, ...]:
    """The statements of call_statements for operands of these shapes (their lines and
    placeholders); a call site's shape recurs across templates, its objects do not."""
    arguments = {f"a{i}": f"{{out}}_{i}" for i in range(len(operands))}
    evaluations = [
        _rendered(lines, keys, f"{{{{o{i}_{{}}}}}}", arguments[f"a{i}"])
        for i, (lines, keys) in enumerate(operands)
    ]
    if read_once is None:
        lines = [line for evaluation in evaluations for line in evaluation]
    else:
        lines = _read_once(read_once, evaluations)
    call = f"{{func}}({', '.join(arguments.values())})"
    if converts:
        call = f"{{result}}({call})"
    indent = ""
    if shortcut is not None:
        condition, value = _substituted(shortcut, tuple(arguments.items()))
        lines += [f"if {condition}:", f"    {{out}} = {value}", "else:"]
        indent = "    "
    lines += [
        indent + "try:",
        indent + f"    {{out}} = {call}",
        indent + "except Exception as e:",
        indent + "    {raise_call_error}({error}, {node}, {name}, e)",
    ]
    if metered:
        lines += ["if {out}.__class__ is str:", "    st.meter.built({out})"]
    return tuple(lines)


def _read_once_names(reads: list[dict[type, Any]]) -> dict[str, Any]:
    """The objects _read_once's statements use: the accessors found per class of dot,
    and how to find them."""
    by_class: dict[type, tuple[Any, ...]] = {}

    def remember(cls: type) -> None:
        found = tuple(table.get(cls) for table in reads)
        by_class[cls] = found if None not in found else ()  # (): no way but the full one

    return {"by_class": by_class, "remember": remember}


def _read_once(kinds: tuple[str, ...], evaluations: list[tuple[str, ...]]) -> list[str]:
    """Operand statements for a call whose operands all read names of dot or are
    constants (``printf "%q: %q" (.Name) (.Value)``, ``eq .Status "firing"``).

    Per class of dot, the accessors of all its reads are looked up once, and the
    reads run through them in place; until they are known, or when one of them
    fails, each operand is evaluated in full.
    """
    fast: list[str] = []
    j = 0
    for i, (kind, evaluation) in enumerate(zip(kinds, evaluations, strict=True)):
        if kind == _CONSTANT:
            fast += evaluation
        else:
            fast.append(f"{{out}}_{i} = {{out}}_read[{j}](dot)")
            j += 1
    return [
        "{out}_read = {by_class}.get(dot.__class__)",
        "if {out}_read:",
        "    try:",
        *("        " + line for line in fast),
        "    except (AttributeError, KeyError):",
        "        {out}_read = None",
        "if not {out}_read:",
        *("    " + line for evaluation in evaluations for line in evaluation),
        "    if {out}_read is None:",
        "        {remember}(dot.__class__)",
    ]


def piped(head: Inline, calls: Sequence[Inline]) -> Inline:
    """Statements running a pipeline: ``head``, then each call (statements of
    call_statements whose last argument is ``final``), each given the value
    before it, nil as no value, as Go's evalPipeline passes it on."""
    lines = list(_rendered(head.lines, tuple(head.names), "{{p0_{}}}", "piped"))
    names = {f"p0_{k}": v for k, v in head.names.items()}
    for i, call in enumerate(calls, 1):
        lines.append("final = MISSING if piped is None else piped")
        lines += _rendered(call.lines, tuple(call.names), f"{{{{p{i}_{{}}}}}}", "piped")
        names.update({f"p{i}_{k}": v for k, v in call.names.items()})
    lines.append("{out} = piped")
    return Inline(lines, names)


def command(statements: Inline) -> Callable[..., Any]:
    """A command ``cmd(st, dot, frame, final)`` running ``statements`` and returning ``{out}``."""
    namespace: dict[str, Any] = {}
    lines = ["def cmd(st, dot, frame, final):"]
    lines += _inline_lines(statements, "c", namespace, "    ", out="r")
    lines.append("    return r")
    return _generated(lines, namespace, "cmd")


class _Keep(dict[str, str]):
    """Format arguments that leave unknown ``{placeholders}`` in place."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@functools.lru_cache(maxsize=4096)
def _substituted(lines: tuple[str, ...], names: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """``lines`` with each ``{name}`` of ``names`` replaced, other placeholders kept.

    Templates repeat the same few shapes (a field read, a call of two operands),
    so the same substitutions come back over and over; they are remembered.
    """
    mapping = _Keep(names)
    return tuple(line.format_map(mapping) for line in lines)


@functools.lru_cache(maxsize=4096)
def _rendered(
    lines: tuple[str, ...], keys: tuple[str, ...], rename: str, out: str, indent: str = ""
) -> tuple[str, ...]:
    """``lines``, indented, with each ``{key}`` renamed by the pattern ``rename`` (its
    ``{}`` is the key) and ``{out}`` as ``out``."""
    names = tuple((key, rename.format(key)) for key in keys)
    return tuple(indent + line for line in _substituted(lines, (*names, ("out", out))))


def _statements(items: list[Item], namespace: dict[str, Any], indent: str) -> list[str]:
    """Source lines running ``items`` in order; the objects they use go into ``namespace``."""
    lines: list[str] = []
    for i, item in enumerate(items):
        if isinstance(item, Inline):
            lines += _inline_lines(item, f"x{i}", namespace, indent)
            continue
        namespace[f"x{i}"] = item
        lines.append(indent + (f"w(x{i})" if type(item) is str else f"x{i}(st, dot, frame)"))
    return lines


def _inline_lines(
    item: Inline, prefix: str, namespace: dict[str, Any], indent: str, out: str = ""
) -> tuple[str, ...]:
    for name, obj in item.names.items():
        namespace[f"{prefix}_{name}"] = obj
    return _rendered(item.lines, tuple(item.names), prefix + "_{}", out, indent)


_COMMON = {
    "UNSET": UNSET,
    "MISSING": MISSING,
    "NO_FINAL": NO_FINAL,
    "Break": Break,
    "Continue": Continue,
}


def _generated(lines: list[str], namespace: dict[str, Any], name: str) -> Any:
    namespace.update(_COMMON)
    return pycode.function(name, lines, namespace)
