package meeting_test

import (
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// TestNextFromThePlan resolves "næste" for meetings before, on and after
// a planned date: the plan's next entry on a later day counts, one on the
// meeting's own day or before does not, a created meeting counts too, and
// without any the due date is three months on.
func TestNextFromThePlan(t *testing.T) {
	loc := time.FixedZone("CET", 3600)
	at := func(m, d int) time.Time { return time.Date(2027, time.Month(m), d, 17, 30, 0, 0, loc) }
	plan := []meeting.PlannedMeeting{
		{ID: 1, ClusterID: 1, Start: at(3, 4), Topic: "KOL"},
		{ID: 2, ClusterID: 1, Start: at(6, 10), Topic: "Opioider"},
		{ID: 3, ClusterID: 2, Start: at(4, 1), Topic: "Another cluster"},
	}
	mt := func(id int64, m, d int) meeting.Meeting {
		return meeting.Meeting{ID: id, ClusterID: 1, PlannedStart: at(m, d)}
	}
	now := at(1, 1)
	for _, tc := range []struct {
		name    string
		m       meeting.Meeting
		created []meeting.Meeting
		want    time.Time
	}{
		{"before the first planned date", mt(1, 2, 1), nil, at(3, 4)},
		{"on a planned date", mt(1, 3, 4), nil, at(6, 10)},
		{"between", mt(1, 3, 20), nil, at(6, 10)},
		{"after the last planned date", mt(1, 6, 11), nil, at(9, 11)},
		{"a created meeting before the plan's next", mt(1, 2, 1), []meeting.Meeting{mt(2, 2, 20)}, at(2, 20)},
		{"a created meeting after the plan's next", mt(1, 2, 1), []meeting.Meeting{mt(2, 5, 1)}, at(3, 4)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := meeting.DueDate("næste", tc.m, append(tc.created, tc.m), now, plan...)
			if err != nil {
				t.Fatal(err)
			}
			want := time.Date(tc.want.Year(), tc.want.Month(), tc.want.Day(), 0, 0, 0, 0, loc)
			if !got.Equal(want) {
				t.Errorf("næste = %s, want %s", got.Format("02-01-2006"), want.Format("02-01-2006"))
			}
		})
	}
}

func TestPlanValidate(t *testing.T) {
	ok := meeting.PlannedMeeting{Start: time.Date(2027, 3, 4, 17, 30, 0, 0, time.UTC), Place: "Lægehuset 🏥", Topic: "KOL", Host: "Lægehuset"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]meeting.PlannedMeeting{
		"no date":         {Place: "x"},
		"escape in place": {Start: ok.Start, Place: "Sal\x1b[2J"},
		"long topic":      {Start: ok.Start, Topic: strings.Repeat("x", 400)},
		"newline host":    {Start: ok.Start, Host: "a\nb"},
	} {
		if p.Validate() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
