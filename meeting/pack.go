package meeting

import "slices"

// ItemKind says what happens during an agenda item.
type ItemKind string

// The agenda item kinds a pack may use.
const (
	KindWelcome ItemKind = "welcome"
	// KindFollowUp is the follow-up of earlier meetings' pledges. Starting
	// a meeting adds one when pledges await it (Meeting.AddFollowUp); a
	// pack may also plan it.
	KindFollowUp   ItemKind = "followup"
	KindTalk       ItemKind = "talk"
	KindData       ItemKind = "data"
	KindGroupwork  ItemKind = "groupwork"
	KindPlenum     ItemKind = "plenum"
	KindBreak      ItemKind = "break"
	KindEvaluation ItemKind = "evaluation"
)

// ItemKinds lists every valid kind in the order a meeting usually runs them.
func ItemKinds() []ItemKind {
	return []ItemKind{KindWelcome, KindFollowUp, KindTalk, KindData, KindGroupwork, KindPlenum, KindBreak, KindEvaluation}
}

// Valid reports whether k is one of ItemKinds.
func (k ItemKind) Valid() bool {
	return slices.Contains(ItemKinds(), k)
}

// Unit is how an indicator's value is expressed.
type Unit string

// The units an indicator may use.
const (
	UnitPercent Unit = "%"
	UnitPer1000 Unit = "per1000"
	UnitCount   Unit = "count"
	UnitDays    Unit = "days"
)

// Units lists every valid unit.
func Units() []Unit { return []Unit{UnitPercent, UnitPer1000, UnitCount, UnitDays} }

// Valid reports whether u is one of Units.
func (u Unit) Valid() bool {
	return slices.Contains(Units(), u)
}

// Scale is the factor that turns numerator/denominator into a value in this
// unit: 100 for a share in percent, 1000 for a rate per 1000.
func (u Unit) Scale() float64 {
	switch u {
	case UnitPercent:
		return 100
	case UnitPer1000:
		return 1000
	default:
		return 1
	}
}

// Direction says which way an indicator improves.
type Direction string

// The directions an indicator may have.
const (
	HigherIsBetter Direction = "higher"
	LowerIsBetter  Direction = "lower"
	NoDirection    Direction = "none"
)

// Directions lists every valid direction.
func Directions() []Direction { return []Direction{HigherIsBetter, LowerIsBetter, NoDirection} }

// Valid reports whether d is one of Directions.
func (d Direction) Valid() bool {
	return slices.Contains(Directions(), d)
}

// Indicator is one measure the practices are compared on.
type Indicator struct {
	ID    string
	Title string
	Unit  Unit
	// Better is the direction of improvement; NoDirection for context
	// indicators such as list size.
	Better Direction
	// Target, Region and National are reference marks; nil when the pack
	// gives none.
	Target   *float64
	Region   *float64
	National *float64
	// MinDenominator is the smallest denominator whose value is projected:
	// a practice under it shows "n<min" with neither value nor bar, is not
	// ranked and counts towards no statistic. A pack that leaves it out
	// gets DefaultMinDenominator; 0 turns the rule off.
	MinDenominator int
	// MinPractices is the fewest counted practices any cluster statistic
	// (mean, median, quartile, ABC, fifths) needs; with fewer, one
	// practice's own value and the mean would give away another's. Zero
	// means DefaultMinPractices.
	MinPractices int
	// Marks are the reference marks the pack wants on this indicator's
	// chart; nil means DefaultMarks.
	Marks []MarkKind
	// Guess makes the chart open with its bars hidden, so the room first
	// guesses where the cluster stands.
	Guess bool
	// Context marks an indicator that describes a practice (age mix, list
	// size) rather than its quality.
	Context bool
	// Source names where the figures come from ("Sentinel", "eSundhed"),
	// shown on the chart's credibility line; "" takes the pack's Source.
	Source string
	// Counts says what the numerator and denominator count
	// ("UVI-ordinationer"), so "74 af 128" reads "74 af 128
	// UVI-ordinationer"; "" when the pack does not say.
	Counts string
}

// SourceIn is where the indicator's figures come from: its own Source, or
// the pack's when it gives none.
func (ind Indicator) SourceIn(p Pack) string {
	if ind.Source != "" {
		return ind.Source
	}
	return p.Source
}

// The small-number rules a pack gets when it says nothing.
const (
	DefaultMinDenominator = 5
	DefaultMinPractices   = 3
)

// StatMinPractices is the fewest counted practices a cluster statistic
// needs for this indicator: MinPractices, or DefaultMinPractices when unset.
func (ind Indicator) StatMinPractices() int {
	if ind.MinPractices <= 0 {
		return DefaultMinPractices
	}
	return ind.MinPractices
}

// AgendaItem is one planned point of a meeting.
type AgendaItem struct {
	Kind    ItemKind
	Title   string
	Minutes int
	// Indicators are the ids shown during a data item.
	Indicators []string
	// Questions are the prompts for group work, plenum or evaluation.
	Questions []string
	// Speaker is the person giving a talk, often a guest.
	Speaker string
}

// Slide is one page of a talk.
type Slide struct {
	// Body is the Markdown shown to the room.
	Body string
	// Notes are the speaker's notes, never projected by default.
	Notes string
}

// DataRow is one practice's figure for one indicator as a pack or an import
// file gives it: either a numerator and denominator, or a ready value.
type DataRow struct {
	Ydernummer  string
	Indicator   string
	Numerator   *float64
	Denominator *float64
	Value       *float64
	Period      string
}

// Pack is a klyngepakke: the material for one meeting topic.
type Pack struct {
	Title   string
	Theme   string
	Lang    string
	Version string
	// Source is where the pack's figures come from, for every indicator
	// that does not name its own.
	Source string
	// MaxAge is how old the figures may be at the meeting (max_age); the
	// zero MaxAge sets no limit.
	MaxAge     MaxAge
	Agenda     []AgendaItem
	Indicators []Indicator
	Slides     []Slide
	Data       []DataRow
	// Choices group option indicators into stacked charts (choice.go).
	Choices []Choice
}

// PlannedMinutes is the sum of the agenda's planned minutes.
func (p Pack) PlannedMinutes() int {
	total := 0
	for _, item := range p.Agenda {
		total += item.Minutes
	}
	return total
}

// Indicator returns the indicator with the given id.
func (p Pack) Indicator(id string) (Indicator, bool) {
	for _, ind := range p.Indicators {
		if ind.ID == id {
			return ind, true
		}
	}
	return Indicator{}, false
}
