package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// Pledges are rows of pledges, one per pledge, with the practice by its
// row id and the due date as YYYY-MM-DD; a follow-up is a pledge_reviews
// row. Deleting a pledge sets deleted_at, so it can be restored.

// dueLayout is how a due date is stored: a calendar date only.
const dueLayout = time.DateOnly

// SavePledge stores p and returns it as read back in the same
// transaction: a new pledge when p.ID is 0 (p.Created, when zero, becomes
// the time of storing), otherwise an update of pledge p.ID (its meeting,
// creation time and review stay as stored). p must pass p.Validate(). The
// practice p.Ydernummer must be in the meeting's cluster and the member
// p.MemberID, when not 0, a doctor of that practice (EINVALID otherwise)
// and a member on the meeting's date (meeting.Member.CheckActiveAt);
// p.Indicator, when set, must be an indicator of the meeting's pack, and
// p.Target needs one. Due is stored as its calendar date in its own
// location and reads back as midnight of that date in time.Local. A
// missing meeting or pledge is ENOTFOUND; a deleted pledge cannot be
// changed (ECONFLICT) until it is restored.
func (s *Store) SavePledge(ctx context.Context, p meeting.Pledge) (meeting.Pledge, error) {
	p, err := checkPledge(p)
	if err != nil {
		return meeting.Pledge{}, err
	}
	what := phrase("store.DoSavePledge")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Pledge{}, translate(err, what)
	}
	defer tx.Rollback()
	if p.ID, err = savePledge(ctx, tx, p); err != nil {
		return meeting.Pledge{}, err
	}
	return commitPledge(ctx, tx, p.ID, what)
}

// checkPledge trims p's texts and checks what needs no database.
func checkPledge(p meeting.Pledge) (meeting.Pledge, error) {
	p.Ydernummer = strings.TrimSpace(p.Ydernummer)
	p.Action = strings.TrimSpace(p.Action)
	p.Owner = strings.TrimSpace(p.Owner)
	p.Indicator = strings.TrimSpace(p.Indicator)
	if err := p.Validate(); err != nil {
		return p, err
	}
	if p.Target != nil && p.Indicator == "" {
		return p, meeting.Errork(meeting.EINVALID, "store.TargetNeedsIndicator")
	}
	return p, nil
}

// savePledge is SavePledge's write in tx, of a p already trimmed and
// validated; it returns the pledge's id.
func savePledge(ctx context.Context, tx *sql.Tx, p meeting.Pledge) (int64, error) {
	what := phrase("store.DoSavePledge")
	if p.ID != 0 {
		old, err := findPledge(ctx, tx, p.ID)
		if err != nil {
			return 0, err
		}
		if old.Deleted != nil {
			return 0, meeting.Errork(meeting.ECONFLICT, "store.PledgeDeletedChange", meeting.Ref(p.ID))
		}
		if p.MeetingID != 0 && p.MeetingID != old.MeetingID {
			return 0, meeting.Errork(meeting.EINVALID, "store.PledgeMove", meeting.Ref(p.ID), meeting.Ref(old.MeetingID), meeting.Ref(p.MeetingID))
		}
		p.MeetingID = old.MeetingID
	}
	m, err := pledgeMeeting(ctx, tx, p.MeetingID, p.Ydernummer, p.Indicator)
	if err != nil {
		return 0, err
	}
	row, err := pledgeRow(ctx, tx, m, p)
	if err != nil {
		return 0, err
	}
	if p.ID == 0 {
		var created sql.NullString
		if !p.Created.IsZero() {
			c, err := encodeTime(p.Created, phrase("store.TimePledgeCreated"))
			if err != nil {
				return 0, err
			}
			created = sql.NullString{String: c, Valid: true}
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO pledges (meeting_id, practice_id, member_id, action, owner, due, indicator, target, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
			m.ID, row.practiceID, row.memberID, p.Action, p.Owner, row.due, p.Indicator, p.Target, created)
		if err != nil {
			return 0, translate(err, what)
		}
		if p.ID, err = res.LastInsertId(); err != nil {
			return 0, translate(err, what)
		}
	} else {
		_, err := tx.ExecContext(ctx, `
			UPDATE pledges SET practice_id = ?, member_id = ?, action = ?, owner = ?, due = ?, indicator = ?, target = ?
			WHERE id = ?`,
			row.practiceID, row.memberID, p.Action, p.Owner, row.due, p.Indicator, p.Target, p.ID)
		if err != nil {
			return 0, translate(err, what)
		}
	}
	return p.ID, nil
}

// DeletePledge marks pledge id as deleted at at and returns it as read
// back; its follow-up, if any, stays. Deleting a deleted pledge changes
// nothing. A missing pledge is ENOTFOUND.
func (s *Store) DeletePledge(ctx context.Context, id int64, at time.Time) (meeting.Pledge, error) {
	if at.IsZero() {
		return meeting.Pledge{}, meeting.Errork(meeting.EINVALID, "store.DeleteNeedsTime")
	}
	enc, err := encodeTime(at, phrase("store.TimeDeleted"))
	if err != nil {
		return meeting.Pledge{}, err
	}
	return s.changePledge(ctx, id, phrase("store.DoDeletePledge"), func(tx *sql.Tx, p meeting.Pledge) error {
		if p.Deleted != nil {
			return nil
		}
		_, err := tx.ExecContext(ctx, `UPDATE pledges SET deleted_at = ? WHERE id = ?`, enc, id)
		return translate(err, phrase("store.DoDeletePledge"))
	})
}

// RestorePledge undoes DeletePledge and returns the pledge as read back.
// Restoring a pledge that is not deleted changes nothing. A missing pledge
// is ENOTFOUND.
func (s *Store) RestorePledge(ctx context.Context, id int64) (meeting.Pledge, error) {
	return s.changePledge(ctx, id, phrase("store.DoRestorePledge"), func(tx *sql.Tx, _ meeting.Pledge) error {
		_, err := tx.ExecContext(ctx, `UPDATE pledges SET deleted_at = NULL WHERE id = ?`, id)
		return translate(err, phrase("store.DoRestorePledge"))
	})
}

// Pledges returns the pledges made at meeting meetingID that are not
// deleted, ordered by ydernummer, then by creation, each with its
// follow-up if it has one; nil when there are none. A missing meeting is
// ENOTFOUND.
func (s *Store) Pledges(ctx context.Context, meetingID int64) ([]meeting.Pledge, error) {
	return s.listPledges(ctx, meetingID, phrase("store.DoListPledges"), `
		WHERE p.meeting_id = ? AND p.deleted_at IS NULL
		ORDER BY pr.ydernummer, unixepoch(p.created_at, 'subsec'), p.id`, meetingID)
}

// PledgesWithDeleted is Pledges with the deleted pledges too, for the
// calendar export, which cancels their events.
func (s *Store) PledgesWithDeleted(ctx context.Context, meetingID int64) ([]meeting.Pledge, error) {
	return s.listPledges(ctx, meetingID, phrase("store.DoListPledges"), `
		WHERE p.meeting_id = ?
		ORDER BY pr.ydernummer, unixepoch(p.created_at, 'subsec'), p.id`, meetingID)
}

// DatabaseID returns the random id this database was given once, when it
// was made (or brought to schema 8): 32 hex digits. Calendar exports put it
// in every event's UID, so two databases' events never collide.
func (s *Store) DatabaseID(ctx context.Context) (string, error) {
	var id string
	if err := s.db.QueryRowContext(ctx, `SELECT uid FROM database_info WHERE id = 1`).Scan(&id); err != nil {
		return "", translate(err, phrase("store.DoReadDatabaseID"))
	}
	return id, nil
}

// OpenPledges returns the pledges to follow up at meeting meetingID: those
// made at earlier meetings of its cluster (planned before it; a meeting
// planned for the same moment counts as earlier when it was stored
// earlier), not deleted, that have no follow-up yet or were followed up
// at this very meeting, so the review can show and change them. They come
// ordered by their meeting's planned start, then ydernummer, then
// creation. A missing meeting is ENOTFOUND.
func (s *Store) OpenPledges(ctx context.Context, meetingID int64) ([]meeting.Pledge, error) {
	return s.listPledges(ctx, meetingID, phrase("store.DoListFollowUps"), openPledges+`
		ORDER BY unixepoch(pm.planned_start, 'subsec'), pm.id, pr.ydernummer, unixepoch(p.created_at, 'subsec'), p.id`,
		meetingID)
}

// openPledges is the tail of pledgeJoins that selects OpenPledges, with
// the meeting's id as its one argument.
const openPledges = `
	JOIN meetings pm ON pm.id = p.meeting_id
	JOIN meetings cur ON cur.id = ?
	WHERE pm.cluster_id = cur.cluster_id AND pm.id <> cur.id AND p.deleted_at IS NULL
		AND (unixepoch(pm.planned_start, 'subsec') < unixepoch(cur.planned_start, 'subsec')
			OR (unixepoch(pm.planned_start, 'subsec') = unixepoch(cur.planned_start, 'subsec') AND pm.id < cur.id))
		AND (r.pledge_id IS NULL OR r.meeting_id = cur.id)`

// OpenPledgeCount is len(OpenPledges(ctx, meetingID)) counted by SQLite:
// the first frame shows only how many pledges wait for their follow-up,
// and reading and decoding them all was a fifth of its reads on ten years
// of history. A missing meeting is ENOTFOUND.
func (s *Store) OpenPledgeCount(ctx context.Context, meetingID int64) (int, error) {
	what := phrase("store.DoListFollowUps")
	var exists bool
	var n int
	err := s.db.QueryRowContext(ctx, `
		SELECT EXISTS (SELECT 1 FROM meetings WHERE id = ?),
			(SELECT count(*) `+pledgeJoins+openPledges+`)`, meetingID, meetingID).Scan(&exists, &n)
	if err != nil {
		return 0, translate(err, what)
	}
	if !exists {
		return 0, meeting.Errork(meeting.ENOTFOUND, "store.NoMeeting", meeting.Ref(meetingID))
	}
	return n, nil
}

// ReviewPledge records the follow-up of pledge pledgeID at meeting
// atMeetingID, replacing an earlier follow-up at the same meeting, and
// returns the pledge as read back. An empty outcome removes the
// follow-up (undo). The meeting must be of the pledge's cluster and
// planned after the pledge's meeting (EINVALID); a pledge followed up at
// another meeting, or deleted, is ECONFLICT; a missing pledge or meeting
// ENOTFOUND.
func (s *Store) ReviewPledge(ctx context.Context, pledgeID, atMeetingID int64, outcome meeting.ReviewOutcome,
	comment string, at time.Time) (meeting.Pledge, error) {
	if err := checkReview(outcome, at); err != nil {
		return meeting.Pledge{}, err
	}
	what := phrase("store.DoRecordFollowUp")
	return s.changePledge(ctx, pledgeID, what, func(tx *sql.Tx, p meeting.Pledge) error {
		return reviewPledge(ctx, tx, p, atMeetingID, outcome, comment, at)
	})
}

// checkReview checks what a follow-up needs without the database.
func checkReview(outcome meeting.ReviewOutcome, at time.Time) error {
	if outcome != "" && !slices.Contains(meeting.ReviewOutcomes(), outcome) {
		return meeting.Errork(meeting.EINVALID, "store.FollowUpOutcome", meeting.ReviewOutcomes(), outcome)
	}
	if outcome != "" && at.IsZero() {
		return meeting.Errork(meeting.EINVALID, "store.FollowUpNeedsTime")
	}
	return nil
}

// reviewPledge is ReviewPledge's write in tx, on pledge p as read in tx.
func reviewPledge(ctx context.Context, tx *sql.Tx, p meeting.Pledge, atMeetingID int64, outcome meeting.ReviewOutcome,
	comment string, at time.Time) error {
	what := phrase("store.DoRecordFollowUp")
	comment = strings.TrimSpace(comment)
	if p.Deleted != nil {
		return meeting.Errork(meeting.ECONFLICT, "store.PledgeDeletedFollowUp", meeting.Ref(p.ID))
	}
	if p.Review != nil && p.Review.MeetingID != atMeetingID {
		return meeting.Errork(meeting.ECONFLICT, "store.PledgeFollowedUp", meeting.Ref(p.ID), meeting.Ref(p.Review.MeetingID))
	}
	if err := checkLater(ctx, tx, p.MeetingID, atMeetingID); err != nil {
		return err
	}
	if outcome == "" {
		_, err := tx.ExecContext(ctx, `DELETE FROM pledge_reviews WHERE pledge_id = ?`, p.ID)
		return translate(err, what)
	}
	enc, err := encodeTime(at, phrase("store.TimeFollowUp"))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO pledge_reviews (pledge_id, meeting_id, outcome, comment, at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (pledge_id) DO UPDATE SET meeting_id = excluded.meeting_id, outcome = excluded.outcome,
			comment = excluded.comment, at = excluded.at`,
		p.ID, atMeetingID, string(outcome), comment, enc)
	return translate(err, what)
}

// checkLater checks that meeting later exists, is of the same cluster as
// meeting earlier and is planned after it.
func checkLater(ctx context.Context, tx *sql.Tx, earlier, later int64) error {
	var sameCluster, after bool
	err := tx.QueryRowContext(ctx, `
		SELECT l.cluster_id = e.cluster_id,
			unixepoch(e.planned_start, 'subsec') < unixepoch(l.planned_start, 'subsec')
				OR (unixepoch(e.planned_start, 'subsec') = unixepoch(l.planned_start, 'subsec') AND e.id < l.id)
		FROM meetings l JOIN meetings e ON e.id = ?
		WHERE l.id = ?`, earlier, later).Scan(&sameCluster, &after)
	if errors.Is(err, sql.ErrNoRows) {
		return meeting.Errork(meeting.ENOTFOUND, "store.NoMeeting", meeting.Ref(later))
	} else if err != nil {
		return translate(err, phrase("store.DoReadMeetings"))
	}
	switch {
	case !sameCluster:
		return meeting.Errork(meeting.EINVALID, "store.FollowUpOtherCluster", meeting.Ref(later), meeting.Ref(earlier))
	case !after:
		return meeting.Errork(meeting.EINVALID, "store.FollowUpNotLater", meeting.Ref(later), meeting.Ref(earlier))
	}
	return nil
}

// changePledge runs change on pledge id, as read at the start of one
// transaction, and returns the pledge as read back at its end.
func (s *Store) changePledge(ctx context.Context, id int64, what meeting.Phrase,
	change func(tx *sql.Tx, p meeting.Pledge) error) (meeting.Pledge, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Pledge{}, translate(err, what)
	}
	defer tx.Rollback()
	p, err := findPledge(ctx, tx, id)
	if err != nil {
		return meeting.Pledge{}, err
	}
	if err := change(tx, p); err != nil {
		return meeting.Pledge{}, err
	}
	return commitPledge(ctx, tx, id, what)
}

// commitPledge reads pledge id back and commits tx.
func commitPledge(ctx context.Context, tx *sql.Tx, id int64, what meeting.Phrase) (meeting.Pledge, error) {
	p, err := findPledge(ctx, tx, id)
	if err != nil {
		return meeting.Pledge{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Pledge{}, translate(err, what)
	}
	return p, nil
}

// listPledges runs one query of pledgeColumns with tail (joins, WHERE,
// ORDER BY; never user input) in its own transaction, after checking that
// meeting meetingID exists.
func (s *Store) listPledges(ctx context.Context, meetingID int64, what meeting.Phrase, tail string, args ...any) ([]meeting.Pledge, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err, what)
	}
	defer tx.Rollback()
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM meetings WHERE id = ?)`, meetingID).Scan(&exists); err != nil {
		return nil, translate(err, what)
	}
	if !exists {
		return nil, meeting.Errork(meeting.ENOTFOUND, "store.NoMeeting", meeting.Ref(meetingID))
	}
	ps, err := findPledges(ctx, tx, tail, args...)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, translate(err, what)
	}
	return ps, nil
}

// pledgeFrom selects pledgeColumns; tails may refer to p (pledges), pr
// (its practice) and r (its review).
const pledgeFrom = `
	SELECT p.id, p.meeting_id, pr.ydernummer, p.member_id, p.action, p.owner, p.due, p.indicator, p.target,
		p.created_at, p.deleted_at, r.meeting_id, r.outcome, r.comment, r.at, p.revision, p.changed_at ` + pledgeJoins

// pledgeJoins are pledgeFrom's tables.
const pledgeJoins = `
	FROM pledges p JOIN practices pr ON pr.id = p.practice_id
	LEFT JOIN pledge_reviews r ON r.pledge_id = p.id `

// findPledge reads pledge id, deleted or not.
func findPledge(ctx context.Context, tx *sql.Tx, id int64) (meeting.Pledge, error) {
	ps, err := findPledges(ctx, tx, `WHERE p.id = ?`, id)
	if err != nil {
		return meeting.Pledge{}, err
	}
	if len(ps) == 0 {
		return meeting.Pledge{}, meeting.Errork(meeting.ENOTFOUND, "store.NoPledge", meeting.Ref(id))
	}
	return ps[0], nil
}

// findPledges reads the pledges tail selects.
func findPledges(ctx context.Context, tx *sql.Tx, tail string, args ...any) ([]meeting.Pledge, error) {
	rows, err := tx.QueryContext(ctx, pledgeFrom+tail, args...)
	if err != nil {
		return nil, translate(err, phrase("store.DoReadPledges"))
	}
	defer rows.Close()
	var ps []meeting.Pledge
	var sc pledgeScanner
	for rows.Next() {
		p, err := sc.scan(rows)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, phrase("store.DoReadPledges"))
	}
	return ps, nil
}

// pledgeScanner reads rows of pledgeFrom. Its fields are what Scan is
// given, made once for all rows: a variable handed to Scan escapes to the
// heap, and one per row and column was most of the allocations of reading
// ten years of pledges.
type pledgeScanner struct {
	id, meetingID, revision int64
	yd, action, owner       string
	indicator, due, created string
	member, reviewMeeting   sql.NullInt64
	target                  sql.NullFloat64
	deleted, outcome        sql.NullString
	comment, at, changed    sql.NullString
	dest                    []any
}

// scan reads one row of pledgeFrom.
func (sc *pledgeScanner) scan(row rowScanner) (meeting.Pledge, error) {
	if sc.dest == nil {
		sc.dest = []any{&sc.id, &sc.meetingID, &sc.yd, &sc.member, &sc.action, &sc.owner, &sc.due, &sc.indicator, &sc.target,
			&sc.created, &sc.deleted, &sc.reviewMeeting, &sc.outcome, &sc.comment, &sc.at, &sc.revision, &sc.changed}
	}
	if err := row.Scan(sc.dest...); err != nil {
		return meeting.Pledge{}, translate(err, phrase("store.DoReadPledges"))
	}
	p := meeting.Pledge{ID: sc.id, MeetingID: sc.meetingID, Ydernummer: sc.yd, MemberID: sc.member.Int64,
		Action: sc.action, Owner: sc.owner, Indicator: sc.indicator, Revision: int(sc.revision)}
	if sc.target.Valid {
		t := sc.target.Float64
		p.Target = &t
	}
	var err error
	if p.Due, err = time.ParseInLocation(dueLayout, sc.due, time.Local); err != nil {
		return p, meeting.Errork(meeting.EINTERNAL, "store.MalformedDue", sc.due)
	}
	if p.Created, err = decodeTime(sc.created); err != nil {
		return p, err
	}
	if p.Deleted, err = decodeTimePtr(sc.deleted); err != nil {
		return p, err
	}
	if sc.changed.Valid {
		if p.Changed, err = decodeTime(sc.changed.String); err != nil {
			return p, err
		}
	}
	if sc.reviewMeeting.Valid {
		r := meeting.PledgeReview{MeetingID: sc.reviewMeeting.Int64, Outcome: meeting.ReviewOutcome(sc.outcome.String), Comment: sc.comment.String}
		if r.At, err = decodeTime(sc.at.String); err != nil {
			return p, err
		}
		p.Review = &r
	}
	return p, nil
}

// pledgeRowValues are the columns of a pledge that need the database.
type pledgeRowValues struct {
	practiceID int64
	memberID   sql.NullInt64
	due        string
}

// pledgeRow checks p against meeting m (its cluster and pack) and returns
// the values to store.
func pledgeRow(ctx context.Context, tx *sql.Tx, m pledgeMeetingRow, p meeting.Pledge) (pledgeRowValues, error) {
	var row pledgeRowValues
	if !m.practiceID.Valid {
		return row, meeting.Errork(meeting.EINVALID, "store.PracticeNotInMeetingCluster", p.Ydernummer, meeting.Ref(m.ID))
	}
	row.practiceID = m.practiceID.Int64
	if p.MemberID != 0 {
		mem, clusterID, err := findMember(ctx, tx, p.MemberID)
		if err != nil {
			return row, err
		}
		if clusterID != m.ClusterID || mem.Ydernummer != p.Ydernummer {
			return row, meeting.Errork(meeting.EINVALID, "store.NotDoctorOf", mem.Name, p.Ydernummer)
		}
		if err := mem.CheckActiveAt(meeting.Meeting{ID: m.ID, PlannedStart: m.PlannedStart}); err != nil {
			return row, err
		}
		row.memberID = sql.NullInt64{Int64: p.MemberID, Valid: true}
	}
	if p.Indicator != "" {
		if !m.hasIndicator {
			return row, meeting.Errork(meeting.EINVALID, "store.IndicatorNotInPack", p.Indicator, meeting.Ref(m.ID), m.Title)
		}
	}
	if y := p.Due.Year(); y < 1 || y > 9999 {
		return row, meeting.Errork(meeting.EINVALID, "store.DueOutOfRange", p.Due.Format(dueLayout))
	}
	row.due = p.Due.Format(dueLayout)
	return row, nil
}

// pledgeMeetingRow is what a pledge is checked against: its meeting's
// cluster and whether the meeting's pack has the pledge's indicator.
type pledgeMeetingRow struct {
	ID           int64
	ClusterID    int64
	Title        string
	PlannedStart time.Time
	hasIndicator bool
	// practiceID is the pledge's practice in the meeting's cluster; NULL
	// when the cluster has no such practice.
	practiceID sql.NullInt64
}

// pledgeMeeting reads meeting id's cluster and title, and looks indicator
// up in its pack snapshot without decoding the snapshot: a pledge is saved
// on a key press, and decoding the pack each time cost more than the save.
func pledgeMeeting(ctx context.Context, tx *sql.Tx, id int64, ydernummer, indicator string) (pledgeMeetingRow, error) {
	m := pledgeMeetingRow{ID: id}
	var start string
	err := tx.QueryRowContext(ctx, `
		SELECT cluster_id, title, planned_start,
			EXISTS (SELECT 1 FROM json_each(pack_json, '$.indicators') WHERE json_extract(value, '$.id') = ?),
			(SELECT p.id FROM practices p WHERE p.cluster_id = meetings.cluster_id AND p.ydernummer = ?)
		FROM meetings WHERE id = ?`, indicator, ydernummer, id).Scan(&m.ClusterID, &m.Title, &start, &m.hasIndicator, &m.practiceID)
	if errors.Is(err, sql.ErrNoRows) {
		return m, meeting.Errork(meeting.ENOTFOUND, "store.NoMeeting", meeting.Ref(id))
	} else if err != nil {
		return m, translate(err, phrase("store.DoReadPledgeContext"))
	}
	m.PlannedStart, err = decodeTime(start)
	return m, err
}
