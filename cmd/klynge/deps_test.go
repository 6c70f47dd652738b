package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestHeavyDependenciesStayOut guards the start-up cost third_party/glamour
// removed: chroma's registries and bluemonday's regular expressions were
// built on every start (third_party/glamour/PATCH.md). Dropping the fork's
// replace line in go.mod brings them back and fails here.
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
		for _, heavy := range []string{"github.com/alecthomas/chroma", "github.com/microcosm-cc/bluemonday"} {
			if strings.HasPrefix(pkg, heavy) {
				t.Errorf("klynge links %s; third_party/glamour is meant to keep it out", pkg)
			}
		}
	}
}
