"""The comparison is honest: every engine writes the same bytes on the same input.

Plain tests, not benchmarks. gotmpl is the reference; Jinja2 and gotpl must
match it byte for byte, and so must Go when the oracle is available.
"""

from __future__ import annotations

import pytest

from benchmarks import cases, data, templates
from benchmarks.conftest import GoTimings


@pytest.fixture(scope="module")
def pagerduty_outputs() -> dict[int, str]:
    """gotmpl's PagerDuty output per group size."""
    tmpl = templates.gotmpl_pagerduty()
    return {n: tmpl.execute(data.gotmpl_data(n)) for n in data.SIZES}


@pytest.mark.parametrize("n", data.SIZES)
def test_pagerduty_jinja2_matches_gotmpl(n: int, pagerduty_outputs: dict[int, str]) -> None:
    """The Jinja2 PagerDuty template on the plain JSON gives gotmpl's bytes."""
    out = templates.jinja_pagerduty().render(data.jinja_data(n))
    assert out == pagerduty_outputs[n]


@pytest.mark.parametrize("n", data.SIZES)
def test_pagerduty_floor_matches_gotmpl(n: int, pagerduty_outputs: dict[int, str]) -> None:
    """The hand-written floors write gotmpl's bytes, steady and per notification."""
    assert cases.render_case("floor", n)() == pagerduty_outputs[n]
    assert cases.render_case("spec", n)() == pagerduty_outputs[n]
    for engine in cases.NOTIFICATION_ENGINES:
        assert cases.notification_case(engine, n)() == pagerduty_outputs[n], engine


@pytest.mark.parametrize("n", data.SIZES)
def test_pagerduty_gotpl_matches_gotmpl(n: int, pagerduty_outputs: dict[int, str]) -> None:
    """gotpl runs the same Go template, on its adapted data, to the same bytes."""
    pytest.importorskip("gotpl")
    out = templates.gotpl_pagerduty().render(data.gotpl_data(n))
    assert out == pagerduty_outputs[n]


@pytest.mark.parametrize("n", data.SIZES)
def test_pagerduty_go_matches_gotmpl(
    n: int, pagerduty_outputs: dict[int, str], go_timings: GoTimings
) -> None:
    """Go renders the webhook JSON to the same bytes (so its timing is comparable)."""
    if go_timings.oracle is None:
        pytest.skip("no Go toolchain")
    reply = go_timings.oracle.run(
        {
            "template": templates.PAGERDUTY_GO,
            "name": "pagerduty",
            "funcs": "cubeapm",
            "data": data.webhook_payload(n),
            "data_kind": "cubeapm",
        }
    )
    assert reply["phase"] is None, reply["error"]
    assert reply["output"] == pagerduty_outputs[n]


def test_alert_groups_mix_firing_and_resolved() -> None:
    """Each group has firing and resolved alerts and non-trivial %q input."""
    for n in data.SIZES:
        statuses = {a["status"] for a in data.webhook_payload(n)["alerts"]}
        assert statuses == {"firing", "resolved"}
    descriptions = [a["annotations"]["description"] for a in data.webhook_payload(3)["alerts"]]
    assert any('"' in d and "\n" in d and not d.isascii() for d in descriptions)


@pytest.mark.parametrize("n", cases.HTML_SIZES)
def test_html_email_engines_agree(n: int, go_timings: GoTimings) -> None:
    """The HTML mail: gotpl's html mode and Go's html/template write gotmpl.html's
    bytes; the text render of the same template differs (nothing escaped)."""
    expected = cases.html_case("gotmpl", n)()
    assert "<!--" not in expected and "<!--" in cases.html_case("text", n)()
    if templates.have_gotpl():
        assert cases.html_case("gotpl", n)() == expected
    if go_timings.oracle is not None:
        reply = go_timings.oracle.run(cases.go_html_request(n))
        assert reply["phase"] is None, reply["error"]
        assert reply["output"] == expected


@pytest.mark.parametrize("m", templates.MICROS, ids=lambda m: m.name)
def test_micro_engines_agree(m: templates.Micro, go_timings: GoTimings) -> None:
    """Each micro shape gives the same bytes in gotmpl, Jinja2, gotpl and Go."""
    d = data.micro_data()
    expected = templates.gotmpl_micro(m).execute(d)
    assert expected
    assert templates.jinja_micro(m).render(d) == expected
    if templates.have_gotpl():
        assert templates.gotpl_micro(m).render(d) == expected
    if go_timings.oracle is not None:
        reply = go_timings.oracle.run({"template": m.go, "name": m.name, "data": d})
        assert reply["phase"] is None, reply["error"]
        assert reply["output"] == expected
