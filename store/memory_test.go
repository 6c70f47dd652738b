package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestSideConnectionsUseASmallCache guards the screen's peak memory: the
// quick check and the backup that `klynge run` starts beside its first
// frame read on connections of their own, and with SQLite's default page
// cache (2 MB each) they added about 2.5 MiB to the peak RSS of a
// ten-year history. The store's own connection keeps the default.
func TestSideConnectionsUseASmallCache(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "klynge.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	side, err := s.readOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer side.Close()
	for _, tc := range []struct {
		name string
		db   interface {
			QueryRowContext(context.Context, string, ...any) *sql.Row
		}
		want int
	}{
		{"store", s.db, -2000},
		{"check and backup", side, -sideCacheKiB},
	} {
		var got int
		if err := tc.db.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&got); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got != tc.want {
			t.Errorf("%s connection: cache_size %d, want %d", tc.name, got, tc.want)
		}
	}
	if sideCacheKiB > 256 {
		t.Errorf("sideCacheKiB = %d: the side connections' cache is meant to be small", sideCacheKiB)
	}
}
