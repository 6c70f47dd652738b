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
