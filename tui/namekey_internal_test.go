package tui

import (
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// TestNameLessIsTheCollator: nameLess compares cached collation keys as
// bytes; for every pair of these names it must order as the Danish
// collator's own comparison does, so that sorted lists (and the goldens)
// stay as they were.
func TestNameLessIsTheCollator(t *testing.T) {
	names := []string{
		"", "Aase", "Åse", "Aarhus Lægehus", "Ærø", "Øster", "Zealand", "zebra", "Æble", "æble",
		"Lægerne Syd", "Lægerne syd", "Lægerne  Syd", "Løkke", "Lokke", "Müller", "Muller", "Ølby",
		"Émile", "Emile", "李医生", "Jens Møller", "Jens Moller", "12 Lægehuset", "Ålborg", "Aalborg",
	}
	c := &Common{}
	want := collate.New(language.Danish)
	for _, a := range names {
		for _, b := range names {
			if got, w := c.nameLess(a, b), want.CompareString(a, b) < 0; got != w {
				t.Errorf("nameLess(%q, %q) = %v, the collator says %v", a, b, got, w)
			}
		}
	}
	if len(c.nameKeys) != len(names) {
		t.Errorf("%d keys cached for %d names", len(c.nameKeys), len(names))
	}
}
