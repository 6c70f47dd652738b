package meeting

// TurnSlide moves the shown slide by delta, staying within the pack's
// slides: the change behind → and ← on the slides and the console.
func (m Meeting) TurnSlide(delta int) Meeting {
	m.Slide = max(0, min(m.Slide+delta, len(m.Pack.Slides)-1))
	return m
}
