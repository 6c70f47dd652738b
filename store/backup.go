package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// KeepBackups is how many backups klynge keeps in a database's backup
// folder; taking one more removes the oldest.
const KeepBackups = 10

// BackupDir is the folder beside the database at path that holds its
// backups: klynge.db.backups for klynge.db.
func BackupDir(path string) string {
	return path + ".backups"
}

// backupStamp is the time in a backup's name; names sort by it.
const backupStamp = "20060102-150405"

// backupName matches the names Backup gives: <stem>-<stamp>-<reason>.db.
// Compiled on first use: only listing backups needs it, and every command
// would otherwise compile it before main.
var backupName = meeting.LazyRegexp(`-(\d{8}-\d{6})-[a-z0-9-]+\.db$`)

// Backup writes a consistent copy of the database (SQLite's VACUUM INTO,
// which reads in one transaction while others may keep writing) into its
// backup folder, named after at and reason (e.g. "meeting-3-start"), and
// removes all but the newest KeepBackups there. It returns the copy's path.
func (s *Store) Backup(ctx context.Context, reason string, at time.Time) (string, error) {
	dir := BackupDir(s.path)
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", backupError(s.path, dir, err)
	}
	stem := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	base := fmt.Sprintf("%s-%s-%s", stem, at.Format(backupStamp), reason)
	var (
		path string
		err  error
	)
	for n := 1; ; n++ {
		path = filepath.Join(dir, base+".db")
		if n > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d.db", base, n))
		}
		err = s.vacuumInto(ctx, path)
		if !errors.Is(err, fs.ErrExist) || n > 99 {
			break
		}
	}
	if err != nil {
		return "", backupError(s.path, path, err)
	}
	pruneBackups(s.path)
	return path, nil
}

// BackupTo writes a consistent copy of the database to file, which must
// not exist yet.
func (s *Store) BackupTo(ctx context.Context, file string) error {
	abs, err := filepath.Abs(file)
	if err != nil {
		return backupError(s.path, file, err)
	}
	if err := s.vacuumInto(ctx, abs); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return meeting.Errork(meeting.ECONFLICT, "store.BackupExists", s.path, abs)
		}
		return backupError(s.path, abs, err)
	}
	return nil
}

// vacuumInto writes the copy to a private temporary file beside dst,
// flushes it to disk and links it into place, so that dst is never half a
// database and an existing dst is never replaced (fs.ErrExist).
func (s *Store) vacuumInto(ctx context.Context, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return fs.ErrExist
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".klynge-backup-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name)
	if err := tmp.Close(); err != nil {
		return err
	}
	// VACUUM INTO fills an empty file and keeps its mode (0600 from
	// CreateTemp). It runs on a read-only connection of its own, reading
	// a snapshot (WAL), so the backup taken as a meeting opens does not
	// hold up the screen's reads and writes on the store's connection.
	db, err := s.readOnly()
	if err != nil {
		return translate(err, phrase("store.DoBackup"))
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, name); err != nil {
		return translate(err, phrase("store.DoBackup"))
	}
	if err := syncFile(name); err != nil {
		return err
	}
	if err := os.Link(name, dst); err != nil {
		return err
	}
	return syncDir(filepath.Dir(dst))
}

// Backups lists the backups of the database at path, newest first.
func Backups(path string) ([]string, error) {
	dir := BackupDir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	type backup struct{ stamp, name string }
	var bs []backup
	for _, e := range entries {
		m := backupName().FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), stem+"-") {
			continue
		}
		bs = append(bs, backup{m[1], e.Name()})
	}
	sort.Slice(bs, func(i, j int) bool {
		if bs[i].stamp != bs[j].stamp {
			return bs[i].stamp > bs[j].stamp
		}
		return bs[i].name > bs[j].name
	})
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = filepath.Join(dir, b.name)
	}
	return out, nil
}

// NewestBackup is the path of the newest backup of the database at path,
// or "" when it has none.
func NewestBackup(path string) string {
	bs, err := Backups(path)
	if err != nil || len(bs) == 0 {
		return ""
	}
	return bs[0]
}

// pruneBackups removes all but the newest KeepBackups backups of the
// database at path. A failure only leaves an extra file, so it is ignored.
func pruneBackups(path string) {
	bs, err := Backups(path)
	if err != nil || len(bs) <= KeepBackups {
		return
	}
	for _, b := range bs[KeepBackups:] {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			_ = os.Remove(b + suffix)
		}
	}
}

// Restore replaces the database at path with the backup at backup, taken
// by Backup or `klynge backup`. It refuses while a meeting of the database
// is open in a klynge (ELOCKED), and a backup that is damaged, not a
// klynge database or of a newer schema. The replaced database, with its
// -wal, is kept in the backup folder under a name ending in -replaced.db,
// which Restore returns ("" when there was no database at path). An older
// backup's schema is brought up to date at the next Open, after another
// backup.
func Restore(path, backup string, at time.Time) (replaced string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", restoreError(path, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	src, err := filepath.Abs(backup)
	if err != nil {
		return "", restoreError(abs, err)
	}
	if err := checkBackup(src); err != nil {
		return "", err
	}
	if sameFile(abs, src) {
		return "", meeting.Errork(meeting.EINVALID, "store.RestoreFromItself", abs, BackupDir(abs))
	}
	if _, err := os.Stat(abs); err == nil {
		release, err := lockAllMeetings(abs)
		if err != nil {
			return "", err
		}
		defer release()
		if replaced, err = setAside(abs, at); err != nil {
			return "", restoreError(abs, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", restoreError(abs, err)
	}
	if err := copyInto(src, abs); err != nil {
		return replaced, restoreError(abs, err)
	}
	if _, err := os.Stat(src + "-wal"); err == nil {
		if err := copyInto(src+"-wal", abs+"-wal"); err != nil {
			return replaced, restoreError(abs, err)
		}
	}
	return replaced, nil
}

// checkBackup refuses a file that cannot be restored: not a klynge
// database, of a newer schema, or damaged. It reads the file without
// changing it.
func checkBackup(src string) error {
	st, err := inspectFile(src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return meeting.Errork(meeting.EINVALID, "store.RestoreNoFile", src)
	case errors.Is(err, errNotSQLite), err == nil && (st.empty || st.version <= 0):
		return meeting.Errork(meeting.EINVALID, "store.RestoreNotBackup", src)
	case err != nil:
		return restoreError(src, err)
	case st.version > LatestSchema():
		return newerSchemaError(src, st.version, LatestSchema())
	}
	// immutable: SQLite reads the file as it is, takes no lock and makes
	// no -shm or -journal beside it.
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(src), RawQuery: "mode=ro&immutable=1"}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path
	}
	db, err := sql.Open("sqlite3", u.String())
	if err != nil {
		return restoreError(src, err)
	}
	defer db.Close()
	if detail, err := quickCheck(context.Background(), db); err != nil || detail != "" {
		return meeting.Errork(meeting.EINVALID, "store.RestoreDamaged",
			src, firstNonEmpty(detail, errText(err)), filepath.Dir(src))
	}
	return nil
}

// setAside moves the database at abs, with its -wal and -shm, into its
// backup folder under a name ending in -replaced.db, and returns that name.
func setAside(abs string, at time.Time) (string, error) {
	dir := BackupDir(abs)
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", err
	}
	stem := strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs))
	dst := filepath.Join(dir, fmt.Sprintf("%s-%s-replaced.db", stem, at.Format(backupStamp)))
	for n := 2; ; n++ {
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dst = filepath.Join(dir, fmt.Sprintf("%s-%s-replaced-%d.db", stem, at.Format(backupStamp), n))
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Rename(abs+suffix, dst+suffix); err != nil && !(suffix != "" && errors.Is(err, fs.ErrNotExist)) {
			return "", err
		}
	}
	return dst, syncDir(dir)
}

// copyInto copies src to dst through a private temporary file beside dst,
// flushed to disk before it is renamed into place.
func copyInto(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".klynge-restore-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return err
	}
	return syncDir(filepath.Dir(dst))
}

// lockAllMeetings takes every meeting lock of the database at abs that
// exists, refusing with ELOCKED while a klynge holds one.
func lockAllMeetings(abs string) (release func(), err error) {
	paths, err := meetingLocks(abs)
	if err != nil {
		return nil, restoreError(abs, err)
	}
	var held []func()
	release = func() {
		for _, r := range held {
			r()
		}
	}
	for _, p := range paths {
		f, busy, err := lockFile(p)
		if err != nil {
			release()
			return nil, restoreError(abs, err)
		}
		if busy {
			release()
			id := strings.TrimSuffix(strings.TrimSuffix(p[strings.LastIndex(p, ".meeting-")+len(".meeting-"):], ".lock"), ".console")
			return nil, meeting.Errork(meeting.ELOCKED, "store.RestoreMeetingOpen", abs, id)
		}
		held = append(held, func() { _ = unlockFile(f, p); removeLockDir(p) })
	}
	return release, nil
}

// sameFile reports whether a and b name one file.
func sameFile(a, b string) bool {
	ai, err1 := os.Stat(a)
	bi, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ai, bi)
}

// syncFile flushes the file at path to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir flushes a folder's entries, so a rename survives a power cut.
// Some systems cannot sync a folder; that is not an error.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	_ = f.Sync()
	return f.Close()
}

// pageCheck is the check every open runs (Open, QuickCheck): PRAGMA
// quick_check, every page and every b-tree read and checked, with the
// tables' CHECK constraints left out. Evaluating those again on every row
// (unixepoch of each pledge's, review's and check-in's time) was three
// quarters of the check on ten years of history (about 30 of 40 ms) and
// grew with every meeting; every write is held to them, and `klynge
// check` (Check, integrity_check) still evaluates them all, as it
// compares each index with its table, which quick_check never did. So a
// damaged value inside a well-formed page is found by `klynge check`, not
// at open.
func pageCheck(ctx context.Context, db *sql.DB) (string, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA ignore_check_constraints = ON"); err != nil {
		return "", err
	}
	detail, err := integrity(ctx, conn, "quick_check")
	// The connection is the store's own, whose writes must be held to the
	// constraints again; one that cannot be set back is not used again.
	if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA ignore_check_constraints = OFF"); rerr != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		return "", rerr
	}
	return detail, err
}

// quickCheck runs PRAGMA quick_check on db and returns its first complaint,
// "" when the database is sound.
func quickCheck(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (string, error) {
	return integrity(ctx, db, "quick_check")
}

// integrity runs PRAGMA quick_check or integrity_check and returns the
// first problem it reports, "" when there is none.
func integrity(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, pragma string) (string, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA "+pragma)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		lines = append(lines, line)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if len(lines) == 1 && lines[0] == "ok" {
		return "", nil
	}
	first := "PRAGMA " + pragma + " failed"
	for _, l := range lines {
		// integrity_check starts with "*** in database main ***" when it
		// finds something; the problem is on the next line.
		if !strings.HasPrefix(l, "***") {
			first = l
			break
		}
	}
	return oneLineText(first), nil
}

// oneLineText keeps the first line of s.
func oneLineText(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return s
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return oneLineText(err.Error())
}

// backupError reports a backup of the database at db to dst that failed.
func backupError(db, dst string, err error) error {
	var me *meeting.Error
	if errors.As(err, &me) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return meeting.Errork(meeting.EINTERNAL, "store.BackupFailed", db, dst, err)
}

// restoreError reports a restore of the database at db that failed.
func restoreError(db string, err error) error {
	var me *meeting.Error
	if errors.As(err, &me) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return meeting.Errork(meeting.EINTERNAL, "store.RestoreFailed", db, err)
}
