package tui

import (
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestFrameIsLipglossFrame builds random frames both ways, the quick one
// and lipgloss's, with and without colour, and wants the same bytes: the
// goldens and the projector depend on it.
func TestFrameIsLipglossFrame(t *testing.T) {
	pieces := []string{
		"a", "Klynge ", "  ", "æøå", "─────", "█▌", "│", "•", "✓", "⏳", "日本", "e\u0301", "🇩🇰", "\t", "\r",
		"\x1b[0m", "\x1b[1;38;2;255;215;0m", "\x1b[m", "\x1b[?25l", "\u200d", "👍🏽", "❤️", "👨\u200d👩\u200d👧",
	}
	rng := rand.New(rand.NewPCG(3, 4))
	block := func(lines, maxPieces int) string {
		var b strings.Builder
		for i := range lines {
			if i > 0 {
				b.WriteString([]string{"\n", "\n", "\n", "\r\n"}[rng.IntN(4)])
			}
			for range rng.IntN(maxPieces + 1) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		return b.String()
	}
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(profile)
		for _, theme := range []ThemeName{ThemeDark, ThemeLight} {
			s := NewStyles(r, theme)
			if (s.canvas != "") != (profile != termenv.Ascii) {
				t.Fatalf("profile %v: canvas %q", profile, s.canvas)
			}
			for range 3000 {
				width := 1 + rng.IntN(40)
				bodyH := rng.IntN(12)
				header := block(1+rng.IntN(3), 8)
				body := block(rng.IntN(bodyH+6), 12)
				footer := block(1+rng.IntN(3), 8)
				box := lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).MaxWidth(width).Render(steadyGlyphs(body))
				want := s.Paint(lipgloss.JoinVertical(lipgloss.Left, steadyGlyphs(header), box, steadyGlyphs(footer)), width)
				if got := s.frame(width, bodyH, header, body, footer); got != want {
					t.Fatalf("width %d, body height %d, header %q, body %q, footer %q:\n got %q\nwant %q",
						width, bodyH, header, body, footer, got, want)
				}
			}
		}
	}
}

// TestPlaceIsLipglossPlace compares the quick centring with lipgloss's on
// random blocks, narrower and wider than the space they are placed in.
func TestPlaceIsLipglossPlace(t *testing.T) {
	pieces := []string{"a", "Afslut ", "æøå", "━━━", "┃", "⚠", "日本", "e\u0301", "\x1b[1;38;2;255;215;0m", "\x1b[0m", " "}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		var b strings.Builder
		for i := range 1 + rng.IntN(8) {
			if i > 0 {
				b.WriteByte('\n')
			}
			for range rng.IntN(10) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		s := b.String()
		w, h := rng.IntN(40), rng.IntN(14)
		if got, want := placeCenter(w, h, s), lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, s); got != want {
			t.Fatalf("placeCenter(%d, %d, %q):\n got %q\nwant %q", w, h, s, got, want)
		}
		if got, want := placeHCenter(w, s), lipgloss.PlaceHorizontal(w, lipgloss.Center, s); got != want {
			t.Fatalf("placeHCenter(%d, %q):\n got %q\nwant %q", w, s, got, want)
		}
	}
}
