package meeting

import (
	"reflect"
	"sync"
	"time"
)

// InertCopy returns v with every string in it made inert by Inert, so a
// value read from the store can go to a screen, a CLI line or an export
// whatever an older version stored. Text is made one-line everywhere
// except in the struct fields named in multiLine (e.g. "Body" and "Notes"
// for slides on a screen, "Action" and "Comment" in an export that lays
// out paragraphs), which keep their newlines (InertLines). Structs,
// slices, maps and pointers are copied where something changes; when
// nothing needs to change, v itself is returned and nothing is copied.
func InertCopy[T any](v T, multiLine ...string) T {
	w := inertWalk{multi: multiLine}
	rv := reflect.ValueOf(&v).Elem()
	if !w.needsInert(rv, false) {
		return v
	}
	return w.inertValue(rv, false).Interface().(T)
}

// inertWalk is one InertCopy: which fields keep their newlines.
type inertWalk struct{ multi []string }

func (w inertWalk) multiLine(name string) bool {
	for _, m := range w.multi {
		if m == name {
			return true
		}
	}
	return false
}

// needsInert reports whether any string in v would change under inertValue.
func (w inertWalk) needsInert(v reflect.Value, multi bool) bool {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if multi {
			return InertLines(s) != s
		}
		return Inert(s) != s
	case reflect.Struct:
		if v.Type() == timeType {
			return false
		}
		for _, f := range fieldsOf(v.Type()) {
			if w.needsInert(v.Field(f.index), w.multiLine(f.name)) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if w.needsInert(v.Index(i), multi) {
				return true
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			if w.needsInert(iter.Key(), false) || w.needsInert(iter.Value(), multi) {
				return true
			}
		}
	case reflect.Pointer:
		return !v.IsNil() && w.needsInert(v.Elem(), multi)
	}
	return false
}

// fieldInfo is an exported field that may hold text.
type fieldInfo struct {
	index int
	name  string
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
			fs = append(fs, fieldInfo{index: i, name: f.Name})
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

func (w inertWalk) inertValue(v reflect.Value, multi bool) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		out := reflect.New(v.Type()).Elem()
		if multi {
			out.SetString(InertLines(v.String()))
		} else {
			out.SetString(Inert(v.String()))
		}
		return out
	case reflect.Struct:
		if v.Type() == timeType {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for _, f := range fieldsOf(v.Type()) {
			out.Field(f.index).Set(w.inertValue(v.Field(f.index), w.multiLine(f.name)))
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(w.inertValue(v.Index(i), multi))
		}
		return out
	case reflect.Array:
		out := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			out.Index(i).Set(w.inertValue(v.Index(i), multi))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		iter := v.MapRange()
		for iter.Next() {
			out.SetMapIndex(w.inertValue(iter.Key(), false), w.inertValue(iter.Value(), multi))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		switch v.Elem().Kind() {
		case reflect.String, reflect.Struct, reflect.Slice, reflect.Map:
			out := reflect.New(v.Type().Elem())
			out.Elem().Set(w.inertValue(v.Elem(), multi))
			return out
		}
		return v
	}
	return v
}

// timeType is time.Time, whose unexported fields hold no text.
var timeType = reflect.TypeFor[time.Time]()
