package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/store"
)

func (a *app) pledgeCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "pledge", Short: a.t("cli.ShortPledge")}
	cmd.AddCommand(a.pledgeAddCommand(), a.pledgeListCommand())
	return cmd
}

func (a *app) pledgeAddCommand() *cobra.Command {
	var meetingID int64
	var practice, action, owner, due, indicator, target string
	cmd := &cobra.Command{
		Use:   "add " + a.t("cli.UsePledgeAdd"),
		Short: a.t("cli.ShortPledgeAdd"),
		Long:  a.t("cli.LongPledgeAdd"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, m, c, err := a.openMeeting(ctx, meetingID)
			if err != nil {
				return err
			}
			defer s.Close()
			now := a.env.clock.Now()
			d, err := parseDue(ctx, s, m, due, now)
			if err != nil {
				return err
			}
			pr, err := findPractice(c, practice)
			if err != nil {
				return err
			}
			p := meeting.Pledge{MeetingID: m.ID, Ydernummer: pr.Ydernummer, Action: action,
				Owner: owner, Due: d, Indicator: strings.TrimSpace(indicator), Created: now}
			if strings.TrimSpace(target) != "" {
				v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(target), ",", ".", 1), 64)
				if err != nil {
					return meeting.Errork(meeting.EINVALID, "cli.ErrTargetNotNumber", target)
				}
				p.Target = &v
			}
			if p, err = s.SavePledge(ctx, p); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.PledgeRecorded",
				p.ID, p.Ydernummer, m.ID, p.Due.Format("02-01-2006")))
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().StringVar(&practice, "practice", "", a.t("cli.FlagPledgePractice"))
	cmd.Flags().StringVar(&action, "action", "", a.t("cli.FlagPledgeAction"))
	cmd.Flags().StringVar(&owner, "owner", "", a.t("cli.FlagPledgeOwner"))
	cmd.Flags().StringVar(&due, "due", "", a.t("cli.FlagPledgeDue"))
	cmd.Flags().StringVar(&indicator, "indicator", "", a.t("cli.FlagPledgeIndicator"))
	cmd.Flags().StringVar(&target, "target", "", a.t("cli.FlagPledgeTarget"))
	for _, f := range []string{"practice", "action", "due"} {
		_ = cmd.MarkFlagRequired(f)
	}
	return cmd
}

// parseDue reads --due by meeting.DueDate, the rule the TUI's pledge form
// uses too: a date, "next"/"næste" (the next meeting of m's cluster,
// created or in the year plan, else three months on) or "Nm" (N months after m, clamped to
// the month's end). A date before today (now's date) is refused.
func parseDue(ctx context.Context, s *store.Store, m meeting.Meeting, due string, now time.Time) (time.Time, error) {
	// The meetings' dates are enough, not everything in them.
	ms, err := s.MeetingPlans(ctx)
	if err != nil {
		return time.Time{}, err
	}
	plan, err := s.Plan(ctx, m.ClusterID)
	if err != nil {
		return time.Time{}, err
	}
	d, err := meeting.DueDate(due, m, ms, now, plan...)
	if err != nil {
		return d, meeting.Errork(meeting.ErrorCode(err), "cli.ErrDue", err)
	}
	return d, nil
}

// findPractice finds the practice --practice names by
// meeting.Cluster.FindPractices, as the TUI's pledge form does: its
// ydernummer, or part of its name with Danish folding.
func findPractice(c meeting.Cluster, query string) (meeting.Practice, error) {
	ps := c.FindPractices(query)
	switch len(ps) {
	case 1:
		return ps[0], nil
	case 0:
		return meeting.Practice{}, meeting.Errork(meeting.ENOTFOUND, "cli.ErrNoSuchPractice", query, c.Name)
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name + " (" + p.Ydernummer + ")"
	}
	return meeting.Practice{}, meeting.Errork(meeting.EINVALID, "cli.ErrPracticeAmbiguous", query, len(ps), strings.Join(names, "; "))
}

func (a *app) pledgeListCommand() *cobra.Command {
	var meetingID int64
	var open bool
	cmd := &cobra.Command{
		Use:   "list [--meeting ID] [--open]",
		Short: a.t("cli.ShortPledgeList"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := meetingFor(ctx, s, meetingID)
			if err != nil {
				return err
			}
			list := s.Pledges
			if open {
				list = s.OpenPledges
			}
			ps, err := list(ctx, m.ID)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if len(ps) == 0 {
				if open {
					fmt.Fprintln(out, a.t("cli.NoPledgesToFollow", m.ID, meeting.Inert(m.Title)))
				} else {
					fmt.Fprintln(out, a.t("cli.NoPledges", m.ID, meeting.Inert(m.Title), m.ID))
				}
				return nil
			}
			tw := export.NewTableWriter(out)
			fmt.Fprintln(tw, a.t("cli.PledgesHead"))
			for _, p := range ps {
				review := "-"
				if p.Review != nil {
					review = a.t("outcome." + string(p.Review.Outcome))
				}
				ind := p.Indicator
				if p.Target != nil {
					ind += " → " + strconv.FormatFloat(*p.Target, 'f', -1, 64)
				}
				fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.ID, p.MeetingID, p.Ydernummer, p.Due.Format("02-01-2006"),
					dash(meeting.Inert(p.Owner)), dash(meeting.Inert(ind)), meeting.Inert(review), meeting.Inert(p.Action))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().BoolVar(&open, "open", false, a.t("cli.FlagPledgeOpen"))
	return cmd
}

// dash shows an empty value as "-".
func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
