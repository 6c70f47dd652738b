package export_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

// FuzzFollowUpXLSX writes one pledge with any action and owner as a
// workbook and reads it back with excelize: the cells hold the same text
// as the writer shows it (inert, and as XML 1.0 can carry it), and none of
// them is a formula.
func FuzzFollowUpXLSX(f *testing.F) {
	f.Add("Forløbsplan; ved årskontrol, \"straks\"", "sygeplejersken")
	f.Add("=cmd|' /C calc'!A0", "+45 12 34")
	f.Add("0\r0\nlinje", "\x1b[31m")
	m, practices := demoMeeting(f)
	c := demoCluster(practices)
	f.Fuzz(func(t *testing.T, action, owner string) {
		p := demoPledges(m, c)[0]
		p.Action, p.Owner = action, owner
		var b bytes.Buffer
		if err := export.WriteFollowUpXLSX(&b, "da", m, c, []meeting.Pledge{p}); err != nil {
			t.Fatal(err)
		}
		wb, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		for _, cell := range []string{"A2", "D2", "E2"} {
			if formula, _ := wb.GetCellFormula(export.FollowUpSheet("da"), cell); formula != "" {
				t.Fatalf("%s holds the formula %q", cell, formula)
			}
		}
		yd, _ := wb.GetCellValue(export.FollowUpSheet("da"), "A2")
		if yd != p.Ydernummer {
			t.Errorf("ydernummer %q, want %q", yd, p.Ydernummer)
		}
		// The writers show stored text inert (meeting.InertLines for the
		// action, meeting.Inert for one-line fields).
		for cell, want := range map[string]string{"D2": meeting.InertLines(action), "E2": meeting.Inert(owner)} {
			got, err := wb.GetCellValue(export.FollowUpSheet("da"), cell)
			if err != nil {
				t.Fatal(err)
			}
			if got != xmlText(want) {
				t.Errorf("%s = %q, want %q", cell, got, xmlText(want))
			}
		}
	})
}

// xmlText is s as an XML 1.0 document can hold it, as excelize writes it:
// without the characters XML forbids, and with CRLF and CR read back as LF
// (XML's end-of-line handling).
func xmlText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
