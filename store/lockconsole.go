package store

import (
	"strings"
	"sync"

	"github.com/klynge/klynge/meeting"
)

// A meeting has one projector (`klynge run`, which holds LockMeeting) and
// any number of presenter consoles (`klynge console`). Each console holds
// a shared lock on a second file beside the projector's, so consoles never
// refuse each other or the projector, and the projector can ask whether a
// console is open (ConsoleOpen) to offer private things only there.

// consolePath is the console lock file of meeting id of the database at db.
func consolePath(db string, id int64) (string, error) {
	p, err := lockPath(db, id)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(p, ".lock") + ".console.lock", nil
}

// LockConsole records that a presenter console of meeting id is open in
// this process until unlock is called (or the process ends in any way).
// Any number of consoles may hold it at once, with or without a projector;
// it never refuses because of another klynge. Calling unlock again does
// nothing.
func (s *Store) LockConsole(id int64) (unlock func() error, err error) {
	if id <= 0 {
		return nil, meeting.Errork(meeting.EINVALID, "store.NoMeeting", meeting.Ref(id))
	}
	path, err := consolePath(s.path, id)
	if err != nil {
		return nil, lockError(id, s.path, err)
	}
	f, err := lockShared(path)
	if err != nil {
		return nil, lockError(id, path, err)
	}
	var (
		once sync.Once
		uerr error
	)
	return func() error {
		once.Do(func() {
			if err := unlockShared(f, path); err != nil {
				uerr = lockError(id, path, err)
			}
			removeLockDir(path)
		})
		return uerr
	}, nil
}

// ConsoleOpen reports whether a presenter console of meeting id is open
// now, in any process. An error reading the lock counts as no console: the
// projector then keeps the private things behind their confirm, as before.
func (s *Store) ConsoleOpen(id int64) bool {
	path, err := consolePath(s.path, id)
	if err != nil {
		return false
	}
	return sharedHeld(path)
}
