package export

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// The follow-up list is the meeting's pledges per practice: what each
// practice will do, who in it carries it out, by when, and the indicator
// (and target) the next meeting looks at. It names practices: it goes to
// the practices and the coordinator, not to the projector.

// followUpLine is one pledge as the follow-up list shows it.
type followUpLine struct {
	Pledge   meeting.Pledge
	Practice string // the practice's name, or its ydernummer when unknown
	Doctor   string // the doctor who pledged; "" for the practice
	// Indicator is the linked pack indicator; its ID is "" when none.
	Indicator meeting.Indicator
}

// followUpGroup is one practice's pledges.
type followUpGroup struct {
	Ydernummer string
	Practice   string
	Lines      []followUpLine
}

// followUpGroups sorts pledges (deleted ones left out) per practice, in
// the roster's order of practices (practices not in the roster last, by
// ydernummer), each practice's pledges by due date, then creation.
func followUpGroups(m meeting.Meeting, c meeting.Cluster, pledges []meeting.Pledge) []followUpGroup {
	return followUpGroupsWith(m, c, pledges, false)
}

// followUpGroupsWith is followUpGroups, keeping the deleted pledges when
// withDeleted is set (the calendar cancels their events).
func followUpGroupsWith(m meeting.Meeting, c meeting.Cluster, pledges []meeting.Pledge, withDeleted bool) []followUpGroup {
	order := map[string]int{}
	names := map[string]string{}
	doctors := map[int64]string{}
	for i, p := range c.Practices {
		order[p.Ydernummer] = i
		names[p.Ydernummer] = p.Name
		for _, d := range p.Members {
			doctors[d.ID] = d.Name
		}
	}
	var live []meeting.Pledge
	for _, p := range pledges {
		if p.Deleted == nil || withDeleted {
			live = append(live, p)
		}
	}
	rank := func(yd string) int {
		if i, ok := order[yd]; ok {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(live, func(a, b meeting.Pledge) int {
		if d := rank(a.Ydernummer) - rank(b.Ydernummer); d != 0 {
			return d
		}
		if d := strings.Compare(a.Ydernummer, b.Ydernummer); d != 0 {
			return d
		}
		if d := dateOf(a.Due).Compare(dateOf(b.Due)); d != 0 {
			return d
		}
		return a.Created.Compare(b.Created)
	})
	var groups []followUpGroup
	for _, p := range live {
		if len(groups) == 0 || groups[len(groups)-1].Ydernummer != p.Ydernummer {
			name := names[p.Ydernummer]
			if name == "" {
				name = p.Ydernummer
			}
			groups = append(groups, followUpGroup{Ydernummer: p.Ydernummer, Practice: name})
		}
		g := &groups[len(groups)-1]
		l := followUpLine{Pledge: p, Practice: g.Practice, Doctor: doctors[p.MemberID]}
		if p.Indicator != "" {
			if ind, ok := m.Pack.Indicator(p.Indicator); ok {
				l.Indicator = ind
			} else {
				l.Indicator = meeting.Indicator{ID: p.Indicator, Title: p.Indicator}
			}
		}
		g.Lines = append(g.Lines, l)
	}
	return groups
}

// dateOf is t's calendar date, as midnight UTC, for comparing dates.
func dateOf(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}

// targetText is a pledge's target in the indicator's unit, "" for none.
func targetText(p *msg.Printer, l followUpLine) string {
	if l.Pledge.Target == nil {
		return ""
	}
	return slipText(p.Lang()).format(*l.Pledge.Target, l.Indicator.Unit)
}

// exportLines are the fields whose stored text keeps its line breaks in an
// export: a pledge, its follow-up comment, a group's notes.
func exportLines() []string { return []string{"Action", "Comment", "Notes"} }

// WriteFollowUpMarkdown writes the follow-up list of meeting m as
// Markdown in lang ("da" or "en"): a section per practice of cluster c with
// a table of its pledges. Deleted pledges are left out.
func WriteFollowUpMarkdown(w io.Writer, lang string, m meeting.Meeting, c meeting.Cluster, pledges []meeting.Pledge) error {
	// Stored text may come from an older version: make it inert first.
	m, c, pledges = meeting.InertCopy(m, exportLines()...), meeting.InertCopy(c, exportLines()...), meeting.InertCopy(pledges, exportLines()...)
	ew := &errWriter{w: w}
	p := msg.For(lang)
	ew.printf("# %s\n\n", p.T("export.FollowUpTitle", mdText(m.Title)))
	ew.printf("%s · %s\n", mdText(c.Name), longDate(p, m.PlannedStart))
	groups := followUpGroups(m, c, pledges)
	if len(groups) == 0 {
		ew.printf("\n%s\n", p.T("export.NoPledges"))
	}
	for _, g := range groups {
		ew.printf("\n## %s (%s)\n\n", mdText(g.Practice), mdText(g.Ydernummer))
		ew.printf("| %s |\n", strings.Join(columns(p, "export.FollowUpHead"), " | "))
		ew.printf("|---|---|---|---|---|\n")
		for _, l := range g.Lines {
			owner := l.Pledge.Owner
			if l.Doctor != "" {
				owner = strings.TrimSpace(l.Doctor + ", " + owner)
				owner = strings.TrimSuffix(owner, ",")
			}
			ew.printf("| %s | %s | %s | %s | %s |\n", mdCell(l.Pledge.Action), mdCell(owner),
				shortDate(p, l.Pledge.Due), mdCell(l.Indicator.Title), mdCell(targetText(p, l)))
		}
	}
	return ew.err
}

// followUpRecord is one pledge as a CSV row (dates and numbers as the
// language's spreadsheets read them; text cells made safe for Excel, the
// ydernummer kept as text).
func followUpRecord(p *msg.Printer, g followUpGroup, l followUpLine) []string {
	target := ""
	if l.Pledge.Target != nil {
		target = plainNumber(p, *l.Pledge.Target)
	}
	return []string{CSVDigits(g.Ydernummer), CSVText(g.Practice), CSVText(l.Doctor), CSVText(l.Pledge.Action),
		CSVText(l.Pledge.Owner), shortDate(p, l.Pledge.Due), CSVText(l.Indicator.ID), CSVText(l.Indicator.Title), target}
}

// WriteFollowUpCSV writes the follow-up list as CSV that Excel opens as it
// is (WriteCSV): in Danish ("da") ';' between fields, dates as dd-mm-yyyy
// and decimal commas; in English ("en") ',' between fields, dates as
// yyyy-mm-dd and decimal points. Either way UTF-8 with a byte-order mark
// and CRLF line ends; the ydernummer stays text with its leading zero, and
// no cell runs as a formula.
func WriteFollowUpCSV(w io.Writer, lang string, m meeting.Meeting, c meeting.Cluster, pledges []meeting.Pledge) error {
	// Stored text may come from an older version: make it inert first.
	m, c, pledges = meeting.InertCopy(m, exportLines()...), meeting.InertCopy(c, exportLines()...), meeting.InertCopy(pledges, exportLines()...)
	p := msg.For(lang)
	records := [][]string{columns(p, "export.FollowUpColumns")}
	for _, g := range followUpGroups(m, c, pledges) {
		for _, l := range g.Lines {
			records = append(records, followUpRecord(p, g, l))
		}
	}
	return WriteCSV(w, lang, records)
}

// FollowUpSheet is the name of the XLSX export's sheet in lang.
func FollowUpSheet(lang string) string { return msg.For(lang).T("export.FollowUpSheet") }

// WriteFollowUpXLSX writes the follow-up list as an Excel workbook in lang
// with one sheet, FollowUpSheet(lang): a bold header row, one row per
// pledge, due dates as date cells (shown dd-mm-yyyy in Danish, yyyy-mm-dd
// in English) and targets as numbers.
func WriteFollowUpXLSX(w io.Writer, lang string, m meeting.Meeting, c meeting.Cluster, pledges []meeting.Pledge) (err error) {
	// Stored text may come from an older version: make it inert first.
	m, c, pledges = meeting.InertCopy(m, exportLines()...), meeting.InertCopy(c, exportLines()...), meeting.InertCopy(pledges, exportLines()...)
	p := msg.For(lang)
	sheet := FollowUpSheet(lang)
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	dateFmt := "dd-mm-yyyy"
	if p.Lang() == "en" {
		dateFmt = "yyyy-mm-dd"
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return err
	}
	wrapStyle, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	head := columns(p, "export.FollowUpColumns")
	header := make([]any, len(head))
	for i, h := range head {
		header[i] = h
	}
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "I1", bold); err != nil {
		return err
	}
	row := 2
	for _, g := range followUpGroups(m, c, pledges) {
		for _, l := range g.Lines {
			var target any
			if l.Pledge.Target != nil {
				target = *l.Pledge.Target
			}
			y, mo, d := l.Pledge.Due.Date()
			values := []any{g.Ydernummer, g.Practice, l.Doctor, l.Pledge.Action, l.Pledge.Owner,
				time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), l.Indicator.ID, l.Indicator.Title, target}
			cell, _ := excelize.CoordinatesToCellName(1, row)
			if err := f.SetSheetRow(sheet, cell, &values); err != nil {
				return err
			}
			due, _ := excelize.CoordinatesToCellName(6, row)
			if err := f.SetCellStyle(sheet, due, due, dateStyle); err != nil {
				return err
			}
			action, _ := excelize.CoordinatesToCellName(4, row)
			if err := f.SetCellStyle(sheet, action, action, wrapStyle); err != nil {
				return err
			}
			row++
		}
	}
	for col, width := range map[string]float64{"A": 12, "B": 28, "C": 22, "D": 50, "E": 22, "F": 12, "G": 18, "H": 36, "I": 8} {
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// errWriter remembers the first write error, so a long document can be
// written with plain printf calls and checked once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// mdText escapes the characters that would start Markdown formatting in
// running text and keeps a value on one line.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range oneLineText(s) {
		if strings.ContainsRune("\\`*_[]<>#|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCell is mdText for a table cell; line breaks become <br>.
func mdCell(s string) string {
	lines := strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = mdText(l)
	}
	return strings.Join(lines, "<br>")
}

// oneLineText joins the lines of s with " / ".
func oneLineText(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " / ")
}
