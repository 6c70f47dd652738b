package store

import (
	"context"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// TestRecordWrites checks that the cheap writes store what the meeting
// then reads back, and refuse what the full writes refuse.
func TestRecordWrites(t *testing.T) {
	f := mustPledgeFixture(t)
	s, m := f.s, f.m1
	ctx := context.Background()
	ids := memberIDs(f.c)
	at := m.PlannedStart.Add(time.Minute)
	plenum := m.Items[len(m.Items)-1]
	other := m.Items[0]

	t.Run("attendance and its log", func(t *testing.T) {
		a := meeting.Attendance{MemberID: ids["Åse Bødker"], Status: meeting.StatusApologies, Reason: " syg ", At: at}
		if err := s.RecordAttendance(ctx, m.ID, a); err != nil {
			t.Fatal(err)
		}
		got, err := s.Meeting(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r := got.Attendance[a.MemberID]; r.Status != meeting.StatusApologies || r.Reason != "syg" || !r.At.Equal(at) {
			t.Errorf("attendance %+v", r)
		}
		if err := s.RecordAttendance(ctx, m.ID, meeting.Attendance{MemberID: a.MemberID}); err != nil {
			t.Fatal(err)
		}
		log, err := s.AttendanceLog(ctx, m.ID)
		if err != nil || len(log) != 2 || log[1].Status != meeting.StatusNotChecked {
			t.Errorf("log %+v (%v)", log, err)
		}
	})
	refused := []struct {
		name  string
		write func() error
		code  string
	}{
		{"a retired member", func() error {
			return s.RecordAttendance(ctx, m.ID, meeting.Attendance{MemberID: ids["Ole Gammel"], Status: meeting.StatusPresent, At: at})
		}, meeting.ECONFLICT},
		{"a member of another cluster's meeting", func() error {
			return s.RecordAttendance(ctx, f.other.ID, meeting.Attendance{MemberID: ids["Åse Bødker"], Status: meeting.StatusPresent, At: at})
		}, meeting.EINVALID},
		{"consent of a practice of another cluster", func() error {
			return s.RecordConsent(ctx, f.other.ID, "112905", true, at)
		}, meeting.EINVALID},
		{"a timer of another meeting's item", func() error {
			return s.RecordTimer(ctx, f.other.ID, plenum.ID, meeting.Timer{Planned: time.Minute})
		}, meeting.ENOTFOUND},
		{"a note for a group the meeting lacks", func() error {
			return s.RecordNote(ctx, m.ID, plenum.ID, 1, "tekst")
		}, meeting.ENOTFOUND},
		{"a presenting group on a non-plenum item", func() error {
			it := other
			it.Presenting = 1
			return s.RecordRunState(ctx, m.ID, nil, []meeting.RunItem{it})
		}, meeting.ENOTFOUND},
	}
	for _, r := range refused {
		t.Run("refuses "+r.name, func(t *testing.T) {
			if err := r.write(); meeting.ErrorCode(err) != r.code {
				t.Errorf("got %v, want code %s", err, r.code)
			}
		})
	}
	t.Run("consent, timer and run state read back", func(t *testing.T) {
		if err := s.RecordConsent(ctx, m.ID, "047318", true, at); err != nil {
			t.Fatal(err)
		}
		started, err := m.Start(at)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RecordRunState(ctx, m.ID, started.Started, started.Items[:1]); err != nil {
			t.Fatal(err)
		}
		tm, err := meeting.Timer{Planned: 20 * time.Minute}.Start(at)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RecordTimer(ctx, m.ID, plenum.ID, tm); err != nil {
			t.Fatal(err)
		}
		got, err := s.Meeting(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got.Consents["047318"]; !ok {
			t.Error("consent not stored")
		}
		if got.Current() != 0 || !got.Started.Equal(at) {
			t.Errorf("run state: current %d, started %v", got.Current(), got.Started)
		}
		// The stored timer, not RoundTimer: that one follows the item's minutes.
		if rt := got.Items[len(got.Items)-1].Timer; rt.Started == nil || rt.Planned != 20*time.Minute {
			t.Errorf("timer %+v", rt)
		}
		// A started meeting cannot be made unstarted.
		if err := s.RecordRunState(ctx, m.ID, nil, nil); meeting.ErrorCode(err) != meeting.ECONFLICT {
			t.Errorf("unstarting: %v", err)
		}
	})
}
