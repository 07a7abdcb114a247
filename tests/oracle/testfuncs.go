package main

import (
	"errors"
	"fmt"
	"strings"
	"text/template"
)

// testFuncs is the "test" function set: small functions covering the shapes
// text/template treats differently (variadics, error results, panics, nil and
// composite results, typed arguments).
var testFuncs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
	"concat": func(xs ...string) string {
		return strings.Join(xs, "")
	},
	"fail": func(msg string) (string, error) {
		return "", errors.New(msg)
	},
	"boom": func() string {
		panic("boom!")
	},
	"echo":    func(x any) any { return x },
	"nothing": func() any { return nil },
	"pair":    func(a, b any) []any { return []any{a, b} },
	"mkmap": func() map[string]int {
		return map[string]int{"a": 1, "b": 2}
	},
	"strs":  func() []string { return []string{"x", "y", "z"} },
	"ok":    func() (int, error) { return 7, nil },
	"upper": strings.ToUpper,
	"isodd": func(n int) bool { return n%2 != 0 },
	"variadic": func(prefix string, xs ...int) string {
		parts := make([]string, len(xs))
		for i, x := range xs {
			parts[i] = fmt.Sprintf("%d", x)
		}
		return prefix + strings.Join(parts, ",")
	},
}

// includeFunc is the test set's include(name, data): executes a template of t's
// set into a string, as Helm's include does, so a function call nests an execution.
func includeFunc(t *template.Template) template.FuncMap {
	return template.FuncMap{"include": func(name string, data any) (string, error) {
		var b strings.Builder
		err := t.ExecuteTemplate(&b, name, data)
		return b.String(), err
	}}
}
