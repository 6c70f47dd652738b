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

// steadyGlyphs replaces, in a frame about to be painted, each grapheme
// cluster whose width terminals disagree on with a stand-in of the width
// lipgloss gives it: the cluster's first character, padded with spaces.
// Those clusters are emoji built with a zero-width joiner (a family), a
// skin-tone modifier, a variation selector or tag characters (a region's
// flag), and the soft hyphen that Word leaves in copied names, which
// lipgloss counts as no cell and glibc's wcwidth as one. lipgloss counts 👍🏽 as two cells; tmux and xterm draw it in four,
// so a guest named with it made every padded line of the frame wrap and the
// whole screen scroll on each redraw. The stored text is never changed,
// only what reaches the terminal; exports keep the emoji as typed.
func steadyGlyphs(s string) string {
	if !hasUnsteady(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var state byte
	for len(s) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(s, state, nil)
		state = newState
		if n <= 0 {
			b.WriteString(s)
			break
		}
		if seq != "" && seq[0] >= utf8.RuneSelf && hasUnsteady(seq) {
			first, size := utf8.DecodeRuneInString(seq)
			fw := 0
			if !isUnsteadyRune(first) {
				fw = ansi.StringWidth(seq[:size])
			}
			if fw > 0 && fw <= width {
				b.WriteString(seq[:size])
			} else {
				fw = 0
			}
			writeSpaces(&b, width-fw)
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

// hasUnsteady reports whether s may hold a character that makes its
// grapheme cluster's width differ between terminals (see isUnsteadyRune).
// It is the quick test every frame passes: a plain search for bytes.
func hasUnsteady(s string) bool {
	if strings.Contains(s, "\u200d") || strings.Contains(s, "\ufe0f") || strings.Contains(s, "\ufe0e") || strings.Contains(s, "\u00ad") ||
		strings.Contains(s, "\xf3\xa0\x80") || strings.Contains(s, "\xf3\xa0\x81") {
		return true
	}
	for i := strings.Index(s, "\xf0\x9f\x8f"); i >= 0; {
		if i+3 < len(s) && s[i+3] >= 0xbb && s[i+3] <= 0xbf {
			return true
		}
		j := strings.Index(s[i+3:], "\xf0\x9f\x8f")
		if j < 0 {
			break
		}
		i += 3 + j
	}
	return false
}

// isUnsteadyRune reports the characters that join or modify an emoji:
// the zero-width joiner, the variation selectors 15 and 16, the skin-tone
// modifiers and the tag characters; and the soft hyphen.
func isUnsteadyRune(r rune) bool {
	switch {
	case r == 0x200d, r == 0xfe0e, r == 0xfe0f, r == 0xad:
		return true
	case r >= 0x1f3fb && r <= 0x1f3ff:
		return true
	case r >= 0xe0000 && r <= 0xe007f:
		return true
	}
	return false
}
