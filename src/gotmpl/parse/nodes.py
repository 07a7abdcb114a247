"""Template syntax tree: frozen dataclasses whose ``str()`` is Go's ``Node.String()``.

Every node carries ``pos`` (a character offset into the source) and ``src`` (the
parsed text, its delimiters and the name errors are reported under), so that an
execution error can name the line, the byte column and the node as Go does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..gostd.strconv import go_bytes, quote

__all__ = [
    "ActionNode",
    "BoolNode",
    "BranchNode",
    "BreakNode",
    "ChainNode",
    "CommandNode",
    "ContinueNode",
    "DotNode",
    "FieldNode",
    "IdentifierNode",
    "IfNode",
    "ListNode",
    "NilNode",
    "Node",
    "NumberNode",
    "PipeNode",
    "RangeNode",
    "Source",
    "StringNode",
    "TemplateNode",
    "TextNode",
    "VariableNode",
    "WithNode",
]


@dataclass(frozen=True, slots=True, eq=False)
class Source:
    """The text one ``parse()`` call read: positions in nodes index into it."""

    parse_name: str
    text: str
    left: str
    right: str

    def location(self, pos: int) -> tuple[int, int]:
        """Go's line (1-based) and byte column (0-based) of character offset ``pos``."""
        text = self.text
        line_start = text.rfind("\n", 0, pos) + 1
        line = text.count("\n", 0, pos) + 1
        return line, len(go_bytes(text[line_start:pos]))


@dataclass(frozen=True, slots=True, eq=False)
class Node:
    """Base of all nodes."""

    pos: int
    src: Source = field(repr=False)

    def location(self) -> tuple[int, int]:
        return self.src.location(self.pos)

    def parts(self) -> tuple[str | Node, ...] | None:
        """The texts and nodes whose strings, in order, make this node's; None for a
        node without nodes inside, which defines ``__str__`` itself."""
        return None

    def __str__(self) -> str:
        # Trees nest deeper than Python's recursion limit (thousands of parentheses
        # or ifs), so the parts are written out with a stack of their own.
        out: list[str] = []
        todo: list[str | Node] = [self]
        while todo:
            item = todo.pop()
            if isinstance(item, str):
                out.append(item)
                continue
            parts = item.parts()
            if parts is None:
                out.append(str(item))
            else:
                todo.extend(reversed(parts))
        return "".join(out)


@dataclass(frozen=True, slots=True, eq=False)
class TextNode(Node):
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True, eq=False)
class DotNode(Node):
    def __str__(self) -> str:
        return "."


@dataclass(frozen=True, slots=True, eq=False)
class NilNode(Node):
    def __str__(self) -> str:
        return "nil"


@dataclass(frozen=True, slots=True, eq=False)
class BoolNode(Node):
    value: bool

    def __str__(self) -> str:
        return "true" if self.value else "false"


@dataclass(frozen=True, slots=True, eq=False)
class NumberNode(Node):
    """A numeric constant with every Go type that can hold it, like Go's ideal constants."""

    text: str
    int_value: int | None = None  # set when the value fits an int64
    uint_value: int | None = None  # set when the value fits a uint64
    float_value: float | None = None  # set when the value is representable as float64
    complex_value: complex | None = None  # set for imaginary and complex constants

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True, eq=False)
class StringNode(Node):
    quoted: str
    text: str

    def __str__(self) -> str:
        return self.quoted


@dataclass(frozen=True, slots=True, eq=False)
class IdentifierNode(Node):
    """A function name."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True, eq=False)
class FieldNode(Node):
    """``.A.B``: the names without their dots."""

    names: tuple[str, ...]

    def __str__(self) -> str:
        return "".join("." + n for n in self.names)


@dataclass(frozen=True, slots=True, eq=False)
class VariableNode(Node):
    """``$x.A.B``: ``names[0]`` is the variable, dollar included."""

    names: tuple[str, ...]

    def __str__(self) -> str:
        return ".".join(self.names)


@dataclass(frozen=True, slots=True, eq=False)
class ChainNode(Node):
    """A term followed by field accesses: ``(pipeline).A.B``."""

    node: Operand
    fields: tuple[str, ...]

    def parts(self) -> tuple[str | Node, ...]:
        fields = "".join("." + f for f in self.fields)
        if isinstance(self.node, PipeNode):
            return ("(", self.node, ")", fields)
        return (self.node, fields)


@dataclass(frozen=True, slots=True, eq=False)
class CommandNode(Node):
    args: tuple[Operand, ...]

    def parts(self) -> tuple[str | Node, ...]:
        out: list[str | Node] = []
        for a in self.args:
            if out:
                out.append(" ")
            out += ("(", a, ")") if isinstance(a, PipeNode) else (a,)
        return tuple(out)


@dataclass(frozen=True, slots=True, eq=False)
class PipeNode(Node):
    decl: tuple[VariableNode, ...]
    is_assign: bool
    cmds: tuple[CommandNode, ...]

    def parts(self) -> tuple[str | Node, ...]:
        head = ""
        if self.decl:
            head = ", ".join(map(str, self.decl)) + (" = " if self.is_assign else " := ")
        out: list[str | Node] = [head]
        for i, cmd in enumerate(self.cmds):
            out += (" | ", cmd) if i else (cmd,)
        return tuple(out)


@dataclass(frozen=True, slots=True, eq=False)
class ActionNode(Node):
    pipe: PipeNode
    # Where the action's source text starts and ends (delimiters included).
    extent: tuple[int, int] = field(default=(0, 0), compare=False)

    def source(self) -> str:
        """The action as written in the template, delimiters and spaces included."""
        start, end = self.extent
        return self.src.text[start:end]

    def parts(self) -> tuple[str | Node, ...]:
        return (self.src.left, self.pipe, self.src.right)


@dataclass(frozen=True, slots=True, eq=False)
class ListNode(Node):
    nodes: tuple[Node, ...]

    def parts(self) -> tuple[str | Node, ...]:
        return self.nodes


@dataclass(frozen=True, slots=True, eq=False)
class BranchNode(Node):
    """The shape shared by if, range and with."""

    pipe: PipeNode
    list: ListNode
    else_list: ListNode | None

    keyword = ""

    def parts(self) -> tuple[str | Node, ...]:
        left, right = self.src.left, self.src.right
        out: tuple[str | Node, ...] = (f"{left}{self.keyword} ", self.pipe, right, self.list)
        if self.else_list is not None:
            out += (f"{left}else{right}", self.else_list)
        return (*out, f"{left}end{right}")


@dataclass(frozen=True, slots=True, eq=False)
class IfNode(BranchNode):
    keyword = "if"


@dataclass(frozen=True, slots=True, eq=False)
class RangeNode(BranchNode):
    keyword = "range"


@dataclass(frozen=True, slots=True, eq=False)
class WithNode(BranchNode):
    keyword = "with"


@dataclass(frozen=True, slots=True, eq=False)
class TemplateNode(Node):
    name: str
    pipe: PipeNode | None

    def parts(self) -> tuple[str | Node, ...]:
        head = f"{self.src.left}template {quote(self.name)}"
        if self.pipe is None:
            return (head, self.src.right)
        return (head, " ", self.pipe, self.src.right)


@dataclass(frozen=True, slots=True, eq=False)
class BreakNode(Node):
    def __str__(self) -> str:
        return f"{self.src.left}break{self.src.right}"


@dataclass(frozen=True, slots=True, eq=False)
class ContinueNode(Node):
    def __str__(self) -> str:
        return f"{self.src.left}continue{self.src.right}"


Operand = (
    BoolNode
    | ChainNode
    | DotNode
    | FieldNode
    | IdentifierNode
    | NilNode
    | NumberNode
    | PipeNode
    | StringNode
    | VariableNode
)
