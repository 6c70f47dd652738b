package main

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
)

// demoClusterName names the embedded demo cluster.
const demoClusterName = "Demoklyngen Nordby"

func (a *app) demoCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: a.t("cli.ShortDemo"),
		Long:  a.t("cli.LongDemo"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			// Without --db the demo's database is thrown away at the end,
			// so its commits need not wait for the disk (store.OpenScratch).
			open := a.openScreenStore
			if a.db == "" {
				dir, err := os.MkdirTemp("", "klynge-demo-")
				if err != nil {
					return meeting.Errork(meeting.EINVALID, "cli.ErrDemoTemp", unwrapPathError(err))
				}
				defer os.RemoveAll(dir)
				a.db = filepath.Join(dir, "demo.db")
				open = a.openScratchStore
			}
			s, err := open()
			if err != nil {
				return err
			}
			defer s.Close()
			id, err := s.LatestMeetingID(ctx)
			if meeting.ErrorCode(err) == meeting.ENOTFOUND {
				var m meeting.Meeting
				m, err = createDemoMeeting(ctx, s, a.env.clock.Now(), a.env.rnd)
				id = m.ID
			}
			if err != nil {
				return err
			}
			return a.runTUI(ctx, s, id)
		},
	}
}

// createDemoMeeting loads the embedded roster and pack and makes a meeting
// that starts at the current five minutes, so the demo is "now", with
// letter codes drawn from rnd and the pack's figures.
func createDemoMeeting(ctx context.Context, s *store.Store, now time.Time, rnd io.Reader) (meeting.Meeting, error) {
	demo := klynge.DemoFS()
	packFS, err := fs.Sub(demo, klynge.DemoPackDir)
	if err != nil {
		return meeting.Meeting{}, meeting.Errork(meeting.EINTERNAL, "cli.ErrDemoBroken", err)
	}
	p, err := pack.Read(packFS, "demo/"+klynge.DemoPackDir)
	if err != nil {
		return meeting.Meeting{}, meeting.Errork(meeting.EINTERNAL, "cli.ErrDemoBroken", err)
	}
	f, err := demo.Open(klynge.DemoRoster)
	if err != nil {
		return meeting.Meeting{}, meeting.Errork(meeting.EINTERNAL, "cli.ErrDemoBroken", err)
	}
	defer f.Close()
	practices, err := pack.ReadRoster(f, "demo/"+klynge.DemoRoster)
	if err != nil {
		return meeting.Meeting{}, meeting.Errork(meeting.EINTERNAL, "cli.ErrDemoBroken", err)
	}
	c, err := s.CreateCluster(ctx, meeting.Cluster{Name: demoClusterName, Practices: practices})
	if err != nil {
		return meeting.Meeting{}, err
	}
	m, err := meeting.New(p, "", now.Truncate(5*time.Minute), now)
	if err != nil {
		return meeting.Meeting{}, err
	}
	m.ClusterID = c.ID
	dataPath := path.Join(klynge.DemoPackDir, pack.DataFile)
	open := func() (io.ReadCloser, error) { return demo.Open(dataPath) }
	if m.Codes, m.Values, _, err = meetingData(p, c, rnd, open, "demo/"+dataPath); err != nil {
		return meeting.Meeting{}, meeting.Errork(meeting.EINTERNAL, "cli.ErrDemoBroken", err)
	}
	return s.CreateMeeting(ctx, m)
}
