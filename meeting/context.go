package meeting

import (
	"math"
	"slices"
	"sort"
)

// ContextRow is one practice's context figures, under the label the room
// may see.
type ContextRow struct {
	Label string
	// Values follow ContextTable.Indicators; nil where the practice has no
	// figure.
	Values []*float64
}

// ContextTable shows, per practice, the context indicators the pack
// defines (list size, share aged 65+), so the room can discuss "we have
// many elderly patients" without names. Rows are in label order; codes
// are random, so that order says nothing about who is who.
type ContextTable struct {
	Indicators []Indicator
	Rows       []ContextRow
}

// Context builds the context table from the meeting's values.
func (m Meeting) Context(names map[string]string) ContextTable {
	var t ContextTable
	col := map[string]int{}
	for _, ind := range m.Pack.Indicators {
		if ind.Context {
			col[ind.ID] = len(t.Indicators)
			t.Indicators = append(t.Indicators, ind)
		}
	}
	if len(t.Indicators) == 0 {
		return t
	}
	labels := m.Labels(names)
	rows := map[string]*ContextRow{}
	for yd, label := range labels {
		rows[yd] = &ContextRow{Label: label, Values: make([]*float64, len(t.Indicators))}
	}
	for _, v := range m.Values {
		c, ok := col[v.Indicator]
		r := rows[v.Ydernummer]
		if !ok || r == nil {
			continue
		}
		if x, ok := v.Computed(t.Indicators[c].Unit); ok {
			r.Values[c] = &x
		}
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, *r)
	}
	sort.Slice(t.Rows, func(i, j int) bool { return CodeLess(t.Rows[i].Label, t.Rows[j].Label) })
	return t
}

// MinBandPractices is the fewest practices a projected context band may
// hold: with fewer, anyone who roughly knows the neighbouring practices'
// list sizes could tell which practice is which.
const MinBandPractices = 3

// Band is a range of a context indicator's values, [From, To), and how many
// practices fall in it.
type Band struct {
	From, To float64
	Count    int
}

// ContextDistribution is how the cluster's practices spread over one
// context indicator, in bands of at least MinBandPractices practices and
// without codes, so the room sees "we are among the bigger practices"
// without the wall decoding who is who. Exact values stay on each
// practice's own slip.
type ContextDistribution struct {
	Indicator Indicator
	Bands     []Band
	// NoData is how many practices with a code have no figure.
	NoData int
	// TooFew is set when fewer than MinBandPractices practices have a
	// figure, so no band is shown at all.
	TooFew bool
}

// ContextBands builds the projected context page: one distribution per
// context indicator, over the practices with a code.
func (m Meeting) ContextBands() []ContextDistribution {
	var out []ContextDistribution
	for _, ind := range m.Pack.Indicators {
		if !ind.Context {
			continue
		}
		seen := map[string]bool{}
		var values []float64
		for _, r := range m.Values {
			if r.Indicator != ind.ID || seen[r.Ydernummer] {
				continue
			}
			if _, ok := m.Codes[r.Ydernummer]; !ok {
				continue
			}
			if v, ok := r.Computed(ind.Unit); ok {
				seen[r.Ydernummer] = true
				values = append(values, v)
			}
		}
		d := ContextDistribution{Indicator: ind, NoData: len(m.Codes) - len(values)}
		d.Bands = Bands(values, MinBandPractices)
		d.TooFew = d.Bands == nil
		out = append(out, d)
	}
	return out
}

// Bands splits values into about five bands on round boundaries (1, 2, 2.5
// or 5 times a power of ten), then merges each band holding fewer than
// minPer values with its smaller neighbour until every band holds at least
// minPer. Boundaries are round numbers, never a practice's own value. Nil
// when there are fewer than minPer values.
func Bands(values []float64, minPer int) []Band {
	if len(values) < max(1, minPer) {
		return nil
	}
	vs := slices.Clone(values)
	slices.Sort(vs)
	lo, hi := vs[0], vs[len(vs)-1]
	step := niceStep((hi - lo) / 5)
	from := math.Floor(lo/step) * step
	var bands []Band
	for b := from; ; b += step {
		bands = append(bands, Band{From: b, To: b + step})
		if b+step > hi {
			break
		}
	}
	for _, v := range vs {
		i := min(len(bands)-1, int(math.Floor((v-from)/step)))
		for i > 0 && v < bands[i].From {
			i--
		}
		bands[i].Count++
	}
	for len(bands) > 1 {
		small := -1
		for i, b := range bands {
			if b.Count < minPer && (small < 0 || b.Count < bands[small].Count) {
				small = i
			}
		}
		if small < 0 {
			break
		}
		// Merge with the neighbour holding fewer practices, so the bands
		// stay as narrow as the rule allows.
		j := small + 1
		if j == len(bands) || (small > 0 && bands[small-1].Count <= bands[j].Count) {
			j = small - 1
		}
		a, b := min(small, j), max(small, j)
		bands[a] = Band{From: bands[a].From, To: bands[b].To, Count: bands[a].Count + bands[b].Count}
		bands = slices.Delete(bands, b, b+1)
	}
	return bands
}

// niceStep rounds a band width up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}
