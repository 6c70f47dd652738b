//go:build linux

package store

import (
	"context"
	"encoding/binary"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestWritesTellsAnotherWindowsCommit: a window watching the database's
// files is told when another connection (another window) commits, and
// DataVersion then shows the change — so a window can sleep until told
// instead of polling.
func TestWritesTellsAnotherWindowsCommit(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path := filepath.Join(t.TempDir(), "klynge.db")
	a, b := mustOpenPath(t, path), mustOpenPath(t, path)
	writes := a.Writes(ctx)
	if writes == nil {
		t.Fatal("no watch on Linux")
	}
	v0, err := a.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Drain what opening wrote, then let the other window commit.
	select {
	case <-writes:
	default:
	}
	if _, err := b.CreateMeeting(ctx, testMeeting(mustCluster(t, b))); err != nil {
		t.Fatal(err)
	}
	select {
	case <-writes:
	case <-time.After(30 * time.Second): // a deadline for a hang, not a measured time
		t.Fatal("not told of the other window's commit")
	}
	v1, err := a.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v1 == v0 {
		t.Errorf("told of a write, but the data version stayed %d", v0)
	}
}

// TestEventFor: only events for the database file and its -wal count (a
// backup or export written beside it does not wake the window); an
// overflowed queue counts, as anything may have been written.
func TestEventFor(t *testing.T) {
	event := func(mask uint32, name string) []byte {
		n := (len(name) + 1 + 15) / 16 * 16 // padded with NULs, as the kernel does
		if name == "" {
			n = 0
		}
		buf := make([]byte, unix.SizeofInotifyEvent+n)
		binary.NativeEndian.PutUint32(buf[4:], mask)
		binary.NativeEndian.PutUint32(buf[12:], uint32(n))
		copy(buf[unix.SizeofInotifyEvent:], name)
		return buf
	}
	names := [][]byte{[]byte("klynge.db"), []byte("klynge.db-wal")}
	cat := func(bs ...[]byte) []byte {
		var out []byte
		for _, b := range bs {
			out = append(out, b...)
		}
		return out
	}
	tests := []struct {
		name string
		buf  []byte
		want bool
	}{
		{"the file", event(unix.IN_MODIFY, "klynge.db"), true},
		{"its -wal", event(unix.IN_MODIFY, "klynge.db-wal"), true},
		{"its -shm", event(unix.IN_MODIFY, "klynge.db-shm"), false},
		{"a backup beside it", event(unix.IN_CLOSE_WRITE, "klynge.db.bak"), false},
		{"a longer name", event(unix.IN_CREATE, "klynge.db-wal-journal"), false},
		{"the -wal after another file", cat(event(unix.IN_MODIFY, "notes.txt"), event(unix.IN_MODIFY, "klynge.db-wal")), true},
		{"overflow", event(unix.IN_Q_OVERFLOW, ""), true},
		{"nothing", nil, false},
	}
	for _, tt := range tests {
		if got := eventFor(tt.buf, names); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}
