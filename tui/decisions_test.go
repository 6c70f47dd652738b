package tui_test

import (
	"context"
	tea "github.com/charmbracelet/bubbletea"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
)

// TestDecisionKeys records a decision on the item shown, with a vote and a
// rule, edits it to unanimous, refuses a vote it cannot read, and deletes
// a second one; each is stored before the footer confirms it.
func TestDecisionKeys(t *testing.T) {
	s, m, ev := evaluationUnderWay(t)
	ctx := context.Background()
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(112)})
	tm := startProgram(t, model, 80, 24, "EVALUERING")
	tm.Send(key("B"))
	waitFor(t, tm, "Ingen beslutninger endnu")
	tm.Send(key("a"))
	waitFor(t, tm, "Beslutning: Evaluering")
	tm.Send(key("Anonymiteten løftes ved datamøder"))
	tm.Send(key("tab"))
	tm.Send(key("12-3-x"))
	tm.Send(key("enter"))
	waitFor(t, tm, "er ikke en afstemning")
	tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	tm.Send(key("1"))
	tm.Send(key("tab"))
	tm.Send(key("Anonymitet"))
	tm.Send(key("enter"))
	waitFor(t, tm, "Beslutningen er gemt")
	stored := func() []meeting.Decision {
		got, err := s.Meeting(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.Decisions
	}
	if ds := stored(); len(ds) != 1 || ds[0].For != 12 || ds[0].Against != 3 || ds[0].Abstain != 1 || ds[0].Rule != "Anonymitet" ||
		ds[0].ItemID != m.Items[ev].ID {
		t.Fatalf("stored %+v", ds)
	}
	waitFor(t, tm, "Klyngens regler i kraft")
	waitFor(t, tm, "Anonymitet: Anonymiteten løftes ved datamøder")
	tm.Send(key("e"))
	waitFor(t, tm, "12-3-1")
	tm.Send(key("tab"))
	for range 6 {
		tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	tm.Send(key("enstemmigt"))
	tm.Send(key("enter"))
	waitFor(t, tm, "Beslutningen er gemt")
	if ds := stored(); len(ds) != 1 || !ds[0].Unanimous || ds[0].For != 0 {
		t.Fatalf("after edit %+v", ds)
	}
	tm.Send(key("a"))
	waitFor(t, tm, "Beslutning: Evaluering")
	tm.Send(key("Spisning kl. 19"))
	tm.Send(key("tab"))
	tm.Send(key("10-0"))
	tm.Send(key("enter"))
	waitFor(t, tm, "Beslutninger ved dette møde (2)")
	tm.Send(key("j"))
	tm.Send(key("x"))
	waitFor(t, tm, "Beslutningen er slettet")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	view := finalView(t, tm)
	assertFits(t, view, 80, 24)
	if ds := stored(); len(ds) != 1 || !strings.HasPrefix(ds[0].Text, "Anonymiteten") {
		t.Errorf("after delete %+v", ds)
	}
}
