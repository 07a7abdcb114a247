"""Go function signatures for Python callables, and Go's argument conversion rules.

A template calls a function or method the way Go's reflect calls a Go func: the
arity is checked, each argument is converted to its parameter's type (Go's
``evalArg`` for literals, ``validateType`` for values) and a failure raises Go's
message. A Python callable's parameters take their Go types from annotations:

=====================  =======================  =================================
annotation             Go parameter type        accepts
=====================  =======================  =================================
none, ``Any``, object  ``interface {}``         anything (a missing value as nil)
``str``                ``string``               strings
``int``                ``int``                  ints (not bools)
``float``              ``float64``              floats
``bool``               ``bool``                 bools
``list``, ``list[X]``  ``[]interface {}``, []X  slices of that Go type
``dict``, ``dict[K,V]`` ``map[...]``            maps of that Go type
a class                its Go type name         values of that type
=====================  =======================  =================================

``*args`` makes the function variadic. A function may also declare its Go
signature outright in ``__go_params__`` (a tuple of type names, the last one
starting with ``...`` if variadic) and ``__go_results__`` (its result types).
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from .. import values
from ..errors import ExecError, LimitExceeded
from ..gostd.fmt import GoErr, errorf
from ..parse.nodes import Node
from ..values import MISSING, type_name

__all__ = [
    "ANY",
    "NO_FINAL",
    "VALUE",
    "CallFailed",
    "Signature",
    "convert",
    "go_type_of_annotation",
    "raise_call_error",
    "signature_of",
    "type_kind",
]

ANY = "interface {}"  # Go's empty interface: any value
VALUE = "reflect.Value"  # what the builtins take: the value itself, missing or not


class _NoFinal:
    """The absence of a value piped into a command (Go's missingVal)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_FINAL"


NO_FINAL: Any = _NoFinal()


def raise_call_error(
    error: Callable[..., ExecError], node: Node, name: str, exc: Exception
) -> NoReturn:
    """Raises what Go reports when calling function or method ``name`` at ``node`` failed.

    Go's ``error calling NAME: ...``, caused by ``exc``. An ExecError from a
    function that executes templates itself is wrapped too, as Go wraps the error
    its Execute returns; only LimitExceeded, which ends the whole run, passes
    unchanged. ``error`` is the compiler's ``error(node, format, *args)``.
    """
    if isinstance(exc, LimitExceeded):
        raise exc
    raise error(node, "error calling %s: %w", name, GoErr(str(exc))) from exc


class CallFailed(Exception):
    """Go's message for a failed argument check or signature check, as the format
    and arguments Go's errorf gets (``str()`` is the formatted message)."""

    def __init__(self, format: str, *args: Any) -> None:
        super().__init__(errorf(format, *args))
        self.format = format
        self.fargs = args


@dataclass(frozen=True, slots=True)
class Signature:
    """The Go view of a callable: parameter types, variadic element type, results."""

    params: tuple[str, ...]
    variadic: str | None = None
    results_error: str | None = None  # Go's goodFunc complaint, if any

    def check_arity(self, name: str, count: int) -> None:
        """Go's evalCall arity check for ``count`` arguments (the final one included)."""
        if self.variadic is not None:
            if count < len(self.params):
                raise CallFailed(
                    "wrong number of args for %s: want at least %d got %d",
                    name,
                    len(self.params),
                    count,
                )
        elif count != len(self.params):
            raise CallFailed(
                "wrong number of args for %s: want %d got %d", name, len(self.params), count
            )

    def param(self, i: int) -> str:
        """The type of argument ``i``."""
        if i < len(self.params):
            return self.params[i]
        assert self.variadic is not None
        return self.variadic


# The kinds of the named types whose kind gotmpl must know without a value: Go's
# predeclared types, and the integer types of package time.
_BASIC_KINDS = {
    **values.BASIC_KINDS,
    "time.Duration": values.INT,
    "time.Month": values.INT,
    "time.Weekday": values.INT,
}


def type_kind(go_type: str) -> int:
    """The kind of a Go type, from its name."""
    if go_type in _BASIC_KINDS:
        return _BASIC_KINDS[go_type]
    if go_type.startswith("[]"):
        return values.SLICE
    if go_type.startswith("map["):
        return values.MAP
    if go_type.startswith("*"):
        return values.POINTER
    if go_type.startswith("func"):
        return values.FUNC
    if go_type in (ANY, VALUE) or go_type.startswith("interface"):
        return values.NIL
    return values.STRUCT


def _can_be_nil(go_type: str) -> bool:
    return go_type in (ANY, VALUE) or type_kind(go_type) in (
        values.SLICE,
        values.MAP,
        values.POINTER,
        values.FUNC,
        values.NIL,
    )


def _named(go_type: str) -> bool:
    # Predeclared types are named too; composite literals ([]T, map[K]V, *T) are not.
    return not go_type.startswith(("[]", "map[", "*", "func", "interface", "struct"))


def assignable(value: Any, go_type: str) -> bool:
    """Go's AssignableTo between the value's type and ``go_type``."""
    if go_type == ANY:
        return True
    cls: type = type(value)
    if cls is dict:  # the only class whose Go type depends on the value
        return _types_assignable(type_name(value), type_name(value), go_type)
    return _class_assignable(cls, go_type)


@functools.lru_cache(maxsize=4096)
def _class_assignable(cls: type, go_type: str) -> bool:
    name = values.class_type_name(cls)
    return _types_assignable(name, getattr(cls, "__go_underlying__", name), go_type)


def _types_assignable(vt: str, underlying: str, go_type: str) -> bool:
    if vt == go_type:
        return True
    # Identical underlying types, one side unnamed: KV -> map[string]string.
    return not (_named(vt) and _named(go_type)) and underlying == go_type


def convert(value: Any, go_type: str) -> Any:
    """Go's validateType: ``value`` as an argument of type ``go_type``, or CallFailed."""
    if go_type == VALUE:
        return value
    if value is MISSING:
        if go_type == ANY:
            return None
        if _can_be_nil(go_type):
            k = type_kind(go_type)
            return [] if k == values.SLICE else {} if k == values.MAP else None
        raise CallFailed("invalid value; expected %s", go_type)
    if go_type == ANY:
        return value
    if value is None:
        # A nil interface is assignable to no concrete type.
        raise CallFailed("wrong type for value; expected %s; got %s", go_type, "interface {}")
    if assignable(value, go_type):
        return value
    vt = type_name(value)
    # One pointer indirection either way, as Go's validateType allows.
    if (vt.startswith("*") and vt[1:] == go_type) or (
        go_type.startswith("*") and go_type[1:] == vt
    ):
        return value
    raise CallFailed("wrong type for value; expected %s; got %s", go_type, vt)


_ANNOTATION_TYPES: dict[Any, str] = {
    str: "string",
    int: "int",
    float: "float64",
    bool: "bool",
    complex: "complex128",
    bytes: "[]uint8",
    list: "[]interface {}",
    tuple: "[]interface {}",
    dict: "map[string]interface {}",
    object: ANY,
    Any: ANY,
}


def go_type_of_annotation(annotation: Any) -> str:
    """The Go parameter type a Python annotation stands for."""
    if annotation is inspect.Parameter.empty:
        return ANY
    if isinstance(annotation, str):
        return ANY  # unresolvable forward reference
    simple = _ANNOTATION_TYPES.get(annotation)
    if simple is not None:
        return simple
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, tuple) and args:
        return "[]" + go_type_of_annotation(args[0])
    if origin is dict and len(args) == 2:
        return f"map[{go_type_of_annotation(args[0])}]{go_type_of_annotation(args[1])}"
    if isinstance(annotation, type):
        return values.class_type_name(annotation)
    return ANY


def _results_error(name: str, results: tuple[str, ...] | None) -> str | None:
    """Go's goodFunc: one result, or two whose second is an error."""
    if results is None or len(results) == 1:
        return None
    if len(results) == 2:
        if results[1] == "error":
            return None
        return f"invalid function signature for {name}: second return value should be error; is {results[1]}"
    return f"function {name} has {len(results)} return values; should be 1 or 2"


@functools.lru_cache(maxsize=4096)
def _signature_of_function(func: Any, name: str) -> Signature:
    declared = getattr(func, "__go_params__", None)
    results = _results_error(name, getattr(func, "__go_results__", None))
    if declared is not None:
        names = tuple(declared)
        if names and names[-1].startswith("..."):
            return Signature(names[:-1], names[-1][3:], results)
        return Signature(names, None, results)
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        # A builtin Python cannot describe: take any number of any arguments.
        return Signature((), ANY, results)
    try:
        hints = typing.get_type_hints(func)
    except Exception:
        hints = {}
    params: list[str] = []
    variadic = None
    for p in sig.parameters.values():
        annotation = hints.get(p.name, p.annotation)
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            if p.default is not p.empty:
                break  # optional parameters are not part of the Go signature
            params.append(go_type_of_annotation(annotation))
        elif p.kind == p.VAR_POSITIONAL:
            variadic = go_type_of_annotation(annotation)
            break
    return Signature(tuple(params), variadic, results)


def signature_of(func: Any, name: str) -> Signature:
    """The Go signature of a callable (a bound method is described by its function)."""
    target = getattr(func, "__func__", func)
    try:
        sig = _signature_of_function(target, name)
    except TypeError:  # unhashable callable
        sig = _signature_of_function.__wrapped__(target, name)
    if target is not func and not getattr(target, "__go_params__", None) and sig.params:
        # A bound method: its function's first parameter is the receiver.
        return Signature(sig.params[1:], sig.variadic, sig.results_error)
    return sig
