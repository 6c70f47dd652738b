package pack

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// pos is a place in a file: 1-based line and character column, zero when
// unknown. In a spreadsheet Line is the sheet's row and Cell names the
// cell ("B7"), which problems then mention in their message, since a
// character column means nothing there.
type pos struct {
	Line, Col int
	Cell      string
}

// utf8BOM is what Notepad and Excel put in front of UTF-8 files.
const utf8BOM = "\uFEFF"

// text is a file's contents with what is needed to turn byte offsets into
// the line and character column a coordinator sees in an editor.
type text struct {
	src        []byte
	lineStarts []int
}

// newText strips a byte-order mark, which is invisible in editors and so
// must not shift columns, and indexes the line starts.
func newText(src []byte) *text {
	src = bytes.TrimPrefix(src, []byte(utf8BOM))
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &text{src: src, lineStarts: starts}
}

// at converts a byte offset into a position.
func (t *text) at(offset int) pos {
	offset = min(max(offset, 0), len(t.src))
	line := sort.Search(len(t.lineStarts), func(i int) bool { return t.lineStarts[i] > offset }) - 1
	start := t.lineStarts[line]
	return pos{Line: line + 1, Col: utf8.RuneCount(t.src[start:offset]) + 1}
}

// atLineByte converts a 1-based line and 1-based byte column, as go-toml
// and encoding/csv report them, into a position.
func (t *text) atLineByte(line, byteCol int) pos {
	if line < 1 || line > len(t.lineStarts) {
		return pos{Line: line}
	}
	return t.at(t.lineStarts[line-1] + max(byteCol-1, 0))
}

// checkUTF8 reports the first byte that is not UTF-8. Only the first: once
// a file is in another encoding, every æ, ø and å after it is wrong too, and
// one message with the fix says it all. how is appended to the advice, e.g.
// how to do it in Excel.
func (t *text) checkUTF8(probs *problemList, how any) bool {
	if utf8.Valid(t.src) {
		return true
	}
	off := 0
	for off < len(t.src) {
		r, size := utf8.DecodeRune(t.src[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	b := t.src[off]
	var guess any = ""
	switch b {
	case 0xE6, 0xC6, 0xF8, 0xD8, 0xE5, 0xC5:
		// The Danish letters in Windows-1252, the usual culprit.
		guess = phrase("problem.Windows1252", string(rune(b)))
	}
	probs.add(t.at(off), "problem.NotUTF8", b, guess, how)
	return false
}
