//go:build !unix && !windows

package store

import "os"

// lockFile only creates the file at path: this system has no advisory file
// lock klynge uses, so a second `klynge run` of a meeting is not refused
// here. (The SQLite driver klynge uses needs cgo, which these systems lack.)
func lockFile(path string) (f *os.File, held bool, err error) {
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	return f, false, err
}

// unlockFile closes and removes the file at path.
func unlockFile(f *os.File, path string) error {
	err := f.Close()
	if rerr := os.Remove(path); err == nil {
		err = rerr
	}
	return err
}
