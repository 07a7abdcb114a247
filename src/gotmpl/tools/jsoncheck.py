"""JSON blame: when a rendered payload is not JSON, name the template node that broke it.

Python's :mod:`json` decides whether the output is JSON and words the error; a
small scanner of our own then walks the output character by character, knowing
at each one whether it is inside a JSON string and which span of the source map
wrote it, to find the *offending* character. That is often not where the
parser stopped: in ``"summary": "prod"x"`` the parser stops at ``x``, but the
fault is the ``"`` that an action wrote inside a string the template text had
opened.

The blame line reads ``LOCATION: WHO wrote CHARS TAIL``. ``LOCATION`` is
``template:line:column`` of the action, or of the offending character itself
when template text wrote it; ``WHO`` is the action as written
(``{{ .CommonLabels.env }}``) or ``template text``; ``CHARS`` is the Python repr
of the offending character(s). The tails:

* ``inside a JSON string``: an action wrote a ``"`` that ends a string it did
  not open, or a trailing ``\\`` that escapes the next node's character; or any
  node wrote a raw control character (U+0000..U+001F) or an invalid escape
  (``'\\a'``, ``'\\x'``, ``'\\U'`` from Go's ``%q``; ``CHARS`` is the backslash
  and the letter, or the whole bad ``\\u`` escape) in a string;
* ``opening a JSON string that it does not close``: an action started a string
  and its output ended inside it;
* ``opening a JSON string that is never closed``: the output ended in a string;
* ``where a JSON value was expected``, ``where a JSON object key was
  expected``, ``where ':' was expected``, ``where ',' or '}' was expected``,
  ``where ',' or ']' was expected``: a character the grammar does not allow
  there (``NaN``, ``+Inf``, ``Infinity`` are not JSON values: ``CHARS`` is the word);
* ``at the end of a JSON object`` / ``array``: a trailing comma;
* ``outside any JSON value``: text after the complete top-level value;
* ``, then the output ended inside a JSON object`` / ``array``: ``CHARS`` is
  the last character written;
* ``, a byte that is not UTF-8``: ``CHARS`` is then a bytes repr (``b'\\xc3'``).

Empty output has no node to blame: ``the template wrote nothing, where a JSON
value was expected``.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass

from ..gostd.strconv import go_bytes
from ..parse.nodes import TextNode
from .sourcemap import SourceMap, Span

__all__ = ["JsonProblem", "check_json"]


@dataclass(frozen=True)
class JsonProblem:
    """Why a rendered output is not JSON, and which template node is to blame.

    ``error`` is the JSON parser's message (Python's, e.g. ``Expecting ','
    delimiter: line 4 column 46 (char 63)``, positions in the output);
    ``offset`` and ``chars`` are the offending character(s) in the output;
    ``span`` is the source-map span that wrote them (None for empty output);
    ``location`` is ``template:line:column`` of the blamed node or text
    character; ``message`` is the one-line blame.
    """

    error: str
    offset: int
    chars: str
    span: Span | None
    location: str
    message: str

    def __str__(self) -> str:
        return self.message

    def excerpt(self) -> list[str]:
        """The blamed line of the template and a caret under the action, or under
        the offending characters when template text wrote them (as
        ``gotmpl.tools.diagnostics.excerpt`` shows an error); empty without a span."""
        from ..errors import TemplateError
        from .diagnostics import excerpt, node_span

        node = None if self.span is None else self.span.node
        if self.span is None or node is None:
            return []
        src = node.src
        if isinstance(node, TextNode):  # text writes itself: the characters are in the source
            start = node.pos + self.offset - self.span.start
            where: tuple[int, int] = (start, start + len(self.chars))
        else:
            where = node_span(node)
        line = src.text.count("\n", 0, where[0]) + 1
        return excerpt(TemplateError(self.message, line=line, source=src, span=where))


def check_json(source_map: SourceMap) -> JsonProblem | None:
    """None when ``source_map.text`` is JSON; else the problem and the node to blame."""
    text = source_map.text
    error = _json_error(text)
    if error is None:
        return None
    message, noticed = error
    blame = _Scanner(text, source_map.spans).run()
    if blame is None:  # pragma: no cover - the scanner and Python disagree: blame where it stopped
        blame = _Blame(noticed, text[noticed : noticed + 1], "where the JSON parser stopped")
    return _problem(source_map, message, blame)


# -- deciding validity --------------------------------------------------------------------


class _Constant(Exception):
    """Python's json accepts NaN and Infinity; JSON does not."""


def _reject_constant(name: str) -> None:
    raise _Constant(name)


def _ignore(text: str) -> int:
    # Numbers are not needed, only their syntax: skipping int() also avoids its
    # 4300-digit limit, which is not a JSON rule.
    return 0


# Lone surrogates: bytes that are not UTF-8 (surrogateescape), which Python's
# json accepts inside strings but no UTF-8 JSON text can contain.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_error(text: str) -> tuple[str, int] | None:
    """Python's message and position when ``text`` is not strict JSON, else None."""
    try:
        json.loads(text, parse_int=_ignore, parse_float=_ignore, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        return str(e), e.pos
    except (_Constant, RecursionError, ValueError):
        pass  # NaN, or deeper than Python's stack: the strict scanner decides
    else:
        if not _SURROGATE.search(text):
            return None
    blame = _Scanner(text, ()).run()
    if blame is None:
        return None
    return str(json.JSONDecodeError(blame.error, text, blame.noticed)), blame.noticed


# -- the scanner --------------------------------------------------------------------------

# What may come next outside a string.
_VALUE = 0  # a value: at the top, after ':'
_FIRST_ITEM = 1  # after '[': a value or ']'
_NEXT_ITEM = 2  # after ',' in an array: a value
_FIRST_KEY = 3  # after '{': a key or '}'
_NEXT_KEY = 4  # after ',' in an object: a key
_COLON = 5  # after a key
_AFTER_ITEM = 6  # after an array element: ',' or ']'
_AFTER_MEMBER = 7  # after an object member: ',' or '}'
_DONE = 8  # after the top-level value: nothing

# After an array element or object member: what may follow, and the state after a comma.
_AFTER_ELEMENT = {_AFTER_ITEM: (",]", _NEXT_ITEM), _AFTER_MEMBER: (",}", _NEXT_KEY)}

_UNEXPECTED = {
    _VALUE: ("where a JSON value was expected", "Expecting value"),
    _FIRST_ITEM: ("where a JSON value was expected", "Expecting value"),
    _NEXT_ITEM: ("where a JSON value was expected", "Expecting value"),
    _FIRST_KEY: (
        "where a JSON object key was expected",
        "Expecting property name enclosed in double quotes",
    ),
    _NEXT_KEY: (
        "where a JSON object key was expected",
        "Expecting property name enclosed in double quotes",
    ),
    _COLON: ("where ':' was expected", "Expecting ':' delimiter"),
    _AFTER_ITEM: ("where ',' or ']' was expected", "Expecting ',' delimiter"),
    _AFTER_MEMBER: ("where ',' or '}' was expected", "Expecting ',' delimiter"),
    _DONE: ("outside any JSON value", "Extra data"),
}

_WHITESPACE = " \t\n\r"
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_HEX4 = re.compile(r"[0-9a-fA-F]{0,4}")
_ESCAPES = frozenset('"\\/bfnrtu')
# Not JSON values: Python's spellings, and Go's (fmt prints +Inf, -Inf, NaN).
_NOT_JSON_WORDS = ("NaN", "Infinity", "-Infinity", "+Inf", "-Inf")

_INSIDE = "inside a JSON string"


@dataclass(frozen=True)
class _Blame:
    offset: int  # the offending character
    chars: str  # what to show of it
    tail: str
    noticed: int = 0  # where a strict parser stops
    error: str = ""  # how Python's json words that stop


class _Scanner:
    """One pass over the output: the first violation, else where and why JSON fails.

    A *violation* is an action that changes the string structure the template
    text set up: its output ends a string it did not open, leaves open one it
    opened, or ends in a backslash that escapes the next node's character. The
    first one before the parser stops is the likely cause (everything after it
    is read out of phase), so it takes precedence over the stopping point.
    """

    def __init__(self, text: str, spans: tuple[Span, ...] | list[Span]) -> None:
        self.text = text
        self.spans = spans
        self.starts = [s.start for s in spans]
        # Text spans write their own source; an action writes something else.
        self.action = [text[s.start : s.end] != s.source for s in spans]
        self.action_ends = {s.end: i for i, s in enumerate(spans) if self.action[i]}
        self.violation: _Blame | None = None

    def span_index(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.spans[i].end:
            return i
        return -1

    def violate(self, offset: int, chars: str, tail: str) -> None:
        if self.violation is None:
            self.violation = _Blame(offset, chars, tail)

    def fail(self, blame: _Blame) -> _Blame:
        return self.violation or blame

    def run(self) -> _Blame | None:
        text = self.text
        n = len(text)
        stack: list[str] = []
        state = _VALUE
        in_string = is_key = False
        opened = escape_at = comma_at = -1
        i = 0
        while i < n:
            action = self.action_ends.get(i)
            if action is not None and in_string:
                self.left_in_string(action, opened, escape_at)
            c = text[i]
            if in_string:
                if escape_at >= 0:
                    if c not in _ESCAPES:
                        return self.fail(
                            _Blame(
                                escape_at,
                                text[escape_at : i + 1],
                                _INSIDE,
                                i - 1,
                                "Invalid \\escape",
                            )
                        )
                    escape_at = -1
                    if c == "u":
                        hex4 = _HEX4.match(text, i + 1, i + 5)
                        assert hex4 is not None
                        if hex4.end() != i + 5:
                            bad = text[i - 1 : hex4.end() + 1]
                            return self.fail(
                                _Blame(i - 1, bad, _INSIDE, i, "Invalid \\uXXXX escape")
                            )
                        i += 4
                elif c == '"':
                    here = self.span_index(i)
                    if here >= 0 and self.action[here] and opened < self.spans[here].start:
                        self.violate(i, c, _INSIDE)
                    in_string = False
                    state = _COLON if is_key else _after_value(stack)
                elif c == "\\":
                    escape_at = i
                elif c < " ":
                    return self.fail(_Blame(i, c, _INSIDE, i, "Invalid control character at"))
                elif "\ud800" <= c <= "\udfff":
                    return self.fail(_not_utf8(i, c))
                i += 1
                continue
            if c in _WHITESPACE:
                i += 1
                continue
            if state in (_VALUE, _FIRST_ITEM, _NEXT_ITEM):
                if c == '"':
                    in_string, is_key, opened = True, False, i
                elif c in "{[":
                    stack.append(c)
                    state = _FIRST_KEY if c == "{" else _FIRST_ITEM
                elif c == "]" and state == _FIRST_ITEM:
                    stack.pop()
                    state = _after_value(stack)
                elif c == "]" and state == _NEXT_ITEM:
                    return self.fail(_trailing_comma(comma_at, "array", i))
                else:
                    word = self.word(i)
                    if word is None:
                        return self.fail(self.unexpected(i, state))
                    i += len(word)
                    state = _after_value(stack)
                    continue
            elif state in (_FIRST_KEY, _NEXT_KEY):
                if c == '"':
                    in_string, is_key, opened = True, True, i
                elif c == "}" and state == _FIRST_KEY:
                    stack.pop()
                    state = _after_value(stack)
                elif c == "}":
                    return self.fail(_trailing_comma(comma_at, "object", i))
                else:
                    return self.fail(self.unexpected(i, state))
            elif state == _COLON and c == ":":
                state = _VALUE
            elif state in _AFTER_ELEMENT and c in _AFTER_ELEMENT[state][0]:
                if c == ",":
                    state, comma_at = _AFTER_ELEMENT[state][1], i
                else:
                    stack.pop()
                    state = _after_value(stack)
            else:
                return self.fail(self.unexpected(i, state))
            i += 1
        action = self.action_ends.get(n)
        if action is not None and in_string:
            self.left_in_string(action, opened, escape_at)
        if in_string:
            return self.fail(
                _Blame(
                    opened,
                    '"',
                    "opening a JSON string that is never closed",
                    opened,
                    "Unterminated string starting at",
                )
            )
        if state == _DONE:
            return None  # JSON, whatever the actions did
        return self.fail(self.ended(stack))

    def left_in_string(self, index: int, opened: int, escape_at: int) -> None:
        """An action's output ends inside a string: did it open it, or end in a backslash?"""
        span = self.spans[index]
        if opened >= span.start:
            self.violate(opened, '"', "opening a JSON string that it does not close")
        elif escape_at == span.end - 1:
            self.violate(escape_at, "\\", _INSIDE)

    def word(self, i: int) -> str | None:
        """The number or literal starting at ``i``, or None."""
        text = self.text
        m = _NUMBER.match(text, i)
        if m is not None:
            return m.group()
        for word in ("true", "false", "null"):
            if text.startswith(word, i):
                return word
        return None

    def unexpected(self, i: int, state: int) -> _Blame:
        c = self.text[i]
        if "\ud800" <= c <= "\udfff":
            return _not_utf8(i, c)
        tail, error = _UNEXPECTED[state]
        chars = c
        if state in (_VALUE, _FIRST_ITEM, _NEXT_ITEM):
            chars = next((w for w in _NOT_JSON_WORDS if self.text.startswith(w, i)), c)
        return _Blame(i, chars, tail, i, error)

    def ended(self, stack: list[str]) -> _Blame:
        """The output ended before the JSON value did: blame the last character written."""
        text = self.text
        n = len(text)
        last = len(text.rstrip(_WHITESPACE)) - 1
        # The error text is only used when Python's parser gave none (deep nesting).
        error = "Expecting value" if last < 0 or text[last] in ",:[{" else "Expecting ',' delimiter"
        if not stack:
            if n == 0:
                return _Blame(0, "", "", 0, error)
            last = n - 1  # only whitespace was written
            return _Blame(
                last, text[last], ", then the output ended before any JSON value", n, error
            )
        where = "object" if stack[-1] == "{" else "array"
        return _Blame(last, text[last], f", then the output ended inside a JSON {where}", n, error)


def _after_value(stack: list[str]) -> int:
    if not stack:
        return _DONE
    return _AFTER_MEMBER if stack[-1] == "{" else _AFTER_ITEM


def _trailing_comma(comma_at: int, where: str, noticed: int) -> _Blame:
    error = (
        "Expecting value"
        if where == "array"
        else ("Expecting property name enclosed in double quotes")
    )
    return _Blame(comma_at, ",", f"at the end of a JSON {where}", noticed, error)


def _not_utf8(i: int, c: str) -> _Blame:
    return _Blame(i, c, ", a byte that is not UTF-8", i, "Invalid UTF-8")


# -- the blame line -----------------------------------------------------------------------


def _problem(source_map: SourceMap, error: str, blame: _Blame) -> JsonProblem:
    text = source_map.text
    if not text:
        return JsonProblem(
            error, 0, "", None, "", "the template wrote nothing, where a JSON value was expected"
        )
    span = source_map.span_at(blame.offset)
    shown = _show(blame.chars)
    if span is None:  # a gap in the source map: nothing to name
        location = ""
        message = f"output character {blame.offset} is {shown}, {blame.tail.lstrip(', ')}"
        return JsonProblem(error, blame.offset, blame.chars, None, location, message)
    if text[span.start : span.end] == span.source:
        # Template text: point at the character itself, not where the run starts.
        before = span.source[: blame.offset - span.start]
        newlines = before.count("\n")
        line = span.line + newlines
        column = (span.column if not newlines else 1) + len(before) - (before.rfind("\n") + 1)
        location = f"{span.template}:{line}:{column}"
        who = "template text"
    else:
        location = span.location
        who = " ".join(span.source.split()) if "\n" in span.source else span.source
    sep = "" if blame.tail.startswith(",") else " "
    message = f"{location}: {who} wrote {shown}{sep}{blame.tail}"
    return JsonProblem(error, blame.offset, blame.chars, span, location, message)


def _show(chars: str) -> str:
    """Python's repr of the characters; a byte that is not UTF-8 as a bytes repr."""
    if len(chars) == 1 and "\udc80" <= chars <= "\udcff":
        return repr(go_bytes(chars))
    return repr(chars)
