"""Go's encoding/json.Marshal, as templates' ``toJson`` calls it.

Go 1.27 runs the encoding/json API on its v2 engine with v1 options: HTML
characters and U+2028/U+2029 are escaped, map keys sorted, invalid UTF-8
replaced by U+FFFD, floats written as the v1 encoder wrote them.

A struct's JSON member names are its field names unless its class maps field
names to others in ``__go_json__`` (Go's ``json:"name"`` tags).
"""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping
from typing import Any

from .. import values
from . import fmt as gofmt
from . import time as gotime
from .strconv import go_bytes, go_string, itoa

__all__ = ["MarshalError", "marshal"]


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


def _encode(v: Any, out: list[str]) -> None:
    """Appends Go's json.Marshal encoding of ``v``."""
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
            out.append("[")
            for i, item in enumerate(values.slice_elements(v)):
                if i:
                    out.append(",")
                _encode(item, out)
            out.append("]")
    elif k == values.MAP:
        _map(v, out)
    elif k in (values.STRUCT, values.POINTER):
        tags: Mapping[str, str] = getattr(type(v), "__go_json__", {})
        _object([(tags.get(name, name), e) for name, e in values.struct_fields(v)], out)
    else:
        raise MarshalError(f"json: unsupported type: {values.type_name(v)}")


def _object(members: list[tuple[str, Any]], out: list[str]) -> None:
    """``{"name":value,...}`` for a struct's fields or a map's sorted entries."""
    out.append("{")
    for i, (name, value) in enumerate(members):
        if i:
            out.append(",")
        out.append(_string(name) + ":")
        _encode(value, out)
    out.append("}")


def _map(m: Mapping, out: list[str]) -> None:
    if getattr(m, "__go_nil__", False):
        out.append("null")
        return
    key_type = values.map_key_type(m)
    if key_type == "interface {}" or not (
        key_type == "string" or key_type.startswith(("int", "uint"))
    ):
        raise MarshalError(f"json: unsupported type: {values.type_name(m)}")
    items = [(k if key_type == "string" else itoa(int(k)), e) for k, e in m.items()]
    items.sort(key=lambda item: go_bytes(item[0]))
    _object(items, out)


def marshal(v: Any) -> str:
    """Go's json.Marshal as a string (HTML-safe, map keys sorted); raises MarshalError."""
    out: list[str] = []
    _encode(v, out)
    return "".join(out)
