package pack

import (
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
		return nil, problem(label, "problem.ReadRoster", err)
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
		return nil, problem(path, "problem.XLS")
	case ".ods", ".numbers":
		return nil, problem(path, "problem.OtherSheetFormat", ext)
	default:
		return nil, problem(path, "problem.RosterExt")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openProblem(path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, problem(path, "problem.RosterFolder")
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
		return nil, problem(label, "problem.ReadRoster", err)
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
		return nil, problem(label, "problem.ReadWorkbook", err)
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
	header: phrase("problem.SheetHeader", "ydernummer, praksis, læge, email, rolle"),
	rows:   meeting.Word("problem.RowsPerDoctor"),
}

func parseRosterXLSX(src []byte, probs *problemList, chk rosterCheck) []meeting.Practice {
	wb, ok := openWorkbook(src, probs)
	if !ok {
		return nil
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	if len(sheets) == 0 {
		probs.add(pos{}, "problem.RosterNoSheets")
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
func checkRoster(table *csvTable, probs *problemList, chk rosterCheck, example any, sep string) []meeting.Practice {
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
			probs.add(practiceAt, "problem.PracticeTwoNames", yd, practice, p.Name, table.rowName(nameLine[yd]))
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
			probs.add(roleAt, "problem.UnknownRole", role)
		}
		if email != "" {
			key := strings.ToLower(email)
			if !LooksLikeEmail(email) {
				probs.add(emailAt, "problem.BadEmail", email)
			} else if first, dup := emailLine[key]; dup {
				probs.add(emailAt, "problem.EmailTwice", email, table.rowName(first))
			} else {
				emailLine[key] = row.line
			}
		}
		if doctor == "" {
			probs.add(doctorAt, "problem.DoctorEmpty", table.name("læge"))
			continue
		}
		key := yd + "\x00" + strings.ToLower(doctor)
		if first, dup := doctorLine[key]; dup {
			probs.add(doctorAt, "problem.DoctorTwice", doctor, yd, table.rowName(first))
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
			probs.add(pos{Line: firstLineOf(table, p.Ydernummer)}, "problem.NewPracticeNoName", p.Ydernummer, table.name("praksis"))
		default:
			probs.add(pos{Line: firstLineOf(table, p.Ydernummer)}, "problem.PracticeNoName", p.Ydernummer, table.name("praksis"))
		}
	}
	if len(practices) == 0 && len(probs.list) == 0 {
		probs.add(pos{}, "problem.NoDoctors", example)
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
