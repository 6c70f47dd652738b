package meeting_test

import (
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

func demoPack() meeting.Pack {
	return meeting.Pack{
		Title: "KOL",
		Agenda: []meeting.AgendaItem{
			{Kind: meeting.KindWelcome, Title: "Velkomst", Minutes: 5},
			{Kind: meeting.KindTalk, Title: "Oplæg", Minutes: 25},
			{Kind: meeting.KindGroupwork, Title: "Runde 1", Minutes: 20},
		},
	}
}

func TestNewPlansFromAgenda(t *testing.T) {
	start := time.Date(2026, 12, 3, 17, 30, 0, 0, time.UTC)
	m, err := meeting.New(demoPack(), "  ", start, start)
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "KOL" {
		t.Errorf("blank title should default to the pack's, got %q", m.Title)
	}
	if want := start.Add(50 * time.Minute); !m.PlannedEnd.Equal(want) {
		t.Errorf("planned end %v, want %v", m.PlannedEnd, want)
	}
	b := m.Budget(start.Add(-time.Hour))
	wantStarts := []string{"17:30", "17:35", "18:00"}
	for i, it := range b.Items {
		if got := it.PlannedStart.Format("15:04"); got != wantStarts[i] {
			t.Errorf("item %d starts %s, want %s", i+1, got, wantStarts[i])
		}
	}
	if got := b.ProjectedEnd.Format("15:04"); got != "18:20" {
		t.Errorf("projected end %s, want 18:20", got)
	}
}

func TestValidate(t *testing.T) {
	start := time.Date(2026, 12, 3, 17, 30, 0, 0, time.UTC)
	tests := []struct {
		name  string
		edit  func(*meeting.Meeting)
		valid bool
	}{
		{"valid", func(*meeting.Meeting) {}, true},
		{"no date", func(m *meeting.Meeting) { m.PlannedStart = time.Time{} }, false},
		{"ends before start", func(m *meeting.Meeting) { m.PlannedEnd = start.Add(-time.Minute) }, false},
		{"no agenda", func(m *meeting.Meeting) { m.Items = nil }, false},
		{"unknown kind", func(m *meeting.Meeting) { m.Items[1].Kind = "dataa" }, false},
		{"negative minutes", func(m *meeting.Meeting) { m.Items[0].Minutes = -1 }, false},
		{"blank title", func(m *meeting.Meeting) { m.Title = " " }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := meeting.New(demoPack(), "", start, start)
			if err != nil {
				t.Fatal(err)
			}
			tt.edit(&m)
			err = m.Validate()
			if (err == nil) != tt.valid {
				t.Fatalf("Validate() = %v, want valid=%v", err, tt.valid)
			}
			if err != nil && meeting.ErrorCode(err) != meeting.EINVALID {
				t.Errorf("code %q, want %q", meeting.ErrorCode(err), meeting.EINVALID)
			}
		})
	}
}

func TestEnumsValid(t *testing.T) {
	for _, k := range meeting.ItemKinds() {
		if !k.Valid() {
			t.Errorf("%q should be valid", k)
		}
	}
	if meeting.ItemKind("talks").Valid() || meeting.Unit("pct").Valid() || meeting.Direction("up").Valid() {
		t.Error("unknown values must not be valid")
	}
	if meeting.UnitPercent.Scale() != 100 || meeting.UnitPer1000.Scale() != 1000 || meeting.UnitCount.Scale() != 1 {
		t.Error("unit scales wrong")
	}
}
