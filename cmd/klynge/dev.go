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
		Short:  a.t("cli.ShortDev"),
		Hidden: true,
		Args:   noArgs,
	}
	var years int
	var seedN uint64
	seedCmd := &cobra.Command{
		Use:   "seed " + a.t("cli.UseDevSeed"),
		Short: a.t("cli.ShortDevSeed"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if years < 1 || years > 50 {
				return meeting.Errork(meeting.EINVALID, "cli.SeedYears", years)
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
				return meeting.Errork(meeting.EINVALID, "cli.SeedNotEmpty", s.Path())
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
	seedCmd.Flags().IntVar(&years, "years", 10, a.t("cli.FlagSeedYears"))
	seedCmd.Flags().Uint64Var(&seedN, "seed", 1, a.t("cli.FlagSeedSeed"))
	cmd.AddCommand(seedCmd)
	return cmd
}
