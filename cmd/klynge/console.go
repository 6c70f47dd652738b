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
		Use:   "console " + a.t("cli.UseMeetingID"),
		Short: a.t("cli.ShortConsole"),
		Long:  a.t("cli.LongConsole"),
		Args:  maxArgs(1),
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
					return meeting.Errork(meeting.EINVALID, "cli.ErrNotMeetingID", args[0])
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

// consoleFPS is how many frames a second the console writes at most, as
// projectorFPS.
const consoleFPS = projectorFPS

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
	t, err := a.openTerminal(meeting.Errork(meeting.EINVALID, "cli.ErrConsoleNoTerminal"))
	if err != nil {
		return err
	}
	// Told of writes to the database's files, the window looks for the
	// other windows' changes only then (and now and then besides).
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	model := tui.NewConsole(ctx, tui.Options{
		MeetingID: meetingID,
		Store:     s,
		Clock:     a.env.clock,
		Renderer:  t.renderer,
		Theme:     t.theme,
		Lang:      a.language(),
		PollEvery: tui.PollEvery,
		Writes:    s.Writes(watchCtx),
	})
	// The console sits open all evening, mostly idle: 10 frames a second
	// (not Bubble Tea's 60) keeps its wake-ups few; a key still shows
	// within 0.1 s.
	return t.run(ctx, model, tea.WithFPS(consoleFPS))
}
