package meeting

import (
	"strconv"
	"strings"
	"time"
)

// ActiveOn reports whether the member belongs to the cluster on day d:
// d's calendar date is on or after the day they joined (a zero Joined is
// "always") and on or before the day they retired. Dates are compared as
// the calendar dates people read, each in its own location, so a member
// who retires on the day of a meeting still attends it, whatever the hour
// the retirement was recorded.
func (m Member) ActiveOn(d time.Time) bool {
	day := dayOf(d)
	if !m.Joined.IsZero() && day.Before(dayOf(m.Joined)) {
		return false
	}
	if m.Retired != nil && dayOf(*m.Retired).Before(day) {
		return false
	}
	return true
}

// CheckActiveAt returns nil when the member can be recorded at meeting mt
// (ActiveOn its date), else an ECONFLICT error worded in Danish and English
// saying that they had retired, or not yet joined, on the meeting's date.
func (m Member) CheckActiveAt(mt Meeting) error {
	switch {
	case m.ActiveOn(mt.PlannedStart):
		return nil
	case m.Retired != nil && dayOf(*m.Retired).Before(dayOf(mt.PlannedStart)):
		return Errork(ECONFLICT, "err.MemberRetiredBefore",
			m.Name, Ref(m.ID), m.Retired.Format("02-01-2006"), mt.PlannedStart.Format("02-01-2006"))
	}
	return Errork(ECONFLICT, "err.MemberJoinedAfter",
		m.Name, Ref(m.ID), m.Joined.Format("02-01-2006"), mt.PlannedStart.Format("02-01-2006"))
}

// Members lists every member of c, active and retired, in the roster's
// order (practices as stored, members as stored within each).
func (c Cluster) Members() []Member {
	var out []Member
	for _, p := range c.Practices {
		out = append(out, p.Members...)
	}
	return out
}

// ActiveMembers lists the members of c who belong to the cluster on day d
// (Member.ActiveOn), in the roster's order.
func (c Cluster) ActiveMembers(d time.Time) []Member {
	var out []Member
	for _, m := range c.Members() {
		if m.ActiveOn(d) {
			out = append(out, m)
		}
	}
	return out
}

// Practice returns the practice with ydernummer y.
func (c Cluster) Practice(y string) (Practice, bool) {
	for _, p := range c.Practices {
		if p.Ydernummer == y {
			return p, true
		}
	}
	return Practice{}, false
}

// FindMembers returns the members of c active on day d that query names,
// in the roster's order: the member whose id query is, else those whose
// name or practice's name holds every word of query (MatchesName, with
// Danish folding). When several match and exactly one's name is query
// (SameName), only that one is returned, so "Hans Hansen" can be chosen
// beside "Hans Hansen-Berg".
func (c Cluster) FindMembers(query string, d time.Time) []Member {
	return c.findMembers(query, func(m Member) bool { return m.ActiveOn(d) })
}

// FindInactiveMembers is FindMembers over the members of c who are not
// active on day d (retired before it, or joining after it), so a caller
// can say why a name it was given cannot be chosen.
func (c Cluster) FindInactiveMembers(query string, d time.Time) []Member {
	return c.findMembers(query, func(m Member) bool { return !m.ActiveOn(d) })
}

func (c Cluster) findMembers(query string, keep func(Member) bool) []Member {
	query = strings.TrimSpace(query)
	id, idErr := strconv.ParseInt(query, 10, 64)
	var matches, exact []Member
	for _, p := range c.Practices {
		for _, m := range p.Members {
			if !keep(m) {
				continue
			}
			if idErr == nil {
				if m.ID == id {
					return []Member{m}
				}
				continue
			}
			if MatchesName(query, m.Name, p.Name) {
				matches = append(matches, m)
				if SameName(m.Name, query) {
					exact = append(exact, m)
				}
			}
		}
	}
	if len(matches) > 1 && len(exact) == 1 {
		return exact
	}
	return matches
}

// FindPractices returns the practices of c that query names, in the
// roster's order: the practice whose ydernummer query is, else those whose
// name holds every word of query (MatchesName, with Danish folding). When
// several match and exactly one's name is query (SameName), only that one
// is returned. An empty query names none.
func (c Cluster) FindPractices(query string) []Practice {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	if p, ok := c.Practice(query); ok {
		return []Practice{p}
	}
	var matches, exact []Practice
	for _, p := range c.Practices {
		if MatchesName(query, p.Name) {
			matches = append(matches, p)
			if SameName(p.Name, query) {
				exact = append(exact, p)
			}
		}
	}
	if len(matches) > 1 && len(exact) == 1 {
		return exact
	}
	return matches
}
