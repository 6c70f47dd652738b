package tui

import (
	"fmt"
	"reflect"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// Text holds every user-facing string of the TUI in one language.
type Text struct {
	Lang string
	p    *msg.Printer

	KeyUp, KeyDown, KeyPrev, KeyNext, KeyOpen, KeyBack, KeyStart, KeyHelp, KeyQuit, KeyYes, KeyNo        string
	KeyScrollUp, KeyScrollDown, KeyNextItem, KeyPrevItem, KeySkip, KeyLonger, KeyShorter                 string
	KeyMoveUp, KeyMoveDown, KeyAddItem, KeyNotes, KeyTheme, KeyReveal, KeyCodeKey, KeyConsent, KeyToggle string

	ColStart     string
	ColKind      string
	ColTitle     string
	ColPlanned   string
	Planned      string
	MinutesShort string
	Loading      string
	Speaker      string
	Questions    string
	Indicators   string
	NoDetails    string
	QuitTitle    string
	QuitBody     string
	TooSmall     string // format: min w, min h, w, h
	HelpTitle    string
	ErrorPrefix  string
	DismissHint  string
	ItemOf       string // format: n, total
	Kinds        map[meeting.ItemKind]string
	Weekdays     [7]string
	Months       [12]string
	HigherBetter string
	LowerBetter  string

	ColActual             string
	Behind                string // format: minutes
	Ahead                 string // format: minutes
	OnTime                string
	And                   string
	Left                  string // format: duration
	Over                  string // format: duration
	PlannedEnd            string // format: time
	ProjectedEnd          string // format: time
	NotFit                string // format: time, names
	NotFitHint            string
	OverrunNow            string // format: title, minutes
	Legend                string
	MeetingEnded          string
	NoticeStarted         string // format: time
	NoticeItem            string // format: title
	NoticeSkipped         string // format: title
	NoticeBack            string // format: title
	NoticeMinutes         string // format: title, minutes
	NoticeMoved           string // format: title
	NoticeAdded           string // format: title
	NoticeEnded           string // format: time
	NoticeTheme           string // format: theme name
	Apologies             string
	NoApologies           string
	AddTitle              string
	AddName               string
	AddMinutes            string
	AddDefault            string
	AddHint               string
	ThemeDark             string
	ThemeLight            string
	WaitingStart          string // format: time
	CodeKeyTitle          string
	CodeKeyWarning        string
	NotesWarnTitle        string
	NotesWarning          string
	ConsentTitle          string
	ConsentHint           string
	ConsentYes            string // format: time
	ConsentNo             string
	ConsentGiven          string // format: name
	ConsentWithdrawn      string // format: name
	StatusWords           map[meeting.AttendanceStatus]string
	KeyClearStatus        string
	KeyGuest              string
	KeyNewMember          string
	KeyEditMember         string
	KeyRetire             string
	KeyHistory            string
	KeyCheckin            string
	KeySave               string
	KeyNextField          string
	KeyCancel             string
	FilterHint            string
	CheckinTitle          string
	NoMatch               string
	NoticeCheckin         string // format: name, status
	GuestTitle            string
	FieldName             string
	FieldRole             string
	FieldEmail            string
	FieldYdernummer       string
	FieldPractice         string
	FieldReason           string
	NewMemberTitle        string
	NewMemberHint         string
	EditMemberTitle       string
	RetireTitle           string
	RetireBody            string // format: name
	ReasonTitle           string // format: name
	FormHint              string
	ConfirmHint           string
	NeedName              string
	NeedNameAndYdernummer string
	NoticeGuest           string // format: name
	NoticeReason          string // format: name
	NoticeMemberAdded     string // format: name
	NoticeMemberSaved     string // format: name
	NoticeMemberRetired   string // format: name
	Guests                string
	HistoryTitle          string
	HistoryHead           string
	ReachOut              string
	RetiredMark           string

	// Layout texts of issue 14c (lists that scroll, detail lines, keys
	// reachable while typing).
	ListPosition         string // format: first, last, total
	HistoryEmpty         string
	HistoryCount         string // format: attended, meetings, missed, apologies
	HistoryLast          string // format: date
	HistoryNever         string
	KeyHelpTyping        string
	GuestWord            string
	Loading2             string
	KeyStartPause        string
	KeyEndRound          string
	KeyFormGroups        string
	KeyMoveMember        string
	KeyNote              string
	NoticeRoundStarted   string
	NoticeRoundResumed   string
	NoticeRoundPaused    string
	NoticeRoundLength    string // format: minutes
	NoticeRoundEnded     string
	TimerWords           map[meeting.TimerState]string
	NoGroups             string
	GroupsTitle          string
	GroupsHint           string
	FieldGroupSize       string
	MoveTitle            string
	FieldMember          string
	FieldGroup           string
	NoticeMovedMember    string // format: name, group
	NoPresent            string
	PresentTitle         string
	PresentingNow        string // format: group
	NoteTitle            string // format: group
	NoticeNote           string // format: group
	PerGroup             string // format: minutes
	KeyAddPledge         string
	KeyEditPledge        string
	KeyDeletePledge      string
	KeyUndo              string
	KeyPledges           string
	NoticePledgeDeleted  string
	NoticePledgeRestored string
	NoticePledgeSaved    string // format: practice
	PledgesTitle         string // format: count
	NoPledges            string
	Owner                string
	Due                  string
	PledgeTitle          string
	FieldPractice2       string
	FieldAction          string
	FieldOwner           string
	FieldDue             string
	FieldIndicator       string
	FieldTarget          string
	FieldDoctor          string
	FollowUpTitle        string // format: count
	FollowUpItem         string
	FollowUpHint         string
	NoOpenPledges        string
	NotReviewed          string
	Outcomes             map[meeting.ReviewOutcome]string
	FiguresNeedConsent   string
	KeyFollowUp          string
	FieldComment         string
	NoticeReviewed       string // format: outcome
	KeyExport            string
	ExportTitle          string
	ExportHint           string
	FieldFolder          string

	// The write queue and the forms.
	KeyPrevField    string
	WaitingDB       string // format: number of changes waiting
	NotSaved        string // format: the changes
	Saving          string
	FieldFull       string // format: limit
	StoreBusy       string
	StoreInvalid    string
	StoreConflict   string
	StoreNotFound   string
	StoreFailed     string
	Matches         string // format: list
	NoIndicator     string // format: typed text
	NoPracticeMatch string // format: typed text
	ManyPractices   string // format: typed text, names
	ManyIndicators  string // format: typed text, titles
	NoDoctor        string // format: typed text
	ManyDoctors     string // format: typed text, names
	BadNumber       string // format: field
	BadDue          string // format: typed text
	NeedAction      string
	DuePassed       string // format: date
	BadGroupSize    string // format: doctors present

	// The one clock and the end state.
	StartsAt       string // format: time
	EndedAt        string // format: time
	QuitBodyEnded  string
	KeyReopen      string
	ReopenTitle    string
	ReopenBody     string // format: end time, title of the item that runs again
	NoticeReopened string // format: title
}

// Language returns the strings for lang ("da" or "en"); anything else gets
// Danish, the default. Every string comes from the one catalogue,
// meeting/msg: the field Name holds the message "tui.Name". To add a text,
// add it to meeting/msg/catalog_tui.go and either add a field here or word
// it with t.T("tui.Name", args...) (needed when it holds a count).
func Language(lang string) Text {
	p := msg.For(lang)
	t := Text{Lang: p.Lang(), p: p}
	v := reflect.ValueOf(&t).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if f.IsExported() && f.Type.Kind() == reflect.String && f.Name != "Lang" {
			v.Field(i).SetString(p.Format("tui." + f.Name))
		}
	}
	t.Kinds = map[meeting.ItemKind]string{}
	for _, k := range []meeting.ItemKind{meeting.KindWelcome, meeting.KindTalk, meeting.KindData, meeting.KindGroupwork,
		meeting.KindPlenum, meeting.KindBreak, meeting.KindEvaluation, meeting.KindFollowUp} {
		t.Kinds[k] = p.T("kind." + string(k))
	}
	t.StatusWords = map[meeting.AttendanceStatus]string{}
	for _, s := range []meeting.AttendanceStatus{meeting.StatusPresent, meeting.StatusApologies, meeting.StatusAbsent,
		meeting.StatusLate, meeting.StatusLeftEarly, meeting.StatusNotChecked} {
		t.StatusWords[s] = p.T("status." + string(s))
	}
	t.TimerWords = map[meeting.TimerState]string{}
	for _, s := range []meeting.TimerState{meeting.TimerNotStarted, meeting.TimerRunning, meeting.TimerPaused,
		meeting.TimerLastMinutes, meeting.TimerOverrun, meeting.TimerEnded} {
		t.TimerWords[s] = p.T("timer." + string(s))
	}
	t.Outcomes = map[meeting.ReviewOutcome]string{}
	for _, o := range []meeting.ReviewOutcome{meeting.OutcomeDone, meeting.OutcomePartly, meeting.OutcomeNotDone, meeting.OutcomeDropped} {
		t.Outcomes[o] = p.T("outcome." + string(o))
	}
	copy(t.Weekdays[:], p.Words("date.weekdays"))
	copy(t.Months[:], p.Words("date.months"))
	return t
}

// T words a catalogue message in the Text's language: the way to word a
// text with a count, or one without a field of its own.
func (t Text) T(key string, args ...any) string {
	if t.p == nil {
		return Language(t.Lang).T(key, args...)
	}
	return t.p.T(key, args...)
}

// Error words an error for the screen in the Text's language.
func (t Text) Error(err error) string {
	if t.p == nil {
		return Language(t.Lang).Error(err)
	}
	return t.p.Error(err)
}

// Date formats a date the way the language writes it on a slide:
// "man. 23. nov. 2026" or "Mon 23 Nov 2026".
func (t Text) Date(d time.Time) string {
	if t.Lang == "en" {
		return fmt.Sprintf("%s %d %s %d", t.Weekdays[d.Weekday()], d.Day(), t.Months[d.Month()-1], d.Year())
	}
	return fmt.Sprintf("%s %d. %s %d", t.Weekdays[d.Weekday()], d.Day(), t.Months[d.Month()-1], d.Year())
}

// Clock formats a time of day as 24-hour HH:MM, as both languages do here.
func (t Text) Clock(d time.Time) string { return d.Format("15:04") }

// Kind names an agenda item kind.
func (t Text) Kind(k meeting.ItemKind) string {
	if s, ok := t.Kinds[k]; ok {
		return s
	}
	return string(k)
}

// kindSymbol marks each kind with a symbol so the agenda never relies on
// colour alone.
func kindSymbol(k meeting.ItemKind) string {
	switch k {
	case meeting.KindWelcome:
		return "»"
	case meeting.KindTalk:
		return "▣"
	case meeting.KindData:
		return "▤"
	case meeting.KindGroupwork:
		return "◉"
	case meeting.KindPlenum:
		return "◎"
	case meeting.KindBreak:
		return "‖"
	case meeting.KindEvaluation:
		return "★"
	case meeting.KindFollowUp:
		return "↺"
	}
	return "·"
}
