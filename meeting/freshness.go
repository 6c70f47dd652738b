package meeting

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// AgeUnit is the unit of a MaxAge.
type AgeUnit byte

// The units a pack's max_age may use.
const (
	AgeDays   AgeUnit = 'd'
	AgeMonths AgeUnit = 'm'
	AgeYears  AgeUnit = 'y'
)

// MaxAge is how old a pack allows its figures to be: figures are stale when
// the meeting is more than MaxAge after the end of their period. The zero
// MaxAge sets no limit.
type MaxAge struct {
	N    int
	Unit AgeUnit
}

// maxAgeForm reads "6m", "6 mdr", "6 måneder", "90d", "1y", "1 år".
var maxAgeForm = LazyRegexp(`^(\d{1,4}) ?(d|dag|dage|day|days|m|md|mdr|måned|måneder|month|months|y|å|år|year|years)$`)

// ParseMaxAge reads a pack's max_age: a whole number of days (90d), months
// (6m) or years (1y), with the Danish or English word allowed in place of
// the letter. Anything else is a keyed EINVALID error.
func ParseMaxAge(s string) (MaxAge, error) {
	m := maxAgeForm().FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return MaxAge{}, Errork(EINVALID, "period.ErrMaxAge", s)
	}
	n, _ := strconv.Atoi(m[1])
	if n < 1 {
		return MaxAge{}, Errork(EINVALID, "period.ErrMaxAge", s)
	}
	unit := AgeMonths
	switch m[2][0] {
	case 'd':
		unit = AgeDays
	case 'y':
		unit = AgeYears
	default:
		if strings.HasPrefix(m[2], "å") {
			unit = AgeYears
		}
	}
	return MaxAge{N: n, Unit: unit}, nil
}

// Set reports whether a limit is set.
func (a MaxAge) Set() bool { return a.N > 0 }

// String is the canonical form ParseMaxAge reads back: "6m", "90d", "1y";
// "" when no limit is set.
func (a MaxAge) String() string {
	if !a.Set() {
		return ""
	}
	return strconv.Itoa(a.N) + string(a.Unit)
}

// Word shows the age in the language of t: "6 måneder", "90 days".
func (a MaxAge) Word(t func(key string, args ...any) string) string {
	switch a.Unit {
	case AgeDays:
		return t("period.AgeDays", a.N)
	case AgeYears:
		return t("period.AgeYears", a.N)
	}
	return t("period.AgeMonths", a.N)
}

// Limit is the last day on which figures whose period ends on end are
// still fresh. A month is a calendar month, clamped at the month's end: 6
// months after 31 August is 28 (or 29) February, not 3 March.
func (a MaxAge) Limit(end time.Time) time.Time {
	switch a.Unit {
	case AgeDays:
		return end.AddDate(0, 0, a.N)
	case AgeYears:
		return AddMonths(end, 12*a.N)
	}
	return AddMonths(end, a.N)
}

// Stale reports whether figures for period p are too old for a meeting
// held on date: the meeting's day is after Limit(p.To). The meeting's day
// is its calendar date where it is held, so the hour of the meeting never
// matters. With no limit set nothing is stale.
func (a MaxAge) Stale(p Period, date time.Time) bool {
	if !a.Set() || p.Kind == 0 {
		return false
	}
	y, m, d := date.Date()
	return day(y, m, d).After(a.Limit(p.To))
}

// StaleFigures is one indicator's figures for one period that are too old
// for the meeting, or whose period is not given (Undated) so their age
// cannot be told.
type StaleFigures struct {
	Indicator string
	// Period is the figures' period; the zero Period when Undated.
	Period Period
	// Raw is the period as stored, for a period an older database kept as
	// free text that no longer reads (Undated is then set too).
	Raw string
	// Undated is set when the figures have no period that can be read.
	Undated bool
	// Practices is how many practices' figures this is.
	Practices int
}

// Freshness lists the figures among rows that are stale for a meeting held
// on date under the pack's max_age, one entry per indicator and period in
// the pack's indicator order, then by period. With max_age set, figures
// without a period are listed as Undated: their age cannot be told, which
// the coordinator should know before projecting them. Without max_age
// nothing is listed.
func Freshness(p Pack, rows []DataRow, date time.Time) []StaleFigures {
	if !p.MaxAge.Set() {
		return nil
	}
	type key struct{ ind, period string }
	found := map[key]*StaleFigures{}
	var keys []key
	for _, r := range rows {
		k := key{r.Indicator, r.Period}
		if s, ok := found[k]; ok {
			if s != nil { // nil marks a fresh indicator and period
				s.Practices++
			}
			continue
		}
		per, err := ParsePeriod(r.Period)
		switch {
		case r.Period == "" || err != nil:
			found[k] = &StaleFigures{Indicator: r.Indicator, Raw: r.Period, Undated: true, Practices: 1}
		case p.MaxAge.Stale(per, date):
			found[k] = &StaleFigures{Indicator: r.Indicator, Period: per, Raw: r.Period, Practices: 1}
		default:
			found[k] = nil
			continue
		}
		keys = append(keys, k)
	}
	order := map[string]int{}
	for i, ind := range p.Indicators {
		order[ind.ID] = i + 1
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if order[a.ind] != order[b.ind] {
			return order[a.ind] < order[b.ind]
		}
		if a.ind != b.ind {
			return a.ind < b.ind
		}
		if found[a].Undated != found[b].Undated {
			return found[b].Undated
		}
		return found[a].Period.To.Before(found[b].Period.To)
	})
	out := make([]StaleFigures, 0, len(keys))
	for _, k := range keys {
		out = append(out, *found[k])
	}
	return out
}

// Freshness lists the meeting's stale figures (see the function
// Freshness) for the meeting's planned date.
func (m Meeting) Freshness() []StaleFigures {
	return Freshness(m.Pack, m.Values, m.PlannedStart)
}

// ChartStale reports whether a chart's figures are too old under the pack's
// limit for a meeting held on date, and the limit, for the short neutral
// note under the chart.
func ChartStale(p Pack, c Chart, date time.Time) bool {
	return periodStale(p, c.Period, date)
}

// periodStale reports whether figures of the stored period are older than
// the pack's max_age at date; an unset limit or an unreadable period is
// never stale.
func periodStale(p Pack, period string, date time.Time) bool {
	if !p.MaxAge.Set() || period == "" {
		return false
	}
	per, err := ParsePeriod(period)
	return err == nil && p.MaxAge.Stale(per, date)
}
