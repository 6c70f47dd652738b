package meeting

import (
	"errors"
	"testing"
)

// FuzzParsePeriod reads periods as data files write them. It must never
// panic; a period it accepts has From on or before To, and its canonical
// String reads back as the same period; an error is a *PeriodError.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026", "2026Q3", "2026K3", "2026-Q3", "Q3 2026", "2026-09", "2026-9",
		"01.10.2025–30.09.2026", "1.10.2025-30.9.2026", "2025-10-01–2026-09-30", "31.02.2026–01.03.2026",
		"30.09.2026–01.10.2025", "2026Q5", "0000", "9999-99", "efterår", " 2026 ", "2026—2027"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			var pe *PeriodError
			if !errors.As(err, &pe) || pe.Key == "" || ErrorCode(err) != EINVALID {
				t.Fatalf("ParsePeriod(%q): %v, want a keyed *PeriodError", s, err)
			}
			return
		}
		if p.To.Before(p.From) {
			t.Fatalf("ParsePeriod(%q) ends before it begins: %v", s, p)
		}
		again, err := ParsePeriod(p.String())
		if err != nil || again != p {
			t.Fatalf("ParsePeriod(%q).String() = %q reads back as %v, %v", s, p.String(), again, err)
		}
		if len(p.Word(func(k string, _ ...any) string { return k })) == 0 {
			t.Fatalf("ParsePeriod(%q) words as nothing", s)
		}
	})
}
