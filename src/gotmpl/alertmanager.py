"""Prometheus Alertmanager 0.34's notification templates: its data model, functions and bundle.

Alertmanager executes notification templates on a ``*template.Data`` built from an
alert group, with ``missingkey=zero`` and its ``DefaultFuncs`` function map. This
module provides the same things for gotmpl, upstream's and nothing else (a
product's additions are its own profile, such as gotmpl.cubeapm):

* :class:`Data` (Receiver, Status, Alerts, NotificationReason, GroupLabels,
  CommonLabels, CommonAnnotations, RouteLabels, ExternalURL), :class:`Alert`,
  :class:`Alerts`, :class:`KV`, :class:`Pairs`, :class:`Pair` and
  :class:`Strings`, which print, compare and answer method calls as the Go
  types do (``{{ .CommonLabels.SortedPairs }}``, ``{{ .Alerts.Firing | len }}``);
  :meth:`Data.from_dict` reads the webhook JSON Alertmanager posts and
  :meth:`Data.from_alerts` builds a group's data as Alertmanager does;
* :data:`FUNCS`, the functions (``toUpper``, ``reReplaceAll``, ``toJson``, ``date``
  ... and ``routeLabels``) with upstream's Go signatures, so argument errors
  read as Go's do;
* :class:`Templates`, upstream's ``template.Template``: template files, and a
  config field's text run on them (``execute_text``), with ``routeLabels``;
* :func:`template`, a single :class:`gotmpl.Template` set up the way Alertmanager
  sets up its own, and :func:`html_template`, the same for HTML bodies (email,
  Pushover and Telegram HTML): a :class:`gotmpl.html.Template`, whose output
  html/template's escaper makes safe, where ``safeHtml`` and ``safeUrl`` mark
  trusted values as Go's do.

    tmpl = alertmanager.Templates().parse_glob("templates/*.tmpl")
    title = tmpl.execute_text('{{ template "slack.title" . }}', alertmanager.Data.from_dict(body))

:data:`PROFILE` is all of this as a :class:`gotmpl.profiles.Profile`, the
``alertmanager`` profile of the command line and the fuzzer. The data model is
defined in gotmpl.profiles.amdata, the functions in gotmpl.profiles.functions and
the bundle in gotmpl.profiles.bundle.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from .profiles import Profile, bundle, functions
from .profiles.amdata import KV, Alert, Alerts, Data, Pair, Pairs, Strings, sample
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
    "Templates",
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
    "routeLabels",
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


class Templates(bundle.Templates):
    """Alertmanager's ``template.Template`` (see gotmpl.profiles.bundle.Templates)."""


PROFILE = Profile(
    "alertmanager",
    "Alertmanager 0.34's functions and missingkey=zero, on its webhook JSON",
    funcs=FUNCS,
    options=("missingkey=zero",),
    decode=Data.from_dict,
    empty=Data,
    # Data.from_dict checks the types of values itself.
    go_numbers=False,
    fuzz="webhook",
    bundle=Templates,
    sample=sample,
)
Templates.profile = PROFILE


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
