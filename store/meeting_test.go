package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

func ptr[T any](v T) *T { return &v }

// testPack is a pack using every field, with Danish text.
func testPack() meeting.Pack {
	return meeting.Pack{
		Title:   "KOL – diagnostik og opfølgning",
		Theme:   "kol",
		Lang:    "da",
		Version: "2025.1",
		Agenda: []meeting.AgendaItem{
			{Kind: meeting.KindWelcome, Title: "Velkommen og afbud", Minutes: 5},
			{Kind: meeting.KindTalk, Title: "Oplæg om spirometri", Minutes: 30, Speaker: "Overlæge Åse Bjørnø"},
			{Kind: meeting.KindData, Title: "Klyngens data", Minutes: 15,
				Indicators: []string{"kol-prevalens", "kol-forloebsplan"}},
			{Kind: meeting.KindGroupwork, Minutes: 20,
				Questions: []string{"Hvordan finder vi flere med KOL?", "Hvem laver forløbsplanen?"}},
			{Kind: meeting.KindBreak, Title: "Pause", Minutes: 0, Questions: []string{}},
			{Kind: meeting.KindEvaluation, Title: "Evaluering", Minutes: 10, Questions: []string{"Giv aftenen 0–10"}},
		},
		Indicators: []meeting.Indicator{
			{ID: "kol-forloebsplan", Title: "Andel KOL-patienter med forløbsplan", Unit: meeting.UnitPercent,
				Better: meeting.HigherIsBetter, Target: ptr(80.0), Region: ptr(61.5), National: ptr(58.0), MinDenominator: 5},
			{ID: "listestr", Title: "Listestørrelse", Unit: meeting.UnitCount, Better: meeting.NoDirection, Context: true},
		},
		Slides: []meeting.Slide{{Body: "# Spirometri\n\n- FEV1/FVC < 0,70", Notes: "Spørg salen først"}},
		Data: []meeting.DataRow{
			{Ydernummer: "012345", Indicator: "kol-forloebsplan", Numerator: ptr(12.0), Denominator: ptr(40.0), Period: "2024"},
			{Ydernummer: "045678", Indicator: "listestr", Value: ptr(1650.0), Period: "2024"},
		},
	}
}

// testMeeting is a meeting of cluster clusterID on testPack, planned in
// Copenhagen's winter offset.
func testMeeting(clusterID int64) meeting.Meeting {
	cph := time.FixedZone("CET", 3600)
	m, err := meeting.New(testPack(), "",
		time.Date(2025, 3, 4, 17, 30, 0, 0, cph),
		time.Date(2025, 2, 1, 9, 15, 3, 123456789, time.UTC))
	if err != nil {
		panic(err)
	}
	m.ClusterID = clusterID
	return m
}

// mustCluster stores testCluster and returns its id.
func mustCluster(tb testing.TB, s *Store) int64 {
	tb.Helper()
	c, err := s.CreateCluster(context.Background(), testCluster())
	if err != nil {
		tb.Fatal(err)
	}
	return c.ID
}

// sameTime reports whether a and b are the same instant in the same offset.
func sameTime(a, b time.Time) bool {
	_, ao := a.Zone()
	_, bo := b.Zone()
	return a.Equal(b) && ao == bo
}

// sameTimePtr is sameTime for optional times.
func sameTimePtr(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return sameTime(*a, *b)
}

// equalMeetings fails unless got and want hold the same values, comparing
// times (also those of consents) as instants with their offsets and the
// pack field by field.
func equalMeetings(tb testing.TB, got, want meeting.Meeting) {
	tb.Helper()
	for _, tc := range []struct {
		name      string
		got, want time.Time
	}{
		{"PlannedStart", got.PlannedStart, want.PlannedStart},
		{"PlannedEnd", got.PlannedEnd, want.PlannedEnd},
		{"Created", got.Created, want.Created},
	} {
		if !sameTime(tc.got, tc.want) {
			tb.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if !sameTimePtr(got.Started, want.Started) {
		tb.Errorf("Started = %v, want %v", got.Started, want.Started)
	}
	if !reflect.DeepEqual(got.Pack, want.Pack) {
		tb.Errorf("Pack = %#v\nwant   %#v", got.Pack, want.Pack)
	}
	equalItems(tb, got.Items, want.Items)
	if len(got.Consents) != len(want.Consents) {
		tb.Errorf("Consents = %v, want %v", got.Consents, want.Consents)
	}
	for yd, at := range want.Consents {
		if g, ok := got.Consents[yd]; !ok || !sameTime(g, at) {
			tb.Errorf("consent of %s = %v, want %v", yd, g, at)
		}
	}
	if (got.Consents == nil) != (want.Consents == nil) {
		tb.Errorf("Consents = %#v, want %#v", got.Consents, want.Consents)
	}
	got.Consents, want.Consents = nil, nil
	got.PlannedStart, got.PlannedEnd, got.Created, got.Started, got.Pack, got.Items = time.Time{}, time.Time{}, time.Time{}, nil, meeting.Pack{}, nil
	want.PlannedStart, want.PlannedEnd, want.Created, want.Started, want.Pack, want.Items = time.Time{}, time.Time{}, time.Time{}, nil, meeting.Pack{}, nil
	if !reflect.DeepEqual(got, want) {
		tb.Errorf("meeting = %+v\nwant      %+v", got, want)
	}
}

// equalItems fails unless got and want are the same live agenda, comparing
// times (also the round timers') as instants with their offsets, and nil
// and empty lists as different. A want ID of 0 stands for any stored
// (non-zero) ID.
func equalItems(tb testing.TB, got, want []meeting.RunItem) {
	tb.Helper()
	if len(got) != len(want) {
		tb.Errorf("%d items, want %d:\n%s\nwant\n%s", len(got), len(want), itemsText(got), itemsText(want))
		return
	}
	for i := range want {
		g, w := got[i], want[i]
		if !sameTimePtr(g.Started, w.Started) {
			tb.Errorf("item %d (%q): Started = %v, want %v", i, w.Title, g.Started, w.Started)
		}
		if !sameTimePtr(g.Ended, w.Ended) {
			tb.Errorf("item %d (%q): Ended = %v, want %v", i, w.Title, g.Ended, w.Ended)
		}
		for _, tc := range []struct {
			name      string
			got, want *time.Time
		}{
			{"Timer.Started", g.Timer.Started, w.Timer.Started},
			{"Timer.PausedAt", g.Timer.PausedAt, w.Timer.PausedAt},
			{"Timer.Ended", g.Timer.Ended, w.Timer.Ended},
		} {
			if !sameTimePtr(tc.got, tc.want) {
				tb.Errorf("item %d (%q): %s = %v, want %v", i, w.Title, tc.name, tc.got, tc.want)
			}
		}
		if w.ID == 0 && g.ID != 0 {
			g.ID = 0
		}
		g.Started, g.Ended, w.Started, w.Ended = nil, nil, nil, nil
		g.Timer.Started, g.Timer.PausedAt, g.Timer.Ended = nil, nil, nil
		w.Timer.Started, w.Timer.PausedAt, w.Timer.Ended = nil, nil, nil
		if !reflect.DeepEqual(g, w) {
			tb.Errorf("item %d = %#v\nwant     %#v", i, g, w)
		}
	}
}

// itemsText shows a live agenda one item a line, for failure messages.
func itemsText(items []meeting.RunItem) string {
	var b strings.Builder
	for i, it := range items {
		fmt.Fprintf(&b, "  %d: id %d pack %d %s %q %d min\n", i, it.ID, it.PackIndex, it.Status(), it.Title, it.Minutes)
	}
	return b.String()
}

func TestCreateMeeting_RoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	in := testMeeting(mustCluster(t, s))
	in.ID = 999 // ignored
	m, err := s.CreateMeeting(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if m.ID == 0 || m.ID == 999 {
		t.Fatalf("CreateMeeting returned ID %d", m.ID)
	}
	want := in
	want.ID = m.ID
	equalMeetings(t, m, want)
	ids := map[int64]bool{}
	for i, it := range m.Items {
		if it.ID == 0 || ids[it.ID] {
			t.Errorf("item %d has ID %d; IDs so far %v", i, it.ID, ids)
		}
		ids[it.ID] = true
	}
	if in.Items[0].ID != 0 {
		t.Error("CreateMeeting changed the caller's Items")
	}

	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalMeetings(t, got, m)
	if got.UnderWay() {
		t.Error("a new meeting is under way")
	}
	if got.PlannedEnd.Sub(got.PlannedStart) != 80*time.Minute {
		t.Errorf("planned length = %v, want 80m", got.PlannedEnd.Sub(got.PlannedStart))
	}

	t.Run("agenda rows mirror the snapshot", func(t *testing.T) {
		rows, err := s.db.QueryContext(ctx, `
			SELECT position, pack_index, kind, title, planned_minutes, speaker,
				started_at IS NULL AND ended_at IS NULL AND skipped = 0 AND questions_json IS NULL AND indicators_json IS NULL
			FROM agenda_items WHERE meeting_id = ? ORDER BY position`, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var items []meeting.AgendaItem
		for rows.Next() {
			var pos, packIndex int
			var fresh bool
			var item meeting.AgendaItem
			if err := rows.Scan(&pos, &packIndex, &item.Kind, &item.Title, &item.Minutes, &item.Speaker, &fresh); err != nil {
				t.Fatal(err)
			}
			if pos != len(items) || packIndex != len(items) {
				t.Errorf("position %d, pack_index %d at row %d", pos, packIndex, len(items))
			}
			if !fresh {
				t.Errorf("row %d has run state or its own lists", pos)
			}
			items = append(items, item)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if len(items) != len(in.Pack.Agenda) {
			t.Fatalf("%d agenda rows, want %d", len(items), len(in.Pack.Agenda))
		}
		for i, w := range in.Pack.Agenda {
			g := items[i]
			if g.Kind != w.Kind || g.Title != w.Title || g.Minutes != w.Minutes || g.Speaker != w.Speaker {
				t.Errorf("row %d = %+v, want %+v", i, g, w)
			}
		}
	})
}

func TestCreateMeeting_TimesKeepInstantAndOffset(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	clusterID := mustCluster(t, s)
	for _, tc := range []struct {
		name string
		at   time.Time
	}{
		{"utc", time.Date(2025, 6, 10, 15, 0, 0, 0, time.UTC)},
		{"summer time", time.Date(2025, 6, 10, 17, 0, 0, 1, time.FixedZone("CEST", 2*3600))},
		{"negative offset", time.Date(2025, 6, 10, 11, 30, 0, 999999999, time.FixedZone("NDT", -(2*3600+30*60)))},
		{"location", time.Date(2025, 10, 26, 2, 30, 0, 0, mustLoadLocation(t, "Europe/Copenhagen"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := testMeeting(clusterID)
			m.PlannedStart, m.PlannedEnd, m.Created = tc.at, tc.at.Add(time.Hour), tc.at
			started := tc.at.Add(3 * time.Minute)
			m.Started = &started
			stored, err := s.CreateMeeting(ctx, m)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Meeting(ctx, stored.ID)
			if err != nil {
				t.Fatal(err)
			}
			m.ID = stored.ID
			equalMeetings(t, got, m)
		})
	}
}

func mustLoadLocation(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Skipf("no time zone data: %v", err)
	}
	return loc
}

func TestCreateMeeting_UnknownClusterIsRefusedByForeignKey(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	if got := pragma(t, s, "foreign_keys"); got != "1" {
		t.Fatalf("PRAGMA foreign_keys = %s", got)
	}
	// No check in Go stands before the insert: this is the foreign key.
	_, err := s.CreateMeeting(ctx, testMeeting(4711))
	wantError(t, err, meeting.EINVALID, "cluster 4711", "does not exist")
	if ms, err := s.Meetings(ctx); err != nil || len(ms) != 0 {
		t.Errorf("Meetings after a refused insert = %d, %v", len(ms), err)
	}
	var rows int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM agenda_items`).Scan(&rows); err != nil || rows != 0 {
		t.Errorf("agenda rows after a refused insert = %d, %v", rows, err)
	}
}

func TestCreateMeeting_Invalid(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	clusterID := mustCluster(t, s)
	for _, tc := range []struct {
		name   string
		change func(*meeting.Meeting)
		want   string
	}{
		{"no title", func(m *meeting.Meeting) { m.Title = " " }, "title"},
		{"no date", func(m *meeting.Meeting) { m.PlannedStart = time.Time{} }, "date"},
		{"ends before it starts", func(m *meeting.Meeting) { m.PlannedEnd = m.PlannedStart.Add(-time.Minute) }, "ends before"},
		{"no agenda", func(m *meeting.Meeting) { m.Pack.Agenda, m.Items = nil, nil }, "no agenda"},
		{"items outside the pack", func(m *meeting.Meeting) { m.Pack.Agenda = nil },
			`agenda item 1 ("Velkommen og afbud") refers to item 1 of the pack, which has 0 items`},
		{"pack index below -1", func(m *meeting.Meeting) { m.Items[1].PackIndex = -2 }, `agenda item 2 ("Oplæg om spirometri") refers to item -1 of the pack`},
		{"pack item twice", func(m *meeting.Meeting) { m.Items[3].PackIndex = 1 }, "agenda items 2 and 4 are both item 2 of the pack"},
		{"ended without start", func(m *meeting.Meeting) { m.Items[0].Ended = ptr(m.PlannedStart) }, "ended but never started"},
		{"unknown kind", func(m *meeting.Meeting) { m.Items[2].Kind = "quiz" }, `agenda item 3 ("Klyngens data") has kind "quiz"`},
		{"negative minutes", func(m *meeting.Meeting) { m.Items[0].Minutes = -5 }, "-5 minutes"},
		{"not a number", func(m *meeting.Meeting) { m.Pack.Indicators[0].Target = ptr(nan()) }, "not finite"},
		{"year out of range", func(m *meeting.Meeting) {
			m.PlannedEnd = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
		}, "outside the years"},
		{"item year out of range", func(m *meeting.Meeting) {
			m.Items[0].Started = ptr(time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC))
		}, "the start of agenda item 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := testMeeting(clusterID)
			tc.change(&m)
			_, err := s.CreateMeeting(ctx, m)
			wantError(t, err, meeting.EINVALID, tc.want)
		})
	}
	if ms, err := s.Meetings(ctx); err != nil || len(ms) != 0 {
		t.Errorf("a refused meeting was stored: %d, %v", len(ms), err)
	}
}

func TestMeeting_NotFound(t *testing.T) {
	s := mustOpen(t)
	_, err := s.Meeting(context.Background(), 7)
	wantError(t, err, meeting.ENOTFOUND, "meeting 7 does not exist: see `klynge meeting list`")
}

func TestMeetings_NewestPlannedStartFirst(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	clusterID := mustCluster(t, s)
	cph := time.FixedZone("CET", 3600)
	// Stored out of order; as text "18:00+01:00" sorts after "17:30Z" but
	// is the earlier instant, and a fraction sorts before no fraction.
	starts := map[string]time.Time{
		"b": time.Date(2025, 3, 4, 18, 0, 0, 0, cph),                // 17:00Z
		"d": time.Date(2025, 3, 4, 17, 30, 0, 0, time.UTC),          // 17:30Z
		"a": time.Date(2024, 11, 5, 17, 30, 0, 0, cph),              // last year
		"c": time.Date(2025, 3, 4, 17, 0, 0, 500_000_000, time.UTC), // 17:00:00.5Z
	}
	for _, title := range []string{"b", "d", "a", "c"} {
		m := testMeeting(clusterID)
		m.Title = title
		m.PlannedStart = starts[title]
		m.PlannedEnd = m.PlannedStart.Add(2 * time.Hour)
		if _, err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := s.Meetings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var titles string
	for _, m := range ms {
		titles += m.Title
		if len(m.Pack.Agenda) == 0 {
			t.Errorf("meeting %q has no pack", m.Title)
		}
		equalItems(t, m.Items, meeting.ItemsFromPack(testPack()))
	}
	if titles != "dcba" {
		t.Errorf("order = %q, want %q", titles, "dcba")
	}
}

func TestLatestMeeting(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	_, err := s.LatestMeeting(ctx)
	wantError(t, err, meeting.ENOTFOUND, "no meetings", "klynge meeting new")

	clusterID := mustCluster(t, s)
	var last meeting.Meeting
	for i, created := range []time.Time{
		time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC),
		time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), // a clock running ahead
		time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC),
	} {
		m := testMeeting(clusterID)
		m.Title = string(rune('A' + i))
		m.Created = created
		if last, err = s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.LatestMeeting(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != last.ID || got.Title != "C" {
		t.Errorf("LatestMeeting = %d %q, want %d %q", got.ID, got.Title, last.ID, "C")
	}
	equalItems(t, got.Items, last.Items)
}
