package tui_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/store/seed"
	"github.com/klynge/klynge/tui"
)

// history is the ten-year history the screen benchmarks run on, made once
// per run: tonight's meeting (at meetingStart) has started.
var history struct {
	once sync.Once
	dir  string
	s    *store.Store
	id   int64
	err  error
}

func tenYears(b *testing.B) (*store.Store, int64) {
	b.Helper()
	history.once.Do(func() {
		ctx := context.Background()
		if history.dir, history.err = os.MkdirTemp("", "klynge-tui-bench-"); history.err != nil {
			return
		}
		if history.s, history.err = store.Open(filepath.Join(history.dir, "history.db")); history.err != nil {
			return
		}
		r, err := seed.History(ctx, history.s, seed.Options{Now: meetingStart, Seed: 1})
		if err != nil {
			history.err = err
			return
		}
		history.id = r.Latest()
		if _, _, err := history.s.UpdateRun(ctx, history.id, func(m meeting.Meeting) (meeting.Meeting, error) {
			return m.Start(meetingStart)
		}); err != nil {
			history.err = err
			return
		}
		// Closed and opened again, as a coordinator finds it: the
		// seeding's log checkpointed into the file.
		path := history.s.Path()
		history.s.Close()
		history.s, history.err = store.Open(path)
	})
	if history.err != nil {
		b.Fatal(history.err)
	}
	return history.s, history.id
}

func TestMain(m *testing.M) {
	code := m.Run()
	cleanHistory()
	os.Exit(code)
}

// cleanHistory removes the benchmarks' history; TestMain calls it.
func cleanHistory() {
	if history.s != nil {
		history.s.Close()
	}
	if history.dir != "" {
		os.RemoveAll(history.dir)
	}
}

// benchScreens are the projector's screens, reached by keys from the
// agenda of tonight's meeting with the welcome item running.
var benchScreens = []struct {
	name string
	keys []string
	// ready is text the screen shows once what it reads off the
	// screen's goroutine has come, when that is not "Henter …" gone.
	ready string
}{
	{name: "agenda", keys: []string{"esc"}},
	{name: "welcome", keys: nil},
	{name: "slides", keys: []string{"esc", "j", "enter"}},
	{name: "chart", keys: []string{"esc", "j", "j", "enter"}},
	{name: "context", keys: []string{"esc", "j", "j", "enter", "l", "l", "l"}},
	{name: "round", keys: []string{"esc", "j", "j", "j", "enter"}},
	{name: "plenum", keys: []string{"esc", "j", "j", "j", "j", "enter"}},
	{name: "consent", keys: []string{"P"}},
	{name: "attendance", keys: []string{"F"}},
	{name: "pledges", keys: []string{"T"}},
	{name: "follow-up", keys: []string{"O"}, ready: "tiltag (90)"},
	{name: "help", keys: []string{"?"}},
	{name: "add-item", keys: []string{"esc", "a"}},
	{name: "trend", keys: []string{"esc", "j", "j", "enter", "v"}},
	{name: "evaluation", keys: []string{"esc", "j", "j", "j", "j", "j", "j", "j", "enter"}},
	{name: "attendance-history", keys: []string{"F", "tab"}},
	{name: "decisions", keys: []string{"B"}, ready: "Klyngens regler"},
	{name: "plan", keys: []string{"A"}},
	{name: "pledge-form", keys: []string{"T", "a"}},
	{name: "code-key", keys: []string{"C"}},
	{name: "quit", keys: []string{"q"}},
}

// screenModel runs the projector on tonight's meeting in a real program,
// goes to a screen by keys at the given size and returns the model as the
// program left it, in true colour.
func screenModel(b *testing.B, keys []string, w, h int, ready ...string) *tui.Model {
	b.Helper()
	s, id := tenYears(b)
	if err := s.RecordChart(context.Background(), id, meeting.ChartState{}); err != nil {
		b.Fatal(err)
	}
	model := newModel(s, id, modelOpts{now: meetingStart.Add(3 * time.Minute), color: true})
	tm := teatest.NewTestModel(b, framed{model}, teatest.WithInitialTermSize(w, h))
	waitForTB(b, tm, "Velkomst")
	for _, k := range keys {
		tm.Send(key(k))
	}
	drainedTB(b, tm)
	// Screens that read more of the history (the trend, the attendance
	// history) do it off the screen's goroutine: measured once shown.
	loadedTB(b, tm)
	for _, text := range ready {
		waitForTB(b, tm, text)
	}
	if err := tm.Quit(); err != nil {
		b.Fatal(err)
	}
	return tm.FinalModel(b, teatest.WithFinalTimeout(5*time.Second)).(framed).Model
}

// BenchmarkView draws every screen of tonight's meeting on ten years of
// history at 80×24 and 200×60 in true colour.
func BenchmarkView(b *testing.B) {
	for _, sc := range benchScreens {
		for _, size := range []struct{ w, h int }{{80, 24}, {200, 60}} {
			b.Run(sc.name+"/"+sizeName(size.w, size.h), func(b *testing.B) {
				var ready []string
				if sc.ready != "" {
					ready = append(ready, sc.ready)
				}
				m := screenModel(b, sc.keys, size.w, size.h, ready...)
				b.ReportAllocs()
				for b.Loop() {
					_ = m.View()
				}
			})
		}
	}
}

// BenchmarkKeyPress is one key through Update and the frame after it: the
// agenda cursor, a slide turn and a chart page (the writes they queue are
// not run: BenchmarkWrite in store/seed measures those).
func BenchmarkKeyPress(b *testing.B) {
	cases := []struct {
		name       string
		keys       []string
		press, par string
	}{
		{"agenda-cursor", []string{"esc"}, "j", "k"},
		{"slide-turn", []string{"esc", "j", "enter"}, "l", "h"},
		{"chart-page", []string{"esc", "j", "j", "enter"}, "l", "h"},
		{"pledge-list", []string{"T"}, "j", "k"},
	}
	for _, c := range cases {
		for _, size := range []struct{ w, h int }{{80, 24}, {200, 60}} {
			b.Run(c.name+"/"+sizeName(size.w, size.h), func(b *testing.B) {
				m := screenModel(b, c.keys, size.w, size.h)
				keys := []tea.KeyMsg{key(c.press), key(c.par)}
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					m.Update(keys[i%2])
					_ = m.View()
					i++
				}
			})
		}
	}
}

// BenchmarkFirstFrame is start-up inside the process on ten years of
// history, as `klynge run` does it: open the store (its damage check left
// for after the first frame), read the meeting, build the projector at the
// terminal's size and draw the first frame (the process's own start and
// the terminal are first-frame's to measure).
func BenchmarkFirstFrame(b *testing.B) {
	s, id := tenYears(b)
	path := s.Path()
	ctx := context.Background()
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	b.ReportAllocs()
	for b.Loop() {
		st, err := store.OpenCheckLater(path)
		if err != nil {
			b.Fatal(err)
		}
		loaded, err := tui.Load(ctx, st, id)
		if err != nil {
			b.Fatal(err)
		}
		m := tui.New(ctx, tui.Options{
			MeetingID: id,
			Store:     st,
			Clock:     meeting.FixedClock(meetingStart.Add(3 * time.Minute)),
			Renderer:  r,
			Theme:     tui.ThemeDark,
			Loaded:    loaded,
			Width:     80,
			Height:    24,
		})
		m.Init()
		if v := m.View(); !strings.Contains(v, "KOL") {
			b.Fatalf("the first frame is not the meeting:\n%s", v)
		}
		st.Close()
	}
}

func waitForTB(tb testing.TB, tm *teatest.TestModel, text string) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		reply := make(chan string, 1)
		tm.Send(frameRequest(reply))
		if f := <-reply; strings.Contains(stripANSI(f), text) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	tb.Fatalf("%q never appeared", text)
}

// loadedTB waits until no "Henter …" (reading) is shown.
func loadedTB(tb testing.TB, tm *teatest.TestModel) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		reply := make(chan string, 1)
		tm.Send(frameRequest(reply))
		if f := <-reply; !strings.Contains(stripANSI(f), "Henter") {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	tb.Fatal("the screen never finished reading")
}

func drainedTB(tb testing.TB, tm *teatest.TestModel) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		reply := make(chan int, 1)
		tm.Send(pendingRequest(reply))
		if <-reply == 0 {
			time.Sleep(20 * time.Millisecond) // the screen's own load
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	tb.Fatal("the write queue never drained")
}

// BenchmarkConsoleView draws the presenter's console on tonight's meeting
// of ten years of history at 80×24 and 200×60 in true colour: the main
// view (time, notes, attendance, follow-ups), its key help and the code
// key's question.
func BenchmarkConsoleView(b *testing.B) {
	for _, sc := range []struct {
		name string
		keys []string
	}{
		{"main", nil},
		{"help", []string{"?"}},
		{"code-key", []string{"C"}},
	} {
		for _, size := range []struct{ w, h int }{{80, 24}, {200, 60}} {
			b.Run(sc.name+"/"+sizeName(size.w, size.h), func(b *testing.B) {
				s, id := tenYears(b)
				r := lipgloss.NewRenderer(io.Discard)
				r.SetColorProfile(termenv.TrueColor)
				k := tui.NewConsole(context.Background(), tui.Options{
					MeetingID: id, Store: s, Clock: meeting.FixedClock(meetingStart.Add(3 * time.Minute)),
					Renderer: r, Theme: tui.ThemeDark,
				})
				tm := teatest.NewTestModel(b, framedConsole{k}, teatest.WithInitialTermSize(size.w, size.h))
				waitForTB(b, tm, "Nu: 1/")
				for _, k := range sc.keys {
					tm.Send(key(k))
				}
				drainedTB(b, tm)
				loadedTB(b, tm)
				if err := tm.Quit(); err != nil {
					b.Fatal(err)
				}
				m := tm.FinalModel(b, teatest.WithFinalTimeout(5*time.Second)).(framedConsole).Console
				b.ReportAllocs()
				for b.Loop() {
					_ = m.View()
				}
			})
		}
	}
}
