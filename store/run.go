package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/klynge/klynge/meeting"
	"github.com/mattn/go-sqlite3"
)

// The live agenda (meeting.Meeting.Items) lives in agenda_items, one row per
// item, in position order 0, 1, 2, …. A row keeps its own kind, title,
// minutes, speaker and run state; a pack item (pack_index not NULL) takes
// its indicators and questions from the meeting's snapshot unless the row
// holds its own in indicators_json or questions_json, which it does only
// when they differ from the snapshot's. An ad-hoc item (pack_index NULL)
// has only its own.

// SaveRun stores the run state of meeting m.ID, which must exist: when the
// meeting started and its whole live agenda, in one transaction. Items with
// an ID are updated, items with ID 0 are added, and stored items missing from
// m.Items are deleted — unless they have started, which is an ECONFLICT
// *meeting.Error and saves nothing. It returns the meeting as read back
// inside that transaction, so the caller shows exactly what was committed.
//
// Each item's Timer and Presenting are written with it; its Notes are
// not (SaveGroupNote writes them, and they stay with the item). A Timer
// other than the zero value must pass Timer.Validate, and a Presenting
// set or changed must pass meeting.Meeting.CheckPresenting against the
// stored groups (0, or a group of the meeting at a plenum item).
//
// Only Started and Items are written; the meeting's other fields and its
// pack snapshot stay as stored, and PackIndex values are checked against
// the stored snapshot. An item's PackIndex cannot change once stored, and a
// started meeting cannot be made unstarted (ECONFLICT). An ID of another
// meeting's item, or of an item deleted meanwhile, is an ECONFLICT; m must
// pass m.Validate().
func (s *Store) SaveRun(ctx context.Context, m meeting.Meeting) (meeting.Meeting, error) {
	if err := m.Validate(); err != nil {
		return meeting.Meeting{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoSaveAgenda"))
	}
	defer tx.Rollback()
	if err := saveRun(ctx, tx, m); err != nil {
		return meeting.Meeting{}, err
	}
	got, err := findMeeting(ctx, tx, m.ID)
	if err != nil {
		return meeting.Meeting{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoSaveAgenda"))
	}
	return got, nil
}

// saveRun writes m's start and live agenda over the stored ones; see
// SaveRun.
func saveRun(ctx context.Context, tx *sql.Tx, m meeting.Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	stored, err := findMeeting(ctx, tx, m.ID)
	if err != nil {
		return err
	}
	if err := checkItems(m.Items, stored.Pack); err != nil {
		return err
	}

	if stored.Started != nil && m.Started == nil {
		return meeting.Errork(meeting.ECONFLICT, "store.MeetingStartedAt", meeting.Ref(m.ID), stored.Started.Format("15:04"))
	}
	started, err := encodeTimePtr(m.Started, phrase("store.TimeMeetingStart"))
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meetings SET started_at = ? WHERE id = ?`, started, m.ID); err != nil {
		return translate(err, phrase("store.DoSaveStart", meeting.Ref(m.ID)))
	}

	// Match the items to the stored rows by ID.
	old := make(map[int64]meeting.RunItem, len(stored.Items))
	for _, it := range stored.Items {
		old[it.ID] = it
	}
	kept := make(map[int64]int, len(m.Items)) // ID → index in m.Items
	for i, it := range m.Items {
		if it.ID == 0 {
			continue
		}
		if j, dup := kept[it.ID]; dup {
			return meeting.Errork(meeting.EINVALID, "store.ItemsSame", j+1, i+1, meeting.Ref(it.ID))
		}
		kept[it.ID] = i
		was, ok := old[it.ID]
		if !ok {
			return foreignItem(ctx, tx, m.ID, i, it)
		}
		if was.PackIndex != it.PackIndex {
			return meeting.Errork(meeting.EINVALID, "store.ItemOrigin",
				i+1, it.Title, origin(was.PackIndex), origin(it.PackIndex))
		}
	}

	// A presenting group set or changed here must be one of the stored
	// groups, at a plenum (meeting.CheckPresenting). One left as stored is
	// not checked again: re-forming the groups may have removed its number,
	// and that must not stop the meeting from moving on.
	withGroups := m
	withGroups.Groups = stored.Groups
	for i, it := range m.Items {
		if was, ok := old[it.ID]; it.Presenting == 0 || (ok && it.ID != 0 && was.Presenting == it.Presenting && was.Kind == it.Kind) {
			continue
		}
		if err := withGroups.CheckPresenting(i, it.Presenting); err != nil {
			return err
		}
	}

	// Delete the rows that left the agenda; none may have started.
	for _, it := range stored.Items {
		if _, ok := kept[it.ID]; ok {
			continue
		}
		if it.Started != nil {
			return meeting.Errork(meeting.ECONFLICT, "store.ItemStartedRemove",
				it.Title, it.Started.Format("15:04"), meeting.Ref(m.ID))
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM agenda_items WHERE id = ?`, it.ID); err != nil {
			return deleteError(err, it)
		}
	}

	// Move the remaining rows above every old and new position, so that
	// writing the new positions never meets UNIQUE (meeting_id, position),
	// which SQLite checks row by row (and positions cannot go negative).
	var maxPos int
	if err := tx.QueryRowContext(ctx,
		`SELECT coalesce(max(position), -1) FROM agenda_items WHERE meeting_id = ?`, m.ID).Scan(&maxPos); err != nil {
		return translate(err, phrase("store.DoReorderAgenda", meeting.Ref(m.ID)))
	}
	shift := max(maxPos+1, len(m.Items))
	if _, err := tx.ExecContext(ctx,
		`UPDATE agenda_items SET position = position + ? WHERE meeting_id = ?`, shift, m.ID); err != nil {
		return translate(err, phrase("store.DoReorderAgenda", meeting.Ref(m.ID)))
	}
	for i, it := range m.Items {
		row, err := encodeItem(i, it, stored.Pack)
		if err != nil {
			return err
		}
		what := phrase("store.DoSaveItemIn", i+1, it.Title, meeting.Ref(m.ID))
		if it.ID == 0 {
			if _, err := insertItem(ctx, tx, m.ID, i, it, row); err != nil {
				return translate(err, what)
			}
			continue
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE agenda_items SET position = ?, kind = ?, followup = ?, title = ?, planned_minutes = ?, speaker = ?,
				started_at = ?, ended_at = ?, skipped = ?, questions_json = ?, indicators_json = ?,
				timer_planned_ns = ?, timer_started = ?, timer_paused_at = ?, timer_paused_ns = ?, timer_ended = ?,
				presenting = ?
			WHERE id = ? AND meeting_id = ?`,
			i, row.kind, row.followup, it.Title, it.Minutes, it.Speaker,
			row.started, row.ended, row.skipped, row.questions, row.indicators,
			row.timer.planned, row.timer.started, row.timer.pausedAt, row.timer.paused, row.timer.ended,
			it.Presenting,
			it.ID, m.ID); err != nil {
			return translate(err, what)
		}
	}
	return nil
}

// foreignItem reports item i of meeting meetingID, whose ID is not one of
// that meeting's rows.
func foreignItem(ctx context.Context, tx *sql.Tx, meetingID int64, i int, it meeting.RunItem) error {
	var owner int64
	err := tx.QueryRowContext(ctx, `SELECT meeting_id FROM agenda_items WHERE id = ?`, it.ID).Scan(&owner)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return meeting.Errork(meeting.ECONFLICT, "store.ItemGone", i+1, it.Title, meeting.Ref(meetingID))
	case err != nil:
		return translate(err, phrase("store.DoSaveAgendaOf", meeting.Ref(meetingID)))
	}
	return meeting.Errork(meeting.ECONFLICT, "store.ItemBelongs", i+1, it.Title, meeting.Ref(owner), meeting.Ref(meetingID))
}

// deleteError reports a failed delete of a pending agenda row. A foreign
// key failing here means a row of another table refers to the item.
func deleteError(err error, it meeting.RunItem) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintForeignKey {
		return fmt.Errorf("%w: %w", meeting.Errork(meeting.ECONFLICT, "store.ItemReferenced", it.Title), err)
	}
	return translate(err, phrase("store.DoRemoveItem", it.Title))
}

// origin describes a PackIndex for messages.
func origin(packIndex int) meeting.Phrase {
	if packIndex < 0 {
		return phrase("store.OriginAdded")
	}
	return phrase("store.OriginPack", packIndex+1)
}

// checkItems checks what Validate does not: that each item's PackIndex is
// -1 or names an item of pack, each at most once, that no item ended
// without starting, that each item's timer is its zero value or valid, and
// that no item has a negative presenting group.
func checkItems(items []meeting.RunItem, pack meeting.Pack) error {
	seen := make(map[int]int, len(items)) // PackIndex → index in items
	for i, it := range items {
		switch {
		case it.PackIndex < -1 || it.PackIndex >= len(pack.Agenda):
			return meeting.Errork(meeting.EINVALID, "store.ItemPackIndex",
				i+1, it.Title, it.PackIndex+1, len(pack.Agenda))
		case it.Ended != nil && it.Started == nil:
			return meeting.Errork(meeting.EINVALID, "store.ItemEndedNotStarted", i+1, it.Title)
		case it.Presenting < 0:
			return meeting.Errork(meeting.EINVALID, "store.ItemPresenting", i+1, it.Title, it.Presenting)
		}
		if it.Timer != (meeting.Timer{}) {
			if err := it.Timer.Validate(); err != nil {
				return meeting.Errork(meeting.EINVALID, "err.InItem", i+1, it.Title, err)
			}
		}
		if it.PackIndex < 0 {
			continue
		}
		if j, dup := seen[it.PackIndex]; dup {
			return meeting.Errork(meeting.EINVALID, "store.ItemsSamePack", j+1, i+1, it.PackIndex+1)
		}
		seen[it.PackIndex] = i
	}
	return nil
}

// itemRow holds the columns of an agenda row that need encoding.
type itemRow struct {
	kind                  string
	followup              int
	packIndex             sql.NullInt64
	started, ended        sql.NullString
	skipped               int
	questions, indicators sql.NullString
	timer                 timerRow
}

// encodeItem encodes item i of a live agenda on pack; checkItems has
// accepted its PackIndex.
func encodeItem(i int, it meeting.RunItem, pack meeting.Pack) (itemRow, error) {
	var (
		row  itemRow
		from *meeting.AgendaItem
		err  error
	)
	row.kind, row.followup = encodeKind(it.Kind)
	if it.PackIndex >= 0 {
		row.packIndex = sql.NullInt64{Int64: int64(it.PackIndex), Valid: true}
		from = &pack.Agenda[it.PackIndex]
	}
	if row.started, err = encodeTimePtr(it.Started, phrase("store.TimeItemStart", i+1)); err != nil {
		return row, err
	}
	if row.ended, err = encodeTimePtr(it.Ended, phrase("store.TimeItemEnd", i+1)); err != nil {
		return row, err
	}
	if it.Skipped {
		row.skipped = 1
	}
	if row.timer, err = encodeTimer(it.Timer, phrase("store.ItemNumbered", i+1)); err != nil {
		return row, err
	}
	if from != nil {
		row.questions = encodeList(it.Questions, from.Questions, true)
		row.indicators = encodeList(it.Indicators, from.Indicators, true)
	} else {
		row.questions = encodeList(it.Questions, nil, false)
		row.indicators = encodeList(it.Indicators, nil, false)
	}
	return row, nil
}

// encodeKind gives the kind and followup columns of an item of kind k:
// the follow-up kind is stored as a plenum with followup = 1, as the kind
// column's CHECK predates it (migration 0007).
func encodeKind(k meeting.ItemKind) (string, int) {
	if k == meeting.KindFollowUp {
		return string(meeting.KindPlenum), 1
	}
	return string(k), 0
}

// decodeKind reads what encodeKind wrote.
func decodeKind(kind string, followup int) meeting.ItemKind {
	if followup == 1 {
		return meeting.KindFollowUp
	}
	return meeting.ItemKind(kind)
}

// encodeList encodes an item's own list: NULL when it is the snapshot's
// (or, with no snapshot item, when it is nil), else a JSON array (or null,
// for nil where the snapshot has a list).
func encodeList(list, snapshot []string, fromPack bool) sql.NullString {
	if fromPack && (list == nil) == (snapshot == nil) && slices.Equal(list, snapshot) {
		return sql.NullString{}
	}
	if !fromPack && list == nil {
		return sql.NullString{}
	}
	b, err := json.Marshal(list)
	if err != nil {
		panic(err) // a []string always marshals
	}
	return sql.NullString{String: string(b), Valid: true}
}

// decodeList reads a list written by encodeList.
func decodeList(s sql.NullString, snapshot []string) ([]string, error) {
	if !s.Valid {
		return snapshot, nil
	}
	var list []string
	if err := json.Unmarshal([]byte(s.String), &list); err != nil {
		return nil, meeting.Errork(meeting.EINTERNAL, "store.MalformedList", s.String, err)
	}
	return list, nil
}

// insertItem inserts item it at position pos of meeting meetingID and
// returns its id. Errors are the driver's, for the caller to translate.
func insertItem(ctx context.Context, tx *sql.Tx, meetingID int64, pos int, it meeting.RunItem, row itemRow) (int64, error) {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO agenda_items (meeting_id, position, pack_index, kind, followup, title, planned_minutes, speaker,
			started_at, ended_at, skipped, questions_json, indicators_json,
			timer_planned_ns, timer_started, timer_paused_at, timer_paused_ns, timer_ended, presenting)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		meetingID, pos, row.packIndex, row.kind, row.followup, it.Title, it.Minutes, it.Speaker,
		row.started, row.ended, row.skipped, row.questions, row.indicators,
		row.timer.planned, row.timer.started, row.timer.pausedAt, row.timer.paused, row.timer.ended, it.Presenting)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// findItems reads the live agenda of each of ms into its Items, with each item's timer,
// presenting group and notes; m.Pack must be read.
func findItems(ctx context.Context, tx *sql.Tx, ms ...*meeting.Meeting) error {
	set := setOf(ms)
	what := phrase("store.DoReadAgenda", set.name())
	rows, err := tx.QueryContext(ctx, `
		SELECT meeting_id, id, pack_index, kind, followup, title, planned_minutes, speaker,
			started_at, ended_at, skipped, questions_json, indicators_json,
			timer_planned_ns, timer_started, timer_paused_at, timer_paused_ns, timer_ended, presenting
		FROM agenda_items WHERE meeting_id IN `+set.list+` ORDER BY meeting_id, position`, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer rows.Close()
	for _, m := range ms {
		m.Items = []meeting.RunItem{}
	}
	for rows.Next() {
		var (
			it        meeting.RunItem
			row       itemRow
			kind      string
			meetingID int64
		)
		if err := rows.Scan(&meetingID, &it.ID, &row.packIndex, &kind, &row.followup, &it.Title, &it.Minutes, &it.Speaker,
			&row.started, &row.ended, &row.skipped, &row.questions, &row.indicators,
			&row.timer.planned, &row.timer.started, &row.timer.pausedAt, &row.timer.paused, &row.timer.ended,
			&it.Presenting); err != nil {
			return translate(err, what)
		}
		m := set.byID[meetingID]
		it.Kind = decodeKind(kind, row.followup)
		it.Skipped = row.skipped != 0
		var snapshot meeting.AgendaItem
		it.PackIndex = -1
		if row.packIndex.Valid {
			if row.packIndex.Int64 >= int64(len(m.Pack.Agenda)) {
				return meeting.Errork(meeting.EINTERNAL, "store.StoredItemPackIndex",
					meeting.Ref(m.ID), it.Title, row.packIndex.Int64+1, len(m.Pack.Agenda))
			}
			it.PackIndex = int(row.packIndex.Int64)
			snapshot = m.Pack.Agenda[it.PackIndex]
		}
		if it.Started, err = decodeTimePtr(row.started); err != nil {
			return err
		}
		if it.Ended, err = decodeTimePtr(row.ended); err != nil {
			return err
		}
		if it.Questions, err = decodeList(row.questions, snapshot.Questions); err != nil {
			return err
		}
		if it.Indicators, err = decodeList(row.indicators, snapshot.Indicators); err != nil {
			return err
		}
		if it.Timer, err = decodeTimer(row.timer); err != nil {
			return err
		}
		m.Items = append(m.Items, it)
	}
	if err := rows.Err(); err != nil {
		return translate(err, what)
	}
	rows.Close() // before the next query on the transaction's connection
	if err := findNotes(ctx, tx, ms...); err != nil {
		return err
	}
	if err := findEvaluations(ctx, tx, ms...); err != nil {
		return err
	}
	return findDecisions(ctx, tx, ms...)
}
