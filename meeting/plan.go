package meeting

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// PlannedMeeting is one meeting of the cluster's year plan (årshjul): when
// and where it is, its pack or topic and the practice that hosts it, so
// practices can set their own staff meetings around it. A meeting created
// from it (klynge meeting new --planned) is linked by MeetingID.
type PlannedMeeting struct {
	// ID is the store's id; 0 until stored.
	ID        int64
	ClusterID int64
	// Start is the planned date and time of day, in the coordinator's
	// location.
	Start time.Time
	Place string
	// Topic is the pack or the subject, e.g. "KOL" or "Generalforsamling".
	Topic string
	// Host is the practice that hosts the meeting.
	Host string
	// MeetingID is the meeting created from this entry; 0 before.
	MeetingID int64
	// Revision counts the entry's changes, for calendars (ICS SEQUENCE).
	Revision int
}

// Validate checks the date and the texts.
func (p PlannedMeeting) Validate() error {
	if p.Start.IsZero() {
		return Errork(EINVALID, "err.PlanNeedsDate")
	}
	for _, f := range []struct {
		kind TextKind
		s    string
	}{{TextLine, p.Place}, {TextTitle, p.Topic}, {TextPracticeName, p.Host}} {
		if err := CheckText(f.kind, f.s); err != nil {
			return err
		}
	}
	return nil
}

// Trimmed is p with its texts' spaces trimmed.
func (p PlannedMeeting) Trimmed() PlannedMeeting {
	p.Place, p.Topic, p.Host = strings.TrimSpace(p.Place), strings.TrimSpace(p.Topic), strings.TrimSpace(p.Host)
	return p
}

// SortPlan sorts a year plan by start, then id.
func SortPlan(plan []PlannedMeeting) []PlannedMeeting {
	out := slices.Clone(plan)
	slices.SortStableFunc(out, func(a, b PlannedMeeting) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// NextPlannedStart is when the cluster's next meeting after m is planned:
// the earliest of the meetings created for a later calendar day
// (NextMeeting) and the year plan's entries of m's cluster on a later day
// than m. ok is false when neither has one.
func NextPlannedStart(ms []Meeting, plan []PlannedMeeting, m Meeting) (next time.Time, ok bool) {
	if o, found := NextMeeting(ms, m); found {
		next, ok = o.PlannedStart, true
	}
	day := dayOf(m.PlannedStart)
	for _, p := range plan {
		if p.ClusterID != m.ClusterID || !dayOf(p.Start.In(m.PlannedStart.Location())).After(day) {
			continue
		}
		if !ok || p.Start.Before(next) {
			next, ok = p.Start, true
		}
	}
	return next, ok
}
