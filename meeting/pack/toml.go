package pack

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/klynge/klynge/meeting"
)

// The keys each table of pack.toml may hold, in the order messages list
// them.
func packKeys() []string {
	return []string{"title", "theme", "lang", "version", "min_practices", "agenda", "indicator"}
}

func agendaKeys() []string {
	return []string{"kind", "title", "minutes", "indicators", "questions", "speaker"}
}

func indicatorKeys() []string {
	return []string{"id", "title", "unit", "better", "target", "region", "national", "min_denominator", "min_practices", "marks", "guess", "context"}
}

// indicatorID keeps ids safe to type in data.csv and on a command line.
var indicatorID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// decodePack turns pack.toml into a Pack, reporting every problem it can
// find. ok is false when the file could not be decoded at all (a syntax
// error): then nothing else in it can be trusted.
func decodePack(t *text, probs *problemList) (p meeting.Pack, ok bool) {
	var doc map[string]any
	if err := toml.Unmarshal(t.src, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			probs.add(t.atLineByte(line, col), "invalid TOML: %s", strings.TrimPrefix(de.Error(), "toml: "))
		} else {
			probs.add(pos{}, "invalid TOML: %v", err)
		}
		return meeting.Pack{}, false
	}
	c := tomlChecker{idx: indexTOML(t), probs: probs}
	return c.pack(doc), true
}

// tomlChecker converts decoded TOML into domain values, reporting each
// problem at the place the index gives for its key path.
type tomlChecker struct {
	idx   tomlIndex
	probs *problemList
}

func (c tomlChecker) pack(doc map[string]any) meeting.Pack {
	c.unknownKeys(doc, "", packKeys(), "the pack", "title, theme, lang, version, min_practices, [[agenda]] or [[indicator]]")
	p := meeting.Pack{Lang: "da"}
	if title, ok := c.str(doc, "", "title"); !ok {
		if _, present := doc["title"]; !present {
			c.probs.add(pos{}, `the pack has no title: add title = "…" at the top of the file`)
		}
	} else if title == "" {
		c.probs.add(c.idx.valueAt("title"), "the pack's title is empty: give the pack a title")
	} else {
		p.Title = title
	}
	p.Theme, _ = c.str(doc, "", "theme")
	p.Version, _ = c.str(doc, "", "version")
	if lang, ok := c.str(doc, "", "lang"); ok {
		if lang == "da" || lang == "en" {
			p.Lang = lang
		} else {
			c.probs.add(c.idx.valueAt("lang"), `unknown lang %q: use "da" (Danish) or "en" (English)`, lang)
		}
	}

	// The fewest counted practices a cluster statistic needs, for every
	// indicator that does not set its own.
	minPractices := meeting.DefaultMinPractices
	if v, ok := c.integer(doc, "", "min_practices"); ok {
		if v < 1 {
			c.probs.add(c.idx.valueAt("min_practices"), "min_practices must be 1 or more, not %d (the default is %d)", v, meeting.DefaultMinPractices)
		} else {
			minPractices = v
		}
	}

	// Indicators first, so agenda items can be checked against them.
	firstID := map[string]string{} // id -> path of its first definition
	for i, tbl := range c.tables(doc, "indicator") {
		if ind, unique := c.indicator(tbl, fmt.Sprintf("indicator[%d]", i), i+1, firstID); unique {
			if ind.MinPractices == 0 {
				ind.MinPractices = minPractices
			}
			p.Indicators = append(p.Indicators, ind)
		}
	}
	items := c.tables(doc, "agenda")
	if _, present := doc["agenda"]; !present {
		c.probs.add(pos{}, "the pack has no agenda: add [[agenda]] items with kind, title and minutes")
	} else if v, isList := doc["agenda"].([]any); isList && len(v) == 0 {
		c.probs.add(c.idx.valueAt("agenda"), "the agenda is empty: add [[agenda]] items with kind, title and minutes")
	}
	for i, tbl := range items {
		p.Agenda = append(p.Agenda, c.agendaItem(tbl, fmt.Sprintf("agenda[%d]", i), i+1, firstID))
	}
	return p
}

func (c tomlChecker) indicator(tbl map[string]any, path string, n int, firstID map[string]string) (meeting.Indicator, bool) {
	ind := meeting.Indicator{Better: meeting.NoDirection}
	name := fmt.Sprintf("indicator %d", n)
	id, ok := c.str(tbl, path, "id")
	if ok && id != "" {
		name = fmt.Sprintf("indicator %q", id)
	}
	c.unknownKeys(tbl, path, indicatorKeys(), name, strings.Join(indicatorKeys(), ", "))
	unique := false
	switch {
	case !ok:
		if _, present := tbl["id"]; !present {
			c.probs.add(c.idx.headerAt(path), `%s has no id: add id = "…" (lowercase letters, digits and dashes, e.g. "kol-spirometri")`, name)
		}
	case id == "":
		c.probs.add(c.idx.valueAt(path+".id"), `the id of %s is empty: give it an id such as "kol-spirometri"`, name)
	case firstID[id] != "":
		c.probs.add(c.idx.valueAt(path+".id"), "duplicate indicator id %q: it is already used on line %d; give each indicator its own id", id, c.idx.valueAt(firstID[id]+".id").Line)
	default:
		unique = true
		firstID[id] = path
		if !indicatorID.MatchString(id) {
			c.probs.add(c.idx.valueAt(path+".id"), `indicator id %q may only hold lowercase letters a–z, digits and single dashes, e.g. "kol-spirometri"`, id)
		}
	}
	ind.ID = id
	ind.Title = c.requiredText(tbl, path, "title", name)
	if unit, ok := c.str(tbl, path, "unit"); ok {
		ind.Unit = meeting.Unit(unit)
		if !ind.Unit.Valid() {
			c.probs.add(c.idx.valueAt(path+".unit"), "unknown unit %q in %s: use one of %s", unit, name, joinValues(meeting.Units()))
		}
	} else if _, present := tbl["unit"]; !present {
		c.probs.add(c.idx.headerAt(path), `%s has no unit: add unit = "…" (one of %s)`, name, joinValues(meeting.Units()))
	}
	if better, ok := c.str(tbl, path, "better"); ok {
		ind.Better = meeting.Direction(better)
		if !ind.Better.Valid() {
			c.probs.add(c.idx.valueAt(path+".better"), "unknown better %q in %s: use one of %s", better, name, joinValues(meeting.Directions()))
		}
	}
	ind.Target = c.mark(tbl, path, "target", name, ind.Unit)
	ind.Region = c.mark(tbl, path, "region", name, ind.Unit)
	ind.National = c.mark(tbl, path, "national", name, ind.Unit)
	// Small numbers are suppressed unless the pack says otherwise.
	ind.MinDenominator = meeting.DefaultMinDenominator
	if v, ok := c.integer(tbl, path, "min_denominator"); ok {
		if v < 0 {
			c.probs.add(c.idx.valueAt(path+".min_denominator"), "min_denominator must be 0 or more in %s, not %d", name, v)
		}
		ind.MinDenominator = v
	}
	if v, ok := c.integer(tbl, path, "min_practices"); ok {
		if v < 1 {
			c.probs.add(c.idx.valueAt(path+".min_practices"), "min_practices must be 1 or more in %s, not %d", name, v)
		} else {
			ind.MinPractices = v
		}
	}
	if marks, ok := c.strList(tbl, path, "marks", name); ok {
		ind.Marks = []meeting.MarkKind{}
		for i, m := range marks {
			k := meeting.MarkKind(m)
			if !k.Valid() {
				c.probs.add(c.idx.valueAt(fmt.Sprintf("%s.marks[%d]", path, i)), "unknown mark %q in %s: use one of %s", m, name, joinValues(meeting.MarkKinds()))
				continue
			}
			ind.Marks = append(ind.Marks, k)
		}
	}
	ind.Guess, _ = c.boolean(tbl, path, "guess")
	ind.Context, _ = c.boolean(tbl, path, "context")
	return ind, unique
}

// mark reads a reference value (target, region, national). A % value
// outside 0–100 is nearly always a share written as a fraction or a typo.
func (c tomlChecker) mark(tbl map[string]any, path, key, name string, unit meeting.Unit) *float64 {
	v, ok := c.number(tbl, path, key)
	if !ok {
		return nil
	}
	if unit == meeting.UnitPercent && (v < 0 || v > 100) {
		c.probs.add(c.idx.valueAt(path+"."+key), "%s = %g in %s is outside 0–100: a %% indicator takes a percentage such as 80", key, v, name)
	}
	return &v
}

func (c tomlChecker) agendaItem(tbl map[string]any, path string, n int, indicators map[string]string) meeting.AgendaItem {
	name := fmt.Sprintf("agenda item %d", n)
	c.unknownKeys(tbl, path, agendaKeys(), name, strings.Join(agendaKeys(), ", "))
	var item meeting.AgendaItem
	if kind, ok := c.str(tbl, path, "kind"); ok {
		item.Kind = meeting.ItemKind(kind)
		if !item.Kind.Valid() {
			c.probs.add(c.idx.valueAt(path+".kind"), "unknown agenda kind %q: use one of %s", kind, joinValues(meeting.ItemKinds()))
		}
	} else if _, present := tbl["kind"]; !present {
		c.probs.add(c.idx.headerAt(path), `%s has no kind: add kind = "…" (one of %s)`, name, joinValues(meeting.ItemKinds()))
	}
	item.Title = c.requiredText(tbl, path, "title", name)
	if minutes, ok := c.integer(tbl, path, "minutes"); ok {
		if minutes < 1 {
			c.probs.add(c.idx.valueAt(path+".minutes"), "minutes must be at least 1 in %s, not %d", name, minutes)
		}
		item.Minutes = minutes
	} else if _, present := tbl["minutes"]; !present {
		c.probs.add(c.idx.headerAt(path), "%s has no minutes: add minutes = 15 (whole minutes, at least 1)", name)
	}
	item.Speaker, _ = c.str(tbl, path, "speaker")

	ids, idsOK := c.strList(tbl, path, "indicators", name)
	for i, id := range ids {
		at := c.idx.valueAt(fmt.Sprintf("%s.indicators[%d]", path, i))
		switch {
		case id == "":
			c.probs.add(at, "indicator %d in %s is empty: give an indicator id", i+1, name)
		case indicators[id] == "":
			c.probs.add(at, "%s refers to unknown indicator %q: add an [[indicator]] with that id or use one of %s", name, id, strings.Join(sortedByLine(indicators, c.idx), ", "))
		case slices.Contains(ids[:i], id):
			c.probs.add(at, "%s lists indicator %q twice: remove one", name, id)
		default:
			item.Indicators = append(item.Indicators, id)
		}
	}
	if item.Kind == meeting.KindData && len(ids) == 0 && idsOK {
		if _, present := tbl["indicators"]; present {
			c.probs.add(c.idx.valueAt(path+".indicators"), `%s is a data item without indicators: list the ids to show, e.g. indicators = ["kol-spirometri"]`, name)
		} else {
			c.probs.add(c.idx.headerAt(path), `%s is a data item without indicators: add indicators = ["…"] with the ids to show`, name)
		}
	}

	questions, questionsOK := c.strList(tbl, path, "questions", name)
	for i, q := range questions {
		if q == "" {
			c.probs.add(c.idx.valueAt(fmt.Sprintf("%s.questions[%d]", path, i)), "question %d in %s is empty: write the question or remove it", i+1, name)
		} else {
			item.Questions = append(item.Questions, q)
		}
	}
	if item.Kind == meeting.KindGroupwork && len(questions) == 0 && questionsOK {
		if _, present := tbl["questions"]; present {
			c.probs.add(c.idx.valueAt(path+".questions"), `%s is group work without questions: write the questions the groups discuss, e.g. questions = ["Hvem laver forløbsplanen?"]`, name)
		} else {
			c.probs.add(c.idx.headerAt(path), `%s is group work without questions: add questions = ["…"] with what the groups discuss`, name)
		}
	}
	return item
}

// requiredText reads a key that must be non-empty text, reporting a missing
// key at the table's header and an empty one at its value.
func (c tomlChecker) requiredText(tbl map[string]any, path, key, name string) string {
	v, ok := c.str(tbl, path, key)
	switch {
	case ok && v == "":
		c.probs.add(c.idx.valueAt(joinKey(path, key)), "%s in %s is empty: write a %s", key, name, key)
	case !ok:
		if _, present := tbl[key]; !present {
			c.probs.add(c.idx.headerAt(path), `%s has no %s: add %s = "…"`, name, key, key)
		}
	}
	return v
}

// tables reads an array of tables ([[agenda]], [[indicator]]). A single
// [agenda] table is the likely mistake, so its message says how to fix it.
func (c tomlChecker) tables(doc map[string]any, key string) []map[string]any {
	v, present := doc[key]
	if !present {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		c.probs.add(c.idx.keyAt(key), "%s must be a list of tables: write each one under [[%s]], with double brackets", key, key)
		return nil
	}
	var out []map[string]any
	for i, elem := range list {
		tbl, ok := elem.(map[string]any)
		if !ok {
			c.probs.add(c.idx.valueAt(fmt.Sprintf("%s[%d]", key, i)), "%s %d must be a table, not %s: write it under [[%s]]", key, i+1, describe(elem), key)
			tbl = map[string]any{}
		}
		out = append(out, tbl)
	}
	return out
}

func (c tomlChecker) unknownKeys(tbl map[string]any, path string, known []string, where, valid string) {
	for _, key := range sortedKeys(tbl) {
		if !slices.Contains(known, key) {
			c.probs.add(c.idx.keyAt(joinKey(path, key)), "unknown key %q in %s: use %s", key, where, valid)
		}
	}
}

// The readers below return ok only when the key is present with the right
// type; a wrong type is reported at the value, a missing key is left to the
// caller, which knows whether it is required.

func (c tomlChecker) str(tbl map[string]any, path, key string) (string, bool) {
	v, present := tbl[key]
	if !present {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		c.wrongType(path, key, v, "text in quotes")
		return "", false
	}
	s = strings.TrimSpace(s)
	if !c.checkText(joinKey(path, key), key, s) {
		return "", true
	}
	return s, true
}

// checkText applies meeting's text rule to a pack string: the title and
// speaker are titles, questions are questions, anything else one line.
// A TOML string can spell an escape code as "\u001b", so the decoded
// text is what is checked.
func (c tomlChecker) checkText(at, key, s string) bool {
	kind := meeting.TextLine
	switch key {
	case "title", "speaker":
		kind = meeting.TextTitle
	case "questions":
		kind = meeting.TextQuestion
	}
	err := meeting.CheckText(kind, s)
	var te *meeting.TextError
	if !errors.As(err, &te) {
		return true
	}
	c.probs.add(c.idx.valueAt(at), "%s %s", key, te.Message("en"))
	return false
}

func (c tomlChecker) integer(tbl map[string]any, path, key string) (int, bool) {
	v, present := tbl[key]
	if !present {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		if n >= math.MinInt32 && n <= math.MaxInt32 {
			return int(n), true
		}
	case float64:
		// 15.0 means 15; anything else is a fraction of a minute.
		if n == math.Trunc(n) && math.Abs(n) <= math.MaxInt32 {
			return int(n), true
		}
	}
	c.wrongType(path, key, v, "a whole number")
	return 0, false
}

func (c tomlChecker) number(tbl map[string]any, path, key string) (float64, bool) {
	v, present := tbl[key]
	if !present {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		if !math.IsNaN(n) && !math.IsInf(n, 0) {
			return n, true
		}
	}
	c.wrongType(path, key, v, "a number")
	return 0, false
}

func (c tomlChecker) boolean(tbl map[string]any, path, key string) (bool, bool) {
	v, present := tbl[key]
	if !present {
		return false, false
	}
	b, ok := v.(bool)
	if !ok {
		c.wrongType(path, key, v, "true or false (without quotes)")
	}
	return b, ok
}

// strList reads a list of texts. ok is false when the key is there but is
// not a list; elements of the wrong type are reported one by one and left
// out.
func (c tomlChecker) strList(tbl map[string]any, path, key, name string) (list []string, ok bool) {
	v, present := tbl[key]
	if !present {
		return nil, true
	}
	elems, isList := v.([]any)
	if !isList {
		c.wrongType(path, key, v, `a list of texts in quotes, e.g. ["…", "…"]`)
		return nil, false
	}
	for i, elem := range elems {
		s, isText := elem.(string)
		if !isText {
			c.probs.add(c.idx.valueAt(fmt.Sprintf("%s.%s[%d]", path, key, i)), "%s[%d] in %s must be text in quotes, not %s", key, i+1, name, describe(elem))
			continue
		}
		s = strings.TrimSpace(s)
		if !c.checkText(fmt.Sprintf("%s.%s[%d]", path, key, i), key, s) {
			continue
		}
		list = append(list, s)
	}
	return list, true
}

func (c tomlChecker) wrongType(path, key string, v any, want string) {
	c.probs.add(c.idx.valueAt(joinKey(path, key)), "%s must be %s, not %s", key, want, describe(v))
}

// describe names a decoded TOML value in words a coordinator knows.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", v)
	case int64:
		return fmt.Sprintf("the number %d", v)
	case float64:
		return fmt.Sprintf("the number %g", v)
	case bool:
		return fmt.Sprintf("%t", v)
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	default:
		return "a date or time"
	}
}

func joinValues[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// sortedByLine lists the defined indicator ids in the order the file has
// them, which is the order the coordinator wrote and will look for.
func sortedByLine(ids map[string]string, idx tomlIndex) []string {
	out := make([]string, 0, len(ids))
	for id := range ids {
		out = append(out, id)
	}
	slices.SortFunc(out, func(a, b string) int {
		pa, pb := idx.valueAt(ids[a]+".id"), idx.valueAt(ids[b]+".id")
		if pa.Line != pb.Line {
			return pa.Line - pb.Line
		}
		return strings.Compare(a, b)
	})
	return out
}
