package store

import (
	"encoding/json"

	"github.com/klynge/klynge/meeting"
)

// The pack snapshot is stored as JSON in meetings.pack_json. Its shape is
// defined here, with explicit names, rather than by meeting.Pack's Go field
// names, so renaming a field in package meeting cannot silently empty the
// snapshots of past meetings. A field added to meeting.Pack (or a type in it)
// must be added here too; TestSnapshotCoversPack fails until it is.
//
// Changing the meaning of a stored name needs a new snapshotFormat and a
// migration that rewrites pack_json.

// snapshotFormat is the version of the JSON layout written to pack_json.
const snapshotFormat = 1

type packJSON struct {
	Format     int             `json:"format"`
	Title      string          `json:"title"`
	Theme      string          `json:"theme"`
	Lang       string          `json:"lang"`
	Version    string          `json:"version"`
	Source     string          `json:"source,omitempty"`
	MaxAge     string          `json:"max_age,omitempty"`
	Agenda     []agendaJSON    `json:"agenda"`
	Indicators []indicatorJSON `json:"indicators"`
	Slides     []slideJSON     `json:"slides"`
	Data       []dataRowJSON   `json:"data"`
	// Choices came with issue 17; a snapshot without them has none.
	Choices []choiceJSON `json:"choices,omitempty"`
}

type choiceJSON struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Options   []string `json:"options"`
	Preferred string   `json:"preferred"`
	Target    *float64 `json:"target"`
	Guess     bool     `json:"guess,omitempty"`
}

type agendaJSON struct {
	Kind       string   `json:"kind"`
	Title      string   `json:"title"`
	Minutes    int      `json:"minutes"`
	Indicators []string `json:"indicators"`
	Questions  []string `json:"questions"`
	Speaker    string   `json:"speaker"`
}

type indicatorJSON struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	Unit           string   `json:"unit"`
	Better         string   `json:"better"`
	Target         *float64 `json:"target"`
	Region         *float64 `json:"region"`
	National       *float64 `json:"national"`
	MinDenominator int      `json:"min_denominator"`
	MinPractices   int      `json:"min_practices,omitempty"`
	Marks          []string `json:"marks,omitempty"`
	Guess          bool     `json:"guess,omitempty"`
	Context        bool     `json:"context"`
	Source         string   `json:"source,omitempty"`
	Counts         string   `json:"counts,omitempty"`
}

type slideJSON struct {
	Body  string `json:"body"`
	Notes string `json:"notes"`
}

type dataRowJSON struct {
	Ydernummer  string   `json:"ydernummer"`
	Indicator   string   `json:"indicator"`
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
	Value       *float64 `json:"value"`
	Period      string   `json:"period"`
}

// mapSlice converts a slice element by element, keeping nil as nil and
// empty as empty so a snapshot reads back exactly as it was written.
func mapSlice[T, U any](in []T, f func(T) U) []U {
	if in == nil {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// encodePack returns the JSON snapshot of p.
func encodePack(p meeting.Pack) (string, error) {
	s := packJSON{
		Format:  snapshotFormat,
		Title:   p.Title,
		Theme:   p.Theme,
		Lang:    p.Lang,
		Version: p.Version,
		Source:  p.Source,
		MaxAge:  p.MaxAge.String(),
		Agenda: mapSlice(p.Agenda, func(a meeting.AgendaItem) agendaJSON {
			return agendaJSON{
				Kind: string(a.Kind), Title: a.Title, Minutes: a.Minutes,
				Indicators: a.Indicators, Questions: a.Questions, Speaker: a.Speaker,
			}
		}),
		Indicators: mapSlice(p.Indicators, func(i meeting.Indicator) indicatorJSON {
			return indicatorJSON{
				ID: i.ID, Title: i.Title, Unit: string(i.Unit), Better: string(i.Better),
				Target: i.Target, Region: i.Region, National: i.National,
				MinDenominator: i.MinDenominator, MinPractices: i.MinPractices, Context: i.Context, Marks: marksOut(i.Marks), Guess: i.Guess,
				Source: i.Source, Counts: i.Counts,
			}
		}),
		Slides: mapSlice(p.Slides, func(s meeting.Slide) slideJSON {
			return slideJSON{Body: s.Body, Notes: s.Notes}
		}),
		Data: mapSlice(p.Data, func(d meeting.DataRow) dataRowJSON {
			return dataRowJSON{
				Ydernummer: d.Ydernummer, Indicator: d.Indicator,
				Numerator: d.Numerator, Denominator: d.Denominator, Value: d.Value, Period: d.Period,
			}
		}),
		Choices: mapSlice(p.Choices, func(c meeting.Choice) choiceJSON {
			return choiceJSON{ID: c.ID, Title: c.Title, Options: c.Options, Preferred: c.Preferred, Target: c.Target, Guess: c.Guess}
		}),
	}
	b, err := json.Marshal(s)
	if err != nil {
		// Only a NaN or infinite number gets here.
		return "", meeting.Errork(meeting.EINVALID, "store.PackNotFinite", p.Title, err)
	}
	return string(b), nil
}

// decodePack reads a snapshot written by encodePack.
func agendaIn(as []agendaJSON) []meeting.AgendaItem {
	return mapSlice(as, func(a agendaJSON) meeting.AgendaItem {
		return meeting.AgendaItem{
			Kind: meeting.ItemKind(a.Kind), Title: a.Title, Minutes: a.Minutes,
			Indicators: a.Indicators, Questions: a.Questions, Speaker: a.Speaker,
		}
	})
}

// packAgendaJSON is the part of a pack snapshot a meeting's stored agenda
// is read against (findItems).
type packAgendaJSON struct {
	Format int          `json:"format"`
	Agenda []agendaJSON `json:"agenda"`
}

// decodePackAgenda is decodePack reading only the snapshot's agenda: a
// Pack with nothing else. The snapshot's figures and slides, most of it,
// are skipped by the decoder without being copied.
func decodePackAgenda(data string) (meeting.Pack, error) {
	var s packAgendaJSON
	if err := json.Unmarshal([]byte(data), &s); err != nil {
		return meeting.Pack{}, meeting.Errork(meeting.EINTERNAL, "store.SnapshotMalformed", err)
	}
	if s.Format != snapshotFormat {
		return meeting.Pack{}, meeting.Errork(meeting.EINTERNAL, "store.SnapshotFormat", s.Format, snapshotFormat)
	}
	return meeting.Pack{Agenda: agendaIn(s.Agenda)}, nil
}

func decodePack(data string) (meeting.Pack, error) {
	var s packJSON
	if err := json.Unmarshal([]byte(data), &s); err != nil {
		return meeting.Pack{}, meeting.Errork(meeting.EINTERNAL, "store.SnapshotMalformed", err)
	}
	if s.Format != snapshotFormat {
		return meeting.Pack{}, meeting.Errork(meeting.EINTERNAL, "store.SnapshotFormat", s.Format, snapshotFormat)
	}
	// A limit that no longer reads (none can be written) sets none.
	maxAge, _ := meeting.ParseMaxAge(s.MaxAge)
	return meeting.Pack{
		Title:   s.Title,
		Theme:   s.Theme,
		Lang:    s.Lang,
		Version: s.Version,
		Source:  s.Source,
		MaxAge:  maxAge,
		Agenda:  agendaIn(s.Agenda),
		Indicators: mapSlice(s.Indicators, func(i indicatorJSON) meeting.Indicator {
			return meeting.Indicator{
				ID: i.ID, Title: i.Title, Unit: meeting.Unit(i.Unit), Better: meeting.Direction(i.Better),
				Target: i.Target, Region: i.Region, National: i.National,
				MinDenominator: i.MinDenominator, MinPractices: i.MinPractices, Context: i.Context, Marks: marksIn(i.Marks), Guess: i.Guess,
				Source: i.Source, Counts: i.Counts,
			}
		}),
		Slides: mapSlice(s.Slides, func(s slideJSON) meeting.Slide {
			return meeting.Slide{Body: s.Body, Notes: s.Notes}
		}),
		Data: mapSlice(s.Data, func(d dataRowJSON) meeting.DataRow {
			return meeting.DataRow{
				Ydernummer: d.Ydernummer, Indicator: d.Indicator,
				Numerator: d.Numerator, Denominator: d.Denominator, Value: d.Value, Period: d.Period,
			}
		}),
		Choices: mapSlice(s.Choices, func(c choiceJSON) meeting.Choice {
			return meeting.Choice{ID: c.ID, Title: c.Title, Options: c.Options, Preferred: c.Preferred, Target: c.Target, Guess: c.Guess}
		}),
	}, nil
}

func marksOut(ms []meeting.MarkKind) []string {
	if ms == nil {
		return nil
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = string(m)
	}
	return out
}

func marksIn(ms []string) []meeting.MarkKind {
	if ms == nil {
		return nil
	}
	out := make([]meeting.MarkKind, len(ms))
	for i, m := range ms {
		out[i] = meeting.MarkKind(m)
	}
	return out
}
