package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestConsoleInTerminal runs the projector and a console as two programs
// in two pseudo-terminals on one database: a key in either shows in the
// other (each looks every 250 ms; the bound here is waitFor's generous
// 10 s), the projector leaves the code key to the open console, a second
// projector is still refused, and once the console closes the projector
// offers the code key behind its warning again.
func TestConsoleInTerminal(t *testing.T) {
	bin := buildKlynge(t)
	db := filepath.Join(t.TempDir(), "demo.db")
	proj := startTerminal(t, bin, 120, 40, nil, "--db", db, "demo")
	proj.waitFor("Velkomst og afbud")
	con := startTerminal(t, bin, 80, 24, nil, "--db", db, "console")
	con.waitFor("KONSOL – ikke til projektor")

	con.sendUntil("s", "Mødet er startet") // s again changes nothing
	took := proj.waitFor("1/8 ")
	t.Logf("projector followed the console's start after %v", took)

	proj.send("n")
	took = con.waitFor("Nu: 2/8")
	t.Logf("console followed the projector's next item after %v", took)

	proj.send("C")
	proj.waitFor("Kodenøglen vises kun på konsollen")

	code, _, errOut := runKlynge(t, nil, "--db", db, "run")
	if code != 1 || !strings.Contains(errOut, "allerede åbent") {
		t.Errorf("second projector beside a console: code %d, stderr %q", code, errOut)
	}

	con.send("q")
	if code := con.wait(); code != 0 {
		t.Fatalf("console exit code %d", code)
	}
	proj.send("C")
	proj.waitFor("Kodenøgle – ikke til projektor")
	proj.send("n") // no: the code key stays hidden
	proj.send("q")
	proj.waitFor("Afslut klynge?")
	proj.send("j")
	if code := proj.wait(); code != 0 {
		t.Fatalf("projector exit code %d", code)
	}
}

// TestConsoleBadInput: the console's own errors are one line, exit 1.
func TestConsoleBadInput(t *testing.T) {
	tmp := t.TempDir()
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"not a number", []string{"--db", filepath.Join(tmp, "a.db"), "console", "abc"}, "abc"},
		{"unknown meeting", []string{"--db", filepath.Join(tmp, "b.db"), "console", "42"}, "42"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runKlynge(t, nil, tt.args...)
			if code != 1 || !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("code %d, stderr %q; want exit 1 and one line naming %q", code, errOut, tt.want)
			}
		})
	}
}
