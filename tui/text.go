package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// Text holds every user-facing string of the TUI in one language.
type Text struct {
	Lang string

	KeyUp, KeyDown, KeyPrev, KeyNext, KeyOpen, KeyBack, KeyStart, KeyHelp, KeyQuit, KeyYes, KeyNo string

	Agenda        string
	ColStart      string
	ColKind       string
	ColTitle      string
	ColPlanned    string
	Planned       string
	NotStarted    string
	StartedAt     string // format: time
	MinutesShort  string
	Loading       string
	Speaker       string
	Questions     string
	Indicators    string
	NoDetails     string
	QuitTitle     string
	QuitBody      string
	TooSmall      string // format: min w, min h, w, h
	HelpTitle     string
	ErrorPrefix   string
	DismissHint   string
	ItemOf        string // format: n, total
	Kinds         map[meeting.ItemKind]string
	Weekdays      [7]string
	Months        [12]string
	HigherBetter  string
	LowerBetter   string
	ContextMarker string
}

// Language returns the strings for lang ("da" or "en"); anything else gets
// Danish, the default.
func Language(lang string) Text {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return english()
	}
	return danish()
}

func danish() Text {
	return Text{
		Lang:  "da",
		KeyUp: "op", KeyDown: "ned", KeyPrev: "forrige punkt", KeyNext: "næste punkt", KeyOpen: "åbn punkt", KeyBack: "tilbage",
		KeyStart: "start mødet", KeyHelp: "hjælp", KeyQuit: "afslut", KeyYes: "ja", KeyNo: "nej",
		Agenda:       "Dagsorden",
		ColStart:     "Start",
		ColKind:      "Punkt",
		ColTitle:     "Titel",
		ColPlanned:   "Planlagt",
		Planned:      "planlagt",
		NotStarted:   "ikke startet",
		StartedAt:    "startet %s",
		MinutesShort: "min",
		Loading:      "Henter mødet …",
		Speaker:      "Oplægsholder",
		Questions:    "Spørgsmål",
		Indicators:   "Indikatorer",
		NoDetails:    "Ingen spørgsmål eller data til dette punkt.",
		QuitTitle:    "Afslut klynge?",
		QuitBody:     "Mødet er i gang. Alt er gemt, og du kan fortsætte med »klynge run«.",
		TooSmall:     "Gør vinduet større: mindst %d×%d tegn (nu %d×%d).",
		HelpTitle:    "Taster",
		ErrorPrefix:  "Fejl",
		DismissHint:  "tryk en tast for at fortsætte",
		ItemOf:       "punkt %d af %d",
		Kinds: map[meeting.ItemKind]string{
			meeting.KindWelcome: "Velkomst", meeting.KindTalk: "Oplæg", meeting.KindData: "Data",
			meeting.KindGroupwork: "Gruppearbejde", meeting.KindPlenum: "Plenum",
			meeting.KindBreak: "Pause", meeting.KindEvaluation: "Evaluering",
		},
		Weekdays:      [7]string{"søn.", "man.", "tirs.", "ons.", "tors.", "fre.", "lør."},
		Months:        [12]string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."},
		HigherBetter:  "højere er bedre",
		LowerBetter:   "lavere er bedre",
		ContextMarker: "kontekst",
	}
}

func english() Text {
	return Text{
		Lang:  "en",
		KeyUp: "up", KeyDown: "down", KeyPrev: "previous item", KeyNext: "next item", KeyOpen: "open item", KeyBack: "back",
		KeyStart: "start meeting", KeyHelp: "help", KeyQuit: "quit", KeyYes: "yes", KeyNo: "no",
		Agenda:       "Agenda",
		ColStart:     "Start",
		ColKind:      "Kind",
		ColTitle:     "Title",
		ColPlanned:   "Planned",
		Planned:      "planned",
		NotStarted:   "not started",
		StartedAt:    "started %s",
		MinutesShort: "min",
		Loading:      "Loading the meeting …",
		Speaker:      "Speaker",
		Questions:    "Questions",
		Indicators:   "Indicators",
		NoDetails:    "No questions or data for this item.",
		QuitTitle:    "Quit klynge?",
		QuitBody:     "The meeting is under way. Everything is saved; continue with `klynge run`.",
		TooSmall:     "Make the window larger: at least %d×%d characters (now %d×%d).",
		HelpTitle:    "Keys",
		ErrorPrefix:  "Error",
		DismissHint:  "press any key to continue",
		ItemOf:       "item %d of %d",
		Kinds: map[meeting.ItemKind]string{
			meeting.KindWelcome: "Welcome", meeting.KindTalk: "Talk", meeting.KindData: "Data",
			meeting.KindGroupwork: "Group work", meeting.KindPlenum: "Plenary",
			meeting.KindBreak: "Break", meeting.KindEvaluation: "Evaluation",
		},
		Weekdays:      [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		Months:        [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		HigherBetter:  "higher is better",
		LowerBetter:   "lower is better",
		ContextMarker: "context",
	}
}

// Date formats a date the way the language writes it on a slide:
// "man. 23. nov. 2026" or "Mon 23 Nov 2026".
func (t Text) Date(d time.Time) string {
	if t.Lang == "en" {
		return fmt.Sprintf("%s %d %s %d", t.Weekdays[d.Weekday()], d.Day(), t.Months[d.Month()-1], d.Year())
	}
	return fmt.Sprintf("%s %d. %s %d", t.Weekdays[d.Weekday()], d.Day(), t.Months[d.Month()-1], d.Year())
}

// Clock formats a time of day as 24-hour HH:MM, as both languages do here.
func (t Text) Clock(d time.Time) string { return d.Format("15:04") }

// Kind names an agenda item kind.
func (t Text) Kind(k meeting.ItemKind) string {
	if s, ok := t.Kinds[k]; ok {
		return s
	}
	return string(k)
}

// kindSymbol marks each kind with a symbol so the agenda never relies on
// colour alone.
func kindSymbol(k meeting.ItemKind) string {
	switch k {
	case meeting.KindWelcome:
		return "»"
	case meeting.KindTalk:
		return "▣"
	case meeting.KindData:
		return "▤"
	case meeting.KindGroupwork:
		return "◉"
	case meeting.KindPlenum:
		return "◎"
	case meeting.KindBreak:
		return "‖"
	case meeting.KindEvaluation:
		return "★"
	}
	return "·"
}
