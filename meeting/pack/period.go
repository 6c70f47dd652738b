package pack

import (
	"errors"

	"github.com/klynge/klynge/meeting"
)

// readPeriod reads a data row's periode into its canonical form
// (meeting.Period.String), so that 2026K3, 2026-Q3 and 2026Q3 are stored
// as one period and every screen can show it in its own language. An
// empty period stays allowed: a pack's data.csv has never needed one, and
// a pack that sets max_age is warned about undated figures rather than
// refused (meeting.Freshness). A period that cannot be read is a problem
// at the field, saying what to write instead.
func readPeriod(probs *problemList, s string, at pos, column string) (string, bool) {
	if s == "" {
		return "", true
	}
	p, err := meeting.ParsePeriod(s)
	if err != nil {
		var pe *meeting.PeriodError
		if errors.As(err, &pe) {
			probs.add(at, "problem.Period", column, pe)
		}
		return "", false
	}
	return p.String(), true
}
