package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
)

func (a *app) attendanceCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "attendance",
		Short: "Apologies and guests before a meeting; the attendance report and the cluster's rule",
	}
	cmd.AddCommand(a.afbudCommand(), a.guestCommand(), a.attendanceReportCommand(), a.attendanceRuleCommand())
	return cmd
}

func (a *app) afbudCommand() *cobra.Command {
	var meetingID int64
	var reason string
	cmd := &cobra.Command{
		Use:   "afbud [--meeting ID] NAME-OR-PART [--reason TEXT]",
		Short: "Record that a member sent apologies (afbud) for a meeting",
		Long: "afbud finds the member whose name or practice contains every word given (\"sør han\" finds Søren\n" +
			"Ærø-Hansen), or the member with that id, and records their apologies for the meeting (the latest\n" +
			"meeting without --meeting). When no member or several match, it lists them and records nothing.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			query := strings.Join(args, " ")
			s, m, c, err := a.openMeeting(ctx, meetingID)
			if err != nil {
				return err
			}
			defer s.Close()
			mem, err := findMemberFor(c, m, query)
			if err != nil {
				return err
			}
			before, had := m.Attendance[mem.ID]
			if m, err = s.SetAttendance(ctx, m.ID, meeting.Attendance{
				MemberID: mem.ID, Status: meeting.StatusApologies, Reason: reason, At: a.env.clock.Now(),
			}); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			names := practiceNames(c)
			what := a.t("cli.ApologiesFrom", mem.Name, names[mem.Ydernummer])
			if r := m.Attendance[mem.ID].Reason; r != "" {
				what += a.t("cli.ApologiesReason", r)
			}
			if had && before.Status != meeting.StatusApologies {
				what += a.t("cli.ApologiesWas", a.t("status."+string(before.Status)))
			}
			fmt.Fprintln(out, a.t("cli.ForMeeting", what, m.ID, meeting.Inert(m.Title), m.PlannedStart.Format(dateDMY)))
			fmt.Fprintln(out, a.t("cli.ApologiesSoFar", strings.Join(apologiesList(c, m), ", ")))
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, "meeting id (default: the latest meeting)")
	cmd.Flags().StringVar(&reason, "reason", "", "the reason given, if any")
	return cmd
}

// apologiesList names the members with apologies at m, in roster order.
func apologiesList(c meeting.Cluster, m meeting.Meeting) []string {
	var out []string
	for _, p := range c.Practices {
		for _, mem := range p.Members {
			if m.Attendance[mem.ID].Status == meeting.StatusApologies {
				out = append(out, meeting.Inert(mem.Name))
			}
		}
	}
	return out
}

// findMemberFor finds the member of c that query names for meeting m, by
// the meeting package's rules: Cluster.FindMembers among the members
// active on the meeting's date (an id, or every word of query in the name
// or practice, with Danish folding; one exact name wins). Anything but one
// member is an error that lists the candidates, or says that the name
// belongs to someone not a member on that date.
func findMemberFor(c meeting.Cluster, m meeting.Meeting, query string) (meeting.Member, error) {
	query = strings.TrimSpace(query)
	names := practiceNames(c)
	// describe lists members for a message, in Danish or English.
	describe := func(ms []meeting.Member, more string) string {
		const shown = 8
		var parts []string
		for i, mem := range ms {
			if i == shown {
				parts = append(parts, fmt.Sprintf(more, len(ms)-shown))
				break
			}
			parts = append(parts, fmt.Sprintf("%s (%s, id %d)", mem.Name, names[mem.Ydernummer], mem.ID))
		}
		return strings.Join(parts, "; ")
	}
	// worded makes an error whose Danish and English formats each end in
	// the list of members ms.
	worded := func(code, da, en string, ms []meeting.Member, args ...any) error {
		return &meeting.Error{Code: code,
			Danish:  fmt.Sprintf(da, append(args, describe(ms, "og %d flere"))...),
			Message: fmt.Sprintf(en, append(args, describe(ms, "and %d more"))...)}
	}
	matches := c.FindMembers(query, m.PlannedStart)
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		if inactive := c.FindInactiveMembers(query, m.PlannedStart); len(inactive) > 0 {
			if len(inactive) == 1 {
				return meeting.Member{}, inactive[0].CheckActiveAt(m)
			}
			return meeting.Member{}, worded(meeting.EINVALID,
				"%q passer kun på personer, der ikke var medlemmer på datoen for møde %d: %s",
				"%q matches only people who were not members on the date of meeting %d: %s", inactive, query, m.ID)
		}
		if _, err := strconv.ParseInt(query, 10, 64); err == nil {
			return meeting.Member{}, meeting.Errorfl(meeting.ENOTFOUND,
				"intet aktivt medlem af klyngen %q har id %s: se `klynge roster list`",
				"no active member of cluster %q has id %s: see `klynge roster list`", c.Name, query)
		}
		// Suggest those that match any one word.
		var near []meeting.Member
		for _, mem := range c.ActiveMembers(m.PlannedStart) {
			for _, word := range strings.Fields(query) {
				if meeting.MatchesName(word, mem.Name, names[mem.Ydernummer]) {
					near = append(near, mem)
					break
				}
			}
		}
		if len(near) > 0 && len(near) <= 8 {
			return meeting.Member{}, worded(meeting.ENOTFOUND,
				"intet medlem af klyngen %q passer på %q; delvist: %s",
				"no member of cluster %q matches %q; partly matching: %s", near, c.Name, query)
		}
		return meeting.Member{}, meeting.Errorfl(meeting.ENOTFOUND,
			"intet medlem af klyngen %q passer på %q: se navnene med `klynge roster list`",
			"no member of cluster %q matches %q: see `klynge roster list` for the names", c.Name, query)
	}
	return meeting.Member{}, worded(meeting.EINVALID,
		"%q passer på %d medlemmer: %s; skriv mere af navnet eller id'et",
		"%q matches %d members: %s; give more of the name, or the id", matches, query, len(matches))
}

func (a *app) guestCommand() *cobra.Command {
	var meetingID int64
	var name, role string
	var remove int
	cmd := &cobra.Command{
		Use:   "guest [--meeting ID] [--name NAME [--role ROLE] | --remove N]",
		Short: "Add a guest (speaker, pharmacist consultant, practice staff) to a meeting, remove one, or list them",
		Long: "guest adds a guest who is not a member to the meeting (the latest meeting without --meeting), for\n" +
			"the minutes: --name and optionally --role, e.g. --role \"oplæg om spirometri\". --remove N removes\n" +
			"guest number N as listed. Without either it lists the meeting's guests.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			changes := cmd.Flags().Changed("name") || cmd.Flags().Changed("role")
			if changes && cmd.Flags().Changed("remove") {
				return meeting.Errorf(meeting.EINVALID, "give --name to add a guest or --remove to remove one, not both")
			}
			if cmd.Flags().Changed("role") && !cmd.Flags().Changed("name") {
				return meeting.Errorf(meeting.EINVALID, "--role needs the guest's --name")
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := meetingFor(ctx, s, meetingID)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			switch {
			case changes:
				if m, err = s.AddGuest(ctx, m.ID, meeting.Guest{Name: name, Role: role}); err != nil {
					return err
				}
				fmt.Fprintln(out, a.t("cli.GuestAdded", guestText(m.Guests[len(m.Guests)-1]), m.ID, meeting.Inert(m.Title), m.PlannedStart.Format(dateDMY)))
			case cmd.Flags().Changed("remove"):
				if remove < 1 || remove > len(m.Guests) {
					return meeting.Errorf(meeting.EINVALID, "meeting %d has %s: --remove takes a number from the list `klynge attendance guest --meeting %d` shows",
						m.ID, plural(len(m.Guests), "guest", "guests"), m.ID)
				}
				gone := m.Guests[remove-1]
				if m, err = s.RemoveGuest(ctx, m.ID, remove-1); err != nil {
					return err
				}
				fmt.Fprintln(out, a.t("cli.GuestRemoved", guestText(gone), m.ID, meeting.Inert(m.Title), m.PlannedStart.Format(dateDMY)))
			}
			if len(m.Guests) == 0 {
				fmt.Fprintln(out, a.t("cli.NoGuests", m.ID, meeting.Inert(m.Title)))
				return nil
			}
			fmt.Fprintln(out, a.t("cli.GuestsOf", m.ID, meeting.Inert(m.Title)))
			for i, g := range m.Guests {
				fmt.Fprintf(out, "  %d. %s\n", i+1, guestText(g))
			}
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, "meeting id (default: the latest meeting)")
	cmd.Flags().StringVar(&name, "name", "", "the guest's name")
	cmd.Flags().StringVar(&role, "role", "", "what the guest does at the meeting, e.g. oplægsholder, farmakonsulent")
	cmd.Flags().IntVar(&remove, "remove", 0, "remove guest number `N` as listed")
	return cmd
}

func guestText(g meeting.Guest) string {
	if g.Role == "" {
		return meeting.Inert(g.Name)
	}
	return meeting.Inert(g.Name) + " (" + meeting.Inert(g.Role) + ")"
}

func (a *app) attendanceRuleCommand() *cobra.Command {
	var clusterID int64
	var maxMissed, monthsAway int
	cmd := &cobra.Command{
		Use:   "rule [--cluster ID] [--max-missed N] [--months-away N]",
		Short: "Show or set the cluster's attendance rule, which flags members to reach out to",
		Long: "The rule flags a member in the attendance report (\"tag kontakt\") when they missed more than\n" +
			"--max-missed of the meetings held in the last 12 months (apologies count as missed), or when they\n" +
			"have not come for more than --months-away months without sending apologies (0 turns that off).\n" +
			"Without flags, rule shows the rule; with one, it changes that part and keeps the other.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, c, err := a.openCluster(ctx, clusterID)
			if err != nil {
				return err
			}
			defer s.Close()
			out := cmd.OutOrStdout()
			rule := c.Rule
			set := cmd.Flags().Changed("max-missed") || cmd.Flags().Changed("months-away")
			if cmd.Flags().Changed("max-missed") {
				rule.MaxMissed = maxMissed
			}
			if cmd.Flags().Changed("months-away") {
				rule.MonthsAway = monthsAway
			}
			if set {
				if err := rule.Validate(); err != nil {
					return err
				}
				if err := s.SetAttendanceRule(ctx, c.ID, rule); err != nil {
					return err
				}
				fmt.Fprintln(out, a.t("cli.RuleSet", c.Name))
			}
			fmt.Fprintln(out, a.t("cli.Rule", c.Name, ruleText(rule, a.language())))
			return nil
		},
	}
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, "cluster id, when the database holds more than one")
	cmd.Flags().IntVar(&maxMissed, "max-missed", 1, "how many of the last 12 months' meetings a member may miss")
	cmd.Flags().IntVar(&monthsAway, "months-away", 6, "months without attending or apologies before reaching out; 0 turns it off")
	return cmd
}

// ruleText says the rule in words.
func ruleText(r meeting.AttendanceRule, lang string) string {
	if lang == "da" {
		s := fmt.Sprintf("tag kontakt ved mere end %s på 12 måneder (afbud tæller med)", countWords(r.MaxMissed, "misset møde", "missede møder"))
		if r.MonthsAway > 0 {
			s += fmt.Sprintf(", eller når et medlem ikke er set i mere end %s uden at melde afbud", countWords(r.MonthsAway, "måned", "måneder"))
		}
		return s
	}
	s := fmt.Sprintf("reach out after more than %s in 12 months (apologies count as missed)", countWords(r.MaxMissed, "missed meeting", "missed meetings"))
	if r.MonthsAway > 0 {
		s += fmt.Sprintf(", or when a member has not come for more than %s without sending apologies", countWords(r.MonthsAway, "month", "months"))
	} else {
		s += "; the months-away part is off"
	}
	return s
}

func countWords(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
