package meeting

import (
	"errors"
	"testing"
	"time"
)

// FuzzParseDue reads due dates as a coordinator types them. It must never
// panic; a date it accepts is on or after today, and an error is a keyed
// EINVALID error for the catalogue to word.
func FuzzParseDue(f *testing.F) {
	for _, s := range []string{"næste", "next", "1m", "3m", "60m", "61m", "24-02-2027", "24.02.2027", "24/02/2027", "2027-02-24", "29-02-2028", "31-04-2027", "0m", "-1m", " 3m "} {
		f.Add(s)
	}
	from := time.Date(2026, 12, 3, 17, 30, 0, 0, time.UTC)
	next := time.Date(2027, 3, 4, 17, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range []*time.Time{nil, &next} {
			d, err := ParseDue(s, from, from, n)
			if err != nil {
				// The catalogue words it (meeting/msg tests the wording).
				var e *Error
				if !errors.As(err, &e) || e.Key == "" || e.Code != EINVALID {
					t.Fatalf("ParseDue(%q): %v, want a keyed EINVALID error", s, err)
				}
				continue
			}
			if d.Before(time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, d.Location())) {
				t.Fatalf("ParseDue(%q) = %v, before the meeting's day", s, d)
			}
		}
	})
}
