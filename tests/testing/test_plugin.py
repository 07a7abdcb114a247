"""gotmpl.testing and its pytest plugin, run as users run them (pytester).

Each test writes a small user project (templates, sample data, a test file)
and runs pytest on it in-process, with the plugin loaded from gotmpl's
``pytest11`` entry point as an installed gotmpl loads it.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest

import gotmpl

# Imported here, once: pytester's in-process runs drop the modules they import
# first, and classes imported again would differ from those already held.
import gotmpl.amconfig
import gotmpl.testing.plugin
import gotmpl.tools.diagnostics
import gotmpl.tools.fuzz
from gotmpl import alertmanager, cubeapm  # noqa: F401
from gotmpl.gostd import time as gotime
from gotmpl.testing import (
    FrozenClock,
    GoldenMismatch,
    Goldens,
    assert_fuzz_ok,
    compare_golden,
    freeze_clock,
    render,
)

pytest_plugins = ["pytester"]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_plugin_is_registered(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(["*--gotmpl-update-goldens*"])


GOLDEN_TEST = """
from pathlib import Path

def test_alert_title(gotmpl_golden):
    gotmpl_golden.check_render(
        Path("title.tmpl"), "golden/title.txt", data=Path("alerts.json"), profile="alertmanager"
    )
"""


def test_golden_missing_written_then_compared(pytester: pytest.Pytester) -> None:
    title = pytester.path / "title.tmpl"
    title.write_text("[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}\n")
    pytester.makefile(".json", alerts=(EXAMPLES / "alerts.json").read_text("utf-8"))
    pytester.makepyfile(test_user_title=GOLDEN_TEST)
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*golden file *title.txt does not exist*"])

    result = pytester.runpytest("--gotmpl-update-goldens")
    result.assert_outcomes(passed=1)
    golden = pytester.path / "golden" / "title.txt"
    assert golden.read_text("utf-8") == "[FIRING] HighLatency\n"
    assert pytester.runpytest().ret == 0

    title.write_text("[{{ .Status }}] {{ .CommonLabels.alertname }}\n")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    shown = result.stdout.str()
    assert "-[FIRING] HighLatency\n" in shown and "+[firing] HighLatency\n" in shown


RECEIVER_TEST = """
from pathlib import Path

def test_checkout_receiver(gotmpl_golden):
    gotmpl_golden.check_receiver(
        Path({config!r}), "checkout-oncall", "golden/checkout.json", data=Path({data!r})
    )
"""


def test_receiver_golden_is_what_config_render_prints(pytester: pytest.Pytester) -> None:
    config = EXAMPLES / "alertmanager" / "alertmanager.yml"
    data = EXAMPLES / "alertmanager" / "webhook.json"
    pytester.makepyfile(test_user_receiver=RECEIVER_TEST.format(config=str(config), data=str(data)))
    pytester.runpytest("--gotmpl-update-goldens").assert_outcomes(passed=1)
    golden = (pytester.path / "golden" / "checkout.json").read_text("utf-8")
    loaded = gotmpl.amconfig.load(config)
    webhook = json.loads(data.read_text("utf-8"))
    assert golden == loaded.rendered("checkout-oncall", webhook).json()
    assert json.loads(golden)["email_configs"][0]["headers"]["Subject"].startswith("[FIRING:2]")
    pytester.runpytest().assert_outcomes(passed=1)


def test_clock_fixture_freezes_now_and_since(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_user_clock="""
        import threading
        import pytest
        from gotmpl import alertmanager

        T = '{{ now.UTC.Format "2006-01-02T15:04:05Z07:00" }} {{ since (now.Add -90000000000) }}'

        def render():
            return alertmanager.template("t").parse(T).execute(None)

        @pytest.mark.gotmpl_now("2024-05-01T12:00:00Z")
        def test_marked(gotmpl_clock):
            assert render() == "2024-05-01T12:00:00Z 1m30s"
            gotmpl_clock.advance(3600)
            assert render().startswith("2024-05-01T13:00:00Z")

        def test_default_and_other_threads(gotmpl_clock):
            assert render().startswith("2000-01-01T00:00:00Z")
            seen = []
            thread = threading.Thread(target=lambda: seen.append(render()))
            thread.start()
            thread.join()
            assert not seen[0].startswith("2000-")  # another thread: the real clock

        def test_unfrozen_afterwards():
            assert not render().startswith(("2000-", "2024-"))
        """
    )
    pytester.runpytest("-p", "no:randomly").assert_outcomes(passed=3)


FUZZ_TEST = """
from pathlib import Path
import pytest
from gotmpl import cubeapm
from gotmpl.testing import assert_fuzz_ok

@pytest.mark.parametrize("name", ["unsafe.tmpl", "safe.tmpl"])
def test_payload_survives_hostile_labels(name):
    t = cubeapm.template(name).parse(Path(name).read_text())
    assert_fuzz_ok(t, Path("alerts.json"), profile="cubeapm", examples=10)
"""


def test_fuzz_assertion(pytester: pytest.Pytester) -> None:
    # A trailing comma: the sample itself breaks it, no search needed.
    (pytester.path / "unsafe.tmpl").write_text('{"summary": "{{ .CommonLabels.env }}",}')
    (pytester.path / "safe.tmpl").write_text('{"summary": {{ .CommonLabels.env | toJson }}}')
    pytester.makefile(".json", alerts=(EXAMPLES / "alerts.json").read_text("utf-8"))
    pytester.makepyfile(test_user_payload=FUZZ_TEST)
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*example 1 of 10 broke the template; the smallest such data:*",
            "*unsafe.tmpl:1:38: template text wrote ',' at the end of a JSON object",
            '*1 | {"summary": "{{ .CommonLabels.env }}",}',
        ]
    )


# -- the helpers themselves --------------------------------------------------------------


def test_compare_golden(tmp_path: Path) -> None:
    golden = tmp_path / "sub" / "out.txt"
    with pytest.raises(GoldenMismatch, match="does not exist"):
        compare_golden("a\n", golden)
    compare_golden("a\n", golden, update=True)
    compare_golden("a\n", golden)
    with pytest.raises(GoldenMismatch, match=r"(?s)-a\n\+b"):
        compare_golden("b\n", golden)
    # Bytes a Go string holds that are not UTF-8 round-trip.
    compare_golden("x\udcff", golden, update=True)
    assert golden.read_bytes() == b"x\xff"
    compare_golden("x\udcff", golden)


def test_render_sources_and_profiles(tmp_path: Path) -> None:
    (tmp_path / "a.tmpl").write_text('{{ template "b" . }}!')
    (tmp_path / "b.tmpl").write_text('{{ define "b" }}({{ .x }}){{ end }}')
    (tmp_path / "d.json").write_text(json.dumps({"x": "<i>"}))
    files = [tmp_path / "a.tmpl", tmp_path / "b.tmpl"]
    assert render(files, tmp_path / "d.json") == "(<i>)!"
    assert render(files, {"x": "<i>"}, html=True) == "(&lt;i&gt;)!"
    assert render("{{ .x }}", {"x": 1}, name="") == "1"
    sample = json.loads((EXAMPLES / "alerts.json").read_text("utf-8"))
    assert render("{{ .Receiver }}", sample, profile="alertmanager") == sample["receiver"]
    with pytest.raises(gotmpl.ExecError):
        render("{{ .Nope }}", sample, profile="alertmanager")
    (tmp_path / "c.tmpl").write_text("{{ .x }}!")
    goldens = Goldens(tmp_path, update=True)
    assert goldens.check_render(Path("c.tmpl"), "c.out", data={"x": 1}) == "1!"
    assert (tmp_path / "c.out").read_text() == "1!"


def test_frozen_clock_is_per_context() -> None:
    """The freeze is a context variable: a thread started meanwhile keeps real time."""
    seen: list[gotime.Time] = []
    with freeze_clock(dt.datetime(2024, 1, 2, 3, 4, 5)) as clock:
        assert gotime.now().Unix() == 1704164645
        clock.advance(dt.timedelta(minutes=1))
        assert gotime.now().Unix() == 1704164705
        thread = threading.Thread(target=lambda: seen.append(gotime.now()))
        thread.start()
        thread.join()
        data = alertmanager.Data.from_alerts(
            "r", [{"labels": {"a": "b"}, "endsAt": "2024-01-02T03:04:30Z"}]
        )
        assert data.Status == "resolved"  # ended before the frozen now
    assert seen[0].Unix() > 1704164705
    assert gotime.now().Unix() > 1704164705
    assert FrozenClock("2024-01-02T03:04:05Z")().Unix() == 1704164645


def test_assert_fuzz_ok_reports_exec_errors() -> None:
    t = alertmanager.template("second.tmpl").parse("{{ (index .Alerts 1).Status }}")
    sample = json.loads((EXAMPLES / "alerts.json").read_text("utf-8"))
    with pytest.raises(AssertionError) as info:
        assert_fuzz_ok(t, sample, examples=20, check_json=False)
    message = str(info.value)
    assert 'executing "second.tmpl" at <index .Alerts 1>' in message
    assert message.splitlines()[-1] == "  |     " + "^" * len("index .Alerts 1")
