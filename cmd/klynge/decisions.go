package main

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

func (a *app) decisionsCommand() *cobra.Command {
	var clusterID int64
	var format, outFile string
	var force bool
	cmd := &cobra.Command{
		Use:   "decisions [--format text|csv|markdown] [-o FILE] [--force]",
		Short: "The cluster's decision log, oldest first, and the standing rules in force",
		Long: "decisions lists every decision of the cluster's meetings, oldest first, with its item, the vote\n" +
			"(for-against-abstain, or unanimous) and whether it was carried, and then the standing rules in force:\n" +
			"for each rule the last carried decision on it. --format csv writes CSV for Danish Excel, markdown a\n" +
			"Markdown page; -o FILE writes to FILE (the format follows .txt, .csv or .md).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			f, err := listFormat(format, outFile, "text", "csv", "markdown")
			if err != nil {
				return err
			}
			if outFile != "" {
				if err := checkOutFile(outFile, force); err != nil {
					return err
				}
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
			if outFile == "" {
				_, err := cmd.OutOrStdout().Write(buf.Bytes())
				return err
			}
			if err := writeFileAtomic(filepath.Dir(outFile), filepath.Base(outFile), buf.Bytes()); err != nil {
				return meeting.Errork(meeting.EINVALID, "cli.CannotWrite", outFile, unwrapPathError(err).Error())
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.WroteDecisions", len(ds), outFile))
			return nil
		},
	}
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, "cluster id, when the database holds more than one")
	cmd.Flags().StringVar(&format, "format", "", "text, csv or markdown (default: from -o's extension, else text)")
	cmd.Flags().StringVarP(&outFile, "out", "o", "", "write the log to `FILE` instead of the terminal")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite FILE if it exists")
	cmd.AddCommand(a.decisionAddCommand())
	return cmd
}

func (a *app) decisionAddCommand() *cobra.Command {
	var meetingID int64
	var item int
	var text, vote, rule string
	cmd := &cobra.Command{
		Use:   "add [--meeting ID] --item N --text TEXT --vote enstemmigt|FOR-IMOD[-UNDLADER] [--rule NAME]",
		Short: "Record a decision made on agenda item N (1 is the first) of a meeting",
		Args:  cobra.NoArgs,
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
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, "meeting `ID` (default: the latest meeting)")
	cmd.Flags().IntVar(&item, "item", 0, "the agenda item's number `N`, 1 for the first")
	cmd.Flags().StringVar(&text, "text", "", "what was decided")
	cmd.Flags().StringVar(&vote, "vote", "", "\"enstemmigt\" (unanimous) or for-against-abstain, e.g. 12-3-1")
	cmd.Flags().StringVar(&rule, "rule", "", "the standing rule the decision sets, e.g. Anonymitet (optional)")
	return cmd
}
