package main

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/klynge/klynge/meeting"
)

// history is the ten-year history the export benchmarks read, made once
// by `klynge dev seed`; the meeting exported is the last one held.
var history struct {
	once sync.Once
	dir  string
	err  error
}

func tenYearsDB(b *testing.B) string {
	b.Helper()
	history.once.Do(func() {
		if history.dir, history.err = os.MkdirTemp("", "klynge-cmd-bench-"); history.err != nil {
			return
		}
		code, _, errOut := runKlyngeTB(b, "--db", filepath.Join(history.dir, "h.db"), "dev", "seed", "--years", "10")
		if code != 0 {
			history.err = &meeting.Error{Code: meeting.EINTERNAL, Message: errOut}
		}
	})
	if history.err != nil {
		b.Fatal(history.err)
	}
	return filepath.Join(history.dir, "h.db")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if history.dir != "" {
		os.RemoveAll(history.dir)
	}
	os.Exit(code)
}

func runKlyngeTB(tb testing.TB, args ...string) (int, string, string) {
	tb.Helper()
	return runKlyngeEnv(tb, nil, args...)
}

// BenchmarkExport runs each export as the command line does it — open
// the database, read, write the file — on the last meeting held in ten
// years of history (meeting 40 of 41), and the attendance report over the
// ten years.
func BenchmarkExport(b *testing.B) {
	cases := []struct {
		name string
		args []string
	}{
		{"followup-md", []string{"export", "followup", "--meeting", "40", "-o", "f.md"}},
		{"followup-csv", []string{"export", "followup", "--meeting", "40", "-o", "f.csv"}},
		{"followup-xlsx", []string{"export", "followup", "--meeting", "40", "-o", "f.xlsx"}},
		{"followup-ics", []string{"export", "followup", "--meeting", "40", "-o", "f.ics"}},
		{"minutes", []string{"export", "minutes", "--meeting", "40", "-o", "m.md"}},
		{"slips", []string{"export", "slips", "--meeting", "40", "-o", "slips"}},
		{"attendance-10y-text", []string{"attendance", "report", "--since", "2016-01-01", "-o", "a.txt"}},
		{"attendance-10y-csv", []string{"attendance", "report", "--since", "2016-01-01", "--format", "csv", "-o", "a.csv"}},
		{"attendance-10y-xlsx", []string{"attendance", "report", "--since", "2016-01-01", "--format", "xlsx", "-o", "a.xlsx"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			db := tenYearsDB(b)
			dir := b.TempDir()
			if err := os.Mkdir(filepath.Join(dir, "slips"), 0o700); err != nil {
				b.Fatal(err)
			}
			args := append([]string{"--db", db}, c.args...)
			for i, a := range args {
				if i > 0 && args[i-1] == "-o" {
					args[i] = filepath.Join(dir, a)
				}
			}
			args = append(args, "--force")
			b.ReportAllocs()
			for b.Loop() {
				if code, _, errOut := runKlyngeTB(b, args...); code != 0 {
					b.Fatalf("%v: exit %d: %s", c.args, code, errOut)
				}
			}
		})
	}
}
