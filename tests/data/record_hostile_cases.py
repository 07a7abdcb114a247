"""Records tests/data/hostile_cases.json: Go's answers to hostile templates.

Run from the repository root, with Go installed: python tests/data/record_hostile_cases.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from goracle import Oracle  # noqa: E402

CASES = [
    # fmt bounds: widths and precisions past Go's limit, never allocated
    '{{printf "%1000000000d" 1}}',
    '{{printf "%.1000000000f" 1.0}}',
    '{{printf "%*d" 100000000000 1}}',
    '{{printf "%.*d" 100000000000 1}}',
    '{{printf "%-*d|" -100000000000 1}}',
    '{{printf "%999999d" 1 | len}}',
    '{{printf "%[999999999]d" 1}}',
    '{{printf "%.999999999999999999999d" 1}}',
    # depth
    '{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}',
    '{{define "r"}}{{if .}}{{template "r" (slice . 1)}}{{end}}{{end}}{{template "r" "abcdef"}}',
    "{{" + "(" * 3000 + "1" + ")" * 3000 + "}}",
    "{{" + "(" * 10001 + "1" + ")" * 10001 + "}}",
    "{{if 1}}" * 5000 + "x" + "{{end}}" * 5000,
    # recursion through control flow: several Python frames per template level
    '{{define "r"}}{{if 1}}{{with .}}{{range 1}}{{template "r" $}}{{end}}{{end}}{{end}}{{end}}'
    '{{template "r" 1}}',
    '{{define "r"}}{{range $i := 1}}{{with 1}}{{block "b" $}}{{template "r" $}}{{end}}'
    '{{end}}{{end}}{{end}}{{template "r" 1}}',
    # numbers too long for 64 bits, and for Python's int() (4300 digits)
    "{{" + "1" * 30 + "}}",
    "{{" + "1" * 5000 + "}}",
    "{{-" + "1" * 5000 + "}}",
    "{{0x" + "f" * 5000 + "}}",
    "{{" + "1" * 5000 + ".5}}",
    "{{1e400}}",
    # ranges over huge and negative ints
    "{{range -5}}x{{else}}none{{end}}",
    "{{range $i, $e := 3}}{{end}}",
]


def main() -> None:
    with Oracle() as oracle:
        results = oracle.run_many([{"template": t, "name": "t"} for t in CASES])
    table = [
        {"template": t, "output": r["output"], "error": r["error"], "phase": r["phase"]}
        for t, r in zip(CASES, results, strict=True)
    ]
    path = HERE / "hostile_cases.json"
    path.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} cases to {path}")


if __name__ == "__main__":
    main()
