"""Generated Python functions for the shapes that run most: lists, range loops, calls.

A closure per node costs a Python call per node at render time. For a list of
actions, a range body with its loop, and a function call with its arguments,
the compiler writes Python source instead (see gotmpl.pycode), with the simplest
items written in as statements (:class:`Inline`).

Compiling that source costs far more than running it once, so lists and loops
start at tier 0, running their items one by one from code shared by all items of
a shape, and are compiled straight-line (tier 1) once they have run a few times
(TIER_UP).
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Callable, Sequence
from types import CodeType, FunctionType
from typing import Any

from .. import pycode
from ..parse.nodes import Node, RangeNode
from ..values import MISSING
from .calls import NO_FINAL, raise_call_error

__all__ = [
    "TIER_UP",
    "UNSET",
    "Break",
    "Continue",
    "EachIteration",
    "Inline",
    "Slot",
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
    operand that is a constant says so in ``constant``. A call given only the
    piped value that returns it as it is when a condition on it holds (an
    escaper and a plain string it leaves alone) gives that condition in
    ``keeps``, on ``{a0}``: a pipeline tests it first (see piped).
    """

    __slots__ = ("constant", "keeps", "lines", "names", "reads")

    def __init__(
        self,
        lines: Sequence[str],
        names: dict[str, Any] | None = None,
        *,
        reads: dict[type, Any] | None = None,
        constant: bool = False,
        keeps: str | None = None,
    ) -> None:
        self.lines = tuple(lines)
        self.names = names or {}
        self.reads = reads
        self.constant = constant
        self.keeps = keeps

    def then(self, out: str, lines: list[str], names: dict[str, Any]) -> Inline:
        """These statements, assigning to the variable ``out``, followed by ``lines``."""
        assert not names.keys() & self.names.keys(), "placeholder used twice"
        own = _substituted(self.lines, (("out", out),))
        return Inline(own + tuple(lines), {**self.names, **names})


Item = Any  # a list item: a text (str), an Inline, or a runner run(st, dot, frame)
_Source = tuple[list[str], dict[str, Any]]  # a function's lines and the objects they name


# Items written into one generated function, at most. Python compiles a function in
# time and memory that grow faster than its length (a template of a million actions
# would need gigabytes), and chunks of the same shape share their code.
_CHUNK = 64

#: Runs of a list or range loop before its straight-line function is compiled (tier
#: 1, the fast one). Until then it runs its items one by one (tier 0), each item a
#: function whose code is shared by every item of its shape (a field printed, a
#: printf of two fields), so that a new template compiles only the shapes this
#: process has not seen, and a template rendered once never pays for Python's
#: compile() of all its source. 0: tier 1 at once.
TIER_UP = 4


def sequence(items: list[Item]) -> Callable[..., None]:
    """A list's runner: texts written and items run in order, as straight-line
    functions instead of a loop that tests each item (once the list has run
    TIER_UP times)."""
    items = _chunked(items)
    if len(items) == 1 and callable(items[0]) and not isinstance(items[0], Inline):
        return items[0]
    return _straight(items)


def _straight(items: list[Item]) -> Callable[..., None]:
    return _tiered(
        "run_list", _ITEM_BY_ITEM, _item_names(items), functools.partial(_list_source, items)
    )


def _list_source(items: list[Item]) -> _Source:
    namespace: dict[str, Any] = {}
    lines = ["def run_list(st, dot, frame):", "    w = st.w"]
    lines += _statements(items, namespace, "    ")
    return lines, namespace


def _item_by_item(indent: str) -> list[str]:
    """Tier 0: statements running the items ``t0_items`` in turn, each Inline made a
    function of code shared by its shape when it first runs (items that never run
    cost no compiling)."""
    return [
        indent + line
        for line in (
            "for t0_i, t0_item in enumerate(t0_items):",
            "    if t0_item.__class__ is str:",
            "        w(t0_item)",
            "    else:",
            "        if t0_item.__class__ is t0_Inline:",
            "            t0_item = t0_items[t0_i] = t0_shared(t0_item)",
            "        t0_item(st, dot, frame)",
        )
    ]


def _item_names(items: list[Item]) -> dict[str, Any]:
    """The objects _item_by_item's statements use."""
    return {"t0_items": list(items), "t0_Inline": Inline, "t0_shared": _shared}


def _shared(item: Inline) -> Callable[..., None]:
    """An Inline item as a runner ``run(st, dot, frame)`` whose code is its shape's.

    The item's objects are the defaults of the parameters that follow ``frame``:
    a tuple to make instead of a namespace, and read as locals."""
    code = _shape(item.lines, tuple(item.names))
    return FunctionType(code, _COMMON, None, tuple(item.names.values()))


@functools.lru_cache(maxsize=1024)
def _shape(lines: tuple[str, ...], keys: tuple[str, ...]) -> CodeType:
    """The code of _shared's function for items of these lines and placeholders."""
    own = _rendered(lines, keys, "x_{}", "", "    ")
    params = "".join(f", x_{key}" for key in keys)
    source = "\n".join([f"def run_item(st, dot, frame{params}):", "    w = st.w", *own])
    return pycode.code("run_item", source)


# A list's runner at tier 0.
_ITEM_BY_ITEM = "\n".join(
    ["def run_list(st, dot, frame):", "    t0_tier.count()", "    w = st.w", *_item_by_item("    ")]
)


def _chunked(items: list[Item]) -> list[Item]:
    """``items``, or runners of at most _CHUNK of them each (and so on up) when there
    are more."""
    while len(items) > _CHUNK:
        items = [_straight(items[i : i + _CHUNK]) for i in range(0, len(items), _CHUNK)]
    return items


def _tiered(
    name: str,
    item_by_item: str,
    item_by_item_names: dict[str, Any],
    straight: Callable[[], _Source],
) -> Callable[..., Any]:
    """The function ``name``: at tier 1 at once (TIER_UP 0), or at tier 0 until it has
    run TIER_UP times, from the source ``item_by_item`` (whose first statement is
    ``t0_tier.count()``) and the objects ``item_by_item_names``; then ``straight()``
    gives its tier-1 source.

    The function object stays the same: its code is replaced and its globals get
    the tier-1 objects, so that whatever holds it runs the new code from its next
    call. A call already running (on another thread, or further up this one's
    stack) goes on with its code, whose names are all still there.
    """
    if TIER_UP == 0:
        return _generated(*straight(), name)
    tier_up = _TierUp(name, straight)
    # Few objects: a template is freed by the cyclic collector, whose work grows
    # with them.
    namespace = item_by_item_names
    namespace["t0_tier"] = tier_up
    namespace.update(_COMMON)
    run = FunctionType(pycode.code(name, item_by_item), namespace)
    # Weakly held: a cycle through its globals would leave a dropped template to the
    # cyclic collector.
    tier_up.runner = weakref.ref(run)
    return run


class _TierUp:
    """A tier-0 function's count of runs, and its way to tier 1 (see _tiered)."""

    __slots__ = ("name", "runner", "runs", "straight")

    def __init__(self, name: str, straight: Callable[[], _Source]) -> None:
        self.name = name
        self.straight: Callable[[], _Source] | None = straight
        self.runs = TIER_UP
        self.runner: weakref.ref[Any] | None = None  # the function, once made

    def count(self) -> None:
        # Threads may race here: the first to count down to 0 takes the source,
        # and any other finds it taken.
        runs = self.runs - 1
        self.runs = runs
        if runs:
            return
        with _TIER_UP_LOCK:
            straight, self.straight = self.straight, None
        run = None if self.runner is None else self.runner()
        if straight is None or run is None:
            return
        lines, namespace = straight()
        namespace.update(_COMMON)
        code = pycode.code(self.name, "\n".join(lines))
        run.__globals__.update(namespace)  # before the code that names them
        run.__code__ = code


_TIER_UP_LOCK = threading.Lock()


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
    slots = {"t0_key": key_slot, "t0_elem": elem_slot, "t0_origin": origin_slot}
    each = isinstance(origin_slot, EachIteration)
    return _tiered(
        "loop",
        _loop_item_by_item(*(s is not None for s in slots.values()), each),
        {**_item_names(items), "node": node, "name": name, **slots},
        functools.partial(_loop_source, items, slots, each, node, name),
    )


def _loop_source(
    items: list[Item], slots: dict[str, int | None], each: bool, node: RangeNode, name: str
) -> _Source:
    namespace: dict[str, Any] = {"node": node, "name": name}
    body = _statements(items, namespace, "                ")
    written = {k: None if s is None else str(s) for k, s in slots.items()}
    return _loop_lines(written, each, body), namespace


@functools.lru_cache(maxsize=16)
def _loop_item_by_item(key: bool, elem: bool, origin: bool, each_iteration: bool) -> str:
    """The source of iteration's loop at tier 0, for loops with these variables: their
    slots named, the body run item by item."""
    names = {"t0_key": key, "t0_elem": elem, "t0_origin": origin}
    lines = _loop_lines(
        {k: k if present else None for k, present in names.items()},
        each_iteration,
        _item_by_item("                "),
    )
    lines.insert(1, "    t0_tier.count()")
    return "\n".join(lines)


def _loop_lines(slots: dict[str, str | None], each_iteration: bool, body: list[str]) -> list[str]:
    """The source of iteration's loop: ``slots`` are the frame indexes (as Python
    expressions) of its key, element and origin variables, and ``body`` the
    statements of one iteration."""
    key, elem, origin = slots["t0_key"], slots["t0_elem"], slots["t0_origin"]
    target = "key, dot" if key is not None else "dot"
    lines = [
        "def loop(st, frame, items, collection):",
        "    outer = st.range_collection",
        "    st.range_collection = collection",
    ]
    if origin is not None and not each_iteration:
        lines.append(f"    frame[{origin}] = collection")
    lines += [
        "    tick = st.tick",
        "    w = st.w",
        "    try:",
        f"        for {target} in items:",
        "            if tick is not None:",
        "                tick(node, name)",
    ]
    if key is not None:
        lines.append(f"            frame[{key}] = key")
    if elem is not None:
        lines.append(f"            frame[{elem}] = dot")
    if origin is not None and each_iteration:
        lines.append(f"            frame[{origin}] = collection")
    lines += [
        "            try:",
        *(body or ["                pass"]),
        "            except Continue:",
        "                continue",
        "            except Break:",
        "                break",
        "    finally:",
        "        st.range_collection = outer",
    ]
    return lines


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
    keeps_final: bool = False,
) -> Inline:
    """Statements calling ``func`` and assigning what it returns to ``{out}``.

    Each operand assigns one argument, in order, before the call. ``shortcut`` is
    a condition on the arguments (``{a0}``, ``{a1}`` ...) and the value to take
    instead of calling when it holds; the objects it names are
    ``shortcut_names``. Whatever the call raises is reported as Go reports a
    failed call (calls.raise_call_error); ``result`` converts what it returns.
    ``metered``: a string returned is charged to the execution's meter.
    ``keeps_final``: the one operand is the piped value, which the shortcut
    takes as it is: the shortcut is left to the pipeline (Inline.keeps).
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
    if keeps_final:
        # The pipeline tests the shortcut before the piped value's conversions: the
        # statements are the call alone.
        assert shortcut is not None and shortcut[1] == "{a0}" and len(operands) == 1
        lines = _call_lines(shape, None, result is not None, None, metered)
        return Inline(lines, names, keeps=shortcut[0])
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
        rename = f"{{{{p{i}_{{}}}}}}"
        stage = ["final = MISSING if piped is None else piped"]
        stage += _rendered(call.lines, tuple(call.names), rename, "piped")
        if call.keeps is not None:
            # The value the call would return as it is stays, with no call and none
            # of the piped value's conversions (a string is its own final operand).
            keeps = _substituted((call.keeps,), (("a0", "piped"),))
            (condition,) = _rendered(keeps, tuple(call.names), rename, "piped")
            stage = [f"if not ({condition}):", *("    " + line for line in stage)]
        lines += stage
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
    lines: tuple[str, ...],
    keys: tuple[str, ...],
    rename: str,
    out: str,
    indent: str = "",
    literals: tuple[tuple[str, str], ...] = (),
) -> tuple[str, ...]:
    """``lines``, indented, with each ``{key}`` renamed by the pattern ``rename`` (its
    ``{}`` is the key), each placeholder of ``literals`` replaced by its text, and
    ``{out}`` as ``out``."""
    names = tuple((key, rename.format(key)) for key in keys)
    return tuple(indent + line for line in _substituted(lines, (*names, *literals, ("out", out))))


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
    """``item``'s lines with its placeholders renamed (``prefix_name``) and its objects
    put into ``namespace`` under those names, a Slot written as its number."""
    keys = []
    literals = []
    for name, obj in item.names.items():
        if obj.__class__ is Slot:
            literals.append((name, str(int(obj))))
        else:
            namespace[f"{prefix}_{name}"] = obj
            keys.append(name)
    return _rendered(item.lines, tuple(keys), prefix + "_{}", out, indent, tuple(literals))


class Slot(int):
    """A frame index among an Inline's objects: written into straight-line source as
    a number (an index the compiler knows), named like any object in code that
    items of one shape share."""


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
