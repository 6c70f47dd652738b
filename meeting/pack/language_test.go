package pack_test

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
	"github.com/klynge/klynge/meeting/pack"
)

// badDir holds broken packs, rosters and data files, one problem of many
// kinds in each, for the language tests.
const badDir = "testdata/bad"

// TestProblemsInOneLanguage reads every broken file and words each problem
// in Danish and in English: no word of the other language may appear
// besides the data the file itself holds (names, ids, column headers,
// values, which are quoted from the file), no catalogue key may show
// through, and the two wordings must differ.
func TestProblemsInOneLanguage(t *testing.T) {
	packFS, err := fs.Sub(klynge.DemoFS(), klynge.DemoPackDir)
	if err != nil {
		t.Fatal(err)
	}
	demo, err := pack.Read(packFS, klynge.DemoPackDir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := klynge.DemoFS().Open(klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	practices, err := pack.ReadRoster(f, klynge.DemoRoster)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var ydernumre []string
	for _, p := range practices {
		ydernumre = append(ydernumre, p.Ydernummer)
	}
	bad := func(name string) string { return filepath.Join(badDir, name) }
	data := func(name string) string { return filepath.Join(fixtureDir, name) }
	readRoster := func(path string) error {
		_, err := pack.ReadRosterFile(path, ydernumre)
		return err
	}
	readData := func(path string) error {
		_, err := pack.ReadDataFile(path, demo.Indicators, ydernumre)
		return err
	}
	readPack := func(path string) error {
		_, err := pack.ReadDir(path)
		return err
	}
	tests := []struct {
		name string
		read func(string) error
		path string
		// min is the fewest problems the file must give, so a broken
		// fixture cannot pass by giving none.
		min int
	}{
		{"pack with many problems", readPack, bad("pack-fejl"), 25},
		{"pack.toml not TOML", readPack, bad("pack-syntaks"), 1},
		{"pack.toml without =", readPack, bad("pack-toml-lighedstegn"), 1},
		{"pack.toml with an open quote", readPack, bad("pack-toml-citat"), 1},
		{"pack.toml with a key twice", readPack, bad("pack-toml-dobbelt"), 1},
		{"pack.toml with text outside quotes", readPack, bad("pack-toml-vaerdi"), 1},
		{"pack without pack.toml", readPack, bad("pack-uden-toml"), 1},
		{"pack folder missing", readPack, bad("ingen-mappe"), 1},
		{"pack.toml given for the folder", readPack, bad("pack-fejl/pack.toml"), 1},
		{"roster with many problems", readRoster, bad("roster-fejl.csv"), 10},
		{"roster without columns", readRoster, bad("roster-mangler-kolonne.csv"), 1},
		{"roster in Windows-1252", readRoster, bad("roster-latin1.csv"), 1},
		{"roster as .xls", readRoster, bad("roster.xls"), 1},
		{"roster as .ods", readRoster, bad("roster.ods"), 1},
		{"roster as .pdf", readRoster, bad("roster.pdf"), 1},
		{"roster missing", readRoster, bad("ingen.csv"), 1},
		{"roster is a folder", readRoster, bad("pack-fejl.csv"), 1},
		{"data with many problems", readData, bad("data-fejl.csv"), 9},
		{"data without figure columns", readData, bad("data-mangler-kolonne.csv"), 1},
		{"data as .numbers", readData, bad("data.numbers"), 1},
		{"data with problems of every kind", readData, data("fejl.csv"), 8},
		{"workbook with problems", readData, data("fejl.xlsx"), 3},
		{"workbook with formulas", readData, data("formler.xlsx"), 1},
		{"workbook with merged cells", readData, data("flettede-celler.xlsx"), 1},
		{"workbook without sheets' content", readData, data("tomt-ark.xlsx"), 1},
		{"data in Windows-1252", readData, data("latin1.csv"), 1},
		{"empty data file", readData, data("tom.csv"), 1},
		{"data with only a header", readData, data("kun-overskrift.csv"), 1},
		{"data with n/a", readData, data("na.csv"), 1},
		{"data with a percentage as a count", readData, data("procent.csv"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read(tt.path)
			var ps pack.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want problems, got %v", err)
			}
			if ps.Count() < tt.min {
				t.Errorf("%d problems, want at least %d:\n%s", ps.Count(), tt.min, ps.In("en"))
			}
			for _, p := range ps {
				words := dataWords(p)
				da, en := p.In("da"), p.In("en")
				for _, c := range []struct{ lang, text string }{{"da", da}, {"en", en}} {
					if bad := msg.StrayWords(c.text, c.lang, words); len(bad) > 0 {
						t.Errorf("%s: %v in %q", c.lang, bad, c.text)
					}
					if strings.Contains(c.text, "problem.") {
						t.Errorf("%s: a key shows through in %q", c.lang, c.text)
					}
				}
				if da == en {
					t.Errorf("same in both languages: %q", da)
				}
			}
			// The one-line form a screen shows is worded too.
			if s := msg.For("da").Error(err); strings.Contains(s, "problem.") || !strings.HasPrefix(s, ps[0].In("da")) {
				t.Errorf("one line in Danish: %q", s)
			}
		})
	}
}

// dataWords are the words of a problem that come from the file or the
// system rather than from the catalogue: its file name and the texts it
// quotes, which are in whatever language they were written.
func dataWords(p pack.Problem) map[string]bool {
	words := map[string]bool{}
	add := func(s string) {
		for _, w := range msg.Tokens(s) {
			words[w] = true
		}
	}
	add(p.File)
	add(p.Sheet)
	var walk func(args []any)
	walk = func(args []any) {
		for _, a := range args {
			switch v := a.(type) {
			case pack.Phrase:
				walk(v.Args)
			case meeting.Word, *meeting.TextError:
			case error:
				add(v.Error()) // a system's message, e.g. from the file system
			case string:
				add(v)
			case fmt.Stringer:
				add(v.String())
			}
		}
	}
	walk(p.Args)
	return words
}

// TestLanguageCheckCanFail: a problem worded with an English key argument
// on a Danish line is caught, so the test above can fail.
func TestLanguageCheckCanFail(t *testing.T) {
	p := pack.Problem{File: "kol/pack.toml", Line: 3, Key: "problem.RequiredEmpty", Args: []any{"title", pack.Phrase{Key: "problem.AgendaItemN", Args: []any{2}}, "title"}}
	if bad := msg.StrayWords(p.In("da"), "da", dataWords(p)); len(bad) != 0 {
		t.Fatalf("Danish wording has %v: %q", bad, p.In("da"))
	}
	p.Args[2] = "the title of the meeting"
	if bad := msg.StrayWords(p.In("da"), "da", nil); len(bad) == 0 {
		t.Errorf("English words on a Danish line not seen: %q", p.In("da"))
	}
}
