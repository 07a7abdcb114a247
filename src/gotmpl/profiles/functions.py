"""Template functions several products share, each declared with its Go signature.

:data:`FUNCTIONS` holds them by the name templates call them by (Alertmanager's
and Prometheus's names: ``toUpper``, ``reReplaceAll``, ``humanizeDuration``,
``toJson`` ...); a profile's function map picks its own with :func:`pick`. The
Go signature each carries (``__go_params__``, ``__go_results__``) is upstream's,
so argument errors read as Go's do. A product whose function of the same name
differs declares its own.
"""

from __future__ import annotations

import math
import types
from collections.abc import Callable
from typing import Any

from .. import values
from ..exec.state import regex_time_limit
from ..gostd import base64 as gobase64
from ..gostd import fmt as gofmt
from ..gostd import json as gojson
from ..gostd import strconv
from ..gostd import strings as gostrings
from ..gostd import time as gotime
from ..gostd import url as gourl
from ..gostd.arith import quo, rem
from ..gostd.strconv import can_backquote, quote
from ..gotypes import StringSlice
from ..html import HTML, URL

__all__ = [
    "FUNCTIONS",
    "declare",
    "dict_",
    "humanize_duration",
    "match",
    "must_to_date",
    "pick",
    "re_replace_all",
    "to_date",
    "tz",
]


def _to_float(v: Any) -> float:
    """prometheus/common's conversion of humanizeDuration's argument."""
    name = values.type_name(v)
    if name == "float64":
        return float(v)
    if name == "string":
        try:
            return strconv.parse_float(v)
        except strconv.SyntaxErr as e:
            raise strconv.NumError("ParseFloat", v, e) from None
    if name in ("int", "uint", "int64", "uint64"):
        return float(int(v))
    if name == "time.Duration":
        return values.as_go(v).Seconds()
    raise ValueError(f"can't convert {name} to float")


# Sub-second prefixes, a factor of 1000 apart.
_SI_PREFIXES = "munpfazy"


def humanize_duration(v: Any) -> str:
    """Seconds as ``1d 2h 3m 4s``, ``1.5s`` or ``250ms``."""
    secs = _to_float(v)
    if math.isnan(secs) or math.isinf(secs):
        return gofmt.sprintf("%.4g", secs)
    if secs != 0 and abs(secs) < 1:
        # Scale up a prefix at a time until at least 1, or until "y".
        steps = 0
        while steps < len(_SI_PREFIXES) and abs(secs) < 1:
            secs *= 1000
            steps += 1
        return gofmt.sprintf("%.4g", secs) + _SI_PREFIXES[steps - 1] + "s"
    sign = ""
    if secs < 0:  # not abs(): a negative zero keeps its sign below
        sign, secs = "-", -secs
    if secs < 60:
        return sign + gofmt.sprintf("%.4gs", secs)
    # Go's int64(secs); out of range, amd64 yields the minimum int64.
    whole = int(secs) if secs < 2**63 else -(2**63)
    units = [
        (quo(whole, 86400), "d"),
        (rem(quo(whole, 3600), 24), "h"),
        (rem(quo(whole, 60), 60), "m"),
        (rem(whole, 60), "s"),
    ]
    while len(units) > 1 and units[0][0] == 0:
        del units[0]
    return sign + " ".join(f"{n}{unit}" for n, unit in units)


def match(pattern: str, s: str) -> bool:
    """regexp.MatchString."""
    from ..gostd import regexp as re2  # ~10 ms with the regex package: on first use

    try:
        rx = re2.compile(pattern)
    except re2.RegexpError as e:
        raise ValueError(str(e)) from None
    return rx.match_string(s, timeout=regex_time_limit())


def re_replace_all(pattern: str, repl: str, text: str) -> str:
    """regexp.MustCompile(pattern).ReplaceAllString(text, repl); a bad pattern fails."""
    from ..gostd import regexp as re2  # ~10 ms with the regex package: on first use

    try:
        rx = re2.compile(pattern)
    except re2.RegexpError as e:
        # Go's MustCompile panics with this text; the template reports the panic.
        shown = f"`{pattern}`" if can_backquote(pattern) else quote(pattern)
        raise ValueError(f"regexp: Compile({shown}): {e}") from None
    return rx.replace_all_string(text, repl, timeout=regex_time_limit())


def _time(t: Any) -> gotime.Time:
    return values.as_go(t)


def tz(name: str, t: Any) -> gotime.Time:
    """``t`` in the time zone ``name``."""
    return _time(t).In(gotime.load_location(name))


def to_date(layout: str, s: str) -> gotime.Time:
    """time.ParseInLocation in UTC; a parse error gives the zero time."""
    try:
        return gotime.parse_in_location(layout, s, gotime.UTC)
    except gotime.GoError:
        return gotime.Time.zero()


def must_to_date(layout: str, s: str) -> gotime.Time:
    """time.ParseInLocation in UTC."""
    return gotime.parse_in_location(layout, s, gotime.UTC)


def dict_(*pairs: Any) -> dict[str, Any]:
    """A ``map[string]interface {}`` from key, value, key, value ..."""
    if len(pairs) % 2:
        raise ValueError("dict requires an even number of arguments")
    result: dict[str, Any] = {}
    for i in range(0, len(pairs), 2):
        key, value = pairs[i], pairs[i + 1]
        if values.type_name(key) != "string":  # a Go type assertion to string
            raise ValueError("dict keys must be strings")
        result[str(key)] = value
    return result


def declare(func: Callable[..., Any], params: tuple[str, ...], results: tuple[str, ...]) -> Any:
    """``func`` carrying a Go signature: parameter and result type names.

    A Python function is copied (same code, defaults and closure), so that a
    template's call costs no extra frame; anything else is wrapped.
    """
    carrier: Any
    if isinstance(func, types.FunctionType):
        carrier = types.FunctionType(
            func.__code__, func.__globals__, func.__name__, func.__defaults__, func.__closure__
        )
        carrier.__kwdefaults__ = func.__kwdefaults__
        carrier.__qualname__ = func.__qualname__
        carrier.__module__ = func.__module__
    else:

        def carrier(*args: Any) -> Any:
            return func(*args)

        carrier.__name__ = getattr(func, "__name__", "function")
    carrier.__doc__ = func.__doc__
    carrier.__go_params__ = params
    carrier.__go_results__ = results
    return carrier


_S = "string"
_T = "time.Time"
_ANY = "interface {}"

#: The shared functions by name, with upstream's Go signatures.
FUNCTIONS: dict[str, Callable[..., Any]] = {
    "toUpper": declare(gostrings.to_upper, (_S,), (_S,)),
    "toLower": declare(gostrings.to_lower, (_S,), (_S,)),
    "title": declare(gostrings.title, (_S,), (_S,)),
    "trimSpace": declare(gostrings.trim_space, (_S,), (_S,)),
    # Upstream takes the separator first so that join can end a pipeline.
    "join": declare(lambda sep, s: sep.join(s), (_S, "[]string"), (_S,)),
    "match": declare(match, (_S, _S), ("bool", "error")),
    "safeHtml": declare(HTML, (_S,), ("template.HTML",)),
    "safeUrl": declare(URL, (_S,), ("template.URL",)),
    "urlUnescape": declare(gourl.query_unescape, (_S,), (_S, "error")),
    "reReplaceAll": declare(re_replace_all, (_S, _S, _S), (_S,)),
    "stringSlice": declare(lambda *s: StringSlice(s), ("...string",), ("[]string",)),
    # Alertmanager's stand-in, so that templates calling it parse: a config field's
    # render brings the real one (gotmpl.profiles.bundle).
    "routeLabels": declare(lambda name: "", (_S,), (_S, "error")),
    "date": declare(lambda layout, t: _time(t).Format(layout), (_S, _T), (_S,)),
    "tz": declare(tz, (_S, _T), (_T, "error")),
    "now": declare(gotime.now, (), (_T,)),
    "since": declare(lambda t: gotime.since(_time(t)), (_T,), ("time.Duration",)),
    "humanizeDuration": declare(humanize_duration, (_ANY,), (_S, "error")),
    "toDate": declare(to_date, (_S, _S), (_T,)),
    "mustToDate": declare(must_to_date, (_S, _S), (_T, "error")),
    "toJson": declare(gojson.marshal, (_ANY,), (_S, "error")),
    # The URL-safe alphabet, padded, as upstream chose.
    "base64encode": declare(gobase64.url_encode_to_string, (_S,), (_S,)),
    "base64decode": declare(gobase64.url_decode_string, (_S,), (_S, "error")),
    "list": declare(lambda *args: list(args), ("..." + _ANY,), ("[]interface {}", "error")),
    "append": declare(
        lambda s, *args: [*s, *args], ("[]interface {}", "..." + _ANY), ("[]interface {}",)
    ),
    "dict": declare(dict_, ("..." + _ANY,), ("map[string]interface {}", "error")),
}


def pick(*names: str) -> dict[str, Callable[..., Any]]:
    """A function map of the shared functions ``names``."""
    return {name: FUNCTIONS[name] for name in names}
