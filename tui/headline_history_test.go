package tui

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/store/seed"
)

// TestHeadlinesOverHistory words the headline of every figure chart of a
// generated history (a year of meetings and tonight's) in each direction
// and language, and checks it against the bars the chart draws: the count
// of practices reaching the target is the count of counted bars at or past
// it, and a guess round states only the target.
func TestHeadlinesOverHistory(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(filepath.Join(t.TempDir(), "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := seed.History(ctx, s, seed.Options{Years: 1, Practices: 12, Doctors: 20, Seed: 3,
		Now: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Meetings) < 3 {
		t.Fatalf("%d meetings; the test wants at least 3", len(r.Meetings))
	}
	checked := map[meeting.Direction]int{}
	for _, id := range r.Meetings {
		m, err := s.Meeting(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, base := range m.Pack.Indicators {
			if base.Context || base.Unit != meeting.UnitPercent {
				continue
			}
			for _, dir := range meeting.Directions() {
				ind := base
				ind.Better, ind.Target = dir, hf(60)
				var rows []meeting.DataRow
				for _, v := range m.Values {
					if v.Indicator == ind.ID {
						rows = append(rows, v)
					}
				}
				c := meeting.BuildChart(ind, rows, m.Labels(nil), nil)
				h := c.Headline(false)
				reached := 0
				for _, b := range c.Bars {
					// As the bar's label reads: one decimal.
					shown, _ := strconv.ParseFloat(meeting.FormatNumber(b.Value, ind.Unit, "en"), 64)
					if !b.Low && ((dir == meeting.HigherIsBetter && shown >= 60) || (dir == meeting.LowerIsBetter && shown <= 60)) {
						reached++
					}
				}
				if !h.Stat {
					reached = 0 // too few count: nothing is stated
				}
				if h.Stat != (c.Counted >= ind.StatMinPractices()) || h.Reached != reached {
					t.Errorf("meeting %d %s %s: stat %v reached %d; the bars say %d counted, %d reach 60 %%", id, ind.ID, dir, h.Stat, h.Reached, c.Counted, reached)
				}
				for _, lang := range []string{"da", "en"} {
					text := headlineText(lang, h, chartText(lang).Units)
					want := map[meeting.Direction]map[string]string{
						meeting.HigherIsBetter: {"da": "når det", "en": " it"},
						meeting.LowerIsBetter:  {"da": "er på eller under", "en": "at or below it"},
						meeting.NoDirection:    {"da": " til ", "en": " to "},
					}[dir][lang]
					if !h.Stat {
						// Too few practices count: the pack's target only.
						want = map[meeting.Direction]map[string]string{
							meeting.HigherIsBetter: {"da": "Målet er 60,0 %", "en": "The target is 60.0 %"},
							meeting.LowerIsBetter:  {"da": "Målet er højst 60,0 %", "en": "The target is at most 60.0 %"},
							meeting.NoDirection:    {"da": "", "en": ""},
						}[dir][lang]
						checked["too few"]++
						if text != want {
							t.Errorf("meeting %d %s %s %s: %q, want %q", id, ind.ID, dir, lang, text, want)
						}
					}
					if !strings.Contains(text, want) {
						t.Errorf("meeting %d %s %s %s: %q lacks %q", id, ind.ID, dir, lang, text, want)
					}
					guess := headlineText(lang, c.Headline(true), chartText(lang).Units)
					if strings.ContainsAny(strings.NewReplacer("60,0", "", "60.0", "").Replace(guess), "0123456789") {
						t.Errorf("meeting %d %s %s: the guess round's headline %q states a figure", id, ind.ID, lang, guess)
					}
				}
				checked[dir]++
			}
		}
	}
	if checked["too few"] == 0 {
		t.Error("no chart of the history had too few practices counted: the target-only headline went unchecked")
	}
	for _, dir := range meeting.Directions() {
		if checked[dir] < 3 {
			t.Errorf("%s: only %d charts checked", dir, checked[dir])
		}
	}
}
