package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/meeting/msg"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
)

// version is the release; build info adds the commit when there is one.
const version = "0.1.0-dev"

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: a.t("cli.ShortVersion"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			v := version
			if info, ok := debug.ReadBuildInfo(); ok {
				for _, s := range info.Settings {
					if s.Key == "vcs.revision" && len(s.Value) >= 7 {
						v += " (" + s.Value[:7] + ")"
					}
				}
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.Version", v, store.LatestSchema()))
			// The file's own schema, read without opening it, so that a
			// newer file is reported and never changed.
			path := a.db
			if path == "" {
				path = a.env.getenv("KLYNGE_DB")
			}
			if path == "" {
				return nil
			}
			line, err := a.fileSchemaLine(path)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), line)
			return nil
		},
	}
}

func (a *app) initCommand() *cobra.Command {
	var name, roster string
	cmd := &cobra.Command{
		Use:   "init",
		Short: a.t("cli.ShortInit"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			var practices []meeting.Practice
			if roster != "" {
				var err error
				if practices, err = a.readRosterFile(cmd.OutOrStdout(), roster); err != nil {
					return err
				}
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			clusters, err := s.Clusters(ctx)
			if err != nil {
				return err
			}
			if len(clusters) > 0 {
				fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.InitAlready", s.Path(), clusters[0].Name))
				return nil
			}
			c, err := s.CreateCluster(ctx, meeting.Cluster{Name: name, Practices: practices})
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.InitCreated", s.Path(), c.Name, len(c.Practices), c.DoctorCount()))
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "cluster", "Klyngen", a.t("cli.FlagInitCluster"))
	cmd.Flags().StringVar(&roster, "roster", "", a.t("cli.FlagInitRoster"))
	return cmd
}

// readRosterFile reads a roster from disk with the file named in every
// problem, saying on out how many ydernumre got their leading zero back.
func (a *app) readRosterFile(out io.Writer, path string) ([]meeting.Practice, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	var padded int
	practices, err := pack.ReadRoster(f, path, pack.CountPadded(&padded))
	if err == nil {
		a.notePadded(out, path, padded)
	}
	return practices, err
}

// fileError turns an open failure into a one-line message that says what to
// do.
func fileError(path string, err error) error {
	switch {
	case os.IsNotExist(err):
		return meeting.Errork(meeting.EINVALID, "cli.ErrFileNotFound", path)
	case os.IsPermission(err):
		return meeting.Errork(meeting.EINVALID, "cli.ErrFileNoPermission", path)
	}
	return meeting.Errork(meeting.EINVALID, "cli.ErrPath", path, unwrapPathError(err))
}

func (a *app) packCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "pack", Short: a.t("cli.ShortPack")}
	cmd.AddCommand(&cobra.Command{
		Use:   "check " + a.t("cli.UsePackCheck"),
		Short: a.t("cli.ShortPackCheck"),
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := pack.ReadDir(args[0])
			if err != nil {
				return err
			}
			for _, w := range pack.Warnings(p, a.language()) {
				fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.PackWarning", filepath.Join(args[0], pack.PackFile), w))
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.PackOK", args[0], pack.Summary(p, a.language())))
			return nil
		},
	})
	cmd.AddCommand(a.packNewCommand())
	return cmd
}

func (a *app) meetingCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "meeting", Short: a.t("cli.ShortMeeting")}
	var packDir, date, start, title string
	var clusterID, planned int64
	newCmd := &cobra.Command{
		Use:   "new " + a.t("cli.UseMeetingNew"),
		Short: a.t("cli.ShortMeetingNew"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			// Bad flags are named before anything is read; a plan
			// entry's date is checked once it is read.
			if planned == 0 {
				if _, err := parseStart(date, start, a.env.clock.Now()); err != nil {
					return err
				}
			}
			p, err := pack.ReadDir(packDir)
			if err != nil {
				return err
			}
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			// From the year plan: its date, start and topic, unless the
			// flags say otherwise.
			var entry meeting.PlannedMeeting
			if planned != 0 {
				if entry, err = plannedByID(cmd, s, c.ID, planned); err != nil {
					return err
				}
				local := entry.Start.In(a.env.clock.Now().Location())
				if !cmd.Flags().Changed("date") {
					date = local.Format("2006-01-02")
				}
				if !cmd.Flags().Changed("start") {
					start = local.Format("15:04")
				}
				if title == "" {
					title = entry.Topic
				}
			}
			at, err := parseStart(date, start, a.env.clock.Now())
			if err != nil {
				return err
			}
			m, err := meeting.New(p, title, at, a.env.clock.Now())
			if err != nil {
				return err
			}
			m.ClusterID = c.ID
			label := packDataLabel(packDir)
			codes, values, note, err := meetingData(p, c, a.env.rnd, func() (io.ReadCloser, error) { return os.Open(label) }, label)
			if err != nil {
				return err
			}
			m.Codes, m.Values = codes, values
			if m, err = s.CreateMeeting(ctx, m); err != nil {
				return err
			}
			if planned != 0 {
				entry.MeetingID = m.ID
				if _, err := s.SavePlanned(ctx, entry); err != nil {
					return err
				}
			}
			figures := ""
			if len(m.Values) > 0 {
				figures = a.t("cli.MeetingFigures", len(m.Values), label)
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.MeetingCreated",
				m.ID, meeting.Inert(m.Title), m.PlannedStart.Format("2006-01-02"), m.PlannedStart.Format("15:04"), m.PlannedEnd.Format("15:04"),
				len(m.Codes), figures))
			if note != nil {
				fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.Note", msg.For(a.language()).Error(note)))
			}
			a.warnStale(cmd.OutOrStdout(), m, m.Values)
			return nil
		},
	}
	newCmd.Flags().StringVar(&packDir, "pack", "", a.t("cli.FlagPack"))
	newCmd.Flags().StringVar(&date, "date", "", a.t("cli.FlagDate"))
	newCmd.Flags().StringVar(&start, "start", "17:30", a.t("cli.FlagStart"))
	newCmd.Flags().StringVar(&title, "title", "", a.t("cli.FlagTitle"))
	newCmd.Flags().Int64Var(&clusterID, "cluster", 0, a.t("cli.FlagCluster"))
	newCmd.Flags().Int64Var(&planned, "planned", 0, a.t("cli.FlagPlanned"))
	_ = newCmd.MarkFlagRequired("pack")

	listCmd := &cobra.Command{
		Use:   "list",
		Short: a.t("cli.ShortMeetingList"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			meetings, err := s.Meetings(cmd.Context())
			if err != nil {
				return err
			}
			if len(meetings) == 0 {
				fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.NoMeetings", s.Path()))
				return nil
			}
			w := export.NewTableWriter(cmd.OutOrStdout())
			p := msg.For(a.language())
			fmt.Fprintln(w, p.T("cli.MeetingListHead"))
			for _, m := range meetings {
				status := meetingStatus(m, p)
				fmt.Fprintf(w, "%d\t%s\t%s–%s\t%s\t%s\n", m.ID, m.PlannedStart.Format("2006-01-02"),
					m.PlannedStart.Format("15:04"), m.PlannedEnd.Format("15:04"), status, meeting.Inert(m.Title))
			}
			return w.Flush()
		},
	}
	cmd.AddCommand(newCmd, listCmd, a.codesCommand())
	return cmd
}

func (a *app) runCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "run " + a.t("cli.UseMeetingID"),
		Short: a.t("cli.ShortRun"),
		Args:  maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.openScreenStore()
			if err != nil {
				return err
			}
			defer s.Close()
			// Only the id: the screen reads the meeting itself, after its
			// first frame is on its way.
			var id int64
			if len(args) == 1 {
				var perr error
				id, perr = strconv.ParseInt(args[0], 10, 64)
				if perr != nil || id <= 0 {
					return meeting.Errork(meeting.EINVALID, "cli.ErrNotMeetingID", args[0])
				}
				_, err = s.Meeting(ctx, id)
			} else {
				id, err = s.LatestMeetingID(ctx)
			}
			if err != nil {
				return err
			}
			return a.runTUI(ctx, s, id)
		},
	}
}

// meetingStatus says where a meeting is: planned, under way since when,
// or when it ended. An ended meeting says when it ended, not when it
// started: that is what the coordinator looks for afterwards.
func meetingStatus(m meeting.Meeting, p *msg.Printer) string {
	switch {
	case m.Ended():
		at, ok := m.EndedAt()
		if !ok {
			return p.T("cli.MeetingEnded")
		}
		if d := at.Local(); d.Format("2006-01-02") != m.PlannedStart.Format("2006-01-02") {
			return p.T("cli.MeetingEndedAt", d.Format("2006-01-02 15:04"))
		}
		return p.T("cli.MeetingEndedAt", at.Local().Format("15:04"))
	case m.UnderWay():
		return p.T("cli.MeetingStarted", m.Started.Local().Format("15:04"))
	}
	return p.T("cli.MeetingPlanned")
}
