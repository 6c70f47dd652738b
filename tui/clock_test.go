package tui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// storeAndID is a store and the id of the meeting a test runs.
type storeAndID struct {
	s  *store.Store
	id int64
}

// earlyRound stores the demo meeting at group-work round 1 (item 4),
// item and timer started 18:00 for 20 minutes, after a talk that ended
// early: at 18:07:48 the round has 12:12 left and the meeting will end
// 19:15, 15 minutes ahead of its planned 19:30.
func earlyRound(t *testing.T) (storeAndID, time.Time) {
	s, m := mustDemoMeeting(t)
	saveRun(t, s, m.ID, startAt(minutesAfterStart(0)), nextAt(minutesAfterStart(5)),
		nextAt(minutesAfterStart(30)), nextAt(minutesAfterStart(30)),
		func(m meeting.Meeting) (meeting.Meeting, error) {
			return m.ChangeTimer(3, minutesAfterStart(30), meeting.Timer.Start)
		})
	return storeAndID{s, m.ID}, minutesAfterStart(37).Add(48 * time.Second)
}

// TestRoundLengthMovesTheOneClock presses the round's −1, +1 and +5 keys
// and reads the header, the agenda's drift and projected end and the
// stored plan after each: they move in step, by the same minutes.
func TestRoundLengthMovesTheOneClock(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		minutes int
		header  string // the header's time left and drift
		agenda  string // the agenda's summary
	}{
		{"as planned", nil, 20, "⏱ 12:12 tilbage · 15 min foran", "planlagt slut 19:30 · forventet slut 19:15 · 15 min foran"},
		{"-1 three times", []string{"-", "-", "-"}, 17, "⏱ 9:12 tilbage · 18 min foran", "planlagt slut 19:30 · forventet slut 19:12 · 18 min foran"},
		{"+1", []string{"+"}, 21, "⏱ 13:12 tilbage · 14 min foran", "forventet slut 19:16 · 14 min foran"},
		{"+5", []string{"5"}, 25, "⏱ 17:12 tilbage · 10 min foran", "forventet slut 19:20 · 10 min foran"},
		// Past the planned end: the header's drift, the agenda's words and
		// its warning all say behind.
		{"+5 four times", []string{"5", "5", "5", "5"}, 40, "⏱ 32:12 tilbage · 5 min bagud", "forventet slut 19:35 · 5 min bagud"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sid, now := earlyRound(t)
			tm := startProgram(t, newModel(sid.s, sid.id, modelOpts{now: now}), 80, 24, "12:12 tilbage")
			for _, k := range tt.keys {
				tm.Send(key(k))
			}
			if len(tt.keys) > 0 {
				waitFor(t, tm, fmt.Sprintf("Runden er nu %d min", tt.minutes))
			}
			waitFor(t, tm, tt.header)
			tm.Send(key("esc")) // the agenda
			waitFor(t, tm, tt.agenda)
			frame := currentFrame(t, tm)
			if tt.minutes > 20 && strings.Contains(tt.agenda, "bagud") && !strings.Contains(frame, "Når ikke med") {
				t.Errorf("behind without saying what no longer fits:\n%s", frame)
			}
			if strings.Contains(frame, "foran") && strings.Contains(frame, "Når ikke med") {
				t.Errorf("ahead beside a warning:\n%s", frame)
			}
			tm.Send(key("q"))
			tm.Send(key("y"))
			finalView(t, tm)
			stored, err := sid.s.Meeting(context.Background(), sid.id)
			if err != nil {
				t.Fatal(err)
			}
			it := stored.Items[3]
			if it.Minutes != tt.minutes || it.Timer.Planned != time.Duration(tt.minutes)*time.Minute {
				t.Errorf("stored plan %d min, timer %v; want %d min for both", it.Minutes, it.Timer.Planned, tt.minutes)
			}
		})
	}
}

// endedMeeting stores the demo meeting held to its end: started 17:30,
// one item every ten minutes, the last ending 18:50.
func endedMeeting(t *testing.T) storeAndID {
	s, m := mustDemoMeeting(t)
	ops := []func(meeting.Meeting) (meeting.Meeting, error){startAt(minutesAfterStart(0))}
	for i := range m.Items {
		ops = append(ops, nextAt(minutesAfterStart(10*(i+1))))
	}
	if ended := saveRun(t, s, m.ID, ops...); !ended.Ended() {
		t.Fatal("the meeting should have ended")
	}
	return storeAndID{s, m.ID}
}

// TestEndedMeetingSaysSoEverywhere runs an ended meeting with the real
// store: header, agenda and quit dialog say it has ended, the agenda
// offers export, follow-up and reopen only, editing keys change nothing,
// and b reopens only after a yes.
func TestEndedMeetingSaysSoEverywhere(t *testing.T) {
	sid := endedMeeting(t)
	tm := startProgram(t, newModel(sid.s, sid.id, modelOpts{now: minutesAfterStart(95)}), 80, 24, "Mødet er slut.")
	tm.Send(key("esc")) // the agenda
	waitFor(t, tm, "sluttede 18:50 · planlagt slut 19:30")
	frame := currentFrame(t, tm)
	for _, want := range []string{"E eksport", "O opfølgning", "b genåbn mødet"} {
		if !strings.Contains(frame, want) {
			t.Errorf("the ended agenda should offer %q:\n%s", want, frame)
		}
	}
	for _, never := range []string{"x drop", "−1 min", "+1 min", "tilføj", "bagud", "foran", "til tiden"} {
		if strings.Contains(frame, never) {
			t.Errorf("the ended agenda offers or says %q:\n%s", never, frame)
		}
	}

	// Editing keys are refused with a reason, not quietly applied.
	tm.Send(key("k"))
	tm.Send(key("x"))
	waitFor(t, tm, "genåbn det først")
	tm.Send(key("a"))
	waitFor(t, tm, "genåbn det først")

	// The quit dialog under an ended header.
	tm.Send(key("q"))
	waitFor(t, tm, "Afslut klynge?")
	if frame := currentFrame(t, tm); strings.Contains(frame, "i gang") || !strings.Contains(frame, "Mødet er slut. Alt er gemt") {
		t.Errorf("the quit dialog should say the meeting has ended:\n%s", frame)
	}
	tm.Send(key("n"))

	// b asks; no leaves it ended.
	tm.Send(key("b"))
	waitFor(t, tm, "Genåbn mødet?")
	waitFor(t, tm, "»Evaluering« igen")
	tm.Send(key("n"))
	waitFor(t, tm, "b genåbn mødet")
	if stored := storedMeeting(t, sid); !stored.Ended() {
		t.Fatal("no should leave the meeting ended")
	}

	// b and yes reopen it: the evaluation runs again.
	tm.Send(key("b"))
	waitFor(t, tm, "Genåbn mødet?")
	tm.Send(key("j"))
	waitFor(t, tm, "Mødet er genåbnet: »Evaluering« kører igen")
	tm.Send(key("q"))
	tm.Send(key("y"))
	finalView(t, tm)
	stored := storedMeeting(t, sid)
	if stored.Ended() || stored.Current() != len(stored.Items)-1 {
		t.Errorf("yes should reopen the evaluation: ended %v, current %d", stored.Ended(), stored.Current())
	}
	for i, it := range stored.Items[:len(stored.Items)-1] {
		if it.Skipped || it.Ended == nil {
			t.Errorf("item %d changed while the meeting had ended: %+v", i+1, it)
		}
	}
}

// TestEndedMeetingInEnglish: the end state has its English words.
func TestEndedMeetingInEnglish(t *testing.T) {
	sid := endedMeeting(t)
	tm := startProgram(t, newModel(sid.s, sid.id, modelOpts{now: minutesAfterStart(95), lang: "en"}), 80, 24, "The meeting has ended.")
	tm.Send(key("esc"))
	waitFor(t, tm, "ended 18:50 · planned end 19:30")
	tm.Send(key("b"))
	waitFor(t, tm, "Reopen the meeting?")
	tm.Send(key("esc"))
	tm.Send(key("q"))
	waitFor(t, tm, "The meeting has ended. Everything is saved")
	tm.Send(key("y"))
	finalView(t, tm)
}

func storedMeeting(t *testing.T, sid storeAndID) meeting.Meeting {
	t.Helper()
	m, err := sid.s.Meeting(context.Background(), sid.id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
