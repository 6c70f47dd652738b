package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// Text holds every user-facing string of the TUI in one language.
type Text struct {
	Lang string

	KeyUp, KeyDown, KeyPrev, KeyNext, KeyOpen, KeyBack, KeyStart, KeyHelp, KeyQuit, KeyYes, KeyNo        string
	KeyScrollUp, KeyScrollDown, KeyNextItem, KeyPrevItem, KeySkip, KeyLonger, KeyShorter                 string
	KeyMoveUp, KeyMoveDown, KeyAddItem, KeyNotes, KeyTheme, KeyReveal, KeyCodeKey, KeyConsent, KeyToggle string

	Agenda        string
	ColStart      string
	ColKind       string
	ColTitle      string
	ColPlanned    string
	Planned       string
	NotStarted    string
	StartedAt     string // format: time
	MinutesShort  string
	Loading       string
	Speaker       string
	Questions     string
	Indicators    string
	NoDetails     string
	QuitTitle     string
	QuitBody      string
	TooSmall      string // format: min w, min h, w, h
	HelpTitle     string
	ErrorPrefix   string
	DismissHint   string
	ItemOf        string // format: n, total
	Kinds         map[meeting.ItemKind]string
	Weekdays      [7]string
	Months        [12]string
	HigherBetter  string
	LowerBetter   string
	ContextMarker string

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
	CheckinCounts         string // format: present, practices, apologies, guests
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
	Loading2              string
	KeyStartPause         string
	KeyEndRound           string
	KeyFormGroups         string
	KeyMoveMember         string
	KeyNextGroup          string
	KeyPrevGroup          string
	KeyNote               string
	NoticeRoundStarted    string
	NoticeRoundResumed    string
	NoticeRoundPaused     string
	NoticeRoundLength     string // format: minutes
	NoticeRoundEnded      string
	TimerWords            map[meeting.TimerState]string
	NoGroups              string
	GroupsTitle           string
	GroupsHint            string
	FieldGroupSize        string
	MoveTitle             string
	FieldMember           string
	FieldGroup            string
	NoticeGroups          string // format: groups, doctors
	NoticeMovedMember     string // format: name, group
	NoPresent             string
	PresentTitle          string
	PresentingNow         string // format: group
	NoteTitle             string // format: group
	NoticeNote            string // format: group
	PerGroup              string // format: minutes
	KeyAddPledge          string
	KeyEditPledge         string
	KeyDeletePledge       string
	KeyUndo               string
	KeyPledges            string
	NoticePledgeDeleted   string
	NoticePledgeRestored  string
	NoticePledgeSaved     string // format: practice
	PledgesTitle          string // format: count
	NoPledges             string
	Owner                 string
	Due                   string
	PledgeTitle           string
	FieldPractice2        string
	FieldAction           string
	FieldOwner            string
	FieldDue              string
	FieldIndicator        string
	FieldTarget           string
	FieldDoctor           string
	NeedPractice          string
	FollowUpTitle         string // format: count
	FollowUpItem          string
	FollowUpHint          string
	NoOpenPledges         string
	NotReviewed           string
	Outcomes              map[meeting.ReviewOutcome]string
	FiguresNeedConsent    string
	KeyOutcome            string
	KeyFollowUp           string
	FieldComment          string
	NoticeReviewed        string // format: outcome
	KeyExport             string
	ExportTitle           string
	ExportHint            string
	FieldFolder           string
	ExportedTitle         string
	NoticeExported        string // format: count, folder

	// The write queue and the forms.
	KeyPrevField    string
	WaitingDB       string // format: number of changes waiting
	NotSaved        string // format: the changes
	Saving          string
	FieldFull       string // format: limit
	CharsLeft       string // format: count
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
// Danish, the default.
func Language(lang string) Text {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return english()
	}
	return danish()
}

func danish() Text {
	return Text{
		Lang:  "da",
		KeyUp: "op", KeyDown: "ned", KeyPrev: "forrige", KeyNext: "næste",
		KeyScrollUp: "side op", KeyScrollDown: "side ned", KeyNextItem: "næste punkt", KeyPrevItem: "tilbage et punkt",
		KeySkip: "drop", KeyLonger: "+1 min", KeyShorter: "−1 min", KeyMoveUp: "flyt op", KeyMoveDown: "flyt ned",
		KeyAddItem: "tilføj punkt", KeyNotes: "noter", KeyTheme: "lyst/mørkt",
		KeyReveal: "vis/skjul søjler", KeyCodeKey: "kodenøgle", KeyConsent: "navne (samtykke)", KeyToggle: "skift", KeyOpen: "åbn punkt", KeyBack: "tilbage",
		KeyStart: "start mødet", KeyHelp: "hjælp", KeyQuit: "afslut", KeyYes: "ja", KeyNo: "nej",
		Agenda:       "Dagsorden",
		ColStart:     "Start",
		ColKind:      "Punkt",
		ColTitle:     "Titel",
		ColPlanned:   "Planlagt",
		Planned:      "planlagt",
		NotStarted:   "ikke startet",
		StartedAt:    "startet %s",
		MinutesShort: "min",
		Loading:      "Henter mødet …",
		Speaker:      "Oplægsholder",
		Questions:    "Spørgsmål",
		Indicators:   "Indikatorer",
		NoDetails:    "Ingen spørgsmål eller data til dette punkt.",
		QuitTitle:    "Afslut klynge?",
		QuitBody:     "Mødet er i gang. Alt er gemt, og du kan fortsætte med »klynge run«.",
		TooSmall:     "Gør vinduet større: mindst %d×%d tegn (nu %d×%d).",
		HelpTitle:    "Taster",
		ErrorPrefix:  "Fejl",
		DismissHint:  "tryk en tast for at fortsætte",
		ItemOf:       "punkt %d af %d",
		Kinds: map[meeting.ItemKind]string{
			meeting.KindWelcome: "Velkomst", meeting.KindTalk: "Oplæg", meeting.KindData: "Data",
			meeting.KindGroupwork: "Gruppearbejde", meeting.KindPlenum: "Plenum",
			meeting.KindBreak: "Pause", meeting.KindEvaluation: "Evaluering", meeting.KindFollowUp: "Opfølgning",
		},
		Weekdays:      [7]string{"søn.", "man.", "tirs.", "ons.", "tors.", "fre.", "lør."},
		Months:        [12]string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."},
		HigherBetter:  "højere er bedre",
		LowerBetter:   "lavere er bedre",
		ContextMarker: "kontekst",

		ColActual:     "Faktisk",
		Behind:        "%d min bagud",
		Ahead:         "%d min foran",
		OnTime:        "til tiden",
		And:           "og",
		Left:          "%s tilbage",
		Over:          "%s over tiden",
		PlannedEnd:    "planlagt slut %s",
		ProjectedEnd:  "forventet slut %s",
		NotFit:        "Når ikke med før %s: %s.",
		NotFitHint:    "Vælg et punkt: − forkorter, x dropper. Intet skæres væk af sig selv.",
		OverrunNow:    "»%s« er %d min over tiden.",
		Legend:        "○ kommer · ● i gang · ✓ holdt · ✗ droppet · ⚠ når ikke med",
		MeetingEnded:  "Mødet er slut.",
		NoticeStarted: "Mødet er startet %s",
		NoticeItem:    "»%s« er i gang",
		NoticeSkipped: "»%s« er droppet",
		NoticeBack:    "Tilbage til »%s«",
		NoticeMinutes: "»%s« har nu %d min",
		NoticeMoved:   "»%s« er flyttet",
		NoticeAdded:   "»%s« er tilføjet",
		NoticeEnded:   "Mødet sluttede %s",
		NoticeTheme:   "Tema: %s",
		Apologies:     "Afbud",
		NoApologies:   "Ingen afbud registreret endnu.",
		AddTitle:      "Tilføj punkt",
		AddName:       "Titel",
		AddMinutes:    "Minutter",
		AddDefault:    "Eventuelt",
		AddHint:       "tab skifter felt · enter tilføjer · esc fortryder",
		ThemeDark:     "mørkt",
		ThemeLight:    "lyst",
		StatusWords: map[meeting.AttendanceStatus]string{
			meeting.StatusPresent: "til stede", meeting.StatusApologies: "afbud", meeting.StatusAbsent: "udeblevet",
			meeting.StatusLate: "kom senere", meeting.StatusLeftEarly: "gik tidligere", meeting.StatusNotChecked: "ikke registreret",
		},
		KeyClearStatus: "nulstil", KeyGuest: "gæst", KeyNewMember: "ny læge", KeyEditMember: "ret læge",
		KeyRetire: "udmeld", KeyHistory: "historik", KeyCheckin: "fremmøde", KeySave: "gem", KeyNextField: "næste felt", KeyCancel: "fortryd",
		FilterHint:    "skriv en del af et navn …",
		CheckinTitle:  "Fremmøde",
		CheckinCounts: "%d læger til stede · %d praksis · %d afbud · %d gæster",
		NoMatch:       "Ingen læger passer til søgningen.",
		NoticeCheckin: "%s: %s",
		GuestTitle:    "Gæst", FieldName: "Navn", FieldRole: "Rolle (fx oplægsholder, farmaceut)", FieldEmail: "E-mail",
		FieldYdernummer: "Ydernummer", FieldPractice: "Praksis (kun for en ny praksis)", FieldReason: "Begrundelse (kan udelades)",
		NewMemberTitle: "Ny læge i klyngen", NewMemberHint: "Lægen kommer med i fremmødet fra i dag.",
		EditMemberTitle: "Ret læge", RetireTitle: "Udmeld læge",
		RetireBody:  "%s udmeldes af klyngen fra i dag. Historikken bevares. Udmeld?",
		ReasonTitle: "Afbud fra %s", FormHint: "enter gemmer · tab næste felt · esc fortryder", ConfirmHint: "j/y ja · n/esc nej",
		NeedName: "skriv et navn", NeedNameAndYdernummer: "skriv navn og ydernummer",
		NoticeGuest: "%s er skrevet på som gæst", NoticeReason: "begrundelsen for %s er gemt",
		NoticeMemberAdded: "%s er med i klyngen", NoticeMemberSaved: "%s er rettet", NoticeMemberRetired: "%s er udmeldt",
		Guests: "Gæster", HistoryTitle: "Fremmøde de seneste 12 måneder – ikke til projektor",
		HistoryHead: "Læge · praksis · møder · deltog · missede (afbud) · sidst set", ReachOut: "tag kontakt",
		RetiredMark: "udmeldt", Loading2: "Henter historikken …",
		KeyStartPause: "start/pause", KeyEndRound: "slut runden", KeyFormGroups: "dan grupper", KeyMoveMember: "flyt læge",
		KeyNextGroup: "næste gruppe", KeyPrevGroup: "forrige gruppe", KeyNote: "notat",
		NoticeRoundStarted: "Runden er startet", NoticeRoundResumed: "Runden fortsætter", NoticeRoundPaused: "Runden er sat på pause",
		NoticeRoundLength: "Runden er nu %d min", NoticeRoundEnded: "Runden er slut",
		TimerWords: map[meeting.TimerState]string{
			meeting.TimerNotStarted: "ikke startet", meeting.TimerRunning: "i gang", meeting.TimerPaused: "pause",
			meeting.TimerLastMinutes: "sidste minutter", meeting.TimerOverrun: "OVER TIDEN", meeting.TimerEnded: "slut",
		},
		NoGroups:    "Ingen grupper endnu – tryk g for at danne grupper af de fremmødte.",
		GroupsTitle: "Dan grupper", GroupsHint: "Læger fra samme praksis kommer i hver sin gruppe, og grupperne fra sidste møde undgås.",
		FieldGroupSize: "Gruppestørrelse (3–5)", MoveTitle: "Flyt en læge", FieldMember: "Læge (del af navnet)", FieldGroup: "Til gruppe nr.",
		NoticeGroups: "%d grupper af %d læger", NoticeMovedMember: "%s er flyttet til gruppe %d",
		NoPresent:    "ingen er registreret til stede endnu: tryk F og tjek lægerne ind først",
		PresentTitle: "Fremlæggelser", PresentingNow: "Gruppe %d fremlægger", NoteTitle: "Notat fra gruppe %d", NoticeNote: "notatet fra gruppe %d er gemt",
		PerGroup:     "ca. %d min pr. gruppe",
		KeyAddPledge: "nyt tiltag", KeyEditPledge: "ret tiltag", KeyDeletePledge: "slet", KeyUndo: "fortryd sletning", KeyPledges: "tiltag",
		NoticePledgeDeleted: "tiltaget er slettet – tryk u for at fortryde", NoticePledgeRestored: "tiltaget er tilbage",
		NoticePledgeSaved: "tiltaget fra %s er gemt", PledgesTitle: "Tiltag (%d)", NoPledges: "Ingen tiltag endnu – tryk a for at skrive det første.",
		Owner: "ansvarlig", Due: "frist", PledgeTitle: "Tiltag", FieldPractice2: "Praksis (del af navnet)",
		FieldAction: "Hvad vil praksis gøre?", FieldOwner: "Ansvarlig", FieldDue: "Frist (næste/1m/3m/dato)",
		FieldIndicator: "Indikator (kan udelades)", FieldTarget: "Mål (kan udelades)", FieldDoctor: "Kun én læge (kan udelades)", NeedPractice: "vælg én praksis;",
		FollowUpTitle: "Opfølgning på tiltag (%d)", FollowUpItem: "Opfølgning på tiltag fra sidste møde",
		FollowUpHint:  "1 gennemført · 2 delvist · 3 ikke gennemført · 4 droppet",
		NoOpenPledges: "Ingen åbne tiltag fra tidligere møder.", NotReviewed: "ikke fulgt op",
		Outcomes: map[meeting.ReviewOutcome]string{
			meeting.OutcomeDone: "gennemført", meeting.OutcomePartly: "delvist", meeting.OutcomeNotDone: "ikke gennemført", meeting.OutcomeDropped: "droppet",
		},
		FiguresNeedConsent: "tal vises kun med samtykke (P)", KeyOutcome: "udfald", KeyFollowUp: "opfølgning",
		FieldComment: "Kommentar (kan udelades)", NoticeReviewed: "opfølgningen er gemt: %s",
		KeyExport: "eksport", ExportTitle: "Eksport efter mødet",
		ExportHint:  "Referat, opfølgningslister (Markdown, CSV, XLSX, kalender), fremmøde og personlige ark skrives i mappen. Findes filerne, overskrives de ikke.",
		FieldFolder: "Mappe", ExportedTitle: "Skrevet:", NoticeExported: "%d filer skrevet til %s",
		WaitingStart:     "Ikke startet · planlagt start %s · tryk s for at starte",
		KeyPrevField:     "forrige felt",
		WaitingDB:        "venter på databasen… (%d ikke gemt endnu)",
		NotSaved:         "IKKE GEMT: %s",
		Saving:           "gemmer…",
		FieldFull:        "feltet er fuldt: højst %d tegn",
		CharsLeft:        "%d tegn tilbage",
		StoreBusy:        "databasen er optaget af et andet program; prøver igen",
		StoreInvalid:     "kan ikke gemmes: databasen afviste det",
		StoreConflict:    "kan ikke gemmes: det strider mod det, der allerede er gemt",
		StoreNotFound:    "kan ikke gemmes: det findes ikke længere i databasen",
		StoreFailed:      "kan ikke gemmes: databasen eller disken fejlede",
		Matches:          "passer: %s",
		NoIndicator:      "ingen indikator passer til »%s«",
		NoPracticeMatch:  "ingen praksis passer til »%s«",
		ManyPractices:    "»%s« passer til flere praksisser: %s – skriv mere af navnet",
		ManyIndicators:   "»%s« passer til flere indikatorer: %s – skriv mere",
		NoDoctor:         "ingen læge i praksissen passer til »%s«",
		ManyDoctors:      "»%s« passer til flere læger: %s",
		BadNumber:        "%s skal være et tal",
		BadDue:           "»%s« er ikke en frist: skriv fx 31-03-2027, 3m eller næste",
		NeedAction:       "skriv hvad praksissen vil gøre",
		DuePassed:        "fristen %s er overskredet: skriv en senere dato",
		BadGroupSize:     "gruppestørrelsen skal være mindst 2 og højst halvdelen af de %d fremmødte",
		CodeKeyTitle:     "Kodenøgle – ikke til projektor",
		CodeKeyWarning:   "Kodenøglen viser, hvilken praksis der har hvilken kode. Sluk projektoren eller vend skærmen væk fra salen, før du viser den. Den skjules igen ved næste tastetryk.",
		NotesWarnTitle:   "Talernoter – ikke til projektor",
		NotesWarning:     "Noterne erstatter sliden på skærmen, som salen ser. Sluk projektoren eller vend skærmen væk, før du viser dem. N skjuler dem igen.",
		ConsentTitle:     "Navne på søjlerne (samtykke)",
		ConsentHint:      "Kun praksis, der har sagt ja i aften, vises med navn. Resten beholder deres kode.",
		ConsentYes:       "vises med navn (ja kl. %s)",
		ConsentNo:        "anonym",
		ConsentGiven:     "%s vises nu med navn",
		ConsentWithdrawn: "%s er anonym igen",
		StartsAt:         "planlagt start %s",
		EndedAt:          "sluttede %s",
		QuitBodyEnded:    "Mødet er slut. Alt er gemt; eksport og opfølgning kan også ske senere med »klynge run«.",
		KeyReopen:        "genåbn mødet",
		ReopenTitle:      "Genåbn mødet?",
		ReopenBody:       "Mødet sluttede %s. Genåbnes det, kører »%s« igen, og dets ur tæller tiden siden da.",
		NoticeReopened:   "Mødet er genåbnet: »%s« kører igen",
	}
}

func english() Text {
	return Text{
		Lang:  "en",
		KeyUp: "up", KeyDown: "down", KeyPrev: "previous", KeyNext: "next",
		KeyScrollUp: "page up", KeyScrollDown: "page down", KeyNextItem: "next item", KeyPrevItem: "back one item",
		KeySkip: "drop", KeyLonger: "+1 min", KeyShorter: "−1 min", KeyMoveUp: "move up", KeyMoveDown: "move down",
		KeyAddItem: "add item", KeyNotes: "notes", KeyTheme: "light/dark",
		KeyReveal: "show/hide bars", KeyCodeKey: "code key", KeyConsent: "names (consent)", KeyToggle: "toggle", KeyOpen: "open item", KeyBack: "back",
		KeyStart: "start meeting", KeyHelp: "help", KeyQuit: "quit", KeyYes: "yes", KeyNo: "no",
		Agenda:       "Agenda",
		ColStart:     "Start",
		ColKind:      "Kind",
		ColTitle:     "Title",
		ColPlanned:   "Planned",
		Planned:      "planned",
		NotStarted:   "not started",
		StartedAt:    "started %s",
		MinutesShort: "min",
		Loading:      "Loading the meeting …",
		Speaker:      "Speaker",
		Questions:    "Questions",
		Indicators:   "Indicators",
		NoDetails:    "No questions or data for this item.",
		QuitTitle:    "Quit klynge?",
		QuitBody:     "The meeting is under way. Everything is saved; continue with `klynge run`.",
		TooSmall:     "Make the window larger: at least %d×%d characters (now %d×%d).",
		HelpTitle:    "Keys",
		ErrorPrefix:  "Error",
		DismissHint:  "press any key to continue",
		ItemOf:       "item %d of %d",
		Kinds: map[meeting.ItemKind]string{
			meeting.KindWelcome: "Welcome", meeting.KindTalk: "Talk", meeting.KindData: "Data",
			meeting.KindGroupwork: "Group work", meeting.KindPlenum: "Plenary",
			meeting.KindBreak: "Break", meeting.KindEvaluation: "Evaluation", meeting.KindFollowUp: "Follow-up",
		},
		Weekdays:      [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		Months:        [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		HigherBetter:  "higher is better",
		LowerBetter:   "lower is better",
		ContextMarker: "context",

		ColActual:     "Actual",
		Behind:        "%d min behind",
		Ahead:         "%d min ahead",
		OnTime:        "on time",
		And:           "and",
		Left:          "%s left",
		Over:          "%s over time",
		PlannedEnd:    "planned end %s",
		ProjectedEnd:  "projected end %s",
		NotFit:        "No longer fits before %s: %s.",
		NotFitHint:    "Pick an item: − shortens it, x drops it. Nothing is cut by itself.",
		OverrunNow:    "%q is %d min over time.",
		Legend:        "○ to come · ● running · ✓ held · ✗ dropped · ⚠ does not fit",
		MeetingEnded:  "The meeting has ended.",
		NoticeStarted: "The meeting started %s",
		NoticeItem:    "%q is running",
		NoticeSkipped: "%q dropped",
		NoticeBack:    "Back to %q",
		NoticeMinutes: "%q now has %d min",
		NoticeMoved:   "%q moved",
		NoticeAdded:   "%q added",
		NoticeEnded:   "The meeting ended %s",
		NoticeTheme:   "Theme: %s",
		Apologies:     "Apologies",
		NoApologies:   "No apologies recorded yet.",
		AddTitle:      "Add item",
		AddName:       "Title",
		AddMinutes:    "Minutes",
		AddDefault:    "Any other business",
		AddHint:       "tab switches field · enter adds · esc cancels",
		ThemeDark:     "dark",
		ThemeLight:    "light",
		StatusWords: map[meeting.AttendanceStatus]string{
			meeting.StatusPresent: "present", meeting.StatusApologies: "apologies", meeting.StatusAbsent: "absent",
			meeting.StatusLate: "arrived late", meeting.StatusLeftEarly: "left early", meeting.StatusNotChecked: "not recorded",
		},
		KeyClearStatus: "clear", KeyGuest: "guest", KeyNewMember: "new doctor", KeyEditMember: "edit doctor",
		KeyRetire: "retire", KeyHistory: "history", KeyCheckin: "attendance", KeySave: "save", KeyNextField: "next field", KeyCancel: "cancel",
		FilterHint:    "type part of a name …",
		CheckinTitle:  "Attendance",
		CheckinCounts: "%d doctors present · %d practices · %d apologies · %d guests",
		NoMatch:       "No doctor matches.",
		NoticeCheckin: "%s: %s",
		GuestTitle:    "Guest", FieldName: "Name", FieldRole: "Role (e.g. speaker, pharmacist)", FieldEmail: "E-mail",
		FieldYdernummer: "Ydernummer", FieldPractice: "Practice (only for a new practice)", FieldReason: "Reason (optional)",
		NewMemberTitle: "New doctor in the cluster", NewMemberHint: "The doctor is counted from today.",
		EditMemberTitle: "Edit doctor", RetireTitle: "Retire doctor",
		RetireBody:  "%s leaves the cluster from today. The history stays. Retire?",
		ReasonTitle: "Apologies from %s", FormHint: "enter saves · tab next field · esc cancels", ConfirmHint: "y yes · n/esc no",
		NeedName: "write a name", NeedNameAndYdernummer: "write a name and a ydernummer",
		NoticeGuest: "%s added as a guest", NoticeReason: "reason for %s saved",
		NoticeMemberAdded: "%s joined the cluster", NoticeMemberSaved: "%s saved", NoticeMemberRetired: "%s retired",
		Guests: "Guests", HistoryTitle: "Attendance over the last 12 months – not for the projector",
		HistoryHead: "Doctor · practice · meetings · attended · missed (apologies) · last seen", ReachOut: "reach out",
		RetiredMark: "retired", Loading2: "Loading the history …",
		KeyStartPause: "start/pause", KeyEndRound: "end round", KeyFormGroups: "form groups", KeyMoveMember: "move doctor",
		KeyNextGroup: "next group", KeyPrevGroup: "previous group", KeyNote: "note",
		NoticeRoundStarted: "The round has started", NoticeRoundResumed: "The round continues", NoticeRoundPaused: "The round is paused",
		NoticeRoundLength: "The round is now %d min", NoticeRoundEnded: "The round has ended",
		TimerWords: map[meeting.TimerState]string{
			meeting.TimerNotStarted: "not started", meeting.TimerRunning: "running", meeting.TimerPaused: "paused",
			meeting.TimerLastMinutes: "last minutes", meeting.TimerOverrun: "OVER TIME", meeting.TimerEnded: "ended",
		},
		NoGroups:    "No groups yet – press g to form groups of the doctors present.",
		GroupsTitle: "Form groups", GroupsHint: "Doctors of one practice go to different groups, and last meeting's groups are avoided.",
		FieldGroupSize: "Group size (3–5)", MoveTitle: "Move a doctor", FieldMember: "Doctor (part of the name)", FieldGroup: "To group no.",
		NoticeGroups: "%d groups of %d doctors", NoticeMovedMember: "%s moved to group %d",
		NoPresent:    "nobody is checked in yet: press F and check the doctors in first",
		PresentTitle: "Presentations", PresentingNow: "Group %d presents", NoteTitle: "Note from group %d", NoticeNote: "the note from group %d is saved",
		PerGroup:     "about %d min per group",
		KeyAddPledge: "new pledge", KeyEditPledge: "edit pledge", KeyDeletePledge: "delete", KeyUndo: "undo delete", KeyPledges: "pledges",
		NoticePledgeDeleted: "the pledge is deleted – press u to undo", NoticePledgeRestored: "the pledge is back",
		NoticePledgeSaved: "the pledge from %s is saved", PledgesTitle: "Pledges (%d)", NoPledges: "No pledges yet – press a to write the first.",
		Owner: "owner", Due: "due", PledgeTitle: "Pledge", FieldPractice2: "Practice (part of the name)",
		FieldAction: "What will the practice do?", FieldOwner: "Owner (e.g. the nurse)", FieldDue: "Due (next, 1m, 3m or a date)",
		FieldIndicator: "Indicator (optional)", FieldTarget: "Target (optional)", FieldDoctor: "One doctor only (optional)", NeedPractice: "choose one practice;",
		FollowUpTitle: "Follow-up of pledges (%d)", FollowUpItem: "Follow-up of last meeting's pledges",
		FollowUpHint:  "1 done · 2 partly · 3 not done · 4 dropped",
		NoOpenPledges: "No open pledges from earlier meetings.", NotReviewed: "not followed up",
		Outcomes: map[meeting.ReviewOutcome]string{
			meeting.OutcomeDone: "done", meeting.OutcomePartly: "partly", meeting.OutcomeNotDone: "not done", meeting.OutcomeDropped: "dropped",
		},
		FiguresNeedConsent: "figures only with consent (P)", KeyOutcome: "outcome", KeyFollowUp: "follow-up",
		FieldComment: "Comment (optional)", NoticeReviewed: "follow-up saved: %s",
		KeyExport: "export", ExportTitle: "Export after the meeting",
		ExportHint:  "Minutes, follow-up lists (Markdown, CSV, XLSX, calendar), attendance and personal slips go into the folder. Existing files are not overwritten.",
		FieldFolder: "Folder", ExportedTitle: "Written:", NoticeExported: "%d files written to %s",
		WaitingStart:     "Not started · planned start %s · press s to start",
		KeyPrevField:     "previous field",
		WaitingDB:        "waiting for the database… (%d not saved yet)",
		NotSaved:         "NOT SAVED: %s",
		Saving:           "saving…",
		FieldFull:        "the field is full: at most %d characters",
		CharsLeft:        "%d characters left",
		StoreBusy:        "the database is busy in another program; trying again",
		StoreInvalid:     "cannot be saved: the database refused it",
		StoreConflict:    "cannot be saved: it clashes with what is already saved",
		StoreNotFound:    "cannot be saved: it no longer exists in the database",
		StoreFailed:      "cannot be saved: the database or the disk failed",
		Matches:          "matches: %s",
		NoIndicator:      "no indicator matches %q",
		NoPracticeMatch:  "no practice matches %q",
		ManyPractices:    "%q matches several practices: %s – type more of the name",
		ManyIndicators:   "%q matches several indicators: %s – type more",
		NoDoctor:         "no doctor of the practice matches %q",
		ManyDoctors:      "%q matches several doctors: %s",
		BadNumber:        "%s must be a number",
		BadDue:           "%q is not a due date: type e.g. 31-03-2027, 3m or next",
		NeedAction:       "type what the practice will do",
		DuePassed:        "the due date %s has passed: give a later date",
		BadGroupSize:     "the group size must be at least 2 and at most half of the %d present",
		CodeKeyTitle:     "Code key – not for the projector",
		CodeKeyWarning:   "The code key shows which practice has which code. Turn off the projector or turn the screen away from the room before you show it. It hides again on the next key.",
		NotesWarnTitle:   "Speaker notes – not for the projector",
		NotesWarning:     "The notes replace the slide on the screen the room sees. Turn off the projector or turn the screen away before you show them. N hides them again.",
		ConsentTitle:     "Names on the bars (consent)",
		ConsentHint:      "Only practices that agreed tonight are shown by name. The rest keep their codes.",
		ConsentYes:       "shown by name (agreed %s)",
		ConsentNo:        "anonymous",
		ConsentGiven:     "%s is now shown by name",
		ConsentWithdrawn: "%s is anonymous again",
		StartsAt:         "planned start %s",
		EndedAt:          "ended %s",
		QuitBodyEnded:    "The meeting has ended. Everything is saved; export and follow-up can also be done later with `klynge run`.",
		KeyReopen:        "reopen the meeting",
		ReopenTitle:      "Reopen the meeting?",
		ReopenBody:       "The meeting ended %s. Reopened, %q runs again and its clock counts the time since.",
		NoticeReopened:   "The meeting is reopened: %q runs again",
	}
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
