package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// TestDataVersion: a store's data version changes when another store on
// the same file commits, and not for its own commits or for reads.
func TestDataVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	a, b := mustOpenPath(t, path), mustOpenPath(t, path)
	m, err := a.CreateMeeting(ctx, testMeeting(mustCluster(t, a)))
	if err != nil {
		t.Fatal(err)
	}
	version := func(s *Store) int64 {
		t.Helper()
		v, err := s.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version(a)
	if _, err := a.Meeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2025, 3, 4, 17, 31, 0, 0, time.UTC)
	if err := a.RecordRunState(ctx, m.ID, &start, nil); err != nil {
		t.Fatal(err)
	}
	if v := version(a); v != v0 {
		t.Errorf("own read and commit changed the version %d → %d", v0, v)
	}
	vb := version(b)
	if _, _, err := a.UpdateRun(ctx, m.ID, func(mt meeting.Meeting) (meeting.Meeting, error) { return mt.Next(start) }); err != nil {
		t.Fatal(err)
	}
	if v := version(b); v == vb {
		t.Error("another store's commit left the version as it was")
	}
}

// TestUpdateRun: each change starts from the meeting as stored, whatever
// the caller last read, so two windows' changes both count; a refused
// change writes nothing.
func TestUpdateRun(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	a, b := mustOpenPath(t, path), mustOpenPath(t, path)
	m, err := a.CreateMeeting(ctx, testMeeting(mustCluster(t, a)))
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 4, 17, 31, 0, 0, time.UTC)
	next := func(mt meeting.Meeting) (meeting.Meeting, error) {
		if !mt.UnderWay() {
			return mt.Start(at)
		}
		return mt.Next(at)
	}
	tests := []struct {
		s    *Store
		want int // the current item afterwards
	}{
		{a, 0}, {b, 1}, {a, 2}, {b, 3}, {b, 4},
	}
	for i, tt := range tests {
		before, after, err := tt.s.UpdateRun(ctx, m.ID, next)
		if err != nil {
			t.Fatalf("change %d: %v", i, err)
		}
		if got := after.Current(); got != tt.want {
			t.Errorf("change %d: current item %d, want %d (before: %d)", i, got, tt.want, before.Current())
		}
	}
	refuse := errors.New("refused")
	_, _, err = a.UpdateRun(ctx, m.ID, func(mt meeting.Meeting) (meeting.Meeting, error) {
		mt, _ = mt.Next(at)
		return mt, refuse
	})
	if !errors.Is(err, refuse) {
		t.Fatalf("refused change: %v", err)
	}
	got, err := b.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Current() != 4 {
		t.Errorf("after a refused change the current item is %d, want 4", got.Current())
	}
}

// TestRecordSlide: the slide shown is stored and read back, turned from
// the stored one by UpdateRun, and refused below 0 or for no meeting.
func TestRecordSlide(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	a, b := mustOpenPath(t, path), mustOpenPath(t, path)
	m, err := a.CreateMeeting(ctx, testMeeting(mustCluster(t, a)))
	if err != nil {
		t.Fatal(err)
	}
	if m.Slide != 0 {
		t.Fatalf("a new meeting shows slide %d", m.Slide)
	}
	if err := a.RecordSlide(ctx, m.ID, 0); err != nil {
		t.Fatal(err)
	}
	m.Pack.Slides = append(m.Pack.Slides, m.Pack.Slides...) // two slides
	if _, _, err := b.UpdateRun(ctx, m.ID, func(mt meeting.Meeting) (meeting.Meeting, error) {
		mt.Slide++
		return mt, nil
	}); err != nil {
		t.Fatal(err)
	}
	got, err := a.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Slide != 1 {
		t.Errorf("slide %d after a turn, want 1", got.Slide)
	}
	if err := a.RecordSlide(ctx, m.ID, -1); meeting.ErrorCode(err) != meeting.EINVALID {
		t.Errorf("slide -1: %v", err)
	}
	if err := a.RecordSlide(ctx, m.ID+99, 1); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("no meeting: %v", err)
	}
}
