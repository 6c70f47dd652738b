package msg

import "testing"

// TestTWithoutArgsIsTheFormatted: T returns a text with nothing to format
// without x/text (a fast path for the help texts built at every start);
// it must be what x/text's printer gives for it, in both languages.
func TestTWithoutArgsIsTheFormatted(t *testing.T) {
	for i, lang := range Langs {
		p := For(lang)
		for key, e := range table() {
			s := p.text(e)
			if hasForms(s) {
				continue
			}
			if got, want := p.T(key), plain[i]().Sprintf(s); got != want {
				t.Errorf("%s: T(%q) = %q, want %q", lang, key, got, want)
			}
		}
	}
}
