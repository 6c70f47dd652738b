package export_test

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/meeting/msg"
)

// exportCase writes one export of the held demo meeting in a language, as
// text a person reads (a workbook as its cells, row by row).
type exportCase struct {
	name  string
	write func(t *testing.T, w io.Writer, lang string)
}

func exportCases(m meeting.Meeting, c meeting.Cluster, pledges, reviewed []meeting.Pledge, trend []meeting.TrendPoint) []exportCase {
	slip := func(html bool) func(*testing.T, io.Writer, string) {
		return func(t *testing.T, w io.Writer, lang string) {
			slips, err := export.Slips(m, c.Practices, lang)
			if err != nil {
				t.Fatal(err)
			}
			if html {
				must(t, export.WriteSlipHTML(w, slips[0]))
			} else {
				must(t, export.WriteSlipText(w, slips[0]))
			}
		}
	}
	return []exportCase{
		{"minutes", func(t *testing.T, w io.Writer, lang string) {
			must(t, export.WriteMinutes(w, lang, m, c, pledges, reviewed, trend...))
		}},
		{"followup-md", func(t *testing.T, w io.Writer, lang string) {
			must(t, export.WriteFollowUpMarkdown(w, lang, m, c, pledges))
		}},
		{"followup-csv", func(t *testing.T, w io.Writer, lang string) {
			must(t, export.WriteFollowUpCSV(w, lang, m, c, pledges))
		}},
		{"followup-xlsx", func(t *testing.T, w io.Writer, lang string) {
			var b bytes.Buffer
			must(t, export.WriteFollowUpXLSX(&b, lang, m, c, pledges))
			f, err := excelize.OpenReader(&b)
			must(t, err)
			defer f.Close()
			for _, sheet := range f.GetSheetList() {
				rows, err := f.GetRows(sheet)
				must(t, err)
				io.WriteString(w, "["+sheet+"]\n")
				for _, r := range rows {
					io.WriteString(w, strings.Join(r, " | ")+"\n")
				}
			}
		}},
		{"followup-ics", func(t *testing.T, w io.Writer, lang string) {
			must(t, export.WriteFollowUpICS(w, lang, m, c, pledges, "0123456789abcdef0123456789abcdef"))
		}},
		{"slip-html", slip(true)},
		{"slip-text", slip(false)},
		{"evaluation-text", func(t *testing.T, w io.Writer, lang string) {
			must(t, export.WriteEvaluationText(w, trend, lang))
		}},
		{"evaluation-csv", func(t *testing.T, w io.Writer, lang string) {
			must(t, export.WriteEvaluationCSV(w, trend, lang))
		}},
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// languageMeeting is the held demo meeting with pledges, reviews, a
// deleted pledge and an evaluation trend, so every part of every export
// is written.
func languageMeeting(t *testing.T) (meeting.Meeting, meeting.Cluster, []meeting.Pledge, []meeting.Pledge, []meeting.TrendPoint) {
	m, c := heldMeeting(t)
	pledges := demoPledges(m, c)
	deleted := pledges[0]
	deleted.ID, deleted.Action = 99, "Slettet tilsagn"
	at := m.PlannedStart
	deleted.Deleted = &at
	pledges = append(pledges, deleted)
	start := time.Date(2026, 11, 23, 17, 30, 0, 0, time.UTC)
	trend := meeting.EvaluationTrend([]meeting.Meeting{
		evaluatedMeeting(t, 1, start, [2]int{7, 2}, [2]int{8, 1}),
		evaluatedMeeting(t, 2, start.AddDate(0, -3, 0), [2]int{10, 1}),
	}, time.Time{})
	return m, c, pledges, reviewedPledges(m), trend
}

// TestExportLanguages writes every export in Danish and in English: each
// has a golden file per language, and no word of the other language
// appears besides the meeting's own data (names, titles, pledges, notes,
// which are in whatever language they were typed).
func TestExportLanguages(t *testing.T) {
	m, c, pledges, reviewed, trend := languageMeeting(t)
	data := exportData(m, c, pledges, reviewed, trend)
	for _, ec := range exportCases(m, c, pledges, reviewed, trend) {
		outs := map[string]string{}
		for _, lang := range msg.Langs {
			t.Run(ec.name+"/"+lang, func(t *testing.T) {
				var b bytes.Buffer
				ec.write(t, &b, lang)
				out := b.String()
				outs[lang] = out
				if bad := msg.StrayWords(readable(out), lang, data); len(bad) > 0 {
					t.Errorf("%s words in the %s export: %v", other(lang), lang, bad)
				}
				if strings.Contains(out, "export.") {
					t.Errorf("a key shows through:\n%s", out)
				}
				golden.RequireEqual(t, b.Bytes())
			})
		}
		if outs["da"] == outs["en"] {
			t.Errorf("%s: the same in both languages", ec.name)
		}
	}
}

// TestExportLanguageCheckCanFail: an English export read as Danish is
// found out, so the check above can fail.
func TestExportLanguageCheckCanFail(t *testing.T) {
	m, c, pledges, reviewed, trend := languageMeeting(t)
	data := exportData(m, c, pledges, reviewed, trend)
	for _, ec := range exportCases(m, c, pledges, reviewed, trend) {
		if ec.name == "evaluation-csv" || ec.name == "evaluation-text" {
			continue // column heads only: too few words to tell
		}
		var b bytes.Buffer
		ec.write(t, &b, "en")
		if bad := msg.StrayWords(readable(b.String()), "da", data); len(bad) == 0 {
			t.Errorf("%s: the English export passes as Danish", ec.name)
		}
	}
}

func other(lang string) string {
	if lang == "en" {
		return "Danish"
	}
	return "English"
}

var (
	styleBlock = regexp.MustCompile(`(?s)<style.*?</style>`)
	htmlTag    = regexp.MustCompile(`<[^>]*>`)
	icsUID     = regexp.MustCompile(`(?m)^UID:.*$`)
)

// readable is the text of an export a person reads: HTML without its
// style sheet and tags, a calendar without its events' ids
// ("pledge-1-…@klynge", which no one reads).
func readable(s string) string {
	s = icsUID.ReplaceAllString(s, " ")
	return htmlTag.ReplaceAllString(styleBlock.ReplaceAllString(s, " "), " ")
}

// exportData is every word the meeting's data brings into an export.
func exportData(m meeting.Meeting, c meeting.Cluster, pledges, reviewed []meeting.Pledge, trend []meeting.TrendPoint) map[string]bool {
	words := map[string]bool{}
	add := func(ss ...string) {
		for _, s := range ss {
			for _, w := range msg.Tokens(s) {
				words[w] = true
			}
		}
	}
	add(m.Title, c.Name)
	for _, it := range m.Items {
		add(it.Title, it.Speaker)
		add(it.Questions...)
		for _, n := range it.Notes {
			add(n)
		}
	}
	for _, ind := range m.Pack.Indicators {
		add(ind.ID, ind.Title)
	}
	for _, r := range m.Values {
		add(r.Period)
	}
	for _, a := range m.Attendance {
		add(a.Reason)
	}
	for _, g := range m.Guests {
		add(g.Name, g.Role)
	}
	for _, p := range c.Practices {
		add(p.Name)
		for _, d := range p.Members {
			add(d.Name)
		}
	}
	for _, p := range append(append([]meeting.Pledge{}, pledges...), reviewed...) {
		add(p.Action, p.Owner)
		if p.Review != nil {
			add(p.Review.Comment)
		}
	}
	for _, tp := range trend {
		add(tp.Title)
	}
	return words
}
