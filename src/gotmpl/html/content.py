"""html/template's typed content: strings a function returns to say they are safe where they go.

Each is a ``str`` whose Go type is html/template's named string type, so
``printf "%T"`` says ``template.HTML`` and the value prints as its text, as in
Go. text/template prints them as they are; html/template's escapers pass a
value unchanged (or nearly) where its type says it is safe: an ``HTML`` in
HTML text, a ``URL`` in an ``href``, a ``JS`` in a script ...
"""

from __future__ import annotations

import enum
from typing import ClassVar

__all__ = ["CSS", "HTML", "JS", "URL", "ContentType", "HTMLAttr", "JSStr", "Srcset"]


ContentType = enum.IntEnum(
    "ContentType", "PLAIN CSS HTML HTML_ATTR JS JS_STR URL SRCSET UNSAFE", start=0
)
ContentType.__doc__ = (
    "What a string is known to be (Go's contentType): plain text, or a content type."
)


class _Content(str):
    """A string of one of html/template's content types, named like the class."""

    __go_type__: ClassVar[str]
    content_type: ClassVar[ContentType]

    def __init_subclass__(cls, content_type: ContentType = ContentType.PLAIN) -> None:
        super().__init_subclass__()
        cls.__go_type__ = f"template.{cls.__name__}"
        cls.content_type = content_type


class CSS(_Content, content_type=ContentType.CSS):
    """``template.CSS``: a CSS stylesheet, rule, property or value."""


class HTML(_Content, content_type=ContentType.HTML):
    """``template.HTML``: a fragment of HTML, written unescaped."""


class HTMLAttr(_Content, content_type=ContentType.HTML_ATTR):
    """``template.HTMLAttr``: an attribute-value pair, such as ``dir="ltr"``."""


class JS(_Content, content_type=ContentType.JS):
    """``template.JS``: a JavaScript expression, such as ``(x + y * z())``."""


class JSStr(_Content, content_type=ContentType.JS_STR):
    """``template.JSStr``: characters to go between quotes in a JavaScript string."""


class Srcset(_Content, content_type=ContentType.SRCSET):
    """``template.Srcset``: an ``img`` element's ``srcset`` attribute value."""


class URL(_Content, content_type=ContentType.URL):
    """``template.URL``: a URL or a part of one, such as ``http://example.com?q=1``."""
