"""Records tests/data/parse_cases.json: templates with Go's parse result.

Each case is a template (hand-picked seeds plus deterministic mutations of them)
with what Go 1.27's parser says: the error text, or the String() of every tree
the parse defines. Run from the repository root, with Go installed:

    python tests/data/record_parse_cases.py
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from goracle import Oracle  # noqa: E402

SEEDS = [
    "hello",
    "{{.}}",
    "{{.x.y}}",
    "{{if .x}}a{{else}}b{{end}}",
    "{{if .x}}a{{else if .y}}b{{else}}c{{end}}",
    "{{with .a}}{{.b}}{{else with .c}}{{.d}}{{else}}e{{end}}",
    "{{range $i, $e := .}}{{$i}}{{$e}}{{else}}none{{end}}",
    "{{range .}}{{if .}}{{continue}}{{end}}{{break}}{{end}}",
    "{{with $x := .}}{{$x}}{{end}}",
    "{{$x := 1}}{{$x = 2}}{{$x}}",
    '{{define "a"}}x{{end}}{{template "a" .}}',
    '{{define "T1"}}ONE{{end}}{{define "T2"}}TWO {{template "T1"}}{{end}}{{template "T2"}}',
    '{{block "b" .}}{{range .}}{{.}}{{end}}{{end}}',
    '{{if and .a (not .b)}}{{printf "%d-%s" .n .s}}{{else if eq .x 1 2 3}}z{{end}}',
    '{{range $i, $v := .items}}{{if $i}}, {{end}}{{$v.name | printf "%q"}}{{end}}',
    '{{- /* comment */ -}}\n{{ $x := index .m "k" }}{{ slice $x 1 2 }}',
    '{{ (len .a) | printf "%03d" }} {{ .a.b.c }} {{ $.root }} {{ call .f 1 2 }}',
    "{{ `raw\nstring` }} {{ 'x' }} {{ 0x1F }} {{ -1.5e-3 }} {{ nil }} {{ true }}",
    "{{'a'}} {{1e3}} {{0x1p3}} {{1+2i}} {{0b101}} {{0o17}} {{017}} {{1_000}} {{2i}}",
    "{{ .x  -}}  z {{- 3}} {{-3}}",
    "{{/* c */}}a{{/* c */ -}}  x",
    "{{(.x).y}} {{(.x) .y}} {{$.x}} {{.x | .y}}",
    "{{if .}}{{end}}",
    "{{if}}",
    "{{}}",
    "{{.x | }}",
    "{{|}}",
    "{{.x,}}",
    "{{foo}}",
    "{{$x}}",
    "{{end}}",
    "{{else}}",
    "{{if .}}",
    "{{if .}}{{else}}{{else}}{{end}}",
    '{{"a".x}}',
    '{{.x | "a"}}',
    "{{$a, $b := .}}",
    "{{range $a, $b, $c := .}}{{end}}",
    "{{range $a, 1}}{{end}}",
    "{{range $a, $b}}{{end}}",
    '{{"a""b"}}',
    "{{/* c",
    "{{.x",
    '{{.x "}}',
    "{{089}} {{9223372036854775808}} {{18446744073709551616}}",
    "{{3k}}",
    "{{.é}} {{é}}",
    "{{ .x ) }}",
    "{{ ( .x }}",
    '{{define "x"}}{{else}}{{end}}',
    '{{define "x"}}a{{end}}{{define "x"}}b{{end}}',
    "{{if .}}{{else with .}}{{end}}",
    "{{with .}}{{else if .}}{{end}}",
    "{{range .}}{{else}}{{break}}{{end}}",
    "{{template}}",
    '{{template "x" |}}',
    '{{block "x"}}{{end}}',
    '{{define "x" .}}{{end}}',
    "{{end x}}",
    "{{else x}}",
    "{{if .x}}\n{{/* unclosed",
    "{{.x\n\n",
    "{{$x := $x}}",
    "{{if $x := .}}{{end}}{{$x}}",
    "{{(1).x}}",
    "{{.x := 1}}",
    "{{:x}}",
    "{{'ab'}} {{''}} {{'\\z'}}",
    '{{"\\z"}}',
    "{{1.2.3}}",
    "{{0x}}",
    "{{1e}}",
    "{{.x\x00}}",
    "{{ .a ; .b }}",
    '{{printf "%s" .x | printf "%q"}}',
]
ALPHABET = [
    *"{}()|$.,:=\"'`- \n\t\\ax1_+",
    "{{", "}}", " if ", "end", "else", "range", "{{end}}", "{{else}}", "$x", ".y", " := ",
    "{{-", "-}}", "define", "template", '"n"', "break", "with", "nil", "é",
]  # fmt: skip


def mutations(seed: int, count: int) -> list[str]:
    """Deterministic random edits of the seeds: deletions, insertions, duplications."""
    rnd = random.Random(seed)
    out: dict[str, None] = {}
    while len(out) < count:
        s = rnd.choice(SEEDS)
        for _ in range(rnd.randint(1, 3)):
            op = rnd.random()
            i = rnd.randint(0, len(s))
            if op < 0.35 and s:
                s = s[:i] + s[min(len(s), i + rnd.randint(1, 3)) :]
            elif op < 0.8:
                s = s[:i] + rnd.choice(ALPHABET) + s[i:]
            else:
                a, b = sorted((i, rnd.randint(0, len(s))))
                s = s[:i] + s[a:b] + s[i:]
        out[s] = None
    return list(out)


def main() -> None:
    templates = list(dict.fromkeys([*SEEDS, *mutations(1, 1500)]))
    cases = [{"id": i, "template": t, "name": "t", "trees": True} for i, t in enumerate(templates)]
    with Oracle() as oracle:
        results = oracle.run_many(cases)
    table = []
    for case, result in zip(cases, results, strict=True):
        entry = {"template": case["template"]}
        if result["phase"] == "parse":
            entry["error"] = result["error"]
        elif result["phase"] is None:
            entry["trees"] = result["trees"]
        else:
            raise SystemExit(f"unexpected oracle answer for {case['template']!r}: {result}")
        table.append(entry)
    path = HERE / "parse_cases.json"
    path.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} cases to {path}")


if __name__ == "__main__":
    main()
