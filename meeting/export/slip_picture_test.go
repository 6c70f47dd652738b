package export_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/export"
)

// circles counts the other practices' dots in an HTML slip's pictures
// (the own mark is the one filled black).
var otherDot = regexp.MustCompile(`<circle [^>]*r="2.8" fill="#fff"`)

// TestSlipPictureShowsOnlyWhatMayBeShown is the picture's anonymity rule:
// the other practices' values, never the own one among them, none under
// the minimum denominator, sorted so their order tells nothing, with no
// label; and with fewer counted practices than the minimum no spread, no
// dots and no cluster figure at all.
func TestSlipPictureShowsOnlyWhatMayBeShown(t *testing.T) {
	m, practices := demoMeeting(t)
	slips, err := export.Slips(m, practices, "da")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, yd string
		others   int // dots on the care-plan line
	}{
		{"counted practice: 12 others of 13 counted", "047318", 12},
		{"practice under the minimum: all 13 counted are others", "119648", 13},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := byYdernummer(t, m, slips, tt.yd)
			l := line(t, s, "kol-forloebsplan")
			if len(l.Others) != tt.others {
				t.Errorf("%d other values, want %d", len(l.Others), tt.others)
			}
			if !slices.IsSorted(l.Others) {
				t.Error("the other values are not sorted")
			}
			var counted []float64
			for _, r := range m.Values {
				if r.Indicator == "kol-forloebsplan" && *r.Denominator >= 5 && r.Ydernummer != tt.yd {
					counted = append(counted, *r.Numerator / *r.Denominator * 100)
				}
			}
			slices.Sort(counted)
			if !slices.EqualFunc(counted, l.Others, near) {
				t.Errorf("others %v, want the counted values of the others %v", l.Others, counted)
			}
			if l.Q1 == nil || l.Q3 == nil || *l.Q1 > *l.Q3 {
				t.Errorf("quartiles %v %v", l.Q1, l.Q3)
			}
			html, _ := render(t, s)
			want := 0
			for _, l := range s.Lines {
				want += len(l.Others)
			}
			if n := len(otherDot.FindAllString(html, -1)); n != want {
				t.Errorf("%d dots drawn, want %d", n, want)
			}
		})
	}

	// A pack that asks for more counted practices than there are: no
	// cluster figure, no spread, no dot, only the own mark and the target.
	for i, ind := range m.Pack.Indicators {
		if ind.ID == "kol-forloebsplan" {
			m.Pack.Indicators[i].MinPractices = 14
		}
	}
	slips, err = export.Slips(m, practices, "da")
	if err != nil {
		t.Fatal(err)
	}
	s := byYdernummer(t, m, slips, "047318")
	l := line(t, s, "kol-forloebsplan")
	if l.Mean != nil || l.Q1 != nil || l.Q3 != nil || len(l.Others) != 0 || l.Fifth != 0 {
		t.Errorf("too few counted: mean %v, quartiles %v %v, others %v, fifth %d", l.Mean, l.Q1, l.Q3, l.Others, l.Fifth)
	}
	html, text := render(t, s)
	section := html[strings.Index(html, "Andel KOL-patienter med forløbsplan"):]
	section = section[:strings.Index(section, "</tr>")]
	if strings.Contains(section, `fill="#c8c8c8"`) || otherDot.MatchString(section) {
		t.Errorf("the care-plan picture shows a spread with too few counted:\n%s", section)
	}
	if !strings.Contains(section, `r="5.2" fill="#000"`) {
		t.Error("the own mark is missing")
	}
	if !strings.Contains(text, "for få praksis med nok data til et klyngetal") {
		t.Errorf("the text slip should say why there is no cluster figure:\n%s", text)
	}
}

// TestSlipHostileTitles: a pack's titles reach the SVG's title and the
// text strip's lines; markup, ampersands, escape codes and emoji print as
// written and run nothing, and the text slip keeps its columns.
func TestSlipHostileTitles(t *testing.T) {
	m, practices, in := sixIndicators(t)
	hostile := []string{
		`<script>alert("x")</script> & <b>KOL</b>`,
		"Rød \x1b[31mtekst\x1b[0m og \x07klokke",
		"🫁 KOL-patienter med forløbsplan 👩‍⚕️ & co",
		`</title></svg><img src=x onerror=alert(1)>`,
	}
	for i := range hostile {
		m.Pack.Indicators[i].Title = hostile[i]
	}
	in.Pledges[0].Action = `<script>alert(1)</script> & "tiltag"`
	slips, err := export.SlipsWith(m, practices, "da", in)
	if err != nil {
		t.Fatal(err)
	}
	s := byYdernummer(t, m, slips, "047318")
	html, text := render(t, s)
	for _, bad := range []string{"<script", "<b>", "<img", "\x1b", "\x07", "</title></svg>"} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML holds %q", bad)
		}
		if bad[0] != '<' && strings.Contains(text, bad) {
			t.Errorf("text holds %q", bad)
		}
	}
	for _, want := range []string{"<title>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;KOL&lt;/b&gt;</title>",
		"<title>🫁 KOL-patienter med forløbsplan 👩‍⚕️ &amp; co</title>", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;tiltag&#34;"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	checkNesting(t, html)
	for _, w := range []int{60, 72, 78, 120, 198} {
		var b bytes.Buffer
		if err := export.WriteSlipTextWidth(&b, s, w); err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(b.String(), "\n") {
			if meeting.Cells(l) > w {
				t.Errorf("width %d, line %d is %d cells: %q", w, i+1, meeting.Cells(l), l)
			}
		}
	}
}
