-- 0004: attendance. Who came to each meeting (the current record and an
-- append-only log of every change), the guests who are not members, when
-- each member joined, and the cluster's attendance rule.
--
-- Members are referred to by members.id and must belong to the meeting's
-- cluster: the *_same_cluster triggers refuse any other row. Members are
-- never deleted (they are retired), so their history stays.

-- NULL: the member has always been in the cluster (every member stored
-- before this schema). Meetings before the joining date do not count in
-- the member's attendance history.
ALTER TABLE members ADD COLUMN joined_at TEXT
	CHECK (joined_at IS NULL OR unixepoch(joined_at) IS NOT NULL);

-- The cluster's rule (meeting.AttendanceRule): reach out to a member who
-- missed more than max_missed meetings in the last 12 months, or who has
-- not come for more than months_away months without sending apologies
-- (0 turns that part off). Existing clusters get the default rule.
ALTER TABLE clusters ADD COLUMN max_missed INTEGER NOT NULL DEFAULT 1
	CHECK (max_missed >= 0);

ALTER TABLE clusters ADD COLUMN months_away INTEGER NOT NULL DEFAULT 6
	CHECK (months_away >= 0);

-- The current record of each member at each meeting; a member without a
-- row has not been checked in. Clearing a status (undo) deletes the row.
-- at is when the status was recorded: the arrival for late, the leaving
-- for left_early.
CREATE TABLE attendance (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	member_id  INTEGER NOT NULL REFERENCES members (id),
	status     TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent', 'late', 'left_early')),
	reason     TEXT NOT NULL DEFAULT '',
	at         TEXT NOT NULL CHECK (unixepoch(at) IS NOT NULL),
	PRIMARY KEY (meeting_id, member_id)
) STRICT;

CREATE INDEX attendance_member ON attendance (member_id);

-- Every change to attendance, in order: status '' is a cleared record
-- (at is then NULL when the caller gave no time). Rows are never changed.
CREATE TABLE attendance_log (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	member_id  INTEGER NOT NULL REFERENCES members (id),
	status     TEXT NOT NULL CHECK (status IN ('', 'present', 'apologies', 'absent', 'late', 'left_early')),
	reason     TEXT NOT NULL DEFAULT '',
	at         TEXT CHECK (at IS NULL OR unixepoch(at) IS NOT NULL),
	CHECK (status = '' OR at IS NOT NULL)
) STRICT;

CREATE INDEX attendance_log_meeting ON attendance_log (meeting_id, member_id, id);

CREATE TRIGGER attendance_log_append_only BEFORE UPDATE ON attendance_log
BEGIN
	SELECT RAISE(ABORT, 'attendance_log is append-only');
END;

-- Guests: speakers, pharmacist consultants, practice staff. They appear
-- in the minutes, in the order they were added.
CREATE TABLE guests (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	name       TEXT NOT NULL CHECK (trim(name) <> ''),
	role       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX guests_meeting ON guests (meeting_id, id);

CREATE TRIGGER attendance_same_cluster BEFORE INSERT ON attendance
WHEN (SELECT p.cluster_id FROM members m JOIN practices p ON p.id = m.practice_id WHERE m.id = NEW.member_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the member is not in the meeting''s cluster');
END;

CREATE TRIGGER attendance_same_cluster_update BEFORE UPDATE OF meeting_id, member_id ON attendance
WHEN (SELECT p.cluster_id FROM members m JOIN practices p ON p.id = m.practice_id WHERE m.id = NEW.member_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the member is not in the meeting''s cluster');
END;

CREATE TRIGGER attendance_log_same_cluster BEFORE INSERT ON attendance_log
WHEN (SELECT p.cluster_id FROM members m JOIN practices p ON p.id = m.practice_id WHERE m.id = NEW.member_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the member is not in the meeting''s cluster');
END;
