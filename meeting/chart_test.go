package meeting_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

func f(v float64) *float64 { return &v }

func share(yd string, num, den float64) meeting.DataRow {
	return meeting.DataRow{Ydernummer: yd, Indicator: "plan", Numerator: f(num), Denominator: f(den), Period: "2026"}
}

func planIndicator(marks ...meeting.MarkKind) meeting.Indicator {
	return meeting.Indicator{ID: "plan", Title: "Forløbsplan", Unit: meeting.UnitPercent, Better: meeting.HigherIsBetter,
		Target: f(80), Region: f(61.5), MinDenominator: 5, Marks: marks}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCodeName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := meeting.CodeName(i); got != want {
			t.Errorf("CodeName(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestNewCodesArePermutationsThatDifferBetweenMeetings(t *testing.T) {
	yds := []string{"100001", "100002", "100003", "100004", "100005", "100006", "100007", "100008", "100009", "100010", "100011", "100012", "100013", "100014"}
	first, err := meeting.NewCodes(yds, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range first {
		seen[c] = true
	}
	if len(seen) != len(yds) || !seen["A"] || !seen["N"] {
		t.Fatalf("codes should be A…N once each: %v", first)
	}
	// Two meetings get different codes (the chance of equal permutations
	// of 14 is 1 in 14!, about 1e-11).
	second, err := meeting.NewCodes(yds, nil)
	if err != nil {
		t.Fatal(err)
	}
	same := true
	for yd := range first {
		same = same && first[yd] == second[yd]
	}
	if same {
		t.Error("two meetings drew the same codes")
	}
	// Codes do not follow the ydernummer order, with any luck of the draw:
	// over 20 draws, practice 1 must not always be A.
	alwaysA := true
	for range 20 {
		c, _ := meeting.NewCodes(yds, nil)
		alwaysA = alwaysA && c["100001"] == "A"
	}
	if alwaysA {
		t.Error("the first practice always gets A")
	}
	// The source of randomness is injected.
	a, _ := meeting.NewCodes(yds, rand.NewChaCha8([32]byte{7}))
	b, _ := meeting.NewCodes(yds, rand.NewChaCha8([32]byte{7}))
	for yd := range a {
		if a[yd] != b[yd] {
			t.Fatal("the same random stream should give the same codes")
		}
	}
	if _, err := meeting.NewCodes([]string{"1", "1"}, nil); err == nil {
		t.Error("a practice listed twice should be refused")
	}
}

func TestChartOrdersByValueAndExcludesSmallDenominators(t *testing.T) {
	rows := []meeting.DataRow{share("1", 30, 40), share("2", 2, 3), share("3", 90, 100), share("4", 10, 50)}
	labels := map[string]string{"1": "C", "2": "A", "3": "D", "4": "B", "5": "E"}
	c := meeting.BuildChart(planIndicator(meeting.MarkMean, meeting.MarkMedian, meeting.MarkTarget), rows, labels, nil)
	var order []string
	for _, b := range c.Bars {
		order = append(order, b.Label)
	}
	// A (2 of 3, 66.7 %) is under min_denominator 5: not ranked, listed
	// after the counted bars, and its value is not on the chart at all.
	if got := strings.Join(order, ","); got != "D,C,B,A" {
		t.Errorf("bars %s, want D,C,B,A (counted by value, best first; n<5 last)", got)
	}
	if !c.Bars[3].Low || c.Bars[0].Low || c.Bars[2].Low {
		t.Error("only the practice with 3 patients is under min_denominator 5")
	}
	if low := c.Bars[3]; low.Value != 0 || low.Numerator != nil || low.Denominator != nil {
		t.Errorf("an n<5 bar carries its figures: %+v", low)
	}
	if c.Counted != 3 || c.TooFew {
		t.Errorf("counted %d (too few %v), want 3 counted", c.Counted, c.TooFew)
	}
	// Mean of 90, 75 and 20; the 66.7 under n<5 is left out.
	if m, _ := c.Mark(meeting.MarkMean); !near(m, (90.0+75+20)/3) {
		t.Errorf("mean %v, want %v", m, (90.0+75+20)/3)
	}
	if m, _ := c.Mark(meeting.MarkMedian); !near(m, 75) {
		t.Errorf("median %v, want 75", m)
	}
	if got := strings.Join(c.Missing, ","); got != "E" {
		t.Errorf("missing %q, want E", got)
	}
	if c.Max != 90 || c.Period != "2026" {
		t.Errorf("max %v period %q", c.Max, c.Period)
	}
	// Lower is better: best (lowest) first.
	ind := planIndicator()
	ind.Better = meeting.LowerIsBetter
	c = meeting.BuildChart(ind, rows, labels, nil)
	if c.Bars[0].Label != "B" || c.Bars[3].Label != "A" {
		t.Errorf("lower is better should put B (20%%) first and the n<5 A last, got %s…%s", c.Bars[0].Label, c.Bars[3].Label)
	}
}

func TestSmallNumbersAreOutOfEveryStatistic(t *testing.T) {
	// The worked ABC example below plus practice G with 4 of 4: under
	// min_denominator 5 it must change nothing. Counted, its 100 % would
	// rank first and pool into the benchmark: total 385, so B (30) and
	// G (4) hold 34 < 38.5, then A: (26+4+9)/44 = 88.6 %, not 87.5 %.
	rows := []meeting.DataRow{
		share("a", 9, 10), share("b", 26, 30), share("c", 30, 40),
		share("d", 60, 100), share("e", 1, 1), share("f", 100, 200), share("g", 4, 4),
	}
	labels := map[string]string{"a": "A", "b": "B", "c": "C", "d": "D", "e": "E", "f": "F", "g": "G"}
	all := []meeting.MarkKind{meeting.MarkMean, meeting.MarkMedian, meeting.MarkTopQuartile, meeting.MarkABC}
	c := meeting.BuildChart(planIndicator(all...), rows, labels, nil)
	if got, _ := c.Mark(meeting.MarkABC); !near(got, 87.5) {
		t.Errorf("ABC with an n<5 practice = %v, want 87.5 (as without it)", got)
	}
	// Mean of the counted: A and E are 9/10 and 1/1: E is n<5 too.
	want := (90 + 26.0/30*100 + 75 + 60 + 50) / 5
	if got, _ := c.Mark(meeting.MarkMean); !near(got, want) {
		t.Errorf("mean %v, want %v (without E and G)", got, want)
	}
	if got, _ := c.Mark(meeting.MarkMedian); !near(got, 75) {
		t.Errorf("median %v, want 75", got)
	}
	var low []string
	for i, b := range c.Bars {
		if b.Low {
			low = append(low, b.Label)
		} else if i >= c.Counted {
			t.Errorf("counted bar %s after the n<5 ones", b.Label)
		}
	}
	if strings.Join(low, ",") != "E,G" || c.Counted != 5 {
		t.Errorf("n<5 bars %v, counted %d; want E,G and 5", low, c.Counted)
	}
	if f := c.Fifth(100); f != 1 {
		t.Errorf("fifth of 100 %% = %d, want 1 (the n<5 100 %% does not count)", f)
	}
	if c.Max != 90 {
		t.Errorf("axis max %v, want 90: an n<5 value must not stretch the axis", c.Max)
	}
}

func TestPackWithoutMinDenominatorIsNotExemptInBuildChart(t *testing.T) {
	// The default (5) is applied when a pack is read; an explicit 0 turns
	// the rule off, and then a 4-patient practice counts.
	ind := planIndicator(meeting.MarkMean)
	ind.MinDenominator = 0
	rows := []meeting.DataRow{share("1", 4, 4), share("2", 50, 100), share("3", 60, 100)}
	c := meeting.BuildChart(ind, rows, map[string]string{"1": "A", "2": "B", "3": "C"}, nil)
	if c.Bars[0].Low || c.Counted != 3 {
		t.Errorf("with min_denominator 0 every bar counts: %+v", c.Bars)
	}
}

func TestTooFewPracticesShowNoStatistic(t *testing.T) {
	all := []meeting.MarkKind{meeting.MarkMean, meeting.MarkMedian, meeting.MarkTopQuartile, meeting.MarkABC, meeting.MarkTarget, meeting.MarkRegion}
	rows := []meeting.DataRow{share("1", 30, 40), share("2", 90, 100), share("3", 1, 3)}
	labels := map[string]string{"1": "A", "2": "B", "3": "C"}
	c := meeting.BuildChart(planIndicator(all...), rows, labels, nil)
	if !c.TooFew || c.Counted != 2 {
		t.Fatalf("2 counted practices: too few %v, counted %d", c.TooFew, c.Counted)
	}
	for _, m := range c.Marks {
		if m.Kind.IsStatistic() {
			t.Errorf("with 2 counted practices the chart has a %s mark (%v)", m.Kind, m.Value)
		}
	}
	if _, ok := c.Mark(meeting.MarkTarget); !ok {
		t.Error("the pack's own target stays")
	}
	if f := c.Fifth(75); f != 0 {
		t.Errorf("fifth with 2 counted = %d, want 0 (not placed)", f)
	}
	// A pack may raise the minimum.
	ind := planIndicator(meeting.MarkMean)
	ind.MinPractices = 4
	rows = append(rows, share("4", 10, 10))
	labels["4"] = "D"
	if c := meeting.BuildChart(ind, rows, labels, nil); !c.TooFew {
		t.Error("min_practices 4 with 3 counted should show no mean")
	}
	ind.MinPractices = 3
	if c := meeting.BuildChart(ind, rows, labels, nil); c.TooFew {
		t.Error("3 counted practices are enough by default")
	}
}

func TestABCRankingIsStrict(t *testing.T) {
	// A 9 of 10 and G 4 of 4 have the same adjusted fraction, 10/12 = 5/6.
	// Whatever order the rows come in, A (more patients) ranks first.
	ind := planIndicator(meeting.MarkABC)
	ind.MinDenominator = 0
	ind.MinPractices = 1
	// The total is 40, so the first practice alone holds the 10 %: A gives
	// 90 %, G would give 100 %.
	rows := []meeting.DataRow{share("a", 9, 10), share("g", 4, 4), share("x", 5, 26)}
	labels := map[string]string{"a": "A", "g": "G", "x": "X"}
	var first float64
	for i := range 24 {
		perm := append([]meeting.DataRow(nil), rows...)
		r := rand.New(rand.NewPCG(uint64(i), 1))
		r.Shuffle(len(perm), func(a, b int) { perm[a], perm[b] = perm[b], perm[a] })
		got, ok := meeting.BuildChart(ind, perm, labels, nil).Mark(meeting.MarkABC)
		if !ok {
			t.Fatal("no ABC")
		}
		if !near(got, 90) {
			t.Errorf("ABC = %v, want 90 (A, with more patients, ranks before G)", got)
		}
		if i == 0 {
			first = got
		} else if got != first {
			t.Fatalf("ABC depends on the input order: %v and %v", first, got)
		}
	}
}

func TestABCWorkedExample(t *testing.T) {
	// Total denominator 381, so the benchmark pools the best practices
	// until they hold 38.1 patients. Ranked by (n+1)/(d+2): B 27/32, A
	// 10/12, C, E 2/3 (1 of 1 would top a naive ranking), D, F. B (30) and
	// A (10) hold 40: ABC = (26+9)/(30+10) = 87.5 %. A naive ranking by
	// the raw share would give (1+9+26)/41 = 87.8 %.
	rows := []meeting.DataRow{
		share("a", 9, 10), share("b", 26, 30), share("c", 30, 40),
		share("d", 60, 100), share("e", 1, 1), share("f", 100, 200),
	}
	labels := map[string]string{"a": "A", "b": "B", "c": "C", "d": "D", "e": "E", "f": "F"}
	c := meeting.BuildChart(planIndicator(meeting.MarkABC), rows, labels, nil)
	got, ok := c.Mark(meeting.MarkABC)
	if !ok || !near(got, 87.5) {
		t.Fatalf("ABC = %v (%v), want 87.5", got, ok)
	}
	// Ready values have no denominators: no ABC.
	ready := []meeting.DataRow{{Ydernummer: "a", Indicator: "plan", Value: f(50)}}
	if _, ok := meeting.BuildChart(planIndicator(meeting.MarkABC), ready, labels, nil).Mark(meeting.MarkABC); ok {
		t.Error("ABC needs numerators and denominators")
	}
}

func TestTopQuartileAndFifths(t *testing.T) {
	var rows []meeting.DataRow
	labels := map[string]string{}
	for i := 1; i <= 10; i++ {
		yd := string(rune('a' + i))
		rows = append(rows, share(yd, float64(i*10), 100))
		labels[yd] = meeting.CodeName(i)
	}
	c := meeting.BuildChart(planIndicator(meeting.MarkTopQuartile), rows, labels, nil)
	if q, _ := c.Mark(meeting.MarkTopQuartile); !near(q, 77.5) {
		t.Errorf("top quartile %v, want 77.5", q)
	}
	for value, want := range map[float64]int{100: 1, 90: 1, 80: 2, 50: 3, 30: 4, 10: 5} {
		if got := c.Fifth(value); got != want {
			t.Errorf("fifth of %v = %d, want %d", value, got, want)
		}
	}
}

func TestLabelsShowNamesOnlyWithConsent(t *testing.T) {
	m := meeting.Meeting{
		Codes:    map[string]string{"111111": "A", "222222": "B", "333333": "C"},
		Consents: map[string]time.Time{"222222": time.Now()},
	}
	names := map[string]string{"111111": "Lægerne Østergade", "222222": "Lægehuset Åen", "333333": "Klinik Bøgely"}
	labels := m.Labels(names)
	want := map[string]string{"111111": "A", "222222": "Lægehuset Åen", "333333": "C"}
	for yd, w := range want {
		if labels[yd] != w {
			t.Errorf("label of %s = %q, want %q", yd, labels[yd], w)
		}
	}
	// A practice without a code is not labelled at all, so it never shows.
	m.Values = []meeting.DataRow{{Ydernummer: "444444", Indicator: "plan", Value: f(1)}}
	m.Pack.Indicators = []meeting.Indicator{planIndicator()}
	c, err := m.Chart("plan", names)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Bars) != 0 {
		t.Errorf("a practice without a code must not get a bar: %+v", c.Bars)
	}
	if _, err := m.Chart("nope", names); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("unknown indicator: %v", err)
	}
}

func TestContextTable(t *testing.T) {
	m := meeting.Meeting{
		Codes: map[string]string{"1": "B", "2": "A", "3": "AA"},
		Pack: meeting.Pack{Indicators: []meeting.Indicator{
			planIndicator(),
			{ID: "liste", Unit: meeting.UnitCount, Context: true},
			{ID: "65plus", Unit: meeting.UnitPercent, Context: true},
		}},
		Values: []meeting.DataRow{
			{Ydernummer: "1", Indicator: "liste", Value: f(1650)},
			{Ydernummer: "2", Indicator: "65plus", Numerator: f(300), Denominator: f(1500)},
			{Ydernummer: "1", Indicator: "plan", Value: f(50)},
		},
	}
	ct := m.Context(nil)
	if len(ct.Indicators) != 2 || len(ct.Rows) != 3 {
		t.Fatalf("want 2 context indicators and 3 rows: %+v", ct)
	}
	if ct.Rows[0].Label != "A" || ct.Rows[1].Label != "B" || ct.Rows[2].Label != "AA" {
		t.Errorf("rows in code order: %s %s %s", ct.Rows[0].Label, ct.Rows[1].Label, ct.Rows[2].Label)
	}
	if v := ct.Rows[0].Values[1]; v == nil || !near(*v, 20) {
		t.Errorf("A's share 65+ should be 20 %%: %v", v)
	}
	if v := ct.Rows[1].Values[0]; v == nil || *v != 1650 {
		t.Errorf("B's list size should be 1650: %v", v)
	}
	if ct.Rows[2].Values[0] != nil || ct.Rows[2].Values[1] != nil {
		t.Error("AA has no context figures")
	}
}

func TestContextBandsHoldAtLeastThreePractices(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		n := r.IntN(40)
		values := make([]float64, n)
		for i := range values {
			switch trial % 3 {
			case 0:
				values[i] = float64(800 + r.IntN(2500)) // list sizes
			case 1:
				values[i] = r.Float64() * 40 // share 65+
			default:
				values[i] = float64(1000 + r.IntN(3)*500) // many equal
			}
		}
		bands := meeting.Bands(values, 3)
		if n < 3 {
			if bands != nil {
				t.Fatalf("%d values gave bands %v", n, bands)
			}
			continue
		}
		total := 0
		for i, b := range bands {
			if b.Count < 3 {
				t.Fatalf("band %v holds %d practices (values %v)", b, b.Count, values)
			}
			if i > 0 && bands[i-1].To != b.From {
				t.Fatalf("bands not contiguous: %v", bands)
			}
			total += b.Count
		}
		if total != n {
			t.Fatalf("bands hold %d of %d values", total, n)
		}
		for _, v := range values {
			if v < bands[0].From || v >= bands[len(bands)-1].To {
				t.Fatalf("value %v outside %v", v, bands)
			}
		}
	}
	// A worked example: 7 list sizes. Width 1650/5 = 330 → 500; bands
	// 1000–1500: 3, 1500–2000: 2, 2500–3000: 2; the two small ones merge.
	got := meeting.Bands([]float64{1100, 1200, 1450, 1600, 1900, 2600, 2750}, 3)
	want := []meeting.Band{{From: 1000, To: 1500, Count: 3}, {From: 1500, To: 3000, Count: 4}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("bands %v, want %v", got, want)
	}
}

func TestContextBandsOfAMeeting(t *testing.T) {
	m := meeting.Meeting{
		Codes: map[string]string{"1": "A", "2": "B", "3": "C", "4": "D"},
		Pack: meeting.Pack{Indicators: []meeting.Indicator{
			planIndicator(),
			{ID: "liste", Unit: meeting.UnitCount, Context: true},
			{ID: "65plus", Unit: meeting.UnitPercent, Context: true},
		}},
		Values: []meeting.DataRow{
			{Ydernummer: "1", Indicator: "liste", Value: f(1650)},
			{Ydernummer: "2", Indicator: "liste", Value: f(1200)},
			{Ydernummer: "3", Indicator: "liste", Value: f(2100)},
			{Ydernummer: "9", Indicator: "liste", Value: f(9999)}, // no code: left out
			{Ydernummer: "2", Indicator: "65plus", Numerator: f(300), Denominator: f(1500)},
		},
	}
	ds := m.ContextBands()
	if len(ds) != 2 {
		t.Fatalf("want 2 context indicators: %+v", ds)
	}
	if len(ds[0].Bands) != 1 || ds[0].Bands[0].Count != 3 || ds[0].NoData != 1 {
		t.Errorf("list size: %+v", ds[0])
	}
	if !ds[1].TooFew || ds[1].Bands != nil {
		t.Errorf("one practice with a share 65+ shows no band: %+v", ds[1])
	}
}
