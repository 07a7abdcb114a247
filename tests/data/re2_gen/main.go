// Command re2_gen records Go's regexp answers for tests/test_re2.py.
//
// Usage (from this directory):
//
//	GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go run . -o ../re2_cases.json
//
// Strings that are not valid UTF-8 are written as {"b64": "..."}; the Python
// side decodes them with errors="surrogateescape".
package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// enc makes a string JSON-safe without losing bytes.
func enc(s string) any {
	if utf8.ValidString(s) {
		return s
	}
	return map[string]string{"b64": base64.StdEncoding.EncodeToString([]byte(s))}
}

func encList(ss []string) any {
	if ss == nil {
		return nil
	}
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = enc(s)
	}
	return out
}

func encLists(sss [][]string) any {
	if sss == nil {
		return nil
	}
	out := make([]any, len(sss))
	for i, ss := range sss {
		out[i] = encList(ss)
	}
	return out
}

func errText(err error) any {
	if err == nil {
		return nil
	}
	return enc(err.Error())
}

// ---------------------------------------------------------------------------
// Compile: accepted patterns and every class of error.

func compilePatterns() []string {
	ps := []string{
		// accepted
		``, `a`, `\_`, `\<\>`, `\ `, "\\!\\\"\\#\\%\\&\\'\\,\\-\\/\\:\\;\\=\\@\\~\\`",
		`a{,5}`, `{`, `a{`, `a{1`, `a{1,`, `a{1,2`, `x{01}`, `x{1,02}`, `{1`, `a{-1}`,
		`[]a]`, `[^]a]`, `[a-]`, `[-a]`, `[a-b-c]`, `[\]]`, `[[]`, `[[:]`, `[:alpha:]`,
		`\Q*\E`, `\Q`, `\Qab`, `\Qa\`, `\E\Q`, `(?i)`, `(?i-m)`, `(?-i)`, `(?i-i)`, `(?imsU)`,
		`(?imsU-imsU)`, `(?i:a)`, `(?:)`, `(?U)a+`, `(?P<1>a)`, `(?P<name>a)`, `(?<name>a)`,
		`(?P<a_b9>x)`, `(?P<x>a)(?P<x>b)`, `\pL`, `\PL`, `\p{L}`, `\p{^L}`, `\P{^L}`, `\p{greek}`,
		`\p{GREEK}`, `\p{Old_Italic}`, `\p{OldItalic}`, `\p{old-italic}`, `\p{old italic}`,
		`\p{ Lu }`, `\p{Letter}`, `\p{letter}`, `\p{cntrl}`, `\p{Any}`, `\p{ASCII}`, `\p{ascii}`,
		`\p{Assigned}`, `\p{LC}`, `\p{lc}`, `\p{Cased_Letter}`, `\p{casedletter}`, `\p{Cn}`,
		`\x{10FFFF}`, `\x{D800}`, `\x{0}`, `\x00`, `\xFf`, `\400`, `\0`, `\08`, `\777`, `\1234`,
		`[[:word:]]`, `[[:^space:]]`, `[[:alpha:][:digit:]]`, `^*`, `$+`, `\b*`, `\B?`, `\A{2}`,
		`(?:)*`, `()+`, `(|a)*`, `a{0}`, `a{1000}`, `a{0,1000}`, `a{1000,}`, `(?:a{500}){2}`,
		`(a{2}){500}`, `((a{10}){10}){10}`, `(a*)*`, `(a+)+`, `(?:a*)*`, `a*(?i)*`, `a(?i)*`,
		`a*?`, `a+?`, `a??`, `a{2}?`, `a{2,}?`, `a{2,3}?`, `[\d\D]`, `[^\x00-\x{10FFFF}]`,
		`[\x{10FFFF}-\x{10FFFF}]`, `\Qa\Eb\Qc`, `a|`, `|`, `||`, `(|)`, `\z`, `\A`,
		// invalid or unsupported Perl syntax
		`(?=a)`, `(?!a)`, `(?#comment)`, `(?P=name)`, `(?P>name)`, `(?'name'a)`, `(?i`,
		`(?`, `a(?`, `(?-)`, `(?i-)`, `(?--i)`, `(?i--m)`, `(?x)`, `(?a)`, `(?u)`, `(?L)`,
		`(?i-m-s)`, `(?>a)`, `(?|a)`, `(?R)`, `(?1)`, `(?+1)`, `(?&name)`, `(?(1)a|b)`,
		`(?é)`, `(?P`, `(?P<`, `(?-:a)`, `(?i:`, `(?P=`, `(?ii)`, `(?-i-)`, `(?i)(?z)`,
		// invalid named capture
		`(?P<>a)`, `(?P<name`, `(?P<na-me>a)`, `(?<name`, `(?<=a)b`, `(?<!a)b`, `(?<>a)`,
		`(?P<n>`, `(?P<é>a)`, `(?P<a b>x)`, `(?<n!>x)`, `(?<`, `(?P<x>a)(?P<>b)`,
		// invalid escape sequence
		`\1`, `\9`, `\8`, `(a)\1`, `\C`, `\Z`, `\G`, `\K`, `\R`, `\X`, `\h`, `\H`,
		`\N{LATIN SMALL LETTER A}`, `\N`, `\c`, `\cA`, `\e`, `\g1`, `\k<n>`, `\o{12}`,
		`\u0041`, `\U00000041`, `\x`, `\xg0`, `\x0`, `\x{}`, `\x{110000}`, `\x{12`, `\x{zz}`,
		`\x{12345678}`, `\é`, `[\b]`, `[\1]`, `[\Q]`, `\y`, `\i`, `\L`, `\l`, `\E`,
		`[a-\d]`, `[\x{}]`, `a\qb`, `\ü`, `[\é]`, `\x{-1}`, `\x{ 1}`, `\x1`,
		// trailing backslash
		`\`, `a\`, `[a\`, `(\`, `\\\`,
		// missing closing ]
		`[`, `[a`, `[^`, `[]`, `[^]`, `[a-`, `[[:alpha:]`, `x[y`, `[\]`, `[a-z`, `[\pL`,
		`[]a`, `[\d`, `[[:alpha:]x`, `a[]b`,
		// invalid character class range
		`[z-a]`, `[\x{10}-\x{5}]`, `[[:foo:]]`, `[[:^foo:]]`, `[[:ALPHA:]]`, `[[:al]pha:]]`,
		`\pX`, `\p{Foo}`, `\p{}`, `\p{`, `\p{Greek`, `\pé`, `\P{^}`, `\p`, `[\p{Foo}]`,
		`\p{IsGreek}`, `\p{Script=Greek}`, `\p{gc=Lu}`, `[b-a]`, `[a-\x00]`, `\p{L&}`,
		`\p{Zzzz}`, `\p{Unknown}`, `\p{Latn}`, `\p{Alphabetic}`, `\p{Cased}`, `\P`, `\p{^}`,
		`[\pZ-a]`, `\pl`, `[é-a]`,
		// missing closing )
		`(`, `(a`, `((a)`, `(?:a`, `(?i:a`, `(?P<n>a`, `a(b|c`, `(a|`, `(()`, `x(?:y`,
		// unexpected )
		`)`, `a)`, `(a))`, `())`, `a|)`, `(?i))`, `)(`, `(?:))`,
		// missing argument to repetition operator
		`*`, `+`, `?`, `{1}`, `{1,2}`, `(*)`, `a|*`, `(?i)*`, `(|*)`, `(?:*)`, `x|+`,
		`(?i:?)`, `|{2}`, `**`, `(?P<n>*)`,
		// invalid nested repetition operator
		`a**`, `a*+`, `a++`, `a?*`, `a??+`, `a*??`, `a{2}*`, `a{2}{3}`, `a*{2}`, `a+?+`,
		`a{2}?*`, `(a)**`, `a?+`, `a???`,
		// invalid repeat count
		`a{1001}`, `a{1000,1001}`, `a{2,1}`, `a{1001,}`, `a{99999999999}`, `a{1,99999999999}`,
		`(a{2}){501}`, `((a{10}){10}){11}`, `(a*){1001}`, `a{0,1001}`, `(a{1000}){2}`,
		`(?:(?:a{2}){2}){251}`, `a{2}|(b{10}){101}`, `{1001}`, `a{100000000}`,
		`(?:a{1001}`,
		// invalid UTF-8
		"\xff", "a\xffb", "[\xff]", "\\\xff", "(?P<\xff>a)", "(?i\xff)", "\\p{\xff}",
		"\\Q\xff\\E", "\\x\xff", "[a-\xff]", "(?P<a\xff", "\\p\xff", "\\pL\xff", "a{\xff",
		"[[:\xff:]]", "\\x{\xff}", "\\Qa\xffb", "\xed\xa0\x80", "\xc0\xaf", "é\xff",
		"(?P<n\xff>a)",
	}
	// Nesting depth and size limits.
	nest := func(open, close string, n int, inner string) string {
		return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
	}
	ps = append(ps,
		nest("(", ")", 998, "a"), nest("(", ")", 999, "a"), nest("(", ")", 1000, "a"),
		nest("(", ")", 1001, "a"), nest("(?:", ")", 2000, "a"), nest("(", ")*", 499, "a"),
		nest("(", ")*", 500, "a"), nest("(", ")", 1001, "a")+")",
		nest("(?:", ")*", 999, "a"), nest("(?:", ")*", 1000, "a"),
		"(?:"+strings.Repeat("a", 3300)+"){1000}", "(?:"+strings.Repeat("a", 3400)+"){1000}",
		"(?:"+strings.Repeat("ab|", 1000)+"x){1000}",
	)
	return ps
}

// ---------------------------------------------------------------------------
// MatchString.

type matchGroup struct {
	pat    string
	inputs []string
}

var matchGroups = []matchGroup{
	// literals, anchors, dot
	{`abc`, []string{"abc", "xabcx", "ab", "", "ABC"}},
	{``, []string{"", "x"}},
	{`a.c`, []string{"abc", "a\nc", "ac", "a日c", "a\xffc"}},
	{`(?s)a.c`, []string{"a\nc", "abc"}},
	{`^abc$`, []string{"abc", "abc\n", "xabc", "\nabc"}},
	{`(?m)^abc$`, []string{"abc\n", "x\nabc\ny", "xabc", "abc\r\n"}},
	{`(?m)^$`, []string{"", "\n", "a", "a\n", "a\n\nb"}},
	{`^$`, []string{"", "\n"}},
	{`\Aabc\z`, []string{"abc", "abc\n"}},
	{`(?m)\Aabc\z`, []string{"x\nabc", "abc"}},
	{`a$`, []string{"a\n", "ba"}},
	{`(?m)a$`, []string{"a\n", "a\r\n", "a\rb"}},
	{`(?m)^b`, []string{"a\rb", "a\nb"}},
	{`(?m:^b)|c$`, []string{"a\nb", "c\n"}},
	{`^`, []string{"", "x"}},
	{`$`, []string{""}},
	{`(?s:.)+x`, []string{"\n\nx", "\nx\n"}},
	{`(?-s).`, []string{"\n", "a"}},
	{`(?s)(?-s:.)`, []string{"\n"}},
	// Perl classes (ASCII only)
	{`\d+`, []string{"123", "٣", "x", "１"}},
	{`\D`, []string{"1", "a", "٣"}},
	{`^\w+$`, []string{"hello_123", "héllo", "ſ", "K"}},
	{`(?i)^\w+$`, []string{"ſ", "K", "héllo"}},
	{`\W`, []string{"é", "a", "_"}},
	{`(?i)\W`, []string{"ſ", "K", "é"}},
	{`\s`, []string{" ", "\t", "\v", "\u00a0", "\u2003", "\r", "\f"}},
	{`\S`, []string{" ", "\v"}},
	{`[\s]`, []string{"\v", "\n"}},
	{`[^\s]`, []string{"\v", "\n"}},
	{`\b`, []string{"a", "é", "", " "}},
	{`\bé\b`, []string{"é", " é "}},
	{`\bfoo\b`, []string{"foo bar", "foobar", "_foo", "foo_", "föo", "(foo)"}},
	{`\Bo\B`, []string{"foo", "o", "oo"}},
	{`x\b`, []string{"x", "xé", "x1"}},
	{`\B`, []string{"", "a", "ab", " "}},
	{`(?i)\bK\b`, []string{"K", "k", "ſK"}},
	// POSIX classes (ASCII only)
	{`[[:alpha:]]+`, []string{"abc", "é", "123"}},
	{`^[[:^alpha:]]+$`, []string{"123", "é", "a"}},
	{`[[:upper:]]`, []string{"A", "a", "É"}},
	{`(?i)[[:upper:]]`, []string{"a", "ſ", "K", "é"}},
	{`(?i)[[:^upper:]]`, []string{"a", "ſ", "1"}},
	{`[[:punct:]]`, []string{"!", "a", "¡", "~", "`"}},
	{`[[:word:]]`, []string{"_", "-"}},
	{`[[:xdigit:]]`, []string{"f", "g", "F"}},
	{`[[:cntrl:]]`, []string{"\x7f", "\x00", " ", "\u0080"}},
	{`[[:print:]]`, []string{" ", "\t", "é"}},
	{`[[:graph:]]`, []string{" ", "~"}},
	{`[[:blank:]]`, []string{"\t", "\n"}},
	{`[[:space:]]`, []string{"\v", "\u00a0"}},
	{`[[:ascii:]]`, []string{"é", "\x7f", "\xff"}},
	{`[[:digit:]]`, []string{"9", "٣"}},
	{`[[:lower:]]`, []string{"z", "Z", "ß"}},
	{`[[:alnum:]]`, []string{"0", "_"}},
	{`[^[:alpha:]]`, []string{"a", "1", "\xff"}},
	{`[[:alpha:]-]+z`, []string{"a-z"}},
	// Unicode classes
	{`\pL`, []string{"a", "日", "1", "\xff"}},
	{`\PL`, []string{"1", "a", "\xff"}},
	{`\p{Greek}`, []string{"α", "a", "Ω"}},
	{`\P{Greek}`, []string{"α", "a"}},
	{`\p{^Greek}`, []string{"α", "a"}},
	{`\P{^Greek}`, []string{"α", "a"}},
	{`\pN`, []string{"5", "٣", "Ⅻ", "x"}},
	{`\p{Nd}`, []string{"٣", "Ⅻ"}},
	{`\p{Lu}`, []string{"A", "a", "Σ"}},
	{`(?i)\p{Lu}`, []string{"a", "ĸ", "σ", "ς", "1"}},
	{`(?i)\P{Lu}`, []string{"a", "1", "ĸ"}},
	{`\p{Han}+`, []string{"漢字", "かな"}},
	{`\p{Common}`, []string{" ", "\xff", "a"}},
	{`\p{So}`, []string{"\xff", "☃", "a"}},
	{`\P{So}`, []string{"\xff", "a"}},
	{`\p{Cs}`, []string{"\xed\xa0\x80", "a"}},
	{`\p{Cn}`, []string{"\U000E0080", "a", "\xff"}},
	{`\p{Any}`, []string{"\xff", "", "\n"}},
	{`\p{Assigned}`, []string{"a", "\U000E0080", "\xff"}},
	{`\p{ASCII}`, []string{"a", "é", "\x7f"}},
	{`(?i)\p{ASCII}`, []string{"ſ", "K", "é"}},
	{`\p{Letter}`, []string{"a", "1"}},
	{`\p{greek}`, []string{"α"}},
	{`\p{olditalic}`, []string{"𐌀", "a"}},
	{`\p{LC}`, []string{"a", "ʰ", "ǅ"}},
	{`\p{L}`, []string{"ǅ", "ʰ"}},
	{`[\p{Greek}\d]`, []string{"α", "1", "a"}},
	{`[^\p{Greek}\d]`, []string{"α", "1", "a", "\xff"}},
	{`[\pL\PL]`, []string{"\xff", "a"}},
	{`[^\pL\PL]`, []string{"a", "\xff"}},
	{`[^\d\D]`, []string{"a", "\xff"}},
	{`\p{Sc}`, []string{"$", "€", "\u20c2"}},
	{`\P{Sc}`, []string{"\u20c2"}},
	{`\P{Cn}`, []string{"\u20c2", "a"}},
	{`\p{Cn}`, []string{"\u20c2"}},
	{`\p{Latin}`, []string{"\xff", "a", "\ua7dd"}},
	{`[\p{Latin}\x{A7DD}]`, []string{"\ua7dd"}},
	{`\p{Zs}`, []string{" ", "\u00a0", "\u3000", "\t"}},
	{`\p{Pd}`, []string{"-", "—"}},
	// Case folding
	{`(?i)k`, []string{"K", "k", "\u212a"}},
	{`(?i)s`, []string{"ſ", "S"}},
	{`(?i)ß`, []string{"ẞ", "ss", "\U0001DF95"}},
	{`(?i)i`, []string{"İ", "ı", "I"}},
	{`(?i)σ`, []string{"Σ", "ς"}},
	{`(?i)ǅ`, []string{"Ǆ", "ǆ"}},
	{`(?i)[a-z]+`, []string{"ABC", "K", "ſ", "0"}},
	{`(?i)[^k]`, []string{"K", "\u212a", "x"}},
	{`(?i)[^a-z]`, []string{"ſ", "İ"}},
	{`(?i:a)b`, []string{"Ab", "AB"}},
	{`a(?i)b`, []string{"aB", "AB"}},
	{`(?i)a(?-i)b`, []string{"Ab", "AB"}},
	{`a(?i)b|c`, []string{"C"}},
	{`(?i)µ`, []string{"Μ", "μ"}},
	{`(?i)\x{212A}`, []string{"k", "K"}},
	{`(?i)[\x{100}-\x{17F}]`, []string{"S", "s", "k"}},
	{`(?i)ⓐ`, []string{"Ⓐ"}},
	{`(?i)ⅰ`, []string{"Ⅰ"}},
	{`(?i)ι`, []string{"\u0345", "\u1fbe", "Ι"}},
	{`(?i)ǆ`, []string{"ǅ"}},
	{`(?i)straße`, []string{"STRASSE", "STRAẞE"}},
	{`(?i)ΐ`, []string{"\u1fd3"}},
	{`(?i)[[:word:]]`, []string{"K"}},
	// Escapes
	{`\x41`, []string{"A"}},
	{`\x{41}`, []string{"A", "a"}},
	{`\x{10FFFF}`, []string{"\U0010FFFF"}},
	{`\101`, []string{"A"}},
	{`^\0$`, []string{"\x00"}},
	{`^\08$`, []string{"\x008"}},
	{`\400`, []string{"Ā"}},
	{`^\a\f\t\n\r\v$`, []string{"\a\f\t\n\r\v"}},
	{`\.`, []string{".", "a"}},
	{`\Q.*\E`, []string{".*", "ab"}},
	{`\Qa|b`, []string{"a|b", "a"}},
	{`\_`, []string{"_"}},
	{`\x{FFFD}`, []string{"\xff", "\ufffd", "a"}},
	{`a\x{FFFD}b`, []string{"a\xffb", "a\ufffdb"}},
	{`^\x{FFFD}$`, []string{"\xff"}},
	{`[\x{FFFD}]`, []string{"\xff", "\ufffd"}},
	{`[^\x{FFFD}]`, []string{"\xff", "a"}},
	{`\x{D800}`, []string{"\xed\xa0\x80"}},
	{`[\x{D000}-\x{E000}]`, []string{"\xed\xa0\x80", "\ue000", "\xff"}},
	// Repetition
	{`a{2}`, []string{"aa", "a"}},
	{`^a{2,3}$`, []string{"a", "aa", "aaaa"}},
	{`^a{2,}$`, []string{"aaaaa", "a"}},
	{`a{0}b`, []string{"b"}},
	{`^(ab){2}$`, []string{"abab", "ab"}},
	{`a{,2}`, []string{"a{,2}", "aa"}},
	{`a{`, []string{"a{"}},
	{`x{01}`, []string{"x{01}", "x"}},
	{`^a*?$`, []string{"aaa"}},
	{`(?U)^a+$`, []string{"aaa"}},
	{`^a{1000}$`, []string{strings.Repeat("a", 1000), strings.Repeat("a", 999)}},
	{`^(?:a|ab)(?:c|bcd)(?:d*)$`, []string{"abcd"}},
	{`^(a+|b+)*c`, []string{"aabbc", "c"}},
	{`^(?:a{2}){2,3}$`, []string{"aaaa", "aaaaa", "aaaaaa"}},
	// Alternation
	{`cat|dog`, []string{"hotdog", "cow"}},
	{`a|`, []string{"b"}},
	{`|a`, []string{""}},
	{`^(?:a|b)+c$`, []string{"abbac", "abd"}},
	{`^(?:x|xy|xyz)$`, []string{"xyz", "xy"}},
	// Empty-width repeats
	{`^*a`, []string{"a", "ba"}},
	{`a$*`, []string{"ab"}},
	{`\b+a`, []string{"a", "ba"}},
	{`(?:)*x`, []string{"x"}},
	{`()+x`, []string{"x"}},
	{`(|a)*b`, []string{"aab"}},
	// Invalid UTF-8 in the input
	{`^.$`, []string{"\xff", "\xed\xa0\x80", "é", "\xe2\x82", "\xc0\xaf"}},
	{`^..$`, []string{"\xe2\x82", "\xc0\xaf"}},
	{`^...$`, []string{"\xed\xa0\x80"}},
	{`a.b`, []string{"a\xffb"}},
	{`[^a]`, []string{"\xff"}},
	{`\W`, []string{"\xff"}},
	{`\S`, []string{"\xff"}},
	{`[\x{80}-\x{10FFFF}]`, []string{"\xff"}},
	{`[\x{0}-\x{7F}]`, []string{"\xff"}},
	{`[^\x{0}-\x{7F}]`, []string{"\xff"}},
	{`^\xff$`, []string{"\xff", "ÿ"}},
	{`\b`, []string{"\xff"}},
	{`a\b`, []string{"a\xff"}},
	{`(?i)\x{FFFD}`, []string{"\xff"}},
	{`^[^\n]+$`, []string{"\xff\xfe"}},
	{`\p{Any}\p{Any}`, []string{"\xe2\x82"}},
	// Alternatives that are all negated sets (regex merges them wrongly if
	// they are emitted as such).
	{`^(?:.|[^a])+$`, []string{"_ſΑa ", "a\n"}},
	{`^(?:[^b]|[^a])+$`, []string{"xab", "ab\n"}},
	{`^(?:[^a]|[^\n])$`, []string{"a", "\n"}},
	{`^(?:\W|\S)+$`, []string{"a b!"}},
	{`^(?:\D|[^x])+$`, []string{"x1"}},
	// Long inputs for loops over bodies that can match empty (they must not
	// become slow for a backtracking matcher).
	{`^(\d*\.?)*$`, []string{strings.Repeat("1.2.", 1000) + "x", strings.Repeat("1.2.", 1000)}},
	{`(\w*)+$`, []string{strings.Repeat("ab ", 1000) + "!"}},
	{`^([^,]*,?)*$`, []string{strings.Repeat("a,", 1000) + "\n"}},
	{`^(?:(\w+)\s*)*$`, []string{strings.Repeat("ab ", 200) + "!"}},
	{`(x?)*y`, []string{strings.Repeat("x", 2000)}},
	{`(?i)^(?:[a-z0-9]*[-.]?)*$`, []string{strings.Repeat("Ab-1.", 500) + "!"}},
	// Alertmanager-style patterns
	{`^(?:prod|staging)-.*$`, []string{"prod-eu-1", "dev-1", "production"}},
	{`^(?i:CRITICAL|warning)$`, []string{"critical", "Warning", "info"}},
	{`.*-canary`, []string{"svc-canary", "svc"}},
	{`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`, []string{"my-pod-1", "-bad", "Bad"}},
	{`^\d{1,3}(\.\d{1,3}){3}$`, []string{"10.0.0.1", "10.0.0", "1.2.3.4.5"}},
	{`^(?P<host>[^:]+):(?P<port>\d+)$`, []string{"node1:9100", "node1"}},
}

// Patterns that make a backtracking matcher struggle; Go answers in linear time.
var catastrophicGroups = []matchGroup{
	{`(a+)+$`, []string{strings.Repeat("a", 40) + "!"}},
	{`^(a+)+$`, []string{strings.Repeat("a", 40) + "!"}},
	{`(a|a)*b`, []string{strings.Repeat("a", 40)}},
	{`(a|aa)*b`, []string{strings.Repeat("a", 60)}},
	{`(x+x+)+y`, []string{strings.Repeat("x", 40)}},
	{`(\w+\s?)+$`, []string{strings.Repeat("a", 40) + "!"}},
	{`^(\w+\s?)*$`, []string{strings.Repeat("ab ", 20) + "!"}},
	{`(a*)*b`, []string{strings.Repeat("a", 40)}},
	{`(?:a+)+b`, []string{strings.Repeat("a", 40)}},
	{`^(([a-z])+.)+[A-Z]([a-z])+$`, []string{strings.Repeat("a", 30) + "!"}},
	{`(\d+)*\.`, []string{strings.Repeat("1", 40)}},
	{`(.*a){20}`, []string{strings.Repeat("a", 19)}},
	{`^(a?){30}a{30}$`, []string{strings.Repeat("a", 30)}},
	{`(a|b|ab)*c`, []string{strings.Repeat("ab", 30)}},
	{`^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$`,
		[]string{strings.Repeat("a", 40) + "!"}},
	{`(\s*,\s*)*x`, []string{strings.Repeat(" , ", 20)}},
	{`^(.+)+\.com$`, []string{strings.Repeat("a.", 25)}},
	{`(?:.*,){12}P`, []string{strings.Repeat("1,", 40)}},
	{`^(\pL+\s?)+$`, []string{strings.Repeat("é", 40) + "!"}},
	{`(?i)(a+)+$`, []string{strings.Repeat("A", 40) + "!"}},
	{`(\b\w+\b\s*)+$`, []string{strings.Repeat("ab ", 25) + "!"}},
	{`((a{1,10}){1,10}){1,10}$`, []string{strings.Repeat("a", 60) + "!"}},
	{`(a|b|c|d|e|f|g|h|i|j|aa)*z`, []string{strings.Repeat("a", 60)}},
	{`^(a|a?)+$`, []string{strings.Repeat("a", 40) + "!"}},
	{`^(a|ab|b)+$`, []string{strings.Repeat("ab", 30) + "!"}},
	{`(?m)^(\s*\w+\s*)+:`, []string{strings.Repeat("word ", 20) + "\n"}},
}

// ---------------------------------------------------------------------------
// ReplaceAllString.

type replaceGroup struct {
	pat   string
	srcs  []string
	repls []string
}

var replaceGroups = []replaceGroup{
	// Every $ form of Expand.
	{`(?P<first>\w+)\s+(?P<second>\w+)`, []string{"hello world, foo bar"}, []string{
		"$0", "${0}", "$1", "${1}", "$1x", "${1}x", "$first", "${first}", "$firstx",
		"${first}x", "$second-$first", "$$", "$$1", "$", "a$", "${", "${1", "${}", "$}",
		"$!", "$-1", "$01", "${01}", "$10", "$99", "$999999999", "$100000000", "$é", "${é}",
		"$_", "${x y}", "[$1]", `\1`, "$1$2", "${1}${2}", "$2$1", "<$first>", "$first$second",
		"${second}_${first}", "$1.$2", "$1-", "$ 1", "$\xff", "${1}$", "$$$1", "$${1}",
		"${first", "$first}", "${{1}}", "x$0y", "$3", "${2}0", "$20", "$02", "$0x", "$ſ",
		"$日本", "${日本}", "$١", "${1", "$2$",
	}},
	{`(?P<01>a)(?P<x>b)?`, []string{"ab a"}, []string{"[$01|$x|$1|$2]", "[${01}]"}},
	{`(?P<x>a)|(?P<x>b)`, []string{"ab"}, []string{"[$x]", "[${x}|$1|$2]"}},
	{`(?P<x>a)(?P<x>b)`, []string{"ab"}, []string{"[$x]"}},
	{`(?P<1x>a)`, []string{"a"}, []string{"$1x", "${1x}", "$1"}},
	{`(?P<_>a)`, []string{"a"}, []string{"$_", "${_}"}},
	{`(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)`, []string{"abcdefghijk"}, []string{"$10", "$11", "${1}0", "$12"}},
	{`a(b)?c`, []string{"ac abc"}, []string{"[$1]", "[${1}]"}},
	{`(a)|b`, []string{"ab"}, []string{"[$1]"}},
	{`(a){0}`, []string{"ab"}, []string{"[$1]"}},
	{`(x)?`, []string{"ab"}, []string{"[$1]"}},
	// Empty matches.
	{`a*`, []string{"", "baaac", "abc", "aaa", "日本語", "a\nb\n", "a\xffb"}, []string{"-", "<$0>"}},
	{`x*`, []string{"", "abc", "xax"}, []string{"-"}},
	{`a*?`, []string{"baaac", "aa"}, []string{"<$0>"}},
	{`|`, []string{"", "ab", "日本"}, []string{"-"}},
	{`^`, []string{"", "ab", "a\nb"}, []string{"-"}},
	{`$`, []string{"", "ab", "a\nb\n"}, []string{"-"}},
	{`\b`, []string{"ab cd", "", "é a"}, []string{"|"}},
	{`\B`, []string{"ab cd", "", " "}, []string{"|"}},
	{`(?m)^`, []string{"a\nb\n", "\n\n"}, []string{">"}},
	{`(?m)$`, []string{"a\nb\n", "\n\n"}, []string{"<"}},
	{`a|`, []string{"baaac", "a"}, []string{"<$0>"}},
	{`|a`, []string{"baaac", "a"}, []string{"<$0>"}},
	{`b*|a`, []string{"abba"}, []string{"<$0>"}},
	{`()`, []string{"ab"}, []string{"<$1>"}},
	{`a*|b`, []string{"abc"}, []string{"<$0>"}},
	{`(?:a|)+`, []string{"aab"}, []string{"<$0>"}},
	{`.*`, []string{"", "abc", "a\nb"}, []string{"<$0>"}},
	{`\s*`, []string{"a b  c"}, []string{"_"}},
	{`[a-c]*`, []string{"日", "xaby"}, []string{"x"}},
	// Unicode and invalid bytes.
	{`[^\x{65e5}]`, []string{"abc日def"}, []string{"x"}},
	{`.`, []string{"日本\xffa", "\xe2\x82"}, []string{"<$0>"}},
	{`\x{FFFD}`, []string{"a\xffb\ufffd"}, []string{"?"}},
	{`[^a]`, []string{"a\xff\xfea"}, []string{"."}},
	{`é+`, []string{"ééaé"}, []string{"E"}},
	{`(?i)straße`, []string{"STRASSE Straße STRAẞE"}, []string{"street"}},
	{`(?i)k`, []string{"kK\u212a"}, []string{"x"}},
	{`\w+`, []string{"héllo wörld"}, []string{"<$0>"}},
	{`\pL+`, []string{"héllo wörld 123"}, []string{"<$0>"}},
	// Overlapping candidates and leftmost-first choice.
	{`aa`, []string{"aaaaa"}, []string{"b"}},
	{`a(a)?`, []string{"aaa"}, []string{"[$1]"}},
	{`(a|ab)(c|bcd)(d*)`, []string{"abcd"}, []string{"[$1|$2|$3]"}},
	{`(a+)(b+)?`, []string{"aab ab a"}, []string{"$2$1"}},
	{`(a*)+`, []string{"b"}, []string{"[$1]"}},
	{`(a*)*`, []string{"b", "aab"}, []string{"[$1]"}},
	{`(a|b)*`, []string{"abab"}, []string{"[$1]"}},
	{`(a*)+b`, []string{"aab"}, []string{"[$1]"}},
	{`(a|)+b`, []string{"aab"}, []string{"[$1]"}},
	{`(|a)+b`, []string{"aab"}, []string{"[$1]"}},
	{`(a?)*?b`, []string{"aab"}, []string{"[$1]"}},
	{`((a)|b)+`, []string{"ab"}, []string{"[$1|$2]"}},
	{`(a)|(b)`, []string{"ab"}, []string{"[$1|$2]"}},
	{`(?U)(a+)(a*)`, []string{"aaa"}, []string{"[$1|$2]"}},
	{`(?U)(a+?)(a*)`, []string{"aaa"}, []string{"[$1|$2]"}},
	// Loops whose body can match empty: Go drops an iteration that does not
	// move (except the first), where Perl-style engines keep it and stop.
	{`(?:b||a)+`, []string{"ba", "bab"}, []string{"<$0>"}},
	{`(a|b|)*?c`, []string{"abc"}, []string{"[$1]"}},
	{`(|a){2,}`, []string{"aaa"}, []string{"[$0|$1]"}},
	{`(|a){3}`, []string{"aaa"}, []string{"[$0|$1]"}},
	{`(a|){3}`, []string{"aaa"}, []string{"[$0|$1]"}},
	{`(|a){0,3}`, []string{"aaa"}, []string{"[$0|$1]"}},
	{`(a|){2,3}b`, []string{"ab", "aab"}, []string{"[$0|$1]"}},
	{`(a*){2,3}`, []string{"aaa", "b"}, []string{"[$0|$1]"}},
	{`(a*?){2}`, []string{"aa"}, []string{"[$0|$1]"}},
	{`(a?){2,}?b`, []string{"aab"}, []string{"[$0|$1]"}},
	{`((a)|b|)*`, []string{"aba"}, []string{"[$1|$2]"}},
	{`(?:(a)|b|)*`, []string{"ab"}, []string{"[$1]"}},
	{`(a??)*`, []string{"aa"}, []string{"[$0|$1]"}},
	{`(a*?)*`, []string{"aa"}, []string{"[$0|$1]"}},
	{`(a*?)+?b`, []string{"aab"}, []string{"[$0|$1]"}},
	{`(\w*)+$`, []string{"ab cd"}, []string{"[$1]"}},
	{`(\s*,\s*)*`, []string{"a , ,b"}, []string{"[$1]"}},
	{`(?U)(a*)*`, []string{"aa"}, []string{"[$0|$1]"}},
	{`(\b)*a`, []string{"a"}, []string{"[$1]"}},
	{`(^|,)x`, []string{",x,x", "x,x"}, []string{"[$1]"}},
	{`(^)*a`, []string{"a"}, []string{"[$1]"}},
	{`(x?)*y`, []string{"xxy"}, []string{"[$1]"}},
	{`(a*)+$`, []string{"aa"}, []string{"[$1]"}},
	{`(?:(a*)|b)+`, []string{"aab"}, []string{"[$1]"}},
	{`((a*)*)*`, []string{"aa", "b"}, []string{"[$1|$2]"}},
	{`(a{0,2})*`, []string{"aaaaa"}, []string{"[$1]"}},
	{`(a|ab)*c`, []string{"abac"}, []string{"[$1]"}},
	{`(?:a|())+b`, []string{"aab"}, []string{"[$1]"}},
	{`(?:()|a)+b`, []string{"aab"}, []string{"[$1]"}},
	{`(?:a(b)?)*`, []string{"abaa"}, []string{"[$1]"}},
	{`(a|\b)+`, []string{"aa b"}, []string{"[$1]"}},
	{`(\b|a)+`, []string{"aa b"}, []string{"[$1]"}},
	{`((?:|a)b?)*c`, []string{"abac"}, []string{"[$1]"}},
	{`(?:x*(y)?)*z`, []string{"xyxz"}, []string{"[$1]"}},
	{`(a*)*?b`, []string{"aab"}, []string{"[$1]"}},
	{`(?:a*|b)*c`, []string{"abc"}, []string{"<$0>"}},
	{`(?:(?:(.|[^a])+)(\A(?-i)\p{Greek}|(?m:$)\sα|(?s))+|[ab]{2}|(\s{2}|(?i:αs\B{1,3})|(?s:.)??))`,
		[]string{"_ſΑa "}, []string{"<$0|$1|$2|$3>"}},
	{`^(\d*\.?)*$`, []string{strings.Repeat("1.2.", 500)}, []string{"<$1>"}},
	{`(\w*)+$`, []string{strings.Repeat("ab ", 500) + "!"}, []string{"<$1>"}},
	// Anchors and multi-line.
	{`(?m)^(\w+):`, []string{"a: 1\nbb: 2\n"}, []string{"$1="}},
	{`^\s+|\s+$`, []string{"  padded  ", "\n x \n"}, []string{""}},
	{`(?m)\s+$`, []string{"a  \nb \n"}, []string{""}},
	{`^[a-c]*`, []string{"abcdabc"}, []string{"x"}},
	{`[a-c]*$`, []string{"abcdabc"}, []string{"x"}},
	// Alertmanager-style label rewriting.
	{`^(.*?)-(prod|staging)$`, []string{"api-prod", "api"}, []string{"$2/$1"}},
	{`(?i)^https?://([^/]+)(/.*)?$`, []string{"https://example.com/path?q=1", "ftp://x"}, []string{"$1"}},
	{`[^a-zA-Z0-9_]`, []string{"pod-name.v1:8080"}, []string{"_"}},
	{`(\d+)`, []string{"cpu 95% over 10m"}, []string{"<$1>"}},
	{`\$\{?(\w+)\}?`, []string{"cost $x ${y}"}, []string{"[$1]"}},
}

// ---------------------------------------------------------------------------
// Find, FindAll, submatches and Split.

type findGroup struct {
	pat    string
	inputs []string
}

var findGroups = []findGroup{
	{`a*`, []string{"baaac", "", "aaa"}},
	{`a+`, []string{"baaacaa", "bcd"}},
	{`a*?`, []string{"aaa"}},
	{`x*`, []string{"axbxc"}},
	{``, []string{"abc", "", "日本"}},
	{`,\s*`, []string{"a, b,c ,d", ",", "abc"}},
	{`(a)(b)?`, []string{"a", "ab a"}},
	{`(?P<k>\w+)=(?P<v>\w*)`, []string{"a=1 b= c=3"}},
	{`\b`, []string{"ab cd"}},
	{`(?m)^`, []string{"a\nb\n"}},
	{`(?m)$`, []string{"a\nb\n"}},
	{`.`, []string{"日\xffa"}},
	{`\s+`, []string{"  a  b  "}},
	{`a|`, []string{"abab"}},
	{`|a`, []string{"abab"}},
	{`b*`, []string{"abba"}},
	{`(a|b)*`, []string{"abab"}},
	{`\d+`, []string{"x1y22z333", "none"}},
	{`[^,]+`, []string{"a,,b,"}},
	{`\p{Greek}+`, []string{"abc αβγ def δ"}},
	{`(?i)straße`, []string{"STRASSE Straße STRAẞE"}},
	{`$`, []string{"abc"}},
	{`^`, []string{"abc"}},
	{`(?P<x>a)(b)(?P<x>c)?(?P<y>d)?`, []string{"abcd abd"}},
	{`(a*)+`, []string{"aab"}},
	{`(?:(a)|b|)*`, []string{"abab"}},
}

// ---------------------------------------------------------------------------
// Exhaustive class membership: which code points a one-character pattern matches.

func classPatterns() []string {
	var ps []string
	var cats, scripts, aliases []string
	for k := range unicode.Categories {
		cats = append(cats, k)
	}
	for k := range unicode.Scripts {
		scripts = append(scripts, k)
	}
	for k := range unicode.CategoryAliases {
		aliases = append(aliases, k)
	}
	sort.Strings(cats)
	sort.Strings(scripts)
	sort.Strings(aliases)
	for _, names := range [][]string{cats, scripts, aliases} {
		for _, n := range names {
			ps = append(ps, `\p{`+n+`}`)
		}
	}
	ps = append(ps, `\p{Any}`, `\p{Assigned}`, `\p{ASCII}`, `\p{Lc}`)
	for _, n := range []string{"L", "Greek", "Cn", "C", "Any", "Assigned", "ASCII", "So", "Common", "Latin"} {
		ps = append(ps, `\P{`+n+`}`)
	}
	for _, n := range []string{"L", "Ll", "Lt", "Lu", "LC", "M", "Mn", "Common", "Greek",
		"Inherited", "Latin", "Cyrillic", "Cherokee", "ASCII", "Any", "Assigned", "Cn", "So", "Nl"} {
		ps = append(ps, `(?i)\p{`+n+`}`, `(?i)\P{`+n+`}`)
	}
	ps = append(ps,
		`\d`, `\D`, `\s`, `\S`, `\w`, `\W`, `(?i)\w`, `(?i)\W`, `(?i)\d`, `(?i)\S`,
		`[[:alnum:]]`, `[[:alpha:]]`, `[[:ascii:]]`, `[[:blank:]]`, `[[:cntrl:]]`,
		`[[:digit:]]`, `[[:graph:]]`, `[[:lower:]]`, `[[:print:]]`, `[[:punct:]]`,
		`[[:space:]]`, `[[:upper:]]`, `[[:word:]]`, `[[:xdigit:]]`, `[[:^alpha:]]`,
		`(?i)[[:upper:]]`, `(?i)[[:^upper:]]`, `(?i)[[:lower:]]`, `(?i)[[:^lower:]]`,
		`(?i)[[:^word:]]`, `(?i)[[:ascii:]]`,
		`(?i)[a-z]`, `(?i)[^a-z]`, `(?i)[k]`, `(?i)[^k]`, `(?i)k`, `(?i)s`, `(?i)[\x{100}-\x{24F}]`,
		`(?i)[\x{370}-\x{3FF}]`, `(?i)[\x{1E00}-\x{1FFF}]`, `(?i)[\x{0}-\x{10FFFF}]`,
		`(?i)[^\x{0}-\x{FF}]`, `(?i)[\x{10400}-\x{1044F}]`, `(?i)[\x{2160}-\x{218F}]`,
		`(?i)[\x{24B6}-\x{24E9}]`, `(?i)[\x{400}-\x{52F}]`, `(?i)[\x{A640}-\x{A7FF}]`,
		`(?i)[\x{10A0}-\x{10FF}\x{13A0}-\x{13FF}\x{AB70}-\x{ABBF}]`, `(?i)[\x{1E900}-\x{1E95F}]`,
		`(?i)[\x{FF21}-\x{FF5A}]`, `(?i)[\x{2C00}-\x{2D2F}]`, `(?i)[\x{16E40}-\x{16EFF}]`,
		`(?i)[\x{10570}-\x{105BF}\x{10C80}-\x{10D8F}\x{118A0}-\x{118FF}]`,
		`[\p{Greek}\d]`, `[^\p{Greek}\d]`, `(?i)[\p{Lu}\d]`, `(?i)[^\p{Lu}k]`, `[\pL\PL]`,
		`[^\pL\PL]`, `[^\d\D]`, `.`, `(?s).`, `[\x{D7FF}-\x{E000}]`, `[^\x{FFFD}]`,
		`[\x{FFFD}]`, `\x{FFFD}`, `(?i)\x{FFFD}`, `[\p{Cn}a]`, `[^\p{Cn}a]`, `[\P{Cn}]`,
		`(?i)[^\P{Greek}]`, `[\p{Greek}\P{Greek}]`, `[^\p{Greek}\P{Greek}]`, `[\P{L}\P{N}]`,
		`[^\P{L}\P{N}]`, `[\p{L}\p{Nd}_]`, `[^\p{Latin}\p{Greek}\p{Cyrillic}]`,
		`[\p{So}\p{Cs}]`, `[^\p{So}]`, `[^\P{So}]`, `(?i)[\p{Greek}\P{Lu}]`,
		`(?i)[^\p{Greek}\P{Lu}]`, `[\x{0}-\x{10FFFF}]`, `[^\x{0}-\x{10FFFF}]`, `[^\n]`,
		`[\p{Sc}\x{20C2}]`, `[^\p{Sc}\x{20C3}]`,
	)
	return ps
}

type classResult struct {
	Pattern     string `json:"pattern"`
	Count       int    `json:"count"`
	SHA256      string `json:"sha256"`
	Sample      string `json:"sample"`
	InvalidByte bool   `json:"invalid_byte"`
}

// denseCode reports whether r is in the planes that hold assigned characters
// (0-3 and 14); every one of those is checked.  Planes 4-13 are unassigned and
// 15-16 are private use: there, only every 1009th code point is checked.
func denseCode(r rune) bool {
	return r < 0x40000 || r >= 0xE0000 && r < 0xF0000
}

func sampled(r rune) bool {
	return !denseCode(r) && (r%1009 == 0 || r&0xFFFF >= 0xFFFD)
}

// classMembers hashes (as UTF-32LE) the dense non-surrogate code points matching
// pat and lists the sampled ones as a string of 0s and 1s.
func classMembers(pat string) classResult {
	re := regexp.MustCompile(`^(?:` + pat + `)$`)
	h := sha256.New()
	var buf [4]byte
	var sb [utf8.UTFMax]byte
	var sample strings.Builder
	count := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		dense, samp := denseCode(r), sampled(r)
		if !dense && !samp {
			continue
		}
		n := utf8.EncodeRune(sb[:], r)
		m := re.Match(sb[:n])
		switch {
		case dense && m:
			binary.LittleEndian.PutUint32(buf[:], uint32(r))
			h.Write(buf[:])
			count++
		case samp && m:
			sample.WriteByte('1')
		case samp:
			sample.WriteByte('0')
		}
	}
	return classResult{pat, count, hex.EncodeToString(h.Sum(nil)), sample.String(), re.MatchString("\xff")}
}

// ---------------------------------------------------------------------------

func unicodeData() map[string]any {
	var cats, scripts []string
	for k := range unicode.Categories {
		cats = append(cats, k)
	}
	for k := range unicode.Scripts {
		scripts = append(scripts, k)
	}
	sort.Strings(cats)
	sort.Strings(scripts)
	var orbits [][]rune
	seen := map[rune]bool{}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if seen[r] || unicode.SimpleFold(r) == r {
			continue
		}
		o := []rune{r}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			o = append(o, f)
		}
		sort.Slice(o, func(i, j int) bool { return o[i] < o[j] })
		for _, c := range o {
			seen[c] = true
		}
		orbits = append(orbits, o)
	}
	var unassigned [][2]rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.Is(unicode.Cn, r) && !(r >= 0xD800 && r <= 0xDFFF) {
			if n := len(unassigned); n > 0 && unassigned[n-1][1] == r-1 {
				unassigned[n-1][1] = r
			} else {
				unassigned = append(unassigned, [2]rune{r, r})
			}
		}
	}
	return map[string]any{
		"version":    unicode.Version,
		"categories": cats,
		"scripts":    scripts,
		"aliases":    unicode.CategoryAliases,
		"orbits":     orbits,
		"unassigned": unassigned,
	}
}

func main() {
	out := flag.String("o", "../re2_cases.json", "output file")
	flag.Parse()

	var compiles []map[string]any
	for _, p := range compilePatterns() {
		_, err := regexp.Compile(p)
		compiles = append(compiles, map[string]any{"pattern": enc(p), "error": errText(err)})
	}

	var matches []map[string]any
	for _, g := range matchGroups {
		re := regexp.MustCompile(g.pat)
		for _, in := range g.inputs {
			m, err := regexp.MatchString(g.pat, in)
			if err != nil || m != re.MatchString(in) {
				panic(g.pat)
			}
			matches = append(matches, map[string]any{"pattern": enc(g.pat), "input": enc(in), "matched": m})
		}
	}

	var slow []map[string]any
	for _, g := range catastrophicGroups {
		re := regexp.MustCompile(g.pat)
		for _, in := range g.inputs {
			slow = append(slow, map[string]any{
				"pattern": enc(g.pat), "input": enc(in), "matched": re.MatchString(in),
				"replaced": enc(re.ReplaceAllString(in, "<$0>")),
			})
		}
	}

	var replaces []map[string]any
	for _, g := range replaceGroups {
		re := regexp.MustCompile(g.pat)
		for _, src := range g.srcs {
			for _, repl := range g.repls {
				replaces = append(replaces, map[string]any{
					"pattern": enc(g.pat), "src": enc(src), "repl": enc(repl),
					"result":  enc(re.ReplaceAllString(src, repl)),
					"literal": enc(re.ReplaceAllLiteralString(src, repl)),
				})
			}
		}
	}

	var finds []map[string]any
	for _, g := range findGroups {
		re := regexp.MustCompile(g.pat)
		index := map[string]int{"": re.SubexpIndex(""), "nope": re.SubexpIndex("nope")}
		for _, name := range re.SubexpNames() {
			index[name] = re.SubexpIndex(name)
		}
		for _, in := range g.inputs {
			finds = append(finds, map[string]any{
				"subexp_index": index,
				"pattern":      enc(g.pat),
				"input":        enc(in),
				"find":         enc(re.FindString(in)),
				"submatch":     encList(re.FindStringSubmatch(in)),
				"all":          encList(re.FindAllString(in, -1)),
				"all2":         encList(re.FindAllString(in, 2)),
				"all_submatch": encLists(re.FindAllStringSubmatch(in, -1)),
				"split":        encList(re.Split(in, -1)),
				"split2":       encList(re.Split(in, 2)),
				"split1":       encList(re.Split(in, 1)),
				"num_subexp":   re.NumSubexp(),
				"names":        re.SubexpNames(),
			})
		}
	}

	var quotes []map[string]any
	for _, s := range []string{"", "abc", `a.b*c+d?e(f)g|h[i]j{k}l^m$n\o`, "日本.語", "-#&~:<>=!,/ ", "\xff.\x00"} {
		q := regexp.QuoteMeta(s)
		re, err := regexp.Compile(`^` + q + `$`)
		quotes = append(quotes, map[string]any{
			"input": enc(s), "quoted": enc(q), "error": errText(err),
			"matches_itself": err == nil && re.MatchString(s),
		})
	}

	pats := classPatterns()
	classes := make([]classResult, len(pats))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range pats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			classes[i] = classMembers(p)
			<-sem
		}()
	}
	wg.Wait()

	doc := map[string]any{
		"meta": map[string]any{
			"go_version":      runtime.Version(),
			"unicode_version": unicode.Version,
		},
		"unicode":      unicodeData(),
		"compile":      compiles,
		"match":        matches,
		"catastrophic": slow,
		"replace":      replaces,
		"find":         finds,
		"quote_meta":   quotes,
		"classes":      classes,
	}
	f, err := os.Create(*out)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	e := json.NewEncoder(f)
	e.SetEscapeHTML(false)
	e.SetIndent("", " ")
	if err := e.Encode(doc); err != nil {
		panic(err)
	}
}
