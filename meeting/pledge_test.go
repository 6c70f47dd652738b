package meeting_test

import (
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

func TestParseDueNextMeeting(t *testing.T) {
	meetingDay := time.Date(2026, 11, 23, 17, 30, 0, 0, time.UTC)
	next := time.Date(2027, 3, 4, 17, 30, 0, 0, time.UTC)
	got, err := meeting.ParseDue("next", meetingDay, meetingDay, &next)
	if err != nil || got.Format("02-01-2006") != "04-03-2027" {
		t.Fatalf("next meeting: %v %v", got, err)
	}
	// Months count from the meeting, the past from today.
	later := meetingDay.AddDate(0, 0, 10)
	if got, err := meeting.ParseDue("1m", meetingDay, later, nil); err != nil || got.Format("02-01-2006") != "23-12-2026" {
		t.Fatalf("1m from the meeting: %v %v", got, err)
	}
	if _, err := meeting.ParseDue("25-11-2026", meetingDay, later, nil); err == nil {
		t.Fatal("a date before today is refused")
	}
}

func TestParseDue(t *testing.T) {
	now := time.Date(2026, 11, 23, 19, 5, 0, 0, time.UTC)
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"næste", "23-02-2027", true},
		{"6m", "23-05-2027", true},
		{"0m", "", false},
		{"", "", false},
		{"24/02/2027", "24-02-2027", true},
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
			got, err := meeting.ParseDue(tt.in, now, now, nil)
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
