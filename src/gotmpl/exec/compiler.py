"""Compiler: a template's nodes to a tree of Python closures, built once.

Everything that does not depend on the data is settled here: which function an
identifier names, the Go value of each constant, how each argument converts to its
parameter's type, whether a command receives a piped value, which variable slot a
``$name`` means, the missingkey mode, and which node Go would blame for each
possible error. At render time closures only move values; nothing dispatches on
node type.

Closures come in two shapes: ``run(st, dot, frame)`` writes output, and
``ev(st, dot, frame)`` returns a value. ``frame`` holds one template call's
variables (slot 0 is ``$``). Commands are ``cmd(st, dot, frame, final)``, where
``final`` is the value piped in (``NO_FINAL`` for a pipeline's first command).
Errors are Go's (see ``state.exec_error``), raised as ``ExecError``.

A list of actions, a range body with its loop, and a function call with its
arguments become generated Python functions (see codegen): texts, actions and
operands are written into them as statements (``Inline``) where they can be.
"""

from __future__ import annotations

import contextlib
import functools
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from .. import values
from ..errors import ExecError
from ..gostd import fmt as gofmt
from ..gotypes import Uint8, typed_int
from ..parse.nodes import (
    ActionNode,
    BoolNode,
    BranchNode,
    BreakNode,
    ChainNode,
    CommandNode,
    ContinueNode,
    DotNode,
    FieldNode,
    IdentifierNode,
    IfNode,
    ListNode,
    NilNode,
    Node,
    NumberNode,
    PipeNode,
    RangeNode,
    StringNode,
    TemplateNode,
    TextNode,
    VariableNode,
    WithNode,
    replace,
)
from ..values import FUNC, INT, MAP, MISSING, SLICE, UINT, kind, type_name
from . import builtins as _builtins
from . import codegen, lookup, stack
from .calls import (
    ANY,
    NO_FINAL,
    VALUE,
    CallFailed,
    Signature,
    convert,
    signature_of,
    type_kind,
)
from .codegen import UNSET, Break, Continue, Inline
from .lookup import RANGE, TOP, Getter
from .state import MAX_EXEC_DEPTH, Decided, State, exec_error

__all__ = ["CompiledTemplate", "Options", "compile_template"]

_N = TypeVar("_N", bound=Node)
_R = TypeVar("_R")
Run = Callable[[State, Any, list[Any]], None]
Eval = Callable[[State, Any, list[Any]], Any]
Cmd = Callable[[State, Any, list[Any], Any], Any]

# The first terms of the pipelines piped_calls writes as statements: those whose
# evaluation blames no node but its own.
_PIPED_FIRST = (DotNode, FieldNode, VariableNode, IdentifierNode, ChainNode)

# Classes whose values print through fmt's own shortcuts, with no methods to ask.
_PRINTED_AS_IS = frozenset({str, int, float, bool})

# Statements turning an operand that is no value into nil (Go's validateType to
# interface {}), indexed by whether the parameter is an interface.
_AS_INTERFACE: tuple[tuple[str, ...], tuple[str, ...]] = (
    (),
    ("if {out} is MISSING: {out} = None",),
)


@dataclass(frozen=True, slots=True)
class Options:
    """What compilation depends on besides the tree: the set's functions and builtins,
    the missingkey mode, the sandbox (``strict``: see values.class_method), whether
    writes record which node made them (``trace``, for source maps), and whether
    the code counts against Limits (``metered``: it looks at the clock between
    actions and charges the strings calls return, see exec.meter)."""

    funcs: Mapping[str, Any]
    builtins: Mapping[str, _builtins.Builtin]
    missingkey: int
    trace: bool = False
    strict: bool = False
    metered: bool = False


@dataclass(frozen=True, slots=True)
class CompiledTemplate:
    """A template's runner and the size of its variable frame."""

    run: Run
    frame_size: int


def compile_template(
    name: str, root: ListNode, options: Options, check: Callable[[], None] | None = None
) -> CompiledTemplate:
    """Compiles the tree ``root`` of the template called ``name``; ``check()``, if
    given, is called now and then, and may stop the compiling by raising (a time
    limit)."""
    c = _Compiler(name, options, check)
    run = c.body(root)
    return CompiledTemplate(run, c.slots)


class _Scope:
    """Variables visible at a point of the template: name -> frame slot."""

    __slots__ = ("names",)

    def __init__(self) -> None:
        self.names: list[tuple[str, int]] = [("$", 0)]

    def mark(self) -> int:
        return len(self.names)

    def pop(self, mark: int) -> list[tuple[str, int]]:
        popped = self.names[mark:]
        del self.names[mark:]
        return popped

    def find(self, name: str, hidden: frozenset[int] = frozenset()) -> int | None:
        for n, slot in reversed(self.names):
            if n == name and slot not in hidden:
                return slot
        return None


class _Compiler:
    def __init__(self, name: str, options: Options, check: Callable[[], None] | None) -> None:
        self.name = name
        # Go's s.errorf(format, args...) at a node: error(node, format, *args). One
        # object, which every closure that reports errors holds (a method would
        # be a new bound object for each).
        self.error: Callable[..., ExecError] = functools.partial(exec_error, name)
        self.check = check
        self.funcs = options.funcs
        self.builtins = options.builtins
        self.trace = options.trace
        self.metered = options.metered
        self.rules = lookup.Rules(options.missingkey, options.strict, options.metered)
        self.scope = _Scope()
        self.slots = 1
        # Slots declared in a branch's main list are not set when its else list
        # runs, although Go's parser lets the else list name them.
        self.hidden: frozenset[int] = frozenset()
        # Whether dot is an element of a range's collection (see lookup.static_type).
        self.dot_origin: Any = TOP
        # A function of the tables, not a method: the compiler is freed by reference
        # counting, with what it built, as soon as its template is dropped.
        self.last = _LastVisited(functools.partial(_is_and_or, self.funcs, self.builtins))
        # A range's element variable -> the slot holding the collection it visits,
        # which gives the variable's static type in errors (see lookup.static_type).
        self.range_origins: dict[int, int] = {}
        # Range element variables assigned to: their value is no longer the element,
        # whose static type was the collection's (Go's "$e = 1" gives $e type int).
        self.reassigned: set[int] = set()
        self.nesting = 0  # lists and pipelines around the node being compiled
        # While a range body is compiled to visit plain tuples (see
        # tuple_range_fields): dot's fields, read as the tuples' items.
        self.tuple_fields: Mapping[str, int] | None = None

    def nested(self, build: Callable[[_N], _R], node: _N, guard: Callable[[_R], _R]) -> _R:
        """``build(node)`` for a list or pipeline inside the one being compiled: every
        GUARD_EVERY levels, compiled with room on the stack and ``guard``ed at run
        time, so that templates nest deeper than one thread's stack (exec.stack)."""
        self.nesting += 1
        try:
            if self.nesting % stack.GUARD_EVERY:
                return build(node)
            return guard(stack.with_room(stack.COMPILE_STRETCH, build, node))
        finally:
            self.nesting -= 1

    # -- lists and control ---------------------------------------------------------------

    def body(self, node: ListNode) -> Run:
        items = self.list_items(node)
        if not items:
            return _run_nothing
        if len(items) == 1:
            only = items[0]
            if type(only) is str:
                return _text_writer(only)
            if not isinstance(only, Inline):
                return only
        return codegen.sequence(items)

    def list_items(self, node: ListNode) -> list[Any]:
        """A list's texts (adjacent ones joined), Inline items and runners, in order."""
        return self.nested(self.own_list_items, node, _guarded_items)

    def own_list_items(self, node: ListNode) -> list[Any]:
        items: list[Any] = []
        check = self.check
        for n in node.nodes:
            if check is not None:
                check()
            if self.metered and not isinstance(n, TextNode):
                # Between actions the clock is looked at: an action may take long
                # (a call), and a list of a million actions needs no loop.
                items.append(Inline(["st.clock({node}, {name})"], {"node": n, "name": self.name}))
            if self.trace and isinstance(n, TextNode):
                items.append(_traced_text(n))
            elif isinstance(n, TextNode):
                if items and type(items[-1]) is str:
                    items[-1] += n.text
                else:
                    items.append(n.text)
            else:
                items.append(self.item(n))
        return items

    def item(self, node: Node) -> Run | Inline:
        if isinstance(node, ActionNode):
            return self.action(node)
        if isinstance(node, IfNode):
            return self.branch(node, sets_dot=False)
        if isinstance(node, WithNode):
            return self.branch(node, sets_dot=True)
        if isinstance(node, RangeNode):
            return self.range_(node)
        if isinstance(node, TemplateNode):
            return self.template_call(node)
        if isinstance(node, BreakNode):
            return _raiser(Break)
        if isinstance(node, ContinueNode):
            return _raiser(Continue)
        raise AssertionError(f"unknown node {node!r}")

    def action(self, node: ActionNode) -> Run | Inline:
        pipe = node.pipe
        if pipe.decl:
            constant = self.constant_declaration(pipe)
            if constant is not None:
                return constant
            ev = self.pipeline(pipe)
            return Inline(["{ev}(st, dot, frame)"], {"ev": ev})
        write = "st.write_at({action}, {text})" if self.trace else "w({text})"
        # Go's printValue; a string, the commonest value, needs no call.
        text = "v if v.__class__ is str else {pv}(v)"
        return self.expression(pipe).then(
            "v",
            [write.format(action="{action}", text=text)],
            {"pv": self.printer(node), "action": node},
        )

    def expression(self, pipe: PipeNode) -> Inline:
        """A pipeline without declarations, as statements assigning its value to ``{out}``.

        The value may be nil where the pipeline's would be no value: printing
        treats both alike.
        """
        if len(pipe.cmds) == 1 and len(pipe.cmds[0].args) == 1:
            arg = pipe.cmds[0].args[0]
            if isinstance(arg, DotNode):
                return Inline(["{out} = dot"])
            if isinstance(arg, FieldNode):
                return self.field_operand(arg, VALUE)
            if isinstance(arg, VariableNode) and len(arg.names) == 1:
                slot = self.scope.find(arg.names[0], self.hidden)
                if slot is not None:
                    return Inline(
                        ["{out} = frame[{slot}]", "if {out} is UNSET: {read}(st, dot, frame)"],
                        {"read": self.variable_reader(arg), "slot": codegen.Slot(slot)},
                    )
        if len(pipe.cmds) == 1:
            cmd = pipe.cmds[0]
            single = self.value(cmd.args[0]) if len(cmd.args) == 1 else None
            if single is not None:
                return Inline(["{out} = {ev}(st, dot, frame)"], {"ev": single})
            if isinstance(cmd.args[0], IdentifierNode):
                code = self.function(cmd.args[0], cmd, cmd.args, has_final=False)
            else:
                code = self.command(cmd, pipe, has_final=False)
            if isinstance(code, Inline):
                return code
            return Inline(["{out} = {cmd}(st, dot, frame, NO_FINAL)"], {"cmd": code})
        piped = self.piped_calls(pipe)
        if piped is not None:
            return piped
        return Inline(["{out} = {ev}(st, dot, frame)"], {"ev": self.pipeline(pipe)})

    def piped_calls(self, pipe: PipeNode) -> Inline | None:
        """``.X | f | g``, a value piped into functions (html/template's escapers
        make every action one), as statements calling each function in turn; None
        for other pipelines."""
        if not isinstance(pipe.cmds[0].args[0], _PIPED_FIRST):
            return None
        head = self.expression(replace(pipe, cmds=pipe.cmds[:1]))
        calls = []
        for c in pipe.cmds[1:]:
            ident = c.args[0]
            call = None
            if isinstance(ident, IdentifierNode):
                call = self.function(ident, c, c.args, has_final=True)
            if not isinstance(call, Inline):
                return None
            calls.append(call)
        return codegen.piped(head, calls)

    def constant_declaration(self, pipe: PipeNode) -> Inline | None:
        """``{{$x := "lit"}}`` or ``{{$x = 1}}``: a literal stored straight into its slot."""
        if len(pipe.decl) != 1 or len(pipe.cmds) != 1 or len(pipe.cmds[0].args) != 1:
            return None
        arg = pipe.cmds[0].args[0]
        if not isinstance(arg, (StringNode, BoolNode, NumberNode)):
            return None
        try:
            value = self.literal_value(arg, ANY)
        except _LiteralError:
            return None
        if pipe.is_assign:
            slot = self.assign_slot(pipe.decl[0])
            if slot is None:
                return None
        else:
            slot = self.declare(pipe.decl[0])
        origins = self.origins_reset([slot], pipe.is_assign)
        lines = ["frame[{slot}] = {value}"]
        lines += [f"frame[{{origin{i}}}] = {{top}}" for i in range(len(origins))]
        names = {f"origin{i}": codegen.Slot(o) for i, o in enumerate(origins)}
        return Inline(lines, {"value": value, "top": TOP, "slot": codegen.Slot(slot), **names})

    def printer(self, node: ActionNode) -> Callable[[Any], str]:
        """Go's printValue for the action ``node``: ``<no value>`` for nothing, an error
        for funcs, fmt's text otherwise."""
        error = self.error
        format_value = gofmt.format_value

        def print_value(v: Any) -> str:
            if v.__class__ in _PRINTED_AS_IS:
                return format_value(v)
            if v is MISSING or v is None:
                return "<no value>"
            k = kind(v)
            if k == FUNC and values.find_method(v, "String") is None:
                raise error(node, "can't print %s of type %s", str(node), type_name(v))
            try:
                if k == values.POINTER:
                    return gofmt.format_pointee(v)  # Go prints what a pointer points at
                return format_value(v)
            except gofmt.CyclicValue as e:
                raise error(node, "%s", str(e)) from None

        return print_value

    def branch(self, node: BranchNode, sets_dot: bool) -> Inline:
        mark = self.scope.mark()
        if node.pipe.decl:
            cond = Inline(["{out} = {ev}(st, dot, frame)"], {"ev": self.pipeline(node.pipe)})
        else:
            cond = self.expression(node.pipe)
        body_mark = self.scope.mark()
        outer_origin = self.dot_origin
        if sets_dot:
            self.dot_origin = TOP  # with's dot came out of a pipeline
        body = self.body(node.list)
        self.dot_origin = outer_origin
        declared = frozenset(slot for _, slot in self.scope.pop(body_mark))
        else_run = self.else_list(node, declared)
        self.scope.pop(mark)
        if sets_dot:
            lines = ["if {truth}(c):", "    {body}(st, c, frame)"]
        else:
            # A comparison's bool needs no look at its kind.
            lines = [
                "if c is True or (c is not False and {truth}(c)):",
                "    {body}(st, dot, frame)",
            ]
        if else_run is not None:
            lines += ["else:", "    {else_run}(st, dot, frame)"]
        return cond.then("c", lines, {"truth": values.truth, "body": body, "else_run": else_run})

    def else_list(self, node: BranchNode, declared: frozenset[int]) -> Run | None:
        if node.else_list is None:
            return None
        saved = self.hidden
        self.hidden = saved | declared
        run = self.body(node.else_list)
        self.hidden = saved
        return run

    def range_(self, node: RangeNode) -> Run:
        pipe = node.pipe
        mark = self.scope.mark()
        tuple_fields = self.tuple_range_fields(node)
        # A tuple range evaluates its pipeline itself (tuple_range).
        collection = self.pipeline(pipe) if tuple_fields is None else _no_pipeline
        decl = pipe.decl
        if pipe.is_assign:
            slots = [self.assign_slot(v) for v in decl]
        else:
            slots = [self.scope.find(v.names[0]) for v in decl]
        key_slot = slots[0] if len(slots) == 2 else None
        elem_slot = slots[-1] if slots else None
        origin_slot = None
        if elem_slot is not None:
            # Declared or assigned, the variable holds the collection's elements.
            origin_slot = self.range_origins.get(elem_slot)
            if origin_slot is None:
                origin_slot = self.range_origins[elem_slot] = self.slots
                self.slots += 1
        two_vars = len(decl) > 1
        body_mark = self.scope.mark()
        outer_origin = self.dot_origin
        self.dot_origin = RANGE
        outer_fields, self.tuple_fields = self.tuple_fields, tuple_fields
        try:
            items = self.list_items(node.list)
        finally:
            self.tuple_fields = outer_fields
        origin = origin_slot
        if origin_slot is not None and elem_slot in self.reassigned:
            origin = codegen.EachIteration(origin_slot)  # each element: the collection's type
        body_loop = codegen.iteration(items, key_slot, elem_slot, origin, node, self.name)
        loop = body_loop if tuple_fields is None else _without_plain_tuples(body_loop)
        self.dot_origin = outer_origin
        declared = frozenset(slot for _, slot in self.scope.pop(body_mark))
        else_run = self.else_list(node, declared)
        self.scope.pop(mark)
        blame = self.last.pipeline(pipe)
        error = self.error
        keyed = key_slot is not None
        # Subclasses of list and tuple found to be Go slices (Alerts, Pairs, ...):
        # iterated as lists from then on, without asking for their kind again.
        slice_classes: set[type] = {list, tuple}

        def run_range(st: State, dot: Any, frame: list, v: Any = _EVALUATED) -> None:
            if v is _EVALUATED:
                v = collection(st, dot, frame)
            cls = v.__class__
            if cls in slice_classes:
                ran = len(v) > 0
                if ran:
                    loop(st, frame, enumerate(v) if keyed else v, v)
            elif cls is dict:
                ran = len(v) > 0
                if ran:
                    pairs = values.sorted_items(v)
                    loop(st, frame, pairs if keyed else [e for _, e in pairs], v)
            elif v is MISSING:
                ran = False
            else:
                k = kind(v)
                if k == SLICE and cls is not str:
                    items: Any
                    if isinstance(v, (bytes, bytearray)):
                        items = [Uint8(b) for b in v]
                    elif isinstance(v, (list, tuple)):
                        slice_classes.add(cls)
                        items = v
                    else:  # a set, or a class declared a slice
                        items = values.slice_elements(v)
                    ran = len(items) > 0
                    if ran:
                        loop(st, frame, enumerate(items) if keyed else items, v)
                elif k == MAP:
                    pairs = values.sorted_items(v)
                    ran = len(pairs) > 0
                    if ran:
                        loop(st, frame, pairs if keyed else [e for _, e in pairs], v)
                elif k in (INT, UINT):
                    if two_vars:
                        raise error(blame, "can't use %v to iterate over more than one variable", v)
                    ran = v > 0
                    if ran:
                        loop(st, frame, (_same_int_type(v, i) for i in range(int(v))), TOP)
                else:
                    shown = gofmt.format_pointee(v) if k == values.POINTER else v
                    raise error(blame, "range can't iterate over %v", shown)
            if not ran and else_run is not None:
                # Go's walkRange recovers a break from its else list too, so there
                # {{break}} ends this range statement, not the enclosing loop.
                with contextlib.suppress(Break):
                    else_run(st, dot, frame)

        if tuple_fields is None:
            return run_range
        field = pipe.cmds[0].args[0]
        assert isinstance(field, FieldNode)
        return self.tuple_range(field, tuple_fields, body_loop, run_range, else_run)

    def tuple_range_fields(self, node: RangeNode) -> Mapping[str, int] | None:
        """For ``{{range .M.SortedPairs}}`` whose body uses dot only to read ``.Name``
        and ``.Value``: those fields' items in the plain tuples the pairs are made
        from (see tuple_range). None for any other range.

        The body is compiled to read those fields of a plain tuple as its items
        (see getter), which no other dot could show, since a plain tuple is a Go
        slice: such elements of any other collection are visited as lists, the
        same Go slice (_without_plain_tuples)."""
        pipe = node.pipe
        if pipe.decl or self.trace or len(pipe.cmds) != 1 or len(pipe.cmds[0].args) != 1:
            return None
        field = pipe.cmds[0].args[0]
        if not isinstance(field, FieldNode) or len(field.names) != 2:
            return None
        fields = _TUPLE_RANGES.get(field.names[1])
        if fields is None or not _reads_only(node.list, fields):
            return None
        return fields

    def tuple_range(
        self,
        field: FieldNode,
        fields: Mapping[str, int],
        tuple_loop: Callable[..., None],
        run_range: Callable[..., None],
        else_run: Run | None,
    ) -> Run:
        """``{{range .M.SortedPairs}}`` (``field``) whose map's class makes its pairs
        from plain tuples (``__go_range_tuples__`` on its method, see _range_tuples):
        the body (``tuple_loop``) visits those tuples, and no pair is made. Any
        other value of ``.M`` takes ``run_range``'s way, with what its
        ``SortedPairs`` gives."""
        get_map = self.getter(field, field, field.names[0])
        get_pairs = self.getter(field, field, field.names[1])
        call_method = get_pairs.call_niladic  # type: ignore[attr-defined]
        origin = self.dot_origin
        strict = self.rules.strict
        name = field.names[1]
        tuples_by_class: dict[type, Any] = {}  # False: no tuples for the class

        def run_tuple_range(st: State, dot: Any, frame: list) -> None:
            m = get_map(st, dot, origin)
            tuples = tuples_by_class.get(m.__class__)
            if tuples is None:
                tuples = tuples_by_class[m.__class__] = _range_tuples(
                    m.__class__, name, fields, strict
                )
            if tuples is False:
                v = get_pairs(st, m, dot)
                run_range(st, dot, frame, MISSING if v is None else v)
                return
            items = call_method(st, tuples, m)  # as the method's own call: its errors
            if items:
                # No read of dot can fail in this body: the collection, which errors
                # would name the elements' type by, is never looked at.
                tuple_loop(st, frame, items, items)
            elif else_run is not None:
                with contextlib.suppress(Break):  # as in run_range
                    else_run(st, dot, frame)

        return run_tuple_range

    def template_call(self, node: TemplateNode) -> Run:
        ev = self.pipeline(node.pipe) if node.pipe is not None else None
        target = node.name
        error = self.error
        name = self.name
        trace = self.trace
        metered = self.metered
        frames = stack.call_frames(self.nesting)

        def run_template(st: State, dot: Any, frame: list) -> None:
            d = st.templates.definitions.get(target)
            if d is None or d.tree is None:
                raise error(node, "template %q not defined", target)
            if st.depth >= MAX_EXEC_DEPTH:
                raise error(node, "exceeded maximum template depth (%v)", MAX_EXEC_DEPTH)
            new_dot = ev(st, dot, frame) if ev is not None else MISSING
            if st.tick is not None:
                st.tick(node, name)
            meter = st.meter
            check = meter.check_clock if meter is not None and meter.deadline else None
            compiled = st.templates.compiled(d, trace, metered, check)
            callee_frame = [UNSET] * compiled.frame_size
            callee_frame[0] = new_dot
            st.depth += 1
            st.frames += frames
            try:
                if st.frames > st.frames_max:
                    stack.descend(st, compiled.run, new_dot, callee_frame, frames)
                else:
                    compiled.run(st, new_dot, callee_frame)
            finally:
                st.depth -= 1
                st.frames -= frames

        return run_template

    # -- variables -----------------------------------------------------------------------

    def declare(self, var: VariableNode) -> int:
        slot = self.slots
        self.slots += 1
        self.scope.names.append((var.names[0], slot))
        return slot

    def assign_slot(self, var: VariableNode) -> int | None:
        return self.scope.find(var.names[0], self.hidden)

    def origins_reset(self, slots: list[int], is_assign: bool) -> list[int]:
        """The origin slots that an assignment to ``slots`` makes stale (see reassigned)."""
        if not is_assign:
            return []
        reset = [s for s in slots if s in self.range_origins]
        self.reassigned.update(reset)
        return [self.range_origins[s] for s in reset]

    def variable_origin(self, var: VariableNode) -> int | None:
        """The slot of the collection a range element variable came from, if it did."""
        slot = self.scope.find(var.names[0], self.hidden)
        return None if slot is None else self.range_origins.get(slot)

    def variable_reader(self, var: VariableNode) -> Eval:
        """Go's varValue for ``$name`` (the variable alone, not its fields)."""
        name = var.names[0]
        slot = self.scope.find(name, self.hidden)
        if slot is None:
            return _failing(self.error, var, "undefined variable: %s", name)
        error = self.error

        def read(st: State, dot: Any, frame: list) -> Any:
            v = frame[slot]
            if v is UNSET:
                raise error(var, "undefined variable: %s", name)
            return v

        return read

    # -- pipelines and commands ------------------------------------------------------------

    def pipeline(self, pipe: PipeNode) -> Eval:
        """Go's evalPipeline: commands chained by their final argument, then declarations."""
        return self.nested(self.own_pipeline, pipe, stack.guard)

    def own_pipeline(self, pipe: PipeNode) -> Eval:
        cmds: list[Cmd] = []
        at: Node = pipe  # the node Go's state points at before each command runs
        single = None
        if len(pipe.cmds) == 1 and len(pipe.cmds[0].args) == 1:
            single = self.value(pipe.cmds[0].args[0])
        if single is None:
            for i, c in enumerate(pipe.cmds):
                cmds.append(self.command(c, at, has_final=i > 0))
                at = self.last.command(c)
        # Declarations take effect once the commands ran: `$x := $x` reads an outer $x.
        decl = pipe.decl
        if pipe.is_assign:
            targets = [self.assign_slot(v) for v in decl]
            missing = [v for v, s in zip(decl, targets, strict=True) if s is None]
        else:
            targets = [self.declare(v) for v in decl]
            missing = []
        if single is None:
            ev = _chain(cmds)
        elif isinstance(pipe.cmds[0].args[0], FieldNode):
            ev = self.field_value(pipe.cmds[0].args[0], dig=True)
        else:
            ev = _digging(single)
        if not decl:
            return ev
        if missing:
            undefined = missing[0].names[0]
            error = self.error
            blame = self.last.pipeline(pipe)

            def ev_assign_undefined(st: State, dot: Any, frame: list) -> Any:
                ev(st, dot, frame)
                raise error(blame, "undefined variable: %s", undefined)

            return ev_assign_undefined
        slots = [s for s in targets if s is not None]  # all of them: none was missing
        origins = self.origins_reset(slots, pipe.is_assign)
        if origins:

            def ev_reassign(st: State, dot: Any, frame: list) -> Any:
                v = ev(st, dot, frame)
                for s in slots:
                    frame[s] = v
                for o in origins:
                    frame[o] = TOP
                return v

            return ev_reassign
        if len(slots) == 1:
            slot = slots[0]

            def ev_declare(st: State, dot: Any, frame: list) -> Any:
                v = ev(st, dot, frame)
                frame[slot] = v
                return v

            return ev_declare

        def ev_declare_many(st: State, dot: Any, frame: list) -> Any:
            v = ev(st, dot, frame)
            for s in slots:
                frame[s] = v
            return v

        return ev_declare_many

    def command(self, cmd: CommandNode, at: Node, has_final: bool) -> Cmd:
        """Go's evalCommand; ``at`` is the node Go's state points at beforehand."""
        first = cmd.args[0]
        args = cmd.args
        if isinstance(first, FieldNode):
            return self.fields_command(first, first.names, args, has_final, first, None)
        if isinstance(first, ChainNode):
            return self.chain_command(first, args, has_final)
        if isinstance(first, IdentifierNode):
            return _as_command(self.function(first, cmd, args, has_final))
        if isinstance(first, VariableNode):
            return self.variable_command(first, args, has_final)
        if len(args) > 1 or has_final:
            # Go's notAFunction: a pipe, literal, dot or nil takes no arguments.
            blame = at if isinstance(first, PipeNode) else first
            fail = _failing(self.error, blame, "can't give argument to non-function %s", str(first))
            if isinstance(first, PipeNode):
                inner = self.pipeline(first)  # compiled for its declarations' scope
                del inner
            return lambda st, dot, frame, final: fail(st, dot, frame)
        if isinstance(first, PipeNode):
            inner = self.pipeline(first)
            return lambda st, dot, frame, final: inner(st, dot, frame)
        if isinstance(first, NilNode):
            fail = _failing(self.error, first, "nil is not a command")
            return lambda st, dot, frame, final: fail(st, dot, frame)
        if isinstance(first, DotNode):
            return _cmd_dot
        constant = self.literal(first, ANY)
        return lambda st, dot, frame, final: constant(st, dot, frame)

    def variable_command(self, var: VariableNode, args: tuple[Node, ...], has_final: bool) -> Cmd:
        """Go's evalVariableNode: ``$x``, or ``$x.A.B`` walked from the variable."""
        read = self.variable_reader(var)
        if len(var.names) > 1:
            origin = self.variable_origin(var)
            return self.fields_command(var, var.names[1:], args, has_final, var, read, origin)
        if len(args) > 1 or has_final:
            fail = _failing(self.error, var, "can't give argument to non-function %s", str(var))

            def cmd_var_with_args(st: State, dot: Any, frame: list, final: Any) -> Any:
                read(st, dot, frame)
                return fail(st, dot, frame)

            return cmd_var_with_args
        return lambda st, dot, frame, final: read(st, dot, frame)

    def chain_command(self, chain: ChainNode, args: tuple[Node, ...], has_final: bool) -> Cmd:
        """Go's evalChainNode: ``(pipeline).A.B`` or ``fn.A``: the term, then its fields."""
        inner = chain.node
        if isinstance(inner, NilNode):
            fail = _failing(self.error, chain, "indirection through explicit nil in %s", str(chain))
            return lambda st, dot, frame, final: fail(st, dot, frame)
        term = self.arg(inner, None)
        # Lookups blame the last node the term's evaluation visited; calls, the chain.
        return self.fields_command(chain, chain.fields, args, has_final, self.last.arg(inner), term)

    def fields_command(
        self,
        node: Node,
        names: tuple[str, ...],
        args: tuple[Node, ...],
        has_final: bool,
        blame: Node,
        receiver: Eval | None,
        origin_slot: int | None = None,
    ) -> Cmd:
        """Go's evalFieldChain from dot (``receiver`` None), a variable or a chain's term.

        Every name but the last takes no arguments; the last takes the command's
        arguments and the piped value, if any.
        """
        getters = [self.getter(node, blame, n) for n in names[:-1]]
        origin = self.dot_origin
        if len(args) > 1 or has_final:
            last = self.member_call(node, blame, names[-1], args[1:])
            walk = _walker(tuple(getters))
            if receiver is None:

                def cmd_dot_call(st: State, dot: Any, frame: list, final: Any) -> Any:
                    r, container = walk(st, dot, origin)
                    return last(st, dot, frame, r, container, final)

                return cmd_dot_call

            def cmd_var_call(st: State, dot: Any, frame: list, final: Any) -> Any:
                start = TOP if origin_slot is None else frame[origin_slot]
                r, container = walk(st, receiver(st, dot, frame), start)
                return last(st, dot, frame, r, container, final)

            return cmd_var_call
        getters.append(self.getter(node, blame, names[-1]))
        get = lookup.chain(tuple(getters))
        if receiver is None:
            return lambda st, dot, frame, final: get(st, dot, origin)
        if origin_slot is not None:
            return lambda st, dot, frame, final: get(
                st, receiver(st, dot, frame), frame[origin_slot]
            )
        return lambda st, dot, frame, final: get(st, receiver(st, dot, frame), TOP)

    def getter(self, node: Node, blame: Node, name: str) -> Getter:
        """Go's evalField for ``.name`` without arguments (see lookup.field_getter)."""
        item = self.tuple_item(node)
        return lookup.field_getter(
            name,
            node,
            blame,
            self.rules,
            self.error,
            # The function, not a bound method: one object fewer per name read.
            functools.partial(_Compiler.member_call, self, node, blame, name, ()),
            # A field of dot in a body visiting plain tuples (see tuple_range_fields):
            # the tuple's item, read as the struct's own accessor reads it.
            None if item is None else {tuple: operator.itemgetter(item)},
        )

    def tuple_item(self, node: Node) -> int | None:
        """For ``.Name`` (a single name read from dot) in a body visiting plain tuples
        (see tuple_range_fields): the tuple's item that stands for the field."""
        fields = self.tuple_fields
        if fields is None or node.__class__ is not FieldNode:
            return None
        names = node.names
        return fields.get(names[0]) if len(names) == 1 else None

    def member_call(
        self, node: Node, blame: Node, name: str, call_args: tuple[Node, ...]
    ) -> Callable[..., Any]:
        """Go's evalField with arguments (see lookup.method_caller). The arguments are
        compiled here, in their scope; what converts them, once a method is found."""
        plain = [self.arg_evaluator(a) for a in call_args]
        return lookup.method_caller(
            name,
            node,
            blame,
            self.rules,
            self.error,
            bool(call_args),
            lambda sig: self.call_arguments(sig, name, call_args, plain, blame),
        )

    # -- functions -----------------------------------------------------------------------

    def function(
        self, ident: IdentifierNode, cmd: Node, args: tuple[Node, ...], has_final: bool
    ) -> Cmd | Inline:
        """Go's evalFunction: a user function first, then a builtin of the set.

        A call is statements (to be written into the code that uses its value),
        anything else a command.
        """
        name = ident.name
        user = self.funcs.get(name)
        if user is not None:
            return self.call(user, name, ident, cmd, args[1:], signature_of(user, name), has_final)
        builtin = self.builtins.get(name)
        if builtin is None:
            fail = _failing(self.error, ident, "%q is not a defined function", name)
            return lambda st, dot, frame, final: fail(st, dot, frame)
        if builtin is _builtins.AND_BUILTIN or builtin is _builtins.OR_BUILTIN:
            return self.and_or(builtin is _builtins.OR_BUILTIN, ident, args[1:], has_final)
        if builtin is _builtins.CALL_BUILTIN:
            return self.call_builtin(ident, cmd, args[1:], has_final)
        if builtin is _builtins.PRINTF_BUILTIN and args[1:] and isinstance(args[1], StringNode):
            return self.printf_constant(cmd, args[1:], has_final)
        operands = None
        if builtin is _builtins.SLICE_BUILTIN and len(args) > 2:
            operands = [self.operand(args[1], VALUE)] + [
                Inline(["{out} = {ev}(st, dot, frame)"], {"ev": self.slice_index(a)})
                for a in args[2:]
            ]
        return self.call(
            builtin.func,
            name,
            ident,
            cmd,
            args[1:],
            builtin.signature,
            has_final,
            operands,
            builtin.unchanged,
        )

    def slice_index(self, node: Node) -> Eval:
        """An index argument of ``slice``, boxed when Go's static type is ``interface {}``.

        Go's slice (unlike index) does not unwrap interface values, so an index read
        out of an untyped map, list or range is refused even when it holds an int.
        """
        plain = self.arg(node, VALUE)
        if isinstance(node, DotNode):
            if self.dot_origin is not RANGE:
                return plain
            return lambda st, dot, frame: _boxed(dot, st.range_collection)
        if isinstance(node, VariableNode) and len(node.names) == 1:
            collection = self.variable_origin(node)
            if collection is None:
                return plain
            return lambda st, dot, frame: _boxed(plain(st, dot, frame), frame[collection])
        if not isinstance(node, (FieldNode, VariableNode, ChainNode)):
            return plain
        oslot = None
        if isinstance(node, FieldNode):
            names = node.names
            start = self.dot_origin
            receiver: Eval = _dot_of
            blame: Node = node
        elif isinstance(node, VariableNode):
            names = node.names[1:]
            start = TOP
            oslot = self.variable_origin(node)
            receiver = self.variable_reader(node)
            blame = node
        else:
            names = node.fields
            start = TOP
            receiver = self.arg(node.node, None)
            blame = self.last.arg(node.node)
        walk = _walker(tuple(self.getter(node, blame, n) for n in names))

        def ev_index(st: State, dot: Any, frame: list[Any]) -> Any:
            origin = start if oslot is None else frame[oslot]
            v, container = walk(st, receiver(st, dot, frame), origin)
            return _boxed(v, container)

        return ev_index

    def call(
        self,
        func: Any,
        name: str,
        at: Node,
        cmd: Node,
        args: tuple[Node, ...],
        sig: Signature,
        has_final: bool,
        operands: list[Inline] | None = None,
        unchanged: str | Callable[[str], object] | None = None,
    ) -> Cmd | Inline:
        """Go's evalCall: check the arity, convert the arguments, call, report errors.

        The arity is known here, so a wrong one compiles to its error. A builtin
        that returns some strings unchanged (Builtin.unchanged) is not called
        for them.
        """
        error = self.error
        count = len(args) + has_final
        try:
            sig.check_arity(name, count)
        except CallFailed as e:
            fail = _failing(error, at, e.format, *e.fargs)
            return lambda st, dot, frame, final: fail(st, dot, frame)
        if sig.results_error is not None:
            fail = _failing(error, at, "%v", sig.results_error)
            return lambda st, dot, frame, final: fail(st, dot, frame)
        if operands is None:
            operands = [self.operand(a, sig.param(i)) for i, a in enumerate(args)]
        if has_final:
            operands.append(self.final_operand(sig, count, args[-1] if args else at))
        shortcut = None
        if len(operands) == 2 and not has_final and func in (_builtins.eq, _builtins.ne):
            # Two plain strings or two plain ints need none of Go's kind checks.
            shortcut = (
                "({a0}.__class__ is str or {a0}.__class__ is int)"
                " and {a1}.__class__ is {a0}.__class__",
                "{a0} == {a1}" if func is _builtins.eq else "{a0} != {a1}",
            )
        shortcut_names = None
        if isinstance(unchanged, str) and len(operands) == 1:
            # A few characters are looked for in place: no call at all; a name or
            # a number (letters and digits) holds none. (Braces would be taken for
            # placeholders: they need the other form.)
            assert not any(ch.isalnum() or ch in "{}" for ch in unchanged)
            absent = " and ".join(f"{ch!r} not in {{a0}}" for ch in unchanged)
            shortcut = (f"{{a0}}.__class__ is str and ({{a0}}.isalnum() or {absent})", "{a0}")
        elif unchanged is not None and len(operands) == 1:
            shortcut = ("{a0}.__class__ is str and {unchanged}({a0}) is None", "{a0}")
            shortcut_names = {"unchanged": unchanged}
        result = _as_go_result if name in self.funcs else None
        # A shortcut that takes a string as it is takes the piped string itself
        # where the operand converts it to itself (any, not a typed parameter); a
        # metered run charges the string, so it keeps the statements that do.
        keeps_final = (
            unchanged is not None
            and has_final
            and len(operands) == 1
            and result is None
            and not self.metered
            and _final_type(sig, count) in (VALUE, ANY)
        )
        return codegen.call_statements(
            func,
            operands,
            error=error,
            node=cmd,
            name=name,
            result=result,
            shortcut=shortcut,
            shortcut_names=shortcut_names,
            metered=self.metered,
            keeps_final=keeps_final,
        )

    def operand(self, node: Node, go_type: str) -> Inline:
        """An argument of a call, converted to ``go_type``, as statements assigning ``{out}``.

        Literals are converted here; dot and fields of dot are read in place.
        """
        inner = _parenthesized(node)
        if inner is not None and go_type in (VALUE, ANY):
            # (.A) is the pipeline's value, in which Go digs a nil out into no value.
            code = self.operand(inner, go_type)
            if go_type == VALUE:
                # The read alone is no longer the whole operand: no reads.
                return Inline([*code.lines, "if {out} is None: {out} = MISSING"], code.names)
            return code
        if isinstance(node, (StringNode, BoolNode, NumberNode)):
            try:
                value = self.literal_value(node, go_type)
                return Inline(["{out} = {value}"], {"value": value}, constant=True)
            except _LiteralError:
                pass  # the evaluator below fails when (and if) the call is reached
        elif isinstance(node, DotNode) and go_type in (VALUE, ANY):
            return Inline(["{out} = dot", *_AS_INTERFACE[go_type == ANY]])
        elif isinstance(node, FieldNode) and go_type in (VALUE, ANY):
            return self.field_operand(node, go_type)
        return Inline(["{out} = {ev}(st, dot, frame)"], {"ev": self.arg(node, go_type)})

    def field_operand(self, node: FieldNode, go_type: str) -> Inline:
        """``.A.B`` read from dot as statements assigning ``{out}`` (``go_type`` VALUE or ANY).

        A single name is read in place from a dict, or through the accessor its
        getter found for dot's class (a Go-modelled class's field or key); what
        cannot be read so (a missing key, say) is left to the getter and its rules.
        """
        getters = tuple(self.getter(node, node, n) for n in node.names)
        names = {"get": lookup.chain(getters), "origin": self.dot_origin}
        read = ["{out} = {get}(st, dot, {origin})", *_AS_INTERFACE[go_type == ANY]]
        if len(getters) > 1:
            return Inline(read, names)
        names["fasts"] = getters[0].fasts  # type: ignore[attr-defined]
        names["key"] = node.names[0]
        names["no_accessor"] = _no_accessor
        # Short: a template repeats it for every field it reads, and compiling costs
        # by the line.
        lines = [
            "if dot.__class__ is dict:",
            "    {out} = dot.get({key}, MISSING)",
            "else:",
            "    try:",
            "        {out} = {fasts}.get(dot.__class__, {no_accessor})(dot)",
            "    except (AttributeError, KeyError):",
            "        {out} = MISSING",
            "if {out} is MISSING:",
            *("    " + line for line in read),
        ]
        item = self.tuple_item(node)
        if item is not None:
            # In a body visiting plain tuples, the tuple's item in place (the getter
            # reads it too, through the accessor getter() gave it for tuples).
            lines = [f"if dot.__class__ is tuple: {{out}} = dot[{item}]", "else:"] + [
                "    " + line for line in lines
            ]
            return Inline(lines, names)
        return Inline(lines, names, reads=names["fasts"])

    def final_operand(self, sig: Signature, count: int, blame: Node) -> Inline:
        """Go's validateType for the piped value, the call's last argument."""
        go_type = _final_type(sig, count)
        if go_type in (VALUE, ANY):
            return Inline(["{out} = final", *_AS_INTERFACE[go_type == ANY]])
        error = self.error

        def convert_final(final: Any) -> Any:
            try:
                return convert(final, go_type)
            except CallFailed as e:
                raise error(blame, e.format, *e.fargs) from None

        exact = values.exact_class(go_type)
        if exact is None:
            return Inline(["{out} = {convert}(final)"], {"convert": convert_final})
        # A value of the type's own class converts to itself: no call (a string
        # piped into toUpper or toJson).
        lines = ["{out} = final if final.__class__ is {exact} else {convert}(final)"]
        return Inline(lines, {"convert": convert_final, "exact": exact})

    def call_arguments(
        self,
        sig: Signature,
        name: str,
        args: tuple[Node, ...],
        plain: list[Eval | None],
        at: Node,
    ) -> Callable[[State, Any, list, Any], list]:
        """The argument list of a method call for the method found (known only once
        the receiver is), from the arguments compiled in place (``plain``, see
        arg_evaluator): converted to its parameters, its arity checked at run time
        (against the piped value too)."""
        error = self.error
        n = len(args)
        fixed = len(sig.params)
        # Past the parameters of a non-variadic function the arity check fails first.
        evaluators = [
            self.converted_arg(
                a, ev, sig.param(i) if i < fixed or sig.variadic is not None else ANY
            )
            for i, (a, ev) in enumerate(zip(args, plain, strict=True))
        ]
        blame_final = args[-1] if args else at

        def evaluate(st: State, dot: Any, frame: list, final: Any) -> list:
            count = n if final is NO_FINAL else n + 1
            try:
                sig.check_arity(name, count)
            except CallFailed as e:
                raise error(at, e.format, *e.fargs) from None
            if sig.results_error is not None:
                raise error(at, "%v", sig.results_error)
            argv = [e(st, dot, frame) for e in evaluators]
            if final is not NO_FINAL:
                try:
                    argv.append(convert(final, _final_type(sig, count)))
                except CallFailed as e:
                    raise error(blame_final, e.format, *e.fargs) from None
            return argv

        return evaluate

    def field_value(self, node: FieldNode, dig: bool) -> Eval:
        """``.A`` or ``.A.B``...; ``dig``: as a pipeline's value, where nil is no value."""
        getters = [self.getter(node, node, n) for n in node.names]
        origin = self.dot_origin
        get = lookup.chain(getters)
        if dig:

            def ev_dig(st: State, dot: Any, frame: list) -> Any:
                v = get(st, dot, origin)
                return MISSING if v is None else v

            return ev_dig
        return lambda st, dot, frame: get(st, dot, origin)

    def value(self, node: Node) -> Eval | None:
        """A field, variable or chain operand as a value (no arguments), or None."""
        if isinstance(node, FieldNode):
            return self.field_value(node, dig=False)
        if isinstance(node, VariableNode):
            read = self.variable_reader(node)
            if len(node.names) == 1:
                return read
            get = lookup.chain(tuple(self.getter(node, node, n) for n in node.names[1:]))
            oslot = self.variable_origin(node)
            if oslot is not None:
                return lambda st, dot, frame: get(st, read(st, dot, frame), frame[oslot])
            return lambda st, dot, frame: get(st, read(st, dot, frame), TOP)
        return None

    def arg(self, node: Node, go_type: str | None) -> Eval:
        """Go's evalArg: one argument of type ``go_type`` (None: no conversion)."""
        return self.converted_arg(node, self.arg_evaluator(node), go_type)

    def arg_evaluator(self, node: Node) -> Eval | None:
        """The part of an argument that depends on where it stands (the variables in
        scope, the nesting): its value, unconverted; None for a literal or nil, which
        converted_arg converts at compile time."""
        plain = self.value(node)
        if plain is not None:
            return plain
        if isinstance(node, DotNode):
            return _dot_of
        if isinstance(node, PipeNode):
            return self.pipeline(node)
        if isinstance(node, FieldNode):
            cmd = self.fields_command(node, node.names, (node,), False, node, None)
        elif isinstance(node, VariableNode):
            cmd = self.variable_command(node, (node,), False)
        elif isinstance(node, IdentifierNode):
            cmd = _as_command(self.function(node, node, (node,), False))
        elif isinstance(node, ChainNode):
            cmd = self.chain_command(node, (node,), False)
        else:
            return None
        return lambda st, dot, frame: cmd(st, dot, frame, NO_FINAL)

    def converted_arg(self, node: Node, ev: Eval | None, go_type: str | None) -> Eval:
        """Go's evalArg for ``node``, whose arg_evaluator is ``ev``, as type ``go_type``."""
        error = self.error
        if ev is None and isinstance(node, NilNode):
            if go_type is None or go_type == ANY:
                return lambda st, dot, frame: None
            if go_type == VALUE:
                return lambda st, dot, frame: MISSING
            k = type_kind(go_type)
            if k == SLICE:
                return lambda st, dot, frame: []
            if k == MAP:
                return lambda st, dot, frame: {}
            if k in (values.POINTER, FUNC):
                return lambda st, dot, frame: None
            return _failing(error, node, "cannot assign nil to %s", go_type)
        if ev is None:
            return self.literal(node, ANY if go_type is None else go_type)
        if go_type is None or go_type == VALUE:
            return ev
        if go_type == ANY:
            return lambda st, dot, frame: _to_interface(ev(st, dot, frame))
        # A conversion error blames the last node evaluating the argument visited.
        blame = self.last.arg(node)
        exact = values.exact_class(go_type)

        def ev_converted(st: State, dot: Any, frame: list) -> Any:
            v = ev(st, dot, frame)
            if v.__class__ is exact:
                return v  # the type's own class converts to itself
            try:
                return convert(v, go_type)
            except CallFailed as e:
                raise error(blame, e.format, *e.fargs) from None

        return ev_converted

    def literal(self, node: Node, go_type: str) -> Eval:
        """A literal converted at compile time; a conversion error is raised when reached."""
        try:
            v = self.literal_value(node, go_type)
        except _LiteralError as e:
            return _failing(self.error, e.node, e.format, *e.fargs)
        return lambda st, dot, frame: v

    def literal_value(self, node: Node, go_type: str) -> Any:
        """Go's evalArg for a literal: its value as the parameter's kind requires."""
        if go_type in (ANY, VALUE):
            if isinstance(node, BoolNode):
                return node.value
            if isinstance(node, StringNode):
                return node.text
            if isinstance(node, NumberNode):
                return self.ideal_constant(node)
            raise _LiteralError(
                node, "can't handle assignment of %s to empty interface argument", str(node)
            )
        k = type_kind(go_type)
        if k == values.BOOL:
            if isinstance(node, BoolNode):
                return node.value
            raise _LiteralError(node, "expected bool; found %s", str(node))
        if k == values.STRING:
            if isinstance(node, StringNode):
                return _typed(node.text, go_type)
            raise _LiteralError(node, "expected string; found %s", str(node))
        if k == INT:
            if isinstance(node, NumberNode) and node.int_value is not None:
                return _typed(node.int_value, go_type)
            raise _LiteralError(node, "expected integer; found %s", str(node))
        if k == UINT:
            if isinstance(node, NumberNode) and node.uint_value is not None:
                return _typed(node.uint_value, go_type)
            raise _LiteralError(node, "expected unsigned integer; found %s", str(node))
        if k == values.FLOAT:
            if isinstance(node, NumberNode) and node.float_value is not None:
                return node.float_value
            raise _LiteralError(node, "expected float; found %s", str(node))
        if k == values.COMPLEX:
            if isinstance(node, NumberNode) and node.complex_value is not None:
                return node.complex_value
            raise _LiteralError(node, "expected complex; found %s", str(node))
        raise _LiteralError(node, "can't handle %s for arg of type %s", str(node), go_type)

    @staticmethod
    def ideal_constant(node: NumberNode) -> Any:
        """Go's idealConstant: a number's type from its syntax (int unless it looks float)."""
        text = node.text
        if node.complex_value is not None:
            return node.complex_value
        is_hex_int = (
            len(text) > 2
            and text[0] == "0"
            and text[1] in "xX"
            and not any(c in "pP" for c in text)
        )
        if (
            node.float_value is not None
            and not is_hex_int
            and not text.startswith("'")
            and any(c in ".eEpP" for c in text)
        ):
            return node.float_value
        if node.int_value is not None:
            return node.int_value
        if node.uint_value is not None:
            raise _LiteralError(node, "%s overflows int", text)
        return MISSING

    def printf_constant(self, cmd: Node, args: tuple[Node, ...], has_final: bool) -> Inline:
        """printf with a literal format: the format is parsed once, here."""
        fmt_node = args[0]
        assert isinstance(fmt_node, StringNode)
        operands = [self.operand(a, ANY) for a in args[1:]]
        if has_final:
            operands.append(Inline(["{out} = final", *_AS_INTERFACE[True]]))
        return codegen.call_statements(
            gofmt.compile_format(fmt_node.text, len(operands)),
            operands,
            error=self.error,
            node=cmd,
            name="printf",
            metered=self.metered,
        )

    def and_or(self, is_or: bool, ident: Node, args: tuple[Node, ...], has_final: bool) -> Cmd:
        """and/or: evaluate arguments in turn and stop at the deciding one."""
        name = "or" if is_or else "and"
        if not args and not has_final:
            fail = _failing(
                self.error,
                ident,
                "wrong number of args for %s: want at least %d got %d",
                name,
                1,
                0,
            )
            return lambda st, dot, frame, final: fail(st, dot, frame)
        # Each argument with the node Go's state points at once it is evaluated, for
        # errors about the value (see state.Decided): its own decided node, if it
        # ends in an and/or itself.
        evaluators = tuple(
            (self.arg(a, VALUE), None if isinstance(last, Decided) else last)
            for a in args
            for last in (self.last.arg(a),)
        )
        truth = values.truth

        def cmd_and_or(st: State, dot: Any, frame: list, final: Any) -> Any:
            v: Any = MISSING
            st.decided = ident
            for e, last in evaluators:
                v = e(st, dot, frame)
                if last is not None:
                    st.decided = last
                if truth(v) == is_or:
                    return v
            return final if has_final else v

        return cmd_and_or

    def call_builtin(
        self, ident: Node, cmd: Node, args: tuple[Node, ...], has_final: bool
    ) -> Cmd | Inline:
        """call f a b: the callee's node text names it in errors."""
        if not args and not has_final:
            fail = _failing(
                self.error,
                ident,
                "wrong number of args for %s: want at least %d got %d",
                "call",
                1,
                0,
            )
            return lambda st, dot, frame, final: fail(st, dot, frame)
        if args:
            callee = Inline(["{out} = {name}"], {"name": str(args[0])})
        else:  # the function is the piped value, named by its value's text
            callee = Inline(["{out} = {text}(final)"], {"text": _value_string})
        operands = [callee] + [self.operand(a, VALUE) for a in args]
        if has_final:
            operands.append(Inline(["{out} = final"]))
        return codegen.call_statements(
            _builtins.call,
            operands,
            error=self.error,
            node=cmd,
            name="call",
            result=values.as_go,
            metered=self.metered,
        )


# -- helpers -------------------------------------------------------------------------------


def _walker(
    getters: tuple[Callable[[State, Any, Any], Any], ...],
) -> Callable[..., tuple[Any, Any]]:
    """Applies getters in turn: (the final receiver, the container it came from)."""
    if not getters:
        return lambda st, receiver, container: (receiver, container)

    def walk(st: State, receiver: Any, container: Any) -> tuple[Any, Any]:
        for get in getters:
            receiver, container = get(st, receiver, container), receiver
        return receiver, container

    return walk


def _is_and_or(funcs: Mapping[str, Any], builtins: Mapping[str, Any], cmd: CommandNode) -> bool:
    """Whether ``cmd`` calls the builtin ``and`` or ``or``, which short-circuit."""
    first = cmd.args[0]
    if not isinstance(first, IdentifierNode) or first.name in funcs:
        return False
    builtin = builtins.get(first.name)
    return builtin is _builtins.AND_BUILTIN or builtin is _builtins.OR_BUILTIN


def _digging(ev: Eval) -> Eval:
    """A pipeline's value: Go digs a nil interface value out into no value at all."""

    def ev_dig(st: State, dot: Any, frame: list) -> Any:
        v = ev(st, dot, frame)
        return MISSING if v is None else v

    return ev_dig


def _chain(cmds: list[Cmd]) -> Eval:
    """A pipeline's commands, each passing its value to the next as ``final``."""
    if len(cmds) == 1:
        c0 = cmds[0]

        def ev_single(st: State, dot: Any, frame: list) -> Any:
            v = c0(st, dot, frame, NO_FINAL)
            return MISSING if v is None else v  # Go digs the value out of an interface

        return ev_single
    rest = tuple(cmds[1:])
    first = cmds[0]

    def ev_chain(st: State, dot: Any, frame: list) -> Any:
        v = first(st, dot, frame, NO_FINAL)
        if v is None:
            v = MISSING
        for cmd in rest:
            v = cmd(st, dot, frame, v)
            if v is None:
                v = MISSING
        return v

    return ev_chain


def _parenthesized(node: Node) -> Node | None:
    """The field or dot in parentheses, for ``(.A)`` or ``(.)``; else None."""
    if (
        isinstance(node, PipeNode)
        and not node.decl
        and len(node.cmds) == 1
        and len(node.cmds[0].args) == 1
        and isinstance(node.cmds[0].args[0], (FieldNode, DotNode))
    ):
        return node.cmds[0].args[0]
    return None


def _as_command(code: Cmd | Inline) -> Cmd:
    """A command from statements assigning its value, or the command itself."""
    return codegen.command(code) if isinstance(code, Inline) else code


def _no_accessor(dot: Any) -> Any:
    """The plain accessor of a class that has none (see field_operand): no value,
    for the getter to decide."""
    return MISSING


def _dot_of(st: State, dot: Any, frame: list) -> Any:
    return dot


def _boxed(v: Any, container: Any) -> Any:
    """``v`` as a slice index: boxed when read out of an untyped (interface {}) container."""
    if v is MISSING or container is TOP or container is UNSET or container is None:
        return v
    if kind(container) in (MAP, SLICE) and type_name(container).endswith("interface {}"):
        return _builtins.Boxed(v)
    return v


def _value_string(v: Any) -> str:
    """Go's reflect.Value.String(): a string's text, else ``<T Value>``."""
    if kind(v) == values.STRING:
        return str.__str__(v)
    if v is MISSING:
        return "<invalid Value>"
    return f"<{type_name(v)} Value>"


def _cmd_dot(st: State, dot: Any, frame: list, final: Any) -> Any:
    return dot


_EVALUATED: Any = object()  # run_range's value not given: it evaluates its pipeline

# Niladic methods whose result, a slice of structs, a range may visit as the plain
# tuples the structs are made from, where the receiver's method says it can (see
# _range_tuples): the method's name -> the structs' fields, by item.
_TUPLE_RANGES: dict[str, Mapping[str, int]] = {"SortedPairs": {"Name": 0, "Value": 1}}


def _without_plain_tuples(loop: Callable[..., None]) -> Callable[..., None]:
    """``loop`` with each element that is a plain tuple visited as a list, for a body
    compiled to read a plain tuple's items as fields (see tuple_range_fields)."""

    def visit(st: State, frame: list, items: Any, collection: Any) -> None:
        # Other iterables than sequences only come of ranging over an int.
        if isinstance(items, (list, tuple)) and any(e.__class__ is tuple for e in items):
            items = [list(e) if e.__class__ is tuple else e for e in items]
        loop(st, frame, items, collection)

    return visit


def _range_tuples(cls: type, name: str, fields: Mapping[str, int], strict: bool) -> Any:
    """The function giving ``cls``'s ``name`` method's elements as plain tuples whose
    items are ``fields``, or False: the method's ``__go_range_tuples__``, a
    (function, field names) pair."""
    how, method, _ = lookup.resolve(cls, name, strict)
    if how != lookup.NILADIC:
        return False
    declared = getattr(method, "__go_range_tuples__", None)
    # Anything but a (function, field names) pair declares nothing: the method's
    # own result is ranged over.
    if not (isinstance(declared, tuple) and len(declared) == 2 and callable(declared[0])):
        return False
    tuples, names = declared
    return tuples if isinstance(names, tuple) and names == tuple(fields) else False


def _reads_only(node: Node, fields: Mapping[str, int]) -> bool:
    """Whether ``node`` (in a range body) uses dot only to read one of ``fields``
    (``.Name``), runs no template and sets dot nowhere: then dot never leaves the
    body, and a plain tuple may stand for the struct. (Exact classes: any other
    node says no.)"""
    cls = node.__class__
    if cls is FieldNode:
        return len(node.names) == 1 and node.names[0] in fields  # type: ignore[attr-defined]
    if cls is PipeNode:
        for i, cmd in enumerate(node.cmds):  # type: ignore[attr-defined]
            # A field given arguments (or a piped value) is a method call.
            if cmd.args[0].__class__ is FieldNode and (i or len(cmd.args) > 1):
                return False
            if not all(_reads_only(arg, fields) for arg in cmd.args):
                return False
        return True
    if cls is ActionNode:
        return _reads_only(node.pipe, fields)  # type: ignore[attr-defined]
    if cls in _NO_DOT:
        return True
    if cls is ListNode:
        return all(_reads_only(n, fields) for n in node.nodes)  # type: ignore[attr-defined]
    if cls is IfNode:
        assert isinstance(node, IfNode)
        return (
            _reads_only(node.pipe, fields)
            and _reads_only(node.list, fields)
            and (node.else_list is None or _reads_only(node.else_list, fields))
        )
    if cls is ChainNode:
        return _reads_only(node.node, fields)  # type: ignore[attr-defined]
    return False  # dot itself, a range, with or template: dot may leave


# Nodes that neither read dot nor hold nodes that could.
_NO_DOT = frozenset(
    {TextNode, BreakNode, ContinueNode, VariableNode, IdentifierNode, StringNode, NumberNode,
     BoolNode, NilNode}
)  # fmt: skip


def _no_pipeline(st: State, dot: Any, frame: list) -> Any:
    raise AssertionError("a tuple range gives run_range its value")


def _run_nothing(st: State, dot: Any, frame: list) -> None:
    return None


def _guarded_items(items: list[Any]) -> list[Any]:
    """A list's items as one guarded runner (see _Compiler.nested)."""
    return [stack.guard(codegen.sequence(items))]


def _traced_text(node: TextNode) -> Run:
    text = node.text

    def run_text(st: State, dot: Any, frame: list) -> None:
        st.write_at(node, text)

    return run_text


def _text_writer(text: str) -> Run:
    def run_text(st: State, dot: Any, frame: list) -> None:
        st.w(text)

    return run_text


def _raiser(exc: type[Exception]) -> Run:
    def run_raise(st: State, dot: Any, frame: list) -> None:
        raise exc()

    return run_raise


def _as_go_result(v: Any) -> Any:
    return v if v.__class__ not in values.PYTHON_TIME else values.as_go(v)


def _to_interface(v: Any) -> Any:
    """Go's validateType to interface {}: a missing value becomes nil."""
    return None if v is MISSING else v


def _final_type(sig: Signature, count: int) -> str:
    """The parameter type the piped value (the ``count``-th argument) takes."""
    if sig.variadic is not None and count - 1 >= len(sig.params):
        return sig.variadic
    return sig.params[count - 1] if count - 1 < len(sig.params) else ANY


class _LiteralError(Exception):
    """A literal that cannot be converted; raised as ExecError when evaluation gets there."""

    def __init__(self, node: Node, format: str, *args: Any) -> None:
        super().__init__(format)
        self.node = node
        self.format = format
        self.fargs = args


def _failing(error: Callable[..., ExecError], node: Node, format: str, *args: Any) -> Eval:
    def ev_fail(st: State, dot: Any, frame: list) -> Any:
        raise error(node, format, *args)

    return ev_fail


def _same_int_type(like: Any, i: int) -> Any:
    cls = like.__class__
    return i if cls is int else cls(i)


def _typed(v: Any, go_type: str) -> Any:
    """A literal converted to a named or sized Go type."""
    if go_type in ("string", "int"):
        return v
    try:
        return typed_int(go_type)(v)
    except ValueError:
        return v


class _LastVisited:
    """The node Go's state points at once a pipeline, command or argument ran.

    Go blames errors found after evaluation (range over a non-collection, say) on
    the last node its evaluator visited, which this recomputes from the syntax,
    remembering answers so nested parentheses cost linear time. Where an ``and``
    or ``or`` ran last, which argument it evaluated last is known only at run
    time: the answer is then a state.Decided. ``is_and_or(cmd)`` says which
    commands are those.
    """

    def __init__(self, is_and_or: Callable[[CommandNode], bool]) -> None:
        self.memo: dict[int, Node] = {}
        self.is_and_or = is_and_or

    def pipeline(self, pipe: PipeNode) -> Node:
        # Down the chain of last commands to a term, without recursion: parentheses
        # nest thousands deep.
        pipes: list[tuple[PipeNode, bool]] = []  # with whether its last command is and/or
        node: Node = pipe
        while isinstance(node, PipeNode) and node.cmds:
            found = self.memo.get(id(node))
            if found is not None:
                node = found
                break
            last = node.cmds[-1]
            pipes.append((node, self.is_and_or(last)))
            node = self.last_term(last)
        # A pipeline is decided at run time if an and/or runs last in it or in the
        # pipelines it ends in.
        static = node.static if isinstance(node, Decided) else node
        decided = isinstance(node, Decided)
        for p, and_or in reversed(pipes):
            decided = decided or and_or
            self.memo[id(p)] = Decided.of(static) if decided else static
        return self.memo[id(pipe)] if pipes else node

    def command(self, cmd: CommandNode) -> Node:
        node = self.arg(self.last_term(cmd))
        if self.is_and_or(cmd) and not isinstance(node, Decided):
            return Decided.of(node)
        return node

    def arg(self, node: Node) -> Node:
        node = self.evaluated(node)
        return self.pipeline(node) if isinstance(node, PipeNode) else node

    @staticmethod
    def evaluated(node: Node) -> Node:
        """What Go evaluates last of the argument ``node``: a chain's term (its fields
        are looked up without moving the state, see evalChainNode), else ``node``."""
        return node.node if isinstance(node, ChainNode) else node

    @classmethod
    def last_term(cls, cmd: CommandNode) -> Node:
        """The argument of ``cmd`` evaluated last, a pipeline to look into or a node."""
        first = cmd.args[0]
        last = first
        if (
            isinstance(first, (FieldNode, ChainNode, VariableNode, IdentifierNode))
            and len(cmd.args) > 1
        ):
            last = cmd.args[-1]
        return cls.evaluated(last)
