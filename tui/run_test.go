package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// saveRun applies domain operations to the stored meeting, the way the
// TUI does, so a test can start from a meeting in progress.
func saveRun(t *testing.T, s *store.Store, id int64, ops ...func(meeting.Meeting) (meeting.Meeting, error)) meeting.Meeting {
	t.Helper()
	ctx := context.Background()
	m, err := s.Meeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range ops {
		if m, err = op(m); err != nil {
			t.Fatal(err)
		}
	}
	if m, err = s.SaveRun(ctx, m); err != nil {
		t.Fatal(err)
	}
	return m
}

func startAt(at time.Time) func(meeting.Meeting) (meeting.Meeting, error) {
	return func(m meeting.Meeting) (meeting.Meeting, error) { return m.Start(at) }
}

func nextAt(at time.Time) func(meeting.Meeting) (meeting.Meeting, error) {
	return func(m meeting.Meeting) (meeting.Meeting, error) { return m.Next(at) }
}

func minutesAfterStart(n int) time.Time { return meetingStart.Add(time.Duration(n) * time.Minute) }

func TestRunKeysAreSavedBeforeTheyShow(t *testing.T) {
	s, m := mustDemoMeeting(t)
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(1)})
	tm := startProgram(t, model, 80, 24, "tryk s for at starte")

	tm.Send(key("s"))
	waitFor(t, tm, "Mødet er startet 17:31")
	tm.Send(key("n"))
	waitFor(t, tm, "er i gang")
	stored := quitAndRead(t, tm, s, m.ID)
	if !stored.UnderWay() || stored.Items[0].Status() != meeting.StatusDone || stored.Current() != 1 {
		t.Fatalf("store should hold: started, welcome done, talk running; got current %d, %v",
			stored.Current(), stored.Items[0].Status())
	}
}

func TestAgendaShowsOverrunAndWhatNoLongerFits(t *testing.T) {
	s, m := mustDemoMeeting(t)
	// The talk (25 min) started 17:35 and still runs at 18:12: 12 min over.
	saveRun(t, s, m.ID, startAt(minutesAfterStart(0)), nextAt(minutesAfterStart(5)))
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(42)})
	tm := startProgram(t, model, 80, 24, "12 min bagud")
	tm.Send(key("esc")) // from the talk's slides back to the agenda
	waitFor(t, tm, "Når ikke med")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	view := finalView(t, tm)
	assertFits(t, view, 80, 24)
	golden(t, view)
	for _, want := range []string{"12:00 over tiden", "12 min bagud", "forventet slut 19:42", "»Evaluering«", "⚠"} {
		if !strings.Contains(view, want) {
			t.Errorf("agenda lacks %q:\n%s", want, view)
		}
	}
}

func TestShortenAfterOverrunIsTheCoordinatorsChoice(t *testing.T) {
	s, m := mustDemoMeeting(t)
	saveRun(t, s, m.ID, startAt(minutesAfterStart(0)), nextAt(minutesAfterStart(5)))
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(42)})
	tm := startProgram(t, model, 80, 24, "12 min bagud")
	tm.Send(key("esc"))
	// Down to the second group-work round (item 6) and drop it.
	for range 4 {
		tm.Send(key("j"))
	}
	tm.Send(key("x"))
	waitFor(t, tm, "er droppet")
	tm.Send(key("k"))
	tm.Send(key("-"))
	waitFor(t, tm, "har nu 4 min")
	stored := quitAndRead(t, tm, s, m.ID)
	if !stored.Items[5].Skipped || stored.Items[4].Minutes != 4 {
		t.Fatalf("want item 6 skipped and item 5 at 4 min, got %v, %d", stored.Items[5].Skipped, stored.Items[4].Minutes)
	}
	if b := stored.Budget(minutesAfterStart(42)); len(b.DoNotFit) != 0 {
		t.Errorf("after dropping round 2 everything should fit: %v", b.DoNotFit)
	}
}

func TestRestartResumesTheSameItemAndClock(t *testing.T) {
	s, m := mustDemoMeeting(t)
	// Group-work round 1 (item 4) and its timer started 18:00 for 20
	// minutes.
	saveRun(t, s, m.ID, startAt(minutesAfterStart(0)), nextAt(minutesAfterStart(5)),
		nextAt(minutesAfterStart(30)), nextAt(minutesAfterStart(30)),
		func(m meeting.Meeting) (meeting.Meeting, error) {
			return m.ChangeTimer(3, minutesAfterStart(30), meeting.Timer.Start)
		})
	for _, restart := range []string{"first program", "after a restart"} {
		t.Run(restart, func(t *testing.T) {
			model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(37).Add(48 * time.Second)})
			tm := startProgram(t, model, 80, 24, "12:12 tilbage")
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			view := finalView(t, tm)
			if !strings.Contains(view, "4/8") || !strings.Contains(view, "Gruppearbejde") {
				t.Errorf("should resume on item 4, the group work:\n%s", view)
			}
		})
	}
}

func TestAddAdHocItem(t *testing.T) {
	s, m, tm := openAddItem(t)
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	typeText(tm, "10")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "»Eventuelt« er tilføjet")
	stored := quitAndRead(t, tm, s, m.ID)
	if it := stored.Items[1]; it.Title != "Eventuelt" || it.Minutes != 10 || !it.AdHoc() {
		t.Fatalf("want Eventuelt, 10 min, ad hoc after the welcome; got %+v", it)
	}
}

// TestAddItemSaysWhenTheTitleIsFull: a title pasted or typed past the
// 200 characters a title may hold is not cut quietly; the dialog says the
// field is full, and what is stored is what the field showed.
func TestAddItemSaysWhenTheTitleIsFull(t *testing.T) {
	full := "✗ feltet er fuldt: højst 200 tegn"
	tests := []struct {
		name  string
		text  string
		full  bool
		title string
	}{
		{"fits", strings.Repeat("t", 191), false, "Eventuelt" + strings.Repeat("t", 191)},
		{"pasted past the limit", strings.Repeat("p", 400), true, "Eventuelt" + strings.Repeat("p", 191)},
		{"wide and emoji past the limit", strings.Repeat("漢", 190) + "👍🏽👨‍👩‍👧", true, "Eventuelt" + strings.Repeat("漢", 190) + "👍"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, m, tm := openAddItem(t)
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(tt.text), Paste: true})
			f := currentFrame(t, tm)
			if got := strings.Contains(f, full); got != tt.full {
				t.Errorf("the dialog says the field is full: %v, want %v:\n%s", got, tt.full, f)
			}
			assertFits(t, f, 80, 24)
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			waitNotFor(t, tm, "Tilføj punkt")
			drained(t, tm)
			stored := quitAndRead(t, tm, s, m.ID)
			if got := stored.Items[1].Title; got != tt.title {
				t.Errorf("stored title %q, want %q", got, tt.title)
			}
		})
	}
}

// quitAndRead quits the program (q, then y to confirm) and reads meeting
// id back from the store, as the next start would find it.
func quitAndRead(t *testing.T, tm *teatest.TestModel, s *store.Store, id int64) meeting.Meeting {
	t.Helper()
	tm.Send(key("q"))
	tm.Send(key("y"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	stored, err := s.Meeting(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return stored
}

// openAddItem opens the add-item dialog (a) on the demo meeting's agenda,
// two minutes into the meeting, at 80×24.
func openAddItem(t *testing.T) (*store.Store, meeting.Meeting, *teatest.TestModel) {
	t.Helper()
	s, m := mustDemoMeeting(t)
	saveRun(t, s, m.ID, startAt(minutesAfterStart(0)))
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(2)})
	tm := startProgram(t, model, 80, 24, "Velkomst")
	tm.Send(key("esc"))
	tm.Send(key("a"))
	waitFor(t, tm, "Tilføj punkt")
	return s, m, tm
}

// TestAddItemSaysWhatIsMissing: an empty title is named as such, not
// reported as too few minutes.
func TestAddItemSaysWhatIsMissing(t *testing.T) {
	tests := []struct {
		name, title, minutes, want string
	}{
		{"empty title", "", "5", "Tilføj punkt: giv punktet en titel"},
		{"blank title", "   ", "5", "Tilføj punkt: giv punktet en titel"},
		{"no minutes", "Eventuelt", "", "Tilføj punkt: mindst 1 minut"},
		{"zero minutes", "Eventuelt", "0", "Tilføj punkt: mindst 1 minut"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, tm := openAddItem(t)
			for range len("Eventuelt") {
				tm.Send(key("backspace"))
			}
			typeText(tm, tt.title)
			tm.Send(tea.KeyMsg{Type: tea.KeyTab})
			tm.Send(key("backspace"))
			typeText(tm, tt.minutes)
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			waitFor(t, tm, tt.want)
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestScreensFitInBothThemesAndSizes(t *testing.T) {
	s, m := mustDemoMeeting(t)
	saveRun(t, s, m.ID, startAt(minutesAfterStart(0)))
	screens := []struct {
		name string
		keys []string
		want string
	}{
		{"agenda", []string{"esc"}, "Planlagt"},
		{"welcome", nil, "AFBUD"},
		{"talk slides", []string{"esc", "j", "enter"}, "Dias 1/"},
		{"data chart", []string{"esc", "j", "j", "enter"}, "KOL-prævalens"},
		{"data chart hidden", []string{"esc", "j", "j", "enter", "l", "l"}, "Hvor tror I"},
		{"context page", []string{"esc", "j", "j", "enter", "l", "l", "l"}, "Praksis i kontekst"},
		{"consent", []string{"P"}, "samtykke"},
		{"code key confirm", []string{"C"}, "ikke til projektor"},
		{"group work round", []string{"esc", "j", "j", "j", "enter"}, "Ingen grupper endnu"},
		{"plenum", []string{"esc", "j", "j", "j", "j", "enter"}, "Kort plenum"},
		{"help", []string{"?"}, "Taster"},
		{"add item", []string{"esc", "a"}, "Tilføj punkt"},
	}
	sizes := []struct{ w, h int }{{80, 24}, {200, 60}}
	for _, theme := range []string{"dark", "light"} {
		for _, color := range []bool{false, true} {
			for _, sc := range screens {
				for _, size := range sizes {
					name := sc.name + "/" + theme
					if color {
						name += "/colour"
					}
					t.Run(name+"/"+sizeName(size.w, size.h), func(t *testing.T) {
						resetChart(t, s, m.ID)
						model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(3), theme: themeName(theme), color: color})
						tm := startProgram(t, model, 80, 24, "Velkomst")
						tm.Send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
						for _, k := range sc.keys {
							tm.Send(key(k))
						}
						// The chart's page is stored: let it land before the
						// next program starts from the stored state.
						drained(t, tm)
						if err := tm.Quit(); err != nil {
							t.Fatal(err)
						}
						view := finalView(t, tm)
						assertFits(t, view, size.w, size.h)
						plain := stripANSI(view)
						if !strings.Contains(strings.ToUpper(plain), strings.ToUpper(sc.want)) {
							t.Errorf("want %q on the %s screen:\n%s", sc.want, sc.name, plain)
						}
						hasEscapes := strings.Contains(view, "\x1b[")
						if !color && hasEscapes {
							t.Errorf("NO_COLOR output has escape codes: %q", view)
						}
						if color && !hasEscapes {
							t.Errorf("colour output has no colour")
						}
					})
				}
			}
		}
	}
}

func TestThemesPaintTheirOwnBackground(t *testing.T) {
	s, m := mustDemoMeeting(t)
	tests := []struct {
		name   string
		theme  string
		toggle bool
		want   string // the background colour's SGR sequence
	}{
		{"dark", "dark", false, "48;2;0;0;0"},
		{"light", "light", false, "48;2;255;255;255"},
		{"dark toggled to light", "dark", true, "48;2;255;255;255"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			model := newModel(s, m.ID, modelOpts{theme: themeName(tt.theme), color: true})
			tm := startProgram(t, model, 80, 24, "Velkomst")
			if tt.toggle {
				tm.Send(key("t"))
				waitFor(t, tm, "Tema: lyst")
			}
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			view := finalView(t, tm)
			for i, line := range strings.Split(view, "\n") {
				if !strings.HasPrefix(line, "\x1b[") || !strings.Contains(line, tt.want) {
					t.Fatalf("line %d is not painted with %s: %q", i+1, tt.want, line)
				}
			}
		})
	}
}
