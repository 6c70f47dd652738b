package pack

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/klynge/klynge/meeting"
)

// The keys each table of pack.toml may hold, in the order messages list
// them.
func packKeys() []string {
	return []string{"title", "theme", "lang", "version", "min_practices", "source", "max_age", "agenda", "indicator", "choice"}
}

func agendaKeys() []string {
	return []string{"kind", "title", "minutes", "indicators", "questions", "speaker"}
}

func indicatorKeys() []string {
	return []string{"id", "title", "unit", "better", "target", "region", "national", "min_denominator", "min_practices", "marks", "guess", "context", "source", "counts"}
}

// indicatorID keeps ids safe to type in data.csv and on a command line.
var indicatorID = meeting.LazyRegexp(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// decodePack turns pack.toml into a Pack, reporting every problem it can
// find. ok is false when the file could not be decoded at all (a syntax
// error): then nothing else in it can be trusted.
func decodePack(t *text, probs *problemList) (p meeting.Pack, ok bool) {
	var doc map[string]any
	if err := toml.Unmarshal(t.src, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			key, args := tomlSyntax(strings.TrimPrefix(de.Error(), "toml: "))
			probs.add(t.atLineByte(line, col), key, args...)
		} else {
			probs.add(pos{}, "problem.TOML", err)
		}
		return meeting.Pack{}, false
	}
	c := tomlChecker{idx: indexTOML(t), probs: probs}
	return c.pack(doc), true
}

// tomlSyntaxes word the syntax errors go-toml reports that a coordinator
// editing pack.toml by hand is likely to make; any other is shown with
// go-toml's own (English) words after "invalid TOML". Compiled when the
// first syntax error is worded, not at start-up.
var tomlSyntaxes = sync.OnceValue(func() []tomlSyntaxForm {
	return []tomlSyntaxForm{
		{regexp.MustCompile(`^expected '=' after key$`), "problem.TOMLEquals"},
		{regexp.MustCompile(`^expected ']]' to close array table name$`), "problem.TOMLCloseArrayTable"},
		{regexp.MustCompile(`^expected ']' to close table name$`), "problem.TOMLCloseTable"},
		{regexp.MustCompile(`^(basic|literal) strings cannot have new lines$`), "problem.TOMLOpenString"},
		{regexp.MustCompile(`^unexpected character U\+[0-9A-F]+ '(.*)' at start of value$`), "problem.TOMLBareValue"},
		{regexp.MustCompile(`^(array is incomplete|expected ',' or ']' after array value)$`), "problem.TOMLOpenArray"},
		{regexp.MustCompile(`^inline table is incomplete$`), "problem.TOMLOpenInlineTable"},
		{regexp.MustCompile(`^key (.+) is already defined$`), "problem.TOMLDuplicateKey"},
		{regexp.MustCompile(`^table (.+) already exists$`), "problem.TOMLDuplicateTable"},
		{regexp.MustCompile(`^expected newline but got U\+[0-9A-F]+ '(.*)'$`), "problem.TOMLAfterValue"},
		{regexp.MustCompile(`^invalid character at start of key: U\+[0-9A-F]+ '(.*)'$`), "problem.TOMLKeyStart"},
		// A name pasted from a terminal or a web page can bring a raw escape
		// code or another control character into the file.
		{regexp.MustCompile(`^((multiline )?(basic|literal) strings cannot have|control characters are not allowed in) (control characters|comments)$`), "problem.TOMLControl"},
	}
})

// tomlSyntaxForm is a go-toml syntax error's pattern and its message key.
type tomlSyntaxForm struct {
	re  *regexp.Regexp
	key string
}

// tomlSyntax is the key and arguments of a syntax error go-toml reported
// as message.
func tomlSyntax(message string) (string, []any) {
	for _, s := range tomlSyntaxes() {
		if m := s.re.FindStringSubmatch(message); m != nil {
			var args []any
			for _, a := range m[1:] {
				if s.key != "problem.TOMLOpenString" && s.key != "problem.TOMLOpenArray" && s.key != "problem.TOMLControl" {
					args = append(args, a)
				}
			}
			return s.key, args
		}
	}
	return "problem.TOML", []any{message}
}

// tomlChecker converts decoded TOML into domain values, reporting each
// problem at the place the index gives for its key path.
type tomlChecker struct {
	idx   tomlIndex
	probs *problemList
}

func (c tomlChecker) pack(doc map[string]any) meeting.Pack {
	c.unknownKeys(doc, "", packKeys(), meeting.Word("problem.ThePack"), meeting.Word("problem.PackKeys"))
	p := meeting.Pack{Lang: "da"}
	if title, ok := c.str(doc, "", "title"); !ok {
		if _, present := doc["title"]; !present {
			c.probs.add(pos{}, "problem.NoTitle")
		}
	} else if title == "" {
		c.probs.add(c.idx.valueAt("title"), "problem.TitleEmpty")
	} else {
		p.Title = title
	}
	p.Theme, _ = c.str(doc, "", "theme")
	p.Version, _ = c.str(doc, "", "version")
	if lang, ok := c.str(doc, "", "lang"); ok {
		if lang == "da" || lang == "en" {
			p.Lang = lang
		} else {
			c.probs.add(c.idx.valueAt("lang"), "problem.UnknownLang", lang)
		}
	}

	p.Source, _ = c.str(doc, "", "source")
	if v, ok := c.str(doc, "", "max_age"); ok && v != "" {
		if age, err := meeting.ParseMaxAge(v); err != nil {
			c.probs.add(c.idx.valueAt("max_age"), "period.ErrMaxAge", v)
		} else {
			p.MaxAge = age
		}
	}

	// The fewest counted practices a cluster statistic needs, for every
	// indicator that does not set its own.
	minPractices := meeting.DefaultMinPractices
	if v, ok := c.integer(doc, "", "min_practices"); ok {
		if v < 1 {
			c.probs.add(c.idx.valueAt("min_practices"), "problem.PackMinPractices", v, meeting.DefaultMinPractices)
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
	// Choice groups next: a data item may list one by its id.
	var refs map[string]string
	p.Choices, refs = c.choices(doc, p.Indicators, firstID)
	items := c.tables(doc, "agenda")
	if _, present := doc["agenda"]; !present {
		c.probs.add(pos{}, "problem.PackNoAgenda")
	} else if v, isList := doc["agenda"].([]any); isList && len(v) == 0 {
		c.probs.add(c.idx.valueAt("agenda"), "problem.AgendaEmpty")
	}
	for i, tbl := range items {
		p.Agenda = append(p.Agenda, c.agendaItem(tbl, fmt.Sprintf("agenda[%d]", i), i+1, refs))
	}
	return p
}

func (c tomlChecker) indicator(tbl map[string]any, path string, n int, firstID map[string]string) (meeting.Indicator, bool) {
	ind := meeting.Indicator{Better: meeting.NoDirection}
	name := phrase("problem.IndicatorN", n)
	id, ok := c.str(tbl, path, "id")
	if ok && id != "" {
		name = phrase("problem.IndicatorID", id)
	}
	c.unknownKeys(tbl, path, indicatorKeys(), name, strings.Join(indicatorKeys(), ", "))
	unique := false
	switch {
	case !ok:
		if _, present := tbl["id"]; !present {
			c.probs.add(c.idx.headerAt(path), "problem.NoID", name)
		}
	case id == "":
		c.probs.add(c.idx.valueAt(path+".id"), "problem.IDEmpty", name)
	case firstID[id] != "":
		c.probs.add(c.idx.valueAt(path+".id"), "problem.DuplicateID", id, c.idx.valueAt(firstID[id]+".id").Line)
	default:
		unique = true
		firstID[id] = path
		if !indicatorID().MatchString(id) {
			c.probs.add(c.idx.valueAt(path+".id"), "problem.BadID", id)
		}
	}
	ind.ID = id
	ind.Title = c.requiredText(tbl, path, "title", name)
	if unit, ok := c.str(tbl, path, "unit"); ok {
		ind.Unit = meeting.Unit(unit)
		if !ind.Unit.Valid() {
			c.probs.add(c.idx.valueAt(path+".unit"), "problem.UnknownUnit", unit, name, joinValues(meeting.Units()))
		}
	} else if _, present := tbl["unit"]; !present {
		c.probs.add(c.idx.headerAt(path), "problem.NoUnit", name, joinValues(meeting.Units()))
	}
	if better, ok := c.str(tbl, path, "better"); ok {
		ind.Better = meeting.Direction(better)
		if !ind.Better.Valid() {
			c.probs.add(c.idx.valueAt(path+".better"), "problem.UnknownBetter", better, name, joinValues(meeting.Directions()))
		}
	}
	ind.Target = c.mark(tbl, path, "target", name, ind.Unit)
	ind.Region = c.mark(tbl, path, "region", name, ind.Unit)
	ind.National = c.mark(tbl, path, "national", name, ind.Unit)
	// Small numbers are suppressed unless the pack says otherwise.
	ind.MinDenominator = meeting.DefaultMinDenominator
	if v, ok := c.integer(tbl, path, "min_denominator"); ok {
		if v < 0 {
			c.probs.add(c.idx.valueAt(path+".min_denominator"), "problem.MinDenominator", name, v)
		}
		ind.MinDenominator = v
	}
	if v, ok := c.integer(tbl, path, "min_practices"); ok {
		if v < 1 {
			c.probs.add(c.idx.valueAt(path+".min_practices"), "problem.MinPractices", name, v)
		} else {
			ind.MinPractices = v
		}
	}
	if marks, ok := c.strList(tbl, path, "marks", name); ok {
		ind.Marks = []meeting.MarkKind{}
		for i, m := range marks {
			k := meeting.MarkKind(m)
			if !k.Valid() {
				c.probs.add(c.idx.valueAt(fmt.Sprintf("%s.marks[%d]", path, i)), "problem.UnknownMark", m, name, joinValues(meeting.MarkKinds()))
				continue
			}
			ind.Marks = append(ind.Marks, k)
		}
	}
	ind.Guess, _ = c.boolean(tbl, path, "guess")
	ind.Context, _ = c.boolean(tbl, path, "context")
	ind.Source, _ = c.str(tbl, path, "source")
	ind.Counts, _ = c.str(tbl, path, "counts")
	return ind, unique
}

// mark reads a reference value (target, region, national). A % value
// outside 0–100 is nearly always a share written as a fraction or a typo.
func (c tomlChecker) mark(tbl map[string]any, path, key string, name Phrase, unit meeting.Unit) *float64 {
	v, ok := c.number(tbl, path, key)
	if !ok {
		return nil
	}
	if unit == meeting.UnitPercent && (v < 0 || v > 100) {
		c.probs.add(c.idx.valueAt(path+"."+key), "problem.MarkOutside", key, strconv.FormatFloat(v, 'g', -1, 64), name)
	}
	return &v
}

func (c tomlChecker) agendaItem(tbl map[string]any, path string, n int, indicators map[string]string) meeting.AgendaItem {
	name := phrase("problem.AgendaItemN", n)
	c.unknownKeys(tbl, path, agendaKeys(), name, strings.Join(agendaKeys(), ", "))
	var item meeting.AgendaItem
	if kind, ok := c.str(tbl, path, "kind"); ok {
		item.Kind = meeting.ItemKind(kind)
		if !item.Kind.Valid() {
			c.probs.add(c.idx.valueAt(path+".kind"), "problem.UnknownKind", kind, joinValues(meeting.ItemKinds()))
		}
	} else if _, present := tbl["kind"]; !present {
		c.probs.add(c.idx.headerAt(path), "problem.NoKind", name, joinValues(meeting.ItemKinds()))
	}
	item.Title = c.requiredText(tbl, path, "title", name)
	if minutes, ok := c.integer(tbl, path, "minutes"); ok {
		if minutes < 1 {
			c.probs.add(c.idx.valueAt(path+".minutes"), "problem.MinutesLow", name, minutes)
		}
		item.Minutes = minutes
	} else if _, present := tbl["minutes"]; !present {
		c.probs.add(c.idx.headerAt(path), "problem.NoMinutes", name)
	}
	item.Speaker, _ = c.str(tbl, path, "speaker")

	ids, idsOK := c.strList(tbl, path, "indicators", name)
	for i, id := range ids {
		at := c.idx.valueAt(fmt.Sprintf("%s.indicators[%d]", path, i))
		switch {
		case id == "":
			c.probs.add(at, "problem.IndicatorRefEmpty", i+1, name)
		case indicators[id] == "":
			c.probs.add(at, "problem.UnknownIndicatorRef", name, id, strings.Join(sortedByLine(indicators, c.idx), ", "))
		case slices.Contains(ids[:i], id):
			c.probs.add(at, "problem.IndicatorTwice", name, id)
		default:
			item.Indicators = append(item.Indicators, id)
		}
	}
	if item.Kind == meeting.KindData && len(ids) == 0 && idsOK {
		if _, present := tbl["indicators"]; present {
			c.probs.add(c.idx.valueAt(path+".indicators"), "problem.DataNoIndicatorsEmpty", name)
		} else {
			c.probs.add(c.idx.headerAt(path), "problem.DataNoIndicators", name)
		}
	}

	questions, questionsOK := c.strList(tbl, path, "questions", name)
	for i, q := range questions {
		if q == "" {
			c.probs.add(c.idx.valueAt(fmt.Sprintf("%s.questions[%d]", path, i)), "problem.QuestionEmpty", i+1, name)
		} else {
			item.Questions = append(item.Questions, q)
		}
	}
	if item.Kind == meeting.KindGroupwork && len(questions) == 0 && questionsOK {
		if _, present := tbl["questions"]; present {
			c.probs.add(c.idx.valueAt(path+".questions"), "problem.GroupNoQuestionsEmpty", name)
		} else {
			c.probs.add(c.idx.headerAt(path), "problem.GroupNoQuestions", name)
		}
	}
	return item
}

// requiredText reads a key that must be non-empty text, reporting a missing
// key at the table's header and an empty one at its value.
func (c tomlChecker) requiredText(tbl map[string]any, path, key string, name Phrase) string {
	v, ok := c.str(tbl, path, key)
	switch {
	case ok && v == "":
		c.probs.add(c.idx.valueAt(joinKey(path, key)), "problem.RequiredEmpty", key, name, key)
	case !ok:
		if _, present := tbl[key]; !present {
			c.probs.add(c.idx.headerAt(path), "problem.RequiredMissing", name, key, key)
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
		c.probs.add(c.idx.keyAt(key), "problem.NotTableList", key, key)
		return nil
	}
	var out []map[string]any
	for i, elem := range list {
		tbl, ok := elem.(map[string]any)
		if !ok {
			c.probs.add(c.idx.valueAt(fmt.Sprintf("%s[%d]", key, i)), "problem.NotTable", key, i+1, describe(elem), key)
			tbl = map[string]any{}
		}
		out = append(out, tbl)
	}
	return out
}

func (c tomlChecker) unknownKeys(tbl map[string]any, path string, known []string, where, valid any) {
	for _, key := range sortedKeys(tbl) {
		if !slices.Contains(known, key) {
			c.probs.add(c.idx.keyAt(joinKey(path, key)), "problem.UnknownKey", key, where, valid)
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
		c.wrongType(path, key, v, meeting.Word("problem.WantText"))
		return "", false
	}
	s = strings.TrimSpace(s)
	if !c.checkText(joinKey(path, key), key, s) {
		// Reported at the value, like a wrong type: not ok, so no caller
		// adds "is empty" or "has no title" about a text that is there.
		return "", false
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
	c.probs.add(c.idx.valueAt(at), "problem.TextField", key, te)
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
	c.wrongType(path, key, v, meeting.Word("problem.WantWhole"))
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
	c.wrongType(path, key, v, meeting.Word("problem.WantNumber"))
	return 0, false
}

func (c tomlChecker) boolean(tbl map[string]any, path, key string) (bool, bool) {
	v, present := tbl[key]
	if !present {
		return false, false
	}
	b, ok := v.(bool)
	if !ok {
		c.wrongType(path, key, v, meeting.Word("problem.WantBool"))
	}
	return b, ok
}

// strList reads a list of texts. ok is false when the key is there but is
// not a list; elements of the wrong type are reported one by one and left
// out.
func (c tomlChecker) strList(tbl map[string]any, path, key string, name any) (list []string, ok bool) {
	v, present := tbl[key]
	if !present {
		return nil, true
	}
	elems, isList := v.([]any)
	if !isList {
		c.wrongType(path, key, v, meeting.Word("problem.WantList"))
		return nil, false
	}
	for i, elem := range elems {
		s, isText := elem.(string)
		if !isText {
			c.probs.add(c.idx.valueAt(fmt.Sprintf("%s.%s[%d]", path, key, i)), "problem.ListElem", key, i+1, name, describe(elem))
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

func (c tomlChecker) wrongType(path, key string, v any, want meeting.Word) {
	c.probs.add(c.idx.valueAt(joinKey(path, key)), "problem.WrongType", key, want, describe(v))
}

// describe names a decoded TOML value in words a coordinator knows;
// numbers are written as the file writes them.
func describe(v any) any {
	switch v := v.(type) {
	case string:
		return phrase("problem.TheText", v)
	case int64:
		return phrase("problem.TheNumber", strconv.FormatInt(v, 10))
	case float64:
		return phrase("problem.TheNumber", strconv.FormatFloat(v, 'g', -1, 64))
	case bool:
		return strconv.FormatBool(v)
	case []any:
		return meeting.Word("problem.AList")
	case map[string]any:
		return meeting.Word("problem.ATable")
	default:
		return meeting.Word("problem.ADate")
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
