"""Source maps: which template node wrote each span of a rendered output.

``Template.execute_with_source_map`` compiles a tracing variant of the template
(the normal one pays nothing for this) whose text and actions record the output
they write. Tools use it to blame a broken byte in a payload on the template
position that produced it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..parse.nodes import ActionNode, Node

__all__ = ["SourceMap", "Span"]


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` of the output was written by one template node.

    ``template`` is the name the node was parsed under (a file name for
    ``parse_files``); ``line`` and ``column`` are 1-based and count characters,
    as editors do; ``source`` is the node as written (a whole action, delimiters
    included, or a run of text); ``node`` is the node itself.
    """

    start: int
    end: int
    template: str
    line: int
    column: int
    source: str
    node: Node | None = field(default=None, repr=False, compare=False)

    @property
    def location(self) -> str:
        """``template:line:column``."""
        return f"{self.template}:{self.line}:{self.column}"


@dataclass(frozen=True)
class SourceMap:
    """A rendered text and the spans of it each node wrote, in output order."""

    text: str
    spans: tuple[Span, ...]

    def span_at(self, offset: int) -> Span | None:
        """The span covering output character ``offset``, or None."""
        i = bisect.bisect_right([s.start for s in self.spans], offset) - 1
        if i >= 0 and self.spans[i].start <= offset < self.spans[i].end:
            return self.spans[i]
        return None


def build(text: str, writes: list[tuple[int, int, Node]]) -> SourceMap:
    """A SourceMap from the (start, end, node) records of a traced execution."""
    where: dict[int, tuple[str, int, int, str]] = {}
    spans = []
    for start, end, node in writes:
        key = id(node)
        found = where.get(key)
        if found is None:
            found = where[key] = _describe(node)
        template, line, column, source = found
        spans.append(Span(start, end, template, line, column, source, node))
    return SourceMap(text, tuple(spans))


def _describe(node: Node) -> tuple[str, int, int, str]:
    src = node.src
    if isinstance(node, ActionNode):
        start = node.extent[0]
        source = node.source()
    else:
        start = node.pos
        source = str(node)
    line = src.text.count("\n", 0, start) + 1
    column = start - (src.text.rfind("\n", 0, start) + 1) + 1
    return src.parse_name, line, column, source
