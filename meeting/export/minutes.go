package export

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
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
func WriteMinutes(w io.Writer, m meeting.Meeting, c meeting.Cluster, pledges, reviewed []meeting.Pledge, trend ...meeting.TrendPoint) error {
	// Stored text may come from an older version: make it inert first.
	m, c = meeting.InertCopy(m, exportLines()...), meeting.InertCopy(c, exportLines()...)
	pledges, reviewed = meeting.InertCopy(pledges, exportLines()...), meeting.InertCopy(reviewed, exportLines()...)
	ew := &errWriter{w: w}
	loc := m.PlannedStart.Location()
	clock := func(t time.Time) string { return t.In(loc).Format("15.04") }

	ew.printf("# Referat: %s\n\n", mdText(m.Title))
	ew.printf("%s · %s, planlagt kl. %s–%s\n", mdText(c.Name), danishLongDate(m.PlannedStart),
		clock(m.PlannedStart), clock(m.PlannedEnd))
	if first, last, ok := heldSpan(m); ok {
		ew.printf("\nMødet blev holdt kl. %s–%s.\n", clock(first), clock(last))
	}

	// The agenda as held.
	ew.printf("\n## Dagsorden som afholdt\n\n")
	ew.printf("| # | Punkt | Planlagt | Faktisk | Tidspunkt |\n")
	ew.printf("|---|---|---|---|---|\n")
	planned, actual := 0, 0
	for i, it := range m.Items {
		title := itemTitle(it)
		if it.AdHoc() {
			title += " (tilføjet)"
		}
		held, when := "", ""
		switch it.Status() {
		case meeting.StatusDone:
			mins := int(it.Ended.Sub(*it.Started).Round(time.Minute) / time.Minute)
			actual += mins
			held = fmt.Sprintf("%d min", mins)
			when = clock(*it.Started) + "–" + clock(*it.Ended)
		case meeting.StatusSkipped:
			held = "sprunget over"
		case meeting.StatusRunning:
			held = "ikke afsluttet"
			when = "fra " + clock(*it.Started)
		default:
			held = "ikke afholdt"
		}
		planned += it.Minutes
		ew.printf("| %d | %s | %d min | %s | %s |\n", i+1, mdCell(title), it.Minutes, held, when)
	}
	ew.printf("\nPlanlagt i alt %d min; afholdt i alt %d min.\n", planned, actual)

	writeAttendance(ew, m, c, clock)
	writeGroupWork(ew, m)

	// Pledges made at this meeting.
	ew.printf("\n## Tilsagn\n")
	groups := followUpGroups(m, c, pledges)
	if len(groups) == 0 {
		ew.printf("\nIngen tilsagn ved dette møde.\n")
	}
	for _, g := range groups {
		ew.printf("\n### %s\n\n", mdText(g.Practice))
		for _, l := range g.Lines {
			ew.printf("- %s%s\n", mdText(l.Pledge.Action), pledgeDetails(l))
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
		ew.printf("\n## Opfølgning på tidligere tilsagn\n")
		for _, g := range followUpGroups(m, c, done) {
			ew.printf("\n### %s\n\n", mdText(g.Practice))
			for _, l := range g.Lines {
				r := l.Pledge.Review
				ew.printf("- %s (frist %s): **%s**", mdText(l.Pledge.Action), danishDate(l.Pledge.Due), outcomeText(r.Outcome))
				if r.Comment != "" {
					ew.printf(" – %s", mdText(r.Comment))
				}
				ew.printf("\n")
			}
		}
	}

	writeEvaluation(ew, m, meeting.InertCopy(trend))
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

// itemTitle is an item's title, or its kind in Danish when it has none.
func itemTitle(it meeting.RunItem) string {
	if t := strings.TrimSpace(it.Title); t != "" {
		return t
	}
	return map[meeting.ItemKind]string{
		meeting.KindWelcome: "Velkomst", meeting.KindTalk: "Oplæg", meeting.KindData: "Data",
		meeting.KindGroupwork: "Gruppearbejde", meeting.KindPlenum: "Plenum", meeting.KindBreak: "Pause",
		meeting.KindEvaluation: "Evaluering",
	}[it.Kind]
}

// pledgeDetails is who carries a pledge out, by when, and its indicator,
// without any target: the minutes hold no figures.
func pledgeDetails(l followUpLine) string {
	var parts []string
	if l.Doctor != "" {
		parts = append(parts, "læge: "+mdText(l.Doctor))
	}
	if l.Pledge.Owner != "" {
		parts = append(parts, "ansvarlig: "+mdText(l.Pledge.Owner))
	}
	parts = append(parts, "frist "+danishDate(l.Pledge.Due))
	if l.Indicator.ID != "" {
		parts = append(parts, "indikator: "+mdText(l.Indicator.Title))
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// outcomeText is a review outcome in Danish.
func outcomeText(o meeting.ReviewOutcome) string {
	switch o {
	case meeting.OutcomeDone:
		return "gennemført"
	case meeting.OutcomePartly:
		return "delvist gennemført"
	case meeting.OutcomeNotDone:
		return "ikke gennemført"
	case meeting.OutcomeDropped:
		return "opgivet"
	}
	return string(o)
}

// writeAttendance writes who came, by status, in the roster's order.
func writeAttendance(ew *errWriter, m meeting.Meeting, c meeting.Cluster, clock func(time.Time) string) {
	type entry struct{ name, extra string }
	byStatus := map[meeting.AttendanceStatus][]entry{}
	for _, p := range c.Practices {
		for _, d := range p.Members {
			a, ok := m.Attendance[d.ID]
			if !ok && !d.ActiveOn(m.PlannedStart) {
				continue // had left the cluster, or not yet joined
			}
			e := entry{name: mdText(d.Name) + " (" + mdText(p.Name) + ")"}
			switch a.Status {
			case meeting.StatusLate:
				if !a.At.IsZero() {
					e.extra = "kom kl. " + clock(a.At)
				}
			case meeting.StatusLeftEarly:
				if !a.At.IsZero() {
					e.extra = "gik kl. " + clock(a.At)
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
	ew.printf("\n## Fremmøde\n\n")
	ew.printf("%d deltog, %d meldte afbud, %d udeblev", attended, len(byStatus[meeting.StatusApologies]), len(byStatus[meeting.StatusAbsent]))
	if n := len(byStatus[meeting.StatusNotChecked]); n > 0 {
		ew.printf(", %d ikke registreret", n)
	}
	if len(m.Guests) > 0 {
		ew.printf("; %d %s", len(m.Guests), map[bool]string{true: "gæst", false: "gæster"}[len(m.Guests) == 1])
	}
	ew.printf(".\n")
	for _, s := range []struct {
		status meeting.AttendanceStatus
		head   string
	}{
		{meeting.StatusPresent, "Til stede"},
		{meeting.StatusLate, "Kom senere"},
		{meeting.StatusLeftEarly, "Gik tidligere"},
		{meeting.StatusApologies, "Afbud"},
		{meeting.StatusAbsent, "Udeblevet"},
		{meeting.StatusNotChecked, "Ikke registreret"},
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
		ew.printf("\n**Gæster (%d)**\n\n", len(m.Guests))
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
func writeGroupWork(ew *errWriter, m meeting.Meeting) {
	hasWork := len(m.Groups) > 0
	for _, it := range m.Items {
		if ((it.Kind == meeting.KindGroupwork || it.Kind == meeting.KindPlenum) && len(it.Questions) > 0) || len(it.Notes) > 0 {
			hasWork = true
		}
	}
	if !hasWork {
		return
	}
	ew.printf("\n## Gruppearbejde\n")
	if len(m.Groups) > 0 {
		ew.printf("\n")
		for _, g := range m.Groups {
			var names []string
			for _, gm := range g.Members {
				names = append(names, mdText(gm.Name))
			}
			if len(names) == 0 {
				names = []string{"ingen"}
			}
			ew.printf("- Gruppe %d: %s\n", g.Number, strings.Join(names, ", "))
		}
	}
	for _, it := range m.Items {
		work := (it.Kind == meeting.KindGroupwork || it.Kind == meeting.KindPlenum) && len(it.Questions) > 0
		if !work && len(it.Notes) == 0 {
			continue
		}
		ew.printf("\n### %s\n", mdText(itemTitle(it)))
		if it.Skipped {
			ew.printf("\nPunktet blev sprunget over.\n")
		}
		if len(it.Questions) > 0 && it.Kind != meeting.KindEvaluation {
			ew.printf("\nSpørgsmål:\n\n")
			for _, q := range it.Questions {
				ew.printf("- %s\n", mdText(q))
			}
		}
		if len(it.Notes) > 0 {
			ew.printf("\nFra gruppernes fremlæggelser:\n\n")
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
				ew.printf("- **Gruppe %d:** %s\n", n, strings.Join(lines, "  \n  "))
			}
		}
	}
}
