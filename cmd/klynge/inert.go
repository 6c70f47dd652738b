package main

import (
	"errors"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"io"
	"unicode/utf8"

	"github.com/klynge/klynge/meeting"
)

// inertWriter is where every command but the TUI writes: whatever a
// database written by an older version holds, an escape code in a name
// shows as ␛ and cannot recolour, clear or retitle the terminal. Newlines,
// tabs and carriage returns pass, since the commands' own layout (tables,
// CRLF in a calendar) uses them; the commands flatten stored text
// themselves with meeting.Inert where it sits in a row.
type inertWriter struct {
	w       io.Writer
	partial []byte // an incomplete UTF-8 sequence from the last Write
}

func newInertWriter(w io.Writer) *inertWriter { return &inertWriter{w: w} }

// Write implements io.Writer. It reports len(p) on success, as the bytes
// it was given were all handled, even when it wrote other bytes for them.
func (iw *inertWriter) Write(p []byte) (int, error) {
	buf := append(iw.partial, p...)
	iw.partial = nil
	out := make([]byte, 0, len(buf))
	for len(buf) > 0 {
		r, size := utf8.DecodeRune(buf)
		if r == utf8.RuneError && size <= 1 && !utf8.FullRune(buf) {
			iw.partial = append([]byte(nil), buf...) // wait for the rest
			break
		}
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			out = append(out, byte(r))
		case r == utf8.RuneError && size <= 1:
			out = utf8.AppendRune(out, utf8.RuneError)
		default:
			out = append(out, meeting.Inert(string(buf[:size]))...)
		}
		buf = buf[size:]
	}
	if _, err := iw.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// checkFlagTexts applies meeting's text rule to every flag given on the
// command line, so a name, pledge or reason with an escape code, a control
// character or a line break is refused before anything is stored, with
// the flag named and what to change.
func checkFlagTexts(cmd *cobra.Command) error {
	var err error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if err != nil || f.Value.Type() != "string" {
			return
		}
		kind := meeting.TextLine
		switch f.Name {
		case "name", "cluster":
			kind = meeting.TextName
		case "practice":
			kind = meeting.TextPracticeName
		case "title":
			kind = meeting.TextTitle
		case "action":
			kind = meeting.TextAction
		}
		var te *meeting.TextError
		if errors.As(meeting.CheckText(kind, f.Value.String()), &te) {
			err = meeting.Errork(meeting.EINVALID, "cli.ErrFlagText", "--"+f.Name, te)
		}
	})
	return err
}
