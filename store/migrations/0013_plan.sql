-- 0013: the cluster's year plan (årshjul): its planned meetings with the
-- place, the pack or topic and the host practice. meeting_id links the
-- meeting created from an entry. revision counts changes (ICS SEQUENCE).
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

CREATE INDEX plan_cluster ON plan (cluster_id, starts_at);
