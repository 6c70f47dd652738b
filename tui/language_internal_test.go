package tui

import (
	"io/fs"
	"os"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting/msg"
)

// dataWords are the words of the demo pack and roster and of the test
// data typed into the layout model: names and titles stay in the language
// they were written in, whatever the UI language.
func dataWords(t *testing.T) map[string]bool {
	t.Helper()
	words := map[string]bool{}
	add := func(b []byte) {
		for _, w := range msg.Tokens(string(b)) {
			words[w] = true
		}
	}
	demo := klynge.DemoFS()
	err := fs.WalkDir(demo, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(demo, path)
		add(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"layout_internal_test.go", "help_internal_test.go", "history_internal_test.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add(b)
	}
	return words
}

// TestScreensSpeakOneLanguage renders every screen in Danish and in
// English and fails on a word of the other language that is not data
// (msg.StrayWords), e.g. an English domain error on a Danish screen.
func TestScreensSpeakOneLanguage(t *testing.T) {
	data := dataWords(t)
	for _, lang := range []string{"da", "en"} {
		for _, sc := range layoutScreens() {
			t.Run(lang+"_"+sc.name, func(t *testing.T) {
				m := layoutModelIn(t, 120, 35, lang)
				sc.open(m)
				view := ansi.Strip(m.View())
				if bad := msg.StrayWords(view, lang, data); len(bad) > 0 {
					t.Errorf("words of the other language %v on the %s screen:\n%s", bad, lang, view)
				}
			})
		}
	}
}

// TestScreenLanguageCheckCanFail plants an English domain error on a
// Danish screen.
func TestScreenLanguageCheckCanFail(t *testing.T) {
	m := layoutModelIn(t, 120, 35, "da")
	m.err = errPlanted{}
	view := ansi.Strip(m.View())
	if bad := msg.StrayWords(view, "da", dataWords(t)); len(bad) == 0 {
		t.Errorf("a planted English error was not found:\n%s", view)
	}
}

type errPlanted struct{}

func (errPlanted) Error() string { return `"Evaluering" is done and cannot be skipped` }
