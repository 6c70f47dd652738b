package tui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the one key map shared by every screen. Screens choose which
// bindings they offer through their ShortHelp and FullHelp.
type KeyMap struct {
	Up   key.Binding
	Down key.Binding
	// Prev and Next step through slides on a talk, and through items
	// elsewhere, without changing what runs.
	Prev key.Binding
	Next key.Binding
	// ScrollUp and ScrollDown page inside a long slide.
	ScrollUp   key.Binding
	ScrollDown key.Binding
	Open       key.Binding
	Back       key.Binding

	// Run state: each changes the meeting and is saved at once.
	Start    key.Binding
	NextItem key.Binding
	PrevItem key.Binding
	Skip     key.Binding
	Longer   key.Binding
	Shorter  key.Binding
	MoveUp   key.Binding
	MoveDown key.Binding
	AddItem  key.Binding
	Notes    key.Binding
	Reveal   key.Binding
	CodeKey  key.Binding
	Consent  key.Binding
	Toggle   key.Binding
	Checkin  key.Binding
	Note     key.Binding
	Pledges  key.Binding
	FollowUp key.Binding
	Export   key.Binding
	Theme    key.Binding
	Help     key.Binding
	Quit     key.Binding
	Yes      key.Binding
	No       key.Binding
}

// DefaultKeyMap returns the key map with help texts in the given language.
func DefaultKeyMap(t Text) KeyMap {
	return KeyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", t.KeyUp)),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", t.KeyDown)),
		Prev:       key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", t.KeyPrev)),
		Next:       key.NewBinding(key.WithKeys("right", "l", " "), key.WithHelp("→/l", t.KeyNext)),
		ScrollUp:   key.NewBinding(key.WithKeys("pgup", "u"), key.WithHelp("pgup/u", t.KeyScrollUp)),
		ScrollDown: key.NewBinding(key.WithKeys("pgdown", "d"), key.WithHelp("pgdn/d", t.KeyScrollDown)),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.KeyOpen)),
		Back:       key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", t.KeyBack)),
		Start:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", t.KeyStart)),
		NextItem:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", t.KeyNextItem)),
		PrevItem:   key.NewBinding(key.WithKeys("b"), key.WithHelp("b", t.KeyPrevItem)),
		Skip:       key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t.KeySkip)),
		Longer:     key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", t.KeyLonger)),
		Shorter:    key.NewBinding(key.WithKeys("-"), key.WithHelp("-", t.KeyShorter)),
		MoveUp:     key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", t.KeyMoveUp)),
		MoveDown:   key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", t.KeyMoveDown)),
		AddItem:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t.KeyAddItem)),
		Notes:      key.NewBinding(key.WithKeys("N"), key.WithHelp("N", t.KeyNotes)),
		Reveal:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", t.KeyReveal)),
		CodeKey:    key.NewBinding(key.WithKeys("C"), key.WithHelp("C", t.KeyCodeKey)),
		Consent:    key.NewBinding(key.WithKeys("P"), key.WithHelp("P", t.KeyConsent)),
		Export:     key.NewBinding(key.WithKeys("E"), key.WithHelp("E", t.KeyExport)),
		FollowUp:   key.NewBinding(key.WithKeys("O"), key.WithHelp("O", t.KeyFollowUp)),
		Pledges:    key.NewBinding(key.WithKeys("T"), key.WithHelp("T", t.KeyPledges)),
		Note:       key.NewBinding(key.WithKeys("w"), key.WithHelp("w", t.KeyNote)),
		Checkin:    key.NewBinding(key.WithKeys("F"), key.WithHelp("F", t.KeyCheckin)),
		Toggle:     key.NewBinding(key.WithKeys(" ", "enter"), key.WithHelp("space", t.KeyToggle)),
		Theme:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", t.KeyTheme)),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", t.KeyHelp)),
		Quit:       key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", t.KeyQuit)),
		// Only an explicit j or y confirms: Enter is the key a coordinator
		// presses most, and it must never open the code key by habit.
		Yes: key.NewBinding(key.WithKeys("y", "j"), key.WithHelp("j/y", t.KeyYes)),
		No:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", t.KeyNo)),
	}
}
