package tui_test

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/klynge/klynge/tui"
)

const (
	keysBegin = "<!-- keys: generated from the KeyMap by tui.KeyReference; refresh with go test ./tui -run TestREADMEKeys -update -->\n"
	keysEnd   = "<!-- end of keys -->\n"
)

// TestREADMEKeys checks the README's key table against the KeyMap and the
// screens' help: every key the table lists is one the screen offers, and
// every key a screen offers is in the table.
func TestREADMEKeys(t *testing.T) {
	const path = "../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	begin, end := strings.Index(s, keysBegin), strings.Index(s, keysEnd)
	if begin < 0 || end < begin {
		t.Fatalf("README.md has no generated key table between %q and %q", keysBegin, keysEnd)
	}
	want := tui.KeyTable(tui.KeyReference("en"))
	got := s[begin+len(keysBegin) : end]
	if got == want {
		return
	}
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		s = s[:begin+len(keysBegin)] + want + s[end:]
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's key table differs from the KeyMap; run go test ./tui -run TestREADMEKeys -update\nwant:\n%s\ngot:\n%s", want, got)
}

// The Danish reference has a description for every key too.
func TestKeyReferenceIsComplete(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		for _, r := range tui.KeyReference(lang) {
			if r.Keys == "" || r.What == "" {
				t.Errorf("%s: %+v has no key or no description", lang, r)
			}
		}
	}
}
