package export

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// Request is what one practice is asked to fill in for a meeting: a row
// per indicator of the meeting's pack, pre-filled with the practice's
// ydernummer, the indicator's id, title and definition and the period,
// with empty cells for the figures. It holds nothing about any other
// practice: it is sent to this one.
type Request struct {
	Meeting  meeting.Meeting
	Practice meeting.Practice
	Period   string
}

// RequestSheet is the request workbook's data sheet, the one `klynge data
// import` reads when a workbook has several.
const RequestSheet = "data"

// requestRecords are the request's header and rows. The figure columns
// carry the data reader's names, so the filled-in file imports as it is;
// the title and definition columns are for the reader and are ignored on
// import.
func requestRecords(p *msg.Printer, r Request) [][]string {
	recs := [][]string{columns(p, "export.RequestColumns")}
	for _, ind := range r.Meeting.Pack.Indicators {
		recs = append(recs, []string{r.Practice.Ydernummer, ind.ID, meeting.Inert(ind.Title), Definition(p.Lang(), ind), "", "", "", r.Period})
	}
	return recs
}

// Definition says in lang what a practice fills in for ind: what the
// numerator and denominator count, or that a ready value is wanted, and
// under which denominator the figure is not shown at the meeting.
func Definition(lang string, ind meeting.Indicator) string {
	p := msg.For(lang)
	title := meeting.Inert(ind.Title)
	var s string
	switch ind.Unit {
	case meeting.UnitPercent:
		s = p.T("export.DefinePercent", title)
	case meeting.UnitPer1000:
		s = p.T("export.DefinePer1000", title)
	case meeting.UnitDays:
		s = p.T("export.DefineDays", title)
	default:
		s = p.T("export.DefineCount", title)
	}
	if ind.MinDenominator > 0 && (ind.Unit == meeting.UnitPercent || ind.Unit == meeting.UnitPer1000) {
		s += " " + p.T("export.DefineMin", ind.MinDenominator)
	}
	return s
}

// WriteRequestCSV writes r as CSV that Danish Excel opens as it is (see
// WriteExcelCSV), in lang. The ydernummer is written ="047318" so Excel
// keeps its leading zero; the data reader takes that form too.
func WriteRequestCSV(w io.Writer, lang string, r Request) error {
	recs := requestRecords(msg.For(lang), r)
	for i, rec := range recs {
		for j, f := range rec {
			if i > 0 && j == 0 {
				rec[j] = CSVDigits(f)
			} else {
				rec[j] = CSVText(f)
			}
		}
	}
	return WriteExcelCSV(w, recs)
}

// WriteRequestXLSX writes r as a workbook in lang: the sheet RequestSheet
// with the rows to fill in (the ydernummer as text), and a second sheet
// saying what to do, for whom and for which meeting.
func WriteRequestXLSX(w io.Writer, lang string, r Request) (err error) {
	p := msg.For(lang)
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if err := f.SetSheetName("Sheet1", RequestSheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": the cell stays text
	if err != nil {
		return err
	}
	for i, rec := range requestRecords(p, r) {
		row := make([]any, len(rec))
		for j, v := range rec {
			row[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(RequestSheet, cell, &row); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(8, len(r.Meeting.Pack.Indicators)+1)
	if err := f.SetCellStyle(RequestSheet, "A1", "H1", bold); err != nil {
		return err
	}
	if len(r.Meeting.Pack.Indicators) > 0 {
		if err := f.SetCellStyle(RequestSheet, "A2", last, wrap); err != nil {
			return err
		}
		if err := f.SetCellStyle(RequestSheet, "A2", "A"+last[1:], text); err != nil {
			return err
		}
	}
	for col, width := range map[string]float64{"A": 12, "B": 20, "C": 36, "D": 50, "E": 10, "F": 10, "G": 10, "H": 12} {
		if err := f.SetColWidth(RequestSheet, col, col, width); err != nil {
			return err
		}
	}
	if err := f.SetPanes(RequestSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	guide := p.T("export.RequestGuideSheet")
	if _, err := f.NewSheet(guide); err != nil {
		return err
	}
	m := meeting.InertCopy(r.Meeting)
	lines := []string{
		p.T("export.RequestGuideTitle", m.Title, shortDate(p, m.PlannedStart)),
		p.T("export.RequestGuidePractice", r.Practice.Ydernummer, meeting.Inert(r.Practice.Name)),
		p.T("export.RequestGuidePeriod", r.Period),
		"",
		p.T("export.RequestGuideFill", RequestSheet),
		p.T("export.RequestGuideKeep"),
		p.T("export.RequestGuideSend"),
	}
	for i, l := range lines {
		if err := f.SetCellStr(guide, "A"+strconv.Itoa(i+1), l); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(guide, "A1", "A1", bold); err != nil {
		return err
	}
	if err := f.SetColWidth(guide, "A", "A", 100); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}
