package tui

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
)

// slidesCommon builds a Common the way tui.New does, with the given
// language, theme and colour profile and no store.
func slidesCommon(lang string, theme ThemeName, profile termenv.Profile) *Common {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	text := Language(lang)
	return &Common{
		Ctx:      context.Background(),
		Renderer: r,
		Styles:   NewStyles(r, theme),
		Keys:     DefaultKeyMap(text),
		Text:     text,
	}
}

// demoSlides are the embedded demo pack's slides.
func demoSlides(tb testing.TB) []meeting.Slide {
	tb.Helper()
	name := path.Join(klynge.DemoPackDir, "slides.md")
	src, err := fs.ReadFile(klynge.DemoFS(), name)
	if err != nil {
		tb.Fatal(err)
	}
	slides, err := pack.ParseSlides(src, name)
	if err != nil {
		tb.Fatal(err)
	}
	return slides
}

// newTestSlides is a slides screen in Danish, dark, without colour, at the
// given size, showing slides.
func newTestSlides(slides []meeting.Slide, w, h int) *slidesScreen {
	s := newSlidesScreen(slidesCommon("da", ThemeDark, termenv.Ascii))
	s.SetSize(w, h)
	s.setSlides(slides)
	return s
}

// longSlide has a heading and n numbered bullets, far more than a screen.
func longSlide(n int) meeting.Slide {
	var b strings.Builder
	b.WriteString("# En lang liste\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "- punkt nummer %03d\n", i)
	}
	return meeting.Slide{Body: b.String(), Notes: "Gå hurtigt igennem listen."}
}

func slidesKey(s string) tea.KeyMsg {
	switch s {
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func press(s *slidesScreen, keys ...string) {
	for _, k := range keys {
		s.Update(slidesKey(k))
	}
}

// assertSlidesFit checks a view is exactly h lines of at most w cells.
func assertSlidesFit(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("%d×%d: view has %d lines, want %d", w, h, len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("%d×%d: line %d is %d cells wide: %q", w, h, i+1, lw, l)
		}
	}
}

// lastLine is the status line.
func lastLine(view string) string {
	lines := strings.Split(view, "\n")
	return lines[len(lines)-1]
}

func TestSlidesNavigation(t *testing.T) {
	demo := demoSlides(t)
	if len(demo) != 8 {
		t.Fatalf("demo has %d slides, the tests expect 8", len(demo))
	}
	tests := []struct {
		name string
		keys []string
		want int
	}{
		{"starts on the first", nil, 1},
		{"l goes forward", []string{"l"}, 2},
		{"right arrow goes forward", []string{"right", "right"}, 3},
		{"space goes forward", []string{"space"}, 2},
		{"h goes back", []string{"l", "l", "h"}, 2},
		{"left arrow goes back", []string{"l", "left"}, 1},
		{"no wrap before the first", []string{"h", "left", "h"}, 1},
		{"no wrap past the last", slices.Repeat([]string{"l"}, 12), 8},
		{"back from the last", append(slices.Repeat([]string{"l"}, 12), "h"), 7},
		{"other keys do nothing", []string{"enter", "esc", "x", "?"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSlides(demo, 80, 19)
			press(s, tt.keys...)
			n, total := s.Position()
			if n != tt.want || total != 8 {
				t.Errorf("Position() = %d, %d; want %d, 8", n, total, tt.want)
			}
			if want := fmt.Sprintf("Dias %d/8", tt.want); !strings.Contains(lastLine(s.View()), want) {
				t.Errorf("status line %q lacks %q", lastLine(s.View()), want)
			}
		})
	}
}

func TestSlidesPaging(t *testing.T) {
	slides := []meeting.Slide{longSlide(60), {Body: "# Kort\n\nKun én linje."}}
	tests := []struct {
		name      string
		keys      []string
		visible   []string // lines that must show
		hidden    []string // lines that must not
		more      bool     // "▼ mere" on the status line
		wantIndex int
	}{
		{"top of a long slide", nil,
			[]string{"# En lang liste", "punkt nummer 001"}, []string{"punkt nummer 060"}, true, 1},
		{"pgdown pages on", []string{"pgdown"},
			[]string{"punkt nummer 020"}, []string{"# En lang liste", "punkt nummer 001"}, true, 1},
		{"d pages on too", []string{"d"},
			[]string{"punkt nummer 020"}, []string{"punkt nummer 001"}, true, 1},
		{"paging stops at the end", slices.Repeat([]string{"pgdown"}, 10),
			[]string{"punkt nummer 060"}, []string{"punkt nummer 001"}, false, 1},
		{"pgup goes back", []string{"pgdown", "pgdown", "pgup", "u"},
			[]string{"# En lang liste", "punkt nummer 001"}, nil, true, 1},
		{"down scrolls a line", []string{"down"},
			[]string{"punkt nummer 001"}, []string{"# En lang liste"}, true, 1},
		{"up stops at the top", []string{"up", "up", "k"},
			[]string{"# En lang liste"}, nil, true, 1},
		{"next slide starts at its top", []string{"pgdown", "l"},
			[]string{"# Kort", "Kun én linje."}, nil, false, 2},
		{"back again starts at the top", []string{"pgdown", "pgdown", "l", "h"},
			[]string{"# En lang liste", "punkt nummer 001"}, nil, true, 1},
		{"a short slide does not page", []string{"l", "pgdown", "d"},
			[]string{"# Kort", "Kun én linje."}, nil, false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSlides(slides, 80, 19)
			press(s, tt.keys...)
			view := s.View()
			assertSlidesFit(t, view, 80, 19)
			for _, v := range tt.visible {
				if !strings.Contains(view, v) {
					t.Errorf("view lacks %q:\n%s", v, view)
				}
			}
			for _, h := range tt.hidden {
				if strings.Contains(view, h) {
					t.Errorf("view shows %q:\n%s", h, view)
				}
			}
			if got := strings.Contains(lastLine(view), "▼ mere"); got != tt.more {
				t.Errorf("status line %q: more marker %v, want %v", lastLine(view), got, tt.more)
			}
			if n, _ := s.Position(); n != tt.wantIndex {
				t.Errorf("on slide %d, want %d", n, tt.wantIndex)
			}
		})
	}
}

func TestSlidesNotes(t *testing.T) {
	demo := demoSlides(t)
	const title = "Noter – ikke til projektor"
	first := "Præsentér dig kort"
	second := "Spørg salen"
	tests := []struct {
		name      string
		keys      []string
		shown     bool
		visible   []string
		hidden    []string
		wantSlide int
	}{
		{"hidden by default", nil, false,
			[]string{"KOL i almen praksis"}, []string{title, first, "noter vises"}, 1},
		{"N shows them", []string{"N"}, true,
			[]string{title, first, "Dias 1/8", "noter vises"}, []string{"Klyngemøde, efteråret 2026"}, 1},
		{"n is not N", []string{"n"}, false,
			nil, []string{title, first}, 1},
		{"N again hides them", []string{"N", "N"}, false,
			[]string{"KOL i almen praksis"}, []string{title, first}, 1},
		{"next slide keeps them shown", []string{"N", "l"}, true,
			[]string{title, second, "Dias 2/8"}, []string{first}, 2},
		{"a slide without notes says so", []string{"N", "l", "l"}, true,
			[]string{title, "(ingen noter)", "Dias 3/8"}, []string{second}, 3},
		{"hidden notes stay hidden on the next slide", []string{"l"}, false,
			[]string{"Hvorfor tale om KOL?"}, []string{title, second}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSlides(demo, 80, 19)
			press(s, tt.keys...)
			if s.NotesShown() != tt.shown {
				t.Errorf("NotesShown() = %v, want %v", s.NotesShown(), tt.shown)
			}
			view := s.View()
			assertSlidesFit(t, view, 80, 19)
			for _, v := range tt.visible {
				if !strings.Contains(view, v) {
					t.Errorf("view lacks %q:\n%s", v, view)
				}
			}
			for _, h := range tt.hidden {
				if strings.Contains(view, h) {
					t.Errorf("view shows %q:\n%s", h, view)
				}
			}
			if n, _ := s.Position(); n != tt.wantSlide {
				t.Errorf("on slide %d, want %d", n, tt.wantSlide)
			}
		})
	}
}

func TestSlidesNotesPaging(t *testing.T) {
	long := strings.Repeat("En lang note om noget vigtigt.\n\n", 40) + "Sidste note."
	s := newTestSlides([]meeting.Slide{{Body: "# Et dias", Notes: long}}, 80, 19)
	press(s, "N")
	if v := s.View(); strings.Contains(v, "Sidste note.") || !strings.Contains(lastLine(v), "▼ mere") {
		t.Fatalf("long notes should start at the top with more below:\n%s", v)
	}
	press(s, slices.Repeat([]string{"pgdown"}, 20)...)
	v := s.View()
	assertSlidesFit(t, v, 80, 19)
	if !strings.Contains(v, "Sidste note.") || !strings.Contains(v, "Noter – ikke til projektor") {
		t.Errorf("paged to the end, the notes title and last note should show:\n%s", v)
	}
	press(s, "N")
	if v := s.View(); !strings.Contains(v, "# Et dias") || strings.Contains(v, "vigtigt") {
		t.Errorf("hiding the notes should show the slide from its top:\n%s", v)
	}
}

func TestSlidesSetSlides(t *testing.T) {
	demo := demoSlides(t)
	other := []meeting.Slide{{Body: "# Andet oplæg", Notes: "Andre noter."}, {Body: "# Side to"}}

	t.Run("same slides keep position and notes", func(t *testing.T) {
		s := newTestSlides(demo, 80, 19)
		press(s, "l", "l", "N")
		renders := s.renders
		s.setSlides(slices.Clone(demo)) // equal content, another slice
		if n, _ := s.Position(); n != 3 || !s.NotesShown() {
			t.Errorf("Position() = %d, NotesShown() = %v; want 3, true", n, s.NotesShown())
		}
		if s.renders != renders {
			t.Errorf("same slides rendered again")
		}
	})
	t.Run("different slides reset to the first and hide notes", func(t *testing.T) {
		s := newTestSlides(demo, 80, 19)
		press(s, "l", "l", "N")
		s.setSlides(other)
		n, total := s.Position()
		if n != 1 || total != 2 || s.NotesShown() {
			t.Errorf("Position() = %d, %d, NotesShown() = %v; want 1, 2, false", n, total, s.NotesShown())
		}
		v := s.View()
		if !strings.Contains(v, "# Andet oplæg") || strings.Contains(v, "Andre noter.") {
			t.Errorf("view should show the new first slide without notes:\n%s", v)
		}
	})
	t.Run("an edited slide counts as different", func(t *testing.T) {
		s := newTestSlides(demo, 80, 19)
		press(s, "l", "N")
		edited := slices.Clone(demo)
		edited[1].Notes += " Og én ting mere."
		s.setSlides(edited)
		if n, _ := s.Position(); n != 1 || s.NotesShown() {
			t.Errorf("Position() = %d, NotesShown() = %v; want 1, false", n, s.NotesShown())
		}
	})
	t.Run("slides before the size is known", func(t *testing.T) {
		s := newSlidesScreen(slidesCommon("da", ThemeDark, termenv.Ascii))
		s.setSlides(demo)
		if v := s.View(); v != "" {
			t.Errorf("view before SetSize = %q, want empty", v)
		}
		press(s, "l", "N", "pgdown")
		s.SetSize(80, 19)
		v := s.View()
		assertSlidesFit(t, v, 80, 19)
		if !strings.Contains(v, "Spørg salen") || !strings.Contains(v, "Dias 2/8") {
			t.Errorf("after SetSize the notes of slide 2 should show:\n%s", v)
		}
	})
}

func TestSlidesZero(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		for _, slides := range [][]meeting.Slide{nil, {}} {
			t.Run(fmt.Sprintf("%s/%d", lang, len(slides)), func(t *testing.T) {
				s := newSlidesScreen(slidesCommon(lang, ThemeDark, termenv.Ascii))
				s.SetSize(80, 19)
				s.setSlides(slides)
				press(s, "l", "h", "right", "left", "space", "pgdown", "pgup", "d", "u", "up", "down", "N", "enter", "esc")
				if n, total := s.Position(); n != 0 || total != 0 {
					t.Errorf("Position() = %d, %d; want 0, 0", n, total)
				}
				want := "Ingen dias i pakken"
				if lang == "en" {
					want = "This pack has no slides"
				}
				v := s.View()
				assertSlidesFit(t, v, 80, 19)
				lines := strings.Split(v, "\n")
				mid := lines[len(lines)/2]
				if !strings.Contains(mid, want) {
					t.Errorf("middle line %q lacks %q:\n%s", mid, want, v)
				}
				if i := strings.Index(mid, want); i < 20 {
					t.Errorf("message not centred: starts at %d in %q", i, mid)
				}
				s.SetSize(20, 5)
				assertSlidesFit(t, s.View(), 20, 5)
				_ = s.ShortHelp()
				_ = s.FullHelp()
			})
		}
	}
}

func TestSlidesFit(t *testing.T) {
	slides := append(demoSlides(t), longSlide(80),
		meeting.Slide{Body: "# Et link\n\nSe https://www.sundhed.dk/sundhedsfaglig/laegehaandbogen/lunger/tilstande-og-sygdomme/kol/kronisk-obstruktiv-lungesygdom-kol/ for detaljer.\n\n```\nfunc main() {\n\tfmt.Println(\"en meget lang kodelinje der bliver ved og ved og ved og ved og ved og ved og ved\")\n}\n```\n\n| Praksis | Andel |\n|---|---|\n| Lægerne i Byen | 45 % |\n",
			Notes: strings.Repeat("Mange noter. ", 200)})
	check := func(t *testing.T, s *slidesScreen, w, h int) {
		t.Helper()
		_, total := s.Position()
		for i := 0; i < total; i++ {
			for _, notes := range []bool{false, true} {
				if s.NotesShown() != notes {
					press(s, "N")
				}
				for page := 0; page < 6; page++ {
					v := s.View()
					assertSlidesFit(t, v, w, h)
					if h > 0 && !strings.Contains(lastLine(v), fmt.Sprintf("Dias %d/%d", i+1, total)) && w >= 40 {
						t.Errorf("%d×%d slide %d: status line %q", w, h, i+1, lastLine(v))
					}
					press(s, "pgdown")
				}
			}
			press(s, "N", "l")
		}
		press(s, slices.Repeat([]string{"h"}, total)...)
	}
	for _, size := range [][2]int{{80, 19}, {200, 55}, {80, 24}, {120, 30}, {100, 3}, {30, 8}, {10, 2}, {1, 1}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := newTestSlides(slides, size[0], size[1])
			check(t, s, size[0], size[1])
		})
	}
	for _, theme := range []ThemeName{ThemeDark, ThemeLight} {
		t.Run("colour "+string(theme), func(t *testing.T) {
			for _, size := range [][2]int{{80, 19}, {200, 55}} {
				s := newSlidesScreen(slidesCommon("da", theme, termenv.TrueColor))
				s.SetSize(size[0], size[1])
				s.setSlides(slides)
				check(t, s, size[0], size[1])
			}
		})
	}
	t.Run("resized", func(t *testing.T) {
		s := newTestSlides(slides, 200, 55)
		press(s, "l", "l", "l", "l", "l", "l", "l", "l", "pgdown", "pgdown", "pgdown")
		for _, size := range [][2]int{{80, 19}, {200, 55}, {81, 20}, {80, 19}, {150, 40}} {
			s.SetSize(size[0], size[1])
			v := s.View()
			assertSlidesFit(t, v, size[0], size[1])
			if n, _ := s.Position(); n != 9 {
				t.Errorf("resize moved to slide %d", n)
			}
			if !strings.Contains(v, "punkt nummer") {
				t.Errorf("%d×%d: paged view lost the long slide:\n%s", size[0], size[1], v)
			}
		}
		s.SetSize(80, 19)
		press(s, slices.Repeat([]string{"pgdown"}, 20)...)
		s.SetSize(200, 55) // a taller screen pulls the end of the slide up
		v := s.View()
		if !strings.Contains(v, "punkt nummer 080") || !strings.Contains(v, "punkt nummer 040") {
			t.Errorf("after growing, the view should fill with the end of the slide:\n%s", v)
		}
	})
	t.Run("wide screens cap and centre the text", func(t *testing.T) {
		s := newTestSlides(slides, 200, 55)
		v := s.View()
		for i, l := range strings.Split(v, "\n") {
			if l == "" {
				continue
			}
			text := strings.TrimLeft(l, " ")
			if indent := len(l) - len(text); indent < 40 {
				t.Errorf("line %d indented %d, want the text centred: %q", i+1, indent, l)
			}
			if lipgloss.Width(l) > 150 {
				t.Errorf("line %d reaches column %d: %q", i+1, lipgloss.Width(l), l)
			}
		}
	})
}

func TestSlidesEnglish(t *testing.T) {
	s := newSlidesScreen(slidesCommon("en", ThemeDark, termenv.Ascii))
	s.SetSize(80, 19)
	s.setSlides(append([]meeting.Slide{longSlide(40)}, demoSlides(t)...))
	v := s.View()
	if st := lastLine(v); !strings.Contains(st, "Slide 1/9") || !strings.Contains(st, "▼ more") {
		t.Errorf("status line %q", st)
	}
	press(s, "N")
	v = s.View()
	for _, want := range []string{"Notes – not for the projector", "● notes shown"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	press(s, "l", "l", "l") // demo slide 3 has no notes
	if v := s.View(); !strings.Contains(v, "(no notes)") || strings.Contains(v, "Dias") {
		t.Errorf("slide 4 has no notes:\n%s", v)
	}
	if h := s.ShortHelp(); len(h) < 2 || h[1].Help().Desc != "previous" {
		t.Errorf("short help not in English: %+v", h)
	}
}

func TestSlidesGolden(t *testing.T) {
	demo := demoSlides(t)
	for _, tt := range []struct {
		name string
		keys []string
	}{
		{"notes_hidden", nil},
		{"notes_shown", []string{"N"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSlides(demo, 80, 19)
			press(s, tt.keys...)
			v := s.View()
			assertSlidesFit(t, v, 80, 19)
			if strings.Contains(v, "\x1b") {
				t.Errorf("ASCII profile output has escape codes: %q", v)
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestSlidesColour(t *testing.T) {
	demo := demoSlides(t)
	view := func(theme ThemeName, profile termenv.Profile) string {
		s := newSlidesScreen(slidesCommon("da", theme, profile))
		s.SetSize(80, 19)
		s.setSlides(demo)
		return s.View()
	}
	dark := view(ThemeDark, termenv.TrueColor)
	light := view(ThemeLight, termenv.TrueColor)
	if !strings.Contains(dark, "\x1b[") {
		t.Errorf("dark theme in true colour has no escape codes")
	}
	if dark == light {
		t.Errorf("dark and light themes render the same")
	}
	assertSlidesFit(t, dark, 80, 19)
	assertSlidesFit(t, light, 80, 19)
	for _, theme := range []ThemeName{ThemeDark, ThemeLight} {
		if v := view(theme, termenv.Ascii); strings.Contains(v, "\x1b") {
			t.Errorf("%s theme without colour has escape codes", theme)
		}
	}

	t.Run("restyle switches theme and caches", func(t *testing.T) {
		c := slidesCommon("da", ThemeDark, termenv.TrueColor)
		s := newSlidesScreen(c)
		s.SetSize(80, 19)
		s.setSlides(demo)
		press(s, "l", "N")
		_ = s.View() // shown in dark first
		c.Styles = NewStyles(c.Renderer, ThemeLight)
		s.restyle()
		if n, _ := s.Position(); n != 2 || !s.NotesShown() {
			t.Errorf("restyle changed the position or notes")
		}
		press(s, "N", "h")
		if got := s.View(); got != light {
			t.Errorf("after restyle to light the view differs from a light screen's")
		}
		renders := s.renders
		c.Styles = NewStyles(c.Renderer, ThemeDark)
		s.restyle()
		if got := s.View(); got != dark {
			t.Errorf("after restyle back to dark the view differs from a dark screen's")
		}
		if s.renders != renders {
			t.Errorf("switching back to dark rendered again instead of using the cache")
		}
	})
}

func TestSlidesRenderOutsideView(t *testing.T) {
	s := newTestSlides(demoSlides(t), 80, 19)
	if s.renders != 0 {
		t.Errorf("setting the slides and the size rendered %d times before they were shown", s.renders)
	}
	_ = s.View()
	renders := s.renders
	if renders != 1 {
		t.Errorf("the first view rendered %d times, want once", renders)
	}
	for range 3 {
		_ = s.View()
		press(s, "l", "N", "pgdown", "N")
	}
	s.SetSize(80, 19)
	_ = s.View()
	if s.renders != renders {
		t.Errorf("View, keys or the same size rendered %d times", s.renders-renders)
	}
	s.SetSize(100, 30)
	s.SetSize(120, 30)
	_ = s.View()
	if s.renders != renders+1 {
		t.Errorf("two new widths, then a view, rendered %d times, want once", s.renders-renders)
	}
}

func BenchmarkSlidesView(b *testing.B) {
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
		b.Run(profile.Name(), func(b *testing.B) {
			s := newSlidesScreen(slidesCommon("da", ThemeDark, profile))
			s.SetSize(80, 19)
			s.setSlides(demoSlides(b))
			b.ReportAllocs()
			for b.Loop() {
				_ = s.View()
			}
		})
	}
}
