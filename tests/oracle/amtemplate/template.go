// Package template is a model of Prometheus Alertmanager 0.34's template
// package, written for this test oracle from upstream's source (read at tag
// v0.34.0: template/template.go, alert/alert.go, notify/util.go) and from
// observed behaviour; no Alertmanager code is copied. What must match is what
// a template can see: type names (%T), field order and JSON names, method
// sets, function signatures (text/template's argument errors quote them),
// each function's results and error texts, and how a config field's text is
// executed (bundle.go).
//
// The package is named "template" because %T shows it (template.Data,
// *template.Data, template.KV, ...). Only the standard library is available,
// so title and humanizeDuration, which Alertmanager takes from other modules,
// are modelled in title.go and humanize.go, and the label fingerprint of
// prometheus/common in data.go.
//
// Modelled: the data model (Data with NotificationReason and RouteLabels and
// the unexported routeLabelsRendered flag, Alert, Alerts, KV, Pairs, Pair,
// Strings), every function of DefaultFuncs (routeLabels included, as the
// placeholder upstream registers), Template.Data (data.go) and the text/html
// template bundle with its per-render routeLabels (bundle.go).
package template

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	tmplhtml "html/template"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
)

// FuncMap matches upstream's own map type; callers convert it to
// text/template.FuncMap.
type FuncMap map[string]any

// DefaultFuncs holds every function upstream registers. Argument and result
// types follow upstream exactly because text/template's argument checking
// (and therefore its error messages) depends on them.
var DefaultFuncs = FuncMap{
	"toUpper":   strings.ToUpper,
	"toLower":   strings.ToLower,
	"title":     title,
	"trimSpace": strings.TrimSpace,
	// Upstream flips strings.Join's argument order so it can end a pipeline.
	"join": func(sep string, s []string) string {
		return strings.Join(s, sep)
	},
	"match": regexp.MatchString,
	"safeHtml": func(text string) tmplhtml.HTML {
		return tmplhtml.HTML(text)
	},
	"safeUrl": func(text string) tmplhtml.URL {
		return tmplhtml.URL(text)
	},
	"urlUnescape": url.QueryUnescape,
	// A bad pattern panics on purpose (as upstream does); text/template turns
	// the panic into an "error calling reReplaceAll: ..." execution error.
	"reReplaceAll": func(pattern, repl, text string) string {
		return regexp.MustCompile(pattern).ReplaceAllString(text, repl)
	},
	"stringSlice": func(s ...string) []string {
		return s
	},
	// Only a stand-in so that templates calling it parse: every execution of
	// a config field's text replaces it (see Bundle.execute).
	"routeLabels": func(name string) (string, error) {
		return "", nil
	},
	"date": func(layout string, t time.Time) string {
		return t.Format(layout)
	},
	"tz":               inZone,
	"now":              time.Now,
	"since":            time.Since,
	"humanizeDuration": HumanizeDuration,
	// toDate swallows parse errors and yields the zero time; mustToDate
	// surfaces them. Both parse in UTC, not in the local zone.
	"toDate": func(layout, s string) time.Time {
		t, _ := time.ParseInLocation(layout, s, time.UTC)
		return t
	},
	"mustToDate": func(layout, s string) (time.Time, error) {
		return time.ParseInLocation(layout, s, time.UTC)
	},
	"toJson": marshalJSON,
	// Both base64 functions use base64.URLEncoding ("-" and "_", padded).
	"base64encode": func(text string) string {
		return base64.URLEncoding.EncodeToString([]byte(text))
	},
	"base64decode": decodeBase64URL,
	"list":         makeList,
	"append": func(slice []any, args ...any) []any {
		return append(slice, args...)
	},
	"dict": makeDict,
}

// inZone is tz: the time t seen from the named location, or the zero time
// and LoadLocation's error.
func inZone(name string, t time.Time) (time.Time, error) {
	loc, err := time.LoadLocation(name)
	if err == nil {
		return t.In(loc), nil
	}
	return time.Time{}, err
}

// marshalJSON is toJson: encoding/json's bytes as a string.
func marshalJSON(v any) (text string, err error) {
	var encoded []byte
	if encoded, err = json.Marshal(v); err == nil {
		text = string(encoded)
	}
	return text, err
}

// decodeBase64URL is base64decode; a malformed input yields no text, only
// the decoder's error.
func decodeBase64URL(text string) (string, error) {
	raw, err := base64.URLEncoding.DecodeString(text)
	if err != nil {
		raw = nil
	}
	return string(raw), err
}

// makeList is list. Its result is never a nil slice, so even "list" with no
// arguments prints and encodes as an empty list.
func makeList(items ...any) ([]any, error) {
	if len(items) == 0 {
		return []any{}, nil
	}
	return items, nil
}

// makeDict is dict: arguments alternate string key and value; a later
// duplicate key wins.
func makeDict(kvs ...any) (map[string]any, error) {
	if len(kvs)%2 == 1 {
		return nil, errors.New("dict requires an even number of arguments")
	}
	m := map[string]any{}
	for rest := kvs; len(rest) > 0; rest = rest[2:] {
		name, isString := rest[0].(string)
		if !isString {
			return nil, errors.New("dict keys must be strings")
		}
		m[name] = rest[1]
	}
	return m, nil
}

// Pair is one label or annotation: prints as {Name Value}.
type Pair struct {
	Name, Value string
}

// Pairs is what SortedPairs returns: an ordered slice of Pair with its own
// methods and String form.
type Pairs []Pair

// Strings is the named slice Names/Values return; its Join method lets a
// template write {{ .Labels.Values.Join ", " }}.
type Strings []string

// Join concatenates the strings with sep between them.
func (s Strings) Join(sep string) string {
	return strings.Join(s, sep)
}

// Names lists each pair's Name, in order; never nil.
func (ps Pairs) Names() Strings {
	names := make(Strings, len(ps))
	for i := range ps {
		names[i] = ps[i].Name
	}
	return names
}

// Values lists each pair's Value, in order; never nil.
func (ps Pairs) Values() Strings {
	values := make(Strings, len(ps))
	for i := range ps {
		values[i] = ps[i].Value
	}
	return values
}

// String renders "a=1, b=2"; without it templates would print Go's struct
// slice syntax.
func (ps Pairs) String() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(p.Value)
	}
	return b.String()
}

// KV holds the labels or the annotations of an alert or a group, by name.
type KV map[string]string

// alertNameLabel is pinned first by SortedPairs, as in upstream
// (model.AlertNameLabel).
const alertNameLabel = "alertname"

// SortedPairs returns the pairs sorted by name, with "alertname" first.
func (kv KV) SortedPairs() Pairs {
	keys := make([]string, 0, len(kv))
	hasAlertName := false
	for k := range kv {
		if k == alertNameLabel {
			hasAlertName = true
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pairs := make(Pairs, 0, len(kv))
	if hasAlertName {
		pairs = append(pairs, Pair{alertNameLabel, kv[alertNameLabel]})
	}
	for _, k := range keys {
		pairs = append(pairs, Pair{k, kv[k]})
	}
	return pairs
}

// Remove copies kv, leaves the named entries out of the copy and returns it
// (a non-nil map even when kv is nil); kv itself is not changed.
func (kv KV) Remove(keys []string) KV {
	rest := make(KV, len(kv))
	for name, value := range kv {
		rest[name] = value
	}
	for _, name := range keys {
		delete(rest, name)
	}
	return rest
}

// Names returns the sorted label names.
func (kv KV) Names() Strings {
	return kv.SortedPairs().Names()
}

// Values returns the values in sorted-name order.
func (kv KV) Values() Strings {
	return kv.SortedPairs().Values()
}

// String renders the sorted pairs, e.g. "alertname=X, job=y".
func (kv KV) String() string {
	return kv.SortedPairs().String()
}

// Data is the value notification templates are executed with, in upstream's
// field order (it shows when a template prints the struct, unexported field
// included).
type Data struct {
	Receiver           string `json:"receiver"`
	Status             string `json:"status"`
	Alerts             Alerts `json:"alerts"`
	NotificationReason string `json:"notification_reason"`
	GroupLabels        KV     `json:"groupLabels"`
	CommonLabels       KV     `json:"commonLabels"`
	CommonAnnotations  KV     `json:"commonAnnotations"`
	RouteLabels        KV     `json:"routeLabels"`
	ExternalURL        string `json:"externalURL"`

	// routeLabelsRendered says RouteLabels hold final values, which
	// routeLabels then returns as they are. JSON never sets it; notifications
	// built by Alertmanager itself have it set (MarkRouteLabelsRendered).
	routeLabelsRendered bool
}

// MarkRouteLabelsRendered sets d's routeLabelsRendered flag.
func MarkRouteLabelsRendered(d *Data) {
	d.routeLabelsRendered = true
}

// Alert holds one alert of the group.
type Alert struct {
	Status       string    `json:"status"`
	Labels       KV        `json:"labels"`
	Annotations  KV        `json:"annotations"`
	StartsAt     time.Time `json:"startsAt"`
	EndsAt       time.Time `json:"endsAt"`
	GeneratorURL string    `json:"generatorURL"`
	Fingerprint  string    `json:"fingerprint"`
}

// Alerts is the type of Data.Alerts; Firing and Resolved filter it.
type Alerts []Alert

// Firing returns the firing alerts. Upstream returns a plain []Alert (not
// Alerts) and never nil, which shows in %T and toJson output.
func (as Alerts) Firing() []Alert {
	return as.withStatus("firing")
}

// Resolved returns the resolved alerts, shaped like Firing.
func (as Alerts) Resolved() []Alert {
	return as.withStatus("resolved")
}

func (as Alerts) withStatus(status string) []Alert {
	res := []Alert{}
	for _, a := range as {
		if a.Status == status {
			res = append(res, a)
		}
	}
	return res
}
