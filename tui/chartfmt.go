package tui

import (
	"math"

	"github.com/klynge/klynge/meeting"
)

// chartStrings are the chart screens' own texts.
type chartStrings struct {
	Page        string // format: page, pages
	NoData      string // format: labels
	Low         string // format: min denominator
	LowShort    string // format: min denominator
	TooFew      string // format: counted practices, minimum
	Period      string // format: period
	MoreBarsEnd string // format: first, last, total
	Guess       string
	GuessHint   string
	MoreBars    string // format: from, to, total
	NoValues    string
	ContextHead string
	NoContext   string
	// The context page: bands without codes.
	ContextCount  string // format: practices
	ContextNoData string // format: practices
	ContextTooFew string // format: minimum per band
	ContextNote   string // format: minimum per band
	Marks         map[meeting.MarkKind]string
	// MarksShort name the marks where the full names do not fit one line.
	MarksShort map[meeting.MarkKind]string
	Units      map[meeting.Unit]string
}

func chartText(lang string) chartStrings {
	if lang == "en" {
		return chartStrings{
			Page: "%d/%d", NoData: "no data: %s", Low: "n<%d: too few patients, not counted", LowShort: "n<%d",
			TooFew: "no cluster statistic: only %d practices count (at least %d needed)",
			Period: "Period: %s", Guess: "Where do you think the cluster is?", GuessHint: "press r to show the bars",
			MoreBars: "▼ %d–%d of %d · pgdn for more", MoreBarsEnd: "▲ %d–%d of %d · pgup for the first", NoValues: "No figures for this indicator yet.",
			ContextHead: "The practices in context", NoContext: "The pack defines no context indicators.",
			ContextCount: "%d practices", ContextNoData: "no data: %d practices", ContextTooFew: "too few practices with figures to show a spread (at least %d)",
			ContextNote: "Groups of at least %d practices, without codes · your own figures are on your slip",
			Marks: map[meeting.MarkKind]string{
				meeting.MarkMean: "cluster mean", meeting.MarkMedian: "cluster median", meeting.MarkRegion: "region",
				meeting.MarkNational: "national", meeting.MarkTarget: "target", meeting.MarkTopQuartile: "top quarter",
				meeting.MarkABC: "achievable (ABC)",
			},
			MarksShort: map[meeting.MarkKind]string{
				meeting.MarkMean: "mean", meeting.MarkMedian: "median", meeting.MarkRegion: "region",
				meeting.MarkNational: "national", meeting.MarkTarget: "target", meeting.MarkTopQuartile: "top 25%",
				meeting.MarkABC: "ABC",
			},
			Units: map[meeting.Unit]string{meeting.UnitPercent: "%", meeting.UnitPer1000: "‰", meeting.UnitCount: "", meeting.UnitDays: "days"},
		}
	}
	return chartStrings{
		Page: "%d/%d", NoData: "ingen data: %s", Low: "n<%d: for få patienter, ikke talt med", LowShort: "n<%d",
		TooFew: "ingen klyngestatistik: kun %d praksis tæller (mindst %d skal)",
		Period: "Periode: %s", Guess: "Hvor tror I, klyngen ligger?", GuessHint: "tryk r for at vise søjlerne",
		MoreBars: "▼ %d–%d af %d · pgdn for flere", MoreBarsEnd: "▲ %d–%d af %d · pgup for de første", NoValues: "Ingen tal for denne indikator endnu.",
		ContextHead: "Praksis i kontekst", NoContext: "Pakken har ingen kontekstindikatorer.",
		ContextCount: "%d praksis", ContextNoData: "ingen data: %d praksis", ContextTooFew: "for få praksis med tal til at vise en fordeling (mindst %d)",
		ContextNote: "Grupper med mindst %d praksis, uden koder · jeres egne tal står på jeres seddel",
		Marks: map[meeting.MarkKind]string{
			meeting.MarkMean: "klyngens gennemsnit", meeting.MarkMedian: "klyngens median", meeting.MarkRegion: "regionen",
			meeting.MarkNational: "landet", meeting.MarkTarget: "mål", meeting.MarkTopQuartile: "bedste fjerdedel",
			meeting.MarkABC: "opnåeligt (ABC)",
		},
		MarksShort: map[meeting.MarkKind]string{
			meeting.MarkMean: "gns.", meeting.MarkMedian: "median", meeting.MarkRegion: "region",
			meeting.MarkNational: "landet", meeting.MarkTarget: "mål", meeting.MarkTopQuartile: "top 25 %",
			meeting.MarkABC: "ABC",
		},
		Units: map[meeting.Unit]string{meeting.UnitPercent: "%", meeting.UnitPer1000: "‰", meeting.UnitCount: "", meeting.UnitDays: "dage"},
	}
}

// markSymbol draws a mark above the bars and in the legend; each kind has
// its own symbol so marks read without colour.
func markSymbol(k meeting.MarkKind) string {
	switch k {
	case meeting.MarkMean:
		return "┃"
	case meeting.MarkMedian:
		return "╏"
	case meeting.MarkRegion:
		return "R"
	case meeting.MarkNational:
		return "N"
	case meeting.MarkTarget:
		return "◎"
	case meeting.MarkTopQuartile:
		return "▲"
	case meeting.MarkABC:
		return "★"
	}
	return "│"
}

// formatValue writes a value the way the language writes numbers
// (meeting.FormatNumber), followed by the unit's symbol.
func formatValue(lang string, v float64, unit meeting.Unit, units map[meeting.Unit]string) string {
	out := meeting.FormatNumber(v, unit, lang)
	if u := units[unit]; u != "" {
		out += " " + u
	}
	return out
}

// niceMax rounds an axis maximum up to 1, 2, 2.5 or 5 times a power of
// ten, so the ticks are round numbers. Shares always run to 100 %: a bar
// at 20 % should look like a fifth.
func niceMax(max float64, unit meeting.Unit) float64 {
	if unit == meeting.UnitPercent {
		return 100
	}
	if max <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(max)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= max {
			return m * p
		}
	}
	return 10 * p
}
