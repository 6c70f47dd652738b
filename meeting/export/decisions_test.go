package export_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

func decisionLog() []meeting.Decision {
	day := func(m int) time.Time { return time.Date(2026, time.Month(m), 3, 18, 0, 0, 0, time.UTC) }
	return []meeting.Decision{
		{ID: 1, MeetingDate: day(3), MeetingTitle: "Marts", ItemTitle: "Velkomst", Text: "Praksis er anonyme", Rule: "Anonymitet", Unanimous: true},
		{ID: 2, MeetingDate: day(6), MeetingTitle: "Juni", ItemTitle: "Plenum", Text: "Anonymiteten løftes ved datamøder", Rule: "Anonymitet", For: 14, Against: 2, Abstain: 1},
		{ID: 3, MeetingDate: day(9), MeetingTitle: "September", ItemTitle: "Plenum", Text: "Praksis er anonyme igen", Rule: "anonymitet", For: 4, Against: 9},
		{ID: 4, MeetingDate: day(9), MeetingTitle: "September", ItemTitle: "Generalforsamling", Text: "Højst 2 udeblivelser; om året\x1b[2J", Rule: "Fremmøde", For: 20},
	}
}

// TestDecisionLogFormats: the log in each format lists every decision
// with its vote and outcome, and the rules in force after a change and
// a rejected reversal.
func TestDecisionLogFormats(t *testing.T) {
	for _, tc := range []struct {
		format, lang string
		want         []string
	}{
		{"text", "da", []string{
			"03-06-2026  Juni       Plenum             Anonymiteten løftes ved datamøder",
			"14-2-1", "forkastet", "i kraft",
			"Regler i kraft:\n  Anonymitet: Anonymiteten løftes ved datamøder (03-06-2026)\n  Fremmøde: Højst 2 udeblivelser; om året",
		}},
		{"markdown", "en", []string{
			"# The cluster's decisions",
			"| 03-03-2026 | Marts | Velkomst | Praksis er anonyme |  | unanimous | Anonymitet |  |",
			"| 03-09-2026 | September | Plenum | Praksis er anonyme igen | 4-9-0 | rejected | anonymitet |  |",
			"## Rules in force\n\n- **Anonymitet:** Anonymiteten løftes ved datamøder (03-06-2026)\n- **Fremmøde:**",
		}},
		{"csv", "da", []string{
			"\uFEFFDato;Møde;Punkt;Beslutning;For-imod-undlader;Udfald;Regel;I kraft\r\n",
			// ="14-2-1": Danish Excel would read 14-2-1 as the date 14-02-2001.
			"03-06-2026;Juni;Plenum;Anonymiteten løftes ved datamøder;\"=\"\"14-2-1\"\"\";vedtaget;Anonymitet;i kraft\r\n",
			"03-03-2026;Marts;Velkomst;Praksis er anonyme;;enstemmigt;Anonymitet;\r\n",
			"\"Højst 2 udeblivelser; om året",
		}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := export.WriteDecisionLog(&b, decisionLog(), tc.format, tc.lang); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			if strings.Contains(got, "\x1b") {
				t.Errorf("escape code written:\n%q", got)
			}
		})
	}
}

func TestMinutesDecisions(t *testing.T) {
	start := time.Date(2026, 9, 3, 18, 0, 0, 0, time.UTC)
	m := evaluatedMeeting(t, 1, start)
	m.Decisions = decisionLog()[2:]
	var b bytes.Buffer
	if err := export.WriteMinutes(&b, "da", m, meeting.Cluster{Name: "K"}, nil, nil); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"## Beslutninger\n\n- **Plenum:** Praksis er anonyme igen – for 4, imod 9, undlader 0 (forkastet) – ændrer reglen »anonymitet«\n",
		"- **Generalforsamling:** Højst 2 udeblivelser; om året",
		"for 20, imod 0, undlader 0 (vedtaget) – ændrer reglen »Fremmøde«",
	} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("minutes lack %q:\n%s", w, b.String())
		}
	}
}
