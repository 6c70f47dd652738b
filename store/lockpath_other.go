//go:build !unix

package store

import (
	"fmt"
	"io/fs"
	"path/filepath"
)

// lockPath is the lock file of meeting id beside the database at db. A
// symbolic link to the database locks beside the file it points to; this
// system gives klynge no file identity to share a lock between hard links.
func lockPath(db string, id int64) (string, error) {
	if real, err := filepath.EvalSymlinks(db); err == nil {
		db = real
	}
	return fmt.Sprintf("%s.meeting-%d.lock", db, id), nil
}

// meetingLocks lists the lock files of the database at db that exist now;
// a file may be left over and hold no lock.
func meetingLocks(db string) ([]string, error) {
	if real, err := filepath.EvalSymlinks(db); err == nil {
		db = real
	}
	return filepath.Glob(db + ".meeting-*.lock")
}

// linkCount is how many names the file has: 1, as far as klynge can tell
// on this system.
func linkCount(fs.FileInfo) uint64 { return 1 }

// removeLockDir does nothing here: the locks lie beside the database.
func removeLockDir(string) {}
