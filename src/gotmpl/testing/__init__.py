"""Pin your templates in your own test suite: golden files, payload fuzzing, a frozen clock.

These work from any test runner; the pytest plugin (``gotmpl.testing.plugin``,
registered by installing gotmpl) adds the fixtures ``gotmpl_golden`` and
``gotmpl_clock`` and the option ``--gotmpl-update-goldens``::

    def test_pagerduty_body(gotmpl_golden, gotmpl_clock):
        gotmpl_clock.set("2024-05-01T12:00:00Z")  # `now`, `since` ... are pinned
        gotmpl_golden.check_render(
            Path("templates/pagerduty.tmpl"), "golden/pagerduty.json",
            data=Path("samples/firing.json"), profile="alertmanager",
        )

:func:`compare_golden` is the core: any rendered string against a golden
file, so that other renderings (a whole receiver's) plug in as they come.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import difflib
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import profiles
from ..gostd import time as gotime
from ..gostd.strconv import go_bytes, go_string

if TYPE_CHECKING:
    from ..html import Template as HTMLTemplate
    from ..template import Template
    from ..tools.fuzz import FuzzReport

__all__ = [
    "FrozenClock",
    "GoldenMismatch",
    "Goldens",
    "assert_fuzz_ok",
    "compare_golden",
    "freeze_clock",
    "render",
]

#: What a mismatch shows of the difference, at most.
MAX_DIFF_LINES = 60


class GoldenMismatch(AssertionError):
    """A rendering differs from its golden file (or the file is missing)."""


def compare_golden(actual: str, golden: str | os.PathLike[str], *, update: bool = False) -> None:
    """Fails unless ``actual`` is byte for byte the content of the ``golden`` file.

    With ``update`` the file is (re)written with ``actual`` instead, its folders
    made as needed, and nothing fails. Text is compared and written as UTF-8
    (bytes a Go string holds that are not UTF-8 included, as gotmpl outputs them).
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not ours
    path = Path(golden)
    want_bytes = go_bytes(actual)
    if update:
        if not path.exists() or path.read_bytes() != want_bytes:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(want_bytes)
        return
    if not path.exists():
        raise GoldenMismatch(
            f"golden file {path} does not exist; run pytest with --gotmpl-update-goldens "
            "(or pass update=True) to write it"
        )
    have = path.read_bytes()
    if have == want_bytes:
        return
    diff = list(
        difflib.unified_diff(
            go_string(have).splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=str(path),
            tofile="rendered",
        )
    )
    shown = "".join(line if line.endswith("\n") else line + "\n\\ no newline\n" for line in diff)
    lines = shown.splitlines()
    if len(lines) > MAX_DIFF_LINES:
        lines = [*lines[:MAX_DIFF_LINES], f"... ({len(lines) - MAX_DIFF_LINES} more lines)"]
    raise GoldenMismatch(
        f"rendered output differs from {path} (run pytest with --gotmpl-update-goldens "
        "to accept it):\n" + "\n".join(lines)
    )


def render(
    template: str | os.PathLike[str] | Sequence[os.PathLike[str]] | Template | HTMLTemplate,
    data: Any = None,
    *,
    profile: profiles.Profile | str = "text",
    html: bool = False,
    name: str | None = None,
    options: Sequence[str] = (),
) -> str:
    """Renders a template as the ``gotmpl render`` command does.

    ``template`` is template text (a ``str``), a file (a ``Path``), files (a list
    of them: the first names the template, as with Go's ParseFiles) or a
    template made already. ``data`` is a JSON file (a ``Path``), JSON-like
    data (dicts and lists, which the profile decodes: webhook JSON becomes
    Alertmanager's ``Data`` under ``alertmanager``) or data made already (passed
    as it is). ``html`` uses Go's html/template; ``name`` executes that
    template of the set; ``options`` are ``Template.option`` strings.
    Errors are ``gotmpl.TemplateError``s.
    """
    if isinstance(profile, str):
        profile = profiles.get(profile)
    t = _template(template, profile, html, options)
    if isinstance(data, os.PathLike):
        data = json.loads(Path(data).read_text("utf-8"))
    if isinstance(data, (dict, list)):
        data = profile.decode(data)
    text = t.execute(data) if name is None else t.execute_template(name, data)
    assert text is not None
    return text


def _template(
    template: str | os.PathLike[str] | Sequence[os.PathLike[str]] | Template | HTMLTemplate,
    profile: profiles.Profile,
    html: bool,
    options: Sequence[str],
) -> Template | HTMLTemplate:
    if isinstance(template, str):
        make = profile.html_template if html else profile.template
        return make("").option(*options).parse(template)
    if isinstance(template, os.PathLike):
        paths = [Path(template)]
    elif isinstance(template, (list, tuple)):
        paths = [Path(p) for p in template]
    else:
        return template  # type: ignore[return-value]
    make = profile.html_template if html else profile.template
    t = make(paths[0].name).option(*options)
    for path in paths:
        text = go_string(path.read_bytes())
        (t if path.name == t.name else t.new(path.name)).parse(text)
    return t


class Goldens:
    """Golden files for one test: paths are relative to ``root`` (the test file's
    folder, under the pytest plugin); ``update`` rewrites instead of comparing."""

    def __init__(self, root: str | os.PathLike[str] = ".", *, update: bool = False) -> None:
        self.root = Path(root)
        self.update = update

    def path(self, golden: str | os.PathLike[str]) -> Path:
        """Where ``golden`` is: relative to the root unless absolute."""
        return self.root / golden

    def check(self, actual: str, golden: str | os.PathLike[str]) -> None:
        """``compare_golden`` of any rendered string against the golden file."""
        __tracebackhide__ = True  # pytest shows the caller's line, not ours
        compare_golden(actual, self.path(golden), update=self.update)

    def check_render(
        self,
        template: str | os.PathLike[str] | Sequence[os.PathLike[str]] | Template | HTMLTemplate,
        golden: str | os.PathLike[str],
        data: Any = None,
        **options: Any,
    ) -> str:
        """Renders as :func:`render` does (same arguments; a relative template or data
        path counts from the root) and checks the output; returns it."""
        __tracebackhide__ = True  # pytest shows the caller's line, not ours
        if isinstance(template, os.PathLike):
            template = self.path(template)
        elif isinstance(template, (list, tuple)):
            template = [self.path(p) for p in template]
        if isinstance(data, os.PathLike):
            data = self.path(data)
        text = render(template, data, **options)
        self.check(text, golden)
        return text

    def check_receiver(
        self,
        config: str | os.PathLike[str],
        receiver: str,
        golden: str | os.PathLike[str],
        data: Any = None,
        *,
        profile: profiles.Profile | str = "alertmanager",
        defaults: str | os.PathLike[str] | None = None,
    ) -> str:
        """Renders every templated field of ``receiver`` in the Alertmanager config
        file ``config`` (relative paths count from the root) and checks the JSON
        ``gotmpl config render --format json`` prints against the golden file;
        returns it. ``data`` is webhook JSON (a dict, or a JSON file), the profile's
        ``Data``, or None for its sample; a field that fails raises
        ``gotmpl.amconfig.RenderError``."""
        __tracebackhide__ = True  # pytest shows the caller's line, not ours
        from .. import amconfig

        if isinstance(data, os.PathLike):
            data = json.loads(self.path(data).read_text("utf-8"))
        if defaults is not None:
            defaults = self.path(defaults)
        loaded = amconfig.load(self.path(config), profile=profile, defaults=defaults)
        text = loaded.rendered(receiver, data).json()
        self.check(text, golden)
        return text


def assert_fuzz_ok(
    template: Template, sample: Any, *, examples: int = 100, **options: Any
) -> FuzzReport:
    """Fails unless no data derived from ``sample`` breaks ``template``.

    The arguments are ``gotmpl.tools.fuzz.fuzz_payload``'s (``profile``,
    ``check_json``, ``seed``, ``progress``), but ``sample`` may be a JSON file and
    ``examples`` is 100 by default. The failure shows the smallest breaking
    data, Go's error or the JSON blame line, and the template line with a caret.
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not ours
    from ..tools.diagnostics import excerpt
    from ..tools.fuzz import fuzz_payload
    from ..tools.jsoncheck import JsonProblem

    if isinstance(sample, os.PathLike):
        sample = json.loads(Path(sample).read_text("utf-8"))
    report = fuzz_payload(template, sample, examples=examples, **options)
    if report.ok:
        return report
    lines = [
        f"example {report.examples} of {examples} broke the template; the smallest such data:",
        json.dumps(report.data, indent=2, ensure_ascii=False),
        report.message,
    ]
    if report.error is not None:
        lines += excerpt(report.error)
    elif isinstance(report.problem, JsonProblem):
        lines += report.problem.excerpt()
    raise AssertionError("\n".join(lines))


class FrozenClock:
    """A clock that stands still until moved: what ``now`` returns while frozen.

    ``set(when)`` moves it to an instant (a ``datetime``, naive taken as UTC; an
    RFC 3339 string; or a gotmpl Time), ``advance(by)`` forward by a
    ``timedelta`` or seconds.
    """

    def __init__(self, when: _dt.datetime | str | gotime.Time) -> None:
        self.time = _instant(when)

    def __call__(self) -> gotime.Time:
        return self.time

    def set(self, when: _dt.datetime | str | gotime.Time) -> None:
        self.time = _instant(when)

    def advance(self, by: _dt.timedelta | float) -> None:
        seconds = by.total_seconds() if isinstance(by, _dt.timedelta) else by
        self.time = self.time.Add(round(seconds * 1e9))


def _instant(when: _dt.datetime | str | gotime.Time) -> gotime.Time:
    if isinstance(when, gotime.Time):
        return when
    if isinstance(when, str):
        return gotime.parse_rfc3339(when)
    return gotime.Time.from_datetime(when)


@contextlib.contextmanager
def freeze_clock(
    when: _dt.datetime | str | gotime.Time = "2000-01-01T00:00:00Z",
) -> Iterator[FrozenClock]:
    """Within the block, the templates' clock (``now``, ``since``, ``until``,
    Alertmanager's data built from alerts) reads the :class:`FrozenClock` this
    yields. Only the current context sees it (``gotmpl.gostd.time.use_clock``):
    other threads and tests keep the real time."""
    clock = FrozenClock(when)
    with gotime.use_clock(clock):
        yield clock
