package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/klynge/klynge/meeting"
)

// growingTables are the tables that grow with every meeting and member:
// a query that reads one meeting's or one member's rows from them must
// find those rows by an index, not by reading the whole table, or ten
// years of history slow down every screen.
var growingTables = []string{
	"attendance", "attendance_log", "pledges", "pledge_reviews", "meeting_values",
	"consent_log", "meeting_codes", "meeting_groups", "group_notes", "guests", "agenda_items",
	"evaluation_scores", "evaluation_notes", "decisions", "plan", "data_arrivals", "region_figures",
}

// TestQueryPlans runs the store's per-meeting and per-member reads and the
// writes of a meeting evening through a driver that records every
// statement, asks SQLite for the plan of each (EXPLAIN QUERY PLAN) and
// fails on a full scan of a table that grows with the history.
func TestQueryPlans(t *testing.T) {
	ctx := context.Background()
	f := mustPledgeFixture(t)
	s := countingStore(t, f.path)
	counter.reset()
	at := f.m1.PlannedStart.Add(time.Minute)
	var member meeting.Member
	for _, p := range f.c.Practices {
		if len(p.Members) > 0 {
			member = p.Members[0]
			break
		}
	}
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	mustV := func(what string) func(any, error) {
		return func(_ any, err error) { t.Helper(); must(what, err) }
	}
	// The reads of opening a meeting, its screens and its exports.
	mustV("Meeting")(s.Meeting(ctx, f.m1.ID))
	mustV("Meetings")(s.Meetings(ctx))
	mustV("LatestMeeting")(s.LatestMeeting(ctx))
	mustV("Cluster")(s.Cluster(ctx, f.c.ID))
	mustV("Clusters")(s.Clusters(ctx))
	mustV("Member")(s.Member(ctx, member.ID))
	mustV("AttendanceLog")(s.AttendanceLog(ctx, f.m1.ID))
	mustV("AttendanceHistory")(s.AttendanceHistory(ctx, f.c.ID, time.Time{}))
	mustV("AttendanceHistory since")(s.AttendanceHistory(ctx, f.c.ID, f.m1.PlannedStart))
	mustV("ConsentLog")(s.ConsentLog(ctx, f.m1.ID))
	mustV("PreviousGroups")(s.PreviousGroups(ctx, f.m2.ID))
	mustV("DataVersion")(s.DataVersion(ctx))
	mustV("DatabaseID")(s.DatabaseID(ctx))
	mustV("IndicatorHistory")(s.IndicatorHistory(ctx, f.m2.ID, "kol-forloebsplan"))
	mustV("IndicatorHistories")(s.IndicatorHistories(ctx, f.m2.ID, []string{"kol-forloebsplan", "kol-spirometri"}))
	// The writes of an evening.
	must("RecordAttendance", s.RecordAttendance(ctx, f.m1.ID, meeting.Attendance{MemberID: member.ID, Status: meeting.StatusPresent, At: at}))
	mustV("SetAttendance")(s.SetAttendance(ctx, f.m1.ID, meeting.Attendance{MemberID: member.ID, Status: meeting.StatusLate, At: at}))
	mustV("AddGuest")(s.AddGuest(ctx, f.m1.ID, meeting.Guest{Name: "Gæst"}))
	mustV("RemoveGuest")(s.RemoveGuest(ctx, f.m1.ID, 0))
	p, err := s.SavePledge(ctx, testPledge(f.m1.ID))
	must("SavePledge", err)
	p.Action = "Ændret"
	mustV("SavePledge edit")(s.SavePledge(ctx, p))
	mustV("Pledges")(s.Pledges(ctx, f.m1.ID))
	mustV("PledgesWithDeleted")(s.PledgesWithDeleted(ctx, f.m1.ID))
	mustV("OpenPledges")(s.OpenPledges(ctx, f.m2.ID))
	mustV("OpenPledgeCount")(s.OpenPledgeCount(ctx, f.m2.ID))
	mustV("ReviewPledge")(s.ReviewPledge(ctx, p.ID, f.m2.ID, meeting.OutcomeDone, "", at))
	mustV("DeletePledge")(s.DeletePledge(ctx, p.ID, at))
	mustV("RestorePledge")(s.RestorePledge(ctx, p.ID))
	mustV("AddPledges")(s.AddPledges(ctx, f.m2.ID, []meeting.Pledge{testPledge(0)}, nil))
	must("RecordConsent", s.RecordConsent(ctx, f.m1.ID, "047318", true, at))
	mustV("SetConsent")(s.SetConsent(ctx, f.m1.ID, "047318", false, at))
	must("RecordSlide", s.RecordSlide(ctx, f.m1.ID, 1))
	must("RecordChart", s.RecordChart(ctx, f.m1.ID, meeting.ChartState{Page: 1}))
	item := f.m1.Items[len(f.m1.Items)-1]
	tm, err := meeting.Timer{Planned: 20 * time.Minute}.Start(at)
	must("timer", err)
	must("RecordTimer", s.RecordTimer(ctx, f.m1.ID, item.ID, tm))
	next, err := f.m1.Start(at)
	must("Start", err)
	must("RecordRunState", s.RecordRunState(ctx, f.m1.ID, next.Started, next.Items[:1]))
	mustV("SaveRun")(s.SaveRun(ctx, next))
	_, _, err = s.UpdateRun(ctx, f.m1.ID, func(m meeting.Meeting) (meeting.Meeting, error) { return m.Next(at.Add(time.Minute)) })
	must("UpdateRun", err)
	groups := []meeting.Group{{Number: 1, Members: []meeting.GroupMember{{MemberID: member.ID}}}}
	mustV("SaveGroups")(s.SaveGroups(ctx, f.m1.ID, groups))
	mustV("SaveGroupNote")(s.SaveGroupNote(ctx, f.m1.ID, item.ID, 1, "note"))
	must("RecordNote", s.RecordNote(ctx, f.m1.ID, item.ID, 1, "note 2"))
	v := 12.5
	mustV("ImportValues")(s.ImportValues(ctx, f.m2.ID, []meeting.DataRow{{Ydernummer: "047318", Indicator: "kol-forloebsplan", Value: &v}}))
	// Collecting: the arrival log and a region figure, read back by Meeting.
	var regionless string
	for _, ind := range f.m2.Pack.Indicators {
		if ind.Region == nil {
			regionless = ind.ID
		}
	}
	var regions []meeting.RegionFigure
	if regionless != "" {
		regions = []meeting.RegionFigure{{Indicator: regionless, Value: 1, Source: "region.csv", Practices: 5}}
	}
	mustV("ImportFigures")(s.ImportFigures(ctx, f.m2.ID, meeting.FigureImport{At: at, Regions: regions,
		Rows: []meeting.DataRow{{Ydernummer: "047318", Indicator: "kol-forloebsplan", Value: &v}}, Sources: map[string]string{"047318": "tal.csv"}}))
	mustV("Meeting with arrivals")(s.Meeting(ctx, f.m2.ID))
	member.Email = "ny@example.dk"
	mustV("UpdateMember")(s.UpdateMember(ctx, member))

	codes := map[string]string{}
	for i, p := range f.c.Practices {
		codes[p.Ydernummer] = string(rune('A' + i))
	}
	mustV("RegenerateCodes")(s.RegenerateCodes(ctx, f.m2.ID, codes))
	mustV("AddMember")(s.AddMember(ctx, f.c.ID, "047318", meeting.Member{Name: "Ny Læge"}, ""))
	mustV("RetireMember")(s.RetireMember(ctx, member.ID, at))
	mustV("ImportRoster")(s.ImportRoster(ctx, f.c.ID, f.c.Practices, at))
	mustV("CreateMeeting")(s.CreateMeeting(ctx, testMeeting(f.c.ID)))

	// The evaluation, the decisions and the year plan, on a meeting the
	// evening above left alone. Meeting and Meetings read the scores,
	// notes and decisions back.
	ev := f.m2.Items[itemOfKind(t, f.m2, meeting.KindEvaluation)].ID
	must("RecordScore", s.RecordScore(ctx, f.m2.ID, ev, 8, 1))
	must("RecordScore hands", s.RecordScore(ctx, f.m2.ID, ev, 6, 5))
	must("UndoScore", s.UndoScore(ctx, f.m2.ID, ev))
	must("RecordEvaluationNotes", s.RecordEvaluationNotes(ctx, f.m2.ID, ev, "Godt", "Mere tid"))
	must("RecordEvaluationNotes clear", s.RecordEvaluationNotes(ctx, f.m2.ID, ev, "", ""))
	d, err := s.SaveDecision(ctx, meeting.Decision{MeetingID: f.m2.ID, ItemID: ev, Text: "Næste møde i april", Unanimous: true, Made: at})
	must("SaveDecision", err)
	d.Text = "Næste møde i maj"
	mustV("SaveDecision edit")(s.SaveDecision(ctx, d))
	mustV("Meeting with evaluation")(s.Meeting(ctx, f.m2.ID))
	mustV("Meetings with evaluation")(s.Meetings(ctx))
	must("DeleteDecision", s.DeleteDecision(ctx, f.m2.ID, d.ID))
	pm, err := s.SavePlanned(ctx, meeting.PlannedMeeting{ClusterID: f.c.ID, Start: at.AddDate(0, 3, 0), Place: "Lægehuset", Topic: "KOL"})
	must("SavePlanned", err)
	pm.MeetingID = f.m2.ID
	mustV("SavePlanned edit")(s.SavePlanned(ctx, pm))
	mustV("Plan")(s.Plan(ctx, f.c.ID))
	must("DeletePlanned", s.DeletePlanned(ctx, f.c.ID, pm.ID))

	// The check itself must see a full scan, aliased or not.
	for _, q := range []string{`SELECT * FROM attendance a WHERE a.reason = ?`, `SELECT count(*) FROM pledges`,
		`SELECT v.value FROM meetings m JOIN meeting_values v ON v.indicator = m.title`} {
		plan, _ := explain(t, s, q)
		if !slices.ContainsFunc(plan, func(l string) bool { _, full := fullScan(q, l); return full }) {
			t.Errorf("the plan of %s is not seen as a full scan:\n%s", q, strings.Join(plan, "\n"))
		}
	}

	queries := slices.Clone(counter.log)
	slices.Sort(queries)
	queries = slices.Compact(queries)
	if len(queries) < 40 {
		t.Fatalf("only %d distinct statements recorded: the tracing does not see the store's queries", len(queries))
	}
	checked := 0
	for _, q := range queries {
		plan, ok := explain(t, s, q)
		if !ok {
			continue
		}
		checked++
		for _, l := range plan {
			if strings.HasPrefix(l, "SCAN") {
				t.Logf("%s  <=  %.90s", l, q)
			}
		}
		for _, line := range plan {
			if table, full := fullScan(q, line); full {
				t.Errorf("full scan of %s (%q) in:\n%s\nplan:\n%s", table, line, q, strings.Join(plan, "\n"))
			}
		}
	}
	t.Logf("%d statements, %d plans checked", len(queries), checked)
}

// scanLine matches a plan step that reads a whole table: "SCAN
// attendance", "SCAN a" for an alias, "SCAN a USING COVERING INDEX …" (a
// whole index is as long as its table), and "SEARCH v USING AUTOMATIC …
// INDEX", an index SQLite builds for the one query by reading the table.
var scanLine = regexp.MustCompile(`^(?:SCAN (\S+)|SEARCH (\S+) USING AUTOMATIC)`)

// tableRef matches a table named in a FROM or JOIN with its alias.
var tableRef = regexp.MustCompile(`(?i)\b(?:FROM|JOIN|UPDATE|INTO)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?`)

// notAlias are the words that can follow a table name without being its
// alias.
var notAlias = []string{"WHERE", "JOIN", "LEFT", "INNER", "CROSS", "ON", "ORDER", "GROUP", "LIMIT", "USING",
	"SET", "VALUES", "SELECT", "DEFAULT", "AS", "UNION", "NATURAL"}

// fullScan reports whether plan step line of query q reads a whole
// growing table, and which.
func fullScan(q, line string) (string, bool) {
	m := scanLine.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	name := m[1] + m[2]
	aliases := map[string]string{}
	for _, r := range tableRef.FindAllStringSubmatch(q, -1) {
		aliases[r[1]] = r[1]
		if r[2] != "" && !slices.Contains(notAlias, strings.ToUpper(r[2])) {
			aliases[r[2]] = r[1]
		}
	}
	if t, ok := aliases[name]; ok {
		name = t
	}
	return name, slices.Contains(growingTables, name)
}

// explain returns the plan of query q, one line per step; ok is false for
// statements that have no plan worth checking (transaction control,
// pragmas, DDL).
func explain(t *testing.T, s *Store, q string) (plan []string, ok bool) {
	t.Helper()
	upper := strings.ToUpper(strings.TrimSpace(q))
	if !slices.ContainsFunc([]string{"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"}, func(p string) bool { return strings.HasPrefix(upper, p) }) {
		return nil, false
	}
	conn, err := s.db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		c := dc.(countingConn).SQLiteConn
		st, err := c.Prepare("EXPLAIN QUERY PLAN " + q)
		if err != nil {
			return err
		}
		defer st.Close()
		args := make([]driver.Value, st.NumInput())
		rows, err := st.(*sqlite3.SQLiteStmt).Query(args) //nolint:staticcheck // the driver's own API, no context needed
		if err != nil {
			return err
		}
		defer rows.Close()
		row := make([]driver.Value, len(rows.Columns()))
		for rows.Next(row) == nil {
			plan = append(plan, fmt.Sprint(row[len(row)-1]))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("EXPLAIN QUERY PLAN %s: %v", q, err)
	}
	return plan, true
}

// deletedParents are the tables whose rows get deleted: SaveRun drops
// agenda items, and a meeting's rows all hang on the meeting. Members and
// practices are retired, never deleted, so the keys that point at them
// cost nothing.
var deletedParents = []string{"agenda_items", "meetings"}

// TestForeignKeysIndexed checks that every foreign key of a growing table
// to a table whose rows get deleted has an index that starts with its
// columns. Deleting a parent row makes SQLite find the child rows by that
// key to cascade; without an index it reads the whole child table, and
// EXPLAIN QUERY PLAN of the DELETE does not show that, so TestQueryPlans
// cannot see it.
func TestForeignKeysIndexed(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	columnsOf := func(q string, args ...any) [][2]string {
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out [][2]string
		for rows.Next() {
			var a, b string
			if err := rows.Scan(&a, &b); err != nil {
				t.Fatal(err)
			}
			out = append(out, [2]string{a, b})
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, table := range growingTables {
		// Each index's columns in order, and the primary key's.
		var indexes [][]string
		for _, ix := range columnsOf(`SELECT name, origin FROM pragma_index_list(?)`, table) {
			var cols []string
			for _, c := range columnsOf(`SELECT seqno, coalesce(name, '') FROM pragma_index_info(?) ORDER BY seqno`, ix[0]) {
				cols = append(cols, c[1])
			}
			indexes = append(indexes, cols)
		}
		var pk []string
		for _, c := range columnsOf(`SELECT pk, name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`, table) {
			pk = append(pk, c[1])
		}
		indexes = append(indexes, pk)
		keys := map[string][]string{}
		var ids []string
		for _, fk := range columnsOf(`SELECT id, "from" FROM pragma_foreign_key_list(?) WHERE "table" IN (SELECT value FROM json_each(?)) ORDER BY id, seq`,
			table, `["`+strings.Join(deletedParents, `","`)+`"]`) {
			if _, ok := keys[fk[0]]; !ok {
				ids = append(ids, fk[0])
			}
			keys[fk[0]] = append(keys[fk[0]], fk[1])
		}
		if len(columnsOf(`SELECT name, type FROM pragma_table_info(?)`, table)) == 0 {
			t.Errorf("growing table %s does not exist", table)
		}
		for _, id := range ids {
			key := keys[id]
			covered := slices.ContainsFunc(indexes, func(cols []string) bool {
				if len(cols) < len(key) {
					return false
				}
				// The key's columns in any order, leading the index.
				lead := slices.Clone(cols[:len(key)])
				k := slices.Clone(key)
				slices.Sort(lead)
				slices.Sort(k)
				return slices.Equal(lead, k)
			})
			if !covered {
				t.Errorf("foreign key %s(%s) has no index starting with its columns: a delete of its parent reads the whole table", table, strings.Join(key, ", "))
			}
		}
	}
}
