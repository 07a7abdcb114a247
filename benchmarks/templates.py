"""The templates under test: PagerDuty in Go syntax and in Jinja2, and the micro shapes.

``PAGERDUTY_JINJA`` is written the way a Jinja2 user would write the same
payload (``loop.first`` for the commas, ``selectattr`` for the firing count)
and produces the same bytes as ``examples/pagerduty.tmpl`` on the same alert
group; ``test_equivalence.py`` checks that. Its filters are what a Python
programmer would reach for: ``q`` is ``json.dumps`` (which writes what Go's
``%q`` writes for the benchmark's labels) and ``urlquery`` is
``urllib.parse.quote_plus``, not gotmpl's own code.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import jinja2

import gotmpl
from gotmpl import cubeapm
from gotmpl.gostd.strings import to_upper

ROOT = Path(__file__).resolve().parent.parent
PAGERDUTY_GO = (ROOT / "examples" / "pagerduty.tmpl").read_text(encoding="utf-8")
# An HTML mail in the shape of Alertmanager's email body (a table layout with
# inline styles, a comment html/template drops, label and annotation loops per
# alert): this project's own, rendered from its "acme.full.html" template.
EMAIL_FILE = "acme_mail_full.tmpl"
EMAIL_HTML = (ROOT / "tests" / "data" / "acme" / EMAIL_FILE).read_text(encoding="utf-8")
EMAIL_ENTRY = "acme.full.html"

PAGERDUTY_JINJA = """\
{
  "payload": {

      "summary": "{% if commonLabels.severity %}[{{ commonLabels.severity | upper }}] {% endif %}\
[{{ status | upper }}{% if status == "firing" %}:\
{{ alerts | selectattr("status", "equalto", "firing") | list | length }}{% endif %}] \
{% if commonLabels.env != "UNSET" %}{{ commonLabels.env }}{% endif %} \
{{ commonAnnotations.alertname or commonLabels.alertname }}",
      "severity": "{% if commonLabels.severity == "critical" %}critical\
{% elif commonLabels.severity == "warning" %}warning{% else %}info{% endif %}",
    "source": "CubeAPM",
    "custom_details": {
"alerts": [
    {%- for alert in alerts %}
    {%- if not loop.first %},{% endif %}
    {
      "status": "{{ alert.status }}",
      "labels": {
        {%- for name, value in alert.labels | sorted_pairs %}
        {%- if not loop.first %},{% endif %}
        {{ name | q }}: {{ value | q }}
        {%- endfor %}
      },
      "annotations": {
        {%- for name, value in alert.annotations | sorted_pairs %}
        {%- if not loop.first %},{% endif %}
        {{ name | q }}: {{ value | q }}
        {%- endfor %}
      },
      "startsAt": "{{ alert.startsAt }}",
      "endsAt": "{{ alert.endsAt }}",
      "generatorURL": "{{ alert.generatorURL }}",
      "fingerprint": "{{ alert.fingerprint }}",
      "cubeImageURL": "{{ alert.cubeImageURL }}"
    }
    {%- endfor %}
  ],
    "groupLabels": {
    {%- for name, value in groupLabels | sorted_pairs %}
    {%- if not loop.first %},{% endif %}
    {{ name | q }}: {{ value | q }}
    {%- endfor %}
  },
  "commonLabels": {
    {%- for name, value in commonLabels | sorted_pairs %}
    {%- if not loop.first %},{% endif %}
    {{ name | q }}: {{ value | q }}
    {%- endfor %}
  },
  "commonAnnotations": {
    {%- for name, value in commonAnnotations | sorted_pairs %}
    {%- if not loop.first %},{% endif %}
    {{ name | q }}: {{ value | q }}
    {%- endfor %}
  }
}
  },
  "routing_key": "<Integration Key>",
"event_action": "{% if status == "firing" %}trigger{% else %}resolve{% endif %}",
"client": "CubeAPM",
  "client_url": "{{ externalURL }}/alerts/{{ groupLabels.rule_id | urlquery }}",
"dedup_key": "{{ groupKeyHash }}"
}
"""


def sorted_pairs(kv: dict[str, str]) -> list[tuple[str, str]]:
    """Alertmanager's ``KV.SortedPairs``: ``alertname`` first, then by name."""
    names = sorted(k for k in kv if k != "alertname")
    if "alertname" in kv:
        names.insert(0, "alertname")
    return [(k, kv[k]) for k in names]


def _json_string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def jinja_env() -> jinja2.Environment:
    """A Jinja2 environment for plain text with the filters the templates use."""
    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True)
    env.filters["q"] = _json_string
    env.filters["urlquery"] = functools.partial(quote_plus, safe="")
    env.filters["sorted_pairs"] = sorted_pairs
    return env


def have_gotpl() -> bool:
    """Whether gotpl (the pure-Python peer, a benchmark dependency) is installed."""
    return importlib.util.find_spec("gotpl") is not None


# -- builders: parse (and compile) each engine's template ----------------------------------


def gotmpl_pagerduty(source: str = PAGERDUTY_GO) -> gotmpl.Template:
    """The PagerDuty template as CubeAPM (Alertmanager) sets it up, parsed by gotmpl."""
    return cubeapm.template("pagerduty").parse(source)


def jinja_pagerduty() -> jinja2.Template:
    """The Jinja2 PagerDuty template, compiled in a fresh environment."""
    return jinja_env().from_string(PAGERDUTY_JINJA)


def gotpl_pagerduty() -> Any:
    """The PagerDuty template compiled by gotpl (missingkey=zero, toUpper)."""
    import gotpl

    return gotpl.Template(
        PAGERDUTY_GO,
        name="pagerduty",
        functions={"toUpper": to_upper},
        missing_key="zero",
    )


def gotmpl_email(html: bool) -> Any:
    """The mail template as Alertmanager sets it up (CubeAPM's data, as the other
    benchmarks): html/template (``html``) or text/template, so that the two
    renders of the same template compare."""
    make = cubeapm.html_template if html else cubeapm.template
    return make(EMAIL_FILE).parse(EMAIL_HTML)


def gotpl_email() -> Any:
    """The mail template compiled by gotpl's html/template mode."""
    import gotpl

    return gotpl.HTMLTemplate(
        EMAIL_HTML, name=EMAIL_FILE, functions={"toUpper": to_upper}, missing_key="zero"
    )


# -- micro-benchmarks ------------------------------------------------------------------------

REPEAT = 20  # a shape is repeated so that it, not the call overhead, dominates


@dataclasses.dataclass(frozen=True)
class Micro:
    """One hot shape: the Go template and its Jinja2 equivalent, over ``data.micro_data()``."""

    name: str
    go: str
    jinja: str


_TEXT = "Alert group HighLatency is firing for checkout in production. " * 32

MICROS = (
    Micro("text", _TEXT, _TEXT),
    Micro("field", "{{.Name}} " * REPEAT, "{{ Name }} " * REPEAT),
    Micro("field_chain", "{{.A.B}} " * REPEAT, "{{ A.B }} " * REPEAT),
    Micro(
        "range_list",
        "{{range .Items}}{{.}},{{end}}",
        "{% for x in Items %}{{ x }},{% endfor %}",
    ),
    Micro(
        "range_map",
        "{{range $k, $v := .Map}}{{$k}}={{$v}};{{end}}",
        "{% for k, v in Map | dictsort(true) %}{{ k }}={{ v }};{% endfor %}",
    ),
    Micro("printf_q", '{{printf "%q" .Name}} ' * REPEAT, "{{ Name | q }} " * REPEAT),
    Micro(
        "if_eq",
        '{{if eq .Status "firing"}}F{{else}}R{{end}}' * REPEAT,
        '{% if Status == "firing" %}F{% else %}R{% endif %}' * REPEAT,
    ),
    Micro(
        "template_call",
        '{{define "t"}}[{{.}}]{{end}}' + '{{template "t" .Name}}' * REPEAT,
        "{% macro t(x) %}[{{ x }}]{% endmacro %}" + "{{ t(Name) }}" * REPEAT,
    ),
)


def gotmpl_micro(m: Micro) -> gotmpl.Template:
    """The shape parsed by gotmpl."""
    return gotmpl.Template(m.name).parse(m.go)


def jinja_micro(m: Micro) -> jinja2.Template:
    """The shape compiled by Jinja2."""
    return jinja_env().from_string(m.jinja)


def gotpl_micro(m: Micro) -> Any:
    """The shape compiled by gotpl."""
    import gotpl

    return gotpl.Template(m.go, name=m.name)
