package export

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/charmbracelet/x/ansi"
)

// TestTableWriterIsTabwriterForASCII writes random ragged tables, in
// random pieces, both ways: where every character takes one cell the
// layout must be tabwriter's to the byte, so no output a test or a
// coordinator knows changes.
func TestTableWriterIsTabwriterForASCII(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"", "a", "ab", "Klynge", "047318", "Lægerne Østergade", "x y", "12"}
	for n := range 2000 {
		var src strings.Builder
		for range rng.IntN(8) {
			for c := range rng.IntN(5) {
				if c > 0 {
					src.WriteByte('\t')
				}
				src.WriteString(words[rng.IntN(len(words))])
			}
			if rng.IntN(6) > 0 {
				src.WriteByte('\n')
			}
		}
		text := src.String()
		var want, got bytes.Buffer
		tw := tabwriter.NewWriter(&want, 0, 4, 2, ' ', 0)
		table := NewTableWriter(&got)
		for rest := text; rest != ""; {
			k := 1 + rng.IntN(len(rest))
			tw.Write([]byte(rest[:k]))
			table.Write([]byte(rest[:k]))
			if want.String() != got.String() {
				t.Fatalf("case %d: after writing %q of %q:\n got %q\nwant %q", n, rest[:k], text, got.String(), want.String())
			}
			rest = rest[k:]
		}
		tw.Flush()
		table.Flush()
		if want.String() != got.String() {
			t.Fatalf("case %d: %q:\n got %q\nwant %q", n, text, got.String(), want.String())
		}
	}
}

// TestTableWriterAlignsWideText: names with East Asian characters, emoji
// and combining accents start each column at the same terminal cell as
// the plain rows around them.
func TestTableWriterAlignsWideText(t *testing.T) {
	tests := []struct{ name, cell string }{
		{"plain", "Lægerne Østergade"},
		{"East Asian", "李医生诊所"},
		{"emoji", "Klinik 🩺"},
		{"combining accent", "Rene\u0301e Hansen"},
		{"flag", "Lægehus 🇩🇰"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			w := NewTableWriter(&out)
			w.Write([]byte("ydernummer\tpraksis\tlæge\n"))
			w.Write([]byte("047318\tLægerne\tÅse\n"))
			w.Write([]byte("112905\t" + tt.cell + "\tJens\n"))
			w.Write([]byte("150237\tNørregade\tLise\n"))
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			col := -1
			for _, l := range lines {
				last := l[strings.LastIndex(strings.TrimRight(l, " "), "  ")+2:]
				at := ansi.StringWidth(strings.TrimSuffix(l, last))
				if col >= 0 && at != col {
					t.Errorf("the last column starts at cell %d here, %d above:\n%s", at, col, out.String())
				}
				col = at
			}
		})
	}
}
