package tui

import (
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// textWidth is lipgloss.Width (the cells of the widest line, escape
// sequences not counted), measured the quick way where that gives the
// same answer. lipgloss measures every character through Unicode's
// grapheme rules, which costs about a microsecond for each non-ASCII
// character; a 200-column frame full of box and block characters was
// measured three or four times a frame, most of a chart's View.
func textWidth(s string) int {
	if strings.IndexByte(s, '\n') < 0 {
		return lineWidth(s)
	}
	w := 0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, lineWidth(line))
	}
	return w
}

// lineWidth is ansi.StringWidth of one line: printable ASCII and the
// characters runeCells knows take their cells, SGR-like escape sequences
// none; anything else (other escapes, control characters, combining marks,
// invalid UTF-8, scripts whose characters join) is measured by
// ansi.StringWidth itself, so the answer is always the same as its.
func lineWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			w++
			i++
		case c == 0x1b:
			n := csiLen(s[i:])
			if n == 0 {
				return ansi.StringWidth(s)
			}
			i += n
		case c < utf8.RuneSelf:
			return ansi.StringWidth(s)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			cells := runeCells(r)
			if cells < 0 {
				return ansi.StringWidth(s)
			}
			w += cells
			i += size
		}
	}
	return w
}

// csiLen is the length of the control sequence at the start of s when it
// is ESC [ digits and semicolons, then one final byte (the colours and
// attributes lipgloss and termenv write), or 0 for anything else.
func csiLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c == ';':
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// quickRunes is how far runeCells answers from its table: Latin, Greek,
// Cyrillic, punctuation, arrows, mathematical signs, box drawing, blocks,
// shapes and dingbats. Hangul's jamo (U+1100–U+11FF), which join into
// syllables, are never quick.
const quickRunes = 0x3000

// runeCache holds, for each rune below quickRunes, 0 when not yet asked,
// 1 when the rune must be measured by ansi.StringWidth, or 2 plus its cells.
var runeCache [quickRunes]atomic.Uint32

// runeCells is the cells one rune takes when it is a grapheme cluster of
// its own whatever stands beside it (so adding up runes gives
// ansi.StringWidth's sum over clusters), or -1. The answer is ansi's own,
// asked once per rune: the rune alone, and between two letters, where a
// combining mark, a joiner or a prepended mark would join them.
func runeCells(r rune) int {
	if r < 0 || r >= quickRunes {
		return -1
	}
	if v := runeCache[r].Load(); v != 0 {
		return int(v) - 2
	}
	v := uint32(1)
	if !(r >= 0x1100 && r <= 0x11ff) && r != utf8.RuneError {
		one := string(r)
		w := ansi.StringWidth(one)
		first, _ := ansi.FirstGraphemeCluster(one+"a", ansi.GraphemeWidth)
		before, _ := ansi.FirstGraphemeCluster("a"+one, ansi.GraphemeWidth)
		if first == one && before == "a" && ansi.StringWidth("a"+one+"a") == w+2 {
			v = uint32(w) + 2
		}
	}
	runeCache[r].Store(v)
	return int(v) - 2
}

// truncateLine is ansi.Truncate without a tail, measuring first the quick
// way: most lines fit and come back as they are.
func truncateLine(s string, width int) string {
	if lineWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "")
}
