"""The LALR(1) table of grammar/gotmpl.lark (shipped inside the wheel), and its driver.

Lark analyses the grammar into an LALR(1) table. That analysis takes about 30 ms,
which every process that parses a template would pay, so its result is kept in
``lalr_table.json`` (shipped beside the grammar), generated from the grammar by
``tests/data/write_lalr_table.py`` and checked against it by the tests; when the grammar differs from the one the
table was made from (a grammar being edited), Lark analyses it afresh.

Feeding the tokens goes through ``LalrDriver``: Lark's shift/reduce automaton,
its table reshaped as it is used so that most tokens take one step, calling
the transformer's method named after each rule (or its alias) on every
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
    # Each distinct action once, and a state's row as terminal, action number, ...:
    # loading costs a fraction of a millisecond, which every process pays.
    actions = [tuple(action) for action in stored["actions"]]
    states = {
        state: dict(zip(row[::2], map(actions.__getitem__, row[1::2]), strict=True))
        for state, row in enumerate(stored["states"])
    }
    return states, stored["start"], stored["end"]


class Stuck(Exception):
    """No action for ``toks[index]``: a syntax error, with the parser's value stack."""

    def __init__(self, index: int, stack: list[Any]) -> None:
        super().__init__(index)
        self.index = index
        self.stack = stack


# The kinds of action that are not a plain shift (an int: the next state): see _Reshaped.
_SHIFT_REDUCE = 0
_REDUCE = 1
_EMPTY = 2
_HOOKED_SHIFT = 3
_ACCEPT = 4
# How many tokens are fed between two calls of parse()'s ``check``.
_CHECK_EVERY = 4096


class LalrDriver:
    """Runs token streams through the LALR table, calling the transformer's methods.

    A reduction calls the transformer's method named after the rule (or its alias)
    with the values of the rule's symbols as arguments; a rule of one symbol whose
    method the transformer lacks passes its value on. ``transformer.shift_hooks``
    names its methods to call when a token of a type is shifted;
    ``transformer.lookahead`` is set to each token before it is fed.

    The table is reshaped as it is used, so that a token costs few trips round
    the loop (see ``_Reshaped``): a reduction's outcome is looked up by the state
    it uncovers and takes in the reductions that follow it, and a token whose
    shift leads to a state that can only reduce is reduced as it is shifted.
    """

    def __init__(self, table: Table, transformer: Any) -> None:
        self.start = table[1]
        self.reshaped = _Reshaped(table, transformer)
        self.table = self.reshaped.actions
        self.transformer = transformer

    def parse(self, toks: Sequence[Any], check: Callable[[], None] | None = None) -> Any:
        """The value of ``start`` for ``toks`` (which end with ``$END``), or ``Stuck``;
        ``check()``, if given, is called every so many tokens and may stop the
        parsing by raising (a time limit)."""
        table = self.table
        reshaped_action = self.reshaped.action
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
                        action = reshaped_action(states[-1], t)
                        if action is None:
                            raise Stuck(index, values) from None
                    if type(action) is int:
                        push_state(action)
                        push_value(tok)
                        break
                    # (kind, values taken, outcomes), or (_HOOKED_SHIFT, next state, hook)
                    kind, taken, outcomes = action
                    if kind == _SHIFT_REDUCE:
                        if taken:
                            goto, f, then, fold = outcomes[states[-1 - taken]]
                            value = f(*values[-taken:], tok)
                            del states[-taken:]
                            del values[-taken:]
                        else:
                            goto, f, then, fold = outcomes[states[-1]]
                            value = f(tok)
                    elif kind == _REDUCE:
                        goto, f, then, fold = outcomes[states[-1 - taken]]
                        value = values[-1] if f is None else f(*values[-taken:])
                        del states[-taken:]
                        del values[-taken:]
                    elif kind == _EMPTY:
                        goto, f, then, fold = outcomes[states[-1]]
                        value = f()
                    elif kind == _HOOKED_SHIFT:
                        push_state(taken)
                        push_value(tok)
                        outcomes(tok)
                        break
                    else:
                        return values[-1]
                    for f in then:
                        value = f(value)
                    if fold is None:
                        push_state(goto)
                        push_value(value)
                    else:
                        values[-1] = fold(values[-1], value)
                    if kind == _SHIFT_REDUCE:
                        break
        raise Stuck(len(toks) - 1, values)  # pragma: no cover - the stream ends in $END


class _Reshaped:
    """The actions of Lark's table, reshaped for ``LalrDriver.parse``.

    A reduction is ``(kind, taken, outcomes)``: it takes ``taken`` values off the
    stack, plus the token being fed when ``kind`` is _SHIFT_REDUCE (_EMPTY: a rule
    of no symbols); ``outcomes`` maps the state that uncovers to ``(next state,
    method, then, fold)``. ``method`` gets the values (None: the one value passes
    on); each method of ``then`` gets the value so far, for the one-symbol
    reductions that follow on the same lookahead, whose next state depends on that
    same uncovered state only (``.A`` in ``{{.A}}`` goes from term to pipeline in
    one step). ``fold``, when not None, ends the reduction with a left-recursive
    rule of two symbols, which adds the value to the list below it (``items:
    items item``) and leaves the uncovered state on top.

    A shift into a state whose only action is a reduction (``term: FIELD``) is
    that reduction with ``shifted`` set: the reduction is made at once, before the
    next token is read, as Bison's default reductions are. The next token is then
    checked in the state the reduction leads to; an LR table rejects a token
    there if and only if it rejects it in the state before, so errors are found at
    the same token, with the stack one reduction further on.
    """

    def __init__(self, table: Table, transformer: Any) -> None:
        states, _, self.end = table
        self.states = states
        self.transformer = transformer
        hooks = {t: getattr(transformer, name) for t, name in transformer.shift_hooks.items()}
        self.gotos = {s: {t: a[1] for t, a in row.items() if a[0]} for s, row in states.items()}
        self.entries: dict[int, set[int]] = {s: set() for s in states}
        self.symbol: dict[int, str] = {}  # the symbol on top of the stack in each state
        for s, row in self.gotos.items():
            for symbol, target in row.items():
                self.entries[target].add(s)
                self.symbol[target] = symbol
        self.hooks = hooks
        # Reshaped as first needed (see action): reshaping all of them takes
        # milliseconds, a fair part of a short-lived process, and a template
        # meets a fraction of the (state, token) pairs.
        self.actions: dict[int, dict[str, Any]] = {state: {} for state in states}
        self.actions[self.end] = {"$END": (_ACCEPT, 0, None)}

    def action(self, state: int, term: str) -> Any:
        """The reshaped action of ``state`` on ``term`` (kept in ``actions``), or None
        if the table has none: a syntax error."""
        action = self.states.get(state, {}).get(term)
        if action is None:
            return None
        if not action[0]:
            reshaped = self.reduction(state, action, term)
        elif term in self.hooks:
            reshaped = (_HOOKED_SHIFT, action[1], self.hooks[term])
        else:
            only = self.only_reduction(action[1])
            reshaped = action[1] if only is None else self.reduction(state, only, None)
        self.actions[state][term] = reshaped
        return reshaped

    def method(self, name: str, length: int) -> Callable[..., Any] | None:
        if length == 1 and not hasattr(self.transformer, name):
            return None
        return getattr(self.transformer, name)

    def only_reduction(self, state: int) -> tuple[Any, ...] | None:
        """The reduction ``state`` makes whatever the next token, if it can only reduce
        and by a rule that ends with the symbol it was entered by (not an empty one)."""
        actions = set(self.states[state].values())
        if len(actions) != 1 or state == self.end:
            return None
        action = actions.pop()
        return None if action[0] or action[1] == 0 else action

    def uncovered(self, state: int, taken: int) -> set[int]:
        """The states that taking ``taken`` values off the stack in ``state`` may uncover."""
        found = {state}
        for _ in range(taken):
            found = {p for s in found for p in self.entries[s]}
        return found

    def reduction(self, state: int, action: tuple[Any, ...], term: str | None) -> tuple[Any, ...]:
        """The reshaped reduction of ``action`` in ``state`` on the lookahead ``term``,
        or of the token shifted in ``state`` when ``term`` is None."""
        _, length, origin, name = action
        shifted = term is None
        taken = length - shifted
        f = self.method(name, length)
        outcomes = {}
        for below in self.uncovered(state, taken):
            if origin in self.gotos[below]:  # else not a way into ``state`` by this rule
                goto, then, fold = self.followed(below, self.gotos[below][origin], term)
                outcomes[below] = (goto, f, then, fold)
        kind = _SHIFT_REDUCE if shifted else _REDUCE if length else _EMPTY
        return (kind, taken, outcomes)

    def followed(
        self, below: int, state: int, term: str | None
    ) -> tuple[int, tuple[Any, ...], Any]:
        """Where the stack ``below``, ``state`` goes on the lookahead ``term`` (any, if
        None) by the reductions that need no other state: the next state, the
        methods of the one-symbol reductions on the way, and a fold, if one ends it."""
        then: list[Any] = []
        while state != self.end:
            row = self.states[state]
            action = self.only_reduction(state) if term is None else row.get(term)
            if action is None or action[0]:
                break
            _, length, origin, name = action
            if length == 1:
                f = self.method(name, 1)
                if f is not None:
                    then.append(f)
                state = self.gotos[below][origin]
            elif length == 2 and self.symbol.get(below) == origin:
                return below, tuple(then), self.method(name, 2)
            else:
                break
        return state, tuple(then), None


@functools.cache
def lalr_driver(transformer: Any) -> LalrDriver:
    """The grammar's LALR driver, whose rules call ``transformer``'s methods."""
    text = grammar_text()
    return LalrDriver(_stored_table(text) or analyse(text), transformer)


def table_json(text: str) -> str:
    """The content of ``lalr_table.json`` for the grammar ``text`` (see _stored_table)."""
    states, start, end = analyse(text)
    assert sorted(states) == list(range(len(states))), "states are numbered from 0"
    actions = sorted({action for row in states.values() for action in row.values()}, key=repr)
    number = {action: i for i, action in enumerate(actions)}
    rows = [
        [item for term, action in sorted(states[state].items()) for item in (term, number[action])]
        for state in range(len(states))
    ]
    head = {"grammar_crc32": _digest(text), "start": start, "end": end}

    def lines(items: list[Any]) -> str:  # an item a line, for readable diffs
        return "[\n" + ",\n".join(json.dumps(item, separators=(",", ":")) for item in items) + "\n]"

    return json.dumps(head)[:-1] + f',\n"actions": {lines(actions)},\n"states": {lines(rows)}}}\n'
