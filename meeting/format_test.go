package meeting_test

import (
	"testing"

	"github.com/klynge/klynge/meeting"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v    float64
		unit meeting.Unit
		lang string
		want string
	}{
		{61.54, meeting.UnitPercent, "da", "61,5"},
		{61.54, meeting.UnitPercent, "en", "61.5"},
		{1650, meeting.UnitCount, "da", "1.650"},
		{1234567, meeting.UnitCount, "en", "1,234,567"},
		{-1234.56, meeting.UnitPer1000, "da", "-1.234,6"},
		{12, meeting.UnitDays, "da", "12"},
		{0, meeting.UnitPercent, "da", "0,0"},
	}
	for _, tt := range tests {
		if got := meeting.FormatNumber(tt.v, tt.unit, tt.lang); got != tt.want {
			t.Errorf("FormatNumber(%v, %s, %s) = %q, want %q", tt.v, tt.unit, tt.lang, got, tt.want)
		}
	}
}
