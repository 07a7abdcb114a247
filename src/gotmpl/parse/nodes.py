"""Template syntax tree: immutable nodes whose ``str()`` is Go's ``Node.String()``.

Every node carries ``pos`` (a character offset into the source) and ``src`` (the
parsed text, its delimiters and the name errors are reported under), so that an
execution error can name the line, the byte column and the node as Go does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from .. import pycode
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
    "node_class",
    "replace",
]

_C = TypeVar("_C", bound=type)

if TYPE_CHECKING:  # typing has it from Python 3.11; mypy needs it to see the fields
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Any:
        return lambda decorator: decorator


@dataclass_transform(frozen_default=True, eq_default=False)
def node_class(cls: _C) -> _C:
    """The class with ``__slots__`` and an ``__init__`` taking its annotated fields
    (the bases' first; a class attribute of the same name is the default): how
    every node class is made, a Node subclass elsewhere included.

    What ``dataclass(frozen=True, slots=True, eq=False)`` would make, at a tenth
    of its cost: twenty-odd node classes made a dataclass each took 9 ms of
    ``import gotmpl``.
    """
    inherited: tuple[str, ...] = getattr(cls, "_fields", ())
    own = tuple(n for n in vars(cls).get("__annotations__", {}) if n not in inherited)
    fields = (*inherited, *own)
    body = vars(cls)
    # A field's default is a class attribute of its name, which the slot replaces.
    namespace = {k: v for k, v in body.items() if k not in (*fields, "__dict__", "__weakref__")}
    defaults = {**getattr(cls, "_defaults", {}), **{n: body[n] for n in fields if n in body}}
    params = ", ".join(f"{n}=defaults[{n!r}]" if n in defaults else n for n in fields)
    namespace.update(__slots__=own, _fields=fields, _defaults=defaults)
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    # Each field is set through its slot's descriptor (``set_1(self, value)``):
    # a quarter faster than object.__setattr__, which looks the name up first,
    # and the parser makes hundreds of nodes per template.
    setters = {f"set_{i}": getattr(made, n).__set__ for i, n in enumerate(fields)}
    lines = [
        f"def __init__(self, {params}):",
        *(f"    set_{i}(self, {n})" for i, n in enumerate(fields)),
    ]
    init = pycode.function("__init__", lines, {**setters, "defaults": defaults})
    init.__qualname__ = f"{made.__qualname__}.__init__"
    made.__init__ = init  # type: ignore[misc]
    return made


_N = TypeVar("_N", bound="Source | Node")


def replace(node: _N, **changes: Any) -> _N:
    """A copy of ``node`` with ``changes`` to its fields."""
    values = {n: getattr(node, n) for n in type(node)._fields}
    unknown = changes.keys() - values.keys()
    if unknown:
        raise TypeError(f"{type(node).__name__} has no field {sorted(unknown)[0]!r}")
    return type(node)(**{**values, **changes})


class _Frozen:
    """What makes nodes immutable: trees are shared (the parse cache, clones)."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: {type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: {type(self).__name__} is immutable")

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields if n != "src")
        return f"{type(self).__name__}({shown})"


@node_class
class Source(_Frozen):
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


@node_class
class Node(_Frozen):
    """Base of all nodes."""

    pos: int
    src: Source

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


@node_class
class TextNode(Node):
    text: str

    def __str__(self) -> str:
        return self.text


@node_class
class DotNode(Node):
    def __str__(self) -> str:
        return "."


@node_class
class NilNode(Node):
    def __str__(self) -> str:
        return "nil"


@node_class
class BoolNode(Node):
    value: bool

    def __str__(self) -> str:
        return "true" if self.value else "false"


@node_class
class NumberNode(Node):
    """A numeric constant with every Go type that can hold it, like Go's ideal constants."""

    text: str
    int_value: int | None = None  # set when the value fits an int64
    uint_value: int | None = None  # set when the value fits a uint64
    float_value: float | None = None  # set when the value is representable as float64
    complex_value: complex | None = None  # set for imaginary and complex constants

    def __str__(self) -> str:
        return self.text


@node_class
class StringNode(Node):
    quoted: str
    text: str

    def __str__(self) -> str:
        return self.quoted


@node_class
class IdentifierNode(Node):
    """A function name."""

    name: str

    def __str__(self) -> str:
        return self.name


@node_class
class FieldNode(Node):
    """``.A.B``: the names without their dots."""

    names: tuple[str, ...]

    def __str__(self) -> str:
        return "".join("." + n for n in self.names)


@node_class
class VariableNode(Node):
    """``$x.A.B``: ``names[0]`` is the variable, dollar included."""

    names: tuple[str, ...]

    def __str__(self) -> str:
        return ".".join(self.names)


@node_class
class ChainNode(Node):
    """A term followed by field accesses: ``(pipeline).A.B``."""

    node: Operand
    fields: tuple[str, ...]

    def parts(self) -> tuple[str | Node, ...]:
        fields = "".join("." + f for f in self.fields)
        if isinstance(self.node, PipeNode):
            return ("(", self.node, ")", fields)
        return (self.node, fields)


@node_class
class CommandNode(Node):
    args: tuple[Operand, ...]

    def parts(self) -> tuple[str | Node, ...]:
        out: list[str | Node] = []
        for a in self.args:
            if out:
                out.append(" ")
            out += ("(", a, ")") if isinstance(a, PipeNode) else (a,)
        return tuple(out)


@node_class
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


@node_class
class ActionNode(Node):
    pipe: PipeNode
    # Where the action's source text starts and ends (delimiters included).
    extent: tuple[int, int] = (0, 0)

    def source(self) -> str:
        """The action as written in the template, delimiters and spaces included."""
        start, end = self.extent
        return self.src.text[start:end]

    def parts(self) -> tuple[str | Node, ...]:
        return (self.src.left, self.pipe, self.src.right)


@node_class
class ListNode(Node):
    nodes: tuple[Node, ...]

    def parts(self) -> tuple[str | Node, ...]:
        return self.nodes


@node_class
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


@node_class
class IfNode(BranchNode):
    keyword = "if"


@node_class
class RangeNode(BranchNode):
    keyword = "range"


@node_class
class WithNode(BranchNode):
    keyword = "with"


@node_class
class TemplateNode(Node):
    name: str
    pipe: PipeNode | None

    def parts(self) -> tuple[str | Node, ...]:
        head = f"{self.src.left}template {quote(self.name)}"
        if self.pipe is None:
            return (head, self.src.right)
        return (head, " ", self.pipe, self.src.right)


@node_class
class BreakNode(Node):
    def __str__(self) -> str:
        return f"{self.src.left}break{self.src.right}"


@node_class
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
