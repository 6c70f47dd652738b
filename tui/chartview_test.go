package tui

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
)

// sixtyPractices is a cluster at the top of the size range, with a spread
// of values, two under the minimum denominator and two with no data.
func sixtyPractices() (meeting.Indicator, []meeting.DataRow, map[string]string) {
	target, region := 80.0, 61.5
	ind := meeting.Indicator{ID: "plan", Title: "Andel KOL-patienter med forløbsplan", Unit: meeting.UnitPercent,
		Better: meeting.HigherIsBetter, Target: &target, Region: &region, MinDenominator: 5,
		Marks: []meeting.MarkKind{meeting.MarkMean, meeting.MarkRegion, meeting.MarkTarget, meeting.MarkABC}}
	labels := map[string]string{}
	var rows []meeting.DataRow
	for i := 0; i < 60; i++ {
		yd := fmt.Sprintf("%06d", 100000+i*7919%900000)
		labels[yd] = meeting.CodeName(i)
		if i == 17 || i == 42 {
			continue // no data
		}
		den := float64(10 + (i*37)%60)
		if i == 5 || i == 33 {
			den = 3
		}
		num := float64((i * 53) % int(den+1))
		rows = append(rows, meeting.DataRow{Ydernummer: yd, Indicator: "plan", Numerator: &num, Denominator: &den, Period: "2026"})
	}
	return ind, rows, labels
}

func testView(c meeting.Chart, w, h int, profile termenv.Profile) chartView {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	return chartView{chart: c, width: w, height: h, page: "2/4", styles: NewStyles(r, ThemeDark), strs: chartText("da"), lang: "da",
		cred: meeting.Credibility{Period: c.Period}}
}

func TestSixtyPracticeChartPagesAndFits(t *testing.T) {
	ind, rows, labels := sixtyPractices()
	c := meeting.BuildChart(ind, rows, labels, nil)
	for _, size := range []struct{ w, h int }{{80, 19}, {160, 43}, {200, 55}} {
		v := testView(c, size.w, size.h, termenv.Ascii)
		seen := map[string]bool{}
		for v.offset = 0; v.offset < len(c.Bars); v.offset += v.barRows() - 1 {
			frame := v.render()
			lines := strings.Split(frame, "\n")
			if len(lines) != size.h {
				t.Fatalf("%dx%d: %d lines", size.w, size.h, len(lines))
			}
			for _, l := range lines {
				if lipgloss.Width(l) > size.w {
					t.Fatalf("%dx%d: line too wide: %q", size.w, size.h, l)
				}
			}
			// A bar row starts with its right-aligned label and a bar.
			for _, l := range lines {
				label, rest, ok := strings.Cut(strings.TrimLeft(l, " "), " ")
				if ok && (strings.Contains(rest, " %") || strings.Contains(rest, "n<5")) {
					seen[label] = true
				}
			}
		}
		if len(seen) < len(c.Bars) {
			t.Errorf("%dx%d: paging shows %d of %d bars", size.w, size.h, len(seen), len(c.Bars))
		}
	}
	v := testView(c, 80, 19, termenv.Ascii)
	golden.RequireEqual(t, []byte(v.render()))
}

func TestHiddenChartShowsTheQuestionNotTheBars(t *testing.T) {
	ind, rows, labels := sixtyPractices()
	c := meeting.BuildChart(ind, rows, labels, nil)
	v := testView(c, 80, 19, termenv.Ascii)
	v.hidden = true
	frame := v.render()
	if !strings.Contains(frame, "Hvor tror I, klyngen ligger?") {
		t.Errorf("hidden chart should ask the room:\n%s", frame)
	}
	if strings.Contains(frame, "█") || strings.Contains(frame, " AB ") {
		t.Errorf("hidden chart shows bars or codes:\n%s", frame)
	}
	if !strings.Contains(frame, "◎ mål 80,0 %") {
		t.Errorf("hidden chart keeps the benchmarks:\n%s", frame)
	}
	// Nothing computed from the figures: no mean or ABC in the legend or
	// on the axis, no n<5 or "no data" notes, no value.
	for _, leak := range []string{"gns", "gennemsnit", "ABC", "┃", "★", "n<", "ingen data"} {
		if strings.Contains(frame, leak) {
			t.Errorf("hidden chart shows %q:\n%s", leak, frame)
		}
	}
	for _, m := range c.Marks {
		if m.Kind.IsStatistic() && strings.Contains(frame, formatValue("da", m.Value, ind.Unit, nil)) {
			t.Errorf("hidden chart shows the %s's value %v:\n%s", m.Kind, m.Value, frame)
		}
	}
}

func TestLowBarsShowNoValueAndComeLast(t *testing.T) {
	ind, rows, labels := sixtyPractices()
	c := meeting.BuildChart(ind, rows, labels, nil)
	v := testView(c, 200, 80, termenv.Ascii)
	lines := strings.Split(v.render(), "\n")
	lowAt, lastCounted := -1, -1
	for i, l := range lines {
		switch {
		case strings.HasSuffix(strings.TrimRight(l, " "), "n<5"):
			if strings.Contains(l, "░") || strings.Contains(l, "█") || strings.Contains(l, "%") {
				t.Errorf("an n<5 row shows a bar or a value: %q", l)
			}
			if lowAt < 0 {
				lowAt = i
			}
		case strings.Contains(l, "█"):
			lastCounted = i
		}
	}
	if lowAt < 0 || lowAt < lastCounted {
		t.Errorf("n<5 rows (first at %d) must follow every counted bar (last at %d)", lowAt, lastCounted)
	}
}

func TestTooFewPracticesProjectNoStatistic(t *testing.T) {
	ind, rows, labels := sixtyPractices()
	c := meeting.BuildChart(ind, rows[:2], labels, nil)
	frame := testView(c, 80, 19, termenv.Ascii).render()
	for _, leak := range []string{"gns", "ABC", "┃", "★"} {
		if strings.Contains(frame, leak) {
			t.Errorf("with 2 counted practices the chart shows %q:\n%s", leak, frame)
		}
	}
	if !strings.Contains(frame, "ingen klyngestatistik: kun 2 praksis tæller (mindst 3 skal)") {
		t.Errorf("the chart should say why there is no statistic:\n%s", frame)
	}
}

func TestFormatValue(t *testing.T) {
	units := chartText("da").Units
	tests := []struct {
		lang string
		v    float64
		unit meeting.Unit
		want string
	}{
		{"da", 61.54, meeting.UnitPercent, "61,5 %"},
		{"en", 61.54, meeting.UnitPercent, "61.5 %"},
		{"da", 1650, meeting.UnitCount, "1.650"},
		{"en", 1234567, meeting.UnitCount, "1,234,567"},
		{"da", 24.1, meeting.UnitPer1000, "24,1 ‰"},
		{"da", 0, meeting.UnitPercent, "0,0 %"},
	}
	for _, tt := range tests {
		if got := formatValue(tt.lang, tt.v, tt.unit, units); got != tt.want {
			t.Errorf("formatValue(%s, %v, %s) = %q, want %q", tt.lang, tt.v, tt.unit, got, tt.want)
		}
	}
}

// BenchmarkChartFrame60 measures one projected frame of a 60-practice
// chart: building the chart from the rows and drawing it.
func BenchmarkChartFrame60(b *testing.B) {
	ind, rows, labels := sixtyPractices()
	for _, size := range []struct {
		name string
		w, h int
		p    termenv.Profile
	}{{"80x19-ascii", 80, 19, termenv.Ascii}, {"80x19-truecolor", 80, 19, termenv.TrueColor}, {"200x55-truecolor", 200, 55, termenv.TrueColor}} {
		b.Run(size.name, func(b *testing.B) {
			c := meeting.BuildChart(ind, rows, labels, nil)
			v := testView(c, size.w, size.h, size.p)
			b.ReportAllocs()
			for b.Loop() {
				v.chart = meeting.BuildChart(ind, rows, labels, nil)
				_ = v.render()
			}
		})
	}
}
