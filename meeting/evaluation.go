package meeting

import (
	"math"
	"slices"
	"strings"
	"time"
)

// MaxScore is the highest evaluation score: "giv aftenen 0–10".
const MaxScore = 10

// MaxHands is the most hands one show of hands may count for one score:
// more than the largest cluster (73 doctors) with guests, so a typo of an
// extra digit is refused rather than swamping the histogram.
const MaxHands = 200

// ScoreEntry is one recording of evaluation scores: one score called out
// (Count 1) or the hands raised for one score (Count n). It holds no name,
// no practice and no time: an evaluation is anonymous, and an order of
// entries beside the check-in times could otherwise tell who gave what.
type ScoreEntry struct {
	// ID is the store's id; entries are undone newest (highest ID) first.
	ID    int64
	Score int
	Count int
}

// Evaluation is what an evaluation item recorded: its scores in the order
// they were entered, and the room's short notes.
type Evaluation struct {
	Entries []ScoreEntry
	// Worked is "what worked", Change "what to change".
	Worked string
	Change string
}

// Empty reports whether nothing was recorded.
func (e Evaluation) Empty() bool {
	return len(e.Entries) == 0 && strings.TrimSpace(e.Worked) == "" && strings.TrimSpace(e.Change) == ""
}

// ScoreStats are an evaluation's statistics.
type ScoreStats struct {
	// Counts is the number of scores given per score 0…10.
	Counts [MaxScore + 1]int
	N      int
	Mean   float64
	// Median is the middle score; with an even N the mean of the two
	// middle ones (so it can end in .5).
	Median float64
}

// Stats counts the scores of entries.
func Stats(entries []ScoreEntry) ScoreStats {
	var s ScoreStats
	sum := 0
	for _, e := range entries {
		if e.Score < 0 || e.Score > MaxScore || e.Count < 1 {
			continue
		}
		s.Counts[e.Score] += e.Count
		s.N += e.Count
		sum += e.Score * e.Count
	}
	if s.N == 0 {
		return s
	}
	s.Mean = float64(sum) / float64(s.N)
	s.Median = (float64(s.nth((s.N-1)/2)) + float64(s.nth(s.N/2))) / 2
	return s
}

// nth is the k-th smallest score (0-based).
func (s ScoreStats) nth(k int) int {
	for score, c := range s.Counts {
		if k < c {
			return score
		}
		k -= c
	}
	return MaxScore
}

// Max is the largest count of any one score, for scaling a histogram.
func (s ScoreStats) Max() int { return slices.Max(s.Counts[:]) }

// checkEvaluation refuses a score change on an item that is not an
// evaluation.
func (m Meeting) checkEvaluation(i int) error {
	if err := m.checkIndex(i); err != nil {
		return err
	}
	if m.Items[i].Kind != KindEvaluation {
		return Errork(EINVALID, "err.NotEvaluation", m.Items[i].Title)
	}
	return nil
}

// CheckScore refuses a score outside 0…10 or a count outside 1…MaxHands.
func CheckScore(score, count int) error {
	if score < 0 || score > MaxScore {
		return Errork(EINVALID, "err.ScoreRange", score)
	}
	if count < 1 || count > MaxHands {
		return Errork(EINVALID, "err.HandsRange", count, MaxHands)
	}
	return nil
}

// WithScore records count scores of score on evaluation item i.
func (m Meeting) WithScore(i, score, count int) (Meeting, error) {
	if err := m.checkEvaluation(i); err != nil {
		return m, err
	}
	if err := CheckScore(score, count); err != nil {
		return m, err
	}
	m = m.cloneItems()
	ev := m.Items[i].Evaluation
	ev.Entries = append(slices.Clip(ev.Entries), ScoreEntry{Score: score, Count: count})
	m.Items[i].Evaluation = ev
	return m, nil
}

// UndoScore takes back the last recording on evaluation item i.
func (m Meeting) UndoScore(i int) (Meeting, error) {
	if err := m.checkEvaluation(i); err != nil {
		return m, err
	}
	ev := m.Items[i].Evaluation
	if len(ev.Entries) == 0 {
		return m, Errork(ENOTFOUND, "err.NoScoreToUndo")
	}
	m = m.cloneItems()
	ev.Entries = slices.Clip(ev.Entries[:len(ev.Entries)-1])
	m.Items[i].Evaluation = ev
	return m, nil
}

// WithEvaluationNotes sets the notes "what worked" and "what to change"
// of evaluation item i; each must pass the text rule for notes.
func (m Meeting) WithEvaluationNotes(i int, worked, change string) (Meeting, error) {
	if err := m.checkEvaluation(i); err != nil {
		return m, err
	}
	worked, change = strings.TrimSpace(worked), strings.TrimSpace(change)
	for _, s := range []string{worked, change} {
		if err := CheckText(TextNote, s); err != nil {
			return m, err
		}
	}
	m = m.cloneItems()
	m.Items[i].Evaluation.Worked, m.Items[i].Evaluation.Change = worked, change
	return m, nil
}

// Evaluation is the meeting's evaluation: the scores and notes of all its
// evaluation items together (a meeting normally has one).
func (m Meeting) Evaluation() Evaluation {
	var ev Evaluation
	var worked, change []string
	for _, it := range m.Items {
		if it.Kind != KindEvaluation {
			continue
		}
		ev.Entries = append(ev.Entries, it.Evaluation.Entries...)
		if it.Evaluation.Worked != "" {
			worked = append(worked, it.Evaluation.Worked)
		}
		if it.Evaluation.Change != "" {
			change = append(change, it.Evaluation.Change)
		}
	}
	ev.Worked, ev.Change = strings.Join(worked, "\n"), strings.Join(change, "\n")
	return ev
}

// TrendPoint is one meeting's evaluation in the cluster's trend.
type TrendPoint struct {
	MeetingID int64
	Title     string
	Date      time.Time
	Stats     ScoreStats
}

// EvaluationTrend is the evaluation of each meeting that recorded scores,
// oldest first. Meetings after upTo (when it is not zero) are left out, so
// the minutes of a meeting show the trend up to that meeting.
func EvaluationTrend(meetings []Meeting, upTo time.Time) []TrendPoint {
	var out []TrendPoint
	for _, m := range meetings {
		if !upTo.IsZero() && m.PlannedStart.After(upTo) {
			continue
		}
		st := Stats(m.Evaluation().Entries)
		if st.N == 0 {
			continue
		}
		out = append(out, TrendPoint{MeetingID: m.ID, Title: m.Title, Date: m.PlannedStart, Stats: st})
	}
	slices.SortStableFunc(out, func(a, b TrendPoint) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return int(a.MeetingID - b.MeetingID)
	})
	return out
}

// FormatScore writes a mean or median score with one decimal, dropped
// when it is 0 ("7", "7,5"), in the language's number format; the screen,
// the minutes and the CLI all write scores with it.
func FormatScore(v float64, lang string) string {
	// Half up, as a person rounds (8.25 is 8,3), not to even.
	s := FormatNumber(math.Floor(v*10+0.5)/10, UnitPercent, lang)
	return strings.TrimSuffix(strings.TrimSuffix(s, ",0"), ".0")
}
