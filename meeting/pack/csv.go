package pack

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode"

	"github.com/klynge/klynge/meeting"
)

// column is a column a CSV file may have, under any of its header names.
// Names are compared after normalizeHeader, so "E-mail" matches "email".
type column struct {
	key   string
	names []string
}

// csvTable is a CSV file read for checking: the columns it has and its
// rows with where each field starts. Columns in the file that no reader
// knows are ignored, since exports from practice systems and spreadsheets
// often carry extra ones (phone, notes).
type csvTable struct {
	cols  map[string]int    // column key -> field index
	names map[string]string // column key -> header as written, for messages
	width int
	rows  []csvRow
	// workbook is set for a table read from a spreadsheet, whose lines
	// are called rows.
	workbook bool
}

// rowName names a line of the table in a message: "line 7" in a CSV file,
// "row 7" in a workbook.
func (t *csvTable) rowName(line int) Phrase {
	if t.workbook {
		return phrase("problem.Row", line)
	}
	return phrase("problem.Line", line)
}

// csvRow is one record. Fields are trimmed of surrounding spaces.
type csvRow struct {
	line   int
	fields []string
	at     []pos
	// skip marks a row whose problem was already reported as a whole (a
	// workbook row with merged or formula cells), so its fields are not
	// checked one by one on top of that.
	skip bool
}

// field returns the value of a column and where it starts. A column the
// file lacks, or a short row, gives "" and the row's line alone.
func (t *csvTable) field(r csvRow, key string) (string, pos) {
	i, ok := t.cols[key]
	if !ok || i >= len(r.fields) {
		return "", pos{Line: r.line}
	}
	return r.fields[i], r.at[i]
}

// has reports whether the file has the column.
func (t *csvTable) has(key string) bool {
	_, ok := t.cols[key]
	return ok
}

// name is the column's header as the file writes it, so messages use the
// coordinator's own word ("nævner" or "denominator").
func (t *csvTable) name(key string) string {
	if n, ok := t.names[key]; ok {
		return n
	}
	return key
}

// excelUTF8 tells a coordinator how to get UTF-8 out of the tool most
// rosters and data files come from.
var excelUTF8 = phrase("problem.ExcelUTF8")

// readCSV reads a ';'- or ','-separated file whose first line is a header.
// example is the header line to suggest when the file has none. ok is false
// when nothing could be read; problems in single rows leave ok true.
func readCSV(t *text, probs *problemList, known []column, example any) (*csvTable, bool) {
	if !t.checkUTF8(probs, excelUTF8) {
		return nil, false
	}
	if len(bytes.TrimSpace(t.src)) == 0 {
		probs.add(pos{}, "problem.EmptyCSV", example)
		return nil, false
	}
	*t = *newText(loneCRToLF(t.src))
	r := csv.NewReader(bytes.NewReader(t.src))
	r.Comma = separator(t.src)
	r.FieldsPerRecord = -1 // short and long rows are reported by the readers
	table := &csvTable{cols: map[string]int{}, names: map[string]string{}}
	header := true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				key, args := csvErrorMessage(pe)
				probs.add(t.atLineByte(pe.Line, pe.Column), key, args...)
				continue
			}
			probs.add(pos{}, "problem.CSV", err)
			return nil, false
		}
		row := csvRow{fields: make([]string, len(rec)), at: make([]pos, len(rec))}
		empty := true
		for i, f := range rec {
			line, col := r.FieldPos(i)
			row.at[i] = t.atLineByte(line, col)
			row.fields[i] = strings.TrimSpace(f)
			empty = empty && row.fields[i] == ""
		}
		row.line = row.at[0].Line
		if header {
			header = false
			table.width = len(rec)
			for i, h := range row.fields {
				key := columnKey(known, h)
				if key == "" {
					continue
				}
				if first, dup := table.cols[key]; dup {
					probs.add(row.at[i], "problem.ColumnTwice", h, first+1)
					continue
				}
				table.cols[key] = i
				table.names[key] = h
			}
			continue
		}
		if !empty {
			table.rows = append(table.rows, row)
		}
	}
	return table, true
}

// requireColumns reports each missing column on the header line, naming
// the Danish header and its English alternative.
func (t *csvTable) requireColumns(probs *problemList, known []column, example any, keys ...string) bool {
	ok := true
	for _, key := range keys {
		if t.has(key) {
			continue
		}
		ok = false
		for _, c := range known {
			if c.key == key {
				probs.add(pos{Line: 1}, "problem.MissingColumn", c.names[0], c.names[1], example)
			}
		}
	}
	return ok
}

// checkWidth reports values beyond the header's columns, which nearly
// always come from a separator inside an unquoted value.
// Empty values there are fine: hand-edited rows often end in a separator.
func (t *csvTable) checkWidth(probs *problemList, r csvRow, sep string) bool {
	for i := t.width; i < len(r.fields); i++ {
		if r.fields[i] != "" {
			probs.add(r.at[i], "problem.RowTooWide", len(r.fields), t.width, sep)
			return false
		}
	}
	return true
}

// separator picks ';' (what Danish Excel writes) or ',' by counting them
// on the header line, outside quotes.
func separator(src []byte) rune {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	semi, comma, quoted := 0, 0, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ';':
			semi++
		case c == ',':
			comma++
		}
	}
	if comma > semi {
		return ','
	}
	return ';'
}

// csvErrorMessage is the key and arguments of a CSV syntax problem.
func csvErrorMessage(pe *csv.ParseError) (string, []any) {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return "problem.BareQuote", nil
	case errors.Is(pe.Err, csv.ErrQuote):
		return "problem.OpenQuote", nil
	}
	return "problem.CSVLine", []any{pe.Err}
}

// normalizeHeader makes header names comparable: case, spaces, dashes and
// dots do not matter ("E-mail", "Ydernr.").
func normalizeHeader(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func columnKey(known []column, header string) string {
	h := normalizeHeader(header)
	for _, c := range known {
		for _, n := range c.names {
			if normalizeHeader(n) == h {
				return c.key
			}
		}
	}
	return ""
}

// checkYdernummer reports a ydernummer that is not 6 digits and returns
// the one to use. Spreadsheets turn 047318 into 47318, and most files
// saved from Excel arrive that way, so 5 digits are read as the 6-digit
// number with its leading zero restored (counted in probs.padded, for the
// caller to say once); fewer get a hint.
func checkYdernummer(probs *problemList, yd string, at pos, column string) (string, bool) {
	// ="047318" is how klynge's own CSV files (and many exports meant
	// for Excel) keep the leading zero: read the digits inside.
	if inner, ok := strings.CutPrefix(yd, `="`); ok {
		if inner, ok = strings.CutSuffix(inner, `"`); ok {
			yd = strings.TrimSpace(inner)
		}
	}
	digits := yd != "" && strings.Trim(yd, "0123456789") == ""
	switch {
	case yd == "":
		probs.add(at, "problem.YdEmpty", column)
	case digits && len(yd) == 5:
		probs.padded++
		return "0" + yd, true
	case digits && len(yd) < 6:
		probs.add(at, "problem.YdShort", column, yd, len(yd), strings.Repeat("0", 6-len(yd))+yd)
	case !digits || len(yd) != 6:
		probs.add(at, "problem.YdBad", column, yd)
	default:
		return yd, true
	}
	return yd, false
}

// textField is field with meeting's text rule applied: a value holding an
// escape code, a control character, a direction override or a line break,
// or one longer than its kind allows, is reported at the character that
// breaks the rule and read as "" with ok false.
func (t *csvTable) textField(probs *problemList, r csvRow, key string, kind meeting.TextKind) (string, pos, bool) {
	s, at := t.field(r, key)
	err := meeting.CheckText(kind, s)
	var te *meeting.TextError
	if !errors.As(err, &te) {
		return s, at, true
	}
	where := at
	if te.Col > 0 && where.Col > 0 && where.Cell == "" {
		where.Col += te.Col - 1
	}
	probs.add(where, "problem.TextField", t.name(key), te)
	return "", at, false
}

// loneCRToLF ends lines at a carriage return that no line feed follows, as
// Excel for Mac's "CSV (Macintosh)" and old Mac editors write them, and as
// editors show them. encoding/csv would otherwise read the whole file as
// its header line and report that the file has no rows. Each CR becomes
// one LF, so byte offsets, and with them lines and columns, stay right.
func loneCRToLF(src []byte) []byte {
	i := bytes.IndexByte(src, '\r')
	if i < 0 {
		return src
	}
	out := bytes.Clone(src)
	for ; i < len(out); i++ {
		if out[i] == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}
