package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stalePack is the demo pack, which sets max_age = "6m"; its data.csv
// covers 01.10.2025–30.09.2026, so its figures are fresh up to and
// including 30 March 2027.
func stalePack(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(demoPackDir, "pack.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "\nmax_age = \"6m\"\n") {
		t.Fatal(`the demo pack no longer sets max_age = "6m"`)
	}
	return demoPackDir
}

// TestMeetingNewWarnsAboutOldFigures: the pack's own figures are checked
// against max_age at the meeting's date; exactly six months after the
// period is fresh, one day more is a warning per indicator, not an error.
func TestMeetingNewWarnsAboutOldFigures(t *testing.T) {
	dir := stalePack(t)
	for _, tt := range []struct {
		date, lang string
		want       []string
	}{
		{"2027-03-30", "da", nil},
		{"2027-03-31", "da", []string{
			"advarsel: kol-prevalens: tallene for 1. okt. 2025–30. sep. 2026 er ældre end 6 måneder ved mødet 2027-03-31 (14 praksis)",
			"advarsel: andel-65plus: tallene for 1. okt. 2025–30. sep. 2026 er ældre end 6 måneder ved mødet 2027-03-31 (14 praksis)",
		}},
		{"2027-03-31", "en", []string{
			"warning: kol-forloebsplan: the figures for 1 Oct 2025–30 Sep 2026 are older than 6 months at the meeting on 2027-03-31 (14 practices)",
		}},
	} {
		t.Run(tt.date+"-"+tt.lang, func(t *testing.T) {
			env := map[string]string{"KLYNGE_DB": filepath.Join(t.TempDir(), "klynge.db"), "KLYNGE_LANG": tt.lang}
			if code, _, errOut := runKlynge(t, env, "init", "--roster", demoRoster); code != 0 {
				t.Fatalf("init: %s", errOut)
			}
			code, out, errOut := runKlynge(t, env, "meeting", "new", "--pack", dir, "--date", tt.date)
			if code != 0 {
				t.Fatalf("meeting new: exit %d: %s", code, errOut)
			}
			warned := strings.Contains(out, "advarsel") || strings.Contains(out, "warning")
			if tt.want == nil && warned {
				t.Errorf("fresh figures warned about:\n%s", out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w+"\n") {
					t.Errorf("missing %q in:\n%s", w, out)
				}
			}
			if tt.want != nil && strings.Count(out, "\n") != 1+5 {
				t.Errorf("want the created line and one warning per indicator (5):\n%s", out)
			}
		})
	}
}

// TestDataImportWarnsAboutOldFigures: an import names each stale
// indicator and period once, imports them anyway, and says nothing about
// fresh ones; figures without a period are warned about when the pack
// sets max_age.
func TestDataImportWarnsAboutOldFigures(t *testing.T) {
	dir := stalePack(t)
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			env := map[string]string{"KLYNGE_DB": filepath.Join(t.TempDir(), "klynge.db"), "KLYNGE_LANG": lang}
			if code, _, errOut := runKlynge(t, env, "init", "--roster", demoRoster); code != 0 {
				t.Fatalf("init: %s", errOut)
			}
			if code, out, errOut := runKlynge(t, env, "meeting", "new", "--pack", dir, "--date", "2027-01-05"); code != 0 || strings.Contains(out, "advarsel") {
				t.Fatalf("meeting new: exit %d: %s%s", code, out, errOut)
			}
			file := filepath.Join(t.TempDir(), "nye.csv")
			src := "ydernummer;indikator;tæller;nævner;værdi;periode\n" +
				"047318;kol-forloebsplan;100;131;;2026K2\n" + // ends 30 June: fresh to 30 Dec 2026
				"093561;kol-forloebsplan;30;40;;2026Q2\n" +
				"150237;kol-forloebsplan;30;40;;2026Q3\n" + // fresh
				"047318;kol-spirometri;20;58;;2026-06\n" +
				"093561;kol-spirometri;20;58;;\n" // no period
			if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runKlynge(t, env, "data", "import", file)
			if code != 0 {
				t.Fatalf("import: exit %d: %s", code, errOut)
			}
			want := map[string][]string{
				"da": {
					"advarsel: kol-forloebsplan: tallene for 2. kvt. 2026 er ældre end 6 måneder ved mødet 2027-01-05 (2 praksis)\n",
					"advarsel: kol-spirometri: tallene for jun. 2026 er ældre end 6 måneder ved mødet 2027-01-05 (1 praksis)\n",
					"advarsel: kol-spirometri: 1 praksis har tal uden periode, så deres alder kan ikke ses (pakken kræver højst 6 måneder)\n",
				},
				"en": {
					"warning: kol-forloebsplan: the figures for Q2 2026 are older than 6 months at the meeting on 2027-01-05 (2 practices)\n",
					"warning: kol-spirometri: the figures for Jun 2026 are older than 6 months at the meeting on 2027-01-05 (1 practice)\n",
					"warning: kol-spirometri: 1 practice has figures without a period, so their age cannot be told (the pack allows at most 6 months)\n",
				},
			}[lang]
			for _, w := range want {
				if !strings.Contains(out, w) {
					t.Errorf("missing %q in:\n%s", w, out)
				}
			}
			if n := strings.Count(out, "advarsel") + strings.Count(out, "warning"); n != len(want) {
				t.Errorf("%d warnings, want %d:\n%s", n, len(want), out)
			}
			if strings.Contains(out, "3. kvt") || strings.Contains(out, "Q3 2026") {
				t.Errorf("fresh figures warned about:\n%s", out)
			}
			m := storedMeeting(t, env, 1)
			if r, ok := figure(m, "093561", "kol-forloebsplan"); !ok || r.Period != "2026Q2" {
				t.Errorf("old figures are imported, not refused: %+v %v", r, ok)
			}
		})
	}
}

// TestDataImportRefusesFreeTextPeriod: a period that cannot be read is an
// error naming file, line and column, and nothing is written.
func TestDataImportRefusesFreeTextPeriod(t *testing.T) {
	env := demoMeeting(t)
	before := valuesKey(storedMeeting(t, env, 1))
	file := filepath.Join(t.TempDir(), "fri.csv")
	src := "ydernummer;indikator;tæller;nævner;værdi;periode\n" +
		"047318;kol-forloebsplan;100;131;;2026Q3\n" +
		"093561;kol-forloebsplan;30;40;;efteråret 2026\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runKlynge(t, env, "data", "import", file)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if want := file + ":3:32: periode: »efteråret 2026« er ikke en periode: skriv et kvartal som 2026Q3"; !strings.Contains(errOut, want) {
		t.Errorf("want %q in:\n%s", want, errOut)
	}
	if after := valuesKey(storedMeeting(t, env, 1)); after != before {
		t.Error("a refused file changed the figures")
	}
}
