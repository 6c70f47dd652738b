package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// addItemDialog asks for the title and minutes of an ad-hoc item, such as
// "Eventuelt", 5 min.
type addItemDialog struct {
	common  *Common
	title   textinput.Model
	minutes textinput.Model
	width   int
	height  int
	// full is set when the title refused typed or pasted characters at
	// its limit, so the dialog says so instead of dropping them quietly.
	full bool
}

func newAddItemDialog(c *Common) *addItemDialog {
	title := textinput.New()
	title.CharLimit = meeting.TextTitle.MaxLen()
	minutes := textinput.New()
	minutes.CharLimit = 3
	return &addItemDialog{
		common:  c,
		title:   title,
		minutes: minutes,
	}
}

// open resets the dialog to the usual ad-hoc item.
func (d *addItemDialog) open() {
	d.title.SetValue(d.common.Text.AddDefault)
	d.title.CursorEnd()
	d.minutes.SetValue("5")
	d.title.Focus()
	d.minutes.Blur()
	d.full = false
}

// SetSize sets the body area.
func (d *addItemDialog) SetSize(width, height int) { d.width, d.height = width, height }

// result returns the item the fields describe, or the catalogue key of
// what is wrong: an empty title, or minutes that are not a whole number of
// at least 1.
func (d *addItemDialog) result() (meeting.AgendaItem, string) {
	n, err := strconv.Atoi(strings.TrimSpace(d.minutes.Value()))
	title := strings.TrimSpace(d.title.Value())
	switch {
	case title == "":
		return meeting.AgendaItem{}, "tui.AddTitleEmpty"
	case err != nil || n < 1:
		return meeting.AgendaItem{}, "tui.AddMinutesTooFew"
	}
	return meeting.AgendaItem{Kind: meeting.KindPlenum, Title: title, Minutes: n}, ""
}

// updateAddItem runs the dialog; enter queues the new item after the
// running one (or the one under the cursor before the meeting starts).
func (m *Model) updateAddItem(msg tea.KeyMsg) tea.Cmd {
	d := m.addItem
	t := m.common.Text
	keys := m.common.Keys
	switch {
	case key.Matches(msg, keys.Cancel):
		m.adding = false
		return nil
	case key.Matches(msg, keys.NextField), key.Matches(msg, keys.PrevField):
		if d.title.Focused() {
			d.title.Blur()
			return d.minutes.Focus()
		}
		d.minutes.Blur()
		return d.title.Focus()
	case key.Matches(msg, keys.Save):
		item, wrong := d.result()
		if wrong != "" {
			m.err = meeting.Errork(meeting.EINVALID, wrong)
			return nil
		}
		m.adding = false
		after := m.addAfter
		return m.enqueue(runChange(m.common, item.Title,
			func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return mt.AddItem(item, after) },
			func(_, _ meeting.Meeting) string { return strings.Replace(t.NoticeAdded, "%s", item.Title, 1) }))
	}
	var cmd tea.Cmd
	if d.title.Focused() {
		d.title, cmd, d.full = typeInto(d.title, msg, meeting.TextTitle)
	} else {
		d.minutes, cmd = d.minutes.Update(msg)
	}
	return cmd
}

// View draws the dialog in the middle of the body.
func (d *addItemDialog) View() string {
	s := d.common.Styles
	t := d.common.Text
	d.title.Width = 40
	d.minutes.Width = 5
	title := d.title.View()
	if d.full {
		title = lipgloss.JoinVertical(lipgloss.Left, title, s.Error.Render("✗ "+fmt.Sprintf(t.FieldFull, d.title.CharLimit)))
	}
	content := lipgloss.JoinVertical(lipgloss.Left,
		s.Heading.Render(t.AddTitle), "",
		s.Text.Render(t.AddName+":"), title, "",
		s.Text.Render(t.AddMinutes+":"), d.minutes.View(), "",
		s.Text.Render(t.AddHint))
	return placeCenter(d.width, d.height, s.Dialog.Render(content))
}

// ShortHelp is the footer's key list while the dialog is open.
func (d *addItemDialog) ShortHelp() []key.Binding {
	k := d.common.Keys
	return []key.Binding{k.NextField, k.Save, k.Cancel}
}

// FullHelp is the same keys.
func (d *addItemDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
