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
	e := meeting.Errorf(meeting.EINVALID,
		"database %s was written by a newer klynge (schema %d, this one knows %d): update klynge", path, have, want)
	return fmt.Errorf("%w: %w", e, ErrNewerSchema)
}

// translate turns an error from database/sql or the SQLite driver into a
// *meeting.Error with a code callers can react to, deciding by SQLite's
// error code, never by the message. what names the failed action for the
// message, as in "cannot <what>: …". The driver's error stays in the chain
// for logs. *meeting.Error values and context errors pass through.
func translate(err error, what string) error {
	if err == nil {
		return nil
	}
	var me *meeting.Error
	if errors.As(err, &me) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return fmt.Errorf("%w: %w", meeting.Errorf(meeting.EINTERNAL, "cannot %s: %v", what, err), err)
	}
	var e *meeting.Error
	switch se.Code {
	case sqlite3.ErrConstraint:
		switch se.ExtendedCode {
		case sqlite3.ErrConstraintForeignKey:
			// Every foreign key so far is checked on insert, where it means
			// the row refers to something missing. Once rows can be
			// deleted, a failing delete means ECONFLICT instead.
			e = meeting.Errorf(meeting.EINVALID, "cannot %s: it refers to something that does not exist", what)
		case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
			e = meeting.Errorf(meeting.ECONFLICT, "cannot %s: it already exists", what)
		default: // CHECK, NOT NULL, …
			e = meeting.Errorf(meeting.EINVALID, "cannot %s: a value is missing or out of range", what)
		}
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		e = meeting.Errorf(meeting.ELOCKED,
			"cannot %s: the database is busy in another klynge; close that one or try again", what)
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen, sqlite3.ErrAuth:
		e = meeting.Errorf(meeting.EINVALID,
			"cannot %s: the database file or its folder cannot be written; check their permissions", what)
	case sqlite3.ErrFull:
		e = meeting.Errorf(meeting.EINTERNAL, "cannot %s: the disk is full; free some space and try again", what)
	case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		e = meeting.Errorf(meeting.EINVALID, "cannot %s: the database file is damaged or not a klynge database", what)
	case sqlite3.ErrIoErr:
		e = meeting.Errorf(meeting.EINTERNAL, "cannot %s: the disk failed to read or write the database", what)
	default:
		e = meeting.Errorf(meeting.EINTERNAL, "cannot %s: %v", what, se)
	}
	return fmt.Errorf("%w: %w", e, err)
}

// openError is translate for the steps of Open, whose messages name the
// file and what to do with it.
func openError(path string, err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return translate(err, "open database "+path)
	}
	var e *meeting.Error
	switch se.Code {
	case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		// Open has checked the header: this is damage inside the file.
		return fmt.Errorf("%w: %w", damagedError(path, oneLineText(se.Error())), err)
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen, sqlite3.ErrAuth:
		e = meeting.Errorf(meeting.EINVALID,
			"cannot open database %s: klynge must be able to write the file and its folder; check their permissions or choose another --db path", path)
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		e = meeting.Errorf(meeting.ELOCKED,
			"cannot open database %s: another klynge is using it; close that one or try again", path)
	default:
		return translate(err, "open database "+path)
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
	return fmt.Errorf("%w: %w", meeting.Errorf(meeting.EINTERNAL,
		"cannot update database %s to schema %d (%s): %v", path, m.version, m.name, err), err)
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
// backup and the command that restores it.
func damagedError(path, detail string) error {
	d := &DamagedError{Path: path, Detail: detail, Backup: NewestBackup(path)}
	var e *meeting.Error
	if d.Backup == "" {
		e = meeting.Errorfl(meeting.EINVALID,
			"databasen %s er beskadiget (%s), og der er ingen sikkerhedskopi i %s: gem filen til en reparation, og vælg en anden --db-sti",
			"database %s is damaged (%s) and has no backup in %s: keep the file for a repair, and choose another --db path", path, detail, BackupDir(path))
	} else {
		e = meeting.Errorfl(meeting.EINVALID,
			"databasen %s er beskadiget (%s): gendan den nyeste sikkerhedskopi med `klynge restore %s` (den beskadigede fil gemmes)",
			"database %s is damaged (%s): restore the newest backup with `klynge restore %s` (the damaged file is kept)", path, detail, d.Backup)
	}
	return fmt.Errorf("%w: %w", e, d)
}
