package pack_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeFixtures rewrites testdata/data from the definitions below:
//
//	go test ./meeting/pack -run TestFixtures -write-fixtures
//
// The files are committed, so they can be opened in Excel or an editor to
// see what the tests read; TestFixtures checks they still match.
var writeFixtures = flag.Bool("write-fixtures", false, "rewrite the data fixtures in testdata/data")

const fixtureDir = "testdata/data"

// csvFixtures are the text fixtures, byte for byte: encodings, BOMs and
// separators are what they test.
func csvFixtures() map[string][]byte {
	return map[string][]byte{
		// Danish Excel: BOM, ';', decimal comma, CRLF, a percentage value.
		"semikolon-bom.csv": []byte("\uFEFFydernummer;indikator;tæller;nævner;værdi;periode\r\n" +
			"047318;kol-forloebsplan;98;131;;2026-Q3\r\n" +
			"047318;andel-65plus;;;24,8;2026-Q3\r\n" +
			"112905;kol-forloebsplan;3;4;;2026-Q3\r\n" +
			"112905;andel-65plus;;;12,5 %;2026-Q3\r\n" +
			"112905;liste-stoerrelse;;;1 650;2026-Q3\r\n"),
		// English headers, ',' separators, a quoted decimal comma.
		"komma.csv": []byte("Provider number,Indicator,Numerator,Denominator,Value,Period\n" +
			"047318,kol-prevalens,131,4870,,2026\n" +
			"047318,andel-65plus,,,\"24,8\",2026\n" +
			"112905,andel-65plus,,,19.5,2026\n"),
		// Windows-1252: "tæller" with æ as 0xE6.
		"latin1.csv": []byte("ydernummer;indikator;t\xe6ller;n\xe6vner;periode\n047318;kol-forloebsplan;98;131;2026\n"),
		// A percentage as a value is fine; as a count it is not.
		"procent.csv": []byte("ydernummer;indikator;tæller;nævner;værdi\n" +
			"047318;andel-65plus;;;12,5 %\n" +
			"112905;kol-forloebsplan;12,5 %;131;\n"),
		"na.csv": []byte("ydernummer;indikator;tæller;nævner;værdi\n" +
			"047318;andel-65plus;;;n/a\n"),
		"tom.csv":            {},
		"kun-overskrift.csv": []byte("ydernummer;indikator;tæller;nævner;værdi;periode\n"),
		// One problem of every kind, on its own line.
		"fejl.csv": []byte("ydernummer;indikator;tæller;nævner;værdi;periode\n" +
			"047318;kol-forloebsplan;98;131;;2026\n" + // 2: fine
			"999999;kol-forloebsplan;5;10;;2026\n" + // 3: not in the cluster
			"047318;kol-spiro;5;10;;2026\n" + // 4: unknown indicator
			"112905;kol-forloebsplan;0;0;;2026\n" + // 5: denominator 0
			"112905;kol-prevalens;12;10;;2026\n" + // 6: fine: a rate may exceed its denominator
			"112905;andel-65plus;;;n/a;2026\n" + // 7: n/a
			"047318;kol-forloebsplan;97;131;;2026\n" + // 8: duplicate of line 2
			"128774;kol-forloebsplan;12;10;;2026\n" + // 9: numerator > denominator
			"4731;kol-prevalens;1;2;;2026\n" + // 10: ydernummer too short
			"128774;kol-prevalens;ti;1650;;2026\n"), // 11: not a number
	}
}

// xlsxFixtures build the workbook fixtures.
func xlsxFixtures() map[string]func(*testing.T, *excelize.File) {
	header := []any{"ydernummer", "indikator", "tæller", "nævner", "værdi", "periode"}
	return map[string]func(*testing.T, *excelize.File){
		// Two sheets: the one named Data is read. Numbers are numeric
		// cells, a percentage-formatted cell, text with a decimal comma,
		// and a ydernummer kept with a 000000 format.
		"data.xlsx": func(t *testing.T, f *excelize.File) {
			must(t, f.SetSheetName("Sheet1", "Vejledning"))
			must(t, f.SetCellValue("Vejledning", "A1", "Udfyld arket Data"))
			_, err := f.NewSheet("Data")
			must(t, err)
			rows := [][]any{
				header,
				{"047318", "kol-forloebsplan", 98, 131, nil, "2026-Q3"},
				{"047318", "andel-65plus", nil, nil, 0.248, "2026-Q3"},
				{"112905", "andel-65plus", nil, nil, "19,5", "2026-Q3"},
				{112905, "kol-prevalens", 12, 1650, nil, "2026-Q3"},
				{"112905", "liste-stoerrelse", nil, nil, 1650, "2026-Q3"},
			}
			setRows(t, f, "Data", rows)
			pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
			must(t, err)
			must(t, f.SetCellStyle("Data", "E3", "E3", pct))
			zeros := "000000"
			padded, err := f.NewStyle(&excelize.Style{CustomNumFmt: &zeros})
			must(t, err)
			must(t, f.SetCellStyle("Data", "A5", "A5", padded))
		},
		"flettede-celler.xlsx": func(t *testing.T, f *excelize.File) {
			setRows(t, f, "Sheet1", [][]any{
				header,
				{"047318", "kol-forloebsplan", 98, 131, nil, "2026"},
				{"112905", "kol-forloebsplan", 3, 4, nil, "2026"},
				{nil, "kol-prevalens", 12, 1650, nil, "2026"},
				{"128774", "kol-prevalens", 40, 1650, nil, "2026"},
			})
			must(t, f.MergeCell("Sheet1", "A3", "A4"))
			must(t, f.SetCellValue("Sheet1", "H2", "note"))
			must(t, f.MergeCell("Sheet1", "H2", "I3")) // beside the data: fine
		},
		"formler.xlsx": func(t *testing.T, f *excelize.File) {
			setRows(t, f, "Sheet1", [][]any{
				header,
				{"047318", "andel-65plus", nil, nil, nil, "2026"},
				{"112905", "andel-65plus", nil, nil, nil, "2026"},
				{"128774", "andel-65plus", nil, nil, 20, "2026"},
				{"061442", "andel-65plus", nil, nil, nil, "2026"},
			})
			for _, c := range []string{"E2", "E3", "E5"} {
				must(t, f.SetCellFormula("Sheet1", c, "100*1/4"))
			}
		},
		"tomt-ark.xlsx": func(*testing.T, *excelize.File) {},
		"fejl.xlsx": func(t *testing.T, f *excelize.File) {
			setRows(t, f, "Sheet1", [][]any{
				header,
				{"047318", "kol-forloebsplan", 98, 0, nil, "2026"},
				{"047318", "andel-65plus", nil, nil, "n/a", "2026"},
				{47318, "kol-prevalens", 12, 1650, nil, "2026"},
				{"112905", "kol-forloebsplan", "12,5 %", 131, nil, "2026"},
			})
		},
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func setRows(t *testing.T, f *excelize.File, sheet string, rows [][]any) {
	t.Helper()
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		must(t, err)
		must(t, f.SetSheetRow(sheet, cell, &r))
	}
}

// buildXLSX makes a workbook fixture with fixed document properties, so
// the bytes only change when the definition does.
func buildXLSX(t *testing.T, fill func(*testing.T, *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetDocProps(&excelize.DocProperties{Creator: "klynge tests", Created: "2026-01-01T00:00:00Z", Modified: "2026-01-01T00:00:00Z"}))
	fill(t, f)
	buf, err := f.WriteToBuffer()
	must(t, err)
	return buf.Bytes()
}

// TestFixtures checks the committed fixtures are what the definitions
// make, or rewrites them with -write-fixtures. Workbooks are compared by
// content (ZIP timestamps may differ), text files byte for byte.
func TestFixtures(t *testing.T) {
	want := csvFixtures()
	for name, fill := range xlsxFixtures() {
		want[name] = buildXLSX(t, fill)
	}
	if *writeFixtures {
		must(t, os.MkdirAll(fixtureDir, 0o755))
		for name, b := range want {
			must(t, os.WriteFile(filepath.Join(fixtureDir, name), b, 0o644))
		}
		return
	}
	for name, b := range want {
		got, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err != nil {
			t.Errorf("%v: run go test ./meeting/pack -run TestFixtures -write-fixtures", err)
			continue
		}
		if filepath.Ext(name) == ".xlsx" {
			if !sameWorkbook(t, got, b) {
				t.Errorf("%s differs from its definition: run with -write-fixtures", name)
			}
			continue
		}
		if !bytes.Equal(got, b) {
			t.Errorf("%s differs from its definition: run with -write-fixtures", name)
		}
	}
}

// sameWorkbook compares two workbooks by their sheets' cells.
func sameWorkbook(t *testing.T, a, b []byte) bool {
	t.Helper()
	dump := func(src []byte) string {
		f, err := excelize.OpenReader(bytes.NewReader(src))
		must(t, err)
		defer f.Close()
		var out bytes.Buffer
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			must(t, err)
			merges, err := f.GetMergeCells(sheet, true)
			must(t, err)
			out.WriteString(sheet)
			for _, r := range rows {
				for _, v := range r {
					out.WriteString("|" + v)
				}
				out.WriteString("\n")
			}
			for _, m := range merges {
				out.WriteString(m.GetStartAxis() + ":" + m.GetEndAxis() + "\n")
			}
		}
		return out.String()
	}
	return dump(a) == dump(b)
}
