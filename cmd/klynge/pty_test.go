package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/klynge/klynge/store"
)

// buildKlynge compiles the binary once per test run.
func buildKlynge(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "klynge")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// terminal is the binary running in a pseudo-terminal of a fixed size.
type terminal struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

func startTerminal(t *testing.T, bin string, cols, rows uint16, env []string, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "LANG=da_DK.UTF-8", "LC_ALL=", "KLYNGE_LANG=")
	cmd.Env = append(cmd.Env, env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: cols, Rows: rows})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, cmd: cmd, pty: f, done: make(chan struct{})}
	go func() {
		defer close(term.done)
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			answerQueries(f, buf[:n])
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = f.Close()
	})
	return term
}

// answerQueries replies to the colour and cursor queries a real terminal
// answers; without replies the program waits for termenv's timeout.
func answerQueries(f *os.File, chunk []byte) {
	if bytes.Contains(chunk, []byte("\x1b]11;?")) {
		_, _ = f.WriteString("\x1b]11;rgb:0000/0000/0000\x1b\\")
	}
	if bytes.Contains(chunk, []byte("\x1b[6n")) {
		_, _ = f.WriteString("\x1b[1;1R")
	}
}

// waitFor waits until the screen output contains text and returns how long
// that took.
func (term *terminal) waitFor(text string) time.Duration {
	term.t.Helper()
	start := time.Now()
	if term.contains(text, 10*time.Second) {
		return time.Since(start)
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	term.t.Fatalf("%q never appeared; output:\n%q", text, term.out.String())
	return 0
}

func (term *terminal) send(keys string) {
	term.t.Helper()
	if _, err := io.WriteString(term.pty, keys); err != nil {
		term.t.Fatal(err)
	}
}

// sendUntil sends a key until text appears. Right after start-up a fake
// terminal's replies to the colour query can swallow a key that a real
// terminal would deliver, so the first key of a test may need a repeat;
// the key must be one whose repetition changes nothing.
func (term *terminal) sendUntil(keys, text string) {
	term.t.Helper()
	for range 20 {
		term.send(keys)
		if term.contains(text, 500*time.Millisecond) {
			return
		}
	}
	term.waitFor(text)
}

// keysReach opens and closes the help overlay, to know that key presses
// reach the program.
func (term *terminal) keysReach() {
	term.t.Helper()
	term.sendUntil("?", "Taster")
	term.send("x")
}

func (term *terminal) contains(text string, within time.Duration) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		found := strings.Contains(term.out.String(), text)
		term.mu.Unlock()
		if found {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

// wait waits for the program to exit and returns its exit code.
func (term *terminal) wait() int {
	term.t.Helper()
	exited := make(chan error, 1)
	go func() { exited <- term.cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			if ee, ok := err.(*exec.ExitError); ok {
				return ee.ExitCode()
			}
			term.t.Fatal(err)
		}
		return 0
	case <-time.After(10 * time.Second):
		term.t.Fatal("klynge did not exit")
	}
	return -1
}

func TestDemoInTerminal(t *testing.T) {
	bin := buildKlynge(t)
	db := filepath.Join(t.TempDir(), "demo.db")

	home := t.TempDir()
	term := startTerminal(t, bin, 80, 24, []string{"HOME=" + home}, "--db", db, "demo")
	took := term.waitFor("Velkomst og afbud")
	t.Logf("agenda on screen %v after start", took)
	term.sendUntil("s", "Mødet er startet") // start the meeting

	// A second program on the same meeting is refused while this one runs.
	code, _, errOut := runKlynge(t, nil, "--db", db, "run")
	if code != 1 || !strings.Contains(errOut, "allerede åbent") {
		t.Errorf("second run: code %d, stderr %q", code, errOut)
	}

	// The export form writes the standard set into ~/klynge-<date>.
	term.send("E")
	term.waitFor("Eksport efter mødet")
	term.send("\r")
	term.waitFor("filer skrevet til")
	matches, _ := filepath.Glob(filepath.Join(home, "klynge-*", "referat.md"))
	if len(matches) != 1 {
		t.Errorf("the export should write referat.md under %s: %v", home, matches)
	}
	term.send("x") // closes the list of files

	term.send("q")
	term.waitFor("Afslut klynge?")
	term.send("j")
	if code := term.wait(); code != 0 {
		t.Fatalf("exit code %d", code)
	}

	// The start was committed: the kept database has it, and a second
	// demo run reopens the same meeting rather than making a new one.
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	meetings, err := s.Meetings(context.Background())
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(meetings) != 1 || !meetings[0].UnderWay() {
		t.Fatalf("want one started meeting, got %+v", meetings)
	}
	term = startTerminal(t, bin, 80, 24, nil, "--db", db, "demo")
	// The restart goes straight back to the running item, the welcome.
	term.waitFor("VELKOMST OG AFBUD")
	term.waitFor("tilbage")
	term.keysReach()
	term.send("q")
	term.waitFor("Afslut klynge?")
	term.send("y")
	if code := term.wait(); code != 0 {
		t.Fatalf("second run exit code %d", code)
	}
}

func TestThrowawayDemoLeavesNothing(t *testing.T) {
	bin := buildKlynge(t)
	tmp := t.TempDir()
	term := startTerminal(t, bin, 80, 24, []string{"TMPDIR=" + tmp}, "demo")
	term.waitFor("Velkomst og afbud")
	term.keysReach()
	entries, err := os.ReadDir(tmp)
	// The database's folder, and the folder of the meeting's lock.
	if err != nil || len(entries) != 2 {
		t.Fatalf("the demo should make two temp folders while it runs: %v %v", entries, err)
	}
	term.send("q")
	if code := term.wait(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("the throwaway database is left behind: %v", entries)
	}
}
