package store

import (
	"context"
	"database/sql"
	"encoding/json"
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
// It is three queries whatever the length of the history (IndicatorHistories).
// A missing meeting is an ENOTFOUND *meeting.Error.
func (s *Store) IndicatorHistory(ctx context.Context, meetingID int64, indicatorID string) ([]meeting.TrendMeeting, error) {
	hs, err := s.IndicatorHistories(ctx, meetingID, []string{indicatorID})
	return hs[indicatorID], err
}

// IndicatorHistories is IndicatorHistory for each of indicatorIDs at once,
// by indicator id (an indicator no meeting had is missing): the slips read
// every indicator's history, and three queries for all of them parse each
// meeting's pack once and find the figures in one pass, where one call
// per indicator did both again for each.
func (s *Store) IndicatorHistories(ctx context.Context, meetingID int64, indicatorIDs []string) (map[string][]meeting.TrendMeeting, error) {
	what := phrase("store.DoReadIndicatorHistory", strings.Join(indicatorIDs, ", "))
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
	wanted, err := json.Marshal(indicatorIDs)
	if err != nil {
		return nil, meeting.Errork(meeting.EINTERNAL, "store.Internal", err)
	}
	// The snapshot's indicators are picked out in SQL, so only their own
	// few fields are decoded in Go, never the rest of forty packs.
	rows, err := tx.QueryContext(ctx, `
		SELECT m.id, m.planned_start, i.value ->> '$.id', i.value
		FROM meetings cur
		JOIN meetings m ON m.cluster_id = cur.cluster_id
		JOIN json_each(m.pack_json, '$.indicators') i
		WHERE cur.id = ?
			AND (unixepoch(m.planned_start, 'subsec') < unixepoch(cur.planned_start, 'subsec')
				OR (unixepoch(m.planned_start, 'subsec') = unixepoch(cur.planned_start, 'subsec') AND m.id <= cur.id))
			AND i.value ->> '$.id' IN (SELECT value FROM json_each(?))
		ORDER BY unixepoch(m.planned_start, 'subsec'), m.id, i.key`, meetingID, string(wanted))
	if err != nil {
		return nil, translate(err, what)
	}
	defer rows.Close()
	out := map[string][]meeting.TrendMeeting{}
	// at finds a meeting's entry in an indicator's history.
	type key struct {
		meetingID int64
		indicator string
	}
	at := map[key]int{}
	ids := []string{}
	seen := map[int64]bool{}
	for rows.Next() {
		var (
			h                meeting.TrendMeeting
			start, ind, spec string
		)
		if err := rows.Scan(&h.MeetingID, &start, &ind, &spec); err != nil {
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
		at[key{h.MeetingID, ind}] = len(out[ind])
		out[ind] = append(out[ind], h)
		if !seen[h.MeetingID] {
			seen[h.MeetingID] = true
			ids = append(ids, strconv.FormatInt(h.MeetingID, 10))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, what)
	}
	rows.Close()
	if len(out) == 0 {
		return out, tx.Commit()
	}
	vals, err := tx.QueryContext(ctx, `
		SELECT v.meeting_id, v.indicator, p.ydernummer, v.numerator, v.denominator, v.value, v.period
		FROM meeting_values v
		JOIN meeting_codes c ON c.meeting_id = v.meeting_id AND c.practice_id = v.practice_id
		JOIN practices p ON p.id = v.practice_id
		WHERE v.meeting_id IN (SELECT value FROM json_each(?)) AND v.indicator IN (SELECT value FROM json_each(?))
		ORDER BY v.meeting_id, p.ydernummer`, "["+strings.Join(ids, ",")+"]", string(wanted))
	if err != nil {
		return nil, translate(err, what)
	}
	defer vals.Close()
	// Scanned into once for all rows: a variable Scan is given escapes to
	// the heap, and one per row and column was most of the allocations.
	var (
		id              int64
		ind, yd, period string
		num, den, v     sql.NullFloat64
	)
	for vals.Next() {
		if err := vals.Scan(&id, &ind, &yd, &num, &den, &v, &period); err != nil {
			return nil, translate(err, what)
		}
		r := meeting.DataRow{Indicator: ind, Ydernummer: yd, Period: period}
		// A meeting whose snapshot lacks the indicator shows none of its
		// figures, as the chart of that meeting did not.
		i, ok := at[key{id, r.Indicator}]
		if !ok {
			continue
		}
		r.Numerator, r.Denominator, r.Value = floatPtr(num), floatPtr(den), floatPtr(v)
		h := &out[r.Indicator][i]
		h.Rows = append(h.Rows, r)
	}
	if err := vals.Err(); err != nil {
		return nil, translate(err, what)
	}
	vals.Close()
	return out, translate(tx.Commit(), what)
}
