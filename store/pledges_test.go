package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// pledgeFixture is a store on a file with attendanceCluster, three of its
// meetings a month apart, and a meeting of another cluster.
type pledgeFixture struct {
	path       string
	s          *Store
	c          meeting.Cluster
	m1, m2, m3 meeting.Meeting
	other      meeting.Meeting
}

func mustPledgeFixture(t *testing.T) *pledgeFixture {
	t.Helper()
	ctx := context.Background()
	f := &pledgeFixture{path: filepath.Join(t.TempDir(), "klynge.db")}
	f.s = mustOpenPath(t, f.path)
	var err error
	if f.c, err = f.s.CreateCluster(ctx, attendanceCluster()); err != nil {
		t.Fatal(err)
	}
	start := testMeeting(f.c.ID).PlannedStart
	// Stored out of order: "earlier" goes by planned start.
	f.m3 = mustPlenumMeeting(t, f.s, f.c.ID, start.AddDate(0, 2, 0))
	f.m1 = mustPlenumMeeting(t, f.s, f.c.ID, start)
	f.m2 = mustPlenumMeeting(t, f.s, f.c.ID, start.AddDate(0, 1, 0))
	oc, err := f.s.CreateCluster(ctx, meeting.Cluster{Name: "Anden klynge", Practices: []meeting.Practice{
		{Ydernummer: "047318", Name: "Samme ydernummer, anden klynge"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	f.other = mustPlenumMeeting(t, f.s, oc.ID, start)
	return f
}

func (f *pledgeFixture) reopen(t *testing.T) {
	t.Helper()
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	f.s = mustOpenPath(t, f.path)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.Local) }

func testPledge(meetingID int64) meeting.Pledge {
	return meeting.Pledge{
		MeetingID:  meetingID,
		Ydernummer: "047318",
		Action:     "Ring til alle KOL-patienter uden forløbsplan; \"årskontrol\"\nbookes straks",
		Owner:      "sygeplejersken Åse",
		Due:        day(2025, 6, 1),
		Indicator:  "kol-forloebsplan",
		Target:     ptr(75.5),
		Created:    time.Date(2025, 3, 4, 19, 2, 0, 0, time.FixedZone("CET", 3600)),
	}
}

func mustSavePledge(t *testing.T, s *Store, p meeting.Pledge) meeting.Pledge {
	t.Helper()
	p, err := s.SavePledge(context.Background(), p)
	if err != nil {
		t.Fatalf("SavePledge: %v", err)
	}
	return p
}

func samePledge(t *testing.T, got, want meeting.Pledge) {
	t.Helper()
	if got.ID != want.ID || got.MeetingID != want.MeetingID || got.Ydernummer != want.Ydernummer ||
		got.MemberID != want.MemberID || got.Action != want.Action || got.Owner != want.Owner ||
		got.Indicator != want.Indicator || !got.Due.Equal(want.Due) || !sameTime(got.Created, want.Created) ||
		(got.Target == nil) != (want.Target == nil) || (got.Target != nil && *got.Target != *want.Target) ||
		!sameTimePtr(got.Deleted, want.Deleted) {
		t.Errorf("pledge\n got %+v\nwant %+v", got, want)
	}
}

func TestPledgeRoundTrip(t *testing.T) {
	ctx := context.Background()
	f := mustPledgeFixture(t)
	want := testPledge(f.m1.ID)
	got := mustSavePledge(t, f.s, want)
	if got.ID == 0 {
		t.Fatal("no id")
	}
	want.ID = got.ID
	samePledge(t, got, want)

	// A doctor's own pledge, without indicator, created by the database.
	ids := memberIDs(f.c)
	own := mustSavePledge(t, f.s, meeting.Pledge{MeetingID: f.m1.ID, Ydernummer: "112905",
		MemberID: ids["Jens Møller"], Action: "  Spirometri på alle rygere over 40  ", Due: day(2025, 9, 30)})
	if own.Action != "Spirometri på alle rygere over 40" || own.Created.IsZero() || own.Target != nil || own.MemberID != ids["Jens Møller"] {
		t.Errorf("own pledge read back as %+v", own)
	}

	f.reopen(t)
	ps, err := f.s.Pledges(ctx, f.m1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 {
		t.Fatalf("Pledges = %d, want 2", len(ps))
	}
	samePledge(t, ps[0], want) // 047318 before 112905
	if ps[1].ID != own.ID {
		t.Errorf("second pledge %d, want %d", ps[1].ID, own.ID)
	}

	t.Run("update", func(t *testing.T) {
		upd := ps[0]
		upd.Action = "Ny ordlyd"
		upd.Due = day(2025, 7, 15)
		upd.Indicator, upd.Target = "", nil
		upd.Created = time.Time{} // kept as stored
		got := mustSavePledge(t, f.s, upd)
		upd.Created = want.Created
		samePledge(t, got, upd)
	})
	t.Run("other meeting has none", func(t *testing.T) {
		ps, err := f.s.Pledges(ctx, f.m2.ID)
		if err != nil || len(ps) != 0 {
			t.Errorf("Pledges(m2) = %v, %v", ps, err)
		}
		if _, err := f.s.Pledges(ctx, 9999); meeting.ErrorCode(err) != meeting.ENOTFOUND {
			t.Errorf("Pledges(missing) = %v", err)
		}
	})
}

func TestPledgeDeleteRestore(t *testing.T) {
	ctx := context.Background()
	f := mustPledgeFixture(t)
	p := mustSavePledge(t, f.s, testPledge(f.m1.ID))
	at := time.Date(2025, 3, 4, 19, 30, 0, 0, time.UTC)
	d, err := f.s.DeletePledge(ctx, p.ID, at)
	if err != nil || d.Deleted == nil || !d.Deleted.Equal(at) {
		t.Fatalf("DeletePledge = %+v, %v", d, err)
	}
	f.reopen(t)
	if ps, _ := f.s.Pledges(ctx, f.m1.ID); len(ps) != 0 {
		t.Errorf("deleted pledge still listed: %v", ps)
	}
	if ps, _ := f.s.OpenPledges(ctx, f.m2.ID); len(ps) != 0 {
		t.Errorf("deleted pledge still open: %v", ps)
	}
	if n, err := f.s.OpenPledgeCount(ctx, f.m2.ID); err != nil || n != 0 {
		t.Errorf("deleted pledge still counted: %d, %v", n, err)
	}
	upd := p
	upd.Action = "x"
	if _, err := f.s.SavePledge(ctx, upd); meeting.ErrorCode(err) != meeting.ECONFLICT {
		t.Errorf("saving a deleted pledge: %v", err)
	}
	if _, err := f.s.ReviewPledge(ctx, p.ID, f.m2.ID, meeting.OutcomeDone, "", at); meeting.ErrorCode(err) != meeting.ECONFLICT {
		t.Errorf("reviewing a deleted pledge: %v", err)
	}
	r, err := f.s.RestorePledge(ctx, p.ID)
	if err != nil || r.Deleted != nil {
		t.Fatalf("RestorePledge = %+v, %v", r, err)
	}
	f.reopen(t)
	ps, err := f.s.Pledges(ctx, f.m1.ID)
	if err != nil || len(ps) != 1 {
		t.Fatalf("after restore: %v, %v", ps, err)
	}
	samePledge(t, ps[0], p)
	for _, id := range []int64{9999} {
		if _, err := f.s.DeletePledge(ctx, id, at); meeting.ErrorCode(err) != meeting.ENOTFOUND {
			t.Errorf("DeletePledge(missing) = %v", err)
		}
		if _, err := f.s.RestorePledge(ctx, id); meeting.ErrorCode(err) != meeting.ENOTFOUND {
			t.Errorf("RestorePledge(missing) = %v", err)
		}
	}
}

func TestPledgeFollowUp(t *testing.T) {
	ctx := context.Background()
	f := mustPledgeFixture(t)
	p := mustSavePledge(t, f.s, testPledge(f.m1.ID))
	later := mustSavePledge(t, f.s, meeting.Pledge{MeetingID: f.m2.ID, Ydernummer: "112905", Action: "Næste gang", Due: day(2025, 8, 1)})
	mustSavePledge(t, f.s, meeting.Pledge{MeetingID: f.other.ID, Ydernummer: "047318", Action: "Anden klynge", Due: day(2025, 8, 1)})

	open := func(m meeting.Meeting) []int64 {
		t.Helper()
		ps, err := f.s.OpenPledges(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, p := range ps {
			ids = append(ids, p.ID)
		}
		// The first frame counts them without reading them: the
		// count must be the list's.
		if n, err := f.s.OpenPledgeCount(ctx, m.ID); err != nil || n != len(ids) {
			t.Errorf("OpenPledgeCount(%d) = %d, %v; OpenPledges has %d", m.ID, n, err, len(ids))
		}
		return ids
	}
	if got := open(f.m1); len(got) != 0 {
		t.Errorf("OpenPledges(m1) = %v, want none", got)
	}
	if got := open(f.m2); len(got) != 1 || got[0] != p.ID {
		t.Errorf("OpenPledges(m2) = %v, want [%d]", got, p.ID)
	}
	if got := open(f.other); len(got) != 0 {
		t.Errorf("OpenPledges(other cluster) = %v, want none", got)
	}

	at := time.Date(2025, 4, 4, 18, 0, 0, 0, time.UTC)
	r, err := f.s.ReviewPledge(ctx, p.ID, f.m2.ID, meeting.OutcomePartly, " halvvejs; \"næsten\" ", at)
	if err != nil {
		t.Fatal(err)
	}
	want := meeting.PledgeReview{MeetingID: f.m2.ID, Outcome: meeting.OutcomePartly, Comment: `halvvejs; "næsten"`, At: at}
	if r.Review == nil || *r.Review != want {
		t.Errorf("Review = %+v, want %+v", r.Review, want)
	}
	f.reopen(t)
	// Still shown at meeting 2, where it was reviewed, with its review.
	ps, err := f.s.OpenPledges(ctx, f.m2.ID)
	if err != nil || len(ps) != 1 || ps[0].Review == nil || ps[0].Review.Outcome != meeting.OutcomePartly {
		t.Fatalf("OpenPledges(m2) after review = %+v, %v", ps, err)
	}
	if ps[0].Open() {
		t.Error("a reviewed pledge is not open")
	}
	// Not at meeting 3; meeting 2's own pledge is.
	if got := open(f.m3); len(got) != 1 || got[0] != later.ID {
		t.Errorf("OpenPledges(m3) = %v, want [%d]", got, later.ID)
	}
	// Changed at meeting 2, then undone.
	if r, err = f.s.ReviewPledge(ctx, p.ID, f.m2.ID, meeting.OutcomeDone, "", at); err != nil || r.Review.Outcome != meeting.OutcomeDone {
		t.Errorf("changing the review: %+v, %v", r.Review, err)
	}
	if _, err := f.s.ReviewPledge(ctx, p.ID, f.m3.ID, meeting.OutcomeDone, "", at); meeting.ErrorCode(err) != meeting.ECONFLICT {
		t.Errorf("reviewing again at m3: %v", err)
	}
	if r, err = f.s.ReviewPledge(ctx, p.ID, f.m2.ID, "", "", time.Time{}); err != nil || r.Review != nil {
		t.Errorf("undoing the review: %+v, %v", r.Review, err)
	}
	if got := open(f.m3); len(got) != 2 {
		t.Errorf("OpenPledges(m3) after undo = %v, want both", got)
	}
	if _, err := f.s.OpenPledgeCount(ctx, 9999); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("OpenPledgeCount(missing meeting) = %v, want ENOTFOUND", err)
	}

	t.Run("bad reviews", func(t *testing.T) {
		for _, tc := range []struct {
			name      string
			pledge    int64
			meetingID int64
			outcome   meeting.ReviewOutcome
			code      string
		}{
			{"same meeting", p.ID, f.m1.ID, meeting.OutcomeDone, meeting.EINVALID},
			{"earlier meeting", later.ID, f.m1.ID, meeting.OutcomeDone, meeting.EINVALID},
			{"other cluster", p.ID, f.other.ID, meeting.OutcomeDone, meeting.EINVALID},
			{"bad outcome", p.ID, f.m2.ID, "great", meeting.EINVALID},
			{"missing meeting", p.ID, 9999, meeting.OutcomeDone, meeting.ENOTFOUND},
			{"missing pledge", 9999, f.m2.ID, meeting.OutcomeDone, meeting.ENOTFOUND},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := f.s.ReviewPledge(ctx, tc.pledge, tc.meetingID, tc.outcome, "", at)
				if meeting.ErrorCode(err) != tc.code {
					t.Errorf("err = %v, want code %s", err, tc.code)
				}
			})
		}
	})
}

func TestSavePledgeInvalid(t *testing.T) {
	ctx := context.Background()
	f := mustPledgeFixture(t)
	ids := memberIDs(f.c)
	saved := mustSavePledge(t, f.s, testPledge(f.m1.ID))
	for _, tc := range []struct {
		name   string
		change func(p *meeting.Pledge)
		code   string
	}{
		{"no action", func(p *meeting.Pledge) { p.Action = "  " }, meeting.EINVALID},
		{"no practice", func(p *meeting.Pledge) { p.Ydernummer = "" }, meeting.EINVALID},
		{"no due date", func(p *meeting.Pledge) { p.Due = time.Time{} }, meeting.EINVALID},
		{"practice of another cluster", func(p *meeting.Pledge) { p.Ydernummer = "999999" }, meeting.EINVALID},
		{"member of another practice", func(p *meeting.Pledge) { p.MemberID = ids["Jens Møller"] }, meeting.EINVALID},
		{"missing member", func(p *meeting.Pledge) { p.MemberID = 9999 }, meeting.ENOTFOUND},
		{"member retired before the meeting", func(p *meeting.Pledge) {
			p.Ydernummer, p.MemberID, p.Indicator, p.Target = "112905", ids["Ole Gammel"], "", nil
		}, meeting.ECONFLICT},
		{"indicator not in pack", func(p *meeting.Pledge) { p.Indicator = "hba1c" }, meeting.EINVALID},
		{"target without indicator", func(p *meeting.Pledge) { p.Indicator = "" }, meeting.EINVALID},
		{"missing meeting", func(p *meeting.Pledge) { p.MeetingID = 9999 }, meeting.ENOTFOUND},
		{"missing pledge", func(p *meeting.Pledge) { p.ID = 9999 }, meeting.ENOTFOUND},
		{"moved to another meeting", func(p *meeting.Pledge) { p.ID, p.MeetingID = saved.ID, f.m2.ID }, meeting.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := testPledge(f.m1.ID)
			tc.change(&p)
			if _, err := f.s.SavePledge(ctx, p); meeting.ErrorCode(err) != tc.code {
				t.Errorf("err = %v, want code %s", err, tc.code)
			}
		})
	}
	if ps, _ := f.s.Pledges(ctx, f.m1.ID); len(ps) != 1 {
		t.Errorf("failed saves left %d pledges, want 1", len(ps))
	}
}
