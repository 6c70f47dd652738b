package export_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

// TestRequestTextIsInert: an indicator title from a pack that a
// spreadsheet would run as a formula, or that holds an escape sequence,
// reaches neither the CSV nor the workbook as such.
func TestRequestTextIsInert(t *testing.T) {
	r := export.Request{
		Meeting: meeting.Meeting{Title: "Møde \x1b[31m", Pack: meeting.Pack{Indicators: []meeting.Indicator{
			{ID: "x", Title: "=HYPERLINK(\"http://x\")", Unit: meeting.UnitPercent, MinDenominator: 5},
			{ID: "y", Title: "Liste \x1b]0;pwn\x07", Unit: meeting.UnitCount},
		}}},
		Practice: meeting.Practice{Ydernummer: "047318", Name: "Lægerne"},
		Period:   "2026Q3",
	}
	for _, lang := range []string{"da", "en"} {
		var b bytes.Buffer
		if err := export.WriteRequestCSV(&b, lang, r); err != nil {
			t.Fatal(err)
		}
		recs := readExcelCSV(t, b.Bytes())
		if len(recs) != 3 || recs[1][0] != `="047318"` || recs[1][7] != "2026Q3" {
			t.Fatalf("%s: records %q", lang, recs)
		}
		if !strings.HasPrefix(recs[1][2], "'=") {
			t.Errorf("%s: a formula title is not neutralised: %q", lang, recs[1][2])
		}
		if strings.ContainsAny(b.String(), "\x1b\x07") {
			t.Errorf("%s: the CSV holds an escape sequence", lang)
		}
		b.Reset()
		if err := export.WriteRequestXLSX(&b, lang, r); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			for _, row := range rows {
				if strings.ContainsAny(strings.Join(row, ""), "\x1b\x07") {
					t.Errorf("%s: sheet %s holds an escape sequence: %q", lang, sheet, row)
				}
			}
		}
		if v, _ := f.GetCellValue(export.RequestSheet, "A2"); v != "047318" {
			t.Errorf("%s: ydernummer cell %q", lang, v)
		}
		if formula, _ := f.GetCellFormula(export.RequestSheet, "C2"); formula != "" {
			t.Errorf("%s: the title became the formula %q", lang, formula)
		}
		f.Close()
	}
}
