package export_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
	"github.com/klynge/klynge/meeting/pack"
)

// demoMeeting is the demo pack's meeting for the demo roster, with a fixed
// code assignment so golden files stay put. (A stream of one repeated byte
// would not do: crypto/rand.Int rejects a draw out of range and would
// reject the same byte for ever.)
func demoMeeting(t testing.TB) (meeting.Meeting, []meeting.Practice) {
	t.Helper()
	demo := klynge.DemoFS()
	packFS, err := fs.Sub(demo, klynge.DemoPackDir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pack.Read(packFS, klynge.DemoPackDir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := demo.Open(klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	practices, err := pack.ReadRoster(f, klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 12, 3, 18, 0, 0, 0, time.UTC)
	m, err := meeting.New(p, "Klyngemøde om KOL", start, start.Add(-72*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	var yds []string
	for _, pr := range practices {
		yds = append(yds, pr.Ydernummer)
	}
	if m.Codes, err = meeting.NewCodes(yds, rand.NewChaCha8([32]byte{7})); err != nil {
		t.Fatal(err)
	}
	m.Values = p.Data
	return m, practices
}

// byYdernummer finds the slip of a practice through the meeting's codes,
// as the coordinator's code key would.
func byYdernummer(t *testing.T, m meeting.Meeting, slips []export.Slip, yd string) export.Slip {
	t.Helper()
	for _, s := range slips {
		if s.Code == m.Codes[yd] {
			return s
		}
	}
	t.Fatalf("no slip for %s (code %q)", yd, m.Codes[yd])
	return export.Slip{}
}

func line(t *testing.T, s export.Slip, id string) export.SlipLine {
	t.Helper()
	for _, l := range s.Lines {
		if l.Indicator.ID == id {
			return l
		}
	}
	t.Fatalf("slip %s has no line for %s", s.Code, id)
	return export.SlipLine{}
}

func render(t *testing.T, s export.Slip) (html, text string) {
	t.Helper()
	var h, x bytes.Buffer
	if err := export.WriteSlipHTML(&h, s); err != nil {
		t.Fatal(err)
	}
	if err := export.WriteSlipText(&x, s); err != nil {
		t.Fatal(err)
	}
	return h.String(), x.String()
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestSlipsOnePerPracticeWithACode(t *testing.T) {
	m, practices := demoMeeting(t)
	slips, err := export.Slips(m, practices, "da")
	if err != nil {
		t.Fatal(err)
	}
	if len(slips) != len(practices) {
		t.Fatalf("want %d slips, got %d", len(practices), len(slips))
	}
	for i, s := range slips {
		if want := meeting.CodeName(i); s.Code != want {
			t.Errorf("slip %d has code %q, want %q (slips are in code order)", i, s.Code, want)
		}
		var yd string
		for y, c := range m.Codes {
			if c == s.Code {
				yd = y
			}
		}
		for _, p := range practices {
			if p.Ydernummer == yd && p.Name != s.Practice {
				t.Errorf("slip %s names %q, want %q", s.Code, s.Practice, p.Name)
			}
		}
		if s.MeetingTitle != m.Title || !s.Date.Equal(m.PlannedStart) || s.Lang != "da" {
			t.Errorf("slip %s header: %q %v %q", s.Code, s.MeetingTitle, s.Date, s.Lang)
		}
		if len(s.Lines) != 3 || len(s.Context) != 2 {
			t.Errorf("slip %s: want 3 lines and 2 context lines, got %d and %d", s.Code, len(s.Lines), len(s.Context))
		}
		if s.Period != "01.10.2025–30.09.2026" {
			t.Errorf("slip %s: period %q", s.Code, s.Period)
		}
	}

	// A practice that joined after the codes were drawn gets no slip.
	late := append(practices[:len(practices):len(practices)], meeting.Practice{Ydernummer: "199999", Name: "Ny praksis"})
	if slips, err := export.Slips(m, late, "da"); err != nil || len(slips) != len(practices) {
		t.Errorf("a practice without a code: %d slips, %v", len(slips), err)
	}

	m.Codes = nil
	if _, err := export.Slips(m, practices, "da"); meeting.ErrorCode(err) != meeting.EINVALID {
		t.Errorf("a meeting without codes: want EINVALID, got %v", err)
	}
}

func TestSlipValues(t *testing.T) {
	m, practices := demoMeeting(t)
	slips, err := export.Slips(m, practices, "da")
	if err != nil {
		t.Fatal(err)
	}
	// The cluster mean of care plans over the 13 practices with at least
	// 5 COPD patients (Sundhedshuset Højby, 119648, has 3).
	var sum float64
	var n int
	for _, r := range m.Values {
		if r.Indicator == "kol-forloebsplan" && *r.Denominator >= 5 {
			sum += *r.Numerator / *r.Denominator * 100
			n++
		}
	}
	planMean := sum / float64(n)

	tests := []struct {
		name      string
		yd        string
		indicator string
		own       float64 // NaN for no data
		low       bool
		mean      float64
		clusterN  int
		fifth     int
		wantText  []string
	}{
		{"ordinary share", "047318", "kol-forloebsplan", 98.0 / 131 * 100, false, planMean, 13, 2,
			[]string{"74,8 %", "98 af 131", "80,0 %", "61,5 %", "58,0 %", "2. femtedel"}},
		{"under the minimum denominator", "119648", "kol-forloebsplan", 100.0 / 3, true, planMean, 13, 0,
			[]string{"33,3 %", "1 af 3", "n<5 – for få patienter: ikke talt med i klyngens tal", "ikke placeret (for få patienter)"}},
		{"no data", "174063", "kol-spirometri", math.NaN(), false, 0, 12, 0,
			[]string{"ingen data", "ikke placeret (ingen data)"}},
		{"best in the cluster", "093561", "kol-forloebsplan", 44.0 / 52 * 100, false, planMean, 13, 1,
			[]string{"1. femtedel (bedste)"}},
		{"no direction", "047318", "kol-prevalens", 131.0 / 4870 * 1000, false, 0, 14, 2,
			[]string{"26,9 ‰", "promille"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := byYdernummer(t, m, slips, tt.yd)
			l := line(t, s, tt.indicator)
			switch {
			case math.IsNaN(tt.own) && l.Own != nil:
				t.Errorf("own value %v, want none", *l.Own)
			case !math.IsNaN(tt.own) && (l.Own == nil || !near(*l.Own, tt.own)):
				t.Errorf("own value %v, want %v", l.Own, tt.own)
			}
			if l.OwnLow != tt.low {
				t.Errorf("OwnLow %v, want %v", l.OwnLow, tt.low)
			}
			if tt.mean != 0 && (l.Mean == nil || !near(*l.Mean, tt.mean)) {
				t.Errorf("mean %v, want %v", l.Mean, tt.mean)
			}
			if l.ClusterN != tt.clusterN {
				t.Errorf("ClusterN %d, want %d", l.ClusterN, tt.clusterN)
			}
			if l.Fifth != tt.fifth {
				t.Errorf("fifth %d, want %d", l.Fifth, tt.fifth)
			}
			if l.Target != l.Indicator.Target || l.Region != l.Indicator.Region || l.National != l.Indicator.National {
				t.Error("benchmarks should be the pack's")
			}
			html, text := render(t, s)
			for _, want := range tt.wantText {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q:\n%s", want, text)
				}
				if !strings.Contains(html, strings.ReplaceAll(want, "<", "&lt;")) {
					t.Errorf("HTML lacks %q", want)
				}
			}
		})
	}

	// The pack shows no mean on the spirometry chart; the slip has one.
	if l := line(t, byYdernummer(t, m, slips, "047318"), "kol-spirometri"); l.Mean == nil {
		t.Error("spirometry needs a cluster mean although the pack's marks leave it out")
	}
	s := byYdernummer(t, m, slips, "047318")
	if c := s.Context[0]; c.Indicator.ID != "liste-stoerrelse" || c.Own == nil || *c.Own != 4870 || c.Mean == nil {
		t.Errorf("list size context: %+v", c)
	}
	if _, text := render(t, s); !strings.Contains(text, "4.870") || !strings.Contains(text, "Om jeres praksis") {
		t.Errorf("context section:\n%s", text)
	}
}

// TestSlipFifths checks, on every indicator, that the fifths follow the
// values: the best practice is in the first fifth, the last in the fifth,
// and a better value is never in a later fifth.
func TestSlipFifths(t *testing.T) {
	m, practices := demoMeeting(t)
	slips, err := export.Slips(m, practices, "da")
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range m.Pack.Indicators {
		if ind.Context {
			continue
		}
		t.Run(ind.ID, func(t *testing.T) {
			var placed []export.SlipLine
			for _, s := range slips {
				l := line(t, s, ind.ID)
				if l.Fifth < 0 || l.Fifth > 5 {
					t.Fatalf("fifth %d out of range", l.Fifth)
				}
				if (l.Fifth == 0) != (l.Own == nil || l.OwnLow) {
					t.Errorf("slip %s: fifth %d with own %v, low %v", s.Code, l.Fifth, l.Own, l.OwnLow)
				}
				if l.Fifth > 0 {
					placed = append(placed, l)
				}
			}
			if len(placed) != placed[0].ClusterN {
				t.Errorf("%d placed, ClusterN %d", len(placed), placed[0].ClusterN)
			}
			better := func(a, b float64) bool {
				if ind.Better == meeting.LowerIsBetter {
					return a < b
				}
				return a > b
			}
			seen := map[int]bool{}
			for _, a := range placed {
				seen[a.Fifth] = true
				for _, b := range placed {
					if better(*a.Own, *b.Own) && a.Fifth > b.Fifth {
						t.Errorf("%v is better than %v but in fifth %d after %d", *a.Own, *b.Own, a.Fifth, b.Fifth)
					}
				}
			}
			for f := 1; f <= 5; f++ {
				if !seen[f] {
					t.Errorf("no practice in fifth %d of %d", f, len(placed))
				}
			}
		})
	}
}

// words are runs of letters and digits, so "A4" and "KØGE" are one word
// each and never a code; codeLike picks the words that look like a code.
var (
	words    = regexp.MustCompile(`[\p{L}\p{N}]+`)
	codeLike = regexp.MustCompile(`^[A-Z]{1,2}$`)
)

// TestSlipsShowNoOtherPractice is the anonymity check: a slip shows its own
// practice's name and code and nothing that identifies another practice —
// no name, ydernummer, doctor or e-mail, and no other code, not even one
// standing alone. The own ydernummer stays off too.
func TestSlipsShowNoOtherPractice(t *testing.T) {
	m, practices := demoMeeting(t)
	for _, lang := range []string{"da", "en"} {

		slips, err := export.Slips(m, practices, lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range slips {
			html, text := render(t, s)
			for form, out := range map[string]string{"html": html, "text": text} {
				where := lang + " " + form + " slip " + s.Code
				var own meeting.Practice
				for _, p := range practices {
					if m.Codes[p.Ydernummer] == s.Code {
						own = p
						continue
					}
					forbidden := []string{p.Name, p.Ydernummer}
					for _, mem := range p.Members {
						forbidden = append(forbidden, mem.Name, mem.Email)
					}
					for _, f := range forbidden {
						if f != "" && strings.Contains(out, f) {
							t.Errorf("%s shows %q of practice %s", where, f, p.Ydernummer)
						}
					}
				}
				if !strings.Contains(out, own.Name) {
					t.Errorf("%s lacks its own name %q", where, own.Name)
				}
				if strings.Contains(out, own.Ydernummer) {
					t.Errorf("%s shows its own ydernummer", where)
				}
				ownSeen := false
				for _, w := range words.FindAllString(out, -1) {
					if !codeLike.MatchString(w) {
						continue
					}
					if w != s.Code {
						t.Errorf("%s has the code-like word %q", where, w)
					}
					ownSeen = true
				}
				if !ownSeen {
					t.Errorf("%s does not show its own code", where)
				}
			}
		}
	}
}

func TestSlipHTMLEscapesAndNests(t *testing.T) {
	m, practices := demoMeeting(t)
	practices[0].Name = `Lægerne <Syd> & "Co"`
	m.Title = `Møde </title><script>alert(1)</script>`
	slips, err := export.Slips(m, practices, "da")
	if err != nil {
		t.Fatal(err)
	}
	s := byYdernummer(t, m, slips, practices[0].Ydernummer)
	html, _ := render(t, s)
	for _, bad := range []string{"<Syd>", "<script>", `& "Co"`} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML holds %q unescaped", bad)
		}
	}
	if !strings.Contains(html, "Lægerne &lt;Syd&gt; &amp; &#34;Co&#34;") {
		t.Error("practice name not escaped as expected")
	}
	checkNesting(t, html)
	for _, want := range []string{"@page", "size: A4", "@media print", `<html lang="da">`, `<meta charset="utf-8">`} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

// checkNesting parses html leniently and fails on an end tag that does not
// close the element open at that point.
func checkNesting(t *testing.T, html string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(html))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var open []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("HTML does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			open = append(open, tok.Name.Local)
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != tok.Name.Local {
				t.Fatalf("</%s> closes %v", tok.Name.Local, open)
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) != 0 {
		t.Errorf("unclosed elements: %v", open)
	}
}

func TestSlipPeriodsThatDiffer(t *testing.T) {
	m, practices := demoMeeting(t)
	for i, r := range m.Values {
		if r.Indicator == "kol-spirometri" {
			m.Values[i].Period = "2025"
		}
	}
	slips, err := export.Slips(m, practices, "da")
	if err != nil {
		t.Fatal(err)
	}
	s := byYdernummer(t, m, slips, "047318")
	if s.Period != "" {
		t.Errorf("slip period %q, want none", s.Period)
	}
	_, text := render(t, s)
	flat := strings.Join(strings.Fields(text), " ") // the text slip wraps its lines
	if !strings.Contains(flat, "Data for perioden 2025") || !strings.Contains(flat, "Data for perioden 1. okt. 2025–30. sep. 2026") {
		t.Errorf("each line should name its period:\n%s", text)
	}
}

// TestSlipGolden pins the look of slips; refresh with
// go test ./meeting/export/ -update.
func TestSlipGolden(t *testing.T) {
	m, practices := demoMeeting(t)
	slips, err := export.Slips(m, practices, "da")
	if err != nil {
		t.Fatal(err)
	}
	english := byYdernummer(t, m, slips, "047318")
	english.Lang = "en"
	m6, practices6, in := sixIndicators(t)
	six, err := export.SlipsWith(m6, practices6, "da", in)
	if err != nil {
		t.Fatal(err)
	}
	sixEnglish := byYdernummer(t, m6, six, "047318")
	sixEnglish.Lang = "en"
	tests := []struct {
		name string
		slip export.Slip
		html bool
	}{
		{"html", byYdernummer(t, m, slips, "047318"), true},
		{"text", byYdernummer(t, m, slips, "047318"), false},
		{"text-low-and-context", byYdernummer(t, m, slips, "119648"), false},
		{"text-no-data", byYdernummer(t, m, slips, "174063"), false},
		{"text-english", english, false},
		{"html-six-with-pledges", byYdernummer(t, m6, six, "047318"), true},
		{"text-six-with-pledges", byYdernummer(t, m6, six, "047318"), false},
		{"text-six-with-pledges-english", sixEnglish, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			write := export.WriteSlipText
			if tt.html {
				write = export.WriteSlipHTML
			}
			if err := write(&b, tt.slip); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

// TestSlipGivesTheFigureTheChartShowed: where the projected chart shows
// the cluster's median and no mean (the demo's spirometry indicator), the
// slip gives that median, labelled as one, not a mean the room never saw.
func TestSlipGivesTheFigureTheChartShowed(t *testing.T) {
	m, practices := demoMeeting(t)
	slips, err := export.Slips(m, practices, "da")
	if err != nil {
		t.Fatal(err)
	}
	var ind meeting.Indicator
	for _, i := range m.Pack.Indicators {
		if i.ID == "kol-spirometri" {
			ind = i
		}
	}
	var rows []meeting.DataRow
	for _, r := range m.Values {
		if r.Indicator == ind.ID {
			rows = append(rows, r)
		}
	}
	chart := meeting.BuildChart(ind, rows, m.Codes, nil)
	median, ok := chart.Mark(meeting.MarkMedian)
	if !ok {
		t.Fatal("the demo's spirometry chart shows no median")
	}
	if _, hasMean := chart.Mark(meeting.MarkMean); hasMean {
		t.Fatal("the demo's spirometry chart shows a mean too; pick another indicator")
	}
	l := line(t, slips[0], "kol-spirometri")
	if !l.Median || l.Mean == nil || !near(*l.Mean, median) {
		t.Errorf("slip gives %v (median %v), the chart showed the median %v", l.Mean, l.Median, median)
	}
	var b strings.Builder
	if err := export.WriteSlipText(&b, slips[0]); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Klyngens median") {
		t.Errorf("the slip does not call it the median:\n%s", b.String())
	}
	if l := line(t, slips[0], "kol-forloebsplan"); l.Median {
		t.Error("the care-plan chart shows a mean; the slip should too")
	}
}
