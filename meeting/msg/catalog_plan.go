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
}
