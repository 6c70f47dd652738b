package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/store"
)

// evaluationTrend is the evaluation trend of cluster clusterID's meetings
// planned up to upTo (all when zero).
func evaluationTrend(ctx context.Context, s *store.Store, clusterID int64, upTo time.Time) ([]meeting.TrendPoint, error) {
	ms, err := s.Meetings(ctx)
	if err != nil {
		return nil, err
	}
	var own []meeting.Meeting
	for _, m := range ms {
		if m.ClusterID == clusterID {
			own = append(own, m)
		}
	}
	return meeting.EvaluationTrend(own, upTo), nil
}

func (a *app) evaluationCommand() *cobra.Command {
	var clusterID int64
	var format, outFile string
	var force bool
	cmd := &cobra.Command{
		Use:   "evaluation " + a.t("cli.UseEvaluation"),
		Short: a.t("cli.ShortEvaluation"),
		Long:  a.t("cli.LongEvaluation"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			f, err := evaluationFormat(format, outFile)
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
			trend, err := evaluationTrend(ctx, s, c.ID, time.Time{})
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if f == "csv" {
				err = export.WriteEvaluationCSV(&buf, trend, a.language())
			} else {
				err = export.WriteEvaluationText(&buf, trend, a.language())
			}
			if err != nil {
				return err
			}
			if err := writeReport(cmd.OutOrStdout(), outFile, buf.Bytes()); err != nil || outFile == "" {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.WroteEvaluation", len(trend), outFile))
			return nil
		},
	}
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, a.t("cli.FlagCluster"))
	cmd.Flags().StringVar(&format, "format", "", a.t("cli.FlagEvaluationFormat"))
	cmd.Flags().StringVarP(&outFile, "out", "o", "", a.t("cli.FlagEvaluationOut"))
	cmd.Flags().BoolVar(&force, "force", false, a.t("cli.FlagForceFile"))
	return cmd
}

// evaluationFormat settles text or csv from --format and -o's extension.
func evaluationFormat(format, outFile string) (string, error) {
	return listFormat(format, outFile, "text", "csv")
}

// listFormat settles a list's format from --format and -o's extension
// (.txt is text, .md markdown); the first format is the default.
func listFormat(format, outFile string, formats ...string) (string, error) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(outFile)), ".")
	byExt := map[string]string{"txt": "text", "md": "markdown", "markdown": "markdown", "csv": "csv"}[ext]
	if byExt == "" && ext != "" || byExt != "" && !contains(formats, byExt) {
		return "", meeting.Errork(meeting.EINVALID, "cli.BadListExt", outFile, strings.Join(formats, ", "))
	}
	switch format = strings.ToLower(strings.TrimSpace(format)); {
	case format == "":
		if byExt != "" {
			return byExt, nil
		}
		return formats[0], nil
	case !contains(formats, format):
		return "", meeting.Errork(meeting.EINVALID, "cli.BadListFormat", format, strings.Join(formats, ", "))
	case byExt != "" && byExt != format:
		return "", meeting.Errork(meeting.EINVALID, "cli.ListFormatClash", format, outFile)
	}
	return format, nil
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}
