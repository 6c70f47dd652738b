package pack

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
)

// ReadDataFile reads a data file for import into a meeting, choosing the
// reader by the file's extension: .csv or .txt as ReadDataCSV, .xlsx as
// ReadDataXLSX; any other extension is a problem saying which to use.
// Problems name the file as path is given.
func ReadDataFile(path string, indicators []meeting.Indicator, practices []string, opts ...ReadOption) ([]meeting.DataRow, error) {
	ext := strings.ToLower(filepath.Ext(path))
	read := ReadDataCSV
	switch ext {
	case ".csv", ".txt":
	case ".xlsx", ".xlsm":
		read = ReadDataXLSX
	case ".xls":
		return nil, problem(path, "problem.XLS")
	case ".ods", ".numbers":
		return nil, problem(path, "problem.OtherSheetFormat", ext)
	default:
		return nil, problem(path, "problem.DataExt")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openProblem(path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, problem(path, "problem.DataFolder")
	}
	return read(f, path, indicators, practices, opts...)
}

// openProblem says what to do when a file cannot be opened.
func openProblem(path string, err error) Problems {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return problem(path, "problem.FileNotFound")
	case errors.Is(err, os.ErrPermission):
		return problem(path, "problem.Denied")
	}
	return problem(path, "problem.ReadFile", unwrapPath(err))
}

// ReadDataXLSX reads a data file saved as an Excel workbook: the sheet
// named "data" (in any case) or else the first sheet, with the header in
// row 1 and the same columns and checks as ReadDataCSV. Numbers may be
// numeric cells (a cell formatted as a percentage counts as its percentage:
// 0,125 shown as 12,5 % is 12,5) or text as ReadDataCSV takes it. Merged
// cells and formulas are refused, since what Excel shows there is not what
// the file holds. Problems name the sheet row as the line and the cell
// ("cell D7: …") in the message; practices nil skips the practice check.
func ReadDataXLSX(r io.Reader, label string, indicators []meeting.Indicator, practices []string, opts ...ReadOption) ([]meeting.DataRow, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, problem(label, "problem.ReadWorkbook", err)
	}
	if p := tooLarge(src, label); p != nil {
		return nil, p
	}
	probs := problemList{file: label}
	rows := parseXLSX(src, &probs, dataCheck{indicators: indicators, practices: practices, needRows: true,
		skipForeign: options(opts).foreign != nil})
	if err := probs.result(); err != nil {
		return nil, err
	}
	applyOptions(opts, &probs)
	return rows, nil
}

// xlsxHeader is the header to suggest for a workbook.
var xlsxHeader = phrase("problem.SheetHeader", "ydernummer, indikator, tæller, nævner, værdi, periode")

// Where workbook files start: a ZIP archive for .xlsx, an OLE compound
// file for the old .xls format and for password-protected workbooks.
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// dataSheetName is the sheet read when a workbook has several.
const dataSheetName = "data"

func parseXLSX(src []byte, probs *problemList, chk dataCheck) []meeting.DataRow {
	wb, ok := openWorkbook(src, probs)
	if !ok {
		return nil
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	if len(sheets) == 0 {
		probs.add(pos{}, "problem.DataNoSheets")
		return nil
	}
	sheet := pickSheet(sheets, dataSheetName)
	if len(sheets) > 1 {
		probs.sheet = sheet
	}
	table, ok := readSheet(wb, sheet, probs, dataSheet)
	if !ok {
		return nil
	}
	return checkData(table, probs, chk, xlsxHeader, "")
}

// pickSheet is the first sheet named one of names (in any case), or else
// the first sheet.
func pickSheet(sheets []string, names ...string) string {
	for _, want := range names {
		for _, name := range sheets {
			if strings.EqualFold(strings.TrimSpace(name), want) {
				return name
			}
		}
	}
	return sheets[0]
}

// sheetKind is what readSheet needs to know about the table it reads.
type sheetKind struct {
	cols   func() []column
	header Phrase       // the header to suggest
	rows   meeting.Word // what each row holds, for messages
}

// dataSheet is a data file's sheet.
var dataSheet = sheetKind{cols: dataColumns, header: xlsxHeader, rows: meeting.Word("problem.RowsPerPracticeIndicator")}

// openWorkbook opens src as an .xlsx workbook, or reports why it is not one.
func openWorkbook(src []byte, probs *problemList) (*excelize.File, bool) {
	switch {
	case len(bytes.TrimSpace(src)) == 0:
		probs.add(pos{}, "problem.EmptyWorkbook")
		return nil, false
	case bytes.HasPrefix(src, oleMagic):
		probs.add(pos{}, "problem.OLE")
		return nil, false
	case !bytes.HasPrefix(src, zipMagic):
		msg := "problem.NotWorkbook"
		if looksLikeText(src) {
			msg = "problem.TextNotWorkbook"
		}
		probs.add(pos{}, msg)
		return nil, false
	}
	wb, err := excelize.OpenReader(bytes.NewReader(src), excelize.Options{UnzipSizeLimit: 1 << 30})
	if err != nil {
		probs.add(pos{}, "problem.BadWorkbook", err)
		return nil, false
	}
	return wb, true
}

// looksLikeText reports whether the start of src is text, as a CSV file
// renamed to .xlsx is.
func looksLikeText(src []byte) bool {
	head := src[:min(len(src), 512)]
	return !bytes.ContainsRune(head, 0) && bytes.ContainsAny(head, ";,\n")
}

// numericColumns are the columns read as numbers: a numeric cell is taken
// at its full stored value, not as rounded for display.
var numericColumns = map[string]bool{"tæller": true, "nævner": true, "værdi": true}

// readSheet reads a sheet into a table, as readCSV reads a file. Each
// field's place is its row and cell. Merged cells and formulas in the
// columns klynge reads are reported, once per merge and once per column,
// and their rows skipped.
func readSheet(wb *excelize.File, sheet string, probs *problemList, kind sheetKind) (*csvTable, bool) {
	grid, err := wb.GetRows(sheet)
	if err != nil {
		probs.add(pos{}, "problem.BadSheet", sheet, err)
		return nil, false
	}
	if allEmpty(grid) {
		probs.add(pos{}, "problem.EmptySheet", sheet, kind.header, kind.rows)
		return nil, false
	}
	if allEmpty(grid[:1]) {
		probs.add(pos{Line: 1}, "problem.Row1Empty", kind.header)
		return nil, false
	}

	cols := kind.cols()
	table := &csvTable{cols: map[string]int{}, names: map[string]string{}, workbook: true}
	for _, r := range grid {
		table.width = max(table.width, len(r))
	}
	read := map[int]string{} // column index -> key of a column klynge reads
	for i, h := range grid[0] {
		h = strings.TrimSpace(h)
		key := columnKey(cols, h)
		if key == "" {
			continue
		}
		if first, dup := table.cols[key]; dup {
			probs.add(pos{Line: 1, Cell: cellName(i, 1)}, "problem.ColumnTwiceCell", h, cellName(first, 1))
			continue
		}
		table.cols[key] = i
		table.names[key] = h
		read[i] = key
	}

	skip := map[int]bool{} // rows inside a reported merge
	merges, err := wb.GetMergeCells(sheet, true)
	if err != nil {
		probs.add(pos{}, "problem.BadMerges", sheet, err)
		return nil, false
	}
	for _, mc := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		touches := r1 == 1
		for c := range read {
			touches = touches || (c+1 >= c1 && c+1 <= c2)
		}
		if !touches {
			continue // e.g. a merged note beside the data
		}
		probs.add(pos{Line: r1, Cell: mc.GetStartAxis()},
			"problem.Merged",
			mc.GetStartAxis(), mc.GetEndAxis())
		for r := r1; r <= r2; r++ {
			skip[r] = true
		}
	}

	formulas := firstSeen{}        // column letter -> first formula cell
	formula := map[string]string{} // column letter -> its first formula
	for i := 1; i < len(grid); i++ {
		line := i + 1
		row := csvRow{line: line, fields: make([]string, table.width), at: make([]pos, table.width), skip: skip[line]}
		empty := true
		for c := range table.width {
			cell := cellName(c, line)
			row.at[c] = pos{Line: line, Cell: cell}
			v := ""
			if c < len(grid[i]) {
				v = strings.TrimSpace(grid[i][c])
			}
			if key, ok := read[c]; ok {
				if f, _ := wb.GetCellFormula(sheet, cell); f != "" {
					col := strings.TrimRight(cell, "0123456789")
					if _, seen := formula[col]; !seen {
						formula[col] = f
					}
					formulas.add(col, row.at[c])
					row.skip = true
				}
				if numericColumns[key] {
					v = cellNumber(wb, sheet, cell, v)
				}
			}
			row.fields[c] = v
			empty = empty && v == ""
		}
		if !empty || row.skip {
			table.rows = append(table.rows, row)
		}
	}
	for _, col := range formulas.order {
		var also any = ""
		if n := formulas.more[col]; n > 0 {
			also = phrase("problem.FormulaMore", n, col)
		}
		probs.add(formulas.first[col], "problem.Formula", formula[col], also)
	}
	return table, true
}

// cellNumber is a number cell's value as text parseNumber reads: the full
// stored number, not the rounded one Excel shows, and a percentage-formatted
// cell as its percentage with a % sign. Other cells keep shown, their text.
func cellNumber(wb *excelize.File, sheet, cell, shown string) string {
	typ, err := wb.GetCellType(sheet, cell)
	if err != nil || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
		return shown
	}
	raw, err := wb.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		return shown
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return shown
	}
	if percentFormat(wb, sheet, cell) {
		return plainNumber15(v*100) + " %"
	}
	return plainNumber15(v)
}

// plainNumber15 writes v without exponent, rounded to the 15 significant
// digits a spreadsheet keeps, so 0.615*100 is 61.5, not 61.50000000000001.
func plainNumber15(v float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		r = v
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// percentFormat reports whether the cell is formatted as a percentage:
// Excel's built-in formats 9 (0%) and 10 (0.00%), or a custom format with
// a % sign outside quotes.
func percentFormat(wb *excelize.File, sheet, cell string) bool {
	idx, err := wb.GetCellStyle(sheet, cell)
	if err != nil {
		return false
	}
	st, err := wb.GetStyle(idx)
	if err != nil || st == nil {
		return false
	}
	if st.NumFmt == 9 || st.NumFmt == 10 {
		return true
	}
	if st.CustomNumFmt == nil {
		return false
	}
	quoted, escaped := false, false
	for _, r := range *st.CustomNumFmt {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
		case r == '"':
			quoted = !quoted
		case r == '%' && !quoted:
			return true
		}
	}
	return false
}

// cellName is the name of the cell in 0-based column col of row line.
func cellName(col, line int) string {
	name, err := excelize.CoordinatesToCellName(col+1, line)
	if err != nil {
		return fmt.Sprintf("R%dC%d", line, col+1)
	}
	return name
}

func allEmpty(grid [][]string) bool {
	for _, r := range grid {
		for _, v := range r {
			if strings.TrimSpace(v) != "" {
				return false
			}
		}
	}
	return true
}
