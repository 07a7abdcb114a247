"""Go's integer division and remainder, which truncate toward zero (Python's floor)."""

from __future__ import annotations

__all__ = ["quo", "rem"]


def quo(a: int, b: int) -> int:
    """Go's ``a / b`` on integers: truncated toward zero."""
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def rem(a: int, b: int) -> int:
    """Go's ``a % b``: the remainder takes the sign of the dividend."""
    return a - b * quo(a, b)
