package tui

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
)

// stepClock is a clock a test moves by hand.
type stepClock struct{ now time.Time }

func (c *stepClock) Now() time.Time { return c.now }

// TestConsoleWakesOnlyForChanges: the console schedules its next redraw
// for the moment the time alone changes what it shows, and nothing it
// shows changes before then. Walked second by second over minutes of an
// unstarted meeting, a running item, an overrun, the item's last minute,
// and a running and a paused round. The minutes between wake-ups are
// counted too: an idle console wakes about once a minute, not every
// second.
func TestConsoleWakesOnlyForChanges(t *testing.T) {
	base := helpModelIn(t, "da")
	start := base.meeting.Started.Add(7 * time.Second) // not on a minute
	round := -1
	for i, it := range base.meeting.Items {
		if it.Kind == meeting.KindGroupwork {
			round = i
			break
		}
	}
	tests := []struct {
		name string
		mt   func() meeting.Meeting
		from time.Duration // after start
		// most is the most wake-ups allowed in the three minutes walked.
		most int
	}{
		{"not started", func() meeting.Meeting {
			mt := *base.meeting
			mt.Started = nil
			for i := range mt.Items {
				mt.Items[i].Started, mt.Items[i].Ended, mt.Items[i].Timer = nil, nil, meeting.Timer{}
			}
			return mt
		}, 0, 4},
		{"item running", func() meeting.Meeting { return at(t, base, start, -1) }, 30 * time.Second, 7},
		{"item's last minute and over", func() meeting.Meeting { return at(t, base, start, -1) }, 4*time.Minute + 30*time.Second, 70},
		{"round running", func() meeting.Meeting {
			mt := at(t, base, start, round)
			mt, err := mt.ChangeTimer(round, start, meeting.Timer.Toggle)
			if err != nil {
				t.Fatal(err)
			}
			return mt
		}, 0, 190},
		{"round paused", func() meeting.Meeting {
			mt := at(t, base, start, round)
			mt, err := mt.ChangeTimer(round, start, meeting.Timer.Toggle)
			if err == nil {
				mt, err = mt.ChangeTimer(round, start.Add(time.Minute), meeting.Timer.Toggle)
			}
			if err != nil {
				t.Fatal(err)
			}
			return mt
		}, 2 * time.Minute, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := &stepClock{now: start.Add(tt.from)}
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(termenv.Ascii)
			k := NewConsole(context.Background(), Options{Renderer: r, Clock: clock})
			k.update(tea.WindowSizeMsg{Width: 80, Height: 24})
			k.set(meetingMsg{meeting: tt.mt(), cluster: base.checkin.cluster})
			end := clock.now.Add(3 * time.Minute)
			wakes := 0
			for clock.now.Before(end) {
				shown := k.View()
				next := k.nextChange(clock.now)
				if !next.After(clock.now) {
					t.Fatalf("at %s the next redraw is not after now: %s", clock.now.Format("15:04:05.000"), next.Format("15:04:05.000"))
				}
				// Nothing changes before the wake-up.
				for s := clock.now.Add(time.Second / 2); s.Before(next); s = s.Add(time.Second) {
					was := clock.now
					clock.now = s
					if v := k.View(); v != shown {
						t.Fatalf("the console changed at %s but woke only at %s (last drawn %s):\n%s", s.Format("15:04:05.000"), next.Format("15:04:05.000"), was.Format("15:04:05.000"), lineDiff(shown, v))
					}
					clock.now = was
				}
				clock.now = next
				wakes++
			}
			t.Logf("%d wake-ups in three minutes", wakes)
			if wakes > tt.most {
				t.Errorf("%d wake-ups in three minutes, want at most %d", wakes, tt.most)
			}
		})
	}
}

// at is base's meeting with item i (the first when i < 0) started at
// start, the items before it held.
func at(t *testing.T, base *Model, start time.Time, i int) meeting.Meeting {
	t.Helper()
	mt := *base.meeting
	mt.Items = append([]meeting.RunItem(nil), mt.Items...)
	for j := range mt.Items {
		mt.Items[j].Started, mt.Items[j].Ended, mt.Items[j].Timer = nil, nil, meeting.Timer{}
	}
	s := start
	mt.Started = &s
	if i < 0 {
		i = 0
	}
	for j := 0; j < i; j++ {
		b, e := start, start
		mt.Items[j].Started, mt.Items[j].Ended = &b, &e
	}
	b := start
	mt.Items[i].Started = &b
	return mt
}

// lineDiff lists the lines of b that differ from a's.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "- "+x, "+ "+y)
		}
	}
	return strings.Join(out, "\n")
}

// TestConsoleEveryKeyReachable: at 80x24 and wider, every key of the
// console is in its footer or in the list ? opens, and the footer names ?.
func TestConsoleEveryKeyReachable(t *testing.T) {
	base := helpModelIn(t, "da")
	for _, lang := range []string{"da", "en"} {
		for _, w := range []int{80, 120, 200} {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(termenv.Ascii)
			k := NewConsole(context.Background(), Options{Renderer: r, Clock: meeting.FixedClock(*base.meeting.Started), Lang: lang})
			k.update(tea.WindowSizeMsg{Width: w, Height: 24})
			k.set(meetingMsg{meeting: *base.meeting, cluster: base.checkin.cluster})
			view := k.View()
			lines := strings.Split(view, "\n")
			footer := lines[len(lines)-1]
			if !strings.Contains(footer, "? ") {
				t.Errorf("%s %d: the footer does not name ?: %q", lang, w, footer)
			}
			k.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
			help := k.View()
			for _, b := range k.ShortHelp() {
				h := b.Help()
				inFooter := strings.Contains(footer, h.Key+" "+h.Desc)
				inHelp := strings.Contains(help, h.Key) && strings.Contains(help, h.Desc)
				if !inFooter && !inHelp {
					t.Errorf("%s %d: key %s (%s) is neither in the footer nor in ?:\n%s", lang, w, h.Key, h.Desc, help)
				}
			}
			// Any key closes the list and does nothing else.
			k.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
			if k.showHelp || k.Pending() != 0 {
				t.Errorf("%s %d: a key on the list of keys did more than close it", lang, w)
			}
		}
	}
}

// TestConsoleMissingCounted: at 80x24 the doctors not checked in are
// named on at most three lines and the rest counted, never cut with ….
func TestConsoleMissingCounted(t *testing.T) {
	base := helpModelIn(t, "da")
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	k := NewConsole(context.Background(), Options{Renderer: r, Clock: meeting.FixedClock(*base.meeting.Started)})
	k.update(tea.WindowSizeMsg{Width: 80, Height: 24})
	k.set(meetingMsg{meeting: *base.meeting, cluster: base.checkin.cluster})
	lines := k.attendanceLines()
	if len(lines) != 1+3 {
		t.Fatalf("want the counts and three lines of names, got:\n%s", strings.Join(lines, "\n"))
	}
	all := strings.Join(lines, "\n")
	if strings.Contains(all, "…") || !strings.Contains(all, " flere") {
		t.Errorf("the names that do not fit should be counted, not cut:\n%s", all)
	}
}
