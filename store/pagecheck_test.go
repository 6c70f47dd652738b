package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

// TestOpenCheckLeavesConstraintsOn: the open's quick check sets the CHECK
// constraints aside only while it runs; the store's writes afterwards are
// held to them, and a row that breaks one (written past them, as damage
// inside a page could) is refused by `klynge check`, not at open.
func TestOpenCheckLeavesConstraintsOn(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	s := mustOpenPath(t, path)
	if _, err := s.CreateCluster(ctx, testCluster()); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = mustOpenPath(t, path)
	// A cluster's name must not be blank: refused after the open's check.
	_, err := s.db.ExecContext(ctx, `UPDATE clusters SET name = ' '`)
	if err == nil {
		t.Fatal("a write breaking a CHECK constraint was taken after Open")
	}
	// A row past the constraints: the open passes, Check refuses.
	if _, err := s.db.ExecContext(ctx, `PRAGMA ignore_check_constraints = ON`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE clusters SET name = ' '`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpenPath(t, path)
	if err := s.QuickCheck(ctx); err != nil {
		t.Errorf("QuickCheck: %v", err)
	}
	if err := s.Check(ctx); !errors.Is(err, ErrDamaged) {
		t.Errorf("Check of a row breaking a CHECK constraint: %v, want ErrDamaged", err)
	}
}
