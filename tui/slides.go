package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"
	glamouransi "github.com/charmbracelet/glamour/ansi"
	glamourstyles "github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
)

// slidesMaxText is the widest the slide text gets on a wide screen; longer
// lines are hard to follow from the back of the room.
const slidesMaxText = 100

// slidesCacheSize bounds how many (width, theme, colour) renderings are kept,
// so dragging a window edge does not pile them up.
const slidesCacheSize = 4

// slidesStrings are the slides screen's own texts.
type slidesStrings struct {
	Position   string // format: slide, total
	More       string
	Above      string
	NotesShown string
	NotesTitle string
	NoNotes    string
	NoSlides   string
}

// slidesText returns the slides screen's texts in the language of
// Text.Lang: English for "en", Danish otherwise.
func slidesText(lang string) slidesStrings {
	if lang == "en" {
		return slidesStrings{
			Position:   "Slide %d/%d",
			More:       "▼ more",
			Above:      "▲",
			NotesShown: "● notes shown",
			NotesTitle: "Notes – not for the projector",
			NoNotes:    "(no notes)",
			NoSlides:   "This pack has no slides",
		}
	}
	return slidesStrings{
		Position:   "Dias %d/%d",
		More:       "▼ mere",
		Above:      "▲",
		NotesShown: "● noter vises",
		NotesTitle: "Noter – ikke til projektor",
		NoNotes:    "(ingen noter)",
		NoSlides:   "Ingen dias i pakken",
	}
}

// slidesRenderKey is everything a rendering depends on besides the slides.
type slidesRenderKey struct {
	width   int
	theme   ThemeName
	profile termenv.Profile
}

// renderedSlide is one slide as screen lines, already wrapped and indented
// to the body width.
type renderedSlide struct {
	body  []string
	notes []string // nil when the slide has none
}

// slidesScreen shows a talk's slides, rendered from Markdown with glamour.
// Slides are rendered once after they, the size or the theme change, when
// they are first needed (shown, paged, or warmed after the meeting's first
// frame): opening a meeting never waits for glamour. View picks lines out
// of the cache.
type slidesScreen struct {
	common *Common
	slides []meeting.Slide
	index  int
	// offset is the first line shown of the slide, or of its notes.
	offset int
	notes  bool
	width  int
	height int

	cache    map[slidesRenderKey][]renderedSlide
	rendered []renderedSlide
	// stale is set when rendered no longer fits the slides, size or
	// theme; ensure renders them again.
	stale bool
	// renders counts glamour passes, so tests can tell a cache hit.
	renders int
	// followed is the stored slide last followed (see follow).
	followed int
}

func newSlidesScreen(c *Common) *slidesScreen {
	return &slidesScreen{common: c, cache: map[slidesRenderKey][]renderedSlide{}}
}

// setSlides shows a talk's slides. The same slides again keep the position
// and the notes toggle; different slides start at slide 1 with notes hidden.
func (s *slidesScreen) setSlides(slides []meeting.Slide) {
	if slices.Equal(s.slides, slides) {
		return
	}
	s.slides = slices.Clone(slides)
	s.index, s.offset, s.notes = 0, 0, false
	clear(s.cache)
	s.render()
}

// SetSize sets the body area the screen may draw in.
func (s *slidesScreen) SetSize(width, height int) {
	s.width, s.height = max(0, width), max(0, height)
	s.render()
}

// restyle re-renders after the theme (Common.Styles) has changed.
func (s *slidesScreen) restyle() {
	s.render()
}

// Update steps between slides, pages inside one and toggles the notes.
func (s *slidesScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	if key.Matches(k, s.common.Keys.Back) {
		return []tea.Msg{backMsg{}}, nil
	}
	if len(s.slides) == 0 {
		return nil, nil
	}
	keys := s.common.Keys
	switch {
	case key.Matches(k, keys.Next):
		return s.turn(1), nil
	case key.Matches(k, keys.Prev):
		return s.turn(-1), nil
	case key.Matches(k, keys.ScrollDown):
		s.scroll(s.pageHeight())
	case key.Matches(k, keys.ScrollUp):
		s.scroll(-s.pageHeight())
	case key.Matches(k, keys.Down):
		s.scroll(1)
	case key.Matches(k, keys.Up):
		s.scroll(-1)
	case key.Matches(k, keys.Notes):
		s.notes = !s.notes
		s.offset = 0
	}
	return nil, nil
}

// Position is the slide shown and the number of slides, 1-based; 0, 0
// when there are none.
func (s *slidesScreen) Position() (slide, total int) {
	if len(s.slides) == 0 {
		return 0, 0
	}
	return s.index + 1, len(s.slides)
}

// showNotes puts the speaker's notes on screen; the root calls it only
// after the coordinator confirmed the warning.
func (s *slidesScreen) showNotes() { s.notes, s.offset = true, 0 }

// NotesShown reports whether the speaker's notes are on screen.
func (s *slidesScreen) NotesShown() bool { return s.notes }

func (s *slidesScreen) goTo(i int) {
	i = max(0, min(i, len(s.slides)-1))
	if i != s.index {
		s.index, s.offset = i, 0
	}
}

func (s *slidesScreen) scroll(n int) {
	s.offset += n
	s.clampOffset()
}

func (s *slidesScreen) clampOffset() {
	s.offset = max(0, min(s.offset, len(s.content())-s.pageHeight()))
}

// Layout, top to bottom: a blank line when there is room, the notes title
// and rule when notes are shown, the page of slide or notes lines, and the
// status line.

func (s *slidesScreen) topGap() int {
	if s.height >= 12 {
		return 1
	}
	return 0
}

func (s *slidesScreen) notesHeader() int {
	if s.notes {
		return min(2, max(0, s.height-1-s.topGap()))
	}
	return 0
}

// pageHeight is how many slide (or notes) lines fit above the status line.
func (s *slidesScreen) pageHeight() int {
	return max(0, s.height-1-s.topGap()-s.notesHeader())
}

// content is the lines being paged through: the current slide's, or its
// notes when they are shown.
func (s *slidesScreen) content() []string {
	s.ensure()
	if s.index >= len(s.rendered) {
		return nil
	}
	r := s.rendered[s.index]
	if s.notes {
		return r.notes
	}
	return r.body
}

func (s *slidesScreen) textWidth() int {
	if s.width < 24 {
		return s.width
	}
	return min(s.width-4, slidesMaxText)
}

func (s *slidesScreen) indent() int { return (s.width - s.textWidth()) / 2 }

func (s *slidesScreen) renderKey() slidesRenderKey {
	p := termenv.Ascii
	if r := s.common.Renderer; r != nil {
		p = r.ColorProfile()
	}
	return slidesRenderKey{width: s.width, theme: s.common.Styles.Theme, profile: p}
}

// render marks the rendered slides stale; ensure renders them when they
// are next needed.
func (s *slidesScreen) render() {
	s.stale = true
}

// ensure fills s.rendered for the current size and theme, from the cache
// or, on a miss, by glamour, when it is stale, and keeps the offset on
// the page.
func (s *slidesScreen) ensure() {
	if !s.stale {
		return
	}
	s.stale = false
	s.draw()
	s.clampOffset()
}

// draw fills s.rendered for the current size and theme from the cache,
// running glamour only on a miss.
func (s *slidesScreen) draw() {
	if s.width <= 0 || len(s.slides) == 0 {
		s.rendered = nil
		return
	}
	k := s.renderKey()
	if r, ok := s.cache[k]; ok {
		s.rendered = r
		return
	}
	s.rendered = s.renderAll(k)
	if len(s.cache) >= slidesCacheSize {
		clear(s.cache)
	}
	s.cache[k] = s.rendered
}

func (s *slidesScreen) renderAll(k slidesRenderKey) []renderedSlide {
	s.renders++
	tw := s.textWidth()
	pad := strings.Repeat(" ", s.indent())
	var style glamouransi.StyleConfig
	switch {
	case k.profile == termenv.Ascii:
		style = glamourstyles.NoTTYStyleConfig
	case k.theme == ThemeLight:
		style = glamourstyles.LightStyleConfig
	default:
		style = glamourstyles.DarkStyleConfig
	}
	// The screen places the text itself, so glamour's own margin goes.
	// style is a copy; the package's config is left alone.
	var noMargin uint
	style.Document.Margin = &noMargin
	opts := []glamour.TermRendererOption{
		glamour.WithStyles(style),
		glamour.WithWordWrap(tw),
		glamour.WithColorProfile(k.profile),
	}
	// A slide is laid out line by line, as on a title slide, so its line
	// breaks are kept; notes are prose and reflow to the width.
	body := markdownLines(tw, pad, append(opts, glamour.WithPreservedNewLines())...)
	notes := markdownLines(tw, pad, opts...)
	out := make([]renderedSlide, len(s.slides))
	for i, sl := range s.slides {
		out[i].body = body(sl.Body)
		if strings.TrimSpace(sl.Notes) != "" {
			out[i].notes = notes(sl.Notes)
		}
	}
	return out
}

// markdownLines returns a function rendering Markdown to screen lines of at
// most width cells after pad. Should glamour fail, the source is shown as
// it is, wrapped, rather than nothing.
func markdownLines(width int, pad string, opts ...glamour.TermRendererOption) func(string) []string {
	tr, err := glamour.NewTermRenderer(opts...)
	return func(src string) []string {
		src = strings.ReplaceAll(src, "\t", "    ")
		out := src
		if err == nil {
			if r, rerr := tr.Render(src); rerr == nil {
				out = r
			}
		}
		return slideLines(out, width, pad)
	}
}

// slideLines splits rendered Markdown into screen lines: blank lines at
// either end dropped, trailing spaces trimmed, anything wider than width
// (a long word or URL) broken, and every line indented by pad.
func slideLines(rendered string, width int, pad string) []string {
	raw := strings.Split(rendered, "\n")
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(raw) > 0 && blank(raw[0]) {
		raw = raw[1:]
	}
	for len(raw) > 0 && blank(raw[len(raw)-1]) {
		raw = raw[:len(raw)-1]
	}
	lines := make([]string, 0, len(raw))
	for _, l := range raw {
		l = strings.TrimRight(l, " \r")
		if width > 0 && lineWidth(l) > width {
			for _, part := range strings.Split(ansi.Hardwrap(l, width, true), "\n") {
				lines = append(lines, pad+ansi.Truncate(part, width, ""))
			}
			continue
		}
		if l == "" {
			lines = append(lines, "")
			continue
		}
		lines = append(lines, pad+l)
	}
	return lines
}

// View draws the page of the slide (or its notes) and the status line,
// exactly height lines of at most width cells.
func (s *slidesScreen) View() string {
	if s.width <= 0 || s.height <= 0 {
		return ""
	}
	c := s.common
	st := c.Styles
	t := slidesText(c.Text.Lang)
	if len(s.slides) == 0 {
		msg := st.Warning.Width(min(s.width, textWidth(t.NoSlides))).Align(lipgloss.Center).Render(t.NoSlides)
		return fitLines(placeCenter(s.width, s.height, msg), s.width, s.height)
	}

	pad := strings.Repeat(" ", s.indent())
	lines := make([]string, 0, s.height)
	for range s.topGap() {
		lines = append(lines, "")
	}
	if h := s.notesHeader(); h > 0 {
		tw := s.textWidth()
		lines = append(lines, pad+st.Warning.Render(ansi.Truncate("▌ "+t.NotesTitle, tw, "…")))
		if h > 1 {
			lines = append(lines, pad+st.Divider.Render(strings.Repeat("─", tw)))
		}
	}
	content := s.content()
	page := s.pageHeight()
	end := min(len(content), s.offset+page)
	switch {
	case s.notes && len(content) == 0 && page > 0:
		lines = append(lines, pad+st.Text.Render(t.NoNotes))
	case s.offset < end:
		lines = append(lines, content[s.offset:end]...)
	}
	for len(lines) < s.height-1 {
		lines = append(lines, "")
	}
	lines = append(lines, s.statusLine(t, end < len(content)))
	return strings.Join(lines, "\n")
}

// statusLine says which slide this is in text, so it reads without colour,
// and whether there is more below or above.
func (s *slidesScreen) statusLine(t slidesStrings, more bool) string {
	st := s.common.Styles
	n, total := s.Position()
	parts := []string{st.Kind.Render(fmt.Sprintf(t.Position, n, total))}
	if s.offset > 0 {
		parts = append(parts, st.Attention.Render(t.Above))
	}
	if more {
		parts = append(parts, st.Attention.Render(t.More))
	}
	if s.notes {
		parts = append(parts, st.Warning.Render(t.NotesShown))
	}
	line := strings.Repeat(" ", s.indent()) + strings.Join(parts, "   ")
	return ansi.Truncate(line, s.width, "…")
}

// fitLines cuts s to at most height lines of at most width cells.
func fitLines(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if lineWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	return strings.Join(lines, "\n")
}

// ShortHelp is the footer's key list; paging shows only when the slide is
// longer than the screen.
func (s *slidesScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	bindings := []key.Binding{k.Back, k.Prev, k.Next}
	if len(s.content()) > s.pageHeight() {
		bindings = append(bindings, k.ScrollDown, k.ScrollUp)
	}
	return append(bindings, k.Notes, k.NextItem)
}

// FullHelp is the help overlay's key list.
func (s *slidesScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{{k.Back, k.Prev, k.Next}, {k.ScrollUp, k.ScrollDown, k.Up, k.Down}, {k.Notes}}
}
