package tui

import (
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
)

// TestWrapIndentKeepsLongWordsWhole: a word longer than a line is broken
// across lines but never gets a space inside it, and every continuation
// line uses the indented width (seen in tmux: a 380-letter pledge came out
// as lines of 76 and 4 letters with spaces between).
func TestWrapIndentKeepsLongWordsWhole(t *testing.T) {
	tests := []struct {
		name, s       string
		width, indent int
		// unbroken: one word longer than a line, so every line but the
		// last is full.
		unbroken bool
	}{
		{"long word", "▶ • Ring til " + strings.Repeat("å", 380), 80, 4, true},
		{"words", "Anonymiteten ophæves på datamøder, når alle praksis har givet samtykke ved mødets start", 40, 2, false},
		{"emoji", strings.Repeat("🫁", 100), 30, 4, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := wrapIndent(tt.s, tt.width, tt.indent)
			var got []string
			for i, l := range lines {
				if w := meeting.Cells(l); w > tt.width {
					t.Errorf("line %d is %d cells wide, more than %d: %q", i, w, tt.width, l)
				}
				if i > 0 {
					if !strings.HasPrefix(l, spaces(tt.indent)) {
						t.Errorf("line %d is not indented by %d: %q", i, tt.indent, l)
					}
					l = l[tt.indent:]
				}
				got = append(got, l)
			}
			letters := func(s string) string { return strings.Join(strings.Fields(s), "") }
			if letters(strings.Join(got, "")) != letters(tt.s) {
				t.Errorf("the text changed:\n got %q\nwant %q", strings.Join(got, ""), tt.s)
			}
			if tt.unbroken && len(lines) > 2 {
				for i, l := range lines[1 : len(lines)-1] {
					if meeting.Cells(l) < tt.width-tt.indent-1 {
						t.Errorf("continuation line %d is short (%d cells), as if wrapped twice: %q", i+1, meeting.Cells(l), l)
					}
				}
			}
		})
	}
}
