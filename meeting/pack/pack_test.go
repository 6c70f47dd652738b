package pack_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

func TestReadDemoPack(t *testing.T) {
	fsys, err := fs.Sub(klynge.DemoFS(), klynge.DemoPackDir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pack.Read(fsys, "demo/kol")
	if err != nil {
		t.Fatalf("the demo pack must be valid:\n%v", err)
	}
	if p.Title != "KOL – diagnostik og opfølgning" || p.Theme != "KOL" || p.Lang != "da" || p.Version != "2026.1" {
		t.Errorf("header: %q %q %q %q", p.Title, p.Theme, p.Lang, p.Version)
	}
	var kinds []meeting.ItemKind
	var minutes []int
	for _, item := range p.Agenda {
		kinds = append(kinds, item.Kind)
		minutes = append(minutes, item.Minutes)
	}
	wantKinds := []meeting.ItemKind{"welcome", "talk", "data", "groupwork", "plenum", "groupwork", "plenum", "evaluation"}
	if !slices.Equal(kinds, wantKinds) {
		t.Errorf("kinds %v, want %v", kinds, wantKinds)
	}
	if want := []int{5, 25, 15, 20, 5, 35, 10, 5}; !slices.Equal(minutes, want) {
		t.Errorf("minutes %v, want %v", minutes, want)
	}
	if p.PlannedMinutes() != 120 {
		t.Errorf("planned %d min, want 120", p.PlannedMinutes())
	}
	if got := p.Agenda[2].Indicators; !slices.Equal(got, []string{"kol-prevalens", "kol-forloebsplan", "kol-spirometri"}) {
		t.Errorf("data item indicators %v", got)
	}
	if p.Agenda[0].Title != "Velkomst og afbud" || !strings.Contains(p.Agenda[1].Speaker, "Overlæge") {
		t.Errorf("welcome %q, speaker %q", p.Agenda[0].Title, p.Agenda[1].Speaker)
	}
	if n := len(p.Agenda[3].Questions); n < 3 || n > 4 {
		t.Errorf("round 1 has %d questions, want 3-4", n)
	}
	if p.Agenda[6].Title != "Opsamling og tiltag" || p.Agenda[6].Questions[0] != "Hvad vil jeres praksis ændre?" {
		t.Errorf("summary item %q %q", p.Agenda[6].Title, p.Agenda[6].Questions)
	}
	if p.Agenda[7].Questions[0] != "Giv aftenen 0–10" {
		t.Errorf("evaluation question %q", p.Agenda[7].Questions[0])
	}

	if len(p.Indicators) != 5 {
		t.Fatalf("%d indicators, want 5", len(p.Indicators))
	}
	plan, ok := p.Indicator("kol-forloebsplan")
	if !ok || plan.Unit != meeting.UnitPercent || plan.Better != meeting.HigherIsBetter ||
		*plan.Target != 80 || *plan.Region != 61.5 || *plan.National != 58 || plan.MinDenominator != 5 || plan.Context {
		t.Errorf("kol-forloebsplan: %+v", plan)
	}
	prev, _ := p.Indicator("kol-prevalens")
	if prev.Unit != meeting.UnitPer1000 || prev.Better != meeting.NoDirection || prev.Target != nil || prev.Region == nil {
		t.Errorf("kol-prevalens: %+v", prev)
	}
	size, _ := p.Indicator("liste-stoerrelse")
	old, _ := p.Indicator("andel-65plus")
	if !size.Context || size.Unit != meeting.UnitCount || !old.Context || old.Unit != meeting.UnitPercent {
		t.Errorf("context indicators: %+v %+v", size, old)
	}

	if len(p.Slides) < 6 || len(p.Slides) > 10 {
		t.Errorf("%d slides, want 6-10", len(p.Slides))
	}
	withNotes := 0
	for _, s := range p.Slides {
		if s.Notes != "" {
			withNotes++
		}
		if strings.Contains(s.Body, "Noter:") || strings.Contains(s.Body, "\n---") {
			t.Errorf("slide body holds a marker: %q", s.Body)
		}
	}
	if withNotes < 2 {
		t.Errorf("%d slides with notes, want at least 2", withNotes)
	}
	if len(p.Data) != 14*5-1 {
		t.Errorf("%d data rows, want 69", len(p.Data))
	}
	if got := pack.Summary(p, "da"); got != "KOL – diagnostik og opfølgning: 8 punkter, 120 min planlagt, 5 indikatorer, 8 dias, data for 14 praksisser" {
		t.Errorf("summary %q", got)
	}
}

// TestSummaryInTheUILanguage: the summary follows the language klynge
// speaks, not the pack's (an English pack checked on a Danish CLI is
// summed up in Danish).
func TestSummaryInTheUILanguage(t *testing.T) {
	p := meeting.Pack{
		Title:      "UTI",
		Lang:       "en",
		Agenda:     []meeting.AgendaItem{{Kind: meeting.KindData, Minutes: 15}},
		Indicators: []meeting.Indicator{{ID: "a"}},
		Slides:     []meeting.Slide{{Body: "x"}},
		Data:       []meeting.DataRow{{Ydernummer: "123456"}, {Ydernummer: "123456"}},
	}
	if got, want := pack.Summary(p, "en"), "UTI: 1 item, 15 min planned, 1 indicator, 1 slide, data for 1 practice"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := pack.Summary(p, "da"), "UTI: 1 dias"; !strings.Contains(got, "1 punkt") || !strings.Contains(got, "data for 1 praksis") {
		t.Errorf("got %q, want %q", got, want)
	}
	p.Slides, p.Data = nil, nil
	if got, want := pack.Summary(p, "da"), "UTI: 1 punkt, 15 min planlagt, 1 indikator"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPackRules breaks a copy of the demo pack in one way per case and
// checks the problem is reported at the exact place.
func TestPackRules(t *testing.T) {
	const toml = pack.PackFile
	type fix struct{ old, new string }
	tests := []struct {
		name  string
		edits []fix
		// needle locates the expected position in the broken pack.toml,
		// moved right by offset characters; "" means no line.
		needle string
		offset int
		msg    string
	}{
		{"wrong type", []fix{{"minutes = 25", `minutes = "ti"`}}, `"ti"`, 0,
			`minutes must be a whole number, not the text "ti"`},
		{"fractional minutes", []fix{{"minutes = 25", `minutes = 7.5`}}, `7.5`, 0,
			`minutes must be a whole number, not the number 7.5`},
		{"title is a number", []fix{{`title = "Evaluering"`, `title = 10`}}, `title = 10`, 8,
			`title must be text in quotes, not the number 10`},
		{"questions not a list", []fix{{`questions = ["Hvad overraskede jer mest i data?"]`, `questions = "Hvad?"`}}, `"Hvad?"`, 0,
			`questions must be a list of texts in quotes`},
		{"question not text", []fix{{`questions = ["Hvad overraskede jer mest i data?"]`, `questions = ["Hvad gør vi?", 12]`}}, `12]`, 0,
			`questions[2] in agenda item 5 must be text in quotes, not the number 12`},
		{"context not bool", []fix{{"context = true", `context = "ja"`}}, `"ja"`, 0,
			`context must be true or false (without quotes), not the text "ja"`},
		{"unknown key at the top", []fix{{"theme = ", "titel = \"x\"\ntheme = "}}, "titel", 0,
			`unknown key "titel" in the pack: use title, theme, lang, version, min_practices, [[agenda]], [[indicator]] or [[choice]]`},
		{"unknown key in agenda", []fix{{`kind = "welcome"`, "kind = \"welcome\"\ncolour = \"red\""}}, "colour", 0,
			`unknown key "colour" in agenda item 1: use kind, title, minutes, indicators, questions, speaker`},
		{"unknown key in indicator", []fix{{`id = "kol-spirometri"`, "id = \"kol-spirometri\"\nenhed = \"%\""}}, "enhed", 0,
			`unknown key "enhed" in indicator "kol-spirometri": use id, title, unit, better`},
		{"unknown table", []fix{{"[[indicator]]", "[meta]\nauthor = \"x\"\n\n[[indicator]]"}}, "meta]", 0,
			`unknown key "meta" in the pack`},
		{"pack title missing", []fix{{"title = \"KOL – diagnostik og opfølgning\"\n", ""}}, "", 0,
			`the pack has no title: add title = "…" at the top of the file`},
		{"pack title empty", []fix{{"title = \"KOL – diagnostik og opfølgning\"", `title = " "`}}, `" "`, 0,
			`the pack's title is empty`},
		{"agenda title missing", []fix{{"title = \"Kort plenum\"\n", ""}}, "[[agenda]]\nkind = \"plenum\"\nminutes = 5", 0,
			`agenda item 5 has no title: add title = "…"`},
		{"agenda title empty", []fix{{`title = "Kort plenum"`, `title = ""`}}, `""`, 0,
			`title in agenda item 5 is empty: write a title`},
		{"indicator title missing", []fix{{"title = \"Listestørrelse\"\n", ""}}, "[[indicator]]\nid = \"liste-stoerrelse\"", 0,
			`indicator "liste-stoerrelse" has no title: add title = "…"`},
		{"unknown kind", []fix{{`kind = "data"`, `kind = "dataa"`}}, `"dataa"`, 0,
			`unknown agenda kind "dataa": use one of welcome, followup, talk, data, groupwork, plenum, break, evaluation`},
		{"kind missing", []fix{{"kind = \"evaluation\"\n", ""}}, "[[agenda]]\ntitle = \"Evaluering\"", 0,
			`agenda item 8 has no kind: add kind = "…" (one of welcome, followup, talk, data`},
		{"minutes missing", []fix{{"minutes = 35\n", ""}}, "[[agenda]]\nkind = \"groupwork\"\ntitle = \"Gruppearbejde, runde 2", 0,
			`agenda item 6 has no minutes: add minutes = 15 (whole minutes, at least 1)`},
		{"minutes zero", []fix{{"minutes = 35", "minutes = 0"}}, "minutes = 0", 10,
			`minutes must be at least 1 in agenda item 6, not 0`},
		{"minutes negative", []fix{{"minutes = 35", "minutes = -5"}}, "-5", 0,
			`minutes must be at least 1 in agenda item 6, not -5`},
		{"unknown indicator", []fix{{`"kol-spirometri"]`, `"kol-spiro"]`}}, `"kol-spiro"`, 0,
			`agenda item 3 refers to unknown indicator "kol-spiro": add an [[indicator]] with that id or use one of kol-prevalens, kol-forloebsplan, kol-spirometri, liste-stoerrelse, andel-65plus`},
		{"indicator listed twice", []fix{{`"kol-spirometri"]`, `"kol-prevalens"]`}}, `"kol-prevalens"]`, 0,
			`agenda item 3 lists indicator "kol-prevalens" twice`},
		{"duplicate indicator id", []fix{{`id = "andel-65plus"`, `id = "kol-prevalens"`}}, "id = \"kol-prevalens\"\ntitle = \"Andel patienter", 5,
			`duplicate indicator id "kol-prevalens": it is already used on line`},
		{"indicator id missing", []fix{{"id = \"andel-65plus\"\n", ""}}, "[[indicator]]\ntitle = \"Andel patienter", 0,
			`indicator 5 has no id: add id = "…"`},
		{"indicator id malformed", []fix{{`id = "andel-65plus"`, `id = "Andel_65+"`}}, `"Andel_65+"`, 0,
			`indicator id "Andel_65+" may only hold lowercase letters a–z, digits and single dashes`},
		{"unknown unit", []fix{{`unit = "count"`, `unit = "stk"`}}, `"stk"`, 0,
			`unknown unit "stk" in indicator "liste-stoerrelse": use one of %, per1000, count, days`},
		{"unit missing", []fix{{"unit = \"count\"\n", ""}}, "[[indicator]]\nid = \"liste-stoerrelse\"", 0,
			`indicator "liste-stoerrelse" has no unit: add unit = "…" (one of %, per1000, count, days)`},
		{"unknown better", []fix{{`better = "higher"`, `better = "up"`}}, `"up"`, 0,
			`unknown better "up" in indicator "kol-forloebsplan": use one of higher, lower, none`},
		{"negative min_denominator", []fix{{"min_denominator = 5", "min_denominator = -1"}}, "-1", 0,
			`min_denominator must be 0 or more in indicator "kol-forloebsplan", not -1`},
		{"target over 100", []fix{{"target = 80", "target = 800"}}, "800", 0,
			`target = 800 in indicator "kol-forloebsplan" is outside 0–100: a % indicator takes a percentage`},
		{"region under 0", []fix{{"region = 54.2", "region = -4.2"}}, "-4.2", 0,
			`region = -4.2 in indicator "kol-spirometri" is outside 0–100`},
		{"national over 100", []fix{{"national = 21.4", "national = 214"}}, "214", 0,
			`national = 214 in indicator "andel-65plus" is outside 0–100`},
		{"data item without indicators", []fix{{"indicators = [\"kol-prevalens\", \"kol-forloebsplan\", \"kol-spirometri\"]\n", ""}}, "[[agenda]]\nkind = \"data\"", 0,
			`agenda item 3 is a data item without indicators: add indicators = ["…"]`},
		{"data item with an empty list", []fix{{`indicators = ["kol-prevalens", "kol-forloebsplan", "kol-spirometri"]`, `indicators = []`}}, "[]", 0,
			`agenda item 3 is a data item without indicators: list the ids to show`},
		{"groupwork without questions", []fix{{"questions = [\n  \"Hvordan finder vi", "sporgsmal = [\n  \"Hvordan finder vi"}}, "[[agenda]]\nkind = \"groupwork\"", 0,
			`agenda item 4 is group work without questions: add questions = ["…"]`},
		{"groupwork with an empty list", []fix{{"questions = [\n  \"Hvordan finder vi", "questions = [\n]\nx = [\n  \"Hvordan finder vi"}}, "[\n]\nx", 0,
			`agenda item 4 is group work without questions: write the questions`},
		{"empty question", []fix{{`"Hvad overraskede jer mest i data?"`, `"  "`}}, `"  "`, 0,
			`question 1 in agenda item 5 is empty`},
		{"unknown lang", []fix{{`lang = "da"`, `lang = "dk"`}}, `"dk"`, 0,
			`unknown lang "dk": use "da" (Danish) or "en" (English)`},
		{"escape code in a title", []fix{{`title = "Kort plenum"`, `title = "Kort \u001b[2Jplenum"`}}, `"Kort \u001b`, 0,
			`title has an escape code (ESC) at character 6; a title may hold only printable text: remove it`},
		{"direction override in a question", []fix{{`"Hvad overraskede jer mest i data?"`, `"Hvad \u202Eoverraskede?"`}}, `"Hvad \u202E`, 0,
			`questions has an invisible direction mark (U+202E) at character 6`},
		{"newline in a speaker", []fix{{`speaker = "Overlæge`, `speaker = "Over\nlæge`}}, `"Over\n`, 0,
			`speaker has a line break at character 5; a title must be one line`},
		{"over-long title", []fix{{`title = "Kort plenum"`, `title = "` + strings.Repeat("x", 201) + `"`}}, `"xxx`, 0,
			`title is 201 characters long; a title may hold at most 200: shorten it`},
		{"min_practices 0", []fix{{`version = "2026.1"`, "version = \"2026.1\"\nmin_practices = 0"}}, "0\n", 0,
			`min_practices must be 1 or more, not 0`},
		{"no agenda at all", []fix{{"[[agenda]]", "[[agendaa]]"}}, "", 0,
			`the pack has no agenda: add [[agenda]] items with kind, title and minutes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := demoCopy(t)
			for _, e := range tt.edits {
				edit(t, fsys, toml, e.old, e.new)
			}
			if tt.name == "no agenda at all" {
				// Every [[agenda]] must go, not only the first.
				fsys[toml].Data = []byte(strings.ReplaceAll(string(fsys[toml].Data), "[[agenda]]", "[[agendaa]]"))
			}
			_, err := pack.Read(fsys, label)
			place := label + "/" + toml
			if tt.needle != "" {
				place += ":" + at(t, fsys, toml, tt.needle, tt.offset)
			}
			wantProblem(t, problems(t, err), place, tt.msg)
		})
	}
}

// TestPackRulesNamesTheFirstDefinition checks the duplicate id message
// points back at the exact line of the first definition.
func TestPackRulesNamesTheFirstDefinition(t *testing.T) {
	fsys := demoCopy(t)
	edit(t, fsys, pack.PackFile, `id = "andel-65plus"`, `id = "kol-prevalens"`)
	first := strings.Split(at(t, fsys, pack.PackFile, `id = "kol-prevalens"`, 0), ":")[0]
	_, err := pack.Read(fsys, label)
	ps := problems(t, err)
	wantProblem(t, ps, "kol/pack.toml:"+at(t, fsys, pack.PackFile, "id = \"kol-prevalens\"\ntitle = \"Andel patienter", 5),
		"duplicate indicator id \"kol-prevalens\": it is already used on line "+first+"; give each indicator its own id")
}

func TestAgendaAsASingleTable(t *testing.T) {
	src := "title = \"x\"\n\n[agenda]\nkind = \"welcome\"\n"
	_, err := pack.Read(fstest.MapFS{"pack.toml": {Data: []byte(src)}}, "")
	ps := problems(t, err)
	wantProblem(t, ps, "pack.toml:3:2", "agenda must be a list of tables: write each one under [[agenda]], with double brackets")
	if len(ps) != 1 {
		t.Errorf("want 1 problem, got:\n%v", ps)
	}
}

func TestSyntaxErrorIsAlone(t *testing.T) {
	fsys := demoCopy(t)
	edit(t, fsys, pack.PackFile, "[[agenda]]\nkind = \"talk\"", "[[agenda]\nkind = \"talk\"")
	edit(t, fsys, pack.PackFile, `kind = "data"`, `kind = "dataa"`)
	_, err := pack.Read(fsys, label)
	ps := problems(t, err)
	// After "[[agenda" the parser wanted "]]": column 9.
	wantProblem(t, ps, "kol/pack.toml:"+at(t, fsys, pack.PackFile, "[[agenda]\n", 8), "invalid TOML: expected ']]' to close the table name")
	if len(ps) != 1 {
		t.Errorf("a syntax error hides everything else in pack.toml; got %d problems:\n%v", len(ps), ps)
	}
}

func TestTOMLColumnsCountCharacters(t *testing.T) {
	// "ø" and "æ" are two bytes each; editors count them as one column.
	src := "title = \"Øvelse\"\n" +
		"[[agenda]]\n" +
		"kind = \"groupwork\"\n" +
		"title = \"Gruppearbejde\"\n" +
		"minutes = 20\n" +
		"questions = [\"Hvad gør vi?\", \"Hvem ændrer?\", 3]\n" +
		"  [agenda.ekstra]\n"
	_, err := pack.Read(fstest.MapFS{"pack.toml": {Data: []byte(src)}}, "p")
	ps := problems(t, err)
	wantProblem(t, ps, "p/pack.toml:6:46", "questions[3] in agenda item 1 must be text in quotes, not the number 3")
	wantProblem(t, ps, "p/pack.toml:7:11", `unknown key "ekstra" in agenda item 1`)
	if len(ps) != 2 {
		t.Errorf("want 2 problems, got:\n%v", ps)
	}
}

func TestTOMLWithBOMAndCRLF(t *testing.T) {
	src := "\uFEFFtitle = \"Ø\"\r\n[[agenda]]\r\nkind = \"welcome\"\r\ntitle = \"Å\"\r\nminutes = \"5\"\r\n"
	_, err := pack.Read(fstest.MapFS{"pack.toml": {Data: []byte(src)}}, "")
	ps := problems(t, err)
	wantProblem(t, ps, "pack.toml:5:11", `minutes must be a whole number, not the text "5"`)
	if len(ps) != 1 {
		t.Errorf("want 1 problem, got:\n%v", ps)
	}
}

func TestInlineTablesArePlacedToo(t *testing.T) {
	src := "title = \"x\"\n" +
		"agenda = [\n" +
		"  { kind = \"welcome\", title = \"Velkomst\", minutes = 5 },\n" +
		"  { kind = \"talk\", minutes = 5, farve = 1 },\n" +
		"]\n"
	_, err := pack.Read(fstest.MapFS{"pack.toml": {Data: []byte(src)}, "slides.md": {Data: []byte("# x\n")}}, "")
	ps := problems(t, err)
	wantProblem(t, ps, "pack.toml:4:3", "agenda item 2 has no title")
	wantProblem(t, ps, "pack.toml:4:33", `unknown key "farve" in agenda item 2`)
	if len(ps) != 2 {
		t.Errorf("want 2 problems, got:\n%v", ps)
	}
}

func TestPackFiles(t *testing.T) {
	t.Run("pack.toml missing", func(t *testing.T) {
		fsys := demoCopy(t)
		delete(fsys, pack.PackFile)
		_, err := pack.Read(fsys, label)
		wantProblem(t, problems(t, err), "kol/pack.toml", "file not found: a pack folder needs pack.toml with the pack's title, agenda and indicators")
	})
	t.Run("pack.toml unreadable", func(t *testing.T) {
		_, err := pack.Read(failFS{demoCopy(t), map[string]error{"pack.toml": fs.ErrPermission}}, label)
		wantProblem(t, problems(t, err), "kol/pack.toml", "cannot read the file (permission denied): make it readable")
	})
	t.Run("data.csv unreadable", func(t *testing.T) {
		_, err := pack.Read(failFS{demoCopy(t), map[string]error{"data.csv": fs.ErrPermission}}, label)
		ps := problems(t, err)
		wantProblem(t, ps, "kol/data.csv", "cannot read the file (permission denied)")
		if len(ps) != 1 {
			t.Errorf("only data.csv is wrong; got:\n%v", ps)
		}
	})
	t.Run("slides.md missing with a talk", func(t *testing.T) {
		fsys := demoCopy(t)
		delete(fsys, pack.SlidesFile)
		_, err := pack.Read(fsys, label)
		wantProblem(t, problems(t, err), "kol/slides.md", "file not found: agenda item 2 is a talk, so the pack needs slides.md")
	})
	t.Run("slides.md may be left out without a talk", func(t *testing.T) {
		fsys := demoCopy(t)
		delete(fsys, pack.SlidesFile)
		delete(fsys, pack.DataFile)
		edit(t, fsys, pack.PackFile, `kind = "talk"`, `kind = "plenum"`)
		p, err := pack.Read(fsys, label)
		if err != nil {
			t.Fatal(err)
		}
		if p.Slides != nil || p.Data != nil {
			t.Errorf("slides %d, data %d; want none", len(p.Slides), len(p.Data))
		}
	})
	t.Run("an empty slide", func(t *testing.T) {
		fsys := demoCopy(t)
		edit(t, fsys, pack.SlidesFile, "\n---\n\n# Diagnosen", "\n---\n\n---\n\n# Diagnosen")
		_, err := pack.Read(fsys, label)
		line := strings.Split(at(t, fsys, pack.SlidesFile, "---\n\n---\n\n# Diagnosen", 0), ":")[0]
		wantProblem(t, problems(t, err), "kol/slides.md:"+line, "slide 4 is empty: add text to it or remove the extra --- line")
	})
	t.Run("data.csv problem", func(t *testing.T) {
		fsys := demoCopy(t)
		edit(t, fsys, pack.DataFile, "047318;kol-forloebsplan;98;131", "047318;kol-forloebsplan;198;131")
		_, err := pack.Read(fsys, label)
		wantProblem(t, problems(t, err), "kol/data.csv:3:25", "tæller 198 is larger than nævner 131: a share cannot be over 100 %")
	})
}

func TestNotUTF8(t *testing.T) {
	latin1 := func(s string) string {
		// Windows-1252 and Latin-1 agree on the Danish letters.
		return strings.NewReplacer("ø", "\xf8", "æ", "\xe6", "å", "\xe5").Replace(s)
	}
	tests := []struct {
		file, old, bad string
	}{
		{pack.PackFile, "title = \"KOL – diagnostik og opfølgning\"", "\xf8lgning"},
		{pack.SlidesFile, "# Hvorfor tale om KOL?", "\xe5r tale"},
		{pack.DataFile, "ydernummer;indikator;tæller", "\xe6ller"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			fsys := demoCopy(t)
			edit(t, fsys, tt.file, tt.old, latin1(strings.Replace(tt.old, "Hvorfor", "Hvorfår", 1)))
			place := "kol/" + tt.file + ":" + at(t, fsys, tt.file, tt.bad, 0)
			_, err := pack.Read(fsys, label)
			ps := problems(t, err)
			wantProblem(t, ps, place, "not UTF-8 text (byte 0x")
			wantProblem(t, ps, place, "save the file as UTF-8")
			if len(ps) != 1 {
				t.Errorf("one problem per file in another encoding; got:\n%v", ps)
			}
		})
	}
}

func TestManyProblemsInOneRun(t *testing.T) {
	fsys := demoCopy(t)
	edit(t, fsys, pack.PackFile, `kind = "data"`, `kind = "dataa"`)
	edit(t, fsys, pack.PackFile, `kind = "welcome"`, "kind = \"welcome\"\ncolour = \"red\"")
	edit(t, fsys, pack.PackFile, "minutes = 25", `minutes = "ti"`)
	edit(t, fsys, pack.PackFile, `"kol-spirometri"]`, `"kol-spiro"]`)
	edit(t, fsys, pack.PackFile, `unit = "count"`, `unit = "stk"`)
	edit(t, fsys, pack.PackFile, "title = \"Kort plenum\"\n", "")
	edit(t, fsys, pack.SlidesFile, "\n---\n\n# Diagnosen", "\n---\n\n---\n\n# Diagnosen")
	edit(t, fsys, pack.DataFile, "047318;kol-forloebsplan;98;131", "047318;kol-forloebsplan;98;0")
	_, err := pack.Read(fsys, label)
	ps := problems(t, err)
	toml := func(needle string, offset int) string {
		return "kol/pack.toml:" + at(t, fsys, pack.PackFile, needle, offset)
	}
	slideLine := strings.Split(at(t, fsys, pack.SlidesFile, "---\n\n---\n\n# Diagnosen", 0), ":")[0]
	want := []string{
		"kol/data.csv:3:28: nævner is 0",
		toml(`colour`, 0) + `: unknown key "colour"`,
		toml(`"ti"`, 0) + ": minutes must be a whole number",
		toml(`"dataa"`, 0) + `: unknown agenda kind "dataa"`,
		toml(`"kol-spiro"`, 0) + `: agenda item 3 refers to unknown indicator "kol-spiro"`,
		toml("[[agenda]]\nkind = \"plenum\"\nminutes = 5", 0) + ": agenda item 5 has no title",
		toml(`"stk"`, 0) + `: unknown unit "stk"`,
		"kol/slides.md:" + slideLine + ": slide 4 is empty",
	}
	if len(ps) != len(want) {
		t.Fatalf("want %d problems, got %d:\n%v", len(want), len(ps), ps)
	}
	// Sorted by file, line and column.
	for i, p := range ps {
		if !strings.HasPrefix(p.String(), want[i]) {
			t.Errorf("problem %d is %q, want it to start with %q", i+1, p.String(), want[i])
		}
	}
}

func TestReadDir(t *testing.T) {
	const demoDir = "../../testdata/demo/kol"
	p, err := pack.ReadDir(demoDir)
	if err != nil {
		t.Fatalf("demo pack on disk: %v", err)
	}
	if len(p.Agenda) != 8 {
		t.Errorf("%d agenda items", len(p.Agenda))
	}

	dir := filepath.Join(t.TempDir(), "kol")
	if err := os.CopyFS(dir, os.DirFS(demoDir)); err != nil {
		t.Fatal(err)
	}
	tomlPath := filepath.Join(dir, "pack.toml")
	src, err := os.ReadFile(tomlPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tomlPath, []byte(strings.Replace(string(src), `kind = "data"`, `kind = "dataa"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = pack.ReadDir(dir)
	kind := strings.Index(string(src), `kind = "data"`)
	line := strings.Count(string(src[:kind]), "\n") + 1
	wantProblem(t, problems(t, err), fmt.Sprintf("%s:%d:8", tomlPath, line), `unknown agenda kind "dataa"`)

	missing := filepath.Join(t.TempDir(), "nope")
	_, err = pack.ReadDir(missing)
	if got := problems(t, err).Error(); got != missing+": pack folder does not exist: check the path" {
		t.Errorf("missing folder: %q", got)
	}
	_, err = pack.ReadDir(tomlPath)
	if got := problems(t, err).Error(); got != tomlPath+": not a folder: give the folder that holds pack.toml, "+dir {
		t.Errorf("file instead of folder: %q", got)
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    pack.Problem
		want string
	}{
		{pack.Problem{File: "kol/pack.toml", Line: 12, Col: 8, Key: "problem.ThePack"}, "kol/pack.toml:12:8: the pack"},
		{pack.Problem{File: "kol/slides.md", Line: 3, Key: "problem.ThePack"}, "kol/slides.md:3: the pack"},
		{pack.Problem{File: "kol/pack.toml", Key: "problem.ThePack"}, "kol/pack.toml: the pack"},
		{pack.Problem{Key: "problem.ThePack"}, "the pack"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
	ps := pack.Problems{tests[0].p, tests[1].p}
	if got := ps.Error(); got != "kol/pack.toml:12:8: the pack\nkol/slides.md:3: the pack" {
		t.Errorf("Problems.Error() = %q", got)
	}
	var err error = ps
	if code := meeting.ErrorCode(err); code != meeting.EINVALID {
		t.Errorf("ErrorCode = %q, want %q", code, meeting.EINVALID)
	}
	if msg := meeting.ErrorMessage(err); msg != "kol/pack.toml:12:8: the pack (and 1 more problem)" {
		t.Errorf("ErrorMessage = %q", msg)
	}
}

// TestSmallNumberDefaults: a pack that says nothing suppresses practices
// under 5 patients and needs 3 counted practices for a statistic; a pack
// may set either, per pack or per indicator.
func TestSmallNumberDefaults(t *testing.T) {
	fsys := demoCopy(t)
	p, err := pack.Read(fsys, label)
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range p.Indicators {
		if ind.MinDenominator != 5 || ind.StatMinPractices() != 3 {
			t.Errorf("%s: min_denominator %d, min practices %d; want 5 and 3 by default", ind.ID, ind.MinDenominator, ind.StatMinPractices())
		}
	}
	edit(t, fsys, pack.PackFile, `version = "2026.1"`, "version = \"2026.1\"\nmin_practices = 4")
	edit(t, fsys, pack.PackFile, "min_denominator = 5\nmarks = [\"median\"", "min_denominator = 10\nmin_practices = 6\nmarks = [\"median\"")
	if p, err = pack.Read(fsys, label); err != nil {
		t.Fatal(err)
	}
	for _, ind := range p.Indicators {
		wantDen, wantN := 5, 4
		if ind.ID == "kol-spirometri" {
			wantDen, wantN = 10, 6
		}
		if ind.MinDenominator != wantDen || ind.StatMinPractices() != wantN {
			t.Errorf("%s: min_denominator %d, min practices %d; want %d and %d", ind.ID, ind.MinDenominator, ind.StatMinPractices(), wantDen, wantN)
		}
	}
	if w := pack.Warnings(p, "en"); len(w) != 0 {
		t.Errorf("no warnings expected: %v", w)
	}
	edit(t, fsys, pack.PackFile, "min_denominator = 10", "min_denominator = 3")
	p, _ = pack.Read(fsys, label)
	w := pack.Warnings(p, "en")
	if len(w) != 1 || !strings.Contains(w[0], `indicator "kol-spirometri" has min_denominator 3, below 5`) {
		t.Errorf("warnings %q", w)
	}
	if w := pack.Warnings(p, "da"); len(w) != 1 || !strings.Contains(w[0], `indikatoren »kol-spirometri« har min_denominator 3, under 5`) {
		t.Errorf("Danish warnings %q", w)
	}
}

// TestTOMLSyntaxInTheUILanguage: the syntax errors a coordinator makes by
// hand are worded by the catalogue, not left in go-toml's English.
func TestTOMLSyntaxInTheUILanguage(t *testing.T) {
	tests := []struct{ src, da, en string }{
		{"title \"KOL\"\n", "1:7: ugyldig TOML: der mangler et = efter nøglen", "1:7: invalid TOML: expected '=' after key"},
		{"title = \"KOL\ntheme = \"x\"\n", "1:13: ugyldig TOML: teksten mangler sit afsluttende anførselstegn", "1:13: invalid TOML: the text has no closing quote"},
		{"title = \"a\"\ntitle = \"b\"\n", "2:1: ugyldig TOML: nøglen title står der allerede", "2:1: invalid TOML: key title is already defined"},
		{"title = KOL\n", "1:9: ugyldig TOML: en værdi kan ikke begynde med »K«", `1:9: invalid TOML: a value cannot start with "K"`},
		{"[[agenda]\n", "1:9: ugyldig TOML: der mangler ]] efter tabellens navn", "1:9: invalid TOML: expected ']]' to close the table name"},
		{"title = \"KOL \x1b[31mrød\"\n", "1:14: ugyldig TOML: her står et kontroltegn", "1:14: invalid TOML: a control character stands here"},
		{"title = 'KOL \x1b]0;x\a'\n", "1:14: ugyldig TOML: her står et kontroltegn", "1:14: invalid TOML: a control character stands here"},
		{"title = \"\"\"KOL\n\x07\"\"\"\n", "2:1: ugyldig TOML: her står et kontroltegn", "2:1: invalid TOML: a control character stands here"},
		{"# note \x1b[2J\ntitle = \"KOL\"\n", "1:8: ugyldig TOML: her står et kontroltegn", "1:8: invalid TOML: a control character stands here"},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{pack.PackFile: &fstest.MapFile{Data: []byte(tt.src)}}
		_, err := pack.Read(fsys, "kol")
		var ps pack.Problems
		if !errors.As(err, &ps) || len(ps) != 1 {
			t.Fatalf("%q: want one problem, got %v", tt.src, err)
		}
		if da := ps[0].In("da"); !strings.HasPrefix(da, "kol/pack.toml:"+tt.da) {
			t.Errorf("%q in Danish: %s", tt.src, da)
		}
		if en := ps[0].In("en"); !strings.HasPrefix(en, "kol/pack.toml:"+tt.en) {
			t.Errorf("%q in English: %s", tt.src, en)
		}
	}
}

// TestRefusedTextIsReportedOnce checks that a pack text refused by the
// text rule (an escape code, a direction override, a tab) is reported at
// its value only: the text is there, so "is empty" or "has no title" about
// the same key would send the coordinator looking for a missing text.
func TestRefusedTextIsReportedOnce(t *testing.T) {
	tests := []struct {
		name      string
		old, new  string
		needle    string
		msg       string
		wrongMsgs []string
	}{
		{"escape in the pack title", `title = "KOL – diagnostik og opfølgning"`, `title = "KOL \u001b]0;x\u0007"`, `"KOL \u001b`,
			"title has an escape code (ESC) at character 5", []string{"the pack's title is empty", "the pack has no title"}},
		{"direction override in an agenda title", `title = "Kort plenum"`, `title = "Kort ` + "\u202e" + `plenum"`, `"Kort `,
			"title has an invisible direction mark (U+202E) at character 6", []string{"is empty", "has no title"}},
		{"tab in an indicator title", `title = "Listestørrelse"`, `title = "Liste\tstørrelse"`, `"Liste\t`,
			"title has a tab at character 6", []string{"is empty", "has no title"}},
		{"escape in an indicator id", `id = "andel-65plus"`, `id = "andel\u001b"`, `"andel\u001b`,
			"id has an escape code (ESC) at character 6", []string{"is empty", "has no id"}},
		{"escape in a kind", `kind = "plenum"`, `kind = "plenum\u001b"`, `"plenum\u001b`,
			"kind has an escape code (ESC) at character 7", []string{"has no kind"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := demoCopy(t)
			edit(t, fsys, pack.PackFile, tt.old, tt.new)
			_, err := pack.Read(fsys, label)
			ps := problems(t, err)
			wantProblem(t, ps, label+"/"+pack.PackFile+":"+at(t, fsys, pack.PackFile, tt.needle, 0), tt.msg)
			for _, p := range ps {
				for _, wrong := range tt.wrongMsgs {
					if strings.Contains(p.String(), wrong) {
						t.Errorf("a refused text is also reported as missing or empty: %s", p)
					}
				}
			}
		})
	}
}
