"""Hypothesis strategies for random templates and data, shaped by Go's template grammar.

``templates()`` draws well-formed templates (pipelines, control flow, variables,
define/template/block, printf verbs with flags and widths, complex literals,
and/or results used further) over a small set of field names that ``data()``
also uses, so lookups hit as often as they miss; ``templates("alertmanager")``
adds that profile's functions, time values among them; ``mangled()`` damages
templates into mostly ill-formed ones for the parser.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

KEYS = ["a", "b", "c", "x", "Name", "items", "n", "s"]
VERBS = [*"vdsqxXtTcUbeEfgGoO%", "+v", "#v", "#x", "+q", "#q", "-5d", "05d", "8.3f", ".2e"]

_TEXT = st.text(
    alphabet=st.sampled_from([*"ab xyz\n\t-{}<>&é'\"\\日本\u200b"]),
    max_size=8,
)


def _int64() -> st.SearchStrategy[int]:
    return st.one_of(
        st.integers(-1000, 1000),
        st.sampled_from([0, 1, -1, 2**31, -(2**31), 2**53, 2**63 - 1, -(2**63)]),
    )


def _float() -> st.SearchStrategy[float]:
    return st.one_of(
        st.floats(allow_nan=False, allow_infinity=False, width=64),
        st.sampled_from([0.5, 1e6, 1e21, 1e-5, 123456789.0, 0.1, -2.5, 1e20, 3.0]),
    )


def data() -> st.SearchStrategy[Any]:
    """JSON-like data: what both Python's json module and the Go oracle read the same way."""
    scalars = st.one_of(st.none(), st.booleans(), _int64(), _float(), _TEXT)
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.sampled_from(KEYS), children, max_size=5),
        ),
        max_leaves=12,
    )


def _string_literal(draw: st.DrawFn) -> str:
    s = draw(_TEXT)
    return (
        json.dumps(s, ensure_ascii=False) if draw(st.booleans()) else "`" + s.replace("`", "") + "`"
    )


_NUMBERS = [
    "0", "1", "-1", "42", "1.5", "-0.25", "1e3", "0x1F", "0o17", "017", "0b101", "1_000",
    "'a'", "'\\n'", "1i", "2.5e-3", "9223372036854775807", "0x1p-2",
]  # fmt: skip

# The parts of complex literals (``1+2i``), which Go reads with fmt.Sscan.
_REAL_PARTS = ["1", "0", "1.5", ".5", "0x1p3", "1e5", "1_0", "0b1", "1p3", "9e999", "-1"]
_IMAGINARY_PARTS = ["i", "2i", "0x1p-2i", "1e+3i", "0xi", "1pi", "1_2i", "Infi", "nani", "_1i"]

# Time values of the alertmanager profile: parsed, zero (unparsable), and far out.
_TIMES = [
    '(toDate "2006-01-02" "2024-02-29")',
    '(toDate "2006-01-02T15:04:05Z07:00" "2024-02-29T10:11:12.5Z")',
    '(toDate "2006" "x")',
    '(toDate "2006-01-02" "0000-01-01")',
]


def _number(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 3)):
        return draw(st.sampled_from(_NUMBERS))
    sign = draw(st.sampled_from("+-"))
    return draw(st.sampled_from(_REAL_PARTS)) + sign + draw(st.sampled_from(_IMAGINARY_PARTS))


class _Gen:
    """Draws template text; ``vars`` are the variables declared so far."""

    def __init__(self, draw: st.DrawFn, profile: str = "text") -> None:
        self.draw = draw
        self.profile = profile
        self.vars: list[str] = ["$"]
        self.defined: list[str] = []

    def field(self) -> str:
        return "".join(
            "." + self.draw(st.sampled_from(KEYS)) for _ in range(self.draw(st.integers(1, 3)))
        )

    def operand(self, depth: int) -> str:
        d = self.draw
        choice = d(st.integers(0, 9 if depth < 2 else 7))
        if choice == 0:
            return "."
        if choice in (1, 2):
            return self.field()
        if choice == 3:
            v = d(st.sampled_from(self.vars))
            return v + (self.field() if d(st.booleans()) else "")
        if choice == 4:
            if self.profile == "alertmanager" and d(st.booleans()):
                return d(st.sampled_from(_TIMES))
            return _number(d)
        if choice == 5:
            return _string_literal(d)
        if choice == 6:
            return d(st.sampled_from(["true", "false", "nil"]))
        if choice == 7:
            return self.field()
        if choice == 8:
            if d(st.integers(0, 2)) == 0:  # the value an and/or decided on, used further
                name = d(st.sampled_from(["and", "or"]))
                args = [self.operand(depth + 1) for _ in range(d(st.integers(1, 3)))]
                return "(" + " ".join([name, *args]) + ")" + self.field()
            return "(" + self.pipeline(depth + 1) + ")" + (self.field() if d(st.booleans()) else "")
        return "(" + self.call(depth + 1) + ")"

    def call(self, depth: int) -> str:
        d = self.draw
        kind = d(st.integers(0, 7))
        if kind == 0 and self.profile == "alertmanager" and d(st.booleans()):
            # A time under a verb: String() for some, Go's fields {wall ext loc} for others.
            verb = d(st.sampled_from(VERBS))
            return f"printf {json.dumps('%' + verb)} {d(st.sampled_from(_TIMES))}"
        if kind == 0:
            fmt = "".join(
                d(st.sampled_from(["%" + v for v in VERBS] + ["-", " ", "=", "%[1]v", "%*d"]))
                for _ in range(d(st.integers(0, 3)))
            )
            args = [self.operand(depth) for _ in range(d(st.integers(0, 3)))]
            return " ".join(["printf", json.dumps(fmt), *args])
        if kind == 1:
            name = d(st.sampled_from(["eq", "ne", "lt", "le", "gt", "ge"]))
            return " ".join([name] + [self.operand(depth) for _ in range(d(st.integers(1, 3)))])
        if kind == 2:
            name = d(st.sampled_from(["and", "or"]))
            return " ".join([name] + [self.operand(depth) for _ in range(d(st.integers(1, 3)))])
        if kind == 3:
            name = d(st.sampled_from(["len", "not", "html", "js", "urlquery"]))
            return f"{name} {self.operand(depth)}"
        if kind == 4:
            args = [self.operand(depth) for _ in range(d(st.integers(1, 3)))]
            return " ".join(["index", *args])
        if kind == 5:
            args = [self.operand(depth) for _ in range(d(st.integers(1, 3)))]
            return " ".join(["slice", *args])
        name = d(st.sampled_from(["print", "println"]))
        return " ".join([name] + [self.operand(depth) for _ in range(d(st.integers(0, 3)))])

    def command(self, depth: int) -> str:
        return self.call(depth) if self.draw(st.integers(0, 2)) == 0 else self.operand(depth)

    def pipeline(self, depth: int = 0) -> str:
        d = self.draw
        cmds = [self.command(depth)]
        for _ in range(d(st.integers(0, 2))):
            cmds.append(
                d(st.sampled_from(["len", "print", 'printf "%v"', "html", "not", "urlquery"]))
                if d(st.booleans())
                else self.call(depth)
            )
        return " | ".join(cmds)

    def declaration(self) -> str:
        d = self.draw
        if len(self.vars) > 1 and d(st.booleans()):
            return f"{d(st.sampled_from(self.vars[1:]))} = "
        name = "$" + d(st.sampled_from(["v", "w", "i", "e"]))
        self.vars.append(name)
        return f"{name} := "

    def items(self, depth: int, in_range: bool) -> str:
        return "".join(self.item(depth, in_range) for _ in range(self.draw(st.integers(0, 3))))

    def scoped(self, depth: int, in_range: bool) -> str:
        mark = len(self.vars)
        out = self.items(depth + 1, in_range)
        del self.vars[mark:]
        return out

    def item(self, depth: int, in_range: bool) -> str:
        d = self.draw
        choice = d(st.integers(0, 9 if depth < 3 else 3))
        trim_l = d(st.sampled_from(["", "", "- "]))
        trim_r = d(st.sampled_from(["", "", " -"]))
        if choice in (0, 1):
            return d(_TEXT)
        if choice == 2:
            return "{{" + trim_l + self.pipeline() + trim_r + "}}"
        if choice == 3:
            return "{{" + self.declaration() + self.pipeline() + "}}"
        if choice in (4, 5):
            keyword = d(st.sampled_from(["if", "with"]))
            mark = len(self.vars)
            head = "{{" + trim_l + keyword + " " + self.pipeline() + trim_r + "}}"
            body = self.scoped(depth, in_range)
            tail = ""
            if d(st.booleans()):
                tail = "{{else}}" + self.scoped(depth, in_range)
            del self.vars[mark:]
            return head + body + tail + "{{end}}"
        if choice in (6, 7):
            mark = len(self.vars)
            decl = ""
            if d(st.booleans()):
                decl = "$e := " if d(st.booleans()) else "$i, $e := "
                self.vars.extend(["$i", "$e"] if "," in decl else ["$e"])
            coll = d(st.sampled_from([".items", ".", ".a", "3", ".n", ".s"]))
            head = "{{range " + decl + coll + "}}"
            body = self.scoped(depth, True)
            if d(st.integers(0, 3)) == 0:
                body += d(
                    st.sampled_from(["{{break}}", "{{continue}}", "{{if .}}{{break}}{{end}}"])
                )
            if "$e" in self.vars[mark:] and d(st.integers(0, 2)) == 0:
                # The element variable assigned to: errors name the new value's type.
                body += "{{$e = " + self.operand(depth + 1) + "}}{{$e" + self.field() + "}}"
            tail = "{{else}}" + self.scoped(depth, in_range) if d(st.booleans()) else ""
            del self.vars[mark:]
            return head + body + tail + "{{end}}"
        if choice == 8 and self.defined:
            arg = " " + self.pipeline() if d(st.booleans()) else ""
            return "{{template " + json.dumps(d(st.sampled_from(self.defined))) + arg + "}}"
        if choice == 9 and in_range:
            return d(st.sampled_from(["{{break}}", "{{continue}}"]))
        if choice == 9 and d(st.booleans()):
            # A block defines a template too: a name defined before fails as Go fails.
            name = d(st.sampled_from(["B", *self.defined]))
            saved, self.vars = self.vars, ["$"]
            body = self.items(depth + 1, False)
            if d(st.integers(0, 5)) == 0:  # blocks have no else: Go's error, and its line
                body += d(st.sampled_from(["{{else}}", "\n{{else}}", "{{else if 1}}"]))
            self.vars = saved
            return "{{block " + json.dumps(name) + " " + self.pipeline() + "}}" + body + "{{end}}"
        return "{{/* " + d(_TEXT).replace("*/", "") + " */}}"


@st.composite
def templates(draw: st.DrawFn, profile: str = "text") -> str:
    """A template, well-formed but for names defined twice (Go's error then), whose
    execution may fail as in Go; ``profile`` "alertmanager" uses its functions."""
    g = _Gen(draw, profile)
    defs = ""
    for n in range(draw(st.integers(0, 2))):
        name = draw(st.sampled_from(["T0", "T1"])) if n else f"T{n}"
        saved, g.vars = g.vars, ["$"]
        defs += '{{define "' + name + '"}}' + g.items(1, False) + "{{end}}"
        g.vars = saved
        g.defined.append(name)
    return defs + g.items(0, False)


@st.composite
def mangled(draw: st.DrawFn) -> str:
    """A template damaged by a few random edits: mostly ill-formed."""
    text = draw(templates())
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(text)))
        if text and draw(st.booleans()):
            j = min(len(text), i + draw(st.integers(1, 3)))
            text = text[:i] + text[j:]
        else:
            pieces = [*"{}()|$.,:=\"'` -", "{{", "}}", "end", "else", "if ", "{{end}}", "{{else}}"]
            piece = draw(st.sampled_from(pieces))
            text = text[:i] + piece + text[i:]
    return text


@st.composite
def corners(draw: st.DrawFn, profile: str = "text") -> str:
    """A short template from the corners where gotmpl once differed from Go: complex
    literals, the value and/or decided on used further, else and stray ends around
    block and define, range variables assigned to, and (profile "alertmanager")
    time values under every verb; embedded in random text and other items."""
    g = _Gen(draw, profile)
    d = draw
    name = json.dumps(d(st.sampled_from(["a", "b"])))
    gap = d(st.sampled_from(["", "\n", " x\n\n"]))
    kinds = ["complex", "decided", "block", "define", "range"]
    if profile == "alertmanager":
        kinds.append("time")
    kind = d(st.sampled_from(kinds))
    if kind == "complex":
        body = "{{" + _number(d) + "}}"
    elif kind == "decided":
        args = " ".join(g.operand(2) for _ in range(d(st.integers(1, 3))))
        term = d(st.sampled_from(["and", "or"])) + " " + args
        body = (
            d(
                st.sampled_from(
                    [
                        "{{(%s).x}}",
                        # One iteration at most: the value may be a huge integer.
                        "{{range %s}}{{break}}{{end}}",
                        "{{$v := %s}}{{$v.y}}",
                        "{{index (%s) 1}}",
                    ]
                )
            )
            % term
        )
    elif kind == "block":
        wrong = d(st.sampled_from(["{{else}}", "{{else if 1}}", "{{end}}", ""]))
        trim = d(st.sampled_from(["", "- "]))
        body = "{{" + trim + "block " + name + " .}}" + gap + wrong + gap + "{{end}}"
    elif kind == "define":
        first = "{{define " + name + "}}" + d(st.sampled_from(["x", " ", ""])) + "{{end}}"
        second = "{{define " + name + "}}" + gap + d(st.sampled_from(["y", ""])) + "{{end}}"
        body = first + gap + second + d(st.sampled_from(["{{end}}", "{{else}}", "", "z"]))
    elif kind == "range":
        value = g.operand(2)
        body = "{{range $i, $e := .}}{{$e = " + value + "}}{{$e" + g.field() + "}}{{end}}"
    else:
        verb = d(st.sampled_from(VERBS))
        body = f"{{{{printf {json.dumps('%' + verb)} {d(st.sampled_from(_TIMES))}}}}}"
    return g.items(2, False) + gap + body
