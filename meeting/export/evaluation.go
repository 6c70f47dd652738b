package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// writeEvaluation writes the minutes' evaluation: the questions, the
// scores as counts per score with n, mean and median, the room's notes,
// and the cluster's trend up to this meeting. No score has a name.
func writeEvaluation(ew *errWriter, p *msg.Printer, m meeting.Meeting, trend []meeting.TrendPoint) {
	var questions []string
	for _, it := range m.Items {
		if it.Kind == meeting.KindEvaluation && !it.Skipped {
			questions = append(questions, it.Questions...)
		}
	}
	ev := m.Evaluation()
	stats := meeting.Stats(ev.Entries)
	if len(questions) == 0 && ev.Empty() && len(trend) == 0 {
		return
	}
	ew.printf("\n## %s\n\n", p.T("export.Evaluation"))
	for _, q := range questions {
		ew.printf("- %s\n", mdText(q))
	}
	if stats.N > 0 {
		if len(questions) > 0 {
			ew.printf("\n")
		}
		ew.printf("%s\n\n", p.T("export.EvalStats", stats.N, meeting.FormatScore(stats.Mean, p.Lang()), meeting.FormatScore(stats.Median, p.Lang())))
		head, rule, row := "| "+p.T("export.EvalScore")+" |", "|---|", "| "+p.T("export.EvalCount")+" |"
		for s := 0; s <= meeting.MaxScore; s++ {
			head += fmt.Sprintf(" %d |", s)
			rule += "---|"
			row += fmt.Sprintf(" %d |", stats.Counts[s])
		}
		ew.printf("%s\n%s\n%s\n", head, rule, row)
	}
	for _, n := range []struct{ key, text string }{{"export.EvalWorked", ev.Worked}, {"export.EvalChange", ev.Change}} {
		if strings.TrimSpace(n.text) != "" {
			ew.printf("\n**%s:** %s\n", p.T(n.key), mdText(n.text))
		}
	}
	if len(trend) > 0 {
		ew.printf("\n### %s\n\n", p.T("export.EvalTrend"))
		ew.printf("| %s |\n|---|---|---|---|---|\n", strings.Join(trendHead(p), " | "))
		for _, tp := range trend {
			ew.printf("| %s |\n", strings.Join(trendRow(tp, p, mdCell), " | "))
		}
	}
}

func trendHead(p *msg.Printer) []string {
	return strings.Split(p.T("export.EvalTrendHead"), "\t")
}

func trendRow(tp meeting.TrendPoint, p *msg.Printer, text func(string) string) []string {
	return []string{shortDate(p, tp.Date), text(tp.Title), strconv.Itoa(tp.Stats.N),
		meeting.FormatScore(tp.Stats.Mean, p.Lang()), meeting.FormatScore(tp.Stats.Median, p.Lang())}
}

// WriteEvaluationText writes the cluster's evaluation trend as a table in
// lang ("da" or "en"): date, meeting, n, mean, median, oldest first.
func WriteEvaluationText(w io.Writer, trend []meeting.TrendPoint, lang string) error {
	trend = meeting.InertCopy(trend)
	p := msg.For(lang)
	if len(trend) == 0 {
		_, err := fmt.Fprintln(w, p.T("export.EvalNone"))
		return err
	}
	tw := NewTableWriter(w)
	fmt.Fprintln(tw, strings.Join(trendHead(p), "\t"))
	for _, tp := range trend {
		fmt.Fprintln(tw, strings.Join(trendRow(tp, p, oneLineText), "\t"))
	}
	return tw.Flush()
}

// WriteEvaluationCSV writes the trend as CSV for Excel in lang (WriteCSV), with the
// counts per score 0…10 after n, mean and median.
func WriteEvaluationCSV(w io.Writer, trend []meeting.TrendPoint, lang string) error {
	trend = meeting.InertCopy(trend)
	p := msg.For(lang)
	head := trendHead(p)
	for s := 0; s <= meeting.MaxScore; s++ {
		head = append(head, strconv.Itoa(s))
	}
	records := [][]string{head}
	for _, tp := range trend {
		rec := trendRow(tp, p, CSVText)
		for s := 0; s <= meeting.MaxScore; s++ {
			rec = append(rec, strconv.Itoa(tp.Stats.Counts[s]))
		}
		records = append(records, rec)
	}
	return WriteCSV(w, lang, records)
}
