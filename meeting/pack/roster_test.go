package pack_test

import (
	"strings"
	"testing"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

func TestReadDemoRoster(t *testing.T) {
	f, err := klynge.DemoFS().Open(klynge.DemoRoster)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	practices, err := pack.ReadRoster(f, "roster.csv")
	if err != nil {
		t.Fatalf("the demo roster must be valid:\n%v", err)
	}
	c := meeting.Cluster{Practices: practices}
	if len(practices) != 14 || c.DoctorCount() != 22 {
		t.Fatalf("%d practices, %d doctors; want 14 and 22", len(practices), c.DoctorCount())
	}
	// File order, not name or number order.
	if first := practices[0]; first.Ydernummer != "093561" || first.Name != "Læge Anne Sørensen" {
		t.Errorf("first practice %s %q", first.Ydernummer, first.Name)
	}
	oester := practices[1]
	if oester.Ydernummer != "047318" || oester.Name != "Lægerne Østergade" || len(oester.Members) != 3 {
		t.Fatalf("Østergade: %+v", oester)
	}
	soeren := oester.Members[0]
	if soeren.Name != "Søren Ærø-Hansen" || soeren.Role != meeting.RoleCoordinator || soeren.Ydernummer != "047318" ||
		soeren.Email != "soeren.aeroe-hansen@oestergade.example" {
		t.Errorf("coordinator: %+v", soeren)
	}
	// Mette is the file's last row but joins her practice.
	if oester.Members[1].Name != "Åse Bødker" || oester.Members[2].Name != "Mette Kjærgaard" {
		t.Errorf("Østergade members %q, %q", oester.Members[1].Name, oester.Members[2].Name)
	}
	coordinators := 0
	for _, p := range practices {
		for _, m := range p.Members {
			if m.Role == meeting.RoleCoordinator {
				coordinators++
			} else if m.Role != meeting.RoleMember {
				t.Errorf("%s has role %q", m.Name, m.Role)
			}
		}
	}
	if coordinators != 1 {
		t.Errorf("%d coordinators, want 1", coordinators)
	}
}

func TestReadRosterFormats(t *testing.T) {
	tests := []struct {
		name string
		src  string
	}{
		{"semicolons", "ydernummer;praksis;læge;email;rolle\n047318;Lægerne Østergade;Søren Ærø-Hansen;s@o.dk;Koordinator\n"},
		{"BOM, commas, English, CRLF", "\uFEFFProvider number,Practice,Doctor,E-mail,Role\r\n047318,Lægerne Østergade,Søren Ærø-Hansen,s@o.dk,coordinator\r\n"},
		{"quotes, extra column, blank lines", "ydernummer;telefon;praksis;læge\n\n\"047318\";12345678;\"Lægerne Østergade\";\"Søren Ærø-Hansen\"\n;;;\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := pack.ReadRoster(strings.NewReader(tt.src), "r.csv")
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].Ydernummer != "047318" || got[0].Name != "Lægerne Østergade" ||
				len(got[0].Members) != 1 || got[0].Members[0].Name != "Søren Ærø-Hansen" {
				t.Fatalf("got %+v", got)
			}
			if tt.name != "quotes, extra column, blank lines" && got[0].Members[0].Role != meeting.RoleCoordinator {
				t.Errorf("role %q", got[0].Members[0].Role)
			}
		})
	}
}

func TestReadRosterProblems(t *testing.T) {
	const header = "ydernummer;praksis;læge;email;rolle\n"
	tests := []struct {
		name  string
		src   string
		place string
		msg   string
	}{
		{"empty file", "", "r.csv", "the file is empty: the first line must be the header ydernummer;praksis;læge;email;rolle"},
		{"header only", header, "r.csv", "the roster has no doctors"},
		{"missing column", "ydernummer;praksis;email\n047318;A;a@b.dk\n", "r.csv:1", `missing column "læge" (or "doctor")`},
		{"column twice", "ydernummer;praksis;læge;doctor\n047318;A;B;C\n", "r.csv:1:25", `column "doctor" appears twice (also column 3): keep one`},
		{"empty ydernummer", header + ";Lægerne Østergade;Søren;s@o.dk;\n", "r.csv:2:1", "ydernummer is empty"},
		{"short ydernummer", header + "4731;Lægerne Østergade;Søren;s@o.dk;\n", "r.csv:2:1", `ydernummer "4731" has 4 digits, not 6: if a spreadsheet dropped the leading zeros, write 004731`},
		{"letters in ydernummer", header + "04731X;Lægerne Østergade;Søren;s@o.dk;\n", "r.csv:2:1", `ydernummer "04731X" must be 6 digits`},
		{"empty doctor", header + "047318;Lægerne Østergade; ;s@o.dk;\n", "r.csv:2:26", "the doctor's name is empty: fill in the læge column"},
		{"same doctor twice", header + "047318;Lægerne Østergade;Søren;s@o.dk;\n047318;Lægerne Østergade;søren;t@o.dk;\n", "r.csv:3:26",
			"søren is listed twice in practice 047318 (also on line 2): remove one row"},
		{"same e-mail twice", header + "047318;Lægerne Østergade;Søren;s@o.dk;\n112905;Ved Åen;Jens;S@o.dk;\n", "r.csv:3:21",
			"e-mail S@o.dk is already used on line 2: each doctor needs their own address"},
		{"bad e-mail", header + "047318;Lægerne Østergade;Søren;Søren Ærø;\n", "r.csv:2:32", `"Søren Ærø" does not look like an e-mail address`},
		{"two practice names", header + "047318;Lægerne Østergade;Søren;s@o.dk;\n047318;Lægehuset Østergade;Åse;a@o.dk;\n", "r.csv:3:8",
			`practice 047318 is called "Lægehuset Østergade" here but "Lægerne Østergade" on line 2: use one name for the practice`},
		{"practice without a name", header + "047318;;Søren;s@o.dk;\n", "r.csv:2", "practice 047318 has no name: fill in the praksis column"},
		{"unknown role", header + "047318;Lægerne Østergade;Søren;s@o.dk;boss\n", "r.csv:2:39", `unknown role "boss": write koordinator for the coordinator, medlem or nothing for the others`},
		{"separator inside a value", header + "047318;Lægerne Østergade;Søren; Ærø;s@o.dk;medlem\n", "r.csv:2:44", "this row has 6 fields but the header has 5: put quotes around a value that contains \";\""},
		{"bare quote", header + "047318;Lægerne \"Øst\";Søren;s@o.dk;\n", "r.csv:2:16", `a " inside a value: put the whole value in quotes and double the " inside it`},
		{"not UTF-8", header + "047318;L\xe6gerne;S\xf8ren;s@o.dk;\n", "r.csv:2:9", `not UTF-8 text (byte 0xe6, probably "æ" saved as Windows-1252): save the file as UTF-8 (in Excel: "Save as", type "CSV UTF-8")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pack.ReadRoster(strings.NewReader(tt.src), "r.csv")
			ps := problems(t, err)
			wantProblem(t, ps, tt.place, tt.msg)
			if len(ps) != 1 {
				t.Errorf("want 1 problem, got:\n%v", ps)
			}
		})
	}
}

func TestReadRosterReportsEveryProblem(t *testing.T) {
	src := "ydernummer;praksis;læge;email;rolle\n" +
		"4731;A;Søren;s@o.dk;\n" +
		"112905;B;;j@o.dk;\n" +
		"112905;B;Jens;j@o.dk;chef\n"
	_, err := pack.ReadRoster(strings.NewReader(src), "r.csv")
	ps := problems(t, err)
	want := []string{"r.csv:2:1: ", "r.csv:3:10: ", "r.csv:4:15: ", "r.csv:4:22: "}
	if len(ps) != len(want) {
		t.Fatalf("want %d problems, got:\n%v", len(want), ps)
	}
	for i, p := range ps {
		if !strings.HasPrefix(p.String(), want[i]) {
			t.Errorf("problem %d: %q, want it at %s", i+1, p.String(), want[i])
		}
	}
}
