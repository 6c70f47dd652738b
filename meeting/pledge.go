package meeting

import (
	"strconv"
	"strings"
	"time"
)

// Pledge is an action a practice (or one of its doctors) commits to at a
// meeting, to be followed up at a later one.
type Pledge struct {
	ID        int64
	MeetingID int64
	// Ydernummer is the practice that pledged.
	Ydernummer string
	// MemberID is the doctor who pledged, or 0 for the practice as a whole.
	MemberID int64
	// Action is the pledge in the room's own words.
	Action string
	// Owner is who in the practice carries it out, e.g. "sygeplejersken".
	Owner string
	Due   time.Time
	// Indicator links the pledge to a pack indicator, with an optional
	// target value, so the next meeting can show before and after.
	Indicator string
	Target    *float64
	Created   time.Time
	// Deleted is set when the pledge was deleted; kept so it can be undone.
	Deleted *time.Time
	// Revision counts the changes made to the pledge since it was made,
	// deletion and restoring included, and Changed is when the last one
	// was (zero when never): a calendar export's SEQUENCE and
	// LAST-MODIFIED. The store keeps both; what is saved is ignored.
	Revision int
	Changed  time.Time
	// Review is the follow-up at a later meeting; nil until reviewed.
	Review *PledgeReview
}

// ReviewOutcome is how a pledge went.
type ReviewOutcome string

// The outcomes of a follow-up review.
const (
	OutcomeDone    ReviewOutcome = "done"
	OutcomePartly  ReviewOutcome = "partly"
	OutcomeNotDone ReviewOutcome = "not_done"
	OutcomeDropped ReviewOutcome = "dropped"
)

// ReviewOutcomes lists the outcomes.
func ReviewOutcomes() []ReviewOutcome {
	return []ReviewOutcome{OutcomeDone, OutcomePartly, OutcomeNotDone, OutcomeDropped}
}

// PledgeReview is the follow-up of a pledge at a later meeting.
type PledgeReview struct {
	MeetingID int64
	Outcome   ReviewOutcome
	Comment   string
	At        time.Time
}

// Validate checks what every stored pledge must satisfy.
func (p Pledge) Validate() error {
	switch {
	case strings.TrimSpace(p.Ydernummer) == "":
		return Errork(EINVALID, "err.PledgeNeedsPractice")
	case strings.TrimSpace(p.Action) == "":
		return Errork(EINVALID, "err.PledgeNeedsAction")
	case p.Due.IsZero():
		return Errork(EINVALID, "err.PledgeNeedsDue")
	}
	return nil
}

// Open reports whether the pledge still waits for its follow-up.
func (p Pledge) Open() bool { return p.Deleted == nil && p.Review == nil }

// ParseDue reads a due date the way a coordinator types it while the room
// talks: "næste" or "next" (the cluster's next meeting when next is known,
// else three months after from, as clusters meet 3–4 times a year), "1m",
// "3m" … (months after from, 1–60, on the same day of the month or the
// month's last day: AddMonths), or a date as 24-02-2027, 24.02.2027,
// 24/02/2027 or 2027-02-24. from is the meeting's date; a due date before
// today is refused, as a pledge is about what comes. Callers with a
// meeting use DueDate, which finds next. Errors are keyed for the
// catalogue (Errork).
func ParseDue(s string, from, today time.Time, next *time.Time) (time.Time, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	loc := from.Location()
	dayOf := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc) }
	var d time.Time
	switch {
	case s == "":
		return d, Errork(EINVALID, "err.DueEmpty")
	case s == "næste" || s == "næste møde" || s == "next" || s == "next meeting":
		d = AddMonths(dayOf(from), 3)
		if next != nil {
			d = dayOf(*next)
		}
	case strings.HasSuffix(s, "m") && !strings.ContainsAny(s, "-./"):
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(s, "m")))
		if err != nil || n < 1 || n > 60 {
			return d, Errork(EINVALID, "err.DueMonths", s)
		}
		d = AddMonths(dayOf(from), n)
	default:
		ok := false
		for _, layout := range []string{"02-01-2006", "2-1-2006", "02.01.2006", "2.1.2006", "02/01/2006", "2/1/2006", "2006-01-02"} {
			if parsed, err := time.ParseInLocation(layout, s, loc); err == nil {
				d, ok = parsed, true
				break
			}
		}
		if !ok {
			return d, Errork(EINVALID, "err.DueBad", s)
		}
	}
	if d.Before(dayOf(today)) {
		return d, Errork(EINVALID, "err.DuePassed", d.Format("02-01-2006"), today.In(loc).Format("02-01-2006"))
	}
	return d, nil
}
