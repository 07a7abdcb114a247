"""Writes src/gotmpl/parse/lalr_table.json, the LALR(1) table of grammar/gotmpl.lark.

Run after editing the grammar (tests/parse/test_grammar_table.py says when):

    PYTHONPATH=src python tests/data/write_lalr_table.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from gotmpl.parse.grammar import grammar_text, table_json

TARGET = Path(__file__).resolve().parents[2] / "src" / "gotmpl" / "parse" / "lalr_table.json"

if __name__ == "__main__":
    TARGET.write_text(table_json(grammar_text()), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")
