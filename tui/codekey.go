package tui

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// codeKeyStage is where the code key is: closed, asking, or shown.
type codeKeyStage int

const (
	codeKeyClosed codeKeyStage = iota
	codeKeyAsking
	codeKeyShown
)

// notesAskView warns before the speaker notes replace the slide on the one
// screen the room sees.
func (m *Model) notesAskView(height int) string {
	c := m.common
	s := c.Styles
	content := lipgloss.JoinVertical(lipgloss.Left,
		s.Error.Render("⚠ "+c.Text.NotesWarnTitle), "",
		s.Text.Width(min(60, c.Width-10)).Render(c.Text.NotesWarning), "",
		m.help.ShortHelpView([]key.Binding{c.Keys.Yes, c.Keys.No}))
	return placeCenter(c.Width, height, s.Dialog.Render(content))
}

// codeKeyView draws the coordinator-only code key: code, practice and
// ydernummer. It is shown only after a confirm and hides on any key.
func (m *Model) codeKeyView(height int) string {
	c := m.common
	s := c.Styles
	t := c.Text
	if m.codeKey == codeKeyAsking {
		content := lipgloss.JoinVertical(lipgloss.Left,
			s.Error.Render("⚠ "+t.CodeKeyTitle), "",
			s.Text.Width(min(60, c.Width-10)).Render(t.CodeKeyWarning), "",
			m.help.ShortHelpView([]key.Binding{c.Keys.Yes, c.Keys.No}))
		return placeCenter(c.Width, height, s.Dialog.Render(content))
	}
	return codeKeyTable(c, m.meeting.Codes, m.names, height)
}

// codeKeyTable lays out the code key, code, practice and ydernummer in as
// many columns as the height needs; the projector and the console show
// the same table.
func codeKeyTable(c *Common, codes, names map[string]string, height int) string {
	s := c.Styles
	t := c.Text
	lines := []string{s.Error.Render("⚠ " + strings.ToUpper(t.CodeKeyTitle) + " ⚠"), ""}
	yds := sortedCodes(codes)
	cols := max(1, (len(yds)+height-4)/max(1, height-3))
	perCol := (len(yds) + cols - 1) / max(1, cols)
	colW := max(20, c.Width/cols-2)
	table := make([]string, perCol)
	for i, yd := range yds {
		row := fmt.Sprintf("%3s  %s %s", codes[yd], cellsLeft(names[yd], max(4, colW-12)), meeting.Inert(yd))
		table[i%perCol] += padRight(row, colW) + "  "
	}
	for _, r := range table {
		lines = append(lines, s.Text.Render(strings.TrimRight(r, " ")))
	}
	lines = append(lines, "", s.Heading.Render(t.DismissHint))
	return strings.Join(lines, "\n")
}

// consentScreen lets the coordinator record which practices agreed, at this
// meeting, to be shown by name. It lists names without codes or figures,
// so it reveals nothing on the projector.
type consentScreen struct {
	common  *Common
	meeting meeting.Meeting
	names   map[string]string
	order   []string // ydernumre in name order
	cursor  int
	width   int
	height  int
}

func newConsentScreen(c *Common) *consentScreen { return &consentScreen{common: c} }

func (s *consentScreen) setMeeting(m meeting.Meeting, names map[string]string) {
	s.meeting, s.names = m, names
	s.order = s.order[:0]
	for yd := range m.Codes {
		s.order = append(s.order, yd)
	}
	sort.Slice(s.order, func(i, j int) bool { return s.common.nameLess(names[s.order[i]], names[s.order[j]]) })
	s.cursor = max(0, min(s.cursor, len(s.order)-1))
}

// SetSize sets the body area.
func (s *consentScreen) SetSize(width, height int) { s.width, s.height = width, height }

// Update moves the cursor and toggles the practice's consent. The toggle
// is computed when its turn in the write queue comes, so pressing it twice
// gives consent and withdraws it again.
func (s *consentScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	if key.Matches(k, s.common.Keys.Back) {
		return []tea.Msg{backMsg{}}, nil
	}
	if len(s.order) == 0 {
		return nil, nil
	}
	keys := s.common.Keys
	switch {
	case key.Matches(k, keys.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(k, keys.Down):
		s.cursor = min(len(s.order)-1, s.cursor+1)
	case key.Matches(k, keys.Toggle):
		return []tea.Msg{write(s.toggle(s.order[s.cursor]))}, nil
	}
	return nil, nil
}

// toggle is the change that gives or withdraws practice yd's consent.
func (s *consentScreen) toggle(yd string) change {
	c := s.common
	name := s.names[yd]
	given := func(mt meeting.Meeting) bool { _, ok := mt.Consents[yd]; return ok }
	now := c.Clock.Now()
	return change{
		what: name,
		at:   now,
		op: func(mt meeting.Meeting, at time.Time) (meeting.Meeting, error) {
			changed, _ := mt.ToggleConsent(yd, at)
			return changed, nil
		},
		commit: func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			at, ok := after.Consents[yd]
			if !ok {
				at = now // the time it was withdrawn
			}
			return after, nil, st.RecordConsent(ctx, after.ID, yd, ok, at)
		},
		notice: func(_, after meeting.Meeting) string {
			if given(after) {
				return fmt.Sprintf(c.Text.ConsentGiven, name)
			}
			return fmt.Sprintf(c.Text.ConsentWithdrawn, name)
		},
	}
}

// View lists the practices with their consent.
func (s *consentScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	lines := []string{st.Title.Render(t.ConsentTitle)}
	for _, l := range wrapLines(t.ConsentHint, s.width) {
		lines = append(lines, st.Text.Render(l))
	}
	lines = append(lines, "")
	rows := max(1, s.height-len(lines))
	if len(s.order) > rows {
		rows = max(1, rows-1) // room for the position line
	}
	offset := max(0, min(s.cursor-rows+1, len(s.order)-rows))
	for i := offset; i < min(len(s.order), offset+rows); i++ {
		yd := s.order[i]
		mark, state := "○", t.ConsentNo
		if at, ok := s.meeting.Consents[yd]; ok {
			mark, state = "✓", fmt.Sprintf(t.ConsentYes, t.Clock(at.Local()))
		}
		marker := "  "
		if i == s.cursor {
			marker = "▶ "
		}
		row := padRight(fmt.Sprintf("%s%s %s %s", marker, mark, cellsLeft(s.names[yd], 40), state), s.width)
		if i == s.cursor {
			row = st.Selected.Render(row)
		} else {
			row = st.Text.Render(row)
		}
		lines = append(lines, row)
	}
	if pos := listPosition(t, offset, rows, len(s.order)); pos != "" {
		lines = append(lines, st.Muted.Render(pos))
	}
	return strings.Join(lines, "\n")
}

// ShortHelp is the footer's key list.
func (s *consentScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	return []key.Binding{k.Back, k.Up, k.Down, k.Toggle}
}

// FullHelp is the help overlay's key list.
func (s *consentScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
