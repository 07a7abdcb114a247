"""Hostile data and templates, run in a fresh interpreter by tests/test_attacks.py.

    python tests/attacks.py [CASE...]

Runs every attack (data shape x template x limits) and prints one JSON line per
case: how it ended (``ok``, the TemplateError class, or the exception that
escaped), how long it took, how much output it made, and whether the data is
as before. A crash (the interpreter killed) shows as missing lines. Data is
compared through a snapshot taken with a loop (structures nest 100,000 deep and
share parts, so neither copy.deepcopy nor == would do).
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import gotmpl
from gotmpl import alertmanager

DEEP = 100_000
LIMITS = gotmpl.Limits(output_bytes=1_000_000, steps=50_000, seconds=0.5, string_bytes=10_000_000)


@dataclasses.dataclass
class Node:
    """A struct holding one value: chains of them nest as deep as lists do."""

    Next: Any


def _nest(make: Callable[[Any], Any], depth: int, leaf: Any) -> Any:
    v = leaf
    for _ in range(depth):
        v = make(v)
    return v


def _shared(levels: int) -> list:
    """A list holding another twice, ``levels`` deep: 2**levels leaves."""
    v: list = [1, 2]
    for _ in range(levels):
        v = [v, v]
    return v


def _cyclic() -> dict:
    d: dict = {"a": 1}
    d["self"] = d
    return d


def _cyclic_list() -> list:
    item: list = [1]
    item.append(item)
    return item


# Data shapes: name -> a function making a fresh one.
DATA: dict[str, Callable[[], Any]] = {
    "deep-list": lambda: _nest(lambda v: [v], DEEP, 0),
    "deep-dict": lambda: _nest(lambda v: {"a": v}, DEEP, 0),
    "deep-struct": lambda: _nest(Node, DEEP, None),
    "deep-tuple-key": lambda: {"x": 1, _nest(lambda v: (v,), DEEP, ()): 2},
    "wide-list": lambda: list(range(100_000)),
    "wide-map": lambda: {f"k{i}": i for i in range(50_000)},
    "mixed-keys": lambda: {1: "i", "b": "s", 2.5: "f", (1, 2): "t", None: "n", 3j: "c"},
    "shared": lambda: _shared(40),
    "cyclic-map": _cyclic,
    "cyclic-list": _cyclic_list,
    "huge-string": lambda: "a<" * 2_000_000,
    "big-int": lambda: 10**5000,
    "far-duration": lambda: datetime.timedelta(days=106752),
    "surrogates": lambda: {"\ud800": "\udcff", "s": "a\ud800b"},
}

# Templates over dot, with Alertmanager's functions (toJson, list ...).
TEMPLATES = [
    "{{.}}",
    '{{printf "%v|%+v|%#v|%x|%q|%d" . . . . . .}}',
    "{{toJson .}}",
    "{{range $k, $v := .}}{{$k}}={{$v}};{{end}}",
    "{{len .}}",
    "{{eq . .}}",
    "{{html .}}{{js .}}{{urlquery .}}",
    "{{print . .}}",
    "{{index . 0}}",
    "{{with .}}{{$x := .}}{{range 3}}{{$x}}{{end}}{{end}}",
]


def snapshot(value: Any) -> list[Any]:
    """The structure of ``value`` as a flat list, made with a loop: containers and
    objects met again are references to where they were first met."""
    out: list[Any] = []
    seen: dict[int, int] = {}
    todo = [value]
    while todo:
        v = todo.pop()
        if isinstance(v, (list, tuple, dict, set, frozenset, Node)):
            if id(v) in seen:
                out.append(("ref", seen[id(v)]))
                continue
            seen[id(v)] = len(out)
        if isinstance(v, (list, tuple)):
            out.append((type(v).__name__, len(v)))
            todo.extend(reversed(v))
        elif isinstance(v, dict):
            out.append(("dict", len(v)))
            for k, item in reversed(list(v.items())):
                todo.append(item)
                todo.append(k)
        elif isinstance(v, (set, frozenset)):
            out.append((type(v).__name__, len(v), sorted(map(repr, v))))
        elif isinstance(v, Node):
            out.append(("Node",))
            todo.append(v.Next)
        else:
            text = v if isinstance(v, str) else hex(v) if isinstance(v, int) else repr(v)
            out.append(("value", type(v).__name__, text))
    return out


def run_case(data_name: str, template: str) -> dict[str, Any]:
    data = DATA[data_name]()
    before = snapshot(data)
    out = io.StringIO()
    start = time.monotonic()
    try:
        alertmanager.template("t").parse(template).execute(data, out=out, limits=LIMITS)
        ended = "ok"
    except gotmpl.TemplateError as e:
        ended = type(e).__name__
    except BaseException as e:  # what the test reports: it must never happen
        ended = f"escaped {type(e).__name__}: {e}"[:300]
    seconds = time.monotonic() - start
    return {
        "case": f"{data_name} {template}",
        "ended": ended,
        "seconds": round(seconds, 3),
        "output_bytes": len(out.getvalue().encode("utf-8", "surrogatepass")),
        "unchanged": snapshot(data) == before,
    }


def cases() -> list[tuple[str, str]]:
    return [(d, t) for d in DATA for t in TEMPLATES]


def main(argv: list[str]) -> int:
    wanted = set(argv)
    for data_name, template in cases():
        if wanted and data_name not in wanted:
            continue
        print(json.dumps(run_case(data_name, template), ensure_ascii=True), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
