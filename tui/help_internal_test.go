package tui

import (
	"context"
	"io"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

// keyMsgs maps every key name a binding can hold ("ctrl+a", "enter", "K",
// " ") to the message the terminal sends for it.
func keyMsgs() map[string]tea.KeyMsg {
	out := map[string]tea.KeyMsg{}
	for t := tea.KeyType(-200); t < 200; t++ {
		if t == tea.KeyRunes {
			continue
		}
		k := tea.KeyMsg{Type: t}
		if t == tea.KeySpace {
			k.Runes = []rune{' '}
		}
		if s := k.String(); s != "" && len([]rune(s)) > 0 {
			if _, ok := out[s]; !ok {
				out[s] = k
			}
		}
	}
	return out
}

// allKeys are every key string of every binding of the KeyMap.
func allKeys(km KeyMap) []string {
	var keys []string
	seen := map[string]bool{}
	v := reflect.ValueOf(km)
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			for _, k := range b.Keys() {
				if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}

// helpModel is a root model with the demo meeting under way, group work
// formed and a plenum, without a store: only keys and views are used.
func helpModel(t *testing.T) *Model {
	t.Helper()
	return helpModelIn(t, "da")
}

// helpModelIn is helpModel in the UI language lang.
func helpModelIn(t *testing.T, lang string) *Model {
	t.Helper()
	demo := klynge.DemoFS()
	packFS, err := fs.Sub(demo, klynge.DemoPackDir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pack.Read(packFS, klynge.DemoPackDir)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 23, 17, 30, 0, 0, time.UTC)
	mt, err := meeting.New(p, "Møde", start, start)
	if err != nil {
		t.Fatal(err)
	}
	for i := range mt.Items {
		mt.Items[i].ID = int64(i + 1)
	}
	if mt, err = mt.Start(start); err != nil {
		t.Fatal(err)
	}
	f, err := demo.Open(klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	practices, err := pack.ReadRoster(f, klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	var yds []string
	for i := range practices {
		yds = append(yds, practices[i].Ydernummer)
		for j := range practices[i].Members {
			practices[i].Members[j].ID = int64(100*i + j + 1)
		}
	}
	if mt.Codes, err = meeting.NewCodes(yds, rand.NewChaCha8([32]byte{7})); err != nil {
		t.Fatal(err)
	}
	mt.Values = p.Data
	mt.Groups = []meeting.Group{{Number: 1}, {Number: 2}}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	m := New(context.Background(), Options{Lang: lang, Renderer: r, Clock: meeting.FixedClock(start.Add(time.Minute))})
	m.update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.update(meetingMsg{meeting: mt, cluster: meeting.Cluster{Practices: practices}})
	m.update(pledgesMsg{pledges: []meeting.Pledge{{ID: 1, Ydernummer: yds[0], Action: "a", Due: start}}})
	m.update(followUpMsg{rows: []followUpRow{{pledge: meeting.Pledge{ID: 2, Ydernummer: yds[0], Action: "b", Due: start}}}})
	m.update(historyMsg{rows: []meeting.MemberHistory{{Member: practices[0].Members[0]}, {Member: practices[0].Members[0]}}})
	return m
}

// TestKeysNotInHelpDoNothing: on each screen, a key that neither the
// screen's help nor the keys that work everywhere list changes nothing,
// so ? shows exactly the keys that work. (Screens where letters are typed
// take every other key as text, by design.)
func TestKeysNotInHelpDoNothing(t *testing.T) {
	msgs := keyMsgs()
	index := func(m meeting.Meeting, k meeting.ItemKind) int {
		for i, it := range m.Items {
			if it.Kind == k {
				return i
			}
		}
		t.Fatalf("no %s item", k)
		return -1
	}
	screens := []struct {
		name string
		open func(m *Model)
	}{
		{"agenda", func(m *Model) { m.active = screenAgenda }},
		{"item", func(m *Model) { m.show(index(*m.meeting, meeting.KindWelcome)) }},
		{"plenum", func(m *Model) { m.show(index(*m.meeting, meeting.KindPlenum)) }},
		{"slides", func(m *Model) { m.show(index(*m.meeting, meeting.KindTalk)) }},
		{"chart", func(m *Model) { m.show(index(*m.meeting, meeting.KindData)) }},
		{"round", func(m *Model) { m.show(index(*m.meeting, meeting.KindGroupwork)) }},
		{"consent", func(m *Model) { m.open(screenConsent) }},
		{"pledges", func(m *Model) { m.open(screenPledges) }},
		{"follow-up", func(m *Model) { m.open(screenFollowUp) }},
		{"history", func(m *Model) { m.active = screenHistory }},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			m := helpModel(t)
			sc.open(m)
			offered := map[string]bool{}
			for _, g := range append(m.activeScreen().FullHelp(), m.globalKeys()) {
				for _, b := range g {
					for _, k := range b.Keys() {
						offered[k] = true
					}
				}
			}
			for _, name := range allKeys(m.common.Keys) {
				if offered[name] {
					continue
				}
				m := helpModel(t)
				sc.open(m)
				before, active, trail := m.View(), m.active, len(m.trail)
				k, ok := msgs[name]
				if !ok {
					k = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
				}
				m.handleKey(k)
				if m.View() != before || m.active != active || len(m.trail) != trail || m.queue.len() != 0 ||
					m.form != nil || m.adding || m.codeKey != codeKeyClosed || m.quitting || m.showHelp {
					t.Errorf("%q is not in the help of the %s screen but does something", name, sc.name)
				}
			}
		})
	}
}
