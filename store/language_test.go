package store

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// languageCase provokes one store error for real: on a database in a
// temporary folder, through the store's API. data is what the user or
// SQLite wrote into the message (paths, names, SQLite's own complaint),
// which is in no language of ours.
type languageCase struct {
	name string
	key  string // the catalogue key the error must carry
	make func(t *testing.T) (err error, data []string)
}

// dataWords turns the data of a message into the word set StrayWords leaves
// out.
func dataWords(data []string) map[string]bool {
	words := map[string]bool{}
	for _, d := range data {
		for _, w := range msg.Tokens(d) {
			words[w] = true
		}
	}
	return words
}

// languageFixture is a database with a cluster (attendanceCluster) and a
// plenum meeting.
type languageFixture struct {
	path string
	s    *Store
	c    meeting.Cluster
	m    meeting.Meeting
}

func newLanguageFixture(t *testing.T) *languageFixture {
	t.Helper()
	f := &languageFixture{path: filepath.Join(t.TempDir(), "klynge.db")}
	f.s = mustOpenPath(t, f.path)
	var err error
	if f.c, err = f.s.CreateCluster(context.Background(), attendanceCluster()); err != nil {
		t.Fatal(err)
	}
	f.m = mustPlenumMeeting(t, f.s, f.c.ID, testMeeting(f.c.ID).PlannedStart)
	return f
}

// names are the fixture's names and titles, data in any message.
func (f *languageFixture) names() []string {
	out := []string{f.path, f.c.Name, f.m.Title}
	for _, p := range f.c.Practices {
		out = append(out, p.Name)
		for _, m := range p.Members {
			out = append(out, m.Name, m.Email)
		}
	}
	for _, it := range f.m.Items {
		out = append(out, it.Title)
	}
	return out
}

func languageCases() []languageCase {
	ctx := context.Background()
	return []languageCase{
		{"missing folder", "store.CreateNoFolder", func(t *testing.T) (error, []string) {
			path := filepath.Join(t.TempDir(), "findes-ikke", "klynge.db")
			_, err := Open(path)
			return err, []string{path}
		}},
		{"path is a folder", "store.OpenFolder", func(t *testing.T) (error, []string) {
			dir := t.TempDir()
			_, err := Open(dir)
			return err, []string{dir}
		}},
		{"no path", "store.NoPath", func(t *testing.T) (error, []string) {
			_, err := Open("")
			return err, nil
		}},
		{"not a klynge file", "store.OpenNotKlynge", func(t *testing.T) (error, []string) {
			path := filepath.Join(t.TempDir(), "referat.txt")
			if err := os.WriteFile(path, []byte("Referat fra klyngemødet\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path)
			return err, []string{path}
		}},
		{"another program's database", "store.OpenOtherProgram", func(t *testing.T) (error, []string) {
			path := filepath.Join(t.TempDir(), "opskrifter.db")
			db := rawDB(t, path)
			if _, err := db.Exec(`CREATE TABLE recipes (name TEXT)`); err != nil {
				t.Fatal(err)
			}
			db.Close()
			_, err := Open(path)
			return err, []string{path}
		}},
		{"newer schema", "store.NewerSchema", func(t *testing.T) (error, []string) {
			path := filepath.Join(t.TempDir(), "klynge.db")
			mustOpenPath(t, path).Close()
			db := rawDB(t, path)
			if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", LatestSchema()+1)); err != nil {
				t.Fatal(err)
			}
			db.Close()
			_, err := Open(path)
			return err, []string{path}
		}},
		{"damaged, no backup", "store.DamagedNoBackup", func(t *testing.T) (error, []string) {
			path := filepath.Join(t.TempDir(), "klynge.db")
			s := mustOpenPath(t, path)
			if _, err := s.CreateCluster(ctx, testCluster()); err != nil {
				t.Fatal(err)
			}
			s.Close()
			damage(t, path)
			_, err := Open(path)
			var d *DamagedError
			if !errors.As(err, &d) {
				t.Fatalf("Open of a damaged file: %v", err)
			}
			return err, []string{path, BackupDir(path), d.Detail}
		}},
		{"busy: another connection holds the write lock", "store.Busy", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			// The store waits 5 s for a lock; this test need not.
			if _, err := f.s.db.Exec("PRAGMA busy_timeout = 50"); err != nil {
				t.Fatal(err)
			}
			other := rawDB(t, f.path)
			conn, err := other.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
				t.Fatal(err)
			}
			defer conn.ExecContext(ctx, "ROLLBACK")
			_, err = f.s.AddGuest(ctx, f.m.ID, meeting.Guest{Name: "Gæst Gæstesen"})
			return err, append(f.names(), "Gæst Gæstesen")
		}},
		{"read-only connection", "store.NotWritable", func(t *testing.T) (error, []string) {
			// Root may write any file, so the read-only file comes from
			// SQLite's read-only mode: the same error code.
			f := newLanguageFixture(t)
			ro := rawDB(t, "file:"+f.path+"?mode=ro")
			_, err := ro.Exec(`UPDATE clusters SET name = 'x'`)
			return translate(err, phrase("store.DoSaveClusterNamed", f.c.Name)), f.names()
		}},
		{"read-only file", "store.OpenCannotWrite", func(t *testing.T) (error, []string) {
			if os.Getuid() == 0 {
				t.Skip("root writes read-only files")
			}
			path := filepath.Join(t.TempDir(), "klynge.db")
			mustOpenPath(t, path).Close()
			if err := os.Chmod(path, 0o400); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path)
			return err, []string{path}
		}},
		{"meeting locked by another klynge", "store.MeetingOpenSince", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			unlock := mustLock(t, f.s, f.m.ID)
			defer unlock()
			other := mustOpenPath(t, f.path)
			_, err := other.LockMeeting(f.m.ID)
			return err, f.names()
		}},
		{"unknown meeting", "store.NoMeeting", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			_, err := f.s.Meeting(ctx, 4711)
			return err, f.names()
		}},
		{"no meetings yet", "store.NoMeetings", func(t *testing.T) (error, []string) {
			path := filepath.Join(t.TempDir(), "klynge.db")
			_, err := mustOpenPath(t, path).LatestMeeting(ctx)
			return err, []string{path}
		}},
		{"unknown member", "store.NoMember", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			_, err := f.s.Member(ctx, 4711)
			return err, f.names()
		}},
		{"unknown cluster", "store.NoCluster", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			_, err := f.s.Cluster(ctx, 4711)
			return err, f.names()
		}},
		{"unknown pledge", "store.NoPledge", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			_, err := f.s.DeletePledge(ctx, 4711, time.Now())
			return err, f.names()
		}},
		{"meeting in a cluster that does not exist", "store.RefersToMissing", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			m := testMeeting(4711)
			_, err := f.s.CreateMeeting(ctx, m)
			return err, append(f.names(), m.Title)
		}},
		{"duplicate ydernummer in a cluster", "store.YdernummerTwice", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			c := testCluster()
			c.Practices = append(c.Practices, meeting.Practice{Ydernummer: c.Practices[0].Ydernummer, Name: "Kopien"})
			_, err := f.s.CreateCluster(ctx, c)
			return err, []string{c.Name}
		}},
		{"duplicate e-mail in a roster", "store.RosterEmailTwice", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			ps := attendanceCluster().Practices
			ps[0].Members = append(ps[0].Members, meeting.Member{Name: "Dobbelt Dorte", Email: ps[0].Members[0].Email})
			_, err := f.s.ImportRoster(ctx, f.c.ID, ps, time.Now())
			return err, append(f.names(), "Dobbelt Dorte")
		}},
		{"member already in the practice", "store.AlreadyMember", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			p := f.c.Practices[0]
			_, err := f.s.AddMember(ctx, f.c.ID, p.Ydernummer, meeting.Member{Name: p.Members[0].Name}, "")
			return err, f.names()
		}},
		{"no such guest", "store.NoGuestNumber", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			if _, err := f.s.AddGuest(ctx, f.m.ID, meeting.Guest{Name: "Gæst Gæstesen"}); err != nil {
				t.Fatal(err)
			}
			_, err := f.s.RemoveGuest(ctx, f.m.ID, 4)
			return err, append(f.names(), "Gæst Gæstesen")
		}},
		{"figure out of range", "store.FigurePercent", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			yd := f.c.Practices[0].Ydernummer
			ind := f.m.Pack.Indicators[0].ID
			_, err := f.s.ImportValues(ctx, f.m.ID, []meeting.DataRow{{Ydernummer: yd, Indicator: ind, Value: ptr(140.0)}})
			return err, append(f.names(), ind)
		}},
		{"slide that does not exist", "store.NoSlide", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			return f.s.RecordSlide(ctx, f.m.ID, -1), f.names()
		}},
		{"restore from a missing file", "store.RestoreNoFile", func(t *testing.T) (error, []string) {
			dir := t.TempDir()
			src := filepath.Join(dir, "gammel.db")
			_, err := Restore(filepath.Join(dir, "klynge.db"), src, time.Now())
			return err, []string{src, dir}
		}},
		{"time outside the years", "store.TimeOutOfRange", func(t *testing.T) (error, []string) {
			f := newLanguageFixture(t)
			_, err := f.s.SetAttendance(ctx, f.m.ID, meeting.Attendance{
				MemberID: f.c.Practices[0].Members[0].ID, Status: meeting.StatusPresent,
				At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)})
			return err, f.names()
		}},
	}
}

// TestErrors_OneLanguage provokes store errors for real and checks that
// each is worded by the catalogue: in Danish with no English word, in
// English with no Danish word, the same when wrapped, and never showing a
// key or a broken verb.
func TestErrors_OneLanguage(t *testing.T) {
	for _, tc := range languageCases() {
		t.Run(tc.name, func(t *testing.T) {
			err, data := tc.make(t)
			if err == nil {
				t.Fatal("no error")
			}
			var me *meeting.Error
			if !errors.As(err, &me) || me.Key != tc.key {
				t.Fatalf("err = %v, want a *meeting.Error with key %s", err, tc.key)
			}
			words := dataWords(data)
			da, en := msg.For("da").Error(err), msg.For("en").Error(err)
			t.Logf("da: %s\nen: %s", da, en)
			for _, l := range []struct{ lang, text string }{{"da", da}, {"en", en}} {
				if stray := msg.StrayWords(l.text, l.lang, words); len(stray) > 0 {
					t.Errorf("%s: %q has words of the other language: %v", l.lang, l.text, stray)
				}
				for _, bad := range []string{"store.", "%!", "klynge error", "\n"} {
					if strings.Contains(l.text, bad) {
						t.Errorf("%s: %q holds %q", l.lang, l.text, bad)
					}
				}
				wrapped := fmt.Errorf("running the meeting: %w", err)
				if got := msg.For(l.lang).Error(wrapped); got != l.text {
					t.Errorf("%s: wrapped error worded %q, want %q", l.lang, got, l.text)
				}
			}
			if da == en {
				t.Errorf("Danish and English are the same: %q", da)
			}
		})
	}
}

// TestErrors_OneLanguageCanFail checks that the test above would see an
// English sentence on a Danish screen, and an unworded id.
func TestErrors_OneLanguageCanFail(t *testing.T) {
	english := meeting.Errorf(meeting.ENOTFOUND, "meeting 4711 does not exist")
	if stray := msg.StrayWords(msg.For("da").Error(english), "da", nil); len(stray) == 0 {
		t.Error("an English-only error was not seen on a Danish screen")
	}
	if got := msg.For("da").Error(meeting.Errork(meeting.ENOTFOUND, "store.NoMeeting", meeting.Ref(4711))); !strings.Contains(got, "møde 4711 ") {
		t.Errorf("a meeting id is worded %q, want 4711 without a separator", got)
	}
}

// TestErrors_NoSentencesInCode fails when store code (not its tests) makes
// an error from a sentence rather than a catalogue key: meeting.Errorf
// (English only), meeting.Errorfl (two literal sentences), or fmt.Errorf /
// errors.New with words, except "store: …" texts for a klynge built wrong
// and sentinels wrapped behind a keyed error.
func TestErrors_NoSentencesInCode(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	sentinels := map[string]bool{"ErrNewerSchema": true, "ErrDamaged": true, "errNotSQLite": true}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		// Package-level sentinels: var ErrX = errors.New("…").
		allowed := map[ast.Node]bool{}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, sp := range g.Specs {
					vs := sp.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if sentinels[n.Name] && i < len(vs.Values) {
							allowed[vs.Values[i]] = true
						}
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || allowed[call] {
				return !allowed[n]
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, _ := sel.X.(*ast.Ident)
			if pkg == nil {
				return true
			}
			at := fset.Position(call.Pos())
			switch fn := pkg.Name + "." + sel.Sel.Name; fn {
			case "meeting.Errorf", "meeting.Errorfl":
				t.Errorf("%s: %s makes an error from a sentence; use meeting.Errork with a key in meeting/msg/catalog_store.go", at, fn)
			case "fmt.Errorf", "errors.New":
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok {
					t.Errorf("%s: %s with a format that is not a literal", at, fn)
					return true
				}
				s, _ := strconv.Unquote(lit.Value)
				if strings.HasPrefix(s, "store: ") {
					return true // a klynge built wrong, not a user's problem
				}
				if strings.Trim(s, "%w: ") != "" {
					t.Errorf("%s: %s(%s) words an error in English; use meeting.Errork", at, fn, lit.Value)
				}
			}
			return true
		})
	}
	if checked < 10 {
		t.Errorf("checked %d files; is the test in the store's folder?", checked)
	}
}
