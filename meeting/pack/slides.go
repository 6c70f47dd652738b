package pack

import (
	"errors"
	"strings"

	"github.com/klynge/klynge/meeting"
)

// ParseSlides splits a talk's Markdown into slides on lines that are exactly
// "---" (trailing spaces and a CR are ignored). A line that is exactly
// "Noter:" or "Notes:" starts the speaker's notes for the rest of that
// slide. Lines inside ``` or ~~~ code fences are never separators or note
// markers, so a slide can show a YAML or Markdown example. label names the
// file in problems; an empty slide or text that is not UTF-8 is reported
// with its line, and the error is then Problems.
func ParseSlides(src []byte, label string) ([]meeting.Slide, error) {
	probs := problemList{file: label}
	slides := parseSlides(newText(src), &probs)
	if err := probs.result(); err != nil {
		return nil, err
	}
	return slides, nil
}

// slideText is a slide while it is being read, with the lines that say where
// it is.
type slideText struct {
	start     int // the line of its opening ---, or 1 for the first slide
	body      []string
	notes     []string
	inNotes   bool
	notesLine int
	marker    string // "Noter:" or "Notes:", as written
}

func parseSlides(t *text, probs *problemList) []meeting.Slide {
	if !t.checkUTF8(probs, "") {
		return nil
	}
	if strings.TrimSpace(string(t.src)) == "" {
		probs.add(pos{Line: 1}, "problem.NoSlides")
		return nil
	}
	lines := strings.Split(string(t.src), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // the newline that ends the last line
	}
	var parts []*slideText
	cur := &slideText{start: 1}
	fence := ""
	for i, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		var te *meeting.TextError
		if errors.As(meeting.CheckText(meeting.TextSlides, line), &te) {
			probs.add(pos{Line: i + 1, Col: te.Col}, "problem.TextLine", te)
			line = meeting.InertLines(line)
		}
		marker := strings.TrimRight(line, " \t")
		if fence == "" {
			switch {
			case marker == "---":
				parts = append(parts, cur)
				cur = &slideText{start: i + 1}
				continue
			case marker == "Noter:" || marker == "Notes:":
				if !cur.inNotes {
					cur.inNotes, cur.notesLine, cur.marker = true, i+1, marker
					continue
				}
			}
		}
		if f := fenceMarker(line); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(strings.TrimSpace(line), fence):
				fence = ""
			}
		}
		if cur.inNotes {
			cur.notes = append(cur.notes, line)
		} else {
			cur.body = append(cur.body, line)
		}
	}
	parts = append(parts, cur)

	slides := make([]meeting.Slide, 0, len(parts))
	for n, part := range parts {
		s := meeting.Slide{Body: trimBlankLines(part.body), Notes: trimBlankLines(part.notes)}
		switch {
		case s.Body == "" && s.Notes != "":
			probs.add(pos{Line: part.notesLine}, "problem.NotesOnly", n+1, part.marker)
		case s.Body == "":
			probs.add(pos{Line: part.start}, "problem.EmptySlide", n+1)
		}
		slides = append(slides, s)
	}
	return slides
}

// fenceMarker returns the ``` or ~~~ that opens or closes a Markdown code
// fence on this line, or "".
func fenceMarker(line string) string {
	trimmed := strings.TrimLeft(line, " ")
	if len(line)-len(trimmed) > 3 {
		return "" // indented code, not a fence
	}
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(trimmed, f) {
			return f
		}
	}
	return ""
}

// trimBlankLines drops blank lines at both ends but keeps the indentation of
// the first line and trailing spaces, which both mean something in Markdown.
func trimBlankLines(lines []string) string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}
