-- klynge schema 15: what migrations 0001-0015 make of a new database, in one step.
-- Written by `go test ./store -run TestNewSchemaIsTheMigrations -update`; do not edit.

CREATE TABLE clusters (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL CHECK (trim(name) <> ''),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
, max_missed INTEGER NOT NULL DEFAULT 1
	CHECK (max_missed >= 0), months_away INTEGER NOT NULL DEFAULT 6
	CHECK (months_away >= 0)) STRICT;

CREATE TABLE practices (
	id         INTEGER PRIMARY KEY,
	cluster_id INTEGER NOT NULL REFERENCES clusters (id),
	ydernummer TEXT NOT NULL CHECK (trim(ydernummer) <> ''),
	name       TEXT NOT NULL,
	UNIQUE (cluster_id, ydernummer)
) STRICT;

CREATE TABLE members (
	id          INTEGER PRIMARY KEY,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	name        TEXT NOT NULL CHECK (trim(name) <> ''),
	email       TEXT NOT NULL DEFAULT '',
	role        TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'coordinator')),
	retired_at  TEXT CHECK (retired_at IS NULL OR unixepoch(retired_at) IS NOT NULL)
, joined_at TEXT
	CHECK (joined_at IS NULL OR unixepoch(joined_at) IS NOT NULL)) STRICT;

CREATE TABLE meetings (
	id            INTEGER PRIMARY KEY,
	cluster_id    INTEGER NOT NULL REFERENCES clusters (id),
	title         TEXT NOT NULL CHECK (trim(title) <> ''),
	planned_start TEXT NOT NULL CHECK (unixepoch(planned_start) IS NOT NULL),
	planned_end   TEXT NOT NULL CHECK (unixepoch(planned_end) IS NOT NULL),
	started_at    TEXT CHECK (started_at IS NULL OR unixepoch(started_at) IS NOT NULL),
	created_at    TEXT NOT NULL CHECK (unixepoch(created_at) IS NOT NULL),
	pack_json     TEXT NOT NULL CHECK (json_valid(pack_json)), group_count INTEGER NOT NULL DEFAULT 0
	CHECK (group_count >= 0), slide INTEGER NOT NULL DEFAULT 0 CHECK (slide >= 0), chart_json TEXT NOT NULL DEFAULT '{}',
	CHECK (unixepoch(planned_end, 'subsec') >= unixepoch(planned_start, 'subsec'))
) STRICT;

CREATE TABLE agenda_items (
	id              INTEGER PRIMARY KEY,
	meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	position        INTEGER NOT NULL CHECK (position >= 0),
	kind            TEXT NOT NULL CHECK (kind IN ('welcome', 'talk', 'data', 'groupwork', 'plenum', 'break', 'evaluation')),
	title           TEXT NOT NULL,
	planned_minutes INTEGER NOT NULL CHECK (planned_minutes >= 0),
	speaker         TEXT NOT NULL DEFAULT '', pack_index INTEGER
	CHECK (pack_index IS NULL OR pack_index >= 0), started_at TEXT
	CHECK (started_at IS NULL OR unixepoch(started_at) IS NOT NULL), ended_at TEXT
	CHECK (ended_at IS NULL OR (unixepoch(ended_at) IS NOT NULL AND started_at IS NOT NULL)), skipped INTEGER NOT NULL DEFAULT 0
	CHECK (skipped IN (0, 1)), questions_json TEXT
	CHECK (questions_json IS NULL OR json_valid(questions_json)), indicators_json TEXT
	CHECK (indicators_json IS NULL OR json_valid(indicators_json)), timer_planned_ns INTEGER NOT NULL DEFAULT 0
	CHECK (timer_planned_ns = 0 OR timer_planned_ns >= 60000000000), timer_started TEXT
	CHECK (timer_started IS NULL OR (unixepoch(timer_started) IS NOT NULL AND timer_planned_ns > 0)), timer_paused_at TEXT
	CHECK (timer_paused_at IS NULL OR (unixepoch(timer_paused_at) IS NOT NULL AND timer_started IS NOT NULL)), timer_paused_ns INTEGER NOT NULL DEFAULT 0
	CHECK (timer_paused_ns >= 0 AND (timer_paused_ns = 0 OR timer_started IS NOT NULL)), timer_ended TEXT
	CHECK (timer_ended IS NULL OR (unixepoch(timer_ended) IS NOT NULL AND timer_started IS NOT NULL AND timer_paused_at IS NULL)), presenting INTEGER NOT NULL DEFAULT 0
	CHECK (presenting >= 0), followup INTEGER NOT NULL DEFAULT 0
	CHECK (followup = 0 OR (followup = 1 AND kind = 'plenum')),
	UNIQUE (meeting_id, position)
) STRICT;

CREATE TABLE meeting_values (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	indicator   TEXT NOT NULL CHECK (trim(indicator) <> ''),
	numerator   REAL CHECK (numerator IS NULL OR numerator >= 0),
	denominator REAL CHECK (denominator IS NULL OR denominator > 0),
	value       REAL,
	period      TEXT NOT NULL DEFAULT '',
	UNIQUE (meeting_id, practice_id, indicator),
	CHECK ((value IS NOT NULL AND numerator IS NULL AND denominator IS NULL)
		OR (value IS NULL AND numerator IS NOT NULL AND denominator IS NOT NULL))
) STRICT;

CREATE TABLE meeting_codes (
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	code        TEXT NOT NULL CHECK (code <> '' AND code NOT GLOB '*[^A-Z]*'),
	PRIMARY KEY (meeting_id, practice_id),
	UNIQUE (meeting_id, code)
) STRICT;

CREATE TABLE consent_log (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	given       INTEGER NOT NULL CHECK (given IN (0, 1)),
	at          TEXT NOT NULL CHECK (unixepoch(at) IS NOT NULL)
) STRICT;

CREATE TABLE attendance (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	member_id  INTEGER NOT NULL REFERENCES members (id),
	status     TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent', 'late', 'left_early')),
	reason     TEXT NOT NULL DEFAULT '',
	at         TEXT NOT NULL CHECK (unixepoch(at) IS NOT NULL),
	PRIMARY KEY (meeting_id, member_id)
) STRICT;

CREATE TABLE attendance_log (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	member_id  INTEGER NOT NULL REFERENCES members (id),
	status     TEXT NOT NULL CHECK (status IN ('', 'present', 'apologies', 'absent', 'late', 'left_early')),
	reason     TEXT NOT NULL DEFAULT '',
	at         TEXT CHECK (at IS NULL OR unixepoch(at) IS NOT NULL),
	CHECK (status = '' OR at IS NOT NULL)
) STRICT;

CREATE TABLE guests (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	name       TEXT NOT NULL CHECK (trim(name) <> ''),
	role       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE meeting_groups (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	number     INTEGER NOT NULL CHECK (number >= 1),
	position   INTEGER NOT NULL CHECK (position >= 0),
	member_id  INTEGER NOT NULL REFERENCES members (id),
	PRIMARY KEY (meeting_id, member_id),
	UNIQUE (meeting_id, number, position)
) STRICT;

CREATE TABLE group_notes (
	meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
	group_number   INTEGER NOT NULL CHECK (group_number >= 1),
	text           TEXT NOT NULL CHECK (trim(text) <> ''),
	PRIMARY KEY (agenda_item_id, group_number)
) STRICT;

CREATE TABLE pledges (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	member_id   INTEGER REFERENCES members (id),
	action      TEXT NOT NULL CHECK (trim(action) <> ''),
	owner       TEXT NOT NULL DEFAULT '',
	due         TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(due) = due),
	indicator   TEXT NOT NULL DEFAULT '',
	target      REAL CHECK (target IS NULL OR indicator <> ''),
	created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
		CHECK (unixepoch(created_at) IS NOT NULL),
	deleted_at  TEXT CHECK (deleted_at IS NULL OR unixepoch(deleted_at) IS NOT NULL)
, revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0), changed_at TEXT CHECK (changed_at IS NULL OR unixepoch(changed_at) IS NOT NULL)) STRICT;

CREATE TABLE pledge_reviews (
	pledge_id  INTEGER PRIMARY KEY REFERENCES pledges (id) ON DELETE CASCADE,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	outcome    TEXT NOT NULL CHECK (outcome IN ('done', 'partly', 'not_done', 'dropped')),
	comment    TEXT NOT NULL DEFAULT '',
	at         TEXT NOT NULL CHECK (unixepoch(at) IS NOT NULL)
) STRICT;

CREATE TABLE database_info (
	id  INTEGER PRIMARY KEY CHECK (id = 1),
	uid TEXT NOT NULL CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*')
) STRICT;

CREATE TABLE evaluation_scores (
	id             INTEGER PRIMARY KEY,
	meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
	score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
	count          INTEGER NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 200)
) STRICT;

CREATE TABLE evaluation_notes (
	agenda_item_id INTEGER PRIMARY KEY REFERENCES agenda_items (id) ON DELETE CASCADE,
	meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	worked         TEXT NOT NULL DEFAULT '',
	change         TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE decisions (
	id             INTEGER PRIMARY KEY,
	meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
	text           TEXT NOT NULL CHECK (trim(text) <> ''),
	unanimous      INTEGER NOT NULL DEFAULT 0 CHECK (unanimous IN (0, 1)),
	votes_for      INTEGER NOT NULL DEFAULT 0 CHECK (votes_for >= 0),
	votes_against  INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
	votes_abstain  INTEGER NOT NULL DEFAULT 0 CHECK (votes_abstain >= 0),
	rule           TEXT NOT NULL DEFAULT '',
	made_at        TEXT NOT NULL CHECK (unixepoch(made_at) IS NOT NULL),
	CHECK (unanimous = 0 OR (votes_against = 0 AND votes_abstain = 0))
) STRICT;

CREATE TABLE plan (
	id         INTEGER PRIMARY KEY,
	cluster_id INTEGER NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
	starts_at  TEXT NOT NULL CHECK (unixepoch(starts_at) IS NOT NULL),
	place      TEXT NOT NULL DEFAULT '',
	topic      TEXT NOT NULL DEFAULT '',
	host       TEXT NOT NULL DEFAULT '',
	meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
	revision   INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0)
) STRICT;

CREATE TABLE data_arrivals (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	at          TEXT NOT NULL CHECK (unixepoch(at) IS NOT NULL),
	source      TEXT NOT NULL,
	figures     INTEGER NOT NULL CHECK (figures > 0)
) STRICT;

CREATE TABLE region_figures (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	indicator  TEXT NOT NULL CHECK (trim(indicator) <> ''),
	value      REAL NOT NULL,
	source     TEXT NOT NULL,
	practices  INTEGER NOT NULL CHECK (practices > 0),
	PRIMARY KEY (meeting_id, indicator)
) STRICT;

CREATE INDEX members_practice ON members (practice_id);

CREATE INDEX meetings_cluster ON meetings (cluster_id);

CREATE UNIQUE INDEX agenda_items_pack_index ON agenda_items (meeting_id, pack_index)
	WHERE pack_index IS NOT NULL;

CREATE INDEX consent_log_practice ON consent_log (meeting_id, practice_id, id);

CREATE INDEX attendance_member ON attendance (member_id);

CREATE INDEX attendance_log_meeting ON attendance_log (meeting_id, member_id, id);

CREATE INDEX guests_meeting ON guests (meeting_id, id);

CREATE INDEX meeting_groups_member ON meeting_groups (member_id);

CREATE INDEX group_notes_meeting ON group_notes (meeting_id);

CREATE INDEX pledges_meeting ON pledges (meeting_id);

CREATE INDEX pledges_practice ON pledges (practice_id);

CREATE INDEX pledge_reviews_meeting ON pledge_reviews (meeting_id);

CREATE INDEX evaluation_scores_item ON evaluation_scores (agenda_item_id, id);

CREATE INDEX evaluation_scores_meeting ON evaluation_scores (meeting_id);

CREATE INDEX evaluation_notes_meeting ON evaluation_notes (meeting_id);

CREATE INDEX decisions_meeting ON decisions (meeting_id, id);

CREATE INDEX plan_cluster ON plan (cluster_id, starts_at);

CREATE INDEX decisions_item ON decisions (agenda_item_id);

CREATE INDEX plan_meeting ON plan (meeting_id);

CREATE INDEX data_arrivals_practice ON data_arrivals (meeting_id, practice_id, id);

CREATE TRIGGER consent_log_append_only BEFORE UPDATE ON consent_log
BEGIN
	SELECT RAISE(ABORT, 'consent_log is append-only');
END;

CREATE TRIGGER meeting_values_same_cluster BEFORE INSERT ON meeting_values
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice is not in the meeting''s cluster');
END;

CREATE TRIGGER meeting_codes_same_cluster BEFORE INSERT ON meeting_codes
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice is not in the meeting''s cluster');
END;

CREATE TRIGGER consent_log_same_cluster BEFORE INSERT ON consent_log
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice is not in the meeting''s cluster');
END;

CREATE TRIGGER attendance_log_append_only BEFORE UPDATE ON attendance_log
BEGIN
	SELECT RAISE(ABORT, 'attendance_log is append-only');
END;

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

CREATE TRIGGER pledges_same_cluster BEFORE INSERT ON pledges
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
	OR (NEW.member_id IS NOT NULL
		AND (SELECT practice_id FROM members WHERE id = NEW.member_id) IS NOT NEW.practice_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice or member is not in the meeting''s cluster');
END;

CREATE TRIGGER pledges_same_cluster_update BEFORE UPDATE OF meeting_id, practice_id, member_id ON pledges
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
	OR (NEW.member_id IS NOT NULL
		AND (SELECT practice_id FROM members WHERE id = NEW.member_id) IS NOT NEW.practice_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice or member is not in the meeting''s cluster');
END;

CREATE TRIGGER pledge_reviews_same_cluster BEFORE INSERT ON pledge_reviews
WHEN (SELECT m.cluster_id FROM pledges p JOIN meetings m ON m.id = p.meeting_id WHERE p.id = NEW.pledge_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the review''s meeting is not in the pledge''s cluster');
END;

CREATE TRIGGER pledge_reviews_same_cluster_update BEFORE UPDATE OF pledge_id, meeting_id ON pledge_reviews
WHEN (SELECT m.cluster_id FROM pledges p JOIN meetings m ON m.id = p.meeting_id WHERE p.id = NEW.pledge_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the review''s meeting is not in the pledge''s cluster');
END;

CREATE TRIGGER pledges_revision AFTER UPDATE OF practice_id, member_id, action, owner, due, indicator, target, deleted_at ON pledges
WHEN OLD.practice_id IS NOT NEW.practice_id OR OLD.member_id IS NOT NEW.member_id
	OR OLD.action IS NOT NEW.action OR OLD.owner IS NOT NEW.owner OR OLD.due IS NOT NEW.due
	OR OLD.indicator IS NOT NEW.indicator OR OLD.target IS NOT NEW.target OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
	UPDATE pledges SET revision = OLD.revision + 1,
		changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.id;
END;

CREATE TRIGGER data_arrivals_same_cluster BEFORE INSERT ON data_arrivals
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice is not in the meeting''s cluster');
END;

INSERT INTO database_info (id, uid) VALUES (1, lower(hex(randomblob(16))));
