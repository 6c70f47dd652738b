package tui

import (
	"context"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// inertStore hands the screens only inert text. A database written by an
// older version, or by hand, may hold names with escape codes, tabs,
// newlines or direction overrides; every value read from the store passes
// through meeting.Inert here, once, so no screen can forget it and a
// guest's name can never recolour, clear or rename the projected terminal.
// Writes pass straight through.
type inertStore struct{ Store }

// inertData makes a store read's result inert (meeting.InertCopy).
func inertData[T any](v T, err error) (T, error) {
	if err != nil {
		return v, err
	}
	return meeting.InertCopy(v, "Body", "Notes"), nil
}

// Meeting implements Store with inert text.
func (s inertStore) Meeting(ctx context.Context, id int64) (meeting.Meeting, error) {
	return inertData(s.Store.Meeting(ctx, id))
}

// SaveRun implements Store with inert text.
func (s inertStore) SaveRun(ctx context.Context, m meeting.Meeting) (meeting.Meeting, error) {
	return inertData(s.Store.SaveRun(ctx, m))
}

// Cluster implements Store with inert text.
func (s inertStore) Cluster(ctx context.Context, id int64) (meeting.Cluster, error) {
	return inertData(s.Store.Cluster(ctx, id))
}

// AddGuest implements Store with inert text.
func (s inertStore) AddGuest(ctx context.Context, meetingID int64, g meeting.Guest) (meeting.Meeting, error) {
	return inertData(s.Store.AddGuest(ctx, meetingID, g))
}

// AddMember implements Store with inert text.
func (s inertStore) AddMember(ctx context.Context, clusterID int64, ydernummer string, m meeting.Member, practiceName string) (meeting.Member, error) {
	return inertData(s.Store.AddMember(ctx, clusterID, ydernummer, m, practiceName))
}

// UpdateMember implements Store with inert text.
func (s inertStore) UpdateMember(ctx context.Context, m meeting.Member) (meeting.Member, error) {
	return inertData(s.Store.UpdateMember(ctx, m))
}

// RetireMember implements Store with inert text.
func (s inertStore) RetireMember(ctx context.Context, memberID int64, at time.Time) (meeting.Member, error) {
	return inertData(s.Store.RetireMember(ctx, memberID, at))
}

// AttendanceHistory implements Store with inert text.
func (s inertStore) AttendanceHistory(ctx context.Context, clusterID int64, since time.Time) ([]meeting.MeetingAttendance, error) {
	return inertData(s.Store.AttendanceHistory(ctx, clusterID, since))
}

// SaveGroups implements Store with inert text.
func (s inertStore) SaveGroups(ctx context.Context, meetingID int64, groups []meeting.Group) (meeting.Meeting, error) {
	return inertData(s.Store.SaveGroups(ctx, meetingID, groups))
}

// PreviousGroups implements Store with inert text.
func (s inertStore) PreviousGroups(ctx context.Context, meetingID int64) ([]meeting.Group, error) {
	return inertData(s.Store.PreviousGroups(ctx, meetingID))
}

// SavePledge implements Store with inert text.
func (s inertStore) SavePledge(ctx context.Context, p meeting.Pledge) (meeting.Pledge, error) {
	return inertData(s.Store.SavePledge(ctx, p))
}

// DeletePledge implements Store with inert text.
func (s inertStore) DeletePledge(ctx context.Context, id int64, at time.Time) (meeting.Pledge, error) {
	return inertData(s.Store.DeletePledge(ctx, id, at))
}

// RestorePledge implements Store with inert text.
func (s inertStore) RestorePledge(ctx context.Context, id int64) (meeting.Pledge, error) {
	return inertData(s.Store.RestorePledge(ctx, id))
}

// Pledges implements Store with inert text.
func (s inertStore) Pledges(ctx context.Context, meetingID int64) ([]meeting.Pledge, error) {
	return inertData(s.Store.Pledges(ctx, meetingID))
}

// OpenPledges implements Store with inert text.
func (s inertStore) OpenPledges(ctx context.Context, meetingID int64) ([]meeting.Pledge, error) {
	return inertData(s.Store.OpenPledges(ctx, meetingID))
}

// ReviewPledge implements Store with inert text.
func (s inertStore) ReviewPledge(ctx context.Context, pledgeID, atMeetingID int64, outcome meeting.ReviewOutcome, comment string, at time.Time) (meeting.Pledge, error) {
	return inertData(s.Store.ReviewPledge(ctx, pledgeID, atMeetingID, outcome, comment, at))
}

// MeetingHistory implements Store with inert text.
func (s inertStore) MeetingHistory(ctx context.Context) ([]meeting.Meeting, error) {
	return inertData(s.Store.MeetingHistory(ctx))
}

// Compile-time check that every Store method is covered by the wrapper's
// embedding.
var _ Store = inertStore{}

// cellsRight right-aligns s (made inert) in w terminal cells, for labels
// beside bars: emoji and wide characters never shift the bar.
func cellsRight(s string, w int) string {
	s = meeting.FitCells(s, w)
	if n := meeting.Cells(s); n < w {
		return spaces(w-n) + s
	}
	return s
}

// cellsLeft left-aligns s (made inert) in w terminal cells.
func cellsLeft(s string, w int) string { return meeting.PadCells(s, w) }

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

// cleanKey drops from a typed or pasted key the characters a text of the
// given kind may not hold (escape codes, control characters, direction
// overrides; tabs and line breaks become spaces in one-line fields), so a
// form never even shows them. The check at saving (meeting.CheckText)
// still says when a text is too long.
func cleanKey(msg tea.KeyMsg, kind meeting.TextKind) tea.KeyMsg {
	if msg.Type != tea.KeyRunes || len(msg.Runes) == 0 {
		return msg
	}
	if clean := meeting.CleanTyped(kind, string(msg.Runes)); clean != string(msg.Runes) {
		msg.Runes = []rune(clean)
	}
	return msg
}

// typeInto gives a typed or pasted key, cleaned for a text of kind
// (cleanKey), to a text field, and reports whether the field refused some
// of its characters at its limit, so the dialog can say so rather than
// lose them quietly.
func typeInto(in textinput.Model, msg tea.KeyMsg, kind meeting.TextKind) (textinput.Model, tea.Cmd, bool) {
	msg = cleanKey(msg, kind)
	before := utf8.RuneCountInString(in.Value())
	in, cmd := in.Update(msg)
	after := utf8.RuneCountInString(in.Value())
	typed := len(msg.Runes)
	return in, cmd, typed > 0 && after-before < typed && after >= in.CharLimit
}

// UpdateRun implements Store with inert text in the meetings it returns.
func (s inertStore) UpdateRun(ctx context.Context, id int64, op func(meeting.Meeting) (meeting.Meeting, error)) (before, after meeting.Meeting, err error) {
	before, after, err = s.Store.UpdateRun(ctx, id, op)
	if err != nil {
		return before, after, err
	}
	return meeting.InertCopy(before, "Body", "Notes"), meeting.InertCopy(after, "Body", "Notes"), nil
}

// SaveDecision implements Store with inert text.
func (s inertStore) SaveDecision(ctx context.Context, d meeting.Decision) (meeting.Decision, error) {
	return inertData(s.Store.SaveDecision(ctx, d))
}

// Plan implements Store with inert text.
func (s inertStore) Plan(ctx context.Context, clusterID int64) ([]meeting.PlannedMeeting, error) {
	return inertData(s.Store.Plan(ctx, clusterID))
}

// SavePlanned implements Store with inert text.
func (s inertStore) SavePlanned(ctx context.Context, p meeting.PlannedMeeting) (meeting.PlannedMeeting, error) {
	return inertData(s.Store.SavePlanned(ctx, p))
}
