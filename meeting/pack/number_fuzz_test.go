package pack

import (
	"math"
	"strconv"
	"testing"
)

// FuzzParseNumber reads numbers as Danish and English spreadsheets write
// them. It must never panic, never return NaN or ±Inf, and read back what
// formatNumber (the Danish way) writes.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.650,5", "61.5", "1 650", "-0,25", "1e5", "NaN", "0x10", ",5", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseNumber(s)
		if !ok {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("parseNumber(%q) = %v", s, v)
		}
		back, ok := parseNumber(formatNumber(v))
		if !ok || back != v {
			t.Fatalf("parseNumber(%q) = %v; formatNumber gives %q, which reads as %v, %v", s, v, formatNumber(v), back, ok)
		}
		_ = strconv.FormatFloat(v, 'f', -1, 64)
	})
}
