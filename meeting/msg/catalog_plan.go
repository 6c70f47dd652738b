package msg

// planEntries are the words of the evaluation, the decisions, the year
// plan and `pack new` (issue 16): domain errors, TUI, CLI and exports.
var planEntries = []Entry{
	// Evaluation: domain errors.
	{"err.NotEvaluation", "»%s« er ikke et evalueringspunkt; scorer gives på evalueringen", "%q is not an evaluation item; scores are given on the evaluation"},
	{"err.ScoreRange", "en score er fra 0 til 10, ikke %d", "a score is from 0 to 10, not %d"},
	{"err.HandsRange", "antal hænder skal være fra 1 til %[2]d, ikke %[1]d", "the number of hands must be from 1 to %[2]d, not %[1]d"},
	{"err.NoScoreToUndo", "der er ingen score at fortryde", "there is no score to undo"},

	// Evaluation: the TUI.
	{"tui.KeyScore", "score", "score"},
	{"tui.KeyScore10", "10", "10"},
	{"tui.KeyHands", "hænder", "hands"},
	{"tui.KeyUndoScore", "fortryd", "undo"},
	{"tui.KeyEvalNotes", "noter", "notes"},
	{"tui.EvalScoreWhat", "score %[1]d × %[2]d", "score %[1]d × %[2]d"},
	{"tui.NoticeScore", "%[1]s gemt; %[2]d {2:score|scorer} i alt", "%[1]s saved; %[2]d {2:score|scores} in all"},
	{"tui.NoticeScoreUndone", "%s fortrudt", "%s undone"},
	{"tui.EvalWorked", "Det virkede", "What worked"},
	{"tui.EvalChange", "Det ændrer vi", "What to change"},
	{"tui.EvalNoScores", "Ingen scorer endnu: tast 0–9, * for 10, eller c for håndsoprækning", "No scores yet: type 0–9, * for 10, or c for a show of hands"},
	{"tui.EvalStats", "n = %[1]d · gennemsnit %[2]s · median %[3]s", "n = %[1]d · mean %[2]s · median %[3]s"},
	{"tui.EvalTrend", "Tidligere møder (gennemsnit):", "Earlier meetings (mean):"},
	{"tui.EvalTonight", "i aften %s", "tonight %s"},
	{"tui.HandsTitle", "Håndsoprækning", "Show of hands"},
	{"tui.HandsHint", "Hvor mange rakte hånden op for denne score?", "How many raised a hand for this score?"},
	{"tui.FieldScore", "Score (0–10)", "Score (0–10)"},
	{"tui.FieldHands", "Antal hænder", "Hands"},
	{"tui.EvalNotesTitle", "Evaluering: noter", "Evaluation: notes"},
	{"tui.BadScore", "Skriv en score fra 0 til 10.", "Type a score from 0 to 10."},
	{"tui.BadHands", "Skriv et antal hænder fra 1 til %d.", "Type a number of hands from 1 to %d."},
	{"tui.NoticeEvalNotes", "Evalueringens noter er gemt", "Evaluation notes saved"},

	// Evaluation: the minutes and `klynge evaluation`.
	{"export.Evaluation", "Evaluering", "Evaluation"},
	{"export.EvalStats", "Scorer: n = %[1]d, gennemsnit %[2]s, median %[3]s.", "Scores: n = %[1]d, mean %[2]s, median %[3]s."},
	{"export.EvalScore", "Score", "Score"},
	{"export.EvalCount", "Antal", "Count"},
	{"export.EvalWorked", "Det virkede", "What worked"},
	{"export.EvalChange", "Det ændrer vi", "What to change"},
	{"export.EvalTrend", "Klyngens evalueringer over tid", "The cluster's evaluations over time"},
	{"export.EvalTrendHead", "Dato\tMøde\tn\tGennemsnit\tMedian", "Date\tMeeting\tn\tMean\tMedian"},
	{"export.EvalNone", "ingen møder har evalueringsscorer endnu", "no meeting has evaluation scores yet"},

	// The CLI of issue 16.
	{"cli.CannotWrite", "kan ikke skrive %s: %s", "cannot write %s: %s"},
	{"cli.WroteEvaluation", "skrev %[1]d {1:mødes|møders} evaluering til %[2]s", "wrote the evaluation of %[1]d {1:meeting|meetings} to %[2]s"},
	{"cli.BadListExt", "kan ikke se formatet af -o %s på filendelsen: brug et af %s, eller angiv --format", "cannot tell the format of -o %s from its extension: use one of %s, or give --format"},
	{"cli.BadListFormat", "--format %s kendes ikke: brug %s", "--format %s is unknown: use %s"},
	{"cli.ListFormatClash", "--format %s passer ikke til -o %s: ret filendelsen, eller udelad --format", "--format %s does not fit -o %s: change the file's extension, or leave --format out"},

	// Decisions: domain errors.
	{"err.DecisionNoText", "skriv, hvad der blev besluttet", "write what was decided"},
	{"err.VoteRange", "et antal stemmer er fra 0 til %[2]d, ikke %[1]d", "a number of votes is from 0 to %[2]d, not %[1]d"},
	{"err.UnanimousAgainst", "en enstemmig beslutning har ingen stemmer imod og ingen, der undlader", "a unanimous decision has no votes against and no abstentions"},
	{"err.VoteMissing", "angiv afstemningen: »enstemmigt« eller for-imod-undlader, fx 12-3-1", "give the vote: \"unanimous\" or for-against-abstain, e.g. 12-3-1"},
	{"err.BadVote", "»%s« er ikke en afstemning: skriv »enstemmigt« eller for-imod-undlader, fx 12-3-1", "%q is not a vote: write \"unanimous\" or for-against-abstain, e.g. 12-3-1"},
	{"err.DecisionNoItem", "beslutningen hører ikke til et punkt på mødets dagsorden", "the decision is not on an item of the meeting's agenda"},
	{"err.DecisionNotFound", "der er ingen beslutning %d", "there is no decision %d"},

	// Decisions: the TUI.
	{"tui.KeyDecisions", "beslutninger", "decisions"},
	{"tui.KeyAddDecision", "ny beslutning", "new decision"},
	{"tui.KeyEditDecision", "ret", "edit"},
	{"tui.KeyDeleteDecision", "slet", "delete"},
	{"tui.DecisionsTitle", "Beslutninger ved dette møde (%d)", "Decisions at this meeting (%d)"},
	{"tui.NoDecisions", "Ingen beslutninger endnu: tryk a for at skrive en på det viste punkt.", "No decisions yet: press a to record one on the item shown."},
	{"tui.DecisionItem", "punkt: %s", "item: %s"},
	{"tui.DecisionRule", "regel: %s", "rule: %s"},
	{"tui.VoteUnanimous", "enstemmigt", "unanimous"},
	{"tui.VoteCounts", "for %d · imod %d · undlader %d", "for %d · against %d · abstain %d"},
	{"tui.VoteRejected", "forkastet", "rejected"},
	{"tui.RulesInForce", "Klyngens regler i kraft", "The cluster's rules in force"},
	{"tui.DecisionTitle", "Beslutning", "Decision"},
	{"tui.DecisionHint", "Afstemning: »enstemmigt« eller for-imod-undlader, fx 12-3-1. Regel: udfyld kun, hvis beslutningen ændrer en af klyngens faste regler (fx »Anonymitet«).", "Vote: \"unanimous\" or for-against-abstain, e.g. 12-3-1. Rule: fill in only when the decision changes one of the cluster's standing rules (e.g. \"Anonymity\")."},
	{"tui.FieldDecision", "Beslutning", "Decision"},
	{"tui.FieldVote", "Afstemning", "Vote"},
	{"tui.FieldRule", "Ændrer reglen (valgfri)", "Changes the rule (optional)"},
	{"tui.NoticeDecision", "Beslutningen er gemt", "Decision saved"},
	{"tui.NoticeDecisionDeleted", "Beslutningen er slettet", "Decision deleted"},

	// Decisions: the minutes and `klynge decisions`.
	{"export.Decisions", "Beslutninger", "Decisions"},
	{"export.VoteUnanimous", "enstemmigt", "unanimous"},
	{"export.VoteAdopted", "vedtaget", "adopted"},
	{"export.VoteRejected", "forkastet", "rejected"},
	{"export.VoteCounts", "for %d, imod %d, undlader %d (%s)", "for %d, against %d, abstain %d (%s)"},
	{"export.DecisionRule", "ændrer reglen »%s«", "changes the rule %q"},
	{"export.DecisionHead", "Dato\tMøde\tPunkt\tBeslutning\tFor-imod-undlader\tUdfald\tRegel\tI kraft", "Date\tMeeting\tItem\tDecision\tFor-against-abstain\tOutcome\tRule\tIn force"},
	{"export.InForce", "i kraft", "in force"},
	{"export.DecisionLog", "Klyngens beslutninger", "The cluster's decisions"},
	{"export.NoDecisions", "ingen beslutninger endnu", "no decisions yet"},
	{"export.RulesInForce", "Regler i kraft", "Rules in force"},
	{"export.NoRules", "ingen faste regler besluttet", "no standing rules decided"},

	{"cli.WroteDecisions", "skrev %[1]d {1:beslutning|beslutninger} til %[2]s", "wrote %[1]d {1:decision|decisions} to %[2]s"},
	{"cli.NoSuchItem", "der er intet punkt %d på dagsordenen for møde %d; den har %d punkter", "there is no item %d on the agenda of meeting %d; it has %d items"},
	{"cli.DecisionAdded", "beslutning %d er skrevet ved møde %d, punkt »%s«", "recorded decision %d at meeting %d, item %q"},
}
