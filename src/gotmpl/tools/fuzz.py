"""Payload fuzzing: find the smallest data that breaks a template, with hypothesis.

:func:`fuzz_payload` derives data from a sample as the template's profile says
(gotmpl.profiles). In an Alertmanager webhook payload, label and annotation
values (and names) become hostile strings (quotes, backslashes, control
characters, U+2028, emoji, right-to-left text, empty strings), labels are
dropped, alert groups grow to many alerts with firing and resolved mixed; in
any other JSON data, strings and numbers are replaced, keys dropped and lists
resized. It renders each, fails on an execution error and, with
``check_json``, on output that is not JSON, and lets hypothesis shrink the
first failure to a minimal data set.

hypothesis is imported only when fuzzing runs; gotmpl itself does not need it.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import profiles
from ..errors import TemplateError
from ..gostd.strconv import quote
from . import jsoncheck
from .jsoncheck import JsonProblem

if TYPE_CHECKING:  # pragma: no cover
    from hypothesis.strategies import SearchStrategy

    from ..template import Template

__all__ = ["FuzzProgress", "FuzzReport", "fuzz_payload"]

# Characters that break payloads, first the ones a shrunk example should show.
_HOSTILE_CHARS = (
    '"',
    "\\",
    "\x00",
    "\x07",
    "\x1b",
    "\n",
    "\r",
    "\t",
    "\x0b",
    "\x7f",
    "\u0085",
    "\u2028",
    "\u2029",
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\ufeff",
    "\U0001f525",  # an emoji outside the BMP
    "\U000e0001",  # a tag character: Go's %q writes it as \U000e0001
    "\u05e9",  # Hebrew, right to left
    "<",
    "&",
    "'",
    "%",
    "{",
    "}",
    "/",
    " ",
)
_HOSTILE_STRINGS = ("", '"', "\\", '\\"', '", "x": "', "{{ . }}", "null", "\u202eevil")

# Group sizes: "many alerts" without making every example slow to render.
_MAX_ALERTS = 12
_MAX_TEXT = 8

_ZERO_TIME = "0001-01-01T00:00:00Z"


@dataclass(frozen=True)
class FuzzReport:
    """What fuzzing a template found.

    ``ok`` is True when no example broke the template; else ``data`` is the
    minimal breaking data (JSON like the sample), ``output`` what the
    template wrote for it (up to the error, for an execution error) and
    ``problem`` the :class:`~gotmpl.tools.jsoncheck.JsonProblem` or the execution
    error's text (``error`` is then the error itself). ``examples`` counts the data sets rendered before the first
    failure (that one included), or all of them when ``ok``; the sample itself
    is the first. ``seed`` is the seed asked for (None: derandomized).
    """

    ok: bool
    examples: int
    data: dict[str, Any] | None = None
    output: str | None = None
    problem: JsonProblem | str | None = None
    seed: int | None = None
    error: TemplateError | None = dataclasses.field(default=None, compare=False)

    @property
    def message(self) -> str:
        """The blame line or execution error; empty when ``ok``."""
        return "" if self.problem is None else str(self.problem)


@dataclass(frozen=True)
class FuzzProgress:
    """Where a fuzzing run is, as ``fuzz_payload`` reports it to its ``progress`` callback.

    ``tried`` data sets of at most ``examples`` were rendered, the sample
    first; once one broke the template (``broke_at``, its number), hypothesis
    shrinks it, and ``shrink_steps`` counts the renders that takes.
    """

    tried: int
    examples: int
    broke_at: int | None = None
    shrink_steps: int = 0


class _Broken(Exception):
    """An example broke the template."""


def fuzz_payload(
    template: Template,
    sample: dict[str, Any],
    *,
    profile: profiles.Profile | str = "alertmanager",
    check_json: bool = True,
    examples: int = 300,
    seed: int | None = None,
    progress: Callable[[FuzzProgress], None] | None = None,
) -> FuzzReport:
    """Fuzzes ``template`` with data derived from ``sample``; reports the minimal failure.

    ``profile`` (a Profile or its name, the one the template was made with)
    says how examples are derived from the sample (its ``fuzz`` strategy) and
    made data (its ``decode``): the default, ``alertmanager``, takes the
    sample for a webhook payload and decodes each example with
    ``Data.from_dict``; ``text`` takes any JSON data and passes it as is.
    ``examples`` bounds the data sets tried (the sample first). Without
    ``seed`` the run is derandomized, so it finds the same thing every time
    (good in a test suite); a ``seed`` explores differently and is
    reproducible. ``progress``, if given, is called after every render with a
    :class:`FuzzProgress` (a run of 300 examples takes seconds to minutes).

    Raises ImportError when hypothesis is not installed and ValueError when
    the profile cannot decode the sample (or there is no such profile).
    """
    hypothesis = _import_hypothesis()
    from hypothesis import strategies as st

    if examples < 1:
        raise ValueError(f"examples must be at least 1, not {examples}")
    if isinstance(profile, str):
        profile = profiles.get(profile)
    to_data = profile.decode
    to_data(sample)  # a bad sample is a ValueError now, not a failure later
    strategy = _STRATEGIES[profile.fuzz](st, sample)

    def breaks(payload: dict[str, Any]) -> bool:
        try:
            text = template.execute(to_data(payload))
        except TemplateError:
            return True
        # The quick test; the blame is worked out once, for the shrunk example.
        return check_json and jsoncheck._json_error(text) is not None

    tried = 1
    sample_breaks = breaks(sample)
    if progress is not None:
        progress(FuzzProgress(1, examples, 1 if sample_breaks else None))
    if sample_breaks:
        return _report(template, sample, to_data, 1, seed, check_json)
    first_failure = shrink_steps = 0

    def test(payload: dict[str, Any]) -> None:
        nonlocal tried, first_failure, shrink_steps
        if first_failure:
            shrink_steps += 1
        else:
            tried += 1
        broken = breaks(payload)
        if broken and not first_failure:
            first_failure = tried
        if progress is not None:
            progress(FuzzProgress(tried, examples, first_failure or None, shrink_steps))
        if broken:
            raise _Broken(payload)

    if examples == 1:
        return FuzzReport(True, 1, seed=seed)
    settings = hypothesis.settings(
        max_examples=examples - 1,
        database=None,
        deadline=None,
        derandomize=seed is None,
        phases=[hypothesis.Phase.generate, hypothesis.Phase.shrink],
        suppress_health_check=list(hypothesis.HealthCheck),
        report_multiple_bugs=False,
        verbosity=hypothesis.Verbosity.quiet,
        print_blob=False,
    )
    run = settings(hypothesis.given(strategy)(test))
    if seed is not None:
        run = hypothesis.seed(seed)(run)
    try:
        run()
    except _Broken as e:
        return _report(template, e.args[0], to_data, first_failure, seed, check_json)
    return FuzzReport(True, tried, seed=seed)


def _import_hypothesis() -> Any:
    try:
        import hypothesis
    except ImportError:
        raise ImportError(
            "fuzzing needs hypothesis, which is not installed: pip install 'gotmpl[fuzz]'"
        ) from None
    return hypothesis


def _report(
    template: Template,
    payload: dict[str, Any],
    to_data: Callable[[dict[str, Any]], Any],
    examples: int,
    seed: int | None,
    check_json: bool,
) -> FuzzReport:
    """Renders the breaking payload once more, with a source map, to say why it breaks."""
    data = to_data(payload)
    try:
        source_map = template.execute_with_source_map(data)
    except TemplateError as e:
        partial = io.StringIO()
        with contextlib.suppress(TemplateError):  # it fails again; the output until then stays
            template.execute(to_data(payload), out=partial)
        return FuzzReport(False, examples, payload, partial.getvalue(), str(e), seed, e)
    problem = jsoncheck.check_json(source_map) if check_json else None
    return FuzzReport(False, examples, payload, source_map.text, problem, seed)


# -- strategies ---------------------------------------------------------------------------
#
# An example is the sample plus a short list of edits (set a value, rename,
# drop, clear), so that hypothesis makes few draws per example (drawing costs
# more than rendering) and a shrunk example is the sample with one or two
# edits. Strategies are built once, before drawing, for the same reason.

_FIELDS = ("labels", "annotations")


def _hostile_text(st: Any) -> SearchStrategy[str]:
    # Unassigned and private-use code points are left out: no alert carries them.
    # Go's %q writes those outside the BMP as \U escapes, which break JSON just as
    # the tag character in the hostile list does, but would clutter shrunk examples.
    chars = st.one_of(
        st.sampled_from(_HOSTILE_CHARS),
        st.characters(codec="utf-8", exclude_categories=["Cn", "Co"]),
    )
    # A list joined, not st.text: text() merges a one_of alphabet into one set of
    # characters drawn uniformly, and the hostile ones would almost never come up.
    text = st.lists(chars, min_size=1, max_size=_MAX_TEXT).map("".join)
    return st.one_of(st.sampled_from(_HOSTILE_STRINGS), text)


def _webhook(st: Any, sample: dict[str, Any]) -> SearchStrategy[dict[str, Any]]:
    """Webhook payloads like the sample, consistent the way Alertmanager makes them.

    The group is one to many alerts, each one of the sample's (firing or
    resolved, with edits to its labels and annotations); some edits apply to
    every alert, so that common labels vary too. The group's status, common
    labels and annotations, group labels and group key are then computed from
    the alerts as Alertmanager computes them.
    """
    bases = [a for a in sample.get("alerts") or [] if isinstance(a, dict)][:_MAX_ALERTS] or [
        {
            "status": sample.get("status") or "firing",
            "labels": sample.get("commonLabels") or {},
            "annotations": sample.get("commonAnnotations") or {},
        }
    ]
    names = sorted({(f, name) for base in bases for f in _FIELDS for name in base.get(f) or {}})
    hostile = _hostile_text(st)
    # An edit: (field, name) and (action, text); setting a value is the common
    # action, and the one shrinking returns to. Prometheus 3 allows any UTF-8 in
    # label names, so names are edited too.
    actions = st.sampled_from(["value"] * 4 + ["drop", "rename", "clear"])
    names = names or [("labels", "alertname")]  # a sample without labels: add one
    edit = st.tuples(st.sampled_from(names), st.tuples(actions, hostile))
    # Edits to every alert (these reach the common labels), and a few to each one.
    shared = st.lists(edit, max_size=4)
    alert = st.tuples(st.integers(0, len(bases) - 1), st.booleans(), st.lists(edit, max_size=2))
    group_names = list(sample.get("groupLabels") or {})
    route = str(sample.get("groupKey") or "{}:").partition(":")[0]

    def build(drawn: tuple[list[Any], list[tuple[int, bool, list[Any]]]]) -> dict[str, Any]:
        shared, alerts = drawn
        made = [_alert(bases[i], flip, [*shared, *own]) for i, flip, own in alerts]
        return _payload(sample, made, group_names, route)

    return st.tuples(shared, st.lists(alert, min_size=1, max_size=_MAX_ALERTS)).map(build)


def _alert(base: dict[str, Any], flip: bool, edits: list[Any]) -> dict[str, Any]:
    """A sample alert, its status flipped or not, its labels and annotations edited."""
    out = copy.deepcopy(base)
    status = base.get("status") or "firing"
    if flip:
        status = "resolved" if status == "firing" else "firing"
    out["status"] = status
    # A firing alert has no end yet; a resolved one ended (here, when it started).
    if status == "firing":
        out["endsAt"] = _ZERO_TIME
    elif out.get("endsAt", _ZERO_TIME) == _ZERO_TIME:
        out["endsAt"] = out.get("startsAt", _ZERO_TIME)
    kv = {
        f: {k: "" if v is None else str(v) for k, v in (base.get(f) or {}).items()} for f in _FIELDS
    }
    for (field, name), (action, text) in edits:
        labels = kv[field]
        if action == "value":
            labels[name] = text
        elif action == "drop":
            labels.pop(name, None)
        elif action == "rename" and name in labels:
            labels[text] = labels.pop(name)
        elif action == "clear":  # the field has no labels at all
            labels.clear()
    out.update(kv)
    return out


def _payload(
    sample: dict[str, Any], alerts: list[dict[str, Any]], group_names: list[str], route: str
) -> dict[str, Any]:
    """The sample with these alerts, and the group fields Alertmanager derives from them."""
    out = copy.deepcopy(sample)
    out["alerts"] = alerts
    out["status"] = "firing" if any(a["status"] == "firing" for a in alerts) else "resolved"
    common = _common([a["labels"] for a in alerts])
    out["commonLabels"] = common
    out["commonAnnotations"] = _common([a["annotations"] for a in alerts])
    group = {name: common[name] for name in group_names if name in common}
    out["groupLabels"] = group
    # Alertmanager's group key: the route's, then the group labels as a LabelSet prints.
    pairs = ", ".join(f"{k}={quote(v)}" for k, v in sorted(group.items()))
    out["groupKey"] = f"{route}:{{{pairs}}}"
    return out


def _common(label_sets: list[dict[str, str]]) -> dict[str, str]:
    """The labels every set has with the same value (Alertmanager's common labels)."""
    first, *rest = label_sets
    return {k: v for k, v in first.items() if all(s.get(k) == v for s in rest)}


# -- any JSON data ------------------------------------------------------------------------


def _mutated(st: Any, sample: Any) -> SearchStrategy[Any]:
    """JSON data like ``sample``, with edits: strings and numbers replaced, keys dropped,
    lists resized (their elements repeated)."""
    strings, numbers, entries, lists = [], [], [], []
    for path, value in _walk(sample, ()):
        if isinstance(value, str):
            strings.append(path)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            numbers.append(path)
        elif isinstance(value, list) and value:
            lists.append(path)
        if path and isinstance(path[-1], str):
            entries.append(path)
    kinds = []
    if strings:
        kinds.append(st.tuples(st.just("set"), st.sampled_from(strings), _hostile_text(st)))
    if numbers:
        number = st.one_of(
            st.integers(-(1 << 63), (1 << 63) - 1), st.floats(allow_nan=False, allow_infinity=False)
        )
        kinds.append(st.tuples(st.just("set"), st.sampled_from(numbers), number))
    if entries:
        kinds.append(st.tuples(st.just("drop"), st.sampled_from(entries), st.just(None)))
    if lists:
        kinds.append(st.tuples(st.just("resize"), st.sampled_from(lists), st.integers(0, 10)))
    if not kinds:
        return st.just(sample)
    return st.lists(st.one_of(kinds), max_size=6).map(lambda edits: _edited(sample, edits))


def _walk(value: Any, path: tuple[Any, ...]) -> Any:
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, (*path, i))


def _edited(sample: Any, edits: list[tuple[str, tuple[Any, ...], Any]]) -> Any:
    """A copy of the sample with the edits applied; an edit whose path is gone is skipped."""
    root = [copy.deepcopy(sample)]
    for action, path, arg in edits:
        parent: Any = root
        key: Any = 0
        try:
            for step in path:
                parent, key = parent[key], step
            if action == "set":
                parent[key] = arg
            elif action == "drop":
                del parent[key]
            elif isinstance(parent[key], list):
                old = parent[key]
                parent[key] = [copy.deepcopy(old[i % len(old)]) for i in range(arg)] if old else []
        except (KeyError, IndexError, TypeError):
            continue
    return root[0]


# The strategies by the name a Profile gives in its ``fuzz`` field.
_STRATEGIES: dict[str, Callable[[Any, Any], SearchStrategy[Any]]] = {
    "webhook": _webhook,
    "json": _mutated,
}
