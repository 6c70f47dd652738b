package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
)

// errNothingImported marks a data file refused as a whole, so the summary
// line after its problems says that nothing was written.
var errNothingImported = errors.New("nothing was imported")

func (a *app) dataCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "data", Short: "Import the practices' figures into a meeting"}
	var meetingID int64
	var dryRun bool
	importCmd := &cobra.Command{
		Use:   "import [--meeting ID] [--dry-run] FILE",
		Short: "Import figures from a CSV or XLSX file into a meeting; every row is checked first",
		Long: "import reads one figure per practice and indicator from FILE (.csv, .txt or .xlsx) with the columns\n" +
			"ydernummer, indikator and either tæller and nævner or værdi, optionally periode (or the English\n" +
			"names). Every row is checked against the meeting's cluster and pack first; if any is wrong, every\n" +
			"problem is listed and nothing is imported. Otherwise a row replaces the meeting's figure for its\n" +
			"practice and indicator, and figures not in the file stay. --dry-run shows what would change.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			file := args[0]
			s, m, c, err := a.openMeeting(ctx, meetingID)
			if err != nil {
				return err
			}
			defer s.Close()
			var padded int
			rows, err := pack.ReadDataFile(file, m.Pack.Indicators, ydernumre(c), pack.CountPadded(&padded))
			if err != nil {
				return fmt.Errorf("%w: %w", errNothingImported, err)
			}
			out := cmd.OutOrStdout()
			a.notePadded(out, file, padded)
			if dryRun {
				return a.printImportPlan(out, file, m, c, rows)
			}
			res, err := s.ImportValues(ctx, m.ID, rows)
			if err != nil {
				return err
			}
			fmt.Fprintln(out, a.t("cli.DataImported",
				file, plural(len(rows), "figure", "figures"), m.ID, m.Title, res.Added, res.Replaced, res.Unchanged))
			return nil
		},
	}
	importCmd.Flags().Int64Var(&meetingID, "meeting", 0, "meeting id (default: the latest meeting)")
	importCmd.Flags().BoolVar(&dryRun, "dry-run", false, "check the file and show what would be imported, without writing anything")
	cmd.AddCommand(importCmd)
	return cmd
}

// meetingFor reads the meeting with the given id, or the latest one for 0.
func meetingFor(ctx context.Context, s *store.Store, id int64) (meeting.Meeting, error) {
	switch {
	case id < 0:
		return meeting.Meeting{}, meeting.Errorf(meeting.EINVALID, "--meeting %d is not a meeting id: see `klynge meeting list`", id)
	case id == 0:
		return s.LatestMeeting(ctx)
	}
	return s.Meeting(ctx, id)
}

// ydernumre lists the cluster's practices, never nil, so that the data
// reader checks every row's practice.
func ydernumre(c meeting.Cluster) []string {
	out := make([]string, 0, len(c.Practices))
	for _, p := range c.Practices {
		out = append(out, p.Ydernummer)
	}
	return out
}

// printImportPlan shows what importing rows into m would do, per indicator
// of the meeting's pack: how many figures the file has, how many practices
// would then have a figure, how many are under the indicator's
// min_denominator, and which practices would have none.
func (a *app) printImportPlan(w io.Writer, file string, m meeting.Meeting, c meeting.Cluster, rows []meeting.DataRow) error {
	after := map[[2]string]meeting.DataRow{}
	for _, v := range m.Values {
		after[[2]string{v.Ydernummer, v.Indicator}] = v
	}
	var added, replaced, unchanged int
	inFile := map[string]int{}
	for _, r := range rows {
		key := [2]string{r.Ydernummer, r.Indicator}
		old, ok := after[key]
		switch {
		case !ok:
			added++
		case sameFigure(old, r):
			unchanged++
		default:
			replaced++
		}
		after[key] = r
		inFile[r.Indicator]++
	}
	fmt.Fprintf(w, "%s: %s for meeting %d (%s); dry run, nothing is written\n",
		file, plural(len(rows), "figure", "figures"), m.ID, m.Title)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "INDICATOR\tIN FILE\tWITH A FIGURE\tUNDER MIN.\tWITHOUT A FIGURE")
	for _, ind := range m.Pack.Indicators {
		with, under := 0, 0
		var missing []string
		for _, p := range c.Practices {
			r, ok := after[[2]string{p.Ydernummer, ind.ID}]
			if !ok {
				missing = append(missing, p.Ydernummer+" "+p.Name)
				continue
			}
			with++
			if r.Denominator != nil && ind.MinDenominator > 0 && *r.Denominator < float64(ind.MinDenominator) {
				under++
			}
		}
		underText := "-"
		if ind.MinDenominator > 0 {
			underText = fmt.Sprintf("%d (n<%d)", under, ind.MinDenominator)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d of %d\t%s\t%s\n", ind.ID, inFile[ind.ID], with, len(c.Practices), underText, strings.Join(missing, ", "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, a.t("cli.DataDryRunSum",
		added, replaced, unchanged))
	return err
}

// sameFigure reports whether two rows hold the same figure and period.
func sameFigure(a, b meeting.DataRow) bool {
	eq := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return eq(a.Numerator, b.Numerator) && eq(a.Denominator, b.Denominator) && eq(a.Value, b.Value) && a.Period == b.Period
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// meetingData draws the letter codes of a new meeting for cluster c and
// reads the figures of pack p from its data.csv, opened by open and named
// label in problems, checked against c's practices. A cluster without
// practices gets neither, and note says why.
func meetingData(p meeting.Pack, c meeting.Cluster, rnd io.Reader, open func() (io.ReadCloser, error), label string) (codes map[string]string, values []meeting.DataRow, note string, err error) {
	if len(c.Practices) == 0 {
		if len(p.Data) > 0 {
			note = fmt.Sprintf("cluster %q has no practices, so the pack's figures were left out", c.Name)
		}
		return nil, nil, note, nil
	}
	if codes, err = meeting.NewCodes(ydernumre(c), rnd); err != nil {
		return nil, nil, "", err
	}
	if len(p.Data) == 0 {
		return codes, nil, "", nil
	}
	f, err := open()
	if err != nil {
		return nil, nil, "", fileError(label, err)
	}
	defer f.Close()
	// Read again rather than use p.Data, so a practice outside the cluster
	// is reported on its line of data.csv.
	values, err = pack.ReadDataCSV(f, label, p.Indicators, ydernumre(c))
	if err != nil {
		return nil, nil, "", err
	}
	return codes, values, "", nil
}

// packDataLabel names a pack folder's data.csv in problems.
func packDataLabel(dir string) string { return filepath.Join(dir, pack.DataFile) }

// codeOrder sorts letter codes as they are drawn: A … Z, then AA ….
func codeOrder(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// sortedByCode lists the cluster's practices by their code in m; those
// without one come last.
func sortedByCode(m meeting.Meeting, c meeting.Cluster) []meeting.Practice {
	ps := slices.Clone(c.Practices)
	slices.SortStableFunc(ps, func(x, y meeting.Practice) int {
		cx, okx := m.Codes[x.Ydernummer]
		cy, oky := m.Codes[y.Ydernummer]
		switch {
		case okx && oky:
			return codeOrder(cx, cy)
		case okx:
			return -1
		case oky:
			return 1
		}
		return 0
	})
	return ps
}
