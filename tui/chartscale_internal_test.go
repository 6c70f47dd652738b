package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
)

// fourteenPractices is the demo's size of cluster on one indicator.
func fourteenPractices() meeting.Chart {
	ind, rows, labels := sixtyPractices()
	return meeting.BuildChart(ind, rows[:14], labels, nil)
}

// TestChartScalesToTheHeight: on a projector the bars are thicker with
// space between them, and the reference lines run down to the axis; at
// 80x24 each bar is one line.
func TestChartScalesToTheHeight(t *testing.T) {
	c := fourteenPractices()
	for _, tc := range []struct {
		w, h int
	}{{80, 19}, {200, 55}} {
		t.Run(fmt.Sprintf("%dx%d", tc.w, tc.h), func(t *testing.T) {
			v := testView(c, tc.w, tc.h, termenv.Ascii)
			lines := strings.Split(v.render(), "\n")
			// The axis is the line starting (after the label pad) with ┴.
			axis := -1
			for i, l := range lines {
				if strings.HasPrefix(strings.TrimLeft(l, " "), "┴") {
					axis = i
				}
			}
			if axis < 0 {
				t.Fatalf("no axis:\n%s", strings.Join(lines, "\n"))
			}
			// Every line from the first bar to the axis carries a bar or a
			// reference line: no blank stretch above the axis.
			first := 1 + len(v.headline()) + len(v.legend())
			barLines := 0
			for i := first; i < axis; i++ {
				if strings.Contains(lines[i], "█") {
					barLines++
				}
				if !strings.ContainsAny(lines[i], "█│░") && !strings.Contains(lines[i], "af 14") {
					t.Errorf("line %d above the axis is blank: %q", i+1, lines[i])
				}
			}
			if tc.w >= 200 {
				filled := 0
				for _, b := range c.Bars {
					if !b.Low && b.Value > 0 {
						filled++
					}
				}
				if barLines < 2*filled {
					t.Errorf("%d bar lines for %d bars: the bars do not scale to the height", barLines, len(c.Bars))
				}
				// Below the axis: its labels, the notes and the
				// credibility line.
				if axis < tc.h-4-len(v.credibilityLines()) {
					t.Errorf("axis on line %d of %d: the chart does not use the height", axis+1, tc.h)
				}
			}
		})
	}
}

// TestChartLastPageSaysNoMore: the last page of a paged chart does not
// offer more below it.
func TestChartLastPageSaysNoMore(t *testing.T) {
	ind, rows, labels := sixtyPractices()
	c := meeting.BuildChart(ind, rows, labels, nil)
	v := testView(c, 80, 19, termenv.Ascii)
	v.offset = len(c.Bars) - (v.barRows() - 1)
	frame := v.render()
	if strings.Contains(frame, "▼") || strings.Contains(frame, "pgdn for flere") {
		t.Errorf("the last page offers more:\n%s", frame)
	}
	if !strings.Contains(frame, fmt.Sprintf("af %d", len(c.Bars))) {
		t.Errorf("the last page does not say where it is:\n%s", frame)
	}
}

// TestMarksNeverHideEachOther: a mean on the median's column moves one
// column over instead of vanishing.
func TestMarksNeverHideEachOther(t *testing.T) {
	col := func(x float64) int { return int(x) }
	marks := placeMarks([]meeting.Mark{{Kind: meeting.MarkMedian, Value: 40.2}, {Kind: meeting.MarkMean, Value: 40.6}, {Kind: meeting.MarkRegion, Value: 40.1}}, col, 100)
	if len(marks) != 3 {
		t.Fatalf("marks on %d columns, want 3: %v", len(marks), marks)
	}
	if marks[41] != meeting.MarkMean {
		t.Errorf("the mean, right of the median, should move right: %v", marks)
	}
}

// TestChartNotesWrap: a long period and list of practices without data
// wrap under the chart at 80 columns instead of being cut.
func TestChartNotesWrap(t *testing.T) {
	c := fourteenPractices()
	c.Missing = []string{"AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ"}
	c.Period = "1. oktober 2025 – 30. september 2026 (opgjort 15. oktober 2026)"
	v := testView(c, 80, 19, termenv.Ascii)
	frame := v.render()
	flat := strings.Join(strings.Fields(frame), " ")
	for _, want := range []string{"AJ", "(opgjort 15. oktober 2026)"} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q is cut:\n%s", want, frame)
		}
	}
	if strings.Contains(frame, "…") {
		t.Errorf("a note is cut:\n%s", frame)
	}
}
