"""Records tests/data/html_cases.json: html/template cases rendered by Go's html/template.

    python tests/data/record_html_cases.py           # record
    python tests/data/record_html_cases.py --check   # compare with Go, write nothing

Each case is an oracle request for the html engine (see tests/html/harness.py):
every escaping context with ordinary, hostile and typed values, JS's
regexp-or-division rules, JSON-like values, branches, range loops, templates
called in other contexts, every ErrorCode, missingkey options, predefined
escapers, execution errors, and Alertmanager-style mail. The table holds each
case's inputs and Go's ``output``, ``error`` and ``phase`` (and ``after``, the
answers to its ``then`` steps, if it has any); cases Go answers
with a panic or a timeout are left out (and listed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "html"))

from goracle import Oracle  # noqa: E402
from harness import request  # noqa: E402

TABLE = HERE / "html_cases.json"
INPUT_KEYS = (
    "area",
    "template",
    "files",
    "name",
    "delims",
    "options",
    "funcs",
    "data",
    "data_kind",
    "exec",
    "then",
)

# -- where a value can land ------------------------------------------------------------------

# One template per context, "{{.}}" standing for the value.
CONTEXTS = [
    # HTML text and RCDATA
    "{{.}}",
    "<p>{{.}}</p>",
    "<b>a</b> {{.}} <i>b</i>",
    "<textarea>{{.}}</textarea>",
    "<title>{{.}}</title>",
    "<TITLE>x {{.}}</TITLE>",
    # tags and attribute names
    "<div {{.}}>",
    '<div {{.}}="v">',
    "<input {{.}}=1 checked>",
    '<a href="/" {{.}}>',
    # attribute values
    '<div title="{{.}}">',
    "<div title='{{.}}'>",
    "<div title={{.}}>",
    '<div class="a {{.}} b">',
    "<input value={{.}} name=q>",
    '<iframe srcdoc="{{.}}"></iframe>',
    # URL attributes
    '<a href="{{.}}">x</a>',
    "<a href='{{.}}'>x</a>",
    "<a href={{.}}>x</a>",
    '<a href="  {{.}}">x</a>',
    '<a href="/p/{{.}}">x</a>',
    '<a href="/s?q={{.}}&r=1">x</a>',
    '<a href="/s#{{.}}">x</a>',
    '<a href="http://{{.}}.example.com/">x</a>',
    '<img src="{{.}}">',
    '<form action="{{.}}"></form>',
    '<a data-url="{{.}}">x</a>',
    '<a xlink:href="{{.}}">x</a>',
    '<svg xmlns:x="{{.}}"></svg>',
    '<object data="{{.}}"></object>',
    # srcset
    '<img srcset="{{.}}">',
    '<img srcset="a.png 1x, {{.}}">',
    "<img srcset={{.}}>",
    # event handlers
    '<a onclick="f({{.}})">x</a>',
    "<a onclick='x = {{.}}'>x</a>",
    "<a onclick=\"x = '{{.}}'\">x</a>",
    "<button onmouseover=alert({{.}})>x</button>",
    # scripts
    "<script>var x = {{.}};</script>",
    '<script>x = "{{.}}";</script>',
    "<script>x = '{{.}}';</script>",
    "<script>x = /{{.}}/;</script>",
    "<script>x = `{{.}}`;</script>",
    "<script>x = `a${ {{.}} }b`;</script>",
    "<script>x = {{.}} / 2;</script>",
    "<script>// {{.}}\nx = 1;</script>",
    "<script>/* {{.}} */ x = 1;</script>",
    '<script type="text/template">{{.}}</script>',
    '<script type="application/ld+json">{"v": {{.}}}</script>',
    '<script type="module">import {{.}};</script>',
    # regexp or division
    "<script>yield /{{.}}/g</script>",
    "<script>x.in / 1024; const u = {{.}};</script>",
    "<script>return /{{.}}/.test(s)</script>",
    "<script>a++ /{{.}}/ 2</script>",
    "<script>x = 42./{{.}}/i</script>",
    "<script>this.#n / {{.}}</script>",
    # CSS
    "<style>p { color: {{.}} }</style>",
    "<style>p { background: url({{.}}) }</style>",
    '<style>p { background: url("{{.}}") }</style>',
    "<style>p { background: url('{{.}}') }</style>",
    '<style>p { font-family: "{{.}}" }</style>',
    "<style>p::after { content: '{{.}}' }</style>",
    '<div style="color: {{.}}">x</div>',
    "<div style=\"background: url('{{.}}')\">x</div>",
    "<style>/* {{.}} */ p { }</style>",
    # comments and meta
    "<!-- {{.}} -->x",
    '<meta http-equiv="refresh" content="0; url={{.}}">',
    '<meta name="description" content="{{.}}">',
]

# Values: ordinary, hostile and typed ({"$TYPE": text} is html/template's TYPE).
PAYLOADS: list[Any] = [
    "plain text",
    "",
    'O\'Reilly & "Sons" <3',
    '<script>alert("x")</script>',
    "</script><script>alert(1)</script>",
    "<!-- x --> <!--",
    "javascript:alert(document.cookie)",
    " JavaScript:alert(1)",
    "data:text/html,<b>x</b>",
    "http://example.com/a b?c=d&e=<f>#g",
    "mailto:ops@example.com",
    "/path/to?q=1&r=%41%zz#frag",
    '" onmouseover="alert(1)',
    "x onerror=alert(1)",
    "' onload='alert(1)",
    "/;alert(1)//",
    "1;x=1;0",
    "${alert(1)}`",
    "expression(alert(1))",
    "-moz-binding:url(x)",
    "red; background: url(javascript:x)",
    "#c0392b",
    "a.png 2x, javascript:alert(1) 1x",
    "line1\nline2\t\r\u2028\u2029",
    "nul\x00byte",
    "\u00e9\u65e5\u672c \U0001f600 \ufdd0",
    42,
    -1.5,
    True,
    None,
    ["<a>", 2, None],
    {"k": "</script>", "<b>": 1},
    {"$HTML": '<b onclick="x">bold</b> &amp; &lt;'},
    {"$URL": "javascript:trusted()"},
    {"$JS": "f(1)"},
    {"$JSStr": "it\\'s"},
    {"$CSS": "color: red"},
    {"$HTMLAttr": 'dir="rtl"'},
    {"$Srcset": "a.png 1x, b.png 2x"},
]


def context_cases() -> list[dict[str, Any]]:
    return [{"template": t, "data": p} for t in CONTEXTS for p in PAYLOADS]


# -- value kinds, through functions returning Go types -------------------------------------------

VALUE_CONTEXTS = [
    "<p>{{.}}</p>",
    '<p title="{{.}}">',
    "<p title={{.}}>",
    '<a href="{{.}}">',
    '<a href="?q={{.}}">',
    "<script>x = {{.}};</script>",
    "<script>x = '{{.}}';</script>",
    "<script>x = /{{.}}/;</script>",
    "<script>x = `${ {{.}} }`;</script>",
    "<style>p { color: {{.}} }</style>",
    "<style>p { background: url('{{.}}') }</style>",
]
VALUE_PIPELINES = [
    'stringer "<s>"',
    'errval "<e>"',
    'record "<r>" 3 nil',
    'record "r" 0 (record "inner" 1 "x")',
    'float "NaN"',
    'float "+Inf"',
    'float "1e21"',
    'float "0.000001"',
    'float "-0"',
    "mkmap",
    "strs",
    "nothing",
    'echo "x"',
    "1.5",
    "0x10",
    "'a'",
    '"\\u2028"',
    "true",
    "nil | echo",
    'printf "%v" .',
    'print "a" 1 2 "b"',
    'safeHTML "<b>x</b>"',
    'safeURL "javascript:ok()"',
    'safeJS "1+1"',
    'safeJSStr "a\\\\nb"',
    'safeCSS "expression(x)"',
    'safeHTMLAttr "onclick=x"',
    'safeSrcset "j:x 1x"',
    'pair (safeHTML "<i>") "<i>"',
]


def value_cases() -> list[dict[str, Any]]:
    out = []
    for t in VALUE_CONTEXTS:
        for p in VALUE_PIPELINES:
            out.append({"template": t.replace("{{.}}", "{{" + p + "}}"), "funcs": "test"})
    return out


# -- JS: where "/" starts a regexp --------------------------------------------------------------

SLASH_PRECEDERS = [
    "x = a",
    "x = a ",
    "x = 1.",
    "x = 1 .",
    "x = a.",
    "x = a++",
    "x = a--",
    "x = a+",
    "x = a-",
    "x = ---",
    "x = (a)",
    "x = [a]",
    "x = {a:1}",
    "return",
    "x.return",
    "x. return",
    "typeof",
    "x.typeof",
    "yield",
    "x.yield",
    "in",
    "instanceof",
    "void",
    "delete",
    "case",
    "else",
    "do",
    "throw",
    "x = !",
    "x = ~",
    "x = a ?",
    "x = a :",
    "x = a ;",
    "x = a ,",
    "x = a <",
    "x = a >",
    "x = a ==",
    "x = a *",
    "x = a %",
    "x = a &",
    "x = a |",
    "x = a ^",
    "#x",
    "#!x\n",
    "x = $",
    "x = _",
    "x = 'str'",
    'x = "str"',
    "x = `str`",
    "x = /re/",
    "x = a /* c */",
    "x = a // c\n",
    "x = a\u00a0",
    "x = a\u2028",
    "x = \u00e9",
]


def slash_cases() -> list[dict[str, Any]]:
    out = []
    for p in SLASH_PRECEDERS:
        for tail in (" /{{.}}/", " /{{.}}", "{{.}} / {{.}}", " /[a]{{.}}/"):
            out.append({"template": f"<script>{p}{tail}</script>", "data": "/;alert(1)//"})
    return out


# -- text the escaper rewrites or reads --------------------------------------------------------

TEXTS = [
    "a <!-- comment --> b",
    "a <!-- unterminated",
    "<!-- a --><!-- b -->c",
    "x < y and y > z",
    "<!DOCTYPE html><!doctype html>",
    "<p>1 < 2</p>",
    "a</b",
    "<",
    "<<b>",
    "< b>",
    "<a/b c=d>",
    "<textarea><b></textarea>",
    "<title><!-- not a comment --></title>",
    "<script>a = 1 /* c */ + 2; // d\nb = 3;</script>",
    "<script>a /* multi\nline */ b</script>",
    "<script>a /* x\u2028 */ b</script>",
    "<script>x = '<!--'; y = \"</script\" + '<script>';</script>",
    "<script>x = /<\\/script>/; y = `<!-- ${1} <script>`;</script>",
    "<script><!-- html comment\nx = 1 --> also\ny = 2;</script>",
    "<script>#!hashbang\nx</script>",
    "<style>p { /* c */ color: red; } // line\n</style>",
    "<style>a { b: url(x) /* c */ }</style>",
    "<script>var s = '</scr' + 'ipt>';</script>",
    "<div onclick=\"a = 1 /* c */; b = '<!--'\">x</div>",
    "<a href=\"/x\" title='<!--'>y</a>",
    "<SCRIPT>a=1 </ScRiPt>b",
    "<script>a</script >b</script>",
    "<style>a</styled></style>",
    "<textarea>a</textareas></textarea>",
    "<img alt=x/>",
    "<a b c d=e f='g' h=\"i\">",
    "<tag-name:x y>",
    "<x-y--z>",
    "<meta charset=utf-8><p>",
    "<script>`a${b}c`</script>",
    "<script>`${ `${ {a:1} }` }`</script>",
]


def text_cases() -> list[dict[str, Any]]:
    out = []
    for t in TEXTS:
        out.append({"template": t})
        out.append({"template": t + "{{.}}", "data": "<v>"})
    return out


# -- control flow ---------------------------------------------------------------------------------

BRANCHES = [
    "{{if .}}<a>{{else}}<b>{{end}}{{.}}",
    '{{if .}}<a href="{{end}}{{.}}',
    '<a href="{{if .}}/p/{{else}}/s?q={{end}}{{.}}">',
    '<a href="{{if .}}/p/{{else}}/s?q={{end}}">{{.}}</a>',
    "<script>{{if .}}x = 1{{end}} /{{.}}/</script>",
    "<script>{{if .}}x = 1;{{else}}x = 2;{{end}} /{{.}}/</script>",
    "<script>{{if .}}a{{else}}(b){{end}} / {{.}}</script>",
    "<p title={{if .}}{{.}}{{end}}>",
    "<p title={{if .}}x{{end}}>",
    "<p {{if .}}title{{end}}={{.}}>",
    '<p {{if .}}title="{{.}}"{{end}}>',
    '<script {{with .}}type="{{.}}"{{end}}>x</script>',
    "{{with .}}<i>{{.}}</i>{{else}}<b>none</b>{{end}}",
    "{{range .}}<li>{{.}}</li>{{end}}",
    "{{range .}}<li>{{.}}{{else}}<p>empty</p>{{end}}",
    "<ul>{{range .}}<li>{{.}}{{end}}</ul>",
    "{{range .}}<a href='{{.}}'>{{end}}",
    "{{range .}}<a href='{{.}}{{end}}'>",
    "<script>var x = [{{range .}}'{{.}},{{end}}]</script>",
    "<script>var x = [{{range .}}{{.}},{{end}}]</script>",
    "<script>{{range .}}a{{.}}{{end}}</script>",
    "{{range .}}{{if .}}<b>{{break}}{{end}}</b>{{end}}",
    "{{range .}}{{if .}}<b>{{continue}}{{end}}</b>{{end}}",
    "{{range .}}{{if .}}{{break}}{{end}}<b>{{end}}",
    "{{range .}}<a{{if .}}{{end}}>{{end}}",
    "{{range .}}<a{{if .}}{{continue}}{{end}}>{{end}}",
    "{{range $i, $v := .}}{{if $i}}, {{end}}<b>{{$v}}</b>{{end}}",
    "{{range .}}{{range .}}{{break}}<a{{end}}>{{end}}",
    "<script>`{{range .}}${ {{.}} }{{end}}`</script>",
    "<script>`${ {{range .}}{ {{end}} }`</script>",
    "<script>`${ {{if .}}{{else}}{{end}} }`</script>",
    "<script>`${ {{if .}}{ {{else}}{{end}} }`</script>",
    "<script>x = `{{if .}}`{{end}}</script>",
    "{{if .}}<!--{{end}}x",
    "{{if .}}<script>{{else}}<style>{{end}}</script>",
    '<a href="{{if .}}?{{end}}{{.}}">',
    '<a href="x{{if .}}#{{end}}{{.}}">',
]
BRANCH_DATA: list[Any] = [None, "<x>", ["a", "<b>", ""], [["x"], []], 0]


def branch_cases() -> list[dict[str, Any]]:
    return [{"template": t, "data": d} for t in BRANCHES for d in BRANCH_DATA]


# -- templates called in other contexts --------------------------------------------------------

TEMPLATE_SETS: list[dict[str, Any]] = [
    {"template": '{{define "v"}}{{.}}{{end}}<p>{{template "v" .}}</p>'},
    {"template": '{{define "v"}}{{.}}{{end}}<a href="{{template "v" .}}">'},
    {"template": '{{define "v"}}{{.}}{{end}}<a title={{template "v" .}}>'},
    {"template": '{{define "v"}}{{.}}{{end}}<script>x = {{template "v" .}}</script>'},
    {"template": '{{define "v"}}{{.}}{{end}}<script>x = "{{template "v" .}}"</script>'},
    {"template": '{{define "v"}}{{.}}{{end}}<style>p { color: {{template "v" .}} }</style>'},
    {"template": '{{define "v"}}{{.}}{{end}}<script>`${ {{template "v" .}} }`</script>'},
    {"template": '{{define "v"}}{{.}}{{end}}<a href="?q={{template "v" .}}">{{template "v" .}}'},
    {"template": '{{define "v"}}<b>{{.}}</b>{{end}}<a href="{{template "v" .}}">'},
    {"template": '{{define "open"}}<a href="{{end}}{{template "open"}}{{.}}">'},
    {"template": '{{define "attrs"}}title="{{.}}"{{end}}<p {{template "attrs" .}}>'},
    {"template": '{{define "attrs"}}title={{.}}{{end}}<p {{template "attrs" .}}>'},
    {"template": '{{template "missing" .}}'},
    {"template": '<a href="{{template "missing"}}">'},
    {"files": [["t", '{{template "e" .}}'], ["e", ""]]},
    {"files": [["t", '<script>{{template "e" .}}</script>'], ["e", "{{.}}"]]},
    {
        "template": '{{define "r"}}{{if .}}<b>{{template "r" (slice . 1)}}</b>{{end}}{{end}}{{template "r" .}}'
    },
    {
        "template": '{{define "r"}}{{if .}}{{template "r" (slice . 1)}}{{end}}<a{{end}}{{template "r" .}}'
    },
    {
        "template": '{{define "r"}}{{if .}}{{template "r" (slice . 1)}}{{.}}",{{end}}{{end}}<script>{{template "r" .}}</script>'
    },
    {
        "template": '{{define "t2"}}{{.}}{{end}}{{template "t2" .}}<a href="{{template "t2" .}}">{{template "t2" .}}</a>'
    },
    {"template": '{{block "b" .}}<i>{{.}}</i>{{end}}<a href="{{block "c" .}}{{.}}{{end}}">'},
    {
        "files": [
            ["t", '<p>{{template "a" .}}</p>'],
            ["a", '<a href="{{.}}">{{template "b" .}}</a>'],
            ["b", "<i>{{.}}</i>"],
        ]
    },
    {"files": [["t", '{{template "a" .}}'], ["a", '<a href="']]},
    {"files": [["t", '<script>x = {{template "a" .}}</script>'], ["a", "'{{.}}"]]},
    {
        "files": [
            ["page", '<a href="{{template "u" .}}">{{template "u" .}}</a>'],
            ["u", "/x?y={{.}}"],
        ],
        "name": "page",
    },
    {"files": [["t", "<b>{{.}}</b>"], ["u", '<a href="{{.}}">']], "exec": "u"},
    {"files": [["t", "<b>{{.}}</b>"], ["u", "<a"]], "exec": "u"},
    {"files": [["t", "<b>{{.}}</b>"]], "exec": "nope"},
    {"files": [["t", '{{define "d"}}{{end}}x']], "exec": "d"},
    {"template": '{{define "x"}}<script>{{end}}{{template "x"}}'},
    {
        "template": '{{define "j"}}{{.}}{{end}}<a onclick="{{template "j" .}}" href="{{template "j" .}}" style="{{template "j" .}}">'
    },
]
TEMPLATE_DATA: list[Any] = ["<x y='z'>", ["a", "b"], "javascript:x()"]


def template_cases() -> list[dict[str, Any]]:
    return [{**s, "data": d} for s in TEMPLATE_SETS for d in TEMPLATE_DATA]


# -- errors: every ErrorCode, and their neighbours -----------------------------------------------

ERRORS = [
    '<a href="{{if .}}/p/{{else}}/s?q={{end}}{{.}}">',  # ambiguous URL
    "<style>p { background: url('{{if .}}x{{else}}?{{end}}{{.}}') }</style>",
    '<a "x">',  # bad HTML
    '<a b"c=d>',
    "<a b<c>",
    '<a href=x"{{.}}>',
    "<a href=x'y>",
    "<a href=x=y {{.}}>",
    "<a =b>",
    "<a b=c` {{.}}>",
    "<a {{.}}'x'>",
    "{{if .}}<a{{end}}",  # branch end
    "{{with .}}<script>{{end}}x",
    "<a",  # end context
    '<a href="x',
    "<script>x",
    "<style>",
    "<!-- x",
    "<textarea>",
    "<script>/* x",
    "<div title='",
    '{{template "x"}}',  # no such template
    "<script>x = /[{{.}}]/</script>",  # partial charset
    "<script>x = /[a</script>",
    '<script>x = "\\{{.}}"</script>',  # partial escape
    "<script>x = `\\{{.}}`</script>",
    "<style>p { content: '\\{{.}}' }</style>",
    "<script>x = '\\</script>",
    "<script>{{range .}}'{{end}}</script>",  # range re-entry
    "{{range .}}<a {{end}}>",
    "<script>{{if .}}x{{else}}(y){{end}} /x/ {{.}}</script>",  # slash ambiguity
    "{{. | html | print}}",  # predefined escaper
    "{{urlquery . | html}}",
    "<a title={{. | html}}>",
    "<a title={{html .}}>",
    "{{range .}}{{break}}{{end}}{{. | html | urlquery}}",
    '{{define "t"}}{{if .}}{{template "t" .}}{{end}}{{.}}",{{end}}<script>{{template "t" .}}</script>',
    "<p {{.}}",
    "{{.}}<script",
    # Errors at an action whose first term has fields: Go points at its first token.
    "<style>p { background: url({{with .}}{{with .}}a{{end}}{{$.M.k}}{{end}}",
    "{{ .M.k | html | print }}",
    "<a href='{{if .}}?{{end}}{{ (.M).k }}'>",
]


def error_cases() -> list[dict[str, Any]]:
    return [{"template": t, "data": ["a"]} for t in ERRORS]


# -- predefined escapers, missing keys, execution errors -----------------------------------------

PREDEFINED = [
    "{{. | html}}",
    "{{html .}}",
    "{{html . 1 nil}}",
    "{{urlquery .}}",
    "{{urlquery . .}}",
    '<a href="{{. | urlquery}}">',
    '<a href="?q={{. | urlquery}}">',
    '<a href="{{. | html}}">',
    '<a title="{{. | html}}">',
    '<a title="{{html . .}}">',
    "<textarea>{{. | html}}</textarea>",
    "<script>{{. | html}}</script>",
    "<script>x = '{{. | urlquery}}'</script>",
    "{{.Missing | html}}",
    "{{html .Missing}}",
    "{{html .Missing .Missing}}",
    "{{js .}}",
    "<script>{{js .}}</script>",
    '{{print . | printf "%q"}}',
]
MISSING = [
    "{{.Missing}}",
    "<p title='{{.Missing}}'>",
    "<p title={{.Missing}}>",
    "<a href='{{.Missing}}'>",
    "<a href='?q={{.Missing}}'>",
    "<script>x = {{.Missing}}</script>",
    "<script>x = '{{.Missing}}'</script>",
    "<style>p { color: {{.Missing}} }</style>",
    "{{.M.Missing}}",
    '{{index .M "missing"}}',
    "{{.Nil}}",
    "<script>{{.Nil}}</script>",
    "{{print .Missing}}",
    '{{printf "%v|%s" .Missing .Nil}}',
    "{{.Missing | len}}",
]
MISSING_OPTIONS = [[], ["missingkey=default"], ["missingkey=zero"], ["missingkey=error"]]
EXEC_ERRORS = [
    "{{.S.X}}",
    "<a href='{{.S.X}}'>",
    "<script>{{index .L 9}}</script>",
    "<p title={{len 3}}>",
    '{{fail "boom<"}}',
    "<script>x = '{{fail \"e\"}}'</script>",
    "{{call .S}}",
    '{{template "t" .}}',
    '{{.S | printf "%d"}}',
    "<a onclick='{{nothing.X}}'>",
    "{{range .S}}{{end}}",
    "{{$x := .S}}<b>{{$x.Y}}</b>",
]


DELIMS = [
    ("<%", "%>", '<a href="<% . %>"><% . %></a><script>x = <% . %></script>'),
    ("[[", "]]", '[[define "v"]][[.]][[end]]<p title=[[template "v" .]]>[[if .]]<i>[[end]]'),
    ("{{", "}}", '{{.}}<a href="{{if .}}x{{else}}?{{end}}{{.}}">'),
    ("((", "))", "<script>x = /((.))/; y = ((.)) / 2</script>"),
]


def misc_cases() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for left, right, text in DELIMS:
        for d in ("javascript:x", "<b>"):
            out.append({"template": text, "delims": [left, right], "data": d})
    for t in PREDEFINED:
        for d in ("a <b> & 'c'+d", None):
            out.append({"template": t, "data": d})
    data = {"M": {"k": "v"}, "Nil": None, "S": "str", "L": [1, 2]}
    for t in MISSING:
        for options in MISSING_OPTIONS:
            out.append({"template": t, "options": options, "data": data})
    for t in EXEC_ERRORS:
        out.append({"template": t, "funcs": "test", "data": data})
    return out


# -- Alertmanager-style HTML mail ---------------------------------------------------------------

ACME = HERE / "acme"
MAIL_FILES = ["acme_common.tmpl", "acme_mail.tmpl"]
FULL_MAIL = "acme_mail_full.tmpl"  # the benchmark's mail, standalone


def alert_data(hostile: bool) -> dict[str, Any]:
    """A small alert group; hostile: labels, annotations and URLs that attack the mail."""
    bad = '<script>alert("x")</script>' if hostile else ""
    url = "javascript:alert(document.cookie)" if hostile else "https://prom.example.com/graph?g0=up"
    alerts = []
    for i, status in enumerate(("firing", "firing", "resolved")):
        alerts.append(
            {
                "status": status,
                "labels": {
                    "alertname": f"DiskFull{bad}",
                    "instance": f"db-{i}:9100" + ('" onmouseover="x' if hostile else ""),
                    "severity": "critical",
                },
                "annotations": {
                    "summary": f"Disk {90 + i}% full"
                    + (" <img src=x onerror=alert(1)>" if hostile else ""),
                    "runbook": "https://runbooks.example.com/disk"
                    if not hostile
                    else "data:text/html,x",
                },
                "startsAt": f"2025-06-03T14:0{i}:00Z",
                "endsAt": "0001-01-01T00:00:00Z" if status == "firing" else "2025-06-03T15:00:00Z",
                "generatorURL": url,
                "fingerprint": f"f{i}",
            }
        )
    return {
        "receiver": "mail" + ("</title><script>x</script>" if hostile else ""),
        "status": "firing",
        "alerts": alerts,
        "groupLabels": {"alertname": f"DiskFull{bad}"},
        "commonLabels": {"alertname": f"DiskFull{bad}", "severity": "critical"},
        "commonAnnotations": {},
        "externalURL": url,
    }


AM_TEMPLATES = [
    "{{ .CommonLabels.alertname }}",
    '<a href="{{ .ExternalURL }}">{{ .Receiver }}</a>',
    '{{ range .Alerts }}<a href="{{ .GeneratorURL }}">{{ .Labels.alertname }}</a>{{ end }}',
    "{{ range .Alerts }}{{ .Annotations.summary | safeHtml }}{{ end }}",
    '{{ range .Alerts }}<a href="{{ .GeneratorURL | safeUrl }}">x</a>{{ end }}',
    "<script>var data = {{ .CommonLabels }};</script>",
    "<script>var alerts = {{ .Alerts }};</script>",
    "<script>var n = {{ len .Alerts }}, s = '{{ .Status | toUpper }}';</script>",
    '<p title="{{ .CommonLabels.SortedPairs }}">{{ .GroupLabels.Values }}</p>',
    '{{ range .Alerts.Firing }}<tr><td>{{ .StartsAt }}</td><td>{{ .Labels.Remove (stringSlice "severity") }}</td></tr>{{ end }}',
    "<style>.x { color: {{ .CommonLabels.severity }} }</style>",
    '{{ .Missing }}|{{ .CommonLabels.missing }}|{{ index .CommonAnnotations "none" }}',
    '<a href="{{ .ExternalURL }}/#/alerts?receiver={{ .Receiver | urlquery }}">go</a>',
    "{{ toJson .CommonLabels }}",
    "<script>x = {{ toJson .CommonLabels }}</script>",
    "<script>var d = {{ . }};</script>",
    "<p title='{{ . }}'>{{ .Alerts.Firing }}</p>",
    "<script>x = {{ .Alerts.Firing | len }} / {{ (index .Alerts 0).StartsAt }};</script>",
    "<a href='{{ (index .Alerts 0).StartsAt }}'>{{ (index .Alerts 0).StartsAt.Unix }}</a>",
    "<script>{{ .CommonLabels.SortedPairs }}</script>",
]


def alertmanager_cases() -> list[dict[str, Any]]:
    files = [[name, (ACME / name).read_text(encoding="utf-8")] for name in MAIL_FILES]
    full = [[FULL_MAIL, (ACME / FULL_MAIL).read_text(encoding="utf-8")]]
    out = []
    for hostile in (False, True):
        data = alert_data(hostile)
        base = {"funcs": "alertmanager", "data": data, "data_kind": "alertmanager"}
        out.append({**base, "files": files, "exec": "acme.email.html"})
        out.append({**base, "files": full, "exec": "acme.full.html"})
        out.append({**base, "files": full, "exec": "acme.full.subject"})
        for t in AM_TEMPLATES:
            out.append({**base, "template": t})
    return out


# -- the API around escaping: a set escapes on first execution, then is closed -----------------

API = [
    {"files": [["a", "<b>{{.}}</b>"]], "name": "t"},
    {"files": [["a", "<b>{{.}}</b>"]], "name": "t", "exec": "t"},
    {"files": [["a", "<b>{{.}}</b>"]], "name": "t", "exec": "a"},
    {"files": [["t", '{{define "a"}}x{{end}}']], "exec": "a"},
    {"files": [["t", ""]]},
    {"files": [["t", "{{/* only a comment */}}"]]},
    {"files": [["t", "a"], ["t", ""]]},
    {"files": [["t", '{{template "a"}}'], ["a", '{{define "b"}}{{end}}']]},
    {"files": [["t", '{{template "b"}}'], ["a", '{{define "b"}}{{end}}']]},
    {"template": '{{template "t"}}'},
    {"template": '{{define "t"}}<a>{{end}}'},
]
THEN = [
    ["parse:{{.}}"],
    ["clone"],
    [
        "templates",
        "lookup:t",
        "lookup:a",
        "lookup:a$htmltemplate_stateURL_delimDoubleQuote_attrURL",
    ],
    ["exec:t", "exec:t", "exec:a", "exec:nope"],
    ["new:n", "parse:x", "exec:n"],
    ["new:a", "exec:a", "templates"],
]


def api_cases() -> list[dict[str, Any]]:
    out = [{**case, "data": "<x>"} for case in API]
    calls = {"files": [["t", '<a href="{{template "a" .}}">{{template "a" .}}'], ["a", "{{.}}"]]}
    for steps in THEN:
        for case in (*API[:3], calls):
            out.append({**case, "data": "<x>", "then": steps})
    return out


AREAS = {
    "contexts": context_cases,
    "values": value_cases,
    "slash": slash_cases,
    "texts": text_cases,
    "branches": branch_cases,
    "templates": template_cases,
    "errors": error_cases,
    "misc": misc_cases,
    "alertmanager": alertmanager_cases,
    "api": api_cases,
}


def cases() -> list[dict[str, Any]]:
    """Every case, its area included."""
    return [{"area": area, **case} for area, make in AREAS.items() for case in make()]


def case_id(case: dict[str, Any]) -> str:
    inputs = json.dumps({k: case[k] for k in INPUT_KEYS if k in case}, sort_keys=True)
    return case["area"] + "-" + hashlib.sha256(inputs.encode()).hexdigest()[:12]


def record(oracle: Oracle | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """The table's entries, and notes on the cases left out."""
    all_cases = cases()
    if oracle is None:
        with Oracle() as own:
            results = own.run_many([request(c) for c in all_cases])
    else:
        results = oracle.run_many([request(c) for c in all_cases])
    entries, left_out = [], []
    seen = set()
    for case, result in zip(all_cases, results, strict=True):
        cid = case_id(case)
        if cid in seen:
            continue
        seen.add(cid)
        if result["phase"] not in (None, "parse", "exec", "option"):
            left_out.append(f"{cid}: {result['phase']}: {result['error']}")
            continue
        entries.append(
            {
                "id": cid,
                **{k: case[k] for k in INPUT_KEYS if k in case},
                "output": result["output"],
                "error": result["error"],
                "phase": result["phase"],
                **({"after": result["then"]} if "then" in result else {}),
            }
        )
    return entries, left_out


def dump(entries: list[dict[str, Any]]) -> str:
    """One entry per line."""
    lines = []
    for e in entries:
        line = json.dumps(e, ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # output that is not UTF-8
            line = json.dumps(e)
        lines.append(line)
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with Go, write nothing")
    args = parser.parse_args()
    entries, left_out = record()
    for note in left_out:
        print("left out", note, file=sys.stderr)
    text = dump(entries)
    old = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
    print(f"{len(entries)} cases, {'unchanged' if old == text else 'changed'}")
    if args.check:
        return 0 if old == text else 1
    TABLE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
