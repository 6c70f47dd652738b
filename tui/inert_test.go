package tui

import (
	"fmt"
	"testing"

	"github.com/klynge/klynge/meeting"
)

func TestInertDataCopiesOnlyWhatItChanges(t *testing.T) {
	target := 80.0
	m := meeting.Meeting{
		Title:  "Klyngemøde \x1b]0;x\a",
		Guests: []meeting.Guest{{Name: "Gæst\tEn", Role: "oplæg\nholder"}},
		Codes:  map[string]string{"047318": "A"},
		Pack: meeting.Pack{
			Slides:     []meeting.Slide{{Body: "# KOL\n\x1b[2J", Notes: "a\nb"}},
			Indicators: []meeting.Indicator{{Title: "\u202Eplan", Target: &target}},
		},
	}
	got, err := inertData(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, tt := range map[string]struct{ got, want string }{
		"title":      {got.Title, "Klyngemøde ␛]0;x␇"},
		"guest":      {got.Guests[0].Name, "Gæst En"},
		"role":       {got.Guests[0].Role, "oplæg holder"},
		"slide body": {got.Pack.Slides[0].Body, "# KOL\n␛[2J"},
		"notes":      {got.Pack.Slides[0].Notes, "a\nb"},
		"indicator":  {got.Pack.Indicators[0].Title, "plan"},
		"code":       {got.Codes["047318"], "A"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", name, tt.got, tt.want)
		}
	}
	if m.Title != "Klyngemøde \x1b]0;x\a" || m.Guests[0].Name != "Gæst\tEn" {
		t.Error("the original was changed, not copied")
	}
	if *got.Pack.Indicators[0].Target != 80 {
		t.Error("numbers must survive")
	}
	clean := meeting.Meeting{Title: "Klyngemøde", Codes: map[string]string{"1": "A"}}
	same, _ := inertData(clean, nil)
	same.Codes["2"] = "B"
	if len(clean.Codes) != 2 {
		t.Error("clean data should be passed through without a copy")
	}
}

func BenchmarkInertDataDemoSized(b *testing.B) {
	m := meeting.Meeting{Title: "Klyngemøde", Codes: map[string]string{}}
	for i := range 60 {
		m.Codes[fmt.Sprintf("%06d", 100000+i)] = meeting.CodeName(i)
		for range 5 {
			v := float64(i)
			m.Values = append(m.Values, meeting.DataRow{Ydernummer: "047318", Indicator: "kol-forloebsplan", Value: &v, Period: "2025"})
		}
	}
	for range 10 {
		m.Pack.Slides = append(m.Pack.Slides, meeting.Slide{Body: "# Slide\n\n- one\n- two æøå", Notes: "notes"})
	}
	b.ReportAllocs()
	for b.Loop() {
		_, _ = inertData(m, nil)
	}
}
