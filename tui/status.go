package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// statusMost is the most lines the footer's status (an error, a notice)
// takes: at 80 columns an error with what to do runs over one line, and
// is wrapped rather than cut; the body gives up its last lines meanwhile.
const statusMost = 4

// statusLine renders the footer's status text in style, wrapped at width
// (continuation lines indented under the text after the mark), on at most
// statusMost lines.
func statusLine(style lipgloss.Style, text string, width int) string {
	lines := wrapIndent(text, width, 2)
	if len(lines) > statusMost {
		lines = append(lines[:statusMost-1], truncate(strings.Join(lines[statusMost-1:], " "), width))
	}
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}

// fitBody is the body's height once the footer's status has taken the
// lines it needs beyond its one.
func fitBody(bodyH int, footer string) int {
	return max(0, bodyH-max(0, lipgloss.Height(footer)-footerLines))
}
