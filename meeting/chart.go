package meeting

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// MarkKind names a reference mark a chart can show next to the bars.
type MarkKind string

// The reference marks. Audit and feedback works best with comparators the
// room finds achievable, so besides the cluster's own mean and the
// external benchmarks a pack can show the top quartile and the achievable
// benchmark of care (ABC).
const (
	MarkMean        MarkKind = "mean"
	MarkMedian      MarkKind = "median"
	MarkRegion      MarkKind = "region"
	MarkNational    MarkKind = "national"
	MarkTarget      MarkKind = "target"
	MarkTopQuartile MarkKind = "top-quartile"
	MarkABC         MarkKind = "abc"
)

// MarkKinds lists every mark kind.
func MarkKinds() []MarkKind {
	return []MarkKind{MarkMean, MarkMedian, MarkRegion, MarkNational, MarkTarget, MarkTopQuartile, MarkABC}
}

// Valid reports whether k is one of MarkKinds.
func (k MarkKind) Valid() bool {
	return slices.Contains(MarkKinds(), k)
}

// DefaultMarks are shown when a pack does not choose.
func DefaultMarks() []MarkKind { return []MarkKind{MarkMean, MarkRegion, MarkNational, MarkTarget} }

// Computed is the row's value in the indicator's unit: the ready value, or
// numerator/denominator scaled by the unit.
func (d DataRow) Computed(unit Unit) (float64, bool) {
	switch {
	case d.Value != nil:
		return *d.Value, true
	case d.Numerator != nil && d.Denominator != nil && *d.Denominator > 0:
		return *d.Numerator / *d.Denominator * unit.Scale(), true
	}
	return 0, false
}

// Bar is one practice's bar on a projected chart. It carries the label the
// room may see and nothing else that identifies the practice: never the
// ydernummer.
type Bar struct {
	// Label is the practice's letter code, or its name when it consented
	// to be shown by name at this meeting.
	Label string
	Named bool
	Value float64
	// Numerator and Denominator are the figures behind a share; nil for a
	// ready value.
	Numerator   *float64
	Denominator *float64
	// Low marks a denominator under the indicator's minimum: the bar shows
	// its label and "n<min" only, is listed after the counted bars in label
	// order (not ranked) and is left out of every statistic. A Low bar's
	// Value, Numerator and Denominator are zero/nil on a Chart, so nothing
	// that draws a chart can show them.
	Low bool
}

// Mark is a reference value drawn across the bars.
type Mark struct {
	Kind  MarkKind
	Value float64
}

// Chart is what one projected chart page shows for one indicator.
type Chart struct {
	Indicator Indicator
	// Bars are ordered by value, best first (highest first unless lower is
	// better), never by code or name.
	Bars []Bar
	// Missing are the labels of practices without a value ("ingen data").
	Missing []string
	Marks   []Mark
	Period  string
	// Max is the largest value among counted bars and marks, for the axis.
	Max float64
	// Counted is how many bars count towards the cluster's statistics.
	Counted int
	// TooFew is set when the pack asks for a cluster statistic (mean,
	// median, top quartile, ABC) but fewer than the indicator's
	// StatMinPractices bars count, so none is computed.
	TooFew bool
	// RegionFrom is set when the region mark is not the pack's but the
	// mean of an import file's other practices, to label it with its
	// source and number of practices.
	RegionFrom *RegionFigure
}

// Labels returns, for every practice with a code, what the room may see:
// the practice's name if it consented at this meeting, its code otherwise.
// names maps ydernummer to practice name; only consenting practices' names
// are ever used.
func (m Meeting) Labels(names map[string]string) map[string]string {
	labels := make(map[string]string, len(m.Codes))
	for yd, code := range m.Codes {
		labels[yd] = code
		if _, ok := m.Consents[yd]; ok && names[yd] != "" {
			labels[yd] = names[yd]
		}
	}
	return labels
}

// Chart builds the chart of one indicator from the meeting's values.
// Practices without a label (no code) are left out rather than shown by
// anything that could identify them.
func (m Meeting) Chart(indicatorID string, names map[string]string) (Chart, error) {
	ind, ok := m.Pack.Indicator(indicatorID)
	if !ok {
		return Chart{}, Errork(ENOTFOUND, "err.NoIndicator", indicatorID)
	}
	labels := m.Labels(names)
	var rows []DataRow
	for _, r := range m.Values {
		if r.Indicator == indicatorID {
			rows = append(rows, r)
		}
	}
	// A region figure from an import stands in where the pack states
	// none; the pack's own benchmark always wins.
	rf, fromFile := m.Regions[indicatorID]
	fromFile = fromFile && ind.Region == nil
	if fromFile {
		v := rf.Value
		ind.Region = &v
	}
	c := BuildChart(ind, rows, labels, m.Consents)
	if fromFile {
		// The label is projected: a file named after a practice of the
		// cluster (tal-047318.csv, "Lægerne Østergade.xlsx") would put
		// it on the wall, so such a name is left out.
		for yd := range m.Codes {
			if strings.Contains(rf.Source, yd) || (names[yd] != "" && strings.Contains(Fold(rf.Source), Fold(names[yd]))) {
				rf.Source = ""
				break
			}
		}
		c.RegionFrom = &rf
	}
	return c, nil
}

// BuildChart orders the bars, computes the marks the indicator asks for,
// and lists the practices with no value. labels maps ydernummer to the
// label to show; consented says which labels are names.
func BuildChart(ind Indicator, rows []DataRow, labels map[string]string, consented map[string]time.Time) Chart {
	c := Chart{Indicator: ind}
	seen := map[string]bool{}
	for _, r := range rows {
		label, ok := labels[r.Ydernummer]
		if !ok {
			continue
		}
		v, ok := r.Computed(ind.Unit)
		if !ok {
			continue
		}
		seen[r.Ydernummer] = true
		_, named := consented[r.Ydernummer]
		c.Bars = append(c.Bars, Bar{
			Label: label, Named: named, Value: v,
			Numerator: r.Numerator, Denominator: r.Denominator,
			Low: ind.IsLow(r),
		})
		if c.Period == "" {
			c.Period = r.Period
		}
	}
	for yd, label := range labels {
		if !seen[yd] {
			c.Missing = append(c.Missing, label)
		}
	}
	sort.Strings(c.Missing)
	// Counted bars are ranked by value (ties by label, so the order is
	// strict); Low bars follow in label order, since ranking them by a
	// value the room may not see would give it away.
	lowerFirst := ind.Better == LowerIsBetter
	sort.SliceStable(c.Bars, func(i, j int) bool {
		a, b := c.Bars[i], c.Bars[j]
		if a.Low != b.Low {
			return !a.Low
		}
		if !a.Low && a.Value != b.Value {
			return (a.Value < b.Value) == lowerFirst
		}
		return CodeLess(a.Label, b.Label)
	})
	c.Marks, c.TooFew = marks(ind, c.Bars)
	for i, b := range c.Bars {
		if b.Low {
			c.Bars[i].Value, c.Bars[i].Numerator, c.Bars[i].Denominator = 0, nil, nil
			continue
		}
		c.Counted++
		c.Max = math.Max(c.Max, b.Value)
	}
	for _, mk := range c.Marks {
		c.Max = math.Max(c.Max, mk.Value)
	}
	return c
}

// counted are the bars that count towards the cluster's statistics.
func counted(bars []Bar) []float64 {
	var vs []float64
	for _, b := range bars {
		if !b.Low {
			vs = append(vs, b.Value)
		}
	}
	sort.Float64s(vs)
	return vs
}

// IsLow reports whether a row's denominator is under the indicator's
// minimum, so its value is not projected and not counted.
func (ind Indicator) IsLow(r DataRow) bool {
	return ind.MinDenominator > 0 && r.Denominator != nil && *r.Denominator < float64(ind.MinDenominator)
}

// isStatistic reports the marks computed from the practices' figures, as
// opposed to those the pack itself states (target, region, national).
func (k MarkKind) isStatistic() bool {
	return k == MarkMean || k == MarkMedian || k == MarkTopQuartile || k == MarkABC
}

// IsStatistic reports whether the mark is computed from this meeting's
// figures; the pack's own marks (target, region, national) are not.
func (k MarkKind) IsStatistic() bool { return k.isStatistic() }

// marks computes the marks the indicator asks for from the counted bars.
// tooFew is set when a statistic was asked for but too few bars count.
func marks(ind Indicator, bars []Bar) (out []Mark, tooFew bool) {
	kinds := ind.Marks
	if kinds == nil {
		kinds = DefaultMarks()
	}
	values := counted(bars)
	enough := len(values) >= ind.StatMinPractices()
	for _, k := range kinds {
		if k.isStatistic() && !enough {
			tooFew = true
			continue
		}
		var v float64
		var ok bool
		switch k {
		case MarkMean:
			v, ok = mean(values)
		case MarkMedian:
			v, ok = quantile(values, 0.5)
		case MarkTopQuartile:
			q := 0.75
			if ind.Better == LowerIsBetter {
				q = 0.25
			}
			v, ok = quantile(values, q)
		case MarkABC:
			v, ok = abc(ind, bars)
		case MarkRegion:
			v, ok = deref(ind.Region)
		case MarkNational:
			v, ok = deref(ind.National)
		case MarkTarget:
			v, ok = deref(ind.Target)
		}
		if ok {
			out = append(out, Mark{Kind: k, Value: v})
		}
	}
	return out, tooFew
}

func deref(p *float64) (float64, bool) {
	if p == nil {
		return 0, false
	}
	return *p, true
}

func mean(vs []float64) (float64, bool) {
	if len(vs) == 0 {
		return 0, false
	}
	sum := 0.0
	for _, v := range vs {
		sum += v
	}
	return sum / float64(len(vs)), true
}

// quantile interpolates linearly between the closest ranks of sorted
// values (the method spreadsheets call PERCENTILE.INC).
func quantile(sorted []float64, q float64) (float64, bool) {
	if len(sorted) == 0 {
		return 0, false
	}
	pos := q * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	return sorted[lo] + (sorted[hi]-sorted[lo])*(pos-float64(lo)), true
}

// abc computes the achievable benchmark of care (Kiefe et al. 1998): rank
// the practices by their adjusted performance fraction (numerator+1) /
// (denominator+2), which keeps a practice with 1 of 1 from topping the
// list, then take the best ones until together they hold at least 10% of
// the cluster's denominator; the benchmark is their pooled value. It needs
// numerators and denominators, so indicators with ready values have none.
func abc(ind Indicator, bars []Bar) (float64, bool) {
	type share struct {
		label         string
		num, den, apf float64
	}
	var shares []share
	total := 0.0
	for _, b := range bars {
		if b.Low || b.Numerator == nil || b.Denominator == nil || *b.Denominator <= 0 {
			continue
		}
		n, d := *b.Numerator, *b.Denominator
		shares = append(shares, share{b.Label, n, d, (n + 1) / (d + 2)})
		total += d
	}
	if len(shares) == 0 || ind.Better == NoDirection {
		return 0, false
	}
	// A strict order: by adjusted fraction, then the larger denominator
	// (more evidence) first, then the label, so equal fractions always
	// rank the same way and the benchmark does not depend on input order.
	lowerFirst := ind.Better == LowerIsBetter
	slices.SortFunc(shares, func(a, b share) int {
		switch {
		case a.apf != b.apf:
			if (a.apf < b.apf) == lowerFirst {
				return -1
			}
			return 1
		case a.den != b.den:
			if a.den > b.den {
				return -1
			}
			return 1
		case CodeLess(a.label, b.label):
			return -1
		case CodeLess(b.label, a.label):
			return 1
		}
		return 0
	})
	num, den := 0.0, 0.0
	for _, s := range shares {
		num += s.num
		den += s.den
		if den >= 0.1*total {
			break
		}
	}
	return num / den * ind.Unit.Scale(), true
}

// Fifth says which fifth of the cluster a value falls in, 1 for the best
// fifth to 5 for the last, counting only the bars that count towards the
// mean; 0 when fewer than the indicator's StatMinPractices count.
func (c Chart) Fifth(value float64) int {
	values := counted(c.Bars)
	if len(values) == 0 || len(values) < c.Indicator.StatMinPractices() {
		return 0
	}
	better := 0
	for _, v := range values {
		if (c.Indicator.Better == LowerIsBetter && v < value) || (c.Indicator.Better != LowerIsBetter && v > value) {
			better++
		}
	}
	return min(5, better*5/len(values)+1)
}

// Mark returns the chart's mark of the given kind.
func (c Chart) Mark(kind MarkKind) (float64, bool) {
	for _, m := range c.Marks {
		if m.Kind == kind {
			return m.Value, true
		}
	}
	return 0, false
}
