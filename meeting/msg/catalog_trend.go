package msg

// trendEntries are the words of the trend per indicator across meetings
// (issue 17): the store's history read and the projected trend page.
var trendEntries = []Entry{
	{"store.DoReadIndicatorHistory", "læse indikatoren %s på klyngens tidligere møder", "read indicator %s at the cluster's earlier meetings"},

	// The trend page of a data item (tui/trend.go).
	{"tui.KeyTrend", "udvikling", "trend"},
	{"tui.TrendTitle", "Udvikling: %s", "Trend: %s"},
	{"tui.TrendLoading", "Henter klyngens tidligere møder …", "Reading the cluster's earlier meetings …"},
	{"tui.TrendGuess", "Gæt først: udviklingen vises, når søjlerne er vist.", "Guess first: the trend shows once the bars are shown."},
	{"tui.TrendNone", "Ingen tidligere møder i klyngen har denne indikator: udviklingen kan vises fra næste møde.",
		"No earlier meeting of the cluster has this indicator: the trend can be shown from the next meeting."},
	{"tui.TrendBand", "midterste halvdel af praksis (kvartiler)", "middle half of the practices (quartiles)"},
	{"tui.TrendBandShort", "midterste halvdel", "middle half"},
	{"tui.TrendOtherUnit", "målt i en anden enhed", "measured in another unit"},
	{"tui.TrendTooFew", "for få praksis (%[1]d, mindst %[2]d)", "too few practices (%[1]d, at least %[2]d)"},
	{"tui.TrendNote", "n = praksis talt med · kun klyngens tal, ingen praksis vises · jeres egen udvikling står på jeres seddel",
		"n = practices counted · cluster figures only, no practice shown · your own trend is on your slip"},
	{"tui.ConsoleTrendShown", "udvikling", "trend"},
	{"tui.ConsoleTrend", "Udvikling (%s):", "Trend (%s):"},
	{"tui.TrendLatest", "de seneste %[1]d af %[2]d møder", "the latest %[1]d of %[2]d meetings"},
}
