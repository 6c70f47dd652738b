package export

import (
	"strconv"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting/msg"
)

// An export's fixed words, dates and numbers come from the message
// catalogue (meeting/msg) in the language the caller passes: "da" (the
// default) or "en". What users typed (names, pledges, notes) stays as it
// was written.

// longDate writes "torsdag den 3. december 2026" or "Thursday 3 December
// 2026". The year is passed as text: the catalogue would group its digits.
func longDate(p *msg.Printer, t time.Time) string {
	return p.T("export.LongDate", p.Words("export.Weekdays")[t.Weekday()], t.Day(),
		p.Words("export.Months")[t.Month()-1], strconv.Itoa(t.Year()))
}

// shortDate writes a date as the language's spreadsheets read it:
// dd-mm-yyyy in Danish, yyyy-mm-dd (ISO 8601) in English.
func shortDate(p *msg.Printer, t time.Time) string {
	if p.Lang() == "en" {
		return t.Format("2006-01-02")
	}
	return t.Format("02-01-2006")
}

// clockTime writes a time of day: 18.30 in Danish, 18:30 in English.
func clockTime(p *msg.Printer, t time.Time) string {
	if p.Lang() == "en" {
		return t.Format("15:04")
	}
	return t.Format("15.04")
}

// plainNumber writes v with the language's decimal separator and no
// thousands separator, as a spreadsheet reads a number from CSV.
func plainNumber(p *msg.Printer, v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if p.Lang() == "en" {
		return s
	}
	return strings.Replace(s, ".", ",", 1)
}

// columns splits a tab-separated header from the catalogue.
func columns(p *msg.Printer, key string) []string { return strings.Split(p.T(key), "\t") }
