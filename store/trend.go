package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/klynge/klynge/meeting"
)

// IndicatorHistory reads indicator indicatorID across meeting meetingID's
// cluster: every meeting of the cluster planned before it (or at the same
// moment and stored no later), and the meeting itself, whose pack
// snapshot has the indicator, oldest first, each with the indicator as
// its snapshot defines it and the figures of the practices that had a
// code at it (the chart shows no others). The result feeds
// meeting.IndicatorTrend (the cluster's figures per meeting) and
// meeting.PracticeSeries (one practice's own series, for its slip).
//
// It is two queries whatever the length of the history: the meetings with
// their snapshot's indicator, then all their figures at once. A missing
// meeting is an ENOTFOUND *meeting.Error.
func (s *Store) IndicatorHistory(ctx context.Context, meetingID int64, indicatorID string) ([]meeting.TrendMeeting, error) {
	what := phrase("store.DoReadIndicatorHistory", indicatorID)
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
	// The snapshot's indicator is picked out in SQL, so only its own few
	// fields are decoded in Go, never the rest of forty packs.
	rows, err := tx.QueryContext(ctx, `
		SELECT m.id, m.planned_start, i.value
		FROM meetings cur
		JOIN meetings m ON m.cluster_id = cur.cluster_id
		JOIN json_each(m.pack_json, '$.indicators') i
		WHERE cur.id = ?
			AND (unixepoch(m.planned_start, 'subsec') < unixepoch(cur.planned_start, 'subsec')
				OR (unixepoch(m.planned_start, 'subsec') = unixepoch(cur.planned_start, 'subsec') AND m.id <= cur.id))
			AND i.value ->> '$.id' = ?
		ORDER BY unixepoch(m.planned_start, 'subsec'), m.id`, meetingID, indicatorID)
	if err != nil {
		return nil, translate(err, what)
	}
	defer rows.Close()
	var out []meeting.TrendMeeting
	byID := map[int64]int{}
	ids := []string{}
	for rows.Next() {
		var (
			h           meeting.TrendMeeting
			start, spec string
		)
		if err := rows.Scan(&h.MeetingID, &start, &spec); err != nil {
			return nil, translate(err, what)
		}
		if h.Date, err = decodeTime(start); err != nil {
			return nil, err
		}
		// The indicator decodes as the snapshot decodes it, so keys the
		// pack format gains later come along.
		p, err := decodePack(`{"format":` + strconv.Itoa(snapshotFormat) + `,"indicators":[` + spec + `]}`)
		if err != nil || len(p.Indicators) != 1 {
			return nil, meeting.Errork(meeting.EINTERNAL, "err.InMeeting", meeting.Ref(h.MeetingID), err)
		}
		h.Indicator = p.Indicators[0]
		byID[h.MeetingID] = len(out)
		ids = append(ids, strconv.FormatInt(h.MeetingID, 10))
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, what)
	}
	rows.Close()
	if len(out) == 0 {
		return nil, tx.Commit()
	}
	vals, err := tx.QueryContext(ctx, `
		SELECT v.meeting_id, p.ydernummer, v.numerator, v.denominator, v.value, v.period
		FROM meeting_values v
		JOIN meeting_codes c ON c.meeting_id = v.meeting_id AND c.practice_id = v.practice_id
		JOIN practices p ON p.id = v.practice_id
		WHERE v.meeting_id IN (SELECT value FROM json_each(?)) AND v.indicator = ?
		ORDER BY v.meeting_id, p.ydernummer`, "["+strings.Join(ids, ",")+"]", indicatorID)
	if err != nil {
		return nil, translate(err, what)
	}
	defer vals.Close()
	for vals.Next() {
		var (
			id       int64
			r        meeting.DataRow
			num, den sql.NullFloat64
			v        sql.NullFloat64
		)
		if err := vals.Scan(&id, &r.Ydernummer, &num, &den, &v, &r.Period); err != nil {
			return nil, translate(err, what)
		}
		r.Indicator = indicatorID
		r.Numerator, r.Denominator, r.Value = floatPtr(num), floatPtr(den), floatPtr(v)
		h := &out[byID[id]]
		h.Rows = append(h.Rows, r)
	}
	if err := vals.Err(); err != nil {
		return nil, translate(err, what)
	}
	vals.Close()
	return out, translate(tx.Commit(), what)
}
