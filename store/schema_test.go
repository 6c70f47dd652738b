package store

import (
	"context"
	"database/sql"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
)

var updateSchema = flag.Bool("update", false, "write schema.sql from the migrations")

// schemaObject is one row of sqlite_schema.
type schemaObject struct{ Type, Name, Table, SQL string }

// schemaObjects lists the database's own objects (not SQLite's), tables
// first, in the order they were made.
func schemaObjects(t *testing.T, db *sql.DB) []schemaObject {
	t.Helper()
	rows, err := db.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
		WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'
		ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var objs []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.Type, &o.Name, &o.Table, &o.SQL); err != nil {
			t.Fatal(err)
		}
		objs = append(objs, o)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return objs
}

// replayed makes a new database by running every migration in turn, as
// an older klynge did.
func replayed(t *testing.T, ms []migration) *sql.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "replayed.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	for _, m := range ms {
		body, err := m.body()
		if err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if _, err := db.Exec(body); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	return db
}

// TestNewSchemaIsTheMigrations checks that schema.sql, which a new
// database is made from, is exactly what the migrations make: the same
// tables, indexes, views and triggers with the same SQL, and no rows.
// After adding a migration, run it with -update and read the diff.
func TestNewSchemaIsTheMigrations(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	want := schemaObjects(t, replayed(t, ms))
	if *updateSchema {
		creates := make([]string, len(want))
		for i, o := range want {
			creates[i] = o.SQL
		}
		if err := os.WriteFile("schema.sql", []byte(schemaFile(ms[len(ms)-1].version, creates)), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skip("wrote schema.sql: build again and run without -update")
	}
	if _, ok := schemaSnapshot(ms); !ok {
		t.Fatalf("schema.sql is not of schema %d: run go test ./store -run TestNewSchemaIsTheMigrations -update", len(ms))
	}
	s := mustOpen(t)
	got := schemaObjects(t, s.db)
	if !reflect.DeepEqual(got, want) {
		for i := 0; i < max(len(got), len(want)); i++ {
			var g, w schemaObject
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("object %d: new database has\n%+v\nthe migrations make\n%+v", i, g, w)
			}
		}
		t.Fatal("schema.sql differs from the migrations: run go test ./store -run TestNewSchemaIsTheMigrations -update")
	}
	replay := replayed(t, ms)
	for _, o := range got {
		if o.Type != "table" {
			continue
		}
		count := `SELECT count(*) FROM "` + o.Name + `"`
		var n, m int
		if err := s.db.QueryRowContext(context.Background(), count).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if err := replay.QueryRow(count).Scan(&m); err != nil {
			t.Fatal(err)
		}
		if n != m {
			t.Errorf("table %s of a new database has %d rows, the migrations make %d: add them to newSchemaRows", o.Name, n, m)
		}
	}
	// The database's id is its own, as the migration makes it.
	other := mustOpen(t)
	a, errA := s.DatabaseID(context.Background())
	b, errB := other.DatabaseID(context.Background())
	if errA != nil || errB != nil || a == b || len(a) != 32 {
		t.Errorf("two new databases' ids: %q, %q (%v, %v); want two different ids of 32 hex digits", a, b, errA, errB)
	}
	if v, err := s.SchemaVersion(context.Background()); err != nil || v != len(ms) {
		t.Errorf("new database at schema %d, %v; want %d", v, err, len(ms))
	}
}

// TestOlderSchemaIsReplayed opens a new database with fewer migrations than
// schema.sql is of (as the tests of a migration do): the migrations are
// replayed, and the database is at their last version.
func TestOlderSchemaIsReplayed(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := schemaSnapshot(ms[:5]); ok {
		t.Fatal("schema.sql taken for five migrations")
	}
	s, err := openWith(filepath.Join(t.TempDir(), "old.db"), ms[:5])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := schemaObjects(t, s.db), schemaObjects(t, replayed(t, ms[:5])); !reflect.DeepEqual(got, want) {
		t.Errorf("a new database of schema 5 differs from the five migrations replayed")
	}
}

// BenchmarkOpenNew makes a new database, as `klynge demo` does at every
// start: the schema in one step and one commit.
func BenchmarkOpenNew(b *testing.B) {
	dir := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		s, err := Open(filepath.Join(dir, strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
