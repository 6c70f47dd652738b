// Package export writes what leaves klynge after a meeting, from domain
// values to an io.Writer. It opens no files: the caller decides where the
// bytes go.
package export

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// Slip is one practice's personal page for one meeting: its own letter
// code, its own figures and the cluster's summary figures. It never holds
// anything about another practice but what the cluster's mean sums up:
// no other name, ydernummer or code. It holds no ydernummer at all, not
// even the practice's own; the name says whose envelope it goes in.
type Slip struct {
	MeetingTitle string
	// Date is the meeting's planned start, in the meeting's location.
	Date time.Time
	// Lang is "en" (or "en-GB", …) for English; anything else is Danish.
	// Slips sets it to the language it is asked for, the UI's.
	Lang     string
	Practice string
	Code     string
	// Period is the data period every figure on the slip shares; "" when
	// they differ (each line then shows its own) or none was given.
	Period string
	// Lines follow the pack's quality indicators in the pack's order.
	Lines []SlipLine
	// Context follows the pack's context indicators (list size, age mix).
	Context []ContextLine
	// Pledges are what the practice pledged at this meeting, by due date:
	// the slip's "what now".
	Pledges []SlipPledge
	// Next is when the cluster's next meeting is planned (a created
	// meeting or the year plan: meeting.NextPlannedStart); nil when none is.
	Next *time.Time
}

// SlipPledge is one of the practice's pledges from this meeting.
type SlipPledge struct {
	Action string
	// Owner is who carries it out: the pledge's owner, after the doctor
	// who pledged when a doctor did.
	Owner string
	Due   time.Time
	// Indicator is the linked indicator; its ID is "" when none.
	Indicator meeting.Indicator
	Target    *float64
}

// SlipInput is what a slip shows beyond the meeting's own figures.
type SlipInput struct {
	// Pledges are the meeting's pledges, as the follow-up list reads them
	// (store.PledgesWithDeleted); deleted ones are left out.
	Pledges []meeting.Pledge
	// Next is the cluster's next meeting (meeting.NextPlannedStart); nil
	// when none is planned.
	Next *time.Time
	// History is each indicator's figures across the cluster's meetings
	// up to this one (store.IndicatorHistory), by indicator id: the slip
	// shows the practice's own series beside the cluster's. An indicator
	// without one shows none.
	History map[string][]meeting.TrendMeeting
}

// SlipPoint is one meeting of an indicator's series on a slip: the
// practice's own value and the cluster's mean (or median, as the line
// gives) at that meeting.
type SlipPoint struct {
	Date time.Time
	// Own is nil when the practice had no figure then (or one in another
	// unit); OwnLow marks one under that meeting's minimum denominator.
	Own    *float64
	OwnLow bool
	// Cluster is nil when that meeting had too few counted practices for
	// a cluster figure, or measured in another unit.
	Cluster *float64
	// Current marks this meeting.
	Current bool
}

// seriesLength is how many meetings a slip's series shows at most: this
// one and up to three before it.
const seriesLength = 4

// SlipLine is the practice's figure on one quality indicator next to the
// cluster's and the benchmarks.
type SlipLine struct {
	Indicator meeting.Indicator
	// Own is the practice's value in the indicator's unit; nil for "ingen
	// data". OwnNumerator and OwnDenominator are the figures behind a
	// share, nil for a ready value.
	Own            *float64
	OwnNumerator   *float64
	OwnDenominator *float64
	// OwnLow marks a denominator under the indicator's minimum: the value
	// is shown but left out of the mean and not placed in a fifth.
	OwnLow bool
	// Mean is the cluster's mean over the practices that count (those not
	// under the minimum denominator); nil when none count. When Median is
	// set it is the cluster's median instead.
	Mean *float64
	// Median reports that the projected chart showed the cluster's median
	// and no mean, so the slip gives the same figure the room saw.
	Median   bool
	Region   *float64
	National *float64
	Target   *float64
	// Fifth is which fifth of the cluster the own value falls in, 1 for
	// the best (the highest for an indicator without a direction) to 5;
	// 0 when the value is missing or under the minimum, or none count.
	Fifth int
	// ClusterN is how many practices the mean and the fifths count.
	ClusterN int
	Period   string
	// Others are the values of the other practices that count, sorted,
	// with nothing that says whose they are; Q1 and Q3 are the cluster's
	// quartiles (the middle half lies between them). All three are empty
	// when fewer practices count than the indicator's minimum: no spread
	// is shown then, as no cluster figure is.
	Others []float64
	Q1, Q3 *float64
	// Series is the practice's own value and the cluster's at this and
	// the last earlier meetings that had the indicator, oldest first; nil
	// when no earlier meeting had it.
	Series []SlipPoint
}

// ContextLine is the practice's figure on one context indicator next to
// the cluster's mean and the benchmarks.
type ContextLine struct {
	Indicator meeting.Indicator
	Own       *float64
	Mean      *float64
	Region    *float64
	National  *float64
	ClusterN  int
	Period    string
}

// Slips makes one slip for every practice in practices that has a code at
// meeting m in lang, ordered by code (A … Z, AA, …). Practices without a code get
// none; codes of practices not in practices are still counted in the
// cluster's figures. A meeting without codes is an EINVALID error.
func Slips(m meeting.Meeting, practices []meeting.Practice, lang string) ([]Slip, error) {
	return SlipsWith(m, practices, lang, SlipInput{})
}

// SlipsWith is Slips with each practice's pledges from in and the next
// meeting's date: the slip's "what now".
func SlipsWith(m meeting.Meeting, practices []meeting.Practice, lang string, in SlipInput) ([]Slip, error) {
	// Stored text may come from an older version: make it inert first.
	m, practices = meeting.InertCopy(m, exportLines()...), meeting.InertCopy(practices, exportLines()...)
	pledges := map[string][]SlipPledge{}
	for _, g := range followUpGroups(m, meeting.Cluster{Practices: practices}, meeting.InertCopy(in.Pledges, exportLines()...)) {
		for _, l := range g.Lines {
			owner := l.Pledge.Owner
			if l.Doctor != "" && l.Pledge.MemberID != 0 {
				owner = strings.TrimSuffix(strings.TrimSpace(l.Doctor+", "+owner), ",")
			}
			pledges[g.Ydernummer] = append(pledges[g.Ydernummer], SlipPledge{Action: l.Pledge.Action, Owner: owner,
				Due: l.Pledge.Due, Indicator: l.Indicator, Target: l.Pledge.Target})
		}
	}
	if len(m.Codes) == 0 {
		return nil, meeting.Errork(meeting.EINVALID, "export.SlipNoCodes", m.Title)
	}
	// Codes only, never names: nothing on a slip says who another bar is.
	labels := m.Labels(nil)
	own := map[string]map[string]meeting.DataRow{}
	rows := map[string][]meeting.DataRow{}
	for _, r := range m.Values {
		rows[r.Indicator] = append(rows[r.Indicator], r)
		if own[r.Ydernummer] == nil {
			own[r.Ydernummer] = map[string]meeting.DataRow{}
		}
		if _, dup := own[r.Ydernummer][r.Indicator]; !dup {
			own[r.Ydernummer][r.Indicator] = r
		}
	}
	charts := make([]meeting.Chart, len(m.Pack.Indicators))
	for i, ind := range m.Pack.Indicators {
		// The cluster's figure the projector showed: the median where the
		// chart showed a median and no mean, else the mean.
		withMean := ind
		withMean.Marks = []meeting.MarkKind{ind.CentreMark()}
		charts[i] = meeting.BuildChart(withMean, rows[ind.ID], labels, nil)
	}
	// The cluster's trend is the same on every slip: worked out once per
	// indicator, not once per practice (30 practices × 41 meetings' charts
	// on ten years of history was most of the export's time).
	trends := make(map[string]meeting.Trend, len(m.Pack.Indicators))
	for _, ind := range m.Pack.Indicators {
		if _, done := trends[ind.ID]; !done && !ind.Context {
			trends[ind.ID] = meeting.IndicatorTrend(in.History[ind.ID], m.ID)
		}
	}

	var slips []Slip
	done := map[string]bool{}
	for _, p := range practices {
		code, ok := m.Codes[p.Ydernummer]
		if !ok || done[p.Ydernummer] {
			continue
		}
		done[p.Ydernummer] = true
		s := Slip{MeetingTitle: m.Title, Date: m.PlannedStart, Lang: lang, Practice: p.Name, Code: code,
			Pledges: pledges[p.Ydernummer], Next: in.Next}
		for i, ind := range m.Pack.Indicators {
			c := charts[i]
			var value *float64
			var low bool
			r, has := own[p.Ydernummer][ind.ID]
			if v, ok := r.Computed(ind.Unit); has && ok {
				value = &v
				low = r.Denominator != nil && *r.Denominator < float64(ind.MinDenominator)
			}
			mean, n := clusterMean(c, ind.CentreMark())
			period := r.Period
			if period == "" {
				period = c.Period
			}
			if ind.Context {
				s.Context = append(s.Context, ContextLine{
					Indicator: ind, Own: value, Mean: mean, Region: ind.Region, National: ind.National,
					ClusterN: n, Period: period,
				})
				continue
			}
			line := SlipLine{
				Indicator: ind, Own: value, OwnLow: low, Mean: mean, Median: ind.CentreMark() == meeting.MarkMedian,
				Region: ind.Region, National: ind.National, Target: ind.Target,
				ClusterN: n, Period: period,
			}
			if value != nil {
				line.OwnNumerator, line.OwnDenominator = r.Numerator, r.Denominator
				if !low && n > 0 {
					line.Fifth = c.Fifth(*value)
				}
			}
			line.Series = slipSeries(trends[ind.ID], in.History[ind.ID], m.ID, p.Ydernummer, ind.Unit, ind.CentreMark())
			if q1, q3, ok := c.Quartiles(); ok {
				line.Q1, line.Q3 = &q1, &q3
				line.Others = others(ind, rows[ind.ID], labels, p.Ydernummer)
			}
			s.Lines = append(s.Lines, line)
		}
		s.Period = sharedPeriod(s)
		slips = append(slips, s)
	}
	sort.Slice(slips, func(i, j int) bool { return meeting.CodeLess(slips[i].Code, slips[j].Code) })
	return slips, nil
}

// slipSeries is practice yd's series and the cluster's on one indicator
// from its history up to meeting current (trend is the cluster's,
// meeting.IndicatorTrend of history): the last seriesLength meetings,
// nil when there is no earlier one. A meeting that measured in another
// unit than unit shows neither figure.
func slipSeries(trend meeting.Trend, history []meeting.TrendMeeting, current int64, yd string, unit meeting.Unit, centre meeting.MarkKind) []SlipPoint {
	own := meeting.PracticeSeries(history, yd)
	if len(trend.Points) != len(own) {
		return nil
	}
	var out []SlipPoint
	earlier := false
	for i, tp := range trend.Points {
		earlier = earlier || tp.MeetingID != current
		sp := SlipPoint{Date: tp.Date, Current: tp.MeetingID == current}
		if v, ok := tp.Centre(centre); ok && history[i].Indicator.Unit == unit {
			sp.Cluster = &v
		}
		if o := own[i]; o.Has && o.Unit == unit {
			v := o.Value
			sp.Own, sp.OwnLow = &v, o.Low
		}
		out = append(out, sp)
	}
	if !earlier {
		return nil
	}
	return out[max(0, len(out)-seriesLength):]
}

// others are the values that count of every practice with a code but
// own, sorted so their order says nothing of whose they are.
func others(ind meeting.Indicator, rows []meeting.DataRow, labels map[string]string, own string) []float64 {
	var vs []float64
	seen := map[string]bool{}
	for _, r := range rows {
		if _, coded := labels[r.Ydernummer]; !coded || r.Ydernummer == own || seen[r.Ydernummer] || ind.IsLow(r) {
			continue
		}
		if v, ok := r.Computed(ind.Unit); ok {
			seen[r.Ydernummer] = true
			vs = append(vs, v)
		}
	}
	sort.Float64s(vs)
	return vs
}

// clusterMean is the chart's mark of the given kind (mean or median) and
// how many bars it counts.
func clusterMean(c meeting.Chart, kind meeting.MarkKind) (*float64, int) {
	n := 0
	for _, b := range c.Bars {
		if !b.Low {
			n++
		}
	}
	v, ok := c.Mark(kind)
	if !ok {
		return nil, n
	}
	return &v, n
}

// sharedPeriod is the period all of a slip's figures give, or "".
func sharedPeriod(s Slip) string {
	period := ""
	check := func(p string) bool {
		switch {
		case p == "":
		case period == "":
			period = p
		case p != period:
			return false
		}
		return true
	}
	for _, l := range s.Lines {
		if !check(l.Period) {
			return ""
		}
	}
	for _, l := range s.Context {
		if !check(l.Period) {
			return ""
		}
	}
	return period
}

// WriteSlipHTML writes s as one printable HTML page: one A4 sheet for a
// pack of six indicators and its context, black on white and with a
// picture per indicator drawn in inline SVG, so it survives a grey-scale
// printer and needs nothing from the network.
func WriteSlipHTML(w io.Writer, s Slip) error {
	return slipTemplate().Execute(w, newSlipView(s))
}

// WriteSlipText writes s as plain text for an e-mail body or a printer
// without a browser, 72 characters wide.
func WriteSlipText(w io.Writer, s Slip) error {
	return WriteSlipTextWidth(w, s, textWidth)
}

// WriteSlipTextWidth writes s as plain text in lines of at most width
// cells (at least minTextWidth): the console previews a slip in its own
// width.
func WriteSlipTextWidth(w io.Writer, s Slip, width int) error {
	width = max(minTextWidth, width)
	v := newSlipView(s)
	var b strings.Builder
	b.WriteString(wrap(v.Practice, width) + "\n")
	b.WriteString(v.CodeLabel + " " + v.Code + "\n\n")
	b.WriteString(wrap(v.MeetingTitle, width) + "\n")
	b.WriteString(wrap(v.When, width) + "\n")
	if v.Period != "" {
		b.WriteString(wrap(v.Period, width) + "\n")
	}
	b.WriteString("\n" + wrap(v.Private, width) + "\n")
	labelW, valueW := 0, 0
	for _, l := range v.Lines {
		for _, r := range l.Rows() {
			labelW = max(labelW, cells(r.Label))
			if !r.Missing {
				valueW = max(valueW, cells(r.Value))
			}
		}
	}
	labelW = max(labelW, cells(v.PlacementLabel), cells(v.PictureLabel), cells(v.SeriesLabel))
	rule := strings.Repeat("-", width) + "\n"
	indent := strings.Repeat(" ", 2+labelW+2)
	for _, l := range v.Lines {
		b.WriteString("\n" + rule + wrap(l.Title, width) + "\n" + wrap(l.Meta, width) + "\n\n")
		for _, r := range l.Rows() {
			value := padLeft(r.Value, valueW)
			if r.Missing {
				value = r.Value // words read from the left
			}
			line := "  " + pad(r.Label, labelW) + "  " + value
			// Further notes go on lines of their own under the first.
			for i, note := range r.Notes {
				if i > 0 || cells(line)+3+cells(note) > width {
					line += "\n" + indent + strings.Repeat(" ", valueW)
				}
				line += "   " + note
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("  " + pad(v.PlacementLabel, labelW) + "  " + l.Placement + "\n")
		if strip := textStrip(l.Picture, width-cells(indent)); strip != "" {
			b.WriteString("  " + pad(v.PictureLabel, labelW) + "  " + strip + "\n")
		}
		b.WriteString(seriesText(l.Series, v.SeriesLabel, labelW, width))
	}
	if v.AnyLowInSeries {
		b.WriteString("\n" + wrap(v.SeriesLowNote, width) + "\n")
	}
	if len(v.Lines) > 0 {
		b.WriteString("\n" + wrap(v.StripLegend, width) + "\n")
	}
	if len(v.Context) > 0 {
		b.WriteString("\n" + rule + v.ContextHead + "\n" + wrap(v.ContextIntro, width) + "\n\n")
		widths := make([]int, len(v.ContextColumns))
		for i, h := range v.ContextColumns {
			widths[i] = cells(h)
		}
		for _, r := range v.Context {
			for i, c := range r {
				widths[i] = max(widths[i], cells(c))
			}
		}
		// A long title is cut rather than the figures pushed off the line.
		rest := 2
		for _, w := range widths[1:] {
			rest += 2 + w
		}
		widths[0] = max(8, min(widths[0], width-rest))
		for _, r := range append([][]string{v.ContextColumns}, v.Context...) {
			line := "  " + pad(meeting.FitCells(r[0], widths[0]), widths[0])
			for i := 1; i < len(r); i++ {
				line += "  " + padLeft(r[i], widths[i])
			}
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
	}
	b.WriteString("\n" + rule + v.NowHead + "\n\n")
	if len(v.Pledges) == 0 {
		b.WriteString(wrap(v.NoPledges, width) + "\n")
	}
	for i, p := range v.Pledges {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(hang("- ", p.Action, width) + "\n")
		b.WriteString(hang("  ", strings.Join(p.Details(), " · "), width) + "\n")
	}
	b.WriteString("\n" + wrap(v.Next, width) + "\n")
	b.WriteString("\n" + rule)
	for _, f := range v.Footer {
		b.WriteString(wrap(f, width) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// seriesText is a line's series as three rows under a label: the
// meetings' dates, the own values and the cluster's, in right-aligned
// columns; "" without a series. Columns that do not fit the width are
// dropped from the oldest.
func seriesText(sv seriesView, label string, labelW, width int) string {
	if len(sv.Dates) == 0 {
		return ""
	}
	rowLabels := []string{"", "  " + sv.OwnLabel, "  " + sv.ClusterLabel}
	lw := labelW
	for _, r := range rowLabels {
		lw = max(lw, cells(r))
	}
	colW := 0
	for _, col := range [][]string{sv.Dates, sv.Own, sv.Cluster} {
		for _, c := range col {
			colW = max(colW, cells(c))
		}
	}
	first := 0
	for first < len(sv.Dates)-1 && 2+lw+(len(sv.Dates)-first)*(2+colW) > width {
		first++
	}
	var b strings.Builder
	for i, row := range [][]string{sv.Dates, sv.Own, sv.Cluster} {
		l := rowLabels[i]
		if i == 0 {
			l = label
		}
		line := "  " + pad(l, lw)
		for _, c := range row[first:] {
			line += "  " + padLeft(c, colW)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// textWidth is the width of the text slip, which fits an e-mail body;
// minTextWidth the narrowest WriteSlipTextWidth writes.
const (
	textWidth    = 72
	minTextWidth = 60
)

// cells is how many terminal cells s takes, so a wide character or an
// emoji in a pack's title never shifts a column.
func cells(s string) int { return meeting.Cells(s) }

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-cells(s)))
}

func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(0, w-cells(s))) + s
}

// wrap breaks s into lines of at most width cells at spaces; a word
// longer than a line is broken inside.
func wrap(s string, width int) string { return wrapIndent(s, width, "") }

// wrapIndent is wrap with every line after the first starting with
// indent. Line breaks in s are kept.
func wrapIndent(s string, width int, indent string) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		lead := ""
		if len(out) > 0 {
			lead = indent
		}
		room := func() int { return max(1, width-cells(lead)) }
		for _, word := range strings.Fields(para) {
			for cells(word) > room() {
				// A word that fills a line alone (a pasted address) is
				// broken where it reaches the edge.
				if line != "" {
					out, line, lead = append(out, lead+line), "", indent
					continue
				}
				head := ansi.Truncate(word, room(), "")
				if head == "" {
					head = string([]rune(word)[:1])
				}
				out, lead = append(out, lead+head), indent
				word = word[len(head):]
			}
			switch {
			case line == "":
				line = word
			case cells(line)+1+cells(word) > room():
				out, line, lead = append(out, lead+line), word, indent
			default:
				line += " " + word
			}
		}
		if line != "" || len(out) == 0 {
			out, lead = append(out, lead+line), indent
		}
	}
	return strings.Join(out, "\n")
}

// newSeriesView writes l's series: numbers without their unit (the
// line gives it), "–" where a meeting has none, and an own value under
// that meeting's minimum denominator marked with a star.
func newSeriesView(l SlipLine, clusterLabel string, t texts, p *msg.Printer) seriesView {
	sv := seriesView{OwnLabel: t.own, ClusterLabel: clusterLabel}
	num := func(v *float64) string {
		if v == nil {
			return "–"
		}
		return meeting.FormatNumber(*v, l.Indicator.Unit, t.lang)
	}
	for _, pt := range l.Series {
		sv.Dates = append(sv.Dates, p.T("export.SlipSeriesDate", p.Words("export.SlipMonthsShort")[pt.Date.Month()-1], strconv.Itoa(pt.Date.Year())))
		own := num(pt.Own)
		if pt.Own != nil && pt.OwnLow {
			own += "*"
			sv.AnyLow = true
		}
		sv.Own = append(sv.Own, own)
		sv.Cluster = append(sv.Cluster, num(pt.Cluster))
	}
	return sv
}

// hang wraps s to width with lead before its first line and as many
// spaces before the others.
func hang(lead, s string, width int) string {
	lines := strings.Split(wrap(s, width-cells(lead)), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = lead + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", cells(lead)) + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// slipView is a slip with every text already written in the slip's
// language, shared by the HTML and the text form.
type slipView struct {
	Lang           string
	DocTitle       string
	Kicker         string
	Practice       string
	CodeLabel      string
	Code           string
	MeetingTitle   string
	When           string
	Period         string
	Private        string
	PlacementLabel string
	PictureLabel   string
	SeriesLabel    string
	SeriesLowNote  string
	AnyLowInSeries bool
	// Columns head the HTML's table of figures; HasRegion and HasNational
	// say whether any line has those benchmarks (else no column).
	Columns     columnsView
	HasRegion   bool
	HasNational bool
	Lines       []lineView
	// Legend explains the pictures' marks; StripLegend the text form's.
	Legend         []legendView
	StripLegend    string
	ContextHead    string
	ContextIntro   string
	ContextColumns []string
	Context        [][]string
	NowHead        string
	Pledges        []pledgeView
	PledgeColumns  []string
	NoPledges      string
	Next           string
	Footer         []string
}

type columnsView struct {
	Indicator, Own, Cluster, Target, Region, National, Picture string
}

type lineView struct {
	Title string
	Meta  string
	// Own is the practice's value, Cluster the cluster's mean or median,
	// with their notes ("98 af 131", "13 praksis").
	Own, Cluster rowView
	// ClusterNote says in the HTML's narrow column what the cluster's
	// figure is and how many practices it counts.
	ClusterNote string
	// Benchmarks are the pack's own figures, in the slip's order (region,
	// national, target); a missing one has no Value.
	Region, National, Target rowView
	Placement                string
	Picture                  picture
	// Series is the own and the cluster's figures at the last meetings;
	// empty Dates when there is none.
	Series seriesView
}

// seriesView is a line's series written out: a column per meeting.
type seriesView struct {
	Dates, Own, Cluster []string
	// OwnLabel and ClusterLabel name the rows in the text form; AnyLow
	// says an own value is marked as under the minimum denominator.
	OwnLabel, ClusterLabel string
	AnyLow                 bool
}

// Rows are the figures in the order the text form lists them: own value,
// the cluster's, then the benchmarks the pack gives.
func (l lineView) Rows() []rowView {
	rows := []rowView{l.Own, l.Cluster}
	for _, r := range []rowView{l.Region, l.National, l.Target} {
		if r.Value != "" {
			rows = append(rows, r)
		}
	}
	return rows
}

type rowView struct {
	Label string
	Value string
	Notes []string
	Own   bool
	// Missing marks a value that is words ("ingen data"), not a number.
	Missing bool
}

type legendView struct {
	Mark  string // the mark's kind: own, other, band, centre, target
	Label string
}

type pledgeView struct {
	Action, Owner, Due, Link string
	ownerLabel, dueLabel     string
}

// Details are the pledge's owner, due date and linked indicator, each as
// a labelled line for the text form.
func (p pledgeView) Details() []string {
	var out []string
	if p.Owner != "" {
		out = append(out, p.ownerLabel+": "+p.Owner)
	}
	out = append(out, p.dueLabel+": "+p.Due)
	if p.Link != "" {
		out = append(out, p.Link)
	}
	return out
}

func newSlipView(s Slip) slipView {
	t := slipText(s.Lang)
	pr := msg.For(s.Lang)
	f := pr.Format
	v := slipView{
		Lang:           t.lang,
		DocTitle:       fmt.Sprintf(t.docTitle, s.Practice),
		Kicker:         t.kicker,
		Practice:       s.Practice,
		CodeLabel:      t.codeLabel,
		Code:           s.Code,
		MeetingTitle:   s.MeetingTitle,
		When:           t.formatDate(s.Date),
		Private:        t.private,
		PlacementLabel: t.placement,
		PictureLabel:   f("export.SlipPicture"),
		SeriesLabel:    f("export.SlipSeries"),
		SeriesLowNote:  f("export.SlipSeriesLow"),
		ContextHead:    t.contextHead,
		ContextIntro:   t.contextIntro,
		ContextColumns: []string{"", t.contextOwn, t.contextMean, t.region, t.national},
		NowHead:        f("export.SlipNowHead"),
		PledgeColumns:  []string{f("export.SlipPledgeAction"), f("export.SlipPledgeOwner"), f("export.SlipPledgeDue")},
		NoPledges:      f("export.SlipNoPledges"),
		Next:           f("export.SlipNoNext"),
		Footer:         []string{t.footerMean, t.footerFifths},
	}
	v.Columns = columnsView{Indicator: f("export.SlipColIndicator"), Own: t.own, Cluster: f("export.SlipColCluster"),
		Target: t.target, Region: t.region, National: t.national, Picture: f("export.SlipColPicture")}
	if s.Next != nil {
		v.Next = pr.T("export.SlipNext", longDate(pr, *s.Next), clockTime(pr, *s.Next))
	}
	medians, means := 0, 0
	for _, l := range s.Lines {
		if l.Median {
			medians++
		} else {
			means++
		}
	}
	centre := f("export.SlipLegendMean")
	switch {
	case medians > 0 && means == 0:
		v.Footer[0], centre = t.footerMedian, f("export.SlipLegendMedian")
	case medians > 0:
		v.Footer[0], centre = t.footerBoth, f("export.SlipLegendCentre")
	}
	v.Legend = []legendView{{"own", f("export.SlipLegendOwn")}, {"other", f("export.SlipLegendOthers")},
		{"band", f("export.SlipLegendBand")}, {"centre", centre}, {"target", f("export.SlipLegendTarget")}}
	v.StripLegend = pr.T("export.SlipStripLegend", stripOwn, stripOther, stripBand, stripCentre, centre, stripTarget)
	if s.Period != "" {
		v.Period = fmt.Sprintf(t.period, t.wordPeriod(s.Period))
	}
	for _, l := range s.Lines {
		ind := l.Indicator
		meta := []string{fmt.Sprintf(t.unitLabel, t.units[ind.Unit])}
		if d := t.directions[ind.Better]; d != "" {
			meta = append(meta, d)
		}
		if s.Period == "" && l.Period != "" {
			meta = append(meta, fmt.Sprintf(t.period, t.wordPeriod(l.Period)))
		}
		lv := lineView{Title: ind.Title, Meta: strings.Join(meta, " · ")}
		lv.Own = rowView{Label: t.own, Value: t.noData, Own: true, Missing: true}
		if l.Own != nil {
			lv.Own.Value, lv.Own.Missing = t.format(*l.Own, ind.Unit), false
			if l.OwnNumerator != nil && l.OwnDenominator != nil {
				// "74 af 128 UVI-ordinationer": the pack's counts says what is counted.
				lv.Own.Notes = append(lv.Own.Notes, strings.TrimSpace(fmt.Sprintf(t.of, t.format(*l.OwnNumerator, meeting.UnitCount), t.format(*l.OwnDenominator, meeting.UnitCount))+" "+meeting.Inert(ind.Counts)))
			}
			if l.OwnLow {
				lv.Own.Notes = append(lv.Own.Notes, fmt.Sprintf(t.low, ind.MinDenominator))
			}
		}
		label := t.mean
		if l.Median {
			label = t.median
		}
		lv.Cluster = rowView{Label: label, Value: "–", Notes: []string{t.noCluster}}
		lv.ClusterNote = t.noCluster
		if l.Mean != nil {
			lv.Cluster.Value = t.format(*l.Mean, ind.Unit)
			lv.Cluster.Notes = []string{t.practices(l.ClusterN)}
			lv.ClusterNote = pr.T("export.SlipClusterMeanOf", l.ClusterN)
			if l.Median {
				lv.ClusterNote = pr.T("export.SlipClusterMedianOf", l.ClusterN)
			}
		}
		bench := func(label string, x *float64) rowView {
			if x == nil {
				return rowView{Label: label}
			}
			return rowView{Label: label, Value: t.format(*x, ind.Unit)}
		}
		lv.Region, lv.National, lv.Target = bench(t.region, l.Region), bench(t.national, l.National), bench(t.target, l.Target)
		v.HasRegion = v.HasRegion || l.Region != nil
		v.HasNational = v.HasNational || l.National != nil
		switch {
		case l.Fifth >= 1 && l.Fifth <= 5:
			lv.Placement = t.fifth(l.Fifth, ind.Better)
		case l.Own == nil:
			lv.Placement = t.notPlacedNoData
		case l.OwnLow:
			lv.Placement = t.notPlacedLow
		default:
			lv.Placement = t.notPlaced
		}
		lv.Picture = newPicture(l, t, pr)
		lv.Series = newSeriesView(l, label, t, pr)
		v.AnyLowInSeries = v.AnyLowInSeries || lv.Series.AnyLow
		v.Lines = append(v.Lines, lv)
	}
	for _, l := range s.Context {
		row := []string{l.Indicator.Title}
		for _, x := range []*float64{l.Own, l.Mean, l.Region, l.National} {
			if x == nil {
				row = append(row, "–")
			} else {
				row = append(row, t.format(*x, l.Indicator.Unit))
			}
		}
		if l.Own == nil {
			row[1] = t.noData
		}
		v.Context = append(v.Context, row)
	}
	for _, p := range s.Pledges {
		due := pr.T("export.SlipDueDate", p.Due.Day(), pr.Words("export.Months")[p.Due.Month()-1], strconv.Itoa(p.Due.Year()))
		pv := pledgeView{Action: p.Action, Owner: p.Owner, Due: due,
			ownerLabel: f("export.SlipPledgeOwner"), dueLabel: f("export.SlipPledgeDue")}
		if p.Indicator.ID != "" {
			pv.Link = pr.T("export.SlipPledgeLink", p.Indicator.Title)
			if p.Target != nil {
				pv.Link = pr.T("export.SlipPledgeLinkTarget", p.Indicator.Title, t.format(*p.Target, p.Indicator.Unit))
			}
		}
		v.Pledges = append(v.Pledges, pv)
	}
	return v
}

// texts are a slip's words in one language.
type texts struct {
	lang, docTitle, kicker, codeLabel, private, period              string
	own, mean, region, national, target, placement, noData, of, low string
	noCluster, notPlaced, notPlacedLow, notPlacedNoData, unitLabel  string
	contextHead, contextIntro, contextOwn, contextMean              string
	footerMean, footerFifths                                        string
	median, footerMedian, footerBoth                                string
	best, highest, lowest                                           string
	units                                                           map[meeting.Unit]string
	unitSymbols                                                     map[meeting.Unit]string
	// tightSymbol writes % and ‰ right after the number, as English does.
	tightSymbol bool
	directions  map[meeting.Direction]string
	practices   func(n int) string
	fifthName   func(int) string
	formatDate  func(time.Time) string
	// wordPeriod shows a stored period in the slip's language.
	wordPeriod func(string) string
}

func slipText(lang string) texts {
	p := msg.For(lang)
	f := p.Format
	units := map[meeting.Unit]string{meeting.UnitPercent: f("export.SlipUnitPercent"), meeting.UnitPer1000: f("export.SlipUnitPer1000"),
		meeting.UnitCount: f("export.SlipUnitCount"), meeting.UnitDays: f("export.SlipUnitDays")}
	return texts{
		lang: p.Lang(), docTitle: f("export.SlipDocTitle"), kicker: f("export.SlipKicker"),
		wordPeriod: func(s string) string { return meeting.WordPeriod(s, p.T) },
		codeLabel:  f("export.SlipCode"), private: f("export.SlipPrivate"), period: f("export.SlipPeriod"),
		own: f("export.SlipOwn"), mean: f("export.SlipMean"), region: f("export.SlipRegion"), national: f("export.SlipNational"),
		target: f("export.SlipTarget"), placement: f("export.SlipPlacement"), noData: f("export.SlipNoData"), of: f("export.SlipOf"),
		low: f("export.SlipLow"), noCluster: f("export.SlipNoCluster"),
		notPlaced: f("export.SlipNotPlaced"), notPlacedLow: f("export.SlipNotPlacedLow"), notPlacedNoData: f("export.SlipNotPlacedNoData"),
		unitLabel: f("export.SlipUnit"), contextHead: f("export.SlipContextHead"), contextIntro: f("export.SlipContextIntro"),
		contextOwn: f("export.SlipContextOwn"), contextMean: f("export.SlipContextMean"),
		footerMean: f("export.SlipFooterMean"), median: f("export.SlipMedian"), footerMedian: f("export.SlipFooterMedian"),
		footerBoth: f("export.SlipFooterBoth"), footerFifths: f("export.SlipFooterFifths"),
		practices: func(n int) string { return p.T("export.SlipPractices", n) },
		best:      f("export.SlipBest"), highest: f("export.SlipHighest"), lowest: f("export.SlipLowest"),
		units: units,
		// A share or a rate takes its sign right after the number in
		// English (83.2%), after a space in Danish (83,2 %).
		unitSymbols: map[meeting.Unit]string{meeting.UnitPercent: "%", meeting.UnitPer1000: "‰", meeting.UnitDays: units[meeting.UnitDays]},
		tightSymbol: p.Lang() == "en",
		directions:  map[meeting.Direction]string{meeting.HigherIsBetter: f("export.SlipHigher"), meeting.LowerIsBetter: f("export.SlipLower")},
		fifthName:   func(n int) string { return p.Words("export.SlipFifths")[n-1] },
		formatDate: func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return p.T("export.SlipWhen", longDate(p, t), clockTime(p, t))
		},
	}
}

// fifth names a fifth with a hint at its end of the scale.
func (t texts) fifth(n int, better meeting.Direction) string {
	s := t.fifthName(n)
	switch {
	case better == meeting.NoDirection && n == 1:
		s += " (" + t.highest + ")"
	case better == meeting.NoDirection && n == 5:
		s += " (" + t.lowest + ")"
	case n == 1:
		s += " (" + t.best + ")"
	}
	return s
}

// format writes a value as the language writes numbers
// (meeting.FormatNumber), followed by the unit's symbol.
func (t texts) format(v float64, unit meeting.Unit) string {
	out := meeting.FormatNumber(v, unit, t.lang)
	switch u := t.unitSymbols[unit]; {
	case u == "":
	case t.tightSymbol && (unit == meeting.UnitPercent || unit == meeting.UnitPer1000):
		out += u
	default:
		out += " " + u
	}
	return out
}
