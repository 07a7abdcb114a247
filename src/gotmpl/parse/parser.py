"""Parser: scanner tokens through the Lark grammar into checked nodes, with Go's errors.

``parse()`` returns the trees one Go ``parse.Parse`` call would: the named template
and every ``{{define}}``/``{{block}}`` in the text. The Lark transformer ``Builder``
builds nodes as rules reduce and makes Go's parse-time checks (undefined variable,
unknown function, break outside range, bad literals, ...). A syntax error reported by
Lark is translated into the message Go's recursive-descent parser gives at the same
token (``_SyntaxErrors``).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..errors import ParseError
from ..gostd import fmt as gofmt
from ..gostd import strconv, strings
from . import nodes
from .grammar import Stuck, lalr_driver
from .scanner import Tok, lex, refine, token_text

__all__ = ["MAX_PAREN_DEPTH", "is_empty_tree", "parse"]

MAX_PAREN_DEPTH = 10000  # Go's maxStackDepth for nested parenthesized pipelines


class _Fail(Exception):
    """A parse error before it is given the template name: Go's errorf format and
    arguments, and the token whose line Go reports."""

    def __init__(self, tok: Tok, format: str, *args: Any) -> None:
        super().__init__(format)
        self.tok = tok
        self.format = format
        self.args_ = args
        self.open_at: tuple[str, int] | None = None  # the innermost open block at EOF

    def span(self) -> tuple[int, int]:
        """The characters of the token Go stopped at (none for the end of the text
        and for a lexer error, whose token holds the message)."""
        tok = self.tok
        if tok.type in ("ERROR", "FAIL", "$END"):
            return tok.pos, tok.pos
        return tok.pos, tok.pos + len(tok.value)


class _ElseMark:
    """The value of ``{{else}}``: where a control's else list starts."""

    __slots__ = ("tok",)

    def __init__(self, tok: Tok) -> None:
        self.tok = tok


@dataclass(frozen=True, slots=True)
class _BlockHead:
    """The value of ``{{block "name" pipeline}}`` while its body is parsed; ``rdelim``
    is the token that closed it, where Go's parser stands while the body is parsed
    (by a tree of its own)."""

    name_tok: Tok
    name: str
    pipe: nodes.PipeNode
    rdelim: Tok


@dataclass(frozen=True, slots=True)
class _Name:
    """A template name: the string token and its unquoted text."""

    tok: Tok
    text: str


class _Paren:
    """A parenthesized pipeline as an operand, remembering where its "(" is."""

    __slots__ = ("lparen", "pipe")

    def __init__(self, lparen: Tok, pipe: nodes.PipeNode) -> None:
        self.lparen = lparen
        self.pipe = pipe


class _Chained:
    """A term with fields (``.A.B``, ``$x.A``, ``(pipe).A``) as an operand,
    remembering where its first token is: Go positions the node at its first
    field but a command starting with it at that token."""

    __slots__ = ("node", "start")

    def __init__(self, start: int, node: nodes.Operand) -> None:
        self.start = start
        self.node = node


_NO_ELSE = object()
_LITERALS = (nodes.BoolNode, nodes.StringNode, nodes.NumberNode, nodes.NilNode, nodes.DotNode)


def is_empty_tree(node: nodes.Node | None) -> bool:
    """Go's parse.IsEmptyTree: only space (by Go's definition) and comments."""
    if node is None:
        return True
    if isinstance(node, nodes.ListNode):
        return all(is_empty_tree(n) for n in node.nodes)
    if isinstance(node, nodes.TextNode):
        return not strings.trim_space(node.text)
    return False


def _number(tok: Tok, src: nodes.Source) -> nodes.NumberNode:
    """Go's parse.Tree.newNumber: the constant under every type that can hold it."""
    text = tok.value
    if tok.type == "CHARCONST":
        try:
            value, _, end = strconv.unquote_char(text, 1, "'")
        except strconv.SyntaxErr as e:
            raise _Fail(tok, "%s", str(e)) from None
        if text[end:] != "'":
            raise _Fail(tok, "%s", f"malformed character constant: {text}")
        return nodes.NumberNode(tok.pos, src, text, value, value, float(value), None)
    if tok.type == "COMPLEX":
        return _simplified_complex(tok, src, _parse_complex(text, tok))
    if text.endswith("i"):
        try:
            f = strconv.parse_float(text[:-1])
        except strconv.SyntaxErr:
            pass
        else:
            return _simplified_complex(tok, src, complex(0, f))
    int_value = uint_value = float_value = None
    with contextlib.suppress(strconv.SyntaxErr):
        uint_value = strconv.parse_uint(text)
    try:
        int_value = strconv.parse_int(text)
    except strconv.SyntaxErr:
        pass
    else:
        if int_value == 0:
            uint_value = 0  # "-0" is a uint too
    if int_value is not None:
        float_value = float(int_value)
    elif uint_value is not None:
        float_value = float(uint_value)
    else:
        try:
            float_value = strconv.parse_float(text)
        except strconv.SyntaxErr:
            pass
        else:
            if not any(c in text for c in ".eEpP"):
                raise _Fail(tok, "%s", f"integer overflow: {strconv.quote(text)}")
            if float_value.is_integer():
                if -(1 << 63) <= float_value < (1 << 63):
                    int_value = int(float_value)
                if 0 <= float_value < (1 << 64):
                    uint_value = int(float_value)
    if int_value is None and uint_value is None and float_value is None:
        raise _Fail(tok, "%s", f"illegal number syntax: {strconv.quote(text)}")
    return nodes.NumberNode(tok.pos, src, text, int_value, uint_value, float_value, None)


def _parse_complex(text: str, tok: Tok) -> complex:
    """Go's parser reads the lexer's ``1+2i`` form with fmt.Sscan into a complex128."""
    try:
        return gofmt.sscan_complex(text)
    except gofmt.ScanError as e:
        raise _Fail(tok, "%s", str(e)) from None


def _simplified_complex(tok: Tok, src: nodes.Source, c: complex) -> nodes.NumberNode:
    """Go's simplifyComplex: a complex with no imaginary part is also a float (and maybe an int)."""
    int_value = uint_value = float_value = None
    if c.imag == 0:
        float_value = c.real
        if float_value.is_integer():
            if -(1 << 63) <= float_value < (1 << 63):
                int_value = int(float_value)
            if 0 <= float_value < (1 << 64):
                uint_value = int(float_value)
    return nodes.NumberNode(tok.pos, src, tok.value, int_value, uint_value, float_value, c)


class Builder:
    """What the LALR driver calls: each rule's method takes the values of the rule's
    symbols and builds the nodes.

    The driver reduces a rule as soon as its last token is shifted when nothing
    else could follow (gotmpl.parse.grammar), so ``lookahead``, the token being
    fed, is the token after a rule only for rules reduced on seeing it: those
    reading it (body, the pipelines) are. The methods named in ``shift_hooks``
    run right after a token is shifted, which is when Go's parser acts on it
    (scopes open, depth counts). One Builder serves one parse at a time;
    ``parse()`` holds a lock around it.
    """

    def reset(self, src: nodes.Source, funcs: Container[str]) -> None:
        self.src = src
        self.funcs = funcs
        self.vars: list[str] = ["$"]
        self.marks: list[int] = []
        self.range_depth = 0
        self.paren_depth = 0
        self.saved: list[tuple[list[str], int]] = []
        self.trees: dict[str, nodes.ListNode] = {}
        self.lookahead: Tok | None = None

    # -- helpers ---------------------------------------------------------------

    # -- terms: one method per kind of token (see the grammar's term), with Go's checks

    def identifier(self, tok: Tok) -> nodes.IdentifierNode:
        if tok.value not in self.funcs:
            raise _Fail(tok, "function %q not defined", tok.value)
        return nodes.IdentifierNode(tok.pos, self.src, tok.value)

    def field(self, tok: Tok) -> nodes.FieldNode:
        return nodes.FieldNode(tok.pos, self.src, (tok.value[1:],))

    def variable(self, tok: Tok) -> nodes.VariableNode:
        if tok.value not in self.vars:
            raise _Fail(tok, "undefined variable %q", tok.value)
        return nodes.VariableNode(tok.pos, self.src, (tok.value,))

    def dot(self, tok: Tok) -> nodes.DotNode:
        return nodes.DotNode(tok.pos, self.src)

    def nil(self, tok: Tok) -> nodes.NilNode:
        return nodes.NilNode(tok.pos, self.src)

    def boolean(self, tok: Tok) -> nodes.BoolNode:
        return nodes.BoolNode(tok.pos, self.src, tok.value == "true")

    def number(self, tok: Tok) -> nodes.NumberNode:
        return _number(tok, self.src)

    def string(self, tok: Tok) -> nodes.StringNode:
        return nodes.StringNode(tok.pos, self.src, tok.value, self.unquote(tok))

    @staticmethod
    def unquote(tok: Tok) -> str:
        try:
            return strconv.unquote(tok.value)
        except strconv.SyntaxErr as e:
            raise _Fail(tok, "%s", str(e)) from None

    def _add_tree(self, name: str, root: nodes.ListNode, at: Tok) -> None:
        """Go's Tree.add: a second non-empty definition in one parse is an error."""
        existing = self.trees.get(name)
        if existing is None or is_empty_tree(existing):
            self.trees[name] = root
        elif not is_empty_tree(root):
            raise _Fail(at, "template: multiple definition of template %q", name)

    def _pop_scope(self) -> None:
        del self.vars[self.marks.pop() :]

    def _enter_definition(self) -> None:
        self.saved.append((self.vars, self.range_depth))
        self.vars = ["$"]
        self.range_depth = 0

    def _leave_definition(self) -> None:
        self.vars, self.range_depth = self.saved.pop()

    def _list(self, items: list[nodes.Node], at: Tok | None) -> nodes.ListNode:
        pos = items[0].pos if items else (at.pos if at is not None else 0)
        return nodes.ListNode(pos, self.src, tuple(items))

    # -- terminals, once shifted -------------------------------------------------

    def _open_scope(self, tok: Tok) -> None:
        self.marks.append(len(self.vars))

    def _open_range(self, tok: Tok) -> None:
        self.marks.append(len(self.vars))
        self.range_depth += 1

    def _open_definition(self, tok: Tok) -> None:
        self._enter_definition()

    def _open_paren(self, tok: Tok) -> None:
        if self.paren_depth >= MAX_PAREN_DEPTH:
            raise _Fail(tok, "max expression depth exceeded")
        self.paren_depth += 1

    def _close_paren(self, tok: Tok) -> None:
        self.paren_depth -= 1

    # What to do as soon as a token of a type is shifted (the driver calls these).
    shift_hooks: ClassVar[Mapping[str, str]] = {
        "IF": "_open_scope",
        "WITH": "_open_scope",
        "RANGE": "_open_range",
        "DEFINE": "_open_definition",
        "LPAREN": "_open_paren",
        "RPAREN": "_close_paren",
    }

    # -- rules: each method takes the values of its rule's symbols ---------------

    def start(self, items: list[Any]) -> nodes.ListNode:
        return self._list(items, None)

    def body(self, items: list[Any]) -> nodes.ListNode:
        return self._list(items, self.lookahead)

    # Lists: a first element, or none, and one more at a time (see the grammar).

    def new_list(self) -> list[Any]:
        return []

    def one(self, value: Any) -> list[Any]:
        return [value]

    def extended(self, values: list[Any], value: Any) -> list[Any]:
        values.append(value)
        return values

    def continued(self, values: list[Any], separator: Tok, value: Any) -> list[Any]:
        values.append(value)
        return values

    def defined(self, items: list[nodes.Node], definition: None) -> list[nodes.Node]:
        return items  # a {{define}} is a tree of its own, not an item

    def text(self, tok: Tok) -> nodes.TextNode:
        return nodes.TextNode(tok.pos, self.src, tok.value)

    def action(self, ldelim: Tok, pipe: nodes.PipeNode, rdelim: Tok) -> nodes.ActionNode:
        extent = (ldelim.pos, rdelim.pos + len(self.src.right))
        return nodes.ActionNode(pipe.pos, self.src, pipe, extent)

    def name(self, tok: Tok) -> _Name:
        return _Name(tok, self.unquote(tok))

    def define(self, *children: Any) -> None:
        name, body, end_delim = children[1], children[3], children[5]
        self._leave_definition()
        self._add_tree(name.text, body, end_delim)

    def _branch(self, cls: type, pipe: nodes.PipeNode, body: nodes.ListNode, tail: Any) -> Any:
        self._pop_scope()
        else_list = None if tail is _NO_ELSE else tail
        return cls(pipe.pos, self.src, pipe, body, else_list)

    def if_node(self, keyword: Tok, pipe: nodes.PipeNode, rdelim: Tok, body: Any, tail: Any) -> Any:
        return self._branch(nodes.IfNode, pipe, body, tail)

    def with_node(
        self, keyword: Tok, pipe: nodes.PipeNode, rdelim: Tok, body: Any, tail: Any
    ) -> Any:
        return self._branch(nodes.WithNode, pipe, body, tail)

    def tail_end(self, end: Tok, rdelim: Tok) -> object:
        return _NO_ELSE

    def tail_else(self, mark: _ElseMark, body: nodes.ListNode, end: Tok, rdelim: Tok) -> Any:
        return body

    def _chained(self, cls: type, keyword: Tok, pipe: nodes.PipeNode, body: Any, tail: Any) -> Any:
        # {{else if p}} is {{else}}{{if p}} whose {{end}} is shared.
        nested = self._branch(cls, pipe, body, tail)
        return nodes.ListNode(keyword.pos, self.src, (nested,))

    def tail_else_if(self, *children: Any) -> nodes.ListNode:
        _, keyword, pipe, _, body, tail = children
        return self._chained(nodes.IfNode, keyword, pipe, body, tail)

    def tail_else_with(self, *children: Any) -> nodes.ListNode:
        _, keyword, pipe, _, body, tail = children
        return self._chained(nodes.WithNode, keyword, pipe, body, tail)

    def else_open(self, keyword: Tok, rdelim: Tok) -> _ElseMark:
        return _ElseMark(keyword)

    def range_end(self, end: Tok, rdelim: Tok) -> object:
        self.range_depth -= 1
        return _NO_ELSE

    def range_else(self, keyword: Tok, rdelim: Tok) -> _ElseMark:
        self.range_depth -= 1
        return _ElseMark(keyword)

    def range_node(self, *children: Any) -> nodes.RangeNode:
        pipe, body = children[1], children[3]
        else_list = children[5] if len(children) > 5 else None
        self._pop_scope()
        return nodes.RangeNode(pipe.pos, self.src, pipe, body, else_list)

    def template_node(self, *children: Any) -> nodes.TemplateNode:
        name = children[1]
        pipe = children[-2] if isinstance(children[-2], nodes.PipeNode) else None
        return nodes.TemplateNode(name.tok.pos, self.src, name.text, pipe)

    def block_open(self, *children: Any) -> _BlockHead:
        name, pipe = children[1], children[-2]
        self._enter_definition()
        return _BlockHead(name.tok, name.text, pipe, children[-1])

    def block_node(self, head: _BlockHead, body: Any, end: Tok, rdelim: Tok) -> nodes.TemplateNode:
        self._leave_definition()
        self._add_tree(head.name, body, rdelim)
        return nodes.TemplateNode(head.name_tok.pos, self.src, head.name, head.pipe)

    def break_node(self, keyword: Tok, rdelim: Tok) -> nodes.BreakNode:
        self.check_loop_keyword(keyword, rdelim)
        return nodes.BreakNode(keyword.pos, self.src)

    def continue_node(self, keyword: Tok, rdelim: Tok) -> nodes.ContinueNode:
        self.check_loop_keyword(keyword, rdelim)
        return nodes.ContinueNode(keyword.pos, self.src)

    def check_loop_keyword(self, keyword: Tok, end: Tok) -> None:
        if self.range_depth == 0:
            raise _Fail(end, f"{{{{{keyword.value}}}}} outside {{{{range}}}}")

    def declaration(self, *children: Tok) -> tuple[list[Tok], bool]:
        names = [c for c in children if c.type == "DECLVAR"]
        self.vars.extend(c.value for c in names)
        return names, children[-1].type == "ASSIGN"

    def pipeline(self, cmds: list[nodes.CommandNode], pipe: Tok | None = None) -> nodes.PipeNode:
        if len(cmds) > 1:
            self._check_stages(cmds)
        return nodes.PipeNode(cmds[0].pos, self.src, (), False, tuple(cmds))

    def declared_pipeline(
        self, decl: tuple[list[Tok], bool], cmds: list[nodes.CommandNode], pipe: Tok | None = None
    ) -> nodes.PipeNode:
        names, is_assign = decl
        self._check_stages(cmds)
        variables = tuple([nodes.VariableNode(v.pos, self.src, (v.value,)) for v in names])
        return nodes.PipeNode(names[0].pos, self.src, variables, is_assign, tuple(cmds))

    def _check_stages(self, cmds: list[nodes.CommandNode]) -> None:
        for stage, cmd in enumerate(cmds[1:], start=2):
            if isinstance(cmd.args[0], _LITERALS):
                # Reduced on seeing the token after the pipeline: Go reports its line.
                assert self.lookahead is not None
                raise _Fail(self.lookahead, "non executable command in pipeline stage %d", stage)

    def first_command(self, operands: list[Any]) -> list[nodes.CommandNode]:
        return [self._command(operands)]

    def next_command(
        self, cmds: list[nodes.CommandNode], pipe: Tok, operands: list[Any]
    ) -> list[nodes.CommandNode]:
        cmds.append(self._command(operands))
        return cmds

    def _command(self, operands: list[Any]) -> nodes.CommandNode:
        first = operands[0]
        kind = first.__class__
        if kind is not _Paren and kind is not _Chained and len(operands) == 1:
            return nodes.CommandNode(first.pos, self.src, (first,))  # most commands
        # Go positions a command at its first token: the "(" of a parenthesized term.
        pos = first.lparen.pos if kind is _Paren else first.start if kind is _Chained else first.pos
        args = [
            o.pipe if o.__class__ is _Paren else o.node if o.__class__ is _Chained else o
            for o in operands
        ]
        return nodes.CommandNode(pos, self.src, tuple(args))

    def field_chain(self, node: nodes.Operand | _Paren, field_toks: list[Tok]) -> _Chained:
        start = node.lparen.pos if isinstance(node, _Paren) else node.pos
        return _Chained(start, self.chained(node, field_toks))

    def chained(self, node: nodes.Operand | _Paren, field_toks: list[Tok]) -> nodes.Operand:
        """``node`` followed by the fields of ``field_toks``."""
        if isinstance(node, _Paren):
            node = node.pipe
        fields = tuple(f.value[1:] for f in field_toks)
        chain_pos = field_toks[0].pos
        self.check_chain(node, field_toks[-1])
        if isinstance(node, nodes.FieldNode):
            return nodes.FieldNode(chain_pos, self.src, node.names + fields)
        if isinstance(node, nodes.VariableNode):
            return nodes.VariableNode(chain_pos, self.src, node.names + fields)
        return nodes.ChainNode(chain_pos, self.src, node, fields)

    @staticmethod
    def check_chain(node: nodes.Node, last_field: Tok) -> None:
        # Go has peeked at the token right after the fields: on the last field's line.
        if isinstance(node, _LITERALS):
            raise _Fail(last_field, "unexpected . after term %q", str(node))

    def paren(self, lparen: Tok, pipe: nodes.PipeNode, rparen: Tok) -> _Paren:
        return _Paren(lparen, pipe)


def _is_fields(value: Any) -> bool:
    """The list of FIELD tokens after a term (``fields`` in the grammar)."""
    return isinstance(value, list) and bool(value) and _is_tok(value[0], "FIELD")


_builder = Builder()
_lock = threading.Lock()
_OPERAND_NODES = (
    nodes.BoolNode,
    nodes.ChainNode,
    nodes.DotNode,
    nodes.FieldNode,
    nodes.IdentifierNode,
    nodes.NilNode,
    nodes.NumberNode,
    nodes.PipeNode,
    nodes.StringNode,
    nodes.VariableNode,
)
_PIPELINE_STARTS = frozenset(
    {"LDELIM", "IF", "WITH", "RANGE", "LPAREN", "PIPE", "DECLARE", "ASSIGN", "COMMA"}
)
_HEADER_CONTEXTS = {
    "END": "end",
    "ELSE": "else",
    "BREAK": "{{break}}",
    "CONTINUE": "{{continue}}",
    "DEFINE": "define clause",
    "TEMPLATE": "template clause",
    "BLOCK": "block clause",
}


def parse(
    name: str,
    text: str,
    left: str,
    right: str,
    funcs: Container[str],
    check: Callable[[], None] | None = None,
) -> dict[str, nodes.ListNode]:
    """Parses ``text`` as template ``name``: the trees Go's parse.Parse would return.

    ``funcs`` holds every function name a template may call (builtins included).
    Raises ParseError with Go's message. ``check()``, if given, is called now and
    then and may stop the parsing by raising (a time limit).
    """
    left = left or "{{"
    right = right or "}}"
    src = nodes.Source(name, text, left, right)
    toks = lex(text, left, right, "break" not in funcs, "continue" not in funcs, check)
    toks = refine(toks, name)
    with _lock:
        b = _builder
        b.reset(src, funcs)
        try:
            try:
                # ERROR and FAIL tokens are not in the grammar: the driver stops there.
                root = lalr_driver(b).parse(toks, check)
            except Stuck as stuck:
                raise _SyntaxErrors(b, toks, stuck.index, stuck.stack).error() from None
            b._add_tree(name, root, toks[-1])
            return b.trees
        except _Fail as f:
            line = f.tok.line
            col = src.location(f.tok.pos)[1]
            # Go puts the name into the format string unescaped.
            text = gofmt.errorf(f"template: {name}:{line}: {f.format}", *f.args_)
            error = ParseError(text, name=name, line=line, col=col, source=src, span=f.span())
            error.open_at = f.open_at
            raise error from None
        finally:
            b.reset(src, ())


def _is_tok(value: Any, kind: str) -> bool:
    return isinstance(value, Tok) and value.type == kind


def _token_failure(tok: Tok) -> _Fail:
    """The failure an ERROR or FAIL token stands for, with Go's errorf format."""
    if tok.type == "ERROR":  # Go: errorf("%s%s", token, extra); extra is already in
        return _Fail(tok, "%s", tok.value)
    context = tok.value.removeprefix("too many declarations in ")
    if context != tok.value:
        return _Fail(tok, "too many declarations in %s", context)
    return _Fail(tok, tok.value)


class _SyntaxErrors:
    """Go's message for the token Lark could not accept.

    Go's parser reports a syntax error in the terms of the production it was in:
    ``unexpected X in operand``, ``missing value for if``, ``unexpected {{end}}``.
    This class reads that production off Lark's value stack. It first runs the
    checks Go would already have made on the last token(s) read, since Go checks a
    term as soon as it reads it while an LR parser reduces it one token later.
    """

    def __init__(self, b: Builder, toks: list[Tok], index: int, stack: list[Any]) -> None:
        self.b = b
        self.toks = toks
        self.index = index
        self.stack = stack
        self.tok = toks[index]

    def error(self) -> _Fail:
        self.pending_checks()
        tok = self.tok
        if tok.type in ("ERROR", "FAIL"):
            return _token_failure(tok)
        if tok.type == "SP":  # Go skips spaces before it complains
            tok = self.tok = self.toks[self.index + 1]
            self.index += 1
        return self.classify()

    def next_tok(self, k: int = 1) -> Tok:
        return self.toks[min(self.index + k, len(self.toks) - 1)]

    def pending_checks(self) -> None:
        """Go checks the fields after a term as it reads them; the grammar takes them
        for a chain only at the token after the last one (``nil.A``)."""
        stack = self.stack
        if len(stack) > 1 and _is_fields(stack[-1]) and isinstance(stack[-2], nodes.Node):
            self.b.check_chain(stack[-2], stack[-1][-1])

    def classify(self) -> _Fail:
        tok = self.tok
        stack = self.stack
        top = stack[-1] if stack else None
        name_owner = self.name_owner()
        if name_owner is not None:
            # After the name of a define, template or block.
            if name_owner == "DEFINE":
                return _Fail(tok, "unexpected %s in %s", token_text(tok), "define clause")
            context = "template clause" if name_owner == "TEMPLATE" else "block clause"
            return self.pipeline_error(context)
        if (
            isinstance(top, (*_OPERAND_NODES, _Paren, _Chained))
            or _is_tok(top, "RPAREN")
            or _is_fields(top)
        ):
            return _Fail(tok, "unexpected %s in %s", token_text(tok), "operand")
        for value in reversed(stack):
            if isinstance(value, tuple):  # a declaration: no command yet
                return self.pipeline_error(self.pipeline_context())
            if isinstance(value, (_ElseMark, _BlockHead)):
                break
            if not isinstance(value, Tok):
                continue  # a finished item of the list being parsed
            t = value.type
            if t in _PIPELINE_STARTS:
                return self.pipeline_error(self.pipeline_context())
            if t == "ELSE" and tok.type in ("IF", "WITH"):
                return self.else_error()
            if t in _HEADER_CONTEXTS:
                return _Fail(tok, "unexpected %s in %s", token_text(tok), _HEADER_CONTEXTS[t])
            if t == "RDELIM":
                break
        return self.list_error()

    def name_owner(self) -> str | None:
        """DEFINE, TEMPLATE or BLOCK when the parser stopped right after its name."""
        stack = self.stack
        if stack and isinstance(stack[-1], _Name):
            return str(stack[-2].type)  # the keyword the name follows
        return None

    def pipeline_error(self, context: str) -> _Fail:
        tok = self.tok
        if tok.type in ("RDELIM", "RPAREN"):
            return _Fail(tok, "missing value for %s", context)
        return _Fail(tok, "unexpected %s in %s", token_text(tok), context)

    def pipeline_context(self) -> str:
        stack = self.stack
        for i in range(len(stack) - 1, -1, -1):
            value = stack[i]
            if isinstance(value, _Name):
                owner = stack[i - 1]
                return "template clause" if owner.type == "TEMPLATE" else "block clause"
            if isinstance(value, Tok):
                context = {
                    "LDELIM": "command",
                    "IF": "if",
                    "WITH": "with",
                    "RANGE": "range",
                    "LPAREN": "parenthesized pipeline",
                }.get(value.type)
                if context is not None:
                    return context
        return "command"

    def owner(self, stack: list[Any]) -> tuple[str, bool]:
        """The construct whose list is being parsed, and whether it is its else list."""
        in_else = False
        for i in range(len(stack) - 1, -1, -1):
            value = stack[i]
            if isinstance(value, _ElseMark):
                in_else = True
            elif isinstance(value, _BlockHead):
                return "block", False
            elif isinstance(value, Tok) and value.type in (
                "IF",
                "WITH",
                "RANGE",
                "DEFINE",
                "BLOCK",
            ):
                return value.type.lower(), in_else
        return "top", False

    def innermost_open(self) -> tuple[str, int] | None:
        """The keyword and position of the innermost block still open: its
        ``{{else if}}`` and ``{{else with}}`` count as the ``{{if}}`` they continue,
        which the one ``{{end}}`` closes."""
        stack = self.stack
        for i in range(len(stack) - 1, -1, -1):
            value = stack[i]
            if isinstance(value, _BlockHead):
                return "block", value.name_tok.pos
            if isinstance(value, Tok) and value.type in ("IF", "WITH", "RANGE", "DEFINE", "BLOCK"):
                if i and value.type in ("IF", "WITH") and _is_tok(stack[i - 1], "ELSE"):
                    continue
                return value.type.lower(), value.pos
        return None

    def delimited(self, word: str) -> str:
        return f"{self.b.src.left}{word}{self.b.src.right}"

    def else_error(self) -> _Fail:
        """``{{else if}}`` or ``{{else with}}`` where Go does not chain them."""
        tok = self.tok
        owner, in_else = self.owner(self.stack[:-1])
        if owner in ("if", "with", "range") and not in_else:
            return _Fail(tok, "unexpected %s in %s", token_text(tok), "input")
        return self.misplaced_else(owner, in_else, tok)

    def misplaced_else(self, owner: str, in_else: bool, at: Tok) -> _Fail:
        word = self.delimited("else")
        if owner == "top":
            return _Fail(at, "unexpected %s", word)
        if owner == "block":
            # Go's block body is a tree of its own; the block's tree, which reports
            # this, still stands at the end of the block's action.
            head = next(v for v in reversed(self.stack) if isinstance(v, _BlockHead))
            return _Fail(head.rdelim, "unexpected %s in %s", word, "block clause")
        if owner == "define":
            return _Fail(at, "unexpected %s in %s", word, "define clause")
        return _Fail(at, "expected end; found %s", word)

    def list_error(self) -> _Fail:
        tok = self.tok
        owner, in_else = self.owner(self.stack)
        if tok.type == "$END":
            fail = _Fail(tok, "unexpected EOF")
            fail.open_at = self.innermost_open()
            return fail
        if tok.type in ("END", "ELSE"):
            after = self.next_tok()
            if after.type in ("ERROR", "FAIL"):
                return _token_failure(after)
            if tok.type == "ELSE" and after.type in ("IF", "WITH"):
                return self.misplaced_else(owner, in_else, after)
            if after.type != "RDELIM":
                keyword = tok.type.lower()
                return _Fail(after, "unexpected %s in %s", token_text(after), keyword)
            if tok.type == "END":
                return _Fail(after, "unexpected %s", self.delimited("end"))
            return self.misplaced_else(owner, in_else, after)
        return _Fail(tok, "unexpected %s in %s", token_text(tok), "command")
