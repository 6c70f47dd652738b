package tui_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// groupworkIndex is the demo's first group-work item: round 1, 20 min,
// planned 18:15.
func groupworkIndex(t *testing.T, m meeting.Meeting) int {
	t.Helper()
	for i, it := range m.Items {
		if it.Kind == meeting.KindGroupwork {
			return i
		}
	}
	t.Fatal("no group work in the demo")
	return -1
}

// checkInEveryone records every demo doctor as present.
func checkInEveryone(t *testing.T, s *store.Store, m meeting.Meeting) {
	t.Helper()
	for _, p := range rosterOf(t, s, m).Practices {
		for _, mem := range p.Members {
			if _, err := s.SetAttendance(context.Background(), m.ID, meeting.Attendance{MemberID: mem.ID, Status: meeting.StatusPresent, At: meetingStart}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// roundUnderWay makes the demo meeting run round 1 from 18:15 with
// everyone present and in groups of four.
func roundUnderWay(t *testing.T) (*store.Store, meeting.Meeting) {
	t.Helper()
	s, m := mustDemoMeeting(t)
	checkInEveryone(t, s, m)
	gw := groupworkIndex(t, m)
	m = saveRun(t, s, m.ID, startAt(minutesAfterStart(0)), func(m meeting.Meeting) (meeting.Meeting, error) {
		return m.StartItem(gw, minutesAfterStart(45))
	}, func(m meeting.Meeting) (meeting.Meeting, error) {
		tm, err := m.Items[gw].RoundTimer().Start(minutesAfterStart(45))
		m.Items[gw].Timer = tm
		return m, err
	})
	var present []meeting.GroupMember
	for _, p := range rosterOf(t, s, m).Practices {
		for _, mem := range p.Members {
			present = append(present, meeting.GroupMember{MemberID: mem.ID, Name: mem.Name, Ydernummer: p.Ydernummer})
		}
	}
	groups, err := meeting.FormGroups(present, meeting.GroupRequest{Size: 4}, nil, rand.New(rand.NewChaCha8([32]byte{3})))
	if err != nil {
		t.Fatal(err)
	}
	if m, err = s.SaveGroups(context.Background(), m.ID, groups); err != nil {
		t.Fatal(err)
	}
	return s, m
}

func TestRoundScreen(t *testing.T) {
	s, m := roundUnderWay(t)
	tests := []struct {
		name  string
		w, h  int
		theme string
		now   time.Time
		want  []string
	}{
		{"80x24 running", 80, 24, "dark", minutesAfterStart(52).Add(30 * time.Second), []string{"● i gang", "1 · "}},
		{"200x60 light last minutes", 200, 60, "light", minutesAfterStart(63).Add(30 * time.Second), []string{"⚠ sidste minutter"}},
		{"80x24 overrun", 80, 24, "dark", minutesAfterStart(67), []string{"⚠ OVER TIDEN", "█"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			model := newModel(s, m.ID, modelOpts{now: tt.now, theme: themeName(tt.theme)})
			tm := startProgram(t, model, tt.w, tt.h, "Gruppearbejde")
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			view := finalView(t, tm)
			assertFits(t, view, tt.w, tt.h)
			for _, w := range tt.want {
				if !strings.Contains(view, w) {
					t.Errorf("round screen lacks %q:\n%s", w, view)
				}
			}
			golden(t, view)
		})
	}
}

func TestRoundTimerKeysSurviveARestart(t *testing.T) {
	s, m := mustDemoMeeting(t)
	gw := groupworkIndex(t, m)
	saveRun(t, s, m.ID, startAt(minutesAfterStart(0)), func(m meeting.Meeting) (meeting.Meeting, error) {
		return m.StartItem(gw, minutesAfterStart(45))
	})
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(46)})
	tm := startProgram(t, model, 80, 24, "Gruppearbejde")
	tm.Send(key(" "))
	waitFor(t, tm, "Runden er startet")
	tm.Send(key("5"))
	waitFor(t, tm, "Runden er nu 25 min")
	tm.Send(key("-"))
	waitFor(t, tm, "Runden er nu 24 min")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	timer := stored.Items[gw].Timer
	if timer.Planned != 24*time.Minute || timer.Started == nil || !timer.Started.Equal(minutesAfterStart(46)) {
		t.Fatalf("stored timer %+v", timer)
	}
	// A new program ten minutes later shows 14 minutes left.
	model = newModel(s, m.ID, modelOpts{now: minutesAfterStart(56)})
	tm = startProgram(t, model, 80, 24, "Gruppearbejde")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	if view := finalView(t, tm); !strings.Contains(view, "● i gang") {
		t.Errorf("after a restart the round runs on:\n%s", view)
	}
	if got := timer.Remaining(minutesAfterStart(56)); got != 14*time.Minute {
		t.Errorf("remaining %v, want 14m", got)
	}
}

func TestFormGroupsFromTheRoundScreen(t *testing.T) {
	s, m := mustDemoMeeting(t)
	gw := groupworkIndex(t, m)
	saveRun(t, s, m.ID, startAt(minutesAfterStart(0)), func(m meeting.Meeting) (meeting.Meeting, error) {
		return m.StartItem(gw, minutesAfterStart(45))
	})
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(46)})
	tm := startProgram(t, model, 80, 24, "Gruppearbejde")

	// Nobody checked in: a clear message, no groups.
	tm.Send(key("g"))
	waitFor(t, tm, "Dan grupper")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "ingen er registreret til stede")

	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	// Check everyone in, as the check-in screen would, and open again.
	checkInEveryone(t, s, m)
	model = newModel(s, m.ID, modelOpts{now: minutesAfterStart(47)})
	tm = startProgram(t, model, 80, 24, "Gruppearbejde")
	for _, bad := range []string{"1", "0"} {
		tm.Send(key("g"))
		waitFor(t, tm, "Dan grupper")
		tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
		typeText(tm, bad)
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		// Said next to the field; the form stays open to be fixed.
		waitFor(t, tm, "gruppestørrelsen skal være mindst 2")
		tm.Send(key("esc"))
	}
	tm.Send(key("g"))
	waitFor(t, tm, "Dan grupper")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "grupper af 22 læger")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Groups) != 5 || meeting.SamePracticePairs(stored.Groups) != 0 {
		t.Fatalf("want 5 groups with no practice twice, got %d groups, %d same-practice pairs", len(stored.Groups), meeting.SamePracticePairs(stored.Groups))
	}

	// Move Åse Bødker by hand to the next group.
	from := 0
	for _, g := range stored.Groups {
		for _, mem := range g.Members {
			if mem.Name == "Åse Bødker" {
				from = g.Number
			}
		}
	}
	to := from%5 + 1
	model = newModel(s, m.ID, modelOpts{now: minutesAfterStart(48)})
	tm = startProgram(t, model, 80, 24, "Gruppearbejde")
	tm.Send(key("m"))
	waitFor(t, tm, "Flyt en læge")
	typeText(tm, "åse")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, fmt.Sprint(to))
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, fmt.Sprintf("Åse Bødker er flyttet til gruppe %d", to))
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	stored, err = s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, mem := range stored.Groups[to-1].Members {
		found = found || mem.Name == "Åse Bødker"
	}
	if !found {
		t.Errorf("Åse Bødker should be in group %d now", to)
	}
}

func TestPresentationsAndNotes(t *testing.T) {
	s, m := roundUnderWay(t)
	var plenum int
	for i, it := range m.Items {
		if it.Kind == meeting.KindPlenum {
			plenum = i
			break
		}
	}
	saveRun(t, s, m.ID, func(m meeting.Meeting) (meeting.Meeting, error) { return m.StartItem(plenum, minutesAfterStart(66)) })
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(67)})
	tm := startProgram(t, model, 80, 24, "Fremlæggelser")
	tm.Send(key("j"))
	waitFor(t, tm, "Gruppe 1 fremlægger")
	tm.Send(key("w"))
	waitFor(t, tm, "Notat fra gruppe 1")
	typeText(tm, "Sygeplejersken laver forløbsplaner ved årskontrollen")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "notatet fra gruppe 1 er gemt")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	it := stored.Items[plenum]
	if it.Presenting != 1 || !strings.HasPrefix(it.Notes[1], "Sygeplejersken") {
		t.Fatalf("presenting %d, notes %v", it.Presenting, it.Notes)
	}
}
