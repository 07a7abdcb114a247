"""Records Alertmanager's template bundle from real Go: config fields run on template files.

Each case loads template files and texts into a bundle (upstream's
``template.Template``: ``Parse`` into the root, ``FromGlob`` for files), then
runs a config field's text through ``ExecuteTextString`` (``type`` "text") or
``ExecuteHTMLString`` ("html") on webhook JSON decoded into the profile's
``*Data``, with the per-render ``routeLabels``. The Go side is the oracle's
model of Alertmanager 0.34 (tests/oracle/amtemplate/bundle.go). Writes
tests/data/ambundle_cases.json: the files (an in-memory file system the globs
see), the data sets, and the cases with Go's answer.

The template files are this project's own: tests/data/ambundle/ (a fictional
team's chat, paging and mail templates, and a stand-in for a vendor's
defaults file) and tests/data/acme/ (see alertmanager_record.py).

Run from the repository root with Go installed:

    python tests/data/ambundle_record.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
sys.path.insert(0, str(TESTS))

from goracle import Oracle  # noqa: E402

CASES_FILE = HERE / "ambundle_cases.json"
GOLDEN = TESTS / "golden" / "pagerduty"


def _files() -> dict[str, str]:
    """The file system the cases' globs see: path -> text."""
    files = {
        p.relative_to(HERE / "ambundle").as_posix(): p.read_text("utf-8")
        for p in sorted((HERE / "ambundle").rglob("*"))
        if p.is_file()
    }
    files.update(
        {f"acme/{p.name}": p.read_text("utf-8") for p in sorted((HERE / "acme").glob("*"))}
    )
    # Files that fail to load, each in a directory of its own.
    files["broken/unclosed.tmpl"] = '{{ define "x" }}never closed'
    files["broken/bad-action.tmpl"] = "ok\n{{ .Status | }}"
    files["broken/undefined-func.tmpl"] = '{{ define "y" }}{{ nope . }}{{ end }}'
    files["dup/a/same.tmpl"] = '{{ define "dup" }}from a{{ end }}'
    files["dup/b/same.tmpl"] = '{{ define "dup" }}from b{{ end }}'
    files["odd/*.tmpl"] = '{{ define "star" }}a file named *.tmpl{{ end }}'
    files["odd/[x].tmpl"] = '{{ define "bracket" }}a file named [x].tmpl{{ end }}'
    files["odd/body-only.tmpl"] = "a body, not a definition"
    return files


FILES = _files()
DEFAULTS = FILES["defaults/base.tmpl"]

# -- data sets -----------------------------------------------------------------------------


def _golden(name: str) -> Any:
    return json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))


ROUTE_LABELS = {
    "team": "payments",
    "severity": '{{ if eq .Status "firing" }}page{{ else }}info{{ end }}',
    "escalation": '{{ routeLabels "team" }}-{{ routeLabels "severity" }}',
    "twice": '{{ routeLabels "escalation" }}+{{ routeLabels "escalation" }}',
    "chain1": '1>{{ routeLabels "chain2" }}',
    "chain2": '2>{{ routeLabels "chain3" }}',
    "chain3": '3>{{ routeLabels "chain4" }}',
    "chain4": '4>{{ routeLabels "chain5" }}',
    "chain5": "{{ .Receiver }}/{{ .GroupLabels.service }}",
    "group": "{{ .GroupLabels.SortedPairs }}",
    "empty": "",
    "literal": "no templates here, just {braces}",
    "quoted": '{{ "{{ .Status }}" }}',
    "uses-file": '{{ template "nw.chat.color" . }}',
    "defines": '{{ define "local" }}L{{ .Status }}{{ end }}{{ template "local" . }}',
    "reason": "{{ .NotificationReason }}",
    "route-field": "{{ .RouteLabels.team }}|{{ len .RouteLabels }}",
    "in-range": '{{ range .Alerts }}{{ .Labels.instance }}:{{ routeLabels "team" }};{{ end }}',
    "missing": '[{{ routeLabels "no-such-label" }}]',
}

CYCLE_LABELS = {
    "self": '{{ routeLabels "self" }}',
    "ping": 'ping {{ routeLabels "pong" }}',
    "pong": 'pong {{ routeLabels "ping" }}',
    "tri-a": '{{ routeLabels "tri-b" }}',
    "tri-b": '{{ routeLabels "tri-c" }}',
    "tri-c": '{{ routeLabels "tri-a" }}',
    "into-cycle": 'x{{ routeLabels "ping" }}',
    "bad-parse": "{{ .Status ",
    "bad-func": "{{ nope .Status }}",
    "bad-exec": "{{ index .Alerts 10 }}",
    "bad-nested": 'n{{ routeLabels "bad-exec" }}',
    "bad-template": '{{ template "no.such.template" . }}',
    "bad-field": "{{ .GroupKeyHash }}",
    "fine": "fine",
}

_ROUTES_BASE = {
    "receiver": "team-x",
    "status": "firing",
    "alerts": [
        {
            "status": "firing",
            "labels": {"alertname": "DiskFull", "instance": "db-1:9100", "service": "db"},
            "annotations": {"summary": "disk 95% full"},
            "startsAt": "2026-01-02T03:04:05Z",
            "endsAt": "0001-01-01T00:00:00Z",
            "fingerprint": "aa01",
        },
        {
            "status": "resolved",
            "labels": {"alertname": "DiskFull", "instance": "db-2:9100", "service": "db"},
            "annotations": {"summary": "disk 91% full"},
            "startsAt": "2026-01-02T02:00:00Z",
            "endsAt": "2026-01-02T03:00:00+01:00",
            "generatorURL": "http://prom.example/graph?g0.expr=disk",
            "fingerprint": "aa02",
        },
    ],
    "notification_reason": "repeat interval elapsed",
    "groupLabels": {"alertname": "DiskFull", "service": "db"},
    "commonLabels": {"alertname": "DiskFull", "service": "db"},
    "commonAnnotations": {},
    "externalURL": "http://am.example:9093",
    "groupKey": '{}/{team="x"}:{alertname="DiskFull"}',
    "groupKeyHash": "5f2b",
    "truncatedAlerts": 3,
    "version": "4",
}

HOSTILE_VALUES = {
    "braces": "{{ .Status }} }}{{",
    "quote": "a\"b'c`d",
    "html": "<script>alert(1)</script>&amp;",
    "url": "javascript:alert(1)",
    "controls": "\u0000\u0007\u001b[31m\u007f",
    "separators": "\u2028\u2029\ufeff",
    "rtl": "\u202eevil\u202c",
    "emoji": "👩\u200d💻🔥",
    "long": "x" * 5000,
    "surrogate": "\ud800",
}

DATA: dict[str, Any] = {
    "firing": _golden("firing"),
    "resolved": _golden("resolved"),
    "mixed": _golden("mixed"),
    "empty": {},
    "routes": {**_ROUTES_BASE, "routeLabels": ROUTE_LABELS},
    "cycles": {**_ROUTES_BASE, "routeLabels": CYCLE_LABELS},
    "hostile": {
        "receiver": "<b>team</b> {{ .Status }}",
        "status": "firing",
        "alerts": [
            {
                "status": "firing",
                "labels": {"alertname": "Hostile", **HOSTILE_VALUES},
                "annotations": {"summary": '}}{{ template "x" }}', **HOSTILE_VALUES},
                "generatorURL": "javascript:alert(document.cookie)",
            }
        ]
        + [
            {"status": "firing", "labels": {"alertname": "Hostile", "n": str(i)}} for i in range(40)
        ],
        "notification_reason": "{{ .Receiver }}",
        "groupLabels": {"alertname": "Hostile", "{{ weird key }}": "v"},
        "commonLabels": {"alertname": "Hostile"},
        "commonAnnotations": {"summary": "<i>x</i>"},
        "routeLabels": {
            "team": "{{ .Receiver }}",
            "value-html": "{{ (index .Alerts 0).Labels.html }}",
            "literal-html": "<b>bold</b>",
            "huge": "{{ range .Alerts }}{{ .Labels.n }},{{ end }}",
            "deep": '{{ template "" . }}',
        },
        "externalURL": 'http://am.example/"><script>',
    },
    "nulls": {
        "receiver": "r",
        "alerts": [None, {"labels": None, "annotations": {"a": None}}],
        "groupLabels": None,
        "routeLabels": None,
        "notification_reason": None,
    },
}

# -- what goes into the bundle ------------------------------------------------------------

NW = [["glob", "templates/*.tmpl"]]
NW_EXTRA = [["glob", "templates/*.tmpl"], ["glob", "templates/extra/*.tmpl"]]
WITH_DEFAULTS = [["parse", DEFAULTS], *NW]
ACME = [["glob", "acme/*.tmpl"]]


def case(
    text: str, data: str = "routes", load: list[list[str]] | None = None, **extra: Any
) -> dict[str, Any]:
    return {"load": NW if load is None else load, "text": text, "data": data, **extra}


# Config fields as users write them, on the template set they call.
NW_DEFINES = re.findall(
    r'{{-? *define "([^"]+)"', "".join(v for k, v in FILES.items() if k.startswith("templates/"))
)
FIELD_CASES = [
    case(f'{{{{ template "{name}" . }}}}', data)
    for name in NW_DEFINES
    for data in ("firing", "resolved", "mixed", "routes", "empty", "hostile", "nulls")
] + [
    case('{{ template "nw.chat.title" . }} / {{ .CommonLabels.service }}'),
    case('{{ template "nw.chat.title" . }} / {{ .CommonLabels.service }}', "mixed"),
    case('{{ template "nw.chat.color" . }}', "routes", NW_EXTRA),
    case('{{ template "nw.chat.color" . }}', "resolved", NW_EXTRA),
    case('{{ template "nw.extra.only" . }}', "routes", NW_EXTRA),
    case('{{ template "nw.extra.only" . }}'),
    case('{{ template "nw.shared.footer" . }}'),
    case('{{ template "slack.nw.default.title" . }}'),
    case(
        '{{ template "slack.nw.default.title" . }}|{{ template "slack.nw.default.text" . }}',
        "mixed",
        WITH_DEFAULTS,
    ),
    case('{{ template "email.nw.default.subject" . }}', "routes", WITH_DEFAULTS),
    case('{{ define "nw.chat.color" }}mine{{ end }}{{ template "nw.chat.color" . }}'),
    case('{{ define "only.here" }}H{{ end }}{{ template "only.here" }}', "empty", []),
    case('{{ define "x" }}X{{ end }}'),
    case('{{ define "x" }}X{{ end }}', "routes", WITH_DEFAULTS),
    case(" "),
    case(""),
    case("plain text, no actions"),
    case("{{/* a comment */}}"),
    case("{{ . }}", "routes", []),
    case("{{ . }}", "empty", []),
    case("{{ . }}", "nulls", []),
    case('{{ .CommonLabels.nope }}|{{ .GroupLabels.nope | len }}|{{ index .RouteLabels "nope" }}'),
    case('{{ template "" . }}', "routes", []),
    case('{{ .Status }}{{ template "" . }}', "empty", []),
    case('{{ template "nope" . }}'),
    case('{{ template "nope" . }}', "routes", []),
    case('{{ template "slack.default.title" . }}'),
    case('{{ template "email.default.subject" . }}', "firing"),
    case("{{ .Status "),
    case("{{ nope }}"),
    case("line one\n{{ if .Status }}"),
    case("{{ end }}"),
    case("{{ index .Alerts 99 }}"),
    case("{{ .Alerts.Nope }}"),
    case("{{ range .Alerts }}{{ .Labels.alertname }} {{ end }}{{ .Alerts.Firing 1 }}"),
    case('{{ printf "%T %T %T" . .Alerts .RouteLabels }}'),
    case('{{ printf "%v" . }}', "mixed"),
    case('{{ printf "%+v" . }}', "routes"),
    case('{{ printf "%#v" .RouteLabels }}'),
    case("{{ toJson . }}"),
    case("{{ toJson . }}", "nulls"),
    case("{{ toJson . }}", "empty"),
]

# .NotificationReason and .RouteLabels: 0.34's group fields.
FIELDS_034 = [
    case("{{ .NotificationReason }}"),
    case("{{ .NotificationReason }}", "firing"),
    case('{{ if eq .NotificationReason "repeat interval elapsed" }}again{{ else }}new{{ end }}'),
    case("{{ .NotificationReason | toUpper }}|{{ len .NotificationReason }}"),
    case('{{ template "nw.chat.reason" . }}'),
    case("{{ .RouteLabels }}"),
    case("{{ .RouteLabels }}", "firing"),
    case("{{ .RouteLabels.team }}|{{ .RouteLabels.severity }}"),
    case('{{ .RouteLabels.SortedPairs.Names | join "," }}'),
    case("{{ range $k, $v := .RouteLabels }}{{ $k }};{{ end }}"),
    case('{{ .RouteLabels.Remove (stringSlice "team") | len }}'),
    case("{{ toJson .RouteLabels }}|{{ toJson .NotificationReason }}"),
    case("{{ toJson .RouteLabels }}", "firing"),
    case("{{ with .RouteLabels }}some{{ else }}none{{ end }}", "firing"),
]

# routeLabels: each label a template on the same data, chains, memo, cycles, errors.
ROUTE_LABEL_CASES = [
    *[case(f'{{{{ routeLabels "{name}" }}}}') for name in ROUTE_LABELS],
    *[case(f'{{{{ routeLabels "{name}" }}}}', "cycles") for name in CYCLE_LABELS],
    case('{{ routeLabels "team" }}', "resolved"),
    case('{{ routeLabels "severity" }}', "resolved"),
    case('{{ routeLabels "chain1" }}|{{ routeLabels "chain3" }}|{{ routeLabels "chain1" }}'),
    case('{{ routeLabels "twice" }}|{{ routeLabels "escalation" }}'),
    case("{{ range $k, $v := .RouteLabels }}{{ $k }}={{ routeLabels $k }}\n{{ end }}"),
    case("{{ range $k, $v := .RouteLabels }}{{ $k }}={{ routeLabels $k }}\n{{ end }}", "cycles"),
    case('{{ routeLabels "fine" }}|{{ routeLabels "self" }}', "cycles"),
    case('{{ routeLabels "tri-a" }}|{{ routeLabels "tri-b" }}', "cycles"),
    case('{{ routeLabels "into-cycle" }}', "cycles"),
    case('{{ routeLabels "ping" }}', "cycles", NW, profile="cubeapm"),
    case('{{ routeLabels "bad-field" }}', "cycles", NW, profile="cubeapm"),
    case('{{ template "nw.chat.escalation" . }}'),
    case('{{ template "nw.chat.title" . }}'),
    case('{{ template "nw.page.severity" . }}'),
    case('{{ template "nw.page.severity" . }}', "resolved"),
    case("{{ routeLabels }}"),
    case('{{ routeLabels "a" "b" }}'),
    case("{{ routeLabels 1 }}"),
    case("{{ routeLabels .Alerts }}"),
    case("{{ routeLabels .Receiver }}"),
    case("{{ routeLabels .CommonLabels.alertname }}"),
    case('{{ "team" | routeLabels | toUpper }}'),
    case('{{ routeLabels "team" | len }}'),
    case('{{ $t := routeLabels "team" }}{{ $t }}{{ $t }}'),
    case('{{ routeLabels "team" }}', "routes", [], profile="cubeapm"),
    case('{{ routeLabels "team" }}', "firing"),
    case('{{ routeLabels "team" }}', "empty", []),
    case('{{ with .Alerts }}{{ routeLabels "severity" }}{{ end }}'),
    case('{{ range .Alerts }}{{ routeLabels "in-range" }};{{ end }}'),
    case('{{ routeLabels "team" }}', "hostile"),
    case('{{ routeLabels "value-html" }}', "hostile"),
    case('{{ routeLabels "huge" | len }}', "hostile"),
    case('{{ routeLabels "deep" }}', "hostile", []),
]

# What upstream has and has not: fields only the webhook message or CubeAPM has.
STRICT_CASES = [
    case(text, data, load, profile=profile)
    for profile in ("alertmanager", "cubeapm")
    for text, data, load in [
        ("{{ .GroupKeyHash }}", "routes", []),
        ("{{ .GroupKey }}", "routes", []),
        ("{{ .TruncatedAlerts }}", "routes", []),
        ("{{ .Version }}", "routes", []),
        ("{{ .receiver }}", "routes", []),
        ("{{ .notification_reason }}", "routes", []),
        ("{{ .routeLabelsRendered }}", "routes", []),
        ("{{ range .Alerts }}{{ .CubeImageURL }};{{ end }}", "routes", []),
        ("{{ range .Alerts }}{{ .cubeImageURL }};{{ end }}", "routes", []),
        ("{{ (index .Alerts 0).CubeImageURL }}", "firing", []),
        ("{{ .Alerts.Firing }}", "routes", []),
        ("{{ . }}", "routes", []),
        ('{{ printf "%#v" . }}', "mixed", []),
        ("{{ toJson . }}", "routes", []),
        ("{{ toJson .Alerts }}", "firing", []),
        ("{{ if .GroupKeyHash }}x{{ end }}", "empty", []),
        ('{{ template "nw.chat.text" . }}{{ .GroupKeyHash }}', "routes", NW),
    ]
] + [
    case(
        "{{ .GroupKeyHash }}",
        "routes",
        [["parse", '{{ define "uses-hash" }}{{ .GroupKeyHash }}{{ end }}']],
    ),
    case(
        '{{ template "uses-hash" . }}',
        "routes",
        [["parse", '{{ define "uses-hash" }}{{ .GroupKeyHash }}{{ end }}']],
    ),
    case('{{ template "acme.slack.footer" . }}', "mixed", ACME),
    case('{{ template "acme.slack.footer" . }}', "mixed", ACME, profile="cubeapm"),
]

# Hostile data: values are data, never templates (only route labels are).
HOSTILE_CASES = [
    case(text, "hostile", load)
    for text, load in [
        ("{{ .Receiver }}", []),
        ("{{ range .Alerts }}{{ .Labels.braces }}{{ end }}", []),
        ("{{ with index .Alerts 0 }}{{ .Labels.SortedPairs }}{{ end }}", []),
        ("{{ with index .Alerts 0 }}{{ toJson .Labels }}{{ end }}", []),
        ('{{ with index .Alerts 0 }}{{ printf "%q" .Annotations }}{{ end }}', []),
        ("{{ .NotificationReason }}", []),
        ("{{ .CommonAnnotations.summary }}", []),
        ('{{ index .GroupLabels "{{ weird key }}" }}', []),
        ("{{ .ExternalURL | urlquery }}", []),
        ("{{ len .Alerts }}|{{ len .Alerts.Firing }}", []),
        ("{{ (index .Alerts 0).Labels.long | len }}", []),
        (
            "{{ (index .Alerts 0).Labels.surrogate }}|{{ (index .Alerts 0).Labels.surrogate | len }}",
            [],
        ),
        ('{{ template "nw.chat.text" . }}', NW),
        ('{{ template "nw.page.details" . }}', NW),
        ('{{ template "nw.mail.html" . }}', NW),
        ('{{ template "nw.chat.link" . }}', NW),
        ('{{ reReplaceAll "[{}]" "" .Receiver }}', []),
        ('{{ match "^<b>" .Receiver }}', []),
    ]
]

# Loading: globs (Go's pattern rules), parse errors in files and texts.
LOAD_CASES = [
    case('{{ template "nw.chat.color" . }}', "routes", [["glob", "templates/chat.tmpl"]]),
    case('{{ template "nw.chat.color" . }}', "routes", [["glob", "templates/[^m]*.tmpl"]]),
    case('{{ template "nw.mail.subject" . }}', "routes", [["glob", "templates/[^m]*.tmpl"]]),
    case('{{ template "nw.shared.footer" . }}', "routes", [["glob", "templates/[^m]*.tmpl"]]),
    case('{{ template "nw.mail.subject" . }}', "routes", [["glob", "templates/m?il.tmpl"]]),
    case('{{ template "nw.extra.only" . }}', "routes", [["glob", "*/*/*.tmpl"]]),
    case('{{ template "nw.chat.color" . }}', "routes", [["glob", "*/*.tmpl"]]),  # broken/ too
    case('{{ template "nw.chat.color" . }}', "routes", [["glob", "[dt]*/*.tmpl"]]),
    case('{{ template "slack.nw.default.title" . }}', "routes", [["glob", "[dt]*/*.tmpl"]]),
    case('{{ template "dup" }}', "routes", [["glob", "dup/*/same.tmpl"]]),
    case('{{ template "dup" }}', "routes", [["glob", "dup/b/*.tmpl"], ["glob", "dup/a/*.tmpl"]]),
    case('{{ template "same.tmpl" }}', "routes", [["glob", "dup/*/same.tmpl"]]),
    case('{{ template "body-only.tmpl" }}', "routes", [["glob", "odd/body-only.tmpl"]]),
    case('{{ template "star" }}', "routes", [["glob", "odd/\\*.tmpl"]]),
    case('{{ template "star" }}|{{ template "bracket" }}', "routes", [["glob", "odd/*"]]),
    case('{{ template "bracket" }}', "routes", [["glob", "odd/\\[x].tmpl"]]),
    case(
        "{{ .Status }}", "routes", [["glob", "nothing/*.tmpl"], ["glob", "templates/none-*.tmpl"]]
    ),
    case("{{ .Status }}", "routes", [["glob", "templates/["]]),
    case("{{ .Status }}", "routes", [["glob", "templates/[]"]]),
    case("{{ .Status }}", "routes", [["glob", "templates/[z-a"]]),
    case("{{ .Status }}", "routes", [["glob", "templates/\\"]]),
    case("{{ .Status }}", "routes", [["glob", "[/*.tmpl"]]),
    case("{{ .Status }}", "routes", [["glob", "broken/unclosed.tmpl"]]),
    case("{{ .Status }}", "routes", [["glob", "broken/bad-action.tmpl"]]),
    case("{{ .Status }}", "routes", [["glob", "broken/undefined-func.tmpl"]]),
    case("{{ .Status }}", "routes", [["glob", "broken/*.tmpl"]]),
    case("{{ .Status }}", "routes", [["parse", "{{ if }}"]]),
    case("{{ .Status }}", "routes", [["parse", "ok"], ["parse", "line\n{{ .Status | nope }}"]]),
    case("{{ . }}", "routes", [["parse", "root body {{ .Status }}"]]),
    case('{{ template "" . }}', "routes", [["parse", "root body {{ .Status }}"]]),
    case('{{ template "" . }}', "routes", [["parse", "root body"], ["parse", "   "]]),
    case('{{ template "slack.nw.default.title" . }}', "routes", WITH_DEFAULTS),
]

# Whole notification sets: every definition of the acme set as a config field.
ACME_DEFINES = re.findall(
    r'{{-? *define "([^"]+)"', "".join(v for k, v in FILES.items() if k.startswith("acme/"))
)
ACME_CASES = [
    case(f'{{{{ template "{name}" . }}}}', data, ACME)
    for name in ACME_DEFINES
    if "." in name  # what receivers use; helpers (acme/...) are called by these
    for data in ("mixed", "routes", "hostile")
]

# The same texts as html (ExecuteHTMLString), for the html side of the bundle.
HTML_TEXTS = [
    '{{ template "nw.mail.html" . }}',
    '{{ template "nw.mail.subject" . }}',
    '{{ template "nw.chat.text" . }}',
    "<b>{{ .Receiver }}</b> {{ .CommonAnnotations.summary }}",
    '<a href="{{ .ExternalURL }}">{{ routeLabels "team" }}</a>',
    '<a href="{{ routeLabels "literal-html" }}">x</a>',
    '{{ routeLabels "value-html" }}',
    '{{ routeLabels "literal-html" }}',
    '<p title="{{ .NotificationReason }}">{{ .RouteLabels }}</p>',
    '{{ safeHtml "<i>ok</i>" }} {{ safeUrl "javascript:x" }}',
    "<script>var r = {{ .Receiver }};</script>",
    "{{ . }}",
    "<a href='{{ .Receiver }}'>",
    "{{ .GroupKeyHash }}",
    "{{ if .Alerts }}<b>{{ end }}",
]
HTML_CASES = [
    case(text, data, NW, type="html")
    for text in HTML_TEXTS
    for data in ("routes", "hostile", "mixed")
] + [
    case('{{ routeLabels "ping" }}', "cycles", NW, type="html"),
    case('{{ routeLabels "severity" }}', "routes", NW, type="html"),
]

# Data as Alertmanager builds it for a group (Template.Data), for Data.from_alerts.
GROUPS = [
    {
        "receiver": "team.x+y",
        "groupLabels": {"alertname": "A"},
        "routeLabels": {"team": "{{ .Receiver }}"},
        "notificationReason": "first notification",
        "externalURL": "http://am.example:9093",
        "alerts": [
            {
                "labels": {"alertname": "A", "job": "j", "instance": "1"},
                "annotations": {"summary": "s", "x": "1"},
                "startsAt": "2024-01-01T00:00:00Z",
                "generatorURL": "http://g",
            },
            {
                "labels": {"alertname": "A", "job": "j", "instance": "2"},
                "annotations": {"summary": "s", "x": "2"},
                "startsAt": "2024-01-01T00:00:00Z",
                "endsAt": "2024-01-01T01:00:00Z",
            },
            {
                "labels": {"alertname": "A", "job": "j", "instance": "3"},
                "annotations": {"summary": "s"},
                "startsAt": "2024-01-01T00:00:00Z",
                "endsAt": "2999-01-01T00:00:00Z",
            },
        ],
    },
    {"receiver": "", "alerts": []},
    {"receiver": "r", "alerts": [{"endsAt": "2020-02-02T00:00:00Z"}]},
    {
        "receiver": "r",
        "alerts": [
            {"labels": {"a": "", "b": "1", "é": "\u00ff"}, "annotations": {"a": ""}},
            {"labels": {"b": "1"}, "annotations": {}},
        ],
    },
]
GROUP_TEXTS = ["{{ toJson . }}", "{{ . }}", '{{ routeLabels "team" }}']
GROUP_CASES = [
    {"load": [], "text": text, "group": group} for group in GROUPS for text in GROUP_TEXTS
]


def all_cases() -> list[dict[str, Any]]:
    groups = {
        "field": FIELD_CASES,
        "v034": FIELDS_034,
        "route": ROUTE_LABEL_CASES,
        "strict": STRICT_CASES,
        "hostile": HOSTILE_CASES,
        "load": LOAD_CASES,
        "acme": ACME_CASES,
        "html": HTML_CASES,
        "group": GROUP_CASES,
    }
    cases = []
    for group, items in groups.items():
        for i, item in enumerate(items):
            cases.append(
                {"id": f"{group}-{i:03d}", "profile": "alertmanager", "type": "text", **item}
            )
    return cases


def oracle_request(c: dict[str, Any]) -> dict[str, Any]:
    """The oracle's bundle request for a case."""
    req: dict[str, Any] = {
        "bundle": {
            "profile": c["profile"],
            "files": [[path, text] for path, text in FILES.items()],
            "load": c["load"],
            "type": c["type"],
            "text": c["text"],
        },
        "timeout": 60,
    }
    if "group" in c:
        req["data"] = c["group"]
        req["data_kind"] = "alert_group"
    else:
        req["data"] = DATA[c["data"]]
    return req


def main() -> int:
    cases = all_cases()
    with Oracle() as oracle:
        results = oracle.run_many(oracle_request(c) for c in cases)
    recorded = []
    for c, result in zip(cases, results, strict=True):
        if result["phase"] not in (None, "load", "parse", "exec", "escape"):
            raise SystemExit(f"{c['id']}: oracle {result['phase']}: {result['error']}")
        want: dict[str, Any] = {"output": result["output"]}
        if result["phase"] is not None:
            want = {"phase": result["phase"], "error": result["error"]}
        recorded.append({**c, "want": want})
    text = json.dumps(
        {"files": FILES, "data": DATA, "cases": recorded}, ensure_ascii=False, indent=1
    )
    # Invalid UTF-8 in Go's output travels as lone surrogates: keep them escaped.
    text = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
    CASES_FILE.write_text(text + "\n", "utf-8")
    errors = sum("phase" in r["want"] for r in recorded)
    print(f"recorded {len(recorded)} cases ({errors} errors) into {CASES_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
