"""Alertmanager's data model: what its notification templates execute on, read from webhook JSON.

:class:`Data`, :class:`Alert`, :class:`Alerts`, :class:`KV`, :class:`Pairs`,
:class:`Pair` and :class:`Strings` print, compare and answer method calls as
the Go types of Alertmanager's ``template`` package do
(``{{ .CommonLabels.SortedPairs }}``, ``{{ .Alerts.Firing | len }}``);
:meth:`Data.from_dict` reads the webhook JSON Alertmanager posts as Go's
encoding/json reads it. Users import these classes from gotmpl.alertmanager;
profiles that extend them import them from here.

A Go nil map or slice (a field missing from the webhook JSON) is an empty
:class:`KV` or :class:`Alerts` whose class sets ``__go_nil__``: it prints and
ranges like an empty one and ``toJson`` writes it as ``null``, as Go does.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from .. import values
from ..gostd import time as gotime
from ..gostd.strconv import go_bytes, quote
from ..gotypes import StringMap, StringSlice, Uint64, typed_slice

__all__ = ["ALERT_NAME_LABEL", "KV", "Alert", "Alerts", "Data", "Pair", "Pairs", "Strings"]


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


def _json_names(cls: type) -> dict[str, str]:
    """The json tags of Alertmanager's structs: each field's name, first letter lower-cased."""
    return {f.name: f.name[:1].lower() + f.name[1:] for f in dataclasses.fields(cls)}


_AlertSlice = typed_slice("template.Alert")  # []Alert, what Firing and Resolved return


@dataclasses.dataclass(eq=True)
class Alert:
    """``template.Alert``: one alert of the group."""

    __go_type__ = "template.Alert"
    # Go's json tags, set below the class: see _json_names.
    __go_json__: ClassVar[dict[str, str]]

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


Alert.__go_json__ = _json_names(Alert)


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


_D = TypeVar("_D", bound="Data")


@dataclasses.dataclass(eq=True)
class Data:
    """``*template.Data``: what a notification template is executed with."""

    __go_type__ = "*template.Data"
    # Go's json tags, set below the class: see _json_names.
    __go_json__: ClassVar[dict[str, str]]

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

    @classmethod
    def from_dict(cls: type[_D], obj: Any) -> _D:
        """Reads an Alertmanager webhook payload (parsed JSON) as Go's encoding/json does.

        Keys match the fields' JSON names (``__go_json__``) case-insensitively,
        unknown keys are ignored, a missing field keeps Go's zero value (a nil
        map or slice, the zero time) and ``null`` resets a map or slice to nil.
        A value of the wrong shape raises ``ValueError`` naming the field, e.g.
        ``alerts[2].startsAt: parsing time ...``.
        """
        data = cls()
        if obj is not None:
            _decode_struct(data, obj, "")
        return data


Data.__go_json__ = _json_names(Data)


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


def _decode_struct(target: Data | Alert, obj: Any, path: str) -> None:
    """Decodes a JSON object into an existing Data or Alert, field by field."""
    cls = type(target)
    if not isinstance(obj, Mapping):
        raise _bad(path or "data", obj, cls.__go_type__.lstrip("*"))
    by_fold = {tag.translate(_FOLD): (attr, tag) for attr, tag in cls.__go_json__.items()}
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
                setattr(target, attr, _NilAlerts())
        elif attr == "Alerts":
            setattr(target, attr, _decode_alerts(current, value, where))
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
            setattr(target, attr, Uint64(value))
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
            _decode_struct(alert, obj, f"{path}[{i}]")
        alerts.append(alert)
    return alerts
