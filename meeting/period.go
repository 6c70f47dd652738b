package meeting

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind says how a period was written, which decides how it is shown.
type PeriodKind int

// The kinds of period a data file may give.
const (
	PeriodYear    PeriodKind = iota + 1 // 2026
	PeriodQuarter                       // 2026Q3 (or 2026K3, 2026-Q3, Q3 2026)
	PeriodMonth                         // 2026-09
	PeriodRange                         // 01.10.2025–30.09.2026 (or 2025-10-01–2026-09-30)
)

// Period is the span of days a practice's figures cover. Figures are only
// comparable, and only fresh, when their period is known: a data file's
// periode is read into a Period, never kept as free text.
//
// From and To are dates (midnight UTC), both days included.
type Period struct {
	Kind     PeriodKind
	From, To time.Time
}

// The years a period may name: a typo such as 20226 or 226 is refused
// rather than stored as a period nobody meant.
const (
	periodMinYear = 1900
	periodMaxYear = 2999
)

var (
	periodYear     = LazyRegexp(`^(\d{4})$`)
	periodQuarter  = LazyRegexp(`^(\d{4}) ?-? ?[QqKk]([1-4])$`)
	periodQuarter2 = LazyRegexp(`^[QqKk]([1-4]) ?-? ?(\d{4})$`)
	periodMonth    = LazyRegexp(`^(\d{4})-(\d{1,2})$`)
	// A date is d.m.yyyy (Danish) or yyyy-mm-dd (ISO); the two dates of a
	// range are joined by an en dash, a hyphen or an em dash.
	periodRange = LazyRegexp(`^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{1,2}-\d{1,2}) *[–—-] *(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{1,2}-\d{1,2})$`)
)

// ParsePeriod reads a period as a coordinator or a regional extract writes
// it: a year (2026), a quarter (2026Q3; also 2026K3, 2026-Q3 and Q3 2026),
// a month (2026-09) or a range of dates (01.10.2025–30.09.2026, with an en
// dash or a hyphen; also 2025-10-01–2026-09-30). Spaces around it are
// ignored. Anything else is a *PeriodError saying what to write instead.
func ParsePeriod(s string) (Period, error) {
	t := strings.TrimSpace(s)
	bad := &PeriodError{Text: t, Key: "period.ErrForm"}
	if m := periodYear().FindStringSubmatch(t); m != nil {
		y, ok := periodYearOf(m[1])
		if !ok {
			bad.Key = "period.ErrYear"
			return Period{}, bad
		}
		return Period{Kind: PeriodYear, From: day(y, 1, 1), To: day(y, 12, 31)}, nil
	}
	yq, q := "", ""
	if m := periodQuarter().FindStringSubmatch(t); m != nil {
		yq, q = m[1], m[2]
	} else if m := periodQuarter2().FindStringSubmatch(t); m != nil {
		yq, q = m[2], m[1]
	}
	if yq != "" {
		y, ok := periodYearOf(yq)
		if !ok {
			bad.Key = "period.ErrYear"
			return Period{}, bad
		}
		n, _ := strconv.Atoi(q)
		from := day(y, time.Month(3*n-2), 1)
		return Period{Kind: PeriodQuarter, From: from, To: from.AddDate(0, 3, -1)}, nil
	}
	if m := periodMonth().FindStringSubmatch(t); m != nil {
		y, ok := periodYearOf(m[1])
		mo, _ := strconv.Atoi(m[2])
		if !ok || mo < 1 || mo > 12 {
			bad.Key = "period.ErrMonth"
			return Period{}, bad
		}
		from := day(y, time.Month(mo), 1)
		return Period{Kind: PeriodMonth, From: from, To: from.AddDate(0, 1, -1)}, nil
	}
	if m := periodRange().FindStringSubmatch(t); m != nil {
		from, ok1 := periodDate(m[1])
		to, ok2 := periodDate(m[2])
		switch {
		case !ok1 || !ok2:
			bad.Key = "period.ErrDate"
			bad.Date = m[1]
			if ok1 {
				bad.Date = m[2]
			}
			return Period{}, bad
		case to.Before(from):
			bad.Key = "period.ErrBackwards"
			return Period{}, bad
		}
		return Period{Kind: PeriodRange, From: from, To: to}, nil
	}
	return Period{}, bad
}

// periodYearOf reads a four-digit year in the range a period may name.
func periodYearOf(s string) (int, bool) {
	y, err := strconv.Atoi(s)
	return y, err == nil && y >= periodMinYear && y <= periodMaxYear
}

// periodDate reads d.m.yyyy or yyyy-mm-dd, refusing days that do not
// exist (31.02.2026) rather than rolling them into the next month.
func periodDate(s string) (time.Time, bool) {
	var y, mo, d int
	var err error
	if strings.Contains(s, ".") {
		parts := strings.Split(s, ".")
		d, err = strconv.Atoi(parts[0])
		if err == nil {
			mo, err = strconv.Atoi(parts[1])
		}
		if err == nil {
			y, err = strconv.Atoi(parts[2])
		}
	} else {
		parts := strings.Split(s, "-")
		y, err = strconv.Atoi(parts[0])
		if err == nil {
			mo, err = strconv.Atoi(parts[1])
		}
		if err == nil {
			d, err = strconv.Atoi(parts[2])
		}
	}
	if err != nil || y < periodMinYear || y > periodMaxYear || mo < 1 || mo > 12 || d < 1 {
		return time.Time{}, false
	}
	t := day(y, time.Month(mo), d)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func day(y int, mo time.Month, d int) time.Time { return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC) }

// String is the period's canonical form, the one stored: 2026, 2026Q3,
// 2026-09 or 01.10.2025–30.09.2026. ParsePeriod reads it back to the same
// period.
func (p Period) String() string {
	switch p.Kind {
	case PeriodYear:
		return strconv.Itoa(p.From.Year())
	case PeriodQuarter:
		return fmt.Sprintf("%dQ%d", p.From.Year(), (int(p.From.Month())+2)/3)
	case PeriodMonth:
		return fmt.Sprintf("%d-%02d", p.From.Year(), int(p.From.Month()))
	case PeriodRange:
		return p.From.Format("02.01.2006") + "–" + p.To.Format("02.01.2006")
	}
	return ""
}

// Word shows the period in the language of t (a catalogue's T): "3. kvt.
// 2026" or "Q3 2026", "sep. 2026" or "Sep 2026", "1. okt. 2025–30. sep.
// 2026" or "1 Oct 2025–30 Sep 2026".
func (p Period) Word(t func(key string, args ...any) string) string {
	months := strings.Split(t("period.Months"), "|")
	month := func(m time.Month) string {
		if int(m) <= len(months) {
			return months[m-1]
		}
		return strconv.Itoa(int(m))
	}
	switch p.Kind {
	case PeriodYear:
		return t("period.Year", Ref(p.From.Year()))
	case PeriodQuarter:
		return t("period.Quarter", Ref(p.From.Year()), (int(p.From.Month())+2)/3)
	case PeriodMonth:
		return t("period.Month", Ref(p.From.Year()), month(p.From.Month()))
	case PeriodRange:
		date := func(d time.Time) string { return t("period.Date", d.Day(), month(d.Month()), Ref(d.Year())) }
		return t("period.Range", date(p.From), date(p.To))
	}
	return ""
}

// WordPeriod shows a stored period in the language of t. A period an older
// database kept as free text, which ParsePeriod no longer reads, is shown
// as it is, inert, so nothing stored is lost from view.
func WordPeriod(s string, t func(key string, args ...any) string) string {
	if s == "" {
		return ""
	}
	p, err := ParsePeriod(s)
	if err != nil {
		return Inert(s)
	}
	return p.Word(t)
}

// PeriodError is a period ParsePeriod could not read. It holds no
// sentence: Key names the message in klynge's catalogue, which says what
// was wrong and what to write instead.
type PeriodError struct {
	// Text is the period as written, trimmed.
	Text string
	// Key is the catalogue key: period.ErrForm, ErrYear, ErrMonth,
	// ErrDate or ErrBackwards.
	Key string
	// Date is the date in a range that does not exist, for ErrDate.
	Date string
}

func (e *PeriodError) Error() string { return fmt.Sprintf("cannot read period %q (%s)", e.Text, e.Key) }

// Word words the error through t in the catalogue's language.
func (e *PeriodError) Word(_ string, t func(key string, args ...any) string) (string, bool) {
	if e.Key == "period.ErrDate" {
		return t(e.Key, e.Text, e.Date), true
	}
	return t(e.Key, e.Text), true
}

// Unwrap makes a *PeriodError an EINVALID *Error to code checks.
func (e *PeriodError) Unwrap() error { return &Error{Code: EINVALID, Message: e.Error()} }
