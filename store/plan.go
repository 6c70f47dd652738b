package store

import (
	"context"
	"database/sql"

	"github.com/klynge/klynge/meeting"
)

// Plan returns cluster clusterID's year plan, by start.
func (s *Store) Plan(ctx context.Context, clusterID int64) ([]meeting.PlannedMeeting, error) {
	what := phrase("store.DoReadPlan")
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, cluster_id, starts_at, place, topic, host, meeting_id, revision FROM plan
		WHERE cluster_id = ? ORDER BY unixepoch(starts_at), id`, clusterID)
	if err != nil {
		return nil, translate(err, what)
	}
	defer rows.Close()
	plan := []meeting.PlannedMeeting{}
	for rows.Next() {
		var (
			p         meeting.PlannedMeeting
			start     string
			meetingID sql.NullInt64
		)
		if err := rows.Scan(&p.ID, &p.ClusterID, &start, &p.Place, &p.Topic, &p.Host, &meetingID, &p.Revision); err != nil {
			return nil, translate(err, what)
		}
		if p.Start, err = decodeTime(start); err != nil {
			return nil, err
		}
		p.MeetingID = meetingID.Int64
		plan = append(plan, p)
	}
	return plan, translate(rows.Err(), what)
}

// SavePlanned stores a planned meeting: a new one when p.ID is 0, else
// over the stored entry of p's cluster (counting the change in its
// revision). It returns the entry as stored.
func (s *Store) SavePlanned(ctx context.Context, p meeting.PlannedMeeting) (meeting.PlannedMeeting, error) {
	p = p.Trimmed()
	if err := p.Validate(); err != nil {
		return p, err
	}
	what := phrase("store.DoSavePlan")
	start, err := encodeTime(p.Start, phrase("store.TimePlan"))
	if err != nil {
		return p, err
	}
	var meetingID sql.NullInt64
	if p.MeetingID != 0 {
		meetingID = sql.NullInt64{Int64: p.MeetingID, Valid: true}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return p, translate(err, what)
	}
	defer tx.Rollback()
	if p.ID == 0 {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO plan (cluster_id, starts_at, place, topic, host, meeting_id) VALUES (?, ?, ?, ?, ?, ?)`,
			p.ClusterID, start, p.Place, p.Topic, p.Host, meetingID)
		if err != nil {
			return p, translate(err, what)
		}
		if p.ID, err = res.LastInsertId(); err != nil {
			return p, translate(err, what)
		}
	} else {
		if err := execOneIn(ctx, tx, what, func() error { return meeting.Errork(meeting.ENOTFOUND, "err.PlanNotFound", p.ID) }, `
			UPDATE plan SET starts_at = ?, place = ?, topic = ?, host = ?, meeting_id = ?, revision = revision + 1
			WHERE id = ? AND cluster_id = ?`,
			start, p.Place, p.Topic, p.Host, meetingID, p.ID, p.ClusterID); err != nil {
			return p, err
		}
		if err := tx.QueryRowContext(ctx, `SELECT revision FROM plan WHERE id = ?`, p.ID).Scan(&p.Revision); err != nil {
			return p, translate(err, what)
		}
	}
	return p, translate(tx.Commit(), what)
}

// DeletePlanned deletes entry id of cluster clusterID's year plan.
func (s *Store) DeletePlanned(ctx context.Context, clusterID, id int64) error {
	return s.execOne(ctx, phrase("store.DoDeletePlan"), func() error {
		return meeting.Errork(meeting.ENOTFOUND, "err.PlanNotFound", id)
	}, `DELETE FROM plan WHERE id = ? AND cluster_id = ?`, id, clusterID)
}
