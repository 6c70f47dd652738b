package meeting_test

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

func value(yd string, v float64) meeting.DataRow {
	return meeting.DataRow{Ydernummer: yd, Indicator: "plan", Value: f(v), Period: "2026"}
}

// trendHistory is four meetings of one indicator whose figures are easy to
// work out by hand; see TestIndicatorTrend.
func trendHistory() []meeting.TrendMeeting {
	day := func(m time.Month) time.Time { return time.Date(2026, m, 3, 17, 30, 0, 0, time.UTC) }
	ind := planIndicator()
	strict := planIndicator()
	strict.MinDenominator, strict.Target = 10, f(85)
	rate := planIndicator()
	rate.Unit = meeting.UnitPer1000
	return []meeting.TrendMeeting{
		{MeetingID: 1, Date: day(1), Indicator: ind, Rows: []meeting.DataRow{
			share("A", 1, 10), share("B", 2, 10), share("C", 3, 10), share("D", 4, 10),
			share("E", 1, 4), // under min_denominator 5: left out
		}},
		{MeetingID: 2, Date: day(4), Indicator: ind, Rows: []meeting.DataRow{
			share("A", 5, 10), share("B", 1, 2), share("C", 1, 3), share("D", 6, 10), // two counted: too few
		}},
		{MeetingID: 4, Date: day(7), Indicator: rate, Rows: []meeting.DataRow{
			share("A", 3, 1000), share("B", 4, 1000), share("C", 5, 1000),
		}},
		{MeetingID: 3, Date: day(10), Indicator: strict, Rows: []meeting.DataRow{
			share("A", 9, 10), share("B", 6, 8), // 8 < this meeting's min_denominator 10
			share("C", 7, 10), share("D", 8, 10), value("E", 50),
		}},
	}
}

// TestIndicatorTrend checks each meeting's cluster figures against values
// worked out by hand (quartiles by linear interpolation, as the chart's
// top quartile), under each meeting's own small-number rules.
func TestIndicatorTrend(t *testing.T) {
	tr := meeting.IndicatorTrend(trendHistory(), 3)
	if tr.Indicator.MinDenominator != 10 || tr.Indicator.Unit != meeting.UnitPercent {
		t.Errorf("the trend is drawn with %+v, want the current meeting's definition", tr.Indicator)
	}
	want := []struct {
		id                         int64
		current                    bool
		gap                        meeting.TrendGap
		counted                    int
		mean, median, q1, q3, targ float64
		hasTarget                  bool
	}{
		// 10, 20, 30, 40: mean 25; Q1 at rank 0.75 = 17.5; Q3 at 2.25 = 32.5.
		{id: 1, counted: 4, mean: 25, median: 25, q1: 17.5, q3: 32.5, targ: 80, hasTarget: true},
		// 50 and 60 count; 1/2 and 1/3 are under 5: two of three needed.
		{id: 2, counted: 2, gap: meeting.GapTooFew, targ: 80, hasTarget: true},
		// per 1000 beside tonight's %: not on the same axis.
		{id: 4, gap: meeting.GapUnit},
		// 50, 70, 80, 90 (6/8 under this meeting's 10): mean 72.5, median
		// 75, Q1 at 0.75 = 65, Q3 at 2.25 = 82.5; this meeting's target 85.
		{id: 3, current: true, counted: 4, mean: 72.5, median: 75, q1: 65, q3: 82.5, targ: 85, hasTarget: true},
	}
	if len(tr.Points) != len(want) {
		t.Fatalf("%d points, want %d: %+v", len(tr.Points), len(want), tr.Points)
	}
	for i, w := range want {
		p := tr.Points[i]
		t.Run(strconv.FormatInt(w.id, 10), func(t *testing.T) {
			if p.MeetingID != w.id || p.Current != w.current || p.Gap != w.gap || p.Counted != w.counted {
				t.Errorf("point %+v, want id %d current %v gap %q counted %d", p, w.id, w.current, w.gap, w.counted)
			}
			if !near(p.Mean, w.mean) || !near(p.Median, w.median) || !near(p.Q1, w.q1) || !near(p.Q3, w.q3) {
				t.Errorf("mean %v median %v band %v–%v, want %v %v %v–%v", p.Mean, p.Median, p.Q1, p.Q3, w.mean, w.median, w.q1, w.q3)
			}
			if (p.Target != nil) != w.hasTarget || (p.Target != nil && *p.Target != w.targ) {
				t.Errorf("target %v, want %v (%v)", p.Target, w.targ, w.hasTarget)
			}
			c, ok := p.Centre(meeting.MarkMedian)
			if ok != (w.gap == meeting.GapNone) || c != w.median {
				t.Errorf("Centre(median) = %v, %v", c, ok)
			}
		})
	}
	if tr.Earlier() != 3 {
		t.Errorf("Earlier() = %d, want 3", tr.Earlier())
	}
	earlier := tr.WithoutCurrent()
	if len(earlier.Points) != 3 || earlier.Points[2].MeetingID != 4 {
		t.Errorf("WithoutCurrent kept %+v", earlier.Points)
	}
	// A meeting not in the history: the newest definition draws it.
	if got := meeting.IndicatorTrend(trendHistory(), 99); got.Indicator.MinDenominator != 10 || got.Earlier() != 4 {
		t.Errorf("trend for a meeting not in the history: %+v", got)
	}
	if got := meeting.IndicatorTrend(nil, 1); len(got.Points) != 0 || got.Earlier() != 0 {
		t.Errorf("empty history gave %+v", got)
	}
}

// TestIndicatorTrendRaisedMinimum: a pack that raises the practices a
// statistic needs makes a gap of a meeting whose chart would show none.
func TestIndicatorTrendRaisedMinimum(t *testing.T) {
	h := trendHistory()[:1]
	h[0].Indicator.MinPractices = 5
	if p := meeting.IndicatorTrend(h, 1).Points[0]; p.Gap != meeting.GapTooFew || p.Counted != 4 {
		t.Errorf("4 counted of 5 needed gave %+v", p)
	}
}

// TestIndicatorTrendMatchesChart: on random figures every point has the
// statistics the meeting's chart shows, and is a gap exactly when the
// chart has too few practices for them.
func TestIndicatorTrendMatchesChart(t *testing.T) {
	rnd := rand.New(rand.NewPCG(17, 20))
	for n := range 200 {
		ind := planIndicator(meeting.MarkMean, meeting.MarkMedian, meeting.MarkTopQuartile)
		ind.MinDenominator = rnd.IntN(8)
		ind.MinPractices = rnd.IntN(5)
		var rows []meeting.DataRow
		labels := map[string]string{}
		for k := range rnd.IntN(9) {
			yd := strconv.Itoa(100000 + k)
			den := float64(1 + rnd.IntN(12))
			rows = append(rows, share(yd, float64(rnd.IntN(int(den)+1)), den))
			labels[yd] = meeting.CodeName(k)
		}
		c := meeting.BuildChart(ind, rows, labels, nil)
		p := meeting.IndicatorTrend([]meeting.TrendMeeting{{MeetingID: 1, Indicator: ind, Rows: rows}}, 1).Points[0]
		if p.Counted != c.Counted {
			t.Fatalf("case %d: counted %d, chart %d", n, p.Counted, c.Counted)
		}
		mean, hasMean := c.Mark(meeting.MarkMean)
		median, _ := c.Mark(meeting.MarkMedian)
		top, _ := c.Mark(meeting.MarkTopQuartile)
		if (p.Gap == meeting.GapNone) != hasMean {
			t.Fatalf("case %d: gap %q but the chart has a mean: %v", n, p.Gap, hasMean)
		}
		if hasMean && (!near(p.Mean, mean) || !near(p.Median, median) || !near(p.Q3, top)) {
			t.Fatalf("case %d: trend %v/%v/%v, chart %v/%v/%v", n, p.Mean, p.Median, p.Q3, mean, median, top)
		}
	}
}

// TestPracticeSeries: one practice's own figure per meeting, with the
// small-number flag of each meeting's rule and a hole where it had none.
func TestPracticeSeries(t *testing.T) {
	h := trendHistory()
	tests := []struct {
		yd   string
		want []meeting.SeriesPoint
	}{
		{"B", []meeting.SeriesPoint{
			{MeetingID: 1, Has: true, Value: 20, Unit: meeting.UnitPercent},
			{MeetingID: 2, Has: true, Value: 50, Low: true, Unit: meeting.UnitPercent},
			{MeetingID: 4, Has: true, Value: 4, Unit: meeting.UnitPer1000},
			{MeetingID: 3, Has: true, Value: 75, Low: true, Unit: meeting.UnitPercent},
		}},
		{"E", []meeting.SeriesPoint{
			{MeetingID: 1, Has: true, Value: 25, Low: true, Unit: meeting.UnitPercent},
			{MeetingID: 2, Unit: meeting.UnitPercent},
			{MeetingID: 4, Unit: meeting.UnitPer1000},
			{MeetingID: 3, Has: true, Value: 50, Unit: meeting.UnitPercent},
		}},
		{"nobody", []meeting.SeriesPoint{
			{MeetingID: 1, Unit: meeting.UnitPercent}, {MeetingID: 2, Unit: meeting.UnitPercent},
			{MeetingID: 4, Unit: meeting.UnitPer1000}, {MeetingID: 3, Unit: meeting.UnitPercent},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.yd, func(t *testing.T) {
			got := meeting.PracticeSeries(h, tt.yd)
			if len(got) != len(tt.want) {
				t.Fatalf("%d points, want %d", len(got), len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.MeetingID != w.MeetingID || g.Has != w.Has || !near(g.Value, w.Value) || g.Low != w.Low || g.Unit != w.Unit || !g.Date.Equal(h[i].Date) {
					t.Errorf("point %d = %+v, want %+v", i, g, w)
				}
				if g.Has && (g.Denominator == nil) != (tt.yd == "E" && i == 3) {
					t.Errorf("point %d: numerator/denominator %v/%v", i, g.Numerator, g.Denominator)
				}
			}
		})
	}
}

func TestCentreMark(t *testing.T) {
	ctx := planIndicator(meeting.MarkMedian)
	ctx.Context = true
	for _, tt := range []struct {
		ind  meeting.Indicator
		want meeting.MarkKind
	}{
		{planIndicator(), meeting.MarkMean},
		{planIndicator(meeting.MarkTarget), meeting.MarkMean},
		{planIndicator(meeting.MarkMedian, meeting.MarkTarget), meeting.MarkMedian},
		{planIndicator(meeting.MarkMedian, meeting.MarkMean), meeting.MarkMean},
		{planIndicator(meeting.MarkMean, meeting.MarkMedian), meeting.MarkMean},
		{ctx, meeting.MarkMean},
	} {
		if got := tt.ind.CentreMark(); got != tt.want {
			t.Errorf("CentreMark of marks %v (context %v) = %s, want %s", tt.ind.Marks, tt.ind.Context, got, tt.want)
		}
	}
}

// TestMeetingTrend: the meeting's own point comes from its figures as
// they are now, only its coded practices count, and a stale copy of it in
// the history is replaced.
func TestMeetingTrend(t *testing.T) {
	h := trendHistory()[:2]
	ind := planIndicator()
	m := meeting.Meeting{ID: 7, PlannedStart: time.Date(2026, 12, 1, 17, 30, 0, 0, time.UTC),
		Pack:  meeting.Pack{Indicators: []meeting.Indicator{ind}},
		Codes: map[string]string{"A": "Q", "B": "R", "C": "S"},
		Values: []meeting.DataRow{share("A", 6, 10), share("B", 7, 10), share("C", 8, 10),
			share("X", 1, 10)}} // no code: not on the chart, not in the trend
	stale := meeting.TrendMeeting{MeetingID: 7, Indicator: ind, Rows: []meeting.DataRow{share("A", 0, 10)}}
	tr := m.Trend("plan", append(h, stale))
	if len(tr.Points) != 3 {
		t.Fatalf("%d points: %+v", len(tr.Points), tr.Points)
	}
	own := tr.Points[2]
	if !own.Current || own.Counted != 3 || !near(own.Mean, 70) || !own.Date.Equal(m.PlannedStart) {
		t.Errorf("the meeting's own point is %+v, want 60/70/80 counted, mean 70", own)
	}
	if tr.Earlier() != 2 {
		t.Errorf("Earlier() = %d", tr.Earlier())
	}
}

// TestShowTrend: the trend is stored with the item and page it belongs
// to, and turning the page ends it.
func TestShowTrend(t *testing.T) {
	m := meeting.Meeting{}
	m = m.ShowTrend(2, true)
	if cs := m.DataScreen; cs.Item != 2 || cs.Page != 0 || !cs.Trend {
		t.Fatalf("ShowTrend on an untouched item: %+v", cs)
	}
	m = m.TurnChart(2, 1, 4)
	if cs := m.DataScreen; cs.Page != 1 || cs.Trend {
		t.Fatalf("turning the page kept the trend: %+v", cs)
	}
	m = m.ShowTrend(2, true)
	if cs := m.DataScreen; cs.Page != 1 || !cs.Trend {
		t.Fatalf("ShowTrend on page 2: %+v", cs)
	}
	if cs := m.TurnChart(2, 1, 2).DataScreen; !cs.Trend {
		t.Errorf("a turn past the last page (no turn) ended the trend: %+v", cs)
	}
	if cs := m.ShowTrend(2, false).DataScreen; cs.Trend || cs.Page != 1 {
		t.Errorf("ShowTrend off: %+v", cs)
	}
}
