package template

import (
	"fmt"
	"regexp"
	"sort"
	"time"
)

// Received is an alert as Alertmanager holds it before a notification: no
// status and no fingerprint yet, both are derived (see GroupData).
type Received struct {
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations"`
	StartsAt     time.Time         `json:"startsAt"`
	EndsAt       time.Time         `json:"endsAt"`
	GeneratorURL string            `json:"generatorURL"`
}

// Group is what upstream's Template.Data is given: the receiver, the group's
// and the route's labels, the reason and the alerts (plus the external URL
// the Template holds).
type Group struct {
	Receiver           string            `json:"receiver"`
	GroupLabels        map[string]string `json:"groupLabels"`
	RouteLabels        map[string]string `json:"routeLabels"`
	NotificationReason string            `json:"notificationReason"`
	ExternalURL        string            `json:"externalURL"`
	Alerts             []Received        `json:"alerts"`
}

// resolvedAt: an alert with an end time not after now is resolved.
func (a Received) resolvedAt(now time.Time) bool {
	return !a.EndsAt.IsZero() && !a.EndsAt.After(now)
}

// GroupData models Template.Data: the receiver name quoted as a regexp, each
// alert's status from its end time (a firing alert's end time hidden), its
// fingerprint from its labels, the group status firing when any alert is,
// and the labels and annotations every alert has with the same value. Every
// map and the alert list are non-nil.
func GroupData(g Group) *Data {
	now := time.Now()
	d := &Data{
		Receiver:           regexp.QuoteMeta(g.Receiver),
		Status:             "resolved",
		Alerts:             Alerts{},
		NotificationReason: g.NotificationReason,
		GroupLabels:        copyKV(g.GroupLabels),
		CommonLabels:       KV{},
		CommonAnnotations:  KV{},
		RouteLabels:        copyKV(g.RouteLabels),
		ExternalURL:        g.ExternalURL,
	}
	for _, a := range g.Alerts {
		alert := Alert{
			Status:       "firing",
			Labels:       copyKV(a.Labels),
			Annotations:  copyKV(a.Annotations),
			StartsAt:     a.StartsAt,
			GeneratorURL: a.GeneratorURL,
			Fingerprint:  fingerprint(a.Labels),
		}
		if a.resolvedAt(now) {
			alert.Status, alert.EndsAt = "resolved", a.EndsAt
		} else {
			d.Status = "firing"
		}
		d.Alerts = append(d.Alerts, alert)
	}
	if len(g.Alerts) > 0 {
		d.CommonLabels = shared(g.Alerts, func(a Received) map[string]string { return a.Labels })
		d.CommonAnnotations = shared(g.Alerts, func(a Received) map[string]string { return a.Annotations })
	}
	return d
}

func copyKV(m map[string]string) KV {
	kv := make(KV, len(m))
	for k, v := range m {
		kv[k] = v
	}
	return kv
}

// shared keeps the first alert's entries that every other alert has with the
// same value (a missing entry reads as "").
func shared(alerts []Received, of func(Received) map[string]string) KV {
	kv := copyKV(of(alerts[0]))
	for _, a := range alerts[1:] {
		m := of(a)
		for k, v := range kv {
			if m[k] != v {
				delete(kv, k)
			}
		}
	}
	return kv
}

// fingerprint models prometheus/common's LabelSet.Fingerprint: FNV-1a (64
// bits) over the names in sorted order, each name and value followed by the
// byte 255, printed as 16 hex digits.
func fingerprint(labels map[string]string) string {
	const offset, prime = 14695981039346656037, 1099511628211
	names := make([]string, 0, len(labels))
	for name := range labels {
		names = append(names, name)
	}
	sort.Strings(names)
	h := uint64(offset)
	add := func(s string) {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * prime
		}
		h = (h ^ 255) * prime
	}
	for _, name := range names {
		add(name)
		add(labels[name])
	}
	return fmt.Sprintf("%016x", h)
}
