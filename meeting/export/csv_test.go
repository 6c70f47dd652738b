package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting/export"
)

// readExcelCSV reads what WriteExcelCSV wrote with encoding/csv, a real
// reader, the way a spreadsheet would: BOM off, ';' between fields.
func readExcelCSV(tb testing.TB, data []byte) [][]string {
	tb.Helper()
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		tb.Fatalf("no byte-order mark: %q", data)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("reading back %q: %v", data, err)
	}
	return recs
}

// csvReads is what encoding/csv gives back for a field: it turns a CRLF
// inside a quoted field into LF, as documented, and keeps a lone CR.
func csvReads(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

func TestCSVText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+45 12 34 56 78", "'+45 12 34 56 78"},
		{"-1", "'-1"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"Forløbsplan = mål", "Forløbsplan = mål"},
		{"", ""},
	} {
		if got := export.CSVText(tc.in); got != tc.want {
			t.Errorf("CSVText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"027475", `="027475"`},
		{"41033", `="41033"`},
		{"02747x", "02747x"},
		{"=1", "'=1"},
	} {
		if got := export.CSVDigits(tc.in); got != tc.want {
			t.Errorf("CSVDigits(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"12-3-1", `="12-3-1"`},
		{"5-2-0", `="5-2-0"`},
		{`a "b"`, `="a ""b"""`},
		{"", ""},
	} {
		if got := export.CSVVerbatim(tc.in); got != tc.want {
			t.Errorf("CSVVerbatim(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriteExcelCSV(t *testing.T) {
	rows := [][]string{
		{"Ydernummer", "Tilsagn"},
		{export.CSVDigits("027475"), export.CSVText("=cmd|' /C calc'!A0")},
		{"1", "0\r0"},               // a lone CR is kept
		{"2", "linje 1\r\nlinje 2"}, // CRLF inside a cell
		{"3", `"citat"; semikolon`}, // quotes and separators
		{"4", " mellemrum foran og bag "},
	}
	var b bytes.Buffer
	if err := export.WriteExcelCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\r\n"+`"=""027475""";'=cmd|' /C calc'!A0`+"\r\n") {
		t.Errorf("row 1 written as %q", b.String())
	}
	got := readExcelCSV(t, b.Bytes())
	if len(got) != len(rows) {
		t.Fatalf("%d records, want %d", len(got), len(rows))
	}
	for i, r := range rows {
		for j, f := range r {
			if got[i][j] != csvReads(f) {
				t.Errorf("record %d field %d = %q, want %q", i, j, got[i][j], csvReads(f))
			}
		}
	}
	// The formula cell reads as text that starts with an apostrophe: no
	// spreadsheet runs it.
	if cell := got[1][1]; strings.ContainsRune("=+-@", rune(cell[0])) {
		t.Errorf("formula cell %q is live", cell)
	}
}

// FuzzWriteExcelCSV writes two cells of any text and reads them back with
// encoding/csv: the same fields (after the reader's CRLF → LF), and no
// cell that a spreadsheet would run as a formula.
func FuzzWriteExcelCSV(f *testing.F) {
	for _, s := range [][2]string{{"027475", "Forløbsplan"}, {"0\r0", "=cmd"}, {"\"", ";"}, {" a ", "\t"}, {"\r\n", "\n\r"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		rows := [][]string{{export.CSVDigits(a), export.CSVText(b)}}
		var buf bytes.Buffer
		if err := export.WriteExcelCSV(&buf, rows); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\uFEFF"))))
		r.Comma = ';'
		r.FieldsPerRecord = -1
		r.LazyQuotes = false
		got, err := r.ReadAll()
		if err != nil {
			t.Fatalf("reading back %q: %v", buf.String(), err)
		}
		// encoding/csv reads an empty line as no record.
		if a == "" && b == "" {
			return
		}
		if len(got) != 1 || len(got[0]) != 2 {
			t.Fatalf("read %q from %q", got, buf.String())
		}
		for i, want := range rows[0] {
			if got[0][i] != csvReads(want) {
				t.Errorf("field %d = %q, want %q (written %q)", i, got[0][i], csvReads(want), buf.String())
			}
			if c := got[0][i]; c != "" && strings.ContainsRune("=+-@\t\r\n", rune(c[0])) && !strings.HasPrefix(c, `="`) {
				t.Errorf("field %d = %q would run as a formula", i, c)
			}
		}
	})
}
