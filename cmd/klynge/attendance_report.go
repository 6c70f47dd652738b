package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/meeting/msg"
)

func (a *app) attendanceReportCommand() *cobra.Command {
	var clusterID int64
	var since, format, outFile string
	var force bool
	cmd := &cobra.Command{
		Use:   "report " + a.t("cli.UseReport"),
		Short: a.t("cli.ShortReport"),
		Long:  a.t("cli.LongReport"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			lang := a.language()
			now := a.env.clock.Now()
			from := dayStart(now).AddDate(-1, 0, 1)
			if since != "" {
				d, err := parseDate(since, now.Location())
				if err != nil {
					return meeting.Errork(meeting.EINVALID, "cli.ErrSinceNotDate", since)
				}
				if d.After(now) {
					return meeting.Errork(meeting.EINVALID, "cli.ErrSinceFuture", d.Format(dateDMY))
				}
				from = d
			}
			f, err := reportFormat(format, outFile)
			if err != nil {
				return err
			}
			if err := checkOutFile(outFile, force); err != nil {
				return err
			}
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			// The whole history: the last attendance and the rule look
			// further back than --since.
			history, err := s.AttendanceHistory(ctx, c.ID, time.Time{})
			if err != nil {
				return err
			}
			// Names may come from an older version: inert in every format.
			c, history = meeting.InertCopy(c), meeting.InertCopy(history)
			r := attendanceReport{
				cluster: c,
				rows:    meeting.AttendanceReportSince(c, history, c.Rule, from, now),
				from:    from,
				to:      now,
				held:    heldBetween(history, from, now),
				lang:    lang,
			}
			var buf bytes.Buffer
			switch f {
			case "csv":
				err = r.writeCSV(&buf)
			case "xlsx":
				err = r.writeXLSX(&buf)
			default:
				err = r.writeText(&buf)
			}
			if err != nil {
				return err
			}
			if err := writeReport(cmd.OutOrStdout(), outFile, buf.Bytes()); err != nil || outFile == "" {
				return err
			}
			flagged := 0
			for _, row := range r.rows {
				if row.ReachOut {
					flagged++
				}
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.WroteAttendance",
				len(r.rows), r.held,
				from.Format(dateDMY), now.Format(dateDMY), outFile, flagged))
			return nil
		},
	}
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, a.t("cli.FlagCluster"))
	cmd.Flags().StringVar(&since, "since", "", a.t("cli.FlagSince"))
	cmd.Flags().StringVar(&format, "format", "", a.t("cli.FlagReportFormat"))
	cmd.Flags().StringVarP(&outFile, "out", "o", "", a.t("cli.FlagReportOut"))
	cmd.Flags().BoolVar(&force, "force", false, a.t("cli.FlagForceFile"))
	return cmd
}

// reportFormat settles the format from --format and -o's extension.
func reportFormat(format, outFile string) (string, error) {
	extOf := map[string]string{"text": "txt", "csv": "csv", "xlsx": "xlsx"}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(outFile)), ".")
	byExt, known := map[string]string{"csv": "csv", "xlsx": "xlsx", "txt": "text", "": ""}[ext]
	switch format = strings.ToLower(strings.TrimSpace(format)); format {
	case "":
		if !known {
			return "", meeting.Errork(meeting.EINVALID, "cli.ErrReportFormatFromExt", outFile, ext)
		}
		format = cmp.Or(byExt, "text")
	case "text", "csv", "xlsx":
		if byExt != "" && byExt != format {
			return "", meeting.Errork(meeting.EINVALID, "cli.ErrReportFormatMismatch", format, outFile, extOf[format])
		}
	default:
		return "", meeting.Errork(meeting.EINVALID, "cli.ErrReportFormatUnknown", format)
	}
	if format == "xlsx" && outFile == "" {
		return "", meeting.Errork(meeting.EINVALID, "cli.ErrReportXLSXNeedsOut")
	}
	return format, nil
}

// checkOutFile makes sure the report can go to path before anything is
// computed: its folder exists, and it is not a folder nor, without force,
// an existing file. An empty path means standard output, which always
// can take the report, so the report commands call it unconditionally.
func checkOutFile(path string, force bool) error {
	if path == "" {
		return nil
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return meeting.Errork(meeting.EINVALID, "cli.ErrNoFolder", path, dir)
	case err != nil:
		return meeting.Errork(meeting.EINVALID, "cli.ErrCannotWrite", path, unwrapPathError(err))
	case !info.IsDir():
		return meeting.Errork(meeting.EINVALID, "cli.ErrParentIsFile", path, dir)
	}
	info, err = os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return meeting.Errork(meeting.EINVALID, "cli.ErrIsFolderExample", path, filepath.Join(path, "fremmoede.csv"))
	case err == nil && !force:
		return meeting.Errork(meeting.EINVALID, "cli.ErrExists", path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return meeting.Errork(meeting.EINVALID, "cli.ErrCannotWrite", path, unwrapPathError(err))
	}
	return nil
}

// writeReport sends a finished report to w, or, when outFile is set,
// atomically to outFile. The report commands (attendance report,
// evaluation, decisions) share it so that they all refuse a file the same
// way and never leave one half-written; the caller confirms a written file
// in its own words.
func writeReport(w io.Writer, outFile string, data []byte) error {
	if outFile == "" {
		_, err := w.Write(data)
		return err
	}
	if err := writeFileAtomic(filepath.Dir(outFile), filepath.Base(outFile), data); err != nil {
		return meeting.Errork(meeting.EINVALID, "cli.ErrCannotWrite", outFile, unwrapPathError(err))
	}
	return nil
}

// dayStart is midnight at the start of t's day, in t's location.
func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// heldBetween counts the held meetings dated from..to (dates included).
func heldBetween(history []meeting.MeetingAttendance, from, to time.Time) int {
	n := 0
	for _, h := range history {
		if h.Held && !dateBefore(h.Date, from) && !dateBefore(to, h.Date) {
			n++
		}
	}
	return n
}

// dateBefore reports whether a's date is before b's, each in its own
// location.
func dateBefore(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC).Before(time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC))
}

// attendanceReport is the report's content, written as text, CSV or XLSX.
type attendanceReport struct {
	cluster  meeting.Cluster
	rows     []meeting.MemberHistory
	from, to time.Time
	held     int
	lang     string
}

// reportKeys are the catalogue's words of the attendance report, by the
// short names the report uses.
var reportKeys = map[string]string{
	"sheet": "cli.ReportSheet", "rule": "cli.ReportRule",
	"doctor": "cli.ReportDoctor", "practice": "cli.ReportPractice", "ydernummer": "cli.ReportYdernummer", "id": "cli.ReportID",
	"meetings": "cli.ReportMeetings", "attended": "cli.ReportAttended", "missed": "cli.ReportMissed", "apologies": "cli.ReportApologies",
	"last": "cli.ReportLast", "reachout": "cli.ReportReachOut", "why": "cli.ReportWhy", "retired": "cli.ReportRetired",
	"yes": "cli.ReportYes", "retiredon": "cli.ReportRetiredOn", "never": "cli.ReportNever", "none": "cli.ReportNone",
}

// word is one of the report's words in its language.
func (r attendanceReport) word(key string) string {
	return msg.For(r.lang).T(reportKeys[key])
}

// header is the column heading of the CSV and XLSX files.
func (r attendanceReport) header() []string {
	var out []string
	for _, k := range []string{"doctor", "practice", "ydernummer", "id", "meetings", "attended", "missed", "apologies", "last", "reachout", "why", "retired"} {
		out = append(out, r.word(k))
	}
	return out
}

func fmtDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(dateDMY)
}

// record is one member's row of the CSV file.
func (r attendanceReport) record(h meeting.MemberHistory) []string {
	reach := ""
	if h.ReachOut {
		reach = r.word("yes")
	}
	return []string{
		h.Member.Name, h.Practice, h.Member.Ydernummer, strconv.FormatInt(h.Member.ID, 10),
		strconv.Itoa(h.Meetings), strconv.Itoa(h.Attended), strconv.Itoa(h.Missed), strconv.Itoa(h.Apologies),
		fmtDate(h.LastAttended), reach, h.Explain(r.lang), fmtDate(h.Member.Retired),
	}
}

// writeCSV writes the report for Danish Excel (export.WriteExcelCSV):
// UTF-8 with a byte-order mark, ';' between fields, CRLF line ends, dates
// dd-mm-yyyy; the ydernummer stays text and no name runs as a formula.
func (r attendanceReport) writeCSV(w io.Writer) error {
	records := [][]string{r.header()}
	for _, h := range r.rows {
		rec := r.record(h)
		for i := range rec {
			if i == 2 {
				rec[i] = export.CSVDigits(rec[i]) // the ydernummer
			} else {
				rec[i] = export.CSVText(rec[i])
			}
		}
		records = append(records, rec)
	}
	return export.WriteExcelCSV(w, records)
}

// writeXLSX writes the report as an Excel workbook: one sheet, a bold
// header row that stays in view, numbers as numbers and dates as dates
// shown dd-mm-yyyy.
func (r attendanceReport) writeXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := r.word("sheet")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	dmy := "dd-mm-yyyy"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dmy})
	if err != nil {
		return err
	}
	header := make([]any, 0, 12)
	for _, h := range r.header() {
		header = append(header, h)
	}
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	if err := f.SetRowStyle(sheet, 1, 1, bold); err != nil {
		return err
	}
	date := func(t *time.Time) any {
		if t == nil {
			return nil
		}
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	for i, h := range r.rows {
		reach := ""
		if h.ReachOut {
			reach = r.word("yes")
		}
		row := []any{h.Member.Name, h.Practice, h.Member.Ydernummer, h.Member.ID,
			h.Meetings, h.Attended, h.Missed, h.Apologies, date(h.LastAttended), reach, h.Explain(r.lang), date(h.Member.Retired)}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	if len(r.rows) > 0 {
		last := len(r.rows) + 1
		for _, col := range []string{"I", "L"} {
			if err := f.SetCellStyle(sheet, fmt.Sprintf("%s2", col), fmt.Sprintf("%s%d", col, last), dateStyle); err != nil {
				return err
			}
		}
	}
	for col, width := range map[string]float64{"A": 24, "B": 26, "C": 12, "D": 10, "E": 8, "F": 8, "G": 9, "H": 12, "I": 15, "J": 12, "K": 48, "L": 12} {
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

// writeText writes the report for the terminal.
func (r attendanceReport) writeText(w io.Writer) error {
	p := msg.For(r.lang)
	fmt.Fprintln(w, p.T("cli.ReportHead", r.cluster.Name, r.from.Format(dateDMY), r.to.Format(dateDMY), r.held))
	fmt.Fprintf(w, "%s: %s\n\n", r.word("rule"), ruleText(r.cluster.Rule, r.lang))
	tw := export.NewTableWriter(w)
	heads := []string{"doctor", "practice", "meetings", "attended", "missed", "apologies", "last", "reachout"}
	for i, k := range heads {
		if i > 0 {
			fmt.Fprint(tw, "\t")
		}
		fmt.Fprint(tw, strings.ToUpper(r.word(k)))
	}
	fmt.Fprintln(tw)
	var flagged []string
	for _, h := range r.rows {
		name := h.Member.Name
		if h.Member.Retired != nil {
			name += fmt.Sprintf(" (%s %s)", r.word("retiredon"), h.Member.Retired.Format(dateDMY))
		}
		last := fmtDate(h.LastAttended)
		if last == "" {
			last = r.word("never")
		}
		reach := ""
		if h.ReachOut {
			reach = strings.ToUpper(r.word("reachout")) + ": " + h.Explain(r.lang)
			flagged = append(flagged, h.Member.Name)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\n", meeting.Inert(name), meeting.Inert(h.Practice), h.Meetings, h.Attended, h.Missed, h.Apologies, last, reach)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	list := r.word("none")
	if len(flagged) > 0 {
		list = strings.Join(flagged, ", ")
	}
	_, err := fmt.Fprintln(w, "\n"+p.T("cli.ReportFlagged", len(flagged), list))
	return err
}
