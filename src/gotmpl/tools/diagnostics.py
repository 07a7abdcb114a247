"""Error excerpts: the source line below Go's message, a caret under what failed,
and the block a template ended inside.

Go's message stays as it is (``str(err)``); :func:`excerpt` gives the lines a
command prints under it::

    template: alert.tmpl:3:15: executing "alert.tmpl" at <.Labels.severity>: ...
      3 | {{ .Alerts.Firing.Labels.severity }}
        |    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

Positions come from the token Go's parser stopped at (``ParseError.span``) or
from the node Go's execution names (``ExecError.at``), whose extent is found
by lexing the source again: Go's column points at the first field after the
term of a chain (``.severity`` in ``.Labels.severity``), a node does not know
where it ends, and an ``{{if}}`` is positioned at its pipeline. Ranges count
characters, Go's columns bytes; the caret line keeps the line's tabs and
gives wide characters two cells, so it lines up in a terminal.
"""

from __future__ import annotations

import bisect
import difflib
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import OpenBlock, ParseError, TemplateError
from ..gostd.strconv import quote
from ..parse import nodes
from ..parse.scanner import Tok, lex

if TYPE_CHECKING:
    from ..html import Template as HTMLTemplate
    from ..parse.nodes import Source
    from ..template import Template

__all__ = [
    "UndefinedTemplate",
    "col_range",
    "excerpt",
    "node_span",
    "open_block",
    "source_line",
    "undefined_templates",
]

# A source line longer than this is shown as a window around what failed.
MAX_SHOWN = 100
_CONTEXT = 30  # characters kept before the range in such a window


def source_line(err: TemplateError) -> str | None:
    """The line ``err`` points at, without its line break; None without a source."""
    if err.source is None or err.line is None:
        return None
    bounds = _line_bounds(err.source.text, err.line)
    return None if bounds is None else err.source.text[bounds[0] : bounds[1]]


def col_range(err: TemplateError) -> tuple[int, int] | None:
    """The characters of ``err.source_line`` the error is about (see
    ``TemplateError.col_range``); None without a source or a position."""
    span = err.span
    if err.source is None or err.line is None or span is None:
        return None
    bounds = _line_bounds(err.source.text, err.line)
    return None if bounds is None else _clip(span, bounds)


def open_block(err: ParseError) -> OpenBlock | None:
    """The innermost block still open where the text ended, for an ``unexpected EOF``."""
    if err.open_at is None or err.source is None:
        return None
    keyword, pos = err.open_at
    src = err.source
    start, end = _action_around(src, pos)
    line = src.text.count("\n", 0, start) + 1
    bounds = _line_bounds(src.text, line)
    assert bounds is not None
    shown = _clip((start, end), bounds)
    assert shown is not None
    return OpenBlock(keyword, src.parse_name, line, shown, src.text[bounds[0] : bounds[1]])


def excerpt(err: TemplateError) -> list[str]:
    """The lines to print below Go's message: the source line and a caret line
    under the offending characters, and for a template that ended inside a
    block, where that block opened (``{{if}} opened at unclosed.tmpl:3``) with
    its line and caret. Empty when the error has no position in a source; an
    empty line (the end of a text ending in a newline) is not quoted."""
    quoted: list[tuple[int, str, tuple[int, int] | None]] = []
    line = err.source_line
    if not line or err.line is None:  # an empty last line (a template ending in a newline)
        line = None
    else:
        quoted.append((err.line, line, err.col_range))
    block = err.open_block
    if block is not None:
        quoted.append((block.line, block.source_line, block.col_range))
    if not quoted:
        return []
    width = len(str(max(n for n, _, _ in quoted)))
    out = _quote(*quoted[0], width) if line is not None else []
    if block is not None:
        out.append(str(block))
        out += _quote(*quoted[-1], width)
    return out


def node_span(node: nodes.Node) -> tuple[int, int]:
    """``(start, end)``: the characters of ``node.src.text`` that ``node`` was parsed from.

    An ``{{if}}``, ``{{range}}``, ``{{with}}``, ``{{template}}``, ``{{break}}``
    or ``{{continue}}`` is its (opening) action, delimiters included.
    """
    if isinstance(node, nodes.ActionNode) and node.extent != (0, 0):
        return node.extent
    if isinstance(node, nodes.TextNode):
        return node.pos, node.pos + len(node.text)
    src = node.src
    if isinstance(
        node, (nodes.BranchNode, nodes.TemplateNode, nodes.BreakNode, nodes.ContinueNode)
    ):
        return _action_around(src, node.pos)
    toks = _tokens(src)
    i = _token_at(toks, node.pos)
    if i is None:  # not at a token (a list, an empty pipeline): the one character
        return node.pos, node.pos + 1
    if isinstance(node, (nodes.FieldNode, nodes.VariableNode, nodes.ChainNode)):
        return _chain_span(node, toks, i)
    if isinstance(node, (nodes.CommandNode, nodes.PipeNode)):
        return node.pos, _pipeline_end(toks, i, isinstance(node, nodes.CommandNode))
    return node.pos, _end(toks[i])


@dataclass(frozen=True)
class UndefinedTemplate:
    """A ``{{template "name"}}`` that no template of the set defines.

    Go's parser accepts it and its execution fails only when it reaches the
    call. ``error`` is positioned at the call (``template: FILE:LINE:COL:
    template "name" not defined``, with Go's byte column of the name, and
    ``(did you mean "x"?)`` when a defined name is close); ``suggestions`` are
    the defined names closest to ``name``, best first.
    """

    name: str
    error: TemplateError
    suggestions: tuple[str, ...]


def undefined_templates(t: Template | HTMLTemplate) -> list[UndefinedTemplate]:
    """Every ``{{template}}`` call in ``t``'s set (all its templates) whose name no
    template defines, in source order per file."""
    members = t.templates()
    defined = sorted(m.name for m in members if m.tree is not None)
    found: dict[int, UndefinedTemplate] = {}
    seen: set[int] = set()
    for member in members:
        todo: list[nodes.Node] = [] if member.tree is None else [member.tree]
        while todo:
            node = todo.pop()
            if id(node) in seen:  # a tree shared by two names
                continue
            seen.add(id(node))
            if isinstance(node, nodes.ListNode):
                todo.extend(node.nodes)
            elif isinstance(node, nodes.BranchNode):
                todo.append(node.list)
                if node.else_list is not None:
                    todo.append(node.else_list)
            elif isinstance(node, nodes.TemplateNode) and node.name not in defined:
                found[id(node)] = _undefined(node, defined)
    return sorted(
        found.values(),
        key=lambda u: (u.error.source.parse_name if u.error.source else "", u.error.span),
    )


def _undefined(node: nodes.TemplateNode, defined: list[str]) -> UndefinedTemplate:
    suggestions = tuple(difflib.get_close_matches(node.name, defined, n=3, cutoff=0.6))
    line, col = node.location()
    message = (
        f"template: {node.src.parse_name}:{line}:{col}: template {quote(node.name)} not defined"
    )
    if suggestions:
        message += f" (did you mean {quote(suggestions[0])}?)"
    error = TemplateError(
        message,
        name=node.src.parse_name,
        line=line,
        col=col,
        source=node.src,
        span=node_span(node),
    )
    return UndefinedTemplate(node.name, error, suggestions)


# -- lines -----------------------------------------------------------------------------


def _line_bounds(text: str, line: int) -> tuple[int, int] | None:
    """Where 1-based ``line`` starts and ends (before ``\\n`` or ``\\r\\n``) in ``text``."""
    if line < 1:
        return None
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    end = text.find("\n", start)
    if end < 0:
        end = len(text)
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


def _clip(span: tuple[int, int], bounds: tuple[int, int]) -> tuple[int, int] | None:
    """``span`` (text offsets) as character offsets on the line ``bounds`` delimits.

    An empty span (the end of the text, a lexer error) is the one character at
    it, which at the end of the line is the position past its last character.
    """
    start, end = span
    line_start, line_end = bounds
    end = max(end, start + 1)
    if start > line_end or end <= line_start:
        return None
    start = max(start, line_start)
    end = min(end, line_end)
    if end <= start:  # at the end of the line
        end = start + 1
    return start - line_start, end - line_start


def _cells(ch: str) -> int:
    """Terminal cells a character takes: two for wide ones, none for combining marks."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _quote(number: int, line: str, shown: tuple[int, int] | None, width: int) -> list[str]:
    """``N | line`` and, when there is a range, ``  | ^^^`` under it."""
    offset = 0
    if len(line) > MAX_SHOWN:
        start = 0 if shown is None else max(0, shown[0] - _CONTEXT)
        stop = start + MAX_SHOWN
        if shown is not None and shown[1] > stop:  # a long range: keep its start in view
            stop = shown[1]
        prefix = "..." if start else ""
        suffix = "..." if stop < len(line) else ""
        line = prefix + line[start:stop] + suffix
        offset = start - len(prefix)
    out = [f"{number:>{width}} | {line}"]
    if shown is not None:
        start, end = shown[0] - offset, shown[1] - offset
        pad = "".join(c if c == "\t" else " " * _cells(c) for c in line[:start])
        under = sum(max(_cells(c), 1) for c in line[start:end])
        under += max(0, end - max(start, len(line)))  # past the end of the line
        out.append(f"{'':>{width}} | {pad}{'^' * under}")
    return out


# -- nodes and tokens ------------------------------------------------------------------

_last_lexed: tuple[Source, list[Tok]] | None = None


def _tokens(src: Source) -> list[Tok]:
    """Go's tokens for the source (the last one's kept: errors of one text come together)."""
    global _last_lexed
    last = _last_lexed
    if last is not None and last[0] is src:
        return last[1]
    toks = [t for t in lex(src.text, src.left, src.right) if t.type != "SPACE"]
    _last_lexed = (src, toks)
    return toks


def _token_at(toks: list[Tok], pos: int) -> int | None:
    i = bisect.bisect_left(toks, pos, key=lambda t: t.pos)
    return i if i < len(toks) and toks[i].pos == pos else None


def _end(tok: Tok) -> int:
    return tok.pos + len(tok.value)


def _action_around(src: Source, pos: int) -> tuple[int, int]:
    """The action (delimiters included) holding the token at ``pos``."""
    toks = _tokens(src)
    i = bisect.bisect_right(toks, pos, key=lambda t: t.pos) - 1
    start = i
    while start > 0 and toks[start].type != "LDELIM":
        start -= 1
    end = i
    while end < len(toks) - 1 and toks[end].type != "RDELIM":
        end += 1
    return toks[start].pos, _end(toks[end])


def _chain_span(node: nodes.Node, toks: list[Tok], i: int) -> tuple[int, int]:
    """A field chain (``.A.B``, ``$x.A``, ``(pipe).A``): Go positions it at the first
    field after its term when there are fields after the term."""
    j = i
    while j + 1 < len(toks) and toks[j + 1].type == "FIELD" and toks[j + 1].pos == _end(toks[j]):
        j += 1
    end = _end(toks[j])
    if isinstance(node, nodes.ChainNode):
        chained = True
    else:
        assert isinstance(node, (nodes.FieldNode, nodes.VariableNode))
        chained = j - i + 1 < len(node.names)
    if not chained or i == 0:
        return node.pos, end
    term = i - 1
    if toks[term].type == "RPAREN":  # back to the "(" that opens the pipeline
        depth = 0
        while term > 0:
            kind = toks[term].type
            depth += kind == "RPAREN"
            depth -= kind == "LPAREN"
            if depth == 0:
                break
            term -= 1
    return toks[term].pos, end


def _pipeline_end(toks: list[Tok], i: int, command: bool) -> int:
    """Where the pipeline (or, with ``command``, the command) starting at token ``i`` ends."""
    depth = 0
    last = i
    for j in range(i, len(toks)):
        kind = toks[j].type
        if depth == 0 and (
            kind in ("RDELIM", "RPAREN", "ERROR", "$END") or (command and kind == "PIPE")
        ):
            break
        depth += kind == "LPAREN"
        depth -= kind == "RPAREN"
        last = j
    return _end(toks[last])
