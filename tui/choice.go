package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// choiceGlyphs fill the segments of a stacked bar, the preferred option
// first: each option has its own pattern so the bars read without colour
// (NO_COLOR, a washed-out projector) and in a black-and-white photo of the
// wall. The rest that no option counts is drawn as otherGlyph.
var choiceGlyphs = [...]string{"█", "▒", "░", "▚", "▓", "▞"}

const otherGlyph = "·"

// segmentGlyph is the fill of segment i of chart c.
func segmentGlyph(c meeting.ChoiceChart, i int) string {
	if c.Other && i == len(c.Options) {
		return otherGlyph
	}
	return choiceGlyphs[i%len(choiceGlyphs)]
}

// choiceView is everything one frame of a stacked choice chart depends on.
type choiceView struct {
	chart  meeting.ChoiceChart
	width  int
	height int
	// offset is the first bar shown when the bars do not fit.
	offset int
	hidden bool
	page   string
	styles Styles
	strs   chartStrings
	lang   string
	// cred is the credibility line under the chart.
	cred meeting.Credibility
}

func (v choiceView) t(key string, args ...any) string { return msg.For(v.lang).T(key, args...) }

// mixShown reports whether the cluster's mix has its own bar: not while
// the room guesses, and only with enough practices counted.
func (v choiceView) mixShown() bool { return !v.hidden && v.chart.Mix != nil }

// barRows is how many practice rows fit: the height minus the title, the
// headline, the legend, the mix bar and its gap, the axis (two lines) and
// the notes.
func (v choiceView) barRows() int {
	fixed := 1 + len(v.headline()) + len(v.legend()) + 2 + len(v.notes()) + len(v.credibilityLines())
	if v.mixShown() {
		fixed += 2
	}
	return max(1, v.height-fixed)
}

// headline is the chart's one-line message: the cluster's share of the
// preferred option against the target.
func (v choiceView) headline() []string {
	h := v.chart.Headline(v.hidden)
	pref := meeting.Inert(h.Preferred)
	var text string
	switch {
	case h.Stat && h.Target != nil:
		text = v.t("tui.ChoiceHeadline", h.Share, pref, v.percent(*h.Target), h.Reached)
	case h.Stat:
		text = v.t("tui.ChoiceHeadlineShare", h.Share, pref)
	case h.Target != nil:
		text = v.t("tui.ChoiceHeadlineTarget", v.percent(*h.Target), pref)
	default:
		return nil
	}
	return []string{v.styles.Heading.Render(truncate(text, v.width))}
}

// percent writes a pack's share without a needless ",0".
func (v choiceView) percent(x float64) string {
	s := meeting.FormatNumber(x, meeting.UnitPercent, v.lang)
	return strings.TrimSuffix(strings.TrimSuffix(s, ",0"), ".0") + " %"
}

// legend names each segment's pattern, and the target's mark, in at most
// two lines of whole entries.
func (v choiceView) legend() []string {
	c := v.chart
	var parts []string
	for i, o := range c.Options {
		parts = append(parts, segmentGlyph(c, i)+" "+meeting.Inert(o.Title))
	}
	if c.Other && !v.hidden {
		parts = append(parts, otherGlyph+" "+v.t("tui.ChoiceOther"))
	}
	if c.Choice.Target != nil {
		parts = append(parts, markSymbol(meeting.MarkTarget)+" "+v.strs.Marks[meeting.MarkTarget]+" "+v.percent(*c.Choice.Target))
	}
	out := []string{""}
	for _, p := range parts {
		last := &out[len(out)-1]
		switch {
		case *last == "":
			*last = p
		case textWidth(*last+" · "+p) <= v.width:
			*last += " · " + p
		case len(out) < 2:
			out = append(out, p)
		default:
			*last += " · " + p // cut below
		}
	}
	for i := range out {
		out[i] = v.styles.Text.Render(truncate(out[i], v.width))
	}
	return out
}

// credibilityLines is the line under every chart (chartcred.go): source,
// period and practices counted towards the cluster's mix.
func (v choiceView) credibilityLines() []string {
	return credibilityLines(v.cred, v.hidden, v.lang, v.width, v.styles, v.strs)
}

// notes say who is not drawn and why and who sent nothing; the period is
// on the credibility line below them.
func (v choiceView) notes() []string {
	if v.hidden {
		return nil
	}
	c := v.chart
	var parts, misfits []string
	low := false
	for _, b := range c.Bars {
		low = low || b.Low
		if b.Mismatch {
			misfits = append(misfits, meeting.Inert(b.Label))
		}
	}
	if low {
		parts = append(parts, fmt.Sprintf(v.strs.Low, c.MinDenominator))
	}
	if len(misfits) > 0 {
		parts = append(parts, v.t("tui.ChoiceMismatch", strings.Join(misfits, ", ")))
	}
	if c.TooFew {
		parts = append(parts, v.t("tui.ChoiceTooFew", c.Counted, c.MinPractices))
	}
	if len(c.Missing) > 0 {
		parts = append(parts, noDataNote(v.strs, c.Missing))
	}
	return noteLines(parts, v.width, v.styles)
}

// shares writes a bar's figures: the preferred option's share, and on a
// wide screen every segment's.
func (v choiceView) shares(shown []int) string {
	if len(shown) == 0 {
		return ""
	}
	if v.width < 120 {
		return fmt.Sprintf("%d %%", shown[0])
	}
	parts := make([]string, len(shown))
	for i, s := range shown {
		parts[i] = fmt.Sprint(s)
	}
	return strings.Join(parts, " · ") + " %"
}

// render draws the chart in exactly height lines of at most width cells.
func (v choiceView) render() string {
	c := v.chart
	s := v.styles
	title := s.Title.Render(meeting.FitCells(meeting.Inert(c.Choice.Title), v.width-textWidth(v.page)-2))
	lines := []string{spread(title, s.Text.Render(v.page), v.width)}
	lines = append(lines, v.headline()...)
	lines = append(lines, v.legend()...)

	mixLabel := v.t("tui.ChoiceMix")
	labelW := meeting.Cells(mixLabel)
	for _, b := range c.Bars {
		labelW = max(labelW, meeting.Cells(b.Label))
	}
	labelW = min(labelW, 24)
	widest := make([]int, c.Segments())
	for i := range widest {
		widest[i] = 100
	}
	valueW := max(textWidth(v.shares(widest)), textWidth(fmt.Sprintf(v.strs.LowShort, c.MinDenominator)),
		textWidth(v.t("tui.ChoiceMismatchShort")))
	barW := max(10, v.width-labelW-valueW-3)
	target := -1
	if c.Choice.Target != nil {
		target = max(0, min(barW-1, int(math.Round(*c.Choice.Target/100*float64(barW)))-1))
	}
	pad := spaces(labelW + 1)
	markRow := func() string {
		if target < 0 {
			return ""
		}
		return pad + spaces(target) + s.MarkLine.Render("│")
	}

	if v.mixShown() {
		lines = append(lines, v.barRow(mixLabel, c.MixShown, false, false, labelW, barW, target, true), markRow())
	}
	rows := v.barRows()
	var body []string
	switch {
	case len(c.Bars) == 0:
		body = append(body, s.Text.Render(v.strs.NoValues))
	case v.hidden:
		body = v.guess(rows, pad, target)
	case len(c.Bars) > rows:
		end := min(len(c.Bars), v.offset+rows-1)
		for _, b := range c.Bars[v.offset:end] {
			body = append(body, v.barRow(b.Label, b.Shown, b.Low, b.Mismatch, labelW, barW, target, true))
		}
		body = append(body, s.Heading.Render(moreBars(v.strs, v.offset, end, len(c.Bars))))
	default:
		thick, gap := barThickness(rows, len(c.Bars))
		for i, b := range c.Bars {
			if i > 0 {
				for range gap {
					body = append(body, markRow())
				}
			}
			for j := range thick {
				body = append(body, v.barRow(b.Label, b.Shown, b.Low, b.Mismatch, labelW, barW, target, j == (thick-1)/2))
			}
		}
	}
	for len(body) < rows {
		body = append(body, markRow())
	}
	lines = append(lines, body...)
	ticks, labels := v.axis(barW, target)
	lines = append(lines, pad+ticks, pad+labels)
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

// barRow draws one stacked bar: label, the segments, the shares. A bar
// not drawn (n<5, figures that do not fit) shows its label and why.
func (v choiceView) barRow(label string, shown []int, low, misfit bool, labelW, barW, target int, labelled bool) string {
	s := v.styles
	var sb strings.Builder
	value := ""
	switch {
	case low:
		value = fmt.Sprintf(v.strs.LowShort, v.chart.MinDenominator)
	case misfit:
		value = v.t("tui.ChoiceMismatchShort")
	case shown != nil:
		value = v.shares(shown)
		// Segment i runs from the rounded cumulative share before it to
		// the one after it, so the segments fill the bar exactly.
		cum, from := 0, 0
		for i, sh := range shown {
			cum += sh
			to := int(math.Round(float64(cum) / 100 * float64(barW)))
			if to > from {
				seg := []rune(strings.Repeat(segmentGlyph(v.chart, i), to-from))
				run := string(seg)
				if target >= from && target < to {
					run = string(seg[:target-from]) + "│" + string(seg[target-from+1:])
				}
				st := s.Text
				if i == 0 {
					st = s.Bar
				}
				sb.WriteString(st.Render(run))
			}
			from = to
		}
	}
	if shown == nil {
		// Neither bar nor length: only the target's line crosses the row.
		if target >= 0 {
			sb.WriteString(spaces(target) + s.MarkLine.Render("│") + spaces(barW-target-1))
		} else {
			sb.WriteString(spaces(barW))
		}
	}
	if !labelled {
		return spaces(labelW) + " " + sb.String()
	}
	return s.Title.Render(cellsRight(label, labelW)) + " " + sb.String() + " " + s.Text.Render(value)
}

// guess hides the bars behind the question; the target stays as the
// yardstick.
func (v choiceView) guess(rows int, pad string, target int) []string {
	s := v.styles
	body := make([]string, rows)
	for i := range body {
		if target >= 0 {
			body[i] = pad + spaces(target) + s.MarkLine.Render("│")
		}
	}
	mid := rows / 2
	body[max(0, mid-1)] = placeHCenter(v.width, s.Title.Render(" "+v.strs.Guess+" "))
	if mid+1 < rows {
		body[mid+1] = placeHCenter(v.width, s.Text.Render(" "+v.strs.GuessHint+" "))
	}
	return body
}

// axis draws the 0–100 % scale with the target's symbol on it.
func (v choiceView) axis(barW, target int) (string, string) {
	cells := []rune(strings.Repeat("─", barW))
	var labels strings.Builder
	pos := 0
	for i := 0; i <= 4; i++ {
		at := int(math.Round(float64(i) / 4 * float64(barW-1)))
		cells[at] = '┴'
		text := fmt.Sprint(i * 25)
		start := max(pos, min(at-len(text)/2, barW-len(text)))
		labels.WriteString(spaces(max(0, start-pos)) + text)
		pos = start + len(text)
	}
	if target >= 0 {
		cells[target] = []rune(markSymbol(meeting.MarkTarget))[0]
	}
	return v.styles.MarkLine.Render(string(cells)), v.styles.Text.Render(labels.String())
}

// choice is the view of choice group id's page of the chart screen.
func (s *chartScreen) choice(id string) choiceView {
	c, err := s.meeting.ChoiceChart(id, s.names)
	if err != nil {
		// An option the pack lost: the chart shows no bars rather than
		// half a stack.
		c = meeting.ChoiceChart{Choice: meeting.Choice{ID: id, Title: id}}
	}
	return choiceView{
		chart: c, width: s.width, height: s.height, offset: min(s.offset, max(0, len(c.Bars)-1)),
		hidden: !s.isShown(id), page: fmt.Sprintf(s.strs.Page, s.page+1, len(s.pages)),
		styles: s.common.Styles, strs: s.strs, lang: s.common.Text.Lang,
		cred: s.meeting.ChoiceCredibility(c),
	}
}
