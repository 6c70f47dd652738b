//go:build unix

package store

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// lockFile opens the file at path, creating it with mode 0600, and takes an
// exclusive flock on it without waiting. held reports that another open
// file description — another process, or another call in this one — holds
// it; then f is nil. The kernel drops the lock when the holder's file is
// closed, which exiting or being killed does.
func lockFile(path string) (f *os.File, held bool, err error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, false, err
		}
		if err := flock(f, syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, true, nil
			}
			return nil, false, &fs.PathError{Op: "flock", Path: path, Err: err}
		}
		// unlockFile removes the file while still holding its lock. Had we
		// opened the file just before that, we now hold a lock on a file
		// no longer at path, while another klynge may lock a new one there:
		// open again.
		same, err := stillAt(f, path)
		if err != nil {
			f.Close()
			return nil, false, err
		}
		if same {
			return f, false, nil
		}
		f.Close()
	}
}

// stillAt reports whether f is the file at path.
func stillAt(f *os.File, path string) (bool, error) {
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	pi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return os.SameFile(fi, pi), nil
}

// flock is syscall.Flock on f, retried when a signal interrupts it.
func flock(f *os.File, how int) error {
	conn, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	err = conn.Control(func(fd uintptr) {
		for {
			ferr = syscall.Flock(int(fd), how)
			if ferr != syscall.EINTR {
				return
			}
		}
	})
	if err != nil {
		return err
	}
	return ferr
}

// unlockFile removes the lock file at path and then closes f, which
// releases the lock: removing it first means no one can lock the file
// between the two steps and keep it (lockFile checks that the file it
// locked is still at path).
func unlockFile(f *os.File, path string) error {
	err := os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		err = nil // someone removed it; the lock is ours until Close
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
