"""How Python values stand for Go values: kinds, type names, methods, fields, truth, order.

The mapping (how templates look names up on these values is gotmpl.exec.lookup;
how they print, gotmpl.gostd.fmt):

========================  ==========================  ==============================
Python                    Go kind                     Go type name
========================  ==========================  ==============================
``MISSING``               invalid reflect.Value       (printed ``<no value>``)
``None``                  nil interface               ``<nil>``
bool                      bool                        ``bool``
int                       int                         ``int``
float                     float64                     ``float64``
complex                   complex128                  ``complex128``
str                       string                      ``string``
bytes, bytearray          slice of uint8              ``[]uint8``
list, tuple, set          slice                       ``[]interface {}``
dict (and Mappings)       map                         ``map[string]interface {}``
datetime / timedelta      time.Time / time.Duration   (see gotmpl.gostd.time)
functions                 func                        ``func(...) interface {}``
any other object          struct (fields = attributes) ``module.ClassName``
========================  ==========================  ==============================

A class can declare Go facts about itself: ``__go_type__`` (its Go type name; a
leading ``*`` makes it a pointer to struct, printed ``&{...}``), ``__go_kind__``
(the kind of an int/str/list/dict subclass: ``"uint"``, ``"int64"`` ...),
``__go_zero__`` (the zero value of a map's elements, for ``missingkey=zero`` and
``index``) and ``__go_fields__`` (the struct's field names, in order).
Methods are the public callables a class defines (see :func:`class_method` for
which classes' methods templates may call); a method named ``String`` or ``Error``
is Go's Stringer or error, used when the value is printed. Fields are the public
attributes an object has without asking ``__getattr__``; modules, classes,
frames, code, tracebacks and generators have neither (:func:`opaque`).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import inspect
import math
import operator
import re
import sys
import types
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar, cast

from .exec.meter import current as current_meter
from .gostd import time as gotime
from .gostd.strconv import go_bytes

__all__ = [
    "BASIC_KINDS",
    "BOOL",
    "COMPLEX",
    "FLOAT",
    "FUNC",
    "INT",
    "INVALID",
    "MAP",
    "MISSING",
    "NIL",
    "NOT_CALLABLE",
    "NO_ATTRIBUTE",
    "POINTER",
    "PYTHON_TIME",
    "SLICE",
    "STRING",
    "STRUCT",
    "UINT",
    "as_go",
    "class_kind",
    "class_method",
    "class_type_name",
    "comparable",
    "dynamic_attributes",
    "exact_class",
    "find_method",
    "kind",
    "map_key_type",
    "opaque",
    "slice_elements",
    "sorted_items",
    "static_attribute",
    "struct_fields",
    "truth",
    "type_name",
    "visible",
    "zero_of_elem",
]


_F = TypeVar("_F", bound=Callable[..., Any])


def _per_class(func: _F) -> _F:
    """Remembers what ``func`` answers for a class (and name): the answer never changes,
    and a template asks for every value it touches."""
    # typing: lru_cache's wrapper takes Hashable arguments, which mypy does not see
    # a class as; the wrapper has the function's own signature.
    return cast(_F, functools.lru_cache(maxsize=4096)(func))


class _Missing:
    """Go's invalid reflect.Value: a map's missing key, or nothing at all."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()

# Kinds: the subset of reflect.Kind that template rules distinguish.
INVALID, NIL, BOOL, INT, UINT, FLOAT, COMPLEX, STRING, SLICE, MAP, STRUCT, POINTER, FUNC = range(13)

# Go's predeclared types and the kind of their values. A class may declare one of
# these, or a composite kind below, as its ``__go_kind__``.
BASIC_KINDS: Mapping[str, int] = {
    "bool": BOOL,
    "int": INT,
    "int8": INT,
    "int16": INT,
    "int32": INT,
    "int64": INT,
    "uint": UINT,
    "uint8": UINT,
    "uint16": UINT,
    "uint32": UINT,
    "uint64": UINT,
    "uintptr": UINT,
    "float32": FLOAT,
    "float64": FLOAT,
    "complex64": COMPLEX,
    "complex128": COMPLEX,
    "string": STRING,
}

_KIND_NAMES = {
    **BASIC_KINDS,
    "slice": SLICE,
    "array": SLICE,
    "map": MAP,
    "struct": STRUCT,
    "ptr": POINTER,
    "func": FUNC,
}

_EXACT_KIND: dict[type, int] = {
    bool: BOOL,
    int: INT,
    float: FLOAT,
    complex: COMPLEX,
    str: STRING,
    list: SLICE,
    tuple: SLICE,
    dict: MAP,
    bytes: SLICE,
    bytearray: SLICE,
    type(None): NIL,
    _Missing: INVALID,
}

_EXACT_TYPE_NAME: dict[type, str] = {
    bool: "bool",
    int: "int",
    float: "float64",
    complex: "complex128",
    str: "string",
    list: "[]interface {}",
    tuple: "[]interface {}",
    bytes: "[]uint8",
    bytearray: "[]uint8",
    type(None): "<nil>",
}

# Go's basic types whose values are the instances of one builtin class (string: str).
_CLASS_OF_TYPE: dict[str, type] = {
    name: cls
    for cls, name in _EXACT_TYPE_NAME.items()
    if list(_EXACT_TYPE_NAME.values()).count(name) == 1 and cls is not type(None)
}


def exact_class(go_type: str) -> type | None:
    """The builtin class whose instances have exactly the Go type ``go_type``
    (``str`` for ``string``), if one has; a subclass may have a type of its own."""
    return _CLASS_OF_TYPE.get(go_type)


# Python's time types, which stand for Go's time.Time and time.Duration (see as_go).
PYTHON_TIME = (datetime.datetime, datetime.timedelta)

_ROUTINES = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.BuiltinMethodType,
    functools.partial,
)


def as_go(value: Any) -> Any:
    """The Go-typed equivalent of a Python value that has one (datetime, timedelta)."""
    if isinstance(value, datetime.datetime):
        return gotime.Time.from_datetime(value)
    if isinstance(value, datetime.timedelta):
        return gotime.Duration.from_timedelta(value)
    return value


# The kind of a subclass of each Python type (bool before int, which it extends).
_KIND_OF_BASES: tuple[tuple[type | tuple[type, ...], int], ...] = (
    (bool, BOOL),
    (int, INT),
    (float, FLOAT),
    (complex, COMPLEX),
    (str, STRING),
    ((bytes, bytearray), SLICE),
    (Mapping, MAP),
    ((Sequence, AbstractSet), SLICE),
    (_ROUTINES, FUNC),
)


@_per_class
def class_kind(cls: type) -> int:
    """The Go kind of instances of ``cls``."""
    declared = getattr(cls, "__go_kind__", None)
    if declared is not None:
        return _KIND_NAMES[declared]
    for bases, k in _KIND_OF_BASES:
        if issubclass(cls, bases):
            return k
    if issubclass(cls, (datetime.datetime, datetime.timedelta)):
        return STRUCT if issubclass(cls, datetime.datetime) else INT
    if getattr(cls, "__go_type__", "").startswith("*"):
        return POINTER
    return STRUCT


def kind(value: Any) -> int:
    """The Go kind of ``value``."""
    k = _EXACT_KIND.get(type(value))
    if k is not None:
        return k
    return class_kind(type(value))


@_per_class
def _class_type_name(cls: type) -> str:
    declared = getattr(cls, "__go_type__", None)
    if declared is not None:
        return declared
    if issubclass(cls, datetime.datetime):
        return "time.Time"
    if issubclass(cls, datetime.timedelta):
        return "time.Duration"
    k = class_kind(cls)
    if k == MAP:
        return "map[string]interface {}"
    if k == SLICE:
        return "[]uint8" if issubclass(cls, (bytes, bytearray)) else "[]interface {}"
    if k == FUNC:
        return "func(...interface {}) interface {}"
    base = {BOOL: "bool", INT: "int", FLOAT: "float64", COMPLEX: "complex128", STRING: "string"}
    if k in base and cls.__module__ == "builtins":
        return base[k]
    module = cls.__module__.rpartition(".")[2]
    return f"{module}.{cls.__qualname__}"


def class_type_name(cls: type) -> str:
    """Go's name for the type of instances of ``cls``."""
    name = _EXACT_TYPE_NAME.get(cls)
    if name is not None:
        return name
    return "map[string]interface {}" if cls is dict else _class_type_name(cls)


def type_name(value: Any) -> str:
    """Go's name for the type of ``value`` (what ``%T`` prints)."""
    name = _EXACT_TYPE_NAME.get(type(value))
    if name is not None:
        return name
    if type(value) is dict:
        return _dict_type_name(value)
    return _class_type_name(type(value))


def _dict_type_name(d: dict) -> str:
    if not d or all(type(k) is str for k in d):
        return "map[string]interface {}"
    key_types = {type_name(k) for k in d}
    if len(key_types) == 1:
        return f"map[{key_types.pop()}]interface {{}}"
    return "map[interface {}]interface {}"


def map_key_type(m: Mapping) -> str:
    """The Go type of a map's keys: declared (``__go_key__``) or read off its type name."""
    declared = getattr(type(m), "__go_key__", None)
    if declared is not None:
        return declared
    name = type_name(m)
    return name[4 : name.index("]")] if name.startswith("map[") else "string"


def zero_of_elem(container: Any) -> Any:
    """The zero value of a map's elements: ``None`` (nil interface) unless declared."""
    return getattr(type(container), "__go_zero__", None)


_BUILTIN_BASES = frozenset(
    {object, int, float, complex, str, bytes, bytearray, list, tuple, dict, bool}
)

# What no template looks into: Python's machinery, not data. Their attributes lead
# to modules' globals, the interpreter and the program (os.environ, sys.modules,
# a frame's f_globals ...).
_OPAQUE = (
    type,
    types.ModuleType,
    types.FrameType,
    types.CodeType,
    types.TracebackType,
    types.GeneratorType,
    types.CoroutineType,
    types.AsyncGeneratorType,
    types.CellType,
)


@_per_class
def opaque(cls: type) -> bool:
    """Whether instances of ``cls`` show templates no fields and no methods: modules,
    classes, frames, code, tracebacks, generators and coroutines."""
    return issubclass(cls, _OPAQUE)


@_per_class
def _pythons_own(cls: type) -> bool:
    """Whether ``cls`` comes with Python (builtins and the standard library). Its
    methods were not written for templates, and many change the value they are
    called on (``list.clear``, ``set.add``, ``deque.rotate``, ``OrderedDict.popitem``,
    a file's ``write``, ``Logger.setLevel``)."""
    module = getattr(cls, "__module__", None)
    if not isinstance(module, str):
        return True
    return module.partition(".")[0] in _STANDARD_MODULES


_STANDARD_MODULES = frozenset({"builtins", *sys.stdlib_module_names})


@_per_class
def dynamic_attributes(cls: type) -> bool:
    """Whether attribute reads on ``cls`` run code of its own (``__getattr__`` or
    ``__getattribute__``), which answers for names it does not have."""
    return any(
        "__getattr__" in k.__dict__ or ("__getattribute__" in k.__dict__ and not _pythons_own(k))
        for k in cls.__mro__
    )


class _NoAttribute:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_ATTRIBUTE"


NO_ATTRIBUTE: Any = _NoAttribute()


def static_attribute(obj: Any, name: str) -> Any:
    """``obj.name`` read as Python would without ``__getattr__`` and
    ``__getattribute__`` of the class's own, or NO_ATTRIBUTE."""
    cls = type(obj)
    if not dynamic_attributes(cls):
        return getattr(obj, name, NO_ATTRIBUTE)
    try:
        attr = inspect.getattr_static(obj, name)
    except AttributeError:
        return NO_ATTRIBUTE
    get = getattr(type(attr), "__get__", None)
    if get is None or not any(name in k.__dict__ for k in cls.__mro__):
        return attr  # an instance attribute, or a plain value on the class
    try:
        return get(attr, obj, cls)
    except AttributeError:  # an unset slot
        return NO_ATTRIBUTE


def visible(cls: type, name: str) -> bool:
    """Whether templates see member ``name`` of ``cls``.

    Public names (not starting with ``_``) are visible on Python classes; a class
    that declares its Go type (``__go_type__``) follows Go, where only exported
    names (starting with an upper-case letter) are.
    """
    if name.startswith("_"):
        return False
    go_modeled = any("__go_type__" in k.__dict__ for k in cls.__mro__ if k not in _BUILTIN_BASES)
    return not go_modeled or name[:1].isupper()


#: What ``class_method`` answers for a callable that templates may not call, which is
#: then no field either.
NOT_CALLABLE: Any = object()


@_per_class
def class_method(cls: type, name: str, strict: bool = False) -> Any:
    """The function ``cls`` defines as Go method ``name``: None when there is none,
    NOT_CALLABLE when there is one templates may not call.

    Go calls only the methods a type's author exported; Python has no such line, so
    gotmpl draws one. A template may call a public method of a class of the
    program's own, unless the class is a container (a dict, list, set or other
    Mapping, Sequence or Set: a Go map or slice) that does not declare its Go type
    (``__go_type__``). The methods of Python's own classes (builtins and the
    standard library) are never called: many change the value. ``strict``: only
    the methods of classes that declare their Go type (whose exported methods
    are Go's), or that list the method in ``__go_methods__``.
    """
    if not visible(cls, name) or opaque(cls):
        return None
    for klass in cls.__mro__:
        attr = klass.__dict__.get(name)
        if attr is None:
            continue
        if not isinstance(attr, (staticmethod, classmethod)) and (
            isinstance(attr, property) or not callable(attr)
        ):
            return None  # a field, not a method
        if _pythons_own(klass) or not _may_call(cls, name, strict):
            return NOT_CALLABLE
        return attr
    return None


def _may_call(cls: type, name: str, strict: bool) -> bool:
    declares_type = hasattr(cls, "__go_type__")
    if name in getattr(cls, "__go_methods__", ()):
        return True
    if strict:
        return declares_type
    return declares_type or class_kind(cls) not in (MAP, SLICE)


def find_method(value: Any, name: str, strict: bool = False) -> Any:
    """The bound Go method ``name`` of ``value`` that templates may call, or None.

    ``datetime`` and ``timedelta`` values have the methods of Go's time.Time and
    time.Duration; ``strict`` as for class_method.
    """
    cls = type(value)
    if cls in _EXACT_KIND:
        return None
    if cls in (datetime.datetime, datetime.timedelta) or (
        isinstance(value, (datetime.datetime, datetime.timedelta))
        and not hasattr(cls, "__go_type__")
    ):
        value = as_go(value)
        cls = type(value)
    func = class_method(cls, name, strict)
    if func is None or func is NOT_CALLABLE:
        return None
    return func.__get__(value, cls)


@_per_class
def _class_fields(cls: type) -> tuple[str, ...] | None:
    declared = getattr(cls, "__go_fields__", None)
    if declared is not None:
        return tuple(declared)
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    slots: list[str] = []
    for klass in reversed(cls.__mro__):
        s = klass.__dict__.get("__slots__", ())
        slots.extend([s] if isinstance(s, str) else s)
    slots = [s for s in slots if not s.startswith("_")]
    return tuple(slots) if slots else None


def struct_fields(value: Any) -> list[tuple[str, Any]]:
    """The struct fields of an object, in declaration order, for printing."""
    cls = type(value)
    if opaque(cls):
        return []
    names = _class_fields(cls)
    if names is None:
        try:
            attrs = object.__getattribute__(value, "__dict__")
        except AttributeError:
            return []
        return [(k, v) for k, v in attrs.items() if type(k) is str and not k.startswith("_")]
    fields = [(n, static_attribute(value, n)) for n in names]
    return [(n, None if v is NO_ATTRIBUTE else v) for n, v in fields]


def truth(value: Any) -> bool:
    """Go's isTrue: the zero value of any type is false; structs are always true.

    Unlike Python, ``0.0``, ``""``, empty maps and slices are false and so is
    ``None``, while every object and function is true whatever ``__bool__`` says.
    """
    if value.__class__ is str:  # the commonest by far
        return value != ""
    k = kind(value)
    if k in (STRING, SLICE, MAP):
        return len(value) > 0
    if k in (BOOL, INT, UINT, FLOAT, COMPLEX):
        return value != 0
    return k not in (INVALID, NIL)


def comparable(value: Any) -> bool:
    """Go's Type.Comparable for the value's type: no slices, maps or funcs inside.

    Structs nest as deep as the data does, and may share parts: the walk keeps a
    stack, visits each object once, and counts against Limits (exec.meter).
    """
    meter = current_meter()
    seen: set[int] = set()
    todo = [value]
    while todo:
        v = todo.pop()
        if meter is not None:
            meter.walked()
        k = kind(v)
        if k in (SLICE, MAP, FUNC):
            return False
        if k == STRUCT and id(v) not in seen:
            seen.add(id(v))
            v = as_go(v)
            if type(v).__module__ != gotime.__name__:  # time's types: comparable fields
                todo.extend(f for _, f in struct_fields(v))
    return True


# -- ordering (Go's internal/fmtsort) ----------------------------------------------


def _sort_key(value: Any) -> tuple:
    """A key giving Go's map-key order; keys of different types group by type."""
    k = kind(value)
    if k in (INT, UINT, BOOL):
        return (0, type_name(value), int(value))
    if k == FLOAT:
        # Go orders NaN first, then by value.
        return (
            0,
            type_name(value),
            0 if math.isnan(value) else 1,
            0.0 if math.isnan(value) else value,
        )
    if k == STRING:
        return (0, type_name(value), go_bytes(value))
    if k == COMPLEX:
        return (0, type_name(value), value.real, value.imag)
    if k in (NIL, INVALID):
        return (-1,)
    if isinstance(value, tuple):  # a Go array key compares element by element
        return (0, type_name(value), tuple(_sort_key(v) for v in value))
    if k == STRUCT:
        return (0, type_name(value), tuple(_sort_key(v) for _, v in struct_fields(value)))
    return (0, type_name(value), id(value))


_FIRST = operator.itemgetter(0)
_SURROGATE = re.compile("[\ud800-\udfff]")


def sorted_items(mapping: Mapping) -> list[tuple[Any, Any]]:
    """A map's entries in Go's order: by key, as fmt prints and range visits them."""
    items = list(mapping.items())
    if set(map(type, mapping)) <= {str}:
        # Go compares strings byte-wise, which code point order matches for
        # UTF-8; lone surrogates (undecodable bytes) need the bytes.
        keys = "".join(mapping)
        if keys.isascii() or _SURROGATE.search(keys) is None:
            items.sort(key=_FIRST)
        else:
            items.sort(key=lambda kv: go_bytes(kv[0]))
        return items
    meter = current_meter()
    if meter is not None:
        meter.walked(len(items))
    items.sort(key=lambda kv: _sort_key(kv[0]))
    return items


def slice_elements(value: Any) -> Sequence[Any]:
    """The elements of a Go slice, in order: a set's, which has none, in Go's order
    of map keys (sets are Go slices, printed and ranged over the same way every time)."""
    if isinstance(value, Sequence):
        return value
    if isinstance(value, AbstractSet):
        return [k for k, _ in sorted_items(dict.fromkeys(value))]
    return list(value)
