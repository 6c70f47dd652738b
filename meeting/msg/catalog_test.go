package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// verbs lists a format's fmt verbs, sorted, %q counted as %s (Danish quotes
// with »%s«, English with %q). Plural forms are left out: English needs
// more of them than Danish ("1 apology", "1 afbud").
var verbRe = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

func verbs(s string) []string {
	var out []string
	s = pluralForm().ReplaceAllString(s, "")
	for _, v := range verbRe.FindAllString(s, -1) {
		out = append(out, strings.Replace(v, "q", "s", 1))
	}
	slices.Sort(out)
	return out
}

// TestEveryMessageInBothLanguages fails when a message lacks a language or
// the two languages take different arguments.
func TestEveryMessageInBothLanguages(t *testing.T) {
	for _, e := range Entries() {
		if strings.TrimSpace(e.DA) == "" || strings.TrimSpace(e.EN) == "" {
			t.Errorf("%s: missing in %s", e.Key, map[bool]string{true: "Danish", false: "English"}[strings.TrimSpace(e.DA) == ""])
			continue
		}
		if d, n := verbs(e.DA), verbs(e.EN); !slices.Equal(d, n) {
			t.Errorf("%s: Danish takes %v, English %v", e.Key, d, n)
		}
	}
}

// sourceUse is what the code outside this package says about keys: the
// string literals that look like keys, and the Text fields the TUI reads.
type sourceUse struct {
	literals map[string]string // key → file:line
	selected map[string]bool   // selector names used in tui (x.Name)
}

var keyLiteral = regexp.MustCompile(`^((tui|err|cli|problem|export|store|period)\.[A-Z][A-Za-z0-9_.]*|(kind|status|timer|outcome|date|itemstatus|word)\.[a-z_]*)$`)

func readSource(t *testing.T) sourceUse {
	t.Helper()
	u := sourceUse{literals: map[string]string{}, selected: map[string]bool{}}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		if filepath.Dir(path) == filepath.Join(root, "meeting", "msg") { // the catalogue itself
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		inTUI := filepath.Base(filepath.Dir(path)) == "tui"
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					if s, err := strconv.Unquote(n.Value); err == nil && keyLiteral.MatchString(s) {
						u.literals[s] = fset.Position(n.Pos()).String()
					}
				}
			case *ast.SelectorExpr:
				if inTUI && filepath.Base(path) != "text.go" {
					u.selected[n.Sel.Name] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestEveryMessageUsedAndKnown fails when the code asks for a key the
// catalogue lacks, or the catalogue holds a key nothing uses. A key is used
// when its literal appears in the code, when it is "tui.Name" and the TUI
// reads the field Name, or when it starts with a prefix the code words
// dynamically ("kind." + string(k)).
func TestEveryMessageUsedAndKnown(t *testing.T) {
	u := readSource(t)
	for k, at := range u.literals {
		if strings.HasSuffix(k, ".") {
			continue // a prefix, worded dynamically
		}
		if !Has(k) {
			t.Errorf("%s: %q is not in the catalogue", at, k)
		}
	}
	for _, e := range Entries() {
		if _, ok := u.literals[e.Key]; ok {
			continue
		}
		if name, ok := strings.CutPrefix(e.Key, "tui."); ok && u.selected[name] {
			continue
		}
		if i := strings.Index(e.Key, "."); i > 0 {
			if _, ok := u.literals[e.Key[:i+1]]; ok {
				continue
			}
		}
		t.Errorf("%s is in the catalogue but nothing uses it", e.Key)
	}
}

// TestCheckerCanFail plants a broken entry and an unused key and checks
// that the tests above would see them.
func TestCheckerCanFail(t *testing.T) {
	if d, n := verbs("%d læger og %s"), verbs("%d doctors"); slices.Equal(d, n) {
		t.Error("a lost argument was not seen")
	}
	if d, n := verbs("»%s« har %d min"), verbs("%q now has %d min"); !slices.Equal(d, n) {
		t.Errorf("»%%s« and %%q should match: %v %v", d, n)
	}
	if u := readSource(t); u.literals["tui.NoSuchTextEver"] != "" || Has("tui.NoSuchTextEver") {
		t.Error("planted key found")
	}
}
