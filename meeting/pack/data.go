package pack

import (
	"io"
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
//
// ReadData is how a pack's own data.csv is read; a file imported into a
// meeting goes through ReadDataFile, which also checks the practices.
func ReadData(r io.Reader, label string, indicators []meeting.Indicator, opts ...ReadOption) ([]meeting.DataRow, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, problem(label, "problem.ReadData", err)
	}
	if p := tooLarge(src, label); p != nil {
		return nil, p
	}
	probs := problemList{file: label}
	rows := parseData(newText(src), &probs, dataCheck{indicators: indicators})
	if err := probs.result(); err != nil {
		return nil, err
	}
	applyOptions(opts, &probs)
	return rows, nil
}

// ReadDataCSV reads a data file as ReadData does, for import into a
// meeting: every ydernummer must also be one of practices (the meeting's
// cluster; nil skips that check), and a file without rows is a problem.
func ReadDataCSV(r io.Reader, label string, indicators []meeting.Indicator, practices []string, opts ...ReadOption) ([]meeting.DataRow, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, problem(label, "problem.ReadData", err)
	}
	if p := tooLarge(src, label); p != nil {
		return nil, p
	}
	probs := problemList{file: label}
	rows := parseData(newText(src), &probs, dataCheck{indicators: indicators, practices: practices, needRows: true,
		skipForeign: options(opts).foreign != nil})
	if err := probs.result(); err != nil {
		return nil, err
	}
	applyOptions(opts, &probs)
	return rows, nil
}

// dataCheck is what the rows of a data file are checked against.
type dataCheck struct {
	// indicators are the valid ids with their units; none skips the id
	// checks, as for a pack whose pack.toml is broken.
	indicators []meeting.Indicator
	// practices are the ydernumre of the meeting's cluster; nil skips
	// the check.
	practices []string
	// needRows makes a file with a header but no rows a problem: an
	// import of nothing is a mistake, an empty data.csv in a pack is not.
	needRows bool
	// skipForeign skips the rows of practices outside practices (see
	// SkipForeign) instead of reporting them.
	skipForeign bool
}

func parseData(t *text, probs *problemList, chk dataCheck) []meeting.DataRow {
	table, ok := readCSV(t, probs, dataColumns(), dataHeader)
	if !ok {
		return nil
	}
	return checkData(table, probs, chk, dataHeader, string(separator(t.src)))
}

// checkData turns a data table's rows into figures, reporting every
// problem. example is the header to suggest; sep is the CSV separator, or
// "" for a workbook, where values cannot spill into the next column.
func checkData(table *csvTable, probs *problemList, chk dataCheck, example any, sep string) []meeting.DataRow {
	cols := dataColumns()
	if !table.requireColumns(probs, cols, example, "ydernummer", "indikator") {
		return nil
	}
	switch {
	case table.has("tæller") != table.has("nævner"):
		table.requireColumns(probs, cols, example, "tæller", "nævner")
		return nil
	case !table.has("tæller") && !table.has("værdi"):
		probs.add(pos{Line: 1}, "problem.FigureColumns", example)
		return nil
	}
	indicators := chk.indicators
	known := map[string]meeting.Indicator{}
	var ids []string
	for _, ind := range indicators {
		known[ind.ID] = ind
		ids = append(ids, ind.ID)
	}
	var inCluster map[string]bool
	if chk.practices != nil {
		inCluster = make(map[string]bool, len(chk.practices))
		for _, yd := range chk.practices {
			inCluster[yd] = true
		}
	}
	seen := map[string]int{} // ydernummer + indicator -> line
	// An unknown id or practice is reported once, at its first row: a
	// misspelt id in pack.toml would otherwise give one line per practice.
	unknownIDs := firstSeen{}
	unknownPractices := firstSeen{}
	var out []meeting.DataRow
	foreign := foreignRows{known: known, inCluster: inCluster}
	for _, row := range table.rows {
		if row.skip {
			continue
		}
		yd, ydAt := table.field(row, "ydernummer")
		id, idAt := table.field(row, "indikator")
		if chk.skipForeign && inCluster != nil && foreign.skip(table, row, yd, ydAt, id, sep) {
			continue
		}
		if sep != "" && !table.checkWidth(probs, row, sep) {
			continue // every value after the stray separator is shifted
		}
		period, periodAt, ok := table.textField(probs, row, "periode", meeting.TextPeriod)
		if !ok {
			continue
		}
		if period, ok = readPeriod(probs, period, periodAt, table.name("periode")); !ok {
			continue
		}
		yd, valid := checkYdernummer(probs, yd, ydAt, table.name("ydernummer"))
		d := meeting.DataRow{Ydernummer: yd, Indicator: id, Period: period}
		if valid && inCluster != nil && !inCluster[yd] {
			valid = false
			unknownPractices.add(yd, ydAt)
		}
		ind, isKnown := known[id]
		switch {
		case id == "":
			valid = false
			probs.add(idAt, "problem.IndicatorEmpty", table.name("indikator"))
		case len(indicators) > 0 && !isKnown:
			valid = false
			unknownIDs.add(id, idAt)
		}
		if valid {
			key := yd + "\x00" + id
			if first, dup := seen[key]; dup {
				probs.add(ydAt, "problem.SecondRow", yd, id, table.rowName(first))
				continue
			}
			seen[key] = row.line
		}

		c := figureReader{table: table, probs: probs, row: row, ydernummer: yd, indicator: id}
		d.Numerator = c.count("tæller")
		d.Denominator = c.count("nævner")
		d.Value = c.value("værdi", ind)
		if c.bad {
			continue
		}
		if c.complete(d, ind.Unit) && valid {
			out = append(out, d)
		}
	}
	for _, id := range unknownIDs.order {
		probs.add(unknownIDs.first[id], "problem.UnknownIndicator", id, unknownIDs.also(id), strings.Join(ids, ", "))
	}
	for _, yd := range unknownPractices.order {
		probs.add(unknownPractices.first[yd], "problem.NotInCluster", yd, unknownPractices.also(yd))
	}
	if chk.needRows && len(table.rows) == 0 && len(probs.list) == 0 {
		probs.add(pos{Line: 1}, "problem.NoDataRows")
	}
	probs.foreign = foreign.result()
	// Rows for other practices only: the wrong file, or a region extract
	// for another cluster; importing nothing from it would look like
	// success.
	if chk.needRows && len(out) == 0 && foreign.rows > 0 && len(probs.list) == 0 {
		probs.add(pos{Line: 1}, "problem.NoClusterRows", foreign.rows, len(foreign.practices))
	}
	return out
}

// foreignRows collects the rows of practices outside the cluster that a
// region's extract holds.
type foreignRows struct {
	known     map[string]meeting.Indicator
	inCluster map[string]bool
	rows      int
	practices map[string]bool
	seen      map[string]bool
	figures   []meeting.DataRow
}

// skip reports whether row belongs to a practice outside the cluster, and
// if so counts it and keeps its figure when it reads well. The row is
// checked into a scratch list, so nothing about it reaches the user's
// problems: the cluster cannot correct another practice's figures. A
// ydernummer that is not 6 digits is never taken as foreign, so a typo
// in the cluster's own rows is still reported.
func (f *foreignRows) skip(table *csvTable, row csvRow, yd string, ydAt pos, id, sep string) bool {
	scratch := problemList{}
	yd, valid := checkYdernummer(&scratch, yd, ydAt, "")
	if !valid || f.inCluster[yd] {
		return false
	}
	if f.practices == nil {
		f.practices, f.seen = map[string]bool{}, map[string]bool{}
	}
	f.rows++
	f.practices[yd] = true
	ind, isKnown := f.known[id]
	key := yd + "\x00" + id
	if !isKnown || f.seen[key] || (sep != "" && !table.checkWidth(&scratch, row, sep)) {
		return true
	}
	period, _, ok := table.textField(&scratch, row, "periode", meeting.TextPeriod)
	if !ok {
		return true
	}
	c := figureReader{table: table, probs: &scratch, row: row, ydernummer: yd, indicator: id}
	d := meeting.DataRow{Ydernummer: yd, Indicator: id, Period: period}
	d.Numerator = c.count("tæller")
	d.Denominator = c.count("nævner")
	d.Value = c.value("værdi", ind)
	if !c.bad && c.complete(d, ind.Unit) {
		f.seen[key] = true
		f.figures = append(f.figures, d)
	}
	return true
}

func (f *foreignRows) result() Foreign {
	return Foreign{Rows: f.rows, Practices: len(f.practices), Figures: f.figures}
}

// firstSeen remembers where each value was first seen and how many more
// times it came, to report it once.
type firstSeen struct {
	first map[string]pos
	more  map[string]int
	order []string
}

func (f *firstSeen) add(v string, at pos) {
	if f.first == nil {
		f.first, f.more = map[string]pos{}, map[string]int{}
	}
	if _, seen := f.first[v]; seen {
		f.more[v]++
		return
	}
	f.first[v] = at
	f.order = append(f.order, v)
}

// also is " (also on N more rows)", or "" for a value seen once.
func (f *firstSeen) also(v string) any {
	if n := f.more[v]; n > 0 {
		return phrase("problem.AlsoRows", n)
	}
	return ""
}

// figureReader reads the numbers of one data row, remembering whether any
// was bad so the row's other checks are not piled on top.
type figureReader struct {
	table      *csvTable
	probs      *problemList
	row        csvRow
	ydernummer string
	indicator  string
	bad        bool
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
		f.probs.add(f.at("værdi"), "problem.ValueAndCount", name("tæller"), name("nævner"), name("værdi"))
	case d.Value != nil:
		return true
	case d.Numerator == nil && d.Denominator == nil:
		f.probs.add(f.at("tæller"), "problem.NoFigure", d.Indicator, name("tæller"), name("nævner"), name("værdi"))
	case d.Denominator == nil:
		f.probs.add(f.at("nævner"), "problem.Missing", name("nævner"), name("tæller"), name("nævner"))
	case d.Numerator == nil:
		f.probs.add(f.at("tæller"), "problem.Missing", name("tæller"), name("nævner"), name("tæller"))
	case *d.Denominator == 0:
		f.probs.add(f.at("nævner"), "problem.ZeroDenominator", name("nævner"))
	case unit == meeting.UnitPercent && *d.Numerator > *d.Denominator:
		f.probs.add(f.at("tæller"), "problem.OverHundred", name("tæller"), formatNumber(*d.Numerator), name("nævner"), formatNumber(*d.Denominator))
	default:
		return true
	}
	return false
}

// count reads a numerator or denominator: a whole number of patients, never
// negative. Requiring whole numbers also catches "1.650" meant as 1650.
func (f *figureReader) count(key string) *float64 {
	s, at := f.table.field(f.row, key)
	if s == "" || f.notANumber(key, s, at) {
		return nil
	}
	name := f.table.name(key)
	v, ok := parseNumber(s)
	switch {
	case !ok && strings.HasSuffix(s, "%"):
		f.probs.add(at, "problem.PercentCount", name, s, f.table.name("tæller"), f.table.name("nævner"), f.table.name("værdi"))
	case !ok:
		f.probs.add(at, "problem.NotNumberWhole", name, s)
	case v < 0:
		f.probs.add(at, "problem.Negative", name, s)
	case v != float64(int64(v)):
		f.probs.add(at, "problem.NotWhole", name, s)
	default:
		return &v
	}
	f.bad = true
	return nil
}

// value reads a ready value in the indicator's unit. A trailing % is
// allowed on a % indicator, since spreadsheets add one to percentages
// ("12,5 %" is 12.5); on any other unit it would be a factor off.
func (f *figureReader) value(key string, ind meeting.Indicator) *float64 {
	s, at := f.table.field(f.row, key)
	if s == "" || f.notANumber(key, s, at) {
		return nil
	}
	name := f.table.name(key)
	number, percent := strings.CutSuffix(s, "%")
	v, ok := parseNumber(strings.TrimSpace(number))
	switch {
	case !ok:
		f.probs.add(at, "problem.NotNumber", name, s)
	case percent && ind.Unit != "" && ind.Unit != meeting.UnitPercent:
		f.probs.add(at, "problem.PercentSign", name, s, ind.ID, unitWords(ind.Unit))
	case ind.Unit == meeting.UnitPercent && (v < 0 || v > 100):
		f.probs.add(at, "problem.OutsidePercent", name, s)
	default:
		return &v
	}
	f.bad = true
	return nil
}

// notANumber reports the usual stand-ins for a missing figure ("n/a", "-")
// and spreadsheet errors ("#DIV/0!") with what to do about them.
func (f *figureReader) notANumber(key, s string, at pos) bool {
	name := f.table.name(key)
	switch {
	case spreadsheetError(s):
		f.probs.add(at, "problem.SpreadsheetError", name, s, f.ydernummer, f.indicator)
	case noFigure(s):
		f.probs.add(at, "problem.NoFigureValue", name, s, f.ydernummer, f.indicator)
	default:
		return false
	}
	f.bad = true
	return true
}

// noFigure reports whether s is how people and practice systems write "no
// figure" in a number column.
func noFigure(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "n/a", "na", "n.a.", "n. a.", "nan", "null", "none", "-", "–", "—", "?", "x", "i/a", "ia", "ukendt", "mangler", "ikke oplyst", "ingen data", "ingen":
		return true
	}
	return false
}

// spreadsheetError reports whether s is an error value Excel or LibreOffice
// shows instead of a result.
func spreadsheetError(s string) bool {
	switch strings.ToUpper(s) {
	case "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#I/T", "#DIVISION/0!", "#VÆRDI!", "#REFERENCE!", "#NAVN?":
		return true
	}
	return false
}

// unitWords names a unit in a message.
func unitWords(u meeting.Unit) any {
	switch u {
	case meeting.UnitPer1000:
		return meeting.Word("problem.UnitPer1000")
	case meeting.UnitCount:
		return meeting.Word("problem.UnitCount")
	case meeting.UnitDays:
		return meeting.Word("problem.UnitDays")
	}
	return string(u)
}

// plainNumber is a number once separators are settled: digits with an
// optional decimal point, no exponent, no hex, no "NaN".
var plainNumber = meeting.LazyRegexp(`^-?[0-9]+(\.[0-9]+)?$`)

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
	if !plainNumber().MatchString(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// formatNumber writes a number the Danish way, with a decimal comma.
func formatNumber(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}
