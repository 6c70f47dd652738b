package store

import (
	"context"
	"database/sql"

	"github.com/klynge/klynge/meeting"
)

// SaveDecision stores decision d, made at meeting d.MeetingID on its
// agenda item d.ItemID: a new one when d.ID is 0, else over the stored one
// of that meeting. It returns the decision as stored, with its id.
func (s *Store) SaveDecision(ctx context.Context, d meeting.Decision) (meeting.Decision, error) {
	if err := d.Validate(); err != nil {
		return d, err
	}
	what := phrase("store.DoSaveDecision")
	made, err := encodeTime(d.Made, phrase("store.TimeDecision"))
	if err != nil {
		return d, err
	}
	unanimous := 0
	if d.Unanimous {
		unanimous = 1
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return d, translate(err, what)
	}
	defer tx.Rollback()
	noItem := func() error {
		return meeting.Errork(meeting.ENOTFOUND, "store.DecisionItemMissing", meeting.Ref(d.ItemID), meeting.Ref(d.MeetingID), meeting.Ref(d.ID))
	}
	if d.ID == 0 {
		// The item is checked in the insert itself.
		res, err := tx.ExecContext(ctx, `
			INSERT INTO decisions (meeting_id, agenda_item_id, text, unanimous, votes_for, votes_against, votes_abstain, rule, made_at)
			SELECT meeting_id, id, ?, ?, ?, ?, ?, ?, ? FROM agenda_items WHERE id = ? AND meeting_id = ?`,
			d.Text, unanimous, d.For, d.Against, d.Abstain, d.Rule, made, d.ItemID, d.MeetingID)
		if err != nil {
			return d, translate(err, what)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return d, noItem()
		}
		if d.ID, err = res.LastInsertId(); err != nil {
			return d, translate(err, what)
		}
	} else if err := execOneIn(ctx, tx, what, noItem, `
		UPDATE decisions SET agenda_item_id = ?, text = ?, unanimous = ?, votes_for = ?, votes_against = ?, votes_abstain = ?, rule = ?
		WHERE id = ? AND meeting_id = ? AND EXISTS (SELECT 1 FROM agenda_items WHERE id = ? AND meeting_id = ?)`,
		d.ItemID, d.Text, unanimous, d.For, d.Against, d.Abstain, d.Rule, d.ID, d.MeetingID, d.ItemID, d.MeetingID); err != nil {
		return d, err
	}
	return d, translate(tx.Commit(), what)
}

// DeleteDecision deletes decision id of meeting meetingID.
func (s *Store) DeleteDecision(ctx context.Context, meetingID, id int64) error {
	return s.execOne(ctx, phrase("store.DoDeleteDecision", meeting.Ref(id)), func() error {
		return meeting.Errork(meeting.ENOTFOUND, "err.DecisionNotFound", id)
	}, `DELETE FROM decisions WHERE id = ? AND meeting_id = ?`, id, meetingID)
}

// findDecisions reads the decisions of each of ms into its Decisions, in
// the order recorded, with the meeting's title and date and the item's
// title. The items must be read.
func findDecisions(ctx context.Context, tx *sql.Tx, ms ...*meeting.Meeting) error {
	set := setOf(ms)
	what := phrase("store.DoReadDecisions", set.name())
	for _, m := range ms {
		m.Decisions = nil
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT id, meeting_id, agenda_item_id, text, unanimous, votes_for, votes_against, votes_abstain, rule, made_at
		FROM decisions WHERE meeting_id IN `+set.list+` ORDER BY id`, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			d         meeting.Decision
			unanimous int
			made      string
		)
		if err := rows.Scan(&d.ID, &d.MeetingID, &d.ItemID, &d.Text, &unanimous, &d.For, &d.Against, &d.Abstain, &d.Rule, &made); err != nil {
			return translate(err, what)
		}
		if d.Made, err = decodeTime(made); err != nil {
			return err
		}
		m := set.byID[d.MeetingID]
		d.Unanimous = unanimous == 1
		d.MeetingTitle, d.MeetingDate = m.Title, m.PlannedStart
		for _, it := range m.Items {
			if it.ID == d.ItemID {
				d.ItemTitle = it.Title
			}
		}
		m.Decisions = append(m.Decisions, d)
	}
	return translate(rows.Err(), what)
}
