package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
)

func (a *app) rosterCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "roster", Short: "Keep the cluster's practices and doctors: import, list, add, retire"}
	cmd.AddCommand(a.rosterImportCommand(), a.rosterListCommand(), a.rosterAddCommand(), a.rosterRetireCommand())
	return cmd
}

func (a *app) rosterImportCommand() *cobra.Command {
	var clusterID int64
	cmd := &cobra.Command{
		Use:   "import [--cluster ID] FILE",
		Short: "Bring the roster up to date from a CSV or XLSX file; every row is checked first",
		Long: "import reads one row per doctor from FILE (.csv, .txt or .xlsx) with the columns ydernummer, praksis,\n" +
			"læge and optionally email and rolle (or the English names). Every row is checked first; if any is\n" +
			"wrong, every problem is listed and nothing is imported. Otherwise new practices and doctors are\n" +
			"added, and doctors already in the cluster (matched by e-mail, or by ydernummer and name) take the\n" +
			"file's name, practice, e-mail and role; an empty e-mail or role keeps the stored one, and a practice\n" +
			"already in the cluster may leave its name empty. Doctors missing from the file are not removed:\n" +
			"they are listed, to retire with `klynge roster retire ID`.",
		Args: cobra.ExactArgs(1),
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
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, "cluster id, when the database holds more than one")
	return cmd
}

// printRosterImport says what an import changed, one line per change, and
// lists the doctors the file left out.
func (a *app) printRosterImport(w io.Writer, file string, c meeting.Cluster, res store.RosterImportResult) {
	names := practiceNames(c)
	fmt.Fprintf(w, "%s: cluster %q: %s added, %s added, %d updated, %d unchanged\n", file, c.Name,
		plural(len(res.NewPractices), "practice", "practices"), plural(len(res.Added), "doctor", "doctors"),
		len(res.Updated), res.Unchanged)
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
			changes = append(changes, fmt.Sprintf("name %q → %q", u.Before.Name, u.After.Name))
		}
		if u.Before.Email != u.After.Email {
			changes = append(changes, fmt.Sprintf("e-mail %s → %s", orNone(u.Before.Email), u.After.Email))
		}
		if u.Before.Role != u.After.Role {
			changes = append(changes, fmt.Sprintf("role %s → %s", u.Before.Role, u.After.Role))
		}
		if u.Before.Ydernummer != u.After.Ydernummer {
			changes = append(changes, fmt.Sprintf("practice %s → %s (%s)", u.Before.Ydernummer, u.After.Ydernummer, names[u.After.Ydernummer]))
		}
		fmt.Fprintln(w, a.t("cli.RosterUpdated", meeting.Inert(u.After.Name), u.After.ID, strings.Join(changes, ", ")))
	}
	for _, m := range res.NotInFile {
		fmt.Fprintln(w, a.t("cli.RosterNotInFile", meeting.Inert(m.Name), meeting.Inert(names[m.Ydernummer]), m.ID, m.ID))
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
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
		Short: "List the practices with their doctors and member ids; retired doctors are marked",
		Args:  cobra.NoArgs,
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
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, a.t("cli.RosterHead"))
			for _, p := range c.Practices {
				yd, name := meeting.Inert(p.Ydernummer), meeting.Inert(p.Name)
				if len(p.Members) == 0 {
					fmt.Fprintf(tw, "%s\t%s\t\t(no doctors)\t\t\n", yd, name)
				}
				for _, m := range p.Members {
					var notes []string
					if m.Role == meeting.RoleCoordinator {
						notes = append(notes, "coordinator")
					}
					if m.Retired != nil {
						notes = append(notes, "RETIRED "+m.Retired.Format(dateDMY))
					} else if !m.Joined.IsZero() {
						notes = append(notes, "joined "+m.Joined.Format(dateDMY))
					}
					fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", yd, name, m.ID, meeting.Inert(m.Name), meeting.Inert(m.Email), strings.Join(notes, ", "))
					yd, name = "", "" // once per practice
				}
			}
			return tw.Flush()
		},
	}
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, "cluster id, when the database holds more than one")
	return cmd
}

// dateDMY is how dates are shown to Danish coordinators: 03-12-2026.
const dateDMY = "02-01-2006"

func (a *app) rosterAddCommand() *cobra.Command {
	var clusterID int64
	var ydernummer, name, email, practice, role string
	cmd := &cobra.Command{
		Use:   "add --ydernummer NUMBER --name NAME [--email ADDRESS] [--practice NAME] [--role koordinator]",
		Short: "Add a doctor to the cluster (and their practice, when it is new: give --practice)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			ydernummer, email, practice = strings.TrimSpace(ydernummer), strings.TrimSpace(email), strings.TrimSpace(practice)
			if email != "" && !pack.LooksLikeEmail(email) {
				return meeting.Errorf(meeting.EINVALID, "--email %q does not look like an e-mail address: write it as name@example.dk, or leave it out", email)
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
					return meeting.Errorf(meeting.EINVALID,
						"practice %s is not in cluster %q: check the ydernummer (see `klynge roster list`), or add the practice by giving its name with --practice", ydernummer, c.Name)
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
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, "cluster id, when the database holds more than one")
	cmd.Flags().StringVar(&ydernummer, "ydernummer", "", "the practice's 6-digit ydernummer (required)")
	cmd.Flags().StringVar(&name, "name", "", "the doctor's name (required)")
	cmd.Flags().StringVar(&email, "email", "", "the doctor's e-mail address")
	cmd.Flags().StringVar(&practice, "practice", "", "the practice's name; required when the practice is new")
	cmd.Flags().StringVar(&role, "role", "", "koordinator for the coordinator (default: medlem)")
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
	return "", meeting.Errorf(meeting.EINVALID, "--role %q is unknown: write koordinator for the coordinator, or leave it out", s)
}

// checkNewYdernummer checks the ydernummer of a practice to be added.
func checkNewYdernummer(yd string) error {
	digits := yd != "" && strings.Trim(yd, "0123456789") == ""
	switch {
	case digits && len(yd) < 6:
		return meeting.Errorf(meeting.EINVALID, "--ydernummer %q has %d digits, not 6: did you mean %s?", yd, len(yd), strings.Repeat("0", 6-len(yd))+yd)
	case !digits || len(yd) != 6:
		return meeting.Errorf(meeting.EINVALID, "--ydernummer %q must be 6 digits, e.g. 047318", yd)
	}
	return nil
}

func (a *app) rosterRetireCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "retire MEMBER-ID",
		Short: "Record that a doctor left the cluster; their attendance history stays",
		Long: "retire marks the doctor with the id `klynge roster list` shows as retired from today. They stay in\n" +
			"the roster and the attendance report, marked; meetings after today no longer count for them.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := strconv.ParseInt(strings.TrimSpace(args[0]), 10, 64)
			if err != nil || id <= 0 {
				return meeting.Errorf(meeting.EINVALID, "%q is not a member id: see `klynge roster list`", args[0])
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
