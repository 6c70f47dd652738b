package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// listOffset returns the first row to show of a list of n rows in a
// window of rows lines so that the cursor is visible and the window never
// runs past the last row: scrolling stops with the last row at the bottom
// instead of leaving blank lines under it.
func listOffset(cursor, offset, n, rows int) int {
	rows = max(1, rows)
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+rows {
		offset = cursor - rows + 1
	}
	return max(0, min(offset, n-rows))
}

// listPosition says where a window of rows lines starting at offset sits
// in a list of n rows ("▲ 6–10 af 17 ▼"), with an arrow only towards the
// side that has more; empty when everything fits.
func listPosition(t Text, offset, rows, n int) string {
	if n <= rows {
		return ""
	}
	s := fmt.Sprintf(t.ListPosition, offset+1, min(n, offset+rows), n)
	if offset > 0 {
		s = "▲ " + s
	}
	if offset+rows < n {
		s += " ▼"
	}
	return s
}

// wrapLines breaks s into lines of at most width cells at spaces (and
// inside words longer than a line), so a date, an amount or a reason is
// moved to the next line rather than cut off with an ellipsis.
func wrapLines(s string, width int) []string {
	if width <= 0 {
		return nil
	}
	return strings.Split(ansi.Wrap(s, width, ""), "\n")
}

// wrapIndent wraps s to width cells and indents every line after the
// first by indent spaces, for a detail that continues a row.
func wrapIndent(s string, width, indent int) []string {
	first := wrapLines(s, width)
	if len(first) <= 1 || indent >= width {
		return first
	}
	rest := wrapLines(strings.TrimLeft(strings.Join(first[1:], " "), " "), width-indent)
	out := []string{first[0]}
	for _, l := range rest {
		out = append(out, spaces(indent)+l)
	}
	return out
}
