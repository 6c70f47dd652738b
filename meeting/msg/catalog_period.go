package msg

// periodEntries word periods, the pack's limit on how old figures may be,
// the freshness warnings and the credibility line under a chart.
var periodEntries = []Entry{
	// How a period is shown (meeting.Period.Word).
	{"period.Months", "jan.|feb.|mar.|apr.|maj|jun.|jul.|aug.|sep.|okt.|nov.|dec.", "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"},
	{"period.Year", "%d", "%d"},
	{"period.Quarter", "%[2]d. kvt. %[1]d", "Q%[2]d %[1]d"},
	{"period.Month", "%[2]s %[1]d", "%[2]s %[1]d"},
	{"period.Date", "%d. %s %d", "%d %s %d"},
	{"period.Range", "%s–%s", "%s–%s"},
	{"period.AgeDays", "%d {1:dag|dage}", "%d {1:day|days}"},
	{"period.AgeMonths", "%d {1:måned|måneder}", "%d {1:month|months}"},
	{"period.AgeYears", "%d år", "%d {1:year|years}"},

	// A period or max_age that cannot be read.
	{"period.ErrForm", "»%s« er ikke en periode: skriv et kvartal som 2026Q3, et år som 2026, en måned som 2026-09 eller et datointerval som 01.10.2025–30.09.2026",
		"%q is not a period: write a quarter such as 2026Q3, a year such as 2026, a month such as 2026-09 or a range of dates such as 01.10.2025–30.09.2026"},
	{"period.ErrYear", "»%s« har et årstal uden for 1900–2999: skriv fx 2026Q3 eller 2026", "%q has a year outside 1900–2999: write e.g. 2026Q3 or 2026"},
	{"period.ErrMonth", "»%s« har ingen måned 1–12: skriv en måned som 2026-09", "%q has no month 1–12: write a month such as 2026-09"},
	{"period.ErrDate", "»%s«: datoen %s findes ikke: skriv dag.måned.år, fx 01.10.2025–30.09.2026", "%q: the date %s does not exist: write day.month.year, e.g. 01.10.2025–30.09.2026"},
	{"period.ErrBackwards", "»%s« slutter, før den begynder: skriv den tidligste dato først, fx 01.10.2025–30.09.2026", "%q ends before it begins: write the earlier date first, e.g. 01.10.2025–30.09.2026"},
	{"problem.Period", "%s: %v", "%s: %v"},
	{"period.ErrMaxAge", "max_age »%s« kan ikke læses: skriv et antal måneder som \"6m\", dage som \"90d\" eller år som \"1y\"",
		"max_age %q cannot be read: write a number of months such as \"6m\", days such as \"90d\" or years such as \"1y\""},

	// Freshness warnings (meeting new, data import, the data item).
	{"period.StaleLine", "advarsel: %[1]s: tallene for %[2]s er ældre end %[3]s ved mødet %[4]s (%[5]d {5:praksis|praksis})",
		"warning: %[1]s: the figures for %[2]s are older than %[3]s at the meeting on %[4]s (%[5]d {5:practice|practices})"},
	{"period.UndatedLine", "advarsel: %[1]s: %[2]d {2:praksis|praksis} har tal uden periode, så deres alder kan ikke ses (pakken kræver højst %[3]s)",
		"warning: %[1]s: %[2]d {2:practice has|practices have} figures without a period, so their age cannot be told (the pack allows at most %[3]s)"},
	{"period.StaleNote", "Tal fra %s – ældre end %s", "Figures from %s – older than %s"},
	{"period.StaleItem", "Gamle tal (ældre end %s): %s", "Old figures (older than %s): %s"},
	{"period.NoPeriod", "%s uden periode", "%s without a period"},

	// The credibility line under a chart.
	{"period.Source", "Kilde: %s", "Source: %s"},
	{"period.Counted", "%[1]d af %[2]d {2:praksis|praksis} talt med", "%[1]d of %[2]d {2:practice|practices} counted"},
	{"period.CredSep", " · ", " · "},
}
