package store

import (
	"context"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// TestImportFigures_ArrivalsAndRegions imports figures twice and reads back
// the latest arrival per practice and the region figures; an import with
// a bad row or a bad region figure stores nothing, not even an arrival.
func TestImportFigures_ArrivalsAndRegions(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	m, err := s.CreateMeeting(ctx, testMeeting(mustCluster(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	if m.Arrivals != nil || m.Regions != nil {
		t.Fatalf("a new meeting has arrivals %v or regions %v", m.Arrivals, m.Regions)
	}
	first := time.Date(2025, 2, 20, 9, 0, 0, 0, time.UTC)
	imp := meeting.FigureImport{
		Rows:    []meeting.DataRow{share("012345", 10, 40), share("045678", 12, 40), listSize("012345", 4870)},
		At:      first,
		Sources: map[string]string{"012345": "tal-012345.csv", "045678": "tal-045678.xlsx"},
		Regions: []meeting.RegionFigure{{Indicator: "listestr", Value: 1580, Source: "region.csv", Practices: 41}},
	}
	if _, err := s.ImportFigures(ctx, m.ID, imp); err != nil {
		t.Fatal(err)
	}
	later := first.Add(48 * time.Hour)
	if _, err := s.ImportFigures(ctx, m.ID, meeting.FigureImport{
		Rows: []meeting.DataRow{share("045678", 13, 40)}, At: later, Sources: map[string]string{"045678": "rettet.csv"},
	}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]meeting.Arrival{
		"012345": {Ydernummer: "012345", At: first, Source: "tal-012345.csv", Figures: 2},
		"045678": {Ydernummer: "045678", At: later, Source: "rettet.csv", Figures: 1},
	}
	if len(got.Arrivals) != len(want) {
		t.Fatalf("arrivals %v, want %v", got.Arrivals, want)
	}
	for yd, w := range want {
		a := got.Arrivals[yd]
		if !a.At.Equal(w.At) || a.Source != w.Source || a.Figures != w.Figures || a.Ydernummer != yd {
			t.Errorf("arrival of %s: %+v, want %+v", yd, a, w)
		}
	}
	if rf := got.Regions["listestr"]; rf != imp.Regions[0] || len(got.Regions) != 1 {
		t.Errorf("regions %v, want %v", got.Regions, imp.Regions)
	}

	before := got
	for _, tt := range []struct {
		name string
		imp  meeting.FigureImport
	}{
		{"a practice outside the cluster", meeting.FigureImport{At: later, Rows: []meeting.DataRow{share("099999", 1, 10), share("777777", 1, 10)}}},
		{"a region figure for an unknown indicator", meeting.FigureImport{At: later, Rows: []meeting.DataRow{share("099999", 1, 10)},
			Regions: []meeting.RegionFigure{{Indicator: "nope", Value: 1, Source: "r.csv", Practices: 3}}}},
		{"a region figure the pack already gives", meeting.FigureImport{At: later, Rows: []meeting.DataRow{share("099999", 1, 10)},
			Regions: []meeting.RegionFigure{{Indicator: "kol-forloebsplan", Value: 1, Source: "r.csv", Practices: 3}}}},
		{"no time", meeting.FigureImport{Rows: []meeting.DataRow{share("099999", 1, 10)}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ImportFigures(ctx, m.ID, tt.imp)
			if meeting.ErrorCode(err) != meeting.EINVALID {
				t.Fatalf("err %v, want an EINVALID error", err)
			}
			after, err := s.Meeting(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			if valuesText(after.Values) != valuesText(before.Values) || len(after.Arrivals) != 2 || after.Arrivals["099999"].Figures != 0 {
				t.Errorf("a refused import changed the meeting: %v %v", after.Values, after.Arrivals)
			}
		})
	}
}
