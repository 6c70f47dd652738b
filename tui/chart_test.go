package tui_test

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/tui"
)

// dataItem is the demo agenda's data item.
func dataItem(t *testing.T, m meeting.Meeting) int {
	t.Helper()
	for i, it := range m.Items {
		if it.Kind == meeting.KindData {
			return i
		}
	}
	t.Fatal("the demo has no data item")
	return -1
}

// chartFrames opens the data item and returns the frame of every page,
// revealed where the pack hides the bars first.
func chartFrames(t *testing.T, s *store.Store, m meeting.Meeting, w, h int) []string {
	t.Helper()
	model := newModel(s, m.ID, modelOpts{})
	tm := startProgram(t, model, w, h, "tryk s")
	for range dataItem(t, m) {
		tm.Send(key("j"))
	}
	tm.Send(key("enter"))
	pages := len(m.Items[dataItem(t, m)].Indicators) + 1 // + the context page
	var frames []string
	for p := 0; p < pages; p++ {
		frames = append(frames, frameNow(t, tm, model))
		tm.Send(key("r")) // show or hide: both states get scanned
		frames = append(frames, frameNow(t, tm, model))
		tm.Send(key("r"))
		tm.Send(key("pgdown"))
		frames = append(frames, frameNow(t, tm, model))
		tm.Send(key("l"))
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return append(frames, finalView(t, tm))
}

// frameNow returns the program's current frame.
func frameNow(t *testing.T, tm interface{ Send(tea.Msg) }, _ *tui.Model) string {
	t.Helper()
	return currentFrame(t, tm)
}

func rosterOf(t *testing.T, s *store.Store, m meeting.Meeting) meeting.Cluster {
	t.Helper()
	c, err := s.Cluster(context.Background(), m.ClusterID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestChartsNeverShowNamesOrYdernumre is the anonymity rule: no rendered
// chart of an anonymous meeting holds any practice's name or ydernummer.
func TestChartsNeverShowNamesOrYdernumre(t *testing.T) {
	s, m := mustDemoMeeting(t)
	cluster := rosterOf(t, s, m)
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 48}, {200, 60}} {
		frames := chartFrames(t, s, m, size.w, size.h)
		for i, f := range frames {
			plain := stripANSI(f)
			for _, p := range cluster.Practices {
				if strings.Contains(plain, p.Ydernummer) {
					t.Fatalf("%dx%d frame %d shows ydernummer %s:\n%s", size.w, size.h, i, p.Ydernummer, plain)
				}
				if strings.Contains(plain, p.Name) {
					t.Fatalf("%dx%d frame %d shows practice %q:\n%s", size.w, size.h, i, p.Name, plain)
				}
				for _, d := range p.Members {
					if strings.Contains(plain, d.Name) {
						t.Fatalf("%dx%d frame %d shows doctor %q:\n%s", size.w, size.h, i, d.Name, plain)
					}
				}
			}
		}
	}
}

func TestConsentShowsExactlyTheConsentingNames(t *testing.T) {
	s, m := mustDemoMeeting(t)
	cluster := rosterOf(t, s, m)
	consenting := cluster.Practices[3]
	if _, err := s.SetConsent(context.Background(), m.ID, consenting.Ydernummer, true, meetingStart); err != nil {
		t.Fatal(err)
	}
	// Consent given and withdrawn again leaves a practice anonymous.
	withdrawn := cluster.Practices[5]
	for _, given := range []bool{true, false} {
		if _, err := s.SetConsent(context.Background(), m.ID, withdrawn.Ydernummer, given, meetingStart); err != nil {
			t.Fatal(err)
		}
	}
	all := strings.Join(chartFrames(t, s, m, 160, 48), "\n")
	if !strings.Contains(all, consenting.Name) {
		t.Errorf("the consenting practice %q should show by name", consenting.Name)
	}
	for _, p := range cluster.Practices {
		if p.Ydernummer != consenting.Ydernummer && strings.Contains(all, p.Name) {
			t.Errorf("%q did not consent but shows by name", p.Name)
		}
		if strings.Contains(all, p.Ydernummer) {
			t.Errorf("ydernummer %s shows", p.Ydernummer)
		}
	}
}

func TestCodeKeyNeedsConfirmAndHidesOnAnyKey(t *testing.T) {
	s, m := mustDemoMeeting(t)
	cluster := rosterOf(t, s, m)
	name := cluster.Practices[0].Name
	model := newModel(s, m.ID, modelOpts{})
	tm := startProgram(t, model, 80, 24, "tryk s")

	tm.Send(key("C"))
	asking := frameNow(t, tm, model)
	if !strings.Contains(asking, "ikke til projektor") || strings.Contains(asking, name) {
		t.Fatalf("the confirm must warn and show no names:\n%s", asking)
	}
	tm.Send(key("n"))
	if f := frameNow(t, tm, model); strings.Contains(f, name) || strings.Contains(f, "Kodenøgle") {
		t.Fatalf("n must close without showing:\n%s", f)
	}
	tm.Send(key("C"))
	tm.Send(key("j"))
	shown := frameNow(t, tm, model)
	if !strings.Contains(shown, name) || !strings.Contains(shown, "IKKE TIL PROJEKTOR") {
		t.Fatalf("after the confirm the code key lists the practices under its warning:\n%s", shown)
	}
	assertFits(t, shown, 80, 24)
	tm.Send(key("q")) // any key hides it, and does nothing else
	hidden := frameNow(t, tm, model)
	if strings.Contains(hidden, name) || strings.Contains(hidden, "Afslut") {
		t.Fatalf("any key should hide the code key and do nothing else:\n%s", hidden)
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
}

func TestConsentScreenRecordsConsent(t *testing.T) {
	s, m := mustDemoMeeting(t)
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(20)})
	tm := startProgram(t, model, 80, 24, "tryk s")
	tm.Send(key("P"))
	tm.Send(key("j"))
	tm.Send(key(" "))
	waitFor(t, tm, "vises nu med navn")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Consents) != 1 {
		t.Fatalf("one consent should be stored: %v", stored.Consents)
	}
	for _, at := range stored.Consents {
		if !at.Equal(minutesAfterStart(20)) {
			t.Errorf("consent recorded at %v", at)
		}
	}
}

func TestChartGolden(t *testing.T) {
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"120x35", 120, 35}, {"160x48", 160, 48}, {"200x60", 200, 60}} {
		t.Run(size.name, func(t *testing.T) {
			// A database of its own: the chart page shown is stored, so a
			// page turn still being saved must not reach the next size.
			s, m := mustDemoMeeting(t)
			model := newModel(s, m.ID, modelOpts{})
			tm := startProgram(t, model, size.w, size.h, "tryk s")
			for range dataItem(t, m) {
				tm.Send(key("j"))
			}
			tm.Send(key("enter"))
			tm.Send(key("l")) // the care-plan indicator: n<5 bar and ABC
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			view := finalView(t, tm)
			assertFits(t, view, size.w, size.h)
			golden(t, view)
		})
	}
}

// TestEnterNeverOpensCoordinatorViews: the code key and the speaker notes
// open only on an explicit j/y after a warning; every other key, Enter
// included, cancels.
func TestEnterNeverOpensCoordinatorViews(t *testing.T) {
	s, m := mustDemoMeeting(t)
	name := rosterOf(t, s, m).Practices[0].Name
	model := newModel(s, m.ID, modelOpts{})
	tm := startProgram(t, model, 80, 24, "tryk s")
	for _, k := range []string{"enter", "x", " ", "q"} {
		tm.Send(key("C"))
		if f := frameNow(t, tm, model); !strings.Contains(f, "Kodenøgle – ikke til projektor") {
			t.Fatalf("C should warn first:\n%s", f)
		}
		tm.Send(key(k))
		if f := frameNow(t, tm, model); strings.Contains(f, name) || strings.Contains(f, "Kodenøgle") {
			t.Fatalf("%q must cancel the code key:\n%s", k, f)
		}
	}

	// The talk's slides: N warns, Enter cancels, j shows the notes.
	tm.Send(key("j"))
	tm.Send(key("enter"))
	waitFor(t, tm, "KOL i almen praksis")
	for _, k := range []string{"enter", "l", "N"} {
		tm.Send(key("N"))
		if f := frameNow(t, tm, model); !strings.Contains(f, "Talernoter – ikke til projektor") || strings.Contains(f, "Præsentér dig") {
			t.Fatalf("N should warn before any note shows:\n%s", f)
		}
		tm.Send(key(k))
		if f := frameNow(t, tm, model); strings.Contains(f, "Præsentér dig") || strings.Contains(f, "Talernoter") {
			t.Fatalf("%q must cancel the notes:\n%s", k, f)
		}
	}
	tm.Send(key("N"))
	tm.Send(key("y"))
	if f := frameNow(t, tm, model); !strings.Contains(f, "Præsentér dig") {
		t.Fatalf("y after the warning shows the notes:\n%s", f)
	}
	tm.Send(key("N")) // hiding needs no confirm
	if f := frameNow(t, tm, model); strings.Contains(f, "Præsentér dig") || strings.Contains(f, "Talernoter") {
		t.Fatalf("N hides the notes again:\n%s", f)
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
}
