package tui_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// TestProjectorShowsNothingPrivateWhileConsoleOpen: with a presenter
// console's lock held on the database (store.LockConsole, as `klynge
// console` holds it), the projector is walked through every screen, every
// item and every slide and indicator of the demo meeting, pressing at each
// stop the keys that open the speaker notes (N, j), the code key (C, j)
// and the attendance history (F, tab); every frame is scanned for the
// demo's speaker notes, a code beside its practice's name or ydernummer,
// and the history's content. None may show. The same walk without a
// console must find all three kinds (behind their j), so the scan is known
// to see them.
func TestProjectorShowsNothingPrivateWhileConsoleOpen(t *testing.T) {
	for _, tt := range []struct {
		name    string
		console bool
		size    [2]int
	}{
		{"console open 80x24", true, [2]int{80, 24}},
		{"console open 200x60", true, [2]int{200, 60}},
		{"no console 120x40", false, [2]int{120, 40}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, m := mustDemoMeeting(t)
			sc := newPrivateScan(t, s, m)
			if tt.console {
				unlock, err := s.LockConsole(m.ID)
				if err != nil {
					t.Fatal(err)
				}
				defer unlock()
			}
			if got := s.ConsoleOpen(m.ID); got != tt.console {
				t.Fatalf("ConsoleOpen = %v, want %v", got, tt.console)
			}
			consoleOpen := func() bool { return s.ConsoleOpen(m.ID) }
			proj := teatest.NewTestModel(t, framed{newProjector(s, m.ID, meetingStart.Add(time.Minute), consoleOpen)},
				teatest.WithInitialTermSize(tt.size[0], tt.size[1]))
			waitFor(t, proj, "Velkomst og afbud")
			w := &privateWalk{t: t, tm: proj, scan: sc}
			w.walk(m)
			switch {
			case tt.console && len(w.leaks) > 0:
				for _, l := range w.leaks {
					t.Error(l)
				}
			case tt.console && w.refusals == 0:
				t.Error("the projector never said the private things are on the console")
			case !tt.console:
				for _, kind := range []string{"notes", "code key", "history"} {
					if !w.seen[kind] {
						t.Errorf("without a console the walk never showed the %s: the scan cannot see it", kind)
					}
				}
			}
			proj.Send(key("q"))
			proj.Send(key("j"))
			proj.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		})
	}
}

// privateScan knows the demo meeting's private content.
type privateScan struct {
	notes   []string // a stretch of each slide's speaker notes
	codes   map[string][]string
	history []string
}

func newPrivateScan(t *testing.T, s *store.Store, m meeting.Meeting) *privateScan {
	t.Helper()
	ctx := context.Background()
	sc := &privateScan{codes: map[string][]string{}}
	for _, sl := range m.Pack.Slides {
		if n := flat(sl.Notes); n != "" {
			sc.notes = append(sc.notes, firstRunes(n, 28))
		}
	}
	if len(sc.notes) == 0 {
		t.Fatal("the demo pack has no speaker notes to look for")
	}
	cl, err := s.Cluster(ctx, m.ClusterID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range cl.Practices {
		code := m.Codes[p.Ydernummer]
		if code == "" {
			continue
		}
		sc.codes[code] = append(sc.codes[code], p.Name, p.Ydernummer, strings.TrimLeft(p.Ydernummer, "0"))
	}
	// Some history: an earlier meeting held, one doctor there, under a
	// rule that flags every miss, so the history has reasons to reach out.
	prev := m
	prev.ID = 0
	prev.PlannedStart = m.PlannedStart.AddDate(0, -2, 0)
	prev.PlannedEnd = m.PlannedEnd.AddDate(0, -2, 0)
	prev.Started = nil
	prev, err = s.CreateMeeting(ctx, prev)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.UpdateRun(ctx, prev.ID, func(mt meeting.Meeting) (meeting.Meeting, error) { return mt.Start(prev.PlannedStart) }); err != nil {
		t.Fatal(err)
	}
	there := cl.Practices[0].Members[0]
	if _, err := s.SetAttendance(ctx, prev.ID, meeting.Attendance{MemberID: there.ID, Status: meeting.StatusPresent, At: prev.PlannedStart}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttendanceRule(ctx, cl.ID, meeting.AttendanceRule{MaxMissed: 0}); err != nil {
		t.Fatal(err)
	}
	hist, err := s.AttendanceHistory(ctx, cl.ID, meetingStart.AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	cl.Rule = meeting.AttendanceRule{MaxMissed: 0}
	reasons := 0
	for _, h := range meeting.AttendanceReport(cl, hist, cl.Rule, meetingStart) {
		if why := h.Explain("da"); why != "" {
			sc.history = append(sc.history, why)
			reasons++
		}
	}
	if reasons == 0 {
		t.Fatal("the history has no reason to reach out to look for")
	}
	sc.history = append(sc.history, "Fremmøde de seneste 12 måneder", "tag kontakt", "sidst set", "aldrig set", "deltog 1 af 1")
	return sc
}

// leaks lists the private things frame shows, by kind.
func (sc *privateScan) leaks(frame string) map[string]string {
	out := map[string]string{}
	plain := stripANSI(frame)
	all := flat(plain)
	for _, n := range sc.notes {
		if strings.Contains(all, n) {
			out["notes"] = n
		}
	}
	for _, h := range sc.history {
		if strings.Contains(all, h) {
			out["history"] = h
		}
	}
	if strings.Contains(plain, "KODENØGLE") {
		out["code key"] = "KODENØGLE"
	}
	for _, line := range strings.Split(plain, "\n") {
		words := map[string]bool{}
		for _, w := range wordRE.FindAllString(line, -1) {
			words[w] = true
		}
		for code, who := range sc.codes {
			if !words[code] {
				continue
			}
			for _, w := range who {
				if words[w] || (len(w) > 6 && strings.Contains(line, w)) {
					out["code key"] = code + " beside " + w + ": " + strings.TrimSpace(line)
				}
			}
		}
	}
	return out
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// privateWalk drives the projector and scans each frame.
type privateWalk struct {
	t        *testing.T
	tm       *teatest.TestModel
	scan     *privateScan
	leaks    []string
	seen     map[string]bool
	refusals int
	where    string
}

// press sends keys one by one and scans the frame after each.
func (w *privateWalk) press(keys ...string) {
	w.t.Helper()
	for _, k := range keys {
		var msg tea.KeyMsg
		if k == "tab" {
			msg = tea.KeyMsg{Type: tea.KeyTab}
		} else {
			msg = key(k)
		}
		w.tm.Send(msg)
		drained(w.t, w.tm)
		w.look(w.where+" after "+k, k == "tab")
	}
}

// look scans the current frame; again, when loads, once the screen's
// data has had a moment to load.
func (w *privateWalk) look(what string, loads bool) string {
	w.t.Helper()
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	var frame string
	looks := 1
	if loads {
		looks = 2
	}
	for i := range looks {
		if i > 0 {
			time.Sleep(50 * time.Millisecond)
		}
		frame = currentFrame(w.t, w.tm)
		if strings.Contains(frame, "vises kun på konsollen") {
			w.refusals++
		}
		for kind, text := range w.scan.leaks(frame) {
			if !w.seen[kind] {
				w.leaks = append(w.leaks, what+": the projector shows the "+kind+" ("+text+"):\n"+stripANSI(frame))
			}
			w.seen[kind] = true
		}
	}
	return frame
}

// probe presses, where the walk stands, the keys that open the code key
// and the history, and comes back.
func (w *privateWalk) probe(where string) {
	w.t.Helper()
	w.where = where
	w.look(where, false)
	w.press("C", "j", "C")
	w.press("F", "tab")
	if strings.Contains(stripANSI(currentFrame(w.t, w.tm)), "Fremmøde de seneste") {
		w.press("esc") // the history goes back to check-in
	}
	w.press("esc")
	w.press("?", "?")
}

// walk goes through the meeting: the agenda, each item with its slides or
// indicator pages, the other screens, and the ended meeting.
func (w *privateWalk) walk(m meeting.Meeting) {
	w.t.Helper()
	w.probe("agenda before the start")
	w.press("s")
	for i, it := range m.Items {
		where := it.Title
		w.where = where
		waitFor(w.t, w.tm, it.Title)
		w.probe(where)
		switch it.Kind {
		case meeting.KindTalk:
			w.press("enter")
			for range m.Pack.Slides {
				w.probe(where + ", slide")
				w.press("N", "j", "N", "l")
			}
			w.press("esc")
		case meeting.KindData:
			for range 12 {
				w.probe(where + ", indicator")
				// The trend page, read from the earlier meeting.
				w.press("v")
				w.look(where+", trend", true)
				w.press("v", "r", "l")
			}
		case meeting.KindGroupwork:
			w.press(" ")
			w.probe(where + ", round running")
		}
		for _, k := range []string{"P", "T", "O"} {
			w.press(k)
			w.probe(where + " then " + k)
			w.press("esc")
		}
		if i < len(m.Items)-1 {
			w.press("n")
		}
	}
	w.press("n")
	w.probe("the ended meeting")
}

// flat joins a text's words with single spaces, so a wrapped line still
// matches.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return strings.TrimSpace(string(r))
}
