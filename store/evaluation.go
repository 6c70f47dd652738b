package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/klynge/klynge/meeting"
)

// RecordScore stores count scores of score on the evaluation item itemID
// of meeting meetingID: one called out (count 1) or a show of hands. The
// row holds no name (see migration 0011).
func (s *Store) RecordScore(ctx context.Context, meetingID, itemID int64, score, count int) error {
	if err := meeting.CheckScore(score, count); err != nil {
		return err
	}
	what := phrase("store.DoSaveScore", score)
	// The item is checked in the insert itself: it must be an evaluation
	// item of this meeting.
	return s.execOne(ctx, what, func() error { return noEvaluationItem(meetingID, itemID) }, `
		INSERT INTO evaluation_scores (meeting_id, agenda_item_id, score, count)
		SELECT meeting_id, id, ?, ? FROM agenda_items
		WHERE id = ? AND meeting_id = ? AND kind = 'evaluation'`,
		score, count, itemID, meetingID)
}

// UndoScore deletes the last score recorded on the evaluation item.
func (s *Store) UndoScore(ctx context.Context, meetingID, itemID int64) error {
	return s.execOne(ctx, phrase("store.DoUndoScore"), func() error {
		return meeting.Errork(meeting.ENOTFOUND, "err.NoScoreToUndo")
	}, `
		DELETE FROM evaluation_scores WHERE id = (
			SELECT max(id) FROM evaluation_scores WHERE agenda_item_id = ? AND meeting_id = ?)`,
		itemID, meetingID)
}

// RecordEvaluationNotes stores what worked and what to change at the
// evaluation item; both empty removes the notes.
func (s *Store) RecordEvaluationNotes(ctx context.Context, meetingID, itemID int64, worked, change string) error {
	worked, change = strings.TrimSpace(worked), strings.TrimSpace(change)
	for _, t := range []string{worked, change} {
		if err := meeting.CheckText(meeting.TextNote, t); err != nil {
			return err
		}
	}
	what := phrase("store.DoSaveEvaluationNotes")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return translate(err, what)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM evaluation_notes WHERE agenda_item_id = ? AND meeting_id = ?`, itemID, meetingID); err != nil {
		return translate(err, what)
	}
	if worked != "" || change != "" {
		if err := execOneIn(ctx, tx, what, func() error { return noEvaluationItem(meetingID, itemID) }, `
			INSERT INTO evaluation_notes (agenda_item_id, meeting_id, worked, change)
			SELECT id, meeting_id, ?, ? FROM agenda_items
			WHERE id = ? AND meeting_id = ? AND kind = 'evaluation'`,
			worked, change, itemID, meetingID); err != nil {
			return err
		}
	}
	return translate(tx.Commit(), what)
}

func noEvaluationItem(meetingID, itemID int64) error {
	return meeting.Errork(meeting.ENOTFOUND, "store.NotEvaluationItem", meeting.Ref(itemID), meeting.Ref(meetingID))
}

// findEvaluations reads the scores and notes of the evaluation items of
// each of ms into their Evaluation, in one query per table for all of
// them. The items must be read.
func findEvaluations(ctx context.Context, tx *sql.Tx, ms ...*meeting.Meeting) error {
	set := setOf(ms)
	what := phrase("store.DoReadEvaluation", set.name())
	type at struct {
		m *meeting.Meeting
		i int
	}
	index := map[int64]at{}
	for _, m := range ms {
		for i := range m.Items {
			m.Items[i].Evaluation = meeting.Evaluation{}
			index[m.Items[i].ID] = at{m, i}
		}
	}
	item := func(meetingID, itemID int64) (*meeting.RunItem, error) {
		it, ok := index[itemID]
		if !ok || it.m.ID != meetingID {
			return nil, meeting.Errork(meeting.EINTERNAL, "store.EvaluationItemMissing", meeting.Ref(meetingID), meeting.Ref(itemID))
		}
		return &it.m.Items[it.i], nil
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT meeting_id, agenda_item_id, id, score, count FROM evaluation_scores
		WHERE meeting_id IN `+set.list+` ORDER BY id`, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			e                 meeting.ScoreEntry
			meetingID, itemID int64
		)
		if err := rows.Scan(&meetingID, &itemID, &e.ID, &e.Score, &e.Count); err != nil {
			return translate(err, what)
		}
		it, err := item(meetingID, itemID)
		if err != nil {
			return err
		}
		it.Evaluation.Entries = append(it.Evaluation.Entries, e)
	}
	if err := rows.Err(); err != nil {
		return translate(err, what)
	}
	rows.Close() // before the next query on the transaction's connection
	nrows, err := tx.QueryContext(ctx, `
		SELECT meeting_id, agenda_item_id, worked, change FROM evaluation_notes
		WHERE meeting_id IN `+set.list, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer nrows.Close()
	for nrows.Next() {
		var (
			meetingID, itemID int64
			worked, change    string
		)
		if err := nrows.Scan(&meetingID, &itemID, &worked, &change); err != nil {
			return translate(err, what)
		}
		it, err := item(meetingID, itemID)
		if err != nil {
			return err
		}
		it.Evaluation.Worked, it.Evaluation.Change = worked, change
	}
	return translate(nrows.Err(), what)
}
