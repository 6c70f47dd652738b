//go:build unix

package main

import (
	"context"
	"database/sql"
	"fmt"
	mrand "math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/tui"
)

// TestCrashKeepsConfirmedActions runs the real binary in a pseudo-terminal
// 20 times on one database and SIGKILLs it at a random point each time:
// right after a key, or after the ✓ of its commit was shown. The actions
// are the coordinator's of a meeting: start (s), next item (n), the start
// of a group-work round (space), a check-in (F, type the name, enter), a
// pledge (T, a, the form, enter) and moving an agenda item (j, J). After
// every kill the database, read with plain SQL rather than through the
// app, must hold every action whose ✓ was shown, and a started round's
// clock must still run on the wall clock after the restart. The kills are
// at random points of a seeded stream that the log names, so a failure can
// be replayed.
func TestCrashKeepsConfirmedActions(t *testing.T) {
	bin := buildKlynge(t)
	db := filepath.Join(t.TempDir(), "crash.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rnd := mrand.New(mrand.NewPCG(13, seed))
	ctx := context.Background()
	txt := tui.Language("da")
	// The whole test stays under a minute: runs stop at the deadline, and
	// at least 10 kills must fit before it.
	deadline := time.Now().Add(45 * time.Second)
	const step = 10 * time.Second // per confirmation, generous on a loaded machine

	// confirmed is what the screens confirmed so far.
	var confirmed struct {
		started     bool
		current     int // index of the running item the last ✓ named
		roundStarts map[int]time.Time
		present     map[int64]string // member id -> name
		pledges     []string         // actions
		order       []string         // agenda titles as stored when the last ✓ was shown
		moves       int
	}
	confirmed.current = -1 // nothing runs before the start
	confirmed.roundStarts = map[int]time.Time{}
	confirmed.present = map[int64]string{}
	read := func() meeting.Meeting {
		t.Helper()
		s, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		m, err := s.LatestMeeting(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	// query reads the database file with plain SQL, not the app's store.
	query := func(q string, args []any, scan func(*sql.Rows) error) {
		t.Helper()
		conn, err := sql.Open("sqlite3", "file:"+db+"?_busy_timeout=10000")
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		rows, err := conn.QueryContext(ctx, q, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				t.Fatal(err)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	order := func(id int64) []string {
		var titles []string
		query(`SELECT title FROM agenda_items WHERE meeting_id = ? ORDER BY position`, []any{id}, func(r *sql.Rows) error {
			var s string
			err := r.Scan(&s)
			titles = append(titles, s)
			return err
		})
		return titles
	}
	present := func(id int64) map[int64]bool {
		got := map[int64]bool{}
		query(`SELECT member_id FROM attendance WHERE meeting_id = ? AND status = 'present'`, []any{id}, func(r *sql.Rows) error {
			var m int64
			err := r.Scan(&m)
			got[m] = true
			return err
		})
		return got
	}
	pledges := func(id int64) []string {
		var got []string
		query(`SELECT action FROM pledges WHERE meeting_id = ? AND deleted_at IS NULL`, []any{id}, func(r *sql.Rows) error {
			var s string
			err := r.Scan(&s)
			got = append(got, s)
			return err
		})
		return got
	}
	// absentees are doctors not yet checked in, with their practice.
	type doctor struct {
		id             int64
		name, practice string
	}
	absentees := func(id int64) []doctor {
		var got []doctor
		query(`SELECT m.id, m.name, p.name FROM members m JOIN practices p ON p.id = m.practice_id
			WHERE m.retired_at IS NULL AND m.id NOT IN (SELECT member_id FROM attendance WHERE meeting_id = ?)
			ORDER BY m.id`, []any{id}, func(r *sql.Rows) error {
			var d doctor
			err := r.Scan(&d.id, &d.name, &d.practice)
			got = append(got, d)
			return err
		})
		return got
	}
	// isSwap reports whether after is before with the item at i swapped
	// with the one below it.
	isSwap := func(before, after []string, i int) bool {
		if i < 0 || i+1 >= len(before) || len(before) != len(after) {
			return false
		}
		want := slices.Clone(before)
		want[i], want[i+1] = want[i+1], want[i]
		return slices.Equal(want, after)
	}

	// kinds counts the confirmed actions of each kind.
	kinds := map[string]int{}
	kills := 0
	for run := 0; run < 20 && time.Now().Before(deadline); run++ {
		term := startTerminal(t, bin, 100, 30, nil, "--db", db, "demo")
		term.waitFor("KOL – diagnostik og opfølgning")
		term.keysReach()
		m := read() // what a restart resumes from
		if m.UnderWay() {
			// A meeting under way opens on the running item's live view;
			// esc goes back to the agenda, where every run's keys start.
			mark := term.outputLen()
			term.send("\x1b")
			if !term.containsAfter(mark, txt.ColActual, step) {
				t.Fatalf("run %d: esc never went back to the agenda", run)
			}
		}
		if confirmed.order == nil {
			confirmed.order = order(m.ID)
		}
		// movedAt is the index of an item moved down by an action sent
		// but not confirmed before the kill (-1: none).
		movedAt := -1
		pledgeNo := 0
		for n := 0; n < 1+rnd.IntN(3); n++ {
			cur := m.Current()
			// The actions possible now; one is drawn.
			type action struct {
				name  string
				keys  []string // sent one by one; the last is the one that commits
				waits []string // text the key before must have shown before keys[i] is sent
				want  string   // the ✓ notice
				after string   // keys that go back to the agenda once confirmed
				apply func()
				at    int // the item a move moves down
			}
			var acts []action
			switch {
			case !m.UnderWay():
				acts = append(acts, action{name: "start", keys: []string{"s"}, want: "Mødet er startet",
					apply: func() { confirmed.started, confirmed.current = true, 0 }})
			case cur >= 0 && m.Items[cur].Kind == meeting.KindGroupwork && m.Items[cur].Timer.Started == nil:
				item := cur
				// enter on the item opens its group-work screen, where space
				// starts the round.
				acts = append(acts, action{name: "round", keys: []string{strings.Repeat("k", len(m.Items)) + strings.Repeat("j", item), "\r", " "},
					waits: []string{"", "", txt.KeyStartPause}, want: txt.NoticeRoundStarted, after: "\x1b", apply: func() {
						if st := read().Items[item].Timer.Started; st != nil {
							confirmed.roundStarts[item] = *st
						} else {
							t.Fatalf("run %d: the round's start was confirmed but is not in the database", run)
						}
					}})
			case cur >= 0 && cur < len(m.Items)-2:
				next := cur + 1
				acts = append(acts, action{name: "next", keys: []string{"n"}, want: "er i gang",
					apply: func() { confirmed.current = next }})
			}
			runAct := len(acts) > 0
			if ds := absentees(m.ID); len(ds) > 0 {
				d := ds[rnd.IntN(len(ds))]
				acts = append(acts, action{name: "check-in " + d.name, keys: []string{"F", d.name, "\r"}, waits: []string{"", txt.CheckinTitle},
					want: fmt.Sprintf(txt.NoticeCheckin, d.name, txt.StatusWords[meeting.StatusPresent]), after: "\x1b",
					apply: func() { confirmed.present[d.id] = d.name }})
				pledgeNo++
				act := fmt.Sprintf("Crashtest %d.%d", run, pledgeNo)
				acts = append(acts, action{name: "pledge " + act,
					// practice, action, owner, due (cleared of its default), save
					keys:  []string{"T", "a", d.practice, "\t" + act + "\t\t" + strings.Repeat("\x7f", 12) + "3m", "\r"},
					waits: []string{"", strings.TrimSuffix(txt.PledgesTitle, "%d)"), txt.FieldPractice2}, want: fmt.Sprintf(txt.NoticePledgeSaved, d.practice), after: "\x1b",
					apply: func() { confirmed.pledges = append(confirmed.pledges, act) }})
			}
			// k up to the top, then j down to the item, and J moves it down
			// below the next one; both must still be to come.
			if below := max(cur, 0) + 1; below+1 < len(m.Items) && pending(m.Items[below]) && pending(m.Items[below+1]) {
				title := m.Items[below].Title
				acts = append(acts, action{name: "move " + title,
					keys: []string{strings.Repeat("k", len(m.Items)) + strings.Repeat("j", below), "J"},
					want: fmt.Sprintf(txt.NoticeMoved, title),
					apply: func() {
						now := order(m.ID)
						if !isSwap(confirmed.order, now, below) {
							t.Fatalf("run %d: the move of %q was confirmed; the database's order is %q, was %q", run, title, now, confirmed.order)
						}
						confirmed.moves++
					}, at: below})
			}
			if len(acts) == 0 {
				break
			}
			// A kind not confirmed yet comes first, so that every kind is
			// covered; otherwise the meeting moves on half of the time.
			a := acts[rnd.IntN(len(acts))]
			if i := slices.IndexFunc(acts, func(a action) bool { return kinds[strings.Fields(a.name)[0]] == 0 }); i >= 0 {
				a = acts[i]
			} else if runAct && rnd.IntN(2) == 0 {
				a = acts[0]
			}
			mark := term.outputLen()
			for i, k := range a.keys[:len(a.keys)-1] {
				if i < len(a.waits) && a.waits[i] != "" && !term.containsAfter(mark, a.waits[i], step) {
					t.Fatalf("run %d: %s: %q never shown", run, a.name, a.waits[i])
				}
				mark = term.outputLen()
				term.send(k)
			}
			if i := len(a.keys) - 1; i < len(a.waits) && a.waits[i] != "" && !term.containsAfter(mark, a.waits[i], step) {
				t.Fatalf("run %d: %s: %q never shown", run, a.name, a.waits[i])
			}
			before := term.outputLen()
			term.send(a.keys[len(a.keys)-1])
			t.Logf("run %d: sent %s (item %d)", run, a.name, cur)
			// A kind is killed unwaited only once it was confirmed, so
			// every kind is covered both ways; the start happens once and
			// is drawn either way.
			kind := strings.Fields(a.name)[0]
			if rnd.IntN(3) == 0 && (kinds[kind] > 0 || kind == "start") {
				// Kill without waiting: the action may or may not have
				// landed, and nothing was confirmed.
				t.Logf("run %d: kill without waiting", run)
				if strings.HasPrefix(a.name, "move") {
					movedAt = a.at
				}
				time.Sleep(time.Duration(rnd.IntN(30)) * time.Millisecond)
				break
			}
			if !term.containsAfter(before, a.want, step) {
				t.Fatalf("run %d: %s never confirmed %q", run, a.name, a.want)
			}
			a.apply()
			kinds[kind]++
			if a.after != "" {
				// Wait for the agenda before the next key: an esc read
				// together with the next key would be taken as alt+key.
				mark := term.outputLen()
				term.send(a.after)
				if a.after == "\x1b" && !term.containsAfter(mark, txt.ColActual, step) {
					t.Fatalf("run %d: %s: esc never went back to the agenda", run, a.name)
				}
			}
			m = read()
			confirmed.order = order(m.ID)
			t.Logf("run %d: confirmed %q; stored item %d", run, a.want, m.Current())
		}
		if err := term.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = term.cmd.Wait()
		kills++

		got := read()
		if confirmed.started && !got.UnderWay() {
			t.Fatalf("run %d: the start was confirmed but is not in the database", run)
		}
		if cur := got.Current(); cur < confirmed.current {
			t.Fatalf("run %d: item %d was confirmed running, the database has %d", run, confirmed.current, cur)
		}
		here := present(got.ID)
		for id, name := range confirmed.present {
			if !here[id] {
				t.Fatalf("run %d: %s's check-in was confirmed but is not in the database", run, name)
			}
		}
		stored := pledges(got.ID)
		for _, p := range confirmed.pledges {
			if !slices.Contains(stored, p) {
				t.Fatalf("run %d: the pledge %q was confirmed but is not in the database (%q)", run, p, stored)
			}
		}
		now := order(got.ID)
		if !slices.Equal(now, confirmed.order) && !isSwap(confirmed.order, now, movedAt) {
			t.Fatalf("run %d: the agenda as confirmed is %q, the database has %q", run, confirmed.order, now)
		}
		confirmed.order = now
		// Each confirmed round's clock runs on from its stored start across
		// every kill and restart: the start is the one confirmed, not a
		// new one, and the time left shrinks with the wall clock.
		for item, start := range confirmed.roundStarts {
			timer := got.Items[item].Timer
			if timer.Started == nil || !timer.Started.Equal(start) {
				t.Fatalf("run %d: round %d has start %v; it started at %v", run, item, timer.Started, start)
			}
			if timer.PausedAt == nil && timer.Ended == nil && timer.Remaining(time.Now()) >= timer.Planned {
				t.Fatalf("run %d: round %d's clock stood still: %v left of %v", run, item, timer.Remaining(time.Now()), timer.Planned)
			}
		}
	}
	if kills < 10 {
		t.Fatalf("only %d kills in the time allowed", kills)
	}
	for _, k := range []string{"next", "round", "check-in", "pledge", "move"} {
		if kinds[k] == 0 {
			t.Errorf("no %s was confirmed in %d runs: the test did not cover it", k, kills)
		}
	}
	t.Logf("confirmed %v", kinds)
	t.Logf("%d kills; %d check-ins, %d pledges, %d moves, %d rounds confirmed; item %d running",
		kills, len(confirmed.present), len(confirmed.pledges), confirmed.moves, len(confirmed.roundStarts), confirmed.current)
}

// pending reports whether an agenda item is still to come, so it can move.
func pending(it meeting.RunItem) bool {
	s := it.Status()
	return s == meeting.StatusPending || s == meeting.StatusSkipped
}

// outputLen is how much the program has written so far.
func (term *terminal) outputLen() int {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out.Len()
}

// containsAfter reports whether text appears in the output written after
// the first from bytes, within the given time.
func (term *terminal) containsAfter(from int, text string, within time.Duration) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		found := strings.Contains(term.out.String()[from:], text)
		term.mu.Unlock()
		if found {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}
