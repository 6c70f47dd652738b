package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// The Record methods are the writes behind single key presses in the
// running meeting. Each reads only what it must check and writes only what
// changes, in one transaction, and returns no meeting: the caller already
// holds the state it computed, and reloading the whole meeting (with its
// pack snapshot) on every key press is what made a check-in cost two dozen
// statements. TestStatementsPerWrite counts them.

// RecordAttendance records a.Status for member a.MemberID at meeting
// meetingID, as SetAttendance does (same checks and log), without reading
// the meeting back.
func (s *Store) RecordAttendance(ctx context.Context, meetingID int64, a meeting.Attendance) error {
	if a.Status != meeting.StatusNotChecked && !a.Status.Valid() {
		return meeting.Errork(meeting.EINVALID, "store.StatusUnknown", a.Status, meeting.AttendanceStatuses())
	}
	if a.Status != meeting.StatusNotChecked && a.At.IsZero() {
		return meeting.Errork(meeting.EINVALID, "store.CheckinNoTime")
	}
	a.Reason = strings.TrimSpace(a.Reason)
	what := phrase("store.DoRecordAttendance")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return translate(err, what)
	}
	defer tx.Rollback()
	// One read: the member, whether they belong to the meeting's cluster,
	// and the meeting's date.
	var (
		name, planned   string
		joined, retired sql.NullString
		sameCluster     bool
	)
	err = tx.QueryRowContext(ctx, `
		SELECT mem.name, mem.joined_at, mem.retired_at, p.cluster_id = mt.cluster_id, mt.planned_start
		FROM meetings mt, members mem JOIN practices p ON p.id = mem.practice_id
		WHERE mt.id = ? AND mem.id = ?`, meetingID, a.MemberID).Scan(&name, &joined, &retired, &sameCluster, &planned)
	if errors.Is(err, sql.ErrNoRows) {
		return meeting.Errork(meeting.ENOTFOUND, "store.NoMeetingOrMember", meeting.Ref(meetingID), meeting.Ref(a.MemberID))
	} else if err != nil {
		return translate(err, what)
	}
	if !sameCluster {
		return meeting.Errork(meeting.EINVALID, "store.MemberNotInCluster", name, meeting.Ref(a.MemberID), meeting.Ref(meetingID))
	}
	start, err := decodeTime(planned)
	if err != nil {
		return err
	}
	mem := meeting.Member{ID: a.MemberID, Name: name}
	if mem.Retired, err = decodeTimePtr(retired); err != nil {
		return err
	}
	j, err := decodeTimePtr(joined)
	if err != nil {
		return err
	}
	if j != nil {
		mem.Joined = *j
	}
	if a.Status != meeting.StatusNotChecked {
		if err := mem.CheckActiveAt(meeting.Meeting{ID: meetingID, PlannedStart: start}); err != nil {
			return err
		}
	}
	var at sql.NullString
	if !a.At.IsZero() {
		if at, err = encodeTimePtr(&a.At, phrase("store.TimeCheckin")); err != nil {
			return err
		}
	}
	what2 := phrase("store.DoRecordAttendanceOf", name, meeting.Ref(meetingID))
	if a.Status == meeting.StatusNotChecked {
		res, err := tx.ExecContext(ctx, `DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?`, meetingID, a.MemberID)
		if err != nil {
			return translate(err, what2)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			// Nothing to clear, nothing to log.
			return translate(errors.Join(err, tx.Commit()), what2)
		}
	} else if _, err := tx.ExecContext(ctx, `
		INSERT INTO attendance (meeting_id, member_id, status, reason, at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (meeting_id, member_id) DO UPDATE SET
			status = excluded.status, reason = excluded.reason, at = excluded.at`,
		meetingID, a.MemberID, string(a.Status), a.Reason, at); err != nil {
		return translate(err, what2)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO attendance_log (meeting_id, member_id, status, reason, at) VALUES (?, ?, ?, ?, ?)`,
		meetingID, a.MemberID, string(a.Status), a.Reason, at); err != nil {
		return translate(err, what2)
	}
	return translate(tx.Commit(), what2)
}

// RecordConsent appends to meeting meetingID's consent log that practice
// ydernummer gave (given) or withdrew its consent at at, as SetConsent
// does, without reading the meeting back. The practice must be in the
// meeting's cluster (EINVALID otherwise).
func (s *Store) RecordConsent(ctx context.Context, meetingID int64, ydernummer string, given bool, at time.Time) error {
	if at.IsZero() {
		return meeting.Errork(meeting.EINVALID, "store.ConsentNoTime")
	}
	enc, err := encodeTime(at, phrase("store.TimeConsent"))
	if err != nil {
		return err
	}
	what := phrase("store.DoRecordConsent")
	// The practice is found through the meeting's cluster, so a practice
	// of another cluster (or a missing meeting) inserts nothing.
	return s.execOne(ctx, what, func() error {
		return meeting.Errork(meeting.EINVALID, "store.PracticeNotInClusterCheck", ydernummer, meeting.Ref(meetingID))
	}, `
		INSERT INTO consent_log (meeting_id, practice_id, given, at)
		SELECT mt.id, p.id, ?, ? FROM meetings mt JOIN practices p ON p.cluster_id = mt.cluster_id
		WHERE mt.id = ? AND p.ydernummer = ?`, given, enc, meetingID, ydernummer)
}

// RecordTimer stores the round timer t of agenda item itemID of meeting
// meetingID, as SaveTimer does, without reading the meeting back. A
// missing item, or one of another meeting, is ENOTFOUND.
func (s *Store) RecordTimer(ctx context.Context, meetingID, itemID int64, t meeting.Timer) error {
	if err := t.Validate(); err != nil {
		return err
	}
	row, err := encodeTimer(t, phrase("store.ItemNumbered", meeting.Ref(itemID)))
	if err != nil {
		return err
	}
	return s.updateItem(ctx, meetingID, itemID, phrase("store.DoSaveTimer"), `
		UPDATE agenda_items SET timer_planned_ns = ?, timer_started = ?, timer_paused_at = ?,
			timer_paused_ns = ?, timer_ended = ?
		WHERE id = ? AND meeting_id = ?`,
		row.planned, row.started, row.pausedAt, row.paused, row.ended, itemID, meetingID)
}

// RecordRunState stores the run state of the given items of meeting
// meetingID — when each started and ended, whether it is skipped, its
// planned minutes, its round timer and its presenting group (which, when
// set or changed, must pass meeting.CheckPresenting: a group of the
// meeting, at a plenum; one left as stored is not checked again, as in
// SaveRun, so re-forming the groups cannot stop the meeting) — and
// when the meeting started. It is the in-place part of SaveRun: the items must be
// on the meeting's agenda already (ENOTFOUND otherwise), and their order,
// titles and lists are left as stored. A started meeting cannot be made
// unstarted (ECONFLICT).
func (s *Store) RecordRunState(ctx context.Context, meetingID int64, started *time.Time, items []meeting.RunItem) error {
	what := phrase("store.DoSaveRunState")
	enc, err := encodeTimePtr(started, phrase("store.TimeMeetingStart"))
	if err != nil {
		return err
	}
	type encoded struct {
		id             int64
		started, ended sql.NullString
		skipped        int
		minutes        int
		timer          timerRow
		presenting     int
	}
	rows := make([]encoded, len(items))
	for i, it := range items {
		if err := it.Timer.Validate(); err != nil && it.Timer != (meeting.Timer{}) {
			return err
		}
		if it.Minutes < 0 || it.Presenting < 0 {
			return meeting.Errork(meeting.EINVALID, "store.ItemNegative", it.Title)
		}
		r := encoded{id: it.ID, minutes: it.Minutes, presenting: it.Presenting}
		if r.started, err = encodeTimePtr(it.Started, phrase("store.TimeStartOf", it.Title)); err != nil {
			return err
		}
		if r.ended, err = encodeTimePtr(it.Ended, phrase("store.TimeEndOf", it.Title)); err != nil {
			return err
		}
		if it.Skipped {
			r.skipped = 1
		}
		if r.timer, err = encodeTimer(it.Timer, phrase("store.ItemTitled", it.Title)); err != nil {
			return err
		}
		rows[i] = r
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return translate(err, what)
	}
	defer tx.Rollback()
	// started_at only ever goes from NULL to a time, never back.
	res, err := tx.ExecContext(ctx,
		`UPDATE meetings SET started_at = coalesce(?, started_at) WHERE id = ? AND (? IS NOT NULL OR started_at IS NULL)`,
		enc, meetingID, enc)
	if err != nil {
		return translate(err, what)
	}
	if n, err := res.RowsAffected(); err != nil {
		return translate(err, what)
	} else if n == 0 {
		return meeting.Errork(meeting.ECONFLICT, "store.CannotUnstart", meeting.Ref(meetingID))
	}
	for _, r := range rows {
		res, err := tx.ExecContext(ctx, `
			UPDATE agenda_items SET started_at = ?, ended_at = ?, skipped = ?, planned_minutes = ?,
				timer_planned_ns = ?, timer_started = ?, timer_paused_at = ?, timer_paused_ns = ?, timer_ended = ?,
				presenting = ?
			WHERE id = ? AND meeting_id = ?
				AND (? IN (0, presenting) OR (kind = 'plenum' AND followup = 0 AND ? <= (SELECT group_count FROM meetings WHERE id = ?)))`,
			r.started, r.ended, r.skipped, r.minutes,
			r.timer.planned, r.timer.started, r.timer.pausedAt, r.timer.paused, r.timer.ended,
			r.presenting, r.id, meetingID, r.presenting, r.presenting, meetingID)
		if err != nil {
			return translate(err, what)
		}
		if n, err := res.RowsAffected(); err != nil {
			return translate(err, what)
		} else if n == 0 {
			return meeting.Errork(meeting.ENOTFOUND, "store.ItemOrPresenting",
				meeting.Ref(r.id), meeting.Ref(meetingID), r.presenting)
		}
	}
	return translate(tx.Commit(), what)
}

// RecordNote stores text as the note of group group at agenda item itemID
// of meeting meetingID, as SaveGroupNote does (an empty text deletes it),
// without reading the meeting back. The group must be one of the
// meeting's (ENOTFOUND).
func (s *Store) RecordNote(ctx context.Context, meetingID, itemID int64, group int, text string) error {
	if group < 1 {
		return meeting.Errork(meeting.EINVALID, "store.NoGroupNumber", group)
	}
	text = strings.TrimSpace(text)
	what := phrase("store.DoSaveGroupNote", group)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return translate(err, what)
	}
	defer tx.Rollback()
	var res sql.Result
	if text == "" {
		res, err = tx.ExecContext(ctx, `
			DELETE FROM group_notes WHERE agenda_item_id = ? AND group_number = ?
				AND EXISTS (SELECT 1 FROM agenda_items WHERE id = ? AND meeting_id = ?)`,
			itemID, group, itemID, meetingID)
		if err != nil {
			return translate(err, what)
		}
		return translate(tx.Commit(), what)
	}
	// The item and the group are checked in the insert itself.
	res, err = tx.ExecContext(ctx, `
		INSERT INTO group_notes (meeting_id, agenda_item_id, group_number, text)
		SELECT mt.id, it.id, ?, ? FROM meetings mt JOIN agenda_items it ON it.meeting_id = mt.id
		WHERE mt.id = ? AND it.id = ? AND ? <= mt.group_count
		ON CONFLICT (agenda_item_id, group_number) DO UPDATE SET text = excluded.text`,
		group, text, meetingID, itemID, group)
	if err != nil {
		return translate(err, what)
	}
	if n, err := res.RowsAffected(); err != nil {
		return translate(err, what)
	} else if n == 0 {
		return meeting.Errork(meeting.ENOTFOUND, "store.NoGroupOrItem", meeting.Ref(meetingID), group, meeting.Ref(itemID))
	}
	return translate(tx.Commit(), what)
}

// updateItem runs one UPDATE of an agenda item in its own transaction and
// fails with ENOTFOUND when it changed no row.
func (s *Store) updateItem(ctx context.Context, meetingID, itemID int64, what meeting.Phrase, query string, args ...any) error {
	return s.execOne(ctx, what, func() error {
		return meeting.Errork(meeting.ENOTFOUND, "store.ItemNotOnAgenda", meeting.Ref(itemID), meeting.Ref(meetingID))
	}, query, args...)
}

// execOne runs one statement in its own transaction; when it changed no
// row, it rolls back and returns the error noRow makes.
func (s *Store) execOne(ctx context.Context, what meeting.Phrase, noRow func() error, query string, args ...any) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return translate(err, what)
	}
	defer tx.Rollback()
	if err := execOneIn(ctx, tx, what, noRow, query, args...); err != nil {
		return err
	}
	return translate(tx.Commit(), what)
}

// execOneIn runs one statement in tx and returns the error noRow makes
// when it changed no row.
func execOneIn(ctx context.Context, tx *sql.Tx, what meeting.Phrase, noRow func() error, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return translate(err, what)
	}
	if n, err := res.RowsAffected(); err != nil {
		return translate(err, what)
	} else if n == 0 {
		return noRow()
	}
	return nil
}
