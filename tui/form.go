package tui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
	formHands
	formEvalNotes
	formDecision
	formPlan
)

// formRequest asks the root to open a form.
type formRequest struct {
	kind   formKind
	member meeting.Member
	// item and group place a presentation note; text is the note so far.
	item  int
	group int
	text  string
	// decision is the decision being recorded or edited.
	decision meeting.Decision
	// planned is the year plan's entry being added or edited.
	planned meeting.PlannedMeeting
	// text2 is a second text so far (the evaluation's "what to change").
	text2 string
	// pledge is the pledge being edited; ID 0 for a new one.
	pledge meeting.Pledge
	// outcome is the follow-up being recorded for pledge.
	outcome meeting.ReviewOutcome
	// dir is the suggested export folder.
	dir string
}

// Field lengths, in characters, from the one text rule in meeting: a
// pledge or a note holds several sentences. A field shows how much room
// is left and refuses more with a message: nothing is cut silently.
var (
	limitName   = meeting.TextName.MaxLen()
	limitShort  = 20
	limitLine   = meeting.TextLine.MaxLen()
	limitAction = meeting.TextAction.MaxLen()
	limitText   = meeting.TextNote.MaxLen()
	limitFolder = 1000
)

// textKind is the kind of text a field of the given length holds, for
// meeting's text rule.
func textKind(limit int) meeting.TextKind {
	switch limit {
	case limitName:
		return meeting.TextName
	case limitAction:
		return meeting.TextAction
	case limitText:
		return meeting.TextNote
	}
	return meeting.TextLine
}

// formField is one labelled text field; choose, when set, lists what the
// typed text matches (a practice, an indicator, a doctor).
type formField struct {
	label  string
	input  textinput.Model
	limit  int
	choose func(text string) []string
}

// form is a small dialog of text fields; enter saves, esc cancels, tab
// moves between fields. A form without fields is a yes/no confirm. It
// stays open, with its text, until its change has been committed; a
// refused or failed save is shown next to the field and the text stays to
// be fixed.
type form struct {
	common  *Common
	id      int
	req     formRequest
	mt      meeting.Meeting
	cluster meeting.Cluster
	title   string
	body    string
	fields  []formField
	focus   int
	// err is the message shown under the field it is about (errField).
	err      string
	errField int
	// submitting is set while the form's change waits in the queue.
	submitting bool
	// meetings are the cluster's meetings, for a pledge due "næste".
	meetings []meeting.Meeting
	// plan is the cluster's year plan, for "næste" too.
	plan []meeting.PlannedMeeting
}

// closeFormMsg asks the root to close the form without saving.
type closeFormMsg struct{}

func newForm(c *Common, id int, req formRequest, mt meeting.Meeting, cluster meeting.Cluster) *form {
	t := c.Text
	f := &form{common: c, id: id, req: req, mt: mt, cluster: cluster}
	field := func(label, value string, limit int) *formField {
		in := textinput.New()
		in.CharLimit = limit
		in.Width = 48
		in.SetValue(value)
		f.fields = append(f.fields, formField{label: label, input: in, limit: limit})
		return &f.fields[len(f.fields)-1]
	}
	switch req.kind {
	case formGuest:
		f.title = t.GuestTitle
		field(t.FieldName, "", limitName)
		field(t.FieldRole, "", limitName)
	case formNewMember:
		f.title = t.NewMemberTitle
		field(t.FieldName, "", limitName)
		field(t.FieldEmail, "", limitName)
		field(t.FieldYdernummer, "", limitShort)
		field(t.FieldPractice, "", limitName)
		f.body = t.NewMemberHint
	case formEditMember:
		f.title = t.EditMemberTitle
		field(t.FieldName, req.member.Name, limitName)
		field(t.FieldEmail, req.member.Email, limitName)
	case formRetire:
		f.title = t.RetireTitle
		f.body = fmt.Sprintf(t.RetireBody, req.member.Name)
	case formReason:
		f.title = fmt.Sprintf(t.ReasonTitle, req.member.Name)
		field(t.FieldReason, "", limitLine)
	case formGroups:
		f.title = t.GroupsTitle
		f.body = t.GroupsHint
		field(t.FieldGroupSize, "4", 3)
	case formMove:
		f.title = t.MoveTitle
		field(t.FieldMember, "", limitName).choose = f.groupMemberNames
		field(t.FieldGroup, "", 3)
	case formPledge:
		f.pledgeFields()
	case formExport:
		f.title = t.ExportTitle
		f.body = t.ExportHint
		field(t.FieldFolder, req.dir, limitFolder)
	case formReview:
		f.title = t.Outcomes[req.outcome] + ": " + req.pledge.Action
		field(t.FieldComment, "", limitText)
	case formHands:
		f.title = t.T("tui.HandsTitle")
		f.body = t.T("tui.HandsHint")
		field(t.T("tui.FieldScore"), "", 3)
		field(t.T("tui.FieldHands"), "", 4)
	case formEvalNotes:
		f.title = t.T("tui.EvalNotesTitle")
		field(t.T("tui.EvalWorked"), req.text, limitText)
		field(t.T("tui.EvalChange"), req.text2, limitText)
	case formPlan:
		p := req.planned
		f.title = t.T("tui.PlanFormTitle")
		date, start := "", "17:30"
		if !p.Start.IsZero() {
			local := p.Start.In(c.Clock.Now().Location())
			date, start = local.Format("02-01-2006"), local.Format("15:04")
		}
		field(t.T("tui.PlanColDate"), date, limitShort)
		field(t.T("tui.PlanColStart"), start, limitShort)
		field(t.T("tui.PlanColPlace"), p.Place, limitLine)
		field(t.T("tui.PlanColTopic"), p.Topic, meeting.TextTitle.MaxLen())
		field(t.T("tui.PlanColHost"), p.Host, limitName)
	case formDecision:
		d := req.decision
		f.title = decisionTitle(t, d)
		f.body = t.T("tui.DecisionHint")
		vote := ""
		switch {
		case d.Unanimous:
			vote = t.T("tui.VoteUnanimous")
		case d.ID != 0:
			vote = fmt.Sprintf("%d-%d-%d", d.For, d.Against, d.Abstain)
		}
		field(t.T("tui.FieldDecision"), d.Text, limitAction)
		field(t.T("tui.FieldVote"), vote, limitShort)
		field(t.T("tui.FieldRule"), d.Rule, limitName)
	case formNote:
		f.title = fmt.Sprintf(t.NoteTitle, req.group)
		// The note so far: w on a group with a note edits that note.
		field(t.KeyNote, req.text, limitText)
	}
	if len(f.fields) > 0 {
		f.fields[0].input.Focus()
		f.fields[0].input.CursorEnd()
	}
	return f
}

// Pledge form fields, in order.
const (
	pledgePractice = iota
	pledgeAction
	pledgeOwner
	pledgeDue
	pledgeIndicator
	pledgeTarget
	pledgeDoctor
)

func (f *form) pledgeFields() {
	t := f.common.Text
	req := f.req
	f.title = t.PledgeTitle
	practice, due, doctor, target := "", "næste", "", ""
	if f.common.Text.Lang == "en" {
		due = "next"
	}
	if req.pledge.ID != 0 {
		for _, p := range f.cluster.Practices {
			if p.Ydernummer == req.pledge.Ydernummer {
				practice = p.Name
			}
		}
		due = req.pledge.Due.Format("02-01-2006")
	}
	for _, p := range f.cluster.Practices {
		for _, mem := range p.Members {
			if mem.ID == req.pledge.MemberID && mem.ID != 0 {
				doctor = mem.Name
			}
		}
	}
	if req.pledge.Target != nil {
		target = strconv.FormatFloat(*req.pledge.Target, 'f', -1, 64)
	}
	add := func(label, value string, limit int, choose func(string) []string) {
		in := textinput.New()
		in.CharLimit = limit
		in.Width = 48
		in.SetValue(value)
		f.fields = append(f.fields, formField{label: label, input: in, limit: limit, choose: choose})
	}
	add(t.FieldPractice2, practice, meeting.TextPracticeName.MaxLen(), func(s string) []string { return practiceNames(f.practices(s)) })
	add(t.FieldAction, req.pledge.Action, limitAction, nil)
	add(t.FieldOwner, req.pledge.Owner, limitName, nil)
	add(t.FieldDue, due, limitShort, nil)
	add(t.FieldIndicator, req.pledge.Indicator, limitName, func(s string) []string { return indicatorNames(f.indicators(s)) })
	add(t.FieldTarget, target, limitShort, nil)
	add(t.FieldDoctor, doctor, limitName, func(s string) []string {
		ps := f.practices(f.value(pledgePractice))
		if len(ps) != 1 {
			return nil
		}
		return memberNames(f.doctors(ps[0], s))
	})
}

func (f *form) value(i int) string { return strings.TrimSpace(f.fields[i].input.Value()) }

// setErr shows msg under field i.
func (f *form) setErr(i int, msg string) {
	f.err, f.errField = msg, i
}

// update handles a key. It returns the messages for the root: a write
// when the form is filled in well, a close when it is cancelled.
func (f *form) update(msg tea.KeyMsg) ([]tea.Msg, tea.Cmd) {
	keys := f.common.Keys
	switch {
	case key.Matches(msg, keys.Cancel):
		return []tea.Msg{closeFormMsg{}}, nil
	case len(f.fields) == 0:
		// A confirm: yes saves, anything else cancels.
		if key.Matches(msg, keys.Yes) {
			return f.submit(), nil
		}
		return []tea.Msg{closeFormMsg{}}, nil
	case key.Matches(msg, keys.Save):
		return f.submit(), nil
	case key.Matches(msg, keys.NextField), key.Matches(msg, keys.PrevField):
		f.fields[f.focus].input.Blur()
		step := 1
		if key.Matches(msg, keys.PrevField) {
			step = len(f.fields) - 1
		}
		f.focus = (f.focus + step) % len(f.fields)
		return nil, f.fields[f.focus].input.Focus()
	}
	fld := &f.fields[f.focus]
	var cmd tea.Cmd
	var full bool
	fld.input, cmd, full = typeInto(fld.input, msg, textKind(fld.limit))
	if f.errField == f.focus {
		f.err = ""
	}
	if full {
		f.setErr(f.focus, fmt.Sprintf(f.common.Text.FieldFull, fld.limit))
	}
	return nil, cmd
}

// View draws the form as a dialog in the middle of the body.
func (f *form) View(width, height int) string {
	c := f.common
	s := c.Styles
	t := c.Text
	parts := []string{s.Heading.Render(truncate(f.title, max(10, width-8))), ""}
	if f.body != "" {
		parts = append(parts, s.Text.Width(min(60, width-10)).Render(f.body), "")
	}
	// Label above field when there is room; on a small screen label and
	// field share a line, so a long form still fits 80×24.
	compact := len(parts)+3*len(f.fields)+8 > height
	labelW := 0
	for _, fl := range f.fields {
		labelW = max(labelW, textWidth(fl.label)+1)
	}
	for i, fl := range f.fields {
		in := fl.input
		if compact {
			in.Width = max(8, min(60, width-labelW-16))
			parts = append(parts, s.Text.Render(padRight(fl.label+":", labelW))+" "+fieldView(in))
		} else {
			in.Width = max(8, min(60, width-16))
			parts = append(parts, s.Text.Render(fl.label+":"), fieldView(in))
			// A long text (a pledge, a note) does not fit the field's one
			// line: with room, the whole of it shows wrapped under it, so
			// it can be read back before it is saved.
			if i == f.focus && fl.limit >= limitAction && utf8.RuneCountInString(fl.input.Value()) > in.Width {
				parts = append(parts, f.preview(fl.input.Value(), in.Width, max(2, (height-len(parts)-3*len(f.fields))/2)))
			}
		}
		if note := f.fieldNote(i); note != "" {
			parts = append(parts, note)
		}
		if !compact {
			parts = append(parts, "")
		}
	}
	if compact {
		parts = append(parts, "")
	}
	hint := t.FormHint
	if len(f.fields) == 0 {
		hint = t.ConfirmHint
	}
	if f.submitting {
		hint = t.Saving
	}
	if f.err != "" && len(f.fields) == 0 {
		parts = append(parts, s.Error.Render("✗ "+f.err))
	}
	parts = append(parts, s.Text.Render(hint))
	return placeCenter(width, height, s.Dialog.Render(lipgloss.JoinVertical(lipgloss.Left, parts...)))
}

// preview wraps text to width, showing its last lines when it is
// longer than lines.
func (f *form) preview(text string, width, lines int) string {
	wrapped := strings.Split(lipgloss.NewStyle().Width(width).Render(meeting.Inert(text)), "\n")
	if len(wrapped) > lines {
		wrapped = append([]string{"…"}, wrapped[len(wrapped)-lines+1:]...)
	}
	out := make([]string, len(wrapped))
	for i, l := range wrapped {
		out[i] = "  " + strings.TrimRight(l, " ")
	}
	return f.common.Styles.Text.Render(strings.Join(out, "\n"))
}

// fieldNote is the line under field i: its error, or for the focused
// field what it matches and how much room is left.
func (f *form) fieldNote(i int) string {
	c := f.common
	s := c.Styles
	if f.err != "" && f.errField == i {
		return s.Error.Render(truncate("✗ "+f.err, 70))
	}
	if i != f.focus {
		return ""
	}
	fl := f.fields[i]
	var notes []string
	if fl.choose != nil && strings.TrimSpace(fl.input.Value()) != "" {
		m := fl.choose(fl.input.Value())
		if len(m) > 3 {
			m = append(m[:3:3], "…")
		}
		if len(m) == 0 {
			m = []string{"–"}
		}
		notes = append(notes, fmt.Sprintf(c.Text.Matches, strings.Join(m, " · ")))
	}
	if left := fl.limit - utf8.RuneCountInString(fl.input.Value()); fl.limit >= limitLine || left < 10 {
		notes = append(notes, c.Text.T("tui.CharsLeft", left))
	}
	if len(notes) == 0 {
		return ""
	}
	return s.Text.Render(truncate("  "+strings.Join(notes, " · "), 70))
}

// ShortHelp is the footer while the form is open.
func (f *form) ShortHelp() []key.Binding {
	k := f.common.Keys
	if len(f.fields) == 0 {
		return []key.Binding{k.Yes, k.Cancel}
	}
	return []key.Binding{k.Save, k.NextField, k.PrevField, k.Cancel}
}

// FullHelp is the same keys.
func (f *form) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// submit checks the filled-in form and returns the write that saves it,
// or nothing with the error shown next to its field.
func (f *form) submit() []tea.Msg {
	if f.submitting {
		return nil
	}
	for i, fl := range f.fields {
		var te *meeting.TextError
		if err := meeting.CheckText(textKind(fl.limit), fl.input.Value()); errors.As(err, &te) {
			f.setErr(i, te.Message(f.common.Text.Lang))
			f.focusOn(i)
			return nil
		}
	}
	ch, field, msg := f.change()
	if msg != "" {
		f.setErr(field, msg)
		f.focusOn(field)
		return nil
	}
	if ch == nil {
		return []tea.Msg{closeFormMsg{}}
	}
	f.err = ""
	f.submitting = true
	ch.form = f.id
	return []tea.Msg{write(*ch)}
}

// focusOn moves the cursor to field i, where the error to fix is shown.
func (f *form) focusOn(i int) {
	if i < 0 || i >= len(f.fields) || i == f.focus {
		return
	}
	f.fields[f.focus].input.Blur()
	f.focus = i
	f.fields[i].input.Focus()
	f.fields[i].input.CursorEnd()
}

// failed shows why the form's change was not saved; the text stays.
func (f *form) failed(msg string) {
	f.submitting = false
	f.setErr(f.focus, msg)
}

// change turns the form into the change that saves it. A message (in the
// UI language) names what to fix and in which field.
func (f *form) change() (ch *change, field int, msg string) {
	c := f.common
	t := c.Text
	now := c.Clock.Now()
	req := f.req
	mk := func(what string, op runOp, commit func(context.Context, Store, meeting.Meeting, meeting.Meeting) (meeting.Meeting, tea.Msg, error), notice string) *change {
		return &change{what: what, at: now, op: op, commit: commit, notice: func(_, _ meeting.Meeting) string { return notice }}
	}
	switch req.kind {
	case formGuest:
		g := meeting.Guest{Name: f.value(0), Role: f.value(1)}
		if g.Name == "" {
			return nil, 0, t.NeedName
		}
		return mk(g.Name, nil, func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			saved, err := st.AddGuest(ctx, before.ID, g)
			if err != nil {
				return before, nil, err
			}
			return saved, nil, nil
		}, fmt.Sprintf(t.NoticeGuest, g.Name)), 0, ""
	case formReason:
		reason := f.value(0)
		if reason == "" {
			return nil, 0, ""
		}
		id := req.member.ID
		return mk(req.member.Name, func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
			a, ok := mt.Attendance[id]
			if !ok {
				return mt, meeting.Errork(meeting.ENOTFOUND, "tui.StoreNotFound")
			}
			a.Reason = reason
			return mt.WithAttendance(a), nil
		}, func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			return after, nil, st.RecordAttendance(ctx, after.ID, after.Attendance[id])
		}, fmt.Sprintf(t.NoticeReason, req.member.Name)), 0, ""
	case formNewMember:
		mem := meeting.Member{Name: f.value(0), Email: f.value(1), Role: meeting.RoleMember, Joined: now}
		yd, practice := f.value(2), f.value(3)
		if mem.Name == "" {
			return nil, 0, t.NeedNameAndYdernummer
		}
		if yd == "" {
			return nil, 2, t.NeedNameAndYdernummer
		}
		clusterID := f.cluster.ID
		return mk(mem.Name, nil, func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			// Added at this meeting, the doctor is a member from its date
			// at the latest, so a check-in typed in afterwards still
			// counts (meeting.Member.ActiveOn).
			if before.PlannedStart.Before(mem.Joined) {
				mem.Joined = before.PlannedStart
			}
			if _, err := st.AddMember(ctx, clusterID, yd, mem, practice); err != nil {
				return before, nil, err
			}
			return rosterChanged(ctx, st, before, clusterID)
		}, fmt.Sprintf(t.NoticeMemberAdded, mem.Name)), 0, ""
	case formEditMember:
		mem := req.member
		mem.Name, mem.Email = f.value(0), f.value(1)
		if mem.Name == "" {
			return nil, 0, t.NeedName
		}
		clusterID := f.cluster.ID
		return mk(mem.Name, nil, func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			if _, err := st.UpdateMember(ctx, mem); err != nil {
				return before, nil, err
			}
			return rosterChanged(ctx, st, before, clusterID)
		}, fmt.Sprintf(t.NoticeMemberSaved, mem.Name)), 0, ""
	case formRetire:
		mem := req.member
		clusterID := f.cluster.ID
		return mk(mem.Name, nil, func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			if _, err := st.RetireMember(ctx, mem.ID, now); err != nil {
				return before, nil, err
			}
			return rosterChanged(ctx, st, before, clusterID)
		}, fmt.Sprintf(t.NoticeMemberRetired, mem.Name)), 0, ""
	case formGroups:
		size, err := strconv.Atoi(f.value(0))
		if err != nil {
			return nil, 0, fmt.Sprintf(t.BadNumber, t.FieldGroupSize)
		}
		return f.formGroups(size)
	case formMove:
		return f.moveMember()
	case formNote:
		text := f.value(0)
		i, group := req.item, req.group
		return mk(fmt.Sprintf(t.NoteTitle, group), func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
			return mt.WithNote(i, group, text)
		}, func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			return after, nil, st.RecordNote(ctx, after.ID, after.Items[i].ID, group, text)
		}, fmt.Sprintf(t.NoticeNote, group)), 0, ""
	case formHands:
		score, err := strconv.Atoi(f.value(0))
		if err != nil || meeting.CheckScore(score, 1) != nil {
			return nil, 0, t.T("tui.BadScore")
		}
		count, err := strconv.Atoi(f.value(1))
		if err != nil || meeting.CheckScore(score, count) != nil {
			return nil, 1, t.T("tui.BadHands", meeting.MaxHands)
		}
		ch := scoreChange(c, req.item, score, count)
		return &ch, 0, ""
	case formPlan:
		p := req.planned
		at, dayOK, startOK := parsePlanStart(f.value(0), f.value(1), now.Location())
		if !dayOK {
			return nil, 0, t.T("tui.BadPlanDate", f.value(0))
		}
		if !startOK {
			return nil, 1, t.T("tui.BadPlanStart", f.value(1))
		}
		p.Start, p.Place, p.Topic, p.Host = at, f.value(2), f.value(3), f.value(4)
		if err := p.Validate(); err != nil {
			return nil, 2, t.Error(err)
		}
		return planChange(c, p), 0, ""
	case formDecision:
		d := req.decision
		d.Text, d.Rule, d.Made = f.value(0), f.value(2), now
		if req.decision.ID != 0 {
			d.Made = req.decision.Made
		}
		if d.Text == "" {
			return nil, 0, t.Error(meeting.Errork(meeting.EINVALID, "err.DecisionNoText"))
		}
		var err error
		if d.Unanimous, d.For, d.Against, d.Abstain, err = meeting.ParseVote(f.value(1)); err != nil {
			return nil, 1, t.Error(err)
		}
		if err := d.Validate(); err != nil {
			return nil, 1, t.Error(err)
		}
		return decisionChange(c, d), 0, ""
	case formEvalNotes:
		worked, change := f.value(0), f.value(1)
		i := req.item
		return mk(t.T("tui.EvalNotesTitle"), func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
			return mt.WithEvaluationNotes(i, worked, change)
		}, func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			return after, nil, st.RecordEvaluationNotes(ctx, after.ID, after.Items[i].ID, worked, change)
		}, t.T("tui.NoticeEvalNotes")), 0, ""
	case formPledge:
		return f.pledge(now)
	case formExport:
		dir := f.value(0)
		if dir == "" {
			return nil, 0, t.FieldFolder
		}
		exp := c.Exporter
		return mk(t.ExportTitle, nil, func(ctx context.Context, _ Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			paths, err := exp.ExportAll(ctx, before.ID, dir)
			if err != nil {
				return before, nil, err
			}
			return before, exportedMsg{dir: dir, paths: paths}, nil
		}, ""), 0, ""
	case formReview:
		comment := f.value(0)
		return mk(req.pledge.Action, nil, func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			p, err := st.ReviewPledge(ctx, req.pledge.ID, before.ID, req.outcome, comment, now)
			if err != nil {
				return before, nil, err
			}
			return before, reviewedMsg{p}, nil
		}, fmt.Sprintf(t.NoticeReviewed, t.Outcomes[req.outcome])), 0, ""
	}
	return nil, 0, ""
}

// rosterChanged reads the cluster again after a roster change, inside the
// commit, so the root gets it in order with the other changes.
func rosterChanged(ctx context.Context, st Store, before meeting.Meeting, clusterID int64) (meeting.Meeting, tea.Msg, error) {
	cl, err := st.Cluster(ctx, clusterID)
	if err != nil {
		return before, nil, err
	}
	return before, clusterMsg{cl}, nil
}

// clusterMsg carries the cluster as read after a roster change.
type clusterMsg struct{ cluster meeting.Cluster }

// formGroups forms groups of the doctors checked in as present, keeping
// apart doctors of one practice and last meeting's pairs, and saves them.
func (f *form) formGroups(size int) (*change, int, string) {
	c := f.common
	cluster := f.cluster
	n := len(presentMembers(f.mt, cluster))
	switch {
	case n == 0:
		return nil, 0, c.Text.NoPresent
	case size < 2 || 2*size > n:
		return nil, 0, fmt.Sprintf(c.Text.BadGroupSize, n)
	}
	rnd := c.Rand
	return &change{
		what: c.Text.GroupsTitle,
		at:   c.Clock.Now(),
		commit: func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			present := presentMembers(before, cluster)
			if len(present) == 0 {
				return before, nil, meeting.Errork(meeting.EINVALID, "tui.NoPresent")
			}
			previous, err := st.PreviousGroups(ctx, before.ID)
			if err != nil {
				return before, nil, err
			}
			groups, err := meeting.FormGroups(present, meeting.GroupRequest{Size: size}, previous, rnd)
			if err != nil {
				return before, nil, err
			}
			saved, err := st.SaveGroups(ctx, before.ID, groups)
			if err != nil {
				return before, nil, err
			}
			return saved, nil, nil
		},
		notice: func(_, after meeting.Meeting) string {
			n := 0
			for _, g := range after.Groups {
				n += len(g.Members)
			}
			return c.Text.T("tui.NoticeGroups", len(after.Groups), n)
		},
	}, 0, ""
}

// presentMembers are the doctors checked in as present (or late).
func presentMembers(mt meeting.Meeting, cluster meeting.Cluster) []meeting.GroupMember {
	var present []meeting.GroupMember
	for _, p := range cluster.Practices {
		for _, mem := range p.Members {
			if a, ok := mt.Attendance[mem.ID]; ok && a.Status.Attended() {
				present = append(present, meeting.GroupMember{MemberID: mem.ID, Name: mem.Name, Ydernummer: p.Ydernummer})
			}
		}
	}
	return present
}

// groupMemberNames are the grouped doctors whose name matches s.
func (f *form) groupMemberNames(s string) []string {
	var names []string
	for _, g := range f.mt.Groups {
		for _, m := range g.Members {
			if meeting.MatchesFilter(s, m.Name, "") {
				names = append(names, m.Name)
			}
		}
	}
	return names
}

// moveMember moves the one doctor whose name matches to another group.
func (f *form) moveMember() (*change, int, string) {
	c := f.common
	t := c.Text
	name := f.value(0)
	var found []meeting.GroupMember
	for _, g := range f.mt.Groups {
		for _, m := range g.Members {
			if meeting.MatchesFilter(name, m.Name, "") {
				found = append(found, m)
			}
		}
	}
	switch {
	case len(found) == 0:
		return nil, 0, fmt.Sprintf(t.NoDoctor, name)
	case len(found) > 1:
		names := make([]string, len(found))
		for i, m := range found {
			names[i] = m.Name
		}
		return nil, 0, fmt.Sprintf(t.ManyDoctors, name, strings.Join(names, ", "))
	}
	group, err := strconv.Atoi(f.value(1))
	if err != nil || group < 1 || group > len(f.mt.Groups) {
		return nil, 1, fmt.Sprintf(t.BadNumber, t.FieldGroup)
	}
	who := found[0]
	return &change{
		what: who.Name,
		at:   c.Clock.Now(),
		commit: func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			groups, err := meeting.MoveMember(before.Groups, who.MemberID, group)
			if err != nil {
				return before, nil, err
			}
			saved, err := st.SaveGroups(ctx, before.ID, groups)
			if err != nil {
				return before, nil, err
			}
			return saved, nil, nil
		},
		notice: func(_, _ meeting.Meeting) string { return fmt.Sprintf(t.NoticeMovedMember, who.Name, group) },
	}, 0, ""
}

// practices are the cluster's practices that s names: by ydernummer, or
// by part of the name, with Danish folding (meeting.FindPractices).
func (f *form) practices(s string) []meeting.Practice { return f.cluster.FindPractices(s) }

func practiceNames(ps []meeting.Practice) []string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return names
}

// indicators are the pack's indicators that s names: by id, or by part of
// the title or id.
func (f *form) indicators(s string) []meeting.Indicator {
	s = strings.TrimSpace(s)
	var found []meeting.Indicator
	for _, ind := range f.mt.Pack.Indicators {
		if ind.ID == s || strings.EqualFold(ind.Title, s) {
			return []meeting.Indicator{ind}
		}
		if s != "" && meeting.MatchesFilter(s, ind.Title, ind.ID) {
			found = append(found, ind)
		}
	}
	return found
}

func indicatorNames(is []meeting.Indicator) []string {
	names := make([]string, len(is))
	for i, ind := range is {
		names[i] = ind.Title
	}
	return names
}

// doctors are practice p's doctors active at the meeting whose name
// matches s (meeting.FindMembers).
func (f *form) doctors(p meeting.Practice, s string) []meeting.Member {
	return meeting.Cluster{Practices: []meeting.Practice{p}}.FindMembers(s, f.mt.PlannedStart)
}

func memberNames(ms []meeting.Member) []string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.Name
	}
	return names
}

// pledge resolves the practice, indicator and doctor by part of their
// names, reads the due date and returns the change that saves the pledge.
func (f *form) pledge(now time.Time) (*change, int, string) {
	c := f.common
	t := c.Text
	typed := f.value(pledgePractice)
	ps := f.practices(typed)
	switch {
	case len(ps) == 0:
		return nil, pledgePractice, fmt.Sprintf(t.NoPracticeMatch, typed)
	case len(ps) > 1:
		return nil, pledgePractice, fmt.Sprintf(t.ManyPractices, typed, strings.Join(practiceNames(ps), ", "))
	}
	practice := ps[0]
	p := f.req.pledge
	p.MeetingID = f.mt.ID
	p.Ydernummer = practice.Ydernummer
	p.Action, p.Owner = f.value(pledgeAction), f.value(pledgeOwner)
	if p.Action == "" {
		return nil, pledgeAction, t.NeedAction
	}
	// "næste" is the cluster's next planned meeting: the same rule as
	// `klynge pledge add --due` (meeting.DueDate).
	due, err := meeting.DueDate(f.value(pledgeDue), f.mt, f.meetings, now, f.plan...)
	if err != nil {
		if d, err := meeting.DueDate(f.value(pledgeDue), f.mt, f.meetings, time.Time{}.In(now.Location()), f.plan...); err == nil {
			return nil, pledgeDue, fmt.Sprintf(t.DuePassed, d.Format("02-01-2006"))
		}
		return nil, pledgeDue, fmt.Sprintf(t.BadDue, f.value(pledgeDue))
	}
	p.Due = due
	p.Indicator = ""
	if s := f.value(pledgeIndicator); s != "" {
		is := f.indicators(s)
		switch {
		case len(is) == 0:
			return nil, pledgeIndicator, fmt.Sprintf(t.NoIndicator, s)
		case len(is) > 1:
			return nil, pledgeIndicator, fmt.Sprintf(t.ManyIndicators, s, strings.Join(indicatorNames(is), ", "))
		}
		p.Indicator = is[0].ID
	}
	p.Target = nil
	if v := strings.ReplaceAll(f.value(pledgeTarget), ",", "."); v != "" {
		x, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(v, "%")), 64)
		if err != nil || p.Indicator == "" {
			return nil, pledgeTarget, fmt.Sprintf(t.BadNumber, t.FieldTarget)
		}
		p.Target = &x
	}
	// A pledge may be one doctor's rather than the whole practice's.
	p.MemberID = 0
	if name := f.value(pledgeDoctor); name != "" {
		found := f.doctors(practice, name)
		switch {
		case len(found) == 0:
			return nil, pledgeDoctor, fmt.Sprintf(t.NoDoctor, name)
		case len(found) > 1:
			return nil, pledgeDoctor, fmt.Sprintf(t.ManyDoctors, name, strings.Join(memberNames(found), ", "))
		}
		p.MemberID = found[0].ID
	}
	if p.ID == 0 {
		p.Created = now
	}
	if err := p.Validate(); err != nil {
		return nil, pledgeAction, t.NeedAction
	}
	return &change{
		what: practice.Name + ": " + truncate(p.Action, 30),
		at:   now,
		commit: func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			saved, err := st.SavePledge(ctx, p)
			if err != nil {
				return before, nil, err
			}
			return before, pledgeSavedMsg{saved}, nil
		},
		notice: func(_, _ meeting.Meeting) string { return fmt.Sprintf(t.NoticePledgeSaved, practice.Name) },
	}, 0, ""
}

// fieldView draws a text field no wider than its prompt, its width and the
// cursor. The text input scrolls by runes, so emoji and other wide
// characters would otherwise push the line past the form's frame.
func fieldView(in textinput.Model) string {
	return truncateANSI(in.View(), textWidth(in.Prompt)+in.Width+1)
}
