package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
)

// TestFieldViewKeepsWideTextInItsWidth: the field scrolls while it is
// typed into at the width it was made with, and the compact form at 80x24
// draws it narrower; a run of emoji and East Asian characters then drew
// wider than the field and pushed the form's frame off the screen.
func TestFieldViewKeepsWideTextInItsWidth(t *testing.T) {
	in := textinput.New()
	in.CharLimit = 2000
	in.Width = 48
	in.Focus()
	in.SetValue(strings.Repeat("Sygeplejersken laver forløbsplan 😀 ved årskontrol; 漢字 ok. ", 7))
	in.Blur()
	for _, pos := range []int{0, 40, 200, 300, 406} {
		in.Width = 48
		in.SetCursor(pos)
		in.Width = 34 // as the compact form draws it
		limit := lipgloss.Width(in.Prompt) + in.Width + 1
		if w := lipgloss.Width(fieldView(in)); w > limit {
			t.Errorf("cursor at %d: the field draws %d cells, more than %d", pos, w, limit)
		}
	}
}
