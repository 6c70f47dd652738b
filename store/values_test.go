package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"maps"
	"math"
	mrand "math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// testYdernumre are testCluster's practices.
var testYdernumre = []string{"012345", "045678", "099999"}

// testCodes draws a code key for testCluster from a fixed stream.
func testCodes(tb testing.TB, seed byte) map[string]string {
	tb.Helper()
	codes, err := meeting.NewCodes(testYdernumre, mrand.NewChaCha8([32]byte{seed}))
	if err != nil {
		tb.Fatal(err)
	}
	return codes
}

func share(yd string, num, den float64) meeting.DataRow {
	return meeting.DataRow{Ydernummer: yd, Indicator: "kol-forloebsplan", Numerator: &num, Denominator: &den, Period: "2025"}
}

func listSize(yd string, v float64) meeting.DataRow {
	return meeting.DataRow{Ydernummer: yd, Indicator: "listestr", Value: &v, Period: "2025"}
}

// valuesText shows figures one a line, for comparing and failure messages.
func valuesText(rows []meeting.DataRow) string {
	var b bytes.Buffer
	f := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return formatFloat(*p)
	}
	for _, r := range rows {
		b.WriteString(r.Indicator + " " + r.Ydernummer + " " + f(r.Numerator) + "/" + f(r.Denominator) + " =" + f(r.Value) + " " + r.Period + "\n")
	}
	return b.String()
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func wantValues(tb testing.TB, got []meeting.DataRow, want ...meeting.DataRow) {
	tb.Helper()
	want = slices.Clone(want)
	sortValues(want)
	if g, w := valuesText(got), valuesText(want); g != w {
		tb.Errorf("values:\n%swant:\n%s", g, w)
	}
}

// wantConsents compares consents as instants with their offsets.
func wantConsents(tb testing.TB, got, want map[string]time.Time) {
	tb.Helper()
	if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
		tb.Fatalf("consents %v, want %v", got, want)
	}
	for yd, at := range want {
		if !sameTime(got[yd], at) {
			tb.Errorf("consent of %s at %v, want %v", yd, got[yd], at)
		}
	}
}

func TestCreateMeeting_PracticeData(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	in := testMeeting(mustCluster(t, s))
	in.Codes = testCodes(t, 1)
	in.Values = []meeting.DataRow{listSize("099999", 1650), share("045678", 12, 40), share("012345", 40, 40), listSize("012345", 4870.5)}
	agreed := time.Date(2025, 3, 4, 18, 2, 0, 0, time.FixedZone("CET", 3600))
	in.Consents = map[string]time.Time{"045678": agreed}
	values := slices.Clone(in.Values)

	m, err := s.CreateMeeting(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(in.Values, values) {
		t.Error("CreateMeeting reordered the caller's values")
	}
	wantValues(t, m.Values, values...)
	if m.Values[0].Indicator != "kol-forloebsplan" || m.Values[0].Ydernummer != "012345" {
		t.Errorf("values not ordered by indicator, then ydernummer:\n%s", valuesText(m.Values))
	}
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	latest, err := s.LatestMeeting(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Meetings(ctx)
	if err != nil || len(all) != 1 {
		t.Fatalf("Meetings: %d, %v", len(all), err)
	}
	for name, read := range map[string]meeting.Meeting{"Meeting": got, "LatestMeeting": latest, "Meetings": all[0]} {
		t.Run(name, func(t *testing.T) {
			equalMeetings(t, read, m)
			wantValues(t, read.Values, values...)
			if !maps.Equal(read.Codes, in.Codes) {
				t.Errorf("codes %v, want %v", read.Codes, in.Codes)
			}
			wantConsents(t, read.Consents, in.Consents)
		})
	}
}

func TestCreateMeeting_WithoutPracticeDataReadsBackNil(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	in := testMeeting(mustCluster(t, s))
	in.Codes, in.Values, in.Consents = map[string]string{}, []meeting.DataRow{}, map[string]time.Time{}
	m, err := s.CreateMeeting(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, mm := range []meeting.Meeting{m, got} {
		if mm.Codes != nil || mm.Values != nil || mm.Consents != nil {
			t.Errorf("want nil codes, values and consents, got %v %v %v", mm.Codes, mm.Values, mm.Consents)
		}
	}
}

func TestCreateMeeting_PracticeDataInvalid(t *testing.T) {
	codes := func(edit func(map[string]string)) map[string]string {
		c := map[string]string{"012345": "B", "045678": "A", "099999": "C"}
		edit(c)
		return c
	}
	tests := []struct {
		name string
		edit func(*meeting.Meeting)
		want []string
	}{
		{"code for a practice of no cluster", func(m *meeting.Meeting) {
			m.Codes = codes(func(c map[string]string) { c["777777"] = "D" })
		}, []string{"777777", "not in the meeting's cluster"}},
		{"two practices, one code", func(m *meeting.Meeting) {
			m.Codes = codes(func(c map[string]string) { c["099999"] = "A" })
		}, []string{"both have letter code A"}},
		{"practice without a code", func(m *meeting.Meeting) {
			m.Codes = codes(func(c map[string]string) { delete(c, "099999") })
		}, []string{"099999 has no letter code"}},
		{"code not of capital letters", func(m *meeting.Meeting) {
			m.Codes = codes(func(c map[string]string) { c["099999"] = "c1" })
		}, []string{`"c1"`, "capital letters"}},
		{"value for a practice not in the cluster", func(m *meeting.Meeting) {
			m.Values = []meeting.DataRow{share("777777", 1, 2)}
		}, []string{"777777", "not in the meeting's cluster"}},
		{"unknown indicator", func(m *meeting.Meeting) {
			r := share("012345", 1, 2)
			r.Indicator = "kol-spiro"
			m.Values = []meeting.DataRow{r}
		}, []string{`"kol-spiro"`, "no such indicator"}},
		{"denominator 0", func(m *meeting.Meeting) {
			m.Values = []meeting.DataRow{share("012345", 0, 0)}
		}, []string{"denominator must be above 0"}},
		{"share over 100 %", func(m *meeting.Meeting) {
			m.Values = []meeting.DataRow{share("012345", 12, 10)}
		}, []string{"numerator 12 is above the denominator 10"}},
		{"value and numerator", func(m *meeting.Meeting) {
			r := share("012345", 1, 2)
			r.Value = ptr(50.0)
			m.Values = []meeting.DataRow{r}
		}, []string{"not both"}},
		{"no figure", func(m *meeting.Meeting) {
			m.Values = []meeting.DataRow{{Ydernummer: "012345", Indicator: "listestr"}}
		}, []string{"give a value, or both"}},
		{"not finite", func(m *meeting.Meeting) {
			m.Values = []meeting.DataRow{listSize("012345", math.Inf(1))}
		}, []string{"not finite"}},
		{"twice the same pair", func(m *meeting.Meeting) {
			m.Values = []meeting.DataRow{listSize("012345", 1), listSize("045678", 2), listSize("012345", 3)}
		}, []string{"figure 3", "figure 1 is for the same practice and indicator"}},
		{"consent of a practice not in the cluster", func(m *meeting.Meeting) {
			m.Consents = map[string]time.Time{"777777": time.Now()}
		}, []string{"777777"}},
		{"consent without time", func(m *meeting.Meeting) {
			m.Consents = map[string]time.Time{"012345": {}}
		}, []string{"no time"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			ctx := context.Background()
			m := testMeeting(mustCluster(t, s))
			tt.edit(&m)
			_, err := s.CreateMeeting(ctx, m)
			wantError(t, err, meeting.EINVALID, tt.want...)
			if ms, err := s.Meetings(ctx); err != nil || len(ms) != 0 {
				t.Errorf("a refused meeting was stored: %d meetings, %v", len(ms), err)
			}
		})
	}
}

func TestImportValues_Upsert(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	in := testMeeting(mustCluster(t, s))
	in.Values = []meeting.DataRow{share("012345", 10, 40), share("045678", 12, 40), listSize("012345", 4870)}
	m, err := s.CreateMeeting(ctx, in)
	if err != nil {
		t.Fatal(err)
	}

	changed := listSize("012345", 4900)
	changed.Period = "2026"
	rows := []meeting.DataRow{
		share("045678", 12, 40), // as stored
		changed,                 // new figure and period
		share("099999", 3, 4),   // new pair
	}
	res, err := s.ImportValues(ctx, m.ID, rows)
	if err != nil {
		t.Fatal(err)
	}
	if want := (ImportResult{Added: 1, Replaced: 1, Unchanged: 1}); res != want {
		t.Errorf("result %+v, want %+v", res, want)
	}
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	// share 012345 was not in the file and stays.
	wantValues(t, got.Values, share("012345", 10, 40), share("045678", 12, 40), changed, share("099999", 3, 4))

	// A value may replace a numerator and denominator, and back.
	ready := meeting.DataRow{Ydernummer: "012345", Indicator: "kol-forloebsplan", Value: ptr(25.0), Period: "2025"}
	if res, err = s.ImportValues(ctx, m.ID, []meeting.DataRow{ready}); err != nil || res != (ImportResult{Replaced: 1}) {
		t.Fatalf("%+v, %v", res, err)
	}
	if got, err = s.Meeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	wantValues(t, got.Values, ready, share("045678", 12, 40), changed, share("099999", 3, 4))

	// After the start, corrections still go in.
	if _, err := startMeeting(ctx, s, m.ID, time.Date(2025, 3, 4, 17, 31, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if res, err = s.ImportValues(ctx, m.ID, []meeting.DataRow{share("012345", 11, 40)}); err != nil || res != (ImportResult{Replaced: 1}) {
		t.Errorf("import after start: %+v, %v", res, err)
	}
}

func TestImportValues_RefusesAndKeepsStored(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	in := testMeeting(mustCluster(t, s))
	in.Values = []meeting.DataRow{share("012345", 10, 40)}
	m, err := s.CreateMeeting(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	other := meeting.Cluster{Name: "Nabo", Practices: []meeting.Practice{{Ydernummer: "777777", Name: "Nabolægen"}}}
	if _, err := s.CreateCluster(ctx, other); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		id   int64
		rows []meeting.DataRow
		code string
		want string
	}{
		{"no rows", m.ID, nil, meeting.EINVALID, "no figures"},
		{"unknown meeting", 99, []meeting.DataRow{share("012345", 1, 2)}, meeting.ENOTFOUND, "meeting 99"},
		// A good row first: nothing of the file is stored.
		{"practice of another cluster", m.ID, []meeting.DataRow{share("045678", 1, 2), share("777777", 1, 2)}, meeting.EINVALID, "figure 2 (practice 777777"},
		{"unknown indicator", m.ID, []meeting.DataRow{share("045678", 1, 2), {Ydernummer: "012345", Indicator: "x", Value: ptr(1.0)}}, meeting.EINVALID, "no such indicator"},
		{"duplicate", m.ID, []meeting.DataRow{share("045678", 1, 2), share("045678", 1, 3)}, meeting.EINVALID, "same practice and indicator"},
		{"percentage over 100", m.ID, []meeting.DataRow{{Ydernummer: "012345", Indicator: "kol-forloebsplan", Value: ptr(120.0)}}, meeting.EINVALID, "within 0–100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ImportValues(ctx, tt.id, tt.rows)
			wantError(t, err, tt.code, tt.want)
			got, err := s.Meeting(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			wantValues(t, got.Values, share("012345", 10, 40))
		})
	}
}

func TestRegenerateCodes(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	in := testMeeting(mustCluster(t, s))
	in.Codes = testCodes(t, 1)
	m, err := s.CreateMeeting(ctx, in)
	if err != nil {
		t.Fatal(err)
	}

	fresh := testCodes(t, 2)
	if maps.Equal(fresh, in.Codes) {
		t.Fatal("pick seeds that draw different codes")
	}
	got, err := s.RegenerateCodes(ctx, m.ID, fresh)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got.Codes, fresh) {
		t.Errorf("codes %v, want %v", got.Codes, fresh)
	}

	bad := maps.Clone(fresh)
	bad["012345"] = bad["045678"]
	_, err = s.RegenerateCodes(ctx, m.ID, bad)
	wantError(t, err, meeting.EINVALID, "both have letter code")
	_, err = s.RegenerateCodes(ctx, m.ID, nil)
	wantError(t, err, meeting.EINVALID, "no letter codes")
	_, err = s.RegenerateCodes(ctx, 99, fresh)
	wantError(t, err, meeting.ENOTFOUND, "meeting 99")

	start := time.Date(2025, 3, 4, 17, 31, 0, 0, time.FixedZone("CET", 3600))
	if _, err := startMeeting(ctx, s, m.ID, start); err != nil {
		t.Fatal(err)
	}
	_, err = s.RegenerateCodes(ctx, m.ID, testCodes(t, 3))
	wantError(t, err, meeting.ECONFLICT, "started at 2025-03-04 17:31", "cannot change")
	if got, err = s.Meeting(ctx, m.ID); err != nil || !maps.Equal(got.Codes, fresh) {
		t.Errorf("codes after the refusal: %v, %v; want %v", got.Codes, err, fresh)
	}

	// A started meeting without any codes (made before klynge kept them)
	// may get its first.
	old, err := s.CreateMeeting(ctx, testMeeting(m.ClusterID))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := startMeeting(ctx, s, old.ID, start); err != nil {
		t.Fatal(err)
	}
	if got, err = s.RegenerateCodes(ctx, old.ID, fresh); err != nil || !maps.Equal(got.Codes, fresh) {
		t.Errorf("first codes for a started meeting: %v, %v", got.Codes, err)
	}
}

func TestCodesAreUniquePerMeeting(t *testing.T) {
	// Real draws, many times: every practice a code, no two alike, and
	// the same letters as codes from another meeting.
	s := mustOpen(t)
	ctx := context.Background()
	clusterID := mustCluster(t, s)
	for range 20 {
		in := testMeeting(clusterID)
		var err error
		if in.Codes, err = meeting.NewCodes(testYdernumre, rand.Reader); err != nil {
			t.Fatal(err)
		}
		m, err := s.CreateMeeting(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		letters := slices.Sorted(maps.Values(m.Codes))
		if !slices.Equal(letters, []string{"A", "B", "C"}) {
			t.Fatalf("codes %v", m.Codes)
		}
	}
}

func TestSetConsent(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	m, err := s.CreateMeeting(ctx, testMeeting(mustCluster(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	cph := time.FixedZone("CET", 3600)
	t1 := time.Date(2025, 3, 4, 18, 0, 0, 0, cph)
	t2, t3 := t1.Add(10*time.Minute), t1.Add(20*time.Minute).UTC()
	steps := []struct {
		yd    string
		given bool
		at    time.Time
		want  map[string]time.Time
	}{
		{"012345", true, t1, map[string]time.Time{"012345": t1}},
		{"045678", true, t1, map[string]time.Time{"012345": t1, "045678": t1}},
		{"012345", false, t2, map[string]time.Time{"045678": t1}},
		{"012345", true, t3, map[string]time.Time{"012345": t3, "045678": t1}},
		// A withdrawal recorded with an earlier clock still holds: the
		// latest entry counts, not the latest time.
		{"045678", false, t1.Add(-time.Hour), map[string]time.Time{"012345": t3}},
	}
	for i, st := range steps {
		got, err := s.SetConsent(ctx, m.ID, st.yd, st.given, st.at)
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		wantConsents(t, got.Consents, st.want)
		read, err := s.Meeting(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantConsents(t, read.Consents, st.want)
	}
	log, err := s.ConsentLog(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != len(steps) {
		t.Fatalf("log has %d entries, want %d", len(log), len(steps))
	}
	for i, st := range steps {
		if log[i].Ydernummer != st.yd || log[i].Given != st.given || !sameTime(log[i].At, st.at) {
			t.Errorf("entry %d = %+v, want %s %v %v", i+1, log[i], st.yd, st.given, st.at)
		}
	}

	_, err = s.SetConsent(ctx, m.ID, "777777", true, t1)
	wantError(t, err, meeting.EINVALID, `"777777" is not in the cluster`)
	_, err = s.SetConsent(ctx, m.ID, "012345", true, time.Time{})
	wantError(t, err, meeting.EINVALID, "time")
	_, err = s.SetConsent(ctx, 99, "012345", true, t1)
	wantError(t, err, meeting.ENOTFOUND, "meeting 99")
	_, err = s.ConsentLog(ctx, 99)
	wantError(t, err, meeting.ENOTFOUND, "meeting 99")
}

func TestPracticeData_Constraints(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	in := testMeeting(mustCluster(t, s))
	in.Codes = testCodes(t, 1)
	in.Values = []meeting.DataRow{share("012345", 10, 40)}
	m, err := s.CreateMeeting(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetConsent(ctx, m.ID, "012345", true, time.Now()); err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateCluster(ctx, meeting.Cluster{Name: "Nabo", Practices: []meeting.Practice{{Ydernummer: "777777", Name: "Nabolægen"}}})
	if err != nil {
		t.Fatal(err)
	}
	var own, foreign int64
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM practices WHERE ydernummer = '045678'`).Scan(&own); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM practices WHERE cluster_id = ?`, other.ID).Scan(&foreign); err != nil {
		t.Fatal(err)
	}
	value := func(practice any, cols string, vals ...any) error {
		args := append([]any{m.ID, practice}, vals...)
		_, err := s.db.ExecContext(ctx, `INSERT INTO meeting_values (meeting_id, practice_id, indicator, `+cols+`) VALUES (?, ?, 'listestr', ?, ?, ?)`, args...)
		return err
	}
	const figures = "numerator, denominator, value"
	tests := []struct {
		name string
		err  error
		code string
	}{
		{"value and numerator", value(own, figures, 1, 2, 3), meeting.EINVALID},
		{"no figure", value(own, figures, nil, nil, nil), meeting.EINVALID},
		{"numerator alone", value(own, figures, 1, nil, nil), meeting.EINVALID},
		{"denominator 0", value(own, figures, 0, 0, nil), meeting.EINVALID},
		{"negative numerator", value(own, figures, -1, 2, nil), meeting.EINVALID},
		{"value as text", value(own, figures, nil, nil, "mange"), meeting.EINVALID},
		{"practice of another cluster", value(foreign, figures, nil, nil, 1), meeting.EINVALID},
		{"practice that does not exist", value(999, figures, nil, nil, 1), meeting.EINVALID},
		{"second figure for a pair", func() error {
			_, err := s.db.ExecContext(ctx, `INSERT INTO meeting_values (meeting_id, practice_id, indicator, value) SELECT meeting_id, practice_id, indicator, 1 FROM meeting_values`)
			return err
		}(), meeting.ECONFLICT},
		{"lowercase code", rawExec(s, `UPDATE meeting_codes SET code = 'a' WHERE practice_id = ?`, own), meeting.EINVALID},
		{"code twice", rawExec(s, `UPDATE meeting_codes SET code = (SELECT code FROM meeting_codes WHERE practice_id <> ? LIMIT 1) WHERE practice_id = ?`, own, own), meeting.ECONFLICT},
		{"code for a practice of another cluster", rawExec(s, `INSERT INTO meeting_codes (meeting_id, practice_id, code) VALUES (?, ?, 'Z')`, m.ID, foreign), meeting.EINVALID},
		{"consent changed", rawExec(s, `UPDATE consent_log SET given = 0`), meeting.EINVALID},
		{"consent neither given nor withdrawn", rawExec(s, `INSERT INTO consent_log (meeting_id, practice_id, given, at) VALUES (?, ?, 2, '2025-03-04T18:00:00Z')`, m.ID, own), meeting.EINVALID},
		{"consent without a time", rawExec(s, `INSERT INTO consent_log (meeting_id, practice_id, given, at) VALUES (?, ?, 1, 'i aften')`, m.ID, own), meeting.EINVALID},
		{"consent of a practice of another cluster", rawExec(s, `INSERT INTO consent_log (meeting_id, practice_id, given, at) VALUES (?, ?, 1, '2025-03-04T18:00:00Z')`, m.ID, foreign), meeting.EINVALID},
		{"consent at an unknown meeting", rawExec(s, `INSERT INTO consent_log (meeting_id, practice_id, given, at) VALUES (99, ?, 1, '2025-03-04T18:00:00Z')`, own), meeting.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, translate(tt.err, phrase("store.DoSaveMeeting")), tt.code)
		})
	}

	// Deleting a meeting takes its figures, codes and consents with it.
	if _, err := s.db.ExecContext(ctx, `DELETE FROM meetings WHERE id = ?`, m.ID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"meeting_values", "meeting_codes", "consent_log"} {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s has %d rows after deleting the meeting (%v)", table, n, err)
		}
	}
}

func rawExec(s *Store, query string, args ...any) error {
	_, err := s.db.ExecContext(context.Background(), query, args...)
	return err
}

func TestMigration0003_FromSchema2(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 3 || ms[2].name != "0003_data.sql" {
		t.Fatalf("migration 3 is %+v", ms[2])
	}

	// A database at schema 2 with a meeting whose pack has data, one row
	// of which is for a practice outside the cluster, and one without.
	s, err := openWith(path, ms[:2])
	if err != nil {
		t.Fatal(err)
	}
	clusterID := schema1Cluster(t, s)
	withData := testMeeting(clusterID)
	withData.Pack.Data = append(withData.Pack.Data, share("777777", 1, 2), listSize("012345", 4870))
	withData = oldSchemaMeeting(t, s, withData)
	noData := testMeeting(clusterID)
	noData.Pack.Data = nil
	noData = oldSchemaMeeting(t, s, noData)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = mustOpenPath(t, path)
	if v, err := s.SchemaVersion(ctx); err != nil || v != LatestSchema() {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, LatestSchema())
	}
	got, err := s.Meeting(ctx, withData.ID)
	if err != nil {
		t.Fatal(err)
	}
	pack := testPack().Data
	wantValues(t, got.Values, pack[0], pack[1], listSize("012345", 4870))
	if got.Codes != nil || got.Consents != nil {
		t.Errorf("migrated meeting has codes %v, consents %v", got.Codes, got.Consents)
	}
	if !reflect.DeepEqual(got.Pack, withData.Pack) {
		t.Error("the migration changed the pack snapshot")
	}
	if got, err = s.Meeting(ctx, noData.ID); err != nil || got.Values != nil {
		t.Errorf("meeting without data: %v, %v", got.Values, err)
	}
	for _, table := range []string{"meeting_values", "meeting_codes", "consent_log"} {
		var strict int
		if err := s.db.QueryRowContext(ctx, `SELECT strict FROM pragma_table_list WHERE name = ?`, table).Scan(&strict); err != nil || strict != 1 {
			t.Errorf("%s strict = %d, %v", table, strict, err)
		}
	}
	var integrity string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Errorf("integrity_check: %q, %v", integrity, err)
	}
	var fkProblems int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fkProblems); err != nil || fkProblems != 0 {
		t.Errorf("foreign_key_check: %d problems, %v", fkProblems, err)
	}

	// The migrated meetings work with the new methods.
	if _, err := s.RegenerateCodes(ctx, noData.ID, testCodes(t, 1)); err != nil {
		t.Error(err)
	}
	if _, err := s.ImportValues(ctx, withData.ID, []meeting.DataRow{share("099999", 1, 2)}); err != nil {
		t.Error(err)
	}
	if _, err := s.SetConsent(ctx, withData.ID, "099999", true, time.Now()); err != nil {
		t.Error(err)
	}
}
