"""The gotmpl command: render and check templates with Go's output bytes and error text.

    gotmpl render TEMPLATE... [--data FILE|-] [--alertmanager] [--option K=V]...
                  [--name NAME] [--delims L R] [--out FILE]
    gotmpl check TEMPLATE... [--alertmanager] [--delims L R]

Exit status: 0 on success, 1 when a template or its data fails (Go's message on
stderr, nothing on stdout), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from . import __version__
from .errors import TemplateError
from .template import Template

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Failed(Exception):
    """The command failed; the message goes to stderr and the status is 1."""


class _Usage(Exception):
    """The command line is wrong; the message goes to stderr and the status is 2."""


# -- reading input ---------------------------------------------------------------------


def _read(path: str) -> bytes:
    """A file's bytes (``-`` is stdin), failing with Go's wording of the OS error."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        reason = (e.strerror or str(e)).lower()
        raise _Failed(f"open {path}: {reason}") from None


def _go_strings(value: Any) -> Any:
    """Go's JSON decoder turns invalid UTF-8 and lone surrogate escapes into U+FFFD."""
    if isinstance(value, str):
        if any("\ud800" <= ch <= "\udfff" for ch in value):
            return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
        return value
    if isinstance(value, list):
        return [_go_strings(v) for v in value]
    if isinstance(value, dict):
        return {_go_strings(k): _go_strings(v) for k, v in value.items()}
    return value


def _int_or_float(text: str) -> int | float:
    """A JSON integer as a Go caller decodes it: int when it fits int64, else float64."""
    n = int(text)
    if -(1 << 63) <= n < 1 << 63:
        return n
    try:
        return float(n)
    except OverflowError:
        return float("inf") if n > 0 else float("-inf")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"invalid JSON literal {name}")


def _load_json(raw: bytes, source: str, *, go_numbers: bool) -> Any:
    """Parses JSON data the way the Go side of gotmpl's tests decodes it."""
    text = raw.decode("utf-8", "surrogateescape")
    try:
        value = json.loads(
            text,
            parse_int=_int_or_float if go_numbers else int,
            parse_constant=_reject_constant,
        )
    except ValueError as e:
        raise _Failed(f"{source}: invalid JSON: {e}") from None
    return _go_strings(value)


# -- building the template -------------------------------------------------------------


def _template(paths: list[str], args: argparse.Namespace) -> Template:
    """Parses the files like Go's ParseFiles: the first file names the template."""
    name = os.path.basename(paths[0])
    if args.alertmanager:
        from . import alertmanager

        t = alertmanager.template(name)
    else:
        t = Template(name)
    if args.delims:
        t.delims(*args.delims)
    try:
        t.option(*getattr(args, "option", None) or ())
    except ValueError as e:
        raise _Usage(str(e)) from None
    for path in paths:
        base = os.path.basename(path)
        text = _read(path).decode("utf-8", "surrogateescape")
        (t if base == t.name else t.new(base)).parse(text)
    return t


def _data(args: argparse.Namespace) -> Any:
    raw = None if args.data is None else _read(args.data)
    source = "stdin" if args.data == "-" else args.data
    if args.alertmanager:
        from .alertmanager import Data

        if raw is None:
            return Data()
        try:
            return Data.from_dict(_load_json(raw, source, go_numbers=False))
        except ValueError as e:
            raise _Failed(f"{source}: {e}") from None
    return None if raw is None else _load_json(raw, source, go_numbers=True)


# -- subcommands -----------------------------------------------------------------------


def _render(args: argparse.Namespace) -> int:
    t = _template(args.templates, args)
    data = _data(args)
    text = t.execute(data) if args.name is None else t.execute_template(args.name, data)
    assert text is not None
    out = text.encode("utf-8", "surrogateescape")
    if args.out is None or args.out == "-":
        sys.stdout.buffer.write(out)
        sys.stdout.buffer.flush()
    else:
        try:
            with open(args.out, "wb") as f:
                f.write(out)
        except OSError as e:
            raise _Failed(f"open {args.out}: {(e.strerror or str(e)).lower()}") from None
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    _template(args.templates, args)
    return EXIT_OK


def _add_template_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("templates", metavar="TEMPLATE", nargs="+", help="template files")
    p.add_argument(
        "--alertmanager",
        action="store_true",
        help="Alertmanager's set-up: its functions, missingkey=zero, webhook JSON as data",
    )
    p.add_argument("--delims", nargs=2, metavar=("LEFT", "RIGHT"), help="action delimiters")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gotmpl",
        description="Go's text/template for Python: render and check templates "
        "with Go's output and errors.",
    )
    p.add_argument("--version", action="version", version=f"gotmpl {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    render = sub.add_parser(
        "render",
        help="execute templates and print the output",
        description="Parse the files like Go's ParseFiles and execute the first one "
        "(or --name) on the JSON data.",
    )
    _add_template_options(render)
    render.add_argument("--data", metavar="FILE", help="JSON data file, - for stdin")
    render.add_argument(
        "--option", action="append", metavar="K=V", help="template option, e.g. missingkey=error"
    )
    render.add_argument("--name", help="the template to execute (default: the first file's)")
    render.add_argument("--out", metavar="FILE", help="write the output here, not to stdout")
    render.set_defaults(run=_render)

    check = sub.add_parser(
        "check", help="parse templates and report errors", description="Parse only."
    )
    _add_template_options(check)
    check.set_defaults(run=_check)
    return p


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version, or argparse's usage error (2)
        return e.code if isinstance(e.code, int) else EXIT_USAGE
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_usage(sys.stderr)
        _error("gotmpl: a command is required")
        return EXIT_USAGE
    try:
        return run(args)
    except TemplateError as e:
        _error(str(e))
        return EXIT_FAILED
    except _Failed as e:
        _error(f"gotmpl: {e}")
        return EXIT_FAILED
    except _Usage as e:
        _error(f"gotmpl: {e}")
        return EXIT_USAGE


def _error(message: str) -> None:
    """Writes a line to stderr; Go's messages may quote bytes that are not UTF-8."""
    sys.stderr.flush()
    sys.stderr.buffer.write((message + "\n").encode("utf-8", "surrogateescape"))
    sys.stderr.buffer.flush()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
