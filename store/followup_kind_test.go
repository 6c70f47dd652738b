package store

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// TestFollowUpKind_RoundTrip stores the follow-up item by its kind, under
// any title, and reads it back as that kind.
func TestFollowUpKind_RoundTrip(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	m, err := s.CreateMeeting(ctx, testMeeting(mustCluster(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	m, err = m.Start(m.PlannedStart)
	if err != nil {
		t.Fatal(err)
	}
	if m, err = m.AddFollowUp("Gennemgang af tiltag"); err != nil {
		t.Fatal(err)
	}
	saved, err := s.SaveRun(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	i := saved.FollowUpIndex()
	if i < 0 || saved.Items[i].Title != "Gennemgang af tiltag" || !saved.Items[i].AdHoc() {
		t.Fatalf("follow-up item read back at %d: %+v", i, saved.Items)
	}
	again, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalItems(t, again.Items, saved.Items)
	var kind string
	var followup int
	if err := s.db.QueryRowContext(ctx, `SELECT kind, followup FROM agenda_items WHERE id = ?`, saved.Items[i].ID).Scan(&kind, &followup); err != nil {
		t.Fatal(err)
	}
	if kind != "plenum" || followup != 1 {
		t.Errorf("row kind %q followup %d, want plenum 1", kind, followup)
	}
	// Only a plenum row can be the follow-up.
	_, err = s.db.ExecContext(ctx, `UPDATE agenda_items SET followup = 1 WHERE meeting_id = ? AND kind = 'talk'`, m.ID)
	wantError(t, translate(err, phrase("store.DoSaveAgenda")), meeting.EINVALID)
}

// TestMigration0007_FollowUpByTitle turns the follow-up items that schema 6
// recognised by their Danish or English title into the follow-up kind, and
// leaves every other plenum alone.
func TestMigration0007_FollowUpByTitle(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 7 || ms[6].name != "0007_followup_kind.sql" {
		t.Fatalf("migration 7 is %+v", ms[6])
	}
	s, err := openWith(path, ms[:6])
	if err != nil {
		t.Fatal(err)
	}
	clusterID := schema1Cluster(t, s)
	pack := testPack()
	pack.Agenda = append(pack.Agenda, meeting.AgendaItem{Kind: meeting.KindPlenum, Title: "Opfølgning på tiltag fra sidste møde", Minutes: 5})
	packJSON, err := encodePack(pack)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.db.ExecContext(ctx, `
		INSERT INTO meetings (cluster_id, title, planned_start, planned_end, created_at, pack_json)
		VALUES (?, 'KOL', '2025-03-04T17:30:00+01:00', '2025-03-04T18:50:00+01:00', '2025-02-01T09:15:03Z', ?)`,
		clusterID, packJSON)
	if err != nil {
		t.Fatal(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range pack.Agenda {
		if _, err := s.db.ExecContext(ctx, `
			INSERT INTO agenda_items (meeting_id, position, pack_index, kind, title, planned_minutes, speaker)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, i, i, string(a.Kind), a.Title, a.Minutes, a.Speaker); err != nil {
			t.Fatal(err)
		}
	}
	adHoc := []struct {
		kind, title string
		want        meeting.ItemKind
	}{
		{"plenum", "Opfølgning på tiltag fra sidste møde", meeting.KindFollowUp},
		{"plenum", "Follow-up of last meeting's pledges", meeting.KindFollowUp},
		{"plenum", "Ekstra plenum", meeting.KindPlenum},
		{"break", "Follow-up of last meeting's pledges", meeting.KindBreak},
	}
	for i, a := range adHoc {
		if _, err := s.db.ExecContext(ctx, `
			INSERT INTO agenda_items (meeting_id, position, kind, title, planned_minutes)
			VALUES (?, ?, ?, ?, 10)`, id, len(pack.Agenda)+i, a.kind, a.title); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = mustOpenPath(t, path)
	m, err := s.Meeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	n := len(pack.Agenda)
	for i, it := range m.Items[:n] {
		if it.Kind != pack.Agenda[i].Kind {
			t.Errorf("pack item %d (%q) is %s, want %s", i, it.Title, it.Kind, pack.Agenda[i].Kind)
		}
	}
	for i, a := range adHoc {
		if got := m.Items[n+i].Kind; got != a.want {
			t.Errorf("ad-hoc %s %q is %s, want %s", a.kind, a.title, got, a.want)
		}
	}
	if i := m.FollowUpIndex(); i != n {
		t.Errorf("FollowUpIndex = %d, want %d", i, n)
	}
	// The migrated meeting still runs and saves.
	started, err := m.Start(time.Date(2025, 3, 4, 17, 35, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRun(ctx, started); err != nil {
		t.Fatal(err)
	}
}

// TestRecordRunState_PresentingAtFollowUp: the follow-up item is stored as
// a plenum row (migration 0007) but is not a plenum, so no group presents
// there (meeting.CheckPresenting), on the cheap write path too.
func TestRecordRunState_PresentingAtFollowUp(t *testing.T) {
	ctx := context.Background()
	f := mustPledgeFixture(t)
	s := f.s
	ids := memberIDs(f.c)
	withFollowUp, err := f.m1.AddFollowUp("Opfølgning")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRun(ctx, withFollowUp); err != nil {
		t.Fatal(err)
	}
	saved, err := s.SaveGroups(ctx, f.m1.ID, []meeting.Group{{Number: 1, Members: []meeting.GroupMember{{MemberID: ids["Åse Bødker"]}}}})
	if err != nil {
		t.Fatal(err)
	}
	fu := saved.Items[saved.FollowUpIndex()]
	fu.Presenting = 1
	if err := saved.CheckPresenting(saved.FollowUpIndex(), 1); err == nil {
		t.Fatal("the rule lets a group present at the follow-up item")
	}
	if err := s.RecordRunState(ctx, f.m1.ID, saved.Started, []meeting.RunItem{fu}); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("a group presenting at the follow-up item: %v", err)
	}
	last := len(saved.Items) - 1
	if saved.Items[last].Kind != meeting.KindPlenum {
		t.Fatalf("the last item is a %s", saved.Items[last].Kind)
	}
	pl := saved.Items[last]
	pl.Presenting = 1
	if err := s.RecordRunState(ctx, f.m1.ID, saved.Started, []meeting.RunItem{pl}); err != nil {
		t.Errorf("a group presenting at the plenum: %v", err)
	}
}

// TestRecordRunState_PresentingKeptAfterRegrouping: a presenting group
// left as it was is not checked again, on the cheap path as in SaveRun,
// so re-forming the groups with fewer cannot stop the meeting moving on.
func TestRecordRunState_PresentingKeptAfterRegrouping(t *testing.T) {
	ctx := context.Background()
	f := mustPledgeFixture(t)
	s := f.s
	ids := memberIDs(f.c)
	three := []meeting.Group{
		{Number: 1, Members: []meeting.GroupMember{{MemberID: ids["Åse Bødker"]}}},
		{Number: 2}, {Number: 3},
	}
	saved, err := s.SaveGroups(ctx, f.m1.ID, three)
	if err != nil {
		t.Fatal(err)
	}
	last := len(saved.Items) - 1
	if saved, err = saved.SetPresenting(last, 3); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordRunState(ctx, f.m1.ID, nil, saved.Items[last:]); err != nil {
		t.Fatal(err)
	}
	if saved, err = s.SaveGroups(ctx, f.m1.ID, three[:1]); err != nil {
		t.Fatal(err)
	}
	if saved.Items[last].Presenting != 3 {
		t.Fatalf("presenting %d after regrouping", saved.Items[last].Presenting)
	}
	at := saved.PlannedStart.Add(time.Hour)
	started, err := saved.Start(at)
	if err != nil {
		t.Fatal(err)
	}
	moved, err := started.StartItem(last, at.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RecordRunState(ctx, f.m1.ID, moved.Started, moved.Items); err != nil {
		t.Errorf("moving on after regrouping: %v", err)
	}
	// A changed group is still checked.
	bad := slices.Clone(moved.Items)
	bad[last].Presenting = 2
	if err := s.RecordRunState(ctx, f.m1.ID, moved.Started, bad[last:]); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("a group the meeting lacks: %v", err)
	}
}

// TestFollowUpKind_PlannedByThePack: a pack may plan the follow-up item;
// its snapshot and agenda row keep the kind, and starting the meeting
// adds no second one.
func TestFollowUpKind_PlannedByThePack(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	m := testMeeting(mustCluster(t, s))
	m.Pack.Agenda = append([]meeting.AgendaItem{{Kind: meeting.KindFollowUp, Title: "Sidste gangs tiltag", Minutes: 5}}, m.Pack.Agenda...)
	m.Items = meeting.ItemsFromPack(m.Pack)
	m.PlannedEnd = m.PlannedEnd.Add(5 * time.Minute)
	m, err := s.CreateMeeting(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpenPath(t, s.Path())
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Pack.Agenda[0].Kind != meeting.KindFollowUp || got.Items[0].Kind != meeting.KindFollowUp || got.FollowUpIndex() != 0 {
		t.Fatalf("snapshot %s, item %s", got.Pack.Agenda[0].Kind, got.Items[0].Kind)
	}
	started, err := got.Start(got.PlannedStart)
	if err != nil {
		t.Fatal(err)
	}
	again, err := started.AddFollowUp("Opfølgning på tiltag fra sidste møde")
	if err != nil || len(again.Items) != len(got.Items) {
		t.Errorf("a second follow-up item: %d items, %v", len(again.Items), err)
	}
}
