package meeting

import (
	"strings"
	"testing"
	"time"
)

// FuzzParseDue reads due dates as a coordinator types them. It must never
// panic; a date it accepts is on or after today, and an error is a
// one-line message.
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
				if msg := ErrorMessage(err); msg == "" || strings.ContainsAny(msg, "\r\n") {
					t.Fatalf("ParseDue(%q): message %q", s, msg)
				}
				continue
			}
			if d.Before(time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, d.Location())) {
				t.Fatalf("ParseDue(%q) = %v, before the meeting's day", s, d)
			}
		}
	})
}
