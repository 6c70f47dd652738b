package msg

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// eagerPrinter is the catalogue as it was built before it became lazy:
// every message of both languages compiled into one x/text catalogue.
func eagerPrinter(t *testing.T, tag language.Tag) *message.Printer {
	t.Helper()
	b := catalog.NewBuilder(catalog.Fallback(language.Danish))
	for _, e := range Entries() {
		if err := b.Set(language.Danish, e.Key, compile(e.DA)...); err != nil {
			t.Fatal(err)
		}
		if err := b.Set(language.English, e.Key, compile(e.EN)...); err != nil {
			t.Fatal(err)
		}
	}
	return message.NewPrinter(tag, message.Catalog(b))
}

// TestLazyCatalogueWordsAsTheWholeCatalogue proves that wording a message
// without plural forms as a plain format (the lazy path, which compiles
// only the messages with forms) gives the same text as looking it up in the
// whole compiled catalogue, for every message in both languages, with
// counts that pick "one" and "other" and a number that gets a thousands
// separator.
func TestLazyCatalogueWordsAsTheWholeCatalogue(t *testing.T) {
	argSets := [][]any{
		{1, 1, 1, 1, 1, 1},
		{2, 3, 4, 5, 6, 7},
		{1234, 56789, 1234567, 2, 3, 4},
		{"a", "b", "c", "d", "e", "f"},
	}
	forms := 0
	for _, l := range []struct {
		lang string
		tag  language.Tag
	}{{"da", language.Danish}, {"en", language.English}} {
		eager := eagerPrinter(t, l.tag)
		p := For(l.lang)
		for _, e := range Entries() {
			if hasForms(p.text(&e)) {
				forms++
			}
			for _, args := range argSets {
				want := eager.Sprintf(e.Key, args...)
				if got := p.T(e.Key, args...); got != want {
					t.Errorf("%s %s %v: got %q, want %q", l.lang, e.Key, args, got, want)
				}
			}
		}
	}
	if forms == 0 {
		t.Fatal("no message with plural forms: the test does not cover the catalogue path")
	}
}

// TestUnknownKeyIsItself: a key not in the catalogue is shown as itself.
func TestUnknownKeyIsItself(t *testing.T) {
	if got := For("en").T("no.such.key", 3); got != "no.such.key" {
		t.Fatalf("got %q", got)
	}
}

// TestInitAllocatesAlmostNothing guards the start-up cost: the package's
// initialisation (every klynge command pays it before main, `klynge
// version` too) must not build the catalogue. It runs this test binary
// again with GODEBUG=inittrace=1, which makes the runtime print each
// package's init allocations, and reads this package's line — a count, not
// a time. Before the catalogue became lazy it was 48,672 allocations.
func TestInitAllocatesAlmostNothing(t *testing.T) {
	if os.Getenv("KLYNGE_MSG_INITTRACE") != "" {
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestInitAllocatesAlmostNothing$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "KLYNGE_MSG_INITTRACE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	m := regexp.MustCompile(`(?m)^init github\.com/klynge/klynge/meeting/msg @.* (\d+) bytes, (\d+) allocs$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no init line for meeting/msg in:\n%s", out)
	}
	allocs, _ := strconv.Atoi(string(m[2]))
	// The package's few regular expressions (and, in this test binary, the
	// tests' own) take a few hundred; the catalogue took 48,672.
	if allocs > 1000 {
		t.Errorf("meeting/msg's init makes %d allocations (%s bytes); the catalogue must be built on first use", allocs, m[1])
	}
}

// BenchmarkFirstUse measures what the first use of a language costs: the
// catalogue of that language's messages with plural forms (the table of
// every key, a map of a few thousand entries, is built once per process) (before: every message of both languages compiled at
// package initialisation, 48,672 allocations).
func BenchmarkFirstUse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		p := newPrinter(language.Danish, func(e *Entry) string { return e.DA })
		_ = p.Sprintf("tui.Loading")
	}
}

// BenchmarkTable measures building the table of every key, which the
// first message worded in a process pays (the first frame's included).
func BenchmarkTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if len(buildTable()) == 0 {
			b.Fatal("empty table")
		}
	}
}
