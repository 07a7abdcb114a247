"""Go types Python lacks: sized and unsigned integers, typed maps and slices.

Plain Python data is untyped in Go's eyes (a ``dict`` is ``map[string]interface
{}``). These wrappers give data the Go type it would have in a Go program, which
decides a few visible things: the zero value ``missingkey=zero`` and ``index``
produce for a missing key (``""`` for ``map[string]string``, ``<nil>`` for
``map[string]interface {}``), ``%T``, and which functions accept the value.

    labels = gotmpl.StringMap({"severity": "page"})   # map[string]string
    names = gotmpl.StringSlice(["a", "b"])             # []string
    gotmpl.typed_map("int", "float64")                 # a map[int]float64 class
"""

from __future__ import annotations

import functools
from typing import Any

from .values import BASIC_KINDS, BOOL, COMPLEX, FLOAT, INT, STRING, UINT

__all__ = [
    "GoInt",
    "Int64",
    "StringMap",
    "StringSlice",
    "TypedMap",
    "TypedSlice",
    "Uint",
    "Uint8",
    "Uint64",
    "typed_int",
    "typed_map",
    "typed_slice",
]

# The zero value of each of Go's predeclared types, by its kind.
_ZERO_OF_KIND = {BOOL: False, INT: 0, UINT: 0, FLOAT: 0.0, COMPLEX: 0j, STRING: ""}
_ZERO = {name: _ZERO_OF_KIND[k] for name, k in BASIC_KINDS.items()}


class GoInt(int):
    """Base of integers with a Go type other than ``int``."""

    __go_type__ = "int"
    __go_kind__ = "int"

    def __repr__(self) -> str:
        return f"{self.__go_type__}({int(self)})"


@functools.cache
def typed_int(go_type: str) -> type[GoInt]:
    """The class of Go integers of type ``go_type`` (``"uint8"``, ``"int64"``, ...)."""
    if BASIC_KINDS.get(go_type) not in (INT, UINT):
        raise ValueError(f"not a Go integer type: {go_type}")
    return type(go_type.capitalize(), (GoInt,), {"__go_type__": go_type, "__go_kind__": go_type})


Uint = typed_int("uint")
Uint8 = typed_int("uint8")
Uint64 = typed_int("uint64")
Int64 = typed_int("int64")


class TypedMap(dict):
    """A ``dict`` with a Go map type; subclasses set the key and element types."""

    __go_type__ = "map[string]interface {}"
    __go_key__ = "string"
    __go_zero__: Any = None


class StringMap(TypedMap):
    """``map[string]string``: a missing key reads as ``""``."""

    __go_type__ = "map[string]string"
    __go_zero__ = ""


@functools.cache
def typed_map(key: str, elem: str) -> type[TypedMap]:
    """The class of Go maps ``map[key]elem``; missing elements read as elem's zero."""
    if (key, elem) == ("string", "string"):
        return StringMap  # one class per Go type, and this one can be subclassed by name
    return type(
        f"Map_{key}_{elem}",
        (TypedMap,),
        {
            "__go_type__": f"map[{key}]{elem}",
            "__go_key__": key,
            "__go_zero__": _ZERO.get(elem),
        },
    )


class TypedSlice(list):
    """A ``list`` with a Go slice type."""

    __go_type__ = "[]interface {}"


class StringSlice(TypedSlice):
    """``[]string``."""

    __go_type__ = "[]string"


@functools.cache
def typed_slice(elem: str) -> type[TypedSlice]:
    """The class of Go slices ``[]elem``."""
    if elem == "string":
        return StringSlice  # one class per Go type, and this one can be subclassed by name
    return type(f"Slice_{elem}", (TypedSlice,), {"__go_type__": f"[]{elem}"})
