package pack

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/klynge/klynge/meeting"
)

// dataColumns are the data file's columns: the Danish name first, then the
// English one.
func dataColumns() []column {
	return []column{
		{"ydernummer", []string{"ydernummer", "provider number", "ydernr"}},
		{"indikator", []string{"indikator", "indicator"}},
		{"tæller", []string{"tæller", "numerator", "taeller"}},
		{"nævner", []string{"nævner", "denominator", "naevner"}},
		{"værdi", []string{"værdi", "value", "vaerdi"}},
		{"periode", []string{"periode", "period"}},
	}
}

const dataHeader = "ydernummer;indikator;tæller;nævner;værdi;periode"

// ReadData reads per-practice figures: one row per practice and indicator
// with either a numerator and denominator (tæller, nævner) or a ready value
// (værdi), and optionally the period they cover. It accepts what ReadRoster
// accepts (';' or ',', BOM, Danish or English headers) and numbers with a
// decimal comma or point. Each row is checked against indicators: the id
// must be one of them, and a % indicator's numerator cannot exceed its
// denominator; with no indicators those checks are skipped. label names the
// file in problems, which are returned together as Problems with the
// character column where the offending field starts.
func ReadData(r io.Reader, label string, indicators []meeting.Indicator) ([]meeting.DataRow, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, Problems{{File: label, Message: fmt.Sprintf("cannot read the data file: %v", err)}}
	}
	probs := problemList{file: label}
	rows := parseData(newText(src), &probs, indicators)
	if err := probs.list.err(); err != nil {
		return nil, err
	}
	return rows, nil
}

func parseData(t *text, probs *problemList, indicators []meeting.Indicator) []meeting.DataRow {
	cols := dataColumns()
	table, ok := readCSV(t, probs, cols, dataHeader)
	if !ok || !table.requireColumns(probs, cols, dataHeader, "ydernummer", "indikator") {
		return nil
	}
	switch {
	case table.has("tæller") != table.has("nævner"):
		table.requireColumns(probs, cols, dataHeader, "tæller", "nævner")
		return nil
	case !table.has("tæller") && !table.has("værdi"):
		probs.add(pos{Line: 1}, "missing columns for the figures: add tæller and nævner (numerator and denominator), or værdi (value), e.g. %s", dataHeader)
		return nil
	}
	known := map[string]meeting.Indicator{}
	var ids []string
	for _, ind := range indicators {
		known[ind.ID] = ind
		ids = append(ids, ind.ID)
	}
	sep := string(separator(t.src))
	seen := map[string]int{} // ydernummer + indicator -> line
	// An unknown id is reported once, at its first row: a misspelt id in
	// pack.toml would otherwise give one line per practice.
	type unknownID struct {
		first pos
		more  int
	}
	unknown := map[string]unknownID{}
	var order []string
	var out []meeting.DataRow
	for _, row := range table.rows {
		if !table.checkWidth(probs, row, sep) {
			continue // every value after the stray separator is shifted
		}
		yd, ydAt := table.field(row, "ydernummer")
		id, idAt := table.field(row, "indikator")
		period, _ := table.field(row, "periode")
		d := meeting.DataRow{Ydernummer: yd, Indicator: id, Period: period}
		valid := checkYdernummer(probs, yd, ydAt, table.name("ydernummer"))
		ind, isKnown := known[id]
		switch {
		case id == "":
			valid = false
			probs.add(idAt, "%s is empty: give the indicator's id from pack.toml", table.name("indikator"))
		case len(indicators) > 0 && !isKnown:
			valid = false
			if u, reported := unknown[id]; reported {
				u.more++
				unknown[id] = u
			} else {
				unknown[id] = unknownID{first: idAt}
				order = append(order, id)
			}
		}
		if valid {
			key := yd + "\x00" + id
			if first, dup := seen[key]; dup {
				probs.add(ydAt, "practice %s has a second row for %q: the first is on line %d; keep one", yd, id, first)
				continue
			}
			seen[key] = row.line
		}

		c := figureReader{table: table, probs: probs, row: row}
		d.Numerator = c.count("tæller")
		d.Denominator = c.count("nævner")
		d.Value = c.value("værdi", ind.Unit)
		if c.bad {
			continue
		}
		if c.complete(d, ind.Unit) && valid {
			out = append(out, d)
		}
	}
	for _, id := range order {
		u := unknown[id]
		also := ""
		switch {
		case u.more == 1:
			also = " (also on 1 more row)"
		case u.more > 1:
			also = fmt.Sprintf(" (also on %d more rows)", u.more)
		}
		probs.add(u.first, "unknown indicator %q%s: use one of %s, or add it to pack.toml", id, also, strings.Join(ids, ", "))
	}
	return out
}

// figureReader reads the numbers of one data row, remembering whether any
// was bad so the row's other checks are not piled on top.
type figureReader struct {
	table *csvTable
	probs *problemList
	row   csvRow
	bad   bool
}

func (f *figureReader) at(key string) pos {
	_, at := f.table.field(f.row, key)
	return at
}

// complete checks that the row gives one figure, either a ready value or a
// numerator over a denominator that makes sense for the unit.
func (f *figureReader) complete(d meeting.DataRow, unit meeting.Unit) bool {
	name := f.table.name
	switch {
	case d.Value != nil && (d.Numerator != nil || d.Denominator != nil):
		f.probs.add(f.at("værdi"), "give either %s and %s or %s, not both", name("tæller"), name("nævner"), name("værdi"))
	case d.Value != nil:
		return true
	case d.Numerator == nil && d.Denominator == nil:
		f.probs.add(f.at("tæller"), "no figure for %s: fill in %s and %s, or %s", d.Indicator, name("tæller"), name("nævner"), name("værdi"))
	case d.Denominator == nil:
		f.probs.add(f.at("nævner"), "%s is missing: a %s needs a %s", name("nævner"), name("tæller"), name("nævner"))
	case d.Numerator == nil:
		f.probs.add(f.at("tæller"), "%s is missing: a %s needs a %s", name("tæller"), name("nævner"), name("tæller"))
	case *d.Denominator == 0:
		f.probs.add(f.at("nævner"), "%s is 0: a share needs at least one patient; leave the row out if the practice has none", name("nævner"))
	case unit == meeting.UnitPercent && *d.Numerator > *d.Denominator:
		f.probs.add(f.at("tæller"), "%s %s is larger than %s %s: a share cannot be over 100 %%", name("tæller"), formatNumber(*d.Numerator), name("nævner"), formatNumber(*d.Denominator))
	default:
		return true
	}
	return false
}

// count reads a numerator or denominator: a whole number of patients, never
// negative. Requiring whole numbers also catches "1.650" meant as 1650.
func (f *figureReader) count(key string) *float64 {
	s, at := f.table.field(f.row, key)
	if s == "" {
		return nil
	}
	v, ok := parseNumber(s)
	switch {
	case !ok:
		f.probs.add(at, "%s %q is not a number: write a whole number such as 42", f.table.name(key), s)
	case v < 0:
		f.probs.add(at, "%s %s is negative: count patients, 0 or more", f.table.name(key), s)
	case v != float64(int64(v)):
		f.probs.add(at, "%s %q is not a whole number: write the count of patients without decimals or thousands separators, e.g. 1650", f.table.name(key), s)
	default:
		return &v
	}
	f.bad = true
	return nil
}

// value reads a ready value in the indicator's unit; a trailing % is
// allowed since spreadsheets add one to percentages.
func (f *figureReader) value(key string, unit meeting.Unit) *float64 {
	s, at := f.table.field(f.row, key)
	if s == "" {
		return nil
	}
	v, ok := parseNumber(strings.TrimSpace(strings.TrimSuffix(s, "%")))
	switch {
	case !ok:
		f.probs.add(at, "%s %q is not a number: write e.g. 61,5 or 1650", f.table.name(key), s)
	case unit == meeting.UnitPercent && (v < 0 || v > 100):
		f.probs.add(at, "%s %s is outside 0–100: a %% indicator takes a percentage such as 61,5", f.table.name(key), s)
	default:
		return &v
	}
	f.bad = true
	return nil
}

// plainNumber is a number once separators are settled: digits with an
// optional decimal point, no exponent, no hex, no "NaN".
var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// parseNumber reads a number as Danish or English spreadsheets write it.
// A comma is the decimal separator, and then dots are thousands separators
// ("1.650,5"); without a comma a dot is the decimal point ("61.5"). Spaces,
// also non-breaking ones, may group thousands ("1 650").
func parseNumber(s string) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f':
			return -1
		}
		return r
	}, s)
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	}
	if !plainNumber.MatchString(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// formatNumber writes a number the Danish way, with a decimal comma.
func formatNumber(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}
