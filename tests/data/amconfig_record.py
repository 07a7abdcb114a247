"""Records whole-config rendering from real Go: every templated field of each receiver.

Each case takes a receiver of a configuration in tests/data/amconfig/
(alertmanager.yml: every integration Alertmanager 0.34 templates; broken.yml:
three receivers with a broken field each), loads the stand-ins for
Alertmanager's default templates (tests/data/amconfig/defaults/, unless the
case says not to) and the config's template files into the oracle's bundle,
and renders the receiver with the oracle's model of upstream's notifiers
(tests/oracle/amtemplate/receiver.go: which fields are templates, text or
html, defaults, global fallbacks, DeepCopyWithTemplate and the JSON encoding
of its result) on a webhook payload. Writes tests/data/amconfig_cases.json:
per case the rendered fields, the fields that failed with Go's error, and the
JSON bodies upstream encodes.

The oracle has no YAML library, so the receiver travels to it as JSON read
here with PyYAML, independently of gotmpl: string fields as the text written
(what gopkg.in/yaml.v2 puts in a Go string), the ``interface{}`` values
(webhook payload:, PagerDuty details:, Jira fields:) and booleans resolved.

Run from the repository root with Go installed:

    python tests/data/amconfig_record.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
sys.path.insert(0, str(TESTS))

from goracle import Oracle  # noqa: E402

CONFIG_DIR = HERE / "amconfig"
CASES_FILE = HERE / "amconfig_cases.json"

# The webhook payloads the receivers render on, relative to tests/.
DATA = {
    "firing": "golden/pagerduty/firing.json",
    "resolved": "golden/pagerduty/resolved.json",
    "mixed": "golden/pagerduty/mixed.json",
    "quirky": "data/amconfig/data/quirky.json",
}

# Fields that are not strings in upstream's config types.
_ANY_FIELDS = {
    "webhook_configs": ("payload",),
    "pagerduty_configs": ("details",),
    "jira_configs": ("fields",),
    "pushover_configs": ("html",),
}


def _receivers(config: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The global section and the receivers (by name) of a config, as the oracle takes them."""
    text = (CONFIG_DIR / config).read_text("utf-8")
    as_text = yaml.load(text, Loader=yaml.BaseLoader)  # every scalar as written
    resolved = yaml.safe_load(text)
    receivers = {}
    for raw, typed in zip(as_text["receivers"], resolved["receivers"], strict=True):
        for key, fields in _ANY_FIELDS.items():
            for conf, typed_conf in zip(raw.get(key, []), typed.get(key, []), strict=True):
                for field in fields:
                    if field in typed_conf:
                        conf[field] = typed_conf[field]
        receivers[raw["name"]] = raw
    return as_text.get("global", {}), receivers


def _files(config: str) -> dict[str, str]:
    """The template files the config's globs see (paths relative to the config)."""
    return {
        p.relative_to(CONFIG_DIR).as_posix(): p.read_text("utf-8")
        for p in sorted((CONFIG_DIR / "templates").glob("*"))
    }


def _load_steps(config: str, defaults: bool) -> list[list[str]]:
    steps = []
    if defaults:  # as upstream loads its own default.tmpl, then email.tmpl
        steps = [
            ["parse", (CONFIG_DIR / "defaults" / name).read_text("utf-8")]
            for name in ("default.tmpl", "email.tmpl")
        ]
    templates = yaml.safe_load((CONFIG_DIR / config).read_text("utf-8")).get("templates") or []
    return steps + [["glob", pattern] for pattern in templates]


def all_cases() -> list[dict[str, Any]]:
    cases = []
    for name in ("chat", "mail", "paging", "hooks", "defaults-only"):
        for data in DATA:
            cases.append({"config": "alertmanager.yml", "receiver": name, "data": data})
    for name in ("chat", "mail", "hooks", "fine"):
        cases.append({"config": "broken.yml", "receiver": name, "data": "mixed"})
    # Without the default templates, fields that fall back on them fail.
    for name in ("chat", "defaults-only"):
        cases.append(
            {"config": "alertmanager.yml", "receiver": name, "data": "firing", "defaults": False}
        )
    # CubeAPM's data model renders the same fields.
    cases.append(
        {"config": "alertmanager.yml", "receiver": "hooks", "data": "mixed", "profile": "cubeapm"}
    )
    return [
        {"id": f"{c['config']}:{c['receiver']}:{c['data']}:{i}", "defaults": True, **c}
        for i, c in enumerate(cases)
    ]


def oracle_request(case: dict[str, Any]) -> dict[str, Any]:
    global_, receivers = _receivers(case["config"])
    return {
        "bundle": {
            "profile": case.get("profile", "alertmanager"),
            "files": [[path, text] for path, text in _files(case["config"]).items()],
            "load": _load_steps(case["config"], case["defaults"]),
            "receiver": {"global": global_, "configs": receivers[case["receiver"]]},
        },
        "data": json.loads((TESTS / DATA[case["data"]]).read_text("utf-8")),
        "timeout": 60,
    }


def main() -> int:
    cases = all_cases()
    with Oracle() as oracle:
        results = oracle.run_many(oracle_request(c) for c in cases)
    recorded = []
    for case, result in zip(cases, results, strict=True):
        if result["phase"] is not None:
            raise SystemExit(f"{case['id']}: oracle {result['phase']}: {result['error']}")
        recorded.append({**case, "want": json.loads(result["output"])})
    text = json.dumps({"data": DATA, "cases": recorded}, ensure_ascii=False, indent=1)
    CASES_FILE.write_text(text + "\n", "utf-8")
    failed = sum(len(r["want"]["errors"]) for r in recorded)
    print(f"recorded {len(recorded)} receivers ({failed} failing fields) into {CASES_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
