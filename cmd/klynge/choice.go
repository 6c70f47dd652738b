package main

import (
	"fmt"
	"io"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

// warnChoices tells the coordinator, at import, which practices' figures
// for a choice among options make no stacked bar once the file's rows join
// the meeting's (an option missing, denominators that differ), naming the
// file the rows came from. The import goes on: the other figures are good.
func (a *app) warnChoices(out io.Writer, label string, m meeting.Meeting, rows []meeting.DataRow) {
	if len(m.Pack.Choices) == 0 {
		return
	}
	// The meeting's figures as they will be: a row of the file replaces
	// the meeting's for the same practice and indicator.
	key := func(r meeting.DataRow) string { return r.Ydernummer + "\x00" + r.Indicator }
	fresh := map[string]bool{}
	for _, r := range rows {
		fresh[key(r)] = true
	}
	all := append([]meeting.DataRow(nil), rows...)
	for _, r := range m.Values {
		if !fresh[key(r)] {
			all = append(all, r)
		}
	}
	for _, w := range pack.ChoiceWarnings(m.Pack, all, a.language()) {
		fmt.Fprintln(out, a.t("cli.PackWarning", label, w))
	}
}
