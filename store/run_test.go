package store

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// statuses is the live agenda's statuses, one letter an item: Pending,
// Running, Done, Skipped.
// startMeeting starts meeting id at at the way the app does:
// meeting.Meeting.Start, then SaveRun.
func startMeeting(ctx context.Context, s *Store, id int64, at time.Time) (meeting.Meeting, error) {
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return m, err
	}
	if m, err = m.Start(at); err != nil {
		return m, err
	}
	return s.SaveRun(ctx, m)
}

// saveTimer stores timer tm of item i of meeting id the way the app does:
// SaveRun of the meeting with only that timer changed.
func saveTimer(ctx context.Context, s *Store, id int64, i int, tm meeting.Timer) (meeting.Meeting, error) {
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return m, err
	}
	m.Items = slices.Clone(m.Items)
	m.Items[i].Timer = tm
	return s.SaveRun(ctx, m)
}

func statuses(items []meeting.RunItem) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(strings.ToUpper(string(it.Status())[:1]))
	}
	return b.String()
}

// indexOf returns the index of the item titled title.
func indexOf(tb testing.TB, m meeting.Meeting, title string) int {
	tb.Helper()
	for i, it := range m.Items {
		if it.Title == title {
			return i
		}
	}
	tb.Fatalf("no item %q in\n%s", title, itemsText(m.Items))
	return -1
}

// checkLists fails unless every pack item of m has its snapshot item's
// questions and indicators, nil and empty kept apart.
func checkLists(tb testing.TB, m meeting.Meeting) {
	tb.Helper()
	for i, it := range m.Items {
		if it.AdHoc() {
			continue
		}
		a := m.Pack.Agenda[it.PackIndex]
		if !reflect.DeepEqual(it.Questions, a.Questions) || !reflect.DeepEqual(it.Indicators, a.Indicators) {
			tb.Errorf("item %d (%q): questions %#v, indicators %#v; the pack's are %#v, %#v",
				i, it.Title, it.Questions, it.Indicators, a.Questions, a.Indicators)
		}
	}
}

// rawRows reads meeting id's agenda rows in order: their positions, ids,
// pack_index (-1 for NULL) and whether they have their own questions.
func rawRows(tb testing.TB, s *Store, id int64) (positions []int, ids []int64, packIndexes []int, ownQuestions []bool) {
	tb.Helper()
	rows, err := s.db.Query(`
		SELECT position, id, coalesce(pack_index, -1), questions_json IS NOT NULL
		FROM agenda_items WHERE meeting_id = ? ORDER BY position`, id)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var pos, pi int
		var rid int64
		var own bool
		if err := rows.Scan(&pos, &rid, &pi, &own); err != nil {
			tb.Fatal(err)
		}
		positions, ids, packIndexes, ownQuestions = append(positions, pos), append(ids, rid), append(packIndexes, pi), append(ownQuestions, own)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return positions, ids, packIndexes, ownQuestions
}

func TestCreateMeeting_ItemsFromPack(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	clusterID := mustCluster(t, s)
	for _, tc := range []struct {
		name  string
		items func(meeting.Pack) []meeting.RunItem
	}{
		{"made by meeting.New", meeting.ItemsFromPack},
		{"nil", func(meeting.Pack) []meeting.RunItem { return nil }},
		{"empty", func(meeting.Pack) []meeting.RunItem { return []meeting.RunItem{} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := testMeeting(clusterID)
			m.Items = tc.items(m.Pack)
			created, err := s.CreateMeeting(ctx, m)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Meeting(ctx, created.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := meeting.ItemsFromPack(testPack())
			equalItems(t, created.Items, want)
			equalItems(t, got.Items, want)
			equalItems(t, got.Items, created.Items)
			checkLists(t, got)
		})
	}
}

func TestCreateMeeting_LiveAgenda(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	m := testMeeting(mustCluster(t, s))
	at := time.Date(2025, 3, 4, 17, 32, 0, 5, time.FixedZone("CET", 3600))
	// Reordered, one pack item left out, one added, one pack item with
	// its own questions, one with none instead of the pack's empty list.
	m.Items = []meeting.RunItem{
		m.Items[0], m.Items[2], m.Items[1],
		{AgendaItem: meeting.AgendaItem{Kind: meeting.KindPlenum, Title: "Nyt punkt", Minutes: 5,
			Questions: []string{}, Indicators: []string{"kol-prevalens"}, Speaker: "Åse"}, PackIndex: -1},
		m.Items[3], m.Items[4],
	}
	m.Items[0].Started, m.Items[0].Ended = &at, ptr(at.Add(time.Minute))
	m.Items[1].Started = ptr(at.Add(time.Minute))
	m.Items[4].Questions = []string{"Egne spørgsmål"}
	m.Items[5].Questions = nil
	m.Items[5].Skipped = true
	m.Started = &at
	created, err := s.CreateMeeting(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Meeting(ctx, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalItems(t, got.Items, m.Items)
	equalItems(t, got.Items, created.Items)
	if st := statuses(got.Items); st != "DRPPPS" {
		t.Errorf("statuses %s, want DRPPPS", st)
	}
	_, _, packIndexes, own := rawRows(t, s, got.ID)
	if want := []int{0, 2, 1, -1, 3, 4}; !slices.Equal(packIndexes, want) {
		t.Errorf("pack_index %v, want %v", packIndexes, want)
	}
	if want := []bool{false, false, false, true, true, true}; !slices.Equal(own, want) {
		t.Errorf("own questions %v, want %v", own, want)
	}
}

func TestSaveRun_EveryOperation(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	m, err := s.CreateMeeting(ctx, testMeeting(mustCluster(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	cet := time.FixedZone("CET", 3600)
	t0 := time.Date(2025, 3, 4, 17, 31, 7, 123456789, cet)
	at := func(minutes int) time.Time { return t0.Add(time.Duration(minutes)*time.Minute + 17) }
	adHoc := meeting.AgendaItem{Kind: meeting.KindPlenum, Title: "Opsamling på data", Minutes: 5,
		Questions: []string{"Hvad tager vi med hjem?"}}

	// Pack order: Velkommen, Oplæg, Klyngens data, (group work), Pause,
	// Evaluering.
	for _, step := range []struct {
		name string
		do   func(meeting.Meeting) (meeting.Meeting, error)
		want string // statuses after the step
	}{
		{"start", func(m meeting.Meeting) (meeting.Meeting, error) { return m.Start(t0) }, "RPPPPP"},
		{"next", func(m meeting.Meeting) (meeting.Meeting, error) { return m.Next(at(6)) }, "DRPPPP"},
		{"next in UTC", func(m meeting.Meeting) (meeting.Meeting, error) { return m.Next(at(41).UTC()) }, "DDRPPP"},
		{"next in summer time", func(m meeting.Meeting) (meeting.Meeting, error) {
			return m.Next(at(58).In(time.FixedZone("CEST", 2*3600)))
		}, "DDDRPP"},
		{"back", func(m meeting.Meeting) (meeting.Meeting, error) { return m.Back() }, "DDRPPP"},
		{"skip the break", func(m meeting.Meeting) (meeting.Meeting, error) { return m.ToggleSkip(4) }, "DDRPSP"},
		{"shorten the evaluation", func(m meeting.Meeting) (meeting.Meeting, error) { return m.SetMinutes(5, 8) }, "DDRPSP"},
		{"move the evaluation up", func(m meeting.Meeting) (meeting.Meeting, error) { return m.Move(5, -1) }, "DDRPPS"},
		{"add an item", func(m meeting.Meeting) (meeting.Meeting, error) { return m.AddItem(adHoc, -1) }, "DDRPPPS"},
		{"start the added item", func(m meeting.Meeting) (meeting.Meeting, error) {
			return m.StartItem(indexOf(t, m, adHoc.Title), at(63))
		}, "DDDRPPS"},
		{"lengthen the added item", func(m meeting.Meeting) (meeting.Meeting, error) { return m.SetMinutes(3, 12) }, "DDDRPPS"},
		{"bring the break back", func(m meeting.Meeting) (meeting.Meeting, error) { return m.ToggleSkip(6) }, "DDDRPPP"},
		{"next after the added item", func(m meeting.Meeting) (meeting.Meeting, error) { return m.Next(at(75)) }, "DDDDRPP"},
		{"next", func(m meeting.Meeting) (meeting.Meeting, error) { return m.Next(at(96)) }, "DDDDDRP"},
		{"next", func(m meeting.Meeting) (meeting.Meeting, error) { return m.Next(at(104)) }, "DDDDDDR"},
		{"end", func(m meeting.Meeting) (meeting.Meeting, error) { return m.Next(at(105)) }, "DDDDDDD"},
	} {
		want, err := step.do(m)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if st := statuses(want.Items); st != step.want {
			t.Fatalf("%s: the domain gives %s, the test expects %s", step.name, st, step.want)
		}
		saved, err := s.SaveRun(ctx, want)
		if err != nil {
			t.Fatalf("%s: SaveRun: %v", step.name, err)
		}
		equalMeetings(t, saved, want)
		if t.Failed() {
			t.Fatalf("after %s", step.name)
		}

		// A new Store on the same file sees exactly what SaveRun returned.
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if s, err = Open(path); err != nil {
			t.Fatal(err)
		}
		got, err := s.Meeting(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		equalMeetings(t, got, saved)
		if st := statuses(got.Items); st != step.want {
			t.Errorf("%s: statuses after reopening %s, want %s", step.name, st, step.want)
		}
		checkLists(t, got)
		positions, ids, _, _ := rawRows(t, s, m.ID)
		for i := range positions {
			if positions[i] != i || ids[i] != got.Items[i].ID {
				t.Errorf("%s: row %d has position %d, id %d; want %d, %d", step.name, i, positions[i], ids[i], i, got.Items[i].ID)
			}
		}
		if t.Failed() {
			t.Fatalf("after %s:\n%s", step.name, itemsText(got.Items))
		}
		m = got
	}

	if !m.Ended() {
		t.Error("the meeting has not ended")
	}
	added := m.Items[indexOf(t, m, adHoc.Title)]
	if !added.AdHoc() || added.Minutes != 12 || !slices.Equal(added.Questions, adHoc.Questions) ||
		!sameTime(*added.Started, at(63)) || !sameTime(*added.Ended, at(75)) {
		t.Errorf("added item = %#v", added)
	}
	data := m.Items[indexOf(t, m, "Klyngens data")]
	// Started, ended by the third next, resumed by back, ended again
	// when the added item started.
	if !sameTime(*data.Started, at(41).UTC()) || !sameTime(*data.Ended, at(63)) {
		t.Errorf("data item ran %v – %v", data.Started, data.Ended)
	}
	if titles := []string{m.Items[5].Title, m.Items[6].Title}; !slices.Equal(titles, []string{"Evaluering", "Pause"}) {
		t.Errorf("last two items %v, want the evaluation moved before the break", titles)
	}
	if m.Items[5].Minutes != 8 {
		t.Errorf("evaluation has %d minutes, want 8", m.Items[5].Minutes)
	}
}

func TestSaveRun_ReordersInOneSave(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	m, err := s.CreateMeeting(ctx, testMeeting(mustCluster(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	extra := func(title string) meeting.RunItem {
		return meeting.RunItem{AgendaItem: meeting.AgendaItem{Kind: meeting.KindTalk, Title: title, Minutes: 3}, PackIndex: -1}
	}
	for _, tc := range []struct {
		name   string
		change func([]meeting.RunItem) []meeting.RunItem
	}{
		{"reverse", func(items []meeting.RunItem) []meeting.RunItem {
			slices.Reverse(items)
			return items
		}},
		{"rotate", func(items []meeting.RunItem) []meeting.RunItem {
			return append(items[1:], items[0])
		}},
		{"add two, one first", func(items []meeting.RunItem) []meeting.RunItem {
			return append([]meeting.RunItem{extra("Først")}, append(items, extra("Sidst"))...)
		}},
		{"remove two pending, one of them added", func(items []meeting.RunItem) []meeting.RunItem {
			return slices.DeleteFunc(items, func(it meeting.RunItem) bool { return it.Title == "Først" || it.PackIndex == 4 })
		}},
		{"add back the removed pack item", func(items []meeting.RunItem) []meeting.RunItem {
			return append(items, meeting.ItemsFromPack(testPack())[4])
		}},
		{"keep only one", func(items []meeting.RunItem) []meeting.RunItem {
			return items[2:3]
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := m
			want.Items = tc.change(slices.Clone(m.Items))
			saved, err := s.SaveRun(ctx, want)
			if err != nil {
				t.Fatal(err)
			}
			equalItems(t, saved.Items, want.Items)
			got, err := s.Meeting(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			equalItems(t, got.Items, saved.Items)
			checkLists(t, got)
			positions, ids, _, _ := rawRows(t, s, m.ID)
			if len(ids) != len(want.Items) {
				t.Errorf("%d rows, want %d", len(ids), len(want.Items))
			}
			for i := range positions {
				if positions[i] != i {
					t.Errorf("positions %v", positions)
					break
				}
			}
			m = got
		})
	}
}

func TestSaveRun_OwnLists(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	m, err := s.CreateMeeting(ctx, testMeeting(mustCluster(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	want := m
	want.Items = slices.Clone(m.Items)
	want.Items[2].Indicators = []string{"kol-forloebsplan"} // one of the pack's two
	want.Items[3].Questions = nil                           // the pack has two
	want.Items[4].Questions = nil                           // the pack has an empty list
	want.Items[5].Questions = append(want.Items[5].Questions, "Hvad tager du med?")
	want.Items = append(want.Items,
		meeting.RunItem{AgendaItem: meeting.AgendaItem{Kind: meeting.KindGroupwork, Title: "Ekstra runde", Minutes: 10,
			Questions: []string{"Og så?"}}, PackIndex: -1},
		meeting.RunItem{AgendaItem: meeting.AgendaItem{Kind: meeting.KindBreak, Title: "Kaffe", Minutes: 10,
			Questions: []string{}, Indicators: []string{}}, PackIndex: -1},
	)
	saved, err := s.SaveRun(ctx, want)
	if err != nil {
		t.Fatal(err)
	}
	equalItems(t, saved.Items, want.Items)
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalItems(t, got.Items, saved.Items)
	if !reflect.DeepEqual(got.Pack, testPack()) {
		t.Error("an item's own lists changed the snapshot")
	}
	_, _, _, own := rawRows(t, s, m.ID)
	if want := []bool{false, false, false, true, true, true, true, true}; !slices.Equal(own, want) {
		t.Errorf("own questions %v, want %v", own, want)
	}
}

func TestSaveRun_WritesOnlyTheRunState(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	m, err := s.CreateMeeting(ctx, testMeeting(mustCluster(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	changed := m
	changed.Title = "Et andet møde"
	changed.PlannedEnd = changed.PlannedEnd.Add(time.Hour)
	changed.ClusterID = 4711
	changed.Pack = meeting.Pack{Title: "Tom"} // PackIndex is checked against the stored snapshot
	changed.Items = slices.Clone(m.Items)
	changed.Items[1].Minutes = 25
	saved, err := s.SaveRun(ctx, changed)
	if err != nil {
		t.Fatal(err)
	}
	want := m
	want.Items = changed.Items
	equalMeetings(t, saved, want)
}

func TestSaveRun_Refuses(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	clusterID := mustCluster(t, s)
	other, err := s.CreateMeeting(ctx, testMeeting(clusterID))
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2025, 3, 4, 17, 31, 0, 0, time.FixedZone("CET", 3600))
	for _, tc := range []struct {
		name   string
		change func(*meeting.Meeting)
		code   string
		want   string
	}{
		{"done item vanishes", func(m *meeting.Meeting) { m.Items = m.Items[1:] },
			meeting.ECONFLICT, `agenda item "Velkommen og afbud" started at 17:31 and cannot be removed from meeting`},
		{"running item vanishes", func(m *meeting.Meeting) { m.Items = slices.Delete(m.Items, 1, 2) },
			meeting.ECONFLICT, `agenda item "Oplæg om spirometri" started at 17:36 and cannot be removed`},
		{"item of another meeting", func(m *meeting.Meeting) { m.Items[2].ID = other.Items[2].ID },
			meeting.ECONFLICT, "belongs to meeting"},
		{"item deleted meanwhile", func(m *meeting.Meeting) { m.Items[2].ID = 99999 },
			meeting.ECONFLICT, `agenda item 3 ("Klyngens data") is no longer on the agenda`},
		{"same item twice", func(m *meeting.Meeting) { m.Items[3].ID = m.Items[2].ID },
			meeting.EINVALID, "agenda items 3 and 4 are the same stored item"},
		{"pack item becomes ad hoc", func(m *meeting.Meeting) { m.Items[2].PackIndex = -1 },
			meeting.EINVALID, `agenda item 3 ("Klyngens data") is stored as item 3 of the pack and cannot become an item added`},
		{"pack item becomes another", func(m *meeting.Meeting) { m.Items[2].PackIndex, m.Items[3].PackIndex = 3, 2 },
			meeting.EINVALID, "is stored as item 3 of the pack and cannot become item 4 of the pack"},
		{"pack item outside the snapshot", func(m *meeting.Meeting) {
			m.Items = append(m.Items, meeting.RunItem{AgendaItem: meeting.AgendaItem{Kind: meeting.KindTalk, Title: "X"}, PackIndex: 6})
		}, meeting.EINVALID, "refers to item 7 of the pack, which has 6 items"},
		{"pack item twice", func(m *meeting.Meeting) {
			m.Items = append(m.Items, meeting.ItemsFromPack(m.Pack)[5])
		}, meeting.EINVALID, "agenda items 6 and 7 are both item 6 of the pack"},
		{"meeting made not started", func(m *meeting.Meeting) { m.Started = nil },
			meeting.ECONFLICT, "started at 17:31 and cannot be made not started"},
		{"ended without start", func(m *meeting.Meeting) { m.Items[4].Ended = ptr(t0) },
			meeting.EINVALID, "agenda item 5 (\"Pause\") has ended but never started"},
		{"time out of range", func(m *meeting.Meeting) { m.Items[3].Started = ptr(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)) },
			meeting.EINVALID, "the start of agenda item 4"},
		{"invalid meeting", func(m *meeting.Meeting) { m.Items[3].Kind = "quiz" },
			meeting.EINVALID, `has kind "quiz"`},
		{"no agenda", func(m *meeting.Meeting) { m.Items = nil },
			meeting.EINVALID, "no agenda"},
		{"no such meeting", func(m *meeting.Meeting) { m.ID = 4711 },
			meeting.ENOTFOUND, "meeting 4711 does not exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := s.CreateMeeting(ctx, testMeeting(clusterID))
			if err != nil {
				t.Fatal(err)
			}
			if m, err = startMeeting(ctx, s, m.ID, t0); err != nil {
				t.Fatal(err)
			}
			next, err := m.Next(t0.Add(5 * time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			if m, err = s.SaveRun(ctx, next); err != nil {
				t.Fatal(err)
			}
			change := m
			change.Items = slices.Clone(m.Items)
			tc.change(&change)
			_, err = s.SaveRun(ctx, change)
			wantError(t, err, tc.code, tc.want)
			got, err := s.Meeting(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			equalMeetings(t, got, m)
		})
	}
}

func TestMigration0002_BackfillsAgendaRows(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 2 || ms[1].name != "0002_run_state.sql" {
		t.Fatalf("migration 2 is %+v", ms[1])
	}

	// A database at schema 1, with two meetings written as schema 1 did.
	s, err := openWith(path, ms[:1])
	if err != nil {
		t.Fatal(err)
	}
	clusterID := schema1Cluster(t, s)
	pack, err := encodePack(testPack())
	if err != nil {
		t.Fatal(err)
	}
	started := "2025-03-04T17:34:00.5+01:00"
	var ids []int64
	for _, startedAt := range []any{nil, started} {
		res, err := s.db.ExecContext(ctx, `
			INSERT INTO meetings (cluster_id, title, planned_start, planned_end, started_at, created_at, pack_json)
			VALUES (?, 'KOL', '2025-03-04T17:30:00+01:00', '2025-03-04T18:50:00+01:00', ?, '2025-02-01T09:15:03Z', ?)`,
			clusterID, startedAt, pack)
		if err != nil {
			t.Fatal(err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range testPack().Agenda {
			if _, err := s.db.ExecContext(ctx, `
				INSERT INTO agenda_items (meeting_id, position, kind, title, planned_minutes, speaker)
				VALUES (?, ?, ?, ?, ?, ?)`, id, i, string(a.Kind), a.Title, a.Minutes, a.Speaker); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, id)
	}
	if v, err := s.SchemaVersion(ctx); err != nil || v != 1 {
		t.Fatalf("SchemaVersion = %d, %v; want 1", v, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = mustOpenPath(t, path) // through 0002 and every later migration
	if v, err := s.SchemaVersion(ctx); err != nil || v != LatestSchema() {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, LatestSchema())
	}
	var wrong int
	if err := s.db.QueryRowContext(ctx, `
		SELECT count(*) FROM agenda_items
		WHERE pack_index IS NOT position OR started_at IS NOT NULL OR ended_at IS NOT NULL OR skipped <> 0
			OR questions_json IS NOT NULL OR indicators_json IS NOT NULL`).Scan(&wrong); err != nil || wrong != 0 {
		t.Errorf("%d rows not backfilled as expected (%v)", wrong, err)
	}
	for i, id := range ids {
		m, err := s.Meeting(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		equalItems(t, m.Items, meeting.ItemsFromPack(testPack()))
		checkLists(t, m)
		if m.UnderWay() != (i == 1) || (i == 1 && m.Started.Format(time.RFC3339Nano) != started) {
			t.Errorf("meeting %d: Started = %v", id, m.Started)
		}
	}
	var strict int
	if err := s.db.QueryRowContext(ctx, `SELECT strict FROM pragma_table_list WHERE name = 'agenda_items'`).Scan(&strict); err != nil || strict != 1 {
		t.Errorf("agenda_items strict = %d, %v", strict, err)
	}
	var integrity string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Errorf("integrity_check: %q, %v", integrity, err)
	}
	var fkProblems int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fkProblems); err != nil || fkProblems != 0 {
		t.Errorf("foreign_key_check: %d problems, %v", fkProblems, err)
	}

	// The new columns' constraints hold on the migrated table.
	for _, tc := range []struct{ name, set, code string }{
		{"skipped not 0 or 1", `skipped = 2`, meeting.EINVALID},
		{"skipped null", `skipped = NULL`, meeting.EINVALID},
		{"skipped text", `skipped = 'ja'`, meeting.EINVALID},
		{"started not a time", `started_at = 'kl. halv seks'`, meeting.EINVALID},
		{"ended not a time", `started_at = '2025-03-04T17:31:00Z', ended_at = 'senere'`, meeting.EINVALID},
		{"ended without start", `ended_at = '2025-03-04T17:31:00Z'`, meeting.EINVALID},
		{"negative pack index", `pack_index = -1`, meeting.EINVALID},
		{"questions not JSON", `questions_json = '[nej'`, meeting.EINVALID},
		{"indicators not JSON", `indicators_json = '{'`, meeting.EINVALID},
		{"pack index twice", `pack_index = 1`, meeting.ECONFLICT},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.db.ExecContext(ctx, `UPDATE agenda_items SET `+tc.set+` WHERE meeting_id = ? AND position = 0`, ids[0])
			wantError(t, translate(err, phrase("store.DoSaveMeeting")), tc.code)
		})
	}
	if _, err := s.db.ExecContext(ctx, `
		UPDATE agenda_items SET started_at = '2025-03-04T17:31:00Z', ended_at = '2025-03-04T17:30:00Z', skipped = 1,
			pack_index = NULL, questions_json = 'null', indicators_json = '[]'
		WHERE meeting_id = ? AND position = 0`, ids[0]); err != nil {
		t.Errorf("valid values refused: %v", err)
	}

	// And the migrated meeting runs.
	m, err := startMeeting(ctx, s, ids[0], time.Date(2025, 3, 4, 17, 35, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if st := statuses(m.Items); st != "SRPPPP" {
		t.Errorf("statuses after starting %s, want SRPPPP", st)
	}
}

func TestSaveRun_MeetingStart(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	m, err := s.CreateMeeting(ctx, testMeeting(mustCluster(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	first := time.Date(2025, 3, 4, 17, 40, 0, 0, time.FixedZone("CET", 3600))
	for _, at := range []time.Time{first, first.Add(-9 * time.Minute).UTC()} {
		want := m
		want.Started = &at
		saved, err := s.SaveRun(ctx, want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Meeting(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		equalMeetings(t, saved, want)
		equalMeetings(t, got, want)
	}
}
