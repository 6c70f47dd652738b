package excelize

import (
	"net/http"
	"testing"
)

// TestLazyDateFormats runs the formulas that reach the date and time
// patterns klynge's fork compiles on first use (PATCH.md); the wants are
// what upstream v2.11.1 gave for the same formulas.
func TestLazyDateFormats(t *testing.T) {
	tests := []struct{ formula, want, err string }{
		{`=DATEVALUE("01/02/2020")`, "43832", ""},
		{`=DATEVALUE("January 15, 2021")`, "#VALUE!", "#VALUE!"},
		{`=DATEVALUE("2020-12-31")`, "44196", ""},
		{`=DATEVALUE("2020-Mar-05")`, "#VALUE!", "#VALUE!"},
		{`=DATEVALUE("1/2/2020 10:30")`, "43832", ""},
		{`=DATEVALUE("not a date")`, "#VALUE!", "#VALUE!"},
		{`=TIMEVALUE("10:30")`, "0.4375", ""},
		{`=TIMEVALUE("10:30:15")`, "0.437673611111111", ""},
		{`=TIMEVALUE("10 PM")`, "0.916666666666667", ""},
		{`=TIMEVALUE("2020-12-31 23:59:59")`, "0.999988425925926", ""},
		{`=TIMEVALUE("nonsense")`, "#VALUE!", "#VALUE!"},
		{`=YEAR("2020-12-31")`, "2020", ""},
		{`=DAYS("2021-03-01","2020-12-31")`, "60", ""},
	}
	f := NewFile()
	for _, tt := range tests {
		if err := f.SetCellFormula("Sheet1", "A1", tt.formula); err != nil {
			t.Fatal(err)
		}
		got, err := f.CalcCellValue("Sheet1", "A1")
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != tt.want || gotErr != tt.err {
			t.Errorf("%s = %q, %q; want %q, %q", tt.formula, got, gotErr, tt.want, tt.err)
		}
	}
}

// TestDetectContentTypeIsNetHTTPs holds the fork's copy of net/http's
// content sniffing (sniff.go) to the original.
func TestDetectContentTypeIsNetHTTPs(t *testing.T) {
	inputs := [][]byte{
		nil,
		[]byte("plain text, æøå"),
		[]byte("<!DOCTYPE html><html><body>x</body></html>"),
		[]byte("%PDF-1.7\n"),
		[]byte("\x89PNG\x0D\x0A\x1A\x0A\x00\x00"),
		[]byte("PK\x03\x04\x14\x00\x06\x00"),
		[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
		[]byte("GIF89a"),
		[]byte("\xFF\xD8\xFF\xE0"),
		[]byte("<?xml version=\"1.0\"?><a/>"),
		{0x00, 0x01, 0x02, 0xFE},
	}
	for _, in := range inputs {
		if got, want := detectContentType(in), http.DetectContentType(in); got != want {
			t.Errorf("detectContentType(%q) = %q, net/http gives %q", in, got, want)
		}
	}
}
