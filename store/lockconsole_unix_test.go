//go:build unix

package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/klynge/klynge/meeting"
)

// mustConsole opens a console of meeting id and fails the test if that is
// refused.
func mustConsole(tb testing.TB, s *Store, id int64) func() error {
	tb.Helper()
	unlock, err := s.LockConsole(id)
	if err != nil {
		tb.Fatalf("LockConsole(%d): %v", id, err)
	}
	return unlock
}

// TestLockConsole: one projector and any number of consoles share a
// meeting; a second projector is still refused; a console needs no
// projector; the projector sees whether a console is open.
func TestLockConsole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "klynge.db")
	// Separate stores stand for separate processes: each has its own
	// open file descriptions, which is what the locks go by.
	proj, con1, con2, other := mustOpenPath(t, path), mustOpenPath(t, path), mustOpenPath(t, path), mustOpenPath(t, path)

	if proj.ConsoleOpen(1) {
		t.Fatal("ConsoleOpen before any console")
	}
	// A console without a projector.
	c1 := mustConsole(t, con1, 1)
	if !proj.ConsoleOpen(1) {
		t.Fatal("ConsoleOpen is false while a console is open")
	}
	// The projector joins it, and a second console.
	unlockProj := mustLock(t, proj, 1)
	c2 := mustConsole(t, con2, 1)
	// A second projector is refused, consoles or not.
	if unlock, err := other.LockMeeting(1); err == nil {
		unlock()
		t.Fatal("a second projector was let in beside projector and consoles")
	} else if meeting.ErrorCode(err) != meeting.ELOCKED {
		t.Fatalf("second projector: %v, want ELOCKED", err)
	}
	// A console of another meeting is not a console of this one.
	c3 := mustConsole(t, other, 2)
	if err := c1(); err != nil {
		t.Fatal(err)
	}
	if !proj.ConsoleOpen(1) {
		t.Fatal("ConsoleOpen is false while the second console is still open")
	}
	if err := c2(); err != nil {
		t.Fatal(err)
	}
	if proj.ConsoleOpen(1) {
		t.Fatal("ConsoleOpen is true after every console closed")
	}
	if err := c2(); err != nil {
		t.Fatalf("second unlock: %v", err)
	}
	file, err := consolePath(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(file); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("console lock file left behind: %v", err)
	}
	if !proj.ConsoleOpen(2) {
		t.Error("the console of meeting 2 is not seen")
	}
	c3()
	// The projector's lock is untouched by all this.
	if unlock, err := other.LockMeeting(1); err == nil {
		unlock()
		t.Fatal("the projector's lock was lost to the consoles")
	}
	if err := unlockProj(); err != nil {
		t.Fatal(err)
	}
	if _, err := other.LockMeeting(0); meeting.ErrorCode(err) != meeting.EINVALID {
		t.Errorf("LockMeeting(0): %v", err)
	}
	if _, err := other.LockConsole(0); meeting.ErrorCode(err) != meeting.EINVALID {
		t.Errorf("LockConsole(0): %v", err)
	}
}

// TestConsoleOpen_Leftover: a console lock file no one holds (its console
// was killed before it could remove it) is no console, and is cleaned up.
func TestConsoleOpen_Leftover(t *testing.T) {
	path := filepath.Join(t.TempDir(), "klynge.db")
	s := mustOpenPath(t, path)
	file, err := consolePath(path, 4)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if s.ConsoleOpen(4) {
		t.Fatal("a leftover file counts as an open console")
	}
	if _, err := os.Stat(file); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("leftover console lock file not removed: %v", err)
	}
	// And a console opens after it.
	unlock := mustConsole(t, s, 4)
	if !s.ConsoleOpen(4) {
		t.Error("console not seen")
	}
	unlock()
}
