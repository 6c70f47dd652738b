package tui_test

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	goldenfile "github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/tui"
)

// meetingStart is the demo meeting's planned start in every test.
var meetingStart = time.Date(2026, 11, 23, 17, 30, 0, 0, time.Local)

// mustDemoMeeting opens a real store in a temp dir and fills it with the
// embedded demo cluster and a meeting on the demo pack.
func mustDemoMeeting(tb testing.TB) (*store.Store, meeting.Meeting) {
	tb.Helper()
	ctx := context.Background()
	s, err := store.Open(filepath.Join(tb.TempDir(), "klynge.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	demo := klynge.DemoFS()
	packFS, err := fs.Sub(demo, klynge.DemoPackDir)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := pack.Read(packFS, klynge.DemoPackDir)
	if err != nil {
		tb.Fatal(err)
	}
	f, err := demo.Open(klynge.DemoRoster)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	practices, err := pack.ReadRoster(f, klynge.DemoRoster)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := s.CreateCluster(ctx, meeting.Cluster{Name: "Testklyngen", Practices: practices})
	if err != nil {
		tb.Fatal(err)
	}
	m, err := meeting.New(p, "Klyngemøde december", meetingStart, meetingStart.Add(-time.Hour))
	if err != nil {
		tb.Fatal(err)
	}
	m.ClusterID = c.ID
	var yds []string
	for _, p := range practices {
		yds = append(yds, p.Ydernummer)
	}
	// A fixed random stream gives the same codes every run, so golden
	// files stay stable.
	if m.Codes, err = meeting.NewCodes(yds, rand.NewChaCha8([32]byte{7})); err != nil {
		tb.Fatal(err)
	}
	m.Values = p.Data
	m, err = s.CreateMeeting(ctx, m)
	if err != nil {
		tb.Fatal(err)
	}
	return s, m
}

type modelOpts struct {
	lang  string
	theme tui.ThemeName
	now   time.Time
	color bool // a true-colour terminal instead of plain ASCII
}

// newModel builds a root model on the store with a fixed clock and a plain
// ASCII renderer, so output is stable text.
func newModel(s tui.Store, meetingID int64, o modelOpts) *tui.Model {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	if o.color {
		r.SetColorProfile(termenv.TrueColor)
	}
	if o.now.IsZero() {
		o.now = meetingStart.Add(-5 * time.Minute)
	}
	if o.theme == "" {
		o.theme = tui.ThemeDark
	}
	return tui.New(context.Background(), tui.Options{
		MeetingID: meetingID,
		Store:     s,
		Clock:     meeting.FixedClock(o.now),
		Renderer:  r,
		Theme:     o.theme,
		Lang:      o.lang,
	})
}

// startProgram runs the model as a real Bubble Tea program at the given
// size and waits until the agenda has loaded.
func startProgram(t *testing.T, m *tui.Model, w, h int, ready string) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, framed{m}, teatest.WithInitialTermSize(w, h))
	waitFor(t, tm, ready)
	return tm
}

// waitFor waits until the program's current frame shows text. It asks for
// frames rather than reading teatest's output stream, which hands each
// byte to one reader only, so a second wait would miss what the first
// already read.
func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	last := ""
	for time.Now().Before(deadline) {
		last = currentFrame(t, tm)
		if strings.Contains(last, text) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%q never appeared; last frame:\n%s", text, last)
}

// currentFrame asks the running program for the frame it would draw now.
func currentFrame(t *testing.T, tm interface{ Send(tea.Msg) }) string {
	t.Helper()
	reply := make(chan string, 1)
	tm.Send(frameRequest(reply))
	select {
	case f := <-reply:
		return f
	case <-time.After(5 * time.Second):
		t.Fatal("the program sent no frame")
	}
	return ""
}

func key(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// finalView quits the program if it is still running and returns the last
// frame the model would draw.
func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	return fm.(framed).Model.View()
}

// golden compares a frame with testdata/<test name>.golden; run
// go test ./tui/... -update to rewrite it.
func golden(t *testing.T, got string) {
	t.Helper()
	goldenfile.RequireEqual(t, []byte(got))
}

// assertFits checks every line of a frame fits the terminal, whether the
// terminal measures grapheme clusters as lipgloss does or each character
// on its own as tmux, xterm and VTE do (a skin-toned 👍🏽 is two cells to
// lipgloss and four to them).
func assertFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("frame has %d lines, terminal has %d", len(lines), h)
	}
	for i, l := range lines {
		lw := lipgloss.Width(l)
		if lw > w {
			t.Errorf("line %d is %d cells wide, terminal is %d: %q", i+1, lw, w, l)
		}
		if cw := tui.TerminalCells(l); cw != lw {
			t.Errorf("line %d is %d cells to lipgloss but %d to a terminal measuring each character: %q", i+1, lw, cw, l)
		}
	}
}

func sizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }

func themeName(s string) tui.ThemeName { return tui.ThemeName(s) }

// stripANSI removes escape codes so a test can search the text.
func stripANSI(s string) string { return ansi.Strip(s) }

// framed wraps the root model so a test can ask the running program for
// its current frame: the request is a message, so the frame is drawn in
// the program's own goroutine and the test never races it.
type framed struct{ *tui.Model }

// frameRequest asks for the current frame on the channel.
type frameRequest chan<- string

// pendingRequest asks for the number of changes not yet committed.
type pendingRequest chan<- int

func (f framed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if req, ok := msg.(frameRequest); ok {
		req <- f.Model.View()
		return f, nil
	}
	if req, ok := msg.(pendingRequest); ok {
		req <- f.Model.Pending()
		return f, nil
	}
	_, cmd := f.Model.Update(msg)
	return f, cmd
}

// typeText sends s one character at a time, as a person types it.
// (teatest's Type sends bytes, which splits æ, ø and å in two.)
func typeText(tm interface{ Send(tea.Msg) }, s string) {
	for _, r := range s {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// resetChart stores the data screen's first page with no chart revealed by
// hand: the page and the reveals are kept in the database, so a program
// started after another would begin where that one left them.
func resetChart(t *testing.T, s *store.Store, meetingID int64) {
	t.Helper()
	if err := s.RecordChart(context.Background(), meetingID, meeting.ChartState{}); err != nil {
		t.Fatal(err)
	}
}

// waitNotFor waits until the program's current frame no longer shows text.
func waitNotFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	last := ""
	for time.Now().Before(deadline) {
		last = currentFrame(t, tm)
		if !strings.Contains(last, text) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%q never went away; last frame:\n%s", text, last)
}
