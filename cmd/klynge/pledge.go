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
		Use:   "add [--meeting ID] --practice YDERNUMMER-OR-NAME --action TEXT --due DATE|next|1m|3m [--owner WHO] [--indicator ID [--target N]]",
		Short: "Record a practice's pledge at a meeting",
		Long: "add records what a practice will do before a later meeting. --due is a date (2027-03-01 or\n" +
			"01-03-2027), next or næste (the cluster's next planned meeting; three months on when none is\n" +
			"planned), or 1m, 3m, … months after the meeting (3m from 30 November is 28 February).\n" +
			"A due date before today is refused.",
		Args: cobra.NoArgs,
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
					return meeting.Errorf(meeting.EINVALID, "--target %q is not a number: write e.g. 80 or 62,5", target)
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
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, "meeting `ID`, as klynge meeting list shows it (default: the latest meeting)")
	cmd.Flags().StringVar(&practice, "practice", "", "the practice: its `YDERNUMMER` or part of its name (\"aabyhoj\" finds Åbyhøj Lægehus)")
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

// parseDue reads --due by meeting.DueDate, the rule the TUI's pledge form
// uses too: a date, "next"/"næste" (the next planned meeting of m's
// cluster, else three months on) or "Nm" (N months after m, clamped to
// the month's end). A date before today (now's date) is refused.
func parseDue(ctx context.Context, s *store.Store, m meeting.Meeting, due string, now time.Time) (time.Time, error) {
	// The meetings' dates are enough, not everything in them.
	ms, err := s.MeetingPlans(ctx)
	if err != nil {
		return time.Time{}, err
	}
	d, err := meeting.DueDate(due, m, ms, now)
	if err != nil {
		return d, &meeting.Error{Code: meeting.ErrorCode(err),
			Message: "--due: " + meeting.ErrorMessageIn(err, "en"), Danish: "--due: " + meeting.ErrorMessageIn(err, "da")}
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
		return meeting.Practice{}, meeting.Errorfl(meeting.ENOTFOUND,
			"--practice %q: ingen praksis i klyngen %q har det ydernummer eller navn; se `klynge roster list`",
			"--practice %q: no practice of cluster %q has that ydernummer or name; see `klynge roster list`", query, c.Name)
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name + " (" + p.Ydernummer + ")"
	}
	return meeting.Practice{}, meeting.Errorfl(meeting.EINVALID,
		"--practice %q passer på %d praksisser: %s; skriv mere af navnet eller ydernummeret",
		"--practice %q matches %d practices: %s; give more of the name, or the ydernummer", query, len(ps), strings.Join(names, "; "))
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
					fmt.Fprintln(out, a.t("cli.NoPledgesToFollow", m.ID, meeting.Inert(m.Title)))
				} else {
					fmt.Fprintln(out, a.t("cli.NoPledges", m.ID, meeting.Inert(m.Title), m.ID))
				}
				return nil
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, a.t("cli.PledgesHead"))
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
					dash(meeting.Inert(p.Owner)), dash(meeting.Inert(ind)), meeting.Inert(review), meeting.Inert(p.Action))
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
