package main

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/klynge/klynge/store"
)

func TestBackupRestoreRoundTrip(t *testing.T) {
	env := demoMeeting(t)
	db := env["KLYNGE_DB"]
	code, out, errOut := runKlynge(t, env, "backup")
	if code != 0 {
		t.Fatalf("backup: %s", errOut)
	}
	backup := strings.TrimPrefix(strings.TrimSpace(out), "sikkerhedskopi skrevet: ")
	if filepath.Dir(backup) != store.BackupDir(db) {
		t.Fatalf("backup: %q, want a file in %s", out, store.BackupDir(db))
	}
	// A pledge after the backup: gone after the restore, kept in the
	// replaced file.
	if code, _, errOut := runKlynge(t, env, "pledge", "add", "--practice", "027475",
		"--action", "Forløbsplaner ved årskontrol", "--due", "3m"); code != 0 {
		t.Fatalf("pledge add: %s", errOut)
	}
	if code, out, _ := runKlynge(t, env, "backup", "--list"); code != 0 || !strings.Contains(out, backup) {
		t.Errorf("backup --list: %q", out)
	}

	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := s.LockMeeting(1)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runKlynge(t, env, "restore", backup)
	if code != 1 || !strings.Contains(errOut, "møde 1 er åbent i en klynge") {
		t.Errorf("restore while a meeting is open: code %d, %q", code, errOut)
	}
	unlock()
	s.Close()

	code, out, errOut = runKlynge(t, env, "restore", backup)
	if code != 0 {
		t.Fatalf("restore: %s", errOut)
	}
	if !strings.Contains(out, "er gendannet fra "+backup) || !strings.Contains(out, "-replaced.db") {
		t.Errorf("restore said %q", out)
	}
	if n := pledgeCount(t, db); n != 0 {
		t.Errorf("after restore: %d pledges, want 0", n)
	}
	replaced := out[strings.Index(out, "gemt som ")+len("gemt som "):]
	if n := pledgeCount(t, strings.TrimSpace(replaced)); n != 1 {
		t.Errorf("replaced file holds %d pledges, want 1", n)
	}
}

// pledgeCount is the number of pledges of meeting 1 in the database at db.
func pledgeCount(t *testing.T, db string) int {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps, err := s.Pledges(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	return len(ps)
}

func TestCheckAndDamage(t *testing.T) {
	env := demoMeeting(t)
	db := env["KLYNGE_DB"]
	code, out, errOut := runKlynge(t, env, "check")
	if code != 0 || !strings.Contains(out, "er i orden") || !strings.Contains(out, "ingen sikkerhedskopier endnu") {
		t.Fatalf("check: code %d, %q %q", code, out, errOut)
	}
	if code, _, errOut := runKlynge(t, env, "backup"); code != 0 {
		t.Fatal(errOut)
	}
	backups, err := store.Backups(db)
	if err != nil || len(backups) != 1 {
		t.Fatalf("Backups = %v, %v", backups, err)
	}
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(b[16:18]))
	for i := 2 * pageSize; i < 2*pageSize+64; i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, want string }{
		{"da", "er beskadiget"},
		{"en", "is damaged"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			code, out, errOut := runKlynge(t, env, "--lang", tc.lang, "pledge", "list")
			if code != 1 || out != "" {
				t.Errorf("pledge list on a damaged file: code %d, out %q", code, out)
			}
			if !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "klynge restore "+backups[0]) ||
				strings.Count(errOut, "\n") != 1 {
				t.Errorf("message %q does not name the backup in one line", errOut)
			}
		})
	}
	if code, _, errOut := runKlynge(t, env, "restore", backups[0]); code != 0 {
		t.Fatalf("restore: %s", errOut)
	}
	if code, out, errOut := runKlynge(t, env, "check"); code != 0 || !strings.Contains(out, "er i orden") {
		t.Errorf("check after restore: %d %q %q", code, out, errOut)
	}
}

func TestVersionReportsTheFilesSchema(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "klynge.db")
	code, out, _ := runKlynge(t, nil, "version", "--db", db)
	if code != 0 || !strings.Contains(out, "findes ikke endnu") {
		t.Errorf("version --db of a missing file: %d %q", code, out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("version --db created the file")
	}
	if code, _, errOut := runKlynge(t, nil, "--db", db, "init"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, _ = runKlynge(t, nil, "version", "--db", db)
	if want := "database " + db + ": skema " + strconv.Itoa(store.LatestSchema()); code != 0 || !strings.Contains(out, want) {
		t.Errorf("version --db: %d %q, want %q", code, out, want)
	}
	// A newer file is reported as such and left as it is.
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	binary.BigEndian.PutUint32(b[60:64], uint32(store.LatestSchema()+3))
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runKlynge(t, nil, "--lang", "en", "version", "--db", db)
	if want := "schema " + strconv.Itoa(store.LatestSchema()+3) + ", newer than this klynge"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("version --db of a newer file: %d %q, want %q", code, out, want)
	}
	after, _ := os.ReadFile(db)
	if string(after) != string(b) {
		t.Error("version --db changed the file")
	}
}
