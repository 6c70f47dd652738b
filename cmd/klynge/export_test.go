package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/store/seed"
)

// slipsDB makes a database with the demo cluster and one demo meeting,
// with codes and figures as asked, and returns its path, the meeting and
// the roster.
func slipsDB(t *testing.T, codes, values bool) (string, meeting.Meeting, []meeting.Practice) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	demo := klynge.DemoFS()
	packFS, err := fs.Sub(demo, klynge.DemoPackDir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pack.Read(packFS, klynge.DemoPackDir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := demo.Open(klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	practices, err := pack.ReadRoster(f, klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCluster(ctx, meeting.Cluster{Name: demoClusterName, Practices: practices})
	if err != nil {
		t.Fatal(err)
	}
	m, err := meeting.New(p, "", time.Date(2026, 12, 3, 18, 0, 0, 0, time.Local), testNow)
	if err != nil {
		t.Fatal(err)
	}
	m.ClusterID = c.ID
	if codes {
		var yds []string
		for _, pr := range practices {
			yds = append(yds, pr.Ydernummer)
		}
		if m.Codes, err = meeting.NewCodes(yds, nil); err != nil {
			t.Fatal(err)
		}
	}
	if values {
		m.Values = p.Data
	}
	if m, err = s.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	if (len(m.Codes) > 0) != codes || (len(m.Values) > 0) != values {
		t.Fatalf("the store did not keep the codes (%d) or figures (%d)", len(m.Codes), len(m.Values))
	}
	return path, m, practices
}

func TestExportSlips(t *testing.T) {
	db, m, practices := slipsDB(t, true, true)
	env := map[string]string{"KLYNGE_DB": db}
	dir := t.TempDir() // must exist: export slips never creates a folder
	id := strconv.FormatInt(m.ID, 10)

	code, out, errOut := runKlynge(t, env, "export", "slips", "--meeting", id, "-o", dir)
	if code != 0 {
		t.Fatalf("export slips: %d %s", code, errOut)
	}
	if want := "skrev 14 ark for møde " + id + " (" + m.Title + ", 2026-12-03) til " + dir; !strings.HasPrefix(out, want) {
		t.Errorf("stdout %q, want %q…", out, want)
	}
	// Nothing on the terminal pairs a code with a practice.
	for _, p := range practices {
		if strings.Contains(out+errOut, p.Name) || strings.Contains(out+errOut, p.Ydernummer) {
			t.Errorf("the terminal shows practice %s: %q", p.Ydernummer, out+errOut)
		}
	}

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2*len(practices) {
		t.Errorf("want %d files, got %d", 2*len(practices), len(entries))
	}
	named := regexp.MustCompile(`^slip-[A-Z]+\.(html|txt)$`)
	for _, e := range entries {
		if !named.MatchString(e.Name()) {
			t.Errorf("unexpected file %s (a left-over temp file?)", e.Name())
		}
		if info, err := e.Info(); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600 (%v)", e.Name(), info.Mode().Perm(), err)
		}
	}
	// Each practice's slip is in the file of its code and names it.
	for _, p := range practices {
		for _, ext := range []string{"html", "txt"} {
			b, err := os.ReadFile(filepath.Join(dir, "slip-"+m.Codes[p.Ydernummer]+"."+ext))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), p.Name) {
				t.Errorf("slip-%s.%s does not name %q", m.Codes[p.Ydernummer], ext, p.Name)
			}
			if !strings.Contains(string(b), "Jeres kode i aften: ") {
				t.Errorf("slip-%s.%s is not a Danish slip", m.Codes[p.Ydernummer], ext)
			}
		}
	}

	// A second export refuses to overwrite, in one line, and changes nothing.
	before, _ := os.ReadFile(filepath.Join(dir, "slip-A.html"))
	code, _, errOut = runKlynge(t, env, "--lang", "en", "export", "slips", "--meeting", id, "-o", dir)
	if code != 1 || !strings.Contains(errOut, "--force") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("overwrite without --force: code %d, stderr %q", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "slip-A.html")); string(after) != string(before) {
		t.Error("a refused export changed a slip")
	}

	// --force overwrites; --lang picks the slips' language; a slip left
	// from another export is pointed out, by file name only.
	if err := os.WriteFile(filepath.Join(dir, "slip-ZZ.txt"), []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Without --meeting the latest meeting, the only one here.
	code, out, errOut = runKlynge(t, env, "--lang", "en", "export", "slips", "-o", dir, "--force")
	if code != 0 {
		t.Fatalf("export --force: %d %s", code, errOut)
	}
	if !strings.Contains(out, "slip-ZZ.txt") {
		t.Errorf("stdout should point out the stale slip-ZZ.txt: %q", out)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "slip-A.txt")); !strings.Contains(string(b), "Your code tonight: A") {
		t.Errorf("--lang en slip:\n%s", b)
	}
}

func TestExportSlipsErrors(t *testing.T) {
	db, m, _ := slipsDB(t, true, true)
	noCodesDB, noCodes, _ := slipsDB(t, false, true)
	noValuesDB, noValues, _ := slipsDB(t, true, false)
	tmp := t.TempDir()
	file := filepath.Join(tmp, "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(m.ID, 10)
	tests := []struct {
		name string
		db   string
		args []string
		want string
	}{
		{"missing parent folder", db, []string{"--meeting", id, "-o", filepath.Join(tmp, "missing", "slips")}, filepath.Join(tmp, "missing")},
		{"missing folder", db, []string{"--meeting", id, "-o", filepath.Join(tmp, "missing")}, "does not exist"},
		{"out is a file", db, []string{"--meeting", id, "-o", file}, "is a file"},
		{"unknown meeting", db, []string{"--meeting", "42", "-o", tmp}, "42"},
		{"negative meeting", db, []string{"--meeting", "-1", "-o", tmp}, "-1"},
		{"no out flag", db, []string{"--meeting", id}, "out"},
		{"meeting without codes", noCodesDB, []string{"--meeting", strconv.FormatInt(noCodes.ID, 10), "-o", tmp}, "letter codes"},
		{"meeting without figures", noValuesDB, []string{"--meeting", strconv.FormatInt(noValues.ID, 10), "-o", tmp}, "data import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--lang", "en", "export", "slips"}, tt.args...)
			code, out, errOut := runKlynge(t, map[string]string{"KLYNGE_DB": tt.db}, args...)
			if code != 1 || out != "" {
				t.Errorf("want exit 1 and no stdout, got %d %q", code, out)
			}
			if !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("stderr %q should be one line naming %q", errOut, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(tmp, "missing")); !os.IsNotExist(err) {
		t.Errorf("a failed export must not create the missing folder: %v", err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 1 {
		t.Errorf("failed exports wrote files: %v", entries)
	}
}

// TestExportSlipsWhatNow: each slip lists its own practice's pledges from
// the meeting and no other's, and the next meeting's date from the year
// plan; with none planned it says so.
func TestExportSlipsWhatNow(t *testing.T) {
	db, m, _ := slipsDB(t, true, true)
	env := map[string]string{"KLYNGE_DB": db}
	id := strconv.FormatInt(m.ID, 10)
	for _, args := range [][]string{
		{"pledge", "add", "--meeting", id, "--practice", "047318", "--action", "Forløbsplan ved hver årskontrol", "--owner", "sygeplejersken", "--due", "2027-03-01"},
		{"pledge", "add", "--meeting", id, "--practice", "150237", "--action", "Nørregades eget tiltag", "--due", "2027-03-01"},
	} {
		if code, _, errOut := runKlynge(t, env, args...); code != 0 {
			t.Fatalf("%v: %d %s", args, code, errOut)
		}
	}
	read := func(dir, yd string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, "slip-"+m.Codes[yd]+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	export := func() string {
		t.Helper()
		dir := t.TempDir()
		if code, _, errOut := runKlynge(t, env, "export", "slips", "--meeting", id, "-o", dir); code != 0 {
			t.Fatalf("export slips: %d %s", code, errOut)
		}
		return dir
	}

	dir := export()
	own, other := read(dir, "047318"), read(dir, "093561")
	for _, want := range []string{"Jeres næste skridt", "- Forløbsplan ved hver årskontrol", "Ansvarlig: sygeplejersken · Frist: 1. marts 2027", "Næste klyngemøde er ikke planlagt endnu."} {
		if !strings.Contains(own, want) {
			t.Errorf("047318's slip lacks %q:\n%s", want, own)
		}
	}
	if strings.Contains(own, "Nørregades") {
		t.Error("047318's slip shows another practice's pledge")
	}
	if !strings.Contains(other, "Jeres praksis har ingen tiltag noteret fra dette møde.") || strings.Contains(other, "Forløbsplan ved") {
		t.Errorf("a practice without pledges:\n%s", other)
	}

	if code, _, errOut := runKlynge(t, env, "plan", "add", "--date", "04-03-2027", "--topic", "KOL igen"); code != 0 {
		t.Fatalf("plan add: %d %s", code, errOut)
	}
	dir = export()
	if own := read(dir, "047318"); !strings.Contains(own, "Næste klyngemøde: torsdag den 4. marts 2027") {
		t.Errorf("the slip does not give the year plan's next meeting:\n%s", own)
	}
	b, err := os.ReadFile(filepath.Join(dir, "slip-"+m.Codes["047318"]+".html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Forløbsplan ved hver årskontrol", "Næste klyngemøde: torsdag den 4. marts 2027", "<svg"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the HTML slip lacks %q", want)
		}
	}
}

// TestExportSlipsSeries exports the slips of tonight's meeting of a
// generated history (a year of quarterly meetings) and finds on each the
// practice's own series beside the cluster's: the last four meetings,
// tonight's value last, the same as the slip's own figure.
func TestExportSlipsSeries(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := seed.History(ctx, s, seed.Options{Years: 1, Practices: 8, Doctors: 12, Now: testNow, Seed: 17})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Meetings) < 3 {
		t.Fatalf("the history has %d meetings, want at least 3", len(r.Meetings))
	}
	m, err := s.Meeting(ctx, r.Latest())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	dir := t.TempDir()
	env := map[string]string{"KLYNGE_DB": path}
	if code, _, errOut := runKlynge(t, env, "export", "slips", "--meeting", strconv.FormatInt(m.ID, 10), "-o", dir); code != 0 {
		t.Fatalf("export slips: %d %s", code, errOut)
	}
	for _, code := range m.Codes {
		b, err := os.ReadFile(filepath.Join(dir, "slip-"+code+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if n := strings.Count(text, "  Udvikling "); n == 0 {
			t.Errorf("slip %s has no series:\n%s", code, text)
			continue
		}
		// The first series: four meetings, the last tonight's.
		lines := strings.Split(text[strings.Index(text, "  Udvikling "):], "\n")
		dates, own := strings.Fields(lines[0])[1:], strings.Fields(lines[1])
		if len(dates) != 2*4 {
			t.Errorf("slip %s: series dates %q, want 4 meetings", code, dates)
		}
		months := strings.Split("jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec", "|")
		if last := dates[len(dates)-2] + " " + dates[len(dates)-1]; last != months[m.PlannedStart.Month()-1]+" "+strconv.Itoa(m.PlannedStart.Year()) {
			t.Errorf("slip %s: the series ends %q, not at tonight's meeting", code, last)
		}
		if len(own) < 3 {
			t.Errorf("slip %s: own row %q", code, lines[1])
		}
	}
}
