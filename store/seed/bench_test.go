package seed_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/store/seed"
)

// The benchmarks run on the ten-year history, made once per run in a
// template file that each benchmark copies, so one benchmark's writes do
// not change another's data.
var template struct {
	once sync.Once
	path string
	res  seed.Result
	err  error
}

// tenYears copies the ten-year history into a file of b's own and opens
// it.
func tenYears(b *testing.B) (*store.Store, seed.Result, string) {
	b.Helper()
	template.once.Do(func() {
		dir, err := os.MkdirTemp("", "klynge-bench-")
		if err != nil {
			template.err = err
			return
		}
		template.path = filepath.Join(dir, "history.db")
		s, err := store.Open(template.path)
		if err != nil {
			template.err = err
			return
		}
		defer s.Close()
		template.res, template.err = seed.History(context.Background(), s, seed.Options{Now: now, Seed: 1})
	})
	if template.err != nil {
		b.Fatal(template.err)
	}
	data, err := os.ReadFile(template.path)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "history.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	s, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, template.res, path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if template.path != "" {
		os.RemoveAll(filepath.Dir(template.path))
	}
	os.Exit(code)
}

// BenchmarkOpenLatest is start-up's share of the store on ten years:
// opening the file (with its quick check) and reading what the first
// frame shows — the latest meeting, its cluster and how many pledges wait
// for their follow-up.
func BenchmarkOpenLatest(b *testing.B) {
	_, _, path := tenYears(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		s, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		m, err := s.LatestMeeting(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Cluster(ctx, m.ClusterID); err != nil {
			b.Fatal(err)
		}
		if _, err := s.OpenPledgeCount(ctx, m.ID); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkMeetings lists all 41 meetings with everything in them, as the
// pledge form's "næste" and `klynge meeting list` need.
func BenchmarkMeetings(b *testing.B) {
	s, _, _ := tenYears(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Meetings(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAttendanceReport10Years reads ten years of attendance and
// works out every member's record under the cluster's rule.
func BenchmarkAttendanceReport10Years(b *testing.B) {
	s, r, _ := tenYears(b)
	ctx := context.Background()
	c, err := s.Cluster(ctx, r.ClusterID)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		h, err := s.AttendanceHistory(ctx, r.ClusterID, time.Time{})
		if err != nil {
			b.Fatal(err)
		}
		if rep := meeting.AttendanceReportSince(c, h, c.Rule, time.Time{}, now); len(rep) != 60 {
			b.Fatalf("%d members in the report", len(rep))
		}
	}
}

// timed runs write b.N times and reports the 99th percentile of one write
// with its commit, beside the mean Go reports.
func timed(b *testing.B, write func(i int) error) {
	b.Helper()
	b.ReportAllocs()
	var ds []time.Duration
	i := 0
	for b.Loop() {
		t0 := time.Now()
		if err := write(i); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t0))
		i++
	}
	slices.Sort(ds)
	p99 := ds[min(len(ds)-1, len(ds)*99/100)]
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
}

// BenchmarkWrite is each kind of write a key press makes, with its commit
// (synchronous=FULL, WAL), on tonight's meeting of the ten-year history.
func BenchmarkWrite(b *testing.B) {
	ctx := context.Background()
	at := now.Add(95 * time.Minute)
	setup := func(b *testing.B) (*store.Store, meeting.Meeting, meeting.Cluster) {
		s, r, _ := tenYears(b)
		m, err := s.Meeting(ctx, r.Latest())
		if err != nil {
			b.Fatal(err)
		}
		started, err := m.Start(m.PlannedStart)
		if err != nil {
			b.Fatal(err)
		}
		if m, err = s.SaveRun(ctx, started); err != nil {
			b.Fatal(err)
		}
		c, err := s.Cluster(ctx, m.ClusterID)
		if err != nil {
			b.Fatal(err)
		}
		return s, m, c
	}
	statuses := []meeting.AttendanceStatus{meeting.StatusPresent, meeting.StatusLate, meeting.StatusApologies}
	b.Run("check-in", func(b *testing.B) {
		s, m, c := setup(b)
		doc := c.Practices[3].Members[0].ID
		timed(b, func(i int) error {
			return s.RecordAttendance(ctx, m.ID, meeting.Attendance{MemberID: doc, Status: statuses[i%3], At: at})
		})
	})
	b.Run("pledge", func(b *testing.B) {
		s, m, c := setup(b)
		timed(b, func(i int) error {
			_, err := s.SavePledge(ctx, meeting.Pledge{MeetingID: m.ID, Ydernummer: c.Practices[i%30].Ydernummer,
				Action: "Sygeplejersken indkalder til årskontrol", Due: now.AddDate(0, 3, 0), Indicator: "kol-forloebsplan"})
			return err
		})
	})
	b.Run("pledge-edit", func(b *testing.B) {
		s, m, c := setup(b)
		p, err := s.SavePledge(ctx, meeting.Pledge{MeetingID: m.ID, Ydernummer: c.Practices[0].Ydernummer, Action: "x", Due: now})
		if err != nil {
			b.Fatal(err)
		}
		timed(b, func(i int) error {
			p.Action = fmt.Sprintf("Ny instruks %d", i)
			_, err := s.SavePledge(ctx, p)
			return err
		})
	})
	b.Run("follow-up", func(b *testing.B) {
		s, m, _ := setup(b)
		open, err := s.OpenPledges(ctx, m.ID)
		if err != nil {
			b.Fatal(err)
		}
		outcomes := meeting.ReviewOutcomes()
		timed(b, func(i int) error {
			_, err := s.ReviewPledge(ctx, open[i%len(open)].ID, m.ID, outcomes[i%len(outcomes)], "", at)
			return err
		})
	})
	b.Run("pledge-delete-undo", func(b *testing.B) {
		s, m, c := setup(b)
		p, err := s.SavePledge(ctx, meeting.Pledge{MeetingID: m.ID, Ydernummer: c.Practices[0].Ydernummer, Action: "x", Due: now})
		if err != nil {
			b.Fatal(err)
		}
		timed(b, func(i int) error {
			if i%2 == 0 {
				_, err = s.DeletePledge(ctx, p.ID, at)
			} else {
				_, err = s.RestorePledge(ctx, p.ID)
			}
			return err
		})
	})
	b.Run("next-item", func(b *testing.B) {
		s, m, _ := setup(b)
		timed(b, func(i int) error {
			var err error
			_, _, err = s.UpdateRun(ctx, m.ID, func(m meeting.Meeting) (meeting.Meeting, error) {
				if i%2 == 0 {
					return m.Next(at)
				}
				return m.Back()
			})
			return err
		})
	})
	b.Run("timer", func(b *testing.B) {
		s, m, _ := setup(b)
		item := m.Items[3]
		timed(b, func(i int) error {
			t, err := meeting.NewTimer(time.Duration(20+i%5) * time.Minute).Start(at)
			if err != nil {
				return err
			}
			return s.RecordTimer(ctx, m.ID, item.ID, t)
		})
	})
	b.Run("consent", func(b *testing.B) {
		s, m, c := setup(b)
		timed(b, func(i int) error { return s.RecordConsent(ctx, m.ID, c.Practices[i%30].Ydernummer, i%2 == 0, at) })
	})
	b.Run("slide", func(b *testing.B) {
		s, m, _ := setup(b)
		timed(b, func(i int) error { return s.RecordSlide(ctx, m.ID, i%5) })
	})
	b.Run("chart-page", func(b *testing.B) {
		s, m, _ := setup(b)
		timed(b, func(i int) error { return s.RecordChart(ctx, m.ID, meeting.ChartState{Page: i % 4}) })
	})
	b.Run("group-note", func(b *testing.B) {
		s, m, c := setup(b)
		var present []meeting.GroupMember
		for _, p := range c.Practices {
			for _, d := range p.Members {
				present = append(present, meeting.GroupMember{MemberID: d.ID, Name: d.Name, Ydernummer: p.Ydernummer})
			}
		}
		groups, err := meeting.FormGroups(present, meeting.GroupRequest{Size: 4}, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.SaveGroups(ctx, m.ID, groups); err != nil {
			b.Fatal(err)
		}
		item := m.Items[4]
		timed(b, func(i int) error { return s.RecordNote(ctx, m.ID, item.ID, 1+i%len(groups), fmt.Sprintf("note %d", i)) })
	})
	b.Run("guest", func(b *testing.B) {
		s, m, _ := setup(b)
		timed(b, func(i int) error {
			var err error
			if i%2 == 0 {
				_, err = s.AddGuest(ctx, m.ID, meeting.Guest{Name: "Overlæge Kirsten Holm", Role: "oplægsholder"})
			} else {
				_, err = s.RemoveGuest(ctx, m.ID, 0)
			}
			return err
		})
	})
}

// dataFile writes the 30 practices' six indicators of tonight's meeting as
// a data file, as a coordinator imports it.
func dataFile(b *testing.B, m meeting.Meeting) []byte {
	var buf bytes.Buffer
	buf.WriteString("ydernummer;indikator;tæller;nævner;værdi;periode\n")
	f := func(p *float64) string {
		if p == nil {
			return ""
		}
		return fmt.Sprintf("%g", *p+1)
	}
	for _, v := range m.Values {
		fmt.Fprintf(&buf, "%s;%s;%s;%s;%s;%s\n", v.Ydernummer, v.Indicator, f(v.Numerator), f(v.Denominator), f(v.Value), v.Period)
	}
	if len(m.Values) != 180 {
		b.Fatalf("%d figures, want 180", len(m.Values))
	}
	return buf.Bytes()
}

// BenchmarkImportData30 reads and imports a 30-practice data file (180
// figures, each changed) into tonight's meeting.
func BenchmarkImportData30(b *testing.B) {
	s, r, _ := tenYears(b)
	ctx := context.Background()
	m, err := s.Meeting(ctx, r.Latest())
	if err != nil {
		b.Fatal(err)
	}
	file := dataFile(b, m)
	var ds []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		rows, err := pack.ReadData(bytes.NewReader(file), "tal.csv", m.Pack.Indicators)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.ImportValues(ctx, m.ID, rows); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t0))
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkImportRoster60 reads a 60-doctor roster file, each doctor with
// a new e-mail, and brings the cluster up to date from it.
func BenchmarkImportRoster60(b *testing.B) {
	s, r, _ := tenYears(b)
	ctx := context.Background()
	c, err := s.Cluster(ctx, r.ClusterID)
	if err != nil {
		b.Fatal(err)
	}
	file := func(i int) io.Reader {
		var buf bytes.Buffer
		buf.WriteString("ydernummer;praksis;læge;email;rolle\n")
		for _, p := range c.Practices {
			for j, d := range p.Members {
				role := "medlem"
				if d.Role == meeting.RoleCoordinator {
					role = "koordinator"
				}
				fmt.Fprintf(&buf, "%s;%s;%s;l%d.%d.%d@example.dk;%s\n", p.Ydernummer, p.Name, d.Name, d.ID, j, i, role)
			}
		}
		return &buf
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		practices, err := pack.ReadRoster(file(i), "roster.csv")
		if err != nil {
			b.Fatal(err)
		}
		res, err := s.ImportRoster(ctx, c.ID, practices, now)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Updated) != 60 {
			b.Fatalf("%d doctors updated, want 60", len(res.Updated))
		}
		i++
	}
}
