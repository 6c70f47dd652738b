package pack_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

// testPractices is the cluster the fixtures are checked against.
var testPractices = []string{"047318", "112905", "128774", "061442"}

func fixture(name string) string { return filepath.Join(fixtureDir, name) }

func TestReadDataFile(t *testing.T) {
	tests := []struct {
		file string
		want []meeting.DataRow
	}{
		{"semikolon-bom.csv", []meeting.DataRow{
			{Ydernummer: "047318", Indicator: "kol-forloebsplan", Numerator: ptr(98), Denominator: ptr(131), Period: "2026Q3"},
			{Ydernummer: "047318", Indicator: "andel-65plus", Value: ptr(24.8), Period: "2026Q3"},
			{Ydernummer: "112905", Indicator: "kol-forloebsplan", Numerator: ptr(3), Denominator: ptr(4), Period: "2026Q3"},
			{Ydernummer: "112905", Indicator: "andel-65plus", Value: ptr(12.5), Period: "2026Q3"},
			{Ydernummer: "112905", Indicator: "liste-stoerrelse", Value: ptr(1650), Period: "2026Q3"},
		}},
		{"komma.csv", []meeting.DataRow{
			{Ydernummer: "047318", Indicator: "kol-prevalens", Numerator: ptr(131), Denominator: ptr(4870), Period: "2026"},
			{Ydernummer: "047318", Indicator: "andel-65plus", Value: ptr(24.8), Period: "2026"},
			{Ydernummer: "112905", Indicator: "andel-65plus", Value: ptr(19.5), Period: "2026"},
		}},
		// The sheet named Data, not the first; a percentage-formatted
		// 0,248 is 24,8; a numeric 112905 is the ydernummer.
		{"data.xlsx", []meeting.DataRow{
			{Ydernummer: "047318", Indicator: "kol-forloebsplan", Numerator: ptr(98), Denominator: ptr(131), Period: "2026Q3"},
			{Ydernummer: "047318", Indicator: "andel-65plus", Value: ptr(24.8), Period: "2026Q3"},
			{Ydernummer: "112905", Indicator: "andel-65plus", Value: ptr(19.5), Period: "2026Q3"},
			{Ydernummer: "112905", Indicator: "kol-prevalens", Numerator: ptr(12), Denominator: ptr(1650), Period: "2026Q3"},
			{Ydernummer: "112905", Indicator: "liste-stoerrelse", Value: ptr(1650), Period: "2026Q3"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := pack.ReadDataFile(fixture(tt.file), testIndicators(), testPractices)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d rows, want %d: %v", len(got), len(tt.want), got)
			}
			for i := range got {
				if !sameRow(got[i], tt.want[i]) {
					t.Errorf("row %d: got %s, want %s", i+1, show(got[i]), show(tt.want[i]))
				}
			}
		})
	}
}

func TestReadDataFileProblems(t *testing.T) {
	type want struct{ place, msg string }
	tests := []struct {
		file  string
		wants []want
	}{
		{"latin1.csv", []want{{"latin1.csv:1:23", `not UTF-8 text (byte 0xe6, probably "æ" saved as Windows-1252): save the file as UTF-8 (in Excel: "Save as", type "CSV UTF-8")`}}},
		{"tom.csv", []want{{"tom.csv", "the file is empty: the first line must be the header ydernummer;indikator;tæller;nævner;værdi;periode"}}},
		{"kun-overskrift.csv", []want{{"kun-overskrift.csv:1", "there are no rows under the header"}}},
		{"na.csv", []want{{"na.csv:2:23", `værdi is "n/a", not a number: if practice 047318 has no figure for andel-65plus, leave the row out`}}},
		{"procent.csv", []want{{"procent.csv:3:25", `tæller "12,5 %" is a percentage, not a count: give tæller and nævner as numbers of patients, or put the share in the værdi column`}}},
		{"fejl.csv", []want{
			{"fejl.csv:3:1", "practice 999999 is not in the cluster: check the ydernummer against the roster"},
			{"fejl.csv:4:8", `unknown indicator "kol-spiro": use one of kol-forloebsplan, kol-prevalens, andel-65plus, liste-stoerrelse`},
			{"fejl.csv:5:27", "nævner is 0: a share needs at least one patient"},
			{"fejl.csv:7:23", `værdi is "n/a", not a number`},
			{"fejl.csv:8:1", `practice 047318 has a second row for "kol-forloebsplan": the first is on line 2; keep one`},
			{"fejl.csv:9:25", "tæller 12 is larger than nævner 10: a share cannot be over 100 %"},
			{"fejl.csv:10:1", `ydernummer "4731" has 4 digits, not 6`},
			{"fejl.csv:11:22", `tæller "ti" is not a number`},
		}},
		{"tomt-ark.xlsx", []want{{"tomt-ark.xlsx", `sheet "Sheet1" is empty: put the header`}}},
		{"flettede-celler.xlsx", []want{{"flettede-celler.xlsx:3", "cell A3: cells A3:A4 are merged: klynge needs a value in every cell; unmerge them"}}},
		{"formler.xlsx", []want{{"formler.xlsx:2", "cell E2: holds the formula =100*1/4 (so do 2 more cells in column E): klynge reads values, not formulas; copy the column and paste it back as values"}}},
		{"fejl.xlsx", []want{
			{"fejl.xlsx:2", "cell D2: nævner is 0"},
			{"fejl.xlsx:3", `cell E3: værdi is "n/a", not a number`},
			// Row 4's ydernummer 47318 lost its leading zero in Excel: it is
			// read as 047318, not a problem.
			{"fejl.xlsx:5", `cell C5: tæller "12,5 %" is a percentage, not a count`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := pack.ReadDataFile(fixture(tt.file), testIndicators(), testPractices)
			ps := problems(t, err)
			for _, w := range tt.wants {
				wantProblem(t, ps, filepath.Join(fixtureDir, w.place), w.msg)
			}
			if len(ps) != len(tt.wants) {
				t.Errorf("want %d problems, got %d:\n%v", len(tt.wants), len(ps), ps)
			}
		})
	}
}

func TestReadDataFileKinds(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	folder := filepath.Join(dir, "mappe.csv")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	csv, err := os.ReadFile(fixture("komma.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, msg string
	}{
		{"csv renamed to xlsx", write("data.xlsx", csv), "this is a text file, not an Excel workbook: rename it to end in .csv"},
		{"empty xlsx", write("tom.xlsx", nil), "the file is empty: save the workbook from Excel again"},
		{"old xls", write("gammel.xls", []byte{0xD0, 0xCF, 0x11, 0xE0}), "Excel 97–2003 workbook (.xls)"},
		{"old xls renamed", write("gammel.xlsx", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}), "or a password-protected one"},
		{"broken zip", write("brudt.xlsx", []byte("PK\x03\x04 not really")), "cannot read the workbook"},
		{"other extension", write("data.pdf", csv), "klynge reads data from .csv, .txt and .xlsx files"},
		{"spreadsheet of another program", write("data.ods", csv), `save the sheet as "Excel Workbook (.xlsx)"`},
		{"missing", filepath.Join(dir, "findes-ikke.csv"), "file not found: check the path"},
		{"folder", folder, "this is a folder: give the data file inside it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pack.ReadDataFile(tt.path, testIndicators(), testPractices)
			ps := problems(t, err)
			if len(ps) != 1 || ps[0].File != tt.path || !strings.Contains(ps[0].String(), tt.msg) {
				t.Errorf("got %v, want one problem for %s containing %q", ps, tt.path, tt.msg)
			}
		})
	}
	// A .txt file is read as CSV.
	rows, err := pack.ReadDataFile(write("data.txt", csv), testIndicators(), testPractices)
	if err != nil || len(rows) != 3 {
		t.Errorf("data.txt: %d rows, %v", len(rows), err)
	}
}

func TestReadDataXLSXSheetNamedInMessages(t *testing.T) {
	f, err := os.Open(fixture("data.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Without 112905 in the cluster, its rows are refused, naming the
	// sheet, since the workbook has two.
	_, err = pack.ReadDataXLSX(f, "data.xlsx", testIndicators(), []string{"047318"})
	ps := problems(t, err)
	wantProblem(t, ps, "data.xlsx:4", `sheet "Data", cell A4: practice 112905 is not in the cluster (also on 2 more rows)`)
	if len(ps) != 1 {
		t.Errorf("want 1 problem, got:\n%v", ps)
	}
}

func TestReadDataValueUnits(t *testing.T) {
	const header = "ydernummer;indikator;værdi\n"
	tests := []struct {
		name, row, msg string
	}{
		{"percent sign on a rate", "047318;kol-prevalens;26,9 %\n", `værdi "26,9 %" has a % sign, but kol-prevalens is measured in per 1000: write the value in that unit, without %`},
		{"percent sign on a count", "047318;liste-stoerrelse;12 %\n", "is measured in a count"},
		{"spreadsheet error", "047318;andel-65plus;#DIV/0!\n", "værdi holds the spreadsheet error #DIV/0!: correct the calculation in the spreadsheet, or leave the row out if practice 047318 has no figure for andel-65plus"},
		{"dash", "047318;andel-65plus;-\n", `værdi is "-", not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pack.ReadDataCSV(strings.NewReader(header+tt.row), "d.csv", testIndicators(), nil)
			ps := problems(t, err)
			if len(ps) != 1 || !strings.Contains(ps[0].String(), tt.msg) {
				t.Errorf("got %v, want one problem containing %q", ps, tt.msg)
			}
		})
	}
	// Without the indicators' units a percent sign is simply dropped.
	rows, err := pack.ReadDataCSV(strings.NewReader(header+"047318;x;12,5 %\n"), "d.csv", nil, nil)
	if err != nil || len(rows) != 1 || *rows[0].Value != 12.5 {
		t.Errorf("rows %v, err %v", rows, err)
	}
}
