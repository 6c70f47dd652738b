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
	if got := strings.Join(order, ","); got != "D,C,A,B" {
		t.Errorf("bars %s, want D,C,A,B (by value, best first)", got)
	}
	if !c.Bars[2].Low || c.Bars[0].Low {
		t.Error("only the practice with 3 patients is under min_denominator 5")
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
	if c.Bars[0].Label != "B" {
		t.Errorf("lower is better should put B (20%%) first, got %s", c.Bars[0].Label)
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
