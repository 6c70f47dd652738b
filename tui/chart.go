package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

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
	shown  map[string]bool
	width  int
	height int
	strs   chartStrings
}

func newChartScreen(c *Common) *chartScreen {
	return &chartScreen{common: c, shown: map[string]bool{}, strs: chartText(c.Text.Lang)}
}

func (s *chartScreen) setMeeting(m meeting.Meeting, names map[string]string) {
	s.meeting, s.names = m, names
	s.setPages()
}

// open shows the charts of agenda item i from the first page.
func (s *chartScreen) open(i int) {
	if s.item != i {
		s.page, s.offset = 0, 0
	}
	s.item = i
	s.setPages()
}

func (s *chartScreen) setPages() {
	s.pages = nil
	if s.item < len(s.meeting.Items) {
		s.pages = append(s.pages, s.meeting.Items[s.item].Indicators...)
	}
	for _, ind := range s.meeting.Pack.Indicators {
		if ind.Context {
			s.pages = append(s.pages, "")
			break
		}
	}
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
	case key.Matches(k, keys.Next):
		if s.page < len(s.pages)-1 {
			s.page, s.offset = s.page+1, 0
		}
	case key.Matches(k, keys.Prev):
		if s.page > 0 {
			s.page, s.offset = s.page-1, 0
		}
	case key.Matches(k, keys.ScrollDown), key.Matches(k, keys.Down):
		if s.offset+rows-1 < s.total() {
			s.offset += max(1, rows-1)
		}
	case key.Matches(k, keys.ScrollUp), key.Matches(k, keys.Up):
		s.offset = max(0, s.offset-max(1, rows-1))
	case key.Matches(k, keys.Reveal):
		id := s.pages[s.page]
		s.shown[id] = !s.isShown(id)
	}
	return nil, nil
}

// pageRows is how many practices the current page shows at once.
func (s *chartScreen) pageRows() int {
	id := s.pages[s.page]
	if id == "" {
		return max(1, s.height-4)
	}
	c, err := s.meeting.Chart(id, s.names)
	if err != nil {
		return 1
	}
	v := s.view(c)
	v.hidden = !s.isShown(id)
	return v.barRows()
}

// total bounds how many rows a page lists: one per practice with a code.
func (s *chartScreen) total() int { return len(s.meeting.Codes) }

func (s *chartScreen) isShown(id string) bool {
	if v, ok := s.shown[id]; ok {
		return v
	}
	ind, _ := s.meeting.Pack.Indicator(id)
	return !ind.Guess
}

func (s *chartScreen) view(c meeting.Chart) chartView {
	return chartView{
		chart: c, width: s.width, height: s.height, offset: s.offset,
		page:   fmt.Sprintf(s.strs.Page, s.page+1, len(s.pages)),
		styles: s.common.Styles, strs: s.strs, lang: s.common.Text.Lang,
	}
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
	c, err := s.meeting.Chart(id, s.names)
	if err != nil {
		return s.common.Styles.Error.Render(meeting.ErrorMessageIn(err, s.common.Text.Lang))
	}
	v := s.view(c)
	v.offset = min(s.offset, max(0, len(c.Bars)-1))
	v.hidden = !s.isShown(id)
	return v.render()
}

// contextView lists each practice's context figures under its label.
func (s *chartScreen) contextView() string {
	st := s.common.Styles
	t := s.meeting.Context(s.names)
	lines := []string{spread(st.Title.Render(s.strs.ContextHead), st.Text.Render(fmt.Sprintf(s.strs.Page, s.page+1, len(s.pages))), s.width), ""}
	if len(t.Indicators) == 0 {
		return strings.Join(append(lines, st.Text.Render(s.strs.NoContext)), "\n")
	}
	labelW := 4
	for _, r := range t.Rows {
		labelW = max(labelW, min(24, lipgloss.Width(r.Label)))
	}
	colW := max(12, (s.width-labelW-2)/len(t.Indicators))
	head := strings.Repeat(" ", labelW+2)
	for _, ind := range t.Indicators {
		head += fmt.Sprintf("%*s", colW, truncate(ind.Title, colW-1))
	}
	lines = append(lines, st.Heading.Render(truncate(head, s.width)))
	rows := max(1, s.height-len(lines)-1)
	offset := min(s.offset, max(0, len(t.Rows)-1))
	end := min(len(t.Rows), offset+rows)
	for _, r := range t.Rows[offset:end] {
		line := fmt.Sprintf("%*s  ", labelW, truncate(r.Label, labelW))
		for i, v := range r.Values {
			cell := "–"
			if v != nil {
				cell = formatValue(s.common.Text.Lang, *v, t.Indicators[i].Unit, s.strs.Units)
			}
			line += fmt.Sprintf("%*s", colW, cell)
		}
		lines = append(lines, st.Text.Render(truncate(line, s.width)))
	}
	if end < len(t.Rows) {
		lines = append(lines, st.Heading.Render(fmt.Sprintf(s.strs.MoreBars, offset+1, end, len(t.Rows))))
	}
	return strings.Join(lines, "\n")
}

// ShortHelp is the footer's key list.
func (s *chartScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	return []key.Binding{k.Back, k.Prev, k.Next, k.Reveal, k.ScrollDown, k.NextItem}
}

// FullHelp is the help overlay's key list.
func (s *chartScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{{k.Back, k.Prev, k.Next, k.ScrollDown, k.ScrollUp, k.Down, k.Up}, {k.Reveal}}
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
