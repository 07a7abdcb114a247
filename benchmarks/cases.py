"""Benchmark cases as zero-argument callables, shared by test_render.py and run.py.

Each factory does the set-up (data built, template parsed and compiled, one
warm-up call) outside the callable, so that the callable does only the work
being measured.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from typing import Any

from benchmarks import data, floor, templates
from gotmpl import cubeapm
from gotmpl.exec import codegen

ENGINES = ("gotmpl", "jinja2", "gotpl")
# Per notification: each engine decodes the webhook's JSON text, then renders.
# The floors (benchmarks.floor): "floor" from json.loads' dicts, "spec" from
# gotmpl's data.
NOTIFICATION_ENGINES = ("gotmpl", "jinja2", "floor", "spec")
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
    # Past gotmpl's tier-up (codegen.TIER_UP runs), whose compiling would otherwise
    # fall into the first timed batch, or the one that sizes the batches.
    for _ in range(codegen.TIER_UP + 1):
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
    if engine == "spec":
        d = data.gotmpl_data(n)
        return _warm(lambda: floor.pagerduty_data(d))
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
    if engine == "spec":
        return _warm(lambda: floor.pagerduty_data(cubeapm.Data.from_dict(json.loads(text))))
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


def _unseen_go(rounds: Iterator[int]) -> str:
    return f"{templates.PAGERDUTY_GO}{{{{/* {next(rounds)} */}}}}"


def parse_case(engine: str) -> Case:
    """Compiles the PagerDuty template from a text no cache has seen (each call
    appends a comment of its own, which prints nothing) and renders it once on 3
    alerts: gotmpl compiles at the first execute, so the first render counts."""
    rounds = itertools.count()
    if engine == "gotmpl":
        d = data.gotmpl_data(3)
        return _warm(lambda: templates.gotmpl_pagerduty(_unseen_go(rounds)).execute(d))
    if engine == "jinja2":
        jd = data.jinja_data(3)
        return _warm(
            lambda: templates.jinja_pagerduty(
                f"{templates.PAGERDUTY_JINJA}{{# {next(rounds)} #}}"
            ).render(jd)
        )
    if engine == "gotpl":
        gd = data.gotpl_data(3)
        return _warm(lambda: templates.gotpl_pagerduty(_unseen_go(rounds)).render(gd))
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
