package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackNewPassesCheck writes both kinds of starter pack and checks them
// with `klynge pack check`; a folder that holds something is refused.
func TestPackNewPassesCheck(t *testing.T) {
	for _, kind := range []string{"data", "talk"} {
		dir := filepath.Join(t.TempDir(), "ny")
		if code, _, errOut := runKlynge(t, nil, "pack", "new", dir, "--title", "Opioider", "--kind", kind); code != 0 {
			t.Fatalf("%s: %s", kind, errOut)
		}
		code, out, errOut := runKlynge(t, nil, "pack", "check", dir)
		if code != 0 || !strings.Contains(out, "ok — Opioider") {
			t.Errorf("%s: check %d %q %s", kind, code, out, errOut)
		}
		_, err := os.Stat(filepath.Join(dir, "data.csv"))
		if (kind == "data") != (err == nil) {
			t.Errorf("%s: data.csv: %v", kind, err)
		}
		if code, _, errOut := runKlynge(t, nil, "pack", "new", dir); code != 1 || !strings.Contains(errOut, "ikke tom") {
			t.Errorf("%s: a second pack new into the folder: %d %q", kind, code, errOut)
		}
	}
}
