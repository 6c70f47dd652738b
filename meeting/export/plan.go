package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/emersion/go-ical"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// PlanMeetingMinutes is how long a planned meeting's calendar event
// lasts: a cluster meeting is 1.5–2 hours.
const PlanMeetingMinutes = 120

// WriteYearPlanICS writes the cluster's year plan as an iCalendar file
// (RFC 5545, go-ical), one VEVENT per planned meeting, for practices to
// import and plan their own staff meetings around. Each event's UID is the
// entry's id and calendarID (store.DatabaseID), so importing a newer file
// moves an event rather than doubling it; SEQUENCE is the entry's revision.
// DTSTAMP is fixed by stamp, so the same plan gives the same file. Every
// text is made inert.
func WriteYearPlanICS(w io.Writer, lang string, c meeting.Cluster, plan []meeting.PlannedMeeting, calendarID string, stamp time.Time) error {
	p := msg.For(lang)
	prodID := "-//klynge//klynge//" + strings.ToUpper(p.Lang())
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, prodID)
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, "PUBLISH")
	cal.Props.SetText("X-WR-CALNAME", meeting.Inert(p.T("export.PlanCalName", c.Name)))
	for _, e := range meeting.SortPlan(plan) {
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, fmt.Sprintf("plan-%d-%s@klynge", e.ID, meeting.Inert(calendarID)))
		ev.Props.SetDateTime(ical.PropDateTimeStamp, stamp.UTC())
		seq := ical.NewProp(ical.PropSequence)
		seq.Value = fmt.Sprint(e.Revision)
		ev.Props.Set(seq)
		ev.Props.SetDateTime(ical.PropDateTimeStart, e.Start.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeEnd, e.Start.Add(PlanMeetingMinutes*time.Minute).UTC())
		summary := p.T("export.PlanSummary", meeting.Inert(c.Name))
		if e.Topic != "" {
			summary += ": " + meeting.Inert(e.Topic)
		}
		ev.Props.SetText(ical.PropSummary, summary)
		if e.Place != "" {
			ev.Props.SetText(ical.PropLocation, meeting.Inert(e.Place))
		}
		if e.Host != "" {
			ev.Props.SetText(ical.PropDescription, p.T("export.PlanHost", meeting.Inert(e.Host)))
		}
		cal.Children = append(cal.Children, ev.Component)
	}
	var buf bytes.Buffer
	if len(cal.Children) == 0 {
		buf.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" + prodID + "\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n")
	} else if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return err
	}
	_, err := io.WriteString(w, foldICSLines(buf.String()))
	return err
}

// WriteYearPlanText lists the year plan: number, date, start, place,
// topic, host and the meeting created from it.
func WriteYearPlanText(w io.Writer, lang string, plan []meeting.PlannedMeeting) error {
	p := msg.For(lang)
	plan = meeting.InertCopy(meeting.SortPlan(plan))
	if len(plan) == 0 {
		_, err := fmt.Fprintln(w, p.T("export.PlanEmpty"))
		return err
	}
	tw := NewTableWriter(w)
	fmt.Fprintln(tw, p.T("export.PlanHead"))
	for _, e := range plan {
		created := ""
		if e.MeetingID != 0 {
			created = fmt.Sprint(e.MeetingID)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.Start.Format("02-01-2006"), e.Start.Format("15:04"),
			oneLineText(e.Place), oneLineText(e.Topic), oneLineText(e.Host), created)
	}
	return tw.Flush()
}
