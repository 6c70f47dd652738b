package store

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// schema1Cluster stores testCluster with the columns of schema 1, for
// tests that build a database at an old schema, and returns its id.
func schema1Cluster(tb testing.TB, s *Store) int64 {
	tb.Helper()
	ctx := context.Background()
	res, err := s.db.ExecContext(ctx, `INSERT INTO clusters (name) VALUES (?)`, testCluster().Name)
	if err != nil {
		tb.Fatal(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range testCluster().Practices {
		res, err := s.db.ExecContext(ctx, `INSERT INTO practices (cluster_id, ydernummer, name) VALUES (?, ?, ?)`, id, p.Ydernummer, p.Name)
		if err != nil {
			tb.Fatal(err)
		}
		pid, err := res.LastInsertId()
		if err != nil {
			tb.Fatal(err)
		}
		for _, m := range p.Members {
			retired, err := encodeTimePtr(m.Retired, phrase("store.TimeRetired"))
			if err != nil {
				tb.Fatal(err)
			}
			role := m.Role
			if role == "" {
				role = meeting.RoleMember
			}
			if _, err := s.db.ExecContext(ctx, `INSERT INTO members (practice_id, name, email, role, retired_at) VALUES (?, ?, ?, ?, ?)`,
				pid, m.Name, m.Email, string(role), retired); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return id
}

// oldSchemaMeeting stores m's row and its agenda rows with the columns of
// schema 1, plus pack_index when the database is at schema 2 or later, for
// tests that build a database at an old schema (CreateMeeting writes the
// latest schema's columns). It returns m with its ID and its items' IDs
// set.
func oldSchemaMeeting(tb testing.TB, s *Store, m meeting.Meeting) meeting.Meeting {
	tb.Helper()
	ctx := context.Background()
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	var times [3]string
	for i, t := range []time.Time{m.PlannedStart, m.PlannedEnd, m.Created} {
		if times[i], err = encodeTime(t, phrase("store.TimePlannedStart")); err != nil {
			tb.Fatal(err)
		}
	}
	started, err := encodeTimePtr(m.Started, phrase("store.TimeMeetingStart"))
	if err != nil {
		tb.Fatal(err)
	}
	pack, err := encodePack(m.Pack)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := s.db.ExecContext(ctx, `
		INSERT INTO meetings (cluster_id, title, planned_start, planned_end, started_at, created_at, pack_json)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, m.ClusterID, m.Title, times[0], times[1], started, times[2], pack)
	if err != nil {
		tb.Fatal(err)
	}
	if m.ID, err = res.LastInsertId(); err != nil {
		tb.Fatal(err)
	}
	m.Items = slices.Clone(m.Items)
	for i, it := range m.Items {
		res, err := s.db.ExecContext(ctx, `
			INSERT INTO agenda_items (meeting_id, position, kind, title, planned_minutes, speaker)
			VALUES (?, ?, ?, ?, ?, ?)`, m.ID, i, string(it.Kind), it.Title, it.Minutes, it.Speaker)
		if err != nil {
			tb.Fatal(err)
		}
		if m.Items[i].ID, err = res.LastInsertId(); err != nil {
			tb.Fatal(err)
		}
		if v >= 2 && it.PackIndex >= 0 {
			if _, err := s.db.ExecContext(ctx, `UPDATE agenda_items SET pack_index = ? WHERE id = ?`,
				it.PackIndex, m.Items[i].ID); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return m
}

// attendanceCluster is a cluster of five active doctors in two practices
// and one who retired before the meetings of testMeeting.
func attendanceCluster() meeting.Cluster {
	retired := time.Date(2025, 1, 31, 12, 0, 0, 0, time.UTC)
	return meeting.Cluster{
		Name: "Klynge Ærø",
		Practices: []meeting.Practice{
			{Ydernummer: "047318", Name: "Lægerne Østergade", Members: []meeting.Member{
				{Name: "Søren Ærø-Hansen", Email: "soeren@oestergade.example", Role: meeting.RoleCoordinator},
				{Name: "Åse Bødker", Email: "aase@oestergade.example"},
				{Name: "Mette Kjærgaard", Email: "mette@oestergade.example"},
			}},
			{Ydernummer: "112905", Name: "Lægehuset ved Åen", Members: []meeting.Member{
				{Name: "Jens Møller", Email: "jens@vedaaen.example"},
				{Name: "Birgitte Løvgren", Email: "birgitte@vedaaen.example"},
				{Name: "Ole Gammel", Email: "ole@vedaaen.example", Retired: &retired},
			}},
		},
	}
}

// memberIDs maps the names of c's members to their ids.
func memberIDs(c meeting.Cluster) map[string]int64 {
	ids := map[string]int64{}
	for _, p := range c.Practices {
		for _, m := range p.Members {
			ids[m.Name] = m.ID
		}
	}
	return ids
}

// mustAttendanceMeeting stores attendanceCluster and a testMeeting of it.
func mustAttendanceMeeting(tb testing.TB, s *Store) (meeting.Cluster, meeting.Meeting) {
	tb.Helper()
	ctx := context.Background()
	c, err := s.CreateCluster(ctx, attendanceCluster())
	if err != nil {
		tb.Fatal(err)
	}
	m, err := s.CreateMeeting(ctx, testMeeting(c.ID))
	if err != nil {
		tb.Fatal(err)
	}
	return c, m
}

// attendanceText shows a meeting's attendance by member name, sorted, for
// comparisons: "Name=status(reason)@15:04".
func attendanceText(c meeting.Cluster, at map[int64]meeting.Attendance) string {
	names := map[int64]string{}
	for name, id := range memberIDs(c) {
		names[id] = name
	}
	var out []string
	for id, a := range at {
		if a.MemberID != id {
			out = append(out, fmt.Sprintf("member %d filed under %d", a.MemberID, id))
		}
		s := names[id] + "=" + string(a.Status)
		if a.Reason != "" {
			s += "(" + a.Reason + ")"
		}
		out = append(out, s+"@"+a.At.Format("15:04"))
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

func TestSetAttendance_EveryStatusSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c, m := mustAttendanceMeeting(t, s)
	if m.Attendance != nil || m.Guests != nil {
		t.Fatalf("a new meeting has attendance %v, guests %v", m.Attendance, m.Guests)
	}
	ids := memberIDs(c)
	cph := time.FixedZone("CET", 3600)
	at := func(hm string) time.Time {
		t, _ := time.ParseInLocation("15:04", hm, cph)
		return time.Date(2025, 3, 4, t.Hour(), t.Minute(), 0, 0, cph)
	}
	steps := []struct {
		name   string
		status meeting.AttendanceStatus
		reason string
		at     string
		want   string
	}{
		{"Åse Bødker", meeting.StatusApologies, " syg barn ", "12:10", ""},
		{"Søren Ærø-Hansen", meeting.StatusPresent, "", "17:25", ""},
		{"Mette Kjærgaard", meeting.StatusLate, "", "17:48", ""},
		{"Jens Møller", meeting.StatusLeftEarly, "vagt", "18:40", ""},
		{"Birgitte Løvgren", meeting.StatusPresent, "", "17:29", ""},
		{"Birgitte Løvgren", meeting.StatusAbsent, "", "17:40", ""}, // changed
		{"Jens Møller", meeting.StatusPresent, "", "17:30", ""},
		{"Jens Møller", meeting.StatusNotChecked, "", "", ""}, // undo
		{"Jens Møller", meeting.StatusLeftEarly, "vagt", "18:41", ""},
		{"Mette Kjærgaard", meeting.StatusNotChecked, "", "17:50", ""}, // cleared for good
	}
	for _, st := range steps {
		a := meeting.Attendance{MemberID: ids[st.name], Status: st.status, Reason: st.reason}
		if st.at != "" {
			a.At = at(st.at)
		}
		got, err := s.SetAttendance(ctx, m.ID, a)
		if err != nil {
			t.Fatalf("%s %s: %v", st.name, st.status, err)
		}
		rec, ok := got.Attendance[a.MemberID]
		if ok != (st.status != "") || (ok && (rec.Status != st.status || rec.Reason != strings.TrimSpace(st.reason))) {
			t.Errorf("after %s %s the meeting holds %+v (%v)", st.name, st.status, rec, ok)
		}
	}
	const want = "Birgitte Løvgren=absent@17:40 Jens Møller=left_early(vagt)@18:41 Søren Ærø-Hansen=present@17:25 Åse Bødker=apologies(syg barn)@12:10"
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// A new Store on the file sees every committed check-in.
	s = mustOpenPath(t, path)
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if text := attendanceText(c, got.Attendance); text != want {
		t.Errorf("after reopening:\n got %s\nwant %s", text, want)
	}
	if rec := got.Attendance[ids["Søren Ærø-Hansen"]]; !sameTime(rec.At, at("17:25")) {
		t.Errorf("time %v, want %v in its offset", rec.At, at("17:25"))
	}
	for _, read := range []func() (meeting.Meeting, error){
		func() (meeting.Meeting, error) { return s.LatestMeeting(ctx) },
		func() (meeting.Meeting, error) {
			ms, err := s.Meetings(ctx)
			if err != nil || len(ms) != 1 {
				return meeting.Meeting{}, fmt.Errorf("Meetings: %d, %v", len(ms), err)
			}
			return ms[0], nil
		},
	} {
		other, err := read()
		if err != nil {
			t.Fatal(err)
		}
		if text := attendanceText(c, other.Attendance); text != want {
			t.Errorf("LatestMeeting/Meetings: %s", text)
		}
	}

	log, err := s.AttendanceLog(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != len(steps) {
		t.Fatalf("%d log entries, want %d: %+v", len(log), len(steps), log)
	}
	for i, st := range steps {
		if log[i].MemberID != ids[st.name] || log[i].Status != st.status {
			t.Errorf("log %d = %+v, want %s %s", i, log[i], st.name, st.status)
		}
	}
	if !log[7].At.IsZero() || log[9].At.IsZero() {
		t.Errorf("a clear keeps the time given: %v, %v", log[7].At, log[9].At)
	}
	// Clearing what is not there changes nothing and logs nothing.
	if _, err := s.SetAttendance(ctx, m.ID, meeting.Attendance{MemberID: ids["Mette Kjærgaard"]}); err != nil {
		t.Fatal(err)
	}
	if log, _ := s.AttendanceLog(ctx, m.ID); len(log) != len(steps) {
		t.Errorf("clearing nothing logged: %d entries", len(log))
	}
	if err := rawExec(s, `UPDATE attendance_log SET status = 'present'`); err == nil {
		t.Error("the attendance log could be changed")
	}
}

func TestSetAttendance_Refuses(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c, m := mustAttendanceMeeting(t, s)
	ids := memberIDs(c)
	other, err := s.CreateCluster(ctx, meeting.Cluster{Name: "Anden klynge", Practices: []meeting.Practice{
		{Ydernummer: "047318", Name: "Lægerne Østergade", Members: []meeting.Member{{Name: "Fremmed Læge"}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	stranger := other.Practices[0].Members[0].ID
	now := time.Date(2025, 3, 4, 17, 35, 0, 0, time.UTC)
	tests := []struct {
		name      string
		meetingID int64
		a         meeting.Attendance
		code      string
		want      string
	}{
		{"unknown status", m.ID, meeting.Attendance{MemberID: ids["Åse Bødker"], Status: "sick", At: now}, meeting.EINVALID, `"sick"`},
		{"no time", m.ID, meeting.Attendance{MemberID: ids["Åse Bødker"], Status: meeting.StatusPresent}, meeting.EINVALID, "time"},
		{"unknown meeting", 999, meeting.Attendance{MemberID: ids["Åse Bødker"], Status: meeting.StatusPresent, At: now}, meeting.ENOTFOUND, "meeting 999"},
		{"unknown member", m.ID, meeting.Attendance{MemberID: 999, Status: meeting.StatusPresent, At: now}, meeting.ENOTFOUND, "member 999"},
		{"member of another cluster", m.ID, meeting.Attendance{MemberID: stranger, Status: meeting.StatusPresent, At: now}, meeting.EINVALID, "Fremmed Læge"},
		{"retired before the meeting", m.ID, meeting.Attendance{MemberID: ids["Ole Gammel"], Status: meeting.StatusPresent, At: now}, meeting.ECONFLICT, "retired on 31-01-2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.SetAttendance(ctx, tt.meetingID, tt.a)
			wantError(t, err, tt.code, tt.want)
		})
	}
	got, err := s.Meeting(ctx, m.ID)
	if err != nil || got.Attendance != nil {
		t.Errorf("refused check-ins were stored: %v, %v", got.Attendance, err)
	}
	if log, err := s.AttendanceLog(ctx, m.ID); err != nil || len(log) != 0 {
		t.Errorf("refused check-ins were logged: %v, %v", log, err)
	}

	t.Run("retired on the day of the meeting", func(t *testing.T) {
		id := ids["Jens Møller"]
		if _, err := s.RetireMember(ctx, id, time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetAttendance(ctx, m.ID, meeting.Attendance{MemberID: id, Status: meeting.StatusPresent, At: now}); err != nil {
			t.Error(err)
		}
	})
	t.Run("the triggers refuse a member of another cluster", func(t *testing.T) {
		err := rawExec(s, `INSERT INTO attendance (meeting_id, member_id, status, at) VALUES (?, ?, 'present', '2025-03-04T17:30:00Z')`, m.ID, stranger)
		if err == nil {
			t.Error("attendance of another cluster's member was stored")
		}
		err = rawExec(s, `INSERT INTO attendance (meeting_id, member_id, status, at) VALUES (?, ?, 'asleep', '2025-03-04T17:30:00Z')`, m.ID, ids["Åse Bødker"])
		wantError(t, translate(err, phrase("store.DoRecordAttendance")), meeting.EINVALID)
	})
}

func TestGuests(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	s := mustOpenPath(t, path)
	_, m := mustAttendanceMeeting(t, s)
	var err error
	for _, g := range []meeting.Guest{
		{Name: " Overlæge Åse Bjørnø ", Role: " oplægsholder "},
		{Name: "Karen Farmaceut", Role: "farmakonsulent"},
		{Name: "Lis Sygeplejerske"},
	} {
		if m, err = s.AddGuest(ctx, m.ID, g); err != nil {
			t.Fatal(err)
		}
	}
	want := []meeting.Guest{{Name: "Overlæge Åse Bjørnø", Role: "oplægsholder"}, {Name: "Karen Farmaceut", Role: "farmakonsulent"}, {Name: "Lis Sygeplejerske"}}
	if !reflect.DeepEqual(m.Guests, want) {
		t.Fatalf("guests %+v", m.Guests)
	}
	if m, err = s.RemoveGuest(ctx, m.ID, 1); err != nil {
		t.Fatal(err)
	}
	want = []meeting.Guest{want[0], want[2]}
	if got, err := s.Meeting(ctx, m.ID); err != nil || !reflect.DeepEqual(got.Guests, want) || !reflect.DeepEqual(m.Guests, want) {
		t.Errorf("after removing: %+v, %+v, %v", m.Guests, got.Guests, err)
	}
	_, err = s.RemoveGuest(ctx, m.ID, 2)
	wantError(t, err, meeting.ENOTFOUND, "2 guests", "guest number 3")
	_, err = s.RemoveGuest(ctx, m.ID, -1)
	wantError(t, err, meeting.ENOTFOUND)
	_, err = s.AddGuest(ctx, m.ID, meeting.Guest{Name: "  ", Role: "gæst"})
	wantError(t, err, meeting.EINVALID, "name")
	_, err = s.AddGuest(ctx, 999, meeting.Guest{Name: "X"})
	wantError(t, err, meeting.ENOTFOUND)
	if err := rawExec(s, `INSERT INTO guests (meeting_id, name) VALUES (?, ' ')`, m.ID); err == nil {
		t.Error("a blank guest was stored")
	}
}

func TestCreateMeeting_WithAttendanceAndGuests(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c, err := s.CreateCluster(ctx, attendanceCluster())
	if err != nil {
		t.Fatal(err)
	}
	ids := memberIDs(c)
	at := time.Date(2025, 3, 4, 17, 30, 0, 0, time.UTC)
	in := testMeeting(c.ID)
	in.Guests = []meeting.Guest{{Name: "Overlæge Åse Bjørnø", Role: "oplæg"}}
	in.Attendance = map[int64]meeting.Attendance{
		ids["Åse Bødker"]:  {Status: meeting.StatusApologies, Reason: "ferie", At: at},
		ids["Jens Møller"]: {MemberID: ids["Jens Møller"], Status: meeting.StatusPresent, At: at},
	}
	m, err := s.CreateMeeting(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	const want = "Jens Møller=present@17:30 Åse Bødker=apologies(ferie)@17:30"
	if a, b := attendanceText(c, m.Attendance), attendanceText(c, got.Attendance); a != want || b != want {
		t.Errorf("created %s\nread %s\nwant %s", a, b, want)
	}
	if !reflect.DeepEqual(got.Guests, in.Guests) || !reflect.DeepEqual(m.Guests, in.Guests) {
		t.Errorf("guests %+v, %+v", m.Guests, got.Guests)
	}

	bad := testMeeting(c.ID)
	bad.Attendance = map[int64]meeting.Attendance{ids["Ole Gammel"]: {Status: meeting.StatusPresent, At: at}}
	_, err = s.CreateMeeting(ctx, bad)
	wantError(t, err, meeting.ECONFLICT, "Ole Gammel")
	bad.Attendance = map[int64]meeting.Attendance{ids["Jens Møller"]: {Status: meeting.StatusNotChecked, At: at}}
	_, err = s.CreateMeeting(ctx, bad)
	wantError(t, err, meeting.EINVALID)
	if ms, _ := s.Meetings(ctx); len(ms) != 1 {
		t.Errorf("%d meetings after refused ones, want 1", len(ms))
	}
}

func TestAttendanceHistory(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c, err := s.CreateCluster(ctx, attendanceCluster())
	if err != nil {
		t.Fatal(err)
	}
	ids := memberIDs(c)
	otherID := mustCluster(t, s)
	if _, err := s.CreateMeeting(ctx, testMeeting(otherID)); err != nil {
		t.Fatal(err)
	}
	cph := time.FixedZone("CET", 3600)
	newMeeting := func(day string) meeting.Meeting {
		d, _ := time.ParseInLocation(time.DateOnly, day, cph)
		m := testMeeting(c.ID)
		m.PlannedStart = d.Add(17*time.Hour + 30*time.Minute)
		m.PlannedEnd = m.PlannedStart.Add(2 * time.Hour)
		m, err := s.CreateMeeting(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	check := func(m meeting.Meeting, name string, st meeting.AttendanceStatus) {
		t.Helper()
		if _, err := s.SetAttendance(ctx, m.ID, meeting.Attendance{MemberID: ids[name], Status: st, At: m.PlannedStart}); err != nil {
			t.Fatal(err)
		}
	}
	// Stored out of date order.
	june := newMeeting("2025-06-10")  // checked in: held
	march := newMeeting("2025-03-04") // started, nobody checked in: held
	sept := newMeeting("2025-09-09")  // only apologies: not held (yet)
	dec := newMeeting("2025-12-02")   // nothing: planned
	check(june, "Åse Bødker", meeting.StatusPresent)
	check(june, "Jens Møller", meeting.StatusApologies)
	if _, err := startMeeting(ctx, s, march.ID, march.PlannedStart); err != nil {
		t.Fatal(err)
	}
	check(sept, "Jens Møller", meeting.StatusApologies)

	got, err := s.AttendanceHistory(ctx, c.ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, h := range got {
		text = append(text, fmt.Sprintf("%d %s held=%v n=%d", h.MeetingID, h.Date.Format(time.DateOnly), h.Held, len(h.Attendance)))
	}
	want := []string{
		fmt.Sprintf("%d 2025-03-04 held=true n=0", march.ID),
		fmt.Sprintf("%d 2025-06-10 held=true n=2", june.ID),
		fmt.Sprintf("%d 2025-09-09 held=false n=1", sept.ID),
		fmt.Sprintf("%d 2025-12-02 held=false n=0", dec.ID),
	}
	if !slices.Equal(text, want) {
		t.Errorf("history\n%s\nwant\n%s", strings.Join(text, "\n"), strings.Join(want, "\n"))
	}
	if a := got[1].Attendance[ids["Jens Møller"]]; a.Status != meeting.StatusApologies || a.MemberID != ids["Jens Møller"] {
		t.Errorf("June, Jens: %+v", a)
	}
	if !sameTime(got[0].Date, march.PlannedStart) {
		t.Errorf("date %v, want %v", got[0].Date, march.PlannedStart)
	}

	since, err := s.AttendanceHistory(ctx, c.ID, time.Date(2025, 6, 10, 17, 30, 0, 0, cph))
	if err != nil || len(since) != 3 || since[0].MeetingID != june.ID {
		t.Errorf("since the June meeting: %+v, %v", since, err)
	}
	if none, err := s.AttendanceHistory(ctx, c.ID, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil || none != nil {
		t.Errorf("since 2030: %+v, %v", none, err)
	}
	_, err = s.AttendanceHistory(ctx, 999, time.Time{})
	wantError(t, err, meeting.ENOTFOUND, "cluster 999")

	// The history feeds the report.
	report := meeting.AttendanceReport(mustReadCluster(t, s, c.ID), got, meeting.AttendanceRule{MaxMissed: 0}, time.Date(2025, 12, 24, 12, 0, 0, 0, cph))
	for _, h := range report {
		if h.Member.Name == "Åse Bødker" && (h.Meetings != 2 || h.Attended != 1 || !h.ReachOut) {
			t.Errorf("Åse: %+v", h)
		}
		if h.Member.Name == "Ole Gammel" && (h.Meetings != 0 || h.ReachOut) {
			t.Errorf("Ole, retired: %+v", h)
		}
	}
}

func mustReadCluster(tb testing.TB, s *Store, id int64) meeting.Cluster {
	tb.Helper()
	c, err := s.Cluster(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func TestAttendanceRule(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c, err := s.CreateCluster(ctx, attendanceCluster())
	if err != nil {
		t.Fatal(err)
	}
	if c.Rule != meeting.DefaultAttendanceRule() || mustReadCluster(t, s, c.ID).Rule != meeting.DefaultAttendanceRule() {
		t.Errorf("a new cluster's rule is %+v", c.Rule)
	}
	for _, r := range []meeting.AttendanceRule{{MaxMissed: 2, MonthsAway: 0}, {MaxMissed: 0, MonthsAway: 12}} {
		if err := s.SetAttendanceRule(ctx, c.ID, r); err != nil {
			t.Fatal(err)
		}
		if got := mustReadCluster(t, s, c.ID).Rule; got != r {
			t.Errorf("rule %+v, want %+v", got, r)
		}
	}
	wantError(t, s.SetAttendanceRule(ctx, c.ID, meeting.AttendanceRule{MaxMissed: -1}), meeting.EINVALID)
	wantError(t, s.SetAttendanceRule(ctx, 999, meeting.DefaultAttendanceRule()), meeting.ENOTFOUND, "cluster 999")
	if err := rawExec(s, `UPDATE clusters SET months_away = -1`); err == nil {
		t.Error("a negative months_away was stored")
	}
	own := attendanceCluster()
	own.Name = "Egen regel"
	own.Rule = meeting.AttendanceRule{MaxMissed: 3, MonthsAway: 9}
	c2, err := s.CreateCluster(ctx, own)
	if err != nil || mustReadCluster(t, s, c2.ID).Rule != own.Rule {
		t.Errorf("CreateCluster with a rule: %v", err)
	}
}

func TestMembers_AddUpdateRetire(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c, err := s.CreateCluster(ctx, attendanceCluster())
	if err != nil {
		t.Fatal(err)
	}
	ids := memberIDs(c)
	joined := time.Date(2026, 2, 1, 10, 0, 0, 0, time.FixedZone("CET", 3600))

	t.Run("add to an existing practice", func(t *testing.T) {
		m, err := s.AddMember(ctx, c.ID, "047318", meeting.Member{Name: " Ny Læge ", Email: "ny@oestergade.example", Joined: joined}, "")
		if err != nil {
			t.Fatal(err)
		}
		if m.ID == 0 || m.Name != "Ny Læge" || m.Ydernummer != "047318" || m.Role != meeting.RoleMember || !sameTime(m.Joined, joined) || m.Retired != nil {
			t.Errorf("added %+v", m)
		}
	})
	t.Run("add with a new practice", func(t *testing.T) {
		m, err := s.AddMember(ctx, c.ID, "150237", meeting.Member{Name: "Lise Frølund", Role: meeting.RoleCoordinator}, "Lægerne Nørregade")
		if err != nil {
			t.Fatal(err)
		}
		got := mustReadCluster(t, s, c.ID)
		p, ok := practiceOf(got, "150237")
		if !ok || p.Name != "Lægerne Nørregade" || len(p.Members) != 1 || p.Members[0].ID != m.ID || !p.Members[0].Joined.IsZero() {
			t.Errorf("new practice %+v", p)
		}
	})
	refusals := []struct {
		name     string
		yd       string
		m        meeting.Member
		practice string
		code     string
		want     string
	}{
		{"unknown ydernummer without a practice name", "999999", meeting.Member{Name: "X"}, "", meeting.EINVALID, "practice 999999 is not in cluster"},
		{"practice name does not fit", "047318", meeting.Member{Name: "X"}, "Lægehuset ved Åen", meeting.EINVALID, `"Lægerne Østergade", not "Lægehuset ved Åen"`},
		{"no name", "047318", meeting.Member{Name: " "}, "", meeting.EINVALID, "name"},
		{"no ydernummer", " ", meeting.Member{Name: "X"}, "", meeting.EINVALID, "ydernummer"},
		{"bad role", "047318", meeting.Member{Name: "X", Role: "boss"}, "", meeting.EINVALID, `"boss"`},
		{"e-mail in use", "112905", meeting.Member{Name: "X", Email: "SOEREN@oestergade.example"}, "", meeting.ECONFLICT, "Søren Ærø-Hansen"},
		{"name in use in the practice", "047318", meeting.Member{Name: "åse bødker"}, "", meeting.ECONFLICT, "Åse Bødker"},
		{"retired", "047318", meeting.Member{Name: "X", Retired: &joined}, "", meeting.EINVALID, "retired"},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.AddMember(ctx, c.ID, tt.yd, tt.m, tt.practice)
			wantError(t, err, tt.code, tt.want)
		})
	}
	_, err = s.AddMember(ctx, 999, "047318", meeting.Member{Name: "X"}, "")
	wantError(t, err, meeting.ENOTFOUND)
	// A retired member's e-mail and name are free again.
	if _, err := s.AddMember(ctx, c.ID, "112905", meeting.Member{Name: "Ole Gammel", Email: "ole@vedaaen.example"}, ""); err != nil {
		t.Errorf("a retired member's name and e-mail: %v", err)
	}

	t.Run("update", func(t *testing.T) {
		m, err := s.UpdateMember(ctx, meeting.Member{ID: ids["Åse Bødker"], Name: "Åse Bødker Holm", Email: "aase.holm@oestergade.example"})
		if err != nil {
			t.Fatal(err)
		}
		if m.Name != "Åse Bødker Holm" || m.Email != "aase.holm@oestergade.example" || m.Role != meeting.RoleMember || m.Ydernummer != "047318" {
			t.Errorf("updated %+v", m)
		}
		m, err = s.UpdateMember(ctx, meeting.Member{ID: m.ID, Name: m.Name, Email: m.Email, Role: meeting.RoleCoordinator, Ydernummer: "112905"})
		if err != nil || m.Role != meeting.RoleCoordinator || m.Ydernummer != "112905" {
			t.Errorf("moved %+v, %v", m, err)
		}
		_, err = s.UpdateMember(ctx, meeting.Member{ID: m.ID, Name: "Jens Møller"})
		wantError(t, err, meeting.ECONFLICT, "Jens Møller")
		_, err = s.UpdateMember(ctx, meeting.Member{ID: m.ID, Name: "X", Ydernummer: "777777"})
		wantError(t, err, meeting.EINVALID, "777777")
		_, err = s.UpdateMember(ctx, meeting.Member{ID: 999, Name: "X"})
		wantError(t, err, meeting.ENOTFOUND, "member 999")
	})

	t.Run("retire", func(t *testing.T) {
		first := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		m, err := s.RetireMember(ctx, ids["Mette Kjærgaard"], first)
		if err != nil || m.Retired == nil || !sameTime(*m.Retired, first) {
			t.Fatalf("retired %+v, %v", m, err)
		}
		m, err = s.RetireMember(ctx, ids["Mette Kjærgaard"], first.AddDate(0, 1, 0))
		if err != nil || !sameTime(*m.Retired, first) {
			t.Errorf("retiring again moved the date: %+v, %v", m, err)
		}
		if got, err := s.Member(ctx, m.ID); err != nil || got.Name != "Mette Kjærgaard" || got.Retired == nil || !sameTime(*got.Retired, first) {
			t.Errorf("Member: %+v, %v", got, err)
		}
		_, err = s.Member(ctx, 999)
		wantError(t, err, meeting.ENOTFOUND, "member 999")
		_, err = s.RetireMember(ctx, 999, first)
		wantError(t, err, meeting.ENOTFOUND)
		_, err = s.RetireMember(ctx, ids["Jens Møller"], time.Time{})
		wantError(t, err, meeting.EINVALID)
		p, _ := practiceOf(mustReadCluster(t, s, c.ID), "047318")
		if !slices.ContainsFunc(p.Members, func(o meeting.Member) bool { return o.ID == m.ID && o.Retired != nil }) {
			t.Error("the retired member is no longer listed")
		}
	})
}

// clusterText shows a cluster's practices and members, one a line, with
// times as text, to compare a cluster before and after.
func clusterText(c meeting.Cluster) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s %+v\n", c.ID, c.Name, c.Rule)
	for _, p := range c.Practices {
		fmt.Fprintf(&b, "%s %s\n", p.Ydernummer, p.Name)
		for _, m := range p.Members {
			retired := "-"
			if m.Retired != nil {
				retired = m.Retired.Format(time.RFC3339)
			}
			fmt.Fprintf(&b, "  %d %s %s %s %s joined=%s retired=%s\n", m.ID, m.Ydernummer, m.Name, m.Email, m.Role, m.Joined.Format(time.RFC3339), retired)
		}
	}
	return b.String()
}

func TestImportRoster(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c, err := s.CreateCluster(ctx, attendanceCluster())
	if err != nil {
		t.Fatal(err)
	}
	ids := memberIDs(c)
	at := time.Date(2026, 11, 23, 15, 4, 0, 0, time.UTC)
	file := []meeting.Practice{
		{Ydernummer: "047318", Name: "Lægerne Østergade", Members: []meeting.Member{
			{Name: "Søren Ærø-Hansen", Email: "soeren@oestergade.example"},                 // unchanged, role kept
			{Name: "Åse Bødker-Holm", Email: "AASE@oestergade.example"},                    // matched by e-mail: renamed
			{Name: "mette kjærgaard", Email: "mette.k@oestergade.example", Role: "member"}, // matched by name: new e-mail and name
			{Name: "Ny Læge", Email: "ny@oestergade.example"},                              // added
		}},
		{Ydernummer: "112905", Name: "Lægehuset ved Åen I/S", Members: []meeting.Member{ // renamed
			{Name: "Ole Gammel", Email: "ole@vedaaen.example"},        // retired: added anew
			{Name: "Birgitte Løvgren", Role: meeting.RoleCoordinator}, // no e-mail: kept; role changed
		}},
		{Ydernummer: "150237", Name: "Lægerne Nørregade", Members: []meeting.Member{ // new practice
			{Name: "Jens Møller", Email: "jens@vedaaen.example"}, // moved by e-mail
		}},
		{Ydernummer: "061442", Name: "Strandvejens Lægehus"}, // new, no doctors yet
	}
	before := file[0].Members[0]
	res, err := s.ImportRoster(ctx, c.ID, file, at)
	if err != nil {
		t.Fatal(err)
	}
	if file[0].Members[0] != before {
		t.Error("ImportRoster changed the caller's members")
	}
	var added, updated, newPractices, renamed, missing []string
	for _, m := range res.Added {
		added = append(added, m.Ydernummer+" "+m.Name)
		if m.ID == 0 || !m.Joined.Equal(at) || m.Role != meeting.RoleMember {
			t.Errorf("added %+v", m)
		}
	}
	for _, u := range res.Updated {
		updated = append(updated, fmt.Sprintf("%d %s/%s/%s/%s", u.Before.ID, u.After.Ydernummer, u.After.Name, u.After.Email, u.After.Role))
	}
	for _, p := range res.NewPractices {
		newPractices = append(newPractices, p.Ydernummer+" "+p.Name)
	}
	for _, r := range res.RenamedPractices {
		renamed = append(renamed, r.Ydernummer+" "+r.From+" → "+r.To)
	}
	for _, m := range res.NotInFile {
		missing = append(missing, m.Name)
	}
	wantList := func(what string, got []string, want ...string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", what, got, want)
		}
	}
	wantList("added", added, "047318 Ny Læge", "112905 Ole Gammel")
	wantList("updated", updated,
		fmt.Sprintf("%d 047318/Åse Bødker-Holm/AASE@oestergade.example/member", ids["Åse Bødker"]),
		fmt.Sprintf("%d 047318/mette kjærgaard/mette.k@oestergade.example/member", ids["Mette Kjærgaard"]),
		fmt.Sprintf("%d 112905/Birgitte Løvgren/birgitte@vedaaen.example/coordinator", ids["Birgitte Løvgren"]),
		fmt.Sprintf("%d 150237/Jens Møller/jens@vedaaen.example/member", ids["Jens Møller"]))
	wantList("new practices", newPractices, "150237 Lægerne Nørregade", "061442 Strandvejens Lægehus")
	wantList("renamed", renamed, "112905 Lægehuset ved Åen → Lægehuset ved Åen I/S")
	wantList("not in the file", missing)
	if res.Unchanged != 1 {
		t.Errorf("unchanged %d, want 1", res.Unchanged)
	}
	got := mustReadCluster(t, s, c.ID)
	if got.DoctorCount() != c.DoctorCount()+2 {
		t.Errorf("%d doctors, want %d", got.DoctorCount(), c.DoctorCount()+2)
	}
	soeren, _ := practiceOf(got, "047318")
	if soeren.Members[0].Role != meeting.RoleCoordinator {
		t.Errorf("a row without a role changed the coordinator's role: %+v", soeren.Members[0])
	}

	t.Run("again: nothing changes, and the missing are listed", func(t *testing.T) {
		stored := clusterText(mustReadCluster(t, s, c.ID))
		res, err := s.ImportRoster(ctx, c.ID, file[:2], at.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Added)+len(res.Updated)+len(res.NewPractices)+len(res.RenamedPractices) != 0 || res.Unchanged != 6 {
			t.Errorf("second import: %+v", res)
		}
		if len(res.NotInFile) != 1 || res.NotInFile[0].Name != "Jens Møller" {
			t.Errorf("not in the file: %+v", res.NotInFile)
		}
		if after := clusterText(mustReadCluster(t, s, c.ID)); after != stored {
			t.Errorf("the cluster changed:\n%s\nwas\n%s", after, stored)
		}
	})
	t.Run("a known practice without a name keeps its name", func(t *testing.T) {
		res, err := s.ImportRoster(ctx, c.ID, []meeting.Practice{{Ydernummer: "150237", Members: []meeting.Member{{Name: "Jens Møller"}}}}, at)
		if err != nil || len(res.RenamedPractices) != 0 || res.Unchanged != 1 {
			t.Errorf("%+v, %v", res, err)
		}
		if p, _ := practiceOf(mustReadCluster(t, s, c.ID), "150237"); p.Name != "Lægerne Nørregade" {
			t.Errorf("name %q", p.Name)
		}
	})
}

func TestImportRoster_RefusesAndKeepsStored(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c, err := s.CreateCluster(ctx, attendanceCluster())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 23, 15, 4, 0, 0, time.UTC)
	ok := meeting.Practice{Ydernummer: "150237", Name: "Lægerne Nørregade", Members: []meeting.Member{{Name: "Lise Frølund", Email: "lise@noerregade.example"}}}
	tests := []struct {
		name string
		file []meeting.Practice
		want string
	}{
		{"nothing", nil, "no practices"},
		{"same doctor twice", []meeting.Practice{ok, {Ydernummer: "047318", Members: []meeting.Member{{Name: "Ny"}, {Name: "NY"}}}}, "NY is listed twice in practice 047318"},
		{"same e-mail twice", []meeting.Practice{ok, {Ydernummer: "047318", Members: []meeting.Member{{Name: "Ny", Email: "LISE@noerregade.example"}}}}, "e-mail LISE@noerregade.example is given for both Lise Frølund and Ny"},
		{"no ydernummer", []meeting.Practice{ok, {Name: "Uden nummer", Members: []meeting.Member{{Name: "Ny"}}}}, "needs a ydernummer"},
		{"practice twice", []meeting.Practice{ok, ok}, "practice 150237 appears twice"},
		{"unknown practice without a name", []meeting.Practice{ok, {Ydernummer: "999999", Members: []meeting.Member{{Name: "Ny"}}}}, "practice 999999 is not in cluster"},
		{"doctor without a name", []meeting.Practice{ok, {Ydernummer: "047318", Members: []meeting.Member{{Email: "x@y.dk"}}}}, "needs a name"},
		{"member under the wrong practice", []meeting.Practice{ok, {Ydernummer: "047318", Members: []meeting.Member{{Name: "Ny", Ydernummer: "112905"}}}}, "has ydernummer 112905"},
		// Åse's e-mail moves her onto Søren's name in his practice.
		{"a clash after matching", []meeting.Practice{ok, {Ydernummer: "047318", Members: []meeting.Member{{Name: "Søren Ærø-Hansen", Email: "aase@oestergade.example"}}}}, "after the import"},
	}
	stored := clusterText(mustReadCluster(t, s, c.ID))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ImportRoster(ctx, c.ID, tt.file, at)
			wantError(t, err, meeting.EINVALID, tt.want)
			if after := clusterText(mustReadCluster(t, s, c.ID)); after != stored {
				t.Errorf("the cluster changed:\n%s\nwas\n%s", after, stored)
			}
		})
	}
	_, err = s.ImportRoster(ctx, 999, []meeting.Practice{ok}, at)
	wantError(t, err, meeting.ENOTFOUND)
	_, err = s.ImportRoster(ctx, c.ID, []meeting.Practice{ok}, time.Time{})
	wantError(t, err, meeting.EINVALID, "time")
}

func TestMigration0004_FromSchema3(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 4 || ms[3].name != "0004_attendance.sql" {
		t.Fatalf("migration 4 is %+v", ms[3])
	}
	s, err := openWith(path, ms[:3])
	if err != nil {
		t.Fatal(err)
	}
	clusterID := schema1Cluster(t, s)
	m := oldSchemaMeeting(t, s, testMeeting(clusterID))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = mustOpenPath(t, path)
	if v, err := s.SchemaVersion(ctx); err != nil || v != LatestSchema() {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, LatestSchema())
	}
	c := mustReadCluster(t, s, clusterID)
	if c.Rule != meeting.DefaultAttendanceRule() {
		t.Errorf("migrated rule %+v", c.Rule)
	}
	for _, p := range c.Practices {
		for _, mem := range p.Members {
			if !mem.Joined.IsZero() {
				t.Errorf("%s joined %v, want always (zero)", mem.Name, mem.Joined)
			}
		}
	}
	equalClusters(t, c, func() meeting.Cluster {
		want := testCluster()
		want.ID = clusterID
		slices.SortFunc(want.Practices, func(a, b meeting.Practice) int { return strings.Compare(a.Ydernummer, b.Ydernummer) })
		for i := range want.Practices {
			for j := range want.Practices[i].Members {
				mm := &want.Practices[i].Members[j]
				mm.ID = memberIDs(c)[mm.Name]
				mm.Ydernummer = want.Practices[i].Ydernummer
				if mm.Role == "" {
					mm.Role = meeting.RoleMember
				}
			}
		}
		return want
	}())
	got, err := s.Meeting(ctx, m.ID)
	if err != nil || got.Attendance != nil || got.Guests != nil {
		t.Fatalf("migrated meeting: %+v, %+v, %v", got.Attendance, got.Guests, err)
	}
	ids := memberIDs(c)
	if _, err := s.SetAttendance(ctx, m.ID, meeting.Attendance{MemberID: ids["Søren Øster"], Status: meeting.StatusPresent, At: m.PlannedStart}); err != nil {
		t.Error(err)
	}
	if _, err := s.AddGuest(ctx, m.ID, meeting.Guest{Name: "Gæst"}); err != nil {
		t.Error(err)
	}
	for _, table := range []string{"attendance", "attendance_log", "guests"} {
		var strict int
		if err := s.db.QueryRowContext(ctx, `SELECT strict FROM pragma_table_list WHERE name = ?`, table).Scan(&strict); err != nil || strict != 1 {
			t.Errorf("%s strict = %d, %v", table, strict, err)
		}
	}
	var fkProblems int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fkProblems); err != nil || fkProblems != 0 {
		t.Errorf("foreign_key_check: %d problems, %v", fkProblems, err)
	}
	// Deleting a meeting takes its attendance and guests with it.
	if err := rawExec(s, `DELETE FROM meetings WHERE id = ?`, m.ID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"attendance", "attendance_log", "guests"} {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s has %d rows after deleting the meeting (%v)", table, n, err)
		}
	}
}
