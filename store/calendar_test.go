package store

import (
	"context"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

func TestPledgeRevision(t *testing.T) {
	ctx := context.Background()
	f := mustPledgeFixture(t)
	p, err := f.s.SavePledge(ctx, testPledge(f.m1.ID))
	if err != nil {
		t.Fatal(err)
	}
	if p.Revision != 0 || !p.Changed.IsZero() {
		t.Errorf("new pledge: revision %d, changed %v", p.Revision, p.Changed)
	}
	steps := []struct {
		name string
		do   func() error
		want int
	}{
		{"saved unchanged", func() error { _, err := f.s.SavePledge(ctx, p); return err }, 0},
		{"due date moved", func() error {
			q := p
			q.Due = q.Due.AddDate(0, 1, 0)
			_, err := f.s.SavePledge(ctx, q)
			return err
		}, 1},
		{"deleted", func() error { _, err := f.s.DeletePledge(ctx, p.ID, time.Now()); return err }, 2},
		{"deleted again", func() error { _, err := f.s.DeletePledge(ctx, p.ID, time.Now()); return err }, 2},
		{"restored", func() error { _, err := f.s.RestorePledge(ctx, p.ID); return err }, 3},
	}
	var last time.Time
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		ps, err := f.s.PledgesWithDeleted(ctx, f.m1.ID)
		if err != nil || len(ps) != 1 {
			t.Fatalf("%s: PledgesWithDeleted = %v, %v", st.name, ps, err)
		}
		got := ps[0]
		if got.Revision != st.want {
			t.Errorf("%s: revision %d, want %d", st.name, got.Revision, st.want)
		}
		if st.want > 0 && (got.Changed.IsZero() || got.Changed.Before(last)) {
			t.Errorf("%s: changed %v, after %v", st.name, got.Changed, last)
		}
		last = got.Changed
	}
}

func TestDatabaseID(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := mustOpenPath(t, filepath.Join(dir, "a.db"))
	b := mustOpenPath(t, filepath.Join(dir, "b.db"))
	ida, err1 := a.DatabaseID(ctx)
	idb, err2 := b.DatabaseID(ctx)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(ida) || ida == idb {
		t.Errorf("ids %q and %q: want two different 32-hex-digit ids", ida, idb)
	}
	a.Close()
	a = mustOpenPath(t, filepath.Join(dir, "a.db"))
	if again, err := a.DatabaseID(ctx); err != nil || again != ida {
		t.Errorf("after reopening: %q, %v; want %q", again, err, ida)
	}
}
