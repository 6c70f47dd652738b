package meeting_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name    string
		kind    meeting.TextKind
		in      string
		col     int    // 0: too long or nil
		wantErr string // substring of the Danish message; "" for no error
		wantEn  string // substring of the English message
	}{
		{"plain Danish name", meeting.TextName, "Søren Ærø-Åberg", 0, "", ""},
		{"emoji and CJK are text", meeting.TextName, "Dr. 🩺 李", 0, "", ""},
		{"U+FFFD itself is printable", meeting.TextName, "a\uFFFDb", 0, "", ""},
		{"CSI colour", meeting.TextName, "Hans \x1b[31mRød", 6, "escape-kode (ESC) ved tegn 6", "escape code (ESC) at character 6"},
		{"OSC title", meeting.TextName, "\x1b]0;pwned\a", 1, "escape-kode", "escape code"},
		{"bell", meeting.TextName, "ab\a", 3, "kontroltegn (U+0007) ved tegn 3", "control character (U+0007)"},
		{"C1 CSI", meeting.TextName, "ab\u009b31m", 3, "kontroltegn (U+009B)", "control character (U+009B)"},
		{"DEL", meeting.TextName, "ab\x7f", 3, "kontroltegn (U+007F)", "U+007F"},
		{"tab", meeting.TextName, "Anna\tBerg", 5, "tabulator ved tegn 5", "tab at character 5"},
		{"newline in a name", meeting.TextName, "Anna\nBerg", 5, "linjeskift ved tegn 5", "line break at character 5"},
		{"newline in an action", meeting.TextAction, "Ring til alle.\nTjek listen.", 0, "", ""},
		{"CRLF in a note", meeting.TextNote, "a\r\nb", 0, "", ""},
		{"lone CR in a note", meeting.TextNote, "a\rb", 2, "kontroltegn (U+000D)", "U+000D"},
		{"RLO", meeting.TextPracticeName, "Lægehuset \u202Eneb", 11, "retningstegn (U+202E) ved tegn 11", "direction mark (U+202E)"},
		{"RLM", meeting.TextName, "a\u200Fb", 2, "retningstegn", "direction mark"},
		{"isolate", meeting.TextName, "a\u2066b", 2, "retningstegn", "direction mark"},
		{"not UTF-8", meeting.TextPeriod, "2024\xe6", 5, "ikke er UTF-8", "not UTF-8"},
		{"400-char name", meeting.TextName, strings.Repeat("x", 400), 0, "er 400 tegn lang; et navn må højst have 200 tegn", "is 400 characters long; a name may hold at most 200"},
		{"name at the limit", meeting.TextName, strings.Repeat("æ", 200), 0, "", ""},
		{"long pledge of several sentences", meeting.TextAction, strings.Repeat("Sygeplejersken laver forløbsplan ved årskontrol. ", 25), 0, "", ""},
		{"tab in slides", meeting.TextSlides, "```\n\tcode\n```", 0, "", ""},
		{"ESC in slides", meeting.TextSlides, "# x\n\x1b[2J", 5, "escape-kode", "escape code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := meeting.CheckText(tt.kind, tt.in)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("CheckText(%q) = %v, want nil", tt.in, err)
				}
				return
			}
			var te *meeting.TextError
			if !errors.As(err, &te) {
				t.Fatalf("CheckText(%q) = %v, want a *TextError", tt.in, err)
			}
			if te.Col != tt.col {
				t.Errorf("Col = %d, want %d", te.Col, tt.col)
			}
			if got := te.Message("da"); !strings.Contains(got, tt.wantErr) {
				t.Errorf("Danish message %q lacks %q", got, tt.wantErr)
			}
			if got := te.Message("en"); !strings.Contains(got, tt.wantEn) {
				t.Errorf("English message %q lacks %q", got, tt.wantEn)
			}
			if meeting.ErrorCode(err) != meeting.EINVALID {
				t.Errorf("ErrorCode = %q, want invalid", meeting.ErrorCode(err))
			}
			if strings.ContainsAny(te.Message("da")+te.Message("en"), "\x1b\a") {
				t.Errorf("the message itself carries a control character")
			}
		})
	}
}

func TestInert(t *testing.T) {
	tests := []struct {
		name, in, want, wantLines string
	}{
		{"plain", "Søren Å", "Søren Å", "Søren Å"},
		{"CSI", "\x1b[31mRød\x1b[0m", "␛[31mRød␛[0m", "␛[31mRød␛[0m"},
		{"clear screen", "\x1b[2J\x1b[H", "␛[2J␛[H", "␛[2J␛[H"},
		{"OSC title", "\x1b]0;hi\a", "␛]0;hi␇", "␛]0;hi␇"},
		{"tab and newline", "a\tb\nc", "a b c", "a b\nc"},
		{"CRLF", "a\r\nb\rc", "a b c", "a\nb\nc"},
		{"bidi removed", "abc\u202Edef\u2066g\u2069\u200F", "abcdefg", "abcdefg"},
		{"C1 and bad bytes", "a\u009bb\xffc", "a\uFFFDb\uFFFDc", "a\uFFFDb\uFFFDc"},
		{"DEL and NUL", "a\x7fb\x00", "a␡b␀", "a␡b␀"},
		{"line separator", "a\u2028b", "a b", "a\nb"},
		{"emoji kept", "🩺 Lægehuset", "🩺 Lægehuset", "🩺 Lægehuset"},
		{"ESC after a Danish letter", "Gæst \x1b]0;x\a", "Gæst ␛]0;x␇", "Gæst ␛]0;x␇"},
		{"tab after an emoji", "🩺\tx\x7f", "🩺 x␡", "🩺 x␡"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meeting.Inert(tt.in); got != tt.want {
				t.Errorf("Inert(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := meeting.InertLines(tt.in); got != tt.wantLines {
				t.Errorf("InertLines(%q) = %q, want %q", tt.in, got, tt.wantLines)
			}
			if err := meeting.CheckText(meeting.TextNote, meeting.InertLines(tt.in)); err != nil {
				t.Errorf("InertLines output is not storable: %v", err)
			}
		})
	}
}

func TestCleanTyped(t *testing.T) {
	tests := []struct {
		name string
		kind meeting.TextKind
		in   string
		want string
	}{
		{"plain", meeting.TextName, "Anna", "Anna"},
		{"escape dropped", meeting.TextName, "An\x1b[31mna", "An[31mna"},
		{"tab to space", meeting.TextName, "a\tb", "a b"},
		{"newline in a name", meeting.TextName, "a\r\nb", "a b"},
		{"newline kept in a note", meeting.TextNote, "a\r\nb\rc", "a\nb\nc"},
		{"bidi dropped", meeting.TextName, "a\u202Eb", "ab"},
		{"bad byte dropped", meeting.TextName, "a\xffb", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := meeting.CleanTyped(tt.kind, tt.in)
			if got != tt.want {
				t.Errorf("CleanTyped(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if err := meeting.CheckText(tt.kind, got); err != nil {
				t.Errorf("cleaned text is refused: %v", err)
			}
		})
	}
}

func TestCells(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"abc", 3},
		{"æøå", 3},
		{"李", 2},
		{"🩺", 2},
		{"e\u0301", 1}, // e + combining acute
		{"\x1b[31m", 5},
	}
	for _, tt := range tests {
		if got := meeting.Cells(tt.in); got != tt.want {
			t.Errorf("Cells(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	for _, w := range []int{0, 1, 2, 3, 5, 10} {
		for _, s := range []string{"李李李李李李", "🩺🩺🩺x", strings.Repeat("a", 400), "\x1b]0;x\a\x1b[2J"} {
			got := meeting.FitCells(s, w)
			if meeting.Cells(got) > w {
				t.Errorf("FitCells(%q, %d) = %q, %d cells wide", s, w, got, meeting.Cells(got))
			}
			if p := meeting.PadCells(s, w); meeting.Cells(p) != w {
				t.Errorf("PadCells(%q, %d) = %q, %d cells wide", s, w, p, meeting.Cells(p))
			}
			if strings.ContainsRune(got, 0x1b) {
				t.Errorf("FitCells(%q, %d) kept an ESC", s, w)
			}
		}
	}
}
