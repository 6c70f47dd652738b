package tui

import (
	"reflect"

	"github.com/klynge/klynge/meeting/msg"
)

// consoleText holds the presenter console's own words and the projector's
// pointers to it, in one language; the console otherwise uses Text. Each
// field ConsoleName holds the catalogue's message "tui.ConsoleName"
// (meeting/msg/catalog_console.go), a fmt format where it takes values.
type consoleText struct {
	ConsoleTitle          string
	ConsoleNow            string
	ConsoleThen           string
	ConsoleAbout          string
	ConsoleBudget         string
	ConsoleNotStarted     string
	ConsoleNotes          string
	ConsoleNoNotes        string
	ConsoleNextSlide      string
	ConsoleLastSlide      string
	ConsoleNoSlides       string
	ConsoleRound          string
	ConsoleRoundLeft      string
	ConsoleRoundOver      string
	ConsoleRoundWaiting   string
	ConsoleRoundPaused    string
	ConsoleGroups         string
	ConsoleNoGroups       string
	ConsoleGroup          string
	ConsoleAttendance     string
	ConsoleMissing        string
	ConsoleMore           string
	ConsoleFollowUps      string
	ConsoleNoFollowUps    string
	ConsoleHistoryAsk     string
	ConsoleHistoryWarn    string
	ConsoleKeySlide       string
	ConsoleKeyPage        string
	ConsoleKeyIndicator   string
	ConsoleChart          string
	ConsoleChartHidden    string
	ConsoleChartShown     string
	ConsoleKeyHistory     string
	ConsoleEvaluation     string
	ConsoleEvalNone       string
	ConsoleKeyMinute      string
	ConsolePrivateCodeKey string
	ConsolePrivateNotes   string
	ConsolePrivateHistory string
}

// consoleLang returns the console's words in lang; Danish unless English
// is asked for.
func consoleLang(lang string) consoleText {
	p := msg.For(lang)
	var t consoleText
	v := reflect.ValueOf(&t).Elem()
	for i := 0; i < v.NumField(); i++ {
		v.Field(i).SetString(p.Format("tui." + v.Type().Field(i).Name))
	}
	return t
}
