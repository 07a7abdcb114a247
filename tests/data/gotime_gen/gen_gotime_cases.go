// Command gen_gotime_cases records Go's answers for tests/test_gotime.py.
//
// Usage (from this directory):
//
//	GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go run . -o ../gotime_cases.json
//
// The program re-runs itself with TZ=Europe/Berlin (and no ZONEINFO) so that
// time.Local is the same on every machine; the "local" section re-runs it
// again under several TZ values to record how Go initialises Local.
//
// The zones used are ones whose history is the same in every tz distribution.
// To check, run it a second time with GOTIME_GEN_ZONEINFO set to the Python
// tzdata package's zoneinfo directory ("slim" files, possibly a different
// release); the output must be byte-identical.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"
)

const mainTZ = "Europe/Berlin"

// ---------------------------------------------------------------------------
// Locations are recorded as short specs the Python side can rebuild:
// "UTC", "Local", "zone:NAME" or "fixed:OFFSET:NAME".

var locSpecs = map[*time.Location]string{}

func loc(spec string) *time.Location {
	var l *time.Location
	switch {
	case spec == "UTC":
		l = time.UTC
	case spec == "Local":
		l = time.Local
	case strings.HasPrefix(spec, "zone:"):
		var err error
		l, err = time.LoadLocation(spec[len("zone:"):])
		if err != nil {
			panic(err)
		}
	case strings.HasPrefix(spec, "fixed:"):
		var off int
		rest := spec[len("fixed:"):]
		i := strings.IndexByte(rest, ':')
		if _, err := fmt.Sscan(rest[:i], &off); err != nil {
			panic(err)
		}
		l = time.FixedZone(rest[i+1:], off)
	default:
		panic("bad spec " + spec)
	}
	if _, ok := locSpecs[l]; !ok || spec != "UTC" {
		locSpecs[l] = spec
	}
	return l
}

func specOf(l *time.Location) string {
	if l == time.UTC {
		return "UTC"
	}
	if l == time.Local {
		return "Local"
	}
	s, ok := locSpecs[l]
	if !ok {
		panic("unregistered location " + l.String())
	}
	return s
}

type TimeSpec struct {
	ID   string `json:"id,omitempty"`
	Unix int64  `json:"unix"`
	Nsec int    `json:"nsec"`
	Loc  string `json:"loc"`
}

func spec(id string, t time.Time) TimeSpec {
	return TimeSpec{id, t.Unix(), t.Nanosecond(), specOf(t.Location())}
}

// Result describes a time produced by Go (by parsing or arithmetic), in a way
// that does not require the location to be registered.
type Result struct {
	Unix    int64     `json:"unix"`
	Nsec    int       `json:"nsec"`
	String  string    `json:"string"`
	LocName string    `json:"loc_name"`
	Zone    [2]any    `json:"zone"`
	IsZero  bool      `json:"is_zero"`
	GoStr   string    `json:"gostring"`
	Spec    *TimeSpec `json:"spec,omitempty"`
}

func result(t time.Time) *Result {
	name, off := t.Zone()
	return &Result{t.Unix(), t.Nanosecond(), t.String(), t.Location().String(),
		[2]any{name, off}, t.IsZero(), t.GoString(), nil}
}

// BStr is a Go string that may hold any bytes: valid UTF-8 is written as a
// JSON string, anything else as {"b64": ...} so no byte is lost.
type BStr string

func (b BStr) MarshalJSON() ([]byte, error) {
	if utf8.ValidString(string(b)) {
		return json.Marshal(string(b))
	}
	return json.Marshal(map[string][]byte{"b64": []byte(b)})
}

// errString returns err's text, or "" for nil; panics are caught as "panic: ...".
func catch(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("panic: ", r)
		}
	}()
	f()
	return ""
}

// ---------------------------------------------------------------------------
// The times used throughout.

type namedTime struct {
	id string
	t  time.Time
}

func d(y int, m time.Month, day, h, mi, s, ns int, spec string) time.Time {
	return time.Date(y, m, day, h, mi, s, ns, loc(spec))
}

func catalogue() []namedTime {
	utc := "UTC"
	ny := "zone:America/New_York"
	return []namedTime{
		{"zero", time.Time{}},
		{"zero-minus-1ns", time.Time{}.Add(-1)},
		{"year1-end", d(1, 1, 1, 23, 59, 59, 999999999, utc)},
		{"zero-in-ny", time.Time{}.In(loc(ny))},
		{"zero-in-kolkata", time.Time{}.In(loc("zone:Asia/Kolkata"))},
		{"epoch", time.Unix(0, 0).UTC()},
		{"epoch-local", time.Unix(0, 0)},
		{"reference", d(2006, 1, 2, 15, 4, 5, 0, "fixed:-25200:MST")},
		{"reference-ns", d(2006, 1, 2, 15, 4, 5, 123456789, "fixed:-25200:MST")},
		{"leapday-2024", d(2024, 2, 29, 12, 0, 0, 1, utc)},
		{"leapday-2000-midnight", d(2000, 2, 29, 0, 0, 0, 0, utc)},
		{"y1900-03-01", d(1900, 3, 1, 0, 30, 0, 10, utc)},
		{"y9999-end", d(9999, 12, 31, 23, 59, 59, 999999999, utc)},
		{"y10000", d(10000, 1, 1, 0, 0, 0, 0, utc)},
		{"y0", d(0, 6, 15, 8, 9, 10, 100000, utc)},
		{"y-1", d(-1, 12, 31, 23, 0, 0, 0, utc)},
		{"y-100", d(-100, 3, 1, 13, 1, 2, 120000000, utc)},
		{"y-12345", d(-12345, 7, 4, 11, 59, 59, 500000000, utc)},
		{"y12345", d(12345, 10, 20, 1, 2, 3, 4, utc)},
		{"noon", d(2023, 7, 15, 12, 0, 0, 0, utc)},
		{"half-past-midnight", d(2023, 7, 15, 0, 30, 5, 5000000, utc)},
		{"before-midnight", d(2023, 12, 31, 23, 59, 59, 999000000, utc)},
		{"morning", d(2023, 1, 9, 9, 5, 7, 999999999, utc)},
		{"afternoon", d(2023, 11, 5, 13, 1, 2, 100, utc)},
		{"ny-winter", d(2024, 1, 15, 9, 30, 0, 0, ny)},
		{"ny-summer", d(2024, 7, 4, 18, 45, 30, 250000000, ny)},
		{"ny-before-spring", time.Unix(1710053999, 0).In(loc(ny))},
		{"ny-spring", time.Unix(1710054000, 0).In(loc(ny))},
		{"ny-before-fall", time.Unix(1730613599, 0).In(loc(ny))},
		{"ny-fall", time.Unix(1730613600, 0).In(loc(ny))},
		{"ny-2200", d(2200, 7, 1, 12, 0, 0, 0, ny)},
		{"ny-3000-winter", d(3000, 1, 1, 0, 0, 0, 0, ny)},
		{"ny-1800-lmt", d(1800, 1, 1, 0, 0, 0, 0, ny)},
		{"ny-1883-last-lmt", time.Unix(-2717650800-1, 0).In(loc(ny))},
		{"berlin-local-winter", d(2024, 12, 24, 18, 0, 0, 0, "Local")},
		{"berlin-local-summer", d(2024, 6, 21, 6, 7, 8, 9, "Local")},
		{"berlin-1893", d(1893, 3, 31, 23, 59, 59, 0, "zone:Europe/Berlin")},
		{"kolkata", d(2024, 5, 1, 10, 0, 0, 0, "zone:Asia/Kolkata")},
		{"kathmandu", d(2024, 5, 1, 10, 0, 0, 0, "zone:Asia/Kathmandu")},
		{"chatham-summer", d(2024, 1, 1, 0, 0, 0, 0, "zone:Pacific/Chatham")},
		{"chatham-winter", d(2024, 7, 1, 0, 0, 0, 0, "zone:Pacific/Chatham")},
		{"lord-howe-summer", d(2024, 1, 10, 3, 0, 0, 0, "zone:Australia/Lord_Howe")},
		{"lord-howe-winter", d(2024, 7, 10, 3, 0, 0, 0, "zone:Australia/Lord_Howe")},
		{"st-johns", d(2024, 2, 1, 12, 0, 0, 0, "zone:America/St_Johns")},
		{"sao-paulo", d(2024, 2, 1, 12, 0, 0, 0, "zone:America/Sao_Paulo")},
		{"sao-paulo-2015-dst", d(2015, 1, 1, 12, 0, 0, 0, "zone:America/Sao_Paulo")},
		{"dublin-winter", d(2024, 1, 1, 12, 0, 0, 0, "zone:Europe/Dublin")},
		{"dublin-summer", d(2024, 7, 1, 12, 0, 0, 0, "zone:Europe/Dublin")},
		{"london-summer", d(2024, 7, 1, 12, 0, 0, 0, "zone:Europe/London")},
		{"paris-1900-pmt", d(1900, 7, 1, 12, 0, 0, 0, "zone:Europe/Paris")},
		{"monrovia-1960", d(1960, 7, 1, 12, 0, 0, 0, "zone:Africa/Monrovia")},
		{"troll-summer", d(2024, 7, 1, 12, 0, 0, 0, "zone:Antarctica/Troll")},
		{"kiritimati", d(2024, 7, 1, 12, 0, 0, 0, "zone:Pacific/Kiritimati")},
		{"etc-gmt+12", d(2024, 7, 1, 12, 0, 0, 0, "zone:Etc/GMT+12")},
		{"tokyo", d(2024, 3, 3, 3, 3, 3, 3, "zone:Asia/Tokyo")},
		{"sydney-summer", d(2024, 1, 3, 3, 3, 3, 3, "zone:Australia/Sydney")},
		{"casablanca-ramadan", d(2024, 3, 20, 12, 0, 0, 0, "zone:Africa/Casablanca")},
		{"fixed-unnamed-0530", d(2024, 1, 2, 3, 4, 5, 0, "fixed:19800:")},
		{"fixed-unnamed-minus30s", d(2024, 1, 2, 3, 4, 5, 0, "fixed:-30:")},
		{"fixed-named", d(2024, 1, 2, 3, 4, 5, 0, "fixed:3600:XYZ")},
		{"fixed-seconds", d(2024, 1, 2, 3, 4, 5, 0, "fixed:19815:")},
		{"fixed-neg-seconds", d(2024, 1, 2, 3, 4, 5, 0, "fixed:-3723:")},
		{"fixed-100h", d(2024, 1, 2, 3, 4, 5, 0, "fixed:360000:")},
		{"fixed-minus-2days", d(2024, 1, 2, 3, 4, 5, 0, "fixed:-172800:")},
		{"fixed-utc-named", d(2024, 1, 2, 3, 4, 5, 0, "fixed:0:UTC")},
		{"fixed-unnamed-zero", d(2024, 1, 2, 3, 4, 5, 0, "fixed:0:")},
		{"fixed-24h", d(2024, 1, 2, 3, 4, 5, 0, "fixed:86400:")},
		{"fixed-unicode-name", d(2024, 1, 2, 3, 4, 5, 0, "fixed:7200:Zoné")},
		{"unix-2^40", time.Unix(1<<40, 0).UTC()},
		{"unix-minus-2^40", time.Unix(-1<<40, 0).UTC()},
		{"unix-2^62", time.Unix(1<<62, 7).UTC()},
		{"unix-minus-2^62", time.Unix(-1<<62, 7).UTC()},
		{"unix-maxint64", time.Unix(math.MaxInt64, 999999999).UTC()},
		{"unix-minint64", time.Unix(math.MinInt64, 0).UTC()},
		{"unix-maxint64-fixed", time.Unix(math.MaxInt64, 0).In(loc("fixed:3600:"))},
		{"now-ish", time.Unix(1764145000, 987654321).In(loc(ny))},
	}
}

// ---------------------------------------------------------------------------
// Format

var formatLayouts = []string{
	time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z,
	time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen,
	time.Stamp, time.StampMilli, time.StampMicro, time.StampNano, time.DateTime,
	time.DateOnly, time.TimeOnly,
	"2006 06", "01 1 Jan January", "02 2 _2", "002 __2", "15 03 3", "04 4", "05 5",
	"PM pm", "Mon Monday", "MST", "Z07:00", "Z0700", "Z07", "Z070000", "Z07:00:00",
	"-07:00:00", "-070000", "-0700", "-07:00", "-07",
	".0", ".00", ".000", ".000000", ".000000000", ".0000000000",
	".9", ".99", ".999", ".999999", ".999999999", ".9999999999",
	",000", ",999", "05.000", "05,999999", "5.9", "15:04:05.00000000000",
	"Month Monday Mon Jan January Janx", "Jan-Mon-MST", "_2006", "__2006", "_2_2 __2",
	"2006-01-02T15:04:05.000Z07:00", "2006-01-02 15:04:05.999999999 -0700 MST",
	"literal text: q!", "", "日付 2006年01月02日 15時", "0 00 07 08 09 10 11 12 13 16 17",
	"1:2:3:4:5:6", ".09", ".90", ".0a", "..000", "Z", "-", "PMpmPM", "MSTMST", "JANUARY jan",
	"2006-002", "06 002", "3PM 3pm 03AM", "15h04m05s", ".000000001", "T15:04:05.999Z07",
}

// ---------------------------------------------------------------------------
// Parse

type ParseCase struct {
	ID     string  `json:"id"`
	Func   string  `json:"func"`
	Layout BStr    `json:"layout"`
	Value  BStr    `json:"value"`
	Loc    string  `json:"loc,omitempty"`
	OK     *Result `json:"ok,omitempty"`
	Err    BStr    `json:"err,omitempty"`
}

func parseCases() []ParseCase {
	type pc struct{ layout, value string }
	var cases []ParseCase
	add := func(fn, l string, list []pc) {
		for _, c := range list {
			cases = append(cases, ParseCase{Func: fn, Layout: BStr(c.layout), Value: BStr(c.value), Loc: l})
		}
	}
	ok := []pc{
		{time.RFC3339, "2024-01-02T03:04:05Z"},
		{time.RFC3339, "2024-01-02T03:04:05+05:30"},
		{time.RFC3339, "2024-01-02T03:04:05-00:00"},
		{time.RFC3339, "2024-01-02T03:04:05+01:00"},
		{time.RFC3339, "2024-07-02T03:04:05+02:00"},
		{time.RFC3339, "2024-07-02T03:04:05+01:00"},
		{time.RFC3339, "2024-01-02T03:04:05.123456789Z"},
		{time.RFC3339, "2024-01-02T03:04:05.1234567891234Z"},
		{time.RFC3339, "2024-01-02T03:04:05,5Z"},
		{time.RFC3339, "2024-01-02t03:04:05Z"},
		{time.RFC3339, "2024-01-02T03:04:05z"},
		{time.RFC3339, "2024-01-02T03:04:05+24:00"},
		{time.RFC3339, "2024-01-02T03:04:05+23:59"},
		{time.RFC3339, "2024-01-02T3:04:05Z"},
		{time.RFC3339, "0000-01-01T00:00:00Z"},
		{time.RFC3339, "9999-12-31T23:59:59.999999999-23:59"},
		{time.RFC3339, "2024-02-30T00:00:00Z"},
		{time.RFC3339, "2024-01-02T03:04:60Z"},
		{time.RFC3339, "2024-01-02T03:04:05"},
		{time.RFC3339, "2024-01-02T03:04:05+0530"},
		{time.RFC3339, "2024-01-02T03:04:05.Z"},
		{time.RFC3339Nano, "2024-01-02T03:04:05.000000001+09:00"},
		{time.RFC3339Nano, "2024-01-02T03:04:05Z"},
		{time.RFC3339Nano, "2024-01-02T03:04:05.5"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 MST"},
		{time.RFC1123, "Tue, 09 Jan 2024 15:04:05 CET"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 CEST"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 CET"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 UTC"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 GMT"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 GMT+3"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 GMT-11"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 GMT+24"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 ChST"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 WITA"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 AEST"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 ABCDT"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 ABCD"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 ABCDEF"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 +03"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 -0330"},
		{time.RFC1123, "Tue, 09 Jul 2024 15:04:05 Xyz"},
		{time.RFC1123, "Tue, 9 Jul 2024 15:04:05 UTC"},
		{time.RFC1123Z, "Tue, 09 Jul 2024 15:04:05 +0200"},
		{time.RFC1123Z, "Tue, 09 Jul 2024 15:04:05 -0700"},
		{time.RFC822, "09 Jul 24 15:04 EDT"},
		{time.RFC822Z, "09 Jul 68 15:04 +0000"},
		{time.RFC822Z, "09 Jul 69 15:04 +0000"},
		{time.RFC850, "Tuesday, 09-Jul-24 15:04:05 UTC"},
		{time.RFC850, "Friday, 09-Jul-24 15:04:05 UTC"},
		{time.ANSIC, "Tue Jul  9 15:04:05 2024"},
		{time.ANSIC, "Tue Jul 19 15:04:05 2024"},
		{time.ANSIC, "Tue Jul 9 15:04:05 2024"},
		{time.UnixDate, "Tue Jul  9 15:04:05 PDT 2024"},
		{time.RubyDate, "Tue Jul 09 15:04:05 -0700 2024"},
		{time.Kitchen, "3:04PM"},
		{time.Kitchen, "12:00AM"},
		{time.Kitchen, "12:00PM"},
		{time.Kitchen, "11:59pm"},
		{time.Kitchen, "13:00PM"},
		{"3:04pm", "1:02am"},
		{"3:04pm", "1:02AM"},
		{time.Stamp, "Feb 29 15:04:05"},
		{time.StampMilli, "Jan  2 15:04:05.123"},
		{time.StampMicro, "Jan  2 15:04:05.123456"},
		{time.StampNano, "Jan  2 15:04:05.123456789"},
		{time.StampMilli, "Jan  2 15:04:05.12"},
		{time.StampMilli, "Jan  2 15:04:05.1234"},
		{time.DateTime, "2024-05-06 07:08:09"},
		{time.DateTime, "2024-05-06 07:08:09.987"},
		{time.DateTime, "2024-05-06 07:08:09,987654321987"},
		{time.DateTime, "2024-05-06   07:08:09"},
		{time.DateTime, "2024-05-06 7:08:09"},
		{time.DateTime, "2024-05-06 24:00:00"},
		{time.DateTime, "2024-05-06 23:60:00"},
		{time.DateTime, "2024-05-06 23:59:60"},
		{time.DateTime, "2024-05-06 23:59:59 "},
		{time.DateOnly, "2024-02-29"},
		{time.DateOnly, "2023-02-29"},
		{time.DateOnly, "2024-04-31"},
		{time.DateOnly, "2024-13-01"},
		{time.DateOnly, "2024-00-01"},
		{time.DateOnly, "2024-1-01"},
		{time.DateOnly, "24-01-01"},
		{time.DateOnly, "+024-01-01"},
		{time.DateOnly, "x"},
		{time.DateOnly, ""},
		{time.DateOnly, "2024-01-02x"},
		{time.DateOnly, "2024-01-00"},
		{time.TimeOnly, "15:04:05"},
		{time.TimeOnly, "15:04"},
		{"2006-01-02 15:04:05 -0700 MST", "2024-01-02 03:04:05 +0530 +0530"},
		{"2006-01-02 15:04:05 -0700 MST", "2024-01-02 03:04:05 +0100 CET"},
		{"2006-01-02 15:04:05 -0700 MST", "2024-01-02 03:04:05 +0200 CET"},
		{"2006-01-02 15:04:05 -0700 MST", "2024-01-02 03:04:05 -0500 EST"},
		{"2006-01-02 15:04:05.999999999 -0700 MST", "2024-01-02 03:04:05.5 +0000 UTC"},
		{"2006-01-02 15:04:05Z07:00:00", "2024-01-02 03:04:05-00:00:01"},
		{"2006-01-02 15:04:05Z07:00:00", "2024-01-02 03:04:05+01:02:03"},
		{"2006-01-02 15:04:05Z070000", "2024-01-02 03:04:05+010203"},
		{"2006-01-02 15:04:05Z07", "2024-01-02 03:04:05+01"},
		{"2006-01-02 15:04:05Z07", "2024-01-02 03:04:05Z"},
		{"2006-01-02 15:04:05-07", "2024-01-02 03:04:05Z"},
		{"2006-01-02 15:04:05-0700", "2024-01-02 03:04:05+2500"},
		{"2006-01-02 15:04:05-0700", "2024-01-02 03:04:05+0061"},
		{"2006-01-02 15:04:05-0700", "2024-01-02 03:04:05+0060"},
		{"2006-01-02 15:04:05-070000", "2024-01-02 03:04:05+000061"},
		{"2006-01-02 15:04:05-07:00", "2024-01-02 03:04:05+05-30"},
		{"2006-01-02 15:04:05-07:00", "2024-01-02 03:04:05*05:30"},
		{"2006-01-02 15:04:05-07:00", "2024-01-02 03:04:05+5:30"},
		{"2006-01-02 15:04:05-07:00", "2024-01-02 03:04:05+05:3"},
		{"2006-01-02 15:04:05.000", "2024-01-02 03:04:05.-12"},
		{"2006-01-02 15:04:05.000", "2024-01-02 03:04:05.+12"},
		{"2006-01-02 15:04:05.000", "2024-01-02 03:04:05,123"},
		{"2006-01-02 15:04:05.999", "2024-01-02 03:04:05"},
		{"2006-01-02 15:04:05.999", "2024-01-02 03:04:05.12345678912"},
		{"2006-01-02 15:04:05 .999", "2024-01-02 03:04:05 .5"},
		{"2006-01-02 15:04:05.0000000000", "2024-01-02 03:04:05.1234567891"},
		{"2006-01-02 3:04:05 PM", "2024-01-02 12:04:05 AM"},
		{"2006-01-02 3:04:05 PM", "2024-01-02 12:04:05 PM"},
		{"2006-01-02 3:04:05 PM", "2024-01-02 0:04:05 AM"},
		{"2006-01-02 03:04:05 PM", "2024-01-02 1:04:05 PM"},
		{"2006-01-02 3:04:05 PM", "2024-01-02 1:04:05 XM"},
		{"2006-01-02 3:04:05 PM", "2024-01-02 1:04:05 P"},
		{"2006-01-02 3:04:05 pm", "2024-01-02 1:04:05 PM"},
		{"Mon Jan 2 2006", "mon jan 2 2024"},
		{"Mon Jan 2 2006", "MON JAN 2 2024"},
		{"Mon Jan 2 2006", "Xyz Jan 2 2024"},
		{"Monday January 2 2006", "wednesday FEBRUARY 29 2024"},
		{"Monday January 2 2006", "Wed Feb 29 2024"},
		{"January 2 2006", "Septembre 2 2024"},
		{"2006 002", "2024 060"},
		{"2006 002", "2024 366"},
		{"2006 002", "2023 366"},
		{"2006 002", "2023 000"},
		{"2006 002", "2023 60"},
		{"2006 __2", "2023  60"},
		{"2006 __2", "2023   6"},
		{"2006 __2", "2023 365"},
		{"2006-01 002", "2024-02 060"},
		{"2006-01 002", "2024-03 060"},
		{"2006-01-02 002", "2024-03-01 061"},
		{"2006-01-02 002", "2024-03-02 061"},
		{"2006-01-_2", "2024-01- 5"},
		{"2006-01-_2", "2024-01-15"},
		{"2006-01-_2", "2024-01-5"},
		{"_2 Jan", " 5 Jan"},
		{"06 01", "+1 01"},
		{"06 01", "-1 01"},
		{"2006", "-123"},
		{"2006", "12345"},
		{"2006", "0000"},
		{"2006", "0001"},
		{"1/2/06", "2/29/24"},
		{"1/2/06", "12/31/99"},
		{"15h04m", "7h08m"},
		{"15h04m", "7h8m"},
		{"2006年01月02日", "2024年05月06日"},
		{"2006年01月02日", "２０２４年05月06日"},
		{"2006-01-02", "2024-01-02é"},
		{"2006-01-02 MST", "2024-01-02 ÉST"},
		{"Jan _2", "Ja"},
		{"2006 Jan", "2024 J\xc3"},
		{"2006-01-02", "2024-01-02\x00"},
		{"2006-01-02", "2024-01-02\"quoted\""},
		{"2006-01-02 \"Q\"", "2024-01-02 \"Q\""},
		{"", ""},
		{"", "x"},
		{"literal", "literal"},
		{"literal", "literax"},
		{"a  b", "a b"},
		{"a b", "a   b"},
		{"a b", "ab"},
		{"2006-01-02T15:04:05Z07:00 MST", "2024-01-02T03:04:05+01:00 CET"},
		{"2006-01-02T15:04:05Z07:00 MST", "2024-01-02T03:04:05+01:00 XYZ"},
		{"05.000", "07.123"},
		{"5 .000", "7 .123"},
		{"05", "07.123456"},
		{"05", "07,1"},
		{"05", "07."},
		{"05 .9", "07.123 .4"},
		{"15:04:05.9", "01:02:03.123456789123"},
		{"2006-01-02 15:04:05.000Z07:00", "2024-01-02 03:04:05.123Z"},
		{"MST", "UTC"},
		{"MST", "UT"},
		{"MST -0700", "EST -0500"},
		{"-0700 MST", "+0100 CET"},
		{"Z0700", "Z"},
		{"Z0700", "+0000"},
		{"Z0700", "-0000"},
		{"2006 Z07:00", "2024 +00:00"},
		{"2006-01-02", "2024-01-0"},
		{"2006-01-02", "2024-01"},
		{"Jan 2", "Foo 2"},
		{"15:04", "25:00"},
		{"3:04", "13:00"},
		{"3:04", "0:00"},
		{"15:04:05", "12:34:5x"},
		{"2006-01-02 MST", "2024-01-02 12"},
		{"2006-01-02 MST", "2024-01-02 A"},
		{"2006-01-02 -07", "2024-01-02 +1"},
		{"2006-01-02 -070000", "2024-01-02 +01000"},
		{"2006-01-02 -07:00:00", "2024-01-02 +01:00-00"},
		{".000", ".12"},
		{"05.000", "07.1x3"},
		{"002", "0"},
		{"__2", ""},
		{"Monday", "Mon"},
		{"pm", "AM"},
		{time.RFC3339, "2024-01-02T03:04:05+25:00"},
		{time.RFC3339, "2024-01-02T03:04:05+01:60"},
		{time.RFC3339, "2024-01-02T03:04:05+01:61"},
		{"06", "6"},
		{"2006", "20x6"},
	}
	add("Parse", "", ok)

	inLoc := []pc{
		{time.DateTime, "2024-03-10 02:30:00"},
		{time.DateTime, "2024-11-03 01:30:00"},
		{time.DateTime, "2024-07-04 12:00:00"},
		{time.RFC1123, "Thu, 04 Jul 2024 12:00:00 EDT"},
		{time.RFC1123, "Thu, 04 Jul 2024 12:00:00 EST"},
		{time.RFC1123, "Thu, 04 Jan 2024 12:00:00 EDT"},
		{time.RFC1123, "Thu, 04 Jan 2024 12:00:00 CET"},
		{time.RFC3339, "2024-07-04T12:00:00-04:00"},
		{time.RFC3339, "2024-07-04T12:00:00-05:00"},
		{time.RFC3339, "2024-07-04T12:00:00Z"},
		{time.RFC3339, "2024-07-04T12:00:00"},
		{time.RFC1123Z, "Thu, 04 Jul 2024 12:00:00 -0400"},
		{time.Kitchen, "3:04PM"},
		{"2006-01-02 15:04:05 -0700 MST", "1800-01-01 00:00:00 -0456 LMT"},
		{"2006-01-02 15:04:05 -070000 MST", "1800-01-01 00:00:00 -045602 LMT"},
	}
	add("ParseInLocation", "zone:America/New_York", inLoc)
	add("ParseInLocation", "UTC", []pc{
		{time.RFC1123, "Thu, 04 Jul 2024 12:00:00 UTC"},
		{time.RFC1123, "Thu, 04 Jul 2024 12:00:00 GMT"},
		{time.RFC3339, "2024-07-04T12:00:00+00:00"},
		{time.RFC3339, "2024-07-04T12:00:00+01:00"},
		{"2006-01-02 15:04:05 -0700", "2024-07-04 12:00:00 +0000"},
	})
	add("ParseInLocation", "zone:Australia/Lord_Howe", []pc{
		{time.DateTime, "2024-10-06 02:15:00"},
		{time.DateTime, "2024-04-07 01:45:00"},
		{time.RFC1123, "Sun, 07 Jan 2024 12:00:00 +1030"},
		{time.RFC1123Z, "Sun, 07 Jan 2024 12:00:00 +1100"},
	})
	add("ParseInLocation", "zone:Asia/Kolkata", []pc{
		{time.RFC3339, "2024-07-04T12:00:00+05:30"},
		{time.RFC1123, "Thu, 04 Jul 2024 12:00:00 IST"},
		{time.DateTime, "1941-10-01 00:00:00"},
	})
	add("ParseInLocation", "fixed:-12600:", []pc{
		{time.RFC3339, "2024-07-04T12:00:00-03:30"},
		{time.DateTime, "2024-07-04 12:00:00"},
	})
	for i := range cases {
		c := &cases[i]
		c.ID = fmt.Sprintf("%03d", i)
		var t time.Time
		var err error
		if c.Func == "Parse" {
			t, err = time.Parse(string(c.Layout), string(c.Value))
		} else {
			t, err = time.ParseInLocation(string(c.Layout), string(c.Value), loc(c.Loc))
		}
		if err != nil {
			c.Err = BStr(err.Error())
		} else {
			c.OK = result(t)
		}
	}
	return cases
}

// ---------------------------------------------------------------------------
// Durations

func durationValues() []int64 {
	vals := []int64{
		0, 1, -1, 9, 10, 99, 100, 999, 1000, 1001, 1010, 1100, 1500, 9999, 99999, 999999,
		1000000, 1000001, 1500000, 1234567, 999999999, 1000000000, 1000000001, 1500000000,
		59999999999, 60000000000, 61000000000, 90000000000, 3599999999999, 3600000000000,
		3600000000001, 3661500000000, 23400500000000, 86400000000000, 604800000000000,
		-1000, -1001, -1500000, -1000000000, -3661500000000, -999999999,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1,
		1 << 32, 1 << 53, 1<<53 + 1, -(1 << 53) - 1, 1 << 62, -1 << 62,
		123456789012345678, -123456789012345678, 4000000000000000000,
	}
	// A deterministic pseudo-random sweep over many magnitudes.
	x := uint64(0x9E3779B97F4A7C15)
	for i := 0; i < 60; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		v := int64(x >> (uint(i) % 62))
		if i%3 == 0 {
			v = -v
		}
		vals = append(vals, v)
	}
	return vals
}

type DurationCase struct {
	D       int64   `json:"d"`
	String  string  `json:"string"`
	Seconds float64 `json:"seconds"`
	Minutes float64 `json:"minutes"`
	Hours   float64 `json:"hours"`
	Ms      int64   `json:"ms"`
	Us      int64   `json:"us"`
	Abs     int64   `json:"abs"`
}

type DurationRoundCase struct {
	D        int64 `json:"d"`
	M        int64 `json:"m"`
	Round    int64 `json:"round"`
	Truncate int64 `json:"truncate"`
}

type ParseDurationCase struct {
	In  BStr   `json:"in"`
	Out *int64 `json:"out,omitempty"`
	Err BStr   `json:"err,omitempty"`
}

var parseDurationInputs = []string{
	"0", "+0", "-0", "", "+", "-", "0s", "1s", "-1s", "+1s", "1.5h", "-1.5h", "2h45m",
	"300ms", "1µs", "1μs", "1us", "1ns", "1.000000001s", "1.0000000001s", ".5s", "5.s",
	".s", "-.s", ".", "1", "1y", "1d", "1h1", "1hh", "1h 1m", " 1h", "1H", "1e3s",
	"9223372036854775807ns", "9223372036854775808ns", "-9223372036854775808ns",
	"-9223372036854775809ns", "2562047h47m16.854775807s", "2562047h47m16.854775808s",
	"-2562047h47m16.854775808s", "2562048h", "9223372036854775808ns9223372036854775808ns",
	"0.123456789123456789123456789s", "1.123456789123456789123456789h",
	"10000000000000000000000ns", "0.3333333333333333333h", "3.000000001h",
	"1h2m3s4ms5us6ns", "1m60s", "100h", "0.1ms", "0.0000001s", "1.5µ", "1µ", "x", "1x",
	"1\xffs", "1é", "1\"s", "-1h-1m", "1h-1m", "1..5s", "1.5.5s", "00001s", "1_000s",
	"-0.5s", "0x10s", "٣s", "1.9999999999ns", "0.9ns",
}

// ---------------------------------------------------------------------------
// Arithmetic

type AddCase struct {
	T   int     `json:"t"`
	D   int64   `json:"d"`
	Out *Result `json:"out"`
}

type SubCase struct {
	T, U    int    `json:"-"`
	Pair    [2]int `json:"pair"`
	Sub     int64  `json:"sub"`
	Before  bool   `json:"before"`
	After   bool   `json:"after"`
	Equal   bool   `json:"equal"`
	Compare int    `json:"compare"`
}

type AddDateCase struct {
	T   int     `json:"t"`
	YMD [3]int  `json:"ymd"`
	Out *Result `json:"out"`
}

type RoundCase struct {
	T        int     `json:"t"`
	D        int64   `json:"d"`
	Truncate *Result `json:"truncate"`
	Round    *Result `json:"round"`
}

type DateCase struct {
	Args [7]int  `json:"args"`
	Loc  string  `json:"loc"`
	Out  *Result `json:"out"`
}

type UnixCase struct {
	Sec  int64   `json:"sec"`
	Nsec int64   `json:"nsec"`
	Out  *Result `json:"out"`
}

type FieldCase struct {
	T             int     `json:"t"`
	Year          int     `json:"year"`
	Month         int     `json:"month"`
	Day           int     `json:"day"`
	Hour          int     `json:"hour"`
	Minute        int     `json:"minute"`
	Second        int     `json:"second"`
	Nanosecond    int     `json:"nanosecond"`
	Weekday       int     `json:"weekday"`
	YearDay       int     `json:"yearday"`
	ISOWeek       [2]int  `json:"isoweek"`
	Zone          [2]any  `json:"zone"`
	IsDST         bool    `json:"isdst"`
	Unix          int64   `json:"unix"`
	UnixMilli     int64   `json:"unixmilli"`
	UnixMicro     int64   `json:"unixmicro"`
	UnixNano      int64   `json:"unixnano"`
	String        string  `json:"string"`
	GoString      string  `json:"gostring"`
	Location      string  `json:"location"`
	IsZero        bool    `json:"iszero"`
	MonthString   string  `json:"month_string"`
	WeekdayString string  `json:"weekday_string"`
	MarshalText   *string `json:"marshal_text"`
	MarshalJSON   *string `json:"marshal_json"`
	MarshalErr    string  `json:"marshal_err,omitempty"`
	JSONErr       string  `json:"json_err,omitempty"`
	UnmarshalBack *Result `json:"unmarshal_back,omitempty"`
}

type LoadCase struct {
	Name   BStr   `json:"name"`
	String string `json:"string,omitempty"`
	Sample string `json:"sample,omitempty"`
	Err    BStr   `json:"err,omitempty"`
}

type MonthCase struct {
	N       int64  `json:"n"`
	Month   string `json:"month"`
	Weekday string `json:"weekday"`
}

// ---------------------------------------------------------------------------
// Local probes: run in a child process per TZ value.

type LocalProbe struct {
	TZ      *string  `json:"tz"`
	Name    string   `json:"name"`
	Unix    string   `json:"unix_string"`
	Date    string   `json:"date_string"`
	GoStr   string   `json:"gostring"`
	Parses  []string `json:"parses"`
	Layouts []string `json:"-"`
}

var probeParses = [][2]string{
	{time.RFC3339, "2024-01-02T03:04:05+01:00"},
	{time.RFC3339, "2024-01-02T03:04:05-05:00"},
	{time.RFC3339, "2024-01-02T03:04:05+09:00"},
	{time.RFC3339, "2024-01-02T03:04:05+00:00"},
	{time.RFC1123, "Tue, 02 Jan 2024 03:04:05 CET"},
	{time.RFC1123, "Tue, 02 Jan 2024 03:04:05 EST"},
	{time.RFC1123, "Tue, 02 Jan 2024 03:04:05 JST"},
	{time.RFC1123, "Tue, 02 Jan 2024 03:04:05 UTC"},
}

func probe() LocalProbe {
	var tzp *string
	if tz, ok := os.LookupEnv("TZ"); ok {
		tzp = &tz
	}
	p := LocalProbe{
		TZ:    tzp,
		Name:  time.Local.String(),
		Unix:  time.Unix(1700000000, 5).String(),
		Date:  time.Date(2024, 7, 1, 12, 0, 0, 0, time.Local).String(),
		GoStr: time.Unix(1700000000, 5).GoString(),
	}
	for _, c := range probeParses {
		t, err := time.Parse(c[0], c[1])
		if err != nil {
			p.Parses = append(p.Parses, "error: "+err.Error())
		} else {
			p.Parses = append(p.Parses, t.String()+" | "+t.Location().String())
		}
	}
	return p
}

var probeTZs = []*string{
	nil, ptr(""), ptr("UTC"), ptr("Europe/Berlin"), ptr(":Europe/Berlin"),
	ptr("America/New_York"), ptr("/usr/share/zoneinfo/Asia/Tokyo"),
	ptr(":/usr/share/zoneinfo/Asia/Tokyo"), ptr("/etc/localtime"), ptr("Foo/Bar"),
	ptr(":"), ptr("Asia/Kolkata"), ptr("/nonexistent/zone"), ptr("Etc/GMT-14"),
}

func ptr(s string) *string { return &s }

func runProbes() []LocalProbe {
	self, err := os.Executable()
	if err != nil {
		panic(err)
	}
	var out []LocalProbe
	for _, tz := range probeTZs {
		cmd := exec.Command(self, "-probe")
		var env []string
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "TZ=") && !strings.HasPrefix(kv, "ZONEINFO=") {
				env = append(env, kv)
			}
		}
		if tz != nil {
			env = append(env, "TZ="+*tz)
		}
		if zi := os.Getenv("ZONEINFO"); zi != "" {
			env = append(env, "ZONEINFO="+zi)
		}
		cmd.Env = env
		cmd.Stderr = os.Stderr
		b, err := cmd.Output()
		if err != nil {
			panic(err)
		}
		var p LocalProbe
		if err := json.Unmarshal(b, &p); err != nil {
			panic(err)
		}
		out = append(out, p)
	}
	return out
}

// ---------------------------------------------------------------------------

type Table struct {
	Meta           map[string]string   `json:"meta"`
	Times          []TimeSpec          `json:"times"`
	FormatLayouts  []string            `json:"format_layouts"`
	Format         [][]string          `json:"format"`
	Fields         []FieldCase         `json:"fields"`
	Parse          []ParseCase         `json:"parse"`
	Durations      []DurationCase      `json:"durations"`
	DurationRounds []DurationRoundCase `json:"duration_rounds"`
	ParseDuration  []ParseDurationCase `json:"parse_duration"`
	Add            []AddCase           `json:"add"`
	Sub            []SubCase           `json:"sub"`
	AddDate        []AddDateCase       `json:"add_date"`
	Round          []RoundCase         `json:"round"`
	Date           []DateCase          `json:"date"`
	Unix           []UnixCase          `json:"unix"`
	LoadLocation   []LoadCase          `json:"load_location"`
	Months         []MonthCase         `json:"months"`
	Local          []LocalProbe        `json:"local"`
	Panics         map[string]string   `json:"panics"`
}

func build() Table {
	var tb Table
	tb.Meta = map[string]string{
		"go_version": runtime.Version(),
		"local_tz":   mainTZ,
		"generator":  "tests/data/gotime_gen/gen_gotime_cases.go",
	}
	cat := catalogue()
	for _, nt := range cat {
		tb.Times = append(tb.Times, spec(nt.id, nt.t))
	}

	// Format: every layout against every time.
	tb.FormatLayouts = formatLayouts
	for _, nt := range cat {
		row := make([]string, len(formatLayouts))
		for j, l := range formatLayouts {
			row[j] = nt.t.Format(l)
		}
		tb.Format = append(tb.Format, row)
	}

	// Calendar fields, zones, Unix values, marshalling.
	for i, nt := range cat {
		t := nt.t
		y, w := t.ISOWeek()
		name, off := t.Zone()
		f := FieldCase{
			T: i, Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Hour: t.Hour(),
			Minute: t.Minute(), Second: t.Second(), Nanosecond: t.Nanosecond(),
			Weekday: int(t.Weekday()), YearDay: t.YearDay(), ISOWeek: [2]int{y, w},
			Zone: [2]any{name, off}, IsDST: t.IsDST(), Unix: t.Unix(),
			UnixMilli: t.UnixMilli(), UnixMicro: t.UnixMicro(), UnixNano: t.UnixNano(),
			String: t.String(), GoString: t.GoString(), Location: t.Location().String(),
			IsZero: t.IsZero(), MonthString: t.Month().String(),
			WeekdayString: t.Weekday().String(),
		}
		if b, err := t.MarshalText(); err != nil {
			f.MarshalErr = err.Error()
		} else {
			s := string(b)
			f.MarshalText = &s
			var back time.Time
			if err := back.UnmarshalText(b); err != nil {
				panic(err)
			}
			f.UnmarshalBack = result(back)
		}
		if b, err := t.MarshalJSON(); err != nil {
			f.JSONErr = err.Error()
		} else {
			s := string(b)
			f.MarshalJSON = &s
		}
		tb.Fields = append(tb.Fields, f)
	}

	tb.Parse = parseCases()

	// Durations.
	for _, v := range durationValues() {
		dd := time.Duration(v)
		tb.Durations = append(tb.Durations, DurationCase{v, dd.String(), dd.Seconds(),
			dd.Minutes(), dd.Hours(), dd.Milliseconds(), dd.Microseconds(), int64(dd.Abs())})
	}
	ms := []int64{-1, 0, 1, 2, 3, 7, 1000, 1500, 1000000, 1000000000, 60000000000,
		3600000000000, 86400000000000, math.MaxInt64, 1 << 62}
	for _, v := range durationValues() {
		for _, m := range ms {
			dd := time.Duration(v)
			tb.DurationRounds = append(tb.DurationRounds, DurationRoundCase{v, m,
				int64(dd.Round(time.Duration(m))), int64(dd.Truncate(time.Duration(m)))})
		}
	}
	for _, s := range parseDurationInputs {
		c := ParseDurationCase{In: BStr(s)}
		if v, err := time.ParseDuration(s); err != nil {
			c.Err = BStr(err.Error())
		} else {
			n := int64(v)
			c.Out = &n
		}
		tb.ParseDuration = append(tb.ParseDuration, c)
	}

	// Arithmetic on a subset of times.
	addTimes := []int{}
	for i, nt := range cat {
		switch nt.id {
		case "zero", "year1-end", "epoch", "reference-ns", "leapday-2024", "y9999-end",
			"y-100", "ny-before-spring", "ny-before-fall", "lord-howe-summer",
			"fixed-neg-seconds", "unix-maxint64", "unix-minint64", "unix-2^62",
			"berlin-local-summer", "y0":
			addTimes = append(addTimes, i)
		}
	}
	addDurs := []int64{0, 1, -1, 999999999, -999999999, 1000000000, -1000000000,
		1500000000, 3600000000000, -3600000000000, 86400000000000, math.MaxInt64,
		math.MinInt64, 1<<62 + 12345, -(1<<62 + 12345)}
	for _, i := range addTimes {
		for _, dv := range addDurs {
			tb.Add = append(tb.Add, AddCase{i, dv, result(cat[i].t.Add(time.Duration(dv)))})
		}
	}
	for _, i := range addTimes {
		for _, j := range addTimes {
			t, u := cat[i].t, cat[j].t
			tb.Sub = append(tb.Sub, SubCase{Pair: [2]int{i, j}, Sub: int64(t.Sub(u)),
				Before: t.Before(u), After: t.After(u), Equal: t.Equal(u), Compare: t.Compare(u)})
		}
	}
	ymds := [][3]int{{0, 0, 0}, {1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1},
		{0, 0, -1}, {0, 1, 30}, {4, 0, 0}, {-2000, 0, 0}, {0, 13, 0}, {0, -13, 0},
		{0, 0, 366}, {0, 0, -100000}, {100000, 0, 0}, {1, 1, 1}, {-1, -1, -1},
		{math.MaxInt32, 0, 0}, {0, math.MaxInt32, 0}, {0, 0, math.MaxInt32}}
	for _, i := range addTimes {
		for _, ymd := range ymds {
			tb.AddDate = append(tb.AddDate, AddDateCase{i, ymd,
				result(cat[i].t.AddDate(ymd[0], ymd[1], ymd[2]))})
		}
	}
	roundDurs := []int64{-1, 0, 1, 2, 3, 7, 1000, 1000000, 250000000, 1000000000,
		1500000000, 60000000000, 3600000000000, 5400000000000, 86400000000000,
		604800000000000, 7919 * 1000003, math.MaxInt64}
	for _, i := range addTimes {
		for _, dv := range roundDurs {
			t := cat[i].t
			tb.Round = append(tb.Round, RoundCase{i, dv,
				result(t.Truncate(time.Duration(dv))), result(t.Round(time.Duration(dv)))})
		}
	}

	// time.Date normalisation, gaps and overlaps.
	dates := []struct {
		a   [7]int
		loc string
	}{
		{[7]int{2024, 13, 32, 25, 61, 61, 2000000000}, "UTC"},
		{[7]int{2024, 0, 0, 0, 0, 0, 0}, "UTC"},
		{[7]int{2024, -1, -1, -1, -1, -1, -1}, "UTC"},
		{[7]int{2023, 2, 29, 0, 0, 0, 0}, "UTC"},
		{[7]int{2024, 1, 1, 0, 0, 0, -1}, "UTC"},
		{[7]int{2024, 1, 1, 0, 0, -86400 * 366, 0}, "UTC"},
		{[7]int{1, 1, 1, 0, 0, 0, 0}, "UTC"},
		{[7]int{0, 0, 0, 0, 0, 0, 0}, "UTC"},
		{[7]int{-5, 14, 400, 0, 0, 0, 0}, "UTC"},
		{[7]int{2024, 3, 10, 2, 30, 0, 0}, "zone:America/New_York"},
		{[7]int{2024, 11, 3, 1, 30, 0, 0}, "zone:America/New_York"},
		{[7]int{2024, 3, 31, 2, 30, 0, 0}, "Local"},
		{[7]int{2024, 10, 27, 2, 30, 0, 0}, "Local"},
		{[7]int{2024, 10, 6, 2, 15, 0, 0}, "zone:Australia/Lord_Howe"},
		{[7]int{2024, 4, 7, 1, 45, 0, 0}, "zone:Australia/Lord_Howe"},
		{[7]int{2011, 12, 30, 12, 0, 0, 0}, "zone:Pacific/Apia"},
		{[7]int{2300, 3, 12, 2, 30, 0, 0}, "zone:America/New_York"},
		{[7]int{1883, 11, 18, 12, 0, 0, 0}, "zone:America/New_York"},
		{[7]int{1800, 1, 1, 0, 0, 0, 0}, "zone:Europe/Paris"},
		{[7]int{2024, 6, 15, 12, 0, 0, 0}, "fixed:-30:"},
		{[7]int{292277026596, 12, 4, 15, 30, 7, 0}, "UTC"},
		{[7]int{-292277022399, 1, 1, 0, 0, 0, 0}, "UTC"},
		{[7]int{math.MaxInt64, 1, 1, 0, 0, 0, 0}, "UTC"},
		{[7]int{2024, math.MaxInt64, 1, 0, 0, 0, 0}, "UTC"},
		{[7]int{2024, 1, math.MinInt64, 0, 0, 0, 0}, "UTC"},
		{[7]int{2024, 1, 1, 0, 0, 0, math.MinInt64}, "UTC"},
		{[7]int{2024, 1, 1, math.MaxInt64, math.MaxInt64, math.MaxInt64, math.MaxInt64}, "UTC"},
	}
	for _, dc := range dates {
		a := dc.a
		t := time.Date(a[0], time.Month(a[1]), a[2], a[3], a[4], a[5], a[6], loc(dc.loc))
		tb.Date = append(tb.Date, DateCase{a, dc.loc, result(t)})
	}
	unixes := [][2]int64{{0, 0}, {0, -1}, {0, 1e9}, {0, -1e9 - 1}, {1700000000, 1500000000},
		{-1, 999999999}, {1, -1}, {math.MaxInt64, 0}, {math.MinInt64, 0},
		{0, math.MaxInt64}, {0, math.MinInt64}, {-62135596800, 0}, {253402300799, 999999999}}
	for _, u := range unixes {
		tb.Unix = append(tb.Unix, UnixCase{u[0], u[1], result(time.Unix(u[0], u[1]))})
	}

	// LoadLocation.
	names := []string{"", "UTC", "Local", "utc", "Etc/UTC", "GMT", "America/New_York",
		"Europe/Berlin", "Asia/Kolkata", "America/Sao_Paulo", "Etc/GMT+5", "EST5EDT",
		"US/Pacific", "Foo/Bar", "America", "UTC/x", "zone.tab", "../etc/passwd",
		"/etc/localtime", "\\x", "a\x00b", "America/../UTC", ".", "./UTC", "America/New_York/",
		"America//New_York", strings.Repeat("x", 300)}
	for _, n := range names {
		c := LoadCase{Name: BStr(n)}
		if l, err := time.LoadLocation(n); err != nil {
			c.Err = BStr(err.Error())
		} else {
			c.String = l.String()
			c.Sample = time.Date(2024, 7, 1, 12, 0, 0, 0, l).String() + " / " +
				time.Date(2024, 1, 1, 12, 0, 0, 0, l).String()
		}
		tb.LoadLocation = append(tb.LoadLocation, c)
	}

	for _, n := range []int64{-1, 0, 1, 6, 7, 11, 12, 13, 100, math.MaxInt64, math.MinInt64} {
		tb.Months = append(tb.Months, MonthCase{n, time.Month(n).String(), time.Weekday(n).String()})
	}

	tb.Panics = map[string]string{
		"In(nil)":   catch(func() { time.Now().In(nil) }),
		"Date(nil)": catch(func() { time.Date(2024, 1, 1, 0, 0, 0, 0, nil) }),
	}

	tb.Local = runProbes()
	return tb
}

func main() {
	out := flag.String("o", "", "output file (default stdout)")
	probeMode := flag.Bool("probe", false, "internal: print Local probe")
	flag.Parse()

	if *probeMode {
		b, err := json.Marshal(probe())
		if err != nil {
			panic(err)
		}
		os.Stdout.Write(b)
		return
	}
	// GOTIME_GEN_ZONEINFO lets a maintainer check that the table does not depend
	// on which copy of the tz database is read (e.g. "fat" system files versus the
	// "slim" files of the Python tzdata package): the output must not change.
	wantZI := os.Getenv("GOTIME_GEN_ZONEINFO")
	if os.Getenv("TZ") != mainTZ || os.Getenv("ZONEINFO") != wantZI {
		// Re-run with a fixed Local so the table does not depend on the host.
		self, err := os.Executable()
		if err != nil {
			panic(err)
		}
		cmd := exec.Command(self, os.Args[1:]...)
		var env []string
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "TZ=") && !strings.HasPrefix(kv, "ZONEINFO=") {
				env = append(env, kv)
			}
		}
		env = append(env, "TZ="+mainTZ)
		if wantZI != "" {
			env = append(env, "ZONEINFO="+wantZI)
		}
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			os.Exit(1)
		}
		return
	}

	tb := build()
	b, err := json.MarshalIndent(tb, "", " ")
	if err != nil {
		panic(err)
	}
	// encoding/json writes invalid UTF-8 as \ufffd; every such string must be a BStr.
	if strings.Contains(string(b), `\ufffd`) {
		panic("invalid UTF-8 reached a plain string field")
	}
	b = append(b, '\n')
	if *out == "" {
		os.Stdout.Write(b)
		return
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		panic(err)
	}
}
