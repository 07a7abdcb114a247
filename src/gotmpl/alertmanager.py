"""Prometheus Alertmanager's notification-template profile: its data model and functions.

Alertmanager executes notification templates on a ``*template.Data`` built from an
alert group, with ``missingkey=zero`` and its ``DefaultFuncs`` function map. This
module provides the same three things for gotmpl:

* :class:`Data`, :class:`Alert`, :class:`Alerts`, :class:`KV`, :class:`Pairs`,
  :class:`Pair` and :class:`Strings`, which print, compare and answer method
  calls as the Go types do (``{{ .CommonLabels.SortedPairs }}``,
  ``{{ .Alerts.Firing | len }}``); :meth:`Data.from_dict` reads the webhook JSON
  Alertmanager posts (the ``receiver``, ``status``, ``alerts`` ... payload);
* :data:`FUNCS`, the functions (``toUpper``, ``reReplaceAll``, ``toJson``, ``date``
  ...) with upstream's Go signatures, so argument errors read as Go's do;
* :func:`template`, a :class:`gotmpl.Template` set up the way Alertmanager sets
  up its own, and :func:`html_template`, the same for HTML bodies (email,
  Pushover and Telegram HTML): a :class:`gotmpl.html.Template`, whose output
  html/template's escaper makes safe, where ``safeHtml`` and ``safeUrl`` mark
  trusted values as Go's do.

    tmpl = alertmanager.template("pagerduty").parse(text)
    body = tmpl.execute(alertmanager.Data.from_dict(json.load(f)))

:data:`PROFILE` is all of this as a :class:`gotmpl.profiles.Profile`, the
``alertmanager`` profile of the command line and the fuzzer. The data model is
defined in gotmpl.profiles.amdata and the functions in
gotmpl.profiles.functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from .profiles import Profile, functions
from .profiles.amdata import KV, Alert, Alerts, Data, Pair, Pairs, Strings
from .template import Template

if TYPE_CHECKING:
    from .html import Template as HTMLTemplate

__all__ = [
    "FUNCS",
    "KV",
    "PROFILE",
    "Alert",
    "Alerts",
    "Data",
    "Pair",
    "Pairs",
    "Strings",
    "html_template",
    "template",
]

#: Alertmanager's DefaultFuncs, with upstream's Go signatures.
FUNCS: dict[str, Callable[..., Any]] = functions.pick(
    "toUpper",
    "toLower",
    "title",
    "trimSpace",
    "join",
    "match",
    "safeHtml",
    "safeUrl",
    "urlUnescape",
    "reReplaceAll",
    "stringSlice",
    "date",
    "tz",
    "now",
    "since",
    "humanizeDuration",
    "toDate",
    "mustToDate",
    "toJson",
    "base64encode",
    "base64decode",
    "list",
    "append",
    "dict",
)

PROFILE = Profile(
    "alertmanager",
    "Alertmanager's functions and missingkey=zero, on its webhook JSON",
    funcs=FUNCS,
    options=("missingkey=zero",),
    decode=Data.from_dict,
    empty=Data,
    # Data.from_dict checks numbers itself: truncatedAlerts is a uint64.
    go_numbers=False,
    fuzz="webhook",
)


def template(name: str = "", funcs: Mapping[str, Callable[..., Any]] | None = None) -> Template:
    """A template set up as Alertmanager does: ``missingkey=zero`` and :data:`FUNCS`.

    ``funcs`` are added first, so that, as in Alertmanager, the default
    functions win over custom ones of the same name.
    """
    return PROFILE.template(name, funcs)


def html_template(
    name: str = "", funcs: Mapping[str, Callable[..., Any]] | None = None
) -> HTMLTemplate:
    """:func:`template` for HTML bodies: an html/template template, as Alertmanager
    executes email ``html`` and other HTML fields."""
    return PROFILE.html_template(name, funcs)
