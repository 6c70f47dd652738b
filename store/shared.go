package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"maps"
	"os"
	"sync"
	"time"

	"github.com/klynge/klynge/meeting"
)

// DataVersion is SQLite's data_version of the store's connection: it
// changes whenever another connection — another klynge on the same file,
// a projector or a console — has committed a change, and not for this
// store's own commits. Polling it costs one small read and no lock, so a
// window can follow the others without reading the meeting again and
// again.
//
// An idle console asks four times a second all evening, so the query is
// skipped while the database file and its -wal look as they did at the
// last query (size and modification time, one stat each): a commit in WAL
// mode writes the -wal, a checkpoint the file. A commit that left both
// looking the same (a -wal started again from its beginning at the same
// size within one tick of a coarse file clock) is caught by asking anyway
// once versionRecheck has passed.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	s.seen.mu.Lock()
	defer s.seen.mu.Unlock()
	now := time.Now()
	st, ok := s.stamp()
	if ok && s.seen.ok && st == s.seen.stamp && now.Sub(s.seen.at) < versionRecheck {
		return s.seen.version, nil
	}
	// The store keeps one connection for good (see open), so every call
	// asks the same connection, as data_version requires.
	var v int64
	if err := s.db.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		s.seen.ok = false
		return 0, translate(err, phrase("store.DoReadDatabaseVersion"))
	}
	s.seen.stamp, s.seen.ok, s.seen.at, s.seen.version = st, ok, now, v
	return v, nil
}

// versionRecheck is how long DataVersion trusts unchanged files.
const versionRecheck = 5 * time.Second

// versionSeen is what DataVersion found at its last query.
type versionSeen struct {
	mu      sync.Mutex
	ok      bool // stamp was read and the query answered
	stamp   fileStamp
	at      time.Time
	version int64
}

// fileStamp is the size and modification time of the database file and
// its -wal.
type fileStamp struct {
	size, walSize   int64
	mtime, walMtime time.Time
}

// stamp reads the files' stamp; false when the file cannot be read (a
// -wal that is not there is a stamp of its own).
func (s *Store) stamp() (fileStamp, bool) {
	fi, err := os.Stat(s.path)
	if err != nil {
		return fileStamp{}, false
	}
	st := fileStamp{size: fi.Size(), mtime: fi.ModTime()}
	if wi, err := os.Stat(s.path + "-wal"); err == nil {
		st.walSize, st.walMtime = wi.Size(), wi.ModTime()
	}
	return st, true
}

// UpdateRun changes meeting id's run state and live agenda by op, in one
// transaction that reads the meeting as it is stored now: when a projector
// and consoles change the meeting at once, each change starts from the
// one committed before it, and none is lost. It returns the meeting
// before and after, as stored. An error of op is returned as it is and
// nothing is written. Only what SaveRun writes (the start and the items
// with their timers and presenting groups), the slide shown and the data
// screen's state are kept
// of op's result.
func (s *Store) UpdateRun(ctx context.Context, id int64, op func(meeting.Meeting) (meeting.Meeting, error)) (before, after meeting.Meeting, err error) {
	what := phrase("store.DoSaveRunState")
	tx, err := s.db.BeginTx(ctx, nil) // immediate: holds the write lock from here
	if err != nil {
		return before, after, translate(err, what)
	}
	defer tx.Rollback()
	if before, err = findMeeting(ctx, tx, id); err != nil {
		return before, after, err
	}
	changed, err := op(before)
	if err != nil {
		return before, after, err
	}
	if err := changed.Validate(); err != nil {
		return before, after, err
	}
	if err := saveRun(ctx, tx, changed); err != nil {
		return before, after, err
	}
	if changed.Slide != before.Slide {
		if err := recordSlide(ctx, tx, id, changed.Slide); err != nil {
			return before, after, err
		}
	}
	if !sameChart(changed.DataScreen, before.DataScreen) {
		if err := recordChart(ctx, tx, id, changed.DataScreen); err != nil {
			return before, after, err
		}
	}
	if after, err = findMeeting(ctx, tx, id); err != nil {
		return before, after, err
	}
	if err := tx.Commit(); err != nil {
		return before, after, translate(err, what)
	}
	return before, after, nil
}

// RecordSlide stores the slide the projector shows (0-based) of meeting
// meetingID.
func (s *Store) RecordSlide(ctx context.Context, meetingID int64, slide int) error {
	what := phrase("store.DoSaveSlide")
	if slide < 0 {
		return meeting.Errork(meeting.EINVALID, "store.NoSlide", slide)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return translate(err, what)
	}
	defer tx.Rollback()
	if err := recordSlide(ctx, tx, meetingID, slide); err != nil {
		return err
	}
	return translate(tx.Commit(), what)
}

func recordSlide(ctx context.Context, tx *sql.Tx, meetingID int64, slide int) error {
	what := phrase("store.DoSaveSlide")
	return execOneIn(ctx, tx, what, meetingMissing(meetingID), `UPDATE meetings SET slide = ? WHERE id = ?`, slide, meetingID)
}

// meetingMissing makes the error for an update that found no meeting.
func meetingMissing(meetingID int64) func() error {
	return func() error {
		return meeting.Errork(meeting.ENOTFOUND, "store.NoMeeting", meeting.Ref(meetingID))
	}
}

// RecordChart stores the data screen's state of meeting meetingID (the
// indicator page shown and the charts revealed), so that the projector
// and its consoles show the same.
func (s *Store) RecordChart(ctx context.Context, meetingID int64, cs meeting.ChartState) error {
	what := phrase("store.DoSaveChart")
	if cs.Item < 0 || cs.Page < 0 {
		return meeting.Errork(meeting.EINVALID, "store.NoChartPage", cs.Page, cs.Item)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return translate(err, what)
	}
	defer tx.Rollback()
	if err := recordChart(ctx, tx, meetingID, cs); err != nil {
		return err
	}
	return translate(tx.Commit(), what)
}

func recordChart(ctx context.Context, tx *sql.Tx, meetingID int64, cs meeting.ChartState) error {
	what := phrase("store.DoSaveChart")
	b, err := json.Marshal(cs)
	if err != nil {
		return meeting.Errork(meeting.EINTERNAL, "store.EncodeChart", err)
	}
	return execOneIn(ctx, tx, what, meetingMissing(meetingID), `UPDATE meetings SET chart_json = ? WHERE id = ?`, string(b), meetingID)
}

func sameChart(a, b meeting.ChartState) bool {
	return a.Item == b.Item && a.Page == b.Page && a.Trend == b.Trend && maps.Equal(a.Shown, b.Shown)
}
