package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// demoPackDir is the demo pack in the repository, relative to this package.
const demoPackDir = "../../testdata/demo/kol"

var testNow = time.Date(2026, 11, 23, 15, 4, 0, 0, time.Local)

// runs numbers the command lines a test process runs, so each draws its
// letter codes from its own fixed stream.
var runs atomic.Uint32

// testRand is a fixed random stream, different for each command line.
func testRand() io.Reader {
	var seed [32]byte
	binary.LittleEndian.PutUint32(seed[:], runs.Add(1))
	return mrand.NewChaCha8(seed)
}

// runKlynge runs one command line in-process with the given extra environment
// and returns the exit code, stdout and stderr.
func runKlynge(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	return runKlyngeEnv(t, env, args...)
}

// runKlyngeEnv runs one command line in this process with env as its
// environment. What a screen command sets in Go's runtime (screenRuntime)
// is undone after it, so the tests after it run with Go's defaults.
func runKlyngeEnv(tb testing.TB, env map[string]string, args ...string) (int, string, string) {
	tb.Helper()
	procs := runtime.GOMAXPROCS(0)
	gc := debug.SetGCPercent(100)
	debug.SetGCPercent(gc)
	defer func() {
		runtime.GOMAXPROCS(procs)
		debug.SetGCPercent(gc)
	}()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, environment{
		stdin:  strings.NewReader(""),
		stdout: &stdout,
		stderr: &stderr,
		getenv: func(k string) string { return env[k] },
		clock:  meeting.FixedClock(testNow),
		rnd:    testRand(),
	})
	return code, stdout.String(), stderr.String()
}

func TestVersion(t *testing.T) {
	code, out, _ := runKlynge(t, nil, "--lang", "en", "version")
	if code != 0 || !strings.HasPrefix(out, "klynge "+version) || !strings.Contains(out, "schema") {
		t.Fatalf("version: code %d, out %q", code, out)
	}
}

func TestPackCheckDemo(t *testing.T) {
	code, out, errOut := runKlynge(t, nil, "pack", "check", demoPackDir)
	if code != 0 {
		t.Fatalf("demo pack should be valid; code %d, stderr:\n%s", code, errOut)
	}
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, "ok") {
		t.Errorf("want a one-line summary, got %q", out)
	}
}

// copyDemoPack copies the demo pack to a temp folder so a test can break it.
func copyDemoPack(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "kol")
	if err := os.CopyFS(dir, os.DirFS(demoPackDir)); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestPackCheckBrokenReportsEveryProblem(t *testing.T) {
	dir := copyDemoPack(t)
	tomlPath := filepath.Join(dir, "pack.toml")
	src, err := os.ReadFile(tomlPath)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(src), `kind = "data"`, `kind = "dataa"`, 1)
	broken = strings.Replace(broken, `kind = "welcome"`, "kind = \"welcome\"\ncolour = \"red\"", 1)
	if broken == string(src) {
		t.Fatal("the demo pack changed; update this test's replacements")
	}
	if err := os.WriteFile(tomlPath, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runKlynge(t, nil, "pack", "check", dir)
	if code != 1 {
		t.Fatalf("want exit 1, got %d", code)
	}
	if out != "" {
		t.Errorf("nothing on stdout for a broken pack, got %q", out)
	}
	for _, want := range []string{`dataa`, `colour`, tomlPath + ":"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
		t.Errorf("stack trace on stderr:\n%s", errOut)
	}
}

func TestBadInputIsOneLine(t *testing.T) {
	tmp := t.TempDir()
	notUTF8 := copyDemoPack(t)
	if err := os.WriteFile(filepath.Join(notUTF8, "slides.md"), []byte("# Slide\n\nK\xf8benhavn\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badTOML := copyDemoPack(t)
	if err := os.WriteFile(filepath.Join(badTOML, "pack.toml"), []byte("title = \"x\"\n[[agenda]\nkind = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing pack folder", []string{"pack", "check", filepath.Join(tmp, "nope")}, "nope"},
		{"pack is a file", []string{"pack", "check", filepath.Join(demoPackDir, "pack.toml")}, "pack.toml"},
		{"invalid TOML", []string{"pack", "check", badTOML}, "pack.toml:2:"},
		{"non-UTF-8 slides", []string{"pack", "check", notUTF8}, "slides.md:3:"},
		{"db in missing folder", []string{"--db", filepath.Join(tmp, "missing", "k.db"), "meeting", "list"}, filepath.Join(tmp, "missing")},
		{"db is a folder", []string{"--db", tmp, "meeting", "list"}, tmp},
		{"unknown meeting", []string{"--db", filepath.Join(tmp, "ok.db"), "run", "42"}, "42"},
		{"meeting id not a number", []string{"--db", filepath.Join(tmp, "ok.db"), "run", "abc"}, "abc"},
		{"bad date", []string{"--db", filepath.Join(tmp, "ok.db"), "meeting", "new", "--pack", demoPackDir, "--date", "31-31-2026"}, "--date"},
		{"no cluster yet", []string{"--db", filepath.Join(tmp, "empty.db"), "meeting", "new", "--pack", demoPackDir}, "klynge init"},
		{"unknown theme", []string{"--db", filepath.Join(tmp, "ok.db"), "--theme", "pink", "demo"}, "theme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runKlynge(t, nil, tt.args...)
			if code != 1 {
				t.Errorf("want exit 1, got %d", code)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q should name %q", errOut, tt.want)
			}
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			if tt.name != "invalid TOML" && tt.name != "non-UTF-8 slides" && len(lines) != 1 {
				t.Errorf("want one line, got %d:\n%s", len(lines), errOut)
			}
			if strings.Contains(errOut, "goroutine") {
				t.Errorf("stack trace:\n%s", errOut)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(tmp, "missing")); !os.IsNotExist(err) {
		t.Errorf("a failed open must not create the missing folder: %v", err)
	}
}

func TestInitNewList(t *testing.T) {
	db := filepath.Join(t.TempDir(), "klynge.db")
	env := map[string]string{"KLYNGE_DB": db}
	env["KLYNGE_LANG"] = "en" // this test reads the English wording
	code, out, errOut := runKlynge(t, env, "init", "--cluster", "Klynge Nordby", "--roster", "../../testdata/demo/roster.csv")
	if code != 0 {
		t.Fatalf("init: %d %s", code, errOut)
	}
	if !strings.Contains(out, "14 practices") {
		t.Errorf("init output %q", out)
	}
	code, out, errOut = runKlynge(t, env, "meeting", "new", "--pack", demoPackDir, "--date", "03-12-2026", "--start", "18:00", "--title", "Decembermøde")
	if code != 0 {
		t.Fatalf("meeting new: %d %s", code, errOut)
	}
	if !strings.Contains(out, "created meeting 1") || !strings.Contains(out, "2026-12-03 18:00") {
		t.Errorf("meeting new output %q", out)
	}
	code, out, _ = runKlynge(t, env, "--lang", "da", "meeting", "list")
	if code != 0 || !strings.Contains(out, "Decembermøde") || !strings.Contains(out, "planlagt") {
		t.Errorf("meeting list: %d %q", code, out)
	}
	// init again changes nothing.
	code, out, _ = runKlynge(t, env, "init")
	if code != 0 || !strings.Contains(out, "already") {
		t.Errorf("second init: %d %q", code, out)
	}
	info, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", info.Mode().Perm())
	}
}

func TestRunWithoutTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	code, _, errOut := runKlynge(t, nil, "--db", db, "demo")
	if code != 1 || !strings.Contains(errOut, "terminal") {
		t.Fatalf("demo without a terminal: code %d, stderr %q", code, errOut)
	}
}

func TestDefaultDatabasePath(t *testing.T) {
	a := &app{env: environment{getenv: func(k string) string {
		return map[string]string{"HOME": "/home/lise"}[k]
	}}}
	got, err := a.dbPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := "/home/lise/.local/share/klynge/klynge.db"; runtime.GOOS == "linux" && got != want {
		t.Errorf("default path %q, want %q", got, want)
	}
	a.env.getenv = func(k string) string { return map[string]string{"HOME": "/h", "KLYNGE_DB": "/x/k.db"}[k] }
	if got, _ := a.dbPath(); got != "/x/k.db" {
		t.Errorf("KLYNGE_DB ignored: %q", got)
	}
	a.db = "/y/k.db"
	if got, _ := a.dbPath(); got != "/y/k.db" {
		t.Errorf("--db ignored: %q", got)
	}
}
