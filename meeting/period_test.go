package meeting_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

func TestParsePeriod(t *testing.T) {
	for _, tt := range []struct {
		in       string
		kind     meeting.PeriodKind
		from, to time.Time
		canon    string
		da, en   string
	}{
		{"2026", meeting.PeriodYear, date(2026, 1, 1), date(2026, 12, 31), "2026", "2026", "2026"},
		{"2026Q3", meeting.PeriodQuarter, date(2026, 7, 1), date(2026, 9, 30), "2026Q3", "3. kvt. 2026", "Q3 2026"},
		{"2026K3", meeting.PeriodQuarter, date(2026, 7, 1), date(2026, 9, 30), "2026Q3", "3. kvt. 2026", "Q3 2026"},
		{"2026-Q4", meeting.PeriodQuarter, date(2026, 10, 1), date(2026, 12, 31), "2026Q4", "4. kvt. 2026", "Q4 2026"},
		{"q1 2027", meeting.PeriodQuarter, date(2027, 1, 1), date(2027, 3, 31), "2027Q1", "1. kvt. 2027", "Q1 2027"},
		{" 2026k2 ", meeting.PeriodQuarter, date(2026, 4, 1), date(2026, 6, 30), "2026Q2", "2. kvt. 2026", "Q2 2026"},
		{"2026-09", meeting.PeriodMonth, date(2026, 9, 1), date(2026, 9, 30), "2026-09", "sep. 2026", "Sep 2026"},
		{"2028-2", meeting.PeriodMonth, date(2028, 2, 1), date(2028, 2, 29), "2028-02", "feb. 2028", "Feb 2028"},
		{"01.10.2025–30.09.2026", meeting.PeriodRange, date(2025, 10, 1), date(2026, 9, 30), "01.10.2025–30.09.2026", "1. okt. 2025–30. sep. 2026", "1 Oct 2025–30 Sep 2026"},
		{"1.10.2025 - 30.9.2026", meeting.PeriodRange, date(2025, 10, 1), date(2026, 9, 30), "01.10.2025–30.09.2026", "1. okt. 2025–30. sep. 2026", "1 Oct 2025–30 Sep 2026"},
		{"2025-10-01–2026-09-30", meeting.PeriodRange, date(2025, 10, 1), date(2026, 9, 30), "01.10.2025–30.09.2026", "1. okt. 2025–30. sep. 2026", "1 Oct 2025–30 Sep 2026"},
		{"2025-10-01-2026-09-30", meeting.PeriodRange, date(2025, 10, 1), date(2026, 9, 30), "01.10.2025–30.09.2026", "1. okt. 2025–30. sep. 2026", "1 Oct 2025–30 Sep 2026"},
		{"29.02.2028–29.02.2028", meeting.PeriodRange, date(2028, 2, 29), date(2028, 2, 29), "29.02.2028–29.02.2028", "29. feb. 2028–29. feb. 2028", "29 Feb 2028–29 Feb 2028"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			p, err := meeting.ParsePeriod(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != tt.kind || !p.From.Equal(tt.from) || !p.To.Equal(tt.to) {
				t.Errorf("got %v %v–%v, want %v %v–%v", p.Kind, p.From, p.To, tt.kind, tt.from, tt.to)
			}
			if p.String() != tt.canon {
				t.Errorf("String %q, want %q", p.String(), tt.canon)
			}
			if got := p.Word(msg.For("da").T); got != tt.da {
				t.Errorf("Danish %q, want %q", got, tt.da)
			}
			if got := p.Word(msg.For("en").T); got != tt.en {
				t.Errorf("English %q, want %q", got, tt.en)
			}
			again, err := meeting.ParsePeriod(p.String())
			if err != nil || again != p {
				t.Errorf("canonical %q reads back as %v, %v", p.String(), again, err)
			}
		})
	}
}

func TestParsePeriodRefuses(t *testing.T) {
	for _, tt := range []struct{ in, da, en string }{
		{"", "er ikke en periode", "is not a period"},
		{"efterår 2026", "skriv et kvartal som 2026Q3", "write a quarter such as 2026Q3"},
		{"2026Q5", "skriv et kvartal som 2026Q3", "write a quarter such as 2026Q3"},
		{"Q3", "er ikke en periode", "is not a period"},
		{"226", "er ikke en periode", "is not a period"},
		{"1850", "uden for 1900–2999", "outside 1900–2999"},
		{"1850Q1", "uden for 1900–2999", "outside 1900–2999"},
		{"2026-13", "ingen måned 1–12", "no month 1–12"},
		{"2026-00", "ingen måned 1–12", "no month 1–12"},
		{"31.02.2026–30.09.2026", "datoen 31.02.2026 findes ikke", "the date 31.02.2026 does not exist"},
		{"01.10.2025–31.09.2026", "datoen 31.09.2026 findes ikke", "the date 31.09.2026 does not exist"},
		{"30.09.2026–01.10.2025", "slutter, før den begynder", "ends before it begins"},
		{"01.10.2025/30.09.2026", "er ikke en periode", "is not a period"},
		{"2026-09-30", "er ikke en periode", "is not a period"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			_, err := meeting.ParsePeriod(tt.in)
			if err == nil {
				t.Fatal("accepted")
			}
			if meeting.ErrorCode(err) != meeting.EINVALID {
				t.Errorf("code %q", meeting.ErrorCode(err))
			}
			var pe *meeting.PeriodError
			if !errors.As(err, &pe) {
				t.Fatalf("%T, want *PeriodError", err)
			}
			da, en := msg.For("da").Error(err), msg.For("en").Error(err)
			if !strings.Contains(da, tt.da) || !strings.Contains(en, tt.en) {
				t.Errorf("\n da %q\n en %q", da, en)
			}
		})
	}
}

// TestWordPeriodFreeText: a period an older database kept as free text
// is shown as it was, inert, not dropped.
func TestWordPeriodFreeText(t *testing.T) {
	t.Parallel()
	da := msg.For("da").T
	if got := meeting.WordPeriod("efterår 2024\x1b[2J", da); got != meeting.Inert("efterår 2024\x1b[2J") || strings.Contains(got, "\x1b") {
		t.Errorf("free text: %q", got)
	}
	if got := meeting.WordPeriod("", da); got != "" {
		t.Errorf("empty: %q", got)
	}
	if got := meeting.WordPeriod("2025Q3", da); got != "3. kvt. 2025" {
		t.Errorf("quarter: %q", got)
	}
}

func TestParseMaxAge(t *testing.T) {
	for _, tt := range []struct {
		in     string
		want   meeting.MaxAge
		da, en string
	}{
		{"6m", meeting.MaxAge{N: 6, Unit: meeting.AgeMonths}, "6 måneder", "6 months"},
		{"1 m", meeting.MaxAge{N: 1, Unit: meeting.AgeMonths}, "1 måned", "1 month"},
		{"6 mdr", meeting.MaxAge{N: 6, Unit: meeting.AgeMonths}, "6 måneder", "6 months"},
		{"90d", meeting.MaxAge{N: 90, Unit: meeting.AgeDays}, "90 dage", "90 days"},
		{"1y", meeting.MaxAge{N: 1, Unit: meeting.AgeYears}, "1 år", "1 year"},
		{"2 år", meeting.MaxAge{N: 2, Unit: meeting.AgeYears}, "2 år", "2 years"},
	} {
		got, err := meeting.ParseMaxAge(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("%q: %v, %v", tt.in, got, err)
			continue
		}
		if d, e := got.Word(msg.For("da").T), got.Word(msg.For("en").T); d != tt.da || e != tt.en {
			t.Errorf("%q: %q / %q", tt.in, d, e)
		}
		if back, _ := meeting.ParseMaxAge(got.String()); back != got {
			t.Errorf("%q: String %q reads back as %v", tt.in, got.String(), back)
		}
	}
	for _, bad := range []string{"", "6", "0m", "-1m", "6 weeks", "m6", "halvt år"} {
		if _, err := meeting.ParseMaxAge(bad); err == nil {
			t.Errorf("%q accepted", bad)
		} else if s := msg.For("da").Error(err); !strings.Contains(s, `"6m"`) {
			t.Errorf("%q: %q", bad, s)
		}
	}
}

// TestStaleBoundary: figures are stale when the meeting is more than the
// limit after the period's last day; exactly the limit is still fresh,
// and months are clamped at the month's end.
func TestStaleBoundary(t *testing.T) {
	six := meeting.MaxAge{N: 6, Unit: meeting.AgeMonths}
	for _, tt := range []struct {
		name    string
		age     meeting.MaxAge
		period  string
		meeting time.Time
		stale   bool
	}{
		{"well inside", six, "2026Q3", time.Date(2026, 11, 30, 19, 0, 0, 0, time.UTC), false},
		{"exactly six months", six, "2026Q3", date(2027, 3, 30), false},
		{"one day over", six, "2026Q3", date(2027, 3, 31), true},
		{"late on the last fresh day", six, "2026Q3", time.Date(2027, 3, 30, 23, 59, 0, 0, time.UTC), false},
		{"month end clamped: 31 Aug + 6m is 28 Feb", six, "2026-08", date(2027, 2, 28), false},
		{"month end clamped: 1 March is over", six, "2026-08", date(2027, 3, 1), true},
		{"leap year: 31 Aug 2027 + 6m is 29 Feb 2028", six, "2027-08", date(2028, 2, 29), false},
		{"leap year: 1 March 2028 is over", six, "2027-08", date(2028, 3, 1), true},
		{"range end", six, "01.10.2025–30.09.2026", date(2027, 3, 30), false},
		{"range end, one day over", six, "01.10.2025–30.09.2026", date(2027, 3, 31), true},
		{"days exactly", meeting.MaxAge{N: 90, Unit: meeting.AgeDays}, "2026-09", date(2026, 12, 29), false},
		{"days one over", meeting.MaxAge{N: 90, Unit: meeting.AgeDays}, "2026-09", date(2026, 12, 30), true},
		{"year exactly", meeting.MaxAge{N: 1, Unit: meeting.AgeYears}, "2025", date(2026, 12, 31), false},
		{"year one over", meeting.MaxAge{N: 1, Unit: meeting.AgeYears}, "2025", date(2027, 1, 1), true},
		{"meeting before the period ends", six, "2026", date(2026, 6, 1), false},
		{"no limit", meeting.MaxAge{}, "2000", date(2026, 6, 1), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := meeting.ParsePeriod(tt.period)
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.age.Stale(p, tt.meeting); got != tt.stale {
				t.Errorf("Stale = %v, want %v (limit %v)", got, tt.stale, tt.age.Limit(p.To))
			}
		})
	}
	// The meeting's day is its date where it is held: 00:30 in Copenhagen
	// on 31 March is still 30 March in UTC, and it is the 31st that counts.
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err == nil {
		p, _ := meeting.ParsePeriod("2026Q3")
		if !six.Stale(p, time.Date(2027, 3, 31, 0, 30, 0, 0, cph)) {
			t.Error("a meeting on 31 March in Copenhagen should find 2026Q3 stale")
		}
	}
}

func TestFreshness(t *testing.T) {
	p := meeting.Pack{MaxAge: meeting.MaxAge{N: 6, Unit: meeting.AgeMonths},
		Indicators: []meeting.Indicator{{ID: "b"}, {ID: "a"}}}
	row := func(ind, yd, period string) meeting.DataRow {
		return meeting.DataRow{Ydernummer: yd, Indicator: ind, Period: period, Value: f(1)}
	}
	rows := []meeting.DataRow{
		row("a", "1", "2026Q1"), row("a", "2", "2026Q1"), row("a", "3", "2026Q3"),
		row("b", "1", "2025Q4"), row("b", "2", ""), row("b", "3", "efterår"),
		row("a", "4", "2025"),
	}
	got := meeting.Freshness(p, rows, date(2027, 1, 15))
	want := []string{"b 2025Q4 1", "b  undated 1", "b efterår undated 1", "a 2025 1", "a 2026Q1 2"}
	var have []string
	for _, s := range got {
		line := s.Indicator + " " + s.Period.String()
		if s.Undated {
			line = s.Indicator + " " + s.Raw + " undated"
		}
		have = append(have, line+" "+string(rune('0'+s.Practices)))
	}
	if strings.Join(have, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", have, want)
	}
	p.MaxAge = meeting.MaxAge{}
	if got := meeting.Freshness(p, rows, date(2030, 1, 1)); got != nil {
		t.Errorf("no limit, yet %v", got)
	}
}
