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
import os
import zlib
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["LalrDriver", "Stuck", "Table", "analyse", "grammar_text", "lalr_driver", "table_json"]

# state -> {terminal: (True, next state) for a shift, or (False, rule length, rule
# name, method name) for a reduction}; plus the start and end states.
Table = tuple[dict[int, dict[str, tuple[Any, ...]]], int, int]


# Files are read beside this module (the wheel installs them as plain files):
# importlib.resources and pathlib would cost milliseconds of start-up.
_HERE = os.path.dirname(os.path.abspath(__file__))


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()


def grammar_text() -> str:
    """The grammar: from the installed package, or from a source checkout's grammar/."""
    try:
        return _read(os.path.join(_HERE, "gotmpl.lark"))
    except FileNotFoundError:
        # An editable install or src/ on sys.path: the file sits at the repository top.
        return _read(os.path.join(_HERE, os.pardir, os.pardir, os.pardir, "grammar", "gotmpl.lark"))


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
    stored = json.loads(_read(os.path.join(_HERE, "lalr_table.json")))
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


# The kinds of action that are not a plain shift (an int: the next state) or a
# reduction (a tuple whose first item is the rule's length).
_HOOKED_SHIFT = -1
_ACCEPT = -2
# How many tokens are fed between two calls of parse()'s ``check``.
_CHECK_EVERY = 4096


class LalrDriver:
    """Runs token streams through the LALR table, calling the transformer's methods.

    A reduction calls the transformer's method named after the rule (or its alias)
    with the rule's values as arguments; a rule of one symbol whose method the
    transformer lacks passes its value through. ``transformer.shift_hooks`` names
    its methods to call when a token of a type is shifted; ``transformer.lookahead``
    is set to each token before it is fed.

    The table is reshaped as it is loaded so that a token costs few steps of the
    loop. A reduction's outcome is looked up by the state it uncovers, and takes
    in the reductions by one-symbol rules that must follow it on the same
    lookahead: those reduce the value in place, so their next state depends on
    that same uncovered state only (``.A`` in ``{{.A}}`` goes from term to
    pipeline in one step, calling the methods of each rule in turn).
    """

    def __init__(self, table: Table, transformer: Any) -> None:
        states, self.start, end = table
        hooks = {t: getattr(transformer, name) for t, name in transformer.shift_hooks.items()}
        gotos = {s: {t: a[1] for t, a in row.items() if a[0]} for s, row in states.items()}
        entries: dict[int, set[int]] = {s: set() for s in states}
        for s, row in gotos.items():
            for target in row.values():
                entries[target].add(s)

        def method(name: str, length: int) -> Callable[..., Any] | None:
            if length == 1 and not hasattr(transformer, name):
                return None
            return getattr(transformer, name)

        def uncovered(state: int, length: int) -> set[int]:
            # The states a reduction of ``length`` symbols in ``state`` may uncover.
            found = {state}
            for _ in range(length):
                found = {p for s in found for p in entries[s]}
            return found

        def outcome(below: int, origin: str, term: str) -> tuple[int, tuple[Any, ...]]:
            # Where a reduction to ``origin`` that uncovered ``below`` ends on ``term``,
            # after the one-symbol reductions that follow it, and their methods.
            state = gotos[below][origin]
            then: list[Any] = []
            while state != end:
                action = states[state].get(term)
                if action is None or action[0] or action[1] != 1:
                    break
                f = method(action[3], 1)
                if f is not None:
                    then.append(f)
                state = gotos[below][action[2]]
            return state, tuple(then)

        self.table: dict[int, dict[str, Any]] = {}
        for state, row in states.items():
            actions: dict[str, Any] = {}
            for term, action in row.items():
                if action[0]:
                    hook = hooks.get(term)
                    actions[term] = action[1] if hook is None else (_HOOKED_SHIFT, action[1], hook)
                    continue
                _, length, origin, name = action
                f = method(name, length)
                by_below: dict[int, Any] = {}
                for below in uncovered(state, length):
                    if origin in gotos[below]:
                        goto, then = outcome(below, origin, term)
                        by_below[below] = (
                            (goto, (f, *then) if f else then) if length == 1 else (goto, f, then)
                        )
                actions[term] = (length, by_below)
            self.table[state] = actions
        self.table[end] = {"$END": (_ACCEPT,)}
        self.transformer = transformer

    def parse(self, toks: Sequence[Any], check: Callable[[], None] | None = None) -> Any:
        """The value of ``start`` for ``toks`` (which end with ``$END``), or ``Stuck``;
        ``check()``, if given, is called every so many tokens and may stop the
        parsing by raising (a time limit)."""
        table = self.table
        observer = self.transformer
        states = [self.start]
        values: list[Any] = []
        push_state = states.append
        push_value = values.append
        for lo in range(0, len(toks), _CHECK_EVERY):
            if check is not None:
                check()
            for index, tok in enumerate(toks[lo : lo + _CHECK_EVERY], lo):
                t = tok.type
                observer.lookahead = tok
                while True:
                    try:
                        action = table[states[-1]][t]
                    except KeyError:
                        raise Stuck(index, values) from None
                    if type(action) is int:
                        push_state(action)
                        push_value(tok)
                        break
                    length = action[0]
                    if length == 1:
                        states[-1], then = action[1][states[-2]]
                        value = values[-1]
                        for f in then:
                            value = f(value)
                        values[-1] = value
                    elif length > 1:
                        goto, f, then = action[1][states[-length - 1]]
                        value = f(*values[-length:])
                        for f in then:
                            value = f(value)
                        del states[1 - length :]
                        del values[1 - length :]
                        states[-1] = goto
                        values[-1] = value
                    elif length == 0:
                        goto, f, then = action[1][states[-1]]
                        value = f()
                        for f in then:
                            value = f(value)
                        push_state(goto)
                        push_value(value)
                    elif length == _HOOKED_SHIFT:
                        push_state(action[1])
                        push_value(tok)
                        action[2](tok)
                        break
                    else:
                        return values[-1]
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
