"""Records the Alertmanager profile's expectations from real Go.

Writes, from the Go oracle (tests/oracle, Alertmanager set-up: ``funcs`` and
``data_kind`` "alertmanager"):

* tests/golden/pagerduty/*.out: the seed's PagerDuty payload template rendered on
  each webhook payload tests/golden/pagerduty/*.json, byte for byte, as CubeAPM
  (the seed's product: Alertmanager's data with .GroupKeyHash) renders it;
* tests/data/alertmanager_cases.json: every function of the profile (normal and
  error cases), every method of the data model, how each type prints,
  notification templates executed definition by definition, and the errors
  Go's encoding/json gives for malformed webhook payloads. The templates are
  this project's own: tests/data/acme/*.tmpl, a fictional organisation's
  notification set (shared helpers in acme_common.tmpl, loaded before each
  channel file as Alertmanager loads several template files into one set), and
  a few short ones written below in the style of common user templates.

Run from the repository root, with Go installed and gotmpl importable (its
Unicode tables pick the runes the sweep cases test):

    PYTHONPATH=src python tests/data/alertmanager_record.py
"""

# The case table spells confusable Unicode letters on purpose.
# ruff: noqa: RUF001

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

GOLDEN = TESTS / "golden" / "pagerduty"
CASES_FILE = HERE / "alertmanager_cases.json"
DATA_NAMES = ("firing", "resolved", "mixed")

# Data sets a case can name in "data": the golden payloads, plus these.
EXTRA_DATA: dict[str, Any] = {
    "empty": {},
    "partial": {
        "receiver": "team-x",
        "status": "firing",
        "alerts": [{"labels": {"alertname": "A"}}, None],
        "commonLabels": {"alertname": "A", "gone": None},
        "GROUPLABELS": {"alertname": "A"},
        "unknownField": [1, 2, 3],
    },
    # 0.34's group fields: the reason, and route labels (one of them a template).
    "v034": {
        "receiver": "team-x",
        "status": "firing",
        "alerts": [{"status": "firing", "labels": {"alertname": "A", "team": "x"}}],
        "notification_reason": "new alerts added",
        "commonLabels": {"alertname": "A", "team": "x"},
        "routeLabels": {"team": "payments", "page": "{{ .CommonLabels.alertname }}-page"},
        "externalURL": "http://am.example:9093",
    },
}


EXAMPLES = TESTS.parent / "examples"


def load_data(name: str) -> Any:
    if name in EXTRA_DATA:
        return EXTRA_DATA[name]
    if name == "example":
        return json.loads((EXAMPLES / "alerts.json").read_text("utf-8"))
    return json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))


# -- the case table ---------------------------------------------------------------------
#
# Each case: a template (or "files", template files parsed in order like
# ParseFiles, and "exec" naming the template to run), "data", the name of a
# data set or the webhook JSON itself, and "profile" when it is not
# "alertmanager" (upstream 0.34) but "cubeapm".

FIRST = "(index .Alerts 0)"
T0 = f"{FIRST}.StartsAt"


def c(template: str, data: str = "firing", **extra: Any) -> dict[str, Any]:
    return {"template": template, "data": data, **extra}


FUNCTION_CASES = [
    # toUpper / toLower
    c('{{ toUpper "hello, World" }}|{{ toLower "HELLO, World" }}'),
    c('{{ toUpper "straße ǆ ﬁ ŉ ǰ ᾳ µ ÿ ı" }}|{{ toLower "İSTANBUL ǅ Ω K Å ẞ" }}'),
    c('{{ toUpper "a\\xffb\\xc3" }}|{{ toLower "\\xe2\\x82Z" }}|{{ toUpper "abc\\x80" | len }}'),
    c("{{ .CommonLabels.severity | toUpper }}|{{ .Status | toUpper | toLower }}"),
    c("{{ toUpper 1 }}"),
    c("{{ toUpper .Alerts }}"),
    c("{{ toUpper }}"),
    c('{{ toUpper "a" "b" }}'),
    c('{{ toUpper (safeHtml "x") }}'),
    c("{{ toUpper .Nope }}"),
    c("{{ toLower nil }}"),
    # title
    c('{{ title "hello world" }}|{{ title "HELLO wORLD" }}|{{ title "" }}'),
    c('{{ title "o\'neil mcdonald-smith don’t" }}|{{ title "1st place a1B x2y" }}'),
    c('{{ title "hello.world..foo x:y a::b" }}|{{ title "_foo_bar baz_qux" }}'),
    c('{{ title "ǆemal ǈ ǉ ß ﬁsh ﬀ ŉ" }}|{{ title "İstanbul ıi" }}'),
    c('{{ title "ΣΑΣ ΟΔΟΣ σς Σ ΑΣ. ΑΣ\'Α ΑΣ̈Β" }}'),
    c('{{ title "日本語テキスト 中文 한국어 ไทย ລາວ" }}|{{ title "🔥fire 🔥 fire" }}'),
    c('{{ title "\\xffhello w\\xc3orld" }}|{{ title "a\\u200bb a\\u00adb a\\u2060b" }}'),
    c(
        "{{ title .CommonLabels.alertname }}|{{ range .Alerts }}{{ title .Labels.service }};{{ end }}"
    ),
    c("{{ title 3 }}"),
    # trimSpace
    c('[{{ trimSpace "  a b \\t\\n" }}]'),
    c('[{{ trimSpace "\\u00a0\\u2003x\\u3000\\u0085" }}][{{ trimSpace "\\x1c x \\x1f" }}]'),
    c('[{{ trimSpace "\\u200bx\\u200b" }}][{{ trimSpace " \\xff x \\xff " }}][{{ trimSpace "" }}]'),
    c("{{ trimSpace .TruncatedAlerts }}"),  # a webhook field, not one of Data's
    c("{{ trimSpace .NotificationReason }}|{{ trimSpace .RouteLabels }}", "v034"),
    # join
    c('{{ join ", " (stringSlice "a" "b" "c") }}|{{ stringSlice "x" "y" | join "-" }}'),
    c('{{ join " " .CommonLabels.Names }}|{{ .CommonLabels.Values | join "," }}'),
    c('{{ join "," (stringSlice) }}|{{ join "" .CommonLabels.SortedPairs.Names }}'),
    c('{{ join "," (list "a") }}'),
    c('{{ "a,b" | join "," }}'),
    c('{{ join 1 (stringSlice "a") }}'),
    c('{{ join "," .CommonLabels }}'),
    c('{{ join "," nil }}|'),
    # match
    c('{{ match "^a.c$" "abc" }}|{{ match "^a.c$" "abcd" }}|{{ match "\\\\d+" "a1" }}'),
    c('{{ if match "^(critical|warning)$" .CommonLabels.severity }}page{{ end }}'),
    c('{{ match "(?i)HIGH" .CommonLabels.alertname }}|{{ match "" "" }}'),
    c('{{ match "(" "x" }}'),
    c('{{ match "a{2,1}" "x" }}'),
    c('{{ match "\\\\C" "x" }}'),
    c('{{ match "a" 1 }}'),
    # safeHtml / safeUrl
    c('{{ safeHtml "<b>&</b>" }}|{{ printf "%T %T" (safeHtml "x") (safeUrl "y") }}'),
    c('{{ safeUrl "https://x.example/?a=1&b=<2>" }}|{{ safeHtml "" | len }}'),
    c("{{ safeHtml 1 }}"),
    c('{{ printf "%q %v %s" (safeHtml "a\\"b") (safeUrl "u") (safeHtml "h") }}'),
    c('{{ eq (safeHtml "a") "a" }}'),
    # urlUnescape
    c(
        '{{ urlUnescape "a%20b+c%2Bd" }}|{{ urlUnescape "%e2%82%ac%E2%82%AC" }}|{{ urlUnescape "" }}'
    ),
    c('{{ urlUnescape "%ff%fe" | len }}|{{ urlUnescape .ExternalURL }}'),
    c('{{ urlUnescape "%zz" }}'),
    c('{{ urlUnescape "abc%" }}'),
    c('{{ urlUnescape "abc%4" }}'),
    c('{{ urlUnescape "a%4g" }}'),
    c('{{ urlUnescape "%\\xff\\xfe" }}'),
    c("{{ range .Alerts }}{{ urlUnescape .GeneratorURL }};{{ end }}"),
    # reReplaceAll
    c('{{ reReplaceAll "(a+)" "<$1>" "caaat" }}|{{ reReplaceAll "a" "b" "" }}'),
    c('{{ reReplaceAll "(?P<x>b)" "${x}${x}" "abc" }}|{{ reReplaceAll "(b)" "$1x" "abc" }}'),
    c(
        '{{ reReplaceAll "" "-" "abc" }}|{{ reReplaceAll "x*" "-" "abc" }}|{{ reReplaceAll "$" "!" "ab" }}'
    ),
    c('{{ reReplaceAll "[[:space:]]+" " " "a \\t\\n b" }}|{{ reReplaceAll "\\\\s" "" "é x" }}'),
    c('{{ reReplaceAll ":[0-9]+$" "" (index .Alerts 0).Labels.instance }}'),
    c('{{ reReplaceAll "(" "" "x" }}'),
    c('{{ reReplaceAll "`(" "" "x" }}'),
    c('{{ reReplaceAll "a**" "" "x" }}'),
    c('{{ reReplaceAll "\\\\8" "" "x" }}'),
    c('{{ reReplaceAll "(?<n>a)" "$n" "a" }}'),
    c('{{ reReplaceAll "a" "b" }}'),
    c('{{ reReplaceAll "a" 1 "b" }}'),
    # stringSlice
    c('{{ stringSlice }}|{{ stringSlice "a" "b" }}|{{ len (stringSlice "a" "b") }}'),
    c('{{ printf "%T %v %q" (stringSlice "a") (stringSlice) (stringSlice "x" "y") }}'),
    c('{{ range stringSlice "a" "b" }}<{{ . }}>{{ end }}|{{ index (stringSlice "p" "q") 1 }}'),
    c("{{ stringSlice 1 }}"),
    c("{{ stringSlice .Status .Receiver }}"),
    c('{{ toJson (stringSlice) }}|{{ toJson (stringSlice "a") }}'),
    # date / tz
    c(f'{{{{ date "2006-01-02 15:04:05.000 MST" {T0} }}}}|{{{{ {T0} | date "Jan _2 3:04PM" }}}}'),
    c(f'{{{{ date "Mon, 02 Jan 2006 15:04:05 -0700" {T0} }}}}|{{{{ date "" {T0} }}}}'),
    c('{{ range .Alerts }}{{ date "2006-01-02T15:04:05Z07:00" .StartsAt }};{{ end }}'),
    c('{{ range .Alerts }}{{ .EndsAt | date "2006" }};{{ end }}', "resolved"),
    c('{{ date "2006" .Receiver }}'),
    c('{{ date "2006" nil }}'),
    c('{{ date "2006" }}'),
    c(
        f'{{{{ {T0} | tz "Europe/Berlin" }}}}|{{{{ {T0} | tz "America/New_York" | date "15:04 MST" }}}}'
    ),
    c(f'{{{{ tz "UTC" {T0} }}}}|{{{{ tz "" {T0} }}}}|{{{{ tz "Asia/Kolkata" {T0} }}}}'),
    c('{{ range .Alerts }}{{ tz "Asia/Tokyo" .StartsAt }};{{ end }}', "mixed"),
    c(f'{{{{ tz "Nope/Zone" {T0} }}}}'),
    c(f'{{{{ tz "../etc/passwd" {T0} }}}}'),
    c('{{ tz "UTC" "2024" }}'),
    # now / since
    c('{{ printf "%T" now }}|{{ now | date "2006" | len }}|{{ (now).IsZero }}'),
    c("{{ now 1 }}"),
    c(f'{{{{ printf "%T" (since {T0}) }}}}|{{{{ gt (since {T0}).Hours 1000.0 }}}}'),
    c('{{ since "2024" }}'),
    c("{{ since }}"),
    # humanizeDuration
    c(
        "{{ humanizeDuration 0 }}|{{ humanizeDuration 1 }}|{{ humanizeDuration 1.5 }}|"
        "{{ humanizeDuration 59.99 }}|{{ humanizeDuration 60 }}|{{ humanizeDuration 3600 }}|"
        "{{ humanizeDuration 86400 }}|{{ humanizeDuration 90061 }}|{{ humanizeDuration -90061 }}"
    ),
    c(
        "{{ humanizeDuration 0.5 }}|{{ humanizeDuration 0.0012345 }}|{{ humanizeDuration 1e-9 }}|"
        "{{ humanizeDuration 1e-30 }}|{{ humanizeDuration -0.25 }}|{{ humanizeDuration 1e19 }}|"
        "{{ humanizeDuration 1e300 }}|{{ humanizeDuration -1.5 }}|{{ humanizeDuration 123456.789 }}"
    ),
    c(
        '{{ humanizeDuration "123" }}|{{ humanizeDuration "1_000.5" }}|{{ humanizeDuration "NaN" }}|'
        '{{ humanizeDuration "+Inf" }}|{{ humanizeDuration "-infinity" }}|{{ humanizeDuration "0x1p-2" }}|'
        "{{ humanizeDuration (len .Alerts) }}"
    ),
    c("{{ humanizeDuration .NotificationReason }}", "v034"),
    c(f"{{{{ humanizeDuration ({FIRST}.EndsAt.Sub {T0}) }}}}", "resolved"),
    c('{{ humanizeDuration "abc" }}'),
    c('{{ humanizeDuration "1e400" }}'),
    c('{{ humanizeDuration "+nan" }}'),
    c('{{ humanizeDuration " 1" }}'),
    c("{{ humanizeDuration true }}"),
    c("{{ humanizeDuration nil }}"),
    c("{{ humanizeDuration .Nope }}"),
    c("{{ humanizeDuration 'a' }}"),
    c("{{ humanizeDuration (list 1) }}"),
    c(f"{{{{ humanizeDuration {T0} }}}}"),
    c('{{ humanizeDuration (safeHtml "1") }}'),
    c("{{ humanizeDuration 1.5i }}"),
    # toDate / mustToDate
    c('{{ toDate "2006-01-02" "2024-03-10" }}|{{ toDate "2006-01-02" "bad" }}'),
    c('{{ toDate "2006-01-02 15:04 MST" "2024-03-10 12:00 PST" }}|{{ toDate "15:04" "25:00" }}'),
    c(
        '{{ (toDate "2006-01-02" "2024-03-10").Unix }}|{{ toDate "2006-01-02T15:04:05Z07:00" "2024-03-10T01:02:03+05:30" }}'
    ),
    c('{{ mustToDate "2006-01-02" "2024-03-10" | date "Monday" }}'),
    c('{{ mustToDate "2006-01-02" "bad" }}'),
    c('{{ mustToDate "2006-01-02" "2024-02-30" }}'),
    c('{{ toDate "2006" 2024 }}'),
    # toJson
    c("{{ toJson . }}"),
    c("{{ toJson . }}", "mixed"),
    c("{{ toJson . }}", "empty"),
    c("{{ toJson . }}", "partial"),
    c("{{ toJson .Alerts }}|{{ toJson .Alerts.Firing }}|{{ toJson .Alerts.Resolved }}"),
    c(
        "{{ toJson .CommonLabels }}|{{ toJson .CommonAnnotations }}|{{ toJson .GroupLabels.SortedPairs }}"
    ),
    c(
        f"{{{{ toJson {T0} }}}}|{{{{ toJson {FIRST}.EndsAt }}}}|{{{{ toJson {FIRST}.Labels.Names }}}}"
    ),
    c('{{ toJson (list 1 2.5 "a" nil true) }}|{{ toJson (dict "b" 1 "a" (list 1 2) "c" (dict)) }}'),
    c(
        '{{ toJson "<a href=\\"x\\">&</a>\\u2028\\u2029" }}|{{ toJson "\\x00\\x01\\b\\f\\n\\r\\t\\x1f\\x7f" }}'
    ),
    c(
        '{{ toJson "\\xff\\xc3(é)" }}|{{ toJson (safeHtml "<b>") }}|{{ toJson \'a\' }}|{{ toJson 1.5i }}'
    ),
    c(
        "{{ toJson 1e21 }}|{{ toJson 1e20 }}|{{ toJson 1e-7 }}|{{ toJson 0.000001 }}|"
        "{{ toJson 123456789.0 }}|{{ toJson -0.0 }}|{{ toJson 1.0 }}|{{ toJson 3.14159e-10 }}|"
        "{{ toJson 9007199254740993 }}|{{ toJson -1e-100 }}|{{ toJson 5e-324 }}"
    ),
    c('{{ toJson (toDate "2006-01-02" "9999-12-31").AddDate 1 0 0 }}'),
    c('{{ toJson ((toDate "2006-01-02" "9999-12-31").AddDate 1 0 0) }}'),
    c("{{ toJson nil }}|{{ toJson .Nope }}|{{ toJson .CommonLabels.nope }}|{{ toJson (list) }}"),
    c(
        '{{ toJson (index .CommonLabels.SortedPairs 0) }}|{{ toJson (.CommonLabels.Remove (stringSlice "env")) }}'
    ),
    c(
        "{{ toJson (humanizeDuration 61) }}|{{ toJson .NotificationReason }}|{{ toJson (stringSlice) }}"
    ),
    c('{{ toJson (tz "Europe/Berlin" (index .Alerts 0).StartsAt) }}'),
    c('{{ toJson (dict "k" .CommonLabels "r" .RouteLabels "s" (stringSlice "x")) }}', "v034"),
    c("{{ toJson . }}", "v034"),
    c("{{ toJson . }}", "v034", profile="cubeapm"),
    c("{{ toJson . }}", "partial", profile="cubeapm"),
    c("{{ toJson }}"),
    # base64encode / base64decode
    c(
        '{{ base64encode "hello" }}|{{ base64encode "" }}|{{ base64encode "subjects?_d>>" }}|{{ base64encode "\\xff\\xfe\\xfd" }}'
    ),
    c(
        "{{ base64encode .GroupKey }}|{{ base64encode .GroupKey | base64decode }}",
        profile="cubeapm",
    ),
    c(
        '{{ base64decode "aGVsbG8=" }}|{{ base64decode "" }}|{{ base64decode "a\\nGVs\\r\\nbG8=\\n" }}|{{ base64decode "_-_-" | len }}'
    ),
    c(
        '{{ base64decode "YQ==" }}|{{ base64decode "YWI=" }}|{{ base64decode "YWJj" }}|{{ base64decode "YQ=\\n=" }}'
    ),
    c('{{ base64decode "aGVsbG8" }}'),
    c('{{ base64decode "aGV sbG8=" }}'),
    c('{{ base64decode "+/+/" }}'),
    c('{{ base64decode "=" }}'),
    c('{{ base64decode "a===" }}'),
    c('{{ base64decode "YQ=" }}'),
    c('{{ base64decode "YQ==YQ==" }}'),
    c('{{ base64decode "YQ=x" }}'),
    c('{{ base64decode "YWJjZA==\\n\\nx" }}'),
    c('{{ base64decode "YWJjZGVmZ2hp!" }}'),
    c('{{ base64decode "YWJjZGVmZ2hpamts\\n" }}|{{ base64decode "YWJjZGVmZ2hpamtsbW5v" }}'),
    c('{{ base64decode "Y" }}'),
    c('{{ base64decode "YW" }}'),
    c('{{ base64decode "YWJ" }}'),
    # list / append / dict
    c(
        '{{ list }}|{{ list 1 "a" nil true 2.5 }}|{{ printf "%T %T" (list) (list 1) }}|{{ len (list 1 2 3) }}'
    ),
    c(
        "{{ range list 1 2 }}<{{ . }}>{{ end }}|{{ index (list .Status .Receiver) 1 }}|{{ list .Alerts.Firing }}"
    ),
    c(
        '{{ append (list 1) 2 3 }}|{{ append (list) }}|{{ $l := list }}{{ $l = append $l "x" }}{{ $l = append $l "y" }}{{ $l }}'
    ),
    c('{{ append (stringSlice "a") "b" }}'),
    c("{{ append 1 2 }}"),
    c("{{ append }}"),
    c('{{ append nil 1 }}|{{ printf "%T" (append nil) }}'),
    c('{{ dict "a" 1 "b" "x" }}|{{ dict }}|{{ (dict "a" 1).a }}|{{ printf "%T" (dict) }}'),
    c(
        '{{ index (dict "k" .CommonLabels) "k" }}|{{ range $k, $v := dict "z" 1 "a" 2 }}{{ $k }}={{ $v }};{{ end }}'
    ),
    c('{{ (dict "a" 1).missing }}|{{ index (dict "a" 1) "missing" }}'),
    c('{{ dict "a" }}'),
    c("{{ dict 1 2 }}"),
    c('{{ dict (safeHtml "a") 1 }}'),
    c("{{ dict nil 1 }}"),
    c(
        '{{ with dict "severity" "page" "alerts" .Alerts.Firing }}{{ .severity }} {{ len .alerts }}{{ end }}'
    ),
]

METHOD_CASES = [
    c("{{ .CommonLabels.SortedPairs }}|{{ .GroupLabels.SortedPairs }}"),
    c("{{ range .Alerts }}{{ .Labels.SortedPairs }};{{ end }}", "mixed"),
    c("{{ range .CommonLabels.SortedPairs }}{{ .Name }}={{ .Value }};{{ end }}"),
    c("{{ .CommonLabels.Names }}|{{ .CommonLabels.Values }}|{{ .CommonLabels.String }}"),
    c(
        "{{ .CommonLabels.SortedPairs.Names }}|{{ .CommonLabels.SortedPairs.Values }}|{{ .CommonLabels.SortedPairs.String }}"
    ),
    c(
        '{{ .CommonLabels.Names.Join ", " }}|{{ .CommonLabels.SortedPairs.Values.Join "/" }}|{{ (stringSlice "a") }}'
    ),
    c(
        '{{ .CommonLabels.Remove (stringSlice "env" "job" "nope") }}|{{ .CommonLabels.Remove (stringSlice) }}'
    ),
    c(
        '{{ .CommonLabels.Remove .GroupLabels.Names }}|{{ with .CommonLabels.Remove .GroupLabels.Names }}{{ .Values | join " " }}{{ end }}'
    ),
    c("{{ .CommonLabels.Remove nil }}"),
    c("{{ .CommonLabels.Remove }}"),
    c('{{ .CommonLabels.Remove "env" }}'),
    c('{{ .CommonLabels.Remove (list "env") }}'),
    c('{{ .CommonLabels.Remove (stringSlice "a") (stringSlice "b") }}'),
    c("{{ .CommonLabels.SortedPairs.Names.Join }}"),
    c("{{ .CommonLabels.SortedPairs.Names.Join 1 }}"),
    c(
        "{{ .Alerts.Firing }}|{{ .Alerts.Resolved }}|{{ len .Alerts.Firing }}|{{ len .Alerts.Resolved }}",
        "mixed",
    ),
    c(
        "{{ range .Alerts.Firing }}{{ .Fingerprint }};{{ end }}|{{ range .Alerts.Resolved }}{{ .Fingerprint }};{{ end }}",
        "mixed",
    ),
    c("{{ .Alerts.Firing.Firing }}"),
    c("{{ .Alerts.Nope }}"),
    c("{{ .Alerts.Firing 1 }}"),
    c("{{ .CommonLabels.SortedPairs 1 }}"),
    c("{{ .NotificationReason }}|{{ .RouteLabels }}|{{ .RouteLabels.team }}", "v034"),
    c("{{ .RouteLabels.SortedPairs }}|{{ .RouteLabels.Names }}|{{ len .RouteLabels }}", "v034"),
    c('{{ routeLabels "team" }}|{{ routeLabels "nope" }}', "v034"),
    c("{{ .NotificationReason }}|{{ .RouteLabels }}|{{ .RouteLabels.x }}"),
    c("{{ .routeLabelsRendered }}"),
    c("{{ .routeLabelsRendered 1 }}"),
    c("{{ .RouteLabels.Remove }}", "v034"),
    c("{{ .Receiver.Foo }}"),
    c("{{ .from_dict }}"),
    c("{{ .CommonLabels.nope }}|{{ .CommonLabels.Join }}|{{ .GroupLabels.rule_id | urlquery }}"),
    c(
        "{{ .CommonLabels.nope }}|{{ .GroupLabels.rule_id | urlquery }}|{{ .CommonLabels.SortedPairs }}",
        "empty",
    ),
    c(
        '{{ index .CommonLabels "severity" }}|{{ index .CommonLabels "nope" }}|{{ index .Alerts 1 "Labels" }}'
    ),
    c("{{ index .CommonLabels 1 }}"),
    c("{{ index .Alerts 5 }}"),
    c("{{ (index .Alerts 1).Labels.instance }}|{{ (index .Alerts.Firing 0).Fingerprint }}"),
    c('{{ slice .Alerts 1 }}|{{ len (slice .Alerts 0 1) }}|{{ printf "%T" (slice .Alerts 0) }}'),
    c(
        "{{ len .CommonLabels }}|{{ len .Alerts }}|{{ len .GroupLabels }}|{{ len .CommonLabels.SortedPairs }}"
    ),
    c(
        "{{ range $k, $v := .CommonLabels }}{{ $k }}={{ $v }};{{ end }}|{{ range $i, $a := .Alerts }}{{ $i }}{{ end }}"
    ),
    c("{{ range $k, $v := (index .Alerts 0).Labels }}{{ $k }};{{ end }}", "mixed"),
    c(
        '{{ eq .Status "firing" }}|{{ eq .NotificationReason "" }}|{{ lt (len .Alerts) 5 }}',
        "mixed",
    ),
    c("{{ eq .TruncatedAlerts 0 }}", "mixed"),
    c("{{ eq (index .CommonLabels.SortedPairs 0) (index .GroupLabels.SortedPairs 0) }}"),
    c("{{ eq .CommonLabels .CommonLabels }}"),
    c("{{ eq .Alerts .Alerts }}"),
    c(f"{{{{ eq {FIRST} {FIRST} }}}}"),
    c(
        f'{{{{ {T0}.Unix }}}}|{{{{ {T0}.Nanosecond }}}}|{{{{ {T0}.Format "Jan 2" }}}}|{{{{ {FIRST}.EndsAt.IsZero }}}}'
    ),
    c(f'{{{{ printf "%s" {T0}.MarshalText }}}}|{{{{ {FIRST}.EndsAt.Sub {T0} }}}}', "resolved"),
    c(
        "{{ if .CommonLabels }}y{{ else }}n{{ end }}|{{ if .Alerts }}y{{ else }}n{{ end }}|{{ if .RouteLabels }}y{{ else }}n{{ end }}",
        "empty",
    ),
    c(
        "{{ with .CommonAnnotations }}has{{ else }}none{{ end }}|{{ with .GroupLabels }}{{ . }}{{ end }}",
        "mixed",
    ),
    c("{{ .Alerts.Firing | len }}|{{ .Alerts | len }}|{{ .Alerts.Resolved | toJson }}", "resolved"),
    c(
        "{{ .Receiver }}|{{ .Status }}|{{ .ExternalURL }}|{{ .GroupKey }}|{{ .GroupKeyHash }}",
        "mixed",
        profile="cubeapm",
    ),
    c("{{ .Receiver }}|{{ .GroupKey }}", "mixed"),
    c("{{ .GroupKeyHash }}", "mixed"),
    c("{{ .TruncatedAlerts }}", "mixed", profile="cubeapm"),
    c("{{ .Version }}", "mixed"),
    c(
        "{{ range .Alerts }}{{ .Status }} {{ .Fingerprint }} {{ .GeneratorURL }} {{ .CubeImageURL }};{{ end }}",
        "partial",
        profile="cubeapm",
    ),
    c("{{ range .Alerts }}{{ .Fingerprint }} {{ .CubeImageURL }};{{ end }}", "partial"),
    c("{{ . }}", "partial"),
    c("{{ . }}", "partial", profile="cubeapm"),
    c("{{ . }}", "v034"),
]

PRINT_CASES = [
    c("{{ . }}"),
    c("{{ . }}", "mixed"),
    c("{{ . }}", "empty"),
    c('{{ printf "%v" . }}'),
    c('{{ printf "%+v" . }}'),
    c('{{ printf "%+v" . }}', "empty"),
    c('{{ printf "%#v" . }}', "resolved"),
    c('{{ printf "%#v" . }}', "empty"),
    c(
        '{{ printf "%T|%T|%T|%T|%T" . .Alerts .CommonLabels .CommonLabels.SortedPairs (index .CommonLabels.SortedPairs 0) }}'
    ),
    c(
        '{{ printf "%T|%T|%T|%T|%T|%T" .CommonLabels.Names .Alerts.Firing (index .Alerts 0) (index .Alerts 0).StartsAt .RouteLabels .NotificationReason }}'
    ),
    c(
        '{{ printf "%T|%T|%T|%T" . (index .Alerts 0) .GroupKeyHash .Alerts.Firing }}',
        profile="cubeapm",
    ),
    c('{{ printf "%+v" . }}', "v034"),
    c('{{ printf "%#v" . }}', "v034"),
    c('{{ printf "%+v" . }}', "resolved", profile="cubeapm"),
    c('{{ printf "%#v" . }}', "resolved", profile="cubeapm"),
    c('{{ printf "%T|%T" .Alerts.Resolved (.CommonLabels.Remove (stringSlice)) }}'),
    c("{{ .Alerts }}"),
    c("{{ .Alerts }}", "mixed"),
    c('{{ printf "%v" .Alerts }}|{{ printf "%+v" .Alerts.Firing }}'),
    c('{{ printf "%#v" .Alerts }}', "resolved"),
    c("{{ .CommonLabels }}|{{ .GroupLabels }}|{{ .CommonAnnotations }}"),
    c("{{ .CommonLabels }}|{{ .GroupLabels }}|{{ .CommonAnnotations }}", "resolved"),
    c('{{ printf "%v|%+v|%s|%q" .CommonLabels .CommonLabels .CommonLabels .CommonLabels }}'),
    c('{{ printf "%#v" .CommonLabels }}'),
    c('{{ printf "%d" .CommonLabels }}'),
    c('{{ printf "%x" .GroupLabels }}'),
    c(
        "{{ .CommonLabels.SortedPairs }}|{{ index .CommonLabels.SortedPairs 0 }}|{{ .CommonLabels.Names }}"
    ),
    c(
        '{{ printf "%v|%+v|%#v|%q" (index .CommonLabels.SortedPairs 0) (index .CommonLabels.SortedPairs 0) (index .CommonLabels.SortedPairs 0) .CommonLabels.SortedPairs }}'
    ),
    c('{{ printf "%#v|%q|%v" .CommonLabels.Names .CommonLabels.Names .CommonLabels.Values }}'),
    c(
        '{{ printf "%s" .CommonLabels.SortedPairs }}|{{ printf "%v" .CommonLabels.SortedPairs }}|{{ printf "%d" .CommonLabels.SortedPairs }}'
    ),
    c("{{ print .CommonLabels .Alerts.Firing }}|{{ println .GroupLabels .RouteLabels }}"),
    c("{{ index .Alerts 0 }}"),
    c('{{ printf "%+v" (index .Alerts 0) }}', "resolved"),
    c('{{ printf "%v" (index .Alerts 0) }}', "partial"),
    c('{{ printf "%#v" (index .Alerts 0) }}', "partial"),
    c("{{ .Alerts.Firing }}", "partial"),
    c('{{ printf "%s" . }}', "resolved"),
    c('{{ printf "%q" .Alerts }}', "resolved"),
    # A time.Time under verbs that do not call its String method: Go's fields.
    *(
        c("{{ printf " + f'"{verbs}"' + f" {t} {t} {t} {t} }}}}")
        for t in (
            T0,
            '(toDate "2006-01-02" "2024-02-29")',
            '(toDate "2006-01-02" "0000-01-01")',
            '(toDate "2006" "x")',
        )
        for verbs in ("%d|%t|%+d|%o", "%b|%e|%c|%U", "%5d|%8.3f|%p|%010d", "%x|%q|%#v|%-d")
    ),
    c('{{ printf "%d" (list (toDate "2006-01-02" "2024-02-29")) }}'),
    c('{{ printf "%d" (dict "a" (toDate "2006-01-02" "2024-02-29")) }}'),
]

PARSE_CASES = [
    c("{{ toUpper .Status }"),
    c("{{ nope .Status }}"),
    c("{{ routeLabels .Status }}"),
    c("{{ range .Alerts }}{{ .Status }}"),
    c('{{ if eq .Status "firing" }}x{{ else }}'),
    c("{{ $x }}"),
]

# Real-world templates, each parsed whole and executed one definition at a time.
SLACK = """{{ define "slack.custom.title" }}{{ .Status | toUpper }}{{ if eq .Status "firing" }} ({{ len .Alerts.Firing }}){{ end }}: {{ .CommonLabels.alertname }} {{ if .CommonLabels.env }}[{{ .CommonLabels.env }}]{{ end }}{{ end }}
{{ define "slack.custom.color" }}{{ if eq .Status "firing" }}{{ if eq .CommonLabels.severity "critical" }}danger{{ else }}warning{{ end }}{{ else }}good{{ end }}{{ end }}
{{ define "slack.custom.text" -}}
{{ range .Alerts -}}
*Alert:* {{ .Annotations.summary }}{{ if .Labels.severity }} - `{{ .Labels.severity }}`{{ end }}
*Description:* {{ .Annotations.description }}
*Started:* {{ .StartsAt.Format "2006-01-02 15:04:05 MST" }}{{ if not .EndsAt.IsZero }} *Ended:* {{ .EndsAt | date "15:04:05" }}{{ end }}
*Details:*
{{ range .Labels.SortedPairs }} • *{{ .Name }}:* `{{ .Value }}`
{{ end }}
{{ end }}
{{- end }}
"""

TELEGRAM = """{{ define "telegram.custom.message" -}}
{{ if gt (len .Alerts.Firing) 0 -}}
🔥 <b>{{ .Alerts.Firing | len }} firing</b> for {{ .GroupLabels.SortedPairs.Values | join ", " | title }}
{{ range .Alerts.Firing -}}
• <b>{{ .Labels.alertname }}</b> on <code>{{ reReplaceAll ":[0-9]+$" "" .Labels.instance }}</code>
  {{ .Annotations.summary | safeHtml }}
  since {{ .StartsAt | tz "Europe/Berlin" | date "Mon 02 Jan 15:04 MST" }}
{{ end -}}
{{ end -}}
{{ if gt (len .Alerts.Resolved) 0 -}}
✅ <b>{{ .Alerts.Resolved | len }} resolved</b>
{{ range .Alerts.Resolved -}}
• {{ .Labels.alertname }} after {{ humanizeDuration (.EndsAt.Sub .StartsAt) }}
{{ end -}}
{{ end -}}
{{ end }}
"""

WEBHOOK_JSON = """{{ define "json.body" -}}
{"receiver": {{ toJson .Receiver }}, "status": {{ .Status | toJson }},
 "count": {{ len .Alerts }}, "reason": {{ toJson .NotificationReason }},
 "labels": {{ toJson .CommonLabels }}, "names": {{ toJson .CommonLabels.Names }},
 "alerts": [{{ range $i, $a := .Alerts }}{{ if $i }}, {{ end }}{"fp": {{ toJson $a.Fingerprint }}, "starts": {{ toJson $a.StartsAt }}, "labels": {{ toJson ($a.Labels.Remove (stringSlice "alertname")) }}}{{ end }}],
 "key": {{ toJson (base64encode .ExternalURL) }}}
{{- end }}
{{ define "json.dict" }}{{ toJson (dict "status" .Status "firing" (len .Alerts.Firing) "list" (list .Receiver 1 2.5 true) "extra" (append (list "a") "b")) }}{{ end }}
"""

TEAMS = """{{ define "teams.card" -}}
{
  "@type": "MessageCard",
  "themeColor": "{{ if eq .Status "resolved" }}2DC72D{{ else if eq .CommonLabels.severity "critical" }}8C1A1A{{ else }}FFA500{{ end }}",
  "title": "{{ template "teams.title" . }}",
  "sections": [{{ $first := true }}{{ range .Alerts }}{{ if not $first }},{{ end }}{{ $first = false }}
    {
      "activityTitle": {{ printf "%q" (or .Annotations.summary .Labels.alertname) }},
      "facts": [{{ range $i, $p := .Labels.SortedPairs }}{{ if $i }}, {{ end }}{"name": {{ printf "%q" $p.Name }}, "value": {{ printf "%q" $p.Value }}}{{ end }}],
      "markdown": {{ if match "^https?://" .GeneratorURL }}true{{ else }}false{{ end }}
    }{{ end }}
  ]
}
{{- end }}
{{ define "teams.title" }}{{ .Status | title }}: {{ or .CommonAnnotations.summary .CommonLabels.alertname "many alerts" }}{{ end }}
"""


ACME = HERE / "acme"
ACME_COMMON = "acme_common.tmpl"

REAL_TEMPLATES = {
    **{
        path.name: path.read_text("utf-8")
        for path in sorted(ACME.glob("*.tmpl"), key=lambda p: (p.name != ACME_COMMON, p.name))
    },
    "slack.tmpl": SLACK,
    "telegram.tmpl": TELEGRAM,
    "webhook_json.tmpl": WEBHOOK_JSON,
    "teams.tmpl": TEAMS,
}

# The files each real-world case parses, in order, like ParseFiles: an acme
# channel file comes after the shared helpers it calls (and may redefine some
# of them); the other templates stand alone.
TEMPLATE_SETS = {
    name: [ACME_COMMON, name] if name.startswith("acme_") and name != ACME_COMMON else [name]
    for name in REAL_TEMPLATES
}

# The data sets every definition runs on.
REAL_DATA = (*DATA_NAMES, "partial", "empty", "example")


def template_cases() -> list[dict[str, Any]]:
    """Every definition of each real-world template file, in its set, on each data set."""
    return [
        {"files": TEMPLATE_SETS[fname], "exec": name, "data": data}
        for fname, text in REAL_TEMPLATES.items()
        for data in REAL_DATA
        for name in _defined_names(text)
    ]


def _defined_names(text: str) -> list[str]:
    return re.findall(r'{{-? *define "([^"]+)"', text)


def unicode_cases() -> list[dict[str, Any]]:
    """toUpper, toLower and title around every boundary of the Unicode tables."""
    from gotmpl.gostd import _casetables

    runes: set[int] = set()
    for item in _casetables.CASE_RANGES.split():
        lo, _, hi = item.partition(":")[0].partition("-")
        for r in (int(lo, 16), int(hi, 16), int(lo, 16) + 1):
            runes.update((r - 1, r))
    for item in _casetables.TITLE_RUNS.split():
        r = int(item.partition(":")[0], 16)
        runes.update((r - 1, r))
    runes = {r for r in runes if 0x20 <= r <= 0x10FFFF and not 0xD800 <= r <= 0xDFFF}
    ordered = sorted(runes)
    cases = []
    chunk = 150
    for i in range(0, len(ordered), chunk):
        part = [chr(r) for r in ordered[i : i + chunk]]
        words = " ".join(
            f"{ch}a{ch}A{ch} a{ch}Σ{ch} Σ{ch}x {ch}'{ch}.{ch} x{ch}{ch}Σ" for ch in part
        )
        cases.append(
            {
                "template": "{{ title .Receiver }}\n{{ toUpper .Receiver }}\n{{ toLower .Receiver }}",
                "data": {"receiver": words},
            }
        )
    return cases


# The command line on plain JSON data (no Alertmanager set-up): "files" are
# written to disk and passed in order, "data" is written as a JSON file.
CLI_CASES: list[dict[str, Any]] = [
    {
        "files": [
            ["list.tmpl", "{{ .name }}: {{ range $i, $e := .items }}{{ $i }}={{ $e }} {{ end }}\n"]
        ],
        "data": {"name": "x", "items": [1, 2.5, "a", None, True, {"k": [1]}]},
    },
    {
        "files": [
            [
                "nums.tmpl",
                '{{ .big }} {{ .neg }} {{ .f }} {{ .e }} {{ printf "%T %T" .big .i }} {{ .i }}',
            ]
        ],
        "data": {"big": 12345678901234567890, "neg": -0.0, "f": 1.0, "e": 1e21, "i": 42},
    },
    {"files": [["nil.tmpl", "{{ . }} {{ .x }}"]]},
    {
        "files": [["str.tmpl", '{{ .s }}|{{ printf "%q" .s }}|{{ "\\xff\\xfe" }}']],
        "data": {"s": "a\ud800b\u00e9"},
    },
    {
        "files": [
            [
                "main.tmpl",
                '{{ define "row" }}<{{ . }}>{{ end }}{{ range .rows }}{{ template "row" . }}{{ end }}{{ template "b.tmpl" . }}',
            ],
            ["b.tmpl", "[{{ len .rows }}]"],
        ],
        "data": {"rows": ["a", "b"]},
    },
    {
        "files": [["main.tmpl", '{{ define "other" }}other {{ .v }}{{ end }}main']],
        "data": {"v": 1},
        "name": "other",
    },
    {"files": [["main.tmpl", "main"]], "name": "nope"},
    {"files": [["d.tmpl", "[[ .v ]] {{ .v }}"]], "data": {"v": 7}, "delims": ["[[", "]]"]},
    {"files": [["m.tmpl", "{{ .missing }}"]], "data": {"v": 1}, "options": ["missingkey=error"]},
    {"files": [["m.tmpl", "{{ .missing }}"]], "data": {"v": 1}, "options": ["missingkey=zero"]},
    {"files": [["e.tmpl", "ok {{ index .a 5 }}"]], "data": {"a": [1, 2]}},
    {"files": [["p.tmpl", "line\n{{ if .x }}"]]},
    {"files": [["p.tmpl", "{{ .x | nope }}"]]},
    {
        "files": [["pagerduty.tmpl", (GOLDEN / "pagerduty.tmpl").read_text("utf-8")]],
        "data": json.loads((GOLDEN / "resolved.json").read_text("utf-8")),
        "profile": "cubeapm",
    },
    # Upstream Alertmanager has no .GroupKeyHash: the seed's template fails there.
    {
        "files": [["pagerduty.tmpl", (GOLDEN / "pagerduty.tmpl").read_text("utf-8")]],
        "data": json.loads((GOLDEN / "resolved.json").read_text("utf-8")),
        "profile": "alertmanager",
    },
    {
        "files": [["pagerduty.tmpl", (GOLDEN / "pagerduty.tmpl").read_text("utf-8")]],
        "data": json.loads((GOLDEN / "resolved.json").read_text("utf-8")),
    },
]


# Webhook payloads Go's encoding/json rejects (or accepts), for Data.from_dict's errors.
DECODE_CASES: list[Any] = [
    {"receiver": 5},
    {"RECEIVER": 5},
    {"receiver": 5, "status": 6},
    {"receiver": 5, "alerts": [{"startsAt": "bad"}]},
    {"alerts": [{"startsAt": "bad"}], "receiver": 5},
    {"notification_reason": 1.5},
    {"externalURL": {}},
    {"alerts": {}},
    {"alerts": ["x"]},
    {"alerts": [None, 5]},
    {"alerts": [[1]]},
    {"alerts": [{"status": 1}]},
    {"alerts": [{}, {}, {"startsAt": "2024-13-01T00:00:00Z"}]},
    {"alerts": [{"startsAt": 5}]},
    {"alerts": [{"endsAt": True}]},
    {"alerts": [{"startsAt": "2024-01-01T00:00:00"}]},
    {"alerts": [{"startsAt": "2024-01-01t00:00:00z"}]},
    {"alerts": [{"startsAt": ""}]},
    {"alerts": [{"labels": {"a": 1}}]},
    {"alerts": [{"Labels": {"x": 1}}]},
    {"alerts": [{"labels": {"a/b~c": 1}}]},
    {"alerts": [{"labels": {"5": 1}}]},
    {"alerts": [{"labels": {"é": 1}}]},
    {"alerts": [{"annotations": {"k": [1]}}]},
    {"commonLabels": []},
    {"commonLabels": {"a": True}},
    {"routeLabels": "x"},
    {"groupLabels": {"a": {}}},
    {"groupKeyHash": 5},
    {"cubeImageURL": 5, "alerts": [{"cubeImageURL": 5}]},
    {"truncatedAlerts": "x", "version": 4},
    {"receiver": None, "alerts": None, "commonLabels": {"a": None}},
    [],
    "text",
    5,
    True,
]


def decode_request(payload: Any, profile: str) -> dict[str, Any]:
    return {"template": "", "funcs": profile, "data_kind": profile, "data": payload}


def cli_request(case: dict[str, Any]) -> dict[str, Any]:
    profile = case.get("profile")
    req: dict[str, Any] = {
        "files": case["files"],
        "funcs": profile or "none",
        "data_kind": profile or "json",
        "data": case.get("data"),
        "options": case.get("options", []),
    }
    if "delims" in case:
        req["delims"] = case["delims"]
    if "name" in case:
        req["exec"] = case["name"]
    return req


def all_cases() -> list[dict[str, Any]]:
    groups = {
        "func": FUNCTION_CASES,
        "method": METHOD_CASES,
        "print": PRINT_CASES,
        "parse": PARSE_CASES,
        "real": template_cases(),
        "unicode": unicode_cases(),
    }
    cases = []
    for group, items in groups.items():
        for i, case in enumerate(items):
            cases.append({"id": f"{group}-{i:03d}", **case})
    return cases


def oracle_request(case: dict[str, Any]) -> dict[str, Any]:
    data = case["data"]
    profile = case.get("profile", "alertmanager")
    req: dict[str, Any] = {
        "funcs": profile,
        "data_kind": profile,
        "data": load_data(data) if isinstance(data, str) else data,
    }
    if "files" in case:
        req["files"] = [[name, REAL_TEMPLATES[name]] for name in case["files"]]
    else:
        req["template"] = case["template"]
        req["name"] = "t"
    if "exec" in case:
        req["exec"] = case["exec"]
    return req


def main() -> int:
    with Oracle() as oracle:
        golden_text = (GOLDEN / "pagerduty.tmpl").read_text("utf-8")
        for name in (*DATA_NAMES, "example"):
            result = oracle.run(
                {
                    "files": [["pagerduty.tmpl", golden_text]],
                    "funcs": "cubeapm",
                    "data_kind": "cubeapm",
                    "data": load_data(name),
                }
            )
            if result["phase"] is not None:
                raise SystemExit(f"{name}: Go failed: {result['error']}")
            (GOLDEN / f"{name}.out").write_bytes(
                result["output"].encode("utf-8", "surrogateescape")
            )

        cases = all_cases()
        results = oracle.run_many(oracle_request(case) for case in cases)
        cli_results = oracle.run_many(cli_request(case) for case in CLI_CASES)
        decode = []
        for profile in ("alertmanager", "cubeapm"):
            for payload in DECODE_CASES:
                result = oracle.run(decode_request(payload, profile))
                if result["phase"] not in (None, "request"):
                    raise SystemExit(f"decode {payload!r}: {result['phase']}: {result['error']}")
                error = result["error"] and result["error"].removeprefix("oracle: bad data: ")
                decode.append({"profile": profile, "data": payload, "error": error})
    recorded = []
    for case, result in zip(cases, results, strict=True):
        if result["phase"] in ("request", "crash", "panic", "timeout", "limit"):
            raise SystemExit(f"{case['id']}: oracle {result['phase']}: {result['error']}")
        want: dict[str, Any] = {"output": result["output"]}
        if result["phase"] is not None:
            want["phase"] = result["phase"]
            want["error"] = result["error"]
        recorded.append({**case, "want": want})
    cli = []
    for i, (case, result) in enumerate(zip(CLI_CASES, cli_results, strict=True)):
        if result["phase"] not in (None, "parse", "exec"):
            raise SystemExit(f"cli-{i}: oracle {result['phase']}: {result['error']}")
        want = {"output": result["output"]}
        if result["phase"] is not None:
            want["phase"] = result["phase"]
            want["error"] = result["error"]
        cli.append({"id": f"cli-{i:03d}", **case, "want": want})
    text = json.dumps(
        {"files": REAL_TEMPLATES, "cases": recorded, "cli": cli, "decode": decode},
        ensure_ascii=False,
        indent=1,
    )
    # Invalid UTF-8 in Go's output travels as lone surrogates: keep them escaped.
    text = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
    CASES_FILE.write_text(text + "\n", "utf-8")
    print(f"recorded {len(recorded)} cases, {len(cli)} command-line cases and the golden outputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
