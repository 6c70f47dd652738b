package tui

import (
	"context"
	"io"
	"math/rand/v2"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/klynge/klynge/meeting"
)

// Store is what the TUI needs from persistence. The SQLite store implements
// it; tests may use the real store on a temp file.
type Store interface {
	Meeting(ctx context.Context, id int64) (meeting.Meeting, error)
	// SaveRun commits the meeting's run state and returns it as stored.
	SaveRun(ctx context.Context, m meeting.Meeting) (meeting.Meeting, error)
	// Cluster gives the practices' names, for the code key and for the
	// practices that consent to be shown by name.
	Cluster(ctx context.Context, id int64) (meeting.Cluster, error)
	// SetConsent records that a practice agreed (or no longer agrees) to be
	// shown by name at this meeting.
	SetConsent(ctx context.Context, meetingID int64, ydernummer string, given bool, at time.Time) (meeting.Meeting, error)
	// SetAttendance records a member's check-in; an empty status clears it.
	SetAttendance(ctx context.Context, meetingID int64, a meeting.Attendance) (meeting.Meeting, error)
	AddGuest(ctx context.Context, meetingID int64, g meeting.Guest) (meeting.Meeting, error)
	AddMember(ctx context.Context, clusterID int64, ydernummer string, m meeting.Member, practiceName string) (meeting.Member, error)
	UpdateMember(ctx context.Context, m meeting.Member) (meeting.Member, error)
	RetireMember(ctx context.Context, memberID int64, at time.Time) (meeting.Member, error)
	// AttendanceHistory returns the cluster's meetings since a date with
	// who came.
	AttendanceHistory(ctx context.Context, clusterID int64, since time.Time) ([]meeting.MeetingAttendance, error)
	// SaveGroups replaces the meeting's groups; PreviousGroups are the
	// cluster's last meeting's, to avoid.
	SaveGroups(ctx context.Context, meetingID int64, groups []meeting.Group) (meeting.Meeting, error)
	PreviousGroups(ctx context.Context, meetingID int64) ([]meeting.Group, error)
	// SaveGroupNote keeps the coordinator's summary of a group's
	// presentation for the minutes.
	SaveGroupNote(ctx context.Context, meetingID, itemID int64, group int, text string) (meeting.Meeting, error)
	// Pledges: what each practice will change, editable and deletable
	// with undo.
	SavePledge(ctx context.Context, p meeting.Pledge) (meeting.Pledge, error)
	DeletePledge(ctx context.Context, id int64, at time.Time) (meeting.Pledge, error)
	RestorePledge(ctx context.Context, id int64) (meeting.Pledge, error)
	Pledges(ctx context.Context, meetingID int64) ([]meeting.Pledge, error)
	// OpenPledges are earlier meetings' pledges waiting for (or given)
	// their follow-up at this meeting.
	OpenPledges(ctx context.Context, meetingID int64) ([]meeting.Pledge, error)
	ReviewPledge(ctx context.Context, pledgeID, atMeetingID int64, outcome meeting.ReviewOutcome, comment string, at time.Time) (meeting.Pledge, error)
	// Meetings lists every meeting, so a pledge due "næste" is the
	// cluster's next planned one (meeting.DueDate).
	Meetings(ctx context.Context) ([]meeting.Meeting, error)
}

// MinWidth and MinHeight are the smallest terminal every screen is laid out
// for; below it the app asks for a larger window instead of breaking.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Common is shared by every screen: size, styles, keys, texts and the
// injected store and clock.
type Common struct {
	Ctx context.Context
	// Renderer carries the colour profile; styles and slides are built
	// from it.
	Renderer *lipgloss.Renderer
	Width    int
	Height   int
	Styles   Styles
	Keys     KeyMap
	Text     Text
	Store    Store
	Clock    meeting.Clock
	// Rand shuffles the groups; injected so tests are repeatable.
	Rand *rand.Rand
	// Bell, when set, receives a terminal bell when a round reaches zero.
	Bell io.Writer
	// Exporter writes the meeting's exports to a folder; nil hides the
	// export screen.
	Exporter Exporter
	// collator orders names the Danish way (… Z, Æ, Ø, Å), which byte
	// order gets wrong for Å.
	collator *collate.Collator
}

// nameLess orders two names as a Danish list does.
func (c *Common) nameLess(a, b string) bool {
	if c.collator == nil {
		c.collator = collate.New(language.Danish)
	}
	return c.collator.CompareString(a, b) < 0
}

// Exporter writes the standard set of a meeting's exports (minutes,
// follow-up lists, attendance, personal slips) into a folder and returns
// the paths it wrote.
type Exporter interface {
	ExportAll(ctx context.Context, meetingID int64, dir string) ([]string, error)
}

// exportedMsg reports the files an export wrote.
type exportedMsg struct {
	dir   string
	paths []string
}

// Screen is what every screen model offers: a Bubble Tea model with its own
// key help and a size.
type Screen interface {
	tea.Model
	help.KeyMap
	SetSize(width, height int)
}

// meetingMsg carries a meeting freshly read from the store, with its
// cluster's practice names by ydernummer.
type meetingMsg struct {
	meeting     meeting.Meeting
	cluster     meeting.Cluster
	openPledges int
}

// errMsg carries a failure from a command to the root, which shows it.
type errMsg struct{ err error }

// tickMsg advances the clocks once a second.
type tickMsg time.Time

func loadMeeting(c *Common, id int64) tea.Cmd {
	return func() tea.Msg {
		m, err := c.Store.Meeting(c.Ctx, id)
		if err != nil {
			return errMsg{err}
		}
		cluster, err := c.Store.Cluster(c.Ctx, m.ClusterID)
		if err != nil {
			return errMsg{err}
		}
		open, err := c.Store.OpenPledges(c.Ctx, m.ID)
		if err != nil {
			return errMsg{err}
		}
		return meetingMsg{meeting: m, cluster: cluster, openPledges: len(open)}
	}
}

// tick fires on the next whole second, so the clock changes in step with
// the wall clock and the program sleeps in between.
func tick(clock meeting.Clock) tea.Cmd {
	now := clock.Now()
	wait := now.Truncate(time.Second).Add(time.Second).Sub(now)
	return tea.Tick(wait, func(t time.Time) tea.Msg { return tickMsg(t) })
}
