package store

import (
	"cmp"
	"context"
	"database/sql"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/klynge/klynge/meeting"
)

// A meeting's practices appear by ydernummer in meeting.Meeting (Values,
// Codes, Consents) and by practices.id in the tables. The ydernumre are
// resolved through the meeting's cluster, so a row can only ever name a
// practice of that cluster.

// ImportResult says what ImportValues did with the rows it was given.
type ImportResult struct {
	// Added rows are for a practice and indicator the meeting had no
	// figure for.
	Added int
	// Replaced rows changed a stored figure.
	Replaced int
	// Unchanged rows were already stored exactly so.
	Unchanged int
}

// ImportValues stores rows as meeting meetingID's figures, in one
// transaction: a row replaces the stored figure for its practice and
// indicator, and stored figures for pairs not in rows stay. Every row must
// name a practice of the meeting's cluster and an indicator of its pack
// snapshot, give a value or a numerator and a positive denominator (not
// above it for a % indicator), and appear once; otherwise nothing is
// stored and the error is an EINVALID *meeting.Error naming the first bad
// row. Figures may be imported before and during the meeting.
func (s *Store) ImportValues(ctx context.Context, meetingID int64, rows []meeting.DataRow) (ImportResult, error) {
	if len(rows) == 0 {
		return ImportResult{}, meeting.Errork(meeting.EINVALID, "store.NoFigures")
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
	if err := checkValues(rows, m.Pack, practices); err != nil {
		return ImportResult{}, err
	}
	res, err := upsertFigures(ctx, tx, m, practices, rows)
	if err != nil {
		return ImportResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return ImportResult{}, translate(err, phrase("store.DoImportFigures"))
	}
	return res, nil
}

// upsertFigures writes rows as m's figures in tx, leaving a figure that is
// already stored as it is, and counts what it added, replaced and left.
func upsertFigures(ctx context.Context, tx *sql.Tx, m meeting.Meeting, practices map[string]int64, rows []meeting.DataRow) (ImportResult, error) {
	stored := make(map[[2]string]meeting.DataRow, len(m.Values))
	for _, v := range m.Values {
		stored[[2]string{v.Ydernummer, v.Indicator}] = v
	}
	var res ImportResult
	for _, r := range rows {
		old, ok := stored[[2]string{r.Ydernummer, r.Indicator}]
		switch {
		case !ok:
			res.Added++
		case sameFigure(old, r):
			res.Unchanged++
			continue
		default:
			res.Replaced++
		}
		if err := upsertValue(ctx, tx, m.ID, practices[r.Ydernummer], r); err != nil {
			return ImportResult{}, err
		}
	}
	return res, nil
}

// RegenerateCodes replaces meeting meetingID's letter codes with codes
// (ydernummer → code, as meeting.NewCodes draws them: one per practice of
// the meeting's cluster, all different) and returns the meeting. Once the
// meeting has started, the practices may have seen their codes, so that is
// an ECONFLICT *meeting.Error — unless the meeting has no codes at all (a
// meeting made before klynge stored codes), which may get its first ones.
func (s *Store) RegenerateCodes(ctx context.Context, meetingID int64, codes map[string]string) (meeting.Meeting, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoDrawCodes"))
	}
	defer tx.Rollback()
	m, err := findMeeting(ctx, tx, meetingID)
	if err != nil {
		return meeting.Meeting{}, err
	}
	if m.UnderWay() && len(m.Codes) > 0 {
		return meeting.Meeting{}, meeting.Errork(meeting.ECONFLICT, "store.CodesFixed",
			meeting.Ref(meetingID), m.Started.Format("2006-01-02 15:04"))
	}
	practices, err := clusterPractices(ctx, tx, m.ClusterID)
	if err != nil {
		return meeting.Meeting{}, err
	}
	if len(codes) == 0 {
		return meeting.Meeting{}, meeting.Errork(meeting.EINVALID, "store.NoCodes")
	}
	if err := writeCodes(ctx, tx, meetingID, codes, practices); err != nil {
		return meeting.Meeting{}, err
	}
	if m, err = findMeeting(ctx, tx, meetingID); err != nil {
		return meeting.Meeting{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoDrawCodes"))
	}
	return m, nil
}

// SetConsent records that practice ydernummer gave (given) or withdrew its
// consent to be shown by name at meeting meetingID, at the given time, and
// returns the meeting. The consent log only grows: Meeting.Consents holds
// the practices whose latest entry gives consent, with its time, and
// ConsentLog returns every entry. The practice must be in the meeting's
// cluster.
func (s *Store) SetConsent(ctx context.Context, meetingID int64, ydernummer string, given bool, at time.Time) (meeting.Meeting, error) {
	if at.IsZero() {
		return meeting.Meeting{}, meeting.Errork(meeting.EINVALID, "store.ConsentNoTime")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoRecordConsent"))
	}
	defer tx.Rollback()
	m, err := findMeeting(ctx, tx, meetingID)
	if err != nil {
		return meeting.Meeting{}, err
	}
	practices, err := clusterPractices(ctx, tx, m.ClusterID)
	if err != nil {
		return meeting.Meeting{}, err
	}
	id, ok := practices[ydernummer]
	if !ok {
		return meeting.Meeting{}, meeting.Errork(meeting.EINVALID, "store.PracticeNotInClusterCheck", ydernummer, meeting.Ref(meetingID))
	}
	if err := appendConsent(ctx, tx, meetingID, id, meeting.Consent{Ydernummer: ydernummer, Given: given, At: at}); err != nil {
		return meeting.Meeting{}, err
	}
	if m, err = findMeeting(ctx, tx, meetingID); err != nil {
		return meeting.Meeting{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoRecordConsent"))
	}
	return m, nil
}

// ConsentLog returns every consent given or withdrawn at meeting
// meetingID, in the order they were recorded.
func (s *Store) ConsentLog(ctx context.Context, meetingID int64) ([]meeting.Consent, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err, phrase("store.DoReadConsents"))
	}
	defer tx.Rollback()
	if _, err := findMeeting(ctx, tx, meetingID); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT p.ydernummer, c.given, c.at
		FROM consent_log c JOIN practices p ON p.id = c.practice_id
		WHERE c.meeting_id = ?
		ORDER BY c.id`, meetingID)
	if err != nil {
		return nil, translate(err, phrase("store.DoReadConsents"))
	}
	defer rows.Close()
	var log []meeting.Consent
	for rows.Next() {
		var c meeting.Consent
		var at string
		if err := rows.Scan(&c.Ydernummer, &c.Given, &at); err != nil {
			return nil, translate(err, phrase("store.DoReadConsents"))
		}
		if c.At, err = decodeTime(at); err != nil {
			return nil, err
		}
		log = append(log, c)
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, phrase("store.DoReadConsents"))
	}
	rows.Close()
	if err := tx.Commit(); err != nil {
		return nil, translate(err, phrase("store.DoReadConsents"))
	}
	return log, nil
}

// clusterPractices maps the ydernumre of a cluster's practices to their ids.
func clusterPractices(ctx context.Context, tx *sql.Tx, clusterID int64) (map[string]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, ydernummer FROM practices WHERE cluster_id = ?`, clusterID)
	if err != nil {
		return nil, translate(err, phrase("store.DoReadClusterPractices"))
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var id int64
		var yd string
		if err := rows.Scan(&id, &yd); err != nil {
			return nil, translate(err, phrase("store.DoReadClusterPractices"))
		}
		out[yd] = id
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, phrase("store.DoReadClusterPractices"))
	}
	return out, nil
}

// checkValues checks figures for a meeting on pack whose cluster has
// practices, as the data reader does, so that no caller can store what a
// chart could not show.
func checkValues(rows []meeting.DataRow, pack meeting.Pack, practices map[string]int64) error {
	seen := make(map[[2]string]int, len(rows))
	finite := func(p *float64) bool { return p == nil || (!math.IsNaN(*p) && !math.IsInf(*p, 0)) }
	for i, r := range rows {
		where := phrase("store.FigureAt", i+1, r.Ydernummer, r.Indicator)
		if _, ok := practices[r.Ydernummer]; !ok {
			return meeting.Errork(meeting.EINVALID, "store.FigurePractice", where)
		}
		ind, ok := pack.Indicator(r.Indicator)
		if !ok {
			return meeting.Errork(meeting.EINVALID, "store.FigureIndicator", where)
		}
		key := [2]string{r.Ydernummer, r.Indicator}
		if first, dup := seen[key]; dup {
			return meeting.Errork(meeting.EINVALID, "store.FigureTwice", where, first+1)
		}
		seen[key] = i
		switch {
		case !finite(r.Value) || !finite(r.Numerator) || !finite(r.Denominator):
			return meeting.Errork(meeting.EINVALID, "store.FigureNotFinite", where)
		case r.Value != nil && (r.Numerator != nil || r.Denominator != nil):
			return meeting.Errork(meeting.EINVALID, "store.FigureBoth", where)
		case r.Value != nil && ind.Unit == meeting.UnitPercent && (*r.Value < 0 || *r.Value > 100):
			return meeting.Errork(meeting.EINVALID, "store.FigurePercent", where, *r.Value)
		case r.Value != nil:
		case r.Numerator == nil || r.Denominator == nil:
			return meeting.Errork(meeting.EINVALID, "store.FigureNeither", where)
		case *r.Denominator <= 0:
			return meeting.Errork(meeting.EINVALID, "store.FigureDenominator", where, *r.Denominator)
		case *r.Numerator < 0:
			return meeting.Errork(meeting.EINVALID, "store.FigureNumerator", where, *r.Numerator)
		case ind.Unit == meeting.UnitPercent && *r.Numerator > *r.Denominator:
			return meeting.Errork(meeting.EINVALID, "store.FigureOver", where, *r.Numerator, *r.Denominator)
		}
	}
	return nil
}

// checkCodes checks a code key for a cluster with practices: one code per
// practice, each of capital letters, no two alike.
func checkCodes(codes map[string]string, practices map[string]int64) error {
	owner := make(map[string]string, len(codes))
	for _, yd := range slices.Sorted(maps.Keys(codes)) {
		code := codes[yd]
		if _, ok := practices[yd]; !ok {
			return meeting.Errork(meeting.EINVALID, "store.CodeNotInCluster", yd)
		}
		if !isCode(code) {
			return meeting.Errork(meeting.EINVALID, "store.CodeLetters", yd, code)
		}
		if other, dup := owner[code]; dup {
			return meeting.Errork(meeting.EINVALID, "store.CodeTwice", other, yd, code)
		}
		owner[code] = yd
	}
	for _, yd := range slices.Sorted(maps.Keys(practices)) {
		if _, ok := codes[yd]; !ok {
			return meeting.Errork(meeting.EINVALID, "store.CodeMissing", yd)
		}
	}
	return nil
}

func isCode(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return s != ""
}

// writeCodes replaces a meeting's code key with codes, once checked.
func writeCodes(ctx context.Context, tx *sql.Tx, meetingID int64, codes map[string]string, practices map[string]int64) error {
	if err := checkCodes(codes, practices); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM meeting_codes WHERE meeting_id = ?`, meetingID); err != nil {
		return translate(err, phrase("store.DoReplaceCodes"))
	}
	for _, yd := range slices.Sorted(maps.Keys(codes)) {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO meeting_codes (meeting_id, practice_id, code) VALUES (?, ?, ?)`,
			meetingID, practices[yd], codes[yd]); err != nil {
			return translate(err, phrase("store.DoSaveCode", yd))
		}
	}
	return nil
}

// upsertValue stores one checked figure over any stored for its practice
// and indicator.
func upsertValue(ctx context.Context, tx *sql.Tx, meetingID, practiceID int64, r meeting.DataRow) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO meeting_values (meeting_id, practice_id, indicator, numerator, denominator, value, period)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (meeting_id, practice_id, indicator) DO UPDATE SET
			numerator = excluded.numerator, denominator = excluded.denominator,
			value = excluded.value, period = excluded.period`,
		meetingID, practiceID, r.Indicator, nullFloat(r.Numerator), nullFloat(r.Denominator), nullFloat(r.Value), r.Period)
	return translate(err, phrase("store.DoSaveFigure", r.Ydernummer, r.Indicator))
}

// appendConsent adds an entry to the consent log.
func appendConsent(ctx context.Context, tx *sql.Tx, meetingID, practiceID int64, c meeting.Consent) error {
	at, err := encodeTime(c.At, phrase("store.TimeConsent"))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx,
		`INSERT INTO consent_log (meeting_id, practice_id, given, at) VALUES (?, ?, ?, ?)`,
		meetingID, practiceID, c.Given, at)
	return translate(err, phrase("store.DoRecordConsentOf", c.Ydernummer))
}

func nullFloat(p *float64) sql.NullFloat64 {
	if p == nil {
		return sql.NullFloat64{}
	}
	return sql.NullFloat64{Float64: *p, Valid: true}
}

func floatPtr(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	v := n.Float64
	return &v
}

// sameFigure reports whether a and b hold the same figure and period.
func sameFigure(a, b meeting.DataRow) bool {
	eq := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return eq(a.Numerator, b.Numerator) && eq(a.Denominator, b.Denominator) && eq(a.Value, b.Value) && a.Period == b.Period
}

// sortValues orders figures as the store returns them: by indicator, then
// ydernummer.
func sortValues(rows []meeting.DataRow) {
	slices.SortFunc(rows, func(a, b meeting.DataRow) int {
		return cmp.Or(cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Ydernummer, b.Ydernummer))
	})
}

// findPracticeData fills the Values, Codes and Consents of each of ms; each stays nil
// when the meeting has none.
func findPracticeData(ctx context.Context, tx *sql.Tx, ms ...*meeting.Meeting) error {
	set := setOf(ms)
	what := phrase("store.DoReadFigures", set.name())
	rows, err := tx.QueryContext(ctx, `
		SELECT v.meeting_id, p.ydernummer, v.indicator, v.numerator, v.denominator, v.value, v.period
		FROM meeting_values v JOIN practices p ON p.id = v.practice_id
		WHERE v.meeting_id IN `+set.list+`
		ORDER BY v.meeting_id, v.indicator, p.ydernummer`, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer rows.Close()
	for _, m := range ms {
		m.Values, m.Codes, m.Consents = nil, nil, nil
	}
	// Scanned into once for all rows: what Scan is given escapes to the
	// heap, and a variable per row and column was most of the allocations
	// of reading ten years of figures.
	var (
		num, den, val         sql.NullFloat64
		meetingID             int64
		yd, indicator, period string
	)
	for rows.Next() {
		if err := rows.Scan(&meetingID, &yd, &indicator, &num, &den, &val, &period); err != nil {
			return translate(err, what)
		}
		r := meeting.DataRow{Ydernummer: yd, Indicator: indicator, Period: period,
			Numerator: floatPtr(num), Denominator: floatPtr(den), Value: floatPtr(val)}
		m := set.byID[meetingID]
		m.Values = append(m.Values, r)
	}
	if err := rows.Err(); err != nil {
		return translate(err, what)
	}
	rows.Close()

	what = phrase("store.DoReadCodes", set.name())
	codes, err := tx.QueryContext(ctx, `
		SELECT c.meeting_id, p.ydernummer, c.code
		FROM meeting_codes c JOIN practices p ON p.id = c.practice_id
		WHERE c.meeting_id IN `+set.list, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer codes.Close()
	var code, at string // with meetingID and yd, scanned into once for all rows
	for codes.Next() {
		if err := codes.Scan(&meetingID, &yd, &code); err != nil {
			return translate(err, what)
		}
		m := set.byID[meetingID]
		if m.Codes == nil {
			m.Codes = map[string]string{}
		}
		m.Codes[yd] = code
	}
	if err := codes.Err(); err != nil {
		return translate(err, what)
	}
	codes.Close()

	// The latest entry per practice holds; only consents given count.
	what = phrase("store.DoReadConsentsOf", set.name())
	consents, err := tx.QueryContext(ctx, `
		SELECT c.meeting_id, p.ydernummer, c.at
		FROM consent_log c JOIN practices p ON p.id = c.practice_id
		WHERE c.meeting_id IN `+set.list+` AND c.given = 1 AND c.id = (
			SELECT max(l.id) FROM consent_log l
			WHERE l.meeting_id = c.meeting_id AND l.practice_id = c.practice_id)`, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer consents.Close()
	for consents.Next() {
		if err := consents.Scan(&meetingID, &yd, &at); err != nil {
			return translate(err, what)
		}
		m := set.byID[meetingID]
		t, err := decodeTime(at)
		if err != nil {
			return err
		}
		if m.Consents == nil {
			m.Consents = map[string]time.Time{}
		}
		m.Consents[yd] = t
	}
	if err := consents.Err(); err != nil {
		return translate(err, what)
	}
	return nil
}

// createPracticeData stores a new meeting's codes, figures and consents,
// checked against its cluster, and returns them as they read back.
func createPracticeData(ctx context.Context, tx *sql.Tx, m *meeting.Meeting) error {
	if len(m.Codes) == 0 && len(m.Values) == 0 && len(m.Consents) == 0 {
		m.Codes, m.Values, m.Consents = nil, nil, nil
		return nil
	}
	practices, err := clusterPractices(ctx, tx, m.ClusterID)
	if err != nil {
		return err
	}
	if len(m.Codes) > 0 {
		if err := writeCodes(ctx, tx, m.ID, m.Codes, practices); err != nil {
			return err
		}
		m.Codes = maps.Clone(m.Codes)
	} else {
		m.Codes = nil
	}
	if len(m.Values) > 0 {
		if err := checkValues(m.Values, m.Pack, practices); err != nil {
			return err
		}
		for _, r := range m.Values {
			if err := upsertValue(ctx, tx, m.ID, practices[r.Ydernummer], r); err != nil {
				return err
			}
		}
		m.Values = slices.Clone(m.Values)
		sortValues(m.Values)
	} else {
		m.Values = nil
	}
	if len(m.Consents) > 0 {
		for _, yd := range slices.Sorted(maps.Keys(m.Consents)) {
			id, ok := practices[yd]
			if m.Consents[yd].IsZero() {
				return meeting.Errork(meeting.EINVALID, "store.ConsentPracticeNoTime", yd)
			}
			if !ok {
				return meeting.Errork(meeting.EINVALID, "store.ConsentNotInCluster", yd)
			}
			if err := appendConsent(ctx, tx, m.ID, id, meeting.Consent{Ydernummer: yd, Given: true, At: m.Consents[yd]}); err != nil {
				return err
			}
		}
		m.Consents = maps.Clone(m.Consents)
	} else {
		m.Consents = nil
	}
	return nil
}
