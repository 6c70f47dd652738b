package tui

import (
	"fmt"
	"strings"

	"github.com/klynge/klynge/meeting"
)

// header is on every screen: the meeting's title and the wall clock, then
// the current item with its time left and the meeting's drift, so the
// coordinator always sees where the meeting is.
func (m *Model) header() string {
	c := m.common
	s := c.Styles
	now := c.Clock.Now()
	// The wall clock by the minute: the header's seconds would wake the
	// projector every second while nothing else moves.
	clock := s.Clock.Render(now.Local().Format("15:04"))
	title := c.Text.Loading
	if m.meeting != nil {
		title = m.meeting.Title
	}
	line1 := spread(s.Title.Render(truncate(title, c.Width-textWidth(clock)-2)), clock, c.Width)
	line2 := ""
	if m.meeting != nil {
		line2 = m.runLine()
	}
	// The divider is one run of one style: wrapped in its escapes rather
	// than laid out by Render, which measures its 200 cells. The lines are
	// not padded to one width here: frame pads every line of the frame.
	line3 := paintOf(s.Divider).wrap(strings.Repeat("━", c.Width))
	return line1 + "\n" + line2 + "\n" + line3
}

// runLine is the header's second line: the running item and its time
// left, or why nothing runs.
func (m *Model) runLine() string {
	c := m.common
	s := c.Styles
	t := c.Text
	mt := m.meeting
	now := c.Clock.Now()
	b := mt.Budget(now)
	if !mt.UnderWay() {
		return s.Status.Render(truncate(fmt.Sprintf(t.WaitingStart, t.Clock(mt.PlannedStart.Local())), c.Width))
	}
	driftStyle := s.Status
	if b.Standing == meeting.StandingBehind {
		driftStyle = s.Warning
	}
	drift := driftStyle.Render(t.standing(*mt, b))
	if b.Current < 0 {
		left := t.MeetingEnded
		if !mt.Ended() {
			left = fmt.Sprintf(t.ItemOf, mt.Focus()+1, len(mt.Items))
		}
		return spread(s.Status.Render(left), drift, c.Width)
	}
	it := mt.Items[b.Current]
	ib := b.Items[b.Current]
	var timeLeft string
	if ib.Left > 0 {
		style := s.Clock
		if ib.Left <= meeting.LastMinutesWindow {
			style = s.Warning
		}
		timeLeft = style.Render("⏱ " + fmt.Sprintf(t.Left, leftText(ib.Left)))
	} else {
		timeLeft = s.Error.Render("⚠ " + fmt.Sprintf(t.Over, leftText(ib.Left)))
	}
	right := timeLeft + s.Status.Render(" · ") + drift
	// Titles often start with their kind ("Oplæg: …"); say it once.
	label := it.Title
	if !strings.HasPrefix(strings.ToLower(it.Title), strings.ToLower(t.Kind(it.Kind))) {
		label = t.Kind(it.Kind) + ": " + it.Title
	}
	item := fmt.Sprintf("%d/%d %s %s", b.Current+1, len(mt.Items), kindSymbol(it.Kind), label)
	return spread(s.Kind.Render(truncate(item, c.Width-textWidth(right)-2)), right, c.Width)
}

// spread puts left and right on one line of the given width.
func spread(left, right string, width int) string {
	gap := max(1, width-textWidth(left)-textWidth(right))
	return left + strings.Repeat(" ", gap) + right
}
