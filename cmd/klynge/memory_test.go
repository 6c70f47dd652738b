package main

import (
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
)

// TestScreenRuntime: a command that shows a meeting (openScreenStore: run;
// openScratchStore: the demo) runs Go code on screenProcs threads and
// collects at screenGCPercent, which keep its first frame early and its
// peak memory low; the others keep Go's defaults.
func TestScreenRuntime(t *testing.T) {
	oldGC := debug.SetGCPercent(100)
	oldProcs := runtime.GOMAXPROCS(2)
	t.Cleanup(func() {
		debug.SetGCPercent(oldGC)
		runtime.GOMAXPROCS(oldProcs)
	})
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
	if got := runtime.GOMAXPROCS(2); got != 2 {
		t.Errorf("after openStore GOMAXPROCS is %d, want it left at 2", got)
	}
	for name, open := range map[string]func() error{
		"openScreenStore": func() error {
			s, err := a.openScreenStore()
			if err == nil {
				s.Close()
			}
			return err
		},
		"openScratchStore": func() error {
			a := &app{db: filepath.Join(t.TempDir(), "demo.db"), env: a.env}
			s, err := a.openScratchStore()
			if err == nil {
				s.Close()
			}
			return err
		},
	} {
		if err := open(); err != nil {
			t.Fatal(err)
		}
		if got := debug.SetGCPercent(100); got != screenGCPercent || screenGCPercent >= 100 {
			t.Errorf("after %s GOGC is %d, want %d (below 100)", name, got, screenGCPercent)
		}
		if got := runtime.GOMAXPROCS(2); got != screenProcs {
			t.Errorf("after %s GOMAXPROCS is %d, want %d", name, got, screenProcs)
		}
	}
}
