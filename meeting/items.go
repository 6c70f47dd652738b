package meeting

// FollowUpMinutes is the time the follow-up item added at the start of a
// meeting is planned for.
const FollowUpMinutes = 10

// FollowUpIndex returns the index of the agenda's first follow-up item
// (KindFollowUp), or -1. The item is recognised by its kind, never by its
// title, which is in the language of whoever started the meeting.
func (m Meeting) FollowUpIndex() int {
	for i, it := range m.Items {
		if it.Kind == KindFollowUp {
			return i
		}
	}
	return -1
}

// AddFollowUp puts the follow-up of earlier meetings' pledges on the
// agenda as an item titled title (in the UI language), after the running
// item (the welcome, just after the start) as AddItem places it. An agenda
// that already has a follow-up item is returned unchanged.
func (m Meeting) AddFollowUp(title string) (Meeting, error) {
	if m.FollowUpIndex() >= 0 {
		return m, nil
	}
	return m.AddItem(AgendaItem{Kind: KindFollowUp, Title: title, Minutes: FollowUpMinutes}, 0)
}

// CheckPresenting returns nil when group may present at agenda item i:
// 0 (no group) on any item, or the number of one of the meeting's groups
// on a plenum item. Otherwise an EINVALID (wrong item) or ENOTFOUND (no
// such group) error worded in Danish and English.
func (m Meeting) CheckPresenting(i, group int) error {
	if err := m.checkIndex(i); err != nil {
		return err
	}
	it := m.Items[i]
	switch {
	case group == 0:
		return nil
	case it.Kind != KindPlenum:
		return Errork(EINVALID, "err.PresentNotPlenum", it.Title, Word("kind."+string(it.Kind)))
	case group < 0 || !m.hasGroup(group):
		return Errork(ENOTFOUND, "err.NoGroupOfCount", len(m.Groups), group)
	}
	return nil
}

func (m Meeting) hasGroup(n int) bool {
	for _, g := range m.Groups {
		if g.Number == n {
			return true
		}
	}
	return false
}

// SetPresenting returns the meeting with group presenting at agenda item
// i (0: none), after CheckPresenting.
func (m Meeting) SetPresenting(i, group int) (Meeting, error) {
	if err := m.CheckPresenting(i, group); err != nil {
		return m, err
	}
	m = m.cloneItems()
	m.Items[i].Presenting = group
	return m, nil
}
