"""Records tests/parse/scanner_cases.json: the scanner's token streams, kept as the
reference for rewrites of it.

Go's lexer is the reference for the scanner's behaviour, and the parse and
conformance tables check it through the parser; this table pins the scanner's own
output (every token's type, value, position and line, from ``lex`` and from
``refine``) as recorded from the scanner at the time, so that a faster scanner
can be checked against the one it replaces token for token, error paths
included. Inputs: every template of tests/data/parse_cases.json, hand-picked
cases for each lexer path, and deterministic random templates built mostly from
action syntax, under several delimiter pairs. Run from the repository root:

    .venv/bin/python tests/parse/record_scanner_cases.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from gotmpl.parse.scanner import Tok, lex, refine

HERE = Path(__file__).resolve().parent
PARSE_CASES = HERE.parent / "data" / "parse_cases.json"

# Each lexer path, under the default delimiters (the random cases cover the rest).
HAND_PICKED = [
    "",
    "plain text\nover lines",
    "{{.}}",
    "a{{.x.y}}b\n{{ $ }}{{$x}}{{$x.y.z}}{{$.x}}",
    "{{- .x -}}",
    "a  \n {{- .x -}} \n b",
    "{{-.x}}",
    "{{.x-}}",
    "{{ .x -}}",
    "{{ .x\t-}}x",
    "{{ .x -}}   ",
    "{{.x -}}",
    "{{ -}}",
    "{{- -}}",
    "{{-}}",
    "{{- }}",
    "{{ 3 - 4 }}",
    "{{ .x - }}",
    "{{/* c */}}",
    "{{- /* c */ -}}",
    "{{/* c */ -}} x",
    "{{ /* c */ }}",
    "{{/* c */ x}}",
    "{{/* c",
    "{{/* c */",
    "{{/* a\nb */}}\n{{.}}",
    "{{/**/}}",
    "{{/*/}}",
    '{{"a"}}{{"a\\"b"}}{{"\\\\"}}{{"\\n"}}{{"}}"}}{{"é日"}}',
    '{{"abc',
    '{{"abc}}',
    '{{"a\\',
    '{{"a\\\nb"}}',
    '{{"a\nb"}}',
    "{{`a`}}{{`a\nb\nc`}}x\n{{.}}",
    "{{`}}`}}",
    "{{`abc",
    "{{'a'}}{{'\\''}}{{'\\n'}}{{'ab'}}{{''}}{{'日'}}",
    "{{'a",
    "{{'\\",
    "{{'\n'}}",
    "{{'}}",
    "{{0 1 -1 +1 1.5 .5 -.5 1e3 1E-3 1e+3 0x1F 0X1f 0x1p-2 0x1P+2 0o17 0O17 0b101 0B1}}",
    "{{017 1_000 0x_1 1i 2.5e-3i 0x1p2i 1+2i 1-2i -1+2i 1.5e3-2.5e-3i}}",
    "{{1+2}}",
    "{{1+2i3}}",
    "{{1+}}",
    "{{1a}}",
    "{{0x}}",
    "{{0xg}}",
    "{{1.2.3}}",
    "{{0b102}}",
    "{{1e}}",
    "{{1..2}}",
    "{{- 3}}",
    "{{-3}}",
    "{{+}}",
    "{{-}}x",
    "{{.5.x}}",
    "{{1é}}",
    "{{1日}}",
    "{{if .x}}a{{else if .y}}b{{else}}c{{end}}",
    "{{range $i, $e := .}}{{break}}{{continue}}{{end}}",
    "{{with $x := .}}{{$x = 1}}{{end}}",
    '{{define "a"}}x{{end}}{{template "a" .}}{{block "b" .}}y{{end}}',
    "{{nil}}{{true}}{{false}}{{truex}}{{iff}}",
    '{{printf "%d" (len .x) | print}}',
    "{{(.x).y}}{{(((.x)))}}",
    "{{(}}",
    "{{)}}",
    "{{())}}",
    "{{( )}}",
    "{{ .x ) }}",
    "{{.x\x00}}",
    "{{.x\x7f}}",
    "{{ é }}",
    "{{ .é }}{{ $é }}{{ 日本 }}{{ x日 }}",
    "{{ .x\u200b }}",
    "{{ \u00a0 }}",
    "{{.x@}}",
    "{{.x#}}",
    "{{@}}",
    "{{.x,.y}}",
    "{{$a, $b := .}}",
    "{{range $a, $b, $c := .}}{{end}}",
    "{{range $a, 1}}{{end}}",
    "{{$a,}}",
    "{{$a, := 1}}",
    "{{if $a, $b := .}}{{end}}",
    "{{:x}}",
    "{{:}}",
    "{{ := }}",
    "{{.x:=1}}",
    "{{.x.}}",
    "{{..x}}",
    "{{. .}}",
    "{{.x.y.}}",
    "{{$x$y}}",
    "{{.x$y}}",
    "{{$}}{{$.}}{{$ .}}",
    "{{.x\n.y}}",
    "{{.x\r\n.y}}",
    "a\n{{.x",
    "a\n{{.x\n",
    "{{",
    "{{-",
    "{{- ",
    "{{ .x }",
    "{{}}",
    "}}{{}}}}",
    "{{{{}}",
    "{{ \n\n }}",
    "{{if .x}}\n{{/* unclosed",
    "{{if\n.x}}{{.y\n",
    "{{range .}}\n{{else}}\n{{.\n",
    '{{define "x"}}\n{{.x\n',
    "{{else if .x\n",
    '{{ else with .x }}{{ "x\n',
    '{{ template "x" `a',
]

# Pieces of random templates: mostly the inside of actions.
ACTION_PIECES = [
    " ", " ", " ", "  ", "\t", "\n", "\r\n", " \n ",
    ".", ".x", ".Name", ".a.b", ".x9", "._", ".é", ".日本", "..", ".5", "$", "$x", "$x1",
    "$.", "$x.y", "$日", "$_",
    "if", "else", "end", "range", "with", "define", "template", "block", "break",
    "continue", "nil", "true", "false", "printf", "len", "eq", "x_1", "αβ", "ok9",
    '"a"', '"a\\"b"', '"\\\\"', '"\\n"', '"}}"', '"{{"', '"é"', '"', '"abc', '"a\\',
    '"\\x41"', '""',
    "`a`", "`a\nb`", "`}}`", "``", "`",
    "'a'", "'\\''", "'\\n'", "'ab'", "'", "'\\", "'é'", "''",
    "0", "1", "-1", "+1", "1.5", ".5", "1e3", "1E-3", "0x1F", "0X1f", "0x1p-2", "0o17",
    "0b101", "017", "1_000", "1i", "2.5e-3i", "1+2i", "1-2i", "1+2", "0x", "1a", "1.2.3",
    "0b102", "1e", "3..", "-", "+", "0x1.8p1", "1e+", "0i", "9223372036854775808",
    "|", "|", ":=", ":=", "=", ":", ",", "(", ")", "((", "))",
    "@", "#", "!", "~", ";", "\x00", "\x7f", "é", "日", "\u200b", "\u00a0", "\\",
    "/* c */", "/**/", "/* a\nb */", "/*", "*/",
    "}}", "{{", "-}}", " -}}", "{{-", "{{- ", "}", "{", "-", " -", "\t-",
    "]]", "[[", ">", "<", "%}", "{%",
]  # fmt: skip
# The pieces that lex without an error on their own, for templates that get further.
CLEAN_PIECES = [
    " ", " ", "\n", ".", ".x", ".a.b", "$", "$x", "$x.y", "if", "else", "end", "range",
    "with", "define", "template", "block", "break", "continue", "nil", "true", "printf",
    "αβ", '"a"', '"a\\"b"', '"}}"', "`a`", "`a\nb`", "'a'", "'\\n'", "0", "-1", "1.5",
    "0x1p-2", "1+2i", "|", ":=", "=", ",", "(.x)", "(len .a.b)",
]  # fmt: skip
TEXT_PIECES = ["", "", "a", " ", "\n", "  \n ", "x\ny", "{", "}", "日本", "-", "\t", " - "]
DELIMS = [
    ("{{", "}}"), ("{{", "}}"), ("{{", "}}"), ("{{", "}}"), ("{{", "}}"),
    ("[[", "]]"), ("<<", ">>"), ("{%", "%}"), ("<", ">"), ("((", "))"), ("@", "@"),
    ("|", "|"), ("--", "--"), ("{{", "}"), ("a", "b"), (" ", " "), ("日", "本"),
]  # fmt: skip


def random_template(rnd: random.Random, left: str, right: str, pieces: list[str]) -> str:
    """Text and actions; an action is an opening delimiter (maybe trimmed), pieces,
    and usually a closing delimiter (maybe trimmed)."""
    out = [rnd.choice(TEXT_PIECES)]
    for _ in range(rnd.randint(1, 4)):
        out.append(left)
        if rnd.random() < 0.25:
            out.append("- ")
        if rnd.random() < 0.08:
            out.append(rnd.choice(["/* c */", "/* a\nb */", "/*", "/**/"]))
        for _ in range(rnd.randint(0, 6)):
            out.append(rnd.choice(pieces))
            if rnd.random() < 0.4:
                out.append(rnd.choice([" ", " ", "\n", "\t"]))
        if rnd.random() < 0.9:
            if rnd.random() < 0.25:
                out.append(rnd.choice([" -", "\t-", "\n-", "-"]))
            out.append(right)
        out.append(rnd.choice(TEXT_PIECES))
    return "".join(out)


def cases() -> list[tuple[str, str, str, bool, bool]]:
    """(text, left, right, break_ok, continue_ok) for every case, without repeats."""
    parse_templates = [c["template"] for c in json.loads(PARSE_CASES.read_text("utf-8"))]
    out: dict[tuple[str, str, str, bool, bool], None] = {}
    for text in [*HAND_PICKED, *parse_templates]:
        out[(text, "{{", "}}", True, True)] = None
    for text in HAND_PICKED[:70]:
        out[(text, "{{", "}}", False, False)] = None
    rnd = random.Random(15)
    for i in range(3600):
        left, right = rnd.choice(DELIMS)
        text = random_template(rnd, left, right, ACTION_PIECES if i % 3 else CLEAN_PIECES)
        out[(text, left, right, rnd.random() < 0.8, rnd.random() < 0.8)] = None
    return list(out)


def stream(toks: list[Tok]) -> list[list[object]]:
    return [[t.type, t.value, t.pos, t.line] for t in toks]


def main() -> None:
    table = []
    for text, left, right, break_ok, continue_ok in cases():
        toks = lex(text, left, right, break_ok, continue_ok)
        lexed = stream(toks)
        table.append([text, left, right, break_ok, continue_ok, lexed, stream(refine(toks, "p"))])
    path = HERE / "scanner_cases.json"
    lines = [json.dumps(case, ensure_ascii=False, separators=(",", ":")) for case in table]
    path.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    print(f"wrote {len(table)} cases to {path}")


if __name__ == "__main__":
    main()
