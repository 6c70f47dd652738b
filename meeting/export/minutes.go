package export

import (
	"io"
	"slices"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// WriteMinutes writes the minutes (referat) of meeting m of cluster c as
// Markdown, in Danish: the agenda as it was held, with planned and actual
// minutes and skipped items; who came (present, late, left early,
// apologies with their reasons, absent) and the guests; the groups, the
// questions they worked on and the coordinator's notes from their
// presentations; the pledges made at the meeting per practice; the
// follow-up of earlier pledges reviewed at the meeting; and the
// evaluation's questions, scores (n, mean, median, counts per score) and
// notes, with the cluster's trend when given (meeting.EvaluationTrend up
// to this meeting).
//
// The minutes go to every member, so they hold no figures from the
// practices' data at all: no values, no targets, no letter codes.
func WriteMinutes(w io.Writer, lang string, m meeting.Meeting, c meeting.Cluster, pledges, reviewed []meeting.Pledge, trend ...meeting.TrendPoint) error {
	// Stored text may come from an older version: make it inert first.
	m, c = meeting.InertCopy(m, exportLines()...), meeting.InertCopy(c, exportLines()...)
	pledges, reviewed = meeting.InertCopy(pledges, exportLines()...), meeting.InertCopy(reviewed, exportLines()...)
	ew := &errWriter{w: w}
	p := msg.For(lang)
	loc := m.PlannedStart.Location()
	clock := func(t time.Time) string { return clockTime(p, t.In(loc)) }

	ew.printf("# %s\n\n", p.T("export.MinutesTitle", mdText(m.Title)))
	ew.printf("%s\n", p.T("export.PlannedLine", mdText(c.Name), longDate(p, m.PlannedStart),
		clock(m.PlannedStart), clock(m.PlannedEnd)))
	if first, last, ok := heldSpan(m); ok {
		ew.printf("\n%s\n", p.T("export.HeldAt", clock(first), clock(last)))
	}

	// The agenda as held.
	ew.printf("\n## %s\n\n", p.T("export.AgendaHeld"))
	ew.printf("| %s |\n", strings.Join(columns(p, "export.AgendaHead"), " | "))
	ew.printf("|---|---|---|---|---|\n")
	planned, actual := 0, 0
	for i, it := range m.Items {
		title := itemTitle(p, it)
		if it.AdHoc() {
			title += p.T("export.Added")
		}
		held, when := "", ""
		switch it.Status() {
		case meeting.StatusDone:
			mins := int(it.Ended.Sub(*it.Started).Round(time.Minute) / time.Minute)
			actual += mins
			held = p.T("export.Min", mins)
			when = clock(*it.Started) + "–" + clock(*it.Ended)
		case meeting.StatusSkipped:
			held = p.T("export.Skipped")
		case meeting.StatusRunning:
			held = p.T("export.NotFinished")
			when = p.T("export.FromTime", clock(*it.Started))
		default:
			held = p.T("export.NotHeld")
		}
		planned += it.Minutes
		ew.printf("| %d | %s | %s | %s | %s |\n", i+1, mdCell(title), p.T("export.Min", it.Minutes), held, when)
	}
	ew.printf("\n%s\n", p.T("export.Totals", planned, actual))

	writeAttendance(ew, p, m, c, clock)
	writeGroupWork(ew, p, m)

	// Pledges made at this meeting.
	ew.printf("\n## %s\n", p.T("export.Pledges"))
	groups := followUpGroups(m, c, pledges)
	if len(groups) == 0 {
		ew.printf("\n%s\n", p.T("export.NoPledges"))
	}
	for _, g := range groups {
		ew.printf("\n### %s\n\n", mdText(g.Practice))
		for _, l := range g.Lines {
			ew.printf("- %s%s\n", mdText(l.Pledge.Action), pledgeDetails(p, l))
		}
	}

	// Follow-up of earlier pledges.
	var done []meeting.Pledge
	for _, p := range reviewed {
		if p.Review != nil && p.Deleted == nil {
			done = append(done, p)
		}
	}
	if len(done) > 0 {
		ew.printf("\n## %s\n", p.T("export.Reviewed"))
		for _, g := range followUpGroups(m, c, done) {
			ew.printf("\n### %s\n\n", mdText(g.Practice))
			for _, l := range g.Lines {
				r := l.Pledge.Review
				ew.printf("- %s: **%s**", p.T("export.ReviewLine", mdText(l.Pledge.Action), shortDate(p, l.Pledge.Due)), outcomeText(p, r.Outcome))
				if r.Comment != "" {
					ew.printf(" – %s", mdText(r.Comment))
				}
				ew.printf("\n")
			}
		}
	}

	writeDecisions(ew, p, m.Decisions)
	writeEvaluation(ew, p, m, meeting.InertCopy(trend))
	return ew.err
}

// heldSpan is from the first item's start to the last item's end.
func heldSpan(m meeting.Meeting) (first, last time.Time, ok bool) {
	for _, it := range m.Items {
		if it.Started != nil && (first.IsZero() || it.Started.Before(first)) {
			first = *it.Started
		}
		if it.Ended != nil && it.Ended.After(last) {
			last = *it.Ended
		}
	}
	return first, last, !first.IsZero() && !last.IsZero()
}

// itemTitle is an item's title, or its kind when it has none.
func itemTitle(p *msg.Printer, it meeting.RunItem) string {
	if t := strings.TrimSpace(it.Title); t != "" {
		return t
	}
	return p.T("kind." + string(it.Kind))
}

// pledgeDetails is who carries a pledge out, by when, and its indicator,
// without any target: the minutes hold no figures.
func pledgeDetails(p *msg.Printer, l followUpLine) string {
	var parts []string
	if l.Doctor != "" {
		parts = append(parts, p.T("export.DoctorIs", mdText(l.Doctor)))
	}
	if l.Pledge.Owner != "" {
		parts = append(parts, p.T("export.OwnerIs", mdText(l.Pledge.Owner)))
	}
	parts = append(parts, p.T("export.DueOn", shortDate(p, l.Pledge.Due)))
	if l.Indicator.ID != "" {
		parts = append(parts, p.T("export.IndicatorIs", mdText(l.Indicator.Title)))
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// outcomeText is a review outcome in words.
func outcomeText(p *msg.Printer, o meeting.ReviewOutcome) string {
	switch o {
	case meeting.OutcomeDone:
		return p.T("export.OutcomeDone")
	case meeting.OutcomePartly:
		return p.T("export.OutcomePartly")
	case meeting.OutcomeNotDone:
		return p.T("export.OutcomeNotDone")
	case meeting.OutcomeDropped:
		return p.T("export.OutcomeDropped")
	}
	return string(o)
}

// writeAttendance writes who came, by status, in the roster's order.
func writeAttendance(ew *errWriter, p *msg.Printer, m meeting.Meeting, c meeting.Cluster, clock func(time.Time) string) {
	type entry struct{ name, extra string }
	byStatus := map[meeting.AttendanceStatus][]entry{}
	for _, pr := range c.Practices {
		for _, d := range pr.Members {
			a, ok := m.Attendance[d.ID]
			if !ok && !d.ActiveOn(m.PlannedStart) {
				continue // had left the cluster, or not yet joined
			}
			e := entry{name: mdText(d.Name) + " (" + mdText(pr.Name) + ")"}
			switch a.Status {
			case meeting.StatusLate:
				if !a.At.IsZero() {
					e.extra = p.T("export.CameAt", clock(a.At))
				}
			case meeting.StatusLeftEarly:
				if !a.At.IsZero() {
					e.extra = p.T("export.LeftAt", clock(a.At))
				}
			case meeting.StatusApologies:
				if r := strings.TrimSpace(a.Reason); r != "" {
					e.extra = mdText(r)
				}
			}
			byStatus[a.Status] = append(byStatus[a.Status], e)
		}
	}
	attended := len(byStatus[meeting.StatusPresent]) + len(byStatus[meeting.StatusLate]) + len(byStatus[meeting.StatusLeftEarly])
	ew.printf("\n## %s\n\n", p.T("export.Attendance"))
	ew.printf("%s", p.T("export.AttendanceCounts", attended, len(byStatus[meeting.StatusApologies]), len(byStatus[meeting.StatusAbsent])))
	if n := len(byStatus[meeting.StatusNotChecked]); n > 0 {
		ew.printf("%s", p.T("export.NotCheckedCount", n))
	}
	if len(m.Guests) > 0 {
		ew.printf("%s", p.T("export.GuestCount", len(m.Guests)))
	}
	ew.printf(".\n")
	for _, s := range []struct {
		status meeting.AttendanceStatus
		head   string
	}{
		{meeting.StatusPresent, p.T("export.Present")},
		{meeting.StatusLate, p.T("export.Late")},
		{meeting.StatusLeftEarly, p.T("export.LeftEarly")},
		{meeting.StatusApologies, p.T("export.Apologies")},
		{meeting.StatusAbsent, p.T("export.Absent")},
		{meeting.StatusNotChecked, p.T("export.NotChecked")},
	} {
		list := byStatus[s.status]
		if len(list) == 0 {
			continue
		}
		ew.printf("\n**%s (%d)**\n\n", s.head, len(list))
		for _, e := range list {
			if e.extra != "" {
				ew.printf("- %s – %s\n", e.name, e.extra)
			} else {
				ew.printf("- %s\n", e.name)
			}
		}
	}
	if len(m.Guests) > 0 {
		ew.printf("\n**%s (%d)**\n\n", p.T("export.Guests"), len(m.Guests))
		for _, g := range m.Guests {
			if r := strings.TrimSpace(g.Role); r != "" {
				ew.printf("- %s – %s\n", mdText(g.Name), mdText(r))
			} else {
				ew.printf("- %s\n", mdText(g.Name))
			}
		}
	}
}

// writeGroupWork writes the groups, each group-work item's questions and
// the notes from the groups' presentations per item.
func writeGroupWork(ew *errWriter, p *msg.Printer, m meeting.Meeting) {
	hasWork := len(m.Groups) > 0
	for _, it := range m.Items {
		if ((it.Kind == meeting.KindGroupwork || it.Kind == meeting.KindPlenum) && len(it.Questions) > 0) || len(it.Notes) > 0 {
			hasWork = true
		}
	}
	if !hasWork {
		return
	}
	ew.printf("\n## %s\n", p.T("export.GroupWork"))
	if len(m.Groups) > 0 {
		ew.printf("\n")
		for _, g := range m.Groups {
			var names []string
			for _, gm := range g.Members {
				names = append(names, mdText(gm.Name))
			}
			if len(names) == 0 {
				names = []string{p.T("export.NoOne")}
			}
			ew.printf("- %s: %s\n", p.T("export.Group", g.Number), strings.Join(names, ", "))
		}
	}
	for _, it := range m.Items {
		work := (it.Kind == meeting.KindGroupwork || it.Kind == meeting.KindPlenum) && len(it.Questions) > 0
		if !work && len(it.Notes) == 0 {
			continue
		}
		ew.printf("\n### %s\n", mdText(itemTitle(p, it)))
		if it.Skipped {
			ew.printf("\n%s\n", p.T("export.ItemSkipped"))
		}
		if len(it.Questions) > 0 && it.Kind != meeting.KindEvaluation {
			ew.printf("\n%s\n\n", p.T("export.Questions"))
			for _, q := range it.Questions {
				ew.printf("- %s\n", mdText(q))
			}
		}
		if len(it.Notes) > 0 {
			ew.printf("\n%s\n\n", p.T("export.FromGroups"))
			numbers := make([]int, 0, len(it.Notes))
			for n := range it.Notes {
				numbers = append(numbers, n)
			}
			slices.Sort(numbers)
			for _, n := range numbers {
				note := strings.ReplaceAll(strings.TrimSpace(it.Notes[n]), "\r\n", "\n")
				lines := strings.Split(note, "\n")
				for i, l := range lines {
					lines[i] = mdText(l)
				}
				ew.printf("- **%s:** %s\n", p.T("export.Group", n), strings.Join(lines, "  \n  "))
			}
		}
	}
}
