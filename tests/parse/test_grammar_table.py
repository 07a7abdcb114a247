"""The stored LALR table is Lark's analysis of the grammar as it stands."""

from __future__ import annotations

from gotmpl.parse import grammar


def test_stored_table_is_the_grammars() -> None:
    text = grammar.grammar_text()
    # When this fails, the grammar changed: PYTHONPATH=src python tests/data/write_lalr_table.py
    stored = grammar._stored_table(text)
    assert stored is not None, "regenerate src/gotmpl/parse/lalr_table.json"
    assert stored == grammar.analyse(text)


def test_a_changed_grammar_is_analysed_afresh() -> None:
    text = grammar.grammar_text() + "\n// an edit\n"
    assert grammar._stored_table(text) is None
