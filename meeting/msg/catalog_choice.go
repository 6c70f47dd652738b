package msg

// choiceEntries are the words of issue 17's choice among options (a pack's
// [[choice]] groups shown as one stacked chart) and of the one-line
// headline above every chart.
var choiceEntries = []Entry{
	// The headline above a chart. Higher is better: how many reach the
	// target; lower is better: how many are at or under it; no direction:
	// no judgement, the mean and the spread only.
	{"tui.HeadlineHigher", "Klyngen: %[1]s i gennemsnit — målet er %[2]s, %[3]d praksis når det", "Cluster: %[1]s on average — the target is %[2]s, %[3]d {3:practice reaches|practices reach} it"},
	{"tui.HeadlineLower", "Klyngen: %[1]s i gennemsnit — målet er højst %[2]s, %[3]d praksis er på eller under", "Cluster: %[1]s on average — the target is at most %[2]s, %[3]d {3:practice is|practices are} at or below it"},
	{"tui.HeadlineSpread", "Klyngen: %[1]s i gennemsnit, fra %[2]s til %[3]s", "Cluster: %[1]s on average, from %[2]s to %[3]s"},
	{"tui.HeadlineTarget", "Målet er %s", "The target is %s"},
	{"tui.HeadlineTargetLower", "Målet er højst %s", "The target is at most %s"},
}
