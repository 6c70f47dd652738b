package tea

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestFrameWait(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)
	frame := 100 * time.Millisecond
	tests := []struct {
		name      string
		now, last time.Time
		want      time.Duration
	}{
		{"no frame yet: now", t0, time.Time{}, 0},
		{"a frame interval ago: now", t0.Add(frame), t0, 0},
		{"long ago: now", t0.Add(time.Hour), t0, 0},
		{"just now: a whole interval", t0, t0, frame},
		{"30 ms ago: the rest", t0.Add(30 * time.Millisecond), t0, 70 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := frameWait(tt.now, tt.last, frame); got != tt.want {
				t.Errorf("frameWait = %v, want %v", got, tt.want)
			}
		})
	}
}

// syncBuffer is a bytes.Buffer safe to read while the renderer writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor waits until out holds want; a minute is a hang, not slowness.
func waitFor(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !strings.Contains(out.String(), want); {
		if time.Now().After(deadline) {
			t.Fatalf("%q was not written in a minute; written:\n%q", want, out.String())
		}
		time.Sleep(time.Millisecond)
	}
}

// TestFirstViewWrittenWithoutATick gives the renderer a frame interval of
// an hour: upstream's ticker would write the first view after that hour,
// the patched renderer writes it as it is given.
func TestFirstViewWrittenWithoutATick(t *testing.T) {
	out := &syncBuffer{}
	r := newRenderer(out, false, 1).(*standardRenderer)
	r.framerate = time.Hour
	r.width, r.height = 80, 24
	r.start()
	defer r.kill()
	r.write("first view")
	waitFor(t, out, "first view")
}

// TestViewsWithinAFrameAreFolded gives two views at once after a frame:
// only the last is written, one frame interval after the first.
func TestViewsWithinAFrameAreFolded(t *testing.T) {
	out := &syncBuffer{}
	r := newRenderer(out, false, 1).(*standardRenderer)
	r.width, r.height = 80, 24
	r.start()
	defer r.stop()
	r.write("first view")
	waitFor(t, out, "first view")
	r.write("second view")
	r.write("third view")
	waitFor(t, out, "third view")
	if strings.Contains(out.String(), "second view") {
		t.Errorf("a view replaced within the frame interval was written:\n%q", out.String())
	}
}

// TestNothingWrittenWhileNothingChanges gives the same view twice: the
// renderer writes it once.
func TestNothingWrittenWhileNothingChanges(t *testing.T) {
	out := &syncBuffer{}
	r := newRenderer(out, false, 120).(*standardRenderer)
	r.width, r.height = 80, 24
	r.start()
	defer r.kill()
	r.write("the view")
	waitFor(t, out, "the view")
	written := out.String()
	r.write("the view")
	r.write("another view")
	waitFor(t, out, "another view")
	if strings.Count(out.String(), "the view") != strings.Count(written, "the view") {
		t.Errorf("the same view was written again:\n%q", out.String())
	}
}
