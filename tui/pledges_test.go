package tui_test

import (
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

func TestPledgesAddDeleteUndo(t *testing.T) {
	s, m := mustDemoMeeting(t)
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(100)})
	tm := startProgram(t, model, 80, 24, "tryk s")
	tm.Send(key("T"))
	waitFor(t, tm, "Ingen tiltag endnu")
	tm.Send(key("a"))
	waitFor(t, tm, "Hvad vil praksis gøre?")
	typeText(tm, "østergade")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "Sygeplejersken laver forløbsplan ved årskontrol; alle KOL-patienter")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "sygeplejersken")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	for range 5 {
		tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	typeText(tm, "3m")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "kol-forloebsplan")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "80")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "søren")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "tiltaget fra Lægerne Østergade er gemt")
	waitFor(t, tm, "Tiltag (1)")

	// A due date in the past is refused with a clear message next to the
	// field; the form stays open with everything typed.
	tm.Send(key("a"))
	typeText(tm, "torvet")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "Ny instruks til personalet")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	for range 5 {
		tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	typeText(tm, "01-01-2020")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "fristen 01-01-2020 er overskredet")
	waitFor(t, tm, "Ny instruks til personalet")
	tm.Send(key("esc"))
	waitFor(t, tm, "Tiltag (1)")

	tm.Send(key("x"))
	waitFor(t, tm, "tryk u for at fortryde")
	waitFor(t, tm, "Tiltag (0)")
	tm.Send(key("u"))
	waitFor(t, tm, "tiltaget er tilbage")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	ps, err := s.Pledges(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].Owner != "sygeplejersken" || ps[0].Indicator != "kol-forloebsplan" || ps[0].Ydernummer != "047318" {
		t.Fatalf("pledges %+v", ps)
	}
	if ps[0].Target == nil || *ps[0].Target != 80 || ps[0].MemberID == 0 {
		t.Errorf("target and doctor: %v %d", ps[0].Target, ps[0].MemberID)
	}
	if got := ps[0].Due.Format("02-01-2006"); got != "23-02-2027" {
		t.Errorf("due %s", got)
	}
}

// TestPledgeFormDueNext: "næste" in the pledge form is the cluster's next
// planned meeting, three months on only when none is planned — the rule
// `klynge pledge add --due` uses (meeting.DueDate). The practice and the
// doctor are found by part of their names with Danish folding.
func TestPledgeFormDueNext(t *testing.T) {
	for _, tt := range []struct {
		name    string
		planned bool
		want    string
	}{
		{"a meeting is planned", true, "04-03-2027"},
		{"none is planned", false, "23-02-2027"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, m := mustDemoMeeting(t)
			if tt.planned {
				next, err := meeting.New(m.Pack, "Marts", time.Date(2027, 3, 4, 17, 30, 0, 0, time.Local), meetingStart)
				if err != nil {
					t.Fatal(err)
				}
				next.ClusterID = m.ClusterID
				if _, err := s.CreateMeeting(context.Background(), next); err != nil {
					t.Fatal(err)
				}
			}
			model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(100)})
			tm := startProgram(t, model, 80, 24, "tryk s")
			tm.Send(key("T"))
			waitFor(t, tm, "Ingen tiltag endnu")
			tm.Send(key("a"))
			waitFor(t, tm, "Hvad vil praksis gøre?")
			typeText(tm, "ostergade") // Lægerne Østergade
			tm.Send(tea.KeyMsg{Type: tea.KeyTab})
			typeText(tm, "Forløbsplan ved årskontrol")
			tm.Send(tea.KeyMsg{Type: tea.KeyTab})
			tm.Send(tea.KeyMsg{Type: tea.KeyTab})
			for range 10 {
				tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
			}
			typeText(tm, "næste")
			tm.Send(tea.KeyMsg{Type: tea.KeyTab})
			tm.Send(tea.KeyMsg{Type: tea.KeyTab})
			tm.Send(tea.KeyMsg{Type: tea.KeyTab})
			typeText(tm, "soren") // Søren
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			waitFor(t, tm, "tiltaget fra Lægerne Østergade er gemt")
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			ps, err := s.Pledges(context.Background(), m.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 1 || ps[0].Ydernummer != "047318" || ps[0].MemberID == 0 {
				t.Fatalf("pledges %+v", ps)
			}
			if got := ps[0].Due.Format("02-01-2006"); got != tt.want {
				t.Errorf("due %s, want %s", got, tt.want)
			}
		})
	}
}
