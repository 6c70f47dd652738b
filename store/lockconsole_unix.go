//go:build unix

package store

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// lockShared opens the file at path, creating it with mode 0600, and takes
// a shared flock on it. An exclusive lock is held on it only for a moment
// (sharedHeld probing it, the last console leaving, a restore), so a
// refused attempt is tried again for a while.
func lockShared(path string) (*os.File, error) {
	for try := 0; ; try++ {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if errors.Is(err, fs.ErrNotExist) && try < 100 {
			// The last console removed the folder meanwhile.
			if _, derr := lockDir(); derr != nil {
				return nil, derr
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		if err := flock(f, syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) && try < 100 {
				time.Sleep(10 * time.Millisecond)
				continue
			}
			return nil, &fs.PathError{Op: "flock", Path: path, Err: err}
		}
		// As in lockFile: the file may have been removed between open
		// and flock; then lock the one at path now.
		same, err := stillAt(f, path)
		if err != nil {
			f.Close()
			return nil, err
		}
		if same {
			return f, nil
		}
		f.Close()
	}
}

// unlockShared releases a shared lock; the last holder (the one that can
// turn it exclusive) removes the file first, as unlockFile does.
func unlockShared(f *os.File, path string) error {
	if err := flock(f, syscall.LOCK_EX|syscall.LOCK_NB); err == nil {
		return unlockFile(f, path)
	}
	return f.Close()
}

// sharedHeld reports whether anyone holds a lock on the file at path. A
// file no one holds is left over and is removed.
func sharedHeld(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	if err := flock(f, syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return errors.Is(err, syscall.EWOULDBLOCK)
	}
	if same, err := stillAt(f, path); err == nil && same {
		_ = unlockFile(f, path)
		removeLockDir(path)
		return false
	}
	f.Close()
	return false
}
