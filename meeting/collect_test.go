package meeting

import (
	"testing"
	"time"
)

func TestRegionMean(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	share := func(yd string, num, den float64) DataRow {
		return DataRow{Ydernummer: yd, Indicator: "x", Numerator: f(num), Denominator: f(den)}
	}
	ind := Indicator{ID: "x", Unit: UnitPercent, MinDenominator: 5}
	tests := []struct {
		name string
		rows []DataRow
		mean float64
		n    int
		ok   bool
	}{
		{"three practices", []DataRow{share("1", 5, 10), share("2", 6, 10), share("3", 7, 10)}, 60, 3, true},
		{"under min_denominator left out", []DataRow{share("1", 5, 10), share("2", 6, 10), share("3", 7, 10), share("4", 4, 4)}, 60, 3, true},
		{"a practice counts once", []DataRow{share("1", 5, 10), share("1", 10, 10), share("2", 6, 10), share("3", 7, 10)}, 60, 3, true},
		{"other indicators ignored", []DataRow{share("1", 5, 10), share("2", 6, 10), {Ydernummer: "3", Indicator: "y", Value: f(9)}}, 0, 2, false},
		{"too few to give a mean", []DataRow{share("1", 5, 10), share("2", 6, 10)}, 0, 2, false},
		{"none", nil, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mean, n, ok := RegionMean(ind, tt.rows)
			if ok != tt.ok || n != tt.n || (ok && mean != tt.mean) {
				t.Errorf("RegionMean = %v, %d, %v; want %v, %d, %v", mean, n, ok, tt.mean, tt.n, tt.ok)
			}
		})
	}
}

func TestCollection(t *testing.T) {
	v := 1.0
	at := time.Date(2026, 11, 20, 14, 3, 0, 0, time.UTC)
	c := Cluster{Practices: []Practice{{Ydernummer: "000001"}, {Ydernummer: "000002"}, {Ydernummer: "000003"}}}
	m := Meeting{
		Pack:     Pack{Indicators: []Indicator{{ID: "a"}, {ID: "b"}}},
		Codes:    map[string]string{"000001": "A", "000002": "B", "000003": "C"},
		Values:   []DataRow{{Ydernummer: "000001", Indicator: "a", Value: &v}, {Ydernummer: "000002", Indicator: "a", Value: &v}, {Ydernummer: "000002", Indicator: "b", Value: &v}},
		Arrivals: map[string]Arrival{"000002": {Ydernummer: "000002", At: at, Source: "tal-000002.csv", Figures: 2}},
	}
	col := m.Collection(c)
	if len(col) != 3 || !col[0].Sent() || col[0].Arrived != nil || len(col[0].Missing) != 1 || col[0].Missing[0] != "b" {
		t.Errorf("practice 1: %+v", col[0])
	}
	if !col[1].Sent() || col[1].Arrived == nil || !col[1].Arrived.At.Equal(at) || len(col[1].Missing) != 0 {
		t.Errorf("practice 2: %+v", col[1])
	}
	if col[2].Sent() || len(col[2].Missing) != 2 {
		t.Errorf("practice 3: %+v", col[2])
	}
	if sent, of := SentCount(col); sent != 2 || of != 3 {
		t.Errorf("SentCount = %d of %d", sent, of)
	}
	if sent, of := m.FiguresFrom(); sent != 2 || of != 3 {
		t.Errorf("FiguresFrom = %d of %d", sent, of)
	}
}
