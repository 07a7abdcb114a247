// Package template models the template data of CubeAPM, the product whose
// PagerDuty guide is this project's seed: Alertmanager 0.34's model (package
// amtemplate) with two more group fields, GroupKey and GroupKeyHash, and one
// more alert field, CubeImageURL. Everything else (KV, Pairs, the functions,
// the bundle) is Alertmanager's, so %T shows the same "template." names.
//
// The fields are modelled from the seed's payload template and the webhook
// fields of the same JSON names; the extra group fields come after upstream's
// exported ones and before its unexported flag.
package template

import (
	"time"

	am "gotmpl/oracle/amtemplate"
)

// KV is Alertmanager's label map; an alias, so it prints as template.KV.
type KV = am.KV

// Data is Alertmanager's Data with the group key and its hash.
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
	GroupKey           string `json:"groupKey"`
	GroupKeyHash       string `json:"groupKeyHash"`

	routeLabelsRendered bool
}

// Alert is Alertmanager's Alert with the URL of the alert's chart image.
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

// Alerts is the type of Data.Alerts; Firing and Resolved return plain
// (never nil) []Alert, as upstream's do.
type Alerts []Alert

// Firing returns the firing alerts.
func (as Alerts) Firing() []Alert { return as.withStatus("firing") }

// Resolved returns the resolved alerts.
func (as Alerts) Resolved() []Alert { return as.withStatus("resolved") }

func (as Alerts) withStatus(status string) []Alert {
	res := []Alert{}
	for _, a := range as {
		if a.Status == status {
			res = append(res, a)
		}
	}
	return res
}

// RouteLabelsOf is amtemplate.RouteLabelsOf for this Data.
func RouteLabelsOf(data any) (KV, bool) {
	switch d := data.(type) {
	case *Data:
		return d.RouteLabels, d.routeLabelsRendered
	case Data:
		return d.RouteLabels, d.routeLabelsRendered
	}
	return nil, false
}

// NewBundle is Alertmanager's template bundle over this Data.
func NewBundle() *am.Bundle {
	return am.NewBundle(RouteLabelsOf)
}
