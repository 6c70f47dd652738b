package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWriteFilesAtomic: every file lands whole with mode 0600 and no
// temporary file is left; a file that cannot be put in place stops the
// renames there, counts the files before it, and leaves no temporary
// file behind; a failure before the renames leaves the folder as it was.
func TestWriteFilesAtomic(t *testing.T) {
	files := func(n int) []slipFile {
		var fs []slipFile
		for i := range n {
			fs = append(fs, slipFile{fmt.Sprintf("slip-%c.txt", 'A'+i), []byte(fmt.Sprintf("slip %d\n", i))})
		}
		return fs
	}
	names := func(t *testing.T, dir string) []string {
		t.Helper()
		es, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	tests := []struct {
		name string
		// block makes the file of this index impossible to rename into
		// place (a folder with a file in it under its name); -1 for none.
		block       int
		n           int
		wantWritten int
		wantFailed  string
	}{
		{"all written", -1, 20, 20, ""},
		{"one file", -1, 1, 1, ""},
		{"none", -1, 0, 0, ""},
		{"third cannot be placed", 2, 20, 2, "slip-C.txt"},
		{"first cannot be placed", 0, 5, 0, "slip-A.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			fs := files(tt.n)
			var want []string
			if tt.block >= 0 {
				blocked := filepath.Join(dir, fs[tt.block].name)
				if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o700); err != nil {
					t.Fatal(err)
				}
				want = append(want, fs[tt.block].name)
			}
			written, failed, err := writeFilesAtomic(dir, fs)
			if (err != nil) != (tt.wantFailed != "") || written != tt.wantWritten || failed != tt.wantFailed {
				t.Fatalf("written %d, failed %q, err %v; want %d, %q", written, failed, err, tt.wantWritten, tt.wantFailed)
			}
			for _, f := range fs[:written] {
				want = append(want, f.name)
				data, err := os.ReadFile(filepath.Join(dir, f.name))
				if err != nil || string(data) != string(f.data) {
					t.Errorf("%s: %q, %v; want %q", f.name, data, err, f.data)
				}
				if info, err := os.Stat(filepath.Join(dir, f.name)); err != nil || info.Mode().Perm() != 0o600 {
					t.Errorf("%s: mode %v, %v; want 0600", f.name, info.Mode(), err)
				}
			}
			slices.Sort(want)
			if got := names(t, dir); !slices.Equal(got, want) {
				t.Errorf("folder holds %q, want %q", got, want)
			}
		})
	}
	t.Run("folder missing", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "gone")
		written, failed, err := writeFilesAtomic(dir, files(3))
		if err == nil || written != 0 || failed != "slip-A.txt" {
			t.Fatalf("written %d, failed %q, err %v", written, failed, err)
		}
	})
}
