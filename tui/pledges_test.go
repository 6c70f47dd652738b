package tui_test

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
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
