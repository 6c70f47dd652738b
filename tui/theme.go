package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// ThemeName selects a palette.
type ThemeName string

// The themes klynge ships.
const (
	ThemeDark  ThemeName = "dark"
	ThemeLight ThemeName = "light"
)

// palette is the handful of colours a theme is built from. Projectors wash
// out thin and mid-grey colours, so every colour here is either full
// contrast or a saturated accent.
type palette struct {
	canvas  lipgloss.Color
	text    lipgloss.Color
	accent  lipgloss.Color
	warn    lipgloss.Color
	danger  lipgloss.Color
	selFg   lipgloss.Color
	selBg   lipgloss.Color
	subtle  lipgloss.Color
	divider lipgloss.Color
}

func paletteFor(name ThemeName) palette {
	if name == ThemeLight {
		return palette{
			canvas:  "#FFFFFF",
			text:    "#000000",
			accent:  "#0033AA",
			warn:    "#8A4B00",
			danger:  "#B00020",
			selFg:   "#FFFFFF",
			selBg:   "#0033AA",
			subtle:  "#303030",
			divider: "#0033AA",
		}
	}
	return palette{
		canvas:  "#000000",
		text:    "#FFFFFF",
		accent:  "#FFD700",
		warn:    "#FFA500",
		danger:  "#FF5555",
		selFg:   "#000000",
		selBg:   "#FFD700",
		subtle:  "#E0E0E0",
		divider: "#FFD700",
	}
}

// Styles are every style a screen renders with. They are built once from a
// palette; View functions only call Render.
type Styles struct {
	Theme ThemeName
	// canvas is the escape sequence that sets the theme's background and
	// text colour; empty without colour.
	canvas string

	Title     lipgloss.Style
	Clock     lipgloss.Style
	Status    lipgloss.Style
	Divider   lipgloss.Style
	Text      lipgloss.Style
	Muted     lipgloss.Style
	Selected  lipgloss.Style
	Kind      lipgloss.Style
	Heading   lipgloss.Style
	Question  lipgloss.Style
	Warning   lipgloss.Style
	Error     lipgloss.Style
	Dialog    lipgloss.Style
	HelpKey   lipgloss.Style
	HelpDesc  lipgloss.Style
	HelpSep   lipgloss.Style
	Overlay   lipgloss.Style
	Attention lipgloss.Style
	Bar       lipgloss.Style
	BarLow    lipgloss.Style
	MarkLine  lipgloss.Style
}

// NewStyles builds the styles of a theme for the given renderer. The
// renderer carries the colour profile, so NO_COLOR and tests get plain text
// from the same styles.
func NewStyles(r *lipgloss.Renderer, name ThemeName) Styles {
	p := paletteFor(name)
	base := r.NewStyle().Foreground(p.text)
	return Styles{
		Theme:     name,
		canvas:    canvasSequence(r, p),
		Title:     base.Bold(true),
		Clock:     base.Bold(true),
		Status:    base,
		Divider:   r.NewStyle().Foreground(p.divider),
		Text:      base,
		Muted:     r.NewStyle().Foreground(p.subtle),
		Selected:  r.NewStyle().Foreground(p.selFg).Background(p.selBg).Bold(true),
		Kind:      r.NewStyle().Foreground(p.accent).Bold(true),
		Heading:   r.NewStyle().Foreground(p.accent).Bold(true),
		Question:  base.Bold(true),
		Warning:   r.NewStyle().Foreground(p.warn).Bold(true),
		Error:     r.NewStyle().Foreground(p.danger).Bold(true),
		Dialog:    r.NewStyle().Border(lipgloss.ThickBorder()).BorderForeground(p.accent).Padding(1, 3),
		HelpKey:   r.NewStyle().Foreground(p.accent).Bold(true),
		HelpDesc:  base,
		HelpSep:   r.NewStyle().Foreground(p.subtle),
		Overlay:   r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 2),
		Attention: r.NewStyle().Foreground(p.accent).Bold(true),
		Bar:       r.NewStyle().Foreground(p.accent),
		BarLow:    r.NewStyle().Foreground(p.subtle),
		MarkLine:  r.NewStyle().Foreground(p.text).Bold(true),
	}
}

// canvasSequence is the SGR sequence for the theme's background and text
// colour in the renderer's profile, or "" when there is no colour.
func canvasSequence(r *lipgloss.Renderer, p palette) string {
	profile := r.ColorProfile()
	if profile == termenv.Ascii {
		return ""
	}
	fg := profile.Color(string(p.text)).Sequence(false)
	bg := profile.Color(string(p.canvas)).Sequence(true)
	return termenv.CSI + fg + ";" + bg + "m"
}

// Paint lays the theme's background under a whole frame, so the screen
// looks the same whatever colours the terminal itself uses: a light theme
// in a dark terminal is still black on white. Every reset inside a line
// re-applies the canvas, and every line is padded to the full width.
func (s Styles) Paint(frame string, width int) string {
	if s.canvas == "" {
		return frame
	}
	const reset = termenv.CSI + termenv.ResetSeq + "m"
	lines := strings.Split(frame, "\n")
	for i, line := range lines {
		pad := max(0, width-textWidth(line))
		lines[i] = s.canvas + strings.ReplaceAll(line, reset, reset+s.canvas) + strings.Repeat(" ", pad) + reset
	}
	return strings.Join(lines, "\n")
}

// paint is a style reduced to the escape sequences around its text, for
// drawing many short runs in one frame: lipgloss's Render measures and
// lays out every call, which costs milliseconds over a 60-bar chart. Only
// for styles without padding, borders or widths.
type paint struct{ prefix, suffix string }

func paintOf(st lipgloss.Style) paint {
	r := st.Render("\x00")
	before, after, ok := strings.Cut(r, "\x00")
	if !ok {
		return paint{}
	}
	return paint{before, after}
}

func (p paint) wrap(s string) string { return p.prefix + s + p.suffix }
