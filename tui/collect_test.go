package tui_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// collectingMeeting is a second meeting on the demo pack, without a
// region figure for kol-prevalens in its pack, where three practices have
// not sent figures and three others sent theirs through an import, and
// kol-prevalens has a region figure from a file named source.
func collectingMeeting(t *testing.T, source string) (*store.Store, meeting.Meeting, meeting.Cluster) {
	t.Helper()
	s, demo := mustDemoMeeting(t)
	ctx := context.Background()
	c, err := s.Cluster(ctx, demo.ClusterID)
	if err != nil {
		t.Fatal(err)
	}
	m := demo
	m.ID = 0
	m.Pack.Indicators = append([]meeting.Indicator(nil), demo.Pack.Indicators...)
	for i := range m.Pack.Indicators {
		if m.Pack.Indicators[i].ID == "kol-prevalens" {
			m.Pack.Indicators[i].Region = nil
		}
	}
	silent := map[string]bool{c.Practices[0].Ydernummer: true, c.Practices[1].Ydernummer: true, c.Practices[2].Ydernummer: true}
	m.Values = nil
	for _, v := range demo.Values {
		if !silent[v.Ydernummer] {
			m.Values = append(m.Values, v)
		}
	}
	if m, err = s.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	imp := meeting.FigureImport{At: meetingStart.Add(-48 * time.Hour), Sources: map[string]string{},
		Regions: []meeting.RegionFigure{{Indicator: "kol-prevalens", Value: 31.5, Source: source, Practices: 40}}}
	for _, p := range c.Practices[3:6] {
		imp.Sources[p.Ydernummer] = "tal-" + p.Ydernummer + ".csv"
		for _, v := range m.Values {
			if v.Ydernummer == p.Ydernummer {
				imp.Rows = append(imp.Rows, v)
			}
		}
	}
	if _, err := s.ImportFigures(ctx, m.ID, imp); err != nil {
		t.Fatal(err)
	}
	if m, err = s.Meeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	return s, m, c
}

// ydernummerRE finds anything that looks like a ydernummer.
var ydernummerRE = regexp.MustCompile(`\d{5,6}`)

// TestProjectedDataItemNamesNoPractice walks the projector through the
// data item of a meeting whose figures are still coming in: every frame
// says how many practices sent figures and names none (no ydernummer, no
// practice name, not in a region label from a file named after a
// practice), at 80x24 and 200x60.
func TestProjectedDataItemNamesNoPractice(t *testing.T) {
	for _, tt := range []struct {
		source, label string
		size          [2]int
	}{
		{"tal-{yd}.csv", "(middel af 40 andre praksis)", [2]int{200, 60}},
		{"tal-{yd}.csv", "(middel af 40 andre praksis)", [2]int{80, 24}},
		{"region-2026.csv", "(middel af 40 praksis i region-2026.csv)", [2]int{200, 60}},
	} {
		t.Run(tt.source+sizeName(tt.size[0], tt.size[1]), func(t *testing.T) {
			st, m, c := collectingMeeting(t, "")
			source := strings.ReplaceAll(tt.source, "{yd}", c.Practices[4].Ydernummer)
			if _, err := st.ImportFigures(context.Background(), m.ID, meeting.FigureImport{At: meetingStart, Rows: m.Values[:1],
				Sources: map[string]string{m.Values[0].Ydernummer: "x.csv"},
				Regions: []meeting.RegionFigure{{Indicator: "kol-prevalens", Value: 31.5, Source: source, Practices: 40}}}); err != nil {
				t.Fatal(err)
			}
			tm := teatest.NewTestModel(t, framed{newProjector(st, m.ID, meetingStart.Add(time.Minute), nil)},
				teatest.WithInitialTermSize(tt.size[0], tt.size[1]))
			waitFor(t, tm, "Velkomst og afbud")
			tm.Send(key("s"))
			drained(t, tm)
			var frames []string
			// Run the agenda to the data item and open it.
			for range 8 {
				if regexp.MustCompile(`▶.*Klyngens data`).MatchString(stripANSI(currentFrame(t, tm))) {
					break
				}
				tm.Send(key("n"))
				drained(t, tm)
			}
			tm.Send(key("enter"))
			drained(t, tm)
			for range 4 {
				tm.Send(key("r"))
				drained(t, tm)
				frames = append(frames, stripANSI(currentFrame(t, tm)))
				tm.Send(key("l"))
				drained(t, tm)
			}
			all := strings.Join(frames, "\n")
			for _, want := range []string{"tal fra 11 af 14 praksis", tt.label} {
				if !strings.Contains(flat(all), want) {
					t.Errorf("the data item lacks %q:\n%s", want, all)
				}
			}
			if yd := ydernummerRE.FindString(all); yd != "" {
				t.Errorf("a projected frame shows %q:\n%s", yd, all)
			}
			for _, p := range c.Practices {
				if strings.Contains(all, p.Name) {
					t.Errorf("a projected frame names %s:\n%s", p.Name, all)
				}
			}
			tm.Send(key("q"))
			tm.Send(key("j"))
			tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		})
	}
}

// TestConsoleDataItemShowsArrivals: on the console, the data item in
// focus says how many practices sent figures, names those that have not,
// and lists the latest arrivals with their dates.
func TestConsoleDataItemShowsArrivals(t *testing.T) {
	s, m, c := collectingMeeting(t, "region.csv")
	ctx := context.Background()
	data := -1
	for i, it := range m.Items {
		if it.Kind == meeting.KindData {
			data = i
		}
	}
	if _, _, err := s.UpdateRun(ctx, m.ID, func(mt meeting.Meeting) (meeting.Meeting, error) {
		mt, err := mt.Start(meetingStart)
		for err == nil && mt.Budget(meetingStart).Current < data {
			mt, err = mt.Next(meetingStart)
		}
		return mt, err
	}); err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, framedConsole{newConsole(s, m.ID, meetingStart.Add(time.Minute), "")}, teatest.WithInitialTermSize(200, 60))
	waitFor(t, tm, "Tal fra 11 af 14 praksis")
	frame := flat(stripANSI(currentFrame(t, tm)))
	for _, want := range []string{
		"mangler: " + c.Practices[0].Name + ", " + c.Practices[1].Name + ", " + c.Practices[2].Name,
		"kom: " + c.Practices[3].Name + " 21/11 17.30",
	} {
		if !strings.Contains(frame, want) {
			t.Errorf("console lacks %q:\n%s", want, frame)
		}
	}
	tm.Send(key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
