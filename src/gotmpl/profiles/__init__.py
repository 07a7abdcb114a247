"""Profiles: the set-up a product runs Go templates with (functions, options, data model).

    profile = profiles.get("alertmanager")
    t = profile.template("pd").parse(text)
    t.execute(profile.decode(json.loads(body)))

The command line (``--profile NAME``) and the fuzzer take a profile by name.
Built in: ``text`` (Go's text/template as it is), ``alertmanager``
(gotmpl.alertmanager, upstream Alertmanager 0.34) and ``cubeapm``
(gotmpl.cubeapm, CubeAPM's dialect of it); shared template functions are in
gotmpl.profiles.functions.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..template import Template

if TYPE_CHECKING:
    from ..html import Template as HTMLTemplate
    from .bundle import Templates

# A text/template or an html/template template: both have the set-up methods.
_AnyTemplate = TypeVar("_AnyTemplate", Template, "HTMLTemplate")

__all__ = ["TEXT", "Profile", "get", "names"]


def _as_is(value: Any) -> Any:
    return value


def _no_data() -> None:
    return None


@dataclasses.dataclass(frozen=True, eq=False)
class Profile:
    """The set-up one product runs its templates with.

    ``funcs`` is its function map and ``options`` what it passes to
    ``Template.option``. ``decode`` turns decoded JSON into the data the
    product executes templates on, raising ValueError that names what is wrong
    (``alerts[2].startsAt: parsing time ...``); ``empty`` makes the data when
    there is none. ``go_numbers`` says whether JSON numbers are read as a Go
    program decoding into ``interface {}`` reads them (an integer beyond int64
    becomes float64) or left as Python reads them, for ``decode`` to check.
    ``fuzz`` names how gotmpl.tools.fuzz derives data from a sample:
    ``"json"`` (any JSON: values replaced, keys dropped, lists resized) or
    ``"webhook"`` (Alertmanager webhook payloads, consistent as Alertmanager
    makes them). ``bundle`` makes the product's template bundle (Alertmanager's
    ``template.Template``, gotmpl.profiles.bundle), what ``gotmpl template
    render`` loads files into, and ``sample`` the data that renders when the
    user gives none (amtool's sample alert group); None where the product has
    no such thing.
    """

    name: str
    description: str
    funcs: Mapping[str, Callable[..., Any]] = dataclasses.field(default_factory=dict)
    options: tuple[str, ...] = ()
    decode: Callable[[Any], Any] = _as_is
    empty: Callable[[], Any] = _no_data
    go_numbers: bool = True
    fuzz: str = "json"
    bundle: type[Templates] | None = None
    sample: Callable[[], Any] | None = None

    def template(
        self, name: str = "", funcs: Mapping[str, Callable[..., Any]] | None = None
    ) -> Template:
        """A template with the profile's options and functions.

        ``funcs`` are added first, so that, as in Alertmanager, the profile's
        functions win over custom ones of the same name.
        """
        return self._set_up(Template(name), funcs)

    def html_template(
        self, name: str = "", funcs: Mapping[str, Callable[..., Any]] | None = None
    ) -> HTMLTemplate:
        """The same as an html/template template (gotmpl.html): its output is
        escaped for HTML, as Alertmanager's HTML bodies are."""
        from ..html import Template as HTMLTemplate

        return self._set_up(HTMLTemplate(name), funcs)

    def _set_up(
        self, t: _AnyTemplate, funcs: Mapping[str, Callable[..., Any]] | None
    ) -> _AnyTemplate:
        t.option(*self.options)
        if funcs:
            t.funcs(funcs)
        return t.funcs(self.funcs)


#: Go's text/template with nothing added: JSON data as a Go program decodes it.
TEXT = Profile("text", "Go's text/template alone, on JSON data as Go decodes it")

# The built-in profiles: a Profile, or the module whose PROFILE it is, imported
# when first asked for (a command that does not use it does not pay for it).
_BUILT_IN: dict[str, Profile | str] = {
    "text": TEXT,
    "alertmanager": "gotmpl.alertmanager",
    "cubeapm": "gotmpl.cubeapm",
}


def names() -> tuple[str, ...]:
    """The names of the built-in profiles."""
    return tuple(_BUILT_IN)


def get(name: str) -> Profile:
    """The profile called ``name``; ValueError when there is none."""
    found = _BUILT_IN.get(name)
    if found is None:
        raise ValueError(f"unknown profile {name!r} (known: {', '.join(_BUILT_IN)})")
    if isinstance(found, str):
        profile: Profile = importlib.import_module(found).PROFILE
        return profile
    return found
