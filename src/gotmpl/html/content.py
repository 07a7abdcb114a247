"""html/template's typed content: strings a function returns to say they are safe where they go.

Each is a ``str`` whose Go type is html/template's named string type, so
``printf "%T"`` says ``template.HTML`` and the value prints as its text, as in
Go. Only the contextual escaper treats them differently from other strings
(not yet in gotmpl: text/template, which gotmpl runs, prints them as they are).
"""

from __future__ import annotations

from typing import ClassVar

__all__ = ["CSS", "HTML", "JS", "URL", "HTMLAttr", "JSStr", "Srcset"]


class _Content(str):
    """A string of one of html/template's content types, named like the class."""

    __go_type__: ClassVar[str]

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls.__go_type__ = f"template.{cls.__name__}"


class CSS(_Content):
    """``template.CSS``: a CSS stylesheet, rule, property or value."""


class HTML(_Content):
    """``template.HTML``: a fragment of HTML, written unescaped."""


class HTMLAttr(_Content):
    """``template.HTMLAttr``: an attribute-value pair, such as ``dir="ltr"``."""


class JS(_Content):
    """``template.JS``: a JavaScript expression, such as ``(x + y * z())``."""


class JSStr(_Content):
    """``template.JSStr``: characters to go between quotes in a JavaScript string."""


class Srcset(_Content):
    """``template.Srcset``: an ``img`` element's ``srcset`` attribute value."""


class URL(_Content):
    """``template.URL``: a URL or a part of one, such as ``http://example.com?q=1``."""
