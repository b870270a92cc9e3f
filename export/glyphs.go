package export

import (
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// missingGlyph stands in for a character the Go fonts cannot draw (emoji,
// Chinese, Hebrew): a visible mark rather than an empty box or a crash.
const missingGlyph = '\uFFFD'

var (
	coverageOnce sync.Once
	coverage     []bool // indexed by rune below 0x10000: all three faces draw it
)

// drawable replaces the characters the Go fonts lack. The fonts cover
// Latin, Greek and Cyrillic (WGL4); fpdf cannot handle runes beyond the
// Basic Multilingual Plane at all.
func drawable(s string) string {
	coverageOnce.Do(loadCoverage)
	for _, r := range s {
		if !canDraw(r) {
			return replaceUndrawable(s)
		}
	}
	return s
}

func canDraw(r rune) bool {
	return r == '\n' || (r >= 0 && int(r) < len(coverage) && coverage[r])
}

func replaceUndrawable(s string) string {
	out := []rune(s)
	for i, r := range out {
		if !canDraw(r) {
			out[i] = missingGlyph
		}
	}
	return string(out)
}

func loadCoverage() {
	coverage = make([]bool, 0x10000)
	for i := range coverage {
		coverage[i] = true
	}
	var buf sfnt.Buffer
	for _, ttf := range [][]byte{goregular.TTF, gobold.TTF, goitalic.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic("export: an embedded Go font does not parse: " + err.Error())
		}
		for r := range coverage {
			if !coverage[r] {
				continue
			}
			if g, err := f.GlyphIndex(&buf, rune(r)); err != nil || g == 0 {
				coverage[r] = false
			}
		}
	}
}
