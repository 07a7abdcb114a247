"""Go's evalField: what ``.Name`` means on a value, and the errors Go gives when it means nothing.

On a Go value ``.Name`` is a method (called, with arguments if the command gives
some), a struct field, or a map key; on a missing or nil value it is an error or
no value, as the missingkey option decides. Which of these applies depends only
on the receiver's class, so it is settled once per class (:func:`resolve`); the
compiler builds one getter or method caller per ``.Name`` of the template
(:func:`field_getter`, :func:`method_caller`), which remember per class how to
read the name.

Errors name the receiver's *static* type, which Go knows and Python does not: a
value read out of a ``map[string]interface {}`` or a ``[]interface {}`` is an
``interface {}`` to Go. Getters therefore receive the container the receiver came
from, or an origin marker (:data:`TOP`, :data:`RANGE`) where no container holds it.
"""

from __future__ import annotations

import functools
import operator
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .. import values
from ..errors import ExecError
from ..parse.nodes import Node
from ..values import MAP, MISSING, POINTER, PYTHON_TIME, SLICE, STRUCT, kind, type_name
from .calls import NO_FINAL, Signature, raise_call_error, signature_of

__all__ = [
    "MISSINGKEY_ERROR",
    "MISSINGKEY_INVALID",
    "MISSINGKEY_ZERO",
    "RANGE",
    "TOP",
    "Getter",
    "Rules",
    "chain",
    "field_getter",
    "method_caller",
    "missing_key",
    "resolve",
    "static_type",
]

Getter = Callable[[Any, Any, Any], Any]  # get(st, receiver, container)
ErrorAt = Callable[..., ExecError]  # the compiler's error(node, format, *args)


class _Origin:
    """Where a receiver came from when no container holds it."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name.upper()


# The missingkey modes (Go's Option "missingkey=...").
MISSINGKEY_INVALID, MISSINGKEY_ZERO, MISSINGKEY_ERROR = range(3)

TOP: Any = _Origin("top")  # the data, a variable, a pipeline's result: typed by its value
RANGE: Any = _Origin("range")  # an element of the collection the innermost range visits


@dataclass(frozen=True, slots=True)
class Rules:
    """What a template set's options decide for lookups: the missingkey mode, the
    strict sandbox (see values.class_method), and whether the execution is
    metered (the strings methods return count against its Limits, see exec.meter)."""

    missingkey: int = 0
    strict: bool = False
    metered: bool = False


# How ``.name`` resolves on instances of a class (see resolve).
FIELD, NILADIC, KEY, METHOD, NONE, NO_VALUE, NIL = range(7)


@functools.lru_cache(maxsize=4096)
def resolve(cls: type, name: str, strict: bool = False) -> tuple[int, Any, Any]:
    """What ``.name`` means on instances of ``cls``: (how, method, fast accessor or None).

    A method wins over a map key or a struct field of the same name, as in Go.
    ``NILADIC`` is a plain function taking only the receiver, called directly;
    ``METHOD`` any other method (and Python's datetime types, whose Go methods
    are found on the converted value). Which methods a template may call, and
    ``strict``, are values.class_method's rules; a method it may not call is no
    field either. The fast accessor reads a field or key of a class that declares
    its Go type, whose values need no conversion (unless reads run code of the
    class's own: ``__getattr__``, or a map's ``__missing__``).
    """
    how, method = _resolve_how(cls, name, strict)
    fast = None
    if hasattr(cls, "__go_type__"):
        if how == FIELD and not values.dynamic_attributes(cls):
            # A property's getter, called directly, skips the attribute lookup.
            prop = getattr(cls, name, None)
            fast = (
                prop.fget
                if isinstance(prop, property) and prop.fget is not None
                else operator.attrgetter(name)
            )
        elif how == KEY and not hasattr(cls, "__missing__"):
            fast = operator.itemgetter(name)
    return how, method, fast


def _resolve_how(cls: type, name: str, strict: bool) -> tuple[int, Any]:
    if cls is type(MISSING):
        return NO_VALUE, None
    if cls is type(None):
        return NIL, None
    if cls in PYTHON_TIME:
        return METHOD, None
    method = values.class_method(cls, name, strict)
    if method is values.NOT_CALLABLE:
        return NONE, None
    if method is not None:
        sig = signature_of(method, name)
        # Unless declared in __go_params__, the function's first parameter is the receiver.
        params = sig.params if hasattr(method, "__go_params__") else sig.params[1:]
        if (
            isinstance(method, types.FunctionType)
            and not params
            and sig.variadic is None
            and sig.results_error is None
        ):
            return NILADIC, method
        return METHOD, None
    k = values.class_kind(cls)
    if k == MAP:
        return KEY, None
    if k in (STRUCT, POINTER) and values.visible(cls, name) and not values.opaque(cls):
        return FIELD, None
    return NONE, None


# What ``.name`` was found to mean on each class, by (name, strict): the tables of
# _Field (resolved, fasts, niladics), shared by every getter of the name, since
# they depend on nothing else (see resolve). A new template then reads a name
# on a class that some template has read it on at full speed from its first
# run. A process that meets ever new names starts afresh (getters keep theirs).
_Found = tuple[dict[type, tuple[int, Any, Any]], dict[type, Any], dict[type, Any]]
_FOUND: dict[tuple[str, bool], _Found] = {}
_FOUND_NAMES = 4096
_FOUND_CLASSES = 1024  # a table with more classes (made on the fly?) starts afresh


def _found(name: str, strict: bool) -> _Found:
    tables = _FOUND.get((name, strict))
    if tables is None:
        if len(_FOUND) >= _FOUND_NAMES:
            _FOUND.clear()
        tables = _FOUND.setdefault((name, strict), ({}, {}, {}))
    return tables


def field_getter(
    name: str,
    node: Node,
    blame: Node,
    rules: Rules,
    error: ErrorAt,
    method_caller_of_name: Callable[[], Callable[..., Any]],
    own_fasts: dict[type, Any] | None = None,
) -> Getter:
    """Go's evalField for ``.name`` without arguments: ``get(st, receiver, container)``.

    A niladic method is called, a map indexed, a struct's field read. ``blame``
    is the node Go's state points at; a failed call blames ``node``.
    ``method_caller_of_name()`` makes the name's :func:`method_caller` without
    arguments, for methods that are not plain niladic functions (made when first
    needed: most names never need it).

    The getter's ``fasts`` attribute maps classes to their plain accessor once
    found (a Go-modelled class's field or key), for compiled code that reads the
    name in place; an accessor raises AttributeError or KeyError where the
    getter must decide. It is shared by the name's getters, unless ``own_fasts``
    gives accessors of this getter's own (which then has tables of its own).
    """
    field = _Field(name, node, blame, rules, error, method_caller_of_name, own_fasts)
    fasts, niladics = field.fasts, field.niladics
    call_niladic = field.call_niladic

    # The getter itself holds only what its fast paths use; the rest is the
    # field's (a template has a getter per name it reads, and every object a
    # compile keeps is one more for the cyclic collector to visit).
    def get(st: Any, receiver: Any, container: Any) -> Any:
        cls = receiver.__class__
        if cls is dict:
            v = receiver.get(name, MISSING)
            if v is MISSING:
                return field.missing(st, receiver, container)
            return v
        fast = fasts.get(cls)
        if fast is not None:
            try:
                return fast(receiver)
            except (AttributeError, KeyError):
                pass  # not there after all: the full rules decide
        else:
            method = niladics.get(cls)
            if method is not None:
                return call_niladic(st, method, receiver)
        return field.slow(st, receiver, container)

    get.fasts = fasts  # type: ignore[attr-defined]
    get.niladics = niladics  # type: ignore[attr-defined]
    get.call_niladic = call_niladic  # type: ignore[attr-defined]
    return get


class _Field:
    """A field getter's rules beyond its fast paths, and what it has found per class."""

    __slots__ = (
        "blame",
        "call_method",
        "error",
        "fasts",
        "make_call_method",
        "metered",
        "missingkey",
        "name",
        "niladics",
        "node",
        "resolved",
        "shared",
        "strict",
    )

    def __init__(
        self,
        name: str,
        node: Node,
        blame: Node,
        rules: Rules,
        error: ErrorAt,
        make_call_method: Callable[[], Callable[..., Any]],
        own_fasts: dict[type, Any] | None,
    ) -> None:
        self.name, self.node, self.blame, self.error = name, node, blame, error
        self.missingkey, self.strict, self.metered = rules.missingkey, rules.strict, rules.metered
        self.make_call_method = make_call_method
        self.call_method: Callable[..., Any] | None = None  # once made
        # class -> how the name resolves; -> accessor for its plain field or key
        # reads; -> its method of this name, no arguments (see _FOUND).
        self.shared = own_fasts is None
        if own_fasts is None:
            self.resolved, self.fasts, self.niladics = _found(name, rules.strict)
        else:
            self.resolved, self.fasts, self.niladics = {}, dict(own_fasts), {}

    def missing(self, st: Any, receiver: Any, container: Any) -> Any:
        return missing_key(
            receiver, self.name, self.missingkey, self.error, self.blame, st, container
        )

    def call_niladic(self, st: Any, method: Any, receiver: Any) -> Any:
        try:
            v = method(receiver)
        except Exception as e:
            raise_call_error(self.error, self.node, self.name, e)
        if self.metered and v.__class__ is str:
            st.meter.built(v)
        return v if v.__class__ not in PYTHON_TIME else values.as_go(v)

    def slow(self, st: Any, receiver: Any, container: Any) -> Any:
        cls = receiver.__class__
        name = self.name
        how = self.resolved.get(cls)
        if how is None:
            if self.shared and len(self.resolved) >= _FOUND_CLASSES:
                for table in (self.resolved, self.fasts, self.niladics):
                    table.clear()
            how = self.resolved[cls] = resolve(cls, name, self.strict)
            if how[2] is not None:
                self.fasts[cls] = how[2]
            elif how[0] == NILADIC:
                self.niladics[cls] = how[1]
        k, method, _ = how
        if k == FIELD:
            v = values.static_attribute(receiver, name)
            if v is not values.NO_ATTRIBUTE:
                return v if v.__class__ not in PYTHON_TIME else values.as_go(v)
        elif k == NILADIC:
            return self.call_niladic(st, method, receiver)
        elif k == KEY:
            # Asked first, so that a lookup never writes (a defaultdict's __missing__).
            try:
                if name in receiver:
                    return receiver[name]
                return self.missing(st, receiver, container)
            except (KeyError, TypeError):
                pass
        elif k in (METHOD, NO_VALUE, NIL):
            if self.call_method is None:
                self.call_method = self.make_call_method()
            return self.call_method(st, None, None, receiver, container, NO_FINAL)
        raise no_field(self.error, self.blame, receiver, container, st, name)


def chain(getters: Sequence[Getter]) -> Getter:
    """Field getters applied in turn (``.A.B``): ``get(st, receiver, container)`` -> the
    last value, each getter's container the receiver before it.

    Two names, the commonest chain (``.CommonLabels.severity``), are read through
    the getters' plain accessors (``fasts``) where they have one, and a method
    without arguments found for the last one is called, all in one call.
    """
    if len(getters) == 1:
        return getters[0]
    if len(getters) > 2:

        def get_all(st: Any, receiver: Any, container: Any) -> Any:
            for get in getters:
                receiver, container = get(st, receiver, container), receiver
            return receiver

        return get_all
    g0, g1 = getters
    fasts0: dict[type, Any] = g0.fasts  # type: ignore[attr-defined]
    fasts1: dict[type, Any] = g1.fasts  # type: ignore[attr-defined]
    niladics1: dict[type, Any] = g1.niladics  # type: ignore[attr-defined]
    call_niladic1 = g1.call_niladic  # type: ignore[attr-defined]

    def get2(st: Any, receiver: Any, container: Any) -> Any:
        fast = fasts0.get(receiver.__class__)
        if fast is None:
            v = g0(st, receiver, container)
        else:
            try:
                v = fast(receiver)
            except (AttributeError, KeyError):
                v = g0(st, receiver, container)
        fast = fasts1.get(v.__class__)
        if fast is not None:
            try:
                return fast(v)
            except (AttributeError, KeyError):
                pass  # the getter decides, as it does when its own accessor fails
        else:
            method = niladics1.get(v.__class__)
            if method is not None:  # .Labels.SortedPairs
                return call_niladic1(st, method, v)
        return g1(st, v, receiver)

    return get2


def method_caller(
    name: str,
    node: Node,
    blame: Node,
    rules: Rules,
    error: ErrorAt,
    has_args: bool,
    arguments: Callable[[Signature], Callable[..., list[Any]]],
) -> Callable[..., Any]:
    """Go's evalField with arguments or a piped value: a method call.

    ``call(st, dot, frame, receiver, container, final)``; ``final`` is ``NO_FINAL``
    when nothing is piped in. ``arguments(signature)`` compiles the argument list
    for the method found (``evaluate(st, dot, frame, final) -> argv``), once per
    signature. Fields and map keys cannot take arguments, which is an error.
    """
    evaluators: dict[Signature, Any] = {}
    missingkey, strict, metered = rules.missingkey, rules.strict, rules.metered

    def call(st: Any, dot: Any, frame: Any, receiver: Any, container: Any, final: Any) -> Any:
        if receiver is MISSING:
            if missingkey == MISSINGKEY_ERROR:
                raise error(blame, "nil data; no entry for key %q", name)
            return MISSING
        if receiver is None:
            raise error(
                blame, "nil pointer evaluating %s.%s", static_type(receiver, container, st), name
            )
        method = values.find_method(receiver, name, strict)
        if method is None:
            k = kind(receiver)
            if k == MAP and (type(receiver) is dict or name in receiver):
                if has_args or final is not NO_FINAL:
                    raise error(blame, "%s is not a method but has arguments", name)
                return missing_key(receiver, name, missingkey, error, blame, st, container)
            if k in (STRUCT, POINTER) and _attribute(receiver, name) is not values.NO_ATTRIBUTE:
                raise error(blame, "%s has arguments but cannot be invoked as function", name)
            raise no_field(error, blame, receiver, container, st, name)
        sig = signature_of(method, name)
        evaluate = evaluators.get(sig)
        if evaluate is None:
            evaluate = evaluators[sig] = arguments(sig)
        argv = evaluate(st, dot, frame, final)
        try:
            result = method(*argv)
        except Exception as e:
            raise_call_error(error, node, name, e)
        if metered and result.__class__ is str:
            st.meter.built(result)
        return values.as_go(result)

    return call


def no_field(
    error: ErrorAt, blame: Node, receiver: Any, container: Any, st: Any, name: str
) -> ExecError:
    """Go's error for ``.name`` that is no method, field or key of the receiver.

    A struct field the class declares but templates cannot reach (an unexported
    one of a Go-modelled class) is named as such, as Go does.
    """
    static = static_type(receiver, container, st)
    if kind(receiver) in (STRUCT, POINTER) and any(
        n == name for n, _ in values.struct_fields(receiver)
    ):
        return error(blame, "%s is an unexported field of struct type %s", name, static)
    return error(blame, "can't evaluate field %s in type %s", name, static)


def missing_key(
    receiver: Any,
    name: str,
    missingkey: int,
    error: ErrorAt,
    node: Node,
    st: Any,
    container: Any,
) -> Any:
    """Go's missingkey handling for a map without ``name``."""
    if receiver and str not in map(type, receiver):
        # A map whose keys are not strings has no fields at all.
        static = static_type(receiver, container, st)
        raise error(node, "can't evaluate field %s in type %s", name, static)
    if missingkey == MISSINGKEY_INVALID:
        return MISSING
    if missingkey == MISSINGKEY_ZERO:
        return values.zero_of_elem(receiver)
    raise error(node, "map has no entry for key %q", name)


def static_type(receiver: Any, container: Any, st: Any) -> str:
    """The type Go's reflect gives the receiver: its container's element type.

    Go reads map values and slice elements of ``interface {}`` containers as
    ``interface {}`` values, and names that type in errors; values that came out
    of a pipeline (data, variables, with, template calls) carry their own type.
    """
    if container is RANGE:
        container = st.range_collection if st is not None else TOP
    if receiver is None:
        return "interface {}"  # a nil in Python is Go's nil interface value
    if kind(container) in (MAP, SLICE):
        declared = type_name(container)
        if declared.startswith("map["):
            return _map_elem(declared)
        if declared.startswith("[]"):
            return declared[2:]
    return type_name(receiver)


def _map_elem(map_type: str) -> str:
    depth = 0
    for i, c in enumerate(map_type):
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return map_type[i + 1 :]
    return "interface {}"


def _attribute(obj: Any, name: str) -> Any:
    """A struct field: a visible, non-method attribute of the object."""
    cls = type(obj)
    if not values.visible(cls, name) or values.opaque(cls) or values.class_method(cls, name):
        return values.NO_ATTRIBUTE
    return values.static_attribute(obj, name)
