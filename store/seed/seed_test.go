package seed_test

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/store/seed"
)

var now = time.Date(2026, 11, 26, 16, 0, 0, 0, time.UTC)

func seeded(t testing.TB, o seed.Options) (*store.Store, seed.Result) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	o.Now = now
	r, err := seed.History(context.Background(), s, o)
	if err != nil {
		t.Fatal(err)
	}
	return s, r
}

// TestHistory checks the ten years the issue describes: 60 doctors in 30
// practices, 41 meetings (40 held and tonight's), attendance for everyone
// at every held meeting, six indicators' figures per practice, three
// pledges per practice, each followed up at the next meeting.
func TestHistory(t *testing.T) {
	ctx := context.Background()
	s, r := seeded(t, seed.Options{Seed: 1})
	if len(r.Meetings) != 41 || r.Doctors != 60 || r.Pledges != 40*30*3 {
		t.Fatalf("result %d meetings, %d doctors, %d pledges; want 41, 60, 3600", len(r.Meetings), r.Doctors, r.Pledges)
	}
	c, err := s.Cluster(ctx, r.ClusterID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Practices) != 30 {
		t.Errorf("%d practices, want 30", len(c.Practices))
	}
	for i, id := range r.Meetings {
		m, err := s.Meeting(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		held := i < len(r.Meetings)-1
		if want := 30 * 6; len(m.Values) != want {
			t.Errorf("meeting %d has %d figures, want %d", i+1, len(m.Values), want)
		}
		evaluated := false
		for _, it := range m.Items {
			evaluated = evaluated || len(it.Evaluation.Entries) > 0
		}
		if evaluated != held {
			t.Errorf("meeting %d: evaluated %v, held %v", i+1, evaluated, held)
		}
		if decided := len(m.Decisions) > 0; decided != held {
			t.Errorf("meeting %d: %d decisions, held %v", i+1, len(m.Decisions), held)
		}
		if held && (len(m.Attendance) != 60 || m.Started == nil || len(m.Groups) == 0) {
			t.Errorf("meeting %d: %d attended, started %v, %d groups", i+1, len(m.Attendance), m.Started, len(m.Groups))
		}
		if !held && (len(m.Attendance) != 0 || m.Started != nil) {
			t.Errorf("tonight's meeting has attendance or has started")
		}
		if i > 0 && i < len(r.Meetings)-1 {
			ps, err := s.Pledges(ctx, r.Meetings[i-1])
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				if p.Review == nil || p.Review.MeetingID != id {
					t.Fatalf("pledge %d of meeting %d not followed up at meeting %d: %+v", p.ID, i, i+1, p.Review)
				}
			}
		}
	}
	open, err := s.OpenPledges(ctx, r.Latest())
	if err != nil {
		t.Fatal(err)
	}
	if len(open) != 90 {
		t.Errorf("tonight has %d pledges to follow up, want 90", len(open))
	}
	if m, err := s.LatestMeeting(ctx); err != nil || m.ID != r.Latest() {
		t.Errorf("latest meeting %d (%v), want %d", m.ID, err, r.Latest())
	}
	h, err := s.AttendanceHistory(ctx, r.ClusterID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var missed int
	for _, ma := range h {
		for _, a := range ma.Attendance {
			if !a.Status.Attended() {
				missed++
			}
		}
	}
	if missed == 0 {
		t.Error("in ten years no one missed a meeting")
	}
}

// TestDeterministic: the same seed and clock give the same history, another
// seed another.
func TestDeterministic(t *testing.T) {
	ctx := context.Background()
	o := seed.Options{Years: 1, Seed: 7}
	digest := func(o seed.Options) string {
		s, r := seeded(t, o)
		m, err := s.Meeting(ctx, r.Meetings[1])
		if err != nil {
			t.Fatal(err)
		}
		ps, err := s.Pledges(ctx, r.Meetings[1])
		if err != nil {
			t.Fatal(err)
		}
		var out []any
		for _, v := range m.Values {
			out = append(out, v.Ydernummer, v.Indicator, num(v.Numerator), num(v.Denominator), num(v.Value))
		}
		out = append(out, m.Codes, len(m.Groups), m.Groups[0].Members, ps[0].Action, ps[5].Owner)
		for _, id := range slices.Sorted(maps.Keys(m.Attendance)) {
			out = append(out, m.Attendance[id].Status)
		}
		return fmt.Sprint(out...)
	}
	a, b := digest(o), digest(o)
	if a != b {
		t.Errorf("same seed, different histories:\n%s\n%s", a, b)
	}
	o.Seed = 8
	if c := digest(o); c == a {
		t.Error("another seed gave the same history")
	}
}

func num(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
