package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeFixtures rewrites testdata/data, the data files the end-to-end
// tests import into the demo cluster's meeting:
//
//	go test ./cmd/klynge -run TestFixtures -write-fixtures
var writeFixtures = flag.Bool("write-fixtures", false, "rewrite the data fixtures in testdata/data")

const fixtureDir = "testdata/data"

const demoPeriod = "01.10.2025–30.09.2026"

// textFixtures are the CSV fixtures byte for byte, for the demo roster and
// pack.
func textFixtures() map[string][]byte {
	return map[string][]byte{
		// Danish Excel: BOM, ';', decimal comma, CRLF. Against the demo
		// meeting: one figure added, one replaced, one as it was.
		"rettelser.csv": []byte("\uFEFFydernummer;indikator;tæller;nævner;værdi;periode\r\n" +
			"174063;kol-spirometri;20;58;;" + demoPeriod + "\r\n" +
			"047318;kol-forloebsplan;100;131;;" + demoPeriod + "\r\n" +
			"047318;andel-65plus;;;24,8 %;" + demoPeriod + "\r\n"),
		// English names and commas.
		"english.csv": []byte("provider number,indicator,numerator,denominator,value,period\n" +
			"174063,kol-spirometri,20,58,," + demoPeriod + "\n"),
		// Every kind of problem at once, one per line.
		"fejl.csv": []byte("ydernummer;indikator;tæller;nævner;værdi;periode\n" +
			"047318;kol-forloebsplan;98;131;;2026\n" + // 2: fine
			"999999;kol-forloebsplan;5;10;;2026\n" + // 3: not in the cluster
			"047318;kol-spiro;5;10;;2026\n" + // 4: unknown indicator
			"112905;kol-forloebsplan;0;0;;2026\n" + // 5: denominator 0
			"128774;kol-forloebsplan;12;10;;2026\n" + // 6: numerator > denominator
			"047318;kol-forloebsplan;97;131;;2026\n" + // 7: duplicate of line 2
			"112905;andel-65plus;;;n/a;2026\n" + // 8: n/a
			"061442;kol-prevalens;12,5 %;1650;;2026\n" + // 9: a percentage as a count
			"4731;kol-prevalens;1;2;;2026\n"), // 10: ydernummer too short
		"latin1.csv": []byte("ydernummer;indikator;t\xe6ller;n\xe6vner;periode\n047318;kol-forloebsplan;98;131;2026\n"),
		"na.csv":     []byte("ydernummer;indikator;værdi\n047318;andel-65plus;n/a\n"),
		"procent.csv": []byte("ydernummer;indikator;tæller;nævner;værdi\n" +
			"047318;andel-65plus;;;12,5 %\n" +
			"112905;kol-forloebsplan;12,5 %;131;\n"),
		"tom.csv":  {},
		"data.pdf": []byte("%PDF-1.4\n"),
	}
}

// workbookFixtures build the XLSX fixtures.
func workbookFixtures() map[string]func(*testing.T, *excelize.File) {
	header := []any{"ydernummer", "indikator", "tæller", "nævner", "værdi", "periode"}
	return map[string]func(*testing.T, *excelize.File){
		// rettelser.csv as a workbook: numeric cells, 24,8 % as a
		// percentage-formatted 0,248.
		"rettelser.xlsx": func(t *testing.T, f *excelize.File) {
			setRows(t, f, [][]any{
				header,
				{"174063", "kol-spirometri", 20, 58, nil, demoPeriod},
				{"047318", "kol-forloebsplan", 100, 131, nil, demoPeriod},
				{"047318", "andel-65plus", nil, nil, 0.248, demoPeriod},
			})
			pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
			must(t, err)
			must(t, f.SetCellStyle("Sheet1", "E4", "E4", pct))
		},
		"flettede.xlsx": func(t *testing.T, f *excelize.File) {
			setRows(t, f, [][]any{
				header,
				{"047318", "kol-forloebsplan", 98, 131, nil, "2026"},
				{"112905", "kol-forloebsplan", 3, 4, nil, "2026"},
				{nil, "kol-prevalens", 12, 1650, nil, "2026"},
			})
			must(t, f.MergeCell("Sheet1", "A3", "A4"))
		},
		"formler.xlsx": func(t *testing.T, f *excelize.File) {
			setRows(t, f, [][]any{
				header,
				{"047318", "kol-forloebsplan", 98, 131, nil, "2026"},
				{"112905", "kol-forloebsplan", 3, nil, nil, "2026"},
			})
			must(t, f.SetCellFormula("Sheet1", "D3", "C3*2"))
		},
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func setRows(t *testing.T, f *excelize.File, rows [][]any) {
	t.Helper()
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		must(t, err)
		must(t, f.SetSheetRow("Sheet1", cell, &r))
	}
}

func buildWorkbook(t *testing.T, fill func(*testing.T, *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetDocProps(&excelize.DocProperties{Creator: "klynge tests", Created: "2026-01-01T00:00:00Z", Modified: "2026-01-01T00:00:00Z"}))
	fill(t, f)
	buf, err := f.WriteToBuffer()
	must(t, err)
	return buf.Bytes()
}

// TestFixtures checks the committed fixtures against their definitions,
// or rewrites them with -write-fixtures. Workbooks are compared by their
// cells, since another excelize may zip them differently.
func TestFixtures(t *testing.T) {
	want := textFixtures()
	for name, fill := range workbookFixtures() {
		want[name] = buildWorkbook(t, fill)
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
		switch {
		case err != nil:
			t.Errorf("%v: run go test ./cmd/klynge -run TestFixtures -write-fixtures", err)
		case filepath.Ext(name) == ".xlsx" && cells(t, got) != cells(t, b):
			t.Errorf("%s differs from its definition: run with -write-fixtures", name)
		case filepath.Ext(name) != ".xlsx" && !bytes.Equal(got, b):
			t.Errorf("%s differs from its definition: run with -write-fixtures", name)
		}
	}
}

// cells dumps a workbook's first sheet: values, formulas and merges.
func cells(t *testing.T, src []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(src))
	must(t, err)
	defer f.Close()
	var out bytes.Buffer
	rows, err := f.GetRows("Sheet1", excelize.Options{RawCellValue: true})
	must(t, err)
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			formula, _ := f.GetCellFormula("Sheet1", cell)
			out.WriteString(v + "=" + formula + "|")
		}
		out.WriteString("\n")
	}
	merges, err := f.GetMergeCells("Sheet1", true)
	must(t, err)
	for _, m := range merges {
		out.WriteString(m.GetStartAxis() + ":" + m.GetEndAxis() + "\n")
	}
	return out.String()
}
