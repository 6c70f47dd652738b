package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
)

// TestFollowUpWindowIsTheWholeList: the follow-up list wraps and styles
// only the pledges its window around the cursor can reach; at every
// cursor and size it must show what wrapping every pledge showed
// (viewEveryBlock, the list as it was drawn before).
func TestFollowUpWindowIsTheWholeList(t *testing.T) {
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
		c := slidesCommon("da", ThemeDark, profile)
		s := newFollowUpScreen(c)
		var cl meeting.Cluster
		for p := range 30 {
			cl.Practices = append(cl.Practices, meeting.Practice{Ydernummer: fmt.Sprintf("%06d", p), Name: fmt.Sprintf("Lægerne Ærøgade %d", p)})
		}
		m := meeting.Meeting{ID: 2, Consents: map[string]time.Time{"000003": time.Now()}}
		s.setMeeting(m, cl)
		v := 42.5
		for i := range 90 {
			p := meeting.Pledge{ID: int64(i + 1), Ydernummer: fmt.Sprintf("%06d", i%31),
				Action: strings.Repeat("Ring til alle med KOL og en lang forklaring ", 1+i%4)}
			if i%3 == 0 {
				p.Indicator = "kol-forloebsplan"
			}
			if i%5 == 0 {
				p.Review = &meeting.PledgeReview{Outcome: meeting.OutcomePartly, Comment: "halvvejs"}
			}
			s.rows = append(s.rows, followUpRow{pledge: p, before: &v, unit: meeting.UnitPercent})
		}
		for _, size := range [][2]int{{80, 19}, {200, 55}, {40, 7}, {120, 3}} {
			s.SetSize(size[0], size[1])
			for _, cursor := range []int{0, 1, 2, 7, 44, 45, 88, 89, 90, 200} {
				s.cursor = cursor
				if got, want := s.View(), s.viewEveryBlock(); got != want {
					t.Fatalf("%v, cursor %d:\n got %q\nwant %q", size, cursor, got, want)
				}
			}
		}
		s.rows = nil
		if got, want := s.View(), s.viewEveryBlock(); got != want {
			t.Fatalf("no pledges:\n got %q\nwant %q", got, want)
		}
	}
}

func (s *followUpScreen) viewEveryBlock() string {
	c := s.common
	st := c.Styles
	t := c.Text
	lines := []string{st.Title.Render(fmt.Sprintf(t.FollowUpTitle, len(s.rows)))}
	for _, l := range wrapLines(t.FollowUpHint, s.width) {
		lines = append(lines, st.Text.Render(l))
	}
	lines = append(lines, "")
	if len(s.rows) == 0 {
		lines = append(lines, st.Text.Render(t.NoOpenPledges))
	}
	strs := chartText(t.Lang)
	var blocks [][]string
	for i, r := range s.rows {
		p := r.pledge
		name := p.Ydernummer
		for _, pr := range s.cluster.Practices {
			if pr.Ydernummer == p.Ydernummer {
				name = pr.Name
			}
		}
		state := "○ " + t.NotReviewed
		if p.Review != nil {
			state = outcomeSymbol(p.Review.Outcome) + " " + t.Outcomes[p.Review.Outcome]
			if p.Review.Comment != "" {
				state += " – " + p.Review.Comment
			}
		}
		marker := "  "
		style := st.Text
		if i == s.cursor {
			marker, style = "▶ ", st.Selected
		}
		var block []string
		for _, l := range wrapIndent(fmt.Sprintf("%s%s: %s", marker, name, p.Action), s.width, 4) {
			block = append(block, style.Render(l))
		}
		detail := "    " + state
		if p.Indicator != "" {
			// Figures next to a practice's name only with its consent at
			// this meeting.
			if _, ok := s.meeting.Consents[p.Ydernummer]; ok {
				fmtV := func(v *float64) string {
					if v == nil {
						return "–"
					}
					return formatValue(t.Lang, *v, r.unit, strs.Units)
				}
				detail += fmt.Sprintf(" · ▤ %s: %s → %s", p.Indicator, fmtV(r.before), fmtV(r.after))
			} else {
				detail += " · ▤ " + p.Indicator + " (" + t.FiguresNeedConsent + ")"
			}
		}
		for _, l := range wrapIndent(detail, s.width, 4) {
			block = append(block, st.Text.Render(l))
		}
		blocks = append(blocks, block)
	}
	shown, first, last := blockWindow(blocks, s.cursor, max(1, s.height-len(lines)-1))
	lines = append(lines, shown...)
	if pos := blockPosition(t, first, last, len(blocks)); pos != "" {
		for len(lines) < s.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, st.Muted.Render(pos))
	}
	return strings.Join(lines, "\n")
}
