package meeting

import (
	"strings"
	"time"
)

// Meeting is one klyngemøde. It holds a snapshot of its pack, so editing
// the pack folder later never changes a meeting that was already created.
type Meeting struct {
	ID        int64
	ClusterID int64
	Title     string
	// PlannedStart and PlannedEnd are wall-clock times in the meeting's
	// location; the date is PlannedStart's date.
	PlannedStart time.Time
	PlannedEnd   time.Time
	Pack         Pack
	// Items is the live agenda: the pack's agenda as the meeting actually
	// runs it, reordered, shortened or extended by the coordinator.
	Items []RunItem
	// Values are the practices' figures for this meeting, imported from
	// the pack's data.csv or a data file.
	Values []DataRow
	// Codes maps each practice's ydernummer to its letter code for this
	// meeting. Only the coordinator's code key shows this map.
	Codes map[string]string
	// Consents maps the ydernummer of each practice that agreed, at this
	// meeting, to be shown by name, to when it agreed.
	Consents map[string]time.Time
	// Arrivals maps the ydernummer of each practice whose figures came in
	// through an import to the latest such arrival; nil when none did.
	Arrivals map[string]Arrival
	// Regions are region benchmarks taken from an import file's other
	// practices, by indicator id, for indicators whose pack states none.
	Regions map[string]RegionFigure
	// Attendance maps member id to what was recorded at this meeting.
	Attendance map[int64]Attendance
	// Guests are the people at the meeting who are not members.
	Guests []Guest
	// Groups are the meeting's group-work groups, formed from the doctors
	// present; the same groups work through every round.
	Groups []Group
	// Started is when the coordinator started the meeting; nil before.
	Started *time.Time
	Created time.Time
	// Slide is the slide of the pack the projector shows (0-based), kept
	// so that a presenter console follows and turns it.
	Slide int
	// DataScreen is the data screen's page and revealed charts, kept so that a
	// presenter console follows and drives them.
	DataScreen ChartState
	// Decisions are what the cluster decided at this meeting, in the
	// order recorded.
	Decisions []Decision
}

// DefaultStart is the time of day an after-hours meeting usually starts,
// used when only a date is given.
const DefaultStart = 17*time.Hour + 30*time.Minute

// New makes a meeting for pack on the given start time. The title defaults
// to the pack's title and the planned end to start plus the agenda's
// minutes.
func New(pack Pack, title string, start time.Time, created time.Time) (Meeting, error) {
	m := Meeting{
		Title:        strings.TrimSpace(title),
		PlannedStart: start,
		PlannedEnd:   start.Add(time.Duration(pack.PlannedMinutes()) * time.Minute),
		Pack:         pack,
		Items:        ItemsFromPack(pack),
		Created:      created,
	}
	if m.Title == "" {
		m.Title = pack.Title
	}
	return m, m.Validate()
}

// Validate checks what every stored meeting must satisfy.
func (m Meeting) Validate() error {
	switch {
	case strings.TrimSpace(m.Title) == "":
		return Errork(EINVALID, "err.MeetingNeedsTitle")
	case m.PlannedStart.IsZero():
		return Errork(EINVALID, "err.MeetingNeedsDate")
	case m.PlannedEnd.Before(m.PlannedStart):
		return Errork(EINVALID, "err.MeetingEndsBeforeStart")
	case len(m.Items) == 0:
		return Errork(EINVALID, "err.MeetingNoAgenda")
	}
	for i, item := range m.Items {
		if !item.Kind.Valid() {
			return Errork(EINVALID, "err.ItemBadKind", i+1, item.Title, item.Kind, ItemKinds())
		}
		if item.Minutes < 0 {
			return Errork(EINVALID, "err.ItemNegativeMinutes", i+1, item.Title, item.Minutes)
		}
	}
	return nil
}

// UnderWay reports whether the coordinator has started the meeting.
func (m Meeting) UnderWay() bool { return m.Started != nil }
