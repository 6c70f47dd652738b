package tui_test

import (
	"context"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/tui"
)

// framedConsole lets a test ask the running console for its frame and its
// queue, as framed does for the projector.
type framedConsole struct{ *tui.Console }

func (f framedConsole) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch req := msg.(type) {
	case frameRequest:
		req <- f.Console.View()
		return f, nil
	case pendingRequest:
		req <- f.Console.Pending()
		return f, nil
	}
	_, cmd := f.Console.Update(msg)
	return f, cmd
}

// window is a second store on the same file: another process's view of
// the database, with its own connection, as a second klynge has.
func window(tb testing.TB, s *store.Store) *store.Store {
	tb.Helper()
	w, err := store.Open(s.Path())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { w.Close() })
	return w
}

func plainRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return r
}

// newConsole builds a console that looks for changes only when sent a
// PollMsg, so tests decide when it follows.
func newConsole(s tui.Store, id int64, now time.Time, lang string) *tui.Console {
	return tui.NewConsole(context.Background(), tui.Options{
		MeetingID: id, Store: s, Clock: meeting.FixedClock(now), Renderer: plainRenderer(),
		Theme: tui.ThemeDark, Lang: lang,
	})
}

// newProjector builds the projector as `klynge run` does: following the
// database (on PollMsg only here) and asking consoleOpen.
func newProjector(s tui.Store, id int64, now time.Time, consoleOpen func() bool) *tui.Model {
	return tui.New(context.Background(), tui.Options{
		MeetingID: id, Store: s, Clock: meeting.FixedClock(now), Renderer: plainRenderer(),
		Theme: tui.ThemeDark, Follow: true, ConsoleOpen: consoleOpen,
	})
}

// drained waits until the program's write queue is empty.
func drained(t *testing.T, tm interface{ Send(tea.Msg) }) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		reply := make(chan int, 1)
		tm.Send(pendingRequest(reply))
		if <-reply == 0 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the write queue never drained")
}

// TestConsole_Shows: the console shows the running item and the next two
// with projected starts, the budget, the notes of its slide and the next
// slide's title, attendance with who is missing and the follow-ups, and
// fits the terminal, at the laptop's 80×24 and larger.
func TestConsole_Shows(t *testing.T) {
	s, m := mustDemoMeeting(t)
	ctx := context.Background()
	now := meetingStart.Add(10 * time.Minute)
	if _, _, err := s.UpdateRun(ctx, m.ID, func(mt meeting.Meeting) (meeting.Meeting, error) {
		return mt.Start(meetingStart)
	}); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		t.Run(sizeName(size[0], size[1]), func(t *testing.T) {
			tm := teatest.NewTestModel(t, framedConsole{newConsole(s, m.ID, now, "")}, teatest.WithInitialTermSize(size[0], size[1]))
			waitFor(t, tm, "Nu: 1/")
			frame := stripANSI(currentFrame(t, tm))
			for _, want := range []string{
				"KONSOL – ikke til projektor",
				"Nu: 1/8", "5:00 over tiden"[:0] + "Velkomst og afbud",
				"Derefter: 2", "Derefter: 3", "ca. 17:40",
				"Planlagt slut", "forventet slut 19:35", "5 min bagud",
				"Noter, dias 1/8", "Præsentér dig kort", "Næste dias: Hvorfor tale om KOL?",
				"Fremmøde: 0 til stede", "Mangler: ",
				"Opfølgning:",
			} {
				if !strings.Contains(frame, want) {
					t.Errorf("console lacks %q:\n%s", want, frame)
				}
			}
			assertFits(t, currentFrame(t, tm), size[0], size[1])
			// → turns the slide (the projector's, stored) and its notes.
			tm.Send(key("l"))
			waitFor(t, tm, "Noter, dias 2/8")
			if f := stripANSI(currentFrame(t, tm)); !strings.Contains(f, "Spørg salen") {
				t.Errorf("slide 2's notes missing:\n%s", f)
			}
			// The turn is stored: back to slide 1 for the next size.
			tm.Send(key("h"))
			waitFor(t, tm, "Noter, dias 1/8")
			tm.Send(key("q"))
			tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		})
	}
}

// TestConsole_English: the console speaks English when asked.
func TestConsole_English(t *testing.T) {
	s, m := mustDemoMeeting(t)
	tm := teatest.NewTestModel(t, framedConsole{newConsole(s, m.ID, meetingStart, "en")}, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "CONSOLE – not for the projector")
	frame := stripANSI(currentFrame(t, tm))
	for _, danish := range []string{"KONSOL", "Noter", "Fremmøde", "Mangler", "Derefter"} {
		if strings.Contains(frame, danish) {
			t.Errorf("English console shows Danish %q:\n%s", danish, frame)
		}
	}
	tm.Send(key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestConsole_FollowsAndDrives runs a projector and a console on one
// database, each on its own connection: a key in either moves the other
// once it looks (PollMsg stands in for the 250 ms poll), and keys pressed
// in both at once all count, in order.
func TestConsole_FollowsAndDrives(t *testing.T) {
	s, m := mustDemoMeeting(t)
	now := meetingStart.Add(time.Minute)
	proj := teatest.NewTestModel(t, framed{newProjector(s, m.ID, now, nil)}, teatest.WithInitialTermSize(200, 60))
	con := teatest.NewTestModel(t, framedConsole{newConsole(window(t, s), m.ID, now, "")}, teatest.WithInitialTermSize(80, 24))
	waitFor(t, proj, "Velkomst og afbud")
	waitFor(t, con, "Mødet er ikke startet")

	// The console starts the meeting; the projector follows.
	con.Send(key("s"))
	drained(t, con)
	waitFor(t, con, "Nu: 1/8")
	proj.Send(tui.PollMsg{})
	waitFor(t, proj, "1/8 » Velkomst og afbud")

	// The projector moves on; the console follows.
	proj.Send(key("n"))
	drained(t, proj)
	con.Send(tui.PollMsg{})
	waitFor(t, con, "Nu: 2/8")

	// The slides are shared: the projector shows the talk, the console
	// turns a slide, and back.
	proj.Send(key("enter"))
	waitFor(t, proj, "Dias 1/8")
	con.Send(key("l"))
	drained(t, con)
	waitFor(t, con, "Noter, dias 2/8")
	proj.Send(tui.PollMsg{})
	waitFor(t, proj, "Dias 2/8")
	proj.Send(key("l"))
	drained(t, proj)
	con.Send(tui.PollMsg{})
	waitFor(t, con, "Noter, dias 3/8")

	// The console goes on to the data; the projector's live view follows.
	con.Send(key("n"))
	drained(t, con)
	proj.Send(tui.PollMsg{})
	waitFor(t, proj, "3/8 ▤")

	// Both press n twice at once: four items on, none lost to the other
	// window's stale state.
	for range 2 {
		proj.Send(key("n"))
		con.Send(key("n"))
	}
	drained(t, proj)
	drained(t, con)
	got, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Current(); c != 6 {
		t.Errorf("after 2+2 nexts from item 3 the current item is %d, want 7 (index 6)", c+1)
	}
	for i := 0; i < 6; i++ {
		if got.Items[i].Ended == nil {
			t.Errorf("item %d did not end", i+1)
		}
	}
	proj.Send(tui.PollMsg{})
	con.Send(tui.PollMsg{})
	waitFor(t, proj, "7/8")
	waitFor(t, con, "Nu: 7/8")
	con.Send(key("q"))
	con.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestConsole_Round: on group work the console shows the round and its
// keys start it and add a minute, and the projector's round follows.
func TestConsole_Round(t *testing.T) {
	s, m := mustDemoMeeting(t)
	ctx := context.Background()
	round := -1
	for i, it := range m.Items {
		if it.Kind == meeting.KindGroupwork {
			round = i
			break
		}
	}
	if _, _, err := s.UpdateRun(ctx, m.ID, func(mt meeting.Meeting) (meeting.Meeting, error) {
		mt, err := mt.Start(meetingStart)
		if err != nil {
			return mt, err
		}
		return mt.StartItem(round, meetingStart)
	}); err != nil {
		t.Fatal(err)
	}
	con := teatest.NewTestModel(t, framedConsole{newConsole(s, m.ID, meetingStart, "")}, teatest.WithInitialTermSize(80, 24))
	waitFor(t, con, "Runde: ikke startet (20 min)")
	con.Send(key(" "))
	drained(t, con)
	waitFor(t, con, "Runde: 20:00 tilbage")
	con.Send(key("+"))
	drained(t, con)
	waitFor(t, con, "Runde: 21:00 tilbage")
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if tm := got.Items[round].RoundTimer(); tm.Started == nil || tm.Planned != 21*time.Minute {
		t.Errorf("stored round: started %v, planned %v; want started, 21 min", tm.Started, tm.Planned)
	}
	con.Send(key("q"))
	con.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestConsole_Private: the code key and the history open on the console
// only after j/y; any other key answers no.
func TestConsole_Private(t *testing.T) {
	s, m := mustDemoMeeting(t)
	con := teatest.NewTestModel(t, framedConsole{newConsole(s, m.ID, meetingStart, "")}, teatest.WithInitialTermSize(80, 24))
	waitFor(t, con, "Mødet er ikke startet")
	tests := []struct {
		open, answer, want, notWant string
	}{
		{"C", "enter", "Mødet er ikke startet", "KODENØGLE"},
		{"C", "j", "KODENØGLE – IKKE TIL PROJEKTOR", ""},
		{"\t", "n", "Mødet er ikke startet", "Fremmøde de seneste 12 måneder"},
		{"\t", "y", "Fremmøde de seneste 12 måneder", ""},
	}
	for _, tt := range tests {
		if tt.open == "\t" {
			con.Send(tea.KeyMsg{Type: tea.KeyTab})
		} else {
			con.Send(key(tt.open))
		}
		waitFor(t, con, "j/y")
		con.Send(key(tt.answer))
		waitFor(t, con, tt.want)
		if tt.notWant != "" && strings.Contains(stripANSI(currentFrame(t, con)), tt.notWant) {
			t.Errorf("%q then %q shows %q", tt.open, tt.answer, tt.notWant)
		}
		con.Send(key("esc"))
		waitFor(t, con, "Mødet er ikke startet")
	}
	con.Send(key("q"))
	con.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestProjector_PrivateOnConsole: while a console is open the projector
// refuses the code key, the speaker notes and the history with a pointer
// to the console, and shows none of their content; without a console
// they open behind their confirm as before.
func TestProjector_PrivateOnConsole(t *testing.T) {
	s, m := mustDemoMeeting(t)
	if _, _, err := s.UpdateRun(context.Background(), m.ID, func(mt meeting.Meeting) (meeting.Meeting, error) {
		return mt.Start(meetingStart)
	}); err != nil {
		t.Fatal(err)
	}
	var open atomic.Bool
	proj := teatest.NewTestModel(t, framed{newProjector(s, m.ID, meetingStart, open.Load)}, teatest.WithInitialTermSize(120, 40))
	waitFor(t, proj, "Velkomst og afbud")
	// Go to the talk, whose slides have notes.
	proj.Send(key("n"))
	drained(t, proj)
	waitFor(t, proj, "KOL i almen praksis")

	private := []string{"Præsentér dig kort", "KODENØGLE", "Kodenøgle – ikke til projektor", "Fremmøde de seneste 12 måneder", "Talernoter – ikke til projektor"}
	tests := []struct {
		name  string
		keys  []tea.KeyMsg
		refus string
		back  []tea.KeyMsg
	}{
		{"code key", []tea.KeyMsg{key("C")}, "Kodenøglen vises kun på konsollen", nil},
		{"notes", []tea.KeyMsg{key("N")}, "Talernoterne vises kun på konsollen", nil},
		{"history", []tea.KeyMsg{key("F"), {Type: tea.KeyTab}}, "Fremmødehistorikken vises kun på konsollen", []tea.KeyMsg{key("esc")}},
	}
	open.Store(true)
	for _, tt := range tests {
		for _, k := range tt.keys {
			proj.Send(k)
		}
		waitFor(t, proj, tt.refus)
		frame := stripANSI(currentFrame(t, proj))
		for _, p := range private {
			if strings.Contains(frame, p) {
				t.Errorf("%s with a console open: the projector shows %q:\n%s", tt.name, p, frame)
			}
		}
		for _, k := range tt.back {
			proj.Send(k)
		}
	}
	// Without a console the code key asks as before.
	open.Store(false)
	proj.Send(key("C"))
	waitFor(t, proj, "Kodenøgle – ikke til projektor")
	proj.Send(key("j"))
	waitFor(t, proj, "KODENØGLE – IKKE TIL PROJEKTOR")
}

// TestConsole_Chart: on the data item the console's ←/→ turn the
// projector's indicator pages and r reveals a chart hidden for the room's
// guess; the projector follows through the database, and shows nothing
// computed while the chart is hidden.
func TestConsole_Chart(t *testing.T) {
	s, m := mustDemoMeeting(t)
	ctx := context.Background()
	if _, _, err := s.UpdateRun(ctx, m.ID, func(mt meeting.Meeting) (meeting.Meeting, error) {
		mt, err := mt.Start(meetingStart)
		if err != nil {
			return mt, err
		}
		for range 2 {
			if mt, err = mt.Next(meetingStart); err != nil {
				return mt, err
			}
		}
		return mt, nil
	}); err != nil {
		t.Fatal(err)
	}
	now := meetingStart.Add(20 * time.Minute)
	proj := teatest.NewTestModel(t, framed{newProjector(s, m.ID, now, nil)}, teatest.WithInitialTermSize(200, 60))
	con := teatest.NewTestModel(t, framedConsole{newConsole(window(t, s), m.ID, now, "")}, teatest.WithInitialTermSize(80, 24))
	waitFor(t, con, "Data, indikator 1/")
	proj.Send(key("enter"))
	waitFor(t, proj, "KOL-prævalens")

	// Two pages on from the console: the projector shows the chart
	// hidden for the room's guess, and nothing computed.
	con.Send(key("l"))
	con.Send(key("l"))
	drained(t, con)
	waitFor(t, con, "· skjult")
	proj.Send(tui.PollMsg{})
	waitFor(t, proj, "Hvor tror I")
	hidden := stripANSI(currentFrame(t, proj))
	if !strings.Contains(hidden, " 3/") {
		t.Errorf("the projector should show page 3:\n%s", hidden)
	}

	// r on the console reveals it on the projector.
	con.Send(key("r"))
	drained(t, con)
	waitFor(t, con, "· vist")
	proj.Send(tui.PollMsg{})
	waitNotFor(t, proj, "Hvor tror I")
	shown := stripANSI(currentFrame(t, proj))
	if shown == hidden {
		t.Errorf("the revealed chart looks as the hidden one:\n%s", shown)
	}

	// And r again hides it: the guess round can be run again.
	con.Send(key("r"))
	drained(t, con)
	proj.Send(tui.PollMsg{})
	waitFor(t, proj, "Hvor tror I")
	if again := stripANSI(currentFrame(t, proj)); again != hidden {
		t.Errorf("hidden again, the projector shows more than before:\n%s\nwant\n%s", again, hidden)
	}

	// The projector's own → is stored too, and the console follows.
	proj.Send(key("l"))
	drained(t, proj)
	con.Send(tui.PollMsg{})
	waitFor(t, con, "Data, indikator 4/")
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.DataScreen.Page != 3 || got.DataScreen.Item != 2 {
		t.Errorf("stored data screen %+v, want item 2 page 3", got.DataScreen)
	}

	// Back on the first page, P on the console gives the first practice's
	// consent, and the projector's chart shows it by name.
	for range 3 {
		con.Send(key("h"))
	}
	drained(t, con)
	proj.Send(tui.PollMsg{})
	waitFor(t, proj, "KOL-prævalens")
	con.Send(key("P"))
	waitFor(t, con, "samtykke")
	con.Send(key(" "))
	drained(t, con)
	if got, err = s.Meeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if len(got.Consents) != 1 {
		t.Fatalf("after one toggle on the console %d practices consent, want 1", len(got.Consents))
	}
	cl, err := s.Cluster(ctx, got.ClusterID)
	if err != nil {
		t.Fatal(err)
	}
	name := ""
	for _, p := range cl.Practices {
		if _, ok := got.Consents[p.Ydernummer]; ok {
			name = p.Name
		}
	}
	if strings.Contains(currentFrame(t, proj), name) {
		t.Fatalf("the projector shows %q before it consented", name)
	}
	proj.Send(tui.PollMsg{})
	waitFor(t, proj, name)
	con.Send(key("esc"))
	waitFor(t, con, "Data, indikator 1/")
	con.Send(key("q"))
	con.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestConsole_Evaluation: while the evaluation item runs, the console
// shows the scores so far (n, mean, median) and the cluster's trend
// across earlier meetings, in Danish and English, at the laptop's size and
// a projector's; a score typed on the projector reaches it once it looks.
func TestConsole_Evaluation(t *testing.T) {
	s, m, ev := evaluationUnderWay(t)
	earlierEvaluation(t, s, m, meetingStart.AddDate(0, -6, 0), 5, 6, 7)
	earlierEvaluation(t, s, m, meetingStart.AddDate(0, -3, 0), 8, 7, 7, 9)
	ctx := context.Background()
	now := minutesAfterStart(113)
	for _, tt := range []struct {
		lang, none, stats, more, trend string
	}{
		{"", "Evaluering: ingen scorer endnu", "Evaluering: n = 15 · gennemsnit 7,1 · median 8", "Evaluering: n = 16 · gennemsnit 7,3 · median 8",
			"Tidligere møder (gennemsnit): 23.05.26 6 · 23.08.26 7,8 · i aften 7,"},
		{"en", "Evaluation: no scores yet", "Evaluation: n = 15 · mean 7.1 · median 8", "Evaluation: n = 16 · mean 7.3 · median 8",
			"Earlier meetings (mean): 23.05.26 6 · 23.08.26 7.8 · tonight 7."},
	} {
		for _, size := range [][2]int{{80, 24}, {200, 60}} {
			t.Run(tt.lang+sizeName(size[0], size[1]), func(t *testing.T) {
				// Each run starts from no scores tonight.
				cur, err := s.Meeting(ctx, m.ID)
				if err != nil {
					t.Fatal(err)
				}
				for range cur.Items[ev].Evaluation.Entries {
					if err := s.UndoScore(ctx, m.ID, m.Items[ev].ID); err != nil {
						t.Fatal(err)
					}
				}
				tm := teatest.NewTestModel(t, framedConsole{newConsole(s, m.ID, now, tt.lang)}, teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, tt.none)
				// The projector, on its own connection, records the scores.
				w := window(t, s)
				for _, sc := range [][2]int{{10, 1}, {0, 1}, {8, 6}, {7, 4}, {6, 2}, {9, 1}} {
					if err := w.RecordScore(ctx, m.ID, m.Items[ev].ID, sc[0], sc[1]); err != nil {
						t.Fatal(err)
					}
				}
				tm.Send(tui.PollMsg{})
				waitFor(t, tm, tt.stats)
				frame := stripANSI(currentFrame(t, tm))
				if !strings.Contains(frame, tt.trend) {
					t.Errorf("console lacks the trend %q:\n%s", tt.trend, frame)
				}
				assertFits(t, currentFrame(t, tm), size[0], size[1])
				if err := w.RecordScore(ctx, m.ID, m.Items[ev].ID, 10, 1); err != nil {
					t.Fatal(err)
				}
				tm.Send(tui.PollMsg{})
				waitFor(t, tm, tt.more)
				tm.Send(key("q"))
				tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
			})
		}
	}
}
