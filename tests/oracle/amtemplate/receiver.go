package template

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/textproto"
	"sort"
	"strconv"
)

// This file models which fields of a receiver's integrations Alertmanager
// 0.34's notifiers run as templates (config/notifiers.go, notify/*/), with
// the defaults its config loading fills in, and whether each runs as text
// (ExecuteTextString) or html (ExecuteHTMLString). The model is written for
// the oracle from upstream's behaviour; gotmpl's own table is separate.
//
// A receiver arrives as decoded JSON: {"slack_configs": [{...}], ...} with
// the config's key names; string fields are strings. Rendering gives the same
// shape with each templated field replaced by its output, fields that are
// neither set nor defaulted left out, and a list of the fields that failed.

// FieldError is one templated field that failed to render.
type FieldError struct {
	Integration string `json:"integration"`
	Index       int    `json:"index"`
	Field       string `json:"field"`
	Error       string `json:"error"`
}

// Encoded is a body upstream JSON-encodes from rendered values (a webhook
// payload): the bytes json.Encoder writes.
type Encoded struct {
	Integration string `json:"integration"`
	Index       int    `json:"index"`
	Field       string `json:"field"`
	JSON        string `json:"json"`
}

// ReceiverResult is what RenderReceiver answers.
type ReceiverResult struct {
	Configs map[string][]map[string]any `json:"configs"`
	Errors  []FieldError                `json:"errors"`
	Encoded []Encoded                   `json:"encoded"`
}

// fieldRun renders the fields of one integration config.
type fieldRun struct {
	b           *Bundle
	data        any
	integration string
	index       int
	conf        map[string]any
	out         map[string]any
	result      *ReceiverResult
}

func (r *fieldRun) fail(field string, err error) {
	r.result.Errors = append(r.result.Errors, FieldError{r.integration, r.index, field, err.Error()})
}

func (r *fieldRun) exec(field, text string, html bool) (string, bool) {
	run := r.b.ExecuteTextString
	if html {
		run = r.b.ExecuteHTMLString
	}
	s, err := run(text, r.data)
	if err != nil {
		r.fail(field, err)
		return "", false
	}
	return s, true
}

// str is a string field's text: set in the config, else the default (when
// there is one).
func str(conf map[string]any, key string, def *string) (string, bool) {
	if v, ok := conf[key]; ok {
		if v == nil {
			return "", true
		}
		return v.(string), true
	}
	if def != nil {
		return *def, true
	}
	return "", false
}

func d(s string) *string { return &s }

// text renders a string field of the config into the output under the same key.
func (r *fieldRun) text(key string, def *string) {
	r.field(r.conf, r.out, key, key, def, false)
}

func (r *fieldRun) html(key string, def *string) {
	r.field(r.conf, r.out, key, key, def, true)
}

func (r *fieldRun) field(conf, out map[string]any, key, path string, def *string, html bool) {
	t, ok := str(conf, key, def)
	if !ok {
		return
	}
	if s, ok := r.exec(path, t, html); ok {
		out[key] = s
	}
}

// objects renders the listed string fields of each object of a list field.
func (r *fieldRun) objects(key string, fields ...string) {
	list, ok := r.conf[key].([]any)
	if !ok {
		return
	}
	rendered := make([]any, len(list))
	for i, item := range list {
		obj, _ := item.(map[string]any)
		o := map[string]any{}
		// A Slack action with a URL loses its name, value and confirmation
		// when the config is loaded.
		slackURL := false
		if key == "actions" && r.integration == "slack_configs" {
			u, _ := obj["url"].(string)
			slackURL = u != ""
		}
		for _, f := range fields {
			if slackURL && (f == "name" || f == "value") {
				continue
			}
			r.field(obj, o, f, fmt.Sprintf("%s[%d].%s", key, i, f), nil, false)
		}
		if key == "actions" && r.integration == "slack_configs" && !slackURL {
			if confirm, ok := obj["confirm"].(map[string]any); ok {
				c := map[string]any{}
				for _, f := range []string{"text", "title", "ok_text", "dismiss_text"} {
					r.field(confirm, c, f, fmt.Sprintf("%s[%d].confirm.%s", key, i, f), nil, false)
				}
				o["confirm"] = c
			}
		}
		rendered[i] = o
	}
	r.out[key] = rendered
}

// values renders each value of a map of strings (keys too with keys).
func (r *fieldRun) values(key string, keys bool, m map[string]any) {
	if m == nil {
		return
	}
	o := map[string]any{}
	for _, k := range sortedKeys(m) {
		name := k
		if keys {
			s, ok := r.exec(key+"."+k, k, false)
			if !ok {
				continue
			}
			name = s
		}
		t, _ := m[k].(string)
		if s, ok := r.exec(key+"."+k, t, false); ok {
			o[name] = s
		}
	}
	r.out[key] = o
}

// nested renders one string field of an object field ("summary.template").
// A string in place of the object is that field's text (Jira's summary and
// description take either form), rendered in its place.
func (r *fieldRun) nested(key, sub string, def *string) {
	if _, isString := r.conf[key].(string); isString {
		r.text(key, nil)
		return
	}
	obj, ok := r.conf[key].(map[string]any)
	if !ok {
		if def == nil {
			return
		}
		obj = map[string]any{}
	}
	o := map[string]any{}
	r.field(obj, o, sub, key+"."+sub, def, false)
	r.out[key] = o
}

// deepCopy renders a value as upstream's DeepCopyWithTemplate does, one
// field per top-level key of the map when perKey is set (pagerduty details,
// jira fields: their top-level keys are not templated), else as a whole
// (webhook payload). Upstream sends the result JSON-encoded; the bytes
// json.Encoder writes for it are recorded too, and an encoding failure (a NaN)
// is the field's error.
func (r *fieldRun) deepCopy(key string, v any, perKey bool) {
	tmpl := func(s string) (string, error) { return r.b.ExecuteTextString(s, r.data) }
	var out any
	if perKey {
		m, _ := v.(map[string]any)
		o := map[string]any{}
		for _, k := range sortedKeys(m) {
			value, err := DeepCopyWithTemplate(m[k], tmpl)
			if err != nil {
				r.fail(key+"."+k, err)
				continue
			}
			o[k] = value
		}
		out = o
	} else {
		var err error
		if out, err = DeepCopyWithTemplate(v, tmpl); err != nil {
			r.fail(key, err)
			return
		}
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(out); err != nil {
		r.fail(key, err)
		return
	}
	r.out[key] = out
	r.result.Encoded = append(r.result.Encoded, Encoded{r.integration, r.index, key, buf.String()})
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// integrations lists each integration's templated fields, in upstream's
// terms; global is the config's global section.
var integrations = []struct {
	key    string
	render func(r *fieldRun, global map[string]any)
}{
	{"email_configs", func(r *fieldRun, g map[string]any) {
		from, _ := str(g, "smtp_from", nil)
		if f, _ := r.conf["from"].(string); f != "" {
			from = f
		}
		r.field(map[string]any{"from": from}, r.out, "from", "from", nil, false)
		r.text("to", nil)
		// Header names are canonical MIME keys; Subject, To and From default.
		headers := map[string]any{}
		if h, ok := r.conf["headers"].(map[string]any); ok {
			for k, v := range h {
				headers[textproto.CanonicalMIMEHeaderKey(k)] = v
			}
		}
		if _, ok := headers["Subject"]; !ok {
			headers["Subject"] = `{{ template "email.default.subject" . }}`
		}
		if _, ok := headers["To"]; !ok {
			headers["To"], _ = str(r.conf, "to", d(""))
		}
		if _, ok := headers["From"]; !ok {
			headers["From"] = from
		}
		hs := map[string]any{}
		for _, k := range sortedKeys(headers) {
			t, _ := headers[k].(string)
			if s, ok := r.exec("headers."+k, t, false); ok {
				hs[k] = s
			}
		}
		r.out["headers"] = hs
		r.html("html", d(`{{ template "email.default.html" . }}`))
		r.text("text", nil)
	}},
	{"slack_configs", func(r *fieldRun, _ map[string]any) {
		for _, f := range []struct{ key, name string }{
			{"color", "color"}, {"username", "username"}, {"title", "title"},
			{"title_link", "titlelink"}, {"icon_emoji", "iconemoji"}, {"icon_url", "iconurl"},
			{"pretext", "pretext"}, {"text", "text"}, {"fallback", "fallback"},
			{"callback_id", "callbackid"}, {"footer", "footer"},
		} {
			r.text(f.key, d(`{{ template "slack.default.`+f.name+`" . }}`))
		}
		for _, k := range []string{"channel", "message_text", "image_url", "thumb_url"} {
			r.text(k, nil)
		}
		r.objects("fields", "title", "value")
		r.objects("actions", "type", "text", "url", "style", "name", "value")
	}},
	{"pagerduty_configs", func(r *fieldRun, _ map[string]any) {
		r.text("description", d(`{{ template "pagerduty.default.description" .}}`))
		r.text("client", d(`{{ template "pagerduty.default.client" . }}`))
		r.text("client_url", d(`{{ template "pagerduty.default.clientURL" . }}`))
		if key, _ := r.conf["service_key"].(string); key != "" {
			r.text("service_key", nil)
		} else {
			r.text("routing_key", nil)
			// source defaults to client's text, severity to "error".
			source, _ := str(r.conf, "source", nil)
			if source == "" {
				source, _ = str(r.conf, "client", d(`{{ template "pagerduty.default.client" . }}`))
			}
			r.field(map[string]any{"source": source}, r.out, "source", "source", nil, false)
			severity, _ := str(r.conf, "severity", nil)
			if severity == "" {
				severity = "error"
			}
			r.field(map[string]any{"severity": severity}, r.out, "severity", "severity", nil, false)
			for _, k := range []string{"class", "component", "group"} {
				r.text(k, nil)
			}
			r.objects("images", "src", "alt", "href")
			r.objects("links", "href", "text")
		}
		details := map[string]any{
			"firing":       `{{ .Alerts.Firing | toJson }}`,
			"resolved":     `{{ .Alerts.Resolved | toJson }}`,
			"num_firing":   `{{ .Alerts.Firing | len }}`,
			"num_resolved": `{{ .Alerts.Resolved | len }}`,
		}
		if m, ok := r.conf["details"].(map[string]any); ok {
			for k, v := range m {
				details[k] = v
			}
		}
		r.deepCopy("details", details, true)
	}},
	{"opsgenie_configs", func(r *fieldRun, g map[string]any) {
		key, _ := str(r.conf, "api_key", nil)
		if key == "" {
			key, _ = str(g, "opsgenie_api_key", nil)
		}
		if key != "" {
			r.field(map[string]any{"api_key": key}, r.out, "api_key", "api_key", nil, false)
		}
		r.text("message", d(`{{ template "opsgenie.default.message" . }}`))
		r.text("description", d(`{{ template "opsgenie.default.description" . }}`))
		r.text("source", d(`{{ template "opsgenie.default.source" . }}`))
		for _, k := range []string{"tags", "note", "priority", "entity", "actions"} {
			r.text(k, nil)
		}
		m, _ := r.conf["details"].(map[string]any)
		r.values("details", false, m)
		r.objects("responders", "id", "name", "username", "type")
	}},
	{"webhook_configs", func(r *fieldRun, _ map[string]any) {
		r.text("url", nil)
		if p, ok := r.conf["payload"]; ok && p != nil {
			r.deepCopy("payload", p, false)
		}
	}},
	{"msteams_configs", func(r *fieldRun, _ map[string]any) {
		r.text("title", d(`{{ template "msteams.default.title" . }}`))
		r.text("summary", d(`{{ template "msteams.default.summary" . }}`))
		r.text("text", d(`{{ template "msteams.default.text" . }}`))
	}},
	{"msteamsv2_configs", func(r *fieldRun, _ map[string]any) {
		r.text("title", d(`{{ template "msteamsv2.default.title" . }}`))
		r.text("text", d(`{{ template "msteamsv2.default.text" . }}`))
	}},
	{"telegram_configs", func(r *fieldRun, _ map[string]any) {
		mode, _ := str(r.conf, "parse_mode", d("HTML"))
		if mode == "HTML" {
			r.html("message", d(`{{ template "telegram.default.message" . }}`))
		} else {
			r.text("message", d(`{{ template "telegram.default.message" . }}`))
		}
	}},
	{"discord_configs", func(r *fieldRun, _ map[string]any) {
		r.text("title", d(`{{ template "discord.default.title" . }}`))
		r.text("message", d(`{{ template "discord.default.message" . }}`))
		r.text("content", nil)
	}},
	{"webex_configs", func(r *fieldRun, _ map[string]any) {
		r.text("message", d(`{{ template "webex.default.message" . }}`))
		r.text("room_id", nil)
	}},
	{"pushover_configs", func(r *fieldRun, _ map[string]any) {
		r.text("token", nil)
		r.text("user_key", nil)
		r.text("title", d(`{{ template "pushover.default.title" . }}`))
		if h, _ := r.conf["html"].(bool); h {
			r.html("message", d(`{{ template "pushover.default.message" . }}`))
		} else {
			r.text("message", d(`{{ template "pushover.default.message" . }}`))
		}
		r.text("url", d(`{{ template "pushover.default.url" . }}`))
		r.text("url_title", nil)
		r.text("priority", d(`{{ if eq .Status "firing" }}2{{ else }}0{{ end }}`))
		r.text("device", nil)
		r.text("sound", nil)
	}},
	{"victorops_configs", func(r *fieldRun, _ map[string]any) {
		r.text("routing_key", nil)
		r.text("message_type", d("CRITICAL"))
		r.text("state_message", d(`{{ template "victorops.default.state_message" . }}`))
		r.text("entity_display_name", d(`{{ template "victorops.default.entity_display_name" . }}`))
		r.text("monitoring_tool", d(`{{ template "victorops.default.monitoring_tool" . }}`))
		m, _ := r.conf["custom_fields"].(map[string]any)
		r.values("custom_fields", false, m)
	}},
	{"sns_configs", func(r *fieldRun, _ map[string]any) {
		for _, k := range []string{"api_url", "topic_arn", "phone_number", "target_arn"} {
			r.text(k, nil)
		}
		r.text("subject", d(`{{ template "sns.default.subject" . }}`))
		r.text("message", d(`{{ template "sns.default.message" . }}`))
		m, _ := r.conf["attributes"].(map[string]any)
		r.values("attributes", true, m)
	}},
	{"wechat_configs", func(r *fieldRun, g map[string]any) {
		for _, f := range []struct{ key, global string }{{"api_secret", "wechat_api_secret"}, {"corp_id", "wechat_api_corp_id"}} {
			t, _ := str(r.conf, f.key, nil)
			if t == "" {
				t, _ = str(g, f.global, nil)
			}
			r.field(map[string]any{f.key: t}, r.out, f.key, f.key, nil, false)
		}
		r.text("message", d(`{{ template "wechat.default.message" . }}`))
		r.text("to_user", d(`{{ template "wechat.default.to_user" . }}`))
		r.text("to_party", d(`{{ template "wechat.default.to_party" . }}`))
		r.text("to_tag", d(`{{ template "wechat.default.to_tag" . }}`))
		r.text("agent_id", d(`{{ template "wechat.default.agent_id" . }}`))
	}},
	{"jira_configs", func(r *fieldRun, _ map[string]any) {
		r.text("project", nil)
		r.nested("summary", "template", d(`{{ template "jira.default.summary" . }}`))
		r.nested("description", "template", d(`{{ template "jira.default.description" . }}`))
		r.text("issue_type", nil)
		r.text("priority", d(`{{ template "jira.default.priority" . }}`))
		if labels, ok := r.conf["labels"].([]any); ok {
			o := make([]any, 0, len(labels))
			for i, l := range labels {
				t, _ := l.(string)
				s, ok := r.exec(fmt.Sprintf("labels[%d]", i), t, false)
				if ok {
					o = append(o, s)
				}
			}
			r.out["labels"] = o
		}
		if f, ok := r.conf["fields"].(map[string]any); ok {
			r.deepCopy("fields", f, true)
		}
	}},
	{"incidentio_configs", func(r *fieldRun, _ map[string]any) {}},
	{"rocketchat_configs", func(r *fieldRun, _ map[string]any) {
		r.text("title", d(`{{ template "rocketchat.default.title" . }}`))
		r.text("title_link", d(`{{ template "rocketchat.default.titlelink" . }}`))
		r.text("text", d(`{{ template "rocketchat.default.text" . }}`))
		r.text("image_url", nil)
		r.text("thumb_url", nil)
		r.text("color", d(`{{ if eq .Status "firing" }}red{{ else }}green{{ end }}`))
		r.text("channel", nil)
		r.text("emoji", d(`{{ template "rocketchat.default.emoji" . }}`))
		r.text("icon_url", d(`{{ template "rocketchat.default.iconurl" . }}`))
		r.objects("fields", "title", "value")
		r.objects("actions", "text", "url", "msg")
	}},
	{"mattermost_configs", func(r *fieldRun, _ map[string]any) {
		r.text("text", d(`{{ template "mattermost.default.text" . }}`))
		r.text("channel", nil)
		r.text("username", d(`{{ template "mattermost.default.username" . }}`))
		r.text("icon_url", nil)
		r.text("icon_emoji", nil)
		r.text("type", nil)
		// priority and props are sent only when their text is not empty.
		if p, _ := r.conf["priority"].(map[string]any); p != nil && p["priority"] != nil && p["priority"] != "" {
			r.nested("priority", "priority", nil)
		}
		if p, _ := r.conf["props"].(map[string]any); p != nil && p["card"] != nil && p["card"] != "" {
			r.nested("props", "card", nil)
		}
		attachment := []string{"fallback", "color", "pretext", "author_name", "author_link",
			"author_icon", "title", "title_link", "thumb_url", "footer", "footer_icon", "image_url"}
		defaults := map[string]*string{
			"fallback":   d(`{{ template "mattermost.default.fallback" . }}`),
			"color":      d(`{{ template "mattermost.default.color" . }}`),
			"title":      d(`{{ template "mattermost.default.title" . }}`),
			"title_link": d(`{{ template "mattermost.default.titlelink" . }}`),
		}
		if list, ok := r.conf["attachments"].([]any); ok && len(list) > 0 {
			rendered := make([]any, len(list))
			for i, item := range list {
				obj, _ := item.(map[string]any)
				o := map[string]any{}
				for _, f := range append([]string{"text"}, attachment...) {
					r.field(obj, o, f, fmt.Sprintf("attachments[%d].%s", i, f), nil, false)
				}
				if fields, ok := obj["fields"].([]any); ok {
					fo := make([]any, len(fields))
					for j, fi := range fields {
						fm, _ := fi.(map[string]any)
						x := map[string]any{}
						for _, f := range []string{"title", "value"} {
							r.field(fm, x, f, fmt.Sprintf("attachments[%d].fields[%d].%s", i, j, f), nil, false)
						}
						fo[j] = x
					}
					o["fields"] = fo
				}
				rendered[i] = o
			}
			r.out["attachments"] = rendered
		} else {
			for _, f := range attachment {
				r.text(f, defaults[f])
			}
			r.objects("fields", "title", "value")
		}
	}},
}

// RenderReceiver renders every templated field of every integration config
// of receiver on data.
func (b *Bundle) RenderReceiver(global, receiver map[string]any, data any) *ReceiverResult {
	result := &ReceiverResult{Configs: map[string][]map[string]any{}, Errors: []FieldError{}, Encoded: []Encoded{}}
	for _, integration := range integrations {
		list, ok := receiver[integration.key].([]any)
		if !ok {
			continue
		}
		outs := make([]map[string]any, len(list))
		for i, c := range list {
			conf, _ := c.(map[string]any)
			r := &fieldRun{b: b, data: data, integration: integration.key, index: i, conf: conf, out: map[string]any{}, result: result}
			integration.render(r, global)
			outs[i] = r.out
		}
		result.Configs[integration.key] = outs
	}
	return result
}

// ConfigValue turns decoded JSON (numbers as json.Number) into the values
// a YAML config decodes to: integers as int, other numbers as float64.
func ConfigValue(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = ConfigValue(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = ConfigValue(x[k])
		}
	}
	return v
}
