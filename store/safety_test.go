package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// copyFiles copies the named files from src to dst, as a crash would leave
// them: the -wal and -shm of a database that is still open included.
func copyFiles(tb testing.TB, src, dst string, names ...string) {
	tb.Helper()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(src, n))
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, n), b, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
}

// hotWAL makes, in a new folder, a klynge.db whose last transaction —
// setting user_version to version — sits only in its -wal, as when klynge
// is killed before a checkpoint. It returns the database's path.
func hotWAL(tb testing.TB, version int) string {
	tb.Helper()
	live := tb.TempDir()
	s := mustOpenPath(tb, filepath.Join(live, "klynge.db"))
	if _, err := s.CreateCluster(context.Background(), testCluster()); err != nil {
		tb.Fatal(err)
	}
	for _, q := range []string{"PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA wal_autocheckpoint = 0",
		fmt.Sprintf("PRAGMA user_version = %d", version)} {
		if _, err := s.db.Exec(q); err != nil {
			tb.Fatal(err)
		}
	}
	dir := tb.TempDir()
	copyFiles(tb, live, dir, "klynge.db", "klynge.db-wal", "klynge.db-shm")
	return filepath.Join(dir, "klynge.db")
}

// headerVersion is user_version as the main file's header holds it.
func headerVersion(tb testing.TB, path string) int {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return int(binary.BigEndian.Uint32(b[60:64]))
}

func TestOpen_NewerSchemaInHotWAL(t *testing.T) {
	newer := LatestSchema() + 1
	path := hotWAL(t, newer)
	if v := headerVersion(t, path); v != LatestSchema() {
		t.Fatalf("main file's header says schema %d; the test needs the newer one only in the -wal", v)
	}
	if v, err := FileSchema(path); err != nil || v != newer {
		t.Errorf("FileSchema = %d, %v; want %d from the -wal", v, err, newer)
	}
	files := []string{path, path + "-wal", path + "-shm"}
	before := make([]string, len(files))
	for i, f := range files {
		before[i] = fileHash(t, f)
	}
	names := dirNames(t, filepath.Dir(path))

	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded on a newer schema")
	}
	if !errors.Is(err, ErrNewerSchema) {
		t.Errorf("err = %v, want ErrNewerSchema", err)
	}
	for i, f := range files {
		if fileHash(t, f) != before[i] {
			t.Errorf("Open changed %s", filepath.Base(f))
		}
	}
	if after := dirNames(t, filepath.Dir(path)); !slices.Equal(after, names) {
		t.Errorf("folder holds %v after Open, had %v", after, names)
	}
}

func TestOpen_HotWALIsRecovered(t *testing.T) {
	// The same crash with a version this klynge knows: the data in the
	// -wal is there after Open.
	path := hotWAL(t, LatestSchema())
	s := mustOpenPath(t, path)
	cs, err := s.Clusters(context.Background())
	if err != nil || len(cs) != 1 {
		t.Errorf("Clusters = %v, %v; want the one in the -wal", cs, err)
	}
}

// damage overwrites the middle of the last page of the file at path, where
// SQLite keeps the cells of a table.
func damage(tb testing.TB, path string) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(b[16:18]))
	if len(b) < 3*pageSize {
		tb.Fatalf("file of %d bytes is too small to damage", len(b))
	}
	// A b-tree page header at the start of page 3 (byte 0 is the page
	// type): garbage there is what a torn write leaves.
	start := 2 * pageSize
	for i := start; i < start+64; i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		tb.Fatal(err)
	}
}

func TestOpen_DamagedFileNamesNewestBackup(t *testing.T) {
	for _, tc := range []struct {
		name    string
		backups int
	}{
		{"with backups", 2},
		{"without a backup", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "klynge.db")
			s := mustOpenPath(t, path)
			ctx := context.Background()
			if _, err := s.CreateCluster(ctx, testCluster()); err != nil {
				t.Fatal(err)
			}
			var newest string
			for i := range tc.backups {
				b, err := s.Backup(ctx, "manual", time.Date(2026, 12, 3, 17, i, 0, 0, time.UTC))
				if err != nil {
					t.Fatal(err)
				}
				newest = b
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			damage(t, path)

			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded on a damaged file")
			}
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("err = %v, want ErrDamaged", err)
			}
			var d *DamagedError
			if !errors.As(err, &d) || d.Backup != newest || d.Path != path {
				t.Errorf("DamagedError = %+v, want backup %q", d, newest)
			}
			if newest != "" {
				wantError(t, err, meeting.EINVALID, path, "damaged", "klynge restore "+newest)
			} else {
				wantError(t, err, meeting.EINVALID, path, "damaged", "no backup")
			}
		})
	}
}

func TestOpen_AdoptedEmptyFileIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "klynge.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	mustOpenPath(t, path)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if mode := fi.Mode().Perm(); mode != 0o600 {
		t.Errorf("mode = %o, want 600", mode)
	}
}

func TestOpen_ReadOnlyLeavesNoTrap(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permissions do not apply to root")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "klynge.db")
	s := mustOpenPath(t, path)
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	names := dirNames(t, dir)
	if _, err := Open(path); err == nil {
		t.Fatal("Open succeeded on a read-only file")
	} else {
		wantError(t, err, meeting.EINVALID, path, "chmod u+w")
	}
	if after := dirNames(t, dir); !slices.Equal(after, names) {
		t.Errorf("refused Open left %v, had %v", after, names)
	}
	// As the message says: make it writable, and it opens.
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := mustOpenPath(t, path).Close(); err != nil {
		t.Fatal(err)
	}

	t.Run("a read-only -shm an older klynge left", func(t *testing.T) {
		if err := os.WriteFile(path+"-shm", nil, 0o400); err != nil {
			t.Fatal(err)
		}
		mustOpenPath(t, path)
		fi, err := os.Stat(path + "-shm")
		if err != nil {
			t.Fatal(err)
		}
		if mode := fi.Mode().Perm(); mode != 0o600 {
			t.Errorf("-shm mode = %o, want 600", mode)
		}
	})
}

func TestOpen_BackupBeforeMigration(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "klynge.db")
	s, err := openWith(path, ms[:len(ms)-1])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateCluster(context.Background(), testCluster()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Fatalf("backups before the migration: %v", bs)
	}
	mustOpenPath(t, path)
	bs, err := Backups(path)
	if err != nil || len(bs) != 1 {
		t.Fatalf("Backups = %v, %v; want one", bs, err)
	}
	if !strings.HasSuffix(bs[0], fmt.Sprintf("-before-schema-%d.db", len(ms))) {
		t.Errorf("backup %s is not named for the migration", bs[0])
	}
	if v, err := FileSchema(bs[0]); err != nil || v != len(ms)-1 {
		t.Errorf("backup's schema = %d, %v; want %d", v, err, len(ms)-1)
	}
	fi, err := os.Stat(bs[0])
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, %v; want 600", fi.Mode(), err)
	}
}

func TestBackup_KeepsTheNewestTen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "klynge.db")
	s := mustOpenPath(t, path)
	ctx := context.Background()
	var made []string
	for i := range KeepBackups + 3 {
		b, err := s.Backup(ctx, fmt.Sprintf("meeting-%d-start", i), time.Date(2026, 12, 3, 17, i, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, b)
	}
	bs, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(made)
	if !slices.Equal(bs, made[:KeepBackups]) {
		t.Errorf("Backups = %v\nwant the newest %d: %v", bs, KeepBackups, made[:KeepBackups])
	}
	// Two in one second get two names.
	at := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	a, err1 := s.Backup(ctx, "manual", at)
	b, err2 := s.Backup(ctx, "manual", at)
	if err1 != nil || err2 != nil || a == b {
		t.Errorf("two backups in one second: %q %v, %q %v", a, err1, b, err2)
	}
}

func TestRestore_RoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "klynge.db")
	s := mustOpenPath(t, path)
	ctx := context.Background()
	c, err := s.CreateCluster(ctx, testCluster())
	if err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup(ctx, "manual", time.Date(2026, 12, 3, 17, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	later := testCluster()
	later.Name = "Added after the backup"
	if _, err := s.CreateCluster(ctx, later); err != nil {
		t.Fatal(err)
	}

	t.Run("refused while a meeting is open", func(t *testing.T) {
		unlock := mustLock(t, s, 4)
		defer unlock()
		before := fileHash(t, path)
		_, err := Restore(path, backup, time.Now())
		wantError(t, err, meeting.ELOCKED, "meeting 4", "close it")
		if fileHash(t, path) != before {
			t.Error("refused Restore changed the database")
		}
	})
	t.Run("refuses a damaged backup", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.db")
		copyFiles(t, filepath.Dir(backup), filepath.Dir(bad), filepath.Base(backup))
		if err := os.Rename(filepath.Join(filepath.Dir(bad), filepath.Base(backup)), bad); err != nil {
			t.Fatal(err)
		}
		damage(t, bad)
		_, err := Restore(path, bad, time.Now())
		wantError(t, err, meeting.EINVALID, bad, "damaged")
	})
	t.Run("refuses a file that is not a backup", func(t *testing.T) {
		txt := filepath.Join(t.TempDir(), "notes.txt")
		if err := os.WriteFile(txt, []byte("referat"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Restore(path, txt, time.Now())
		wantError(t, err, meeting.EINVALID, txt, "not a klynge backup")
	})

	// The store stays open as a coordinator's klynge would be closed
	// before restoring: close it.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	replaced, err := Restore(path, backup, time.Date(2026, 12, 3, 18, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(replaced, "-replaced.db") || filepath.Dir(replaced) != BackupDir(path) {
		t.Errorf("replaced file kept as %q", replaced)
	}
	s = mustOpenPath(t, path)
	cs, err := s.Clusters(ctx)
	if err != nil || len(cs) != 1 || cs[0].ID != c.ID {
		t.Errorf("after restore: clusters %v, %v; want only %d", cs, err, c.ID)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("restored file mode %v, %v", fi.Mode(), err)
	}
	old := mustOpenPath(t, replaced)
	if cs, err := old.Clusters(ctx); err != nil || len(cs) != 2 {
		t.Errorf("replaced file holds %v, %v; want both clusters", cs, err)
	}
}

func TestCheck_Sound(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.CreateCluster(context.Background(), testCluster()); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(context.Background()); err != nil {
		t.Errorf("Check on a sound database: %v", err)
	}
}

func TestCheck_DamagedIndex(t *testing.T) {
	// quick_check does not compare an index with its table; the full
	// integrity_check of `klynge check` does.
	path := filepath.Join(t.TempDir(), "klynge.db")
	s := mustOpenPath(t, path)
	ctx := context.Background()
	if _, err := s.CreateCluster(ctx, testCluster()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(ctx, "manual", time.Now()); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA writable_schema = ON",
		"CREATE TABLE scratch (x TEXT, y TEXT)", "CREATE INDEX scratch_x ON scratch (x)",
		"INSERT INTO scratch VALUES ('a', 'z'), ('b', 'y')",
		// Declare the index on the other column: its entries no longer
		// match the rows, which every page still reads fine.
		"UPDATE sqlite_schema SET sql = 'CREATE INDEX scratch_x ON scratch (y)' WHERE name = 'scratch_x'",
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Skipf("%s: %v", q, err)
		}
	}
	s.Close()
	s2 := mustOpenPath(t, path)
	err := s2.Check(ctx)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("Check = %v, want ErrDamaged", err)
	}
	wantError(t, err, meeting.EINVALID, "klynge restore")
}

// TestOpen_FailedMigrationChangesNothing adds two migrations to an older
// database, the second of which fails: the first is undone with it, and
// the database stays at its old version with its data, to be opened by
// the klynge that made it.
func TestOpen_FailedMigrationChangesNothing(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "klynge.db")
	s, err := openWith(path, ms)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateCluster(context.Background(), testCluster()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	n := len(ms)
	broken := append(ms[:n:n],
		migration{version: n + 1, name: "add_table", sql: `CREATE TABLE added (id INTEGER PRIMARY KEY)`},
		migration{version: n + 2, name: "broken", sql: `ALTER TABLE no_such_table ADD COLUMN x TEXT`},
	)
	if _, err := openWith(path, broken); err == nil || !strings.Contains(err.Error(), "broken") {
		t.Fatalf("open with a broken migration: %v; want an error naming it", err)
	}
	if v, err := FileSchema(path); err != nil || v != n {
		t.Errorf("schema after the failed migration = %d, %v; want %d", v, err, n)
	}
	s, err = openWith(path, ms)
	if err != nil {
		t.Fatalf("the old klynge cannot open the file after the failed migration: %v", err)
	}
	defer s.Close()
	var added int
	if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'added'`).Scan(&added); err != nil || added != 0 {
		t.Errorf("the first new migration's table is there (%d, %v); it should have been undone", added, err)
	}
	if cs, err := s.Clusters(context.Background()); err != nil || len(cs) != 1 {
		t.Errorf("clusters after the failed migration: %v, %v", cs, err)
	}
}
