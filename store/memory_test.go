package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestScreenCachesAreSmall guards the screen's peak memory: the
// quick check and the backup that `klynge run` starts beside its first
// frame read on connections of their own, and with SQLite's default page
// cache (2 MB each) they added about 2.5 MiB to the peak RSS of a
// ten-year history. The screen's own connection has a small cache too
// (1.2 MiB less); the other commands' store keeps SQLite's default.
func TestScreenCachesAreSmall(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "klynge.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	screen, err := OpenCheckLater(filepath.Join(t.TempDir(), "screen.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer screen.Close()
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
		{"screen's store", screen.db, -screenCacheKiB},
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
	if sideCacheKiB > 256 || screenCacheKiB > 1024 {
		t.Errorf("sideCacheKiB = %d, screenCacheKiB = %d: the screen's caches are meant to be small", sideCacheKiB, screenCacheKiB)
	}
}
