package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// formKind says what a small form edits.
type formKind int

const (
	formGuest formKind = iota
	formNewMember
	formEditMember
	formRetire
	formReason
	formGroups
	formMove
	formNote
	formPledge
	formReview
	formExport
)

// formRequest asks the root to open a form.
type formRequest struct {
	kind   formKind
	member meeting.Member
	// item and group place a presentation note.
	item  int
	group int
	// pledge is the pledge being edited; ID 0 for a new one.
	pledge meeting.Pledge
	// outcome is the follow-up being recorded for pledge.
	outcome meeting.ReviewOutcome
	// dir is the suggested export folder.
	dir string
}

// form is a small dialog of text fields; enter saves, esc cancels, tab
// moves between fields. A form without fields is a yes/no confirm.
type form struct {
	common *Common
	req    formRequest
	title  string
	body   string
	labels []string
	inputs []textinput.Model
	focus  int
}

func newForm(c *Common, req formRequest, cluster meeting.Cluster) *form {
	t := c.Text
	f := &form{common: c, req: req}
	field := func(label, value string) {
		in := textinput.New()
		in.CharLimit = 120
		in.Width = 40
		in.SetValue(value)
		f.labels = append(f.labels, label)
		f.inputs = append(f.inputs, in)
	}
	switch req.kind {
	case formGuest:
		f.title = t.GuestTitle
		field(t.FieldName, "")
		field(t.FieldRole, "")
	case formNewMember:
		f.title = t.NewMemberTitle
		field(t.FieldName, "")
		field(t.FieldEmail, "")
		field(t.FieldYdernummer, "")
		field(t.FieldPractice, "")
		f.body = t.NewMemberHint
	case formEditMember:
		f.title = t.EditMemberTitle
		field(t.FieldName, req.member.Name)
		field(t.FieldEmail, req.member.Email)
	case formRetire:
		f.title = t.RetireTitle
		f.body = fmt.Sprintf(t.RetireBody, req.member.Name)
	case formReason:
		f.title = fmt.Sprintf(t.ReasonTitle, req.member.Name)
		field(t.FieldReason, "")
	case formGroups:
		f.title = t.GroupsTitle
		f.body = t.GroupsHint
		field(t.FieldGroupSize, "4")
	case formMove:
		f.title = t.MoveTitle
		field(t.FieldMember, "")
		field(t.FieldGroup, "")
	case formPledge:
		f.title = t.PledgeTitle
		practice, due := "", "næste"
		if req.pledge.ID != 0 {
			for _, p := range cluster.Practices {
				if p.Ydernummer == req.pledge.Ydernummer {
					practice = p.Name
				}
			}
			due = req.pledge.Due.Format("02-01-2006")
		}
		doctor, target := "", ""
		for _, p := range cluster.Practices {
			for _, mem := range p.Members {
				if mem.ID == req.pledge.MemberID && mem.ID != 0 {
					doctor = mem.Name
				}
			}
		}
		if req.pledge.Target != nil {
			target = strconv.FormatFloat(*req.pledge.Target, 'f', -1, 64)
		}
		field(t.FieldPractice2, practice)
		field(t.FieldAction, req.pledge.Action)
		field(t.FieldOwner, req.pledge.Owner)
		field(t.FieldDue, due)
		field(t.FieldIndicator, req.pledge.Indicator)
		field(t.FieldTarget, target)
		field(t.FieldDoctor, doctor)
	case formExport:
		f.title = t.ExportTitle
		f.body = t.ExportHint
		field(t.FieldFolder, req.dir)
	case formReview:
		f.title = t.Outcomes[req.outcome] + ": " + req.pledge.Action
		field(t.FieldComment, "")
	case formNote:
		f.title = fmt.Sprintf(t.NoteTitle, req.group)
		field(t.FieldReason, "")
		f.labels[0] = t.KeyNote
	}
	if len(f.inputs) > 0 {
		f.inputs[0].Focus()
		f.inputs[0].CursorEnd()
	}
	return f
}

func (f *form) value(i int) string { return strings.TrimSpace(f.inputs[i].Value()) }

// update handles a key; done is true when the form closes, with submit
// telling whether to save.
func (f *form) update(msg tea.KeyMsg) (done, submit bool, cmd tea.Cmd) {
	keys := f.common.Keys
	switch {
	case msg.Type == tea.KeyEsc:
		return true, false, nil
	case len(f.inputs) == 0:
		// A confirm: yes saves, anything else cancels.
		return true, key.Matches(msg, keys.Yes), nil
	case msg.Type == tea.KeyEnter:
		return true, true, nil
	case msg.Type == tea.KeyTab || msg.Type == tea.KeyShiftTab:
		f.inputs[f.focus].Blur()
		step := 1
		if msg.Type == tea.KeyShiftTab {
			step = len(f.inputs) - 1
		}
		f.focus = (f.focus + step) % len(f.inputs)
		return false, false, f.inputs[f.focus].Focus()
	}
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	return false, false, cmd
}

// View draws the form as a dialog in the middle of the body.
func (f *form) View(width, height int) string {
	c := f.common
	s := c.Styles
	parts := []string{s.Heading.Render(f.title), ""}
	if f.body != "" {
		parts = append(parts, s.Text.Width(min(60, width-10)).Render(f.body), "")
	}
	// Label above field when there is room; on a small screen label and
	// field share a line, so a long form still fits 80×24.
	compact := len(parts)+3*len(f.inputs)+6 > height
	labelW := 0
	for _, l := range f.labels {
		labelW = max(labelW, lipgloss.Width(l)+1)
	}
	for i, in := range f.inputs {
		if compact {
			in.Width = max(8, width-labelW-16)
			parts = append(parts, s.Text.Render(padRight(f.labels[i]+":", labelW))+" "+in.View())
			continue
		}
		parts = append(parts, s.Text.Render(f.labels[i]+":"), in.View(), "")
	}
	if compact {
		parts = append(parts, "")
	}
	hint := c.Text.FormHint
	if len(f.inputs) == 0 {
		hint = c.Text.ConfirmHint
	}
	parts = append(parts, s.Text.Render(hint))
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, s.Dialog.Render(lipgloss.JoinVertical(lipgloss.Left, parts...)))
}

// ShortHelp is the footer while the form is open.
func (f *form) ShortHelp() []key.Binding {
	t := f.common.Text
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.KeySave)),
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", t.KeyNextField)),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.KeyCancel)),
	}
}

// FullHelp is the same keys.
func (f *form) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// submit turns the filled-in form into the store call that saves it.
func (f *form) submit(mt meeting.Meeting, cluster meeting.Cluster) tea.Cmd {
	c := f.common
	t := c.Text
	now := c.Clock.Now()
	req := f.req
	fail := func(format string, args ...any) tea.Cmd {
		err := meeting.Errorf(meeting.EINVALID, format, args...)
		return func() tea.Msg { return errMsg{err} }
	}
	switch req.kind {
	case formGuest:
		g := meeting.Guest{Name: f.value(0), Role: f.value(1)}
		if g.Name == "" {
			return fail("%s", t.NeedName)
		}
		return func() tea.Msg {
			saved, err := c.Store.AddGuest(c.Ctx, mt.ID, g)
			if err != nil {
				return errMsg{err}
			}
			return attendanceSavedMsg{meeting: saved, notice: fmt.Sprintf(t.NoticeGuest, g.Name)}
		}
	case formReason:
		reason := f.value(0)
		if reason == "" {
			return nil
		}
		a := mt.Attendance[req.member.ID]
		a.Reason = reason
		return func() tea.Msg {
			saved, err := c.Store.SetAttendance(c.Ctx, mt.ID, a)
			if err != nil {
				return errMsg{err}
			}
			return attendanceSavedMsg{meeting: saved, notice: fmt.Sprintf(t.NoticeReason, req.member.Name)}
		}
	case formNewMember:
		mem := meeting.Member{Name: f.value(0), Email: f.value(1), Role: meeting.RoleMember, Joined: now}
		yd, practice := f.value(2), f.value(3)
		if mem.Name == "" || yd == "" {
			return fail("%s", t.NeedNameAndYdernummer)
		}
		return func() tea.Msg {
			if _, err := c.Store.AddMember(c.Ctx, cluster.ID, yd, mem, practice); err != nil {
				return errMsg{err}
			}
			return memberSavedMsg{notice: fmt.Sprintf(t.NoticeMemberAdded, mem.Name)}
		}
	case formEditMember:
		mem := req.member
		mem.Name, mem.Email = f.value(0), f.value(1)
		if mem.Name == "" {
			return fail("%s", t.NeedName)
		}
		return func() tea.Msg {
			if _, err := c.Store.UpdateMember(c.Ctx, mem); err != nil {
				return errMsg{err}
			}
			return memberSavedMsg{notice: fmt.Sprintf(t.NoticeMemberSaved, mem.Name)}
		}
	case formGroups:
		size, err := strconv.Atoi(f.value(0))
		if err != nil {
			return fail("%s: %q", t.FieldGroupSize, f.value(0))
		}
		return f.formGroups(mt, cluster, size)
	case formMove:
		group, err := strconv.Atoi(f.value(1))
		if err != nil {
			return fail("%s: %q", t.FieldGroup, f.value(1))
		}
		return f.moveMember(mt, f.value(0), group)
	case formNote:
		text := f.value(0)
		itemID := mt.Items[req.item].ID
		return func() tea.Msg {
			saved, err := c.Store.SaveGroupNote(c.Ctx, mt.ID, itemID, req.group, text)
			if err != nil {
				return errMsg{err}
			}
			return attendanceSavedMsg{meeting: saved, notice: fmt.Sprintf(t.NoticeNote, req.group)}
		}
	case formPledge:
		return f.savePledge(mt, cluster, now)
	case formExport:
		dir := f.value(0)
		if dir == "" {
			return fail("%s", t.FieldFolder)
		}
		return func() tea.Msg {
			paths, err := c.Exporter.ExportAll(c.Ctx, mt.ID, dir)
			if err != nil {
				return errMsg{err}
			}
			return exportedMsg{dir: dir, paths: paths}
		}
	case formReview:
		comment := f.value(0)
		return func() tea.Msg {
			if _, err := c.Store.ReviewPledge(c.Ctx, req.pledge.ID, mt.ID, req.outcome, comment, now); err != nil {
				return errMsg{err}
			}
			return reviewSavedMsg{notice: fmt.Sprintf(t.NoticeReviewed, t.Outcomes[req.outcome])}
		}
	case formRetire:
		mem := req.member
		return func() tea.Msg {
			if _, err := c.Store.RetireMember(c.Ctx, mem.ID, now); err != nil {
				return errMsg{err}
			}
			return memberSavedMsg{notice: fmt.Sprintf(t.NoticeMemberRetired, mem.Name)}
		}
	}
	return nil
}

// memberSavedMsg reports a committed roster change; the root reloads the
// cluster to show it.
type memberSavedMsg struct{ notice string }

// formGroups forms groups of the doctors checked in as present, keeping
// apart doctors of one practice and last meeting's pairs, and saves them.
func (f *form) formGroups(mt meeting.Meeting, cluster meeting.Cluster, size int) tea.Cmd {
	c := f.common
	var present []meeting.GroupMember
	for _, p := range cluster.Practices {
		for _, mem := range p.Members {
			if a, ok := mt.Attendance[mem.ID]; ok && a.Status.Attended() {
				present = append(present, meeting.GroupMember{MemberID: mem.ID, Name: mem.Name, Ydernummer: p.Ydernummer})
			}
		}
	}
	if len(present) == 0 {
		err := meeting.Errorf(meeting.EINVALID, "%s", c.Text.NoPresent)
		return func() tea.Msg { return errMsg{err} }
	}
	rnd := c.Rand
	return func() tea.Msg {
		previous, err := c.Store.PreviousGroups(c.Ctx, mt.ID)
		if err != nil {
			return errMsg{err}
		}
		groups, err := meeting.FormGroups(present, meeting.GroupRequest{Size: size}, previous, rnd)
		if err != nil {
			return errMsg{err}
		}
		saved, err := c.Store.SaveGroups(c.Ctx, mt.ID, groups)
		if err != nil {
			return errMsg{err}
		}
		return attendanceSavedMsg{meeting: saved, notice: fmt.Sprintf(c.Text.NoticeGroups, len(groups), len(present))}
	}
}

// moveMember moves the one doctor whose name matches to another group.
func (f *form) moveMember(mt meeting.Meeting, name string, group int) tea.Cmd {
	c := f.common
	var found []meeting.GroupMember
	for _, g := range mt.Groups {
		for _, m := range g.Members {
			if meeting.MatchesFilter(name, m.Name, "") {
				found = append(found, m)
			}
		}
	}
	if len(found) != 1 {
		err := meeting.Errorf(meeting.EINVALID, "%q: %d %s", name, len(found), strings.ToLower(c.Text.NoMatch))
		if len(found) > 1 {
			names := make([]string, len(found))
			for i, m := range found {
				names[i] = m.Name
			}
			err = meeting.Errorf(meeting.EINVALID, "%q: %s", name, strings.Join(names, ", "))
		}
		return func() tea.Msg { return errMsg{err} }
	}
	groups, err := meeting.MoveMember(mt.Groups, found[0].MemberID, group)
	if err != nil {
		return func() tea.Msg { return errMsg{err} }
	}
	return func() tea.Msg {
		saved, err := c.Store.SaveGroups(c.Ctx, mt.ID, groups)
		if err != nil {
			return errMsg{err}
		}
		return attendanceSavedMsg{meeting: saved, notice: fmt.Sprintf(c.Text.NoticeMovedMember, found[0].Name, group)}
	}
}

// savePledge resolves the practice by part of its name, reads the due
// date and saves the pledge.
func (f *form) savePledge(mt meeting.Meeting, cluster meeting.Cluster, now time.Time) tea.Cmd {
	c := f.common
	t := c.Text
	fail := func(err error) tea.Cmd { return func() tea.Msg { return errMsg{err} } }
	matches := cluster.FindPractices(f.value(0))
	if len(matches) != 1 {
		names := make([]string, len(matches))
		for i, p := range matches {
			names[i] = p.Name
		}
		return fail(meeting.Errorf(meeting.EINVALID, "%s %q: %s", t.NeedPractice, f.value(0), strings.Join(names, ", ")))
	}
	p := f.req.pledge
	p.MeetingID = mt.ID
	p.Ydernummer = matches[0].Ydernummer
	p.Action, p.Owner, p.Indicator = f.value(1), f.value(2), f.value(4)
	p.Target = nil
	if v := strings.ReplaceAll(f.value(5), ",", "."); v != "" {
		x, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(v, "%")), 64)
		if err != nil {
			return fail(meeting.Errorf(meeting.EINVALID, "%s: %q", t.FieldTarget, f.value(5)))
		}
		p.Target = &x
	}
	// A pledge may be one doctor's rather than the whole practice's.
	p.MemberID = 0
	if name := f.value(6); name != "" {
		practice := meeting.Cluster{Practices: []meeting.Practice{matches[0]}}
		found := practice.FindMembers(name, mt.PlannedStart)
		if len(found) != 1 {
			return fail(meeting.Errorf(meeting.EINVALID, "%s %q: %d", t.FieldDoctor, name, len(found)))
		}
		p.MemberID = found[0].ID
	}
	if p.ID == 0 {
		p.Created = now
	}
	due := f.value(3)
	return func() tea.Msg {
		// "næste" is the cluster's next planned meeting, read here, off
		// the key path: the same rule as `klynge pledge add --due`.
		ms, err := c.Store.Meetings(c.Ctx)
		if err != nil {
			return errMsg{err}
		}
		if p.Due, err = meeting.DueDate(due, mt, ms, now); err != nil {
			return errMsg{err}
		}
		if err := p.Validate(); err != nil {
			return errMsg{err}
		}
		if _, err := c.Store.SavePledge(c.Ctx, p); err != nil {
			return errMsg{err}
		}
		ps, err := c.Store.Pledges(c.Ctx, mt.ID)
		if err != nil {
			return errMsg{err}
		}
		return pledgesMsg{pledges: ps, notice: fmt.Sprintf(t.NoticePledgeSaved, matches[0].Name)}
	}
}

// reviewSavedMsg reports a committed follow-up; the root reloads the list.
type reviewSavedMsg struct{ notice string }
