"""The LALR(1) table of grammar/gotmpl.lark (shipped inside the wheel), and its driver.

Lark analyses the grammar into an LALR(1) table. That analysis takes about 30 ms,
which every process that parses a template would pay, so its result is kept in
``lalr_table.json`` (shipped beside the grammar), generated from the grammar by
``tests/data/write_lalr_table.py`` and checked against it by the tests; when the grammar differs from the one the
table was made from (a grammar being edited), Lark analyses it afresh.

Feeding the tokens goes through ``LalrDriver``: the same shift/reduce automaton
as Lark's ``ParserState.feed_token``, over the table keyed by plain strings,
calling the transformer's method named after each rule (or its alias) on every
reduction. The grammar uses none of Lark's tree shaping (``?rule``, filtered
tokens, ``*``), so each rule's callback is that method alone.
"""

from __future__ import annotations

import functools
import json
import zlib
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["LalrDriver", "Stuck", "Table", "analyse", "grammar_text", "lalr_driver", "table_json"]

# state -> {terminal: (True, next state) for a shift, or (False, rule length, rule
# name, method name) for a reduction}; plus the start and end states.
Table = tuple[dict[int, dict[str, tuple[Any, ...]]], int, int]


def grammar_text() -> str:
    """The grammar: from the installed package, or from a source checkout's grammar/."""
    packaged = resources.files("gotmpl.parse") / "gotmpl.lark"
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # An editable install or src/ on sys.path: the file sits at the repository top.
    checkout = Path(__file__).resolve().parents[3] / "grammar" / "gotmpl.lark"
    return checkout.read_text(encoding="utf-8")


def _digest(text: str) -> int:
    # A check that the table was made from this text, not a security measure:
    # zlib is loaded anyway, hashlib would cost milliseconds at start-up.
    return zlib.crc32(text.encode("utf-8"))


def analyse(text: str) -> Table:
    """Lark's LALR(1) analysis of the grammar ``text``, as plain data."""
    from lark import Lark
    from lark.lexer import Lexer
    from lark.parsers.lalr_analysis import Shift

    class ScannerFeeds(Lexer):
        """Placeholder lexer: gotmpl.parse.scanner produces the tokens."""

        def __init__(self, lexer_conf: Any) -> None:
            pass

        def lex(self, lexer_state: Any, parser_state: Any) -> Any:
            raise NotImplementedError("tokens come from gotmpl.parse.scanner")

    lark = Lark(text, parser="lalr", lexer=ScannerFeeds, start="start", strict=True)
    table = lark.parser.parser._parse_table
    states: dict[int, dict[str, tuple[Any, ...]]] = {}
    for state, row in table.states.items():
        actions: dict[str, tuple[Any, ...]] = {}
        for term, (action, arg) in row.items():
            if action is Shift:
                actions[str(term)] = (True, arg)
                continue
            inlined = any(not s.is_term and s.name.startswith("_") for s in arg.expansion)
            if arg.options.expand1 or inlined:
                raise ValueError(f"rule {arg} shapes Lark's tree; the driver calls methods only")
            method = arg.alias or arg.origin.name
            actions[str(term)] = (False, len(arg.expansion), str(arg.origin.name), str(method))
        states[state] = actions
    return _renumbered(states, table.start_states["start"], table.end_states["start"])


def _renumbered(states: dict[int, dict[str, tuple[Any, ...]]], start: int, end: int) -> Table:
    """The table with its states numbered in the order a walk from ``start`` meets them
    (terminals and rule names in sorted order): Lark numbers them differently from
    run to run, and the stored table should not change with it."""
    order = {start: 0}
    queue = [start]
    for state in queue:
        for _, action in sorted(states[state].items()):
            if action[0] and action[1] not in order:
                order[action[1]] = len(order)
                queue.append(action[1])
    order.setdefault(end, len(order))
    renumbered = {
        order[state]: {
            term: (True, order[action[1]]) if action[0] else action for term, action in row.items()
        }
        for state, row in states.items()
        if state in order
    }
    return renumbered, order[start], order[end]


def _stored_table(text: str) -> Table | None:
    """The stored table, if it was made from this grammar."""
    stored = json.loads((resources.files("gotmpl.parse") / "lalr_table.json").read_text("utf-8"))
    if _digest(text) != stored["grammar_crc32"]:
        return None
    states = {
        int(state): {term: tuple(action) for term, action in row.items()}
        for state, row in stored["states"].items()
    }
    return states, stored["start"], stored["end"]


class Stuck(Exception):
    """No action for ``toks[index]``: a syntax error, with the parser's value stack."""

    def __init__(self, index: int, stack: list[Any]) -> None:
        super().__init__(index)
        self.index = index
        self.stack = stack


class LalrDriver:
    """Runs token streams through the LALR table, calling the transformer's methods.

    ``transformer.shift_hooks`` names its methods to call when a token of a type
    is shifted; ``transformer.lookahead`` is set to each token before it is fed.
    """

    def __init__(self, table: Table, transformer: Any) -> None:
        states, self.start, self.end = table
        hooks = {t: getattr(transformer, name) for t, name in transformer.shift_hooks.items()}
        # Each action: a shift is (True, next state, hook or None); a reduction is
        # (False, rule length, rule name, bound method).
        self.table: dict[int, dict[str, tuple[Any, ...]]] = {
            state: {
                term: (True, action[1], hooks.get(term))
                if action[0]
                else (False, action[1], action[2], getattr(transformer, action[3]))
                for term, action in row.items()
            }
            for state, row in states.items()
        }
        self.transformer = transformer

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
    text = grammar_text()
    return LalrDriver(_stored_table(text) or analyse(text), transformer)


def table_json(text: str) -> str:
    """The content of ``lalr_table.json`` for the grammar ``text``."""
    states, start, end = analyse(text)
    stored = {"grammar_crc32": _digest(text), "start": start, "end": end, "states": states}
    return json.dumps(stored, indent=0, sort_keys=True) + "\n"
