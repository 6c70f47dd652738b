package meeting

import (
	"testing"
	"time"
)

// reportNow is when the reports below are made: late afternoon, before an
// evening meeting.
var reportNow = time.Date(2026, 11, 23, 15, 4, 0, 0, time.UTC)

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d.Add(17*time.Hour + 30*time.Minute) // meetings start 17:30
}

// mtg is one meeting of the history for member 1: held or not, and what
// was recorded for the member ("" for no record).
type mtg struct {
	date   string
	held   bool
	status AttendanceStatus
}

func held(d string, s AttendanceStatus) mtg    { return mtg{d, true, s} }
func planned(d string, s AttendanceStatus) mtg { return mtg{d, false, s} }

// history makes the meetings; member 2 is always present, so the meetings
// are held for someone else too.
func history(ms ...mtg) []MeetingAttendance {
	var out []MeetingAttendance
	for i, m := range ms {
		at := map[int64]Attendance{2: {MemberID: 2, Status: StatusPresent, At: date(m.date)}}
		if m.status != StatusNotChecked {
			at[1] = Attendance{MemberID: 1, Status: m.status, At: date(m.date)}
		}
		out = append(out, MeetingAttendance{MeetingID: int64(i + 1), Date: date(m.date), Attendance: at, Held: m.held})
	}
	return out
}

// quarterly are four held meetings in the last 12 months.
func quarterly(s1, s2, s3, s4 AttendanceStatus) []MeetingAttendance {
	return history(held("2026-02-10", s1), held("2026-05-12", s2), held("2026-08-25", s3), held("2026-11-10", s4))
}

const (
	present   = StatusPresent
	apologies = StatusApologies
	absent    = StatusAbsent
	late      = StatusLate
	leftEarly = StatusLeftEarly
	none      = StatusNotChecked
)

func TestAttendanceReport(t *testing.T) {
	onlyMissed := AttendanceRule{MaxMissed: 1}               // months away off
	onlyAway := AttendanceRule{MaxMissed: 99, MonthsAway: 6} // missed meetings never flag
	retired := date("2026-06-01")
	tests := []struct {
		name    string
		member  Member
		history []MeetingAttendance
		rule    AttendanceRule
		now     time.Time

		meetings, attended, missed, apologies int
		last                                  string // "" for never
		why                                   string // "" for not flagged
	}{
		{name: "came to every meeting", history: quarterly(present, present, present, present), rule: DefaultAttendanceRule(),
			meetings: 4, attended: 4, last: "2026-11-10"},
		{name: "missed exactly MaxMissed", history: quarterly(present, absent, present, present), rule: onlyMissed,
			meetings: 4, attended: 3, missed: 1, last: "2026-11-10"},
		{name: "missed MaxMissed+1", history: quarterly(present, absent, none, present), rule: onlyMissed,
			meetings: 4, attended: 2, missed: 2, last: "2026-11-10", why: "2 af 4 møder missede (højst 1)"},
		{name: "apologies count as missed, and on their own", history: quarterly(apologies, present, apologies, present), rule: onlyMissed,
			meetings: 4, attended: 2, missed: 2, apologies: 2, last: "2026-11-10", why: "2 af 4 møder missede (højst 1)"},
		{name: "no record at a held meeting is absent", history: quarterly(none, none, none, present), rule: DefaultAttendanceRule(),
			meetings: 4, attended: 1, missed: 3, last: "2026-11-10", why: "3 af 4 møder missede (højst 1)"},
		{name: "late and left early count as attended", history: quarterly(late, leftEarly, present, none), rule: onlyMissed,
			meetings: 4, attended: 3, missed: 1, last: "2026-08-25"},
		{name: "MaxMissed 0 flags any missed meeting", history: quarterly(present, present, present, apologies), rule: AttendanceRule{},
			meetings: 4, attended: 3, missed: 1, apologies: 1, last: "2026-08-25", why: "1 af 4 møder missede (højst 0)"},

		{name: "away six months minus a day", rule: onlyAway,
			history:  history(held("2026-05-24", present), held("2026-08-25", absent)),
			meetings: 2, attended: 1, missed: 1, last: "2026-05-24"},
		{name: "away exactly six months", rule: onlyAway,
			history:  history(held("2026-05-23", present), held("2026-08-25", absent)),
			meetings: 2, attended: 1, missed: 1, last: "2026-05-23"},
		{name: "away six months plus a day", rule: onlyAway,
			history:  history(held("2026-05-22", present), held("2026-08-25", absent)),
			meetings: 2, attended: 1, missed: 1, last: "2026-05-22", why: "ikke set i 6 måneder, ingen afbud"},
		{name: "away with apologies in that time", rule: onlyAway,
			history:  history(held("2026-03-01", present), held("2026-06-01", apologies), held("2026-09-01", absent)),
			meetings: 3, attended: 1, missed: 2, apologies: 1, last: "2026-03-01"},
		{name: "apologies before the last attendance do not excuse", rule: onlyAway,
			history:  history(held("2026-01-05", apologies), held("2026-03-01", present), held("2026-09-01", absent)),
			meetings: 3, attended: 1, missed: 2, apologies: 1, last: "2026-03-01", why: "ikke set i 8 måneder, ingen afbud"},
		{name: "away but no meeting held since", rule: onlyAway,
			history:  history(held("2026-03-01", present), planned("2026-09-01", none)),
			meetings: 1, attended: 1, last: "2026-03-01"},
		{name: "months away off", rule: AttendanceRule{MaxMissed: 99},
			history:  history(held("2025-12-01", present), held("2026-09-01", absent)),
			meetings: 2, attended: 1, missed: 1, last: "2025-12-01"},
		{name: "last seen before the window", rule: onlyAway,
			history:  history(held("2025-06-01", present), held("2026-09-01", absent)),
			meetings: 1, missed: 1, last: "2025-06-01", why: "ikke set i 17 måneder, ingen afbud"},
		{name: "never seen: away since the first meeting", rule: onlyAway,
			history:  history(held("2026-03-01", absent), held("2026-09-01", none)),
			meetings: 2, missed: 2, why: "ikke set i 8 måneder, ingen afbud"},
		{name: "both parts of the rule", rule: DefaultAttendanceRule(),
			history:  history(held("2026-03-01", absent), held("2026-06-01", absent), held("2026-09-01", none)),
			meetings: 3, missed: 3, why: "3 af 3 møder missede (højst 1); ikke set i 8 måneder, ingen afbud"},

		{name: "joined mid-year: earlier meetings do not count", rule: DefaultAttendanceRule(),
			member:   Member{Joined: time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)},
			history:  quarterly(none, present, present, present),
			meetings: 3, attended: 3, last: "2026-11-10"},
		{name: "joined on the day of a meeting: it counts", rule: onlyMissed,
			member:   Member{Joined: time.Date(2026, 8, 25, 19, 0, 0, 0, time.UTC)},
			history:  quarterly(none, none, absent, absent),
			meetings: 2, missed: 2, why: "2 af 2 møder missede (højst 1)"},
		{name: "joined seven months ago and never came", rule: onlyAway,
			member:   Member{Joined: time.Date(2026, 4, 20, 10, 0, 0, 0, time.UTC)},
			history:  quarterly(none, none, none, none),
			meetings: 3, missed: 3, why: "ikke set i 7 måneder, ingen afbud"},
		{name: "joined five months ago and never came", rule: onlyAway,
			member:   Member{Joined: time.Date(2026, 6, 20, 10, 0, 0, 0, time.UTC)},
			history:  quarterly(none, none, none, none),
			meetings: 2, missed: 2},

		{name: "retired: listed, never flagged, later meetings do not count", rule: DefaultAttendanceRule(),
			member:   Member{Retired: &retired},
			history:  quarterly(absent, absent, present, present),
			meetings: 2, missed: 2},
		{name: "retired on the day of a meeting: it counts", rule: DefaultAttendanceRule(),
			member:   Member{Retired: ptrTime(date("2026-05-12").Add(time.Hour))},
			history:  quarterly(present, present, present, present),
			meetings: 2, attended: 2, last: "2026-05-12"},

		{name: "meetings not held do not count", rule: onlyMissed,
			history:  history(held("2026-02-10", present), planned("2026-05-12", apologies), planned("2026-08-25", none), held("2026-11-10", absent)),
			meetings: 2, attended: 1, missed: 1, last: "2026-02-10"},
		{name: "meetings after now do not count", rule: onlyMissed,
			history:  history(held("2026-10-10", present), held("2026-11-24", absent), held("2026-12-10", absent)),
			meetings: 1, attended: 1, last: "2026-10-10"},
		{name: "a meeting later today counts once held", rule: onlyMissed,
			history:  history(held("2026-10-10", present), held("2026-11-23", present)),
			meetings: 2, attended: 2, last: "2026-11-23"},
		{name: "a meeting a year ago to the day is outside the window", rule: AttendanceRule{},
			history:  history(held("2025-11-23", absent), held("2026-05-01", present)),
			meetings: 1, attended: 1, last: "2026-05-01"},
		{name: "a meeting a year ago less a day is inside", rule: AttendanceRule{},
			history:  history(held("2025-11-24", absent), held("2026-05-01", present)),
			meetings: 2, attended: 1, missed: 1, last: "2026-05-01", why: "1 af 2 møder missede (højst 0)"},
		{name: "no meetings at all", rule: DefaultAttendanceRule()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := reportNow
			if !tt.now.IsZero() {
				now = tt.now
			}
			m := tt.member
			m.ID, m.Name, m.Ydernummer = 1, "Søren Ærø-Hansen", "047318"
			c := Cluster{Practices: []Practice{{Ydernummer: "047318", Name: "Lægerne Østergade", Members: []Member{
				m, {ID: 2, Name: "Åse Bødker", Ydernummer: "047318"},
			}}}}
			got := AttendanceReport(c, tt.history, tt.rule, now)
			if len(got) != 2 {
				t.Fatalf("%d rows, want 2", len(got))
			}
			h := got[0]
			if h.Member.ID != 1 || h.Practice != "Lægerne Østergade" {
				t.Errorf("row 0 is %+v", h)
			}
			if h.Meetings != tt.meetings || h.Attended != tt.attended || h.Missed != tt.missed || h.Apologies != tt.apologies {
				t.Errorf("meetings/attended/missed/apologies = %d/%d/%d/%d, want %d/%d/%d/%d",
					h.Meetings, h.Attended, h.Missed, h.Apologies, tt.meetings, tt.attended, tt.missed, tt.apologies)
			}
			last := ""
			if h.LastAttended != nil {
				last = h.LastAttended.Format(time.DateOnly)
			}
			if last != tt.last {
				t.Errorf("last attended %q, want %q", last, tt.last)
			}
			if h.ReachOut != (tt.why != "") || h.Why != tt.why {
				t.Errorf("reach out %v, why %q; want %q", h.ReachOut, h.Why, tt.why)
			}
			if h.Missed != h.Meetings-h.Attended {
				t.Errorf("missed %d is not meetings %d - attended %d", h.Missed, h.Meetings, h.Attended)
			}
		})
	}
}

func ptrTime(t time.Time) *time.Time { return &t }

func TestAttendanceReportSince(t *testing.T) {
	c := Cluster{Practices: []Practice{{Ydernummer: "047318", Name: "Lægerne Østergade", Members: []Member{
		{ID: 1, Name: "Søren Ærø-Hansen"}, {ID: 2, Name: "Åse Bødker"},
	}}}}
	h := history(held("2025-03-01", absent), held("2025-09-01", absent), held("2026-02-10", present), held("2026-05-12", absent), held("2026-08-25", absent))
	rule := AttendanceRule{MaxMissed: 1}

	t.Run("a longer window counts more, the rule keeps 12 months", func(t *testing.T) {
		got := AttendanceReportSince(c, h, rule, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), reportNow)[0]
		if got.Meetings != 5 || got.Missed != 4 || got.Attended != 1 {
			t.Errorf("since 2025: %d meetings, %d missed, %d attended", got.Meetings, got.Missed, got.Attended)
		}
		if got.Why != "2 af 3 møder missede (højst 1)" {
			t.Errorf("why %q", got.Why)
		}
	})
	t.Run("since is inclusive", func(t *testing.T) {
		got := AttendanceReportSince(c, h, rule, time.Date(2026, 5, 12, 23, 0, 0, 0, time.UTC), reportNow)[0]
		if got.Meetings != 2 || got.Missed != 2 || got.LastAttended == nil || got.LastAttended.Format(time.DateOnly) != "2026-02-10" {
			t.Errorf("since the May meeting: %+v", got)
		}
	})
	t.Run("unsorted history", func(t *testing.T) {
		rev := make([]MeetingAttendance, len(h))
		for i := range h {
			rev[len(h)-1-i] = h[i]
		}
		a := AttendanceReport(c, h, rule, reportNow)
		b := AttendanceReport(c, rev, rule, reportNow)
		if a[0].Why != b[0].Why || *a[0].LastAttended != *b[0].LastAttended || a[0].Meetings != b[0].Meetings {
			t.Errorf("order matters: %+v vs %+v", a[0], b[0])
		}
		if rev[0].MeetingID != 5 {
			t.Error("the report reordered the caller's slice")
		}
	})
}

func TestAttendanceReport_OrderAndEnglish(t *testing.T) {
	retired := date("2026-01-01")
	c := Cluster{Practices: []Practice{
		{Ydernummer: "027475", Name: "Lægerne Skovbrynet", Members: []Member{{ID: 5, Name: "Jørgen Vestergård"}, {ID: 1, Name: "Sofie Kræmer", Retired: &retired}}},
		{Ydernummer: "047318", Name: "Lægerne Østergade", Members: []Member{{ID: 2, Name: "Åse Bødker"}}},
		{Ydernummer: "099999", Name: "Uden læger"},
	}}
	h := history(held("2026-03-01", absent), held("2026-06-01", absent), held("2026-09-01", none))
	got := AttendanceReport(c, h, DefaultAttendanceRule(), reportNow)
	var names []string
	for _, r := range got {
		names = append(names, r.Member.Name)
	}
	if len(got) != 3 || names[0] != "Jørgen Vestergård" || names[1] != "Sofie Kræmer" || names[2] != "Åse Bødker" {
		t.Fatalf("rows %v", names)
	}
	if !got[0].ReachOut || got[1].ReachOut || got[2].ReachOut {
		t.Errorf("flags %v %v %v", got[0].ReachOut, got[1].ReachOut, got[2].ReachOut)
	}
	if en := got[0].Explain("en"); en != "missed 3 of 3 meetings (at most 1); not seen for 8 months, no apologies" {
		t.Errorf("English: %q", en)
	}
	if got[1].Explain("en") != "" || got[1].Why != "" {
		t.Errorf("a retired member has a reason: %q", got[1].Why)
	}
	if got[1].Meetings != 0 {
		t.Errorf("retired before every meeting, yet %d meetings count", got[1].Meetings)
	}
}

func TestAttendanceRuleValidate(t *testing.T) {
	for _, r := range []AttendanceRule{{0, 0}, {1, 6}, {3, 120}} {
		if err := r.Validate(); err != nil {
			t.Errorf("%+v: %v", r, err)
		}
	}
	for _, r := range []AttendanceRule{{-1, 6}, {1, -1}, {1, 121}} {
		if ErrorCode(r.Validate()) != EINVALID {
			t.Errorf("%+v: want EINVALID", r)
		}
	}
}
