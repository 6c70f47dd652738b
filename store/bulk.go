package store

import (
	"context"
	"fmt"
	"time"

	"github.com/klynge/klynge/meeting"
)

// Review is the follow-up of one earlier pledge, for AddPledges.
type Review struct {
	PledgeID int64
	Outcome  meeting.ReviewOutcome
	Comment  string
	At       time.Time
}

// AddPledges stores, in one transaction, new pledges made at meeting
// meetingID and the follow-ups recorded at it of earlier meetings'
// pledges; each is checked as SavePledge and ReviewPledge check it, and
// one that fails stores nothing. It returns the new pledges as read back,
// in the order given. It is how a whole evening's pledges, or a generated
// history, are loaded at once; a key press uses SavePledge.
func (s *Store) AddPledges(ctx context.Context, meetingID int64, pledges []meeting.Pledge, reviews []Review) ([]meeting.Pledge, error) {
	what := phrase("store.DoSavePledges")
	for i := range pledges {
		if pledges[i].ID != 0 {
			return nil, meeting.Errork(meeting.EINVALID, "store.PledgeStored", meeting.Ref(pledges[i].ID))
		}
		if pledges[i].MeetingID != 0 && pledges[i].MeetingID != meetingID {
			return nil, meeting.Errork(meeting.EINVALID, "store.PledgeOtherMeeting", meeting.Ref(pledges[i].MeetingID), meeting.Ref(meetingID))
		}
		p, err := checkPledge(pledges[i])
		if err != nil {
			return nil, err
		}
		p.MeetingID = meetingID
		pledges[i] = p
	}
	for _, r := range reviews {
		if err := checkReview(r.Outcome, r.At); err != nil {
			return nil, err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err, what)
	}
	defer tx.Rollback()
	for _, r := range reviews {
		p, err := findPledge(ctx, tx, r.PledgeID)
		if err != nil {
			return nil, err
		}
		if err := reviewPledge(ctx, tx, p, meetingID, r.Outcome, r.Comment, r.At); err != nil {
			return nil, err
		}
	}
	var first, last int64
	for i, p := range pledges {
		id, err := savePledge(ctx, tx, p)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", meeting.Errork(meeting.ErrorCode(err), "store.InPledge", i+1, err), err)
		}
		if i == 0 {
			first = id
		}
		last = id
	}
	var out []meeting.Pledge
	if len(pledges) > 0 {
		if out, err = findPledges(ctx, tx, `WHERE p.id BETWEEN ? AND ? ORDER BY p.id`, first, last); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, translate(err, what)
	}
	return out, nil
}
