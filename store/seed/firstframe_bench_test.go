package seed_test

import (
	"context"
	"testing"

	"github.com/klynge/klynge/store"
)

// BenchmarkFirstFrameReads splits what `klynge run` reads before its first
// frame on ten years of history into its parts, each on its own: opening
// the store (its damage check left for later), the meeting, its cluster,
// the count of pledges to follow up and the year plan.
func BenchmarkFirstFrameReads(b *testing.B) {
	s, r, path := tenYears(b)
	ctx := context.Background()
	id := r.Latest()
	m, err := s.Meeting(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		read func() error
	}{
		{"Open", func() error {
			st, err := store.OpenCheckLater(path)
			if err != nil {
				return err
			}
			return st.Close()
		}},
		{"Meeting", func() error { _, err := s.Meeting(ctx, id); return err }},
		{"Cluster", func() error { _, err := s.Cluster(ctx, m.ClusterID); return err }},
		{"OpenPledges", func() error { _, err := s.OpenPledges(ctx, id); return err }},
		{"OpenPledgeCount", func() error { _, err := s.OpenPledgeCount(ctx, id); return err }},
		{"Plan", func() error { _, err := s.Plan(ctx, m.ClusterID); return err }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := bc.read(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
