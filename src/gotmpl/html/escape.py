"""The contextual escaper: which escaping functions each action needs, found by
following the context through a template set's trees (Go's escape.go).

An :class:`Escaper` belongs to a template set and outlives one escaping run. It
walks a template from the context it starts in: text nodes move the context
(gotmpl.html.transition) and are rewritten (comments left out, stray ``<``
escaped); each action gets the escapers of the context it is in, appended to its
pipeline; ``{{template}}`` calls are followed into the called template, which is
copied under a mangled name (``t$htmltemplate_stateJS...``) when called in a
context other than text; the branches of ``if``, ``range`` and ``with`` must end
in one context, and a range body must end where it can start again. Rewrites
are collected and applied together by :meth:`Escaper.commit`, which builds new
trees (nodes are immutable) and hands them to the set.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from ..exec import stack
from ..gostd import fmt as gofmt
from ..parse.nodes import (
    ActionNode,
    BranchNode,
    BreakNode,
    CommandNode,
    ContinueNode,
    IdentifierNode,
    IfNode,
    ListNode,
    Node,
    PipeNode,
    RangeNode,
    TemplateNode,
    TextNode,
    WithNode,
)
from ..parse.nodes import replace as replace_node
from . import context
from .context import Context, Delim, JSCtx, State, URLPart, error_context, join, nudge, replace
from .errors import ErrorCode, Problem
from .transition import context_after_text, text_end

__all__ = ["Budget", "Escaper", "OverBudget", "TemplateSet"]

_N = TypeVar("_N", bound=Node)
_R = TypeVar("_R")


class TemplateSet(Protocol):
    """What the escaper asks of the template set it escapes."""

    def tree(self, name: str) -> ListNode | None:
        """The tree of the template ``name`` of the underlying text/template set."""

    def has_member(self, name: str) -> bool:
        """Whether html/template's set has a template ``name`` (defined or not)."""


# Escapers (Go's names) a predefined escaper stands for when it ends a pipeline.
_PREDEFINED = frozenset({"html", "urlquery"})
_EQUIVALENT = {
    "_html_template_attrescaper": "html",
    "_html_template_htmlescaper": "html",
    "_html_template_rcdataescaper": "html",
    "_html_template_urlescaper": "urlquery",
    "_html_template_urlnormalizer": "urlquery",
}
# REDUNDANT[a] holds the escapers that change nothing after a.
_REDUNDANT = {
    "_html_template_commentescaper": {"_html_template_attrescaper", "_html_template_htmlescaper"},
    "_html_template_cssescaper": {"_html_template_attrescaper"},
    "_html_template_jsregexpescaper": {"_html_template_attrescaper"},
    "_html_template_jsstrescaper": {"_html_template_attrescaper"},
    "_html_template_jstmpllitescaper": {"_html_template_attrescaper"},
    "_html_template_urlescaper": {"_html_template_urlnormalizer"},
}
_URL_STATES = frozenset(
    {
        State.URL,
        State.CSS_DQ_STR,
        State.CSS_SQ_STR,
        State.CSS_DQ_URL,
        State.CSS_SQ_URL,
        State.CSS_URL,
    }
)
# The escaper of each state whose escaping depends on the state alone.
_STATE_ESCAPERS = {
    State.JS_DQ_STR: "_html_template_jsstrescaper",
    State.JS_SQ_STR: "_html_template_jsstrescaper",
    State.JS_TMPL_LIT: "_html_template_jstmpllitescaper",
    State.JS_REGEXP: "_html_template_jsregexpescaper",
    State.CSS: "_html_template_cssvaluefilter",
    State.TEXT: "_html_template_htmlescaper",
    State.RCDATA: "_html_template_rcdataescaper",
    State.SRCSET: "_html_template_srcsetescaper",
    State.META_CONTENT_URL: "_html_template_urlfilter",
}
_LINE_TERMINATORS = re.compile("[\n\r\u2028\u2029]")
# "<script", "</script" and "<!--" in a JS literal, matched as Go's (?i) matches
# them (long s is an s); its "<" becomes \x3C.
_SPECIAL_SCRIPT_TAG = re.compile("<(/?[sS\u017f][cC][rR][iI][pP][tT]|!--)")

# Levels of nested lists walked between two looks at the stack (see exec.stack).
_LEVELS_PER_LOOK = 16
_FRAMES_PER_LEVEL = 12


def _normalized(escaper: str) -> str:
    return _EQUIVALENT.get(escaper, escaper)


def _line(node: Node) -> int:
    return node.location()[0]


class OverBudget(Exception):
    """An escaping run went past its Budget; ``str()`` says which bound."""


class Budget:
    """Bounds on one escaping run, from the execution's Limits: ``steps`` lists
    walked and ``seconds``. Go puts none (nested ranges are escaped twice at
    each level, so their cost doubles with their depth); gotmpl does when told."""

    def __init__(self, steps: int | None, seconds: float | None) -> None:
        self.steps = steps
        self.left = steps
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds if seconds is not None else None

    def tick(self) -> None:
        if self.left is not None:
            if self.left <= 0:
                raise OverBudget(gofmt.sprintf("step limit exceeded (%d)", self.steps))
            self.left -= 1
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise OverBudget(gofmt.sprintf("time limit exceeded (%vs)", self.seconds))


class _RangeContext:
    """The contexts at the breaks and continues of the range loop being escaped."""

    __slots__ = ("breaks", "continues", "outer")

    def __init__(self, outer: _RangeContext | None) -> None:
        self.outer = outer
        self.breaks: list[Context] = []
        self.continues: list[Context] = []


def _join_range(c: Context, rc: _RangeContext) -> Context:
    """``c`` joined with the contexts at the loop's breaks and continues, which all
    lead back to the loop's start."""
    for at, what in ((rc.breaks, "break"), (rc.continues, "continue")):
        for b in at:
            c = join(c, b, b.node, "range")
            if c.state == State.ERROR:
                c.error.line = _line(b.node)
                c.error.description = f"at range loop {what}: {c.error.description}"
                return c
    return c


class Escaper:
    """A template set's escaper: what it learnt (the context each template, per
    start context, ends in; the copies made) and the rewrites not yet applied."""

    def __init__(self, templates: TemplateSet) -> None:
        self.templates = templates
        self.output: dict[str, Context] = {}  # mangled name -> context at its end
        self.derived: dict[str, ListNode] = {}  # mangled name -> copied tree
        self.called: set[str] = set()
        self.action_edits: dict[ActionNode, list[str]] = {}
        self.template_edits: dict[TemplateNode, str] = {}
        self.text_edits: dict[TextNode, str] = {}
        self.range_context: _RangeContext | None = None
        self.depth = 0
        self.budget: Budget | None = None

    # -- entry points ----------------------------------------------------------------------

    def escape_template(
        self, name: str, root: ListNode, budget: Budget | None = None
    ) -> Problem | None:
        """Escapes template ``name`` (whose tree is ``root``) for execution; the problem,
        if any (the rewrites are then not committed). Past the ``budget`` it raises
        OverBudget, having forgotten all it did in this run."""
        saved = self._state()
        self.budget = budget
        try:
            c, _ = self.escape_tree(Context(), root, name, 0)
        except OverBudget:
            self._restore(saved)
            self.range_context = None
            raise
        finally:
            self.budget = None
        if c.error is not None:
            c.error.name = name
            return c.error
        if c.state != State.TEXT:
            return Problem(ErrorCode.END_CONTEXT, None, 0, f"ends in a non-text context: {c}", name)
        return None

    def _state(self) -> tuple[dict[Any, Any], ...]:
        return tuple(
            dict(d)
            for d in (
                self.output,
                self.derived,
                dict.fromkeys(self.called),
                self.action_edits,
                self.template_edits,
                self.text_edits,
            )
        )

    def _restore(self, state: tuple[dict[Any, Any], ...]) -> None:
        (
            self.output,
            self.derived,
            called,
            self.action_edits,
            self.template_edits,
            self.text_edits,
        ) = state
        self.called = set(called)

    def commit(self) -> dict[str, ListNode]:
        """Applies the rewrites collected so far: the rewritten trees (those of the
        set that changed, and the copies made for other contexts), by name."""
        changed: dict[str, ListNode] = {}
        rewriter = _Rewriter(self)
        for name in list(self.output):
            tree = self.templates.tree(name)
            if tree is not None:
                new = rewriter.list(tree)
                if new is not tree:
                    changed[name] = new
        for name, tree in self.derived.items():
            if self.templates.tree(name) is None:
                changed[name] = self.derived[name] = rewriter.list(tree)
        self.called = set()
        self.action_edits = {}
        self.template_edits = {}
        self.text_edits = {}
        return changed

    # -- walking ------------------------------------------------------------------------------

    def escape(self, c: Context, n: Node) -> Context:
        if isinstance(n, TextNode):
            return self.escape_text(c, n)
        if isinstance(n, ActionNode):
            return self.escape_action(c, n)
        if isinstance(n, IfNode):
            return self.escape_branch(c, n, "if")
        if isinstance(n, RangeNode):
            return self.escape_branch(c, n, "range")
        if isinstance(n, WithNode):
            return self.escape_branch(c, n, "with")
        if isinstance(n, TemplateNode):
            c, name = self.escape_tree(c, n, n.name, _line(n))
            if name != n.name:
                self.template_edits[n] = name
            return c
        if isinstance(n, ListNode):
            return self.escape_list(c, n)
        assert self.range_context is not None, "break and continue are in ranges"
        if isinstance(n, BreakNode):
            self.range_context.breaks.append(replace(c, node=n))
        elif isinstance(n, ContinueNode):
            self.range_context.continues.append(replace(c, node=n))
        else:
            raise AssertionError(f"escaping {n} is not implemented")
        return Context(state=State.DEAD)

    def escape_list(self, c: Context, n: ListNode | None) -> Context:
        if n is None:
            return c
        if self.budget is not None:
            self.budget.tick()
        self.depth += 1
        try:
            return _deep(self.depth, self._escape_nodes, c, n)
        finally:
            self.depth -= 1

    def _escape_nodes(self, c: Context, n: ListNode) -> Context:
        for m in n.nodes:
            c = self.escape(c, m)
            if c.state == State.DEAD:
                break
        return c

    def escape_list_conditionally(
        self, c: Context, n: ListNode, accept: Callable[[Escaper, Context], bool] | None
    ) -> tuple[Context, bool]:
        """Escapes ``n`` with a scratch escaper, keeping what it found only when
        ``accept`` says its result holds."""
        scratch = Escaper(self.templates)
        scratch.range_context = self.range_context
        scratch.depth = self.depth
        scratch.budget = self.budget
        scratch.output.update(self.output)
        c = scratch.escape_list(c, n)
        ok = accept is not None and accept(scratch, c)
        if ok:
            self.output.update(scratch.output)
            self.derived.update(scratch.derived)
            self.called |= scratch.called
            self.action_edits.update(scratch.action_edits)
            self.template_edits.update(scratch.template_edits)
            self.text_edits.update(scratch.text_edits)
        return c, ok

    # -- actions --------------------------------------------------------------------------------

    def escape_action(self, c: Context, n: ActionNode) -> Context:
        if n.pipe.decl:  # an assignment writes nothing
            return c
        c = nudge(c)
        cmds = n.pipe.cmds
        for i, cmd in enumerate(cmds):
            first = cmd.args[0]
            if not isinstance(first, IdentifierNode) or first.name not in _PREDEFINED:
                continue
            # Only last, and "html" not in an unquoted value, where it is not enough.
            if i < len(cmds) - 1 or (
                c.state == State.ATTR and c.delim == Delim.SPACE_OR_TAG_END and first.name == "html"
            ):
                return error_context(
                    ErrorCode.PREDEFINED_ESCAPER,
                    n,
                    _line(n),
                    "predefined escaper %q disallowed in template",
                    first.name,
                )
        state = c.state
        escapers: list[str] = []
        if state == State.ERROR:
            return c
        if state in _URL_STATES:
            part = c.url_part
            if part == URLPart.UNKNOWN:
                return error_context(
                    ErrorCode.AMBIG_CONTEXT,
                    n,
                    _line(n),
                    "%s appears in an ambiguous context within a URL",
                    str(n),
                )
            if part == URLPart.NONE:
                escapers.append("_html_template_urlfilter")
            if part == URLPart.QUERY_OR_FRAG:
                escapers.append("_html_template_urlescaper")
            elif state in (State.CSS_DQ_STR, State.CSS_SQ_STR):
                escapers.append("_html_template_cssescaper")
            else:
                escapers.append("_html_template_urlnormalizer")
        elif state == State.JS:
            escapers.append("_html_template_jsvalescaper")
            c = replace(c, js_ctx=JSCtx.DIV_OP)  # a "/" after a value divides
        elif state in (State.ATTR_NAME, State.TAG):
            c = replace(c, state=State.ATTR_NAME)
            escapers.append("_html_template_htmlnamefilter")
        elif state in _STATE_ESCAPERS:
            escapers.append(_STATE_ESCAPERS[state])
        elif context.is_comment(state):
            escapers.append("_html_template_commentescaper")
        elif state not in (State.ATTR, State.META_CONTENT):
            raise AssertionError(f"unexpected state {state}")
        if c.delim == Delim.SPACE_OR_TAG_END:
            escapers.append("_html_template_nospaceescaper")
        elif c.delim != Delim.NONE:
            escapers.append("_html_template_attrescaper")
        self.action_edits[n] = escapers
        return c

    # -- branches -------------------------------------------------------------------------------

    def escape_branch(self, c: Context, n: BranchNode, kind: str) -> Context:
        if kind == "range":
            self.range_context = _RangeContext(self.range_context)
        c0 = self.escape_list(c.cloned(), n.list)
        if kind == "range":
            c0 = self._escape_range_again(c0, n)
            if c0.state == State.ERROR:
                return c0
        c1 = self.escape_list(c.cloned(), n.else_list)
        return join(c0, c1, n, kind)

    def _escape_range_again(self, c0: Context, n: BranchNode) -> Context:
        """The context after a range body that runs once, or again: the body must end
        where it can start again, breaks and continues included."""
        rc = self.range_context
        assert rc is not None
        if c0.state != State.ERROR:
            c0 = _join_range(c0, rc)
        self.range_context = rc.outer
        if c0.state == State.ERROR:
            return c0
        self.range_context = rc = _RangeContext(self.range_context)
        c1, _ = self.escape_list_conditionally(c0, n.list, None)
        c0 = join(c0, c1, n, "range")
        if c0.state == State.ERROR:
            self.range_context = rc.outer
            # Said outright: the second iteration is easily overlooked.
            c0.error.line = _line(n)
            c0.error.description = "on range loop re-entry: " + c0.error.description
            return c0
        c0 = _join_range(c0, rc)
        self.range_context = rc.outer
        return c0

    # -- templates ------------------------------------------------------------------------------

    def tree(self, name: str) -> ListNode | None:
        """The tree of template ``name``: one of the set, or a copy made here."""
        tree = self.templates.tree(name)
        return tree if tree is not None else self.derived.get(name)

    def escape_tree(self, c: Context, node: Node, name: str, line: int) -> tuple[Context, str]:
        """Escapes template ``name`` called in context ``c`` (at ``node``): the
        context it ends in, and the name of the template to call."""
        mangled = c.mangle(name)
        self.called.add(mangled)
        known = self.output.get(mangled)
        if known is not None:
            return known, mangled
        tree = self.tree(name)
        if tree is None:
            if self.templates.has_member(name):
                return error_context(
                    ErrorCode.NO_SUCH_TEMPLATE,
                    node,
                    line,
                    "%q is an incomplete or empty template",
                    name,
                ), mangled
            return error_context(
                ErrorCode.NO_SUCH_TEMPLATE, node, line, "no such template %q", name
            ), mangled
        top_level = name == tree.src.parse_name
        if mangled != name:
            copied = self.tree(mangled)
            if copied is None:
                copied = self.derived[mangled] = _copy(tree)
            tree = copied
        return self._output_context(c, mangled, tree, top_level), mangled

    def _output_context(self, c: Context, name: str, root: ListNode, top_level: bool) -> Context:
        """The context template ``name`` ends in when it starts in ``c``; recursive
        templates are assumed to end where they start, or where that leads."""
        c1, ok = self._escape_body(c, name, root)
        if not ok:
            c2, ok = self._escape_body(c1, name, root)
            if ok:
                c1 = c2
        if not ok and c1.state != State.ERROR:
            return error_context(
                ErrorCode.OUTPUT_CONTEXT,
                _go_positioned(root, top_level),
                0,
                "cannot compute output context for template %s",
                name,
            )
        return c1

    def _escape_body(self, c: Context, name: str, root: ListNode) -> tuple[Context, bool]:
        """Escapes the body assuming it ends in ``c`` (what recursive calls see); the
        context it ends in and whether the assumption held."""

        def holds(scratch: Escaper, c1: Context) -> bool:
            if c1.state == State.ERROR:
                return False
            return name not in scratch.called or c.eq(c1)

        self.output[name] = c
        return self.escape_list_conditionally(c, root, holds)

    # -- text -----------------------------------------------------------------------------------

    def escape_text(self, c: Context, n: TextNode) -> Context:
        """Follows the context through ``n``, rewriting it where needed: comments
        left out, "<" that starts no tag escaped, script tags in JS literals broken."""
        s = n.text
        out: list[str] = []
        written = 0
        i = 0
        while i != len(s):
            c1, read = context_after_text(c, s[i:])
            i1 = i + read
            if c.state in (State.TEXT, State.RCDATA):
                end = text_end(s, i, i1, c1.state != c.state)
                j = s.find("<", i, end)
                while j >= 0:
                    if not _is_doctype(s, j):
                        out.append(s[written:j])
                        out.append("&lt;")
                        written = j + 1
                    j = s.find("<", j + 1, end)
            elif context.is_comment(c.state) and c.delim == Delim.NONE:
                if c.state == State.JS_BLOCK_CMT:
                    # A block comment holding a line break is itself a line break.
                    out.append("\n" if _LINE_TERMINATORS.search(s, written, i1) else " ")
                elif c.state == State.CSS_BLOCK_CMT:
                    out.append(" ")
                written = i1
            if c.state != c1.state and context.is_comment(c1.state) and c1.delim == Delim.NONE:
                # Keep what precedes the comment's opening.
                start = i1 - 2
                if c1.state in (State.HTML_CMT, State.JS_HTML_OPEN_CMT):
                    start -= 2  # "<!--"
                elif c1.state == State.JS_HTML_CLOSE_CMT:
                    start -= 1  # "-->"
                out.append(s[written:start])
                written = i1
            if context.is_in_script_literal(c.state) and _SPECIAL_SCRIPT_TAG.search(s, i, i1):
                out.append(s[written:i])
                out.append(_SPECIAL_SCRIPT_TAG.sub(r"\\x3C\1", s[i:i1]))
                written = i1
            if i == i1 and c.state == c1.state:
                raise AssertionError(f"infinite loop from {c} to {c1} on {s[:i]!r}..{s[i:]!r}")
            c, i = c1, i1
        if written and c.state != State.ERROR:
            if not context.is_comment(c.state) or c.delim != Delim.NONE:
                out.append(s[written:])
            self.text_edits[n] = "".join(out)
        return c


def _go_positioned(root: ListNode, top_level: bool) -> ListNode:
    """``root`` at the position Go gives a template's root list, where errors about
    the whole template point: its first token (the text, or the delimiter opening
    the first action); for the top-level template of a text, the text's first."""
    src = root.src
    if top_level:
        spaces = len(src.text) - len(src.text.lstrip(" \t\r\n"))
        trimmed = spaces and src.text.startswith(src.left + "-", spaces)
        return replace_node(root, pos=spaces if trimmed else 0)
    first = root.nodes[0] if root.nodes else None
    if isinstance(first, TextNode):
        return replace_node(root, pos=first.pos)
    at = root.pos if first is None else first.pos
    return replace_node(root, pos=src.text.rfind(src.left, 0, at))


def _is_doctype(s: str, i: int) -> bool:
    word = s[i : i + 9]
    return word.isascii() and word.upper() == "<!DOCTYPE"


def _deep(depth: int, fn: Callable[..., _R], *args: Any) -> _R:
    """``fn(*args)`` at nesting level ``depth`` of a tree walk: every few levels
    with room on the stack, as trees nest deeper than a thread's (exec.stack)."""
    if depth % _LEVELS_PER_LOOK:
        return fn(*args)
    return stack.with_room(_LEVELS_PER_LOOK * _FRAMES_PER_LEVEL, fn, *args)


def _copy(node: _N, depth: int = 0) -> _N:
    """A copy of a tree whose nodes are new objects (rewrites are made per node)."""
    if isinstance(node, ListNode):
        nodes = tuple(_deep(depth + 1, _copy, n, depth + 1) for n in node.nodes)
        return replace_node(node, nodes=nodes)
    if isinstance(node, BranchNode):
        else_list = None if node.else_list is None else _copy(node.else_list, depth)
        return replace_node(node, list=_copy(node.list, depth), else_list=else_list)
    return replace_node(node)


class _Rewriter:
    """Builds trees with an escaper's rewrites applied (unchanged subtrees shared)."""

    def __init__(self, escaper: Escaper) -> None:
        self.actions = escaper.action_edits
        self.templates = escaper.template_edits
        self.texts = escaper.text_edits

    def list(self, node: ListNode, depth: int = 0) -> ListNode:
        nodes = tuple(_deep(depth + 1, self.node, n, depth + 1) for n in node.nodes)
        if all(a is b for a, b in zip(nodes, node.nodes, strict=True)):
            return node
        return replace_node(node, nodes=nodes)

    def node(self, n: Node, depth: int) -> Node:
        if isinstance(n, TextNode):
            text = self.texts.get(n)
            return n if text is None else replace_node(n, text=text)
        if isinstance(n, ActionNode):
            escapers = self.actions.get(n)
            if escapers is None:
                return n
            return replace_node(n, pipe=_with_escapers(n.pipe, escapers))
        if isinstance(n, TemplateNode):
            name = self.templates.get(n)
            return n if name is None else replace_node(n, name=name)
        if isinstance(n, BranchNode):
            body = self.list(n.list, depth)
            else_list = None if n.else_list is None else self.list(n.else_list, depth)
            if body is n.list and else_list is n.else_list:
                return n
            return replace_node(n, list=body, else_list=else_list)
        return n


def _ident_command(name: str, pipe: PipeNode) -> CommandNode:
    return CommandNode(pipe.pos, pipe.src, (IdentifierNode(pipe.pos, pipe.src, name),))


def _ident(cmd: CommandNode) -> str | None:
    first = cmd.args[0]
    return first.name if isinstance(first, IdentifierNode) else None


def _appended(cmds: list[CommandNode], cmd: CommandNode) -> list[CommandNode]:
    """``cmds`` and ``cmd``, unless ``cmd`` would change nothing after the last."""
    if cmds:
        last, following = _ident(cmds[-1]), _ident(cmd)
        if last is not None and following in _REDUNDANT.get(last, ()):
            return cmds
    return [*cmds, cmd]


def _with_escapers(pipe: PipeNode, escapers: list[str]) -> PipeNode:
    """``pipe`` ending in ``escapers``. A predefined escaper (``html``, ``urlquery``)
    ending it takes the place of the escapers equivalent to it."""
    if not escapers:
        return pipe
    escapers = list(escapers)
    cmds = list(pipe.cmds)
    keep = len(cmds)
    last = cmds[-1] if cmds else None
    predefined = _ident(last) if last is not None else None
    if last is not None and predefined in _PREDEFINED:
        assert predefined is not None
        if len(cmds) == 1 and len(last.args) > 1:
            # {{html .X .Y}} is {{_eval_args_ .X .Y | html}}.
            first = last.args[0]
            evaluator = IdentifierNode(first.pos, first.src, "_eval_args_")
            cmds[-1] = replace_node(last, args=(evaluator, *last.args[1:]))
            cmds = _appended(cmds, _ident_command(predefined, pipe))
            keep += 1
        replaced = False
        for i, name in enumerate(escapers):
            if _normalized(predefined) == _normalized(name):
                escapers[i] = predefined
                replaced = True
        if replaced:
            keep -= 1  # it comes back among the escapers
    kept = cmds[:keep]
    present = {_normalized(name) for name in map(_ident, kept) if name is not None}
    for name in escapers:
        if _normalized(name) not in present:
            kept = _appended(kept, _ident_command(name, pipe))
    return replace_node(pipe, cmds=tuple(kept))
