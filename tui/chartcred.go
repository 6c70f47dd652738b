package tui

import (
	"fmt"
	"strings"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// credibilityLines is the line under a chart's axis that says where the
// figures come from: "Kilde: Sentinel · 3. kvt. 2026 · 14 af 16 praksis
// talt med", wrapped to at most two lines. Figures older than the pack's
// max_age show "Tal fra 3. kvt. 2025 – ældre end 6 måneder" in place of
// the period: a neutral note about the data, not about a practice.
//
// While the room guesses (hidden), the line keeps only what is stated
// about the figures as a whole, the same for every practice: the source
// (from the pack) and the period (from the data file). The count of
// practices counted is left out: it is computed from the figures (who is
// under the minimum denominator), and DESIGN's rule is that a guess round
// hides everything computed from them; being conservative costs the room
// nothing it needs for a guess.
func (v chartView) credibilityLines() []string {
	return credibilityLines(v.cred, v.hidden, v.lang, v.width, v.styles, v.strs)
}

// credibilityLines draws cr for a chart of the given width, hidden while
// the room guesses; the bar chart and the stacked chart share it.
func credibilityLines(cr meeting.Credibility, hidden bool, lang string, width int, styles Styles, strs chartStrings) []string {
	t := msg.For(lang).T
	var parts []string
	if cr.Source != "" {
		parts = append(parts, t("period.Source", meeting.Inert(headRunes(cr.Source, width))))
	}
	if cr.Period != "" {
		// A free-text period from an older database is cut before it is
		// measured, so a 20 KB one costs no more to draw.
		period := meeting.WordPeriod(headRunes(cr.Period, width), t)
		switch {
		case cr.Stale:
			parts = append(parts, t("period.StaleNote", period, cr.MaxAge.Word(t)))
		case cr.Source == "":
			parts = append(parts, fmt.Sprintf(strs.Period, period))
		default:
			parts = append(parts, period)
		}
	}
	if !hidden && cr.Practices > 0 {
		parts = append(parts, t("period.Counted", cr.Counted, cr.Practices))
	}
	if len(parts) == 0 {
		return nil
	}
	lines := wrapLines(strings.Join(parts, t("period.CredSep")), width)
	if len(lines) > 2 {
		lines = append(lines[:1], truncate(strings.Join(lines[1:], " "), width))
	}
	for i := range lines {
		lines[i] = styles.Text.Render(lines[i])
	}
	return lines
}

// staleItemLine warns the coordinator, on the console's data item, about
// the item's figures that are older than the pack's max_age at the
// meeting, or have no period to tell their age by: "Gamle tal (ældre end
// 6 måneder): KOL-prævalens 3. kvt. 2025; …". "" when all are fresh or
// the pack sets no limit. The rule is meeting.Freshness.
func staleItemLine(t Text, plan meeting.Meeting, i int, width int) string {
	if i < 0 || i >= len(plan.Items) || !plan.Pack.MaxAge.Set() {
		return ""
	}
	on := map[string]bool{}
	for _, id := range plan.Items[i].Indicators {
		on[id] = true
	}
	var rows []meeting.DataRow
	for _, r := range plan.Values {
		if on[r.Indicator] {
			rows = append(rows, r)
		}
	}
	var parts []string
	for _, st := range meeting.Freshness(plan.Pack, rows, plan.PlannedStart) {
		title := st.Indicator
		if ind, ok := plan.Pack.Indicator(st.Indicator); ok && ind.Title != "" {
			title = ind.Title
		}
		if st.Undated {
			parts = append(parts, t.T("period.NoPeriod", meeting.Inert(title)))
			continue
		}
		parts = append(parts, meeting.Inert(title)+" "+st.Period.Word(t.T))
	}
	if len(parts) == 0 {
		return ""
	}
	return truncate(t.T("period.StaleItem", plan.Pack.MaxAge.Word(t.T), strings.Join(parts, "; ")), width)
}
