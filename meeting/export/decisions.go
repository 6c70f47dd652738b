package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// voteWords words a decision's vote and outcome: "enstemmigt" or
// "for 12, imod 3, undlader 1 (vedtaget)".
func voteWords(p *msg.Printer, d meeting.Decision) string {
	if d.Unanimous {
		return p.T("export.VoteUnanimous")
	}
	outcome := p.T("export.VoteRejected")
	if d.Adopted() {
		outcome = p.T("export.VoteAdopted")
	}
	return p.T("export.VoteCounts", d.For, d.Against, d.Abstain, outcome)
}

// writeDecisions writes the minutes' decisions: each with its item, vote
// and the rule it changes.
func writeDecisions(ew *errWriter, p *msg.Printer, ds []meeting.Decision) {
	if len(ds) == 0 {
		return
	}
	ew.printf("\n## %s\n\n", p.T("export.Decisions"))
	for _, d := range ds {
		ew.printf("- **%s:** %s – %s", mdText(d.ItemTitle), mdText(d.Text), voteWords(p, d))
		if d.Rule != "" {
			ew.printf(" – %s", p.T("export.DecisionRule", mdText(d.Rule)))
		}
		ew.printf("\n")
	}
}

// WriteDecisionLog writes the cluster's decision log, oldest first, and
// the standing rules in force, as format "text", "csv" (for Danish Excel)
// or "markdown", in lang.
func WriteDecisionLog(w io.Writer, ds []meeting.Decision, format, lang string) error {
	ds = meeting.DecisionLog(meeting.InertCopy(ds, "Text"))
	rules := meeting.RulesInForce(ds)
	inForce := map[int64]bool{}
	for _, r := range rules {
		inForce[r.ID] = true
	}
	p := msg.For(lang)
	head := strings.Split(p.T("export.DecisionHead"), "\t")
	row := func(d meeting.Decision, text func(string) string) []string {
		vote := ""
		if !d.Unanimous {
			vote = fmt.Sprintf("%d-%d-%d", d.For, d.Against, d.Abstain)
		}
		outcome := p.T("export.VoteRejected")
		switch {
		case d.Unanimous:
			outcome = p.T("export.VoteUnanimous")
		case d.Adopted():
			outcome = p.T("export.VoteAdopted")
		}
		force := ""
		if inForce[d.ID] {
			force = p.T("export.InForce")
		}
		return []string{d.MeetingDate.Format("02-01-2006"), text(d.MeetingTitle), text(d.ItemTitle), text(d.Text),
			vote, outcome, text(d.Rule), force}
	}
	switch format {
	case "csv":
		records := [][]string{head}
		for _, d := range ds {
			records = append(records, row(d, CSVText))
		}
		return WriteExcelCSV(w, records)
	case "markdown":
		ew := &errWriter{w: w}
		ew.printf("# %s\n\n", p.T("export.DecisionLog"))
		if len(ds) == 0 {
			ew.printf("%s\n", p.T("export.NoDecisions"))
		} else {
			ew.printf("| %s |\n|%s\n", strings.Join(head, " | "), strings.Repeat("---|", len(head)))
			for _, d := range ds {
				ew.printf("| %s |\n", strings.Join(row(d, mdCell), " | "))
			}
		}
		ew.printf("\n## %s\n\n", p.T("export.RulesInForce"))
		if len(rules) == 0 {
			ew.printf("%s\n", p.T("export.NoRules"))
		}
		for _, r := range rules {
			ew.printf("- **%s:** %s (%s)\n", mdText(r.Rule), mdText(r.Text), r.MeetingDate.Format("02-01-2006"))
		}
		return ew.err
	}
	tw := NewTableWriter(w)
	if len(ds) == 0 {
		fmt.Fprintln(tw, p.T("export.NoDecisions"))
	} else {
		fmt.Fprintln(tw, strings.Join(head, "\t"))
		for _, d := range ds {
			fmt.Fprintln(tw, strings.Join(row(d, oneLineText), "\t"))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s:\n", p.T("export.RulesInForce"))
	if len(rules) == 0 {
		fmt.Fprintln(w, "  "+p.T("export.NoRules"))
	}
	for _, r := range rules {
		fmt.Fprintf(w, "  %s: %s (%s)\n", oneLineText(r.Rule), oneLineText(r.Text), r.MeetingDate.Format("02-01-2006"))
	}
	_, err := fmt.Fprint(w, "")
	return err
}
