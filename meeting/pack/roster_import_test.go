package pack_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

func TestReadRosterCSV_ForImport(t *testing.T) {
	src := "ydernummer;praksis;læge;email;rolle\n" +
		"047318;;Søren Ærø-Hansen;s@o.dk;\n" + // known practice: no name needed; no role: keep
		"047318;;Åse Bødker;;medlem\n" +
		"112905;Lægehuset ved Åen;Jens Møller;j@a.dk;koordinator\n"
	got, err := pack.ReadRosterCSV(strings.NewReader(src), "r.csv", []string{"047318"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "" || got[1].Name != "Lægehuset ved Åen" {
		t.Fatalf("practices %+v", got)
	}
	roles := []meeting.Role{got[0].Members[0].Role, got[0].Members[1].Role, got[1].Members[0].Role}
	if roles[0] != "" || roles[1] != meeting.RoleMember || roles[2] != meeting.RoleCoordinator {
		t.Errorf("roles %q", roles)
	}

	// An unknown practice still needs its name.
	_, err = pack.ReadRosterCSV(strings.NewReader(src), "r.csv", nil)
	ps := problems(t, err)
	wantProblem(t, ps, "r.csv:2", "practice 047318 is not in the cluster and has no name: fill in the praksis column to add it, or check the ydernummer")
	if len(ps) != 1 {
		t.Errorf("want 1 problem, got:\n%v", ps)
	}
}

func TestReadRosterFile(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	rows := [][]any{
		{"Ydernummer", "Praksis", "Læge", "E-mail", "Rolle"},
		{"047318", "Lægerne Østergade", "Søren Ærø-Hansen", "s@o.dk", "koordinator"},
		{"047318", "Lægerne Østergade", "Åse Bødker", "a@o.dk", nil},
		{"047318", "Lægerne Østergade", "åse bødker", "b@o.dk", nil},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "roster.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	_, err := pack.ReadRosterFile(path, nil)
	wantProblem(t, problems(t, err), path+":4", "cell C4: åse bødker is listed twice in practice 047318 (also on row 3): remove one row")

	csvPath := filepath.Join(dir, "roster.csv")
	if err := os.WriteFile(csvPath, []byte("ydernummer,praksis,læge\n047318,Lægerne Østergade,Søren Ærø-Hansen\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := pack.ReadRosterFile(csvPath, nil)
	if err != nil || len(got) != 1 || got[0].Members[0].Role != "" {
		t.Errorf("CSV: %+v, %v", got, err)
	}
	for name, want := range map[string]string{
		"roster.xls":  "Excel 97–2003",
		"roster.ods":  "cannot read .ods files",
		"roster.pdf":  "klynge reads rosters from .csv, .txt and .xlsx files",
		"mangler.csv": "file not found",
	} {
		_, err := pack.ReadRosterFile(filepath.Join(dir, name), nil)
		wantProblem(t, problems(t, err), filepath.Join(dir, name), want)
	}
}

// TestRosterRefusesUnsafeText: every cell that breaks meeting's text rule is
// reported at its line and the character that breaks it, and nothing is
// read.
func TestRosterRefusesUnsafeText(t *testing.T) {
	long := strings.Repeat("x", 400)
	tests := []struct {
		name, row, place, msg string
	}{
		{"CSI colour in a doctor's name", "047318;Lægerne Østergade;Hans \x1b[31mRød;;", "r.csv:2:31", "læge has an escape code (ESC) at character 6"},
		{"OSC title in a practice", "047318;\x1b]0;pwned\a;Åse;;", "r.csv:2:8", "praksis has an escape code (ESC) at character 1"},
		{"bidi override", "047318;Lægerne \u202EØst;Åse;;", "r.csv:2:16", "praksis has an invisible direction mark (U+202E) at character 9"},
		{"tab", "047318;Lægerne;Åse\tBødker;;", "r.csv:2:19", "læge has a tab at character 4"},
		{"newline in a quoted name", "047318;Lægerne;\"Åse\nBødker\";;", "r.csv:2:", "læge has a line break at character 4"},
		{"400-character name", "047318;Lægerne;" + long + ";;", "r.csv:2", "læge is 400 characters long; a name may hold at most 200: shorten it"},
		{"bell in an e-mail", "047318;Lægerne;Åse;a\a@b.dk;", "r.csv:2:", "email has a control character (U+0007) at character 2"},
		{"NUL in a practice", "047318;Lægerne Øst\x00ergade;Åse;;", "r.csv:2:19", "praksis has a control character (U+0000) at character 12"},
		{"lone CR in a quoted name", "047318;Lægerne;\"Åse\rBødker\";;", "r.csv:2:", "læge has a line break at character 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "ydernummer;praksis;læge;email;rolle\n" + tt.row + "\n"
			got, err := pack.ReadRosterCSV(strings.NewReader(src), "r.csv", nil)
			if got != nil {
				t.Errorf("practices read despite the problem: %+v", got)
			}
			ps := problems(t, err)
			found := false
			for _, p := range ps {
				found = found || (strings.HasPrefix(p.String(), tt.place) && strings.Contains(p.String(), tt.msg))
			}
			if !found {
				t.Errorf("no problem %q at %s; got:\n%s", tt.msg, tt.place, ps.Error())
			}
			if strings.ContainsAny(ps.Error(), "\x1b\a\u202E") {
				t.Errorf("the message repeats the control character: %q", ps.Error())
			}
		})
	}
}

// TestRosterWithMacLineEnds: a file whose lines end in a carriage return
// alone (Excel for Mac's "CSV (Macintosh)") is read line by line, and a
// problem in it is placed on the line an editor shows.
func TestRosterWithMacLineEnds(t *testing.T) {
	tests := []struct {
		name, src string
		doctors   int
		place     string
		msg       string
	}{
		{"clean", "ydernummer;praksis;læge;email;rolle\r047318;Lægerne Østergade;Søren;;\r047318;Lægerne Østergade;Åse;;\r", 2, "", ""},
		{"mixed with CRLF", "ydernummer;praksis;læge;email;rolle\r\n047318;Lægerne Østergade;Søren;;\r047318;Lægerne Østergade;Åse;;\n", 2, "", ""},
		{"no last line end", "ydernummer;praksis;læge;email;rolle\r047318;Lægerne Østergade;Søren;;", 1, "", ""},
		{"escape code on line 3", "ydernummer;praksis;læge;email;rolle\r047318;Lægerne;Søren;;\r047318;Lægerne;Å\x1b[31mse;;\r", 0, "r.csv:3:17", "læge has an escape code (ESC) at character 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := pack.ReadRosterCSV(strings.NewReader(tt.src), "r.csv", nil)
			if tt.msg != "" {
				wantProblem(t, problems(t, err), tt.place, tt.msg)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, p := range got {
				n += len(p.Members)
			}
			if n != tt.doctors {
				t.Errorf("%d doctors read, want %d: %+v", n, tt.doctors, got)
			}
		})
	}
}

func TestDataRefusesUnsafePeriod(t *testing.T) {
	src := "ydernummer;indikator;tæller;nævner;periode\n" +
		"047318;kol-forloebsplan;10;20;2024\x1b[2J\n"
	_, err := pack.ReadData(strings.NewReader(src), "d.csv", testIndicators())
	wantProblem(t, problems(t, err), "d.csv:2:35", "periode has an escape code (ESC) at character 5")
}
