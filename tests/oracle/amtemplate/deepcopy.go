package template

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// DeepCopyWithTemplate models upstream's function of that name (webhook
// payload:, pagerduty details:, jira fields:): a copy of value in which each
// string, and each map key, is run through tmpl; a rendered string that YAML
// decodes to something other than a string (a number, a bool, null, a list, a
// map) is replaced by that value. The oracle runs real Go templates but has no
// YAML library, so the YAML step is modelled for the shapes a rendered value
// usually takes (see decodeYAML); a rendered text outside them makes the
// request fail with ErrYAMLUnmodelled, and no case records it.
//
// Upstream ranges over maps in Go's random order; the model goes in key order,
// so that when several values fail the first in that order is the error.
func DeepCopyWithTemplate(value any, tmpl func(string) (string, error)) (any, error) {
	switch v := value.(type) {
	case nil:
		return nil, nil
	case string:
		out, err := tmpl(v)
		if err != nil {
			return out, err
		}
		decoded, isString, err := decodeYAML(out)
		if err != nil {
			return nil, err
		}
		if isString {
			return out, nil
		}
		return decoded, nil
	case []any:
		list := make([]any, len(v))
		for i, item := range v {
			var err error
			if list[i], err = DeepCopyWithTemplate(item, tmpl); err != nil {
				return nil, err
			}
		}
		return list, nil
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		m := make(map[string]any, len(v))
		for _, k := range keys {
			key, err := tmpl(k)
			if err != nil {
				return nil, err
			}
			if m[key], err = DeepCopyWithTemplate(v[k], tmpl); err != nil {
				return nil, err
			}
		}
		return m, nil
	}
	return value, nil
}

// ErrYAMLUnmodelled says a rendered text is outside what decodeYAML models.
var ErrYAMLUnmodelled = errors.New("oracle: the YAML model does not cover this rendered text")

// decodeYAML models gopkg.in/yaml.v2's Unmarshal of a rendered text into an
// interface{}, as far as DeepCopyWithTemplate cares: whether the result is a
// string (or the text is not YAML: both keep the text as it is), else the
// value. Modelled: empty and comment-only texts (null), one plain scalar
// (resolved as yaml.v2 resolves plain scalars), one line starting with a
// quote and holding no colon (a string or an error), one "key: value" line of
// plain scalars, and texts that are JSON (a YAML flow collection; its
// numbers resolved as plain scalars, its strings kept).
func decodeYAML(text string) (any, bool, error) {
	// yaml.v2's reader refuses invalid UTF-8 and characters YAML does not
	// allow ("control characters are not allowed"): the text stays.
	if !utf8.ValidString(text) {
		return nil, true, nil
	}
	for _, r := range text {
		if !yamlPrintable(r) {
			return nil, true, nil
		}
	}
	for _, r := range text {
		if r == '\r' || r == '\t' || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff {
			return nil, false, ErrYAMLUnmodelled
		}
	}
	t := strings.Trim(text, " \n")
	if t == "" || t[0] == '#' && !strings.Contains(t, "\n") {
		return nil, false, nil
	}
	if t[0] == '{' || t[0] == '[' {
		return decodeJSONAsYAML(t)
	}
	if strings.Contains(t, "\n") {
		return nil, false, ErrYAMLUnmodelled
	}
	switch t[0] {
	case '"', '\'':
		if strings.Contains(t, ":") {
			return nil, false, ErrYAMLUnmodelled
		}
		return nil, true, nil
	case ',', ']', '}', '@', '`':
		return nil, true, nil // not YAML: the text stays
	case '&', '*', '!', '|', '>', '%':
		return nil, false, ErrYAMLUnmodelled
	case '-', '?', ':':
		if len(t) == 1 || t[1] == ' ' || strings.HasPrefix(t, "---") {
			return nil, false, ErrYAMLUnmodelled
		}
	}
	if i := strings.Index(t, " #"); i >= 0 {
		t = strings.TrimRight(t[:i], " ")
	}
	colon := strings.Index(t, ": ")
	if colon < 0 && strings.HasSuffix(t, ":") {
		colon = len(t) - 1
	}
	if colon < 0 {
		v := resolvePlain(t)
		_, isString := v.(string)
		return v, isString, nil
	}
	key, value := strings.TrimRight(t[:colon], " "), strings.TrimLeft(t[colon+1:], " ")
	if strings.Contains(value, ": ") || strings.HasSuffix(value, ":") {
		return nil, true, nil // "mapping values are not allowed in this context"
	}
	for _, part := range []string{key, value} {
		if part != "" && strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(part[0])) {
			return nil, false, ErrYAMLUnmodelled
		}
	}
	m := map[string]any{}
	if k, ok := resolvePlain(key).(string); ok {
		m[k] = resolvePlain(value)
	}
	return m, false, nil
}

// yamlPrintable says whether YAML 1.1 allows r in a stream.
func yamlPrintable(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7e, r == 0x85:
		return true
	case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}

// decodeJSONAsYAML reads a JSON text as YAML reads it as a flow collection.
func decodeJSONAsYAML(t string) (any, bool, error) {
	if strings.ContainsAny(t, "\t") || strings.Contains(strings.ToLower(t), `\ud`) {
		return nil, false, ErrYAMLUnmodelled
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(t)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil, false, ErrYAMLUnmodelled
	}
	if _, err := dec.Token(); err == nil {
		return nil, false, ErrYAMLUnmodelled
	}
	return yamlNumbers(v), false, nil
}

func yamlNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		return resolvePlain(string(x))
	case []any:
		for i := range x {
			x[i] = yamlNumbers(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = yamlNumbers(x[k])
		}
	}
	return v
}

var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

var yamlTimestamps = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// resolvePlain is yaml.v2's resolution of an untagged plain scalar decoded
// into an interface{}: null, bools (y, yes, on, off ...), ints (any base
// strconv.ParseInt's base 0 reads, underscores dropped, then uint64, then
// 0b binary), floats (.inf, .nan, decimal forms), else the string; a
// timestamp stays a string.
func resolvePlain(in string) any {
	switch in {
	case "", "~", "null", "Null", "NULL":
		return nil
	case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
		return true
	case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
		return false
	case ".nan", ".NaN", ".NAN":
		return math.NaN()
	case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
		return math.Inf(1)
	case "-.inf", "-.Inf", "-.INF":
		return math.Inf(-1)
	}
	switch c := in[0]; {
	case c == '.':
		if f, err := strconv.ParseFloat(in, 64); err == nil {
			return f
		}
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		if len(in) > 4 && in[4] == '-' {
			for _, layout := range yamlTimestamps {
				if _, err := time.Parse(layout, in); err == nil {
					return in
				}
			}
		}
		plain := strings.ReplaceAll(in, "_", "")
		if i, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return int(i)
		}
		if u, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return u
		}
		if yamlStyleFloat.MatchString(plain) {
			if f, err := strconv.ParseFloat(plain, 64); err == nil {
				return f
			}
		}
		if strings.HasPrefix(plain, "0b") {
			if i, err := strconv.ParseInt(plain[2:], 2, 64); err == nil {
				return int(i)
			}
			if u, err := strconv.ParseUint(plain[2:], 2, 64); err == nil {
				return u
			}
		} else if strings.HasPrefix(plain, "-0b") {
			if i, err := strconv.ParseInt("-"+plain[3:], 2, 64); err == nil {
				return int(i)
			}
		}
	}
	return in
}
