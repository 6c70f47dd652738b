package meeting

import (
	"slices"
	"time"
)

// Arrival is a practice's figures coming in for a meeting through an
// import: when, from which file (its base name, never a path) and how many
// figures it held for the practice.
type Arrival struct {
	Ydernummer string
	At         time.Time
	Source     string
	Figures    int
}

// RegionFigure is a region benchmark for one indicator of one meeting,
// taken from a data file's other practices because the pack states none:
// the mean of their values, the file it came from and how many practices
// the mean is of, so a chart can say so.
type RegionFigure struct {
	Indicator string
	Value     float64
	Source    string
	Practices int
}

// RegionMean is the mean value of ind over rows, the figures of practices
// outside the cluster (one per practice; later rows of the same practice
// are ignored), counting only what a chart would count: a denominator
// under the indicator's minimum is left out. With fewer than the
// indicator's StatMinPractices counted practices there is no mean (ok is
// false), since a mean of one or two would give their figures away.
func RegionMean(ind Indicator, rows []DataRow) (mean float64, practices int, ok bool) {
	seen := map[string]bool{}
	var sum float64
	for _, r := range rows {
		if r.Indicator != ind.ID || seen[r.Ydernummer] || ind.IsLow(r) {
			continue
		}
		v, ok := r.Computed(ind.Unit)
		if !ok {
			continue
		}
		seen[r.Ydernummer] = true
		sum += v
		practices++
	}
	if practices == 0 || practices < ind.StatMinPractices() {
		return 0, practices, false
	}
	return sum / float64(practices), practices, true
}

// Collected is one practice's state in collecting a meeting's figures:
// the latest arrival of its figures (nil when none came through an import;
// figures from the pack's own data.csv have no arrival), and the ids of
// the pack's indicators it has no figure for.
type Collected struct {
	Practice Practice
	Arrived  *Arrival
	Figures  int
	Missing  []string
}

// Sent reports whether the practice has sent figures, i.e. has any.
func (c Collected) Sent() bool { return c.Figures > 0 }

// Collection lists, for every practice of cluster c, what m holds of its
// figures, in the cluster's order.
func (m Meeting) Collection(c Cluster) []Collected {
	have := map[[2]string]bool{}
	count := map[string]int{}
	for _, v := range m.Values {
		have[[2]string{v.Ydernummer, v.Indicator}] = true
		count[v.Ydernummer]++
	}
	out := make([]Collected, 0, len(c.Practices))
	for _, p := range c.Practices {
		col := Collected{Practice: p, Figures: count[p.Ydernummer]}
		if a, ok := m.Arrivals[p.Ydernummer]; ok {
			col.Arrived = &a
		}
		for _, ind := range m.Pack.Indicators {
			if !have[[2]string{p.Ydernummer, ind.ID}] {
				col.Missing = append(col.Missing, ind.ID)
			}
		}
		out = append(out, col)
	}
	return out
}

// SentCount is how many of the listed practices have sent figures, and
// how many there are: all a projected screen may say about collection.
func SentCount(cs []Collected) (sent, of int) {
	return len(slices.DeleteFunc(slices.Clone(cs), func(c Collected) bool { return !c.Sent() })), len(cs)
}

// FigureImport is figures read from one or more returned files, stored
// together in one transaction: the rows, when they arrived, which file
// each practice's rows came from (by ydernummer; a base name) and any
// region figures taken from the files' other practices.
type FigureImport struct {
	Rows    []DataRow
	At      time.Time
	Sources map[string]string
	Regions []RegionFigure
}

// FiguresFrom is how many of the practices with a code at m have any
// figure, and how many have a code: the count a projected screen may
// show ("figures from 27 of 30 practices"), which names no practice.
func (m Meeting) FiguresFrom() (sent, of int) {
	has := map[string]bool{}
	for _, v := range m.Values {
		has[v.Ydernummer] = true
	}
	for yd := range m.Codes {
		if has[yd] {
			sent++
		}
	}
	return sent, len(m.Codes)
}
