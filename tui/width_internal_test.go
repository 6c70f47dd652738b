package tui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// TestLineWidthIsAnsiStringWidth asks every rune the quick table covers,
// alone and between letters, colours and other runes, and compares with
// ansi.StringWidth: the frames' bytes depend on the widths being the same.
func TestLineWidthIsAnsiStringWidth(t *testing.T) {
	quick := 0
	for r := rune(0); r < quickRunes+64; r++ {
		one := string(r)
		for _, s := range []string{
			one, "a" + one, one + "a", "a" + one + "b",
			"\x1b[1;38;2;255;215;0m" + one + "\x1b[0m",
			one + "\u0301", one + "\ufe0f", one + "\u200d" + one, "\u1100" + one,
			one + one + one, "æ" + one + "─",
		} {
			if got, want := lineWidth(s), ansi.StringWidth(s); got != want {
				t.Fatalf("lineWidth(%q) = %d, ansi.StringWidth = %d", s, got, want)
			}
		}
		if runeCells(r) >= 0 {
			quick++
		}
	}
	if quick < 5000 {
		t.Errorf("only %d runes are measured the quick way; the table is not doing its work", quick)
	}
	// The characters frames are made of must be quick, or nothing is won.
	for _, r := range "æøåÆØÅé–—…‘’“”·•─━│┃┌┐└┘├┤┬┴┼═║█▌▐▏▕░▒▓■□▲▼◀▶●○◆✓✗⏳→←↑↓" {
		if runeCells(r) < 0 {
			t.Errorf("%q (U+%04X) is not measured the quick way", r, r)
		}
	}
}

// TestTextWidthIsLipglossWidth compares random frames: lines of ASCII,
// Danish letters, box and block characters, wide and joining characters,
// colour sequences, other escapes and control characters.
func TestTextWidthIsLipglossWidth(t *testing.T) {
	pieces := []string{
		"a", "Z", " ", "0", "~", "æ", "Ø", "å", "é", "─", "█", "▌", "│", "•", "–", "…", "✓", "✗", "⏳",
		"\x1b[0m", "\x1b[1m", "\x1b[38;2;255;215;0m", "\x1b[48;5;17m", "\x1b[m", "\x1b[?25l", "\x1b]8;;http://x\x07",
		"\x1b", "\x1b[", "\x1b[12", "\t", "\r", "\x7f", "\u0301", "\u200d", "\ufe0f", "日", "😀", "👍🏽", "🇩🇰",
		"\u1100\u1161", "한", "\xff", "\xc3", "e\u0301", "ﬁ", "\u00ad", "\u200b", "\n",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := textWidth(s), lipgloss.Width(s); got != want {
			t.Fatalf("textWidth(%q) = %d, lipgloss.Width = %d", s, got, want)
		}
		for _, w := range []int{0, 1, 3, 10} {
			line, _, _ := strings.Cut(s, "\n")
			if got, want := truncateLine(line, w), ansi.Truncate(line, w, ""); got != want {
				t.Fatalf("truncateLine(%q, %d) = %q, ansi.Truncate = %q", line, w, got, want)
			}
		}
	}
}

// TestSteadyGlyphs checks that each emoji whose width terminals disagree
// on is replaced by a stand-in of the same width to lipgloss, which every
// terminal draws in that width, and that everything else, escape codes
// included, passes as it was.
func TestSteadyGlyphs(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text", "Klynge æøå │ ✓ 日本", "Klynge æøå │ ✓ 日本"},
		{"combining mark", "e\u0301", "e\u0301"},
		{"flag", "🇩🇰", "🇩🇰"},
		{"skin tone", "👍🏽 ok", "👍 ok"},
		{"family joined", "a👨\u200d👩\u200d👧b", "a👨b"},
		{"heart with VS16", "❤️x", "❤ x"},
		{"text presentation VS15", "❤\ufe0ex", "❤x"},
		{"keycap", "1️⃣", "1"},
		{"tag flag", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F!", "🏴!"},
		{"joiner after a letter", "a\u200d", "a"},
		{"colours kept", "\x1b[1;38;2;255;215;0m👍🏿\x1b[0m", "\x1b[1;38;2;255;215;0m👍\x1b[0m"},
		{"not a modifier", "\U0001F3C6 trophy", "\U0001F3C6 trophy"},
		{"soft hyphen", "Læge\u00adhuset", "Lægehuset"},
		{"zero-width space kept", "a\u200bb", "a\u200bb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := steadyGlyphs(tt.in)
			if got != tt.want {
				t.Errorf("steadyGlyphs(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if gw, iw := ansi.StringWidth(got), ansi.StringWidth(tt.in); gw != iw {
				t.Errorf("width %d, was %d: the frame's layout would shift", gw, iw)
			}
			if sum := wcCells(got); sum != ansi.StringWidth(got) {
				t.Errorf("%q is %d cells to lipgloss but %d character by character", got, ansi.StringWidth(got), sum)
			}
		})
	}
}

// wcCells is the cells a terminal without grapheme clustering (tmux,
// xterm, VTE) draws s in: each character's own width, escape codes not
// counted. Such terminals give a regional indicator (half a flag) one
// cell, where ansi measures a lone one as two, and so a soft hyphen,
// where ansi gives none.
func wcCells(s string) int {
	n := 0
	for _, r := range ansi.Strip(s) {
		if (r >= 0x1f1e6 && r <= 0x1f1ff) || r == 0xad {
			n++
			continue
		}
		n += ansi.StringWidth(string(r))
	}
	return n
}
