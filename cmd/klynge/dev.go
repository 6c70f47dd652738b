package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store/seed"
)

// devCommand holds developers' tools, hidden from help: they make data to
// measure on, not meetings.
func (a *app) devCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:    "dev",
		Short:  "Developer tools: make test data for measuring",
		Hidden: true,
		Args:   noArgs,
	}
	var years int
	var seedN uint64
	seedCmd := &cobra.Command{
		Use:   "seed [--years N] [--seed N]",
		Short: "Fill a new database with years of made-up meetings (60 doctors in 30 practices, 4 meetings a year) and tonight's meeting",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if years < 1 || years > 50 {
				return meeting.Errorf(meeting.EINVALID, "%s", a.t("cli.SeedYears", years))
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			cs, err := s.Clusters(cmd.Context())
			if err != nil {
				return err
			}
			if len(cs) > 0 {
				return meeting.Errorf(meeting.EINVALID, "%s", a.t("cli.SeedNotEmpty", s.Path()))
			}
			r, err := seed.History(cmd.Context(), s, seed.Options{Years: years, Now: a.env.clock.Now(), Seed: seedN})
			if err != nil {
				return err
			}
			c, err := s.Cluster(cmd.Context(), r.ClusterID)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.Seeded", s.Path(), len(r.Meetings), years, c.Name, r.Doctors, r.Pledges, r.Latest()))
			return nil
		},
	}
	seedCmd.Flags().IntVar(&years, "years", 10, "years of quarterly meetings before tonight's")
	seedCmd.Flags().Uint64Var(&seedN, "seed", 1, "the random seed: the same seed and day give the same history")
	cmd.AddCommand(seedCmd)
	return cmd
}
