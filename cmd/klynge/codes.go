package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

func (a *app) codesCommand() *cobra.Command {
	var meetingID int64
	var regenerate, show bool
	cmd := &cobra.Command{
		Use:   "codes " + a.t("cli.UseCodes"),
		Short: a.t("cli.ShortCodes"),
		Long:  a.t("cli.LongCodes"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			out := cmd.OutOrStdout()
			s, m, c, err := a.openMeeting(ctx, meetingID)
			if err != nil {
				return err
			}
			defer s.Close()
			if regenerate {
				if len(c.Practices) == 0 {
					return meeting.Errork(meeting.EINVALID, "cli.ErrNoPracticesForCodes", c.Name)
				}
				// Not while the meeting is open on a screen that shows the
				// old codes.
				unlock, err := s.LockMeeting(m.ID)
				if err != nil {
					return err
				}
				defer unlock()
				codes, err := meeting.NewCodes(ydernumre(c), a.env.rnd)
				if err != nil {
					return err
				}
				if m, err = s.RegenerateCodes(ctx, m.ID, codes); err != nil {
					return err
				}
				fmt.Fprintln(out, a.t("cli.CodesDrawn",
					len(m.Codes), m.ID, m.Title))
			}
			if !show {
				switch {
				case len(m.Codes) == 0:
					fmt.Fprintln(out, a.t("cli.CodesNone", m.ID, meeting.Inert(m.Title), m.ID))
				case !regenerate:
					fmt.Fprintln(out, a.t("cli.CodesSecret",
						m.ID, m.Title, len(m.Codes)))
				}
				return nil
			}
			fmt.Fprintln(out, a.t("cli.CodeKeyWarning"))
			tw := export.NewTableWriter(out)
			fmt.Fprintln(tw, a.t("cli.CodesHead"))
			for _, p := range sortedByCode(m, c) {
				code, ok := m.Codes[p.Ydernummer]
				if !ok {
					code = "–"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", code, meeting.Inert(p.Ydernummer), meeting.Inert(p.Name))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().BoolVar(&regenerate, "regenerate", false, a.t("cli.FlagRegenerate"))
	cmd.Flags().BoolVar(&show, "show", false, a.t("cli.FlagShow"))
	return cmd
}
