package template

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// title stands in for cases.Title(language.AmericanEnglish).String, which
// upstream uses but which lives outside the standard library
// (golang.org/x/text). "en-US" has no tailoring there, so the root ("und")
// title caser applies. Its behaviour, re-created here:
//
//   - The first cased rune after a word break is mapped to titlecase, using
//     the full (SpecialCasing) mapping: "ß" -> "Ss", "ﬁ" -> "Fi".
//   - Every later cased rune of the word is lower-cased, again with the full
//     mapping ("İ" -> "i̇"), and a capital sigma becomes final "ς" unless a
//     cased rune follows after case-ignorables.
//   - Uncased runes are copied. Digits do not start a word, so "1st" becomes
//     "1St", while "a1B" becomes "A1b".
//   - Word breaks approximate UAX #29: letters, digits, marks, format
//     characters and connector punctuation ("_") continue a word; MidLetter,
//     MidNumLet and Single_Quote runes (":", ".", "'", "’", "·") continue it
//     too unless two of them are adjacent; everything else (space, "-", "/",
//     ",", CJK ideographs, kana, Thai and other South-East Asian letters)
//     breaks it. Invalid UTF-8 bytes are copied unchanged and break words.
//
// Approximations, because the standard library lacks the Unicode word-break
// property table: ALetter is derived from the general category and script
// (plus the listed exceptions), and the Unicode version is the Go release's
// (17.0 for go1.27) rather than x/text's own tables (15.1). Outside rarely
// used scripts and symbols the results match.
func title(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	midWord := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteByte(text[i])
			midWord = false
			i++
			continue
		}
		next := i + size
		switch {
		case isCased(r) && !midWord:
			writeTitle(&b, r)
			midWord = true
		case r == 'Σ':
			next, midWord = lowerSigma(&b, text, next)
		case isCased(r):
			writeLower(&b, r)
		default:
			b.WriteRune(r)
			if isWordBreak(r) {
				midWord = false
			}
		}
		// Two adjacent mid-word punctuation runes ("..", ".'") end the word.
		if isMid(r) && next < len(text) {
			if nr, _ := utf8.DecodeRuneInString(text[next:]); isMid(nr) {
				midWord = false
			}
		}
		i = next
	}
	return b.String()
}

// maxIgnorable bounds the final-sigma look-ahead as x/text does.
const maxIgnorable = 30

// lowerSigma lower-cases a mid-word capital sigma that ends at index pos. It
// looks past case-ignorable runes (copying them unchanged) for a cased rune:
// if one follows the sigma is medial "σ", otherwise final "ς". It returns
// where scanning resumes (the first non-ignorable rune is left for the
// caller) and whether the word is still open after the copied runes.
func lowerSigma(b *strings.Builder, text string, pos int) (int, bool) {
	midWord := true
	var copied strings.Builder
	prevMid := false
	sigma := "ς"
	for n := 0; n <= maxIgnorable && pos < len(text); n++ {
		r, size := utf8.DecodeRuneInString(text[pos:])
		if (r == utf8.RuneError && size == 1) || !isCaseIgnorable(r) {
			if isCased(r) {
				sigma = "σ"
			}
			break
		}
		mid := isMid(r)
		if (prevMid && mid) || isWordBreak(r) {
			midWord = false
		}
		prevMid = mid
		copied.WriteString(text[pos : pos+size])
		pos += size
	}
	b.WriteString(sigma)
	b.WriteString(copied.String())
	return pos, midWord
}

// titleSpecial lists the unconditional SpecialCasing.txt titlecase mappings
// that differ from the simple mapping unicode.ToTitle provides.
var titleSpecial = map[rune]string{
	0x00DF: "Ss",
	0x0149: "\u02BCN",
	0x01F0: "J\u030C",
	0x0390: "\u0399\u0308\u0301",
	0x03B0: "\u03A5\u0308\u0301",
	0x0587: "\u0535\u0582",
	0x1E96: "H\u0331",
	0x1E97: "T\u0308",
	0x1E98: "W\u030A",
	0x1E99: "Y\u030A",
	0x1E9A: "A\u02BE",
	0x1F50: "\u03A5\u0313",
	0x1F52: "\u03A5\u0313\u0300",
	0x1F54: "\u03A5\u0313\u0301",
	0x1F56: "\u03A5\u0313\u0342",
	0x1FB2: "\u1FBA\u0345",
	0x1FB4: "\u0386\u0345",
	0x1FB6: "\u0391\u0342",
	0x1FB7: "\u0391\u0342\u0345",
	0x1FC2: "\u1FCA\u0345",
	0x1FC4: "\u0389\u0345",
	0x1FC6: "\u0397\u0342",
	0x1FC7: "\u0397\u0342\u0345",
	0x1FD2: "\u0399\u0308\u0300",
	0x1FD3: "\u0399\u0308\u0301",
	0x1FD6: "\u0399\u0342",
	0x1FD7: "\u0399\u0308\u0342",
	0x1FE2: "\u03A5\u0308\u0300",
	0x1FE3: "\u03A5\u0308\u0301",
	0x1FE4: "\u03A1\u0313",
	0x1FE6: "\u03A5\u0342",
	0x1FE7: "\u03A5\u0308\u0342",
	0x1FF2: "\u1FFA\u0345",
	0x1FF4: "\u038F\u0345",
	0x1FF6: "\u03A9\u0342",
	0x1FF7: "\u03A9\u0342\u0345",
	0xFB00: "Ff",
	0xFB01: "Fi",
	0xFB02: "Fl",
	0xFB03: "Ffi",
	0xFB04: "Ffl",
	0xFB05: "St",
	0xFB06: "St",
	0xFB13: "\u0544\u0576",
	0xFB14: "\u0544\u0565",
	0xFB15: "\u0544\u056B",
	0xFB16: "\u054E\u0576",
	0xFB17: "\u0544\u056D",
}

func writeTitle(b *strings.Builder, r rune) {
	if s, ok := titleSpecial[r]; ok {
		b.WriteString(s)
		return
	}
	b.WriteRune(unicode.ToTitle(r))
}

func writeLower(b *strings.Builder, r rune) {
	// The only unconditional full lowercase mapping that differs from the
	// simple one.
	if r == 0x0130 {
		b.WriteString("i\u0307")
		return
	}
	b.WriteRune(unicode.ToLower(r))
}

// isCased is the Unicode Cased property: Lu, Ll, Lt plus Other_Lowercase and
// Other_Uppercase (e.g. ª, ʰ, Ⓐ, Ⅰ).
func isCased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.In(r, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// isMid reports the word-break classes MidLetter, MidNumLet and Single_Quote.
func isMid(r rune) bool {
	switch r {
	case ':', 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A, // MidLetter
		'.', 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E, // MidNumLet
		'\'': // Single_Quote
		return true
	}
	return false
}

// isCaseIgnorable is the Unicode Case_Ignorable property.
func isCaseIgnorable(r rune) bool {
	return isMid(r) || unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// breakingLetterScripts hold letters whose word-break class is not ALetter
// (ideographic, kana, or Line_Break=Complex_Context), so each one breaks.
var breakingLetterScripts = []*unicode.RangeTable{
	unicode.Ideographic, unicode.Han, unicode.Hiragana, unicode.Katakana,
	unicode.Thai, unicode.Lao, unicode.Myanmar, unicode.Khmer, unicode.Tai_Le,
	unicode.New_Tai_Lue, unicode.Tai_Tham, unicode.Tai_Viet, unicode.Ahom,
}

// aLetterSymbols are non-letters that UAX #29 nevertheless classes ALetter.
var aLetterSymbols = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x02C2, Hi: 0x02C5, Stride: 1},
		{Lo: 0x02D2, Hi: 0x02D7, Stride: 1},
		{Lo: 0x02DE, Hi: 0x02DF, Stride: 1},
		{Lo: 0x02E5, Hi: 0x02EB, Stride: 1},
		{Lo: 0x02ED, Hi: 0x02ED, Stride: 1},
		{Lo: 0x02EF, Hi: 0x02FF, Stride: 1},
		{Lo: 0x055A, Hi: 0x055C, Stride: 1},
		{Lo: 0x055E, Hi: 0x055E, Stride: 1},
		{Lo: 0x058A, Hi: 0x058A, Stride: 1},
		{Lo: 0x05F3, Hi: 0x05F3, Stride: 1},
		{Lo: 0x066B, Hi: 0x066C, Stride: 1}, // Numeric, not ALetter, but non-breaking all the same
		{Lo: 0x202F, Hi: 0x202F, Stride: 1}, // ExtendNumLet
		{Lo: 0xA708, Hi: 0xA716, Stride: 1},
		{Lo: 0xA720, Hi: 0xA721, Stride: 1},
		{Lo: 0xA789, Hi: 0xA78A, Stride: 1},
		{Lo: 0xAB5B, Hi: 0xAB5B, Stride: 1},
		{Lo: 0xAB6A, Hi: 0xAB6B, Stride: 1},
	},
}

// isWordBreak reports whether an uncased rune ends the current word, i.e. its
// word-break class is none of ALetter, Hebrew_Letter, Numeric, Extend,
// ExtendNumLet, Format, ZWJ and it is not a mid-word rune.
func isWordBreak(r rune) bool {
	if isMid(r) || isCased(r) {
		return false
	}
	switch {
	case r == 0x200B: // ZERO WIDTH SPACE is Cf but word-break Other.
		return true
	case unicode.In(r, unicode.M, unicode.Nd, unicode.Nl, unicode.Cf, unicode.Pc, aLetterSymbols):
		return false
	case unicode.IsLetter(r):
		return unicode.In(r, breakingLetterScripts...) || isKatakanaMark(r)
	}
	return true
}

// isKatakanaMark covers the Common-script marks whose word-break class is
// Katakana (iteration and prolonged-sound marks).
func isKatakanaMark(r rune) bool {
	return (r >= 0x3031 && r <= 0x3035) || r == 0x30FC || r == 0xFF70
}
