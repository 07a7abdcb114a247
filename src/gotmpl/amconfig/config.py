"""An Alertmanager configuration file, loaded for rendering its receivers offline.

:func:`load` reads ``alertmanager.yml`` as Alertmanager 0.34 does the parts
that decide what a notification says: ``global:`` (the settings integrations
fall back on), ``templates:`` (globs relative to the file, loaded into the
profile's template bundle after the default templates, when ``defaults`` names
a directory holding your copy of them) and ``receivers:``. The rest (routes,
inhibitions, time intervals) is accepted unread.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import Any

from .. import profiles
from ..errors import TemplateError
from ..gostd import filepath
from ..gostd.strconv import go_string, quote
from ..profiles import Profile
from ..profiles.bundle import Templates
from . import yamlv2
from .errors import ConfigError
from .receivers import INTEGRATIONS, SETTINGS, FieldError, Rendering, render_integrations, text_of

__all__ = ["Config", "RenderError", "load"]

# The top-level keys of Alertmanager 0.34's configuration.
_TOP_LEVEL = frozenset(
    (
        "global",
        "route",
        "inhibit_rules",
        "receivers",
        "templates",
        "mute_time_intervals",
        "time_intervals",
        "tracing",
        "event_recorder",
    )
)
_RECEIVER_KEYS = frozenset(("name", "labels", *INTEGRATIONS))


class RenderError(TemplateError):
    """Fields of a receiver that failed to render: ``failures``, each a
    :class:`~gotmpl.amconfig.receivers.FieldError`; the text is the first one's."""

    def __init__(self, failures: list[FieldError]) -> None:
        first = failures[0]
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        super().__init__(f"receiver {quote(first.receiver)} {first.path}: {first.error}{more}")
        self.failures = failures


class Config:
    """A loaded configuration: ``receivers`` (their names, in the file's order),
    ``templates`` (the globs, resolved against the file's directory) and
    ``bundle``, the template files they load."""

    def __init__(
        self,
        path: str,
        profile: Profile,
        bundle: Templates,
        templates: list[str],
        global_: Mapping[str, Any],
        receivers: dict[str, Mapping[str, Any]],
    ) -> None:
        self.path = path
        self.profile = profile
        self.bundle = bundle
        self.templates = templates
        self.receivers = list(receivers)
        self._global = global_
        self._receivers = receivers

    def data(self, receiver: str, data: Any = None) -> Any:
        """The data a receiver's fields render on: ``data`` as the profile's data
        model (webhook JSON is decoded), or without it the profile's sample alert
        group, addressed to ``receiver`` as Alertmanager addresses it."""
        if data is None:
            assert self.profile.sample is not None
            sample = self.profile.sample()
            return dataclasses.replace(sample, Receiver=receiver)
        if isinstance(data, Mapping):
            try:
                return self.profile.decode(data)
            except ValueError as e:
                raise TemplateError(str(e)) from None
        return data

    def rendering(self, receiver: str, data: Any = None) -> Rendering:
        """Every templated field of every integration of ``receiver``, rendered on
        ``data`` (see :meth:`data`), the fields that failed included."""
        conf = self._receivers.get(receiver)
        if conf is None:
            known = ", ".join(map(quote, self.receivers)) or "none"
            raise ConfigError(f"no receiver {quote(receiver)} (receivers: {known})", name=self.path)
        try:
            return render_integrations(self.bundle, conf, self.data(receiver, data), self._global)
        except ConfigError as e:
            raise e.in_file(self.path) from None

    def render(self, receiver: str, data: Any = None) -> dict[str, list[dict[str, Any]]]:
        """The rendered fields of ``receiver``, in the config's shape and key names
        (``{"slack_configs": [{"title": ...}], ...}``); :class:`RenderError` when
        a field fails."""
        return self.rendered(receiver, data).configs

    def rendered(self, receiver: str, data: Any = None) -> Rendering:
        """:meth:`rendering`, raising :class:`RenderError` when a field fails (its
        ``json()`` is what ``gotmpl config render --format json`` prints)."""
        rendering = self.rendering(receiver, data)
        if rendering.errors:
            raise RenderError(rendering.errors)
        return rendering

    def check(self, data: Any = None) -> list[FieldError]:
        """Renders every receiver; the fields that failed, all of them."""
        return [e for name in self.receivers for e in self.rendering(name, data).errors]

    def template_files(self) -> dict[str, list[str]]:
        """Each ``templates:`` glob and the files it matches (a glob matching
        nothing is no error to Alertmanager), in loading order."""
        return {pattern: _glob(pattern) for pattern in self.templates}


def load(
    path: str | os.PathLike[str],
    *,
    profile: str | Profile = "alertmanager",
    defaults: str | os.PathLike[str] | None = None,
) -> Config:
    """Reads an Alertmanager configuration file and loads its templates into
    ``profile``'s bundle (``alertmanager``, upstream 0.34, or ``cubeapm``).

    ``defaults`` is a directory with your copy of Alertmanager's default.tmpl
    and email.tmpl, which integrations' default fields call. A file that is not
    a configuration raises :class:`ConfigError` (``FILE:LINE: message``); a
    template file that does not parse, Go's :class:`~gotmpl.TemplateError`.
    """
    name = os.fspath(path)
    chosen = profiles.get(profile) if isinstance(profile, str) else profile
    if chosen.bundle is None:
        raise ValueError(f"profile {chosen.name} has no Alertmanager template bundle")
    try:
        text = go_string(filepath.read_file(name))
    except ValueError as e:
        raise ConfigError(str(e)) from None
    try:
        top = yamlv2.tree(yamlv2.load(text))
        templates, global_, receivers = _sections(top)
    except yamlv2.YAMLError as e:
        raise ConfigError(e.message, name=name, line=e.line) from None
    except ConfigError as e:
        raise e.in_file(name) from None
    base = os.path.dirname(name)
    patterns = [
        p if os.path.isabs(p) else os.path.normpath(os.path.join(base, p)) for p in templates
    ]
    bundle = chosen.bundle.from_globs(patterns, defaults=defaults)
    return Config(name, chosen, bundle, patterns, global_, receivers)


def _sections(top: Any) -> tuple[list[str], Mapping[str, Any], dict[str, Mapping[str, Any]]]:
    """The templates, global section and receivers (by name) of a config's tree."""
    if top is None:
        top = yamlv2.Map()
    _expect(top, dict, "the configuration", "a map")
    _known_keys(top, _TOP_LEVEL, "the configuration")
    global_ = top.get("global") or yamlv2.Map()
    _expect(global_, dict, "global", "a map")
    templates = top.get("templates") or []
    _expect(templates, list, "templates", "a list")
    globs = [text_of({"templates": t}, "templates") or "" for t in templates]
    listed = top.get("receivers") or []
    _expect(listed, list, "receivers", "a list")
    receivers: dict[str, Mapping[str, Any]] = {}
    for receiver in listed:
        _expect(receiver, dict, "a receiver", "a map")
        _known_keys(receiver, _RECEIVER_KEYS, "a receiver")
        name = text_of(receiver, "name")
        if not name:
            raise ConfigError("missing name in receiver", line=receiver.line)
        if name in receivers:
            raise ConfigError(
                f"notification config name {quote(name)} is not unique", line=receiver.line
            )
        for key in INTEGRATIONS:
            configs = receiver.get(key)
            if configs is not None and not (
                isinstance(configs, yamlv2.Scalar) and configs.value is None
            ):
                _expect(configs, list, key, "a list")
                for conf in configs:
                    _expect(conf, dict, f"each of {key}", "a map")
                    _known_keys(conf, SETTINGS[key], key)
        receivers[name] = receiver
    return globs, global_, receivers


def _expect(value: Any, kind: type, what: str, said: str) -> None:
    if not isinstance(value, kind):
        line = getattr(value, "line", None)
        raise ConfigError(f"{what} must be {said}, not {yamlv2.kind(value)}", line=line)


def _known_keys(m: yamlv2.Map, known: frozenset[str], where: str) -> None:
    """Alertmanager reads its configuration strictly: an unknown key is an error."""
    for key in m:
        if key not in known:
            raise ConfigError(f"field {key} not found in {where}", line=key.line)


def _glob(pattern: str) -> list[str]:
    try:
        return filepath.glob(pattern)
    except filepath.BadPattern:
        return []
