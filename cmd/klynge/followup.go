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

// followUpFormats returns the follow-up list's formats and their writers,
// which word the lists in lang.
func followUpFormats(lang string) map[string]func(*bytes.Buffer, followUpData) error {
	return map[string]func(*bytes.Buffer, followUpData) error{
		"md": func(b *bytes.Buffer, d followUpData) error {
			return export.WriteFollowUpMarkdown(b, lang, d.m, d.c, d.pledges)
		},
		"csv": func(b *bytes.Buffer, d followUpData) error {
			return export.WriteFollowUpCSV(b, lang, d.m, d.c, d.pledges)
		},
		"xlsx": func(b *bytes.Buffer, d followUpData) error {
			return export.WriteFollowUpXLSX(b, lang, d.m, d.c, d.pledges)
		},
		"ics": func(b *bytes.Buffer, d followUpData) error {
			return export.WriteFollowUpICS(b, lang, d.m, d.c, d.all, d.calID)
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
	if _, ok := followUpFormats("da")[f]; !ok {
		if flag == "" {
			return "", meeting.Errork(meeting.EINVALID, "cli.ErrFollowUpFormatFromExt", out)
		}
		return "", meeting.Errork(meeting.EINVALID, "cli.ErrFollowUpFormatUnknown", flag)
	}
	return f, nil
}

func (a *app) exportFollowUpCommand() *cobra.Command {
	var meetingID int64
	var out, format string
	var force bool
	cmd := &cobra.Command{
		Use:   "followup " + a.t("cli.UseFollowUp"),
		Short: a.t("cli.ShortFollowUp"),
		Long:  a.t("cli.LongFollowUp"),
		Args:  noArgs,
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
			if err := followUpFormats(a.language())[f](&b, d); err != nil {
				return meeting.Errork(meeting.EINTERNAL, "cli.ErrWriteFollowUp", err)
			}
			if err := writeOutput(out, b.Bytes(), force); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.WroteFollowUp",
				m.ID, meeting.Inert(m.Title), m.PlannedStart.Format("2006-01-02"), len(ps), out))
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().StringVar(&format, "format", "", a.t("cli.FlagFollowUpFormat"))
	cmd.Flags().StringVarP(&out, "out", "o", "", a.t("cli.FlagOutFile"))
	cmd.Flags().BoolVar(&force, "force", false, a.t("cli.FlagForceFile"))
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

func (a *app) exportMinutesCommand() *cobra.Command {
	var meetingID int64
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "minutes " + a.t("cli.UseMinutes"),
		Short: a.t("cli.ShortMinutes"),
		Long:  a.t("cli.LongMinutes"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if ext := strings.ToLower(filepath.Ext(out)); ext != "" && ext != ".md" && ext != ".markdown" && ext != ".txt" {
				return meeting.Errork(meeting.EINVALID, "cli.ErrMinutesExt", ext)
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
			if err := export.WriteMinutes(&b, a.language(), m, c, ps, reviewed, trend...); err != nil {
				return meeting.Errork(meeting.EINTERNAL, "cli.ErrWriteMinutes", err)
			}
			if err := writeOutput(out, b.Bytes(), force); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.t("cli.WroteMinutes",
				m.ID, meeting.Inert(m.Title), m.PlannedStart.Format("2006-01-02"), out))
			return nil
		},
	}
	cmd.Flags().Int64Var(&meetingID, "meeting", 0, a.t("cli.FlagMeeting"))
	cmd.Flags().StringVarP(&out, "out", "o", "", a.t("cli.FlagMinutesOut"))
	cmd.Flags().BoolVar(&force, "force", false, a.t("cli.FlagForceFile"))
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

// checkOutput checks, before anything is read or written, that out can be
// written: its folder exists, and it is not an existing file unless force
// is set, nor a folder.
func checkOutput(out string, force bool) error {
	if strings.TrimSpace(out) == "" {
		return meeting.Errork(meeting.EINVALID, "cli.ErrNoOutFile")
	}
	dir := filepath.Dir(filepath.Clean(out))
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return meeting.Errork(meeting.EINVALID, "cli.ErrNoFolder", out, dir)
	}
	info, err := os.Stat(out)
	switch {
	case err == nil && info.IsDir():
		return meeting.Errork(meeting.EINVALID, "cli.ErrIsFolder", out)
	case err == nil && !force:
		return meeting.Errork(meeting.EINVALID, "cli.ErrExists", out)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return meeting.Errork(meeting.EINVALID, "cli.ErrCannotWrite", out, unwrapPathError(err))
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
		return meeting.Errork(meeting.EINVALID, "cli.ErrCannotWrite", out, unwrapPathError(err))
	}
	return nil
}
