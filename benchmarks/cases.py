"""Benchmark cases as zero-argument callables, shared by test_render.py and run.py.

Each factory does the set-up (data built, template parsed and compiled, one
warm-up call) outside the callable, so that the callable does only the work
being measured.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import gotmpl.template
from benchmarks import data, floor, templates
from gotmpl import cubeapm

ENGINES = ("gotmpl", "jinja2", "gotpl")
# Per notification: each engine decodes the webhook's JSON text, then renders.
NOTIFICATION_ENGINES = ("gotmpl", "jinja2", "floor")
# The HTML mail: gotmpl's html/template, gotmpl's text/template on the same
# template (the baseline the html render is held to), and gotpl's html mode.
HTML_ENGINES = ("gotmpl", "text", "gotpl")
HTML_SIZES = (3, 30)

Case = Callable[[], Any]


def go_render_request(n: int) -> dict[str, Any]:
    """The oracle request that renders the PagerDuty template on ``n`` alerts in Go."""
    return {
        "template": templates.PAGERDUTY_GO,
        "name": "pagerduty",
        "funcs": "cubeapm",
        "data": data.webhook_payload(n),
        "data_kind": "cubeapm",
    }


def go_html_request(n: int) -> dict[str, Any]:
    """The oracle request that renders the HTML mail on ``n`` alerts with Go's html/template."""
    return {
        "engine": "html",
        "files": [[templates.EMAIL_FILE, templates.EMAIL_HTML]],
        "exec": templates.EMAIL_ENTRY,
        "funcs": "alertmanager",
        "data": data.webhook_payload(n),
        "data_kind": "alertmanager",
    }


def go_micro_request(m: templates.Micro) -> dict[str, Any]:
    """The oracle request that runs a micro shape in Go."""
    return {"template": m.go, "name": m.name, "data": data.micro_data()}


def _warm(fn: Case) -> Case:
    fn()
    return fn


def render_case(engine: str, n: int) -> Case:
    """Renders the PagerDuty template on ``n`` alerts (parsed and compiled beforehand)."""
    if engine == "gotmpl":
        tmpl = templates.gotmpl_pagerduty()
        d = data.gotmpl_data(n)
        return _warm(lambda: tmpl.execute(d))
    if engine == "jinja2":
        jt = templates.jinja_pagerduty()
        jd = data.jinja_data(n)
        return _warm(lambda: jt.render(jd))
    if engine == "gotpl":
        gt = templates.gotpl_pagerduty()
        gd = data.gotpl_data(n)
        return _warm(lambda: gt.render(gd))
    if engine == "floor":
        fd = data.jinja_data(n)
        return _warm(lambda: floor.pagerduty(fd))
    raise ValueError(engine)


def notification_case(engine: str, n: int) -> Case:
    """One notification as a webhook receiver renders it: the JSON text of ``n`` alerts
    decoded, then rendered (the template parsed and compiled beforehand)."""
    text = data.webhook_json(n)
    if engine == "gotmpl":
        tmpl = templates.gotmpl_pagerduty()
        return _warm(lambda: tmpl.execute(cubeapm.Data.from_dict(json.loads(text))))
    if engine == "jinja2":
        jt = templates.jinja_pagerduty()
        return _warm(lambda: jt.render(json.loads(text)))
    if engine == "floor":
        return _warm(lambda: floor.pagerduty(json.loads(text)))
    raise ValueError(engine)


def go_notification_request(n: int) -> dict[str, Any]:
    """The oracle request that times Go decoding the webhook JSON and rendering, per
    notification (json.Unmarshal into *template.Data, then Execute)."""
    return {**go_render_request(n), "decode_each": True}


def html_case(engine: str, n: int) -> Case:
    """Renders the HTML mail on ``n`` alerts (parsed, escaped and compiled beforehand)."""
    entry = templates.EMAIL_ENTRY
    if engine in ("gotmpl", "text"):
        tmpl = templates.gotmpl_email(html=engine == "gotmpl")
        d = data.gotmpl_data(n)
        return _warm(lambda: tmpl.execute_template(entry, d))
    if engine == "gotpl":
        gt = templates.gotpl_email()
        gd = data.gotpl_data(n)
        return _warm(lambda: gt.render_template(entry, gd))
    raise ValueError(engine)


def _parse_gotmpl() -> gotmpl.Template:
    # Bypass the parse cache (bounded, keyed by source) so every round parses.
    cache = getattr(gotmpl.template, "_PARSE_CACHE", None)
    if cache is not None:
        cache.clear()
    tmpl = templates.gotmpl_pagerduty()
    tmpl._compiled()  # compilation is otherwise lazy, at the first execute
    return tmpl


def parse_case(engine: str) -> Case:
    """Parses and compiles the PagerDuty template from source, with no cache."""
    if engine == "gotmpl":
        return _warm(_parse_gotmpl)
    if engine == "jinja2":
        return _warm(templates.jinja_pagerduty)
    if engine == "gotpl":
        return _warm(templates.gotpl_pagerduty)
    raise ValueError(engine)


def micro_case(engine: str, m: templates.Micro) -> Case:
    """Renders one micro shape on ``data.micro_data()``."""
    d = data.micro_data()
    if engine == "gotmpl":
        tmpl = templates.gotmpl_micro(m)
        return _warm(lambda: tmpl.execute(d))
    if engine == "jinja2":
        jt = templates.jinja_micro(m)
        return _warm(lambda: jt.render(d))
    if engine == "gotpl":
        gt = templates.gotpl_micro(m)
        return _warm(lambda: gt.render(d))
    raise ValueError(engine)
