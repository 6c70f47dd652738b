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
	// The rest is wrapped again from the text itself, not from the first
	// wrap's lines: joining those would put a space inside a word that
	// was broken because it was longer than a line.
	remainder := strings.Join(first[1:], " ")
	if strings.HasPrefix(s, first[0]) {
		remainder = s[len(first[0]):]
	}
	rest := wrapLines(strings.TrimLeft(remainder, " "), width-indent)
	out := []string{first[0]}
	for _, l := range rest {
		out = append(out, spaces(indent)+l)
	}
	return out
}

// blockWindow shows as many whole blocks (the lines of one list entry,
// headings included in the entry they head) as fit in room lines, with the
// cursor's block in view, and returns the lines with the indexes of the
// first and last block shown. Lines of a block that is taller than the
// room are cut from its end.
func blockWindow(blocks [][]string, cursor, room int) (lines []string, first, last int) {
	if len(blocks) == 0 {
		return nil, 0, -1
	}
	room = max(1, room)
	cursor = max(0, min(cursor, len(blocks)-1))
	// Start at the cursor and add blocks below, then above, while they
	// fit: the cursor's block is shown whole and as much as possible
	// around it, and the window never runs past the last block.
	first, last = cursor, cursor
	used := len(blocks[cursor])
	for {
		grew := false
		if last+1 < len(blocks) && used+len(blocks[last+1]) <= room {
			last++
			used += len(blocks[last])
			grew = true
		}
		if first > 0 && used+len(blocks[first-1]) <= room {
			first--
			used += len(blocks[first])
			grew = true
		}
		if !grew {
			break
		}
	}
	for i := first; i <= last; i++ {
		lines = append(lines, blocks[i]...)
	}
	if len(lines) > room {
		lines = lines[:room]
	}
	return lines, first, last
}

// blockPosition says which entries of n are shown ("▲ 3–5 af 9 ▼"),
// empty when all are.
func blockPosition(t Text, first, last, n int) string {
	if first == 0 && last == n-1 {
		return ""
	}
	s := fmt.Sprintf(t.ListPosition, first+1, last+1, n)
	if first > 0 {
		s = "▲ " + s
	}
	if last < n-1 {
		s += " ▼"
	}
	return s
}

// blockOffset is the first entry to show of a list whose entries are
// heights lines tall, in room lines, so the cursor's entry is whole on
// screen, the window moves only when the cursor leaves it, and it never
// leaves blank lines under the last entry.
func blockOffset(heights []int, cursor, offset, room int) int {
	n := len(heights)
	if n == 0 {
		return 0
	}
	cursor = max(0, min(cursor, n-1))
	offset = max(0, min(offset, n-1))
	if cursor < offset {
		offset = cursor
	}
	sum := func(from, to int) int { // lines of entries from..to inclusive
		t := 0
		for i := from; i <= to; i++ {
			t += heights[i]
		}
		return t
	}
	for offset < cursor && sum(offset, cursor) > room {
		offset++
	}
	for offset > 0 && sum(offset-1, n-1) <= room {
		offset--
	}
	return offset
}
