"""Hypothesis strategies for html/template: templates built of HTML, JS and CSS
fragments with actions and control flow among them, and data for them.

The fragments are chosen to move the escaping context everywhere (tags,
attribute values of each kind, scripts, styles, comments, literals) and to
leave it in odd places, so that many templates fail to escape, with errors.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

FRAGMENTS = [
    "a",
    " ",
    "\n",
    "<p>",
    "</p>",
    "<b ",
    ">",
    '"',
    "'",
    "<a href=",
    '<a href="',
    "<a href='",
    '<a href="/s?q=',
    '<img srcset="',
    '<div style="',
    "<div style=",
    '<a onclick="',
    "<a onclick=",
    ' title="',
    " title=",
    " class=",
    "<script>",
    "</script>",
    '<script type="text/x">',
    "<style>",
    "</style>",
    "<textarea>",
    "</textarea>",
    "<title>",
    "</title>",
    '<meta http-equiv="refresh" content="',
    "<!--",
    "-->",
    "x = ",
    "/",
    "//",
    "/*",
    "*/",
    "`",
    "${",
    "{",
    "}",
    "(",
    ")",
    ";",
    "url(",
    "?",
    "#",
    "=",
    "\\",
    "[",
    "]",
    "&amp;",
    "&quot;",
    "return ",
    "yield ",
    "a.in ",
    "42.",
    "++",
    "<",
    "<x-y ",
    ":",
    "color: ",
    "<!DOCTYPE html>",
    "<img srcset=",
    "<style>p { background: url(",
    '<style>p { font-family: "',
    "<div style=\"background: url('",
    '<meta name="x" content="url=',
    "<textarea>",
    "<script>x = `${",
    "<script>x = /",
    "<script>x = '",
    '<script type="application/ld+json">',
    "<a onclick='x = `",
    "</a>",
    '<iframe srcdoc="',
    '<svg xmlns:x="',
    "&lt;",
    "-",
    ".",
    "#!",
    "<!--x-->",
]
ACTIONS = [
    "{{.X}}",
    "{{.Y}}",
    "{{.N}}",
    "{{.L}}",
    "{{.H}}",
    "{{.U}}",
    "{{.J}}",
    "{{.Missing}}",
    "{{$.X}}",
    "{{.X | html}}",
    "{{html .X}}",
    "{{.X | urlquery}}",
    "{{urlquery .X .N}}",
    "{{print .X .N}}",
    '{{printf "%q" .X}}',
    "{{.L | len}}",
    "{{index .L 0}}",
    "{{$v := .X}}",
    "{{/* c */}}",
    "{{- .X -}}",
    "{{safeHTML .X}}",
    "{{safeURL .X}}",
    "{{safeJS .X}}",
    "{{safeCSS .X}}",
    "{{safeJSStr .X}}",
    "{{safeHTMLAttr .X}}",
    "{{stringer .X}}",
    "{{errval .X}}",
    "{{record .X .N .L}}",
    "{{.M}}",
    "{{.M.k}}",
    '{{printf "%v" .M}}',
    "{{js .X}}",
]
KEYS = ["X", "Y", "T", "F", "L", "N", "H", "U", "J", "M"]
VALUES = [
    "",
    "x",
    "<b>",
    '"',
    "'",
    "&",
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "/;alert(1)//",
    "1;x=1;0",
    "${x}`",
    "a b\nc",
    "expression(x)",
    "\u2028",
    "\u00e9",
    "#x",
    "?a=b&c=d",
]


@st.composite
def _body(draw: st.DrawFn, depth: int) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 9))
        if kind < 5:
            parts.append(draw(st.sampled_from(FRAGMENTS)))
        elif kind < 8 or depth >= 2:
            parts.append(draw(st.sampled_from(ACTIONS)))
        else:
            parts.append(draw(_control(depth + 1)))
    return "".join(parts)


@st.composite
def _control(draw: st.DrawFn, depth: int) -> str:
    body = draw(_body(depth))
    kind = draw(st.sampled_from(["if", "if-else", "range", "range-else", "with", "template"]))
    if kind == "template":
        return draw(st.sampled_from(['{{template "s" .}}', '{{template "s" .X}}']))
    if kind.startswith("range"):
        loop_end = draw(st.sampled_from(["", "{{if .}}{{break}}{{end}}", "{{continue}}"]))
        head = "{{range .L}}"
        body = body + loop_end
    elif kind.startswith("if"):
        head = draw(st.sampled_from(["{{if .T}}", "{{if .F}}"]))
    else:
        head = "{{with .X}}"
    if kind.endswith("else"):
        return head + body + "{{else}}" + draw(_body(depth)) + "{{end}}"
    return head + body + "{{end}}"


@st.composite
def templates(draw: st.DrawFn) -> dict[str, Any]:
    """A case's template: a body and, often, a template "s" it may call."""
    main = draw(_body(0))
    if draw(st.booleans()):
        return {"files": [["t", main], ["s", draw(_body(1))]]}
    return {"template": main}


def _value() -> st.SearchStrategy[Any]:
    text = st.text(alphabet=st.sampled_from(list("ab <>&'\"/\\`${}()=;:#?\n\u2028é")), max_size=8)
    return st.one_of(st.sampled_from(VALUES), text)


def data() -> st.SearchStrategy[dict[str, Any]]:
    """Data with the keys templates() uses; H, U and J hold typed content."""
    return st.fixed_dictionaries(
        {
            "X": _value(),
            "Y": _value(),
            "T": st.just(True),
            "F": st.just(False),
            "L": st.lists(_value(), max_size=3),
            "N": st.sampled_from([0, 42, -1.5, 1e21]),
            "H": _value().map(lambda s: {"$HTML": s}),
            "U": _value().map(lambda s: {"$URL": s}),
            "J": _value().map(lambda s: {"$JS": s}),
            "M": st.dictionaries(st.sampled_from(["k", "<a>", "b c"]), _value(), max_size=3),
        }
    )
