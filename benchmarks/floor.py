"""The floors: the PagerDuty payload written by plain Python functions.

``pagerduty`` is what a careful Python programmer who gave up on templates
would write for ``examples/pagerduty.tmpl``: the same bytes (checked like every
engine's), from the webhook JSON as ``json.loads`` gives it, quoting with the
json module's C string encoder (which writes what Go's ``%q`` writes for the
benchmark's labels). A template engine can hardly beat it; ``benchmarks.run``
shows how close gotmpl gets.

``pagerduty_data`` ("spec" in the tables) writes the same bytes from gotmpl's
own data (``cubeapm.Data``), as a compiler specializing the template for those
classes could: fields read as attributes, the times' ``MarshalText`` called,
the labels in SortedPairs' order, each label set quoted by the C encoder once
it is known to be printable ASCII (where Go's ``%q`` writes the same) and by
gotmpl's ``strconv.quote`` otherwise. gotmpl's time over it is the engine's
own overhead; its time over ``pagerduty``'s adds the data model's.
"""

from __future__ import annotations

from collections.abc import Callable
from json.encoder import encode_basestring as _q
from typing import Any
from urllib.parse import quote_plus

from gotmpl import cubeapm
from gotmpl.gostd.strconv import quote as _go_quote
from gotmpl.gostd.strings import to_upper
from gotmpl.profiles.amdata import _sorted_items  # KV.SortedPairs' order, no Pair made


def _pairs(kv: dict[str, str], indent: str) -> str:
    # Alertmanager's SortedPairs: alertname first, then by name.
    names = sorted(k for k in kv if k != "alertname")
    if "alertname" in kv:
        names.insert(0, "alertname")
    return ",".join(f"\n{indent}{_q(k)}: {_q(kv[k])}" for k in names)


def _alert(a: dict[str, Any]) -> str:
    return (
        "\n    {\n"
        f'      "status": "{a["status"]}",\n'
        f'      "labels": {{{_pairs(a["labels"], "        ")}\n      }},\n'
        f'      "annotations": {{{_pairs(a["annotations"], "        ")}\n      }},\n'
        f'      "startsAt": "{a["startsAt"]}",\n'
        f'      "endsAt": "{a["endsAt"]}",\n'
        f'      "generatorURL": "{a["generatorURL"]}",\n'
        f'      "fingerprint": "{a["fingerprint"]}",\n'
        f'      "cubeImageURL": "{a["cubeImageURL"]}"\n'
        "    }"
    )


def _summary(
    upper: Callable[[str], str], severity: str, status: str, firing: int, env: str, alertname: str
) -> str:
    summary = f"[{upper(severity)}] " if severity else ""
    summary += f"[{upper(status)}"
    if status == "firing":
        summary += f":{firing}"
    summary += "] "
    if env != "UNSET":
        summary += env
    return summary + " " + alertname


def _payload(
    status: str,
    summary: str,
    severity: str,
    alerts: str,
    pairs: tuple[str, str, str],
    external_url: str,
    rule_id: str,
    dedup_key: str,
) -> str:
    """The payload around its values: ``alerts`` the alerts' text, ``pairs`` the
    group labels', common labels' and common annotations' (see _pairs)."""
    level = severity if severity in ("critical", "warning") else "info"
    group, common, annotations = pairs
    return (
        "{\n"
        '  "payload": {\n\n'
        f'      "summary": "{summary}",\n'
        f'      "severity": "{level}",\n'
        '    "source": "CubeAPM",\n'
        '    "custom_details": {\n'
        '"alerts": [' + alerts + "\n  ],\n"
        f'    "groupLabels": {{{group}\n  }},\n'
        f'  "commonLabels": {{{common}\n  }},\n'
        f'  "commonAnnotations": {{{annotations}\n  }}\n'
        "}\n"
        "  },\n"
        '  "routing_key": "<Integration Key>",\n'
        f'"event_action": "{"trigger" if status == "firing" else "resolve"}",\n'
        '"client": "CubeAPM",\n'
        f'  "client_url": "{external_url}/alerts/{quote_plus(rule_id, safe="")}",\n'
        f'"dedup_key": "{dedup_key}"\n'
        "}\n"
    )


def pagerduty(d: dict[str, Any]) -> str:
    """The PagerDuty payload for the webhook JSON ``d``."""
    common = d["commonLabels"]
    severity = common.get("severity", "")
    status = d["status"]
    alerts = d["alerts"]
    firing = sum(a["status"] == "firing" for a in alerts)
    alertname = d["commonAnnotations"].get("alertname") or common.get("alertname", "")
    summary = _summary(str.upper, severity, status, firing, common.get("env", ""), alertname)
    pairs = (
        _pairs(d["groupLabels"], "    "),
        _pairs(common, "    "),
        _pairs(d["commonAnnotations"], "    "),
    )
    return _payload(
        status,
        summary,
        severity,
        ",".join(map(_alert, alerts)),
        pairs,
        d["externalURL"],
        d["groupLabels"].get("rule_id", ""),
        d["groupKeyHash"],
    )


def _kv_pairs(kv: cubeapm.KV, indent: str) -> str:
    items = _sorted_items(kv)
    text = "".join(kv) + "".join(kv.values())
    q = _q if text.isascii() and text.isprintable() else _go_quote
    return ",".join([f"\n{indent}{q(name)}: {q(value)}" for name, value in items])


def _data_alert(a: cubeapm.Alert) -> str:
    return (
        "\n    {\n"
        f'      "status": "{a.Status}",\n'
        f'      "labels": {{{_kv_pairs(a.Labels, "        ")}\n      }},\n'
        f'      "annotations": {{{_kv_pairs(a.Annotations, "        ")}\n      }},\n'
        f'      "startsAt": "{a.StartsAt.MarshalText().decode()}",\n'
        f'      "endsAt": "{a.EndsAt.MarshalText().decode()}",\n'
        f'      "generatorURL": "{a.GeneratorURL}",\n'
        f'      "fingerprint": "{a.Fingerprint}",\n'
        f'      "cubeImageURL": "{a.CubeImageURL}"\n'
        "    }"
    )


def pagerduty_data(d: cubeapm.Data) -> str:
    """The PagerDuty payload for gotmpl's data ``d``."""
    common = d.CommonLabels
    severity = common.get("severity", "")
    firing = len(d.Alerts.Firing())
    alertname = d.CommonAnnotations.get("alertname", "") or common.get("alertname", "")
    # gotmpl's toUpper (Go's strings.ToUpper), as the template calls it.
    summary = _summary(to_upper, severity, d.Status, firing, common.get("env", ""), alertname)
    pairs = (
        _kv_pairs(d.GroupLabels, "    "),
        _kv_pairs(common, "    "),
        _kv_pairs(d.CommonAnnotations, "    "),
    )
    return _payload(
        d.Status,
        summary,
        severity,
        ",".join(map(_data_alert, d.Alerts)),
        pairs,
        d.ExternalURL,
        d.GroupLabels.get("rule_id", ""),
        d.GroupKeyHash,
    )
