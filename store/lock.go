package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klynge/klynge/meeting"
)

// LockMeeting takes meeting id for this process, so that a second `klynge
// run` of the same meeting is refused instead of two screens overwriting
// each other's agenda. While another holder has it — another process, or
// another LockMeeting call in this one — it returns an ELOCKED
// *meeting.Error naming that holder's pid and since when.
//
// The lock is an advisory lock of the operating system on a small file
// named after the database file's identity (see lockPath), mode 0600,
// holding the pid and the time as text for that message. Every name of
// the file — a symbolic link, a hard link — therefore shares one lock. The system releases it when the
// holder exits in any way, kill -9 included, so a crash never leaves a stale
// lock. unlock releases it and removes the file; calling it again does
// nothing. The lock does not check that the meeting exists.
func (s *Store) LockMeeting(id int64) (unlock func() error, err error) {
	if id <= 0 {
		return nil, meeting.Errork(meeting.EINVALID, "store.NoMeeting", meeting.Ref(id))
	}
	var (
		path string
		f    *os.File
		held bool
	)
	// Another klynge removes the locks' folder when it unlocks the last
	// lock in it: should that happen between making the folder and the
	// file, make both again.
	for try := 0; ; try++ {
		if path, err = lockPath(s.path, id); err != nil {
			return nil, lockError(id, s.path, err)
		}
		f, held, err = lockFile(path)
		if errors.Is(err, fs.ErrNotExist) && try < 10 {
			continue
		}
		if err != nil {
			return nil, lockError(id, path, err)
		}
		break
	}
	if held {
		return nil, lockedError(id, path)
	}
	// The holder's details are only for the message another klynge shows;
	// failing to write them does not matter.
	info := fmt.Sprintf("%d %s\n", os.Getpid(), time.Now().Format(time.RFC3339))
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(info), 0)
	}
	var (
		once sync.Once
		uerr error
	)
	return func() error {
		once.Do(func() {
			if err := unlockFile(f, path); err != nil {
				uerr = lockError(id, path, err)
			}
			removeLockDir(path)
		})
		return uerr
	}, nil
}

// lockedError reports that meeting id is locked by the holder whose details
// the lock file at path holds.
func lockedError(id int64, path string) error {
	pid, since, ok := readHolder(path)
	if !ok {
		return meeting.Errork(meeting.ELOCKED, "store.MeetingOpen", meeting.Ref(id))
	}
	return meeting.Errork(meeting.ELOCKED, "store.MeetingOpenSince",
		meeting.Ref(id), meeting.Ref(pid), sinceText(since, time.Now()))
}

// readHolder reads the pid and time a lock holder wrote. The holder may not
// have written them yet.
func readHolder(path string) (pid int, since time.Time, ok bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, time.Time{}, false
	}
	fields := strings.Fields(string(b))
	if len(fields) != 2 {
		return 0, time.Time{}, false
	}
	pid, err = strconv.Atoi(fields[0])
	if err != nil || pid <= 0 {
		return 0, time.Time{}, false
	}
	since, err = time.Parse(time.RFC3339, fields[1])
	if err != nil {
		return 0, time.Time{}, false
	}
	return pid, since, true
}

// sinceText shows when a lock was taken: the time of day, with the date
// unless it was today.
func sinceText(since, now time.Time) string {
	since = since.In(now.Location())
	if y, m, d := since.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return since.Format("15:04")
	}
	return since.Format("2006-01-02 15:04")
}

// lockError reports a lock file that cannot be made, locked or removed.
func lockError(id int64, path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is in the message
	}
	if errors.Is(err, fs.ErrPermission) {
		return meeting.Errork(meeting.EINVALID, "store.LockDenied", meeting.Ref(id), path)
	}
	return meeting.Errork(meeting.EINTERNAL, "store.LockFailed", meeting.Ref(id), path, err)
}
