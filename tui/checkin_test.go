package tui_test

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// memberByName finds a demo member.
func memberByName(t *testing.T, c meeting.Cluster, name string) meeting.Member {
	t.Helper()
	for _, p := range c.Practices {
		for _, m := range p.Members {
			if m.Name == name {
				return m
			}
		}
	}
	t.Fatalf("no member %q", name)
	return meeting.Member{}
}

func TestCheckInFiveDoctorsByTyping(t *testing.T) {
	s, m := mustDemoMeeting(t)
	cluster := rosterOf(t, s, m)
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(-3)})
	tm := startProgram(t, model, 80, 24, "tryk s")
	tm.Send(key("F"))
	waitFor(t, tm, "Fremmøde")

	steps := []struct {
		typed  string
		key    tea.KeyMsg
		member string
		status meeting.AttendanceStatus
	}{
		{"sør hans", tea.KeyMsg{Type: tea.KeyEnter}, "Søren Ærø-Hansen", meeting.StatusPresent},
		{"åse", tea.KeyMsg{Type: tea.KeyEnter}, "Åse Bødker", meeting.StatusPresent},
		{"skærb", tea.KeyMsg{Type: tea.KeyCtrlL}, "Ole Skærbæk", meeting.StatusLate},
		{"thøg", tea.KeyMsg{Type: tea.KeyCtrlA}, "Rikke Thøgersen", meeting.StatusApologies},
		{"ødum", tea.KeyMsg{Type: tea.KeyCtrlU}, "Niels Ødum", meeting.StatusAbsent},
	}
	for _, st := range steps {
		typeText(tm, st.typed)
		tm.Send(st.key)
		waitFor(t, tm, st.member+": "+map[meeting.AttendanceStatus]string{
			meeting.StatusPresent: "til stede", meeting.StatusLate: "kom senere",
			meeting.StatusApologies: "afbud", meeting.StatusAbsent: "udeblevet"}[st.status])
		if st.status == meeting.StatusApologies {
			waitFor(t, tm, "Afbud fra")
			typeText(tm, "syg barn")
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			waitFor(t, tm, "begrundelsen for")
		}
	}
	waitFor(t, tm, "3 læger til stede · 2 praksis · 1 afbud")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	view := finalView(t, tm)
	assertFits(t, view, 80, 24)

	// Each check-in was committed: a new store on the same file finds them.
	path := s.Path()
	s.Close()
	reopened, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	stored, err := reopened.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		mem := memberByName(t, cluster, st.member)
		if got := stored.Attendance[mem.ID].Status; got != st.status {
			t.Errorf("%s: stored %q, want %q", st.member, got, st.status)
		}
	}
	if r := stored.Attendance[memberByName(t, cluster, "Rikke Thøgersen").ID].Reason; r != "syg barn" {
		t.Errorf("reason %q", r)
	}
}

func TestWelcomeListsApologiesAndGuests(t *testing.T) {
	s, m := mustDemoMeeting(t)
	cluster := rosterOf(t, s, m)
	ctx := context.Background()
	mem := memberByName(t, cluster, "Åse Bødker")
	if _, err := s.SetAttendance(ctx, m.ID, meeting.Attendance{MemberID: mem.ID, Status: meeting.StatusApologies, Reason: "ferie", At: minutesAfterStart(-60)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddGuest(ctx, m.ID, meeting.Guest{Name: "Kirsten Holm-Pedersen", Role: "oplægsholder"}); err != nil {
		t.Fatal(err)
	}
	saveRun(t, s, m.ID, startAt(minutesAfterStart(0)))
	model := newModel(s, m.ID, modelOpts{now: minutesAfterStart(1)})
	tm := startProgram(t, model, 80, 24, "AFBUD")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	view := finalView(t, tm)
	for _, want := range []string{"Afbud (1)", "Åse Bødker (Lægerne Østergade) – ferie", "Gæster (1)", "Kirsten Holm-Pedersen – oplægsholder"} {
		if !strings.Contains(view, want) {
			t.Errorf("welcome lacks %q:\n%s", want, view)
		}
	}
}

func TestAddEditAndRetireADoctor(t *testing.T) {
	s, m := mustDemoMeeting(t)
	model := newModel(s, m.ID, modelOpts{})
	tm := startProgram(t, model, 80, 24, "tryk s")
	tm.Send(key("F"))
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlO})
	waitFor(t, tm, "Ny læge i klyngen")
	typeText(tm, "Åge Ny")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "aage@example.dk")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "047318") // Lægerne Østergade
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Åge Ny er med i klyngen")
	typeText(tm, "åge")
	waitFor(t, tm, "▶   Åge Ny")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlE})
	waitFor(t, tm, "Ret læge")
	typeText(tm, "sen")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Åge Nysen er rettet")
	// The notice comes with the commit; the roster reloads just after.
	waitFor(t, tm, "▶   Åge Nysen")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlR})
	waitFor(t, tm, "Udmeld læge")
	tm.Send(key("j"))
	waitFor(t, tm, "Åge Nysen er udmeldt")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	c := rosterOf(t, s, m)
	mem := memberByName(t, c, "Åge Nysen")
	if mem.Email != "aage@example.dk" || mem.Retired == nil || mem.Ydernummer != "047318" {
		t.Fatalf("member %+v", mem)
	}
}

func TestGuestFromCheckIn(t *testing.T) {
	s, m := mustDemoMeeting(t)
	model := newModel(s, m.ID, modelOpts{})
	tm := startProgram(t, model, 80, 24, "tryk s")
	tm.Send(key("F"))
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlN})
	waitFor(t, tm, "Gæst")
	typeText(tm, "Pia Farmaceut")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "farmaceut, regionen")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "er skrevet på som gæst")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Guests) != 1 || stored.Guests[0].Name != "Pia Farmaceut" || stored.Guests[0].Role != "farmaceut, regionen" {
		t.Fatalf("guests %+v", stored.Guests)
	}
}

// TestCheckInAfterTheMeetingWithFolding types check-ins three days after
// the meeting, names without Danish letters: the check-in list is the
// members active on the meeting's date (meeting.Member.ActiveOn), found
// with Danish folding, and a doctor added now joins from the meeting's
// date, so their check-in is taken.
func TestCheckInAfterTheMeetingWithFolding(t *testing.T) {
	s, m := mustDemoMeeting(t)
	model := newModel(s, m.ID, modelOpts{now: meetingStart.AddDate(0, 0, 3)})
	tm := startProgram(t, model, 80, 24, "tryk s")
	tm.Send(key("F"))
	waitFor(t, tm, "Fremmøde")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlO})
	waitFor(t, tm, "Ny læge i klyngen")
	typeText(tm, "Ærbo Ny")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "047318") // Lægerne Østergade
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Ærbo Ny er med i klyngen")
	for _, st := range []struct{ typed, name string }{
		{"aerbo", "Ærbo Ny"},
		{"soren hansen", "Søren Ærø-Hansen"},
		{"aase", "Åse Bødker"},
	} {
		typeText(tm, st.typed)
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		waitFor(t, tm, st.name+": til stede")
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	got, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := rosterOf(t, s, m)
	for _, name := range []string{"Ærbo Ny", "Søren Ærø-Hansen", "Åse Bødker"} {
		if st := got.Attendance[memberByName(t, c, name).ID].Status; st != meeting.StatusPresent {
			t.Errorf("%s: %q, want present", name, st)
		}
	}
}
