package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
)

// errNothingImported marks a data file refused as a whole, so the summary
// line after its problems says that nothing was written.
var errNothingImported = errors.New("nothing was imported")

func (a *app) dataCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "data", Short: a.t("cli.ShortData")}
	cmd.AddCommand(a.dataImportCommand(), a.dataRequestCommand(), a.dataStatusCommand())
	return cmd
}

func (a *app) dataImportCommand() *cobra.Command {
	var meetingID int64
	var dryRun, regionFromFile bool
	importCmd := &cobra.Command{
		Use:   "import " + a.t("cli.UseDataImport"),
		Short: a.t("cli.ShortDataImport"),
		Long:  a.t("cli.LongDataImport"),
		Args:  minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, m, c, err := a.openMeeting(ctx, meetingID)
			if err != nil {
				return err
			}
			defer s.Close()
			files, err := readDataFiles(args, m, c)
			if err != nil {
				return fmt.Errorf("%w: %w", errNothingImported, err)
			}
			out := cmd.OutOrStdout()
			imp := meeting.FigureImport{At: a.env.clock.Now(), Sources: map[string]string{}}
			sources := map[string][]string{} // ydernummer → the files its rows came from
			for _, f := range files {
				a.notePadded(out, f.path, f.padded)
				if f.foreign.Rows > 0 {
					fmt.Fprintln(out, a.t("cli.CollectSkipped", f.path, f.foreign.Rows, f.foreign.Practices))
				}
				for _, r := range f.rows {
					if base := filepath.Base(f.path); !slices.Contains(sources[r.Ydernummer], base) {
						sources[r.Ydernummer] = append(sources[r.Ydernummer], base)
					}
				}
				imp.Rows = append(imp.Rows, f.rows...)
			}
			for yd, names := range sources {
				imp.Sources[yd] = strings.Join(names, ", ")
			}
			a.warnStale(out, m, imp.Rows)
			regions, without := regionFigures(m, files)
			switch {
			case regionFromFile && len(regions) == 0:
				fmt.Fprintln(out, a.t("cli.CollectNoRegion"))
			case regionFromFile:
				imp.Regions = regions
				for _, rf := range regions {
					ind, _ := m.Pack.Indicator(rf.Indicator)
					fmt.Fprintln(out, a.t("cli.CollectRegion", rf.Indicator,
						meeting.FormatNumber(rf.Value, ind.Unit, a.language())+unitSuffix(ind.Unit), rf.Practices, meeting.Inert(rf.Source)))
				}
			case len(regions) > 0:
				fmt.Fprintln(out, a.t("cli.CollectRegionHint", strings.Join(without, ", ")))
			}
			label := args[0]
			if len(files) > 1 {
				label = a.t("cli.CollectFiles", len(files))
			}
			a.warnChoices(out, label, m, imp.Rows)
			if dryRun {
				return a.printImportPlan(out, label, m, c, imp.Rows)
			}
			res, err := s.ImportFigures(ctx, m.ID, imp)
			if err != nil {
				return err
			}
			fmt.Fprintln(out, a.t("cli.DataImported",
				label, len(imp.Rows), m.ID, meeting.Inert(m.Title), res.Added, res.Replaced, res.Unchanged))
			return nil
		},
	}
	importCmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	importCmd.Flags().BoolVar(&dryRun, "dry-run", false, a.t("cli.FlagDryRun"))
	importCmd.Flags().BoolVar(&regionFromFile, "region-from-file", false, a.t("cli.FlagRegionFromFile"))
	return importCmd
}

// dataFile is one returned file, read and checked.
type dataFile struct {
	path    string
	rows    []meeting.DataRow
	foreign pack.Foreign
	padded  int
}

// readDataFiles reads every file the arguments name (a folder names its
// .csv and .xlsx files) against m's pack and c's practices, skipping
// other practices' rows. Every problem of every file is returned together,
// and two files giving a figure for the same practice and indicator is a
// problem too: then nothing may be imported.
func readDataFiles(args []string, m meeting.Meeting, c meeting.Cluster) ([]dataFile, error) {
	paths, problems := dataPaths(args)
	var files []dataFile
	for _, path := range paths {
		f := dataFile{path: path}
		rows, err := pack.ReadDataFile(path, m.Pack.Indicators, ydernumre(c), pack.CountPadded(&f.padded), pack.SkipForeign(&f.foreign))
		var ps pack.Problems
		switch {
		case errors.As(err, &ps):
			problems = append(problems, ps...)
			continue
		case err != nil:
			return nil, err
		}
		f.rows = rows
		files = append(files, f)
	}
	first := map[[2]string]string{}
	for _, f := range files {
		for _, r := range f.rows {
			key := [2]string{r.Ydernummer, r.Indicator}
			if other, dup := first[key]; dup {
				problems = append(problems, pack.Problem{File: f.path, Key: "problem.TwoFiles", Args: []any{r.Ydernummer, r.Indicator, other}})
				continue
			}
			first[key] = f.path
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return files, nil
}

// dataPaths lists the files to import: each argument that is a file, and
// the .csv and .xlsx files of each that is a folder, in name order. Names
// starting with "." or "~$" (Excel's lock files) are left out. A folder
// without such files is a problem; a missing file is left for the reader
// to report.
func dataPaths(args []string) ([]string, pack.Problems) {
	var paths []string
	var problems pack.Problems
	seen := map[string]bool{}
	add := func(p string) {
		if clean := filepath.Clean(p); !seen[clean] {
			seen[clean] = true
			paths = append(paths, p)
		}
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil || !info.IsDir() {
			add(arg)
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			problems = append(problems, pack.Problem{File: arg, Key: "problem.ReadFolder", Args: []any{unwrapPathError(err)}})
			continue
		}
		n := 0
		for _, e := range entries {
			name := e.Name()
			ext := strings.ToLower(filepath.Ext(name))
			if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || (ext != ".csv" && ext != ".xlsx") {
				continue
			}
			add(filepath.Join(arg, name))
			n++
		}
		if n == 0 {
			problems = append(problems, pack.Problem{File: arg, Key: "problem.NoDataFiles"})
		}
	}
	return paths, problems
}

// regionFigures are the region figures the files' other practices give
// for the indicators of m's pack that state no region: the mean per
// indicator over every file's skipped rows (meeting.RegionMean), labelled
// with the files the rows came from. without lists those indicators'
// ids.
func regionFigures(m meeting.Meeting, files []dataFile) (out []meeting.RegionFigure, without []string) {
	for _, ind := range m.Pack.Indicators {
		if ind.Region != nil {
			continue
		}
		var rows []meeting.DataRow
		var sources []string
		for _, f := range files {
			n := len(rows)
			for _, r := range f.foreign.Figures {
				if r.Indicator == ind.ID {
					rows = append(rows, r)
				}
			}
			if len(rows) > n {
				sources = append(sources, filepath.Base(f.path))
			}
		}
		v, n, ok := meeting.RegionMean(ind, rows)
		if !ok {
			continue
		}
		out = append(out, meeting.RegionFigure{Indicator: ind.ID, Value: v, Practices: n, Source: strings.Join(sources, ", ")})
		without = append(without, ind.ID)
	}
	return out, without
}

// unitSuffix is what follows a value of unit u in a sentence.
func unitSuffix(u meeting.Unit) string {
	switch u {
	case meeting.UnitPercent:
		return " %"
	case meeting.UnitPer1000:
		return " ‰"
	}
	return ""
}

// meetingFor reads the meeting with the given id, or the latest one for 0.
func meetingFor(ctx context.Context, s *store.Store, id int64) (meeting.Meeting, error) {
	switch {
	case id < 0:
		return meeting.Meeting{}, meeting.Errork(meeting.EINVALID, "cli.ErrNotMeetingID", fmt.Sprint(id))
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
	fmt.Fprintln(w, a.t("cli.DataDryRun", file, len(rows), m.ID, meeting.Inert(m.Title)))
	tw := export.NewTableWriter(w)
	fmt.Fprintln(tw, a.t("cli.DataPlanHead"))
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
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", ind.ID, inFile[ind.ID], a.t("cli.DataPlanOf", with, len(c.Practices)), underText, strings.Join(missing, ", "))
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

// meetingData draws the letter codes of a new meeting for cluster c and
// reads the figures of pack p from its data.csv, opened by open and named
// label in problems, checked against c's practices. A cluster without
// practices gets neither, and note says why, for the caller to word.
func meetingData(p meeting.Pack, c meeting.Cluster, rnd io.Reader, open func() (io.ReadCloser, error), label string) (codes map[string]string, values []meeting.DataRow, note error, err error) {
	if len(c.Practices) == 0 {
		if len(p.Data) > 0 {
			note = meeting.Errork(meeting.EINVALID, "cli.NoteNoPractices", c.Name)
		}
		return nil, nil, note, nil
	}
	if codes, err = meeting.NewCodes(ydernumre(c), rnd); err != nil {
		return nil, nil, nil, err
	}
	if len(p.Data) == 0 {
		return codes, nil, nil, nil
	}
	f, err := open()
	if err != nil {
		return nil, nil, nil, fileError(label, err)
	}
	defer f.Close()
	// Read again rather than use p.Data, so a practice outside the cluster
	// is reported on its line of data.csv.
	values, err = pack.ReadDataCSV(f, label, p.Indicators, ydernumre(c))
	if err != nil {
		return nil, nil, nil, err
	}
	return codes, values, nil, nil
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
