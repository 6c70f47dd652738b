package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting/msg"
)

// demoWords are the words of the demo pack and roster: data, in the
// language it was written in.
func demoWords(t *testing.T, extra ...string) map[string]bool {
	t.Helper()
	words := map[string]bool{}
	err := filepath.WalkDir("../../testdata/demo", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		for _, w := range msg.Tokens(string(b)) {
			words[w] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range extra {
		for _, w := range msg.Tokens(s) {
			words[w] = true
		}
	}
	return words
}

// commandTree is klynge's command tree as the user gets it, built the way
// run builds it, so a command added there is walked here too.
func commandTree() *cobra.Command {
	a := &app{env: environment{getenv: func(string) string { return "" }}}
	return a.rootCommand()
}

// walkCommands calls f for every command a user can call, root first.
func walkCommands(c *cobra.Command, f func(*cobra.Command)) {
	if c.Hidden {
		return
	}
	f(c)
	for _, sub := range c.Commands() {
		walkCommands(sub, f)
	}
}

// pathOf is a command's path without "klynge": "meeting new".
func pathOf(c *cobra.Command) string {
	return strings.TrimSpace(strings.TrimPrefix(c.CommandPath(), c.Root().Name()))
}

// codeOf finds the code in a command's output, which is in no language:
// command lines (klynge meeting new) and the command names in the help's
// list of commands. StrayWords leaves out flags and `quoted` commands.
func codeOf(root *cobra.Command) *regexp.Regexp {
	var names []string
	walkCommands(root, func(c *cobra.Command) {
		if c != root {
			names = append(names, regexp.QuoteMeta(c.Name()))
		}
	})
	alt := strings.Join(names, "|")
	return regexp.MustCompile(`\bklynge(?:\s+(?:` + alt + `)\b)*|(?m)^  (?:` + alt + `)\s`)
}

// invocation is one real call of a command in the language test.
type invocation struct {
	cmd  string   // the command's path, as pathOf gives it
	args []string // after --lang
	code int      // the exit code it must give
	// script marks output that is code for another program (a shell's
	// completion script), which is in no language; only its errors count.
	script bool
	// elsewhere names the helper whose area (pack, export, store) still
	// words this call in one language only; its stray words are logged,
	// not failed, and the test fails once they are gone, so the mark is
	// removed when that work lands.
	elsewhere string
}

// TestCommandsSpeakOneLanguage runs every command of the tree in Danish
// (the default) and in English, `--help` and a real call, and fails on a
// word of the other language that is not data (the demo pack and roster,
// paths) nor code (commands, flags). Every command a user can call must
// have a real call below, and every group of commands an error.
func TestCommandsSpeakOneLanguage(t *testing.T) {
	root := commandTree()
	code := codeOf(root)
	var all, leaves []string
	walkCommands(root, func(c *cobra.Command) {
		all = append(all, pathOf(c))
		if !c.HasAvailableSubCommands() {
			leaves = append(leaves, pathOf(c))
		}
	})
	if len(leaves) < 30 {
		t.Fatalf("the walk found only %d commands: %v", len(leaves), leaves)
	}

	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			env := demoMeeting(t)
			dir := t.TempDir()
			data := demoWords(t, env["KLYNGE_DB"], dir)
			check := func(t *testing.T, what, out string) {
				t.Helper()
				if bad := msg.StrayWords(code.ReplaceAllString(out, " "), lang, data); len(bad) > 0 {
					t.Errorf("klynge %s in %s: words of the other language %v:\n%s", what, lang, bad, out)
				}
			}
			// Help of every command, found by walking the tree.
			for _, path := range all {
				args := append([]string{"--lang", lang}, strings.Fields(path)...)
				c, out, errOut := runKlynge(t, env, append(args, "--help")...)
				if c != 0 || out == "" || errOut != "" {
					t.Errorf("klynge %s --help: exit %d, stdout %q, stderr %q", path, c, out, errOut)
				}
				if head := map[string]string{"da": "Brug:", "en": "Usage:"}[lang]; !strings.Contains(out, head) {
					t.Errorf("klynge %s --help in %s has no %q:\n%s", path, lang, head, out)
				}
				check(t, path+" --help", out)
			}
			// A real call of every command: success on the demo meeting
			// where it makes sense, and an error in every group.
			calls := everyCommandCalls(dir)
			called, failed := map[string]bool{}, map[string]bool{}
			for _, inv := range calls {
				c, out, errOut := runKlynge(t, env, append([]string{"--lang", lang}, inv.args...)...)
				what := strings.Join(inv.args, " ")
				if c != inv.code {
					t.Errorf("klynge %s: exit %d, want %d\n%s%s", what, c, inv.code, out, errOut)
				}
				if c == 1 && strings.Count(strings.TrimSpace(errOut), "\n") > 0 && !strings.Contains(errOut, ":1:") {
					t.Errorf("klynge %s: an error of more than one line:\n%s", what, errOut)
				}
				if inv.script {
					out = ""
				}
				if inv.elsewhere != "" {
					bad := msg.StrayWords(code.ReplaceAllString(out+errOut, " "), lang, data)
					if len(bad) == 0 && lang == inv.elsewhereLang() {
						t.Errorf("klynge %s in %s speaks one language now: remove its mark %q", what, lang, inv.elsewhere)
					}
					if len(bad) > 0 {
						t.Logf("klynge %s in %s: words of the other language %v, left to %s", what, lang, bad, inv.elsewhere)
					}
				} else {
					check(t, what, out+errOut)
				}
				called[inv.cmd] = true
				if inv.code != 0 {
					failed[strings.Fields(inv.cmd + " root")[0]] = true
				}
			}
			for _, leaf := range leaves {
				if !called[leaf] {
					t.Errorf("klynge %s is never called: add a call to everyCommandCalls", leaf)
				}
				if group := strings.Fields(leaf + " root")[0]; !failed[group] {
					t.Errorf("no call of klynge %s fails: add an error to everyCommandCalls", group)
				}
			}
		})
	}
}

// elsewhereLang is the language in which a call marked elsewhere still
// speaks the other one: "da" or "en" from the mark's last word.
func (inv invocation) elsewhereLang() string {
	f := strings.Fields(inv.elsewhere)
	return f[len(f)-1]
}

// TestHelpLanguageChoice: the help is worded before cobra reads the flags,
// so the language is found in the raw arguments, then KLYNGE_LANG, then
// LANG; Danish unless one asks for English.
func TestHelpLanguageChoice(t *testing.T) {
	for _, tt := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--help"}, nil, "Brug:"},
		{[]string{"--lang", "en", "--help"}, nil, "Usage:"},
		{[]string{"meeting", "--lang=en", "new", "--help"}, nil, "Usage:"},
		{[]string{"--lang", "da", "--help"}, map[string]string{"KLYNGE_LANG": "en"}, "Brug:"},
		{[]string{"--help"}, map[string]string{"KLYNGE_LANG": "en"}, "Usage:"},
		{[]string{"--help"}, map[string]string{"LANG": "en_GB.UTF-8"}, "Usage:"},
		{[]string{"--help"}, map[string]string{"LANG": "da_DK.UTF-8"}, "Brug:"},
		{[]string{"--help"}, map[string]string{"LANG": "C.UTF-8"}, "Brug:"},
		{[]string{"pack", "check", "--", "--lang", "en"}, nil, "skal have 1 argument"},
	} {
		t.Run(strings.Join(tt.args, " ")+fmt.Sprint(tt.env), func(t *testing.T) {
			env := map[string]string{"KLYNGE_DB": filepath.Join(t.TempDir(), "k.db")}
			for k, v := range tt.env {
				env[k] = v
			}
			_, out, errOut := runKlynge(t, env, tt.args...)
			if !strings.Contains(out+errOut, tt.want) {
				t.Errorf("want %q in:\n%s%s", tt.want, out, errOut)
			}
		})
	}
}

// TestNoEnglishValidators: no command checks its arguments with cobra's
// own validators, whose errors are English; noArgs, exactArgs, maxArgs and
// minArgs word them through the catalogue.
func TestNoEnglishValidators(t *testing.T) {
	english := map[uintptr]string{}
	for name, f := range map[string]cobra.PositionalArgs{
		"cobra.NoArgs": cobra.NoArgs, "cobra.ArbitraryArgs": cobra.ArbitraryArgs,
		"cobra.ExactArgs": cobra.ExactArgs(1), "cobra.MaximumNArgs": cobra.MaximumNArgs(1),
		"cobra.MinimumNArgs": cobra.MinimumNArgs(1), "cobra.RangeArgs": cobra.RangeArgs(1, 2),
		"cobra.OnlyValidArgs": cobra.OnlyValidArgs,
	} {
		english[reflect.ValueOf(f).Pointer()] = name
	}
	if name := english[reflect.ValueOf(cobra.PositionalArgs(noArgs)).Pointer()]; name != "" {
		t.Fatalf("noArgs taken for %s: the check cannot tell validators apart", name)
	}
	walkCommands(commandTree(), func(c *cobra.Command) {
		if c.Args == nil {
			t.Errorf("klynge %s takes any arguments: give it noArgs, exactArgs, maxArgs or minArgs", pathOf(c))
			return
		}
		if name := english[reflect.ValueOf(c.Args).Pointer()]; name != "" {
			t.Errorf("klynge %s checks its arguments with %s, which words its errors in English", pathOf(c), name)
		}
	})
}

// everyCommandCalls are the real calls of TestCommandsSpeakOneLanguage, in
// order, on the demo meeting (demoMeeting); dir is a folder for output.
func everyCommandCalls(dir string) []invocation {
	out := func(name string) string { return filepath.Join(dir, name) }
	missing := filepath.Join(dir, "ingen-mappe", "x")
	return []invocation{
		{cmd: "", args: []string{}},
		{cmd: "", args: []string{"meting"}, code: 1},
		{cmd: "", args: []string{"--nosuch"}, code: 1},
		{cmd: "help", args: []string{"help", "meeting"}},
		{cmd: "help", args: []string{"help", "nosuch"}, code: 1},
		{cmd: "completion", args: []string{"completion"}},
		{cmd: "completion", args: []string{"completion", "nosuch"}, code: 1},
		{cmd: "completion bash", args: []string{"completion", "bash"}, script: true},
		{cmd: "completion zsh", args: []string{"completion", "zsh"}, script: true},
		{cmd: "completion fish", args: []string{"completion", "fish"}, script: true},
		{cmd: "completion powershell", args: []string{"completion", "powershell"}, script: true},
		{cmd: "version", args: []string{"version"}},
		{cmd: "version", args: []string{"version", "extra"}, code: 1},
		{cmd: "init", args: []string{"init"}},
		{cmd: "init", args: []string{"init", "--roster", missing}, code: 1},
		{cmd: "pack check", args: []string{"pack", "check", demoPackDir}},
		{cmd: "pack check", args: []string{"pack", "check"}, code: 1},
		{cmd: "pack check", args: []string{"pack", "check", missing}, code: 1},
		{cmd: "meeting new", args: []string{"meeting", "new", "--pack", demoPackDir, "--date", "2026-12-10"}},
		{cmd: "meeting new", args: []string{"meeting", "new"}, code: 1},
		{cmd: "meeting new", args: []string{"meeting", "new", "--pack", demoPackDir, "--start", "25.99"}, code: 1},
		{cmd: "meeting new", args: []string{"meeting", "new", "--pack"}, code: 1},
		{cmd: "meeting list", args: []string{"meeting", "list"}},
		{cmd: "meeting codes", args: []string{"meeting", "codes"}},
		{cmd: "meeting codes", args: []string{"meeting", "codes", "--show"}},
		{cmd: "meeting codes", args: []string{"meeting", "codes", "--meeting", "x"}, code: 1},
		{cmd: "meeting", args: []string{"meeting", "nwe"}, code: 1},
		{cmd: "data import", args: []string{"data", "import", "--dry-run", filepath.Join(demoPackDir, "data.csv")}},
		{cmd: "data import", args: []string{"data", "import", filepath.Join(demoPackDir, "data.csv")}},
		{cmd: "data import", args: []string{"data", "import"}, code: 1},
		{cmd: "data request", args: []string{"data", "request", "-o", out("")}},
		{cmd: "data request", args: []string{"data", "request", "-o", out("")}, code: 1},
		{cmd: "data request", args: []string{"data", "request"}, code: 1},
		{cmd: "data import", args: []string{"data", "import", "--dry-run", filepath.Join(demoPackDir, "data.csv"), demoRoster}, code: 1},
		{cmd: "data import", args: []string{"data", "import", "--region-from-file", filepath.Join(demoPackDir, "data.csv")}},
		{cmd: "data status", args: []string{"data", "status"}},
		{cmd: "data status", args: []string{"data", "status", "--csv"}},
		{cmd: "data status", args: []string{"data", "status", "--meeting", "99"}, code: 1},
		{cmd: "roster list", args: []string{"roster", "list"}},
		{cmd: "roster import", args: []string{"roster", "import", demoRoster}},
		{cmd: "roster import", args: []string{"roster", "import", "a", "b"}, code: 1},
		{cmd: "roster add", args: []string{"roster", "add", "--ydernummer", "047318", "--name", "Bodil Nyholm"}},
		{cmd: "roster add", args: []string{"roster", "add", "--ydernummer", "47318", "--name", "Bodil Nyholm"}, code: 1},
		{cmd: "roster add", args: []string{"roster", "add"}, code: 1},
		{cmd: "roster retire", args: []string{"roster", "retire", "abc"}, code: 1},
		{cmd: "attendance afbud", args: []string{"attendance", "afbud", "anne", "sør", "--reason", "kursus"}},
		{cmd: "attendance afbud", args: []string{"attendance", "afbud", "zyxw"}, code: 1},
		{cmd: "attendance guest", args: []string{"attendance", "guest", "--name", "Gitte Gæst", "--role", "farmaceut"}},
		{cmd: "attendance guest", args: []string{"attendance", "guest", "--remove", "9"}, code: 1},
		{cmd: "attendance report", args: []string{"attendance", "report"}},
		{cmd: "attendance report", args: []string{"attendance", "report", "--since", "igår"}, code: 1},
		{cmd: "attendance rule", args: []string{"attendance", "rule"}},
		{cmd: "attendance rule", args: []string{"attendance", "rule", "--max-missed", "2"}},
		{cmd: "attendance rule", args: []string{"attendance", "rule", "--max-missed", "-1"}, code: 1},
		{cmd: "attendance rule", args: []string{"attendance", "rule", "--max-missed", "x"}, code: 1},
		{cmd: "pledge add", args: []string{"pledge", "add", "--practice", "047318", "--action", "Spirometri til alle", "--due", "3m"}},
		{cmd: "pledge add", args: []string{"pledge", "add", "--practice", "047318", "--action", "Spirometri til alle", "--due", "igår"}, code: 1},
		{cmd: "pledge add", args: []string{"pledge", "add", "--practice", "zyxw", "--action", "Spirometri til alle", "--due", "3m"}, code: 1},
		{cmd: "pledge list", args: []string{"pledge", "list"}},
		{cmd: "pledge list", args: []string{"pledge", "list", "--open"}},
		{cmd: "export slips", args: []string{"export", "slips", "-o", dir}},
		{cmd: "export slips", args: []string{"export", "slips", "-o", dir}, code: 1},
		{cmd: "export slips", args: []string{"export", "slips"}, code: 1},
		{cmd: "export followup", args: []string{"export", "followup", "-o", out("opfoelgning.md")}},
		{cmd: "export followup", args: []string{"export", "followup", "-o", out("opfoelgning.pdf")}, code: 1},
		{cmd: "export minutes", args: []string{"export", "minutes", "-o", out("referat.md")}},
		{cmd: "export minutes", args: []string{"export", "minutes", "-o", missing + ".md"}, code: 1},
		{cmd: "export attendance", args: []string{"export", "attendance", "-o", out("fremmoede.csv")}},
		{cmd: "export attendance", args: []string{"export", "attendance", "--format", "pdf"}, code: 1},
		{cmd: "roster retire", args: []string{"roster", "retire", "1"}},
		{cmd: "evaluation", args: []string{"evaluation"}},
		{cmd: "evaluation", args: []string{"evaluation", "-o", out("evaluering.csv")}},
		{cmd: "evaluation", args: []string{"evaluation", "--format", "pdf"}, code: 1},
		{cmd: "decisions add", args: []string{"decisions", "add", "--item", "1", "--text", "Anonymiteten løftes", "--vote", "12-3-1", "--rule", "Anonymitet"}},
		{cmd: "decisions add", args: []string{"decisions", "add", "--item", "1", "--text", "x", "--vote", "flertal"}, code: 1},
		{cmd: "decisions add", args: []string{"decisions", "add", "--item", "99", "--text", "x", "--vote", "1-0"}, code: 1},
		{cmd: "decisions", args: []string{"decisions"}},
		{cmd: "decisions", args: []string{"decisions", "-o", out("beslutninger.md")}},
		{cmd: "decisions", args: []string{"decisions", "--format", "pdf"}, code: 1},
		{cmd: "plan add", args: []string{"plan", "add", "--date", "04-03-2027", "--place", "Lægehuset", "--topic", "KOL"}},
		{cmd: "plan add", args: []string{"plan", "add", "--date", "31-02-2027"}, code: 1},
		{cmd: "plan edit", args: []string{"plan", "edit", "1", "--start", "18:00"}},
		{cmd: "plan edit", args: []string{"plan", "edit", "x"}, code: 1},
		{cmd: "plan list", args: []string{"plan", "list"}},
		{cmd: "plan", args: []string{"plan", "--ics", out("aarshjul.ics")}},
		{cmd: "plan remove", args: []string{"plan", "remove", "99"}, code: 1},
		{cmd: "pack new", args: []string{"pack", "new", out("nypakke"), "--title", "Opioider"}},
		{cmd: "pack new", args: []string{"pack", "new", out("nypakke")}, code: 1},
		{cmd: "pack new", args: []string{"pack", "new", out("anden"), "--kind", "video"}, code: 1},
		{cmd: "check", args: []string{"check"}},
		{cmd: "check", args: []string{"check", "extra"}, code: 1},
		{cmd: "backup", args: []string{"backup"}},
		{cmd: "backup", args: []string{"backup", "--list"}},
		{cmd: "backup", args: []string{"backup", out("kopi.db")}},
		{cmd: "backup", args: []string{"backup", missing}, code: 1},
		{cmd: "restore", args: []string{"restore", out("kopi.db")}},
		{cmd: "restore", args: []string{"restore", missing}, code: 1},
		{cmd: "run", args: []string{"run"}, code: 1},
		{cmd: "run", args: []string{"run", "abc"}, code: 1},
		{cmd: "console", args: []string{"console"}, code: 1},
		{cmd: "demo", args: []string{"demo"}, code: 1},
	}
}
