package meeting_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

func TestRoundSharesSumTo100(t *testing.T) {
	for _, tc := range []struct {
		shares []float64
		want   []int
	}{
		{[]float64{100.0 / 3, 100.0 / 3, 100.0 / 3}, []int{34, 33, 33}}, // a tie: the first gets the point
		{[]float64{66.5, 33.5}, []int{67, 33}},
		{[]float64{12.4, 12.4, 75.2}, []int{13, 12, 75}}, // 12+12+75 = 99: the point goes to the first of the equal remainders
		{[]float64{0.3, 0.5, 99.2}, []int{0, 1, 99}},
		{[]float64{100, 0, 0}, []int{100, 0, 0}},
		{[]float64{1.0 / 7 * 100, 2.0 / 7 * 100, 4.0 / 7 * 100}, []int{14, 29, 57}},
		{[]float64{0, 0}, []int{0, 0}},
	} {
		got := meeting.RoundShares(tc.shares)
		if !slices.Equal(got, tc.want) {
			t.Errorf("RoundShares(%v) = %v, want %v", tc.shares, got, tc.want)
		}
	}
	// Any split of any denominator adds up to exactly 100.
	for den := 1; den <= 60; den++ {
		for a := 0; a <= den; a++ {
			for b := 0; a+b <= den; b += 3 {
				c := den - a - b
				got := meeting.RoundShares([]float64{float64(a) / float64(den) * 100, float64(b) / float64(den) * 100, float64(c) / float64(den) * 100})
				if got[0]+got[1]+got[2] != 100 {
					t.Fatalf("%d/%d/%d of %d rounds to %v", a, b, c, den, got)
				}
			}
		}
	}
}

// choiceRows gives practice yd counts for the options a, b, c over den.
func choiceRows(yd string, den float64, nums ...float64) []meeting.DataRow {
	var rows []meeting.DataRow
	for i, n := range nums {
		rows = append(rows, meeting.DataRow{Ydernummer: yd, Indicator: []string{"piv", "sul", "cip"}[i], Numerator: f(n), Denominator: f(den), Period: "2026Q3"})
	}
	return rows
}

func choiceFixture() (meeting.Choice, []meeting.Indicator) {
	ch := meeting.Choice{ID: "valg", Title: "Valg", Options: []string{"sul", "piv", "cip"}, Preferred: "piv", Target: f(75)}
	opt := func(id string) meeting.Indicator {
		return meeting.Indicator{ID: id, Title: id, Unit: meeting.UnitPercent, MinDenominator: 5}
	}
	return ch, []meeting.Indicator{opt("piv"), opt("sul"), opt("cip")}
}

func TestChoiceChart(t *testing.T) {
	ch, opts := choiceFixture()
	type practice struct {
		yd   string
		den  float64
		nums []float64
	}
	for _, tc := range []struct {
		name      string
		practices []practice
		hidden    bool
		order     []string // labels as drawn
		low       []string
		mismatch  []string
		missing   []string
		counted   int
		other     bool
		mix       []int // shown, preferred first; nil when none
		headline  meeting.ChoiceHeadline
	}{
		{name: "three practices",
			practices: []practice{{"A", 10, []float64{5, 3, 2}}, {"B", 20, []float64{18, 1, 1}}, {"C", 30, []float64{10, 10, 10}}},
			order:     []string{"B", "A", "C"}, counted: 3,
			// Pooled: 33 of 60 piv (55 %), 14 sul, 13 cip.
			mix:      []int{55, 23, 22},
			headline: meeting.ChoiceHeadline{Preferred: "piv", Stat: true, Share: 55, Target: f(75), Reached: 1}},
		{name: "n<5 is shown, not ranked, not in the mix",
			practices: []practice{{"A", 10, []float64{5, 3, 2}}, {"B", 20, []float64{18, 1, 1}}, {"C", 30, []float64{10, 10, 10}}, {"D", 4, []float64{4, 0, 0}}},
			order:     []string{"B", "A", "C", "D"}, low: []string{"D"}, counted: 3,
			mix:      []int{55, 23, 22},
			headline: meeting.ChoiceHeadline{Preferred: "piv", Stat: true, Share: 55, Target: f(75), Reached: 1}},
		{name: "too few counted: no mix, no figures in the headline",
			practices: []practice{{"A", 10, []float64{5, 3, 2}}, {"B", 20, []float64{18, 1, 1}}, {"D", 4, []float64{4, 0, 0}}},
			order:     []string{"B", "A", "D"}, low: []string{"D"}, counted: 2,
			headline: meeting.ChoiceHeadline{Preferred: "piv", Target: f(75)}},
		{name: "guess round: bars built, nothing stated",
			practices: []practice{{"A", 10, []float64{5, 3, 2}}, {"B", 20, []float64{18, 1, 1}}, {"C", 30, []float64{10, 10, 10}}},
			hidden:    true, order: []string{"B", "A", "C"}, counted: 3, mix: []int{55, 23, 22},
			headline: meeting.ChoiceHeadline{Preferred: "piv", Target: f(75)}},
		{name: "a rest becomes other",
			practices: []practice{{"A", 10, []float64{5, 3, 1}}, {"B", 20, []float64{18, 1, 1}}, {"C", 30, []float64{10, 10, 10}}},
			order:     []string{"B", "A", "C"}, counted: 3, other: true,
			mix:      []int{55, 23, 20, 2},
			headline: meeting.ChoiceHeadline{Preferred: "piv", Stat: true, Share: 55, Target: f(75), Reached: 1}},
		{name: "rows that do not fit: listed, not counted",
			practices: []practice{{"A", 10, []float64{5, 3, 2}}, {"B", 20, []float64{18, 1, 1}}, {"C", 30, []float64{10, 10, 10}},
				{"E", 10, []float64{8, 8, 8}}, {"F", 10, []float64{8, 2}}},
			order: []string{"B", "A", "C", "E", "F"}, mismatch: []string{"E", "F"}, counted: 3,
			mix:      []int{55, 23, 22},
			headline: meeting.ChoiceHeadline{Preferred: "piv", Stat: true, Share: 55, Target: f(75), Reached: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rows []meeting.DataRow
			labels := map[string]string{"G": "G"} // G sent nothing
			for _, p := range tc.practices {
				rows = append(rows, choiceRows(p.yd, p.den, p.nums...)...)
				labels[p.yd] = p.yd
			}
			c := meeting.BuildChoiceChart(ch, opts, rows, labels, nil)
			var order, low, mismatch []string
			for _, b := range c.Bars {
				order = append(order, b.Label)
				switch {
				case b.Low:
					low = append(low, b.Label)
				case b.Mismatch:
					mismatch = append(mismatch, b.Label)
				}
				if b.Low || b.Mismatch {
					if b.Shares != nil || b.Shown != nil {
						t.Errorf("%s is not drawn but carries shares %v", b.Label, b.Shares)
					}
					continue
				}
				sum := 0
				for _, s := range b.Shown {
					sum += s
				}
				if sum != 100 || len(b.Shown) != c.Segments() {
					t.Errorf("%s shows %v (sum %d) for %d segments", b.Label, b.Shown, sum, c.Segments())
				}
			}
			if !slices.Equal(order, tc.order) || !slices.Equal(low, tc.low) || !slices.Equal(mismatch, tc.mismatch) {
				t.Errorf("order %v low %v mismatch %v, want %v %v %v", order, low, mismatch, tc.order, tc.low, tc.mismatch)
			}
			if !slices.Equal(c.Missing, []string{"G"}) || c.Counted != tc.counted || c.Other != tc.other {
				t.Errorf("missing %v counted %d other %v", c.Missing, c.Counted, c.Other)
			}
			if !slices.Equal(c.MixShown, tc.mix) || (c.Mix == nil) != (tc.mix == nil) || c.TooFew != (tc.mix == nil) {
				t.Errorf("mix %v (too few %v), want %v", c.MixShown, c.TooFew, tc.mix)
			}
			if h := c.Headline(tc.hidden); fmt.Sprint(h.Preferred, h.Stat, h.Share, *h.Target, h.Reached) !=
				fmt.Sprint(tc.headline.Preferred, tc.headline.Stat, tc.headline.Share, *tc.headline.Target, tc.headline.Reached) {
				t.Errorf("headline %+v, want %+v", h, tc.headline)
			}
		})
	}
}

// TestChoiceChartNamesOnlyConsenting: a practice is drawn under its name
// only when it consented at this meeting.
func TestChoiceChartNamesOnlyConsenting(t *testing.T) {
	ch, opts := choiceFixture()
	p := meeting.Pack{Indicators: opts, Choices: []meeting.Choice{ch}}
	m := meeting.Meeting{Pack: p, Codes: map[string]string{"100001": "A", "100002": "B", "100003": "C"},
		Consents: map[string]time.Time{"100002": time.Date(2026, 11, 30, 18, 0, 0, 0, time.UTC)}}
	for _, yd := range []string{"100001", "100002", "100003"} {
		m.Values = append(m.Values, choiceRows(yd, 10, 5, 3, 2)...)
	}
	c, err := m.ChoiceChart("valg", map[string]string{"100001": "Lægerne Øst", "100002": "Lægerne Vest", "100003": "Lægerne Nord"})
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, b := range c.Bars {
		labels = append(labels, b.Label)
		if b.Named != (b.Label == "Lægerne Vest") {
			t.Errorf("%s named %v", b.Label, b.Named)
		}
	}
	if !slices.Equal(labels, []string{"A", "C", "Lægerne Vest"}) {
		t.Errorf("labels %v", labels)
	}
	if _, err := m.ChoiceChart("nope", nil); err == nil {
		t.Error("an unknown choice was charted")
	}
}

func TestChoiceMisfits(t *testing.T) {
	ch, opts := choiceFixture()
	p := meeting.Pack{Indicators: opts, Choices: []meeting.Choice{ch}}
	value := meeting.DataRow{Ydernummer: "V", Indicator: "cip", Value: f(20)}
	var rows []meeting.DataRow
	rows = append(rows, choiceRows("A", 10, 5, 3, 2)...) // fits
	rows = append(rows, choiceRows("B", 10, 5, 3)...)    // cip missing
	rows = append(rows, choiceRows("C", 10, 8, 8, 8)...) // over
	d := choiceRows("D", 10, 5, 3, 2)
	d[2].Denominator = f(12) // denominators differ
	rows = append(rows, d...)
	rows = append(rows, choiceRows("V", 10, 5, 3)...)
	rows = append(rows, value)
	got := meeting.ChoiceMisfits(p, rows)
	want := []string{"B 1 [cip] []", "C 4 [] [10 10 10]", "D 3 [] [10 10 12]", "V 2 [cip] []"}
	var have []string
	for _, m := range got {
		have = append(have, fmt.Sprint(m.Ydernummer, " ", int(m.Kind), " ", m.Options, " ", m.Denominators))
	}
	if !slices.Equal(have, want) {
		t.Errorf("misfits\n%v\nwant\n%v", have, want)
	}
}
