package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
)

// environment is everything the commands take from the process, injected
// so end-to-end tests can run them in-process.
type environment struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	clock  meeting.Clock
	// rnd is where letter codes are drawn from: crypto/rand.Reader, so no
	// one can predict a practice's code; tests pass a fixed stream.
	rnd io.Reader
}

// app holds the global flags and the environment for the subcommands.
type app struct {
	env  environment
	db   string
	lang string
	// argLang is --lang as found in the arguments before cobra reads
	// them (see langArg), for the texts worded while the commands are
	// built.
	argLang string
	theme   string
	bell    bool
}

// run executes one command line and returns the process exit code. Every
// failure becomes one line on stderr (or one per problem for a pack), never
// a stack trace.
func run(ctx context.Context, args []string, env environment) int {
	// The language is known before the commands are built, so that their
	// help is worded in it.
	a := &app{env: env, argLang: langArg(args)}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(env.stdin)
	// Commands write through inertWriter; the TUI draws on env.stdout.
	root.SetOut(newInertWriter(env.stdout))
	root.SetErr(newInertWriter(env.stderr))
	if err := root.ExecuteContext(ctx); err != nil {
		a.printError(err)
		return 1
	}
	return 0
}

// maxProblemLines is how many problems a command prints; the rest are
// counted on one more line, so a file full of errors cannot flood the
// terminal.
const maxProblemLines = 20

func (a *app) printError(err error) {
	stderr := newInertWriter(a.env.stderr)
	var problems pack.Problems
	if errors.As(err, &problems) && (errors.Is(err, errNothingImported) || problems.Count() > 1) {
		total := problems.Count()
		shown := 0
		for _, p := range problems {
			if p.More > 0 || shown == maxProblemLines {
				break
			}
			fmt.Fprintln(stderr, p.In(a.language()))
			shown++
		}
		// One closing line: how many more, and what to do.
		var end string
		switch {
		case errors.Is(err, errNothingImported):
			end = a.t("cli.ProblemsNothing", total)
		default:
			end = a.t("cli.ProblemsFound", total)
		}
		if more := total - shown; more > 0 {
			end = a.t("cli.ProblemsMore", more) + " — " + strings.TrimPrefix(end, "klynge: ")
		}
		fmt.Fprintln(stderr, end)
		return
	}
	if errors.As(err, &problems) && len(problems) == 1 {
		fmt.Fprintln(stderr, problems[0].In(a.language()))
		return
	}
	fmt.Fprintln(stderr, "klynge: "+oneLine(msg.For(a.language()).Error(err)))
}

// oneLine keeps an error message to a single line, whatever a library put
// in it.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// dbPath resolves the database file: --db, then KLYNGE_DB, then the user's
// data directory.
func (a *app) dbPath() (string, error) {
	if a.db != "" {
		return a.db, nil
	}
	if p := a.env.getenv("KLYNGE_DB"); p != "" {
		return p, nil
	}
	dir, err := userDataDir(a.env.getenv)
	if err != nil {
		return "", meeting.Errork(meeting.EINVALID, "cli.ErrNoDataFolder", err)
	}
	return filepath.Join(dir, "klynge", "klynge.db"), nil
}

// userDataDir follows each platform's convention for application data.
func userDataDir(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return d, nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return "", meeting.Errork(meeting.EINVALID, "cli.ErrEnvNotSet", "LocalAppData")
	case "darwin":
		home := getenv("HOME")
		if home == "" {
			return "", meeting.Errork(meeting.EINVALID, "cli.ErrEnvNotSet", "HOME")
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", meeting.Errork(meeting.EINVALID, "cli.ErrEnvNotSet", "HOME")
	}
	return filepath.Join(home, ".local", "share"), nil
}

// openStore opens the database. The default location's folder is created on
// first use; a folder the user named with --db or KLYNGE_DB is not, so a
// typo gives an error instead of a database in an unexpected place.
func (a *app) openStore() (*store.Store, error) {
	return a.openStoreWith(store.Open)
}

// openScreenStore opens the database for a command that shows a meeting
// on screen: its quick check is left for the screen to run beside its
// first frame (runTUI).
func (a *app) openScreenStore() (*store.Store, error) {
	screenRuntime()
	return a.openStoreWith(store.OpenCheckLater)
}

// openScratchStore is openScreenStore for a database thrown away when the
// command ends, the demo's without --db (store.OpenScratch).
func (a *app) openScratchStore() (*store.Store, error) {
	screenRuntime()
	return a.openStoreWith(store.OpenScratch)
}

// screenRuntime sets Go's runtime for a command that shows a meeting on
// screen; the other commands (exports, imports) keep Go's defaults.
func screenRuntime() {
	runtime.GOMAXPROCS(screenProcs)
	debug.SetGCPercent(screenGCPercent)
}

// screenProcs is how many threads run Go code at once while a meeting is
// on screen (GOMAXPROCS). A screen's work is one key or one frame at a
// time, and its database calls wait in C, off this count. With one per
// core (2 here) the idle scheduler threads and the collector's worker
// fought the terminal, which must draw the frame, for the cores: the
// first frame of `klynge run` on ten years came after 73 ms, with one
// after 39 (the slide viewer 59; the demo 89 against 50; medians of 15,
// alternated in tmux). Idle and round CPU and peak RSS did not grow.
const screenProcs = 1

// screenGCPercent is the collector's target (GOGC) while a meeting is on
// screen: the heap may grow by half its live size between collections, not
// by all of it as by default, about 0.5 MiB less peak RSS (ten years, and
// the demo); a screen allocates little once shown, so the idle agenda and
// a running round's CPU stayed within 0.05 % of a core.
const screenGCPercent = 50

func (a *app) openStoreWith(open func(string) (*store.Store, error)) (*store.Store, error) {
	path, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	if a.db == "" && a.env.getenv("KLYNGE_DB") == "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, meeting.Errork(meeting.EINVALID, "cli.ErrCreateDataFolder", filepath.Dir(path), unwrapPathError(err))
		}
	}
	return open(path)
}

// language picks the UI language: --lang, then KLYNGE_LANG, then LANG and
// friends; Danish unless one of them asks for English.
func (a *app) language() string {
	for _, v := range []string{a.lang, a.argLang, a.env.getenv("KLYNGE_LANG"), a.env.getenv("LC_ALL"), a.env.getenv("LC_MESSAGES"), a.env.getenv("LANG")} {
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "en") {
			return "en"
		}
		return "da"
	}
	return "da"
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "klynge",
		Short:         a.t("cli.ShortRoot"),
		Long:          a.t("cli.LongRoot"),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Global flags are checked before any command touches the disk.
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := a.themeName(); err != nil {
				return err
			}
			if err := requiredFlags(cmd); err != nil {
				return err
			}
			return checkFlagTexts(cmd)
		},
	}
	root.PersistentFlags().StringVar(&a.db, "db", "", a.t("cli.FlagDB"))
	root.PersistentFlags().StringVar(&a.lang, "lang", "", a.t("cli.FlagLang"))
	root.PersistentFlags().StringVar(&a.theme, "theme", "dark", a.t("cli.FlagTheme"))
	root.PersistentFlags().BoolVar(&a.bell, "bell", false, a.t("cli.FlagBell"))
	root.AddCommand(a.demoCommand(), a.initCommand(), a.packCommand(), a.meetingCommand(), a.dataCommand(), a.runCommand(), a.consoleCommand(), a.versionCommand())
	root.AddCommand(a.exportCommand())
	root.AddCommand(a.rosterCommand(), a.attendanceCommand())
	root.AddCommand(a.pledgeCommand())
	root.AddCommand(a.evaluationCommand(), a.decisionsCommand(), a.planCommand())
	root.AddCommand(a.checkCommand(), a.backupCommand(), a.restoreCommand())
	root.AddCommand(a.devCommand())
	a.localize(root)
	return root
}

// clusterFor picks the cluster a new meeting belongs to, with its
// practices: the one given, or the only one in the database.
func clusterFor(ctx context.Context, s *store.Store, id int64) (meeting.Cluster, error) {
	if id != 0 {
		return s.Cluster(ctx, id)
	}
	clusters, err := s.Clusters(ctx)
	if err != nil {
		return meeting.Cluster{}, err
	}
	switch len(clusters) {
	case 0:
		return meeting.Cluster{}, meeting.Errork(meeting.EINVALID, "cli.ErrNoCluster", s.Path())
	case 1:
		return s.Cluster(ctx, clusters[0].ID)
	}
	return meeting.Cluster{}, meeting.Errork(meeting.EINVALID, "cli.ErrManyClusters", s.Path(), len(clusters))
}

// openMeeting opens the store and reads a meeting (the latest when id is
// 0) with its cluster, the start of most commands. The caller closes the
// store; on an error it is already closed.
func (a *app) openMeeting(ctx context.Context, id int64) (*store.Store, meeting.Meeting, meeting.Cluster, error) {
	s, err := a.openStore()
	if err != nil {
		return nil, meeting.Meeting{}, meeting.Cluster{}, err
	}
	m, err := meetingFor(ctx, s, id)
	if err != nil {
		s.Close()
		return nil, meeting.Meeting{}, meeting.Cluster{}, err
	}
	c, err := s.Cluster(ctx, m.ClusterID)
	if err != nil {
		s.Close()
		return nil, meeting.Meeting{}, meeting.Cluster{}, err
	}
	return s, m, c, nil
}

// openCluster opens the store and reads a cluster (the only one when id is
// 0). The caller closes the store; on an error it is already closed.
func (a *app) openCluster(ctx context.Context, id int64) (*store.Store, meeting.Cluster, error) {
	s, err := a.openStore()
	if err != nil {
		return nil, meeting.Cluster{}, err
	}
	c, err := clusterFor(ctx, s, id)
	if err != nil {
		s.Close()
		return nil, meeting.Cluster{}, err
	}
	return s, c, nil
}

// t words a catalogue message (meeting/msg) in the user's language.
func (a *app) t(key string, args ...any) string {
	return msg.For(a.language()).T(key, args...)
}
