package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

func (a *app) checkCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: a.t("cli.ShortCheck"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			if err := s.Check(cmd.Context()); err != nil {
				return err
			}
			v, err := s.SchemaVersion(cmd.Context())
			if err != nil {
				return err
			}
			backups, err := store.Backups(s.Path())
			if err != nil {
				return meeting.Errork(meeting.EINTERNAL, "cli.ErrBackups", unwrapPathError(err))
			}
			tail := a.t("cli.DBNoBackups")
			if len(backups) > 0 {
				tail = a.t("cli.DBBackups", len(backups), store.BackupDir(s.Path()), filepath.Base(backups[0]))
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.DBSound", s.Path(), v, tail))
			return nil
		},
	}
}

func (a *app) backupCommand() *cobra.Command {
	var list bool
	cmd := &cobra.Command{
		Use:   "backup " + a.t("cli.UseBackup"),
		Short: a.t("cli.ShortBackup"),
		Long:  a.t("cli.LongBackup"),
		Args:  maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			if list {
				path, err := a.dbPath()
				if err != nil {
					return err
				}
				abs, _ := filepath.Abs(path)
				backups, err := store.Backups(abs)
				if err != nil {
					return meeting.Errork(meeting.EINTERNAL, "cli.ErrBackups", unwrapPathError(err))
				}
				if len(backups) == 0 {
					fmt.Fprintln(out, a.t("cli.BackupListNone", abs, store.BackupDir(abs)))
				}
				for _, b := range backups {
					fmt.Fprintln(out, b)
				}
				return nil
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			var written string
			if len(args) == 1 {
				written, err = filepath.Abs(args[0])
				if err == nil {
					err = s.BackupTo(cmd.Context(), written)
				}
			} else {
				written, err = s.Backup(cmd.Context(), "manual", a.env.clock.Now())
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(out, a.t("cli.BackupWritten", written))
			return nil
		},
	}
	cmd.Flags().BoolVar(&list, "list", false, a.t("cli.FlagBackupList"))
	return cmd
}

func (a *app) restoreCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "restore " + a.t("cli.UseRestore"),
		Short: a.t("cli.ShortRestore"),
		Long:  a.t("cli.LongRestore"),
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := a.dbPath()
			if err != nil {
				return err
			}
			replaced, err := store.Restore(path, args[0], a.env.clock.Now())
			if err != nil {
				return err
			}
			msg := a.t("cli.Restored", path, args[0])
			if replaced != "" {
				msg += "; " + a.t("cli.RestoreKept", replaced)
			}
			fmt.Fprintln(cmd.OutOrStdout(), msg)
			return nil
		},
	}
}

// fileSchemaLine reports the schema of the database at path as the file
// holds it, without opening or changing it, for `klynge version --db`.
func (a *app) fileSchemaLine(path string) (string, error) {
	v, err := store.FileSchema(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return a.t("cli.SchemaNone", path), nil
	case err != nil:
		return "", meeting.Errork(meeting.EINVALID, "cli.ErrPath", path, unwrapPathError(err))
	case v > store.LatestSchema():
		return a.t("cli.SchemaNewer", path, v, store.LatestSchema()), nil
	}
	return a.t("cli.Schema", path, v), nil
}

// notePadded says once how many ydernumre of file were read with 5 digits.
func (a *app) notePadded(out io.Writer, file string, n int) {
	if n > 0 {
		fmt.Fprintln(out, a.t("cli.Padded", file, n))
	}
}
