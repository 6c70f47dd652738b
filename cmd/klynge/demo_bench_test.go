package main

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/tui"
)

// BenchmarkDemoStart is `klynge demo`'s start inside the process up to the
// first frame's data: a new scratch database (store.OpenScratch, as the
// demo without --db), the demo cluster and meeting made in
// it, and the meeting read as the projector's first frame reads it.
func BenchmarkDemoStart(b *testing.B) {
	dir := b.TempDir()
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		s, err := store.OpenScratch(filepath.Join(dir, strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		m, err := createDemoMeeting(ctx, s, testNow, testRand())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tui.Load(ctx, s, m.ID); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
