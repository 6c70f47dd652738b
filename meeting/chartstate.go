package meeting

import "maps"

// ChartState is what the data screen shows, shared by the projector and
// its consoles: the page of agenda item Item's charts and which charts
// have been revealed or hidden by hand.
type ChartState struct {
	// Item is the agenda item whose charts Page counts in.
	Item int `json:"item"`
	// Page is the indicator page shown (0-based).
	Page int `json:"page"`
	// Shown maps an indicator id to whether its bars are shown; an
	// indicator not in it is shown unless it asks the room to guess first.
	Shown map[string]bool `json:"shown,omitempty"`
	// Trend shows the trend across meetings of page Page's indicator
	// instead of its bars (Meeting.ShowTrend); turning the page ends it.
	Trend bool `json:"trend,omitempty"`
}

// ChartShown reports whether indicator id's bars are shown.
func (m Meeting) ChartShown(id string) bool {
	if v, ok := m.DataScreen.Shown[id]; ok {
		return v
	}
	return !m.Pack.GuessFirst(id)
}

// TurnChart moves item i's indicator page by delta within pages pages
// (a new item starts from its first page).
func (m Meeting) TurnChart(i, delta, pages int) Meeting {
	page := m.DataScreen.Page
	if m.DataScreen.Item != i {
		page = 0
	}
	next := max(0, min(page+delta, pages-1))
	if m.DataScreen.Item != i || next != m.DataScreen.Page {
		m.DataScreen.Trend = false
	}
	m.DataScreen.Item = i
	m.DataScreen.Page = next
	return m
}

// RevealChart shows indicator id's bars if they are hidden and hides them
// otherwise.
func (m Meeting) RevealChart(id string) Meeting {
	shown := m.ChartShown(id)
	m.DataScreen.Shown = maps.Clone(m.DataScreen.Shown)
	if m.DataScreen.Shown == nil {
		m.DataScreen.Shown = map[string]bool{}
	}
	m.DataScreen.Shown[id] = !shown
	return m
}

// ChartPages are the data screen's pages for agenda item i: one per
// indicator of the item, then "" for the context figures when the pack
// has any.
func (m Meeting) ChartPages(i int) []string {
	var pages []string
	if i >= 0 && i < len(m.Items) {
		pages = append(pages, m.Items[i].Indicators...)
	}
	for _, ind := range m.Pack.Indicators {
		if ind.Context {
			pages = append(pages, "")
			break
		}
	}
	return pages
}

// ChartPage is the indicator page shown of item i's charts.
func (m Meeting) ChartPage(i int) int {
	if m.DataScreen.Item != i {
		return 0
	}
	return m.DataScreen.Page
}
