package tui

import (
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// frame puts header, body and footer together as one painted frame of the
// given width, the body cut or filled to bodyH lines. After steadyGlyphs
// it gives the same bytes as
//
//	body = lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).MaxWidth(width).Render(body)
//	s.Paint(lipgloss.JoinVertical(lipgloss.Left, header, body, footer), width)
//
// (TestFrameIsLipglossFrame), but measures each line once, the quick way
// (lineWidth): those three steps measured every line of the frame six
// times through Unicode's grapheme rules, about half of a large screen's
// View.
func (s Styles) frame(width, bodyH int, header, body, footer string) string {
	// Emoji whose width terminals disagree on would make a padded line
	// wrap on the projector; what lipgloss lays out must be what is drawn.
	header, body, footer = steadyGlyphs(header), steadyGlyphs(body), steadyGlyphs(footer)
	lines := make([]string, 0, 64)
	widths := make([]int, 0, 64)
	add := func(block string) {
		for line := range strings.SplitSeq(block, "\n") {
			lines = append(lines, line)
			widths = append(widths, lineWidth(line))
		}
	}
	add(header)
	bodyLines, bodyWidths, widest := boxLines(body, bodyH, width)
	lines = append(lines, bodyLines...)
	widths = append(widths, bodyWidths...)
	add(footer)

	for _, w := range widths {
		widest = max(widest, w)
	}
	// JoinVertical pads every line to the widest; Paint then pads to the
	// frame's width and lays the canvas under it.
	const reset = termenv.CSI + termenv.ResetSeq + "m"
	size := 0
	for _, line := range lines {
		size += len(line) + 1
	}
	var b strings.Builder
	painted := s.canvas != ""
	if painted {
		size += len(lines) * (len(s.canvas) + len(reset) + max(width, widest))
	} else {
		size += len(lines) * widest
	}
	b.Grow(size)
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		pad := widest - widths[i]
		if !painted {
			b.WriteString(line)
			writeSpaces(&b, pad)
			continue
		}
		b.WriteString(s.canvas)
		if strings.Contains(line, reset) {
			line = strings.ReplaceAll(line, reset, reset+s.canvas)
		}
		b.WriteString(line)
		writeSpaces(&b, pad+max(0, width-widest))
		b.WriteString(reset)
	}
	return b.String()
}

// boxLines is the lines of
// lipgloss.NewStyle().Height(h).MaxHeight(h).MaxWidth(width).Render(s)
// without their padding, their widths and the width lipgloss pads them
// to: tabs made four spaces, filled with empty lines to h, every line
// padded to the widest, cut to width cells and to h lines.
func boxLines(s string, h, width int) (lines []string, widths []int, widest int) {
	s = strings.ReplaceAll(s, "\t", "    ")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if h > 0 {
		if n := strings.Count(s, "\n") + 1; n < h {
			s += strings.Repeat("\n", h-n)
		}
	}
	lines = strings.Split(s, "\n")
	widths = make([]int, len(lines))
	for i, line := range lines {
		widths[i] = lineWidth(line)
		widest = max(widest, widths[i])
	}
	if h > 0 && len(lines) > h {
		lines, widths = lines[:h], widths[:h]
	}
	if width <= 0 || widest <= width {
		// The padding to the widest is left to frame, which pads every
		// line to at least this widest.
		return lines, widths, widest
	}
	cut := 0
	for i, line := range lines {
		line = ansi.Truncate(line+strings.Repeat(" ", widest-widths[i]), width, "")
		lines[i], widths[i] = line, lineWidth(line)
		cut = max(cut, widths[i])
	}
	return lines, widths, cut
}

func writeSpaces(b *strings.Builder, n int) {
	const spaces = "                                                                "
	for n > len(spaces) {
		b.WriteString(spaces)
		n -= len(spaces)
	}
	if n > 0 {
		b.WriteString(spaces[:n])
	}
}

// placeCenter is lipgloss.Place(width, height, lipgloss.Center,
// lipgloss.Center, s) without whitespace options, with each line measured
// once the quick way (lipgloss measures each line twice and every space
// of the filling once, through Unicode's grapheme rules).
func placeCenter(width, height int, s string) string {
	lines, widest := centreLines(width, s)
	gap := height - len(lines)
	if gap <= 0 {
		return strings.Join(lines, "\n")
	}
	bottom := int(math.Round(float64(gap) * 0.5))
	top := gap - bottom
	empty := strings.Repeat(" ", widest)
	var b strings.Builder
	b.Grow((height) * (len(empty) + 1 + 16))
	for range top {
		b.WriteString(empty)
		b.WriteByte('\n')
	}
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	for range bottom {
		b.WriteByte('\n')
		b.WriteString(empty)
	}
	return b.String()
}

// placeHCenter is lipgloss.PlaceHorizontal(width, lipgloss.Center, s)
// without whitespace options, measuring each line once the quick way.
func placeHCenter(width int, s string) string {
	lines, _ := centreLines(width, s)
	return strings.Join(lines, "\n")
}

// centreLines centres each line of s in width cells as
// lipgloss.PlaceHorizontal does (the block's widest line centred, shorter
// lines filled to it, the odd cell on the right), or leaves s as it is
// when its widest line is not narrower than width; it returns the lines
// and their common width.
func centreLines(width int, s string) ([]string, int) {
	lines := strings.Split(s, "\n")
	widths := make([]int, len(lines))
	content := 0
	for i, l := range lines {
		widths[i] = lineWidth(l)
		content = max(content, widths[i])
	}
	gap := width - content
	if gap <= 0 {
		return lines, content
	}
	for i, l := range lines {
		total := gap + content - widths[i]
		right := int(math.Round(float64(total) * 0.5))
		left := total - right
		lines[i] = spaces(left) + l + spaces(right)
	}
	return lines, width
}
