// Package export writes what leaves klynge after a meeting, from domain
// values to an io.Writer. It opens no files: the caller decides where the
// bytes go.
package export

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

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
}

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
	// Stored text may come from an older version: make it inert first.
	m, practices = meeting.InertCopy(m, exportLines()...), meeting.InertCopy(practices, exportLines()...)
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
		withMean.Marks = []meeting.MarkKind{centreMark(ind)}
		charts[i] = meeting.BuildChart(withMean, rows[ind.ID], labels, nil)
	}

	var slips []Slip
	done := map[string]bool{}
	for _, p := range practices {
		code, ok := m.Codes[p.Ydernummer]
		if !ok || done[p.Ydernummer] {
			continue
		}
		done[p.Ydernummer] = true
		s := Slip{MeetingTitle: m.Title, Date: m.PlannedStart, Lang: lang, Practice: p.Name, Code: code}
		for i, ind := range m.Pack.Indicators {
			c := charts[i]
			var value *float64
			var low bool
			r, has := own[p.Ydernummer][ind.ID]
			if v, ok := r.Computed(ind.Unit); has && ok {
				value = &v
				low = r.Denominator != nil && *r.Denominator < float64(ind.MinDenominator)
			}
			mean, n := clusterMean(c, centreMark(ind))
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
				Indicator: ind, Own: value, OwnLow: low, Mean: mean, Median: centreMark(ind) == meeting.MarkMedian,
				Region: ind.Region, National: ind.National, Target: ind.Target,
				ClusterN: n, Period: period,
			}
			if value != nil {
				line.OwnNumerator, line.OwnDenominator = r.Numerator, r.Denominator
				if !low && n > 0 {
					line.Fifth = c.Fifth(*value)
				}
			}
			s.Lines = append(s.Lines, line)
		}
		s.Period = sharedPeriod(s)
		slips = append(slips, s)
	}
	sort.Slice(slips, func(i, j int) bool { return meeting.CodeLess(slips[i].Code, slips[j].Code) })
	return slips, nil
}

// centreMark is the cluster statistic the projected chart of ind shows:
// the median when its marks have a median and no mean, else the mean
// (also for a chart that shows neither, as the slip always gives one).
func centreMark(ind meeting.Indicator) meeting.MarkKind {
	median := false
	for _, k := range ind.Marks {
		switch k {
		case meeting.MarkMean:
			return meeting.MarkMean
		case meeting.MarkMedian:
			median = true
		}
	}
	if median && !ind.Context {
		return meeting.MarkMedian
	}
	return meeting.MarkMean
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

// WriteSlipHTML writes s as one printable HTML page (A4, large type, black
// on white so it survives a grey-scale printer).
func WriteSlipHTML(w io.Writer, s Slip) error {
	return slipTemplate.Execute(w, newSlipView(s))
}

// WriteSlipText writes s as plain text for an e-mail body or a printer
// without a browser.
func WriteSlipText(w io.Writer, s Slip) error {
	v := newSlipView(s)
	var b strings.Builder
	b.WriteString(v.Practice + "\n")
	b.WriteString(v.CodeLabel + " " + v.Code + "\n\n")
	b.WriteString(v.MeetingTitle + "\n")
	b.WriteString(v.When + "\n")
	if v.Period != "" {
		b.WriteString(v.Period + "\n")
	}
	b.WriteString("\n" + wrap(v.Private, textWidth) + "\n")
	labelW, valueW := 0, 0
	for _, l := range v.Lines {
		for _, r := range l.Rows {
			labelW = max(labelW, utf8.RuneCountInString(r.Label))
			if !r.Missing {
				valueW = max(valueW, utf8.RuneCountInString(r.Value))
			}
		}
		labelW = max(labelW, utf8.RuneCountInString(v.PlacementLabel))
	}
	rule := strings.Repeat("-", textWidth) + "\n"
	for _, l := range v.Lines {
		b.WriteString("\n" + rule + l.Title + "\n" + l.Meta + "\n\n")
		for _, r := range l.Rows {
			value := padLeft(r.Value, valueW)
			if r.Missing {
				value = r.Value // words read from the left
			}
			line := "  " + pad(r.Label, labelW) + "  " + value
			// Further notes go on lines of their own under the first.
			for i, note := range r.Notes {
				if i > 0 {
					line += "\n" + strings.Repeat(" ", 2+labelW+2+valueW)
				}
				line += "   " + note
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("  " + pad(v.PlacementLabel, labelW) + "  " + l.Placement + "\n")
	}
	if len(v.Context) > 0 {
		b.WriteString("\n" + rule + v.ContextHead + "\n" + v.ContextIntro + "\n\n")
		widths := make([]int, len(v.ContextColumns))
		for i, h := range v.ContextColumns {
			widths[i] = utf8.RuneCountInString(h)
		}
		for _, r := range v.Context {
			for i, c := range r {
				widths[i] = max(widths[i], utf8.RuneCountInString(c))
			}
		}
		for _, r := range append([][]string{v.ContextColumns}, v.Context...) {
			line := "  " + pad(r[0], widths[0])
			for i := 1; i < len(r); i++ {
				line += "  " + padLeft(r[i], widths[i])
			}
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
	}
	b.WriteString("\n" + rule)
	for _, f := range v.Footer {
		b.WriteString(wrap(f, textWidth) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// textWidth is the width of the text slip, which fits an e-mail body.
const textWidth = 72

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-utf8.RuneCountInString(s)))
}

func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(0, w-utf8.RuneCountInString(s))) + s
}

// wrap breaks s into lines of at most width characters at spaces.
func wrap(s string, width int) string {
	var out []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width:
			out = append(out, line)
			line = word
		default:
			line += " " + word
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return strings.Join(out, "\n")
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
	Lines          []lineView
	ContextHead    string
	ContextIntro   string
	ContextColumns []string
	Context        [][]string
	Footer         []string
}

type lineView struct {
	Title string
	Meta  string
	// Rows are the own value first, then the cluster's mean and the
	// benchmarks the pack gives: rows in the text form, columns in HTML.
	Rows      []rowView
	HasNotes  bool
	Placement string
}

type rowView struct {
	Label string
	Value string
	Notes []string
	Own   bool
	// Missing marks a value that is words ("ingen data"), not a number.
	Missing bool
}

func newSlipView(s Slip) slipView {
	t := slipText(s.Lang)
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
		ContextHead:    t.contextHead,
		ContextIntro:   t.contextIntro,
		ContextColumns: []string{"", t.contextOwn, t.contextMean, t.region, t.national},
		Footer:         []string{t.footerMean, t.footerFifths},
	}
	medians, means := 0, 0
	for _, l := range s.Lines {
		if l.Median {
			medians++
		} else {
			means++
		}
	}
	switch {
	case medians > 0 && means == 0:
		v.Footer[0] = t.footerMedian
	case medians > 0:
		v.Footer[0] = t.footerBoth
	}
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
		ownRow := rowView{Label: t.own, Value: t.noData, Own: true, Missing: true}
		if l.Own != nil {
			ownRow.Value, ownRow.Missing = t.format(*l.Own, ind.Unit), false
			var notes []string
			if l.OwnNumerator != nil && l.OwnDenominator != nil {
				// "74 af 128 UVI-ordinationer": the pack's counts says what is counted.
				notes = append(notes, strings.TrimSpace(fmt.Sprintf(t.of, t.format(*l.OwnNumerator, meeting.UnitCount), t.format(*l.OwnDenominator, meeting.UnitCount))+" "+meeting.Inert(ind.Counts)))
			}
			if l.OwnLow {
				notes = append(notes, fmt.Sprintf(t.low, ind.MinDenominator))
			}
			ownRow.Notes = notes
		}
		lv.Rows = append(lv.Rows, ownRow)
		label := t.mean
		if l.Median {
			label = t.median
		}
		meanRow := rowView{Label: label, Value: "–", Notes: []string{t.noCluster}}
		if l.Mean != nil {
			meanRow.Value = t.format(*l.Mean, ind.Unit)
			meanRow.Notes = []string{t.practices(l.ClusterN)}
		}
		lv.Rows = append(lv.Rows, meanRow)
		for _, mk := range []struct {
			label string
			v     *float64
		}{{t.region, l.Region}, {t.national, l.National}, {t.target, l.Target}} {
			if mk.v != nil {
				lv.Rows = append(lv.Rows, rowView{Label: mk.label, Value: t.format(*mk.v, ind.Unit)})
			}
		}
		for _, r := range lv.Rows {
			lv.HasNotes = lv.HasNotes || len(r.Notes) > 0
		}
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

// slipTemplate is the HTML page. html/template escapes every value, so a
// practice named "Lægerne <Syd> & Co" prints as written.
var slipTemplate = template.Must(template.New("slip").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.DocTitle}}</title>
<style>
@page { size: A4; margin: 15mm 16mm; }
html { background: #fff; color: #000; }
body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 13pt; line-height: 1.35; max-width: 178mm; margin: 1.5em auto; padding: 0 1em; }
header { border-bottom: 2pt solid #000; padding-bottom: 8pt; margin-bottom: 10pt; }
.kicker { font-size: 11pt; text-transform: uppercase; letter-spacing: 0.08em; margin: 0; }
h1 { font-size: 22pt; margin: 2pt 0 6pt; }
.code { font-size: 18pt; margin: 0 0 8pt; }
.code strong { display: inline-block; font-size: 34pt; line-height: 1; border: 3pt solid #000; border-radius: 6pt; padding: 2pt 12pt; margin-left: 6pt; vertical-align: middle; }
.meeting { margin: 0; }
.private { font-weight: bold; margin: 8pt 0 0; }
section { break-inside: avoid; page-break-inside: avoid; margin: 0 0 10pt; }
h2 { font-size: 15pt; margin: 10pt 0 0; }
.meta { margin: 0 0 3pt; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 2pt 8pt 2pt 0; vertical-align: baseline; }
table.figures { table-layout: fixed; }
table.figures th { font-weight: normal; text-align: left; border-bottom: 0.75pt solid #000; }
table.figures th.own { font-weight: bold; }
table.figures tr.values td { font-size: 15pt; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.figures tr.values td.own { font-size: 18pt; font-weight: bold; }
table.figures tr.notes td { font-size: 11pt; }
.place { margin: 3pt 0 0; }
table.context th, table.context td { border-bottom: 0.75pt solid #000; }
table.context tbody th { font-weight: normal; text-align: left; }
table.context td { text-align: right; white-space: nowrap; padding-left: 8pt; font-variant-numeric: tabular-nums; }
table.context thead th { text-align: right; }
table.context thead th:first-child { text-align: left; }
footer { border-top: 2pt solid #000; margin-top: 12pt; padding-top: 6pt; font-size: 11pt; }
footer p { margin: 0 0 4pt; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 12pt; }
}
</style>
</head>
<body>
<header>
<p class="kicker">{{.Kicker}}</p>
<h1>{{.Practice}}</h1>
<p class="code">{{.CodeLabel}} <strong>{{.Code}}</strong></p>
<p class="meeting">{{.MeetingTitle}}<br>{{.When}}{{with .Period}}<br>{{.}}{{end}}</p>
<p class="private">{{.Private}}</p>
</header>
<main>
{{- range .Lines}}
<section>
<h2>{{.Title}}</h2>
<p class="meta">{{.Meta}}</p>
<table class="figures">
<thead><tr>{{range .Rows}}<th scope="col"{{if .Own}} class="own"{{end}}>{{.Label}}</th>{{end}}</tr></thead>
<tbody>
<tr class="values">{{range .Rows}}<td{{if .Own}} class="own"{{end}}>{{.Value}}</td>{{end}}</tr>
{{- if .HasNotes}}
<tr class="notes">{{range .Rows}}<td>{{range $i, $n := .Notes}}{{if $i}}<br>{{end}}{{$n}}{{end}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
<p class="place">{{$.PlacementLabel}}: <strong>{{.Placement}}</strong></p>
</section>
{{- end}}
{{- if .Context}}
<section>
<h2>{{.ContextHead}}</h2>
<p class="meta">{{.ContextIntro}}</p>
<table class="context">
<thead><tr>{{range .ContextColumns}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Context}}
<tr>{{range $i, $c := .}}{{if eq $i 0}}<th scope="row">{{$c}}</th>{{else}}<td>{{$c}}</td>{{end}}{{end}}</tr>
{{- end}}
</tbody>
</table>
</section>
{{- end}}
</main>
<footer>
{{- range .Footer}}
<p>{{.}}</p>
{{- end}}
</footer>
</body>
</html>
`))
