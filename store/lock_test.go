package store

import (
	"testing"
	"time"
)

func TestSinceText(t *testing.T) {
	cph := time.FixedZone("CET", 3600)
	now := time.Date(2025, 3, 4, 18, 0, 0, 0, cph)
	for _, tc := range []struct {
		since time.Time
		want  string
	}{
		{time.Date(2025, 3, 4, 17, 31, 59, 0, cph), "17:31"},
		{time.Date(2025, 3, 4, 16, 31, 0, 0, time.UTC), "17:31"},
		{time.Date(2025, 3, 3, 23, 5, 0, 0, cph), "2025-03-03 23:05"},
	} {
		if got := sinceText(tc.since, now); got != tc.want {
			t.Errorf("sinceText(%v) = %q, want %q", tc.since, got, tc.want)
		}
	}
}
