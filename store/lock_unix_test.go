//go:build unix

package store

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// mustLock locks meeting id and fails the test if that is refused.
func mustLock(tb testing.TB, s *Store, id int64) func() error {
	tb.Helper()
	unlock, err := s.LockMeeting(id)
	if err != nil {
		tb.Fatalf("LockMeeting(%d): %v", id, err)
	}
	return unlock
}

// wantLocked fails unless LockMeeting(id) is refused as held by pid.
func wantLocked(tb testing.TB, s *Store, id int64, pid int) {
	tb.Helper()
	unlock, err := s.LockMeeting(id)
	if err == nil {
		unlock()
		tb.Fatalf("LockMeeting(%d) succeeded while pid %d holds it", id, pid)
	}
	wantError(tb, err, meeting.ELOCKED,
		fmt.Sprintf("meeting %d is already open in another klynge (pid %d since ", id, pid),
		"): close it there, or wait")
	if msg := msg.For("en").Error(err); !regexp.MustCompile(` since \d\d:\d\d\)`).MatchString(msg) {
		tb.Errorf("message %q does not say since when", msg)
	}
}

func TestLockMeeting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "klynge.db")
	s := mustOpenPath(t, path)
	lockFile, err := lockPath(path, 3)
	if err != nil {
		t.Fatal(err)
	}

	unlock := mustLock(t, s, 3)
	fi, err := os.Stat(lockFile)
	if err != nil {
		t.Fatal(err)
	}
	if mode := fi.Mode().Perm(); mode != 0o600 {
		t.Errorf("lock file mode %o, want 600", mode)
	}
	b, err := os.ReadFile(lockFile)
	if err != nil || !regexp.MustCompile(`^`+strconv.Itoa(os.Getpid())+` \S+\n$`).Match(b) {
		t.Errorf("lock file holds %q, %v", b, err)
	}

	t.Run("second lock of the same store", func(t *testing.T) {
		wantLocked(t, s, 3, os.Getpid())
	})
	t.Run("second store on the same file", func(t *testing.T) {
		wantLocked(t, mustOpenPath(t, path), 3, os.Getpid())
	})
	t.Run("through a symbolic link", func(t *testing.T) {
		link := filepath.Join(dir, "link.db")
		if err := os.Symlink(path, link); err != nil {
			t.Skip(err)
		}
		wantLocked(t, mustOpenPath(t, link), 3, os.Getpid())
	})
	t.Run("through a hard link in another folder", func(t *testing.T) {
		other := t.TempDir()
		link := filepath.Join(other, "hard.db")
		if err := os.Link(path, link); err != nil {
			t.Skip(err)
		}
		// Open refuses the second name (each name would get its own
		// -wal); the lock is the same one all the same.
		if _, err := Open(link); err == nil {
			t.Error("Open succeeded on a file with two names")
		} else {
			wantError(t, err, meeting.EINVALID, link, "2 names (hard links)")
		}
		if lp, err := lockPath(link, 3); err != nil || lp != lockFile {
			t.Errorf("lockPath(hard link) = %q, %v; want %q", lp, err, lockFile)
		}
		wantLocked(t, &Store{path: link}, 3, os.Getpid())
		if err := os.Remove(link); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("a copy is another database", func(t *testing.T) {
		cp := filepath.Join(t.TempDir(), "copy.db")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cp, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := mustLock(t, mustOpenPath(t, cp), 3)(); err != nil {
			t.Error(err)
		}
	})
	t.Run("another meeting", func(t *testing.T) {
		if err := mustLock(t, s, 4)(); err != nil {
			t.Error(err)
		}
	})
	t.Run("another database", func(t *testing.T) {
		other := mustOpenPath(t, filepath.Join(dir, "other.db"))
		if err := mustLock(t, other, 3)(); err != nil {
			t.Error(err)
		}
	})

	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if err := unlock(); err != nil {
		t.Errorf("second unlock: %v", err)
	}
	if _, err := os.Stat(lockFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("lock file after unlock: %v", err)
	}
	unlock = mustLock(t, s, 3)
	wantLocked(t, s, 3, os.Getpid())
	if err := unlock(); err != nil {
		t.Fatal(err)
	}

	t.Run("leftover file holds no lock", func(t *testing.T) {
		if err := os.WriteFile(lockFile, []byte("1 2025-03-04T17:31:00+01:00\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := mustLock(t, s, 3)(); err != nil {
			t.Error(err)
		}
	})
	t.Run("no such meeting", func(t *testing.T) {
		_, err := s.LockMeeting(0)
		wantError(t, err, meeting.EINVALID, "meeting 0")
	})
}

// TestLockMeeting_KilledHolder locks a meeting in a child process, kills
// it with SIGKILL and takes the lock.
func TestLockMeeting_KilledHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "klynge.db")
	s := mustOpenPath(t, path)

	cmd := exec.Command(os.Args[0], "-test.run=^TestLockMeeting_HelperProcess$")
	cmd.Env = append(os.Environ(), "KLYNGE_LOCK_HELPER="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe() // the helper exits when this closes
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Process.Kill()
		cmd.Wait()
	}()
	ready := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		ready <- line
	}()
	select {
	case line := <-ready:
		if line != "locked\n" {
			t.Fatalf("helper said %q", line)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("helper did not lock in time")
	}

	wantLocked(t, s, 7, cmd.Process.Pid)
	if err := cmd.Process.Signal(os.Kill); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Fatal("helper exited normally")
	}
	unlock := mustLock(t, s, 7)
	if err := unlock(); err != nil {
		t.Error(err)
	}
}

// TestLockMeeting_HelperProcess is the child of TestLockMeeting_KilledHolder:
// it locks meeting 7 of the database that KLYNGE_LOCK_HELPER names, says
// "locked" and holds the lock until stdin closes or it is killed.
func TestLockMeeting_HelperProcess(t *testing.T) {
	path := os.Getenv("KLYNGE_LOCK_HELPER")
	if path == "" {
		t.Skip("run by TestLockMeeting_KilledHolder")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LockMeeting(7); err != nil {
		t.Fatal(err)
	}
	fmt.Println("locked")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	os.Exit(0) // never unlock: only the kill releases the lock
}

// TestLockMeeting_Exclusive has many stores lock and unlock one meeting at
// once; never may two hold it. Unlocking removes the file, so this catches
// a lock taken on a file that was removed meanwhile.
func TestLockMeeting_Exclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "klynge.db")
	mustOpenPath(t, path)
	var (
		holders atomic.Int32
		wg      sync.WaitGroup
		locks   atomic.Int32
	)
	for range 8 {
		s := mustOpenPath(t, path)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 300 {
				unlock, err := s.LockMeeting(1)
				if meeting.ErrorCode(err) == meeting.ELOCKED {
					continue
				}
				if err != nil {
					t.Error(err)
					return
				}
				locks.Add(1)
				if n := holders.Add(1); n != 1 {
					t.Errorf("%d holders at once", n)
				}
				time.Sleep(20 * time.Microsecond) // hold it a moment
				holders.Add(-1)
				if err := unlock(); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if locks.Load() == 0 {
		t.Error("no store ever got the lock")
	}
}
