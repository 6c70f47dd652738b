package tui_test

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/tui"
)

// TestDamageFoundBesideTheFirstFrame: the database check runs beside the
// first frame; damage it finds ends the program, and Err says why.
func TestDamageFoundBesideTheFirstFrame(t *testing.T) {
	s, m := mustDemoMeeting(t)
	damaged := errors.New("database is damaged")
	for _, c := range []struct {
		name string
		err  error
	}{{"sound", nil}, {"damaged", damaged}} {
		t.Run(c.name, func(t *testing.T) {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(termenv.Ascii)
			model := tui.New(context.Background(), tui.Options{
				MeetingID: m.ID, Store: s, Clock: meeting.FixedClock(meetingStart), Renderer: r, Theme: tui.ThemeDark,
				Check: func(context.Context) error { return c.err },
			})
			tm := teatest.NewTestModel(t, framed{model}, teatest.WithInitialTermSize(80, 24))
			if c.err == nil {
				waitFor(t, tm, "Velkomst")
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
			}
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(framed).Model
			if !errors.Is(final.Err(), c.err) || (c.err == nil) != (final.Err() == nil) {
				t.Errorf("Err() = %v, want %v", final.Err(), c.err)
			}
		})
	}
}
