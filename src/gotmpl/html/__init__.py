"""Go's html/template: its typed content for now (gotmpl.html.content); the escaper comes later."""

from .content import CSS, HTML, JS, URL, HTMLAttr, JSStr, Srcset

__all__ = ["CSS", "HTML", "JS", "URL", "HTMLAttr", "JSStr", "Srcset"]
