package meeting_test

import (
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// t0 is the planned start of the test meeting: 17:30.
var t0 = time.Date(2026, 12, 3, 17, 30, 0, 0, time.UTC)

func at(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }

// evening is a 100-minute meeting: welcome 5, talk 25, data 15, group
// work 20, plenum 10, group work 20, evaluation 5. Planned end 19:10.
func evening(t *testing.T) meeting.Meeting {
	t.Helper()
	p := meeting.Pack{Title: "KOL", Agenda: []meeting.AgendaItem{
		{Kind: meeting.KindWelcome, Title: "Velkomst", Minutes: 5},
		{Kind: meeting.KindTalk, Title: "Oplæg", Minutes: 25},
		{Kind: meeting.KindData, Title: "Data", Minutes: 15},
		{Kind: meeting.KindGroupwork, Title: "Runde 1", Minutes: 20},
		{Kind: meeting.KindPlenum, Title: "Plenum", Minutes: 10},
		{Kind: meeting.KindGroupwork, Title: "Runde 2", Minutes: 20},
		{Kind: meeting.KindEvaluation, Title: "Evaluering", Minutes: 5},
	}}
	m, err := meeting.New(p, "", t0, t0)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// mustOK returns a function that unwraps an operation's result and fails
// the test on an error.
func mustOK(t *testing.T) func(meeting.Meeting, error) meeting.Meeting {
	return func(m meeting.Meeting, err error) meeting.Meeting {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
}

func titles(m meeting.Meeting, idx []int) []string {
	out := make([]string, len(idx))
	for i, x := range idx {
		out[i] = m.Items[x].Title
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBudget(t *testing.T) {
	tests := []struct {
		name string
		// run builds the meeting state and returns it with the "now" of
		// the budget.
		run          func(t *testing.T) (meeting.Meeting, time.Time)
		wantDrift    time.Duration
		wantEnd      string
		wantCurrent  int
		wantLeft     time.Duration
		wantOverrun  time.Duration
		wantDoNotFit []string
	}{
		{
			name:        "before the start, on time",
			run:         func(t *testing.T) (meeting.Meeting, time.Time) { return evening(t), at(-10) },
			wantEnd:     "19:10",
			wantCurrent: -1,
		},
		{
			// Nobody has pressed start: the plan is shown as planned, not
			// as "7 min behind" with warnings before any key is pressed.
			name:        "not started 7 minutes after the planned start",
			run:         func(t *testing.T) (meeting.Meeting, time.Time) { return evening(t), at(7) },
			wantEnd:     "19:10",
			wantCurrent: -1,
		},
		{
			name: "talk running within its time",
			run: func(t *testing.T) (meeting.Meeting, time.Time) {
				ok := mustOK(t)
				m := ok(evening(t).Start(at(0)))
				m = ok(m.Next(at(5)))
				return m, at(20)
			},
			wantEnd:     "19:10",
			wantCurrent: 1,
			wantLeft:    10 * time.Minute,
		},
		{
			name: "talk overruns by 12 minutes",
			run: func(t *testing.T) (meeting.Meeting, time.Time) {
				ok := mustOK(t)
				m := ok(evening(t).Start(at(0)))
				m = ok(m.Next(at(5)))
				return m, at(42)
			},
			wantDrift:    12 * time.Minute,
			wantEnd:      "19:22",
			wantCurrent:  1,
			wantLeft:     -12 * time.Minute,
			wantOverrun:  12 * time.Minute,
			wantDoNotFit: []string{"Runde 2", "Evaluering"},
		},
		{
			name: "overrun made good by dropping the second round",
			run: func(t *testing.T) (meeting.Meeting, time.Time) {
				ok := mustOK(t)
				m := ok(evening(t).Start(at(0)))
				m = ok(m.Next(at(5)))
				m = ok(m.ToggleSkip(5))
				return m, at(42)
			},
			wantDrift:   -8 * time.Minute,
			wantEnd:     "19:02",
			wantCurrent: 1,
			wantLeft:    -12 * time.Minute,
			wantOverrun: 12 * time.Minute,
		},
		{
			name: "overrun made good by shortening",
			run: func(t *testing.T) (meeting.Meeting, time.Time) {
				ok := mustOK(t)
				m := ok(evening(t).Start(at(0)))
				m = ok(m.Next(at(5)))
				m = ok(m.SetMinutes(5, 8))
				return m, at(42)
			},
			wantEnd:     "19:10",
			wantCurrent: 1,
			wantLeft:    -12 * time.Minute,
			wantOverrun: 12 * time.Minute,
		},
		{
			name: "done items count with their real length",
			run: func(t *testing.T) (meeting.Meeting, time.Time) {
				ok := mustOK(t)
				m := ok(evening(t).Start(at(0)))
				m = ok(m.Next(at(8)))  // welcome took 8 of 5
				m = ok(m.Next(at(28))) // talk took 20 of 25
				return m, at(29)
			},
			wantDrift:   -2 * time.Minute,
			wantEnd:     "19:08",
			wantCurrent: 2,
			wantLeft:    14 * time.Minute,
		},
		{
			name: "an ad-hoc item after the running one pushes the rest",
			run: func(t *testing.T) (meeting.Meeting, time.Time) {
				ok := mustOK(t)
				m := ok(evening(t).Start(at(0)))
				m = ok(m.AddItem(meeting.AgendaItem{Kind: meeting.KindPlenum, Title: "Eventuelt", Minutes: 5}, 99))
				return m, at(1)
			},
			wantDrift:    5 * time.Minute,
			wantEnd:      "19:15",
			wantCurrent:  0,
			wantLeft:     4 * time.Minute,
			wantDoNotFit: []string{"Evaluering"},
		},
		{
			name: "between items the clock keeps running",
			run: func(t *testing.T) (meeting.Meeting, time.Time) {
				ok := mustOK(t)
				m := ok(evening(t).Start(at(0)))
				m = ok(m.Next(at(5)))
				// The coordinator pressed back: the welcome runs again.
				m = ok(m.Back())
				return m, at(9)
			},
			wantDrift:    4 * time.Minute,
			wantEnd:      "19:14",
			wantCurrent:  0,
			wantLeft:     -4 * time.Minute,
			wantOverrun:  4 * time.Minute,
			wantDoNotFit: []string{"Evaluering"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, now := tt.run(t)
			b := m.Budget(now)
			if b.Drift != tt.wantDrift {
				t.Errorf("drift %v, want %v", b.Drift, tt.wantDrift)
			}
			if got := b.ProjectedEnd.Format("15:04"); got != tt.wantEnd {
				t.Errorf("projected end %s, want %s", got, tt.wantEnd)
			}
			if b.Current != tt.wantCurrent {
				t.Errorf("current %d, want %d", b.Current, tt.wantCurrent)
			}
			if b.Current >= 0 && b.Items[b.Current].Left != tt.wantLeft {
				t.Errorf("left %v, want %v", b.Items[b.Current].Left, tt.wantLeft)
			}
			if b.Overrun != tt.wantOverrun {
				t.Errorf("overrun %v, want %v", b.Overrun, tt.wantOverrun)
			}
			if got := titles(m, b.DoNotFit); !equalStrings(got, tt.wantDoNotFit) {
				t.Errorf("do not fit %v, want %v", got, tt.wantDoNotFit)
			}
			if !b.PlannedEnd.Equal(at(100)) {
				t.Errorf("planned end moved to %v", b.PlannedEnd)
			}
		})
	}
}

func TestZeroMinuteItemTakesNoTime(t *testing.T) {
	ok := mustOK(t)
	m := evening(t)
	m.Items[4].Minutes = 0 // a pack may plan a plenum of 0 minutes
	m = ok(m.Start(at(0)))
	b := m.Budget(at(1))
	if got := b.ProjectedEnd.Format("15:04"); got != "19:00" {
		t.Errorf("projected end %s, want 19:00", got)
	}
	if b.Items[4].ProjectedStart != b.Items[4].ProjectedEnd {
		t.Errorf("a 0-minute item should take no time: %v–%v", b.Items[4].ProjectedStart, b.Items[4].ProjectedEnd)
	}
	m = ok(m.StartItem(4, at(2)))
	if left := m.Budget(at(3)).Items[4].Left; left != -time.Minute {
		t.Errorf("a running 0-minute item is over at once: left %v", left)
	}
}

func TestRunOperations(t *testing.T) {
	ok := mustOK(t)
	m := evening(t)
	if m.UnderWay() || m.Current() != -1 || m.Focus() != 0 {
		t.Fatal("a new meeting has nothing running and focuses the first item")
	}
	if _, err := m.Back(); meeting.ErrorCode(err) != meeting.ECONFLICT {
		t.Errorf("back before anything ended: %v", err)
	}
	m = ok(m.Start(at(1)))
	if _, err := m.Start(at(2)); meeting.ErrorCode(err) != meeting.ECONFLICT {
		t.Errorf("starting twice: %v", err)
	}
	if m.Items[0].Status() != meeting.StatusRunning || !m.Items[0].Started.Equal(at(1)) {
		t.Fatalf("first item should run from 17:31: %+v", m.Items[0])
	}

	// Jump to the data item: the welcome ends, the talk stays pending.
	m = ok(m.StartItem(2, at(6)))
	if m.Items[0].Status() != meeting.StatusDone || m.Items[1].Status() != meeting.StatusPending || m.Current() != 2 {
		t.Fatalf("after jumping: %v %v current %d", m.Items[0].Status(), m.Items[1].Status(), m.Current())
	}
	// Next goes to the next pending item after the running one.
	m = ok(m.Next(at(20)))
	if m.Current() != 3 {
		t.Fatalf("next after data should be round 1, is %d", m.Current())
	}
	// Held items cannot be skipped, moved or re-planned.
	if _, err := m.ToggleSkip(0); err == nil {
		t.Error("skipping a held item should fail")
	}
	if _, err := m.Move(2, 1); err == nil {
		t.Error("moving a held item should fail")
	}
	if _, err := m.SetMinutes(0, 3); err == nil {
		t.Error("re-planning a held item should fail")
	}
	if _, err := m.SetMinutes(5, 0); meeting.ErrorCode(err) != meeting.EINVALID {
		t.Errorf("0 minutes: %v", err)
	}
	// Reorder what is still to come: evaluation before round 2.
	m = ok(m.Move(6, -1))
	if m.Items[5].Title != "Evaluering" || m.Items[6].Title != "Runde 2" {
		t.Fatalf("move: %s, %s", m.Items[5].Title, m.Items[6].Title)
	}
	if _, err := m.Move(4, -1); err == nil {
		t.Error("moving above the running item should fail")
	}
	// Operations never change the meeting they are called on.
	before := m.Items[6].Skipped
	ok(m.ToggleSkip(6))
	if m.Items[6].Skipped != before {
		t.Error("ToggleSkip changed its receiver")
	}
	// Ad-hoc items go after the running item, never before a held one.
	m = ok(m.AddItem(meeting.AgendaItem{Kind: meeting.KindPlenum, Title: "Eventuelt", Minutes: 5}, 0))
	if m.Items[4].Title != "Eventuelt" || !m.Items[4].AdHoc() {
		t.Fatalf("ad-hoc item at 4: %+v", m.Items[4])
	}
	if _, err := m.AddItem(meeting.AgendaItem{Kind: meeting.KindPlenum, Minutes: 5}, 0); err == nil {
		t.Error("an ad-hoc item needs a title")
	}
	// Run to the last item; next then comes back for the talk that was
	// jumped over, and only after it the meeting ends.
	for m.Current() != len(m.Items)-1 {
		m = ok(m.Next(at(60)))
	}
	m = ok(m.Next(at(61)))
	if m.Current() != 1 || m.Ended() {
		t.Fatalf("next after the last item should start the jumped-over talk, got %d", m.Current())
	}
	m = ok(m.Next(at(70)))
	if !m.Ended() {
		t.Fatal("every item held: the meeting has ended")
	}
	if _, err := m.Next(at(71)); meeting.ErrorCode(err) != meeting.ECONFLICT {
		t.Errorf("next after the end: %v", err)
	}
}
