// Package seed fills a klynge database with a realistic, made-up history:
// one cluster of 60 doctors in 30 practices that has met four times a year
// for years, with attendance, figures, letter codes, groups, pledges and
// their follow-up, and tonight's meeting ready to run. Every meeting has
// the same six indicator ids, so each has a trend across the meetings,
// with a raised target and a gap on the way (store.IndicatorHistory).
// Benchmarks, tests and `klynge dev seed` measure on it. Everything goes through the store's
// public methods, so the history is exactly what klynge itself would have
// written; the same Options give the same history.
package seed

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
)

// Options say how much history to make and from what.
type Options struct {
	// Years of quarterly meetings before tonight's; 10 when 0.
	Years int
	// Practices and Doctors make the cluster; 30 and 60 when 0. Doctors
	// are spread over the practices, at least one each.
	Practices int
	Doctors   int
	// Now is the clock: tonight's meeting is planned for Now's date at
	// 17:30, the others every three months before it.
	Now time.Time
	// Seed makes the history; the same seed gives the same history.
	Seed uint64
}

// Per meeting, as the issue describes a cluster's year.
const (
	meetingsPerYear     = 4
	pledgesPerPractice  = 3
	defaultYears        = 10
	defaultPractices    = 30
	defaultDoctors      = 60
	groupSize           = 4
	extraIndicatorID    = "kol-inhalation"
	extraIndicatorTitle = "Andel KOL-patienter med tjek af inhalationsteknik"
	// The care-plan target was lower until two years before tonight, so
	// a trend across the meetings shows the pack raising it.
	earlierTargetYears = 2
	earlierTarget      = 70.0
	// At the second meeting the inhalation check was new: only
	// gapCounted practices had enough patients to count, too few for a
	// cluster figure, so a trend has a gap there.
	gapMeeting = 1
	gapCounted = 2
)

// Result names what History stored.
type Result struct {
	ClusterID int64
	// Meetings are the meetings' ids, oldest first; the last is tonight's,
	// not yet started, with the previous meeting's pledges open.
	Meetings []int64
	Pledges  int
	Doctors  int
}

// Latest is tonight's meeting, the one `klynge run` opens.
func (r Result) Latest() int64 { return r.Meetings[len(r.Meetings)-1] }

// History writes the history o asks for into s, which should hold no
// cluster yet. Each held meeting has its evaluation scores and notes.
func History(ctx context.Context, s *store.Store, o Options) (Result, error) {
	if o.Years <= 0 {
		o.Years = defaultYears
	}
	if o.Practices <= 0 {
		o.Practices = defaultPractices
	}
	if o.Doctors <= 0 {
		o.Doctors = defaultDoctors
	}
	if o.Doctors < o.Practices {
		return Result{}, fmt.Errorf("seed: %d doctors cannot fill %d practices", o.Doctors, o.Practices)
	}
	if o.Now.IsZero() {
		return Result{}, fmt.Errorf("seed: no clock: set Options.Now")
	}
	rnd := rand.New(rand.NewPCG(o.Seed, 0x6b6c796e6765))
	p, err := demoPack()
	if err != nil {
		return Result{}, err
	}
	c, err := s.CreateCluster(ctx, meeting.Cluster{Name: "Klynge Nordby", Practices: roster(rnd, o.Practices, o.Doctors)})
	if err != nil {
		return Result{}, err
	}
	// One transaction per meeting with its pledges and follow-ups: a
	// key press's write commits alone, but thousands of them would take
	// minutes with the durability settings kept.
	res := Result{ClusterID: c.ID}
	for _, pr := range c.Practices {
		res.Doctors += len(pr.Members)
	}
	n := o.Years*meetingsPerYear + 1
	loc := o.Now.Location()
	tonight := time.Date(o.Now.Year(), o.Now.Month(), o.Now.Day(), 17, 30, 0, 0, loc)
	codeRand := rand.NewChaCha8(seedBytes(rnd))
	var open []meeting.Pledge // the previous meeting's pledges, to follow up
	var previous []meeting.Group
	for i := range n {
		start := tonight.AddDate(0, -3*(n-1-i), 0)
		held := i < n-1
		mp := p
		if i < n-1-earlierTargetYears*meetingsPerYear {
			mp = withTarget(p, "kol-forloebsplan", earlierTarget)
		}
		m, err := meeting.New(mp, fmt.Sprintf("%s (%d)", p.Title, start.Year()), start, start.AddDate(0, 0, -14))
		if err != nil {
			return Result{}, err
		}
		m.ClusterID = c.ID
		yds := make([]string, len(c.Practices))
		for j, pr := range c.Practices {
			yds[j] = pr.Ydernummer
		}
		if m.Codes, err = meeting.NewCodes(yds, codeRand); err != nil {
			return Result{}, err
		}
		m.Values = figures(rnd, c, mp, i, start)
		if held {
			m.Attendance = attendance(rnd, c, start)
			if m.Groups, err = groups(rnd, c, m.Attendance, previous); err != nil {
				return Result{}, err
			}
			previous = m.Groups
			m.Started, m.Items = run(rnd, m.Items, start)
		}
		m, err = s.CreateMeeting(ctx, m)
		if err != nil {
			return Result{}, fmt.Errorf("seed: meeting %d: %w", i+1, err)
		}
		res.Meetings = append(res.Meetings, m.ID)
		if !held {
			break
		}
		if err := evaluate(ctx, s, rnd, m); err != nil {
			return Result{}, fmt.Errorf("seed: evaluation of meeting %d: %w", i+1, err)
		}
		if err := decide(ctx, s, rnd, m, i); err != nil {
			return Result{}, fmt.Errorf("seed: decisions of meeting %d: %w", i+1, err)
		}
		pl, err := pledges(rnd, c, p, m, start.AddDate(0, 3, 0))
		if err != nil {
			return Result{}, err
		}
		reviews := make([]store.Review, 0, len(open))
		at := start.Add(40 * time.Minute)
		for _, old := range open {
			reviews = append(reviews, store.Review{PledgeID: old.ID, Outcome: outcome(rnd), Comment: pick(rnd, comments), At: at})
		}
		if open, err = s.AddPledges(ctx, m.ID, pl, reviews); err != nil {
			return Result{}, fmt.Errorf("seed: pledges of meeting %d: %w", i+1, err)
		}
		res.Pledges += len(open)
	}
	return res, nil
}

// demoPack is the embedded demo pack with a sixth indicator on its data
// item, so each meeting has six indicators' figures.
func demoPack() (meeting.Pack, error) {
	sub, err := fs.Sub(klynge.DemoFS(), klynge.DemoPackDir)
	if err != nil {
		return meeting.Pack{}, err
	}
	p, err := pack.Read(sub, "demo/"+klynge.DemoPackDir)
	if err != nil {
		return meeting.Pack{}, err
	}
	target, region := 90.0, 71.0
	p.Indicators = append(p.Indicators, meeting.Indicator{
		ID: extraIndicatorID, Title: extraIndicatorTitle, Unit: meeting.UnitPercent,
		Better: meeting.HigherIsBetter, Target: &target, Region: &region, MinDenominator: 5,
	})
	for i, it := range p.Agenda {
		if it.Kind == meeting.KindData {
			p.Agenda[i].Indicators = append(slices.Clone(it.Indicators), extraIndicatorID)
		}
	}
	p.Data = nil // the figures come per meeting
	return p, nil
}

// withTarget is p with indicator id's target set to target; p's own
// indicators are not changed.
func withTarget(p meeting.Pack, id string, target float64) meeting.Pack {
	p.Indicators = slices.Clone(p.Indicators)
	for i := range p.Indicators {
		if p.Indicators[i].ID == id {
			p.Indicators[i].Target = &target
		}
	}
	return p
}

var (
	firstNames = []string{"Anne", "Søren", "Åse", "Lise", "Mette", "Jens", "Peter", "Hanne", "Kirsten", "Niels",
		"Birgitte", "Lars", "Mads", "Ida", "Karen", "Morten", "Rasmus", "Sofie", "Ulla", "Ørjan", "Henrik", "Louise"}
	lastNames = []string{"Sørensen", "Ærø-Hansen", "Bødker", "Frølund", "Nielsen", "Jensen", "Pedersen", "Kristensen",
		"Møller", "Holm", "Østergaard", "Lund", "Dahl", "Vestergaard", "Bach", "Kjær", "Thomsen", "Skov"}
	streets = []string{"Østergade", "Nørregade", "Vestergade", "Søndergade", "Torvet", "Havnegade", "Kirkevej",
		"Skolegade", "Bakkevej", "Åboulevarden"}
	actions = []string{
		"Sygeplejersken indkalder alle med KOL til årskontrol med spirometri",
		"Vi laver forløbsplan ved hver årskontrol og registrerer den med det samme",
		"Ny instruks til personalet om diagnosekodning af KOL",
		"Tjek inhalationsteknik ved hver kontrol, også ved telefonkonsultation",
		"Henvis til rehabilitering i kommunen ved MRC 3 eller derover",
		"Spirometeret kalibreres hver måned; en fast person har ansvaret",
		"Søg i journalen efter rygere over 40 med gentagne luftvejsinfektioner",
		"Gennemgå listen over KOL-patienter uden kontrol i over et år",
	}
	owners   = []string{"sygeplejersken", "lægen", "sekretæren", "hele praksis", "praksismanageren", ""}
	comments = []string{"", "", "godt i gang", "mangler tid", "gjort for de fleste", "personalet skiftede", "prøver igen"}
	reasons  = []string{"", "ferie", "syg", "kursus", "vagt"}
)

func pick[T any](rnd *rand.Rand, xs []T) T { return xs[rnd.IntN(len(xs))] }

func seedBytes(rnd *rand.Rand) [32]byte {
	var b [32]byte
	for i := range b {
		b[i] = byte(rnd.Uint32())
	}
	return b
}

// roster spreads doctors over practices: every practice one, the rest at
// random, so solo practices and larger ones mix as in a real cluster.
func roster(rnd *rand.Rand, practices, doctors int) []meeting.Practice {
	counts := make([]int, practices)
	for i := range counts {
		counts[i] = 1
	}
	for range doctors - practices {
		counts[rnd.IntN(practices)]++
	}
	out := make([]meeting.Practice, practices)
	used := map[string]bool{}
	for i := range out {
		yd := fmt.Sprintf("%06d", 10000+i*3917)
		name := fmt.Sprintf("Lægerne %s %d", pick(rnd, streets), i+1)
		if counts[i] == 1 {
			name = ""
		}
		for j := range counts[i] {
			var doc string
			for {
				doc = pick(rnd, firstNames) + " " + pick(rnd, lastNames)
				if !used[doc] {
					break
				}
				doc += fmt.Sprintf(" %c.", 'A'+rune(rnd.IntN(26)))
				if !used[doc] {
					break
				}
			}
			used[doc] = true
			if name == "" {
				name = "Læge " + doc
			}
			role := meeting.RoleMember
			if i == 0 && j == 0 {
				role = meeting.RoleCoordinator
			}
			out[i].Members = append(out[i].Members, meeting.Member{Name: doc, Role: role,
				Email: fmt.Sprintf("doc%d.%d@praksis%d.example", i+1, j+1, i+1)})
		}
		out[i].Ydernummer, out[i].Name = yd, name
	}
	return out
}

// figures makes each practice's six indicators for meeting number i, with
// a slow drift over the years so charts move between meetings.
func figures(rnd *rand.Rand, c meeting.Cluster, p meeting.Pack, i int, start time.Time) []meeting.DataRow {
	period := fmt.Sprintf("01.%02d.%d–%02d.%02d.%d", int(start.Month()), start.Year()-1,
		start.AddDate(0, 0, -1).Day(), int(start.AddDate(0, 0, -1).Month()), start.Year())
	f := func(x float64) *float64 { return &x }
	var rows []meeting.DataRow
	for k, pr := range c.Practices {
		list := float64(1200*len(pr.Members) + rnd.IntN(900))
		kol := float64(int(list*(0.018+0.012*rnd.Float64())) + 1)
		trend := float64(i) * 0.008
		share := func(base float64) (*float64, *float64) {
			s := min(1, base+trend+0.25*rnd.Float64())
			return f(float64(int(s * kol))), f(kol)
		}
		for _, ind := range p.Indicators {
			r := meeting.DataRow{Ydernummer: pr.Ydernummer, Indicator: ind.ID, Period: period}
			switch ind.ID {
			case "kol-prevalens":
				r.Numerator, r.Denominator = f(kol), f(list)
			case "liste-stoerrelse":
				r.Value = f(list)
			case "andel-65plus":
				r.Value = f(float64(int(150+100*rnd.Float64())) / 10)
			case "kol-spirometri":
				r.Numerator, r.Denominator = share(0.35)
			case "kol-forloebsplan":
				r.Numerator, r.Denominator = share(0.40)
			default:
				r.Numerator, r.Denominator = share(0.30)
			}
			if k%13 == 5 && ind.ID == "kol-forloebsplan" {
				r.Numerator, r.Denominator = f(2), f(4) // a small practice under n<5
			}
			if i == gapMeeting && k >= gapCounted && ind.ID == extraIndicatorID {
				r.Numerator, r.Denominator = f(1), f(3)
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// attendance: most come, some send apologies, a few do not turn up or
// come late.
func attendance(rnd *rand.Rand, c meeting.Cluster, start time.Time) map[int64]meeting.Attendance {
	out := map[int64]meeting.Attendance{}
	for _, pr := range c.Practices {
		for _, d := range pr.Members {
			a := meeting.Attendance{MemberID: d.ID, Status: meeting.StatusPresent, At: start.Add(-time.Duration(rnd.IntN(10)) * time.Minute)}
			switch x := rnd.IntN(100); {
			case x < 10:
				a.Status, a.Reason, a.At = meeting.StatusApologies, pick(rnd, reasons), start.AddDate(0, 0, -rnd.IntN(7))
			case x < 13:
				a.Status, a.At = meeting.StatusAbsent, start.Add(15*time.Minute)
			case x < 17:
				a.Status, a.At = meeting.StatusLate, start.Add(time.Duration(10+rnd.IntN(40))*time.Minute)
			case x < 19:
				a.Status, a.At = meeting.StatusLeftEarly, start.Add(time.Duration(60+rnd.IntN(40))*time.Minute)
			}
			out[d.ID] = a
		}
	}
	return out
}

func groups(rnd *rand.Rand, c meeting.Cluster, att map[int64]meeting.Attendance, previous []meeting.Group) ([]meeting.Group, error) {
	var present []meeting.GroupMember
	for _, pr := range c.Practices {
		for _, d := range pr.Members {
			if att[d.ID].Status.Attended() {
				present = append(present, meeting.GroupMember{MemberID: d.ID, Name: d.Name, Ydernummer: pr.Ydernummer})
			}
		}
	}
	return meeting.FormGroups(present, meeting.GroupRequest{Size: groupSize}, previous, rnd)
}

// run holds every item of the agenda, each a little over or under its
// planned minutes, with the rounds' timers run out.
func run(rnd *rand.Rand, items []meeting.RunItem, start time.Time) (*time.Time, []meeting.RunItem) {
	items = slices.Clone(items)
	at := start.Add(time.Duration(rnd.IntN(5)) * time.Minute)
	started := at
	for i := range items {
		s := at
		at = at.Add(time.Duration(items[i].Minutes)*time.Minute + time.Duration(rnd.IntN(240)-90)*time.Second)
		e := at
		items[i].Started, items[i].Ended = &s, &e
		if items[i].Kind == meeting.KindGroupwork {
			te := e
			items[i].Timer = meeting.Timer{Planned: time.Duration(items[i].Minutes) * time.Minute, Started: &s, Ended: &te}
		}
	}
	return &started, items
}

func pledges(rnd *rand.Rand, c meeting.Cluster, p meeting.Pack, m meeting.Meeting, due time.Time) ([]meeting.Pledge, error) {
	var out []meeting.Pledge
	created := m.PlannedStart.Add(100 * time.Minute)
	for _, pr := range c.Practices {
		for k := range pledgesPerPractice {
			pl := meeting.Pledge{MeetingID: m.ID, Ydernummer: pr.Ydernummer, Action: pick(rnd, actions),
				Owner: pick(rnd, owners), Due: due, Created: created.Add(time.Duration(k) * time.Second)}
			if rnd.IntN(2) == 0 {
				pl.MemberID = pick(rnd, pr.Members).ID
			}
			if k == 0 {
				pl.Indicator = "kol-forloebsplan"
				t := float64(60 + 5*rnd.IntN(6))
				pl.Target = &t
			}
			out = append(out, pl)
		}
	}
	return out, nil
}

// evaluate gives the evening's evaluation item its scores, by show of
// hands from about the doctors present, and the room's two notes.
func evaluate(ctx context.Context, s *store.Store, rnd *rand.Rand, m meeting.Meeting) error {
	for _, it := range m.Items {
		if it.Kind != meeting.KindEvaluation {
			continue
		}
		present := 0
		for _, a := range m.Attendance {
			if a.Status.Attended() {
				present++
			}
		}
		for score := 10; score >= 5 && present > 0; score-- {
			n := min(present, rnd.IntN(present/3+2))
			if score == 5 {
				n = present
			}
			if n == 0 {
				continue
			}
			if err := s.RecordScore(ctx, m.ID, it.ID, score, n); err != nil {
				return err
			}
			present -= n
		}
		return s.RecordEvaluationNotes(ctx, m.ID, it.ID, pick(rnd, worked), pick(rnd, change))
	}
	return nil
}

// decide records the evening's decisions on its last item: one or two by
// show of hands from the doctors present, and once a year the standing
// rule on the meeting time, so the cluster's decision log and rules in
// force grow with the history as they would.
func decide(ctx context.Context, s *store.Store, rnd *rand.Rand, m meeting.Meeting, i int) error {
	if len(m.Items) == 0 {
		return nil
	}
	present := 0
	for _, a := range m.Attendance {
		if a.Status.Attended() {
			present++
		}
	}
	item := m.Items[len(m.Items)-1].ID
	made := m.PlannedStart.Add(110 * time.Minute)
	n := 1 + rnd.IntN(2)
	for k := range n {
		d := meeting.Decision{MeetingID: m.ID, ItemID: item, Text: pick(rnd, decided), Made: made.Add(time.Duration(k) * time.Minute)}
		if against := rnd.IntN(3); against == 0 {
			d.Unanimous = true
		} else {
			d.Against, d.Abstain = min(against, present), min(1, present)
			d.For = max(present-d.Against-d.Abstain, 0)
		}
		if _, err := s.SaveDecision(ctx, d); err != nil {
			return err
		}
	}
	if i%meetingsPerYear == 0 {
		_, err := s.SaveDecision(ctx, meeting.Decision{MeetingID: m.ID, ItemID: item, Rule: "Mødetid",
			Text: fmt.Sprintf("Møderne begynder kl. %d.30", 16+rnd.IntN(3)), Unanimous: true, Made: made.Add(5 * time.Minute)})
		return err
	}
	return nil
}

var (
	decided = []string{"Næste møde handler om diabetes", "Data sendes ud en uge før mødet", "Vi bytter værtspraksis hvert år",
		"Gruppearbejdet får 30 minutter", "Vi inviterer kommunens sygeplejerske"}
	worked = []string{"Konkrete data fra egen praksis", "Godt oplæg", "Gruppearbejdet", "Tid til at tale sammen"}
	change = []string{"Kortere oplæg", "Mere tid til grupperne", "Data sendt ud før mødet", "Færre indikatorer"}
)

func outcome(rnd *rand.Rand) meeting.ReviewOutcome {
	return pick(rnd, []meeting.ReviewOutcome{meeting.OutcomeDone, meeting.OutcomeDone, meeting.OutcomePartly,
		meeting.OutcomeNotDone, meeting.OutcomeDropped})
}
