package store

import (
	"context"
	"database/sql"
	"maps"
	"math"
	"slices"

	"github.com/klynge/klynge/meeting"
)

// ImportFigures stores imp as meeting meetingID's figures in one
// transaction, as ImportValues does, and records the arrival of each
// practice's figures (imp.At, the file named in imp.Sources, how many
// figures) and imp.Regions, which replace any region figure stored for
// the same indicator. A region figure must be for an indicator of the
// pack that states no region itself. Nothing is stored when anything is
// wrong.
func (s *Store) ImportFigures(ctx context.Context, meetingID int64, imp meeting.FigureImport) (ImportResult, error) {
	if len(imp.Rows) == 0 {
		return ImportResult{}, meeting.Errork(meeting.EINVALID, "store.NoFigures")
	}
	if imp.At.IsZero() {
		return ImportResult{}, meeting.Errork(meeting.EINVALID, "store.ArrivalNoTime")
	}
	at, err := encodeTime(imp.At, phrase("store.TimeArrival"))
	if err != nil {
		return ImportResult{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return ImportResult{}, translate(err, phrase("store.DoImportFigures"))
	}
	defer tx.Rollback()
	m, err := findMeeting(ctx, tx, meetingID)
	if err != nil {
		return ImportResult{}, err
	}
	practices, err := clusterPractices(ctx, tx, m.ClusterID)
	if err != nil {
		return ImportResult{}, err
	}
	if err := checkValues(imp.Rows, m.Pack, practices); err != nil {
		return ImportResult{}, err
	}
	for _, rf := range imp.Regions {
		ind, ok := m.Pack.Indicator(rf.Indicator)
		switch {
		case !ok:
			return ImportResult{}, meeting.Errork(meeting.EINVALID, "store.RegionIndicator", rf.Indicator)
		case ind.Region != nil:
			return ImportResult{}, meeting.Errork(meeting.EINVALID, "store.RegionInPack", rf.Indicator)
		case rf.Practices <= 0 || math.IsNaN(rf.Value) || math.IsInf(rf.Value, 0):
			return ImportResult{}, meeting.Errork(meeting.EINVALID, "store.RegionBad", rf.Indicator)
		}
	}
	res, err := upsertFigures(ctx, tx, m, practices, imp.Rows)
	if err != nil {
		return ImportResult{}, err
	}
	count := map[string]int{}
	for _, r := range imp.Rows {
		count[r.Ydernummer]++
	}
	for _, yd := range slices.Sorted(maps.Keys(count)) {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO data_arrivals (meeting_id, practice_id, at, source, figures) VALUES (?, ?, ?, ?, ?)`,
			meetingID, practices[yd], at, imp.Sources[yd], count[yd]); err != nil {
			return ImportResult{}, translate(err, phrase("store.DoRecordArrival", yd))
		}
	}
	for _, rf := range imp.Regions {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO region_figures (meeting_id, indicator, value, source, practices) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (meeting_id, indicator) DO UPDATE SET
				value = excluded.value, source = excluded.source, practices = excluded.practices`,
			meetingID, rf.Indicator, rf.Value, rf.Source, rf.Practices); err != nil {
			return ImportResult{}, translate(err, phrase("store.DoSaveRegion", rf.Indicator))
		}
	}
	if err := tx.Commit(); err != nil {
		return ImportResult{}, translate(err, phrase("store.DoImportFigures"))
	}
	return res, nil
}

// findCollection fills the Arrivals and Regions of each of ms; each stays
// nil when the meeting has none.
func findCollection(ctx context.Context, tx *sql.Tx, set meetingSet) error {
	what := phrase("store.DoReadArrivals", set.name())
	rows, err := tx.QueryContext(ctx, `
		SELECT a.meeting_id, p.ydernummer, a.at, a.source, a.figures
		FROM data_arrivals a JOIN practices p ON p.id = a.practice_id
		WHERE a.meeting_id IN `+set.list+` AND a.id = (
			SELECT max(l.id) FROM data_arrivals l
			WHERE l.meeting_id = a.meeting_id AND l.practice_id = a.practice_id)`, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer rows.Close()
	for _, m := range set.byID {
		m.Arrivals, m.Regions = nil, nil
	}
	for rows.Next() {
		var a meeting.Arrival
		var meetingID int64
		var at string
		if err := rows.Scan(&meetingID, &a.Ydernummer, &at, &a.Source, &a.Figures); err != nil {
			return translate(err, what)
		}
		if a.At, err = decodeTime(at); err != nil {
			return err
		}
		m := set.byID[meetingID]
		if m.Arrivals == nil {
			m.Arrivals = map[string]meeting.Arrival{}
		}
		m.Arrivals[a.Ydernummer] = a
	}
	if err := rows.Err(); err != nil {
		return translate(err, what)
	}
	rows.Close()

	what = phrase("store.DoReadRegions", set.name())
	regions, err := tx.QueryContext(ctx, `
		SELECT meeting_id, indicator, value, source, practices
		FROM region_figures WHERE meeting_id IN `+set.list, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer regions.Close()
	for regions.Next() {
		var rf meeting.RegionFigure
		var meetingID int64
		if err := regions.Scan(&meetingID, &rf.Indicator, &rf.Value, &rf.Source, &rf.Practices); err != nil {
			return translate(err, what)
		}
		m := set.byID[meetingID]
		if m.Regions == nil {
			m.Regions = map[string]meeting.RegionFigure{}
		}
		m.Regions[rf.Indicator] = rf
	}
	return translate(regions.Err(), what)
}
