package main

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/store"
)

// planFlags are the fields of a planned meeting on the command line.
type planFlags struct {
	date, start, place, topic, host string
}

func (f *planFlags) add(cmd *cobra.Command, a *app) {
	cmd.Flags().StringVar(&f.date, "date", "", a.t("cli.FlagPlanDate"))
	cmd.Flags().StringVar(&f.start, "start", "17:30", a.t("cli.FlagStart"))
	cmd.Flags().StringVar(&f.place, "place", "", a.t("cli.FlagPlanPlace"))
	cmd.Flags().StringVar(&f.topic, "topic", "", a.t("cli.FlagPlanTopic"))
	cmd.Flags().StringVar(&f.host, "host", "", a.t("cli.FlagPlanHost"))
}

// apply sets the fields given on the command line (all when all is set)
// on p; a date or start given alone keeps the other of p's.
func (f *planFlags) apply(cmd *cobra.Command, p meeting.PlannedMeeting, now time.Time, all bool) (meeting.PlannedMeeting, error) {
	changed := func(name string) bool { return all || cmd.Flags().Changed(name) }
	if changed("date") || changed("start") {
		date, start := f.date, f.start
		if !changed("date") {
			date = p.Start.In(now.Location()).Format("2006-01-02")
		}
		if !changed("start") && !p.Start.IsZero() {
			start = p.Start.In(now.Location()).Format("15:04")
		}
		if date == "" {
			return p, meeting.Errork(meeting.EINVALID, "err.PlanNeedsDate")
		}
		at, err := parseStart(date, start, now)
		if err != nil {
			return p, err
		}
		p.Start = at
	}
	if changed("place") {
		p.Place = f.place
	}
	if changed("topic") {
		p.Topic = f.topic
	}
	if changed("host") {
		p.Host = f.host
	}
	return p, nil
}

func planID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 1 {
		return 0, meeting.Errork(meeting.EINVALID, "cli.BadPlanID", s)
	}
	return id, nil
}

func (a *app) planCommand() *cobra.Command {
	var clusterID int64
	var icsFile string
	var force bool
	cmd := &cobra.Command{
		Use:   "plan " + a.t("cli.UsePlan"),
		Short: a.t("cli.ShortPlan"),
		Long:  a.t("cli.LongPlan"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if icsFile != "" {
				if err := checkOutput(icsFile, force); err != nil {
					return err
				}
			}
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			plan, err := s.Plan(ctx, c.ID)
			if err != nil {
				return err
			}
			if icsFile == "" {
				return export.WriteYearPlanText(cmd.OutOrStdout(), a.language(), plan)
			}
			calID, err := s.DatabaseID(ctx)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := export.WriteYearPlanICS(&buf, a.language(), c, plan, calID, a.env.clock.Now()); err != nil {
				return err
			}
			if err := writeOutput(icsFile, buf.Bytes(), force); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.WrotePlan", len(plan), icsFile))
			return nil
		},
	}
	cmd.PersistentFlags().Int64Var(&clusterID, "cluster", 0, a.t("cli.FlagCluster"))
	cmd.Flags().StringVar(&icsFile, "ics", "", a.t("cli.FlagPlanICS"))
	cmd.Flags().BoolVar(&force, "force", false, a.t("cli.FlagForceFile"))

	var addFlags, editFlags planFlags
	addCmd := &cobra.Command{
		Use:   "add " + a.t("cli.UsePlanAdd"),
		Short: a.t("cli.ShortPlanAdd"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			p, err := addFlags.apply(cmd, meeting.PlannedMeeting{}, a.env.clock.Now(), true)
			if err != nil {
				return err
			}
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			p.ClusterID = c.ID
			if p, err = s.SavePlanned(ctx, p); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.PlanAdded", p.ID, p.Start.Format("02-01-2006 15:04")))
			return nil
		},
	}
	addFlags.add(addCmd, a)
	_ = addCmd.MarkFlagRequired("date")

	editCmd := &cobra.Command{
		Use:   "edit " + a.t("cli.UsePlanEdit"),
		Short: a.t("cli.ShortPlanEdit"),
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := planID(args[0])
			if err != nil {
				return err
			}
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			p, err := plannedByID(cmd, s, c.ID, id)
			if err != nil {
				return err
			}
			if p, err = editFlags.apply(cmd, p, a.env.clock.Now(), false); err != nil {
				return err
			}
			if p, err = s.SavePlanned(ctx, p); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.PlanEdited", p.ID, p.Start.Format("02-01-2006 15:04")))
			return nil
		},
	}
	editFlags.add(editCmd, a)

	removeCmd := &cobra.Command{
		Use:   "remove " + a.t("cli.UsePlanEdit"),
		Short: a.t("cli.ShortPlanRemove"),
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := planID(args[0])
			if err != nil {
				return err
			}
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			if err := s.DeletePlanned(ctx, c.ID, id); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.PlanRemoved", id))
			return nil
		},
	}
	listCmd := &cobra.Command{
		Use:   "list",
		Short: a.t("cli.ShortPlanList"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			plan, err := s.Plan(ctx, c.ID)
			if err != nil {
				return err
			}
			return export.WriteYearPlanText(cmd.OutOrStdout(), a.language(), plan)
		},
	}
	cmd.AddCommand(addCmd, editCmd, removeCmd, listCmd)
	return cmd
}

// plannedByID finds entry id of cluster clusterID's year plan.
func plannedByID(cmd *cobra.Command, s *store.Store, clusterID, id int64) (meeting.PlannedMeeting, error) {
	plan, err := s.Plan(cmd.Context(), clusterID)
	if err != nil {
		return meeting.PlannedMeeting{}, err
	}
	for _, p := range plan {
		if p.ID == id {
			return p, nil
		}
	}
	return meeting.PlannedMeeting{}, meeting.Errork(meeting.ENOTFOUND, "err.PlanNotFound", id)
}
