"""Python functions made from generated source: compiled once per distinct source.

gotmpl writes Python source where a call per step would cost more than the step:
a template's lists and loops, calls with their arguments, fmt's formats, quoting.
Functions of the same shape share one code object; each gets its own globals,
holding the objects its source names.
"""

from __future__ import annotations

import functools
from types import CodeType
from typing import Any

__all__ = ["code", "function"]


def function(name: str, lines: list[str], namespace: dict[str, Any]) -> Any:
    """The function ``name`` that the source ``lines`` define, with ``namespace`` as
    its globals."""
    exec(_code("\n".join(lines)), namespace)
    # Taken out of its own globals, so that the function holds no reference cycle
    # and is freed as soon as it is dropped.
    return namespace.pop(name)


@functools.lru_cache(maxsize=1024)
def code(name: str, source: str) -> CodeType:
    """The code of the function ``name`` that ``source`` (lines joined) defines
    (remembered: each function of a template's first run asks for its shape's)."""
    module = _code(source)
    return next(c for c in module.co_consts if isinstance(c, CodeType) and c.co_name == name)


@functools.lru_cache(maxsize=1024)
def _code(source: str) -> CodeType:
    return compile(source, "<gotmpl>", "exec")
