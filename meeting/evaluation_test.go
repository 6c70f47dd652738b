package meeting_test

import (
	"errors"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

func evalMeeting() meeting.Meeting {
	return meeting.Meeting{ID: 1, Items: []meeting.RunItem{
		{ID: 1, AgendaItem: meeting.AgendaItem{Kind: meeting.KindPlenum, Title: "Plenum"}},
		{ID: 2, AgendaItem: meeting.AgendaItem{Kind: meeting.KindEvaluation, Title: "Evaluering"}},
	}}
}

// TestScoreStats checks n, mean, median and the histogram, with the ends
// of the scale (0 and 10), shows of hands and undo.
func TestScoreStats(t *testing.T) {
	type rec struct{ score, count int }
	for _, tc := range []struct {
		name   string
		recs   []rec
		undo   int
		n      int
		mean   float64
		median float64
		counts map[int]int
	}{
		{name: "none", n: 0},
		{name: "one ten", recs: []rec{{10, 1}}, n: 1, mean: 10, median: 10, counts: map[int]int{10: 1}},
		{name: "one zero", recs: []rec{{0, 1}}, n: 1, mean: 0, median: 0, counts: map[int]int{0: 1}},
		{name: "zero and ten", recs: []rec{{0, 1}, {10, 1}}, n: 2, mean: 5, median: 5, counts: map[int]int{0: 1, 10: 1}},
		{name: "odd", recs: []rec{{6, 1}, {8, 1}, {7, 1}}, n: 3, mean: 7, median: 7, counts: map[int]int{6: 1, 7: 1, 8: 1}},
		{name: "even median between", recs: []rec{{6, 1}, {7, 1}, {8, 1}, {10, 1}}, n: 4, mean: 7.75, median: 7.5,
			counts: map[int]int{6: 1, 7: 1, 8: 1, 10: 1}},
		{name: "hands", recs: []rec{{8, 5}, {6, 2}, {10, 1}}, n: 8, mean: 62.0 / 8, median: 8,
			counts: map[int]int{8: 5, 6: 2, 10: 1}},
		{name: "undo last", recs: []rec{{7, 1}, {0, 1}}, undo: 1, n: 1, mean: 7, median: 7, counts: map[int]int{7: 1}},
		{name: "undo hands", recs: []rec{{9, 1}, {5, 12}}, undo: 1, n: 1, mean: 9, median: 9, counts: map[int]int{9: 1}},
		{name: "undo all", recs: []rec{{9, 1}, {10, 1}}, undo: 2, n: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := evalMeeting()
			var err error
			for _, r := range tc.recs {
				if m, err = m.WithScore(1, r.score, r.count); err != nil {
					t.Fatal(err)
				}
			}
			for range tc.undo {
				if m, err = m.UndoScore(1); err != nil {
					t.Fatal(err)
				}
			}
			st := meeting.Stats(m.Items[1].Evaluation.Entries)
			if st.N != tc.n || st.Mean != tc.mean || st.Median != tc.median {
				t.Errorf("n=%d mean=%v median=%v, want %d %v %v", st.N, st.Mean, st.Median, tc.n, tc.mean, tc.median)
			}
			for s := 0; s <= meeting.MaxScore; s++ {
				if st.Counts[s] != tc.counts[s] {
					t.Errorf("count of %d = %d, want %d", s, st.Counts[s], tc.counts[s])
				}
			}
		})
	}
}

func TestScoreRefused(t *testing.T) {
	m := evalMeeting()
	for _, tc := range []struct {
		name         string
		item, score  int
		count        int
		code, errKey string
	}{
		{"eleven", 1, 11, 1, meeting.EINVALID, "err.ScoreRange"},
		{"minus one", 1, -1, 1, meeting.EINVALID, "err.ScoreRange"},
		{"no hands", 1, 5, 0, meeting.EINVALID, "err.HandsRange"},
		{"too many hands", 1, 5, meeting.MaxHands + 1, meeting.EINVALID, "err.HandsRange"},
		{"not evaluation", 0, 5, 1, meeting.EINVALID, "err.NotEvaluation"},
		{"no item", 7, 5, 1, meeting.EINVALID, "err.NoAgendaItem"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := m.WithScore(tc.item, tc.score, tc.count)
			var e *meeting.Error
			if !errors.As(err, &e) || e.Code != tc.code || e.Key != tc.errKey {
				t.Errorf("err = %v, want %s %s", err, tc.code, tc.errKey)
			}
		})
	}
	if _, err := m.UndoScore(1); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("undo with nothing: %v", err)
	}
	if _, err := m.WithEvaluationNotes(1, "godt\x1b[2J", ""); err == nil {
		t.Error("an escape code in a note was accepted")
	}
}

func TestEvaluationTrend(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 17, 0, 0, 0, time.UTC) }
	var ms []meeting.Meeting
	for i, scores := range [][]int{{6, 7}, nil, {9}, {4}} {
		m := evalMeeting()
		m.ID, m.PlannedStart = int64(i+1), day(20-i*5) // newest first, as the store lists them
		for _, s := range scores {
			m, _ = m.WithScore(1, s, 1)
		}
		ms = append(ms, m)
	}
	tr := meeting.EvaluationTrend(ms, time.Time{})
	if len(tr) != 3 || tr[0].MeetingID != 4 || tr[1].MeetingID != 3 || tr[2].MeetingID != 1 || tr[2].Stats.Mean != 6.5 {
		t.Fatalf("trend = %+v", tr)
	}
	if tr := meeting.EvaluationTrend(ms, day(10)); len(tr) != 2 || tr[1].MeetingID != 3 {
		t.Errorf("trend up to the 10th = %+v", tr)
	}
}

func TestFormatScore(t *testing.T) {
	for _, tc := range []struct {
		v      float64
		da, en string
	}{{7, "7", "7"}, {8.25, "8,3", "8.3"}, {7.5, "7,5", "7.5"}, {0, "0", "0"}, {10, "10", "10"}, {6.66, "6,7", "6.7"}} {
		if da, en := meeting.FormatScore(tc.v, "da"), meeting.FormatScore(tc.v, "en"); da != tc.da || en != tc.en {
			t.Errorf("%v: %s %s, want %s %s", tc.v, da, en, tc.da, tc.en)
		}
	}
}
