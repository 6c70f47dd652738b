package tui

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// The trend page: on a data item, the trend key turns the indicator page
// into the indicator's trend across the cluster's meetings — the cluster's
// mean (or median, as the chart centres) per meeting with the middle half
// of the practices as a band, and the target each meeting's pack set.
//
// What it may show, and why:
//   - No practice at all: no code, no name, no per-practice series. Codes
//     are drawn fresh for every meeting, and a line from one meeting's
//     code to another's would let the room follow a practice across
//     meetings. The page is built from meeting.Trend, which holds no
//     practice, so it cannot draw one.
//   - Each meeting's figure follows that meeting's small-number rules
//     (meeting.IndicatorTrend); a meeting with too few counted practices
//     is a gap that says so.
//   - While the room guesses the indicator (its bars hidden), the page
//     shows no figure at all, not even the earlier meetings': last
//     quarter's mean is the answer to "where is the cluster?" within a
//     few points. It says to show the bars first.

// trendState is the chart screen's trend page: whether it is shown and
// the histories read for the meeting, by indicator id.
type trendState struct {
	on        bool
	meetingID int64
	// history holds the indicators read; loading those asked for.
	history map[string][]meeting.TrendMeeting
	loading map[string]bool
	err     error
}

// trendLoadedMsg carries the histories of a data item's indicators.
type trendLoadedMsg struct {
	meetingID int64
	history   map[string][]meeting.TrendMeeting
	ids       []string
	err       error
}

// IndicatorHistory implements Store with inert text.
func (s inertStore) IndicatorHistory(ctx context.Context, meetingID int64, indicatorID string) ([]meeting.TrendMeeting, error) {
	return inertData(s.Store.IndicatorHistory(ctx, meetingID, indicatorID))
}

// loadTrends reads, off the program's goroutine, the history of each
// indicator of the shown item not yet read: a few queries when a data item
// opens, none after.
func (s *chartScreen) loadTrends() tea.Cmd {
	t := &s.trends
	if t.meetingID != s.meeting.ID || t.history == nil {
		*t = trendState{on: t.on, meetingID: s.meeting.ID, history: map[string][]meeting.TrendMeeting{}, loading: map[string]bool{}}
		s.invalidate()
	}
	var ids []string
	for _, id := range s.pages {
		if _, ok := s.meeting.Pack.Indicator(id); !ok || t.loading[id] {
			continue
		}
		if _, done := t.history[id]; done {
			continue
		}
		t.loading[id] = true
		ids = append(ids, id)
	}
	if len(ids) == 0 || s.common.Store == nil {
		return nil
	}
	c, meetingID := s.common, s.meeting.ID
	return func() tea.Msg {
		out := trendLoadedMsg{meetingID: meetingID, ids: ids, history: map[string][]meeting.TrendMeeting{}}
		for _, id := range ids {
			h, err := c.Store.IndicatorHistory(c.Ctx, meetingID, id)
			if err != nil {
				out.err = err
				return out
			}
			out.history[id] = h
		}
		return out
	}
}

// trendLoaded keeps the histories read for this meeting; after an error
// the next opening of the item reads again.
func (s *chartScreen) trendLoaded(msg trendLoadedMsg) {
	t := &s.trends
	if msg.meetingID != t.meetingID || t.history == nil {
		return
	}
	for _, id := range msg.ids {
		delete(t.loading, id)
	}
	t.err = msg.err
	for id, h := range msg.history {
		t.history[id] = h
	}
	s.invalidate()
}

// toggleTrend shows or leaves the trend of the indicator page shown.
func (s *chartScreen) toggleTrend() []tea.Msg {
	if _, ok := s.meeting.Pack.Indicator(s.pages[s.page]); !ok {
		return nil // the context page has no trend
	}
	s.trends.on = !s.trends.on
	return []tea.Msg{write(chartTrendChange(s.common, s.item, s.trends.on))}
}

// trend shows or leaves, from the console, the trend of the indicator
// page the projector shows.
func (k *Console) trend(plan meeting.Meeting) tea.Cmd {
	i := k.dataItem(plan)
	if i < 0 {
		return nil
	}
	if _, ok := plan.Pack.Indicator(plan.ChartPages(i)[plan.ChartPage(i)]); !ok {
		return nil // the context page has no trend
	}
	on := !(plan.DataScreen.Trend && plan.DataScreen.Item == i)
	return tea.Batch(k.write(chartTrendChange(k.common, i, on)), k.loadTrend(plan.ShowTrend(i, on)))
}

// trendShown is the indicator whose trend the projector shows, if any.
func trendShown(plan meeting.Meeting, i int) (string, bool) {
	cs := plan.DataScreen
	if i < 0 || !cs.Trend || cs.Item != i {
		return "", false
	}
	pages := plan.ChartPages(i)
	id := pages[max(0, min(cs.Page, len(pages)-1))]
	_, ok := plan.Pack.Indicator(id)
	return id, ok
}

// loadTrend reads the history of the indicator whose trend the projector
// shows, once, for the console's summary line.
func (k *Console) loadTrend(plan meeting.Meeting) tea.Cmd {
	id, ok := trendShown(plan, k.dataItem(plan))
	t := &k.trends
	if !ok || k.common.Store == nil {
		return nil
	}
	if t.meetingID != plan.ID || t.history == nil {
		*t = trendState{meetingID: plan.ID, history: map[string][]meeting.TrendMeeting{}, loading: map[string]bool{}}
	}
	if _, done := t.history[id]; done || t.loading[id] {
		return nil
	}
	t.loading[id] = true
	c, meetingID := k.common, plan.ID
	return func() tea.Msg {
		h, err := c.Store.IndicatorHistory(c.Ctx, meetingID, id)
		return trendLoadedMsg{meetingID: meetingID, ids: []string{id}, history: map[string][]meeting.TrendMeeting{id: h}, err: err}
	}
}

// trendLoaded keeps a history read for the console.
func (k *Console) trendLoaded(msg trendLoadedMsg) {
	t := &k.trends
	if msg.meetingID != t.meetingID || t.history == nil {
		return
	}
	for _, id := range msg.ids {
		delete(t.loading, id)
		if msg.err == nil {
			t.history[id] = msg.history[id]
		}
	}
	t.err = msg.err
}

// trendLines sum up, on the console, the trend the projector shows: the
// cluster's centre per meeting, the latest that fit. The console is the
// coordinator's, so it shows them during a guess round too.
func (k *Console) trendLines(plan meeting.Meeting, i int) []string {
	id, ok := trendShown(plan, i)
	if !ok {
		return nil
	}
	c := k.common
	t := c.Text
	h, loaded := k.trends.history[id]
	if !loaded {
		return []string{c.Styles.Muted.Render(truncate("  "+t.T("tui.TrendLoading"), c.Width))}
	}
	tr := plan.Trend(id, h)
	centre := tr.Indicator.CentreMark()
	head := "  " + t.T("tui.ConsoleTrend", chartText(t.Lang).MarksShort[centre]) + " "
	var parts []string
	for j := len(tr.Points) - 1; j >= 0; j-- {
		p := tr.Points[j]
		figure := "–"
		if v, ok := p.Centre(centre); ok {
			figure = formatValue(t.Lang, v, tr.Indicator.Unit, chartText(t.Lang).Units)
		}
		next := append([]string{p.Date.Format("02.01.06") + " " + figure}, parts...)
		if textWidth(head+strings.Join(next, " · ")) > c.Width {
			break
		}
		parts = next
	}
	return []string{c.Styles.Text.Render(truncate(head+strings.Join(parts, " · "), c.Width))}
}

// chartTrendChange stores whether the data screen shows the trend, so the
// projector and its consoles show the same.
func chartTrendChange(c *Common, item int, on bool) change {
	return change{
		what: c.Text.T("tui.KeyTrend"),
		op: func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
			return mt.ShowTrend(item, on), nil
		},
		commit: commitChart,
		fresh:  true,
	}
}

// trendView draws indicator id's trend page.
func (s *chartScreen) trendView(id string) string {
	v := trendView{
		width: s.width, height: s.height, hidden: !s.isShown(id),
		page:   fmt.Sprintf(s.strs.Page, s.page+1, len(s.pages)),
		styles: s.common.Styles, strs: s.strs, text: s.common.Text,
	}
	ind, _ := s.meeting.Pack.Indicator(id)
	v.trend.Indicator = ind
	h, loaded := s.trends.history[id]
	switch {
	case s.trends.err != nil && !loaded:
		v.err = s.common.Text.Error(s.trends.err)
	case !loaded:
		v.loading = true
	default:
		v.trend = s.trend(id, h)
	}
	return v.render()
}

// trendView is everything one frame of a trend page depends on. It holds
// a meeting.Trend, which has no practice in it.
type trendView struct {
	trend   meeting.Trend
	hidden  bool
	loading bool
	err     string
	width   int
	height  int
	page    string
	styles  Styles
	strs    chartStrings
	text    Text
}

// trendLabelW is the date column: "▸" for the meeting shown, then
// dd-mm-yyyy.
const trendLabelW = 11

// render draws the page in exactly height lines of at most width cells.
func (v trendView) render() string {
	s := v.styles
	t := v.text
	ind := v.trend.Indicator
	head := chartView{chart: meeting.Chart{Indicator: ind}, width: v.width, page: v.page, styles: s, lang: t.Lang}
	head.chart.Indicator.Title = t.T("tui.TrendTitle", ind.Title)
	lines := []string{head.titleLine()}
	// A page without figures says why in one or two wrapped messages.
	message := func(style lipgloss.Style, msgs ...string) string {
		for _, m := range msgs {
			lines = append(lines, "")
			for _, l := range wrapLines(m, v.width) {
				lines = append(lines, style.Render(l))
			}
			style = s.Text
		}
		return v.finish(lines)
	}
	switch {
	case v.err != "":
		return message(s.Error, v.err)
	case v.loading:
		return message(s.Text, t.T("tui.TrendLoading"))
	case v.hidden:
		return message(s.Title, t.T("tui.TrendGuess"), v.strs.GuessHint)
	case v.trend.Earlier() == 0:
		return message(s.Text, t.T("tui.TrendNone"))
	}

	centre := ind.CentreMark()
	lines = append(lines, s.Text.Render(truncate(v.legend(centre), v.width)))
	notes := v.notes(0, 0)
	rows := max(1, v.height-len(lines)-2-len(notes))
	points := v.trend.Points
	if len(points) > rows {
		notes = v.notes(rows, len(points))
		rows = max(1, v.height-len(lines)-2-len(notes))
		points = points[len(points)-min(rows, len(points)):]
	}

	values := make([]string, len(points))
	valueW := 0
	axisMax := 0.0
	for i, p := range points {
		values[i] = v.valueText(p, centre)
		valueW = max(valueW, textWidth(values[i]))
		if c, ok := p.Centre(centre); ok {
			axisMax = math.Max(axisMax, math.Max(c, p.Q3))
		}
		if p.Target != nil {
			axisMax = math.Max(axisMax, *p.Target)
		}
	}
	valueW = min(valueW, max(12, v.width*2/5))
	barW := max(10, v.width-trendLabelW-valueW-3)
	axis := niceMax(axisMax, ind.Unit)
	col := func(x float64) int {
		return max(0, min(barW-1, int(math.Round(x/axis*float64(barW)))-1))
	}
	thick, gap := barThickness(rows, len(points))
	var body []string
	for i, p := range points {
		if i > 0 {
			for range gap {
				body = append(body, "")
			}
		}
		plot := v.plotRow(p, centre, col, barW)
		for j := range thick {
			if j != (thick-1)/2 {
				body = append(body, spaces(trendLabelW+1)+plot)
				continue
			}
			label := " " + p.Date.Format("02-01-2006")
			style := s.Text
			if p.Current {
				label, style = "▸"+p.Date.Format("02-01-2006"), s.Title
			}
			value := s.Text.Render(truncate(values[i], valueW))
			if p.Gap != meeting.GapNone {
				value = s.Warning.Render(truncate(values[i], valueW))
			}
			body = append(body, style.Render(cellsLeft(label, trendLabelW))+" "+plot+" "+value)
		}
	}
	// The axis follows the last meeting; the room reads down to it, not
	// across an empty screen.
	lines = append(lines, body...)
	ticks, tickLabels := chartView{chart: meeting.Chart{Indicator: ind}, styles: s, lang: t.Lang}.axisRows(barW, axis, nil)
	pad := spaces(trendLabelW + 1)
	lines = append(lines, pad+ticks, pad+tickLabels)
	lines = append(lines, notes...)
	return v.finish(lines)
}

// finish pads or cuts lines to the page's height and width.
func (v trendView) finish(lines []string) string {
	for len(lines) < v.height {
		lines = append(lines, "")
	}
	lines = lines[:max(0, v.height)]
	for i, l := range lines {
		lines[i] = truncateANSI(l, v.width)
	}
	return strings.Join(lines, "\n")
}

// legend names the band, the centre and (when any meeting had one) the
// target, shortened when the full names do not fit.
func (v trendView) legend(centre meeting.MarkKind) string {
	target := false
	for _, p := range v.trend.Points {
		target = target || p.Target != nil
	}
	line := func(band string, names map[meeting.MarkKind]string) string {
		out := fmt.Sprintf("▒ %s · %s %s", band, markSymbol(centre), names[centre])
		if target {
			out += fmt.Sprintf(" · %s %s", markSymbol(meeting.MarkTarget), names[meeting.MarkTarget])
		}
		return out
	}
	if full := line(v.text.T("tui.TrendBand"), v.strs.Marks); textWidth(full) <= v.width {
		return full
	}
	return line(v.text.T("tui.TrendBandShort"), v.strs.MarksShort)
}

// valueText is a meeting's figure beside its row: the centre and how many
// practices it counts, or why there is none.
func (v trendView) valueText(p meeting.IndicatorPoint, centre meeting.MarkKind) string {
	t := v.text
	unit := v.trend.Indicator.Unit
	switch p.Gap {
	case meeting.GapUnit:
		return t.T("tui.TrendOtherUnit")
	case meeting.GapTooFew:
		return t.T("tui.TrendTooFew", p.Counted, p.Needed)
	}
	c, _ := p.Centre(centre)
	out := formatValue(t.Lang, c, unit, v.strs.Units) + "  n=" + fmt.Sprint(p.Counted)
	if v.width >= 120 {
		out = formatValue(t.Lang, c, unit, v.strs.Units) + " (" + meeting.FormatNumber(p.Q1, unit, t.Lang) + "–" +
			meeting.FormatNumber(p.Q3, unit, t.Lang) + ")  n=" + fmt.Sprint(p.Counted)
	}
	return out
}

// plotRow draws one meeting on the value axis: the quartile band, the
// centre across it and the target; a gap shows the target only.
func (v trendView) plotRow(p meeting.IndicatorPoint, centre meeting.MarkKind, col func(float64) int, barW int) string {
	cells := []rune(strings.Repeat(" ", barW))
	var ms []meeting.Mark
	if c, ok := p.Centre(centre); ok {
		for x := col(p.Q1); x <= col(p.Q3); x++ {
			cells[x] = '▒'
		}
		ms = append(ms, meeting.Mark{Kind: centre, Value: c})
	}
	if p.Target != nil {
		ms = append(ms, meeting.Mark{Kind: meeting.MarkTarget, Value: *p.Target})
	}
	for x, k := range placeMarks(ms, col, barW) {
		cells[x] = []rune(markSymbol(k))[0]
	}
	// Runs of band, marks and space, each styled once.
	var sb strings.Builder
	band, mark := paintOf(v.styles.Bar), paintOf(v.styles.MarkLine)
	for start := 0; start < len(cells); {
		end := start + 1
		kind := func(r rune) int {
			switch r {
			case ' ':
				return 0
			case '▒':
				return 1
			}
			return 2
		}
		for end < len(cells) && kind(cells[end]) == kind(cells[start]) {
			end++
		}
		run := string(cells[start:end])
		switch kind(cells[start]) {
		case 1:
			sb.WriteString(band.wrap(run))
		case 2:
			sb.WriteString(mark.wrap(run))
		default:
			sb.WriteString(run)
		}
		start = end
	}
	return sb.String()
}

// notes explain n and say the page holds the cluster's figures only; when
// only the latest shown of total meetings fit, they say so.
func (v trendView) notes(shown, total int) []string {
	t := v.text
	text := t.T("tui.TrendNote")
	if shown > 0 && shown < total {
		text = t.T("tui.TrendLatest", shown, total) + " · " + text
	}
	lines := wrapLines(text, v.width)
	if len(lines) > 2 {
		lines = append(lines[:1], truncate(strings.Join(lines[1:], " "), v.width))
	}
	for i := range lines {
		lines[i] = v.styles.Text.Render(lines[i])
	}
	return lines
}
