"""html/template's typed content: strings a function returns to say they are safe where they go.

Each is a ``str`` whose Go type is html/template's named string type, so
``printf "%T"`` says ``template.HTML`` and the value prints as its text, as in
Go. Only the contextual escaper treats them differently from other strings
(not yet in gotmpl: text/template, which gotmpl runs, prints them as they are).
"""

from __future__ import annotations

__all__ = ["CSS", "HTML", "JS", "URL", "HTMLAttr", "JSStr", "Srcset"]


class CSS(str):
    """``template.CSS``: a CSS stylesheet, rule, property or value."""

    __go_type__ = "template.CSS"


class HTML(str):
    """``template.HTML``: a fragment of HTML, written unescaped."""

    __go_type__ = "template.HTML"


class HTMLAttr(str):
    """``template.HTMLAttr``: an attribute-value pair, such as ``dir="ltr"``."""

    __go_type__ = "template.HTMLAttr"


class JS(str):
    """``template.JS``: a JavaScript expression, such as ``(x + y * z())``."""

    __go_type__ = "template.JS"


class JSStr(str):
    """``template.JSStr``: characters to go between quotes in a JavaScript string."""

    __go_type__ = "template.JSStr"


class Srcset(str):
    """``template.Srcset``: an ``img`` element's ``srcset`` attribute value."""

    __go_type__ = "template.Srcset"


class URL(str):
    """``template.URL``: a URL or a part of one, such as ``http://example.com?q=1``."""

    __go_type__ = "template.URL"
