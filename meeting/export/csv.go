package export

import (
	"io"
	"strings"

	"github.com/klynge/klynge/meeting/msg"
)

// Excel CSV: what Danish Excel opens as it is, by double-click, without the
// import wizard. It reads UTF-8 only after a byte-order mark, splits on ';'
// (the list separator of a Danish Windows), and guesses each cell's type —
// which is where the two traps of this file lie:
//
//   - digits are read as a number, so the ydernummer 027475 shows as 27475,
//     and numbers joined by dashes as a date, so the vote 12-3-1 shows as
//     12-03-2001; a cell written as the formula ="027475" is the text
//     027475 instead (Excel evaluates it on opening; so do LibreOffice and
//     Google Sheets).
//   - a cell starting with =, +, -, @ (or a tab or CR before them) is run as
//     a formula, so a pledge typed as =HYPERLINK(…) or =cmd|… would run on
//     the reader's machine; such text gets a leading apostrophe, which shows
//     and makes the cell plain text (the OWASP advice for CSV injection).

// CSVText is a text cell for an Excel CSV: text that a spreadsheet would
// run as a formula is neutralised with a leading apostrophe; anything else
// is kept as it is, line breaks (CR included) too.
func CSVText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r\n", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CSVDigits is a cell of digits that must stay text in Excel, such as a
// ydernummer with its leading zero: ="027475". Anything that is not all
// digits is a CSVText cell.
func CSVDigits(s string) string {
	if s == "" {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return CSVText(s)
		}
	}
	return CSVVerbatim(s)
}

// CSVVerbatim is a cell Excel must show exactly as written although it
// looks like something else, such as a vote 12-3-1, which Danish Excel
// reads as the date 12-03-2001: ="12-3-1" is that text. Quotes in s are
// doubled inside the formula's string.
func CSVVerbatim(s string) string {
	if s == "" {
		return s
	}
	return `="` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// WriteExcelCSV writes records as CSV that Danish Excel opens as it is:
// a UTF-8 byte-order mark, ';' between fields, CRLF between records. A
// field holding ';', '"', a line break (CR or LF) or spaces at either end
// is quoted, with '"' doubled; every byte of a field is kept, a lone CR
// included (encoding/csv drops it when writing CRLF). The cells should
// already be made with CSVText or CSVDigits where they hold text.
func WriteExcelCSV(w io.Writer, records [][]string) error { return writeCSV(w, ';', records) }

// WriteCSV writes records as CSV that Excel opens as it is in lang's
// locale: WriteExcelCSV for Danish ("da"); for English ("en") the same
// but with ',' between fields, the list separator of an English Windows.
func WriteCSV(w io.Writer, lang string, records [][]string) error {
	if msg.Lang(lang) == "en" {
		return writeCSV(w, ',', records)
	}
	return writeCSV(w, ';', records)
}

func writeCSV(w io.Writer, sep byte, records [][]string) error {
	var b strings.Builder
	b.WriteString("\uFEFF")
	for _, rec := range records {
		for i, f := range rec {
			if i > 0 {
				b.WriteByte(sep)
			}
			if needsQuotes(f, sep) {
				b.WriteByte('"')
				b.WriteString(strings.ReplaceAll(f, `"`, `""`))
				b.WriteByte('"')
			} else {
				b.WriteString(f)
			}
		}
		b.WriteString("\r\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// needsQuotes reports whether a CSV field must be quoted to read back as
// it is.
func needsQuotes(f string, sep byte) bool {
	if f == "" {
		return false
	}
	return strings.ContainsAny(f, string(sep)+"\"\r\n") || f[0] == ' ' || f[len(f)-1] == ' ' || f[0] == '\t' || f[len(f)-1] == '\t'
}
