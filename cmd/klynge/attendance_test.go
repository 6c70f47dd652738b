package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// attendanceDB makes the demo cluster with a year of meetings and returns
// its environment and the meetings' ids by date. testNow is 23-11-2026.
//
//   - 01-06-2025: held, outside the last 12 months; Søren Ærø-Hansen absent.
//   - 10-02-2026, 12-05-2026, 25-08-2026, 10-11-2026: held (the first
//     started, the others by their check-ins). Everyone came, except:
//     Åse Bødker: apologies in May, absent in August (2 missed);
//     Mette Kjærgaard: came in February only (3 missed, away 9 months);
//     Lise Frølund: apologies in November (1 missed);
//     Ole Skærbæk: came in 2025, absent in February and May, retired
//     01-06-2026;
//     Nikolaj Ny: joined 01-07-2026, came in August, absent in November.
//   - 03-12-2026: planned.
func attendanceDB(t *testing.T) (string, map[string]string, map[string]int64) {
	t.Helper()
	db, env := demoDB(t)
	dates := []string{"2025-06-01", "2026-02-10", "2026-05-12", "2026-08-25", "2026-11-10", "2026-12-03"}
	ids := map[string]int64{}
	for i, d := range dates {
		mustKlynge(t, env, "meeting", "new", "--pack", demoPackDir, "--date", d, "--start", "17:30")
		ids[d] = int64(i + 1)
	}
	withStore(t, db, func(ctx context.Context, s *store.Store, c meeting.Cluster) {
		nikolaj, err := s.AddMember(ctx, c.ID, "047318", meeting.Member{Name: "Nikolaj Ny", Joined: time.Date(2026, 7, 1, 9, 0, 0, 0, time.Local)}, "")
		if err != nil {
			t.Fatal(err)
		}
		if c, err = s.Cluster(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		special := map[string]map[string]meeting.AttendanceStatus{
			"2025-06-01": {"Søren Ærø-Hansen": meeting.StatusAbsent, "Nikolaj Ny": "-"},
			"2026-02-10": {"Mette Kjærgaard": meeting.StatusPresent, "Ole Skærbæk": meeting.StatusAbsent, "Nikolaj Ny": "-"},
			"2026-05-12": {"Åse Bødker": meeting.StatusApologies, "Mette Kjærgaard": "-", "Ole Skærbæk": meeting.StatusAbsent, "Nikolaj Ny": "-"},
			"2026-08-25": {"Åse Bødker": meeting.StatusAbsent, "Mette Kjærgaard": "-", "Ole Skærbæk": "-", "Søren Ærø-Hansen": meeting.StatusLate},
			"2026-11-10": {"Lise Frølund": meeting.StatusApologies, "Mette Kjærgaard": "-", "Ole Skærbæk": "-", "Nikolaj Ny": meeting.StatusAbsent, "Jens Møller": meeting.StatusLeftEarly},
		}
		for date, who := range special {
			m, err := s.Meeting(ctx, ids[date])
			if err != nil {
				t.Fatal(err)
			}
			if date == "2026-02-10" {
				if _, err := startMeeting(ctx, s, m.ID, m.PlannedStart); err != nil {
					t.Fatal(err)
				}
			}
			for _, p := range c.Practices {
				for _, mem := range p.Members {
					status, ok := who[mem.Name]
					switch {
					case status == "-":
						continue
					case !ok:
						status = meeting.StatusPresent
					}
					if _, err := s.SetAttendance(ctx, m.ID, meeting.Attendance{MemberID: mem.ID, Status: status, At: m.PlannedStart}); err != nil {
						t.Fatalf("%s at %s: %v", mem.Name, date, err)
					}
				}
			}
			if date == "2026-05-12" {
				ole := memberNamed(t, c, "Ole Skærbæk")
				if _, err := s.RetireMember(ctx, ole.ID, time.Date(2026, 6, 1, 12, 0, 0, 0, time.Local)); err != nil {
					t.Fatal(err)
				}
			}
		}
		_ = nikolaj
	})
	return db, env, ids
}

func memberNamed(t *testing.T, c meeting.Cluster, name string) meeting.Member {
	t.Helper()
	for _, p := range c.Practices {
		for _, m := range p.Members {
			if m.Name == name {
				return m
			}
		}
	}
	t.Fatalf("no member %q", name)
	return meeting.Member{}
}

// reportLine finds the line of the text report that starts with name.
func reportLine(t *testing.T, report, name string) string {
	t.Helper()
	for _, line := range strings.Split(report, "\n") {
		if strings.HasPrefix(line, name+" ") {
			return strings.Join(strings.Fields(line), " ")
		}
	}
	t.Fatalf("no line for %s in\n%s", name, report)
	return ""
}

func TestAttendanceReport(t *testing.T) {
	_, env, _ := attendanceDB(t)
	out := mustKlynge(t, env, "attendance", "report")
	wantLines(t, out,
		"Fremmøde i Klynge Nordby, 24-11-2025–23-11-2026: 4 afholdte møder",
		"Regel: tag kontakt ved mere end 1 misset møde på 12 måneder (afbud tæller med), eller når et medlem ikke er set i mere end 6 måneder uden at melde afbud",
	)
	for name, want := range map[string]string{
		"Søren Ærø-Hansen": "Søren Ærø-Hansen Lægerne Østergade 4 4 0 0 10-11-2026",
		"Åse Bødker":       "Åse Bødker Lægerne Østergade 4 2 2 1 10-11-2026 TAG KONTAKT: 2 af 4 møder missede (højst 1)",
		"Mette Kjærgaard":  "Mette Kjærgaard Lægerne Østergade 4 1 3 0 10-02-2026 TAG KONTAKT: 3 af 4 møder missede (højst 1); ikke set i 9 måneder, ingen afbud",
		"Lise Frølund":     "Lise Frølund Lægerne Nørregade 4 3 1 1 25-08-2026",
		"Ole Skærbæk":      "Ole Skærbæk (udtrådt 01-06-2026) Lægerne Nørregade 2 0 2 0 01-06-2025",
		"Nikolaj Ny":       "Nikolaj Ny Lægerne Østergade 2 1 1 0 25-08-2026",
		"Jens Møller":      "Jens Møller Lægehuset ved Åen 4 4 0 0 10-11-2026",
	} {
		if got := reportLine(t, out, name); got != want {
			t.Errorf("%s:\n got %q\nwant %q", name, got, want)
		}
	}
	if !strings.HasSuffix(out, "\n2 at tage kontakt til: Åse Bødker, Mette Kjærgaard\n") {
		t.Errorf("summary:\n%s", out)
	}

	t.Run("english", func(t *testing.T) {
		out := mustKlynge(t, env, "--lang", "en", "attendance", "report")
		if got := reportLine(t, out, "Åse Bødker"); got != "Åse Bødker Lægerne Østergade 4 2 2 1 10-11-2026 REACH OUT: missed 2 of 4 meetings (at most 1)" {
			t.Errorf("Åse: %q", got)
		}
		if got := reportLine(t, out, "Ole Skærbæk"); !strings.HasPrefix(got, "Ole Skærbæk (retired 01-06-2026)") {
			t.Errorf("Ole: %q", got)
		}
		wantLines(t, out, "Attendance in Klynge Nordby, 24-11-2025–23-11-2026: 4 held meetings")
	})

	t.Run("since", func(t *testing.T) {
		out := mustKlynge(t, env, "attendance", "report", "--since", "01-01-2025")
		wantLines(t, out, "Fremmøde i Klynge Nordby, 01-01-2025–23-11-2026: 5 afholdte møder")
		// Søren's miss in 2025 counts here, but the rule still looks at the
		// last 12 months only.
		if got := reportLine(t, out, "Søren Ærø-Hansen"); got != "Søren Ærø-Hansen Lægerne Østergade 5 4 1 0 10-11-2026" {
			t.Errorf("Søren since 2025: %q", got)
		}
		out = mustKlynge(t, env, "attendance", "report", "--since", "2026-06-01")
		if got := reportLine(t, out, "Åse Bødker"); got != "Åse Bødker Lægerne Østergade 2 1 1 0 10-11-2026 TAG KONTAKT: 2 af 4 møder missede (højst 1)" {
			t.Errorf("Åse since June: %q", got)
		}
	})

	t.Run("the rule changes the flags", func(t *testing.T) {
		_, env, _ := attendanceDB(t)
		mustKlynge(t, env, "attendance", "rule", "--max-missed", "2", "--months-away", "0")
		out := mustKlynge(t, env, "attendance", "report")
		if strings.Contains(reportLine(t, out, "Åse Bødker"), "TAG KONTAKT") {
			t.Error("Åse missed 2 of at most 2 and is flagged")
		}
		if got := reportLine(t, out, "Mette Kjærgaard"); !strings.HasSuffix(got, "TAG KONTAKT: 3 af 4 møder missede (højst 2)") {
			t.Errorf("Mette: %q", got)
		}
	})
}

func TestAttendanceReportCSV(t *testing.T) {
	_, env, _ := attendanceDB(t)
	out := mustKlynge(t, env, "attendance", "report", "--format", "csv")
	if !strings.HasPrefix(out, "\uFEFFLæge;Praksis;Ydernummer;Medlem-id;Møder;Deltog;Missede;Heraf afbud;Sidst til stede;Tag kontakt;Begrundelse;Udtrådt\r\n") {
		t.Errorf("header: %q", strings.SplitN(out, "\n", 2)[0])
	}
	for _, want := range []string{
		"\r\nÅse Bødker;Lægerne Østergade;\"=\"\"047318\"\"\";3;4;2;2;1;10-11-2026;ja;2 af 4 møder missede (højst 1);\r\n",
		"\r\nOle Skærbæk;Lægerne Nørregade;\"=\"\"150237\"\"\";6;2;0;2;0;01-06-2025;;;01-06-2026\r\n",
		"\r\nMette Kjærgaard;Lægerne Østergade;\"=\"\"047318\"\"\";4;4;1;3;0;10-02-2026;ja;\"3 af 4 møder missede (højst 1); ikke set i 9 måneder, ingen afbud\";\r\n",
		"\r\nSøren Ærø-Hansen;Lægerne Østergade;\"=\"\"047318\"\"\";2;4;4;0;0;10-11-2026;;;\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "\r\n") != 24 { // header and 23 members
		t.Errorf("%d lines", strings.Count(out, "\r\n"))
	}

	t.Run("to a file", func(t *testing.T) {
		dir := t.TempDir()
		file := filepath.Join(dir, "fremmøde.csv")
		msg := mustKlynge(t, env, "attendance", "report", "-o", file)
		if msg != "skrev fremmødet for 23 medlemmer over 4 afholdte møder (24-11-2025 – 23-11-2026) til "+file+"; 2 at tage kontakt til\n" {
			t.Errorf("message %q", msg)
		}
		b, err := os.ReadFile(file)
		if err != nil || string(b) != out {
			t.Errorf("the file differs from stdout (%v)", err)
		}
		code, _, errOut := runKlynge(t, env, "--lang", "en", "attendance", "report", "-o", file)
		if code != 1 || strings.TrimSpace(errOut) != "klynge: "+file+" already exists: pass --force to overwrite it, or choose another -o" {
			t.Errorf("overwrite: %d %q", code, errOut)
		}
		if err := os.WriteFile(file, []byte("gammel"), 0o644); err != nil {
			t.Fatal(err)
		}
		mustKlynge(t, env, "attendance", "report", "-o", file, "--force")
		if b, _ := os.ReadFile(file); string(b) != out {
			t.Error("--force did not overwrite")
		}
		if names := dirEntries(t, dir); len(names) != 1 {
			t.Errorf("temporary files left: %v", names)
		}
	})
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestAttendanceReportXLSX(t *testing.T) {
	_, env, _ := attendanceDB(t)
	file := filepath.Join(t.TempDir(), "fremmøde.xlsx")
	mustKlynge(t, env, "attendance", "report", "-o", file)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != "Fremmøde" {
		t.Fatalf("sheets %v", sheets)
	}
	rows, err := f.GetRows("Fremmøde")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 24 || strings.Join(rows[0], ";") != "Læge;Praksis;Ydernummer;Medlem-id;Møder;Deltog;Missede;Heraf afbud;Sidst til stede;Tag kontakt;Begrundelse;Udtrådt" {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	var aase []string
	var row int
	for i, r := range rows {
		if r[0] == "Åse Bødker" {
			aase, row = r, i+1
		}
	}
	if strings.Join(aase, ";") != "Åse Bødker;Lægerne Østergade;047318;3;4;2;2;1;10-11-2026;ja;2 af 4 møder missede (højst 1)" {
		t.Errorf("Åse: %q", aase)
	}
	for cell, typ := range map[string]excelize.CellType{"D": excelize.CellTypeNumber, "E": excelize.CellTypeNumber, "I": excelize.CellTypeNumber} {
		name := cell + strconv.Itoa(row)
		got, err := f.GetCellType("Fremmøde", name)
		if err != nil || (got != typ && got != excelize.CellTypeUnset) {
			t.Errorf("%s is %v, want a number (%v)", name, got, err)
		}
	}
	raw, err := f.GetCellValue("Fremmøde", "I"+strconv.Itoa(row), excelize.Options{RawCellValue: true})
	if err != nil || raw != "46336" { // 10-11-2026 as an Excel date
		t.Errorf("the last attendance is stored as %q (%v), want the date serial 46336", raw, err)
	}
}

func TestAttendanceReportProblems(t *testing.T) {
	_, env, _ := attendanceDB(t)
	tmp := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing folder", []string{"-o", filepath.Join(tmp, "mangler", "r.csv")}, "klynge: cannot write " + filepath.Join(tmp, "mangler", "r.csv") + ": the folder " + filepath.Join(tmp, "mangler") + " does not exist; create it first or choose another -o"},
		{"a folder", []string{"-o", tmp + "/"}, "is a folder"},
		{"xlsx to the terminal", []string{"--format", "xlsx"}, "klynge: --format xlsx writes a workbook: give the file with -o, e.g. -o fremmoede.xlsx"},
		{"unknown format", []string{"--format", "pdf"}, `klynge: --format "pdf" is unknown: use text, csv or xlsx`},
		{"format and extension disagree", []string{"--format", "csv", "-o", filepath.Join(tmp, "r.xlsx")}, "klynge: --format csv does not fit -o " + filepath.Join(tmp, "r.xlsx") + ": name the file .csv, or leave --format out"},
		{"unknown extension", []string{"-o", filepath.Join(tmp, "r.pdf")}, "klynge: cannot tell the format of -o " + filepath.Join(tmp, "r.pdf") + " from .pdf: name the file .txt, .csv or .xlsx, or give --format"},
		{"bad date", []string{"--since", "31-31-2026"}, `klynge: --since "31-31-2026" is not a date: write it as YYYY-MM-DD or DD-MM-YYYY, e.g. 2026-01-01`},
		{"date after today", []string{"--since", "2027-01-01"}, "klynge: --since 01-01-2027 is after today: give a date in the past"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runKlynge(t, env, append([]string{"--lang", "en", "attendance", "report"}, tt.args...)...)
			if code != 1 || out != "" || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stdout %q, stderr %q\nwant %q", code, out, errOut, tt.want)
			}
		})
	}
	if names := dirEntries(t, tmp); len(names) != 0 {
		t.Errorf("files written: %v", names)
	}
}

func TestAttendanceAfbud(t *testing.T) {
	db, env, ids := attendanceDB(t)
	december := ids["2026-12-03"]
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"ambiguous", []string{"anne"}, `klynge: »anne« passer på 2 medlemmer: Hanne Bæk (Lægerne på Torvet, id 18); Anne Sørensen (Læge Anne Sørensen, id 1); skriv mere af navnet eller id'et`},
		{"ambiguous, in English", []string{"--lang", "en", "anne"}, `klynge: "anne" matches 2 members: Hanne Bæk (Lægerne på Torvet, id 18); Anne Sørensen (Læge Anne Sørensen, id 1); give more of the name, or the id`},
		{"no match", []string{"xyz", "møller"}, `klynge: intet medlem af klyngen »Klynge Nordby« passer på »xyz møller«; delvist: Jens Møller (Lægehuset ved Åen, id 11)`},
		{"no match, in English", []string{"--lang", "en", "xyz", "møller"}, `klynge: no member of cluster "Klynge Nordby" matches "xyz møller"; partly matching: Jens Møller (Lægehuset ved Åen, id 11)`},
		{"nothing near", []string{"zzz"}, `klynge: intet medlem af klyngen »Klynge Nordby« passer på »zzz«: se navnene med ` + "`klynge roster list`"},
		{"retired", []string{"skaerbaek"}, `klynge: Ole Skærbæk (medlem 6) meldte sig ud 01-06-2026, før mødet 03-12-2026`},
		{"retired, in English", []string{"--lang", "en", "skærbæk"}, `klynge: Ole Skærbæk (member 6) retired on 01-06-2026, before the meeting on 03-12-2026`},
		{"retired, by id", []string{"6"}, `klynge: Ole Skærbæk (medlem 6) meldte sig ud`},
		{"unknown id", []string{"99"}, `klynge: intet aktivt medlem af klyngen »Klynge Nordby« har id 99`},
		{"unknown meeting", []string{"--meeting", "42", "anne sør"}, "klynge: møde 42 findes ikke"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runKlynge(t, env, append([]string{"attendance", "afbud"}, tt.args...)...)
			if code != 1 || out != "" || !strings.HasPrefix(strings.TrimSpace(errOut), tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q\nwant %q", code, out, errOut, tt.want)
			}
		})
	}
	withStore(t, db, func(ctx context.Context, s *store.Store, _ meeting.Cluster) {
		if m, err := s.Meeting(ctx, december); err != nil || m.Attendance != nil {
			t.Errorf("refused apologies were recorded: %v, %v", m.Attendance, err)
		}
	})

	out := mustKlynge(t, env, "attendance", "afbud", "anne", "sør", "--reason", "kursus")
	if out != `afbud fra Anne Sørensen (Læge Anne Sørensen) er gemt, begrundelse »kursus« – møde 6 (KOL – diagnostik og opfølgning, 03-12-2026)`+"\nafbud indtil nu: Anne Sørensen\n" {
		t.Errorf("afbud: %q", out)
	}
	out = mustKlynge(t, env, "attendance", "afbud", "--meeting", "6", "18")
	wantLines(t, out, "afbud indtil nu: Hanne Bæk, Anne Sørensen") // in roster order
	// The exact full name settles a match that is also part of another.
	mustKlynge(t, env, "roster", "add", "--ydernummer", "085290", "--name", "Hanne Bækgaard")
	out = mustKlynge(t, env, "attendance", "afbud", "--meeting", "6", "hanne bæk")
	wantLines(t, out, "afbud fra Hanne Bæk (Lægerne på Torvet) er gemt – møde 6 (KOL – diagnostik og opfølgning, 03-12-2026)")
	// Names fold the Danish way (meeting.MatchesName): "soren aero" is
	// Søren Ærø-Hansen.
	out = mustKlynge(t, env, "attendance", "afbud", "--meeting", "6", "soren", "aero")
	wantLines(t, out, "afbud fra Søren Ærø-Hansen (Lægerne Østergade) er gemt – møde 6 (KOL – diagnostik og opfølgning, 03-12-2026)")
	// Hanne Bækgaard joined today (23-11-2026), after meeting 5: she
	// cannot be recorded at it (meeting.Member.CheckActiveAt).
	code, _, errOut := runKlynge(t, env, "attendance", "afbud", "--meeting", "5", "bækgaard")
	if code != 1 || !strings.Contains(errOut, "Hanne Bækgaard (medlem") || !strings.Contains(errOut, "blev medlem 23-11-2026, efter mødet 10-11-2026") {
		t.Errorf("a member joined after the meeting: exit %d, %q", code, errOut)
	}
	// An earlier meeting: the check-in is replaced.
	out = mustKlynge(t, env, "attendance", "afbud", "--meeting", "5", "Søren Ærø-Hansen")
	wantLines(t, out, "afbud fra Søren Ærø-Hansen (Lægerne Østergade) er gemt (var til stede) – møde 5 (KOL – diagnostik og opfølgning, 10-11-2026)")

	withStore(t, db, func(ctx context.Context, s *store.Store, c meeting.Cluster) {
		m, err := s.Meeting(ctx, december)
		if err != nil {
			t.Fatal(err)
		}
		anne := m.Attendance[memberNamed(t, c, "Anne Sørensen").ID]
		if len(m.Attendance) != 3 || anne.Status != meeting.StatusApologies || anne.Reason != "kursus" || !anne.At.Equal(testNow) {
			t.Errorf("December: %+v", m.Attendance)
		}
	})
	// Apologies alone do not make the December meeting held.
	if out := mustKlynge(t, env, "attendance", "report"); !strings.Contains(out, ": 4 afholdte møder") {
		t.Errorf("report after apologies:\n%s", out)
	}
}

func TestAttendanceGuest(t *testing.T) {
	_, env, _ := attendanceDB(t)
	env["KLYNGE_LANG"] = "en" // this test reads the English wording
	out := mustKlynge(t, env, "attendance", "guest", "--name", "Overlæge Åse Bjørnø", "--role", "oplæg om spirometri")
	wantLines(t, out,
		"added guest Overlæge Åse Bjørnø (oplæg om spirometri) to meeting 6 (KOL – diagnostik og opfølgning, 03-12-2026)",
		"  1. Overlæge Åse Bjørnø (oplæg om spirometri)")
	mustKlynge(t, env, "attendance", "guest", "--meeting", "6", "--name", "Karen Farmaceut", "--role", "farmakonsulent")
	mustKlynge(t, env, "attendance", "guest", "--meeting", "6", "--name", "Lis Hansen")
	out = mustKlynge(t, env, "attendance", "guest", "--meeting", "6", "--remove", "2")
	wantLines(t, out,
		"removed guest Karen Farmaceut (farmakonsulent) from meeting 6 (KOL – diagnostik og opfølgning, 03-12-2026)",
		"guests of meeting 6 (KOL – diagnostik og opfølgning):",
		"  1. Overlæge Åse Bjørnø (oplæg om spirometri)",
		"  2. Lis Hansen")
	if out := mustKlynge(t, env, "attendance", "guest", "--meeting", "5"); out != "meeting 5 (KOL – diagnostik og opfølgning) has no guests\n" {
		t.Errorf("list: %q", out)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--name", " "}, "klynge: the guest needs a name"},
		{[]string{"--role", "oplæg"}, "klynge: --role needs the guest's --name"},
		{[]string{"--remove", "3"}, "klynge: meeting 6 has 2 guests: --remove takes a number from the list `klynge attendance guest --meeting 6` shows"},
		{[]string{"--name", "X", "--remove", "1"}, "klynge: give --name to add a guest or --remove to remove one, not both"},
	} {
		code, _, errOut := runKlynge(t, env, append([]string{"attendance", "guest"}, tt.args...)...)
		if code != 1 || strings.TrimSpace(errOut) != tt.want {
			t.Errorf("%v: exit %d, %q\nwant %q", tt.args, code, errOut, tt.want)
		}
	}
}

func TestAttendanceRuleCommand(t *testing.T) {
	_, env := demoDB(t)
	env["KLYNGE_LANG"] = "en" // this test reads the English wording
	out := mustKlynge(t, env, "attendance", "rule")
	if out != `rule of cluster "Klynge Nordby": reach out after more than 1 missed meeting in 12 months (apologies count as missed), or when a member has not come for more than 6 months without sending apologies`+"\n" {
		t.Errorf("default rule: %q", out)
	}
	out = mustKlynge(t, env, "attendance", "rule", "--max-missed", "2")
	wantLines(t, out, `set the attendance rule of cluster "Klynge Nordby"`,
		`rule of cluster "Klynge Nordby": reach out after more than 2 missed meetings in 12 months (apologies count as missed), or when a member has not come for more than 6 months without sending apologies`)
	out = mustKlynge(t, env, "attendance", "rule", "--months-away", "0")
	if !strings.Contains(out, "more than 2 missed meetings") || !strings.Contains(out, "the months-away part is off") {
		t.Errorf("months away off: %q", out)
	}
	code, _, errOut := runKlynge(t, env, "attendance", "rule", "--max-missed", "-1")
	if code != 1 || strings.TrimSpace(errOut) != "klynge: the most meetings a member may miss must be 0 or more, not -1" {
		t.Errorf("negative: %d %q", code, errOut)
	}
	if out := mustKlynge(t, env, "attendance", "rule"); !strings.Contains(out, "more than 2 missed meetings") {
		t.Errorf("a refused rule changed the stored one: %q", out)
	}
}
