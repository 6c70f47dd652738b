package meeting

import "time"

// A trend follows one indicator across the cluster's meetings. The store
// reads the history (store.Store.IndicatorHistory: every meeting of the
// cluster up to and including the current one whose pack snapshot has the
// indicator, oldest first, with the figures of the practices that had a
// code at it), and two functions turn it into what is shown:
//
//   - IndicatorTrend: the cluster's figures per meeting (mean, median,
//     quartile band, target, practices counted) for the projected trend
//     page and the slip's cluster line. It holds no practice at all.
//   - PracticeSeries: one practice's own value per meeting, for its slip
//     only; never projected.
//
// Codes are per meeting: nothing here carries a code, so nothing built on
// it can link one meeting's code to another's.

// TrendMeeting is one meeting's figures for one indicator, as the store
// reads them for a trend.
type TrendMeeting struct {
	MeetingID int64
	// Date is the meeting's planned start.
	Date time.Time
	// Indicator is the indicator as that meeting's pack snapshot defines
	// it: unit, direction, target and small-number rules may differ from
	// tonight's.
	Indicator Indicator
	// Rows are the figures of the practices that had a code at that
	// meeting (the chart leaves the others out), in no particular order.
	Rows []DataRow
}

// TrendGap says why a meeting of a trend has no cluster figure.
type TrendGap string

// The reasons a trend point is a gap.
const (
	// GapNone: the point has its statistics.
	GapNone TrendGap = ""
	// GapTooFew: fewer practices counted than the indicator's
	// StatMinPractices at that meeting, so its chart showed no statistic
	// and the trend shows none either.
	GapTooFew TrendGap = "too-few"
	// GapUnit: that meeting measured the indicator in another unit than
	// the current meeting, so its figures cannot be drawn on one axis.
	GapUnit TrendGap = "unit"
)

// IndicatorPoint is the cluster's figure for one meeting of a trend.
type IndicatorPoint struct {
	MeetingID int64
	Date      time.Time
	// Period is the period of the meeting's figures (the first row's, as
	// the chart takes it).
	Period string
	// Current marks the meeting the trend is drawn for.
	Current bool
	// Counted is how many practices counted towards the statistics, after
	// the small-number rule of that meeting's snapshot; Needed is how many
	// a statistic needed there (its StatMinPractices).
	Counted int
	Needed  int
	// Gap is set when the meeting has no statistic; Mean, Median, Q1 and
	// Q3 are then zero and must not be shown.
	Gap    TrendGap
	Mean   float64
	Median float64
	// Q1 and Q3 bound the middle half of the counted practices (the
	// quartile band).
	Q1, Q3 float64
	// Target is the target that meeting's pack set; nil when none (or a
	// unit gap).
	Target *float64
}

// Centre is the point's mean or median, as kind asks; false for a gap.
func (p IndicatorPoint) Centre(kind MarkKind) (float64, bool) {
	switch {
	case p.Gap != GapNone:
		return 0, false
	case kind == MarkMedian:
		return p.Median, true
	}
	return p.Mean, true
}

// Trend is the cluster's figures for one indicator across its meetings,
// oldest first.
type Trend struct {
	// Indicator is the current meeting's definition (the last point's):
	// the title, unit, direction and centre the trend is drawn with.
	Indicator Indicator
	Points    []IndicatorPoint
}

// Earlier is how many meetings before the current one had the indicator.
func (t Trend) Earlier() int {
	n := 0
	for _, p := range t.Points {
		if !p.Current {
			n++
		}
	}
	return n
}

// WithoutCurrent is the trend of the earlier meetings only: what may be
// shown while the current meeting's figures are hidden.
func (t Trend) WithoutCurrent() Trend {
	out := Trend{Indicator: t.Indicator}
	for _, p := range t.Points {
		if !p.Current {
			out.Points = append(out.Points, p)
		}
	}
	return out
}

// CentreMark is the cluster statistic a chart of ind centres on: the mean,
// unless the pack marks the median and not the mean (context indicators
// always use the mean).
func (ind Indicator) CentreMark() MarkKind {
	median := false
	for _, k := range ind.Marks {
		switch k {
		case MarkMean:
			return MarkMean
		case MarkMedian:
			median = true
		}
	}
	if median && !ind.Context {
		return MarkMedian
	}
	return MarkMean
}

// IndicatorTrend computes the cluster's figures per meeting of history
// (oldest first; see TrendMeeting) for the meeting currentID. Each meeting
// is counted exactly as its chart counts it, by BuildChart under that
// meeting's snapshot: practices under its minimum denominator are left
// out, and with fewer counted practices than its StatMinPractices the
// point is a gap (GapTooFew). A meeting whose snapshot gives the indicator
// another unit than the current meeting's is a gap too (GapUnit). The
// trend's Indicator is the current meeting's definition, or the newest
// one when currentID is not in history.
func IndicatorTrend(history []TrendMeeting, currentID int64) Trend {
	var t Trend
	for _, h := range history {
		if h.MeetingID == currentID {
			t.Indicator = h.Indicator
		}
	}
	if t.Indicator.ID == "" && len(history) > 0 {
		t.Indicator = history[len(history)-1].Indicator
	}
	for _, h := range history {
		p := IndicatorPoint{MeetingID: h.MeetingID, Date: h.Date, Current: h.MeetingID == currentID}
		if h.Indicator.Unit != t.Indicator.Unit {
			p.Gap = GapUnit
			t.Points = append(t.Points, p)
			continue
		}
		p.Target, p.Needed = h.Indicator.Target, h.Indicator.StatMinPractices()
		// The labels only pass BuildChart's filter: the store gives the
		// rows of coded practices only, and no label leaves this function.
		labels := make(map[string]string, len(h.Rows))
		for _, r := range h.Rows {
			labels[r.Ydernummer] = r.Ydernummer
		}
		c := BuildChart(h.Indicator, h.Rows, labels, nil)
		p.Period = c.Period
		values := counted(c.Bars)
		p.Counted = len(values)
		if len(values) == 0 || len(values) < h.Indicator.StatMinPractices() {
			p.Gap = GapTooFew
			t.Points = append(t.Points, p)
			continue
		}
		p.Mean, _ = mean(values)
		p.Median, _ = quantile(values, 0.5)
		p.Q1, _ = quantile(values, 0.25)
		p.Q3, _ = quantile(values, 0.75)
		t.Points = append(t.Points, p)
	}
	return t
}

// SeriesPoint is one practice's own figure at one meeting of a trend.
type SeriesPoint struct {
	MeetingID int64
	Date      time.Time
	Period    string
	// Has is false when the practice had no figure (or no code) at the
	// meeting; the other fields are then zero.
	Has   bool
	Value float64
	// Numerator and Denominator are the figures behind a share; nil for a
	// ready value.
	Numerator   *float64
	Denominator *float64
	// Low marks a denominator under that meeting's minimum: the meeting's
	// chart showed "n<min" for the practice and counted it nowhere.
	Low bool
	// Unit is the unit of Value at that meeting.
	Unit Unit
}

// PracticeSeries is practice ydernummer's own value at each meeting of
// history (oldest first), one point per meeting, for that practice's slip.
// It links the practice across meetings, so it is never projected.
func PracticeSeries(history []TrendMeeting, ydernummer string) []SeriesPoint {
	out := make([]SeriesPoint, 0, len(history))
	for _, h := range history {
		p := SeriesPoint{MeetingID: h.MeetingID, Date: h.Date, Unit: h.Indicator.Unit}
		for _, r := range h.Rows {
			if r.Ydernummer != ydernummer {
				continue
			}
			v, ok := r.Computed(h.Indicator.Unit)
			if !ok {
				break
			}
			p.Has, p.Value, p.Period = true, v, r.Period
			p.Numerator, p.Denominator = r.Numerator, r.Denominator
			p.Low = h.Indicator.IsLow(r)
			break
		}
		out = append(out, p)
	}
	return out
}

// Trend is indicator id's trend at m: history (the cluster's meetings up
// to m, as store.Store.IndicatorHistory reads them) with m's own entry
// made from m's figures as they are now, so a figure imported during the
// meeting is in the trend at once. Only practices with a code at m count,
// as on its chart.
func (m Meeting) Trend(id string, history []TrendMeeting) Trend {
	h := make([]TrendMeeting, 0, len(history)+1)
	for _, e := range history {
		if e.MeetingID != m.ID {
			h = append(h, e)
		}
	}
	if ind, ok := m.Pack.Indicator(id); ok {
		own := TrendMeeting{MeetingID: m.ID, Date: m.PlannedStart, Indicator: ind}
		for _, r := range m.Values {
			if _, coded := m.Codes[r.Ydernummer]; coded && r.Indicator == id {
				own.Rows = append(own.Rows, r)
			}
		}
		h = append(h, own)
	}
	return IndicatorTrend(h, m.ID)
}

// ShowTrend sets whether the data screen of agenda item i shows its
// indicator page's trend across meetings instead of the bars (an item
// whose pages were never turned is on its first page).
func (m Meeting) ShowTrend(i int, on bool) Meeting {
	if m.DataScreen.Item != i {
		m.DataScreen.Item, m.DataScreen.Page = i, 0
	}
	m.DataScreen.Trend = on
	return m
}
