package pack_test

import (
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

func TestParseSlides(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []meeting.Slide
	}{
		{"one slide", "# Titel\n\nTekst\n", []meeting.Slide{{Body: "# Titel\n\nTekst"}}},
		{"separator", "# A\n---\n# B\n", []meeting.Slide{{Body: "# A"}, {Body: "# B"}}},
		{"separator with trailing spaces and CRLF", "# A\r\n--- \t\r\n# B\r\n", []meeting.Slide{{Body: "# A"}, {Body: "# B"}}},
		{"no newline at the end", "# A\n---\n# B", []meeting.Slide{{Body: "# A"}, {Body: "# B"}}},
		{"longer rules are content", "# A\n----\n - --- \n", []meeting.Slide{{Body: "# A\n----\n - --- "}}},
		{"indented separator is content", "# A\n ---\n", []meeting.Slide{{Body: "# A\n ---"}}},
		{"blank lines trimmed, indentation kept", "\n\n    kode\n\n---\n\n# B\n\n", []meeting.Slide{{Body: "    kode"}, {Body: "# B"}}},
		{"Danish notes", "# A\n- punkt\nNoter:\nSig det langsomt.\n\nOg smil.\n---\n# B\n",
			[]meeting.Slide{{Body: "# A\n- punkt", Notes: "Sig det langsomt.\n\nOg smil."}, {Body: "# B"}}},
		{"English notes with trailing space", "# A\nNotes:  \nSay it slowly.\n", []meeting.Slide{{Body: "# A", Notes: "Say it slowly."}}},
		{"notes marker must be alone on its line", "# A\nNoter: ikke noter\nnoter:\n", []meeting.Slide{{Body: "# A\nNoter: ikke noter\nnoter:"}}},
		{"second marker is part of the notes", "# A\nNoter:\nx\nNotes:\ny\n", []meeting.Slide{{Body: "# A", Notes: "x\nNotes:\ny"}}},
		{"fenced separator is content", "# A\n```yaml\n---\nNoter:\n```\n---\n# B\n",
			[]meeting.Slide{{Body: "# A\n```yaml\n---\nNoter:\n```"}, {Body: "# B"}}},
		{"tilde fence", "~~~\n---\n~~~\n", []meeting.Slide{{Body: "~~~\n---\n~~~"}}},
		{"æøå intact", "# Årskontrol på Østergade\nLæs mere\n", []meeting.Slide{{Body: "# Årskontrol på Østergade\nLæs mere"}}},
		{"BOM dropped", "\uFEFF# A\n", []meeting.Slide{{Body: "# A"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := pack.ParseSlides([]byte(tt.src), "slides.md")
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d slides %q, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("slide %d: got %q, want %q", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestParseSlidesProblems(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		place string
		msg   string
	}{
		{"empty file", "", "s.md:1", "there are no slides: write the talk's slides in Markdown, separated by lines of ---"},
		{"blank file", "\n  \n", "s.md:1", "there are no slides"},
		{"starts with a separator", "---\n# A\n", "s.md:1", "slide 1 is empty: add text to it or remove the extra --- line"},
		{"two separators in a row", "# A\n---\n---\n# C\n", "s.md:2", "slide 2 is empty"},
		{"only blank lines between", "# A\n\n---\n\n \n---\n# C\n", "s.md:3", "slide 2 is empty"},
		{"ends with a separator", "# A\n---\n", "s.md:2", "slide 2 is empty"},
		{"notes only", "# A\n---\n\nNoter:\nhusk\n", "s.md:4", `slide 2 has notes but nothing to show: add the slide's text above "Noter:"`},
		{"not UTF-8", "# Slide\n\nK\xf8benhavn\n", "s.md:3:2", `not UTF-8 text (byte 0xf8, probably "ø" saved as Windows-1252): save the file as UTF-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pack.ParseSlides([]byte(tt.src), "s.md")
			ps := problems(t, err)
			wantProblem(t, ps, tt.place, tt.msg)
			if len(ps) != 1 {
				t.Errorf("want 1 problem, got:\n%v", ps)
			}
		})
	}
}
