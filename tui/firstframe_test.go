package tui_test

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/tui"
)

// TestFirstViewIsTheMeeting gives the model the meeting read before the
// program starts and the terminal's size, as `klynge run` does: the very
// first View, before any message, is the agenda at that size, the same
// frame the program draws once it has read the meeting itself. Without
// them the first View is empty and the meeting comes a frame later.
func TestFirstViewIsTheMeeting(t *testing.T) {
	s, m := mustDemoMeeting(t)
	ctx := context.Background()
	loaded, err := tui.Load(ctx, s, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	opts := tui.Options{
		MeetingID: m.ID,
		Store:     s,
		Clock:     meeting.FixedClock(meetingStart.Add(-5 * time.Minute)),
		Renderer:  r,
		Theme:     tui.ThemeDark,
	}
	if v := tui.New(ctx, opts).View(); strings.TrimSpace(v) != "" {
		t.Fatalf("first View without a preloaded meeting or size: %q; want it empty (the test's premise)", v)
	}

	opts.Loaded, opts.Width, opts.Height = loaded, 80, 24
	model := tui.New(ctx, opts)
	model.Init()
	first := stripANSI(model.View())
	for _, want := range []string{m.Title, m.Items[0].Title, m.Items[1].Title} {
		if !strings.Contains(first, want) {
			t.Errorf("the first View lacks %q:\n%s", want, first)
		}
	}
	assertFits(t, first, 80, 24)

	// The program that reads the meeting itself draws the same agenda.
	tm := startProgram(t, newModel(s, m.ID, modelOpts{}), 80, 24, m.Items[0].Title)
	if got := stripANSI(currentFrame(t, tm)); got != first {
		t.Errorf("the preloaded first frame differs from the program's own:\n%s\n---\n%s", first, got)
	}
	tm.Quit()
}
