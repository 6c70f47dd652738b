package export

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/klynge/klynge/meeting"
)

// WriteFollowUpICS writes the pledges' due dates as an iCalendar file
// (RFC 5545) to import into a calendar: one all-day VEVENT per pledge on
// its due date, with a reminder (VALARM) a week before. Deleted pledges
// are left out. Each event's UID is stable per pledge, so importing the
// file again updates the events instead of doubling them; DTSTAMP is when
// the pledge was made (the meeting's creation when unknown), which keeps
// the output the same for the same pledges.
func WriteFollowUpICS(w io.Writer, m meeting.Meeting, c meeting.Cluster, pledges []meeting.Pledge) error {
	// Stored text may come from an older version: make it inert first.
	m, c, pledges = meeting.InertCopy(m, exportLines()...), meeting.InertCopy(c, exportLines()...), meeting.InertCopy(pledges, exportLines()...)
	ew := &errWriter{w: w}
	line := func(name, value string) { ew.printf("%s", foldICS(name+":"+value)) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//klynge//klynge//DA")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("X-WR-CALNAME", icsText("Tilsagn: "+m.Title))
	for _, g := range followUpGroups(m, c, pledges) {
		for i, l := range g.Lines {
			p := l.Pledge
			stamp := p.Created
			if stamp.IsZero() {
				stamp = m.Created
			}
			if stamp.IsZero() {
				stamp = m.PlannedStart
			}
			uid := fmt.Sprintf("pledge-%d@klynge", p.ID)
			if p.ID == 0 {
				uid = fmt.Sprintf("meeting-%d-%s-%d@klynge", m.ID, g.Ydernummer, i+1)
			}
			due := dateOf(p.Due)
			summary := "Tilsagn (" + g.Practice + "): " + oneLineText(p.Action)
			var desc []string
			desc = append(desc, p.Action)
			if l.Doctor != "" {
				desc = append(desc, "Læge: "+l.Doctor)
			}
			if p.Owner != "" {
				desc = append(desc, "Ansvarlig: "+p.Owner)
			}
			if l.Indicator.ID != "" {
				ind := "Indikator: " + l.Indicator.Title
				if t := targetText(l); t != "" {
					ind += ", mål " + t
				}
				desc = append(desc, ind)
			}
			desc = append(desc, "Fra klyngemødet "+m.Title+" "+danishDate(m.PlannedStart)+" ("+c.Name+")")
			line("BEGIN", "VEVENT")
			line("UID", icsText(uid))
			line("DTSTAMP", stamp.UTC().Format("20060102T150405Z"))
			line("DTSTART;VALUE=DATE", due.Format("20060102"))
			line("DTEND;VALUE=DATE", due.AddDate(0, 0, 1).Format("20060102"))
			line("SUMMARY", icsText(summary))
			line("DESCRIPTION", icsText(strings.Join(desc, "\n")))
			line("TRANSP", "TRANSPARENT")
			line("BEGIN", "VALARM")
			line("ACTION", "DISPLAY")
			line("TRIGGER", "-P7D")
			line("DESCRIPTION", icsText("Om en uge: "+summary))
			line("END", "VALARM")
			line("END", "VEVENT")
		}
	}
	line("END", "VCALENDAR")
	return ew.err
}

// icsText escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon
// and comma get a backslash, a line break becomes \n.
func icsText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	r := strings.NewReplacer(`\`, `\\`, `;`, `\;`, `,`, `\,`, "\n", `\n`)
	return r.Replace(s)
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
