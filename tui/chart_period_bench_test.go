package tui

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
)

// BenchmarkChartFrameLongPeriod draws one frame of a 60-practice chart
// whose period, as an older database may hold it, is 20 KB: the frame
// must cost what a normal one does (under 2 ms), whatever the text's
// length, since only what fits on the line is drawn.
func BenchmarkChartFrameLongPeriod(b *testing.B) {
	ind, rows, labels := sixtyPractices()
	long := strings.Repeat("2024K3 og lidt til ", 20<<10/19)
	for i := range rows {
		rows[i].Period = long
	}
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x19", 80, 19}, {"200x55", 200, 55}} {
		b.Run(size.name, func(b *testing.B) {
			v := testView(meeting.BuildChart(ind, rows, labels, nil), size.w, size.h, termenv.TrueColor)
			if c := v.chart; len(c.Period) < 20<<10-19 {
				b.Fatalf("period of %d bytes", len(c.Period))
			}
			b.ReportAllocs()
			for b.Loop() {
				v.chart = meeting.BuildChart(ind, rows, labels, nil)
				_ = v.render()
			}
		})
	}
}
