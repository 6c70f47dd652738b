//go:build windows

package store

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/windows"
)

// lockOffset is where the locked byte lies: beyond the holder's text, which
// a lock on Windows would keep other processes from reading.
const lockOffset = 1 << 30

// lockFile opens the file at path, creating it, and locks one byte of it
// with LockFileEx without waiting. held reports that another handle —
// another process, or another call in this one — holds it; then f is nil.
// Windows releases the lock when the handle is closed, which exiting or
// being killed does.
func lockFile(path string) (f *os.File, held bool, err error) {
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, false, err
	}
	ol := windows.Overlapped{Offset: lockOffset}
	err = windows.LockFileEx(windows.Handle(f.Fd()),
		windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			return nil, true, nil
		}
		return nil, false, &fs.PathError{Op: "LockFileEx", Path: path, Err: err}
	}
	return f, false, nil
}

// unlockFile closes f, which releases the lock. The file stays: Windows
// cannot remove a file that another klynge may have open, and a leftover
// file holds no lock.
func unlockFile(f *os.File, path string) error {
	return f.Close()
}
