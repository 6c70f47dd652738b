package meeting

import "time"

// NextMeeting returns the cluster's next planned meeting after m: of the
// meetings ms of m's cluster planned on a later calendar day than m, the
// earliest (the lower id on a tie). ok is false when none is planned.
func NextMeeting(ms []Meeting, m Meeting) (next Meeting, ok bool) {
	day := dayOf(m.PlannedStart)
	for _, o := range ms {
		if o.ClusterID != m.ClusterID || o.ID == m.ID || !dayOf(o.PlannedStart).After(day) {
			continue
		}
		if !ok || o.PlannedStart.Before(next.PlannedStart) || (o.PlannedStart.Equal(next.PlannedStart) && o.ID < next.ID) {
			next, ok = o, true
		}
	}
	return next, ok
}

// AddMonths returns t moved n months on (back for negative n), on the same
// day of the month, or the month's last day when it is shorter: 1 month
// after 31 January is 28 (or 29) February, 3 months after 30 November is
// 28 February. time.AddDate would run on into March instead.
func AddMonths(t time.Time, n int) time.Time {
	y, mo, d := t.Date()
	first := time.Date(y, mo+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}

// DueDate reads the due date of a pledge made at meeting m, the one way
// both the command line and the pledge form read it: ParseDue from m's
// date, with "næste" the cluster's next planned meeting among ms and the
// year plan (NextPlannedStart), and today as now's date. Dates are read in
// now's location, the coordinator's.
func DueDate(s string, m Meeting, ms []Meeting, now time.Time, plan ...PlannedMeeting) (time.Time, error) {
	var next *time.Time
	if o, ok := NextPlannedStart(ms, plan, m); ok {
		start := o.In(now.Location())
		next = &start
	}
	return ParseDue(s, m.PlannedStart.In(now.Location()), now, next)
}
