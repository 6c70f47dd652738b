package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// demoDB makes a database with the demo cluster (14 practices, 22 doctors)
// and returns the environment that points klynge at it.
func demoDB(t *testing.T) (string, map[string]string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "klynge.db")
	env := map[string]string{"KLYNGE_DB": db}
	if code, _, errOut := runKlynge(t, env, "init", "--cluster", "Klynge Nordby", "--roster", "../../testdata/demo/roster.csv"); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	return db, env
}

// mustKlynge runs a command line that must succeed and returns its output.
func mustKlynge(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	code, out, errOut := runKlynge(t, env, args...)
	if code != 0 {
		t.Fatalf("klynge %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// wantLines fails unless text holds every line of want, in that order
// (other lines may come between).
func wantLines(t *testing.T, text string, want ...string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	i := 0
	for _, w := range want {
		for i < len(lines) && lines[i] != w {
			i++
		}
		if i == len(lines) {
			t.Errorf("output lacks the line %q (in this order):\n%s", w, text)
			return
		}
	}
}

// withStore opens the database at db for a test to look at or prepare.
func withStore(t *testing.T, db string, f func(context.Context, *store.Store, meeting.Cluster)) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs, err := s.Clusters(ctx)
	if err != nil || len(cs) != 1 {
		t.Fatalf("clusters %v, %v", cs, err)
	}
	c, err := s.Cluster(ctx, cs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	f(ctx, s, c)
}

func TestRosterImport(t *testing.T) {
	for _, file := range []string{"opdatering.csv", "opdatering.xlsx"} {
		t.Run(file, func(t *testing.T) {
			_, env := demoDB(t)
			env["KLYNGE_LANG"] = "en" // this test reads the English wording
			path := filepath.Join(rosterFixtureDir, file)
			out := mustKlynge(t, env, "roster", "import", path)
			wantLines(t, out,
				path+`: cluster "Klynge Nordby": 1 practice added, 2 doctors added, 2 updated, 19 unchanged`,
				"  new practice 176543 Lægerne ved Havnen",
				"  added Nanna Nyborg (Lægerne Nørregade), id 23",
				"  added Karin Havgaard (Lægerne ved Havnen), id 24",
				"  updated Anne Sørensen, id 1: e-mail anne.soerensen@annesoerensen.example → anne@annesoerensen.example",
				`  updated Åse Bødker Holm, id 3: name "Åse Bødker" → "Åse Bødker Holm"`,
				"not in the file: Mette Kjærgaard (Lægerne Østergade, id 4) — retire them with klynge roster retire 4",
			)

			// Again: nothing changes, Mette is still not in the file.
			out = mustKlynge(t, env, "roster", "import", path)
			wantLines(t, out,
				path+`: cluster "Klynge Nordby": 0 practices added, 0 doctors added, 0 updated, 23 unchanged`,
				"not in the file: Mette Kjærgaard (Lægerne Østergade, id 4) — retire them with klynge roster retire 4")

			out = mustKlynge(t, env, "roster", "retire", "4")
			if out != "retired Mette Kjærgaard (047318, id 4) from 23-11-2026; their attendance history stays\n" {
				t.Errorf("retire: %q", out)
			}
			if out := mustKlynge(t, env, "roster", "retire", "4"); !strings.Contains(out, "already retired on 23-11-2026") {
				t.Errorf("retire again: %q", out)
			}
			out = mustKlynge(t, env, "roster", "import", path)
			if strings.Contains(out, "not in the file") {
				t.Errorf("a retired member is listed as missing:\n%s", out)
			}

			out = mustKlynge(t, env, "roster", "list")
			for _, want := range []string{
				`cluster "Klynge Nordby": 15 practices, 23 doctors active, 1 retired`,
				"176543      Lægerne ved Havnen       24  Karin Havgaard",
				"joined 23-11-2026",
				"RETIRED 23-11-2026",
				"coordinator",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("roster list lacks %q:\n%s", want, out)
				}
			}
			for _, line := range strings.Split(out, "\n") {
				if strings.Contains(line, "Mette Kjærgaard") && !strings.Contains(line, "RETIRED") {
					t.Errorf("Mette is not marked retired: %q", line)
				}
			}
		})
	}
}

func TestRosterImportProblems(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"fejl.csv", []string{
			"testdata/roster/fejl.csv:3:26: søren ærø-hansen står to gange i praksis 047318 (også på linje 2): fjern den ene række",
			"testdata/roster/fejl.csv:4:1: ydernummer er tomt: skriv praksissens ydernummer på 6 cifre",
			"testdata/roster/fejl.csv:5: praksis 199999 er ikke i klyngen og har intet navn: udfyld kolonnen praksis for at tilføje den, eller tjek ydernummeret",
			"testdata/roster/fejl.csv:6:38: e-mailadressen SOEREN.aeroe-hansen@oestergade.example bruges allerede på linje 2: hver læge skal have sin egen adresse",
			"testdata/roster/fejl.csv:7:29: lægens navn er tomt: udfyld kolonnen læge",
			// Line 8's ydernummer 61442 is read as 061442 (its zero restored).
			"klynge: 5 problemer fundet; intet er importeret: ret dem, og kør kommandoen igen",
		}},
		{"fejl.xlsx", []string{
			"testdata/roster/fejl.xlsx:4: celle D4: e-mailadressen soeren.aeroe-hansen@oestergade.example bruges allerede på række 2: hver læge skal have sin egen adresse",
			"testdata/roster/fejl.xlsx:5: celle B5: cellerne B5:B6 er flettet: klynge skal have en værdi i hver celle; ophæv fletningen (i Excel: Hjem → Flet og centrer → Ophæv fletning af celler), og udfyld hver række",
			"klynge: 2 problemer fundet; intet er importeret: ret dem, og kør kommandoen igen",
		}},
		{"noter.pdf", []string{
			"testdata/roster/noter.pdf: klynge læser medlemslister fra .csv-, .txt- og .xlsx-filer: gem listen som CSV (UTF-8) eller som Excel-projektmappe (.xlsx), eller omdøb filen, hvis den er en af dem",
			"klynge: 1 problem fundet; intet er importeret: ret det, og kør kommandoen igen",
		}},
		{"mangler.csv", []string{
			"testdata/roster/mangler.csv: filen findes ikke: tjek stien",
			"klynge: 1 problem fundet; intet er importeret: ret det, og kør kommandoen igen",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			db, env := demoDB(t)
			before := mustKlynge(t, env, "roster", "list")
			hash := fileDump(t, db)
			code, out, errOut := runKlynge(t, env, "roster", "import", "testdata/roster/"+tt.file)
			if code != 1 || out != "" {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			if got := strings.TrimRight(errOut, "\n"); got != strings.Join(tt.want, "\n") {
				t.Errorf("stderr:\n%s\nwant\n%s", got, strings.Join(tt.want, "\n"))
			}
			if after := mustKlynge(t, env, "roster", "list"); after != before {
				t.Errorf("the roster changed:\n%s\nwas\n%s", after, before)
			}
			if fileDump(t, db) != hash {
				t.Error("the database changed")
			}
		})
	}
}

// fileDump is every practice and member as stored, to see that nothing
// changed.
func fileDump(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	withStore(t, db, func(_ context.Context, _ *store.Store, c meeting.Cluster) {
		for _, p := range c.Practices {
			b.WriteString(p.Ydernummer + " " + p.Name + "\n")
			for _, m := range p.Members {
				b.WriteString("  " + m.Name + " " + m.Email + " " + string(m.Role) + " " + m.Joined.String() + "\n")
			}
		}
	})
	return b.String()
}

func TestRosterAdd(t *testing.T) {
	_, env := demoDB(t)
	env["KLYNGE_LANG"] = "en" // this test reads the English wording
	out := mustKlynge(t, env, "roster", "add", "--ydernummer", "047318", "--name", "Nikolaj Ny", "--email", "nikolaj@oestergade.example")
	if out != `added Nikolaj Ny (047318 Lægerne Østergade) to cluster "Klynge Nordby", id 23; meetings from today on count for them`+"\n" {
		t.Errorf("add: %q", out)
	}
	out = mustKlynge(t, env, "roster", "add", "--ydernummer", "176543", "--practice", "Lægerne ved Havnen", "--name", "Karin Havgaard", "--role", "koordinator")
	if !strings.Contains(out, "Karin Havgaard (176543 Lægerne ved Havnen)") {
		t.Errorf("add with a new practice: %q", out)
	}
	if list := mustKlynge(t, env, "roster", "list"); !strings.Contains(list, "Karin Havgaard") || !strings.Contains(list, "Nikolaj Ny") {
		t.Errorf("roster list:\n%s", list)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown ydernummer", []string{"--ydernummer", "199999", "--name", "X"}, `klynge: practice 199999 is not in cluster "Klynge Nordby": check the ydernummer (see ` + "`klynge roster list`" + `), or add the practice by giving its name with --practice`},
		{"short ydernummer", []string{"--ydernummer", "47318", "--name", "X"}, `klynge: --ydernummer "47318" has 5 digits, not 6: did you mean 047318?`},
		{"wrong practice name", []string{"--ydernummer", "047318", "--practice", "Lægehuset ved Åen", "--name", "X"}, `klynge: practice 047318 is "Lægerne Østergade", not "Lægehuset ved Åen": check the ydernummer, or leave the practice's name out`},
		{"e-mail in use", []string{"--ydernummer", "112905", "--name", "X", "--email", "Nikolaj@oestergade.example"}, "klynge: e-mail Nikolaj@oestergade.example is already used by Nikolaj Ny (member 23)"},
		{"name in use", []string{"--ydernummer", "047318", "--name", "åse bødker"}, "klynge: Åse Bødker is already a member of practice 047318 (member 3)"},
		{"bad e-mail", []string{"--ydernummer", "047318", "--name", "X", "--email", "X Y"}, `klynge: --email "X Y" does not look like an e-mail address: write it as name@example.dk, or leave it out`},
		{"bad role", []string{"--ydernummer", "047318", "--name", "X", "--role", "chef"}, `klynge: --role "chef" is unknown: write koordinator for the coordinator, or leave it out`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runKlynge(t, env, append([]string{"roster", "add"}, tt.args...)...)
			if code != 1 || strings.TrimSpace(errOut) != tt.want {
				t.Errorf("exit %d, stderr %q\nwant %q", code, errOut, tt.want)
			}
		})
	}
	code, _, errOut := runKlynge(t, env, "roster", "retire", "abc")
	if code != 1 || !strings.Contains(errOut, `"abc" is not a member id`) {
		t.Errorf("retire abc: %d %q", code, errOut)
	}
	code, _, errOut = runKlynge(t, env, "roster", "retire", "99")
	if code != 1 || !strings.Contains(errOut, "member 99 does not exist") {
		t.Errorf("retire 99: %d %q", code, errOut)
	}
}

// TestRosterListAlignsWideNames: a practice or doctor named with East Asian
// characters, an emoji or a combining accent keeps the columns after it in
// line with every other row, measured in terminal cells.
func TestRosterListAlignsWideNames(t *testing.T) {
	tests := []struct{ name, practice, doctor string }{
		{"East Asian", "李医生诊所", "王小明"},
		{"emoji", "Lægehuset 🩺", "Anna 🌷 Holm"},
		{"combining accent", "Lægerne Vinde\u0301", "Rene\u0301e Hansen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, env := demoDB(t)
			mustKlynge(t, env, "roster", "add", "--ydernummer", "176543", "--practice", tt.practice, "--name", tt.doctor, "--email", "ny@example.dk")
			list := mustKlynge(t, env, "roster", "list")
			idCol, mailCol := -1, -1
			for _, line := range strings.Split(list, "\n") {
				if !strings.HasPrefix(line, "047318") && !strings.HasPrefix(line, "176543") {
					continue
				}
				id := strings.Index(line, "  2  ")
				if strings.HasPrefix(line, "176543") {
					id = strings.Index(line, "  23  ")
				}
				mail := strings.Index(line, "@")
				mail = strings.LastIndex(line[:mail], " ") + 1
				atID, atMail := ansi.StringWidth(line[:id]), ansi.StringWidth(line[:mail])
				if idCol >= 0 && (atID != idCol || atMail != mailCol) {
					t.Errorf("id and e-mail start at cells %d and %d here, %d and %d above:\n%s", atID, atMail, idCol, mailCol, list)
				}
				idCol, mailCol = atID, atMail
			}
			if idCol < 0 {
				t.Fatalf("rows not found:\n%s", list)
			}
		})
	}
}
