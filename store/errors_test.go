package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/mattn/go-sqlite3"
)

func TestTranslate_Codes(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		code string
		want string
	}{
		{"foreign key", sqlite3.Error{Code: sqlite3.ErrConstraint, ExtendedCode: sqlite3.ErrConstraintForeignKey}, meeting.EINVALID, "does not exist"},
		{"unique", sqlite3.Error{Code: sqlite3.ErrConstraint, ExtendedCode: sqlite3.ErrConstraintUnique}, meeting.ECONFLICT, "already exists"},
		{"primary key", sqlite3.Error{Code: sqlite3.ErrConstraint, ExtendedCode: sqlite3.ErrConstraintPrimaryKey}, meeting.ECONFLICT, "already exists"},
		{"check", sqlite3.Error{Code: sqlite3.ErrConstraint, ExtendedCode: sqlite3.ErrConstraintCheck}, meeting.EINVALID, "out of range"},
		{"not null", sqlite3.Error{Code: sqlite3.ErrConstraint, ExtendedCode: sqlite3.ErrConstraintNotNull}, meeting.EINVALID, "missing"},
		{"busy", sqlite3.Error{Code: sqlite3.ErrBusy}, meeting.ELOCKED, "another klynge"},
		{"locked", sqlite3.Error{Code: sqlite3.ErrLocked}, meeting.ELOCKED, "another klynge"},
		{"wrapped busy", fmt.Errorf("exec: %w", sqlite3.Error{Code: sqlite3.ErrBusy}), meeting.ELOCKED, "busy"},
		{"read-only", sqlite3.Error{Code: sqlite3.ErrReadonly}, meeting.EINVALID, "permissions"},
		{"full", sqlite3.Error{Code: sqlite3.ErrFull}, meeting.EINTERNAL, "disk is full"},
		{"not a database", sqlite3.Error{Code: sqlite3.ErrNotADB}, meeting.EINVALID, "not a klynge database"},
		{"other driver error", sqlite3.Error{Code: sqlite3.ErrMisuse}, meeting.EINTERNAL, "cannot save the meeting"},
		{"not from the driver", errors.New("sql: database is closed"), meeting.EINTERNAL, "database is closed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := translate(tc.err, phrase("store.DoSaveMeeting"))
			wantError(t, err, tc.code, "cannot save the meeting", tc.want)
			if !errors.Is(err, tc.err) && !errors.As(err, new(sqlite3.Error)) {
				t.Errorf("the driver's error is not in the chain of %v", err)
			}
		})
	}
}

func TestTranslate_PassesThrough(t *testing.T) {
	if err := translate(nil, phrase("store.DoSaveMeeting")); err != nil {
		t.Errorf("translate(nil) = %v", err)
	}
	me := meeting.Errorf(meeting.ENOTFOUND, "gone")
	if err := translate(me, phrase("store.DoSaveMeeting")); err != me {
		t.Errorf("translate(*meeting.Error) = %v", err)
	}
	if err := translate(context.Canceled, phrase("store.DoSaveMeeting")); !errors.Is(err, context.Canceled) {
		t.Errorf("translate(context.Canceled) = %v", err)
	}
}

// TestTranslate_RealConstraints checks the codes the bundled SQLite really
// reports, through the schema.
func TestTranslate_RealConstraints(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	clusterID := mustCluster(t, s)
	for _, tc := range []struct {
		name  string
		query string
		args  []any
		code  string
	}{
		{"duplicate ydernummer", `INSERT INTO practices (cluster_id, ydernummer, name) VALUES (?, '012345', 'x')`, []any{clusterID}, meeting.ECONFLICT},
		{"practice of no cluster", `INSERT INTO practices (cluster_id, ydernummer, name) VALUES (999, '1', 'x')`, nil, meeting.EINVALID},
		{"unknown role", `INSERT INTO members (practice_id, name, role) VALUES ((SELECT min(id) FROM practices), 'x', 'boss')`, nil, meeting.EINVALID},
		{"agenda of no meeting", `INSERT INTO agenda_items (meeting_id, position, kind, title, planned_minutes) VALUES (999, 0, 'talk', '', 5)`, nil, meeting.EINVALID},
		{"malformed time", `INSERT INTO meetings (cluster_id, title, planned_start, planned_end, created_at, pack_json) VALUES (?, 't', 'tirsdag', 'onsdag', 'nu', '{}')`, []any{clusterID}, meeting.EINVALID},
		{"strict column type", `INSERT INTO agenda_items (meeting_id, position, kind, title, planned_minutes) VALUES (1, 'first', 'talk', '', 5)`, nil, meeting.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.db.ExecContext(ctx, tc.query, tc.args...)
			if err == nil {
				t.Fatal("the schema accepted it")
			}
			wantError(t, translate(err, phrase("store.DoSaveMeeting")), tc.code)
		})
	}
}

func TestStore_ClosedStore(t *testing.T) {
	s, err := Open(t.TempDir() + "/klynge.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = s.Clusters(context.Background())
	wantError(t, err, meeting.EINTERNAL, "cannot list the clusters")
}
