package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDevSeed: the hidden `klynge dev seed` fills a new database with the
// history asked for, which `meeting list` then shows, and refuses a
// database that already has a cluster or a number of years out of range.
func TestDevSeed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "h.db")
	code, out, errOut := runKlynge(t, nil, "--db", db, "dev", "seed", "--years", "1")
	if code != 0 || !strings.Contains(out, "5 møder over 1 år") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = runKlynge(t, nil, "--db", db, "meeting", "list")
	if code != 0 || strings.Count(out, "\n") < 5 {
		t.Errorf("meeting list: exit %d:\n%s", code, out)
	}
	for _, args := range [][]string{{"dev", "seed"}, {"dev", "seed", "--years", "0"}} {
		code, _, errOut := runKlynge(t, nil, append([]string{"--db", db, "--lang", "en"}, args...)...)
		if code != 1 || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want one line and exit 1", args, code, errOut)
		}
	}
	_, help, _ := runKlynge(t, nil, "--help")
	if strings.Contains(help, "dev ") {
		t.Errorf("the dev command shows in help:\n%s", help)
	}
}
