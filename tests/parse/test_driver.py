"""gotmpl's LALR driver against Lark's own parser, over the same grammar.

The driver reshapes Lark's table (reductions chained, tokens reduced as they are
shifted into a state that can only reduce); Lark's parser walks the table as it
is. Fed the same tokens, both must build the same tree, or stop at the same token.
"""

from __future__ import annotations

import functools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedToken
from lark.lexer import Lexer
from strategies import mangled, templates

from gotmpl.parse import grammar
from gotmpl.parse.parser import Builder
from gotmpl.parse.scanner import Tok, lex, refine


class _TokensOnly(Lexer):
    """Lark needs a lexer class; the tokens are fed one by one."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any) -> Any:
        raise NotImplementedError


@functools.cache
def _lark() -> Lark:
    return Lark(grammar.grammar_text(), parser="lalr", lexer=_TokensOnly, start="start")


class _TreeMaker:
    """A transformer with the methods Builder has, each making a tree: the one-symbol
    rules Builder has no method for pass their value on, as with Builder."""

    shift_hooks = Builder.shift_hooks
    lookahead: Tok | None = None

    def __getattr__(self, name: str) -> Any:
        if name in self.shift_hooks.values():
            return lambda tok: None
        if not hasattr(Builder, name):
            raise AttributeError(name)
        return lambda *children: (name, [_plain(c) for c in children])


def _plain(value: Any) -> Any:
    return (value.type, value.value) if isinstance(value, Tok) else value


def _lark_plain(value: Any) -> Any:
    """Lark's tree in _TreeMaker's terms."""
    if isinstance(value, Token):
        return (value.type, str(value))
    assert isinstance(value, Tree)
    name = str(value.data)
    children = [_lark_plain(c) for c in value.children]
    if not hasattr(Builder, name):
        (child,) = children
        return child
    return (name, children)


def _ours(toks: list[Tok]) -> tuple[str, Any]:
    try:
        return "tree", grammar.lalr_driver(_TreeMaker()).parse(toks)
    except grammar.Stuck as stuck:
        return "stuck", stuck.index


def _larks(toks: list[Tok]) -> tuple[str, Any]:
    feeder = _lark().parse_interactive("")
    for index, tok in enumerate(toks):  # ending in $END, or in a lexer's ERROR
        try:
            if tok.type == "$END":
                return "tree", _lark_plain(feeder.feed_eof())
            feeder.feed_token(Token(tok.type, tok.value))
        except UnexpectedToken:
            return "stuck", index
    raise AssertionError("the tokens end in $END or ERROR")


def _tokens(text: str) -> list[Tok]:
    return refine(lex(text, "{{", "}}", False, False, None), "t")


def _agree(toks: list[Tok]) -> None:
    assert _ours(toks) == _larks(toks)


@settings(max_examples=100, deadline=None)
@given(st.one_of(templates(), mangled()))
def test_templates_parse_as_in_lark(text: str) -> None:
    _agree(_tokens(text))


@settings(max_examples=100, deadline=None)
@given(templates(), st.data())
def test_damaged_token_streams_stop_where_lark_stops(text: str, data: st.DataObject) -> None:
    """A token dropped, repeated or replaced by another kind: the driver finds the
    error at the token Lark finds it, the reductions it makes early included."""
    toks = _tokens(text)[:-1]
    kinds = sorted({t.name for t in _lark().terminals} | {"ERROR"})
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(toks)))
        edit = data.draw(st.sampled_from(["drop", "repeat", "insert"]))
        if edit == "drop" and i < len(toks):
            del toks[i]
        elif edit == "repeat" and i < len(toks):
            toks.insert(i, toks[i])
        else:
            toks.insert(i, Tok(data.draw(st.sampled_from(kinds)), "x", 0, 1))
    _agree([*toks, Tok("$END", "", 0, 1)])


def test_rules_that_read_the_lookahead_wait_for_it() -> None:
    """Builder's body and pipeline methods read the token after their rule: the
    driver must not reduce them as the rule's last token is shifted."""
    table = grammar._stored_table(grammar.grammar_text())
    assert table is not None
    driver = grammar.LalrDriver(table, Builder())
    reading = {"body", "pipeline", "declared_pipeline"}
    for state, row in table[0].items():
        for term in row:
            action = driver.reshaped.action(state, term)
            if type(action) is int or action[0] != grammar._SHIFT_REDUCE:
                continue
            for _, method, then, fold in action[2].values():
                called = {getattr(f, "__name__", None) for f in (method, *then, fold)}
                assert not called & reading
