package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/meeting/msg"
	"github.com/klynge/klynge/store"
)

func (a *app) exportCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "export", Short: a.t("cli.ShortExport")}
	// The attendance report is the same command as `attendance report`,
	// listed here too so every export is under one command.
	attendance := a.attendanceReportCommand()
	attendance.Use = "attendance " + a.t("cli.UseReport")
	cmd.AddCommand(a.exportSlipsCommand(), a.exportFollowUpCommand(), a.exportMinutesCommand(), attendance)
	return cmd
}

func (a *app) exportSlipsCommand() *cobra.Command {
	var meetingID int64
	var dir string
	var force bool
	cmd := &cobra.Command{
		Use:   "slips " + a.t("cli.UseSlips"),
		Short: a.t("cli.ShortSlips"),
		Long:  a.t("cli.LongSlips"),
		Args:  noArgs,
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
				return meeting.Errork(meeting.EINVALID, "cli.CodesNone", m.ID, meeting.Inert(m.Title), m.ID)
			}
			if len(m.Values) == 0 {
				return meeting.Errork(meeting.EINVALID, "cli.ErrNoFigures", m.ID, meeting.Inert(m.Title), m.ID)
			}
			c, err := s.Cluster(ctx, m.ClusterID)
			if err != nil {
				return err
			}
			in, err := slipInput(ctx, s, m)
			if err != nil {
				return err
			}
			slips, err := export.SlipsWith(m, c.Practices, a.language(), in)
			if err != nil {
				return err
			}
			if len(slips) == 0 {
				return meeting.Errork(meeting.EINVALID, "cli.ErrNoCodedPractice", c.Name, m.ID)
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
			if err := writeFolder(dir, files, force, "cli.ErrSlipWrite"); err != nil {
				return err
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
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().StringVarP(&dir, "out", "o", "", a.t("cli.FlagSlipsOut"))
	cmd.Flags().BoolVar(&force, "force", false, a.t("cli.FlagSlipsForce"))
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

// slipInput is what a slip of meeting m shows beyond its figures: the
// meeting's pledges, as the follow-up list reads them, when the cluster
// meets next (a created meeting or the year plan, the rule "næste" uses
// for a due date), and each indicator's history across the meetings.
func slipInput(ctx context.Context, s *store.Store, m meeting.Meeting) (export.SlipInput, error) {
	var in export.SlipInput
	var err error
	if in.Pledges, err = s.Pledges(ctx, m.ID); err != nil {
		return in, err
	}
	ms, err := s.MeetingPlans(ctx)
	if err != nil {
		return in, err
	}
	plan, err := s.Plan(ctx, m.ClusterID)
	if err != nil {
		return in, err
	}
	if next, ok := meeting.NextPlannedStart(ms, plan, m); ok {
		in.Next = &next
	}
	// Each quality indicator's earlier meetings, for the practice's own
	// series beside the cluster's, read together.
	var ids []string
	for _, ind := range m.Pack.Indicators {
		if !ind.Context {
			ids = append(ids, ind.ID)
		}
	}
	in.History, err = s.IndicatorHistories(ctx, m.ID, ids)
	return in, err
}

// slipFile is one rendered file, named by the practice's code only.
type slipFile struct {
	name string
	data []byte
}

// safeCode is what a code must look like to name a file.
// Compiled on first use: only the slips need it.
var safeCode = meeting.LazyRegexp(`^[A-Z]+$`)

// renderSlips renders every slip before anything is written, so a failure
// leaves the folder as it was.
func renderSlips(slips []export.Slip) ([]slipFile, error) {
	var files []slipFile
	for _, s := range slips {
		if !safeCode().MatchString(s.Code) {
			return nil, meeting.Errork(meeting.EINTERNAL, "cli.ErrBadCode", s.Code)
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
		return meeting.Errork(meeting.EINVALID, "cli.ErrIsFile", dir)
	case !errors.Is(err, fs.ErrNotExist):
		return meeting.Errork(meeting.EINVALID, "cli.ErrCannotUse", dir, unwrapPathError(err))
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if info, err := os.Stat(parent); err != nil || !info.IsDir() {
		return meeting.Errork(meeting.EINVALID, "cli.ErrCreateNoParent", dir, parent)
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		return meeting.Errork(meeting.EINVALID, "cli.ErrCannotCreate", dir, unwrapPathError(err))
	}
	return nil
}

// writeFolder writes files into dir as every folder export does: the
// folder must exist (README, Exports), so a typo never puts files in a new
// folder no one looks in; nothing is overwritten without force; each file
// goes through a temporary file and a rename. failKey words a failed
// write (file, cause, files written, files in all).
func writeFolder(dir string, files []slipFile, force bool, failKey string) error {
	if err := requireDir(dir); err != nil {
		return err
	}
	if err := checkOverwrite(dir, files, force); err != nil {
		return err
	}
	if written, name, err := writeFilesAtomic(dir, files); err != nil {
		return meeting.Errork(meeting.EINVALID, failKey,
			filepath.Join(dir, name), unwrapPathError(err), written, len(files))
	}
	return nil
}

// syncers is how many files writeFilesAtomic syncs at once.
const syncers = 8

// writeFilesAtomic writes files into dir as writeFileAtomic writes one:
// each through a temporary file, synced, and a rename, so a crash leaves
// every file either as it was or whole. All are written and synced before
// the first rename, the syncs side by side: the file system then commits
// its journal once for several files, where one sync after the other
// waited for a commit each (60 slips: most of the export's time). A
// failure before the renames leaves the folder as it was; written counts
// the files renamed into place before a failure, and name is the file
// that failed.
func writeFilesAtomic(dir string, files []slipFile) (written int, name string, err error) {
	temps := make([]*os.File, len(files))
	defer func() {
		for _, f := range temps {
			if f != nil {
				f.Close()
				os.Remove(f.Name())
			}
		}
	}()
	for i, f := range files {
		t, err := os.CreateTemp(dir, "."+f.name+"-*.tmp")
		if err != nil {
			return 0, f.name, err
		}
		temps[i] = t
		if _, err := t.Write(f.data); err != nil {
			return 0, f.name, err
		}
	}
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(syncers, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = temps[i].Sync()
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, f := range files {
		if errs[i] != nil {
			return 0, f.name, errs[i]
		}
	}
	for i, f := range files {
		t := temps[i]
		if err := t.Close(); err != nil {
			return i, f.name, err
		}
		if err := os.Rename(t.Name(), filepath.Join(dir, f.name)); err != nil {
			return i, f.name, err
		}
		temps[i] = nil
	}
	return len(files), "", nil
}

// requireDir fails unless dir is an existing folder.
func requireDir(dir string) error {
	if strings.TrimSpace(dir) == "" {
		return meeting.Errork(meeting.EINVALID, "cli.ErrNoDir")
	}
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		return meeting.Errork(meeting.EINVALID, "cli.ErrIsFile", dir)
	case errors.Is(err, fs.ErrNotExist):
		return meeting.Errork(meeting.EINVALID, "cli.ErrDirMissing", dir)
	}
	return meeting.Errork(meeting.EINVALID, "cli.ErrCannotUse", dir, unwrapPathError(err))
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
// makes it. It is writeFilesAtomic for one file.
func writeFileAtomic(dir, name string, data []byte) error {
	_, _, err := writeFilesAtomic(dir, []slipFile{{name: name, data: data}})
	return err
}

// unwrapPathError drops the operation and path an *fs.PathError repeats,
// since the message already names the file, and words the common causes
// through the catalogue (the operating system words them in English).
func unwrapPathError(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	for _, c := range []struct {
		is  error
		key string
	}{
		{fs.ErrPermission, "cli.SysPermission"},
		{fs.ErrNotExist, "cli.SysNotExist"},
		{fs.ErrExist, "cli.SysExists"},
		{syscall.ENOSPC, "cli.SysNoSpace"},
		{syscall.EROFS, "cli.SysReadOnly"},
		{syscall.EISDIR, "cli.SysIsDir"},
		{syscall.ENOTDIR, "cli.SysNotDir"},
	} {
		if errors.Is(err, c.is) {
			return meeting.Errork(meeting.EINVALID, c.key)
		}
	}
	return err
}
