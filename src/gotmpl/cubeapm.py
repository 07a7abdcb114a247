"""CubeAPM's notification templates: Alertmanager 0.34's, with the fields CubeAPM adds.

CubeAPM (whose PagerDuty guide gave this project its first template) renders
Alertmanager templates on Alertmanager's data with three more fields:
``.GroupKey`` and ``.GroupKeyHash`` on the group (:class:`Data`), and
``.CubeImageURL`` on each alert (:class:`Alert`). Everything else, functions,
options, the template bundle and the other types, is gotmpl.alertmanager's:

    data = cubeapm.Data.from_dict(webhook_json)
    body = cubeapm.template("pd").parse(payload_template).execute(data)

:data:`PROFILE` is the ``cubeapm`` profile of the command line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from . import alertmanager
from .alertmanager import FUNCS, KV, Alerts, Pair, Pairs, Strings
from .profiles import Profile, amdata, bundle
from .template import Template

if TYPE_CHECKING:
    from .html import Template as HTMLTemplate

__all__ = ["PROFILE", "Alert", "Data", "Templates", "html_template", "template"]
# The rest is Alertmanager's.
__all__ += ["FUNCS", "KV", "Alerts", "Pair", "Pairs", "Strings"]


@dataclasses.dataclass(eq=True)
class Alert(amdata.Alert):
    """Alertmanager's ``template.Alert`` and the URL of the alert's chart image."""

    CubeImageURL: str = ""


amdata.declare_struct(Alert)


@dataclasses.dataclass(eq=True)
class Data(amdata.Data):
    """Alertmanager's ``*template.Data`` and the group's key and its hash."""

    _alert_class: ClassVar[type[amdata.Alert]] = Alert

    GroupKey: str = ""
    GroupKeyHash: str = ""


amdata.declare_struct(Data)


class Templates(bundle.Templates):
    """Alertmanager's template bundle on CubeAPM's data (gotmpl.profiles.bundle.Templates)."""


PROFILE = Profile(
    "cubeapm",
    "CubeAPM: Alertmanager 0.34 with .GroupKey, .GroupKeyHash and .CubeImageURL",
    funcs=FUNCS,
    options=alertmanager.PROFILE.options,
    decode=Data.from_dict,
    empty=Data,
    go_numbers=False,
    fuzz="webhook",
    bundle=Templates,
    sample=lambda: amdata.sample(Data),
)
Templates.profile = PROFILE


def template(name: str = "", funcs: Mapping[str, Callable[..., Any]] | None = None) -> Template:
    """A template set up as Alertmanager does (see gotmpl.alertmanager.template)."""
    return PROFILE.template(name, funcs)


def html_template(
    name: str = "", funcs: Mapping[str, Callable[..., Any]] | None = None
) -> HTMLTemplate:
    """An html/template template set up as Alertmanager does (see
    gotmpl.alertmanager.html_template)."""
    return PROFILE.html_template(name, funcs)
