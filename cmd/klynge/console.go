package main

import (
	"context"
	"strconv"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/tui"
)

func (a *app) consoleCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "console [MEETING-ID]",
		Short: "Open the presenter console beside a running meeting (the most recently created one without an id)",
		Long: "console opens the coordinator's console on the same database as `klynge run`: what comes next and when,\n" +
			"the speaker notes, the round, who is missing, and the code key and history after a j/y. It follows\n" +
			"the projector and drives it with the same keys. Any number of consoles may be open; while one is,\n" +
			"the projector shows the private things only on the console.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			var m meeting.Meeting
			if len(args) == 1 {
				id, perr := strconv.ParseInt(args[0], 10, 64)
				if perr != nil || id <= 0 {
					return meeting.Errorfl(meeting.EINVALID, "%q er ikke et mødenummer: se `klynge meeting list`",
						"%q is not a meeting id: see `klynge meeting list`", args[0])
				}
				m, err = s.Meeting(ctx, id)
			} else {
				m, err = s.LatestMeeting(ctx)
			}
			if err != nil {
				return err
			}
			return a.runConsole(ctx, s, m.ID)
		},
	}
}

// consoleFPS is the console's frame rate.
const consoleFPS = 10

// runConsole opens the presenter console of the meeting on the terminal
// and returns when the coordinator quits it.
func (a *app) runConsole(ctx context.Context, s *store.Store, meetingID int64) error {
	// Not the projector's lock: consoles share the meeting with it and
	// with each other. This one tells the projector a console is open.
	unlock, err := s.LockConsole(meetingID)
	if err != nil {
		return err
	}
	defer unlock()
	t, err := a.openTerminal(meeting.Errorfl(meeting.EINVALID, "konsollen skal have en terminal: kør den i et terminalvindue, ikke gennem et rør",
		"the console needs a terminal: run it in a terminal window, not through a pipe"))
	if err != nil {
		return err
	}
	model := tui.NewConsole(ctx, tui.Options{
		MeetingID: meetingID,
		Store:     s,
		Clock:     a.env.clock,
		Renderer:  t.renderer,
		Theme:     t.theme,
		Lang:      a.language(),
		PollEvery: tui.PollEvery,
	})
	// The console sits open all evening, mostly idle: 10 frames a second
	// (not Bubble Tea's 60) keeps its wake-ups few; a key still shows
	// within 0.1 s.
	return t.run(ctx, model, tea.WithFPS(consoleFPS))
}
