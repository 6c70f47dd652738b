package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The roster fixtures in testdata/roster are written by TestRosterFixtures
// with -write-fixtures, like the data fixtures:
//
//	go test ./cmd/klynge -run TestRosterFixtures -write-fixtures
const rosterFixtureDir = "testdata/roster"

// rosterUpdateRows are the demo roster as a coordinator updates it a year
// later, against the demo cluster (`klynge init --roster
// testdata/demo/roster.csv`):
//
//   - Mette Kjærgaard (047318) is left out: she is listed as not in the file;
//   - Anne Sørensen has a new e-mail: matched by practice and name;
//   - Åse Bødker is now Åse Bødker Holm: matched by e-mail;
//   - practice 150237 gets a third doctor, on a row without the practice's
//     name (the practice is known);
//   - practice 176543 and its doctor are new;
//   - every other row is as it was.
var rosterUpdateRows = [][]string{
	{"ydernummer", "praksis", "læge", "email", "rolle"},
	{"093561", "Læge Anne Sørensen", "Anne Sørensen", "anne@annesoerensen.example", "medlem"},
	{"047318", "Lægerne Østergade", "Søren Ærø-Hansen", "soeren.aeroe-hansen@oestergade.example", "koordinator"},
	{"047318", "Lægerne Østergade", "Åse Bødker Holm", "aase.boedker@oestergade.example", "medlem"},
	{"150237", "Lægerne Nørregade", "Lise Frølund", "lise.froelund@noerregade.example", ""},
	{"150237", "Lægerne Nørregade", "Ole Skærbæk", "ole.skaerbaek@noerregade.example", ""},
	{"150237", "", "Nanna Nyborg", "nanna.nyborg@noerregade.example", ""},
	{"119648", "Sundhedshuset Højby", "Camilla Brøndum", "camilla.broendum@hoejby.example", "medlem"},
	{"027475", "Lægerne Skovbrynet", "Jørgen Vestergård", "joergen.vestergaard@skovbrynet.example", "medlem"},
	{"027475", "Lægerne Skovbrynet", "Sofie Kræmer", "sofie.kraemer@skovbrynet.example", "medlem"},
	{"174063", "Læge Mads Åkjær", "Mads Åkjær", "mads.aakjaer@aakjaer.example", ""},
	{"112905", "Lægehuset ved Åen", "Jens Møller", "jens.moeller@vedaaen.example", "medlem"},
	{"112905", "Lægehuset ved Åen", "Birgitte Løvgren", "birgitte.loevgren@vedaaen.example", "medlem"},
	{"061442", "Strandvejens Lægehus", "Peter Østergaard", "peter.oestergaard@strandvejen.example", "medlem"},
	{"128774", "Lægerne i Bøgehøj", "Henrik Dahl Jørgensen", "henrik.joergensen@boegehoej.example", ""},
	{"128774", "Lægerne i Bøgehøj", "Karen Friis", "karen.friis@boegehoej.example", ""},
	{"038816", "Lægeklinikken Kildevang", "Rikke Thøgersen", "rikke.thoegersen@kildevang.example", "medlem"},
	{"163920", "Lægepraksis Engtoften", "Niels Ødum", "niels.oedum@engtoften.example", "medlem"},
	{"085290", "Lægerne på Torvet", "Hanne Bæk", "hanne.baek@torvet.example", "medlem"},
	{"085290", "Lægerne på Torvet", "Torben Lykke Nielsen", "torben.nielsen@torvet.example", "medlem"},
	{"056183", "Læge Inger Gråbøl", "Inger Gråbøl", "inger.graaboel@graaboel.example", ""},
	{"141317", "Lægerne Møllebakken", "Lars Halkjær", "lars.halkjaer@moellebakken.example", "medlem"},
	{"141317", "Lægerne Møllebakken", "Pia Dræby", "pia.draeby@moellebakken.example", "medlem"},
	{"176543", "Lægerne ved Havnen", "Karin Havgaard", "karin.havgaard@havnen.example", "medlem"},
}

// rosterText writes rows as Danish Excel saves CSV: BOM, ';', CRLF.
func rosterText(rows [][]string) []byte {
	var b strings.Builder
	b.WriteString("\uFEFF")
	for _, r := range rows {
		b.WriteString(strings.Join(r, ";") + "\r\n")
	}
	return []byte(b.String())
}

func rosterTextFixtures() map[string][]byte {
	return map[string][]byte{
		"opdatering.csv": rosterText(rosterUpdateRows),
		// One problem of every kind, each on its own line, against the
		// demo cluster.
		"fejl.csv": []byte("ydernummer;praksis;læge;email;rolle\n" +
			"047318;Lægerne Østergade;Søren Ærø-Hansen;soeren.aeroe-hansen@oestergade.example;koordinator\n" + // 2: fine
			"047318;Lægerne Østergade;søren ærø-hansen;soeren2@oestergade.example;\n" + // 3: the same doctor again
			";Lægerne Østergade;Åse Bødker;aase.boedker@oestergade.example;\n" + // 4: no ydernummer
			"199999;;Karin Havgaard;karin.havgaard@havnen.example;\n" + // 5: unknown practice without a name
			"112905;Lægehuset ved Åen;Jens Møller;SOEREN.aeroe-hansen@oestergade.example;\n" + // 6: e-mail of line 2
			"061442;Strandvejens Lægehus;;peter.oestergaard@strandvejen.example;\n" + // 7: no doctor
			"61442;Strandvejens Lægehus;Peter Østergaard;peter@strandvejen.example;\n"), // 8: ydernummer lost its zero
		"noter.pdf": []byte("%PDF-1.4\n"),
	}
}

func rosterWorkbookFixtures() map[string]func(*testing.T, *excelize.File) {
	return map[string]func(*testing.T, *excelize.File){
		// opdatering.csv as a workbook on a sheet named Medlemmer, after
		// a sheet of instructions.
		"opdatering.xlsx": func(t *testing.T, f *excelize.File) {
			must(t, f.SetSheetName("Sheet1", "Vejledning"))
			must(t, f.SetCellValue("Vejledning", "A1", "Udfyld arket Medlemmer"))
			_, err := f.NewSheet("Medlemmer")
			must(t, err)
			for i, r := range rosterUpdateRows {
				row := make([]any, len(r))
				for j, v := range r {
					row[j] = v
				}
				cell, err := excelize.CoordinatesToCellName(1, i+1)
				must(t, err)
				must(t, f.SetSheetRow("Medlemmer", cell, &row))
			}
		},
		// A ydernummer typed as a number, a repeated e-mail and a merged
		// practice cell.
		"fejl.xlsx": func(t *testing.T, f *excelize.File) {
			setRows(t, f, [][]any{
				{"ydernummer", "praksis", "læge", "email"},
				{"047318", "Lægerne Østergade", "Søren Ærø-Hansen", "soeren.aeroe-hansen@oestergade.example"},
				{47318, "Lægerne Østergade", "Åse Bødker", "aase.boedker@oestergade.example"},
				{"112905", "Lægehuset ved Åen", "Jens Møller", "soeren.aeroe-hansen@oestergade.example"},
				{"150237", "Lægerne Nørregade", "Lise Frølund", "lise.froelund@noerregade.example"},
				{"150237", nil, "Ole Skærbæk", "ole.skaerbaek@noerregade.example"},
			})
			must(t, f.MergeCell("Sheet1", "B5", "B6"))
		},
	}
}

// TestRosterFixtures checks testdata/roster against the definitions
// above, or rewrites it with -write-fixtures.
func TestRosterFixtures(t *testing.T) {
	want := rosterTextFixtures()
	for name, fill := range rosterWorkbookFixtures() {
		want[name] = buildWorkbook(t, fill)
	}
	if *writeFixtures {
		must(t, os.MkdirAll(rosterFixtureDir, 0o755))
		for name, b := range want {
			must(t, os.WriteFile(filepath.Join(rosterFixtureDir, name), b, 0o644))
		}
		return
	}
	for name, b := range want {
		got, err := os.ReadFile(filepath.Join(rosterFixtureDir, name))
		switch {
		case err != nil:
			t.Errorf("%v: run go test ./cmd/klynge -run TestRosterFixtures -write-fixtures", err)
		case filepath.Ext(name) == ".xlsx" && workbookText(t, got) != workbookText(t, b):
			t.Errorf("%s differs from its definition: run with -write-fixtures", name)
		case filepath.Ext(name) != ".xlsx" && !bytes.Equal(got, b):
			t.Errorf("%s differs from its definition: run with -write-fixtures", name)
		}
	}
}

// workbookText dumps every sheet of a workbook: values and merges.
func workbookText(t *testing.T, src []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(src))
	must(t, err)
	defer f.Close()
	var out strings.Builder
	for _, sheet := range f.GetSheetList() {
		out.WriteString("[" + sheet + "]\n")
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		must(t, err)
		for _, r := range rows {
			out.WriteString(strings.Join(r, "|") + "\n")
		}
		merges, err := f.GetMergeCells(sheet, true)
		must(t, err)
		for _, m := range merges {
			out.WriteString(m.GetStartAxis() + ":" + m.GetEndAxis() + "\n")
		}
	}
	return out.String()
}
