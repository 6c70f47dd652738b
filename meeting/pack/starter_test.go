package pack_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	goldenfile "github.com/charmbracelet/x/exp/golden"

	"github.com/klynge/klynge/meeting/pack"
)

// TestStarterPack writes each kind of starter pack, compares it with its
// golden files (go test ./meeting/pack -run TestStarterPack -update), and
// checks that it passes the checker and shows every key of the format.
func TestStarterPack(t *testing.T) {
	top, agenda, indicator := pack.FormatKeys()
	for _, kind := range []string{pack.StarterData, pack.StarterTalk} {
		t.Run(kind, func(t *testing.T) {
			files, err := pack.Starter("Opioider – forbrug og nedtrapning", kind)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			names := []string{}
			for name, text := range files {
				names = append(names, name)
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			slices.Sort(names)
			var all strings.Builder
			for _, name := range names {
				all.WriteString("== " + name + "\n" + files[name])
			}
			goldenfile.RequireEqual(t, []byte(all.String()))
			p, err := pack.ReadDir(dir)
			if err != nil {
				t.Fatalf("the starter pack does not pass pack check: %v", err)
			}
			if w := pack.Warnings(p, "da"); len(w) > 0 {
				t.Errorf("warnings: %v", w)
			}
			keys := top
			keys = append(keys, agenda...)
			if kind == pack.StarterData {
				keys = append(keys, indicator...)
			}
			toml := files[pack.PackFile]
			for _, k := range keys {
				if k == "agenda" || k == "indicator" || k == "choice" {
					k = "[[" + k + "]]"
				} else {
					k += " ="
				}
				if !strings.Contains(toml, k) {
					t.Errorf("the starter's pack.toml never shows %q", k)
				}
			}
		})
	}
	if _, err := pack.Starter("x", "video"); err == nil {
		t.Error("an unknown kind was accepted")
	}
	if _, err := pack.Starter("x\x1b[2J", "data"); err == nil {
		t.Error("an escape code in the title was accepted")
	}
}

// TestREADMEPackKeys compares the keys the checker accepts, and the data
// file's header spellings, with those the README's pack-format section
// lists, so neither can change without the other.
func TestREADMEPackKeys(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	start := strings.Index(readme, "## Pack format")
	end := strings.Index(readme[start:], "\n## ")
	section := readme[start:]
	if end > 0 {
		section = readme[start : start+end]
	}
	listed := func(label string) []string {
		re := regexp.MustCompile("(?m)^- " + regexp.QuoteMeta(label) + ": (.*)$")
		m := re.FindStringSubmatch(section)
		if m == nil {
			t.Fatalf("the README's pack format lacks the line %q", "- "+label+": …")
		}
		var out []string
		for _, k := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(m[1], -1) {
			out = append(out, k[1])
		}
		return out
	}
	top, agenda, indicator := pack.FormatKeys()
	for _, tc := range []struct {
		label string
		want  []string
	}{{"top level", top}, {"each `[[agenda]]`", agenda}, {"each `[[indicator]]`", indicator}} {
		got := listed(tc.label)
		if !slices.Equal(got, tc.want) {
			t.Errorf("README lists %v for %s; the checker accepts %v", got, tc.label, tc.want)
		}
	}
	for _, spellings := range pack.DataHeaders() {
		got := listed("`" + spellings[0] + "`")
		if !slices.Equal(got, spellings) {
			t.Errorf("README lists %v for the column %s; the reader accepts %v", got, spellings[0], spellings)
		}
	}
}
