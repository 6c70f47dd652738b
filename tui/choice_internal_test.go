package tui

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	goldenfile "github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

// uviChoice is the stacked chart of the choice fixture pack
// (meeting/pack/testdata/uvi) under fixed codes.
func uviChoice(t *testing.T) meeting.ChoiceChart {
	t.Helper()
	dir := filepath.Join("..", "meeting", "pack", "testdata", "uvi")
	p, err := pack.Read(os.DirFS(dir), "uvi")
	if err != nil {
		t.Fatal(err)
	}
	yds := []string{"027475", "038816", "047318", "056183", "061442", "085290", "093561", "112905", "119648", "128774", "141317", "150237", "163920", "174063"}
	m := meeting.Meeting{Pack: p, Values: p.Data}
	if m.Codes, err = meeting.NewCodes(yds, rand.NewChaCha8([32]byte{7})); err != nil {
		t.Fatal(err)
	}
	c, err := m.ChoiceChart("uvi-valg", nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func choiceTestView(c meeting.ChoiceChart, w, h int, lang string) choiceView {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	// The credibility line as a meeting of the fixture's 14 practices
	// gives it, with the pack's source.
	codes := map[string]string{}
	for i := range 14 {
		codes[fmt.Sprint(i)] = fmt.Sprint(i)
	}
	cred := meeting.Meeting{Pack: meeting.Pack{Source: "Sentinel"}, Codes: codes}.ChoiceCredibility(c)
	return choiceView{chart: c, width: w, height: h, page: "1/2", styles: NewStyles(r, ThemeDark), strs: chartText(lang), lang: lang, cred: cred}
}

// TestChoiceGolden: the stacked chart in the body of a laptop's 80x24 (paged), a
// projector's 200x60 (every practice, thick bars, every share), in a guess
// round, and in English. Refresh with go test ./tui -run TestChoiceGolden -update.
func TestChoiceGolden(t *testing.T) {
	c := uviChoice(t)
	for _, tc := range []struct {
		name   string
		w, h   int
		lang   string
		hidden bool
	}{
		// The body a terminal of 80x24 leaves the chart (header and
		// footer take 5 lines): the bars page.
		{"80x24", 80, 19, "da", false},
		{"80x24_guess", 80, 19, "da", true},
		{"200x60", 200, 55, "da", false},
		{"120x35_en", 120, 30, "en", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := choiceTestView(c, tc.w, tc.h, tc.lang)
			v.hidden = tc.hidden
			frame := v.render()
			lines := strings.Split(frame, "\n")
			if len(lines) != tc.h {
				t.Errorf("%d lines, want %d", len(lines), tc.h)
			}
			for i, l := range lines {
				if w := lipgloss.Width(l); w > tc.w {
					t.Errorf("line %d is %d cells wide", i+1, w)
				}
			}
			goldenfile.RequireEqual(t, []byte(frame))
		})
	}
}

// TestChoiceFitsEverySize: at every size from 80x24 up, a page shows a
// whole number of bars, the cluster's mix, the axis, and no bar is cut;
// paging reaches every practice.
func TestChoiceFitsEverySize(t *testing.T) {
	c := uviChoice(t)
	for _, sz := range [][2]int{{80, 19}, {100, 25}, {160, 43}, {200, 55}} {
		v := choiceTestView(c, sz[0], sz[1], "da")
		seen := map[string]bool{}
		for v.offset = 0; v.offset < len(c.Bars); v.offset += max(1, v.barRows()-1) {
			frame := v.render()
			if !strings.Contains(frame, "Klyngen ") || !strings.Contains(frame, "┴") {
				t.Fatalf("%dx%d: no mix or axis:\n%s", sz[0], sz[1], frame)
			}
			for _, l := range strings.Split(frame, "\n") {
				if lipgloss.Width(l) > sz[0] {
					t.Fatalf("%dx%d: line too wide: %q", sz[0], sz[1], l)
				}
				if label, rest, ok := strings.Cut(strings.TrimLeft(l, " "), " "); ok && len(label) <= 2 && strings.ContainsAny(rest, "█▒░·│") {
					seen[label] = true
				}
			}
			if len(c.Bars) <= v.barRows() {
				break
			}
		}
		for _, b := range c.Bars {
			if !seen[b.Label] {
				t.Errorf("%dx%d: %s never shown", sz[0], sz[1], b.Label)
			}
		}
	}
}

// TestChoiceSharesAddUp: every drawn bar's shares, as the room reads
// them, add up to 100, and its segments fill the bar exactly.
func TestChoiceSharesAddUp(t *testing.T) {
	c := uviChoice(t)
	v := choiceTestView(c, 200, 60, "da")
	shares := regexp.MustCompile(`((?:\d+ · )+\d+) %$`)
	rows := 0
	for _, l := range strings.Split(v.render(), "\n") {
		m := shares.FindStringSubmatch(strings.TrimRight(l, " "))
		if m == nil {
			continue
		}
		rows++
		sum := 0
		for _, s := range strings.Split(m[1], " · ") {
			n, _ := strconv.Atoi(s)
			sum += n
		}
		if sum != 100 {
			t.Errorf("shares add up to %d: %q", sum, l)
		}
		// The bar between the label and the shares is barW cells, with
		// no gap: every cell is a segment's glyph or the target's line.
		bar := strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(l, " "), m[0]))
		if _, bar, _ = strings.Cut(bar, " "); strings.ContainsRune(bar, ' ') {
			t.Errorf("a gap in the stacked bar: %q", l)
		}
	}
	if want := c.Counted + 1; rows != want {
		t.Errorf("%d rows with shares, want %d (the mix and %d practices)", rows, want, c.Counted)
	}
}

// TestChoiceWithoutOptionsDraws: a choice whose options a damaged
// snapshot lost draws its title and "no figures", not a panic.
func TestChoiceWithoutOptionsDraws(t *testing.T) {
	for _, w := range []int{80, 200} {
		v := choiceTestView(meeting.ChoiceChart{Choice: meeting.Choice{ID: "x", Title: "Valg"}}, w, 19, "da")
		if frame := v.render(); !strings.Contains(frame, "Valg") || !strings.Contains(frame, v.strs.NoValues) {
			t.Errorf("%d wide:\n%s", w, frame)
		}
	}
}
