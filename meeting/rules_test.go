package meeting_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Åse":            "ase",
		"Aase":           "ase",
		"Søren":          "soren",
		"Soeren":         "soren",
		"Ærø-Hansen":     "aero-hansen",
		"José Martínez":  "jose martinez",
		"Müller":         "muller",
		"Straße":         "strasse",
		"AAGAARD ågård":  "agard agard",
		"plain ascii 42": "plain ascii 42",
	} {
		if got := meeting.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchesNameDanishFolding(t *testing.T) {
	tests := []struct {
		query, name string
		want        bool
	}{
		{"aase", "Åse Jensen", true},
		{"ase", "Åse Jensen", true},
		{"soren", "Søren Ærø-Hansen", true},
		{"soeren", "Søren Ærø-Hansen", true},
		{"sø", "Søren Ærø-Hansen", true},
		{"SØR han", "Søren Ærø-Hansen", true},
		{"ae", "Ærø Lægehus", true},
		{"aero", "Søren Ærø-Hansen", true},
		{"ærø", "Aeroe Andersen", true},
		{"Jose", "José Martínez", true},
		{"martinez", "José Martínez", true},
		{"aagaard", "Mette Ågård", true},
		{"ågård", "Mette Aagaard", true},
		{"oerum", "Lars Ørum", true},
		{"ensen", "Lars Joensen", true}, // the "e" of "oe" still counts
		{"joensen", "Lars Joensen", true},
		{"jønsen", "Lars Joensen", true},
		{"muller", "Anna Müller", true},
		{"ÅSE", "åse", true},
		{"", "Anyone", true},
		{"soren", "Sara Nielsen", false},
		{"aase", "Anne Sejr", false},
		{"hansen jens", "Søren Ærø-Hansen", false},
		{"x", "Åse", false},
	}
	for _, tt := range tests {
		t.Run(tt.query+"→"+tt.name, func(t *testing.T) {
			if got := meeting.MatchesName(tt.query, tt.name); got != tt.want {
				t.Errorf("MatchesName(%q, %q) = %v, want %v (folded %q, %q)", tt.query, tt.name, got, tt.want,
					meeting.Fold(tt.query), meeting.Fold(tt.name))
			}
		})
	}
}

// rulesCluster has two practices with Danish names, a member retired in
// the autumn and one joining in the new year.
func rulesCluster() meeting.Cluster {
	retired := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	return meeting.Cluster{ID: 1, Name: "Nord", Practices: []meeting.Practice{
		{Ydernummer: "111111", Name: "Ærø Lægehus", Members: []meeting.Member{
			{ID: 1, Ydernummer: "111111", Name: "Åse Jensen"},
			{ID: 2, Ydernummer: "111111", Name: "Søren Ærø-Hansen"},
			{ID: 3, Ydernummer: "111111", Name: "Hans Hansen"},
		}},
		{Ydernummer: "222222", Name: "Lægerne i Søby", Members: []meeting.Member{
			{ID: 4, Ydernummer: "222222", Name: "Hans Hansen-Berg"},
			{ID: 5, Ydernummer: "222222", Name: "José Martínez", Retired: &retired},
			{ID: 6, Ydernummer: "222222", Name: "Sara Søndergaard", Joined: date(2027, 1, 10)},
		}},
	}}
}

func ids(ms []meeting.Member) []int64 {
	out := []int64{}
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func TestFindMembers(t *testing.T) {
	c := rulesCluster()
	day := date(2026, 11, 30)
	tests := []struct {
		query    string
		active   []int64
		inactive []int64
	}{
		{"aase", []int64{1}, []int64{}},
		{"soren", []int64{2}, []int64{}},
		{"sø", []int64{2, 4}, []int64{5, 6}},       // Søren, Søby; Søndergaard has not joined yet
		{"søby", []int64{4}, []int64{5, 6}},        // by practice name
		{"hans hansen", []int64{3}, []int64{}},     // the exact name wins over Hansen-Berg
		{"hansen", []int64{2, 3, 4}, []int64{}},    // no exact name: all
		{"Jose", []int64{}, []int64{5}},            // retired before the date
		{"ae", []int64{1, 2, 3, 4}, []int64{5, 6}}, // Ærø, Læge…
		{"aerø", []int64{1, 2, 3}, []int64{}},
		{"4", []int64{4}, []int64{}}, // a member id
		{"5", []int64{}, []int64{5}}, // a retired member's id
		{"nobody", []int64{}, []int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := ids(c.FindMembers(tt.query, day)); !slices.Equal(got, tt.active) {
				t.Errorf("FindMembers(%q) = %v, want %v", tt.query, got, tt.active)
			}
			if got := ids(c.FindInactiveMembers(tt.query, day)); !slices.Equal(got, tt.inactive) {
				t.Errorf("FindInactiveMembers(%q) = %v, want %v", tt.query, got, tt.inactive)
			}
		})
	}
}

func TestFindPractices(t *testing.T) {
	c := meeting.Cluster{Practices: []meeting.Practice{
		{Ydernummer: "111111", Name: "Ærø Lægehus"},
		{Ydernummer: "222222", Name: "Lægerne i Søby"},
		{Ydernummer: "333333", Name: "Lægehuset"},
		{Ydernummer: "444444", Name: "Åbyhøj Lægehus"},
	}}
	tests := []struct {
		query string
		want  []string
	}{
		{"aero", []string{"111111"}},
		{"soby", []string{"222222"}},
		{"aabyhoj", []string{"444444"}},
		{"222222", []string{"222222"}},
		{"lægehus", []string{"111111", "333333", "444444"}},
		{"laegehuset", []string{"333333"}},
		{"Ærø lægehus", []string{"111111"}},
		{"", nil},
		{"odense", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got []string
			for _, p := range c.FindPractices(tt.query) {
				got = append(got, p.Ydernummer)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("FindPractices(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestMemberActiveOn(t *testing.T) {
	cph := time.FixedZone("CET", 3600)
	meetingStart := time.Date(2026, 11, 30, 17, 30, 0, 0, cph)
	at := func(y int, m time.Month, d, h int, loc *time.Location) *time.Time {
		t := time.Date(y, m, d, h, 0, 0, 0, loc)
		return &t
	}
	tests := []struct {
		name   string
		member meeting.Member
		want   bool
	}{
		{"always a member", meeting.Member{}, true},
		{"retired the day before", meeting.Member{Retired: at(2026, 11, 29, 23, cph)}, false},
		{"retired that morning", meeting.Member{Retired: at(2026, 11, 30, 0, cph)}, true},
		{"retired that evening, after the start", meeting.Member{Retired: at(2026, 11, 30, 22, cph)}, true},
		{"retired later", meeting.Member{Retired: at(2027, 1, 1, 12, cph)}, true},
		{"retired on the day, recorded in UTC the evening before", meeting.Member{Retired: at(2026, 11, 29, 23, time.UTC)}, false},
		{"joined that evening", meeting.Member{Joined: *at(2026, 11, 30, 23, cph)}, true},
		{"joined the next day", meeting.Member{Joined: *at(2026, 12, 1, 0, cph)}, false},
		{"joined earlier", meeting.Member{Joined: *at(2020, 1, 1, 0, cph)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.member.ActiveOn(meetingStart); got != tt.want {
				t.Errorf("ActiveOn = %v, want %v", got, tt.want)
			}
			err := tt.member.CheckActiveAt(meeting.Meeting{PlannedStart: meetingStart})
			if (err == nil) != tt.want {
				t.Errorf("CheckActiveAt = %v, want active %v", err, tt.want)
			}
			if err != nil {
				if meeting.ErrorCode(err) != meeting.ECONFLICT {
					t.Errorf("code %q, want conflict", meeting.ErrorCode(err))
				}
				da, en := msg.For("da").Error(err), msg.For("en").Error(err)
				if !strings.Contains(da, "medlem") || strings.Contains(da, "member") || !strings.Contains(en, "member") {
					t.Errorf("messages da %q, en %q", da, en)
				}
			}
		})
	}
}

func TestActiveMembers(t *testing.T) {
	c := rulesCluster()
	tests := []struct {
		day  time.Time
		want []int64
	}{
		{date(2026, 9, 30), []int64{1, 2, 3, 4, 5}},
		{date(2026, 10, 1), []int64{1, 2, 3, 4, 5}},
		{date(2026, 10, 2), []int64{1, 2, 3, 4}},
		{date(2027, 1, 10), []int64{1, 2, 3, 4, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.day.Format(time.DateOnly), func(t *testing.T) {
			if got := ids(c.ActiveMembers(tt.day)); !slices.Equal(got, tt.want) {
				t.Errorf("ActiveMembers = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNextMeeting(t *testing.T) {
	at := func(id, cluster int64, y int, m time.Month, d int) meeting.Meeting {
		return meeting.Meeting{ID: id, ClusterID: cluster, PlannedStart: time.Date(y, m, d, 17, 30, 0, 0, time.UTC)}
	}
	this := at(1, 1, 2026, 11, 30)
	tests := []struct {
		name   string
		ms     []meeting.Meeting
		wantID int64
	}{
		{"none planned", []meeting.Meeting{this, at(2, 1, 2026, 9, 1)}, 0},
		{"another cluster's meeting is not ours", []meeting.Meeting{this, at(2, 2, 2026, 12, 5)}, 0},
		{"the same day is not next", []meeting.Meeting{this, at(2, 1, 2026, 11, 30)}, 0},
		{"the earliest later one, in any order", []meeting.Meeting{at(4, 1, 2027, 6, 1), this, at(3, 1, 2027, 3, 2), at(2, 1, 2026, 9, 1)}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := meeting.NextMeeting(tt.ms, this)
			if ok != (tt.wantID != 0) || got.ID != tt.wantID {
				t.Errorf("NextMeeting = %d, %v; want %d", got.ID, ok, tt.wantID)
			}
		})
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from time.Time
		n    int
		want string
	}{
		{date(2027, 1, 31), 1, "2027-02-28"},
		{date(2028, 1, 31), 1, "2028-02-29"},
		{date(2026, 11, 30), 3, "2027-02-28"},
		{date(2026, 11, 30), 1, "2026-12-30"},
		{date(2028, 2, 29), 1, "2028-03-29"},
		{date(2028, 2, 29), 12, "2029-02-28"},
		{date(2027, 1, 31), 3, "2027-04-30"},
		{date(2027, 3, 31), -1, "2027-02-28"},
		{date(2026, 11, 23), 3, "2027-02-23"},
	}
	for _, tt := range tests {
		t.Run(tt.from.Format(time.DateOnly), func(t *testing.T) {
			if got := meeting.AddMonths(tt.from, tt.n).Format(time.DateOnly); got != tt.want {
				t.Errorf("AddMonths(%s, %d) = %s, want %s", tt.from.Format(time.DateOnly), tt.n, got, tt.want)
			}
		})
	}
}

// TestDueDate is the due-date rule both the CLI (`klynge pledge add
// --due`) and the TUI's pledge form use.
func TestDueDate(t *testing.T) {
	mt := func(id int64, y int, m time.Month, d int) meeting.Meeting {
		return meeting.Meeting{ID: id, ClusterID: 1, PlannedStart: time.Date(y, m, d, 17, 30, 0, 0, time.UTC)}
	}
	nov30, jan31, feb29 := mt(1, 2026, 11, 30), mt(1, 2027, 1, 31), mt(1, 2028, 2, 29)
	planned := mt(9, 2027, 3, 4)
	otherCluster := meeting.Meeting{ID: 8, ClusterID: 2, PlannedStart: date(2026, 12, 10)}
	tests := []struct {
		name string
		in   string
		m    meeting.Meeting
		ms   []meeting.Meeting
		want string // "" for an error
	}{
		{"næste with a planned meeting", "næste", nov30, []meeting.Meeting{nov30, planned, otherCluster}, "04-03-2027"},
		{"next with a planned meeting", "next", nov30, []meeting.Meeting{planned, nov30}, "04-03-2027"},
		{"næste without one: three months, month end", "næste", nov30, []meeting.Meeting{nov30, otherCluster}, "28-02-2027"},
		{"næste møde", "Næste møde", jan31, nil, "30-04-2027"},
		{"1m from 31 January", "1m", jan31, nil, "28-02-2027"},
		{"3m from 30 November", "3m", nov30, []meeting.Meeting{planned}, "28-02-2027"},
		{"1m from 29 February", "1m", feb29, nil, "29-03-2028"},
		{"12m from 29 February", "12m", feb29, nil, "28-02-2029"},
		{"a date", "24-02-2027", nov30, nil, "24-02-2027"},
		{"an ISO date", "2027-02-24", nov30, nil, "24-02-2027"},
		{"the meeting day itself", "30.11.2026", nov30, nil, "30-11-2026"},
		{"a past date", "29-11-2026", nov30, nil, ""},
		{"0m", "0m", nov30, nil, ""},
		{"61m", "61m", nov30, nil, ""},
		{"not a date", "i morgen", nov30, nil, ""},
		{"empty", " ", nov30, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := tt.m.PlannedStart.Add(time.Hour)
			got, err := meeting.DueDate(tt.in, tt.m, tt.ms, now)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("DueDate(%q) = %s, want an error", tt.in, got.Format("02-01-2006"))
				}
				if meeting.ErrorCode(err) != meeting.EINVALID {
					t.Errorf("code %q", meeting.ErrorCode(err))
				}
				if da, en := msg.For("da").Error(err), msg.For("en").Error(err); da == en || strings.Contains(da, "err.") {
					t.Errorf("the error is not worded in Danish: %q", da)
				}
				return
			}
			if err != nil {
				t.Fatalf("DueDate(%q): %v", tt.in, err)
			}
			if got.Format("02-01-2006") != tt.want {
				t.Errorf("DueDate(%q) = %s, want %s", tt.in, got.Format("02-01-2006"), tt.want)
			}
		})
	}
	// A past date is refused by today, not by the meeting's date.
	later := nov30.PlannedStart.AddDate(0, 0, 10)
	if _, err := meeting.DueDate("05-12-2026", nov30, nil, later); err == nil {
		t.Error("a due date before today is refused")
	} else if s := msg.For("da").Error(err); !strings.Contains(s, "overskredet") {
		t.Errorf("Danish message %q", s)
	}
}

func TestFollowUpItem(t *testing.T) {
	pack := meeting.Pack{Title: "KOL", Agenda: []meeting.AgendaItem{
		{Kind: meeting.KindWelcome, Title: "Velkomst", Minutes: 5},
		{Kind: meeting.KindPlenum, Title: "Opfølgning på tiltag fra sidste møde", Minutes: 10},
		{Kind: meeting.KindTalk, Title: "Oplæg", Minutes: 20},
	}}
	m, err := meeting.New(pack, "", date(2026, 11, 30), date(2026, 11, 1))
	if err != nil {
		t.Fatal(err)
	}
	if i := m.FollowUpIndex(); i != -1 {
		t.Fatalf("a plenum titled like the follow-up is not the follow-up item: index %d", i)
	}
	started, err := m.Start(date(2026, 11, 30).Add(17 * time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	withFollowUp, err := started.AddFollowUp("Follow-up of last meeting's pledges")
	if err != nil {
		t.Fatal(err)
	}
	if i := withFollowUp.FollowUpIndex(); i != 1 || withFollowUp.Items[i].Kind != meeting.KindFollowUp || !withFollowUp.Items[i].AdHoc() {
		t.Fatalf("follow-up at %d: %+v", i, withFollowUp.Items)
	}
	again, err := withFollowUp.AddFollowUp("Opfølgning")
	if err != nil || len(again.Items) != len(withFollowUp.Items) {
		t.Fatalf("a second follow-up was added: %d items, %v", len(again.Items), err)
	}
	if err := withFollowUp.Validate(); err != nil {
		t.Errorf("the follow-up kind is valid: %v", err)
	}
}

func TestCheckPresenting(t *testing.T) {
	m := meeting.Meeting{
		Items: []meeting.RunItem{
			{AgendaItem: meeting.AgendaItem{Kind: meeting.KindGroupwork, Title: "Gruppearbejde"}},
			{AgendaItem: meeting.AgendaItem{Kind: meeting.KindPlenum, Title: "Plenum"}},
		},
		Groups: []meeting.Group{{Number: 1}, {Number: 2}, {Number: 3}},
	}
	tests := []struct {
		name        string
		item, group int
		code        string
	}{
		{"a group at the plenum", 1, 2, ""},
		{"the last group", 1, 3, ""},
		{"none at the plenum", 1, 0, ""},
		{"none at group work", 0, 0, ""},
		{"a group at group work", 0, 1, meeting.EINVALID},
		{"a group that does not exist", 1, 4, meeting.ENOTFOUND},
		{"a negative group", 1, -1, meeting.ENOTFOUND},
		{"an item that does not exist", 2, 1, meeting.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := m.CheckPresenting(tt.item, tt.group)
			if got := meeting.ErrorCode(err); got != tt.code {
				t.Fatalf("CheckPresenting(%d, %d) = %v, want code %q", tt.item, tt.group, err, tt.code)
			}
			got, err := m.SetPresenting(tt.item, tt.group)
			if tt.code != "" {
				if err == nil {
					t.Error("SetPresenting accepted what CheckPresenting refuses")
				}
				return
			}
			if err != nil || got.Items[tt.item].Presenting != tt.group {
				t.Errorf("SetPresenting = %v, %v", got.Items[tt.item].Presenting, err)
			}
			if m.Items[tt.item].Presenting != 0 {
				t.Error("SetPresenting changed the meeting it was called on")
			}
		})
	}
}

// BenchmarkFindMembers is one keystroke's search of a 73-doctor cluster
// (the largest in Denmark) by part of a name.
func BenchmarkFindMembers(b *testing.B) {
	first := []string{"Søren", "Åse", "Ole", "Mette", "Jørgen", "Inger", "José", "Hanne", "Lars", "Pia"}
	last := []string{"Ærø-Hansen", "Bødker", "Skærbæk", "Kjærgaard", "Vestergård", "Gråbøl", "Ødum", "Bæk", "Joensen", "Dræby"}
	c := meeting.Cluster{}
	for p := range 25 {
		pr := meeting.Practice{Ydernummer: strconv.Itoa(100000 + p), Name: "Lægerne " + last[p%10]}
		for d := range 3 {
			id := int64(p*3 + d + 1)
			if id > 73 {
				break
			}
			pr.Members = append(pr.Members, meeting.Member{ID: id, Name: first[id%10] + " " + last[id*7%10]})
		}
		c.Practices = append(c.Practices, pr)
	}
	day := date(2026, 11, 30)
	b.ReportAllocs()
	for b.Loop() {
		if len(c.FindMembers("soren aero", day)) == 0 {
			b.Fatal("no match")
		}
	}
}
