package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/store"
)

// storeExporter writes the standard set of exports for the TUI's export
// form: minutes, follow-up lists, attendance and personal slips.
type storeExporter struct {
	store *store.Store
	lang  string
	clock meeting.Clock
}

// ExportAll renders every file first and refuses to overwrite any, so a
// failure leaves the folder as it was; each file is written through a
// temporary file and a rename.
func (e storeExporter) ExportAll(ctx context.Context, meetingID int64, dir string) ([]string, error) {
	s := e.store
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	c, err := s.Cluster(ctx, m.ClusterID)
	if err != nil {
		return nil, err
	}
	d, err := loadFollowUp(ctx, s, m, c)
	if err != nil {
		return nil, err
	}
	pledges := d.pledges
	open, err := s.OpenPledges(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	var reviewed []meeting.Pledge
	for _, p := range open {
		if p.Review != nil && p.Review.MeetingID == m.ID {
			reviewed = append(reviewed, p)
		}
	}
	history, err := s.AttendanceHistory(ctx, c.ID, time.Time{})
	if err != nil {
		return nil, err
	}

	var files []slipFile
	add := func(name string, write func(*bytes.Buffer) error) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return meeting.Errork(meeting.EINTERNAL, "cli.ErrCannotWrite", name, err)
		}
		files = append(files, slipFile{name, b.Bytes()})
		return nil
	}
	trend, err := evaluationTrend(ctx, s, c.ID, m.PlannedStart)
	if err != nil {
		return nil, err
	}
	if err := add("referat.md", func(b *bytes.Buffer) error { return export.WriteMinutes(b, e.lang, m, c, pledges, reviewed, trend...) }); err != nil {
		return nil, err
	}
	for _, f := range []string{"md", "csv", "xlsx", "ics"} {
		write := followUpFormats(e.lang)[f]
		if err := add("opfoelgning."+f, func(b *bytes.Buffer) error { return write(b, d) }); err != nil {
			return nil, err
		}
	}
	now := e.clock.Now()
	from := dayStart(now).AddDate(-1, 0, 1)
	report := attendanceReport{cluster: c, rows: meeting.AttendanceReportSince(c, history, c.Rule, from, now),
		from: from, to: now, held: heldBetween(history, from, now), lang: e.lang}
	if err := add("fremmoede.csv", func(b *bytes.Buffer) error { return report.writeCSV(b) }); err != nil {
		return nil, err
	}
	if len(m.Codes) > 0 {
		in, err := slipInput(ctx, s, m)
		if err != nil {
			return nil, err
		}
		slips, err := export.SlipsWith(m, c.Practices, e.lang, in)
		if err != nil {
			return nil, err
		}
		rendered, err := renderSlips(slips)
		if err != nil {
			return nil, err
		}
		files = append(files, rendered...)
	}

	// A second export of the evening goes to a fresh folder beside the
	// first (klynge-2026-12-03-2) instead of failing on the files there.
	dir = freshExportDir(dir, files)
	if err := prepareSlipDir(dir); err != nil {
		return nil, err
	}
	if err := checkOverwrite(dir, files, false); err != nil {
		return nil, err
	}
	written, name, err := writeFilesAtomic(dir, files)
	paths := make([]string, 0, written)
	for _, f := range files[:written] {
		paths = append(paths, filepath.Join(dir, f.name))
	}
	if err != nil {
		return paths, meeting.Errork(meeting.EINVALID, "cli.ErrCannotWrite", filepath.Join(dir, name), unwrapPathError(err))
	}
	return paths, nil
}

// freshExportDir is dir when it is missing or holds none of files, else
// the first of dir-2, dir-3, … that is.
func freshExportDir(dir string, files []slipFile) string {
	clean := filepath.Clean(dir)
	for n := 1; n < 1000; n++ {
		cand := clean
		if n > 1 {
			cand = fmt.Sprintf("%s-%d", clean, n)
		}
		info, err := os.Stat(cand)
		if err != nil {
			return cand // missing (prepareSlipDir makes it) or unusable (it says why)
		}
		if !info.IsDir() {
			continue
		}
		taken := false
		for _, f := range files {
			if _, err := os.Lstat(filepath.Join(cand, f.name)); err == nil {
				taken = true
				break
			}
		}
		if !taken {
			return cand
		}
	}
	return clean
}

// defaultExportDir suggests a folder for the exports: klynge-<date> in the
// user's home folder.
func defaultExportDir(getenv func(string) string, m time.Time) string {
	home := getenv("HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	return filepath.Join(home, "klynge-"+m.Format("2006-01-02"))
}
