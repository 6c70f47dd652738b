package tui

// TerminalCells is wcCells for the external tests: the cells tmux, xterm
// and VTE draw a line in, character by character.
var TerminalCells = wcCells
