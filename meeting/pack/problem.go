package pack

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/klynge/klynge/meeting"
)

// Problem is one thing wrong in a file. Line and Col are 1-based; Col counts
// characters (not bytes), as editors do, so a position after "æ" or "ø"
// still points at the right place. Zero means the problem has no line or
// column, e.g. a missing file or a missing column in a CSV header.
type Problem struct {
	File    string
	Line    int
	Col     int
	Message string
	// More is set only on the last entry of a list that was cut short: it
	// stands for this many further problems, which were counted but not
	// kept, so a file of errors cannot fill the memory.
	More int
}

// String formats the problem the way compilers do, so editors can jump to
// it: "file:line:col: message", "file:line: message" without a column,
// "file: message" without a line.
func (p Problem) String() string {
	if p.More > 0 {
		return fmt.Sprintf("%s: … and %d more problems", p.File, p.More)
	}
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
			if p.Col > 0 {
				fmt.Fprintf(&b, ":%d", p.Col)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every problem found; it is the error Read, ReadRoster, ReadData
// and ParseSlides return when their input is invalid.
type Problems []Problem

// Count is how many problems there are, those counted but not kept (see
// Problem.More) included.
func (ps Problems) Count() int {
	n := 0
	for _, p := range ps {
		if p.More > 0 {
			n += p.More
		} else {
			n++
		}
	}
	return n
}

// Error lists one problem per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets meeting.ErrorCode see invalid input (EINVALID) and gives
// meeting.ErrorMessage one line to show where a list does not fit, such as
// a TUI footer: the first problem and how many more there are.
func (ps Problems) Unwrap() error {
	if len(ps) == 0 {
		return nil
	}
	msg := ps[0].String()
	switch n := ps.Count() - 1; {
	case n == 1:
		msg += " (and 1 more problem)"
	case n > 1:
		msg += fmt.Sprintf(" (and %d more problems)", n)
	}
	return &meeting.Error{Code: meeting.EINVALID, Message: msg}
}

// sorted orders problems by file, line and column. Problems at the same
// place keep the order they were found in, which follows the file.
func (ps Problems) sorted() Problems {
	out := slices.Clone(ps)
	var more []Problem
	out = slices.DeleteFunc(out, func(p Problem) bool {
		if p.More > 0 {
			more = append(more, p)
			return true
		}
		return false
	})

	slices.SortStableFunc(out, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return append(out, more...)
}

// err returns the sorted problems as an error, or nil when there are none,
// so callers never get a non-nil error holding an empty list.
func (ps Problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps.sorted()
}

// problemList collects problems for one file. sheet is set when the file
// is a workbook with several sheets, so messages say which one was read.
type problemList struct {
	file  string
	sheet string
	list  Problems
	// dropped counts the problems beyond maxProblems, which are not kept.
	dropped int
	// padded counts the ydernumre read with 5 digits and completed with
	// the leading zero a spreadsheet dropped.
	padded int
}

// maxProblems is how many problems a file's list keeps; the rest are only
// counted. A CLI shows 20, a screen fewer.
const maxProblems = 200

// result is the list as an error (nil when there is none): sorted, and
// ending in an entry for the problems not kept.
func (l *problemList) result() error {
	if len(l.list) == 0 {
		return nil
	}
	out := l.list.sorted()
	if l.dropped > 0 {
		out = append(out, Problem{File: l.file, More: l.dropped})
	}
	return out
}

// add records a problem at a place. A place in a spreadsheet is named in
// the message ("cell B7: …", or "sheet "Data", cell B7: …"), which is what
// the coordinator looks for in Excel.
func (l *problemList) add(at pos, format string, args ...any) {
	if len(l.list) >= maxProblems {
		l.dropped++
		return
	}
	msg := fmt.Sprintf(format, args...)
	switch {
	case at.Cell != "" && l.sheet != "":
		msg = fmt.Sprintf("sheet %q, cell %s: %s", l.sheet, at.Cell, msg)
	case at.Cell != "":
		msg = fmt.Sprintf("cell %s: %s", at.Cell, msg)
	case at.Line > 0 && l.sheet != "":
		msg = fmt.Sprintf("sheet %q: %s", l.sheet, msg)
	}
	l.list = append(l.list, Problem{File: l.file, Line: at.Line, Col: at.Col, Message: msg})
}
