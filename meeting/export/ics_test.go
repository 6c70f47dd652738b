package export_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

// icsEvents writes pledges as ICS with calendar id calID and reads the
// events back with go-ical's decoder, by UID.
func icsEvents(tb testing.TB, m meeting.Meeting, c meeting.Cluster, ps []meeting.Pledge, calID string) (map[string]ical.Event, string) {
	tb.Helper()
	var b bytes.Buffer
	if err := export.WriteFollowUpICS(&b, "da", m, c, ps, calID); err != nil {
		tb.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(b.Bytes())).Decode()
	if err != nil {
		tb.Fatalf("decoding %q: %v", b.String(), err)
	}
	out := map[string]ical.Event{}
	for _, ev := range cal.Events() {
		uid, err := ev.Props.Text(ical.PropUID)
		if err != nil {
			tb.Fatal(err)
		}
		out[uid] = ev
	}
	return out, b.String()
}

func TestFollowUpICSUIDsDifferPerDatabase(t *testing.T) {
	m, practices := demoMeeting(t)
	c := demoCluster(practices)
	ps := demoPledges(m, c)
	a, _ := icsEvents(t, m, c, ps, "0123456789abcdef0123456789abcdef")
	b, _ := icsEvents(t, m, c, ps, "fedcba9876543210fedcba9876543210")
	if len(a) != len(ps) || len(b) != len(ps) {
		t.Fatalf("%d and %d events, want %d each", len(a), len(b), len(ps))
	}
	for uid := range a {
		if _, ok := b[uid]; ok {
			t.Errorf("UID %s is in both databases' files", uid)
		}
	}
}

func TestFollowUpICSChangedAndDeleted(t *testing.T) {
	m, practices := demoMeeting(t)
	c := demoCluster(practices)
	ps := demoPledges(m, c)[:1]
	const calID = "0123456789abcdef0123456789abcdef"
	before, _ := icsEvents(t, m, c, ps, calID)

	moved := ps[0]
	moved.Due = moved.Due.AddDate(0, 1, 0)
	moved.Revision = 1
	moved.Changed = moved.Created.Add(48 * time.Hour)
	after, _ := icsEvents(t, m, c, []meeting.Pledge{moved}, calID)

	deleted := moved
	deleted.Revision = 2
	deleted.Changed = moved.Changed.Add(time.Hour)
	deleted.Deleted = &deleted.Changed
	gone, _ := icsEvents(t, m, c, []meeting.Pledge{deleted}, calID)

	if len(before) != 1 || len(after) != 1 || len(gone) != 1 {
		t.Fatalf("events: %d, %d, %d; want one each", len(before), len(after), len(gone))
	}
	var uid string
	for u := range before {
		uid = u
	}
	seq := func(evs map[string]ical.Event) int {
		ev, ok := evs[uid]
		if !ok {
			t.Fatalf("UID %s changed", uid)
		}
		n, err := strconv.Atoi(ev.Props.Get(ical.PropSequence).Value)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	modified := func(evs map[string]ical.Event) time.Time {
		lm, err := evs[uid].Props.DateTime(ical.PropLastModified, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return lm
	}
	if s0, s1, s2 := seq(before), seq(after), seq(gone); !(s0 < s1 && s1 < s2) {
		t.Errorf("SEQUENCE %d, %d, %d: want it to grow with each change", s0, s1, s2)
	}
	if m0, m1, m2 := modified(before), modified(after), modified(gone); !(m0.Before(m1) && m1.Before(m2)) {
		t.Errorf("LAST-MODIFIED %v, %v, %v: want it to grow", m0, m1, m2)
	}
	ev := after[uid]
	start, err := ev.DateTimeStart(time.Local)
	if err != nil || start.Month() != moved.Due.Month() {
		t.Errorf("moved event starts %v, %v; want %v", start, err, moved.Due)
	}
	if st, _ := gone[uid].Props.Text(ical.PropStatus); st != "CANCELLED" {
		t.Errorf("deleted pledge's event has STATUS %q, want CANCELLED", st)
	}
	if len(gone[uid].Children) != 0 {
		t.Error("a cancelled event keeps its reminder")
	}
}

// icsHasControls reports a control character other than the CRLF line
// ends in an ICS file.
func icsHasControls(s string) (rune, bool) {
	for _, r := range strings.ReplaceAll(s, "\r\n", "") {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return r, true
		}
	}
	return 0, false
}

func TestFollowUpICSNoControlCharacters(t *testing.T) {
	m, practices := demoMeeting(t)
	c := demoCluster(practices)
	ps := demoPledges(m, c)
	ps[0].Action = "Rød\x1b[31m tekst\x00\x07\r\nlinje\ttab\u0085"
	ps[0].Owner = "ansvarlig\x1b]0;titel\x07"
	m.Title = "Møde\rtitel"
	_, data := icsEvents(t, m, c, ps, "0123456789abcdef0123456789abcdef")
	if r, ok := icsHasControls(data); ok {
		t.Errorf("control character %U in\n%q", r, data)
	}
}

// FuzzFollowUpICS writes one pledge with any action, owner and title, and
// reads it back with go-ical: it decodes, holds no control character,
// and gives back the action as meeting.InertLines shows it.
func FuzzFollowUpICS(f *testing.F) {
	f.Add("Forløbsplan; ved årskontrol, \"straks\"", "sygeplejersken", "KOL")
	f.Add("0\r0", "\x1b[31m", "\\n")
	f.Add("a\\,b;c\nd", "\u0085", "\t")
	m, practices := demoMeeting(f)
	c := demoCluster(practices)
	f.Fuzz(func(t *testing.T, action, owner, title string) {
		p := demoPledges(m, c)[0]
		p.Action, p.Owner = action, owner
		mm := m
		mm.Title = title
		evs, data := icsEvents(t, mm, c, []meeting.Pledge{p}, "0123456789abcdef0123456789abcdef")
		if r, ok := icsHasControls(data); ok {
			t.Fatalf("control character %U in %q", r, data)
		}
		if len(evs) != 1 {
			t.Fatalf("%d events", len(evs))
		}
		for _, ev := range evs {
			desc, err := ev.Props.Text(ical.PropDescription)
			if err != nil {
				t.Fatal(err)
			}
			if want := meeting.InertLines(action); !strings.HasPrefix(desc, want) {
				t.Errorf("description %q does not start with the action %q", desc, want)
			}
		}
	})
}
