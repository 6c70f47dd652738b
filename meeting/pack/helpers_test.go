package pack_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting/pack"
)

// label is how the demo pack's copies are named in problems.
const label = "kol"

// demoFile returns a file of the embedded demo pack.
func demoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(klynge.DemoFS(), klynge.DemoPackDir+"/"+name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// demoCopy is the demo pack as an in-memory folder a test can break.
func demoCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range []string{pack.PackFile, pack.SlidesFile, pack.DataFile} {
		m[name] = &fstest.MapFile{Data: []byte(demoFile(t, name)), Mode: 0o644}
	}
	return m
}

// edit replaces the first old in file with new, failing the test when old
// is not there, so a changed demo pack cannot make a test pass vacuously.
func edit(t *testing.T, fsys fstest.MapFS, file, old, new string) {
	t.Helper()
	src := string(fsys[file].Data)
	if !strings.Contains(src, old) {
		t.Fatalf("%s does not contain %q; update the test to the demo pack", file, old)
	}
	fsys[file].Data = []byte(strings.Replace(src, old, new, 1))
}

// at is the "line:col" where needle first starts in file, counting
// characters as editors do; offset moves that many characters right.
func at(t *testing.T, fsys fstest.MapFS, file, needle string, offset int) string {
	t.Helper()
	src := string(fsys[file].Data)
	i := strings.Index(src, needle)
	if i < 0 {
		t.Fatalf("%s does not contain %q", file, needle)
	}
	line := strings.Count(src[:i], "\n") + 1
	col := utf8.RuneCountInString(src[strings.LastIndex(src[:i], "\n")+1:i]) + 1
	return fmt.Sprintf("%d:%d", line, col+offset)
}

// problems returns the Problems in err, failing the test for any other
// error.
func problems(t *testing.T, err error) pack.Problems {
	t.Helper()
	if err == nil {
		t.Fatal("want problems, got none")
	}
	var ps pack.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want pack.Problems, got %T: %v", err, err)
	}
	return ps
}

// wantProblem asserts that one problem is exactly at place ("kol/pack.toml:12:8",
// or "kol/pack.toml" for a problem without a line) and its message holds
// msg.
func wantProblem(t *testing.T, ps pack.Problems, place, msg string) {
	t.Helper()
	for _, p := range ps {
		if s := p.String(); strings.HasPrefix(s, place+": ") && strings.Contains(p.String(), msg) {
			return
		}
	}
	t.Errorf("no problem %q at %s; got:\n%s", msg, place, ps.Error())
}

// failFS makes some files of a folder fail to open with err, as an
// unreadable file does (tests may run as root, where chmod does not stop
// reads).
type failFS struct {
	fs.FS
	fail map[string]error
}

func (f failFS) Open(name string) (fs.File, error) {
	if err, ok := f.fail[name]; ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.FS.Open(name)
}
