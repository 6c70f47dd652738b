package meeting_test

import (
	"fmt"
	"testing"

	"github.com/klynge/klynge/meeting"
)

// headlineChart builds a chart of ind over practices with the given
// numerators out of 20 (a denominator of 2 for "low").
func headlineChart(ind meeting.Indicator, nums ...float64) meeting.Chart {
	var rows []meeting.DataRow
	labels := map[string]string{}
	for i, n := range nums {
		yd := fmt.Sprintf("1000%02d", i)
		den := 20.0
		if n < 0 { // a practice under the minimum denominator
			n, den = 1, 2
		}
		r := share(yd, n, den)
		r.Indicator = ind.ID
		rows = append(rows, r)
		labels[yd] = meeting.CodeName(i)
	}
	return meeting.BuildChart(ind, rows, labels, nil)
}

func TestHeadline(t *testing.T) {
	higher := planIndicator()
	lower := planIndicator()
	lower.Better, lower.Target = meeting.LowerIsBetter, f(25)
	none := planIndicator()
	none.Better = meeting.NoDirection
	noTarget := planIndicator()
	noTarget.Target = nil
	for _, tc := range []struct {
		name    string
		ind     meeting.Indicator
		nums    []float64 // out of 20: ×5 is the share in %
		hidden  bool
		stat    bool
		mean    float64
		min     float64
		max     float64
		reached int
		counted int
	}{
		// 90, 80, 60, 40 %: two reach 80 (80 exactly counts).
		{name: "higher", ind: higher, nums: []float64{18, 16, 12, 8}, stat: true, mean: 67.5, min: 40, max: 90, reached: 2, counted: 4},
		// 10, 25, 50 %: at or under 25 are two.
		{name: "lower", ind: lower, nums: []float64{2, 5, 10}, stat: true, mean: 85.0 / 3, min: 10, max: 50, reached: 2, counted: 3},
		// No direction: no judgement, so nothing reached even with a target.
		{name: "none", ind: none, nums: []float64{2, 18, 10}, stat: true, mean: 50, min: 10, max: 90, counted: 3},
		{name: "no target", ind: noTarget, nums: []float64{18, 16, 12}, stat: true, mean: 230.0 / 3, min: 60, max: 90, counted: 3},
		// A practice under the minimum denominator is not counted: its
		// 50 % would pull the mean down and count towards none.
		{name: "low left out", ind: higher, nums: []float64{18, 16, 12, -1}, stat: true, mean: 230.0 / 3, min: 60, max: 90, reached: 2, counted: 3},
		// Fewer counted practices than the minimum: no statistic.
		{name: "too few", ind: higher, nums: []float64{18, 16, -1, -1}, counted: 2},
		{name: "no bars", ind: higher},
		// While the room guesses: nothing computed from the figures.
		{name: "guess round", ind: higher, nums: []float64{18, 16, 12, 8}, hidden: true, counted: 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := headlineChart(tc.ind, tc.nums...).Headline(tc.hidden)
			if h.Stat != tc.stat || h.Counted != tc.counted || h.Reached != tc.reached {
				t.Fatalf("stat %v counted %d reached %d, want %v %d %d", h.Stat, h.Counted, h.Reached, tc.stat, tc.counted, tc.reached)
			}
			if !tc.stat {
				if h.Mean != 0 || h.Min != 0 || h.Max != 0 {
					t.Errorf("a headline without statistic carries figures: %+v", h)
				}
				return
			}
			if !near(h.Mean, tc.mean) || !near(h.Min, tc.min) || !near(h.Max, tc.max) {
				t.Errorf("mean %v min %v max %v, want %v %v %v", h.Mean, h.Min, h.Max, tc.mean, tc.min, tc.max)
			}
			if (h.Target == nil) != (tc.ind.Target == nil) {
				t.Errorf("target %v, pack says %v", h.Target, tc.ind.Target)
			}
		})
	}
}

// TestReachesAsShown: a value the chart writes as the target reaches it,
// whichever way it was rounded.
func TestReachesAsShown(t *testing.T) {
	for _, tc := range []struct {
		better meeting.Direction
		unit   meeting.Unit
		v, t   float64
		want   bool
	}{
		{meeting.HigherIsBetter, meeting.UnitPercent, 79.96, 80, true}, // shown as 80,0 %
		{meeting.HigherIsBetter, meeting.UnitPercent, 79.94, 80, false},
		{meeting.LowerIsBetter, meeting.UnitPercent, 20.04, 20, true}, // shown as 20,0 %
		{meeting.LowerIsBetter, meeting.UnitPercent, 20.06, 20, false},
		{meeting.HigherIsBetter, meeting.UnitDays, 13.6, 14, true}, // shown as 14
		{meeting.NoDirection, meeting.UnitPercent, 90, 80, false},
	} {
		if got := meeting.Reaches(tc.better, tc.unit, tc.v, tc.t); got != tc.want {
			t.Errorf("Reaches(%s, %s, %v, %v) = %v, want %v", tc.better, tc.unit, tc.v, tc.t, got, tc.want)
		}
	}
}
