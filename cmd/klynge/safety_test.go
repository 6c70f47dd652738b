package main

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/emersion/go-ical"

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

// icsEvents exports the follow-up list of the database behind env as ICS
// and returns its events' SEQUENCE and STATUS by UID.
func icsEvents(t *testing.T, env map[string]string) map[string][2]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "opfoelgning.ics")
	if code, _, errOut := runKlynge(t, env, "export", "followup", "-o", out); code != 0 {
		t.Fatalf("export followup: %s", errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(strings.NewReader(string(b))).Decode()
	if err != nil {
		t.Fatal(err)
	}
	evs := map[string][2]string{}
	for _, ev := range cal.Events() {
		uid, _ := ev.Props.Text(ical.PropUID)
		status, _ := ev.Props.Text(ical.PropStatus)
		evs[uid] = [2]string{ev.Props.Get(ical.PropSequence).Value, status}
	}
	return evs
}

func TestExportICSFollowsChanges(t *testing.T) {
	env := demoMeeting(t)
	if code, _, errOut := runKlynge(t, env, "pledge", "add", "--practice", "027475",
		"--action", "Forløbsplaner ved årskontrol", "--due", "2027-03-01"); code != 0 {
		t.Fatalf("pledge add: %s", errOut)
	}
	first := icsEvents(t, env)
	if len(first) != 1 {
		t.Fatalf("events %v", first)
	}
	var uid string
	for u, ev := range first {
		uid = u
		if ev != [2]string{"0", "CONFIRMED"} {
			t.Errorf("new pledge's event %v", ev)
		}
	}
	// Another database's pledge 1 has another UID.
	if other := icsEvents(t, func() map[string]string {
		e := demoMeeting(t)
		if code, _, errOut := runKlynge(t, e, "pledge", "add", "--practice", "027475",
			"--action", "Forløbsplaner ved årskontrol", "--due", "2027-03-01"); code != 0 {
			t.Fatalf("pledge add: %s", errOut)
		}
		return e
	}()); len(other) != 1 || other[uid] != [2]string{} {
		t.Errorf("the other database's events %v share UID %s", other, uid)
	}

	s, err := store.Open(env["KLYNGE_DB"])
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ps, err := s.Pledges(ctx, 1)
	if err != nil || len(ps) != 1 {
		t.Fatalf("pledges %v %v", ps, err)
	}
	p := ps[0]
	p.Due = p.Due.AddDate(0, 1, 0)
	if _, err := s.SavePledge(ctx, p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := icsEvents(t, env)[uid]; got != [2]string{"1", "CONFIRMED"} {
		t.Errorf("after moving the due date: %v, want SEQUENCE 1 under the same UID", got)
	}
	s, err = store.Open(env["KLYNGE_DB"])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeletePledge(ctx, p.ID, testNow); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := icsEvents(t, env)[uid]; got != [2]string{"2", "CANCELLED"} {
		t.Errorf("after deleting: %v, want SEQUENCE 2, CANCELLED", got)
	}
}

func TestBadFilePrintsAtMost21Lines(t *testing.T) {
	env := demoMeeting(t)
	// A 10 MB file in Danish; English with a small one, as the 10 MB
	// file takes seconds under the race detector.
	for _, tc := range []struct {
		lang, more string
		size       int
	}{{"da", "… og ", 10 << 20}, {"en", "… and ", 4 << 10}} {
		t.Run(tc.lang, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "tal.csv")
			var b strings.Builder
			b.WriteString("ydernummer;indikator;tæller;nævner;periode\n")
			for i := 0; b.Len() < tc.size; i++ {
				fmt.Fprintf(&b, "x%d;ukendt;-1;nul;2024\n", i)
			}
			if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runKlynge(t, env, "--lang", tc.lang, "data", "import", file)
			lines := strings.Split(strings.TrimRight(errOut, "\n"), "\n")
			if code != 1 || out != "" || len(lines) > 21 {
				t.Fatalf("code %d, %d lines on stderr, stdout %q", code, len(lines), out)
			}
			last := lines[len(lines)-1]
			if !strings.HasPrefix(last, tc.more) {
				t.Errorf("last line %q, want it to start with %q", last, tc.more)
			}
		})
	}
}

func TestFiveDigitYdernummerIsSaidOnce(t *testing.T) {
	env := demoMeeting(t)
	file := filepath.Join(t.TempDir(), "tal.csv")
	src := "ydernummer;indikator;tæller;nævner;periode\n27475;kol-prevalens;30;1000;2024\n27475;kol-spirometri;5;10;2024\n"
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runKlynge(t, env, "data", "import", file)
	if code != 0 {
		t.Fatalf("data import: %s", errOut)
	}
	if strings.Count(out, "ydernumre havde 5 cifre") != 1 || !strings.Contains(out, "2 ydernumre") {
		t.Errorf("stdout %q: want the 5-digit note once", out)
	}
}
