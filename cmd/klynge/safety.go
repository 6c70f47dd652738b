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

// safetyWords are the messages of check, backup, restore and version
// --db in both languages: format strings keyed
// by language and message.
func safetyWords() map[string]map[string]string {
	return map[string]map[string]string{
		"da": {
			"sound":       "%s er i orden (PRAGMA integrity_check): skema %d; %s",
			"backups":     "%d sikkerhedskopier i %s, den nyeste %s",
			"nobackups":   "ingen sikkerhedskopier endnu; tag en med `klynge backup`",
			"written":     "sikkerhedskopi skrevet: %s",
			"listnone":    "ingen sikkerhedskopier af %s i %s endnu; tag en med `klynge backup`",
			"restored":    "%s er gendannet fra %s",
			"kept":        "den erstattede database er gemt som %s",
			"schema":      "database %s: skema %d",
			"schemanewer": "database %s: skema %d, nyere end denne klynge (som kender %d): opdatér klynge",
			"schemanone":  "database %s: findes ikke endnu",
			"nobackup":    "advarsel: kunne ikke tage en sikkerhedskopi (%s); mødet fortsætter",
			"padded1":     "%s: 1 ydernummer havde 5 cifre og er læst med det foranstillede 0, som regnearket havde fjernet",
			"padded":      "%s: %d ydernumre havde 5 cifre og er læst med det foranstillede 0, som regnearket havde fjernet",
			"more":        "… og %d mere",
			"found1":      "klynge: 1 problem fundet; ret det, og kør kommandoen igen",
			"found":       "klynge: %d problemer fundet; ret dem, og kør kommandoen igen",
			"nothing1":    "klynge: 1 problem fundet; intet er importeret: ret det, og kør kommandoen igen",
			"nothing":     "klynge: %d problemer fundet; intet er importeret: ret dem, og kør kommandoen igen",
		},
		"en": {
			"sound":       "%s is sound (PRAGMA integrity_check): schema %d; %s",
			"backups":     "%d backups in %s, the newest %s",
			"nobackups":   "no backups yet; take one with `klynge backup`",
			"written":     "backup written: %s",
			"listnone":    "no backups of %s in %s yet; take one with `klynge backup`",
			"restored":    "restored %s from %s",
			"kept":        "the replaced database is kept as %s",
			"schema":      "database %s: schema %d",
			"schemanewer": "database %s: schema %d, newer than this klynge (which knows %d): update klynge",
			"schemanone":  "database %s: does not exist yet",
			"nobackup":    "warning: could not take a backup (%s); the meeting goes on",
			"padded1":     "%s: 1 ydernummer had 5 digits and was read with the leading 0 the spreadsheet had dropped",
			"padded":      "%s: %d ydernumre had 5 digits and were read with the leading 0 the spreadsheet had dropped",
			"more":        "… and %d more",
			"found1":      "klynge: 1 problem found; fix it and run the command again",
			"found":       "klynge: %d problems found; fix them and run the command again",
			"nothing1":    "klynge: 1 problem found; nothing was imported: fix it and run the command again",
			"nothing":     "klynge: %d problems found; nothing was imported: fix them and run the command again",
		},
	}
}

// say formats the safety message key in the UI language.
func (a *app) say(key string, args ...any) string {
	return fmt.Sprintf(safetyWords()[a.language()][key], args...)
}

func (a *app) checkCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check the whole database for damage (PRAGMA integrity_check) and list its backups",
		Args:  cobra.NoArgs,
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
				return meeting.Errorf(meeting.EINTERNAL, "%v", err)
			}
			tail := a.say("nobackups")
			if len(backups) > 0 {
				tail = a.say("backups", len(backups), store.BackupDir(s.Path()), filepath.Base(backups[0]))
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.say("sound", s.Path(), v, tail))
			return nil
		},
	}
}

func (a *app) backupCommand() *cobra.Command {
	var list bool
	cmd := &cobra.Command{
		Use:   "backup [FILE]",
		Short: "Write a consistent copy of the database to FILE, or to its backup folder (the newest 10 are kept)",
		Long: "klynge backup copies the database while it may be in use (SQLite's VACUUM INTO). Without FILE the copy\n" +
			"goes into the folder beside the database (klynge.db.backups), which also gets a copy before every\n" +
			"schema update and when a meeting is opened and closed; the newest 10 are kept there.\n" +
			"--list shows those backups, newest first.",
		Args: cobra.MaximumNArgs(1),
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
					return meeting.Errorf(meeting.EINTERNAL, "%v", err)
				}
				if len(backups) == 0 {
					fmt.Fprintln(out, a.say("listnone", abs, store.BackupDir(abs)))
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
			fmt.Fprintln(out, a.say("written", written))
			return nil
		},
	}
	cmd.Flags().BoolVar(&list, "list", false, "list the backups beside the database, newest first")
	return cmd
}

func (a *app) restoreCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "restore BACKUP",
		Short: "Replace the database with a backup; the replaced file is kept beside the backups",
		Long: "klynge restore puts a backup (see `klynge backup --list`) in the database's place. It refuses while a\n" +
			"meeting is open in a klynge. The database it replaces is kept in the backup folder under a name ending\n" +
			"in -replaced.db, so a restore can itself be undone.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := a.dbPath()
			if err != nil {
				return err
			}
			replaced, err := store.Restore(path, args[0], a.env.clock.Now())
			if err != nil {
				return err
			}
			msg := a.say("restored", path, args[0])
			if replaced != "" {
				msg += "; " + a.say("kept", replaced)
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
		return a.say("schemanone", path), nil
	case err != nil:
		return "", meeting.Errorf(meeting.EINVALID, "%s: %v", path, err)
	case v > store.LatestSchema():
		return a.say("schemanewer", path, v, store.LatestSchema()), nil
	}
	return a.say("schema", path, v), nil
}

// notePadded says once how many ydernumre of file were read with 5 digits.
func (a *app) notePadded(out io.Writer, file string, n int) {
	switch {
	case n == 1:
		fmt.Fprintln(out, a.say("padded1", file))
	case n > 1:
		fmt.Fprintln(out, a.say("padded", file, n))
	}
}
