package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// twoEvaluatedMeetings makes a database with two demo meetings, each with
// scores on its evaluation item, and returns its environment.
func twoEvaluatedMeetings(t *testing.T) map[string]string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "klynge.db")
	env := map[string]string{"KLYNGE_DB": db}
	if code, _, errOut := runKlynge(t, env, "init", "--roster", "../../testdata/demo/roster.csv"); code != 0 {
		t.Fatal(errOut)
	}
	for _, date := range []string{"03-09-2026", "03-12-2026"} {
		if code, _, errOut := runKlynge(t, env, "meeting", "new", "--pack", demoPackDir, "--date", date, "--start", "18:00"); code != 0 {
			t.Fatal(errOut)
		}
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for id, scores := range map[int64][]int{1: {6, 7, 8}, 2: {10, 0, 9, 9}} {
		m, err := s.Meeting(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range m.Items {
			if it.Kind != meeting.KindEvaluation {
				continue
			}
			for _, sc := range scores {
				if err := s.RecordScore(ctx, id, it.ID, sc, 1); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return env
}

func TestEvaluationCommand(t *testing.T) {
	env := twoEvaluatedMeetings(t)
	code, out, errOut := runKlynge(t, env, "evaluation")
	if code != 0 {
		t.Fatal(errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "Dato") || !strings.HasPrefix(lines[1], "03-09-2026") || !strings.HasSuffix(lines[2], "  4  7           9") {
		t.Errorf("text:\n%s", out)
	}
	csvPath := filepath.Join(t.TempDir(), "evaluering.csv")
	code, out, errOut = runKlynge(t, env, "--lang", "en", "evaluation", "-o", csvPath)
	if code != 0 || !strings.Contains(out, "wrote the evaluation of 2 meetings") {
		t.Fatalf("%d %q %s", code, out, errOut)
	}
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "2026-12-03,KOL – diagnostik og opfølgning,4,7,9,1,0,0,0,0,0,0,0,0,2,1\r\n") {
		t.Errorf("csv:\n%q", b)
	}
	// The minutes of the second meeting hold the trend of both.
	md := filepath.Join(t.TempDir(), "referat.md")
	if code, _, errOut := runKlynge(t, env, "export", "minutes", "--meeting", "2", "-o", md); code != 0 {
		t.Fatal(errOut)
	}
	b, _ = os.ReadFile(md)
	if !strings.Contains(string(b), "Scorer: n = 4, gennemsnit 7, median 9.") || !strings.Contains(string(b), "| 03-09-2026 |") {
		t.Errorf("minutes:\n%s", b)
	}
	for _, bad := range [][]string{{"evaluation", "--format", "xlsx"}, {"evaluation", "-o", "x.pdf"}, {"evaluation", "--format", "csv", "-o", "x.txt"}} {
		if code, _, errOut := runKlynge(t, env, bad...); code != 1 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: %d %q", bad, code, errOut)
		}
	}
}
