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

A list of actions, and a range body with its loop, become one generated Python
function: texts and the simplest actions (``_Inline``) are written into it as
statements, every other item is a call.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import operator
from collections.abc import Callable, Mapping, Sized
from typing import Any, TypeVar

from .. import values
from ..errors import ExecError, LimitExceeded
from ..gostd import fmt as gofmt
from ..gostd.fmt import GoErr
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
)
from ..values import FUNC, INT, MAP, MISSING, SLICE, UINT, kind, type_name
from . import builtins as _builtins
from . import stack
from .calls import ANY, VALUE, CallFailed, Signature, convert, signature_of, type_kind
from .state import MAX_EXEC_DEPTH, State, exec_error

__all__ = ["CompiledTemplate", "Options", "compile_template"]

_N = TypeVar("_N", bound=Node)
_R = TypeVar("_R")
Run = Callable[[State, Any, list], None]
_Items = list[Any]  # texts, _Inline items and runners (see _Compiler.list_items)
Eval = Callable[[State, Any, list], Any]
Cmd = Callable[[State, Any, list, Any], Any]


class _NoFinal:
    """The absence of a value piped into a command (Go's missingVal)."""

    __slots__ = ()


NO_FINAL: Any = _NoFinal()
_UNSET: Any = object()  # a variable slot whose declaration has not run


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


MISSINGKEY_INVALID, MISSINGKEY_ZERO, MISSINGKEY_ERROR = range(3)


class Options:
    """What compilation depends on besides the tree: functions, missingkey mode, and
    whether writes record which node made them (``trace``, for source maps)."""

    __slots__ = ("funcs", "missingkey", "trace")

    def __init__(self, funcs: Mapping[str, Any], missingkey: int, trace: bool = False) -> None:
        self.funcs = funcs
        self.missingkey = missingkey
        self.trace = trace


class CompiledTemplate:
    """A template's closure tree and the size of its variable frame."""

    __slots__ = ("frame_size", "run")

    def __init__(self, run: Run, frame_size: int) -> None:
        self.run = run
        self.frame_size = frame_size


def compile_template(name: str, root: ListNode, options: Options) -> CompiledTemplate:
    """Compiles the tree ``root`` of the template called ``name``."""
    c = _Compiler(name, options)
    run = c.list(root)
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


class _Origin:
    """Where a receiver came from, when no container holds it (see _static_type)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


_TOP: Any = _Origin("top")  # the data, a variable, a pipeline's result: typed by its value
_RANGE: Any = _Origin("range")  # an element of the collection a range is visiting


class _Compiler:
    def __init__(self, name: str, options: Options) -> None:
        self.name = name
        self.funcs = options.funcs
        self.missingkey = options.missingkey
        self.trace = options.trace
        self.scope = _Scope()
        self.slots = 1
        # Slots declared in a branch's main list are not set when its else list
        # runs, although Go's parser lets the else list name them.
        self.hidden: frozenset[int] = frozenset()
        # Whether dot is an element of a range's collection (see _static_type).
        self.dot_origin: Any = _TOP
        self.last = _LastVisited()
        # A range's element variable -> the slot holding the collection it visits,
        # which gives the variable's static type in errors (see _static_type).
        self.range_origins: dict[int, int] = {}
        self.nesting = 0  # lists and pipelines around the node being compiled

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

    def error(self, node: Node | None, format: str, *args: Any) -> ExecError:
        """Go's ``s.errorf(format, args...)`` at ``node``."""
        return exec_error(self.name, node, format, *args)

    # -- lists and control ---------------------------------------------------------------

    def list(self, node: ListNode) -> Run:
        items = self.list_items(node)
        if not items:
            return _run_nothing
        if len(items) == 1:
            only = items[0]
            if type(only) is str:
                return _text_writer(only)
            if not isinstance(only, _Inline):
                return only
        return _sequence(items)

    def list_items(self, node: ListNode) -> list[Any]:
        """A list's texts (adjacent ones joined), _Inline items and runners, in order."""
        return self.nested(self.own_list_items, node, _guarded_items)

    def own_list_items(self, node: ListNode) -> _Items:
        items: list[Any] = []
        for n in node.nodes:
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

    def item(self, node: Node) -> Run | _Inline:
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
            return _raiser(_Break)
        if isinstance(node, ContinueNode):
            return _raiser(_Continue)
        raise AssertionError(f"unknown node {node!r}")

    def action(self, node: ActionNode) -> Run | _Inline:
        pipe = node.pipe
        if self.trace and not pipe.decl:
            ev = self.pipeline(pipe)
            print_value = self.printer(node)

            def run_traced(st: State, dot: Any, frame: list) -> None:
                v = ev(st, dot, frame)
                st.write_at(node, v if v.__class__ is str else print_value(v))

            return run_traced
        if pipe.decl:
            constant = self.constant_declaration(pipe)
            if constant is not None:
                return constant
            ev = self.pipeline(pipe)

            def run_declaration(st: State, dot: Any, frame: list) -> None:
                ev(st, dot, frame)

            return run_declaration
        print_value = self.printer(node)
        var = _plain_variable(pipe)
        if var is not None:
            read = self.variable_reader(var)

            def run_variable(st: State, dot: Any, frame: list) -> None:
                v = read(st, dot, frame)
                st.w(v if v.__class__ is str else print_value(MISSING if v is None else v))

            slot = self.scope.find(var.names[0], self.hidden)
            if slot is None:
                return run_variable
            return _Inline(
                [
                    f"v = frame[{slot}]",
                    "if v is UNSET: {read}(st, dot, frame)",
                    "w(v if v.__class__ is str else {pv}(MISSING if v is None else v))",
                ],
                {"read": read, "pv": print_value},
            )
        if _plain_dot(pipe):
            return _Inline(
                ["w(dot if dot.__class__ is str else {pv}(MISSING if dot is None else dot))"],
                {"pv": print_value},
            )
        fast = self.dot_fields(pipe)
        if fast is not None:
            get, origin = fast
            return _Inline(
                [
                    "v = {get}(st, dot, {origin})",
                    "w(v if v.__class__ is str else {pv}(MISSING if v is None else v))",
                ],
                {"get": get, "origin": origin, "pv": print_value},
            )
        printf = self.printf_action(pipe)
        if printf is not None:
            return printf
        if len(pipe.cmds) == 1:
            cmd = pipe.cmds[0]
            single = self.value(cmd.args[0]) if len(cmd.args) == 1 else None
            if single is None:
                c0 = self.command(cmd, pipe, has_final=False)

                def run_command(st: State, dot: Any, frame: list) -> None:
                    v = c0(st, dot, frame, NO_FINAL)
                    st.w(v if v.__class__ is str else print_value(MISSING if v is None else v))

                return run_command

            def run_single(st: State, dot: Any, frame: list) -> None:
                v = single(st, dot, frame)
                st.w(v if v.__class__ is str else print_value(MISSING if v is None else v))

            return run_single
        ev = self.pipeline(pipe)

        def run_action(st: State, dot: Any, frame: list) -> None:
            v = ev(st, dot, frame)
            st.w(v if v.__class__ is str else print_value(v))

        return run_action

    def constant_declaration(self, pipe: PipeNode) -> Run | _Inline | None:
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
        return _Inline([f"frame[{slot}] = {{value}}"], {"value": value})

    def printf_action(self, pipe: PipeNode) -> Run | _Inline | None:
        """``{{printf "lit" .A (.B)}}`` with up to two dot-field arguments, written directly."""
        if pipe.decl or len(pipe.cmds) != 1:
            return None
        args = pipe.cmds[0].args
        ident = args[0]
        if (
            not isinstance(ident, IdentifierNode)
            or ident.name != "printf"
            or "printf" in self.funcs
            or len(args) not in (3, 4)
            or not isinstance(args[1], StringNode)
        ):
            return None
        fields = [self.dot_field_of(a) for a in args[2:]]
        if None in fields:
            return None
        format_args = gofmt.compile_format(args[1].text)
        wrap = _call_wrapper(self.error, pipe.cmds[0], "printf")
        if len(fields) == 1:
            ((g0, o0),) = fields  # type: ignore[misc]

            def run_printf1(st: State, dot: Any, frame: list) -> None:
                a = g0(st, dot, o0)
                try:
                    st.w(format_args((None if a is MISSING else a,)))
                except ExecError:
                    raise
                except Exception as e:
                    raise wrap(e) from e

            return run_printf1
        (g0, o0), (g1, o1) = fields  # type: ignore[misc]
        # Per class of dot, the two plain accessors when both names are plain reads
        # (printf "%q: %q" (.Name) (.Value) over label pairs), found on first use.
        both: dict[type, tuple[Any, Any]] = {}
        fasts0 = getattr(g0, "fasts", None)
        fasts1 = getattr(g1, "fasts", None)

        strings = gofmt.compile_string_pair_format(args[1].text)

        def run_printf2(st: State, dot: Any, frame: list) -> None:
            pair = both.get(dot.__class__)
            if pair is not None:
                try:
                    a = pair[0](dot)
                    b = pair[1](dot)
                except (AttributeError, KeyError):
                    a = g0(st, dot, o0)
                    b = g1(st, dot, o1)
            else:
                a = g0(st, dot, o0)
                b = g1(st, dot, o1)
                if fasts0 is not None and fasts1 is not None:
                    f0 = fasts0.get(dot.__class__)
                    f1 = fasts1.get(dot.__class__)
                    if f0 is not None and f1 is not None:
                        both[dot.__class__] = (f0, f1)
            try:
                st.w(format_args((None if a is MISSING else a, None if b is MISSING else b)))
            except ExecError:
                raise
            except Exception as e:
                raise wrap(e) from e

        if strings is None:
            return run_printf2
        # Two string fields read by their plain accessors are formatted in place;
        # anything else (and the first use, which finds the accessors) goes
        # through run_printf2.
        return _Inline(
            [
                "p = {both}.get(dot.__class__)",
                "if p is None:",
                "    {run}(st, dot, frame)",
                "else:",
                "    try:",
                "        a = p[0](dot)",
                "        b = p[1](dot)",
                "    except (AttributeError, KeyError):",
                "        a = None",
                "    if a.__class__ is str and b.__class__ is str:",
                "        w({strings}(a, b))",
                "    else:",
                "        {run}(st, dot, frame)",
            ],
            {"both": both, "run": run_printf2, "strings": strings},
        )

    def dot_field_of(self, node: Node) -> tuple[Callable[..., Any], Any] | None:
        """For an argument ``.A.B`` or ``(.A.B)``: its getter chain and dot's origin."""
        if isinstance(node, PipeNode):
            if node.decl or len(node.cmds) != 1 or len(node.cmds[0].args) != 1:
                return None
            node = node.cmds[0].args[0]  # the pipeline's digging: None and MISSING alike
        if not isinstance(node, FieldNode):
            return None
        getters = tuple(self.getter(node, node, n) for n in node.names)
        return _getter_chain(getters), self.dot_origin

    def dot_fields(self, pipe: PipeNode) -> tuple[Callable[..., Any], Any] | None:
        """For a plain ``{{.A.B}}``: its getter chain and dot's origin, else None."""
        if len(pipe.cmds) != 1 or len(pipe.cmds[0].args) != 1 or pipe.decl:
            return None
        field = pipe.cmds[0].args[0]
        if not isinstance(field, FieldNode):
            return None
        getters = tuple(self.getter(field, field, n) for n in field.names)
        return _getter_chain(getters), self.dot_origin

    def printer(self, node: ActionNode) -> Callable[[Any], str]:
        """Go's printValue: ``<no value>`` for nothing, an error for funcs."""
        error = self.error
        format_value = gofmt.format_value

        def print_value(v: Any) -> str:
            if v is MISSING:
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

    def branch(self, node: BranchNode, sets_dot: bool) -> Run:
        mark = self.scope.mark()
        cond = self.pipeline(node.pipe)
        body_mark = self.scope.mark()
        outer_origin = self.dot_origin
        if sets_dot:
            self.dot_origin = _TOP  # with's dot came out of a pipeline
        body = self.list(node.list)
        self.dot_origin = outer_origin
        declared = frozenset(slot for _, slot in self.scope.pop(body_mark))
        else_run = self.else_list(node, declared)
        self.scope.pop(mark)
        truth = values.truth

        if sets_dot:

            def run_with(st: State, dot: Any, frame: list) -> None:
                v = cond(st, dot, frame)
                if truth(v):
                    body(st, v, frame)
                elif else_run is not None:
                    else_run(st, dot, frame)

            return run_with

        def run_if(st: State, dot: Any, frame: list) -> None:
            v = cond(st, dot, frame)
            # A comparison's bool needs no look at its kind.
            if v is True or (v is not False and truth(v)):
                body(st, dot, frame)
            elif else_run is not None:
                else_run(st, dot, frame)

        return run_if

    def else_list(self, node: BranchNode, declared: frozenset[int]) -> Run | None:
        if node.else_list is None:
            return None
        saved = self.hidden
        self.hidden = saved | declared
        run = self.list(node.else_list)
        self.hidden = saved
        return run

    def range_(self, node: RangeNode) -> Run:
        pipe = node.pipe
        mark = self.scope.mark()
        collection = self.pipeline(pipe)
        decl = pipe.decl
        if pipe.is_assign:
            slots = [self.assign_slot(v) for v in decl]
        else:
            slots = [self.scope.find(v.names[0]) for v in decl]
        key_slot = slots[0] if len(slots) == 2 else None
        elem_slot = slots[-1] if slots else None
        origin_slot = None
        if elem_slot is not None and not pipe.is_assign:
            origin_slot = self.range_origins[elem_slot] = self.slots
            self.slots += 1
        two_vars = len(decl) > 1
        body_mark = self.scope.mark()
        outer_origin = self.dot_origin
        self.dot_origin = _RANGE
        loop = _iteration(
            self.list_items(node.list), key_slot, elem_slot, origin_slot, node, self.name
        )
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

        def run_range(st: State, dot: Any, frame: list) -> None:
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
                    if isinstance(v, (bytes, bytearray)):
                        items = [Uint8(b) for b in v]
                    elif isinstance(v, (list, tuple)):
                        slice_classes.add(cls)
                        items = v
                    else:  # a class declared a slice need not know its length
                        items = v if isinstance(v, Sized) else list(v)
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
                        loop(st, frame, (_same_int_type(v, i) for i in range(int(v))), _TOP)
                else:
                    shown = gofmt.format_pointee(v) if k == values.POINTER else v
                    raise error(blame, "range can't iterate over %v", shown)
            if not ran and else_run is not None:
                # Go's walkRange recovers a break from its else list too, so there
                # {{break}} ends this range statement, not the enclosing loop.
                with contextlib.suppress(_Break):
                    else_run(st, dot, frame)

        return run_range

    def template_call(self, node: TemplateNode) -> Run:
        ev = self.pipeline(node.pipe) if node.pipe is not None else None
        target = node.name
        error = self.error
        name = self.name
        trace = self.trace
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
            compiled = st.templates.compiled(d, trace)
            callee_frame = [_UNSET] * compiled.frame_size
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
            if v is _UNSET:
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
        if len(targets) == 1:
            slot = targets[0]

            def ev_declare(st: State, dot: Any, frame: list) -> Any:
                v = ev(st, dot, frame)
                frame[slot] = v
                return v

            return ev_declare
        slots = tuple(targets)

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
            return self.function(first, cmd, args, has_final)
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
                start = _TOP if origin_slot is None else frame[origin_slot]
                r, container = walk(st, receiver(st, dot, frame), start)
                return last(st, dot, frame, r, container, final)

            return cmd_var_call
        getters.append(self.getter(node, blame, names[-1]))
        get = _getter_chain(tuple(getters))
        if receiver is None:
            return lambda st, dot, frame, final: get(st, dot, origin)
        if origin_slot is not None:
            return lambda st, dot, frame, final: get(
                st, receiver(st, dot, frame), frame[origin_slot]
            )
        return lambda st, dot, frame, final: get(st, receiver(st, dot, frame), _TOP)

    def getter(self, node: Node, blame: Node, name: str) -> Callable[[State, Any, Any], Any]:
        """Go's evalField without arguments: ``get(st, receiver, container)``.

        A niladic method is called; a map is indexed; a struct's field is read.
        ``blame`` is the node Go's state points at; a failed call blames ``node``.
        """
        error = self.error
        missingkey = self.missingkey
        resolved: dict[type, tuple[int, Any, Any]] = {}
        fasts: dict[type, Any] = {}  # class -> accessor for its plain field or key reads
        niladics: dict[type, Any] = {}  # class -> its method of this name, without arguments
        member_call = self.member_call(node, blame, name, ())

        def get(st: Any, receiver: Any, container: Any) -> Any:
            cls = receiver.__class__
            if cls is dict:
                v = receiver.get(name, MISSING)
                if v is MISSING:
                    return _missing_key(receiver, name, missingkey, error, blame, st, container)
                return v
            fast = fasts.get(cls)
            if fast is not None:
                try:
                    return fast(receiver)
                except (AttributeError, KeyError):
                    pass  # not there after all: the full rules decide
            else:
                method = niladics.get(cls)
                if method is not None:
                    return call_niladic(method, receiver)
            return slow(st, receiver, container)

        def call_niladic(method: Any, receiver: Any) -> Any:
            try:
                v = method(receiver)
            except LimitExceeded:
                raise
            except Exception as e:
                raise error(node, "error calling %s: %w", name, GoErr(str(e))) from e
            return v if v.__class__ not in _PY_TIME else values.as_go(v)

        def slow(st: Any, receiver: Any, container: Any) -> Any:
            cls = receiver.__class__
            how = resolved.get(cls)
            if how is None:
                how = resolved[cls] = _resolve(cls, name)
                if how[2] is not None:
                    fasts[cls] = how[2]
                elif how[0] == _NILADIC:
                    niladics[cls] = how[1]
            k, func, _ = how
            if k == _ATTRIBUTE:
                v = getattr(receiver, name, _NO_ATTRIBUTE)
                if v is not _NO_ATTRIBUTE:
                    return v if v.__class__ not in _PY_TIME else values.as_go(v)
            elif k == _NILADIC:
                return call_niladic(func, receiver)
            elif k == _KEY:
                try:
                    return receiver[name]
                except KeyError:
                    return _missing_key(receiver, name, missingkey, error, blame, st, container)
                except TypeError:
                    pass
            elif k == _MISSING_RECEIVER:
                if missingkey == MISSINGKEY_ERROR:
                    raise error(blame, "nil data; no entry for key %q", name)
                return MISSING
            elif k == _NIL_RECEIVER:
                raise error(
                    blame,
                    "nil pointer evaluating %s.%s",
                    _static_type(receiver, container, st),
                    name,
                )
            elif k == _CALL:
                return member_call(st, None, None, receiver, container, NO_FINAL)
            raise error(
                blame,
                "can't evaluate field %s in type %s",
                name,
                _static_type(receiver, container, st),
            )

        get.fasts = fasts  # type: ignore[attr-defined]
        return get

    def member_call(
        self, node: Node, blame: Node, name: str, call_args: tuple[Node, ...]
    ) -> Callable[..., Any]:
        """Go's evalField with arguments (or a piped value): a method call.

        ``call(st, dot, frame, receiver, container, final)``; fields and map keys
        cannot take arguments, which is an error.
        """
        error = self.error
        missingkey = self.missingkey
        has_args = bool(call_args)
        evaluators: dict[Signature, Any] = {}

        def call(st: Any, dot: Any, frame: Any, receiver: Any, container: Any, final: Any) -> Any:
            if receiver is MISSING:
                if missingkey == MISSINGKEY_ERROR:
                    raise error(blame, "nil data; no entry for key %q", name)
                return MISSING
            if receiver is None:
                raise error(
                    blame,
                    "nil pointer evaluating %s.%s",
                    _static_type(receiver, container, st),
                    name,
                )
            method = values.find_method(receiver, name)
            if method is None:
                k = kind(receiver)
                if k == MAP and (type(receiver) is dict or name in receiver):
                    if has_args or final is not NO_FINAL:
                        raise error(blame, "%s is not a method but has arguments", name)
                    return _missing_key(receiver, name, missingkey, error, blame, st, container)
                if k in (values.STRUCT, values.POINTER) and (
                    _attribute(receiver, name) is not _NO_ATTRIBUTE
                ):
                    raise error(blame, "%s has arguments but cannot be invoked as function", name)
                raise error(
                    blame,
                    "can't evaluate field %s in type %s",
                    name,
                    _static_type(receiver, container, st),
                )
            sig = signature_of(method, name)
            evaluate = evaluators.get(sig)
            if evaluate is None:
                evaluate = evaluators[sig] = self.call_arguments(sig, name, call_args, blame)
            argv = evaluate(st, dot, frame, final)
            try:
                return values.as_go(method(*argv))
            except LimitExceeded:
                raise
            except Exception as e:
                raise error(node, "error calling %s: %w", name, GoErr(str(e))) from e

        return call

    # -- functions -----------------------------------------------------------------------

    def function(
        self, ident: IdentifierNode, cmd: Node, args: tuple[Node, ...], has_final: bool
    ) -> Cmd:
        """Go's evalFunction: a user function first, then a builtin."""
        name = ident.name
        user = self.funcs.get(name)
        if user is not None:
            return self.call(user, name, ident, cmd, args[1:], signature_of(user, name), has_final)
        builtin = _builtins.BUILTINS.get(name)
        if builtin is None:
            fail = _failing(self.error, ident, "%q is not a defined function", name)
            return lambda st, dot, frame, final: fail(st, dot, frame)
        if name in ("and", "or"):
            return self.and_or(name == "or", ident, args[1:], has_final)
        if name == "call":
            return self.call_builtin(ident, cmd, args[1:], has_final)
        if name == "printf" and args[1:] and isinstance(args[1], StringNode):
            return self.printf_constant(ident, cmd, args[1:], has_final)
        evaluators = None
        if name == "slice" and len(args) > 2:
            evaluators = [self.arg(args[1], VALUE)] + [self.slice_index(a) for a in args[2:]]
        return self.call(
            builtin.func, name, ident, cmd, args[1:], builtin.signature, has_final, evaluators
        )

    def slice_index(self, node: Node) -> Eval:
        """An index argument of ``slice``, boxed when Go's static type is ``interface {}``.

        Go's slice (unlike index) does not unwrap interface values, so an index read
        out of an untyped map, list or range is refused even when it holds an int.
        """
        plain = self.arg(node, VALUE)
        if isinstance(node, DotNode):
            if self.dot_origin is not _RANGE:
                return plain
            return lambda st, dot, frame: _boxed(dot, st.range_collection)
        if isinstance(node, VariableNode) and len(node.names) == 1:
            oslot = self.variable_origin(node)
            if oslot is None:
                return plain
            return lambda st, dot, frame: _boxed(plain(st, dot, frame), frame[oslot])
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
            start = _TOP
            oslot = self.variable_origin(node)
            receiver = self.variable_reader(node)
            blame = node
        else:
            names = node.fields
            start = _TOP
            receiver = self.arg(node.node, None)
            blame = self.last.arg(node.node)
        walk = _walker(tuple(self.getter(node, blame, n) for n in names))

        def ev_index(st: State, dot: Any, frame: list) -> Any:
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
        evaluators: list[Eval] | None = None,
    ) -> Cmd:
        """Go's evalCall: check the arity, convert the arguments, call, report errors.

        The arity is known here, so a wrong one compiles to its error.
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
        if evaluators is None:
            evaluators = [self.arg(a, sig.param(i)) for i, a in enumerate(args)]
        final_conv = (
            self.final_converter(sig, count, args[-1] if args else at) if has_final else None
        )
        check = _as_go_result if name in self.funcs else _same
        wrap = _call_wrapper(error, cmd, name)

        if len(evaluators) == 0:
            if final_conv is None:

                def cmd_call0(st: State, dot: Any, frame: list, final: Any) -> Any:
                    try:
                        return check(func())
                    except LimitExceeded:
                        raise
                    except Exception as e:
                        raise wrap(e) from e

                return cmd_call0

            def cmd_call_final(st: State, dot: Any, frame: list, final: Any) -> Any:
                a = final_conv(final)
                try:
                    return check(func(a))
                except LimitExceeded:
                    raise
                except Exception as e:
                    raise wrap(e) from e

            return cmd_call_final
        if len(evaluators) == 1 and final_conv is None:
            e0 = evaluators[0]

            def cmd_call1(st: State, dot: Any, frame: list, final: Any) -> Any:
                a = e0(st, dot, frame)
                try:
                    return check(func(a))
                except LimitExceeded:
                    raise
                except Exception as e:
                    raise wrap(e) from e

            return cmd_call1
        if len(evaluators) == 2 and final_conv is None and func in (_builtins.eq, _builtins.ne):
            return self.compare(func, args, evaluators, wrap)
        if len(evaluators) == 2 and final_conv is None:
            e0, e1 = evaluators

            def cmd_call2(st: State, dot: Any, frame: list, final: Any) -> Any:
                a = e0(st, dot, frame)
                b = e1(st, dot, frame)
                try:
                    return check(func(a, b))
                except LimitExceeded:
                    raise
                except Exception as e:
                    raise wrap(e) from e

            return cmd_call2
        evs = tuple(evaluators)

        def cmd_call(st: State, dot: Any, frame: list, final: Any) -> Any:
            argv = [e(st, dot, frame) for e in evs]
            if final_conv is not None:
                argv.append(final_conv(final))
            try:
                return check(func(*argv))
            except LimitExceeded:
                raise
            except Exception as e:
                raise wrap(e) from e

        return cmd_call

    def compare(self, func: Any, args: tuple[Node, ...], evaluators: list[Eval], wrap: Any) -> Cmd:
        """eq or ne of two operands.

        Two plain strings or two plain ints need none of Go's kind checks; for
        ``eq .Field "text"``, the commonest condition, the operands are read inline.
        """
        negate = func is _builtins.ne
        field = self.dot_field_of(args[0]) if isinstance(args[0], FieldNode) else None
        if field is not None and isinstance(args[1], StringNode):
            g0, o0 = field
            text = args[1].text

            def cmd_compare_text(st: State, dot: Any, frame: list, final: Any) -> Any:
                a = g0(st, dot, o0)
                if a.__class__ is str:
                    return (a != text) if negate else (a == text)
                try:
                    return func(a, text)
                except Exception as e:
                    raise wrap(e) from e

            return cmd_compare_text
        e0, e1 = evaluators

        def cmd_compare(st: State, dot: Any, frame: list, final: Any) -> Any:
            a = e0(st, dot, frame)
            b = e1(st, dot, frame)
            cls = a.__class__
            if (cls is str or cls is int) and b.__class__ is cls:
                return (a != b) if negate else (a == b)
            try:
                return func(a, b)
            except Exception as e:
                raise wrap(e) from e

        return cmd_compare

    def final_converter(
        self, sig: Signature, count: int, blame: Node
    ) -> Callable[[Any], Any] | None:
        """Go's validateType for the piped value, the call's last argument (None: none)."""
        if count == 0:
            return None
        go_type = _final_type(sig, count)
        if go_type == VALUE:
            return _same
        if go_type == ANY:
            return _to_interface
        error = self.error

        def convert_final(final: Any) -> Any:
            try:
                return convert(final, go_type)
            except CallFailed as e:
                raise error(blame, e.format, *e.fargs) from None

        return convert_final

    def call_arguments(
        self, sig: Signature, name: str, args: tuple[Node, ...], at: Node
    ) -> Callable[[State, Any, list, Any], list]:
        """The argument list of a method call, known only once the receiver is: its
        arity is checked at run time (against the piped value too)."""
        error = self.error
        n = len(args)
        fixed = len(sig.params)
        # Past the parameters of a non-variadic function the arity check fails first.
        evaluators = [
            self.arg(a, sig.param(i) if i < fixed or sig.variadic is not None else ANY)
            for i, a in enumerate(args)
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
        # One closure for the one- and two-name forms, the commonest by far.
        if len(getters) == 1:
            (g0,) = getters
            if dig:

                def ev_dig1(st: State, dot: Any, frame: list) -> Any:
                    v = g0(st, dot, origin)
                    return MISSING if v is None else v

                return ev_dig1
            return lambda st, dot, frame: g0(st, dot, origin)
        if len(getters) == 2:
            g0, g1 = getters
            if dig:

                def ev_dig2(st: State, dot: Any, frame: list) -> Any:
                    v = g1(st, g0(st, dot, origin), dot)
                    return MISSING if v is None else v

                return ev_dig2
            return lambda st, dot, frame: g1(st, g0(st, dot, origin), dot)
        get = _getter_chain(tuple(getters))
        value: Eval = lambda st, dot, frame: get(st, dot, origin)  # noqa: E731
        return _digging(value) if dig else value

    def value(self, node: Node) -> Eval | None:
        """A field, variable or chain operand as a value (no arguments), or None."""
        if isinstance(node, FieldNode):
            return self.field_value(node, dig=False)
        if isinstance(node, VariableNode):
            read = self.variable_reader(node)
            if len(node.names) == 1:
                return read
            get = _getter_chain(tuple(self.getter(node, node, n) for n in node.names[1:]))
            oslot = self.variable_origin(node)
            if oslot is not None:
                return lambda st, dot, frame: get(st, read(st, dot, frame), frame[oslot])
            return lambda st, dot, frame: get(st, read(st, dot, frame), _TOP)
        return None

    def arg(self, node: Node, go_type: str | None) -> Eval:
        """Go's evalArg: one argument of type ``go_type`` (None: no conversion)."""
        error = self.error
        # A conversion error blames the last node evaluating the argument visited.
        blame = self.last.pipeline(node) if isinstance(node, PipeNode) else node
        if isinstance(node, ChainNode):
            blame = self.last.arg(node.node)

        def converted(ev: Eval) -> Eval:
            if go_type is None or go_type == VALUE:
                return ev
            if go_type == ANY:
                return lambda st, dot, frame: _to_interface(ev(st, dot, frame))

            def ev_converted(st: State, dot: Any, frame: list) -> Any:
                try:
                    return convert(ev(st, dot, frame), go_type)
                except CallFailed as e:
                    raise error(blame, e.format, *e.fargs) from None

            return ev_converted

        plain = self.value(node)
        if plain is not None:
            return converted(plain)
        if isinstance(node, DotNode):
            return converted(lambda st, dot, frame: dot)
        if isinstance(node, NilNode):
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
        if isinstance(node, FieldNode):
            cmd = self.fields_command(node, node.names, (node,), False, node, None)
        elif isinstance(node, VariableNode):
            cmd = self.variable_command(node, (node,), False)
        elif isinstance(node, IdentifierNode):
            cmd = self.function(node, node, (node,), False)
        elif isinstance(node, ChainNode):
            cmd = self.chain_command(node, (node,), False)
        elif isinstance(node, PipeNode):
            return converted(self.pipeline(node))
        else:
            return self.literal(node, ANY if go_type is None else go_type)
        return converted(lambda st, dot, frame: cmd(st, dot, frame, NO_FINAL))

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

    def printf_constant(
        self, ident: Node, cmd: Node, args: tuple[Node, ...], has_final: bool
    ) -> Cmd:
        """printf with a literal format: the format is parsed once, here."""
        fmt_node = args[0]
        assert isinstance(fmt_node, StringNode)
        format_args = gofmt.compile_format(fmt_node.text)
        evaluators = tuple(self.arg(a, ANY) for a in args[1:])
        wrap = _call_wrapper(self.error, cmd, "printf")
        fields = [self.dot_field_of(a) for a in args[1:]]
        if len(fields) == 1 and not has_final and None not in fields:
            ((g0, o0),) = fields  # type: ignore[misc]

            def cmd_printf_field(st: State, dot: Any, frame: list, final: Any) -> Any:
                a = g0(st, dot, o0)
                try:
                    return format_args((None if a is MISSING else a,))
                except ExecError:
                    raise
                except Exception as e:
                    raise wrap(e) from e

            return cmd_printf_field
        if len(fields) == 2 and not has_final and None not in fields:
            (g0, o0), (g1, o1) = fields  # type: ignore[misc]

            def cmd_printf_fields(st: State, dot: Any, frame: list, final: Any) -> Any:
                a = g0(st, dot, o0)
                b = g1(st, dot, o1)
                argv = (None if a is MISSING else a, None if b is MISSING else b)
                try:
                    return format_args(argv)
                except ExecError:
                    raise
                except Exception as e:
                    raise wrap(e) from e

            return cmd_printf_fields
        if len(evaluators) == 2 and not has_final:
            e0, e1 = evaluators

            def cmd_printf2(st: State, dot: Any, frame: list, final: Any) -> Any:
                argv = (e0(st, dot, frame), e1(st, dot, frame))
                try:
                    return format_args(argv)
                except ExecError:
                    raise
                except Exception as e:
                    raise wrap(e) from e

            return cmd_printf2

        def cmd_printf(st: State, dot: Any, frame: list, final: Any) -> Any:
            argv = tuple(e(st, dot, frame) for e in evaluators)
            if has_final:
                argv += (_to_interface(final),)
            try:
                return format_args(argv)
            except ExecError:
                raise
            except Exception as e:
                raise wrap(e) from e

        return cmd_printf

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
        evaluators = tuple(self.arg(a, VALUE) for a in args)
        truth = values.truth

        def cmd_and_or(st: State, dot: Any, frame: list, final: Any) -> Any:
            v: Any = MISSING
            for e in evaluators:
                v = e(st, dot, frame)
                if truth(v) == is_or:
                    return v
            return final if has_final else v

        return cmd_and_or

    def call_builtin(self, ident: Node, cmd: Node, args: tuple[Node, ...], has_final: bool) -> Cmd:
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
        evaluators = tuple(self.arg(a, VALUE) for a in args)
        callee = str(args[0]) if args else None
        wrap = _call_wrapper(self.error, cmd, "call")

        def cmd_call(st: State, dot: Any, frame: list, final: Any) -> Any:
            argv = [e(st, dot, frame) for e in evaluators]
            if has_final:
                argv.append(final)
            name = callee if callee is not None else _value_string(final)
            try:
                return values.as_go(_builtins.call(name, *argv))
            except LimitExceeded:
                raise
            except Exception as e:
                raise wrap(e) from e

        return cmd_call


# -- helpers -------------------------------------------------------------------------------

_PY_TIME = (datetime.datetime, datetime.timedelta)

# How a getter treats a receiver class (see _resolve).
_ATTRIBUTE, _NILADIC, _KEY, _CALL, _NONE, _MISSING_RECEIVER, _NIL_RECEIVER = range(7)


def _resolve(cls: type, name: str) -> tuple[int, Any, Any]:
    """What ``.name`` does on instances of ``cls`` when no arguments are given:
    (how, method function, fast accessor or None)."""
    kind_, func = _resolve_kind(cls, name)
    fast = None
    # Go-modelled classes hold Go values: a field or key read needs no conversion.
    if hasattr(cls, "__go_type__"):
        if kind_ == _ATTRIBUTE:
            # A property's getter, called directly, skips the attribute lookup.
            prop = getattr(cls, name, None)
            fast = (
                prop.fget
                if isinstance(prop, property) and prop.fget is not None
                else operator.attrgetter(name)
            )
        elif kind_ == _KEY:
            fast = operator.itemgetter(name)
    return kind_, func, fast


def _resolve_kind(cls: type, name: str) -> tuple[int, Any]:
    if cls is values._Missing:
        return _MISSING_RECEIVER, None
    if cls is type(None):
        return _NIL_RECEIVER, None
    if cls in _PY_TIME:
        return _CALL, None  # converted to Go time values on each call
    how, func = values.member(cls, name)
    if how == values.METHOD:
        sig = signature_of(func, name)
        # Unless declared in __go_params__, the function's first parameter is the receiver.
        params = sig.params if hasattr(func, "__go_params__") else sig.params[1:]
        if (
            isinstance(func, type(_resolve))
            and not params
            and sig.variadic is None
            and sig.results_error is None
        ):
            return _NILADIC, func
        return _CALL, None
    if how == values.ATTRIBUTE:
        return (_ATTRIBUTE, None) if values.visible(cls, name) else (_NONE, None)
    if how == values.KEY:
        return _KEY, None
    return _NONE, None


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


def _getter_chain(getters: tuple[Callable[[State, Any, Any], Any], ...]) -> Callable[..., Any]:
    """Applies getters in turn: ``get(st, receiver, container)`` -> the last value."""
    if len(getters) == 1:
        return getters[0]
    if len(getters) == 2:
        g0, g1 = getters
        return lambda st, receiver, container: g1(st, g0(st, receiver, container), receiver)

    def get_all(st: State, receiver: Any, container: Any) -> Any:
        for get in getters:
            receiver, container = get(st, receiver, container), receiver
        return receiver

    return get_all


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


def _plain_dot(pipe: PipeNode) -> bool:
    """Whether the pipeline is just ``.``."""
    return (
        len(pipe.cmds) == 1
        and len(pipe.cmds[0].args) == 1
        and isinstance(pipe.cmds[0].args[0], DotNode)
    )


def _plain_variable(pipe: PipeNode) -> VariableNode | None:
    """The variable of a pipeline that is just ``$x``, else None."""
    if pipe.decl or len(pipe.cmds) != 1 or len(pipe.cmds[0].args) != 1:
        return None
    arg = pipe.cmds[0].args[0]
    return arg if isinstance(arg, VariableNode) and len(arg.names) == 1 else None


def _dot_of(st: State, dot: Any, frame: list) -> Any:
    return dot


def _boxed(v: Any, container: Any) -> Any:
    """``v`` as a slice index: boxed when read out of an untyped (interface {}) container."""
    if v is MISSING or container is _TOP or container is _UNSET or container is None:
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


def _run_nothing(st: State, dot: Any, frame: list) -> None:
    return None


class _Inline:
    """An item simple enough to be written into its list's runner as statements.

    ``lines`` are Python statements that may use ``st``, ``dot``, ``frame``, ``w``
    (the writer), ``UNSET`` and ``MISSING``, and ``{name}`` for the objects in
    ``names``. A list of one such item is a generated runner too.
    """

    __slots__ = ("lines", "names")

    def __init__(self, lines: list[str], names: dict[str, Any]) -> None:
        self.lines = lines
        self.names = names


def _guarded_items(items: list[Any]) -> list[Any]:
    """A list's items as one guarded runner (see _Compiler.nested)."""
    return [stack.guard(_sequence(items))]


def _sequence(items: list[Any]) -> Run:
    """A list's runner: texts written and items run in order, as one straight-line
    function (generated once per list) instead of a loop that tests each item."""
    namespace: dict[str, Any] = {"UNSET": _UNSET, "MISSING": MISSING}
    lines = ["def run_list(st, dot, frame):", "    w = st.w"]
    lines += _statements(items, namespace, "    ")
    return _generated(lines, namespace, "run_list")


def _iteration(
    items: list[Any],
    key_slot: int | None,
    elem_slot: int | None,
    origin_slot: int | None,
    node: RangeNode,
    name: str,
) -> Callable[[State, list, Any, Any], None]:
    """A range body's loop, ``loop(st, frame, items, collection)``, generated with the
    body's statements written into it: one call per range, not per element.
    ``items`` holds (key, element) pairs when there is a key variable."""
    namespace: dict[str, Any] = {
        "UNSET": _UNSET,
        "MISSING": MISSING,
        "Break": _Break,
        "Continue": _Continue,
        "node": node,
        "name": name,
    }
    target = "key, dot" if key_slot is not None else "dot"
    lines = [
        "def loop(st, frame, items, collection):",
        "    outer = st.range_collection",
        "    st.range_collection = collection",
    ]
    if origin_slot is not None:
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


def _statements(items: list[Any], namespace: dict[str, Any], indent: str) -> list[str]:
    """Source lines running ``items`` (texts, _Inline items, runners) in order; the
    objects they use are put into ``namespace``."""
    lines = []
    for i, item in enumerate(items):
        if isinstance(item, _Inline):
            local = {name: f"x{i}_{name}" for name in item.names}
            for name, obj in item.names.items():
                namespace[local[name]] = obj
            lines.extend(indent + line.format(**local) for line in item.lines)
            continue
        namespace[f"x{i}"] = item
        lines.append(indent + (f"w(x{i})" if type(item) is str else f"x{i}(st, dot, frame)"))
    return lines


def _generated(lines: list[str], namespace: dict[str, Any], name: str) -> Any:
    exec(_runner_code("\n".join(lines)), namespace)
    # Taken out of its own globals, so that a compiled template holds no reference
    # cycle and is freed as soon as it is dropped.
    return namespace.pop(name)


@functools.lru_cache(maxsize=1024)
def _runner_code(source: str) -> Any:
    """Compiled runner source; lists of the same shape share it (compiling is slow)."""
    return compile(source, "<gotmpl list>", "exec")


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


def _same(v: Any) -> Any:
    return v


def _as_go_result(v: Any) -> Any:
    return v if v.__class__ not in _PY_TIME else values.as_go(v)


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


def _call_wrapper(
    error: Callable[..., ExecError], node: Node, name: str
) -> Callable[[Exception], ExecError]:
    """Turns what a called function raised into Go's ``error calling NAME: ...``.

    An ExecError from a function that executes templates itself is wrapped too, as
    Go wraps the error its Execute returns; only LimitExceeded, which ends the whole
    run, passes the call sites unwrapped.
    """

    def wrap(e: Exception) -> ExecError:
        return error(node, "error calling %s: %w", name, GoErr(str(e)))

    return wrap


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


class _NoAttribute:
    __slots__ = ()


_NO_ATTRIBUTE: Any = _NoAttribute()


def _attribute(obj: Any, name: str) -> Any:
    """A struct field: a visible, non-method attribute of the object."""
    if not values.visible(type(obj), name):
        return _NO_ATTRIBUTE
    return getattr(obj, name, _NO_ATTRIBUTE)


def _missing_key(
    receiver: Any, name: str, missingkey: int, error: Any, node: Node, st: Any, container: Any
) -> Any:
    """Go's missingkey handling for a map without ``name``."""
    if receiver and not any(type(k) is str for k in receiver):
        # A map whose keys are not strings has no fields at all.
        static = _static_type(receiver, container, st)
        raise error(node, "can't evaluate field %s in type %s", name, static)
    if missingkey == MISSINGKEY_INVALID:
        return MISSING
    if missingkey == MISSINGKEY_ZERO:
        return values.zero_of_elem(receiver)
    raise error(node, "map has no entry for key %q", name)


def _static_type(receiver: Any, container: Any, st: Any) -> str:
    """The type Go's reflect gives the receiver: its container's element type.

    Go reads map values and slice elements of ``interface {}`` containers as
    ``interface {}`` values, and names that type in errors; values that came out
    of a pipeline (data, variables, with, template calls) carry their own type.
    """
    if container is _RANGE:
        container = st.range_collection if st is not None else _TOP
    if receiver is None:
        return "interface {}"  # a nil in Python is Go's nil interface value
    if container is _TOP or container is None or container is _UNSET:
        return type_name(receiver)
    k = kind(container)
    if k in (MAP, SLICE):
        declared = type_name(container)
        if declared.startswith("map["):
            return _map_elem(declared)
        if declared.startswith("[]"):
            return declared[2:]
    return "interface {}" if receiver is None else type_name(receiver)


def _map_elem(map_type: str) -> str:
    depth = 0
    for i, c in enumerate(map_type):
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return map_type[i + 1 :]
    return "interface {}"


class _LastVisited:
    """The node Go's state points at once a pipeline, command or argument ran.

    Go blames errors found after evaluation (range over a non-collection, say) on
    the last node its evaluator visited, which this recomputes from the syntax,
    remembering answers so nested parentheses cost linear time.
    """

    def __init__(self) -> None:
        self.memo: dict[int, Node] = {}

    def pipeline(self, pipe: PipeNode) -> Node:
        # Down the chain of last commands to a term, without recursion: parentheses
        # nest thousands deep.
        pipes = []
        node: Node = pipe
        while isinstance(node, PipeNode) and node.cmds:
            found = self.memo.get(id(node))
            if found is not None:
                node = found
                break
            pipes.append(node)
            node = self.last_term(node.cmds[-1])
        for p in pipes:
            self.memo[id(p)] = node
        return node

    def command(self, cmd: CommandNode) -> Node:
        return self.arg(self.last_term(cmd))

    def arg(self, node: Node) -> Node:
        return self.pipeline(node) if isinstance(node, PipeNode) else node

    @staticmethod
    def last_term(cmd: CommandNode) -> Node:
        """The argument of ``cmd`` evaluated last, a pipeline to look into or a node."""
        first = cmd.args[0]
        if isinstance(first, PipeNode):
            return first
        if (
            isinstance(first, (FieldNode, ChainNode, VariableNode, IdentifierNode))
            and len(cmd.args) > 1
        ):
            return cmd.args[-1]
        if isinstance(first, ChainNode) and isinstance(first.node, PipeNode):
            return first.node
        return first
