package store

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// Group work lives in three places. Each agenda row holds its round's
// timer (timer_* columns) and its presenting group. A meeting's groups are
// meetings.group_count, which numbers them 1 … n, and one meeting_groups
// row per member, so a group left empty keeps its number. The
// coordinator's notes are group_notes rows per agenda item and group
// number; an empty note is no row.

// SaveGroups replaces the groups of meeting meetingID with groups and
// returns the meeting as read back in the same transaction. Groups must be
// numbered 1, 2, … n in order; a group may be empty (meeting.MoveMember
// can leave one so) and keeps its number. Each member must exist
// (ENOTFOUND), belong to the meeting's cluster and be in one group only
// (EINVALID), and be a member on the meeting's date (Member.CheckActiveAt;
// ECONFLICT).
// Only MemberID is read from each member: Meeting fills in Name and
// Ydernummer from the roster. No groups (nil) removes the meeting's
// groups. The items' presenting groups and notes stay as they are.
func (s *Store) SaveGroups(ctx context.Context, meetingID int64, groups []meeting.Group) (meeting.Meeting, error) {
	if err := checkGroupNumbers(groups); err != nil {
		return meeting.Meeting{}, err
	}
	return s.changeMeeting(ctx, meetingID, phrase("store.DoSaveGroupsShort"), func(tx *sql.Tx, m meeting.Meeting) error {
		return writeGroups(ctx, tx, m, groups)
	})
}

// PreviousGroups returns the groups of the latest meeting of the same
// cluster planned before meeting meetingID that has groups (a meeting
// planned for the same moment counts as earlier when it was stored
// earlier), with members' names and ydernumre as the roster has them now;
// nil when there is none. This is what meeting.FormGroups takes as
// previous. A missing meeting is ENOTFOUND.
func (s *Store) PreviousGroups(ctx context.Context, meetingID int64) ([]meeting.Group, error) {
	what := phrase("store.DoReadPreviousGroups")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err, what)
	}
	defer tx.Rollback()
	if _, err := findMeeting(ctx, tx, meetingID); err != nil {
		return nil, err
	}
	var prev int64
	err = tx.QueryRowContext(ctx, `
		SELECT m.id FROM meetings m JOIN meetings cur ON cur.id = ?
		WHERE m.cluster_id = cur.cluster_id AND m.id <> cur.id
			AND EXISTS (SELECT 1 FROM meeting_groups g WHERE g.meeting_id = m.id)
			AND (unixepoch(m.planned_start, 'subsec') < unixepoch(cur.planned_start, 'subsec')
				OR (unixepoch(m.planned_start, 'subsec') = unixepoch(cur.planned_start, 'subsec') AND m.id < cur.id))
		ORDER BY unixepoch(m.planned_start, 'subsec') DESC, m.id DESC
		LIMIT 1`, meetingID).Scan(&prev)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, translate(tx.Commit(), what)
	} else if err != nil {
		return nil, translate(err, what)
	}
	groups, err := groupsOf(ctx, tx, prev)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, translate(err, what)
	}
	return groups, nil
}

// SaveGroupNote stores text as the coordinator's summary of group group's
// presentation at agenda item itemID of meeting meetingID, replacing any
// earlier one, and returns the meeting as read back in the same
// transaction. The text is trimmed; an empty text deletes the note. A note
// can only be written for one of the meeting's groups (ENOTFOUND
// otherwise); a missing meeting or item is ENOTFOUND, an item of another
// meeting EINVALID.
func (s *Store) SaveGroupNote(ctx context.Context, meetingID, itemID int64, group int, text string) (meeting.Meeting, error) {
	if group < 1 {
		return meeting.Meeting{}, meeting.Errork(meeting.EINVALID, "store.NoGroupNumber", group)
	}
	text = strings.TrimSpace(text)
	return s.changeMeeting(ctx, meetingID, phrase("store.DoSaveNote"), func(tx *sql.Tx, m meeting.Meeting) error {
		i, err := itemIndex(ctx, tx, m, itemID)
		if err != nil {
			return err
		}
		what := phrase("store.DoSaveGroupNoteAt", group, m.Items[i].Title)
		if text == "" {
			_, err := tx.ExecContext(ctx,
				`DELETE FROM group_notes WHERE agenda_item_id = ? AND group_number = ?`, itemID, group)
			return translate(err, what)
		}
		if err := checkGroupExists(m, group); err != nil {
			return err
		}
		return writeNote(ctx, tx, m.ID, itemID, group, text, what)
	})
}

// changeMeeting runs change on meeting meetingID, as read at the start of
// one transaction, and returns the meeting as read back at its end. what
// names the action for errors. A missing meeting is ENOTFOUND.
func (s *Store) changeMeeting(ctx context.Context, meetingID int64, what meeting.Phrase,
	change func(tx *sql.Tx, m meeting.Meeting) error) (meeting.Meeting, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Meeting{}, translate(err, what)
	}
	defer tx.Rollback()
	m, err := findMeeting(ctx, tx, meetingID)
	if err != nil {
		return meeting.Meeting{}, err
	}
	if err := change(tx, m); err != nil {
		return meeting.Meeting{}, err
	}
	if m, err = findMeeting(ctx, tx, meetingID); err != nil {
		return meeting.Meeting{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Meeting{}, translate(err, what)
	}
	return m, nil
}

// itemIndex returns the index in m.Items of the item with id itemID.
func itemIndex(ctx context.Context, tx *sql.Tx, m meeting.Meeting, itemID int64) (int, error) {
	for i, it := range m.Items {
		if it.ID == itemID {
			return i, nil
		}
	}
	var owner int64
	err := tx.QueryRowContext(ctx, `SELECT meeting_id FROM agenda_items WHERE id = ?`, itemID).Scan(&owner)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return -1, meeting.Errork(meeting.ENOTFOUND, "store.ItemNotOnAgenda", meeting.Ref(itemID), meeting.Ref(m.ID))
	case err != nil:
		return -1, translate(err, phrase("store.DoFindItem", meeting.Ref(itemID)))
	}
	return -1, meeting.Errork(meeting.EINVALID, "store.ItemOtherMeeting", meeting.Ref(itemID), meeting.Ref(owner), meeting.Ref(m.ID))
}

// checkGroupExists fails unless m has a group numbered group.
func checkGroupExists(m meeting.Meeting, group int) error {
	if group < 1 || group > len(m.Groups) {
		return meeting.Errork(meeting.ENOTFOUND, "store.NoGroupOf", meeting.Ref(m.ID), len(m.Groups), group)
	}
	return nil
}

// checkGroupNumbers checks that groups are numbered 1, 2, … in order.
func checkGroupNumbers(groups []meeting.Group) error {
	for i, g := range groups {
		if g.Number != i+1 {
			return meeting.Errork(meeting.EINVALID, "store.GroupNumbering", i+1, len(groups), g.Number, len(groups))
		}
	}
	return nil
}

// writeGroups checks the members of groups (numbers already checked)
// against meeting m and replaces m's stored groups with them.
func writeGroups(ctx context.Context, tx *sql.Tx, m meeting.Meeting, groups []meeting.Group) error {
	in := map[int64]int{} // member id → group number
	for _, g := range groups {
		for _, gm := range g.Members {
			mem, clusterID, err := findMember(ctx, tx, gm.MemberID)
			if err != nil {
				return err
			}
			switch other, dup := in[mem.ID]; {
			case clusterID != m.ClusterID:
				return meeting.Errork(meeting.EINVALID, "store.MemberNotInCluster", mem.Name, meeting.Ref(mem.ID), meeting.Ref(m.ID))
			case dup && other == g.Number:
				return meeting.Errork(meeting.EINVALID, "store.MemberTwiceInGroup", mem.Name, meeting.Ref(mem.ID), g.Number)
			case dup:
				return meeting.Errork(meeting.EINVALID, "store.MemberInTwoGroups", mem.Name, meeting.Ref(mem.ID), other, g.Number)
			}
			if err := mem.CheckActiveAt(m); err != nil {
				return err
			}
			in[mem.ID] = g.Number
		}
	}
	what := phrase("store.DoSaveGroups", meeting.Ref(m.ID))
	if _, err := tx.ExecContext(ctx, `DELETE FROM meeting_groups WHERE meeting_id = ?`, m.ID); err != nil {
		return translate(err, what)
	}
	for _, g := range groups {
		for pos, gm := range g.Members {
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO meeting_groups (meeting_id, number, position, member_id) VALUES (?, ?, ?, ?)`,
				m.ID, g.Number, pos, gm.MemberID); err != nil {
				return translate(err, what)
			}
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE meetings SET group_count = ? WHERE id = ?`, len(groups), m.ID)
	return translate(err, what)
}

// writeNote stores one note, replacing any earlier one.
func writeNote(ctx context.Context, tx *sql.Tx, meetingID, itemID int64, group int, text string, what meeting.Phrase) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO group_notes (meeting_id, agenda_item_id, group_number, text) VALUES (?, ?, ?, ?)
		ON CONFLICT (agenda_item_id, group_number) DO UPDATE SET text = excluded.text`,
		meetingID, itemID, group, text)
	return translate(err, what)
}

// findGroups reads the groups of each of ms into its Groups; nil when it
// has none.
func findGroups(ctx context.Context, tx *sql.Tx, ms ...*meeting.Meeting) error {
	set := setOf(ms)
	groups, err := groupsIn(ctx, tx, set)
	if err != nil {
		return err
	}
	for _, m := range ms {
		m.Groups = groups[m.ID]
	}
	return nil
}

// groupsOf reads the groups of meeting meetingID, numbered 1 … n, with
// each member's name and ydernummer from the roster; nil when it has none.
// An empty group has nil Members.
func groupsOf(ctx context.Context, tx *sql.Tx, meetingID int64) ([]meeting.Group, error) {
	groups, err := groupsIn(ctx, tx, setOf([]*meeting.Meeting{{ID: meetingID}}))
	return groups[meetingID], err
}

// groupsIn reads the groups of the meetings of set, by meeting id.
func groupsIn(ctx context.Context, tx *sql.Tx, set meetingSet) (map[int64][]meeting.Group, error) {
	what := phrase("store.DoReadGroups", set.name())
	counts, err := tx.QueryContext(ctx, `SELECT id, group_count FROM meetings WHERE id IN `+set.list, set.arg)
	if err != nil {
		return nil, translate(err, what)
	}
	defer counts.Close()
	out := map[int64][]meeting.Group{}
	count := map[int64]int{}
	for counts.Next() {
		var id int64
		var n int
		if err := counts.Scan(&id, &n); err != nil {
			return nil, translate(err, what)
		}
		count[id] = n
		var groups []meeting.Group
		for k := range n {
			groups = append(groups, meeting.Group{Number: k + 1})
		}
		out[id] = groups
	}
	if err := counts.Err(); err != nil {
		return nil, translate(err, what)
	}
	counts.Close()
	rows, err := tx.QueryContext(ctx, `
		SELECT g.meeting_id, g.number, g.member_id, m.name, p.ydernummer
		FROM meeting_groups g
		JOIN members m ON m.id = g.member_id
		JOIN practices p ON p.id = m.practice_id
		WHERE g.meeting_id IN `+set.list+`
		ORDER BY g.meeting_id, g.number, g.position`, set.arg)
	if err != nil {
		return nil, translate(err, what)
	}
	defer rows.Close()
	// Scanned into once for all rows (what Scan is given escapes to the
	// heap).
	var (
		meetingID, memberID int64
		number              int
		name, yd            string
	)
	for rows.Next() {
		if err := rows.Scan(&meetingID, &number, &memberID, &name, &yd); err != nil {
			return nil, translate(err, what)
		}
		gm := meeting.GroupMember{MemberID: memberID, Name: name, Ydernummer: yd}
		if number > count[meetingID] {
			return nil, meeting.Errork(meeting.EINTERNAL, "store.StoredGroupBeyond",
				meeting.Ref(meetingID), gm.Name, meeting.Ref(gm.MemberID), number, count[meetingID])
		}
		out[meetingID][number-1].Members = append(out[meetingID][number-1].Members, gm)
	}
	return out, translate(rows.Err(), what)
}

// findNotes reads the notes of the items of each of ms into their Notes; an item without
// notes has nil Notes. m.Items must be read.
func findNotes(ctx context.Context, tx *sql.Tx, ms ...*meeting.Meeting) error {
	set := setOf(ms)
	what := phrase("store.DoReadNotes", set.name())
	type at struct {
		m *meeting.Meeting
		i int
	}
	index := map[int64]at{}
	for _, m := range ms {
		for i := range m.Items {
			m.Items[i].Notes = nil
			index[m.Items[i].ID] = at{m, i}
		}
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT meeting_id, agenda_item_id, group_number, text FROM group_notes
		WHERE meeting_id IN `+set.list+` ORDER BY agenda_item_id, group_number`, set.arg)
	if err != nil {
		return translate(err, what)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			meetingID, itemID int64
			group             int
			text              string
		)
		if err := rows.Scan(&meetingID, &itemID, &group, &text); err != nil {
			return translate(err, what)
		}
		it, ok := index[itemID]
		if !ok || it.m.ID != meetingID {
			return meeting.Errork(meeting.EINTERNAL, "store.NoteItemMissing", meeting.Ref(meetingID), meeting.Ref(itemID))
		}
		item := &it.m.Items[it.i]
		if item.Notes == nil {
			item.Notes = map[int]string{}
		}
		item.Notes[group] = text
	}
	return translate(rows.Err(), what)
}

// createGroupWork stores a new meeting's groups and its items' notes (as
// SaveGroups and SaveGroupNote check them; empty notes are skipped) and
// reads them back into m. m.ID and the items' IDs must be set.
func createGroupWork(ctx context.Context, tx *sql.Tx, m *meeting.Meeting) error {
	if err := checkGroupNumbers(m.Groups); err != nil {
		return err
	}
	if len(m.Groups) > 0 {
		if err := writeGroups(ctx, tx, *m, m.Groups); err != nil {
			return err
		}
	}
	for i, it := range m.Items {
		for _, group := range slices.Sorted(maps.Keys(it.Notes)) {
			text := strings.TrimSpace(it.Notes[group])
			if text == "" {
				continue
			}
			if group < 1 || group > len(m.Groups) {
				return meeting.Errork(meeting.EINVALID, "store.NoteGroupBeyond",
					i+1, it.Title, group, len(m.Groups))
			}
			what := phrase("store.DoSaveGroupNoteAt", group, it.Title)
			if err := writeNote(ctx, tx, m.ID, it.ID, group, text, what); err != nil {
				return err
			}
		}
	}
	if err := findGroups(ctx, tx, m); err != nil {
		return err
	}
	return findNotes(ctx, tx, m)
}

// timerRow holds a round timer as the timer_* columns of agenda_items.
type timerRow struct {
	planned, paused          int64
	started, pausedAt, ended sql.NullString
}

// encodeTimer encodes a round timer; of names its item for errors.
func encodeTimer(t meeting.Timer, of meeting.Phrase) (timerRow, error) {
	row := timerRow{planned: int64(t.Planned), paused: int64(t.Paused)}
	var err error
	if row.started, err = encodeTimePtr(t.Started, phrase("store.TimeRoundStart", of)); err != nil {
		return row, err
	}
	if row.pausedAt, err = encodeTimePtr(t.PausedAt, phrase("store.TimeRoundPause", of)); err != nil {
		return row, err
	}
	if row.ended, err = encodeTimePtr(t.Ended, phrase("store.TimeRoundEnd", of)); err != nil {
		return row, err
	}
	return row, nil
}

// decodeTimer reads a timer written by encodeTimer.
func decodeTimer(row timerRow) (meeting.Timer, error) {
	t := meeting.Timer{Planned: time.Duration(row.planned), Paused: time.Duration(row.paused)}
	var err error
	if t.Started, err = decodeTimePtr(row.started); err != nil {
		return t, err
	}
	if t.PausedAt, err = decodeTimePtr(row.pausedAt); err != nil {
		return t, err
	}
	if t.Ended, err = decodeTimePtr(row.ended); err != nil {
		return t, err
	}
	return t, nil
}
