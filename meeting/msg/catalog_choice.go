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

	// The stacked chart of a choice among options.
	{"tui.ChoiceHeadline", "Klyngen: %[1]d %% valgte %[2]s — målet er %[3]s, %[4]d praksis når det", "Cluster: %[1]d %% chose %[2]s — the target is %[3]s, %[4]d {4:practice reaches|practices reach} it"},
	{"tui.ChoiceHeadlineShare", "Klyngen: %[1]d %% valgte %[2]s", "Cluster: %[1]d %% chose %[2]s"},
	{"tui.ChoiceHeadlineTarget", "Målet er %[1]s %[2]s", "The target is %[1]s %[2]s"},
	{"tui.ChoiceMix", "Klyngen", "Cluster"},
	{"tui.ChoiceOther", "andet", "other"},
	{"tui.ChoiceMismatch", "tal passer ikke sammen, ikke talt med: %s", "figures do not add up, not counted: %s"},
	{"tui.ChoiceMismatchShort", "passer ikke", "do not fit"},
	{"tui.ChoiceTooFew", "ingen klyngemiks: kun %[1]d praksis tæller (mindst %[2]d skal)", "no cluster mix: only %[1]d {1:practice counts|practices count} (at least %[2]d needed)"},

	// pack.toml's [[choice]] tables.
	{"problem.ChoiceN", "valg %d", "choice %d"},
	{"problem.ChoiceID", "valget »%s«", "choice %q"},
	{"problem.ChoiceIDTaken", "id'et »%s« er allerede brugt på linje %d: giv valget sit eget id, forskelligt fra indikatorernes", "the id %q is already used on line %d: give the choice its own id, different from the indicators'"},
	{"problem.ChoiceOptionUnit", "%s: indikatoren »%s« har enheden %s; et valgs muligheder er andele med unit = \"%%\" og fælles nævner", "%s: indicator %q has unit %s; a choice's options are shares with unit = \"%%\" and a shared denominator"},
	{"problem.ChoiceNoOptions", `%s har ingen options: tilføj options = ["…", "…"] med id'erne på de indikatorer, der deler nævner`, `%s has no options: add options = ["…", "…"] with the ids of the indicators that share a denominator`},
	{"problem.ChoiceFewOptions", "%s har %d {2:mulighed|muligheder}: et valg skal have mindst 2", "%s has %d {2:option|options}: a choice needs at least 2"},
	{"problem.ChoicePreferred", "preferred = »%s« i %s er ikke en af dets options: brug en af %s", "preferred = %q in %s is not one of its options: use one of %s"},
	{"problem.ChoiceNoPreferred", `%s har ingen preferred: tilføj preferred = "…", den anbefalede af dets options`, `%s has no preferred: add preferred = "…", the recommended one of its options`},

	// Rows of a practice that make no stacked bar, warned at pack check
	// and data import.
	{"problem.WarnChoiceMissing", "praksis %[1]s har ingen række for %[2]s i valget »%[3]s«: den står uden søjle på grafen, til tallet kommer", "practice %[1]s has no row for %[2]s in choice %[3]q: it gets no bar on the chart until the figure comes in"},
	{"problem.WarnChoiceNoCounts", "praksis %[1]s har en færdig værdi uden tæller og nævner for %[2]s i valget »%[3]s«: den står uden søjle på grafen; send tæller og nævner", "practice %[1]s has a ready value without numerator and denominator for %[2]s in choice %[3]q: it gets no bar on the chart; send numerator and denominator"},
	{"problem.WarnChoiceDenominators", "praksis %[1]s har forskellige nævnere (%[2]s) for mulighederne i valget »%[3]s«, som skal dele én nævner: den står uden søjle på grafen", "practice %[1]s has different denominators (%[2]s) for the options of choice %[3]q, which must share one: it gets no bar on the chart"},
	{"problem.WarnChoiceOver", "praksis %[1]s: tællerne i valget »%[3]s« er tilsammen mere end nævneren %[2]s: den står uden søjle på grafen", "practice %[1]s: the numerators of choice %[3]q add up to more than the denominator %[2]s: it gets no bar on the chart"},
}
