package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
	"github.com/klynge/klynge/store"
)

func TestExportAllWritesTheStandardSet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	env := map[string]string{"KLYNGE_DB": db}
	if code, _, errOut := runKlynge(t, env, "init", "--roster", "../../testdata/demo/roster.csv"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := runKlynge(t, env, "meeting", "new", "--pack", demoPackDir, "--date", "2026-12-03"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := runKlynge(t, env, "pledge", "add", "--practice", "047318", "--action", "Forløbsplan ved årskontrol; sygeplejersken", "--due", "2027-03-01"); code != 0 {
		t.Fatal(errOut)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := s.LatestMeeting(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	e := storeExporter{store: s, lang: "da", clock: meeting.FixedClock(testNow)}
	dir := filepath.Join(t.TempDir(), "eksport")
	paths, err := e.ExportAll(context.Background(), m.ID, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"referat.md", "opfoelgning.md", "opfoelgning.csv", "opfoelgning.xlsx", "opfoelgning.ics", "fremmoede.csv", "slip-A.html", "slip-N.txt"}
	for _, name := range want {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if len(paths) != 6+2*14 {
		t.Errorf("wrote %d files, want %d", len(paths), 6+2*14)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "opfoelgning.md"))
	if !strings.Contains(string(md), "Forløbsplan ved årskontrol; sygeplejersken") {
		t.Errorf("follow-up list lacks the pledge:\n%s", md)
	}
	// The attendance export sits under export too.
	out := filepath.Join(t.TempDir(), "fremmoede.csv")
	if code, _, errOut := runKlynge(t, env, "export", "attendance", "-o", out); code != 0 {
		t.Fatalf("export attendance: %s", errOut)
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "\ufeff") || !strings.Contains(string(b), ";") {
		t.Errorf("attendance CSV for Danish Excel starts with a BOM and uses ';': %q", b[:min(len(b), 60)])
	}

	// A second export to the same folder overwrites nothing: it goes to a
	// fresh folder beside it, and a third to the next.
	before, _ := os.ReadFile(filepath.Join(dir, "referat.md"))
	for _, fresh := range []string{dir + "-2", dir + "-3"} {
		again, err := e.ExportAll(context.Background(), m.ID, dir)
		if err != nil {
			t.Fatalf("second export: %v", err)
		}
		if len(again) != len(paths) || filepath.Dir(again[0]) != fresh {
			t.Errorf("second export wrote %d files to %s, want %d in %s", len(again), filepath.Dir(again[0]), len(paths), fresh)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "referat.md")); string(after) != string(before) {
		t.Error("the second export changed the first one's files")
	}
	// A folder whose parent is missing is a clear error.
	if _, err := e.ExportAll(context.Background(), m.ID, filepath.Join(t.TempDir(), "nope", "x")); err == nil || !strings.Contains(msg.For("en").Error(err), "does not exist") {
		t.Errorf("missing parent: %v", err)
	}
}
