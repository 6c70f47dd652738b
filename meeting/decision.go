package meeting

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Decision is something the cluster decided at a meeting, on one of its
// agenda items: its text and the show of hands for, against and
// abstaining, or "enstemmigt" (unanimous).
type Decision struct {
	// ID is the store's id; 0 until stored.
	ID        int64
	MeetingID int64
	// ItemID is the agenda item the decision was made on; ItemTitle its
	// title, read with it.
	ItemID    int64
	ItemTitle string
	// MeetingTitle and MeetingDate name the meeting in the cluster's log.
	MeetingTitle string
	MeetingDate  time.Time
	Text         string
	Unanimous    bool
	For          int
	Against      int
	Abstain      int
	// Rule, when not empty, names the standing rule of the cluster the
	// decision sets (e.g. "Anonymitet", "Fremmøde"): once adopted, its
	// Text is that rule's wording until a later adopted decision on the
	// same rule replaces it.
	Rule string
	Made time.Time
}

// Adopted reports whether the decision was carried: unanimously, or with
// more for than against.
func (d Decision) Adopted() bool { return d.Unanimous || d.For > d.Against }

// Validate checks the text, the rule's name and the counts.
func (d Decision) Validate() error {
	if strings.TrimSpace(d.Text) == "" {
		return Errork(EINVALID, "err.DecisionNoText")
	}
	if err := CheckText(TextAction, d.Text); err != nil {
		return err
	}
	if err := CheckText(TextTitle, d.Rule); err != nil {
		return err
	}
	for _, n := range []int{d.For, d.Against, d.Abstain} {
		if n < 0 || n > MaxHands {
			return Errork(EINVALID, "err.VoteRange", n, MaxHands)
		}
	}
	if d.Unanimous && (d.Against > 0 || d.Abstain > 0) {
		return Errork(EINVALID, "err.UnanimousAgainst")
	}
	if !d.Unanimous && d.For+d.Against+d.Abstain == 0 {
		return Errork(EINVALID, "err.VoteMissing")
	}
	return nil
}

// voteRe reads "12-3-1", "12/3/1" or "12 3 1": for, against, abstain;
// the abstentions may be left out.
var voteRe = LazyRegexp(`^(\d{1,3})\s*[-/ ,;]\s*(\d{1,3})(?:\s*[-/ ,;]\s*(\d{1,3}))?$`)

// ParseVote reads a vote as typed: "enstemmigt" (or "unanimous", "e"),
// or the counts for, against and abstain as "12-3-1" (abstain optional).
func ParseVote(s string) (unanimous bool, forN, against, abstain int, err error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "enstemmigt", "enstemmig", "e", "unanimous", "unanimously", "u":
		return true, 0, 0, 0, nil
	}
	m := voteRe().FindStringSubmatch(s)
	if m == nil {
		return false, 0, 0, 0, Errork(EINVALID, "err.BadVote", s)
	}
	forN, _ = strconv.Atoi(m[1])
	against, _ = strconv.Atoi(m[2])
	if m[3] != "" {
		abstain, _ = strconv.Atoi(m[3])
	}
	return false, forN, against, abstain, nil
}

// decisionOrder is the order decisions were made in: by meeting date,
// then as recorded.
func decisionOrder(a, b Decision) int {
	if c := a.MeetingDate.Compare(b.MeetingDate); c != 0 {
		return c
	}
	if c := a.Made.Compare(b.Made); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// DecisionLog sorts decisions in the order they were made, oldest first.
func DecisionLog(ds []Decision) []Decision {
	out := slices.Clone(ds)
	slices.SortStableFunc(out, decisionOrder)
	return out
}

// RulesInForce are the standing rules the decisions set: for each rule,
// the last adopted decision on it (a later one changes or reverses an
// earlier one; a rejected one changes nothing), in the rules' order of
// name. Rule names are compared without case and Danish letters folded,
// so "Fremmøde" and "fremmoede" are one rule.
func RulesInForce(ds []Decision) []Decision {
	last := map[string]Decision{}
	for _, d := range DecisionLog(ds) {
		if strings.TrimSpace(d.Rule) == "" || !d.Adopted() {
			continue
		}
		last[ruleKey(d.Rule)] = d
	}
	out := make([]Decision, 0, len(last))
	for _, d := range last {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b Decision) int { return cmp.Compare(ruleKey(a.Rule), ruleKey(b.Rule)) })
	return out
}

func ruleKey(s string) string { return Fold(strings.Join(strings.Fields(s), " ")) }

// WithDecision adds decision d (ID 0) to the meeting, or replaces the
// stored decision with d's ID. d must be made on one of the meeting's
// items.
func (m Meeting) WithDecision(d Decision) (Meeting, error) {
	d.MeetingID, d.MeetingTitle, d.MeetingDate = m.ID, m.Title, m.PlannedStart
	d.Text, d.Rule = strings.TrimSpace(d.Text), strings.Join(strings.Fields(d.Rule), " ")
	i := slices.IndexFunc(m.Items, func(it RunItem) bool { return it.ID == d.ItemID })
	if i < 0 {
		return m, Errork(ENOTFOUND, "err.DecisionNoItem")
	}
	d.ItemTitle = m.Items[i].Title
	if err := d.Validate(); err != nil {
		return m, err
	}
	ds := slices.Clone(m.Decisions)
	if j := slices.IndexFunc(ds, func(o Decision) bool { return o.ID == d.ID && d.ID != 0 }); j >= 0 {
		ds[j] = d
	} else {
		ds = append(ds, d)
	}
	m.Decisions = ds
	return m, nil
}

// WithoutDecision removes the decision with the given id.
func (m Meeting) WithoutDecision(id int64) (Meeting, error) {
	j := slices.IndexFunc(m.Decisions, func(o Decision) bool { return o.ID == id })
	if j < 0 {
		return m, Errork(ENOTFOUND, "err.DecisionNotFound", id)
	}
	m.Decisions = slices.Delete(slices.Clone(m.Decisions), j, j+1)
	return m, nil
}

// ClusterDecisions are the decisions of all the given meetings of a
// cluster, with the meeting as planned (cur) in place of its stored
// version, oldest first.
func ClusterDecisions(meetings []Meeting, cur Meeting) []Decision {
	var ds []Decision
	for _, m := range meetings {
		if m.ClusterID != cur.ClusterID || m.ID == cur.ID {
			continue
		}
		ds = append(ds, m.Decisions...)
	}
	for _, d := range cur.Decisions {
		// A decision not yet read back from the store (still in the
		// write queue) does not carry its meeting's name and date.
		if d.MeetingDate.IsZero() {
			d.MeetingDate = cur.PlannedStart
		}
		if d.MeetingTitle == "" {
			d.MeetingTitle = cur.Title
		}
		ds = append(ds, d)
	}
	return DecisionLog(ds)
}
