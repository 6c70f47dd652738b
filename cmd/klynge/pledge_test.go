package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// TestPledgeAddDue runs `klynge pledge add` end to end with the due-date
// rule the TUI's pledge form shares (meeting.DueDate): "næste" is the
// cluster's next planned meeting, three months on only when none is
// planned; months end at the month's end. --practice finds the practice
// by part of its name with Danish folding.
func TestPledgeAddDue(t *testing.T) {
	db, dec3, _ := slipsDB(t, false, false)
	env := map[string]string{"KLYNGE_DB": db}
	var nov30 meeting.Meeting
	plan := func(title string, start time.Time) meeting.Meeting {
		t.Helper()
		var got meeting.Meeting
		withStore(t, db, func(ctx context.Context, s *store.Store, c meeting.Cluster) {
			m, err := meeting.New(dec3.Pack, title, start, testNow)
			if err != nil {
				t.Fatal(err)
			}
			m.ClusterID = c.ID
			if got, err = s.CreateMeeting(ctx, m); err != nil {
				t.Fatal(err)
			}
		})
		return got
	}
	nov30 = plan("November", time.Date(2026, 11, 30, 17, 30, 0, 0, time.Local))
	steps := []struct {
		name     string
		before   func()
		meeting  meeting.Meeting
		practice string
		due      string
		want     string
	}{
		{"3m from 30 November ends in February", nil, nov30, "047318", "3m", "28-02-2027"},
		{"næste from 30 November is the planned 3 December", nil, nov30, "ostergade", "næste", "03-12-2026"},
		{"næste with nothing planned after is three months on", nil, dec3, "Østergade", "næste", "03-03-2027"},
		{"next once March is planned", func() { plan("Marts", time.Date(2027, 3, 4, 17, 30, 0, 0, time.Local)) }, dec3, "lægerne østergade", "next", "04-03-2027"},
		{"a date", nil, dec3, "047318", "24-02-2027", "24-02-2027"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if st.before != nil {
				st.before()
			}
			id := strconv.FormatInt(st.meeting.ID, 10)
			code, out, errOut := runKlynge(t, env, "pledge", "add", "--meeting", id, "--practice", st.practice,
				"--action", st.name, "--due", st.due)
			if code != 0 || !strings.Contains(out, "frist "+st.want) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want due %s", code, out, errOut, st.want)
			}
			withStore(t, db, func(ctx context.Context, s *store.Store, _ meeting.Cluster) {
				ps, err := s.Pledges(ctx, st.meeting.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range ps {
					if p.Action == st.name {
						if p.Ydernummer != "047318" || p.Due.Format("02-01-2006") != st.want {
							t.Errorf("stored %s due %s", p.Ydernummer, p.Due.Format("02-01-2006"))
						}
						return
					}
				}
				t.Errorf("pledge %q not stored: %+v", st.name, ps)
			})
		})
	}
	// A name matching two practices is refused, naming both.
	code, _, errOut := runKlynge(t, env, "pledge", "add", "--meeting", strconv.FormatInt(dec3.ID, 10),
		"--practice", "lægerne", "--action", "x", "--due", "1m")
	if code != 1 || !strings.Contains(errOut, "passer på") || !strings.Contains(errOut, "Lægerne Østergade") {
		t.Errorf("ambiguous practice: exit %d, stderr %q", code, errOut)
	}
}

// startMeeting starts meeting id at at the way the app does:
// meeting.Meeting.Start, then SaveRun.
func startMeeting(ctx context.Context, s *store.Store, id int64, at time.Time) (meeting.Meeting, error) {
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return m, err
	}
	if m, err = m.Start(at); err != nil {
		return m, err
	}
	return s.SaveRun(ctx, m)
}

// TestPledgeFollowedUpAtTheNextMeeting: a pledge due "næste" is due on
// the cluster's next planned meeting, and `pledge list --open` lists it
// there for its follow-up, not at the meeting it was made at.
func TestPledgeFollowedUpAtTheNextMeeting(t *testing.T) {
	db, dec3, _ := slipsDB(t, false, false)
	env := map[string]string{"KLYNGE_DB": db}
	var march meeting.Meeting
	withStore(t, db, func(ctx context.Context, s *store.Store, c meeting.Cluster) {
		m, err := meeting.New(dec3.Pack, "Marts", time.Date(2027, 3, 4, 17, 30, 0, 0, time.Local), testNow)
		if err != nil {
			t.Fatal(err)
		}
		m.ClusterID = c.ID
		if march, err = s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
	})
	decID, marchID := strconv.FormatInt(dec3.ID, 10), strconv.FormatInt(march.ID, 10)
	mustKlynge(t, env, "pledge", "add", "--meeting", decID, "--practice", "ostergade",
		"--action", "Forløbsplan ved årskontrol", "--due", "næste")
	out := mustKlynge(t, env, "pledge", "list", "--open", "--meeting", marchID)
	if !strings.Contains(out, "04-03-2027") || !strings.Contains(out, "Forløbsplan ved årskontrol") || !strings.Contains(out, "047318") {
		t.Errorf("open at the next meeting:\n%s", out)
	}
	if out := mustKlynge(t, env, "pledge", "list", "--open", "--meeting", decID); strings.Contains(out, "Forløbsplan") {
		t.Errorf("open at the meeting it was made at:\n%s", out)
	}
}
