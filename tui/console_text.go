package tui

import "strings"

// consoleText holds the presenter console's own words and the projector's
// pointers to it, in one language. The console otherwise uses Text.
type consoleText struct {
	Title        string // the console's banner: not for the projector
	Now          string
	Then         string
	About        string // format: time (a projected start)
	Budget       string // format: planned end, projected end, drift
	NotStarted   string // format: planned start
	Notes        string // format: slide, slides
	NoNotes      string
	NextSlide    string // format: title
	LastSlide    string
	NoSlides     string
	Round        string
	RoundLeft    string // format: m:ss
	RoundOver    string // format: m:ss
	RoundWaiting string // format: planned minutes
	RoundPaused  string // format: m:ss
	Groups       string // format: number of groups
	NoGroups     string
	Group        string // format: number, names
	Attendance   string // format: present, apologies, not checked in
	Missing      string // format: names
	FollowUps    string // format: open pledges
	NoFollowUps  string
	HistoryAsk   string
	HistoryWarn  string
	Minutes      string // format: title, minutes (an item's new length)
	KeySlide     string
	KeyHistory   string
	KeyMinute    string
	// The projector's refusals while a console is open.
	PrivateCodeKey string
	PrivateNotes   string
	PrivateHistory string
}

// consoleLang returns the console's words in lang; Danish unless English
// is asked for.
func consoleLang(lang string) consoleText {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return consoleText{
			Title:          "CONSOLE – not for the projector",
			Now:            "Now",
			Then:           "Then",
			About:          "about %s",
			Budget:         "Planned end %s · projected end %s · %s",
			NotStarted:     "The meeting has not started (planned %s). s starts it.",
			Notes:          "Notes, slide %d/%d",
			NoNotes:        "(no notes for this slide)",
			NextSlide:      "Next slide: %s",
			LastSlide:      "(last slide)",
			NoSlides:       "The pack has no slides.",
			Round:          "Round",
			RoundLeft:      "%s left",
			RoundOver:      "%s over time",
			RoundWaiting:   "not started (%d min)",
			RoundPaused:    "paused, %s left",
			Groups:         "%d groups",
			NoGroups:       "no groups formed yet",
			Group:          "%d: %s",
			Attendance:     "Attendance: %d present · %d apologies · %d not checked in",
			Missing:        "Missing: %s",
			FollowUps:      "Follow-up: %d open pledges from earlier meetings",
			NoFollowUps:    "Follow-up: no open pledges",
			HistoryAsk:     "Attendance history – not for the projector",
			HistoryWarn:    "The history shows who has missed meetings. Make sure this screen is not the one on the wall.",
			Minutes:        "»%s« now has %d min",
			KeySlide:       "slide",
			KeyHistory:     "history",
			KeyMinute:      "±1 min",
			PrivateCodeKey: "The code key shows only on the presenter console while one is open (klynge console).",
			PrivateNotes:   "The speaker notes show only on the presenter console while one is open (klynge console).",
			PrivateHistory: "The attendance history shows only on the presenter console while one is open (klynge console).",
		}
	}
	return consoleText{
		Title:          "KONSOL – ikke til projektor",
		Now:            "Nu",
		Then:           "Derefter",
		About:          "ca. %s",
		Budget:         "Planlagt slut %s · forventet slut %s · %s",
		NotStarted:     "Mødet er ikke startet (planlagt %s). s starter det.",
		Notes:          "Noter, dias %d/%d",
		NoNotes:        "(ingen noter til dette dias)",
		NextSlide:      "Næste dias: %s",
		LastSlide:      "(sidste dias)",
		NoSlides:       "Pakken har ingen dias.",
		Round:          "Runde",
		RoundLeft:      "%s tilbage",
		RoundOver:      "%s over tiden",
		RoundWaiting:   "ikke startet (%d min)",
		RoundPaused:    "på pause, %s tilbage",
		Groups:         "%d grupper",
		NoGroups:       "ingen grupper dannet endnu",
		Group:          "%d: %s",
		Attendance:     "Fremmøde: %d til stede · %d afbud · %d ikke tjekket ind",
		Missing:        "Mangler: %s",
		FollowUps:      "Opfølgning: %d åbne tiltag fra tidligere møder",
		NoFollowUps:    "Opfølgning: ingen åbne tiltag",
		HistoryAsk:     "Fremmødehistorik – ikke til projektor",
		HistoryWarn:    "Historikken viser, hvem der har manglet til møderne. Sørg for, at det ikke er denne skærm, der vises på væggen.",
		Minutes:        "»%s« har nu %d min",
		KeySlide:       "dias",
		KeyHistory:     "historik",
		KeyMinute:      "±1 min",
		PrivateCodeKey: "Kodenøglen vises kun på konsollen, mens en konsol er åben (klynge console).",
		PrivateNotes:   "Talernoterne vises kun på konsollen, mens en konsol er åben (klynge console).",
		PrivateHistory: "Fremmødehistorikken vises kun på konsollen, mens en konsol er åben (klynge console).",
	}
}
