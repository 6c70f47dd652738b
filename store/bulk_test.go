package store

import (
	"context"
	"testing"

	"github.com/klynge/klynge/meeting"
)

// TestAddPledges: new pledges and follow-ups of earlier ones land in one
// transaction, checked as SavePledge and ReviewPledge check them; one bad
// pledge or follow-up stores nothing.
func TestAddPledges(t *testing.T) {
	ctx := context.Background()
	f := mustPledgeFixture(t)
	earlier, err := f.s.SavePledge(ctx, testPledge(f.m1.ID))
	if err != nil {
		t.Fatal(err)
	}
	at := f.m2.PlannedStart
	bad := testPledge(0)
	bad.Ydernummer = "999999"
	cases := []struct {
		name    string
		pledges []meeting.Pledge
		reviews []Review
		wantErr bool
	}{
		{"a practice not in the cluster", []meeting.Pledge{testPledge(0), bad}, nil, true},
		{"a follow-up of a later meeting's pledge", []meeting.Pledge{testPledge(0)},
			[]Review{{PledgeID: earlier.ID, Outcome: meeting.OutcomeDone, At: at}}, false},
		{"a follow-up with no time", nil, []Review{{PledgeID: earlier.ID, Outcome: meeting.OutcomeDone}}, true},
		{"a pledge of another meeting", []meeting.Pledge{testPledge(f.m1.ID)}, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, err := f.s.Pledges(ctx, f.m2.ID)
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.s.AddPledges(ctx, f.m2.ID, c.pledges, c.reviews)
			after, err2 := f.s.Pledges(ctx, f.m2.ID)
			if err2 != nil {
				t.Fatal(err2)
			}
			if c.wantErr {
				if err == nil {
					t.Fatal("stored, want an error")
				}
				if len(after) != len(before) {
					t.Errorf("a failed batch stored %d pledges", len(after)-len(before))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(c.pledges) || len(after) != len(before)+len(c.pledges) {
				t.Fatalf("returned %d, stored %d, want %d", len(got), len(after)-len(before), len(c.pledges))
			}
			for i, p := range got {
				if p.ID == 0 || p.MeetingID != f.m2.ID || p.Action != c.pledges[i].Action {
					t.Errorf("pledge %d read back as %+v", i, p)
				}
			}
			if len(c.reviews) > 0 {
				open, err := f.s.OpenPledges(ctx, f.m2.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range open {
					if p.ID == earlier.ID && (p.Review == nil || p.Review.Outcome != meeting.OutcomeDone) {
						t.Errorf("follow-up not stored: %+v", p.Review)
					}
				}
			}
		})
	}
}
