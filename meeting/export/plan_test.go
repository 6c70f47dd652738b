package export_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

// TestYearPlanICS writes a year plan and reads it back with go-ical's
// decoder: one event per planned meeting at its time, with place, topic
// and host, a UID made of the entry's id and the database's id (the same
// in a second file, so a calendar moves the event), and no control
// character from the texts.
func TestYearPlanICS(t *testing.T) {
	loc := time.FixedZone("CET", 3600)
	plan := []meeting.PlannedMeeting{
		{ID: 2, ClusterID: 1, Start: time.Date(2027, 6, 10, 18, 0, 0, 0, loc), Place: "Sundhedshuset, sal 2", Topic: "Opioider", Host: "Lægerne i Byen", Revision: 3},
		{ID: 1, ClusterID: 1, Start: time.Date(2027, 3, 4, 17, 30, 0, 0, loc), Place: "Lægehuset\x1b[2J", Topic: "KOL 🫁"},
	}
	write := func(plan []meeting.PlannedMeeting) *ical.Calendar {
		var b bytes.Buffer
		if err := export.WriteYearPlanICS(&b, "da", meeting.Cluster{Name: "Klynge Nord"}, plan, "0123456789abcdef0123456789abcdef",
			time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "\x1b") {
			t.Fatalf("escape code in the file:\n%q", b.String())
		}
		cal, err := ical.NewDecoder(&b).Decode()
		if err != nil {
			t.Fatalf("decode: %v\n%s", err, b.String())
		}
		return cal
	}
	cal := write(plan)
	evs := cal.Events()
	if len(evs) != 2 {
		t.Fatalf("%d events", len(evs))
	}
	first := evs[0]
	uid, _ := first.Props.Text(ical.PropUID)
	start, err := first.DateTimeStart(loc)
	if err != nil {
		t.Fatal(err)
	}
	summary, _ := first.Props.Text(ical.PropSummary)
	place, _ := first.Props.Text(ical.PropLocation)
	if uid != "plan-1-0123456789abcdef0123456789abcdef@klynge" || !start.Equal(plan[1].Start) || summary != "Klyngemøde, Klynge Nord: KOL 🫁" ||
		!strings.HasPrefix(place, "Lægehuset") {
		t.Errorf("first event: %q %s %q %q", uid, start, summary, place)
	}
	second := evs[1]
	end, _ := second.DateTimeEnd(loc)
	host, _ := second.Props.Text(ical.PropDescription)
	seq := second.Props.Get(ical.PropSequence)
	if !end.Equal(plan[0].Start.Add(2*time.Hour)) || host != "Vært: Lægerne i Byen" || seq == nil || seq.Value != "3" {
		t.Errorf("second event: end %s, host %q, seq %v", end, host, seq)
	}
	// The entry moved: same UID, so the calendar moves it.
	plan[0].Start, plan[0].Revision = plan[0].Start.AddDate(0, 0, 7), 4
	moved := write(plan).Events()[1]
	if u, _ := moved.Props.Text(ical.PropUID); u != "plan-2-0123456789abcdef0123456789abcdef@klynge" {
		t.Errorf("moved UID %q", u)
	}
	var empty bytes.Buffer
	if err := export.WriteYearPlanICS(&empty, "en", meeting.Cluster{}, nil, "x", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ical.NewDecoder(&empty).Decode(); err != nil {
		t.Errorf("empty plan: %v", err)
	}
}
