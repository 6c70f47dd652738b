package tui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestFitNamesIsThePlainSearch: the console's list of who is missing
// passes over lengths that cannot fit without wrapping them; it must pick
// the same names and lines as trying every length from all names down.
func TestFitNamesIsThePlainSearch(t *testing.T) {
	first := []string{"Søren", "Åse", "Ole", "Mette-Marie", "Jørgen", "Inger", "Ib", "Hanne", "Lars", "Pia", "Anne\u00a0Sofie", "Kristoffersen-Vestergaard-Hansen"}
	last := []string{"Ærø-Hansen", "Bødker", "Skærbæk", "Kjærgaard", "Vestergård", "Gråbøl", "Ødum", "Bæk", "日本語", "Dræby"}
	text := Language("da")
	rng := rand.New(rand.NewPCG(7, 8))
	for range 400 {
		names := make([]string, 1+rng.IntN(70))
		for i := range names {
			names[i] = first[rng.IntN(len(first))] + strings.Repeat(" ", 1+rng.IntN(2)) + last[rng.IntN(len(last))]
		}
		width, most := 20+rng.IntN(190), 1+rng.IntN(4)
		calls := 0
		wrapped := func(n int) []string {
			calls++
			shown := names[:n:n]
			if n < len(names) {
				shown = append(shown, fmt.Sprintf("%d andre", len(names)-n))
			}
			return wrapIndent("Mangler: "+text.joinNames(shown), width, 2)
		}
		var want []string
		for n := len(names); n > 0; n-- {
			if want = wrapped(n); len(want) <= most {
				break
			}
		}
		plain := calls
		calls = 0
		if got := fitNames(names, width, most, wrapped); !slices.Equal(got, want) {
			t.Fatalf("width %d, most %d, %d names:\n got %q\nwant %q", width, most, len(names), got, want)
		}
		if len(names) > 40 && width < 100 && calls*3 > plain {
			t.Errorf("width %d, %d names: %d wraps, the plain search %d: nothing passed over", width, len(names), calls, plain)
		}
	}
}
