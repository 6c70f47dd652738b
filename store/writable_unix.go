//go:build unix

package store

import "golang.org/x/sys/unix"

// folderWritable fails unless this process may create files in dir, where
// SQLite puts the -wal and -shm.
func folderWritable(dir string) error {
	return unix.Access(dir, unix.W_OK|unix.X_OK)
}
