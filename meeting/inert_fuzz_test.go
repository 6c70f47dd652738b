package meeting

import (
	"testing"
	"unicode/utf8"
)

// FuzzInert checks that what Inert and InertLines return holds no control
// character (InertLines keeps "\n" only), whatever the input. It found
// that a control character after the first non-ASCII one passed through
// (testdata/fuzz/FuzzInert).
func FuzzInert(f *testing.F) {
	for _, s := range []string{"Møde\rtitel", "Rød\x1b[31m", "ø\x00", "a\u202eb", "\xff", "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lines := range []bool{false, true} {
			out := inert(s, lines)
			if !utf8.ValidString(out) {
				t.Fatalf("inert(%q, %v) = %q is not UTF-8", s, lines, out)
			}
			for _, r := range out {
				if r == '\n' && lines {
					continue
				}
				if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidiControl(r) || r == '\u2028' || r == '\u2029' {
					t.Fatalf("inert(%q, %v) = %q holds %U", s, lines, out, r)
				}
			}
		}
	})
}
