"""What an HTML attribute's value is, by the attribute's name (Go's attrType)."""

from __future__ import annotations

from .content import ContentType

__all__ = ["attr_type"]

_P, _U = ContentType.PLAIN, ContentType.UNSAFE
_URL, _CSS, _HTML, _SRCSET = ContentType.URL, ContentType.CSS, ContentType.HTML, ContentType.SRCSET

# The attributes Go knows by name. Unsafe ones hold values no escaper can make
# safe (a charset, a form's method, ...): an action may not name them.
_KNOWN: dict[str, ContentType] = {
    "accept": _P,
    "accept-charset": _U,
    "action": _URL,
    "alt": _P,
    "archive": _URL,
    "async": _U,
    "autocomplete": _P,
    "autofocus": _P,
    "autoplay": _P,
    "background": _URL,
    "border": _P,
    "checked": _P,
    "cite": _URL,
    "challenge": _U,
    "charset": _U,
    "class": _P,
    "classid": _URL,
    "codebase": _URL,
    "cols": _P,
    "colspan": _P,
    "content": _U,
    "contenteditable": _P,
    "contextmenu": _P,
    "controls": _P,
    "coords": _P,
    "crossorigin": _U,
    "data": _URL,
    "datetime": _P,
    "default": _P,
    "defer": _U,
    "dir": _P,
    "dirname": _P,
    "disabled": _P,
    "draggable": _P,
    "dropzone": _P,
    "enctype": _U,
    "for": _P,
    "form": _U,
    "formaction": _URL,
    "formenctype": _U,
    "formmethod": _U,
    "formnovalidate": _U,
    "formtarget": _P,
    "headers": _P,
    "height": _P,
    "hidden": _P,
    "high": _P,
    "href": _URL,
    "hreflang": _P,
    "http-equiv": _U,
    "icon": _URL,
    "id": _P,
    "ismap": _P,
    "keytype": _U,
    "kind": _P,
    "label": _P,
    "lang": _P,
    "language": _U,
    "list": _P,
    "longdesc": _URL,
    "loop": _P,
    "low": _P,
    "manifest": _URL,
    "max": _P,
    "maxlength": _P,
    "media": _P,
    "mediagroup": _P,
    "method": _U,
    "min": _P,
    "multiple": _P,
    "name": _P,
    "novalidate": _U,
    "open": _P,
    "optimum": _P,
    "pattern": _U,
    "placeholder": _P,
    "poster": _URL,
    "profile": _URL,
    "preload": _P,
    "pubdate": _P,
    "radiogroup": _P,
    "readonly": _P,
    "rel": _U,
    "required": _P,
    "reversed": _P,
    "rows": _P,
    "rowspan": _P,
    "sandbox": _U,
    "spellcheck": _P,
    "scope": _P,
    "scoped": _P,
    "seamless": _P,
    "selected": _P,
    "shape": _P,
    "size": _P,
    "sizes": _P,
    "span": _P,
    "src": _URL,
    "srcdoc": _HTML,
    "srclang": _P,
    "srcset": _SRCSET,
    "start": _P,
    "step": _P,
    "style": _CSS,
    "tabindex": _P,
    "target": _P,
    "title": _P,
    "type": _U,
    "usemap": _URL,
    "value": _U,
    "width": _P,
    "wrap": _P,
    "xmlns": _URL,
}


def attr_type(name: str) -> ContentType:
    """The content type of attribute ``name`` (lower case) of any element."""
    if name.startswith("data-"):
        name = name[5:]
    else:
        prefix, colon, local = name.partition(":")
        if colon:
            if prefix == "xmlns":
                return _URL
            name = local
    known = _KNOWN.get(name)
    if known is not None:
        return known
    if name.startswith("on"):
        return ContentType.JS
    if "src" in name or "uri" in name or "url" in name:
        return _URL
    return _P
