package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/klynge/klynge/meeting"
	"github.com/mattn/go-sqlite3"
)

// ErrNewerSchema is in the chain of the error Open returns for a database
// written by a newer klynge. That error is also a *meeting.Error (EINVALID)
// whose message names the file and the versions.
var ErrNewerSchema = errors.New("database schema is newer than this klynge")

// newerSchemaError reports a database at schema have when this klynge knows
// up to want.
func newerSchemaError(path string, have, want int) error {
	e := meeting.Errork(meeting.EINVALID, "store.NewerSchema", path, have, want)
	return fmt.Errorf("%w: %w", e, ErrNewerSchema)
}

// translate turns an error from database/sql or the SQLite driver into a
// *meeting.Error with a code callers can react to, deciding by SQLite's
// error code, never by the message. what is the failed action, a catalogue
// message (see phrase): the error, "cannot <what>: …", is worded whole in
// the user's language at the edge. The driver's error stays in the chain
// for logs. *meeting.Error values and context errors pass through.
func translate(err error, what meeting.Phrase) error {
	if err == nil {
		return nil
	}
	var me *meeting.Error
	if errors.As(err, &me) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return fmt.Errorf("%w: %w", meeting.Errork(meeting.EINTERNAL, "store.Failed", what, err.Error()), err)
	}
	var e *meeting.Error
	switch se.Code {
	case sqlite3.ErrConstraint:
		switch se.ExtendedCode {
		case sqlite3.ErrConstraintForeignKey:
			// Every foreign key so far is checked on insert, where it means
			// the row refers to something missing. Once rows can be
			// deleted, a failing delete means ECONFLICT instead.
			e = meeting.Errork(meeting.EINVALID, "store.RefersToMissing", what)
		case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
			e = meeting.Errork(meeting.ECONFLICT, "store.AlreadyExists", what)
		default: // CHECK, NOT NULL, …
			e = meeting.Errork(meeting.EINVALID, "store.OutOfRange", what)
		}
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		e = meeting.Errork(meeting.ELOCKED, "store.Busy", what)
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen, sqlite3.ErrAuth:
		e = meeting.Errork(meeting.EINVALID, "store.NotWritable", what)
	case sqlite3.ErrFull:
		e = meeting.Errork(meeting.EINTERNAL, "store.DiskFull", what)
	case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		e = meeting.Errork(meeting.EINVALID, "store.NotADatabase", what)
	case sqlite3.ErrIoErr:
		e = meeting.Errork(meeting.EINTERNAL, "store.DiskIO", what)
	default:
		e = meeting.Errork(meeting.EINTERNAL, "store.Failed", what, se.Error())
	}
	return fmt.Errorf("%w: %w", e, err)
}

// phrase names a failed action for translate, or a thing an error is
// about: key is a catalogue message ("store.DoSaveMeeting", worded "gemme
// mødet" or "save the meeting"), args fill it.
func phrase(key string, args ...any) meeting.Phrase {
	return meeting.Phrase{Key: key, Args: args}
}

// openError is translate for the steps of Open, whose messages name the
// file and what to do with it.
func openError(path string, err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return translate(err, phrase("store.DoOpen", path))
	}
	var e *meeting.Error
	switch se.Code {
	case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		// Open has checked the header: this is damage inside the file.
		return fmt.Errorf("%w: %w", damagedError(path, oneLineText(se.Error())), err)
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen, sqlite3.ErrAuth:
		e = meeting.Errork(meeting.EINVALID, "store.OpenNotWritable", path)
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		e = meeting.Errork(meeting.ELOCKED, "store.OpenBusy", path)
	default:
		return translate(err, phrase("store.DoOpen", path))
	}
	return fmt.Errorf("%w: %w", e, err)
}

// migrationError reports a failed schema migration.
func migrationError(path string, m migration, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked ||
		se.Code == sqlite3.ErrReadonly || se.Code == sqlite3.ErrFull) {
		return openError(path, err)
	}
	return fmt.Errorf("%w: %w", meeting.Errork(meeting.EINTERNAL, "store.MigrateFailed", path, m.version, m.name, err.Error()), err)
}

// ErrDamaged is in the chain of the error Open and Check return for a
// damaged database; so is a *DamagedError with the details.
var ErrDamaged = errors.New("database is damaged")

// DamagedError describes a damaged database: its path, SQLite's first
// complaint and the newest backup beside it ("" when there is none), so
// that a caller can word the advice in the user's language.
type DamagedError struct {
	Path   string
	Detail string
	Backup string
}

// Error implements the error interface.
func (e *DamagedError) Error() string {
	return fmt.Sprintf("database %s is damaged: %s", e.Path, e.Detail)
}

// Unwrap makes a *DamagedError match ErrDamaged.
func (e *DamagedError) Unwrap() error { return ErrDamaged }

// damagedError reports the database at path as damaged, naming the newest
// backup and the command that restores it. detail is SQLite's complaint,
// quoted as it is.
func damagedError(path, detail string) error { return damaged(path, detail, detail) }

// damaged is damagedError for a complaint of klynge's own: detail is it for
// logs (DamagedError.Detail), said the same in the catalogue (a
// meeting.Phrase) for the message.
func damaged(path, detail string, said any) error {
	d := &DamagedError{Path: path, Detail: detail, Backup: NewestBackup(path)}
	var e *meeting.Error
	if d.Backup == "" {
		e = meeting.Errork(meeting.EINVALID, "store.DamagedNoBackup", path, said, BackupDir(path))
	} else {
		e = meeting.Errork(meeting.EINVALID, "store.Damaged", path, said, d.Backup)
	}
	return fmt.Errorf("%w: %w", e, d)
}
