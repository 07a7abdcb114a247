"""The gotmpl command: render and check templates with Go's output bytes and error text.

    gotmpl render TEMPLATE... [--data FILE|-] [--profile NAME] [--option K=V]...
                  [--name NAME] [--delims L R] [--out FILE] [--check-json] [--html]
    gotmpl check TEMPLATE... [--profile NAME] [--delims L R]
    gotmpl fuzz TEMPLATE... --data SAMPLE [--profile NAME] [--check-json]
                [--examples N] [--seed S] [--delims L R] [--progress]
    gotmpl template render --template.glob=GLOB... --template.text=TEXT
                [--template.type=text|html] [--template.data=FILE]
                [--profile NAME] [--defaults DIR]

``template render`` is amtool's command of that name, run as Alertmanager runs
a config field: the files the globs match (expanded by gotmpl, Go's pattern
rules, no match allowed) load into the profile's template bundle and the text
runs on the data (a sample alert group without one, said on stderr).
Failures print ``gotmpl: error: MESSAGE``, Go's message, as amtool does.

``--profile`` (default ``text``) picks the functions, options and data model
templates run with (gotmpl.profiles); ``--alertmanager`` is a deprecated
spelling of ``--profile alertmanager``. ``render --html`` runs the templates as
Go's html/template does (gotmpl.html): output escaped for HTML.

Exit status: 0 on success, 1 when a template or its data fails (Go's message on
stderr, then the template line with a caret under what failed, nothing on
stdout), 2 on a usage error. ``check`` parses every file and reports each
one's error, then the ``{{template}}`` calls no file defines (errors; warnings
when a file failed to parse or, under an Alertmanager profile, for names
Alertmanager's own default.tmpl defines). ``render --check-json`` also
fails when the output is not JSON: the JSON error and the template position
that wrote the offending character go to stderr. ``fuzz`` fails when some data
derived from the sample breaks the template: the smallest such data goes to
stdout as JSON, the error and blame line to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from .. import __version__, profiles
from ..errors import TemplateError
from ..gostd import filepath
from ..gostd.json import decoded_string
from ..gostd.strconv import go_bytes, go_string, quote
from ..template import Template

if TYPE_CHECKING:
    from ..html import Template as HTMLTemplate
    from ..tools.fuzz import FuzzProgress

__all__ = ["main"]

# A text/template or an html/template template (--html).
_AnyTemplate = TypeVar("_AnyTemplate", Template, "HTMLTemplate")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Failed(Exception):
    """The command failed; the message goes to stderr and the status is 1."""


class _TemplateFailed(Exception):
    """A template error with notes of ours to print below Go's message and excerpt."""

    def __init__(self, error: TemplateError, notes: list[str], prefix: str = "") -> None:
        super().__init__(str(error))
        self.error = error
        self.notes = notes
        self.prefix = prefix  # before Go's message


class _Usage(Exception):
    """The command line is wrong; the message goes to stderr and the status is 2."""


# -- reading input ---------------------------------------------------------------------


#: What one input (a template, the data, stdin) may hold unless --max-input says more.
MAX_INPUT = 64 << 20


def _read(path: str, limit: int = MAX_INPUT) -> bytes:
    """A file's bytes (``-`` is stdin), failing with Go's wording of the OS error, or
    when there are more than ``limit`` (``/dev/zero`` never ends)."""
    source = "stdin" if path == "-" else path
    try:
        if path == "-":
            raw = sys.stdin.buffer.read(limit + 1)
        else:
            raw = filepath.read_file(path, limit + 1)
    except ValueError as e:
        raise _Failed(str(e)) from None
    if len(raw) > limit:
        raise _Failed(f"{source}: more than {limit} bytes (see --max-input)")
    return raw


def _go_strings(value: Any) -> Any:
    """Go's JSON decoder turns invalid UTF-8 and lone surrogate escapes into U+FFFD.

    JSON nests as deep as Go's decoder allows (10000): a loop, not recursion."""
    top = [value]
    todo: list[tuple[Any, Any]] = [(top, 0)]  # (container, key) whose value to fix
    while todo:
        container, key = todo.pop()
        v = container[key]
        if isinstance(v, str):
            container[key] = decoded_string(v)
        elif isinstance(v, list):
            todo.extend((v, i) for i in range(len(v)))
        elif isinstance(v, dict):
            if any(isinstance(k, str) and not k.isascii() for k in v):
                fixed = [decoded_string(k) for k in v]
                container[key] = v = dict(zip(fixed, v.values(), strict=True))
            todo.extend((v, k) for k in v)
    return top[0]


def _int_or_float(text: str) -> int | float:
    """A JSON integer as a Go caller decodes it: int when it fits int64, else float64."""
    if len(text) > 20:  # beyond int64 (and maybe beyond Python's int() of a string)
        return float(text)
    n = int(text)
    if -(1 << 63) <= n < 1 << 63:
        return n
    try:
        return float(n)
    except OverflowError:
        return float("inf") if n > 0 else float("-inf")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"invalid JSON literal {name}")


# Go's encoding/json refuses data nested deeper than this.
_MAX_JSON_DEPTH = 10000


def _load_json(raw: bytes, source: str, *, go_numbers: bool) -> Any:
    """Parses JSON data the way the Go side of gotmpl's tests decodes it."""
    text = go_string(raw)
    decoder = json.JSONDecoder(
        parse_int=_int_or_float if go_numbers else int, parse_constant=_reject_constant
    )
    try:
        try:
            value = decoder.decode(text)
        except RecursionError:
            # Deeper than Python's parser recurses: a loop over the same scanner.
            value = _decode_deep(decoder, text)
    except ValueError as e:
        raise _Failed(f"{source}: invalid JSON: {e}") from None
    return _go_strings(value)


_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _decode_deep(decoder: json.JSONDecoder, text: str) -> Any:
    """``decoder.decode(text)`` with a stack of open arrays and objects instead of
    recursion; strings, numbers and constants are read by the decoder itself."""
    stack: list[tuple[Any, str | None]] = []  # open containers, and an object's pending key
    i = _WHITESPACE.match(text, 0).end()  # type: ignore[union-attr]
    value: Any = None
    while True:
        c = text[i : i + 1]
        if c in ("[", "{"):
            if len(stack) >= _MAX_JSON_DEPTH:
                raise ValueError(f"exceeded max depth at char {i}")
            i = _WHITESPACE.match(text, i + 1).end()  # type: ignore[union-attr]
            closing = "]" if c == "[" else "}"
            if text[i : i + 1] == closing:
                value, i = ([] if c == "[" else {}), i + 1
            else:
                stack.append(([] if c == "[" else {}, None))
                if c == "{":
                    i = _object_key(decoder, text, i, stack)
                continue
        else:
            value, i = decoder.raw_decode(text, i)
        # A value is complete: it goes into the innermost open container.
        while True:
            if not stack:
                end = _WHITESPACE.match(text, i).end()  # type: ignore[union-attr]
                if end != len(text):
                    raise ValueError(f"Extra data: char {end}")
                return value
            container, key = stack[-1]
            if key is None:
                container.append(value)
            else:
                container[key] = value
            i = _WHITESPACE.match(text, i).end()  # type: ignore[union-attr]
            c = text[i : i + 1]
            closing = "]" if key is None else "}"
            if c == ",":
                i = _WHITESPACE.match(text, i + 1).end()  # type: ignore[union-attr]
                if key is not None:
                    i = _object_key(decoder, text, i, stack)
                break
            if c != closing:
                raise ValueError(f"Expecting ',' delimiter: char {i}")
            value, i = container, i + 1
            stack.pop()


def _object_key(
    decoder: json.JSONDecoder, text: str, i: int, stack: list[tuple[Any, str | None]]
) -> int:
    """Reads ``"key":`` of the innermost open object at ``i``; returns where its value starts."""
    if text[i : i + 1] != '"':
        raise ValueError(f"Expecting property name enclosed in double quotes: char {i}")
    key, i = decoder.raw_decode(text, i)
    i = _WHITESPACE.match(text, i).end()  # type: ignore[union-attr]
    if text[i : i + 1] != ":":
        raise ValueError(f"Expecting ':' delimiter: char {i}")
    stack[-1] = (stack[-1][0], key)
    return _WHITESPACE.match(text, i + 1).end()  # type: ignore[union-attr]


# -- building the template -------------------------------------------------------------


def _template(paths: list[str], args: argparse.Namespace) -> Template:
    """Parses the files like Go's ParseFiles: the first file names the template."""
    return _parsed(profiles.get(args.profile).template(os.path.basename(paths[0])), paths, args)


def _html_template(paths: list[str], args: argparse.Namespace) -> HTMLTemplate:
    """_template for Go's html/template (``--html``)."""
    t = profiles.get(args.profile).html_template(os.path.basename(paths[0]))
    return _parsed(t, paths, args)


def _parsed(t: _AnyTemplate, paths: list[str], args: argparse.Namespace) -> _AnyTemplate:
    if args.delims:
        t.delims(*args.delims)
    try:
        t.option(*getattr(args, "option", None) or ())
    except ValueError as e:
        raise _Usage(str(e)) from None
    for path in paths:
        base = os.path.basename(path)
        text = go_string(_read(path, args.max_input))
        (t if base == t.name else t.new(base)).parse(text)
    return t


def _data(args: argparse.Namespace) -> Any:
    """The --data file as the profile's data (its empty data without one)."""
    profile = profiles.get(args.profile)
    if args.data is None:
        return profile.empty()
    source = "stdin" if args.data == "-" else args.data
    value = _load_json(_read(args.data, args.max_input), source, go_numbers=profile.go_numbers)
    try:
        return profile.decode(value)
    except ValueError as e:
        raise _Failed(f"{source}: {e}") from None


# -- subcommands -----------------------------------------------------------------------


def _render(args: argparse.Namespace) -> int:
    t = _html_template(args.templates, args) if args.html else _template(args.templates, args)
    data = _data(args)
    if args.name is not None:
        named = t.lookup(args.name)
        if named is None or named.tree is None:
            try:
                t.execute_template(args.name, data)  # Go's error for it
            except TemplateError as e:
                raise _TemplateFailed(e, _defined_names(t, args.name)) from None
    if args.check_json:
        text = _render_json(t, args.name, data)
    else:
        text = t.execute(data) if args.name is None else t.execute_template(args.name, data)
    out = go_bytes(text)
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


def _defined_names(t: Template | HTMLTemplate, name: str) -> list[str]:
    """What --name could have been: the templates the files define, the closest first."""
    import difflib

    defined = sorted(m.name for m in t.templates() if m.tree is not None)
    if not defined:
        return ["gotmpl: the files define no templates"]
    notes = ["gotmpl: defined templates: " + ", ".join(map(quote, defined))]
    close = difflib.get_close_matches(name, defined, n=1, cutoff=0.6)
    if close:
        notes.append(f"gotmpl: did you mean --name {quote(close[0])}?")
    return notes


def _render_json(t: Template | HTMLTemplate, name: str | None, data: Any) -> str:
    """Renders with a source map; output that is not JSON fails, blaming a template node."""
    from ..tools.jsoncheck import check_json

    target = t if name is None else t.lookup(name)
    if name is not None and target is None:
        t.execute_template(name, data)  # raises Go's "no template ... associated" error
    assert target is not None
    source_map = target.execute_with_source_map(data)
    problem = check_json(source_map)
    if problem is not None:
        lines = [problem.error, problem.message, *problem.excerpt()]
        raise _Failed("invalid JSON output: " + "\n".join(lines))
    return source_map.text


def _fuzz(args: argparse.Namespace) -> int:
    from ..tools.fuzz import fuzz_payload

    profile = profiles.get(args.profile)
    t = _template(args.templates, args)
    raw = _read(args.data, args.max_input)
    source = "stdin" if args.data == "-" else args.data
    sample = _load_json(raw, source, go_numbers=profile.go_numbers)
    tty = sys.stderr.isatty()
    progress = _FuzzProgressLine(tty) if tty or args.progress else None
    try:
        report = fuzz_payload(
            t,
            sample,
            profile=profile,
            check_json=args.check_json,
            examples=args.examples,
            seed=args.seed,
            progress=progress,
        )
    except ImportError as e:
        raise _Failed(str(e)) from None
    except ValueError as e:  # a sample the profile cannot decode
        raise _Failed(f"{source}: {e}") from None
    finally:
        if progress is not None:
            progress.done()
    if report.ok:
        _error(f"gotmpl: fuzz: {report.examples} examples passed")
        return EXIT_OK
    # The data on stdout can be saved and rendered again: render --check-json --data FILE.
    out = json.dumps(report.data, indent=2, ensure_ascii=True) + "\n"
    sys.stdout.buffer.write(out.encode("ascii"))
    sys.stdout.buffer.flush()
    _error(
        f"gotmpl: fuzz: example {report.examples} of {args.examples} broke the template; "
        "the smallest data that breaks it is on stdout"
    )
    problem = report.problem
    if report.error is not None:  # an execution error: Go's message names the node
        _report(report.error)
    elif problem is not None and not isinstance(problem, str):  # output that is not JSON
        _error(f"gotmpl: invalid JSON output: {problem.error}")
        _error(problem.message)
        for line in problem.excerpt():
            _error(line)
    return EXIT_FAILED


class _FuzzProgressLine:
    """The fuzz command's progress on stderr: one line redrawn in place on a terminal
    (at most ten times a second), else a line at every tenth of the examples."""

    def __init__(self, tty: bool) -> None:
        import time

        self.tty = tty
        self.clock = time.monotonic
        self.last = 0.0
        self.shown = ""
        self.tenth = -1

    def __call__(self, p: FuzzProgress) -> None:
        if p.broke_at is None:
            text = f"gotmpl: fuzz: {p.tried} of {p.examples} examples passed"
        else:
            text = f"gotmpl: fuzz: example {p.broke_at} broke the template; shrinking it"
            if p.shrink_steps:
                text += f" ({p.shrink_steps} steps)"
        if self.tty:
            now = self.clock()
            if now - self.last >= 0.1 or p.tried == p.examples:
                self.last = now
                self.draw(text)
        else:
            tenth = p.tried * 10 // p.examples
            if tenth != self.tenth and p.broke_at is None:
                self.tenth = tenth
                _error(text)

    def draw(self, text: str) -> None:
        self.shown = text
        sys.stderr.write("\r\x1b[K" + text)
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty and self.shown:
            self.draw("")


# Templates Alertmanager's own default.tmpl and email.tmpl define are named like
# "slack.default.title" (and their helpers "__subject" ...).
_DEFAULT_NAME = re.compile(r'template "((?:[^"]*\.default\.[^"]*)|(?:__[^"]*))" not defined')


def _template_render(args: argparse.Namespace) -> int:
    """amtool's ``template render``: a config field's text on the bundle the globs load."""
    profile = profiles.get(args.profile)
    if profile.bundle is None:
        raise _Usage(f"profile {profile.name} has no Alertmanager template bundle")
    try:
        bundle = profile.bundle.from_globs(args.template_glob, defaults=args.defaults)
    except TemplateError as e:
        raise _Failed(f"error: {e}") from None
    if args.template_data is None:
        assert profile.sample is not None
        data = profile.sample()
        _error(
            "gotmpl: no --template.data: rendering a sample alert group "
            f"(receiver {data.Receiver}, {len(data.Alerts)} alerts)"
        )
    else:
        source = "stdin" if args.template_data == "-" else args.template_data
        value = _load_json(_read(args.template_data), source, go_numbers=profile.go_numbers)
        try:
            data = profile.decode(value)
        except ValueError as e:  # encoding/json's error, as amtool prints it
            raise _Failed(f"error: {e}") from None
    try:
        execute = bundle.execute_html if args.template_type == "html" else bundle.execute_text
        text = execute(args.template_text, data)
    except TemplateError as e:
        # amtool's words around Go's message, then the excerpt.
        missing = _DEFAULT_NAME.search(str(e))
        notes = []
        if missing is not None and args.defaults is None:
            notes.append(
                f"gotmpl: {missing.group(1)} looks like a template of Alertmanager's "
                "default.tmpl or email.tmpl, which gotmpl does not ship: pass --defaults DIR, "
                "the directory of your copy of them"
            )
        raise _TemplateFailed(e, notes, prefix="gotmpl: error: ") from None
    sys.stdout.buffer.write(go_bytes(text))
    sys.stdout.buffer.flush()
    return EXIT_OK


def _positive(text: str) -> int:
    """An --examples count or --max-input size; argparse reports the error as a usage
    error (2)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _check(args: argparse.Namespace) -> int:
    """Parses every file (reporting each one's error, not only the first), then
    looks for ``{{template}}`` calls that no file defines."""
    from ..tools.diagnostics import undefined_templates

    profile = profiles.get(args.profile)
    t = profile.template(os.path.basename(args.templates[0]))
    if args.delims:
        t.delims(*args.delims)
    broken = 0
    for path in args.templates:
        base = os.path.basename(path)
        text = go_string(_read(path, args.max_input))
        try:
            (t if base == t.name else t.new(base)).parse(text)
        except TemplateError as e:
            broken += 1
            _report(e)
    undefined = 0
    for call in undefined_templates(t):
        # A file that did not parse may define the name; Alertmanager loads its own
        # default.tmpl (slack.default.title ...) before the user's files.
        if broken or (profile.bundle is not None and _DEFAULT_NAME.search(call.error.message)):
            why = "a file that did not parse" if broken else "Alertmanager's default.tmpl"
            _report(call.error, prefix="gotmpl: warning: ")
            _error(f"(it may be defined in {why})")
        else:
            undefined += 1
            _report(call.error)
    if broken or undefined:
        files = len(args.templates)
        _error(
            f"gotmpl: check: {broken} of {files} file{'s' if files > 1 else ''} failed to parse, "
            f"{undefined} undefined template{'' if undefined == 1 else 's'} called"
        )
        return EXIT_FAILED
    return EXIT_OK


class _HelpFormatter(argparse.HelpFormatter):
    """Describes the profiles in --profile's help, importing them only when help is shown."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = super()._get_help_string(action)
        if text is not None and action.dest == "profile" and action.choices is not None:
            for profile in map(profiles.get, action.choices):
                text += f"; {profile.name}: {profile.description}".replace("%", "%%")
        return text


def _add_template_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("templates", metavar="TEMPLATE", nargs="+", help="template files")
    p.add_argument(
        "--profile",
        choices=profiles.names(),
        default="text",
        metavar="NAME",
        help="the functions, options and data model templates run with (default: text)",
    )
    p.add_argument(
        "--alertmanager",
        action="store_const",
        const="alertmanager",
        dest="profile",
        help="deprecated: the same as --profile alertmanager",
    )
    p.add_argument("--delims", nargs=2, metavar=("LEFT", "RIGHT"), help="action delimiters")
    p.add_argument(
        "--max-input",
        type=_positive,
        default=MAX_INPUT,
        metavar="BYTES",
        help=f"the most bytes read from any one file or stdin (default {MAX_INPUT})",
    )


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
        formatter_class=_HelpFormatter,
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
    render.add_argument(
        "--check-json",
        action="store_true",
        help="fail when the output is not JSON, naming the template node that broke it",
    )
    render.add_argument(
        "--html",
        action="store_true",
        help="Go's html/template: escape the output for the HTML context it lands in",
    )
    render.set_defaults(run=_render)

    check = sub.add_parser(
        "check",
        formatter_class=_HelpFormatter,
        help="parse templates and report errors",
        description="Parse only.",
    )
    _add_template_options(check)
    check.set_defaults(run=_check)

    fuzz = sub.add_parser(
        "fuzz",
        formatter_class=_HelpFormatter,
        help="find data that breaks a template (needs hypothesis)",
        description="Render data derived from the sample (hostile label values, dropped "
        "labels, many alerts) until the template fails; print the smallest breaking data.",
    )
    _add_template_options(fuzz)
    fuzz.add_argument(
        "--data", metavar="SAMPLE", required=True, help="sample JSON data, - for stdin"
    )
    fuzz.add_argument(
        "--check-json", action="store_true", help="output that is not JSON is a failure too"
    )
    fuzz.add_argument(
        "--examples",
        type=_positive,
        default=300,
        metavar="N",
        help="data sets to try, the sample first (default 300)",
    )
    fuzz.add_argument(
        "--seed", type=int, metavar="S", help="explore with this seed (default: derandomized)"
    )
    fuzz.add_argument("--progress", action="store_true", help="progress on stderr, tty or not")
    fuzz.set_defaults(run=_fuzz)

    template = sub.add_parser(
        "template",
        help="Alertmanager's template files and config fields (amtool's template command)",
        description="Alertmanager's template files and config fields, as amtool's "
        "template command.",
    )
    template_sub = template.add_subparsers(dest="template_command", metavar="COMMAND")
    template.set_defaults(run=lambda args: _missing_command(template))
    template_render = template_sub.add_parser(
        "render",
        help="render a config field's text on the template files (amtool template render)",
        description="Load the files the globs match into Alertmanager's template bundle "
        'and render the text as Alertmanager renders a config field (a template named "", '
        "missingkey=zero, routeLabels), on the data or a sample alert group.",
    )
    template_render.add_argument(
        "--template.glob",
        dest="template_glob",
        action="append",
        required=True,
        metavar="GLOB",
        help="a glob of template files, expanded by gotmpl with Go's rules (repeatable)",
    )
    template_render.add_argument(
        "--template.text",
        dest="template_text",
        required=True,
        metavar="TEXT",
        help="the text to render, as in a config field",
    )
    template_render.add_argument(
        "--template.type",
        dest="template_type",
        choices=("text", "html"),
        default="text",
        metavar="TYPE",
        help="text (the default), or html: run as Alertmanager runs HTML fields, "
        "through Go's html/template",
    )
    template_render.add_argument(
        "--template.data",
        dest="template_data",
        metavar="FILE",
        help="the webhook JSON to render on (default: a sample alert group), - for stdin",
    )
    template_render.add_argument(
        "--profile",
        choices=profiles.names(),
        default="alertmanager",
        metavar="NAME",
        help="the product whose data and functions templates run with: alertmanager "
        "(the default, upstream 0.34) or cubeapm",
    )
    template_render.add_argument(
        "--defaults",
        metavar="DIR",
        help="a directory with your copy of Alertmanager's default.tmpl and email.tmpl, "
        "loaded first as Alertmanager loads its own",
    )
    template_render.set_defaults(run=_template_render)

    from .config import add_parser as add_config_parser

    add_config_parser(sub)
    return p


def _missing_command(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    _error(f"{parser.prog}: a command is required")
    return EXIT_USAGE


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
        _report(e)
        return EXIT_FAILED
    except _TemplateFailed as e:
        _report(e.error, e.prefix)
        for note in e.notes:
            _error(note)
        return EXIT_FAILED
    except _Failed as e:
        _error(f"gotmpl: {e}")
        return EXIT_FAILED
    except _Usage as e:
        _error(f"gotmpl: {e}")
        return EXIT_USAGE


def _report(e: TemplateError, prefix: str = "") -> None:
    """Go's message, then the source line and a caret under what failed."""
    from ..tools.diagnostics import excerpt

    _error(prefix + str(e))
    for line in excerpt(e):
        _error(line)


def _error(message: str) -> None:
    """Writes a line to stderr; Go's messages may quote bytes that are not UTF-8."""
    sys.stderr.flush()
    sys.stderr.buffer.write(go_bytes(message + "\n"))
    sys.stderr.buffer.flush()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
