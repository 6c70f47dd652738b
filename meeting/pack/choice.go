package pack

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// choiceKeys are the keys a [[choice]] table may hold.
func choiceKeys() []string {
	return []string{"id", "title", "options", "preferred", "target", "guess"}
}

// choices reads the [[choice]] tables: groups of % indicators that share a
// denominator, shown as one stacked chart. ids maps every indicator id to
// its path; the choices' ids are added to a copy, which the agenda's
// indicators may then name.
func (c tomlChecker) choices(doc map[string]any, inds []meeting.Indicator, ids map[string]string) ([]meeting.Choice, map[string]string) {
	refs := maps.Clone(ids)
	var out []meeting.Choice
	for i, tbl := range c.tables(doc, "choice") {
		path := fmt.Sprintf("choice[%d]", i)
		if ch, ok := c.choice(tbl, path, i+1, inds, ids, refs); ok {
			out = append(out, ch)
			refs[ch.ID] = path
		}
	}
	return out, refs
}

func (c tomlChecker) choice(tbl map[string]any, path string, n int, inds []meeting.Indicator, ids, refs map[string]string) (meeting.Choice, bool) {
	var ch meeting.Choice
	name := phrase("problem.ChoiceN", n)
	id, idOK := c.str(tbl, path, "id")
	if idOK && id != "" {
		name = phrase("problem.ChoiceID", id)
	}
	c.unknownKeys(tbl, path, choiceKeys(), name, strings.Join(choiceKeys(), ", "))
	unique := false
	switch {
	case !idOK:
		if _, present := tbl["id"]; !present {
			c.probs.add(c.idx.headerAt(path), "problem.NoID", name)
		}
	case id == "":
		c.probs.add(c.idx.valueAt(path+".id"), "problem.IDEmpty", name)
	case refs[id] != "":
		c.probs.add(c.idx.valueAt(path+".id"), "problem.ChoiceIDTaken", id, c.idx.valueAt(refs[id]+".id").Line)
	default:
		unique = true
		if !indicatorID().MatchString(id) {
			c.probs.add(c.idx.valueAt(path+".id"), "problem.BadID", id)
		}
	}
	ch.ID = id
	ch.Title = c.requiredText(tbl, path, "title", name)

	known := func(id string) (meeting.Indicator, bool) {
		i := slices.IndexFunc(inds, func(ind meeting.Indicator) bool { return ind.ID == id })
		if i < 0 {
			return meeting.Indicator{}, false
		}
		return inds[i], true
	}
	opts, optsOK := c.strList(tbl, path, "options", name)
	for i, o := range opts {
		at := c.idx.valueAt(fmt.Sprintf("%s.options[%d]", path, i))
		ind, ok := known(o)
		switch {
		case o == "":
			c.probs.add(at, "problem.IndicatorRefEmpty", i+1, name)
		case !ok:
			c.probs.add(at, "problem.UnknownIndicatorRef", name, o, strings.Join(sortedByLine(ids, c.idx), ", "))
		case slices.Contains(opts[:i], o):
			c.probs.add(at, "problem.IndicatorTwice", name, o)
		case ind.Unit != meeting.UnitPercent:
			c.probs.add(at, "problem.ChoiceOptionUnit", name, o, string(ind.Unit))
		default:
			ch.Options = append(ch.Options, o)
		}
	}
	if _, present := tbl["options"]; !present {
		c.probs.add(c.idx.headerAt(path), "problem.ChoiceNoOptions", name)
	} else if optsOK && len(opts) < 2 {
		c.probs.add(c.idx.valueAt(path+".options"), "problem.ChoiceFewOptions", name, len(opts))
	}

	if pref, ok := c.str(tbl, path, "preferred"); ok {
		if !slices.Contains(opts, pref) {
			c.probs.add(c.idx.valueAt(path+".preferred"), "problem.ChoicePreferred", pref, name, strings.Join(opts, ", "))
		}
		ch.Preferred = pref
	} else if _, present := tbl["preferred"]; !present {
		c.probs.add(c.idx.headerAt(path), "problem.ChoiceNoPreferred", name)
	}
	ch.Target = c.mark(tbl, path, "target", name, meeting.UnitPercent)
	ch.Guess, _ = c.boolean(tbl, path, "guess")
	return ch, unique
}

// ChoiceKeys are the keys `pack check` accepts in each [[choice]]; the
// README's pack-format section lists the same (a test compares them).
func ChoiceKeys() []string { return choiceKeys() }

// starterChoice shows a [[choice]] in `pack new`'s pack.toml, commented
// out: it needs two or more % indicators that count the options.
const starterChoice = `
# Et valg mellem muligheder (fx hvilket antibiotikum ved UVI) vises som én
# søjle pr. praksis delt i 100 %; mulighederne er %-indikatorer med fælles nævner:
# [[choice]]
# id = "uvi-valg"
# title = "Valg af antibiotikum ved UVI"
# options = ["uvi-pivmecillinam", "uvi-sulfamethizol"]   # id'er fra [[indicator]], unit = "%"
# preferred = "uvi-pivmecillinam"   # den anbefalede; søjlerne ordnes efter dens andel
# target = 75            # valgfri: mål for den anbefalede andel i %
# guess = true           # valgfri: rummet gætter, før tallene vises
`

// ChoiceWarnings words, in lang, the practices whose rows for a choice of
// p make no stacked bar (meeting.ChoiceMisfits): `pack check` says it of
// the pack's data.csv, `data import` of the meeting's figures with the
// file's. Not a problem: the other figures are good, and the chart names
// the practice's code without a bar.
func ChoiceWarnings(p meeting.Pack, rows []meeting.DataRow, lang string) []string {
	t := msg.For(lang).T
	var out []string
	for _, mf := range meeting.ChoiceMisfits(p, rows) {
		switch mf.Kind {
		case meeting.MisfitMissing:
			out = append(out, t("problem.WarnChoiceMissing", mf.Ydernummer, strings.Join(mf.Options, ", "), mf.Choice))
		case meeting.MisfitNoCounts:
			out = append(out, t("problem.WarnChoiceNoCounts", mf.Ydernummer, strings.Join(mf.Options, ", "), mf.Choice))
		case meeting.MisfitDenominators:
			dens := make([]string, len(mf.Denominators))
			for i, d := range mf.Denominators {
				dens[i] = meeting.FormatNumber(d, meeting.UnitCount, lang)
			}
			out = append(out, t("problem.WarnChoiceDenominators", mf.Ydernummer, strings.Join(dens, ", "), mf.Choice))
		case meeting.MisfitOver:
			out = append(out, t("problem.WarnChoiceOver", mf.Ydernummer, meeting.FormatNumber(mf.Denominators[0], meeting.UnitCount, lang), mf.Choice))
		}
	}
	return out
}
