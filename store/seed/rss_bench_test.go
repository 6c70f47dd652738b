package seed_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkQuickCheck is the damage check `klynge run` leaves to run
// beside the first frame: every page of ten years read on a read-only
// connection of its own, whose small page cache (store's sideCacheKiB)
// must not make it slower.
func BenchmarkQuickCheck(b *testing.B) {
	s, _, _ := tenYears(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := s.QuickCheck(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBackupTo is the copy taken as a meeting opens and closes
// (VACUUM INTO on a read-only connection of its own) of ten years.
func BenchmarkBackupTo(b *testing.B) {
	s, _, _ := tenYears(b)
	ctx := context.Background()
	dir := b.TempDir()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		if err := s.BackupTo(ctx, filepath.Join(dir, "copy-"+strconv.Itoa(n)+".db")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMeetingHistory lists the 41 meetings as the screen keeps them
// for the whole evening (store.MeetingHistory): compare its B/op with
// BenchmarkMeetings'.
func BenchmarkMeetingHistory(b *testing.B) {
	s, _, _ := tenYears(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.MeetingHistory(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}
