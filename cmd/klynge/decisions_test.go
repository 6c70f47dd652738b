package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDecisionsCommand records decisions at two meetings (a rule, its
// change, a rejected reversal) and reads the log in each format.
func TestDecisionsCommand(t *testing.T) {
	env := twoEvaluatedMeetings(t)
	for _, args := range [][]string{
		{"--meeting", "1", "--item", "1", "--text", "Praksis er anonyme ved alle møder", "--vote", "enstemmigt", "--rule", "Anonymitet"},
		{"--meeting", "1", "--item", "2", "--text", "Næste møde om opioider", "--vote", "12-0"},
		{"--meeting", "2", "--item", "3", "--text", "Anonymiteten løftes ved datamøder", "--vote", "14-2-1", "--rule", "anonymitet"},
		{"--meeting", "2", "--item", "4", "--text", "Anonyme igen", "--vote", "4-9", "--rule", "Anonymitet"},
	} {
		if code, _, errOut := runKlynge(t, env, append([]string{"decisions", "add"}, args...)...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	code, out, errOut := runKlynge(t, env, "decisions")
	if code != 0 {
		t.Fatal(errOut)
	}
	if !strings.Contains(out, "Regler i kraft:\n  anonymitet: Anonymiteten løftes ved datamøder (03-12-2026)\n") || strings.Count(out, "\n03-") != 4 {
		t.Errorf("log:\n%s", out)
	}
	md := filepath.Join(t.TempDir(), "beslutninger.md")
	if code, out, errOut := runKlynge(t, env, "--lang", "en", "decisions", "-o", md); code != 0 || !strings.Contains(out, "wrote 4 decisions") {
		t.Fatalf("%d %q %s", code, out, errOut)
	}
	b, _ := os.ReadFile(md)
	if !strings.Contains(string(b), "| 4-9-0 | rejected |") || !strings.Contains(string(b), "## Rules in force") {
		t.Errorf("markdown:\n%s", b)
	}
	minutes := filepath.Join(t.TempDir(), "referat.md")
	if code, _, errOut := runKlynge(t, env, "export", "minutes", "--meeting", "2", "-o", minutes); code != 0 {
		t.Fatal(errOut)
	}
	b, _ = os.ReadFile(minutes)
	if !strings.Contains(string(b), "## Beslutninger") || !strings.Contains(string(b), "for 14, imod 2, undlader 1 (vedtaget)") {
		t.Errorf("minutes:\n%s", b)
	}
	for _, bad := range [][]string{
		{"decisions", "add", "--item", "99", "--text", "x", "--vote", "1-0"},
		{"decisions", "add", "--item", "1", "--text", "x", "--vote", "flertal"},
		{"decisions", "add", "--item", "1", "--text", "x\x1b[2J", "--vote", "1-0"},
		{"decisions", "add", "--item", "1", "--text", strings.Repeat("😀", 2001), "--vote", "1-0"},
		{"decisions", "--format", "xlsx"},
	} {
		if code, _, errOut := runKlynge(t, env, bad...); code != 1 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: %d %q", bad[:3], code, errOut)
		}
	}
}
