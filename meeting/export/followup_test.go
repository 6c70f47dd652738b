package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

func ptr[T any](v T) *T { return &v }

// demoCluster is the demo roster as a cluster, its doctors numbered from 1
// in the roster's order.
func demoCluster(practices []meeting.Practice) meeting.Cluster {
	c := meeting.Cluster{ID: 1, Name: "Klynge Ærø-Nord", Practices: practices}
	id := int64(0)
	for i := range c.Practices {
		for j := range c.Practices[i].Members {
			id++
			c.Practices[i].Members[j].ID = id
		}
	}
	return c
}

// demoPledges are pledges with text that CSV, Markdown and ICS must
// escape: æøå, semicolons, commas, quotes, backslashes and line breaks.
func demoPledges(m meeting.Meeting, c meeting.Cluster) []meeting.Pledge {
	created := time.Date(2026, 12, 3, 20, 15, 0, 0, time.UTC)
	return []meeting.Pledge{
		{ID: 11, MeetingID: m.ID, Ydernummer: "150237", Action: "Spirometri; også på \"raske\" rygere,\nbåde mandag og torsdag",
			Owner: "sygeplejerske Åse", Due: time.Date(2027, 3, 1, 0, 0, 0, 0, time.Local),
			Indicator: "kol-spirometri", Target: ptr(62.5), Created: created},
		{ID: 12, MeetingID: m.ID, Ydernummer: "047318", MemberID: c.Practices[1].Members[0].ID,
			Action: `Forløbsplan til alle KOL-patienter ved årskontrol \ C:\sti`, Owner: "", Due: time.Date(2027, 2, 15, 0, 0, 0, 0, time.Local),
			Indicator: "kol-forloebsplan", Target: ptr(80.0), Created: created.Add(time.Minute)},
		{ID: 13, MeetingID: m.ID, Ydernummer: "047318", Action: "Ryd op i diagnosekoderne",
			Owner: "praksissekretær", Due: time.Date(2027, 1, 31, 0, 0, 0, 0, time.Local), Created: created.Add(2 * time.Minute)},
		{ID: 14, MeetingID: m.ID, Ydernummer: "119648", Action: "Slettet tilsagn", Due: time.Date(2027, 1, 1, 0, 0, 0, 0, time.Local),
			Deleted: &created},
	}
}

// wantOrder is demoPledges as the follow-up list orders them: practices in
// the roster's order (047318 before 150237), then by due date; deleted
// ones left out.
func wantOrder(ps []meeting.Pledge) []meeting.Pledge { return []meeting.Pledge{ps[2], ps[1], ps[0]} }

func TestFollowUpCSVRoundTrip(t *testing.T) {
	m, practices := demoMeeting(t)
	c := demoCluster(practices)
	ps := demoPledges(m, c)
	var b bytes.Buffer
	if err := export.WriteFollowUpCSV(&b, "da", m, c, ps); err != nil {
		t.Fatal(err)
	}
	data := b.String()
	if !strings.HasPrefix(data, "\uFEFF") {
		t.Fatal("no UTF-8 byte-order mark")
	}
	if !strings.HasPrefix(data, "\uFEFFYdernummer;Praksis;") || !strings.Contains(data, "\r\n") {
		t.Errorf("header or line ends: %q", data[:40])
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\uFEFF")))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := wantOrder(ps)
	if len(records) != 1+len(want) {
		t.Fatalf("%d records, want %d", len(records), 1+len(want))
	}
	for i, p := range want {
		rec := records[i+1]
		if rec[0] != `="`+p.Ydernummer+`"` || rec[3] != p.Action || rec[4] != p.Owner || rec[6] != p.Indicator {
			t.Errorf("row %d = %q, want pledge %+v", i+1, rec, p)
		}
		due, err := time.ParseInLocation("02-01-2006", rec[5], time.Local)
		if err != nil || !due.Equal(p.Due) {
			t.Errorf("row %d due %q, want %s", i+1, rec[5], p.Due.Format(time.DateOnly))
		}
	}
	if got := records[3][8]; got != "62,5" {
		t.Errorf("target %q, want 62,5", got)
	}
	if got := records[1][1]; got != "Lægerne Østergade" {
		t.Errorf("practice %q", got)
	}
	if got := records[2][2]; got != "Søren Ærø-Hansen" {
		t.Errorf("doctor %q", got)
	}
}

func TestFollowUpXLSX(t *testing.T) {
	m, practices := demoMeeting(t)
	c := demoCluster(practices)
	ps := demoPledges(m, c)
	var b bytes.Buffer
	if err := export.WriteFollowUpXLSX(&b, "da", m, c, ps); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(export.FollowUpSheet("da"))
	if err != nil {
		t.Fatal(err)
	}
	want := wantOrder(ps)
	if len(rows) != 1+len(want) || rows[0][0] != "Ydernummer" || rows[0][8] != "Mål" {
		t.Fatalf("rows = %q", rows)
	}
	for i, p := range want {
		row := rows[i+1]
		if row[0] != p.Ydernummer || row[3] != p.Action || row[5] != p.Due.Format("02-01-2006") {
			t.Errorf("row %d = %q, want %+v", i+1, row, p)
		}
	}
	// Dates are real dates and targets numbers, so Excel can sort them.
	raw, err := f.GetCellValue(export.FollowUpSheet("da"), "F4", excelize.Options{RawCellValue: true})
	if err != nil || raw == "" || strings.Contains(raw, "-") {
		t.Errorf("F4 raw %q, %v; want a date serial", raw, err)
	}
	if v, _ := f.GetCellValue(export.FollowUpSheet("da"), "I4", excelize.Options{RawCellValue: true}); v != "62.5" {
		t.Errorf("I4 = %q, want 62.5", v)
	}
}

func TestFollowUpICS(t *testing.T) {
	m, practices := demoMeeting(t)
	c := demoCluster(practices)
	ps := demoPledges(m, c)
	var b bytes.Buffer
	if err := export.WriteFollowUpICS(&b, "da", m, c, ps, "0123456789abcdef0123456789abcdef"); err != nil {
		t.Fatal(err)
	}
	data := b.String()
	for i, l := range strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if strings.Contains(l, "\n") {
			t.Errorf("line %d has a bare LF", i+1)
		}
	}
	cal, err := ical.NewDecoder(strings.NewReader(data)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	var events []ical.Event
	cancelled := 0
	for _, ev := range cal.Events() {
		if st, _ := ev.Props.Text(ical.PropStatus); st == "CANCELLED" {
			cancelled++
			continue
		}
		events = append(events, ev)
	}
	if cancelled != 1 {
		t.Errorf("%d cancelled events, want 1 for the deleted pledge", cancelled)
	}
	want := wantOrder(ps)
	if len(events) != len(want) {
		t.Fatalf("%d events, want %d", len(events), len(want))
	}
	uids := map[string]bool{}
	for i, p := range want {
		ev := events[i]
		uid, _ := ev.Props.Text(ical.PropUID)
		uids[uid] = true
		if ev.Props.Get(ical.PropDateTimeStamp) == nil {
			t.Errorf("event %d has no DTSTAMP", i)
		}
		start, err := ev.DateTimeStart(time.Local)
		if err != nil {
			t.Fatal(err)
		}
		if y, mo, d := start.Date(); y != p.Due.Year() || mo != p.Due.Month() || d != p.Due.Day() {
			t.Errorf("event %d starts %s, want %s", i, start, p.Due.Format(time.DateOnly))
		}
		if v := ev.Props.Get(ical.PropDateTimeStart).ValueType(); v != ical.ValueDate {
			t.Errorf("event %d DTSTART is %s, want an all-day DATE", i, v)
		}
		desc, err := ev.Props.Text(ical.PropDescription)
		if err != nil || !strings.HasPrefix(desc, p.Action+"\n") {
			t.Errorf("event %d description %q, want it to start with %q (%v)", i, desc, p.Action, err)
		}
		summary, _ := ev.Props.Text(ical.PropSummary)
		if !strings.Contains(summary, strings.Split(p.Action, "\n")[0]) {
			t.Errorf("event %d summary %q", i, summary)
		}
		if len(ev.Children) != 1 || ev.Children[0].Name != ical.CompAlarm {
			t.Errorf("event %d has no reminder", i)
		}
	}
	if len(uids) != len(want) {
		t.Errorf("UIDs are not unique: %v", uids)
	}
	if !strings.Contains(data, `Spirometri\; også på "raske" rygere\,\nbåde`) {
		t.Errorf("text not escaped as RFC 5545 says:\n%s", data)
	}
}

func TestFollowUpMarkdown(t *testing.T) {
	m, practices := demoMeeting(t)
	c := demoCluster(practices)
	var b bytes.Buffer
	if err := export.WriteFollowUpMarkdown(&b, "da", m, c, demoPledges(m, c)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"## Lægerne Østergade (047318)",
		"| Spirometri; også på \"raske\" rygere,<br>både mandag og torsdag | sygeplejerske Åse | 01-03-2027 | Andel med spirometri inden for det seneste år | 62,5 % |",
		"Søren Ærø-Hansen",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "Slettet tilsagn") {
		t.Error("a deleted pledge is listed")
	}
	if strings.Index(out, "Østergade") > strings.Index(out, "Nørregade") {
		t.Error("practices are not in the roster's order")
	}
}

func TestFollowUpEmpty(t *testing.T) {
	m, practices := demoMeeting(t)
	c := demoCluster(practices)
	for name, write := range map[string]func(*bytes.Buffer) error{
		"md":   func(b *bytes.Buffer) error { return export.WriteFollowUpMarkdown(b, "da", m, c, nil) },
		"csv":  func(b *bytes.Buffer) error { return export.WriteFollowUpCSV(b, "da", m, c, nil) },
		"xlsx": func(b *bytes.Buffer) error { return export.WriteFollowUpXLSX(b, "da", m, c, nil) },
		"ics": func(b *bytes.Buffer) error {
			return export.WriteFollowUpICS(b, "da", m, c, nil, "0123456789abcdef0123456789abcdef")
		},
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := write(&b); err != nil || b.Len() == 0 {
				t.Errorf("%d bytes, %v", b.Len(), err)
			}
		})
	}
}
