package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// chartScreen projects a data item: one page per indicator with the
// practices' bars under their letter codes, then a page of context
// figures. It never sees a ydernummer: bars carry only their labels.
type chartScreen struct {
	common  *Common
	meeting meeting.Meeting
	names   map[string]string
	item    int
	pages   []string // indicator ids; "" is the context page
	page    int
	offset  int
	// shown lists the indicators whose bars have been revealed; a chart
	// opens hidden when its indicator asks the room to guess first.
	shown map[string]bool
	// followed is the stored state last followed (see follow).
	followed meeting.ChartState
	// trends is the trend page (trend.go).
	trends trendState
	width  int
	height int
	strs   chartStrings
	// memo holds what the pages are built from, worked out once per
	// meeting (and trend history) read rather than on every frame: a
	// chart sorts and counts every practice's figures, a trend every
	// earlier meeting's.
	memo chartMemo
}

// chartMemo is the charts and trends worked out from one meeting, its
// names and the trend histories read so far; it is emptied whenever one
// of those changes (setMeeting, trendLoaded, a new meeting's trend state:
// invalidate), so a frame never shows figures older than the screen's.
type chartMemo struct {
	charts map[string]chartEntry
	trends map[string]meeting.Trend
	// figures is meeting.FiguresFrom, when figuresSet.
	sent, of   int
	figuresSet bool
	// bands is meeting.ContextBands, when bandsSet.
	bands    []meeting.ContextDistribution
	bandsSet bool
}

type chartEntry struct {
	chart meeting.Chart
	err   error
	cred  meeting.Credibility
}

// invalidate forgets everything worked out: the meeting, its names or the
// trend histories changed.
func (s *chartScreen) invalidate() {
	s.memo = chartMemo{}
}

// chart is s.meeting.Chart(id, s.names) and its credibility, worked out
// once per meeting read.
func (s *chartScreen) chart(id string) chartEntry {
	if e, ok := s.memo.charts[id]; ok {
		return e
	}
	c, err := s.meeting.Chart(id, s.names)
	e := chartEntry{chart: c, err: err}
	if err == nil {
		e.cred = s.meeting.Credibility(c)
	}
	if s.memo.charts == nil {
		s.memo.charts = map[string]chartEntry{}
	}
	s.memo.charts[id] = e
	return e
}

// figuresFrom is s.meeting.FiguresFrom(), worked out once per meeting read.
func (s *chartScreen) figuresFrom() (sent, of int) {
	if !s.memo.figuresSet {
		s.memo.sent, s.memo.of = s.meeting.FiguresFrom()
		s.memo.figuresSet = true
	}
	return s.memo.sent, s.memo.of
}

// trend is s.meeting.Trend(id, h) for the history h read for id, worked
// out once per meeting and history read.
func (s *chartScreen) trend(id string, h []meeting.TrendMeeting) meeting.Trend {
	if t, ok := s.memo.trends[id]; ok {
		return t
	}
	t := s.meeting.Trend(id, h)
	if s.memo.trends == nil {
		s.memo.trends = map[string]meeting.Trend{}
	}
	s.memo.trends[id] = t
	return t
}

func newChartScreen(c *Common) *chartScreen {
	return &chartScreen{common: c, shown: map[string]bool{}, strs: chartText(c.Text.Lang)}
}

func (s *chartScreen) setMeeting(m meeting.Meeting, names map[string]string) {
	s.meeting, s.names = m, names
	s.invalidate()
	s.setPages()
}

// open shows the charts of agenda item i from the first page.
func (s *chartScreen) open(i int) {
	if s.item != i {
		s.page, s.offset = 0, 0
	}
	s.item = i
	s.setPages()
	if s.followed.Item == i {
		// The page another window left this item's charts at.
		s.page = max(0, min(s.followed.Page, len(s.pages)-1))
	}
	s.trends.on = s.followed.Trend && s.followed.Item == i
}

func (s *chartScreen) setPages() {
	s.pages = s.meeting.ChartPages(s.item)
	s.page = max(0, min(s.page, len(s.pages)-1))
}

// SetSize sets the body area the screen may draw in.
func (s *chartScreen) SetSize(width, height int) { s.width, s.height = width, height }

// Update pages between indicators and through long bar lists, and hides or
// reveals the bars.
func (s *chartScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	if key.Matches(k, s.common.Keys.Back) {
		return []tea.Msg{backMsg{}}, nil
	}
	if len(s.pages) == 0 {
		return nil, nil
	}
	keys := s.common.Keys
	rows := s.pageRows()
	switch {
	case key.Matches(k, keys.Trend):
		return s.toggleTrend(), nil
	case key.Matches(k, keys.Next):
		if s.page < len(s.pages)-1 {
			s.page, s.offset, s.trends.on = s.page+1, 0, false
			return []tea.Msg{write(chartPageChange(s.common, s.item, s.page, len(s.pages)))}, nil
		}
	case key.Matches(k, keys.Prev):
		if s.page > 0 {
			s.page, s.offset, s.trends.on = s.page-1, 0, false
			return []tea.Msg{write(chartPageChange(s.common, s.item, s.page, len(s.pages)))}, nil
		}
	case key.Matches(k, keys.ScrollDown), key.Matches(k, keys.Down):
		if s.offset+rows-1 < s.total() {
			s.offset += max(1, rows-1)
		}
	case key.Matches(k, keys.ScrollUp), key.Matches(k, keys.Up):
		s.offset = max(0, s.offset-max(1, rows-1))
	case key.Matches(k, keys.Reveal):
		id := s.pages[s.page]
		if id == "" {
			return nil, nil
		}
		s.shown[id] = !s.isShown(id)
		return []tea.Msg{write(chartShowChange(s.common, id, s.shown[id]))}, nil
	}
	return nil, nil
}

// follow shows the stored page and revealed charts when they (another
// window's keys, or a restart) differ from the ones last followed; the
// screen's own keys are shown at once and not undone by their commits.
func (s *chartScreen) follow(cs meeting.ChartState) {
	old := s.followed
	s.followed = cs
	if cs.Item == s.item && (cs.Item != old.Item || cs.Page != old.Page) {
		s.page, s.offset = max(0, min(cs.Page, len(s.pages)-1)), 0
	}
	if cs.Trend != old.Trend || cs.Item != old.Item || cs.Page != old.Page {
		s.trends.on = cs.Trend && cs.Item == s.item
	}
	for id, v := range cs.Shown {
		if w, ok := old.Shown[id]; !ok || w != v {
			s.shown[id] = v
		}
	}
}

// pageRows is how many practices the current page shows at once.
func (s *chartScreen) pageRows() int {
	id := s.pages[s.page]
	if id == "" {
		return max(1, s.height-4)
	}
	if _, ok := s.meeting.Pack.Choice(id); ok {
		return s.choice(id).barRows()
	}
	e := s.chart(id)
	if e.err != nil {
		return 1
	}
	v := s.view(e.chart, e.cred)
	v.hidden = !s.isShown(id)
	return v.barRows()
}

// total bounds how many rows a page lists: one per practice with a code.
func (s *chartScreen) total() int { return len(s.meeting.Codes) }

func (s *chartScreen) isShown(id string) bool {
	if v, ok := s.shown[id]; ok {
		return v
	}
	return !s.meeting.Pack.GuessFirst(id)
}

func (s *chartScreen) view(c meeting.Chart, cred meeting.Credibility) chartView {
	v := chartView{
		chart: c, width: s.width, height: s.height, offset: s.offset,
		page:   fmt.Sprintf(s.strs.Page, s.page+1, len(s.pages)),
		styles: s.common.Styles, strs: s.strs, lang: s.common.Text.Lang,
		cred: cred,
	}
	// While practices are missing, the wall may know how many sent
	// figures — never which.
	if sent, of := s.figuresFrom(); sent < of {
		v.figuresFrom = s.common.Text.T("tui.FiguresFrom", sent, of)
	}
	return v
}

// View draws the current page.
func (s *chartScreen) View() string {
	if len(s.pages) == 0 {
		return s.common.Styles.Text.Render(s.strs.NoValues)
	}
	id := s.pages[s.page]
	if id == "" {
		return s.contextView()
	}
	if _, ok := s.meeting.Pack.Choice(id); ok {
		return s.choice(id).render() // a choice has no trend page
	}
	if s.trends.on {
		return s.trendView(id)
	}
	e := s.chart(id)
	if e.err != nil {
		return s.common.Styles.Error.Render(s.common.Text.Error(e.err))
	}
	c := e.chart
	v := s.view(c, e.cred)
	v.offset = min(s.offset, max(0, len(c.Bars)-1))
	v.hidden = !s.isShown(id)
	return v.render()
}

// contextView shows how the practices spread over each context indicator,
// in bands of at least meeting.MinBandPractices practices and without
// codes: a code beside its exact list size would let anyone who knows the
// neighbouring practices decode every chart. Each practice finds its own
// figures on its slip.
func (s *chartScreen) contextView() string {
	st := s.common.Styles
	lang := s.common.Text.Lang
	head := spread(st.Title.Render(s.strs.ContextHead), st.Text.Render(fmt.Sprintf(s.strs.Page, s.page+1, len(s.pages))), s.width)
	if !s.memo.bandsSet {
		s.memo.bands, s.memo.bandsSet = s.meeting.ContextBands(), true
	}
	dists := s.memo.bands
	if len(dists) == 0 {
		return strings.Join([]string{head, "", st.Text.Render(s.strs.NoContext)}, "\n")
	}
	// On a wide screen the bands are one block, centred: as wide as the
	// widest title or band row, not spread across the wall.
	pad := ""
	if s.width >= 120 {
		blockW := textWidth(fmt.Sprintf(s.strs.ContextNote, meeting.MinBandPractices))
		for _, d := range dists {
			blockW = max(blockW, textWidth(d.Indicator.Title))
		}
		blockW = max(blockW, 60)
		pad = spaces(max(0, (s.width-blockW)/2))
	}
	var body []string
	for _, d := range dists {
		body = append(body, "", pad+st.Heading.Render(meeting.FitCells(d.Indicator.Title, s.width-len(pad))))
		if d.TooFew {
			body = append(body, pad+st.Text.Render(truncate("  "+fmt.Sprintf(s.strs.ContextTooFew, meeting.MinBandPractices), s.width-len(pad))))
			continue
		}
		unit := s.strs.Units[d.Indicator.Unit]
		ranges := make([]string, len(d.Bands))
		rangeW, most := 0, 1
		for i, b := range d.Bands {
			ranges[i] = meeting.FormatNumber(b.From, d.Indicator.Unit, lang) + "–" + meeting.FormatNumber(b.To, d.Indicator.Unit, lang)
			if unit != "" {
				ranges[i] += " " + unit
			}
			rangeW = max(rangeW, textWidth(ranges[i]))
			most = max(most, b.Count)
		}
		countW := textWidth(fmt.Sprintf(s.strs.ContextCount, most))
		barW := max(4, min(40, s.width-rangeW-countW-6))
		for i, b := range d.Bands {
			bar := strings.Repeat("█", max(1, b.Count*barW/most))
			line := "  " + cellsRight(ranges[i], rangeW) + "  " + st.Bar.Render(bar) + " " + st.Text.Render(fmt.Sprintf(s.strs.ContextCount, b.Count))
			body = append(body, truncateANSI(pad+line, s.width))
		}
		if d.NoData > 0 {
			body = append(body, pad+st.Text.Render(truncate("  "+fmt.Sprintf(s.strs.ContextNoData, d.NoData), s.width-len(pad))))
		}
	}
	foot := pad + st.Text.Render(truncate(fmt.Sprintf(s.strs.ContextNote, meeting.MinBandPractices), s.width-len(pad)))
	rows := max(1, s.height-2)
	offset := min(s.offset, max(0, len(body)-rows))
	body = body[offset:min(len(body), offset+rows)]
	return strings.Join(append(append([]string{head}, body...), foot), "\n")
}

// ShortHelp is the footer's key list.
func (s *chartScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	return []key.Binding{k.Back, k.Prev, k.Next, k.Reveal, k.Trend, k.ScrollDown, k.NextItem}
}

// FullHelp is the help overlay's key list.
func (s *chartScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{{k.Back, k.Prev, k.Next, k.ScrollDown, k.ScrollUp, k.Down, k.Up}, {k.Reveal, k.Trend}}
}

// sortedCodes lists the code key's rows in code order: A … Z, AA ….
func sortedCodes(codes map[string]string) []string {
	yds := make([]string, 0, len(codes))
	for yd := range codes {
		yds = append(yds, yd)
	}
	sort.Slice(yds, func(i, j int) bool { return meeting.CodeLess(codes[yds[i]], codes[yds[j]]) })
	return yds
}
