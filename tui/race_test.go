package tui_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// keyPress turns a key name as the coordinator reads it ("n", "enter",
// "ctrl+l", "space") into the message the terminal sends.
func keyPress(name string) tea.KeyMsg {
	switch name {
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "ctrl+l":
		return tea.KeyMsg{Type: tea.KeyCtrlL}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	case "ctrl+a":
		return tea.KeyMsg{Type: tea.KeyCtrlA}
	}
	return key(name)
}

// keys splits "n F h a n n e enter" into key presses; text("…") keys
// are typed one character at a time.
func keys(seq string) []tea.KeyMsg {
	var out []tea.KeyMsg
	for _, k := range strings.Fields(seq) {
		out = append(out, keyPress(k))
	}
	return out
}

func text(s string) []tea.KeyMsg {
	var out []tea.KeyMsg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

func seq(parts ...[]tea.KeyMsg) []tea.KeyMsg {
	var out []tea.KeyMsg
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// raceScenario is a key sequence on a meeting prepared by setup, with
// what the stored result must show (so equal results cannot both be
// "nothing happened").
type raceScenario struct {
	name  string
	setup func(t *testing.T) (*store.Store, meeting.Meeting, time.Time)
	ready string
	keys  []tea.KeyMsg
	check func(t *testing.T, s *store.Store, m meeting.Meeting)
}

// TestKeysAtMeetingSpeed is the acceptance test of the path of a key
// press: each sequence is sent to the real program with 0–1 ms between
// keys while another connection holds the database's write lock, so
// every commit waits; the database it ends with must equal the one the
// same keys give when each waits for its commit.
func TestKeysAtMeetingSpeed(t *testing.T) {
	pledge := strings.Repeat("Sygeplejersken ringer til alle KOL-patienter uden forløbsplan. ", 10)[:600]
	for _, sc := range raceScenarios(pledge) {
		t.Run(sc.name, func(t *testing.T) {
			want := runScenario(t, sc, false)
			got := runScenario(t, sc, true)
			if got != want {
				t.Errorf("keys at meeting speed stored\n%s\nkeys one at a time stored\n%s", got, want)
			}
		})
	}
}

func raceScenarios(pledge string) []raceScenario {
	started := func(t *testing.T) (*store.Store, meeting.Meeting, time.Time) {
		s, m := mustDemoMeeting(t)
		m = saveRun(t, s, m.ID, startAt(minutesAfterStart(0)))
		return s, m, minutesAfterStart(2)
	}
	plenum := func(note string) func(t *testing.T) (*store.Store, meeting.Meeting, time.Time) {
		return func(t *testing.T) (*store.Store, meeting.Meeting, time.Time) {
			s, m := roundUnderWay(t)
			p := -1
			for i, it := range m.Items {
				if it.Kind == meeting.KindPlenum {
					p = i
					break
				}
			}
			m = saveRun(t, s, m.ID, func(m meeting.Meeting) (meeting.Meeting, error) {
				m, err := m.StartItem(p, minutesAfterStart(70))
				if note != "" {
					m.Items[p].Presenting = 1
				}
				return m, err
			})
			if note != "" {
				var err error
				if m, err = s.SaveGroupNote(context.Background(), m.ID, m.Items[p].ID, 1, note); err != nil {
					t.Fatal(err)
				}
			}
			return s, m, minutesAfterStart(71)
		}
	}
	return []raceScenario{
		{
			name: "next item then check in a latecomer", setup: started, ready: "VELKOMST OG AFBUD",
			keys: keys("n F h a n n e enter"),
			check: func(t *testing.T, s *store.Store, m meeting.Meeting) {
				if m.Current() != 1 {
					t.Errorf("the meeting moved to item %d, want 2", m.Current()+1)
				}
				if !hasStatus(t, s, m, "Hanne Bæk", meeting.StatusPresent) {
					t.Error("Hanne Bæk is not checked in")
				}
			},
		},
		{
			name: "three statuses on one doctor", setup: started, ready: "VELKOMST OG AFBUD",
			keys: keys("F ctrl+l enter ctrl+u"),
			check: func(t *testing.T, s *store.Store, m meeting.Meeting) {
				if len(m.Attendance) != 1 {
					t.Fatalf("attendance %v, want one doctor", m.Attendance)
				}
				for _, a := range m.Attendance {
					if a.Status != meeting.StatusAbsent {
						t.Errorf("status %s, want the last key's: absent", a.Status)
					}
				}
			},
		},
		{
			name: "consent toggled twice", setup: started, ready: "VELKOMST OG AFBUD",
			keys: keys("P space space"),
			check: func(t *testing.T, s *store.Store, m meeting.Meeting) {
				if len(m.Consents) != 0 {
					t.Errorf("consents %v, want none: given and withdrawn", m.Consents)
				}
				log, err := s.ConsentLog(context.Background(), m.ID)
				if err != nil || len(log) != 2 || !log[0].Given || log[1].Given {
					t.Errorf("consent log %+v (%v), want given then withdrawn", log, err)
				}
			},
		},
		{
			name: "round started and paused", ready: "Gruppearbejde",
			setup: func(t *testing.T) (*store.Store, meeting.Meeting, time.Time) {
				s, m := mustDemoMeeting(t)
				gw := groupworkIndex(t, m)
				m = saveRun(t, s, m.ID, startAt(minutesAfterStart(0)), func(m meeting.Meeting) (meeting.Meeting, error) {
					return m.StartItem(gw, minutesAfterStart(45))
				})
				return s, m, minutesAfterStart(46)
			},
			keys: keys("space space"),
			check: func(t *testing.T, s *store.Store, m meeting.Meeting) {
				tm := m.Items[groupworkIndex(t, m)].RoundTimer()
				if tm.Started == nil || tm.PausedAt == nil {
					t.Errorf("timer %+v, want started and paused", tm)
				}
			},
		},
		{
			name: "next group then its note", setup: plenum(""), ready: "Fremlæggelser",
			keys: seq(keys("j w"), text("Gruppe 1 vil ringe til patienterne."), keys("enter")),
			check: func(t *testing.T, s *store.Store, m meeting.Meeting) {
				it := m.Items[m.Current()]
				if it.Presenting != 1 || it.Notes[1] != "Gruppe 1 vil ringe til patienterne." || len(it.Notes) != 1 {
					t.Errorf("presenting %d, notes %v", it.Presenting, it.Notes)
				}
			},
		},
		{
			name: "w edits the existing note", setup: plenum("Første notat."), ready: "Første notat.",
			keys: seq(keys("w"), text(" Og mere."), keys("enter")),
			check: func(t *testing.T, s *store.Store, m meeting.Meeting) {
				if got := m.Items[m.Current()].Notes[1]; got != "Første notat. Og mere." {
					t.Errorf("note %q, want the old note with the new text after it", got)
				}
			},
		},
		{
			name: "a 600-character pledge", setup: started, ready: "VELKOMST OG AFBUD",
			keys: seq(keys("T a"), text("torvet"), keys("tab"), text(pledge), keys("enter")),
			check: func(t *testing.T, s *store.Store, m meeting.Meeting) {
				ps, err := s.Pledges(context.Background(), m.ID)
				if err != nil || len(ps) != 1 || ps[0].Action != strings.TrimSpace(pledge) {
					t.Errorf("pledges %+v (%v), want the whole 600 characters", ps, err)
				}
			},
		},
	}
}

func hasStatus(t *testing.T, s *store.Store, m meeting.Meeting, name string, st meeting.AttendanceStatus) bool {
	for _, p := range rosterOf(t, s, m).Practices {
		for _, mem := range p.Members {
			if mem.Name == name {
				return m.Attendance[mem.ID].Status == st
			}
		}
	}
	t.Fatalf("no %s in the demo", name)
	return false
}

// runScenario runs sc on a fresh database and returns the stored result.
// fast sends the keys with 0–1 ms between them while the write lock is
// held by another connection; otherwise each key waits until its commit
// has landed.
func runScenario(t *testing.T, sc raceScenario, fast bool) string {
	t.Helper()
	s, m, now := sc.setup(t)
	model := newModel(s, m.ID, modelOpts{now: now})
	tm := startProgram(t, model, 100, 30, sc.ready)
	if fast {
		lock := holdWriteLock(t, s.Path())
		for i, k := range sc.keys {
			tm.Send(k)
			time.Sleep(time.Duration(i%2) * time.Millisecond)
		}
		// The commits wait, and say so.
		waitFor(t, tm, "venter på databasen")
		lock.release()
	} else {
		for _, k := range sc.keys {
			tm.Send(k)
			waitIdle(t, tm)
		}
	}
	waitIdle(t, tm)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	stored, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	sc.check(t, s, stored)
	return dumpDB(t, s.Path())
}

// waitIdle waits until every queued change has been committed.
func waitIdle(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		reply := make(chan int, 1)
		tm.Send(pendingRequest(reply))
		if <-reply == 0 {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("the write queue never drained")
}

type writeLock struct {
	t    *testing.T
	conn *sql.Conn
}

// holdWriteLock takes the database's write lock on a second connection,
// as another klynge or a CLI import would.
func holdWriteLock(t *testing.T, path string) *writeLock {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	return &writeLock{t, conn}
}

func (l *writeLock) release() {
	if _, err := l.conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		l.t.Fatal(err)
	}
	l.conn.Close()
}

// dumpDB lists the rows the running meeting writes, in a stable order,
// leaving out only times SQLite stamps itself.
func dumpDB(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	queries := []string{
		`SELECT id, started_at, group_count FROM meetings ORDER BY id`,
		`SELECT * FROM agenda_items ORDER BY id`,
		`SELECT * FROM attendance ORDER BY meeting_id, member_id`,
		`SELECT * FROM attendance_log ORDER BY id`,
		`SELECT * FROM consent_log ORDER BY id`,
		`SELECT * FROM meeting_groups ORDER BY meeting_id, number, position`,
		`SELECT * FROM group_notes ORDER BY agenda_item_id, group_number`,
		`SELECT * FROM pledges ORDER BY id`,
		`SELECT * FROM guests ORDER BY id`,
	}
	var b strings.Builder
	for _, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		cols, _ := rows.Columns()
		fmt.Fprintf(&b, "%s\n", q)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					vals[i] = string(b)
				}
			}
			fmt.Fprintf(&b, "  %v\n", vals)
		}
		rows.Close()
	}
	return b.String()
}
