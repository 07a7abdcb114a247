"""Go's html/template: templates whose output is escaped for the HTML context it lands in.

``Template`` has gotmpl.Template's API; its actions are escaped as Go escapes
them (gotmpl.html.escape), and typed content (``HTML``, ``URL`` ...) says what
a value is safe as. Escaping errors are ``EscapeError``s carrying Go's
``ErrorCode``.
"""

from typing import TYPE_CHECKING, Any

from .content import CSS, HTML, JS, URL, HTMLAttr, JSStr, Srcset
from .errors import ErrorCode, EscapeError

if TYPE_CHECKING:
    from .template import Template, parse_files, parse_glob

__all__ = [
    "CSS",
    "HTML",
    "JS",
    "URL",
    "ErrorCode",
    "EscapeError",
    "HTMLAttr",
    "JSStr",
    "Srcset",
    "Template",
    "parse_files",
    "parse_glob",
]


def __getattr__(name: str) -> Any:
    # The escaper (its tables and expressions cost ~15 ms) loads with the first
    # html template: the typed content alone (what Alertmanager's safeHtml
    # returns) is needed by every profile.
    if name in ("Template", "parse_files", "parse_glob"):
        from . import template

        return getattr(template, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
