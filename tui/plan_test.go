package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// TestPlanGolden is the year plan screen at the smallest and a large
// screen, with a hostile place shown inert.
func TestPlanGolden(t *testing.T) {
	s, m := mustDemoMeeting(t)
	ctx := context.Background()
	for _, p := range []meeting.PlannedMeeting{
		{Start: time.Date(2027, 3, 4, 17, 30, 0, 0, time.Local), Place: "Lægehuset, Storegade 1", Topic: "KOL – diagnostik og opfølgning", Host: "Lægerne Østergade"},
		{Start: time.Date(2027, 6, 10, 18, 0, 0, 0, time.Local), Place: "Sundhedshuset 🏥", Topic: "Opioider", Host: "Læge Anne Sørensen"},
		{Start: time.Date(2027, 9, 2, 19, 0, 0, 0, time.Local), Topic: "Generalforsamling"},
	} {
		p.ClusterID = m.ClusterID
		if _, err := s.SavePlanned(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"200x60", 200, 60}} {
		t.Run(tt.name, func(t *testing.T) {
			model := newModel(s, m.ID, modelOpts{})
			tm := startProgram(t, model, tt.w, tt.h, "Velkomst og afbud")
			tm.Send(key("A"))
			waitFor(t, tm, "Årshjul: 3 planlagte møder")
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			view := finalView(t, tm)
			assertFits(t, view, tt.w, tt.h)
			for _, want := range []string{"tors. 4. mar. 2027", "Generalforsamling", "Sundhedshuset 🏥"} {
				if !strings.Contains(view, want) {
					t.Errorf("lacks %q:\n%s", want, view)
				}
			}
			golden(t, view)
		})
	}
}

// TestPlanForm adds a planned meeting from the screen, refuses a date it
// cannot read with the text kept, and deletes one.
func TestPlanForm(t *testing.T) {
	s, m := mustDemoMeeting(t)
	model := newModel(s, m.ID, modelOpts{})
	tm := startProgram(t, model, 80, 24, "Velkomst og afbud")
	tm.Send(key("A"))
	waitFor(t, tm, "Ingen møder i årshjulet endnu")
	tm.Send(key("a"))
	waitFor(t, tm, "Møde i årshjulet")
	tm.Send(key("31-02-2027"))
	tm.Send(key("enter"))
	waitFor(t, tm, "er ikke en dato")
	for range 10 {
		tm.Send(key("backspace"))
	}
	tm.Send(key("04-03-2027"))
	for range 2 {
		tm.Send(key("tab"))
	}
	tm.Send(key("Lægehuset"))
	tm.Send(key("tab"))
	tm.Send(key("KOL"))
	tm.Send(key("enter"))
	waitFor(t, tm, "Årshjulet er gemt")
	waitFor(t, tm, "Årshjul: 1 planlagt møde")
	plan, err := s.Plan(context.Background(), m.ClusterID)
	if err != nil || len(plan) != 1 || plan[0].Place != "Lægehuset" || plan[0].Topic != "KOL" ||
		!plan[0].Start.Equal(time.Date(2027, 3, 4, 17, 30, 0, 0, time.Local)) {
		t.Fatalf("stored %+v %v", plan, err)
	}
	tm.Send(key("x"))
	waitFor(t, tm, "Mødet er fjernet fra årshjulet")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	if plan, _ := s.Plan(context.Background(), m.ClusterID); len(plan) != 0 {
		t.Errorf("after delete %+v", plan)
	}
}
