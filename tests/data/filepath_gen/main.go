// Command filepath_gen records Go's path/filepath.Match answers for
// tests/gostd/test_filepath.py: hand-picked patterns and random ones built
// from the characters Match treats specially, each against a few names.
//
// Usage (from this directory):
//
//	GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go run . -o ../filepath_cases.json
//
// Strings that are not valid UTF-8 are written as {"b64": "..."}; the Python
// side decodes them with errors="surrogateescape".
package main

import (
	"encoding/base64"
	"encoding/json"
	"flag"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

func enc(s string) any {
	if utf8.ValidString(s) {
		return s
	}
	return map[string]string{"b64": base64.StdEncoding.EncodeToString([]byte(s))}
}

type result struct {
	Pattern any    `json:"pattern"`
	Name    any    `json:"name"`
	Match   bool   `json:"match"`
	Error   string `json:"error,omitempty"`
}

// Pieces patterns and names are made of: Match's operators, separators,
// multi-byte and invalid UTF-8.
var patternPieces = []string{"a", "b", "z", "/", "*", "*", "?", "[", "]", "^", "-", "\\", ".", "é", "\xff", "[a-c]", "[^/]", "\\*"}
var namePieces = []string{"a", "b", "c", "z", "/", ".", "-", "]", "^", "*", "é", "\xff", "\\"}

var fixed = [][2]string{
	{"*", ""}, {"*", "a/b"}, {"a*", "abc"}, {"a*b", "a/b"}, {"*.tmpl", ".hidden.tmpl"},
	{"[^a]*", "b"}, {"[!a]*", "b"}, {"[!a]*", "!"}, {"[a-]", "a"}, {"[]a]", "]"}, {"[", "a"},
	{"[", ""}, {"a[", "b"}, {"a*[", "abc"}, {"a*[", "xyz"}, {"\\", "a"}, {"a\\", "a"},
	{"[\\]]", "]"}, {"[\\-]", "-"}, {"[x-\\", "x"}, {"[é-ë]", "ê"}, {"?", "é"}, {"?", "/"},
	{"[^é]", "é"}, {"*/*.tmpl", "a/b.tmpl"}, {"a/*", "a/"}, {"**", "ab"}, {"*a*b*", "xaxb"},
	{"[a-c", "b"}, {"[z-a]", "b"}, {"[]", "]"}, {"[^]", "a"}, {"\xff", "\xff"}, {"[\xff]", "a"},
	{"?", "\xff"}, {"*", "\xff/"},
}

func main() {
	out := flag.String("o", "", "output file")
	flag.Parse()
	var results []result
	add := func(p, n string) {
		m, err := filepath.Match(p, n)
		r := result{Pattern: enc(p), Name: enc(n), Match: m}
		if err != nil {
			r.Error = err.Error()
		}
		results = append(results, r)
	}
	for _, f := range fixed {
		add(f[0], f[1])
	}
	rng := rand.New(rand.NewSource(20240314))
	build := func(pieces []string, max int) string {
		var b strings.Builder
		for i := rng.Intn(max + 1); i > 0; i-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	for i := 0; i < 1500; i++ {
		p := build(patternPieces, 5)
		for j := 0; j < 4; j++ {
			add(p, build(namePieces, 5))
		}
		// A name the pattern is likely to match: the pattern's literal pieces.
		add(p, strings.NewReplacer("*", "", "?", "a", "[", "", "]", "", "\\", "").Replace(p))
	}
	// One case per line: {"cases": [\n{...},\n{...}\n]}
	var b strings.Builder
	b.WriteString("{\"cases\": [\n")
	for i, r := range results {
		line, err := json.Marshal(r)
		if err != nil {
			panic(err)
		}
		if i > 0 {
			b.WriteString(",\n")
		}
		b.Write(line)
	}
	b.WriteString("\n]}\n")
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		panic(err)
	}
}
