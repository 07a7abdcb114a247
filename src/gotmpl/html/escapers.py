"""The escaping functions html/template appends to actions, by Go's names.

``ESCAPERS`` maps each name the escaper writes into pipelines
(``_html_template_htmlescaper`` ...) to its function. Each takes the piped value
(or several arguments, printed as ``fmt.Sprint`` prints them) and returns text
safe in its context; typed content (gotmpl.html.content) passes where its type
says it is safe. Values that cannot be made safe become ``ZgotmplZ``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, AnyStr

from .. import values
from ..exec.builtins import escaped
from ..exec.meter import current as current_meter
from ..gostd import fmt as gofmt
from ..gostd import json as gojson
from ..gostd.strconv import go_bytes, go_string
from ..gostd.strings import to_lower
from .attrs import attr_type
from .content import JS, ContentType, JSStr, _Content
from .context import Context, Delim, Element, State, is_in_tag
from .transition import (
    DELIM_ENDS,
    TRANSITIONS,
    decode_css,
    is_js_ident_part,
    text_end,
)

__all__ = ["ESCAPERS", "FILTER_FAILSAFE", "UNCHANGED", "eval_args", "stringify"]

#: What replaces a value no escaper can make safe: no language's keyword, easy
#: to search for.
FILTER_FAILSAFE = "ZgotmplZ"

_PLAIN = ContentType.PLAIN


# -- turning arguments into text ---------------------------------------------------------


def _sprint(args: tuple[Any, ...] | list[Any]) -> str:
    """``fmt.Sprint`` of values read through pointers (Go's ``indirectToStringerOrError``):
    a pointer to a struct prints as the struct, unless it has String or Error."""
    parts: list[str] = []
    previous_string = False
    for i, a in enumerate(args):
        is_string = a is not None and values.kind(a) == values.STRING
        if i and not is_string and not previous_string:
            parts.append(" ")
        if values.kind(a) == values.POINTER and not _has_text_method(a):
            parts.append(gofmt.format_pointee(a))
        else:
            parts.append(gofmt.sprint(a))
        previous_string = is_string
    return "".join(parts)


def _has_text_method(v: Any) -> bool:
    return values.find_method(v, "String") is not None or values.find_method(v, "Error") is not None


def stringify(args: tuple[Any, ...]) -> tuple[str, ContentType]:
    """The text of an escaper's arguments and its content type (Go's stringify).

    One string or typed content is taken as it is; otherwise the arguments print
    as ``fmt.Sprint`` prints them, nil ones left out (so no value prints nothing).
    """
    if len(args) == 1:
        a = args[0]
        if a.__class__ is str:
            return a, _PLAIN
        if isinstance(a, _Content):
            return str.__str__(a), a.content_type
    return _sprint([a for a in args if a is not None]), _PLAIN


def eval_args(*args: Any) -> str:
    """``_eval_args_``: the arguments of ``html`` or ``urlquery`` as one text (Go's evalArgs)."""
    if len(args) == 1 and args[0].__class__ is str:
        return args[0]
    return _sprint(args)


def _specials(table: dict[str, str], empty: bool = False) -> Callable[[str], object]:
    """The search for a character of ``table`` (or, with ``empty``, for an empty
    text): what an escaper would change in a plain string."""
    pattern = "[" + re.escape("".join(table)) + "]"
    return re.compile(r"\A\Z|" + pattern if empty else pattern).search


def _replacer(table: dict[str, str]) -> Callable[[str], str]:
    """A function replacing the characters of ``table``; a text without them is
    returned as it is, and a long one is replaced a piece at a time under Limits
    (exec.builtins.escaped)."""
    search = _specials(table)
    if len(table) > 16:
        sub = re.compile("[" + re.escape("".join(table)) + "]").sub
        lookup = table.__getitem__

        def replace_text(s: str) -> str:
            return sub(lambda m: lookup(m.group()), s)

    else:
        # Few characters: one str.replace each, fastest. A character that the
        # replacements hold ("&" in "&lt;") goes first, so none is replaced twice.
        pairs = sorted(table.items(), key=lambda kv: not any(kv[0] in v for v in table.values()))

        def replace_text(s: str) -> str:
            for old, new in pairs:
                s = s.replace(old, new)
            return s

    def replace(s: str) -> str:
        if search(s) is None:
            return s
        return escaped(s, replace_text)

    return replace


# -- HTML -----------------------------------------------------------------------------------

_HTML_TABLE = {
    "\0": "\ufffd",
    '"': "&#34;",
    "&": "&amp;",
    "'": "&#39;",
    "+": "&#43;",
    "<": "&lt;",
    ">": "&gt;",
}
# Typed HTML keeps its entities: "&" stays.
_HTML_NORM_TABLE = {k: v for k, v in _HTML_TABLE.items() if k != "&"}
# Unquoted values: also white space, "=" and "`" (some browsers quote with it),
# all as numeric references.
_NOSPACE_TABLE = {
    **_HTML_TABLE,
    **{ch: f"&#{ord(ch)};" for ch in "\t\n\v\f\r =`"},
    "\0": "&#xfffd;",
}
_NOSPACE_NORM_TABLE = {k: v for k, v in _NOSPACE_TABLE.items() if k != "&"}


def _with_noncharacters(table: dict[str, str]) -> dict[str, str]:
    """``table`` plus the noncharacters (and invalid bytes, which Go reads as
    U+FFFD) an unquoted attribute value must not hold as they are."""
    extra = {chr(r): f"&#x{r:x};" for r in (*range(0xFDD0, 0xFDF0), *range(0xFFF0, 0x10000))}
    extra.update({chr(r): "&#xfffd;" for r in range(0xD800, 0xE000)})
    return {**table, **extra}


_escape_html = _replacer(_HTML_TABLE)
_escape_html_norm = _replacer(_HTML_NORM_TABLE)
_escape_nospace = _replacer(_with_noncharacters(_NOSPACE_TABLE))
_escape_nospace_norm = _replacer(_with_noncharacters(_NOSPACE_NORM_TABLE))


def _escaper(
    safe_as: ContentType | None, when_safe: Callable[[str], str], otherwise: Callable[[str], str]
) -> Callable[..., str]:
    """An escaping function: ``when_safe`` for the text of typed content of type
    ``safe_as`` (None: no type), ``otherwise`` for the text of anything else."""

    def escape(*args: Any) -> str:
        if len(args) == 1 and args[0].__class__ is str:
            return otherwise(args[0])
        s, t = stringify(args)
        return when_safe(s) if t == safe_as else otherwise(s)

    return escape


def _as_is(s: str) -> str:
    return s


def _never_empty(escape: Callable[[str], str]) -> Callable[[str], str]:
    """``escape``, but ZgotmplZ for the empty text (an unquoted value must not vanish)."""
    return lambda s: escape(s) if s else FILTER_FAILSAFE


# HTML text; typed HTML as it is.
html_escaper = _escaper(ContentType.HTML, _as_is, _escape_html)
# <textarea> and <title> bodies: typed HTML keeps its entities.
rcdata_escaper = _escaper(ContentType.HTML, _escape_html_norm, _escape_html)
# Quoted attribute values: typed HTML loses its tags and keeps its entities.
attr_escaper = _escaper(ContentType.HTML, lambda s: _escape_html_norm(strip_tags(s)), _escape_html)
# Unquoted attribute values: white space and quotes as entities too.
nospace_escaper = _escaper(
    ContentType.HTML,
    _never_empty(lambda s: _escape_nospace_norm(strip_tags(s))),
    _never_empty(_escape_nospace),
)


def strip_tags(html: str) -> str:
    """The text of an HTML fragment: tags, comments and script or style bodies left out."""
    out: list[str] = []
    c = Context()
    i = 0
    n = len(html)
    all_text = True
    while i != n:
        if c.delim == Delim.NONE:
            state = c.state
            if c.element != Element.NONE and not is_in_tag(state):
                state = State.RCDATA
            d, read = TRANSITIONS[state](c, html[i:])
            end = i + read
            if c.state in (State.TEXT, State.RCDATA):
                out.append(html[i : text_end(html, i, end, d.state != c.state)])
            else:
                all_text = False
            c, i = d, end
            continue
        ends = [k for k in (html.find(ch, i) for ch in DELIM_ENDS[c.delim]) if k >= 0]
        if not ends:
            break
        end = min(ends)
        if c.delim != Delim.SPACE_OR_TAG_END:
            end += 1
        c, i = Context(state=State.TAG, element=c.element), end
    if all_text:
        return html
    if c.state in (State.TEXT, State.RCDATA):
        out.append(html[i:])
    return "".join(out)


def _filter_name(s: str) -> str:
    """An attribute name: a plain lower-case name, not one whose value is code or a URL."""
    if not s or _LOWERS_TO_NAME.fullmatch(s) is None:
        return FILTER_FAILSAFE
    s = to_lower(s)
    if attr_type(s) != _PLAIN:
        return FILTER_FAILSAFE
    if _LOWER_ALNUM.fullmatch(s) is None:
        return FILTER_FAILSAFE
    return s


_LOWER_ALNUM = re.compile("[0-9a-z]*")
# The characters Go's ToLower maps into [0-9a-z]: ASCII letters and digits, and
# U+0130 and U+212A (to "i" and "k"); any other makes the name fail unlowered.
_LOWERS_TO_NAME = re.compile("[0-9A-Za-z\u0130\u212a]*")


html_name_filter = _escaper(ContentType.HTML_ATTR, _as_is, _filter_name)


def comment_escaper(*args: Any) -> str:
    """Comments are left out of the output, and so is what a template writes in them."""
    return ""


# -- JavaScript ---------------------------------------------------------------------------

_LOW_CONTROLS = {chr(i): f"\\u{i:04x}" for i in range(0x20)}
_LOW_CONTROLS.update({"\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"})
_LINE_SEPARATORS = {"\u2028": "\\u2028", "\u2029": "\\u2029"}


def _js_escapes(hex_escaped: str, backslashed: str) -> dict[str, str]:
    """A JS escaping table: controls, line separators, and these characters as
    ``\\u00XX`` or behind a backslash."""
    table = {**_LOW_CONTROLS, **_LINE_SEPARATORS}
    table.update({ch: f"\\u{ord(ch):04x}" for ch in hex_escaped})
    table.update({ch: "\\" + ch for ch in backslashed})
    return table


# JS strings: HTML specials as \u escapes too, safe in an event handler attribute.
_JS_STR_TABLE = _js_escapes("\"`&'+<>", "/\\")
# In a template literal "$", "{" and "}" are special too.
_JS_TEMPLATE_TABLE = _js_escapes("\"`&'+<>${}", "/\\")
# Typed JSStr keeps its escapes: "\" stays.
_JS_STR_NORM_TABLE = {k: v for k, v in _JS_STR_TABLE.items() if k != "\\"}
# Regexps: regexp specials behind a backslash, so the text matches literally.
_JS_REGEXP_TABLE = _js_escapes("\"&'+<>", "$()*-./?[\\]^{|}")
_escape_js_str = _replacer(_JS_STR_TABLE)
_escape_js_str_norm = _replacer(_JS_STR_NORM_TABLE)
_escape_js_template = _replacer(_JS_TEMPLATE_TABLE)
_escape_js_regexp = _replacer(_JS_REGEXP_TABLE)

# Inside a JS string literal; typed JSStr keeps its escapes.
js_str_escaper = _escaper(ContentType.JS_STR, _escape_js_str_norm, _escape_js_str)
# Inside a JS template literal (between backquotes).
js_template_escaper = _escaper(None, _escape_js_template, _escape_js_template)
# Inside a JS regexp literal: matches the text literally; never empty ("//" is a comment).
js_regexp_escaper = _escaper(None, _escape_js_regexp, lambda s: _escape_js_regexp(s) or "(?:)")

# "<script" and "</script" as Go's (?i) finds them (long s is an s).
_SCRIPT_TAG = re.compile("<(/?)[sS\u017f][cC][rR][iI][pP][tT]")


def js_val_escaper(*args: Any) -> str:
    """A JS value: the JSON of the value (typed JS as it is, JSStr quoted), padded
    with spaces where it could run into a neighbouring name or number."""
    if len(args) == 1:
        a = values.as_go(args[0])
        if isinstance(a, JS):
            return str.__str__(a)
        if isinstance(a, JSStr):
            return '"' + str.__str__(a) + '"'
        if values.find_method(a, "MarshalJSON") is None:
            to_string = values.find_method(a, "String")
            if to_string is not None:
                a = to_string()
    else:
        a = _sprint(args)
    try:
        b = gojson.marshal(a)
    except gojson.MarshalError as e:
        # The message goes into a comment: it must neither end it nor the script.
        text = _SCRIPT_TAG.sub(r"\\x3C\1script", str(e))
        text = text.replace("*/", "* /").replace("<!--", "\\x3C!--")
        return f" /* {text} */null "
    if not b:
        return " null "
    b = b.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    if is_js_ident_part(b[0]) or is_js_ident_part(b[-1]):
        return " " + b + " "  # "in", "typeof" ... must not touch a name or number
    return b


# -- CSS --------------------------------------------------------------------------------------

_CSS_TABLE = {
    "\0": "\\0",
    "\t": "\\9",
    "\n": "\\a",
    "\f": "\\c",
    "\r": "\\d",
    '"': "\\22",
    "&": "\\26",
    "'": "\\27",
    "(": "\\28",
    ")": "\\29",
    "+": "\\2b",
    "/": "\\2f",
    ":": "\\3a",
    ";": "\\3b",
    "<": "\\3c",
    ">": "\\3e",
    "\\": "\\\\",
    "{": "\\7b",
    "}": "\\7d",
}
_CSS_SPECIAL = re.compile("[" + re.escape("".join(_CSS_TABLE)) + "]")
_HEX_OR_CSS_SPACE = frozenset("0123456789abcdefABCDEF\t\n\f\r ")


def _escape_css(s: str) -> str:
    """Specials as CSS escapes."""
    if _CSS_SPECIAL.search(s) is None:
        return s
    meter = current_meter()
    out: list[str] = []
    written = 0
    for count, m in enumerate(_CSS_SPECIAL.finditer(s)):
        if meter is not None and not count & 0xFFFF:
            meter.check_clock()  # text dense with specials is a loop in Python
        i = m.start()
        repl = _CSS_TABLE[s[i]]
        out.append(s[written:i])
        out.append(repl)
        written = i + 1
        # A hex escape ends at the next non-hex character, or eats one space.
        if repl != "\\\\" and (written == len(s) or s[written] in _HEX_OR_CSS_SPACE):
            out.append(" ")
    out.append(s[written:])
    return "".join(out)


_CSS_VALUE_UNSAFE = re.compile("[" + re.escape("\0\"'()/;@[\\]`{}<>") + "]")
_NOT_CSS_NAME_LETTER = re.compile("[^0-9A-Za-z_]+")


def _filter_css_value(s: str) -> str:
    """A CSS value (a colour, a length, a name ...), decoded; anything else is ZgotmplZ."""
    b = decode_css(s)
    # "--" could end an HTML comment.
    if _CSS_VALUE_UNSAFE.search(b) is not None or "--" in b:
        return FILTER_FAILSAFE
    # The ASCII name characters, "-" left out, spell no dangerous keyword.
    letters = _NOT_CSS_NAME_LETTER.sub("", b).lower()
    if "expression" in letters or "mozbinding" in letters:
        return FILTER_FAILSAFE
    return b


# Inside a CSS string or url().
css_escaper = _escaper(None, _escape_css, _escape_css)
# A CSS value; typed CSS as it is.
css_value_filter = _escaper(ContentType.CSS, _as_is, _filter_css_value)


# -- URLs -------------------------------------------------------------------------------------

_SAFE_SCHEMES = ("http", "https", "mailto")


def _fold(s: str) -> str:
    """``s`` case-folded as Go's EqualFold compares it with ASCII words: besides
    ASCII letters, long s (U+017F) is s and the Kelvin sign is k."""
    return s.lower().replace("\u017f", "s")


def is_safe_url(s: str) -> bool:
    """Whether ``s`` has no scheme, or http, https or mailto."""
    scheme, colon, _ = s.partition(":")
    if colon and "/" not in scheme:
        return _fold(scheme) in _SAFE_SCHEMES
    return True


# The start of a URL attribute: "#ZgotmplZ" for a scheme other than http, https
# or mailto (javascript:, data: ...), unless typed URL.
url_filter = _escaper(
    ContentType.URL, _as_is, lambda s: s if is_safe_url(s) else "#" + FILTER_FAILSAFE
)


# Bytes a URL keeps as they are: unreserved ones always; reserved ones and
# existing %xx escapes when normalising (the text is already a URL).
_URL_ESCAPE = re.compile(rb"[^A-Za-z0-9\-._~]")
_URL_KEPT = rb"A-Za-z0-9\-._~!#$&*+,/:;=?@\[\]"  # and "%" where it starts an escape
_URL_NORMALIZE = re.compile(rb"[^" + _URL_KEPT + rb"%]|%(?![0-9A-Fa-f]{2})")
# Where a match of _URL_NORMALIZE may start: any byte not kept, or a "%".
_URL_NORMALIZE_START = re.compile(rb"[^" + _URL_KEPT + rb"]")


def _from_start(start: re.Pattern[AnyStr], exact: re.Pattern[AnyStr]) -> Callable[[AnyStr], object]:
    """``exact.search``, begun where ``start`` first matches (``start`` matching
    wherever a match of ``exact`` begins): re scans a single class several times
    faster than it tries two alternatives at every position (760 -> 310 ns for
    an 80-character URL that needs nothing)."""

    def search(s: AnyStr) -> object:
        m = start.search(s)
        return m if m is None else exact.search(s, m.start())

    return search


_url_normalize_search = _from_start(_URL_NORMALIZE_START, _URL_NORMALIZE)


_LONE_PERCENT = re.compile(rb"%(?![0-9A-Fa-f]{2})")
# The text of each byte in a URL part and in a whole URL ("%" kept: see above).
_ESCAPED_BYTES = tuple(
    chr(b) if _URL_ESCAPE.match(bytes([b])) is None else f"%{b:02x}" for b in range(256)
)
_NORMALIZED_BYTES = tuple(
    chr(b) if b == 0x25 or _URL_NORMALIZE.match(bytes([b])) is None else f"%{b:02x}"
    for b in range(256)
)


def _process_url(s: str, normalize: bool) -> str:
    """``s`` with the bytes a URL (normalised) or a URL part (escaped) may not hold
    %-escaped; every byte of a non-ASCII character is one of them."""
    search = _url_normalize_search if normalize else _URL_ESCAPE.search
    b = go_bytes(s)
    if search(b) is None:
        return s
    if normalize:  # a "%" that starts no escape is the one byte decided by what follows
        b = _LONE_PERCENT.sub(b"%25", b)
    # Each byte through a table of its text: C loops, however many bytes change.
    return "".join(map((_NORMALIZED_BYTES if normalize else _ESCAPED_BYTES).__getitem__, b))


def _normalize_url(s: str) -> str:
    return escaped(s, _normalize_url_piece, _before_percent)


def _normalize_url_piece(s: str) -> str:
    return _process_url(s, True)


def _before_percent(s: str, end: int) -> int:
    """A piece of a URL to normalise ends before a "%" among its last two
    characters: whether that one starts an escape depends on the next two."""
    first = s.find("%", end - 2, end)
    return end if first < 0 else first


def _escape_url(s: str) -> str:
    return escaped(s, _escape_url_piece)


def _escape_url_piece(s: str) -> str:
    return _process_url(s, False)


# A URL's query or fragment: all but unreserved characters %-escaped (typed URL
# only normalised).
url_escaper = _escaper(ContentType.URL, _normalize_url, _escape_url)
# A URL before its query: what no URL may hold %-escaped, the rest kept.
url_normalizer = _escaper(None, _normalize_url, _normalize_url)


_HTML_SPACE = re.compile(b"[\t\n\f\r ]")
# A candidate's descriptor ("2x", "100w"): HTML space and ASCII letters and digits.
_SRCSET_METADATA = re.compile(b"[\t\n\f\r 0-9A-Za-z]*")


def srcset_escaper(*args: Any) -> str:
    """A ``srcset`` value: each candidate's URL filtered and normalised, and its
    descriptor checked; commas in a typed URL escaped."""
    s, t = stringify(args)
    if t == ContentType.SRCSET:
        return s
    if t == ContentType.URL:
        return _normalize_url(s).replace(",", "%2c")
    b = go_bytes(s)
    out: list[bytes] = []
    start = 0
    while True:
        comma = b.find(b",", start)
        end = len(b) if comma < 0 else comma
        out.append(_srcset_candidate(b[start:end]))
        if comma < 0:
            return go_string(b",".join(out))
        start = comma + 1


def _srcset_candidate(b: bytes) -> bytes:
    start = len(b) - len(b.lstrip(b"\t\n\f\r "))
    space = _HTML_SPACE.search(b, start)
    end = len(b) if space is None else space.start()
    url = b[start:end]
    metadata = b[end:]
    if is_safe_url(go_string(url)) and _SRCSET_METADATA.fullmatch(metadata) is not None:
        escaped = go_bytes(_normalize_url(go_string(url)))
        return b[:start] + escaped + metadata
    return b"#" + FILTER_FAILSAFE.encode()


ESCAPERS: dict[str, Callable[..., str]] = {
    "_html_template_attrescaper": attr_escaper,
    "_html_template_commentescaper": comment_escaper,
    "_html_template_cssescaper": css_escaper,
    "_html_template_cssvaluefilter": css_value_filter,
    "_html_template_htmlnamefilter": html_name_filter,
    "_html_template_htmlescaper": html_escaper,
    "_html_template_jsregexpescaper": js_regexp_escaper,
    "_html_template_jsstrescaper": js_str_escaper,
    "_html_template_jstmpllitescaper": js_template_escaper,
    "_html_template_jsvalescaper": js_val_escaper,
    "_html_template_nospaceescaper": nospace_escaper,
    "_html_template_rcdataescaper": rcdata_escaper,
    "_html_template_srcsetescaper": srcset_escaper,
    "_html_template_urlescaper": url_escaper,
    "_html_template_urlfilter": url_filter,
    "_html_template_urlnormalizer": url_normalizer,
    "_eval_args_": eval_args,
}

# A scheme other than http, https or mailto (in ASCII letters): maybe unsafe.
_UNSAFE_SCHEME = re.compile(r"\A(?!(?:[hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO]):)[^/:]*:")


def _url_scheme_search(s: str) -> object:
    """``_UNSAFE_SCHEME.search``, at once for the commonest URLs (whose scheme,
    http or https as written, it cannot match)."""
    return None if s.startswith(("https:", "http:")) else _UNSAFE_SCHEME.search(s)


# The ASCII bytes a normalised URL keeps as they are, to be deleted by
# bytes.translate: an ASCII text left with none needs no normalising.
_URL_KEPT_BYTES = bytes(b for b in range(128) if _URL_NORMALIZE_START.match(bytes([b])) is None)
_url_normalize_search_str = _from_start(
    re.compile(_URL_NORMALIZE_START.pattern.decode()), re.compile(_URL_NORMALIZE.pattern.decode())
)


def _url_normalizing_search(s: str) -> object:
    """_URL_NORMALIZE's search on a str, at once for ASCII text of kept bytes only
    (the C loop of bytes.translate is faster than re's class scan)."""
    if s.isascii() and not s.encode().translate(None, _URL_KEPT_BYTES):
        return None
    return _url_normalize_search_str(s)


# For each escaper that returns some plain strings unchanged, how to know them
# (Builtin.unchanged: the compiled call is skipped): the characters they lack,
# or a search that finds nothing in them.
UNCHANGED: dict[str, str | Callable[[str], object]] = {
    "_html_template_attrescaper": "".join(_HTML_TABLE),
    "_html_template_cssescaper": _CSS_SPECIAL.search,
    "_html_template_htmlescaper": "".join(_HTML_TABLE),
    "_html_template_jsregexpescaper": _specials(_JS_REGEXP_TABLE, empty=True),
    "_html_template_jsstrescaper": _specials(_JS_STR_TABLE),
    "_html_template_jstmpllitescaper": _specials(_JS_TEMPLATE_TABLE),
    "_html_template_nospaceescaper": _specials(_with_noncharacters(_NOSPACE_TABLE), empty=True),
    "_html_template_rcdataescaper": "".join(_HTML_TABLE),
    "_html_template_urlescaper": re.compile(_URL_ESCAPE.pattern.decode()).search,
    "_html_template_urlfilter": _url_scheme_search,
    "_html_template_urlnormalizer": _url_normalizing_search,
    "_eval_args_": re.compile("(?!)").search,  # one string is the text
}
