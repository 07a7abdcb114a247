"""The floor: the PagerDuty payload written by a plain Python function.

What a careful Python programmer who gave up on templates would write for
``examples/pagerduty.tmpl``: the same bytes (checked like every engine's), from
the webhook JSON as ``json.loads`` gives it, quoting with the json module's C
string encoder (which writes what Go's ``%q`` writes for the benchmark's
labels). A template engine can hardly beat it; ``benchmarks.run`` shows how
close gotmpl gets.
"""

from __future__ import annotations

from json.encoder import encode_basestring as _q
from typing import Any
from urllib.parse import quote_plus


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
