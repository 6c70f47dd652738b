package pack

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// Problem is one thing wrong in a file. Line and Col are 1-based; Col counts
// characters (not bytes), as editors do, so a position after "æ" or "ø"
// still points at the right place. Zero means the problem has no line or
// column, e.g. a missing file or a missing column in a CSV header.
//
// A problem holds no sentence: Key names its message in klynge's catalogue
// (meeting/msg, keys "problem.…") and Args fill it, so the caller words it
// in the user's language with Word or In. Sheet and Cell name the place in
// a workbook, which the wording puts in front ("ark »Data«, celle B7: …").
type Problem struct {
	File  string
	Line  int
	Col   int
	Sheet string
	Cell  string
	Key   string
	Args  []any
	// More is set only on the last entry of a list that was cut short: it
	// stands for this many further problems, which were counted but not
	// kept, so a file of errors cannot fill the memory.
	More int
}

// Phrase is an argument of a problem that is itself a message of the
// catalogue ("line 7", "agenda item 3", "the number 12"): it is worded in
// the same language as the problem.
type Phrase struct {
	Key  string
	Args []any
}

func phrase(key string, args ...any) Phrase { return Phrase{Key: key, Args: args} }

// wordArgs words the arguments that are themselves messages: a Phrase, a
// meeting.Word, a *meeting.TextError or any other error.
func wordArgs(args []any, lang string, t func(string, ...any) string) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case Phrase:
			out[i] = t(v.Key, wordArgs(v.Args, lang, t)...)
		case meeting.Word:
			out[i] = t(string(v))
		case *meeting.TextError:
			out[i] = v.Message(lang)
		case error:
			out[i] = meeting.WordError(v, lang, t)
		default:
			out[i] = a
		}
	}
	return out
}

// Word formats the problem the way compilers do, so editors can jump to it:
// "file:line:col: message", "file:line: message" without a column, "file:
// message" without a line; the message is worded in lang through t (a
// catalogue's T, e.g. msg.For(lang).T).
func (p Problem) Word(lang string, t func(key string, args ...any) string) string {
	if p.More > 0 {
		return t("problem.More", p.File, p.More)
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
	m := t(p.Key, wordArgs(p.Args, lang, t)...)
	switch {
	case p.Cell != "" && p.Sheet != "":
		m = t("problem.SheetCell", p.Sheet, p.Cell, m)
	case p.Cell != "":
		m = t("problem.Cell", p.Cell, m)
	case p.Sheet != "":
		m = t("problem.Sheet", p.Sheet, m)
	}
	b.WriteString(m)
	return b.String()
}

// In words the problem in lang ("da" or "en") through klynge's catalogue.
func (p Problem) In(lang string) string {
	pr := msg.For(lang)
	return p.Word(pr.Lang(), pr.T)
}

// String is the problem in English, for logs and tests; a user is shown
// In(lang).
func (p Problem) String() string { return p.In("en") }

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

// Error lists one problem per line, in English (see In).
func (ps Problems) Error() string { return ps.In("en") }

// In lists one problem per line in lang.
func (ps Problems) In(lang string) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.In(lang)
	}
	return strings.Join(lines, "\n")
}

// Word implements meeting.Worded, so msg.Printer.Error words a problem
// list where one line must do, such as a TUI footer: the first problem and
// how many more there are.
func (ps Problems) Word(lang string, t func(key string, args ...any) string) (string, bool) {
	if len(ps) == 0 {
		return "", false
	}
	s := ps[0].Word(lang, t)
	if n := ps.Count() - 1; n > 0 {
		s += t("problem.AndMore", n)
	}
	return s, true
}

// Unwrap lets meeting.ErrorCode see invalid input (EINVALID) and gives
// meeting.ErrorMessage one line to show where a list does not fit, such as
// a TUI footer: the first problem and how many more there are.
func (ps Problems) Unwrap() error {
	if len(ps) == 0 {
		return nil
	}
	s, _ := ps.Word("en", msg.For("en").T)
	return &meeting.Error{Code: meeting.EINVALID, Message: s}
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
	// foreign holds the rows of other practices that SkipForeign skipped.
	foreign Foreign
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

// add records a problem at a place: key names its message in the
// catalogue, args fill it. A place in a spreadsheet is named in the message
// ("cell B7: …", or "sheet "Data", cell B7: …"), which is what the
// coordinator looks for in Excel.
func (l *problemList) add(at pos, key string, args ...any) {
	if len(l.list) >= maxProblems {
		l.dropped++
		return
	}
	p := Problem{File: l.file, Line: at.Line, Col: at.Col, Cell: at.Cell, Key: key, Args: args}
	if at.Cell != "" || at.Line > 0 {
		p.Sheet = l.sheet
	}
	l.list = append(l.list, p)
}

// problem is a single problem with no place inside its file.
func problem(file, key string, args ...any) Problems {
	return Problems{{File: file, Key: key, Args: args}}
}
