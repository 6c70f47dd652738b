package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// testPlenum is the ad-hoc plenum item group-work meetings end with, where
// the groups present.
var testPlenum = meeting.AgendaItem{Kind: meeting.KindPlenum, Title: "Fremlæggelser", Minutes: 15}

// groupWork is a store on a file with attendanceCluster and a meeting of
// it: testMeeting with testPlenum added at the end.
type groupWork struct {
	tb   testing.TB // the test that owns the store
	path string
	s    *Store
	c    meeting.Cluster
	m    meeting.Meeting
}

func mustGroupWork(tb testing.TB) *groupWork {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "klynge.db")
	s := mustOpenPath(tb, path)
	c, err := s.CreateCluster(context.Background(), attendanceCluster())
	if err != nil {
		tb.Fatal(err)
	}
	return &groupWork{tb: tb, path: path, s: s, c: c, m: mustPlenumMeeting(tb, s, c.ID, testMeeting(c.ID).PlannedStart)}
}

// mustPlenumMeeting stores a testMeeting of cluster clusterID planned at
// start, with testPlenum added at the end.
func mustPlenumMeeting(tb testing.TB, s *Store, clusterID int64, start time.Time) meeting.Meeting {
	tb.Helper()
	m := testMeeting(clusterID)
	m.PlannedEnd = start.Add(m.PlannedEnd.Sub(m.PlannedStart))
	m.PlannedStart = start
	m.Items = append(m.Items, meeting.RunItem{AgendaItem: testPlenum, PackIndex: -1})
	m, err := s.CreateMeeting(context.Background(), m)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// reopen closes the store and opens a new Store on the same file, which
// stays open until the test that made g ends (not a subtest calling it).
func (g *groupWork) reopen(tb testing.TB) {
	tb.Helper()
	if err := g.s.Close(); err != nil {
		tb.Fatal(err)
	}
	s, err := Open(g.path)
	if err != nil {
		tb.Fatal(err)
	}
	g.tb.Cleanup(func() { s.Close() })
	g.s = s
}

// read reads the meeting from the store.
func (g *groupWork) read(tb testing.TB) meeting.Meeting {
	tb.Helper()
	m, err := g.s.Meeting(context.Background(), g.m.ID)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// itemOfKind returns the index of m's first item of kind k.
func itemOfKind(tb testing.TB, m meeting.Meeting, k meeting.ItemKind) int {
	tb.Helper()
	for i, it := range m.Items {
		if it.Kind == k {
			return i
		}
	}
	tb.Fatalf("no %s item in\n%s", k, itemsText(m.Items))
	return -1
}

// member returns the group member named name of cluster c.
func member(tb testing.TB, c meeting.Cluster, name string) meeting.GroupMember {
	tb.Helper()
	for _, p := range c.Practices {
		for _, m := range p.Members {
			if m.Name == name {
				return meeting.GroupMember{MemberID: m.ID, Name: m.Name, Ydernummer: p.Ydernummer}
			}
		}
	}
	tb.Fatalf("no member %q in cluster %q", name, c.Name)
	return meeting.GroupMember{}
}

// activeMembers are attendanceCluster's members who have not retired.
var activeMembers = []string{"Søren Ærø-Hansen", "Åse Bødker", "Mette Kjærgaard", "Jens Møller", "Birgitte Løvgren"}

// groupsOfNames makes groups numbered from 1 of c's members by name.
func groupsOfNames(tb testing.TB, c meeting.Cluster, names ...[]string) []meeting.Group {
	tb.Helper()
	groups := make([]meeting.Group, len(names))
	for i, ns := range names {
		groups[i].Number = i + 1
		for _, n := range ns {
			groups[i].Members = append(groups[i].Members, member(tb, c, n))
		}
	}
	return groups
}

// grp makes group number of members.
func grp(number int, members ...meeting.GroupMember) meeting.Group {
	return meeting.Group{Number: number, Members: members}
}

// groupsText shows groups as "1: A, B | 2: C", for comparisons.
func groupsText(groups []meeting.Group) string {
	var parts []string
	for _, g := range groups {
		names := make([]string, len(g.Members))
		for i, m := range g.Members {
			names[i] = fmt.Sprintf("%s(%d,%s)", m.Name, m.MemberID, m.Ydernummer)
		}
		parts = append(parts, fmt.Sprintf("%d: %s", g.Number, strings.Join(names, ", ")))
	}
	return strings.Join(parts, " | ")
}

// equalTimers fails unless got and want are the same timer, instants
// compared with their offsets.
func equalTimers(tb testing.TB, got, want meeting.Timer) {
	tb.Helper()
	if got.Planned != want.Planned || got.Paused != want.Paused ||
		!sameTimePtr(got.Started, want.Started) || !sameTimePtr(got.PausedAt, want.PausedAt) || !sameTimePtr(got.Ended, want.Ended) {
		tb.Errorf("timer = %s\nwant    %s", timerText(got), timerText(want))
	}
}

func timerText(t meeting.Timer) string {
	at := func(p *time.Time) string {
		if p == nil {
			return "-"
		}
		return p.Format(time.RFC3339Nano)
	}
	return fmt.Sprintf("planned %v started %s paused at %s paused %v ended %s", t.Planned, at(t.Started), at(t.PausedAt), t.Paused, at(t.Ended))
}

// sameReading fails unless a and b show the same time left and state at
// each of the instants.
func sameReading(tb testing.TB, what string, a, b meeting.Timer, instants ...time.Time) {
	tb.Helper()
	for _, now := range instants {
		if ra, rb := a.Remaining(now), b.Remaining(now); ra != rb {
			tb.Errorf("%s: Remaining(%s) = %v, want %v", what, now.Format(time.RFC3339Nano), rb, ra)
		}
		if sa, sb := a.State(now), b.State(now); sa != sb {
			tb.Errorf("%s: State(%s) = %s, want %s", what, now.Format(time.RFC3339Nano), sb, sa)
		}
	}
}

func TestSaveRunTimer_PausesSurviveReopen(t *testing.T) {
	ctx := context.Background()
	g := mustGroupWork(t)
	gw := itemOfKind(t, g.m, meeting.KindGroupwork)
	cet := time.FixedZone("CET", 3600)
	t0 := time.Date(2025, 3, 4, 18, 0, 3, 123456789, cet)
	after := func(d time.Duration) time.Time { return t0.Add(d) }
	probes := []time.Time{
		t0.Add(-time.Minute), t0, after(time.Minute), after(6 * time.Minute), after(8*time.Minute + 7),
		after(19 * time.Minute), after(24 * time.Minute), after(31 * time.Minute), after(3 * time.Hour),
	}

	live := g.m.Items[gw].RoundTimer()
	if live.Planned != 20*time.Minute {
		t.Fatalf("the round is planned for %v, want the item's 20 min", live.Planned)
	}
	for _, step := range []struct {
		name string
		do   func(meeting.Timer) (meeting.Timer, error)
		want meeting.TimerState // at the step's last probe
	}{
		{"set up", func(tm meeting.Timer) (meeting.Timer, error) { return tm, nil }, meeting.TimerNotStarted},
		{"start", func(tm meeting.Timer) (meeting.Timer, error) { return tm.Start(t0) }, meeting.TimerOverrun},
		{"pause", func(tm meeting.Timer) (meeting.Timer, error) { return tm.Pause(after(5 * time.Minute)) }, meeting.TimerPaused},
		{"resume in UTC", func(tm meeting.Timer) (meeting.Timer, error) {
			return tm.Resume(after(7*time.Minute + 30*time.Second + 11).UTC())
		}, meeting.TimerOverrun},
		{"extend", func(tm meeting.Timer) (meeting.Timer, error) { return tm.Extend(5 * time.Minute) }, meeting.TimerOverrun},
		{"pause again in summer time", func(tm meeting.Timer) (meeting.Timer, error) {
			return tm.Pause(after(20 * time.Minute).In(time.FixedZone("CEST", 2*3600)))
		}, meeting.TimerPaused},
		{"resume", func(tm meeting.Timer) (meeting.Timer, error) { return tm.Resume(after(23 * time.Minute)) }, meeting.TimerOverrun},
		{"end", func(tm meeting.Timer) (meeting.Timer, error) { return tm.End(after(30 * time.Minute)) }, meeting.TimerEnded},
	} {
		var err error
		if live, err = step.do(live); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		saved, err := saveTimer(ctx, g.s, g.m.ID, gw, live)
		if err != nil {
			t.Fatalf("%s: saving the timer: %v", step.name, err)
		}
		equalTimers(t, saved.Items[gw].Timer, live)
		g.reopen(t)
		got := g.read(t)
		equalMeetings(t, got, saved)
		equalTimers(t, got.Items[gw].Timer, live)
		sameReading(t, step.name, live, got.Items[gw].Timer, probes...)
		if st := got.Items[gw].Timer.State(probes[len(probes)-1]); st != step.want {
			t.Errorf("%s: state %s, want %s", step.name, st, step.want)
		}
		for i, it := range got.Items {
			if i != gw && it.Timer != (meeting.Timer{}) {
				t.Errorf("%s: item %d (%q) has timer %s", step.name, i, it.Title, timerText(it.Timer))
			}
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	// 5:00 run, 2:30 paused, 12:30 run, 3:00 paused, 7:00 run; planned 25.
	end := g.read(t).Items[gw].Timer
	if end.Paused != 5*time.Minute+30*time.Second+11 || end.Elapsed(after(time.Hour)) != 24*time.Minute+30*time.Second-11 {
		t.Errorf("after reopening: paused %v, elapsed %v", end.Paused, end.Elapsed(after(time.Hour)))
	}
	if it := g.read(t).Items[gw]; it.Started != nil || it.Presenting != 0 || it.Notes != nil {
		t.Errorf("saving the timer changed more than the timer: %#v", it)
	}
}

// A timer started from the wall clock, whose instants carry a monotonic
// reading in memory, reads the same after a restart.
func TestSaveRunTimer_WallClock(t *testing.T) {
	ctx := context.Background()
	g := mustGroupWork(t)
	gw := itemOfKind(t, g.m, meeting.KindGroupwork)
	start := time.Now()
	tm, err := g.m.Items[gw].RoundTimer().Start(start)
	if err != nil {
		t.Fatal(err)
	}
	if tm, err = tm.Pause(start.Add(3 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if tm, err = tm.Resume(time.Now().Add(5 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := saveTimer(ctx, g.s, g.m.ID, gw, tm); err != nil {
		t.Fatal(err)
	}
	g.reopen(t)
	now := time.Now()
	sameReading(t, "wall clock", tm, g.read(t).Items[gw].Timer, now, now.Add(time.Minute), now.Add(time.Hour))
}

func TestSaveRunTimer_Refuses(t *testing.T) {
	ctx := context.Background()
	g := mustGroupWork(t)
	gw := itemOfKind(t, g.m, meeting.KindGroupwork)
	t0 := time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)
	good, err := meeting.NewTimer(20 * time.Minute).Start(t0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := saveTimer(ctx, g.s, g.m.ID, gw, good); err != nil {
		t.Fatal(err)
	}
	pausedAt, ended := t0.Add(5*time.Minute), t0.Add(6*time.Minute)
	for _, tc := range []struct {
		name  string
		timer meeting.Timer
		want  string
	}{
		{"under a minute", meeting.NewTimer(30 * time.Second), "1 minute"},
		{"paused and ended", meeting.Timer{Planned: time.Hour, Started: &t0, PausedAt: &pausedAt, Ended: &ended}, "paused and ended"},
		{"paused before it started", meeting.Timer{Planned: time.Hour, Started: &ended, PausedAt: &pausedAt}, "before it had run"},
		{"year 10000", meeting.Timer{Planned: time.Hour, Started: ptr(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))}, "years 0–9999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := saveTimer(ctx, g.s, g.m.ID, gw, tc.timer)
			wantError(t, err, meeting.EINVALID, tc.want)
			equalTimers(t, g.read(t).Items[gw].Timer, good)
		})
	}
}

func TestSaveRun_TimerAndPresenting(t *testing.T) {
	ctx := context.Background()
	g := mustGroupWork(t)
	gw := itemOfKind(t, g.m, meeting.KindGroupwork)
	plenum := itemOfKind(t, g.m, meeting.KindPlenum)
	cet := time.FixedZone("CET", 3600)
	t0 := time.Date(2025, 3, 4, 18, 5, 0, 987654321, cet)

	var present []meeting.GroupMember
	for _, n := range activeMembers {
		present = append(present, member(t, g.c, n))
	}
	formed, err := meeting.FormGroups(present, meeting.GroupRequest{Count: 2}, nil, rand.New(rand.NewChaCha8([32]byte{7})))
	if err != nil {
		t.Fatal(err)
	}
	withGroups, err := g.s.SaveGroups(ctx, g.m.ID, formed)
	if err != nil {
		t.Fatal(err)
	}
	m, err := withGroups.StartItem(gw, t0)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := m.Items[gw].RoundTimer().Start(t0)
	if err != nil {
		t.Fatal(err)
	}
	if tm, err = tm.Pause(t0.Add(4 * time.Minute)); err != nil {
		t.Fatal(err)
	}
	m.Items[gw].Timer = tm
	m.Items[plenum].Presenting = 2
	saved, err := g.s.SaveRun(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	equalMeetings(t, saved, m)
	g.reopen(t)
	got := g.read(t)
	equalMeetings(t, got, saved)
	sameReading(t, "SaveRun", tm, got.Items[gw].Timer, t0.Add(2*time.Minute), t0.Add(time.Hour))
	if got.Items[plenum].Presenting != 2 {
		t.Errorf("Presenting = %d, want 2", got.Items[plenum].Presenting)
	}

	// Moving items moves their timers and presenting groups with them.
	if m, err = got.Move(plenum, -1); err != nil {
		t.Fatal(err)
	}
	if saved, err = g.s.SaveRun(ctx, m); err != nil {
		t.Fatal(err)
	}
	g.reopen(t)
	got = g.read(t)
	equalMeetings(t, got, saved)
	if got.Items[plenum-1].Presenting != 2 || got.Items[plenum].Presenting != 0 {
		t.Errorf("after the move: presenting %d, %d", got.Items[plenum-1].Presenting, got.Items[plenum].Presenting)
	}

	// A zero timer stores as not set up, and SaveRun can clear one.
	m = got
	m.Items = slices.Clone(m.Items)
	m.Items[gw].Timer = meeting.Timer{}
	if saved, err = g.s.SaveRun(ctx, m); err != nil {
		t.Fatal(err)
	}
	if saved.Items[gw].Timer != (meeting.Timer{}) || saved.Items[gw].RoundTimer().Planned != 20*time.Minute {
		t.Errorf("cleared timer reads back as %s", timerText(saved.Items[gw].Timer))
	}

	for _, tc := range []struct {
		name string
		edit func(*meeting.RunItem)
		want string
	}{
		{"invalid timer", func(it *meeting.RunItem) { it.Timer = meeting.Timer{Planned: 10 * time.Second} }, "1 minute"},
		{"timer ended but not started", func(it *meeting.RunItem) { it.Timer = meeting.Timer{Planned: time.Hour, Ended: &t0} }, "no start time"},
		{"negative presenting group", func(it *meeting.RunItem) { it.Presenting = -1 }, "group -1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := saved
			bad.Items = slices.Clone(saved.Items)
			tc.edit(&bad.Items[gw])
			_, err := g.s.SaveRun(ctx, bad)
			wantError(t, err, meeting.EINVALID, tc.want)
			equalMeetings(t, g.read(t), saved)
		})
	}

	// The presenting group is the meeting's rule (CheckPresenting), on the
	// path the app writes.
	plenumNow := slices.IndexFunc(saved.Items, func(it meeting.RunItem) bool { return it.Kind == meeting.KindPlenum })
	for _, tc := range []struct {
		name        string
		item, group int
		code, want  string
	}{
		{"a group that does not exist", plenumNow, 3, meeting.ENOTFOUND, "no group 3"},
		{"a group at group work", gw, 1, meeting.EINVALID, "plenum"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := saved
			bad.Items = slices.Clone(saved.Items)
			bad.Items[tc.item].Presenting = tc.group
			_, err := g.s.SaveRun(ctx, bad)
			wantError(t, err, tc.code, tc.want)
			equalMeetings(t, g.read(t), saved)
		})
	}
	// A presenting group left as stored is not checked again after the
	// groups were re-formed without it.
	if _, err := g.s.SaveGroups(ctx, g.m.ID, formed[:1]); err != nil {
		t.Fatal(err)
	}
	again := g.read(t)
	if again.Items[plenum-1].Presenting != 2 {
		t.Fatalf("presenting %d after re-forming", again.Items[plenum-1].Presenting)
	}
	if next, err := again.Next(t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	} else if _, err := g.s.SaveRun(ctx, next); err != nil {
		t.Errorf("moving on after re-forming the groups: %v", err)
	}
}

func TestSaveGroups_RoundTrip(t *testing.T) {
	ctx := context.Background()
	g := mustGroupWork(t)
	var present []meeting.GroupMember
	for _, n := range activeMembers {
		present = append(present, member(t, g.c, n))
	}
	formed, err := meeting.FormGroups(present, meeting.GroupRequest{Count: 2}, nil, rand.New(rand.NewChaCha8([32]byte{7})))
	if err != nil {
		t.Fatal(err)
	}
	saved, err := g.s.SaveGroups(ctx, g.m.ID, formed)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(saved.Groups, formed) {
		t.Errorf("SaveGroups returned %s\nwant %s", groupsText(saved.Groups), groupsText(formed))
	}
	g.reopen(t)
	got := g.read(t)
	equalMeetings(t, got, saved)
	if !reflect.DeepEqual(got.Groups, formed) {
		t.Errorf("after reopening %s\nwant %s", groupsText(got.Groups), groupsText(formed))
	}

	t.Run("names and ydernumre come from the roster", func(t *testing.T) {
		ids := []meeting.Group{{Number: 1}, {Number: 2}}
		want := groupsOfNames(t, g.c, []string{"Jens Møller", "Søren Ærø-Hansen"}, []string{"Mette Kjærgaard", "Birgitte Løvgren"})
		for i, grp := range want {
			for _, m := range grp.Members {
				ids[i].Members = append(ids[i].Members, meeting.GroupMember{MemberID: m.MemberID, Name: "ignored"})
			}
		}
		m, err := g.s.SaveGroups(ctx, g.m.ID, ids)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(m.Groups, want) {
			t.Errorf("got %s\nwant %s", groupsText(m.Groups), groupsText(want))
		}
	})

	t.Run("a group left empty keeps its number", func(t *testing.T) {
		three := groupsOfNames(t, g.c, []string{"Søren Ærø-Hansen", "Jens Møller"}, []string{"Åse Bødker"}, []string{"Mette Kjærgaard", "Birgitte Løvgren"})
		if _, err := g.s.SaveGroups(ctx, g.m.ID, three); err != nil {
			t.Fatal(err)
		}
		moved, err := meeting.MoveMember(three, member(t, g.c, "Åse Bødker").MemberID, 3)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := g.s.SaveGroups(ctx, g.m.ID, moved); err != nil {
			t.Fatal(err)
		}
		g.reopen(t)
		got := g.read(t).Groups
		want := groupsOfNames(t, g.c, []string{"Søren Ærø-Hansen", "Jens Møller"}, nil, []string{"Mette Kjærgaard", "Birgitte Løvgren", "Åse Bødker"})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %s\nwant %s", groupsText(got), groupsText(want))
		}
		// And a member can move into it again.
		back, err := meeting.MoveMember(got, member(t, g.c, "Jens Møller").MemberID, 2)
		if err != nil {
			t.Fatal(err)
		}
		m, err := g.s.SaveGroups(ctx, g.m.ID, back)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(m.Groups, back) {
			t.Errorf("got %s\nwant %s", groupsText(m.Groups), groupsText(back))
		}
	})

	t.Run("no groups removes them", func(t *testing.T) {
		m, err := g.s.SaveGroups(ctx, g.m.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		if m.Groups != nil {
			t.Errorf("Groups = %s, want nil", groupsText(m.Groups))
		}
		var n int
		if err := g.s.db.QueryRowContext(ctx, `SELECT count(*) FROM meeting_groups WHERE meeting_id = ?`, g.m.ID).Scan(&n); err != nil || n != 0 {
			t.Errorf("%d rows left, %v", n, err)
		}
		g.reopen(t)
		if got := g.read(t).Groups; got != nil {
			t.Errorf("after reopening Groups = %s, want nil", groupsText(got))
		}
	})
}

func TestSaveGroups_Refuses(t *testing.T) {
	ctx := context.Background()
	g := mustGroupWork(t)
	stored := groupsOfNames(t, g.c, []string{"Søren Ærø-Hansen", "Jens Møller"}, []string{"Åse Bødker", "Birgitte Løvgren"})
	if _, err := g.s.SaveGroups(ctx, g.m.ID, stored); err != nil {
		t.Fatal(err)
	}
	otherCluster, err := g.s.CreateCluster(ctx, testCluster())
	if err != nil {
		t.Fatal(err)
	}
	stranger := member(t, otherCluster, "Bjørn Krøyer")
	søren, jens := member(t, g.c, "Søren Ærø-Hansen"), member(t, g.c, "Jens Møller")
	mette, ole := member(t, g.c, "Mette Kjærgaard"), member(t, g.c, "Ole Gammel")
	for _, tc := range []struct {
		name      string
		meetingID int64
		groups    []meeting.Group
		code      string
		want      []string
	}{
		{"member of another cluster", g.m.ID, []meeting.Group{grp(1, søren, stranger), grp(2, jens)},
			meeting.EINVALID, []string{"Bjørn Krøyer", "not in the cluster"}},
		{"member in two groups", g.m.ID, []meeting.Group{grp(1, søren, jens), grp(2, mette, søren)},
			meeting.EINVALID, []string{"Søren Ærø-Hansen", "group 1 and group 2"}},
		{"member twice in a group", g.m.ID, []meeting.Group{grp(1, søren, jens, søren)},
			meeting.EINVALID, []string{"Søren Ærø-Hansen", "twice in group 1"}},
		{"numbers from 0", g.m.ID, []meeting.Group{grp(0, søren), grp(1, jens)},
			meeting.EINVALID, []string{"numbered 0", "1 to 2"}},
		{"a gap in the numbers", g.m.ID, []meeting.Group{grp(1, søren), grp(3, jens)},
			meeting.EINVALID, []string{"numbered 3"}},
		{"numbers out of order", g.m.ID, []meeting.Group{grp(2, søren), grp(1, jens)},
			meeting.EINVALID, []string{"in order"}},
		{"missing member", g.m.ID, []meeting.Group{grp(1, søren, meeting.GroupMember{MemberID: 999999, Name: "Ingen"})},
			meeting.ENOTFOUND, []string{"member 999999"}},
		{"retired member", g.m.ID, []meeting.Group{grp(1, søren, ole)},
			meeting.ECONFLICT, []string{"Ole Gammel", "retired"}},
		{"missing meeting", 999999, stored, meeting.ENOTFOUND, []string{"meeting 999999"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := g.s.SaveGroups(ctx, tc.meetingID, tc.groups)
			wantError(t, err, tc.code, tc.want...)
			if got := g.read(t).Groups; !reflect.DeepEqual(got, stored) {
				t.Errorf("stored groups changed to %s", groupsText(got))
			}
		})
	}
	// The schema refuses another cluster's member on its own too.
	err = rawExec(g.s, `INSERT INTO meeting_groups (meeting_id, number, position, member_id) VALUES (?, 1, 5, ?)`, g.m.ID, stranger.MemberID)
	wantError(t, translate(err, phrase("store.DoSaveMeeting")), meeting.EINVALID)
}

func TestPreviousGroups(t *testing.T) {
	ctx := context.Background()
	g := mustGroupWork(t)
	s := g.s
	cet := time.FixedZone("CET", 3600)
	on := func(month time.Month, day int) time.Time { return time.Date(2025, month, day, 17, 30, 0, 0, cet) }
	a1 := mustPlenumMeeting(t, s, g.c.ID, on(1, 7))
	a2 := mustPlenumMeeting(t, s, g.c.ID, on(2, 4))
	a3 := g.m // 4 March
	// Stored last, planned first in UTC: order goes by the instant.
	a4 := mustPlenumMeeting(t, s, g.c.ID, on(4, 1).UTC())
	a3twin := mustPlenumMeeting(t, s, g.c.ID, a3.PlannedStart.UTC())

	other, err := s.CreateCluster(ctx, attendanceCluster())
	if err != nil {
		t.Fatal(err)
	}
	b1 := mustPlenumMeeting(t, s, other.ID, on(2, 20))

	g1 := groupsOfNames(t, g.c, []string{"Søren Ærø-Hansen", "Jens Møller"}, []string{"Åse Bødker", "Birgitte Løvgren", "Mette Kjærgaard"})
	g2 := groupsOfNames(t, g.c, []string{"Søren Ærø-Hansen", "Åse Bødker"}, []string{"Jens Møller", "Birgitte Løvgren"})
	g3 := groupsOfNames(t, g.c, []string{"Søren Ærø-Hansen", "Birgitte Løvgren"}, []string{"Jens Møller", "Mette Kjærgaard"})
	gb := groupsOfNames(t, other, []string{"Søren Ærø-Hansen", "Jens Møller", "Åse Bødker"})
	save := func(m meeting.Meeting, groups []meeting.Group) {
		t.Helper()
		if _, err := s.SaveGroups(ctx, m.ID, groups); err != nil {
			t.Fatal(err)
		}
	}
	save(a1, g1)
	save(b1, gb)
	save(a3, g3)

	check := func(name string, m meeting.Meeting, want []meeting.Group) {
		t.Helper()
		got, err := s.PreviousGroups(ctx, m.ID)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: PreviousGroups = %s\nwant %s", name, groupsText(got), groupsText(want))
		}
	}
	check("first meeting", a1, nil)
	check("after a meeting with groups, past another cluster's", a2, g1)
	check("past a meeting without groups", a3, g1)
	check("the latest earlier one", a4, g3)
	check("another cluster's first meeting", b1, nil)
	check("same planned start, stored later", a3twin, g3)

	g4 := groupsOfNames(t, g.c, []string{"Mette Kjærgaard", "Jens Møller"}, []string{"Åse Bødker", "Søren Ærø-Hansen"})
	save(a2, g2)
	save(a4, g1)
	save(a3twin, g4)
	g.reopen(t)
	s = g.s
	check("after reopening", a3, g2)
	check("a meeting at the same moment stored later is not earlier", a3, g2)
	check("of two at the same moment, the one stored later", a4, g4)
	check("later meetings' groups do not count", a1, nil)
	check("later meetings' groups do not count", a2, g1)

	// Names are the roster's now.
	c := mustReadCluster(t, s, g.c.ID)
	for _, p := range c.Practices {
		for _, mem := range p.Members {
			if mem.Name == "Jens Møller" {
				mem.Name = "Jens Møller-Nielsen"
				if _, err := s.UpdateMember(ctx, mem); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	got, err := s.PreviousGroups(ctx, a3.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got[1].Members[0].Name != "Jens Møller-Nielsen" {
		t.Errorf("renamed member shows as %q", got[1].Members[0].Name)
	}

	_, err = s.PreviousGroups(ctx, 999999)
	wantError(t, err, meeting.ENOTFOUND, "meeting 999999")
}

func TestSaveGroupNote(t *testing.T) {
	ctx := context.Background()
	g := mustGroupWork(t)
	gw := itemOfKind(t, g.m, meeting.KindGroupwork)
	plenum := itemOfKind(t, g.m, meeting.KindPlenum)
	gwID, plenumID := g.m.Items[gw].ID, g.m.Items[plenum].ID

	_, err := g.s.SaveGroupNote(ctx, g.m.ID, plenumID, 1, "Før grupperne")
	wantError(t, err, meeting.ENOTFOUND, "0 groups", "no group 1")

	groups := groupsOfNames(t, g.c, []string{"Søren Ærø-Hansen", "Jens Møller"}, []string{"Åse Bødker", "Birgitte Løvgren"})
	if _, err := g.s.SaveGroups(ctx, g.m.ID, groups); err != nil {
		t.Fatal(err)
	}
	note := "Sygeplejersken laver forløbsplaner ved årskontrollen.\nSpirometri: to gange om året."
	m, err := g.s.SaveGroupNote(ctx, g.m.ID, plenumID, 1, "  "+note+"\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := map[int]string{1: note}; !reflect.DeepEqual(m.Items[plenum].Notes, want) {
		t.Errorf("Notes = %v, want %v", m.Items[plenum].Notes, want)
	}
	if _, err := g.s.SaveGroupNote(ctx, g.m.ID, plenumID, 2, "Ingen forløbsplaner endnu"); err != nil {
		t.Fatal(err)
	}
	if _, err := g.s.SaveGroupNote(ctx, g.m.ID, gwID, 2, "Talte om KOL-opsporing"); err != nil {
		t.Fatal(err)
	}
	g.reopen(t)
	got := g.read(t)
	for i, it := range got.Items {
		var want map[int]string
		switch i {
		case plenum:
			want = map[int]string{1: note, 2: "Ingen forløbsplaner endnu"}
		case gw:
			want = map[int]string{2: "Talte om KOL-opsporing"}
		}
		if !reflect.DeepEqual(it.Notes, want) {
			t.Errorf("item %d (%q): Notes = %v, want %v", i, it.Title, it.Notes, want)
		}
	}

	// Replacing, deleting, and SaveRun and SaveGroups leaving notes be.
	if m, err = g.s.SaveGroupNote(ctx, g.m.ID, plenumID, 1, "Ny tekst"); err != nil || m.Items[plenum].Notes[1] != "Ny tekst" {
		t.Fatalf("replace: %v, %v", m.Items[plenum].Notes, err)
	}
	if m, err = g.s.SaveGroupNote(ctx, g.m.ID, plenumID, 1, ""); err != nil {
		t.Fatal(err)
	}
	if m, err = g.s.SaveGroupNote(ctx, g.m.ID, plenumID, 2, " \n\t"); err != nil {
		t.Fatal(err)
	}
	if m.Items[plenum].Notes != nil {
		t.Errorf("after deleting both: Notes = %v, want nil", m.Items[plenum].Notes)
	}
	if m, err = g.s.SaveGroupNote(ctx, g.m.ID, plenumID, 7, ""); err != nil {
		t.Errorf("deleting a note that is not there: %v", err)
	}
	if m, err = g.s.SaveRun(ctx, m); err != nil {
		t.Fatal(err)
	}
	if _, err = g.s.SaveGroups(ctx, g.m.ID, groups[:1]); err != nil {
		t.Fatal(err)
	}
	g.reopen(t)
	if got := g.read(t).Items[gw].Notes; got[2] != "Talte om KOL-opsporing" {
		t.Errorf("after SaveRun and SaveGroups the group-work notes are %v", got)
	}

	other := mustPlenumMeeting(t, g.s, g.c.ID, g.m.PlannedStart.AddDate(0, 1, 0))
	for _, tc := range []struct {
		name      string
		meetingID int64
		itemID    int64
		group     int
		code      string
		want      []string
	}{
		{"group 0", g.m.ID, plenumID, 0, meeting.EINVALID, []string{"no group 0"}},
		{"a group the meeting does not have", g.m.ID, plenumID, 2, meeting.ENOTFOUND, []string{"1 group", "no group 2"}},
		{"missing item", g.m.ID, 999999, 1, meeting.ENOTFOUND, []string{"agenda item 999999"}},
		{"another meeting's item", g.m.ID, other.Items[plenum].ID, 1, meeting.EINVALID, []string{"belongs to meeting"}},
		{"missing meeting", 999999, plenumID, 1, meeting.ENOTFOUND, []string{"meeting 999999"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := g.s.SaveGroupNote(ctx, tc.meetingID, tc.itemID, tc.group, "Noget")
			wantError(t, err, tc.code, tc.want...)
			if got := g.read(t).Items[plenum].Notes; got != nil {
				t.Errorf("Notes = %v, want nil", got)
			}
		})
	}

	// Removing a pending item from the agenda removes its notes.
	if _, err := g.s.SaveGroupNote(ctx, g.m.ID, plenumID, 1, "Forsvinder med punktet"); err != nil {
		t.Fatal(err)
	}
	m = g.read(t)
	m.Items = slices.Delete(slices.Clone(m.Items), plenum, plenum+1)
	if _, err := g.s.SaveRun(ctx, m); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := g.s.db.QueryRowContext(ctx, `SELECT count(*) FROM group_notes WHERE agenda_item_id = ?`, plenumID).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d notes left on the removed item, %v", n, err)
	}
}

func TestCreateMeeting_WithGroupWork(t *testing.T) {
	ctx := context.Background()
	g := mustGroupWork(t)
	groups := groupsOfNames(t, g.c, []string{"Søren Ærø-Hansen", "Jens Møller"}, nil, []string{"Åse Bødker"})
	t0 := time.Date(2025, 4, 1, 18, 0, 0, 0, time.FixedZone("CEST", 2*3600))
	tm, err := meeting.NewTimer(25 * time.Minute).Start(t0)
	if err != nil {
		t.Fatal(err)
	}
	in := testMeeting(g.c.ID)
	in.Items = append(in.Items, meeting.RunItem{AgendaItem: testPlenum, PackIndex: -1, Presenting: 3,
		Notes: map[int]string{1: " Godt oplæg ", 3: "Kort"}})
	gw := itemOfKind(t, in, meeting.KindGroupwork)
	in.Items[gw].Timer = tm
	in.Items[gw].Notes = map[int]string{2: "   "} // empty: not stored
	in.Groups = groups
	m, err := g.s.CreateMeeting(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	want := in
	want.ID = m.ID
	want.Items = slices.Clone(in.Items)
	want.Items[gw].Notes = nil
	want.Items[len(want.Items)-1].Notes = map[int]string{1: "Godt oplæg", 3: "Kort"}
	equalMeetings(t, m, want)
	g.reopen(t)
	got, err := g.s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalMeetings(t, got, m)

	bad := in
	bad.Items = slices.Clone(in.Items)
	bad.Items[gw].Notes = map[int]string{4: "Gruppe 4 findes ikke"}
	_, err = g.s.CreateMeeting(ctx, bad)
	wantError(t, err, meeting.EINVALID, "group 4", "3 groups")
	bad.Items[gw].Notes = nil
	bad.Groups = []meeting.Group{{Number: 2}}
	_, err = g.s.CreateMeeting(ctx, bad)
	wantError(t, err, meeting.EINVALID, "numbered 2")
	ms, err := g.s.Meetings(ctx)
	if err != nil || len(ms) != 2 {
		t.Errorf("%d meetings stored, want 2 (%v)", len(ms), err)
	}
}

func TestMigration0005_FromSchema4(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 5 || ms[4].name != "0005_groupwork.sql" {
		t.Fatalf("migration 5 is %+v", ms[4])
	}

	// A database at schema 4 with a meeting under way: its first item
	// running, a member checked in and a guest.
	s, err := openWith(path, ms[:4])
	if err != nil {
		t.Fatal(err)
	}
	clusterID := schema1Cluster(t, s)
	m := oldSchemaMeeting(t, s, testMeeting(clusterID))
	var soren int64
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM members WHERE name = 'Søren Øster'`).Scan(&soren); err != nil {
		t.Fatal(err)
	}
	started := "2025-03-04T17:31:00.25+01:00"
	for _, q := range []struct {
		query string
		args  []any
	}{
		{`UPDATE meetings SET started_at = ? WHERE id = ?`, []any{started, m.ID}},
		{`UPDATE agenda_items SET started_at = ? WHERE id = ?`, []any{started, m.Items[0].ID}},
		{`INSERT INTO attendance (meeting_id, member_id, status, at) VALUES (?, ?, 'present', ?)`, []any{m.ID, soren, started}},
		{`INSERT INTO guests (meeting_id, name, role) VALUES (?, 'Farmakonom Ea', 'oplæg')`, []any{m.ID}},
	} {
		if err := rawExec(s, q.query, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	if v, err := s.SchemaVersion(ctx); err != nil || v != 4 {
		t.Fatalf("SchemaVersion = %d, %v; want 4", v, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = mustOpenPath(t, path)
	if v, err := s.SchemaVersion(ctx); err != nil || v != LatestSchema() {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, LatestSchema())
	}
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := meeting.ItemsFromPack(testPack())
	startedAt, err := decodeTime(started)
	if err != nil {
		t.Fatal(err)
	}
	want[0].Started = &startedAt
	equalItems(t, got.Items, want)
	if got.Groups != nil || !got.UnderWay() || len(got.Attendance) != 1 || got.Attendance[soren].Status != meeting.StatusPresent ||
		len(got.Guests) != 1 || got.Guests[0].Name != "Farmakonom Ea" {
		t.Errorf("migrated meeting: groups %v, started %v, attendance %v, guests %v", got.Groups, got.Started, got.Attendance, got.Guests)
	}
	var wrong int
	if err := s.db.QueryRowContext(ctx, `
		SELECT count(*) FROM agenda_items
		WHERE timer_planned_ns <> 0 OR timer_started IS NOT NULL OR timer_paused_at IS NOT NULL
			OR timer_paused_ns <> 0 OR timer_ended IS NOT NULL OR presenting <> 0`).Scan(&wrong); err != nil || wrong != 0 {
		t.Errorf("%d agenda rows with timer or presenting set (%v)", wrong, err)
	}
	for _, table := range []string{"agenda_items", "meetings", "meeting_groups", "group_notes"} {
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

	// The migrated meeting takes groups, a timer and notes.
	c := mustReadCluster(t, s, clusterID)
	groups := groupsOfNames(t, c, []string{"Søren Øster"}, []string{"Bjørn Krøyer"})
	if _, err := s.SaveGroups(ctx, m.ID, groups); err != nil {
		t.Fatal(err)
	}
	gw := itemOfKind(t, got, meeting.KindGroupwork)
	tm, err := got.Items[gw].RoundTimer().Start(startedAt.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := saveTimer(ctx, s, m.ID, gw, tm); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveGroupNote(ctx, m.ID, got.Items[gw].ID, 2, "Noteret"); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Meeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Groups, groups) || got.Items[gw].Notes[2] != "Noteret" || got.Items[gw].Timer.Started == nil {
		t.Errorf("after the new methods: groups %s, notes %v, timer %s", groupsText(got.Groups), got.Items[gw].Notes, timerText(got.Items[gw].Timer))
	}

	// The new columns' and tables' constraints hold.
	other, err := s.CreateCluster(ctx, attendanceCluster())
	if err != nil {
		t.Fatal(err)
	}
	otherMeeting := mustPlenumMeeting(t, s, other.ID, m.PlannedStart)
	stranger := member(t, other, "Jens Møller").MemberID
	first := got.Items[0].ID
	for _, tc := range []struct {
		name, query string
		args        []any
		code        string
	}{
		{"planned under a minute", `UPDATE agenda_items SET timer_planned_ns = 30000000000 WHERE id = ?`, []any{first}, meeting.EINVALID},
		{"planned negative", `UPDATE agenda_items SET timer_planned_ns = -1 WHERE id = ?`, []any{first}, meeting.EINVALID},
		{"started without a plan", `UPDATE agenda_items SET timer_started = '2025-03-04T18:00:00Z' WHERE id = ?`, []any{first}, meeting.EINVALID},
		{"started not a time", `UPDATE agenda_items SET timer_planned_ns = 60000000000, timer_started = 'kvart over' WHERE id = ?`, []any{first}, meeting.EINVALID},
		{"paused without a start", `UPDATE agenda_items SET timer_planned_ns = 60000000000, timer_paused_at = '2025-03-04T18:00:00Z' WHERE id = ?`, []any{first}, meeting.EINVALID},
		{"pauses without a start", `UPDATE agenda_items SET timer_planned_ns = 60000000000, timer_paused_ns = 5 WHERE id = ?`, []any{first}, meeting.EINVALID},
		{"negative pauses", `UPDATE agenda_items SET timer_paused_ns = -5 WHERE id = ?`, []any{got.Items[gw].ID}, meeting.EINVALID},
		{"ended while paused", `UPDATE agenda_items SET timer_paused_at = '2025-03-04T19:00:00Z', timer_ended = '2025-03-04T19:05:00Z' WHERE id = ?`, []any{got.Items[gw].ID}, meeting.EINVALID},
		{"ended not a time", `UPDATE agenda_items SET timer_ended = 'nu' WHERE id = ?`, []any{got.Items[gw].ID}, meeting.EINVALID},
		{"presenting negative", `UPDATE agenda_items SET presenting = -1 WHERE id = ?`, []any{first}, meeting.EINVALID},
		{"presenting text", `UPDATE agenda_items SET presenting = 'en' WHERE id = ?`, []any{first}, meeting.EINVALID},
		{"negative group count", `UPDATE meetings SET group_count = -1 WHERE id = ?`, []any{m.ID}, meeting.EINVALID},
		{"group 0", `INSERT INTO meeting_groups (meeting_id, number, position, member_id) VALUES (?, 0, 0, ?)`, []any{m.ID, soren}, meeting.EINVALID},
		{"member twice", `INSERT INTO meeting_groups (meeting_id, number, position, member_id) VALUES (?, 2, 1, ?)`, []any{m.ID, soren}, meeting.ECONFLICT},
		{"two members in one place", `UPDATE meeting_groups SET number = 1, position = 0 WHERE meeting_id = ? AND number = 2`, []any{m.ID}, meeting.ECONFLICT},
		{"member of another cluster", `INSERT INTO meeting_groups (meeting_id, number, position, member_id) VALUES (?, 1, 1, ?)`, []any{m.ID, stranger}, meeting.EINVALID},
		{"moved to another cluster's meeting", `UPDATE meeting_groups SET meeting_id = ? WHERE meeting_id = ?`, []any{otherMeeting.ID, m.ID}, meeting.EINVALID},
		{"empty note", `INSERT INTO group_notes (meeting_id, agenda_item_id, group_number, text) VALUES (?, ?, 1, '  ')`, []any{m.ID, first}, meeting.EINVALID},
		{"note group 0", `INSERT INTO group_notes (meeting_id, agenda_item_id, group_number, text) VALUES (?, ?, 0, 'x')`, []any{m.ID, first}, meeting.EINVALID},
		{"note on another meeting's item", `INSERT INTO group_notes (meeting_id, agenda_item_id, group_number, text) VALUES (?, ?, 1, 'x')`, []any{m.ID, otherMeeting.Items[0].ID}, meeting.EINVALID},
		{"note moved to another meeting", `UPDATE group_notes SET meeting_id = ? WHERE meeting_id = ?`, []any{otherMeeting.ID, m.ID}, meeting.EINVALID},
		{"note for a missing item", `INSERT INTO group_notes (meeting_id, agenda_item_id, group_number, text) VALUES (?, 999999, 1, 'x')`, []any{m.ID}, meeting.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantError(t, translate(rawExec(s, tc.query, tc.args...), phrase("store.DoSaveMeeting")), tc.code)
		})
	}

	// Deleting a meeting takes its groups and notes with it.
	if err := rawExec(s, `DELETE FROM meetings WHERE id = ?`, m.ID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"meeting_groups", "group_notes"} {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s has %d rows after deleting the meeting (%v)", table, n, err)
		}
	}
}
