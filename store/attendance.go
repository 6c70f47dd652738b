package store

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// Attendance lives in two tables: attendance holds each member's current
// record at a meeting (no row: not checked in), attendance_log every
// change in order, a cleared record as status ''. Guests are rows of
// guests, in the order they were added.

// SetAttendance records a.Status for member a.MemberID at meeting
// meetingID, replacing any earlier record, and returns the meeting as read
// back in the same transaction, Attendance filled in. Status
// meeting.StatusNotChecked ("") deletes the record (undo). Every change is
// also appended to the attendance log (see AttendanceLog).
//
// a.At, when the status was recorded, is required for a status and
// optional for a clear; Reason is kept for any status (trimmed). The
// member must belong to the meeting's cluster (else EINVALID) and, to be
// given a status, be a member on the meeting's date (Member.CheckActiveAt:
// not retired before it, not joined after it; ECONFLICT); a missing meeting or
// member is ENOTFOUND. A record can be set before, during and after the
// meeting.
func (s *Store) SetAttendance(ctx context.Context, meetingID int64, a meeting.Attendance) (meeting.Meeting, error) {
	if a.Status != meeting.StatusNotChecked && !a.Status.Valid() {
		return meeting.Meeting{}, meeting.Errork(meeting.EINVALID, "store.StatusUnknown", a.Status, meeting.AttendanceStatuses())
	}
	if a.Status != meeting.StatusNotChecked && a.At.IsZero() {
		return meeting.Meeting{}, meeting.Errork(meeting.EINVALID, "store.CheckinNoTime")
	}
	a.Reason = strings.TrimSpace(a.Reason)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoRecordAttendance"))
	}
	defer tx.Rollback()
	m, err := findMeeting(ctx, tx, meetingID)
	if err != nil {
		return meeting.Meeting{}, err
	}
	if err := writeAttendance(ctx, tx, m, a); err != nil {
		return meeting.Meeting{}, err
	}
	if m, err = findMeeting(ctx, tx, meetingID); err != nil {
		return meeting.Meeting{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoRecordAttendance"))
	}
	return m, nil
}

// AttendanceLog returns every attendance change at meeting meetingID in
// the order it was made; a cleared record has Status "" (and a zero At
// when none was given).
func (s *Store) AttendanceLog(ctx context.Context, meetingID int64) ([]meeting.Attendance, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err, phrase("store.DoReadAttendanceLog"))
	}
	defer tx.Rollback()
	if _, err := findMeeting(ctx, tx, meetingID); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx,
		`SELECT member_id, status, reason, at FROM attendance_log WHERE meeting_id = ? ORDER BY id`, meetingID)
	if err != nil {
		return nil, translate(err, phrase("store.DoReadAttendanceLog"))
	}
	defer rows.Close()
	var log []meeting.Attendance
	for rows.Next() {
		var a meeting.Attendance
		var status string
		var at sql.NullString
		if err := rows.Scan(&a.MemberID, &status, &a.Reason, &at); err != nil {
			return nil, translate(err, phrase("store.DoReadAttendanceLog"))
		}
		a.Status = meeting.AttendanceStatus(status)
		t, err := decodeTimePtr(at)
		if err != nil {
			return nil, err
		}
		if t != nil {
			a.At = *t
		}
		log = append(log, a)
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, phrase("store.DoReadAttendanceLog"))
	}
	rows.Close()
	if err := tx.Commit(); err != nil {
		return nil, translate(err, phrase("store.DoReadAttendanceLog"))
	}
	return log, nil
}

// AddGuest adds a guest (a speaker, a pharmacist consultant, practice
// staff) to meeting meetingID and returns the meeting with Guests in the
// order they were added. The name is required; names and roles are
// trimmed.
func (s *Store) AddGuest(ctx context.Context, meetingID int64, g meeting.Guest) (meeting.Meeting, error) {
	g, err := checkGuest(g)
	if err != nil {
		return meeting.Meeting{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoAddGuest"))
	}
	defer tx.Rollback()
	if _, err := findMeeting(ctx, tx, meetingID); err != nil {
		return meeting.Meeting{}, err
	}
	if err := insertGuest(ctx, tx, meetingID, g); err != nil {
		return meeting.Meeting{}, err
	}
	m, err := findMeeting(ctx, tx, meetingID)
	if err != nil {
		return meeting.Meeting{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoAddGuest"))
	}
	return m, nil
}

// RemoveGuest removes the guest at index (0-based) of the meeting's Guests
// as Meeting returns them, and returns the meeting. An index outside the
// list is an ENOTFOUND *meeting.Error.
func (s *Store) RemoveGuest(ctx context.Context, meetingID int64, index int) (meeting.Meeting, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoRemoveGuest"))
	}
	defer tx.Rollback()
	if _, err := findMeeting(ctx, tx, meetingID); err != nil {
		return meeting.Meeting{}, err
	}
	ids, err := guestIDs(ctx, tx, meetingID)
	if err != nil {
		return meeting.Meeting{}, err
	}
	if index < 0 || index >= len(ids) {
		return meeting.Meeting{}, meeting.Errork(meeting.ENOTFOUND, "store.NoGuestNumber", meeting.Ref(meetingID), len(ids), index+1)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM guests WHERE id = ?`, ids[index]); err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoRemoveGuest"))
	}
	m, err := findMeeting(ctx, tx, meetingID)
	if err != nil {
		return meeting.Meeting{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoRemoveGuest"))
	}
	return m, nil
}

// AttendanceHistory returns every meeting of cluster clusterID planned at
// or after since (a zero since: all of them), oldest first, with its
// planned start, its attendance and whether it was held: started, or with
// any record other than apologies (apologies alone are sent beforehand).
// This is what meeting.AttendanceReport reads. A missing cluster is
// ENOTFOUND.
func (s *Store) AttendanceHistory(ctx context.Context, clusterID int64, since time.Time) ([]meeting.MeetingAttendance, error) {
	what := phrase("store.DoReadAttendanceHistory")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err, what)
	}
	defer tx.Rollback()
	var one int
	err = tx.QueryRowContext(ctx, `SELECT 1 FROM clusters WHERE id = ?`, clusterID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, meeting.Errork(meeting.ENOTFOUND, "store.NoCluster", meeting.Ref(clusterID))
	} else if err != nil {
		return nil, translate(err, what)
	}
	query := `SELECT id, planned_start, started_at IS NOT NULL FROM meetings WHERE cluster_id = ?`
	args := []any{clusterID}
	if !since.IsZero() {
		from, err := encodeTime(since, phrase("store.TimeHistoryStart"))
		if err != nil {
			return nil, err
		}
		query += ` AND unixepoch(planned_start, 'subsec') >= unixepoch(?, 'subsec')`
		args = append(args, from)
	}
	query += ` ORDER BY unixepoch(planned_start, 'subsec'), id`
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, translate(err, what)
	}
	defer rows.Close()
	var out []meeting.MeetingAttendance
	index := map[int64]int{}
	for rows.Next() {
		var h meeting.MeetingAttendance
		var start string
		if err := rows.Scan(&h.MeetingID, &start, &h.Held); err != nil {
			return nil, translate(err, what)
		}
		if h.Date, err = decodeTime(start); err != nil {
			return nil, err
		}
		index[h.MeetingID] = len(out)
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, what)
	}
	rows.Close()

	recs, err := tx.QueryContext(ctx, `
		SELECT a.meeting_id, a.member_id, a.status, a.reason, a.at
		FROM attendance a JOIN meetings m ON m.id = a.meeting_id
		WHERE m.cluster_id = ?
		ORDER BY a.meeting_id, a.member_id`, clusterID)
	if err != nil {
		return nil, translate(err, what)
	}
	defer recs.Close()
	var sc attendanceScanner
	for recs.Next() {
		a, err := sc.scan(recs)
		if err != nil {
			return nil, err
		}
		i, ok := index[sc.meetingID]
		if !ok {
			continue // before since
		}
		h := &out[i]
		if h.Attendance == nil {
			h.Attendance = map[int64]meeting.Attendance{}
		}
		h.Attendance[a.MemberID] = a
		if a.Status != meeting.StatusApologies {
			h.Held = true
		}
	}
	if err := recs.Err(); err != nil {
		return nil, translate(err, what)
	}
	recs.Close()
	if err := tx.Commit(); err != nil {
		return nil, translate(err, what)
	}
	return out, nil
}

// checkGuest trims a guest and refuses one without a name.
func checkGuest(g meeting.Guest) (meeting.Guest, error) {
	g.Name, g.Role = strings.TrimSpace(g.Name), strings.TrimSpace(g.Role)
	if g.Name == "" {
		return g, meeting.Errork(meeting.EINVALID, "store.GuestNeedsName")
	}
	return g, nil
}

func insertGuest(ctx context.Context, tx *sql.Tx, meetingID int64, g meeting.Guest) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO guests (meeting_id, name, role) VALUES (?, ?, ?)`, meetingID, g.Name, g.Role)
	return translate(err, phrase("store.DoAddGuestNamed", g.Name))
}

// guestIDs lists the ids of a meeting's guests in the order Guests has.
func guestIDs(ctx context.Context, tx *sql.Tx, meetingID int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM guests WHERE meeting_id = ? ORDER BY id`, meetingID)
	if err != nil {
		return nil, translate(err, phrase("store.DoReadGuests"))
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, translate(err, phrase("store.DoReadGuests"))
		}
		ids = append(ids, id)
	}
	return ids, translate(rows.Err(), phrase("store.DoReadGuests"))
}

// writeAttendance checks a (status already checked) against meeting m and
// the member, and stores it or, for StatusNotChecked, deletes the record;
// either way it appends to the log.
func writeAttendance(ctx context.Context, tx *sql.Tx, m meeting.Meeting, a meeting.Attendance) error {
	mem, clusterID, err := findMember(ctx, tx, a.MemberID)
	if err != nil {
		return err
	}
	if clusterID != m.ClusterID {
		return meeting.Errork(meeting.EINVALID, "store.MemberNotInCluster", mem.Name, meeting.Ref(mem.ID), meeting.Ref(m.ID))
	}
	if a.Status != meeting.StatusNotChecked {
		if err := mem.CheckActiveAt(m); err != nil {
			return err
		}
	}
	var at sql.NullString
	if !a.At.IsZero() {
		if at, err = encodeTimePtr(&a.At, phrase("store.TimeCheckin")); err != nil {
			return err
		}
	}
	what := phrase("store.DoRecordAttendanceOf", mem.Name, meeting.Ref(m.ID))
	if a.Status == meeting.StatusNotChecked {
		res, err := tx.ExecContext(ctx, `DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?`, m.ID, mem.ID)
		if err != nil {
			return translate(err, what)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return translate(err, what)
		}
		if n == 0 {
			return nil // nothing to clear, nothing to log
		}
	} else if _, err := tx.ExecContext(ctx, `
		INSERT INTO attendance (meeting_id, member_id, status, reason, at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (meeting_id, member_id) DO UPDATE SET
			status = excluded.status, reason = excluded.reason, at = excluded.at`,
		m.ID, mem.ID, string(a.Status), a.Reason, at); err != nil {
		return translate(err, what)
	}
	_, err = tx.ExecContext(ctx,
		`INSERT INTO attendance_log (meeting_id, member_id, status, reason, at) VALUES (?, ?, ?, ?, ?)`,
		m.ID, mem.ID, string(a.Status), a.Reason, at)
	return translate(err, what)
}

// attendanceScanner reads rows of meeting_id, member_id, status, reason,
// at. Its fields are what Scan is given, made once for all rows: a
// variable handed to Scan escapes to the heap, one per row and column.
type attendanceScanner struct {
	meetingID, memberID int64
	status, reason, at  string
	dest                []any
}

// scan reads one row and returns its attendance; sc.meetingID is the
// row's meeting.
func (sc *attendanceScanner) scan(row rowScanner) (meeting.Attendance, error) {
	if sc.dest == nil {
		sc.dest = []any{&sc.meetingID, &sc.memberID, &sc.status, &sc.reason, &sc.at}
	}
	if err := row.Scan(sc.dest...); err != nil {
		return meeting.Attendance{}, translate(err, phrase("store.DoReadAttendance"))
	}
	a := meeting.Attendance{MemberID: sc.memberID, Status: meeting.AttendanceStatus(sc.status), Reason: sc.reason}
	var err error
	a.At, err = decodeTime(sc.at)
	return a, err
}

// findAttendance fills the Attendance and Guests of each of ms; each stays nil when the
// meeting has none.
func findAttendance(ctx context.Context, tx *sql.Tx, ms ...*meeting.Meeting) error {
	set := setOf(ms)
	what := phrase("store.DoReadAttendanceOf", set.name())
	rows, err := tx.QueryContext(ctx,
		`SELECT meeting_id, member_id, status, reason, at FROM attendance WHERE meeting_id IN `+set.list, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer rows.Close()
	for _, m := range ms {
		m.Attendance, m.Guests = nil, nil
	}
	var sc attendanceScanner
	for rows.Next() {
		a, err := sc.scan(rows)
		if err != nil {
			return err
		}
		m := set.byID[sc.meetingID]
		if m.Attendance == nil {
			m.Attendance = map[int64]meeting.Attendance{}
		}
		m.Attendance[a.MemberID] = a
	}
	if err := rows.Err(); err != nil {
		return translate(err, what)
	}
	rows.Close()

	what = phrase("store.DoReadGuestsOf", set.name())
	guests, err := tx.QueryContext(ctx, `SELECT meeting_id, name, role FROM guests WHERE meeting_id IN `+set.list+` ORDER BY meeting_id, id`, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer guests.Close()
	for guests.Next() {
		var g meeting.Guest
		var id int64
		if err := guests.Scan(&id, &g.Name, &g.Role); err != nil {
			return translate(err, what)
		}
		m := set.byID[id]
		m.Guests = append(m.Guests, g)
	}
	return translate(guests.Err(), what)
}

// createAttendance stores a new meeting's guests and attendance records
// (each checked as AddGuest and SetAttendance check them) and reads them
// back into m.
func createAttendance(ctx context.Context, tx *sql.Tx, m *meeting.Meeting) error {
	if len(m.Guests) == 0 && len(m.Attendance) == 0 {
		m.Guests, m.Attendance = nil, nil
		return nil
	}
	for i, g := range m.Guests {
		g, err := checkGuest(g)
		if err != nil {
			return meeting.Errork(meeting.EINVALID, "err.InGuest", i+1, err)
		}
		if err := insertGuest(ctx, tx, m.ID, g); err != nil {
			return err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(m.Attendance)) {
		a := m.Attendance[id]
		switch {
		case a.MemberID != 0 && a.MemberID != id:
			return meeting.Errork(meeting.EINVALID, "store.AttendanceFiledWrong", meeting.Ref(a.MemberID), meeting.Ref(id))
		case !a.Status.Valid():
			return meeting.Errork(meeting.EINVALID, "store.MemberStatusUnknown", meeting.Ref(id), a.Status, meeting.AttendanceStatuses())
		case a.At.IsZero():
			return meeting.Errork(meeting.EINVALID, "store.MemberCheckinNoTime", meeting.Ref(id))
		}
		a.MemberID = id
		a.Reason = strings.TrimSpace(a.Reason)
		if err := writeAttendance(ctx, tx, *m, a); err != nil {
			return err
		}
	}
	return findAttendance(ctx, tx, m)
}
