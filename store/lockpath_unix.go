//go:build unix

package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/klynge/klynge/meeting"
)

// lockPath is the lock file of meeting id of the database at db. It is
// named after the file's identity, its device and inode, not its path, so
// that every name of one database — the path, a symbolic link, a hard link
// in another folder — leads to the same lock. The locks live in a private
// folder of the user's (see lockDir), since a hard link has no folder of
// its own to hold them.
func lockPath(db string, id int64) (string, error) {
	prefix, err := lockPrefix(db)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s.meeting-%d.lock", prefix, id), nil
}

// lockPrefix is the start of the names of the lock files of the database
// at db: <lockDir>/<device>-<inode>.
func lockPrefix(db string) (string, error) {
	fi, err := os.Stat(db)
	if err != nil {
		return "", err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return "", meeting.Errork(meeting.EINTERNAL, "store.NoFileIdentity", db)
	}
	dir, err := lockDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, fmt.Sprintf("%x-%x", uint64(st.Dev), uint64(st.Ino))), nil
}

// lockDir is the folder of the meeting locks: klynge-locks in
// $XDG_RUNTIME_DIR (private to the user, emptied at logout, when no klynge
// runs), else klynge-locks-<uid> in the temporary folder. It is created
// with mode 0700; one that another user owns, or that others can write to,
// is refused rather than trusted.
func lockDir() (string, error) {
	dir := filepath.Join(os.TempDir(), "klynge-locks-"+strconv.Itoa(os.Getuid()))
	if rt := os.Getenv("XDG_RUNTIME_DIR"); rt != "" {
		if fi, err := os.Stat(rt); err == nil && fi.IsDir() {
			dir = filepath.Join(rt, "klynge-locks")
		}
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return "", err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !fi.IsDir() || !ok || int(st.Uid) != os.Getuid() || fi.Mode().Perm()&0o022 != 0 {
		return "", meeting.Errork(meeting.EINVALID, "store.LockDirNotPrivate", dir)
	}
	return dir, nil
}

// meetingLocks lists the lock files of the database at db that exist now;
// a file may be left over and hold no lock.
func meetingLocks(db string) ([]string, error) {
	prefix, err := lockPrefix(db)
	if err != nil {
		return nil, err
	}
	return filepath.Glob(prefix + ".meeting-*.lock")
}

// linkCount is how many names (hard links) the file fi has.
func linkCount(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// removeLockDir removes the folder of the lock file at path once it is
// empty, so that a klynge run leaves nothing behind in the temporary
// folder; while another lock is in it, removing fails and it stays.
func removeLockDir(path string) {
	_ = os.Remove(filepath.Dir(path))
}
