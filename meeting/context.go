package meeting

import "sort"

// ContextRow is one practice's context figures, under the label the room
// may see.
type ContextRow struct {
	Label string
	// Values follow ContextTable.Indicators; nil where the practice has no
	// figure.
	Values []*float64
}

// ContextTable shows, per practice, the context indicators the pack
// defines (list size, share aged 65+), so the room can discuss "we have
// many elderly patients" without names. Rows are in label order; codes
// are random, so that order says nothing about who is who.
type ContextTable struct {
	Indicators []Indicator
	Rows       []ContextRow
}

// Context builds the context table from the meeting's values.
func (m Meeting) Context(names map[string]string) ContextTable {
	var t ContextTable
	col := map[string]int{}
	for _, ind := range m.Pack.Indicators {
		if ind.Context {
			col[ind.ID] = len(t.Indicators)
			t.Indicators = append(t.Indicators, ind)
		}
	}
	if len(t.Indicators) == 0 {
		return t
	}
	labels := m.Labels(names)
	rows := map[string]*ContextRow{}
	for yd, label := range labels {
		rows[yd] = &ContextRow{Label: label, Values: make([]*float64, len(t.Indicators))}
	}
	for _, v := range m.Values {
		c, ok := col[v.Indicator]
		r := rows[v.Ydernummer]
		if !ok || r == nil {
			continue
		}
		if x, ok := v.Computed(t.Indicators[c].Unit); ok {
			r.Values[c] = &x
		}
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, *r)
	}
	sort.Slice(t.Rows, func(i, j int) bool { return CodeLess(t.Rows[i].Label, t.Rows[j].Label) })
	return t
}
