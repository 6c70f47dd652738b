package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

func (a *app) pledgeCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "pledge", Short: "Record and list the practices' pledges (tilsagn) at a meeting"}
	cmd.AddCommand(a.pledgeAddCommand(), a.pledgeListCommand())
	return cmd
}

func (a *app) pledgeAddCommand() *cobra.Command {
	var meetingID int64
	var practice, action, owner, due, indicator, target string
	cmd := &cobra.Command{
		Use:   "add [--meeting ID] --practice YDERNUMMER --action TEXT --due DATE|next|1m|3m [--owner WHO] [--indicator ID [--target N]]",
		Short: "Record a practice's pledge at a meeting",
		Long: "add records what a practice will do before a later meeting. --due is a date (2027-03-01 or\n" +
			"01-03-2027), next (the cluster's next planned meeting), or 1m, 3m, … months after the meeting.\n" +
			"A due date before today is refused.",
		Args: cobra.NoArgs,
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
			now := a.env.clock.Now()
			d, err := parseDue(ctx, s, m, due, now)
			if err != nil {
				return err
			}
			p := meeting.Pledge{MeetingID: m.ID, Ydernummer: strings.TrimSpace(practice), Action: action,
				Owner: owner, Due: d, Indicator: strings.TrimSpace(indicator), Created: now}
			if strings.TrimSpace(target) != "" {
				v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(target), ",", ".", 1), 64)
				if err != nil {
					return meeting.Errorf(meeting.EINVALID, "--target %q is not a number: write e.g. 80 or 62,5", target)
				}
				p.Target = &v
			}
			if p, err = s.SavePledge(ctx, p); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "recorded pledge %d of practice %s at meeting %d, due %s\n",
				p.ID, p.Ydernummer, m.ID, p.Due.Format("02-01-2006"))
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, "meeting `ID`, as klynge meeting list shows it (default: the latest meeting)")
	cmd.Flags().StringVar(&practice, "practice", "", "the practice's `YDERNUMMER`")
	cmd.Flags().StringVar(&action, "action", "", "what the practice will do")
	cmd.Flags().StringVar(&owner, "owner", "", "who in the practice carries it out")
	cmd.Flags().StringVar(&due, "due", "", "due `DATE`: YYYY-MM-DD, DD-MM-YYYY, next, or 1m, 3m, … after the meeting")
	cmd.Flags().StringVar(&indicator, "indicator", "", "pack indicator `ID` the pledge should move")
	cmd.Flags().StringVar(&target, "target", "", "target value `N` on the indicator, in its unit")
	for _, f := range []string{"practice", "action", "due"} {
		_ = cmd.MarkFlagRequired(f)
	}
	return cmd
}

// parseDue reads --due: a date, "next" (the next planned meeting of m's
// cluster) or "Nm" (N months after m). A date before today (now's date)
// is refused.
func parseDue(ctx context.Context, s *store.Store, m meeting.Meeting, due string, now time.Time) (time.Time, error) {
	// "next" is the cluster's next planned meeting, when there is one.
	var next *time.Time
	ms, err := s.Meetings(ctx)
	if err != nil {
		return time.Time{}, err
	}
	for _, o := range ms { // latest first: keep the earliest after m
		if o.ClusterID == m.ClusterID && o.PlannedStart.After(m.PlannedStart) {
			start := o.PlannedStart
			next = &start
		}
	}
	d, err := meeting.ParseDue(due, m.PlannedStart.In(time.Local), now.In(time.Local), next)
	if err != nil {
		return d, meeting.Errorf(meeting.EINVALID, "--due: %s", meeting.ErrorMessage(err))
	}
	return d, nil
}

func (a *app) pledgeListCommand() *cobra.Command {
	var meetingID int64
	var open bool
	cmd := &cobra.Command{
		Use:   "list [--meeting ID] [--open]",
		Short: "List the pledges made at a meeting, or with --open those to follow up at it",
		Args:  cobra.NoArgs,
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
					fmt.Fprintf(out, "no pledges to follow up at meeting %d (%s)\n", m.ID, m.Title)
				} else {
					fmt.Fprintf(out, "no pledges at meeting %d (%s): add one with `klynge pledge add --meeting %d`\n", m.ID, m.Title, m.ID)
				}
				return nil
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tMEETING\tPRACTICE\tDUE\tOWNER\tINDICATOR\tFOLLOW-UP\tACTION")
			for _, p := range ps {
				review := "-"
				if p.Review != nil {
					review = string(p.Review.Outcome)
				}
				ind := p.Indicator
				if p.Target != nil {
					ind += " → " + strconv.FormatFloat(*p.Target, 'f', -1, 64)
				}
				fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.ID, p.MeetingID, p.Ydernummer, p.Due.Format("02-01-2006"),
					dash(p.Owner), dash(ind), review, strings.Join(strings.Fields(p.Action), " "))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, "meeting `ID`, as klynge meeting list shows it (default: the latest meeting)")
	cmd.Flags().BoolVar(&open, "open", false, "list the earlier meetings' pledges to follow up at this meeting")
	return cmd
}

// dash shows an empty value as "-".
func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
