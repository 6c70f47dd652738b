package tui

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// TestTickPace: the projector's clock ticks by the minute while nothing
// shown changes by the second (loading, before the start, after the
// end), by the second while the meeting runs (the time left counts
// seconds) or a round runs; a change of pace drops the tick scheduled
// before it.
func TestTickPace(t *testing.T) {
	start := time.Date(2026, 12, 3, 17, 30, 0, 0, time.UTC)
	p := meeting.Pack{Title: "KOL", Agenda: []meeting.AgendaItem{
		{Kind: meeting.KindWelcome, Title: "Velkomst", Minutes: 5},
		{Kind: meeting.KindGroupwork, Title: "Runde", Minutes: 20},
	}}
	planned, err := meeting.New(p, "", start, start)
	if err != nil {
		t.Fatal(err)
	}
	running, err := planned.Start(start)
	if err != nil {
		t.Fatal(err)
	}
	ended := running
	for !ended.Ended() {
		if ended, err = ended.Next(start.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	roundOnly := planned
	roundOnly.Items = append([]meeting.RunItem(nil), planned.Items...)
	roundOnly.Items[1].Timer, err = meeting.NewTimer(20 * time.Minute).Start(start)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		meeting *meeting.Meeting
		seconds bool
	}{
		{"loading", nil, false},
		{"before the start", &planned, false},
		{"under way", &running, true},
		{"ended", &ended, false},
		{"a round running", &roundOnly, true},
	}
	m := New(context.Background(), Options{Clock: meeting.FixedClock(start.Add(3 * time.Minute)),
		Renderer: lipgloss.NewRenderer(io.Discard), Theme: ThemeDark})
	if m.scheduleTick() == nil || m.scheduleTick() != nil {
		t.Fatal("want one tick scheduled, then none while it is pending")
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m.meeting = c.meeting
			gen := m.tick.gen
			m.scheduleTick()
			if m.tick.seconds != c.seconds {
				t.Errorf("ticks by the second: %v, want %v", m.tick.seconds, c.seconds)
			}
			if m.tick.gen != gen {
				if m.update(redrawMsg{gen}); !m.tick.pending {
					t.Error("a tick of the old pace was taken for the pending one")
				}
			}
			if m.update(redrawMsg{m.tick.gen}); m.tick.pending {
				t.Error("the current tick did not clear pending")
			}
			if m.scheduleTick() == nil {
				t.Error("no new tick after the last one fired")
			}
		})
	}
}
