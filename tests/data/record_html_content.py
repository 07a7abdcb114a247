"""Records tests/data/html_content_cases.json: how Go's text/template prints html/template's content types.

Run from the repository root, with Go installed: python tests/data/record_html_content.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from goracle import Oracle  # noqa: E402

TYPES = ("CSS", "HTML", "HTMLAttr", "JS", "JSStr", "Srcset", "URL")
# One value for every type, with what escapers and quoting treat specially.
VALUE = "<a href=\"x?q=1&r='2'\">\u00e9\u2028</a>"
# Each template is run once per type, T standing for the type's name.
TEMPLATES = (
    "{{ .T }}",
    '{{ printf "%T" .T }}',
    '{{ printf "%v|%s|%q|%+q|%#v|%x|%X|%8.3s|%-3.1v|%d" .T .T .T .T .T .T .T .T .T .T }}',
    "{{ print .T .T 1 2 }}|{{ println .T 1 }}",
    "{{ len .T }}|{{ index .T 0 }}|{{ slice .T 1 3 }}",
    '{{ eq .T "<a" }}|{{ eq .T .T }}|{{ ne .T "" }}|{{ lt .T "z" }}|{{ if .T }}true{{ end }}',
    "{{ html .T }}|{{ js .T }}|{{ urlquery .T }}",
    "{{ .T.Foo }}",
    "{{ .T.String }}",
)


def requests() -> list[dict[str, Any]]:
    """The oracle requests, one per template and type; the whole data set each time."""
    data = dict.fromkeys(TYPES, VALUE)
    return [
        {
            "template": t.replace(".T", f".{name}"),
            "name": "t",
            "data": data,
            "data_kind": "html_content",
        }
        for t in TEMPLATES
        for name in TYPES
    ] + [
        {"template": '{{ printf "%v" . }}', "name": "t", "data": data, "data_kind": "html_content"}
    ]


def main() -> None:
    cases = requests()
    with Oracle() as oracle:
        results = oracle.run_many(cases)
    table = [
        {"template": c["template"], "output": r["output"], "error": r["error"], "phase": r["phase"]}
        for c, r in zip(cases, results, strict=True)
    ]
    path = HERE / "html_content_cases.json"
    out = {"value": VALUE, "cases": table}
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} cases to {path}")


if __name__ == "__main__":
    main()
