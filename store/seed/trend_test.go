package seed_test

import (
	"context"
	"maps"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store/seed"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestIndicatorHistory reads trends from a generated history of 17
// meetings (four years and tonight's) of a small cluster, beside a second
// cluster in the same file, and checks them against each meeting's own
// chart, and against figures worked out by hand for two meetings whose
// figures it imports.
func TestIndicatorHistory(t *testing.T) {
	ctx := context.Background()
	s, r := seeded(t, seed.Options{Years: 4, Practices: 6, Doctors: 14, Seed: 3})
	other, err := seed.History(ctx, s, seed.Options{Years: 1, Practices: 5, Doctors: 14, Now: now, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Cluster(ctx, r.ClusterID)
	if err != nil {
		t.Fatal(err)
	}
	yds := make([]string, len(c.Practices))
	for i, p := range c.Practices {
		yds[i] = p.Ydernummer
	}

	// Figures worked out by hand on two held meetings: the third gets
	// 10 %, 20 %, …, 50 % and one practice under the minimum of 5; the
	// fourth two counted practices and four under it.
	fig := func(yd string, num, den float64) meeting.DataRow {
		return meeting.DataRow{Ydernummer: yd, Indicator: "kol-spirometri", Numerator: &num, Denominator: &den, Period: "2025"}
	}
	if _, err := s.ImportValues(ctx, r.Meetings[2], []meeting.DataRow{
		fig(yds[0], 1, 10), fig(yds[1], 2, 10), fig(yds[2], 3, 10), fig(yds[3], 4, 10), fig(yds[4], 5, 10), fig(yds[5], 1, 4),
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportValues(ctx, r.Meetings[3], []meeting.DataRow{
		fig(yds[0], 7, 10), fig(yds[1], 8, 10), fig(yds[2], 1, 4), fig(yds[3], 1, 3), fig(yds[4], 2, 4), fig(yds[5], 0, 1),
	}); err != nil {
		t.Fatal(err)
	}
	spiro, err := s.IndicatorHistory(ctx, r.Latest(), "kol-spirometri")
	if err != nil {
		t.Fatal(err)
	}
	tr := meeting.IndicatorTrend(spiro, r.Latest())
	for _, tt := range []struct {
		name                 string
		point                int
		gap                  meeting.TrendGap
		counted              int
		mean, median, q1, q3 float64
	}{
		// 10..50 counted, 1/4 not: mean 30, median 30, Q1 20, Q3 40.
		{name: "by hand", point: 2, counted: 5, mean: 30, median: 30, q1: 20, q3: 40},
		// 70 and 80 counted, four under 5: too few for a figure.
		{name: "too few", point: 3, counted: 2, gap: meeting.GapTooFew},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := tr.Points[tt.point]
			if p.MeetingID != r.Meetings[tt.point] || p.Gap != tt.gap || p.Counted != tt.counted ||
				!near(p.Mean, tt.mean) || !near(p.Median, tt.median) || !near(p.Q1, tt.q1) || !near(p.Q3, tt.q3) {
				t.Errorf("point %+v, want %+v", p, tt)
			}
		})
	}

	for _, tt := range []struct {
		name      string
		upTo      int // index in r.Meetings
		indicator string
	}{
		{"tonight", len(r.Meetings) - 1, "kol-forloebsplan"},
		{"a held meeting", 5, "kol-forloebsplan"},
		{"the first", 0, "kol-prevalens"},
		{"with a gap", len(r.Meetings) - 1, "kol-inhalation"},
		{"guess round", len(r.Meetings) - 1, "kol-spirometri"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			current := r.Meetings[tt.upTo]
			h, err := s.IndicatorHistory(ctx, current, tt.indicator)
			if err != nil {
				t.Fatal(err)
			}
			// Every meeting of this cluster up to the current one, oldest
			// first; none of the other cluster's, none planned later.
			if len(h) != tt.upTo+1 {
				t.Fatalf("%d meetings, want %d", len(h), tt.upTo+1)
			}
			trend := meeting.IndicatorTrend(h, current)
			for i, hm := range h {
				if hm.MeetingID != r.Meetings[i] || (i > 0 && !hm.Date.After(h[i-1].Date)) {
					t.Fatalf("meeting %d of the history is %d at %v", i, hm.MeetingID, hm.Date)
				}
				m, err := s.Meeting(ctx, hm.MeetingID)
				if err != nil {
					t.Fatal(err)
				}
				ind, _ := m.Pack.Indicator(tt.indicator)
				if hm.Indicator.ID != ind.ID || !equalPtr(hm.Indicator.Target, ind.Target) || hm.Indicator.MinDenominator != ind.MinDenominator {
					t.Errorf("meeting %d: indicator %+v, snapshot has %+v", i, hm.Indicator, ind)
				}
				var rows []meeting.DataRow
				for _, v := range m.Values {
					if v.Indicator == tt.indicator {
						rows = append(rows, v)
					}
				}
				if len(hm.Rows) != len(rows) {
					t.Fatalf("meeting %d: %d rows, the meeting has %d", i, len(hm.Rows), len(rows))
				}
				// The point has what the meeting's own chart shows.
				ind.Marks = []meeting.MarkKind{meeting.MarkMean, meeting.MarkMedian, meeting.MarkTopQuartile}
				chart := meeting.BuildChart(ind, rows, m.Labels(nil), nil)
				p := trend.Points[i]
				mean, ok := chart.Mark(meeting.MarkMean)
				median, _ := chart.Mark(meeting.MarkMedian)
				top, _ := chart.Mark(meeting.MarkTopQuartile)
				if p.Counted != chart.Counted || (p.Gap == meeting.GapNone) != ok || p.Current != (i == tt.upTo) {
					t.Errorf("meeting %d: point %+v, chart counted %d, mean shown %v", i, p, chart.Counted, ok)
				}
				if ok && (!near(p.Mean, mean) || !near(p.Median, median) || !near(p.Q3, top)) {
					t.Errorf("meeting %d: trend %v/%v/%v, chart %v/%v/%v", i, p.Mean, p.Median, p.Q3, mean, median, top)
				}
				if !equalPtr(p.Target, ind.Target) {
					t.Errorf("meeting %d: target %v, want %v", i, p.Target, ind.Target)
				}
				// The practice's own series has its own figure here.
				series := meeting.PracticeSeries(h, yds[1])
				var own *meeting.DataRow
				for _, v := range rows {
					if v.Ydernummer == yds[1] {
						own = &v
					}
				}
				if sp := series[i]; sp.Has != (own != nil) || (own != nil && sp.Low != ind.IsLow(*own)) {
					t.Errorf("meeting %d: own point %+v, row %+v", i, sp, own)
				}
			}
			if tt.indicator == "kol-inhalation" && tt.upTo > 1 {
				if p := trend.Points[1]; p.Gap != meeting.GapTooFew || p.Counted != 2 {
					t.Errorf("the seed's gap meeting gave %+v", p)
				}
			}
		})
	}

	// The care-plan target was raised two years before tonight.
	h, err := s.IndicatorHistory(ctx, r.Latest(), "kol-forloebsplan")
	if err != nil {
		t.Fatal(err)
	}
	if first, last := h[0].Indicator.Target, h[len(h)-1].Indicator.Target; first == nil || last == nil || *first != 70 || *last != 80 {
		t.Errorf("target %v at the first meeting and %v tonight, want 70 and 80", first, last)
	}

	// The second cluster's history is its own.
	h, err = s.IndicatorHistory(ctx, other.Latest(), "kol-forloebsplan")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != len(other.Meetings) || h[0].MeetingID != other.Meetings[0] {
		t.Errorf("the other cluster's history has %d meetings from %d, want %d from %d", len(h), h[0].MeetingID, len(other.Meetings), other.Meetings[0])
	}
	if h, err := s.IndicatorHistory(ctx, r.Latest(), "no-such-indicator"); err != nil || len(h) != 0 {
		t.Errorf("an indicator no pack has: %v, %v", h, err)
	}
	if _, err := s.IndicatorHistory(ctx, 9999, "kol-forloebsplan"); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("a missing meeting: %v", err)
	}

	// The trend page is shared state: a window that shows it through
	// UpdateRun (as projector and consoles do) stores it, and turning
	// the page ends it.
	for _, step := range []struct {
		op    func(meeting.Meeting) meeting.Meeting
		trend bool
	}{
		{func(m meeting.Meeting) meeting.Meeting { return m.ShowTrend(2, true) }, true},
		{func(m meeting.Meeting) meeting.Meeting { return m.TurnChart(2, 1, 5) }, false},
		{func(m meeting.Meeting) meeting.Meeting { return m.ShowTrend(2, true) }, true},
		{func(m meeting.Meeting) meeting.Meeting { return m.ShowTrend(2, false) }, false},
	} {
		if _, _, err := s.UpdateRun(ctx, r.Latest(), func(m meeting.Meeting) (meeting.Meeting, error) { return step.op(m), nil }); err != nil {
			t.Fatal(err)
		}
		m, err := s.Meeting(ctx, r.Latest())
		if err != nil {
			t.Fatal(err)
		}
		if m.DataScreen.Trend != step.trend {
			t.Errorf("stored chart state %+v, want trend %v", m.DataScreen, step.trend)
		}
	}
}

func equalPtr(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// BenchmarkIndicatorHistory reads one indicator across the ten-year
// history's 41 meetings and computes its trend, as opening the trend page
// does.
func BenchmarkIndicatorHistory(b *testing.B) {
	s, r, _ := tenYears(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		h, err := s.IndicatorHistory(ctx, r.Latest(), "kol-forloebsplan")
		if err != nil {
			b.Fatal(err)
		}
		if tr := meeting.IndicatorTrend(h, r.Latest()); len(tr.Points) != 41 {
			b.Fatalf("%d points", len(tr.Points))
		}
	}
}

// TestIndicatorHistories reads every indicator's history at once, as the
// slips do, and checks each against the meetings themselves: the meetings
// whose snapshot has the indicator, the indicator as that snapshot
// defines it, and the figures of the practices with a code there.
func TestIndicatorHistories(t *testing.T) {
	ctx := context.Background()
	s, r := seeded(t, seed.Options{Years: 3, Practices: 6, Doctors: 14, Seed: 5})
	for _, tt := range []struct {
		name string
		upTo int // index in r.Meetings
	}{
		{"tonight", len(r.Meetings) - 1},
		{"a held meeting", 4},
		{"the first", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			current := r.Meetings[tt.upTo]
			cur, err := s.Meeting(ctx, current)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, ind := range cur.Pack.Indicators {
				ids = append(ids, ind.ID)
			}
			if len(ids) < 2 {
				t.Fatalf("the pack has %d indicators; the test needs several", len(ids))
			}
			hs, err := s.IndicatorHistories(ctx, current, append(ids, "no-such-indicator", ids[0]))
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := hs["no-such-indicator"]; ok || len(hs) != len(ids) {
				t.Errorf("histories of %d indicators (%v), want %d", len(hs), slices.Sorted(maps.Keys(hs)), len(ids))
			}
			for _, id := range ids {
				h := hs[id]
				if len(h) != tt.upTo+1 {
					t.Fatalf("%s: %d meetings, want %d", id, len(h), tt.upTo+1)
				}
				for i, hm := range h {
					m, err := s.Meeting(ctx, r.Meetings[i])
					if err != nil {
						t.Fatal(err)
					}
					ind, _ := m.Pack.Indicator(id)
					if hm.MeetingID != m.ID || !hm.Date.Equal(m.PlannedStart) || !reflect.DeepEqual(hm.Indicator, ind) {
						t.Errorf("%s, meeting %d: %d at %v with %+v; want %d at %v with %+v", id, i, hm.MeetingID, hm.Date, hm.Indicator, m.ID, m.PlannedStart, ind)
					}
					var rows []meeting.DataRow
					for _, v := range m.Values {
						if _, coded := m.Codes[v.Ydernummer]; coded && v.Indicator == id {
							rows = append(rows, v)
						}
					}
					if !reflect.DeepEqual(hm.Rows, rows) {
						t.Errorf("%s, meeting %d: rows %+v, want %+v", id, i, hm.Rows, rows)
					}
				}
				// One indicator alone reads the same.
				one, err := s.IndicatorHistory(ctx, current, id)
				if err != nil || !reflect.DeepEqual(one, h) {
					t.Errorf("%s alone: %v, %v; differs from the history read with the others", id, one, err)
				}
			}
		})
	}
	if _, err := s.IndicatorHistories(ctx, 9999, []string{"kol-forloebsplan"}); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("a missing meeting: %v", err)
	}
	if hs, err := s.IndicatorHistories(ctx, r.Latest(), nil); err != nil || len(hs) != 0 {
		t.Errorf("no indicators: %v, %v", hs, err)
	}
}

// BenchmarkIndicatorHistories reads every indicator of tonight's pack
// across the ten-year history at once, as the slips export does.
func BenchmarkIndicatorHistories(b *testing.B) {
	s, r, _ := tenYears(b)
	ctx := context.Background()
	m, err := s.Meeting(ctx, r.Latest())
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for _, ind := range m.Pack.Indicators {
		ids = append(ids, ind.ID)
	}
	b.Run("together", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			hs, err := s.IndicatorHistories(ctx, r.Latest(), ids)
			if err != nil {
				b.Fatal(err)
			}
			if len(hs) != len(ids) {
				b.Fatalf("%d histories, want %d", len(hs), len(ids))
			}
		}
	})
	b.Run("each", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, id := range ids {
				if _, err := s.IndicatorHistory(ctx, r.Latest(), id); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
