"""Go's html/template: templates whose output is escaped for the HTML context it lands in.

``Template`` has gotmpl.Template's API; its actions are escaped as Go escapes
them (gotmpl.html.escape), and typed content (``HTML``, ``URL`` ...) says what
a value is safe as. Escaping errors are ``EscapeError``s carrying Go's
``ErrorCode``.
"""

from .content import CSS, HTML, JS, URL, HTMLAttr, JSStr, Srcset
from .errors import ErrorCode, EscapeError
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
