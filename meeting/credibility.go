package meeting

// Credibility is what the line under a chart says about where its figures
// come from: the source, the period, how many of the cluster's practices
// are counted, and whether the figures are older than the pack allows.
// Audit and feedback is trusted when the room can see that the figures
// are recent, whose they are and how many practices they cover.
type Credibility struct {
	// Source is the indicator's or the pack's source; "" when neither
	// names one.
	Source string
	// Period is the chart's period as stored; "" when the figures give
	// none.
	Period string
	// Counted is how many practices' figures count towards the cluster's
	// statistics (not under the minimum denominator); Practices is how
	// many practices the meeting has codes for.
	Counted, Practices int
	// Stale is set when the figures are older than MaxAge at the
	// meeting's date.
	Stale  bool
	MaxAge MaxAge
}

// Credibility is the credibility line of chart c at this meeting.
func (m Meeting) Credibility(c Chart) Credibility {
	return Credibility{
		Source:    c.Indicator.SourceIn(m.Pack),
		Period:    c.Period,
		Counted:   c.Counted,
		Practices: len(m.Codes),
		Stale:     ChartStale(m.Pack, c, m.PlannedStart),
		MaxAge:    m.Pack.MaxAge,
	}
}

// ChoiceCredibility is the credibility line of the stacked chart of a
// choice group: the same line as under any chart, with the source of the
// preferred option (the options share one data source in practice) and
// the practices counted towards the cluster's mix.
func (m Meeting) ChoiceCredibility(c ChoiceChart) Credibility {
	cr := Credibility{
		Period:    c.Period,
		Counted:   c.Counted,
		Practices: len(m.Codes),
		Stale:     periodStale(m.Pack, c.Period, m.PlannedStart),
		MaxAge:    m.Pack.MaxAge,
	}
	if len(c.Options) > 0 {
		cr.Source = c.Options[0].SourceIn(m.Pack)
	} else {
		cr.Source = m.Pack.Source
	}
	return cr
}
