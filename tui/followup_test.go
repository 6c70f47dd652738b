package tui_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

func TestFollowUpAtTheNextMeeting(t *testing.T) {
	s, first := mustDemoMeeting(t)
	ctx := context.Background()
	p, err := s.SavePledge(ctx, meeting.Pledge{MeetingID: first.ID, Ydernummer: "047318", Action: "Forløbsplan ved årskontrol",
		Owner: "sygeplejersken", Due: meetingStart.AddDate(0, 3, 0), Indicator: "kol-forloebsplan", Created: meetingStart})
	if err != nil {
		t.Fatal(err)
	}
	// The cluster's next meeting, three months on.
	next, err := meeting.New(first.Pack, "Klyngemøde marts", meetingStart.AddDate(0, 3, 0), meetingStart.AddDate(0, 3, -7))
	if err != nil {
		t.Fatal(err)
	}
	next.ClusterID = first.ClusterID
	var yds []string
	for yd := range first.Codes {
		yds = append(yds, yd)
	}
	if next.Codes, err = meeting.NewCodes(yds, rand.NewChaCha8([32]byte{9})); err != nil {
		t.Fatal(err)
	}
	next.Values = first.Values
	if next, err = s.CreateMeeting(ctx, next); err != nil {
		t.Fatal(err)
	}

	start := meetingStart.AddDate(0, 3, 0)
	model := newModel(s, next.ID, modelOpts{now: start})
	tm := startProgram(t, model, 80, 24, "tryk s")
	tm.Send(key("s"))
	waitFor(t, tm, "Opfølgning på tiltag fra sidst")
	tm.Send(key("j"))
	tm.Send(key("enter"))
	waitFor(t, tm, "Opfølgning på tiltag (1)")
	view := currentFrame(t, tm)
	if !strings.Contains(view, "Lægerne Østergade: Forløbsplan ved årskontrol") || !strings.Contains(view, "tal vises kun med samtykke") {
		t.Errorf("the pledge shows by practice, its figures only with consent:\n%s", view)
	}
	tm.Send(key("2"))
	waitFor(t, tm, "delvist: Forløbsplan")
	typeText(tm, "i gang hos den ene læge")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "opfølgningen er gemt: delvist")
	waitFor(t, tm, "◐ delvist – i gang hos den ene læge")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	open, err := s.OpenPledges(ctx, next.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(open) != 1 || open[0].ID != p.ID || open[0].Review == nil || open[0].Review.Outcome != meeting.OutcomePartly {
		t.Fatalf("the review should be stored: %+v", open)
	}

	// With the practice's consent tonight, its figures before and after
	// show next to its name.
	if _, err := s.SetConsent(ctx, next.ID, "047318", true, start); err != nil {
		t.Fatal(err)
	}
	model = newModel(s, next.ID, modelOpts{now: start.Add(time.Minute)})
	tm = startProgram(t, model, 80, 24, "Velkomst")
	tm.Send(key("O"))
	waitFor(t, tm, "▤ kol-forloebsplan: ")
	if view := currentFrame(t, tm); !strings.Contains(view, " → ") || strings.Contains(view, "samtykke (P)") {
		t.Errorf("with consent the figures show:\n%s", view)
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
}
