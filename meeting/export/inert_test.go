package export_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

// TestExportsAreInert: whatever an older version stored, no export carries
// an escape code, a control character or a direction override; only the
// formats' own line ends (and a pledge's own line breaks) remain.
func TestExportsAreInert(t *testing.T) {
	evil := "\x1b[31mRød\x1b]0;x\a\u202E\u009b"
	start := time.Date(2026, 12, 3, 17, 30, 0, 0, time.UTC)
	m := meeting.Meeting{ID: 1, Title: "Møde " + evil, PlannedStart: start, PlannedEnd: start.Add(2 * time.Hour), Created: start,
		Codes:  map[string]string{"047318": "A", "150237": "B", "112905": "C"},
		Guests: []meeting.Guest{{Name: "Gæst " + evil, Role: evil}},
		Pack: meeting.Pack{Title: "Pakke " + evil, Agenda: []meeting.AgendaItem{{Kind: meeting.KindWelcome, Title: "Velkomst " + evil, Minutes: 5}},
			Indicators: []meeting.Indicator{{ID: "plan", Title: "Plan " + evil, Unit: meeting.UnitPercent, Better: meeting.HigherIsBetter}}},
	}
	for yd := range m.Codes {
		n, d := 5.0, 10.0
		m.Values = append(m.Values, meeting.DataRow{Ydernummer: yd, Indicator: "plan", Numerator: &n, Denominator: &d, Period: "2025" + evil})
	}
	c := meeting.Cluster{Name: "Klynge " + evil}
	for _, yd := range []string{"047318", "150237", "112905"} {
		c.Practices = append(c.Practices, meeting.Practice{Ydernummer: yd, Name: "Praksis\t" + evil,
			Members: []meeting.Member{{ID: 1, Name: "Læge\n" + evil, Ydernummer: yd}}})
	}
	pledges := []meeting.Pledge{{ID: 1, MeetingID: 1, Ydernummer: "047318", Action: "Ring " + evil + "\ntil alle", Owner: evil,
		Due: start.AddDate(0, 3, 0), Created: start}}

	check := func(name, out string, allowed string) {
		t.Helper()
		for _, r := range out {
			if strings.ContainsRune(allowed, r) {
				continue
			}
			if unicode.IsControl(r) || r == '\u202E' {
				t.Errorf("%s holds %U:\n%q", name, r, out)
				return
			}
		}
		if !strings.Contains(out, "␛") {
			t.Errorf("%s should show the escape code inert:\n%s", name, out)
		}
	}
	var b bytes.Buffer
	if err := export.WriteMinutes(&b, "da", m, c, pledges, nil); err != nil {
		t.Fatal(err)
	}
	check("minutes", b.String(), "\n")
	b.Reset()
	if err := export.WriteFollowUpMarkdown(&b, "da", m, c, pledges); err != nil {
		t.Fatal(err)
	}
	check("follow-up Markdown", b.String(), "\n")
	b.Reset()
	if err := export.WriteFollowUpCSV(&b, "da", m, c, pledges); err != nil {
		t.Fatal(err)
	}
	check("follow-up CSV", b.String(), "\r\n")
	b.Reset()
	if err := export.WriteFollowUpICS(&b, "da", m, c, pledges, "test-db"); err != nil {
		t.Fatal(err)
	}
	check("follow-up ICS", b.String(), "\r\n")
	slips, err := export.Slips(m, c.Practices, "da")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range slips {
		b.Reset()
		if err := export.WriteSlipHTML(&b, s); err != nil {
			t.Fatal(err)
		}
		check("slip HTML", b.String(), "\n")
		b.Reset()
		if err := export.WriteSlipText(&b, s); err != nil {
			t.Fatal(err)
		}
		check("slip text", b.String(), "\n")
	}
}
