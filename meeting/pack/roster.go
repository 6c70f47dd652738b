package pack

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/klynge/klynge/meeting"
)

// rosterColumns are the roster's columns: the Danish name first, then the
// English one, then other names spreadsheets use.
func rosterColumns() []column {
	return []column{
		{"ydernummer", []string{"ydernummer", "provider number", "ydernr"}},
		{"praksis", []string{"praksis", "practice", "klinik", "clinic"}},
		{"læge", []string{"læge", "doctor", "laege", "name", "navn"}},
		{"email", []string{"email", "e-mail", "mail"}},
		{"rolle", []string{"rolle", "role"}},
	}
}

const rosterHeader = "ydernummer;praksis;læge;email;rolle"

// ReadRoster reads a cluster's roster: one row per doctor with the
// practice's ydernummer and name, the doctor's name, e-mail and role
// ("koordinator"/"coordinator", else a member). Separators may be ';' or
// ',', the file UTF-8 with or without a byte-order mark, the header Danish
// or English; columns it does not know are ignored, and email and rolle may
// be left out. Practices come in the order the file first names them, each
// with its doctors in file order. label names the file in problems, which
// are returned together as Problems: "file:line:col: message", col being
// the character column where the field starts.
func ReadRoster(r io.Reader, label string, opts ...ReadOption) ([]meeting.Practice, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, Problems{{File: label, Message: fmt.Sprintf("cannot read the roster: %v", err)}}
	}
	if p := tooLarge(src, label); p != nil {
		return nil, p
	}
	probs := problemList{file: label}
	practices := parseRoster(newText(src), &probs, rosterCheck{})
	if err := probs.result(); err != nil {
		return nil, err
	}
	applyOptions(opts, &probs)
	return practices, nil
}

// ReadRosterFile reads a roster for import into an existing cluster whose
// practices have the ydernumre known, choosing the reader by the file's
// extension: .csv or .txt as ReadRosterCSV, .xlsx as ReadRosterXLSX; any
// other extension is a problem saying which to use. Problems name the file
// as path is given.
func ReadRosterFile(path string, known []string, opts ...ReadOption) ([]meeting.Practice, error) {
	read := ReadRosterCSV
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv", ".txt":
	case ".xlsx", ".xlsm":
		read = ReadRosterXLSX
	case ".xls":
		return nil, Problems{{File: path, Message: `an Excel 97–2003 workbook (.xls), which klynge cannot read: in Excel choose "Save as", type "Excel Workbook (.xlsx)" or "CSV UTF-8"`}}
	case ".ods", ".numbers":
		return nil, Problems{{File: path, Message: fmt.Sprintf(`klynge cannot read %s files: save the sheet as "Excel Workbook (.xlsx)" or as CSV (UTF-8)`, ext)}}
	default:
		return nil, Problems{{File: path, Message: "klynge reads rosters from .csv, .txt and .xlsx files: save the roster as CSV (UTF-8) or as an Excel Workbook (.xlsx), or rename the file if it is one"}}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, Problems{{File: path, Message: openMessage(err)}}
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, Problems{{File: path, Message: "this is a folder: give the roster file inside it"}}
	}
	return read(f, path, known, opts...)
}

// ReadRosterCSV reads a roster as ReadRoster does, for import into an
// existing cluster: a row of a practice in known (the cluster's
// ydernumre) may leave the practice's name empty, which keeps the stored
// name, while a practice not in known needs one; and a row without a role
// has Role "", which keeps a stored member's role (a new member becomes a
// member).
func ReadRosterCSV(r io.Reader, label string, known []string, opts ...ReadOption) ([]meeting.Practice, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, Problems{{File: label, Message: fmt.Sprintf("cannot read the roster: %v", err)}}
	}
	if p := tooLarge(src, label); p != nil {
		return nil, p
	}
	probs := problemList{file: label}
	practices := parseRoster(newText(src), &probs, importCheck(known))
	if err := probs.result(); err != nil {
		return nil, err
	}
	applyOptions(opts, &probs)
	return practices, nil
}

// ReadRosterXLSX reads a roster saved as an Excel workbook, with the checks
// of ReadRosterCSV: the sheet named "roster" or "medlemmer" (in any case),
// else the first sheet, the header in row 1. Merged cells and formulas in
// the roster's columns are refused. Problems name the sheet row as the
// line and the cell ("cell C7: …") in the message.
func ReadRosterXLSX(r io.Reader, label string, known []string, opts ...ReadOption) ([]meeting.Practice, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, Problems{{File: label, Message: fmt.Sprintf("cannot read the workbook: %v", err)}}
	}
	if p := tooLarge(src, label); p != nil {
		return nil, p
	}
	probs := problemList{file: label}
	practices := parseRosterXLSX(src, &probs, importCheck(known))
	if err := probs.result(); err != nil {
		return nil, err
	}
	applyOptions(opts, &probs)
	return practices, nil
}

// rosterSheet is a roster workbook's sheet.
var rosterSheet = sheetKind{
	cols:   rosterColumns,
	header: "ydernummer, praksis, læge, email, rolle, one name per cell in row 1",
	rows:   "one row per doctor",
}

func parseRosterXLSX(src []byte, probs *problemList, chk rosterCheck) []meeting.Practice {
	wb, ok := openWorkbook(src, probs)
	if !ok {
		return nil
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	if len(sheets) == 0 {
		probs.add(pos{}, "the workbook has no sheets: put the roster in the first sheet, the header in row 1")
		return nil
	}
	sheet := pickSheet(sheets, "roster", "medlemmer")
	if len(sheets) > 1 {
		probs.sheet = sheet
	}
	table, ok := readSheet(wb, sheet, probs, rosterSheet)
	if !ok {
		return nil
	}
	return checkRoster(table, probs, chk, rosterSheet.header, "")
}

// rosterCheck is what a roster's rows are checked against.
type rosterCheck struct {
	// importing reads a roster for an existing cluster: an empty role
	// stays "" and the practices in known may be left without a name.
	importing bool
	known     map[string]bool
}

func importCheck(known []string) rosterCheck {
	chk := rosterCheck{importing: true, known: make(map[string]bool, len(known))}
	for _, yd := range known {
		chk.known[yd] = true
	}
	return chk
}

func parseRoster(t *text, probs *problemList, chk rosterCheck) []meeting.Practice {
	table, ok := readCSV(t, probs, rosterColumns(), rosterHeader)
	if !ok {
		return nil
	}
	return checkRoster(table, probs, chk, rosterHeader, string(separator(t.src)))
}

// checkRoster turns a roster table's rows into practices, reporting every
// problem. example is the header to suggest; sep is the CSV separator, or
// "" for a workbook, where values cannot spill into the next column.
func checkRoster(table *csvTable, probs *problemList, chk rosterCheck, example, sep string) []meeting.Practice {
	cols := rosterColumns()
	if !table.requireColumns(probs, cols, example, "ydernummer", "praksis", "læge") {
		return nil
	}
	var practices []meeting.Practice
	index := map[string]int{}      // ydernummer -> practice
	nameLine := map[string]int{}   // ydernummer -> line its name was first given on
	doctorLine := map[string]int{} // ydernummer + name -> line
	emailLine := map[string]int{}  // e-mail -> line
	for _, row := range table.rows {
		if row.skip {
			continue
		}
		if sep != "" && !table.checkWidth(probs, row, sep) {
			continue // every value after the stray separator is shifted
		}
		yd, ydAt := table.field(row, "ydernummer")
		practice, practiceAt, ok1 := table.textField(probs, row, "praksis", meeting.TextPracticeName)
		doctor, doctorAt, ok2 := table.textField(probs, row, "læge", meeting.TextName)
		email, emailAt, ok3 := table.textField(probs, row, "email", meeting.TextLine)
		role, roleAt, ok4 := table.textField(probs, row, "rolle", meeting.TextLine)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			continue // reported; the row's other checks would only add noise
		}

		yd, ok := checkYdernummer(probs, yd, ydAt, table.name("ydernummer"))
		if !ok {
			continue
		}
		i, seen := index[yd]
		if !seen {
			i = len(practices)
			index[yd] = i
			practices = append(practices, meeting.Practice{Ydernummer: yd})
		}
		p := &practices[i]
		switch {
		case practice == "":
		case p.Name == "":
			p.Name, nameLine[yd] = practice, row.line
		case !strings.EqualFold(p.Name, practice):
			probs.add(practiceAt, "practice %s is called %q here but %q on %s: use one name for the practice", yd, practice, p.Name, table.rowName(nameLine[yd]))
		}

		m := meeting.Member{Ydernummer: yd, Name: doctor, Email: email, Role: meeting.RoleMember}
		if chk.importing {
			m.Role = ""
		}
		switch strings.ToLower(role) {
		case "koordinator", "coordinator", "klyngekoordinator":
			m.Role = meeting.RoleCoordinator
		case "medlem", "member":
			m.Role = meeting.RoleMember
		case "":
		default:
			probs.add(roleAt, "unknown role %q: write koordinator for the coordinator, medlem or nothing for the others", role)
		}
		if email != "" {
			key := strings.ToLower(email)
			if !LooksLikeEmail(email) {
				probs.add(emailAt, "%q does not look like an e-mail address: write it as name@example.dk or leave it empty", email)
			} else if first, dup := emailLine[key]; dup {
				probs.add(emailAt, "e-mail %s is already used on %s: each doctor needs their own address", email, table.rowName(first))
			} else {
				emailLine[key] = row.line
			}
		}
		if doctor == "" {
			probs.add(doctorAt, "the doctor's name is empty: fill in the %s column", table.name("læge"))
			continue
		}
		key := yd + "\x00" + strings.ToLower(doctor)
		if first, dup := doctorLine[key]; dup {
			probs.add(doctorAt, "%s is listed twice in practice %s (also on %s): remove one row", doctor, yd, table.rowName(first))
			continue
		}
		doctorLine[key] = row.line
		p.Members = append(p.Members, m)
	}
	for _, p := range practices {
		switch {
		case p.Name != "":
		case chk.known[p.Ydernummer]:
			// The stored name stays.
		case chk.importing:
			probs.add(pos{Line: firstLineOf(table, p.Ydernummer)}, "practice %s is not in the cluster and has no name: fill in the %s column to add it, or check the ydernummer", p.Ydernummer, table.name("praksis"))
		default:
			probs.add(pos{Line: firstLineOf(table, p.Ydernummer)}, "practice %s has no name: fill in the %s column", p.Ydernummer, table.name("praksis"))
		}
	}
	if len(practices) == 0 && len(probs.list) == 0 {
		probs.add(pos{}, "the roster has no doctors: add one row per doctor under the header %s", example)
	}
	return practices
}

// firstLineOf is the first row naming the practice, where a name belongs.
func firstLineOf(t *csvTable, yd string) int {
	for _, r := range t.rows {
		if v, _ := t.field(r, "ydernummer"); v == yd {
			return r.line
		}
	}
	return 0
}

// LooksLikeEmail catches the usual slips (a name in the e-mail column, a
// missing @) without pretending to validate addresses.
func LooksLikeEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") &&
		!strings.ContainsAny(s, " ;<>") && !strings.Contains(domain, "@")
}
