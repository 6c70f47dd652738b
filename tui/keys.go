package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

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
	// Reopen is PrevItem's key on an ended meeting, where it asks first.
	Reopen   key.Binding
	Skip     key.Binding
	Longer   key.Binding
	Shorter  key.Binding
	MoveUp   key.Binding
	MoveDown key.Binding
	AddItem  key.Binding
	Notes    key.Binding
	Reveal   key.Binding
	// Trend shows the data page's indicator across the cluster's meetings.
	Trend   key.Binding
	CodeKey key.Binding
	// Slip previews a practice's personal slip on the presenter console
	// only; the projector has no screen for it.
	Slip     key.Binding
	Consent  key.Binding
	Toggle   key.Binding
	Checkin  key.Binding
	Note     key.Binding
	Pledges  key.Binding
	FollowUp key.Binding
	Export   key.Binding
	Theme    key.Binding
	Help     key.Binding
	// HelpTyping opens the key help where letters are typed (check-in,
	// forms): a function key, which cannot be typed into a name.
	HelpTyping key.Binding
	Quit       key.Binding
	// Interrupt is the way out that works while letters are typed.
	Interrupt key.Binding
	Yes       key.Binding
	No        key.Binding

	// The list keys of screens where letters are typed (the check-in
	// filter, a form's chooser): arrows only.
	ArrowUp   key.Binding
	ArrowDown key.Binding

	// Round: the timer and the groups.
	StartPause key.Binding
	Plus1      key.Binding
	Minus1     key.Binding
	Plus5      key.Binding
	EndRound   key.Binding
	Groups     key.Binding
	MoveMember key.Binding

	// Check-in: letters go to the filter, so every status is on enter or
	// a ctrl key.
	Present     key.Binding
	Apologies   key.Binding
	Absent      key.Binding
	Late        key.Binding
	LeftEarly   key.Binding
	ClearStatus key.Binding
	Guest       key.Binding
	NewMember   key.Binding
	EditMember  key.Binding
	Retire      key.Binding
	History     key.Binding

	// Pledges and their follow-up.
	AddPledge      key.Binding
	EditPledge     key.Binding
	DeletePledge   key.Binding
	Undo           key.Binding
	OutcomeDone    key.Binding
	OutcomePartly  key.Binding
	OutcomeNotDone key.Binding
	OutcomeDropped key.Binding

	// Evaluation: a digit records a score as it is called out, * a 10
	// (the numeric keypad has both), c counts a show of hands, u takes
	// back the last recording, w the room's notes.
	Score     key.Binding
	Score10   key.Binding
	Hands     key.Binding
	UndoScore key.Binding
	EvalNotes key.Binding

	// Decisions: B opens the list from any screen; a records one on the
	// item that was shown.
	Decisions      key.Binding
	AddDecision    key.Binding
	EditDecision   key.Binding
	DeleteDecision key.Binding

	// Year plan (årshjul): A opens it from any screen.
	Plan       key.Binding
	AddPlan    key.Binding
	EditPlan   key.Binding
	DeletePlan key.Binding

	// Forms and dialogs.
	Save      key.Binding
	NextField key.Binding
	PrevField key.Binding
	Cancel    key.Binding
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
		Reopen:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", t.KeyReopen)),
		Skip:       key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t.KeySkip)),
		Longer:     key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", t.KeyLonger)),
		Shorter:    key.NewBinding(key.WithKeys("-"), key.WithHelp("-", t.KeyShorter)),
		MoveUp:     key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", t.KeyMoveUp)),
		MoveDown:   key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", t.KeyMoveDown)),
		AddItem:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t.KeyAddItem)),
		Notes:      key.NewBinding(key.WithKeys("N"), key.WithHelp("N", t.KeyNotes)),
		Reveal:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", t.KeyReveal)),
		Trend:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", t.T("tui.KeyTrend"))),
		CodeKey:    key.NewBinding(key.WithKeys("C"), key.WithHelp("C", t.KeyCodeKey)),
		Slip:       key.NewBinding(key.WithKeys("S"), key.WithHelp("S", t.T("tui.KeySlip"))),
		Consent:    key.NewBinding(key.WithKeys("P"), key.WithHelp("P", t.KeyConsent)),
		Export:     key.NewBinding(key.WithKeys("E"), key.WithHelp("E", t.KeyExport)),
		FollowUp:   key.NewBinding(key.WithKeys("O"), key.WithHelp("O", t.KeyFollowUp)),
		Pledges:    key.NewBinding(key.WithKeys("T"), key.WithHelp("T", t.KeyPledges)),
		Note:       key.NewBinding(key.WithKeys("w"), key.WithHelp("w", t.KeyNote)),
		Checkin:    key.NewBinding(key.WithKeys("F"), key.WithHelp("F", t.KeyCheckin)),
		Toggle:     key.NewBinding(key.WithKeys(" ", "enter"), key.WithHelp("space", t.KeyToggle)),
		Theme:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", t.KeyTheme)),
		Help:       key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", t.KeyHelp)),
		HelpTyping: key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", t.KeyHelpTyping)),
		Quit:       key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", t.KeyQuit)),
		Interrupt:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", t.KeyQuit)),
		// Only an explicit j or y confirms: Enter is the key a coordinator
		// presses most, and it must never open the code key by habit.
		Yes: key.NewBinding(key.WithKeys("y", "j"), key.WithHelp("j/y", t.KeyYes)),
		No:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", t.KeyNo)),

		ArrowUp:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", t.KeyUp)),
		ArrowDown: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", t.KeyDown)),

		StartPause: key.NewBinding(key.WithKeys(" "), key.WithHelp("space", t.KeyStartPause)),
		Plus1:      key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "+1 min")),
		Minus1:     key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "−1 min")),
		Plus5:      key.NewBinding(key.WithKeys("5"), key.WithHelp("5", "+5 min")),
		EndRound:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t.KeyEndRound)),
		Groups:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", t.KeyFormGroups)),
		MoveMember: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", t.KeyMoveMember)),

		Present:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.StatusWords[meeting.StatusPresent])),
		Apologies:   key.NewBinding(key.WithKeys("ctrl+a"), key.WithHelp("ctrl+a", t.StatusWords[meeting.StatusApologies])),
		Absent:      key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", t.StatusWords[meeting.StatusAbsent])),
		Late:        key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", t.StatusWords[meeting.StatusLate])),
		LeftEarly:   key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", t.StatusWords[meeting.StatusLeftEarly])),
		ClearStatus: key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", t.KeyClearStatus)),
		Guest:       key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", t.KeyGuest)),
		NewMember:   key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", t.KeyNewMember)),
		EditMember:  key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", t.KeyEditMember)),
		Retire:      key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", t.KeyRetire)),
		History:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", t.KeyHistory)),

		AddPledge:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t.KeyAddPledge)),
		EditPledge:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t.KeyEditPledge)),
		DeletePledge:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t.KeyDeletePledge)),
		Undo:           key.NewBinding(key.WithKeys("u"), key.WithHelp("u", t.KeyUndo)),
		OutcomeDone:    key.NewBinding(key.WithKeys("1"), key.WithHelp("1", t.Outcomes[meeting.OutcomeDone])),
		OutcomePartly:  key.NewBinding(key.WithKeys("2"), key.WithHelp("2", t.Outcomes[meeting.OutcomePartly])),
		OutcomeNotDone: key.NewBinding(key.WithKeys("3"), key.WithHelp("3", t.Outcomes[meeting.OutcomeNotDone])),
		OutcomeDropped: key.NewBinding(key.WithKeys("4"), key.WithHelp("4", t.Outcomes[meeting.OutcomeDropped])),

		Score:     key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0–9", t.T("tui.KeyScore"))),
		Score10:   key.NewBinding(key.WithKeys("*"), key.WithHelp("*", t.T("tui.KeyScore10"))),
		Hands:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", t.T("tui.KeyHands"))),
		UndoScore: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", t.T("tui.KeyUndoScore"))),
		EvalNotes: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", t.T("tui.KeyEvalNotes"))),

		Decisions:      key.NewBinding(key.WithKeys("B"), key.WithHelp("B", t.T("tui.KeyDecisions"))),
		AddDecision:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t.T("tui.KeyAddDecision"))),
		EditDecision:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t.T("tui.KeyEditDecision"))),
		DeleteDecision: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t.T("tui.KeyDeleteDecision"))),

		Plan:       key.NewBinding(key.WithKeys("A"), key.WithHelp("A", t.T("tui.KeyPlan"))),
		AddPlan:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t.T("tui.KeyAddPlan"))),
		EditPlan:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t.T("tui.KeyEditDecision"))),
		DeletePlan: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t.T("tui.KeyDeleteDecision"))),

		Save:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.KeySave)),
		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", t.KeyNextField)),
		PrevField: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", t.KeyPrevField)),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.KeyCancel)),
	}
}

// eachKey hands msg to handle one key press at a time. Keys typed faster
// than the program reads them (or held down) arrive as one message with
// several runes; each is its own key press, so none is lost. A paste stays
// one message.
func eachKey(msg tea.KeyMsg, handle func(tea.KeyMsg) tea.Cmd) tea.Cmd {
	if msg.Type != tea.KeyRunes || len(msg.Runes) <= 1 || msg.Paste {
		return handle(msg)
	}
	cmds := make([]tea.Cmd, 0, len(msg.Runes))
	for _, r := range msg.Runes {
		cmds = append(cmds, handle(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
	}
	return tea.Batch(cmds...)
}
