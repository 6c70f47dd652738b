package msg

import (
	"slices"
	"strings"
	"unicode"

	"github.com/klynge/klynge/meeting"
)

// Words that mark a text as English or as Danish: common function words and
// the UI's own nouns and verbs, chosen so that none of them is also a
// common word of the other language. StrayWords uses them to find an
// English sentence on a Danish screen and the reverse.
var (
	englishMarkers = []string{"the", "is", "are", "and", "of", "with", "cannot", "has", "not", "was",
		"press", "meeting", "doctor", "doctors", "practice", "practices", "item", "items", "group", "groups",
		"round", "pledge", "pledges", "apologies", "guest", "guests", "wrote", "written", "saved", "left",
		"behind", "ahead", "error", "yes", "back", "next", "quit", "help", "keys", "attendance", "agenda",
		"planned", "started", "ended", "minutes", "names", "none", "only", "this", "that", "from"}
	danishMarkers = []string{"og", "er", "ikke", "af", "med", "mødet", "møde", "læge", "læger", "tryk",
		"skriv", "gæst", "gæster", "afbud", "tilbage", "fremmøde", "punkt", "dagsorden", "gruppe", "grupper",
		"tiltag", "frist", "gem", "fortryd", "hjælp", "afslut", "næste", "forrige", "planlagt", "bagud",
		"foran", "fejl", "taster", "ingen", "skrevet", "navne", "kun", "fra", "eller", "endnu"}
)

// commandSpan is a command line quoted in a message (`klynge meeting new`)
// or a flag's name (--meeting): code, in no language.
var commandSpan = meeting.LazyRegexp("`[^`]*`|--[a-z][a-z0-9-]*")

// StrayWords returns the words of text that belong to the language other
// than lang ("da" or "en"), in order of appearance, leaving out the words
// in data (names, titles and other texts users typed, which are in
// whatever language they were written). It is a heuristic for tests: it
// finds a stray English sentence on a Danish screen, not every stray word.
func StrayWords(text, lang string, data map[string]bool) []string {
	markers := englishMarkers
	if Lang(lang) == "en" {
		markers = danishMarkers
	}
	var out []string
	for _, w := range Tokens(commandSpan().ReplaceAllString(text, " ")) {
		if slices.Contains(markers, w) && !data[w] {
			out = append(out, w)
		}
	}
	return out
}

// Tokens splits text into lower-case words of letters.
func Tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
}
