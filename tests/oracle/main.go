// Command oracle renders Go text/template requests so gotmpl's test suite can
// compare itself with the real implementation.
//
// Protocol: one JSON request per line on stdin, one JSON response per line on
// stdout (flushed after each), in order, until EOF. Blank lines are skipped
// and get no response. See tests/goracle.py for the field list.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io"
	"os"
	"testing/fstest"
	"reflect"
	"strconv"
	"text/template"
	"time"

	// Embedded zone data keeps tz/LoadLocation results independent of the
	// host's /usr/share/zoneinfo.
	_ "time/tzdata"

	amtemplate "gotmpl/oracle/amtemplate"
	cubetemplate "gotmpl/oracle/cubetemplate"
)

const (
	defaultTimeout = 10 * time.Second
	// outputLimit stops a runaway template from exhausting memory; real Go
	// has no such limit, so hitting it is reported as phase "limit".
	outputLimit = 64 << 20
)

type request struct {
	ID       json.RawMessage `json:"id"`
	Template *string         `json:"template"`
	Files    [][]string      `json:"files"`
	Name     *string         `json:"name"`
	Delims   []string        `json:"delims"`
	Options  []string        `json:"options"`
	Funcs    string          `json:"funcs"`
	Data     json.RawMessage `json:"data"`
	DataKind string          `json:"data_kind"`
	Exec     *string         `json:"exec"`
	// Engine picks the package that parses and executes: "text" (default,
	// text/template) or "html" (html/template; see html.go).
	Engine string `json:"engine"`
	// EscapedTrees (html engine) answers, after executing, the String() of
	// every template of the underlying text/template set, derived ones
	// included; Then lists steps run after executing (see afterExecution).
	EscapedTrees bool     `json:"escaped_trees"`
	Then         []string `json:"then"`
	// Trees asks for the String() of every parsed template's tree instead of
	// executing (the parser's reprint, which execution errors quote).
	Trees bool `json:"trees"`
	// Bundle, instead of template or files, runs a config field's text
	// through Alertmanager's template bundle (see bundleRequest).
	Bundle *bundleRequest `json:"bundle"`
	// Timeout is in seconds; zero means defaultTimeout.
	Timeout float64 `json:"timeout"`
	// Repeat, when positive, times the template: after the normal execution
	// succeeds it is executed Repeat more times (each into a fresh buffer, as
	// Alertmanager does) and the mean goes in ns_per_op. ParseRepeat likewise
	// times building the template (New, Option, Funcs and Parse) into
	// parse_ns_per_op. Benchmarks use these; tests leave them zero.
	Repeat      int `json:"repeat"`
	ParseRepeat int `json:"parse_repeat"`
	// DecodeEach, with Repeat, decodes the request's data again before each
	// timed execution, and times both: what a webhook receiver does with each
	// notification (JSON text to output).
	DecodeEach bool `json:"decode_each"`
}

type response struct {
	ID        json.RawMessage   `json:"id"`
	Output    string            `json:"output"`
	OutputB64 string            `json:"output_b64"`
	Error     *string           `json:"error"`
	Phase     *string           `json:"phase"`
	Trees     map[string]string `json:"trees,omitempty"`
	Then      []string          `json:"then,omitempty"`
	// NsPerOp and ParseNsPerOp answer Repeat and ParseRepeat in wall time;
	// the Cpu ones give the process's CPU time (all threads, the garbage
	// collector's included) over the same loop, when it can be read.
	NsPerOp         *float64 `json:"ns_per_op,omitempty"`
	CpuNsPerOp      *float64 `json:"cpu_ns_per_op,omitempty"`
	ParseNsPerOp    *float64 `json:"parse_ns_per_op,omitempty"`
	ParseCpuNsPerOp *float64 `json:"parse_cpu_ns_per_op,omitempty"`
}

func main() {
	// Parsing "+01:00" yields a named zone only when it matches time.Local, so
	// the host's zone would leak into rendered times; pin it.
	time.Local = time.UTC
	if name := os.Getenv("GOTMPL_ORACLE_TZ"); name != "" {
		loc, err := time.LoadLocation(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "oracle:", err)
			os.Exit(2)
		}
		time.Local = loc
	}

	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for {
		line, readErr := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if err := enc.Encode(serve(line)); err != nil {
				fmt.Fprintln(os.Stderr, "oracle: encode:", err)
				os.Exit(1)
			}
			if err := out.Flush(); err != nil {
				os.Exit(1) // the reader went away
			}
		}
		if readErr != nil {
			if !errors.Is(readErr, io.EOF) {
				fmt.Fprintln(os.Stderr, "oracle: read:", readErr)
				os.Exit(1)
			}
			return
		}
	}
}

func fail(resp response, phase string, err string) response {
	resp.Error, resp.Phase = &err, &phase
	return resp
}

// serve answers one request line; it never panics so that one bad case
// cannot take down a whole batch.
func serve(line []byte) (resp response) {
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return fail(resp, "request", "oracle: bad request: "+err.Error())
	}
	resp.ID = req.ID
	defer func() {
		if r := recover(); r != nil {
			resp = fail(response{ID: req.ID}, "panic", fmt.Sprint("panic: ", r))
		}
	}()
	if req.Bundle != nil {
		return serveBundle(&req, resp)
	}

	var t executable
	var ht *htmltemplate.Template
	var errResp *response
	rebuild := func() { build(&req, resp) }
	switch req.Engine {
	case "", "text":
		var tt *template.Template
		tt, errResp = build(&req, resp)
		if errResp != nil {
			return *errResp
		}
		if req.Trees {
			return trees(tt, resp)
		}
		t = tt
	case "html":
		ht, errResp = buildHTML(&req, resp)
		if errResp != nil {
			return *errResp
		}
		t = ht
		rebuild = func() { buildHTML(&req, resp) }
	default:
		return fail(resp, "request", "oracle: unknown engine "+strconv.Quote(req.Engine))
	}
	data, err := decodeData(&req)
	if err != nil {
		return fail(resp, "request", "oracle: bad data: "+err.Error())
	}
	resp = execute(&req, t, data, resp)
	if ht != nil && resp.Phase != nil && *resp.Phase != "exec" {
		return resp
	}
	if ht != nil {
		if req.EscapedTrees {
			resp.Trees = escapedTrees(ht)
		}
		if req.Then != nil {
			resp.Then = afterExecution(ht, req.Then, data)
		}
	}
	if resp.Phase != nil {
		return resp
	}
	if req.ParseRepeat > 0 {
		resp.ParseNsPerOp, resp.ParseCpuNsPerOp = timed(req.ParseRepeat, rebuild)
	}
	if req.Repeat > 0 {
		resp.NsPerOp, resp.CpuNsPerOp = timed(req.Repeat, func() {
			d := data
			if req.DecodeEach {
				d, _ = decodeData(&req)
			}
			var buf bytes.Buffer // a fresh buffer each time, as Alertmanager does
			if req.Exec != nil {
				_ = t.ExecuteTemplate(&buf, *req.Exec, d)
			} else {
				_ = t.Execute(&buf, d)
			}
		})
	}
	return resp
}

// executable is what text/template and html/template templates both offer.
type executable interface {
	Execute(w io.Writer, data any) error
	ExecuteTemplate(w io.Writer, name string, data any) error
}

// trees answers a Trees request: the String() of every parsed template's tree.
func trees(t *template.Template, resp response) response {
	resp.Trees = map[string]string{}
	for _, tmpl := range t.Templates() {
		if tmpl.Tree != nil && tmpl.Tree.Root != nil {
			resp.Trees[tmpl.Name()] = tmpl.Tree.Root.String()
		}
	}
	return resp
}

// timed runs op n times and returns the mean wall and CPU nanoseconds of one
// run (CPU nil when unreadable). It runs on the calling goroutine: the
// request already succeeded once, so op finishes, and the client bounds n.
func timed(n int, op func()) (wall, cpu *float64) {
	cpu0 := cpuTime()
	start := time.Now()
	for i := 0; i < n; i++ {
		op()
	}
	w := float64(time.Since(start).Nanoseconds()) / float64(n)
	wall = &w
	if cpu1 := cpuTime(); cpu0 >= 0 && cpu1 >= 0 {
		c := float64(cpu1-cpu0) / float64(n)
		cpu = &c
	}
	return wall, cpu
}

// build creates and parses the template, returning a finished response on
// failure.
func build(req *request, resp response) (*template.Template, *response) {
	bad := func(phase, msg string) (*template.Template, *response) {
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
		// Package-level ParseFiles names the set after its first file.
		name = req.Files[0][0]
	}

	t := template.New(name)
	if req.Delims != nil {
		if len(req.Delims) != 2 {
			return bad("request", "oracle: delims must be [left, right]")
		}
		t.Delims(req.Delims[0], req.Delims[1])
	}

	var options []string
	switch req.Funcs {
	case "", "none", "test":
	case "alertmanager", "cubeapm":
		// Alertmanager's own set-up; explicit options come after and win.
		options = append(options, "missingkey=zero")
	default:
		return bad("request", "oracle: unknown funcs "+strconv.Quote(req.Funcs))
	}
	options = append(options, req.Options...)
	if msg, ok := applyOptions(t, options); !ok {
		return bad("option", msg)
	}
	switch req.Funcs {
	case "test":
		t.Funcs(testFuncs).Funcs(includeFunc(t))
	case "alertmanager", "cubeapm": // CubeAPM's functions are Alertmanager's
		t.Funcs(template.FuncMap(amtemplate.DefaultFuncs))
	}

	if req.Template != nil {
		if _, err := t.Parse(*req.Template); err != nil {
			return bad("parse", err.Error())
		}
		return t, nil
	}
	if err := parseFiles(t, req.Files); err != nil {
		return bad("parse", err.Error())
	}
	return t, nil
}

// applyOptions calls Option one string at a time, turning its panic on a bad
// option into a message.
func applyOptions(t *template.Template, options []string) (msg string, ok bool) {
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

// parseFiles follows text/template's ParseFiles loop with in-memory files: a
// file named like t fills t, any other name becomes an associated template.
func parseFiles(t *template.Template, files [][]string) error {
	if len(files) == 0 {
		return errors.New("template: no files named in call to ParseFiles")
	}
	for _, f := range files {
		if len(f) != 2 {
			return errors.New("oracle: each file must be [name, text]")
		}
		tmpl := t
		if f[0] != t.Name() {
			tmpl = t.New(f[0])
		}
		if _, err := tmpl.Parse(f[1]); err != nil {
			return err
		}
	}
	return nil
}

func decodeData(req *request) (any, error) {
	raw := bytes.TrimSpace(req.Data)
	switch req.DataKind {
	case "", "json":
		if len(raw) == 0 {
			return nil, nil
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		return convertNumbers(v), nil
	case "alertmanager":
		return unmarshalInto(raw, &amtemplate.Data{})
	case "cubeapm":
		return unmarshalInto(raw, &cubetemplate.Data{})
	case "alert_group":
		var g amtemplate.Group
		if err := json.Unmarshal(raw, &g); err != nil {
			return nil, err
		}
		return amtemplate.GroupData(g), nil
	case "html_content":
		return htmlContent(raw)
	case "typed":
		return typedData(raw)
	}
	return nil, fmt.Errorf("unknown data_kind %q", req.DataKind)
}

// unmarshalInto decodes raw (if any) into the pointer it is given and
// returns that pointer.
func unmarshalInto[T any](raw []byte, into *T) (any, error) {
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, into); err != nil {
			return nil, err
		}
	}
	return into, nil
}

// contentTypes are html/template's content types by name ("HTML", "URL" ...).
var contentTypes = map[string]reflect.Type{}

func init() {
	for _, zero := range []any{htmltemplate.CSS(""), htmltemplate.HTML(""), htmltemplate.HTMLAttr(""),
		htmltemplate.JS(""), htmltemplate.JSStr(""), htmltemplate.Srcset(""), htmltemplate.URL("")} {
		t := reflect.TypeOf(zero)
		contentTypes[t.Name()] = t
	}
}

// htmlContent decodes a JSON object of strings into a map whose values have
// html/template's content types, each the type its key names.
func htmlContent(raw []byte) (any, error) {
	var in map[string]string
	if err := json.Unmarshal(raw, &in); err != nil {
		return nil, err
	}
	out := make(map[string]any, len(in))
	for k, v := range in {
		t, ok := contentTypes[k]
		if !ok {
			return nil, fmt.Errorf("no html/template content type %q", k)
		}
		out[k] = reflect.ValueOf(v).Convert(t).Interface()
	}
	return out, nil
}

// convertNumbers turns json.Number into int when the literal fits int64 and
// float64 otherwise, so templates see the types a Go caller typically passes.
func convertNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return int(i)
		}
		f, _ := strconv.ParseFloat(string(x), 64)
		return f
	case []any:
		for i := range x {
			x[i] = convertNumbers(x[i])
		}
		return x
	case map[string]any:
		for k := range x {
			x[k] = convertNumbers(x[k])
		}
		return x
	}
	return v
}

var errLimit = errors.New("oracle: output limit exceeded")

// limitBuffer is a bytes.Buffer that refuses to grow past outputLimit.
type limitBuffer struct{ bytes.Buffer }

func (b *limitBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > outputLimit {
		return 0, errLimit
	}
	return b.Buffer.Write(p)
}

type outcome struct {
	out   []byte
	err   error
	panic any
}

// execute runs the template on its own goroutine (see runGuarded).
func execute(req *request, t executable, data any, resp response) response {
	return runGuarded(req, resp, func(w io.Writer) error {
		if req.Exec != nil {
			return t.ExecuteTemplate(w, *req.Exec, data)
		}
		return t.Execute(w, data)
	}, func(err error) string { return "exec" })
}

// runGuarded runs write on its own goroutine so that a template that never
// finishes (e.g. ranging over a huge integer) yields a "timeout" response
// instead of wedging the oracle; the stray goroutine is abandoned. phase
// names the phase of write's error.
func runGuarded(req *request, resp response, write func(io.Writer) error, phase func(error) string) response {
	timeout := defaultTimeout
	if req.Timeout > 0 {
		timeout = time.Duration(req.Timeout * float64(time.Second))
	}
	done := make(chan outcome, 1)
	go func() {
		var buf limitBuffer
		defer func() {
			if r := recover(); r != nil {
				done <- outcome{panic: r}
			}
		}()
		err := write(&buf)
		done <- outcome{out: buf.Bytes(), err: err}
	}()

	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case o := <-done:
		if o.panic != nil {
			return fail(resp, "panic", fmt.Sprint("panic: ", o.panic))
		}
		resp.Output = string(o.out)
		resp.OutputB64 = base64.StdEncoding.EncodeToString(o.out)
		switch {
		case errors.Is(o.err, errLimit):
			return fail(resp, "limit", o.err.Error())
		case o.err != nil:
			return fail(resp, phase(o.err), o.err.Error())
		}
		return resp
	case <-timer.C:
		return fail(resp, "timeout", fmt.Sprintf("oracle: execution timed out after %v", timeout))
	}
}

// bundleRequest is Alertmanager's way of running a config field: files and
// texts are loaded into a bundle (upstream's template.Template) in order,
// then the field's text runs through ExecuteTextString or
// ExecuteHTMLString on the request's data, decoded into the profile's
// *Data.
type bundleRequest struct {
	// Profile is "alertmanager" (upstream 0.34) or "cubeapm".
	Profile string `json:"profile"`
	// Files is the file system the globs see: [path, text] pairs.
	Files [][]string `json:"files"`
	// Load lists what goes into the bundle, in order: ["parse", text] for
	// Parse, ["glob", pattern] for FromGlob.
	Load [][]string `json:"load"`
	// Type is "text" (the default) or "html".
	Type string `json:"type"`
	Text string `json:"text"`
	// Receiver, instead of Text, renders every templated field of a
	// receiver's integrations (amtemplate.RenderReceiver): {"global": {...},
	// "configs": {"slack_configs": [...], ...}}. The output is the JSON of
	// amtemplate.ReceiverResult; phase stays null when fields fail.
	Receiver *receiverRequest `json:"receiver"`
}

type receiverRequest struct {
	Global  json.RawMessage `json:"global"`
	Configs json.RawMessage `json:"configs"`
}

// configMap decodes a receiver request's JSON object, numbers as a YAML
// config has them.
func configMap(raw json.RawMessage) (map[string]any, error) {
	m := map[string]any{}
	if len(bytes.TrimSpace(raw)) == 0 {
		return m, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	amtemplate.ConfigValue(m)
	return m, nil
}

func serveReceiver(resp response, b *amtemplate.Bundle, rr *receiverRequest, data any) response {
	global, err := configMap(rr.Global)
	if err != nil {
		return fail(resp, "request", "oracle: bad global: "+err.Error())
	}
	configs, err := configMap(rr.Configs)
	if err != nil {
		return fail(resp, "request", "oracle: bad configs: "+err.Error())
	}
	result := b.RenderReceiver(global, configs, data)
	for _, e := range result.Errors {
		if e.Error == amtemplate.ErrYAMLUnmodelled.Error() {
			return fail(resp, "request", fmt.Sprintf("%s (%s[%d].%s)", e.Error, e.Integration, e.Index, e.Field))
		}
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(result); err != nil {
		return fail(resp, "request", "oracle: encode: "+err.Error())
	}
	resp.Output = out.String()
	resp.OutputB64 = base64.StdEncoding.EncodeToString(out.Bytes())
	return resp
}

// serveBundle answers a bundle request. Phases: "load" (Parse or FromGlob
// failed), "parse" (the field's text did not parse), "exec" (text/template's
// execution error), "escape" (html/template's escaping error).
func serveBundle(req *request, resp response) response {
	br := req.Bundle
	var b *amtemplate.Bundle
	dataKind := br.Profile
	switch br.Profile {
	case "alertmanager":
		b = amtemplate.NewBundle(nil)
	case "cubeapm":
		b = cubetemplate.NewBundle()
	default:
		return fail(resp, "request", "oracle: unknown bundle profile "+strconv.Quote(br.Profile))
	}
	fsys := fstest.MapFS{}
	for _, f := range br.Files {
		if len(f) != 2 {
			return fail(resp, "request", "oracle: each file must be [path, text]")
		}
		fsys[f[0]] = &fstest.MapFile{Data: []byte(f[1])}
	}
	for _, step := range br.Load {
		var err error
		switch {
		case len(step) == 2 && step[0] == "parse":
			err = b.Parse(step[1])
		case len(step) == 2 && step[0] == "glob":
			err = b.FromGlob(fsys, step[1])
		default:
			return fail(resp, "request", fmt.Sprintf("oracle: bad load step %q", step))
		}
		if err != nil {
			return fail(resp, "load", err.Error())
		}
	}
	if req.DataKind != "" {
		dataKind = req.DataKind
	}
	data, err := decodeData(&request{Data: req.Data, DataKind: dataKind})
	if err != nil {
		return fail(resp, "request", "oracle: bad data: "+err.Error())
	}
	if br.Receiver != nil {
		return serveReceiver(resp, b, br.Receiver, data)
	}
	run := b.ExecuteTextString
	switch br.Type {
	case "", "text":
	case "html":
		run = b.ExecuteHTMLString
	default:
		return fail(resp, "request", "oracle: unknown bundle type "+strconv.Quote(br.Type))
	}
	return runGuarded(req, resp, func(w io.Writer) error {
		out, err := run(br.Text, data)
		if _, writeErr := io.WriteString(w, out); writeErr != nil {
			return writeErr
		}
		return err
	}, bundlePhase)
}

// bundlePhase tells the errors of ExecuteTextString and ExecuteHTMLString
// apart: text/template's execution errors, html/template's escaping errors
// and (plain errors) the parser's.
func bundlePhase(err error) string {
	var execErr template.ExecError
	var escapeErr *htmltemplate.Error
	switch {
	case errors.As(err, &execErr):
		return "exec"
	case errors.As(err, &escapeErr):
		return "escape"
	}
	return "parse"
}
