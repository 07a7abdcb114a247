"""Go's encoding/json.Marshal, as templates' ``toJson`` calls it, and its decoder's strings.

Go 1.27 runs the encoding/json API on its v2 engine with v1 options: HTML
characters and U+2028/U+2029 are escaped, map keys sorted, invalid UTF-8
replaced by U+FFFD, floats written as the v1 encoder wrote them.

A struct's JSON member names are its field names unless its class maps field
names to others in ``__go_json__`` (Go's ``json:"name"`` tags).
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from .. import values
from ..exec.meter import walking
from . import fmt as gofmt
from . import time as gotime
from .strconv import go_bytes, go_string, itoa

__all__ = ["MarshalError", "decoded_string", "marshal"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def decoded_string(s: str) -> str:
    """A JSON string as Go's decoder gives it: a lone surrogate (an unpaired
    ``\\ud800`` escape, or invalid UTF-8 read with surrogateescape) is U+FFFD."""
    return s if s.isascii() else _SURROGATE.sub("\ufffd", s)


class MarshalError(ValueError):
    """json.Marshal failed; the text is Go's."""


_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
for _c in [*map(chr, range(0x20)), "<", ">", "&"]:
    _ESCAPES.setdefault(_c, f"\\u{ord(_c):04x}")
for _c in map(chr, range(0xDC80, 0xDD00)):
    _ESCAPES[_c] = "\ufffd"  # an invalid UTF-8 byte becomes U+FFFD itself
del _c
_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def _string(s: str) -> str:
    return '"' + s.translate(_ESCAPE_TABLE) + '"'


def _float(f: float) -> str:
    if math.isnan(f) or math.isinf(f):
        raise MarshalError(f"json: unsupported value: {gofmt.format_float(f, 'g', -1)}")
    a = abs(f)
    if a != 0 and (a < 1e-6 or a >= 1e21):
        s = gofmt.format_float(f, "e", -1)
        # Go writes 1e-07 as 1e-7 (but keeps 1e+21).
        if len(s) >= 4 and s[-4] == "e" and s[-3] == "-" and s[-2] == "0":
            s = s[:-2] + s[-1]
        return s
    return gofmt.format_float(f, "f", -1)


# A container's encoding in progress: appends its punctuation, yields its members.
_Members = Iterator[Any]


def marshal(v: Any) -> str:
    """Go's json.Marshal as a string (HTML-safe, map keys sorted); raises MarshalError.

    A stack of member generators stands in for recursion, so data nests as deep as
    memory allows; under Limits every value is a unit of work (exec.meter).
    """
    out: list[str] = []
    metered = walking(out)
    active: set[int] = set()  # the containers being encoded, to find cycles
    walk: list[_Members] = [iter((v,))]
    while walk:
        for item in walk[-1]:
            if metered is not None:
                metered.step()
            members = _encode(item, out, active)
            if members is not None:
                walk.append(members)
                break
        else:
            walk.pop()
    return "".join(out)


def _encode(v: Any, out: list[str], active: set[int]) -> _Members | None:
    """Appends Go's json.Marshal encoding of ``v``, or returns the generator that
    encodes a container around its members (which the caller encodes in turn)."""
    v = values.as_go(v)
    k = values.kind(v)
    if k in (values.INVALID, values.NIL):
        out.append("null")
    elif k == values.STRING:
        out.append(_string(v))
    elif k == values.BOOL:
        out.append("true" if v else "false")
    elif k in (values.INT, values.UINT):
        out.append(itoa(int(v)))
    elif k == values.FLOAT:
        out.append(_float(float(v)))
    elif isinstance(v, gotime.Time):
        try:
            out.append(go_string(v.MarshalJSON()))
        except gotime.GoError as e:
            # Go's JSON encoder formats times itself and words the error its way.
            reason = str(e).removeprefix("Time.MarshalJSON: ")
            raise MarshalError(
                f"json: error calling MarshalJSON for type *time.Time: {reason}"
            ) from None
    elif isinstance(v, gotime.Location):
        out.append("{}")  # only unexported fields
    elif k == values.SLICE:
        if isinstance(v, (bytes, bytearray)):
            out.append('"' + base64.b64encode(v).decode() + '"')
        elif getattr(v, "__go_nil__", False):
            out.append("null")
        else:
            return _array(v, out, active)
    elif k == values.MAP:
        if getattr(v, "__go_nil__", False):
            out.append("null")
        else:
            return _object(v, _map_members(v), out, active)
    elif k in (values.STRUCT, values.POINTER):
        tags: Mapping[str, str] = getattr(type(v), "__go_json__", {})
        cls = type(v)
        # Unexported fields (which a Go-modelled class may declare) are left out.
        fields = [(n, e) for n, e in values.struct_fields(v) if values.visible(cls, n)]
        return _object(v, [(tags.get(name, name), e) for name, e in fields], out, active)
    else:
        raise MarshalError(f"json: unsupported type: {values.type_name(v)}")
    return None


def _entered(v: Any, active: set[int]) -> None:
    # Go finds a cycle once pointers nest a thousand deep; Python data has no
    # pointers to count, so a container met again inside itself is the cycle.
    if id(v) in active:
        raise MarshalError(
            f"json: unsupported value: encountered a cycle via {values.type_name(v)}"
        )
    active.add(id(v))


def _array(v: Any, out: list[str], active: set[int]) -> _Members:
    _entered(v, active)
    out.append("[")
    for i, item in enumerate(values.slice_elements(v)):
        if i:
            out.append(",")
        yield item
    out.append("]")
    active.discard(id(v))


def _object(v: Any, members: list[tuple[str, Any]], out: list[str], active: set[int]) -> _Members:
    """``{"name":value,...}`` for a struct's fields or a map's sorted entries."""
    _entered(v, active)
    out.append("{")
    for i, (name, value) in enumerate(members):
        if i:
            out.append(",")
        out.append(_string(name) + ":")
        yield value
    out.append("}")
    active.discard(id(v))


def _map_members(m: Mapping) -> list[tuple[str, Any]]:
    key_type = values.map_key_type(m)
    if key_type == "interface {}" or not (
        key_type == "string" or key_type.startswith(("int", "uint"))
    ):
        raise MarshalError(f"json: unsupported type: {values.type_name(m)}")
    items = [(k if key_type == "string" else itoa(int(k)), e) for k, e in m.items()]
    items.sort(key=lambda item: go_bytes(item[0]))
    return items
