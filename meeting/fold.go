package meeting

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form names are compared in when a coordinator
// finds someone by typing part of a name: lower case, accents dropped
// (é → e, ö → o), and the Danish letters and their usual spellings on a
// keyboard without them made equal: æ = ae, ø = oe = o, å = aa = a. So
// "aase" finds "Åse", "soren", "soeren" and "sø" find "Søren", "ae" finds
// "Ærø" and "jose" finds "José". MatchesName compares with it (and with
// the spelled-out form, see there).
func Fold(s string) string { return fold(s, true) }

// fold lowers s and drops its accents. Letters NFD cannot split (æ, ø, ß)
// are spelled out, and so is å, whose ring NFD would drop. With contract,
// å and ø become a and o instead, and then the spellings aa and oe
// become a and o too, so a query typed with either spelling matches a
// name written with the other.
func fold(s string, contract bool) string {
	b := make([]byte, 0, len(s)+4)
	var dec []byte
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case r == 'æ':
			b = append(b, "ae"...)
		case r == 'ø' && contract:
			b = append(b, 'o')
		case r == 'ø':
			b = append(b, "oe"...)
		case r == 'å' && contract:
			b = append(b, 'a')
		case r == 'å':
			b = append(b, "aa"...)
		case r == 'ß':
			b = append(b, "ss"...)
		default:
			// NFD splits a letter from its accents (é is e + acute), so
			// dropping the combining marks leaves the base letter.
			dec = norm.NFD.AppendString(dec[:0], string(r))
			for _, d := range string(dec) {
				if !unicode.Is(unicode.Mn, d) {
					b = utf8.AppendRune(b, d)
				}
			}
		}
	}
	if !contract {
		return string(b)
	}
	out := b[:0] // contracting never makes the text longer
	for i := 0; i < len(b); i++ {
		out = append(out, b[i])
		if i+1 < len(b) && (b[i] == 'a' && b[i+1] == 'a' || b[i] == 'o' && b[i+1] == 'e') {
			i++
		}
	}
	return string(out)
}

// MatchesFilter reports whether a member's name or practice name contains
// every word of the filter, as MatchesName, so "sør han" and "soren
// hansen" find "Søren Ærø-Hansen".
func MatchesFilter(filter, memberName, practiceName string) bool {
	return MatchesName(filter, memberName, practiceName)
}

// MatchesName reports whether every word of query is part of one of the
// names, ignoring case and accents and with Danish folding (see Fold). A
// word matches when it is part of a name in the folded form, or in the
// spelled-out form (æ = ae, ø = oe, å = aa), so "ensen" still finds
// "Joensen", whose "oe" the folded form shortens. An empty query matches
// everything.
func MatchesName(query string, names ...string) bool {
	words := strings.Fields(query)
	if len(words) == 0 {
		return true
	}
	folded := make([]string, len(names))
	spelled := make([]string, len(names))
	for i, n := range names {
		folded[i], spelled[i] = fold(n, true), fold(n, false)
	}
	for _, word := range words {
		fw, sw := fold(word, true), fold(word, false)
		found := false
		for i := range names {
			if strings.Contains(folded[i], fw) || strings.Contains(spelled[i], sw) {
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
