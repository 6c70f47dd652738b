package main

import (
	"fmt"
	"io"

	"github.com/klynge/klynge/meeting"
)

// warnStale prints one warning line per indicator and period among rows
// whose figures are older than the pack's max_age allows at meeting m,
// and per indicator with figures whose age cannot be told (no period).
// Old figures are a warning, never an error: the coordinator may have
// nothing newer, but should know before the room sees them. The rule is
// meeting.Freshness; this only words it.
func (a *app) warnStale(w io.Writer, m meeting.Meeting, rows []meeting.DataRow) {
	age := m.Pack.MaxAge
	if !age.Set() {
		return
	}
	t := a.t
	when := m.PlannedStart.Format("2006-01-02")
	for _, s := range meeting.Freshness(m.Pack, rows, m.PlannedStart) {
		if s.Undated {
			fmt.Fprintln(w, t("period.UndatedLine", meeting.Inert(s.Indicator), s.Practices, age.Word(t)))
			continue
		}
		fmt.Fprintln(w, t("period.StaleLine", meeting.Inert(s.Indicator), s.Period.Word(t), age.Word(t), when, s.Practices))
	}
}
