package store

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
)

func nan() float64 { return math.NaN() }

// fill sets every field reachable from v to a distinct non-zero value:
// strings, numbers, bools, pointers and slices of two elements.
func fill(tb testing.TB, v reflect.Value, n *int) {
	tb.Helper()
	*n++
	if v.Type() == reflect.TypeFor[meeting.MaxAge]() {
		// Stored in its text form, so only a limit that reads back is a
		// value the snapshot can carry.
		v.Set(reflect.ValueOf(meeting.MaxAge{N: *n, Unit: meeting.AgeMonths}))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + strings.Repeat("x", *n))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Float64:
		v.SetFloat(float64(*n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(tb, v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(tb, v.Index(i), n)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(tb, v.Field(i), n)
		}
	default:
		tb.Fatalf("fill: no rule for %s; teach fill and the snapshot about it", v.Type())
	}
}

// TestSnapshotCoversPack fails when meeting.Pack (or a type in it) gains a
// field that the stored snapshot does not carry.
func TestSnapshotCoversPack(t *testing.T) {
	var p meeting.Pack
	n := 0
	fill(t, reflect.ValueOf(&p).Elem(), &n)
	data, err := encodePack(p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodePack(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("snapshot lost something:\n got %#v\nwant %#v", got, p)
	}
}

func TestSnapshot_NilAndEmptySlices(t *testing.T) {
	for _, tc := range []struct {
		name string
		pack meeting.Pack
	}{
		{"zero", meeting.Pack{}},
		{"empty slices", meeting.Pack{Agenda: []meeting.AgendaItem{}, Indicators: []meeting.Indicator{}, Slides: []meeting.Slide{}, Data: []meeting.DataRow{}}},
		{"empty questions", meeting.Pack{Agenda: []meeting.AgendaItem{{Kind: meeting.KindPlenum, Questions: []string{}}, {Kind: meeting.KindTalk}}}},
		{"test pack", testPack()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := encodePack(tc.pack)
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodePack(data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.pack) {
				t.Errorf("got  %#v\nwant %#v", got, tc.pack)
			}
		})
	}
}

func TestSnapshot_StoredNames(t *testing.T) {
	// The stored names are a file format: changing one breaks the
	// snapshots of past meetings.
	data, err := encodePack(testPack())
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(data), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"format", "title", "theme", "lang", "version", "agenda", "indicators", "slides", "data"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("snapshot has no %q: %s", key, data)
		}
	}
	for _, want := range []string{`"min_denominator":5`, `"kind":"groupwork"`, `"ydernummer":"012345"`, `"better":"higher"`} {
		if !strings.Contains(data, want) {
			t.Errorf("snapshot lacks %s: %s", want, data)
		}
	}
}

func TestSnapshot_Malformed(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"not json", `{`, "malformed"},
		{"newer format", `{"format": 99}`, "format 99"},
		{"no format", `{"title": "x"}`, "format 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodePack(tc.data)
			wantError(t, err, meeting.EINTERNAL, tc.want)
		})
	}
}
