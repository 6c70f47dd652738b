package meeting

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form names are compared in when a coordinator
// finds someone by typing part of a name: lower case, accents dropped
// (é → e, å → a), and the Danish letters and their usual spellings on a
// keyboard without them made equal: æ = ae, ø = oe = o, å = aa = a. So
// "aase" finds "Åse", "soren", "soeren" and "sø" find "Søren", "ae" finds
// "Ærø" and "jose" finds "José". Both the query and the name must be
// folded; then a plain substring test decides.
func Fold(s string) string {
	s = strings.ToLower(s)
	// NFD splits a letter from its accents (å is a + ring, é is e + acute),
	// so dropping the combining marks leaves the base letter. æ and ø are
	// letters of their own and need a table.
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if out, _, err := transform.String(t, s); err == nil {
		s = out
	}
	// Two passes, so that what the first writes ("ø" → "o" before an "e")
	// is folded by the second exactly as the same letters typed would be.
	s = strings.NewReplacer("æ", "ae", "ø", "o", "ß", "ss").Replace(s)
	// aa and oe become one letter, so a query typed with either spelling
	// matches a name written with the other.
	return strings.NewReplacer("aa", "a", "oe", "o").Replace(s)
}

// MatchesFilter reports whether a member's name or practice name contains
// every word of the filter, compared folded (see Fold), so "sør han" and
// "soren hansen" find "Søren Ærø-Hansen".
func MatchesFilter(filter, memberName, practiceName string) bool {
	return MatchesName(filter, memberName, practiceName)
}

// MatchesName reports whether every word of query is part of one of the
// names (compared folded, see Fold). An empty query matches everything.
func MatchesName(query string, names ...string) bool {
	hay := make([]string, len(names))
	for i, n := range names {
		hay[i] = Fold(n)
	}
	for _, word := range strings.Fields(query) {
		w := Fold(word)
		found := false
		for _, h := range hay {
			if strings.Contains(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// SameName reports whether a and b are the same name, folded (see Fold)
// and with runs of spaces as one.
func SameName(a, b string) bool {
	return Fold(strings.Join(strings.Fields(a), " ")) == Fold(strings.Join(strings.Fields(b), " "))
}
