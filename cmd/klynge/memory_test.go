package main

import (
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestScreenCollectsAtHalfTheHeap: a command that shows a meeting
// (openScreenStore: run, demo) sets the collector's target to
// screenGCPercent, which keeps its peak memory lower; the others keep
// Go's default.
func TestScreenCollectsAtHalfTheHeap(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	dir := t.TempDir()
	a := &app{db: filepath.Join(dir, "klynge.db"), env: environment{getenv: func(string) string { return "" }}}
	s, err := a.openStore()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after openStore GOGC is %d, want Go's default 100", got)
	}
	s, err = a.openScreenStore()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := debug.SetGCPercent(100); got != screenGCPercent || screenGCPercent >= 100 {
		t.Errorf("after openScreenStore GOGC is %d, want %d (below 100)", got, screenGCPercent)
	}
}
