"""html/template's escaping errors: Go's ErrorCode values and ``html/template:...`` texts."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..errors import ExecError
from ..gostd import fmt as gofmt
from ..parse.nodes import Node

__all__ = ["ErrorCode", "EscapeError", "Problem", "problem"]


ErrorCode = enum.IntEnum(
    "ErrorCode",
    "OK AMBIG_CONTEXT BAD_HTML BRANCH_END END_CONTEXT NO_SUCH_TEMPLATE OUTPUT_CONTEXT"
    " PARTIAL_CHARSET PARTIAL_ESCAPE RANGE_LOOP_REENTRY SLASH_AMBIG PREDEFINED_ESCAPER"
    " JS_TEMPLATE",
    start=0,
)
ErrorCode.__doc__ = "Go's ``template.ErrorCode``: the kind of an escaping error (same numbers)."


@dataclass(eq=False)
class Problem:
    """An escaping error while the escaper still works on it (Go's ``*Error``).

    It is changed in place, as Go changes its ``*Error``: the escaper names the
    template once it knows it, and range loops prefix the description.
    """

    code: ErrorCode
    node: Node | None
    line: int
    description: str
    name: str = ""

    def __str__(self) -> str:
        if self.node is not None:
            line, col = self.node.location()
            return f"html/template:{self.node.src.parse_name}:{line}:{col}: {self.description}"
        if self.line:
            return f"html/template:{self.name}:{self.line}: {self.description}"
        if self.name:
            return f"html/template:{self.name}: {self.description}"
        return f"html/template: {self.description}"

    def exception(self) -> EscapeError:
        """The error execute() raises for this problem."""
        line: int | None = self.line or None
        col = None
        if self.node is not None:
            line, col = self.node.location()
        error = EscapeError(
            str(self), name=self.name, line=line, col=col, reason=self.description, at=self.node
        )
        error.code = self.code
        return error


def problem(code: ErrorCode, node: Node | None, line: int, format: str, *args: object) -> Problem:
    """Go's errorf: a Problem whose description is ``format`` formatted as Go's fmt does."""
    return Problem(code, node, line, gofmt.sprintf(format, *args))


class EscapeError(ExecError):
    """A template could not be escaped: ``html/template:NAME:LINE:COL: DESCRIPTION``.

    Raised by ``execute`` and ``execute_template`` (escaping happens on first
    execution, as in Go); ``code`` is the ErrorCode and ``reason`` the description.
    """

    code: ErrorCode = ErrorCode.OK
