"""Record the conformance tables: run every case of cases.py through real Go.

    python tests/conformance/record.py                 # every area
    python tests/conformance/record.py --area printf   # one area (repeatable)
    python tests/conformance/record.py --check         # compare only, write nothing

Writes tests/conformance/<area>.json: a JSON list with one case per line, in
cases.py order, each ``{"id", "template" | "files", "name", "delims",
"options", "funcs", "data", "exec", "output", "error", "phase"}`` with unset
inputs and null error/phase left out. Ids are the area name and a hash of the
case's inputs, so they stay put when other cases are added or removed.

Every case is rendered twice, in two oracle processes and in opposite orders;
cases whose two results differ, that print pointers (``%p``-like addresses),
or that end in an oracle failure (timeout, panic, output limit, crash) are
left out of the tables, listed on stderr and in excluded.txt (id and reason).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: goracle
sys.path.insert(0, str(HERE))  # cases

import cases as case_defs  # noqa: E402
from goracle import Oracle  # noqa: E402

INPUT_KEYS = ("template", "files", "name", "delims", "options", "funcs", "data", "exec")
RESULT_PHASES = {None, "option", "parse", "exec"}
POINTER = re.compile(r"\b0xc0[0-9a-f]{8}\b")  # a Go heap address


def request(case: dict[str, Any]) -> dict[str, Any]:
    """The oracle request for a case."""
    req = {k: case[k] for k in INPUT_KEYS if k in case}
    req.setdefault("funcs", "none")
    return req


def entry(cid: str, case: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    """The recorded form of a case and Go's result."""
    rec: dict[str, Any] = {"id": cid}
    for key in INPUT_KEYS:
        if key in case:
            rec[key] = case[key]
    rec["output"] = result["output"]
    if result.get("error") is not None:
        rec["error"] = result["error"]
    if result.get("phase") is not None:
        rec["phase"] = result["phase"]
    return rec


def results_key(result: dict[str, Any]) -> tuple[Any, ...]:
    return (result.get("output"), result.get("error"), result.get("phase"))


def record_area(area: str, cases: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Run an area's cases twice; return the entries and notes on excluded cases."""
    ids = [case_defs.case_id(area, case) for case in cases]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"{area}: duplicate case ids (hash collision?)")
    reqs = [request(case) for case in cases]
    with Oracle() as oracle:
        first = oracle.run_many(reqs)
    with Oracle() as oracle:
        second = list(reversed(oracle.run_many(list(reversed(reqs)))))
    entries: list[dict[str, Any]] = []
    notes: list[str] = []
    for cid, case, a, b in zip(ids, cases, first, second, strict=True):
        shown = json.dumps(case, ensure_ascii=False)
        if results_key(a) != results_key(b):
            notes.append(f"{cid}: nondeterministic: {shown}")
        elif a.get("phase") not in RESULT_PHASES:
            notes.append(f"{cid}: oracle phase {a.get('phase')}: {a.get('error')}: {shown}")
        elif POINTER.search(a.get("output") or "") or POINTER.search(a.get("error") or ""):
            notes.append(f"{cid}: prints a pointer: {shown}")
        else:
            entries.append(entry(cid, case, a))
    return entries, notes


def dump(entries: list[dict[str, Any]]) -> str:
    """One entry per line; readable UTF-8, except \\u escapes for invalid UTF-8 output."""
    lines = []
    for rec in entries:
        line = json.dumps(rec, ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates stand for bytes that are not UTF-8
            line = json.dumps(rec, ensure_ascii=True)
        lines.append(line)
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--area", action="append", choices=list(case_defs.AREAS))
    parser.add_argument("--check", action="store_true", help="report changes, write nothing")
    args = parser.parse_args(argv)
    changed = 0
    total = 0
    excluded_path = HERE / "excluded.txt"
    excluded = (
        excluded_path.read_text(encoding="utf-8").splitlines() if excluded_path.exists() else []
    )
    for area, cases in case_defs.all_cases(args.area).items():
        entries, notes = record_area(area, cases)
        for note in notes:
            print(f"excluded {note}", file=sys.stderr)
        excluded = [line for line in excluded if not line.startswith(area + "-")] + notes
        total += len(entries)
        path = HERE / f"{area}.json"
        text = dump(entries)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        status = "unchanged" if old == text else "changed"
        if status == "changed":
            changed += 1
            if not args.check:
                path.write_text(text, encoding="utf-8")
        print(f"{area}: {len(entries)} cases ({len(notes)} excluded), {status}")
    print(f"total: {total} cases")
    excluded_text = "".join(line + "\n" for line in sorted(excluded))
    old_excluded = excluded_path.read_text(encoding="utf-8") if excluded_path.exists() else ""
    if excluded_text != old_excluded:
        changed += 1
        if not args.check:
            if excluded_text:
                excluded_path.write_text(excluded_text, encoding="utf-8")
            else:
                excluded_path.unlink()
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
