"""Loads grammar/gotmpl.lark (shipped inside the wheel) into Lark and drives its LALR table.

Lark builds the LALR(1) table from the grammar and the rule callbacks (its tree
builder's child filtering, wrapped around the transformer's methods). Feeding the
tokens goes through ``LalrDriver``: the same shift/reduce automaton as Lark's
``ParserState.feed_token``, over a copy of the table keyed by plain strings, which
runs about four times faster (Lark's loop hashes Rule objects and compares tokens
through Python-level ``__eq__`` on every step).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark
from lark.lexer import Lexer
from lark.parsers.lalr_analysis import Shift

__all__ = ["LalrDriver", "Stuck", "grammar_text", "lalr_driver"]


def grammar_text() -> str:
    """The grammar: from the installed package, or from a source checkout's grammar/."""
    packaged = resources.files("gotmpl.parse") / "gotmpl.lark"
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # An editable install or src/ on sys.path: the file sits at the repository top.
    checkout = Path(__file__).resolve().parents[3] / "grammar" / "gotmpl.lark"
    return checkout.read_text(encoding="utf-8")


class _ScannerFeeds(Lexer):
    """Placeholder lexer: gotmpl.parse.scanner produces the tokens."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any) -> Any:
        raise NotImplementedError("tokens come from gotmpl.parse.scanner")


class Stuck(Exception):
    """No action for ``toks[index]``: a syntax error, with the parser's value stack."""

    def __init__(self, index: int, stack: list[Any]) -> None:
        super().__init__(index)
        self.index = index
        self.stack = stack


class LalrDriver:
    """Runs token streams through Lark's LALR table, calling the rule callbacks.

    ``transformer.shift_hooks`` names its methods to call when a token of a type
    is shifted; ``transformer.lookahead`` is set to each token before it is fed.
    """

    def __init__(self, lark: Lark, transformer: Any) -> None:
        table = lark.parser.parser._parse_table
        callbacks = lark._callbacks
        hooks = {t: getattr(transformer, name) for t, name in transformer.shift_hooks.items()}
        # Each action: a shift is (True, next state, hook or None); a reduce is
        # (False, rule length, rule name, callback).
        self.table: dict[int, dict[str, tuple[Any, ...]]] = {
            state: {
                str(term): (True, arg, hooks.get(str(term)))
                if action is Shift
                else (False, len(arg.expansion), str(arg.origin.name), callbacks[arg])
                for term, (action, arg) in row.items()
            }
            for state, row in table.states.items()
        }
        self.transformer = transformer
        self.start = table.start_states["start"]
        self.end = table.end_states["start"]

    def parse(self, toks: Sequence[Any], check: Callable[[], None] | None = None) -> Any:
        """The value of ``start`` for ``toks`` (which end with ``$END``), or ``Stuck``;
        ``check()``, if given, is called every so many tokens and may stop the
        parsing by raising (a time limit)."""
        table = self.table
        end = self.end
        observer = self.transformer
        states = [self.start]
        values: list[Any] = []
        push_state = states.append
        push_value = values.append
        for index, tok in enumerate(toks):
            if check is not None and not index & 4095:
                check()
            t = tok.type
            observer.lookahead = tok
            while True:
                action = table[states[-1]].get(t)
                if action is None:
                    raise Stuck(index, values)
                if action[0]:
                    push_state(action[1])
                    push_value(tok)
                    if action[2] is not None:
                        action[2](tok)
                    break
                _, arg, origin, callback = action
                if arg:
                    children = values[-arg:]
                    del states[-arg:]
                    del values[-arg:]
                else:
                    children = []
                value = callback(children)
                goto = table[states[-1]][origin][1]
                if goto == end:
                    return value
                push_state(goto)
                push_value(value)
        raise Stuck(len(toks) - 1, values)  # pragma: no cover - the stream ends in $END


@functools.cache
def lalr_driver(transformer: Any) -> LalrDriver:
    """The grammar's LALR driver, whose rules call ``transformer``'s methods."""
    lark = Lark(
        grammar_text(),
        parser="lalr",
        lexer=_ScannerFeeds,
        transformer=transformer,
        start="start",
        strict=True,
    )
    return LalrDriver(lark, transformer)
