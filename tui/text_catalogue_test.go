package tui

import (
	"reflect"
	"strings"
	"testing"
)

// TestTextFromCatalogue fails when a field of Text has no message in the
// catalogue (meeting/msg) in either language: Language would then show
// the key itself.
func TestTextFromCatalogue(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		txt := Language(lang)
		v := reflect.ValueOf(txt)
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Type.Kind() != reflect.String {
				continue
			}
			if s := v.Field(i).String(); s == "" || strings.HasPrefix(s, "tui.") {
				t.Errorf("%s: Text.%s = %q: add \"tui.%s\" to meeting/msg/catalog_tui.go", lang, f.Name, s, f.Name)
			}
		}
		for _, w := range append(txt.Weekdays[:], txt.Months[:]...) {
			if w == "" {
				t.Errorf("%s: a weekday or month has no name", lang)
			}
		}
	}
}

// TestPluralsOnCheckin is the "1 læger til stede · 1 gæster".
func TestPluralsOnCheckin(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    []any
		want string
	}{
		{"da", []any{1, 1, 0, 1}, "1 læge til stede · 1 praksis · 0 afbud · 1 gæst"},
		{"da", []any{2, 2, 2, 2}, "2 læger til stede · 2 praksis · 2 afbud · 2 gæster"},
		{"en", []any{1, 1, 1, 1}, "1 doctor present · 1 practice · 1 apology · 1 guest"},
		{"en", []any{2, 0, 2, 2}, "2 doctors present · 0 practices · 2 apologies · 2 guests"},
	} {
		if got := Language(c.lang).T("tui.CheckinCounts", c.n...); got != c.want {
			t.Errorf("%s %v: got %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}
