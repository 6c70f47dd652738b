package pack

import (
	"fmt"
	"strings"

	"github.com/klynge/klynge/meeting"
)

// FormatKeys are the keys `pack check` accepts in pack.toml: at the top
// level, in each [[agenda]] item and in each [[indicator]]. The README's
// pack-format section lists the same (a test compares them).
func FormatKeys() (top, agenda, indicator []string) {
	return packKeys(), agendaKeys(), indicatorKeys()
}

// DataHeaders are the spellings a data file's header may use for each of
// its columns, the Danish name first.
func DataHeaders() [][]string {
	var out [][]string
	for _, c := range dataColumns() {
		out = append(out, append([]string(nil), c.names...))
	}
	return out
}

// Pack kinds `pack new` starts from.
const (
	StarterData = "data" // a data meeting: indicators, charts, group work
	StarterTalk = "talk" // a talk meeting: slides, group work, no figures
)

// Starter returns the files of a new, commented pack of the given kind
// ("data" or "talk") and title: pack.toml showing every key of the format
// once in a comment or a value, slides.md, and for a data pack a data.csv
// with only its header. The pack passes `pack check` as it is.
func Starter(title, kind string) (map[string]string, error) {
	if kind != StarterData && kind != StarterTalk {
		return nil, meeting.Errork(meeting.EINVALID, "problem.StarterKind", kind)
	}
	title = strings.TrimSpace(title)
	if title == "" {
		title = "Ny klyngepakke"
	}
	if err := meeting.CheckText(meeting.TextTitle, title); err != nil {
		return nil, err
	}
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	var b strings.Builder
	b.WriteString(`# pack.toml – en klyngepakke til klynge. Tjek den med: klynge pack check MAPPE
# Linjer, der starter med #, er kommentarer. Alle nøgler, formatet kender, står
# her én gang, som værdi eller i en kommentar.

title = ` + q(title) + `
lang = "da"              # da | en: pakkens sprog
# theme = "KOL"          # valgfri: pakkens emne
# version = "2027.1"     # valgfri: pakkens version
# min_practices = 3      # standard 3: færre praksisser talt med, ingen gennemsnit/median/ABC
# source = "Sentinel"    # valgfri: hvor tallene kommer fra; vises under hver graf
# max_age = "6m"         # valgfri: tal ældre end 6 måneder ved mødet giver en advarsel (også "90d", "1y")

[[agenda]]
kind = "welcome"         # welcome | followup | talk | data | groupwork | plenum | break | evaluation
title = "Velkomst og afbud"
minutes = 5

[[agenda]]
kind = "talk"
title = "Oplæg"
minutes = 20
# speaker = "Navn, titel"   # valgfri: oplægsholderen
`)
	b.WriteString(commentedUnless(kind == StarterData, `
[[agenda]]
kind = "data"
title = "Klyngens data"
minutes = 15
indicators = ["min-indikator"]   # id'er fra [[indicator]] nedenfor
`))
	b.WriteString(`
[[agenda]]
kind = "groupwork"
title = "Gruppearbejde"
minutes = 20
questions = ["Hvad gør vi i dag?", "Hvad vil vi ændre?"]

[[agenda]]
kind = "plenum"
title = "Opsamling og tiltag"
minutes = 10

[[agenda]]
kind = "evaluation"
title = "Evaluering"
minutes = 5
questions = ["Giv aftenen 0–10"]
`)
	if kind == StarterTalk {
		b.WriteString("\n# En datapakke har også indikatorer; fjern # for at bruge dem:\n")
	}
	{
		b.WriteString(commentedUnless(kind == StarterData, `
[[indicator]]
id = "min-indikator"
title = "Andel patienter med …"
unit = "%"               # % | per1000 | count | days
better = "higher"        # higher | lower | none
# target = 80            # valgfri: klyngens mål
# region = 61.5          # valgfri: regionens tal
# national = 58.0        # valgfri: landstal
# min_denominator = 5    # standard 5: mindre nævnere vises kun som "n<5"; 0 slår det fra
# min_practices = 3      # standard: pakkens min_practices
# marks = ["mean", "median", "target"]   # mærker på grafen: `+joinMarks()+`
# guess = true           # valgfri: rummet gætter, før tallene vises
# context = true         # valgfri: vis praksissernes kontekst (listestørrelse, alder) i bånd
# source = "Sentinel"    # valgfri: indikatorens egen kilde i stedet for pakkens
# counts = "patienter"   # valgfri: hvad tæller og nævner tæller: "74 af 128 patienter"
`))
	}
	b.WriteString(starterChoice)
	files := map[string]string{
		PackFile:   b.String(),
		SlidesFile: "# " + title + "\n\nFørste slide.\n\nNoter: talerens noter; de vises ikke på projektoren.\n\n---\n\n## Næste slide\n\n- punkt\n",
	}
	if kind == StarterData {
		files[DataFile] = dataHeader + "\n"
	}
	return files, nil
}

// commentedUnless returns block as it is when keep is set, else with
// every line that is not already a comment commented out.
func commentedUnless(keep bool, block string) string {
	if keep {
		return block
	}
	lines := strings.Split(block, "\n")
	for i, l := range lines {
		if l != "" && !strings.HasPrefix(l, "#") {
			lines[i] = "# " + l
		}
	}
	return strings.Join(lines, "\n")
}

func joinMarks() string {
	var s []string
	for _, k := range meeting.MarkKinds() {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}
