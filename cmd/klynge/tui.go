package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/tui"
)

// runTUI opens the meeting on the terminal and returns when the coordinator
// quits.
func (a *app) runTUI(ctx context.Context, s *store.Store, meetingID int64) error {
	// One program per meeting: a second one would save over the first.
	unlock, err := s.LockMeeting(meetingID)
	if err != nil {
		return err
	}
	defer unlock()
	t, err := a.openTerminal(meeting.Errork(meeting.EINVALID, "cli.ErrNoTerminal"))
	if err != nil {
		return err
	}
	// The first frame shows the meeting: read it now, before the program
	// starts, at the terminal's size, so the renderer's first frame is
	// the meeting and not an empty screen followed by it.
	loaded, err := tui.Load(ctx, s, meetingID)
	if err != nil {
		return err
	}
	width, height, _ := term.GetSize(t.out.Fd())
	// The database was opened with its damage check left for now
	// (openScreenStore): it runs just after the first frame (checkAfter),
	// on a connection of its own, and the screen closes with its error if
	// it finds damage. Then a copy as the meeting opens, and one as it closes, so
	// that the evening's work can be got back whatever happens to the
	// file — neither taken of a damaged file, so the damage error names a
	// sound backup. A failed backup is told once the screen is closed, as
	// it was always read.
	checked := make(chan error, 1)
	started := make(chan string, 1)
	go func() {
		select {
		case <-time.After(checkAfter):
		case <-ctx.Done():
		}
		err := s.QuickCheck(ctx)
		checked <- err
		if err != nil {
			started <- ""
			return
		}
		started <- a.backupNote(ctx, s, meetingID, "start")
	}()
	// Told of writes to the database's files, the window looks for the
	// other windows' changes only then (and now and then besides).
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	out := t.out
	model := tui.New(ctx, tui.Options{
		MeetingID: meetingID,
		Store:     s,
		Clock:     a.env.clock,
		Renderer:  t.renderer,
		Theme:     t.theme,
		Lang:      a.language(),
		Bell:      bellTo(a.bell, out),
		Exporter:  storeExporter{store: s, lang: a.language(), clock: a.env.clock},
		ExportDir: defaultExportDir(a.env.getenv, a.env.clock.Now()),
		// A presenter console may share the meeting: follow it, and leave
		// the private things to it while it is open.
		Follow:      true,
		PollEvery:   tui.PollEvery,
		Writes:      s.Writes(watchCtx),
		ConsoleOpen: func() bool { return s.ConsoleOpen(meetingID) },
		Check: func(ctx context.Context) error {
			select {
			case err := <-checked:
				return err
			case <-ctx.Done():
				return nil
			}
		},
		Loaded: loaded,
		Width:  width,
		Height: height,
	})
	err = t.run(ctx, model, tea.WithFPS(projectorFPS))
	if note := <-started; note != "" {
		fmt.Fprintln(a.env.stderr, note)
	}
	if errors.Is(err, store.ErrDamaged) {
		return err
	}
	a.backupFor(context.WithoutCancel(ctx), s, meetingID, "end")
	return err
}

// checkAfter is how long after the program starts the damage check and
// the backup as the meeting opens begin: they read the whole file, which
// the first frame should not wait for or share the processor with.
const checkAfter = 150 * time.Millisecond

// projectorFPS is how many frames a second the projector writes at most.
// Bubble Tea's renderer is patched (third_party/bubbletea, PATCH.md) to
// write a frame when the view changes instead of on a ticker, so the rate
// costs nothing while nothing changes; it only folds a burst of changes
// (keys typed fast, a reload) into one frame per interval.
const projectorFPS = 30

// screenTerminal is the terminal a full-screen program draws on.
type screenTerminal struct {
	in, out  *os.File
	renderer *lipgloss.Renderer
	theme    tui.ThemeName
}

// openTerminal checks that standard input and output are a terminal and
// prepares its renderer (honouring NO_COLOR) and the chosen theme;
// notTerminal is the error when they are not a terminal.
func (a *app) openTerminal(notTerminal error) (screenTerminal, error) {
	in, inOK := a.env.stdin.(*os.File)
	out, outOK := a.env.stdout.(*os.File)
	if !inOK || !outOK || !term.IsTerminal(in.Fd()) || !term.IsTerminal(out.Fd()) {
		return screenTerminal{}, notTerminal
	}
	theme, err := a.themeName()
	if err != nil {
		return screenTerminal{}, err
	}
	renderer := lipgloss.NewRenderer(out)
	if a.env.getenv("NO_COLOR") != "" {
		renderer.SetColorProfile(termenv.Ascii)
	}
	return screenTerminal{in: in, out: out, renderer: renderer, theme: theme}, nil
}

// run runs model full screen until it quits. An interrupt by a signal is
// no error: every action was saved as it was taken.
func (t screenTerminal) run(ctx context.Context, model tea.Model, opts ...tea.ProgramOption) error {
	opts = append([]tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx), tea.WithInput(t.in), tea.WithOutput(t.out)}, opts...)
	final, err := tea.NewProgram(model, opts...).Run()
	if err != nil && ctx.Err() != nil {
		return nil
	}
	if err != nil {
		return err
	}
	// A model that ended by itself says why (the projector's damage
	// check).
	if f, ok := final.(interface{ Err() error }); ok {
		return f.Err()
	}
	return nil
}

func (a *app) themeName() (tui.ThemeName, error) {
	switch tui.ThemeName(a.theme) {
	case tui.ThemeDark, "":
		return tui.ThemeDark, nil
	case tui.ThemeLight:
		return tui.ThemeLight, nil
	}
	return "", meeting.Errork(meeting.EINVALID, "cli.ErrTheme", a.theme)
}

// parseStart combines a date flag and a start-time flag into the planned
// start; an empty date means today.
func parseStart(date, start string, now time.Time) (time.Time, error) {
	day := now
	if date != "" {
		var err error
		day, err = parseDate(date, now.Location())
		if err != nil {
			return time.Time{}, err
		}
	}
	hm, err := time.Parse("15:04", start)
	if err != nil {
		return time.Time{}, meeting.Errork(meeting.EINVALID, "cli.ErrStart", start)
	}
	return time.Date(day.Year(), day.Month(), day.Day(), hm.Hour(), hm.Minute(), 0, 0, now.Location()), nil
}

func parseDate(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "02-01-2006", "02.01.2006", "2.1.2006", "2-1-2006"} {
		if d, err := time.ParseInLocation(layout, s, loc); err == nil {
			return d, nil
		}
	}
	return time.Time{}, meeting.Errork(meeting.EINVALID, "cli.ErrDate", s)
}

// bellTo is where the round timer's bell goes: the terminal, when asked
// for with --bell.
func bellTo(on bool, out io.Writer) io.Writer {
	if !on {
		return nil
	}
	return out
}

// backupFor takes the backup of meeting id's start or end (when). A
// failure is told on stderr and does not stop the meeting: everything is
// in the database all the same.
func (a *app) backupFor(ctx context.Context, s *store.Store, id int64, when string) {
	if note := a.backupNote(ctx, s, id, when); note != "" {
		fmt.Fprintln(a.env.stderr, note)
	}
}

// backupNote takes the backup and returns the line that tells its
// failure, or "".
func (a *app) backupNote(ctx context.Context, s *store.Store, id int64, when string) string {
	if _, err := s.Backup(ctx, fmt.Sprintf("meeting-%d-%s", id, when), a.env.clock.Now()); err != nil {
		return "klynge: " + a.t("cli.NoBackupWarning", oneLine(msg.For(a.language()).Error(err)))
	}
	return ""
}
