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

import dataclasses
import math
import operator
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from . import values
from .gostd import fmt as gofmt
from .gostd import regexp as re2
from .gostd import time as gotime
from .gostd.arith import quo, rem
from .gostd.base64 import url_decode_string, url_encode_to_string
from .gostd.json import marshal
from .gostd.strconv import NumError, SyntaxErr, can_backquote, go_bytes, parse_float, quote
from .gostd.strings import title, to_lower, to_upper, trim_space
from .gostd.url import query_unescape
from .gotypes import StringMap, StringSlice, typed_int, typed_slice
from .html import HTML, URL
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
    __go_json__: ClassVar[dict[str, str]] = {
        "Status": "status",
        "Labels": "labels",
        "Annotations": "annotations",
        "StartsAt": "startsAt",
        "EndsAt": "endsAt",
        "GeneratorURL": "generatorURL",
        "Fingerprint": "fingerprint",
        "CubeImageURL": "cubeImageURL",
    }

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
    __go_json__: ClassVar[dict[str, str]] = {
        "Receiver": "receiver",
        "Status": "status",
        "Alerts": "alerts",
        "GroupLabels": "groupLabels",
        "CommonLabels": "commonLabels",
        "CommonAnnotations": "commonAnnotations",
        "ExternalURL": "externalURL",
        "GroupKey": "groupKey",
        "TruncatedAlerts": "truncatedAlerts",
        "GroupKeyHash": "groupKeyHash",
    }

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
            _decode_struct(data, obj, tuple(Data.__go_json__.items()), "", "template.Data")
        return data


# -- webhook JSON -----------------------------------------------------------------------

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
            _decode_struct(
                alert, obj, tuple(Alert.__go_json__.items()), f"{path}[{i}]", "template.Alert"
            )
        alerts.append(alert)
    return alerts


# -- the other functions ----------------------------------------------------------------


def _to_float(v: Any) -> float:
    """prometheus/common's conversion of humanizeDuration's argument."""
    name = values.type_name(v)
    if name == "float64":
        return float(v)
    if name == "string":
        try:
            return parse_float(v)
        except SyntaxErr as e:
            raise NumError("ParseFloat", v, e) from None
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


def match(pattern: str, s: str) -> bool:
    """regexp.MatchString."""
    try:
        rx = re2.compile(pattern)
    except re2.RegexpError as e:
        raise ValueError(str(e)) from None
    return rx.match_string(s)


def re_replace_all(pattern: str, repl: str, text: str) -> str:
    """regexp.MustCompile(pattern).ReplaceAllString(text, repl); a bad pattern fails."""
    try:
        rx = re2.compile(pattern)
    except re2.RegexpError as e:
        # Go's MustCompile panics with this text; the template reports the panic.
        shown = f"`{pattern}`" if can_backquote(pattern) else quote(pattern)
        raise ValueError(f"regexp: Compile({shown}): {e}") from None
    return rx.replace_all_string(text, repl)


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
    "toJson": _declare(marshal, (_ANY,), (_S, "error")),
    # The URL-safe alphabet, padded, as upstream chose.
    "base64encode": _declare(url_encode_to_string, (_S,), (_S,)),
    "base64decode": _declare(url_decode_string, (_S,), (_S, "error")),
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
