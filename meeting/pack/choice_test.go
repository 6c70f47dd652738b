package pack_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/klynge/klynge/meeting/pack"
)

// TestChoiceKeysDocumented: the README and `pack new`'s starter show every
// key a [[choice]] may hold.
func TestChoiceKeysDocumented(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?m)^- each `\\[\\[choice\\]\\]`: (.*)$").FindStringSubmatch(string(b))
	if m == nil {
		t.Fatal("the README's pack format lacks the line \"- each `[[choice]]`: …\"")
	}
	var got []string
	for _, k := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(m[1], -1) {
		got = append(got, k[1])
	}
	if !slices.Equal(got, pack.ChoiceKeys()) {
		t.Errorf("README lists %v for [[choice]]; the checker accepts %v", got, pack.ChoiceKeys())
	}
	files, err := pack.Starter("x", pack.StarterData)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range pack.ChoiceKeys() {
		if !strings.Contains(files[pack.PackFile], "# "+k+" =") {
			t.Errorf("the starter's pack.toml never shows the choice key %q", k)
		}
	}
}

// uviCopy is the choice fixture pack as an in-memory folder a test can
// break.
func uviCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range []string{pack.PackFile, pack.DataFile} {
		b, err := os.ReadFile(filepath.Join("testdata", "uvi", name))
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return m
}

func TestReadChoice(t *testing.T) {
	p, err := pack.Read(uviCopy(t), "uvi")
	if err != nil {
		t.Fatalf("the choice fixture must be valid:\n%v", err)
	}
	if len(p.Choices) != 1 {
		t.Fatalf("%d choices, want 1", len(p.Choices))
	}
	c := p.Choices[0]
	if c.ID != "uvi-valg" || c.Preferred != "uvi-pivmecillinam" || c.Target == nil || *c.Target != 75 ||
		!slices.Equal(c.Options, []string{"uvi-sulfamethizol", "uvi-pivmecillinam", "uvi-ciprofloxacin"}) || c.Guess {
		t.Errorf("choice read as %+v", c)
	}
	if !slices.Equal(p.Agenda[1].Indicators, []string{"uvi-valg", "uvi-dyrkning"}) {
		t.Errorf("the data item lists %v", p.Agenda[1].Indicators)
	}
}

// TestChoiceRules: every mistake in a [[choice]] is reported at its
// file:line:col with what to do.
func TestChoiceRules(t *testing.T) {
	const toml = pack.PackFile
	type fix struct{ old, new string }
	for _, tc := range []struct {
		name   string
		edits  []fix
		needle string
		offset int
		msg    string
	}{
		{"unknown option", []fix{{`"uvi-ciprofloxacin"]`, `"uvi-cipro"]`}}, `"uvi-cipro"]`, 0,
			`choice "uvi-valg" refers to unknown indicator "uvi-cipro": add an [[indicator]] with that id or use one of uvi-pivmecillinam, uvi-sulfamethizol, uvi-ciprofloxacin, uvi-dyrkning`},
		{"option not a share", []fix{{"title = \"Ciprofloxacin\"\nunit = \"%\"", "title = \"Ciprofloxacin\"\nunit = \"count\""}}, `"uvi-ciprofloxacin"]`, 0,
			`choice "uvi-valg": indicator "uvi-ciprofloxacin" has unit count; a choice's options are shares with unit = "%" and a shared denominator`},
		{"preferred not an option", []fix{{`preferred = "uvi-pivmecillinam"`, `preferred = "uvi-dyrkning"`}}, `preferred = "uvi-dyrkning"`, 12,
			`preferred = "uvi-dyrkning" in choice "uvi-valg" is not one of its options: use one of uvi-sulfamethizol, uvi-pivmecillinam, uvi-ciprofloxacin`},
		{"no preferred", []fix{{"preferred = \"uvi-pivmecillinam\"\n", ""}}, "[[choice]]", 0,
			`choice "uvi-valg" has no preferred: add preferred = "…"`},
		{"one option", []fix{{`options = ["uvi-sulfamethizol", "uvi-pivmecillinam", "uvi-ciprofloxacin"]`, `options = ["uvi-pivmecillinam"]`}}, `["uvi-pivmecillinam"]`, 0,
			`choice "uvi-valg" has 1 option: a choice needs at least 2`},
		{"no options", []fix{{`options = ["uvi-sulfamethizol", "uvi-pivmecillinam", "uvi-ciprofloxacin"]` + "\n", ""}}, "[[choice]]", 0,
			`choice "uvi-valg" has no options`},
		{"id taken by an indicator", []fix{{`id = "uvi-valg"`, `id = "uvi-dyrkning"`}}, `"uvi-dyrkning"` + "\ntitle = \"Valg", 0,
			`the id "uvi-dyrkning" is already used on line`},
		{"target outside 0–100", []fix{{"target = 75", "target = 175"}}, "175", 0,
			`target = 175 in choice "uvi-valg" is outside 0–100`},
		{"unknown key", []fix{{"target = 75", "maal = 75"}}, "maal", 0,
			`unknown key "maal" in choice "uvi-valg": use id, title, options, preferred, target, guess`},
		{"agenda names an unknown choice", []fix{{`indicators = ["uvi-valg"`, `indicators = ["uvi-vagl"`}}, `"uvi-vagl"`, 0,
			`agenda item 2 refers to unknown indicator "uvi-vagl": add an [[indicator]] with that id or use one of uvi-pivmecillinam, uvi-sulfamethizol, uvi-ciprofloxacin, uvi-dyrkning, uvi-valg`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := uviCopy(t)
			for _, e := range tc.edits {
				edit(t, fsys, toml, e.old, e.new)
			}
			_, err := pack.Read(fsys, "uvi")
			ps := problems(t, err)
			wantProblem(t, ps, "uvi/"+toml+":"+at(t, fsys, toml, tc.needle, tc.offset), tc.msg)
		})
	}
}
