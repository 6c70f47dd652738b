package export_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

// heldMeeting is the demo meeting as held: every item run with real
// times (one skipped, one over time), attendance of every kind, a guest,
// two groups and their notes at the plenum.
func heldMeeting(t *testing.T) (meeting.Meeting, meeting.Cluster) {
	t.Helper()
	m, practices := demoMeeting(t)
	m.ID = 7
	c := demoCluster(practices)
	start := m.PlannedStart
	m.Started = &start
	at := start
	for i := range m.Items {
		it := &m.Items[i]
		it.ID = int64(i + 1)
		if it.Kind == meeting.KindPlenum && i == 4 {
			it.Skipped = true
			continue
		}
		s := at
		mins := it.Minutes
		if it.Kind == meeting.KindTalk {
			mins += 7 // the speaker ran over
		}
		e := s.Add(time.Duration(mins)*time.Minute + 20*time.Second)
		it.Started, it.Ended = &s, &e
		at = e
	}
	m.Items[6].Notes = map[int]string{
		2: "Vil indkalde til årskontrol i fødselsmåneden;\nsekretæren ringer.",
		1: "Forløbsplan *skal* udfyldes ved hver kontrol – også | ved telefon.",
	}
	doctor := func(pi, mi int) meeting.Member { return c.Practices[pi].Members[mi] }
	m.Attendance = map[int64]meeting.Attendance{}
	set := func(d meeting.Member, s meeting.AttendanceStatus, reason string, at time.Time) {
		m.Attendance[d.ID] = meeting.Attendance{MemberID: d.ID, Status: s, Reason: reason, At: at}
	}
	for _, p := range c.Practices {
		for _, d := range p.Members {
			set(d, meeting.StatusPresent, "", start)
		}
	}
	set(doctor(1, 1), meeting.StatusLate, "", start.Add(25*time.Minute))
	set(doctor(2, 0), meeting.StatusLeftEarly, "", start.Add(100*time.Minute))
	set(doctor(2, 1), meeting.StatusApologies, "Vagt i lægevagten", start.Add(-24*time.Hour))
	set(doctor(3, 0), meeting.StatusAbsent, "", start)
	delete(m.Attendance, doctor(4, 0).ID)
	m.Guests = []meeting.Guest{{Name: "Kirsten Holm-Pedersen", Role: "overlæge, oplægsholder"}, {Name: "Mona Apoteker"}}
	gm := func(d meeting.Member) meeting.GroupMember {
		return meeting.GroupMember{MemberID: d.ID, Name: d.Name, Ydernummer: d.Ydernummer}
	}
	m.Groups = []meeting.Group{
		{Number: 1, Members: []meeting.GroupMember{gm(doctor(0, 0)), gm(doctor(1, 1)), gm(doctor(2, 0))}},
		{Number: 2, Members: []meeting.GroupMember{gm(doctor(1, 0)), gm(doctor(3, 0))}},
	}
	return m, c
}

// reviewedPledges are pledges of an earlier meeting followed up at m.
func reviewedPledges(m meeting.Meeting) []meeting.Pledge {
	at := m.PlannedStart.Add(10 * time.Minute)
	return []meeting.Pledge{
		{ID: 3, MeetingID: 5, Ydernummer: "093561", Action: "Tjek inhalationsteknik ved hver kontrol",
			Due: time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local), Indicator: "kol-forloebsplan", Target: ptr(70.0),
			Review: &meeting.PledgeReview{MeetingID: m.ID, Outcome: meeting.OutcomeDone, Comment: "Gøres nu af sygeplejersken", At: at}},
		{ID: 4, MeetingID: 5, Ydernummer: "047318", Action: "Spirometri hos alle rygere over 40",
			Due:    time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local),
			Review: &meeting.PledgeReview{MeetingID: m.ID, Outcome: meeting.OutcomePartly, At: at}},
		{ID: 5, MeetingID: 5, Ydernummer: "150237", Action: "Ikke fulgt op endnu", Due: time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local)},
	}
}

func TestMinutesGolden(t *testing.T) {
	m, c := heldMeeting(t)
	var b bytes.Buffer
	if err := export.WriteMinutes(&b, "da", m, c, demoPledges(m, c), reviewedPledges(m)); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.Bytes())
}

// The minutes go to every member: no figures from the data, no targets,
// no letter codes.
func TestMinutesHoldNoFigures(t *testing.T) {
	m, c := heldMeeting(t)
	var b bytes.Buffer
	if err := export.WriteMinutes(&b, "da", m, c, demoPledges(m, c), reviewedPledges(m)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"62,5", "62.5", "80 %", "70 %", "Slettet tilsagn", "Ikke fulgt op endnu"} {
		if strings.Contains(out, bad) {
			t.Errorf("the minutes hold %q", bad)
		}
	}
	for yd, code := range m.Codes {
		if strings.Contains(out, "kode "+code) || strings.Contains(out, yd) {
			t.Errorf("the minutes show practice %s or its code", yd)
		}
	}
	// Figures with decimals (written the Danish way) cannot be mistaken
	// for minutes, clock times or dates.
	for _, row := range m.Values {
		for _, v := range []*float64{row.Value, row.Numerator, row.Denominator} {
			if v == nil || *v == float64(int(*v)) {
				continue
			}
			for _, text := range []string{strings.Replace(strconv.FormatFloat(*v, 'f', -1, 64), ".", ",", 1)} {
				if strings.Contains(out, text) {
					t.Errorf("the minutes hold the figure %s", text)
				}
			}
		}
	}
}
