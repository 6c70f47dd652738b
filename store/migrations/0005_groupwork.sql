-- 0005: group work. Each agenda item keeps its round's timer
-- (meeting.Timer) and, at a plenum, which group presents; the coordinator's
-- notes from each group's presentation are kept per item; and a meeting
-- has its groups (meeting.Group), which the next meeting of the cluster
-- reads to avoid repeating pairs.
--
-- Columns are added, not tables rebuilt, as in 0002.

-- The round's timer: a wall-clock start, the pause under way (if any),
-- the total of the finished pauses and the end, so a restart resumes with
-- the same time left. Durations are nanoseconds (time.Duration). A planned
-- length of 0 is a timer not yet set up (meeting.RunItem.RoundTimer
-- supplies it); any other is at least 1 minute (meeting.MinRound). As for
-- the item's own times, no order between the instants is required here;
-- the store checks them with meeting.Timer.Validate.
ALTER TABLE agenda_items ADD COLUMN timer_planned_ns INTEGER NOT NULL DEFAULT 0
	CHECK (timer_planned_ns = 0 OR timer_planned_ns >= 60000000000);

ALTER TABLE agenda_items ADD COLUMN timer_started TEXT
	CHECK (timer_started IS NULL OR (unixepoch(timer_started) IS NOT NULL AND timer_planned_ns > 0));

ALTER TABLE agenda_items ADD COLUMN timer_paused_at TEXT
	CHECK (timer_paused_at IS NULL OR (unixepoch(timer_paused_at) IS NOT NULL AND timer_started IS NOT NULL));

ALTER TABLE agenda_items ADD COLUMN timer_paused_ns INTEGER NOT NULL DEFAULT 0
	CHECK (timer_paused_ns >= 0 AND (timer_paused_ns = 0 OR timer_started IS NOT NULL));

-- A round that ended has no pause under way: End closes it.
ALTER TABLE agenda_items ADD COLUMN timer_ended TEXT
	CHECK (timer_ended IS NULL OR (unixepoch(timer_ended) IS NOT NULL AND timer_started IS NOT NULL AND timer_paused_at IS NULL));

-- The number of the group presenting at a plenum; 0 when none. It is not
-- tied to meeting_groups: groups formed again later leave it as it was.
ALTER TABLE agenda_items ADD COLUMN presenting INTEGER NOT NULL DEFAULT 0
	CHECK (presenting >= 0);

-- How many groups the meeting has, numbered 1 … group_count. Kept apart
-- from the rows below so a group left empty by moving its last member
-- keeps its number; 0 when the meeting has no groups.
ALTER TABLE meetings ADD COLUMN group_count INTEGER NOT NULL DEFAULT 0
	CHECK (group_count >= 0);

-- Who is in which group: each member at most once per meeting, in the
-- order of position within the group. Store.SaveGroups replaces all of a
-- meeting's rows at once and checks number <= group_count. Members must
-- belong to the meeting's cluster (the *_same_cluster triggers).
CREATE TABLE meeting_groups (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	number     INTEGER NOT NULL CHECK (number >= 1),
	position   INTEGER NOT NULL CHECK (position >= 0),
	member_id  INTEGER NOT NULL REFERENCES members (id),
	PRIMARY KEY (meeting_id, member_id),
	UNIQUE (meeting_id, number, position)
) STRICT;

CREATE INDEX meeting_groups_member ON meeting_groups (member_id);

-- The coordinator's summary of one group's presentation at one agenda
-- item, for the minutes. An empty note is no row. Notes go with their
-- item when a pending item is removed from the agenda, and are not tied
-- to meeting_groups, so forming groups again keeps them.
CREATE TABLE group_notes (
	meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
	group_number   INTEGER NOT NULL CHECK (group_number >= 1),
	text           TEXT NOT NULL CHECK (trim(text) <> ''),
	PRIMARY KEY (agenda_item_id, group_number)
) STRICT;

CREATE INDEX group_notes_meeting ON group_notes (meeting_id);

CREATE TRIGGER meeting_groups_same_cluster BEFORE INSERT ON meeting_groups
WHEN (SELECT p.cluster_id FROM members m JOIN practices p ON p.id = m.practice_id WHERE m.id = NEW.member_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the member is not in the meeting''s cluster');
END;

CREATE TRIGGER meeting_groups_same_cluster_update BEFORE UPDATE OF meeting_id, member_id ON meeting_groups
WHEN (SELECT p.cluster_id FROM members m JOIN practices p ON p.id = m.practice_id WHERE m.id = NEW.member_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the member is not in the meeting''s cluster');
END;

CREATE TRIGGER group_notes_same_meeting BEFORE INSERT ON group_notes
WHEN (SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id) IS NOT NEW.meeting_id
BEGIN
	SELECT RAISE(ABORT, 'the agenda item is not in the note''s meeting');
END;

CREATE TRIGGER group_notes_same_meeting_update BEFORE UPDATE OF meeting_id, agenda_item_id ON group_notes
WHEN (SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id) IS NOT NEW.meeting_id
BEGIN
	SELECT RAISE(ABORT, 'the agenda item is not in the note''s meeting');
END;
