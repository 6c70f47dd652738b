package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	_ "github.com/mattn/go-sqlite3"
)

// noControls fails on any ESC or control character other than newline,
// tab and CR in a command's output.
func noControls(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if r != '\n' && r != '\t' && r != '\r' && (unicode.IsControl(r) || r == '\u202E') {
			t.Errorf("%s prints %U:\n%q", what, r, out)
			return
		}
	}
}

// TestCLIPrintsStoredTextInert: names an older version stored with escape
// codes, tabs, newlines and direction overrides are printed inert by every
// listing, and each row stays one row.
func TestCLIPrintsStoredTextInert(t *testing.T) {
	env := demoMeeting(t)
	db, err := sql.Open("sqlite3", env["KLYNGE_DB"])
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE practices SET name = 'Zq ' || char(27) || '[31mRød' || char(9) || 'x' || char(10) || 'y' || char(8238)`,
		`UPDATE members SET name = name || char(27) || ']0;pwned' || char(7) || char(10) || 'z'`,
		`UPDATE meetings SET title = 'Møde' || char(27) || '[2J' || char(13) || char(10) || 'x'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	runs := [][]string{
		{"roster", "list"},
		{"meeting", "list"},
		{"meeting", "codes", "--show"},
		{"attendance", "afbud", "Søren"},
		{"attendance", "guest"},
		{"pledge", "list"},
		{"attendance", "report"},
	}
	for _, args := range runs {
		code, out, errOut := runKlynge(t, env, args...)
		what := strings.Join(args, " ")
		if code != 0 && !strings.Contains(what, "afbud") {
			t.Errorf("%s: exit %d: %s", what, code, errOut)
		}
		noControls(t, what, out)
		noControls(t, what+" (stderr)", errOut)
		if strings.Contains(what, "list") || strings.Contains(what, "codes") {
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "y") || strings.HasPrefix(strings.TrimSpace(line), "z") || strings.TrimSpace(line) == "x" {
					t.Errorf("%s: a newline in stored text split a row: %q", what, line)
				}
			}
		}
	}
	_, out, _ := runKlynge(t, env, "meeting", "codes", "--show")
	if !strings.Contains(out, "Zq ␛[31mRød x y") {
		t.Errorf("the code key should show the name inert on one line:\n%s", out)
	}
}

// TestImportRefusesUnsafeText: a roster or data file with an escape code,
// a control character or an over-long cell fails with file:line:col,
// exit 1, and writes nothing.
func TestImportRefusesUnsafeText(t *testing.T) {
	env := demoMeeting(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	_, before, _ := runKlynge(t, env, "roster", "list")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"roster", "import", write("esc.csv", "ydernummer;praksis;læge;email;rolle\n047318;Lægerne Østergade;Hans \x1b[31mRød;;\n")},
			"esc.csv:2:31: læge har en escape-kode (ESC) ved tegn 6"},
		{[]string{"roster", "import", write("bell.csv", "ydernummer;praksis;læge;email;rolle\n047318;Lægerne\a Østergade;Hans;;\n")},
			"bell.csv:2:15: praksis har et kontroltegn (U+0007) ved tegn 8"},
		{[]string{"roster", "import", write("long.csv", "ydernummer;praksis;læge;email;rolle\n047318;Lægerne Østergade;"+strings.Repeat("x", 400)+";;\n")},
			"long.csv:2:26: læge er 400 tegn lang; et navn må højst have 200 tegn"},
		{[]string{"data", "import", write("data.csv", "ydernummer;indikator;tæller;nævner;periode\n047318;kol-forloebsplan;10;20;2024\x1b[31m\n")},
			"data.csv:2:35: periode har en escape-kode (ESC) ved tegn 5"},
	}
	for _, tt := range tests {
		code, out, errOut := runKlynge(t, env, tt.args...)
		if code != 1 || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "intet er importeret") {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 with %q", tt.args, code, errOut, tt.want)
		}
		noControls(t, strings.Join(tt.args, " "), out+errOut)
	}
	if _, after, _ := runKlynge(t, env, "roster", "list"); after != before {
		t.Errorf("a refused import changed the roster:\n%s\n%s", before, after)
	}
	// Flags obey the same rule.
	for _, args := range [][]string{
		{"roster", "add", "--ydernummer", "047318", "--name", "Ny \x1b[2J"},
		{"attendance", "guest", "--name", "Gæst\tEn"},
		{"meeting", "new", "--pack", demoPackDir, "--title", "Møde\x1b]0;x\a"},
	} {
		code, _, errOut := runKlynge(t, env, args...)
		if code != 1 || !strings.Contains(errOut, "--") {
			t.Errorf("%q: exit %d, stderr %q; want the flag refused", args, code, errOut)
		}
		noControls(t, strings.Join(args, " "), errOut)
	}
}

// TestPackCheckWarnsAboutWeakSuppression: a pack may lower min_denominator,
// but pack check says what that gives away.
func TestPackCheckWarnsAboutWeakSuppression(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"pack.toml", "slides.md", "data.csv"} {
		b, err := os.ReadFile(filepath.Join(demoPackDir, f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "pack.toml" {
			b = []byte(strings.Replace(string(b), "min_denominator = 5", "min_denominator = 3", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runKlynge(t, nil, "--lang", "en", "pack", "check", dir)
	if code != 0 || !strings.Contains(out, `pack.toml: warning: indicator "kol-forloebsplan" has min_denominator 3, below 5`) || !strings.Contains(out, ": ok") {
		t.Errorf("exit %d\n%s\n%s", code, out, errOut)
	}
	if _, out, _ := runKlynge(t, nil, "--lang", "en", "pack", "check", demoPackDir); strings.Contains(out, "warning") {
		t.Errorf("the demo pack needs no warning:\n%s", out)
	}
}
