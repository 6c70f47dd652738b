package pack_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

func ptr(v float64) *float64 { return &v }

// testIndicators are a % share, a rate and a context count.
func testIndicators() []meeting.Indicator {
	return []meeting.Indicator{
		{ID: "kol-forloebsplan", Unit: meeting.UnitPercent, MinDenominator: 5},
		{ID: "kol-prevalens", Unit: meeting.UnitPer1000},
		{ID: "andel-65plus", Unit: meeting.UnitPercent, Context: true},
		{ID: "liste-stoerrelse", Unit: meeting.UnitCount, Context: true},
	}
}

func TestDemoData(t *testing.T) {
	p, err := pack.Read(demoCopy(t), label)
	if err != nil {
		t.Fatal(err)
	}
	find := func(yd, id string) (meeting.DataRow, bool) {
		for _, r := range p.Data {
			if r.Ydernummer == yd && r.Indicator == id {
				return r, true
			}
		}
		return meeting.DataRow{}, false
	}
	first, ok := find("047318", "kol-forloebsplan")
	if !ok || *first.Numerator != 98 || *first.Denominator != 131 || first.Value != nil || first.Period != "01.10.2025–30.09.2026" {
		t.Errorf("047318 kol-forloebsplan: %+v", first)
	}
	plan, _ := p.Indicator("kol-forloebsplan")
	small, ok := find("119648", "kol-forloebsplan")
	if !ok || *small.Denominator >= float64(plan.MinDenominator) {
		t.Errorf("the demo needs a practice under min_denominator %d: %+v", plan.MinDenominator, small)
	}
	if _, ok := find("174063", "kol-spirometri"); ok {
		t.Error("the demo needs a practice with no kol-spirometri row")
	}
	old, ok := find("047318", "andel-65plus")
	if !ok || old.Value == nil || *old.Value != 24.8 || old.Numerator != nil {
		t.Errorf("decimal comma value: %+v", old)
	}
	for _, id := range []string{"kol-prevalens", "kol-forloebsplan", "liste-stoerrelse", "andel-65plus"} {
		n := 0
		for _, r := range p.Data {
			if r.Indicator == id {
				n++
			}
		}
		if n != 14 {
			t.Errorf("%s has %d rows, want one per practice (14)", id, n)
		}
	}
}

func TestReadDataFormats(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []meeting.DataRow
	}{
		{"Danish", "ydernummer;indikator;tæller;nævner;værdi;periode\n047318;kol-forloebsplan;98;131;;2026-Q3\n047318;andel-65plus;;;24,8;2026-Q3\n",
			[]meeting.DataRow{
				{Ydernummer: "047318", Indicator: "kol-forloebsplan", Numerator: ptr(98), Denominator: ptr(131), Period: "2026Q3"},
				{Ydernummer: "047318", Indicator: "andel-65plus", Value: ptr(24.8), Period: "2026Q3"},
			}},
		{"English with BOM and commas", "\uFEFFProvider number,Indicator,Numerator,Denominator,Value,Period\r\n047318,andel-65plus,,,24.8,2026-Q3\r\n047318,liste-stoerrelse,,,\"1.650,5\",2026-Q3\r\n",
			[]meeting.DataRow{
				{Ydernummer: "047318", Indicator: "andel-65plus", Value: ptr(24.8), Period: "2026Q3"},
				{Ydernummer: "047318", Indicator: "liste-stoerrelse", Value: ptr(1650.5), Period: "2026Q3"},
			}},
		{"value only, no period, spaces and a percent sign", "ydernummer;indikator;værdi\n047318;liste-stoerrelse;4 870\n047318;andel-65plus;24,8 %\n",
			[]meeting.DataRow{
				{Ydernummer: "047318", Indicator: "liste-stoerrelse", Value: ptr(4870)},
				{Ydernummer: "047318", Indicator: "andel-65plus", Value: ptr(24.8)},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := pack.ReadData(strings.NewReader(tt.src), "d.csv", testIndicators())
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d rows, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if !sameRow(got[i], tt.want[i]) {
					t.Errorf("row %d: got %s, want %s", i+1, show(got[i]), show(tt.want[i]))
				}
			}
		})
	}
}

func sameRow(a, b meeting.DataRow) bool {
	eq := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.Ydernummer == b.Ydernummer && a.Indicator == b.Indicator && a.Period == b.Period &&
		eq(a.Numerator, b.Numerator) && eq(a.Denominator, b.Denominator) && eq(a.Value, b.Value)
}

func show(r meeting.DataRow) string {
	f := func(p *float64) string {
		if p == nil {
			return "nil"
		}
		return fmt.Sprint(*p)
	}
	return fmt.Sprintf("%s %s %q num=%s den=%s val=%s", r.Ydernummer, r.Indicator, r.Period, f(r.Numerator), f(r.Denominator), f(r.Value))
}

func TestReadDataProblems(t *testing.T) {
	const header = "ydernummer;indikator;tæller;nævner;værdi;periode\n"
	tests := []struct {
		name  string
		src   string
		place string
		msg   string
	}{
		{"missing indicator column", "ydernummer;tæller;nævner\n047318;1;2\n", "d.csv:1", `missing column "indikator" (or "indicator")`},
		{"numerator without denominator column", "ydernummer;indikator;tæller\n047318;kol-prevalens;1\n", "d.csv:1", `missing column "nævner" (or "denominator")`},
		{"no figure columns", "ydernummer;indikator;periode\n047318;kol-prevalens;2026\n", "d.csv:1", "missing columns for the figures: add tæller and nævner"},
		{"unknown indicator, once", header + "047318;kol-spiro;1;2;;\n112905;kol-spiro;1;2;;\n", "d.csv:2:8",
			`unknown indicator "kol-spiro" (also on 1 more row): use one of kol-forloebsplan, kol-prevalens, andel-65plus, liste-stoerrelse, or add it to pack.toml`},
		{"empty indicator", header + "047318;;1;2;;\n", "d.csv:2:8", "indikator is empty: give the indicator's id from pack.toml"},
		{"bad ydernummer", header + "4731;kol-prevalens;1;2;;\n", "d.csv:2:1", `ydernummer "4731" has 4 digits, not 6`},
		{"numerator not a number", header + "047318;kol-prevalens;ti;20;;\n", "d.csv:2:22", `tæller "ti" is not a number: write a whole number such as 42`},
		{"fractional count", header + "047318;kol-prevalens;4;1.650;;\n", "d.csv:2:24", `nævner "1.650" is not a whole number: write the count of patients without decimals or thousands separators`},
		{"negative count", header + "047318;kol-prevalens;-4;1650;;\n", "d.csv:2:22", "tæller -4 is negative"},
		{"value not a number", header + "047318;andel-65plus;;;24,8,1;\n", "d.csv:2:23", `værdi "24,8,1" is not a number`},
		{"percent value over 100", header + "047318;andel-65plus;;;248;\n", "d.csv:2:23", "værdi 248 is outside 0–100: a % indicator takes a percentage such as 61.5"},
		{"denominator zero", header + "047318;kol-forloebsplan;0;0;;\n", "d.csv:2:27", "nævner is 0: a share needs at least one patient; leave the row out if the practice has none"},
		{"numerator over denominator", header + "047318;kol-forloebsplan;12;10;;\n", "d.csv:2:25", "tæller 12 is larger than nævner 10: a share cannot be over 100 %"},
		{"both value and counts", header + "047318;kol-forloebsplan;8;10;80;\n", "d.csv:2:30", "give either tæller and nævner or værdi, not both"},
		{"no figure", header + "047318;kol-forloebsplan;;;;2026\n", "d.csv:2:25", "no figure for kol-forloebsplan: fill in tæller and nævner, or værdi"},
		{"numerator only", header + "047318;kol-forloebsplan;8;;;\n", "d.csv:2:27", "nævner is missing: a tæller needs a nævner"},
		{"denominator only", header + "047318;kol-forloebsplan;;8;;\n", "d.csv:2:25", "tæller is missing: a nævner needs a tæller"},
		{"duplicate row", header + "047318;kol-prevalens;1;200;;\n112905;kol-prevalens;1;200;;\n047318;kol-prevalens;2;200;;\n", "d.csv:4:1",
			`practice 047318 has a second row for "kol-prevalens": the first is on line 2; keep one`},
		{"period as free text", header + "047318;kol-prevalens;1;200;;efterår 2026\n", "d.csv:2:29",
			`periode: "efterår 2026" is not a period: write a quarter such as 2026Q3, a year such as 2026, a month such as 2026-09 or a range of dates such as 01.10.2025–30.09.2026`},
		{"period with no such month", header + "047318;kol-prevalens;1;200;;2026-13\n", "d.csv:2:29", `periode: "2026-13" has no month 1–12`},
		{"period with no such date", header + "047318;kol-prevalens;1;200;;01.10.2025–31.09.2026\n", "d.csv:2:29", `the date 31.09.2026 does not exist`},
		{"English header names in messages", "ydernummer,indicator,numerator,denominator\n047318,kol-forloebsplan,12,10\n", "d.csv:2:25",
			"numerator 12 is larger than denominator 10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pack.ReadData(strings.NewReader(tt.src), "d.csv", testIndicators())
			ps := problems(t, err)
			wantProblem(t, ps, tt.place, tt.msg)
			if len(ps) != 1 {
				t.Errorf("want 1 problem, got:\n%v", ps)
			}
		})
	}
}

func TestReadDataWithoutIndicatorsSkipsIDChecks(t *testing.T) {
	rows, err := pack.ReadData(strings.NewReader("ydernummer;indikator;tæller;nævner\n047318;hvad-som-helst;12;10\n"), "d.csv", nil)
	if err != nil || len(rows) != 1 || rows[0].Indicator != "hvad-som-helst" {
		t.Fatalf("rows %+v, err %v", rows, err)
	}
}
