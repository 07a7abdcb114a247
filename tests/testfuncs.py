"""The oracle's "test" function set (tests/oracle/testfuncs.go) mirrored in Python.

Annotations give each function the Go signature of its counterpart (see
gotmpl.exec.calls): ``int`` is Go's int, ``str`` string, ``Any``
``interface {}``, ``*xs: str`` ``...string``. A raised exception stands for a
returned error or a panic: gotmpl reports either as ``error calling NAME: MSG``,
as Go does. Typed results use gotmpl's Go-typed containers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gotmpl

__all__ = ["TEST_FUNCS", "funcs_with_include"]

_INT64_MIN = -(1 << 63)
_UINT64 = 1 << 64


def _wrap_int(n: int) -> int:
    """Go's int arithmetic: wrap to 64-bit two's complement."""
    return (n - _INT64_MIN) % _UINT64 + _INT64_MIN


def _go_upper_rune(ch: str) -> str:
    """unicode.ToUpper for one rune: a one-rune mapping only; invalid bytes become U+FFFD."""
    if "\udc80" <= ch <= "\udcff":  # a byte of invalid UTF-8 (surrogateescape)
        return "\ufffd"
    up = ch.upper()
    return up if len(up) == 1 else ch


def add(a: int, b: int) -> int:
    """func(a, b int) int"""
    return _wrap_int(a + b)


def concat(*xs: str) -> str:
    """func(xs ...string) string"""
    return "".join(xs)


def fail(msg: str) -> str:
    """func(msg string) (string, error): always returns errors.New(msg)."""
    raise RuntimeError(msg)


fail.__go_results__ = ("string", "error")  # type: ignore[attr-defined]


def boom() -> str:
    """func() string that panics with "boom!"."""
    raise RuntimeError("boom!")


def echo(x: Any) -> Any:
    """func(x any) any"""
    return x


def nothing() -> Any:
    """func() any returning nil."""
    return None


def pair(a: Any, b: Any) -> list[Any]:
    """func(a, b any) []any"""
    return [a, b]


_MAP_STRING_INT = gotmpl.typed_map("string", "int")


def mkmap() -> dict[str, int]:
    """func() map[string]int"""
    return _MAP_STRING_INT({"a": 1, "b": 2})


def strs() -> list[str]:
    """func() []string"""
    return gotmpl.StringSlice(["x", "y", "z"])


def ok() -> int:
    """func() (int, error) returning 7, nil."""
    return 7


ok.__go_results__ = ("int", "error")  # type: ignore[attr-defined]


def upper(s: str) -> str:
    """strings.ToUpper"""
    if s.isascii():
        return s.upper()
    return "".join(_go_upper_rune(ch) for ch in s)


def isodd(n: int) -> bool:
    """func(n int) bool"""
    return n % 2 != 0


def variadic(prefix: str, *xs: int) -> str:
    """func(prefix string, xs ...int) string"""
    return prefix + ",".join(str(x) for x in xs)


TEST_FUNCS: dict[str, Callable[..., Any]] = {
    "add": add,
    "concat": concat,
    "fail": fail,
    "boom": boom,
    "echo": echo,
    "nothing": nothing,
    "pair": pair,
    "mkmap": mkmap,
    "strs": strs,
    "ok": ok,
    "upper": upper,
    "isodd": isodd,
    "variadic": variadic,
}


def funcs_with_include(t: gotmpl.Template) -> dict[str, Callable[..., Any]]:
    """TEST_FUNCS plus include(name, data), which executes a template of ``t``'s set
    into a string (Go: func(string, any) (string, error)), as Helm's include does."""

    def include(name: str, data: Any) -> str:
        return t.execute_template(name, data)  # type: ignore[return-value]

    include.__go_results__ = ("string", "error")  # type: ignore[attr-defined]
    return {**TEST_FUNCS, "include": include}
