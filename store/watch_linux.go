//go:build linux

package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Writes returns a channel that receives when the database's file or its
// -wal is written, by any process on this machine (another window's
// commit, a checkpoint, a restore), so that a window follows the others
// without waking to poll DataVersion: an idle window then sleeps until a
// write. Several writes close together may come as one receive; a receive
// says only "look now" — DataVersion tells whether another connection
// committed. The channel is never closed; watching stops when ctx ends.
// It is nil where the system cannot watch files (not Linux, or inotify
// refused), and the caller polls instead.
func (s *Store) Writes(ctx context.Context) <-chan struct{} {
	fd, err := unix.InotifyInit1(unix.IN_NONBLOCK | unix.IN_CLOEXEC)
	if err != nil {
		return nil
	}
	// The folder, not the files: the -wal comes and goes, and a restore
	// puts a new file in the database's place.
	dir, base := filepath.Split(s.path)
	if dir == "" {
		dir = "."
	}
	const mask = unix.IN_MODIFY | unix.IN_CREATE | unix.IN_MOVED_TO | unix.IN_DELETE | unix.IN_CLOSE_WRITE
	if _, err := unix.InotifyAddWatch(fd, dir, mask); err != nil {
		unix.Close(fd)
		return nil
	}
	// A non-blocking descriptor in an *os.File waits in Go's network
	// poller: no thread sleeps on it, and Close ends a pending Read.
	f := os.NewFile(uintptr(fd), "inotify")
	s.seen.mu.Lock()
	s.seen.told = true
	s.seen.mu.Unlock()
	ch := make(chan struct{}, 1)
	go func() {
		<-ctx.Done()
		f.Close()
	}()
	go func() {
		names := [][]byte{[]byte(base), []byte(base + "-wal")}
		buf := make([]byte, 16*(unix.SizeofInotifyEvent+unix.NAME_MAX+1))
		for {
			n, err := f.Read(buf)
			if err != nil {
				return // closed as ctx ended, or the watch broke: the caller's slow look remains
			}
			if eventFor(buf[:n], names) {
				select {
				case ch <- struct{}{}:
				default: // a look is already due
				}
			}
		}
	}()
	return ch
}

// eventFor reports whether the inotify events in buf name one of names
// (an overflowed queue counts: anything may have been written).
func eventFor(buf []byte, names [][]byte) bool {
	for len(buf) >= unix.SizeofInotifyEvent {
		ev := (*unix.InotifyEvent)(unsafe.Pointer(&buf[0]))
		end := unix.SizeofInotifyEvent + int(ev.Len)
		if end > len(buf) {
			return true
		}
		if ev.Mask&unix.IN_Q_OVERFLOW != 0 {
			return true
		}
		name := bytes.TrimRight(buf[unix.SizeofInotifyEvent:end], "\x00")
		for _, want := range names {
			if bytes.Equal(name, want) {
				return true
			}
		}
		buf = buf[end:]
	}
	return false
}
