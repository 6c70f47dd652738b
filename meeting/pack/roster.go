package pack

import (
	"fmt"
	"io"
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
func ReadRoster(r io.Reader, label string) ([]meeting.Practice, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, Problems{{File: label, Message: fmt.Sprintf("cannot read the roster: %v", err)}}
	}
	probs := problemList{file: label}
	practices := parseRoster(newText(src), &probs)
	if err := probs.list.err(); err != nil {
		return nil, err
	}
	return practices, nil
}

func parseRoster(t *text, probs *problemList) []meeting.Practice {
	cols := rosterColumns()
	table, ok := readCSV(t, probs, cols, rosterHeader)
	if !ok || !table.requireColumns(probs, cols, rosterHeader, "ydernummer", "praksis", "læge") {
		return nil
	}
	sep := string(separator(t.src))
	var practices []meeting.Practice
	index := map[string]int{}      // ydernummer -> practice
	nameLine := map[string]int{}   // ydernummer -> line its name was first given on
	doctorLine := map[string]int{} // ydernummer + name -> line
	emailLine := map[string]int{}  // e-mail -> line
	for _, row := range table.rows {
		if !table.checkWidth(probs, row, sep) {
			continue // every value after the stray separator is shifted
		}
		yd, ydAt := table.field(row, "ydernummer")
		practice, practiceAt := table.field(row, "praksis")
		doctor, doctorAt := table.field(row, "læge")
		email, emailAt := table.field(row, "email")
		role, roleAt := table.field(row, "rolle")

		if !checkYdernummer(probs, yd, ydAt, table.name("ydernummer")) {
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
			probs.add(practiceAt, "practice %s is called %q here but %q on line %d: use one name for the practice", yd, practice, p.Name, nameLine[yd])
		}

		m := meeting.Member{Ydernummer: yd, Name: doctor, Email: email, Role: meeting.RoleMember}
		switch strings.ToLower(role) {
		case "koordinator", "coordinator", "klyngekoordinator":
			m.Role = meeting.RoleCoordinator
		case "", "medlem", "member":
		default:
			probs.add(roleAt, "unknown role %q: write koordinator for the coordinator, medlem or nothing for the others", role)
		}
		if email != "" {
			key := strings.ToLower(email)
			if !looksLikeEmail(email) {
				probs.add(emailAt, "%q does not look like an e-mail address: write it as name@example.dk or leave it empty", email)
			} else if first, dup := emailLine[key]; dup {
				probs.add(emailAt, "e-mail %s is already used on line %d: each doctor needs their own address", email, first)
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
			probs.add(doctorAt, "%s is listed twice in practice %s (also on line %d): remove one row", doctor, yd, first)
			continue
		}
		doctorLine[key] = row.line
		p.Members = append(p.Members, m)
	}
	for _, p := range practices {
		if p.Name == "" {
			probs.add(pos{Line: firstLineOf(table, p.Ydernummer)}, "practice %s has no name: fill in the %s column", p.Ydernummer, table.name("praksis"))
		}
	}
	if len(practices) == 0 && len(probs.list) == 0 {
		probs.add(pos{}, "the roster has no doctors: add one row per doctor under the header %s", rosterHeader)
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

// looksLikeEmail catches the usual slips (a name in the e-mail column, a
// missing @) without pretending to validate addresses.
func looksLikeEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") &&
		!strings.ContainsAny(s, " ;<>") && !strings.Contains(domain, "@")
}
