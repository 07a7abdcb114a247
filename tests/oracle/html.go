package main

// The "html" engine: requests parsed and executed by html/template, set up the
// way build sets up text/template ones.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"unsafe"

	amtemplate "gotmpl/oracle/amtemplate"
)

// buildHTML is build for html/template.
func buildHTML(req *request, resp response) (*htmltemplate.Template, *response) {
	bad := func(phase, msg string) (*htmltemplate.Template, *response) {
		r := fail(resp, phase, msg)
		return nil, &r
	}
	if (req.Template == nil) == (req.Files == nil) {
		return bad("request", "oracle: exactly one of template and files is required")
	}
	name := ""
	if req.Name != nil {
		name = *req.Name
	} else if len(req.Files) > 0 && len(req.Files[0]) > 0 {
		name = req.Files[0][0]
	}

	t := htmltemplate.New(name)
	if req.Delims != nil {
		if len(req.Delims) != 2 {
			return bad("request", "oracle: delims must be [left, right]")
		}
		t.Delims(req.Delims[0], req.Delims[1])
	}
	var options []string
	switch req.Funcs {
	case "", "none", "test":
	case "alertmanager":
		options = append(options, "missingkey=zero")
	default:
		return bad("request", "oracle: unknown funcs "+fmt.Sprintf("%q", req.Funcs))
	}
	options = append(options, req.Options...)
	if msg, ok := applyHTMLOptions(t, options); !ok {
		return bad("option", msg)
	}
	switch req.Funcs {
	case "test":
		t.Funcs(testFuncs).Funcs(htmlTestFuncs).Funcs(includeHTMLFunc(t))
	case "alertmanager":
		t.Funcs(htmltemplate.FuncMap(amtemplate.DefaultFuncs))
	}

	if req.Template != nil {
		if _, err := t.Parse(*req.Template); err != nil {
			return bad("parse", err.Error())
		}
		return t, nil
	}
	if len(req.Files) == 0 {
		return bad("parse", "html/template: no files named in call to ParseFiles")
	}
	for _, f := range req.Files {
		if len(f) != 2 {
			return bad("request", "oracle: each file must be [name, text]")
		}
		tmpl := t
		if f[0] != t.Name() {
			tmpl = t.New(f[0])
		}
		if _, err := tmpl.Parse(f[1]); err != nil {
			return bad("parse", err.Error())
		}
	}
	return t, nil
}

func applyHTMLOptions(t *htmltemplate.Template, options []string) (msg string, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			msg, ok = fmt.Sprint(r), false
		}
	}()
	for _, o := range options {
		t.Option(o)
	}
	return "", true
}

// escapedTrees is the String() of every template of t's underlying
// text/template set after escaping, the clones made for other contexts
// included (html/template keeps them out of its own API).
func escapedTrees(t *htmltemplate.Template) map[string]string {
	field := reflect.ValueOf(t).Elem().FieldByName("text")
	text := (*template.Template)(unsafe.Pointer(field.Pointer()))
	out := map[string]string{}
	for _, tmpl := range text.Templates() {
		if tmpl.Tree != nil && tmpl.Tree.Root != nil {
			out[tmpl.Name()] = tmpl.Tree.Root.String()
		}
	}
	return out
}

// afterExecution runs the request's "then" steps on a template that has been
// executed: each is "parse:TEXT", "clone", "new:NAME" or "exec:NAME", and
// the answer lists what each returned ("ok", the output, or the error text).
func afterExecution(t *htmltemplate.Template, steps []string, data any) []string {
	var out []string
	for _, step := range steps {
		kind, arg, _ := strings.Cut(step, ":")
		var err error
		result := "ok"
		switch kind {
		case "parse":
			_, err = t.Parse(arg)
		case "clone":
			_, err = t.Clone()
		case "new":
			t = t.New(arg)
		case "exec":
			var b strings.Builder
			err = t.ExecuteTemplate(&b, arg, data)
			result = b.String()
		case "lookup":
			if t.Lookup(arg) == nil {
				result = "nil"
			}
		case "templates":
			var names []string
			for _, x := range t.Templates() {
				names = append(names, x.Name())
			}
			sort.Strings(names)
			result = strings.Join(names, ",")
		default:
			err = errors.New("oracle: unknown step " + kind)
		}
		if err != nil {
			result = "error: " + err.Error()
		}
		out = append(out, result)
	}
	return out
}

// Values for the html engine's "test" functions: a fmt.Stringer, an error and
// a struct, which html/template's escapers print in their own ways.
type stringerValue struct{ S string }

func (s stringerValue) String() string { return "str(" + s.S + ")" }

type errorValue struct{ msg string }

func (e errorValue) Error() string { return "err(" + e.msg + ")" }

type record struct {
	Name  string
	Count int
	Tags  []string
	Extra any
}

// htmlTestFuncs join testFuncs in the html engine: typed content, and values
// whose printing depends on their methods and fields.
var htmlTestFuncs = template.FuncMap{
	"safeHTML":     func(s string) htmltemplate.HTML { return htmltemplate.HTML(s) },
	"safeHTMLAttr": func(s string) htmltemplate.HTMLAttr { return htmltemplate.HTMLAttr(s) },
	"safeJS":       func(s string) htmltemplate.JS { return htmltemplate.JS(s) },
	"safeJSStr":    func(s string) htmltemplate.JSStr { return htmltemplate.JSStr(s) },
	"safeCSS":      func(s string) htmltemplate.CSS { return htmltemplate.CSS(s) },
	"safeURL":      func(s string) htmltemplate.URL { return htmltemplate.URL(s) },
	"safeSrcset":   func(s string) htmltemplate.Srcset { return htmltemplate.Srcset(s) },
	"stringer":     func(s string) stringerValue { return stringerValue{s} },
	"errval":       func(s string) error { return errorValue{s} },
	"record": func(name string, count int, extra any) record {
		return record{name, count, []string{name, "b"}, extra}
	},
	"float": func(s string) float64 {
		f, _ := strconv.ParseFloat(s, 64)
		return f
	},
}

// typedData decodes JSON as decodeData does, except that an object whose only
// key is "$" followed by an html/template content type's name ({"$HTML":
// "<b>"}) becomes a string of that type.
func typedData(raw []byte) (any, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return typed(convertNumbers(v)), nil
}

func typed(v any) any {
	switch x := v.(type) {
	case []any:
		for i := range x {
			x[i] = typed(x[i])
		}
	case map[string]any:
		if len(x) == 1 {
			for k, inner := range x {
				if s, ok := inner.(string); ok && strings.HasPrefix(k, "$") {
					if t, ok := contentTypes[k[1:]]; ok {
						return reflect.ValueOf(s).Convert(t).Interface()
					}
				}
			}
		}
		for k := range x {
			x[k] = typed(x[k])
		}
	}
	return v
}

// includeHTMLFunc is includeFunc for an html/template set.
func includeHTMLFunc(t *htmltemplate.Template) template.FuncMap {
	return template.FuncMap{"include": func(name string, data any) (string, error) {
		var b strings.Builder
		err := t.ExecuteTemplate(&b, name, data)
		return b.String(), err
	}}
}
