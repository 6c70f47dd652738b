package meeting

import (
	"time"
)

// ItemStatus is where an agenda item is in a running meeting.
type ItemStatus string

// The statuses an item moves through: pending → running → done, or
// pending → skipped.
const (
	StatusPending ItemStatus = "pending"
	StatusRunning ItemStatus = "running"
	StatusDone    ItemStatus = "done"
	StatusSkipped ItemStatus = "skipped"
)

// RunItem is one item of the meeting's live agenda: the planned item plus
// what actually happened to it. The live agenda starts as a copy of the
// pack's agenda and can then be reordered, shortened and extended with
// ad-hoc items, while the pack snapshot stays as it was.
type RunItem struct {
	// ID is the store's id for the item; 0 until stored.
	ID int64
	AgendaItem
	// PackIndex is the item's index in Pack.Agenda, or -1 for an item
	// added during the meeting.
	PackIndex int
	Started   *time.Time
	Ended     *time.Time
	Skipped   bool
	// Timer is the group-work round's timer; its zero value has not been
	// set up (RoundTimer gives the one to use).
	Timer Timer
	// Presenting is the number of the group presenting in a plenum after
	// a round; 0 when none.
	Presenting int
	// Notes are the coordinator's summaries per group number, typed while
	// the groups present; they go into the minutes.
	Notes map[int]string
	// Evaluation is what an evaluation item recorded: scores and notes.
	Evaluation Evaluation
}

// RoundTimer is the item's timer. Until the round has ended its length is
// the item's planned minutes: the two are one number, so lengthening the
// round moves the agenda, the drift and the projected end with it. An
// ended round keeps the length it ended with.
func (it RunItem) RoundTimer() Timer {
	t := it.Timer
	if t.Ended == nil {
		t.Planned = it.Planned()
	}
	return t
}

// Status derives the item's status from its times.
func (it RunItem) Status() ItemStatus {
	switch {
	case it.Skipped:
		return StatusSkipped
	case it.Ended != nil:
		return StatusDone
	case it.Started != nil:
		return StatusRunning
	}
	return StatusPending
}

// AdHoc reports whether the item was added during the meeting.
func (it RunItem) AdHoc() bool { return it.PackIndex < 0 }

// Planned is the item's planned length.
func (it RunItem) Planned() time.Duration { return time.Duration(it.Minutes) * time.Minute }

// Elapsed is how long the item has run: until it ended, or until now while
// it runs. Pending and skipped items have run for zero.
func (it RunItem) Elapsed(now time.Time) time.Duration {
	switch it.Status() {
	case StatusDone:
		return it.Ended.Sub(*it.Started)
	case StatusRunning:
		return max(0, now.Sub(*it.Started))
	}
	return 0
}

// ItemsFromPack makes the live agenda for a new meeting.
func ItemsFromPack(p Pack) []RunItem {
	items := make([]RunItem, len(p.Agenda))
	for i, a := range p.Agenda {
		items[i] = RunItem{AgendaItem: a, PackIndex: i}
	}
	return items
}

// Current returns the index of the running item, or -1.
func (m Meeting) Current() int {
	for i, it := range m.Items {
		if it.Status() == StatusRunning {
			return i
		}
	}
	return -1
}

// Focus is the item the meeting is at: the running one, else the first
// pending one, else the last item.
func (m Meeting) Focus() int {
	if i := m.Current(); i >= 0 {
		return i
	}
	if i := m.nextPending(-1); i >= 0 {
		return i
	}
	return len(m.Items) - 1
}

// Ended reports whether every item is done or skipped.
func (m Meeting) Ended() bool {
	if !m.UnderWay() {
		return false
	}
	for _, it := range m.Items {
		if s := it.Status(); s == StatusPending || s == StatusRunning {
			return false
		}
	}
	return true
}

// nextPending returns the first pending item after index from, or -1.
func (m Meeting) nextPending(from int) int {
	for i := from + 1; i < len(m.Items); i++ {
		if m.Items[i].Status() == StatusPending {
			return i
		}
	}
	return -1
}

// cloneItems copies the live agenda so an operation never changes the
// meeting it was called on.
func (m Meeting) cloneItems() Meeting {
	m.Items = append([]RunItem(nil), m.Items...)
	return m
}

func (m Meeting) checkIndex(i int) error {
	if i < 0 || i >= len(m.Items) {
		return Errork(EINVALID, "err.NoAgendaItem", i+1)
	}
	return nil
}

// Start starts the meeting and its first pending item at the given time.
func (m Meeting) Start(at time.Time) (Meeting, error) {
	if m.UnderWay() {
		return m, Errork(ECONFLICT, "err.MeetingAlreadyStarted", m.Started.Format("15:04"))
	}
	m = m.cloneItems()
	m.Started = &at
	if i := m.nextPending(-1); i >= 0 {
		m.Items[i].Started = &at
	}
	return m, nil
}

// StartItem ends the running item, if any, and starts item i. Starting the
// meeting first is implied.
func (m Meeting) StartItem(i int, at time.Time) (Meeting, error) {
	if err := m.checkIndex(i); err != nil {
		return m, err
	}
	if s := m.Items[i].Status(); s != StatusPending {
		return m, Errork(ECONFLICT, "err.ItemCannotStart", m.Items[i].Title, statusWord(s))
	}
	m = m.cloneItems()
	if !m.UnderWay() {
		m.Started = &at
	}
	if c := m.Current(); c >= 0 {
		m.Items[c].Ended = &at
	}
	m.Items[i].Started = &at
	return m, nil
}

// Next ends the running item and starts the next pending one. At the last
// item it only ends it, which ends the meeting.
func (m Meeting) Next(at time.Time) (Meeting, error) {
	if !m.UnderWay() {
		return m.Start(at)
	}
	c := m.Current()
	next := m.nextPending(c)
	if next < 0 {
		next = m.nextPending(-1)
	}
	if c < 0 && next < 0 {
		return m, Errork(ECONFLICT, "err.AllItemsHeld")
	}
	m = m.cloneItems()
	if c >= 0 {
		m.Items[c].Ended = &at
	}
	if next >= 0 {
		m.Items[next].Started = &at
	}
	return m, nil
}

// Back undoes the last Next: the running item returns to pending and the
// item before it, the one most recently ended, runs again, its clock
// counting the time in between. An ended meeting is not reopened by Back
// (ECONFLICT): that is Reopen, which the coordinator confirms first.
func (m Meeting) Back() (Meeting, error) {
	if m.Ended() {
		return m, ErrEnded()
	}
	return m.back()
}

// Reopen reopens an ended meeting: the item that ended last runs again,
// its clock counting the time since it ended.
func (m Meeting) Reopen() (Meeting, error) {
	if !m.Ended() {
		return m, Errork(ECONFLICT, "err.MeetingNotEnded")
	}
	return m.back()
}

// EndedAt is when an ended meeting ended: when its last item ended. ok is
// false while the meeting has not ended (or ended with every item
// skipped, when there is no time to give).
func (m Meeting) EndedAt() (at time.Time, ok bool) {
	if !m.Ended() {
		return time.Time{}, false
	}
	for _, it := range m.Items {
		if it.Ended != nil && it.Ended.After(at) {
			at, ok = *it.Ended, true
		}
	}
	return at, ok
}

// ErrEnded refuses a change to the agenda of an ended meeting, which would
// otherwise quietly reopen it (bringing back a dropped item) or rewrite
// what was held.
func ErrEnded() error {
	return Errork(ECONFLICT, "err.MeetingEnded")
}

func (m Meeting) back() (Meeting, error) {
	prev := -1
	for i, it := range m.Items {
		if it.Status() == StatusDone && (prev < 0 || it.Ended.After(*m.Items[prev].Ended)) {
			prev = i
		}
	}
	if prev < 0 {
		return m, Errork(ECONFLICT, "err.NothingToGoBackTo")
	}
	m = m.cloneItems()
	if c := m.Current(); c >= 0 {
		m.Items[c].Started = nil
	}
	m.Items[prev].Ended = nil
	return m, nil
}

// ToggleSkip drops a pending item from the plan, or brings a skipped one
// back.
func (m Meeting) ToggleSkip(i int) (Meeting, error) {
	if m.Ended() {
		return m, ErrEnded()
	}
	if err := m.checkIndex(i); err != nil {
		return m, err
	}
	switch m.Items[i].Status() {
	case StatusPending, StatusSkipped:
	default:
		return m, Errork(ECONFLICT, "err.ItemCannotSkip", m.Items[i].Title, statusWord(m.Items[i].Status()))
	}
	m = m.cloneItems()
	m.Items[i].Skipped = !m.Items[i].Skipped
	return m, nil
}

// SetMinutes changes an item's planned minutes, e.g. to shorten a later
// item after an overrun. Held items keep their plan, so the record stays
// honest.
func (m Meeting) SetMinutes(i, minutes int) (Meeting, error) {
	if m.Ended() {
		return m, ErrEnded()
	}
	if err := m.checkIndex(i); err != nil {
		return m, err
	}
	if minutes < 1 {
		return m, Errork(EINVALID, "err.ItemOneMinute")
	}
	if s := m.Items[i].Status(); s == StatusDone {
		return m, Errork(ECONFLICT, "err.ItemMinutesFixed", m.Items[i].Title, statusWord(s))
	}
	m = m.cloneItems()
	m.Items[i].Minutes = minutes
	if t := m.Items[i].Timer; t.Started != nil && t.Ended == nil {
		// A round under way keeps its stored length equal to the plan.
		t.Planned = m.Items[i].Planned()
		m.Items[i].Timer = t
	}
	return m, nil
}

// Move moves a not-yet-held item one place up (delta -1) or down (+1)
// among the items not yet held; held items keep their places.
func (m Meeting) Move(i, delta int) (Meeting, error) {
	if m.Ended() {
		return m, ErrEnded()
	}
	if err := m.checkIndex(i); err != nil {
		return m, err
	}
	if !m.Items[i].movable() {
		return m, Errork(ECONFLICT, "err.ItemHeldStays", m.Items[i].Title)
	}
	j := i + delta
	if j < 0 || j >= len(m.Items) || !m.Items[j].movable() {
		return m, Errork(ECONFLICT, "err.ItemCannotMove", m.Items[i].Title)
	}
	m = m.cloneItems()
	m.Items[i], m.Items[j] = m.Items[j], m.Items[i]
	return m, nil
}

func (it RunItem) movable() bool {
	s := it.Status()
	return s == StatusPending || s == StatusSkipped
}

// AddItem inserts an ad-hoc item after the running item (or, before the
// meeting, after the item at index after; -1 puts it first).
func (m Meeting) AddItem(item AgendaItem, after int) (Meeting, error) {
	if m.Ended() {
		return m, ErrEnded()
	}
	if item.Title == "" {
		return m, Errork(EINVALID, "err.NewItemNeedsTitle")
	}
	if item.Minutes < 1 {
		return m, Errork(EINVALID, "err.NewItemOneMinute")
	}
	if !item.Kind.Valid() {
		return m, Errork(EINVALID, "err.UnknownKind", item.Kind)
	}
	if c := m.Current(); c >= 0 {
		after = c
	}
	after = max(-1, min(after, len(m.Items)-1))
	// Never insert before an item that has already been held.
	for after+1 < len(m.Items) && !m.Items[after+1].movable() {
		after++
	}
	m = m.cloneItems()
	m.Items = append(m.Items[:after+1], append([]RunItem{{AgendaItem: item, PackIndex: -1}}, m.Items[after+1:]...)...)
	return m, nil
}

// statusWord names an item status in an error, worded by the catalogue.
func statusWord(s ItemStatus) Word { return Word("itemstatus." + string(s)) }
