package tui

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// KeyRow is one line of the key reference: where the keys work, the keys
// as help shows them, and what they do.
type KeyRow struct {
	Where, Keys, What string
}

// KeyReference lists every key of every screen from the same KeyMap and
// the same help lists the footer and the ? overlay show, so the README's
// table (checked against it by a test) cannot promise a key that does not
// work. lang chooses the language of the descriptions.
func KeyReference(lang string) []KeyRow {
	m := New(context.Background(), Options{Lang: lang, Renderer: lipgloss.NewRenderer(io.Discard), Clock: meeting.FixedClock{}})
	// A plenum after group work, so the plenum's own keys are listed.
	plenum := meeting.Meeting{
		Items:  []meeting.RunItem{{AgendaItem: meeting.AgendaItem{Kind: meeting.KindPlenum}}},
		Groups: []meeting.Group{{Number: 1}},
	}
	plenumItem := newItemScreen(m.common)
	plenumItem.setMeeting(plenum)
	k := m.common.Keys
	places := []struct {
		where string
		help  [][]key.Binding
	}{
		{"everywhere (not while typing)", [][]key.Binding{m.globalKeys()}},
		{"agenda", m.agenda.FullHelp()},
		{"item", m.item.FullHelp()},
		{"plenum after group work", plenumItem.FullHelp()},
		{"slides", m.slides.FullHelp()},
		{"chart", m.chart.FullHelp()},
		{"group work", m.round.FullHelp()},
		{"evaluation", m.eval.FullHelp()},
		{"consent (P)", m.consent.FullHelp()},
		{"attendance (F)", m.checkin.FullHelp()},
		{"attendance history (F, tab)", m.history.FullHelp()},
		{"pledges (T)", m.pledges.FullHelp()},
		{"follow-up (O)", m.followUp.FullHelp()},
		{"decisions (B)", m.decisions.FullHelp()},
		{"year plan (A)", m.plan.FullHelp()},
		{"forms", [][]key.Binding{{k.Save, k.NextField, k.PrevField, k.Cancel}}},
		{"while typing (attendance, forms)", [][]key.Binding{{k.HelpTyping, k.Interrupt}}},
		{"confirms (quit, code key)", [][]key.Binding{{k.Yes, k.No}}},
	}
	var rows []KeyRow
	for _, p := range places {
		seen := map[string]bool{}
		for _, group := range p.help {
			for _, b := range group {
				h := b.Help()
				if seen[h.Key] || !b.Enabled() {
					continue
				}
				seen[h.Key] = true
				rows = append(rows, KeyRow{Where: p.where, Keys: h.Key, What: h.Desc})
			}
		}
	}
	return rows
}

// KeyTable renders the key reference as a Markdown table.
func KeyTable(rows []KeyRow) string {
	var b strings.Builder
	b.WriteString("| where | key | what |\n|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | `%s` | %s |\n", r.Where, strings.ReplaceAll(r.Keys, "|", `\|`), r.What)
	}
	return b.String()
}
