package meeting

import (
	crand "crypto/rand"
	"math/rand/v2"
	"slices"
)

// GroupMember is a doctor as group formation sees them: who they are and
// which practice they come from.
type GroupMember struct {
	MemberID int64
	Name     string
	// Ydernummer is the doctor's practice; "" means unknown, and such
	// doctors are not kept apart from anyone.
	Ydernummer string
}

// Group is one group of a group-work round. Numbers run from 1.
type Group struct {
	Number  int
	Members []GroupMember
}

// GroupRequest says how to split the room: exactly one of Size and Count
// is above zero.
type GroupRequest struct {
	// Size asks for groups of about this many doctors (3–5 is usual). The
	// number of groups is the one that puts the sizes closest to it:
	// doctors/Size rounded, halves down, so that leftover doctors join
	// groups rather than form small ones. 22 doctors in groups of 4 make
	// 5 groups (5, 5, 4, 4, 4); in groups of 5, 4 groups (6, 6, 5, 5).
	Size int
	// Count asks for exactly this many groups.
	Count int
}

// groupRestarts is how many random starting splits FormGroups improves
// before it keeps the best.
const groupRestarts = 24

// FormGroups splits the present doctors into groups for a round.
//
// Group sizes are within one of each other. Doctors of the same practice
// go to different groups whenever no practice has more doctors than there
// are groups; otherwise each practice is spread as evenly as it can be, so
// the number of same-practice pairs is always the least possible. Within
// that, FormGroups avoids putting together again the pairs that shared a
// group in previous (which may hold several rounds' groups; a pair counts
// once however often it met), as far as it can find.
//
// The search starts from several random splits that already keep
// practices apart and improves each by swapping two doctors while that
// lowers the cost, keeping the best. The result depends only on the
// arguments and the draws from rnd, so a seeded rnd gives the same groups
// every time; a nil rnd is seeded from crypto/rand. Members within a group
// keep their order in present.
func FormGroups(present []GroupMember, req GroupRequest, previous []Group, rnd *rand.Rand) ([]Group, error) {
	n := len(present)
	k, err := groupCount(n, req)
	if err != nil {
		return nil, err
	}
	seen := make(map[int64]bool, n)
	for _, m := range present {
		if seen[m.MemberID] {
			return nil, Errork(EINVALID, "err.MemberTwicePresent", m.Name, m.MemberID)
		}
		seen[m.MemberID] = true
	}
	if rnd == nil {
		var seed [32]byte
		_, _ = crand.Read(seed[:]) // never fails on supported systems
		rnd = rand.New(rand.NewChaCha8(seed))
	}

	p := newGroupProblem(present, k, previous)
	best, bestCost := []int(nil), 0
	for range groupRestarts {
		assign := p.start(rnd)
		cost := p.improve(assign, rnd)
		if best == nil || cost < bestCost {
			best, bestCost = assign, cost
		}
		if bestCost == p.floor {
			break // no same-practice pair beyond the unavoidable, no repeat
		}
	}

	groups := make([]Group, k)
	for g := range groups {
		groups[g].Number = g + 1
	}
	for i, g := range best {
		groups[g].Members = append(groups[g].Members, present[i])
	}
	return groups, nil
}

// groupCount turns a request into a number of groups for n doctors.
func groupCount(n int, req GroupRequest) (int, error) {
	switch {
	case n == 0:
		return 0, Errork(EINVALID, "err.NoDoctorsPresent")
	case req.Size < 0 || req.Count < 0:
		return 0, Errork(EINVALID, "err.GroupNegative")
	case req.Size > 0 && req.Count > 0:
		return 0, Errork(EINVALID, "err.GroupSizeOrCount")
	case req.Size == 0 && req.Count == 0:
		return 0, Errork(EINVALID, "err.GroupNeitherGiven")
	case req.Size == 1:
		return 0, Errork(EINVALID, "err.GroupTooSmall")
	case req.Size > 0 && n < 2*req.Size:
		return 0, Errork(EINVALID, "err.TooFewForSize", n, req.Size, 2*req.Size)
	case req.Size > 0:
		// n/Size rounded, halves down; n ≥ 2·Size keeps it at 2 or more.
		return (2*n + req.Size - 1) / (2 * req.Size), nil
	case req.Count == 1:
		return 0, Errork(EINVALID, "err.RoundTwoGroups")
	case n < 2*req.Count:
		return 0, Errork(EINVALID, "err.TooFewForCount", n, req.Count)
	}
	return req.Count, nil
}

// groupProblem is one FormGroups call's search space: n doctors into k
// groups with fixed sizes, and the cost of each pair sharing a group.
type groupProblem struct {
	n, k int
	// practices lists each practice's doctors (indices into present);
	// doctors of unknown practice are each their own practice.
	practices [][]int
	// pair[i*n+j] is what it costs to put i and j in one group:
	// samePracticeWeight for colleagues, plus 1 for a repeated pair.
	pair []int
	// floor is the least cost possible: the unavoidable same-practice
	// pairs, no repeats.
	floor int
	// sums[i*k+g] is the cost of doctor i's pairs with the members of
	// group g, for the split being improved.
	sums []int
}

func newGroupProblem(present []GroupMember, k int, previous []Group) *groupProblem {
	n := len(present)
	p := &groupProblem{n: n, k: k, pair: make([]int, n*n), sums: make([]int, n*k)}
	// A same-practice pair must weigh more than every repeat a swap could
	// remove, so no swap ever trades one for the other.
	weight := n*n + 1

	index := make(map[int64]int, n)
	byPractice := map[string]int{}
	for i, m := range present {
		index[m.MemberID] = i
		if m.Ydernummer == "" {
			p.practices = append(p.practices, []int{i})
			continue
		}
		pi, ok := byPractice[m.Ydernummer]
		if !ok {
			pi = len(p.practices)
			byPractice[m.Ydernummer] = pi
			p.practices = append(p.practices, nil)
		}
		p.practices[pi] = append(p.practices[pi], i)
	}
	for _, doctors := range p.practices {
		for a, i := range doctors {
			for _, j := range doctors[a+1:] {
				p.pair[i*n+j] += weight
				p.pair[j*n+i] += weight
			}
		}
		// Spread evenly over k groups, a practice of s doctors puts q+1
		// of them in r groups and q in the other k-r (q, r = s/k, s%k).
		q, r := len(doctors)/k, len(doctors)%k
		p.floor += weight * (r*(q+1)*q/2 + (k-r)*q*(q-1)/2)
	}
	for _, pairs := range previousPairs(previous) {
		i, okI := index[pairs[0]]
		j, okJ := index[pairs[1]]
		if okI && okJ {
			p.pair[i*n+j]++
			p.pair[j*n+i]++
		}
	}
	return p
}

// start makes a random split that spreads every practice as evenly as
// possible: the practices in random order, each one's doctors in a row,
// dealt round the groups like cards. Consecutive doctors land in
// different groups, so a practice of s ≤ k doctors lands in s groups, and
// the first n mod k groups get one doctor more than the rest (swaps keep
// the sizes, so they stay the bigger ones).
func (p *groupProblem) start(rnd *rand.Rand) []int {
	order := make([]int, 0, p.n)
	for _, pi := range rnd.Perm(len(p.practices)) {
		doctors := p.practices[pi]
		for _, di := range rnd.Perm(len(doctors)) {
			order = append(order, doctors[di])
		}
	}
	assign := make([]int, p.n)
	for pos, i := range order {
		assign[i] = pos % p.k
	}
	return assign
}

// improve lowers the cost of assign in place by swapping two doctors of
// different groups while some swap lowers it, and returns the cost.
func (p *groupProblem) improve(assign []int, rnd *rand.Rand) int {
	n, k := p.n, p.k
	clear(p.sums)
	for i := range n {
		for j := range n {
			p.sums[i*k+assign[j]] += p.pair[i*n+j]
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	for improved := true; improved; {
		improved = false
		rnd.Shuffle(n, func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, a := range order {
			for _, b := range order {
				ga, gb := assign[a], assign[b]
				if ga == gb {
					continue
				}
				ab := p.pair[a*n+b]
				delta := p.sums[a*k+gb] - ab + p.sums[b*k+ga] - ab - p.sums[a*k+ga] - p.sums[b*k+gb]
				if delta >= 0 {
					continue
				}
				for i := range n {
					ci, di := p.pair[i*n+a], p.pair[i*n+b]
					p.sums[i*k+ga] += di - ci
					p.sums[i*k+gb] += ci - di
				}
				assign[a], assign[b] = gb, ga
				improved = true
			}
		}
	}
	cost := 0
	for i := range n {
		cost += p.sums[i*k+assign[i]]
	}
	return cost / 2
}

// previousPairs lists each pair of member ids that shared a group, once,
// smaller id first.
func previousPairs(groups []Group) [][2]int64 {
	seen := map[[2]int64]bool{}
	var pairs [][2]int64
	for _, g := range groups {
		for a, x := range g.Members {
			for _, y := range g.Members[a+1:] {
				pr := [2]int64{min(x.MemberID, y.MemberID), max(x.MemberID, y.MemberID)}
				if pr[0] != pr[1] && !seen[pr] {
					seen[pr] = true
					pairs = append(pairs, pr)
				}
			}
		}
	}
	return pairs
}

// RepeatPairs counts the pairs of doctors who share a group in groups and
// shared one in previous too. A pair counts once however many of the
// previous groups it shared.
func RepeatPairs(groups []Group, previous []Group) int {
	before := map[[2]int64]bool{}
	for _, pr := range previousPairs(previous) {
		before[pr] = true
	}
	n := 0
	for _, pr := range previousPairs(groups) {
		if before[pr] {
			n++
		}
	}
	return n
}

// SamePracticePairs counts the pairs of doctors from the same practice
// who share a group. Doctors of unknown practice never count.
func SamePracticePairs(groups []Group) int {
	n := 0
	for _, g := range groups {
		for a, x := range g.Members {
			for _, y := range g.Members[a+1:] {
				if x.Ydernummer != "" && x.Ydernummer == y.Ydernummer {
					n++
				}
			}
		}
	}
	return n
}

// MoveMember moves one doctor to the group numbered toGroup, at the end of
// its members, and leaves everything else as it was: the other members
// keep their groups and order, and the groups keep their numbers even if
// one is left empty. The groups passed in are not changed.
func MoveMember(groups []Group, memberID int64, toGroup int) ([]Group, error) {
	from, at, to := -1, -1, -1
	for g, grp := range groups {
		if grp.Number == toGroup {
			to = g
		}
		for i, m := range grp.Members {
			if m.MemberID == memberID && from < 0 {
				from, at = g, i
			}
		}
	}
	switch {
	case from < 0:
		return groups, Errork(ENOTFOUND, "err.MemberInNoGroup", memberID)
	case to < 0:
		return groups, Errork(ENOTFOUND, "err.NoGroup", toGroup)
	case from == to:
		return groups, Errork(ECONFLICT, "err.AlreadyInGroup", groups[from].Members[at].Name, toGroup)
	}
	out := make([]Group, len(groups))
	for g, grp := range groups {
		out[g] = Group{Number: grp.Number, Members: slices.Clone(grp.Members)}
	}
	moved := out[from].Members[at]
	out[from].Members = slices.Delete(out[from].Members, at, at+1)
	out[to].Members = append(out[to].Members, moved)
	return out, nil
}
