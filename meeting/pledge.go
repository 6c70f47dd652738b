package meeting

import (
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
		return Errorf(EINVALID, "a pledge needs the practice that makes it")
	case strings.TrimSpace(p.Action) == "":
		return Errorf(EINVALID, "a pledge needs an action: what will the practice do?")
	case p.Due.IsZero():
		return Errorf(EINVALID, "a pledge needs a due date")
	}
	return nil
}

// Open reports whether the pledge still waits for its follow-up.
func (p Pledge) Open() bool { return p.Deleted == nil && p.Review == nil }
