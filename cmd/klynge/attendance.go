package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

func (a *app) attendanceCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "attendance",
		Short: a.t("cli.ShortAttendance"),
	}
	cmd.AddCommand(a.afbudCommand(), a.guestCommand(), a.attendanceReportCommand(), a.attendanceRuleCommand())
	return cmd
}

func (a *app) afbudCommand() *cobra.Command {
	var meetingID int64
	var reason string
	cmd := &cobra.Command{
		Use:   "afbud " + a.t("cli.UseAfbud"),
		Short: a.t("cli.ShortAfbud"),
		Long:  a.t("cli.LongAfbud"),
		Args:  minArgs(1),
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
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().StringVar(&reason, "reason", "", a.t("cli.FlagReason"))
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
	// members lists members for a message: a keyed phrase, worded in
	// the user's language with the rest of the message.
	members := func(ms []meeting.Member) error {
		const shown = 8
		var parts []string
		for i, mem := range ms {
			if i == shown {
				break
			}
			parts = append(parts, fmt.Sprintf("%s (%s, id %d)", mem.Name, names[mem.Ydernummer], mem.ID))
		}
		if len(ms) > shown {
			return meeting.Errork("", "cli.MembersMore", strings.Join(parts, "; "), len(ms)-shown)
		}
		return meeting.Errork("", "cli.FileList", strings.Join(parts, "; "))
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
			return meeting.Member{}, meeting.Errork(meeting.EINVALID, "cli.ErrOnlyInactive", query, m.ID, members(inactive))
		}
		if _, err := strconv.ParseInt(query, 10, 64); err == nil {
			return meeting.Member{}, meeting.Errork(meeting.ENOTFOUND, "cli.ErrNoMemberID", c.Name, query)
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
			return meeting.Member{}, meeting.Errork(meeting.ENOTFOUND, "cli.ErrNoMemberNear", c.Name, query, members(near))
		}
		return meeting.Member{}, meeting.Errork(meeting.ENOTFOUND, "cli.ErrNoMember", c.Name, query)
	}
	return meeting.Member{}, meeting.Errork(meeting.EINVALID, "cli.ErrManyMembers", query, len(matches), members(matches))
}

func (a *app) guestCommand() *cobra.Command {
	var meetingID int64
	var name, role string
	var remove int
	cmd := &cobra.Command{
		Use:   "guest " + a.t("cli.UseGuest"),
		Short: a.t("cli.ShortGuest"),
		Long:  a.t("cli.LongGuest"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			changes := cmd.Flags().Changed("name") || cmd.Flags().Changed("role")
			if changes && cmd.Flags().Changed("remove") {
				return meeting.Errork(meeting.EINVALID, "cli.ErrGuestNameOrRemove")
			}
			if cmd.Flags().Changed("role") && !cmd.Flags().Changed("name") {
				return meeting.Errork(meeting.EINVALID, "cli.ErrGuestRoleNeedsName")
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
					return meeting.Errork(meeting.EINVALID, "cli.ErrGuestRemove", m.ID, len(m.Guests))
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
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().StringVar(&name, "name", "", a.t("cli.FlagGuestName"))
	cmd.Flags().StringVar(&role, "role", "", a.t("cli.FlagGuestRole"))
	cmd.Flags().IntVar(&remove, "remove", 0, a.t("cli.FlagGuestRemove"))
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
		Use:   "rule " + a.t("cli.UseRule"),
		Short: a.t("cli.ShortRule"),
		Long:  a.t("cli.LongRule"),
		Args:  noArgs,
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
	cmd.Flags().Int64Var(&clusterID, "cluster", 0, a.t("cli.FlagCluster"))
	cmd.Flags().IntVar(&maxMissed, "max-missed", 1, a.t("cli.FlagMaxMissed"))
	cmd.Flags().IntVar(&monthsAway, "months-away", 6, a.t("cli.FlagMonthsAway"))
	return cmd
}

// ruleText says the rule in words.
func ruleText(r meeting.AttendanceRule, lang string) string {
	p := msg.For(lang)
	if r.MonthsAway > 0 {
		return p.T("cli.RuleTextAway", r.MaxMissed, r.MonthsAway)
	}
	return p.T("cli.RuleText", r.MaxMissed)
}
