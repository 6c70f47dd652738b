package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestHeavyDependenciesStayOut guards the start-up cost the forks in
// third_party removed: chroma's registries and bluemonday's regular
// expressions were built on every start (glamour/PATCH.md), and net/http
// with crypto/tls added 2 MB of binary paged in at every start
// (excelize/PATCH.md). Dropping a fork's replace line in go.mod brings them
// back and fails here.
func TestHeavyDependenciesStayOut(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to list klynge's packages: %v", err)
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, heavy := range []string{"github.com/alecthomas/chroma", "github.com/microcosm-cc/bluemonday", "net/http", "crypto/tls"} {
			if strings.HasPrefix(pkg, heavy) {
				t.Errorf("klynge links %s; the forks in third_party are meant to keep it out", pkg)
			}
		}
	}
}
