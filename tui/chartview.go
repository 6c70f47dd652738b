package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// chartView is everything one frame of a chart depends on.
type chartView struct {
	chart  meeting.Chart
	width  int
	height int
	// offset is the first bar shown when the bars do not fit.
	offset int
	hidden bool
	page   string
	styles Styles
	strs   chartStrings
	lang   string
	paints chartPaints
	// cred is what the line under the chart says about the figures'
	// source, period and coverage (chartcred.go).
	cred meeting.Credibility
	// figuresFrom is the neutral count of practices that sent figures
	// ("tal fra 12 af 14 praksis"), set while some have not; it names
	// no practice.
	figuresFrom string
}

// chartPaints are the styles a bar row uses, as plain escape sequences.
type chartPaints struct{ bar, low, mark, label, text paint }

func newChartPaints(s Styles) chartPaints {
	return chartPaints{bar: paintOf(s.Bar), low: paintOf(s.BarLow), mark: paintOf(s.MarkLine), label: paintOf(s.Title), text: paintOf(s.Text)}
}

// barRows is how many bar rows fit: the height minus the title, the
// headline when there is one, the legend (one or two lines), the axis with the marks (two lines) and the
// notes line when there is something to note. Every line saved is a
// practice more on the first page.
func (v chartView) barRows() int {
	v = v.projected()
	return max(1, v.height-1-len(v.headline())-len(v.legend())-2-len(v.notes())-len(v.credibilityLines()))
}

// projected is the view with only what may be on the wall: while the room
// guesses, nothing computed from this meeting's figures (no mean, median,
// quartile or ABC, in the legend or on the axis, and an axis scaled by
// what the pack states, not by the largest bar).
func (v chartView) projected() chartView {
	if !v.hidden {
		return v
	}
	c := v.chart
	c.Marks, c.Max = nil, 0
	for _, m := range v.chart.Marks {
		if !m.Kind.IsStatistic() {
			c.Marks = append(c.Marks, m)
			c.Max = math.Max(c.Max, m.Value)
		}
	}
	v.chart = c
	return v
}

// render draws the chart in exactly height lines of at most width cells.
func (v chartView) render() string {
	v = v.projected()
	v.paints = newChartPaints(v.styles)
	c := v.chart
	s := v.styles
	ind := c.Indicator
	lines := []string{v.titleLine()}
	lines = append(lines, v.headline()...)
	lines = append(lines, v.legend()...)

	labelW := 0
	for _, b := range c.Bars {
		labelW = max(labelW, meeting.Cells(b.Label))
	}
	labelW = min(labelW, 24)
	valueW := textWidth(formatValue(v.lang, niceMax(c.Max, ind.Unit), ind.Unit, v.strs.Units)) + 1 +
		textWidth(fmt.Sprintf(v.strs.LowShort, ind.MinDenominator))
	barW := max(10, v.width-labelW-valueW-3)
	axis := niceMax(c.Max, ind.Unit)
	col := func(x float64) int {
		return max(0, min(barW-1, int(math.Round(x/axis*float64(barW)))-1))
	}
	marks := placeMarks(c.Marks, col, barW)
	pad := strings.Repeat(" ", labelW+1)

	rows := v.barRows()
	var body []string
	switch {
	case len(c.Bars) == 0:
		body = append(body, s.Text.Render(v.strs.NoValues))
	case v.hidden:
		body = v.guess(barW, labelW, marks, rows)
	case len(c.Bars) > rows:
		end := min(len(c.Bars), v.offset+rows-1)
		for _, b := range c.Bars[v.offset:end] {
			body = append(body, v.barRow(b, labelW, barW, axis, marks, true))
		}
		body = append(body, s.Heading.Render(moreBars(v.strs, v.offset, end, len(c.Bars))))
	default:
		// The bars fill the height: on a projector each bar is up to
		// three lines thick with a line between bars, and the reference
		// lines run through the gaps and any rows left down to the axis.
		thick, gap := barThickness(rows, len(c.Bars))
		for i, b := range c.Bars {
			if i > 0 {
				for range gap {
					body = append(body, pad+v.markRow(barW, marks))
				}
			}
			for j := range thick {
				body = append(body, v.barRow(b, labelW, barW, axis, marks, j == (thick-1)/2))
			}
		}
	}
	for len(body) < rows {
		if len(c.Bars) > 0 && !v.hidden {
			body = append(body, pad+v.markRow(barW, marks))
		} else {
			body = append(body, "")
		}
	}
	lines = append(lines, body...)
	ticks, tickLabels := v.axisRows(barW, axis, marks)
	if v.hidden && ind.Unit != meeting.UnitPercent && c.Max == 0 {
		// Without a target or benchmark the scale would come from the
		// figures themselves.
		tickLabels = ""
	}
	lines = append(lines, pad+ticks, pad+tickLabels)
	lines = append(lines, v.notes()...)
	lines = append(lines, v.credibilityLines()...)
	for len(lines) < v.height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = truncateANSI(l, v.width)
	}
	return strings.Join(lines[:v.height], "\n")
}

func (v chartView) titleLine() string {
	s := v.styles
	ind := v.chart.Indicator
	dir := ""
	switch ind.Better {
	case meeting.HigherIsBetter:
		dir = "↑ " + Language(v.lang).HigherBetter
	case meeting.LowerIsBetter:
		dir = "↓ " + Language(v.lang).LowerBetter
	}
	right := s.Text.Render(strings.TrimSpace(dir + "  " + v.page))
	return spread(s.Title.Render(meeting.FitCells(ind.Title, v.width-textWidth(right)-2)), right, v.width)
}

// headline is the chart's one-line message above the bars, or nothing.
func (v chartView) headline() []string {
	text := headlineText(v.lang, v.chart.Headline(v.hidden), v.strs.Units)
	if text == "" {
		return nil
	}
	return []string{v.styles.Heading.Render(truncate(text, v.width))}
}

// legend names each mark with its symbol and value, in at most two lines.
func (v chartView) legend() []string {
	s := v.styles
	var full bool
	entries := func(names map[meeting.MarkKind]string) []string {
		var parts []string
		for _, m := range v.chart.Marks {
			part := fmt.Sprintf("%s %s %s", markSymbol(m.Kind), names[m.Kind],
				formatValue(v.lang, m.Value, v.chart.Indicator.Unit, v.strs.Units))
			if rf := v.chart.RegionFrom; m.Kind == meeting.MarkRegion && rf != nil {
				part += " " + regionFromText(v.lang, *rf, full)
			}
			parts = append(parts, part)
		}
		return parts
	}
	// Full names when they fit one line, short ones when that saves a
	// line for a bar; a region taken from a file says so in full.
	full = true
	parts := entries(v.strs.Marks)
	if textWidth(strings.Join(parts, " · ")) > v.width {
		full = false
		parts = entries(v.strs.MarksShort)
	}
	// Fill at most two lines with whole entries, so no mark is split from
	// its value.
	if len(parts) == 0 {
		return nil
	}
	out := []string{"", ""}
	line := 0
	for _, p := range parts {
		sep := ""
		if out[line] != "" {
			sep = " · "
		}
		if out[line] != "" && textWidth(out[line]+sep+p) > v.width && line == 0 {
			line, sep = 1, ""
		}
		out[line] += sep + p
	}
	if out[1] == "" {
		out = out[:1]
	}
	for i := range out {
		out[i] = s.Text.Render(truncate(out[i], v.width))
	}
	return out
}

// barRow draws one practice: label, bar, value. Marks cross the bar as
// thin lines; a bar under the minimum denominator is hatched and marked.
func (v chartView) barRow(b meeting.Bar, labelW, barW int, axis float64, marks map[int]meeting.MarkKind, labelled bool) string {
	ind := v.chart.Indicator
	fill := int(math.Round(b.Value / axis * float64(barW)))
	fill = max(0, min(barW, fill))
	if b.Value > 0 && fill == 0 {
		fill = 1 // a small value is still visibly there
	}
	if b.Low {
		fill = 0 // too few patients: neither value nor bar length
	}
	barGlyph, barPaint := "█", v.paints.bar
	if b.Low {
		barGlyph, barPaint = "░", v.paints.low
	}
	// Draw the row as runs of the same kind of cell, styled once per run:
	// styling cell by cell costs milliseconds a frame at 60 practices.
	type cellKind int
	const (
		empty cellKind = iota
		filled
		marked
	)
	kindAt := func(i int) cellKind {
		if _, ok := marks[i]; ok {
			return marked
		}
		if i < fill {
			return filled
		}
		return empty
	}
	var sb strings.Builder
	for start := 0; start < barW; {
		k := kindAt(start)
		end := start + 1
		for end < barW && kindAt(end) == k {
			end++
		}
		n := end - start
		switch k {
		case filled:
			sb.WriteString(barPaint.wrap(strings.Repeat(barGlyph, n)))
		case marked:
			sb.WriteString(v.paints.mark.wrap(strings.Repeat("│", n)))
		default:
			sb.WriteString(strings.Repeat(" ", n))
		}
		start = end
	}
	value := formatValue(v.lang, b.Value, ind.Unit, v.strs.Units)
	if b.Low {
		value = fmt.Sprintf(v.strs.LowShort, ind.MinDenominator)
	}
	if !labelled {
		// The other lines of a thick bar: the bar only.
		return strings.Repeat(" ", labelW) + " " + sb.String()
	}
	label := cellsRight(b.Label, labelW)
	return v.paints.label.wrap(label) + " " + sb.String() + " " + v.paints.text.wrap(value)
}

// markRow is a line with only the reference lines, between thick bars
// and below the last one, so the lines reach the axis.
func (v chartView) markRow(barW int, marks map[int]meeting.MarkKind) string {
	var sb strings.Builder
	for i := range barW {
		if _, ok := marks[i]; ok {
			sb.WriteString(v.paints.mark.wrap("│"))
		} else {
			sb.WriteByte(' ')
		}
	}
	return strings.TrimRight(sb.String(), " ")
}

// barThickness is how many lines each of n bars gets in rows lines, and
// how many blank lines go between bars: one line each when they barely
// fit, up to three with a gap of one on a projector.
func barThickness(rows, n int) (thick, gap int) {
	if n <= 0 {
		return 1, 0
	}
	// n bars of t lines and n-1 gaps of g lines fit in rows.
	for _, tg := range [][2]int{{3, 1}, {2, 1}, {1, 1}} {
		if n*tg[0]+(n-1)*tg[1] <= rows {
			return tg[0], tg[1]
		}
	}
	return 1, 0
}

// placeMarks puts each reference mark on its column; a mark that would
// fall on a column already taken (the mean next to the median) moves one
// column towards its value, or away, so no line hides another.
func placeMarks(ms []meeting.Mark, col func(float64) int, barW int) map[int]meeting.MarkKind {
	marks := map[int]meeting.MarkKind{}
	at := map[int]float64{}
	for _, m := range ms {
		c := col(m.Value)
		if _, taken := marks[c]; taken {
			step := 1
			if m.Value < at[c] {
				step = -1
			}
			for _, try := range []int{c + step, c - step, c + 2*step, c - 2*step} {
				if _, t := marks[try]; !t && try >= 0 && try < barW {
					c = try
					break
				}
			}
		}
		marks[c] = m.Kind
		at[c] = m.Value
	}
	return marks
}

// guess hides the bars behind the question, so the room commits to a
// guess before it sees the answer; the marks stay as the yardstick.
func (v chartView) guess(barW, labelW int, marks map[int]meeting.MarkKind, rows int) []string {
	s := v.styles
	body := make([]string, rows)
	pad := strings.Repeat(" ", labelW+1)
	for i := range body {
		cells := []rune(strings.Repeat(" ", barW))
		for c := range marks {
			cells[c] = '│'
		}
		body[i] = pad + s.MarkLine.Render(string(cells))
	}
	mid := rows / 2
	q := s.Title.Render(" " + v.strs.Guess + " ")
	hint := s.Text.Render(" " + v.strs.GuessHint + " ")
	body[max(0, mid-1)] = placeHCenter(v.width, q)
	if mid+1 < rows {
		body[mid+1] = placeHCenter(v.width, hint)
	}
	return body
}

// axisRows draw the scale with ticks at 0, a quarter, half, three
// quarters and the maximum, the marks' symbols, and the tick labels.
func (v chartView) axisRows(barW int, axis float64, marks map[int]meeting.MarkKind) (string, string) {
	cells := []rune(strings.Repeat("─", barW))
	var labels strings.Builder
	pos := 0
	for i := 0; i <= 4; i++ {
		x := axis * float64(i) / 4
		at := int(math.Round(float64(i) / 4 * float64(barW-1)))
		cells[at] = '┴'
		text := formatValue(v.lang, x, meeting.UnitCount, nil)
		if v.chart.Indicator.Unit == meeting.UnitPercent || v.chart.Indicator.Unit == meeting.UnitPer1000 {
			text = strings.TrimSuffix(strings.TrimSuffix(formatValue(v.lang, x, v.chart.Indicator.Unit, nil), ",0"), ".0")
		}
		start := max(pos, min(at-len([]rune(text))/2, barW-len([]rune(text))))
		labels.WriteString(strings.Repeat(" ", max(0, start-pos)) + text)
		pos = start + len([]rune(text))
	}
	// Each mark's symbol sits on the axis under the line it draws through
	// the bars.
	for c, k := range marks {
		cells[c] = []rune(markSymbol(k))[0]
	}
	return v.styles.MarkLine.Render(string(cells)), v.styles.Text.Render(labels.String())
}

// notes says what is greyed and who has no data; where the figures come
// from is the credibility line below them (chartcred.go).
func (v chartView) notes() []string {
	s := v.styles
	c := v.chart
	var parts []string
	for _, b := range c.Bars {
		if v.hidden {
			break // while the room guesses, say nothing about the bars
		}
		if b.Low {
			parts = append(parts, fmt.Sprintf(v.strs.Low, c.Indicator.MinDenominator))
			break
		}
	}
	if c.TooFew && !v.hidden {
		parts = append(parts, fmt.Sprintf(v.strs.TooFew, c.Counted, c.Indicator.StatMinPractices()))
	}
	if v.figuresFrom != "" {
		parts = append(parts, v.figuresFrom)
	}
	if len(c.Missing) > 0 && !v.hidden {
		parts = append(parts, noDataNote(v.strs, c.Missing))
	}
	return noteLines(parts, v.width, s)
}

// noDataNote names the practices without a figure, by their labels.
func noDataNote(strs chartStrings, labels []string) string {
	missing := make([]string, len(labels))
	for i, l := range labels {
		missing[i] = meeting.Inert(l)
	}
	return fmt.Sprintf(strs.NoData, strings.Join(missing, ", "))
}

// noteLines joins a chart's notes into lines of width. Wrapped, not cut:
// who has no data is a fact the room reads. At most three lines, so the
// bars keep the screen.
func noteLines(parts []string, width int, s Styles) []string {
	if len(parts) == 0 {
		return nil
	}
	lines := wrapLines(strings.Join(parts, " · "), width)
	if len(lines) > 3 {
		lines = append(lines[:2], truncate(strings.Join(lines[2:], " "), width))
	}
	for i := range lines {
		lines[i] = s.Text.Render(lines[i])
	}
	return lines
}

// headRunes is at most the first n runes of s (n+1 when cut, so that the
// line still shows it goes on): a cheap cut before the width is measured.
func headRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for pos := range s {
		if i == n+1 {
			return s[:pos]
		}
		i++
	}
	return s
}

// truncateANSI cuts a styled line to width cells.
func truncateANSI(s string, width int) string {
	if textWidth(s) <= width {
		return s
	}
	return lipgloss.NewStyle().MaxWidth(width).Render(s)
}

// regionFromText labels a region mark taken from an import file: "(middel
// af 41 praksis i region.csv)", without the file when its name was left
// out (see meeting.Chart); where the legend is short, "(41 praksis)".
func regionFromText(lang string, rf meeting.RegionFigure, full bool) string {
	p := msg.For(lang)
	switch {
	case !full:
		return p.T("tui.RegionFromShort", rf.Practices)
	case rf.Source == "":
		return p.T("tui.RegionFromPractices", rf.Practices)
	}
	return p.T("tui.RegionFromFile", rf.Practices, meeting.Inert(rf.Source))
}

// moreBars is the paging line under a chart showing bars offset..end of
// total. On the last page there is nothing further down to page to.
func moreBars(strs chartStrings, offset, end, total int) string {
	if end == total {
		return fmt.Sprintf(strs.MoreBarsEnd, offset+1, end, total)
	}
	return fmt.Sprintf(strs.MoreBars, offset+1, end, total)
}
