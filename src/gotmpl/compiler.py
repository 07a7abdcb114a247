"""Compiler: a template's nodes to a tree of Python closures, built once.

Everything that does not depend on the data is settled here: which function an
identifier names, the Go value of each constant, how each argument converts to its
parameter's type, which variable slot a ``$name`` means, the missingkey mode, and
which node Go would blame for each possible error. At render time closures only
move values; nothing dispatches on node type.

Closures come in two shapes: ``run(st, dot, frame)`` writes output, and
``ev(st, dot, frame)`` returns a value. ``frame`` holds one template call's
variables (slot 0 is ``$``). Commands take the value piped in as ``final``.
Errors are Go's (see ``state.exec_error``), raised as ``ExecError``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Any

from . import builtins as _builtins
from . import gofmt, values
from .calls import ANY, VALUE, CallFailed, Signature, convert, signature_of, type_kind
from .errors import ExecError
from .gotypes import Uint8, typed_int
from .nodes import (
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
from .state import MAX_EXEC_DEPTH, State, exec_error
from .values import FUNC, INT, MAP, MISSING, SLICE, UINT, kind, type_name

__all__ = ["CompiledTemplate", "Options", "compile_template"]

Run = Callable[[State, Any, list], None]
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
    """What compilation depends on besides the tree: functions and missingkey mode."""

    __slots__ = ("funcs", "missingkey")

    def __init__(self, funcs: Mapping[str, Any], missingkey: int) -> None:
        self.funcs = funcs
        self.missingkey = missingkey


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


def _literal_text(node: Node) -> str:
    return str(node)


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
    def __init__(self, name: str, options: Options) -> None:
        self.name = name
        self.options = options
        self.missingkey = options.missingkey
        self.scope = _Scope()
        self.slots = 1
        # Slots declared in a branch's main list are not set when its else list
        # runs, although Go's parser lets the else list name them.
        self.hidden: frozenset[int] = frozenset()
        # Whether dot is an element of a range's collection (see _static_type).
        self.dot_origin: Any = _TOP

    # -- errors ------------------------------------------------------------------------

    def error(self, node: Node | None, message: str) -> ExecError:
        return exec_error(self.name, node, message)

    # -- lists and control -------------------------------------------------------------

    def list(self, node: ListNode) -> Run:
        items: list[Any] = []
        for n in node.nodes:
            if isinstance(n, TextNode):
                if items and type(items[-1]) is str:
                    items[-1] += n.text
                else:
                    items.append(n.text)
            else:
                items.append(self.item(n))
        if not items:
            return _run_nothing
        if len(items) == 1:
            only = items[0]
            if type(only) is str:
                return _text_writer(only)
            return only
        seq = tuple(items)

        def run_list(st: State, dot: Any, frame: list) -> None:
            w = st.w
            for item in seq:
                if item.__class__ is str:
                    w(item)
                else:
                    item(st, dot, frame)

        return run_list

    def item(self, node: Node) -> Run:
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

    def action(self, node: ActionNode) -> Run:
        pipe = node.pipe
        ev = self.pipeline(pipe)
        if pipe.decl:

            def run_declaration(st: State, dot: Any, frame: list) -> None:
                ev(st, dot, frame)

            return run_declaration
        print_value = self.printer(node)
        fast = self.fast_field(pipe)
        if fast is not None:

            def run_field(st: State, dot: Any, frame: list) -> None:
                v = fast(st, dot)
                if v.__class__ is str:
                    st.w(v)
                else:
                    st.w(print_value(v))

            return run_field

        def run_action(st: State, dot: Any, frame: list) -> None:
            v = ev(st, dot, frame)
            if v.__class__ is str:
                st.w(v)
            else:
                st.w(print_value(v))

        return run_action

    def printer(self, node: ActionNode) -> Callable[[Any], str]:
        """Go's printValue: ``<no value>`` for nothing, an error for funcs."""
        error = self.error

        def print_value(v: Any) -> str:
            if v is MISSING or v is None:
                return "<no value>"
            if kind(v) == FUNC and values.find_method(v, "String") is None:
                raise error(node, f"can't print {node} of type {type_name(v)}")
            return gofmt.format_value(v)

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
        else_run = None
        if node.else_list is not None:
            saved = self.hidden
            self.hidden = saved | declared
            else_run = self.list(node.else_list)
            self.hidden = saved
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
            if truth(cond(st, dot, frame)):
                body(st, dot, frame)
            elif else_run is not None:
                else_run(st, dot, frame)

        return run_if

    def range_(self, node: RangeNode) -> Run:
        pipe = node.pipe
        mark = self.scope.mark()
        collection = self.pipeline(pipe, range_decl=True)
        decl = pipe.decl
        if pipe.is_assign:
            slots = [self.assign_slot(v) for v in decl]
        else:
            slots = [self.scope.find(v.names[0]) for v in decl]
        key_slot = slots[0] if len(slots) == 2 else None
        elem_slot = slots[-1] if slots else None
        two_vars = len(decl) > 1
        body_mark = self.scope.mark()
        outer_origin = self.dot_origin
        self.dot_origin = _RANGE
        body = self.list(node.list)
        self.dot_origin = outer_origin
        declared = frozenset(slot for _, slot in self.scope.pop(body_mark))
        else_run = None
        if node.else_list is not None:
            saved = self.hidden
            self.hidden = saved | declared
            else_run = self.list(node.else_list)
            self.hidden = saved
        self.scope.pop(mark)
        blame = _last_evaluated(pipe)
        error = self.error
        name = self.name

        def loop(st: State, frame: list, pairs: Any, collection: Any) -> bool:
            ran = False
            tick = st.tick
            outer = st.range_collection
            st.range_collection = collection
            try:
                ran = iterate(st, frame, pairs, tick)
            finally:
                st.range_collection = outer
            return ran

        def iterate(st: State, frame: list, pairs: Any, tick: Any) -> bool:
            ran = False
            for key, elem in pairs:
                ran = True
                if tick is not None:
                    tick(node, name)
                if key_slot is not None:
                    frame[key_slot] = key
                if elem_slot is not None:
                    frame[elem_slot] = elem
                try:
                    body(st, elem, frame)
                except _Continue:
                    continue
                except _Break:
                    break
            return ran

        def run_range(st: State, dot: Any, frame: list) -> None:
            v = collection(st, dot, frame)
            cls = v.__class__
            if cls is list or cls is tuple:
                ran = loop(st, frame, enumerate(v), v)
            elif cls is dict:
                ran = loop(st, frame, values.sorted_items(v), v)
            elif v is MISSING or v is None:
                ran = False
            else:
                k = kind(v)
                if k == SLICE and cls is not str:
                    items = [Uint8(b) for b in v] if isinstance(v, (bytes, bytearray)) else v
                    ran = loop(st, frame, enumerate(items), v)
                elif k == MAP:
                    ran = loop(st, frame, values.sorted_items(v), v)
                elif k in (INT, UINT):
                    if two_vars:
                        raise error(
                            blame,
                            f"can't use {gofmt.sprint(v)} to iterate over more than one variable",
                        )
                    ints = ((MISSING, _same_int_type(v, i)) for i in range(int(v)))
                    ran = loop(st, frame, ints, _TOP)
                else:
                    raise error(blame, f"range can't iterate over {gofmt.sprint(v)}")
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

        def run_template(st: State, dot: Any, frame: list) -> None:
            tmpl = st.templates.get(target)
            if tmpl is None or tmpl._tree is None:
                raise error(node, f"template {_quote(target)} not defined")
            if st.depth >= MAX_EXEC_DEPTH:
                raise error(node, f"exceeded maximum template depth ({MAX_EXEC_DEPTH})")
            new_dot = ev(st, dot, frame) if ev is not None else MISSING
            if st.tick is not None:
                st.tick(node, name)
            compiled = tmpl._compiled()
            callee_frame = [_UNSET] * compiled.frame_size
            callee_frame[0] = new_dot
            st.depth += 1
            try:
                compiled.run(st, new_dot, callee_frame)
            finally:
                st.depth -= 1

        return run_template

    # -- variables ---------------------------------------------------------------------

    def declare(self, var: VariableNode) -> int:
        slot = self.slots
        self.slots += 1
        self.scope.names.append((var.names[0], slot))
        return slot

    def assign_slot(self, var: VariableNode) -> int | None:
        return self.scope.find(var.names[0], self.hidden)

    # -- pipelines and commands ----------------------------------------------------------

    def pipeline(self, pipe: PipeNode, range_decl: bool = False) -> Eval:
        """Go's evalPipeline: commands chained by their final argument, then declarations."""
        cmds = []
        at: Node = pipe  # the node Go's state points at before each command runs
        for c in pipe.cmds:
            cmds.append(self.command(c, at))
            at = _last_of_command(c)
        decl = pipe.decl
        # Declarations become visible after the commands are compiled (Go's parser
        # already made them visible, but they are set only once the pipeline ran).
        if pipe.is_assign:
            targets = [self.assign_slot(v) for v in decl]
            missing = [v for v, s in zip(decl, targets, strict=True) if s is None]
        else:
            targets = [self.declare(v) for v in decl]
            missing = []
        blame = _last_evaluated(pipe)
        error = self.error

        if len(cmds) == 1:
            first = cmds[0]

            def ev_single(st: State, dot: Any, frame: list) -> Any:
                v = first(st, dot, frame, NO_FINAL)
                return MISSING if v is None else v

            ev: Eval = ev_single
        else:
            chain = tuple(cmds)

            def ev_chain(st: State, dot: Any, frame: list) -> Any:
                v = NO_FINAL
                for cmd in chain:
                    v = cmd(st, dot, frame, v)
                    if v is None:  # a nil interface: Go digs out the (absent) value
                        v = MISSING
                return v

            ev = ev_chain
        if not decl:
            return ev
        if missing:
            undefined = missing[0].names[0]

            def ev_assign_undefined(st: State, dot: Any, frame: list) -> Any:
                ev(st, dot, frame)
                raise error(blame, f"undefined variable: {undefined}")

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

    def fast_field(self, pipe: PipeNode) -> Callable[[State, Any], Any] | None:
        """A plain ``.A.B`` action: dict lookups inline, the general step otherwise."""
        if len(pipe.cmds) != 1 or len(pipe.cmds[0].args) != 1:
            return None
        field = pipe.cmds[0].args[0]
        if not isinstance(field, FieldNode):
            return None
        steps = tuple((n, self.field_step(field, field, n, (field,))) for n in field.names)
        origin = self.dot_origin

        def get(st: State, dot: Any) -> Any:
            v = dot
            container = origin
            for n, step in steps:
                if v.__class__ is dict:
                    found = v.get(n, MISSING)
                    if found is MISSING:
                        found = step(st, None, None, v, NO_FINAL, container)
                else:
                    found = step(st, None, None, v, NO_FINAL, container)
                container = v
                v = found
            return MISSING if v is None else v

        return get

    def command(self, cmd: CommandNode, at: Node) -> Cmd:
        """Go's evalCommand; ``at`` is the node Go's state points at beforehand."""
        first = cmd.args[0]
        if isinstance(first, FieldNode):
            return self.field_command(first, cmd.args)
        if isinstance(first, ChainNode):
            return self.chain_command(first, cmd.args)
        if isinstance(first, IdentifierNode):
            return self.function(first, cmd, cmd.args)
        if isinstance(first, PipeNode):
            inner = self.pipeline(first)
            not_a_function = self.not_a_function(cmd.args, at)

            def cmd_pipe(st: State, dot: Any, frame: list, final: Any) -> Any:
                not_a_function(final)
                return inner(st, dot, frame)

            return cmd_pipe
        if isinstance(first, VariableNode):
            return self.variable_command(first, cmd.args)
        # A literal, dot or nil: Go blames the word itself and refuses arguments.
        not_a_function = self.not_a_function(cmd.args, first)
        if isinstance(first, NilNode):
            error = self.error

            def cmd_nil(st: State, dot: Any, frame: list, final: Any) -> Any:
                not_a_function(final)
                raise error(first, "nil is not a command")

            return cmd_nil
        if isinstance(first, DotNode):

            def cmd_dot(st: State, dot: Any, frame: list, final: Any) -> Any:
                not_a_function(final)
                return dot

            return cmd_dot
        constant = self.literal_arg_or_failure(first, ANY)

        def cmd_constant(st: State, dot: Any, frame: list, final: Any) -> Any:
            not_a_function(final)
            return constant(st, dot, frame)

        return cmd_constant

    def not_a_function(self, args: tuple[Node, ...], blame: Node) -> Callable[[Any], None]:
        error = self.error
        many = len(args) > 1
        first = args[0]

        def check(final: Any) -> None:
            if many or final is not NO_FINAL:
                raise error(blame, f"can't give argument to non-function {first}")

        return check

    def ideal_constant(self, node: NumberNode) -> Any:
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
            raise _LiteralError(node, f"{text} overflows int")
        return MISSING

    def variable_command(self, var: VariableNode, args: tuple[Node, ...]) -> Cmd:
        """Go's evalVariableNode: ``$x``, or ``$x.A.B`` walked from the variable."""
        read = self.variable_reader(var)
        if len(var.names) == 1:
            not_a_function = self.not_a_function(args, var)

            def cmd_var(st: State, dot: Any, frame: list, final: Any) -> Any:
                v = read(frame)
                if final is not NO_FINAL or len(args) > 1:
                    not_a_function(final)
                return v

            return cmd_var
        walk = self.fields(var, var.names[1:], args, var)

        def cmd_var_fields(st: State, dot: Any, frame: list, final: Any) -> Any:
            return walk(st, dot, frame, read(frame), final, _TOP)

        return cmd_var_fields

    def variable_reader(self, var: VariableNode) -> Callable[[list], Any]:
        name = var.names[0]
        slot = self.scope.find(name, self.hidden)
        error = self.error
        if slot is None:

            def read_undefined(frame: list) -> Any:
                raise error(var, f"undefined variable: {name}")

            return read_undefined

        def read(frame: list) -> Any:
            v = frame[slot]
            if v is _UNSET:
                raise error(var, f"undefined variable: {name}")
            return v

        return read

    def field_command(self, field: FieldNode, args: tuple[Node, ...]) -> Cmd:
        """Go's evalFieldNode: ``.A.B`` walked from dot."""
        walk = self.fields(field, field.names, args, field)
        origin = self.dot_origin

        def cmd_field(st: State, dot: Any, frame: list, final: Any) -> Any:
            return walk(st, dot, frame, dot, final, origin)

        return cmd_field

    def chain_command(self, chain: ChainNode, args: tuple[Node, ...]) -> Cmd:
        """Go's evalChainNode: ``(pipeline).A.B`` or ``fn.A``: the term, then its fields."""
        inner = chain.node
        error = self.error
        if isinstance(inner, NilNode):

            def cmd_nil_chain(st: State, dot: Any, frame: list, final: Any) -> Any:
                raise error(chain, f"indirection through explicit nil in {chain}")

            return cmd_nil_chain
        term = self.arg(inner, None)
        # Lookups blame the last node the term's evaluation visited, calls the chain.
        walk = self.fields(chain, chain.fields, args, _last_of_arg(inner))

        def cmd_chain(st: State, dot: Any, frame: list, final: Any) -> Any:
            return walk(st, dot, frame, term(st, dot, frame), final, _TOP)

        return cmd_chain

    def fields(
        self, node: Node, names: tuple[str, ...], args: tuple[Node, ...], blame: Node
    ) -> Callable[[State, Any, list, Any, Any, Any], Any]:
        """Go's evalFieldChain: every name but the last takes no arguments.

        ``walk(st, dot, frame, receiver, final, container)``: ``container`` is what
        the receiver was read from, which decides the type Go names in errors.
        """
        head = tuple(self.field_step(node, blame, n, (node,)) for n in names[:-1])
        last = self.field_step(node, blame, names[-1], args)
        if not head:
            return last

        def walk(
            st: State, dot: Any, frame: list, receiver: Any, final: Any, container: Any
        ) -> Any:
            for step in head:
                receiver, container = step(st, dot, frame, receiver, NO_FINAL, container), receiver
            return last(st, dot, frame, receiver, final, container)

        return walk

    def field_step(
        self, node: Node, blame: Node, name: str, args: tuple[Node, ...]
    ) -> Callable[..., Any]:
        """Go's evalField: ``.name`` on a receiver, as a method call or a lookup.

        ``blame`` is the node Go's state points at for lookup errors; a failed
        method call blames ``node``.
        """
        error = self.error
        missingkey = self.missingkey
        call_args = args[1:]
        has_args = len(call_args) > 0
        arg_evaluators: dict[Signature, Any] = {}
        compiler = self

        def method_call(st: State, dot: Any, frame: list, method: Any, final: Any) -> Any:
            sig = signature_of(method, name)
            evaluate = arg_evaluators.get(sig)
            if evaluate is None:
                evaluate = compiler.call_arguments(sig, name, call_args, blame, node)
                arg_evaluators[sig] = evaluate
            argv = evaluate(st, dot, frame, final)
            try:
                return values.as_go(method(*argv))
            except ExecError:
                raise
            except Exception as e:
                raise _call_error(error(node, f"error calling {name}: {e}"), e) from None

        def step(st: Any, dot: Any, frame: Any, receiver: Any, final: Any, container: Any) -> Any:
            cls = receiver.__class__
            if cls is dict:
                if has_args or final is not NO_FINAL:
                    raise error(blame, f"{name} is not a method but has arguments")
                v = receiver.get(name, MISSING)
                if v is MISSING:
                    return _missing_key(receiver, name, missingkey, error, blame, st, container)
                return v
            if receiver is MISSING:
                if missingkey == MISSINGKEY_ERROR:
                    raise error(blame, f"nil data; no entry for key {_quote(name)}")
                return MISSING
            if receiver is None:
                raise error(
                    blame, f"nil pointer evaluating {_static_type(receiver, container, st)}.{name}"
                )
            method = values.find_method(receiver, name)
            if method is not None:
                return method_call(st, dot, frame, method, final)
            k = kind(receiver)
            if k == MAP:
                if has_args or final is not NO_FINAL:
                    raise error(blame, f"{name} is not a method but has arguments")
                try:
                    return receiver[name]
                except KeyError:
                    return _missing_key(receiver, name, missingkey, error, blame, st, container)
                except TypeError:
                    pass
            elif k in (values.STRUCT, values.POINTER):
                v = _attribute(receiver, name)
                if v is not _NO_ATTRIBUTE:
                    if has_args or final is not NO_FINAL:
                        raise error(
                            blame, f"{name} has arguments but cannot be invoked as function"
                        )
                    return values.as_go(v)
            raise error(
                blame,
                f"can't evaluate field {name} in type {_static_type(receiver, container, st)}",
            )

        return step

    # -- functions -----------------------------------------------------------------------

    def function(self, ident: IdentifierNode, cmd: Node, args: tuple[Node, ...]) -> Cmd:
        """Go's evalFunction: a user function first, then a builtin."""
        name = ident.name
        error = self.error
        user = self.options.funcs.get(name)
        if user is not None:
            return self.call(user, name, ident, cmd, args, signature_of(user, name))
        builtin = _builtins.BUILTINS.get(name)
        if builtin is None:

            def cmd_undefined(st: State, dot: Any, frame: list, final: Any) -> Any:
                raise error(ident, f"{_quote(name)} is not a defined function")

            return cmd_undefined
        if name in ("and", "or"):
            return self.and_or(name == "or", ident, cmd, args)
        if name == "call":
            return self.call_builtin(ident, cmd, args)
        return self.call(builtin.func, name, ident, cmd, args, builtin.signature)

    def call(
        self,
        func: Any,
        name: str,
        ident: Node,
        cmd: Node,
        args: tuple[Node, ...],
        sig: Signature,
    ) -> Cmd:
        """Go's evalCall: check the arity, convert the arguments, call, report errors."""
        error = self.error
        evaluate = self.call_arguments(sig, name, args[1:], ident, cmd)

        def cmd_call(st: State, dot: Any, frame: list, final: Any) -> Any:
            argv = evaluate(st, dot, frame, final)
            try:
                return values.as_go(func(*argv))
            except ExecError:
                raise
            except Exception as e:
                raise _call_error(error(cmd, f"error calling {name}: {e}"), e) from None

        return cmd_call

    def call_arguments(
        self, sig: Signature, name: str, args: tuple[Node, ...], at: Node, cmd: Node
    ) -> Callable[[State, Any, list, Any], list]:
        """The argument list of a call: each argument converted, then the final one."""
        error = self.error
        n = len(args)
        message = sig.results_error
        fixed = len(sig.params)
        # Past the parameters of a non-variadic function the arity check fails first.
        evaluators = [
            self.arg(a, sig.param(i) if i < fixed or sig.variadic is not None else ANY)
            for i, a in enumerate(args)
        ]
        variadic = sig.variadic
        blame_final = args[-1] if args else at

        def final_type(count: int) -> str:
            if variadic is not None and count - 1 >= fixed:
                return variadic
            return sig.params[count - 1] if count - 1 < fixed else ANY

        def evaluate(st: State, dot: Any, frame: list, final: Any) -> list:
            count = n if final is NO_FINAL else n + 1
            try:
                sig.check_arity(name, count)
            except CallFailed as e:
                raise error(at, str(e)) from None
            if message is not None:
                raise error(at, message)
            argv = [e(st, dot, frame) for e in evaluators]
            if final is not NO_FINAL:
                try:
                    argv.append(convert(final, final_type(count)))
                except CallFailed as e:
                    raise error(blame_final, str(e)) from None
            return argv

        return evaluate

    def arg(self, node: Node, go_type: str | None) -> Eval:
        """Go's evalArg: one argument of type ``go_type`` (None: no conversion)."""
        error = self.error

        def converted(ev: Eval) -> Eval:
            if go_type is None or go_type == VALUE:
                return ev

            def ev_converted(st: State, dot: Any, frame: list) -> Any:
                try:
                    return convert(ev(st, dot, frame), go_type)
                except CallFailed as e:
                    raise error(node, str(e)) from None

            return ev_converted

        if isinstance(node, DotNode):
            return converted(lambda st, dot, frame: dot)
        if isinstance(node, NilNode):
            if (
                go_type is None
                or go_type in (ANY, VALUE)
                or type_kind(go_type) in (SLICE, MAP, values.POINTER, FUNC)
            ):
                if go_type is not None and type_kind(go_type) == SLICE:
                    return lambda st, dot, frame: []
                if go_type is not None and type_kind(go_type) == MAP:
                    return lambda st, dot, frame: {}
                return lambda st, dot, frame: MISSING if go_type == VALUE else None
            return _failing(error, node, f"cannot assign nil to {go_type}")
        if isinstance(node, FieldNode):
            cmd = self.field_command(node, (node,))
            return converted(lambda st, dot, frame: cmd(st, dot, frame, NO_FINAL))
        if isinstance(node, VariableNode):
            cmd = self.variable_command(node, (node,))
            return converted(lambda st, dot, frame: cmd(st, dot, frame, NO_FINAL))
        if isinstance(node, PipeNode):
            return converted(self.pipeline(node))
        if isinstance(node, IdentifierNode):
            cmd = self.function(node, node, (node,))
            return converted(lambda st, dot, frame: cmd(st, dot, frame, NO_FINAL))
        if isinstance(node, ChainNode):
            cmd = self.chain_command(node, (node,))
            return converted(lambda st, dot, frame: cmd(st, dot, frame, NO_FINAL))
        return self.literal_arg_or_failure(node, ANY if go_type is None else go_type)

    def literal_arg_or_failure(self, node: Node, go_type: str) -> Eval:
        """A literal converted at compile time; a conversion error is raised when reached."""
        try:
            v = self.literal_arg(node, go_type)
        except _LiteralError as e:
            return _failing(self.error, e.node, e.message)
        return lambda st, dot, frame: v

    def literal_arg(self, node: Node, go_type: str) -> Any:
        if go_type in (ANY, VALUE):
            if isinstance(node, BoolNode):
                return node.value
            if isinstance(node, StringNode):
                return node.text
            if isinstance(node, NumberNode):
                return self.ideal_constant(node)
            raise _LiteralError(
                node, f"can't handle assignment of {node} to empty interface argument"
            )
        k = type_kind(go_type)
        if k == values.BOOL:
            if isinstance(node, BoolNode):
                return node.value
            raise _LiteralError(node, f"expected bool; found {node}")
        if k == values.STRING:
            if isinstance(node, StringNode):
                return _typed(node.text, go_type)
            raise _LiteralError(node, f"expected string; found {node}")
        if k == INT:
            if isinstance(node, NumberNode) and node.int_value is not None:
                return _typed(node.int_value, go_type)
            raise _LiteralError(node, f"expected integer; found {node}")
        if k == UINT:
            if isinstance(node, NumberNode) and node.uint_value is not None:
                return _typed(node.uint_value, go_type)
            raise _LiteralError(node, f"expected unsigned integer; found {node}")
        if k == values.FLOAT:
            if isinstance(node, NumberNode) and node.float_value is not None:
                return node.float_value
            raise _LiteralError(node, f"expected float; found {node}")
        if k == values.COMPLEX:
            if isinstance(node, NumberNode) and node.complex_value is not None:
                return node.complex_value
            raise _LiteralError(node, f"expected complex; found {node}")
        raise _LiteralError(node, f"can't handle {node} for arg of type {go_type}")

    def and_or(self, is_or: bool, ident: Node, cmd: Node, args: tuple[Node, ...]) -> Cmd:
        """and/or: evaluate arguments in turn and stop at the deciding one."""
        name = "or" if is_or else "and"
        error = self.error
        evaluators = [self.arg(a, VALUE) for a in args[1:]]
        truth = values.truth
        n = len(evaluators)

        def cmd_and_or(st: State, dot: Any, frame: list, final: Any) -> Any:
            if n == 0 and final is NO_FINAL:
                raise error(ident, f"wrong number of args for {name}: want at least 1 got 0")
            v: Any = MISSING
            for e in evaluators:
                v = e(st, dot, frame)
                if truth(v) == is_or:
                    return v
            if final is not NO_FINAL:
                v = final
            return v

        return cmd_and_or

    def call_builtin(self, ident: Node, cmd: CommandNode, args: tuple[Node, ...]) -> Cmd:
        """call f a b: the callee's node text names it in errors."""
        error = self.error
        evaluators = [self.arg(a, VALUE) for a in args[1:]]
        callee = str(args[1]) if len(args) > 1 else None

        def cmd_call(st: State, dot: Any, frame: list, final: Any) -> Any:
            if not evaluators and final is NO_FINAL:
                raise error(ident, "wrong number of args for call: want at least 1 got 0")
            argv = [e(st, dot, frame) for e in evaluators]
            if final is not NO_FINAL:
                argv.append(final)
            name = callee if callee is not None else gofmt.sprint(final)
            try:
                return values.as_go(_builtins.call(name, *argv))
            except ExecError:
                raise
            except Exception as e:
                raise _call_error(error(cmd, f"error calling call: {e}"), e) from None

        return cmd_call


# -- helpers -----------------------------------------------------------------------------


def _run_nothing(st: State, dot: Any, frame: list) -> None:
    return None


def _text_writer(text: str) -> Run:
    def run_text(st: State, dot: Any, frame: list) -> None:
        st.w(text)

    return run_text


def _raiser(exc: type[Exception]) -> Run:
    def run_raise(st: State, dot: Any, frame: list) -> None:
        raise exc()

    return run_raise


class _LiteralError(Exception):
    """A literal that cannot be converted; raised as ExecError when evaluation gets there."""

    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


def _failing(error: Callable[[Node, str], ExecError], node: Node, message: str) -> Eval:
    def ev_fail(st: State, dot: Any, frame: list) -> Any:
        raise error(node, message)

    return ev_fail


def _quote(s: str) -> str:
    from .strconv import quote

    return quote(s)


def _dig(v: Any) -> Any:
    return MISSING if v is None else v


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


def _call_error(err: ExecError, cause: BaseException) -> ExecError:
    err.__cause__ = cause
    return err


class _NoAttribute:
    __slots__ = ()


_NO_ATTRIBUTE: Any = _NoAttribute()


def _attribute(obj: Any, name: str) -> Any:
    """A struct field: a public, non-method attribute of the object."""
    if name.startswith("_"):
        return _NO_ATTRIBUTE
    try:
        return getattr(obj, name)
    except AttributeError:
        return _NO_ATTRIBUTE


def _missing_key(
    receiver: Any, name: str, missingkey: int, error: Any, node: Node, st: Any, container: Any
) -> Any:
    """Go's missingkey handling for a map without ``name``."""
    if receiver and not any(type(k) is str for k in receiver):
        # A map whose keys are not strings has no fields at all.
        static = _static_type(receiver, container, st)
        raise error(node, f"can't evaluate field {name} in type {static}")
    if missingkey == MISSINGKEY_INVALID:
        return MISSING
    if missingkey == MISSINGKEY_ZERO:
        return values.zero_of_elem(receiver)
    raise error(node, f"map has no entry for key {_quote(name)}")


class _Origin:
    """Where a dot came from, when no container holds it."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


_TOP: Any = _Origin("top")  # the data, a variable, a pipeline's result: typed by its value
_RANGE: Any = _Origin("range")  # an element of the collection a range is visiting


def _static_type(receiver: Any, container: Any, st: Any) -> str:
    """The type Go's reflect gives the receiver: its container's element type.

    Go reads map values and slice elements of ``interface {}`` containers as
    ``interface {}`` values, and names that type in errors; values that came out
    of a pipeline (data, variables, with, template calls) carry their own type.
    """
    if container is _RANGE:
        container = st.range_collection if st is not None else _TOP
    if container is _TOP or container is None:
        return "<nil>" if receiver is None else type_name(receiver)
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


def _last_evaluated(pipe: PipeNode) -> Node:
    """The node Go's state points at once a pipeline has been evaluated.

    Go blames errors found after evaluation (range over a non-collection, say) on
    the last node its evaluator visited, which this recomputes from the syntax.
    """
    return _last_of_command(pipe.cmds[-1]) if pipe.cmds else pipe


def _last_of_command(cmd: CommandNode) -> Node:
    first = cmd.args[0]
    if isinstance(first, PipeNode):
        return _last_evaluated(first)
    if (
        isinstance(first, (FieldNode, ChainNode, VariableNode, IdentifierNode))
        and len(cmd.args) > 1
    ):
        return _last_of_arg(cmd.args[-1])
    if isinstance(first, ChainNode) and isinstance(first.node, PipeNode):
        return _last_evaluated(first.node)
    return first


def _last_of_arg(node: Node) -> Node:
    if isinstance(node, PipeNode):
        return _last_evaluated(node)
    return node
