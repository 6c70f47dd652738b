package tui

import (
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

// slipPreview is the console's preview of one practice's personal slip,
// the text the envelope holds, in the console's width. It names a
// practice beside its code and figures, so it lives on the console only,
// behind a j/y like the code key: the projector has no key for it.
type slipPreview struct {
	// practices are the practices with a code, in name order.
	practices []meeting.Practice
	cursor    int
	// in is what the slip shows beyond the meeting's figures, read when
	// the preview opens; loaded is false until it has come.
	in     export.SlipInput
	loaded bool
	scroll int
}

// slipInputMsg brings the pledges, the next meeting and the indicators'
// history for the slip of meeting meetingID.
type slipInputMsg struct {
	meetingID int64
	in        export.SlipInput
}

// openSlips starts the preview: the practices to choose from, and a read
// of what the slips show beyond the figures.
func (k *Console) openSlips() tea.Cmd {
	mt := *k.meeting
	p := &k.slip
	p.practices = p.practices[:0]
	for _, pr := range k.cluster.Practices {
		if _, ok := mt.Codes[pr.Ydernummer]; ok {
			p.practices = append(p.practices, pr)
		}
	}
	c := k.common
	sort.SliceStable(p.practices, func(i, j int) bool { return c.nameLess(p.practices[i].Name, p.practices[j].Name) })
	p.cursor = max(0, min(p.cursor, len(p.practices)-1))
	p.loaded, p.scroll = false, 0
	ms := k.meetings
	return func() tea.Msg {
		var in export.SlipInput
		var err error
		if in.Pledges, err = c.Store.Pledges(c.Ctx, mt.ID); err != nil {
			return errMsg{err}
		}
		plan, err := c.Store.Plan(c.Ctx, mt.ClusterID)
		if err != nil {
			return errMsg{err}
		}
		if next, ok := meeting.NextPlannedStart(ms, plan, mt); ok {
			in.Next = &next
		}
		in.History = map[string][]meeting.TrendMeeting{}
		for _, ind := range mt.Pack.Indicators {
			if ind.Context {
				continue
			}
			if in.History[ind.ID], err = c.Store.IndicatorHistory(c.Ctx, mt.ID, ind.ID); err != nil {
				return errMsg{err}
			}
		}
		return slipInputMsg{meetingID: mt.ID, in: in}
	}
}

// slipKey handles a key while the preview is open: choosing a practice,
// then scrolling its slip; esc steps back, and out.
func (k *Console) slipKey(msg tea.KeyMsg) tea.Cmd {
	keys := k.common.Keys
	p := &k.slip
	if k.private == privateSlipPick {
		switch {
		case key.Matches(msg, keys.Back), key.Matches(msg, keys.Quit), key.Matches(msg, keys.Slip):
			k.private = privateNone
		case key.Matches(msg, keys.Up):
			p.cursor = max(0, p.cursor-1)
		case key.Matches(msg, keys.Down):
			p.cursor = min(len(p.practices)-1, p.cursor+1)
		case key.Matches(msg, keys.Open) && len(p.practices) > 0:
			k.private, p.scroll = privateSlip, 0
		}
		return nil
	}
	page := max(1, k.common.Height-headerLines-footerLines-2)
	switch {
	case key.Matches(msg, keys.Back):
		k.private = privateSlipPick
	case key.Matches(msg, keys.Quit), key.Matches(msg, keys.Slip):
		k.private = privateNone
	case key.Matches(msg, keys.Up):
		p.scroll = max(0, p.scroll-1)
	case key.Matches(msg, keys.Down):
		p.scroll++
	case key.Matches(msg, keys.ScrollUp):
		p.scroll = max(0, p.scroll-page)
	case key.Matches(msg, keys.ScrollDown):
		p.scroll += page
	case key.Matches(msg, keys.Prev):
		p.cursor, p.scroll = max(0, p.cursor-1), 0
	case key.Matches(msg, keys.Next):
		p.cursor, p.scroll = min(len(p.practices)-1, p.cursor+1), 0
	}
	return nil
}

// slipPickView lists the practices with a code to choose a slip from.
func (k *Console) slipPickView(height int) string {
	c := k.common
	s := c.Styles
	p := &k.slip
	lines := []string{s.Error.Render(truncate("⚠ "+c.Text.T("tui.SlipPick"), c.Width)), ""}
	if len(p.practices) == 0 {
		return strings.Join(append(lines, s.Muted.Render(truncate(c.Text.T("tui.SlipNone"), c.Width))), "\n")
	}
	room := max(1, height-len(lines))
	first := max(0, min(p.cursor-room/2, len(p.practices)-room))
	for i := first; i < len(p.practices) && i < first+room; i++ {
		pr := p.practices[i]
		line := truncate("  "+k.meeting.Codes[pr.Ydernummer]+"  "+pr.Name, c.Width-2)
		if i == p.cursor {
			lines = append(lines, s.Selected.Render("▸"+strings.TrimPrefix(line, " ")))
		} else {
			lines = append(lines, s.Text.Render(line))
		}
	}
	return strings.Join(lines, "\n")
}

// slipView shows the chosen practice's slip as its text form, written in
// the console's width, from the scroll position on.
func (k *Console) slipView(height int) string {
	c := k.common
	s := c.Styles
	p := &k.slip
	pr := p.practices[max(0, min(p.cursor, len(p.practices)-1))]
	head := s.Error.Render(truncate("⚠ "+c.Text.T("tui.SlipTitle", k.meeting.Codes[pr.Ydernummer]), c.Width))
	if !p.loaded {
		return head + "\n\n" + s.Muted.Render(c.Text.Loading)
	}
	lines, err := k.slipLines(pr)
	if err != nil {
		return head + "\n\n" + s.Error.Render(truncate(c.Text.ErrorPrefix+": "+c.Text.Error(err), c.Width))
	}
	room := max(1, height-1)
	p.scroll = max(0, min(p.scroll, len(lines)-room))
	shown := lines[p.scroll:min(len(lines), p.scroll+room)]
	for i, l := range shown {
		shown[i] = s.Text.Render(l)
	}
	return head + "\n" + strings.Join(shown, "\n")
}

// slipLines is practice pr's slip, as the envelope's text file holds it,
// in the console's width less a margin.
func (k *Console) slipLines(pr meeting.Practice) ([]string, error) {
	slips, err := export.SlipsWith(*k.meeting, []meeting.Practice{pr}, k.common.Text.Lang, k.slip.in)
	if err != nil {
		return nil, err
	}
	if len(slips) == 0 {
		return nil, meeting.Errork(meeting.EINVALID, "export.SlipNoCodes", k.meeting.Title)
	}
	var b strings.Builder
	if err := export.WriteSlipTextWidth(&b, slips[0], k.common.Width-2); err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimRight(b.String(), "\n"), "\n"), nil
}

// slipHelp are the preview's keys.
func (k *Console) slipHelp() []key.Binding {
	keys := k.common.Keys
	if k.private == privateSlipPick {
		// enter opens the chosen practice's slip, not an agenda item.
		open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", k.common.Text.T("tui.SlipKeyOpen")))
		return []key.Binding{open, keys.Back, keys.Up, keys.Down}
	}
	practice := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", k.common.Text.T("tui.SlipKeyPractice")))
	// The way back first: at 80 columns the last keys are cut.
	return []key.Binding{keys.Back, keys.Down, keys.ScrollDown, practice, keys.Up}
}
