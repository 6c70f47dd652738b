package tui_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
)

// uviMeeting is a meeting of the choice fixture pack
// (meeting/pack/testdata/uvi) for the demo roster's practices, with the
// given practices consenting to be shown by name.
func uviMeeting(t *testing.T, consenting int) (*store.Store, meeting.Meeting, []meeting.Practice) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(filepath.Join(t.TempDir(), "klynge.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p, err := pack.Read(os.DirFS(filepath.Join("..", "meeting", "pack", "testdata", "uvi")), "uvi")
	if err != nil {
		t.Fatal(err)
	}
	f, err := klynge.DemoFS().Open(klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	practices, err := pack.ReadRoster(f, klynge.DemoRoster)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCluster(ctx, meeting.Cluster{Name: "Testklyngen", Practices: practices})
	if err != nil {
		t.Fatal(err)
	}
	m, err := meeting.New(p, "UVI-mødet", meetingStart, meetingStart.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	m.ClusterID = c.ID
	var yds []string
	for _, pr := range practices {
		yds = append(yds, pr.Ydernummer)
	}
	if m.Codes, err = meeting.NewCodes(yds, rand.NewChaCha8([32]byte{7})); err != nil {
		t.Fatal(err)
	}
	m.Values = p.Data
	if m, err = s.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	for _, pr := range practices[:consenting] {
		if _, err := s.SetConsent(ctx, m.ID, pr.Ydernummer, true, meetingStart); err != nil {
			t.Fatal(err)
		}
	}
	if m, err = s.Meeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	return s, m, practices
}

// TestChoiceChartShowsNoNameOrYdernummer walks the stacked chart as the
// projector draws it (revealed, hidden, paged) at 80x24 and 200x60: no
// practice's name or ydernummer may stand on it, except the name of the
// one practice that consented, which must stand beside its bar (so the
// scan is known to see names there).
func TestChoiceChartShowsNoNameOrYdernummer(t *testing.T) {
	s, m, practices := uviMeeting(t, 1)
	named := practices[0]
	for _, sz := range [][2]int{{80, 24}, {200, 60}} {
		model := newModel(s, m.ID, modelOpts{now: meetingStart.Add(10 * time.Minute)})
		tm := startProgram(t, model, sz[0], sz[1], "planlagt start")
		tm.Send(key("j"))
		tm.Send(key("enter"))
		waitFor(t, tm, "Valg af antibiotikum")
		var frames []string
		for _, k := range []string{"", "pgdown", "pgdown", "r", "r", "pgup"} {
			if k != "" {
				tm.Send(key(k))
			}
			frames = append(frames, currentFrame(t, tm))
		}
		sawNamed := false
		for _, f := range frames {
			for _, pr := range practices {
				secrets := []string{pr.Ydernummer, strings.TrimLeft(pr.Ydernummer, "0")}
				if pr.Ydernummer != named.Ydernummer {
					secrets = append(secrets, pr.Name)
				}
				for _, secret := range secrets {
					if strings.Contains(f, secret) {
						t.Errorf("%dx%d: the stacked chart shows %q:\n%s", sz[0], sz[1], secret, f)
					}
				}
			}
			for _, l := range strings.Split(f, "\n") {
				if strings.Contains(l, named.Name) && strings.ContainsAny(l, "█▒░") {
					sawNamed = true
				}
			}
		}
		if !sawNamed {
			t.Errorf("%dx%d: the consenting practice %q is never drawn beside its bar: the scan cannot see names", sz[0], sz[1], named.Name)
		}
		if err := tm.Quit(); err != nil {
			t.Fatal(err)
		}
	}
}

// withUVIChoice adds the choice fixture pack's indicators, choice group
// and figures to p, and the choice's page to p's first data item, so the
// projected-screen scans walk a stacked chart too.
func withUVIChoice(t *testing.T, p meeting.Pack) meeting.Pack {
	t.Helper()
	uvi, err := pack.Read(os.DirFS(filepath.Join("..", "meeting", "pack", "testdata", "uvi")), "uvi")
	if err != nil {
		t.Fatal(err)
	}
	p.Indicators = append(append([]meeting.Indicator(nil), p.Indicators...), uvi.Indicators...)
	p.Choices = append(p.Choices, uvi.Choices...)
	p.Data = append(append([]meeting.DataRow(nil), p.Data...), uvi.Data...)
	p.Agenda = append([]meeting.AgendaItem(nil), p.Agenda...)
	for i, it := range p.Agenda {
		if it.Kind == meeting.KindData {
			p.Agenda[i].Indicators = append(append([]string(nil), it.Indicators...), uvi.Choices[0].ID)
			break
		}
	}
	return p
}

// TestProjectedScanWalksTheStackedChart: the projected-screen scan
// (TestProjectedScreensAreInertAndAnonymous) sees the stacked chart, its
// pack strings made hostile, drawn inert.
func TestProjectedScanWalksTheStackedChart(t *testing.T) {
	s, m, _, _ := hostileMeeting(t)
	stacked := 0
	for name, f := range projectedFrames(t, s, m, 80, 24) {
		if strings.Contains(f, "Valg af antibiotikum") && strings.Contains(f, "▒") {
			stacked++
			if strings.ContainsRune(f, 0x1b) {
				t.Errorf("%s: an escape code on the stacked chart", name)
			}
		}
	}
	if stacked == 0 {
		t.Error("no projected frame showed the stacked chart")
	}
}
