package tea

import (
	"bytes"
	"strings"
	"testing"
)

func TestClearMsg(t *testing.T) {
	tests := []struct {
		name string
		cmds sequenceMsg
		// inOrder are the sequences the commands write, in order, with
		// the view where a repaint must write it again. (klynge's patch:
		// the renderer writes the first view at once, so the view may
		// come before the commands and the whole stream is not fixed.)
		inOrder []string
	}{
		{
			name:    "clear_screen",
			cmds:    []Cmd{ClearScreen},
			inOrder: []string{"\x1b[2J\x1b[H", "success"},
		},
		{
			name:    "altscreen",
			cmds:    []Cmd{EnterAltScreen, ExitAltScreen},
			inOrder: []string{"\x1b[?1049h", "\x1b[?1049l", "success"},
		},
		{
			name:    "altscreen_autoexit",
			cmds:    []Cmd{EnterAltScreen},
			inOrder: []string{"\x1b[?1049h", "success", "\x1b[?1049l"},
		},
		{
			name:    "mouse_cellmotion",
			cmds:    []Cmd{EnableMouseCellMotion},
			inOrder: []string{"\x1b[?1002h\x1b[?1006h"},
		},
		{
			name:    "mouse_allmotion",
			cmds:    []Cmd{EnableMouseAllMotion},
			inOrder: []string{"\x1b[?1003h\x1b[?1006h"},
		},
		{
			name:    "mouse_disable",
			cmds:    []Cmd{EnableMouseAllMotion, DisableMouse},
			inOrder: []string{"\x1b[?1003h\x1b[?1006h", "\x1b[?1002l\x1b[?1003l\x1b[?1006l"},
		},
		{
			name:    "cursor_hide",
			cmds:    []Cmd{HideCursor},
			inOrder: []string{"\x1b[?25l"},
		},
		{
			name:    "cursor_hideshow",
			cmds:    []Cmd{HideCursor, ShowCursor},
			inOrder: []string{"\x1b[?25l", "\x1b[?25h"},
		},
		{
			name:    "bp_stop_start",
			cmds:    []Cmd{DisableBracketedPaste, EnableBracketedPaste},
			inOrder: []string{"\x1b[?2004l", "\x1b[?2004h"},
		},
	}

	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			var buf syncBuffer
			var in bytes.Buffer

			m := &testModel{}
			p := NewProgram(m, WithInput(&in), WithOutput(&buf))

			test.cmds = append([]Cmd{func() Msg { return WindowSizeMsg{80, 24} }}, test.cmds...)
			test.cmds = append(test.cmds, Quit)
			go p.Send(test.cmds)

			if _, err := p.Run(); err != nil {
				t.Fatal(err)
			}

			got := buf.String()
			rest := got
			for _, seq := range test.inOrder {
				i := strings.Index(rest, seq)
				if i < 0 {
					t.Fatalf("expected %q (after the sequences before it) in:\n%q", seq, got)
				}
				rest = rest[i+len(seq):]
			}
			if !strings.Contains(got, "\rsuccess") {
				t.Errorf("the view was not written:\n%q", got)
			}
		})
	}
}
