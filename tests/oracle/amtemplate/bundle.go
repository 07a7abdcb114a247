package template

import (
	"bytes"
	"fmt"
	tmplhtml "html/template"
	"io/fs"
	"strings"
	tmpltext "text/template"
)

// Bundle models upstream's template.Template: a text and an html template
// set that receive the same files, and the two ways a config field's text
// runs against them (ExecuteTextString, ExecuteHTMLString).
//
// The files come from an fs.FS so the oracle can serve them from memory;
// ParseFS names and orders the templates exactly as ParseGlob does.
type Bundle struct {
	text *tmpltext.Template
	html *tmplhtml.Template
	// routeLabelsOf finds the route labels in the data a text is executed
	// on, and whether they are final already (see RouteLabelsOf).
	routeLabelsOf func(data any) (labels KV, rendered bool)
}

// NewBundle returns an empty bundle set up as upstream's New does:
// missingkey=zero, the default functions added last so they win. A data
// model other than this package's passes its own routeLabelsOf.
func NewBundle(routeLabelsOf func(any) (KV, bool)) *Bundle {
	if routeLabelsOf == nil {
		routeLabelsOf = RouteLabelsOf
	}
	b := &Bundle{
		text:          tmpltext.New("").Option("missingkey=zero"),
		html:          tmplhtml.New("").Option("missingkey=zero"),
		routeLabelsOf: routeLabelsOf,
	}
	b.text.Funcs(tmpltext.FuncMap(DefaultFuncs))
	b.html.Funcs(tmplhtml.FuncMap(DefaultFuncs))
	return b
}

// RouteLabelsOf reads Data's route labels, whether it is passed as a value
// or a pointer; any other data has none.
func RouteLabelsOf(data any) (KV, bool) {
	switch d := data.(type) {
	case *Data:
		return d.RouteLabels, d.routeLabelsRendered
	case Data:
		return d.RouteLabels, d.routeLabelsRendered
	}
	return nil, false
}

// Parse adds text to the unnamed root template of both sets (upstream's
// Parse, which is also how the embedded default templates are loaded).
func (b *Bundle) Parse(text string) error {
	var err error
	if b.text, err = b.text.Parse(text); err != nil {
		return err
	}
	b.html, err = b.html.Parse(text)
	return err
}

// FromGlob parses the files matching pattern into both sets; unlike
// ParseGlob, a pattern that matches nothing is no error.
func (b *Bundle) FromGlob(fsys fs.FS, pattern string) error {
	matches, err := fs.Glob(fsys, pattern)
	if err != nil || len(matches) == 0 {
		return err
	}
	if b.text, err = b.text.ParseFS(fsys, pattern); err != nil {
		return err
	}
	b.html, err = b.html.ParseFS(fsys, pattern)
	return err
}

// ExecuteTextString runs text as a text template in a copy of the text set;
// an empty text gives an empty string without parsing anything.
func (b *Bundle) ExecuteTextString(text string, data any) (string, error) {
	if text == "" {
		return "", nil
	}
	r := b.newResolver(data, b.runText)
	return b.runText(text, data, r)
}

// ExecuteHTMLString is ExecuteTextString with the html set: output escaped
// by html/template, route labels rendered as html templates too.
func (b *Bundle) ExecuteHTMLString(text string, data any) (string, error) {
	if text == "" {
		return "", nil
	}
	r := b.newResolver(data, b.runHTML)
	return b.runHTML(text, data, r)
}

// runText clones the text set, parses text as a new unnamed template with
// this render's routeLabels and executes it. The output written before an
// error is returned with it.
func (b *Bundle) runText(text string, data any, r *resolver) (string, error) {
	set, err := b.text.Clone()
	if err != nil {
		return "", err
	}
	field, err := set.New("").Option("missingkey=zero").
		Funcs(tmpltext.FuncMap{"routeLabels": r.lookup}).Parse(text)
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	err = field.Execute(&out, data)
	return out.String(), err
}

func (b *Bundle) runHTML(text string, data any, r *resolver) (string, error) {
	set, err := b.html.Clone()
	if err != nil {
		return "", err
	}
	field, err := set.New("").Option("missingkey=zero").
		Funcs(tmplhtml.FuncMap{"routeLabels": r.lookup}).Parse(text)
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	err = field.Execute(&out, data)
	return out.String(), err
}

type runner func(text string, data any, r *resolver) (string, error)

// resolver is the routeLabels function of one top-level render: a route
// label's value is itself a template, run against the same data with the
// same resolver, each label at most once. A label that needs itself while it
// is being rendered is a cycle, reported with the chain of labels.
type resolver struct {
	labels   KV
	rendered bool
	data     any
	run      runner
	done     map[string]string
	chain    []string // the labels being rendered, outermost first
}

func (b *Bundle) newResolver(data any, run runner) *resolver {
	labels, rendered := b.routeLabelsOf(data)
	return &resolver{labels: labels, rendered: rendered, data: data, run: run}
}

func (r *resolver) lookup(name string) (string, error) {
	value, ok := r.labels[name]
	switch {
	case !ok:
		return "", nil
	case r.rendered:
		return value, nil
	}
	if v, ok := r.done[name]; ok {
		return v, nil
	}
	for _, busy := range r.chain {
		if busy == name {
			cycle := strings.Join(append(append([]string(nil), r.chain...), name), " -> ")
			return "", fmt.Errorf("route label cycle detected: %s", cycle)
		}
	}
	r.chain = append(r.chain, name)
	v, err := r.run(value, r.data, r)
	r.chain = r.chain[:len(r.chain)-1]
	if err != nil {
		return "", err
	}
	if r.done == nil {
		r.done = map[string]string{}
	}
	r.done[name] = v
	return v, nil
}
