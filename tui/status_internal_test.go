package tui

// These tests live apart from layout_internal_test.go, whose words count
// as data in the language tests.

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// TestErrorsWrapAt80x24: an error in the footer longer than the terminal
// is wide is wrapped, not cut: every word of it is on screen, no line of
// it ends in …, and the frame still fits 80x24. Projector and console.
func TestErrorsWrapAt80x24(t *testing.T) {
	const danish = "afbud for Henrik Dahl Jørgensen kan ikke gemmes den 14-02-2027: mødet er slut; genåbn det med b (bekræft med j) eller skriv afbuddet i referatet"
	long := meeting.Errorfl(meeting.EINVALID, danish,
		"apologies for Henrik Dahl Jørgensen cannot be saved on 14-02-2027: the meeting has ended; reopen it with b (confirm with j) or write them in the minutes")
	t.Run("projector", func(t *testing.T) {
		for _, sc := range layoutScreens() {
			m := layoutModel(t, 80, 24)
			sc.open(m)
			m.err = long
			checkWrapped(t, sc.name, m.View(), danish)
		}
	})
	t.Run("console", func(t *testing.T) {
		base := helpModelIn(t, "da")
		k := NewConsole(context.Background(), Options{Renderer: base.common.Renderer, Clock: meeting.FixedClock(*base.meeting.Started)})
		k.update(tea.WindowSizeMsg{Width: 80, Height: 24})
		k.set(meetingMsg{meeting: *base.meeting, cluster: base.checkin.cluster})
		k.err = long
		checkWrapped(t, "console", k.View(), danish)
	})
}

func checkWrapped(t *testing.T, name, view, text string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > 24 {
		t.Errorf("%s: %d lines on a terminal of 24", name, len(lines))
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("%s: line %d is %d cells wide", name, i+1, w)
		}
	}
	flat := strings.Join(strings.Fields(view), " ")
	if !strings.Contains(flat, strings.Join(strings.Fields(text), " ")) {
		t.Errorf("%s: the error is not on screen in full:\n%s", name, view)
	}
}

// TestCheckinListPosition: at 80x24 the check-in list says where it
// stands while it scrolls — ▼ on the first page, ▲ without ▼ on the last,
// which shows the last guest — and a practice's name never stands alone
// at the bottom.
func TestCheckinListPosition(t *testing.T) {
	m := layoutModel(t, 80, 24)
	m.open(screenCheckin)
	view := m.View()
	if !strings.Contains(view, "1–") || !strings.Contains(view, " af ") || !strings.Contains(view, "▼") || strings.Contains(view, "▲") {
		t.Errorf("first page: want 1–N af M ▼:\n%s", view)
	}
	for range 60 {
		m.handleKey(tea.KeyMsg{Type: tea.KeyDown})
		view = m.View()
		lines := strings.Split(view, "\n")
		body := lines[3 : len(lines)-footerLines]
		for i := len(body) - 1; i >= 0; i-- {
			l := strings.TrimSpace(body[i])
			if l == "" || strings.Contains(l, " af ") {
				continue
			}
			if !strings.HasPrefix(body[i], " ") && !strings.HasPrefix(l, "▶") {
				t.Fatalf("a practice's name stands alone at the bottom: %q\n%s", l, view)
			}
			break
		}
	}
	if !strings.Contains(view, "▲") || strings.Contains(view, "▼") || !strings.Contains(view, "Karl Kursist") {
		t.Errorf("last page: want ▲ … af M, no ▼, the last guest:\n%s", view)
	}
}
