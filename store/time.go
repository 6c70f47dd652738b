package store

import (
	"database/sql"
	"time"

	"github.com/klynge/klynge/meeting"
)

// encodeTime formats t as RFC 3339 with nanoseconds and its zone offset,
// which reads back as the same instant in the same offset. (The location's
// name is not kept: a time in Europe/Copenhagen reads back in a fixed +01:00
// or +02:00 zone, or as time.Local when the offset matches it.) what names
// the value for the error a year outside 0–9999 gives.
func encodeTime(t time.Time, what meeting.Phrase) (string, error) {
	if _, off := t.Zone(); off%60 != 0 {
		// RFC 3339 offsets have no seconds (historic local mean time has
		// them); keep the instant by storing UTC.
		t = t.UTC()
	}
	b, err := t.MarshalText()
	if err != nil {
		return "", meeting.Errork(meeting.EINVALID, "store.TimeOutOfRange", what, t.Format(time.DateOnly))
	}
	return string(b), nil
}

// encodeTimePtr is encodeTime for an optional time: nil is NULL.
func encodeTimePtr(t *time.Time, what meeting.Phrase) (sql.NullString, error) {
	if t == nil {
		return sql.NullString{}, nil
	}
	s, err := encodeTime(*t, what)
	return sql.NullString{String: s, Valid: err == nil}, err
}

// decodeTime parses a time written by encodeTime.
func decodeTime(s string) (time.Time, error) {
	var t time.Time
	if err := t.UnmarshalText([]byte(s)); err != nil {
		return time.Time{}, meeting.Errork(meeting.EINTERNAL, "store.MalformedTime", s)
	}
	return t, nil
}

// decodeTimePtr is decodeTime for an optional time: NULL is nil.
func decodeTimePtr(s sql.NullString) (*time.Time, error) {
	if !s.Valid {
		return nil, nil
	}
	t, err := decodeTime(s.String)
	if err != nil {
		return nil, err
	}
	return &t, nil
}
