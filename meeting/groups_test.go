package meeting_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
	"github.com/klynge/klynge/meeting/pack"
)

// demoDoctors is the demo roster as group formation sees it: 22 doctors in
// 15 practices, the largest with 3 doctors. Member ids run from 1 in file
// order.
func demoDoctors(t testing.TB) []meeting.GroupMember {
	t.Helper()
	f, err := klynge.DemoFS().Open(klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	practices, err := pack.ReadRoster(f, klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	var out []meeting.GroupMember
	for _, p := range practices {
		for _, m := range p.Members {
			out = append(out, meeting.GroupMember{MemberID: int64(len(out) + 1), Name: m.Name, Ydernummer: m.Ydernummer})
		}
	}
	if len(out) != 22 {
		t.Fatalf("the demo roster has %d doctors; these tests expect 22", len(out))
	}
	return out
}

// syntheticDoctors is a 60-doctor roster in 34 practices: one of 5
// doctors, two of 4, four of 3, eight of 2 and 19 single-handed, listed
// practice by practice.
func syntheticDoctors() []meeting.GroupMember {
	sizes := []int{5, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2}
	for len(sizes) < 34 {
		sizes = append(sizes, 1)
	}
	var out []meeting.GroupMember
	for p, size := range sizes {
		for d := range size {
			id := int64(len(out) + 1)
			out = append(out, meeting.GroupMember{MemberID: id, Name: fmt.Sprintf("Læge %d-%d", p+1, d+1), Ydernummer: fmt.Sprintf("%06d", 100000+p)})
		}
	}
	return out
}

func gm(id int64, name, ydernummer string) meeting.GroupMember {
	return meeting.GroupMember{MemberID: id, Name: name, Ydernummer: ydernummer}
}

func seeded(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x6b6c796e6765)) }

// leastSamePractice is the fewest same-practice pairs possible in k
// groups: each practice spread as evenly as it goes.
func leastSamePractice(doctors []meeting.GroupMember, k int) int {
	count := map[string]int{}
	for _, d := range doctors {
		count[d.Ydernummer]++
	}
	pairs := 0
	for _, s := range count {
		q, r := s/k, s%k
		pairs += r*(q+1)*q/2 + (k-r)*q*(q-1)/2
	}
	return pairs
}

func largestPractice(doctors []meeting.GroupMember) int {
	count := map[string]int{}
	most := 0
	for _, d := range doctors {
		count[d.Ydernummer]++
		most = max(most, count[d.Ydernummer])
	}
	return most
}

// checkSplit fails unless groups hold every present doctor exactly once,
// in k groups numbered 1…k whose sizes are within one of each other.
func checkSplit(t *testing.T, present []meeting.GroupMember, groups []meeting.Group, k int) {
	t.Helper()
	if len(groups) != k {
		t.Fatalf("%d groups, want %d", len(groups), k)
	}
	seen := map[int64]int{}
	smallest, largest := len(present), 0
	for i, g := range groups {
		if g.Number != i+1 {
			t.Errorf("group %d is numbered %d", i+1, g.Number)
		}
		smallest, largest = min(smallest, len(g.Members)), max(largest, len(g.Members))
		for _, m := range g.Members {
			seen[m.MemberID]++
		}
	}
	if largest-smallest > 1 {
		t.Errorf("group sizes run from %d to %d: %v", smallest, largest, groupSizes(groups))
	}
	for _, d := range present {
		if seen[d.MemberID] != 1 {
			t.Errorf("%s is in %d groups", d.Name, seen[d.MemberID])
		}
	}
	if len(seen) != len(present) {
		t.Errorf("the groups hold %d doctors, %d are present", len(seen), len(present))
	}
}

func groupSizes(groups []meeting.Group) []int {
	sizes := make([]int, len(groups))
	for i, g := range groups {
		sizes[i] = len(g.Members)
	}
	return sizes
}

func TestFormGroupsCountsSizesAndPractices(t *testing.T) {
	rosters := []struct {
		name    string
		doctors []meeting.GroupMember
		bySize  map[int]int // wanted size → number of groups
	}{
		// 22/3 = 7.3 → 7, 22/4 = 5.5 → 5 (halves down), 22/5 = 4.4 → 4.
		{"demo", demoDoctors(t), map[int]int{2: 11, 3: 7, 4: 5, 5: 4, 6: 4, 11: 2}},
		// 60/3 = 20, 60/4 = 15, 60/5 = 12, 60/7 = 8.6 → 9.
		{"synthetic", syntheticDoctors(), map[int]int{3: 20, 4: 15, 5: 12, 7: 9, 30: 2}},
	}
	for _, roster := range rosters {
		var reqs []meeting.GroupRequest
		for size := range roster.bySize {
			reqs = append(reqs, meeting.GroupRequest{Size: size})
		}
		for count := 2; count <= 7; count++ {
			reqs = append(reqs, meeting.GroupRequest{Count: count})
		}
		reqs = append(reqs, meeting.GroupRequest{Count: len(roster.doctors) / 2})
		slices.SortFunc(reqs, func(a, b meeting.GroupRequest) int { return (a.Size-b.Size)*100 + a.Count - b.Count })
		for _, req := range reqs {
			want := req.Count
			if req.Size > 0 {
				want = roster.bySize[req.Size]
			}
			t.Run(fmt.Sprintf("%s/size=%d,count=%d", roster.name, req.Size, req.Count), func(t *testing.T) {
				for seed := range uint64(5) {
					groups, err := meeting.FormGroups(roster.doctors, req, nil, seeded(seed))
					if err != nil {
						t.Fatal(err)
					}
					checkSplit(t, roster.doctors, groups, want)
					got, least := meeting.SamePracticePairs(groups), leastSamePractice(roster.doctors, want)
					if largestPractice(roster.doctors) <= want && got != 0 {
						t.Errorf("seed %d: %d same-practice pairs in %d groups, yet no practice has more than %d doctors", seed, got, want, want)
					}
					if got != least {
						t.Errorf("seed %d: %d same-practice pairs, the least possible is %d", seed, got, least)
					}
				}
			})
		}
	}
}

func TestFormGroupsUnknownPracticeIsNotAPractice(t *testing.T) {
	doctors := []meeting.GroupMember{gm(1, "A", ""), gm(2, "B", ""), gm(3, "C", ""), gm(4, "D", "1"), gm(5, "E", "1"), gm(6, "F", "")}
	groups, err := meeting.FormGroups(doctors, meeting.GroupRequest{Count: 2}, nil, seeded(1))
	if err != nil {
		t.Fatal(err)
	}
	checkSplit(t, doctors, groups, 2)
	if n := meeting.SamePracticePairs(groups); n != 0 {
		t.Errorf("%d same-practice pairs in %v", n, groups)
	}
}

func TestFormGroupsIsDeterministic(t *testing.T) {
	doctors := syntheticDoctors()
	previous, err := meeting.FormGroups(doctors[5:], meeting.GroupRequest{Size: 4}, nil, seeded(99))
	if err != nil {
		t.Fatal(err)
	}
	first, err := meeting.FormGroups(doctors, meeting.GroupRequest{Size: 4}, previous, seeded(7))
	if err != nil {
		t.Fatal(err)
	}
	again, err := meeting.FormGroups(doctors, meeting.GroupRequest{Size: 4}, previous, seeded(7))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, again) {
		t.Error("the same seed gave different groups")
	}
	other, err := meeting.FormGroups(doctors, meeting.GroupRequest{Size: 4}, previous, seeded(8))
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(first, other) {
		t.Error("two seeds gave the same groups")
	}
	// Members keep the order they were given in.
	for _, g := range first {
		if !slices.IsSortedFunc(g.Members, func(a, b meeting.GroupMember) int { return int(a.MemberID - b.MemberID) }) {
			t.Errorf("group %d is not in roster order: %v", g.Number, g.Members)
		}
	}
	// A nil source still works, drawing its own seed.
	groups, err := meeting.FormGroups(doctors, meeting.GroupRequest{Size: 4}, previous, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkSplit(t, doctors, groups, 15)
}

// randomSplit deals the doctors at random into groups of the given sizes.
func randomSplit(doctors []meeting.GroupMember, sizes []int, rnd *rand.Rand) []meeting.Group {
	order := rnd.Perm(len(doctors))
	groups := make([]meeting.Group, len(sizes))
	next := 0
	for g, size := range sizes {
		groups[g].Number = g + 1
		for range size {
			groups[g].Members = append(groups[g].Members, doctors[order[next]])
			next++
		}
	}
	return groups
}

// TestFormGroupsAvoidsRepeatPairs compares, over many seeds, the pairs
// that meet again against the previous meeting's groups: with avoidance,
// without it (practices only), and for a plain random split of the same
// sizes.
func TestFormGroupsAvoidsRepeatPairs(t *testing.T) {
	const seeds = 200
	tests := []struct {
		name    string
		doctors []meeting.GroupMember
		req     meeting.GroupRequest
		// avoided must be at most this share of the random split's
		// average; what is measured is far below it.
		atMost float64
	}{
		{"demo, groups of 4", demoDoctors(t), meeting.GroupRequest{Size: 4}, 0.25},
		{"demo, groups of 3", demoDoctors(t), meeting.GroupRequest{Size: 3}, 0.25},
		// 19 who came last time in 4 groups now meet in 4 groups: a group
		// takes at most one from each old group without a repeat, so at
		// most 16 of the 19 fit and at least 3 repeats are unavoidable.
		{"demo, groups of 5", demoDoctors(t), meeting.GroupRequest{Size: 5}, 0.5},
		{"synthetic, groups of 4", syntheticDoctors(), meeting.GroupRequest{Size: 4}, 0.25},
		{"synthetic, groups of 5", syntheticDoctors(), meeting.GroupRequest{Size: 5}, 0.25},
		// Two halves after two halves (of 10 and 9 of the 19 who came last
		// time): splitting them 5+5 and 4+5 is the best possible, with
		// 10+10+6+10 = 36 repeats, so little can be saved.
		{"demo, 2 groups", demoDoctors(t), meeting.GroupRequest{Count: 2}, 0.99},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var avoided, practicesOnly, random int
			for seed := range uint64(seeds) {
				rnd := seeded(seed)
				// Last meeting: most of the same doctors, grouped the
				// same way.
				came := slices.Clone(tt.doctors)
				rnd.Shuffle(len(came), func(i, j int) { came[i], came[j] = came[j], came[i] })
				came = came[:len(came)*9/10]
				previous, err := meeting.FormGroups(came, tt.req, nil, rnd)
				if err != nil {
					t.Fatal(err)
				}
				groups, err := meeting.FormGroups(tt.doctors, tt.req, previous, rnd)
				if err != nil {
					t.Fatal(err)
				}
				plain, err := meeting.FormGroups(tt.doctors, tt.req, nil, rnd)
				if err != nil {
					t.Fatal(err)
				}
				if a, b := meeting.SamePracticePairs(groups), meeting.SamePracticePairs(plain); a != b {
					t.Fatalf("seed %d: avoiding repeats cost same-practice pairs: %d, not %d", seed, a, b)
				}
				avoided += meeting.RepeatPairs(groups, previous)
				practicesOnly += meeting.RepeatPairs(plain, previous)
				random += meeting.RepeatPairs(randomSplit(tt.doctors, groupSizes(groups), rnd), previous)
			}
			avgAvoided := float64(avoided) / seeds
			avgPractices := float64(practicesOnly) / seeds
			avgRandom := float64(random) / seeds
			t.Logf("repeat pairs per split over %d seeds: avoided %.2f, practices only %.2f, random %.2f", seeds, avgAvoided, avgPractices, avgRandom)
			if avgAvoided >= avgRandom*tt.atMost || avgAvoided >= avgPractices*tt.atMost {
				t.Errorf("avoidance leaves %.2f repeat pairs on average; want below %.2f × %.2f (random) and × %.2f (practices only)",
					avgAvoided, tt.atMost, avgRandom, avgPractices)
			}
		})
	}
}

func TestRepeatAndSamePracticePairs(t *testing.T) {
	a, b, c, d, e := gm(1, "A", "p"), gm(2, "B", "p"), gm(3, "C", "q"), gm(4, "D", "q"), gm(5, "E", "")
	f := gm(6, "F", "")
	groups := []meeting.Group{{Number: 1, Members: []meeting.GroupMember{a, b, c}}, {Number: 2, Members: []meeting.GroupMember{d, e, f}}}
	// Two rounds before: A–B, A–C, B–C; then A–B again (counts once),
	// D–E.
	previous := []meeting.Group{{Number: 1, Members: []meeting.GroupMember{a, b, c}}, {Number: 2, Members: []meeting.GroupMember{d}}, {Number: 1, Members: []meeting.GroupMember{a, b}}, {Number: 2, Members: []meeting.GroupMember{d, e}}}
	if n := meeting.RepeatPairs(groups, previous); n != 4 {
		t.Errorf("%d repeat pairs, want 4 (A–B, A–C, B–C, D–E)", n)
	}
	if n := meeting.RepeatPairs(groups, nil); n != 0 {
		t.Errorf("%d repeat pairs with no previous groups", n)
	}
	// A–B share practice p; E and F have no practice on record.
	if n := meeting.SamePracticePairs(groups); n != 1 {
		t.Errorf("%d same-practice pairs, want 1 (A–B)", n)
	}
}

func TestMoveMember(t *testing.T) {
	doctors := demoDoctors(t)
	groups, err := meeting.FormGroups(doctors, meeting.GroupRequest{Size: 4}, nil, seeded(3))
	if err != nil {
		t.Fatal(err)
	}
	before := cloneGroups(groups)
	mover := groups[1].Members[1]

	moved, err := meeting.MoveMember(groups, mover.MemberID, 4)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(groups, before) {
		t.Error("MoveMember changed the groups it was given")
	}
	want := cloneGroups(before)
	want[1].Members = slices.Delete(want[1].Members, 1, 2)
	want[3].Members = append(want[3].Members, mover)
	if !reflect.DeepEqual(moved, want) {
		t.Errorf("after moving %s to group 4:\n got %v\nwant %v", mover.Name, moved, want)
	}

	// Emptying a group keeps it and every number.
	pair := []meeting.Group{{Number: 1, Members: []meeting.GroupMember{doctors[0], doctors[1]}}, {Number: 2, Members: []meeting.GroupMember{doctors[2]}}, {Number: 3, Members: []meeting.GroupMember{doctors[3], doctors[4]}}}
	emptied, err := meeting.MoveMember(pair, doctors[2].MemberID, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(emptied) != 3 || emptied[1].Number != 2 || len(emptied[1].Members) != 0 || len(emptied[2].Members) != 3 {
		t.Errorf("emptying group 2 gave %v", emptied)
	}

	for _, tt := range []struct {
		name     string
		memberID int64
		to       int
		code     string
		message  string
	}{
		{"unknown member", 999, 2, meeting.ENOTFOUND, "member 999 is in none of the groups"},
		{"unknown group", mover.MemberID, 9, meeting.ENOTFOUND, "there is no group 9"},
		{"same group", mover.MemberID, 2, meeting.ECONFLICT, mover.Name + " is already in group 2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := meeting.MoveMember(groups, tt.memberID, tt.to)
			if meeting.ErrorCode(err) != tt.code || msg.For("en").Error(err) != tt.message {
				t.Errorf("got %v, want %s %q", err, tt.code, tt.message)
			}
		})
	}
	if !reflect.DeepEqual(groups, before) {
		t.Error("a refused move changed the groups")
	}
}

func cloneGroups(groups []meeting.Group) []meeting.Group {
	out := make([]meeting.Group, len(groups))
	for i, g := range groups {
		out[i] = meeting.Group{Number: g.Number, Members: slices.Clone(g.Members)}
	}
	return out
}

func TestFormGroupsRefusesBadInput(t *testing.T) {
	demo := demoDoctors(t)
	four := demo[:4]
	twice := append(slices.Clone(demo[:5]), demo[2])
	tests := []struct {
		name    string
		present []meeting.GroupMember
		req     meeting.GroupRequest
		message string // the whole message, or its start when it ends in "…"
	}{
		{"nobody present", nil, meeting.GroupRequest{Size: 4}, "no doctors are present, so there is no one to put in groups"},
		{"neither size nor count", demo, meeting.GroupRequest{}, "give a group size (e.g. 4) or a number of groups"},
		{"both size and count", demo, meeting.GroupRequest{Size: 4, Count: 5}, "give either a group size or a number of groups, not both"},
		{"negative size", demo, meeting.GroupRequest{Size: -3}, "a group size or number of groups cannot be negative"},
		{"negative count", demo, meeting.GroupRequest{Count: -1}, "a group size or number of groups cannot be negative"},
		{"size 1", demo, meeting.GroupRequest{Size: 1}, "a group needs at least 2 doctors"},
		{"too few for the size", four, meeting.GroupRequest{Size: 3}, "4 doctors are too few for groups of 3: two groups need at least 6"},
		{"one doctor", demo[:1], meeting.GroupRequest{Size: 2}, "1 doctor is too few for groups of 2: two groups need at least 4"},
		{"size above half", demo, meeting.GroupRequest{Size: 12}, "22 doctors are too few for groups of 12: …"},
		{"one group", demo, meeting.GroupRequest{Count: 1}, "a round needs at least 2 groups"},
		{"count above half", demo, meeting.GroupRequest{Count: 12}, "22 doctors are too few for 12 groups: each group needs at least 2"},
		{"someone twice", twice, meeting.GroupRequest{Count: 2}, demo[2].Name + " (member 3) is listed twice among the present doctors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			groups, err := meeting.FormGroups(tt.present, tt.req, nil, seeded(1))
			if err == nil {
				t.Fatalf("no error; groups %v", groups)
			}
			if code := meeting.ErrorCode(err); code != meeting.EINVALID {
				t.Errorf("code %s, want %s", code, meeting.EINVALID)
			}
			msg := msg.For("en").Error(err)
			if prefix, ok := strings.CutSuffix(tt.message, "…"); ok {
				if !strings.HasPrefix(msg, prefix) {
					t.Errorf("message %q, want it to start %q", msg, prefix)
				}
			} else if msg != tt.message {
				t.Errorf("message %q, want %q", msg, tt.message)
			}
			if groups != nil {
				t.Errorf("groups %v with an error", groups)
			}
		})
	}
}

func BenchmarkFormGroups60(b *testing.B) {
	doctors := syntheticDoctors()
	req := meeting.GroupRequest{Size: 4}
	previous, err := meeting.FormGroups(doctors, req, nil, seeded(1))
	if err != nil {
		b.Fatal(err)
	}
	repeats := 0
	seed := uint64(0)
	for b.Loop() {
		seed++
		groups, err := meeting.FormGroups(doctors, req, previous, seeded(seed))
		if err != nil {
			b.Fatal(err)
		}
		repeats += meeting.RepeatPairs(groups, previous)
	}
	b.ReportMetric(float64(repeats)/float64(seed), "repeats/op")
}

// BenchmarkFormGroups60Tight asks for groups of 10 after three earlier
// splits into groups of 10, so no split avoids every repeat and every
// restart runs.
func BenchmarkFormGroups60Tight(b *testing.B) {
	doctors := syntheticDoctors()
	req := meeting.GroupRequest{Size: 10}
	var previous []meeting.Group
	for seed := range uint64(3) {
		groups, err := meeting.FormGroups(doctors, req, previous, seeded(100+seed))
		if err != nil {
			b.Fatal(err)
		}
		previous = append(previous, groups...)
	}
	repeats := 0
	seed := uint64(0)
	for b.Loop() {
		seed++
		groups, err := meeting.FormGroups(doctors, req, previous, seeded(seed))
		if err != nil {
			b.Fatal(err)
		}
		repeats += meeting.RepeatPairs(groups, previous)
	}
	b.ReportMetric(float64(repeats)/float64(seed), "repeats/op")
}
