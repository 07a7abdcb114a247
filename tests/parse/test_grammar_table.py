"""The stored LALR table is Lark's analysis of the grammar as it stands."""

from __future__ import annotations

from gotmpl.parse import _lalr_table, grammar


def test_stored_table_is_the_grammars() -> None:
    text = grammar.grammar_text()
    # When this fails, the grammar changed: PYTHONPATH=src python tests/data/write_lalr_table.py
    assert grammar._stored_table(text) is not None, "regenerate src/gotmpl/parse/_lalr_table.py"
    assert grammar.analyse(text) == (_lalr_table.STATES, _lalr_table.START, _lalr_table.END)


def test_a_changed_grammar_is_analysed_afresh() -> None:
    text = grammar.grammar_text() + "\n// an edit\n"
    assert grammar._stored_table(text) is None
