-- 0001: clusters with their practices and members; meetings with their pack
-- snapshot and agenda.
--
-- Times are RFC 3339 text with nanoseconds and the zone offset, as Go's
-- time.Time.MarshalText writes them ("2025-03-04T17:30:00+01:00"), so they
-- read back as the same instant in the same offset. Text does not sort by
-- instant across offsets: order with unixepoch(col, 'subsec'), not by col.
--
-- No rows are ever deleted yet; foreign keys without ON DELETE refuse to
-- delete a row that others refer to.

CREATE TABLE clusters (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL CHECK (trim(name) <> ''),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- A practice is the data unit; its ydernummer is unique within a cluster
-- (the same practice may belong to another cluster in the same file).
CREATE TABLE practices (
	id         INTEGER PRIMARY KEY,
	cluster_id INTEGER NOT NULL REFERENCES clusters (id),
	ydernummer TEXT NOT NULL CHECK (trim(ydernummer) <> ''),
	name       TEXT NOT NULL,
	UNIQUE (cluster_id, ydernummer)
) STRICT;

-- A member is a doctor of one practice. Members who leave are retired, not
-- deleted, so their attendance history stays.
CREATE TABLE members (
	id          INTEGER PRIMARY KEY,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	name        TEXT NOT NULL CHECK (trim(name) <> ''),
	email       TEXT NOT NULL DEFAULT '',
	role        TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'coordinator')),
	retired_at  TEXT CHECK (retired_at IS NULL OR unixepoch(retired_at) IS NOT NULL)
) STRICT;

CREATE INDEX members_practice ON members (practice_id);

-- pack_json is the meeting's own copy of its pack (see store/snapshot.go),
-- so editing the pack folder later never changes a meeting.
CREATE TABLE meetings (
	id            INTEGER PRIMARY KEY,
	cluster_id    INTEGER NOT NULL REFERENCES clusters (id),
	title         TEXT NOT NULL CHECK (trim(title) <> ''),
	planned_start TEXT NOT NULL CHECK (unixepoch(planned_start) IS NOT NULL),
	planned_end   TEXT NOT NULL CHECK (unixepoch(planned_end) IS NOT NULL),
	started_at    TEXT CHECK (started_at IS NULL OR unixepoch(started_at) IS NOT NULL),
	created_at    TEXT NOT NULL CHECK (unixepoch(created_at) IS NOT NULL),
	pack_json     TEXT NOT NULL CHECK (json_valid(pack_json)),
	CHECK (unixepoch(planned_end, 'subsec') >= unixepoch(planned_start, 'subsec'))
) STRICT;

CREATE INDEX meetings_cluster ON meetings (cluster_id);

-- One row per item of the snapshot's agenda, in order, for the run state
-- that later migrations add (actual start and end, timers).
CREATE TABLE agenda_items (
	id              INTEGER PRIMARY KEY,
	meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	position        INTEGER NOT NULL CHECK (position >= 0),
	kind            TEXT NOT NULL CHECK (kind IN ('welcome', 'talk', 'data', 'groupwork', 'plenum', 'break', 'evaluation')),
	title           TEXT NOT NULL,
	planned_minutes INTEGER NOT NULL CHECK (planned_minutes >= 0),
	speaker         TEXT NOT NULL DEFAULT '',
	UNIQUE (meeting_id, position)
) STRICT;
