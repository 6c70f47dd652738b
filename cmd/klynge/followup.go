package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/store"
)

// followUpData is what the follow-up formats are written from.
type followUpData struct {
	m       meeting.Meeting
	c       meeting.Cluster
	pledges []meeting.Pledge // not deleted
	all     []meeting.Pledge // deleted ones too, for the calendar to cancel
	calID   string           // the database's random id, for ICS UIDs
}

// loadFollowUp reads the follow-up data of meeting m of cluster c.
func loadFollowUp(ctx context.Context, s *store.Store, m meeting.Meeting, c meeting.Cluster) (followUpData, error) {
	d := followUpData{m: m, c: c}
	var err error
	if d.all, err = s.PledgesWithDeleted(ctx, m.ID); err != nil {
		return d, err
	}
	for _, p := range d.all {
		if p.Deleted == nil {
			d.pledges = append(d.pledges, p)
		}
	}
	if d.calID, err = s.DatabaseID(ctx); err != nil {
		return d, err
	}
	return d, nil
}

// followUpFormats returns the follow-up list's formats and their writers.
func followUpFormats() map[string]func(*bytes.Buffer, followUpData) error {
	return map[string]func(*bytes.Buffer, followUpData) error{
		"md": func(b *bytes.Buffer, d followUpData) error {
			return export.WriteFollowUpMarkdown(b, d.m, d.c, d.pledges)
		},
		"csv": func(b *bytes.Buffer, d followUpData) error {
			return export.WriteFollowUpCSV(b, d.m, d.c, d.pledges)
		},
		"xlsx": func(b *bytes.Buffer, d followUpData) error {
			return export.WriteFollowUpXLSX(b, d.m, d.c, d.pledges)
		},
		"ics": func(b *bytes.Buffer, d followUpData) error {
			return export.WriteFollowUpICS(b, d.m, d.c, d.all, d.calID)
		},
	}
}

// formatFor picks the format: the flag, else the output file's extension.
func formatFor(flag, out string) (string, error) {
	f := strings.ToLower(strings.TrimSpace(flag))
	if f == "" {
		f = strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
		if f == "markdown" {
			f = "md"
		}
	}
	if _, ok := followUpFormats()[f]; !ok {
		if flag == "" {
			return "", meeting.Errorf(meeting.EINVALID, "cannot tell the format from %s: pass --format md, csv, xlsx or ics", out)
		}
		return "", meeting.Errorf(meeting.EINVALID, "unknown format %q: use md, csv, xlsx or ics", flag)
	}
	return f, nil
}

func (a *app) exportFollowUpCommand() *cobra.Command {
	var meetingID int64
	var out, format string
	var force bool
	cmd := &cobra.Command{
		Use:   "followup [--meeting ID] [--format md|csv|xlsx|ics] -o FILE [--force]",
		Short: "Write the meeting's pledges per practice: Markdown, CSV for Excel, XLSX or calendar reminders (ICS)",
		Long: "followup writes the follow-up list of a meeting (the latest without --meeting): each practice's\n" +
			"pledges with who carries them out, the due date and the linked indicator and target. The format\n" +
			"follows --format or FILE's extension: .md, .csv (Danish Excel: ';', UTF-8 BOM, dd-mm-yyyy),\n" +
			".xlsx, or .ics (one all-day event per due date with a reminder a week before).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := formatFor(format, out)
			if err != nil {
				return err
			}
			if err := checkOutput(out, force); err != nil {
				return err
			}
			ctx := cmd.Context()
			s, m, c, err := a.openMeeting(ctx, meetingID)
			if err != nil {
				return err
			}
			defer s.Close()
			d, err := loadFollowUp(ctx, s, m, c)
			if err != nil {
				return err
			}
			ps := d.pledges
			var b bytes.Buffer
			if err := followUpFormats()[f](&b, d); err != nil {
				return meeting.Errorf(meeting.EINTERNAL, "cannot write the follow-up list: %v", err)
			}
			if err := writeOutput(out, b.Bytes(), force); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.WroteFollowUp",
				m.ID, m.Title, m.PlannedStart.Format("2006-01-02"), plural(len(ps), "pledge", "pledges"), out))
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, "meeting `ID`, as klynge meeting list shows it (default: the latest meeting)")
	cmd.Flags().StringVar(&format, "format", "", "md, csv, xlsx or ics (default: from the file's extension)")
	cmd.Flags().StringVarP(&out, "out", "o", "", "output `FILE`; its folder must exist")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite FILE if it exists")
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

func (a *app) exportMinutesCommand() *cobra.Command {
	var meetingID int64
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "minutes [--meeting ID] -o FILE [--force]",
		Short: "Write the minutes (referat) of a meeting as Markdown",
		Long: "minutes writes the referat of a meeting (the latest without --meeting) in Danish: the agenda as\n" +
			"held with times, attendance and guests, the groups' questions and notes, the pledges per practice,\n" +
			"the follow-up of earlier pledges and the evaluation. It holds no figures from the data.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if ext := strings.ToLower(filepath.Ext(out)); ext != "" && ext != ".md" && ext != ".markdown" && ext != ".txt" {
				return meeting.Errorf(meeting.EINVALID, "the minutes are Markdown: name the file .md, not %s", ext)
			}
			if err := checkOutput(out, force); err != nil {
				return err
			}
			ctx := cmd.Context()
			s, m, c, err := a.openMeeting(ctx, meetingID)
			if err != nil {
				return err
			}
			defer s.Close()
			ps, err := s.Pledges(ctx, m.ID)
			if err != nil {
				return err
			}
			open, err := s.OpenPledges(ctx, m.ID)
			if err != nil {
				return err
			}
			var reviewed []meeting.Pledge
			for _, p := range open {
				if p.Review != nil && p.Review.MeetingID == m.ID {
					reviewed = append(reviewed, p)
				}
			}
			trend, err := evaluationTrend(ctx, s, c.ID, m.PlannedStart)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if err := export.WriteMinutes(&b, m, c, ps, reviewed, trend...); err != nil {
				return meeting.Errorf(meeting.EINTERNAL, "cannot write the minutes: %v", err)
			}
			if err := writeOutput(out, b.Bytes(), force); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.WroteMinutes",
				m.ID, m.Title, m.PlannedStart.Format("2006-01-02"), out))
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, "meeting `ID`, as klynge meeting list shows it (default: the latest meeting)")
	cmd.Flags().StringVarP(&out, "out", "o", "", "output `FILE` (.md); its folder must exist")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite FILE if it exists")
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

// checkOutput checks, before anything is read or written, that out can be
// written: its folder exists, and it is not an existing file unless force
// is set, nor a folder.
func checkOutput(out string, force bool) error {
	if strings.TrimSpace(out) == "" {
		return meeting.Errorf(meeting.EINVALID, "no output file given: choose one with -o FILE")
	}
	dir := filepath.Dir(filepath.Clean(out))
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return meeting.Errorf(meeting.EINVALID, "cannot write %s: the folder %s does not exist; create it first or choose another -o", out, dir)
	}
	info, err := os.Stat(out)
	switch {
	case err == nil && info.IsDir():
		return meeting.Errorf(meeting.EINVALID, "%s is a folder: choose a file with -o", out)
	case err == nil && !force:
		return meeting.Errorf(meeting.EINVALID, "%s already exists: pass --force to overwrite, or choose another -o", out)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return meeting.Errorf(meeting.EINVALID, "cannot write %s: %v", out, unwrapPathError(err))
	}
	return nil
}

// writeOutput writes data to out through a temporary file and a rename,
// checking again that it may replace a file that appeared meanwhile.
func writeOutput(out string, data []byte, force bool) error {
	if err := checkOutput(out, force); err != nil {
		return err
	}
	dir, name := filepath.Split(filepath.Clean(out))
	if dir == "" {
		dir = "."
	}
	if err := writeFileAtomic(dir, name, data); err != nil {
		return meeting.Errorf(meeting.EINVALID, "cannot write %s: %v", out, unwrapPathError(err))
	}
	return nil
}
