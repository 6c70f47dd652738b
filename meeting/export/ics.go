package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// WriteFollowUpICS writes the pledges' due dates as an iCalendar file
// (RFC 5545, encoded by github.com/emersion/go-ical) to import into a
// calendar: one all-day VEVENT per pledge on its due date, with a reminder
// (VALARM) a week before.
//
// Importing a newer file over an older one updates the events rather than
// doubling them: each event's UID is the pledge's id and calendarID, the
// database's own random id (store.DatabaseID), so two databases' pledge 1
// never collide; SEQUENCE is the pledge's revision and LAST-MODIFIED (and
// DTSTAMP) its last change, so a moved due date replaces the old event; and
// a deleted pledge is written as a STATUS:CANCELLED event, which removes
// its reminder. DTSTAMP is the pledge's last change rather than the time of
// writing, which keeps the output the same for the same pledges. Every text
// is made inert (meeting.Inert): no control character reaches the file.
//
// The events' words are in lang ("da" or "en"), which the product id names.
func WriteFollowUpICS(w io.Writer, lang string, m meeting.Meeting, c meeting.Cluster, pledges []meeting.Pledge, calendarID string) error {
	p := msg.For(lang)
	prodID := "-//klynge//klynge//" + strings.ToUpper(p.Lang())
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, prodID)
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, "PUBLISH")
	cal.Props.SetText("X-WR-CALNAME", meeting.Inert(p.T("export.CalName", m.Title)))
	for _, g := range followUpGroupsWith(m, c, pledges, true) {
		for i, l := range g.Lines {
			cal.Children = append(cal.Children, pledgeEvent(p, m, c, g, i, l, calendarID))
		}
	}
	var buf bytes.Buffer
	if len(cal.Children) == 0 {
		// go-ical refuses a calendar without components; an empty one is
		// still a valid file to import.
		buf.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" + prodID + "\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n")
	} else if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return err
	}
	_, err := io.WriteString(w, foldICSLines(buf.String()))
	return err
}

// pledgeEvent is the VEVENT of line l, the i-th pledge of practice g.
func pledgeEvent(pr *msg.Printer, m meeting.Meeting, c meeting.Cluster, g followUpGroup, i int, l followUpLine, calendarID string) *ical.Component {
	p := l.Pledge
	ev := ical.NewEvent()
	uid := fmt.Sprintf("pledge-%d-%s@klynge", p.ID, calendarID)
	if p.ID == 0 {
		uid = fmt.Sprintf("meeting-%d-%s-%d-%s@klynge", m.ID, g.Ydernummer, i+1, calendarID)
	}
	ev.Props.SetText(ical.PropUID, meeting.Inert(uid))
	stamp := lastChange(m, p)
	ev.Props.SetDateTime(ical.PropDateTimeStamp, stamp.UTC())
	ev.Props.SetDateTime(ical.PropLastModified, stamp.UTC())
	seq := ical.NewProp(ical.PropSequence)
	seq.Value = fmt.Sprint(p.Revision)
	ev.Props.Set(seq)
	due := dateOf(p.Due)
	ev.Props.SetDate(ical.PropDateTimeStart, due)
	ev.Props.SetDate(ical.PropDateTimeEnd, due.AddDate(0, 0, 1))
	summary := pr.T("export.CalSummary", meeting.Inert(g.Practice), meeting.Inert(oneLineText(p.Action)))
	if p.Deleted != nil {
		ev.Props.SetText(ical.PropStatus, "CANCELLED")
		ev.Props.SetText(ical.PropSummary, pr.T("export.CalCancelled", summary))
		ev.Props.SetText(ical.PropDescription, pr.T("export.CalDeleted"))
		ev.Props.SetText(ical.PropTransparency, "TRANSPARENT")
		return ev.Component
	}
	desc := []string{meeting.InertLines(p.Action)}
	if l.Doctor != "" {
		desc = append(desc, pr.T("export.CalDoctor", meeting.Inert(l.Doctor)))
	}
	if p.Owner != "" {
		desc = append(desc, pr.T("export.CalOwner", meeting.Inert(p.Owner)))
	}
	if l.Indicator.ID != "" {
		ind := pr.T("export.CalIndicator", meeting.Inert(l.Indicator.Title))
		if t := targetText(pr, l); t != "" {
			ind += pr.T("export.CalTarget", t)
		}
		desc = append(desc, ind)
	}
	desc = append(desc, pr.T("export.CalFrom", meeting.Inert(m.Title), shortDate(pr, m.PlannedStart), meeting.Inert(c.Name)))
	ev.Props.SetText(ical.PropStatus, "CONFIRMED")
	ev.Props.SetText(ical.PropSummary, summary)
	ev.Props.SetText(ical.PropDescription, strings.Join(desc, "\n"))
	ev.Props.SetText(ical.PropTransparency, "TRANSPARENT")
	alarm := ical.NewComponent(ical.CompAlarm)
	alarm.Props.SetText(ical.PropAction, "DISPLAY")
	trigger := ical.NewProp(ical.PropTrigger)
	trigger.Value = "-P7D"
	alarm.Props.Set(trigger)
	alarm.Props.SetText(ical.PropDescription, pr.T("export.CalReminder", summary))
	ev.Children = append(ev.Children, alarm)
	return ev.Component
}

// lastChange is when pledge p last changed: its last revision, else its
// creation, else the meeting's.
func lastChange(m meeting.Meeting, p meeting.Pledge) time.Time {
	for _, t := range []time.Time{p.Changed, p.Created, m.Created, m.PlannedStart} {
		if !t.IsZero() {
			return t
		}
	}
	return time.Unix(0, 0)
}

// foldICSLines folds every CRLF-ended content line of s so that none is
// longer than 75 octets (RFC 5545 3.1), which go-ical's encoder leaves to
// the caller.
func foldICSLines(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\r\n") {
		if line == "" {
			continue
		}
		b.WriteString(foldICS(strings.TrimSuffix(line, "\r\n")))
	}
	return b.String()
}

// foldICS ends a content line with CRLF, folding it (RFC 5545 3.1) so no
// line is longer than 75 octets: each continuation starts with one space.
// A UTF-8 sequence is never split.
func foldICS(s string) string {
	const limit = 75
	var b strings.Builder
	n := 0
	for len(s) > 0 {
		_, size := utf8.DecodeRuneInString(s)
		if n+size > limit {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteString(s[:size])
		n += size
		s = s[size:]
	}
	b.WriteString("\r\n")
	return b.String()
}
