"""YAML as Alertmanager reads it (gopkg.in/yaml.v2): PyYAML parses, gotmpl resolves.

PyYAML's parser (libyaml's, when PyYAML was built with it, which yaml.v2 is a
port of) turns text into nodes with line numbers. What a plain scalar means is
yaml.v2's rule, not PyYAML's: ``yes``/``on``/``y`` are true, ``0x10`` and
``010`` are ints (Go's ``strconv.ParseInt`` base 0, underscores dropped),
``1e3`` a float, ``12:30`` a string (no base 60) and a timestamp a string
when decoded into an ``interface{}``. :func:`load` gives the nodes; :func:`tree` the nodes as Python values
whose scalars keep both their text (what a Go string field gets) and their
value; :func:`decode_text` what upstream's DeepCopyWithTemplate makes of a
rendered string.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..gostd.strconv import (
    SyntaxErr,
    go_bytes,
    go_string,
    parse_float,
    parse_int,
    parse_uint,
    quote,
)

__all__ = [
    "PLAIN",
    "Map",
    "Scalar",
    "Seq",
    "YAMLError",
    "decode_text",
    "kind",
    "line_of",
    "load",
    "resolve_plain",
    "tree",
    "value",
]

#: The tag a plain, untagged scalar gets: resolved by :func:`resolve_plain`.
PLAIN = "!gotmpl-plain"

_STR = "tag:yaml.org,2002:str"
_BINARY = "tag:yaml.org,2002:binary"
_MERGE_KEY = "<<"


class YAMLError(ValueError):
    """The text is not YAML, or a value does not fit; ``line`` is 1-based (None if unknown)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _Resolver(yaml.resolver.BaseResolver):
    """Tags nothing by guessing: plain scalars are left for :func:`resolve_plain`."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return PLAIN
        return super().resolve(kind, value, implicit)


if getattr(yaml, "__with_libyaml__", False):
    from yaml._yaml import CParser

    class _Loader(CParser, _Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        _Resolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Resolver.__init__(self)


def load(text: str) -> Node | None:
    """The first document of ``text`` as nodes (None when empty), as yaml.v2's
    Unmarshal reads it; YAMLError when it is not YAML."""
    loader = _Loader(_readable(text))
    try:
        return loader.get_node() if loader.check_node() else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = None if mark is None else mark.line + 1
        raise YAMLError(" ".join(p for p in (e.context, e.problem) if p), line) from None
    except yaml.YAMLError as e:
        raise YAMLError(str(e)) from None
    finally:
        loader.dispose()


def _readable(text: str) -> str:
    """``text`` (a Go string: undecodable bytes kept as lone surrogates) as yaml.v2's
    reader decodes it: UTF-16 after its byte-order mark, else UTF-8, the first
    malformed sequence failing with the reader's problem."""
    try:
        text.encode("utf-8")
        return text  # no lone surrogate: the file was UTF-8
    except UnicodeEncodeError:
        raw = go_bytes(text)
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise YAMLError("incomplete UTF-16 character") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise YAMLError(_utf8_problem(raw, e.start)) from None


def _utf8_problem(raw: bytes, at: int) -> str:
    """The reader's words for the malformed UTF-8 sequence starting at ``at``, in
    the order its checks run."""
    octet = raw[at]
    if octet & 0xE0 == 0xC0:
        width = 2
    elif octet & 0xF0 == 0xE0:
        width = 3
    elif octet & 0xF8 == 0xF0:
        width = 4
    else:
        return "invalid leading UTF-8 octet"
    if at + width > len(raw):
        return "incomplete UTF-8 octet sequence"
    value = octet & (0x1F, 0x0F, 0x07)[width - 2]
    for trailing in raw[at + 1 : at + width]:
        if trailing & 0xC0 != 0x80:
            return "invalid trailing UTF-8 octet"
        value = (value << 6) | (trailing & 0x3F)
    if value < (0x80, 0x800, 0x10000)[width - 2]:
        return "invalid length of a UTF-8 sequence"
    return "invalid Unicode character"


def line_of(node: Node) -> int:
    """The 1-based line a node starts on."""
    return int(node.start_mark.line) + 1


_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"))
_FALSE = frozenset(("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"))
_SPECIAL_FLOATS = {
    **dict.fromkeys((".nan", ".NaN", ".NAN"), math.nan),
    **dict.fromkeys((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"), math.inf),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), -math.inf),
}
# The forms yaml.v2 reads as timestamps (Go's time.Parse with its four
# layouts): a date; or a date, a T or t, a clock and a zone; or a date, a space
# and a clock. It hands them over as the text itself.
_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(?:Z|[+-]([0-9]{2}):([0-9]{2}))"
    r"| ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?)?\Z"
)
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_timestamp(s: str) -> bool:
    m = _TIMESTAMP.match(s)
    if m is None:
        return False
    year, month, day, *clock = (None if g is None else int(g) for g in m.groups())
    assert year is not None and month is not None and day is not None
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS[month - 1]:
        return False
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return False
    hour, minute, second, zone_hour, zone_minute = (
        clock[:5] if clock[0] is not None else [*clock[5:], None, None]
    )
    if hour is not None and (hour > 23 or minute > 59 or second > 59):  # type: ignore[operator]
        return False
    return zone_hour is None or (zone_hour <= 24 and zone_minute <= 60)  # type: ignore[operator]


def resolve_plain(text: str) -> Any:
    """What yaml.v2 decodes an untagged plain scalar into, in an ``interface{}``:
    None, a bool, an int, a float, or the text (timestamps included)."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    special = _SPECIAL_FLOATS.get(text)
    if special is not None:
        return special
    first = text[0]
    if first == ".":
        try:
            return parse_float(text)
        except SyntaxErr:
            return text
    if first in "+-0123456789":
        if _is_timestamp(text):
            return text
        plain = text.replace("_", "")
        for parse in (parse_int, parse_uint):
            try:
                return parse(plain)
            except SyntaxErr:
                pass
        if _FLOAT.match(plain):
            try:
                return parse_float(plain)
            except SyntaxErr:
                pass
    return text


_TAGGED = {
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": bool,
}


class Scalar(str):
    """A scalar of a YAML tree: its text (what yaml.v2 puts in a Go string
    field, ``yes`` staying ``yes``), and in ``value`` what it decodes to in an
    ``interface{}``. ``line`` is where it starts (1-based)."""

    value: Any
    line: int

    def __new__(cls, text: str, value: Any, line: int) -> Scalar:
        self = super().__new__(cls, text)
        self.value = value
        self.line = line
        return self


class Map(dict[Any, Any]):
    """A mapping of a YAML tree, starting on ``line``."""

    line: int = 0


class Seq(list[Any]):
    """A sequence of a YAML tree, starting on ``line``."""

    line: int = 0


def kind(t: Any) -> str:
    """yaml.v2's name for a tree's kind, as its errors say it (``!!map``)."""
    if isinstance(t, Map):
        return "!!map"
    if isinstance(t, Seq):
        return "!!seq"
    v = t.value if isinstance(t, Scalar) else t
    if v is None:
        return "!!null"
    return {bool: "!!bool", int: "!!int", float: "!!float"}.get(type(v), "!!str")


def _scalar(node: ScalarNode) -> Scalar:
    text: str = node.value
    line = line_of(node)
    if node.tag == PLAIN:
        return Scalar(text, resolve_plain(text), line)
    if node.tag == _BINARY:
        try:
            decoded = go_string(base64.b64decode(text, validate=False))
        except (binascii.Error, ValueError):
            raise YAMLError("!!binary value contains invalid base64 data", line) from None
        return Scalar(decoded, decoded, line)
    kind = _TAGGED.get(node.tag)
    if kind is not None:
        resolved = resolve_plain(text)
        if kind is float and type(resolved) is int:
            resolved = float(resolved)
        if type(resolved) is not kind:
            short = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YAMLError(f"cannot decode `{text}` as a {short}", line)
        return Scalar(text, resolved, line)
    if node.tag == "tag:yaml.org,2002:null" and resolve_plain(text) is None:
        return Scalar(text, None, line)
    return Scalar(text, text, line)  # quoted, !!str, or a tag yaml.v2 does not resolve


def tree(node: Node | None) -> Any:
    """A node as dicts, lists and :class:`Scalar` leaves (None for an empty
    document); map keys are Scalars too (``<<`` merges maps in). Aliases are
    expanded, within yaml.v2's bounds (``document contains excessive
    aliasing``); a document nested deeper than Python recurses is a YAMLError."""
    try:
        return _Builder().build(node)
    except RecursionError:
        raise YAMLError("the document nests too deeply") from None


# yaml.v2's bound on alias expansion: the share of decoded values that may come
# from aliases, 99% up to this many values, 10% from ten times as many.
_ALIAS_RATIO_LOW, _ALIAS_RATIO_HIGH = 400_000, 4_000_000


def _allowed_alias_ratio(decoded: int) -> float:
    if decoded <= _ALIAS_RATIO_LOW:
        return 0.99
    if decoded >= _ALIAS_RATIO_HIGH:
        return 0.10
    return 0.99 - 0.89 * (decoded - _ALIAS_RATIO_LOW) / (_ALIAS_RATIO_HIGH - _ALIAS_RATIO_LOW)


class _Builder:
    """Builds a tree, counting values as yaml.v2 does to refuse a "billion
    laughs" document: the composer hands an alias over as the anchored node
    itself, so a node met again is an alias being expanded."""

    def __init__(self) -> None:
        self.decoded = 0
        self.aliased = 0
        self.expanding = 0  # how many aliases the current node is inside
        self.seen: set[int] = set()

    def build(self, node: Node | None) -> Any:
        if node is None:
            return None
        self.decoded += 1
        if self.expanding:
            self.aliased += 1
        if (
            self.aliased > 100
            and self.decoded > 1000
            and self.aliased / self.decoded > _allowed_alias_ratio(self.decoded)
        ):
            raise YAMLError("document contains excessive aliasing", line_of(node))
        alias = id(node) in self.seen
        self.seen.add(id(node))
        self.expanding += alias
        try:
            return self._value(node)
        finally:
            self.expanding -= alias

    def _value(self, node: Node) -> Any:
        if isinstance(node, ScalarNode):
            return _scalar(node)
        if isinstance(node, SequenceNode):
            seq = Seq(self.build(item) for item in node.value)
            seq.line = line_of(node)
            return seq
        assert isinstance(node, MappingNode)
        out = Map()
        out.line = line_of(node)
        merged: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if (
                isinstance(key_node, ScalarNode)
                and key_node.tag == PLAIN
                and key_node.value == _MERGE_KEY
            ):
                sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                for source in sources:
                    merging = self.build(source)
                    if not isinstance(merging, dict):
                        raise YAMLError(
                            "map merge requires map or sequence of maps as the value",
                            line_of(source),
                        )
                    for k, v in merging.items():
                        merged.setdefault(k, v)
                continue
            key = self.build(key_node)
            if not isinstance(key, Scalar):
                raise YAMLError("invalid map key: a list or a map", line_of(key_node))
            if key in out:  # what yaml.v2's strict decoding, which Alertmanager uses, refuses
                raise YAMLError(f"key {quote(key)} already set in map", key.line)
            out[key] = self.build(value_node)
        for k, v in merged.items():
            out.setdefault(k, v)
        return out


def value(t: Any) -> Any:
    """A tree as yaml.v2 decodes it into an ``interface{}``, with the map keys
    that are not strings dropped (as upstream's DeepCopyWithTemplate does)."""
    if isinstance(t, Scalar):
        return t.value
    if isinstance(t, list):
        return [value(item) for item in t]
    if isinstance(t, dict):
        out = {}
        for k, v in t.items():
            key = value(k)
            if isinstance(key, str):
                out[key] = value(v)
        return out
    return t


def decode_text(text: str) -> tuple[Any, bool]:
    """What upstream's DeepCopyWithTemplate makes of a rendered string: yaml.v2
    decodes it; ``(value, False)`` when that gives something other than a
    string (maps keep only their string keys), else ``(text, True)``: a
    string, or text that is not YAML, stays as rendered."""
    try:
        decoded = value(tree(load(text)))
    except (YAMLError, RecursionError):
        return text, True
    if isinstance(decoded, str):
        return text, True
    return decoded, False
