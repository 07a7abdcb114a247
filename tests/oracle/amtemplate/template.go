// Package template mirrors the notification-template surface of Prometheus
// Alertmanager (template/template.go): the Data/Alert/KV types handed to
// templates and the DefaultFuncs function map.
//
// The package name is deliberately "template" so that %T renders exactly as it
// does inside Alertmanager (template.Data, *template.Data, template.KV, ...).
// Only the standard library is available here, so the two functions upstream
// takes from third-party modules (title, humanizeDuration) are re-created in
// title.go and humanize.go.
//
// Provenance, newest first:
//   - Verified from upstream source (alertmanager commit d26de093cc18):
//     Data, Alert, Alerts.Firing/Resolved, KV, Pair, Pairs and the
//     functions toUpper … toJson.
//   - Merged upstream later, reconstructed from the merged pull requests plus
//     two independent ports of alertmanager v0.34.0 (no upstream source file
//     of that version was readable): now (#5188), dict/list/append (#5093),
//     toDate/mustToDate (#5327), base64encode/base64decode (#5413), the
//     Strings type returned by Names/Values.
//   - Left out on purpose, because gotmpl's Alertmanager profile does not
//     model them: Data.NotificationReason, Data.RouteLabels and the
//     routeLabels function (#5328).
//   - Not reproduced: #5233 (join accepting any slice); its implementation
//     was not available, so join keeps the v0.34.0 []string signature.
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
	"date": func(layout string, t time.Time) string {
		return t.Format(layout)
	},
	"tz": func(name string, t time.Time) (time.Time, error) {
		loc, err := time.LoadLocation(name)
		if err != nil {
			return time.Time{}, err
		}
		return t.In(loc), nil
	},
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
	"toJson": func(v any) (string, error) {
		b, err := json.Marshal(v)
		if err != nil {
			return "", err
		}
		return string(b), nil
	},
	// The URL-safe alphabet (with padding) is upstream's choice: the result
	// is meant to be embedded in query strings.
	"base64encode": func(text string) string {
		return base64.URLEncoding.EncodeToString([]byte(text))
	},
	"base64decode": func(text string) (string, error) {
		b, err := base64.URLEncoding.DecodeString(text)
		if err != nil {
			return "", err
		}
		return string(b), nil
	},
	// list never returns nil so that an empty call still ranges/prints as [].
	"list": func(args ...any) ([]any, error) {
		if args == nil {
			return []any{}, nil
		}
		return args, nil
	},
	"append": func(slice []any, args ...any) []any {
		return append(slice, args...)
	},
	"dict": func(values ...any) (map[string]any, error) {
		if len(values)%2 != 0 {
			return nil, errors.New("dict requires an even number of arguments")
		}
		res := make(map[string]any, len(values)/2)
		for i := 0; i < len(values); i += 2 {
			key, ok := values[i].(string)
			if !ok {
				return nil, errors.New("dict keys must be strings")
			}
			res[key] = values[i+1]
		}
		return res, nil
	},
}

// Pair is a key/value string pair.
type Pair struct {
	Name, Value string
}

// Pairs is a list of key/value string pairs.
type Pairs []Pair

// Strings is the named slice Names/Values return; its Join method lets a
// template write {{ .Labels.Values.Join ", " }}.
type Strings []string

// Join concatenates the strings with sep between them.
func (s Strings) Join(sep string) string {
	return strings.Join(s, sep)
}

// Names returns the pair names in order.
func (ps Pairs) Names() Strings {
	out := make(Strings, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

// Values returns the pair values in order.
func (ps Pairs) Values() Strings {
	out := make(Strings, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Value)
	}
	return out
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

// KV is a set of key/value string pairs (labels or annotations).
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

// Remove returns a copy of the set without the given keys.
func (kv KV) Remove(keys []string) KV {
	drop := make(map[string]struct{}, len(keys))
	for _, k := range keys {
		drop[k] = struct{}{}
	}
	res := KV{}
	for k, v := range kv {
		if _, gone := drop[k]; !gone {
			res[k] = v
		}
	}
	return res
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

// Data is the value notification templates are executed with. Field order
// follows upstream (it shows when a template prints the struct); the fields
// after ExternalURL are additions made by our users' APM product, and
// GroupKey/TruncatedAlerts also carry the webhook payload fields of the same
// JSON name.
type Data struct {
	Receiver string `json:"receiver"`
	Status   string `json:"status"`
	Alerts   Alerts `json:"alerts"`

	GroupLabels       KV `json:"groupLabels"`
	CommonLabels      KV `json:"commonLabels"`
	CommonAnnotations KV `json:"commonAnnotations"`

	ExternalURL string `json:"externalURL"`

	GroupKey        string `json:"groupKey"`
	TruncatedAlerts uint64 `json:"truncatedAlerts"`
	GroupKeyHash    string `json:"groupKeyHash"`
}

// Alert holds one alert; CubeImageURL is the APM product's addition.
type Alert struct {
	Status       string    `json:"status"`
	Labels       KV        `json:"labels"`
	Annotations  KV        `json:"annotations"`
	StartsAt     time.Time `json:"startsAt"`
	EndsAt       time.Time `json:"endsAt"`
	GeneratorURL string    `json:"generatorURL"`
	Fingerprint  string    `json:"fingerprint"`
	CubeImageURL string    `json:"cubeImageURL"`
}

// Alerts is a list of Alert objects.
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
