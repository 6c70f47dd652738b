package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestPledgeAddAndExports(t *testing.T) {
	db, m, _ := slipsDB(t, false, false)
	env := map[string]string{"KLYNGE_DB": db}
	env["KLYNGE_LANG"] = "en" // this test reads the English wording
	id := strconv.FormatInt(m.ID, 10)

	code, out, errOut := runKlynge(t, env, "pledge", "add", "--meeting", id, "--practice", "047318",
		"--action", "Ring til KOL-patienter; \"årskontrol\"\nbookes", "--owner", "sygeplejersken",
		"--due", "01-03-2027", "--indicator", "kol-forloebsplan", "--target", "62,5")
	if code != 0 || !strings.Contains(out, "recorded pledge") {
		t.Fatalf("pledge add: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runKlynge(t, env, "pledge", "add", "--meeting", id, "--practice", "150237",
		"--action", "Spirometri", "--due", "3m"); code != 0 {
		t.Fatalf("pledge add 3m: %s", errOut)
	}
	code, out, _ = runKlynge(t, env, "pledge", "list", "--meeting", id)
	if code != 0 || !strings.Contains(out, "01-03-2027") || !strings.Contains(out, "03-03-2027") {
		t.Errorf("pledge list: %q", out)
	}

	dir := t.TempDir()
	for _, f := range []string{"plan.md", "plan.csv", "plan.xlsx", "plan.ics"} {
		path := filepath.Join(dir, f)
		code, out, errOut := runKlynge(t, env, "export", "followup", "--meeting", id, "-o", path)
		if code != 0 || !strings.Contains(out, "with 2 pledges") {
			t.Errorf("export followup %s: %d %q %q", f, code, out, errOut)
			continue
		}
		info, err := os.Stat(path)
		if err != nil || info.Size() == 0 || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", f, info, err)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "plan.csv"))
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF")))
	r.Comma = ',' // English, as the CLI speaks here
	recs, err := r.ReadAll()
	if err != nil || len(recs) != 3 || recs[1][3] != "Ring til KOL-patienter; \"årskontrol\"\nbookes" || recs[1][8] != "62.5" || recs[0][0] != "Provider number" {
		t.Errorf("csv = %q, %v", recs, err)
	}
	// --format wins over the extension.
	if code, _, errOut := runKlynge(t, env, "export", "followup", "--meeting", id, "--format", "csv", "-o", filepath.Join(dir, "plan.txt")); code != 0 {
		t.Errorf("--format csv: %s", errOut)
	}

	minutes := filepath.Join(dir, "referat.md")
	code, out, errOut = runKlynge(t, env, "export", "minutes", "--meeting", id, "-o", minutes)
	if code != 0 {
		t.Fatalf("export minutes: %d %q", code, errOut)
	}
	b, _ = os.ReadFile(minutes)
	if !strings.Contains(string(b), "# Minutes: ") || !strings.Contains(string(b), "## Pledges") || strings.Contains(string(b), "62.5") || strings.Contains(string(b), "62,5") {
		t.Errorf("minutes:\n%s", b)
	}
	if !strings.Contains(out, "wrote the minutes of meeting "+id) {
		t.Errorf("stdout %q", out)
	}
}

func TestExportFollowUpBadOutput(t *testing.T) {
	db, m, _ := slipsDB(t, false, false)
	env := map[string]string{"KLYNGE_DB": db}
	id := strconv.FormatInt(m.ID, 10)
	dir := t.TempDir()
	existing := filepath.Join(dir, "plan.csv")
	if err := os.WriteFile(existing, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o500); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing folder", []string{"followup", "-o", filepath.Join(dir, "nope", "plan.csv")}, "does not exist"},
		{"existing file", []string{"followup", "-o", existing}, "already exists: pass --force"},
		{"unknown extension", []string{"followup", "-o", filepath.Join(dir, "plan.pdf")}, "cannot tell the format"},
		{"unknown format", []string{"followup", "--format", "pdf", "-o", filepath.Join(dir, "plan.x")}, "unknown format"},
		{"minutes missing folder", []string{"minutes", "-o", filepath.Join(dir, "nope", "referat.md")}, "does not exist"},
		{"minutes existing file", []string{"minutes", "-o", existing}, "name the file .md"},
	}
	if os.Getuid() != 0 {
		tests = append(tests, struct {
			name string
			args []string
			want string
		}{"no permission", []string{"followup", "-o", filepath.Join(locked, "plan.csv")}, "permission denied"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--lang", "en", "export"}, tt.args...)
			args = append(args, "--meeting", id)
			code, _, errOut := runKlynge(t, env, args...)
			if code == 0 || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want one line with %q", code, errOut, tt.want)
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep" {
		t.Error("the existing file was overwritten")
	}
	if code, _, errOut := runKlynge(t, env, "export", "followup", "--meeting", id, "-o", existing, "--force"); code != 0 {
		t.Errorf("--force: %s", errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left-over files: %v", entries)
	}
}

func TestPledgeAddBadDue(t *testing.T) {
	db, m, _ := slipsDB(t, false, false)
	env := map[string]string{"KLYNGE_DB": db}
	id := strconv.FormatInt(m.ID, 10)
	// The due date's errors are the meeting package's, worded in the UI
	// language: Danish by default, English with --lang en.
	for _, tt := range []struct{ due, da, en string }{
		{"2020-01-01", "er overskredet", "has passed"},
		{"22-11-2026", "er overskredet", "has passed"}, // the day before testNow
		{"31-02-2027", "er ikke en frist", "is not a due date"},
		{"snart", "er ikke en frist", "is not a due date"},
		{"0m", "skriv måneder som", "write months as"},
	} {
		for lang, want := range map[string]string{"da": tt.da, "en": tt.en} {
			t.Run(tt.due+"/"+lang, func(t *testing.T) {
				code, _, errOut := runKlynge(t, env, "--lang", lang, "pledge", "add", "--meeting", id, "--practice", "047318",
					"--action", "x", "--due", tt.due)
				if code == 0 || !strings.Contains(errOut, want) || strings.Count(errOut, "\n") != 1 {
					t.Errorf("exit %d, stderr %q; want %q", code, errOut, want)
				}
			})
		}
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown practice", []string{"--practice", "999999"}, "ingen praksis i klyngen"},
		{"unknown indicator", []string{"--practice", "047318", "--indicator", "hba1c"}, "er ikke i pakken"},
		{"bad target", []string{"--practice", "047318", "--indicator", "kol-forloebsplan", "--target", "høj"}, "er ikke et tal"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"pledge", "add", "--meeting", id, "--action", "x", "--due", "1m"}, tt.args...)
			code, _, errOut := runKlynge(t, env, args...)
			if code == 0 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want %q", code, errOut, tt.want)
			}
		})
	}
	code, out, _ := runKlynge(t, env, "pledge", "list", "--meeting", id)
	if code != 0 || !strings.Contains(out, "ingen tiltag") {
		t.Errorf("refused pledges were stored: %q", out)
	}
}
