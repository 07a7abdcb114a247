"""Exceptions raised by gotmpl; ``str(err)`` is exactly Go's ``err.Error()``."""

from __future__ import annotations

__all__ = ["ExecError", "LimitExceeded", "ParseError", "TemplateError"]


class TemplateError(Exception):
    """Base class of every error gotmpl raises for a template or its data.

    ``name`` is the template being parsed or executed, ``line`` its 1-based line and
    ``col`` the 0-based byte column Go reports (``None`` where Go reports none).
    """

    def __init__(
        self,
        message: str,
        *,
        name: str = "",
        line: int | None = None,
        col: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.name = name
        self.line = line
        self.col = col

    def __str__(self) -> str:
        return self.message


class ParseError(TemplateError):
    """A template failed to parse: ``template: NAME:LINE: MSG``."""


class ExecError(TemplateError):
    """Execution failed: ``template: NAME:LINE:COL: executing "NAME" at <NODE>: MSG``.

    ``node`` is Go's text of the node being executed, ``reason`` the bare message
    after the context, and ``__cause__`` the Python exception a called function
    raised, when there was one.
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
    ) -> None:
        super().__init__(message, name=name, line=line, col=col)
        self.node = node
        self.reason = reason


class LimitExceeded(ExecError):
    """Execution stopped because it went past a ``gotmpl.Limits`` bound."""
