package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
)

func (a *app) rosterCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "roster", Short: a.t("cli.ShortRoster")}
	cmd.AddCommand(a.rosterImportCommand(), a.rosterListCommand(), a.rosterAddCommand(), a.rosterRetireCommand())
	return cmd
}

func (a *app) rosterImportCommand() *cobra.Command {
	var clusterID int64
	cmd := &cobra.Command{
		Use:   "import " + a.t("cli.UseRosterImport"),
		Short: a.t("cli.ShortRosterImport"),
		Long:  a.t("cli.LongRosterImport"),
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			file := args[0]
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			var padded int
			practices, err := pack.ReadRosterFile(file, ydernumre(c), pack.CountPadded(&padded))
			if err != nil {
				return fmt.Errorf("%w: %w", errNothingImported, err)
			}
			a.notePadded(cmd.OutOrStdout(), file, padded)
			res, err := s.ImportRoster(ctx, c.ID, practices, a.env.clock.Now())
			if err != nil {
				return meeting.Errork(meeting.ErrorCode(err), "cli.NothingImported", file, err)
			}
			after, err := s.Cluster(ctx, c.ID)
			if err != nil {
				return err
			}
			a.printRosterImport(cmd.OutOrStdout(), file, after, res)
			return nil
		},
	}
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, a.t("cli.FlagCluster"))
	return cmd
}

// printRosterImport says what an import changed, one line per change, and
// lists the doctors the file left out.
func (a *app) printRosterImport(w io.Writer, file string, c meeting.Cluster, res store.RosterImportResult) {
	names := practiceNames(c)
	fmt.Fprintln(w, a.t("cli.RosterImported", file, c.Name, len(res.NewPractices), len(res.Added), len(res.Updated), res.Unchanged))
	for _, p := range res.NewPractices {
		fmt.Fprintln(w, a.t("cli.RosterNewPractice", p.Ydernummer, meeting.Inert(p.Name)))
	}
	for _, r := range res.RenamedPractices {
		fmt.Fprintln(w, a.t("cli.RosterRenamed", r.Ydernummer, r.From, r.To))
	}
	for _, m := range res.Added {
		fmt.Fprintln(w, a.t("cli.RosterAdded", meeting.Inert(m.Name), meeting.Inert(names[m.Ydernummer]), m.ID))
	}
	for _, u := range res.Updated {
		var changes []string
		if u.Before.Name != u.After.Name {
			changes = append(changes, a.t("cli.ChangedName", u.Before.Name, u.After.Name))
		}
		if u.Before.Email != u.After.Email {
			changes = append(changes, a.t("cli.ChangedEmail", a.orNone(u.Before.Email), u.After.Email))
		}
		if u.Before.Role != u.After.Role {
			changes = append(changes, a.t("cli.ChangedRole", a.roleWord(u.Before.Role), a.roleWord(u.After.Role)))
		}
		if u.Before.Ydernummer != u.After.Ydernummer {
			changes = append(changes, a.t("cli.ChangedPractice", u.Before.Ydernummer, u.After.Ydernummer, names[u.After.Ydernummer]))
		}
		fmt.Fprintln(w, a.t("cli.RosterUpdated", meeting.Inert(u.After.Name), u.After.ID, strings.Join(changes, ", ")))
	}
	for _, m := range res.NotInFile {
		fmt.Fprintln(w, a.t("cli.RosterNotInFile", meeting.Inert(m.Name), meeting.Inert(names[m.Ydernummer]), m.ID, m.ID))
	}
}

func (a *app) orNone(s string) string {
	if s == "" {
		return a.t("cli.None")
	}
	return s
}

// roleWord names a member's role in the user's language.
func (a *app) roleWord(r meeting.Role) string {
	if r == meeting.RoleCoordinator {
		return a.t("cli.RoleCoordinator")
	}
	return a.t("cli.RoleMember")
}

// practiceNames maps the cluster's ydernumre to the practices' names.
func practiceNames(c meeting.Cluster) map[string]string {
	names := make(map[string]string, len(c.Practices))
	for _, p := range c.Practices {
		names[p.Ydernummer] = p.Name
	}
	return names
}

func (a *app) rosterListCommand() *cobra.Command {
	var clusterID int64
	cmd := &cobra.Command{
		Use:   "list [--cluster ID]",
		Short: a.t("cli.ShortRosterList"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			out := cmd.OutOrStdout()
			active, retired := 0, 0
			for _, p := range c.Practices {
				for _, m := range p.Members {
					if m.Retired != nil {
						retired++
					} else {
						active++
					}
				}
			}
			line := a.t("cli.RosterSummary", c.Name, len(c.Practices), active)
			if retired > 0 {
				line += a.t("cli.RosterRetired", retired)
			}
			fmt.Fprintln(out, line)
			if len(c.Practices) == 0 {
				fmt.Fprintln(out, a.t("cli.NoPractices"))
				return nil
			}
			tw := export.NewTableWriter(out)
			fmt.Fprintln(tw, a.t("cli.RosterHead"))
			for _, p := range c.Practices {
				yd, name := meeting.Inert(p.Ydernummer), meeting.Inert(p.Name)
				if len(p.Members) == 0 {
					fmt.Fprintf(tw, "%s\t%s\t\t%s\t\t\n", yd, name, a.t("cli.RosterNoDoctors"))
				}
				for _, m := range p.Members {
					var notes []string
					if m.Role == meeting.RoleCoordinator {
						notes = append(notes, a.roleWord(meeting.RoleCoordinator))
					}
					if m.Retired != nil {
						notes = append(notes, a.t("cli.RosterRetiredOn", m.Retired.Format(dateDMY)))
					} else if !m.Joined.IsZero() {
						notes = append(notes, a.t("cli.RosterJoinedOn", m.Joined.Format(dateDMY)))
					}
					fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", yd, name, m.ID, meeting.Inert(m.Name), meeting.Inert(m.Email), strings.Join(notes, ", "))
					yd, name = "", "" // once per practice
				}
			}
			return tw.Flush()
		},
	}
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, a.t("cli.FlagCluster"))
	return cmd
}

// dateDMY is how dates are shown to Danish coordinators: 03-12-2026.
const dateDMY = "02-01-2006"

func (a *app) rosterAddCommand() *cobra.Command {
	var clusterID int64
	var ydernummer, name, email, practice, role string
	cmd := &cobra.Command{
		Use:   "add " + a.t("cli.UseRosterAdd"),
		Short: a.t("cli.ShortRosterAdd"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			ydernummer, email, practice = strings.TrimSpace(ydernummer), strings.TrimSpace(email), strings.TrimSpace(practice)
			if email != "" && !pack.LooksLikeEmail(email) {
				return meeting.Errork(meeting.EINVALID, "cli.ErrEmail", email)
			}
			r, err := parseRole(role)
			if err != nil {
				return err
			}
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			names := practiceNames(c)
			if _, known := names[ydernummer]; !known {
				if err := checkNewYdernummer(ydernummer); err != nil {
					return err
				}
				if practice == "" {
					return meeting.Errork(meeting.EINVALID, "cli.ErrPracticeNotInCluster", ydernummer, c.Name)
				}
			}
			m, err := s.AddMember(ctx, c.ID, ydernummer,
				meeting.Member{Name: name, Email: email, Role: r, Joined: a.env.clock.Now()}, practice)
			if err != nil {
				return err
			}
			pname := practice
			if n, ok := names[ydernummer]; ok {
				pname = n
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.MemberAdded",
				m.Name, m.Ydernummer, pname, c.Name, m.ID))
			return nil
		},
	}
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, a.t("cli.FlagCluster"))
	cmd.Flags().StringVar(&ydernummer, "ydernummer", "", a.t("cli.FlagRosterYdernummer"))
	cmd.Flags().StringVar(&name, "name", "", a.t("cli.FlagRosterName"))
	cmd.Flags().StringVar(&email, "email", "", a.t("cli.FlagRosterEmail"))
	cmd.Flags().StringVar(&practice, "practice", "", a.t("cli.FlagRosterPractice"))
	cmd.Flags().StringVar(&role, "role", "", a.t("cli.FlagRosterRole"))
	_ = cmd.MarkFlagRequired("ydernummer")
	_ = cmd.MarkFlagRequired("name")
	return cmd
}

// parseRole reads a role as the roster file writes it.
func parseRole(s string) (meeting.Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "medlem", "member":
		return meeting.RoleMember, nil
	case "koordinator", "coordinator", "klyngekoordinator":
		return meeting.RoleCoordinator, nil
	}
	return "", meeting.Errork(meeting.EINVALID, "cli.ErrRole", s)
}

// checkNewYdernummer checks the ydernummer of a practice to be added.
func checkNewYdernummer(yd string) error {
	digits := yd != "" && strings.Trim(yd, "0123456789") == ""
	switch {
	case digits && len(yd) < 6:
		return meeting.Errork(meeting.EINVALID, "cli.ErrYdernummerShort", yd, len(yd), strings.Repeat("0", 6-len(yd))+yd)
	case !digits || len(yd) != 6:
		return meeting.Errork(meeting.EINVALID, "cli.ErrYdernummer", yd)
	}
	return nil
}

func (a *app) rosterRetireCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "retire " + a.t("cli.UseRetire"),
		Short: a.t("cli.ShortRetire"),
		Long:  a.t("cli.LongRetire"),
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := strconv.ParseInt(strings.TrimSpace(args[0]), 10, 64)
			if err != nil || id <= 0 {
				return meeting.Errork(meeting.EINVALID, "cli.ErrNotMemberID", args[0])
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := s.Member(ctx, id)
			if err != nil {
				return err
			}
			if m.Retired != nil {
				fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.MemberAlreadyRetired", m.Name, m.ID, m.Retired.Format(dateDMY)))
				return nil
			}
			if m, err = s.RetireMember(ctx, id, a.env.clock.Now()); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.MemberRetired",
				m.Name, m.Ydernummer, m.ID, m.Retired.Format(dateDMY)))
			return nil
		},
	}
}
