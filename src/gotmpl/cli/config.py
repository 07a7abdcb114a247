"""``gotmpl config``: render and check the receivers of a whole Alertmanager configuration.

    gotmpl config render alertmanager.yml --receiver NAME [--data FILE]
                  [--defaults DIR] [--format text|json] [--profile NAME]
    gotmpl config check alertmanager.yml [--data FILE] [--defaults DIR] [--profile NAME]

``render`` prints every templated field of every integration of a receiver as
Alertmanager 0.34 renders it (gotmpl.amconfig); ``check`` renders every
receiver and lists every field that fails, each with Go's error and the line
of the text it names, then exits 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import TemplateError
from ..gostd.strconv import go_bytes, quote
from ..tools import diagnostics
from .main import _DEFAULT_NAME, EXIT_FAILED, EXIT_OK, _error, _Failed, _load_json, _read, _Usage

if TYPE_CHECKING:  # gotmpl.amconfig (and PyYAML) load when a config command runs
    from .. import amconfig

__all__ = ["add_parser"]


def _load(args: argparse.Namespace) -> amconfig.Config:
    from .. import amconfig

    try:
        config = amconfig.load(args.config, profile=args.profile, defaults=args.defaults)
    except TemplateError as e:
        raise _Failed(f"error: {e}") from None
    except ValueError as e:  # a profile without Alertmanager's template bundle
        raise _Usage(str(e)) from None
    for pattern, paths in config.template_files().items():
        if not paths:
            _error(f"gotmpl: warning: {args.config}: templates: {pattern} matches no file")
    return config


def _data(args: argparse.Namespace, config: amconfig.Config) -> Any:
    """The --data webhook JSON as the profile's data, or None (the sample) without it."""
    if args.data is None:
        _error("gotmpl: no --data: rendering a sample alert group for each receiver")
        return None
    source = "stdin" if args.data == "-" else args.data
    value = _load_json(_read(args.data), source, go_numbers=config.profile.go_numbers)
    try:
        return config.profile.decode(value)
    except ValueError as e:  # encoding/json's error, as amtool prints it
        raise _Failed(f"error: {source}: {e}") from None


def _render(args: argparse.Namespace) -> int:
    config = _load(args)
    if args.receiver not in config.receivers:
        known = ", ".join(map(quote, config.receivers)) or "none"
        raise _Usage(f"no receiver {quote(args.receiver)} in {args.config} (receivers: {known})")
    data = _data(args, config)
    try:
        rendering = config.rendering(args.receiver, data)
    except TemplateError as e:  # a ConfigError: a value of the wrong kind for its field
        raise _Failed(f"error: {e}") from None
    # Fields left to Alertmanager's defaults cannot render without --defaults: they
    # are left out (and named on stderr); every field that rendered is printed.
    if rendering.errors and _report(config, rendering.errors, args.defaults is not None):
        return EXIT_FAILED
    text = rendering.json() if args.format == "json" else "".join(_listing(rendering))
    sys.stdout.buffer.write(go_bytes(text))
    sys.stdout.buffer.flush()
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    config = _load(args)
    if not config.receivers:
        _error(f"gotmpl: {args.config}: no receivers")
        return EXIT_OK
    data = _data(args, config)
    try:
        failures = config.check(data)
    except TemplateError as e:  # a ConfigError
        raise _Failed(f"error: {e}") from None
    if failures and _report(config, failures, args.defaults is not None):
        return EXIT_FAILED
    count = len(config.receivers)
    _error(f"gotmpl: {args.config}: {count} receiver{'s' if count != 1 else ''} checked")
    return EXIT_OK


def _report(
    config: amconfig.Config, failures: list[amconfig.FieldError], defaults_given: bool
) -> int:
    """Lists each failing field: where it is, Go's error, and the text's line it
    names. Without --defaults, fields that fail only for calling a template of
    Alertmanager's default.tmpl or email.tmpl are summed up in one hint instead;
    returns how many failures were listed."""
    missing: dict[str, None] = {}  # the default templates called, in order
    listed = 0
    for f in failures:
        name = None if defaults_given else _default_template(f.error)
        if name is not None:
            missing[name] = None
            continue
        listed += 1
        where = config.path if f.line is None else f"{config.path}:{f.line}"
        _error(f"{where}: receiver {quote(f.receiver)} {f.path}: {f.error}")
        for line in diagnostics.excerpt(f.error):
            _error(f"    {line}")
    if missing:
        skipped = len(failures) - listed
        _error(
            f"gotmpl: {skipped} field{'s' if skipped != 1 else ''} not rendered: "
            f"{', '.join(missing)} look{'s' if len(missing) == 1 else ''} like "
            "templates of Alertmanager's default.tmpl or email.tmpl, which gotmpl does not "
            "ship: pass --defaults DIR, the directory of your copy of them"
        )
    if listed:
        _error(f"gotmpl: {listed} field{'s' if listed != 1 else ''} failed")
    return listed


_HTML_UNDEFINED = re.compile(r'no such template "([^"]*)"')


def _default_template(err: TemplateError) -> str | None:
    """The template of Alertmanager's default files that ``err`` says is not
    defined (html/template words it differently), or None."""
    message = str(err)
    html = _HTML_UNDEFINED.search(message)
    if html is not None:
        message = f'template "{html.group(1)}" not defined'
    found = _DEFAULT_NAME.search(message)
    return None if found is None else found.group(1)


def _listing(rendering: amconfig.Rendering) -> list[str]:
    """Each rendered field as ``path: text``; a text of several lines below its path."""
    out = []
    from ..amconfig.receivers import field_paths

    for path, value in field_paths(rendering):
        if not isinstance(value, str):
            value = json.dumps(value)
        if "\n" in value.rstrip("\n"):
            lines = value.rstrip("\n").split("\n")
            out.append(f"{path}:\n" + "".join(f"  {line}\n" for line in lines))
        else:
            out.append(f"{path}: {value.rstrip(chr(10)) if value else chr(34) * 2}\n")
    return out


# Each subcommand: what it does (its help and description) and how it runs.
_COMMANDS: dict[str, tuple[str, str, Callable[[argparse.Namespace], int]]] = {
    "render": (
        "print every templated field of a receiver, rendered",
        "Print every templated field of every integration of the receiver, rendered as "
        "Alertmanager 0.34 renders it (text or html, defaults applied).",
        _render,
    ),
    "check": (
        "render every receiver and report every field that fails",
        "Render every receiver; list every failing field with Go's error and the line it "
        "names; exit 1 if any failed.",
        _check,
    ),
}

_PROFILE_HELP = "alertmanager (the default: upstream 0.34's data and functions) or cubeapm"

# The options both take: (flags, argparse keywords).
_OPTIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("config", {"metavar": "CONFIG", "help": "the Alertmanager configuration file"}),
    ("--data", {"metavar": "FILE", "help": "webhook JSON (default: a sample alert group)"}),
    ("--defaults", {"metavar": "DIR", "help": "your copy of default.tmpl and email.tmpl"}),
    ("--profile", {"default": "alertmanager", "metavar": "NAME", "help": _PROFILE_HELP}),
)


def add_parser(sub: Any) -> None:
    """Adds ``config render`` and ``config check`` to the command's subparsers."""
    from .main import _missing_command

    group = sub.add_parser("config", help=_GROUP_HELP, description=_GROUP_HELP + ".")
    commands = group.add_subparsers(dest="config_command", metavar="COMMAND")
    group.set_defaults(run=lambda args: _missing_command(group))
    for name, (summary, description, run) in _COMMANDS.items():
        command = commands.add_parser(name, help=summary, description=description)
        for flag, options in _OPTIONS:
            command.add_argument(flag, **options)
        if run is _render:
            command.add_argument("--receiver", required=True, metavar="NAME", help="its name")
            command.add_argument("--format", choices=("text", "json"), default="text", help=_FORMAT)
        command.set_defaults(run=run)


_FORMAT = "text (the default): a field a line; json: the config's shape and key names"
_GROUP_HELP = "render and check the receivers of an Alertmanager configuration"
