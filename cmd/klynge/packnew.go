package main

import (
	"fmt"
	"maps"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

func (a *app) packNewCommand() *cobra.Command {
	var title, kind string
	cmd := &cobra.Command{
		Use:   "new " + a.t("cli.UsePackNew"),
		Short: a.t("cli.ShortPackNew"),
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			files, err := pack.Starter(title, kind)
			if err != nil {
				return err
			}
			// Never into a folder that holds something: a pack being
			// written must not be overwritten by a starter.
			if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
				return meeting.Errork(meeting.EINVALID, "cli.PackDirNotEmpty", dir)
			} else if err != nil && !os.IsNotExist(err) {
				return meeting.Errork(meeting.EINVALID, "cli.CannotWrite", dir, unwrapPathError(err).Error())
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return meeting.Errork(meeting.EINVALID, "cli.CannotWrite", dir, unwrapPathError(err).Error())
			}
			for _, name := range slices.Sorted(maps.Keys(files)) {
				if err := writeFileAtomic(dir, name, []byte(files[name])); err != nil {
					return meeting.Errork(meeting.EINVALID, "cli.CannotWrite", dir, unwrapPathError(err).Error())
				}
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.PackCreated", dir, kind, dir))
			return nil
		},
	}
	cmd.Flags().StringVar(&title, "title", "", a.t("cli.FlagPackTitle"))
	cmd.Flags().StringVar(&kind, "kind", pack.StarterData, a.t("cli.FlagPackKind"))
	return cmd
}
