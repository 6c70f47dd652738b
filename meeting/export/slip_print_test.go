package export_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

// sixIndicators is the demo meeting with three more quality indicators
// (six in all, beside the two context ones), long titles and every
// benchmark, and the practice 047318 (Lægerne Østergade) with three
// pledges, one long and one linked to an indicator: the fullest slip a
// pack of six gives, which must still print on one A4 page.
func sixIndicators(t testing.TB) (meeting.Meeting, []meeting.Practice, export.SlipInput) {
	t.Helper()
	m, practices := demoMeeting(t)
	f := func(v float64) *float64 { return &v }
	extra := []meeting.Indicator{
		{ID: "kol-inhalation", Title: "Andel KOL-patienter med tjek af inhalationsteknik inden for det seneste år", Unit: meeting.UnitPercent,
			Better: meeting.HigherIsBetter, Target: f(75), Region: f(48.3), National: f(44.9), MinDenominator: 5},
		{ID: "kol-rygestatus", Title: "Andel KOL-patienter med registreret rygestatus og tilbud om rygestop", Unit: meeting.UnitPercent,
			Better: meeting.HigherIsBetter, Target: f(90), Region: f(71.0), National: f(69.4), MinDenominator: 5},
		{ID: "kol-ics", Title: "Andel KOL-patienter i behandling med inhaleret steroid uden eksacerbationer det seneste år", Unit: meeting.UnitPercent,
			Better: meeting.LowerIsBetter, Target: f(20), Region: f(31.7), National: f(33.2), MinDenominator: 5},
	}
	// Before the context indicators, as a pack lists them.
	inds := m.Pack.Indicators
	var quality, context []meeting.Indicator
	for _, ind := range inds {
		if ind.Context {
			context = append(context, ind)
		} else {
			quality = append(quality, ind)
		}
	}
	m.Pack.Indicators = append(append(append([]meeting.Indicator{}, quality...), extra...), context...)
	rnd := rand.New(rand.NewPCG(17, 1))
	var added []meeting.DataRow
	for _, r := range m.Values {
		if r.Indicator != "kol-forloebsplan" {
			continue
		}
		for i, ind := range extra {
			share := []float64{0.55, 0.72, 0.3}[i] + (rnd.Float64()-0.5)*0.4
			num := float64(int(*r.Denominator*share + 0.5))
			added = append(added, meeting.DataRow{Ydernummer: r.Ydernummer, Indicator: ind.ID,
				Numerator: f(num), Denominator: r.Denominator, Period: r.Period})
		}
	}
	m.Values = append(m.Values, added...)
	// Three earlier meetings a quarter apart, each with its own figures,
	// and this one: the series on the slip. One earlier meeting has the
	// own practice under the minimum denominator on the care plans.
	m.ID = 104
	in0 := export.SlipInput{History: map[string][]meeting.TrendMeeting{}}
	for _, ind := range m.Pack.Indicators {
		if ind.Context {
			continue
		}
		var rows []meeting.DataRow
		for _, r := range m.Values {
			if r.Indicator == ind.ID {
				rows = append(rows, r)
			}
		}
		var h []meeting.TrendMeeting
		for k := 3; k >= 1; k-- {
			var earlier []meeting.DataRow
			for _, r := range rows {
				e := r
				if r.Numerator != nil && r.Denominator != nil {
					num, den := *r.Numerator*(1-0.08*float64(k)), *r.Denominator
					if k == 2 && r.Ydernummer == "047318" && ind.ID == "kol-forloebsplan" {
						num, den = 2, 4
					}
					e.Numerator, e.Denominator = &num, &den
				}
				earlier = append(earlier, e)
			}
			h = append(h, meeting.TrendMeeting{MeetingID: int64(104 - k), Date: m.PlannedStart.AddDate(0, -3*k, 0), Indicator: ind, Rows: earlier})
		}
		in0.History[ind.ID] = append(h, meeting.TrendMeeting{MeetingID: m.ID, Date: m.PlannedStart, Indicator: ind, Rows: rows})
	}
	due := time.Date(2027, 3, 4, 0, 0, 0, 0, time.UTC)
	in := export.SlipInput{
		Pledges: []meeting.Pledge{
			{MeetingID: m.ID, Ydernummer: "047318", Action: "Sygeplejersken laver forløbsplan ved hver årskontrol, og lægen gennemgår den med patienten ved næste konsultation; vi sætter en påmindelse i journalen, så ingen KOL-patient går fra årskontrollen uden en plan.",
				Owner: "sygeplejersken", Due: due, Indicator: "kol-forloebsplan", Target: f(85)},
			{MeetingID: m.ID, Ydernummer: "047318", Action: "Kalibrere spirometret og lære de nye sekretærer at booke spirometri.", Owner: "Åse Bødker", Due: due.AddDate(0, -1, 0)},
			{MeetingID: m.ID, Ydernummer: "047318", Action: "Tjekke inhalationsteknik ved hver recept på inhalator.", Owner: "hele praksis", Due: due,
				Indicator: "kol-inhalation", Target: f(70)},
			// Another practice's pledge never reaches this slip.
			{MeetingID: m.ID, Ydernummer: "093561", Action: "Anden praksis' tiltag", Owner: "lægen", Due: due},
		},
		Next:    func() *time.Time { n := time.Date(2027, 3, 4, 18, 0, 0, 0, time.UTC); return &n }(),
		History: in0.History,
	}
	return m, practices, in
}

// chromium is the path of a Chromium to print with, or the test skips.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium installed: the one-page check needs a browser to print with (Debian: apt-get install chromium)")
	return ""
}

// printPDF prints html with headless Chromium as a person prints it from
// a browser (no header or footer lines) and returns the PDF.
func printPDF(t *testing.T, browser, html string) []byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "slip.html")
	out := filepath.Join(dir, "slip.pdf")
	if err := os.WriteFile(in, []byte(html), 0o600); err != nil {
		t.Fatal(err)
	}
	// A hung browser fails the test rather than the whole run.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, b)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("chromium wrote no PDF: %v", err)
	}
	if dst := os.Getenv("KLYNGE_SLIP_PDF"); dst != "" {
		// For a person to look at: KLYNGE_SLIP_PDF=/tmp/slip go test …
		_ = os.WriteFile(dst+"-"+t.Name()[len(t.Name())-2:]+".pdf", pdf, 0o600)
	}
	return pdf
}

// TestSlipPrintsOnOnePage prints the slip of a six-indicator pack with
// context and pledges in headless Chromium and counts the PDF's pages:
// one A4 sheet, in Danish and in English.
func TestSlipPrintsOnOnePage(t *testing.T) {
	browser := chromium(t)
	m, practices, in := sixIndicators(t)
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			slips, err := export.SlipsWith(m, practices, lang, in)
			if err != nil {
				t.Fatal(err)
			}
			s := byYdernummer(t, m, slips, "047318")
			if len(s.Lines) != 6 || len(s.Context) != 2 || len(s.Pledges) != 3 {
				t.Fatalf("fixture: %d lines, %d context, %d pledges", len(s.Lines), len(s.Context), len(s.Pledges))
			}
			var b bytes.Buffer
			if err := export.WriteSlipHTML(&b, s); err != nil {
				t.Fatal(err)
			}
			pdf := printPDF(t, browser, b.String())
			n, err := pdfPages(pdf)
			if err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Errorf("the slip prints on %d pages, want 1", n)
			}
			if lang == "en" {
				// Headroom: with 8 mm less page it still fits, so another
				// machine's fonts do not push the notes onto a second page.
				tight := strings.Replace(b.String(), "</head>", "<style>@page { margin-bottom: 16mm; }</style></head>", 1)
				if n, err := pdfPages(printPDF(t, browser, tight)); err != nil || n != 1 {
					t.Errorf("with 8 mm less page the slip prints on %d pages (%v): too little headroom", n, err)
				}
			}
			if !bytes.Contains(pdf, []byte("/MediaBox [0 0 594.95996 841.91998]")) && !regexp.MustCompile(`/MediaBox \[0 0 59[45][.0-9]* 84[12][.0-9]*\]`).Match(pdf) {
				t.Errorf("the page is not A4 (595×842 pt): %s", regexp.MustCompile(`/MediaBox \[[^\]]*\]`).Find(pdf))
			}
		})
	}
}

// TestPDFPagesCountsPrintedPages checks the page counter on a PDF Chromium
// printed on two pages and one, and on a small hand-written PDF of two.
func TestPDFPagesCountsPrintedPages(t *testing.T) {
	two, err := os.ReadFile(filepath.Join("testdata", "two-pages.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := pdfPages(two); err != nil || n != 2 {
		t.Errorf("two-pages.pdf: %d pages, %v; want 2", n, err)
	}
	for _, bad := range [][]byte{nil, []byte("%PDF-1.4\n%%EOF\n"), []byte("not a pdf")} {
		if n, err := pdfPages(bad); err == nil {
			t.Errorf("%q: %d pages and no error", bad, n)
		}
	}
	browser := chromium(t)
	page := func(body string) string {
		return "<!DOCTYPE html><html><head><style>@page { size: A4; margin: 10mm; } div { height: 250mm; }</style></head><body>" + body + "</body></html>"
	}
	for want, html := range map[int]string{1: page("<div>Én side</div>"), 2: page("<div>Side 1</div><div>Side 2</div>"), 3: page("<div>1</div><div>2</div><div>3</div>")} {
		if n, err := pdfPages(printPDF(t, browser, html)); err != nil || n != want {
			t.Errorf("%d-page PDF counted as %d, %v", want, n, err)
		}
	}
}

var (
	pageObject = regexp.MustCompile(`/Type\s*/Page([^A-Za-z0-9]|$)`)
	pagesCount = regexp.MustCompile(`/Type\s*/Pages[^A-Za-z0-9][^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages([^A-Za-z0-9]|$)`)
	flateStart = regexp.MustCompile(`/FlateDecode[^>]*>>\s*stream\r?\n`)
)

// pdfPages counts a PDF's pages two ways and insists they agree: the page
// objects (/Type /Page, not /Pages) and the page tree's largest /Count,
// the root's. Compressed object streams are inflated and searched too.
func pdfPages(pdf []byte) (int, error) {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return 0, errors.New("not a PDF")
	}
	text := append([]byte{}, pdf...)
	for _, loc := range flateStart.FindAllIndex(pdf, -1) {
		end := bytes.Index(pdf[loc[1]:], []byte("endstream"))
		if end < 0 {
			continue
		}
		r, err := zlib.NewReader(bytes.NewReader(pdf[loc[1] : loc[1]+end]))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(r)
		text = append(append(text, '\n'), b...)
	}
	objects := len(pageObject.FindAll(text, -1))
	count := -1
	for _, m := range pagesCount.FindAllSubmatch(text, -1) {
		s := m[1]
		if len(s) == 0 {
			s = m[2]
		}
		if n, err := strconv.Atoi(string(s)); err == nil && n > count {
			count = n
		}
	}
	switch {
	case objects == 0:
		return 0, errors.New("no page objects in the PDF")
	case count >= 0 && count != objects:
		return 0, fmt.Errorf("the page tree counts %d pages, %d page objects found", count, objects)
	}
	return objects, nil
}
