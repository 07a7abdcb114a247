"""Alertmanager's template bundle: the files a configuration's text fields run with.

Upstream's ``template.Template`` holds a text and an html template set that
receive the same files. A config field's text (``title: '{{ template
"slack.title" . }}'``) runs as an unnamed template parsed into a copy of a set,
with ``missingkey=zero`` and a ``routeLabels`` function of its own for that
render; so its errors name the template ``""``
(``template: :1:12: executing "" ...``). ``routeLabels "x"`` runs the route
label ``x`` (a template too) on the same data, each label once per render, and
a label needing itself is an error (``route label cycle detected: a -> b -> a``).

:class:`Templates` is that bundle; a profile subclasses it with its own
functions and data model (gotmpl.alertmanager.Templates,
gotmpl.cubeapm.Templates). HTML fields (``ExecuteHTMLString``) run the same
way in the html set, through Go's html/template (gotmpl.html).
"""

from __future__ import annotations

import contextvars
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ..errors import TemplateError
from ..exec.state import Limits
from ..gostd import filepath
from ..gostd.strconv import go_string
from ..template import Template
from . import Profile
from .amdata import route_labels_of
from .functions import declare

if TYPE_CHECKING:
    from ..html import Template as HTMLTemplate

__all__ = ["DEFAULT_TEMPLATE_FILES", "Templates"]

#: The files upstream loads before any other (it embeds them; gotmpl does not
#: ship them, users point at their copy).
DEFAULT_TEMPLATE_FILES = ("default.tmpl", "email.tmpl")

_T = TypeVar("_T", bound="Templates")

# How many config fields' texts a bundle keeps compiled.
_FIELD_CACHE_SIZE = 256


class _RouteLabels:
    """The ``routeLabels`` of one top-level render: each label rendered at most once,
    a label that needs itself while it renders being a cycle."""

    __slots__ = ("chain", "data", "done", "labels", "limits", "rendered", "run")

    def __init__(
        self,
        data: Any,
        run: Callable[[str, Any, Limits | None], str],
        limits: Limits | None,
    ) -> None:
        labels, rendered = route_labels_of(data)
        self.labels: Mapping[str, str] = labels or {}
        self.rendered = rendered
        self.data = data
        self.run = run
        self.limits = limits
        self.done: dict[str, str] = {}
        self.chain: list[str] = []  # the labels rendering now, outermost first

    def resolve(self, name: str) -> str:
        value = self.labels.get(name)
        if value is None:
            return ""  # no such route label
        if self.rendered:
            return value
        done = self.done.get(name)
        if done is not None:
            return done
        if name in self.chain:
            raise ValueError(f"route label cycle detected: {' -> '.join([*self.chain, name])}")
        self.chain.append(name)
        try:
            # A failure is the function's error, which the caller's template wraps.
            self.done[name] = result = self.run(value, self.data, self.limits)
        finally:
            self.chain.pop()
        return result


# The resolver of the render running in this context. Field templates are
# compiled once with the one routeLabels below, which asks it.
_resolving: contextvars.ContextVar[_RouteLabels | None] = contextvars.ContextVar(
    "gotmpl_route_labels", default=None
)


def _route_labels(name: str) -> str:
    resolver = _resolving.get()
    return "" if resolver is None else resolver.resolve(name)


# Upstream's signature: func(name string) (string, error).
_ROUTE_LABELS = declare(_route_labels, ("string",), ("string", "error"))


class Templates:
    """Alertmanager's ``template.Template``: template files, and config fields run on them.

        tmpl = alertmanager.Templates().parse_glob("templates/*.tmpl")
        title = tmpl.execute_text('{{ template "slack.title" . }}', data)

    ``parse`` (upstream ``Parse``) adds a text to the unnamed root template,
    ``parse_glob`` (``FromGlob``) the files a pattern matches, each a template
    named after its base name (a pattern matching nothing is no error);
    ``execute_text`` is ``ExecuteTextString`` and ``execute_html``
    ``ExecuteHTMLString``. Errors are upstream's, as
    :class:`gotmpl.TemplateError`. ``funcs`` are added before the profile's
    functions, which win, as upstream's ``New`` does. One bundle may execute in
    many threads; parse before that.
    """

    #: The product whose functions, options and data model the bundle uses.
    profile: ClassVar[Profile]

    def __init__(self, funcs: Mapping[str, Callable[..., Any]] | None = None) -> None:
        # Upstream's two sets, which receive the same texts.
        self._text = self.profile.template("", funcs)
        self._html = self.profile.html_template("", funcs)
        # Each config field's text, parsed into a copy of a set: by (html?, text).
        self._fields: OrderedDict[tuple[bool, str], Template | HTMLTemplate] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def from_globs(
        cls: type[_T],
        patterns: Iterable[str],
        *,
        defaults: str | os.PathLike[str] | None = None,
        funcs: Mapping[str, Callable[..., Any]] | None = None,
    ) -> _T:
        """Upstream's ``FromGlobs``: the default templates, then each pattern's files.

        ``defaults`` is a directory holding your copy of Alertmanager's
        ``default.tmpl`` and ``email.tmpl`` (either may be missing, not both);
        without it, templates those files define (``slack.default.title`` ...)
        are not there.
        """
        bundle = cls(funcs)
        if defaults is not None:
            paths = [os.path.join(os.fspath(defaults), f) for f in DEFAULT_TEMPLATE_FILES]
            found = [p for p in paths if os.path.isfile(p)]
            if not found:
                names = " or ".join(DEFAULT_TEMPLATE_FILES)
                raise TemplateError(f"no {names} in {os.fspath(defaults)}")
            for path in found:
                bundle.parse(_read(path))
        for pattern in patterns:
            bundle.parse_glob(pattern)
        return bundle

    def parse(self: _T, text: str) -> _T:
        """Parses ``text`` into the unnamed root template (upstream ``Parse``)."""
        self._add("", text)
        return self

    def parse_glob(self: _T, pattern: str) -> _T:
        """Parses each file ``pattern`` matches (Go's filepath.Glob), in order
        (upstream ``FromGlob``)."""
        try:
            paths = filepath.glob(pattern)
        except filepath.BadPattern as e:
            raise TemplateError(str(e)) from None
        for path in paths:
            self._add(os.path.basename(path), _read(path))
        return self

    def _add(self, name: str, text: str) -> None:
        (self._text if name == self._text.name else self._text.new(name)).parse(text)
        (self._html if name == self._html.name else self._html.new(name)).parse(text)
        with self._lock:
            self._fields.clear()

    def execute_text(self, text: str, data: Any = None, *, limits: Limits | None = None) -> str:
        """Runs a config field's ``text`` on ``data`` (upstream ``ExecuteTextString``).

        An empty text gives ``""``. ``limits`` bounds this render and each
        route label it renders.
        """
        return self._execute(False, text, data, limits)

    def execute_html(self, text: str, data: Any = None, *, limits: Limits | None = None) -> str:
        """Runs an HTML field's ``text`` on ``data`` (upstream ``ExecuteHTMLString``):
        as :meth:`execute_text`, in the html set, so that the output (route labels
        rendered for it included) is escaped by html/template."""
        return self._execute(True, text, data, limits)

    def _execute(self, html: bool, text: str, data: Any, limits: Limits | None) -> str:
        if text == "":
            return ""
        run = self._run_html if html else self._run_text
        token = _resolving.set(_RouteLabels(data, run, limits))
        try:
            return run(text, data, limits)
        finally:
            _resolving.reset(token)

    def route_label_renderer(
        self, data: Any, *, limits: Limits | None = None
    ) -> Callable[[str], str]:
        """Upstream's ``RouteLabelRenderer``: a function rendering ``data``'s route
        labels by name, sharing one memo and cycle check across calls (as
        Alertmanager renders a group's route labels)."""
        resolver = _RouteLabels(data, self._run_text, limits)

        def render(name: str) -> str:
            token = _resolving.set(resolver)
            try:
                return resolver.resolve(name)
            finally:
                _resolving.reset(token)

        return render

    def _run_text(self, text: str, data: Any, limits: Limits | None) -> str:
        return self._field(False, text).execute(data, limits=limits)

    def _run_html(self, text: str, data: Any, limits: Limits | None) -> str:
        return self._field(True, text).execute(data, limits=limits)

    def _field(self, html: bool, text: str) -> Template | HTMLTemplate:
        """``text`` parsed as the unnamed template of a copy of the text or html set."""
        key = (html, text)
        with self._lock:
            field = self._fields.get(key)
            if field is not None:
                self._fields.move_to_end(key)
                return field
        field = (
            (self._html if html else self._text)
            .clone()
            .new("")
            .option("missingkey=zero")
            .funcs({"routeLabels": _ROUTE_LABELS})
            .parse(text)
        )
        with self._lock:
            self._fields[key] = field
            if len(self._fields) > _FIELD_CACHE_SIZE:
                self._fields.popitem(last=False)
        return field


def _read(path: str) -> str:
    """A template file's text, or Go's error for reading it."""
    try:
        return go_string(filepath.read_file(path))
    except ValueError as e:
        raise TemplateError(str(e)) from None
