package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/meeting/msg"
)

func (a *app) exportCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "export", Short: "Write what goes out after a meeting: personal slips, follow-up list, minutes, attendance"}
	// The attendance report is the same command as `attendance report`,
	// listed here too so every export is under one command.
	attendance := a.attendanceReportCommand()
	attendance.Use = "attendance [--since DATE] [--format text|csv|xlsx] [-o FILE] [--force]"
	cmd.AddCommand(a.exportSlipsCommand(), a.exportFollowUpCommand(), a.exportMinutesCommand(), attendance)
	return cmd
}

func (a *app) exportSlipsCommand() *cobra.Command {
	var meetingID int64
	var dir string
	var force bool
	cmd := &cobra.Command{
		Use:   "slips [--meeting ID] -o DIR [--force]",
		Short: "Write one personal slip per practice: own code, own figures, the cluster's mean, benchmarks",
		Long: "slips writes DIR/slip-CODE.html (A4, to print) and DIR/slip-CODE.txt (to e-mail) for every practice\n" +
			"with a code at the meeting (the latest meeting without --meeting). Each slip names its own practice,\n" +
			"so you know which envelope it goes in; the file names carry the code only, and nothing on the\n" +
			"terminal pairs a code with a practice.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := meetingFor(ctx, s, meetingID)
			if err != nil {
				return err
			}
			if len(m.Codes) == 0 {
				return meeting.Errorf(meeting.EINVALID, "meeting %d (%s) has no letter codes yet: draw them with `klynge meeting codes --meeting %d --regenerate`", m.ID, m.Title, m.ID)
			}
			if len(m.Values) == 0 {
				return meeting.Errorf(meeting.EINVALID, "meeting %d (%s) has no figures yet: import them with `klynge data import --meeting %d FILE`", m.ID, m.Title, m.ID)
			}
			c, err := s.Cluster(ctx, m.ClusterID)
			if err != nil {
				return err
			}
			slips, err := export.Slips(m, c.Practices, a.language())
			if err != nil {
				return err
			}
			if len(slips) == 0 {
				return meeting.Errorf(meeting.EINVALID, "no practice of cluster %q has a code at meeting %d: draw the codes again with `klynge meeting codes --meeting %d --regenerate`", c.Name, m.ID, m.ID)
			}
			// The pack's language unless the coordinator asked for one.
			if a.lang != "" || a.env.getenv("KLYNGE_LANG") != "" {
				for i := range slips {
					slips[i].Lang = a.language()
				}
			}
			files, err := renderSlips(slips)
			if err != nil {
				return err
			}
			// As every export: the folder must exist (README, Exports), so a
			// typo never puts slips in a new folder no one looks in.
			if err := requireDir(dir); err != nil {
				return err
			}
			if err := checkOverwrite(dir, files, force); err != nil {
				return err
			}
			for i, f := range files {
				if err := writeFileAtomic(dir, f.name, f.data); err != nil {
					return meeting.Errorf(meeting.EINVALID, "cannot write %s: %v (%d of %d slip files were written)",
						filepath.Join(dir, f.name), unwrapPathError(err), i, len(files))
				}
			}
			out := cmd.OutOrStdout()
			fmt.Fprintln(out, a.t("cli.WroteSlips",
				len(slips), m.ID, m.Title, m.PlannedStart.Format("2006-01-02"), dir))
			if n := len(c.Practices) - len(slips); n > 0 {
				fmt.Fprintln(out, a.t("cli.SlipsNoCode", n))
			}
			if stray := straySlips(dir, files); len(stray) > 0 {
				fmt.Fprintln(out, a.t("cli.StraySlips", dir, msg.For(a.language()).Error(fileList(stray))))
			}
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, "meeting `ID`, as klynge meeting list shows it (default: the latest meeting)")
	cmd.Flags().StringVarP(&dir, "out", "o", "", "folder `DIR` for the slips; created if its parent folder exists")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite slip files already in the folder")
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

// slipFile is one rendered file, named by the practice's code only.
type slipFile struct {
	name string
	data []byte
}

// safeCode is what a code must look like to name a file.
var safeCode = regexp.MustCompile(`^[A-Z]+$`)

// renderSlips renders every slip before anything is written, so a failure
// leaves the folder as it was.
func renderSlips(slips []export.Slip) ([]slipFile, error) {
	var files []slipFile
	for _, s := range slips {
		if !safeCode.MatchString(s.Code) {
			return nil, meeting.Errorf(meeting.EINTERNAL, "letter code %q cannot name a file", s.Code)
		}
		var h, t bytes.Buffer
		if err := export.WriteSlipHTML(&h, s); err != nil {
			return nil, err
		}
		if err := export.WriteSlipText(&t, s); err != nil {
			return nil, err
		}
		files = append(files,
			slipFile{"slip-" + s.Code + ".html", h.Bytes()},
			slipFile{"slip-" + s.Code + ".txt", t.Bytes()})
	}
	return files, nil
}

// prepareSlipDir makes sure dir is a folder, creating it (0700: the slips
// hold practices' figures) when its parent exists.
func prepareSlipDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		return meeting.Errorf(meeting.EINVALID, "%s is a file, not a folder: choose a folder with -o", dir)
	case !errors.Is(err, fs.ErrNotExist):
		return meeting.Errorf(meeting.EINVALID, "cannot use %s: %v", dir, unwrapPathError(err))
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if info, err := os.Stat(parent); err != nil || !info.IsDir() {
		return meeting.Errorf(meeting.EINVALID, "cannot create %s: the folder %s does not exist; create it first or choose another -o", dir, parent)
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		return meeting.Errorf(meeting.EINVALID, "cannot create %s: %v", dir, unwrapPathError(err))
	}
	return nil
}

// requireDir fails unless dir is an existing folder.
func requireDir(dir string) error {
	if strings.TrimSpace(dir) == "" {
		return meeting.Errorfl(meeting.EINVALID, "ingen mappe angivet: vælg en med -o MAPPE", "no folder given: choose one with -o DIR")
	}
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		return meeting.Errorf(meeting.EINVALID, "%s is a file, not a folder: choose a folder with -o", dir)
	case errors.Is(err, fs.ErrNotExist):
		return meeting.Errorfl(meeting.EINVALID,
			"mappen %s findes ikke: opret den først (mkdir), eller vælg en anden med -o",
			"the folder %s does not exist: create it first (mkdir) or choose another with -o", dir)
	}
	return meeting.Errorf(meeting.EINVALID, "cannot use %s: %v", dir, unwrapPathError(err))
}

// checkOverwrite refuses to replace slip files already in dir unless
// force is set, before any file is written.
func checkOverwrite(dir string, files []slipFile, force bool) error {
	if force {
		return nil
	}
	var existing []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f.name)); err == nil {
			existing = append(existing, f.name)
		}
	}
	if len(existing) > 0 {
		return meeting.Errork(meeting.EINVALID, "cli.AlreadyHolds", dir, fileList(existing))
	}
	return nil
}

// straySlips lists slip files in dir that this export did not write: left
// from an export with other codes, they would go into the wrong envelope.
func straySlips(dir string, files []slipFile) []string {
	var stray []string
	for _, pattern := range []string{"slip-*.html", "slip-*.txt"} {
		matches, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, path := range matches {
			name := filepath.Base(path)
			if !slices.ContainsFunc(files, func(f slipFile) bool { return f.name == name }) {
				stray = append(stray, name)
			}
		}
	}
	slices.Sort(stray)
	return stray
}

// fileList names a few files and counts the rest, to keep a message on one
// line; a keyed phrase (not a failure) that the catalogue words in the user's language.
func fileList(names []string) error {
	const shown = 3
	if len(names) <= shown {
		return meeting.Errork("", "cli.FileList", strings.Join(names, ", "))
	}
	return meeting.Errork("", "cli.FileListMore", strings.Join(names[:shown], ", "), len(names)-shown)
}

// writeFileAtomic writes data to dir/name through a temporary file in the
// same folder and a rename, so a crash leaves either the old file or the
// whole new one, never half a slip. The file is 0600, as os.CreateTemp
// makes it.
func writeFileAtomic(dir, name string, data []byte) (err error) {
	f, err := os.CreateTemp(dir, "."+name+"-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(dir, name))
}

// unwrapPathError drops the operation and path an *fs.PathError repeats,
// since the message already names the file.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
