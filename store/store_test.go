package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// mustOpen opens a new database in a fresh temporary folder and closes it
// when the test ends.
func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	return mustOpenPath(tb, filepath.Join(tb.TempDir(), "klynge.db"))
}

// mustOpenPath opens the database at path and closes it when the test ends.
func mustOpenPath(tb testing.TB, path string) *Store {
	tb.Helper()
	s, err := Open(path)
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

// rawDB opens path with the driver directly, bypassing the store, and
// closes it when the test ends.
func rawDB(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// pragma reads a PRAGMA's value over the store's connection.
func pragma(tb testing.TB, s *Store, name string) string {
	tb.Helper()
	var v string
	if err := s.db.QueryRowContext(context.Background(), "PRAGMA "+name).Scan(&v); err != nil {
		tb.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

// fileHash is the SHA-256 of the file's bytes.
func fileHash(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// dirNames lists the names in dir.
func dirNames(tb testing.TB, dir string) []string {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// wantError fails unless err is a *meeting.Error with the given code whose
// message is one line containing every part of want.
func wantError(tb testing.TB, err error, code string, want ...string) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("got no error, want %s", code)
	}
	var me *meeting.Error
	if !errors.As(err, &me) {
		tb.Fatalf("got %T %v, want a *meeting.Error", err, err)
	}
	if me.Code != code {
		tb.Errorf("code = %q, want %q (message %q)", me.Code, code, me.Message)
	}
	msg := msg.For("en").Error(err)
	if strings.Contains(msg, "\n") {
		tb.Errorf("message is not one line: %q", msg)
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			tb.Errorf("message %q does not contain %q", msg, w)
		}
	}
}

func TestMigrationFiles(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || LatestSchema() != len(ms) {
		t.Fatalf("LatestSchema() = %d with %d migrations", LatestSchema(), len(ms))
	}
	for i, m := range ms {
		body, err := m.body()
		if m.version != i+1 || err != nil || strings.TrimSpace(body) == "" {
			t.Errorf("migration %d: %+v: %q, %v", i+1, m, body, err)
		}
	}
}

func TestOpen_MigratesNewFile(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v != LatestSchema() {
		t.Errorf("SchemaVersion = %d, want %d", v, LatestSchema())
	}
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"agenda_items", "attendance", "attendance_log", "clusters", "consent_log", "group_notes", "guests", "meeting_codes", "meeting_groups", "meeting_values", "meetings", "members", "practices"} {
		if !slices.Contains(tables, want) {
			t.Errorf("table %s missing; have %v", want, tables)
		}
	}
	if !filepath.IsAbs(s.Path()) {
		t.Errorf("Path() = %q, want an absolute path", s.Path())
	}
}

func TestOpen_Pragmas(t *testing.T) {
	s := mustOpen(t)
	for _, tc := range []struct{ pragma, want string }{
		{"foreign_keys", "1"},
		{"journal_mode", "wal"},
		{"busy_timeout", "5000"},
		{"synchronous", "2"}, // FULL
	} {
		t.Run(tc.pragma, func(t *testing.T) {
			if got := pragma(t, s, tc.pragma); got != tc.want {
				t.Errorf("PRAGMA %s = %q, want %q", tc.pragma, got, tc.want)
			}
		})
	}
}

func TestOpen_ReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCluster(ctx, testCluster())
	if err != nil {
		t.Fatal(err)
	}
	m := testMeeting(c.ID)
	m, err = s.CreateMeeting(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = mustOpenPath(t, path)
	if v, err := s.SchemaVersion(ctx); err != nil || v != LatestSchema() {
		t.Errorf("SchemaVersion after reopening = %d, %v", v, err)
	}
	got, err := s.Cluster(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(c.Practices, func(a, b meeting.Practice) int { return strings.Compare(a.Ydernummer, b.Ydernummer) })
	equalClusters(t, got, c)
	gotM, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalMeetings(t, gotM, m)
}

func TestOpen_RefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "klynge.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateCluster(context.Background(), testCluster()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Back to a rollback journal, so that switching to WAL before the
	// version check would show in the file's header.
	newer := LatestSchema() + 1
	db := rawDB(t, path)
	for _, q := range []string{"PRAGMA journal_mode = DELETE", fmt.Sprintf("PRAGMA user_version = %d", newer)} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	before, names := fileHash(t, path), dirNames(t, dir)

	s, err = Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded on a newer schema")
	}
	if !errors.Is(err, ErrNewerSchema) {
		t.Errorf("errors.Is(%v, ErrNewerSchema) = false", err)
	}
	wantError(t, err, meeting.EINVALID, path, "newer klynge",
		fmt.Sprintf("schema %d", newer), fmt.Sprintf("knows %d", LatestSchema()), "update klynge")
	if after := fileHash(t, path); after != before {
		t.Error("Open changed the bytes of a newer database")
	}
	if after := dirNames(t, dir); !slices.Equal(after, names) {
		t.Errorf("folder has %v after Open, had %v", after, names)
	}
}

func TestOpen_FileMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "klynge.db")
	s := mustOpenPath(t, path)
	if _, err := s.CreateCluster(context.Background(), testCluster()); err != nil {
		t.Fatal(err)
	}
	// While the store is open, SQLite keeps -wal and -shm beside the file;
	// they hold the same data and must be as private.
	for _, name := range []string{"klynge.db", "klynge.db-wal", "klynge.db-shm"} {
		t.Run(name, func(t *testing.T) {
			fi, err := os.Stat(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			if mode := fi.Mode().Perm(); mode != 0o600 {
				t.Errorf("mode = %o, want 600", mode)
			}
		})
	}
}

func TestOpen_BadPaths(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte("Referat fra klyngemødet\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(dir, "short.db")
	if err := os.WriteFile(short, []byte("SQLite"), 0o600); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "other.db")
	db := rawDB(t, foreign)
	if _, err := db.Exec(`CREATE TABLE recipes (name TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	readOnly := filepath.Join(dir, "readonly")
	if err := os.Mkdir(readOnly, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(readOnly, 0o700) })
	readOnlyFile := filepath.Join(dir, "readonly.db")
	s, err := Open(readOnlyFile)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(readOnlyFile, 0o400); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name   string
		path   string
		asRoot bool // whether the case still fails for root
		want   []string
	}{
		{"missing folder", filepath.Join(dir, "nope", "klynge.db"), true,
			[]string{"cannot create database " + filepath.Join(dir, "nope", "klynge.db"),
				"folder " + filepath.Join(dir, "nope") + " does not exist", "--db"}},
		{"folder is a file", filepath.Join(notDB, "klynge.db"), true,
			[]string{filepath.Join(notDB, "klynge.db"), "--db"}},
		{"path is a folder", dir, true,
			[]string{"cannot open database " + dir, "is a folder", filepath.Join(dir, "klynge.db")}},
		{"not a database", notDB, true,
			[]string{"cannot open database " + notDB, "not a klynge database", "--db"}},
		{"shorter than a header", short, true,
			[]string{short, "not a klynge database"}},
		{"another program's database", foreign, true,
			[]string{foreign, "another program", "--db"}},
		{"read-only folder", filepath.Join(readOnly, "klynge.db"), false,
			[]string{"cannot create database " + filepath.Join(readOnly, "klynge.db"),
				"no permission to write in folder " + readOnly, "--db"}},
		{"read-only file", readOnlyFile, false,
			[]string{"cannot open database " + readOnlyFile, "must be able to write", "--db"}},
		{"empty path", "", true, []string{"--db"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.asRoot && os.Geteuid() == 0 {
				t.Skip("permissions do not apply to root")
			}
			var before string
			fi, statErr := os.Stat(tc.path)
			if statErr == nil && !fi.IsDir() {
				before = fileHash(t, tc.path)
			}
			s, err := Open(tc.path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded", tc.path)
			}
			wantError(t, err, meeting.EINVALID, tc.want...)
			if before != "" && fileHash(t, tc.path) != before {
				t.Error("Open changed the file")
			}
			if statErr != nil {
				if _, err := os.Lstat(tc.path); err == nil {
					t.Errorf("Open left %s behind", tc.path)
				}
			}
		})
	}
}

func TestOpen_PathNeedsEscaping(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Klyngemøde ?#%20&_foreign_keys=off")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "klynge 100%.db")
	s := mustOpenPath(t, path)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	if got := pragma(t, s, "foreign_keys"); got != "1" {
		t.Errorf("PRAGMA foreign_keys = %s", got)
	}
	if names := dirNames(t, dir); !slices.Contains(names, "klynge 100%.db") {
		t.Errorf("folder holds %v", names)
	}
}

func TestOpen_EmptyFileIsNewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "klynge.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := mustOpenPath(t, path)
	if v, err := s.SchemaVersion(context.Background()); err != nil || v != LatestSchema() {
		t.Errorf("SchemaVersion = %d, %v", v, err)
	}
}

func TestOpen_FailedMigration(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	broken := append(slices.Clone(ms), migration{
		version: len(ms) + 1,
		name:    "9999_broken.sql",
		sql:     `CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);`,
	})

	t.Run("new file is removed", func(t *testing.T) {
		dir := t.TempDir()
		s, err := openWith(filepath.Join(dir, "klynge.db"), broken)
		if err == nil {
			s.Close()
			t.Fatal("openWith succeeded with a broken migration")
		}
		wantError(t, err, meeting.EINTERNAL, "9999_broken.sql")
		if names := dirNames(t, dir); len(names) != 0 {
			t.Errorf("Open left %v behind", names)
		}
	})

	t.Run("existing file keeps its version", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "klynge.db")
		s := mustOpenPath(t, path)
		c, err := s.CreateCluster(context.Background(), testCluster())
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if _, err := openWith(path, broken); err == nil {
			t.Fatal("openWith succeeded with a broken migration")
		}
		s = mustOpenPath(t, path)
		if v, err := s.SchemaVersion(context.Background()); err != nil || v != len(ms) {
			t.Errorf("SchemaVersion = %d, %v; want %d", v, err, len(ms))
		}
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).Scan(&n); err != nil || n != 0 {
			t.Errorf("half-applied migration left a table behind (%d, %v)", n, err)
		}
		if _, err := s.Cluster(context.Background(), c.ID); err != nil {
			t.Errorf("data lost: %v", err)
		}
	})
}

func TestOpen_ConcurrentUse(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c, err := s.CreateCluster(ctx, testCluster())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 20 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			m := testMeeting(c.ID)
			m.Title = fmt.Sprintf("Møde %d", i)
			_, err := s.CreateMeeting(ctx, m)
			errs <- err
		}()
		go func() {
			defer wg.Done()
			_, err := s.Meetings(ctx)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	ms, err := s.Meetings(ctx)
	if err != nil || len(ms) != 20 {
		t.Errorf("Meetings = %d meetings, %v; want 20", len(ms), err)
	}
}

// TestOpenCheckLater: a store opened with the quick check left for later
// reads as Open's does, and its QuickCheck passes a sound file and finds
// a damaged one.
func TestOpenCheckLater(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	s := mustOpenPath(t, path)
	id := mustCluster(t, s)
	m, err := s.CreateMeeting(ctx, testMeeting(id))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	later, err := OpenCheckLater(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := later.LatestMeetingID(ctx); err != nil || got != m.ID {
		t.Errorf("LatestMeetingID = %d, %v; want %d", got, err, m.ID)
	}
	if err := later.QuickCheck(ctx); err != nil {
		t.Errorf("QuickCheck of a sound file: %v", err)
	}
	later.Close()
	damage(t, path)
	if _, err := Open(path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open of a damaged file: %v, want ErrDamaged", err)
	}
	later, err = OpenCheckLater(path)
	if err != nil {
		t.Fatalf("OpenCheckLater of a damaged file: %v", err)
	}
	defer later.Close()
	if err := later.QuickCheck(ctx); !errors.Is(err, ErrDamaged) {
		t.Errorf("QuickCheck of a damaged file: %v, want ErrDamaged", err)
	}
}
