package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

func (a *app) decisionsCommand() *cobra.Command {
	var clusterID int64
	var format, outFile string
	var force bool
	cmd := &cobra.Command{
		Use:   "decisions " + a.t("cli.UseDecisions"),
		Short: a.t("cli.ShortDecisions"),
		Long:  a.t("cli.LongDecisions"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			f, err := listFormat(format, outFile, "text", "csv", "markdown")
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
			ms, err := s.Meetings(ctx)
			if err != nil {
				return err
			}
			var ds []meeting.Decision
			for _, m := range ms {
				if m.ClusterID == c.ID {
					ds = append(ds, m.Decisions...)
				}
			}
			var buf bytes.Buffer
			if err := export.WriteDecisionLog(&buf, ds, f, a.language()); err != nil {
				return err
			}
			if err := writeReport(cmd.OutOrStdout(), outFile, buf.Bytes()); err != nil || outFile == "" {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.WroteDecisions", len(ds), outFile))
			return nil
		},
	}
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, a.t("cli.FlagCluster"))
	cmd.Flags().StringVar(&format, "format", "", a.t("cli.FlagDecisionsFormat"))
	cmd.Flags().StringVarP(&outFile, "out", "o", "", a.t("cli.FlagDecisionsOut"))
	cmd.Flags().BoolVar(&force, "force", false, a.t("cli.FlagForceFile"))
	cmd.AddCommand(a.decisionAddCommand())
	return cmd
}

func (a *app) decisionAddCommand() *cobra.Command {
	var meetingID int64
	var item int
	var text, vote, rule string
	cmd := &cobra.Command{
		Use:   "add " + a.t("cli.UseDecisionAdd"),
		Short: a.t("cli.ShortDecisionAdd"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, m, _, err := a.openMeeting(ctx, meetingID)
			if err != nil {
				return err
			}
			defer s.Close()
			if item < 1 || item > len(m.Items) {
				return meeting.Errork(meeting.EINVALID, "cli.NoSuchItem", item, m.ID, len(m.Items))
			}
			d := meeting.Decision{ItemID: m.Items[item-1].ID, Text: text, Rule: rule, Made: a.env.clock.Now()}
			if d.Unanimous, d.For, d.Against, d.Abstain, err = meeting.ParseVote(vote); err != nil {
				return err
			}
			after, err := m.WithDecision(d)
			if err != nil {
				return err
			}
			saved, err := s.SaveDecision(ctx, after.Decisions[len(after.Decisions)-1])
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.DecisionAdded", saved.ID, m.ID, meeting.Inert(saved.ItemTitle)))
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().IntVar(&item, "item", 0, a.t("cli.FlagDecisionItem"))
	cmd.Flags().StringVar(&text, "text", "", a.t("cli.FlagDecisionText"))
	cmd.Flags().StringVar(&vote, "vote", "", a.t("cli.FlagDecisionVote"))
	cmd.Flags().StringVar(&rule, "rule", "", a.t("cli.FlagDecisionRule"))
	return cmd
}
