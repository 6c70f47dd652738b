package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/klynge/klynge/meeting"
)

// TestOpenScratch: a scratch database (the demo's) commits without
// waiting for the disk, every other open waits (synchronous FULL), and
// what a scratch store commits is in the file for the next open.
func TestOpenScratch(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	tests := []struct {
		name string
		open func(string) (*Store, error)
		want int // PRAGMA synchronous: 0 OFF, 2 FULL
	}{
		{"Open", Open, 2},
		{"OpenCheckLater", OpenCheckLater, 2},
		{"OpenScratch", OpenScratch, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name+".db")
			s, err := tt.open(path)
			if err != nil {
				t.Fatal(err)
			}
			var got int
			if err := s.db.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("PRAGMA synchronous = %d, want %d", got, tt.want)
			}
			c, err := s.CreateCluster(ctx, meeting.Cluster{Name: "Klynge " + tt.name})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			again, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			if back, err := again.Cluster(ctx, c.ID); err != nil || back.Name != c.Name {
				t.Errorf("reopened: cluster %+v, %v; want %q", back, err, c.Name)
			}
		})
	}
}
