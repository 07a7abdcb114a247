"""Tests for gotmpl.gostd.time against answers recorded from Go 1.27.

Every expected value comes from tests/data/gotime_cases.json, written by
tests/data/gotime_gen/gen_gotime_cases.go (run it to regenerate; Go is not
needed to run these tests).  Go recorded the table with TZ=Europe/Berlin, so
the module fixture below points gotime's Local at the same zone.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import json
import os
import pathlib
import pickle
import zipfile
import zoneinfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gotmpl.gostd import fmt as gofmt
from gotmpl.gostd import time as gt

DATA = json.loads(
    (pathlib.Path(__file__).parents[1] / "data" / "gotime_cases.json").read_text(encoding="utf-8")
)
LOCAL_TZ = DATA["meta"]["local_tz"]


@pytest.fixture(autouse=True, scope="module")
def go_local():
    """Give gotime the Local zone Go had while recording the table."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", LOCAL_TZ)
        gt._reset_local()
        yield
    gt._reset_local()


def bstr(v: str | dict) -> str:
    """Decode the generator's byte-safe strings ({"b64": ...} for invalid UTF-8)."""
    if isinstance(v, dict):
        return base64.b64decode(v["b64"]).decode("utf-8", "surrogateescape")
    return v


@functools.cache
def location(spec: str) -> gt.Location:
    if spec == "UTC":
        return gt.UTC
    if spec == "Local":
        return gt.LOCAL
    if spec.startswith("zone:"):
        return gt.load_location(spec[5:])
    offset, name = spec[len("fixed:") :].split(":", 1)
    return gt.fixed_zone(name, int(offset))


def make_time(spec: dict) -> gt.Time:
    return gt.unix(spec["unix"], spec["nsec"]).In(location(spec["loc"]))


TIMES = [make_time(s) for s in DATA["times"]]
TIME_IDS = [s["id"] for s in DATA["times"]]


def check_result(t: gt.Time, want: dict) -> None:
    assert t.String() == want["string"]
    assert t.Unix() == want["unix"]
    assert t.Nanosecond() == want["nsec"]
    assert t.Location().String() == want["loc_name"]
    assert list(t.Zone()) == want["zone"]
    assert t.IsZero() == want["is_zero"]
    assert t.GoString() == want["gostring"]


# ---------------------------------------------------------------------------
# Format


FORMAT_CASES = [
    pytest.param(i, layout, row[j], id=f"{TIME_IDS[i]}|{layout}")
    for i, row in enumerate(DATA["format"])
    for j, layout in enumerate(DATA["format_layouts"])
]


@pytest.mark.parametrize(("ti", "layout", "want"), FORMAT_CASES)
def test_format(ti: int, layout: str, want: str) -> None:
    assert TIMES[ti].Format(layout) == want


# ---------------------------------------------------------------------------
# Calendar fields, zones, Unix values, String/GoString, marshalling


@pytest.mark.parametrize("case", DATA["fields"], ids=lambda c: TIME_IDS[c["t"]])
def test_fields(case: dict) -> None:
    t = TIMES[case["t"]]
    assert t.Year() == case["year"]
    assert t.Month() == case["month"]
    assert t.Day() == case["day"]
    assert t.Hour() == case["hour"]
    assert t.Minute() == case["minute"]
    assert t.Second() == case["second"]
    assert t.Nanosecond() == case["nanosecond"]
    assert t.Weekday() == case["weekday"]
    assert t.YearDay() == case["yearday"]
    assert list(t.ISOWeek()) == case["isoweek"]
    assert list(t.Zone()) == case["zone"]
    assert t.IsDST() == case["isdst"]
    assert t.Unix() == case["unix"]
    assert t.UnixMilli() == case["unixmilli"]
    assert t.UnixMicro() == case["unixmicro"]
    assert t.UnixNano() == case["unixnano"]
    assert t.String() == case["string"]
    assert str(t) == case["string"]
    assert t.GoString() == case["gostring"]
    assert t.Location().String() == case["location"]
    assert t.IsZero() == case["iszero"]
    assert t.Month().String() == case["month_string"]
    assert t.Weekday().String() == case["weekday_string"]
    assert t.Date() == (case["year"], case["month"], case["day"])
    assert t.Clock() == (case["hour"], case["minute"], case["second"])
    if case["marshal_text"] is None:
        with pytest.raises(gt.GoError) as exc:
            t.MarshalText()
        assert str(exc.value) == case["marshal_err"]
    else:
        assert t.MarshalText() == case["marshal_text"].encode()
        check_result(gt.parse_rfc3339(case["marshal_text"]), case["unmarshal_back"])
        check_result(gt.parse_rfc3339(case["marshal_text"].encode()), case["unmarshal_back"])
    if case["marshal_json"] is None:
        with pytest.raises(gt.GoError) as exc:
            t.MarshalJSON()
        assert str(exc.value) == case["json_err"]
    else:
        assert t.MarshalJSON() == case["marshal_json"].encode()


# ---------------------------------------------------------------------------
# Parse and ParseInLocation


def parse_id(c: dict) -> str:
    where = "" if c["func"] == "Parse" else f" in {c['loc']}"
    return f"{c['id']} {bstr(c['layout'])!r} <- {bstr(c['value'])!r}{where}"


@pytest.mark.parametrize("case", DATA["parse"], ids=parse_id)
def test_parse(case: dict) -> None:
    layout, value = bstr(case["layout"]), bstr(case["value"])
    if case["func"] == "Parse":
        call = functools.partial(gt.parse, layout, value)
    else:
        call = functools.partial(gt.parse_in_location, layout, value, location(case["loc"]))
    if "err" in case:
        with pytest.raises(gt.ParseError) as exc:
            call()
        assert str(exc.value) == bstr(case["err"])
    else:
        check_result(call(), case["ok"])


# ---------------------------------------------------------------------------
# Durations


@pytest.mark.parametrize("case", DATA["durations"], ids=lambda c: str(c["d"]))
def test_duration(case: dict) -> None:
    d = gt.Duration(case["d"])
    assert d.String() == case["string"]
    assert str(d) == case["string"]
    assert f"{d}" == case["string"]
    assert d.Seconds() == case["seconds"]
    assert d.Minutes() == case["minutes"]
    assert d.Hours() == case["hours"]
    assert d.Milliseconds() == case["ms"]
    assert d.Microseconds() == case["us"]
    assert d.Nanoseconds() == case["d"]
    assert d.Abs() == case["abs"]
    assert isinstance(d.Abs(), gt.Duration)


@pytest.mark.parametrize("case", DATA["duration_rounds"], ids=lambda c: f"{c['d']}.Round({c['m']})")
def test_duration_round_truncate(case: dict) -> None:
    d = gt.Duration(case["d"])
    assert d.Round(gt.Duration(case["m"])) == case["round"]
    assert d.Truncate(case["m"]) == case["truncate"]


@pytest.mark.parametrize("case", DATA["parse_duration"], ids=lambda c: repr(bstr(c["in"])))
def test_parse_duration(case: dict) -> None:
    text = bstr(case["in"])
    if "err" in case:
        with pytest.raises(gt.GoError) as exc:
            gt.parse_duration(text)
        assert str(exc.value) == bstr(case["err"])
    else:
        got = gt.parse_duration(text)
        assert isinstance(got, gt.Duration)
        assert got == case["out"]


# ---------------------------------------------------------------------------
# Time arithmetic


@pytest.mark.parametrize("case", DATA["add"], ids=lambda c: f"{TIME_IDS[c['t']]}+{c['d']}")
def test_add(case: dict) -> None:
    check_result(TIMES[case["t"]].Add(gt.Duration(case["d"])), case["out"])


@pytest.mark.parametrize(
    "case", DATA["sub"], ids=lambda c: f"{TIME_IDS[c['pair'][0]]}-{TIME_IDS[c['pair'][1]]}"
)
def test_sub_and_compare(case: dict) -> None:
    t, u = (TIMES[i] for i in case["pair"])
    got = t.Sub(u)
    assert isinstance(got, gt.Duration)
    assert got == case["sub"]
    assert t.Before(u) == case["before"]
    assert t.After(u) == case["after"]
    assert t.Equal(u) == case["equal"]
    assert t.Compare(u) == case["compare"]


@pytest.mark.parametrize(
    "case", DATA["add_date"], ids=lambda c: f"{TIME_IDS[c['t']]}.AddDate{tuple(c['ymd'])}"
)
def test_add_date(case: dict) -> None:
    check_result(TIMES[case["t"]].AddDate(*case["ymd"]), case["out"])


@pytest.mark.parametrize("case", DATA["round"], ids=lambda c: f"{TIME_IDS[c['t']]}/{c['d']}")
def test_truncate_round(case: dict) -> None:
    t = TIMES[case["t"]]
    check_result(t.Truncate(gt.Duration(case["d"])), case["truncate"])
    check_result(t.Round(case["d"]), case["round"])


@pytest.mark.parametrize("case", DATA["date"], ids=lambda c: f"{c['args']}@{c['loc']}")
def test_date(case: dict) -> None:
    check_result(gt.date(*case["args"], location(case["loc"])), case["out"])


@pytest.mark.parametrize("case", DATA["unix"], ids=lambda c: f"Unix({c['sec']},{c['nsec']})")
def test_unix(case: dict) -> None:
    check_result(gt.unix(case["sec"], case["nsec"]), case["out"])
    check_result(gt.Time.unix(case["sec"], case["nsec"]), case["out"])


# ---------------------------------------------------------------------------
# Locations, Month, Weekday, panics


@pytest.mark.parametrize("case", DATA["load_location"], ids=lambda c: repr(bstr(c["name"]))[:40])
def test_load_location(case: dict) -> None:
    name = bstr(case["name"])
    if "err" in case:
        with pytest.raises(gt.GoError) as exc:
            gt.load_location(name)
        assert str(exc.value) == bstr(case["err"])
    else:
        loc = gt.load_location(name)
        assert loc.String() == case["string"]
        assert loc.name == case["string"]
        sample = (
            gt.date(2024, 7, 1, 12, 0, 0, 0, loc).String()
            + " / "
            + gt.date(2024, 1, 1, 12, 0, 0, 0, loc).String()
        )
        assert sample == case["sample"]


@pytest.mark.parametrize("case", DATA["months"], ids=lambda c: str(c["n"]))
def test_month_weekday(case: dict) -> None:
    assert gt.Month(case["n"]).String() == case["month"]
    assert gt.Weekday(case["n"]).String() == case["weekday"]
    assert str(gt.Month(case["n"])) == case["month"]


def test_panics_become_go_errors() -> None:
    with pytest.raises(gt.GoError) as exc:
        gt.now().In(None)
    assert "panic: " + str(exc.value) == DATA["panics"]["In(nil)"]
    with pytest.raises(gt.GoError) as exc:
        gt.date(2024, 1, 1, loc=None)
    assert "panic: " + str(exc.value) == DATA["panics"]["Date(nil)"]


def local_probe_id(p: dict) -> str:
    return "unset" if p["tz"] is None else repr(p["tz"])


@pytest.mark.parametrize("probe", DATA["local"], ids=local_probe_id)
def test_local_initialisation(probe: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    tz = probe["tz"]
    # These depend on the host's /etc/localtime or file layout, not on Go.
    if tz is None or tz == "/etc/localtime":
        pytest.skip("depends on the host's /etc/localtime")
    path = tz.lstrip(":")
    if path.startswith("/") and path != "/nonexistent/zone" and not os.path.exists(path):
        pytest.skip(f"{path} does not exist here")
    monkeypatch.setenv("TZ", tz)
    gt._reset_local()
    try:
        assert gt.LOCAL.String() == probe["name"]
        assert gt.unix(1700000000, 5).String() == probe["unix_string"]
        assert gt.unix(1700000000, 5).GoString() == probe["gostring"]
        assert gt.date(2024, 7, 1, 12, 0, 0, 0, gt.LOCAL).String() == probe["date_string"]
        layouts = [gt.RFC3339] * 4 + [gt.RFC1123] * 4
        values = [
            "2024-01-02T03:04:05+01:00",
            "2024-01-02T03:04:05-05:00",
            "2024-01-02T03:04:05+09:00",
            "2024-01-02T03:04:05+00:00",
            "Tue, 02 Jan 2024 03:04:05 CET",
            "Tue, 02 Jan 2024 03:04:05 EST",
            "Tue, 02 Jan 2024 03:04:05 JST",
            "Tue, 02 Jan 2024 03:04:05 UTC",
        ]
        for layout, value, want in zip(layouts, values, probe["parses"], strict=True):
            t = gt.parse(layout, value)
            assert f"{t.String()} | {t.Location().String()}" == want
    finally:
        monkeypatch.setenv("TZ", LOCAL_TZ)
        gt._reset_local()


# ---------------------------------------------------------------------------
# Python-side behaviour (no Go counterpart): interop and the documented choices


def test_from_datetime_zones() -> None:
    ny = zoneinfo.ZoneInfo("America/New_York")
    t = gt.Time.from_datetime(dt.datetime(2024, 7, 4, 12, 30, 15, 250000, tzinfo=ny))
    assert t.String() == "2024-07-04 12:30:15.25 -0400 EDT"
    assert t.Location().String() == "America/New_York"
    t = gt.Time.from_datetime(dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc))
    assert t.Location() is gt.UTC
    assert t.String() == "2024-01-02 03:04:05 +0000 UTC"
    unnamed = dt.timezone(dt.timedelta(hours=5, minutes=30))
    t = gt.Time.from_datetime(dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=unnamed))
    assert t.String() == "2024-01-02 03:04:05 +0530 +0530"
    named = dt.timezone(dt.timedelta(hours=-5), "EST")
    t = gt.Time.from_datetime(dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=named))
    assert t.String() == "2024-01-02 03:04:05 -0500 EST"
    # Naive datetimes are taken as UTC.
    t = gt.Time.from_datetime(dt.datetime(1, 1, 1))
    assert t.IsZero()
    assert t.Location() is gt.UTC
    # The earliest datetime east of UTC is an instant in year 0.
    east = dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert gt.Time.from_datetime(east).UTC().String() == "0000-12-31 23:00:00 +0000 UTC"


def test_to_datetime() -> None:
    t = gt.date(2024, 7, 4, 12, 30, 15, 250000999, gt.load_location("America/New_York"))
    d = t.to_datetime()
    assert d == dt.datetime(2024, 7, 4, 16, 30, 15, 250000, tzinfo=dt.timezone.utc)
    assert d.tzname() == "EDT"
    assert gt.Time().to_datetime() == dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)


def test_duration_python_side() -> None:
    assert gt.Duration.from_timedelta(dt.timedelta(hours=6, minutes=30, seconds=0.5)) == (
        6 * gt.HOUR + 30 * gt.MINUTE + 500 * gt.MILLISECOND
    )
    assert str(gt.Duration.from_timedelta(dt.timedelta(microseconds=-1))) == "-1µs"
    # Beyond Go's range (about 292 years): the nearest Duration, as Go saturates.
    assert gt.Duration.from_timedelta(dt.timedelta(days=106752)) == gt.MAX_DURATION
    assert gt.Duration.from_timedelta(dt.timedelta(days=-200000)) == gt.MIN_DURATION
    assert gt.Duration(2**63) == gt.MIN_DURATION  # wraps like a Go conversion
    assert gt.Duration.__go_type__ == "time.Duration"
    assert (gt.SECOND, gt.MINUTE, gt.HOUR) == (10**9, 60 * 10**9, 3600 * 10**9)
    assert gt.parse_duration("1.5µs") < gt.parse_duration("2us")


def test_time_python_protocol() -> None:
    a = gt.date(2024, 1, 1, 12, 0, 0, 0, gt.UTC)
    b = a.In(gt.fixed_zone("", 3600))
    assert a.Equal(b)
    assert a != b  # different location
    assert a == gt.date(2024, 1, 1, 12, 0, 0, 0, gt.load_location("UTC"))
    assert hash(a) == hash(a.Add(0))
    assert len({a, a.Add(0), b}) == 2
    assert a < a.Add(1) and a.Add(1) > a and a <= b and a >= b
    with pytest.raises(AttributeError):
        a._sec = 5  # type: ignore[misc]
    assert gt.Time() == gt.Time.zero()
    assert gt.Time.__go_type__ == "time.Time"
    assert gt.Location.__go_type__ == "*time.Location"
    assert gt.Month.__go_type__ == "time.Month"
    assert gt.Weekday.__go_type__ == "time.Weekday"
    assert gt.UTC.String() == "UTC"
    assert gt.LOCAL.String() == LOCAL_TZ
    assert gt.since(gt.now().Add(-gt.HOUR)) >= gt.HOUR
    assert gt.until(gt.now().Add(gt.HOUR)) <= gt.HOUR
    assert gt.now().Location() is gt.LOCAL
    assert " m=" not in gt.now().String()


def test_pickle_round_trip() -> None:
    import pickle

    for t in TIMES:
        back = pickle.loads(pickle.dumps(t))
        assert back == t and back.String() == t.String()


def test_zoneinfo_environment_variable(tmp_path: pathlib.Path) -> None:
    # $ZONEINFO is searched first, as in Go: a copy under a new name loads.
    src = gt._read_tzdata_package("Asia/Tokyo")
    (tmp_path / "Custom").mkdir()
    (tmp_path / "Custom" / "Zone").write_bytes(src)
    (tmp_path / "Bad").write_bytes(b"not tzif")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ZONEINFO", str(tmp_path))
        loc = gt.load_location("Custom/Zone")
        assert gt.date(2024, 1, 1, 0, 0, 0, 0, loc).String() == "2024-01-01 00:00:00 +0900 JST"
        with pytest.raises(gt.GoError, match=r"^malformed time zone information$"):
            gt.load_location("Bad")
        with pytest.raises(gt.GoError, match=r"^unknown time zone Custom/Nope$"):
            gt.load_location("Custom/Nope")
    # An uncompressed zip file works too (Go's zoneinfo.zip format).
    archive = tmp_path / "zones.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("Custom/Zip", src)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ZONEINFO", str(archive))
        assert gt.load_location("Custom/Zip").String() == "Custom/Zip"
        with pytest.raises(gt.GoError, match=r"^unknown time zone Custom/Nope$"):
            gt.load_location("Custom/Nope")


def test_malformed_tzif() -> None:
    good = gt._read_tzdata_package("Europe/Paris")
    for bad in (b"", b"TZif", good[:30], good[:60], b"TZif9" + good[5:]):
        with pytest.raises(gt._BadData):
            gt._load_tzif("x", bad)
    assert gt._load_tzif("x", good).String() == "x"


# ---------------------------------------------------------------------------
# Properties

NAMED_ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"]
MIN_SEC = -62167219200  # 0000-01-01T00:00:00Z
MAX_SEC = 253402300799  # 9999-12-31T23:59:59Z


@st.composite
def times_0_to_9999(draw: st.DrawFn) -> gt.Time:
    sec = draw(st.integers(MIN_SEC + 86400, MAX_SEC - 86400))
    nsec = draw(st.integers(0, 999_999_999))
    kind = draw(st.sampled_from(["named", "fixed"]))
    if kind == "named":
        loc = gt.load_location(draw(st.sampled_from(NAMED_ZONES)))
    else:
        loc = gt.fixed_zone(draw(st.sampled_from(["", "ABC"])), draw(st.integers(-1439, 1439)) * 60)
    return gt.unix(sec, nsec).In(loc)


@settings(max_examples=300, deadline=None)
@given(times_0_to_9999())
def test_rfc3339nano_round_trip(t: gt.Time) -> None:
    assume(t.Zone()[1] % 60 == 0)  # RFC 3339 has no seconds in offsets (LMT has)
    text = t.Format(gt.RFC3339_NANO)
    back = gt.parse(gt.RFC3339_NANO, text)
    assert back.Equal(t)
    assert back.Format(gt.RFC3339_NANO) == text
    assert gt.parse_rfc3339(t.MarshalText()).Equal(t)
    assert gt.parse_in_location(gt.RFC3339, t.Format(gt.RFC3339), t.Location()).Equal(
        t.Truncate(gt.SECOND)
    )


@st.composite
def canonical_looking(draw: st.DrawFn) -> str:
    """Text shaped like Go's MarshalText in UTC, valid or not (February 30, year 0,
    hour 24, second 60 ...): what parse_rfc3339's fast path takes."""
    year = draw(st.sampled_from([0, 1, 1970, 2024, 2025, 9999]) | st.integers(0, 9999))
    fields = [draw(st.integers(0, 13)), draw(st.integers(0, 32))]
    fields += [draw(st.integers(0, 25)), draw(st.integers(0, 61)), draw(st.integers(0, 61))]
    frac = draw(st.sampled_from(["", ".1", ".408", ".123456789", ".000000001"]))
    text = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}".format(year, *fields)
    return text + frac + "Z"


@settings(max_examples=500, deadline=None)
@given(canonical_looking() | st.just("0001-01-01T00:00:00Z"))
def test_parse_rfc3339_fast_path_is_the_parser(text: str) -> None:
    try:
        want = gt.parse(gt.RFC3339, text)
    except gt.GoError as e:
        with pytest.raises(gt.GoError) as got:
            gt.parse_rfc3339(text)
        assert str(got.value) == str(e)
        return
    got_time = gt.parse_rfc3339(text)
    assert got_time.MarshalText() == want.MarshalText() == text.encode()
    assert got_time.Equal(want) and got_time.Location() is want.Location()
    # A canonical Time works out its instant when first asked: whichever way asks
    # first, it is the parser's.
    first_asks = [
        lambda t: t.String(),
        hash,
        lambda t: t == want,
        lambda t: pickle.loads(pickle.dumps(t)) == want,
        lambda t: (t.UnixNano(), t.Format(gt.RFC3339_NANO)),
        lambda t: gofmt.sprintf("%d %v %+v", t, t, [t]),
    ]
    for ask in first_asks:
        assert ask(gt.parse_rfc3339(text)) == ask(want)


@settings(max_examples=300, deadline=None)
@given(times_0_to_9999())
def test_string_layout_round_trip(t: gt.Time) -> None:
    assume(t.Zone()[1] % 60 == 0)
    layout = "2006-01-02 15:04:05.999999999 -0700"
    assert gt.parse(layout, t.Format(layout)).Equal(t)


@settings(max_examples=500, deadline=None)
@given(st.integers(-(2**63), 2**63 - 1))
def test_duration_string_round_trip(n: int) -> None:
    d = gt.Duration(n)
    assert gt.parse_duration(d.String()) == d


@settings(max_examples=300, deadline=None)
@given(times_0_to_9999(), st.integers(-(2**63) + 1, 2**63 - 1))
def test_add_sub_inverse(t: gt.Time, n: int) -> None:
    d = gt.Duration(n)
    u = t.Add(d)
    assert u.Sub(t) == d
    assert u.Add(-d).Equal(t)
    assert t.Sub(u) == -d


@settings(max_examples=500, deadline=None)
@given(st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)))
def test_calendar_matches_python_datetime(d: dt.datetime) -> None:
    t = gt.Time.from_datetime(d)
    assert t.Date() == (d.year, d.month, d.day)
    assert t.Clock() == (d.hour, d.minute, d.second)
    assert t.Nanosecond() == d.microsecond * 1000
    assert t.YearDay() == d.timetuple().tm_yday
    assert t.Weekday() == d.isoweekday() % 7
    assert t.ISOWeek() == tuple(d.isocalendar())[:2]
    assert t.Format("2006-01-02T15:04:05.000000") == d.isoformat(timespec="microseconds")
    assert t.Format("Mon Monday Jan January") == d.strftime("%a %A %b %B")
    assert t.to_datetime().replace(tzinfo=None) == d
    assert t.Unix() == (d - dt.datetime(1970, 1, 1)) // dt.timedelta(seconds=1)


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(
        min_value=dt.datetime(1900, 1, 2),
        max_value=dt.datetime(2200, 12, 30),
        timezones=st.sampled_from([zoneinfo.ZoneInfo(z) for z in NAMED_ZONES]),
    )
)
def test_zone_offsets_match_zoneinfo(d: dt.datetime) -> None:
    # Within ZoneInfo's range both read the same data, so offsets agree.  The
    # round trip through UTC turns wall times in a DST gap into real ones.
    t = gt.Time.from_datetime(d)
    real = d.astimezone(dt.timezone.utc).astimezone(d.tzinfo)
    name, offset = t.Zone()
    assert offset == real.utcoffset().total_seconds()
    assert name == real.tzname()
    assert t.Format("2006-01-02 15:04:05") == real.strftime("%Y-%m-%d %H:%M:%S")


LAYOUT_PIECES = st.sampled_from(
    [
        *("2006", "06", "01", "1", "Jan", "January", "02", "2", "_2", "002", "__2"),
        *("15", "03", "3", "04", "4", "05", "5", "PM", "pm", "Monday", "Mon"),
        *("MST", "Z07:00", "Z0700", "Z07", "-07:00:00", "-0700", "-07"),
        *(".000", ".999", ",000", ",999", ":", "-", "/", "T", "x", "é", " "),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(LAYOUT_PIECES, max_size=8).map("".join), st.text(max_size=30))
def test_parse_only_raises_parse_errors(layout: str, value: str) -> None:
    with contextlib.suppress(gt.ParseError):
        gt.parse(layout, value)
    with contextlib.suppress(gt.ParseError):
        gt.parse_in_location(layout, value, gt.load_location("America/New_York"))


@settings(max_examples=500, deadline=None)
@given(times_0_to_9999(), st.text(max_size=30))
def test_format_accepts_any_layout(t: gt.Time, layout: str) -> None:
    # Text that is not a layout element is copied through unchanged.
    out = t.Format(layout)
    assert isinstance(out, str)
    if not any(c in layout for c in "0123456789JMPpZ-_.,"):
        assert out == layout


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=20))
def test_parse_duration_only_raises_go_errors(text: str) -> None:
    try:
        gt.parse_duration(text)
    except gt.GoError as exc:
        assert str(exc).startswith("time: ")
