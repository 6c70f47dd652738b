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
