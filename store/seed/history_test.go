package seed_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store/seed"
)

// TestMeetingHistoryIsMeetingsWithoutFigures: the screen's list of every
// meeting (the evaluation trend, the decisions in force, "næste") is
// Meetings with the figures, codes, consents, arrivals, attendance,
// guests and groups left out, and of each pack only the agenda, and
// nothing else missing or different.
func TestMeetingHistoryIsMeetingsWithoutFigures(t *testing.T) {
	ctx := context.Background()
	s, _ := seeded(t, seed.Options{Seed: 1, Years: 2})
	all, err := s.Meetings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hist, err := s.MeetingHistory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != len(all) || len(all) != 9 {
		t.Fatalf("history has %d meetings, Meetings %d; want 9", len(hist), len(all))
	}
	var figures, attendance, evaluations int
	for i := range all {
		full := all[i]
		figures += len(full.Values)
		attendance += len(full.Attendance)
		evaluations += len(full.Evaluation().Entries)
		full.Values, full.Codes, full.Consents, full.Arrivals, full.Regions = nil, nil, nil, nil, nil
		full.Attendance, full.Guests, full.Groups = nil, nil, nil
		full.Pack = meeting.Pack{Agenda: full.Pack.Agenda}
		if !reflect.DeepEqual(hist[i], full) {
			t.Errorf("meeting %d (%s): history differs from Meetings beyond the figures:\n got %+v\nwant %+v", full.ID, full.Title, hist[i], full)
		}
	}
	// The history must be what the screen uses it for, and lighter.
	if figures == 0 || attendance == 0 || evaluations == 0 {
		t.Fatalf("the seeded history should have figures (%d), attendance (%d) and evaluations (%d)", figures, attendance, evaluations)
	}
	if tr := meeting.EvaluationTrend(hist, all[0].PlannedStart); len(tr) == 0 {
		t.Error("no evaluation trend from the history")
	}
}
