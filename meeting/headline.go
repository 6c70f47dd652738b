package meeting

import "strconv"

// Headline is what the one line above a chart states, before it is worded
// in the UI language: the cluster's figure, the target and how many
// practices reach it. A chart that states its message is read in the two
// seconds the room looks at it; the bars are then the evidence.
type Headline struct {
	Better Direction
	Unit   Unit
	// Stat is set when the headline may state figures computed from this
	// meeting's values: the bars are shown (not a guess round) and at
	// least the indicator's StatMinPractices practices count. Without it
	// the headline says only what the pack states (the target).
	Stat bool
	// Mean, Min and Max are over the counted practices; set with Stat.
	Mean, Min, Max float64
	// Counted is how many practices count (those under the minimum
	// denominator do not).
	Counted int
	// Target is the pack's target; nil when it gives none.
	Target *float64
	// Reached is how many counted practices are at or past the target
	// (at or above it when higher is better, at or below it when lower
	// is better), compared as the chart writes the values; set with Stat
	// and a target on an indicator with a direction.
	Reached int
}

// Headline is the chart's headline. hidden is set while the room guesses:
// then nothing computed from the figures is stated.
func (c Chart) Headline(hidden bool) Headline {
	ind := c.Indicator
	h := Headline{Better: ind.Better, Unit: ind.Unit, Target: ind.Target, Counted: c.Counted}
	values := counted(c.Bars)
	if hidden || len(values) == 0 || len(values) < ind.StatMinPractices() {
		return h
	}
	h.Stat = true
	h.Mean, _ = mean(values)
	h.Min, h.Max = values[0], values[len(values)-1]
	if ind.Target != nil && ind.Better != NoDirection {
		for _, v := range values {
			if Reaches(ind.Better, ind.Unit, v, *ind.Target) {
				h.Reached++
			}
		}
	}
	return h
}

// Reaches reports whether value is at or past target in the direction of
// improvement, compared at the precision the chart writes values with
// (FormatNumber): a bar labelled "80,0 %" reaches a target of 80 even
// when the figure behind it is 79,96.
func Reaches(better Direction, unit Unit, value, target float64) bool {
	v, t := roundShown(value, unit), roundShown(target, unit)
	switch better {
	case HigherIsBetter:
		return v >= t
	case LowerIsBetter:
		return v <= t
	}
	return false
}

// roundShown rounds v to the decimals FormatNumber writes for unit, the
// same way (strconv), so the comparison agrees with the label.
func roundShown(v float64, unit Unit) float64 {
	decimals := 1
	if unit == UnitCount || unit == UnitDays {
		decimals = 0
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', decimals, 64), 64)
	return r
}
