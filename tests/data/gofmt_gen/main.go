// Command gofmt_gen records Go's fmt output for tests/test_gofmt.py.
//
// Usage (from this directory):
//
//	GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go run . -o ../gofmt_cases.json
//
// Every case is a call of fmt.Sprintf, fmt.Sprint or fmt.Sprintln, its
// operands encoded so that the Python test can rebuild equivalent values, and
// Go's result. Strings that are not valid UTF-8 are stored base64-encoded
// (the "_b64" fields), since JSON cannot carry them. Cases whose output
// contains a memory address are marked "addr" and stored with the addresses
// (and their padding) replaced by ADDR, which the test does to its output too.
package main

import (
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"
)

// ---------------------------------------------------------------------------
// Types mirrored by classes in tests/test_gofmt.py.

type T struct {
	A int
	B string
}

type S int

func (s S) String() string { return "S(" + strconv.Itoa(int(s)) + ")" }

type E struct{ Msg string }

func (e E) Error() string { return "E:" + e.Msg }

type U uint8

type G struct{ A int }

func (G) GoString() string { return "G{gostring}" }

// SE is both a Stringer and an error; fmt prefers Error.
type SE int

func (SE) String() string { return "string" }
func (SE) Error() string  { return "error" }

type Pan int

func (Pan) String() string { panic("boom") }

type Str string

type N struct {
	M map[string]interface{}
	L []interface{}
	S S
	T T
	I interface{}
	F float64
	B []byte
}

// ---------------------------------------------------------------------------
// Encoding operands.

func encStr(t, s string) map[string]any {
	if utf8.ValidString(s) {
		return map[string]any{"t": t, "v": s}
	}
	return map[string]any{"t": t, "b64": base64.StdEncoding.EncodeToString([]byte(s))}
}

func f64bits(f float64) string { return strconv.FormatUint(math.Float64bits(f), 16) }
func f32bits(f float32) string { return strconv.FormatUint(uint64(math.Float32bits(f)), 16) }

func encList(xs []interface{}) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = enc(x)
	}
	return out
}

func enc(v any) any {
	switch x := v.(type) {
	case nil:
		return map[string]any{"t": "nil"}
	case bool:
		return map[string]any{"t": "bool", "v": x}
	case int:
		return map[string]any{"t": "int", "v": x}
	case int8:
		return map[string]any{"t": "int8", "v": x}
	case int16:
		return map[string]any{"t": "int16", "v": x}
	case int32:
		return map[string]any{"t": "int32", "v": x}
	case int64:
		return map[string]any{"t": "int64", "v": x}
	case uint:
		return map[string]any{"t": "uint", "v": x}
	case uint8:
		return map[string]any{"t": "uint8", "v": x}
	case uint16:
		return map[string]any{"t": "uint16", "v": x}
	case uint32:
		return map[string]any{"t": "uint32", "v": x}
	case uint64:
		return map[string]any{"t": "uint64", "v": x}
	case uintptr:
		return map[string]any{"t": "uintptr", "v": uint64(x)}
	case float64:
		return map[string]any{"t": "float64", "bits": f64bits(x)}
	case float32:
		return map[string]any{"t": "float32", "bits": f32bits(x)}
	case complex128:
		return map[string]any{"t": "complex128", "re": f64bits(real(x)), "im": f64bits(imag(x))}
	case complex64:
		return map[string]any{"t": "complex64", "re": f32bits(real(x)), "im": f32bits(imag(x))}
	case string:
		return encStr("string", x)
	case Str:
		return encStr("Str", string(x))
	case []byte:
		return map[string]any{"t": "bytes", "b64": base64.StdEncoding.EncodeToString(x)}
	case T:
		return map[string]any{"t": "T", "A": x.A, "B": enc(x.B)}
	case *T:
		return map[string]any{"t": "*T", "A": x.A, "B": enc(x.B)}
	case S:
		return map[string]any{"t": "S", "v": int(x)}
	case E:
		return map[string]any{"t": "E", "Msg": enc(x.Msg)}
	case U:
		return map[string]any{"t": "U", "v": int(x)}
	case G:
		return map[string]any{"t": "G", "A": x.A}
	case SE:
		return map[string]any{"t": "SE", "v": int(x)}
	case Pan:
		return map[string]any{"t": "Pan", "v": int(x)}
	case []interface{}:
		return map[string]any{"t": "list", "v": encList(x)}
	case []string:
		xs := make([]interface{}, len(x))
		for i, s := range x {
			xs[i] = s
		}
		return map[string]any{"t": "strlist", "v": encList(xs)}
	case []int:
		xs := make([]interface{}, len(x))
		for i, n := range x {
			xs[i] = n
		}
		return map[string]any{"t": "intlist", "v": encList(xs)}
	case map[string]interface{}:
		return map[string]any{"t": "map", "v": encPairs(x)}
	case map[int]interface{}:
		return map[string]any{"t": "imap", "v": encPairs(x)}
	case N:
		return map[string]any{
			"t": "N", "M": enc(x.M), "L": enc(x.L), "S": enc(x.S), "T": enc(x.T),
			"I": enc(x.I), "F": enc(x.F), "B": enc(x.B),
		}
	case time.Duration:
		return map[string]any{"t": "Duration", "v": int64(x)}
	case []uint64:
		return encTyped("[]uint64", x)
	case []float32:
		return encTyped("[]float32", x)
	case []int8:
		return encTyped("[]int8", x)
	case map[string]uint8:
		return encTypedMap("map[string]uint8", x)
	case map[uint16]string:
		return encTypedMap("map[uint16]string", x)
	case map[string]float32:
		return encTypedMap("map[string]float32", x)
	case func():
		return map[string]any{"t": "func"}
	}
	panic(fmt.Sprintf("enc: unsupported %T", v))
}

// encTyped encodes a slice with a Go element type as {"t": "typed", "type":
// "[]uint64", "v": [...]}; the Python side rebuilds it with gotypes.typed_slice.
func encTyped[E any](goType string, xs []E) any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = enc(x)
	}
	return map[string]any{"t": "typed", "type": goType, "v": out}
}

func encTypedMap[K comparable, V any](goType string, m map[K]V) any {
	return map[string]any{"t": "typedmap", "type": goType, "v": encPairs(m)}
}

// encPairs encodes a map's entries in a fixed order (Go's map iteration
// order is random), so that regenerating the table gives the same file.
func encPairs[K comparable, V any](m map[K]V) [][2]any {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return fmt.Sprintf("%#v", keys[i]) < fmt.Sprintf("%#v", keys[j])
	})
	kv := make([][2]any, len(keys))
	for i, k := range keys {
		kv[i] = [2]any{enc(k), enc(m[k])}
	}
	return kv
}

// ---------------------------------------------------------------------------
// Recording.

type record struct {
	Func      string `json:"func"`
	Format    string `json:"format,omitempty"`
	FormatB64 string `json:"format_b64,omitempty"`
	Args      []any  `json:"args"`
	Out       string `json:"out"`
	OutB64    string `json:"out_b64,omitempty"`
	Addr      bool   `json:"addr,omitempty"`
}

var records []record

// addrRE matches a memory address with the padding around it.
var addrRE = regexp.MustCompile(` *(0[xX])?[0-9a-fA-F]{5,} *`)

func add(fn, format string, addr bool, args []any, out string) {
	r := record{Func: fn, Args: make([]any, len(args)), Addr: addr}
	for i, a := range args {
		r.Args[i] = enc(a)
	}
	if utf8.ValidString(format) {
		r.Format = format
	} else {
		r.FormatB64 = base64.StdEncoding.EncodeToString([]byte(format))
	}
	if addr {
		// Addresses change from run to run; the Python test masks its own the same way.
		out = addrRE.ReplaceAllString(out, "ADDR")
	}
	if utf8.ValidString(out) {
		r.Out = out
	} else {
		r.OutB64 = base64.StdEncoding.EncodeToString([]byte(out))
	}
	records = append(records, r)
}

// hasAddr reports whether printing v with verb may show a memory address.
func hasAddr(verb byte, args []any) bool {
	for _, a := range args {
		switch reflect.ValueOf(a).Kind() {
		case reflect.Func:
			return true
		case reflect.Map, reflect.Pointer, reflect.Slice:
			if verb == 'p' {
				return true
			}
		}
	}
	return false
}

func pf(format string, args ...any) {
	verb := byte(0)
	if format != "" {
		verb = format[len(format)-1]
	}
	add("sprintf", format, hasAddr(verb, args), args, fmt.Sprintf(format, args...))
}

func pfAddr(format string, args ...any) {
	add("sprintf", format, true, args, fmt.Sprintf(format, args...))
}

func pr(args ...any) { add("sprint", "", hasAddr('v', args), args, fmt.Sprint(args...)) }
func pl(args ...any) { add("sprintln", "", hasAddr('v', args), args, fmt.Sprintln(args...)) }

// ---------------------------------------------------------------------------
// Operands.

var (
	intVals = []any{
		0, 1, -1, 42, -42, 255, 1234567, math.MaxInt64, math.MinInt64, 0x10FFFF, 0x110000,
		0xD800, 65, 10, 0x1F600, int8(-128), int16(-300), int32('x'), int64(1 << 40), uint(7),
		uint8(200), uint16(65535), uint32(1 << 31), uint64(math.MaxUint64), uintptr(0x1234),
	}
	floatVals = []any{
		0.0, math.Copysign(0, -1), 1.0, -1.0, 2.5, 0.1, 1e20, 1e21, 1e-5, 1e-4, 1e6, 999999.0,
		123456789.0, 1.5e300, math.NaN(), math.Inf(1), math.Inf(-1), 5e-324,
		math.MaxFloat64, 1.0 / 3, 100.0, 0.000123, 2.5e-7, 1e100, -123.456, 0.5, 1.5,
		1234.5678, 0.05, 2.675, 1e15, 1e16, 123456.0, 1234567.0, math.SmallestNonzeroFloat64 * 3,
		float32(0.1), float32(1e10), float32(math.MaxFloat32), float32(1.4e-45), float32(16777216),
		float32(1.0 / 3), float32(-2.5),
	}
	complexVals = []any{
		complex(1, 2), complex(-1.5, -0.5), complex(math.NaN(), math.Inf(1)), complex(0, 0),
		complex(1e21, 1e-7), complex64(complex(0.1, -0.2)),
	}
	stringVals = []any{
		"", "x", "hello", "héllo", "日本語", "\x00\t\n", "`back`", "tab\there", "\xff\xfe",
		"a\xffb", "e\u0301", "\ufeff", "\U0001F600", "\\ \"", "\x7f", "\u2028", "%d",
		"a much longer string value", Str("named"), "\xe2\x82", "\u00a0", "'",
	}
	bytesVals = []any{
		[]byte{}, []byte("hi"), []byte{0, 255, 10}, []byte("\xff"), []byte("héllo"),
	}
	otherVals = []any{
		true, false, nil,
		T{1, "x"}, T{-5, "héllo"}, &T{2, "y"}, S(5), S(-3), E{"bad"}, U(200), G{1}, SE(1),
		Pan(1),
		[]interface{}{},
		[]interface{}{1, "x", nil},
		[]interface{}{1.5, true, []interface{}{2, "y"}},
		[]interface{}{S(1), T{3, "z"}, E{"e"}, G{2}},
		[]interface{}{[]byte("ab"), 'x', uint8(7)},
		[]string{"a", "b c"},
		[]int{1, -2, 300},
		map[string]interface{}{},
		map[string]interface{}{"b": "x", "a": 1, "c": nil},
		map[string]interface{}{"z": S(2), "a": []interface{}{1, 2.5}, "m": map[string]interface{}{"k": T{}}},
		map[int]interface{}{2: "b", 1: "a", -1: 0.5},
		N{
			M: map[string]interface{}{"x": 1, "s": S(3)},
			L: []interface{}{"a", nil, E{"in"}},
			S: S(4),
			T: T{7, "q"},
			I: T{8, "r"},
			F: 1e21,
			B: []byte("b"),
		},
		N{M: map[string]interface{}{}, L: []interface{}{}, B: []byte{}},
		1500 * time.Millisecond, -time.Duration(math.MaxInt64) - 1, time.Duration(0),
		[]interface{}{time.Minute, 90 * time.Second},
		[]uint64{1, math.MaxUint64}, []float32{0.1, 1e10}, []int8{-1, 2}, []uint8{1, 200},
		map[string]uint8{"a": 1, "b": 255}, map[uint16]string{7: "x", 300: "y"},
		map[string]float32{"f": 0.1},
	}
)

func concat(lists ...[]any) []any {
	var out []any
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// ---------------------------------------------------------------------------
// Case sections.

func everyVerbEveryValue() {
	verbs := []string{
		"%v", "%+v", "%#v", "%T", "%t", "%d", "%b", "%o", "%O", "%x", "%X", "%c", "%q", "%U",
		"%e", "%E", "%f", "%F", "%g", "%G", "%s", "%p", "%w", "%z", "%#x", "%#q", "%+q", "%#U",
		"%8v", "%-8v|",
	}
	all := concat(intVals, floatVals, complexVals, stringVals, bytesVals, otherVals)
	for _, verb := range verbs {
		for _, v := range all {
			pf(verb, v)
		}
	}
	// Functions print as addresses.
	f := func() {}
	for _, verb := range []string{"%v", "%#v", "%d", "%s", "%p", "%T", "%x"} {
		pf(verb, f)
	}
	// Pointers below the top level print as addresses.
	pfAddr("%v", []interface{}{&T{1, "x"}})
	pfAddr("%+v", map[string]interface{}{"p": &T{1, "x"}})
	pfAddr("%#v", []interface{}{&T{1, "x"}})
	pfAddr("%d", []interface{}{&T{1, "x"}})
	pfAddr("%s", []interface{}{&T{1, "x"}})
	for _, v := range []any{[]interface{}{1}, map[string]interface{}{}, []byte("x"), &T{}} {
		pfAddr("%p", v)
		pfAddr("%#p", v)
		pfAddr("%20p|", v)
		pfAddr("%-20p|", v)
		pfAddr("%x", v)
	}
}

var (
	numFlags = []string{"", "+", "-", "#", "0", " ", "+0", "-0", "# ", "#0", "+ "}
	numWP    = []string{"", "8", ".3", "8.4", ".0"}
)

func integers() {
	vals := []any{0, 42, -42, uint64(math.MaxUint64), math.MinInt64, int8(-7), U(9)}
	for _, verb := range "dxXoObv" {
		for _, fl := range numFlags {
			for _, wp := range numWP {
				for _, v := range vals {
					pf("%"+fl+wp+string(verb), v)
				}
			}
		}
	}
	runes := []any{65, 0x1F600, 0x110000, -1, 0xD800, 0x7F, 0xE9, '\'', '"', 0x2028, uint8(10)}
	for _, verb := range "cqU" {
		for _, fl := range []string{"", "#", "+", "-", "0"} {
			for _, wp := range []string{"", "6", ".6", "-8"} {
				for _, v := range runes {
					pf("%"+fl+wp+string(verb), v)
				}
			}
		}
	}
	pf("%.10U", 0x1F600)
	pf("%#.10U", 0x1F600)
	pf("%#12.2U|", 'x')
	pf("%x", -255)
	pf("%#X", -255)
	pf("%#b", -5)
	pf("%#o", 0)
	pf("%#O", 8)
	pf("%#.0x", 0)
	pf("%.0d|%5.0d|%-5.0d|", 0, 0, 0)
	pf("%08.3d", -5)
	pf("%+.3d", 7)
	pf("% 05d", 42)
	pf("%#v %#v %#v", uint8(10), uint64(255), uintptr(16))
	pf("%#08v|%#-8v|", uint(5), uint(5))
}

func floats() {
	verbs := []string{"e", "E", "f", "F", "g", "G", "v", "b", "x", "X"}
	for _, verb := range verbs {
		for _, wp := range []string{"", ".3", ".0", ".1"} {
			for _, v := range floatVals {
				pf("%"+wp+verb, v)
			}
		}
	}
	sub := []any{0.0, math.Copysign(0, -1), 1.5, -123.456, 1e21, 1e-7, math.Inf(1), math.NaN()}
	fl := []string{"", "+", "#", "0", "-", " ", "+0", "# ", "#0", "0 "}
	for _, verb := range []string{"e", "f", "g", "v", "x", "G"} {
		for _, f := range fl {
			for _, wp := range []string{"", "12", "12.3", ".10", "1.1", ".20"} {
				for _, v := range sub {
					pf("%"+f+wp+verb, v)
				}
			}
		}
	}
	for _, prec := range []int{15, 16, 17, 20, 25, 30, 40, 60, 100, 330} {
		for _, v := range []any{0.1, 1.0 / 3, 5e-324, math.MaxFloat64, 2.5, 1e23} {
			for _, verb := range "efgx" {
				pf("%."+strconv.Itoa(prec)+string(verb), v)
			}
		}
	}
	// Round half to even, and carries through all digits.
	for _, v := range []any{0.5, 1.5, 2.5, 0.125, 0.375, 9.5, 99.5, 999.9999, 0.0005, 9.96, 1e-10} {
		for _, f := range []string{"%.0f", "%.1f", "%.2f", "%.0e", "%.1e", "%.1g", "%.2g", "%.3g", "%#.0f", "%#.0e", "%#g", "%#.3g", "%.2x", "%.0x", "%#.0x"} {
			pf(f, v)
		}
	}
	for _, v := range complexVals {
		for _, f := range []string{"%+v", "%8.2f", "%-8.2f|", "%+.3e", "% g", "%#g", "%010.3f", "%x", "%d", "%s"} {
			pf(f, v)
		}
	}
}

func stringsSection() {
	vals := []any{"", "héllo", "\xff\xfe", "日本語", "`tab`\t", "a\x00b", Str("nm"), "\U0001F600!"}
	for _, verb := range "sqxXv" {
		for _, fl := range []string{"", " ", "#", "+", "-", "0", "# ", "+#"} {
			for _, wp := range []string{"", "8", ".2", "-8", "8.3", ".0"} {
				for _, v := range vals {
					pf("%"+fl+wp+string(verb), v)
				}
			}
		}
	}
	for _, v := range bytesVals {
		for _, f := range []string{"%s", "%q", "%x", "% x", "%#x", "%# X", "%v", "%#v", "%d", "%o", "%c", "%U", "%8s|", "%-8q|", "%.1x", "%.2s", "%+q", "%#q", "%010s", "%T", "%t"} {
			pf(f, v)
		}
	}
	// Byte slices inside containers print element by element.
	for _, f := range []string{"%v", "%#v", "%s", "%x", "%q", "%d", "%+v"} {
		pf(f, []interface{}{[]byte("hi"), []byte{}})
		pf(f, map[string]interface{}{"b": []byte{1, 2}})
	}
}

func composites() {
	vals := []any{
		T{1, "x"}, &T{2, "y"},
		[]interface{}{1.5, -2.25, 1e21},
		[]interface{}{"a", "bb"},
		[]int{1, 22, 333},
		map[string]interface{}{"a": 1.5, "b": "s"},
		N{M: map[string]interface{}{"k": 1}, L: []interface{}{S(1)}, S: 2, T: T{3, "t"}, I: nil, F: 0.5, B: []byte{}},
		[]interface{}{S(1), E{"x"}, SE(2), Pan(3), G{4}},
		map[string]interface{}{"s": S(9), "e": E{"m"}, "p": Pan(0)},
	}
	for _, f := range []string{
		"%6v|", "%-6v|", "%06v|", "%+v", "%#v", "%x", "%X", "%q", "%s", "%d", "%+d", "%5.1f",
		"%e", "%t", "%8.3v|", "%+q", "%#+v", "% x", "%c", "%U", "%o", "%08.3f",
	} {
		for _, v := range vals {
			pf(f, v)
		}
	}
	// Nested containers and nil at every depth.
	nested := []any{
		[]interface{}{[]interface{}{}, map[string]interface{}{}, nil},
		map[string]interface{}{"l": []interface{}{nil, []interface{}{nil}}},
		[]interface{}{map[string]interface{}{"x": map[string]interface{}{"y": nil}}},
		[]interface{}{T{}, &T{}},
	}
	for _, f := range []string{"%v", "%+v", "%#v", "%d", "%s", "%q"} {
		for _, v := range nested[:3] {
			pf(f, v)
		}
	}
	pf("%v|%+v|%#v", T{1, "a"}, T{1, "a"}, T{1, "a"})
	pf("%v|%+v|%#v", &T{1, "a"}, &T{1, "a"}, &T{1, "a"})
	pf("%s|%10s|%-10s|%q|%x|%d", S(1), S(2), S(3), S(4), S(5), S(6))
	pf("%v|%s|%q|%x|%d|%#v", E{"a"}, E{"b"}, E{"c"}, E{"d"}, E{"e"}, E{"f"})
	pf("%v|%#v|%+v|%s", G{1}, G{1}, G{1}, G{1})
	pf("%v|%s|%d|%#v", SE(1), SE(1), SE(1), SE(1))
	pf("%v|%s|%d|%#v|%q|%10v|", Pan(1), Pan(1), Pan(1), Pan(1), Pan(1), Pan(1))
	pf("%v", []interface{}{Pan(1), 2})
	pf("%x", Str("hi"))
	pf("%d", Str("hi"))
	pf("%d", []interface{}{Str("hi")})
	pf("%d", &T{1, "x"})
	pf("%s", &T{1, "x"})
	pf("%x", T{255, "hi"})
}

func errorsAndIndexes() {
	fs := []struct {
		f    string
		args []any
	}{
		{"%", nil}, {"%!", nil}, {"%-", nil}, {"%5", []any{1}}, {"%.", []any{1}}, {"%5.", []any{1}},
		{"%d", nil}, {"%d %d", []any{1}}, {"%d", []any{1, 2}}, {"%d", []any{1, "x", nil, 2.5}},
		{"x", []any{1}}, {"", []any{"a", S(1)}}, {"%!d", []any{1}}, {"%[1]d", nil},
		{"%[2]d %[1]d", []any{1, 2}}, {"%[3]d", []any{1, 2}}, {"%[0]d", []any{1}},
		{"%[-1]d", []any{1}}, {"%[x]d", []any{1}}, {"%[1d", []any{1}}, {"%[]d", []any{1}},
		{"%[1]d %d", []any{1, 2}}, {"%[2]d %d", []any{1, 2}}, {"%[2]d %d", []any{1, 2, 3}},
		{"%[1]*d", []any{4, 5}}, {"%[2]*[1]d", []any{12, 5}}, {"%[3]*.[2]*[1]f", []any{12.0, 2, 6}},
		{"%.[2]d", []any{1, 2}}, {"%[1]2d", []any{1}}, {"%[1].2d", []any{1}},
		{"%[1]*.[1]*d", []any{3}}, {"%*d", []any{5, 1}}, {"%-*d|", []any{5, 1}},
		{"%*d|", []any{-5, 1}}, {"%0*d|", []any{-5, 1}}, {"%.*d", []any{5, 1}},
		{"%.*d", []any{-5, 1}}, {"%*d", []any{"x", 1}}, {"%*d", []any{nil, 1}},
		{"%*d", []any{2.0, 1}}, {"%*d", []any{int8(3), 1}}, {"%*d", []any{uint64(3), 1}},
		{"%*d", []any{uint64(math.MaxUint64), 1}}, {"%*d", []any{10000001, 1}},
		{"%.*d", []any{1000001, 1}}, {"%.*d", []any{-1000001, 1}}, {"%*d", []any{-1000001, 1}},
		{"%*d", nil}, {"%.*d", []any{3}}, {"%*.*d", []any{5}}, {"%*", []any{3}},
		{"%99999999d", []any{1}}, {"%.99999999d", []any{1}}, {"%[99999999]d", []any{1}},
		{"%10000000000000000000d", []any{1}}, {"%10000009d", nil}, {"%100000000d", nil},
		{"%d %!(BADWIDTH)", []any{1}}, {"%%", nil}, {"%5%", nil}, {"%-5%|", []any{1}},
		{"%[1]%", []any{1}}, {"%[9]%", nil}, {"%[2]%|%d", []any{1}}, {"%é", []any{1}},
		{"%\xff", []any{1}}, {"\xff%d\xfe", []any{1}}, {"%s", []any{"a\xffb"}},
		{"%#%", nil}, {"%.2%", nil}, {"%*%", []any{3}},
		{"%v %v", []any{nil, nil}}, {"%d %s %x %T %p", []any{nil, nil, nil, nil, nil}},
		{"%!(EXTRA)", []any{1}}, {"%d", []any{S(1), Pan(2), E{"x"}}},
		{"%[1]v %[1]T %[1]d", []any{S(3)}}, {"%v%v", []any{1}}, {"%3[1]d", []any{1}},
		{"%[1]3d", []any{7}}, {"%[1].[1]d", []any{4}}, {"%[2]", []any{1, 2}},
		{"%[1]*[2]d|", []any{4, 7}}, {"%.[1]*[2]f|", []any{2, 3.14159}},
		{"%-08d|", []any{5}}, {"%+-8.3f|", []any{1.5}}, {"%0-8s|", []any{"ab"}},
		{"%08s|%08q|%08x|", []any{"ab", "ab", "ab"}}, {"%08t|", []any{true}},
		{"%08v|", []any{[]interface{}{1, "a"}}}, {"%T %T %T", []any{[]interface{}{}, map[string]interface{}{}, map[int]interface{}{1: 1}}},
		{"%.3T|%8T|%-8T|", []any{1.5, 1, "s"}}, {"%8T|", []any{nil}},
		{"%v %d", []any{'x', 'x'}}, {"%c%c%c", []any{72, 105, 0x1F600}},
		{"%6.2f%%", []any{99.5}}, {"%[1]d %[1]x %[1]o %[1]b %[1]c %[1]q %[1]U", []any{0x41}},
	}
	for _, c := range fs {
		pf(c.f, c.args...)
	}
}

func sprints() {
	groups := [][]any{
		{}, {1}, {"a"}, {1, 2}, {"a", "b"}, {1, "a", 2}, {"a", 1, "b"}, {1.5, true, nil},
		{nil, nil}, {"a", nil, "b"}, {S(1), S(2)}, {Str("x"), Str("y"), 1}, {[]byte("x"), []byte("y")},
		{T{1, "x"}, &T{2, "y"}}, {E{"e"}, "s", SE(1)}, {Pan(1), 2}, {"", ""}, {1, ""},
		{[]interface{}{1}, map[string]interface{}{"a": 1}}, {1e21, 1e20, 1e-5, 100.0},
		{math.NaN(), math.Inf(-1)}, {complex(1, -1), uint8(3)}, {"\xff", 1}, {G{1}, N{M: map[string]interface{}{}, L: []interface{}{}, B: []byte{}}},
	}
	for _, g := range groups {
		pr(g...)
		pl(g...)
	}
	for _, v := range concat(intVals, floatVals, complexVals, stringVals, bytesVals, otherVals) {
		pr(v)
		pl(v, v)
	}
}

func randomFloats() {
	r := rand.New(rand.NewSource(20270101))
	next := func() float64 {
		for {
			f := math.Float64frombits(r.Uint64())
			if !math.IsNaN(f) && !math.IsInf(f, 0) {
				return f
			}
		}
	}
	for i := 0; i < 300; i++ {
		pf("%v", next())
	}
	// Values near powers of two and ten, where shortest output is delicate.
	for e := -1074; e <= 1023; e += 37 {
		pf("%v", math.Ldexp(1, e))
		pf("%v", math.Nextafter(math.Ldexp(1, e), 0))
	}
	for e := -300; e <= 300; e += 23 {
		f, _ := strconv.ParseFloat("1e"+strconv.Itoa(e), 64)
		pf("%v", f)
		pf("%v", math.Nextafter(f, math.Inf(1)))
	}
	verbs := "eEfgGx"
	for i := 0; i < 200; i++ {
		f := next()
		if r.Intn(2) == 0 {
			f = float64(r.Int63n(2000000)-1000000) / math.Pow(10, float64(r.Intn(12)))
		}
		verb := verbs[r.Intn(len(verbs))]
		prec := r.Intn(25)
		pf("%."+strconv.Itoa(prec)+string(verb), f)
	}
	for i := 0; i < 100; i++ {
		f := math.Float32frombits(r.Uint32())
		if f != f || math.IsInf(float64(f), 0) {
			continue
		}
		pf("%v", f)
		pf("%.5e", f)
		pf("%b", f)
	}
}

func main() {
	out := flag.String("o", "", "write the table to this file (default stdout)")
	flag.Parse()

	everyVerbEveryValue()
	integers()
	floats()
	stringsSection()
	composites()
	errorsAndIndexes()
	sprints()
	randomFloats()

	// One case per line keeps the table readable and its diffs small.
	head, err := json.Marshal(runtime.Version())
	if err != nil {
		panic(err)
	}
	data := []byte("{\"go_version\": " + string(head) + ",\n\"cases\": [\n")
	for i, r := range records {
		line, err := json.Marshal(r)
		if err != nil {
			panic(err)
		}
		data = append(data, line...)
		if i < len(records)-1 {
			data = append(data, ',')
		}
		data = append(data, '\n')
	}
	data = append(data, "]}\n"...)
	if *out == "" {
		os.Stdout.Write(data)
		return
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		panic(err)
	}
	fmt.Fprintf(os.Stderr, "%d cases written to %s\n", len(records), *out)
}
