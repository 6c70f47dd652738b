package store

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// newSchema is the schema a new database gets in one step: what the
// migrations 0001…N leave, written down by TestNewSchemaIsTheMigrations
// (go test ./store -run TestNewSchemaIsTheMigrations -update). Replaying
// fifteen migrations, several of which rebuild tables, took about 17 ms of
// the demo's start; this takes about 1 ms. Its first line names N: with
// any other number of migrations (a new one not yet written down here, or
// a test opening an older schema) the migrations are replayed instead.
//
//go:embed schema.sql
var newSchema string

// newSchemaHeader starts schema.sql; the schema version follows it.
const newSchemaHeader = "-- klynge schema "

// schemaSnapshot returns the SQL that makes a new database at the version
// of the last of ms in one step, if schema.sql is of that version.
func schemaSnapshot(ms []migration) (string, bool) {
	first, _, _ := strings.Cut(newSchema, "\n")
	num, _, _ := strings.Cut(strings.TrimPrefix(first, newSchemaHeader), ":")
	v, err := strconv.Atoi(num)
	if !strings.HasPrefix(first, newSchemaHeader) || err != nil || len(ms) == 0 || v != ms[len(ms)-1].version {
		return "", false
	}
	return newSchema, true
}

// newSchemaRows are the rows the migrations put in a new database, made
// as they make them (0008: the database's random id). The test compares
// every table's rows with the migrations', so a migration that adds rows
// fails it until they are added here.
var newSchemaRows = []string{
	`INSERT INTO database_info (id, uid) VALUES (1, lower(hex(randomblob(16))))`,
}

// schemaFile is the text of schema.sql for the schema version and the
// objects' CREATE statements, in an order in which they can be run,
// followed by newSchemaRows.
func schemaFile(version int, creates []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%d: what migrations 0001-%04d make of a new database, in one step.\n", newSchemaHeader, version, version)
	b.WriteString("-- Written by `go test ./store -run TestNewSchemaIsTheMigrations -update`; do not edit.\n")
	for _, c := range append(creates, newSchemaRows...) {
		b.WriteString("\n")
		b.WriteString(c)
		b.WriteString(";\n")
	}
	return b.String()
}
