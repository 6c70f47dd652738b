package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

// TestCommandsSpeakOneLanguage runs the commands whose wording is in the
// catalogue in Danish (the default) and in English and fails on a word of
// the other language that is not data. Commands not listed here still
// print English; see the catalogue's cliEntries for what is covered.
func TestCommandsSpeakOneLanguage(t *testing.T) {
	env := demoMeeting(t)
	dir := t.TempDir()
	data := demoWords(t, env["KLYNGE_DB"], dir)
	commands := [][]string{
		{"version"},
		{"meeting", "list"},
		{"meeting", "codes"},
		{"meeting", "codes", "--show"},
		{"attendance", "rule"},
		{"attendance", "rule", "--max-missed", "-1"},
		{"attendance", "afbud", "anne", "sør", "--reason", "kursus"},
		{"attendance", "guest", "--name", "Gitte Gæst", "--role", "farmaceut"},
		{"pledge", "list"},
		{"pledge", "add", "--practice", "047318", "--action", "Spirometri til alle", "--due", "3m"},
		{"pledge", "add", "--practice", "047318", "--action", "Spirometri til alle", "--due", "igår"},
		{"pledge", "list"},
		{"roster", "list"},
		{"export", "slips", "-o", dir},
		{"export", "slips", "-o", dir},
	}
	for _, lang := range []string{"da", "en"} {
		for _, args := range commands {
			t.Run(lang+"_"+strings.Join(args, "_"), func(t *testing.T) {
				_, out, errOut := runKlynge(t, env, append([]string{"--lang", lang}, args...)...)
				if bad := msg.StrayWords(out+errOut, lang, data); len(bad) > 0 {
					t.Errorf("klynge %s in %s: words of the other language %v:\n%s%s", strings.Join(args, " "), lang, bad, out, errOut)
				}
			})
		}
	}
}
