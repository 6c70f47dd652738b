// Package pack reads and checks pack folders (klyngepakker), rosters and
// data files. Every problem names its file, line and column and says what
// to do, and all problems are reported at once, so a coordinator can fix a
// pack in one round.
package pack

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// The files of a pack folder.
const (
	PackFile   = "pack.toml"
	SlidesFile = "slides.md"
	DataFile   = "data.csv"
)

// Read reads and checks the pack folder at the root of fsys: pack.toml, and
// slides.md and data.csv when present. label is how the folder is named in
// messages (e.g. "testdata/demo/kol"), so problems read
// "testdata/demo/kol/pack.toml:12:8: …". Columns count characters. When the
// pack is invalid the error is Problems holding every problem found, sorted
// by file, line and column.
func Read(fsys fs.FS, label string) (meeting.Pack, error) {
	name := func(file string) string {
		if label == "" {
			return file
		}
		return filepath.Join(label, file)
	}
	var all Problems

	packProbs := problemList{file: name(PackFile)}
	var p meeting.Pack
	packOK := false
	if t, ok := readText(fsys, PackFile, &packProbs, "problem.NoPackFile"); ok && t.checkUTF8(&packProbs, "") {
		p, packOK = decodePack(t, &packProbs)
	}
	all = append(all, packProbs.list...)

	slideProbs := problemList{file: name(SlidesFile)}
	if t, ok := readOptional(fsys, SlidesFile, &slideProbs); ok {
		p.Slides = parseSlides(t, &slideProbs)
	} else if talk := slices.IndexFunc(p.Agenda, isTalk); talk >= 0 && len(slideProbs.list) == 0 {
		slideProbs.add(pos{}, "problem.NoSlidesFile", talk+1)
	}
	all = append(all, slideProbs.list...)

	dataProbs := problemList{file: name(DataFile)}
	if t, ok := readOptional(fsys, DataFile, &dataProbs); ok {
		// Without a valid pack.toml the ids cannot be checked, but the
		// file's own problems are still worth reporting in the same round.
		var inds []meeting.Indicator
		if packOK {
			inds = p.Indicators
		}
		p.Data = parseData(t, &dataProbs, dataCheck{indicators: inds})
	}
	all = append(all, dataProbs.list...)

	if err := all.err(); err != nil {
		return meeting.Pack{}, err
	}
	return p, nil
}

func isTalk(item meeting.AgendaItem) bool { return item.Kind == meeting.KindTalk }

// ReadDir reads the pack folder dir on disk; problems name its files with
// dir in front, as given. A missing folder, or a path that is not a
// folder, is a single Problem that says what to do.
func ReadDir(dir string) (meeting.Pack, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return meeting.Pack{}, problem(dir, "problem.NoPackFolder")
	case errors.Is(err, fs.ErrPermission):
		return meeting.Pack{}, problem(dir, "problem.PackFolderDenied")
	case err != nil:
		return meeting.Pack{}, problem(dir, "problem.PackFolder", unwrapPath(err))
	case !info.IsDir():
		if filepath.Base(dir) == PackFile {
			return meeting.Pack{}, problem(dir, "problem.NotFolderPackFile", filepath.Dir(dir))
		}
		return meeting.Pack{}, problem(dir, "problem.NotFolder")
	}
	return Read(os.DirFS(dir), dir)
}

// readText reads a file that must be there; missing is the key of the
// problem that says what to do when it is not.
func readText(fsys fs.FS, file string, probs *problemList, missing string) (*text, bool) {
	src, err := fs.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		probs.add(pos{}, missing)
		return nil, false
	}
	return checkRead(src, err, probs)
}

// readOptional reads a file the pack may leave out; ok is false when it is
// absent or unreadable (then with a problem).
func readOptional(fsys fs.FS, file string, probs *problemList) (*text, bool) {
	src, err := fs.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	return checkRead(src, err, probs)
}

func checkRead(src []byte, err error, probs *problemList) (*text, bool) {
	switch {
	case errors.Is(err, fs.ErrPermission):
		probs.add(pos{}, "problem.Denied")
		return nil, false
	case err != nil:
		probs.add(pos{}, "problem.ReadFile", unwrapPath(err))
		return nil, false
	}
	return newText(src), true
}

// unwrapPath drops the path from a *fs.PathError, since problems already
// name the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Summary is the one-line description of a valid pack in the language
// lang, e.g. "KOL – diagnostik og opfølgning: 8 punkter, 120 min planlagt,
// 5 indikatorer, 8 dias, data for 14 praksisser".
func Summary(p meeting.Pack, lang string) string {
	t := msg.For(lang).T
	parts := []string{
		t("problem.SummaryItems", len(p.Agenda)),
		t("problem.SummaryPlanned", p.PlannedMinutes()),
		t("problem.SummaryIndicators", len(p.Indicators)),
	}
	if len(p.Slides) > 0 {
		parts = append(parts, t("problem.SummarySlides", len(p.Slides)))
	}
	if n := practiceCount(p.Data); n > 0 {
		parts = append(parts, t("problem.SummaryData", n))
	}
	return p.Title + ": " + strings.Join(parts, ", ")
}

func practiceCount(rows []meeting.DataRow) int {
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.Ydernummer] = true
	}
	return len(seen)
}

// Warnings lists, in the language lang, what in a valid pack weakens the
// anonymity rules without being wrong: a min_denominator under
// meeting.DefaultMinDenominator lets the room see, and the statistics
// count, practices with very few patients; a min_practices under
// meeting.DefaultMinPractices lets one practice work out another's value
// from its own and the mean.
func Warnings(p meeting.Pack, lang string) []string {
	t := msg.For(lang).T
	var out []string
	for _, ind := range p.Indicators {
		if ind.MinDenominator < meeting.DefaultMinDenominator {
			out = append(out, t("problem.WarnMinDenominator",
				ind.ID, ind.MinDenominator, meeting.DefaultMinDenominator, meeting.DefaultMinDenominator))
		}
		if ind.StatMinPractices() < meeting.DefaultMinPractices {
			out = append(out, t("problem.WarnMinPractices",
				ind.ID, ind.StatMinPractices(), meeting.DefaultMinPractices))
		}
	}
	return append(out, ChoiceWarnings(p, p.Data, lang)...)
}
