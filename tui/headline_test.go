package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
)

func hf(v float64) *float64 { return &v }

// TestHeadlineWording: one line per direction in each language, the
// plural form where English needs one, and no figure while the room
// guesses or when too few practices count.
func TestHeadlineWording(t *testing.T) {
	higher := meeting.Headline{Better: meeting.HigherIsBetter, Unit: meeting.UnitPercent, Stat: true, Mean: 54, Min: 20, Max: 91, Target: hf(80), Reached: 3, Counted: 12}
	one := higher
	one.Reached = 1
	lower := meeting.Headline{Better: meeting.LowerIsBetter, Unit: meeting.UnitPercent, Stat: true, Mean: 31.3, Min: 12, Max: 48, Target: hf(20), Reached: 1, Counted: 9}
	none := meeting.Headline{Better: meeting.NoDirection, Unit: meeting.UnitPer1000, Stat: true, Mean: 18.4, Min: 9.5, Max: 30, Target: hf(20), Counted: 9}
	days := meeting.Headline{Better: meeting.HigherIsBetter, Unit: meeting.UnitDays, Stat: true, Mean: 12, Min: 3, Max: 30, Counted: 9}
	tooFew := higher
	tooFew.Stat, tooFew.Mean, tooFew.Reached, tooFew.Counted = false, 0, 0, 2
	tooFewLower := lower
	tooFewLower.Stat, tooFewLower.Mean, tooFewLower.Reached = false, 0, 0
	tooFewNone := none
	tooFewNone.Stat = false
	for _, tc := range []struct {
		name   string
		h      meeting.Headline
		da, en string
	}{
		{"higher", higher,
			"Klyngen: 54,0 % i gennemsnit — målet er 80,0 %, 3 praksis når det",
			"Cluster: 54.0 % on average — the target is 80.0 %, 3 practices reach it"},
		{"higher, one", one,
			"Klyngen: 54,0 % i gennemsnit — målet er 80,0 %, 1 praksis når det",
			"Cluster: 54.0 % on average — the target is 80.0 %, 1 practice reaches it"},
		{"lower", lower,
			"Klyngen: 31,3 % i gennemsnit — målet er højst 20,0 %, 1 praksis er på eller under",
			"Cluster: 31.3 % on average — the target is at most 20.0 %, 1 practice is at or below it"},
		{"none", none,
			"Klyngen: 18,4 ‰ i gennemsnit, fra 9,5 ‰ til 30,0 ‰",
			"Cluster: 18.4 ‰ on average, from 9.5 ‰ to 30.0 ‰"},
		{"direction without target", days,
			"Klyngen: 12 dage i gennemsnit, fra 3 dage til 30 dage",
			"Cluster: 12 days on average, from 3 days to 30 days"},
		{"too few or guessing: the target only", tooFew, "Målet er 80,0 %", "The target is 80.0 %"},
		{"too few, lower", tooFewLower, "Målet er højst 20,0 %", "The target is at most 20.0 %"},
		{"too few, no direction: nothing", tooFewNone, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := headlineText("da", tc.h, chartText("da").Units); got != tc.da {
				t.Errorf("da:\n got %q\nwant %q", got, tc.da)
			}
			if got := headlineText("en", tc.h, chartText("en").Units); got != tc.en {
				t.Errorf("en:\n got %q\nwant %q", got, tc.en)
			}
		})
	}
}

// TestHeadlineAboveTheChart: the headline is the line under the title,
// and in a guess round the drawn chart states no figure of the cluster.
func TestHeadlineAboveTheChart(t *testing.T) {
	c := fourteenPractices()
	v := testView(c, 80, 24, termenv.Ascii)
	lines := strings.Split(v.render(), "\n")
	h := c.Headline(false)
	want := fmt.Sprintf("Klyngen: %s i gennemsnit", formatValue("da", h.Mean, meeting.UnitPercent, chartText("da").Units))
	if !strings.HasPrefix(lines[1], want) {
		t.Fatalf("line 2 = %q, want the headline %q…", lines[1], want)
	}
	v.hidden = true
	frame := v.render()
	lines = strings.Split(frame, "\n")
	if strings.TrimSpace(lines[1]) != "Målet er 80,0 %" {
		t.Errorf("guess round headline = %q, want the pack's target only", lines[1])
	}
	if mean := meeting.FormatNumber(h.Mean, meeting.UnitPercent, "da"); strings.Contains(frame, mean) {
		t.Errorf("guess round shows the mean %s:\n%s", mean, frame)
	}
}
