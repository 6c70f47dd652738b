package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/tui"
)

func TestAgendaNavigation(t *testing.T) {
	s, m := mustDemoMeeting(t)
	agenda := m.Pack.Agenda
	tm := startProgram(t, newModel(s, m.ID, modelOpts{}), 80, 24, agenda[0].Title)

	// Down twice and enter opens the third item, the data item.
	tm.Send(key("j"))
	tm.Send(key("down"))
	tm.Send(key("enter"))
	waitFor(t, tm, "KOL-prævalens")
	// Back to the agenda, on to the group work, back again and up.
	tm.Send(key("esc"))
	tm.Send(key("j"))
	tm.Send(key("enter"))
	waitFor(t, tm, "Ingen grupper endnu")
	tm.Send(key("esc"))
	tm.Send(key("k"))
	// Not under way: q quits at once.
	tm.Send(key("q"))
	view := finalView(t, tm)
	assertFits(t, view, 80, 24)
	golden(t, view)
	// esc returns to the item last shown (4), and k moves up from there.
	if !strings.Contains(view, "▶  3") {
		t.Errorf("cursor should be on item 3; view:\n%s", view)
	}
}

func TestKeysArrivingTogetherAreEachHandled(t *testing.T) {
	s, m := mustDemoMeeting(t)
	tm := startProgram(t, newModel(s, m.ID, modelOpts{}), 80, 24, m.Pack.Agenda[0].Title)
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj")})
	tm.Send(key("q"))
	if view := finalView(t, tm); !strings.Contains(view, "▶  4") {
		t.Errorf("three j's in one read should move three items:\n%s", view)
	}
}

func TestItemScreenShowsQuestionsAndIndicators(t *testing.T) {
	s, m := mustDemoMeeting(t)
	tm := startProgram(t, newModel(s, m.ID, modelOpts{}), 80, 24, m.Pack.Agenda[0].Title)
	dataIndex, groupIndex := -1, -1
	for i, it := range m.Pack.Agenda {
		if it.Kind == "data" && dataIndex < 0 {
			dataIndex = i
		}
		if it.Kind == "plenum" && len(it.Questions) > 0 && groupIndex < 0 {
			groupIndex = i
		}
	}
	for i := 0; i < groupIndex; i++ {
		tm.Send(key("j"))
	}
	tm.Send(key("enter"))
	waitFor(t, tm, "Spørgsmål")
	tm.Send(key("q"))
	view := finalView(t, tm)
	assertFits(t, view, 80, 24)
	golden(t, view)
	first := m.Pack.Agenda[groupIndex].Questions[0]
	if !strings.Contains(strings.Join(strings.Fields(view), " "), strings.Join(strings.Fields(first), " ")[:30]) {
		t.Errorf("group-work screen lacks its first question %q:\n%s", first, view)
	}
	_ = dataIndex
}

func TestStartMeetingIsStoredAndQuitAsksFirst(t *testing.T) {
	s, m := mustDemoMeeting(t)
	now := meetingStart.Add(2 * time.Minute)
	tm := startProgram(t, newModel(s, m.ID, modelOpts{now: now}), 80, 24, m.Pack.Agenda[0].Title)

	tm.Send(key("s"))
	waitFor(t, tm, "Mødet er startet 17:32")
	stored, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Started == nil || !stored.Started.Equal(now) {
		t.Fatalf("store has start %v, want %v", stored.Started, now)
	}

	// Under way: q opens a confirm, n closes it, q then j quits.
	tm.Send(key("q"))
	waitFor(t, tm, "Afslut klynge?")
	tm.Send(key("n"))
	tm.Send(key("q"))
	tm.Send(key("j"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

func TestConfirmDialogAt80x24(t *testing.T) {
	s, m := mustDemoMeeting(t)
	now := meetingStart.Add(2 * time.Minute)
	saveRun(t, s, m.ID, startAt(now))
	model := newModel(s, m.ID, modelOpts{now: now})
	tm := startProgram(t, model, 80, 24, m.Pack.Agenda[0].Title)
	tm.Send(key("q"))
	waitFor(t, tm, "Afslut klynge?")
	// Stop the program without a key, so the final frame still shows the
	// dialog.
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	view := finalView(t, tm)
	assertFits(t, view, 80, 24)
	golden(t, view)
}

func TestHelpOverlay(t *testing.T) {
	s, m := mustDemoMeeting(t)
	tm := startProgram(t, newModel(s, m.ID, modelOpts{}), 80, 24, m.Pack.Agenda[0].Title)
	tm.Send(key("?"))
	waitFor(t, tm, "Taster")
	tm.Send(key("x")) // any key closes help
	tm.Send(key("q"))
	view := finalView(t, tm)
	if strings.Contains(view, "Taster") {
		t.Errorf("help still open after a key:\n%s", view)
	}
}

func TestResize(t *testing.T) {
	s, m := mustDemoMeeting(t)
	tests := []struct {
		name string
		w, h int
		want string
	}{
		{"large", 160, 48, m.Pack.Agenda[len(m.Pack.Agenda)-1].Title},
		{"too small", 60, 20, "Gør vinduet større"},
		{"exactly 80x24", 80, 24, m.Pack.Agenda[0].Title},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			model := newModel(s, m.ID, modelOpts{})
			tm := startProgram(t, model, 80, 24, m.Pack.Agenda[0].Title)
			tm.Send(tea.WindowSizeMsg{Width: tt.w, Height: tt.h})
			tm.Send(key("q"))
			view := finalView(t, tm)
			assertFits(t, view, tt.w, tt.h)
			if !strings.Contains(view, tt.want) {
				t.Errorf("at %dx%d want %q in:\n%s", tt.w, tt.h, tt.want, view)
			}
		})
	}
}

func TestEnglish(t *testing.T) {
	s, m := mustDemoMeeting(t)
	tm := startProgram(t, newModel(s, m.ID, modelOpts{lang: "en"}), 80, 24, "Not started")
	tm.Send(key("q"))
	view := finalView(t, tm)
	for _, want := range []string{"planned start 17:30", "Planned", "planned end 19:30", "quit"} {
		if !strings.Contains(view, want) {
			t.Errorf("English view lacks %q:\n%s", want, view)
		}
	}
}

func TestMissingMeetingShowsError(t *testing.T) {
	s, _ := mustDemoMeeting(t)
	model := newModel(s, 999, modelOpts{})
	tm := startProgram(t, model, 80, 24, "Fejl")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	if view := finalView(t, tm); !strings.Contains(view, "999") {
		t.Errorf("the error should name the meeting:\n%s", view)
	}
	var _ tui.Store = s
}

// TestAgendaCursorFollowsTheConsole: when the meeting has moved on in
// another window, the projector's agenda points at the running item after
// its own next key, not at the item its stale view expected.
func TestAgendaCursorFollowsTheConsole(t *testing.T) {
	s, m := mustDemoMeeting(t)
	now := time.Date(2026, 12, 3, 18, 30, 0, 0, time.Local)
	tm := startProgram(t, newProjector(s, m.ID, now, func() bool { return true }), 80, 24, m.Pack.Agenda[0].Title)
	other := window(t, s)
	_, _, err := other.UpdateRun(context.Background(), m.ID, func(mt meeting.Meeting) (meeting.Meeting, error) {
		mt, err := mt.Start(now)
		for i := 0; err == nil && i < 3; i++ {
			mt, err = mt.Next(now)
		}
		return mt, err
	})
	if err != nil {
		t.Fatal(err)
	}
	// This window has not looked yet; its own key's save brings the
	// other window's moves with it.
	tm.Send(key("n"))
	waitFor(t, tm, "▶  5 ●")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
}
