package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/klynge/klynge/meeting"
)

// countingConn wraps a SQLite connection and counts the statements run on
// it, split into data statements and transaction control (BEGIN, COMMIT,
// ROLLBACK), which database/sql sends through the driver's Tx.
type countingConn struct {
	*sqlite3.SQLiteConn
	counter *statementCounter
}

type statementCounter struct {
	data, control atomic.Int64
	mu            sync.Mutex
	log           []string
}

func (c *statementCounter) add(query string) {
	c.data.Add(1)
	c.mu.Lock()
	c.log = append(c.log, strings.Join(strings.Fields(query), " "))
	c.mu.Unlock()
}

func (c *statementCounter) reset() {
	c.data.Store(0)
	c.control.Store(0)
	c.mu.Lock()
	c.log = nil
	c.mu.Unlock()
}

func (c countingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	c.counter.add(query)
	return c.SQLiteConn.ExecContext(ctx, query, args)
}

func (c countingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	c.counter.add(query)
	return c.SQLiteConn.QueryContext(ctx, query, args)
}

func (c countingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	c.counter.add(query)
	return c.SQLiteConn.PrepareContext(ctx, query)
}

func (c countingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	c.counter.control.Add(1)
	tx, err := c.SQLiteConn.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return countingTx{tx, c.counter}, nil
}

type countingTx struct {
	driver.Tx
	counter *statementCounter
}

func (t countingTx) Commit() error   { t.counter.control.Add(1); return t.Tx.Commit() }
func (t countingTx) Rollback() error { t.counter.control.Add(1); return t.Tx.Rollback() }

type countingDriver struct{ counter *statementCounter }

func (d countingDriver) Open(name string) (driver.Conn, error) {
	conn, err := (&sqlite3.SQLiteDriver{}).Open(name)
	if err != nil {
		return nil, err
	}
	return countingConn{conn.(*sqlite3.SQLiteConn), d.counter}, nil
}

var (
	countingOnce sync.Once
	counter      = &statementCounter{}
)

// countingStore opens the (already created and migrated) database at path
// through a driver that counts statements.
func countingStore(t *testing.T, path string) *Store {
	t.Helper()
	countingOnce.Do(func() { sql.Register("sqlite3_counting", countingDriver{counter}) })
	db, err := sql.Open("sqlite3_counting", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return &Store{db: db, path: path}
}

// TestStatementsPerWrite counts the SQL statements behind the writes of
// single key presses: a check-in, a pledge (new, edited, followed up,
// deleted), a timer change, a consent and a run-state change. Each must stay at most 4 data
// statements plus its BEGIN and COMMIT; a write that reloads the meeting
// costs over 20.
func TestStatementsPerWrite(t *testing.T) {
	f := mustPledgeFixture(t)
	ctx := context.Background()
	var member meeting.Member
	for _, p := range f.c.Practices {
		if len(p.Members) > 0 {
			member = p.Members[0]
			break
		}
	}
	at := f.m1.PlannedStart.Add(time.Minute)
	item := f.m1.Items[len(f.m1.Items)-1]
	next, err := f.m1.Start(at)
	if err != nil {
		t.Fatal(err)
	}
	s := countingStore(t, f.path)
	var pledgeID int64
	cases := []struct {
		name  string
		write func() error
	}{
		{"check-in", func() error {
			return s.RecordAttendance(ctx, f.m1.ID, meeting.Attendance{MemberID: member.ID, Status: meeting.StatusPresent, At: at})
		}},
		{"check-in cleared", func() error {
			return s.RecordAttendance(ctx, f.m1.ID, meeting.Attendance{MemberID: member.ID, Status: meeting.StatusNotChecked})
		}},
		{"pledge", func() error {
			p, err := s.SavePledge(ctx, testPledge(f.m1.ID))
			pledgeID = p.ID
			return err
		}},
		{"pledge edited", func() error {
			p := testPledge(f.m1.ID)
			p.ID, p.Action = pledgeID, "Ny instruks til personalet"
			_, err := s.SavePledge(ctx, p)
			return err
		}},
		{"follow-up outcome", func() error {
			_, err := s.ReviewPledge(ctx, pledgeID, f.m2.ID, meeting.OutcomeDone, "godt", at)
			return err
		}},
		{"pledge deleted", func() error {
			_, err := s.DeletePledge(ctx, pledgeID, at)
			return err
		}},
		{"timer change", func() error {
			tm, err := meeting.Timer{Planned: 20 * time.Minute}.Start(at)
			if err != nil {
				return err
			}
			return s.RecordTimer(ctx, f.m1.ID, item.ID, tm)
		}},
		{"consent", func() error { return s.RecordConsent(ctx, f.m1.ID, "047318", true, at) }},
		{"start (run state)", func() error {
			return s.RecordRunState(ctx, f.m1.ID, next.Started, next.Items[:1])
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			counter.reset()
			if err := c.write(); err != nil {
				t.Fatal(err)
			}
			data, control := counter.data.Load(), counter.control.Load()
			t.Logf("%s: %d statements + %d transaction control", c.name, data, control)
			if data > 4 {
				t.Errorf("%s ran %d statements, want at most 4:\n%s", c.name, data, strings.Join(counter.log, "\n"))
			}
			if control != 2 {
				t.Errorf("%s ran %d BEGIN/COMMIT/ROLLBACK, want one transaction", c.name, control)
			}
		})
	}
}

// TestListingMeetingsIsNotNPlusOne: listing every meeting runs as many
// statements as reading one, whatever the number of meetings.
func TestListingMeetingsIsNotNPlusOne(t *testing.T) {
	f := mustPledgeFixture(t)
	ctx := context.Background()
	s := countingStore(t, f.path)
	counter.reset()
	if _, err := s.Meeting(ctx, f.m1.ID); err != nil {
		t.Fatal(err)
	}
	one := counter.data.Load()
	counter.reset()
	ms, err := s.Meetings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all := counter.data.Load()
	t.Logf("one meeting: %d statements; %d meetings: %d", one, len(ms), all)
	if len(ms) < 4 {
		t.Fatalf("%d meetings in the fixture, want at least 4", len(ms))
	}
	if all != one {
		t.Errorf("listing %d meetings ran %d statements, reading one %d:\n%s", len(ms), all, one, strings.Join(counter.log, "\n"))
	}
}
