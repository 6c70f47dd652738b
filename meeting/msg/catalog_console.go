package msg

// consoleEntries are the presenter console's texts (tui.Console*) and the
// projector's pointers to it. A key "tui.ConsoleName" fills the field
// ConsoleName of the console's texts (tui/console_text.go).
var consoleEntries = []Entry{
	{"tui.ConsoleTitle", "KONSOL – ikke til projektor", "CONSOLE – not for the projector"},
	{"tui.ConsoleNow", "Nu", "Now"},
	{"tui.ConsoleThen", "Derefter", "Then"},
	{"tui.ConsoleAbout", "ca. %s", "about %s"},
	{"tui.ConsoleBudget", "Planlagt slut %s · forventet slut %s · %s", "Planned end %s · projected end %s · %s"},
	{"tui.ConsoleNotStarted", "Mødet er ikke startet (planlagt %s). s starter det.", "The meeting has not started (planned %s). s starts it."},
	{"tui.ConsoleNotes", "Noter, dias %d/%d", "Notes, slide %d/%d"},
	{"tui.ConsoleNoNotes", "(ingen noter til dette dias)", "(no notes for this slide)"},
	{"tui.ConsoleNextSlide", "Næste dias: %s", "Next slide: %s"},
	{"tui.ConsoleLastSlide", "(sidste dias)", "(last slide)"},
	{"tui.ConsoleNoSlides", "Pakken har ingen dias.", "The pack has no slides."},
	{"tui.ConsoleRound", "Runde", "Round"},
	{"tui.ConsoleRoundLeft", "%s tilbage", "%s left"},
	{"tui.ConsoleRoundOver", "%s over tiden", "%s over time"},
	{"tui.ConsoleRoundWaiting", "ikke startet (%d min)", "not started (%d min)"},
	{"tui.ConsoleRoundPaused", "på pause, %s tilbage", "paused, %s left"},
	{"tui.ConsoleGroups", "%d grupper", "%d groups"},
	{"tui.ConsoleNoGroups", "ingen grupper dannet endnu", "no groups formed yet"},
	{"tui.ConsoleGroup", "%d: %s", "%d: %s"},
	{"tui.ConsoleAttendance", "Fremmøde: %d til stede · %d afbud · %d ikke tjekket ind", "Attendance: %d present · %d apologies · %d not checked in"},
	{"tui.ConsoleMissing", "Mangler: %s", "Missing: %s"},
	{"tui.ConsoleFollowUps", "Opfølgning: %d åbne tiltag fra tidligere møder", "Follow-up: %d open pledges from earlier meetings"},
	{"tui.ConsoleNoFollowUps", "Opfølgning: ingen åbne tiltag", "Follow-up: no open pledges"},
	{"tui.ConsoleHistoryAsk", "Fremmødehistorik – ikke til projektor", "Attendance history – not for the projector"},
	{"tui.ConsoleHistoryWarn", "Historikken viser, hvem der har manglet til møderne. Sørg for, at det ikke er denne skærm, der vises på væggen.", "The history shows who has missed meetings. Make sure this screen is not the one on the wall."},
	{"tui.ConsoleKeySlide", "dias", "slide"},
	{"tui.ConsoleKeyHistory", "historik", "history"},
	{"tui.ConsoleKeyMinute", "±1 min", "±1 min"},
	{"tui.ConsolePrivateCodeKey", "Kodenøglen vises kun på konsollen, mens en konsol er åben (klynge console).", "The code key shows only on the presenter console while one is open (klynge console)."},
	{"tui.ConsolePrivateNotes", "Talernoterne vises kun på konsollen, mens en konsol er åben (klynge console).", "The speaker notes show only on the presenter console while one is open (klynge console)."},
	{"tui.ConsolePrivateHistory", "Fremmødehistorikken vises kun på konsollen, mens en konsol er åben (klynge console).", "The attendance history shows only on the presenter console while one is open (klynge console)."},
}
