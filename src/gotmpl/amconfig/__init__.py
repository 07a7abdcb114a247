"""Whole Alertmanager configurations: every templated field of a receiver, rendered offline.

    config = amconfig.load("alertmanager.yml", defaults="am-defaults/")
    fields = config.render("team-x", webhook_json)  # {"slack_configs": [{"title": ...}]}
    for failure in config.check(webhook_json):  # every receiver, every failing field
        print(failure.receiver, failure.path, failure.error)

Each field renders as Alertmanager 0.34's notifier renders it: text or html
(gotmpl.html) as upstream chooses, with upstream's defaults and global
fallbacks, on the profile's template bundle (gotmpl.profiles.bundle).
"""

from __future__ import annotations

from .config import Config, RenderError, load
from .errors import ConfigError
from .receivers import FieldError, Rendering

__all__ = ["Config", "ConfigError", "FieldError", "RenderError", "Rendering", "load"]
