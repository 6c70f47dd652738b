package tui

import (
	"context"
	"reflect"
	"sync"
	"time"

	"github.com/klynge/klynge/meeting"
)

// inertStore hands the screens only inert text. A database written by an
// older version, or by hand, may hold names with escape codes, tabs,
// newlines or direction overrides; every value read from the store passes
// through meeting.Inert here, once, so no screen can forget it and a
// guest's name can never recolour, clear or rename the projected terminal.
// Writes pass straight through.
type inertStore struct{ Store }

// inertData returns a deep copy of v with every string made inert:
// one-line (tabs and newlines flattened) except the multi-line fields a
// screen lays out itself (slide bodies and notes, group notes).
func inertData[T any](v T, err error) (T, error) {
	if err != nil {
		return v, err
	}
	rv := reflect.ValueOf(&v).Elem()
	if !needsInert(rv, false) {
		return v, nil // the usual case: look, but copy nothing
	}
	return inertValue(rv, false).Interface().(T), nil
}

// needsInert reports whether any string in v would change under inertValue.
func needsInert(v reflect.Value, multi bool) bool {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if multi {
			return meeting.InertLines(s) != s
		}
		return meeting.Inert(s) != s
	case reflect.Struct:
		if v.Type() == timeType {
			return false
		}
		for _, f := range fieldsOf(v.Type()) {
			if needsInert(v.Field(f.index), f.multi) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if needsInert(v.Index(i), multi) {
				return true
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			if needsInert(iter.Key(), false) || needsInert(iter.Value(), multi) {
				return true
			}
		}
	case reflect.Pointer:
		return !v.IsNil() && needsInert(v.Elem(), multi)
	}
	return false
}

// fieldInfo is an exported field that may hold text.
type fieldInfo struct {
	index int
	multi bool
}

// fieldCache maps a struct type to its fieldInfos. It only ever grows by
// values computed from the type itself, as encoding/json's cache does, so
// sharing it is safe; it spares a StructField allocation per field per read.
var fieldCache sync.Map

func fieldsOf(t reflect.Type) []fieldInfo {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]fieldInfo)
	}
	var fs []fieldInfo
	for i := range t.NumField() {
		f := t.Field(i)
		if f.IsExported() && holdsText(f.Type) {
			fs = append(fs, fieldInfo{index: i, multi: multiLineField(f.Name)})
		}
	}
	fieldCache.Store(t, fs)
	return fs
}

// holdsText reports whether a value of type t can contain a string.
func holdsText(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Struct, reflect.Interface:
		return t != timeType
	case reflect.Slice, reflect.Array, reflect.Pointer:
		return holdsText(t.Elem())
	case reflect.Map:
		return holdsText(t.Key()) || holdsText(t.Elem())
	}
	return false
}

// multiLineFields are the struct fields whose text keeps its newlines.
func multiLineField(name string) bool {
	return name == "Body" || name == "Notes"
}

func inertValue(v reflect.Value, multi bool) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		out := reflect.New(v.Type()).Elem()
		if multi {
			out.SetString(meeting.InertLines(v.String()))
		} else {
			out.SetString(meeting.Inert(v.String()))
		}
		return out
	case reflect.Struct:
		if v.Type() == timeType {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for _, f := range fieldsOf(v.Type()) {
			out.Field(f.index).Set(inertValue(v.Field(f.index), f.multi))
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(inertValue(v.Index(i), multi))
		}
		return out
	case reflect.Array:
		out := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			out.Index(i).Set(inertValue(v.Index(i), multi))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		iter := v.MapRange()
		for iter.Next() {
			out.SetMapIndex(inertValue(iter.Key(), false), inertValue(iter.Value(), multi))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		switch v.Elem().Kind() {
		case reflect.String, reflect.Struct, reflect.Slice, reflect.Map:
			out := reflect.New(v.Type().Elem())
			out.Elem().Set(inertValue(v.Elem(), multi))
			return out
		}
		return v
	}
	return v
}

// Meeting implements Store with inert text.
func (s inertStore) Meeting(ctx context.Context, id int64) (meeting.Meeting, error) {
	return inertData(s.Store.Meeting(ctx, id))
}

// SaveRun implements Store with inert text.
func (s inertStore) SaveRun(ctx context.Context, m meeting.Meeting) (meeting.Meeting, error) {
	return inertData(s.Store.SaveRun(ctx, m))
}

// Cluster implements Store with inert text.
func (s inertStore) Cluster(ctx context.Context, id int64) (meeting.Cluster, error) {
	return inertData(s.Store.Cluster(ctx, id))
}

// AddGuest implements Store with inert text.
func (s inertStore) AddGuest(ctx context.Context, meetingID int64, g meeting.Guest) (meeting.Meeting, error) {
	return inertData(s.Store.AddGuest(ctx, meetingID, g))
}

// AddMember implements Store with inert text.
func (s inertStore) AddMember(ctx context.Context, clusterID int64, ydernummer string, m meeting.Member, practiceName string) (meeting.Member, error) {
	return inertData(s.Store.AddMember(ctx, clusterID, ydernummer, m, practiceName))
}

// UpdateMember implements Store with inert text.
func (s inertStore) UpdateMember(ctx context.Context, m meeting.Member) (meeting.Member, error) {
	return inertData(s.Store.UpdateMember(ctx, m))
}

// RetireMember implements Store with inert text.
func (s inertStore) RetireMember(ctx context.Context, memberID int64, at time.Time) (meeting.Member, error) {
	return inertData(s.Store.RetireMember(ctx, memberID, at))
}

// AttendanceHistory implements Store with inert text.
func (s inertStore) AttendanceHistory(ctx context.Context, clusterID int64, since time.Time) ([]meeting.MeetingAttendance, error) {
	return inertData(s.Store.AttendanceHistory(ctx, clusterID, since))
}

// SaveGroups implements Store with inert text.
func (s inertStore) SaveGroups(ctx context.Context, meetingID int64, groups []meeting.Group) (meeting.Meeting, error) {
	return inertData(s.Store.SaveGroups(ctx, meetingID, groups))
}

// PreviousGroups implements Store with inert text.
func (s inertStore) PreviousGroups(ctx context.Context, meetingID int64) ([]meeting.Group, error) {
	return inertData(s.Store.PreviousGroups(ctx, meetingID))
}

// SavePledge implements Store with inert text.
func (s inertStore) SavePledge(ctx context.Context, p meeting.Pledge) (meeting.Pledge, error) {
	return inertData(s.Store.SavePledge(ctx, p))
}

// DeletePledge implements Store with inert text.
func (s inertStore) DeletePledge(ctx context.Context, id int64, at time.Time) (meeting.Pledge, error) {
	return inertData(s.Store.DeletePledge(ctx, id, at))
}

// RestorePledge implements Store with inert text.
func (s inertStore) RestorePledge(ctx context.Context, id int64) (meeting.Pledge, error) {
	return inertData(s.Store.RestorePledge(ctx, id))
}

// Pledges implements Store with inert text.
func (s inertStore) Pledges(ctx context.Context, meetingID int64) ([]meeting.Pledge, error) {
	return inertData(s.Store.Pledges(ctx, meetingID))
}

// OpenPledges implements Store with inert text.
func (s inertStore) OpenPledges(ctx context.Context, meetingID int64) ([]meeting.Pledge, error) {
	return inertData(s.Store.OpenPledges(ctx, meetingID))
}

// ReviewPledge implements Store with inert text.
func (s inertStore) ReviewPledge(ctx context.Context, pledgeID, atMeetingID int64, outcome meeting.ReviewOutcome, comment string, at time.Time) (meeting.Pledge, error) {
	return inertData(s.Store.ReviewPledge(ctx, pledgeID, atMeetingID, outcome, comment, at))
}

// Meetings implements Store with inert text.
func (s inertStore) Meetings(ctx context.Context) ([]meeting.Meeting, error) {
	return inertData(s.Store.Meetings(ctx))
}

// Compile-time check that every Store method is covered by the wrapper's
// embedding.
var _ Store = inertStore{}

// cellsRight right-aligns s (made inert) in w terminal cells, for labels
// beside bars: emoji and wide characters never shift the bar.
func cellsRight(s string, w int) string {
	s = meeting.FitCells(s, w)
	if n := meeting.Cells(s); n < w {
		return spaces(w-n) + s
	}
	return s
}

// cellsLeft left-aligns s (made inert) in w terminal cells.
func cellsLeft(s string, w int) string { return meeting.PadCells(s, w) }

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

// timeType is time.Time, whose unexported fields hold no text.
var timeType = reflect.TypeFor[time.Time]()
