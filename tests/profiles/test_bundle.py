"""Alertmanager's template bundle against Go: config fields run on template files.

Expected outputs and errors are Go's, recorded from the oracle's model of
Alertmanager 0.34 by tests/data/ambundle_record.py into
tests/data/ambundle_cases.json; Go is needed only by the test marked ``oracle``.
The same cases run through the command line in tests/cli/test_template_render.py.
Text fields run through ExecuteTextString, HTML ones through ExecuteHTMLString.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ambundle import CASES, DATA, FILES, write_files

import gotmpl
from gotmpl import alertmanager, cubeapm, profiles
from gotmpl.gostd import time as gotime
from gotmpl.html import EscapeError
from gotmpl.profiles import amdata

HERE = Path(__file__).resolve().parents[1]
TEXT_CASES = [c for c in CASES if c["type"] == "text"]
HTML_CASES = [c for c in CASES if c["type"] == "html"]


def _load_recorder() -> Any:
    spec = importlib.util.spec_from_file_location(
        "ambundle_record", HERE / "data" / "ambundle_record.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bundle")
    write_files(root)
    return root


@pytest.fixture(autouse=True)
def in_files(files: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Globs are relative to the table's file system; Go's Local is UTC there."""
    monkeypatch.chdir(files)
    monkeypatch.setenv("TZ", "")
    gotime._reset_local()
    yield
    gotime._reset_local()


def case_data(case: dict[str, Any], profile: profiles.Profile) -> Any:
    """The case's data: webhook JSON decoded, or a group built as Alertmanager builds it."""
    if "group" in case:
        g = case["group"]
        return profile.empty().from_alerts(
            g["receiver"],
            g["alerts"],
            group_labels=g.get("groupLabels"),
            route_labels=g.get("routeLabels"),
            notification_reason=g.get("notificationReason", ""),
            external_url=g.get("externalURL", ""),
        )
    return profile.decode(DATA[case["data"]])


def run_case(case: dict[str, Any]) -> dict[str, Any]:
    """One case through the bundle; the result is shaped like the recorded answer."""
    profile = profiles.get(case["profile"])
    assert profile.bundle is not None
    try:
        bundle = profile.bundle()
        for kind, arg in case["load"]:
            if kind == "parse":
                bundle.parse(arg)
            else:
                bundle.parse_glob(arg)
    except gotmpl.TemplateError as e:
        return {"phase": "load", "error": str(e)}
    execute = bundle.execute_html if case["type"] == "html" else bundle.execute_text
    try:
        return {"output": execute(case["text"], case_data(case, profile))}
    except gotmpl.ParseError as e:
        return {"phase": "parse", "error": str(e)}
    except EscapeError as e:
        return {"phase": "escape", "error": str(e)}
    except gotmpl.ExecError as e:
        return {"phase": "exec", "error": str(e)}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_recorded_case(case: dict[str, Any]) -> None:
    assert run_case(case) == case["want"]


def test_the_table_covers_the_issue() -> None:
    """Errors of every phase, both profiles, html fields too."""
    phases = {c["want"].get("phase") for c in TEXT_CASES}
    assert phases == {None, "load", "parse", "exec"}
    assert {c["profile"] for c in TEXT_CASES} == {"alertmanager", "cubeapm"}
    assert len(HTML_CASES) >= 40
    cycles = [c for c in TEXT_CASES if "route label cycle detected" in c["want"].get("error", "")]
    assert len(cycles) >= 5


@pytest.mark.oracle
def test_recording_is_current(oracle: Any) -> None:
    """Go, run now, still gives every recorded answer (catches stale data files)."""
    recorder = _load_recorder()
    assert recorder.FILES == FILES
    results = oracle.run_many(recorder.oracle_request(c) for c in CASES)
    stale = []
    for c, r in zip(CASES, results, strict=True):
        want = (
            {"output": r["output"]} if r["phase"] is None else {k: r[k] for k in ("phase", "error")}
        )
        if want != c["want"]:
            stale.append(c["id"])
    assert stale == []


# -- the Python API --------------------------------------------------------------------------


ROUTES = DATA["routes"]


def test_profiles_have_their_bundle() -> None:
    assert alertmanager.PROFILE.bundle is alertmanager.Templates
    assert cubeapm.PROFILE.bundle is cubeapm.Templates
    assert alertmanager.Templates.profile is alertmanager.PROFILE
    assert cubeapm.Templates.profile is cubeapm.PROFILE


def test_a_field_defines_only_for_itself() -> None:
    """Each text runs in a copy of the set: its definitions do not leak into the next."""
    t = alertmanager.Templates().parse_glob("templates/*.tmpl")
    data = alertmanager.Data.from_dict(ROUTES)
    original = t.execute_text('{{ template "nw.chat.color" . }}', data)
    assert (
        t.execute_text(
            '{{ define "nw.chat.color" }}mine{{ end }}{{ template "nw.chat.color" . }}', data
        )
        == "mine"
    )
    assert t.execute_text('{{ template "nw.chat.color" . }}', data) == original
    with pytest.raises(gotmpl.ExecError, match=r'template "only\.here" not defined'):
        t.execute_text('{{ template "only.here" . }}', data)


def test_parsing_more_files_reaches_later_fields() -> None:
    t = alertmanager.Templates().parse_glob("templates/*.tmpl")
    data = alertmanager.Data.from_dict(ROUTES)
    with pytest.raises(gotmpl.ExecError, match=r'template "nw\.extra\.only" not defined'):
        t.execute_text('{{ template "nw.extra.only" . }}', data)
    t.parse_glob("templates/extra/*.tmpl")
    assert t.execute_text('{{ template "nw.extra.only" . }}', data) == "only in extra: team-x"


def test_route_labels_render_once_per_render() -> None:
    """A label used twice in one render is rendered once; the next render starts afresh."""
    calls = []

    def count(s: str) -> str:
        calls.append(s)
        return s

    t = alertmanager.Templates({"count": count})
    data = alertmanager.Data(RouteLabels={"a": '{{ count "x" }}', "b": '{{ routeLabels "a" }}'})
    text = '{{ routeLabels "a" }}{{ routeLabels "b" }}{{ routeLabels "a" }}'
    assert t.execute_text(text, data) == "xxx"
    assert calls == ["x"]
    assert t.execute_text(text, data) == "xxx"
    assert calls == ["x", "x"]


def test_rendered_route_labels_are_returned_as_they_are() -> None:
    """Alertmanager's own notifications carry route labels it rendered already."""
    data = alertmanager.Data(RouteLabels={"team": "{{ .Receiver }}"}, Receiver="r")
    t = alertmanager.Templates()
    assert t.execute_text('{{ routeLabels "team" }}', data) == "r"
    amdata.mark_route_labels_rendered(data)
    assert t.execute_text('{{ routeLabels "team" }}', data) == "{{ .Receiver }}"
    assert t.execute_text("{{ . }}", data).endswith(" true}")


def test_data_of_another_type_has_no_route_labels() -> None:
    t = alertmanager.Templates()
    assert t.execute_text('[{{ routeLabels "team" }}]', {"RouteLabels": {"team": "x"}}) == "[]"
    assert t.execute_text('[{{ routeLabels "team" }}]') == "[]"


def test_route_label_renderer_shares_one_memo() -> None:
    calls = []
    t = alertmanager.Templates({"count": lambda s: calls.append(s) or s})
    data = alertmanager.Data(RouteLabels={"a": '{{ count "x" }}', "b": '{{ routeLabels "a" }}!'})
    render = t.route_label_renderer(data)
    assert (render("a"), render("b"), render("nope")) == ("x", "x!", "")
    assert calls == ["x"]
    cyclic = alertmanager.Data(RouteLabels={"a": '{{ routeLabels "a" }}'})
    with pytest.raises(gotmpl.ExecError) as info:
        t.route_label_renderer(cyclic)("a")
    assert str(info.value) == (
        'template: :1:3: executing "" at <routeLabels "a">: '
        "error calling routeLabels: route label cycle detected: a -> a"
    )


def test_a_long_chain_of_route_labels() -> None:
    labels = {f"l{i}": f'{{{{ routeLabels "l{i + 1}" }}}}' for i in range(200)}
    labels["l200"] = "end"
    data = alertmanager.Data(RouteLabels=labels)
    assert alertmanager.Templates().execute_text('{{ routeLabels "l0" }}', data) == "end"


def test_renders_in_threads() -> None:
    """One bundle, many threads: each render has its own route-label memo."""
    t = alertmanager.Templates().parse_glob("templates/*.tmpl")
    results: dict[int, str] = {}

    def work(i: int) -> None:
        data = alertmanager.Data(Receiver=str(i), RouteLabels={"team": "{{ .Receiver }}"})
        results[i] = "".join(
            t.execute_text('{{ template "nw.chat.title" . }}|{{ routeLabels "team" }};', data)
            for _ in range(20)
        )

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert all(results[i] == f"[]  for {i}|{i};" * 20 for i in range(8))


def test_from_globs_loads_defaults_then_globs(files: Path) -> None:
    (files / "mydefaults").mkdir(exist_ok=True)
    (files / "mydefaults" / "default.tmpl").write_text(FILES["defaults/base.tmpl"])
    t = alertmanager.Templates.from_globs(["templates/*.tmpl"], defaults="mydefaults")
    data = alertmanager.Data.from_dict(ROUTES)
    assert t.execute_text('{{ template "slack.nw.default.title" . }}', data) == "firing DiskFull db"
    with pytest.raises(
        gotmpl.TemplateError, match=r"^no default\.tmpl or email\.tmpl in templates$"
    ):
        alertmanager.Templates.from_globs([], defaults="templates")


def test_unreadable_files_fail_with_gos_words(files: Path) -> None:
    (files / "adir.tmpl").mkdir(exist_ok=True)
    with pytest.raises(gotmpl.TemplateError, match=r"^read adir\.tmpl: is a directory$"):
        alertmanager.Templates().parse_glob("adir.tmpl")


def test_empty_text_is_not_parsed() -> None:
    assert alertmanager.Templates().execute_text("") == ""


def test_limits_bound_the_render() -> None:
    data = alertmanager.Data(RouteLabels={"slow": "{{ range 100000 }}x{{ end }}"})
    with pytest.raises(gotmpl.LimitExceeded):
        alertmanager.Templates().execute_text(
            '{{ routeLabels "slow" }}', data, limits=gotmpl.Limits(steps=1000)
        )


# -- Data.from_alerts ----------------------------------------------------------------------


def test_from_alerts_is_alertmanagers_group_data() -> None:
    now = gotime.now()
    past, future = now.Add(-(10**9)), now.Add(3600 * 10**9)
    alerts = [
        alertmanager.Alert(Labels={"alertname": "A", "i": "1"}, StartsAt=past, EndsAt=future),
        alertmanager.Alert(Labels={"alertname": "A", "i": "2"}, EndsAt=past, Status="firing"),
    ]
    data = alertmanager.Data.from_alerts("r.x", alerts, group_labels={"alertname": "A"})
    assert (data.Receiver, data.Status) == ("r\\.x", "firing")
    assert [a.Status for a in data.Alerts] == ["firing", "resolved"]
    assert data.Alerts[0].EndsAt.IsZero() and data.Alerts[1].EndsAt == past
    assert data.CommonLabels == {"alertname": "A"} and data.RouteLabels == {}
    assert data.Alerts[0].Fingerprint == amdata.fingerprint({"alertname": "A", "i": "1"})
    assert alerts[0].EndsAt == future  # the given alerts are left alone
    empty = alertmanager.Data.from_alerts("r", [])
    assert (empty.Status, empty.Alerts, empty.CommonLabels.__go_nil__) == ("resolved", [], False)


def test_from_alerts_makes_the_profiles_alerts() -> None:
    data = cubeapm.Data.from_alerts("r", [{"labels": {"a": "1"}, "cubeImageURL": "u"}])
    assert type(data) is cubeapm.Data and type(data.Alerts[0]) is cubeapm.Alert
    assert data.Alerts[0].CubeImageURL == "u"
