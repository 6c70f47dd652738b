package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

func evaluationIndex(t *testing.T, m meeting.Meeting) int {
	t.Helper()
	for i, it := range m.Items {
		if it.Kind == meeting.KindEvaluation {
			return i
		}
	}
	t.Fatal("no evaluation in the demo")
	return -1
}

// evaluationUnderWay is the demo meeting running its evaluation item.
func evaluationUnderWay(t *testing.T) (*store.Store, meeting.Meeting, int) {
	t.Helper()
	s, m := mustDemoMeeting(t)
	ev := evaluationIndex(t, m)
	m = saveRun(t, s, m.ID, startAt(minutesAfterStart(0)), func(m meeting.Meeting) (meeting.Meeting, error) {
		return m.StartItem(ev, minutesAfterStart(110))
	})
	return s, m, ev
}

// earlierEvaluation stores an earlier meeting of the same cluster on the
// same pack, with the given scores on its evaluation.
func earlierEvaluation(t *testing.T, s *store.Store, m meeting.Meeting, start time.Time, scores ...int) {
	t.Helper()
	ctx := context.Background()
	e, err := meeting.New(m.Pack, "Tidligere møde", start, start.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	e.ClusterID = m.ClusterID
	if e, err = s.CreateMeeting(ctx, e); err != nil {
		t.Fatal(err)
	}
	ev := evaluationIndex(t, e)
	for _, sc := range scores {
		if err := s.RecordScore(ctx, e.ID, e.Items[ev].ID, sc, 1); err != nil {
			t.Fatal(err)
		}
	}
}

func storedStats(t *testing.T, s *store.Store, id int64, ev int) meeting.ScoreStats {
	t.Helper()
	m, err := s.Meeting(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return meeting.Stats(m.Items[ev].Evaluation.Entries)
}

// TestEvaluationKeys types scores as they are called out, a 10, an undo
// and a show of hands, and checks each is stored before the screen says
// so, and that the histogram and statistics follow.
func TestEvaluationKeys(t *testing.T) {
	s, m, ev := evaluationUnderWay(t)
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(112)})
	tm := startProgram(t, model, 80, 24, "EVALUERING")
	waitFor(t, tm, "Ingen scorer endnu")
	tm.Send(key("7"))
	waitFor(t, tm, "1 score i alt")
	if st := storedStats(t, s, m.ID, ev); st.N != 1 || st.Counts[7] != 1 {
		t.Fatalf("after 7: %+v", st)
	}
	// Typed fast: one message with several runes, each its own score.
	tm.Send(key("0*9"))
	waitFor(t, tm, "4 scorer i alt")
	tm.Send(key("u"))
	waitFor(t, tm, "score 9 × 1 fortrudt")
	tm.Send(key("c"))
	waitFor(t, tm, "Håndsoprækning")
	tm.Send(key("8"))
	tm.Send(key("tab"))
	tm.Send(key("3"))
	tm.Send(key("enter"))
	waitFor(t, tm, "6 scorer i alt")
	// 0, 7, 8, 8, 8, 10: mean 41/6, median 8.
	waitFor(t, tm, "n = 6 · gennemsnit 6,8 · median 8")
	tm.Send(key("w"))
	waitFor(t, tm, "Evaluering: noter")
	tm.Send(key("Godt oplæg"))
	tm.Send(key("tab"))
	tm.Send(key("Mere tid til data"))
	tm.Send(key("enter"))
	waitFor(t, tm, "Det ændrer vi: Mere tid til data")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	view := finalView(t, tm)
	assertFits(t, view, 80, 24)
	st := storedStats(t, s, m.ID, ev)
	if st.N != 6 || st.Counts[0] != 1 || st.Counts[10] != 1 || st.Counts[8] != 3 || st.Counts[9] != 0 || st.Median != 8 {
		t.Errorf("stored: %+v", st)
	}
	stored, _ := s.Meeting(context.Background(), m.ID)
	if e := stored.Items[ev].Evaluation; e.Worked != "Godt oplæg" || e.Change != "Mere tid til data" {
		t.Errorf("notes %q / %q", e.Worked, e.Change)
	}
}

// TestEvaluationHandsRefused keeps a bad show of hands in its form with
// the reason, and stores nothing.
func TestEvaluationHandsRefused(t *testing.T) {
	s, m, ev := evaluationUnderWay(t)
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(112), lang: "en"})
	tm := startProgram(t, model, 80, 24, "EVALUERING")
	for _, tc := range []struct{ score, hands, want string }{
		{"11", "2", "Type a score from 0 to 10."},
		{"5", "0", "Type a number of hands from 1 to 200."},
	} {
		tm.Send(key("c"))
		waitFor(t, tm, "Show of hands")
		tm.Send(key(tc.score))
		tm.Send(key("tab"))
		tm.Send(key(tc.hands))
		tm.Send(key("enter"))
		waitFor(t, tm, tc.want)
		tm.Send(key("esc"))
		waitFor(t, tm, "No scores yet")
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	if st := storedStats(t, s, m.ID, ev); st.N != 0 {
		t.Errorf("stored %+v", st)
	}
}

// TestEvaluationGolden is the projected histogram with the trend of two
// earlier meetings, at the smallest and a large screen.
func TestEvaluationGolden(t *testing.T) {
	s, m, ev := evaluationUnderWay(t)
	earlierEvaluation(t, s, m, meetingStart.AddDate(0, -6, 0), 5, 6, 7)
	earlierEvaluation(t, s, m, meetingStart.AddDate(0, -3, 0), 8, 7, 7, 9)
	ctx := context.Background()
	for _, sc := range [][2]int{{10, 1}, {0, 1}, {8, 6}, {7, 4}, {6, 2}, {9, 1}} {
		if err := s.RecordScore(ctx, m.ID, m.Items[ev].ID, sc[0], sc[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RecordEvaluationNotes(ctx, m.ID, m.Items[ev].ID, "Konkrete data fra egen praksis", "Kortere oplæg\x1b[31m"); err == nil {
		t.Fatal("an escape code was stored")
	}
	if err := s.RecordEvaluationNotes(ctx, m.ID, m.Items[ev].ID, "Konkrete data fra egen praksis 👍", "Kortere oplæg"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		w, h int
		// axis is how many histogram lines the body holds: one per
		// score on a laptop, bars two lines thick with gaps on a projector.
		axis int
	}{{"80x24", 80, 24, 11}, {"200x60", 200, 60, 32}} {
		t.Run(tt.name, func(t *testing.T) {
			model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(113)})
			tm := startProgram(t, model, tt.w, tt.h, "EVALUERING")
			waitFor(t, tm, "Tidligere møder")
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			view := finalView(t, tm)
			assertFits(t, view, tt.w, tt.h)
			for _, want := range []string{"n = 15 · gennemsnit 7,1 · median 8", "10 │", " 0 │", "i aften 7,1", "Det virkede: Konkrete data"} {
				if !strings.Contains(view, want) {
					t.Errorf("lacks %q:\n%s", want, view)
				}
			}
			if got := strings.Count(view, "│"); got != tt.axis {
				t.Errorf("histogram has %d lines, want %d:\n%s", got, tt.axis, view)
			}
			golden(t, view)
		})
	}
}
