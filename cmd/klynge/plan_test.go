package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-ical"
)

// TestPlanCommands adds, edits, lists and removes planned meetings,
// writes the plan as ICS (read back by go-ical), resolves "næste" in a
// pledge's due date to the next planned date, and creates a meeting from
// a plan entry.
func TestPlanCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "klynge.db")
	env := map[string]string{"KLYNGE_DB": db}
	run := func(args ...string) string {
		t.Helper()
		code, out, errOut := runKlynge(t, env, args...)
		if code != 0 {
			t.Fatalf("%v: %d %s", args, code, errOut)
		}
		return out
	}
	run("init", "--roster", "../../testdata/demo/roster.csv")
	run("meeting", "new", "--pack", demoPackDir, "--date", "03-12-2026")
	run("plan", "add", "--date", "04-03-2027", "--place", "Lægehuset", "--topic", "KOL", "--host", "Lægerne i Byen")
	run("plan", "add", "--date", "10-06-2027", "--start", "18:00", "--topic", "Opioider")
	run("plan", "add", "--date", "01-09-2027")
	run("plan", "edit", "3", "--topic", "Generalforsamling", "--start", "19:00")
	out := run("plan", "remove", "2")
	if !strings.Contains(out, "møde 2 er fjernet") {
		t.Errorf("remove: %q", out)
	}
	out = run("plan", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "NR") || !strings.Contains(lines[1], "04-03-2027  17:30  Lægehuset  KOL") ||
		!strings.Contains(lines[2], "01-09-2027  19:00") || !strings.Contains(lines[2], "Generalforsamling") {
		t.Errorf("list:\n%s", out)
	}
	ics := filepath.Join(t.TempDir(), "aarshjul.ics")
	if out := run("plan", "--ics", ics); !strings.Contains(out, "2 møder") {
		t.Errorf("ics: %q", out)
	}
	b, _ := os.ReadFile(ics)
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil || len(cal.Events()) != 2 {
		t.Fatalf("ics read back: %v\n%s", err, b)
	}
	// "næste" at the December meeting is the first planned date.
	out = run("pledge", "add", "--meeting", "1", "--practice", "093561", "--action", "Forløbsplaner", "--due", "næste")
	if out = run("pledge", "list", "--meeting", "1"); !strings.Contains(out, "04-03-2027") {
		t.Errorf("pledge due next: %q", out)
	}
	out = run("meeting", "new", "--pack", demoPackDir, "--planned", "1")
	if !strings.Contains(out, "KOL") || !strings.Contains(out, "2027-03-04 17:30") {
		t.Errorf("meeting new --planned: %q", out)
	}
	if out = run("plan", "list"); !strings.Contains(strings.Split(out, "\n")[1], "  2") {
		t.Errorf("plan entry not linked to meeting 2:\n%s", out)
	}
	for _, bad := range [][]string{
		{"plan", "add", "--date", "31-02-2027"},
		{"plan", "add", "--date", "01-05-2027", "--place", "Sal\x1b[2J"},
		{"plan", "add", "--date", "01-05-2027", "--topic", strings.Repeat("x", 400)},
		{"plan", "edit", "99", "--topic", "x"},
		{"plan", "edit", "x"},
		{"plan", "remove", "99"},
		{"meeting", "new", "--pack", demoPackDir, "--planned", "99"},
	} {
		if code, _, errOut := runKlynge(t, env, bad...); code != 1 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: %d %q", bad[:3], code, errOut)
		}
	}
}
