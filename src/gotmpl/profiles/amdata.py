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

import bisect
import dataclasses
import operator
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, TypeVar

from .. import pycode, values
from ..gostd import time as gotime
from ..gostd.json import decoded_string
from ..gostd.strconv import go_bytes
from ..gotypes import StringMap, StringSlice, typed_slice

__all__ = ["ALERT_NAME_LABEL", "KV", "Alert", "Alerts", "Data", "Pair", "Pairs", "Strings"]
# What profiles build on the model with.
__all__ += ["declare_struct", "fingerprint", "route_labels_of", "sample"]
__all__ += ["mark_route_labels_rendered"]


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


_NAME_OF, _VALUE_OF = operator.itemgetter(0), operator.itemgetter(1)  # of a Pair


class Pair(tuple):
    """``template.Pair``: one label or annotation, ``{Name Value}``.

    A tuple underneath (``__go_kind__`` makes it a Go struct), made from a
    ``(name, value)`` tuple: SortedPairs builds one per label on every render
    (but for a range whose body reads only ``.Name`` and ``.Value``, which visits
    the tuples), and tuple's own constructor, not overridden, builds it in C (an
    overriding ``__new__(name, value)`` made SortedPairs of 13 labels 40% slower).
    """

    __go_type__ = "template.Pair"
    __go_kind__ = "struct"
    __go_fields__ = ("Name", "Value")
    __slots__ = ()

    Name = property(_NAME_OF, doc="The label name.")
    Value = property(_VALUE_OF, doc="The label value.")

    def __repr__(self) -> str:
        return f"Pair({tuple(self)!r})"


class Pairs(list):
    """``template.Pairs``: label pairs in order; prints as ``a=1, b=2``."""

    __go_type__ = "template.Pairs"
    __go_underlying__ = "[]template.Pair"

    def Names(self) -> Strings:
        """The pair names, in order."""
        return Strings(map(_NAME_OF, self))

    def Values(self) -> Strings:
        """The pair values, in order."""
        return Strings(map(_VALUE_OF, self))

    def String(self) -> str:
        """``name=value`` items joined by ``", "``."""
        return ", ".join(f"{p.Name}={p.Value}" for p in self)


_ALERT_NAME_FIRST = (ALERT_NAME_LABEL,)  # sorts just before the alertname item


def _sorted_items(kv: KV) -> list[tuple[str, str]]:
    """``kv``'s items in SortedPairs' order: by name, except that ``alertname``
    comes first."""
    # Byte order is code point order, except for undecodable bytes (surrogates).
    # Names are unique, so sorting the items never compares values.
    if "".join(kv).isascii():
        items = sorted(kv.items())
        first = bisect.bisect_left(items, _ALERT_NAME_FIRST) if ALERT_NAME_LABEL in kv else 0
    else:
        items = sorted(kv.items(), key=_name_bytes)
        names = [name for name, _ in items]
        first = names.index(ALERT_NAME_LABEL) if ALERT_NAME_LABEL in kv else 0
    if first:
        items.insert(0, items.pop(first))
    return items


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
        return Pairs(map(Pair, _sorted_items(self)))

    # A range over the pairs whose body reads only .Name and .Value visits these
    # tuples instead (gotmpl.exec.compiler.tuple_range): no Pair made per label.
    SortedPairs.__go_range_tuples__ = (  # type: ignore[attr-defined]
        _sorted_items,
        Pair.__go_fields__,
    )

    def Remove(self, keys: list[str]) -> KV:
        """A copy without ``keys``."""
        drop = set(keys)
        return KV((k, v) for k, v in self.items() if k not in drop)

    Remove.__go_params__ = ("[]string",)  # type: ignore[attr-defined]

    def Names(self) -> Strings:
        """The names, in ``SortedPairs`` order."""
        return Strings(map(_NAME_OF, _sorted_items(self)))  # the pairs' items, no Pair made

    def Values(self) -> Strings:
        """The values, in ``SortedPairs`` order."""
        return Strings(map(_VALUE_OF, _sorted_items(self)))

    def String(self) -> str:
        """The sorted pairs as ``alertname=X, a=1``."""
        return self.SortedPairs().String()


def _name_bytes(item: tuple[str, str]) -> bytes:
    return go_bytes(item[0])


class _NilKV(KV):
    """A nil ``template.KV``: empty, but ``null`` in JSON."""

    __go_nil__ = True

    def __repr__(self) -> str:
        return "KV(nil)"


def declare_struct(cls: type, **json_names: str) -> None:
    """Sets the Go layout of a dataclass of the model (or of a profile's subclass).

    Its fields in order, then ``__go_hidden__`` (unexported fields: printed,
    not reachable, not in JSON); and its json tags: ``json_names``, else the
    base class's, else the field's name with the first letter lower-cased.
    """
    names = [f.name for f in dataclasses.fields(cls)]
    tags = {**getattr(cls, "__go_json__", {}), **json_names}
    cls.__go_fields__ = (*names, *getattr(cls, "__go_hidden__", ()))  # type: ignore[attr-defined]
    cls.__go_json__ = {  # type: ignore[attr-defined]
        name: tags.get(name, name[:1].lower() + name[1:]) for name in names
    }


_AlertSlice = typed_slice("template.Alert")  # []Alert, what Firing and Resolved return


_ZERO_TIME = gotime.Time.zero()


@dataclasses.dataclass(eq=True)
class Alert:
    """``template.Alert``: one alert of the group."""

    __go_type__ = "template.Alert"
    # Go's json tags, set below the class by _declare_struct.
    __go_json__: ClassVar[dict[str, str]]

    Status: str = ""
    Labels: KV = dataclasses.field(default_factory=_NilKV)
    Annotations: KV = dataclasses.field(default_factory=_NilKV)
    # Times are immutable: one zero time serves every alert.
    StartsAt: gotime.Time = _ZERO_TIME
    EndsAt: gotime.Time = _ZERO_TIME
    GeneratorURL: str = ""
    Fingerprint: str = ""

    def __post_init__(self) -> None:
        # Plain Python values become the Go-typed ones templates expect.
        if not isinstance(self.Labels, KV):
            self.Labels = KV(self.Labels)
        if not isinstance(self.Annotations, KV):
            self.Annotations = KV(self.Annotations)
        self.StartsAt = values.as_go(self.StartsAt)
        self.EndsAt = values.as_go(self.EndsAt)


declare_struct(Alert)


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

# The group fields holding labels or annotations, by attribute name.
_KV_FIELDS = ("GroupLabels", "CommonLabels", "CommonAnnotations", "RouteLabels")


@dataclasses.dataclass(eq=True)
class Data:
    """``*template.Data``: what a notification template is executed with.

    Besides its fields, Go's struct has the unexported ``routeLabelsRendered``
    flag, which shows when the struct is printed and which
    :func:`mark_route_labels_rendered` sets.
    """

    __go_type__ = "*template.Data"
    __go_hidden__ = ("routeLabelsRendered",)
    # Go's json tags, set below the class by _declare_struct.
    __go_json__: ClassVar[dict[str, str]]
    #: The class of the alerts (a profile extending Alert extends Data too).
    _alert_class: ClassVar[type[Alert]] = Alert
    # The unexported flag: RouteLabels hold final values, not templates.
    routeLabelsRendered: ClassVar[bool] = False

    Receiver: str = ""
    Status: str = ""
    Alerts: Alerts = dataclasses.field(default_factory=_NilAlerts)
    NotificationReason: str = ""
    GroupLabels: KV = dataclasses.field(default_factory=_NilKV)
    CommonLabels: KV = dataclasses.field(default_factory=_NilKV)
    CommonAnnotations: KV = dataclasses.field(default_factory=_NilKV)
    RouteLabels: KV = dataclasses.field(default_factory=_NilKV)
    ExternalURL: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.Alerts, Alerts):
            alert = self._alert_class
            self.Alerts = Alerts(a if isinstance(a, Alert) else alert(**a) for a in self.Alerts)
        for name in _KV_FIELDS:
            if not isinstance(getattr(self, name), KV):
                setattr(self, name, KV(getattr(self, name)))

    @classmethod
    def from_dict(cls: type[_D], obj: Any) -> _D:
        """Reads an Alertmanager webhook payload (parsed JSON) as Go's encoding/json does.

        Keys match the fields' JSON names (``__go_json__``) case-insensitively,
        unknown keys are ignored, a missing field keeps Go's zero value (a nil
        map or slice, the zero time) and ``null`` resets a map or slice to nil.
        A value of the wrong shape raises ``ValueError`` with Go's error, e.g.
        ``json: cannot unmarshal number into Go struct field
        Data.alerts.0.labels.a of type string`` (Go 1.27's words).
        """
        quick = _quick_decoder(cls)(obj)
        if quick is not None:
            return quick
        data = cls()
        if obj is not None:
            _decode_struct(data, obj, ("Data",))
        return data

    @classmethod
    def from_alerts(
        cls: type[_D],
        receiver: str,
        alerts: Iterable[Alert | Mapping[str, Any]],
        *,
        group_labels: Mapping[str, str] | None = None,
        external_url: str = "",
        route_labels: Mapping[str, str] | None = None,
        notification_reason: str = "",
    ) -> _D:
        """The data Alertmanager builds for an alert group (upstream's ``Template.Data``).

        ``alerts`` are :class:`Alert` objects or webhook-shaped mappings
        (``{"labels": ..., "startsAt": ...}``, read as :meth:`from_dict` reads
        them); only their labels, annotations, start and end times and
        generator URL count. As Alertmanager does: an alert is resolved when
        its end time is set and not after now, otherwise firing (with its end
        time cleared); its fingerprint is the hash of its labels; the group is
        firing when any alert is; the common labels and annotations are those
        every alert has with the same value; the receiver name is quoted as a
        regular expression (``regexp.QuoteMeta``), and every map is non-nil.
        """
        from ..gostd.regexp import quote_meta  # the regex package, ~10 ms: when first needed

        now = gotime.now()
        given = [a if isinstance(a, Alert) else _decode_alert(cls._alert_class, a) for a in alerts]
        data = cls(
            Receiver=quote_meta(receiver),
            Status="resolved",
            Alerts=Alerts(),
            NotificationReason=notification_reason,
            GroupLabels=KV(group_labels or {}),
            CommonLabels=KV(),
            CommonAnnotations=KV(),
            RouteLabels=KV(route_labels or {}),
            ExternalURL=external_url,
        )
        for a in given:
            resolved = not a.EndsAt.IsZero() and not a.EndsAt.After(now)
            data.Alerts.append(
                dataclasses.replace(
                    a,
                    Status="resolved" if resolved else "firing",
                    Labels=KV(a.Labels),
                    Annotations=KV(a.Annotations),
                    EndsAt=a.EndsAt if resolved else gotime.Time.zero(),
                    Fingerprint=fingerprint(a.Labels),
                )
            )
            if not resolved:
                data.Status = "firing"
        if given:
            data.CommonLabels = _shared([a.Labels for a in given])
            data.CommonAnnotations = _shared([a.Annotations for a in given])
        return data


declare_struct(Data, NotificationReason="notification_reason")


def sample(cls: type[_D] = Data) -> _D:  # type: ignore[assignment]
    """An alert group to render when there is no data: one alert firing for five
    minutes and one resolved a minute ago, as Alertmanager would send them now
    (amtool's ``template render`` has such a sample)."""
    now = gotime.now()
    minute = 60 * 10**9
    common = {"alertname": "HighLatency", "job": "checkout", "severity": "warning"}
    annotations = {"summary": "p99 latency above 2s", "runbook": "https://runbooks.example/latency"}
    url = "http://prometheus.example:9090/graph?g0.expr=latency_p99"
    alert = cls._alert_class
    return cls.from_alerts(
        "example-team",
        [
            alert(
                Labels=KV(common, instance="app-1:8080"),
                Annotations=KV(annotations),
                StartsAt=now.Add(-5 * minute),
                GeneratorURL=url,
            ),
            alert(
                Labels=KV(common, instance="app-2:8080"),
                Annotations=KV(annotations),
                StartsAt=now.Add(-10 * minute),
                EndsAt=now.Add(-minute),
                GeneratorURL=url,
            ),
        ],
        group_labels={"alertname": "HighLatency", "job": "checkout"},
        external_url="http://alertmanager.example:9093",
        notification_reason="first notification",
    )


def mark_route_labels_rendered(data: Data) -> None:
    """Upstream's ``MarkRouteLabelsRendered``: ``routeLabels`` then answers ``data``'s
    RouteLabels as they are instead of running them as templates (Alertmanager
    marks the data of its own notifications, whose route labels it rendered
    when it grouped the alerts)."""
    data.routeLabelsRendered = True  # type: ignore[misc]


def route_labels_of(data: Any) -> tuple[KV | None, bool]:
    """The route labels ``routeLabels`` resolves for ``data``, and whether they are
    final: none unless it is a :class:`Data`."""
    if isinstance(data, Data):
        return data.RouteLabels, data.routeLabelsRendered
    return None, False


def _shared(maps: list[KV]) -> KV:
    """The entries of the first map every other has with the same value (a missing
    entry reads as ``""``)."""
    common = KV(maps[0])
    for m in maps[1:]:
        for k in [k for k, v in common.items() if m.get(k, "") != v]:
            del common[k]
    return common


# prometheus/common's label fingerprint: 64-bit FNV-1a.
_FNV_OFFSET, _FNV_PRIME, _MASK64 = 14695981039346656037, 1099511628211, (1 << 64) - 1


def fingerprint(labels: Mapping[str, str]) -> str:
    """A label set's fingerprint as Alertmanager prints it: 16 hex digits of the
    FNV-1a hash of the names in byte order, each name and value followed by 0xff."""
    h = _FNV_OFFSET
    for name in sorted(labels, key=go_bytes):
        for part in (name, labels[name]):
            for byte in go_bytes(part) + b"\xff":
                h = ((h ^ byte) * _FNV_PRIME) & _MASK64
    return f"{h:016x}"


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


def _bad(path: tuple[str, ...], value: Any, go_type: str) -> ValueError:
    """Go's UnmarshalTypeError text. ``path`` is the root struct's name, then the
    JSON keys and indexes to the value (written as a JSON pointer's tokens)."""
    kind = _json_kind(value)
    if len(path) < 2:
        return ValueError(f"json: cannot unmarshal {kind} into Go value of type {go_type}")
    where = ".".join([path[0], *(t.replace("~", "~0").replace("/", "~1") for t in path[1:])])
    # Go's heuristic: a path ending in an index is no struct field.
    into = "" if path[-1].isdigit() and path[-1].isascii() else "Go struct field "
    return ValueError(f"json: cannot unmarshal {kind} into {into}{where} of type {go_type}")


# How a field of the model decodes (see _decode_struct).
_STRING, _TIME, _KV, _ALERTS = range(4)

# A struct class's fields by JSON name, and by JSON name folded as encoding/json
# folds it: (attribute, how it decodes); made once per class.
_JSON_FIELDS: dict[type, tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]]]] = {}


def _json_fields(
    cls: type[Data] | type[Alert],
) -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]]]:
    fields = _JSON_FIELDS.get(cls)
    if fields is None:
        zero = cls()
        by_tag = {}
        for attr, tag in cls.__go_json__.items():
            current = getattr(zero, attr)
            how = (
                _ALERTS
                if attr == "Alerts"
                else _KV
                if isinstance(current, KV)
                else _TIME
                if isinstance(current, gotime.Time)
                else _STRING
            )
            by_tag[tag] = (attr, how)
        fields = by_tag, {tag.translate(_FOLD): field for tag, field in by_tag.items()}
        _JSON_FIELDS[cls] = fields
    return fields


_QUICK: dict[type, Any] = {}


# The keys of Alertmanager's webhook message around the template data (version,
# groupKey, truncatedAlerts): ignored, as any key no field takes, without asking.
_WEBHOOK_ONLY_KEYS = ("version", "groupKey", "truncatedAlerts")


def _quick_decoder(cls: type[Data] | type[Alert]) -> Any:
    """A function decoding what Alertmanager itself posts into a new ``cls`` in one
    pass, or answering None for _decode_struct to decode (and word the error).

    It takes a dict whose keys that name fields are all exact JSON names (no two
    keys can then name one field, so their order does not matter; the others are
    ignored, as Go ignores them), strings, times Go's parser accepts, labels of
    strings and lists of such alerts; straight-line code per field, made once
    per class, instead of a loop that asks each key which field it is.
    """
    decoder = _QUICK.get(cls)
    if decoder is not None:
        return decoder
    by_tag, by_fold = _json_fields(cls)
    # The new struct is made without its __init__ (which would set every field and
    # convert none): the immutable zero values are copied in, nil maps and slices
    # made fresh where no value is given.
    zeros: dict[str, Any] = {}
    factories: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.default_factory is not dataclasses.MISSING:
            factories[f.name] = f.default_factory
        else:
            zeros[f.name] = f.default
    decoded = {attr for attr, _ in by_tag.values()}
    lines = [
        "def decode(obj):",
        "    if obj.__class__ is not dict:",
        "        return None",
        "    if not known.issuperset(obj) and not unknown(obj.keys() - known, folds):",
        "        return None",
        "    target = new(cls)",
        "    fields = target.__dict__",
        "    fields.update(zeros)",
    ]
    lines += [f"    fields[{a!r}] = factories[{a!r}]()" for a in factories if a not in decoded]
    for tag, (attr, how) in by_tag.items():
        lines.append(f"    v = obj.get({tag!r}, ABSENT)")
        if how == _STRING:
            lines += [
                "    if v.__class__ is str:",
                f"        fields[{attr!r}] = decoded_string(v)",
            ]
        elif how == _TIME:
            lines += [
                "    if v.__class__ is str:",
                "        try:",
                f"            fields[{attr!r}] = parse_rfc3339(v)",
                "        except GoError:",
                "            return None",
            ]
        elif how == _KV:
            lines += [
                "    if v.__class__ is dict:",
                "        v = quick_kv(v)",
                "        if v is None:",
                "            return None",
                f"        fields[{attr!r}] = v",
            ]
        else:  # the alerts
            lines += [
                "    if v.__class__ is list:",
                "        v = Alerts(map(quick_alert, v))",
                "        if not all(v):  # an alert it could not take",
                "            return None",
                f"        fields[{attr!r}] = v",
            ]
        # null (or no key) leaves the new struct's zero value.
        lines += ["    elif v is not ABSENT and v is not None:", "        return None"]
        if attr in factories:
            lines += ["    else:", f"        fields[{attr!r}] = factories[{attr!r}]()"]
    lines.append("    return target")
    namespace = {
        # The fields' names, and the webhook's own keys when no field takes them.
        "known": frozenset(by_tag).union(
            k for k in _WEBHOOK_ONLY_KEYS if k.translate(_FOLD) not in by_fold
        ),
        "folds": frozenset(by_fold),
        "unknown": _unknown,
        "cls": cls,
        "new": object.__new__,
        "zeros": zeros,
        "factories": factories,
        "ABSENT": _ABSENT,
        "decoded_string": decoded_string,
        "parse_rfc3339": gotime.parse_rfc3339,
        "GoError": gotime.GoError,
        "quick_kv": _quick_kv,
        "Alerts": Alerts,
    }
    if issubclass(cls, Data):
        namespace["quick_alert"] = _quick_decoder(cls._alert_class)
    decoder = _QUICK[cls] = pycode.function("decode", lines, namespace)
    return decoder


_ABSENT = object()


def _unknown(keys: Iterable[Any], folds: frozenset[str]) -> bool:
    """Whether no key names a field when case is ignored as encoding/json ignores it."""
    return all(k.__class__ is str and k.translate(_FOLD) not in folds for k in keys)


def _quick_kv(obj: dict[Any, Any]) -> KV | None:
    """Labels as json.loads gives them, strings to strings, as a KV in one step; None
    for anything else, or a lone surrogate (which decoded_string would replace)."""
    try:
        # join refuses anything but strings.
        text = "".join(obj) + "".join(obj.values())
    except TypeError:
        return None
    return KV(obj) if decoded_string(text) is text else None


def _decode_struct(target: Data | Alert, obj: Any, path: tuple[str, ...]) -> None:
    """Decodes a JSON object into an existing Data or Alert, field by field."""
    cls = type(target)
    if not isinstance(obj, Mapping):
        raise _bad(path, obj, cls.__go_type__.lstrip("*"))
    by_tag, by_fold = _json_fields(cls)
    for key, value in obj.items():
        # The exact name, as Alertmanager writes it; else a match ignoring case.
        field = by_tag.get(key)
        if field is None:
            field = by_fold.get(str(key).translate(_FOLD))
            if field is None:
                continue  # unknown keys are ignored
        attr, how = field
        if how == _STRING and value.__class__ is str:
            setattr(target, attr, decoded_string(value))
            continue
        if value is None:
            # null makes a map or slice nil and leaves anything else alone.
            if how == _KV:
                setattr(target, attr, _NilKV())
            elif how == _ALERTS:
                setattr(target, attr, _NilAlerts())
        elif how == _KV:
            setattr(target, attr, _decode_kv(getattr(target, attr), value, path, key))
        elif how == _TIME:
            if not isinstance(value, str):
                raise _bad((*path, str(key)), value, "time.Time")
            try:
                setattr(target, attr, gotime.parse_rfc3339(value))
            except gotime.GoError as e:
                raise ValueError(str(e)) from None  # Go's Time.UnmarshalJSON error as it is
        elif how == _ALERTS:
            assert isinstance(target, Data)
            where = (*path, str(key))
            alerts = _decode_alerts(target._alert_class, target.Alerts, value, where)
            setattr(target, attr, alerts)
        elif not isinstance(value, str):
            raise _bad((*path, str(key)), value, "string")
        else:
            setattr(target, attr, decoded_string(value))


def _decode_alert(alert_class: type[Alert], obj: Any) -> Alert:
    """One alert of webhook JSON (for Data.from_alerts)."""
    alert = alert_class()
    if obj is not None:
        _decode_struct(alert, obj, ("Alert",))
    return alert


def _decode_kv(current: KV, obj: Any, path: tuple[str, ...], key: str) -> KV:
    """The JSON object of strings at ``path`` + ``key`` into a KV; Go fills an existing
    map, or makes one."""
    if obj.__class__ is dict and current.__go_nil__:
        quick = _quick_kv(obj)
        if quick is not None:
            return quick
    where = (*path, str(key))
    if not isinstance(obj, Mapping):
        raise _bad(where, obj, "template.KV")
    kv = KV() if current.__go_nil__ else current
    for name, value in obj.items():
        if value is None:
            value = ""  # null stores the zero string
        elif not isinstance(value, str):
            raise _bad((*where, str(name)), value, "string")
        kv[decoded_string(str(name))] = decoded_string(value)
    return kv


def _decode_alerts(
    alert_class: type[Alert], current: Alerts, arr: Any, path: tuple[str, ...]
) -> Alerts:
    """A JSON array into Alerts; like Go, elements already present are decoded into."""
    if not isinstance(arr, (list, tuple)):
        raise _bad(path, arr, "template.Alerts")
    alerts = Alerts()
    for i, obj in enumerate(arr):
        alert = current[i] if i < len(current) else alert_class()
        if obj is not None:
            _decode_struct(alert, obj, (*path, str(i)))
        alerts.append(alert)
    return alerts
