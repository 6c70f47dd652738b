package export

import (
	"math"
	"strings"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// picture is the small drawing beside an indicator's figures: the
// cluster's spread (the other practices' values as unlabelled dots and the
// middle half as a band), the cluster's mean or median, the target, and
// the practice's own mark. Positions are fractions of the axis, 0 at its
// left end and 1 at its right; a nil mark is not drawn. It holds nothing
// a slip's numbers do not already give but the other practices' values,
// and those without a code, a name or an order that could tell whose.
type picture struct {
	// Title names the picture (the indicator's title); Desc says in words
	// what it shows, for a reader that cannot see it.
	Title, Desc string
	// Lo and Hi label the axis's ends.
	Lo, Hi string
	Others []float64
	// Band is the middle half of the cluster, from Q1 to Q3.
	Band           *[2]float64
	Centre, Target *float64
	Own            *float64
}

// The picture's drawing area in SVG user units: the axis runs from
// pictureLeft to pictureLeft+pictureSpan.
const (
	pictureW     = 160.0
	pictureH     = 30.0
	pictureLeft  = 5.0
	pictureSpan  = 150.0
	pictureGrain = 0.5 // positions are rounded to this, so a dot gives no more than the chart's decimals
)

// X is where fraction f lies on the SVG's axis.
func (p picture) X(f float64) float64 {
	return math.Round((pictureLeft+f*pictureSpan)/pictureGrain) * pictureGrain
}

// BandW is the band's width in SVG units.
func (p picture) BandW() float64 { return p.X(p.Band[1]) - p.X(p.Band[0]) }

// Empty reports a picture with nothing to draw on its axis.
func (p picture) Empty() bool {
	return len(p.Others) == 0 && p.Band == nil && p.Centre == nil && p.Target == nil && p.Own == nil
}

// newPicture draws line l. The axis starts at 0, so a bar's length and a
// dot's place tell the same story; shares run to 100 %, other units to a
// round number above every value drawn.
func newPicture(l SlipLine, t texts, p *msg.Printer) picture {
	ind := l.Indicator
	hi := 100.0
	if ind.Unit != meeting.UnitPercent {
		top := 0.0
		for _, v := range append([]float64{deref(l.Own), deref(l.Mean), deref(l.Target), deref(l.Q3)}, l.Others...) {
			top = math.Max(top, v)
		}
		hi = niceCeil(top)
	}
	frac := func(v *float64) *float64 {
		if v == nil {
			return nil
		}
		f := math.Max(0, math.Min(1, *v/hi))
		return &f
	}
	pic := picture{Title: ind.Title, Lo: axisLabel(0, ind.Unit, t), Hi: axisLabel(hi, ind.Unit, t),
		Centre: frac(l.Mean), Target: frac(l.Target), Own: frac(l.Own)}
	for _, v := range l.Others {
		pic.Others = append(pic.Others, *frac(&v))
	}
	if l.Q1 != nil && l.Q3 != nil {
		pic.Band = &[2]float64{*frac(l.Q1), *frac(l.Q3)}
	}
	var desc []string
	if l.Own != nil {
		desc = append(desc, t.own+" "+t.format(*l.Own, ind.Unit))
	}
	if l.Mean != nil {
		label := t.mean
		if l.Median {
			label = t.median
		}
		desc = append(desc, label+" "+t.format(*l.Mean, ind.Unit))
	}
	if l.Target != nil {
		desc = append(desc, t.target+" "+t.format(*l.Target, ind.Unit))
	}
	if l.Q1 != nil && l.Q3 != nil {
		desc = append(desc, p.T("export.SlipDescBand", t.format(*l.Q1, ind.Unit), t.format(*l.Q3, ind.Unit)))
	}
	pic.Desc = strings.Join(desc, "; ")
	return pic
}

// axisLabel writes an axis end, a round number, without decimals and
// with the unit's sign as the slip writes it.
func axisLabel(v float64, unit meeting.Unit, t texts) string {
	s := t.format(v, meeting.UnitCount)
	if v != math.Round(v) {
		s = meeting.FormatNumber(v, meeting.UnitPercent, t.lang) // one decimal
	}
	switch u := t.unitSymbols[unit]; {
	case u == "":
	case t.tightSymbol && (unit == meeting.UnitPercent || unit == meeting.UnitPer1000):
		s += u
	default:
		s += " " + u
	}
	return s
}

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// niceCeil is the smallest of 1, 2, 2.5, 5 times a power of ten that is at
// least v (1 for v ≤ 0).
func niceCeil(v float64) float64 {
	if v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 1
	}
	base := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*base >= v*(1-1e-12) {
			return m * base
		}
	}
	return 10 * base
}

// The text form's marks, in the order one covers another: the own mark
// over the cluster's, the cluster's over the target, the target over the
// other practices, those over the band and the band over the axis.
const (
	stripOwn    = "●"
	stripCentre = "│"
	stripTarget = "◆"
	stripOther  = "○"
	stripBand   = "═"
	stripAxis   = "─"
)

// textStrip draws p on one line of at most width cells: the axis's ends
// as labels, the marks in between. It is "" when there is nothing to draw
// or no room.
func textStrip(p picture, width int) string {
	n := width - meeting.Cells(p.Lo) - meeting.Cells(p.Hi) - 2
	if p.Empty() || n < 11 {
		return ""
	}
	n = min(n, 41)
	cell := func(f float64) int { return int(math.Round(f * float64(n-1))) }
	line := make([]string, n)
	for i := range line {
		line[i] = stripAxis
	}
	if p.Band != nil {
		for i := cell(p.Band[0]); i <= cell(p.Band[1]); i++ {
			line[i] = stripBand
		}
	}
	for _, f := range p.Others {
		line[cell(f)] = stripOther
	}
	for _, m := range []struct {
		f    *float64
		mark string
	}{{p.Target, stripTarget}, {p.Centre, stripCentre}, {p.Own, stripOwn}} {
		if m.f != nil {
			line[cell(*m.f)] = m.mark
		}
	}
	return p.Lo + " " + strings.Join(line, "") + " " + p.Hi
}
