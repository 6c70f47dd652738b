package tui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the one key map shared by every screen. Screens choose which
// bindings they offer through their ShortHelp and FullHelp.
type KeyMap struct {
	Up    key.Binding
	Down  key.Binding
	Prev  key.Binding
	Next  key.Binding
	Open  key.Binding
	Back  key.Binding
	Start key.Binding
	Help  key.Binding
	Quit  key.Binding
	Yes   key.Binding
	No    key.Binding
}

// DefaultKeyMap returns the key map with help texts in the given language.
func DefaultKeyMap(t Text) KeyMap {
	return KeyMap{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", t.KeyUp)),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", t.KeyDown)),
		Prev:  key.NewBinding(key.WithKeys("left", "h", "pgup"), key.WithHelp("←/h", t.KeyPrev)),
		Next:  key.NewBinding(key.WithKeys("right", "l", "pgdown"), key.WithHelp("→/l", t.KeyNext)),
		Open:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.KeyOpen)),
		Back:  key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", t.KeyBack)),
		Start: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", t.KeyStart)),
		Help:  key.NewBinding(key.WithKeys("?"), key.WithHelp("?", t.KeyHelp)),
		Quit:  key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", t.KeyQuit)),
		Yes:   key.NewBinding(key.WithKeys("y", "j", "enter"), key.WithHelp("j/y", t.KeyYes)),
		No:    key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", t.KeyNo)),
	}
}
