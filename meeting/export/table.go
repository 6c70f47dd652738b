package export

import (
	"bytes"
	"io"
	"strings"

	"github.com/klynge/klynge/meeting"
)

// TableWriter lays out tab-separated lines in columns as text/tabwriter
// does with no minimum width, a padding of two and spaces
// (tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)), but measures each cell in
// terminal cells rather than runes: tabwriter counts 李, an emoji or an é
// written as e and a combining accent as one, two and two, so a row
// holding a name with one of them was shifted against the rows around it.
//
// Like tabwriter, a column is aligned across the consecutive lines that
// have a cell in it, the text after a line's last tab is not a cell, and a
// line without a tab ends the table so far and is written at once. The
// text tables of the exports and of every command use it.
type TableWriter struct {
	w   io.Writer
	buf []byte // what is not yet written
}

// tablePadding is the spaces between one column's widest cell and the
// next column.
const tablePadding = 2

// NewTableWriter returns a TableWriter writing to w; call Flush at the end.
func NewTableWriter(w io.Writer) *TableWriter { return &TableWriter{w: w} }

// Write buffers p. When a complete line without a tab arrives, everything
// up to it is laid out and written, as tabwriter does.
func (t *TableWriter) Write(p []byte) (int, error) {
	from := len(t.buf)
	t.buf = append(t.buf, p...)
	lineStart := bytes.LastIndexByte(t.buf[:from], '\n') + 1
	for i := from; i < len(t.buf); i++ {
		if t.buf[i] != '\n' {
			continue
		}
		if bytes.IndexByte(t.buf[lineStart:i], '\t') >= 0 {
			lineStart = i + 1
			continue
		}
		if err := t.flushTo(i + 1); err != nil {
			return 0, err
		}
		i, lineStart = -1, 0 // the rest now starts the buffer
	}
	return len(p), nil
}

// Flush lays out and writes everything buffered.
func (t *TableWriter) Flush() error { return t.flushTo(len(t.buf)) }

func (t *TableWriter) flushTo(n int) error {
	text := string(t.buf[:n])
	t.buf = append(t.buf[:0], t.buf[n:]...)
	if text == "" {
		return nil
	}
	_, err := io.WriteString(t.w, layoutTable(text))
	return err
}

// layoutTable is the columns of text, as described on TableWriter.
func layoutTable(text string) string {
	lines := strings.Split(text, "\n")
	cells := make([][]string, len(lines))
	for i, l := range lines {
		cells[i] = strings.Split(l, "\t")
	}
	// The last line has no newline yet: like tabwriter, an empty text
	// after its last tab is not a cell.
	if last := cells[len(cells)-1]; last[len(last)-1] == "" {
		cells[len(cells)-1] = last[:len(last)-1]
	}
	var b strings.Builder
	var widths []int
	var format func(line0, line1 int)
	writeLines := func(line0, line1 int) {
		for i := line0; i < line1; i++ {
			for j, c := range cells[i] {
				b.WriteString(c)
				if j < len(widths) && j < len(cells[i])-1 {
					b.WriteString(strings.Repeat(" ", max(0, widths[j]-meeting.Cells(c))))
				}
			}
			if i+1 < len(lines) {
				b.WriteByte('\n')
			}
		}
	}
	format = func(line0, line1 int) {
		column := len(widths)
		for this := line0; this < line1; this++ {
			if column >= len(cells[this])-1 {
				continue
			}
			// A cell in this column: a block of lines that have one.
			writeLines(line0, this)
			line0 = this
			width := 0
			for ; this < line1 && column < len(cells[this])-1; this++ {
				width = max(width, meeting.Cells(cells[this][column])+tablePadding)
			}
			widths = append(widths, width)
			format(line0, this)
			widths = widths[:len(widths)-1]
			line0 = this
		}
		writeLines(line0, line1)
	}
	format(0, len(lines))
	return b.String()
}
