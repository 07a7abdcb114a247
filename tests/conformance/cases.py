"""The conformance cases: templates, data and options, grouped by area.

Only inputs live here; the expected results are recorded from real Go by
``record.py`` into ``<area>.json`` beside this file. Each area is a function
returning a list of case dicts with the oracle's request fields:

    template   the text to parse (or ``files``: [[name, text], ...], parsed in turn)
    data       JSON-able data (omit for nil); whole numbers are Go ints
    options    Option(...) strings, e.g. ["missingkey=error"]
    funcs      "test" for tests/oracle/testfuncs.go (tests/testfuncs.py in Python)
    delims     [left, right]
    name       the template's name (default "")
    exec       run ExecuteTemplate(exec) instead of Execute

Tables are generated where the area is a product (verbs x values x flags);
hand-written cases cover the rest. Duplicates are dropped by ``all_cases``.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["AREAS", "Case", "all_cases", "c", "case_id"]

Case = dict[str, Any]

_NO_DATA = object()


def c(
    template: str | None,
    data: Any = _NO_DATA,
    *,
    options: list[str] | None = None,
    funcs: str | None = None,
    delims: tuple[str, str] | list[str] | None = None,
    name: str | None = None,
    exec: str | None = None,
    files: list[tuple[str, str]] | None = None,
) -> Case:
    """One case; only the given fields are set."""
    case: Case = {}
    if files is not None:
        case["files"] = [list(f) for f in files]
    else:
        assert template is not None
        case["template"] = template
    if data is not _NO_DATA:
        case["data"] = data
    if options:
        case["options"] = list(options)
    if funcs:
        case["funcs"] = funcs
    if delims is not None:
        case["delims"] = list(delims)
    if name is not None:
        case["name"] = name
    if exec is not None:
        case["exec"] = exec
    return case


def tf(template: str, data: Any = _NO_DATA, **kw: Any) -> Case:
    """A case with the "test" function set."""
    return c(template, data, funcs="test", **kw)


# Operands of every kind a builtin can meet, with the data that defines them.
SHAPES = [
    "0", "1.5", '"s"', "true", "nil", ".n", ".missing", ".l", ".m", '(index "a" 0)', "1i", "'x'",
    ".e", "$", ".em", '""',
]  # fmt: skip
SHAPE_DATA = {"n": None, "l": [1, "a"], "m": {"k": 1}, "e": [], "em": {}}


def shape_sweep(*templates: str) -> list[Case]:
    """Each template (with X standing for an operand) over every operand shape."""
    return [c(t.replace("X", shape), SHAPE_DATA) for t in templates for shape in SHAPES]


# ---------------------------------------------------------------------------------------
# text and trim markers


def text_trim() -> list[Case]:
    """Plain text, {{- -}} trimming (incl. {{-3}}), comments, custom delimiters."""
    out: list[Case] = []
    for text in [
        "",
        "hello",
        "héllo wörld ✓ 日本",
        "line1\nline2\n",
        "  spaced  \n\t",
        "a}}b",
        "a{b}c",
        "{ {",
        "}}{",
        "{{",
        "a{{",
        "\r\n\r\n",
        "emoji 😀 text",
        "NUL\x00byte",
    ]:
        out.append(c(text))
    # Only ASCII space, tab, CR and LF are trimmed.
    for space in ["\u00a0", "\u2003", "\v", "\f", "\u0085", " \u3000 "]:
        out.append(c("a" + space + "{{- 1 -}}" + space + "b"))
        out.append(c("a {{-" + space + "1" + space + "-}} b"))
    contexts = [
        ("a", "b"),
        ("a ", " b"),
        ("a \n\t", "\n\t b"),
        ("a\r\n", "\r\nb"),
        ("  ", "  "),
        ("x\n\n", "\n\ny"),
    ]
    forms = ["{{- 1 -}}", "{{- 1}}", "{{1 -}}", "{{1}}"]
    for (left, right), form in itertools.product(contexts, forms):
        out.append(c(left + form + right))
    for tmpl in [
        "{{-3}}",
        "{{- 3}}",
        "{{3 -}}",
        "{{3-}}",
        "{{-3-}}",
        "{{- -3 -}}",
        "a {{-3}} b",
        "a {{- -3}} b",
        "a {{3 -}} b",
        "a {{-\t3\t-}} b",
        "a {{-\n3\n-}} b",
        "a {{-\r3\r-}} b",
        "a {{-.}} b",
        "a {{- . -}} b",
        "{{-}}",
        "{{- -}}",
        "{{ -}}",
        "{{-.5}}",
        "a {{- -.5 -}} b",
        'a  {{- "" -}}  b',
        "{{1}} \n {{- 2}}",
        "{{1 -}} \n {{2}}",
        "{{- 1 -}}{{- 2 -}}",
        "x {{- /* c */ -}}",
    ]:
        out.append(c(tmpl, 7))
    for tmpl in [
        "a {{/* c */}} b",
        "a {{- /* c */ -}} b",
        "a {{- /* c */}} b",
        "a {{/* c */ -}} b",
        "a {{/*c*/}} b",
        "{{/* multi\nline\ncomment */}}x",
        "{{/**/}}",
        "{{/* c */ }}",
        "{{ /* c */ }}",
        "{{-/* c */-}}",
        "{{/* c */-}}",
        "{{/* c",
        "{{/* c */ 1}}",
        "{{/* {{nested}} */}}ok",
        "{{if true}}{{/* x */}}y{{end}}",
        "a\n{{- /* strip both */ -}}\nb",
        "{{/* c */}}{{/* d */}}",
        "{{- /* c */ -}}",
        "{{/* a */ -}}   \n  {{/* b */}}",
    ]:
        out.append(c(tmpl))
    delim_cases: list[tuple[tuple[str, str], str, Any]] = [
        (("[[", "]]"), "[[.a]] {{.a}}", {"a": 1}),
        (("[[", "]]"), "x [[- .a -]] y", {"a": 1}),
        (("[[", "]]"), "[[/* c */]]z", None),
        (("[[", "]]"), "x [[- /* c */ -]] y", None),
        (("[[", "]]"), "[[if .a]]yes[[else]]no[[end]]", {"a": True}),
        (("[[", "]]"), "[[range .]][[.]],[[end]]", [1, 2, 3]),
        (("[[", "]]"), "[[.a]", {"a": 1}),
        (("[[", "]]"), '[[ print "]]" ]]', None),
        (("<%", "%>"), "<% .a %> and <%- .a -%>!", {"a": "v"}),
        (("{%", "%}"), '{% printf "%d" 5 %}', None),
        (("{{{", "}}}"), "{{{.a}}}", {"a": 2}),
        (("<<", ">>"), "<<.>> << . >>", "d"),
        (("«", "»"), "«.a» «- .a -» ok", {"a": "u"}),
        (("(", ")"), "(.a)", {"a": 3}),
        (("(", ")"), "(print (1))", None),
        (("", ""), "{{.a}}", {"a": 4}),
        (("[[", ""), "[[.a}}", {"a": 5}),
        (("", "]]"), "{{.a]]", {"a": 6}),
        (("%%", "%%"), "%%.a%% %%- .a -%%", {"a": 7}),
        (("<!--", "-->"), "<!-- .a -->", {"a": 8}),
        (("[[", "]]"), '[[define "t"]]T[[end]][[template "t"]]', None),
        (("[[", "]]"), "[[- 3]] [[-3]]", None),
        (("[", "]"), "[index . 0]", [9]),
        (("[", "]"), "[.]", "a]b"),
        (("/*", "*/"), "/*/* c */*/x", None),
        (("/*", "*/"), "/* . */", 1),
        (("{ ", " }"), "{ . }", 2),
        (("{{", "-}}"), "{{ . -}}", 3),
        (("{{", "-}}"), "a {{- . -}} b", 3),
        (("{{-", "}}"), "{{- . }}", 4),
        (("$", "$"), "$.$", 5),
        (("ab", "ab"), "xab.abx", 6),
        (("{{", "}}"), "{{.}}", 7),
        (("\n", "\n"), "a\n.\nb", 8),
    ]
    for delims, tmpl, data in delim_cases:
        out.append(c(tmpl, data, delims=delims))
    realistic = [
        ("{{range .}}\n  {{- .}}\n{{end}}", [1, 2, 3]),
        ("{{range .}}{{.}}, {{end}}", ["a", "b"]),
        ("{{range $i, $e := .}}{{if $i}}, {{end}}{{$e}}{{end}}", ["x", "y", "z"]),
        ("<ul>\n{{- range .}}\n  <li>{{.}}</li>\n{{- end}}\n</ul>\n", ["one", "two"]),
        ("Hello, {{.name -}} !\n", {"name": "World"}),
        ("{{- if .ok}}\n  ok\n{{- else}}\n  not ok\n{{- end}}\n", {"ok": True}),
        ("{{- if .ok}}\n  ok\n{{- else}}\n  not ok\n{{- end}}\n", {"ok": False}),
        ("key: {{ .k }}\nvalue: {{ .v }}\n", {"k": "K", "v": 1.5}),
    ]
    for tmpl, data in realistic:
        out.append(c(tmpl, data))
    return out


# ---------------------------------------------------------------------------------------
# literals

NUMBERS = [
    "0", "42", "-7", "+7", "1_000", "0x1F", "0X1f", "0x_1F", "0o17", "0O17", "017", "0_17",
    "0b101", "0B1_01", "1__0", "08", "09", "0x", "0b", "0o", "0b2", "0o8", "1.5", ".5", "5.",
    "-.5", "+.5", "1e3", "1E3", "1e+3", "1e-3", "1.5e10", "1_0.5", "0x1p4", "0x1.8p1",
    "0X1P-2", "0x1p", "0x1.8", "1e", "1e+", "1i", "2.5i", "0i", "-1i", "0x10i", "1e3i", "1+2i",
    "1-2i", "1.5+2.5i", "0+0i", "1+2", "1+2j", "9223372036854775807", "9223372036854775808",
    "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
    "18446744073709551616", "1e308", "1e309", "-1e309", "4.9e-324", "1e-400", "0.1", "1.0",
    "-0", "-0.0", "00", "0.", "1_", "_1", "0x_", "1.2.3", "3k", "0xg", "1e3.5", "1e100",
    "0x7fffffffffffffff", "0xFFFFFFFFFFFFFFFF", "-0x8000000000000000", "1_000.000_1", "0.0e0",
    "123456789012345678901234567890.0", "0x1p-1074", "0x1.fffffffffffffp1023", "1e-320",
    "0.000000000000000000001", "1_2.3_4e1_0", "0x_1p0", "0b1.1", "0o1.1", "01.5", "09e1", "0e0",
    "0.e1", "1.e-1", "-0x1p-2", "+0x10", "0X1P+2", "1e+308", "1.7976931348623159e308",
    "4.9406564584124654e-324", "2.4703282292062327e-324", "1e-324", "0x1p2i", "1_0i", "0o17i",
    "017i", "0x1p1024", "1e3_0", "1_e3", "0x1_p3", "0x.8p1", "0x1.p1", "99999999999999999999",
]  # fmt: skip

CHARS = [
    "'a'", "'\\n'", "'\\''", "'\"'", "'\\x41'", "'\\u00e9'", "'\\U0001F600'", "'\\101'", "'é'",
    "'ab'", "''", "'\\q'", "'a", "'\\'", "'\\400'", "'\\xZZ'", "'\\uD800'", "'\\t'", "'\\\\'",
    "' '", "'😀'", "'\\x80'", "'\\u0000'", "'\\U0010FFFF'", "'\\U00110000'", "'\\0'", "'\\777'",
    "'\\377'", "'\\a'", "'\\\"'", "'\\xff'",
]  # fmt: skip

STRINGS = [
    '""', '"abc"', '"a\\tb"', '"\\a\\b\\f\\n\\r\\t\\v"', '"\\\\"', '"\\""', "\"\\'\"",
    '"\\x41\\x42"', '"\\xff"', '"\\u00e9"', '"\\U0001F600"', '"\\101\\102"', '"\\400"', '"\\q"',
    '"\\u12"', '"\\uD800"', '"日本語"', '"a', '"a\nb"', '"\\"', '"\\x4"', '"\\000"', '"}}"',
    '"{{"', "`a\\nb`", '`with "quotes"`', "`multi\nline`", "`cr\r\nlf`", "`\r`", "`unterminated", "``", "`\\`",
    "`}}`", "`a`b`", '"\\U00110000"', '"\\xc3\\xa9"', '"tab\there"',
]  # fmt: skip


def literals() -> list[Case]:
    """Every Go number form, string and char escapes, raw strings, true/false/nil."""
    out: list[Case] = []
    for n in NUMBERS:
        out.append(c("{{" + n + "}}"))
        out.append(c('{{printf "%T %v" ' + n + " " + n + "}}"))
    for ch in CHARS:
        out.append(c("{{" + ch + "}}"))
        out.append(c('{{printf "%T %q %c" ' + ch + " " + ch + " " + ch + "}}"))
    for s in STRINGS:
        out.append(c("{{" + s + "}}"))
        out.append(c('{{printf "%q" ' + s + "}}"))
    for tmpl in [
        "{{true}}",
        "{{false}}",
        "{{nil}}",
        '{{printf "%v %v %v" true false nil}}',
        '{{printf "%T %T" true nil}}',
        "{{true.x}}",
        "{{True}}",
        "{{print nil}}",
        "{{if nil}}x{{end}}",
        "{{1 2}}",
        '{{"a" "b"}}',
        "{{true false}}",
        "{{nil 1}}",
        '{{print 1 2.0 "s" true nil}}',
        '{{printf "%v" 1e21}}',
        "{{1e21}} {{1e20}} {{1e-5}} {{100.0}} {{1.5e300}}",
        "{{-0.0}} {{0.0}} {{-0}}",
        '{{printf "%T" (1)}}',
        "{{(1.5)}}",
        "{{ 'x' }}{{ \"y\" }}{{ `z` }}",
    ]:
        out.append(c(tmpl))
    return out


# ---------------------------------------------------------------------------------------
# fields

FIELD_DATA = {
    "a": {
        "b": {"c": "deep"},
        "n": None,
        "i": 1,
        "l": [1, 2, {"x": "lx"}],
        "s": "str",
        "e": {},
        "f": 2.5,
        "t": True,
    },
    "top": "T",
    "nil": None,
    "A": 1,
    "_u": 2,
    "ñ": 3,
    "a1": 4,
    "f": 1.5,
    "t": True,
    "list": [{"k": "v0"}, {"k": "v1"}],
}


def fields() -> list[Case]:
    """Map fields, nesting, missing keys, nil values, non-map receivers, chains."""
    out: list[Case] = []
    d = FIELD_DATA
    for tmpl in [
        "{{.top}}",
        "{{.a.b.c}}",
        "{{.a.b}}",
        "{{.a}}",
        "{{.a.n}}",
        "{{.a.n.x}}",
        "{{.a.i.x}}",
        "{{.a.s.x}}",
        "{{.a.l.x}}",
        "{{.a.f.x}}",
        "{{.a.t.x}}",
        "{{.f.x}}",
        "{{.missing}}",
        "{{.missing.x}}",
        "{{.missing.x.y}}",
        "{{.a.missing}}",
        "{{.a.e.x}}",
        "{{.a.b.c.d}}",
        "{{.A}}",
        "{{._u}}",
        "{{.ñ}}",
        "{{.a1}}",
        "{{.nil}}",
        "{{.nil.x}}",
        "{{$.top}}",
        "{{$.a.b.c}}",
        "{{with .a}}{{$.top}}{{.i}}{{end}}",
        "{{range .list}}{{.k}}{{$.top}}{{end}}",
        "{{(.a).i}}",
        "{{(.a.b).c}}",
        "{{(index .a.l 2).x}}",
        '{{(index .a "b").c}}',
        "{{(index .list 1).k}}",
        "{{$x := .a}}{{$x.b.c}}",
        "{{$x := .a}}{{$x.nope}}",
        "{{$x := .a.n}}{{$x.y}}",
        "{{.a.i 1}}",
        "{{.top 1}}",
        "{{.missing 1}}",
        "{{.a.b.c 1 2}}",
        '{{printf "%v" .a.b}}',
        '{{.a.b | printf "%v"}}',
        "{{(.).top}}",
        "{{.}}",
        "{{$.}}",
        "{{$}}",
        "{{.a.l}}",
        "{{range .a.l}}[{{.}}]{{end}}",
        "{{.a.b.c}}{{.a.b.c}}",
        '{{("s").x}}',
        "{{(1).x}}",
        "{{(1.5).x}}",
        "{{(true).x}}",
        "{{(nil).x}}",
        "{{nil.x}}",
        '{{"s".x}}',
        "{{1.x}}",
        '{{(print "a").x}}',
        "{{(.a.l).x}}",
        "{{.a. b}}",
        "{{.a.}}",
        "{{..a}}",
        "{{.a.b.c.}}",
        "{{.1}}",
        "{{.a-b}}",
        "{{. a}}",
    ]:
        out.append(c(tmpl, d))
    keys = {
        "if": 1,
        "range": 2,
        "end": 3,
        "nil": 4,
        "true": 5,
        "x²": 6,
        "a\u0661": 7,
        "ǅ": 8,
        "ʰ": 9,
    }
    keys |= {"\u2170": 10, "a_b": 11, "\U0001d538": 12, "_": 13, "A1": 14}
    for key in keys:
        out.append(c("{{." + key + "}}", keys))
        out.append(c("{{$." + key + "}}", keys))
    for tmpl in [
        "{{$x² := 1}}",
        "{{$a\u0661 := 1}}{{$a\u0661}}",
        "{{$\u2170 := 1}}",
        "{{$ǅ := 1}}{{$ǅ}}",
    ]:
        out.append(c(tmpl, keys))
    for data in [[1, 2], "s", 1, 1.5, True, None, [], {}]:
        out.append(c("{{.x}}", data))
        out.append(c("{{.x.y}}", data))
    for tmpl in [
        "{{(mkmap).a}}",
        "{{mkmap.a}}",
        "{{mkmap.zz}}",
        "{{(echo .a).i}}",
        "{{(pair 1 2).x}}",
        "{{(strs).x}}",
        "{{(nothing).x}}",
        "{{nothing.x}}",
        "{{echo.x}}",
        "{{(echo .a.b).c}}",
        "{{(echo .).a.b.c}}",
        "{{(ok).x}}",
        '{{(upper "a").x}}',
    ]:
        out.append(tf(tmpl, d))
    # The same value reached by different paths: Go names the static type in its
    # messages (interface {} for map values and range elements, int for literals...).
    paths = {
        "field": ("{{.v.x}}", "{{add .v 1}}"),
        "var": ("{{$x := .v}}{{$x.x}}", "{{$x := .v}}{{add $x 1}}"),
        "range dot": ("{{range .l}}{{.x}}{{end}}", "{{range .l}}{{add . 1}}{{end}}"),
        "range var": ("{{range $e := .l}}{{$e.x}}{{end}}", "{{range $e := .l}}{{add $e 1}}{{end}}"),
        "range kv": (
            "{{range $k, $e := .l}}{{$e.x}}{{end}}",
            "{{range $k, $e := .l}}{{add $e 1}}{{end}}",
        ),
        "map range": ("{{range .m}}{{.x}}{{end}}", "{{range .m}}{{add . 1}}{{end}}"),
        "index": ("{{(index .l 0).x}}", "{{add (index .l 0) 1}}"),
        "index var": ("{{$x := index .l 0}}{{$x.x}}", "{{$x := index .l 0}}{{add $x 1}}"),
        "with": ("{{with .v}}{{.x}}{{end}}", "{{with .v}}{{add . 1}}{{end}}"),
        "echo": ("{{(echo .v).x}}", "{{add (echo .v) 1}}"),
        "template": (
            '{{define "t"}}{{.x}}{{end}}{{template "t" .v}}',
            '{{define "t"}}{{add . 1}}{{end}}{{template "t" .v}}',
        ),
        "paren": ("{{(.v).x}}", "{{add (.v) 1}}"),
        "slice": ("{{range slice .l 0}}{{.x}}{{end}}", "{{range slice .l 0}}{{add . 1}}{{end}}"),
    }
    for value in [5, "s", 2.5, True, None, [1], {"y": 1}]:
        data = {"v": value, "l": [value], "m": {"k": value}}
        for field_tmpl, arg_tmpl in paths.values():
            out.append(tf(field_tmpl, data))
            if value is None or isinstance(value, (str, float)):
                out.append(tf(arg_tmpl, data))
    for tmpl in ["{{(1).x}}", '{{(index "ab" 0).x}}', "{{$x := 1}}{{$x.x}}", "{{(len .l).x}}"]:
        out.append(tf(tmpl, {"l": [1]}))
    return out


# ---------------------------------------------------------------------------------------
# missingkey


def missingkey() -> list[Case]:
    """missingkey=default/invalid/zero/error across lookup shapes, and bad options."""
    out: list[Case] = []
    shapes: list[tuple[str, Any, bool]] = [
        ("{{.x}}", {"a": 1}, False),
        ("{{.a.x}}", {"a": {"b": 1}}, False),
        ("{{.x.y}}", {"a": 1}, False),
        ("{{.x}}", None, False),
        ('{{printf "%v" .x}}', {}, False),
        ('{{printf "%T" .x}}', {}, False),
        ("{{if .x}}y{{else}}n{{end}}", {}, False),
        ("{{with .x}}y{{else}}n{{end}}", {}, False),
        ("{{range .x}}y{{else}}n{{end}}", {}, False),
        ('{{index . "x"}}', {}, False),
        ("{{$v := .x}}[{{$v}}]", {}, False),
        ("{{eq .x nil}}", {}, False),
        ("{{len .x}}", {}, False),
        ("{{.x | print}}", {}, False),
        ("{{(mkmap).zz}}", {}, True),
        ("{{mkmap.zz}}", {}, True),
        ("{{.a.x}}", {"a": None}, False),
        ("pre{{.x}}post", {"y": 2}, False),
        ("{{.x}}", {"x": None}, False),
        ("{{.a.b.c}}", {"a": {"b": {}}}, False),
        ("{{upper .x}}", {}, True),
        ("{{echo .x}}", {}, True),
    ]
    option_sets: list[list[str]] = [
        [],
        ["missingkey=default"],
        ["missingkey=invalid"],
        ["missingkey=zero"],
        ["missingkey=error"],
        ["missingkey=error", "missingkey=zero"],
    ]
    for (tmpl, data, test), opts in itertools.product(shapes, option_sets):
        out.append(c(tmpl, data, options=opts, funcs="test" if test else None))
    for opts in [
        ["missingkey=bogus"],
        ["missingkey"],
        ["bogus"],
        ["missingkey="],
        ["MissingKey=zero"],
        ["missingkey=zero", "bad"],
        [""],
        ["missingkey=error=1"],
        ["missingkey=Zero"],
        ["missingkey =zero"],
        ["=zero"],
    ]:
        out.append(c("{{.x}}", {}, options=opts))
    return out


# ---------------------------------------------------------------------------------------
# pipelines


def pipelines() -> list[Case]:
    """Multi-stage pipelines, the final argument, parentheses, declarations."""
    out: list[Case] = []
    d = {"a": "A", "n": 3, "l": [1, 2, 3], "m": {"k": "v"}, "s": "hello"}
    for tmpl in [
        '{{1 | printf "%d"}}',
        '{{"a" | printf "%s-%s" "b"}}',
        '{{. | printf "%v" | len}}',
        '{{.n | printf "%03d"}}',
        '{{.l | len | printf "%03d"}}',
        '{{printf "%s" (printf "%d" 1)}}',
        '{{printf "%s|%s" (printf "%d" 1) (print "x" | printf "<%s>")}}',
        "{{(1)}}",
        "{{((.a))}}",
        "{{(((.n)))}}",
        "{{(.m).k}}",
        "{{(.)}}",
        "{{1 | 2}}",
        '{{. | "x"}}',
        "{{. | .a}}",
        "{{. | nil}}",
        "{{. | true}}",
        "{{. | 1.5}}",
        "{{. | $}}",
        "{{.a | . }}",
        "{{.a | $x}}",
        '{{$x := 1 | printf "%d"}}{{$x}}',
        "{{$x := . | len}}{{$x}}",
        "{{1 | $x := 2}}",
        '{{$x := 1}}{{$x | printf "%v"}}',
        '{{html "<" | urlquery}}',
        '{{"<a>" | html | printf "%s!"}}',
        '{{"a" | print}}',
        "{{true | not}}",
        "{{1 | eq 1}}",
        "{{2 | eq 1}}",
        "{{false | and true}}",
        "{{0 | or 5}}",
        '{{"k" | index .m}}',
        "{{1 | index .l}}",
        "{{. | len}}",
        '{{.s | len | printf "%d chars"}}',
        "{{|}}",
        "{{| len}}",
        "{{len |}}",
        "{{len | | len}}",
        '{{(len .s | printf "%d") | print}}',
        "{{print (.s | len) (.l | len)}}",
        "{{.l | slice}}",
        '{{"abc" | slice 1}}',
        "{{print | len}}",
        "{{println | len}}",
        '{{(printf "%v" 1 | len) | eq 1}}',
        "{{if .n | eq 3}}three{{end}}",
        "{{with .s | len}}{{.}}{{end}}",
        "{{range .l | len}}{{.}}{{end}}",
        "{{range $i, $e := .l | slice 1}}{{$i}}{{$e}}{{end}}",
        '{{ . | printf "%T" }}',
        "{{(.l) | len}}",
        "{{.l | index 0}}",
        "{{print 1 | print 2 | print 3}}",
        '{{printf "%s" | printf "%s"}}',
        "{{(|)}}",
        "{{()}}",
        "{{( )}}",
        "{{(.a}}",
        "{{.a)}}",
        "{{print (print (print (print 1)))}}",
        "{{(print 1) (print 2)}}",
        "{{(print 1) | print}}",
        "{{$ | len}}",
        "{{.m | len}}",
        '{{"x" | printf "%s%s%s" "a" "b"}}',
        '{{"x" | printf "%s"}}',
    ]:
        out.append(c(tmpl, d))
    for tmpl in [
        "{{1 | add 2}}",
        '{{"a" | concat "b" "c"}}',
        "{{3 | isodd}}",
        '{{"abc" | upper | printf "%q"}}',
        '{{fail "x" | upper}}',
        '{{"x" | fail}}',
        "{{1 | echo}}",
        "{{1 | echo 2}}",
        "{{nothing | echo}}",
        "{{1 | pair 2}}",
        "{{mkmap | len}}",
        "{{strs | len}}",
        "{{strs | index 1}}",
        "{{ok | add 1}}",
        '{{2 | variadic "p" 1}}',
        '{{"q" | variadic}}',
        "{{add 1 2 | add 3 | add 4}}",
        '{{(add 1 2) | printf "%d"}}',
    ]:
        out.append(tf(tmpl, d))
    return out


# ---------------------------------------------------------------------------------------
# variables


def variables() -> list[Case]:
    """Declaration, assignment, scoping in if/with/range/else, $ in define, range vars."""
    out: list[Case] = []
    d = {"l": ["a", "b", "c"], "m": {"x": 1, "y": 2}, "n": 0, "s": "S", "e": []}
    for tmpl in [
        "{{$x := 1}}{{$x}}",
        "{{$x := 1}}{{$x = 2}}{{$x}}",
        "{{$y}}",
        "{{$y = 1}}",
        "{{$x := 1}}{{$x := 2}}{{$x}}",
        "{{if true}}{{$x := 1}}{{end}}{{$x}}",
        "{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}",
        "{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}",
        "{{$x := 1}}{{with .s}}{{$x = .}}{{end}}{{$x}}",
        "{{with $x := .s}}{{$x}}{{end}}",
        "{{with $x := .n}}y{{else}}{{$x}}{{end}}",
        "{{with $x := .n}}y{{else with $y := .s}}{{$x}}{{$y}}{{end}}",
        "{{if $x := .n}}y{{else}}[{{$x}}]{{end}}",
        "{{if $x := .n}}y{{else if $y := .s}}{{$x}}{{$y}}{{end}}",
        "{{range $i, $e := .l}}{{$i}}={{$e}};{{end}}",
        "{{range $e := .l}}{{$e}}{{end}}",
        "{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}",
        "{{range $k := .m}}{{$k}}{{end}}",
        "{{$i := 0}}{{$e := 0}}{{range $i, $e = .l}}{{end}}{{$i}}{{$e}}",
        "{{$i := 9}}{{range $i = .l}}{{end}}{{$i}}",
        "{{range $i, $e = .l}}{{end}}",
        "{{$i := 0}}{{range $i, $e = .l}}{{end}}",
        "{{$x := 1}}{{range .l}}{{$x = .}}{{end}}{{$x}}",
        "{{range $i, $e := .e}}{{else}}{{$i}}{{end}}",
        "{{range $i, $e := .l}}{{end}}{{$i}}",
        "{{if false}}{{else}}{{$x := 1}}{{$x}}{{end}}",
        "{{if false}}{{$x := 1}}{{else}}{{$x}}{{end}}",
        "{{$x, $y := 1}}",
        "{{$x, $y := .l}}",
        "{{range $a, $b, $c := .l}}{{end}}",
        "{{range $a, 1 := .l}}{{end}}",
        "{{range $a, := .l}}{{end}}",
        "{{range $a, $b := 3}}{{end}}",
        "{{range $i := 3}}{{$i}}{{end}}",
        "{{$x := 1}}{{$x 1}}",
        "{{$x := .m}}{{$x.x}}",
        "{{$x := .m}}{{$x.nope}}",
        "{{$}}",
        "{{range .l}}{{$}}{{end}}",
        "{{range .l}}{{$.s}}{{end}}",
        "{{with .m}}{{$.s}}{{.x}}{{end}}",
        '{{define "t"}}{{$}}{{end}}{{template "t" 5}}',
        '{{define "t"}}{{$.s}}{{end}}{{template "t" .}}',
        '{{$x := 1}}{{define "t"}}{{$x}}{{end}}',
        '{{define "t"}}{{$x := 2}}{{$x}}{{end}}{{$x := 1}}{{template "t"}}{{$x}}',
        "{{$ := 1}}",
        "{{$ = 1}}{{$}}",
        "{{$x = 1}}",
        "{{$x := }}",
        "{{$x :=}}",
        "{{$x := 1 2}}",
        "{{$x = }}",
        "{{$x : = 1}}",
        "{{$x:=1}}{{$x}}",
        "{{$x:= 1}}{{$x}}",
        "{{$x =1}}",
        "{{$x := 1}}{{$x =1}}{{$x}}",
        "{{$x-y := 1}}",
        "{{$_ := 1}}{{$_}}",
        "{{$1 := 1}}{{$1}}",
        "{{$é := 1}}{{$é}}",
        "{{$x := .l}}{{index $x 1}}",
        "{{$x := .l}}{{range $x}}{{.}}{{end}}",
        "{{$x := 0}}{{range .l}}{{$x = len $x}}{{end}}",
        '{{$n := 0}}{{range .l}}{{$n = printf "%v%v" $n .}}{{end}}{{$n}}',
        "{{range $i, $e := .l}}{{if eq $i 1}}{{$e}}{{end}}{{end}}",
        "{{range $i, $e := .l}}{{range $j, $f := $.l}}{{$i}}{{$j}} {{end}}{{end}}",
        "{{$x := 1}}{{range .l}}{{$x := .}}{{end}}{{$x}}",
        "{{with $x := 1}}{{with $y := 2}}{{$x}}{{$y}}{{end}}{{end}}",
        '{{$x := "a"}}{{$x = 1}}{{$x}}',
        "{{$x := (len .l)}}{{$x}}",
        "{{($x := 1)}}",
        "{{print ($x := 1)}}",
        "{{$x := 1}}{{$x.y}}",
        "{{$x := .m}}{{$x.x.y}}",
        "{{$.m.x}}",
        "{{$x := $}}{{$x.s}}",
        "{{range $i := .m}}{{$i}}{{end}}",
        "{{range $i, $v := .s}}{{end}}",
        "{{$x := 1}}{{with $x := 2}}{{$x}}{{end}}{{$x}}",
        "{{range $x := .l}}{{$x}}{{end}}{{$x := 5}}{{$x}}",
        "{{$x := 0}}{{range $x = .l}}{{$x}}{{end}}{{$x}}",
        "{{$k := 0}}{{$v := 0}}{{range $k, $v = .m}}{{end}}{{$k}}{{$v}}",
        "{{$x := .l}}{{$x = .m}}{{range $x}}{{.}}{{end}}",
        "{{$x := 1}}{{$y := $x}}{{$x = 2}}{{$y}}{{$x}}",
        "{{with $x := 1}}{{$x = 2}}{{$x}}{{end}}",
        '{{define "t"}}{{$}}{{end}}{{range .l}}{{template "t" $}}{{end}}',
        "{{$x := 1}}{{$x := $x}}{{$x}}",
        "{{$x := len .l}}{{$x = add1}}",
        "{{$x := 1}}{{if $x = 0}}y{{else}}n{{$x}}{{end}}{{$x}}",
        "{{range $i, $e := .l}}{{$i = 10}}{{$i}}{{end}}",
    ]:
        out.append(c(tmpl, d))
    return out


# ---------------------------------------------------------------------------------------
# control flow

TRUTH_VALUES: list[Any] = [
    0, 1, -1, 0.0, 0.5, "", "a", [], [0], {}, {"a": 0}, None, True, False, "0", [[]],
]  # fmt: skip


def control() -> list[Case]:
    """if/else if/else, with/else with/else, range over every shape, break/continue."""
    out: list[Case] = []
    for v in TRUTH_VALUES:
        out.append(c("{{if .}}T{{else}}F{{end}}", v))
        out.append(c("{{with .}}<{{.}}>{{else}}F{{end}}", v))
        out.append(c("{{range .}}<{{.}}>{{else}}E{{end}}", v))
    d = {
        "l": [1, 2, 3, 4, 5],
        "m": {"b": 2, "a": 1, "c": 3},
        "nested": [[1, 2], [3], []],
        "s": "abc",
        "z": 0,
        "neg": -2,
        "f": 2.5,
        "maps": [{"n": "x"}, {"n": "y"}],
        "mm": {"k2": {"z": 1, "y": 2}, "k1": {"b": 0}},
    }
    for tmpl in [
        "{{if .z}}a{{else if .l}}b{{else}}c{{end}}",
        "{{if .z}}a{{else if .s}}{{.s}}{{end}}",
        "{{if .z}}a{{else if .z}}b{{else if .z}}c{{else}}d{{end}}",
        "{{with .z}}a{{else with .s}}{{.}}{{else}}c{{end}}",
        "{{with .z}}a{{else with .z}}b{{end}}",
        "{{with .m}}{{.a}}{{end}}",
        "{{with .nope}}x{{else}}{{.s}}{{end}}",
        "{{range .l}}{{.}}{{end}}",
        "{{range .m}}{{.}}{{end}}",
        "{{range $k, $v := .m}}{{$k}}{{$v}}{{end}}",
        "{{range 5}}{{.}}{{end}}",
        "{{range 0}}x{{else}}none{{end}}",
        "{{range .neg}}x{{else}}none{{end}}",
        "{{range .z}}x{{else}}none{{end}}",
        "{{range .s}}{{.}}{{end}}",
        "{{range .f}}{{.}}{{end}}",
        "{{range 2.5}}x{{end}}",
        "{{range true}}x{{end}}",
        '{{range "x"}}x{{end}}',
        "{{range nil}}x{{end}}",
        "{{range .nope}}x{{else}}empty{{end}}",
        "{{range .nested}}[{{range .}}{{.}}{{else}}-{{end}}]{{end}}",
        "{{range .l}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}",
        "{{range .l}}{{if eq . 3}}{{continue}}{{end}}{{.}}{{end}}",
        "{{range .nested}}{{range .}}{{if eq . 2}}{{break}}{{end}}{{.}}{{end}};{{end}}",
        "{{range .nested}}{{range .}}{{continue}}{{.}}{{end}}{{.}}{{end}}",
        "{{range .l}}{{break}}{{else}}e{{end}}done",
        "{{range 10}}{{if gt . 2}}{{break}}{{end}}{{.}}{{end}}",
        "{{range $i, $e := .l}}{{if $i}},{{end}}{{$e}}{{end}}",
        "{{range .maps}}{{.n}}{{end}}",
        "{{range $k, $v := .mm}}{{$k}}:{{range $k2, $v2 := $v}}{{$k2}}{{$v2}}{{end}};{{end}}",
        "{{break}}",
        "{{continue}}",
        "{{if true}}{{break}}{{end}}",
        "{{range .l}}{{break 1}}{{end}}",
        "{{range .l}}{{continue 1}}{{end}}",
        '{{range .l}}{{define "x"}}{{break}}{{end}}{{end}}',
        "{{if}}x{{end}}",
        "{{with}}x{{end}}",
        "{{range}}x{{end}}",
        "{{else}}",
        "{{end}}",
        "{{if 1}}x",
        "{{if 1}}x{{else}}y",
        "{{if 1}}x{{else}}y{{else}}z{{end}}",
        "{{if 1}}x{{else if}}y{{end}}",
        "{{if 1}}x{{else with 1}}y{{end}}",
        "{{with 1}}x{{else if 1}}y{{end}}",
        "{{range .l}}x{{else if 1}}y{{end}}",
        "{{if 1}}{{else}}{{end}}ok",
        "{{if .l}}{{len .l}}{{end}}",
        "{{if and .l .s}}both{{end}}",
        "{{if not .z}}zero{{end}}",
        "{{if 1}}a{{end}}{{if 0}}b{{end}}",
        "{{if 1 2}}x{{end}}",
        "{{with $x := .l}}{{len $x}}{{end}}",
        "{{range .l}}{{.}}{{end}}{{.s}}",
        "{{range $i, $e := .s}}{{end}}",
        "{{if .l}}{{range .l}}{{if eq . 2}}two{{end}}{{end}}{{end}}",
        "{{with .maps}}{{range .}}{{with .n}}{{.}}{{end}}{{end}}{{end}}",
        "{{if 1}}{{end }}",
        "{{if 1}}{{ end}}",
        "{{if 1}}{{end x}}",
        "{{if 1}}{{else x}}{{end}}",
        "{{if 1}}{{end}}{{end}}",
        "{{range 3}}{{range 2}}{{.}}{{end}}|{{end}}",
        "{{range $i := 3}}{{range $j := 2}}{{$i}}{{$j}} {{end}}{{end}}",
        '{{range (index "\\x03" 0)}}{{printf "%v:%T " . .}}{{end}}',
        "{{range $i := -3}}x{{else}}neg{{end}}",
        "{{range .l}}{{with .}}{{if eq . 3}}{{break}}{{end}}{{end}}{{.}}{{end}}",
        "{{range .l}}{{if eq . 2}}{{else}}{{continue}}{{end}}{{.}}{{end}}",
        "{{range .l}}{{range .}}{{.}}{{end}}{{end}}",
        "{{range $i, $e := .l}}{{break}}{{end}}{{$i}}",
        "{{range .nested}}{{if not .}}{{break}}{{end}}{{len .}}{{end}}",
        '{{range $k, $v := .mm}}{{if eq $k "k1"}}{{continue}}{{end}}{{$k}}{{end}}',
        "{{with .l}}{{range .}}{{.}}{{end}}{{else}}none{{end}}",
        "{{if .nope}}{{else if .nope2}}{{else if .z}}{{else}}fallthrough{{end}}",
        "{{with $x := .z}}{{else with $x := .s}}{{$x}}{{end}}",
        "{{range 3}}{{range 3}}{{continue}}{{end}}{{.}}{{end}}",
        "{{range .m}}{{break}}{{else}}e{{end}}",
        "{{range $i, $e := .m}}{{$i}}{{$e}}{{end}}",
    ]:
        out.append(c(tmpl, d))
    orders = {
        "customer": {"name": "Ada", "vip": True},
        "items": [
            {"sku": "A-1", "qty": 2, "price": 9.99, "tags": ["new"]},
            {"sku": "B-22", "qty": 0, "price": 0.5, "tags": []},
            {"sku": "C-333", "qty": 12, "price": 100.0, "tags": ["bulk", "sale"]},
        ],
        "notes": None,
    }
    for tmpl in REALISTIC_CONTROL:
        out.append(c(tmpl, orders))
    return out


REALISTIC_CONTROL = [
    """Dear {{.customer.name}}{{if .customer.vip}} (VIP){{end}},
{{range $i, $it := .items}}
{{- if $it.qty}}
{{printf "%2d. %-6s x%-3d @ %8.2f" (len (slice $.items $i)) $it.sku $it.qty $it.price}}
{{- with $it.tags}} [{{range $j, $t := .}}{{if $j}}, {{end}}{{$t}}{{end}}]{{end}}
{{- else}}
    ({{$it.sku}} out of stock)
{{- end}}
{{- end}}
{{with .notes}}Notes: {{.}}{{else}}No notes.{{end}}
""",
    "{{range .items}}{{if and .qty (gt .price 5.0)}}{{.sku}} {{end}}{{end}}",
    "{{range .items}}{{if or (eq .qty 0) (lt .price 1.0)}}{{.sku}};{{end}}{{end}}",
    "{{range .items}}{{.sku}}:{{range .tags}}{{.}}{{else}}-{{end}} {{end}}",
    "{{$total := 0}}{{range .items}}{{$total = .qty}}{{end}}last qty {{$total}}",
    '{{range .items}}{{if eq .sku "B-22"}}{{continue}}{{end}}{{.sku}} {{end}}',
    "{{range $i, $_ := .items}}{{if ge $i 2}}{{break}}{{end}}{{$i}}{{end}}",
    "{{with index .items 2}}{{.sku}} has {{len .tags}} tags: {{range .tags}}{{.}} {{end}}{{end}}",
    '{{range .items}}{{printf "%-8s|%5.1f%%" .sku .price}}\n{{end}}',
    "{{- range .items -}}\n  <tr><td>{{ .sku | html }}</td><td>{{ .qty }}</td></tr>\n{{- end }}",
    '{{if not .notes}}{{with .customer}}{{.name | printf "%q"}}{{end}}{{end}}',
    "{{range .customer}}{{.}};{{end}}",
]


# ---------------------------------------------------------------------------------------
# define / template / block


def define() -> list[Case]:
    """define, template, block, redefinition, recursion, ExecuteTemplate."""
    out: list[Case] = []
    d = {"x": "X", "l": [1, 2, 3], "tree": {"v": 1, "kids": [{"v": 2, "kids": []}, {"v": 3}]}}
    for tmpl in [
        '{{define "a"}}A{{end}}{{template "a"}}',
        '{{define "a"}}[{{.}}]{{end}}{{template "a" .x}}',
        '{{define "a"}}[{{.}}]{{end}}{{template "a"}}',
        '{{define "a"}}[{{.}}]{{end}}{{template "a" .}}',
        '{{block "b" .x}}default {{.}}{{end}}',
        '{{block "b" .}}x{{end}}{{define "b"}}y{{end}}',
        '{{define "b"}}y{{end}}{{block "b" .}}x{{end}}',
        '{{define "a"}}1{{end}}{{define "a"}}2{{end}}{{template "a"}}',
        '{{define "a"}}{{end}}{{define "a"}}2{{end}}{{template "a"}}',
        '{{define "a"}}1{{end}}{{define "a"}}{{end}}{{template "a"}}',
        '{{define "a"}}1{{end}}{{define "a"}}  {{end}}{{template "a"}}',
        '{{define "a"}}1{{end}}{{define "a"}}{{/* c */}}{{end}}{{template "a"}}',
        '{{define "r"}}{{if .}}{{index . 0}}{{template "r" (slice . 1)}}{{end}}{{end}}'
        '{{template "r" .l}}',
        '{{define "t"}}{{.v}}({{range .kids}}{{template "t" .}}{{end}}){{end}}'
        '{{template "t" .tree}}',
        '{{define "loop"}}{{template "loop" .}}{{end}}{{template "loop" .}}',
        '{{template "x"}}',
        'before {{template "x"}} after',
        "{{template .x}}",
        '{{template "a" 1 2}}',
        '{{template "a" | print}}',
        "{{template}}",
        "{{template a}}",
        "{{define}}",
        '{{define "a"}}',
        '{{define "a"}}x',
        '{{define "a" 1}}x{{end}}',
        "{{define a}}x{{end}}",
        '{{define "a"}}x{{else}}y{{end}}',
        '{{if 1}}{{define "a"}}{{end}}{{end}}',
        '{{define "a"}}{{define "b"}}{{end}}{{end}}',
        '{{define ""}}empty{{end}}{{template ""}}',
        '{{define "sp ace"}}S{{end}}{{template "sp ace"}}',
        "{{define `raw`}}R{{end}}{{template `raw`}}",
        '{{define "\\x41"}}esc{{end}}{{template "A"}}',
        '{{define "a"}}A{{end}}',
        '{{define "a"}}A{{end}}  \n',
        '{{define "a"}}A{{end}}text',
        '{{block "b"}}x{{end}}',
        '{{block "b" .}}x',
        '{{block "b" .}}x{{else}}y{{end}}',
        # A block's else reported at the innermost block's action, wherever it ends.
        '{{block "B" .}}\n{{block "B" .}}{{else}}x{{end}}{{end}}',
        '{{block "B" .}}\n{{block "C" .}}{{.X}}{{else}}x{{end}}{{end}}',
        '{{block "B" .}}{{block "C" .}}\n\n{{end}}{{else}}{{end}}',
        '{{block "B" .}}\n{{block "C" .}}\n\n{{block "D" .}}{{- else}}{{end}}{{end}}{{end}}',
        '{{block "b" .x}}{{.}}{{end}}{{template "b" "again"}}',
        '{{define "a"}}{{template "b" .}}{{end}}{{define "b"}}<{{.}}>{{end}}{{template "a" 1}}',
        '{{define "a"}}{{.x}}{{end}}{{range .l}}{{template "a" $}}{{end}}',
        '{{define "a"}}{{.}}{{end}}{{range .l}}{{template "a"}}{{end}}',
        '{{define "a"}}{{break}}{{end}}',
        '{{range .l}}{{template "a"}}{{end}}{{define "a"}}{{break}}{{end}}',
        '{{define "a"}}{{len .}}{{end}}{{template "a" .l}}{{template "a" .x}}',
        '{{define "a"}}A{{end}}{{template "a" }}',
        '{{template "a" . }}{{define "a"}}A{{end}}',
        '{{define "a"}}{{template "a" .}}{{end}}{{template "a" 0}}',
        '{{define "fact"}}{{if .}}{{len .}} {{template "fact" slice . 1}}{{end}}{{end}}'
        '{{template "fact" .l}}',
        '{{define "a"}}{{$}}{{end}}{{template "a" .x}}',
        '{{template "a" (print "p")}}{{define "a"}}{{.}}{{end}}',
        '{{define "T"}}t{{end}}{{template "t"}}',
    ]:
        out.append(c(tmpl, d))
    for tmpl, data, ex, nm in [
        ('{{define "a"}}A{{.}}{{end}}main', 1, "a", None),
        ('{{define "a"}}A{{end}}main', None, "zz", None),
        ('{{define "a"}}A{{end}}main', None, "zz", "top"),
        ('{{define "a"}}A{{end}}main', None, "top", "top"),
        ('{{define "a"}}A{{end}}main', None, "", None),
        ('{{define "a"}}A{{end}}', None, "", None),
        ('{{define "a"}}A{{end}}', None, None, None),
        ('{{define "a"}}A{{end}}', None, None, "top"),
        ('{{define "a"}}{{.x}}{{end}}', {"x": 5}, "a", "top"),
        ('{{define "a"}}{{fail}}{{end}}', None, "a", None),
        ('{{define "a"}}x{{index . 5}}{{end}}', [1], "a", "m"),
        ('{{define "b"}}B{{end}}{{define "a"}}{{template "b"}}{{end}}', None, "a", None),
    ]:
        out.append(c(tmpl, data, exec=ex, name=nm))
    for files, ex in [
        ([("a", '{{define "x"}}1{{end}}'), ("b", '{{define "x"}}2{{end}}{{template "x"}}')], None),
        ([("a", '{{define "x"}}1{{end}}{{template "x"}}'), ("b", '{{define "x"}}2{{end}}')], None),
        ([("a", '{{template "x"}}'), ("b", '{{define "x"}}2{{end}}')], "a"),
        ([("a", '{{template "b"}}'), ("b", "B{{.}}")], None),
        ([("a", "A"), ("b", "B")], "b"),
        ([("a", "A"), ("a", "A2")], None),
        ([("a", "A"), ("b", "{{")], None),
        ([("a", '{{define "b"}}x{{end}}'), ("b", "B")], "b"),
        ([("a", "A"), ("b", '{{define "b"}}x{{end}}')], "b"),
        ([("a", '{{block "x" .}}def{{end}}'), ("b", '{{define "x"}}over{{end}}')], None),
        ([("a", '{{define "x"}}X{{end}}'), ("b", '{{define "x"}}{{end}}')], "x"),
    ]:
        out.append(c(None, "D", files=files, exec=ex))
    page = {"title": "Home", "user": {"name": "Bob", "admin": False}, "links": ["a", "b"]}
    layout = (
        "layout.html",
        '<html><head><title>{{block "title" .}}Site{{end}}</title></head>\n'
        '<body>{{block "body" .}}empty{{end}}\n{{template "footer" .}}</body></html>\n'
        '{{define "footer"}}<footer>{{with .user}}{{.name}}{{end}}</footer>{{end}}',
    )
    home = (
        "home.html",
        '{{define "title"}}{{.title}} - Site{{end}}'
        '{{define "body"}}\n{{- range $i, $l := .links}}\n  <a id="{{$i}}">{{$l}}</a>\n'
        "{{- end}}\n{{if .user.admin}}admin{{else}}guest{{end}}{{end}}",
    )
    broken = ("broken.html", '{{define "body"}}{{.user.name.first}}{{end}}')
    for files, ex in [
        ([layout], None),
        ([layout, home], None),
        ([layout, home], "home.html"),
        ([layout, home], "body"),
        ([layout, home], "footer"),
        ([layout, home, broken], None),
        ([home, layout], "layout.html"),
    ]:
        out.append(c(None, page, files=files, exec=ex))
    return out


# ---------------------------------------------------------------------------------------
# and / or / not

BOOL_OPERANDS = ["0", "1", '""', '"x"', "true", "false", ".e", ".m"]


def and_or_not() -> list[Case]:
    """and/or/not: truthiness of every shape, returned values, short-circuit, arity."""
    out: list[Case] = []
    d = {"e": [], "f": [1], "z": 0, "s": "s", "mp": {}}
    for a, b in itertools.product(BOOL_OPERANDS, repeat=2):
        out.append(c("{{and " + a + " " + b + "}}", d))
        out.append(c("{{or " + a + " " + b + "}}", d))
    for a in [*BOOL_OPERANDS, ".f", ".mp", "nil", ".z", "1.5", "0.0", "'a'"]:
        out.append(c("{{not " + a + "}}", d))
    for tmpl in [
        "{{and}}",
        "{{or}}",
        "{{not}}",
        "{{not 1 2}}",
        "{{and 1}}",
        "{{or 0}}",
        "{{and 1 2 3}}",
        "{{and 1 0 3}}",
        '{{or 0 "" 3}}',
        '{{or 0 "" .e}}',
        '{{printf "%T" (and 1 "a")}}',
        '{{printf "%T" (or 0 "")}}',
        '{{printf "%T" (not 0)}}',
        "{{and nil 1}}",
        "{{or nil 1}}",
        "{{and .z nil}}",
        "{{and 0 nil}}",
        "{{and 1 .missing.x}}",
        "{{and 0 .missing.x}}",
        "{{or .s (index .e 5)}}",
        "{{and .s (index .e 5)}}",
        "{{if and .f .s}}yes{{end}}",
        "{{if or .e .z}}yes{{else}}no{{end}}",
        "{{not (and 1 0)}}",
        "{{and (or 0 1) (not 0)}}",
        "{{or .e .f}}",
        "{{and .f .e}}",
        "{{1 | and 0}}",
        "{{0 | or 1}}",
        '{{0 | or 0 ""}}',
        "{{and 1 2 | not}}",
        "{{not (not .f)}}",
        "{{and (index .f 0) .s}}",
        "{{or (slice .e 0) .s}}",
        "{{and .missing.x.y .s}}",
        '{{or .missing "dflt"}}',
        '{{with or .missing "dflt"}}{{.}}{{end}}',
    ]:
        out.append(c(tmpl, d))
    out.extend(shape_sweep("{{and X}}", "{{or X 0}}", "{{not X}}"))
    for tmpl in [
        '{{and 0 (fail "x")}}',
        '{{or 1 (fail "x")}}',
        '{{and 1 (fail "x")}}',
        '{{or 0 (fail "x")}}',
        "{{and 0 boom}}",
        "{{or 1 boom}}",
        "{{and 1 boom}}",
        "{{and (isodd 3) (isodd 4)}}",
        "{{or nothing 2}}",
        "{{and strs mkmap}}",
        "{{not nothing}}",
        "{{1 | and (add 1 1)}}",
    ]:
        out.append(tf(tmpl, d))
    return out


# ---------------------------------------------------------------------------------------
# len / index / slice


def len_index_slice() -> list[Case]:
    """len, index and slice over strings, lists, maps, nil; bounds and type errors."""
    out: list[Case] = []
    d = {
        "l": [10, 20, 30, 40],
        "ll": [[1, 2], [3, 4]],
        "m": {"a": 1, "b": {"c": 2}},
        "s": "héllo",
        "e": [],
        "em": {},
        "n": None,
        "i": 2,
        "f": 1.0,
    }
    for tmpl in [
        '{{len "abc"}}',
        '{{len "héllo"}}',
        '{{len ""}}',
        "{{len .l}}",
        "{{len .e}}",
        "{{len .m}}",
        "{{len .em}}",
        "{{len .s}}",
        "{{len .n}}",
        "{{len .missing}}",
        "{{len nil}}",
        "{{len 3}}",
        "{{len 1.5}}",
        "{{len true}}",
        "{{len}}",
        "{{len .l .l}}",
        "{{len .ll}}",
        "{{len (index .ll 0)}}",
        "{{len .m.b}}",
        "{{index .l 0}}",
        "{{index .l 3}}",
        "{{index .l 4}}",
        "{{index .l -1}}",
        "{{index .l .i}}",
        "{{index .l .f}}",
        "{{index .l 1.0}}",
        '{{index .l "1"}}',
        "{{index .l nil}}",
        "{{index .l true}}",
        "{{index .l 'a'}}",
        "{{index .l 9223372036854775807}}",
        "{{index .ll 1 0}}",
        "{{index .ll 1 5}}",
        "{{index .ll 0 0 0}}",
        '{{index .m "a"}}',
        '{{index .m "zz"}}',
        '{{index .m "b" "c"}}',
        '{{index .m "b" "zz"}}',
        "{{index .m 1}}",
        "{{index .m nil}}",
        '{{index .em "a"}}',
        '{{index "abc" 1}}',
        '{{index "abc" 3}}',
        '{{index "héllo" 1}}',
        '{{printf "%T" (index "abc" 1)}}',
        "{{index nil 1}}",
        "{{index .n 1}}",
        "{{index .missing 1}}",
        "{{index 1 2}}",
        "{{index true 0}}",
        "{{index .l}}",
        "{{index}}",
        "{{index .s}}",
        '{{index .n "a"}}',
        "{{index .e 0}}",
        '{{slice "abc" 1}}',
        '{{slice "abc" 1 2}}',
        '{{slice "abc" 1 2 3}}',
        '{{slice "abc"}}',
        '{{slice "abc" 0 3}}',
        '{{slice "abc" 0 4}}',
        '{{slice "abc" 2 1}}',
        '{{slice "abc" -1}}',
        '{{slice "héllo" 1 2}}',
        '{{printf "%q" (slice "héllo" 1 2)}}',
        "{{slice .l}}",
        "{{slice .l 1}}",
        "{{slice .l 1 3}}",
        "{{slice .l 1 2 3}}",
        "{{slice .l 1 2 5}}",
        "{{slice .l 1 3 2}}",
        "{{slice .l 3 1}}",
        "{{slice .l 5}}",
        "{{slice .l 0 5}}",
        "{{slice .l 4}}",
        "{{slice .l 1 2 3 4}}",
        '{{slice .l "1"}}',
        "{{slice .l 1.0}}",
        "{{slice .l .i}}",
        "{{slice .m 1}}",
        "{{slice nil}}",
        "{{slice .n 1}}",
        "{{slice .missing}}",
        "{{slice 5 1}}",
        "{{slice}}",
        "{{slice .e}}",
        "{{slice .e 0 0}}",
        "{{len (slice .l 1 3)}}",
        "{{index (slice .l 1) 0}}",
        '{{printf "%T" (slice .l 1)}}',
        "{{range slice .l 2}}{{.}},{{end}}",
        "{{(slice .l 1 2).x}}",
        '{{len "\\xff"}}',
        '{{index .ll (index "\\x01" 0) (index "\\x00" 0)}}',
        '{{slice "hello" (index "\\x01" 0) (index "\\x03" 0)}}',
        '{{slice .l (index "\\x01" 0)}}',
        "{{index .l 'a'}}",
        "{{slice .l 0 0 0}}",
        "{{slice .l 4 4 4}}",
        "{{slice .l 0 1 1}}",
        "{{len (slice .l 0 1 2)}}",
        '{{index "" 0}}',
        '{{slice "" 0}}',
        "{{index .m}}",
        '{{index . "l" 1}}',
        '{{index . "ll" 1 1}}',
        "{{index .ll -0}}",
        "{{index .l 0x1}}",
    ]:
        out.append(c(tmpl, d))
    out.extend(
        shape_sweep(
            "{{len X}}", "{{index X 0}}", "{{slice X 1}}", "{{index .l X}}", "{{slice .l X}}"
        )
    )
    for tmpl in [
        "{{len mkmap}}",
        "{{len strs}}",
        '{{index mkmap "a"}}',
        '{{index mkmap "zz"}}',
        "{{index mkmap 1}}",
        "{{index strs 2}}",
        "{{index strs 3}}",
        '{{printf "%T" (slice strs 1)}}',
        "{{slice strs 1 2}}",
        "{{len (pair 1 2)}}",
        "{{index (pair 1 2) 1}}",
        "{{len nothing}}",
        "{{index nothing 0}}",
        "{{slice nothing}}",
    ]:
        out.append(tf(tmpl, d))
    return out


# ---------------------------------------------------------------------------------------
# comparison

CMP_OPERANDS = [
    "1", "2", "-1", "1.5", "2.0", '"a"', '"b"', "true", "nil", "(index \"a\" 0)", ".m", ".l",
    ".i", ".f",
]  # fmt: skip
CMP_PAIRS_SMALL = ["1", "1.5", '"a"', "true", '(index "a" 0)', ".i", ".f", ".m"]


def comparison() -> list[Case]:
    """eq/ne/lt/le/gt/ge over int/float/uint/string/bool/nil mixes, errors, arity."""
    out: list[Case] = []
    d = {"i": 1, "f": 1.0, "l": [1], "mp": {"a": 1}, "s": "a", "n": None, "u": 97}
    for a, b in itertools.product(CMP_OPERANDS, repeat=2):
        out.append(c("{{eq " + a + " " + b + "}}", d))
    for a, b in itertools.product(CMP_OPERANDS[:10], repeat=2):
        out.append(c("{{lt " + a + " " + b + "}}", d))
    for op in ["ne", "le", "gt", "ge"]:
        for a, b in itertools.product(CMP_PAIRS_SMALL, repeat=2):
            out.append(c("{{" + op + " " + a + " " + b + "}}", d))
    for tmpl in [
        "{{eq 1 2 3 1}}",
        "{{eq 1 2 3}}",
        '{{eq "a" "b" "a"}}',
        "{{eq 1}}",
        "{{eq}}",
        "{{ne 1}}",
        "{{ne 1 2 3}}",
        "{{lt 1 2 3}}",
        "{{lt 1}}",
        "{{eq .l .l}}",
        "{{eq .mp .mp}}",
        "{{eq .n nil}}",
        "{{eq .n .n}}",
        "{{eq nil nil}}",
        "{{eq .n 1}}",
        "{{eq 1 .n}}",
        "{{ne .n nil}}",
        "{{lt .n 1}}",
        "{{lt nil nil}}",
        '{{eq .s "a" "b"}}',
        "{{eq 1 .l}}",
        "{{eq .l 1}}",
        "{{lt .l .l}}",
        "{{lt true false}}",
        "{{le true true}}",
        '{{lt "a" "b"}}',
        '{{lt "b" "a"}}',
        '{{lt "" "a"}}',
        '{{ge "abc" "abd"}}',
        '{{lt -1 (index "a" 0)}}',
        '{{gt -1 (index "a" 0)}}',
        '{{eq -1 (index "\\xff" 0)}}',
        '{{eq (index "a" 0) 97}}',
        '{{eq 97 (index "a" 0)}}',
        '{{eq .u (index "a" 0)}}',
        "{{eq 'a' 97}}",
        "{{eq 'a' \"a\"}}",
        "{{eq 1.0 1}}",
        "{{eq 1e0 1.0}}",
        "{{lt 0.1 0.2}}",
        "{{eq 0x10 16}}",
        "{{eq 1i 1i}}",
        "{{lt 1i 2i}}",
        "{{eq 9223372036854775807 9223372036854775807}}",
        "{{eq .missing .missing}}",
        "{{eq .missing nil}}",
        '{{if eq .s "a" "z"}}yes{{end}}',
        "{{eq (len .l) 1}}",
        "{{eq .mp.a 1}}",
        "{{eq .mp.zz nil}}",
        "{{lt 1 .mp.zz}}",
        '{{lt (index "a" 0) -1}}',
        '{{ge (index "a" 0) (index "b" 0)}}',
        '{{eq (index "a" 0) 97.0}}',
        "{{eq (index \"a\" 0) 'a'}}",
        '{{ne (index "a" 0) "a"}}',
        "{{eq 1 1 1 1 1}}",
        "{{eq 1 2 .l}}",
        "{{eq 1 1 .l}}",
        "{{eq 1 .l 1}}",
        "{{eq .s .missing}}",
        "{{eq .missing .s}}",
        "{{ne .missing .s}}",
        "{{lt .s .missing}}",
        "{{eq 0.1 0.1}}",
        "{{eq -0.0 0.0}}",
        "{{lt -0.0 0.0}}",
        "{{le 1e308 1e308}}",
        "{{eq true true true}}",
        "{{eq nil .n}}",
        "{{eq .n nil .n}}",
        '{{eq "" ""}}',
        '{{lt "é" "z"}}',
        '{{lt "Z" "a"}}',
        "{{eq 1i 1}}",
        "{{eq 'a' (index \"a\" 0) 97}}",
    ]:
        out.append(c(tmpl, d))
    for tmpl in [
        "{{eq (add 1 1) 2}}",
        "{{eq strs strs}}",
        "{{eq mkmap mkmap}}",
        "{{eq nothing nil}}",
        "{{eq (echo 1) 1}}",
        "{{eq (echo nil) nil}}",
        "{{lt (echo 1) 2}}",
        '{{eq (index strs 0) "x"}}',
        '{{eq (index mkmap "a") 1}}',
        "{{eq (pair 1 2) (pair 1 2)}}",
        '{{eq 1 (fail "f")}}',
        "{{ne ok 7}}",
    ]:
        out.append(tf(tmpl, d))
    out.extend(shape_sweep("{{eq X X}}", "{{ge X X}}"))
    return out


# ---------------------------------------------------------------------------------------
# print / println / printf basics


def print_() -> list[Case]:
    """print/println/printf basics: spacing rules, nil, composites, arity."""
    out: list[Case] = []
    d = {"l": [1, "a", None], "m": {"k": [1, 2]}, "n": None, "f": 2.5, "s": "str", "i": 3}
    args = ['"a"', "1", "2.5", "true", "nil", ".l", ".m", ".n", ".missing", '"b"', "'c'", ".s"]
    for a, b in itertools.product(args[:8], repeat=2):
        out.append(c("{{print " + a + " " + b + "}}", d))
    for tmpl in [
        "{{print}}",
        "{{println}}",
        '{{println 1 "a"}}',
        '{{println "a" "b"}}',
        "{{println nil}}",
        '{{print "a" 1 "b"}}',
        '{{print 1 "a" 2}}',
        "{{print 1 2 3}}",
        '{{print "" ""}}',
        '{{print "a" "" "b"}}',
        "{{print 1 nil 2}}",
        "{{print .missing}}",
        "{{println .missing .n}}",
        "{{print .l .m}}",
        "{{print 1.0 2.0}}",
        "{{print 1e21 1e-7}}",
        "{{print 'a' 'b'}}",
        "{{print 1i}}",
        '{{print (index "a" 0)}}',
        '{{print "x" (index "a" 0) "y"}}',
        "{{printf}}",
        "{{printf 1}}",
        "{{printf nil}}",
        "{{printf .missing}}",
        "{{printf .s}}",
        '{{printf "%d" .i}}',
        '{{printf "%s" .s}}',
        '{{printf "%v %v" .l .m}}',
        '{{printf "no verbs"}}',
        '{{printf "%d %s" 1 "a"}}',
        '{{printf "%v" .n}}',
        '{{printf "%s" .n}}',
        '{{printf "%d" .missing}}',
        "{{printf .s 1}}",
        '{{printf "" 1}}',
        '{{printf "%"}}',
        '{{printf "%%"}}',
        '{{print .s | printf "[%s]"}}',
        '{{println .s | printf "%q"}}',
        '{{print "\\n"}}',
        "{{println}}{{println}}",
        '{{print "a" .f}}',
        "{{print .f .i}}",
        '{{printf "%v|%v|%v" 1 "a" true}}',
        '{{printf "%5v|%-5v|" 1 "a"}}',
    ]:
        out.append(c(tmpl, d))
    out.extend(shape_sweep("{{print X}}", "{{println X X}}", "{{printf X}}"))
    return out


# ---------------------------------------------------------------------------------------
# html / js / urlquery

ESCAPE_INPUTS = [
    '""',
    '"plain"',
    '"<a href=\\"x\\">&\'"',
    '"\\x00"',
    '"\\t\\n\\r"',
    '"\\u2028\\u2029"',
    '"é日本😀"',
    '"\\xff"',
    '"a b&c=d?e/f#g+h%i"',
    '"\\\\"',
    '"</script>"',
    '"=;:"',
    "1",
    "2.5",
    "true",
    "nil",
    ".l",
    ".m",
    ".missing",
    "'a'",
    '"~!@$^*()_-[]{}|`"',
    '"\\x7f\\x1b"',
    '"\'\\""',
    '"\\u00a0\\u200b"',
    '"{{"',
]


ESCAPE_CODEPOINTS = [
    0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xAD, 0xE9, 0x300, 0x61C, 0x200B, 0x200E, 0x2028, 0x2029,
    0x202E, 0xE000, 0xFEFF, 0xFFFD, 0xFFFF, 0x1F600, 0xE0001, 0x10FFFF,
]  # fmt: skip


def html_js_urlquery() -> list[Case]:
    """html, js, urlquery: escaping of every interesting character, multiple args."""
    out: list[Case] = []
    d = {"l": ["<", ">"], "m": {"k": "&"}, "s": "<b>", "n": None}
    for fn in ["html", "js", "urlquery"]:
        for arg in ESCAPE_INPUTS:
            out.append(c("{{" + fn + " " + arg + "}}", d))
        for tmpl in [
            "{{" + fn + "}}",
            "{{" + fn + ' "a" "b"}}',
            "{{" + fn + ' "<" 1 ">"}}',
            "{{" + fn + " 1 2}}",
            "{{" + fn + " .s .s}}",
            "{{.s | " + fn + "}}",
            "{{" + fn + ' "x" | printf "%q"}}',
            "{{" + fn + " nil nil}}",
        ]:
            out.append(c(tmpl, d))
    for tmpl in [
        "{{html .s | js | urlquery}}",
        '{{urlquery "a b" | html}}',
        '{{js "<\\"" | html}}',
        "{{html (print .l)}}",
    ]:
        out.append(c(tmpl, d))
    ascii_all = "".join(f"\\x{i:02x}" for i in range(128))
    for fn in ["html", "js", "urlquery"]:
        out.append(c("{{" + fn + ' "' + ascii_all + '"}}'))
        for cp in ESCAPE_CODEPOINTS:
            out.append(c("{{" + fn + ' "a\\U' + f"{cp:08x}" + 'b"}}'))
        for raw in ['"\\xc3"', '"\\xe2\\x80"', '"a\\xffb\\xfe"', '"\\xed\\xa0\\x80"']:
            out.append(c("{{" + fn + " " + raw + "}}"))
    return out


# ---------------------------------------------------------------------------------------
# call


def call() -> list[Case]:
    """call: non-function values of every shape, nil, arity, function identifiers."""
    out: list[Case] = []
    d = {"i": 1, "s": "str", "l": [1], "m": {"k": "v"}, "n": None, "f": 1.5, "t": True}
    targets = [".i", ".s", ".l", ".m", ".n", ".f", ".t", ".missing", ".m.k", "."]
    for target in targets:
        out.append(c("{{call " + target + "}}", d))
        out.append(c("{{call " + target + " 1}}", d))
    for tmpl in [
        "{{call}}",
        "{{call nil}}",
        "{{call 1}}",
        '{{call "s"}}',
        "{{call 1.5}}",
        "{{call true}}",
        "{{call 'a'}}",
        "{{call $}}",
        "{{$x := .i}}{{call $x}}",
        "{{$x := .m}}{{call $x.k}}",
        "{{call (index .l 0)}}",
        "{{call (1)}}",
        "{{call (.m)}}",
        "{{. | call}}",
        "{{1 | call}}",
        "{{.i | call .s}}",
        "partial {{call .i}} never",
        "{{if call .i}}x{{end}}",
        "{{call .m.zz}}",
        "{{call .i .s .l}}",
        "{{call print}}",
        "{{call len}}",
        "{{call html}}",
        "{{call .missing.deeper}}",
        "{{call .l.x}}",
        "{{call call}}",
        "{{call (call .i)}}",
    ]:
        out.append(c(tmpl, d))
    for opts in (["missingkey=error"], ["missingkey=zero"]):
        out.append(c("{{call .missing}}", d, options=opts))
    for tmpl in [
        "{{call add 1 2}}",
        "{{call add}}",
        "{{call nothing}}",
        "{{call echo}}",
        "{{call (echo 1)}}",
        "{{call (echo .m)}}",
        "{{call (echo nil)}}",
        "{{call mkmap}}",
        "{{call strs 1}}",
        "{{call ok}}",
        "{{call boom}}",
        '{{call (fail "f")}}',
        "{{call upper}}",
        "{{call (pair 1 2)}}",
        "{{call (nothing)}}",
        "{{call nothing 1 2}}",
    ]:
        out.append(tf(tmpl, d))
    return out


# ---------------------------------------------------------------------------------------
# printf

PRINTF_VERBS = [
    "v", "+v", "#v", "T", "t", "d", "b", "o", "O", "x", "X", "c", "q", "U", "e", "E", "f", "F",
    "g", "G", "s",
]  # fmt: skip

# Values passed as .v (from JSON) or as literal arguments (keys starting with "lit:").
PRINTF_VALUES: list[tuple[str, Any]] = [
    ("int0", 0),
    ("int42", 42),
    ("intneg", -42),
    ("int255", 255),
    ("intbig", 4611686018427387904),
    ("intmin", -9223372036854775808),
    ("f0", 0.0),
    ("fpi", 3.14159),
    ("fneg", -2.5),
    ("f1e6", 1e6),
    ("fsmall", 1e-7),
    ("f1e21", 1e21),
    ("fint", 123456789.0),
    ("fnegzero", -0.0),
    ("s_empty", ""),
    ("s_hello", "hello"),
    ("s_uni", "héllo"),
    ("s_quote", 'a"b\\c'),
    ("s_nl", "line\n\ttab"),
    ("s_cjk", "日本"),
    ("s_emoji", "😀"),
    ("btrue", True),
    ("bfalse", False),
    ("nil", None),
    ("l_int", [1, 2]),
    ("l_str", ["a", "b"]),
    ("l_mixed", [1, "a", None, 2.5, True]),
    ("l_empty", []),
    ("m", {"b": 1, "a": "x"}),
    ("m_empty", {}),
    ("nested", {"k": [1, {"z": None}]}),
]

PRINTF_LITERALS = ["'x'", '(index "a" 0)', "1i", "(2.5-1i)", "-0.0", "0x10"]

# Flags, widths and precisions: each verb with two values of the types it formats.
PRINTF_FLAGGED: dict[str, list[Any]] = {
    "d": [42, -42],
    "x": [255, "hello"],
    "X": [-255, [1, 255]],
    "o": [8, -8],
    "b": [5, 1.5],
    "c": [65, 233],
    "U": [65, 128512],
    "e": [3.14159, -2.5],
    "f": [3.14159, -0.001],
    "g": [1234567.0, 1e-7],
    "s": ["hello", "héllo"],
    "q": ["hello", 'a"b'],
    "v": [42, [1, "a"]],
    "t": [True, False],
}
PRINTF_FLAG_FORMS = [
    "+", "-", "#", "0", " ", "5", "-8", "08", "+08", "-08", " 8", ".2", ".0", "8.3", "-8.3",
    "08.3", "+.3", "#8", "+#", "# ", "010", ".10",
]  # fmt: skip


PRINTF_COMPOSITES: list[Any] = [
    [1, -2],
    [1.5, 1e6],
    ["a", "b c"],
    {"k": -1.5, "j": "s"},
    [None, True],
    {"x": [1, {"y": "z"}]},
]
PRINTF_FLOAT_SPECS = [
    "e", ".3e", "f", ".2f", "g", ".3g", "8.2f", "#g", "x", "#.0f", ".0e", "v", "-10.1f|", ".10g",
]  # fmt: skip
PRINTF_FLOATS: list[float] = [
    0.0, 1.0, -1.0, 0.5, 2.5, 3.5, 0.125, 1 / 3, 2 / 3, 1e-4, 1e-5, 1.5e-7, 123456.789, 1e15,
    1e16, 1e20, 1e21, 9007199254740993.0, 1.7976931348623157e308, 5e-324, 0.1 + 0.2,
    -123.456, 999999.5, 0.05, 1.005,
]  # fmt: skip
PRINTF_INT_SPECS = [
    "d", "5d", "-5d", "05d", "x", "#x", "X", "#X", "o", "#o", "O", "b", "#b", "c", "q", "U",
    "#U", "v", "+d", " d", ".3d", "e", "8.3x", "-#8o",
]  # fmt: skip
PRINTF_INTS = [0, 1, -1, 7, 65, 255, 256, -256, 2147483648, 4294967296, 1114111, 1114112, 55296]
PRINTF_STRING_SPECS = [
    "s", "q", "+q", "#q", "x", " x", "X", "#x", ".2s", "5s", "-5s", "05s", "v", "#v", "T", "c",
    "d", ".1q", "8.3q",
]  # fmt: skip
PRINTF_STRING_LITERALS = [
    '""', '"a"', '"héllo"', '"\\x00"', '"\\t"', '"\\u2028"', '"😀"', '"\\xff"', '"a\\"b"', '"`"',
    '"\\\\"', '"\\x7f"', "`ra\\w`",
]  # fmt: skip


def printf() -> list[Case]:
    """Every verb over every value shape, flags x widths x precisions, *, [n], errors."""
    out: list[Case] = []
    for verb in PRINTF_VERBS:
        for _label, value in PRINTF_VALUES:
            out.append(c('{{printf "%' + verb + '" .v}}', {"v": value}))
        for lit in PRINTF_LITERALS:
            out.append(c('{{printf "%' + verb + '" ' + lit + "}}"))
    for verb, values in PRINTF_FLAGGED.items():
        for form in PRINTF_FLAG_FORMS:
            for value in values:
                out.append(c('{{printf "|%' + form + verb + '|" .v}}', {"v": value}))
    for verb in ["v", "d", "x", "X", "s", "q", "f", "e", "g", "t"]:
        for form in ["", "+", "#", "-6", ".1"]:
            for value in PRINTF_COMPOSITES:
                out.append(c('{{printf "|%' + form + verb + '|" .v}}', {"v": value}))
    # Printability comes from Go's Unicode tables (17.0 in Go 1.27), whatever
    # Unicode version Python has: characters assigned in Unicode 15 to 17, one
    # still unassigned, a format character, a separator, a private-use one.
    unicode_mix = "\U00031350 \U0002ebf0 \U0001fae9 \U00011f00 \u0378 \u00ad \u2028 \ue000"
    for spec in ["q", "+q", "#q", "x", "U", "#U", "c"]:
        out.append(c('{{printf "%' + spec + '" .v}}', {"v": unicode_mix}))
        out.append(
            c('{{range .}}{{printf "%' + spec + ' " .}}{{end}}', [ord(ch) for ch in unicode_mix])
        )
    out.append(c("{{js .v}}|{{html .v}}|{{urlquery .v}}", {"v": unicode_mix}))
    for spec in PRINTF_FLOAT_SPECS:
        for value in PRINTF_FLOATS:
            out.append(c('{{printf "%' + spec + '" .v}}', {"v": value}))
    for spec in PRINTF_INT_SPECS:
        out.append(c('{{range .}}{{printf "|%' + spec + '" .}}{{end}}', PRINTF_INTS))
        for lit in ["9223372036854775807", "-9223372036854775808", "'x'", '(index "\\xff" 0)']:
            out.append(c('{{printf "|%' + spec + '" ' + lit + "}}"))
    for spec in PRINTF_STRING_SPECS:
        for lit in PRINTF_STRING_LITERALS:
            out.append(c('{{printf "|%' + spec + '" ' + lit + "}}"))
    for spec in ["v", "+v", "#v", "T", "d", "x", "s", "q", "5v", "-4d"]:
        for fn in [
            "mkmap",
            "strs",
            "(pair 1 nil)",
            "(echo 1.5)",
            "nothing",
            "ok",
            "(index strs 0)",
        ]:
            out.append(tf('{{printf "|%' + spec + '" ' + fn + "}}"))
    for tmpl in [
        '{{printf "%*d" 5 42}}',
        '{{printf "%-*d|" 5 42}}',
        '{{printf "%*d" -5 42}}',
        '{{printf "%.*f" 2 3.14159}}',
        '{{printf "%*.*f" 8 2 3.14159}}',
        '{{printf "%.*f" -1 3.14159}}',
        '{{printf "%*d" "x" 42}}',
        '{{printf "%.*d" "x" 42}}',
        '{{printf "%*d" 10000000 1}}',
        '{{printf "%.*d" 10000000 1}}',
        '{{printf "%*d"}}',
        '{{printf "%*d" 5}}',
        '{{printf "%[2]d %[1]d" 1 2}}',
        '{{printf "%[1]d %[1]v %[1]T" 7}}',
        '{{printf "%[3]*.[2]*[1]f" 12.0 2 6}}',
        '{{printf "%d %d %#[1]x %#x" 16 17}}',
        '{{printf "%[5]d" 1 2}}',
        '{{printf "%[0]d" 1}}',
        '{{printf "%[-1]d" 1}}',
        '{{printf "%[x]d" 1}}',
        '{{printf "%[1]" 1}}',
        '{{printf "%[1" 1}}',
        '{{printf "%[2]d" 1}}',
        '{{printf "%[1]d %d" 1}}',
        '{{printf "%[2]d %d" 1 2 3}}',
        '{{printf "%[1]*d" 3 4}}',
        '{{printf "%.[2]d" 1 2}}',
        '{{printf "%d" "x"}}',
        '{{printf "%d %d" 1}}',
        '{{printf "%d" 1 2}}',
        '{{printf "%d" 1 2 "x" nil}}',
        '{{printf "hi" 1}}',
        '{{printf "%"}}',
        '{{printf "%!"}}',
        '{{printf "%z" 1}}',
        '{{printf "%z"}}',
        '{{printf "%-"}}',
        '{{printf "%5"}}',
        '{{printf "%.2"}}',
        '{{printf "%s %!s" "a" "b"}}',
        '{{printf "%v"}}',
        '{{printf "%v %v" nil}}',
        '{{printf "%.3s" "abcdef"}}',
        '{{printf "%.3q" "abcdef"}}',
        '{{printf "%.1s" "日本"}}',
        '{{printf "%5.1s|" "日本"}}',
        '{{printf "%x" "hello"}}',
        '{{printf "% x" "hello"}}',
        '{{printf "%#x" "hello"}}',
        '{{printf "% #X" "hi"}}',
        '{{printf "%X" .v}}',
        '{{printf "%#q" "back`tick"}}',
        '{{printf "%#q" "plain"}}',
        '{{printf "%+q" "héllo"}}',
        "{{printf \"%#U\" 'x'}}",
        '{{printf "%#U" 0x1F600}}',
        '{{printf "%c" -1}}',
        '{{printf "%c" 0x110000}}',
        '{{printf "%q" 0x110000}}',
        '{{printf "%U" -1}}',
        '{{printf "%08.3f" -3.14159}}',
        '{{printf "%+.3e" 12345.678}}',
        '{{printf "%g" 1e-7}}',
        '{{printf "%g" 100000.0}}',
        '{{printf "%g" 1e21}}',
        '{{printf "%.3g" 1234567.0}}',
        '{{printf "%#g" 1.0}}',
        '{{printf "%#.3g" 1.0}}',
        '{{printf "%#v" 1.0}}',
        '{{printf "%#v" 1e6}}',
        '{{printf "%#v" 1e21}}',
        '{{printf "%v" 1e20}}',
        '{{printf "%x" 1.5}}',
        '{{printf "%X" -1.5}}',
        '{{printf "%b" 1.5}}',
        '{{printf "%.2x" 1.5}}',
        '{{printf "%#b" 5}}',
        '{{printf "%#o" 8}}',
        '{{printf "%O" -8}}',
        '{{printf "%#O" 8}}',
        '{{printf "%08b" 5}}',
        '{{printf "%-08d|" 5}}',
        '{{printf "%+d %+d" 5 -5}}',
        '{{printf "% d % d" 5 -5}}',
        '{{printf "%x" -255}}',
        '{{printf "%#X" -255}}',
        '{{printf "%.0d" 0}}',
        '{{printf "%5.0d|" 0}}',
        '{{printf "%.3d" 7}}',
        '{{printf "%t" 1}}',
        '{{printf "%t %t" true false}}',
        '{{printf "%5t|%-7t|" true false}}',
        '{{printf "%s" 1}}',
        '{{printf "%s" 1.5}}',
        '{{printf "%s" true}}',
        '{{printf "%s" nil}}',
        '{{printf "%d" nil}}',
        '{{printf "%d" true}}',
        '{{printf "%d" 1.5}}',
        '{{printf "%f" 1}}',
        '{{printf "%e" "x"}}',
        '{{printf "%c" "x"}}',
        '{{printf "%q" 1.5}}',
        '{{printf "%x" true}}',
        '{{printf "%v %d" .v .v}}',
        '{{printf "%6.2f|%-8.3e|%+g" 3.14159 1234.5 -0.5}}',
        '{{printf "%v|%+v|%#v" .v .v .v}}',
        '{{printf "%T|%T|%T|%T" .v.a .v.b .v.c .v.d}}',
        '{{printf "%5s|%-5s|%05s" "ab" "ab" "ab"}}',
        '{{printf "%05d" -42}}',
        '{{printf "%+05d" 42}}',
        '{{printf "%x" "日本"}}',
        "{{printf \"%U\" '日'}}",
        "{{printf \"%q\" '\\n'}}",
        '{{printf "%q" "\\xff"}}',
        '{{printf "%+q" "\\xff"}}',
        '{{printf "%x" "\\xff"}}',
        '{{printf "%s" "\\xff"}}',
        '{{printf "%v" (index "\\xff" 0)}}',
        '{{printf "%08.3v" 3.14159}}',
        '{{printf "%-10v|" .v}}',
        '{{printf "%10v|" .v}}',
        '{{printf "%x" .v}}',
        '{{printf "%d" .v}}',
        '{{printf "%s" .v}}',
        '{{printf "%q" .v}}',
        '{{printf "%6.2f" .v}}',
        '{{printf "%5s|%-5s|%.1s|" "e\u0301" "e\u0301" "e\u0301"}}',
        '{{printf "%.30e" 1.0}}',
        '{{printf "%.400f" 0.1}}',
        '{{printf "%.17g %.0g %#.0g" 0.1 0.1 0.1}}',
        '{{printf "%#x %#o %#b %#X %#O" 0 0 0 0 0}}',
        '{{printf "% x|% X|%+x" -255 -255 "ab"}}',
        '{{printf "%-#10x|" 255}}',
        '{{printf "%3c|%-3c|%03c" 65 65 65}}',
        '{{printf "%10U|%#10U|%-10U|" 65 65 65}}',
        '{{printf "%010q|%-10q|" "a" "a"}}',
        '{{printf "%#t %+t" true false}}',
        '{{printf "%x %X % x" .v .v .v}}',
        '{{printf "%.3x %#.3x %X" -1.5 1.5 1e300}}',
        '{{printf "%v %.2v %5.1v" 1e-7 3.14159 3.14159}}',
        '{{printf "%+v %#v" -0.0 -0.0}}',
        '{{printf "%d" 1e6}}',
        '{{printf "%s %v" "\u00ff\xff" "\xff\xfe"}}',
        '{{printf "%q %+q %#q %x" "\u00ff\xff" "\u00ff\xff" "\u00ff\xff" "\u00ff\xff"}}',
        '{{printf "%c%c%c" 0xD800 0x10FFFF 0x110000}}',
        '{{printf "%q %+q %U" 0xD800 0x10FFFF 0xD800}}',
        '{{printf "%08.3e|%-12.4E|%+012.2f" -1234.5678 1234.5678 3.14159}}',
        '{{printf "%e %E %f %g" 1e-320 1e-320 1e-320 1e-320}}',
        '{{printf "%g %g %g %g" 1e20 1e21 1e-4 1e-5}}',
        '{{printf "%v %v" 100000000000000000000.0 0.000001}}',
        '{{printf "%6.3v|%-8.2v|" "abcdef" "abcdef"}}',
        '{{printf "%[2]*[1]d|%-[2]*[1]d|" 7 4}}',
        '{{printf "%[1]*[1]d" 3}}',
        '{{printf "%.[1]*[1]f" 2}}',
        '{{printf "%[3]v %[1]v %v" 1 2 3}}',
        '{{printf "%[2]v %[2]v %[1]v %v" 1 2}}',
        '{{printf "%!%d%" 1}}',
        '{{printf "%-+ #0d" 5}}',
        '{{printf "%0-5d|" 5}}',
        '{{printf "%+-5d|%+05d|% 05d|" 5 5 5}}',
        '{{printf "%x" .v}}',
    ]:
        out.append(
            c(tmpl, {"v": {"a": 1, "b": [1.5, "x"], "c": {"z": True}, "d": None}})
            if ".v" in tmpl
            else c(tmpl)
        )
    return out


# ---------------------------------------------------------------------------------------
# implicit printing

PRINTING_VALUES: list[Any] = [
    0, 1, -1, 42, 9223372036854775807, -9223372036854775808, 9223372036854775808,
    12345678901234567890, 1e6, 1e-5, 0.1, 1e21, 1e20, 100.0, 1.5, -0.0, 123456789.0,
    1.23456789e-7, 0.000001, 0.0001, 1e100, 2.5e-300, 3.0, 1.7976931348623157e308,
    5e-324, 0.1 + 0.2, 1 / 3, "", "text", "héllo", "日本語", "😀", "a\nb", "<&>", "\\", True,
    False, None, [], [1, 2, 3], ["a", "b"], [None, 1], [[1], [2, 3]], {}, {"b": 2, "a": 1},
    {"z": {"y": {"x": 1}}}, {"list": [1, {"k": "v"}]}, {"B": 1, "a": 2, "_": 3, "1": 4},
    {"n": None}, [{"a": 1}, {"b": 2}], [1.5, 1e21, -0.0], {"é": 1, "e": 2}, [True, False],
    ["", " "], {"": "empty key"},
]  # fmt: skip


def printing() -> list[Case]:
    """Implicit printing ({{.}}) of every JSON shape: floats, ints, maps, lists, nil."""
    out: list[Case] = []
    for v in PRINTING_VALUES:
        out.append(c("{{.}}", v))
    for v in PRINTING_VALUES[::3]:
        out.append(c("{{print .}}|{{println .}}", v))
    for v in PRINTF_FLOATS:
        out.append(c("{{.}}", v))
        big = v * 1000 if abs(v) < 1e300 else v
        out.append(c("{{.l}} {{.m}}", {"l": [v, -v], "m": {"k": big}}))
    d = {"x": None, "l": [1, None], "m": {"a": None}, "f": 1e6, "i": 10}
    for tmpl in [
        "{{.x}}",
        "{{.l}}",
        "{{.m}}",
        "{{.m.a}}",
        "{{index .l 1}}",
        "{{.nope}}",
        "{{.f}} {{.i}}",
        "{{1e6}} {{1000000.0}} {{1e-5}}",
        "{{0.1}} {{.1}} {{1e21}}",
        "{{1.0}} {{-1.0}} {{1.5e0}}",
        "{{.}}",
        "{{$}}",
        "{{range .l}}{{.}},{{end}}",
        "{{range .m}}{{.}}{{end}}",
        "{{with .m}}{{.}}{{end}}",
        "{{'x'}}",
        "{{1i}}",
        '{{(index "ab" 1)}}',
        "{{nothing}}",
        "{{echo nil}}",
        "{{echo .x}}",
        "{{mkmap}}",
        "{{strs}}",
        "{{pair 1 nil}}",
        "{{ok}}",
    ]:
        out.append(tf(tmpl, d))
    return out


# ---------------------------------------------------------------------------------------
# parse errors

PARSE_ERROR_SNIPPETS = [
    # lexer
    "{{/* unclosed comment",
    "{{/* c */ x}}",
    "{{.a",
    "{{",
    "{{ ",
    "{{.a\n.b",
    "{{print 1\n",
    "{{)}}",
    "{{(1}}",
    "{{((1)}}",
    "{{#}}",
    "{{@}}",
    "{{^}}",
    "{{~}}",
    "{{&}}",
    "{{;}}",
    "{{,}}",
    "{{:}}",
    "{{=}}",
    "{{!}}",
    "{{?}}",
    "{{\x01}}",
    "{{€}}",
    "{{\u00a0}}",
    "{{.a#}}",
    "{{$x#}}",
    "{{print#}}",
    "{{.a.b#c}}",
    "{{3k}}",
    "{{1.2.3}}",
    "{{0x}}",
    "{{0b2}}",
    "{{1e}}",
    "{{08}}",
    "{{1__0}}",
    "{{0x_}}",
    "{{1+}}",
    "{{1+2}}",
    "{{9999999999999999999999}}",
    "{{1e500}}",
    '{{"abc}}',
    '{{"abc\n"}}',
    "{{`abc}}",
    "{{'a}}",
    "{{'ab'}}",
    "{{''}}",
    "{{'\\q'}}",
    '{{"\\q"}}',
    '{{"\\x4"}}',
    '{{"\\uD800"}}',
    "{{'\\400'}}",
    "{{$x :}}",
    "{{$x : 1}}",
    # parser: unexpected tokens
    "{{end}}",
    "{{else}}",
    "{{if 1}}{{end}}{{end}}",
    "{{if 1}}",
    "{{if 1}}{{else}}",
    "{{range .}}",
    "{{with .}}",
    "{{if 1}}{{else}}{{else}}{{end}}",
    "{{if}}{{end}}",
    "{{with}}{{end}}",
    "{{range}}{{end}}",
    "{{if 1 | }}{{end}}",
    "{{end 1}}",
    "{{else 1}}",
    "{{if 1}}{{else if}}{{end}}",
    "{{if 1}}{{else with}}{{end}}",
    "{{break}}",
    "{{continue}}",
    "{{range .}}{{break x}}{{end}}",
    "{{range .}}{{continue x}}{{end}}",
    "{{range .}}{{break}}",
    "{{define}}",
    '{{define "a"}}',
    '{{define "a" x}}{{end}}',
    "{{define 1}}{{end}}",
    '{{define "a"}}{{else}}{{end}}',
    '{{define "\\q"}}{{end}}',
    '{{define "a"}}1{{end}}{{define "a"}}2{{end}}',
    '{{block "a"}}{{end}}',
    "{{block a .}}{{end}}",
    '{{block "a" .}}',
    '{{block "a" .}}{{else}}{{end}}',
    "{{template}}",
    "{{template 1}}",
    "{{template .x}}",
    '{{template "a" 1 2}}',
    '{{template "\\q"}}',
    '{{template "a" |}}',
    # pipelines and commands
    "{{|}}",
    "{{| print}}",
    "{{print |}}",
    "{{print | | print}}",
    "{{1 | 2}}",
    '{{print | "x"}}',
    "{{print | .}}",
    "{{print | nil}}",
    "{{print | true}}",
    "{{print | 1.5}}",
    "{{()}}",
    "{{( )}}",
    "{{(|)}}",
    "{{print ()}}",
    "{{nosuch}}",
    "{{nosuch 1}}",
    "{{print nosuch}}",
    "{{.a | nosuch}}",
    "{{$x}}",
    "{{$x = 1}}",
    "{{print $x}}",
    "{{$x, $y := 1}}",
    "{{with $x, $y := 1}}{{end}}",
    "{{if $x, $y := 1}}{{end}}",
    "{{range $x, $y, $z := .}}{{end}}",
    "{{range $x, 1 := .}}{{end}}",
    "{{range $x, . := .}}{{end}}",
    "{{$x := }}",
    "{{$x := | print}}",
    "{{(1).x.}}",
    '{{"a".x}}',
    "{{1.x}}",
    "{{nil.x}}",
    "{{true.x}}",
    "{{..x}}",
    "{{.x y}}",
    "{{print 1)}}",
    "{{print (1}}",
    "{{print (1 2}}",
    "{{print 1 , 2}}",
    "{{print 1 = 2}}",
    "{{print :=}}",
    "{{:= 1}}",
    "{{= 1}}",
    "{{print $}}{{$ := 1}}",
    '{{if 1}}{{define "a"}}{{end}}{{end}}',
    "{{range .}}{{else}}{{else}}{{end}}",
    "{{with .}}{{else with}}{{end}}",
    "{{if 1}}{{else}}{{end}}{{else}}",
    "{{- end}}",
    "{{else -}}",
    "{{-end}}",
    "{{1 2 |}}",
    "{{print 1 2 | }}",
    "{{$x := 1 | $y := 2}}",
    "{{print ($x := 1) $x}}",
    "{{if 1}}x{{else}}{{$x := 1}}{{end}}{{$x}}",
    '{{block "a" .}}{{$x := 1}}{{end}}{{$x}}',
    "{{range .}}{{end}}{{break}}",
]


def parse_errors() -> list[Case]:
    """Malformed templates: every lexer and parser error class, in several contexts."""
    out: list[Case] = []
    for s in PARSE_ERROR_SNIPPETS:
        out.append(c(s))
    # The same errors on later lines, inside blocks and under other names, so the
    # line numbers and template names in the messages are exercised.
    for s in PARSE_ERROR_SNIPPETS[::2]:
        out.append(c("line one\nline two\n" + s, name="page.tmpl"))
    for s in PARSE_ERROR_SNIPPETS[1::3]:
        out.append(c("{{if true}}\n  " + s + "\n{{end}}"))
    for s in PARSE_ERROR_SNIPPETS[::5]:
        out.append(c('{{define "inner"}}\n' + s + "\n{{end}}", name="outer"))
    multi_line = [
        "{{print\n1\n2\n\n",
        "{{print\n1 (\n2}}",
        "{{/*\n\n*/ x}}",
        '{{"a\nb"}}',
        "{{`a\nb",
        "{{if 1}}\n\n\n",
        "a\n{{range .}}\n{{else}}\n{{else}}\n{{end}}",
        "{{print\n$undefined}}",
        "{{print \n  nosuch}}",
        "{{\n.a\n#}}",
        "{{\n(\n1\n}}",
        "{{print 1\n)}}",
    ]
    for s in multi_line:
        out.append(c(s))
        out.append(c(s, name="m"))
    for s, delims in [
        ("[[.a", ("[[", "]]")),
        ("[[ #]]", ("[[", "]]")),
        ("[[/* x", ("[[", "]]")),
        ("[[/* x */ y]]", ("[[", "]]")),
        ("[[if 1]]", ("[[", "]]")),
        ("<%end%>", ("<%", "%>")),
        ("<% (1 %>", ("<%", "%>")),
        ("{{end}}[[nosuch]]", ("[[", "]]")),
    ]:
        out.append(c(s, delims=delims))
    # Template names containing "%": Go puts them in its format string (a Go quirk;
    # only cases whose result does not depend on Go's internal structs are kept).
    for s in ["{{.a", "{{nosuch}}", '{{"\\q"}}', "{{end}}", "{{$x}}"]:
        out.append(c(s, name="%%"))
    for nm in ["a%b", "%s"]:
        for s in ["{{nosuch}}", "{{$x}}"]:
            out.append(c(s, name=nm))
    out.append(c('{{define "t%d"}}{{nosuch}}{{end}}'))
    # Unexpected tokens in each control context.
    for kw in ["if", "with", "range"]:
        for tail in ["1 , 2", "1 =", "1 :=", "$x, $y = 1", "1 (", "1 )"]:
            out.append(c("{{" + kw + " " + tail + "}}x{{end}}"))
    # Nesting depth: Go allows 10000 levels of parentheses.
    for depth in [9999, 10000, 10001]:
        out.append(c("{{" + "(" * depth + "1" + ")" * depth + "}}"))
    return out


# ---------------------------------------------------------------------------------------
# execution errors

EXEC_ERROR_SNIPPETS = [
    "{{len 3}}",
    "{{len nil}}",
    "{{len .n}}",
    "{{index 1 0}}",
    "{{index .l 9}}",
    "{{index .l -1}}",
    '{{index .l "x"}}',
    "{{index .l nil}}",
    "{{index .m 1}}",
    "{{index nil 0}}",
    "{{index .n 0}}",
    "{{slice .l 9}}",
    "{{slice .l 2 1}}",
    '{{slice "abc" 1 2 3}}',
    "{{slice .m}}",
    "{{slice nil}}",
    "{{slice .l 1 2 3 4}}",
    "{{slice .l 0 1 9}}",
    "{{.i.x}}",
    "{{.s.x}}",
    "{{.l.x}}",
    "{{.n.x}}",
    "{{.t.x}}",
    "{{.f.x}}",
    "{{.m.k.x}}",
    "{{.i 1}}",
    "{{.m.k 1 2}}",
    "{{$x := 1}}{{$x 2}}",
    "{{. 1}}",
    "{{1 2}}",
    '{{"s" 1}}',
    "{{true 1}}",
    "{{(1) 2}}",
    "{{nil}}",
    "{{print nil | print}}",
    "{{if nil}}{{end}}",
    "{{9223372036854775808}}",
    "{{print 9223372036854775808}}",
    "{{18446744073709551615}}",
    "{{printf 1}}",
    "{{printf}}",
    "{{printf nil}}",
    "{{print .missing | printf}}",
    "{{html}}",
    "{{not}}",
    "{{not 1 2}}",
    "{{and}}",
    "{{or}}",
    "{{eq}}",
    "{{eq 1}}",
    "{{ne 1 2 3}}",
    "{{lt 1}}",
    '{{eq 1 "a"}}',
    "{{eq 1 1.5}}",
    "{{eq .l .l}}",
    "{{eq .m 1}}",
    "{{lt true false}}",
    "{{lt .l 1}}",
    "{{lt nil 1}}",
    '{{lt 1 "a"}}',
    "{{ge 1.5 1}}",
    "{{call .i}}",
    "{{call nil}}",
    "{{call .missing}}",
    "{{call}}",
    "{{range .i}}{{end}}",
    "{{range $i, $e := .i}}{{end}}",
    "{{range .f}}{{end}}",
    "{{range .t}}{{end}}",
    "{{range .s}}{{end}}",
    "{{range 1.5}}{{end}}",
    '{{template "nope"}}',
    '{{template "nope" .}}',
    '{{define "r"}}{{template "r"}}{{end}}{{template "r"}}',
    "{{index .l 1 2}}",
    "{{index .s 1 2}}",
    "{{len .i .i}}",
    "{{.missing.x.y}}",
    "{{(index .l 0).x}}",
    "{{(len .l).x}}",
    "{{(.n).x}}",
    "{{$x := .n}}{{$x.y}}",
    "{{with .m}}{{.k.x}}{{end}}",
    "{{range .l}}{{.x}}{{end}}",
    "{{range $i, $e := .l}}{{$e.x}}{{end}}",
    "{{html .l | len}}",
    '{{printf "%d" | len}}',
    "{{.l | index 9}}",
    "{{urlquery | len | index .l}}",
]


def exec_errors() -> list[Case]:
    """Execution errors with the partial output written before them."""
    out: list[Case] = []
    d = {"i": 1, "s": "str", "l": [1, 2, 3], "m": {"k": "v"}, "n": None, "t": True, "f": 2.5}
    for s in EXEC_ERROR_SNIPPETS:
        out.append(c(s, d))
    for s in EXEC_ERROR_SNIPPETS[::2]:
        out.append(c("partial output\nline 2: " + s + " never", d, name="page"))
    for s in EXEC_ERROR_SNIPPETS[1::3]:
        out.append(c("{{range .l}}<{{.}}>{{end}}{{with .m}}\n  " + s + "{{end}}", d))
    for s in EXEC_ERROR_SNIPPETS[::6]:
        out.append(c('{{define "d"}}x\n' + s + '{{end}}a{{template "d" .}}b', d))
    for opts, tmpl in [
        (["missingkey=error"], "{{.missing}}"),
        (["missingkey=error"], "ok {{.m.nope}}"),
        (["missingkey=error"], "{{.m.k}}{{.m.k2}}"),
        (["missingkey=error"], "{{range .l}}{{.}}{{$.zz}}{{end}}"),
        (["missingkey=zero"], "{{.missing.x}}"),
    ]:
        out.append(c(tmpl, d, options=opts))
    out.append(c("{{.x}}", None, options=["missingkey=error"]))
    # After a chain (a parenthesized term and its fields) is evaluated as an argument,
    # Go's state points at the last node its term visited: errors found later (a
    # field of the result, a range over it) blame that node, not the chain.
    chained = {"a": None, "items": True}
    for tmpl in [
        '{{. | len | eq (. | printf "" | or (len . | or .).items . .).a}}',
        "{{(or (len . | or .).items).a}}",
        "{{(or (or . 1).items).a}}",
        "{{(and (or .).items).a}}",
        "{{(print 1 (.).items).a}}",
        "{{(print (or 0 .).items).a}}",
        "{{range (print (.).items)}}{{end}}",
        "{{range (print html.x)}}{{end}}",
        '{{range print 1 (html "a").x}}{{end}}',
        "{{range . | print (.).items}}{{end}}",
        "{{$x := (.).items}}{{range $x}}{{end}}",
    ]:
        out.append(c(tmpl, chained))
    for tmpl in [
        "{{add 1}}",
        "{{add 1 2 3}}",
        '{{add "a" 1}}',
        "{{add 1.5 2}}",
        "{{add .f 1}}",
        "{{add .s 1}}",
        "{{add nil 1}}",
        "{{add .missing 1}}",
        "{{add .n 1}}",
        "{{add true 1}}",
        "{{add 'a' 1}}",
        "{{add 1i 1}}",
        "{{concat 1}}",
        '{{concat "a" 1}}',
        "{{concat nil}}",
        '{{fail "bad"}}',
        'x{{fail "bad"}}y',
        "{{boom}}",
        "{{upper 1}}",
        "{{upper}}",
        "{{upper .missing}}",
        '{{isodd "1"}}',
        "{{isodd 1.0}}",
        '{{variadic "p" "x"}}',
        "{{variadic}}",
        "{{variadic 1}}",
        '{{variadic "p" 1 2.5}}',
        "{{echo}}",
        "{{echo 1 2}}",
        "{{pair 1}}",
        "{{nothing 1}}",
        "{{mkmap 1}}",
        "{{ok 1}}",
        "{{ok | fail}}",
        '{{"x" | add 1}}',
        "{{mkmap.a.b}}",
        "{{strs.x}}",
        "{{(nothing).x}}",
        "{{index strs 5}}",
        "{{index mkmap 1}}",
    ]:
        out.append(tf(tmpl, d))
    # The failing node as Go prints it in "at <...>": literals keep their source text.
    for tmpl in [
        '{{index "a\\tb\\u00e9" 9}}',
        "{{index `raw\\n` 9}}",
        "{{index .l 'x'}}",
        "{{index .l '\\n'}}",
        "{{index .l 0x1F}}",
        "{{index .l 1_0}}",
        "{{index .l 0b11 1}}",
        "{{index .l 1e3}}",
        "{{index .l 1.50}}",
        "{{index .l 1i}}",
        "{{index .l true}}",
        "{{index .l nil}}",
        "{{index .l $}}",
        "{{$x := .m}}{{index .l $x.k}}",
        "{{index .l (print 1)}}",
        "{{index .l (.m)}}",
        "{{index .l (.m).k}}",
        "{{index (slice .l 1) 9}}",
        "{{index (slice .l 1 | len | print) 9}}",
        "{{$x := index .l 9}}",
        "{{$x := 0}}{{$x = index .l 9}}",
        "{{if index .l 9}}{{end}}",
        "{{range index .l 9}}{{end}}",
        "{{with $y := index .l 9}}{{end}}",
        '{{template "nope" (index .l 0)}}',
        "{{index   .l    9   }}",
        "{{ index .l 9 | print }}",
        "{{print (index .l 9) 2}}",
        '{{index .l "%d" 9}}',
        '{{printf "%d" (index .l 9)}}',
        "{{index .l\n  9}}",
        "{{.m.k.x.y}}",
        "{{$.m.k.x}}",
        "{{(.m).k.x}}",
        "{{(index .l 0).x.y}}",
    ]:
        out.append(c(tmpl, d))
    # Template names containing "%": Go puts them in its format string (a Go quirk).
    for nm in ["a%b", "50%", "%%"]:
        out.append(c("x{{index .l 9}}", d, name=nm))
        out.append(c('{{define "t"}}{{index .l 9}}{{end}}{{template "t" .}}', d, name=nm))
        out.append(c("{{.}}", d, name=nm, exec="nope"))
    # Where Go says an argument went wrong: the node it evaluated last.
    for arg in [
        ".s", "$s", "(.s)", '(print "a")', '"a"', "(index .l 0)", ".m.k", "$.s", '(echo "a")',
        "1.5", "nil", "true", ".missing", "(.missing)", "$m.k", "(len .s | print)", "(.m).k",
        "(slice .s 1)", "(and .s .s)", "(or 0 .s)",
    ]:  # fmt: skip
        out.append(tf("{{$s := .s}}{{$m := .m}}{{add 1 " + arg + "}}", d))
    for tmpl in [
        "{{printf (index .l 0)}}",
        "{{printf (.i)}}",
        "{{printf $.i}}",
        "{{printf (len .s)}}",
        "{{upper (index .l 0)}}",
        "{{upper (add 1 2)}}",
        "{{upper (echo 1)}}",
        "{{upper (echo nil)}}",
        "{{concat .s (index .l 0)}}",
        "{{variadic .s 1 (index .l 0) .s}}",
        "{{isodd (echo .s)}}",
        "{{isodd (len .s | echo)}}",
        '{{index .l (echo "a")}}',
        "{{slice .s (echo 1)}}",
        "{{len (echo 1)}}",
        "{{add (add 1 .s) 1}}",
        "{{add 1 2 | upper}}",
        "{{.s | add 1}}",
        "{{(echo .s) | add 1}}",
        "{{.l | upper}}",
    ]:
        out.append(tf(tmpl, d))
    out.append(c('{{define "t%d"}}{{index .l 9}}{{end}}{{template "t%d" .}}', d))
    out.append(c('{{define "t%d"}}{{index .l 9}}{{end}}', d, exec="t%d"))
    return out


# ---------------------------------------------------------------------------------------
# the test function set


def test_funcs() -> list[Case]:
    """The "test" FuncMap: arity, argument types, variadics, errors, results, pipelines."""
    out: list[Case] = []
    d = {"i": 3, "j": 4, "f": 1.5, "s": "abc", "l": ["p", "q"], "m": {"k": 1}, "n": None}
    for tmpl in [
        "{{add 1 2}}",
        "{{add -1 1}}",
        "{{add .i .j}}",
        "{{add 9223372036854775807 1}}",
        "{{add 'a' 1}}",
        "{{add 0x10 0b1}}",
        "{{add 1.0 2}}",
        "{{add 1e2 1}}",
        "{{add 1.5 2}}",
        "{{add .f 1}}",
        "{{add 1}}",
        "{{add}}",
        "{{add nil 1}}",
        "{{add .n 1}}",
        "{{add (add 1 2) (add 3 4)}}",
        '{{printf "%T" (add 1 2)}}',
        "{{concat}}",
        '{{concat "a"}}',
        '{{concat "a" "b" "c"}}',
        "{{concat .s .s}}",
        '{{concat "a" 1}}',
        "{{concat .l}}",
        "{{concat nil}}",
        '{{concat "é" "😀"}}',
        '{{fail "oops"}}',
        '{{fail ""}}',
        "{{fail 1}}",
        "{{fail}}",
        'a{{fail "e"}}b',
        '{{if fail "e"}}{{end}}',
        "{{boom}}",
        "{{boom 1}}",
        "{{echo 1}}",
        "{{echo 1.5}}",
        '{{echo "s"}}',
        "{{echo .l}}",
        "{{echo .m}}",
        "{{echo nil}}",
        "{{echo .n}}",
        "{{echo .missing}}",
        "{{echo true}}",
        "{{echo 'a'}}",
        "{{echo 1i}}",
        '{{printf "%T" (echo 1)}}',
        '{{printf "%T" (echo nil)}}',
        "{{nothing}}",
        '{{printf "%T %v" nothing nothing}}',
        "{{if nothing}}y{{else}}n{{end}}",
        "{{with nothing}}y{{else}}n{{end}}",
        "{{range nothing}}y{{else}}n{{end}}",
        "{{pair 1 2}}",
        '{{pair "a" nil}}',
        "{{pair .l .m}}",
        '{{printf "%T" (pair 1 2)}}',
        "{{index (pair 1 2) 0}}",
        "{{mkmap}}",
        "{{mkmap.a}}",
        '{{printf "%T" mkmap}}',
        "{{range $k, $v := mkmap}}{{$k}}{{$v}}{{end}}",
        "{{strs}}",
        '{{printf "%T %q" strs strs}}',
        "{{range strs}}{{.}}{{end}}",
        "{{index strs 1}}",
        "{{ok}}",
        '{{printf "%T" ok}}',
        '{{upper "abc"}}',
        '{{upper "héllo ß"}}',
        "{{upper .s}}",
        "{{upper 1}}",
        "{{upper .missing}}",
        "{{upper nil}}",
        '{{upper "\\xff"}}',
        "{{isodd 3}}",
        "{{isodd 4}}",
        "{{isodd -3}}",
        "{{isodd .i}}",
        "{{isodd 'a'}}",
        '{{isodd "3"}}',
        '{{variadic "p"}}',
        '{{variadic "p" 1}}',
        '{{variadic "p" 1 2 3}}',
        "{{variadic .s .i .j}}",
        '{{variadic "p" 1.5}}',
        '{{variadic "p" "x"}}',
        "{{variadic}}",
        '{{variadic "p" nil}}',
        '{{"x" | variadic "p"}}',
        '{{1 | variadic "p" 0}}',
        "{{.i | add .j}}",
        '{{.s | upper | concat "<" }}',
        "{{(pair 1 2) | len}}",
        '{{strs | printf "%v"}}',
        "{{add 1 2 | isodd}}",
        '{{"a" | fail}}',
        "{{nothing | echo}}",
        '{{html (upper "<b>")}}',
        '{{len (concat "ab" "cd")}}',
        "{{eq (add 1 1) 2}}",
        "{{and (isodd 1) (isodd 3)}}",
    ]:
        out.append(tf(tmpl, d))
    for tmpl in ["{{add 1 2}}", "{{upper 1}}", "{{nothing}}", "{{boom}}"]:
        out.append(c(tmpl, d))
    # include executes a template of the set from inside a call: its output is a
    # string, and its errors come back wrapped in "error calling include: ...".
    sub = '{{define "a"}}[{{.}}]{{end}}{{define "b"}}<{{.x.y}}>{{end}}'
    sub += '{{define "c"}}{{include "b" .}}{{end}}{{define "n"}}{{fail "inner"}}{{end}}'
    sub += '{{define "d"}}{{if .}}{{.}}{{include "d" (slice . 1)}}{{end}}{{end}}'
    for body in [
        '{{include "a" 1}}',
        '{{include "a" .s}}',
        '{{include "a" .}}',
        '{{include "a" .s | len}}',
        '{{include "a" .s | upper | printf "%q"}}',
        '{{include "b" .}}',
        'x{{include "c" .}}y',
        '{{include "n" .}}',
        '{{include "nope" .}}',
        '{{include "d" .s}}',
        '{{if include "a" nil}}y{{end}}',
        '{{$x := include "a" .i}}{{$x}}{{$x}}',
        '{{include "a" (include "a" .i)}}',
    ]:
        out.append(tf(sub + body, {**d, "x": 1}))
    return out


# ---------------------------------------------------------------------------------------
# the differences a differential run found (issue 16)


def go_differences() -> list[Case]:
    """Complex literals read as fmt.Sscan reads them, the blame after and/or, else
    and stray ends around block and define, and range variables assigned to."""
    out: list[Case] = []
    reals = ["1", "0", "1.5", ".5", "0x1p3", "1e5", "1_0", "0b1", "1p3", "9e999"]
    imags = ["i", "2i", "0x1p-2i", "1e+3i", "0xi", "1pi", "1p2i", "1_2i", "9e999i", "Infi",
             "nani", "_1i", "0x1.i"]  # fmt: skip
    for real, sign, imag in itertools.product(reals, "+-", imags):
        out.append(c("{{" + real + sign + imag + "}}"))
    out += [c('{{printf "%T %v" 1+0i 2-3i}}'), c("{{1+2i | printf `%v`}}")]

    d = {"x": 0, "l": [1], "s": "str"}
    for term in ['or 0 "a" 2', 'or 0 0 2', 'and 1 "a" 0', 'and 1 "a" 2', 'or 0 (or 0 "b") 2',
                 'or 0 (and 1 "b") 2', 'or (len "ab") "c"', '"a" | or 0', '1 | or',
                 'or 0 .x "s"', 'or 0 (printf "%s" "q")', 'or 0 (or 0 0) "c"', "and .l 0 .s"]:  # fmt: skip
        for use in ["{{(%s).x}}", "{{range %s}}{{end}}", "{{$v := %s}}{{$v.y}}",
                    "{{index (%s) 5}}", "{{slice (%s) 5}}", "{{(%s).x 1}}", "{{add (%s) 1}}"]:  # fmt: skip
            out.append(tf(use % term, d))

    heads = ['{{block "x" .}}', '{{block "x"\n.}}', '{{- block "x" . -}}', '{{define "x"}}',
             '{{if 1}}{{block "x" .}}']  # fmt: skip
    tails = ["{{else}}{{end}}", "\n{{else}}\n{{end}}", "{{else if 1}}{{end}}", "\n{{else}}",
             "{{end}}{{end}}", "\n{{end}}\n{{else}}", "\n"]  # fmt: skip
    for head, middle, tail in itertools.product(heads, ["", "a\n\nb"], tails):
        out.append(c(head + middle + tail))
    defs = ['{{define "a"}}x{{end}}', '{{define "a"}} {{end}}', '{{block "a" .}}y{{end}}',
            '\n{{define "a"}}\nw\n{{end}}']  # fmt: skip
    for first, second, after in itertools.product(defs, defs, ["{{end}}", "\n{{else}}", "t"]):
        out.append(c(first + second + after))

    for body in ['{{$e = "s"}}{{$e.f}}', '{{$e.f}}{{$e = "s"}}', '{{if $i}}{{$e = 2}}{{end}}{{$e.f}}',
                 "{{$e = $e}}{{$e.f}}", '{{$e = printf "%v" $e}}{{$e.f}}',
                 '{{$e = 1}}{{slice "abc" $e}}', '{{with $e = "z"}}{{$e.f}}{{end}}']:  # fmt: skip
        for data in ([1], [1, 2], {"a": 1}, ["ab"]):
            out.append(c("{{range $i, $e := .}}" + body + "{{end}}", data))
    out.append(c("{{$e := 0}}{{range $e = .}}{{end}}{{$e.f}}", [1]))
    return out


# ---------------------------------------------------------------------------------------

AREAS: dict[str, Callable[[], list[Case]]] = {
    "text_trim": text_trim,
    "literals": literals,
    "fields": fields,
    "missingkey": missingkey,
    "pipelines": pipelines,
    "variables": variables,
    "control": control,
    "define": define,
    "and_or_not": and_or_not,
    "len_index_slice": len_index_slice,
    "comparison": comparison,
    "print": print_,
    "html_js_urlquery": html_js_urlquery,
    "call": call,
    "printf": printf,
    "printing": printing,
    "parse_errors": parse_errors,
    "exec_errors": exec_errors,
    "test_funcs": test_funcs,
    "go_differences": go_differences,
}


def _dedupe(cases: Iterable[Case]) -> list[Case]:
    seen: set[str] = set()
    unique: list[Case] = []
    for case in cases:
        key = repr(sorted(case.items()))
        if key not in seen:
            seen.add(key)
            unique.append(case)
    return unique


def case_id(area: str, case: Case) -> str:
    """A stable id: the area and a hash of the case's inputs."""
    canonical = json.dumps(case, sort_keys=True, ensure_ascii=True)
    return f"{area}-{hashlib.sha1(canonical.encode()).hexdigest()[:8]}"


def all_cases(areas: Iterable[str] | None = None) -> dict[str, list[Case]]:
    """The cases of each area (all areas by default), duplicates removed."""
    names = list(AREAS) if areas is None else list(areas)
    return {name: _dedupe(AREAS[name]()) for name in names}
