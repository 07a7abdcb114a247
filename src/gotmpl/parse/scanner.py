"""Scanner: template source to the token stream the Lark grammar parses.

Two passes. ``lex`` follows Go's text/template lexer: text and actions, custom
delimiters, ``{{- `` / `` -}}`` trimming, comments, raw strings across lines and
the lexer's error messages. A plain action (the common kind: fields, variables,
words, strings, integers, pipes, parentheses) is split by one regular expression,
and the split is reused where the action repeats; any other action goes through
the port of Go's state machine. ``refine`` then shapes the stream for an LALR(1)
grammar, doing what Go's recursive-descent parser does with its three tokens of
lookahead:

* ``{{`` followed by a keyword becomes that keyword's token (``{{if`` -> ``IF``),
  so a list can tell ``{{end}}`` from the start of another action;
* spaces are kept (as ``SP``) only between two operands, the one place Go's
  grammar gives them meaning (``.A .B`` is two operands, ``.A.B`` one field);
* a variable that starts a pipeline and is followed by ``:=``, ``=`` or ``,`` is a
  declaration (``DECLVAR``), with Go's errors for too many of them;
* a lexer error becomes a final ``ERROR`` token carrying Go's full message, so the
  parser reports it only if it gets that far, as Go's parser does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..gostd.strconv import format_rune_u, go_bytes

__all__ = ["OPERAND_END", "OPERAND_START", "Tok", "lex", "refine", "token_text"]


class Tok:
    """One token: Lark reads ``type``; the parser reads the rest."""

    __slots__ = ("line", "pos", "type", "value")

    def __init__(self, type_: str, value: str, pos: int, line: int) -> None:
        self.type = type_
        self.value = value
        self.pos = pos  # character offset in the source
        self.line = line

    def __repr__(self) -> str:
        return f"Tok({self.type}, {self.value!r}, {self.pos}, {self.line})"


KEYWORDS = {
    ".": "DOT",
    "block": "BLOCK",
    "break": "BREAK",
    "continue": "CONTINUE",
    "define": "DEFINE",
    "else": "ELSE",
    "end": "END",
    "if": "IF",
    "nil": "NIL",
    "range": "RANGE",
    "template": "TEMPLATE",
    "with": "WITH",
}
_KEYWORD_TYPES = frozenset(KEYWORDS.values())

OPERAND_START = frozenset(
    {"STRING", "RAWSTRING", "NUMBER", "CHARCONST", "COMPLEX", "BOOL", "NIL", "DOT", "FIELD",
     "VARIABLE", "IDENT", "LPAREN"}
)  # fmt: skip
OPERAND_END = (OPERAND_START - {"LPAREN"}) | {"RPAREN"}

_SPACE = " \t\r\n"
_TRIM_MARKERS = frozenset("-" + c for c in _SPACE)  # after a left delimiter
_TERMINATORS = frozenset(" \t\r\n.,|:)(")
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]*")
_SPACES = re.compile(r"[ \t\r\n]*")
# What ends a run of plain characters in a quoted string or character constant.
_QUOTED_SPECIAL = {q: re.compile(f"[\\\\\n{q}]") for q in "\"'"}


def _end_of(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where a run of ``pattern`` (which also matches nothing) starting at ``pos`` ends."""
    m = pattern.match(text, pos)
    assert m is not None
    return m.end()


def _is_alnum(ch: str) -> bool:
    return ch == "_" or ch.isalpha() or ch.isdecimal()


def token_text(tok: Tok) -> str:
    """Go's item.String(): how parse errors quote a token."""
    from ..gostd.strconv import quote

    if tok.type == "$END":
        return "EOF"
    if tok.type in _KEYWORD_TYPES:
        return f"<{tok.value}>"
    if len(go_bytes(tok.value)) > 10:
        return _quote_prefix(tok.value, 10) + "..."
    return quote(tok.value)


def _quote_prefix(s: str, n: int) -> str:
    # Go's %.10q truncates the string to ten runes before quoting it.
    from ..gostd.strconv import quote

    return quote(s[:n])


class _LexError(Exception):
    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


class _Lexer:
    """Go's lexer state machine, run to completion into a list of tokens."""

    def __init__(self, text: str, left: str, right: str, break_ok: bool, continue_ok: bool):
        self.text = text
        self.left = left
        self.right = right
        self.break_ok = break_ok
        self.continue_ok = continue_ok
        self.toks: list[Tok] = []
        self.common = _common_tokens(right)
        self.paren_depth = 0
        self._line_pos = 0  # line_at's last position and the line there
        self._line = 1

    def line_at(self, pos: int) -> int:
        # Tokens come in order, so count newlines only since the last one.
        if pos < self._line_pos:
            self._line_pos, self._line = 0, 1
        self._line += self.text.count("\n", self._line_pos, pos)
        self._line_pos = pos
        return self._line

    def emit(self, type_: str, value: str, pos: int) -> None:
        self.toks.append(Tok(type_, value, pos, self.line_at(pos)))

    def run(self, check: Callable[[], None] | None = None) -> list[Tok]:
        text, left, right = self.text, self.left, self.right
        append = self.toks.append
        new = Tok.__new__
        find, count = text.find, text.count
        # With a right delimiter that could start or continue a token, every action
        # takes the general path.
        plain = right[:1] not in _TOKEN_CHARS and not _is_alnum(right[:1])
        exact_kinds = _EXACT_KINDS[self.break_ok, self.continue_ok]
        recipes: dict[str, _Recipe | None] = {}  # by the text of the action
        left_len, right_len = len(left), len(right)
        pos = 0
        n = len(text)
        line_pos, line = 0, 1  # a position and its line; the general path keeps its own
        actions = 0
        try:
            while True:
                if check is not None:
                    actions += 1
                    if not actions & 1023:
                        check()
                x = find(left, pos)
                if x < 0:
                    self._line_pos, self._line = line_pos, line
                    if pos < n:
                        self.emit("TEXT", text[pos:], pos)
                    break
                line += count("\n", line_pos, pos)
                line_pos = pos
                # A plain action ends at the first right delimiter: none of its tokens
                # holds one (a string that did would be cut short, so not plain).
                rdelim = find(right, x + left_len) if plain else -1
                recipe = None
                if rdelim >= 0:
                    action = text[x:rdelim]
                    recipe = recipes.get(action)
                    if recipe is None and action not in recipes:
                        recipe = recipes[action] = _plain_recipe(
                            action, left_len, right, exact_kinds
                        )
                if recipe is None:
                    trim = text[x + left_len : x + left_len + 2] in _TRIM_MARKERS
                else:
                    items, trim, right_trim = recipe
                if x > pos:
                    value = text[pos:x].rstrip(_SPACE) if trim else text[pos:x]
                    if value:
                        t = new(Tok)
                        t.type, t.value, t.pos, t.line = "TEXT", value, pos, line
                        append(t)
                if recipe is None:
                    self._line_pos, self._line = pos, line
                    pos = self._action(x, trim)
                    line_pos, line = self._line_pos, self._line
                    continue
                line += count("\n", pos, x)
                for kind, value, offset, lines in items:
                    t = new(Tok)
                    t.type, t.value, t.pos, t.line = kind, value, x + offset, line + lines
                    append(t)
                line += lines  # the last item is the right delimiter: its line
                line_pos = rdelim
                pos = rdelim + right_len
                if right_trim:
                    pos = _end_of(_SPACES, text, pos)
        except _LexError as e:  # from the general path, which kept its line
            self.toks.append(Tok("ERROR", e.message, e.pos, self.line_at(e.pos)))
            return self.toks
        self.toks.append(Tok("$END", "", n, self.line_at(n)))
        return self.toks

    def _right_delim_at(self, i: int) -> tuple[bool, bool]:
        """(at a right delimiter, with a trim marker) for position ``i``."""
        text, right = self.text, self.right
        if (
            i + 1 < len(text)
            and text[i] in _SPACE
            and text[i + 1] == "-"
            and text.startswith(right, i + 2)
        ):
            return True, True
        if text.startswith(right, i):
            return True, False
        return False, False

    def _after_right_delim(self, i: int, trim: bool) -> int:
        """Skips the right delimiter at ``i`` (and its marker); returns where text resumes."""
        if trim:
            i += 2
        i += len(self.right)
        if trim:
            i = _end_of(_SPACES, self.text, i)
        return i

    def _action(self, start: int, trim: bool) -> int:
        """Lexes one action or comment starting at the left delimiter ``start``."""
        text = self.text
        pos = start + len(self.left)
        if trim:
            pos += 2
        if text.startswith("/*", pos):
            close = text.find("*/", pos + 2)
            if close < 0:
                raise _LexError("unclosed comment", pos)
            after = close + 2
            at, rtrim = self._right_delim_at(after)
            if not at:
                raise _LexError("comment ends before closing delimiter", pos)
            return self._after_right_delim(after, rtrim)
        self.emit("LDELIM", self.left, start)
        self.paren_depth = 0
        return self._inside(pos)

    def _inside(self, pos: int) -> int:
        text = self.text
        n = len(text)
        common = self.common
        append = self.toks.append
        line = self.line_at(pos)
        while True:
            m = common(text, pos)
            if m is not None:
                kind = m.lastgroup
                if kind == "WORD":
                    pos = self._identifier(pos)
                    continue
                if kind != "DELIM":
                    end = m.end()
                    value = text[pos:end]
                    append(Tok(kind, value, pos, line))  # type: ignore[arg-type]
                    if kind == "SPACE" and "\n" in value:
                        line = self.line_at(end)  # only spaces span lines here
                    pos = end
                    continue
            at, rtrim = self._right_delim_at(pos)
            if at:
                if self.paren_depth:
                    raise _LexError("unclosed left paren", pos)
                delim_pos = pos + 2 if rtrim else pos
                self.emit("RDELIM", self.right, delim_pos)
                return self._after_right_delim(pos, rtrim)
            if pos >= n:
                raise _LexError("unclosed action", pos)
            c = text[pos]
            if c in _SPACE:
                pos = self._space(pos)
            elif c == "=":
                self.emit("ASSIGN", "=", pos)
                pos += 1
            elif c == ":":
                if text[pos + 1 : pos + 2] != "=":
                    raise _LexError("expected :=", pos)
                self.emit("DECLARE", ":=", pos)
                pos += 2
            elif c == "|":
                self.emit("PIPE", "|", pos)
                pos += 1
            elif c == '"':
                pos = self._quoted(pos, '"', "STRING", "unterminated quoted string")
            elif c == "`":
                end = text.find("`", pos + 1)
                if end < 0:
                    raise _LexError("unterminated raw quoted string", pos)
                self.emit("RAWSTRING", text[pos : end + 1], pos)
                pos = end + 1
            elif c == "$":
                pos = self._field_or_variable(pos, "VARIABLE")
            elif c == "'":
                pos = self._quoted(pos, "'", "CHARCONST", "unterminated character constant")
            elif c == "." and pos + 1 < n and not ("0" <= text[pos + 1] <= "9"):
                pos = self._field_or_variable(pos, "FIELD")
            elif c in "+-." or "0" <= c <= "9":
                pos = self._number(pos)
            elif _is_alnum(c):
                pos = self._identifier(pos)
            elif c == "(":
                self.paren_depth += 1
                self.emit("LPAREN", "(", pos)
                pos += 1
            elif c == ")":
                self.paren_depth -= 1
                if self.paren_depth < 0:
                    raise _LexError("unexpected right paren", pos)
                self.emit("RPAREN", ")", pos)
                pos += 1
            elif c < "\x80" and c.isprintable():
                self.emit("COMMA" if c == "," else "CHAR", c, pos)
                pos += 1
            else:
                raise _LexError(
                    f"unrecognized character in action: {format_rune_u(ord(c), True)}", pos
                )
            line = self.line_at(pos)  # a raw string or trimmed space may span lines

    def _space(self, pos: int) -> int:
        text = self.text
        end = _end_of(_SPACES, text, pos)
        # A trim-marked right delimiter owns the space just before its '-'.
        if text.startswith("-" + self.right, end) and end - 1 >= pos:
            if end - pos == 1:
                return pos
            end -= 1
        self.emit("SPACE", text[pos:end], pos)
        return end

    def _at_terminator(self, i: int) -> bool:
        text = self.text
        if i >= len(text):
            return True
        return text[i] in _TERMINATORS or text.startswith(self.right, i)

    def _word_end(self, i: int) -> int:
        text = self.text
        i = _end_of(_ASCII_WORD, text, i)
        while i < len(text) and text[i] >= "\x80" and _is_alnum(text[i]):
            i = _end_of(_ASCII_WORD, text, i + 1)
        return i

    def _bad_character(self, i: int, start: int) -> _LexError:
        return _LexError(f"bad character {format_rune_u(ord(self.text[i]), True)}", start)

    def _identifier(self, pos: int) -> int:
        end = self._word_end(pos)
        if not self._at_terminator(end):
            raise self._bad_character(end, pos)
        word = self.text[pos:end]
        kind = KEYWORDS.get(word)
        if kind is not None and not (
            (kind == "BREAK" and not self.break_ok) or (kind == "CONTINUE" and not self.continue_ok)
        ):
            self.emit(kind, word, pos)
        elif word in ("true", "false"):
            self.emit("BOOL", word, pos)
        else:
            self.emit("IDENT", word, pos)
        return end

    def _field_or_variable(self, pos: int, kind: str) -> int:
        if self._at_terminator(pos + 1):
            self.emit("DOT" if kind == "FIELD" else kind, self.text[pos], pos)
            return pos + 1
        end = self._word_end(pos + 1)
        if not self._at_terminator(end):
            raise self._bad_character(end, pos)
        self.emit(kind, self.text[pos:end], pos)
        return end

    def _quoted(self, pos: int, close: str, kind: str, unterminated: str) -> int:
        """Go's lexQuote and lexChar: up to the closing quote, skipping escapes; a
        newline or the end of the text first is an error."""
        text = self.text
        special = _QUOTED_SPECIAL[close]
        i = pos + 1
        while True:
            m = special.search(text, i)
            if m is None:
                raise _LexError(unterminated, pos)
            i = m.end()
            c = m.group()
            if c == "\\":
                nxt = text[i : i + 1]
                if nxt and nxt != "\n":
                    i += 1
                    continue
                raise _LexError(unterminated, pos)
            if c == "\n":
                raise _LexError(unterminated, pos)
            break
        self.emit(kind, text[pos:i], pos)
        return i

    def _scan_number(self, i: int) -> tuple[int, bool]:
        """Go's scanNumber: a deliberately loose scan; the parser validates."""
        text = self.text

        def accept(j: int, valid: str) -> int:
            return j + 1 if j < len(text) and text[j] in valid else j

        def accept_run(j: int, valid: str) -> int:
            while j < len(text) and text[j] in valid:
                j += 1
            return j

        i = accept(i, "+-")
        digits = "0123456789_"
        j = accept(i, "0")
        if j != i:
            i = j
            if (k := accept(i, "xX")) != i:
                i, digits = k, "0123456789abcdefABCDEF_"
            elif (k := accept(i, "oO")) != i:
                i, digits = k, "01234567_"
            elif (k := accept(i, "bB")) != i:
                i, digits = k, "01_"
        i = accept_run(i, digits)
        if (k := accept(i, ".")) != i:
            i = accept_run(k, digits)
        if len(digits) == 11 and (k := accept(i, "eE")) != i:
            i = accept_run(accept(k, "+-"), "0123456789_")
        if len(digits) == 23 and (k := accept(i, "pP")) != i:
            i = accept_run(accept(k, "+-"), "0123456789_")
        i = accept(i, "i")
        if i < len(text) and _is_alnum(text[i]):
            return i + 1, False
        return i, True

    def _number(self, pos: int) -> int:
        text = self.text
        end, ok = self._scan_number(pos)
        if not ok:
            raise _LexError(f"bad number syntax: {_go_quote(text[pos:end])}", pos)
        if text[end : end + 1] in ("+", "-"):
            end, ok = self._scan_number(end)
            if not ok or text[end - 1] != "i":
                raise _LexError(f"bad number syntax: {_go_quote(text[pos:end])}", pos)
            self.emit("COMPLEX", text[pos:end], pos)
            return end
        self.emit("NUMBER", text[pos:end], pos)
        return end


@functools.lru_cache(maxsize=64)
def _common_tokens(right: str) -> Callable[[str, int], re.Match[str] | None]:
    """A matcher for the commonest tokens inside an action, all ASCII: spaces, fields,
    variables, words, plain strings, ``|``, ``:=``, ``=``.

    Each alternative takes only text the general loop would lex the same way,
    ending where Go's lexer ends it; anything else (numbers, non-ASCII names,
    errors, the right delimiter, which the first alternative claims so that the
    general loop handles it) is left to the general loop.
    """
    r = re.escape(right)
    ends = rf"(?=[ \t\r\n.,|:)(]|{r})"  # what may follow a field, variable or word
    return re.compile(
        rf"(?P<DELIM>{r}|[ \t\r\n]-{r})"
        rf"|(?P<SPACE>[ \t\r\n]+(?![ \t\r\n]|-{r}))"
        rf"|(?P<FIELD>\.(?![0-9])[A-Za-z0-9_]+){ends}"
        rf"|(?P<DOT>\.){ends}"
        rf"|(?P<VARIABLE>\$[A-Za-z0-9_]*){ends}"
        rf"|(?P<WORD>[A-Za-z_][A-Za-z0-9_]*){ends}"
        # Only strings without escapes: a repeated group would cost re some memory
        # for every repetition.
        r'|(?P<STRING>"[^"\\\n]*")'
        r"|(?P<PIPE>\|)|(?P<DECLARE>:=)|(?P<ASSIGN>=)"
    ).match


# -- the fast path for plain actions ----------------------------------------------------

# The characters a token of a plain action may start with.
_TOKEN_CHARS = frozenset(["", *' \t\r\n.$"`+-|:=(),_0123456789']) | frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)
# The tokens of a plain action's inside: ASCII spaces, fields, variables, words,
# decimal integers, strings, raw strings and ``| := = ( ) ,``, each only where Go's
# lexer would end it there (the inside ends at the right delimiter or at the space
# before a trim marker, both of which end any of them). Where none matches,
# findall skips a character and tries again: the lookbehinds, which no token of a
# plain inside fails, keep it from scanning a long word, number or escaped
# string again at each of its characters.
_PLAIN_TOKENS = re.compile(
    r"[ \t\r\n]+"
    r"|\.(?![0-9])[A-Za-z0-9_]++(?=[ \t\r\n.,|:)(]|\Z)"
    r'|(?<!\\)"[^"\\\n]*+(?:\\[^\n][^"\\\n]*+)*+"'
    r"|\$[A-Za-z0-9_]*+(?=[ \t\r\n.,|:)(]|\Z)"
    r"|(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*+(?=[ \t\r\n.,|:)(]|\Z)"
    r"|[|=(),]|:="
    r"|\.(?=[ \t\r\n.,|:)(]|\Z)"
    r"|(?<![A-Za-z0-9_])[+-]?[0-9]++(?=[ \t\r\n)|,(]|\Z)"
    r"|`[^`]*+`"
)
_FIRST_CHAR_KINDS = {
    **dict.fromkeys(" \t\r\n", "SPACE"),
    ".": "FIELD",
    "$": "VARIABLE",
    **dict.fromkeys("_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "IDENT"),
    **dict.fromkeys("+-0123456789", "NUMBER"),
    '"': "STRING",
    "`": "RAWSTRING",
}
# The kinds a plain token's whole text decides, for each (break_ok, continue_ok);
# _FIRST_CHAR_KINDS decides the rest.
_EXACT_KINDS = {
    (break_ok, continue_ok): {
        "|": "PIPE",
        "=": "ASSIGN",
        ":=": "DECLARE",
        "(": "LPAREN",
        ")": "RPAREN",
        ",": "COMMA",
        "true": "BOOL",
        "false": "BOOL",
        **{
            word: kind
            for word, kind in KEYWORDS.items()
            if (kind != "BREAK" or break_ok) and (kind != "CONTINUE" or continue_ok)
        },
    }
    for break_ok in (False, True)
    for continue_ok in (False, True)
}


# A plain action's tokens from its left delimiter to its right one as (kind, text,
# offset, newlines before it in the action), whether its left delimiter has a trim
# marker and whether its right one has.
_Recipe = tuple[list[tuple[str, str, int, int]], bool, bool]


def _plain_recipe(
    action: str, left_len: int, right: str, exact_kinds: dict[str, str]
) -> _Recipe | None:
    """The tokens of ``action`` (from its left delimiter up to the first right one),
    or None if the action is not plain: a character no plain token takes, or
    parentheses out of balance, leave it to the general path and its errors."""
    trim = action[left_len : left_len + 2] in _TRIM_MARKERS
    body = left_len + 2 if trim else left_len
    end = len(action)
    right_trim = end - 2 >= body and action[end - 1] == "-" and action[end - 2] in _SPACE
    inside = action[body : end - 2 if right_trim else end]
    values = _PLAIN_TOKENS.findall(inside)
    if len("".join(values)) != len(inside):
        return None
    if ("(" in values or ")" in values) and not _parens_balance(values):
        return None
    items = [("LDELIM", action[:left_len], 0, 0)]
    append = items.append
    offset, lines = body, action.count("\n", 0, body)
    for value in values:
        append((exact_kinds.get(value) or _FIRST_CHAR_KINDS[value[0]], value, offset, lines))
        offset += len(value)
        lines += value.count("\n")
    # Between the last token and the right delimiter: a trim marker and the space
    # before it, which may be a newline.
    append(("RDELIM", right, end, action.count("\n")))
    return items, trim, right_trim


def _parens_balance(values: list[str]) -> bool:
    """Whether the parentheses among an action's tokens close in order."""
    depth = 0
    for value in values:
        if value == "(":
            depth += 1
        elif value == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _go_quote(s: str) -> str:
    from ..gostd.strconv import quote

    return quote(s)


def lex(
    text: str,
    left: str,
    right: str,
    break_ok: bool = True,
    continue_ok: bool = True,
    check: Callable[[], None] | None = None,
) -> list[Tok]:
    """Go's token stream for ``text``, ending in ``$END`` or an ``ERROR`` token;
    ``check()``, if given, is called every so many actions and may stop the lexing
    by raising (a time limit)."""
    return _Lexer(text, left, right, break_ok, continue_ok).run(check)


# -- refinement ----------------------------------------------------------------

_CONTROL_HEADERS = frozenset({"IF", "RANGE", "WITH"})
_ACTION_KEYWORDS = _KEYWORD_TYPES - {"DOT", "NIL"}  # those that start an action's kind
_PIPELINE_CONTEXT = {
    "LDELIM": "command",
    "IF": "if",
    "RANGE": "range",
    "WITH": "with",
    "LPAREN": "parenthesized pipeline",
}


# The kinds refine may do more with than pass on.
_REFINED = frozenset(
    {"ERROR", "LDELIM", "RDELIM", "VARIABLE", "IF", "WITH", "STRING", "RAWSTRING",
     "LPAREN"}
)  # fmt: skip


def refine(toks: list[Tok], parse_name: str) -> list[Tok]:
    """Shapes Go's token stream for the LALR(1) grammar (see the module docstring).

    ``toks`` is lex's: it ends in $END or ERROR, so a look past spaces stops within it.
    """
    out: list[Tok] = []
    append = out.append
    action_line = 0  # Go's Tree.actionLine: where the action holding the parser started
    keep_action_line = False  # an if/range/with header keeps it for its body
    prev_type = ""  # last significant token emitted inside the current action
    pipe_context: str | None = None  # set when the next token starts a pipeline
    skip = 0  # tokens before this one are settled already

    for i, tok in enumerate(toks):
        if i < skip:
            continue
        t = tok.type
        if t == "SPACE":
            if prev_type in OPERAND_END and toks[i + 1].type in OPERAND_START:
                append(Tok("SP", tok.value, tok.pos, tok.line))
            continue
        if t not in _REFINED:
            append(tok)
            prev_type = t
            pipe_context = None
            continue
        if t == "LDELIM":
            j = i + 1
            while toks[j].type == "SPACE":
                j += 1
            first = toks[j]
            ft = first.type
            keep_action_line = ft in _CONTROL_HEADERS
            if ft in _ACTION_KEYWORDS:
                # Go's parser tracks the line where the enclosing action started,
                # except for {{define}}, which opens a fresh tree, and for
                # {{else if}}/{{else with}}, whose {{else}} is done once if/with is seen.
                action_line = tok.line
                if ft == "DEFINE":
                    action_line = 0
                elif ft == "ELSE":
                    k = j + 1
                    while toks[k].type == "SPACE":
                        k += 1
                    if toks[k].type in ("IF", "WITH"):
                        action_line = 0
                append(first)
                prev_type = ft
                pipe_context = _PIPELINE_CONTEXT.get(ft)
                skip = j + 1
                continue
            action_line = tok.line
            append(tok)
            prev_type = t
            pipe_context = "command"
            continue
        if t == "RDELIM":
            if not keep_action_line:
                action_line = 0
            keep_action_line = False
            append(tok)
            prev_type = t
            pipe_context = None
            continue
        if t == "ERROR":
            extra = ""
            if action_line and action_line != tok.line:
                extra = f" in action started at {parse_name}:{action_line}"
                if tok.value.endswith(" action"):
                    extra = extra[len(" in action") :]
            append(Tok("ERROR", tok.value + extra, tok.pos, tok.line))
            return out
        if t == "VARIABLE" and pipe_context is not None:
            skip, failure = _declarations(toks, i, pipe_context, out)
            if failure is not None:
                append(failure)
                return out
            prev_type = out[-1].type
            pipe_context = None
            continue
        append(tok)
        if t in ("IF", "WITH") and prev_type == "ELSE":
            pipe_context = _PIPELINE_CONTEXT[t]
        elif t in ("STRING", "RAWSTRING") and prev_type in ("TEMPLATE", "BLOCK"):
            pipe_context = "template clause" if prev_type == "TEMPLATE" else "block clause"
        elif t == "LPAREN":
            pipe_context = "parenthesized pipeline"
        else:
            pipe_context = None
        prev_type = t
    return out


def _declarations(toks: list[Tok], i: int, context: str, out: list[Tok]) -> tuple[int, Tok | None]:
    """Go's pipeline() declaration lookahead, starting at the variable ``toks[i]``.

    Appends the tokens it settles to ``out``; returns where to continue and, where
    Go's parser fails here, a ``FAIL`` token with its message. (The stream ends in
    $END or ERROR, so a look past spaces stops within it.)
    """
    count = 0
    while True:
        var = toks[i]
        j = i + 1
        while toks[j].type == "SPACE":
            j += 1
        nxt = toks[j]
        nt = nxt.type
        if nt not in ("DECLARE", "ASSIGN", "COMMA"):
            # Not a declaration: the variable is the pipeline's first operand. Go
            # has read up to the next token by now, and reports errors on its line.
            out.append(Tok(var.type, var.value, var.pos, nxt.line))
            return i + 1, None
        out.append(Tok("DECLVAR", var.value, var.pos, var.line))
        count += 1
        if nt == "COMMA" and (context != "range" or count == 2):
            return j + 1, Tok("FAIL", f"too many declarations in {context}", nxt.pos, nxt.line)
        out.append(nxt)
        if nt != "COMMA":
            return j + 1, None
        k = j + 1
        while toks[k].type == "SPACE":
            k += 1
        after = toks[k]
        if after.type == "VARIABLE":
            i = k
            continue
        if after.type in ("RDELIM", "RPAREN"):
            return k, None
        return k, Tok("FAIL", "range can only initialize variables", after.pos, after.line)
