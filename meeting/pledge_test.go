package meeting_test

import (
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

func TestParseDue(t *testing.T) {
	now := time.Date(2026, 11, 23, 19, 5, 0, 0, time.UTC)
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"næste", "23-02-2027", true},
		{"1m", "23-12-2026", true},
		{"3m", "23-02-2027", true},
		{"24-02-2027", "24-02-2027", true},
		{"2027-02-24", "24-02-2027", true},
		{"23.11.2026", "23-11-2026", true},
		{"22-11-2026", "", false},
		{"i morgen", "", false},
		{"31-02-2027", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := meeting.ParseDue(tt.in, now)
			if (err == nil) != tt.ok {
				t.Fatalf("ParseDue(%q) error %v, want ok=%v", tt.in, err, tt.ok)
			}
			if err != nil {
				if meeting.ErrorCode(err) != meeting.EINVALID {
					t.Errorf("code %q", meeting.ErrorCode(err))
				}
				return
			}
			if got.Format("02-01-2006") != tt.want {
				t.Errorf("ParseDue(%q) = %s, want %s", tt.in, got.Format("02-01-2006"), tt.want)
			}
		})
	}
}
