package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// CreateMeeting stores m with its pack snapshot and one agenda row per item
// of its live agenda m.Items (meeting.ItemsFromPack(m.Pack) when m.Items is
// empty), and returns it with the IDs of the meeting and its items set (any
// IDs m has are ignored). m must pass m.Validate() (which also checks the
// items' kinds and minutes), and each item's PackIndex must be -1 or name an
// item of m.Pack.Agenda, each at most once. m.ClusterID must name a stored
// cluster: the foreign key refuses any other with an EINVALID
// *meeting.Error.
//
// m.Codes, m.Values and m.Consents are stored too when set: codes must be
// one per practice of the cluster, all different (see RegenerateCodes);
// figures are checked as ImportValues checks them; each consent becomes a
// "given" entry of the consent log. m.Guests and m.Attendance are stored
// as AddGuest and SetAttendance store them, m.Groups as SaveGroups stores
// them and each item's Notes as SaveGroupNote does; each item's Timer and
// Presenting are checked and stored as SaveRun does. The meeting returned
// holds them as Meeting reads them back: Values ordered by indicator, then
// ydernummer, and nil when there are none.
func (s *Store) CreateMeeting(ctx context.Context, m meeting.Meeting) (meeting.Meeting, error) {
	if len(m.Items) == 0 {
		m.Items = meeting.ItemsFromPack(m.Pack)
	}
	if err := m.Validate(); err != nil {
		return meeting.Meeting{}, err
	}
	if err := checkItems(m.Items, m.Pack); err != nil {
		return meeting.Meeting{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoSaveMeeting"))
	}
	defer tx.Rollback()
	if err := createMeeting(ctx, tx, &m); err != nil {
		return meeting.Meeting{}, err
	}
	if err := createPracticeData(ctx, tx, &m); err != nil {
		return meeting.Meeting{}, err
	}
	if err := createAttendance(ctx, tx, &m); err != nil {
		return meeting.Meeting{}, err
	}
	if err := createGroupWork(ctx, tx, &m); err != nil {
		return meeting.Meeting{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoSaveMeeting"))
	}
	return m, nil
}

// Meeting returns the meeting with the given id, its pack snapshot, its
// live agenda (with each item's round timer, presenting group and notes),
// its practices' figures, letter codes and consents, its attendance and
// guests, and its groups. A missing meeting is an ENOTFOUND *meeting.Error.
func (s *Store) Meeting(ctx context.Context, id int64) (meeting.Meeting, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoReadMeeting"))
	}
	defer tx.Rollback()
	m, err := findMeeting(ctx, tx, id)
	if err != nil {
		return meeting.Meeting{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoReadMeeting"))
	}
	return m, nil
}

// Meetings returns every meeting with everything Meeting reads,
// the latest planned start first; meetings planned for the same moment come
// newest-stored first.
func (s *Store) Meetings(ctx context.Context) ([]meeting.Meeting, error) {
	return s.listMeetings(ctx, scanMeeting, findDetails)
}

// MeetingHistory returns every meeting in the order of Meetings with what
// a meeting's screen needs of the others (the evaluation trend, the
// decisions in force, the next meeting for a pledge due "næste"): each
// meeting's row, agenda with its notes, evaluations and decisions, and of
// its pack only the agenda. The rest of the packs (slides, indicators,
// the figures they brought), the figures, codes, consents, arrivals,
// attendance, guests and groups are left out (zero, nil): on ten years
// they were most of what Meetings reads and kept the screen's heap larger
// for the whole evening (TestMeetingHistoryIsMeetingsWithoutFigures).
func (s *Store) MeetingHistory(ctx context.Context) ([]meeting.Meeting, error) {
	return s.listMeetings(ctx, scanMeetingAgenda, findItems)
}

// listMeetings reads every meeting in the order of Meetings, each row by
// scan, and details of them.
func (s *Store) listMeetings(ctx context.Context, scan func(rowScanner) (meeting.Meeting, error), details func(context.Context, *sql.Tx, ...*meeting.Meeting) error) ([]meeting.Meeting, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err, phrase("store.DoListMeetings"))
	}
	defer tx.Rollback()
	ms, err := findMeetingsWith(ctx, tx,
		`ORDER BY unixepoch(planned_start, 'subsec') DESC, id DESC`, scan, details)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, translate(err, phrase("store.DoListMeetings"))
	}
	return ms, nil
}

// LatestMeeting returns the meeting stored most recently, the one `klynge
// run` opens when given no id. It goes by the order of storing, not by
// Created, so a wrong clock cannot hide a new meeting. With no meetings it
// returns an ENOTFOUND *meeting.Error.
func (s *Store) LatestMeeting(ctx context.Context) (meeting.Meeting, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoReadLatestMeeting"))
	}
	defer tx.Rollback()
	ms, err := findMeetings(ctx, tx, `ORDER BY id DESC LIMIT 1`)
	if err != nil {
		return meeting.Meeting{}, err
	}
	if len(ms) == 0 {
		return meeting.Meeting{}, meeting.Errork(meeting.ENOTFOUND, "store.NoMeetings", s.path)
	}
	if err := tx.Commit(); err != nil {
		return meeting.Meeting{}, translate(err, phrase("store.DoReadLatestMeeting"))
	}
	return ms[0], nil
}

// createMeeting inserts m, already checked, with its agenda rows, and sets
// m.ID and the items' IDs (in a copy of m.Items).
func createMeeting(ctx context.Context, tx *sql.Tx, m *meeting.Meeting) error {
	var times [3]string
	for i, t := range []struct {
		at   time.Time
		what meeting.Phrase
	}{
		{m.PlannedStart, phrase("store.TimePlannedStart")},
		{m.PlannedEnd, phrase("store.TimePlannedEnd")},
		{m.Created, phrase("store.TimeMeetingCreated")},
	} {
		var err error
		if times[i], err = encodeTime(t.at, t.what); err != nil {
			return err
		}
	}
	started, err := encodeTimePtr(m.Started, phrase("store.TimeMeetingStart"))
	if err != nil {
		return err
	}
	pack, err := encodePack(m.Pack)
	if err != nil {
		return err
	}
	what := phrase("store.DoSaveMeetingIn", m.Title, meeting.Ref(m.ClusterID))
	res, err := tx.ExecContext(ctx, `
		INSERT INTO meetings (cluster_id, title, planned_start, planned_end, started_at, created_at, pack_json)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		m.ClusterID, m.Title, times[0], times[1], started, times[2], pack)
	if err != nil {
		return translate(err, what)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return translate(err, what)
	}
	items := slices.Clone(m.Items) // the caller's slice stays as it was
	for i, it := range items {
		row, err := encodeItem(i, it, m.Pack)
		if err != nil {
			return err
		}
		if items[i].ID, err = insertItem(ctx, tx, id, i, it, row); err != nil {
			return translate(err, phrase("store.DoSaveItemOf", i+1, m.Title))
		}
	}
	m.ID = id
	m.Items = items
	return nil
}

// findMeeting reads meeting id.
func findMeeting(ctx context.Context, tx *sql.Tx, id int64) (meeting.Meeting, error) {
	row := tx.QueryRowContext(ctx, `SELECT `+meetingColumns+` FROM meetings WHERE id = ?`, id)
	m, err := scanMeeting(row)
	if errors.Is(err, sql.ErrNoRows) {
		return meeting.Meeting{}, meeting.Errork(meeting.ENOTFOUND, "store.NoMeeting", meeting.Ref(id))
	}
	if err != nil {
		return meeting.Meeting{}, err
	}
	if err := findDetails(ctx, tx, &m); err != nil {
		return meeting.Meeting{}, err
	}
	return m, nil
}

// findMeetings reads the meetings in the order that tail (ORDER BY …, LIMIT
// …; never user input) gives.
func findMeetings(ctx context.Context, tx *sql.Tx, tail string) ([]meeting.Meeting, error) {
	return findMeetingsWith(ctx, tx, tail, scanMeeting, findDetails)
}

// findMeetingsWith is findMeetings reading details of the meetings (all
// of them: findDetails).
func findMeetingsWith(ctx context.Context, tx *sql.Tx, tail string, scan func(rowScanner) (meeting.Meeting, error), details func(context.Context, *sql.Tx, ...*meeting.Meeting) error) ([]meeting.Meeting, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+meetingColumns+` FROM meetings `+tail)
	if err != nil {
		return nil, translate(err, phrase("store.DoListMeetings"))
	}
	defer rows.Close()
	var ms []meeting.Meeting
	for rows.Next() {
		m, err := scan(rows)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, phrase("store.DoListMeetings"))
	}
	rows.Close() // before the next queries on the transaction's connection
	ptrs := make([]*meeting.Meeting, len(ms))
	for i := range ms {
		ptrs[i] = &ms[i]
	}
	if err := details(ctx, tx, ptrs...); err != nil {
		return nil, err
	}
	return ms, nil
}

// findDetails reads everything of meetings ms beyond their row: agenda,
// figures, codes, consents, attendance, guests, groups and notes. Each
// kind is one query for all of ms, so listing forty meetings costs what
// reading one does, not forty times as much.
func findDetails(ctx context.Context, tx *sql.Tx, ms ...*meeting.Meeting) error {
	if len(ms) == 0 {
		return nil
	}
	if err := findItems(ctx, tx, ms...); err != nil {
		return err
	}
	if err := findPracticeData(ctx, tx, ms...); err != nil {
		return err
	}
	if err := findCollection(ctx, tx, setOf(ms)); err != nil {
		return err
	}
	if err := findAttendance(ctx, tx, ms...); err != nil {
		return err
	}
	return findGroups(ctx, tx, ms...)
}

// meetingSet is meetings read together: `meeting_id IN `+set.list with
// set.arg selects their rows; and each by id.
type meetingSet struct {
	// list and arg are the SQL list of the ids and its one argument: the
	// ids as a JSON array for (SELECT value FROM json_each(?)), or for one
	// meeting (?) and its id, which SQLite reads as meeting_id = ? —
	// cheaper to prepare and to run, and one meeting is what a screen
	// reads, its first frame too.
	list string
	arg  any
	ids  string
	byID map[int64]*meeting.Meeting
}

func setOf(ms []*meeting.Meeting) meetingSet {
	set := meetingSet{byID: make(map[int64]*meeting.Meeting, len(ms))}
	ids := make([]string, len(ms))
	for i, m := range ms {
		set.byID[m.ID] = m
		ids[i] = strconv.FormatInt(m.ID, 10)
	}
	set.ids = "[" + strings.Join(ids, ",") + "]"
	set.list, set.arg = "(SELECT value FROM json_each(?))", set.ids
	if len(ms) == 1 {
		set.list, set.arg = "(?)", ms[0].ID
	}
	return set
}

// name words the set for an error: "meeting 3", or "meetings 3, 4".
func (s meetingSet) name() meeting.Phrase {
	if len(s.byID) == 1 {
		return phrase("store.MeetingOne", strings.Trim(s.ids, "[]"))
	}
	return phrase("store.MeetingsMany", strings.ReplaceAll(strings.Trim(s.ids, "[]"), ",", ", "))
}

// meetingColumns are the columns scanMeeting reads, in order.
const meetingColumns = `id, cluster_id, title, planned_start, planned_end, started_at, created_at, pack_json, slide, chart_json`

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(...any) error }

// scanMeeting reads one row of meetingColumns. sql.ErrNoRows passes through
// untranslated for the caller to report.
func scanMeeting(row rowScanner) (meeting.Meeting, error) {
	return scanMeetingWith(row, decodePack)
}

// scanMeetingAgenda is scanMeeting with only the pack's agenda, which its
// items are read against (decodePackAgenda), for MeetingHistory.
func scanMeetingAgenda(row rowScanner) (meeting.Meeting, error) {
	return scanMeetingWith(row, decodePackAgenda)
}

func scanMeetingWith(row rowScanner, decode func(string) (meeting.Pack, error)) (meeting.Meeting, error) {
	var (
		m                   meeting.Meeting
		start, end, created string
		started             sql.NullString
		pack, chart         string
	)
	if err := row.Scan(&m.ID, &m.ClusterID, &m.Title, &start, &end, &started, &created, &pack, &m.Slide, &chart); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return m, err
		}
		return m, translate(err, phrase("store.DoReadMeeting"))
	}
	var err error
	if m.PlannedStart, err = decodeTime(start); err != nil {
		return m, err
	}
	if m.PlannedEnd, err = decodeTime(end); err != nil {
		return m, err
	}
	if m.Created, err = decodeTime(created); err != nil {
		return m, err
	}
	if m.Started, err = decodeTimePtr(started); err != nil {
		return m, err
	}
	if err := json.Unmarshal([]byte(chart), &m.DataScreen); err != nil {
		return m, meeting.Errork(meeting.EINTERNAL, "store.ChartStateDamaged", meeting.Ref(m.ID), err)
	}
	if m.Pack, err = decode(pack); err != nil {
		return m, meeting.Errork(meeting.EINTERNAL, "err.InMeeting", meeting.Ref(m.ID), err)
	}
	return m, nil
}

// MeetingPlans returns every meeting's row only — id, cluster, title,
// planned start and end, when it started and was created — without its
// pack, agenda or anything recorded at it, the latest planned start
// first. It is what finding the next meeting (meeting.NextMeeting) needs,
// and on years of history it costs a fraction of Meetings.
func (s *Store) MeetingPlans(ctx context.Context) ([]meeting.Meeting, error) {
	what := phrase("store.DoListMeetings")
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, cluster_id, title, planned_start, planned_end, started_at, created_at
		FROM meetings ORDER BY unixepoch(planned_start, 'subsec') DESC, id DESC`)
	if err != nil {
		return nil, translate(err, what)
	}
	defer rows.Close()
	var ms []meeting.Meeting
	for rows.Next() {
		var (
			m                   meeting.Meeting
			start, end, created string
			started             sql.NullString
		)
		if err := rows.Scan(&m.ID, &m.ClusterID, &m.Title, &start, &end, &started, &created); err != nil {
			return nil, translate(err, what)
		}
		if m.PlannedStart, err = decodeTime(start); err != nil {
			return nil, err
		}
		if m.PlannedEnd, err = decodeTime(end); err != nil {
			return nil, err
		}
		if m.Created, err = decodeTime(created); err != nil {
			return nil, err
		}
		if m.Started, err = decodeTimePtr(started); err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms, translate(rows.Err(), what)
}

// LatestMeetingID is the id of the meeting LatestMeeting returns, read
// without the meeting: `klynge run` needs only the id before the screen
// reads the meeting itself. With no meetings it returns an ENOTFOUND
// *meeting.Error.
func (s *Store) LatestMeetingID(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM meetings ORDER BY id DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, meeting.Errork(meeting.ENOTFOUND, "store.NoMeetings", s.path)
	}
	return id, translate(err, phrase("store.DoReadLatestMeeting"))
}
