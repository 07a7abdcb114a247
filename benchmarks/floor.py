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


def pagerduty(d: dict[str, Any]) -> str:
    """The PagerDuty payload for the webhook JSON ``d``."""
    common = d["commonLabels"]
    severity = common.get("severity", "")
    alerts = d["alerts"]
    summary = f"[{severity.upper()}] " if severity else ""
    summary += f"[{d['status'].upper()}"
    if d["status"] == "firing":
        summary += f":{sum(a['status'] == 'firing' for a in alerts)}"
    summary += "] "
    if common.get("env", "") != "UNSET":
        summary += common.get("env", "")
    summary += " " + (d["commonAnnotations"].get("alertname") or common.get("alertname", ""))
    level = severity if severity in ("critical", "warning") else "info"
    return (
        "{\n"
        '  "payload": {\n\n'
        f'      "summary": "{summary}",\n'
        f'      "severity": "{level}",\n'
        '    "source": "CubeAPM",\n'
        '    "custom_details": {\n'
        '"alerts": [' + ",".join(map(_alert, alerts)) + "\n  ],\n"
        f'    "groupLabels": {{{_pairs(d["groupLabels"], "    ")}\n  }},\n'
        f'  "commonLabels": {{{_pairs(common, "    ")}\n  }},\n'
        f'  "commonAnnotations": {{{_pairs(d["commonAnnotations"], "    ")}\n  }}\n'
        "}\n"
        "  },\n"
        '  "routing_key": "<Integration Key>",\n'
        f'"event_action": "{"trigger" if d["status"] == "firing" else "resolve"}",\n'
        '"client": "CubeAPM",\n'
        f'  "client_url": "{d["externalURL"]}/alerts/'
        f'{quote_plus(d["groupLabels"].get("rule_id", ""), safe="")}",\n'
        f'"dedup_key": "{d["groupKeyHash"]}"\n'
        "}\n"
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
    summary = f"[{to_upper(severity)}] " if severity else ""
    summary += f"[{to_upper(d.Status)}"
    if d.Status == "firing":
        summary += f":{len(d.Alerts.Firing())}"
    summary += "] "
    if common.get("env", "") != "UNSET":
        summary += common.get("env", "")
    summary += " " + (d.CommonAnnotations.get("alertname", "") or common.get("alertname", ""))
    level = severity if severity in ("critical", "warning") else "info"
    return (
        "{\n"
        '  "payload": {\n\n'
        f'      "summary": "{summary}",\n'
        f'      "severity": "{level}",\n'
        '    "source": "CubeAPM",\n'
        '    "custom_details": {\n'
        '"alerts": [' + ",".join(map(_data_alert, d.Alerts)) + "\n  ],\n"
        f'    "groupLabels": {{{_kv_pairs(d.GroupLabels, "    ")}\n  }},\n'
        f'  "commonLabels": {{{_kv_pairs(common, "    ")}\n  }},\n'
        f'  "commonAnnotations": {{{_kv_pairs(d.CommonAnnotations, "    ")}\n  }}\n'
        "}\n"
        "  },\n"
        '  "routing_key": "<Integration Key>",\n'
        f'"event_action": "{"trigger" if d.Status == "firing" else "resolve"}",\n'
        '"client": "CubeAPM",\n'
        f'  "client_url": "{d.ExternalURL}/alerts/'
        f'{quote_plus(d.GroupLabels.get("rule_id", ""), safe="")}",\n'
        f'"dedup_key": "{d.GroupKeyHash}"\n'
        "}\n"
    )
