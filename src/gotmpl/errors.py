"""Exceptions raised by gotmpl; ``str(err)`` is exactly Go's ``err.Error()``.

Besides Go's text, an error that points into a template carries what a tool
needs to show the place: :attr:`TemplateError.source_line` (the line Go's
message names), :attr:`TemplateError.col_range` (the characters of that line
to underline) and, for a template that ends inside a block,
:attr:`TemplateError.open_block` (the innermost ``{{if}}``, ``{{range}}`` ...
still open, and where it opened). ``gotmpl.tools.diagnostics.excerpt`` turns
them into the lines a command prints below Go's message.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .parse.nodes import Node, Source

__all__ = ["ExecError", "LimitExceeded", "OpenBlock", "ParseError", "TemplateError"]


@dataclasses.dataclass(frozen=True)
class OpenBlock:
    """A block a template ended inside (Go's ``unexpected EOF``).

    ``keyword`` is ``if``, ``range``, ``with``, ``define`` or ``block``; ``name``
    the file or template name its line counts in; ``line`` the 1-based line of
    the action that opened it, ``source_line`` that line's text and
    ``col_range`` the characters of the action on it (as
    :attr:`TemplateError.col_range`).
    """

    keyword: str
    name: str
    line: int
    col_range: tuple[int, int]
    source_line: str

    def __str__(self) -> str:
        return f"{{{{{self.keyword}}}}} opened at {self.name}:{self.line}"


class TemplateError(Exception):
    """Base class of every error gotmpl raises for a template or its data.

    ``name`` is the template being parsed or executed, ``line`` its 1-based line and
    ``col`` the 0-based byte column Go reports (``None`` where Go reports none).
    ``source`` is the parsed text the position is in, when there is one (its
    ``parse_name`` is the file or template the line numbers count in), and
    ``span`` the character offsets into ``source.text`` of what the error is
    about (a token, a node or an action), from which :attr:`col_range` derives.
    """

    def __init__(
        self,
        message: str,
        *,
        name: str = "",
        line: int | None = None,
        col: int | None = None,
        source: Source | None = None,
        span: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.name = name
        self.line = line
        self.col = col
        self.source = source
        self._span = span

    def __str__(self) -> str:
        return self.message

    @property
    def span(self) -> tuple[int, int] | None:
        """``(start, end)``: the characters of ``source.text`` the error is about, or None."""
        return self._span

    @property
    def source_line(self) -> str | None:
        """The text of the line Go's message points at (without its line break), or None."""
        from .tools.diagnostics import source_line

        return source_line(self)

    @property
    def col_range(self) -> tuple[int, int] | None:
        """The characters of :attr:`source_line` the error is about, as ``(start,
        end)`` character offsets (end excluded), or None.

        Go's column is a byte offset and may point inside what failed (for
        ``.Labels.severity`` Go points at ``.severity``); the range covers the
        whole token, node or action, and always Go's column. At the end of the
        line or of the text (``unexpected EOF``, ``unclosed action``) it is the
        one position past the line's last character.
        """
        from .tools.diagnostics import col_range

        return col_range(self)

    @property
    def open_block(self) -> OpenBlock | None:
        """For a template that ended inside a block (``unexpected EOF``), the
        innermost block still open; None otherwise."""
        return None


class ParseError(TemplateError):
    """A template failed to parse: ``template: NAME:LINE: MSG``.

    ``span`` is the token Go's parser stopped at; ``open_at``, for an
    ``unexpected EOF``, the keyword (``if`` ...) and character offset of the
    innermost block still open (set by the parser).
    """

    open_at: tuple[str, int] | None = None

    @property
    def open_block(self) -> OpenBlock | None:
        from .tools.diagnostics import open_block

        return open_block(self)


class ExecError(TemplateError):
    """Execution failed: ``template: NAME:LINE:COL: executing "NAME" at <NODE>: MSG``.

    ``node`` is Go's text of the node being executed, ``reason`` the bare message
    after the context, and ``__cause__`` the Python exception a called function
    raised, when there was one. ``at`` is that node itself; its extent in the
    source (``span``) is worked out when asked for.
    """

    def __init__(
        self,
        message: str,
        *,
        name: str = "",
        line: int | None = None,
        col: int | None = None,
        node: str | None = None,
        reason: str = "",
        at: Node | None = None,
    ) -> None:
        super().__init__(
            message, name=name, line=line, col=col, source=None if at is None else at.src
        )
        self.node = node
        self.reason = reason
        self.at = at

    @property
    def span(self) -> tuple[int, int] | None:
        if self._span is None and self.at is not None:
            from .tools.diagnostics import node_span

            self._span = node_span(self.at)
        return self._span


class LimitExceeded(ExecError):
    """Execution stopped because it went past a ``gotmpl.Limits`` bound."""
