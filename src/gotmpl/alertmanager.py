"""Prometheus Alertmanager's notification-template profile: its data model and functions.

Alertmanager executes notification templates on a ``*template.Data`` built from an
alert group, with ``missingkey=zero`` and its ``DefaultFuncs`` function map. This
module provides the same three things for gotmpl:

* :class:`Data`, :class:`Alert`, :class:`Alerts`, :class:`KV`, :class:`Pairs`,
  :class:`Pair` and :class:`Strings`, which print, compare and answer method
  calls as the Go types do (``{{ .CommonLabels.SortedPairs }}``,
  ``{{ .Alerts.Firing | len }}``); :meth:`Data.from_dict` reads the webhook JSON
  Alertmanager posts (the ``receiver``, ``status``, ``alerts`` ... payload);
* :data:`FUNCS`, the functions (``toUpper``, ``reReplaceAll``, ``toJson``, ``date``
  ...) with upstream's Go signatures, so argument errors read as Go's do;
* :func:`template`, a :class:`gotmpl.Template` set up the way Alertmanager sets
  up its own.

    tmpl = alertmanager.template("pagerduty").parse(text)
    body = tmpl.execute(alertmanager.Data.from_dict(json.load(f)))

A Go nil map or slice (a field missing from the webhook JSON) is an empty
:class:`KV` or :class:`Alerts` whose class sets ``__go_nil__``: it prints and
ranges like an empty one and ``toJson`` writes it as ``null``, as Go does.
"""

from __future__ import annotations

import base64
import bisect
import dataclasses
import math
import operator
from collections.abc import Callable, Mapping
from typing import Any

from . import values
from .exec.state import regex_time_limit
from .gostd import _casetables as _amunicode
from .gostd import fmt as gofmt
from .gostd import regexp as re2
from .gostd import time as gotime
from .gostd.arith import quo, rem
from .gostd.strconv import GO_SPACE, SyntaxErr, can_backquote, go_bytes, parse_float, quote
from .gotypes import StringMap, StringSlice, typed_int, typed_slice
from .template import Template

__all__ = [
    "FUNCS",
    "KV",
    "Alert",
    "Alerts",
    "Data",
    "Pair",
    "Pairs",
    "Strings",
    "template",
]

Uint64 = typed_int("uint64")

# The label Alertmanager puts first when it sorts label pairs (model.AlertNameLabel).
ALERT_NAME_LABEL = "alertname"


# -- the data model ---------------------------------------------------------------------
#
# Only Go's exported methods are public names on these classes: gotmpl offers
# every public method of a class to templates, so Python helpers stay private.


class Strings(StringSlice):
    """``template.Strings``: the ``[]string`` that ``Names`` and ``Values`` return."""

    __go_type__ = "template.Strings"
    __go_underlying__ = "[]string"

    def Join(self, sep: str) -> str:
        """The strings joined with ``sep`` between them."""
        return sep.join(self)


class Pair(tuple):
    """``template.Pair``: one label or annotation, ``{Name Value}``.

    A tuple underneath (``__go_kind__`` makes it a Go struct): SortedPairs builds
    one per label on every render, and a tuple is the cheapest object to build.
    """

    __go_type__ = "template.Pair"
    __go_kind__ = "struct"
    __go_fields__ = ("Name", "Value")
    __slots__ = ()

    def __new__(cls, name: str, value: str) -> Pair:
        return tuple.__new__(cls, (name, value))

    Name = property(operator.itemgetter(0), doc="The label name.")
    Value = property(operator.itemgetter(1), doc="The label value.")

    def __repr__(self) -> str:
        return f"Pair({self.Name!r}, {self.Value!r})"


class Pairs(list):
    """``template.Pairs``: label pairs in order; prints as ``a=1, b=2``."""

    __go_type__ = "template.Pairs"
    __go_underlying__ = "[]template.Pair"

    def Names(self) -> Strings:
        """The pair names, in order."""
        return Strings(p.Name for p in self)

    def Values(self) -> Strings:
        """The pair values, in order."""
        return Strings(p.Value for p in self)

    def String(self) -> str:
        """``name=value`` items joined by ``", "``."""
        return ", ".join(f"{p.Name}={p.Value}" for p in self)


class KV(StringMap):
    """``template.KV``, a ``map[string]string`` of labels or annotations.

    A missing key reads as ``""`` (Go's zero string), so ``{{ .Labels.nope }}``
    prints nothing under Alertmanager's ``missingkey=zero``.
    """

    __go_type__ = "template.KV"
    __go_underlying__ = "map[string]string"
    __go_nil__ = False

    def SortedPairs(self) -> Pairs:
        """The pairs sorted by name, except that ``alertname`` comes first."""
        # Byte order is code point order, except for undecodable bytes (surrogates).
        names = sorted(self) if "".join(self).isascii() else sorted(self, key=go_bytes)
        if ALERT_NAME_LABEL in self:
            names.remove(ALERT_NAME_LABEL)
            names.insert(0, ALERT_NAME_LABEL)
        new = tuple.__new__
        return Pairs([new(Pair, (k, self[k])) for k in names])

    def Remove(self, keys: list[str]) -> KV:
        """A copy without ``keys``."""
        drop = set(keys)
        return KV((k, v) for k, v in self.items() if k not in drop)

    Remove.__go_params__ = ("[]string",)  # type: ignore[attr-defined]

    def Names(self) -> Strings:
        """The names, in ``SortedPairs`` order."""
        return self.SortedPairs().Names()

    def Values(self) -> Strings:
        """The values, in ``SortedPairs`` order."""
        return self.SortedPairs().Values()

    def String(self) -> str:
        """The sorted pairs as ``alertname=X, a=1``."""
        return self.SortedPairs().String()


class _NilKV(KV):
    """A nil ``template.KV``: empty, but ``null`` in JSON."""

    __go_nil__ = True

    def __repr__(self) -> str:
        return "KV(nil)"


_AlertSlice = typed_slice("template.Alert")  # []Alert, what Firing and Resolved return


@dataclasses.dataclass(eq=True)
class Alert:
    """``template.Alert``: one alert of the group."""

    __go_type__ = "template.Alert"

    Status: str = ""
    Labels: KV = dataclasses.field(default_factory=_NilKV)
    Annotations: KV = dataclasses.field(default_factory=_NilKV)
    StartsAt: gotime.Time = dataclasses.field(default_factory=gotime.Time.zero)
    EndsAt: gotime.Time = dataclasses.field(default_factory=gotime.Time.zero)
    GeneratorURL: str = ""
    Fingerprint: str = ""
    CubeImageURL: str = ""

    def __post_init__(self) -> None:
        # Plain Python values become the Go-typed ones templates expect.
        if not isinstance(self.Labels, KV):
            self.Labels = KV(self.Labels)
        if not isinstance(self.Annotations, KV):
            self.Annotations = KV(self.Annotations)
        self.StartsAt = values.as_go(self.StartsAt)
        self.EndsAt = values.as_go(self.EndsAt)


class Alerts(list):
    """``template.Alerts``: the alerts of the group."""

    __go_type__ = "template.Alerts"
    __go_underlying__ = "[]template.Alert"
    __go_nil__ = False

    def Firing(self) -> list[Alert]:
        """The firing alerts, as a plain ``[]Alert``."""
        return _AlertSlice(a for a in self if a.Status == "firing")

    def Resolved(self) -> list[Alert]:
        """The resolved alerts, as a plain ``[]Alert``."""
        return _AlertSlice(a for a in self if a.Status == "resolved")


class _NilAlerts(Alerts):
    """A nil ``template.Alerts``: empty, but ``null`` in JSON."""

    __go_nil__ = True

    def __repr__(self) -> str:
        return "Alerts(nil)"


class _ClassOnly:
    """A class method that instances do not see.

    Templates reach every public method of a value, so ``Data.from_dict`` must
    not be one: Go's ``{{ .from_dict }}`` is an unknown field.
    """

    def __init__(self, func: Callable[..., Any]) -> None:
        self._func = func
        self.__doc__ = func.__doc__

    def __get__(self, obj: object, cls: type | None = None) -> Callable[..., Any]:
        if obj is not None:
            raise AttributeError(self._func.__name__)
        return self._func.__get__(cls, type(cls))


@dataclasses.dataclass(eq=True)
class Data:
    """``*template.Data``: what a notification template is executed with."""

    __go_type__ = "*template.Data"

    Receiver: str = ""
    Status: str = ""
    Alerts: Alerts = dataclasses.field(default_factory=_NilAlerts)
    GroupLabels: KV = dataclasses.field(default_factory=_NilKV)
    CommonLabels: KV = dataclasses.field(default_factory=_NilKV)
    CommonAnnotations: KV = dataclasses.field(default_factory=_NilKV)
    ExternalURL: str = ""
    GroupKey: str = ""
    TruncatedAlerts: int = dataclasses.field(default_factory=Uint64)
    GroupKeyHash: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.Alerts, Alerts):
            self.Alerts = Alerts(a if isinstance(a, Alert) else Alert(**a) for a in self.Alerts)
        for name in ("GroupLabels", "CommonLabels", "CommonAnnotations"):
            if not isinstance(getattr(self, name), KV):
                setattr(self, name, KV(getattr(self, name)))
        if type(self.TruncatedAlerts) is not Uint64:
            self.TruncatedAlerts = Uint64(self.TruncatedAlerts)

    @_ClassOnly
    def from_dict(cls, obj: Any) -> Data:
        """Reads an Alertmanager webhook payload (parsed JSON) as Go's encoding/json does.

        Keys match field names case-insensitively, unknown keys are ignored, a
        missing field keeps Go's zero value (a nil map or slice, the zero time)
        and ``null`` resets a map or slice to nil. A value of the wrong shape
        raises ``ValueError`` naming the field, e.g. ``alerts[2].startsAt:
        parsing time ...``.
        """
        data = cls()
        if obj is not None:
            _decode_struct(data, obj, _DATA_JSON, "", "template.Data")
        return data


# -- webhook JSON -----------------------------------------------------------------------

# Go's encoding/json field names (json tags), in struct order.
_DATA_JSON = (
    ("Receiver", "receiver"),
    ("Status", "status"),
    ("Alerts", "alerts"),
    ("GroupLabels", "groupLabels"),
    ("CommonLabels", "commonLabels"),
    ("CommonAnnotations", "commonAnnotations"),
    ("ExternalURL", "externalURL"),
    ("GroupKey", "groupKey"),
    ("TruncatedAlerts", "truncatedAlerts"),
    ("GroupKeyHash", "groupKeyHash"),
)
_ALERT_JSON = (
    ("Status", "status"),
    ("Labels", "labels"),
    ("Annotations", "annotations"),
    ("StartsAt", "startsAt"),
    ("EndsAt", "endsAt"),
    ("GeneratorURL", "generatorURL"),
    ("Fingerprint", "fingerprint"),
    ("CubeImageURL", "cubeImageURL"),
)
_JSON_NAMES: dict[type, tuple[tuple[str, str], ...]] = {Data: _DATA_JSON, Alert: _ALERT_JSON}

# encoding/json matches keys to field names ignoring case: ASCII letters fold to
# upper case, and so do the long s and the Kelvin sign, which fold to S and K.
_FOLD = str.maketrans(
    {**{chr(c): chr(c - 32) for c in range(ord("a"), ord("z") + 1)}, "\u017f": "S", "\u212a": "K"}
)


def _json_kind(v: Any) -> str:
    """The JSON type name Go's decoder reports for a value."""
    if isinstance(v, str):
        return "string"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, Mapping):
        return "object"
    if isinstance(v, (list, tuple)):
        return "array"
    return type(v).__name__


def _bad(path: str, value: Any, go_type: str) -> ValueError:
    return ValueError(
        f"{path}: cannot unmarshal {_json_kind(value)} into Go value of type {go_type}"
    )


def _decode_struct(
    target: Any, obj: Any, fields: tuple[tuple[str, str], ...], path: str, go_type: str
) -> None:
    """Decodes a JSON object into an existing Data or Alert, field by field."""
    if not isinstance(obj, Mapping):
        raise _bad(path or "data", obj, go_type)
    by_fold = {tag.translate(_FOLD): (attr, tag) for attr, tag in fields}
    for key, value in obj.items():
        found = by_fold.get(str(key).translate(_FOLD))
        if found is None:
            continue  # unknown keys are ignored
        attr, tag = found
        where = f"{path}.{tag}" if path else tag
        current = getattr(target, attr)
        if value is None:
            # null makes a map or slice nil and leaves anything else alone.
            if isinstance(current, KV):
                setattr(target, attr, _NilKV())
            elif attr == "Alerts":
                target.Alerts = _NilAlerts()
        elif attr == "Alerts":
            target.Alerts = _decode_alerts(current, value, where)
        elif isinstance(current, KV):
            setattr(target, attr, _decode_kv(current, value, where))
        elif isinstance(current, gotime.Time):
            if not isinstance(value, str):
                raise ValueError(f"{where}: Time.UnmarshalJSON: input is not a JSON string")
            try:
                setattr(target, attr, gotime.parse_rfc3339(value))
            except gotime.GoError as e:
                raise ValueError(f"{where}: {e}") from None
        elif attr == "TruncatedAlerts":
            if type(value) is not int or not 0 <= value < 1 << 64:
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    raise ValueError(f"{where}: cannot unmarshal number {value} into uint64")
                raise _bad(where, value, "uint64")
            target.TruncatedAlerts = Uint64(value)
        else:
            if not isinstance(value, str):
                raise _bad(where, value, "string")
            setattr(target, attr, value)


def _decode_kv(current: KV, obj: Any, path: str) -> KV:
    """A JSON object of strings into a KV; Go fills an existing map, or makes one."""
    if not isinstance(obj, Mapping):
        raise _bad(path, obj, "template.KV")
    kv = KV() if current.__go_nil__ else current
    for key, value in obj.items():
        if value is None:
            value = ""  # null stores the zero string
        elif not isinstance(value, str):
            raise _bad(f"{path}[{quote(str(key))}]", value, "string")
        kv[str(key)] = value
    return kv


def _decode_alerts(current: Alerts, arr: Any, path: str) -> Alerts:
    """A JSON array into Alerts; like Go, elements already present are decoded into."""
    if not isinstance(arr, (list, tuple)):
        raise _bad(path, arr, "template.Alerts")
    alerts = Alerts()
    for i, obj in enumerate(arr):
        alert = current[i] if i < len(current) else Alert()
        if obj is not None:
            _decode_struct(alert, obj, _ALERT_JSON, f"{path}[{i}]", "template.Alert")
        alerts.append(alert)
    return alerts


# -- Unicode, as Go's unicode package sees it -------------------------------------------


_CaseRange = tuple[int, int, "int | None", "int | None", "int | None"]


def _load_case_ranges() -> tuple[list[int], list[_CaseRange]]:
    los: list[int] = []
    ranges: list[_CaseRange] = []
    for item in _amunicode.CASE_RANGES.split():
        span, _, deltas = item.partition(":")
        lo, _, hi = span.partition("-")
        du, dl, dt = (None if d == "*" else int(d) for d in deltas.split(","))
        los.append(int(lo, 16))
        ranges.append((int(lo, 16), int(hi, 16), du, dl, dt))
    return los, ranges


def _load_title_runs() -> tuple[list[int], bytes]:
    starts: list[int] = []
    flags = bytearray()
    for item in _amunicode.TITLE_RUNS.split():
        start, _, f = item.partition(":")
        starts.append(int(start, 16))
        flags.append(int(f))
    return starts, bytes(flags)


_CASE_LOS, _CASE_RANGES = _load_case_ranges()
_RUN_STARTS, _RUN_FLAGS = _load_title_runs()
_UPPER, _LOWER, _TITLE = 0, 1, 2


def _to_case(case: int, r: int) -> int:
    """Go's unicode.To: ``r`` mapped to upper, lower or title case."""
    i = bisect.bisect_right(_CASE_LOS, r) - 1
    if i < 0:
        return r
    lo, hi, *deltas = _CASE_RANGES[i]
    if r > hi:
        return r
    delta = deltas[case]
    if delta is None:
        # Alternating pairs: upper case at even offsets from lo, lower at odd.
        return lo + (((r - lo) & ~1) | (case & 1))
    return r + delta


def _flags(r: int) -> int:
    return _RUN_FLAGS[bisect.bisect_right(_RUN_STARTS, r) - 1]


def _is_invalid(ch: str) -> bool:
    # A lone surrogate stands for a byte that is not valid UTF-8.
    return "\ud800" <= ch <= "\udfff"


def _map_runes(case: int, s: str) -> str:
    """Go's strings.Map with unicode.To: invalid bytes become U+FFFD."""
    return "".join("\ufffd" if _is_invalid(c) else chr(_to_case(case, ord(c))) for c in s)


def to_upper(s: str) -> str:
    """strings.ToUpper."""
    return s.upper() if s.isascii() else _map_runes(_UPPER, s)


def to_lower(s: str) -> str:
    """strings.ToLower."""
    return s.lower() if s.isascii() else _map_runes(_LOWER, s)


def trim_space(s: str) -> str:
    """strings.TrimSpace: Unicode White_Space at both ends."""
    return s.strip(GO_SPACE)


# Unconditional SpecialCasing titlecase mappings that differ from the simple
# one-rune mapping (ligatures, Greek with ypogegrammeni, ...).
_TITLE_SPECIAL = {
    0x00DF: "Ss",
    0x0149: "\u02bcN",
    0x01F0: "J\u030c",
    0x0390: "\u0399\u0308\u0301",
    0x03B0: "\u03a5\u0308\u0301",
    0x0587: "\u0535\u0582",
    0x1E96: "H\u0331",
    0x1E97: "T\u0308",
    0x1E98: "W\u030a",
    0x1E99: "Y\u030a",
    0x1E9A: "A\u02be",
    0x1F50: "\u03a5\u0313",
    0x1F52: "\u03a5\u0313\u0300",
    0x1F54: "\u03a5\u0313\u0301",
    0x1F56: "\u03a5\u0313\u0342",
    0x1FB2: "\u1fba\u0345",
    0x1FB4: "\u0386\u0345",
    0x1FB6: "\u0391\u0342",
    0x1FB7: "\u0391\u0342\u0345",
    0x1FC2: "\u1fca\u0345",
    0x1FC4: "\u0389\u0345",
    0x1FC6: "\u0397\u0342",
    0x1FC7: "\u0397\u0342\u0345",
    0x1FD2: "\u0399\u0308\u0300",
    0x1FD3: "\u0399\u0308\u0301",
    0x1FD6: "\u0399\u0342",
    0x1FD7: "\u0399\u0308\u0342",
    0x1FE2: "\u03a5\u0308\u0300",
    0x1FE3: "\u03a5\u0308\u0301",
    0x1FE4: "\u03a1\u0313",
    0x1FE6: "\u03a5\u0342",
    0x1FE7: "\u03a5\u0308\u0342",
    0x1FF2: "\u1ffa\u0345",
    0x1FF4: "\u038f\u0345",
    0x1FF6: "\u03a9\u0342",
    0x1FF7: "\u03a9\u0342\u0345",
    0xFB00: "Ff",
    0xFB01: "Fi",
    0xFB02: "Fl",
    0xFB03: "Ffi",
    0xFB04: "Ffl",
    0xFB05: "St",
    0xFB06: "St",
    0xFB13: "\u0544\u0576",
    0xFB14: "\u0544\u0565",
    0xFB15: "\u0544\u056b",
    0xFB16: "\u054e\u0576",
    0xFB17: "\u0544\u056d",
}

# Word-break classes MidLetter, MidNumLet and Single_Quote: they continue a word
# unless two of them meet.
_MID = frozenset(
    "':.\u00b7\u0387\u055f\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a"
)
_CASED, _IGNORABLE, _BREAK = _amunicode.FLAG_CASED, _amunicode.FLAG_IGNORABLE, _amunicode.FLAG_BREAK
_MAX_IGNORABLE = 30  # how far the final-sigma rule looks past case-ignorable runes
_CAPITAL_SIGMA = "\u03a3"


def _title_rune(r: int) -> str:
    special = _TITLE_SPECIAL.get(r)
    return special if special is not None else chr(_to_case(_TITLE, r))


def _lower_rune(r: int) -> str:
    # U+0130 is the one rune whose full lower-case mapping is two runes.
    return "i\u0307" if r == 0x130 else chr(_to_case(_LOWER, r))


def title(text: str) -> str:
    """x/text's title caser for American English, as the Go oracle re-creates it.

    Each word's first cased rune is title-cased and the rest lower-cased (with
    the full Unicode mappings, and final sigma), digits do not start a word,
    and word breaks approximate UAX #29.
    """
    out: list[str] = []
    mid_word = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if _is_invalid(ch):
            out.append(ch)
            mid_word = False
            i += 1
            continue
        r = ord(ch)
        nxt = i + 1
        f = _flags(r)
        if f & _CASED and not mid_word:
            out.append(_title_rune(r))
            mid_word = True
        elif ch == _CAPITAL_SIGMA:
            nxt, mid_word = _lower_sigma(out, text, nxt)
        elif f & _CASED:
            out.append(_lower_rune(r))
        else:
            out.append(ch)
            if f & _BREAK:
                mid_word = False
        if ch in _MID and nxt < n and text[nxt] in _MID:
            mid_word = False
        i = nxt
    return "".join(out)


def _lower_sigma(out: list[str], text: str, pos: int) -> tuple[int, bool]:
    """Lower-cases a capital sigma inside a word: final unless a cased rune follows.

    Case-ignorable runes after it are copied; returns where to resume and
    whether the word is still open.
    """
    mid_word = True
    copied_from = pos
    prev_mid = False
    sigma = "\u03c2"
    for _ in range(_MAX_IGNORABLE + 1):
        if pos >= len(text):
            break
        ch = text[pos]
        f = 0 if _is_invalid(ch) else _flags(ord(ch))
        if not f & _IGNORABLE:
            if f & _CASED:
                sigma = "\u03c3"
            break
        mid = ch in _MID
        if (prev_mid and mid) or f & _BREAK:
            mid_word = False
        prev_mid = mid
        pos += 1
    out.append(sigma)
    out.append(text[copied_from:pos])
    return pos, mid_word


# -- toJson: Go's encoding/json.Marshal --------------------------------------------------
#
# Go 1.27 runs the encoding/json API on its v2 engine with v1 options: HTML
# characters and U+2028/U+2029 are escaped, map keys sorted, invalid UTF-8
# replaced by U+FFFD, floats written as the v1 encoder wrote them.


class _JSONError(Exception):
    """json.Marshal failed; the text is Go's."""


_JSON_ESCAPES = {
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
    _JSON_ESCAPES.setdefault(_c, f"\\u{ord(_c):04x}")
for _c in map(chr, range(0xDC80, 0xDD00)):
    _JSON_ESCAPES[_c] = "\ufffd"  # an invalid UTF-8 byte becomes U+FFFD itself
del _c
_JSON_ESCAPE_TABLE = str.maketrans(_JSON_ESCAPES)


def _json_string(s: str) -> str:
    return '"' + s.translate(_JSON_ESCAPE_TABLE) + '"'


def _json_float(f: float) -> str:
    if math.isnan(f) or math.isinf(f):
        raise _JSONError(f"json: unsupported value: {gofmt.format_float(f, 'g', -1)}")
    a = abs(f)
    if a != 0 and (a < 1e-6 or a >= 1e21):
        s = gofmt.format_float(f, "e", -1)
        # Go writes 1e-07 as 1e-7 (but keeps 1e+21).
        if len(s) >= 4 and s[-4] == "e" and s[-3] == "-" and s[-2] == "0":
            s = s[:-2] + s[-1]
        return s
    return gofmt.format_float(f, "f", -1)


def _json_encode(v: Any, out: list[str]) -> None:
    """Appends Go's json.Marshal encoding of ``v``."""
    v = values.as_go(v)
    k = values.kind(v)
    if k in (values.INVALID, values.NIL):
        out.append("null")
    elif k == values.STRING:
        out.append(_json_string(v))
    elif k == values.BOOL:
        out.append("true" if v else "false")
    elif k in (values.INT, values.UINT):
        out.append(str(int(v)))
    elif k == values.FLOAT:
        out.append(_json_float(float(v)))
    elif isinstance(v, gotime.Time):
        try:
            out.append(v.MarshalJSON().decode("utf-8", "surrogateescape"))
        except gotime.GoError as e:
            # Go's JSON encoder formats times itself and words the error its way.
            reason = str(e).removeprefix("Time.MarshalJSON: ")
            raise _JSONError(
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
            for i, e in enumerate(v):
                if i:
                    out.append(",")
                _json_encode(e, out)
            out.append("]")
    elif k == values.MAP:
        _json_map(v, out)
    elif k in (values.STRUCT, values.POINTER):
        names = _JSON_NAMES.get(type(v))
        fields = (
            [(tag, getattr(v, attr)) for attr, tag in names]
            if names is not None
            else values.struct_fields(v)
        )
        _json_object(fields, out)
    else:
        raise _JSONError(f"json: unsupported type: {values.type_name(v)}")


def _json_object(members: list[tuple[str, Any]], out: list[str]) -> None:
    """``{"name":value,...}`` for a struct's fields or a map's sorted entries."""
    out.append("{")
    for i, (name, value) in enumerate(members):
        if i:
            out.append(",")
        out.append(_json_string(name) + ":")
        _json_encode(value, out)
    out.append("}")


def _json_map(m: Mapping, out: list[str]) -> None:
    if getattr(m, "__go_nil__", False):
        out.append("null")
        return
    key_type = values.map_key_type(m)
    if key_type == "interface {}" or not (
        key_type == "string" or key_type.startswith(("int", "uint"))
    ):
        raise _JSONError(f"json: unsupported type: {values.type_name(m)}")
    items = [(k if key_type == "string" else str(int(k)), e) for k, e in m.items()]
    items.sort(key=lambda item: go_bytes(item[0]))
    _json_object(items, out)


def to_json(v: Any) -> str:
    """Go's json.Marshal as a string (HTML-safe, map keys sorted)."""
    out: list[str] = []
    try:
        _json_encode(v, out)
    except _JSONError as e:
        raise ValueError(str(e)) from None
    return "".join(out)


# -- the other functions ----------------------------------------------------------------


class HTML(str):
    """html/template's ``template.HTML`` (safeHtml's result)."""

    __go_type__ = "template.HTML"


class URL(str):
    """html/template's ``template.URL`` (safeUrl's result)."""

    __go_type__ = "template.URL"


def _from_bytes(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def _parse_float(s: str) -> float:
    """strconv.ParseFloat(s, 64), with Go's error text."""
    if s[:1] in "+-" and s[1:].lower() == "nan":
        raise ValueError(f"strconv.ParseFloat: parsing {quote(s)}: invalid syntax")
    try:
        return parse_float(s)
    except SyntaxErr as e:
        raise ValueError(f"strconv.ParseFloat: parsing {quote(s)}: {e}") from None


def _to_float(v: Any) -> float:
    """prometheus/common's conversion of humanizeDuration's argument."""
    name = values.type_name(v)
    if name == "float64":
        return float(v)
    if name == "string":
        return _parse_float(v)
    if name in ("int", "uint", "int64", "uint64"):
        return float(int(v))
    if name == "time.Duration":
        return values.as_go(v).Seconds()
    raise ValueError(f"can't convert {name} to float")


def humanize_duration(v: Any) -> str:
    """Seconds as ``1d 2h 3m 4s``, ``1.5s`` or ``250ms``."""
    f = _to_float(v)
    if math.isnan(f) or math.isinf(f):
        return gofmt.sprintf("%.4g", f)
    if f == 0:
        return gofmt.sprintf("%.4gs", f)
    if abs(f) >= 1:
        sign = ""
        if f < 0:
            sign, f = "-", -f
        # Go's int64(f); out of range, amd64 yields the minimum int64.
        total = int(f) if f < 2**63 else -(2**63)
        days = quo(total, 86400)
        hours = rem(quo(total, 3600), 24)
        minutes = rem(quo(total, 60), 60)
        seconds = rem(total, 60)
        if days:
            return f"{sign}{days}d {hours}h {minutes}m {seconds}s"
        if hours:
            return f"{sign}{hours}h {minutes}m {seconds}s"
        if minutes:
            return f"{sign}{minutes}m {seconds}s"
        return gofmt.sprintf("%s%.4gs", sign, f)
    prefix = ""
    for p in ("m", "u", "n", "p", "f", "a", "z", "y"):
        if abs(f) >= 1:
            break
        prefix = p
        f *= 1000
    return gofmt.sprintf("%.4g%ss", f, prefix)


def query_unescape(s: str) -> str:
    """net/url.QueryUnescape: ``%XX`` escapes and ``+`` as space."""
    b = go_bytes(s)
    hexdigits = b"0123456789abcdefABCDEF"
    i = 0
    while i < len(b):
        if b[i] == 0x25:  # '%'
            if i + 2 >= len(b) or b[i + 1] not in hexdigits or b[i + 2] not in hexdigits:
                bad = b[i : i + 3]
                raise ValueError(f"invalid URL escape {quote(_from_bytes(bad))}")
            i += 3
        else:
            i += 1
    out = bytearray()
    i = 0
    while i < len(b):
        c = b[i]
        if c == 0x25:
            out.append(int(b[i + 1 : i + 3], 16))
            i += 3
            continue
        out.append(0x20 if c == 0x2B else c)
        i += 1
    return _from_bytes(bytes(out))


_B64_URL = {
    c: i for i, c in enumerate(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
}


def base64_decode(s: str) -> str:
    """base64.URLEncoding.DecodeString, with Go's error offsets.

    Go skips CR and LF anywhere and reports the first offending byte; Python's
    decoder is more lenient, so each 4-character quantum is checked as Go does.
    """
    src = go_bytes(s)
    n = len(src)
    out = bytearray()
    si = 0
    while si < n:
        quantum: list[int] = []
        while len(quantum) < 4:
            if si == n:
                if not quantum:
                    return _from_bytes(bytes(out))
                raise ValueError(f"illegal base64 data at input byte {si - len(quantum)}")
            c = src[si]
            si += 1
            if c in _B64_URL:
                quantum.append(_B64_URL[c])
                continue
            if c in (0x0A, 0x0D):
                continue
            if c != 0x3D or len(quantum) < 2:  # not '=', or padding too early
                raise ValueError(f"illegal base64 data at input byte {si - 1}")
            if len(quantum) == 2:  # "==" expected
                while si < n and src[si] in (0x0A, 0x0D):
                    si += 1
                if si == n:
                    raise ValueError(f"illegal base64 data at input byte {n}")
                if src[si] != 0x3D:
                    raise ValueError(f"illegal base64 data at input byte {si - 1}")
                si += 1
            while si < n and src[si] in (0x0A, 0x0D):
                si += 1
            if si < n:
                raise ValueError(f"illegal base64 data at input byte {si}")
            break
        val = 0
        for d in quantum:
            val = val << 6 | d
        val <<= 6 * (4 - len(quantum))
        out += val.to_bytes(3, "big")[: len(quantum) - 1]
    return _from_bytes(bytes(out))


def match(pattern: str, s: str) -> bool:
    """regexp.MatchString."""
    try:
        rx = re2.compile(pattern)
    except re2.RegexpError as e:
        raise ValueError(str(e)) from None
    return rx.match_string(s, timeout=regex_time_limit())


def re_replace_all(pattern: str, repl: str, text: str) -> str:
    """regexp.MustCompile(pattern).ReplaceAllString(text, repl); a bad pattern fails."""
    try:
        rx = re2.compile(pattern)
    except re2.RegexpError as e:
        # Go's MustCompile panics with this text; the template reports the panic.
        shown = f"`{pattern}`" if can_backquote(pattern) else quote(pattern)
        raise ValueError(f"regexp: Compile({shown}): {e}") from None
    return rx.replace_all_string(text, repl, timeout=regex_time_limit())


def _time(t: Any) -> gotime.Time:
    return values.as_go(t)


def tz(name: str, t: Any) -> gotime.Time:
    """``t`` in the time zone ``name``."""
    return _time(t).In(gotime.load_location(name))


def to_date(layout: str, s: str) -> gotime.Time:
    """time.ParseInLocation in UTC; a parse error gives the zero time."""
    try:
        return gotime.parse_in_location(layout, s, gotime.UTC)
    except gotime.GoError:
        return gotime.Time.zero()


def must_to_date(layout: str, s: str) -> gotime.Time:
    """time.ParseInLocation in UTC."""
    return gotime.parse_in_location(layout, s, gotime.UTC)


def dict_(*pairs: Any) -> dict[str, Any]:
    """A ``map[string]interface {}`` from key, value, key, value ..."""
    if len(pairs) % 2:
        raise ValueError("dict requires an even number of arguments")
    result: dict[str, Any] = {}
    for i in range(0, len(pairs), 2):
        key, value = pairs[i], pairs[i + 1]
        if values.type_name(key) != "string":  # a Go type assertion to string
            raise ValueError("dict keys must be strings")
        result[str(key)] = value
    return result


def _declare(func: Callable[..., Any], params: tuple[str, ...], results: tuple[str, ...]) -> Any:
    """Wraps ``func`` so it carries upstream's Go signature."""

    def wrapper(*args: Any) -> Any:
        return func(*args)

    wrapper.__name__ = getattr(func, "__name__", "function")
    wrapper.__doc__ = func.__doc__
    wrapper.__go_params__ = params  # type: ignore[attr-defined]
    wrapper.__go_results__ = results  # type: ignore[attr-defined]
    return wrapper


_S = "string"
_T = "time.Time"
_ANY = "interface {}"

#: Alertmanager's DefaultFuncs, with upstream's Go signatures.
FUNCS: dict[str, Callable[..., Any]] = {
    "toUpper": _declare(to_upper, (_S,), (_S,)),
    "toLower": _declare(to_lower, (_S,), (_S,)),
    "title": _declare(title, (_S,), (_S,)),
    "trimSpace": _declare(trim_space, (_S,), (_S,)),
    # Upstream takes the separator first so that join can end a pipeline.
    "join": _declare(lambda sep, s: sep.join(s), (_S, "[]string"), (_S,)),
    "match": _declare(match, (_S, _S), ("bool", "error")),
    "safeHtml": _declare(HTML, (_S,), ("template.HTML",)),
    "safeUrl": _declare(URL, (_S,), ("template.URL",)),
    "urlUnescape": _declare(query_unescape, (_S,), (_S, "error")),
    "reReplaceAll": _declare(re_replace_all, (_S, _S, _S), (_S,)),
    "stringSlice": _declare(lambda *s: StringSlice(s), ("...string",), ("[]string",)),
    "date": _declare(lambda layout, t: _time(t).Format(layout), (_S, _T), (_S,)),
    "tz": _declare(tz, (_S, _T), (_T, "error")),
    "now": _declare(gotime.now, (), (_T,)),
    "since": _declare(lambda t: gotime.since(_time(t)), (_T,), ("time.Duration",)),
    "humanizeDuration": _declare(humanize_duration, (_ANY,), (_S, "error")),
    "toDate": _declare(to_date, (_S, _S), (_T,)),
    "mustToDate": _declare(must_to_date, (_S, _S), (_T, "error")),
    "toJson": _declare(to_json, (_ANY,), (_S, "error")),
    # The URL-safe alphabet, padded, as upstream chose.
    "base64encode": _declare(
        lambda s: base64.urlsafe_b64encode(go_bytes(s)).decode(), (_S,), (_S,)
    ),
    "base64decode": _declare(base64_decode, (_S,), (_S, "error")),
    "list": _declare(lambda *args: list(args), ("..." + _ANY,), ("[]interface {}", "error")),
    "append": _declare(
        lambda s, *args: [*s, *args], ("[]interface {}", "..." + _ANY), ("[]interface {}",)
    ),
    "dict": _declare(dict_, ("..." + _ANY,), ("map[string]interface {}", "error")),
}


def template(name: str = "", funcs: Mapping[str, Callable[..., Any]] | None = None) -> Template:
    """A template set up as Alertmanager does: ``missingkey=zero`` and :data:`FUNCS`.

    ``funcs`` are added first, so that, as in Alertmanager, the default
    functions win over custom ones of the same name.
    """
    t = Template(name).option("missingkey=zero")
    if funcs:
        t.funcs(funcs)
    return t.funcs(FUNCS)
