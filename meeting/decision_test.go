package meeting_test

import (
	"errors"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

func TestParseVote(t *testing.T) {
	for _, tc := range []struct {
		in                   string
		unanimous            bool
		forN, against, absta int
		bad                  bool
	}{
		{in: "enstemmigt", unanimous: true},
		{in: " Unanimous ", unanimous: true},
		{in: "12-3-1", forN: 12, against: 3, absta: 1},
		{in: "12/3", forN: 12, against: 3},
		{in: "7 0 2", forN: 7, absta: 2},
		{in: "flertal", bad: true},
		{in: "1-2-3-4", bad: true},
		{in: "-1-2", bad: true},
	} {
		u, f, a, ab, err := meeting.ParseVote(tc.in)
		if (err != nil) != tc.bad || u != tc.unanimous || f != tc.forN || a != tc.against || ab != tc.absta {
			t.Errorf("%q: %v %d %d %d %v", tc.in, u, f, a, ab, err)
		}
	}
}

func TestDecisionValidate(t *testing.T) {
	ok := meeting.Decision{Text: "Anonymiteten løftes", For: 10, Against: 2}
	for _, tc := range []struct {
		name string
		d    func(d meeting.Decision) meeting.Decision
		key  string
	}{
		{"ok", func(d meeting.Decision) meeting.Decision { return d }, ""},
		{"no text", func(d meeting.Decision) meeting.Decision { d.Text = "  "; return d }, "err.DecisionNoText"},
		{"no vote", func(d meeting.Decision) meeting.Decision { d.For, d.Against = 0, 0; return d }, "err.VoteMissing"},
		{"unanimous against", func(d meeting.Decision) meeting.Decision { d.Unanimous = true; return d }, "err.UnanimousAgainst"},
		{"negative", func(d meeting.Decision) meeting.Decision { d.Abstain = -1; return d }, "err.VoteRange"},
		{"escape", func(d meeting.Decision) meeting.Decision { d.Text = "ok\x1b[2J"; return d }, "text"},
		{"long rule", func(d meeting.Decision) meeting.Decision { d.Rule = string(make([]byte, 400)); return d }, "text"},
	} {
		err := tc.d(ok).Validate()
		switch {
		case tc.key == "" && err != nil, tc.key != "" && err == nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.key != "" && tc.key != "text" && errKey(err) != tc.key:
			t.Errorf("%s: %v, want %s", tc.name, err, tc.key)
		}
	}
}

// TestRulesInForce: a rule set, then changed at a later meeting, then a
// rejected attempt to change it back, then a second rule; and the
// reversal adopted at last.
func TestRulesInForce(t *testing.T) {
	day := func(m int) time.Time { return time.Date(2026, time.Month(m), 1, 18, 0, 0, 0, time.UTC) }
	d := func(id int64, month int, rule, text string, forN, against int, unanimous bool) meeting.Decision {
		return meeting.Decision{ID: id, MeetingDate: day(month), Rule: rule, Text: text, For: forN, Against: against, Unanimous: unanimous}
	}
	log := []meeting.Decision{
		d(3, 6, "Anonymitet", "Anonymiteten løftes ved datamøder", 14, 2, false),
		d(1, 3, "anonymitet", "Praksis er anonyme ved alle møder", 0, 0, true),
		d(2, 3, "", "Næste møde handler om opioider", 12, 0, false),
		d(4, 9, "ANONYMITET", "Praksis er anonyme ved alle møder igen", 5, 9, false), // rejected
		d(5, 9, "Fremmøde", "Højst 2 udeblivelser om året", 0, 0, true),
	}
	in := func(ds []meeting.Decision) []int64 {
		var ids []int64
		for _, d := range meeting.RulesInForce(ds) {
			ids = append(ids, d.ID)
		}
		return ids
	}
	for _, tc := range []struct {
		name string
		ds   []meeting.Decision
		want []int64
	}{
		{"none", nil, nil},
		{"set", log[1:3], []int64{1}},
		{"changed", log[:3], []int64{3}},
		{"rejected reversal changes nothing", log, []int64{3, 5}},
		{"reversal adopted", append(log, d(6, 12, "Anonymitet", "Praksis er anonyme ved alle møder igen", 10, 4, false)), []int64{6, 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := in(tc.ds)
			if len(got) != len(tc.want) {
				t.Fatalf("rules in force %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("rules in force %v, want %v", got, tc.want)
				}
			}
		})
	}
	if l := meeting.DecisionLog(log); l[0].ID != 1 || l[1].ID != 2 || l[4].ID != 5 {
		t.Errorf("log order %v", l)
	}
}

func errKey(err error) string {
	var e *meeting.Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}
