package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// helpScreens opens each screen of the help model.
func helpScreens() map[string]func(m *Model) {
	screens := map[string]func(m *Model){
		"agenda":    func(m *Model) { m.active = screenAgenda },
		"consent":   func(m *Model) { m.open(screenConsent) },
		"pledges":   func(m *Model) { m.open(screenPledges) },
		"follow-up": func(m *Model) { m.open(screenFollowUp) },
		"history":   func(m *Model) { m.active = screenHistory },
		"checkin":   func(m *Model) { m.open(screenCheckin) },
	}
	for _, kind := range []meeting.ItemKind{meeting.KindWelcome, meeting.KindTalk, meeting.KindData, meeting.KindGroupwork, meeting.KindPlenum} {
		screens[string(kind)] = func(m *Model) {
			for j, it := range m.meeting.Items {
				if it.Kind == kind {
					m.show(j)
					return
				}
			}
		}
	}
	return screens
}

// TestHelpListsEachKeyOnce: the ? overlay of every screen names no key
// twice (C and P were offered by a screen and again as global keys).
func TestHelpListsEachKeyOnce(t *testing.T) {
	for name, open := range helpScreens() {
		t.Run(name, func(t *testing.T) {
			m := helpModel(t)
			open(m)
			seen := map[string]bool{}
			for _, g := range m.helpGroups() {
				for _, b := range g {
					k := b.Help().Key
					if seen[k] {
						t.Errorf("%q is listed twice in the help of %s", k, name)
					}
					seen[k] = true
				}
			}
		})
	}
}

// TestCheckinKeysReachable: on check-in, where letters filter, F1 opens
// the help listing every status key, the guest and new-doctor keys; the
// footer offers F1, and ? is typed into the filter.
func TestCheckinKeysReachable(t *testing.T) {
	m := helpModel(t)
	m.update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.open(screenCheckin)
	if foot := m.footer(); !strings.Contains(foot, "f1 taster") || !strings.Contains(foot, "ctrl+c") {
		t.Errorf("footer does not offer f1 and ctrl+c:\n%s", foot)
	}
	m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	if m.showHelp || m.checkin.filter.Value() != "?" {
		t.Fatalf("? should be typed into the filter (help %v, filter %q)", m.showHelp, m.checkin.filter.Value())
	}
	m.handleKey(tea.KeyMsg{Type: tea.KeyF1})
	if !m.showHelp {
		t.Fatal("f1 did not open the help on check-in")
	}
	view := m.View()
	for _, k := range []string{"ctrl+a", "ctrl+u", "ctrl+l", "ctrl+g", "ctrl+x", "ctrl+n", "ctrl+o", "ctrl+e", "ctrl+r", "tab"} {
		if !strings.Contains(view, k) {
			t.Errorf("help on check-in lacks %s:\n%s", k, view)
		}
	}
}

// TestCheckinListsGuestsByName: guests stand by name under their own
// heading, not only as a count.
func TestCheckinListsGuestsByName(t *testing.T) {
	m := helpModel(t)
	mt := *m.meeting
	mt.Guests = []meeting.Guest{{Name: "Gitte Gæst", Role: "farmaceut"}}
	m.update(tea.WindowSizeMsg{Width: 80, Height: 60})
	m.update(meetingMsg{meeting: mt, cluster: m.checkin.cluster})
	m.open(screenCheckin)
	if v := m.View(); !strings.Contains(v, "Gæster") || !strings.Contains(v, "Gitte Gæst") || !strings.Contains(v, "farmaceut") {
		t.Errorf("the guest is not listed by name:\n%s", v)
	}
}

// TestRoundPrevNext: ←/h and → show the neighbouring items on the group
// work screen, as on every item screen.
func TestRoundPrevNext(t *testing.T) {
	m := helpModel(t)
	helpScreens()[string(meeting.KindGroupwork)](m)
	at := m.shown
	m.handleKey(tea.KeyMsg{Type: tea.KeyLeft})
	if m.shown != at-1 {
		t.Errorf("← shows item %d, want %d", m.shown, at-1)
	}
	helpScreens()[string(meeting.KindGroupwork)](m)
	m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("h")})
	if m.shown != at-1 {
		t.Errorf("h shows item %d, want %d", m.shown, at-1)
	}
	helpScreens()[string(meeting.KindGroupwork)](m)
	m.handleKey(tea.KeyMsg{Type: tea.KeyRight})
	if m.shown != at+1 {
		t.Errorf("→ shows item %d, want %d", m.shown, at+1)
	}
}
