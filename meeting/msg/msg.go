// Package msg is klynge's one message catalogue: every text a user sees in
// the TUI, on the CLI and in the exports, in Danish (the default) and
// English, keyed, with plurals and number formats from golang.org/x/text.
//
// How to add a message: add one line to a table in catalog*.go,
//
//	{"area.Name", "dansk tekst %s", "English text %s"},
//
// with the same verbs in both languages, and word it with
// msg.For(lang).T("area.Name", args...) (in the TUI: c.Text.T(...)). A
// count that decides the noun's form is written {N:one|other}, N being the
// argument's position: "%[1]d {1:læge|læger}". The catalogue test fails
// when a key is missing in a language, used in code but not in the
// catalogue, or in the catalogue but never used.
//
// Domain and store errors do not hold sentences: meeting.Errork gives an
// error a code, a key and arguments, and Printer.Error words it at the
// edge (TUI, CLI), so no English sentence reaches a Danish screen.
package msg

import (
	"fmt"
	"strings"
	"sync"

	"github.com/klynge/klynge/meeting"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Entry is one message in both languages. DA and EN are format strings
// (fmt verbs, plural forms written {N:one|other}).
type Entry struct {
	Key, DA, EN string
}

// Langs are the languages klynge speaks, default first.
var Langs = []string{"da", "en"}

// Lang turns a --lang value, KLYNGE_LANG or LANG ("en_GB.UTF-8") into "en"
// or "da": English when it starts with "en", Danish otherwise.
func Lang(v string) string {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), "en") {
		return "en"
	}
	return "da"
}

// pluralForm matches {N:one|other}; compiled when the first message with
// a brace is worded, not before main.
var pluralForm = meeting.LazyRegexp(`\{(\d+):([^|{}]*)\|([^{}]*)\}`)

// table is every entry by key. It is built on first use, not at package
// initialisation: every klynge command, even `klynge version`, would
// otherwise pay for it before main. Read-only once built. Its values point
// into the catalogue tables, which nothing changes: a copy of each entry
// made the map twice as large to build.
var table = sync.OnceValue(buildTable)

// buildTable makes table: the first message worded in a process (the
// first frame's among them) pays for it.
func buildTable() map[string]*Entry {
	all := [][]Entry{tuiEntries, consoleEntries, domainEntries, cliEntries, packEntries, exportEntries, storeEntries, devEntries, planEntries, trendEntries,
		choiceEntries,
		collectEntries,
		slipEntries,
		periodEntries,
	}
	n := 0
	for _, es := range all {
		n += len(es)
	}
	// Sized once, so it never grows (rehashing every key) while it fills.
	m := make(map[string]*Entry, n)
	for _, es := range all {
		for i := range es {
			m[es[i].Key] = &es[i]
		}
	}
	if len(m) != n {
		panic("msg: duplicate key " + duplicateKey(all))
	}
	return m
}

// duplicateKey is a key that two entries share.
func duplicateKey(all [][]Entry) string {
	seen := map[string]bool{}
	for _, es := range all {
		for _, e := range es {
			if seen[e.Key] {
				return e.Key
			}
			seen[e.Key] = true
		}
	}
	return ""
}

// hasForms reports whether a format holds a plural form {N:one|other}; only
// such messages need x/text's catalogue. The others are fmt formats that
// the language's message.Printer formats as they are (numbers the
// language's way), which gives the same text as a catalogue lookup without
// compiling 2,800 messages first.
func hasForms(s string) bool { return strings.IndexByte(s, '{') >= 0 && pluralForm().MatchString(s) }

// plain and forms hold, per language (index of Langs), the x/text
// printers: plain words messages without plural forms as the fmt formats
// they are (no catalogue); forms has a catalogue of only that language's
// messages with plural forms, built when the first of them is worded. Both
// are read-only once built.
var (
	plain = [2]func() *message.Printer{
		sync.OnceValue(func() *message.Printer { return message.NewPrinter(language.Danish) }),
		sync.OnceValue(func() *message.Printer { return message.NewPrinter(language.English) }),
	}
	forms = [2]func() *message.Printer{
		sync.OnceValue(func() *message.Printer { return newPrinter(language.Danish, func(e *Entry) string { return e.DA }) }),
		sync.OnceValue(func() *message.Printer { return newPrinter(language.English, func(e *Entry) string { return e.EN }) }),
	}
)

func newPrinter(tag language.Tag, text func(*Entry) string) *message.Printer {
	b := catalog.NewBuilder(catalog.Fallback(language.Danish))
	for _, e := range table() {
		s := text(e)
		if !hasForms(s) {
			continue
		}
		if err := b.Set(tag, e.Key, compile(s)...); err != nil {
			panic("msg: " + e.Key + ": " + err.Error())
		}
	}
	return message.NewPrinter(tag, message.Catalog(b))
}

// compile turns a format with {N:one|other} forms into x/text messages: a
// plural selector per form, substituted as ${vK}.
func compile(s string) []catalog.Message {
	var msgs []catalog.Message
	k := 0
	out := pluralForm().ReplaceAllStringFunc(s, func(m string) string {
		p := pluralForm().FindStringSubmatch(m)
		var n int
		fmt.Sscan(p[1], &n)
		name := fmt.Sprintf("v%d", k)
		k++
		msgs = append(msgs, catalog.Var(name, plural.Selectf(n, "%d", "one", p[2], "other", p[3])))
		return "${" + name + "}"
	})
	// x/text reads "$" and "{" specially only around Vars; a message
	// without forms is passed as it is.
	return append(msgs, catalog.String(out))
}

// Printer words messages in one language. The zero value is not usable;
// get one from For.
type Printer struct {
	lang string
	i    int // index of lang in Langs
}

// For returns the printer for lang ("da", "en", or anything Lang accepts).
func For(lang string) *Printer {
	l := Lang(lang)
	i := 0
	if l == "en" {
		i = 1
	}
	return &Printer{lang: l, i: i}
}

// Lang is the printer's language, "da" or "en".
func (p *Printer) Lang() string { return p.lang }

// T words the message key with args. Numbers are formatted the language's
// way (1.234 in Danish); a key not in the catalogue is shown as itself so a
// missing text is visible, and the catalogue test catches it first.
func (p *Printer) T(key string, args ...any) string {
	e, ok := table()[key]
	if !ok {
		return key
	}
	s := p.text(e)
	if len(args) == 0 && strings.IndexAny(s, "%{") < 0 {
		// Nothing to format: every command's help is worded at each
		// start, and x/text's Sprintf would parse each text to return it.
		return s
	}
	if !hasForms(s) {
		// No catalogue needed: x/text formats the format itself.
		return plain[p.i]().Sprintf(s, args...)
	}
	return forms[p.i]().Sprintf(key, args...)
}

// text is e's format in the printer's language.
func (p *Printer) text(e *Entry) string {
	if p.lang == "en" {
		return e.EN
	}
	return e.DA
}

// Format is the message's raw fmt format in the printer's language, for
// code that formats with fmt itself. Plural forms become their "other"
// form, so use T for messages that hold a count.
func (p *Printer) Format(key string) string {
	e, ok := table()[key]
	if !ok {
		return key
	}
	s := p.text(e)
	if strings.IndexByte(s, '{') < 0 {
		return s
	}
	return pluralForm().ReplaceAllString(s, "$3")
}

// Words returns the |-separated parts of a message (weekday names, month
// names).
func (p *Printer) Words(key string) []string { return strings.Split(p.Format(key), "|") }

// Has reports whether key is in the catalogue.
func Has(key string) bool { _, ok := table()[key]; return ok }

// Entries returns every entry, for tests and tools.
func Entries() []Entry {
	t := table()
	es := make([]Entry, 0, len(t))
	for _, e := range t {
		es = append(es, *e)
	}
	return es
}

// Error words err for a user: a keyed *meeting.Error (see meeting.Errork)
// or a keyed problem list through the catalogue, a *meeting.TextError and an
// *meeting.Error with a Danish wording in the printer's language, any other
// error as it is.
func (p *Printer) Error(err error) string {
	if err == nil {
		return ""
	}
	return meeting.WordError(err, p.lang, p.T)
}
