package meeting

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// MeetingAttendance is one meeting of a cluster as the attendance history
// sees it: when it was, who was recorded how, and whether it took place.
type MeetingAttendance struct {
	MeetingID int64
	// Date is the meeting's planned start; only its calendar date counts.
	Date time.Time
	// Attendance maps member id to what was recorded; a member without a
	// record at a held meeting was absent.
	Attendance map[int64]Attendance
	// Held reports whether the meeting took place: the coordinator
	// started it, or checked someone in (apologies alone are sent before
	// a meeting and do not show that it was held).
	Held bool
}

// MemberHistory is one member's attendance over the report's window.
type MemberHistory struct {
	Member Member
	// Practice is the name of the member's practice.
	Practice string
	// Meetings counts the held meetings in the window that count for the
	// member (after joining, before retiring); Attended those they came
	// to (also late or leaving early); Missed those they did not, with
	// or without apologies; Apologies those of Missed with apologies.
	Meetings, Attended, Missed, Apologies int
	// LastAttended is the date of the last held meeting the member came
	// to, over the whole history, not only the window; nil for never.
	LastAttended *time.Time
	// ReachOut is the rule's flag: the coordinator should get in touch.
	// Retired members are never flagged.
	ReachOut bool
	// Why says which part of the rule flagged the member, in Danish; see
	// Explain for English.
	Why string

	// RuleMeetings and RuleMissed are the counts over the rule's window,
	// the last 12 months, which may differ from the report's window.
	RuleMeetings, RuleMissed int
	// RuleMaxMissed is the rule's MaxMissed when that part fired, else -1.
	RuleMaxMissed int
	// MonthsAway is how many whole months the member has been away when
	// the months-away part fired, else 0.
	MonthsAway int
}

// AttendanceReport lists every member of c, active and retired, in the
// cluster's order (practices by ydernummer, members as stored), with their
// attendance over the 12 months up to now and the rule's flag. See
// AttendanceReportSince for the rules.
func AttendanceReport(c Cluster, history []MeetingAttendance, rule AttendanceRule, now time.Time) []MemberHistory {
	return AttendanceReportSince(c, history, rule, ruleWindowStart(now), now)
}

// ruleWindowStart is the first day of the 12 months up to now: a meeting
// on the same date a year ago is outside.
func ruleWindowStart(now time.Time) time.Time {
	return dayOf(now).AddDate(-1, 0, 1)
}

// AttendanceReportSince is AttendanceReport with the counts over the
// meetings from since to now (both dates included) instead of the last 12
// months. history should hold every meeting of the cluster, not only
// those since since: the last attendance and the rule look further back.
//
// The semantics, all by calendar date:
//
//   - Only held meetings dated up to now count; a planned meeting, or one
//     that never took place, does not.
//   - A meeting dated before a member joined, or after they retired, does
//     not count for them; a meeting on either day does.
//   - At a held meeting, a member present, late or leaving early attended;
//     with apologies or with no record at all (absent) they missed it.
//     Apologies count as missed, as most clusters' rules do, and are also
//     counted on their own.
//   - The rule flags a member (ReachOut) when they missed more than
//     rule.MaxMissed of the held meetings of the last 12 months, or, when
//     rule.MonthsAway > 0, when they have not attended for more than
//     MonthsAway months and missed at least one meeting in that time
//     without sending apologies for any. The time away runs from their
//     last attendance, or else from their joining, or else from the
//     first meeting that counted for them.
//   - Retired members are listed with their counts, never flagged.
func AttendanceReportSince(c Cluster, history []MeetingAttendance, rule AttendanceRule, since, now time.Time) []MemberHistory {
	today := dayOf(now)
	from := dayOf(since)
	ruleFrom := ruleWindowStart(now)
	history = slices.Clone(history)
	slices.SortStableFunc(history, func(a, b MeetingAttendance) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.MeetingID, b.MeetingID))
	})
	var out []MemberHistory
	for _, p := range c.Practices {
		for _, m := range p.Members {
			h := MemberHistory{Member: m, Practice: p.Name, RuleMaxMissed: -1}
			var (
				first     *time.Time // first meeting that counted
				last      *time.Time // last meeting attended
				sinceLast []MeetingAttendance
			)
			for _, mt := range history {
				d := dayOf(mt.Date)
				if !mt.Held || d.After(today) || !m.ActiveOn(d) {
					continue
				}
				if first == nil {
					first = &d
				}
				rec, ok := mt.Attendance[m.ID]
				attended := ok && rec.Status.Attended()
				apologies := ok && rec.Status == StatusApologies
				if !d.Before(from) {
					h.Meetings++
					switch {
					case attended:
						h.Attended++
					case apologies:
						h.Missed++
						h.Apologies++
					default:
						h.Missed++
					}
				}
				if !d.Before(ruleFrom) {
					h.RuleMeetings++
					if !attended {
						h.RuleMissed++
					}
				}
				if attended {
					dd := d
					last = &dd
					sinceLast = nil
				} else {
					sinceLast = append(sinceLast, mt)
				}
			}
			if last != nil {
				t := *last
				h.LastAttended = &t
			}
			if m.Retired == nil {
				h.flag(rule, first, last, sinceLast, today)
			}
			out = append(out, h)
		}
	}
	return out
}

// flag applies the rule to an active member. first is the first meeting
// that counted for them, last the last they attended, missed the meetings
// they missed since.
func (h *MemberHistory) flag(rule AttendanceRule, first, last *time.Time, missed []MeetingAttendance, today time.Time) {
	if h.RuleMissed > rule.MaxMissed {
		h.ReachOut = true
		h.RuleMaxMissed = rule.MaxMissed
	}
	if rule.MonthsAway > 0 && len(missed) > 0 {
		var start time.Time
		switch {
		case last != nil:
			start = *last
		case !h.Member.Joined.IsZero():
			start = dayOf(h.Member.Joined)
		default:
			start = *first
		}
		apologies := false
		for _, mt := range missed {
			if mt.Attendance[h.Member.ID].Status == StatusApologies {
				apologies = true
			}
		}
		if !apologies && today.After(start.AddDate(0, rule.MonthsAway, 0)) {
			h.ReachOut = true
			h.MonthsAway = wholeMonths(start, today)
		}
	}
	h.Why = h.Explain("da")
}

// Explain says which part of the rule flagged the member, in Danish ("da")
// or English ("en"); "" when the member is not flagged.
func (h MemberHistory) Explain(lang string) string {
	if !h.ReachOut {
		return ""
	}
	var parts []string
	if h.RuleMaxMissed >= 0 {
		if lang == "en" {
			parts = append(parts, fmt.Sprintf("missed %d of %s (at most %d)", h.RuleMissed, countNoun(h.RuleMeetings, "meeting", "meetings"), h.RuleMaxMissed))
		} else {
			parts = append(parts, fmt.Sprintf("%d af %s missede (højst %d)", h.RuleMissed, countNoun(h.RuleMeetings, "møde", "møder"), h.RuleMaxMissed))
		}
	}
	if h.MonthsAway > 0 {
		if lang == "en" {
			parts = append(parts, fmt.Sprintf("not seen for %s, no apologies", countNoun(h.MonthsAway, "month", "months")))
		} else {
			parts = append(parts, fmt.Sprintf("ikke set i %s, ingen afbud", countNoun(h.MonthsAway, "måned", "måneder")))
		}
	}
	return strings.Join(parts, "; ")
}

// Validate checks that the rule's numbers can be stored: neither may be
// negative, and months away at most ten years.
func (r AttendanceRule) Validate() error {
	switch {
	case r.MaxMissed < 0:
		return Errork(EINVALID, "err.MaxMissedNegative", r.MaxMissed)
	case r.MonthsAway < 0:
		return Errork(EINVALID, "err.MonthsAwayNegative", r.MonthsAway)
	case r.MonthsAway > 120:
		return Errork(EINVALID, "err.MonthsAwayTooMany", r.MonthsAway)
	}
	return nil
}

// dayOf is t's calendar date in t's own location, as midnight UTC, so
// dates from different offsets compare as the dates people read.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// wholeMonths counts the whole months from a to b (a before b).
func wholeMonths(a, b time.Time) int {
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		n--
	}
	return max(n, 0)
}

func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
