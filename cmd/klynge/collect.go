package main

import (
	"github.com/charmbracelet/x/ansi"

	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

// dataRequestCommand writes one file per practice to fill in and send
// back: `klynge data request -o DIR`.
func (a *app) dataRequestCommand() *cobra.Command {
	var meetingID int64
	var dir, period string
	var force bool
	cmd := &cobra.Command{
		Use:   "request " + a.t("cli.UseDataRequest"),
		Short: a.t("cli.ShortDataRequest"),
		Long:  a.t("cli.LongDataRequest"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, m, c, err := a.openMeeting(ctx, meetingID)
			if err != nil {
				return err
			}
			defer s.Close()
			if len(c.Practices) == 0 {
				return meeting.Errork(meeting.EINVALID, "cli.NoPractices")
			}
			if len(m.Pack.Indicators) == 0 {
				return meeting.Errork(meeting.EINVALID, "cli.CollectNoIndicators", m.ID, meeting.Inert(m.Title))
			}
			if !cmd.Flags().Changed("period") {
				period = commonPeriod(m.Values)
			}
			period = strings.TrimSpace(period)
			if err := meeting.CheckText(meeting.TextPeriod, period); err != nil {
				return err
			}
			// The files come back through data import, which reads the
			// period: a request must not pre-fill one it would refuse.
			// Without a period the returned figures could not be checked
			// for freshness, and the practices would not know what to count.
			if period == "" {
				return meeting.Errork(meeting.EINVALID, "cli.CollectNoPeriod", m.ID, meeting.Inert(m.Title))
			}
			parsed, err := meeting.ParsePeriod(period)
			if err != nil {
				return err
			}
			period = parsed.String()
			files, err := requestFiles(m, c, period, a.language())
			if err != nil {
				return err
			}
			// As every export: all rendered first, then written.
			if err := writeFolder(dir, files, force, "cli.CollectWriteFailed"); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.CollectRequested",
				len(c.Practices), m.ID, meeting.Inert(m.Title), len(m.Pack.Indicators), parsed.Word(a.t), dir))
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().StringVarP(&dir, "out", "o", "", a.t("cli.FlagRequestOut"))
	cmd.Flags().BoolVar(&force, "force", false, a.t("cli.FlagRequestForce"))
	cmd.Flags().StringVar(&period, "period", "", a.t("cli.FlagRequestPeriod"))
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

// requestFiles renders a CSV and an XLSX request for every practice of c,
// named by its ydernummer only: the name is all the file says about the
// practice beyond what is inside, and nothing about any other.
func requestFiles(m meeting.Meeting, c meeting.Cluster, period, lang string) ([]slipFile, error) {
	var files []slipFile
	for _, p := range c.Practices {
		if !safeYdernummer(p.Ydernummer) {
			return nil, meeting.Errork(meeting.EINTERNAL, "cli.ErrBadCode", p.Ydernummer)
		}
		r := export.Request{Meeting: m, Practice: p, Period: period}
		var csvData, xlsxData bytes.Buffer
		if err := export.WriteRequestCSV(&csvData, lang, r); err != nil {
			return nil, err
		}
		if err := export.WriteRequestXLSX(&xlsxData, lang, r); err != nil {
			return nil, err
		}
		files = append(files,
			slipFile{requestName(p.Ydernummer, "csv"), csvData.Bytes()},
			slipFile{requestName(p.Ydernummer, "xlsx"), xlsxData.Bytes()})
	}
	return files, nil
}

// requestName is the file a practice gets: tal-047318.csv.
func requestName(yd, ext string) string { return "tal-" + yd + "." + ext }

// safeYdernummer is what a ydernummer must look like to name a file.
func safeYdernummer(yd string) bool {
	return len(yd) == 6 && strings.Trim(yd, "0123456789") == ""
}

// commonPeriod is the period most of the figures give, the earliest-sorting
// one on a tie, or "" when none does.
func commonPeriod(rows []meeting.DataRow) string {
	n := map[string]int{}
	for _, r := range rows {
		if r.Period != "" {
			n[r.Period]++
		}
	}
	best := ""
	for _, p := range slices.Sorted(maps.Keys(n)) {
		if n[p] > n[best] {
			best = p
		}
	}
	return best
}

// dataStatusCommand lists which practices have sent their figures:
// `klynge data status`.
func (a *app) dataStatusCommand() *cobra.Command {
	var meetingID int64
	var asCSV bool
	cmd := &cobra.Command{
		Use:   "status " + a.t("cli.UseDataStatus"),
		Short: a.t("cli.ShortDataStatus"),
		Long:  a.t("cli.LongDataStatus"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, m, c, err := a.openMeeting(ctx, meetingID)
			if err != nil {
				return err
			}
			defer s.Close()
			col := m.Collection(c)
			if asCSV {
				return a.writeStatusCSV(cmd.OutOrStdout(), col)
			}
			return a.writeStatus(cmd.OutOrStdout(), m, col)
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().BoolVar(&asCSV, "csv", false, a.t("cli.FlagStatusCSV"))
	return cmd
}

// statusRow is one practice's line of the status, as text cells.
func (a *app) statusRow(cl meeting.Collected) (sent, arrived, source, missing string) {
	sent = a.t("cli.CollectNo")
	if cl.Sent() {
		sent = a.t("cli.CollectYes")
	}
	arrived, source = "-", "-"
	switch {
	case cl.Arrived != nil:
		layout := "02-01-2006 15.04"
		if a.language() == "en" {
			layout = "2006-01-02 15:04"
		}
		arrived, source = cl.Arrived.At.Format(layout), meeting.Inert(cl.Arrived.Source)
	case cl.Sent():
		source = a.t("cli.CollectFromPack")
	}
	missing = "-"
	if len(cl.Missing) > 0 {
		missing = strings.Join(cl.Missing, ", ")
	}
	return sent, arrived, source, missing
}

func (a *app) writeStatus(w io.Writer, m meeting.Meeting, col []meeting.Collected) error {
	sent, of := meeting.SentCount(col)
	fmt.Fprintln(w, a.t("cli.CollectStatus", m.ID, meeting.Inert(m.Title), m.PlannedStart.Format("2006-01-02"), sent, of))
	tw := export.NewTableWriter(w)
	fmt.Fprintln(tw, a.t("cli.CollectStatusHead"))
	for _, cl := range col {
		s, arrived, source, missing := a.statusRow(cl)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", cl.Practice.Ydernummer, statusName(cl.Practice.Name), s, arrived, source, missing)
	}
	return tw.Flush()
}

func (a *app) writeStatusCSV(w io.Writer, col []meeting.Collected) error {
	recs := [][]string{strings.Split(a.t("cli.CollectStatusHead"), "\t")}
	for _, cl := range col {
		s, arrived, source, missing := a.statusRow(cl)
		recs = append(recs, []string{export.CSVDigits(cl.Practice.Ydernummer), export.CSVText(meeting.Inert(cl.Practice.Name)),
			s, arrived, export.CSVText(source), export.CSVText(missing)})
	}
	return export.WriteCSV(w, a.language(), recs)
}

// statusName is a practice's name in the status table, cut to 40 terminal
// cells: one long name would otherwise widen the column of every row past
// the terminal. The CSV keeps the whole name.
func statusName(name string) string {
	return ansi.Truncate(meeting.Inert(name), 40, "…")
}
