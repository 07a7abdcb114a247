"""The Alertmanager profile against Go: the PagerDuty golden files and the recorded table.

Expected outputs come from Go through the oracle, recorded by
tests/data/alertmanager_record.py into tests/golden/pagerduty/*.out and
tests/data/alertmanager_cases.json; Go is not needed to run these tests except
the one marked ``oracle``, which checks that the recording is current.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gotmpl
from gotmpl import alertmanager as am
from gotmpl import cubeapm, profiles
from gotmpl.gostd import time as gotime
from gotmpl.gostd.strconv import go_bytes
from gotmpl.profiles import amdata

HERE = Path(__file__).resolve().parents[1]
GOLDEN = HERE / "golden" / "pagerduty"
TABLE = json.loads((HERE / "data" / "alertmanager_cases.json").read_text("utf-8"))
FILES: dict[str, str] = TABLE["files"]
CASES: list[dict[str, Any]] = TABLE["cases"]


def _load_recorder() -> Any:
    spec = importlib.util.spec_from_file_location(
        "alertmanager_record", HERE / "data" / "alertmanager_record.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RECORDER = _load_recorder()


@pytest.fixture(autouse=True, scope="module")
def go_local_is_utc() -> Iterator[None]:
    """The oracle runs with Go's Local set to UTC; TZ="" gives gotime the same."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", "")
        gotime._reset_local()
        yield
    gotime._reset_local()


def render_case(case: dict[str, Any], *options: str) -> dict[str, Any]:
    """Runs one recorded case through gotmpl; the result is shaped like the oracle's."""
    data = case["data"]
    payload = RECORDER.load_data(data) if isinstance(data, str) else data
    profile = profiles.get(case.get("profile", "alertmanager"))
    out = io.StringIO()
    try:
        if "files" in case:
            # Go's ParseFiles: the set is named after the first file; a file of
            # another name becomes an associated template.
            t = profile.template(case["files"][0]).option(*options)
            for name in case["files"]:
                (t if name == t.name else t.new(name)).parse(FILES[name])
        else:
            t = profile.template("t").option(*options).parse(case["template"])
        if "exec" in case:
            t.execute_template(case["exec"], profile.decode(payload), out)
        else:
            t.execute(profile.decode(payload), out)
    except gotmpl.ParseError as e:
        return {"output": "", "phase": "parse", "error": str(e)}
    except gotmpl.ExecError as e:
        return {"output": out.getvalue(), "phase": "exec", "error": str(e)}
    return {"output": out.getvalue()}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_recorded_case(case: dict[str, Any]) -> None:
    assert render_case(case) == case["want"]


def test_recorded_cases_in_the_strict_sandbox() -> None:
    # Alertmanager's classes declare their Go types, whose exported methods the
    # strict sandbox lets templates call.
    differ = [c["id"] for c in CASES if render_case(c, "sandbox=strict") != c["want"]]
    assert differ == []


@pytest.mark.parametrize("name", [*RECORDER.DATA_NAMES, "example"])
def test_pagerduty_golden(name: str) -> None:
    """The seed's PagerDuty payload renders byte-identical to Go, as CubeAPM renders it."""
    text = (GOLDEN / "pagerduty.tmpl").read_text("utf-8")
    data = cubeapm.Data.from_dict(RECORDER.load_data(name))
    got = cubeapm.template("pagerduty.tmpl").parse(text).execute(data)
    assert got is not None
    assert got.encode("utf-8", "surrogateescape") == (GOLDEN / f"{name}.out").read_bytes()


def test_examples_use_the_seed_template() -> None:
    assert (HERE.parent / "examples" / "pagerduty.tmpl").read_bytes() == (
        GOLDEN / "pagerduty.tmpl"
    ).read_bytes()


# The firing payload is left out: its labels hold control characters, which the
# seed's printf "%q" writes as Go escapes (\a, \x00) that JSON does not accept.
@pytest.mark.parametrize("name", ["resolved", "mixed", "example"])
def test_pagerduty_output_is_json(name: str) -> None:
    """Go's output for the seed template is a PagerDuty Events v2 body."""
    body = json.loads((GOLDEN / f"{name}.out").read_bytes())
    assert body["event_action"] in ("trigger", "resolve")
    assert body["payload"]["source"] == "CubeAPM"


@pytest.mark.oracle
def test_recording_is_current(oracle: Any) -> None:
    """Go, run now, still gives every recorded answer (catches stale data files)."""
    results = oracle.run_many(RECORDER.oracle_request(c) for c in CASES)
    stale = [
        c["id"]
        for c, r in zip(CASES, results, strict=True)
        if {k: v for k, v in r.items() if k in ("output", "phase", "error") and v is not None}
        != c["want"]
    ]
    assert stale == []
    text = (GOLDEN / "pagerduty.tmpl").read_text("utf-8")
    for name in (*RECORDER.DATA_NAMES, "example"):
        r = oracle.run(
            {
                "files": [["pagerduty.tmpl", text]],
                "funcs": "cubeapm",
                "data_kind": "cubeapm",
                "data": RECORDER.load_data(name),
            }
        )
        assert (
            r["output"].encode("utf-8", "surrogateescape") == (GOLDEN / f"{name}.out").read_bytes()
        )
    for case in DECODE:
        r = oracle.run(RECORDER.decode_request(case["data"], case["profile"]))
        assert (r["error"] or "").removeprefix("oracle: bad data: ") == (case["error"] or "")


# -- the Python API ------------------------------------------------------------------------


def test_funcs_are_upstreams() -> None:
    """The names, in order, of the DefaultFuncs map the Go oracle serves (tests/oracle/amtemplate)."""
    source = (HERE / "oracle" / "amtemplate" / "template.go").read_text("utf-8")
    default_funcs = source.split("\nvar DefaultFuncs = FuncMap{\n")[1].split("\n}\n")[0]
    assert list(am.FUNCS) == re.findall(r'^\t"(\w+)":', default_funcs, re.MULTILINE)


@pytest.mark.parametrize(
    ("name", "params", "results"),
    [
        ("join", ("string", "[]string"), ("string",)),
        ("reReplaceAll", ("string", "string", "string"), ("string",)),
        ("stringSlice", ("...string",), ("[]string",)),
        ("date", ("string", "time.Time"), ("string",)),
        ("tz", ("string", "time.Time"), ("time.Time", "error")),
        ("now", (), ("time.Time",)),
        ("humanizeDuration", ("interface {}",), ("string", "error")),
        ("append", ("[]interface {}", "...interface {}"), ("[]interface {}",)),
        ("dict", ("...interface {}",), ("map[string]interface {}", "error")),
    ],
)
def test_func_signatures(name: str, params: tuple[str, ...], results: tuple[str, ...]) -> None:
    fn: Any = am.FUNCS[name]
    assert (fn.__go_params__, fn.__go_results__) == (params, results)


def test_default_funcs_win_over_custom_ones() -> None:
    t = am.template("t", {"toUpper": lambda s: "custom", "shout": lambda s: s + "!"})
    want = am.FUNCS["toUpper"]("a") + " b!"
    assert t.parse('{{ toUpper "a" }} {{ shout "b" }}').execute() == want


UPSTREAM_ALERT = ["Status", "Labels", "Annotations", "StartsAt", "EndsAt", "GeneratorURL"]
UPSTREAM_DATA = ["Receiver", "Status", "Alerts", "NotificationReason", "GroupLabels"]
UPSTREAM_DATA += ["CommonLabels", "CommonAnnotations", "RouteLabels", "ExternalURL"]


def test_data_fields_in_go_order() -> None:
    """Upstream's fields and nothing else; CubeAPM's after them."""
    assert [f.name for f in dataclasses.fields(am.Data)] == UPSTREAM_DATA
    assert [f.name for f in dataclasses.fields(am.Alert)] == [*UPSTREAM_ALERT, "Fingerprint"]
    assert [f.name for f in dataclasses.fields(cubeapm.Data)] == [
        *UPSTREAM_DATA,
        "GroupKey",
        "GroupKeyHash",
    ]
    assert [f.name for f in dataclasses.fields(cubeapm.Alert)] == [
        *UPSTREAM_ALERT,
        "Fingerprint",
        "CubeImageURL",
    ]


def test_data_from_python_values() -> None:
    """Plain dicts, lists and datetimes become the Go-typed fields from_dict would give."""
    d = am.Data(
        Status="firing",
        Alerts=[{"Status": "firing", "Labels": {"b": "2", "alertname": "X"}}],
        CommonLabels={"a": "1"},
        RouteLabels={"team": "x"},
    )
    d.Alerts[0].StartsAt = gotime.Time.from_datetime(
        dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    )
    same = am.Data.from_dict(
        {
            "status": "firing",
            "alerts": [
                {
                    "status": "firing",
                    "labels": {"b": "2", "alertname": "X"},
                    "startsAt": "2024-01-02T03:04:05Z",
                }
            ],
            "commonLabels": {"a": "1"},
            "routeLabels": {"team": "x"},
        }
    )
    t = am.template().parse(
        '{{ printf "%v|%T|%T" . .RouteLabels .CommonLabels }}'
        "|{{ (index .Alerts 0).Labels.SortedPairs }}|{{ len .Alerts.Firing }}"
    )
    assert t.execute(d) == t.execute(same)
    assert isinstance(d.Alerts, am.Alerts) and isinstance(d.Alerts[0].Labels, am.KV)


def test_cubeapm_alerts_are_cubeapms() -> None:
    d = cubeapm.Data.from_dict({"alerts": [{"cubeImageURL": "u"}], "groupKeyHash": "h"})
    assert type(d.Alerts[0]) is cubeapm.Alert and d.Alerts[0].CubeImageURL == "u"
    assert cubeapm.Data(Alerts=[{"CubeImageURL": "v"}]).Alerts[0] == cubeapm.Alert(CubeImageURL="v")
    assert am.Data.from_dict({"alerts": [{"cubeImageURL": "u"}]}).Alerts[0] == am.Alert()


def test_from_dict_matches_keys_like_encoding_json() -> None:
    d = am.Data.from_dict(
        {"RECEIVER": "a", "receiver": "b", "\u017ftatus": "firing", "unknown": 1, "alerts": None}
    )
    assert (d.Receiver, d.Status, list(d.Alerts)) == ("b", "firing", [])
    assert am.Data.from_dict(None) == am.Data()


def _typed(value: Any) -> Any:
    """A value with the classes of everything in it, for comparing decodings (a nil
    KV equals an empty one as a dict, but is not the same Go value)."""
    if dataclasses.is_dataclass(value):
        fields = {f.name: _typed(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return type(value), fields
    if isinstance(value, dict):
        return type(value), sorted(value.items())
    if isinstance(value, list):
        return type(value), [_typed(v) for v in value]
    if isinstance(value, gotime.Time):
        return type(value), value.UnixNano(), value.MarshalText()
    return type(value), value


_JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.text(max_size=4)
    | st.sampled_from(["\u00e9", "a\udcff"])  # what decoded_string keeps and replaces
)
_LABELS = st.dictionaries(
    st.sampled_from(["alertname", "a", "b", "\u00e9", "\ud800"]),
    st.sampled_from(["x", "", "\u00e9t\u00e9", "\udcff"]) | _JSON_SCALARS,
    max_size=4,
)
_TIMES = st.sampled_from(
    [
        "2025-06-03T14:05:12.408Z",
        "0001-01-01T00:00:00Z",
        "2024-02-30T00:00:00Z",
        "2024-01-01T10:00:00+02:00",
        "x",
    ]
)


def _webhook_objects(tags: list[str], fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    keys = st.sampled_from(
        [*tags, *(t.upper() for t in tags), "version", "groupKey", "\u017ftatus"]
    )
    return st.dictionaries(keys, fields, max_size=len(tags) + 2)


_ALERT = _webhook_objects(
    list(cubeapm.Alert.__go_json__.values()), _LABELS | _TIMES | _JSON_SCALARS
)
_GROUP = _webhook_objects(
    list(cubeapm.Data.__go_json__.values()),
    _LABELS | _JSON_SCALARS | st.lists(_ALERT | st.none(), max_size=3),
)


@settings(max_examples=400, deadline=None)
@given(_GROUP | st.fixed_dictionaries({"alerts": st.lists(_ALERT, max_size=3)}))
def test_from_dict_in_one_pass_is_field_by_field(obj: dict[str, Any]) -> None:
    """What Data.from_dict decodes in one pass equals the field-by-field decoding
    (which the recorded Go errors pin), or both fail with the same error."""
    for cls in (am.Data, cubeapm.Data):
        general = cls()
        try:
            amdata._decode_struct(general, obj, ("Data",))
        except ValueError as e:
            with pytest.raises(ValueError) as info:
                cls.from_dict(obj)
            assert str(info.value) == str(e)
            continue
        assert _typed(cls.from_dict(obj)) == _typed(general)


def test_from_dict_makes_fresh_nil_maps() -> None:
    """Structs decoded without a map or slice get a nil one of their own (the one-pass
    decoder does not run __init__), so that changing one changes no other."""
    first, second = (cubeapm.Data.from_dict({"alerts": [{}], "receiver": "r"}) for _ in "ab")
    assert first == second == cubeapm.Data(Receiver="r", Alerts=[cubeapm.Alert()])
    first.GroupLabels["a"] = "1"
    first.RouteLabels["a"] = "1"
    first.Alerts[0].Labels["a"] = "1"
    assert not second.GroupLabels and not second.RouteLabels and not second.Alerts[0].Labels
    assert cubeapm.Data.from_dict({}).Alerts is not cubeapm.Data.from_dict({}).Alerts


_LABEL_NAMES = st.text(max_size=4) | st.sampled_from(
    ["alertname", "Alertname", "alertnam", "é", "\udcc3\udca9"]
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_LABEL_NAMES, st.text(max_size=3), max_size=8))
def test_sorted_pairs_order(labels: dict[str, str]) -> None:
    """KV.SortedPairs is Go's sort of the names as bytes (undecodable bytes as
    surrogates included), with alertname moved to the front, as Pair structs;
    KV.Names and KV.Values are theirs."""
    pairs = am.KV(labels).SortedPairs()
    names = sorted(labels, key=go_bytes)  # stable: names of equal bytes keep their order
    if "alertname" in labels:
        names.remove("alertname")
        names.insert(0, "alertname")
    assert [(p.Name, p.Value) for p in pairs] == [(n, labels[n]) for n in names]
    assert all(type(p) is am.Pair for p in pairs) and type(pairs) is am.Pairs
    # Names and Values read the same sorted items without making pairs.
    kv = am.KV(labels)
    assert kv.Names() == pairs.Names() and kv.Values() == pairs.Values()
    assert type(kv.Names()) is type(kv.Values()) is am.Strings


DECODE = TABLE["decode"]


@pytest.mark.parametrize("case", DECODE, ids=[f"{c['profile']}-{i}" for i, c in enumerate(DECODE)])
def test_from_dict_errors_are_gos(case: dict[str, Any]) -> None:
    """Malformed webhook JSON fails with encoding/json's error, as recorded from Go."""
    decode = profiles.get(case["profile"]).decode
    if case["error"] is None:
        decode(case["data"])
        return
    with pytest.raises(ValueError) as info:
        decode(case["data"])
    assert str(info.value) == case["error"]


def test_from_dict_is_not_a_template_method() -> None:
    with pytest.raises(gotmpl.ExecError, match="can't evaluate field from_dict"):
        am.template().parse("{{ .from_dict }}").execute(am.Data())


@pytest.mark.parametrize("text", ["\ud800", "\udcff", "2024\ud800"])
def test_to_date_on_text_no_go_string_holds_answers_the_zero_time(text: str) -> None:
    """A lone surrogate is a byte Go's parser rejects: toDate swallows the parse error and
    answers the zero time, as it does for any text that is not a date."""
    (recorded,) = [
        c for c in CASES if c.get("template", "").endswith('{{ toDate "2006-01-02" "bad" }}')
    ]
    zero = recorded["want"]["output"].split("|")[1]
    t = am.template("t").parse('{{ toDate "2006" .s }}|{{ toDate "2006-01-02" .s }}')
    assert t.execute({"s": text}) == f"{zero}|{zero}"
