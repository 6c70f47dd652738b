package tui

import (
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// headlineText words a chart's headline in lang: the one line above the
// bars that says what the chart shows, so the room reads the message
// before it studies the bars. Empty when there is nothing to state (no
// counted figures and no target): then no line is taken from the bars.
func headlineText(lang string, h meeting.Headline, units map[meeting.Unit]string) string {
	p := msg.For(lang)
	val := func(v float64) string { return formatValue(lang, v, h.Unit, units) }
	if !h.Stat {
		// While the room guesses, or with too few practices counted,
		// only what the pack itself states.
		switch {
		case h.Target == nil || h.Better == meeting.NoDirection:
			return ""
		case h.Better == meeting.LowerIsBetter:
			return p.T("tui.HeadlineTargetLower", val(*h.Target))
		default:
			return p.T("tui.HeadlineTarget", val(*h.Target))
		}
	}
	switch {
	case h.Target != nil && h.Better == meeting.HigherIsBetter:
		return p.T("tui.HeadlineHigher", val(h.Mean), val(*h.Target), h.Reached)
	case h.Target != nil && h.Better == meeting.LowerIsBetter:
		return p.T("tui.HeadlineLower", val(h.Mean), val(*h.Target), h.Reached)
	}
	return p.T("tui.HeadlineSpread", val(h.Mean), val(h.Min), val(h.Max))
}
