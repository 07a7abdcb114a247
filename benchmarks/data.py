"""Benchmark data: Alertmanager alert groups and the micro-benchmark inputs.

One webhook payload (the JSON Alertmanager posts) is made per group size and
turned into what each engine renders from:

* gotmpl: ``gotmpl.cubeapm.Data.from_dict(payload)``, Go's data model (the
  seed's template is CubeAPM's: Alertmanager's data with ``.GroupKeyHash``);
* Jinja2: the payload itself, plain dicts, lists and strings, the way a Python
  service receiving the webhook would hold it (times stay RFC 3339 strings);
* gotpl: dicts with Go's field names, whose labels answer ``SortedPairs``
  through gotpl's ``__gotemplate_lookup__`` hook and whose times are the same
  ``gotime.Time`` values gotmpl gets (gotpl reads a dict subclass's keys
  before its methods, so gotmpl's ``KV`` would hide ``SortedPairs`` from it);
* Go: the payload as JSON, decoded by the oracle into ``*template.Data``.

Everything is deterministic: the same size always gives the same bytes.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from gotmpl import cubeapm

SIZES = (3, 30, 300)

_BASE = dt.datetime(2025, 6, 3, 14, 5, 12, 408000, tzinfo=dt.timezone.utc)
_SERVICES = ("checkout", "payments", "search", "inventory", "gateway")
_REGIONS = ("eu-west-1", "us-east-1", "ap-south-1")
_ZONES = ("a", "b", "c")


def _rfc3339(t: dt.datetime) -> str:
    """RFC 3339 with trailing zeros of the fraction trimmed, as Go's MarshalText writes."""
    text = t.strftime("%Y-%m-%dT%H:%M:%S")
    if t.microsecond:
        text += f".{t.microsecond:06d}".rstrip("0")
    return text + "Z"


def _alert(i: int) -> dict[str, Any]:
    """Alert number ``i`` of the HighLatency group: every fourth one (from the third) resolved."""
    service = _SERVICES[i % len(_SERVICES)]
    pod = f"{service}-api-7f9c6d5b8-{i:05x}"
    resolved = i % 4 == 2
    starts = _BASE + dt.timedelta(seconds=37 * i, milliseconds=113 * i)
    latency = 1.2 + (i % 17) / 10
    labels = {
        "alertname": "HighLatency",
        "cluster": "prod-eu-1",
        "env": "production",
        "instance": f"{pod}:8080",
        "job": f"{service}-api",
        "namespace": service,
        "pod": pod,
        "region": _REGIONS[i % len(_REGIONS)],
        "rule_id": "rule-1042",
        "service": service,
        "severity": "critical",
        "zone": _REGIONS[i % len(_REGIONS)] + _ZONES[i % len(_ZONES)],
    }
    if i % 5 == 0:
        labels["le"] = "+Inf"
    description = (
        f"p99 latency of {service} is {latency:.1f}s (threshold 1s) for the last 10 minutes."
    )
    if i % 3 == 1:
        # Quotes, a newline and a non-ASCII sign: %q has work to do.
        description = f'Pod "{pod}" answers slowly:\np99 ≥ {latency:.1f}s for 10 minutes.'
    annotations = {
        "description": description,
        "runbook_url": "https://runbooks.example.com/latency/high-latency",
        "summary": "p99 latency above 1s",
    }
    if i % 2 == 0:
        annotations["dashboard"] = f"https://grafana.example.com/d/latency?var-service={service}"
    fingerprint = f"{((i + 1) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF:016x}"
    return {
        "status": "resolved" if resolved else "firing",
        "labels": labels,
        "annotations": annotations,
        "startsAt": _rfc3339(starts),
        "endsAt": _rfc3339(starts + dt.timedelta(minutes=9))
        if resolved
        else "0001-01-01T00:00:00Z",
        "generatorURL": f"https://cubeapm.example.com/alerts/rule-1042?pod={pod}",
        "fingerprint": fingerprint,
        "cubeImageURL": f"https://cubeapm.example.com/api/alerts/render/{fingerprint}.png",
    }


def _common(maps: list[dict[str, str]]) -> dict[str, str]:
    """The pairs every map has, as Alertmanager computes CommonLabels."""
    first, *rest = maps
    return {k: v for k, v in first.items() if all(m.get(k) == v for m in rest)}


def webhook_payload(n: int) -> dict[str, Any]:
    """The webhook JSON (parsed) for a group of ``n`` alerts, firing and resolved mixed."""
    alerts = [_alert(i) for i in range(n)]
    return {
        "receiver": "pagerduty-webhook",
        "status": "firing" if any(a["status"] == "firing" for a in alerts) else "resolved",
        "alerts": alerts,
        "groupLabels": {"alertname": "HighLatency", "rule_id": "rule-1042"},
        "commonLabels": _common([a["labels"] for a in alerts]),
        "commonAnnotations": _common([a["annotations"] for a in alerts]),
        "externalURL": "https://cubeapm.example.com",
        "version": "4",
        "groupKey": '{}:{alertname="HighLatency", rule_id="rule-1042"}',
        "truncatedAlerts": 0,
        "groupKeyHash": "8d1f3b0c6e2a4f97",
    }


def webhook_json(n: int) -> str:
    """The webhook body for ``n`` alerts as Alertmanager posts it: JSON text."""
    return json.dumps(webhook_payload(n))


def gotmpl_data(n: int) -> cubeapm.Data:
    """gotmpl's ``*template.Data`` for ``n`` alerts."""
    return cubeapm.Data.from_dict(webhook_payload(n))


def jinja_data(n: int) -> dict[str, Any]:
    """The plain parsed JSON for ``n`` alerts, as Jinja2 renders it."""
    return copy.deepcopy(webhook_payload(n))


class GotplKV(dict):
    """Labels for gotpl: keys read as Go map keys ("" when missing), plus SortedPairs."""

    def __gotemplate_lookup__(self, field: str) -> Any:
        """gotpl's hook for ``.field`` on this value."""
        if field == "SortedPairs":
            return self.SortedPairs
        return self.get(field, "")

    def SortedPairs(self) -> list[dict[str, str]]:
        """Pairs sorted by name, ``alertname`` first, as ``{"Name", "Value"}`` dicts."""
        names = sorted(k for k in self if k != "alertname")
        if "alertname" in self:
            names.insert(0, "alertname")
        return [{"Name": k, "Value": self[k]} for k in names]


class GotplAlerts(list):
    """Alerts for gotpl, with Go's Firing and Resolved methods."""

    def Firing(self) -> list[dict[str, Any]]:
        """The firing alerts."""
        return [a for a in self if a["Status"] == "firing"]

    def Resolved(self) -> list[dict[str, Any]]:
        """The resolved alerts."""
        return [a for a in self if a["Status"] == "resolved"]


def gotpl_data(n: int) -> dict[str, Any]:
    """The group for gotpl, built from gotmpl's Data so the values are the same."""
    d = gotmpl_data(n)
    alerts = GotplAlerts(
        {
            "Status": a.Status,
            "Labels": GotplKV(a.Labels),
            "Annotations": GotplKV(a.Annotations),
            "StartsAt": a.StartsAt,
            "EndsAt": a.EndsAt,
            "GeneratorURL": a.GeneratorURL,
            "Fingerprint": a.Fingerprint,
            "CubeImageURL": a.CubeImageURL,
        }
        for a in d.Alerts
    )
    return {
        "Receiver": d.Receiver,
        "Status": d.Status,
        "Alerts": alerts,
        "GroupLabels": GotplKV(d.GroupLabels),
        "CommonLabels": GotplKV(d.CommonLabels),
        "CommonAnnotations": GotplKV(d.CommonAnnotations),
        "ExternalURL": d.ExternalURL,
        "GroupKey": d.GroupKey,
        "GroupKeyHash": d.GroupKeyHash,
    }


# -- micro-benchmark data ----------------------------------------------------------------


def micro_data() -> dict[str, Any]:
    """One JSON-compatible value that every micro-benchmark template reads from.

    Go gets it as JSON (``map[string]any``), gotmpl and gotpl as these dicts,
    Jinja2 as its top-level variables.
    """
    return {
        "Name": "checkout-api",
        "Status": "firing",
        "A": {"B": "production"},
        "Items": [f"item-{i:03d}" for i in range(100)],
        # Inserted out of order: Go ranges over a map in sorted key order.
        "Map": {f"key-{j:03d}": f"value-{j:03d}" for j in (i * 37 % 100 for i in range(100))},
    }


BUILDERS: dict[str, Callable[[int], Any]] = {
    "gotmpl": gotmpl_data,
    "jinja2": jinja_data,
    "gotpl": gotpl_data,
}
