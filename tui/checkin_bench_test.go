package tui

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
)

// sixtyMemberCluster is a large cluster: 25 practices, 60 doctors.
func sixtyMemberCluster() meeting.Cluster {
	first := []string{"Søren", "Åse", "Ole", "Mette", "Jørgen", "Inger", "Niels", "Hanne", "Lars", "Pia"}
	last := []string{"Ærø-Hansen", "Bødker", "Skærbæk", "Kjærgaard", "Vestergård", "Gråbøl", "Ødum", "Bæk", "Halkjær", "Dræby"}
	c := meeting.Cluster{ID: 1, Name: "Stor klynge"}
	id := int64(1)
	for p := 0; p < 25; p++ {
		pr := meeting.Practice{Ydernummer: fmt.Sprintf("%06d", 100000+p), Name: fmt.Sprintf("Lægerne %s %d", last[p%10], p)}
		for d := 0; d < 2+p%2*1+btoi(p < 5); d++ {
			if id > 60 {
				break
			}
			pr.Members = append(pr.Members, meeting.Member{ID: id, Name: first[int(id)%10] + " " + last[int(id*7)%10], Ydernummer: pr.Ydernummer})
			id++
		}
		c.Practices = append(c.Practices, pr)
	}
	return c
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// BenchmarkCheckinFilterKeystroke measures one typed letter on the
// check-in screen of a 60-member roster: the filter and the list.
func BenchmarkCheckinFilterKeystroke(b *testing.B) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	text := Language("da")
	c := &Common{Renderer: r, Styles: NewStyles(r, ThemeDark), Keys: DefaultKeyMap(text), Text: text, Clock: meeting.FixedClock(time.Now())}
	s := newCheckinScreen(c)
	s.SetSize(80, 19)
	cluster := sixtyMemberCluster()
	s.setMeeting(meeting.Meeting{PlannedStart: time.Now()}, cluster)
	keys := []tea.KeyMsg{
		{Type: tea.KeyRunes, Runes: []rune("s")}, {Type: tea.KeyRunes, Runes: []rune("ø")},
		{Type: tea.KeyRunes, Runes: []rune("r")}, {Type: tea.KeyBackspace}, {Type: tea.KeyBackspace}, {Type: tea.KeyBackspace},
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		s.Update(keys[i%len(keys)])
		_ = s.View()
		i++
	}
}

// TestCheckinFilterIsAsLongAsANameAtMost: a page of text pasted into the
// check-in filter is cut to the longest name a doctor or practice may
// have, which is still found, so each key after it stays quick.
func TestCheckinFilterIsAsLongAsANameAtMost(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	text := Language("da")
	c := &Common{Renderer: r, Styles: NewStyles(r, ThemeDark), Keys: DefaultKeyMap(text), Text: text, Clock: meeting.FixedClock(time.Now())}
	long := strings.Repeat("Å", meeting.TextPracticeName.MaxLen())
	cluster := sixtyMemberCluster()
	cluster.Practices[0].Name = long
	tests := []struct {
		name, paste string
		want        int // characters in the filter
		found       bool
	}{
		{"a name", "Søren", 5, true},
		{"the longest practice name", long, len([]rune(long)), true},
		{"a page of text", strings.Repeat("Ab漢👍 ", 20000), meeting.TextPracticeName.MaxLen(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newCheckinScreen(c)
			s.SetSize(80, 19)
			s.setMeeting(meeting.Meeting{PlannedStart: time.Now()}, cluster)
			s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(tt.paste), Paste: true})
			if got := len([]rune(s.filter.Value())); got != tt.want {
				t.Errorf("the filter holds %d characters, want %d", got, tt.want)
			}
			if found := s.selected() != nil; found != tt.found {
				t.Errorf("a doctor is found: %v, want %v", found, tt.found)
			}
		})
	}
}

func TestSixtyMemberClusterHasSixty(t *testing.T) {
	if n := sixtyMemberCluster().DoctorCount(); n != 60 {
		t.Fatalf("the benchmark roster has %d doctors, want 60", n)
	}
}

// BenchmarkRoundView measures one frame of a running round at 200×55:
// big digits, progress bar, questions and 15 groups.
func BenchmarkRoundView(b *testing.B) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	text := Language("da")
	start := time.Date(2026, 12, 3, 18, 15, 0, 0, time.UTC)
	c := &Common{Renderer: r, Styles: NewStyles(r, ThemeDark), Keys: DefaultKeyMap(text), Text: text, Clock: meeting.FixedClock(start.Add(7 * time.Minute))}
	s := newRoundScreen(c)
	s.SetSize(200, 55)
	timer, _ := meeting.NewTimer(20 * time.Minute).Start(start)
	var groups []meeting.Group
	for g := 1; g <= 15; g++ {
		grp := meeting.Group{Number: g}
		for i := 0; i < 4; i++ {
			grp.Members = append(grp.Members, meeting.GroupMember{MemberID: int64(g*10 + i), Name: "Søren Ærø-Hansen"})
		}
		groups = append(groups, grp)
	}
	s.setMeeting(meeting.Meeting{Groups: groups, Items: []meeting.RunItem{{
		AgendaItem: meeting.AgendaItem{Kind: meeting.KindGroupwork, Title: "Gruppearbejde, runde 1", Minutes: 20,
			Questions: []string{"Hvordan finder vi flere med KOL?", "Hvem laver forløbsplanen?"}},
		Started: &start, Timer: timer,
	}}})
	b.ReportAllocs()
	for b.Loop() {
		_ = s.View()
	}
}

func TestNamesSortTheDanishWay(t *testing.T) {
	c := &Common{}
	names := []string{"Åse", "Ærø", "Østergade", "Zacho", "Aage"}
	sort.Slice(names, func(i, j int) bool { return c.nameLess(names[i], names[j]) })
	if got := strings.Join(names, ","); got != "Zacho,Ærø,Østergade,Aage,Åse" && got != "Zacho,Ærø,Østergade,Åse,Aage" {
		t.Errorf("Danish order: %s", got)
	}
}
