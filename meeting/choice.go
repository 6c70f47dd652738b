package meeting

import (
	"math"
	"slices"
	"sort"
	"time"
)

// Choice groups indicators that share a denominator, each counting one of
// several options chosen for the same patients (which antibiotic for an
// uncomplicated UTI), so they are shown as one chart: a stacked 100 % bar
// per practice. A data item lists the choice's id among its indicators.
type Choice struct {
	ID    string
	Title string
	// Options are the ids of the option indicators (unit %), in the order
	// the pack gives them.
	Options []string
	// Preferred is the option the pack recommends; the bars are ordered
	// by its share.
	Preferred string
	// Target is the share (%) of the preferred option the cluster aims
	// for; nil when the pack gives none.
	Target *float64
	// Guess makes the chart open hidden, like an indicator's guess.
	Guess bool
}

// Choice returns the pack's choice group with the given id.
func (p Pack) Choice(id string) (Choice, bool) {
	for _, c := range p.Choices {
		if c.ID == id {
			return c, true
		}
	}
	return Choice{}, false
}

// GuessFirst reports whether the chart page id (an indicator or a choice)
// opens with its figures hidden so the room guesses first.
func (p Pack) GuessFirst(id string) bool {
	if c, ok := p.Choice(id); ok {
		return c.Guess
	}
	ind, _ := p.Indicator(id)
	return ind.Guess
}

// ChoiceBar is one practice's stacked bar. Like Bar, it carries only what
// the room may see.
type ChoiceBar struct {
	// Label is the practice's code, or its name when it consented.
	Label string
	Named bool
	// Shares are the options' shares in % in the chart's option order
	// (Other last when the chart has it), summing to 100; Shown are the
	// same rounded to whole percent so that they sum to exactly 100. Both
	// are nil on a Low or Mismatch bar.
	Shares []float64
	Shown  []int
	// Low marks a denominator under the minimum: code and "n<min" only,
	// not ranked, not in the cluster's mix.
	Low bool
	// Mismatch marks a practice whose rows cannot make one bar: an option
	// missing or without numerator and denominator, denominators that
	// differ between options, or numerators adding up to more than the
	// denominator. It is listed, not drawn, and not counted.
	Mismatch bool
}

// ChoiceChart is what the stacked chart of a choice group shows.
type ChoiceChart struct {
	Choice Choice
	// Options are the option indicators, the preferred one first, then
	// the others in the pack's order.
	Options []Indicator
	// Other is set when some practice's options do not add up to its
	// denominator: the rest is shown as one more segment, last.
	Other bool
	// Bars are ordered by the preferred option's share, highest first
	// (ties by label); Low and Mismatch bars follow in label order.
	Bars []ChoiceBar
	// Missing are the labels of practices without any row for the group.
	Missing []string
	// Mix is the cluster's pooled mix over the counted practices (each
	// option's numerators over the denominators), with MixShown rounded
	// to sum to 100; nil when fewer than MinPractices count.
	Mix      []float64
	MixShown []int
	Counted  int
	TooFew   bool
	Period   string
	// MinDenominator and MinPractices are the strictest of the options'
	// small-number rules.
	MinDenominator int
	MinPractices   int
}

// Segments is how many segments a bar has: one per option, and Other.
func (c ChoiceChart) Segments() int {
	if c.Other {
		return len(c.Options) + 1
	}
	return len(c.Options)
}

// ChoiceChart builds the stacked chart of choice group id from the
// meeting's values. names maps ydernummer to practice name; only
// consenting practices' names are used.
func (m Meeting) ChoiceChart(id string, names map[string]string) (ChoiceChart, error) {
	ch, ok := m.Pack.Choice(id)
	if !ok {
		return ChoiceChart{}, Errork(ENOTFOUND, "err.NoIndicator", id)
	}
	var opts []Indicator
	for _, oid := range choiceOrder(ch) {
		ind, ok := m.Pack.Indicator(oid)
		if !ok {
			return ChoiceChart{}, Errork(ENOTFOUND, "err.NoIndicator", oid)
		}
		opts = append(opts, ind)
	}
	return BuildChoiceChart(ch, opts, m.Values, m.Labels(names), m.Consents), nil
}

// choiceOrder is the preferred option first, then the others as listed.
func choiceOrder(ch Choice) []string {
	out := []string{ch.Preferred}
	for _, o := range ch.Options {
		if o != ch.Preferred {
			out = append(out, o)
		}
	}
	return out
}

// BuildChoiceChart computes the stacked chart of ch from rows (any
// indicator's; those of the options are used). opts are the option
// indicators, preferred first; labels maps ydernummer to what the room may
// see, consented says which labels are names.
func BuildChoiceChart(ch Choice, opts []Indicator, rows []DataRow, labels map[string]string, consented map[string]time.Time) ChoiceChart {
	c := ChoiceChart{Choice: ch, Options: opts}
	index := map[string]int{}
	for i, o := range opts {
		index[o.ID] = i
		c.MinDenominator = max(c.MinDenominator, o.MinDenominator)
		c.MinPractices = max(c.MinPractices, o.StatMinPractices())
	}
	if c.MinPractices == 0 {
		c.MinPractices = DefaultMinPractices
	}
	byPractice := map[string][]*DataRow{}
	for i := range rows {
		r := &rows[i]
		j, ok := index[r.Indicator]
		if !ok {
			continue
		}
		if _, ok := labels[r.Ydernummer]; !ok {
			continue
		}
		if byPractice[r.Ydernummer] == nil {
			byPractice[r.Ydernummer] = make([]*DataRow, len(opts))
		}
		byPractice[r.Ydernummer][j] = r
		if c.Period == "" {
			c.Period = r.Period
		}
	}
	type counts struct {
		nums []float64
		den  float64
	}
	var kept []counts // the counted practices', for the mix
	type pending struct {
		bar    ChoiceBar
		counts counts
	}
	var bars []pending
	for yd, label := range labels {
		prs, ok := byPractice[yd]
		if !ok {
			c.Missing = append(c.Missing, label)
			continue
		}
		_, named := consented[yd]
		b := pending{bar: ChoiceBar{Label: label, Named: named}}
		// Suppression first: any option counted over too few patients
		// hides the practice, whatever else is wrong with its rows.
		for _, r := range prs {
			if r != nil && r.Denominator != nil && c.MinDenominator > 0 && *r.Denominator < float64(c.MinDenominator) {
				b.bar.Low = true
			}
		}
		if !b.bar.Low {
			b.counts, b.bar.Mismatch = choiceCounts(prs)
		}
		if !b.bar.Low && !b.bar.Mismatch && sum(b.counts.nums) < b.counts.den {
			c.Other = true
		}
		bars = append(bars, b)
	}
	sort.Strings(c.Missing)
	for _, b := range bars {
		if !b.bar.Low && !b.bar.Mismatch {
			nums := b.counts.nums
			if c.Other {
				nums = append(append([]float64(nil), nums...), b.counts.den-sum(nums))
			}
			b.bar.Shares = make([]float64, len(nums))
			for i, n := range nums {
				b.bar.Shares[i] = n / b.counts.den * 100
			}
			b.bar.Shown = RoundShares(b.bar.Shares)
			kept = append(kept, counts{nums: nums, den: b.counts.den})
			c.Counted++
		}
		c.Bars = append(c.Bars, b.bar)
	}
	sort.SliceStable(c.Bars, func(i, j int) bool {
		a, b := c.Bars[i], c.Bars[j]
		aOut, bOut := a.Low || a.Mismatch, b.Low || b.Mismatch
		if aOut != bOut {
			return !aOut
		}
		if !aOut && a.Shares[0] != b.Shares[0] {
			return a.Shares[0] > b.Shares[0]
		}
		return CodeLess(a.Label, b.Label)
	})
	if c.Counted < c.MinPractices {
		c.TooFew = c.Counted > 0 || len(c.Bars) > 0
		return c
	}
	c.Mix = make([]float64, c.Segments())
	total := 0.0
	for _, k := range kept {
		for i, n := range k.nums {
			c.Mix[i] += n
		}
		total += k.den
	}
	for i := range c.Mix {
		c.Mix[i] = c.Mix[i] / total * 100
	}
	c.MixShown = RoundShares(c.Mix)
	return c
}

// choiceCounts reads one practice's option rows as numerators over one
// shared denominator; mismatch when they cannot be.
func choiceCounts(prs []*DataRow) (c struct {
	nums []float64
	den  float64
}, mismatch bool) {
	c.nums = make([]float64, len(prs))
	for i, r := range prs {
		if r == nil || r.Numerator == nil || r.Denominator == nil || *r.Denominator <= 0 || *r.Numerator < 0 {
			return c, true
		}
		if i > 0 && *r.Denominator != c.den {
			return c, true
		}
		c.den = *r.Denominator
		c.nums[i] = *r.Numerator
	}
	// A little slack for figures written with decimals.
	if sum(c.nums) > c.den+1e-9 {
		return c, true
	}
	return c, false
}

func sum(vs []float64) float64 {
	s := 0.0
	for _, v := range vs {
		s += v
	}
	return s
}

// RoundShares rounds shares in % to whole percent that sum to exactly 100
// (the largest-remainder method): each share is rounded down, then the
// points still missing go to the largest remainders, the earlier share
// first on a tie. A bar that reads 33 + 33 + 33 would leave the room
// asking where the last percent went. Shares that sum to 0 round to 0s.
func RoundShares(shares []float64) []int {
	out := make([]int, len(shares))
	total := sum(shares)
	if total <= 0 {
		return out
	}
	type rem struct {
		i int
		r float64
	}
	rems := make([]rem, len(shares))
	got := 0
	for i, s := range shares {
		// Scaled so the shares sum to 100 even when their float sum is
		// off by a rounding error.
		v := s / total * 100
		out[i] = int(math.Floor(v + 1e-9))
		rems[i] = rem{i, v - float64(out[i])}
		got += out[i]
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r > rems[b].r })
	for k := 0; got < 100 && k < len(rems); k++ {
		out[rems[k].i]++
		got++
	}
	return out
}

// ChoiceHeadline is what the line above a stacked chart states: the
// cluster's share of the preferred option, the target and how many
// practices reach it.
type ChoiceHeadline struct {
	// Preferred is the preferred option's title.
	Preferred string
	// Stat is set when figures may be stated: shown, and enough counted.
	Stat bool
	// Share is the cluster mix's preferred share as shown (whole %).
	Share  int
	Target *float64
	// Reached counts the counted practices whose shown preferred share is
	// at or above the target.
	Reached int
}

// Headline is the stacked chart's headline; hidden while the room guesses.
func (c ChoiceChart) Headline(hidden bool) ChoiceHeadline {
	h := ChoiceHeadline{Target: c.Choice.Target}
	if len(c.Options) > 0 {
		h.Preferred = c.Options[0].Title
	}
	if hidden || c.Mix == nil {
		return h
	}
	h.Stat = true
	h.Share = c.MixShown[0]
	if c.Choice.Target != nil {
		for _, b := range c.Bars {
			if b.Shown != nil && float64(b.Shown[0]) >= *c.Choice.Target {
				h.Reached++
			}
		}
	}
	return h
}

// MisfitKind says why a practice's rows for a choice make no bar.
type MisfitKind int

// The reasons a practice's rows for a choice make no stacked bar.
const (
	// MisfitMissing: some options have no row (Options lists them).
	MisfitMissing MisfitKind = iota + 1
	// MisfitNoCounts: a row has a ready value instead of a numerator and
	// a denominator (Options lists them).
	MisfitNoCounts
	// MisfitDenominators: the options' denominators differ
	// (Denominators lists them in the options' order).
	MisfitDenominators
	// MisfitOver: the numerators add up to more than the denominator.
	MisfitOver
)

// ChoiceMisfit is one practice whose rows for a choice do not make one
// stacked bar: the chart names its code and leaves it out.
type ChoiceMisfit struct {
	Choice       string
	Ydernummer   string
	Kind         MisfitKind
	Options      []string
	Denominators []float64
}

// ChoiceMisfits lists, per choice of p and practice with any row for it,
// the practices whose rows cannot make one stacked bar, so the coordinator
// hears it where the figures come in (pack check, data import) and not
// first on the wall. Sorted by choice, then ydernummer.
func ChoiceMisfits(p Pack, rows []DataRow) []ChoiceMisfit {
	var out []ChoiceMisfit
	for _, ch := range p.Choices {
		order := choiceOrder(ch)
		byPractice := map[string][]*DataRow{}
		for i := range rows {
			r := &rows[i]
			j := slices.Index(order, r.Indicator)
			if j < 0 {
				continue
			}
			if byPractice[r.Ydernummer] == nil {
				byPractice[r.Ydernummer] = make([]*DataRow, len(order))
			}
			byPractice[r.Ydernummer][j] = r
		}
		yds := make([]string, 0, len(byPractice))
		for yd := range byPractice {
			yds = append(yds, yd)
		}
		sort.Strings(yds)
		for _, yd := range yds {
			prs := byPractice[yd]
			mf := ChoiceMisfit{Choice: ch.ID, Ydernummer: yd}
			for j, r := range prs {
				switch {
				case r == nil:
					mf.Kind = MisfitMissing
					mf.Options = append(mf.Options, order[j])
				case (r.Numerator == nil || r.Denominator == nil) && mf.Kind != MisfitMissing:
					mf.Kind = MisfitNoCounts
					mf.Options = append(mf.Options, order[j])
				}
			}
			if mf.Kind == 0 {
				if _, bad := choiceCounts(prs); bad {
					mf.Kind = MisfitOver
					for _, r := range prs {
						mf.Denominators = append(mf.Denominators, *r.Denominator)
						if *r.Denominator != *prs[0].Denominator {
							mf.Kind = MisfitDenominators
						}
					}
				}
			}
			if mf.Kind != 0 {
				out = append(out, mf)
			}
		}
	}
	return out
}
