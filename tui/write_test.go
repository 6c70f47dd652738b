package tui_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// flakyStore is the real store with check-ins that find the database busy
// a number of times, and consents that always fail.
type flakyStore struct {
	*store.Store
	mu   sync.Mutex
	busy int
	// gate, when set, holds consents back until it is closed.
	gate chan struct{}
}

func (f *flakyStore) RecordAttendance(ctx context.Context, meetingID int64, a meeting.Attendance) error {
	f.mu.Lock()
	busy := f.busy > 0
	if busy {
		f.busy--
	}
	f.mu.Unlock()
	if busy {
		return meeting.Errorf(meeting.ELOCKED, "cannot record the attendance: the database is busy")
	}
	return f.Store.RecordAttendance(ctx, meetingID, a)
}

func (f *flakyStore) RecordConsent(context.Context, int64, string, bool, time.Time) error {
	if f.gate != nil {
		<-f.gate
	}
	return meeting.Errorf(meeting.EINTERNAL, "cannot record the consent: the disk failed")
}

// A busy store makes the queued check-ins wait, visibly, and commit in
// key order when it frees up: none is dropped.
func TestBusyStoreKeepsChangesInOrder(t *testing.T) {
	s, m := mustDemoMeeting(t)
	fs := &flakyStore{Store: s, busy: 4}
	model := newModel(fs, m.ID, modelOpts{})
	tm := startProgram(t, model, 100, 30, "tryk s for at starte")
	for _, k := range keys("F ctrl+l enter ctrl+u") {
		tm.Send(k)
	}
	waitFor(t, tm, "venter på databasen")
	waitIdle(t, tm)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	log, err := s.AttendanceLog(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []meeting.AttendanceStatus
	for _, a := range log {
		got = append(got, a.Status)
	}
	want := []meeting.AttendanceStatus{meeting.StatusLate, meeting.StatusPresent, meeting.StatusAbsent}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("log %v, want %v", got, want)
	}
}

// A change that finally fails is named in the footer; the changes queued
// after it are still committed.
func TestFailedWriteIsNamedAndTheRestGoOn(t *testing.T) {
	s, m := mustDemoMeeting(t)
	fs := &flakyStore{Store: s, gate: make(chan struct{})}
	model := newModel(fs, m.ID, modelOpts{})
	tm := startProgram(t, model, 100, 30, "tryk s for at starte")
	for _, k := range keys("P space esc F enter") {
		tm.Send(k)
	}
	// The check-in waits behind the consent, which then fails.
	waitFor(t, tm, "til stede")
	close(fs.gate)
	waitIdle(t, tm)
	frame := currentFrame(t, tm)
	if !containsAll(frame, "IKKE GEMT: ", "kan ikke gemmes") {
		t.Errorf("the footer does not name the failed change:\n%s", frame)
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	stored, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Attendance) != 1 {
		t.Errorf("the check-in after the failed consent was not committed: %v", stored.Attendance)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
