package pack_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

// The fuzz targets feed every reader arbitrary bytes. Whatever comes in, a
// reader returns either its result or Problems, each a one-line message
// (a terminal shows them as they are); it never panics. Seeds are the
// fixtures plus testdata/fuzz/<target>; `.ci/run` runs each for a few
// seconds.

// checkProblems fails unless err is nil or Problems of one-line messages.
func checkProblems(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var ps pack.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		t.Fatalf("error %T %v is not a list of problems", err, err)
	}
	for _, p := range ps {
		if s := p.String(); strings.ContainsAny(s, "\r\n") {
			t.Fatalf("problem is not one line: %q", s)
		}
	}
}

// addFixtures adds the files in dir (under testdata) whose names end in
// one of exts as seeds.
func addFixtures(f *testing.F, dir string, exts ...string) {
	entries, err := os.ReadDir(filepath.Join("testdata", dir))
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		for _, ext := range exts {
			if strings.HasSuffix(e.Name(), ext) {
				b, err := os.ReadFile(filepath.Join("testdata", dir, e.Name()))
				if err != nil {
					f.Fatal(err)
				}
				f.Add(b)
			}
		}
	}
}

func FuzzReadDataCSV(f *testing.F) {
	addFixtures(f, "data", ".csv")
	f.Add([]byte("ydernummer;indikator;tæller;nævner;periode\n27475;kol-prevalens;1.650,5;2;2024\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		rows, err := pack.ReadDataCSV(strings.NewReader(string(src)), "d.csv", testIndicators(), []string{"047318", "027475"})
		checkProblems(t, err)
		for _, r := range rows {
			if len(r.Ydernummer) != 6 {
				t.Fatalf("row with ydernummer %q", r.Ydernummer)
			}
		}
	})
}

func FuzzReadRosterCSV(f *testing.F) {
	f.Add([]byte("ydernummer;praksis;læge;email;rolle\n047318;Lægerne Østergade;Søren Ærø;s@o.dk;koordinator\n41033;B;Bo;;\n"))
	f.Add([]byte("ydernummer,praksis,læge\n\"047318\",\"A; B\",\"C \"\"D\"\"\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		ps, err := pack.ReadRosterCSV(strings.NewReader(string(src)), "r.csv", []string{"047318"})
		checkProblems(t, err)
		for _, p := range ps {
			if len(p.Ydernummer) != 6 {
				t.Fatalf("practice with ydernummer %q", p.Ydernummer)
			}
		}
	})
}

func FuzzReadDataXLSX(f *testing.F) {
	addFixtures(f, "data", ".xlsx")
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := pack.ReadDataXLSX(strings.NewReader(string(src)), "d.xlsx", testIndicators(), nil)
		checkProblems(t, err)
	})
}

func FuzzReadRosterXLSX(f *testing.F) {
	addFixtures(f, "data", ".xlsx")
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := pack.ReadRosterXLSX(strings.NewReader(string(src)), "r.xlsx", nil)
		checkProblems(t, err)
	})
}

func FuzzReadPackTOML(f *testing.F) {
	demo, err := os.ReadFile("../../testdata/demo/kol/pack.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(demo)
	f.Add([]byte("title = \"x\"\n[[agenda]]\nkind = \"data\"\nminutes = 15\nindicators = [\"a\"]\n[[indicator]]\nid = \"a\"\nunit = \"%\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{"pack.toml": {Data: src}}
		p, err := pack.Read(fsys, "kol")
		checkProblems(t, err)
		if err == nil && p.Title == "" {
			t.Fatal("a pack without a title was accepted")
		}
	})
}

func FuzzParseSlides(f *testing.F) {
	demo, err := os.ReadFile("../../testdata/demo/kol/slides.md")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(demo)
	f.Add([]byte("# A\n\nNoter: x\n---\n# B\n\x1b[31m\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		slides, err := pack.ParseSlides(src, "slides.md")
		checkProblems(t, err)
		for _, s := range slides {
			if err := meeting.CheckText(meeting.TextSlides, s.Body); err != nil {
				t.Fatalf("accepted a slide the text rule refuses: %v", err)
			}
		}
	})
}
