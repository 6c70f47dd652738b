package tui

import (
	"bytes"
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
	// SaveRun commits the meeting's whole live agenda and returns it as
	// stored: for adding and moving items.
	SaveRun(ctx context.Context, m meeting.Meeting) (meeting.Meeting, error)
	// RecordRunState commits the run state of items already on the
	// agenda (start, end, skip, minutes, timer, presenting group), and
	// when the meeting started: the cheap write behind n, b, s and x.
	RecordRunState(ctx context.Context, meetingID int64, started *time.Time, items []meeting.RunItem) error
	// RecordTimer commits one round's timer.
	RecordTimer(ctx context.Context, meetingID, itemID int64, t meeting.Timer) error
	// RecordAttendance commits one check-in; an empty status clears it.
	RecordAttendance(ctx context.Context, meetingID int64, a meeting.Attendance) error
	// RecordConsent commits that a practice gave or withdrew its consent
	// to be shown by name at this meeting.
	RecordConsent(ctx context.Context, meetingID int64, ydernummer string, given bool, at time.Time) error
	// RecordNote commits the coordinator's summary of a group's
	// presentation; an empty text removes it.
	RecordNote(ctx context.Context, meetingID, itemID int64, group int, text string) error
	// RecordScore, UndoScore and RecordEvaluationNotes record the
	// evaluation item's anonymous scores and the room's notes.
	RecordScore(ctx context.Context, meetingID, itemID int64, score, count int) error
	UndoScore(ctx context.Context, meetingID, itemID int64) error
	RecordEvaluationNotes(ctx context.Context, meetingID, itemID int64, worked, change string) error
	// SaveDecision and DeleteDecision record the cluster's decisions.
	SaveDecision(ctx context.Context, d meeting.Decision) (meeting.Decision, error)
	DeleteDecision(ctx context.Context, meetingID, id int64) error
	// Plan, SavePlanned and DeletePlanned read and edit the cluster's
	// year plan.
	Plan(ctx context.Context, clusterID int64) ([]meeting.PlannedMeeting, error)
	SavePlanned(ctx context.Context, p meeting.PlannedMeeting) (meeting.PlannedMeeting, error)
	DeletePlanned(ctx context.Context, clusterID, id int64) error
	// Cluster gives the practices' names, for the code key and for the
	// practices that consent to be shown by name.
	Cluster(ctx context.Context, id int64) (meeting.Cluster, error)
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
	// Pledges: what each practice will change, editable and deletable
	// with undo.
	SavePledge(ctx context.Context, p meeting.Pledge) (meeting.Pledge, error)
	DeletePledge(ctx context.Context, id int64, at time.Time) (meeting.Pledge, error)
	RestorePledge(ctx context.Context, id int64) (meeting.Pledge, error)
	Pledges(ctx context.Context, meetingID int64) ([]meeting.Pledge, error)
	// OpenPledges are earlier meetings' pledges waiting for (or given)
	// their follow-up at this meeting.
	OpenPledges(ctx context.Context, meetingID int64) ([]meeting.Pledge, error)
	// OpenPledgeCount is len(OpenPledges) without reading them: the
	// first frame shows only how many there are.
	OpenPledgeCount(ctx context.Context, meetingID int64) (int, error)
	ReviewPledge(ctx context.Context, pledgeID, atMeetingID int64, outcome meeting.ReviewOutcome, comment string, at time.Time) (meeting.Pledge, error)
	// MeetingHistory lists every meeting, so a pledge due "næste" is the
	// cluster's next planned one (meeting.DueDate), the evaluation shows
	// the cluster's trend and the decisions screen the rules in force;
	// without the meetings' figures and attendance, which no screen reads
	// from it and which made it most of the heap on years of history. It
	// is read once, after the first frame (loadHistory).
	MeetingHistory(ctx context.Context) ([]meeting.Meeting, error)
	// DataVersion changes when another window (another connection) has
	// committed: the projector and its consoles follow each other by it.
	DataVersion(ctx context.Context) (int64, error)
	// RecordSlide commits the slide the projector shows, so consoles
	// follow it.
	RecordSlide(ctx context.Context, meetingID int64, slide int) error
	// RecordChart commits the data screen's indicator page and revealed
	// charts, so consoles and the projector show the same.
	RecordChart(ctx context.Context, meetingID int64, cs meeting.ChartState) error
	// IndicatorHistory reads an indicator across the cluster's meetings
	// up to this one, for the chart's trend page.
	IndicatorHistory(ctx context.Context, meetingID int64, indicatorID string) ([]meeting.TrendMeeting, error)
	// UpdateRun changes the run state by op from the meeting as stored
	// now, in one transaction, so that the projector's and the consoles'
	// changes each start from the one before.
	UpdateRun(ctx context.Context, id int64, op func(meeting.Meeting) (meeting.Meeting, error)) (before, after meeting.Meeting, err error)
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
	// Shared is set when other windows (a projector, consoles) may change
	// the meeting too: run-state changes are then computed from the
	// stored meeting as they commit (see change.fresh).
	Shared bool
	// ConsoleOpen reports whether a presenter console is open on the
	// meeting now; nil means never.
	ConsoleOpen func() bool
	// plan returns the meeting as it will be once the queued writes have
	// landed; the root sets it. Keys are read against it.
	plan func() meeting.Meeting
	// collator orders names the Danish way (… Z, Æ, Ø, Å), which byte
	// order gets wrong for Å.
	collator *collate.Collator
	// nameKeys are names' collation keys, made once per name: a sort
	// compares each name many times, and collating two names afresh at
	// each comparison was most of building the first frame's screens.
	nameKeys map[string][]byte
	keyBuf   collate.Buffer
}

// planned is the meeting as it will be once the queued writes have
// landed.
func (c *Common) planned() meeting.Meeting { return c.plan() }

// nameLess orders two names as a Danish list does.
func (c *Common) nameLess(a, b string) bool {
	return bytes.Compare(c.nameKey(a), c.nameKey(b)) < 0
}

// nameKey is name's Danish collation key: two keys compare as bytes as
// the collator compares their names.
func (c *Common) nameKey(name string) []byte {
	if k, ok := c.nameKeys[name]; ok {
		return k
	}
	if c.collator == nil {
		c.collator = collate.New(language.Danish)
		c.nameKeys = map[string][]byte{}
	}
	k := bytes.Clone(c.collator.KeyFromString(&c.keyBuf, name))
	c.keyBuf.Reset()
	c.nameKeys[name] = k
	return k
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

// Screen is what every screen offers: its own key help, a size, a view,
// and Update, which answers a message with typed messages for the root
// (a write to queue, a form to open, a screen to show) and a command for
// I/O. The root handles the typed messages at once and in order, so the
// order of key presses is the order of their effects; a command's message
// would come back whenever its goroutine ends.
type Screen interface {
	help.KeyMap
	SetSize(width, height int)
	Update(msg tea.Msg) (out []tea.Msg, cmd tea.Cmd)
	View() string
}

// typist is a screen whose letters are text (a filter, a field): global
// keys such as q or ? are typed there, not obeyed.
type typist interface{ typing() bool }

// showMsg asks the root to show a screen.
type showMsg struct{ screen screenID }

// backMsg asks the root to go back to the screen the current one was
// opened from.
type backMsg struct{}

// openFormMsg asks the root to open a form.
type openFormMsg struct{ req formRequest }

// meetingMsg carries a meeting freshly read from the store, with its
// cluster's practice names by ydernummer.
type meetingMsg struct {
	meeting meeting.Meeting
	// plan is the cluster's year plan, for its screen and "næste".
	plan        []meeting.PlannedMeeting
	cluster     meeting.Cluster
	openPledges int
}

// meetingsMsg carries every meeting, read after the first frame.
type meetingsMsg struct{ meetings []meeting.Meeting }

// loadHistory reads every meeting: the earlier ones don't change during
// the meeting, so once is enough.
func loadHistory(c *Common) tea.Cmd {
	return func() tea.Msg {
		ms, err := c.Store.MeetingHistory(c.Ctx)
		if err != nil {
			return errMsg{err}
		}
		return meetingsMsg{ms}
	}
}

// errMsg carries a failure from a command to the root, which shows it.
type errMsg struct{ err error }

// tickMsg advances the clocks once a second.
type tickMsg time.Time

func loadMeeting(c *Common, id int64) tea.Cmd {
	return func() tea.Msg {
		msg, err := readMeeting(c.Ctx, c.Store, id)
		if err != nil {
			return errMsg{err}
		}
		return msg
	}
}

// readMeeting reads what a window shows of the meeting: the meeting, its
// cluster, how many pledges are open and the cluster's year plan.
func readMeeting(ctx context.Context, s Store, id int64) (meetingMsg, error) {
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return meetingMsg{}, err
	}
	cluster, err := s.Cluster(ctx, m.ClusterID)
	if err != nil {
		return meetingMsg{}, err
	}
	open, err := s.OpenPledgeCount(ctx, m.ID)
	if err != nil {
		return meetingMsg{}, err
	}
	plan, err := s.Plan(ctx, m.ClusterID)
	if err != nil {
		return meetingMsg{}, err
	}
	return meetingMsg{meeting: m, cluster: cluster, openPledges: open, plan: plan}, nil
}

// Loaded is the meeting read before the program starts (Options.Loaded),
// so that the first frame written is the meeting and not an empty screen
// followed by it a frame later.
type Loaded struct{ msg meetingMsg }

// Load reads the meeting for Options.Loaded, as the window would read it
// after its first frame.
func Load(ctx context.Context, s Store, meetingID int64) (*Loaded, error) {
	msg, err := readMeeting(ctx, inertStore{s}, meetingID)
	if err != nil {
		return nil, err
	}
	return &Loaded{msg}, nil
}

// tick fires on the next whole second, so the clock changes in step with
// the wall clock and the program sleeps in between.
func tick(clock meeting.Clock) tea.Cmd {
	now := clock.Now()
	wait := now.Truncate(time.Second).Add(time.Second).Sub(now)
	return tea.Tick(wait, func(t time.Time) tea.Msg { return tickMsg(t) })
}
