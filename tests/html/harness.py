"""Runs html/template cases through gotmpl.html the way the oracle runs them through Go.

A case is an oracle request with ``"engine": "html"`` (see tests/goracle.py):
``template`` or ``files``, ``name``, ``options``, ``funcs`` ("none", "test" or
"alertmanager"), ``data`` with ``data_kind`` "typed" (JSON in which
``{"$HTML": "<b>"}`` is a ``template.HTML``, and likewise for the other content
types) or "alertmanager", and ``exec``. ``run`` answers what the oracle
answers: ``{"output", "error", "phase"}``.

The "test" functions of the html engine are tests/testfuncs.py's plus
``HTML_FUNCS``, mirroring tests/oracle/html.go.
"""

from __future__ import annotations

import io
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import testfuncs

import gotmpl
from gotmpl import alertmanager, html

__all__ = ["HTML_FUNCS", "request", "run", "run_raising", "typed"]

_CONTENT = {name: getattr(html, name) for name in html.content.__all__ if name != "ContentType"}


def typed(value: Any) -> Any:
    """Decoded JSON with ``{"$TYPE": text}`` objects turned into typed content."""
    if isinstance(value, list):
        return [typed(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            ((key, inner),) = value.items()
            if key.startswith("$") and key[1:] in _CONTENT and isinstance(inner, str):
                return _CONTENT[key[1:]](inner)
        return {k: typed(v) for k, v in value.items()}
    return value


class StringerValue:
    """main.stringerValue: a struct whose String method wraps its field."""

    __go_type__ = "main.stringerValue"
    __slots__ = ("S",)

    def __init__(self, s: str) -> None:
        self.S = s

    def String(self) -> str:
        return "str(" + self.S + ")"


class ErrorValue:
    """main.errorValue: an error whose only field is unexported."""

    __go_type__ = "main.errorValue"
    __go_fields__ = ()
    __slots__ = ("msg",)

    def __init__(self, msg: str) -> None:
        self.msg = msg

    def Error(self) -> str:
        return "err(" + self.msg + ")"


@dataclass
class Record:
    """main.record."""

    __go_type__ = "main.record"
    Name: str
    Count: int
    Tags: list[str]
    Extra: Any


def _safe(cls: type) -> Callable[[str], Any]:
    def make(s: str) -> Any:
        return cls(s)

    return make


def stringer(s: str) -> StringerValue:
    return StringerValue(s)


def errval(s: str) -> ErrorValue:
    return ErrorValue(s)


errval.__go_results__ = ("error",)  # type: ignore[attr-defined]


def record(name: str, count: int, extra: Any) -> Record:
    return Record(name, count, gotmpl.StringSlice([name, "b"]), extra)


def float_(s: str) -> float:
    """strconv.ParseFloat, its error ignored (0, or ±Inf past the range)."""
    try:
        return float(s) if s.strip() == s and "_" not in s else 0.0
    except ValueError:
        return 0.0 if s.lower() not in ("inf", "+inf", "-inf", "infinity") else math.inf


HTML_FUNCS: dict[str, Callable[..., Any]] = {
    "safeHTML": _safe(html.HTML),
    "safeHTMLAttr": _safe(html.HTMLAttr),
    "safeJS": _safe(html.JS),
    "safeJSStr": _safe(html.JSStr),
    "safeCSS": _safe(html.CSS),
    "safeURL": _safe(html.URL),
    "safeSrcset": _safe(html.Srcset),
    "stringer": stringer,
    "errval": errval,
    "record": record,
    "float": float_,
}
for _name, _fn in HTML_FUNCS.items():
    if _name.startswith("safe"):
        _fn.__annotations__ = {"s": str, "return": _CONTENT[_name[4:]]}


def request(case: dict[str, Any]) -> dict[str, Any]:
    """The oracle request for a case."""
    keys = (
        "template",
        "files",
        "name",
        "delims",
        "options",
        "funcs",
        "data",
        "data_kind",
        "exec",
        "then",
    )
    req = {k: case[k] for k in keys if k in case}
    req["engine"] = "html"
    req.setdefault("name", "t")
    req.setdefault("data_kind", "typed")
    return req


def _build(case: dict[str, Any]) -> html.Template:
    req = request(case)
    funcs = req.get("funcs", "none")
    t = html.Template(req["name"])
    if "delims" in req:
        t.delims(*req["delims"])
    if funcs == "alertmanager":
        t.option("missingkey=zero")
    t.option(*req.get("options", ()))
    if funcs == "test":
        t.funcs(testfuncs.TEST_FUNCS).funcs(HTML_FUNCS).funcs({"include": _include(t)})
    elif funcs == "alertmanager":
        t.funcs(alertmanager.FUNCS)
    if "template" in req:
        t.parse(req["template"])
    else:
        for name, text in req["files"]:
            (t if name == t.name else t.new(name)).parse(text)
    return t


def _include(t: html.Template) -> Callable[..., Any]:
    def include(name: str, data: Any) -> str:
        return t.execute_template(name, data)

    include.__go_results__ = ("string", "error")  # type: ignore[attr-defined]
    return include


def _data(case: dict[str, Any]) -> Any:
    kind = case.get("data_kind", "typed")
    value = case.get("data")
    if kind == "alertmanager":
        return alertmanager.Data.from_dict(value or {})
    return typed(value)


def run_raising(
    case: dict[str, Any], out: io.StringIO | None = None, built: list[Any] | None = None
) -> str:
    """The case's output; what parsing or executing raises passes through.
    ``built`` receives the template once parsed."""
    t = _build(case)
    if built is not None:
        built.append(t)
    out = out if out is not None else io.StringIO()
    if "exec" in case:
        t.execute_template(case["exec"], _data(case), out)
    else:
        t.execute(_data(case), out)
    return out.getvalue()


def after_execution(t: html.Template, steps: list[str], data: Any) -> list[str]:
    """The answers to the oracle's "then" steps (see tests/oracle/html.go)."""
    answers = []
    for step in steps:
        kind, _, arg = step.partition(":")
        answer = "ok"
        try:
            if kind == "parse":
                t.parse(arg)
            elif kind == "clone":
                t.clone()
            elif kind == "new":
                t = t.new(arg)
            elif kind == "exec":
                answer = t.execute_template(arg, data)
            elif kind == "lookup":
                answer = "ok" if t.lookup(arg) is not None else "nil"
            elif kind == "templates":
                answer = ",".join(sorted(x.name for x in t.templates()))
        except gotmpl.TemplateError as e:
            answer = "error: " + str(e)
        answers.append(answer)
    return answers


def run(case: dict[str, Any]) -> dict[str, Any]:
    """``{"output", "error", "phase"}`` as the oracle reports them for Go (and
    ``then``, the answers to the case's "then" steps, if it has any)."""
    out = io.StringIO()
    built: list[Any] = []
    result: dict[str, Any]
    try:
        run_raising(case, out, built)
        result = {"output": out.getvalue(), "error": None, "phase": None}
    except ValueError as e:  # a bad option
        return {"output": "", "error": str(e), "phase": "option"}
    except gotmpl.ParseError as e:
        return {"output": "", "error": str(e), "phase": "parse"}
    except gotmpl.ExecError as e:
        result = {"output": out.getvalue(), "error": str(e), "phase": "exec"}
    if case.get("then") is not None:
        result["then"] = after_execution(built[0], case["then"], _data(case))
    return result
