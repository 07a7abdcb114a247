"""The error a configuration that cannot be read raises."""

from __future__ import annotations

from ..errors import TemplateError

__all__ = ["ConfigError"]


class ConfigError(TemplateError):
    """An Alertmanager configuration that cannot be read: ``FILE:LINE: message``.

    ``name`` is the file, ``line`` the 1-based line (None when unknown) and
    ``reason`` the message alone. Raised without a file name, it is
    ``line N: message`` until the reader that knows the file adds it
    (:meth:`in_file`).
    """

    def __init__(self, reason: str, *, name: str = "", line: int | None = None) -> None:
        where = ":".join(p for p in (name, "" if line is None else str(line)) if p)
        if not name and line is not None:
            where = f"line {line}"
        super().__init__(f"{where}: {reason}" if where else reason, name=name, line=line)
        self.reason = reason

    def in_file(self, name: str) -> ConfigError:
        """The same error, said of file ``name``."""
        return self if self.name else ConfigError(self.reason, name=name, line=self.line)
