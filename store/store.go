// Package store keeps klynge's data in one SQLite file. It is the only
// package that speaks SQL: it turns meeting values into rows and back, runs
// every public method in its own transaction, and reports failures as
// *meeting.Error values a coordinator can act on.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/klynge/klynge/meeting"
	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// migrationFiles holds the schema migrations, named NNNN_what.sql and
// numbered from 0001 without gaps. Migration N brings the schema from
// version N-1 to N. Never edit a migration that has been released: add a
// new one.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open klynge database. It is safe for concurrent use; calls are
// served one at a time over a single connection.
type Store struct {
	db   *sql.DB
	path string
	// checkLater leaves the quick check at open to QuickCheck (see
	// OpenCheckLater).
	checkLater bool
	// seen lets DataVersion skip the query while the files are unchanged.
	seen versionSeen
}

// Open opens the klynge database at path, creating it (mode 0600) when it
// does not exist, and brings its schema up to date. A path that cannot hold
// a database, a file that is not a klynge database, or a database written by
// a newer klynge gives a *meeting.Error saying what to do; a newer schema
// also matches ErrNewerSchema, and that file is left untouched. When Open
// fails it leaves no file behind that it created.
func Open(path string) (*Store, error) {
	return openEmbedded(path, openMode{})
}

// OpenCheckLater opens the database as Open does, except that the quick
// check of every page, most of the cost of opening years of history, is
// left to the caller, who runs QuickCheck beside its first reads: `klynge
// run` shows the meeting while the check runs and closes with the damage
// error if it finds any. A database that needs migrating is checked
// before it is changed, as Open checks it.
func OpenCheckLater(path string) (*Store, error) {
	return openEmbedded(path, openMode{checkLater: true})
}

// OpenScratch opens a database that is thrown away when the process ends,
// as the demo's in a temporary folder: as OpenCheckLater, except that a
// commit does not wait for the disk (synchronous=OFF). Every change is
// still committed before it is shown; only the wait for the disk, which
// guards against a power cut, is left out, since nothing reopens the file
// after one. Making the demo's database took nine such waits before its
// first frame.
func OpenScratch(path string) (*Store, error) {
	return openEmbedded(path, openMode{checkLater: true, scratch: true})
}

// openEmbedded opens path in mode with the migrations built into klynge.
func openEmbedded(path string, mode openMode) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, meeting.Errork(meeting.EINVALID, "store.NoPath")
	}
	ms, err := migrations()
	if err != nil {
		return nil, meeting.Errork(meeting.EINTERNAL, "store.Internal", err)
	}
	return openChecking(path, ms, mode)
}

// openMode is how open treats the database: checkLater leaves the quick
// check to QuickCheck (OpenCheckLater), scratch commits without waiting
// for the disk (OpenScratch).
type openMode struct {
	checkLater, scratch bool
}

// QuickCheck runs the quick check of every page that Open runs, on a
// read-only connection of its own so that it does not hold up the store's
// calls; a damaged database gives an error matching ErrDamaged that names
// the newest backup.
func (s *Store) QuickCheck(ctx context.Context) error {
	db, err := s.readOnly()
	if err != nil {
		return openError(s.path, err)
	}
	defer db.Close()
	detail, err := pageCheck(ctx, db)
	if err != nil {
		return openError(s.path, err)
	}
	if detail != "" {
		return damagedError(s.path, detail)
	}
	return nil
}

// readOnly opens a read-only connection to the database beside the
// store's own; in WAL mode it reads a consistent snapshot while the store
// writes. Its page cache is small (sideCacheKiB): the quick check and the
// backup read each page about once, so SQLite's default 2 MB cache only
// added to the screen's peak memory while they ran beside its first reads
// (BenchmarkQuickCheck and BenchmarkBackupTo are as fast with it).
func (s *Store) readOnly() (*sql.DB, error) {
	d := strings.Replace(dsn(s.path), "mode=rw", "mode=ro", 1)
	return sql.Open("sqlite3", d+"&_cache_size="+strconv.Itoa(-sideCacheKiB))
}

// sideCacheKiB is the page cache, in KiB, of the read-only connections
// that check and back up the database beside the store's own.
const sideCacheKiB = 64

// screenCacheKiB is the page cache, in KiB, of the store's connection
// when it is opened for a screen (OpenCheckLater): the screen reads its
// meeting, and the list of meetings once, then a few rows a key; a page
// not in the cache comes from the system's file cache. SQLite's default
// 2 MB filled up on ten years of history and was 1.2 MiB of the screen's
// peak RSS; the other commands keep the default.
const screenCacheKiB = 512

// openWith is Open with the given migrations, so tests can try broken ones.
func openWith(path string, ms []migration) (*Store, error) {
	return openChecking(path, ms, openMode{})
}

// openChecking is openWith in the given mode.
func openChecking(path string, ms []migration, mode openMode) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, meeting.Errork(meeting.EINVALID, "store.OpenFailed", path, err)
	}
	latest := ms[len(ms)-1].version
	created, err := prepareFile(abs, latest)
	if err != nil {
		return nil, err
	}
	s, err := open(abs, ms, mode)
	if err != nil {
		if created {
			removeDatabase(abs)
		}
		return nil, err
	}
	return s, nil
}

// Close closes the database. Calls after Close fail.
func (s *Store) Close() error {
	return s.db.Close()
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string {
	return s.path
}

// SchemaVersion returns the database's schema version (PRAGMA
// user_version): LatestSchema once Open has succeeded.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	v, err := schemaVersion(ctx, s.db)
	if err != nil {
		return 0, translate(err, phrase("store.DoReadSchemaVersion"))
	}
	return v, nil
}

// LatestSchema returns the newest schema version this klynge knows, the
// number of its newest migration.
func LatestSchema() int {
	ms, err := migrations()
	if err != nil {
		// The migrations are embedded at build time; TestMigrationFiles
		// catches a badly named one before it can ship.
		panic(err)
	}
	return ms[len(ms)-1].version
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// prepareFile checks that abs can hold a database before SQLite sees it,
// reading but never writing what is there: an existing file must be empty
// or an SQLite database at a schema this klynge knows, and it, its -wal and
// -shm and its folder must be writable (SQLite would otherwise open it
// read-only and leave a read-only -shm behind); a missing file is created
// with mode 0600 in an existing, writable folder, and an existing empty one
// is given that mode. created reports whether this call made the file.
func prepareFile(abs string, latest int) (created bool, err error) {
	fi, err := os.Stat(abs)
	switch {
	case err == nil && fi.IsDir():
		return false, meeting.Errork(meeting.EINVALID, "store.OpenFolder",
			abs, filepath.Join(abs, "klynge.db"))
	case err == nil:
	case errors.Is(err, fs.ErrNotExist):
		return true, createFile(abs)
	default:
		return false, pathError("open", abs, err)
	}
	st, err := inspectFile(abs)
	switch {
	case errors.Is(err, errNotSQLite):
		return false, meeting.Errork(meeting.EINVALID, "store.OpenNotKlynge", abs)
	case err != nil:
		return false, pathError("open", abs, err)
	case st.version > latest:
		return false, newerSchemaError(abs, st.version, latest)
	}
	if n := linkCount(fi); n > 1 {
		// SQLite keeps the -wal beside the name it was given, so two
		// klynge using two names would each write their own log.
		return false, meeting.Errork(meeting.EINVALID, "store.OpenHardLinks", abs, n)
	}
	if err := checkFilesWritable(abs, fi.Mode().Perm()); err != nil {
		return false, err
	}
	if st.empty {
		// An empty file someone made for klynge becomes a database as
		// private as one klynge creates.
		if err := os.Chmod(abs, 0o600); err != nil {
			return false, pathError("open", abs, err)
		}
	}
	return false, nil
}

// checkFilesWritable fails unless the database at abs (mode perm), the -wal and
// -shm beside it and its folder can all be written. A -wal or -shm that
// lost its write permission while the database kept it, as an older klynge
// left a -shm after refusing a read-only file that was then made writable
// again, is given the database's mode back.
func checkFilesWritable(abs string, perm fs.FileMode) error {
	f, err := os.OpenFile(abs, os.O_RDWR, 0)
	if err != nil {
		return notWritableError(abs, abs, err)
	}
	f.Close()
	for _, side := range []string{abs + "-wal", abs + "-shm"} {
		f, err := os.OpenFile(side, os.O_RDWR, 0)
		if errors.Is(err, fs.ErrPermission) && os.Chmod(side, perm) == nil {
			f, err = os.OpenFile(side, os.O_RDWR, 0)
		}
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return notWritableError(abs, side, err)
		}
		f.Close()
	}
	if err := folderWritable(filepath.Dir(abs)); err != nil {
		return notWritableError(abs, filepath.Dir(abs), err)
	}
	return nil
}

// notWritableError reports that the database at abs cannot be used because
// what (the file, its -wal or -shm, or its folder) cannot be written.
func notWritableError(abs, what string, err error) error {
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return meeting.Errork(meeting.EINVALID, "store.OpenCannotWrite", abs, what)
	}
	return pathError("open", abs, err)
}

// createFile creates abs with mode 0600, failing if it exists.
func createFile(abs string) error {
	dir := filepath.Dir(abs)
	di, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return meeting.Errork(meeting.EINVALID, "store.CreateNoFolder", abs, dir)
	case err != nil:
		return pathError("create", abs, err)
	case !di.IsDir():
		return meeting.Errork(meeting.EINVALID, "store.CreateNotFolder", abs, dir)
	}
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return pathError("create", abs, err)
	}
	// The umask may have taken bits away; make it exactly 0600. SQLite
	// gives the -wal and -shm files the same mode.
	err = f.Chmod(0o600)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(abs)
		return pathError("create", abs, err)
	}
	return nil
}

// pathError turns a file system error about the database at abs into a
// one-line *meeting.Error. verb is "create" or "open".
func pathError(verb, abs string, err error) error {
	dir := filepath.Dir(abs)
	do := meeting.Word("store.VerbOpen")
	if verb == "create" {
		do = meeting.Word("store.VerbCreate")
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		if verb == "create" {
			return meeting.Errork(meeting.EINVALID, "store.CreateNoPermission", abs, dir)
		}
		return meeting.Errork(meeting.EINVALID, "store.OpenDenied", abs)
	case errors.Is(err, syscall.EROFS):
		return meeting.Errork(meeting.EINVALID, "store.ReadOnlyDisk", do, abs, dir)
	case errors.Is(err, syscall.ENOTDIR):
		return meeting.Errork(meeting.EINVALID, "store.PathThroughFile", do, abs)
	case errors.Is(err, fs.ErrExist):
		return meeting.Errork(meeting.ECONFLICT, "store.CreateRace", abs)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is already in the message
	}
	return meeting.Errork(meeting.EINVALID, "store.PathFailed", do, abs, err)
}

// removeDatabase removes a database file this Open created, with the files
// SQLite keeps beside it.
func removeDatabase(abs string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		_ = os.Remove(abs + suffix)
	}
}

// dsn is the driver's name for the file at abs. Every connection the pool
// opens runs the pragmas given here. journal_mode is not among them: switching
// to WAL writes to the file, which must not happen before the schema version
// has been checked.
func dsn(abs string) string {
	q := url.Values{}
	q.Set("mode", "rw")            // never let SQLite create the file: Open does, with mode 0600
	q.Set("_foreign_keys", "on")   // off by default in SQLite
	q.Set("_busy_timeout", "5000") // wait up to 5 s for another process's write
	q.Set("_synchronous", "FULL")  // a committed action survives a power cut, not only kill -9
	q.Set("_txlock", "immediate")  // take the write lock at BEGIN, so a busy wait can never deadlock
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/Users/…
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

// open connects to the prepared file at abs, checks its schema version and
// applies the missing migrations of ms.
func open(abs string, ms []migration, mode openMode) (*Store, error) {
	d := dsn(abs)
	if mode.checkLater {
		d += "&_cache_size=" + strconv.Itoa(-screenCacheKiB)
	}
	if mode.scratch {
		d = strings.Replace(d, "_synchronous=FULL", "_synchronous=OFF", 1)
	}
	db, err := sql.Open("sqlite3", d)
	if err != nil {
		return nil, openError(abs, err)
	}
	// One connection: klynge has one user, every call is short, and calls
	// queue in the pool instead of contending for SQLite's lock.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	s := &Store{db: db, path: abs, checkLater: mode.checkLater}
	if err := s.setup(context.Background(), ms); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// setup refuses databases this klynge must not change, then switches to WAL
// and applies the migrations of ms (numbered 1…n) the database lacks.
func (s *Store) setup(ctx context.Context, ms []migration) error {
	latest := ms[len(ms)-1].version
	v, err := schemaVersion(ctx, s.db)
	if err != nil {
		return openError(s.path, err)
	}
	switch {
	case v > latest:
		return newerSchemaError(s.path, v, latest)
	case v < 0:
		return meeting.Errork(meeting.EINVALID, "store.OpenNotKlyngeSchema", s.path, v)
	case v == 0:
		var objects int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&objects); err != nil {
			return openError(s.path, err)
		}
		if objects > 0 {
			return meeting.Errork(meeting.EINVALID, "store.OpenOtherProgram", s.path)
		}
	}
	if v > 0 && (!s.checkLater || v < latest) {
		if err := s.quickCheck(ctx); err != nil {
			return err
		}
	}
	if v > 0 && v < latest {
		// A consistent copy before the schema changes, so that a
		// migration gone wrong can be undone with `klynge restore`.
		if _, err := s.Backup(ctx, fmt.Sprintf("before-schema-%d", latest), time.Now()); err != nil {
			return err
		}
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode); err != nil {
		return openError(s.path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		return meeting.Errork(meeting.EINVALID, "store.OpenNoWAL", s.path, mode)
	}
	if err := s.applyMigrations(ctx, ms); err != nil {
		return err
	}
	return s.checkWritable(ctx)
}

// quickCheck refuses a damaged database with PRAGMA quick_check, which
// reads every page (about 10 ms for ten years of history) but skips the
// slower cross-checks of indexes and the CHECK constraints that Check
// makes (pageCheck).
func (s *Store) quickCheck(ctx context.Context) error {
	detail, err := pageCheck(ctx, s.db)
	if err != nil {
		return openError(s.path, err)
	}
	if detail != "" {
		return damagedError(s.path, detail)
	}
	return nil
}

// Check runs SQLite's full PRAGMA integrity_check and foreign_key_check
// on the database, for `klynge check`; a damaged database gives an error
// matching ErrDamaged that names the newest backup.
func (s *Store) Check(ctx context.Context) error {
	detail, err := integrity(ctx, s.db, "integrity_check")
	if err != nil {
		return openError(s.path, err)
	}
	if detail != "" {
		return damagedError(s.path, detail)
	}
	rows, err := s.db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return openError(s.path, err)
	}
	defer rows.Close()
	if rows.Next() {
		var table string
		var rowid sql.NullInt64
		var parent string
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return openError(s.path, err)
		}
		return damaged(s.path, fmt.Sprintf("row %d of %s refers to a missing row of %s", rowid.Int64, table, parent),
			phrase("store.MissingRow", rowid.Int64, table, parent))
	}
	return rows.Err()
}

// checkWritable fails if the database can be read but not written, as when
// the file is read-only: SQLite then opens it read-only without complaint,
// and the first action in the meeting would fail instead. It writes the
// schema version unchanged and rolls back.
func (s *Store) checkWritable(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return openError(s.path, err)
	}
	defer tx.Rollback()
	v, err := schemaVersion(ctx, tx)
	if err != nil {
		return openError(s.path, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		return openError(s.path, err)
	}
	return nil
}

// schemaVersion reads PRAGMA user_version.
func schemaVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	return v, err
}

// migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string // its statements; empty for an embedded one until body reads them
}

// body returns the migration's statements. An embedded migration's are
// read only when it is applied: every start lists the migrations to learn
// the newest version, and copying all their text out of the binary took
// more of `klynge run`'s start than opening the database (0.7 ms).
func (m migration) body() (string, error) {
	if m.sql != "" {
		return m.sql, nil
	}
	b, err := migrationFiles.ReadFile(path.Join("migrations", m.name))
	return string(b), err
}

// migrations returns the embedded migrations in order, checking that they
// are numbered 1, 2, 3, … without gaps.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(strings.TrimSuffix(name, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || len(num) != 4 || err != nil || v <= 0 {
			return nil, fmt.Errorf("store: migration %s is not named NNNN_what.sql", name)
		}
		ms = append(ms, migration{version: v, name: name})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("store: migration %s should be number %04d", m.name, i+1)
		}
	}
	if len(ms) == 0 {
		return nil, errors.New("store: no migrations embedded")
	}
	return ms, nil
}

// applyMigrations runs the migrations of ms the database lacks, in one
// transaction that also sets user_version; a new database gets the
// schema they make in one step (schema.go). A new database is made with
// one commit (one wait for the disk, not one per migration), and a failed
// migration leaves the database as it was, at its old version. The
// version is read inside the transaction, which holds the write lock, so
// two klynge processes opening a new file at once do not both apply them.
func (s *Store) applyMigrations(ctx context.Context, ms []migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return openError(s.path, err)
	}
	defer tx.Rollback()
	v, err := schemaVersion(ctx, tx)
	if err != nil {
		return openError(s.path, err)
	}
	if snapshot, ok := schemaSnapshot(ms); ok && v == 0 {
		// The schema all of ms make, as one step of the last one's version.
		last := ms[len(ms)-1]
		ms = []migration{{version: last.version, name: last.name, sql: snapshot}}
	}
	applied := false
	for _, m := range ms {
		if v >= m.version {
			continue
		}
		body, err := m.body()
		if err != nil {
			return migrationError(s.path, m, err)
		}
		if _, err := tx.ExecContext(ctx, body); err != nil {
			return migrationError(s.path, m, err)
		}
		// PRAGMA takes no parameters; m.version is an int we parsed.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			return migrationError(s.path, m, err)
		}
		applied = true
	}
	if !applied {
		return nil
	}
	if err := tx.Commit(); err != nil {
		return migrationError(s.path, ms[len(ms)-1], err)
	}
	return nil
}
