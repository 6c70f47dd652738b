package main

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

const demoRoster = "../../testdata/demo/roster.csv"

// demoMeeting makes a database with the demo cluster and a meeting on the
// demo pack, and returns the environment that points at it.
func demoMeeting(t *testing.T) map[string]string {
	t.Helper()
	env := map[string]string{"KLYNGE_DB": filepath.Join(t.TempDir(), "klynge.db")}
	if code, _, errOut := runKlynge(t, env, "init", "--roster", demoRoster); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	if code, _, errOut := runKlynge(t, env, "meeting", "new", "--pack", demoPackDir, "--date", "2026-12-03"); code != 0 {
		t.Fatalf("meeting new: %s", errOut)
	}
	return env
}

// storedMeeting reads meeting id from the database behind env.
func storedMeeting(t *testing.T, env map[string]string, id int64) meeting.Meeting {
	t.Helper()
	s, err := store.Open(env["KLYNGE_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := s.Meeting(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// figure finds a practice's figure for an indicator.
func figure(m meeting.Meeting, yd, indicator string) (meeting.DataRow, bool) {
	for _, v := range m.Values {
		if v.Ydernummer == yd && v.Indicator == indicator {
			return v, true
		}
	}
	return meeting.DataRow{}, false
}

// valuesKey is every stored figure as text, to see that nothing changed.
func valuesKey(m meeting.Meeting) string {
	var b strings.Builder
	for _, v := range m.Values {
		fmt.Fprintf(&b, "%s %s %v %v %v %s\n", v.Ydernummer, v.Indicator, deref(v.Numerator), deref(v.Denominator), deref(v.Value), v.Period)
	}
	return b.String()
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestMeetingNewDrawsCodesAndImportsPackData(t *testing.T) {
	env := demoMeeting(t)
	m := storedMeeting(t, env, 1)
	if len(m.Codes) != 14 {
		t.Fatalf("%d codes, want one per practice (14): %v", len(m.Codes), m.Codes)
	}
	codes := slices.Sorted(maps.Values(m.Codes))
	if codes[0] != "A" || codes[13] != "N" || len(slices.Compact(codes)) != 14 {
		t.Errorf("codes %v, want A … N once each", codes)
	}
	if len(m.Values) != 69 {
		t.Errorf("%d figures, want the pack's 69", len(m.Values))
	}
	if v, ok := figure(m, "047318", "andel-65plus"); !ok || *v.Value != 24.8 {
		t.Errorf("047318 andel-65plus = %+v", v)
	}

	// Another meeting gets other codes.
	if code, _, errOut := runKlynge(t, env, "meeting", "new", "--pack", demoPackDir); code != 0 {
		t.Fatal(errOut)
	}
	if other := storedMeeting(t, env, 2); maps.Equal(other.Codes, m.Codes) {
		t.Error("two meetings drew the same codes")
	}
}

func TestMeetingNewRefusesPackDataOutsideTheCluster(t *testing.T) {
	env := map[string]string{"KLYNGE_DB": filepath.Join(t.TempDir(), "klynge.db")}
	env["KLYNGE_LANG"] = "en" // this test reads the English wording
	if code, _, errOut := runKlynge(t, env, "init", "--roster", demoRoster); code != 0 {
		t.Fatal(errOut)
	}
	dir := copyDemoPack(t)
	dataPath := filepath.Join(dir, "data.csv")
	src, err := os.ReadFile(dataPath)
	if err != nil {
		t.Fatal(err)
	}
	// A practice of the region, but not of this cluster, on line 71.
	src = append(src, []byte("999999;kol-prevalens;10;1000;;2026\n")...)
	if err := os.WriteFile(dataPath, src, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runKlynge(t, env, "meeting", "new", "--pack", dir)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if want := dataPath + ":71:1: practice 999999 is not in the cluster"; !strings.HasPrefix(errOut, want) {
		t.Errorf("stderr %q, want it to start with %q", errOut, want)
	}
	if _, out, _ := runKlynge(t, env, "meeting", "list"); !strings.Contains(out, "no meetings") {
		t.Errorf("a meeting was created: %q", out)
	}
}

func TestDataImport(t *testing.T) {
	env := demoMeeting(t)
	env["KLYNGE_LANG"] = "en" // this test reads the English wording
	before := storedMeeting(t, env, 1)

	code, out, errOut := runKlynge(t, env, "data", "import", "--meeting", "1", filepath.Join(fixtureDir, "rettelser.csv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "imported 3 figures into meeting 1") || !strings.Contains(out, "1 added, 1 replaced, 1 unchanged") {
		t.Errorf("summary %q", out)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("want a one-line summary, got %q", out)
	}
	m := storedMeeting(t, env, 1)
	if len(m.Values) != len(before.Values)+1 {
		t.Errorf("%d figures, want %d", len(m.Values), len(before.Values)+1)
	}
	if v, ok := figure(m, "174063", "kol-spirometri"); !ok || *v.Numerator != 20 || *v.Denominator != 58 {
		t.Errorf("added figure %+v", v)
	}
	if v, _ := figure(m, "047318", "kol-forloebsplan"); *v.Numerator != 100 {
		t.Errorf("replaced figure %+v", v)
	}
	if v, _ := figure(m, "119648", "kol-forloebsplan"); *v.Denominator != 3 {
		t.Errorf("a figure not in the file changed: %+v", v)
	}

	// The same figures from a workbook, to the latest meeting by default.
	code, out, errOut = runKlynge(t, env, "data", "import", filepath.Join(fixtureDir, "rettelser.xlsx"))
	if code != 0 || !strings.Contains(out, "0 added, 0 replaced, 3 unchanged") {
		t.Errorf("xlsx: exit %d, %q %s", code, out, errOut)
	}
	if after := storedMeeting(t, env, 1); valuesKey(after) != valuesKey(m) {
		t.Errorf("the workbook changed the figures:\n%s\nwant\n%s", valuesKey(after), valuesKey(m))
	}
	code, out, errOut = runKlynge(t, env, "data", "import", filepath.Join(fixtureDir, "english.csv"))
	if code != 0 || !strings.Contains(out, "1 unchanged") {
		t.Errorf("english.csv: exit %d, %q %s", code, out, errOut)
	}
}

func TestDataImportDryRun(t *testing.T) {
	env := demoMeeting(t)
	env["KLYNGE_LANG"] = "en" // this test reads the English wording
	before := valuesKey(storedMeeting(t, env, 1))
	code, out, errOut := runKlynge(t, env, "data", "import", "--dry-run", filepath.Join(fixtureDir, "rettelser.csv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"3 figures for meeting 1", "nothing is written",
		"INDICATOR", "WITHOUT A FIGURE",
		// 174063 gets its kol-spirometri figure, so every practice has one.
		"kol-spirometri    1        14 of 14       1 (n<5)",
		"kol-forloebsplan  1        14 of 14       1 (n<5)",
		"kol-prevalens     0        14 of 14       0 (n<5)", // suppression is on by default
		"importing would add 1, replace 1 and leave 1 unchanged",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if after := valuesKey(storedMeeting(t, env, 1)); after != before {
		t.Error("--dry-run changed the figures")
	}

	// The pack's own figures again: nothing changes, and the practice
	// without a kol-spirometri figure is named.
	code, out, _ = runKlynge(t, env, "data", "import", "--dry-run", filepath.Join(demoPackDir, "data.csv"))
	if code != 0 || !strings.Contains(out, "13 of 14       1 (n<5)     174063 Læge Mads Åkjær") ||
		!strings.Contains(out, "add 0, replace 0 and leave 69 unchanged") {
		t.Errorf("dry run of the pack's own data:\n%s", out)
	}
}

func TestDataImportRefusesBadFiles(t *testing.T) {
	env := demoMeeting(t)
	before := valuesKey(storedMeeting(t, env, 1))
	f := func(name string) string { return filepath.Join(fixtureDir, name) }
	tests := []struct {
		file  string
		wants []string // each a line of stderr, in order, before the summary
	}{
		{"latin1.csv", []string{f("latin1.csv") + `:1:23: ikke UTF-8-tekst (byte 0xe6, sandsynligvis »æ« gemt som Windows-1252): gem filen som UTF-8`}},
		{"tom.csv", []string{f("tom.csv") + ": filen er tom: første linje skal være overskriften ydernummer;indikator;tæller;nævner;værdi;periode"}},
		{"na.csv", []string{f("na.csv") + `:2:21: værdi er »n/a«, ikke et tal: hvis praksis 047318 ikke har et tal for andel-65plus, så udelad rækken`}},
		{"procent.csv", []string{f("procent.csv") + `:3:25: tæller »12,5 %« er en procent, ikke et antal`}},
		{"flettede.xlsx", []string{f("flettede.xlsx") + ":3: celle A3: cellerne A3:A4 er flettet: klynge skal have en værdi i hver celle; ophæv fletningen"}},
		{"formler.xlsx", []string{f("formler.xlsx") + ":3: celle D3: indeholder formlen =C3*2: klynge læser værdier, ikke formler"}},
		{"data.pdf", []string{f("data.pdf") + ": klynge læser data fra .csv-, .txt- og .xlsx-filer"}},
		{"findes-ikke.csv", []string{f("findes-ikke.csv") + ": filen findes ikke: tjek stien"}},
		// Line 3's practice 999999 is outside the cluster: a region's
		// extract holds such rows, so it is skipped, not a problem.
		{"fejl.csv", []string{
			f("fejl.csv") + `:4:8: ukendt indikator »kol-spiro«: brug en af kol-prevalens, kol-forloebsplan, kol-spirometri, liste-stoerrelse, andel-65plus`,
			f("fejl.csv") + ":5:27: nævner er 0",
			f("fejl.csv") + ":6:25: tæller 12 er større end nævner 10",
			f("fejl.csv") + `:7:1: praksis 047318 har to rækker for »kol-forloebsplan«: den første står på linje 2`,
			f("fejl.csv") + `:8:23: værdi er »n/a«, ikke et tal`,
			f("fejl.csv") + `:9:22: tæller »12,5 %« er en procent, ikke et antal`,
			f("fejl.csv") + `:10:1: ydernummer »4731« har 4 cifre, ikke 6`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			for _, dry := range []bool{false, true} {
				args := []string{"data", "import", "--meeting", "1", f(tt.file)}
				if dry {
					args = append(args, "--dry-run")
				}
				code, out, errOut := runKlynge(t, env, args...)
				if code != 1 || out != "" {
					t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out)
				}
				lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
				if len(lines) != len(tt.wants)+1 {
					t.Fatalf("want %d problems and a summary, got:\n%s", len(tt.wants), errOut)
				}
				for i, want := range tt.wants {
					if !strings.HasPrefix(lines[i], want) {
						t.Errorf("line %d:\n%s\nwant it to start with\n%s", i+1, lines[i], want)
					}
				}
				summary := lines[len(lines)-1]
				if !strings.HasPrefix(summary, fmt.Sprintf("klynge: %d problem", len(tt.wants))) || !strings.Contains(summary, "intet er importeret") {
					t.Errorf("summary %q", summary)
				}
			}
			if after := valuesKey(storedMeeting(t, env, 1)); after != before {
				t.Error("a refused file changed the figures")
			}
		})
	}
}

func TestDataImportWithoutMeeting(t *testing.T) {
	env := map[string]string{"KLYNGE_DB": filepath.Join(t.TempDir(), "klynge.db")}
	code, _, errOut := runKlynge(t, env, "data", "import", filepath.Join(fixtureDir, "rettelser.csv"))
	if code != 1 || !strings.Contains(errOut, "endnu ingen møder") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	env = demoMeeting(t)
	code, _, errOut = runKlynge(t, env, "data", "import", "--meeting", "7", filepath.Join(fixtureDir, "rettelser.csv"))
	if code != 1 || !strings.Contains(errOut, "møde 7 findes ikke") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestMeetingCodes(t *testing.T) {
	env := demoMeeting(t)
	env["KLYNGE_LANG"] = "en" // this test reads the English wording
	m := storedMeeting(t, env, 1)

	// Without --show nothing secret is printed.
	code, out, errOut := runKlynge(t, env, "meeting", "codes")
	if code != 0 || !strings.Contains(out, "letter codes for 14 practices") || !strings.Contains(out, "--show") {
		t.Fatalf("exit %d, %q %s", code, out, errOut)
	}
	for yd := range m.Codes {
		if strings.Contains(out, yd) {
			t.Errorf("output names practice %s without --show: %q", yd, out)
		}
	}

	// --show: the warning first, then one line per practice.
	for _, lang := range []string{"da", "en"} {
		code, out, _ = runKlynge(t, env, "--lang", lang, "meeting", "codes", "--meeting", "1", "--show")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || len(lines) != 16 {
			t.Fatalf("--show: exit %d:\n%s", code, out)
		}
		if want := map[string]string{"da": "IKKE TIL PROJEKTOR", "en": "NOT FOR THE PROJECTOR"}[lang]; !strings.Contains(lines[0], want) {
			t.Errorf("first line %q lacks %q", lines[0], want)
		}
		if !strings.HasPrefix(lines[2], "A ") || !strings.Contains(out, "B     ") {
			t.Errorf("the key is not in code order:\n%s", out)
		}
		for yd, c := range m.Codes {
			if !strings.Contains(out, c+strings.Repeat(" ", 6-len(c))+yd) {
				t.Errorf("key lacks %s for %s:\n%s", c, yd, out)
			}
		}
	}

	// --regenerate draws new codes.
	code, out, errOut = runKlynge(t, env, "meeting", "codes", "--regenerate")
	if code != 0 || !strings.Contains(out, "drew new letter codes for the 14 practices of meeting 1") {
		t.Fatalf("exit %d, %q %s", code, out, errOut)
	}
	fresh := storedMeeting(t, env, 1).Codes
	if len(fresh) != 14 || maps.Equal(fresh, m.Codes) {
		t.Errorf("codes after --regenerate: %v (were %v)", fresh, m.Codes)
	}
	for yd := range fresh {
		if strings.Contains(out, yd) {
			t.Errorf("--regenerate without --show printed practice %s", yd)
		}
	}

	// Once the meeting has started, the codes stay.
	s, err := store.Open(env["KLYNGE_DB"])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := startMeeting(context.Background(), s, 1, time.Date(2026, 12, 3, 17, 31, 0, 0, time.Local)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errOut = runKlynge(t, env, "meeting", "codes", "--meeting", "1", "--regenerate", "--show")
	if code != 1 || out != "" || !strings.Contains(errOut, "meeting 1 started at 2026-12-03 17:31: its letter codes cannot change") {
		t.Errorf("after the start: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if got := storedMeeting(t, env, 1).Codes; !maps.Equal(got, fresh) {
		t.Error("a refused --regenerate changed the codes")
	}
}

func TestDemoMeetingHasCodesAndData(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	// Without a terminal the demo stops after creating its meeting.
	if code, _, errOut := runKlynge(t, nil, "--db", db, "demo"); code != 1 || !strings.Contains(errOut, "terminal") {
		t.Fatalf("demo: exit %d, %s", code, errOut)
	}
	m := storedMeeting(t, map[string]string{"KLYNGE_DB": db}, 1)
	if len(m.Codes) != 14 || len(m.Values) != 69 {
		t.Errorf("demo meeting has %d codes and %d figures, want 14 and 69", len(m.Codes), len(m.Values))
	}
}
