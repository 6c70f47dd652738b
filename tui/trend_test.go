package tui_test

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/store/seed"
	"github.com/klynge/klynge/tui"
)

// trendHistory is a generated history of five meetings (a year and
// tonight's) of a cluster of eight practices, tonight's planned at
// meetingStart.
func trendHistory(t *testing.T) (*store.Store, seed.Result) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r, err := seed.History(context.Background(), s, seed.Options{Years: 1, Practices: 8, Doctors: 16, Now: meetingStart, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	return s, r
}

// openTrend starts the projector on tonight's meeting, opens its data item
// and turns to indicator page page (1-based) with the trend shown.
func openTrend(t *testing.T, s *store.Store, id int64, lang string, w, h, page int) *teatest.TestModel {
	t.Helper()
	ready := map[string]string{"": "planlagt start", "en": "planned start"}[lang]
	tm := startProgram(t, newModel(s, id, modelOpts{lang: lang}), w, h, ready)
	tm.Send(key("j"))
	tm.Send(key("j"))
	tm.Send(key("enter"))
	for range page - 1 {
		tm.Send(key("l"))
	}
	tm.Send(key("v"))
	waitFor(t, tm, map[string]string{"": "Udvikling:", "en": "Trend:"}[lang])
	return tm
}

// trendPrivate is everything that identifies a practice of the history:
// every code it had at any meeting, its name and ydernummer, its doctors.
func trendPrivate(t *testing.T, s *store.Store, r seed.Result) (codes map[string]bool, who []string) {
	t.Helper()
	ctx := context.Background()
	codes = map[string]bool{}
	for _, id := range r.Meetings {
		m, err := s.Meeting(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range m.Codes {
			codes[c] = true
		}
	}
	c, err := s.Cluster(ctx, r.ClusterID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Practices {
		who = append(who, p.Name, p.Ydernummer, strings.TrimLeft(p.Ydernummer, "0"))
		for _, d := range p.Members {
			who = append(who, d.Name)
		}
	}
	return codes, who
}

var trendWord = regexp.MustCompile(`[\p{L}\p{N}]+`)

// trendLeaks lists what in a frame's body (below the header) identifies a
// practice: a word that is any meeting's code, or a name or ydernummer.
func trendLeaks(frame string, codes map[string]bool, who []string) []string {
	lines := strings.Split(stripANSI(frame), "\n")
	if len(lines) > 3 {
		lines = lines[3:] // the header names the meeting, not a practice
	}
	body := strings.Join(lines, "\n")
	var out []string
	for _, w := range trendWord.FindAllString(body, -1) {
		if codes[w] {
			out = append(out, "code "+w)
		}
	}
	flat := strings.Join(strings.Fields(body), " ")
	for _, w := range who {
		if w != "" && strings.Contains(flat, w) {
			out = append(out, "practice "+w)
		}
	}
	return out
}

// TestTrendPageShowsNoPractice is the no-link rule: codes are drawn fresh
// for each meeting, and the projected trend must not let the room follow
// one practice across meetings. Every trend page of the history, at both
// sizes and in both languages, is scanned for any code of any meeting and
// for any practice's name, ydernummer or doctor; none may show. The same
// scan finds the codes on the bar chart of the same page, so it is known
// to see them.
func TestTrendPageShowsNoPractice(t *testing.T) {
	s, r := trendHistory(t)
	codes, who := trendPrivate(t, s, r)
	for _, lang := range []string{"", "en"} {
		for _, sz := range [][2]int{{80, 24}, {200, 60}} {
			t.Run(fmt.Sprintf("%s%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				resetChart(t, s, r.Latest())
				tm := openTrend(t, s, r.Latest(), lang, sz[0], sz[1], 1)
				m, err := s.Meeting(context.Background(), r.Latest())
				if err != nil {
					t.Fatal(err)
				}
				items := m.Items[2].Indicators
				for p := range items {
					if p > 0 {
						tm.Send(key("l"))
						tm.Send(key("v"))
					}
					title, _ := m.Pack.Indicator(items[p])
					waitFor(t, tm, fmt.Sprintf("%d/%d", p+1, len(items)+1))
					frame := currentFrame(t, tm)
					if !strings.Contains(frame, title.Title[:12]) {
						t.Fatalf("page %d is not %s's:\n%s", p+1, title.Title, frame)
					}
					if leaks := trendLeaks(frame, codes, who); len(leaks) > 0 {
						t.Errorf("the trend of %s shows %v:\n%s", items[p], leaks, frame)
					}
					// The chart of the same page, bars shown: the scan sees
					// its codes.
					tm.Send(key("v"))
					if items[p] != "kol-spirometri" {
						waitNotFor(t, tm, map[string]string{"": "Udvikling:", "en": "Trend:"}[lang])
						if leaks := trendLeaks(currentFrame(t, tm), codes, who); len(leaks) == 0 {
							t.Errorf("the scan finds no code on the bar chart of %s: it cannot see one", items[p])
						}
					}
				}
				quitTrend(t, tm)
			})
		}
	}
}

// TestTrendScanSeesADrawnCode: a trend frame with one code drawn into it
// (as a per-practice series would) fails the scan.
func TestTrendScanSeesADrawnCode(t *testing.T) {
	s, r := trendHistory(t)
	codes, who := trendPrivate(t, s, r)
	resetChart(t, s, r.Latest())
	tm := openTrend(t, s, r.Latest(), "", 80, 24, 2)
	waitFor(t, tm, "n=")
	frame := currentFrame(t, tm)
	if leaks := trendLeaks(frame, codes, who); len(leaks) > 0 {
		t.Fatalf("the clean frame leaks %v", leaks)
	}
	var code string
	for c := range codes {
		code = c
		break
	}
	lines := strings.Split(frame, "\n")
	for i, l := range lines {
		if strings.Contains(l, "n=") {
			lines[i] = strings.Replace(l, "n=", code+" n=", 1)
			break
		}
	}
	if leaks := trendLeaks(strings.Join(lines, "\n"), codes, who); len(leaks) == 0 {
		t.Errorf("a frame with code %s drawn passes the scan:\n%s", code, strings.Join(lines, "\n"))
	}
	quitTrend(t, tm)
}

// TestTrendPageValues: the trend page shows each meeting's centre and
// count as meeting.IndicatorTrend computes them, oldest first, tonight's
// marked; the seed's second meeting, with too few practices counted for
// the inhalation check, is a gap that says so.
func TestTrendPageValues(t *testing.T) {
	s, r := trendHistory(t)
	ctx := context.Background()
	for _, tt := range []struct {
		page int
		id   string
		w, h int
	}{{2, "kol-forloebsplan", 200, 60}, {4, "kol-inhalation", 200, 60}, {4, "kol-inhalation", 80, 24}} {
		t.Run(fmt.Sprintf("%s_%dx%d", tt.id, tt.w, tt.h), func(t *testing.T) {
			resetChart(t, s, r.Latest())
			h, err := s.IndicatorHistory(ctx, r.Latest(), tt.id)
			if err != nil {
				t.Fatal(err)
			}
			tr := meeting.IndicatorTrend(h, r.Latest())
			tm := openTrend(t, s, r.Latest(), "", tt.w, tt.h, tt.page)
			waitFor(t, tm, "n=")
			frame := stripANSI(currentFrame(t, tm))
			pos := -1
			for _, p := range tr.Points {
				row := p.Date.Format("02-01-2006")
				at := strings.Index(frame, row)
				if at < 0 || at < pos {
					t.Fatalf("meeting %s is not on the page after the one before:\n%s", row, frame)
				}
				pos = at
				line := frame[at:]
				line = line[:strings.Index(line, "\n")]
				want := fmt.Sprintf("n=%d", p.Counted)
				if p.Gap == meeting.GapTooFew {
					want = fmt.Sprintf("for få praksis (%d, mindst %d)", p.Counted, p.Needed)
				} else {
					band := ""
					if tt.w >= 120 { // the quartiles' figures where there is room
						band = " (" + meeting.FormatNumber(p.Q1, meeting.UnitPercent, "da") + "–" + meeting.FormatNumber(p.Q3, meeting.UnitPercent, "da") + ")"
					}
					want = meeting.FormatNumber(p.Mean, meeting.UnitPercent, "da") + " %" + band + "  " + want
				}
				if !strings.Contains(line, want) {
					t.Errorf("the row of %s is %q, want %q in it", row, line, want)
				}
				if p.Current != strings.Contains(frame[max(0, at-len("▸")):at], "▸") {
					t.Errorf("the row of %s marks the meeting shown: %v", row, !p.Current)
				}
			}
			if tt.id == "kol-inhalation" && tr.Points[1].Gap != meeting.GapTooFew {
				t.Errorf("the seed's gap meeting is %+v", tr.Points[1])
			}
			quitTrend(t, tm)
		})
	}
}

// TestTrendWaitsForTheGuess: on an indicator the room guesses first, the
// trend page shows no figure at all, not even the earlier meetings', until
// the bars are shown; then it does.
func TestTrendWaitsForTheGuess(t *testing.T) {
	s, r := trendHistory(t)
	resetChart(t, s, r.Latest())
	tm := openTrend(t, s, r.Latest(), "", 80, 24, 3)
	waitFor(t, tm, "Gæt først")
	frame := stripANSI(currentFrame(t, tm))
	body := strings.Join(strings.Split(frame, "\n")[4:], "\n")
	if regexp.MustCompile(`\d+,\d|n=|\d{2}-\d{2}-\d{4}`).MatchString(body) {
		t.Errorf("the trend shows figures while the room guesses:\n%s", frame)
	}
	tm.Send(key("r"))
	waitFor(t, tm, "n=")
	quitTrend(t, tm)
}

// TestTrendKeyOnTheDemo: the demo has no earlier meeting, and the trend
// key says so plainly.
func TestTrendKeyOnTheDemo(t *testing.T) {
	s, m := mustDemoMeeting(t)
	tm := openTrend(t, s, m.ID, "", 80, 24, 1)
	waitFor(t, tm, "Ingen tidligere møder i klyngen har denne indikator")
	quitTrend(t, tm)
}

// TestTrendGolden fixes the trend page of the care-plan indicator at
// 80x24 and 200x60, in Danish and English.
func TestTrendGolden(t *testing.T) {
	s, r := trendHistory(t)
	for _, lang := range []string{"da", "en"} {
		for _, sz := range [][2]int{{80, 24}, {200, 60}} {
			t.Run(fmt.Sprintf("%s_%s", lang, sizeName(sz[0], sz[1])), func(t *testing.T) {
				resetChart(t, s, r.Latest())
				l := lang
				if l == "da" {
					l = ""
				}
				tm := openTrend(t, s, r.Latest(), l, sz[0], sz[1], 2)
				waitFor(t, tm, "n=")
				frame := currentFrame(t, tm)
				assertFits(t, frame, sz[0], sz[1])
				quitTrend(t, tm)
				golden(t, frame)
			})
		}
	}
}

// TestTrendFollowsAcrossQuickKeys: on a projector that shares the
// meeting (as `klynge run` does, each change computed again from the
// stored meeting), turning the page and asking for the trend at once
// shows the new page's trend, and it is what the store holds.
func TestTrendFollowsAcrossQuickKeys(t *testing.T) {
	s, r := trendHistory(t)
	resetChart(t, s, r.Latest())
	tm := startProgram(t, newProjector(s, r.Latest(), meetingStart, nil), 80, 24, "planlagt start")
	for _, k := range []string{"j", "j", "enter", "l", "v", "l", "v", "h", "v"} {
		tm.Send(key(k))
	}
	drained(t, tm)
	waitFor(t, tm, "Udvikling: Andel KOL-patienter med forløbsplan")
	got, err := s.Meeting(context.Background(), r.Latest())
	if err != nil {
		t.Fatal(err)
	}
	if cs := got.DataScreen; !cs.Trend || cs.Page != 1 || cs.Item != 2 {
		t.Errorf("stored chart state %+v, want the trend of item 3's page 2", cs)
	}
	quitTrend(t, tm)
}

// TestConsoleShowsTheTrend: v on the presenter console turns the
// projector's indicator page into its trend and back, and the console
// says which the room sees.
func TestConsoleShowsTheTrend(t *testing.T) {
	s, r := trendHistory(t)
	ctx := context.Background()
	resetChart(t, s, r.Latest())
	if _, _, err := s.UpdateRun(ctx, r.Latest(), func(mt meeting.Meeting) (meeting.Meeting, error) {
		mt, err := mt.Start(meetingStart)
		for range 2 {
			if err == nil {
				mt, err = mt.Next(meetingStart)
			}
		}
		return mt, err
	}); err != nil {
		t.Fatal(err)
	}
	now := meetingStart.Add(20 * time.Minute)
	proj := teatest.NewTestModel(t, framed{newProjector(s, r.Latest(), now, nil)}, teatest.WithInitialTermSize(80, 24))
	con := teatest.NewTestModel(t, framedConsole{newConsole(window(t, s), r.Latest(), now, "")}, teatest.WithInitialTermSize(80, 24))
	waitFor(t, con, "Data, indikator 1/")
	proj.Send(key("enter"))
	waitFor(t, proj, "KOL-prævalens")
	con.Send(key("l"))
	con.Send(key("v"))
	drained(t, con)
	waitFor(t, con, "· udvikling")
	// The console sums up the trend the room sees: the cluster's mean at
	// the latest meetings, tonight's last.
	h, err := s.IndicatorHistory(ctx, r.Latest(), "kol-forloebsplan")
	if err != nil {
		t.Fatal(err)
	}
	last := meeting.IndicatorTrend(h, r.Latest()).Points[len(h)-1]
	waitFor(t, con, "Udvikling (gns.): ")
	waitFor(t, con, last.Date.Format("02.01.06")+" "+meeting.FormatNumber(last.Mean, meeting.UnitPercent, "da")+" %")
	proj.Send(tui.PollMsg{})
	waitFor(t, proj, "Udvikling: Andel KOL-patienter med forløbsplan")
	con.Send(key("v"))
	drained(t, con)
	waitNotFor(t, con, "· udvikling")
	proj.Send(tui.PollMsg{})
	waitNotFor(t, proj, "Udvikling:")
	con.Send(key("q"))
	con.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := proj.Quit(); err != nil {
		t.Fatal(err)
	}
}

// quitTrend ends a trend test's program once its write queue has drained:
// a chart write still committing after the program ends would land on the
// next subtest's reset chart state (seen as a page too far under load).
func quitTrend(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	drained(t, tm)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
}
