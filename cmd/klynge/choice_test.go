package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestChoiceWarnings: pack check and data import say which practice's
// figures for a choice make no stacked bar, in the UI language; the import
// still writes, and the warning goes once the figures fit.
func TestChoiceWarnings(t *testing.T) {
	const uvi = "../../meeting/pack/testdata/uvi"
	env := map[string]string{"KLYNGE_DB": filepath.Join(t.TempDir(), "klynge.db")}
	code, out, errOut := runKlynge(t, env, "pack", "check", uvi)
	if code != 0 || !strings.Contains(out, "advarsel: praksis 163920 har forskellige nævnere (70, 70, 74) for mulighederne i valget »uvi-valg«") {
		t.Fatalf("pack check: exit %d, %q %s", code, out, errOut)
	}
	if code, _, errOut := runKlynge(t, env, "init", "--roster", demoRoster); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	if code, _, errOut := runKlynge(t, env, "meeting", "new", "--pack", uvi, "--date", "2026-12-03"); code != 0 {
		t.Fatalf("meeting new: %s", errOut)
	}
	file := filepath.Join(t.TempDir(), "uvi.csv")
	write := func(text string) {
		if err := os.WriteFile(file, []byte("ydernummer;indikator;tæller;nævner;værdi;periode\n"+text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	env["KLYNGE_LANG"] = "en"
	// 174063 sends one option of three; 163920's third denominator is
	// put right.
	write("174063;uvi-pivmecillinam;30;40;;2026Q3\n163920;uvi-ciprofloxacin;5;70;;2026Q3\n")
	code, out, errOut = runKlynge(t, env, "data", "import", file)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "warning: practice 174063 has no row for uvi-sulfamethizol, uvi-ciprofloxacin in choice \"uvi-valg\"") {
		t.Errorf("no warning for the missing options: %q", out)
	}
	if strings.Contains(out, "163920") || !strings.Contains(out, "imported 2 figures") {
		t.Errorf("the import: %q", out)
	}
	write("174063;uvi-sulfamethizol;6;40;;2026Q3\n174063;uvi-ciprofloxacin;4;40;;2026Q3\n")
	if code, out, errOut = runKlynge(t, env, "data", "import", file); code != 0 || strings.Contains(out, "warning") {
		t.Errorf("the figures fit now: exit %d, %q %s", code, out, errOut)
	}
}
