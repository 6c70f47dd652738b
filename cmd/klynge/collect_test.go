package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// collectMeeting makes a database with the demo cluster and a meeting on
// a copy of the demo pack without its data.csv (so no practice has sent
// figures yet) and, when edit is given, with pack.toml changed by it.
func collectMeeting(t *testing.T, edit func(string) string) map[string]string {
	t.Helper()
	env := map[string]string{"KLYNGE_DB": filepath.Join(t.TempDir(), "klynge.db")}
	if code, _, errOut := runKlynge(t, env, "init", "--roster", demoRoster); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	dir := copyDemoPack(t)
	if err := os.Remove(filepath.Join(dir, "data.csv")); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		p := filepath.Join(dir, "pack.toml")
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		changed := edit(string(src))
		if changed == string(src) {
			t.Fatal("the demo pack changed; update this test's edit")
		}
		if err := os.WriteFile(p, []byte(changed), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errOut := runKlynge(t, env, "meeting", "new", "--pack", dir, "--date", "2026-12-03"); code != 0 {
		t.Fatalf("meeting new: %s", errOut)
	}
	return env
}

// demoCluster reads the cluster behind env.
func demoCluster(t *testing.T, env map[string]string) meeting.Cluster {
	t.Helper()
	s, err := store.Open(env["KLYNGE_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Cluster(context.Background(), storedMeeting(t, env, 1).ClusterID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// request runs `klynge data request` into a new folder and returns it.
func request(t *testing.T, env map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, errOut := runKlynge(t, env, "data", "request", "-o", dir, "--period", "2026Q3"); code != 0 {
		t.Fatalf("data request: %s", errOut)
	}
	return dir
}

// filledFigure is what the fill-in script writes for a practice's
// indicator: numbers that differ per practice, so a swapped row shows.
func filledFigure(i int, id string) (num, den, val string) {
	if id == "liste-stoerrelse" {
		return "", "", fmt.Sprint(1500 + i)
	}
	return fmt.Sprint(10 + i), fmt.Sprint(100 + i), ""
}

// fillCSV fills a request CSV as a practice would in a text editor: the
// empty figure cells get numbers, everything else stays.
func fillCSV(t *testing.T, path string, i int) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\r\n")
	for j := 1; j < len(lines); j++ {
		if lines[j] == "" {
			continue
		}
		_, rest, _ := strings.Cut(lines[j], ";")
		id, _, _ := strings.Cut(rest, ";")
		num, den, val := filledFigure(i, id)
		n := strings.Count(lines[j], ";;;;")
		if n != 1 {
			t.Fatalf("%s:%d: want one run of empty figure cells: %q", path, j+1, lines[j])
		}
		lines[j] = strings.Replace(lines[j], ";;;;", ";"+num+";"+den+";"+val+";", 1)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\r\n")), 0o600); err != nil {
		t.Fatal(err)
	}
}

// fillXLSX fills a request workbook as a practice would in Excel: numbers
// in the figure cells of the data sheet.
func fillXLSX(t *testing.T, path string, i int) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("data")
	if err != nil {
		t.Fatal(err)
	}
	for r := 2; r <= len(rows); r++ {
		num, den, val := filledFigure(i, rows[r-1][1])
		for col, v := range map[string]string{"E": num, "F": den, "G": val} {
			if v == "" {
				continue
			}
			var n int
			fmt.Sscan(v, &n)
			if err := f.SetCellInt("data", fmt.Sprintf("%s%d", col, r), int64(n)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// returned makes a folder of returned files: each practice's request
// filled in, as CSV for even and XLSX for odd positions in the cluster.
func returned(t *testing.T, env map[string]string) (string, meeting.Cluster) {
	t.Helper()
	req := request(t, env)
	c := demoCluster(t, env)
	back := t.TempDir()
	for i, p := range c.Practices {
		ext := "csv"
		if i%2 == 1 {
			ext = "xlsx"
		}
		name := requestName(p.Ydernummer, ext)
		data, err := os.ReadFile(filepath.Join(req, name))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(back, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if ext == "csv" {
			fillCSV(t, path, i)
		} else {
			fillXLSX(t, path, i)
		}
	}
	return back, c
}

// fileText is everything a request file holds as text: a CSV's bytes, a
// workbook's cells on every sheet.
func fileText(t *testing.T, path string) string {
	t.Helper()
	if strings.HasSuffix(path, ".csv") {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return b.String()
}

// TestDataRequestFilesHoldOnlyTheirPractice writes the request folder and
// reads every file: named by its practice's ydernummer, pre-filled with it,
// the pack's indicators, their definitions and the period, and holding no
// other practice's ydernummer or name (each file is sent to its practice).
func TestDataRequestFilesHoldOnlyTheirPractice(t *testing.T) {
	env := demoMeeting(t)
	env["KLYNGE_LANG"] = "en"
	dir := t.TempDir()
	code, out, errOut := runKlynge(t, env, "data", "request", "-o", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "wrote files for 14 practices for meeting 1") || !strings.Contains(out, "period 1 Oct 2025–30 Sep 2026,") {
		t.Errorf("summary %q", out)
	}
	c := demoCluster(t, env)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	var want []string
	for _, p := range c.Practices {
		want = append(want, requestName(p.Ydernummer, "csv"), requestName(p.Ydernummer, "xlsx"))
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Fatalf("files %v, want %v", names, want)
	}
	m := storedMeeting(t, env, 1)
	for _, p := range c.Practices {
		for _, ext := range []string{"csv", "xlsx"} {
			text := fileText(t, filepath.Join(dir, requestName(p.Ydernummer, ext)))
			if !strings.Contains(text, p.Ydernummer) {
				t.Errorf("%s.%s lacks its ydernummer", p.Ydernummer, ext)
			}
			for _, ind := range m.Pack.Indicators {
				if !strings.Contains(text, ind.ID) || !strings.Contains(text, ind.Title) {
					t.Errorf("%s.%s lacks indicator %s", p.Ydernummer, ext, ind.ID)
				}
			}
			for _, s := range []string{"01.10.2025–30.09.2026", "how many patients meet", "numerator"} {
				if !strings.Contains(text, s) {
					t.Errorf("%s.%s lacks %q", p.Ydernummer, ext, s)
				}
			}
			for _, other := range c.Practices {
				if other.Ydernummer == p.Ydernummer {
					continue
				}
				if strings.Contains(text, other.Ydernummer) || strings.Contains(text, other.Name) {
					t.Errorf("%s.%s names another practice, %s %s", p.Ydernummer, ext, other.Ydernummer, other.Name)
				}
			}
		}
	}
	// A second request into the same folder is refused without --force.
	if code, _, errOut := runKlynge(t, env, "data", "request", "-o", dir); code != 1 || !strings.Contains(errOut, "--force") {
		t.Errorf("second request: exit %d, %s", code, errOut)
	}
	if code, _, errOut := runKlynge(t, env, "data", "request", "-o", dir, "--force"); code != 0 {
		t.Errorf("--force: exit %d, %s", code, errOut)
	}
}

// TestDataImportRequestFolder fills every practice's request (half CSV,
// half XLSX), imports the folder in one go and checks every figure and
// the status before and after.
func TestDataImportRequestFolder(t *testing.T) {
	env := collectMeeting(t, nil)
	env["KLYNGE_LANG"] = "en"
	_, out, _ := runKlynge(t, env, "data", "status")
	if !strings.Contains(out, "figures from 0 of 14 practices") || strings.Count(out, " no ") != 14 {
		t.Errorf("status before:\n%s", out)
	}
	back, c := returned(t, env)
	code, out, errOut := runKlynge(t, env, "data", "import", back)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "14 files: imported 70 figures into meeting 1") || !strings.Contains(out, "70 added") {
		t.Errorf("summary %q", out)
	}
	m := storedMeeting(t, env, 1)
	if len(m.Values) != 70 {
		t.Fatalf("%d figures, want 70", len(m.Values))
	}
	for i, p := range c.Practices {
		for _, ind := range m.Pack.Indicators {
			v, ok := figure(m, p.Ydernummer, ind.ID)
			num, den, val := filledFigure(i, ind.ID)
			got := fmt.Sprintf("%v/%v/%v", deref(v.Numerator), deref(v.Denominator), deref(v.Value))
			want := num + "/" + den + "/<nil>"
			if num == "" {
				want = "<nil>/<nil>/" + val
			}
			if !ok || got != want || v.Period != "2026Q3" {
				t.Errorf("%s %s = %s %q, want %s", p.Ydernummer, ind.ID, got, v.Period, want)
			}
		}
		a, ok := m.Arrivals[p.Ydernummer]
		if !ok || !a.At.Equal(testNow) || !strings.HasPrefix(a.Source, "tal-"+p.Ydernummer+".") || a.Figures != 5 {
			t.Errorf("arrival of %s: %+v", p.Ydernummer, a)
		}
	}
	_, out, _ = runKlynge(t, env, "data", "status")
	if !strings.Contains(out, "figures from 14 of 14 practices") || !strings.Contains(out, "2026-11-23 15:04") || strings.Contains(out, " no ") {
		t.Errorf("status after:\n%s", out)
	}
	_, out, _ = runKlynge(t, env, "data", "status", "--csv")
	if !strings.HasPrefix(out, "\ufeffYDERNUMMER,PRACTICE,SENT") || strings.Count(out, "\n") != 15 {
		t.Errorf("status --csv:\n%s", out)
	}
}

// TestDataImportOneWrongFileWritesNothing imports the folder of returned
// files with mistakes in two of them: every problem of both files is
// listed, and the database is as it was, row for row (figures and
// arrivals). Two files giving the same practice's figure is refused too,
// naming both.
func TestDataImportOneWrongFileWritesNothing(t *testing.T) {
	env := collectMeeting(t, nil)
	env["KLYNGE_LANG"] = "en"
	back, c := returned(t, env)
	// A first, good import of one practice, so there is something to keep.
	first := filepath.Join(back, requestName(c.Practices[0].Ydernummer, "csv"))
	if code, _, errOut := runKlynge(t, env, "data", "import", first); code != 0 {
		t.Fatal(errOut)
	}
	before := storedMeeting(t, env, 1)

	bad := filepath.Join(back, requestName(c.Practices[2].Ydernummer, "csv"))
	src, err := os.ReadFile(bad)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(src), ";12;102;", ";ti;102;", 1)
	if broken == string(src) {
		t.Fatal("the filled file changed; update this test")
	}
	if err := os.WriteFile(bad, []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	badXLSX := filepath.Join(back, requestName(c.Practices[3].Ydernummer, "xlsx"))
	f, err := excelize.OpenFile(badXLSX)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellInt("data", "E3", 500); err != nil { // over its denominator
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	code, out, errOut := runKlynge(t, env, "data", "import", back)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{
		bad + `:2:`, `numerator "ti" is not a number`,
		badXLSX + `:3: sheet "data", cell E3: numerator 500 is larger than denominator 103`,
		"2 problems found; nothing was imported",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	sameAsBefore := func() {
		t.Helper()
		after := storedMeeting(t, env, 1)
		if valuesKey(after) != valuesKey(before) || len(after.Arrivals) != len(before.Arrivals) || len(after.Arrivals) != 1 {
			t.Errorf("a refused import changed the meeting: %d figures, arrivals %v", len(after.Values), after.Arrivals)
		}
	}
	sameAsBefore()

	// The same practice in two files.
	dup := t.TempDir()
	good := filepath.Join(back, requestName(c.Practices[1].Ydernummer, "xlsx"))
	for _, from := range []string{first, good} {
		data, _ := os.ReadFile(from)
		if err := os.WriteFile(filepath.Join(dup, filepath.Base(from)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	copyOf := filepath.Join(dup, "kopi.csv")
	data, _ := os.ReadFile(first)
	if err := os.WriteFile(copyOf, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runKlynge(t, env, "data", "import", dup)
	if code != 1 || !strings.Contains(errOut, filepath.Join(dup, filepath.Base(first))+": practice "+c.Practices[0].Ydernummer+" also has a figure for") ||
		!strings.Contains(errOut, "in "+copyOf) {
		t.Errorf("two files: exit %d\n%s", code, errOut)
	}
	sameAsBefore()
}

// TestDataImportRegionFile imports a region's extract: the cluster's rows
// are imported, the other practices' rows are skipped and counted, and
// with --region-from-file their mean (under min_denominator left out)
// becomes the region mark of the indicator whose pack gives none.
func TestDataImportRegionFile(t *testing.T) {
	env := collectMeeting(t, func(s string) string { return strings.Replace(s, "region = 61.5\n", "", 1) })
	env["KLYNGE_LANG"] = "en"
	c := demoCluster(t, env)
	var b strings.Builder
	b.WriteString("ydernummer;indikator;tæller;nævner;værdi;periode\n")
	for i, p := range c.Practices[:3] {
		fmt.Fprintf(&b, "%s;kol-forloebsplan;%d;100;;2026\n", p.Ydernummer, 50+i)
	}
	// 41 other practices: 40 at 50 % and 60 %, alternately, and one with
	// 3 patients, under min_denominator, which must not count.
	for i := range 40 {
		fmt.Fprintf(&b, "9%05d;kol-forloebsplan;%d;10;;2026\n", i, 5+i%2)
	}
	b.WriteString("990099;kol-forloebsplan;3;3;;2026\n")
	b.WriteString("990098;kol-forloebsplan;ti;3;;2026\n") // broken, skipped silently
	path := filepath.Join(t.TempDir(), "region-2026.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}

	// Without the flag: imported, skipped rows reported, a hint.
	code, out, errOut := runKlynge(t, env, "data", "import", "--dry-run", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{path + ": skipped 42 rows for 42 other practices", "--region-from-file", "3 figures for meeting 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	code, out, errOut = runKlynge(t, env, "data", "import", "--region-from-file", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := "region figure for kol-forloebsplan: 55.0 % (mean of 40 practices in region-2026.csv)"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	m := storedMeeting(t, env, 1)
	if len(m.Values) != 3 {
		t.Errorf("%d figures, want the cluster's 3", len(m.Values))
	}
	rf := m.Regions["kol-forloebsplan"]
	if rf.Value != 55 || rf.Practices != 40 || rf.Source != "region-2026.csv" {
		t.Errorf("region figure %+v", rf)
	}
	chart, err := m.Chart("kol-forloebsplan", nil)
	if err != nil {
		t.Fatal(err)
	}
	var region *meeting.Mark
	for i, mk := range chart.Marks {
		if mk.Kind == meeting.MarkRegion {
			region = &chart.Marks[i]
		}
	}
	if region == nil || region.Value != 55 || chart.RegionFrom == nil || chart.RegionFrom.Practices != 40 {
		t.Errorf("chart marks %+v, region from %+v", chart.Marks, chart.RegionFrom)
	}

	// A file of other practices only is refused.
	only := filepath.Join(t.TempDir(), "anden-klynge.csv")
	if err := os.WriteFile(only, []byte("ydernummer;indikator;tæller;nævner;værdi;periode\n900001;kol-forloebsplan;5;10;;2026\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runKlynge(t, env, "data", "import", only)
	if code != 1 || !strings.Contains(errOut, only+":1: none of the file's 1 row is for a practice of the cluster") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// A request needs a period: without one the returned figures could not be
// checked for freshness. The meeting has no figures to take it from, so
// the command must ask for --period, in the UI language, and write nothing.
func TestDataRequestWithoutPeriodIsRefused(t *testing.T) {
	env := collectMeeting(t, nil)
	for _, lang := range []string{"da", "en"} {
		dir := t.TempDir()
		code, out, errOut := runKlynge(t, env, "--lang", lang, "data", "request", "-o", dir)
		if code != 1 {
			t.Fatalf("%s: exit %d, want 1; out %q err %q", lang, code, out, errOut)
		}
		if !strings.Contains(errOut, "--period 2026Q3") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%s: want one line naming --period, got %q", lang, errOut)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: %d files written", lang, len(entries))
		}
	}
	dir := t.TempDir()
	code, out, errOut := runKlynge(t, env, "--lang", "en", "data", "request", "-o", dir, "--period", "2026-10")
	if code != 0 || !strings.Contains(out, "period Oct 2026") {
		t.Fatalf("with --period: exit %d, out %q, err %q", code, out, errOut)
	}
}

// A long practice name is cut in the status table, so one name cannot
// widen every row past the terminal; a short one stays whole.
func TestStatusNameIsCut(t *testing.T) {
	long := "Lægehuset 🩺👩‍⚕️ " + strings.Repeat("Å", 150)
	if got := statusName(long); ansi.StringWidth(got) > 40 || !strings.HasSuffix(got, "…") {
		t.Errorf("statusName(long) = %q (%d cells)", got, ansi.StringWidth(got))
	}
	if got := statusName("Lægerne Østergade"); got != "Lægerne Østergade" {
		t.Errorf("a short name changed: %q", got)
	}
}
