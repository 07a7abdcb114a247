"""Profiles: the registry, what a Profile sets up, and the fuzzer taking one.

Outputs compared here are gotmpl's own through two routes (a Profile and
gotmpl.alertmanager, a Profile and its name); what Go prints is checked by the
recorded tables (tests/profiles/test_alertmanager.py). The command line's
--profile is tested in tests/cli/test_cli.py.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import gotmpl
from gotmpl import alertmanager, cubeapm, profiles
from gotmpl.profiles import functions
from gotmpl.profiles.amdata import Data
from gotmpl.tools.fuzz import fuzz_payload

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SAMPLE: dict[str, Any] = json.loads((EXAMPLES / "alerts.json").read_text("utf-8"))


# -- the registry ----------------------------------------------------------------------------


def test_built_in_profiles() -> None:
    assert profiles.names() == ("text", "alertmanager", "cubeapm")
    assert profiles.get("text") is profiles.TEXT
    assert profiles.get("alertmanager") is alertmanager.PROFILE
    assert profiles.get("cubeapm") is cubeapm.PROFILE
    for name in profiles.names():
        profile = profiles.get(name)
        assert profile.name == name
        assert profile.description and "\n" not in profile.description


def test_unknown_profile() -> None:
    known = r"\(known: text, alertmanager, cubeapm\)"
    with pytest.raises(ValueError, match=r"unknown profile 'nope' " + known):
        profiles.get("nope")


def test_names_do_not_import_the_profiles() -> None:
    """The command line lists the choices without paying for every profile's module."""
    code = (
        "import sys, gotmpl.cli.main\n"
        "from gotmpl import profiles\n"
        "print(profiles.names(), 'gotmpl.alertmanager' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    want = b"('text', 'alertmanager', 'cubeapm') False\n"
    assert (done.returncode, done.stdout) == (0, want)


def test_text_renders_do_not_load_the_html_escaper() -> None:
    """Alertmanager's functions need html's typed content, not its escaper."""
    code = (
        "import sys\n"
        "from gotmpl import alertmanager, html\n"
        "alertmanager.template('t').parse('{{ safeHtml .Status }}').execute(alertmanager.Data())\n"
        "print('gotmpl.html.escape' in sys.modules, html.Template.__module__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, b"False gotmpl.html.template\n")


def test_profiles_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        profiles.TEXT.name = "other"  # type: ignore[misc]


# -- what a profile sets up --------------------------------------------------------------------


def test_text_is_go_text_template_alone() -> None:
    text = profiles.TEXT
    assert (dict(text.funcs), text.options, text.go_numbers, text.fuzz) == ({}, (), True, "json")
    value = {"a": [1, "x"]}
    assert text.decode(value) is value
    assert text.empty() is None
    with pytest.raises(gotmpl.ParseError, match='function "toUpper" not defined'):
        text.template("t").parse("{{ toUpper . }}")


def test_alertmanager_profile() -> None:
    am = alertmanager.PROFILE
    assert am.funcs is alertmanager.FUNCS
    assert (am.options, am.go_numbers, am.fuzz) == (("missingkey=zero",), False, "webhook")
    assert am.decode(SAMPLE) == Data.from_dict(SAMPLE)
    assert am.empty() == Data() and am.empty() is not am.empty()
    with pytest.raises(ValueError, match="cannot unmarshal number into Go struct field Data"):
        am.decode({"receiver": 5})


def test_cubeapm_profile_is_alertmanagers_with_its_data() -> None:
    cube, am = cubeapm.PROFILE, alertmanager.PROFILE
    assert cube.funcs is am.funcs and cube.options == am.options
    assert (cube.go_numbers, cube.fuzz) == (am.go_numbers, am.fuzz)
    assert cube.decode(SAMPLE) == cubeapm.Data.from_dict(SAMPLE)
    assert cube.decode(SAMPLE).GroupKeyHash == SAMPLE["groupKeyHash"]
    assert cube.empty() == cubeapm.Data()
    assert (am.bundle, cube.bundle) == (alertmanager.Templates, cubeapm.Templates)
    assert profiles.TEXT.bundle is None and profiles.TEXT.sample is None


@pytest.mark.parametrize("profile", [alertmanager.PROFILE, cubeapm.PROFILE])
def test_sample_is_a_group_as_alertmanager_makes_it(profile: profiles.Profile) -> None:
    """Two alerts, one firing and one resolved, with the group fields derived from them."""
    assert profile.sample is not None
    data = profile.sample()
    assert type(data) is type(profile.empty())
    assert (data.Status, [a.Status for a in data.Alerts]) == ("firing", ["firing", "resolved"])
    assert data.CommonLabels == {k: v for k, v in data.Alerts[0].Labels.items() if k != "instance"}
    assert data.Alerts[0].EndsAt.IsZero() and not data.Alerts[1].EndsAt.IsZero()


def test_template_has_the_options_and_functions() -> None:
    """missingkey=zero and the profile's functions, which win over custom ones."""
    source = "{{ .Labels.nope }}|{{ toUpper .Status }}|{{ shout .Status }}"
    data = Data.from_dict(SAMPLE).Alerts[0]
    custom = {"toUpper": lambda s: "custom", "shout": lambda s: s + "!"}
    got = alertmanager.PROFILE.template("t", custom).parse(source).execute(data)
    assert got == alertmanager.template("t", custom).parse(source).execute(data)
    assert got == f"|{functions.FUNCTIONS['toUpper'](data.Status)}|{data.Status}!"
    assert alertmanager.PROFILE.template().name == ""


def test_a_profile_of_your_own() -> None:
    """A Profile built from the shared functions, as a later product's profile would be."""
    shout = profiles.Profile(
        "shout",
        "upper-case everything",
        funcs=functions.pick("toUpper", "trimSpace"),
        options=("missingkey=error",),
        decode=lambda value: {"msg": value},
    )
    t = shout.template("t").parse("{{ .msg | trimSpace | toUpper }}")
    assert t.execute(shout.decode(" hi ")) == functions.FUNCTIONS["toUpper"]("hi")
    with pytest.raises(gotmpl.ExecError, match="map has no entry for key"):
        shout.template("t").parse("{{ .nope }}").execute(shout.decode(""))


def test_alertmanager_funcs_are_the_shared_ones() -> None:
    assert all(alertmanager.FUNCS[name] is functions.FUNCTIONS[name] for name in alertmanager.FUNCS)
    with pytest.raises(KeyError):
        functions.pick("toUpper", "nope")


# -- the fuzzer ------------------------------------------------------------------------------


def test_fuzz_takes_a_profile_or_its_name() -> None:
    t = alertmanager.template("t").parse("{{ (index .Alerts 1).Status }}")
    by_name = fuzz_payload(t, SAMPLE, profile="alertmanager", check_json=False, examples=50)
    by_object = fuzz_payload(t, SAMPLE, profile=alertmanager.PROFILE, check_json=False, examples=50)
    assert by_name == by_object == fuzz_payload(t, SAMPLE, check_json=False, examples=50)
    assert not by_name.ok and by_name.data is not None and len(by_name.data["alerts"]) == 1


def test_fuzz_decodes_with_the_profile() -> None:
    """With text, the sample is plain JSON: a webhook's fields are map keys, not Data's."""
    t = gotmpl.Template("t").parse("{{ index .alerts 1 }}")
    report = fuzz_payload(t, SAMPLE, profile="text", check_json=False, examples=100)
    assert not report.ok and report.data is not None and len(report.data["alerts"]) < 2
    with pytest.raises(ValueError, match="unknown profile"):
        fuzz_payload(t, SAMPLE, profile="nope")
    with pytest.raises(ValueError, match="receiver"):
        fuzz_payload(t, {"receiver": 5}, profile="alertmanager")
