package pack_test

import (
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting/pack"
)

// TestReadDataSkipsForeignRows reads a region's extract: the cluster's
// rows are imported, the other practices' rows are counted and skipped
// (their readable figures kept for a region mean), and a broken figure
// on a foreign row is no problem of the cluster's. Without SkipForeign
// the same file is refused, and a file with no cluster row always is.
func TestReadDataSkipsForeignRows(t *testing.T) {
	const header = "ydernummer;indikator;tæller;nævner;værdi;periode\n"
	cluster := []string{"047318", "112905"}
	tests := []struct {
		name                 string
		src                  string
		rows, skipped, other int
		figures              int
		problem              string // the one problem, if any
	}{
		{"cluster rows only", header + "047318;kol-forloebsplan;8;10;;2026\n", 1, 0, 0, 0, ""},
		{"foreign rows counted", header +
			"047318;kol-forloebsplan;8;10;;2026\n" +
			"900001;kol-forloebsplan;5;10;;2026\n" +
			"900001;kol-prevalens;12;1000;;2026\n" +
			"900002;kol-forloebsplan;7;10;;2026\n" +
			"112905;kol-prevalens;20;1000;;2026\n", 2, 3, 2, 3, ""},
		{"a foreign row's broken figure is skipped silently", header +
			"047318;kol-forloebsplan;8;10;;2026\n" +
			"900001;kol-forloebsplan;ti;10;;2026\n" +
			"900002;kol-forloebsplan;12;10;;2026\n" +
			"900003;ukendt-id;1;2;;2026\n" +
			"900003;kol-forloebsplan;1;2;;2026\n" +
			"900003;kol-forloebsplan;2;2;;2026\n", 1, 5, 3, 1, ""},
		{"a bad ydernummer is still reported", header +
			"047318;kol-forloebsplan;8;10;;2026\n" +
			"4731;kol-forloebsplan;8;10;;2026\n", 0, 0, 0, 0, `d.csv:3:1: ydernummer "4731" has 4 digits`},
		{"the cluster's own broken figure is reported", header +
			"047318;kol-forloebsplan;ti;10;;2026\n" +
			"900001;kol-forloebsplan;5;10;;2026\n", 0, 0, 0, 0, `d.csv:2:25: tæller "ti" is not a number`},
		{"no row for the cluster", header +
			"900001;kol-forloebsplan;5;10;;2026\n" +
			"900002;kol-forloebsplan;5;10;;2026\n", 0, 0, 0, 0, "d.csv:1: none of the file's 2 rows are for a practice of the cluster (2 other practices)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f pack.Foreign
			rows, err := pack.ReadDataCSV(strings.NewReader(tt.src), "d.csv", testIndicators(), cluster, pack.SkipForeign(&f))
			if tt.problem != "" {
				ps := problems(t, err)
				if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), tt.problem) {
					t.Fatalf("problems %v, want one starting %q", ps, tt.problem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != tt.rows || f.Rows != tt.skipped || f.Practices != tt.other || len(f.Figures) != tt.figures {
				t.Errorf("%d rows, skipped %d rows of %d practices with %d figures; want %d, %d, %d, %d",
					len(rows), f.Rows, f.Practices, len(f.Figures), tt.rows, tt.skipped, tt.other, tt.figures)
			}
			for _, r := range rows {
				if r.Ydernummer != "047318" && r.Ydernummer != "112905" {
					t.Errorf("a foreign row was imported: %+v", r)
				}
			}
		})
	}

	// Without the option a foreign row is refused, as for a pack's data.csv.
	src := header + "047318;kol-forloebsplan;8;10;;2026\n900001;kol-forloebsplan;5;10;;2026\n"
	_, err := pack.ReadDataCSV(strings.NewReader(src), "d.csv", testIndicators(), cluster)
	wantProblem(t, problems(t, err), "d.csv:3:1", "practice 900001 is not in the cluster")
}
