"""How a template's text moves the escaping context: HTML, JS and CSS scanned as Go does.

``context_after_text(c, s)`` consumes a prefix of ``s`` (a text node's text, a
Python ``str``) starting in context ``c`` and returns the context after it and
how many characters it consumed; the escaper calls it until the text is used
up. Each parser state has its transition function (Go's transitionFunc); the
rules, including their blind spots, are Go 1.27's, because an escaper that
reads a document differently from Go's escapes it differently.
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Callable

from ..exec.meter import current as current_meter
from ..gostd.strings import to_lower, trim_space
from .attrs import attr_type
from .content import ContentType
from .context import (
    ATTR_START_STATES,
    Attr,
    Context,
    Delim,
    Element,
    JSCtx,
    State,
    URLPart,
    error_context,
    is_comment,
    is_in_script_literal,
    replace,
)
from .errors import ErrorCode

__all__ = [
    "DELIM_ENDS",
    "TRANSITIONS",
    "context_after_text",
    "decode_css",
    "eat_white_space",
    "is_css_nmchar",
    "is_js_ident_part",
    "is_js_type",
    "next_js_ctx",
    "text_end",
    "unescape_html",
]

Transition = Callable[[Context, str], tuple[Context, int]]

# The characters that end an attribute value, by its delimiter. Unquoted values
# end where browsers were found to end them.
DELIM_ENDS = {
    Delim.DOUBLE_QUOTE: '"',
    Delim.SINGLE_QUOTE: "'",
    Delim.SPACE_OR_TAG_END: " \t\n\f\r>",
}

_HTML_SPACE = " \t\n\f\r"
_ELEMENTS = {
    "script": Element.SCRIPT,
    "style": Element.STYLE,
    "textarea": Element.TEXTAREA,
    "title": Element.TITLE,
    "meta": Element.META,
}
# The state of an element's body.
_BODY_STATES = {
    Element.NONE: State.TEXT,
    Element.SCRIPT: State.JS,
    Element.STYLE: State.CSS,
    Element.TEXTAREA: State.RCDATA,
    Element.TITLE: State.RCDATA,
    Element.META: State.TEXT,
}
# What ends a raw-text or RCDATA element's body: "</" and this, case-folded.
_END_TAG_NAMES = {
    Element.SCRIPT: "script",
    Element.STYLE: "style",
    Element.TEXTAREA: "textarea",
    Element.TITLE: "title",
    Element.META: "",
}
_ATTRS_BY_CONTENT = {
    ContentType.URL: Attr.URL,
    ContentType.CSS: Attr.STYLE,
    ContentType.JS: Attr.SCRIPT,
    ContentType.SRCSET: Attr.SRCSET,
}


def _unfinished_escape(language: str, s: str) -> Context:
    """The error of a text ending in a backslash inside a JS or CSS string."""
    return error_context(
        ErrorCode.PARTIAL_ESCAPE, None, 0, f"unfinished escape sequence in {language} string: %q", s
    )


def _find_any(s: str, chars: str, start: int = 0) -> int:
    """The index of the first of ``chars`` in ``s`` at or after ``start``, or -1."""
    best = -1
    for ch in chars:
        i = s.find(ch, start, best if best >= 0 else len(s))
        if i >= 0:
            best = i
    return best


def _ascii_fold_equal(s: str, ascii_word: str) -> bool:
    """Whether ``s`` is ``ascii_word`` (lower case) ignoring ASCII case."""
    return len(s) == len(ascii_word) and s.isascii() and s.lower() == ascii_word


# -- HTML ------------------------------------------------------------------------------


def _t_text(c: Context, s: str) -> tuple[Context, int]:
    k = 0
    n = len(s)
    while True:
        i = s.find("<", k)
        if i < 0 or i + 1 == n:
            return c, n
        if s.startswith("<!--", i):
            return Context(state=State.HTML_CMT), i + 4
        i += 1
        closing = False
        if s[i] == "/":
            if i + 1 == n:
                return c, n
            closing, i = True, i + 1
        j, element = _eat_tag_name(s, i)
        if j != i:
            return Context(state=State.TAG, element=Element.NONE if closing else element), j
        k = j


def _t_tag(c: Context, s: str) -> tuple[Context, int]:
    i = eat_white_space(s, 0)
    if i == len(s):
        return c, len(s)
    if s[i] == ">":
        if c.element == Element.META:  # no end tag: back to text at once
            return Context(), i + 1
        return Context(state=_BODY_STATES[c.element], element=c.element), i + 1
    j, err = _eat_attr_name(s, i)
    if err is not None:
        return err, len(s)
    if i == j:
        return error_context(
            ErrorCode.BAD_HTML,
            None,
            0,
            "expected space, attr name, or end of tag, but got %q",
            s[i:],
        ), len(s)
    name = to_lower(s[i:j])
    if c.element == Element.SCRIPT and name == "type":
        attr = Attr.SCRIPT_TYPE
    elif c.element == Element.META and name == "content":
        attr = Attr.META_CONTENT
    else:
        attr = _ATTRS_BY_CONTENT.get(attr_type(name), Attr.NONE)
    state = State.ATTR_NAME if j == len(s) else State.AFTER_NAME
    return Context(state=state, element=c.element, attr=attr), j


def _t_attr_name(c: Context, s: str) -> tuple[Context, int]:
    i, err = _eat_attr_name(s, 0)
    if err is not None:
        return err, len(s)
    if i != len(s):
        c = replace(c, state=State.AFTER_NAME)
    return c, i


def _t_after_name(c: Context, s: str) -> tuple[Context, int]:
    i = eat_white_space(s, 0)
    if i == len(s):
        return c, len(s)
    if s[i] != "=":  # the tag ends, or the attribute has no value
        return replace(c, state=State.TAG), i
    return replace(c, state=State.BEFORE_VALUE), i + 1


def _t_before_value(c: Context, s: str) -> tuple[Context, int]:
    i = eat_white_space(s, 0)
    if i == len(s):
        return c, len(s)
    delim = Delim.SPACE_OR_TAG_END
    if s[i] == "'":
        delim, i = Delim.SINGLE_QUOTE, i + 1
    elif s[i] == '"':
        delim, i = Delim.DOUBLE_QUOTE, i + 1
    return replace(c, state=ATTR_START_STATES[c.attr], delim=delim), i


def _t_html_comment(c: Context, s: str) -> tuple[Context, int]:
    i = s.find("-->")
    if i >= 0:
        return Context(), i + 3
    return c, len(s)


def _t_special_tag_end(c: Context, s: str) -> tuple[Context, int]:
    """Raw text and RCDATA bodies: everything up to the element's end tag."""
    if c.element != Element.NONE:
        # In a script's strings and comments "</script" is text, to be escaped.
        if c.element == Element.SCRIPT and (is_in_script_literal(c.state) or is_comment(c.state)):
            return c, len(s)
        i = _index_tag_end(s, _END_TAG_NAMES[c.element])
        if i >= 0:
            return Context(), i
    return c, len(s)


def _index_tag_end(s: str, tag: str) -> int:
    """Where ``</tag`` followed by a tag-ending character first is in ``s``, or -1."""
    consumed = 0
    while s:
        i = s.find("</")
        if i < 0:
            return -1
        s = s[i + 2 :]
        if len(tag) <= len(s) and _ascii_fold_equal(s[: len(tag)], tag):
            s = s[len(tag) :]
            if s and s[0] in "> \t\n\f/":
                return consumed + i
            consumed += len(tag)
        consumed += i + 2
    return -1


def _t_attr(c: Context, s: str) -> tuple[Context, int]:
    return c, len(s)


def _t_url(c: Context, s: str) -> tuple[Context, int]:
    if "#" in s or "?" in s:
        c = replace(c, url_part=URLPart.QUERY_OR_FRAG)
    elif len(s) != eat_white_space(s, 0) and c.url_part == URLPart.NONE:
        # Browsers allow spaces around attribute URLs.
        c = replace(c, url_part=URLPart.PRE_QUERY)
    return c, len(s)


def _t_meta_content(c: Context, s: str) -> tuple[Context, int]:
    for i in range(len(s)):
        if i + 3 <= len(s) - 1 and _ascii_fold_equal(s[i : i + 3], "url"):
            j = eat_white_space(s, i + 3)
            if j < len(s) and s[j] == "=":
                return replace(c, state=State.META_CONTENT_URL), j + 1
    return c, len(s)


def _t_meta_content_url(c: Context, s: str) -> tuple[Context, int]:
    i = s.find(";")
    if i >= 0:
        return replace(c, state=State.META_CONTENT), i + 1
    return c, len(s)


def _t_error(c: Context, s: str) -> tuple[Context, int]:
    return c, len(s)


def _eat_attr_name(s: str, i: int) -> tuple[int, Context | None]:
    """The end of the attribute name starting at ``i``, or an error context for a
    character no attribute name in a template should have."""
    for j in range(i, len(s)):
        ch = s[j]
        if ch in " \t\n\f\r=>":
            return j, None
        if ch in "'\"<":
            return -1, error_context(
                ErrorCode.BAD_HTML, None, 0, "%q in attribute name: %.32q", ch, s
            )
    return len(s), None


def _ascii_alpha(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z"


def _ascii_alnum(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z" or "0" <= ch <= "9"


def _eat_tag_name(s: str, i: int) -> tuple[int, Element]:
    """The end of the tag name starting at ``i`` (``i`` itself if there is none), and
    the special element it names."""
    if i == len(s) or not _ascii_alpha(s[i]):
        return i, Element.NONE
    j = i + 1
    while j < len(s):
        ch = s[j]
        if _ascii_alnum(ch):
            j += 1
        elif ch in ":-" and j + 1 < len(s) and _ascii_alnum(s[j + 1]):
            j += 2  # "x-y" and "x:y", but not "x-", "-y" or "x--y"
        else:
            break
    return j, _ELEMENTS.get(s[i:j].lower(), Element.NONE)


def eat_white_space(s: str, i: int) -> int:
    """The end of the HTML white space starting at ``i``."""
    n = len(s)
    while i < n and s[i] in _HTML_SPACE:
        i += 1
    return i


# -- JavaScript ---------------------------------------------------------------------------

JS_WHITESPACE = (
    "\f\n\r\t\v \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
# Keywords after which a "/" starts a regexp ("yield" counted as one).
_REGEXP_PRECEDER_KEYWORDS = frozenset(
    [
        "break",
        "case",
        "continue",
        "delete",
        "do",
        "else",
        "finally",
        "in",
        "instanceof",
        "return",
        "throw",
        "try",
        "typeof",
        "void",
        "yield",
    ]
)
_REGEXP_PRECEDER_PUNCTUATION = frozenset(",<>=*%&|^?!~([:;{}")


def is_js_ident_part(ch: str) -> bool:
    """Whether ``ch`` can be part of a JS identifier, keyword or number (ASCII only)."""
    return ch == "$" or ch == "_" or _ascii_alnum(ch)


def next_js_ctx(s: str, preceding: JSCtx) -> JSCtx:
    """Whether a "/" after the JS tokens ``s`` starts a regexp or a division.

    ``s`` holds no strings, comments or regexps; ``preceding`` is the answer for
    what came before, used when ``s`` is only white space.
    """
    s = s.rstrip(JS_WHITESPACE)
    if not s:
        return preceding
    last = s[-1]
    n = len(s)
    if last in "+-":
        # "++" and "--" end operands, "+" and "-" are operators: count the run.
        start = n - 1
        while start > 0 and s[start - 1] == last:
            start -= 1
        return JSCtx.REGEXP if (n - start) & 1 else JSCtx.DIV_OP
    if last == ".":
        return JSCtx.DIV_OP if n != 1 and "0" <= s[n - 2] <= "9" else JSCtx.REGEXP  # "42."
    if last in _REGEXP_PRECEDER_PUNCTUATION:
        return JSCtx.REGEXP
    j = n
    while j > 0 and is_js_ident_part(s[j - 1]):
        j -= 1
    # A keyword after a property-access dot is a property name.
    if s[j:] in _REGEXP_PRECEDER_KEYWORDS and not s[:j].rstrip(JS_WHITESPACE).endswith("."):
        return JSCtx.REGEXP
    return JSCtx.DIV_OP


def _t_js(c: Context, s: str) -> tuple[Context, int]:
    i = _find_any(s, "\"`'/{}<-#")
    if i < 0:
        return replace(c, js_ctx=next_js_ctx(s, c.js_ctx)), len(s)
    js_ctx = next_js_ctx(s[:i], c.js_ctx)
    state = c.state
    depths = c.brace_depths
    ch = s[i]
    if ch == '"':
        state, js_ctx = State.JS_DQ_STR, JSCtx.REGEXP
    elif ch == "'":
        state, js_ctx = State.JS_SQ_STR, JSCtx.REGEXP
    elif ch == "`":
        state, js_ctx = State.JS_TMPL_LIT, JSCtx.REGEXP
    elif ch == "/":
        following = s[i + 1] if i + 1 < len(s) else ""
        if following == "/":
            state, i = State.JS_LINE_CMT, i + 1
        elif following == "*":
            state, i = State.JS_BLOCK_CMT, i + 1
        elif js_ctx == JSCtx.REGEXP:
            state = State.JS_REGEXP
        elif js_ctx == JSCtx.DIV_OP:
            js_ctx = JSCtx.REGEXP
        else:
            return error_context(
                ErrorCode.SLASH_AMBIG, None, 0, "'/' could start a division or regexp: %.32q", s[i:]
            ), len(s)
    elif ch == "<":
        # JS also has HTML-like comments: "<!--" and "-->" start a line comment.
        if i + 3 < len(s) and s.startswith("<!--", i):
            state, i = State.JS_HTML_OPEN_CMT, i + 3
    elif ch == "-":
        if i + 2 < len(s) and s.startswith("-->", i):
            state, i = State.JS_HTML_CLOSE_CMT, i + 2
    elif ch == "#":
        if i + 1 < len(s) and s[i + 1] == "!":  # a hashbang line
            state, i = State.JS_LINE_CMT, i + 1
        else:
            # A private name (#x) is never a keyword: a division may follow.
            while i + 1 < len(s) and is_js_ident_part(s[i + 1]):
                i += 1
            js_ctx = JSCtx.DIV_OP
    elif ch == "{":
        # Braces are counted only inside template-literal substitutions.
        if depths is not None and depths.length:
            depths.add_to_last(1)
        js_ctx = next_js_ctx("{", js_ctx)
    else:  # "}"
        if depths is None or not depths.length or depths.add_to_last(-1) >= 0:
            js_ctx = next_js_ctx("}", js_ctx)
        else:  # the "}" closing a "${": back in the template literal
            depths = depths.popped()
            state = State.JS_TMPL_LIT
    return replace(c, state=state, js_ctx=js_ctx, brace_depths=depths), i + 1


# In a template literal: an escape (a backslash and what it escapes), a
# substitution's start, or the closing backquote.
_JS_TEMPLATE_TOKENS = re.compile(r"\\(.)?|\$\{|`", re.DOTALL)


def _t_js_template(c: Context, s: str) -> tuple[Context, int]:
    for m in _JS_TEMPLATE_TOKENS.finditer(s):
        token = m.group()
        if token == "`":
            return replace(c, state=State.JS), m.end()
        if token == "${":
            c = c.with_depth_pushed(0)
            return replace(c, state=State.JS, js_ctx=JSCtx.REGEXP), m.end()
        if m.group(1) is None:  # a backslash ends the text
            return _unfinished_escape("JS", s), len(s)
    return c, len(s)


_DELIMITED_SPECIALS = {State.JS_DQ_STR: '\\"', State.JS_SQ_STR: "\\'", State.JS_REGEXP: "\\/[]"}


def _t_js_delimited(c: Context, s: str) -> tuple[Context, int]:
    """JS strings and regexps: up to the closing quote or slash."""
    specials = _DELIMITED_SPECIALS[c.state]
    k = 0
    in_charset = False
    while True:
        i = _find_any(s, specials, k)
        if i < 0:
            break
        ch = s[i]
        if ch == "\\":
            i += 1
            if i == len(s):
                return _unfinished_escape("JS", s), len(s)
        elif ch == "[":
            in_charset = True
        elif ch == "]":
            in_charset = False
        elif ch == "/":
            # "</script" does not end a regexp: it is escaped instead.
            if i > 0 and _ascii_fold_equal(s[i - 1 : i + 7], "</script"):
                i += 1
            elif not in_charset:
                return replace(c, state=State.JS, js_ctx=JSCtx.DIV_OP), i + 1
        elif not in_charset:  # the closing quote
            return replace(c, state=State.JS, js_ctx=JSCtx.DIV_OP), i + 1
        k = i + 1
    if in_charset:
        return error_context(
            ErrorCode.PARTIAL_CHARSET, None, 0, "unfinished JS regexp charset: %q", s
        ), len(s)
    return c, len(s)


def _t_block_comment(c: Context, s: str) -> tuple[Context, int]:
    i = s.find("*/")
    if i < 0:
        return c, len(s)
    return replace(c, state=State.JS if c.state == State.JS_BLOCK_CMT else State.CSS), i + 2


def _t_line_comment(c: Context, s: str) -> tuple[Context, int]:
    if c.state == State.CSS_LINE_CMT:
        ends, state = "\n\f\r", State.CSS
    else:
        ends, state = "\n\r\u2028\u2029", State.JS
    i = _find_any(s, ends)
    if i < 0:
        return c, len(s)
    return replace(c, state=state), i  # the line end itself is not comment


def is_js_type(mime_type: str) -> bool:
    """Whether a script element of this ``type`` holds JavaScript (or JSON)."""
    mime_type = trim_space(to_lower(mime_type.partition(";")[0]))
    return mime_type in _JS_TYPES


_JS_TYPES = frozenset(
    {
        "",
        "application/ecmascript",
        "application/javascript",
        "application/json",
        "application/ld+json",
        "application/x-ecmascript",
        "application/x-javascript",
        "module",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)

# -- CSS ----------------------------------------------------------------------------------

_CSS_SPACE = "\t\n\f\r "


def is_css_nmchar(ch: str) -> bool:
    """Whether ``ch`` can be part of a CSS name (an invalid byte counts as U+FFFD)."""
    if _ascii_alnum(ch) or ch in "-_":
        return True
    r = ord(ch)
    if 0xD800 <= r <= 0xDFFF:
        r = 0xFFFD
    return 0x80 <= r <= 0xD7FF or 0xE000 <= r <= 0xFFFD or 0x10000 <= r <= 0x10FFFF


def _ends_with_css_keyword(s: str, keyword: str) -> bool:
    i = len(s) - len(keyword)
    if i < 0:
        return False
    if i and is_css_nmchar(s[i - 1]):
        return False
    return _ascii_fold_equal(s[i:], keyword)


def _is_hex(ch: str) -> bool:
    return "0" <= ch <= "9" or "a" <= ch <= "f" or "A" <= ch <= "F"


def decode_css(s: str) -> str:
    """``s`` with CSS escapes (``\\41 ``, ``\\"``) decoded."""
    if "\\" not in s:
        return s
    # Indexes into s, never slices of what is left: text dense with escapes
    # decodes in linear time, and looks at the execution's clock now and then.
    meter = current_meter()
    out: list[str] = []
    i, n, count = 0, len(s), 0
    while i < n:
        if meter is not None and not count & 0xFFFF:
            meter.check_clock()
        count += 1
        k = s.find("\\", i)
        if k < 0:
            out.append(s[i:])
            break
        out.append(s[i:k])
        if k + 1 == n:  # a backslash at the very end stands for nothing
            break
        if _is_hex(s[k + 1]):
            j = k + 2
            while j < n and j < k + 7 and _is_hex(s[j]):
                j += 1
            r = int(s[k + 1 : j], 16)
            if r > 0x10FFFF:
                r, j = r // 16, j - 1
            out.append("\ufffd" if 0xD800 <= r <= 0xDFFF else chr(r))
            i = _after_css_space(s, j)
        else:
            out.append(s[k + 1])
            i = k + 2
    return "".join(out)


def _after_css_space(s: str, i: int) -> int:
    """``i``, or past the one white space (or CRLF) at ``i`` that may end a CSS hex escape."""
    if s.startswith("\r\n", i):
        return i + 2
    return i + 1 if i < len(s) and s[i] in "\t\n\f\r " else i


_CSS_SPECIALS = re.compile("[(\"'/]")


def _t_css(c: Context, s: str) -> tuple[Context, int]:
    # Quoted strings are taken for URLs (their most common use), which the
    # escapers then treat conservatively.
    for m in _CSS_SPECIALS.finditer(s):
        i = m.start()
        ch = s[i]
        if ch == "(":
            if _ends_with_css_keyword(s[:i].rstrip(_CSS_SPACE), "url"):
                j = len(s) - len(s[i + 1 :].lstrip(_CSS_SPACE))
                if j != len(s) and s[j] == '"':
                    return replace(c, state=State.CSS_DQ_URL), j + 1
                if j != len(s) and s[j] == "'":
                    return replace(c, state=State.CSS_SQ_URL), j + 1
                return replace(c, state=State.CSS_URL), j
        elif ch == "/":
            if i + 1 < len(s):
                if s[i + 1] == "/":
                    return replace(c, state=State.CSS_LINE_CMT), i + 2
                if s[i + 1] == "*":
                    return replace(c, state=State.CSS_BLOCK_CMT), i + 2
        elif ch == '"':
            return replace(c, state=State.CSS_DQ_STR), i + 1
        else:  # "'"
            return replace(c, state=State.CSS_SQ_STR), i + 1
    return c, len(s)


_CSS_STRING_ENDS = {
    State.CSS_DQ_STR: '\\"',
    State.CSS_DQ_URL: '\\"',
    State.CSS_SQ_STR: "\\'",
    State.CSS_SQ_URL: "\\'",
    State.CSS_URL: "\\\t\n\f\r )",  # unquoted URLs end at white space or ")"
}


def _t_css_string(c: Context, s: str) -> tuple[Context, int]:
    ends = _CSS_STRING_ENDS[c.state]
    k = 0
    while True:
        i = _find_any(s, ends, k)
        if i < 0:
            c, n = _t_url(c, decode_css(s[k:]))
            return c, k + n
        if s[i] != "\\":
            return replace(c, state=State.CSS), i + 1
        i += 1
        if i == len(s):
            return _unfinished_escape("CSS", s), len(s)
        c, _ = _t_url(c, decode_css(s[: i + 1]))
        k = i + 1


# -- the whole ------------------------------------------------------------------------------

TRANSITIONS: dict[State, Transition] = {
    State.TEXT: _t_text,
    State.TAG: _t_tag,
    State.ATTR_NAME: _t_attr_name,
    State.AFTER_NAME: _t_after_name,
    State.BEFORE_VALUE: _t_before_value,
    State.HTML_CMT: _t_html_comment,
    State.RCDATA: _t_special_tag_end,
    State.ATTR: _t_attr,
    State.URL: _t_url,
    State.META_CONTENT: _t_meta_content,
    State.META_CONTENT_URL: _t_meta_content_url,
    State.SRCSET: _t_url,
    State.JS: _t_js,
    State.JS_DQ_STR: _t_js_delimited,
    State.JS_SQ_STR: _t_js_delimited,
    State.JS_REGEXP: _t_js_delimited,
    State.JS_TMPL_LIT: _t_js_template,
    State.JS_BLOCK_CMT: _t_block_comment,
    State.JS_LINE_CMT: _t_line_comment,
    State.JS_HTML_OPEN_CMT: _t_line_comment,
    State.JS_HTML_CLOSE_CMT: _t_line_comment,
    State.CSS: _t_css,
    State.CSS_DQ_STR: _t_css_string,
    State.CSS_SQ_STR: _t_css_string,
    State.CSS_DQ_URL: _t_css_string,
    State.CSS_SQ_URL: _t_css_string,
    State.CSS_URL: _t_css_string,
    State.CSS_BLOCK_CMT: _t_block_comment,
    State.CSS_LINE_CMT: _t_line_comment,
    State.ERROR: _t_error,
}


def text_end(s: str, start: int, end: int, left_text: bool) -> int:
    """Where the text in ``s[start:end]`` ends: at the "<" of the tag that ends it
    when the context left text there (``left_text``), else at ``end``."""
    if left_text:
        lt = s.rfind("<", start, end)
        if lt >= 0:
            return lt
    return end


def context_after_text(c: Context, s: str) -> tuple[Context, int]:
    """The context after a prefix of ``s`` read in context ``c``, and the prefix's length.

    In an attribute value the whole value is read at once, HTML entities decoded
    (so that ``onclick="alert(&quot;x&quot;)"`` reads as JS would).
    """
    if c.delim == Delim.NONE:
        after, i = _t_special_tag_end(c, s)
        if i == 0:  # an end tag ("</script>") right here
            return after, 0
        return TRANSITIONS[c.state](c, s[:i])
    i = _find_any(s, DELIM_ENDS[c.delim])
    if i < 0:
        i = len(s)
    if c.delim == Delim.SPACE_OR_TAG_END:
        # Characters HTML calls errors in unquoted values: parsers disagree on them.
        j = _find_any(s[:i], "\"'<=`")
        if j >= 0:
            return error_context(
                ErrorCode.BAD_HTML, None, 0, "%q in unquoted attr: %q", s[j], s[:i]
            ), len(s)
    if i == len(s):  # the value goes on past this text
        u = unescape_html(s)
        while u:
            c, n = TRANSITIONS[c.state](c, u)
            u = u[n:]
        return c, len(s)
    element = c.element
    # A script whose type is not JavaScript is not read as JavaScript.
    if (
        c.state == State.ATTR
        and c.element == Element.SCRIPT
        and c.attr == Attr.SCRIPT_TYPE
        and not is_js_type(s[:i])
    ):
        element = Element.NONE
    if c.delim != Delim.SPACE_OR_TAG_END:
        i += 1  # the closing quote
    return Context(state=State.TAG, element=element), i


# -- HTML character references ---------------------------------------------------------------

# Go's table of named references is HTML5's less two (nLt; and nGt;).
_ENTITIES = {k: v for k, v in html.entities.html5.items() if k not in ("nLt;", "nGt;")}
_LONGEST_WITHOUT_SEMICOLON = 6
# What Windows-1252 made of the C1 controls, which numeric references follow.
_C1_REPLACEMENTS = (
    "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d"
    "\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a"
    "\u0153\u009d\u017e\u0178"
)


def unescape_html(s: str) -> str:
    """Go's html.UnescapeString: ``&amp;``, ``&#34;``, ``&#x27;`` ... decoded."""
    i = s.find("&")
    if i < 0:
        return s
    out = [s[:i]]
    while i >= 0:
        text, i = _unescape_reference(s, i)
        out.append(text)
        j = s.find("&", i)
        out.append(s[i:] if j < 0 else s[i:j])
        i = j
    return "".join(out)


def _unescape_reference(s: str, start: int) -> tuple[str, int]:
    """The reference at ``s[start]`` ("&") decoded, and where the text after it starts."""
    end = len(s)
    if end - start <= 1:
        return "&", start + 1
    i = start + 1
    if s[i] == "#":
        if end - start <= 3:
            return "&", start + 1
        i += 1
        hexadecimal = s[i] in "xX"
        if hexadecimal:
            i += 1
        x = 0
        while i < end:
            ch = s[i]
            i += 1
            if hexadecimal and _is_hex(ch):
                x = 16 * x + int(ch, 16)
            elif not hexadecimal and "0" <= ch <= "9":
                x = 10 * x + int(ch)
            else:
                if ch != ";":
                    i -= 1
                break
            x = (x + 0x80000000) % 0x100000000 - 0x80000000  # Go's rune is an int32
        if i - start <= 3:
            return "&", start + 1
        if 0x80 <= x <= 0x9F:
            return _C1_REPLACEMENTS[x - 0x80], i
        if x <= 0 or 0xD800 <= x <= 0xDFFF or x > 0x10FFFF:
            return "\ufffd", i
        return chr(x), i
    while i < end:
        ch = s[i]
        i += 1
        if not _ascii_alnum(ch):
            if ch != ";":
                i -= 1
            break
    name = s[start + 1 : i]
    if name:
        found = _ENTITIES.get(name)
        if found is not None:
            return found, i
        for j in range(min(len(name) - 1, _LONGEST_WITHOUT_SEMICOLON), 1, -1):
            found = _ENTITIES.get(name[:j])
            if found is not None and len(found) == 1:
                return found, start + 1 + j
    return s[start:i], i
