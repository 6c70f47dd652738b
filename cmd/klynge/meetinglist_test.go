package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// TestMeetingListSaysWhenItEnded runs the demo meeting in the store and
// lists it at each stage: an ended meeting says when it ended, never only
// when it started, in Danish and in English.
func TestMeetingListSaysWhenItEnded(t *testing.T) {
	start := time.Date(2026, 12, 3, 17, 30, 0, 0, time.Local)
	tests := []struct {
		name  string
		stage func(m meeting.Meeting) (meeting.Meeting, error)
		lang  string
		want  string
		never []string
	}{
		{"planned", nil, "da", "planlagt", []string{"sluttede", "i gang"}},
		{"planned, English", nil, "en", "planned", []string{"ended", "started"}},
		{"under way", underWay(start), "da", "i gang siden 17:31", []string{"sluttede", "planlagt"}},
		{"under way, English", underWay(start), "en", "started 17:31", []string{"ended"}},
		{"ended", ended(start), "da", "sluttede 19:42", []string{"i gang", "17:31"}},
		{"ended, English", ended(start), "en", "ended 19:42", []string{"started", "17:31"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := demoMeeting(t)
			if tt.stage != nil {
				s, err := store.Open(env["KLYNGE_DB"])
				if err != nil {
					t.Fatal(err)
				}
				m, err := s.Meeting(context.Background(), 1)
				if err == nil {
					m, err = tt.stage(m)
				}
				if err == nil {
					_, err = s.SaveRun(context.Background(), m)
				}
				s.Close()
				if err != nil {
					t.Fatal(err)
				}
			}
			env["KLYNGE_LANG"] = tt.lang
			code, out, errOut := runKlynge(t, env, "meeting", "list")
			if code != 0 {
				t.Fatalf("meeting list: code %d: %s", code, errOut)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("want %q in:\n%s", tt.want, out)
			}
			for _, no := range tt.never {
				if strings.Contains(out, no) {
					t.Errorf("%q should not be in:\n%s", no, out)
				}
			}
		})
	}
}

// underWay starts the meeting a minute late.
func underWay(start time.Time) func(meeting.Meeting) (meeting.Meeting, error) {
	return func(m meeting.Meeting) (meeting.Meeting, error) { return m.Start(start.Add(time.Minute)) }
}

// ended starts the meeting a minute late and holds every item, the last
// ending at 19:42.
func ended(start time.Time) func(meeting.Meeting) (meeting.Meeting, error) {
	return func(m meeting.Meeting) (meeting.Meeting, error) {
		m, err := m.Start(start.Add(time.Minute))
		for i := 1; err == nil && i < len(m.Items); i++ {
			m, err = m.Next(start.Add(time.Duration(i) * 10 * time.Minute))
		}
		if err == nil {
			m, err = m.Next(start.Add(132 * time.Minute))
		}
		if err == nil && !m.Ended() {
			err = meeting.Errorf(meeting.EINTERNAL, "the meeting should have ended")
		}
		return m, err
	}
}
