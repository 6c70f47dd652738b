package msg

import (
	"slices"
	"testing"
)

// TestStrayWordsCanFail plants an English sentence in a Danish line and a
// Danish one in an English line.
func TestStrayWordsCanFail(t *testing.T) {
	for _, c := range []struct {
		text, lang string
		data       map[string]bool
		want       []string
	}{
		{`✗ Fejl: "Evaluering" is done and cannot be skipped`, "da", nil, []string{"is", "and", "cannot"}},
		{"1 læge til stede · 1 praksis · 0 afbud · 1 gæst", "da", nil, nil},
		{"Error: the meeting er i gang", "en", nil, []string{"er"}},
		{"KOL – diagnostik og opfølgning is running", "en", map[string]bool{"og": true}, nil},
		{"angiv --meeting og `klynge meeting list`, ikke meeting", "da", nil, []string{"meeting"}},
	} {
		if got := StrayWords(c.text, c.lang, c.data); !slices.Equal(got, c.want) {
			t.Errorf("%q in %s: got %v, want %v", c.text, c.lang, got, c.want)
		}
	}
}

// TestEveryMessageInItsLanguage: no Danish text of the catalogue holds an
// English marker word, and no English text a Danish one.
func TestEveryMessageInItsLanguage(t *testing.T) {
	allowed := map[string]bool{}
	for _, e := range Entries() {
		if bad := StrayWords(pluralForm().ReplaceAllString(e.DA, "$2 $3"), "da", allowed); len(bad) > 0 {
			t.Errorf("%s: Danish text %q holds %v", e.Key, e.DA, bad)
		}
		if bad := StrayWords(pluralForm().ReplaceAllString(e.EN, "$2 $3"), "en", allowed); len(bad) > 0 {
			t.Errorf("%s: English text %q holds %v", e.Key, e.EN, bad)
		}
	}
}
