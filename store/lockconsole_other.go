//go:build !unix

package store

import "os"

// lockShared only opens the file at path: klynge uses no shared file lock
// on this system, so the projector cannot tell that a console is open and
// keeps the private things behind their confirm.
func lockShared(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
}

// unlockShared closes f; the file stays, as another console may use it.
func unlockShared(f *os.File, _ string) error { return f.Close() }

// sharedHeld cannot tell on this system.
func sharedHeld(string) bool { return false }
