package meeting

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TextKind is a kind of stored text field. It decides which characters the
// field may hold (newlines only in multi-line kinds) and how long it may be.
// Names, pledges, notes, periods and pack strings come from files and
// keyboards, and the projected screen is what sixty colleagues see: one rule,
// here, says what may be stored, and Inert says how anything stored is shown.
type TextKind int

// The kinds of text klynge stores. The limits fit real use: a name is rarely
// over 60 characters, a pledge or note can be several sentences.
const (
	TextName         TextKind = iota // a doctor's, guest's or cluster's name
	TextPracticeName                 // a practice (clinic) name
	TextTitle                        // a meeting, agenda item, indicator or pack title; a speaker
	TextLine                         // any other one-line text: owner, role, reason, e-mail, ids
	TextQuestion                     // a group-work question
	TextPeriod                       // a data file's periode ("2024K3", "2024-01-01–2024-12-31")
	TextAction                       // what a practice pledges to change; may span lines
	TextNote                         // notes, comments and evaluation text; may span lines
	TextSlides                       // a pack's slides.md; Markdown, may span lines and hold tabs
)

// textRule is what a kind of text may hold.
type textRule struct {
	max       int  // characters (runes)
	multiLine bool // newlines allowed
	tabs      bool // tabs allowed
	da, en    string
}

func (k TextKind) rule() textRule {
	switch k {
	case TextName:
		return textRule{max: 200, da: "et navn", en: "a name"}
	case TextPracticeName:
		return textRule{max: 200, da: "et praksisnavn", en: "a practice name"}
	case TextTitle:
		return textRule{max: 200, da: "en titel", en: "a title"}
	case TextQuestion:
		return textRule{max: 1000, da: "et spørgsmål", en: "a question"}
	case TextPeriod:
		return textRule{max: 60, da: "en periode", en: "a period"}
	case TextAction:
		return textRule{max: 2000, multiLine: true, da: "et tiltag", en: "an action"}
	case TextNote:
		return textRule{max: 4000, multiLine: true, da: "en note", en: "a note"}
	case TextSlides:
		return textRule{max: 500000, multiLine: true, tabs: true, da: "slides", en: "slides"}
	default:
		return textRule{max: 500, da: "en tekst", en: "a text"}
	}
}

// MaxLen is the most characters (runes) a text of this kind may hold.
func (k TextKind) MaxLen() int { return k.rule().max }

// MultiLine reports whether a text of this kind may hold newlines.
func (k TextKind) MultiLine() bool { return k.rule().multiLine }

// TextError says what is wrong with a text and where, so an import can point
// at file:line:col and a form can say what to change.
type TextError struct {
	Kind TextKind
	// Col is the 1-based character position of the first character the
	// kind may not hold; 0 when the text is only too long.
	Col int
	// Rune is that character (utf8.RuneError for bytes that are not UTF-8).
	Rune rune
	// Len is the text's length in characters when it is too long.
	Len int
}

// Error implements error in English; Message gives either language.
func (e *TextError) Error() string { return e.Message("en") }

// Unwrap lets ErrorCode see invalid input and ErrorMessage show the message.
func (e *TextError) Unwrap() error { return &Error{Code: EINVALID, Message: e.Message("en")} }

// Message says what is wrong and what to do, in Danish ("da", the default)
// or English ("en").
func (e *TextError) Message(lang string) string {
	r := e.Kind.rule()
	en := strings.HasPrefix(lang, "en")
	if e.Col == 0 {
		if en {
			return fmt.Sprintf("is %d characters long; %s may hold at most %d: shorten it", e.Len, r.en, r.max)
		}
		return fmt.Sprintf("er %d tegn lang; %s må højst have %d tegn: gør den kortere", e.Len, r.da, r.max)
	}
	what := describeRune(e.Rune, en)
	switch {
	case !r.multiLine && (e.Rune == '\n' || e.Rune == '\r' || e.Rune == '\u2028' || e.Rune == '\u2029'):
		if en {
			return fmt.Sprintf("has a line break at character %d; %s must be one line: join the lines", e.Col, r.en)
		}
		return fmt.Sprintf("har et linjeskift ved tegn %d; %s skal stå på én linje: saml linjerne", e.Col, r.da)
	case e.Rune == '\t':
		if en {
			return fmt.Sprintf("has a tab at character %d: use a space instead", e.Col)
		}
		return fmt.Sprintf("har en tabulator ved tegn %d: brug et mellemrum i stedet", e.Col)
	case isBidiControl(e.Rune):
		if en {
			return fmt.Sprintf("has %s at character %d, which can reorder text on screen: remove it", what, e.Col)
		}
		return fmt.Sprintf("har %s ved tegn %d, som kan vende teksten på skærmen: fjern det", what, e.Col)
	case e.Rune == utf8.RuneError:
		if en {
			return fmt.Sprintf("has a byte that is not UTF-8 at character %d: save the text as UTF-8", e.Col)
		}
		return fmt.Sprintf("har en byte, der ikke er UTF-8, ved tegn %d: gem teksten som UTF-8", e.Col)
	default:
		if en {
			return fmt.Sprintf("has %s at character %d; %s may hold only printable text: remove it", what, e.Col, r.en)
		}
		return fmt.Sprintf("har %s ved tegn %d; %s må kun indeholde almindelig tekst: fjern det", what, e.Col, r.da)
	}
}

// describeRune names a character that may not be stored.
func describeRune(r rune, en bool) string {
	switch {
	case r == 0x1b:
		if en {
			return "an escape code (ESC)"
		}
		return "en escape-kode (ESC)"
	case isBidiControl(r):
		if en {
			return fmt.Sprintf("an invisible direction mark (U+%04X)", r)
		}
		return fmt.Sprintf("et usynligt retningstegn (U+%04X)", r)
	default:
		if en {
			return fmt.Sprintf("a control character (U+%04X)", r)
		}
		return fmt.Sprintf("et kontroltegn (U+%04X)", r)
	}
}

// isBidiControl reports the characters that change the direction of the
// text around them: embeddings, overrides, isolates and marks. A name
// holding U+202E can make a row read backwards.
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}

// isControl reports C0 and C1 control characters and DEL.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// allowed reports whether a text of the rule's kind may hold r.
func (t textRule) allowed(r rune) bool {
	switch {
	case r == '\n':
		return t.multiLine
	case r == '\t':
		return t.tabs
	case r == '\u2028' || r == '\u2029':
		return t.multiLine
	case isControl(r), isBidiControl(r), r == utf8.RuneError:
		return false
	}
	return true
}

// CheckText returns a *TextError if s holds a character a text of this kind
// may not hold (control characters, escape codes, direction overrides, bytes
// that are not UTF-8, newlines in a one-line kind), or is longer than the
// kind's limit; nil if s may be stored. A CRLF line end counts as one
// newline in a multi-line kind, since spreadsheets write them.
func CheckText(kind TextKind, s string) error {
	r := kind.rule()
	n := 0
	for i, c := range s {
		n++
		if c == '\r' && r.multiLine && strings.HasPrefix(s[i:], "\r\n") {
			n-- // counted with its '\n'
			continue
		}
		if c == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return &TextError{Kind: kind, Col: n, Rune: utf8.RuneError}
			}
			continue // a real U+FFFD is printable
		}
		if !r.allowed(c) {
			return &TextError{Kind: kind, Col: n, Rune: c}
		}
	}
	if n > r.max {
		return &TextError{Kind: kind, Len: n}
	}
	return nil
}

// CleanTyped drops from typed or pasted text every character a text of this
// kind may not hold, so a form never even shows them: tabs become a space,
// newlines in a one-line kind a space, everything else that CheckText
// refuses is removed. It does not shorten: CheckText says when it is too
// long, so nothing is cut silently.
func CleanTyped(kind TextKind, s string) string {
	r := kind.rule()
	if !strings.ContainsFunc(s, func(c rune) bool { return !r.allowed(c) || c == '\r' }) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		switch {
		case c == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size > 1 {
				b.WriteRune(c)
			}
		case c == '\r':
			if !strings.HasPrefix(s[i:], "\r\n") {
				if r.multiLine {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
		case (c == '\n' || c == '\t' || c == '\u2028' || c == '\u2029') && !r.allowed(c):
			b.WriteByte(' ')
		case r.allowed(c):
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Inert renders any stored string harmless for a one-line place on a screen,
// in a CLI line or in an export: ESC shows as ␛ and the other C0 controls as
// their visible symbols (␀…␟, ␡), C1 controls and bytes that are not UTF-8 as
// �, direction overrides and marks are removed, and tabs and line breaks
// become one space each. A database written by an older version may hold
// anything; what comes out of Inert can neither move the cursor, recolour the
// terminal, rename its window nor reorder a row.
func Inert(s string) string { return inert(s, false) }

// InertLines is Inert for multi-line places (a pledge's text in the
// minutes, slides): it keeps newlines (CRLF and CR become "\n") and turns
// everything else harmless as Inert does.
func InertLines(s string) string { return inert(s, true) }

func inert(s string, lines bool) string {
	if isInert(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, c := range s {
		switch {
		case c == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				b.WriteRune('\uFFFD')
			} else {
				b.WriteRune(c)
			}
		case c == '\r':
			if strings.HasPrefix(s[i:], "\r\n") {
				continue
			}
			if lines {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case c == '\n' || c == '\u2028' || c == '\u2029':
			if lines {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case c == '\t':
			b.WriteByte(' ')
		case c < 0x20:
			b.WriteRune(0x2400 + c) // ␀ … ␟, ESC is ␛
		case c == 0x7f:
			b.WriteRune('␡')
		case c >= 0x80 && c <= 0x9f:
			b.WriteRune('\uFFFD')
		case isBidiControl(c):
			// dropped: invisible, and all it can do is reorder the row
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// isInert is the fast path: most strings are plain text.
func isInert(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			// Multi-byte: check the decoded runes from here on.
			for _, r := range s[i:] {
				if r < 0x20 || r == utf8.RuneError || (r >= 0x7f && r <= 0x9f) || isBidiControl(r) || r == '\u2028' || r == '\u2029' {
					return false
				}
			}
			return utf8.ValidString(s[i:])
		}
	}
	return true
}

// Cells is how many terminal cells s takes once made inert: emoji and East
// Asian characters count two, combining marks none. Bars and columns are
// laid out with it, never with len or a rune count.
func Cells(s string) int { return ansi.StringWidth(Inert(s)) }

// FitCells makes s inert and cuts it to at most w terminal cells, ending in
// "…" when it was cut. A wide character that would straddle the edge is
// left out, so the result is never wider than w.
func FitCells(s string, w int) string {
	s = Inert(s)
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// PadCells is FitCells padded with spaces to exactly w cells, for columns.
func PadCells(s string, w int) string {
	s = FitCells(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}
