package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// testCluster is a small cluster with Danish letters in its names, practices
// given out of ydernummer order, and a retired member.
func testCluster() meeting.Cluster {
	retired := time.Date(2024, 12, 31, 16, 0, 0, 0, time.FixedZone("CET", 3600))
	return meeting.Cluster{
		Name: "Klynge Ærø-Sønderborg",
		Practices: []meeting.Practice{
			{Ydernummer: "045678", Name: "Lægerne på Åbrinken", Members: []meeting.Member{
				{Name: "Søren Øster", Email: "soren@example.dk", Role: meeting.RoleCoordinator},
				{Name: "Åse Ærbø", Email: "aase@example.dk", Role: meeting.RoleMember, Retired: &retired},
			}},
			{Ydernummer: "012345", Name: "Lægehuset Østergade", Members: []meeting.Member{
				{Name: "Bjørn Krøyer", Ydernummer: "012345"}, // no role: member
			}},
			{Ydernummer: "099999", Name: "Solopraksis uden læger endnu"},
		},
	}
}

// equalClusters fails unless got and want hold the same values, comparing
// retirement times as instants with their offsets.
func equalClusters(tb testing.TB, got, want meeting.Cluster) {
	tb.Helper()
	if got.ID != want.ID || got.Name != want.Name || len(got.Practices) != len(want.Practices) {
		tb.Fatalf("cluster = %+v\nwant      %+v", got, want)
	}
	for i := range want.Practices {
		gp, wp := got.Practices[i], want.Practices[i]
		if gp.Ydernummer != wp.Ydernummer || gp.Name != wp.Name || len(gp.Members) != len(wp.Members) {
			tb.Errorf("practice %d = %+v\nwant        %+v", i, gp, wp)
			continue
		}
		for j := range wp.Members {
			gm, wm := gp.Members[j], wp.Members[j]
			if !sameTimePtr(gm.Retired, wm.Retired) {
				tb.Errorf("practice %s member %d retired = %v, want %v", wp.Ydernummer, j, gm.Retired, wm.Retired)
			}
			gm.Retired, wm.Retired = nil, nil
			if !reflect.DeepEqual(gm, wm) {
				tb.Errorf("practice %s member %d = %+v\nwant %+v", wp.Ydernummer, j, gm, wm)
			}
		}
	}
}

func TestCreateCluster_RoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	in := testCluster()
	c, err := s.CreateCluster(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 {
		t.Fatal("CreateCluster returned no ID")
	}
	for _, p := range c.Practices {
		for _, m := range p.Members {
			if m.ID == 0 || m.Ydernummer != p.Ydernummer || m.Role == "" {
				t.Errorf("member not filled in: %+v", m)
			}
		}
	}
	if in.Practices[1].Members[0].Role != "" || in.Practices[0].Members[0].ID != 0 {
		t.Error("CreateCluster changed the caller's members")
	}

	got, err := s.Cluster(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Practices come back ordered by ydernummer.
	want := c
	want.Practices = []meeting.Practice{c.Practices[1], c.Practices[0], c.Practices[2]}
	equalClusters(t, got, want)
	if got.Name != "Klynge Ærø-Sønderborg" || got.Practices[0].Members[0].Name != "Bjørn Krøyer" {
		t.Errorf("names changed: %q, %q", got.Name, got.Practices[0].Members[0].Name)
	}
	if r := got.Practices[1].Members[1].Retired; r == nil {
		t.Error("retirement lost")
	} else if _, off := r.Zone(); off != 3600 {
		t.Errorf("retirement offset = %d, want 3600", off)
	}
	if n := got.DoctorCount(); n != 3 {
		t.Errorf("DoctorCount = %d, want 3", n)
	}
}

func TestCreateCluster_Invalid(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		change func(*meeting.Cluster)
		want   string
	}{
		{"no name", func(c *meeting.Cluster) { c.Name = "  " }, "needs a name"},
		{"no ydernummer", func(c *meeting.Cluster) { c.Practices[0].Ydernummer = "" }, "needs a ydernummer"},
		{"ydernummer twice", func(c *meeting.Cluster) { c.Practices[1].Ydernummer = c.Practices[0].Ydernummer }, "045678 appears twice"},
		{"member without name", func(c *meeting.Cluster) { c.Practices[0].Members[1].Name = "" }, "member 2 of practice 045678"},
		{"member of another practice", func(c *meeting.Cluster) { c.Practices[0].Members[0].Ydernummer = "012345" }, "ydernummer 012345"},
		{"unknown role", func(c *meeting.Cluster) { c.Practices[0].Members[0].Role = "chef" }, `role "chef"`},
		{"retired out of range", func(c *meeting.Cluster) {
			r := time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)
			c.Practices[0].Members[0].Retired = &r
		}, "outside the years"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := testCluster()
			tc.change(&c)
			_, err := s.CreateCluster(ctx, c)
			wantError(t, err, meeting.EINVALID, tc.want)
		})
	}
	if cs, err := s.Clusters(ctx); err != nil || len(cs) != 0 {
		t.Errorf("a refused cluster was stored: %v, %v", cs, err)
	}
}

func TestCluster_NotFound(t *testing.T) {
	s := mustOpen(t)
	_, err := s.Cluster(context.Background(), 42)
	wantError(t, err, meeting.ENOTFOUND, "cluster 42 does not exist")
}

func TestClusters(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	cs, err := s.Clusters(ctx)
	if err != nil || len(cs) != 0 {
		t.Fatalf("Clusters on a new database = %v, %v", cs, err)
	}
	var want []meeting.Cluster
	for _, name := range []string{"Øst", "Aabenraa", "Nord"} {
		c, err := s.CreateCluster(ctx, meeting.Cluster{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, meeting.Cluster{ID: c.ID, Name: name})
	}
	got, err := s.Clusters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Clusters = %+v, want %+v", got, want)
	}
}

func TestCreateCluster_SameYdernummerInTwoClusters(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	for range 2 {
		if _, err := s.CreateCluster(ctx, testCluster()); err != nil {
			t.Fatal(err)
		}
	}
}
